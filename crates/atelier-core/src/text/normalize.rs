//! The comparison form of a text, used only to check it against word lists; never shown, never stored.
//!
//! Folded, in this order:
//! 1. Unicode NFKC: full-width forms (`ｆｕｃｋ`), ligatures, circled and styled letters become plain ones.
//! 2. NFD, then combining marks dropped: accents do not hide a word (`fück` reads as `fuck`); Hangul syllables
//!    become their jamo, so a word is also found when typed jamo by jamo (`ㅂㅕㅇㅅㅣㄴ`): a lone leading
//!    consonant after a vowel and before no vowel is read as that syllable's final consonant.
//! 3. Look-alikes: Cyrillic and Greek letters that look Latin become Latin (Cyrillic `а`, `е`, `о`, `р`, `с`,
//!    Greek `Α`, `ο`, `ν`…), capital forms before lowercasing where the small form looks different (Greek `Η` is
//!    `h`, but `η` is `n`).
//! 4. Lowercase with Unicode's full mapping, plus `ß` → `ss` and final `ς` → `σ` (full case folding for the
//!    letters that differ).
//! 5. Leetspeak: `0`→o, `1`→i (and a second reading with `1`→l), `3`→e, `4`→a, `5`→s, `7`→t, `@`→a, `$`→s.
//! 6. Tokens: whitespace separates tokens; punctuation and symbols inside a token are dropped (`f.u.c.k`,
//!    `b-i-t-c-h`); runs of two or more one-letter (or one-syllable) tokens are joined, so spaced-out words
//!    (`f u c k`, `씨 발`) read as one.
//!
//! Not folded: words split unevenly (`fu ck`), symbols used as letters beyond the list above (`f*ck`), digits
//! between Hangul syllables, and initial-consonant abbreviations (`ㅅㅂ`); a retailer's list can add those.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One reading of a text in comparison form: its tokens, each already folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    /// The folded tokens, in order.
    pub tokens: Vec<String>,
}

impl Normalized {
    /// All tokens run together, the form a word-list entry is compared in.
    pub fn joined(&self) -> String {
        self.tokens.concat()
    }
}

/// Every reading of `text` in comparison form: one, or two when a `1` could stand for `i` or `l`.
pub fn normalize(text: &str) -> Vec<Normalized> {
    let decomposed: String = text
        .nfkc()
        .collect::<String>()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect();
    let mut readings = vec![fold(&decomposed, 'i')];
    if decomposed.contains('1') {
        readings.push(fold(&decomposed, 'l'));
    }
    readings
}

fn fold(decomposed: &str, one_as: char) -> Normalized {
    // (folded text, units) per raw token; units counts letters and Hangul syllables, not vowel/final jamo.
    let mut raw: Vec<(String, usize)> = Vec::new();
    let mut current = (String::new(), 0usize);
    for c in decomposed.chars() {
        if c.is_whitespace() {
            if !current.0.is_empty() {
                raw.push(std::mem::take(&mut current));
            }
            continue;
        }
        for f in fold_char(c, one_as) {
            if f.is_alphanumeric() {
                current.0.push(f);
                if !is_medial_or_final_jamo(f) {
                    current.1 += 1;
                }
            }
        }
    }
    if !current.0.is_empty() {
        raw.push(current);
    }

    let mut tokens = Vec::new();
    let mut run = String::new();
    let mut run_len = 0;
    for (token, units) in raw {
        if units == 1 {
            run.push_str(&token);
            run_len += 1;
            continue;
        }
        if run_len > 0 {
            tokens.push(std::mem::take(&mut run));
            run_len = 0;
        }
        tokens.push(token);
    }
    if run_len > 0 {
        tokens.push(run);
    }
    Normalized {
        tokens: tokens.iter().map(|t| finals(t)).collect(),
    }
}

