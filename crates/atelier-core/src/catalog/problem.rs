//! What can be wrong with a catalog file, one variant per kind of mistake a retailer can make.

use crate::problem::{Problem, ProblemKind};

/// A problem in a catalog file at a location such as `zones[2].colors[4]`.
pub type CatalogProblem = Problem<CatalogProblemKind>;

/// The kinds of catalog problems.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CatalogProblemKind {
    /// The file is not valid JSON or a value has the wrong type (line and column from the parser).
    Syntax {
        /// The parser's description.
        detail: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The `format` is not one this version reads.
    UnsupportedFormat {
        /// The format found.
        found: String,
    },
    /// A required field is absent.
    MissingField {
        /// The field's name.
        field: &'static str,
    },
    /// A field this format does not define (often a typo).
    UnknownField {
        /// The field's name.
        field: String,
    },
    /// An id has characters or a length ids may not have.
    InvalidId {
        /// The id.
        id: String,
    },
    /// Two entries of one list share an id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A currency code Atelier does not price in.
    UnknownCurrency {
        /// The code.
        code: String,
    },
    /// A price or price delta below zero.
    NegativePrice {
        /// The amount.
        amount: i64,
    },
    /// A number outside its allowed range.
    OutOfRange {
        /// The value.
        value: i64,
        /// Lowest allowed.
        min: i64,
        /// Highest allowed.
        max: i64,
    },
    /// A material surface the preview cannot draw.
    UnknownSurface {
        /// The name as written.
        surface: String,
    },
    /// A swatch that is not `#rrggbb`.
    InvalidSwatch {
        /// The value.
        value: String,
    },
    /// A list that must not be empty is.
    EmptyList,
    /// A reference to a zone that does not exist.
    UnknownZone {
        /// The zone id.
        zone: String,
    },
    /// A reference to a material that does not exist.
    UnknownMaterial {
        /// The material id.
        material: String,
    },
    /// A reference to a color that does not exist.
    UnknownColor {
        /// The color id.
        color: String,
    },
    /// A default choice not among the zone's own offers.
    DefaultNotOffered {
        /// The option id.
        option: String,
    },
    /// A layer file path that is absolute, climbs out with `..`, or is not a `.png`.
    UnsafePath {
        /// The path.
        path: String,
    },
    /// A layer file that is not there.
    MissingFile {
        /// The path.
        path: String,
    },
    /// A zone no view draws, so shoppers could not see their choice.
    ZoneNotDrawn {
        /// The zone id.
        zone: String,
    },
    /// A view draws the same zone twice.
    ZoneDrawnTwice {
        /// The zone id.
        zone: String,
    },
    /// A palette or choice group with more options than a rule domain holds.
    TooManyOptions {
        /// The most allowed.
        max: usize,
        /// How many were given.
        count: usize,
    },
    /// A choice group id that is also a zone id, so rule keys would be ambiguous.
    ChoiceIsZone {
        /// The id.
        id: String,
    },
    /// A rule names a group (`sole.color`, `*.material`, `match`) the product does not have.
    UnknownGroup {
        /// The key as written.
        group: String,
    },
    /// A rule names an option that does not exist for its group.
    UnknownOption {
        /// The group key.
        group: String,
        /// The option id.
        option: String,
    },
    /// A rule names an option that exists but is not offered by that group.
    OptionNotOffered {
        /// The group key.
        group: String,
        /// The option id.
        option: String,
    },
    /// A rule without exactly one of `requires`, `only_with`, `excludes`, `equal`, `at_most`, `allowed`.
    RuleKind,
    /// A list with too few entries.
    TooFew {
        /// The least allowed.
        min: usize,
    },
    /// An `at_most` whose `of` names other than exactly one key.
    AtMostOneKey,
    /// A `*.` key where the rule cannot bind it to one zone.
    StarNotAllowed,
    /// A choice group with both a `default` and `required: true`.
    DefaultWithRequired,
    /// A variant table lists the same group twice.
    DuplicateGroup {
        /// The group key.
        group: String,
    },
    /// A variant table row with another number of entries than the table has groups.
    RowLength {
        /// The number of groups.
        expected: usize,
        /// The number of entries in the row.
        found: usize,
    },
    /// A variant table row equal to an earlier one.
    DuplicateRow {
        /// The earlier row's index.
        first: usize,
    },
    /// An `equal` over groups choosing different kinds of options.
    EqualMismatch {
        /// The group that differs.
        group: String,
        /// The first group of the list.
        other: String,
    },
    /// The rules together allow no design at all.
    NoValidDesign {
        /// A smallest set of rules responsible, quoted and comma-separated.
        rules: String,
    },
    /// The default design breaks a rule.
    DefaultBreaksRule {
        /// The rule id.
        rule: String,
    },
    /// A reference to a view that does not exist.
    UnknownView {
        /// The view id.
        view: String,
    },
    /// A decimal number outside its allowed range.
    NumberOutOfRange {
        /// The value.
        value: String,
        /// Lowest allowed.
        min: String,
        /// Highest allowed.
        max: String,
    },
    /// A text placement's box reaches outside its view.
    TextBoxOutsideView {
        /// The view id.
        view: String,
    },
    /// A text placement's em size is larger than its box is high.
    TextSizeOverBox {
        /// The em size in millimetres.
        size: String,
        /// The box height in millimetres.
        height: String,
    },
    /// A character class that is not `latin`, `digits`, `space`, `hangul` or `punctuation`.
    UnknownCharClass {
        /// The class as written.
        class: String,
    },
    /// An `also_allowed` character that may never be in a shopper's text (control, bidi, zero-width).
    InvalidAllowedCharacter {
        /// The character as `U+XXXX`.
        code_point: String,
    },
    /// A case rule that is not `as_typed`, `upper` or `lower`.
    UnknownCase {
        /// The rule as written.
        case: String,
    },
    /// An ink that is neither a catalog color id nor `#rrggbb`.
    InvalidInk {
        /// The value.
        value: String,
    },
    /// An offered option that no valid design can have.
    UnreachableOption {
        /// The group key.
        group: String,
        /// The option id.
        option: String,
        /// A smallest set of rules responsible.
        rules: String,
    },
}

