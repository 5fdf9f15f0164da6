//! The order a shopper submits, and the check both sides run on it: the app before sending, the shop on
//! receipt. The shop stores the request as submitted next to the price it computed itself.
//!
//! Since format 2 an order carries a proof per view of its product: the lowercase hex SHA-256 of the preview
//! pixels the shopper saw (`atelier_render::proof`). This module checks only their shape (one per view, no
//! other, 64 lowercase hex digits); rendering and comparing them is the shop's, which reports a difference
//! as [`OrderProblemKind::ProofMismatch`].

use crate::catalog::Catalog;
use crate::catalog::View;
use crate::design::{Design, DesignProblemKind, ValidDesign};
use crate::id::ViewId;
use crate::locale::{Locale, Localized};
use crate::money::Money;
use crate::pricing::{PriceBreakdown, price};
use crate::problem::{Problem, ProblemKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The order format version this code reads and writes. Format 2 added `proof`; a format-1 order (a page
/// loaded before the shop upgraded) is refused with a message asking the shopper to reload.
pub const ORDER_FORMAT: u32 = 2;

/// An order as submitted: `{"format": 2, "design": {...}, "price": {"amount": 139000, "currency": "KRW"},
/// "proof": {"side": "<64 hex>", "top": "<64 hex>"}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderRequest {
    /// Order format version.
    pub format: u32,
    /// The design.
    pub design: Design,
    /// The price the shopper was shown; the shop refuses the order if its own differs.
    pub price: ClientPrice,
    /// Per view of the product, the proof of the preview the shopper saw: lowercase hex SHA-256 of the
    /// view's canonical RGBA render (`atelier_render::proof`). Absent in format 1, so such an order still
    /// parses and gets the unsupported-format problem rather than a bare parse error.
    #[serde(default)]
    pub proof: BTreeMap<ViewId, String>,
    /// A client-chosen id for this submission (16–64 of `[A-Za-z0-9-]`): sending the same order again with
    /// it returns the first order instead of creating a second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission: Option<String>,
}

/// A price as the client states it; the currency stays a string so an unknown code is a reportable problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientPrice {
    /// Minor units.
    pub amount: i64,
    /// ISO 4217 code.
    pub currency: String,
}

impl From<Money> for ClientPrice {
    fn from(m: Money) -> Self {
        ClientPrice {
            amount: m.amount,
            currency: m.currency.code().to_owned(),
        }
    }
}

/// An order problem at a path such as `design.zones.toe.color` or `price`.
pub type OrderProblem = Problem<OrderProblemKind>;

/// What can be wrong with a submitted order.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OrderProblemKind {
    /// An order format this shop does not read.
    UnsupportedFormat {
        /// The format sent.
        found: u32,
    },
    /// No product with that id.
    UnknownProduct {
        /// The product id sent.
        product: String,
    },
    /// A problem with the design itself.
    Design(DesignProblemKind),
    /// The client's price is not the shop's price.
    PriceMismatch {
        /// What the client sent.
        client: String,
        /// What the shop computed.
        server: String,
    },
    /// A malformed submission id.
    InvalidSubmission,
    /// A view of the product has no proof.
    MissingProof {
        /// The view's name.
        view: Localized,
    },
    /// A proof for a view the product does not have.
    UnknownProofView {
        /// The view id sent.
        view: String,
    },
    /// A proof that is not 64 lowercase hexadecimal digits.
    MalformedProof {
        /// The view's name.
        view: Localized,
    },
    /// The shop drew the design and its pixels are not the ones the shopper saw (found by the shop, which
    /// renders; the core only checks shapes).
    ProofMismatch {
        /// The view's name.
        view: Localized,
    },
}

