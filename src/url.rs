//! What the page's address tells the app (which product to show, which language to start in, which design to
//! open) and writing a parameter back without a new history entry.

/// The product shown when the address names none.
pub const DEFAULT_PRODUCT: &str = "runner-one";

/// The value of the query parameter `name`, if present and non-empty.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.is_empty())
}

/// The product to show: `?product=…`, else [`DEFAULT_PRODUCT`].
pub fn product() -> String {
    query_param("product").unwrap_or_else(|| DEFAULT_PRODUCT.to_owned())
}

/// Sets the query parameter `name` to `value` in the address bar, keeping the rest of the address, without a
/// new history entry (`history.replaceState`). Does nothing where the page's address cannot be read or written.
pub fn replace_param(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(address) = web_sys::Url::new(&href) else {
        return;
    };
    address.search_params().set(name, value);
    let Ok(history) = window.history() else {
        return;
    };
    // The form encoding escapes `~`, which is unreserved in a URL: written plainly, a design link stays
    // readable and a third shorter.
    let href = address.href().replace("%7E", "~");
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
}
