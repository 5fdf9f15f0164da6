//! Embedded mode: the app inside a retailer's page (in the iframe that `embed/embed.js` creates) tells the
//! host page what happens and takes a few commands from it, over `postMessage`.
//!
//! The page is opened as `/?embed=1&parent=<host origin>`. That origin is only a claim, so nothing happens
//! until the shop's allow-list (`GET /api/embed/origins`) confirms it; then every message goes to
//! `window.parent` with exactly that target origin (the browser drops it if the real parent is someone else),
//! and a received message is acted on only if it comes from `window.parent`, from that very origin, and has the
//! shape `{atelier: 1, type, detail: {…}}` with a known type and valid detail ([`parse_command`]). Everything
//! else is ignored without a word. A loaded design goes through the same rules as a stored one
//! ([`Action::LoadDesign`]), so a host cannot push the app into a design the catalog forbids.
//!
//! Sent: `ready` (once the product is on screen), `change` (after every design change), `submitted` (an order
//! was placed) and `resize` (the page's height, for the loader to size the frame). Received besides the
//! commands: `viewport` (the host window's height, how much of the frame is scrolled out above it, and whether
//! some of it is below the window), which the stylesheet uses instead of the frame's own height (`--vh`,
//! `--host-hidden`, `data-host-scrolls`), so the pinned preview fits the shopper's screen and stays in its
//! visible part, and a swipe brings the whole frame into view before it scrolls the options. The message formats are
//! documented for retailers in the README ("Embedding Atelier"). This module leaves the loader, the frame and
//! CSP to `embed/embed.js` and the shop.

use crate::state::{Action, CatalogHandle, State, SubmitStatus};
use atelier_core::design_words::describe;
use atelier_core::order::ClientPrice;
use atelier_core::pricing::price;
use atelier_core::{Design, Locale};
use gloo_net::http::Request;
use serde::Deserialize;
use serde_json::{Value, json};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{MessageEvent, ResizeObserver};
use yew::prelude::*;

/// The version field every message carries, both ways.
const PROTOCOL: u64 = 1;

/// Longest command accepted, as JSON text: a design is a few KB.
const MAX_COMMAND_BYTES: usize = 64 * 1024;

/// A command from the host page.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Switch the language.
    SetLocale(Locale),
    /// Load a design (restored within the rules).
    LoadDesign(Design),
    /// Start over from the catalog's defaults.
    Reset,
    /// Where the frame sits in the host's window.
    Viewport {
        /// The host window's height in CSS pixels.
        height: f64,
        /// Pixels of the frame above the window's top edge.
        hidden: f64,
        /// Whether some of the frame lies below the window's bottom edge.
        below: bool,
    },
}

/// Largest height or offset a `viewport` message may carry, in CSS pixels.
const MAX_VIEWPORT_PX: f64 = 100_000.0;

/// The command in a received message's data, if it is exactly one: `{atelier: 1, type, detail: {…}}` with
/// `setLocale` (`detail.locale`: `"ko"` or `"en"`), `loadDesign` (`detail.design`: a design), `reset`, or
/// `viewport` (`detail.height` > 0 and `detail.hidden` ≥ 0, both below 100,000 pixels, and `detail.below`, a
/// boolean).
pub fn parse_command(data: &Value) -> Option<Command> {
    let message = data.as_object()?;
    if message.get("atelier")?.as_u64()? != PROTOCOL {
        return None;
    }
    let detail = message.get("detail")?.as_object()?;
    match message.get("type")?.as_str()? {
        "setLocale" => {
            let tag = detail.get("locale")?.as_str()?;
            Locale::ALL
                .into_iter()
                .find(|l| l.tag() == tag)
                .map(Command::SetLocale)
        }
        "loadDesign" => Design::deserialize(detail.get("design")?)
            .ok()
            .map(Command::LoadDesign),
        "reset" => Some(Command::Reset),
        "viewport" => {
            let px = |key: &str| {
                detail
                    .get(key)?
                    .as_f64()
                    .filter(|v| (0.0..MAX_VIEWPORT_PX).contains(v))
            };
            let height = px("height").filter(|h| *h > 0.0)?;
            let hidden = px("hidden")?;
            let below = detail.get("below")?.as_bool()?;
            Some(Command::Viewport {
                height,
                hidden,
                below,
            })
        }
        _ => None,
    }
}

