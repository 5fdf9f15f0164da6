//! The shop's catalogs: every `catalogs/*.json` under the static root, validated at start-up with the core's
//! checks (layer files are looked up on disk). A shop with a broken catalog refuses to start and prints every
//! problem, rather than serving a product that cannot be ordered. The font files the catalogs' text placements
//! name are read at the same time (the same files the app fetches from `/static`), so the shop checks and
//! measures personal text exactly as the app did.

use anyhow::{Result, bail};
use atelier_core::text::{Face, Fonts};
use atelier_core::{Catalog, Locale};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A catalog and the file it came from.
pub struct Loaded {
    /// The validated catalog.
    pub catalog: Catalog,
    /// The file's text, served as-is to the app (which validates it again with the same code).
    pub json: Arc<str>,
    /// Lowercase hex SHA-256 of the file's bytes as loaded, named in every order spec (`catalog_sha256`) so a
    /// retailer knows exactly which catalog an order was checked against.
    pub sha256: String,
}

/// Lowercase hex SHA-256 of a catalog file's bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// Every product the shop sells, by id.
#[derive(Default)]
pub struct Catalogs {
    by_id: BTreeMap<String, Loaded>,
    fonts: Fonts,
}

impl Catalogs {
    /// Loads and validates every catalog under `static_dir/catalogs`.
    pub fn load(static_dir: &Path) -> Result<Catalogs> {
        let dir = static_dir.join("catalogs");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| anyhow::anyhow!("cannot read the catalog folder {}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                name.ends_with(".json") && !name.ends_with(".schema.json")
            })
            .collect();
        files.sort();
        let mut catalogs = Catalogs::default();
        let mut report = String::new();
        for file in files {
            let json = std::fs::read_to_string(&file)?;
            match Catalog::from_json(&json, &|rel: &str| static_dir.join(rel).is_file()) {
                Ok(catalog) => {
                    let id = catalog.id.0.clone();
                    if catalogs.by_id.contains_key(&id) {
                        report.push_str(&format!(
                            "{}: a second catalog with id {id}\n",
                            file.display()
                        ));
                    }
                    catalogs.by_id.insert(
                        id,
                        Loaded {
                            catalog,
                            sha256: sha256_hex(json.as_bytes()),
                            json: json.into(),
                        },
                    );
                }
                Err(problems) => {
                    for p in problems {
                        report.push_str(&format!(
                            "{}: {}: {}\n",
                            file.display(),
                            p.path,
                            p.message(Locale::En)
                        ));
                    }
                }
            }
        }
        for loaded in catalogs.by_id.values() {
            for path in loaded.catalog.texts.iter().flat_map(|t| &t.fonts) {
                if catalogs.fonts.contains(path) {
                    continue;
                }
                let bytes = std::fs::read(static_dir.join(path))?;
                if Face::parse(&bytes).is_err() {
                    report.push_str(&format!("{path}: not a font file that can be read\n"));
                }
                catalogs.fonts.insert(path.clone(), bytes);
            }
        }
        if !report.is_empty() {
            bail!("the catalogs have problems:\n{report}");
        }
        Ok(catalogs)
    }

    /// Builds the set from catalogs already validated (for tests and tools).
    pub fn from_loaded(items: impl IntoIterator<Item = Loaded>) -> Catalogs {
        Catalogs {
            by_id: items
                .into_iter()
                .map(|l| (l.catalog.id.0.clone(), l))
                .collect(),
            fonts: Fonts::new(),
        }
    }

    /// The font files of every text placement, by catalog path.
    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// The product with `id`.
    pub fn get(&self, id: &str) -> Option<&Loaded> {
        self.by_id.get(id)
    }

    /// Every product, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Loaded> {
        self.by_id.values()
    }
}
