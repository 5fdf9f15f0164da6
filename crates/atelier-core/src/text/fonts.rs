//! The font files a caller has loaded, by their catalog path. The core reads no files: the shop fills this at
//! start-up from its static folder, the app as the fetches arrive (a Hangul file only once a shopper types a
//! character the Latin one lacks).

use std::collections::BTreeMap;
use std::sync::Arc;

/// Font bytes by path (as the catalog names them, relative to the static root).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fonts {
    files: BTreeMap<String, Arc<[u8]>>,
}

impl Fonts {
    /// No fonts yet.
    pub fn new() -> Fonts {
        Fonts::default()
    }

    /// Adds (or replaces) the file at `path`.
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Arc<[u8]>>) {
        self.files.insert(path.into(), bytes.into());
    }

    /// The bytes of the file at `path`, if loaded.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|b| &b[..])
    }

    /// Whether the file at `path` is loaded.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }
}