/// The host origin the address claims (`?embed=1&parent=…`), before it is checked.
fn claimed_parent() -> Option<String> {
    (crate::url::query_param("embed").as_deref() == Some("1"))
        .then(|| crate::url::query_param("parent"))
        .flatten()
}

#[derive(Deserialize)]
struct Origins {
    origins: Vec<String>,
}

/// Whether the shop lists `origin` as allowed to embed it (exact string equality, like the browser's).
async fn shop_allows(origin: &str) -> bool {
    let Ok(response) = Request::get("/api/embed/origins").send().await else {
        return false;
    };
    if !response.ok() {
        return false;
    }
    response
        .json::<Origins>()
        .await
        .is_ok_and(|o| o.origins.iter().any(|allowed| allowed == origin))
}

/// Posts `{atelier: 1, type, detail}` to the parent window, to `origin` only.
fn post(origin: &str, kind: &str, detail: Value) {
    let text = json!({ "atelier": PROTOCOL, "type": kind, "detail": detail }).to_string();
    let Some(window) = web_sys::window() else {
        return;
    };
    if let (Ok(Some(parent)), Ok(message)) = (window.parent(), js_sys::JSON::parse(&text)) {
        let _ = parent.post_message(&message, origin);
    }
}

/// What `ready` and `change` say about the design: the product, the design itself, and its price as numbers
/// and as the shopper sees it (`null` while the design cannot be priced, which the rules should prevent).
fn design_detail(catalog: &CatalogHandle, design: &Design, locale: Locale) -> Value {
    let priced = design.validate(catalog).ok().map(|valid| price(&valid));
    json!({
        "product": catalog.id().as_str(),
        "locale": locale.tag(),
        "design": design,
        "price": priced.as_ref().map(|p| ClientPrice::from(p.total)),
        "priceText": priced.as_ref().map(|p| p.total.format(locale)),
        // The design in words, as the product's first view shows it (the preview's text alternative).
        "description": catalog.views().first()
            .map(|v| describe(catalog, design, &v.id, locale))
            .unwrap_or_default(),
    })
}

/// The message listener and the height observer, removed when dropped.
struct Channel {
    window: web_sys::Window,
    on_message: Closure<dyn Fn(MessageEvent)>,
    observer: Option<(ResizeObserver, Closure<dyn Fn()>)>,
}

impl Drop for Channel {
    fn drop(&mut self) {
        let _ = self.window.remove_event_listener_with_callback(
            "message",
            self.on_message.as_ref().unchecked_ref(),
        );
        if let Some((observer, _)) = &self.observer {
            observer.disconnect();
        }
    }
}

