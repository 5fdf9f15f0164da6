//! The shop's check of a swatch request ([`check_swatch_request`]): every problem at once, at most one per
//! field, or a [`ValidSwatchRequest`] whose texts are trimmed and otherwise exactly as typed.

use super::contact::{forbidden, is_email, is_phone, is_submission};
use super::countries::is_country;
use super::limits::{ADDRESS_MAX, COLORS, NAME_MAX, SWATCH_FORMAT};
use super::{
    Contact, SwatchField, SwatchProblem, SwatchProblemKind, SwatchRequest, ValidAddress,
    ValidContact, ValidSwatchRequest,
};
use crate::Locale;
use crate::catalog::Catalog;

/// Checks a swatch request against the catalog of the product it names (`None` when the product is unknown),
/// reporting every problem at once, at most one per field.
pub fn check_swatch_request(
    request: &SwatchRequest,
    catalog: Option<&Catalog>,
) -> Result<ValidSwatchRequest, Vec<SwatchProblem>> {
    let mut problems = Vec::new();
    if request.format != SWATCH_FORMAT {
        let found = request.format;
        problems.push(SwatchProblem::new(
            "format",
            SwatchProblemKind::UnsupportedFormat { found },
        ));
    }
    if catalog.is_none() {
        let product = request.product.clone();
        problems.push(SwatchProblem::new(
            "product",
            SwatchProblemKind::UnknownProduct { product },
        ));
    }
    check_colors(&mut problems, request, catalog);
    let contact = check_contact(&mut problems, &request.contact);
    let locale = Locale::ALL.into_iter().find(|l| l.tag() == request.locale);
    if locale.is_none() {
        let locale = request.locale.clone();
        problems.push(SwatchProblem::new(
            "locale",
            SwatchProblemKind::UnsupportedLocale { locale },
        ));
    }
    if !is_submission(&request.submission) {
        problems.push(SwatchProblem::new(
            "submission",
            SwatchProblemKind::InvalidSubmission,
        ));
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ValidSwatchRequest {
        product: request.product.clone(),
        colors: request.colors.clone(),
        contact,
        locale: locale.unwrap_or_default(),
        submission: request.submission.clone(),
    })
}

/// The count, then each color: a repeat is a duplicate, else it must be the product's (when it is known).
fn check_colors(
    problems: &mut Vec<SwatchProblem>,
    request: &SwatchRequest,
    catalog: Option<&Catalog>,
) {
    let found = request.colors.len();
    if !COLORS.contains(&found) {
        problems.push(SwatchProblem::new(
            "colors",
            SwatchProblemKind::ColorCount { found },
        ));
    }
    for (i, color) in request.colors.iter().enumerate() {
        let path = format!("colors[{i}]");
        if request.colors[..i].contains(color) {
            let color = color.clone();
            problems.push(SwatchProblem::new(
                &path,
                SwatchProblemKind::DuplicateColor { color },
            ));
        } else if let Some(catalog) = catalog
            && !catalog.colors.iter().any(|c| c.id.0 == *color)
        {
            let kind = SwatchProblemKind::UnknownColor {
                color: color.clone(),
                product: request.product.clone(),
            };
            problems.push(SwatchProblem::new(&path, kind));
        }
    }
}

/// Every contact field in the order of the form, then the country's code. The result is only meaningful
/// when no problem was added: a field with a problem comes back empty.
fn check_contact(problems: &mut Vec<SwatchProblem>, c: &Contact) -> ValidContact {
    let a = &c.address;
    let mut problem =
        |field: SwatchField, kind| problems.push(SwatchProblem::new(field.path(), kind));
    let name = text(&mut problem, SwatchField::Name, &c.name, NAME_MAX, true);
    let email = text(
        &mut problem,
        SwatchField::Email,
        &c.email,
        usize::MAX,
        false,
    );
    if let Some(e) = email
        && !is_email(e)
    {
        problem(SwatchField::Email, SwatchProblemKind::InvalidEmail);
    }
    let phone = text(
        &mut problem,
        SwatchField::Phone,
        &c.phone,
        usize::MAX,
        false,
    );
    if let Some(p) = phone
        && !is_phone(p)
    {
        problem(SwatchField::Phone, SwatchProblemKind::InvalidPhone);
    }
    // Only when both are absent or blank: a malformed one is already reported at its own path. Its path is
    // `contact` itself, as it is about no one field.
    if c.email.as_deref().is_none_or(|e| e.trim().is_empty())
        && c.phone.as_deref().is_none_or(|p| p.trim().is_empty())
    {
        problems.push(SwatchProblem::new(
            "contact",
            SwatchProblemKind::NoContactMethod,
        ));
    }
    let mut problem =
        |field: SwatchField, kind| problems.push(SwatchProblem::new(field.path(), kind));
    let line1 = text(
        &mut problem,
        SwatchField::Line1,
        &a.line1,
        ADDRESS_MAX,
        true,
    );
    let line2 = text(
        &mut problem,
        SwatchField::Line2,
        &a.line2,
        ADDRESS_MAX,
        false,
    );
    let city = text(&mut problem, SwatchField::City, &a.city, ADDRESS_MAX, true);
    let postal_code = text(
        &mut problem,
        SwatchField::PostalCode,
        &a.postal_code,
        ADDRESS_MAX,
        true,
    );
    let country = text(
        &mut problem,
        SwatchField::Country,
        &a.country,
        ADDRESS_MAX,
        true,
    );
    if let Some(code) = country
        && !is_country(code)
    {
        let country = code.to_owned();
        problem(
            SwatchField::Country,
            SwatchProblemKind::InvalidCountry { country },
        );
    }

    let owned = |t: Option<&str>| t.unwrap_or_default().to_owned();
    ValidContact {
        name: owned(name),
        email: email.map(str::to_owned),
        phone: phone.map(str::to_owned),
        address: ValidAddress {
            line1: owned(line1),
            line2: line2.map(str::to_owned),
            city: owned(city),
            postal_code: owned(postal_code),
            country: owned(country),
        },
    }
}

/// Trims a text field and checks its characters and length, reporting at most one problem for `field`.
/// Returns the trimmed text if it is present, clean and not too long; `None` otherwise (blank counts as
/// absent, as a form sends an empty field).
fn text<'a>(
    problem: &mut impl FnMut(SwatchField, SwatchProblemKind),
    field: SwatchField,
    value: &'a Option<String>,
    max: usize,
    required: bool,
) -> Option<&'a str> {
    let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        if required {
            problem(field, SwatchProblemKind::Required);
        }
        return None;
    };
    if let Some(c) = v.chars().find(|&c| forbidden(c)) {
        let character = format!("U+{:04X}", u32::from(c));
        problem(field, SwatchProblemKind::ForbiddenCharacter { character });
        return None;
    }
    let found = v.chars().count();
    if found > max {
        problem(field, SwatchProblemKind::TooLong { max, found });
        return None;
    }
    Some(v)
}