impl ProblemKind for OrderProblemKind {
    fn code(&self) -> &'static str {
        match self {
            OrderProblemKind::UnsupportedFormat { .. } => "unsupported_order_format",
            OrderProblemKind::UnknownProduct { .. } => "unknown_product",
            OrderProblemKind::Design(d) => d.code(),
            OrderProblemKind::PriceMismatch { .. } => "price_mismatch",
            OrderProblemKind::InvalidSubmission => "invalid_submission",
            OrderProblemKind::MissingProof { .. } => "missing_proof",
            OrderProblemKind::UnknownProofView { .. } => "unknown_proof_view",
            OrderProblemKind::MalformedProof { .. } => "malformed_proof",
            OrderProblemKind::ProofMismatch { .. } => "proof_mismatch",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            OrderProblemKind::UnsupportedFormat { found } => vec![
                ("found", found.to_string()),
                ("expected", ORDER_FORMAT.to_string()),
            ],
            OrderProblemKind::UnknownProduct { product } => vec![("product", product.clone())],
            OrderProblemKind::Design(d) => d.args(),
            OrderProblemKind::PriceMismatch { client, server } => {
                vec![("client", client.clone()), ("server", server.clone())]
            }
            OrderProblemKind::InvalidSubmission => vec![],
            OrderProblemKind::UnknownProofView { view } => vec![("view", view.clone())],
            OrderProblemKind::MissingProof { view }
            | OrderProblemKind::MalformedProof { view }
            | OrderProblemKind::ProofMismatch { view } => vec![("view", view.en.clone())],
        }
    }

    fn args_in(&self, locale: Locale) -> Vec<(&'static str, String)> {
        match self {
            OrderProblemKind::Design(d) => d.args_in(locale),
            OrderProblemKind::MissingProof { view }
            | OrderProblemKind::MalformedProof { view }
            | OrderProblemKind::ProofMismatch { view } => {
                vec![("view", view.get(locale).to_owned())]
            }
            other => other.args(),
        }
    }
}

/// An order that passed every check, with the price the shop computed.
#[derive(Clone, Debug)]
pub struct CheckedOrder<'c> {
    /// The validated design (its size is always `Some`).
    pub design: ValidDesign<'c>,
    /// The shop's own price.
    pub price: PriceBreakdown,
}

/// Checks a submitted order against the catalog its design names (`catalog` is `None` when the product is
/// unknown), reporting every problem at once. Money is formatted in English for the mismatch message args;
/// the message itself is localized by the caller.
pub fn check_order<'c>(
    request: &OrderRequest,
    catalog: Option<&'c Catalog>,
) -> Result<CheckedOrder<'c>, Vec<OrderProblem>> {
    let mut problems = Vec::new();
    if request.format != ORDER_FORMAT {
        problems.push(OrderProblem::new(
            "format",
            OrderProblemKind::UnsupportedFormat {
                found: request.format,
            },
        ));
    }
    if let Some(s) = &request.submission
        && !crate::id::is_submission_id(s)
    {
        problems.push(OrderProblem::new(
            "submission",
            OrderProblemKind::InvalidSubmission,
        ));
    }
    let Some(catalog) = catalog else {
        problems.push(OrderProblem::new(
            "design.product",
            OrderProblemKind::UnknownProduct {
                product: request.design.product.0.clone(),
            },
        ));
        return Err(problems);
    };
    // Another format's fields mean something else (format 1 had no proofs): only the format is reported.
    if request.format == ORDER_FORMAT {
        problems.extend(proof_problems(&request.proof, &catalog.views));
    }
    let design = match request.design.validate(catalog) {
        Ok(d) => Some(d),
        Err(ps) => {
            problems.extend(ps.into_iter().map(|p| {
                OrderProblem::new(
                    format!("design.{}", p.path),
                    OrderProblemKind::Design(p.kind),
                )
            }));
            None
        }
    };
    if request.design.size.is_none() {
        problems.push(OrderProblem::new(
            "design.size",
            OrderProblemKind::Design(DesignProblemKind::MissingSize),
        ));
    }
    let Some(design) = design else {
        return Err(problems);
    };
    // The same rules the app enforced: a design that breaks one was not made in the app, or with an older
    // catalog; it is refused naming each rule.
    for rule in crate::rules::session::broken_rules(catalog, &request.design) {
        let r = &catalog.rules[rule];
        problems.push(OrderProblem::new(
            "design",
            OrderProblemKind::Design(DesignProblemKind::RuleBroken {
                rule: r.id.0.clone(),
                reason: Localized {
                    en: crate::rules::describe::reason(catalog, rule, Locale::En),
                    ko: crate::rules::describe::reason(catalog, rule, Locale::Ko),
                },
            }),
        ));
    }
    let server = price(&design);
    let client_matches = request.price.amount == server.total.amount
        && request.price.currency == server.total.currency.code();
    if !client_matches {
        problems.push(OrderProblem::new(
            "price",
            OrderProblemKind::PriceMismatch {
                client: format!("{} {}", request.price.amount, request.price.currency),
                server: format!("{} {}", server.total.amount, server.total.currency.code()),
            },
        ));
    }
    if problems.is_empty() {
        Ok(CheckedOrder {
            design,
            price: server,
        })
    } else {
        Err(problems)
    }
}

