//! Drawing orders: the shop's own render of an order's views, which checks the shopper's proofs before an
//! order is accepted and makes the production preview of a stored one.
//!
//! Rendering a view is tens of milliseconds of CPU (far more at production scale), so it never runs on the
//! async runtime: every render goes to tokio's blocking pool, and at most one per core runs at a time (a
//! semaphore), so a burst of requests queues instead of allocating a frame each. [`draw`] is the one place
//! that decides what an order's view looks like; verifying and the PNG both go through it.

use crate::artwork::LayersError;
use crate::catalogs::Catalogs;
use crate::error::ApiError;
use crate::spec::Drawing;
use atelier_core::design::{Design, ValidDesign};
use atelier_core::id::ViewId;
use atelier_core::order::{OrderProblem, OrderProblemKind};
use atelier_core::text::Fonts;
use atelier_render::{Frame, ViewLayers, proof};
use image::ImageEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

/// Why an order's proofs could not be verified, or its view not drawn. The routes turn it into their
/// [`ApiError`] at the boundary (the `From` below); this module knows nothing of HTTP.
#[derive(Debug, thiserror::Error)]
pub enum ProofError {
    /// The shopper's proofs differ from the shop's render in these views.
    #[error("proofs differ from the shop's render")]
    Mismatch(Vec<OrderProblem>),
    /// The stored order cannot be drawn as it was accepted any more (its product changed, or it has no proof
    /// for the view).
    #[error("order {0} cannot be drawn as accepted")]
    Unavailable(String),
    /// The order's product has no such view.
    #[error("order {order} has no view {view}")]
    NoSuchView {
        /// The order number.
        order: String,
        /// The view asked for.
        view: String,
    },
    /// The product of a design that passed the checks is gone from the catalogs.
    #[error("checked product {0} vanished")]
    ProductVanished(String),
    /// A design that passed the checks no longer validates.
    #[error("checked design no longer validates ({0} problems)")]
    DesignInvalid(usize),
    /// A view's layer files are broken.
    #[error("layers")]
    Layers(#[from] LayersError),
    /// The PNG encoder failed.
    #[error("png")]
    Png(#[from] image::ImageError),
    /// The render permits are closed (they never are: the semaphore lives as long as the process).
    #[error("render permits")]
    Permits(#[from] tokio::sync::AcquireError),
    /// The render task panicked or was cancelled.
    #[error("render task")]
    Task(#[from] tokio::task::JoinError),
}

impl From<ProofError> for ApiError {
    fn from(e: ProofError) -> Self {
        match e {
            ProofError::Mismatch(problems) => ApiError::InvalidOrder(problems),
            ProofError::Unavailable(order) => ApiError::PreviewUnavailable(order),
            ProofError::NoSuchView { order, view } => ApiError::PreviewViewNotFound { order, view },
            e => ApiError::internal("drawing an order", e),
        }
    }
}

/// Renders running at once: one per core, so queued renders wait for a core instead of all holding a frame.
static RENDERS: LazyLock<Semaphore> = LazyLock::new(|| {
    Semaphore::new(std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
});

/// Draws `design` in `view` with `layers` (at whatever scale they were decoded): what the shop says this view
/// of the order looks like, personal text included — `atelier_render::proof::draw`, the very function the app's
/// proofs come from, so proofs and production images can never disagree.
pub fn draw(layers: &ViewLayers, view: &str, design: &ValidDesign<'_>, fonts: &Fonts) -> Frame {
    proof::draw(layers, view, design, fonts)
}

/// Runs `job` on the blocking pool once a render permit is free.
async fn off_runtime<T: Send + 'static>(
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ProofError> {
    let _permit = RENDERS.acquire().await?;
    Ok(tokio::task::spawn_blocking(job).await?)
}

/// Checks an order's proofs (already well-formed, one per view: `check_order` saw to that) against the
/// shop's own render of `design` in every view of its product. Answers the proofs, now verified, or
/// [`ProofError::Mismatch`] naming every view whose pixels differ (a 422 at the boundary).
pub async fn verify(
    catalogs: Arc<Catalogs>,
    design: Design,
    proofs: BTreeMap<ViewId, String>,
) -> Result<BTreeMap<ViewId, String>, ProofError> {
    off_runtime(move || {
        let loaded = catalogs
            .get(design.product.as_str())
            .ok_or_else(|| ProofError::ProductVanished(design.product.as_str().to_owned()))?;
        let valid = design
            .validate(&loaded.catalog)
            .map_err(|problems| ProofError::DesignInvalid(problems.len()))?;
        let mut problems = Vec::new();
        for artwork in &loaded.artwork {
            let view = artwork.view();
            let layers = artwork.proof_layers()?;
            let ours = proof::of_frame(&draw(&layers, view.id.as_str(), &valid, catalogs.fonts()));
            let theirs = proofs.get(&view.id);
            if theirs != Some(&ours) {
                tracing::info!(view = %view.id, ours, theirs = ?theirs, "proof mismatch");
                problems.push(OrderProblem::new(
                    format!("proof.{}", view.id),
                    OrderProblemKind::ProofMismatch {
                        view: view.name.clone(),
                    },
                ));
            }
        }
        if problems.is_empty() {
            Ok(proofs)
        } else {
            Err(ProofError::Mismatch(problems))
        }
    })
    .await?
}

/// The PNG of a stored order's view at `scale` (1 or [`crate::artwork::PRODUCTION_SCALE`]), drawn from its spec. The design
/// is first drawn at proof scale and must still give the stored proof: a catalog edited since the order
/// (other artwork, a color removed) is refused rather than drawn differently from what the shopper saw.
pub async fn png(
    catalogs: Arc<Catalogs>,
    order: String,
    drawing: Drawing,
    view: ViewId,
    scale: u32,
) -> Result<Vec<u8>, ProofError> {
    off_runtime(move || {
        let unavailable = || ProofError::Unavailable(order.clone());
        let loaded = catalogs
            .get(drawing.design.product.as_str())
            .ok_or_else(unavailable)?;
        let artwork = loaded
            .view_artwork(view.as_str())
            .ok_or_else(|| ProofError::NoSuchView {
                order: order.clone(),
                view: view.0.clone(),
            })?;
        let stored = drawing.proofs.get(&view).ok_or_else(unavailable)?;
        let layers = artwork.production_layers(scale)?;
        let valid = drawing
            .design
            .validate(&loaded.catalog)
            .map_err(|_| unavailable())?;
        let proof_layers = artwork.proof_layers()?;
        let at_proof_scale = draw(&proof_layers, view.as_str(), &valid, catalogs.fonts());
        if &proof::of_frame(&at_proof_scale) != stored {
            return Err(unavailable());
        }
        let frame = if scale == 1 {
            at_proof_scale
        } else {
            draw(&layers, view.as_str(), &valid, catalogs.fonts())
        };
        encode_png(&frame)
    })
    .await?
}

/// The PNG of a stored design's first view at its catalog size, drawn by [`draw`] like every preview and
/// proof (a design code's picture, for link previews in messengers). `DesignInvalid` when its product or
/// options are gone from the catalog.
pub async fn design_png(catalogs: Arc<Catalogs>, design: Design) -> Result<Vec<u8>, ProofError> {
    off_runtime(move || {
        let product = design.product.as_str().to_owned();
        let loaded = (catalogs.get(&product)).ok_or(ProofError::ProductVanished(product))?;
        let valid =
            (design.validate(&loaded.catalog)).map_err(|p| ProofError::DesignInvalid(p.len()))?;
        let view = (loaded.catalog.views().first()).ok_or(ProofError::DesignInvalid(0))?;
        let artwork =
            (loaded.view_artwork(view.id.as_str())).ok_or(ProofError::DesignInvalid(0))?;
        let layers = artwork.proof_layers()?;
        encode_png(&draw(&layers, view.id.as_str(), &valid, catalogs.fonts()))
    })
    .await?
}

/// `frame` as an RGBA8 PNG, whose decoded pixels are exactly [`Frame::rgba`]. Fast compression: the image
/// is made once per request, and at production scale the default level costs far more time than it saves.
fn encode_png(frame: &Frame) -> Result<Vec<u8>, ProofError> {
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
        .write_image(
            frame.rgba(),
            frame.width(),
            frame.height(),
            image::ExtendedColorType::Rgba8,
        )?;
    Ok(out)
}
