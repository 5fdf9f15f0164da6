//! `atelier-shop catalog check` as a retailer runs it: the real binary on the sample catalog, on a broken copy
//! with several problems (each printed at the line and column where it is), on a syntax error, on a missing
//! file, in Korean, and with bad arguments. Expected positions come from searching the text, not from the
//! locator under test.

use std::path::{Path, PathBuf};
use std::process::Command;

const SAMPLE: &str = include_str!("../../../static/catalogs/runner-one.json");

fn static_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static")
}

/// Runs `atelier-shop catalog check ARGS` without `ATELIER_STATIC_DIR`; returns exit code, stdout, stderr.
fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_atelier-shop"))
        .args(["catalog", "check"])
        .args(args)
        .env_remove("ATELIER_STATIC_DIR")
        .output()
        .expect("the binary runs");
    (
        out.status.code().expect("an exit code"),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// `line:column` (1-based, columns in characters) of the `nth` (0-based) occurrence of `needle` after the
/// first occurrence of `anchor`.
fn pos(text: &str, anchor: &str, needle: &str, nth: usize) -> String {
    let start = text.find(anchor).expect("anchor in text");
    let mut at = start;
    for i in 0..=nth {
        let from = if i == 0 { at } else { at + 1 };
        at = from + text[from..].find(needle).expect("needle in text");
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    format!(
        "{}:{}",
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1
    )
}

/// Replaces the first `old` after the first `anchor`.
fn edit(text: &str, anchor: &str, old: &str, new: &str) -> String {
    let start = text.find(anchor).expect("anchor in text");
    let at = start + text[start..].find(old).expect("old in text");
    format!("{}{new}{}", &text[..at], &text[at + old.len()..])
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the catalog");
    path.display().to_string()
}

#[test]
fn the_sample_catalog_is_ok() {
    // No --static-dir: the layers are found under static/, the folder above static/catalogs/.
    let file = static_dir().join("catalogs/runner-one.json");
    let file = file.to_str().expect("utf-8 path");
    let (code, out, err) = check(&[file]);
    assert_eq!(
        (code, out, err),
        (0, format!("{file}: ok\n"), String::new())
    );
}

/// The sample with seven mistakes, some after Korean text on the same line.
fn broken() -> String {
    let t = SAMPLE.to_owned();
    let t = edit(&t, "\"base_price\"", "139000", "-5");
    let t = edit(
        &t,
        "\"ko\": \"러너 원\"",
        "\"러너 원\"",
        "\"러너 원\", \"kr\": \"x\"",
    );
    let t = edit(&t, "\"id\": \"white\"", "\"#f3f1ec\"", "\"white\"");
    let t = edit(&t, "\"id\": \"bone\"", "\"swatch\": \"#e6dccb\",", "");
    let t = edit(
        &t,
        "\"id\": \"toe\"",
        "\"toe\",",
        "\"toe\", \"colour\": \"red\",",
    );
    let t = edit(&t, "\"id\": \"heel\"", "\"royal\"", "\"mauve\"");
    edit(&t, "side/heel.png", "heel.png", "nope.png")
}

#[test]
fn a_broken_catalog_prints_every_problem_where_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = broken();
    let file = write(dir.path(), "broken.json", &text);
    let root = static_dir();
    let (code, out, err) = check(&["--static-dir", root.to_str().expect("utf-8"), &file]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(err, "");

    let expected = [
        (
            pos(&text, "\"ko\": \"러너 원\"", "\"kr\"", 0),
            "unknown_field: \"kr\" is not a field of this format (a typo?). (at name.kr)",
        ),
        (
            pos(&text, "\"base_price\"", "-5", 0),
            "negative_price: A price cannot be negative (-5). (at base_price)",
        ),
        (
            pos(&text, "\"id\": \"white\"", "\"white\"", 1),
            "invalid_swatch: The swatch \"white\" is not a color of the form #rrggbb. \
             (at colors[0].swatch)",
        ),
        (
            // The object without its swatch: its opening brace, the line before its id.
            pos(&text, "\"id\": \"white\"", "{", 1),
            "missing_field: The field \"swatch\" is required here. (at colors[1])",
        ),
        (
            pos(&text, "\"id\": \"toe\"", "\"colour\"", 0),
            "unknown_field: \"colour\" is not a field of this format (a typo?). \
             (at zones[0].colour)",
        ),
        (
            pos(&text, "\"id\": \"heel\"", "\"mauve\"", 0),
            "unknown_color: There is no color \"mauve\". (at zones[2].colors[4])",
        ),
        (
            pos(
                &text,
                "side/sole.png",
                "\"products/runner-one/side/nope.png\"",
                0,
            ),
            "missing_file: The file \"products/runner-one/side/nope.png\" does not exist. \
             (at views[0].layers[1].file)",
        ),
    ];
    let mut want: Vec<String> = expected
        .iter()
        .map(|(at, rest)| format!("{file}:{at}: {rest}"))
        .collect();
    want.push(format!(
        "{file}: note: layer files are looked up under {} (change it with --static-dir)",
        root.display()
    ));
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got, want);
    // The Korean name line: "kr" sits after multi-byte text, so a byte column would be larger.
    assert_eq!(expected[0].0, "7:19");
}

#[test]
fn messages_in_korean() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = broken();
    let file = write(dir.path(), "broken.json", &text);
    let root = static_dir();
    let (code, out, _) = check(&[
        "--lang",
        "ko",
        "--static-dir",
        root.to_str().expect("utf-8"),
        &file,
    ]);
    assert_eq!(code, 1);
    let at = pos(&text, "\"base_price\"", "-5", 0);
    let line =
        format!("{file}:{at}: negative_price: 가격은 음수일 수 없습니다 (-5). (at base_price)");
    assert!(out.lines().any(|l| l == line), "{out}");
    assert!(out.contains("참고: 레이어 파일은"), "{out}");

    let sample = static_dir().join("catalogs/runner-one.json");
    let sample = sample.to_str().expect("utf-8");
    assert_eq!(
        check(&["--lang", "ko", sample]).1,
        format!("{sample}: ok\n")
    );
}

#[test]
fn a_syntax_error_is_placed_in_characters() {
    let dir = tempfile::tempdir().expect("temp dir");
    // serde_json stops at the `]` after "러너", byte 28 of line 2 but character 24.
    let file = write(
        dir.path(),
        "bad.json",
        "{\n  \"name\": { \"ko\": \"러너\" ]\n}\n",
    );
    let (code, out, _) = check(&[&file]);
    assert_eq!(code, 1);
    let prefix = format!("{file}:2:24: syntax: The file is not valid: ");
    assert!(out.starts_with(&prefix), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn a_missing_file_is_reported_and_the_others_still_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope.json");
    let missing = missing.to_str().expect("utf-8");
    let sample = static_dir().join("catalogs/runner-one.json");
    let sample = sample.to_str().expect("utf-8");
    let (code, out, _) = check(&[missing, sample]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!("{missing}: cannot read the file: ")),
        "{out}"
    );
    assert_eq!(lines[1], format!("{sample}: ok"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [&[][..], &["--lang", "fr", "x.json"], &["--nope", "x.json"]] {
        let (code, out, err) = check(args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(out, "", "{args:?}");
        assert!(err.contains("usage: atelier-shop catalog check"), "{err}");
    }
    let unknown = Command::new(env!("CARGO_BIN_EXE_atelier-shop"))
        .arg("serve-me")
        .output()
        .expect("the binary runs");
    assert_eq!(unknown.status.code(), Some(2));
}