/// Whether `s` is a well-formed proof: exactly 64 lowercase hexadecimal digits (a SHA-256 as
/// `atelier_render::proof` writes it; uppercase is refused so one design has one spelling).
pub fn is_proof(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The shape problems of an order's proofs against the product's `views`: each view needs one (in catalog
/// order), a malformed one is named, and then every proof for a view the product lacks (in id order).
fn proof_problems(proof: &BTreeMap<ViewId, String>, views: &[View]) -> Vec<OrderProblem> {
    let mut problems = Vec::new();
    for view in views {
        let path = format!("proof.{}", view.id);
        match proof.get(&view.id) {
            None => problems.push(OrderProblem::new(
                path,
                OrderProblemKind::MissingProof {
                    view: view.name.clone(),
                },
            )),
            Some(p) if !is_proof(p) => problems.push(OrderProblem::new(
                path,
                OrderProblemKind::MalformedProof {
                    view: view.name.clone(),
                },
            )),
            Some(_) => {}
        }
    }
    for id in proof.keys() {
        if !views.iter().any(|v| &v.id == id) {
            problems.push(OrderProblem::new(
                format!("proof.{id}"),
                OrderProblemKind::UnknownProofView { view: id.0.clone() },
            ));
        }
    }
    problems
}

/// [`check_order`] plus the personal-text check ([`crate::text::check_design_texts`]) with the loaded `fonts`
/// and the word list `words`: what the shop runs on receipt and the app before sending. Every problem is
/// reported at once: a refused text is listed next to any other problem of the order, at
/// `design.text.<placement>` with code `text_refused` and the same reason the app showed.
pub fn check_order_with_text<'c>(
    request: &OrderRequest,
    catalog: Option<&'c Catalog>,
    fonts: &crate::text::Fonts,
    words: &crate::text::WordList,
) -> Result<CheckedOrder<'c>, Vec<OrderProblem>> {
    let text_problems = |design: &ValidDesign<'_>| -> Vec<OrderProblem> {
        crate::text::check_design_texts(design, fonts, words)
            .into_iter()
            .map(|p| {
                OrderProblem::new(
                    format!("design.{}", p.path),
                    OrderProblemKind::Design(p.kind),
                )
            })
            .collect()
    };
    match check_order(request, catalog) {
        Ok(checked) => {
            let problems = text_problems(&checked.design);
            if problems.is_empty() {
                Ok(checked)
            } else {
                Err(problems)
            }
        }
        Err(mut problems) => {
            if let Some(valid) = catalog.and_then(|c| request.design.validate(c).ok()) {
                problems.extend(text_problems(&valid));
            }
            Err(problems)
        }
    }
}
