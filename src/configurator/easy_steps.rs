//! Easy mode's guided path: the options one step at a time ("Step 2 of 7: Heel counter"), with Back and Next.
//!
//! The steps come from the catalog, so every product gets them without code of its own: the product-wide
//! choices (if any), each part in turn (material and color), colors from the shopper's room (where offered),
//! the personal text (if any), and last the size and the order with My designs and design codes. Each step
//! shows the same sections as the full page, so nothing that matters is hidden: unavailable options still carry
//! their reasons and the fix dialog still offers its fix.
//!
//! A part's step selects that part (its options show, the preview outlines it); a part chosen on the preview
//! moves to its step. After Back or Next, focus goes to the step's heading so a screen reader says where the
//! shopper is. An order's outcome (a missing size, the order number, the shop's refusal) is shown in the last
//! step, so the path moves there by itself.

use super::design_codes::DesignCodes;
use super::my_designs::MyDesigns;
use super::order_box::OrderBox;
use super::stage::PreviewDownload;
use super::submit::focus_by_id;
use super::text_section::TextSection;
use super::zone_options::ZoneOptions;
use super::{RoomColors, choice_groups::ChoiceGroups};
use crate::artwork::SharedArtwork;
use crate::i18n::{I18n, use_i18n};
use crate::rule_text::Reasons;
use crate::state::{Action, CatalogHandle, SubmitStatus, use_app_state};
use atelier_core::Catalog;
use atelier_core::id::ZoneId;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// One step of the path.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The product-wide choices.
    Choices,
    /// One part's material and color.
    Zone(ZoneId),
    /// Colors from the shopper's room.
    RoomColors,
    /// The personal texts.
    Texts,
    /// Size, price and the order (with My designs and design codes).
    Order,
}

/// The steps of `catalog`'s path, in order; the last is always [`Step::Order`].
pub fn steps(catalog: &Catalog) -> Vec<Step> {
    let mut steps = Vec::new();
    if !catalog.choices().is_empty() {
        steps.push(Step::Choices);
    }
    steps.extend(catalog.zones().iter().map(|z| Step::Zone(z.id.clone())));
    if crate::photo_colors::offered(catalog) {
        steps.push(Step::RoomColors);
    }
    if !catalog.texts().is_empty() {
        steps.push(Step::Texts);
    }
    steps.push(Step::Order);
    steps
}

/// The step's name in the shopper's language.
fn name(step: &Step, catalog: &Catalog, i18n: &I18n) -> String {
    match step {
        Step::Choices => i18n.t("easy.step_choices").to_owned(),
        Step::Zone(id) => (catalog.zones().iter())
            .find(|z| &z.id == id)
            .map(|z| i18n.pick(&z.name).to_owned())
            .unwrap_or_default(),
        Step::RoomColors => i18n.t("photo.heading").to_owned(),
        Step::Texts => i18n.t("text.section").to_owned(),
        Step::Order => i18n.t("easy.step_order").to_owned(),
    }
}

/// Properties of [`EasySteps`].
#[derive(Properties, PartialEq)]
pub struct EasyStepsProps {
    /// Why each unavailable option on screen is unavailable.
    pub reasons: Rc<Reasons>,
    /// Decoded views, for the order's proofs.
    pub artwork: SharedArtwork,
}