/// Starts listening for commands from `origin` and reporting the page's height to it.
fn open_channel(origin: Rc<str>, dispatcher: UseReducerDispatcher<State>) -> Option<Channel> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    let on_message = {
        let origin = origin.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            let from_parent = e
                .source()
                .is_some_and(|s| js_sys::Object::is(&s, parent.as_ref()));
            if !from_parent || e.origin() != *origin {
                return;
            }
            // Through JSON text: whatever the host sent is data, parsed by serde with a size bound.
            let Some(text) = js_sys::JSON::stringify(&e.data())
                .ok()
                .and_then(|s| s.as_string())
                .filter(|s| s.len() <= MAX_COMMAND_BYTES)
            else {
                return;
            };
            let Some(command) = serde_json::from_str(&text)
                .ok()
                .as_ref()
                .and_then(parse_command)
            else {
                return;
            };
            dispatcher.dispatch(match command {
                Command::SetLocale(locale) => Action::SetLocale(locale),
                Command::LoadDesign(design) => Action::LoadDesign(design, Vec::new()),
                Command::Reset => Action::Reset,
                Command::Viewport {
                    height,
                    hidden,
                    below,
                } => return fit_to_host(height, hidden, below),
            });
        })
    };
    window
        .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())
        .ok()?;

    // The body (not the root, which is never shorter than the frame) measures the content; only changes are
    // sent, so the frame settles after one round.
    let document = window.document()?;
    let observer = document.body().and_then(|body| {
        let last = RefCell::new(0);
        let measured = body.clone();
        let callback = Closure::<dyn Fn()>::new(move || {
            let height = measured.get_bounding_client_rect().height().ceil() as i64;
            if height > 0 && height != last.replace(height) {
                post(&origin, "resize", json!({ "height": height }));
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(&body);
        Some((observer, callback))
    });
    if let Some(root) = document.document_element() {
        // The stylesheet lets the page be as tall as its content in a frame (see `html[data-embed]`).
        let _ = root.set_attribute("data-embed", "");
    }
    Some(Channel {
        window,
        on_message,
        observer,
    })
}

/// Sizes the page by the host's window rather than the frame (whose height follows the content, so sizing by
/// it could feed back): `--vh` is one hundredth of the window's height, `--host-hidden` how far the pinned
/// preview must move down to stay in the visible part of the frame. While some of the frame is below the
/// window, `data-host-scrolls` stops the frame's own scrolling (the stylesheet hides its overflow), so a swipe
/// or wheel over it scrolls the host page, bringing the whole frame into view, before the options scroll inside.
fn fit_to_host(height: f64, hidden: f64, below: bool) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let style = root.style();
        let _ = style.set_property("--vh", &format!("{:.2}px", height / 100.0));
        let _ = style.set_property("--host-hidden", &format!("{hidden:.0}px"));
        let _ = root.toggle_attribute_with_force("data-host-scrolls", below);
    }
}

