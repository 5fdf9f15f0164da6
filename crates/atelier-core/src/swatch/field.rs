//! The fields a shopper fills in on a swatch request, with the path each has in the body and in problems
//! (`contact.address.city`), so the app can place a problem next to its input without restating the paths.

/// A field of the swatch request's contact details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SwatchField {
    /// `contact.name`.
    Name,
    /// `contact.email`.
    Email,
    /// `contact.phone`.
    Phone,
    /// `contact.address.line1`.
    Line1,
    /// `contact.address.line2`.
    Line2,
    /// `contact.address.city`.
    City,
    /// `contact.address.postal_code`.
    PostalCode,
    /// `contact.address.country`.
    Country,
}

impl SwatchField {
    /// Every field, in the order of the form.
    pub const ALL: [SwatchField; 8] = [
        SwatchField::Name,
        SwatchField::Email,
        SwatchField::Phone,
        SwatchField::Line1,
        SwatchField::Line2,
        SwatchField::City,
        SwatchField::PostalCode,
        SwatchField::Country,
    ];

    /// The field's path in the request body and in problems.
    pub fn path(self) -> &'static str {
        match self {
            SwatchField::Name => "contact.name",
            SwatchField::Email => "contact.email",
            SwatchField::Phone => "contact.phone",
            SwatchField::Line1 => "contact.address.line1",
            SwatchField::Line2 => "contact.address.line2",
            SwatchField::City => "contact.address.city",
            SwatchField::PostalCode => "contact.address.postal_code",
            SwatchField::Country => "contact.address.country",
        }
    }

    /// The field a problem at `path` is about, if any. `contact` alone (no way to reach the shopper) belongs
    /// to the email, the first of the two ways; `colors[1]`, `format` and the like belong to no field.
    pub fn of_problem(path: &str) -> Option<SwatchField> {
        if path == "contact" {
            return Some(SwatchField::Email);
        }
        SwatchField::ALL.into_iter().find(|f| f.path() == path)
    }
}