/// The current step with its heading and Back / Next.
#[component]
pub fn EasySteps(props: &EasyStepsProps) -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    let steps = use_memo(catalog.clone(), |catalog| steps(catalog));
    let index = use_state(|| 0usize);
    let heading = use_node_ref();
    // Set by Back and Next: the next render moves focus to the new step's heading.
    let moved = use_mut_ref(|| false);
    let at = (*index).min(steps.len() - 1);

    // A part chosen elsewhere (on the preview) moves the path to that part's step.
    {
        let (steps, index) = (steps.clone(), index.clone());
        use_effect_with(state.selected_zone.clone(), move |zone| {
            let on_part = matches!(steps.get(*index), Some(Step::Zone(_)));
            let target = zone
                .as_ref()
                .and_then(|z| (steps.iter()).position(|s| matches!(s, Step::Zone(id) if id == z)));
            if let Some(target) = target.filter(|&t| on_part && t != *index) {
                index.set(target);
            }
        });
    }
    // An order's outcome is shown in the last step; a missing size is chosen there.
    {
        let (last, index) = (steps.len() - 1, index.clone());
        let outcome = match &state.submit {
            SubmitStatus::NeedSize => 1,
            SubmitStatus::Placed(_) | SubmitStatus::Failed(_) | SubmitStatus::Waiting => 2,
            SubmitStatus::Idle | SubmitStatus::Sending => 0,
        };
        use_effect_with(outcome, move |&outcome| {
            if outcome > 0 && *index != last {
                index.set(last);
            }
        });
        // Once the last step is on screen, a missing size gets the focus.
        use_effect_with((at == last, outcome), |&(on_last, outcome)| {
            if on_last && outcome == 1 {
                focus_by_id("size");
            }
        });
    }
    {
        let (heading, moved) = (heading.clone(), moved.clone());
        use_effect_with(at, move |_| {
            if moved.replace(false)
                && let Some(h) = heading.cast::<HtmlElement>()
            {
                let _ = h.focus();
            }
        });
    }

    let go = |to: usize| {
        let (state, steps, index, moved) =
            (state.clone(), steps.clone(), index.clone(), moved.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(Step::Zone(zone)) = steps.get(to) {
                state.dispatch(Action::SelectZone(zone.clone()));
            }
            *moved.borrow_mut() = true;
            index.set(to);
        })
    };
    let step = &steps[at];
    let body = match step {
        Step::Choices => html! { <ChoiceGroups reasons={props.reasons.clone()} /> },
        Step::Zone(_) => html! { <ZoneOptions reasons={props.reasons.clone()} /> },
        Step::RoomColors => html! { <RoomColors /> },
        Step::Texts => html! { <TextSection /> },
        Step::Order => html! {
            <>
                <OrderBox artwork={props.artwork.clone()} easy=true />
                <div class="step-download"><PreviewDownload /></div>
                <MyDesigns />
                <DesignCodes />
            </>
        },
    };
    let count = i18n.f(
        "easy.step",
        &[
            ("n", (at + 1).to_string()),
            ("count", steps.len().to_string()),
        ],
    );
    let last = at + 1 == steps.len();
    html! {
        <div class="easy-steps">
            <h2 id="step-heading" class="step-heading" tabindex="-1" ref={heading}>
                <span class="step-count">{ count }</span>
                <span class="step-name">{ name(step, &catalog, &i18n) }</span>
            </h2>
            <div class="step-body">{ body }</div>
            <nav class="step-nav" aria-label={i18n.t("easy.steps")}>
                <button type="button" id="step-back" class="button secondary" disabled={at == 0}
                    onclick={go(at.saturating_sub(1))}>{ i18n.t("easy.back") }</button>
                if !last {
                    <button type="button" id="step-next" class="button primary"
                        onclick={go(at + 1)}>{ i18n.t("easy.next") }</button>
                }
            </nav>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_product_gets_its_path_from_its_catalog() {
        for (product, json) in [
            (
                "runner-one",
                include_str!("../../static/catalogs/runner-one.json"),
            ),
            (
                "bespoke-set",
                include_str!("../../static/catalogs/bespoke-set.json"),
            ),
        ] {
            let catalog =
                Catalog::from_json(json, &|_: &str| true).expect("sample catalog is valid");
            let steps = steps(&catalog);
            let zones = steps.iter().filter(|s| matches!(s, Step::Zone(_))).count();
            assert_eq!(zones, catalog.zones().len(), "{product}: one step per part");
            assert_eq!(
                steps.last(),
                Some(&Step::Order),
                "{product}: the order comes last"
            );
            assert_eq!(
                steps.contains(&Step::Texts),
                !catalog.texts().is_empty(),
                "{product}: a text step exactly when the product takes text"
            );
            assert_eq!(
                steps.contains(&Step::RoomColors),
                crate::photo_colors::offered(&catalog),
                "{product}: room colors where offered"
            );
        }
    }
}
