//! "Call me about this design": a shopper who would rather talk leaves a design code, a name, a phone number,
//! a preferred time and the language to speak in, and the shop's staff call back. This is the request's pure
//! check ([`check_help_request`]): every problem at once with its path, the same rules for hostile text as a
//! swatch request (no control, direction-changing or invisible characters; the phone number's shape), and
//! the design code read as the app reads it. Whether the code names a stored design is the shop's to say.
//!
//! The name and phone number are personal data: the shop stores them for its staff and never serves them back.

use crate::Locale;
use crate::design_code::DesignCode;
use crate::id::is_submission_id;
use crate::problem::{Problem, ProblemKind};
use crate::swatch::contact::{forbidden, is_phone};
use crate::swatch::limits::{NAME_MAX, PHONE};
use serde::{Deserialize, Serialize};

/// A help request as the client sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpRequest {
    /// The design code to talk about, as typed.
    pub code: String,
    /// Whom to ask for.
    pub name: Option<String>,
    /// The number to call.
    pub phone: Option<String>,
    /// When to call: `morning`, `afternoon`, `evening` or `anytime`.
    pub preferred_time: String,
    /// The language to speak: `en` or `ko`.
    pub locale: String,
    /// The client's submission id (a repeat is the same request).
    pub submission: String,
}

/// When a shopper would like to be called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreferredTime {
    /// Before noon.
    Morning,
    /// Noon to six.
    Afternoon,
    /// After six.
    Evening,
    /// Whenever suits the staff.
    Anytime,
}

impl PreferredTime {
    /// Every time, in the order a form offers them.
    pub const ALL: [PreferredTime; 4] = [
        PreferredTime::Morning,
        PreferredTime::Afternoon,
        PreferredTime::Evening,
        PreferredTime::Anytime,
    ];

    /// The wire token.
    pub fn token(self) -> &'static str {
        match self {
            PreferredTime::Morning => "morning",
            PreferredTime::Afternoon => "afternoon",
            PreferredTime::Evening => "evening",
            PreferredTime::Anytime => "anytime",
        }
    }
}

/// A checked help request: texts trimmed, the code canonical.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidHelpRequest {
    /// The design code, canonical (`K7QM-2XR8`).
    pub code: String,
    /// Whom to ask for.
    pub name: String,
    /// The number to call.
    pub phone: String,
    /// When to call.
    pub preferred_time: PreferredTime,
    /// The language to speak.
    pub locale: Locale,
    /// The submission id.
    pub submission: String,
}

/// A help request problem at a path such as `phone`.
pub type HelpProblem = Problem<HelpProblemKind>;

/// What can be wrong with a help request.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum HelpProblemKind {
    /// A required field is missing or blank.
    Required,
    /// A name longer than allowed.
    TooLong {
        /// The most characters allowed.
        max: usize,
        /// How many were sent (after trimming).
        found: usize,
    },
    /// A control, direction-changing (bidi) or invisible character.
    ForbiddenCharacter {
        /// The character as `U+XXXX`.
        character: String,
    },
    /// Not the shape of a phone number.
    InvalidPhone,
    /// Not a design code; the reason's message key (`code.length`, `code.symbol`, `code.check`).
    InvalidCode {
        /// Why, as a message key.
        reason: &'static str,
    },
    /// A well-formed code under which no design is stored (the shop's lookup says so).
    UnknownCode {
        /// The code, canonical.
        code: String,
    },
    /// Not one of the offered times.
    InvalidTime {
        /// The time sent (at most 20 characters of it).
        time: String,
    },
    /// A language the shop does not speak.
    UnsupportedLocale {
        /// The locale sent (at most 20 characters of it).
        locale: String,
    },
    /// A malformed submission id.
    InvalidSubmission,
}

