//! "My designs": name the design on screen and keep it on this device with a thumbnail of the preview; the
//! list of kept designs, each to open (through the rules, one undo step), rename or delete. Names are the
//! shopper's text: shown as text, never as markup. Storage is [`saved_designs`]'.

use crate::i18n::use_i18n;
use crate::saved_designs::{self, SavedDesign};
use crate::state::{Action, CatalogHandle, use_app_state};
use crate::submission;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlInputElement};
use yew::prelude::*;

/// Width of a thumbnail in pixels (its height keeps the view's proportions).
const THUMBNAIL_WIDTH: u32 = 96;

/// What the last action on the list did, for the polite status line.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Done {
    Nothing,
    Saved,
    Renamed,
    Deleted,
    Failed,
}

/// The "My designs" section.
#[component]
pub fn MyDesigns() -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    let product = catalog.id.as_str().to_owned();
    let designs = {
        let product = product.clone();
        use_state(move || saved_designs::list(&product))
    };
    let done = use_state(|| Done::Nothing);
    let name_ref = use_node_ref();

    let finish = {
        let (designs, done) = (designs.clone(), done.clone());
        move |result: Option<Vec<SavedDesign>>, what: Done| match result {
            Some(list) => {
                designs.set(list);
                done.set(what);
            }
            None => done.set(Done::Failed),
        }
    };
    let on_save = {
        let (state, name_ref, finish) = (state.clone(), name_ref.clone(), finish.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = name_ref.cast::<HtmlInputElement>() else {
                return;
            };
            let Some(name) = saved_designs::clean_name(&input.value()) else {
                let _ = input.focus();
                return;
            };
            let id = submission::new_submission_id();
            finish(
                saved_designs::save(&state.selection, name, id, thumbnail()),
                Done::Saved,
            );
            input.set_value("");
        })
    };
    let on_done = {
        let finish = finish.clone();
        Callback::from(move |(result, what): (Option<Vec<SavedDesign>>, Done)| finish(result, what))
    };
    let items = designs.iter().map(|saved| {
        html! { <SavedItem key={saved.id.clone()} saved={saved.clone()} on_done={on_done.clone()} /> }
    });
    let status = match *done {
        Done::Nothing => "",
        Done::Saved => i18n.t("designs.saved"),
        Done::Renamed => i18n.t("designs.renamed"),
        Done::Deleted => i18n.t("designs.deleted"),
        Done::Failed => i18n.t("designs.failed"),
    };
    html! {
        <section class="my-designs" aria-labelledby="my-designs-heading">
            <h2 id="my-designs-heading" class="section-title">{ i18n.t("designs.heading") }</h2>
            <form class="save-design" onsubmit={on_save}>
                <label for="design-name">{ i18n.t("designs.name") }</label>
                <input id="design-name" ref={name_ref} type="text" autocomplete="off"
                    maxlength={saved_designs::NAME_MAX.to_string()} />
                <button type="submit" id="save-design" class="button secondary">{ i18n.t("designs.save") }</button>
            </form>
            <p id="my-designs-status" role="status" aria-live="polite">{ status }</p>
            if designs.is_empty() {
                <p class="muted">{ i18n.t("designs.empty") }</p>
            } else {
                <ul id="my-designs">{ for items }</ul>
            }
        </section>
    }
}

/// Properties of [`SavedItem`].
#[derive(Properties, PartialEq)]
struct SavedItemProps {
    saved: SavedDesign,
    /// The list as stored after a rename or delete (`None`: it could not be stored), and what was done.
    on_done: Callback<(Option<Vec<SavedDesign>>, Done)>,
}

/// One saved design: its thumbnail and name (or the rename field), and open / rename / delete.
#[component]
fn SavedItem(props: &SavedItemProps) -> Html {
    let state = use_app_state();
    let i18n = use_i18n();
    let renaming = use_state(|| false);
    let saved = &props.saved;
    let product = saved.design.product.as_str().to_owned();
    let named = |key: &str| i18n.f(key, &[("name", saved.name.clone())]);
    let open = {
        let (state, saved) = (state.clone(), saved.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::LoadDesign(
                saved.design.clone(),
                saved.explicit.clone(),
            ))
        })
    };
    let delete = {
        let (product, id, on_done) = (product.clone(), saved.id.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            on_done.emit((saved_designs::delete(&product, &id), Done::Deleted))
        })
    };
    let set_renaming = |on: bool| {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(on))
    };
    let field_ref = use_node_ref();
    let on_rename = {
        let (id, on_done, renaming) = (saved.id.clone(), props.on_done.clone(), renaming.clone());
        let field_ref = field_ref.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = field_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            if let Some(name) = saved_designs::clean_name(&value) {
                on_done.emit((saved_designs::rename(&product, &id, name), Done::Renamed));
                renaming.set(false);
            }
        })
    };
    let field_id = format!("rename-{}", saved.id);
    let title = if *renaming {
        html! {
            <form class="rename" onsubmit={on_rename}>
                <label for={field_id.clone()} class="visually-hidden">{ named("designs.new_name") }</label>
                <input id={field_id} ref={field_ref} type="text" value={saved.name.clone()}
                    maxlength={saved_designs::NAME_MAX.to_string()} />
                <button type="submit" class="button small">{ i18n.t("designs.rename_save") }</button>
                <button type="button" class="button small secondary" onclick={set_renaming(false)}>{ i18n.t("designs.cancel") }</button>
            </form>
        }
    } else {
        html! { <span class="saved-name">{ saved.name.clone() }</span> }
    };
    html! {
        <li class="saved-design" data-id={saved.id.clone()}>
            if !saved.thumbnail.is_empty() {
                <img class="saved-thumbnail" src={saved.thumbnail.clone()} alt="" width={THUMBNAIL_WIDTH.to_string()} />
            }
            { title }
            <span class="saved-actions">
                <button type="button" class="button small open" onclick={open}
                    aria-label={named("designs.open_named")}>{ i18n.t("designs.open") }</button>
                <button type="button" class="button small secondary rename-start" onclick={set_renaming(true)}
                    aria-label={named("designs.rename_named")}>{ i18n.t("designs.rename") }</button>
                <button type="button" class="button small secondary delete" onclick={delete}
                    aria-label={named("designs.delete_named")}>{ i18n.t("designs.delete") }</button>
            </span>
        </li>
    }
}

/// A small PNG of the preview canvas as it stands (empty if the browser cannot make one).
fn thumbnail() -> String {
    let make = || -> Option<String> {
        let document = web_sys::window()?.document()?;
        let preview: HtmlCanvasElement = document.get_element_by_id("preview")?.dyn_into().ok()?;
        if preview.width() == 0 {
            return None;
        }
        let height = (preview.height() * THUMBNAIL_WIDTH).div_ceil(preview.width());
        let small: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
        small.set_width(THUMBNAIL_WIDTH);
        small.set_height(height);
        let context: CanvasRenderingContext2d = small.get_context("2d").ok()??.dyn_into().ok()?;
        context
            .draw_image_with_html_canvas_element_and_dw_and_dh(
                &preview,
                0.0,
                0.0,
                f64::from(THUMBNAIL_WIDTH),
                f64::from(height),
            )
            .ok()?;
        small.to_data_url_with_type("image/png").ok()
    };
    make().unwrap_or_default()
}
