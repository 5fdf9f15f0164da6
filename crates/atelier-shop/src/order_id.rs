//! Public order numbers: `ATL-` and eight Crockford base-32 characters (`ATL-7K3M-9QX2`); swatch requests are
//! numbered the same way with `SWR-` (`SWR-4D2F-8HQ1`), and design codes are made here too.
//!
//! Random rather than sequential so one shopper cannot guess another's order, and from an alphabet without
//! I, L, O and U so the number can be read out on the phone without mix-ups.

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A fresh random order number.
pub fn new_order_id() -> Result<String, getrandom::Error> {
    new_id("ATL")
}

/// Whether `s` has the shape of an order number (checked before touching the database).
pub fn is_order_id(s: &str) -> bool {
    has_shape("ATL", s)
}

/// A fresh random swatch request number.
pub fn new_swatch_request_id() -> Result<String, getrandom::Error> {
    new_id("SWR")
}

/// Whether `s` has the shape of a swatch request number.
pub fn is_swatch_request_id(s: &str) -> bool {
    has_shape("SWR", s)
}

/// A fresh random help request number (`HLP-…`).
pub fn new_help_request_id() -> Result<String, getrandom::Error> {
    new_id("HLP")
}

/// A fresh random design code (`K7QM-2XR8`: 35 random bits and Crockford's check symbol,
/// [`atelier_core::design_code`]).
pub fn new_design_code() -> Result<String, getrandom::Error> {
    loop {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes)?;
        // About one draw in seven has a check symbol outside the letters and digits: drawn again.
        if let Some(code) =
            atelier_core::design_code::DesignCode::from_random(u64::from_le_bytes(bytes))
        {
            return Ok(code.to_string());
        }
    }
}

/// `prefix`, a dash and two groups of four random characters (40 bits).
fn new_id(prefix: &str) -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 5];
    getrandom::fill(&mut bytes)?;
    let bits = bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    let chars: Vec<char> = (0..8)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect();
    Ok(format!(
        "{prefix}-{}-{}",
        chars[..4].iter().collect::<String>(),
        chars[4..].iter().collect::<String>()
    ))
}

/// Whether `s` is `prefix` (three letters), a dash and two dash-separated groups of four from the alphabet.
fn has_shape(prefix: &str, s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 13
        && s.starts_with(prefix)
        && b[3] == b'-'
        && b[8] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i < 4 || i == 8 || ALPHABET.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_well_formed_and_differ() {
        let a = new_order_id().expect("randomness");
        let b = new_order_id().expect("randomness");
        assert!(is_order_id(&a), "{a}");
        assert_ne!(a, b);
        let swr = new_swatch_request_id().expect("randomness");
        assert!(
            is_swatch_request_id(&swr) && swr.starts_with("SWR-"),
            "{swr}"
        );
        assert!(!is_order_id(&swr) && !is_swatch_request_id(&a));
        for bad in [
            "",
            "ATL-",
            "ATL-AAAA-AAAI",
            "ATL-AAAA_AAAA",
            "XTL-AAAA-AAAA",
            "ATL-AAAA-AAAAA",
        ] {
            assert!(!is_order_id(bad), "{bad}");
        }
    }
}
