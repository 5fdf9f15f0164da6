//! One suggested catalog color: its swatch, name, closeness in words and ΔE, the finish it would need, and
//! buttons to apply it to the panel being edited or to every panel that offers it (one undo step).

use crate::i18n::I18n;
use crate::state::CatalogHandle;
use atelier_core::color_match::Offer;
use atelier_core::id::{ColorId, ZoneId};
use atelier_core::rules::GroupKey;
use yew::prelude::*;

/// Where applying an offer goes: through the reducer and so through the rules.
#[derive(Clone, PartialEq)]
pub struct OfferActions {
    /// Choose one option (a panel's color).
    pub on_choose: Callback<(GroupKey, String)>,
    /// Choose several as one undo step.
    pub on_choose_all: Callback<Vec<(GroupKey, String)>>,
}

/// The row of `offer` for the panel `zone`.
pub fn offer_row(
    offer: &Offer,
    zone: &ZoneId,
    catalog: &CatalogHandle,
    i18n: &I18n,
    actions: &OfferActions,
    color_name: &dyn Fn(&ColorId) -> String,
) -> Html {
    let s = &offer.suggestion;
    let id = s.color.to_string();
    let hex = catalog
        .color(&id)
        .map(|c| c.swatch.to_string())
        .unwrap_or_default();
    let finish = offer
        .finish
        .as_ref()
        .filter(|_| offer.fix.is_some())
        .and_then(|f| catalog.material(f.as_str()))
        .map(|m| {
            i18n.f(
                "photo.needs_finish",
                &[("finish", i18n.pick(&m.name).to_owned())],
            )
        });
    let apply_one = {
        let (on, group, id) = (
            actions.on_choose.clone(),
            GroupKey::Color(zone.clone()),
            id.clone(),
        );
        Callback::from(move |_: MouseEvent| on.emit((group.clone(), id.clone())))
    };
    let apply_all = {
        let on = actions.on_choose_all.clone();
        let all: Vec<(GroupKey, String)> = catalog
            .zones
            .iter()
            .filter(|z| z.colors.contains(&s.color))
            .map(|z| (GroupKey::Color(z.id.clone()), id.clone()))
            .collect();
        Callback::from(move |_: MouseEvent| on.emit(all.clone()))
    };
    html! {
        <li class="offer" data-color={id.clone()}>
            <span class="chip-swatch" style={format!("background:{hex}")} aria-hidden="true"></span>
            <span class="offer-name">{ color_name(&s.color) }</span>
            <span class="offer-closeness">{ i18n.t(s.closeness.message_key()) }</span>
            <span class="offer-delta">{ i18n.f("photo.delta_e", &[("value", format!("{:.1}", s.delta_e))]) }</span>
            if let Some(f) = finish { <span class="offer-finish">{ f }</span> }
            <span class="offer-actions">
                <button type="button" class="apply-one" onclick={apply_one}>{ i18n.t("photo.apply_one") }</button>
                <button type="button" class="apply-all" onclick={apply_all}>{ i18n.t("photo.apply_all") }</button>
            </span>
        </li>
    }
}
