//! Design codes: short codes a shopper can read out on the phone or type in a shop, such as `K7QM-2XR8`.
//!
//! A code is seven random symbols of Crockford's Base32 (digits and letters without I, L, O and U, so no two
//! look or sound alike) and Crockford's check symbol, written in two groups of four. Reading one back is
//! forgiving the way Crockford intends: case does not matter, `O` is read as `0` and `I`/`L` as `1`, hyphens
//! and spaces are ignored. The check symbol (the value modulo 37) catches every single mistyped symbol and
//! every swap of two neighbours before any lookup, because 37 is prime and divides neither 32 nor 31.
//!
//! Making the random symbols is the caller's (the core reads no randomness): [`DesignCode::from_random`] takes
//! the bits. Codes are issued only with a check symbol from the 32 letters and digits (a random draw whose
//! check would be one of Crockford's five extra symbols `*~$=U` is drawn again), so every issued code reads
//! aloud as letters and digits; parsing still accepts all 37.

use std::fmt;

/// Crockford's Base32 alphabet: a symbol's value is its index.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The five extra check symbols, for check values 32 to 36.
const EXTRA_CHECK: &[u8; 5] = b"*~$=U";
/// Symbols of a code before its check symbol.
pub const DATA_SYMBOLS: usize = 7;
/// Random bits a code carries (five per symbol).
pub const RANDOM_BITS: u32 = 5 * DATA_SYMBOLS as u32;

/// A well-formed design code: seven symbols and a correct check symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DesignCode {
    /// The seven data symbols' values (0–31 each).
    data: [u8; DATA_SYMBOLS],
}

/// Why a text is not a design code. Each names what a shopper can check.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodeError {
    /// Not eight symbols once hyphens and spaces are left out.
    #[error("a design code has 8 letters and digits, not {0}")]
    Length(usize),
    /// A character that is no Crockford symbol (nor one read as such), at this position (1-based).
    #[error("“{character}” (position {position}) is not used in design codes")]
    Symbol {
        /// The character as written.
        character: char,
        /// Its position among the symbols.
        position: usize,
    },
    /// The check symbol does not match: a symbol was mistyped or two were swapped.
    #[error(
        "the code's check symbol does not match: a letter or digit is mistyped or two are swapped"
    )]
    Check,
}

impl CodeError {
    /// The message catalog key for this problem (`code.length`, `code.symbol`, `code.check`).
    pub fn message_key(&self) -> &'static str {
        match self {
            CodeError::Length(_) => "code.length",
            CodeError::Symbol { .. } => "code.symbol",
            CodeError::Check => "code.check",
        }
    }

    /// Why, as a sentence in `locale` (the app under its code field and the shop's 400 say the same).
    pub fn message(&self, locale: crate::Locale) -> String {
        match self {
            CodeError::Symbol { character, .. } => crate::messages::format(
                locale,
                self.message_key(),
                &[("character", character.to_string())],
            ),
            _ => crate::messages::text(locale, self.message_key()).to_owned(),
        }
    }
}

/// The value of a data symbol as Crockford reads it, or `None`.
fn value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .map(|v| v as u8)
}

/// The value of a check symbol (a data symbol or one of the five extras), or `None`.
fn check_value(c: char) -> Option<u8> {
    value(c).or_else(|| {
        let upper = c.to_ascii_uppercase();
        EXTRA_CHECK
            .iter()
            .position(|&a| char::from(a) == upper)
            .map(|v| 32 + v as u8)
    })
}

fn check_of(data: &[u8; DATA_SYMBOLS]) -> u8 {
    // The code as one number (base 32) modulo 37, folded symbol by symbol so nothing overflows.
    data.iter()
        .fold(0u32, |acc, &d| (acc * 32 + u32::from(d)) % 37) as u8
}

fn symbol(check: u8) -> char {
    match check {
        0..=31 => char::from(ALPHABET[usize::from(check)]),
        _ => char::from(EXTRA_CHECK[usize::from(check - 32)]),
    }
}

impl DesignCode {
    /// A code from `RANDOM_BITS` random bits (higher bits are ignored), or `None` when its check symbol would
    /// be one of the five extra symbols: draw again (about one draw in seven).
    pub fn from_random(bits: u64) -> Option<DesignCode> {
        let mut data = [0u8; DATA_SYMBOLS];
        for (i, d) in data.iter_mut().enumerate() {
            let shift = 5 * (DATA_SYMBOLS - 1 - i);
            *d = ((bits >> shift) & 31) as u8;
        }
        (check_of(&data) < 32).then_some(DesignCode { data })
    }

    /// Reads a code as a shopper may write it (any case, `O` for `0`, `I`/`L` for `1`, hyphens, spaces).
    pub fn parse(text: &str) -> Result<DesignCode, CodeError> {
        let symbols: Vec<char> = text
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | '\u{a0}'))
            .collect();
        if symbols.len() != DATA_SYMBOLS + 1 {
            return Err(CodeError::Length(symbols.len()));
        }
        let mut data = [0u8; DATA_SYMBOLS];
        for (i, (&c, d)) in symbols.iter().zip(data.iter_mut()).enumerate() {
            *d = value(c).ok_or(CodeError::Symbol {
                character: c,
                position: i + 1,
            })?;
        }
        let last = symbols[DATA_SYMBOLS];
        let check = check_value(last).ok_or(CodeError::Symbol {
            character: last,
            position: DATA_SYMBOLS + 1,
        })?;
        if check != check_of(&data) {
            return Err(CodeError::Check);
        }
        Ok(DesignCode { data })
    }
}

/// The code as it is shown and stored: upper case, two groups of four (`K7QM-2XR8`).
impl fmt::Display for DesignCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut all: Vec<char> = self
            .data
            .iter()
            .map(|&d| char::from(ALPHABET[usize::from(d)]))
            .collect();
        all.push(symbol(check_of(&self.data)));
        let (a, b) = all.split_at(4);
        write!(
            f,
            "{}-{}",
            a.iter().collect::<String>(),
            b.iter().collect::<String>()
        )
    }
}
