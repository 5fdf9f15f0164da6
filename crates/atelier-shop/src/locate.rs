//! Where a problem path such as `zones[2].colors[4]` or `rules[3].requires.if["sole.color"][0]` points in a
//! catalog's source text, as a 1-based line and column, so the catalog checker can print `FILE:LINE:COLUMN`.
//!
//! It owns the path notation the core's problems use (dotted keys, `[n]` indices, `["quoted.key"]` for keys
//! that contain a dot, `""` for the whole file) and the byte-offset-to-line/column arithmetic. It leaves the
//! parsing to `jsonc-parser` (dprint's JSON AST with byte spans) rather than a scanner of our own: string
//! escapes and nesting are easy to get subtly wrong, and strictness does not matter here because serde has
//! already judged the file by the time anything is located. Columns count characters (Unicode scalar values),
//! as rustc and most editors do, not bytes.

use jsonc_parser::ast::{ObjectProp, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
use std::fmt;

/// A 1-based line and column (in characters) in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Where a path led: the value it names (or the deepest part of it that exists) and, when its last step is an
/// object key, that key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Located {
    /// The start of the value the path names, or of the deepest prefix that could be resolved.
    pub value: Position,
    /// The start of the quoted key whose value that is, when the resolved part ends in an object key.
    pub key: Option<Position>,
    /// Whether the whole path was resolved (false: `value` is a prefix's position).
    pub exact: bool,
}

/// One step of a problem path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// An object key: `name` or `["sole.color"]`.
    Key(String),
    /// An array index: `[3]`.
    Index(usize),
}

/// A catalog's text, parsed once so that many paths can be located in it.
pub struct Locator<'a> {
    text: &'a str,
    root: Option<Value<'a>>,
}

impl<'a> Locator<'a> {
    /// Parses `text`. Text that does not parse at all still locates every path, at its first character.
    pub fn new(text: &'a str) -> Locator<'a> {
        let root = parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default())
            .ok()
            .and_then(|r| r.value);
        Locator { text, root }
    }

    /// Where `path` points; the deepest resolvable prefix when some of it is not in the text.
    pub fn locate(&self, path: &str) -> Located {
        let (steps, parsed_fully) = parse_path(path);
        let Some(mut value) = self.root.as_ref() else {
            return Located {
                value: self.position(0),
                key: None,
                exact: false,
            };
        };
        let mut key = None;
        let mut exact = parsed_fully;
        for step in &steps {
            let next = match (step, value) {
                (Step::Key(k), Value::Object(o)) => o
                    .properties
                    .iter()
                    // The last of duplicate keys, as serde keeps the last value it reads.
                    .rfind(|p| p.name.as_str() == k)
                    .map(|p: &ObjectProp<'a>| (&p.value, Some(p.name.start()))),
                (Step::Index(i), Value::Array(a)) => a.elements.get(*i).map(|e| (e, None)),
                _ => None,
            };
            match next {
                Some((v, k)) => {
                    value = v;
                    key = k;
                }
                None => {
                    exact = false;
                    break;
                }
            }
        }
        Located {
            value: self.position(value.start()),
            key: key.map(|k| self.position(k)),
            exact,
        }
    }

    /// The line and column of a byte offset (clamped to the text, rounded down to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    /// The character column of serde_json's `line` and `column`, which counts bytes up to and including the
    /// byte it stopped at.
    pub fn serde_position(&self, line: usize, column: usize) -> Position {
        let Some(text) = self.text.split('\n').nth(line.saturating_sub(1)) else {
            return Position { line, column };
        };
        let mut end = column.min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Position {
            line,
            column: text[..end].chars().count().max(1),
        }
    }
}

/// The steps of `path`, and whether all of it was understood (a malformed tail is dropped, so the caller lands
/// on the deepest prefix that was).
pub fn parse_path(path: &str) -> (Vec<Step>, bool) {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let step = if after.starts_with('"') {
                quoted_key(after)
            } else {
                after.split_once(']').and_then(|(n, tail)| {
                    let n = n.parse::<usize>().ok()?;
                    Some((Step::Index(n), tail))
                })
            };
            match step {
                Some((s, tail)) => {
                    steps.push(s);
                    rest = tail;
                }
                None => return (steps, false),
            }
        } else {
            // A bare key runs to the next `.` or `[`; a leading `.` separates it from the step before.
            let body = if steps.is_empty() {
                rest
            } else {
                match rest.strip_prefix('.') {
                    Some(b) => b,
                    None => return (steps, false),
                }
            };
            if body.starts_with('[') {
                rest = body;
                continue;
            }
            let end = body.find(['.', '[']).unwrap_or(body.len());
            if end == 0 {
                return (steps, false);
            }
            steps.push(Step::Key(body[..end].to_owned()));
            rest = &body[end..];
        }
    }
    (steps, true)
}

