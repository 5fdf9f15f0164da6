//! The app: owns the screen [`State`], runs its app-wide side effects (loading the product, keeping the
//! selection in storage, the page's `lang` and title, the undo/redo keyboard shortcuts, the messages to and
//! from a host page when embedded), works out once per
//! change which options the rules leave available, and frames the page: header, language switch, and either
//! the loading state or the [`configurator`](crate::configurator) (preview on the left, options on the right,
//! stacked on phones).

use crate::artwork::{ArtworkCache, SharedArtwork};
use crate::components::language_switch::LanguageSwitch;
use crate::components::loading::Loading;
use crate::configurator::Configurator;
use crate::easy_mode::{self, EasyMode, EasySwitch};
use crate::first_paint::{self, FirstPaint};
use crate::i18n::{I18n, initial_locale};
use crate::state::{Action, CatalogHandle, CatalogLoad, Loaded, State, StateHandle};
use crate::{api, embed};
use crate::{opening, rule_text, storage, time_slice, timing, url};
use atelier_core::Locale;
use atelier_core::history::History;
use atelier_core::rules::{GroupKey, Selection};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(initial_locale()));
    let reload = use_state(|| 0u32);
    // Decoded views, kept for the page's life (one product per page): the preview draws from them and the
    // order's proofs are rendered from them.
    let artwork = use_mut_ref(ArtworkCache::default);
    // The shop's first paint (the product's frame and still), read once before the app replaces it.
    let first_paint = use_memo((), |()| FirstPaint::read());
    // Easy mode as remembered; the root's `data-easy` is set before the first render, so nothing jumps.
    let easy = use_state(|| {
        let on = easy_mode::remembered();
        easy_mode::mark_root(on);
        on
    });

    // Load the product (again after "Try again"), restoring the shopper's design if it still fits.
    {
        let (dispatcher, locale) = (state.dispatcher(), state.locale);
        use_effect_with(*reload, move |_| {
            dispatcher.dispatch(Action::CatalogLoading);
            wasm_bindgen_futures::spawn_local(async move {
                match api::fetch_catalog(&url::product(), locale).await {
                    Ok((catalog, version)) => {
                        // Validating the catalog and rendering the first page are each up to a few dozen
                        // ms on a phone; in one task they made the one long task left at start-up.
                        time_slice::yield_to_page().await;
                        let opened =
                            timing::measure("restore", || opening::open(&catalog, &version));
                        timing::mark("catalog_ready");
                        dispatcher.dispatch(Action::CatalogLoaded(Loaded {
                            catalog: CatalogHandle(Rc::new(catalog)),
                            version,
                            selection: opened.selection,
                            history: opened.history,
                            notice: opened.notice,
                        }));
                    }
                    Err(e) => dispatcher.dispatch(Action::CatalogFailed(e)),
                }
            });
        });
    }

    // The shop's first paint stays on screen while the product loads; it goes in the task in which the app's
    // own page is rendered (effects run before the browser paints), so no frame shows neither.
    let settled = !matches!(state.catalog, CatalogLoad::Loading);
    use_effect_with(settled, |settled| {
        if *settled {
            timing::mark("page_rendered");
            first_paint::retire();
        }
    });

    // A design is never lost: every change is stored as it happens, with which choices were the shopper's.
    // And its undo/redo history, so undo still works after a reload or a crash.
    {
        let product = state.catalog().map(|c| c.id().as_str().to_owned());
        use_effect_with(
            (state.history.clone(), product),
            |(history, product): &(Rc<History<Rc<Selection>>>, Option<String>)| {
                if let Some(product) = product {
                    storage::save_history(product, history);
                }
            },
        );
    }
    // The address follows the design too, so it is always a link to what is on screen.
    use_effect_with(
        (state.selection.clone(), state.catalog_version.clone()),
        |(selection, version): &(Rc<Selection>, String)| {
            if !selection.design().zones.is_empty() {
                storage::save_selection(selection);
                opening::show(selection, version);
            }
        },
    );

    // Inside a retailer's page: events out, commands in (a no-op unless embedded in an allowed origin).
    embed::use_embed(&state);
    crate::fonts::use_fonts(&state);
    crate::text_checks::use_text_checks(&state);

    // Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, anywhere on the page except while typing.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                if let Some(action) = history_shortcut(&e) {
                    e.prevent_default();
                    dispatcher.dispatch(action);
                }
            });
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(d) = &document {
                let _ = d
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = &document {
                    let _ = d.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // What the rules allow, worked out once per change of the selection; the reasons only for the groups on
    // screen (the part being edited and the product-wide choices), in the shopper's language.
    let catalog = state.catalog().cloned();
    let availability = use_memo(
        (catalog.clone(), state.selection.clone()),
        |(catalog, selection)| {
            catalog
                .as_ref()
                .map(|c| timing::first("rules", || selection.availability(c)))
        },
    );
    let reasons = use_memo(
        (
            catalog,
            state.selection.clone(),
            availability.clone(),
            state.selected_zone.clone(),
            state.locale,
        ),
        |(catalog, selection, availability, zone, locale)| {
            let (Some(catalog), Some(availability)) = (catalog, availability.as_ref()) else {
                return rule_text::Reasons::new();
            };
            let mut groups: Vec<GroupKey> = zone
                .iter()
                .flat_map(|z| [GroupKey::Material(z.clone()), GroupKey::Color(z.clone())])
                .collect();
            groups.extend(
                catalog
                    .choices()
                    .iter()
                    .map(|c| GroupKey::Choice(c.id.clone())),
            );
            timing::first("reasons", || {
                rule_text::unavailable_options(catalog, selection, availability, &groups, *locale)
            })
        },
    );

    // The page's language and title follow the shopper's language.
    {
        let name = state.catalog().map(|c| c.name().clone());
        use_effect_with((state.locale, name), |(locale, name)| {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", locale.tag());
            }
            let app = atelier_core::messages::text(*locale, "app.title");
            match name {
                Some(name) => document.set_title(&format!("{} · {app}", name.get(*locale))),
                None => document.set_title(app),
            }
        });
    }

    let i18n = I18n(state.locale);
    let on_locale = {
        let state = state.clone();
        Callback::from(move |locale: Locale| state.dispatch(Action::SetLocale(locale)))
    };
    let on_easy = {
        let easy = easy.clone();
        Callback::from(move |on: bool| {
            easy_mode::apply(on);
            easy.set(on);
        })
    };
    let on_retry = {
        let reload = reload.clone();
        Callback::from(move |()| reload.set(*reload + 1))
    };

    let body = match &state.catalog {
        // The shop's frame shows the product meanwhile: nothing of ours yet.
        CatalogLoad::Loading if first_paint.is_some() => return html! {},
        CatalogLoad::Loading => html! { <Loading on_retry={on_retry} /> },
        CatalogLoad::Failed(e) => {
            html! { <Loading error={AttrValue::from(e.describe(state.locale))} on_retry={on_retry} /> }
        }
        CatalogLoad::Ready(catalog) => html! {
            <ContextProvider<StateHandle> context={state.clone()}>
                <ContextProvider<CatalogHandle> context={catalog.clone()}>
                    <ContextProvider<EasyMode> context={EasyMode(*easy)}>
                        <Configurator reasons={reasons.clone()} artwork={SharedArtwork(artwork.clone())}
                            first_paint={(*first_paint).clone()} />
                    </ContextProvider<EasyMode>>
                </ContextProvider<CatalogHandle>>
            </ContextProvider<StateHandle>>
        },
    };

    html! {
        <ContextProvider<I18n> context={i18n}>
            <a class="skip-link" href="#options">{ i18n.t("app.skip_to_options") }</a>
            <header class="topbar">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">{ i18n.t("app.title") }</span>
                    <span class="brand-tagline">{ i18n.t("app.tagline") }</span>
                </div>
                <div class="topbar-actions">
                    <EasySwitch on={*easy} on_toggle={on_easy} />
                    <LanguageSwitch on_change={on_locale} />
                </div>
            </header>
            <main class="page">{ body }</main>
        </ContextProvider<I18n>>
    }
}

/// The history action a key press asks for, if any. Typing in a text field keeps the field's own undo.
fn history_shortcut(e: &KeyboardEvent) -> Option<Action> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    let typing = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| {
            el.is_content_editable()
                || match el.tag_name().as_str() {
                    "TEXTAREA" => true,
                    "INPUT" => !matches!(
                        el.get_attribute("type").unwrap_or_default().as_str(),
                        "radio" | "checkbox" | "button" | "submit" | "reset" | "range" | "color"
                    ),
                    _ => false,
                }
        });
    if typing {
        return None;
    }
    // ASCII lowering only: the keys compared are ASCII letters, and Unicode lowering would ship its case tables.
    match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
        ("z", false) => Some(Action::Undo),
        ("z", true) => Some(Action::Redo),
        ("y", false) if e.ctrl_key() => Some(Action::Redo),
        _ => None,
    }
}
