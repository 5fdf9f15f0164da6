//! Public order numbers: `ATL-` and eight Crockford base-32 characters (`ATL-7K3M-9QX2`).
//!
//! Random rather than sequential so one shopper cannot guess another's order, and from an alphabet without
//! I, L, O and U so the number can be read out on the phone without mix-ups.

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A fresh random order number.
pub fn new_order_id() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 5];
    getrandom::fill(&mut bytes)?;
    let bits = bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    let chars: Vec<char> = (0..8)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect();
    Ok(format!(
        "ATL-{}-{}",
        chars[..4].iter().collect::<String>(),
        chars[4..].iter().collect::<String>()
    ))
}

/// Whether `s` has the shape of an order number (checked before touching the database).
pub fn is_order_id(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 13
        && s.starts_with("ATL-")
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
