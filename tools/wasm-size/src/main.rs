//! `atelier-wasm-size [--crates] <module.wasm>`: where a wasm module's bytes go, by crate group (or by crate),
//! as `make bench` lines.
//!
//! Reads the module cargo writes before wasm-bindgen and wasm-opt (it still has its function names), gathers
//! each function body under the crate its symbol belongs to (the data segments apart), compresses each group's
//! bytes on their own, and prints each group's share of the compressed whole as `bundle.share.<group>_pct: N %`.
//! Shares, not bytes: wasm-opt shrinks the code somewhat and the shipped file is compressed as one, but the
//! shares carry over (multiply by `bundle.wasm_js_gzip_kb` for an estimate in KB).
//!
//! A generic function counts for the crate that defines it, wherever it is instantiated: Yew's component
//! machinery instantiated for the app's components counts as `yew`, `core::ptr::drop_in_place` for the app's
//! types as `rust_runtime`. wasm-bindgen's `__wbindgen_describe_*` functions are left out (wasm-bindgen
//! removes them). Written here because no tool on crates.io groups by crate for a bench line (`twiggy` lists
//! functions); the parsing and demangling are libraries'.

use flate2::Compression;
use flate2::write::GzEncoder;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

/// Which group a crate's bytes are reported under.
fn group(krate: &str) -> &'static str {
    match krate {
        "atelier" => "app",
        "atelier_core" => "atelier_core",
        "atelier_render" => "atelier_render",
        "yew" | "yew_macro" | "implicit_clone" | "prokio" | "gloo_events" | "gloo_utils"
        | "slab" => "yew",
        "core" | "alloc" | "std" | "dlmalloc" | "hashbrown" | "__rustc" | "compiler_builtins" => {
            "rust_runtime"
        }
        "serde" | "serde_core" | "serde_json" | "zmij" | "itoa" | "ryu" | "indexmap" => "serde",
        "wasm_bindgen"
        | "js_sys"
        | "web_sys"
        | "wasm_bindgen_futures"
        | "gloo_net"
        | "gloo_storage"
        | "futures_util"
        | "futures_core"
        | "futures_channel"
        | "futures"
        | "console_error_panic_hook" => "browser_bindings",
        "ttf_parser" | "owned_ttf_parser" | "ab_glyph" | "ab_glyph_rasterizer" | "core_maths" => {
            "fonts"
        }
        "unicode_normalization" | "tinyvec" => "unicode_tables",
        "palette" | "palette_math" | "libm" => "color_math",
        "sha2" | "digest" | "block_buffer" | "cpufeatures" => "sha2",
        _ => "other",
    }
}

/// The crate a (mangled) symbol belongs to: the first path segment of its demangled name, looking through
/// `<T as Trait>` to `T`'s crate, or to the trait's when `T` is a primitive or generic (`<f64 as Debug>`);
/// a primitive's own methods count as `core`.
fn krate(symbol: &str) -> String {
    let name = format!("{:#}", rustc_demangle::demangle(symbol));
    let first = |path: &str| -> String {
        let path = path
            .trim_start_matches(['<', '&', '*', '['])
            .trim_start_matches("mut ")
            .trim_start_matches("const ");
        match path.split_once("::") {
            Some((head, _)) if !head.contains(['<', ' ', '>', '[', ';']) => head.to_owned(),
            _ => String::new(),
        }
    };
    match first(&name) {
        k if !k.is_empty() => k,
        _ => match name.split_once(" as ") {
            Some((_, tr)) if !first(tr).is_empty() => first(tr),
            // An inherent method of a primitive type (`<char>::escape_debug_ext`): the standard library's.
            _ if name.starts_with('<') => "core".to_owned(),
            _ => name,
        },
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (by_crate, path) = match &args[..] {
        [flag, path] if flag == "--crates" => (true, path),
        [path] if !path.starts_with('-') => (false, path),
        _ => {
            eprintln!("usage: atelier-wasm-size [--crates] <module.wasm>");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("atelier-wasm-size: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match shares(&bytes, by_crate) {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("atelier-wasm-size: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The gzip size of `bytes`, alone.
fn gzipped(bytes: &[u8]) -> usize {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    let _ = gz.write_all(bytes);
    gz.finish().map_or(bytes.len(), |v| v.len())
}

/// The bench lines for one module, largest group (or crate) first.
fn shares(bytes: &[u8], by_crate: bool) -> Result<Vec<String>, wasmparser::BinaryReaderError> {
    let mut imported = 0u32;
    let mut bodies = Vec::new();
    let mut data = Vec::new();
    let mut names = BTreeMap::new();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import?.ty, TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(&bytes[body.range()]),
            Payload::DataSection(reader) => data.extend_from_slice(&bytes[reader.range()]),
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(names_reader) = reader.as_known() {
                    for subsection in names_reader {
                        if let Name::Function(map) = subsection? {
                            for naming in map {
                                let naming = naming?;
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut by_group: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (i, body) in bodies.iter().enumerate() {
        let name = names.get(&(imported + i as u32)).map_or("", String::as_str);
        if name.starts_with("__wbindgen_describe") {
            continue;
        }
        let krate = krate(name);
        let key = if by_crate {
            krate
        } else {
            group(&krate).to_owned()
        };
        by_group.entry(key).or_default().extend_from_slice(body);
    }
    by_group.insert("data".to_owned(), data);
    let sizes: BTreeMap<String, usize> = by_group
        .into_iter()
        .map(|(g, b)| (g, gzipped(&b)))
        .collect();
    let total: usize = sizes.values().sum();
    let mut groups: Vec<_> = sizes
        .into_iter()
        .filter(|(_, size)| *size * 1000 >= total)
        .collect();
    groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(groups
        .into_iter()
        .map(|(g, size)| {
            format!(
                "bundle.share.{g}_pct: {:.1} %",
                100.0 * size as f64 / total as f64
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_go_to_their_crate() {
        for (symbol, expected) in [
            // Legacy mangling, a plain path.
            ("_ZN3yew4html9component17h0123456789abcdefE", "yew"),
            // A trait impl: the implementing type's crate.
            (
                "_ZN98_$LT$$RF$mut$u20$serde_json..de..Deserializer$LT$R$GT$$u20$as$u20$serde_core..de..Deserializer$GT$15deserialize_map17h9e530749a07e78afE",
                "serde_json",
            ),
            // A trait impl for a primitive: the trait's crate.
            (
                "_ZN42_$LT$f64$u20$as$u20$core..fmt..Display$GT$3fmt17h0123456789abcdefE",
                "core",
            ),
            // v0 mangling.
            ("_RNvNtCsgXGp5Oqx2Ny_4core3str19slice_error_fail_rt", "core"),
            // Not a Rust symbol: its own name.
            ("memcpy", "memcpy"),
        ] {
            assert_eq!(krate(symbol), expected, "{symbol}");
        }
    }

    #[test]
    fn crates_fall_into_groups() {
        assert_eq!(group("atelier"), "app");
        assert_eq!(group("js_sys"), "browser_bindings");
        assert_eq!(group("something_new"), "other");
    }

    #[test]
    fn a_module_that_is_not_wasm_is_an_error() {
        assert!(shares(b"not wasm", false).is_err());
    }
}
