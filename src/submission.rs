//! Submission ids: the client-chosen id the shop deduplicates orders on (16–64 of `[A-Za-z0-9-]`).
//!
//! Drawn from `crypto.getRandomValues` (available in insecure contexts too, unlike `randomUUID`) so two
//! shoppers never share one; `Math.random` only if the page has no `crypto` at all.

/// A fresh id: `atl-` and 32 hex digits (128 random bits).
pub fn new_submission_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    let mut id = String::from("atl-");
    for b in bytes {
        id.push_str(&format!("{b:02x}"));
    }
    id
}
