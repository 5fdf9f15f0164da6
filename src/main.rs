//! Atelier's browser app: the product configurator shoppers use, built with Yew and compiled to WebAssembly.
//!
//! This file only mounts [`app::App`]. The screen's state is in [`state`], talking to the shop in [`api`],
//! loading and caching artwork in [`artwork`], an order's proofs of the pixels the shopper saw in
//! [`proofs`], fetching fonts for personal text in [`fonts`] and the word lists' verdicts on it in
//! [`text_checks`] (from a worker, [`text_worker`]), the language in [`i18n`], talking to a retailer's page that embeds the app in [`embed`], and
//! the parts of the screen in [`components`], and taking over the shop's first paint of the product in
//! [`first_paint`]. Products, prices and pixels
//! come from the `atelier-core` and `atelier-render` crates, the same code the shop runs.

mod api;
mod app;
mod artwork;
mod bitmap;
mod components;
mod configurator;
mod easy_mode;
mod embed;
mod first_paint;
mod fonts;
mod i18n;
mod layer_decoder;
mod opening;
mod outbox;
mod photo;
mod photo_colors;
mod photo_worker;
mod proofs;
mod rule_text;
mod saved_designs;
mod state;
mod storage;
mod submission;
mod text_checks;
mod text_worker;
mod time_slice;
mod timing;
mod url;
mod worker;

fn main() {
    timing::mark("main");
    // Into `#app`, not `<body>`: Yew empties the element it mounts in, and the body holds the shop's first
    // paint of the product, which the app takes over itself ([`first_paint`]).
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}
