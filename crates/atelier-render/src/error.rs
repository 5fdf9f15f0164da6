//! Why a view's layers could not be prepared for rendering.

use thiserror::Error;

/// A layer that is missing, undecodable or of the wrong size, or a scale out of range. Rendering itself cannot
/// fail.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The caller had no bytes for a layer file.
    #[error("layer file {path} is missing")]
    Missing {
        /// The layer's path.
        path: String,
    },
    /// The bytes are not a PNG the decoder reads (or not an 8-bit one).
    #[error("layer file {path} could not be decoded: {detail}")]
    Decode {
        /// The layer's path.
        path: String,
        /// The decoder's description.
        detail: String,
    },
    /// The layer has a pixel that is not fully opaque (every layer file is opaque; see [`crate::layers`]).
    #[error("layer file {path} is not opaque at pixel ({x}, {y})")]
    Translucent {
        /// The layer's path.
        path: String,
        /// Column of the first such pixel.
        x: u32,
        /// Row of the first such pixel.
        y: u32,
    },
    /// The layer's size differs from the view's.
    #[error("layer file {path} is {found_w}×{found_h}, the view is {want_w}×{want_h}")]
    Size {
        /// The layer's path.
        path: String,
        /// Width found.
        found_w: u32,
        /// Height found.
        found_h: u32,
        /// Width expected.
        want_w: u32,
        /// Height expected.
        want_h: u32,
    },
    /// A production scale of 0 or above the largest supported.
    #[error("scale {scale} is not between 1 and {max}")]
    Scale {
        /// The scale asked for.
        scale: u32,
        /// The largest supported.
        max: u32,
    },
}

impl RenderError {
    /// The layer file the problem is with; `None` for a scale the caller asked for.
    pub fn path(&self) -> Option<&str> {
        match self {
            RenderError::Missing { path }
            | RenderError::Decode { path, .. }
            | RenderError::Translucent { path, .. }
            | RenderError::Size { path, .. } => Some(path),
            RenderError::Scale { .. } => None,
        }
    }
}
