//! House rules that reviewers would otherwise have to remember, checked on every `cargo test` (the way
//! rust-analyzer's tidy test does): every Rust source file opens with a `//!` paragraph saying what it owns,
//! every one is named in ARCHITECTURE.md's code map, and every `#[allow]` says why.
//!
//! It reads the tree as text; it checks presence, not prose (a reviewer still reads what the lines say).

use std::fs;
use std::path::{Path, PathBuf};

/// The folders whose Rust files make up the product (tests, examples and benches have their own rules).
const SOURCES: &[&str] = &[
    "src",
    "crates/atelier-core/src",
    "crates/atelier-render/src",
    "crates/atelier-shop/src",
    "tools/artwork/src",
    "tools/order-load/src",
    "tools/wasm-size/src",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !path.ends_with("node_modules") && !path.ends_with("target") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every product source file, as (path from the repository root, path from its `src/`).
fn sources() -> Vec<(String, String)> {
    let root = root();
    let mut files = Vec::new();
    for dir in SOURCES {
        let mut found = Vec::new();
        rust_files(&root.join(dir), &mut found);
        assert!(
            !found.is_empty(),
            "{dir} has no Rust files: is SOURCES stale?"
        );
        for path in found {
            let from_root = path.strip_prefix(&root).expect("under the root");
            let from_src = path.strip_prefix(root.join(dir)).expect("under its src");
            files.push((
                from_root.to_string_lossy().replace('\\', "/"),
                from_src.to_string_lossy().replace('\\', "/"),
            ));
        }
    }
    files.sort();
    files
}

#[test]
fn every_source_file_says_what_it_owns() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| {
            let text = fs::read_to_string(root().join(path)).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` paragraph: {missing:#?}"
    );
}

#[test]
fn every_source_file_is_in_the_code_map() {
    let map = fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    // A file counts as named when the map names it by its path inside `src/` (`catalog/raw.rs`) or, in the
    // paragraph of its folder, by its file name (`raw.rs`); `lib.rs`, `main.rs` and `mod.rs` are their crate
    // or folder, which the map names anyway.
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|(_, inside)| {
            let name = inside.rsplit('/').next().unwrap_or(inside);
            !matches!(name, "lib.rs" | "main.rs" | "mod.rs")
                && !map.contains(&format!("`{inside}`"))
                && !map.contains(&format!("{name}`"))
        })
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "files ARCHITECTURE.md's code map does not name: {missing:#?}"
    );
}

#[test]
fn every_allow_says_why() {
    let mut files = Vec::new();
    for dir in ["src", "crates", "tools", "tests"] {
        rust_files(&root().join(dir), &mut files);
    }
    let mut silent = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if !(code.starts_with("#[allow(") || code.starts_with("#![allow(")) {
                continue;
            }
            // The whole attribute, which rustfmt may have spread over several lines.
            let at = text.lines().skip(n).collect::<Vec<_>>().join("\n");
            let attribute = &at[..at.find(")]").unwrap_or(at.len())];
            if !attribute.contains("reason") {
                let shown = path.strip_prefix(root()).unwrap_or(&path).display();
                silent.push(format!("{shown}:{}", n + 1));
            }
        }
    }
    assert!(
        silent.is_empty(),
        "`#[allow]`s without a `reason = \"…\"`: {silent:#?}"
    );
}
