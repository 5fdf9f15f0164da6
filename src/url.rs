//! What the page's address tells the app: which product to show and which language to start in.

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