/// A `"..."]` key (JSON string syntax, so `\"` and `\\` work) and what follows it.
fn quoted_key(s: &str) -> Option<(Step, &str)> {
    let mut escaped = false;
    for (i, c) in s.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => {
                let key: String = serde_json::from_str(&s[..=i]).ok()?;
                let tail = s[i + 1..].strip_prefix(']')?;
                return Some((Step::Key(key), tail));
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines are numbered in the comments; `é` and `러` are multi-byte, so byte and character columns differ.
    const TEXT: &str = r#"{
  "id": "x",
  "name": { "en": "Été", "ko": "러너" },
  "zones": [
    { "id": "toe", "colors": ["white", "navy"] },
    { "id": "heel" }
  ],
  "rules": [
    { "requires": { "if": { "sole.color": ["gum", "tan"] },
                    "then": { "a\"b": [1] } } }
  ]
}"#;

    /// Locates `path` in [`TEXT`] and compares `line:column` of the value, and whether it was exact.
    fn check(path: &str, expect: &str, exact: bool) {
        let got = Locator::new(TEXT).locate(path);
        assert_eq!(
            (got.value.to_string().as_str(), got.exact),
            (expect, exact),
            "path {path:?}"
        );
    }

    #[test]
    fn locates_values() {
        for (path, expect, exact) in [
            ("", "1:1", true),
            ("id", "2:9", true),
            ("name", "3:11", true),
            ("name.ko", "3:32", true),
            ("zones", "4:12", true),
            ("zones[0]", "5:5", true),
            ("zones[0].colors[1]", "5:40", true),
            ("zones[1].id", "6:13", true),
            (r#"rules[0].requires.if["sole.color"]"#, "9:43", true),
            (r#"rules[0].requires.if["sole.color"][1]"#, "9:51", true),
            (r#"rules[0].requires.then["a\"b"][0]"#, "10:40", true),
        ] {
            check(path, expect, exact);
        }
    }

    #[test]
    fn missing_parts_land_on_the_deepest_prefix() {
        for (path, expect) in [
            // The object lacking a field, as a `missing_field` problem names it.
            ("zones[1].colors", "6:5"),
            ("zones[1].colors[0]", "6:5"),
            ("zones[7]", "4:12"),
            ("nothing.here", "1:1"),
            // An index into an object, a key into an array: as far as the shape allows.
            ("name[0]", "3:11"),
            ("zones.toe", "4:12"),
            (r#"rules[0].requires.if["sole.material"]"#, "9:27"),
            // Malformed paths: the part before the mistake.
            ("zones[x]", "4:12"),
            (r#"rules[0].requires.if["sole.color"#, "9:27"),
            ("zones[0]..id", "5:5"),
        ] {
            check(path, expect, false);
        }
    }

    #[test]
    fn the_key_of_the_last_step_is_known() {
        let l = Locator::new(TEXT);
        assert_eq!(
            l.locate("name.ko").key.map(|p| p.to_string()),
            Some("3:26".into())
        );
        assert_eq!(l.locate("zones[0]").key, None);
    }

    #[test]
    fn paths_parse_into_steps() {
        use Step::*;
        let (steps, full) = parse_path(r#"rules[3].requires.if["sole.color"][0]"#);
        assert!(full);
        assert_eq!(
            steps,
            vec![
                Key("rules".into()),
                Index(3),
                Key("requires".into()),
                Key("if".into()),
                Key("sole.color".into()),
                Index(0)
            ]
        );
        assert_eq!(parse_path(""), (vec![], true));
        assert_eq!(parse_path("[2]"), (vec![Index(2)], true));
    }

    #[test]
    fn text_that_does_not_parse_locates_at_the_start() {
        let got = Locator::new("{ \"a\": [1, }").locate("a[0]");
        assert_eq!((got.value.to_string().as_str(), got.exact), ("1:1", false));
    }

    #[test]
    fn serde_columns_become_character_columns() {
        // serde_json counts bytes: on line 3 the `,` after "Été" (5 bytes for 3 characters) is byte 26 but
        // character 24.
        let l = Locator::new(TEXT);
        assert_eq!(l.serde_position(3, 26).to_string(), "3:24");
        assert_eq!(l.serde_position(1, 1).to_string(), "1:1");
        // A line past the end keeps serde's numbers.
        assert_eq!(l.serde_position(99, 4).to_string(), "99:4");
    }
}
