//! Catalog colors for one palette color under each harmony mode (match, tone on tone, contrast), checked
//! against the design's rules: the colors a panel can take now first, then those needing another finish.
//! Each offer's row is [`super::offer_row`].

use super::offer_row::{OfferActions, offer_row};
use crate::i18n::I18n;
use crate::state::CatalogHandle;
use atelier_core::color::Lab;
use atelier_core::color_match::{Harmony, suggest, within_rules};
use atelier_core::id::{ColorId, ZoneId};
use atelier_core::rules::Selection;
use yew::prelude::*;

/// Suggestions shown per harmony mode.
const PER_MODE: usize = 3;

/// One section per harmony mode for `target`, for the panel `zone` of the design `selection`.
pub fn harmony_offers(
    target: Lab,
    zone: &ZoneId,
    catalog: &CatalogHandle,
    selection: &Selection,
    actions: &OfferActions,
    i18n: &I18n,
    color_name: &dyn Fn(&ColorId) -> String,
) -> Html {
    [Harmony::Match, Harmony::ToneOnTone, Harmony::Contrast]
        .into_iter()
        .map(|harmony| {
            let found = suggest(target, catalog, harmony, PER_MODE);
            let check = within_rules(catalog, selection, zone, &found);
            let offers: Vec<Html> = check
                .available
                .iter()
                .chain(&check.unavailable)
                .map(|offer| offer_row(offer, zone, catalog, i18n, actions, color_name))
                .collect();
            let slug = harmony.message_key().trim_start_matches("color.harmony.");
            html! {
                <section class="harmony" data-harmony={slug.to_owned()}>
                    <h4>{ i18n.t(harmony.message_key()) }</h4>
                    if offers.is_empty() {
                        <p class="muted">{ i18n.t("photo.none") }</p>
                    } else {
                        <ul class="offers">{ for offers }</ul>
                    }
                </section>
            }
        })
        .collect::<Html>()
}