impl ProblemKind for CatalogProblemKind {
    fn code(&self) -> &'static str {
        use CatalogProblemKind::*;
        match self {
            Syntax { .. } => "syntax",
            UnsupportedFormat { .. } => "unsupported_format",
            MissingField { .. } => "missing_field",
            UnknownField { .. } => "unknown_field",
            InvalidId { .. } => "invalid_id",
            DuplicateId { .. } => "duplicate_id",
            UnknownCurrency { .. } => "unknown_currency",
            NegativePrice { .. } => "negative_price",
            OutOfRange { .. } => "out_of_range",
            UnknownSurface { .. } => "unknown_surface",
            InvalidSwatch { .. } => "invalid_swatch",
            EmptyList => "empty_list",
            UnknownZone { .. } => "unknown_zone",
            UnknownMaterial { .. } => "unknown_material",
            UnknownColor { .. } => "unknown_color",
            DefaultNotOffered { .. } => "default_not_offered",
            UnsafePath { .. } => "unsafe_path",
            MissingFile { .. } => "missing_file",
            ZoneNotDrawn { .. } => "zone_not_drawn",
            ZoneDrawnTwice { .. } => "zone_drawn_twice",
            TooManyOptions { .. } => "too_many_options",
            ChoiceIsZone { .. } => "choice_is_zone",
            UnknownGroup { .. } => "unknown_group",
            UnknownOption { .. } => "unknown_option",
            OptionNotOffered { .. } => "option_not_offered",
            RuleKind => "rule_kind",
            TooFew { .. } => "too_few",
            AtMostOneKey => "at_most_one_key",
            StarNotAllowed => "star_not_allowed",
            DefaultWithRequired => "default_with_required",
            DuplicateGroup { .. } => "duplicate_group",
            RowLength { .. } => "row_length",
            DuplicateRow { .. } => "duplicate_row",
            EqualMismatch { .. } => "equal_mismatch",
            NoValidDesign { .. } => "no_valid_design",
            DefaultBreaksRule { .. } => "default_breaks_rule",
            UnreachableOption { .. } => "unreachable_option",
            UnknownView { .. } => "unknown_view",
            NumberOutOfRange { .. } => "number_out_of_range",
            TextBoxOutsideView { .. } => "text_box_outside_view",
            TextSizeOverBox { .. } => "text_size_over_box",
            UnknownCharClass { .. } => "unknown_char_class",
            InvalidAllowedCharacter { .. } => "invalid_allowed_character",
            UnknownCase { .. } => "unknown_case",
            InvalidInk { .. } => "invalid_ink",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        use CatalogProblemKind::*;
        match self {
            Syntax {
                detail,
                line,
                column,
            } => {
                vec![
                    ("detail", detail.clone()),
                    ("line", line.to_string()),
                    ("column", column.to_string()),
                ]
            }
            UnsupportedFormat { found } => vec![("found", found.clone())],
            MissingField { field } => vec![("field", (*field).to_owned())],
            UnknownField { field } => vec![("field", field.clone())],
            InvalidId { id } | DuplicateId { id } => vec![("id", id.clone())],
            UnknownCurrency { code } => vec![("code", code.clone())],
            NegativePrice { amount } => vec![("amount", amount.to_string())],
            OutOfRange { value, min, max } => {
                vec![
                    ("value", value.to_string()),
                    ("min", min.to_string()),
                    ("max", max.to_string()),
                ]
            }
            InvalidSwatch { value } => vec![("value", value.clone())],
            UnknownSurface { surface } => vec![("surface", surface.clone())],
            EmptyList => vec![],
            UnknownZone { zone } | ZoneNotDrawn { zone } | ZoneDrawnTwice { zone } => {
                vec![("zone", zone.clone())]
            }
            UnknownMaterial { material } => vec![("material", material.clone())],
            UnknownColor { color } => vec![("color", color.clone())],
            DefaultNotOffered { option } => vec![("option", option.clone())],
            UnsafePath { path } | MissingFile { path } => vec![("path", path.clone())],
            TooManyOptions { max, count } => {
                vec![("max", max.to_string()), ("count", count.to_string())]
            }
            ChoiceIsZone { id } => vec![("id", id.clone())],
            UnknownGroup { group } => vec![("group", group.clone())],
            UnknownOption { group, option } | OptionNotOffered { group, option } => {
                vec![("group", group.clone()), ("option", option.clone())]
            }
            RuleKind | AtMostOneKey | StarNotAllowed | DefaultWithRequired => vec![],
            DuplicateGroup { group } => vec![("group", group.clone())],
            RowLength { expected, found } => {
                vec![
                    ("expected", expected.to_string()),
                    ("found", found.to_string()),
                ]
            }
            DuplicateRow { first } => vec![("first", first.to_string())],
            TooFew { min } => vec![("min", min.to_string())],
            EqualMismatch { group, other } => {
                vec![("group", group.clone()), ("other", other.clone())]
            }
            NoValidDesign { rules } => vec![("rules", rules.clone())],
            DefaultBreaksRule { rule } => vec![("rule", rule.clone())],
            UnknownView { view } | TextBoxOutsideView { view } => vec![("view", view.clone())],
            NumberOutOfRange { value, min, max } => vec![
                ("value", value.clone()),
                ("min", min.clone()),
                ("max", max.clone()),
            ],
            TextSizeOverBox { size, height } => {
                vec![("size", size.clone()), ("height", height.clone())]
            }
            UnknownCharClass { class } => vec![("class", class.clone())],
            InvalidAllowedCharacter { code_point } => vec![("code_point", code_point.clone())],
            UnknownCase { case } => vec![("case", case.clone())],
            InvalidInk { value } => vec![("value", value.clone())],
            UnreachableOption {
                group,
                option,
                rules,
            } => vec![
                ("group", group.clone()),
                ("option", option.clone()),
                ("rules", rules.clone()),
            ],
        }
    }
}
