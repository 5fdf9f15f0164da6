//! A design in a link: a compact, versioned text that fits in a URL's query (`?d=…`) and names the catalog
//! version it was made with, so a link opens the same design anywhere.
//!
//! The text uses only URL-unreserved characters, so messengers and mail clients pass it through untouched:
//! `1.<version>.<product>.<size>.<zones>.<choices>.<texts>`, where `1` is the format, `<version>` the first 12
//! hex digits of the catalog file's SHA-256 ([`catalog_version`], what orders carry whole), each list is its
//! items joined by `~` (a zone as `zone~material~color`, a choice as `group~option`, a text as
//! `placement~<base64url of its UTF-8>`), and an absent size is empty. Catalog ids are `[a-z0-9_-]`, so
//! neither `.` nor `~` can occur inside one.
//!
//! Decoding checks only the shape: ids are ids, texts are bounded UTF-8. Whether the options still exist is
//! the catalog's business: the caller brings the design up to date with
//! [`Selection::restore`](crate::rules::Selection::restore), which reports and replaces what an older catalog
//! had. So a link from an older catalog opens, and a mangled one is a clear error, never a crash.

use crate::design::{Choice, Design};
use crate::id::is_valid_id;
use crate::rules::GroupKey;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::collections::BTreeMap;

/// The link format this code writes.
pub const FORMAT: &str = "1";
/// The longest link text read (a design of the largest catalog a retailer may write fits well inside).
pub const MAX_LEN: usize = 8 * 1024;
/// The longest personal text read from a link, in bytes (placements allow far fewer characters).
pub const MAX_TEXT_BYTES: usize = 256;
/// Hex digits of the catalog's SHA-256 a link keeps.
pub const VERSION_DIGITS: usize = 12;

/// A design read from a link, with the catalog version it was made with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedDesign {
    /// The design as the link wrote it (its options may no longer exist).
    pub design: Design,
    /// The catalog version it was made with (empty if the link named none).
    pub version: String,
}

impl LinkedDesign {
    /// The groups the link names, to restore as the shopper's own choices (zone by zone, material before
    /// color, then the choice groups), so that [`Selection::restore`](crate::rules::Selection::restore) keeps
    /// every one the catalog still allows rather than trading one for a default.
    pub fn named_groups(&self) -> Vec<GroupKey> {
        let zones = self
            .design
            .zones
            .keys()
            .flat_map(|z| [GroupKey::Material(z.clone()), GroupKey::Color(z.clone())]);
        let choices = self
            .design
            .choices
            .keys()
            .map(|c| GroupKey::Choice(c.clone()));
        zones.chain(choices).collect()
    }
}

/// Why a text is not a design link.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LinkError {
    /// Longer than [`MAX_LEN`].
    #[error("the design link is too long")]
    TooLong,
    /// A format this code does not read.
    #[error("the design link's format is not one this app reads")]
    Format,
    /// Not the fields and lists of a design link.
    #[error("the design link is damaged")]
    Shape,
    /// A product, size, group or option that is not an id.
    #[error("the design link is damaged: “{0}” is not an id")]
    Id(String),
    /// A personal text that is not base64url of UTF-8 of at most [`MAX_TEXT_BYTES`].
    #[error("the design link's personal text is damaged")]
    Text,
}

impl LinkError {
    /// The message catalog key for this problem.
    pub fn message_key(&self) -> &'static str {
        match self {
            LinkError::TooLong | LinkError::Shape | LinkError::Id(_) | LinkError::Text => {
                "link.damaged"
            }
            LinkError::Format => "link.format",
        }
    }
}

/// The catalog version a link names: the first [`VERSION_DIGITS`] hex digits of the SHA-256 of the catalog
/// file's bytes as served (the shop names the whole digest in every order's spec).
pub fn catalog_version(catalog_file: &[u8]) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(catalog_file);
    let mut hex = String::with_capacity(VERSION_DIGITS);
    for byte in digest.iter().take(VERSION_DIGITS / 2) {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// The link text of `design`, made with the catalog of `version`.
pub fn encode(design: &Design, version: &str) -> String {
    let zones: Vec<&str> = (design.zones.iter())
        .flat_map(|(zone, c)| [zone.as_str(), c.material.as_str(), c.color.as_str()])
        .collect();
    let choices: Vec<&str> = (design.choices.iter())
        .flat_map(|(group, option)| [group.as_str(), option.as_str()])
        .collect();
    let texts: Vec<String> = (design.text.iter())
        .flat_map(|(id, text)| [id.as_str().to_owned(), URL_SAFE_NO_PAD.encode(text)])
        .collect();
    [
        FORMAT,
        version,
        design.product.as_str(),
        design.size.as_ref().map_or("", |s| s.as_str()),
        &zones.join("~"),
        &choices.join("~"),
        &texts.join("~"),
    ]
    .join(".")
}

/// Reads a link text written by [`encode`] (of this format).
pub fn decode(text: &str) -> Result<LinkedDesign, LinkError> {
    if text.len() > MAX_LEN {
        return Err(LinkError::TooLong);
    }
    let fields: Vec<&str> = text.split('.').collect();
    if fields.first() != Some(&FORMAT) {
        return Err(LinkError::Format);
    }
    let [_, version, product, size, zones, choices, texts] = fields[..] else {
        return Err(LinkError::Shape);
    };
    if !version.is_empty()
        && (version.len() != VERSION_DIGITS || !version.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return Err(LinkError::Shape);
    }
    let design = Design {
        product: id(product)?.into(),
        size: (!size.is_empty())
            .then(|| id(size))
            .transpose()?
            .map(Into::into),
        zones: items::<3>(zones)?
            .into_iter()
            .map(|[zone, material, color]| {
                let choice = Choice {
                    material: id(material)?.into(),
                    color: id(color)?.into(),
                };
                Ok((id(zone)?.into(), choice))
            })
            .collect::<Result<BTreeMap<_, _>, LinkError>>()?,
        choices: items::<2>(choices)?
            .into_iter()
            .map(|[group, option]| Ok((id(group)?.into(), id(option)?.into())))
            .collect::<Result<BTreeMap<_, _>, LinkError>>()?,
        text: items::<2>(texts)?
            .into_iter()
            .map(|[placement, text]| Ok((id(placement)?.into(), personal_text(text)?)))
            .collect::<Result<BTreeMap<_, _>, LinkError>>()?,
    };
    Ok(LinkedDesign {
        design,
        version: version.to_owned(),
    })
}

fn id(s: &str) -> Result<&str, LinkError> {
    if is_valid_id(s) {
        Ok(s)
    } else {
        Err(LinkError::Id(s.chars().take(40).collect()))
    }
}

/// A `~`-joined list read as items of `N` parts each (an empty list has none).
fn items<const N: usize>(list: &str) -> Result<Vec<[&str; N]>, LinkError> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let parts: Vec<&str> = list.split('~').collect();
    if !parts.len().is_multiple_of(N) {
        return Err(LinkError::Shape);
    }
    Ok(parts
        .chunks(N)
        .map(|chunk| std::array::from_fn(|i| chunk[i]))
        .collect())
}

fn personal_text(encoded: &str) -> Result<String, LinkError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(encoded)
        .map_err(|_| LinkError::Text)?;
    if bytes.is_empty() || bytes.len() > MAX_TEXT_BYTES {
        return Err(LinkError::Text);
    }
    String::from_utf8(bytes).map_err(|_| LinkError::Text)
}