/// Embedded mode for the app: a no-op unless the address asks for it and the shop allows the host origin.
#[hook]
pub fn use_embed(state: &UseReducerHandle<State>) {
    let parent = use_state(|| None::<Rc<str>>);
    // What was last reported: readiness, the design, the order; so each event goes out once per change.
    let sent = use_mut_ref(|| (false, None::<Design>, None::<String>, None::<Design>));

    {
        let parent = parent.clone();
        use_effect_with((), move |_| {
            if let Some(claimed) = claimed_parent() {
                wasm_bindgen_futures::spawn_local(async move {
                    if shop_allows(&claimed).await {
                        parent.set(Some(claimed.into()));
                    }
                });
            }
        });
    }

    {
        let dispatcher = state.dispatcher();
        use_effect_with((*parent).clone(), move |parent| {
            let channel = parent.clone().and_then(|p| open_channel(p, dispatcher));
            move || drop(channel)
        });
    }

    let catalog = state.catalog().cloned();
    let design = state.design().clone();
    let locale = state.locale;
    let submit = state.submit.clone();
    let submitted_design = state.submission.as_ref().map(|s| s.design.clone());
    use_effect_with(
        ((*parent).clone(), catalog, design, submit),
        move |(parent, catalog, design, submit)| {
            let (Some(parent), Some(catalog)) = (parent, catalog) else {
                return;
            };
            let mut sent = sent.borrow_mut();
            let (ready, last_design, last_order, sending) = &mut *sent;
            if !*ready {
                // Effects run after the render, so the configurator is on screen by now.
                *ready = true;
                *last_design = Some(design.clone());
                post(parent, "ready", design_detail(catalog, design, locale));
            } else if last_design.as_ref() != Some(design) {
                *last_design = Some(design.clone());
                post(parent, "change", design_detail(catalog, design, locale));
            }
            match submit {
                // Remember what is being sent: by the time the order is placed the shopper may have edited.
                SubmitStatus::Sending => *sending = submitted_design,
                SubmitStatus::Placed(receipt) if last_order.as_ref() != Some(&receipt.id) => {
                    *last_order = Some(receipt.id.clone());
                    let design = sending.take().unwrap_or_else(|| design.clone());
                    post(
                        parent,
                        "submitted",
                        json!({
                            "orderId": receipt.id,
                            "product": catalog.id().as_str(),
                            "design": design,
                            "price": receipt.price,
                            "priceText": receipt.price_text(locale),
                        }),
                    );
                }
                _ => {}
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(data: Value, expect: Option<Command>) {
        assert_eq!(parse_command(&data), expect, "{data}");
    }

    #[test]
    fn commands_are_parsed_exactly() {
        check(
            json!({"atelier": 1, "type": "setLocale", "detail": {"locale": "ko"}}),
            Some(Command::SetLocale(Locale::Ko)),
        );
        check(
            json!({"atelier": 1, "type": "reset", "detail": {}}),
            Some(Command::Reset),
        );
        check(
            json!({"atelier": 1, "type": "viewport", "detail": {"height": 844, "hidden": 0, "below": true}}),
            Some(Command::Viewport {
                height: 844.0,
                hidden: 0.0,
                below: true,
            }),
        );
        check(
            json!({"atelier": 1, "type": "viewport", "detail": {"height": 640.5, "hidden": 120, "below": false}}),
            Some(Command::Viewport {
                height: 640.5,
                hidden: 120.0,
                below: false,
            }),
        );
        let design = json!({"product": "runner-one", "size": null, "zones": {
            "toe": {"material": "suede", "color": "red"}}});
        let Some(Command::LoadDesign(d)) = parse_command(
            &json!({"atelier": 1, "type": "loadDesign", "detail": {"design": design}}),
        ) else {
            panic!("a design loads");
        };
        assert_eq!(d.product.as_str(), "runner-one");
    }

    #[test]
    fn anything_else_is_ignored() {
        for data in [
            json!(null),
            json!("reset"),
            json!([1, "reset", {}]),
            json!({"type": "reset", "detail": {}}),
            json!({"atelier": 2, "type": "reset", "detail": {}}),
            json!({"atelier": "1", "type": "reset", "detail": {}}),
            json!({"atelier": 1.5, "type": "reset", "detail": {}}),
            json!({"atelier": 1, "type": "reset"}),
            json!({"atelier": 1, "type": "reset", "detail": null}),
            json!({"atelier": 1, "type": "reset", "detail": []}),
            json!({"atelier": 1, "type": "Reset", "detail": {}}),
            json!({"atelier": 1, "type": "submit", "detail": {}}),
            json!({"atelier": 1, "type": "setLocale", "detail": {"locale": "fr"}}),
            json!({"atelier": 1, "type": "setLocale", "detail": {"locale": "ko-KR"}}),
            json!({"atelier": 1, "type": "setLocale", "detail": {"locale": 1}}),
            json!({"atelier": 1, "type": "loadDesign", "detail": {}}),
            json!({"atelier": 1, "type": "viewport", "detail": {"height": 0, "hidden": 0, "below": false}}),
            json!({"atelier": 1, "type": "viewport", "detail": {"height": 844, "hidden": -1, "below": false}}),
            json!({"atelier": 1, "type": "viewport", "detail": {"height": 1e9, "hidden": 0, "below": false}}),
            json!({"atelier": 1, "type": "viewport", "detail": {"height": "844px", "hidden": 0, "below": false}}),
            json!({"atelier": 1, "type": "viewport", "detail": {"height": 844, "hidden": 0}}),
            json!({"atelier": 1, "type": "viewport", "detail": {"height": 844, "hidden": 0, "below": 1}}),
            json!({"atelier": 1, "type": "loadDesign", "detail": {"design": "<img src=x>"}}),
            json!({"atelier": 1, "type": "loadDesign", "detail": {"design": {"product": "runner-one"}}}),
            json!({"atelier": 1, "type": "loadDesign", "detail": {"design": {
                "product": "runner-one", "zones": {"toe": {"material": "suede", "color": 7}}}}}),
        ] {
            check(data, None);
        }
    }
}
