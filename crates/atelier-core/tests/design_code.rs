//! Design codes: Crockford's alphabet, the forgiving reading, and the check symbol catching every single
//! mistyped symbol and every swap of neighbours on sample codes.

use atelier_core::design_code::{CodeError, DesignCode, RANDOM_BITS};

/// Sample codes from spread-out random bits, skipping draws whose check would be an extra symbol.
fn samples() -> Vec<DesignCode> {
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let mut out = Vec::new();
    while out.len() < 200 {
        // xorshift64: deterministic, spread over every bit.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if let Some(code) = DesignCode::from_random(x) {
            out.push(code);
        }
    }
    out
}

const SYMBOLS: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[test]
fn issued_codes_are_two_groups_of_four_crockford_symbols() {
    for code in samples() {
        let text = code.to_string();
        assert_eq!(text.len(), 9, "{text}");
        assert_eq!(&text[4..5], "-", "{text}");
        assert!(
            text.chars()
                .filter(|&c| c != '-')
                .all(|c| SYMBOLS.contains(c)),
            "{text} uses a symbol outside Crockford's 32 (no I, L, O, U, no extra check symbol)"
        );
        assert_eq!(DesignCode::parse(&text), Ok(code), "{text} reads back");
    }
    assert_eq!(RANDOM_BITS, 35);
}

#[test]
fn reading_forgives_case_look_alikes_hyphens_and_spaces() {
    let code = samples()[0];
    let text = code.to_string();
    let check = |written: String| assert_eq!(DesignCode::parse(&written), Ok(code), "{written}");
    check(text.to_lowercase());
    check(text.replace('-', ""));
    check(text.replace('-', " "));
    check(format!(" {} ", text.replace('-', " - ")));
    // Look-alikes: 0 may be written O, 1 as I or L, in either case. (Seven zeros check to 0; six zeros and a
    // one check to 1.)
    for (canonical, written) in [
        (
            "0000-0000",
            ["OOOO-OOOO", "oooo-oooo", "0O0o-0000", "OOOO OOOO"],
        ),
        (
            "0000-0011",
            ["OOOO-OOIL", "oooo-ooil", "0000-001l", "OOOO OO1I"],
        ),
    ] {
        let code = DesignCode::parse(canonical).expect("a well-formed code");
        assert_eq!(code.to_string(), canonical);
        for w in written {
            assert_eq!(DesignCode::parse(w), Ok(code), "{w}");
        }
    }
}

#[test]
fn malformed_codes_say_what_is_wrong() {
    let check =
        |text: &str, want: CodeError| assert_eq!(DesignCode::parse(text), Err(want), "{text}");
    check("", CodeError::Length(0));
    check("K7QM-2XR", CodeError::Length(7));
    check("K7QM-2XR8-Q", CodeError::Length(9));
    check(
        "K7QU-2XR8",
        CodeError::Symbol {
            character: 'U',
            position: 4,
        },
    );
    check(
        "K7Q!-2XR8",
        CodeError::Symbol {
            character: '!',
            position: 4,
        },
    );
    check(
        "K7QM-2XR#",
        CodeError::Symbol {
            character: '#',
            position: 8,
        },
    );
    check(
        "한7QM-2XR8",
        CodeError::Symbol {
            character: '한',
            position: 1,
        },
    );
    assert_eq!(CodeError::Check.message_key(), "code.check");
}

#[test]
fn the_check_symbol_catches_every_single_error_and_every_neighbour_swap() {
    let all: Vec<char> = format!("{SYMBOLS}*~$=U").chars().collect();
    let mut tried = 0;
    for code in samples() {
        let symbols: Vec<char> = code.to_string().chars().filter(|&c| c != '-').collect();
        for i in 0..symbols.len() {
            for &other in &all {
                if other == symbols[i] || (i < 7 && !SYMBOLS.contains(other)) {
                    continue;
                }
                let mut typo = symbols.clone();
                typo[i] = other;
                let text: String = typo.iter().collect();
                assert!(
                    DesignCode::parse(&text).is_err(),
                    "{code}: {text} slipped through"
                );
                tried += 1;
            }
            if i + 1 < symbols.len() && symbols[i] != symbols[i + 1] {
                let mut swapped = symbols.clone();
                swapped.swap(i, i + 1);
                let text: String = swapped.iter().collect();
                assert!(
                    DesignCode::parse(&text).is_err(),
                    "{code}: {text} slipped through"
                );
                tried += 1;
            }
        }
    }
    assert!(tried > 200 * 8 * 31, "{tried} variants tried");
}

#[test]
fn random_bits_beyond_the_code_are_ignored_and_extra_check_draws_refused() {
    let issued: Vec<_> = (0..64u64).filter_map(DesignCode::from_random).collect();
    assert!(
        issued.len() < 64,
        "some draws have an extra check symbol and are refused"
    );
    assert!(issued.len() > 40);
    for bits in 0..64u64 {
        assert_eq!(
            DesignCode::from_random(bits),
            DesignCode::from_random(bits | (0xFFFF << RANDOM_BITS))
        );
    }
}
