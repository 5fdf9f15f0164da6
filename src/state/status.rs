//! Where things stand, as the screen state records it: loading the product, each view's artwork, the order's
//! submission, what the live region says after a change the shopper did not make, and a fix waiting for an
//! answer. Values only: failures are kept as error values and put into words in the language on screen when
//! shown, so switching language re-words them.

use super::CatalogHandle;
use crate::api::{ApiError, OrderError, OrderReceipt};
use crate::artwork::ArtworkError;
use atelier_core::Design;
use atelier_core::design_link::LinkError;
use atelier_core::rules::{Change, Fix, GroupKey};

/// Where loading the product stands.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogLoad {
    /// The request is out.
    Loading,
    /// It failed; the shopper may retry.
    Failed(ApiError),
    /// The catalog is here.
    Ready(CatalogHandle),
}

/// Where loading one view's artwork stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Artwork {
    /// `loaded` of `total` layer files have arrived.
    Loading {
        /// Files received.
        loaded: usize,
        /// Files in the view.
        total: usize,
    },
    /// Every file has arrived and is being decoded.
    Decoding,
    /// Decoded and cached by the preview.
    Ready,
    /// A file was missing or undecodable.
    Failed(ArtworkError),
}

/// Where placing the order stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SubmitStatus {
    /// Nothing sent yet (or the design changed since).
    Idle,
    /// The shopper pressed the button without a size.
    NeedSize,
    /// The request is out.
    Sending,
    /// The shop accepted the order.
    Placed(OrderReceipt),
    /// The shop refused it (4xx) or failed; the design is kept.
    Failed(OrderError),
}

/// One submission attempt: the id the shop deduplicates on and the design it was sent for, so a retry of the
/// same design reuses the id and a changed design gets a new one.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    /// Client-chosen submission id.
    pub id: String,
    /// The design sent with it.
    pub design: Design,
}

/// What the polite live region says after a change the shopper did not make themselves.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Choosing an option changed other groups too, because of these rules (indices into the catalog's).
    AlsoChanged {
        /// The other groups' changes.
        changes: Vec<Change>,
        /// The rules that made them.
        because: Vec<usize>,
    },
    /// The stored design no longer fitted the catalog and was brought up to date.
    Restored(Vec<Change>),
    /// The design from the address no longer fitted the catalog and was brought up to date; `older` when the
    /// link names another catalog version than the one loaded.
    LinkUpdated {
        /// What changed.
        changes: Vec<Change>,
        /// Whether the link was made with another version of the product.
        older: bool,
    },
    /// The design link in the address could not be read; the product opened with its defaults.
    LinkDamaged(LinkError),
}

/// A fix offered for an unavailable option, waiting for Accept or Decline; nothing is applied yet.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingFix {
    /// The group the shopper tried to change.
    pub group: GroupKey,
    /// The option they chose.
    pub option: String,
    /// What accepting would do.
    pub fix: Fix,
}
