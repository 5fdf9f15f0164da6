//! The word lists: which texts are refused, and why.
//!
//! The core ships short starter lists in English and Korean (`moderation/en.txt`, `moderation/ko.txt`, compiled
//! in); a retailer extends them with a file in the same format ([`WordList::parse`], [`WordList::extend`]).
//! Entries and texts are compared in the form [`crate::text::normalize`] builds, so evasions by spacing, digits,
//! full-width forms or look-alike letters are caught, and an allow-list lets known false positives through
//! (`Scunthorpe`). A refusal names the category, never the word. Characters are checked elsewhere
//! ([`crate::text::check_characters`]).

use crate::text::{Refusal, normalize};

const EN: &str = include_str!("../../moderation/en.txt");
const KO: &str = include_str!("../../moderation/ko.txt");

/// Why an entry is listed; the reason a shopper is shown.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// Sexual or scatological swearing.
    Obscenity,
    /// A word that demeans people for who they are.
    Slur,
    /// A personal insult.
    Insult,
}

impl Category {
    fn from_section(name: &str) -> Option<Self> {
        Some(match name {
            "obscenity" => Category::Obscenity,
            "slur" => Category::Slur,
            "insult" => Category::Insult,
            _ => return None,
        })
    }

    /// The message key of the reason shown for this category.
    pub fn message_key(self) -> &'static str {
        match self {
            Category::Obscenity => "text.refused.obscenity",
            Category::Slur => "text.refused.slur",
            Category::Insult => "text.refused.insult",
        }
    }

    /// The category whose reason is `key` ([`Category::message_key`]'s inverse), for reading a verdict that
    /// travelled as its key ([`crate::text::wire`]).
    pub fn from_message_key(key: &str) -> Option<Self> {
        [Category::Obscenity, Category::Slur, Category::Insult]
            .into_iter()
            .find(|c| c.message_key() == key)
    }

    /// The refusal a text gets for containing an entry of this category: the reason only, never the word.
    pub fn refusal(self) -> Refusal {
        Refusal {
            key: self.message_key(),
            args: Vec::new(),
        }
    }
}

/// A problem in a word-list file, with its line number (from 1).
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ListProblem {
    /// A `[section]` that is not one of `obscenity`, `slur`, `insult`, `allow`.
    #[error("line {line}: unknown section [{name}]")]
    UnknownSection {
        /// Line number, from 1.
        line: usize,
        /// The section's name as written.
        name: String,
    },
    /// An entry before any section, so without a category.
    #[error("line {line}: entry outside a section")]
    OutsideSection {
        /// Line number, from 1.
        line: usize,
    },
    /// An entry that normalizes to nothing (only punctuation, say), which would match every text.
    #[error("line {line}: entry has no letters")]
    Empty {
        /// Line number, from 1.
        line: usize,
    },
}

#[derive(Clone, Debug)]
struct Rule {
    category: Category,
    /// The entry in comparison form.
    pattern: String,
    /// Matches anywhere inside a token rather than a whole token.
    substring: bool,
}

enum Section {
    None,
    Refuse(Category),
    Allow,
}

/// Listed words with their categories, and the allow-list of known false positives.
#[derive(Clone, Debug, Default)]
pub struct WordList {
    rules: Vec<Rule>,
    allow: Vec<String>,
}

impl WordList {
    /// The starter lists shipped with the core, English and Korean together.
    pub fn builtin() -> WordList {
        let (mut list, _) = WordList::parse(EN);
        list.extend(WordList::parse(KO).0);
        list
    }

    /// The starter lists, parsed once and shared (the app checks on every keystroke).
    pub fn shared() -> &'static WordList {
        static LIST: std::sync::OnceLock<WordList> = std::sync::OnceLock::new();
        LIST.get_or_init(WordList::builtin)
    }

    /// Reads a list file, keeping every good entry and reporting every bad line at once.
    pub fn parse(src: &str) -> (WordList, Vec<ListProblem>) {
        let mut list = WordList::default();
        let mut problems = Vec::new();
        let mut section = Section::None;
        for (i, raw) in src.lines().enumerate() {
            let line = i + 1;
            let text = raw.split('#').next().unwrap_or("").trim();
            if text.is_empty() {
                continue;
            }
            if let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                section = match (name.trim(), Category::from_section(name.trim())) {
                    ("allow", _) => Section::Allow,
                    (_, Some(category)) => Section::Refuse(category),
                    (other, None) => {
                        problems.push(ListProblem::UnknownSection {
                            line,
                            name: other.to_owned(),
                        });
                        Section::None
                    }
                };
                continue;
            }
            let (substring, word) = match text.strip_prefix('*').and_then(|t| t.strip_suffix('*')) {
                Some(inner) => (true, inner),
                None => (false, text),
            };
            // Entries are written plainly, so the first reading is the one meant.
            let pattern = normalize(word).remove(0).joined();
            if pattern.is_empty() {
                problems.push(ListProblem::Empty { line });
                continue;
            }
            match section {
                Section::None => problems.push(ListProblem::OutsideSection { line }),
                Section::Allow => list.allow.push(pattern),
                Section::Refuse(category) => list.rules.push(Rule {
                    category,
                    pattern,
                    substring,
                }),
            }
        }
        (list, problems)
    }

    /// Adds another list's entries and allowed words (a retailer's list on top of the starter lists).
    pub fn extend(&mut self, other: WordList) {
        self.rules.extend(other.rules);
        self.allow.extend(other.allow);
    }

    /// `Ok` if `text` may be used; otherwise the reason, from the first listed entry found in any reading.
    pub fn check(&self, text: &str) -> Result<(), Refusal> {
        for reading in normalize(text) {
            for token in &reading.tokens {
                if let Some(category) = self.match_token(token) {
                    return Err(category.refusal());
                }
            }
        }
        Ok(())
    }

    fn match_token(&self, token: &str) -> Option<Category> {
        if self.allow.iter().any(|a| a == token) {
            return None;
        }
        // Allowed words inside the token are cut out, so "scunthorpeshop" passes but an allowed word cannot
        // shield a listed one elsewhere in the same token.
        let mut pieces = vec![token.to_owned()];
        for allowed in &self.allow {
            pieces = pieces
                .iter()
                .flat_map(|p| p.split(allowed.as_str()).map(str::to_owned))
                .collect();
        }
        self.rules
            .iter()
            .find(|rule| {
                if rule.substring {
                    pieces.iter().any(|p| p.contains(&rule.pattern))
                } else {
                    token == rule.pattern
                }
            })
            .map(|rule| rule.category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_lists_are_clean() {
        assert_eq!(WordList::parse(EN).1, []);
        assert_eq!(WordList::parse(KO).1, []);
    }

    #[test]
    fn bad_lines_are_all_reported() {
        let (list, problems) = WordList::parse("oops\n[rude]\n[insult]\n***\nnincompoop\n");
        assert_eq!(
            problems,
            [
                ListProblem::OutsideSection { line: 1 },
                ListProblem::UnknownSection {
                    line: 2,
                    name: "rude".into()
                },
                ListProblem::Empty { line: 4 },
            ]
        );
        assert!(list.check("Nincompoop").is_err());
    }
}