impl ProblemKind for HelpProblemKind {
    fn code(&self) -> &'static str {
        match self {
            // The same meanings and messages as a swatch request's contact.
            HelpProblemKind::Required => "swatch_required",
            HelpProblemKind::TooLong { .. } => "swatch_too_long",
            HelpProblemKind::ForbiddenCharacter { .. } => "swatch_forbidden_character",
            HelpProblemKind::InvalidPhone => "swatch_invalid_phone",
            HelpProblemKind::UnsupportedLocale { .. } => "swatch_unsupported_locale",
            HelpProblemKind::InvalidSubmission => "invalid_submission",
            HelpProblemKind::InvalidCode { .. } => "help_invalid_code",
            HelpProblemKind::UnknownCode { .. } => "help_unknown_code",
            HelpProblemKind::InvalidTime { .. } => "help_invalid_time",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            HelpProblemKind::TooLong { max, found } => {
                vec![("max", max.to_string()), ("found", found.to_string())]
            }
            HelpProblemKind::ForbiddenCharacter { character } => {
                vec![("character", character.clone())]
            }
            HelpProblemKind::InvalidPhone => vec![
                ("min", PHONE.start().to_string()),
                ("max", PHONE.end().to_string()),
            ],
            HelpProblemKind::UnsupportedLocale { locale } => vec![("locale", locale.clone())],
            HelpProblemKind::InvalidCode { reason } => vec![("reason", (*reason).to_owned())],
            HelpProblemKind::UnknownCode { code } => vec![("code", code.clone())],
            HelpProblemKind::InvalidTime { time } => vec![("time", time.clone())],
            HelpProblemKind::Required | HelpProblemKind::InvalidSubmission => vec![],
        }
    }

    fn args_in(&self, locale: Locale) -> Vec<(&'static str, String)> {
        match self {
            // The reason is itself a sentence in the shopper's language.
            HelpProblemKind::InvalidCode { reason } => {
                vec![("reason", crate::messages::text(locale, reason).to_owned())]
            }
            _ => self.args(),
        }
    }
}

/// Checks a help request, reporting every problem at once (at most one per field).
pub fn check_help_request(request: &HelpRequest) -> Result<ValidHelpRequest, Vec<HelpProblem>> {
    let mut problems = Vec::new();
    let mut report = |path: &str, kind| problems.push(HelpProblem::new(path, kind));
    let code = match DesignCode::parse(&request.code) {
        Ok(code) => Some(code.to_string()),
        Err(e) => {
            report(
                "code",
                HelpProblemKind::InvalidCode {
                    reason: e.message_key(),
                },
            );
            None
        }
    };
    let name = text(&mut report, "name", request.name.as_deref(), NAME_MAX);
    let phone = text(&mut report, "phone", request.phone.as_deref(), *PHONE.end());
    if phone.as_deref().is_some_and(|p| !is_phone(p)) {
        report("phone", HelpProblemKind::InvalidPhone);
    }
    let time = PreferredTime::ALL
        .into_iter()
        .find(|t| t.token() == request.preferred_time);
    if time.is_none() {
        let time = request.preferred_time.chars().take(20).collect();
        report("preferred_time", HelpProblemKind::InvalidTime { time });
    }
    let locale = Locale::ALL.into_iter().find(|l| l.tag() == request.locale);
    if locale.is_none() {
        let locale = request.locale.chars().take(20).collect();
        report("locale", HelpProblemKind::UnsupportedLocale { locale });
    }
    if !is_submission_id(&request.submission) {
        report("submission", HelpProblemKind::InvalidSubmission);
    }
    match (code, name, phone, time, locale) {
        (Some(code), Some(name), Some(phone), Some(preferred_time), Some(locale))
            if problems.is_empty() =>
        {
            Ok(ValidHelpRequest {
                code,
                name,
                phone,
                preferred_time,
                locale,
                submission: request.submission.clone(),
            })
        }
        _ => Err(problems),
    }
}

/// A required text: trimmed, at most `max` characters, no hidden characters; `None` (and the problem
/// reported) otherwise.
fn text(
    report: &mut impl FnMut(&str, HelpProblemKind),
    path: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    let value = value.map(str::trim).unwrap_or_default();
    if value.is_empty() {
        report(path, HelpProblemKind::Required);
        return None;
    }
    if let Some(c) = value.chars().find(|&c| forbidden(c)) {
        let character = format!("U+{:04X}", u32::from(c));
        report(path, HelpProblemKind::ForbiddenCharacter { character });
        return None;
    }
    let found = value.chars().count();
    if found > max {
        report(path, HelpProblemKind::TooLong { max, found });
        return None;
    }
    Some(value.to_owned())
}