fn fold_char(c: char, one_as: char) -> Vec<char> {
    let c = upper_lookalike(c).unwrap_or(c);
    let mut out = Vec::new();
    for l in c.to_lowercase() {
        match l {
            'ß' => out.extend(['s', 's']),
            'ς' => out.push('σ'),
            _ => out.push(lower_lookalike(l).unwrap_or(l)),
        }
    }
    for ch in &mut out {
        *ch = match *ch {
            '0' => 'o',
            '1' => one_as,
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '@' => 'a',
            '$' => 's',
            other => other,
        };
    }
    out
}

/// Capital Greek letters whose small forms look like a different Latin letter.
fn upper_lookalike(c: char) -> Option<char> {
    Some(match c {
        'Η' => 'h',
        'Ν' => 'n',
        'Μ' => 'm',
        'Ζ' => 'z',
        'Υ' => 'y',
        'Ρ' => 'p',
        'Χ' => 'x',
        'Β' => 'b',
        _ => return None,
    })
}

/// Small Cyrillic, Greek and Latin letters that look like a plain Latin letter.
fn lower_lookalike(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' => 'a',
        'в' => 'b',
        'е' | 'ё' => 'e',
        'ѕ' => 's',
        'і' | 'ї' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'м' => 'm',
        'н' | 'һ' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' | 'ү' => 'y',
        'х' => 'x',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ӏ' => 'l',
        // Greek
        'α' => 'a',
        'β' => 'b',
        'ε' => 'e',
        'η' => 'n',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' | 'μ' => 'u',
        'χ' => 'x',
        'ω' => 'w',
        // Latin
        'ı' => 'i',
        'ł' => 'l',
        _ => return None,
    })
}

fn is_medial_or_final_jamo(c: char) -> bool {
    matches!(c, '\u{1160}'..='\u{11FF}')
}

fn is_vowel_jamo(c: char) -> bool {
    matches!(c, '\u{1160}'..='\u{11A7}')
}

/// Reads a lone leading consonant that follows a vowel and precedes none as a final consonant, so jamo typed one
/// by one (which NFKC leaves as leading consonants) compare equal to the composed syllable.
fn finals(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    let mut out = String::with_capacity(token.len());
    for (i, &c) in chars.iter().enumerate() {
        let after_vowel = i > 0 && is_vowel_jamo(chars[i - 1]);
        let before_vowel = chars.get(i + 1).is_some_and(|n| is_vowel_jamo(*n));
        match final_of(c) {
            Some(f) if after_vowel && !before_vowel => out.push(f),
            _ => out.push(c),
        }
    }
    out
}

fn final_of(leading: char) -> Option<char> {
    Some(match leading {
        '\u{1100}' => '\u{11A8}',
        '\u{1101}' => '\u{11A9}',
        '\u{1102}' => '\u{11AB}',
        '\u{1103}' => '\u{11AE}',
        '\u{1105}' => '\u{11AF}',
        '\u{1106}' => '\u{11B7}',
        '\u{1107}' => '\u{11B8}',
        '\u{1109}' => '\u{11BA}',
        '\u{110A}' => '\u{11BB}',
        '\u{110B}' => '\u{11BC}',
        '\u{110C}' => '\u{11BD}',
        '\u{110E}' => '\u{11BE}',
        '\u{110F}' => '\u{11BF}',
        '\u{1110}' => '\u{11C0}',
        '\u{1111}' => '\u{11C1}',
        '\u{1112}' => '\u{11C2}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Vec<String> {
        normalize(text).remove(0).tokens
    }

    #[test]
    fn folds_as_documented() {
        assert_eq!(first("ＦＵＣＫ"), ["fuck"]);
        assert_eq!(first("Fück"), ["fuck"]);
        assert_eq!(first("f u c k you"), ["fuck", "you"]);
        assert_eq!(first("f.u.c.k"), ["fuck"]);
        assert_eq!(first("Straße"), ["strasse"]);
        assert_eq!(first("Ѕһіт"), ["shit"]);
        assert_eq!(first("@55"), ["ass"]);
        assert_eq!(normalize("b1tch")[1].tokens, ["bltch"]);
        assert_eq!(first("ㅂㅕㅇㅅㅣㄴ"), first("병신"));
        assert_eq!(first("씨 발"), first("씨발"));
    }
}
