//! The shop's catalogs: every `catalogs/*.json` under the static root, validated at start-up with the core's
//! checks (layer files are looked up on disk). A shop with a broken catalog refuses to start and prints every
//! problem, rather than serving a product that cannot be ordered. Each catalog also holds its views' decoded
//! layers ([`crate::artwork`]), which `main` decodes at start-up ([`Catalogs::decode_artwork`]). The font files the
//! catalogs' text placements name are read at the same time (the same files the app fetches from `/static`), so
//! the shop checks and measures personal text exactly as the app did.

use crate::artwork::ViewArtwork;
use crate::still::{Still, StillError};
use anyhow::{Result, bail};
use atelier_core::text::{Face, Fonts};
use atelier_core::{Catalog, Locale};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// A catalog and the file it came from.
pub struct Loaded {
    /// The validated catalog.
    pub catalog: Catalog,
    /// The file's text, served as-is to the app (which validates it again with the same code).
    pub json: Arc<str>,
    /// Lowercase hex SHA-256 of the file's bytes as loaded, named in every order spec (`catalog_sha256`) so a
    /// retailer knows exactly which catalog an order was checked against.
    pub sha256: String,
    /// Each view's layers for drawing orders, in catalog view order.
    pub artwork: Vec<ViewArtwork>,
    /// Each view of the default design as the page's first paint, made on first use ([`Loaded::stills`]).
    stills: OnceLock<Result<Arc<[Still]>, Arc<StillError>>>,
}

impl Loaded {
    /// A validated catalog read from `json`, its layers to be read from under `static_dir`.
    pub fn new(catalog: Catalog, json: &str, static_dir: &Path) -> Loaded {
        Loaded {
            artwork: catalog
                .views()
                .iter()
                .map(|v| ViewArtwork::new(v.clone(), static_dir))
                .collect(),
            catalog,
            sha256: sha256_hex(json.as_bytes()),
            json: json.into(),
            stills: OnceLock::new(),
        }
    }

    /// Every view of the default design, drawn and encoded on the first call (blocking: call it off the async
    /// runtime, or at start-up) and kept.
    pub fn stills(&self, fonts: &Fonts) -> Result<Arc<[Still]>, Arc<StillError>> {
        self.stills
            .get_or_init(|| {
                crate::still::render(self, fonts)
                    .map(Into::into)
                    .map_err(Arc::new)
            })
            .clone()
    }

    /// The layers of the view with `id`.
    pub fn view_artwork(&self, id: &str) -> Option<&ViewArtwork> {
        self.artwork.iter().find(|a| a.view().id.as_str() == id)
    }
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
                    let id = catalog.id().0.clone();
                    if catalogs.by_id.contains_key(&id) {
                        report.push_str(&format!(
                            "{}: a second catalog with id {id}\n",
                            file.display()
                        ));
                    }
                    catalogs
                        .by_id
                        .insert(id, Loaded::new(catalog, &json, static_dir));
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
            for path in loaded.catalog.texts().iter().flat_map(|t| &t.fonts) {
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

    /// Decodes every view's layers at proof scale now (blocking, a second or two), so a broken layer file
    /// stops the shop at start-up and the first order does not wait for decoding. Reports every broken view.
    pub fn decode_artwork(&self) -> Result<()> {
        let broken: Vec<String> = self
            .by_id
            .values()
            .flat_map(|l| &l.artwork)
            .filter_map(|a| a.proof_layers().err())
            .map(|e| format!("{e}\n"))
            .collect();
        if !broken.is_empty() {
            bail!("the catalogs' layers have problems:\n{}", broken.concat());
        }
        Ok(())
    }

    /// Draws and encodes every product's stills now (blocking, a second or so per view at the best PNG
    /// compression), so the first shopper's page does not wait for them. Reports every product that fails.
    pub fn make_stills(&self) -> Result<()> {
        let broken: Vec<String> = self
            .by_id
            .values()
            .filter_map(|l| {
                l.stills(&self.fonts)
                    .err()
                    .map(|e| format!("{}: {}\n", l.catalog.id(), crate::error::chain(&*e)))
            })
            .collect();
        if !broken.is_empty() {
            bail!(
                "the catalogs' first-paint images cannot be made:\n{}",
                broken.concat()
            );
        }
        Ok(())
    }

    /// The stills of `product` ([`Loaded::stills`]) from async code: made on the blocking pool if `main` has
    /// not made them yet (tests), at once otherwise. `None` for an unknown product.
    pub async fn stills_of(
        self: &Arc<Self>,
        product: &str,
    ) -> Option<Result<Arc<[Still]>, Arc<StillError>>> {
        let catalogs = self.clone();
        let product = product.to_owned();
        tokio::task::spawn_blocking(move || {
            let loaded = catalogs.get(&product)?;
            Some(loaded.stills(catalogs.fonts()))
        })
        .await
        .ok()
        .flatten()
    }

    /// Builds the set from catalogs already validated (for tests and tools).
    pub fn from_loaded(items: impl IntoIterator<Item = Loaded>) -> Catalogs {
        Catalogs {
            by_id: items
                .into_iter()
                .map(|l| (l.catalog.id().0.clone(), l))
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
