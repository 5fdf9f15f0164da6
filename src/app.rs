//! The app: owns the screen [`State`], runs its app-wide side effects (loading the product, keeping the
//! design in storage, the page's `lang` and title) and frames the page: header, language switch, and either
//! the loading state or the [`configurator`](crate::configurator) (preview on the left, options on the right,
//! stacked on phones).

use crate::api;
use crate::components::language_switch::LanguageSwitch;
use crate::components::loading::Loading;
use crate::configurator::configurator;
use crate::i18n::{I18n, initial_locale};
use crate::state::{Action, CatalogHandle, CatalogLoad, State};
use crate::{storage, url};
use atelier_core::{Design, Locale};
use std::rc::Rc;
use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(initial_locale()));
    let reload = use_state(|| 0u32);
    // Set synchronously on click, so a double click cannot send two requests before the next render.
    let in_flight = use_mut_ref(|| false);

    // Load the product (again after "Try again"), restoring the shopper's design if it still fits.
    {
        let (dispatcher, locale) = (state.dispatcher(), state.locale);
        use_effect_with(*reload, move |_| {
            dispatcher.dispatch(Action::CatalogLoading);
            wasm_bindgen_futures::spawn_local(async move {
                match api::fetch_catalog(&url::product(), locale).await {
                    Ok(catalog) => {
                        let design = storage::restore_design(&catalog);
                        dispatcher.dispatch(Action::CatalogLoaded(
                            CatalogHandle(Rc::new(catalog)),
                            design,
                        ));
                    }
                    Err(e) => dispatcher.dispatch(Action::CatalogFailed(e)),
                }
            });
        });
    }

    // A design is never lost: every change is stored as it happens.
    use_effect_with(state.design.clone(), |design: &Design| {
        if !design.zones.is_empty() {
            storage::save_design(design);
        }
    });

    // The page's language and title follow the shopper's language.
    {
        let name = state.catalog().map(|c| c.name.clone());
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
    let on_retry = {
        let reload = reload.clone();
        Callback::from(move |()| reload.set(*reload + 1))
    };

    let body = match &state.catalog {
        CatalogLoad::Loading => html! { <Loading on_retry={on_retry} /> },
        CatalogLoad::Failed(e) => {
            html! { <Loading error={AttrValue::from(e.describe(state.locale))} on_retry={on_retry} /> }
        }
        CatalogLoad::Ready(catalog) => html! {
            <ContextProvider<CatalogHandle> context={catalog.clone()}>
                { configurator(&state, catalog, &i18n, &in_flight) }
            </ContextProvider<CatalogHandle>>
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
                <LanguageSwitch on_change={on_locale} />
            </header>
            <main class="page">{ body }</main>
        </ContextProvider<I18n>>
    }
}
