//! The proofs an order carries: for every view of the product, the SHA-256 of the design being sent rendered
//! at the view's catalog size with its personal text (`atelier_render::proof`), which the shop recomputes before accepting it.
//!
//! Each proof is a fresh render of the design in the request, never the canvas (which shows one view, and
//! may lag a click). Views already decoded come from the app's artwork cache; the others are fetched and
//! decoded now through the same loader and kept there, so the preview finds them ready later.

use crate::artwork::{ArtworkError, SharedArtwork, load_view};
use atelier_core::id::ViewId;
use atelier_core::text::Fonts;
use atelier_core::{Catalog, Design, Locale, Localized, messages};
use atelier_render::proof;
use std::collections::BTreeMap;

/// Why an order's proofs could not be made: a view whose artwork could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct ProofError {
    /// The view's name.
    pub view: Localized,
    /// What went wrong with its artwork.
    pub cause: ArtworkError,
}

impl ProofError {
    /// A sentence for the shopper in `locale`, naming the view.
    pub fn describe(&self, locale: Locale) -> String {
        messages::format(
            locale,
            "submit.proof_failed",
            &[
                ("view", self.view.get(locale).to_owned()),
                ("detail", self.cause.describe(locale)),
            ],
        )
    }
}

/// The proof of every view of `catalog` for `design`.
pub async fn of_order(
    catalog: &Catalog,
    design: &Design,
    cache: &SharedArtwork,
    fonts: &Fonts,
) -> Result<BTreeMap<ViewId, String>, ProofError> {
    // The order is checked before sending; a design that does not validate has no proofs, and the shop
    // reports its problems.
    let Ok(valid) = design.validate(catalog) else {
        return Ok(BTreeMap::new());
    };
    let mut proofs = BTreeMap::new();
    for view in catalog.views() {
        if !cache.0.borrow().views.contains_key(&view.id) {
            let layers = load_view(view, |_, _| {}, || {}, |l| l.tints(&valid))
                .await
                .map_err(|cause| ProofError {
                    view: view.name.clone(),
                    cause,
                })?;
            cache.0.borrow_mut().views.insert(view.id.clone(), layers);
        }
        let cached = cache.0.borrow();
        if let Some(layers) = cached.views.get(&view.id) {
            proofs.insert(
                view.id.clone(),
                proof::render(layers, view.id.as_str(), &valid, fonts),
            );
        }
    }
    Ok(proofs)
}
