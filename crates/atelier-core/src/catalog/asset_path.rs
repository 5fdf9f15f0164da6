//! The one path-traversal guard for every file a catalog names (layer images, fonts): a relative path of
//! plain segments with one of the expected extensions, so a catalog can never point the shop or the browser
//! outside its static root.
//!
//! It owns only the shape of the path; whether the file exists is the caller's question (`file_exists`), since
//! the core does no IO. Layer images and fonts used to have a copy each, differing only in the extension; a
//! drift between two copies of a security check is a bug waiting, so there is one.

/// The longest path accepted: far above any real asset path, short enough to keep hostile input small.
const MAX_LEN: usize = 200;

/// Whether `path` is a safe asset path ending in one of `extensions` (each with its dot, such as `".png"`):
/// at most 200 bytes of `/`-separated segments, each non-empty, neither `.` nor `..`, made only of ASCII
/// letters, digits, `-`, `_` and `.`. That rules out absolute paths, `..`, backslashes, drive letters, URL
/// schemes, percent-encoding, whitespace, NUL and every non-ASCII character in one go.
pub(crate) fn is_safe_asset_path(path: &str, extensions: &[&str]) -> bool {
    extensions.iter().any(|ext| path.ends_with(ext))
        && path.len() <= MAX_LEN
        && path.split('/').all(|seg| {
            !seg.is_empty()
                && seg != "."
                && seg != ".."
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::is_safe_asset_path;

    const LAYER: &[&str] = &[".png"];
    const FONT: &[&str] = &[".ttf", ".otf"];

    fn check(path: &str, extensions: &[&str], expect: bool) {
        assert_eq!(
            is_safe_asset_path(path, extensions),
            expect,
            "{path:?} with {extensions:?}"
        );
    }

    #[test]
    fn plain_relative_paths_are_safe() {
        check("products/runner-one/side/base.png", LAYER, true);
        check("base.png", LAYER, true);
        check("a_b-c.d.png", LAYER, true);
        check("fonts/AtelierSans-Latin.ttf", FONT, true);
        check("fonts/x.otf", FONT, true);
        check(&format!("{}.png", "a".repeat(196)), LAYER, true);
    }

    /// Every hostile path is refused for layers and fonts alike (`EXT` stands for each expected extension).
    #[test]
    fn hostile_paths_are_refused() {
        for (pattern, why) in [
            ("..", "parent alone"),
            ("../xEXT", "parent first"),
            ("a/../bEXT", "parent inside"),
            ("a/../EXT", "parent then a bare extension"),
            ("./xEXT", "current dir"),
            ("a/./bEXT", "current dir inside"),
            ("/etc/passwdEXT", "absolute"),
            ("//host/share/xEXT", "UNC-like"),
            ("a//bEXT", "empty segment"),
            ("a/b/EXT/", "trailing slash"),
            ("a\\bEXT", "backslash"),
            ("..\\xEXT", "backslash parent"),
            ("C:\\xEXT", "drive letter"),
            ("C:/xEXT", "drive letter with slash"),
            ("c:xEXT", "drive-relative"),
            ("http://x/yEXT", "URL scheme"),
            ("file:///etc/xEXT", "file URL"),
            ("%2e%2e/xEXT", "URL-encoded dots"),
            ("a%2fbEXT", "URL-encoded slash"),
            ("a\0bEXT", "NUL"),
            ("aEXT\0", "NUL after the extension"),
            ("a bEXT", "space"),
            ("a\nbEXT", "newline"),
            ("~/xEXT", "home"),
            ("$HOME/xEXT", "variable"),
            ("a?bEXT", "query"),
            ("a#bEXT", "fragment"),
            ("\u{ff41}/xEXT", "full-width letter"),
            ("\u{2025}/xEXT", "two-dot leader"),
        ] {
            for (extensions, ext) in [(LAYER, ".png"), (FONT, ".ttf"), (FONT, ".otf")] {
                let path = pattern.replace("EXT", ext);
                assert!(!is_safe_asset_path(&path, extensions), "{why}: {path:?}");
            }
        }
    }

    #[test]
    fn the_extension_must_be_one_expected() {
        check("a.jpg", LAYER, false);
        check("a.ttf", LAYER, false);
        check("fonts/x.png", FONT, false);
        check("a.PNG", LAYER, false);
        check("a.png.txt", LAYER, false);
        check("a", LAYER, false);
        check("", LAYER, false);
        check("", FONT, false);
        check("a.png", &[], false);
    }

    #[test]
    fn the_length_is_capped() {
        check(&format!("{}.png", "a".repeat(197)), LAYER, false);
        check(&format!("{}/x.ttf", "a/".repeat(100)), FONT, false);
    }

    /// Segments that look odd but stay inside the root: dots other than `.` and `..` are plain names.
    #[test]
    fn dotted_names_that_stay_inside_are_safe() {
        check("...png", LAYER, true);
        check(".hidden/x.png", LAYER, true);
        check("a/...b.png", LAYER, true);
        check(".png", LAYER, true);
    }
}
