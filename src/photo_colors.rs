//! "Colors from your room": a photo chosen, dropped or taken on the device, its palette as a strip with each
//! color's share in text, catalog colors for a chosen palette color under each harmony mode (with the
//! closeness in words and the ΔE), applied to one panel or to every panel as one undo step, an honest note
//! about screens and cameras, and a request for physical swatches.
//!
//! The photo is read by [`crate::photo`] in this page and never sent: only the swatch request (color ids and
//! the shopper's contact) goes to the shop. Applying goes through the reducer and so through the rules.

use crate::api::{self, SwatchAddress, SwatchContact, SwatchError, SwatchRequest};
use crate::i18n::use_i18n;
use crate::photo::{self, Extracted, PhotoError, Stage};
use crate::state::CatalogHandle;
use crate::submission;
use atelier_core::Catalog;
use atelier_core::color_match::{Harmony, Offer, suggest, within_rules};
use atelier_core::id::{ColorId, ZoneId};
use atelier_core::photo_palette::PaletteColor;
use atelier_core::rules::{GroupKey, Selection};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{File, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Suggestions shown per harmony mode.
const PER_MODE: usize = 3;
/// Countries offered for swatches (ISO 3166-1 alpha-2), the first the default.
const COUNTRIES: [&str; 8] = ["KR", "US", "CA", "GB", "DE", "FR", "JP", "AU"];

/// Whether a catalog is a set of panels that all offer the same colors (the appliance set), where matching
/// a room makes sense for every panel at once.
pub fn offered(catalog: &Catalog) -> bool {
    catalog
        .zones()
        .first()
        .is_some_and(|first| catalog.zones().iter().all(|z| z.colors == first.colors))
}

/// Properties of [`PhotoColors`].
#[derive(Properties, PartialEq)]
pub struct PhotoColorsProps {
    /// The product.
    pub catalog: CatalogHandle,
    /// The design as it stands (suggestions are checked against its rules).
    pub selection: Selection,
    /// The panel being edited.
    pub zone: Option<ZoneId>,
    /// Choose one option (a panel's color) through the rules.
    pub on_choose: Callback<(GroupKey, String)>,
    /// Choose several as one undo step.
    pub on_choose_all: Callback<Vec<(GroupKey, String)>>,
}

#[derive(Clone, PartialEq)]
struct Photo {
    url: String,
    palette: Vec<PaletteColor>,
    /// Whether the palette worker found the palette (shown as `data-extractor` for the browser test).
    in_worker: bool,
}

#[derive(Clone, PartialEq)]
enum PhotoStatus {
    Idle,
    Working(Stage),
    Failed(PhotoError),
}

#[derive(Clone, PartialEq)]
enum SwatchStatus {
    Idle,
    Sending,
    Sent(String),
    Failed(SwatchError),
}

fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Whole-percent shares that add up to exactly 100 (largest remainder), so the strip never says 99 % or 101 %.
fn percentages(palette: &[PaletteColor]) -> Vec<u32> {
    let raw: Vec<f64> = palette.iter().map(|c| f64::from(c.share) * 100.0).collect();
    let mut out: Vec<u32> = raw.iter().map(|r| r.floor() as u32).collect();
    let total: u32 = out.iter().sum();
    if palette.is_empty() || total >= 100 {
        return out;
    }
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by(|&a, &b| (raw[b] - raw[b].floor()).total_cmp(&(raw[a] - raw[a].floor())));
    for &i in order.iter().cycle().take((100 - total) as usize) {
        out[i] += 1;
    }
    out
}

fn input_value(id: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let el = doc.get_element_by_id(id)?;
    let v = if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else {
        el.dyn_ref::<HtmlSelectElement>()?.value()
    };
    let v = v.trim().to_owned();
    (!v.is_empty()).then_some(v)
}

/// The photo section.
#[component]
pub fn PhotoColors(props: &PhotoColorsProps) -> Html {
    let i18n = use_i18n();
    let photo = use_state(|| None::<Rc<Photo>>);
    let status = use_state(|| PhotoStatus::Idle);
    let chosen = use_state(|| 0usize);
    let started = use_mut_ref(|| None::<f64>);
    let current_url = use_mut_ref(|| None::<String>);
    let swatch = use_state(|| SwatchStatus::Idle);
    let swatch_id = use_mut_ref(|| None::<String>);

    // The object URL is released when the component goes away (a new photo releases the old one itself).
    {
        let current_url = current_url.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(url) = current_url.borrow_mut().take() {
                    revoke(&url);
                }
            }
        });
    }
    // "Palette on screen": measured after the render that shows it, for the bench.
    {
        let started = started.clone();
        use_effect_with(photo.clone(), move |p| {
            if p.is_some()
                && let Some(t) = started.borrow_mut().take()
            {
                photo::measure("atelier:palette", t);
            }
        });
    }

    let take = {
        let (photo, status, chosen, started, current_url) = (
            photo.clone(),
            status.clone(),
            chosen.clone(),
            started.clone(),
            current_url.clone(),
        );
        Rc::new(move |file: File| {
            if let Err(e) = photo::check(&file) {
                status.set(PhotoStatus::Failed(e));
                return;
            }
            *started.borrow_mut() = web_sys::window()
                .and_then(|w| w.performance())
                .map(|p| p.now());
            status.set(PhotoStatus::Working(Stage::Decoding));
            let (photo, status, chosen, current_url) = (
                photo.clone(),
                status.clone(),
                chosen.clone(),
                current_url.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let stage = {
                    let status = status.clone();
                    move |stage| status.set(PhotoStatus::Working(stage))
                };
                match photo::palette_of(&file, stage).await {
                    Ok(Extracted {
                        palette, in_worker, ..
                    }) => {
                        let Ok(url) = web_sys::Url::create_object_url_with_blob(&file) else {
                            status.set(PhotoStatus::Failed(PhotoError::Decode));
                            return;
                        };
                        if let Some(old) = current_url.borrow_mut().replace(url.clone()) {
                            revoke(&old);
                        }
                        chosen.set(0);
                        status.set(PhotoStatus::Idle);
                        photo.set(Some(Rc::new(Photo {
                            url,
                            palette,
                            in_worker,
                        })));
                    }
                    Err(e) => status.set(PhotoStatus::Failed(e)),
                }
            });
        })
    };
    let on_change = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                take(file);
            }
            // The same file chosen again should be read again.
            input.set_value("");
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let take = take.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                take(file);
            }
        })
    };

    let catalog = &props.catalog;
    let zone = props
        .zone
        .clone()
        .or_else(|| catalog.zones().first().map(|z| z.id.clone()));
    let color_name = |id: &ColorId| {
        catalog
            .color(id.as_str())
            .map(|c| i18n.pick(&c.name).to_owned())
            .unwrap_or_else(|| id.to_string())
    };
    let zone_name = zone
        .as_ref()
        .and_then(|z| catalog.zone(z.as_str()))
        .map(|z| i18n.pick(&z.name).to_owned())
        .unwrap_or_default();

    // The progress line is always in the page (empty when idle) so screen readers hear each stage as it
    // changes; the clustering runs in the worker, so the page stays responsive meanwhile.
    let progress = match &*status {
        PhotoStatus::Working(stage) => i18n.t(stage.message_key()),
        _ => "",
    };
    let status_line = match &*status {
        PhotoStatus::Idle | PhotoStatus::Working(_) => html! {},
        PhotoStatus::Failed(e) => html! {
            <p id="photo-error" class="notice error" role="alert">{ i18n.t(e.message_key()) }</p>
        },
    };

    let results = photo.as_ref().map(|p| {
        let shares = percentages(&p.palette);
        let chips = p.palette.iter().zip(&shares).enumerate().map(|(i, (c, share))| {
            let pick = {
                let chosen = chosen.clone();
                Callback::from(move |_: MouseEvent| chosen.set(i))
            };
            let hex = c.srgb.to_string();
            html! {
                <li>
                    <button type="button" class="palette-chip" aria-pressed={(i == *chosen).to_string()}
                        data-hex={hex.clone()} data-share={share.to_string()} onclick={pick}>
                        <span class="chip-swatch" style={format!("background:{hex}")} aria-hidden="true"></span>
                        <span class="chip-share">{ i18n.f("photo.chip", &[("share", share.to_string())]) }</span>
                        <span class="chip-hex">{ hex.clone() }</span>
                    </button>
                </li>
            }
        });
        let target = p.palette.get(*chosen).or(p.palette.first());
        let modes = target.zip(zone.as_ref()).map(|(target, zone)| {
            let selection = &props.selection;
            [Harmony::Match, Harmony::ToneOnTone, Harmony::Contrast]
                .into_iter()
                .map(|harmony| {
                    let found = suggest(target.lab, catalog, harmony, PER_MODE);
                    let check = within_rules(catalog, selection, zone, &found);
                    let offers: Vec<Html> = check
                        .available
                        .iter()
                        .chain(&check.unavailable)
                        .map(|offer| offer_row(offer, zone, catalog, &i18n, props, &color_name))
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
        });
        html! {
            <div class="photo-results" data-extractor={if p.in_worker { "worker" } else { "page" }}>
                <figure class="photo-figure">
                    <img src={p.url.clone()} alt={i18n.t("photo.alt")} />
                    <figcaption>
                        <h3 class="sub-title">{ i18n.t("photo.palette") }</h3>
                        <ol class="palette-strip">{ for chips }</ol>
                    </figcaption>
                </figure>
                <h3 class="sub-title">{ i18n.f("photo.suggestions", &[("zone", zone_name.clone())]) }</h3>
                { modes.unwrap_or_default() }
            </div>
        }
    });

    // The swatches: the nearest catalog color of each palette color, once each, at most 8.
    let swatch_colors: Vec<ColorId> = photo
        .as_ref()
        .map(|p| {
            let mut ids: Vec<ColorId> = Vec::new();
            for c in &p.palette {
                if let Some(best) = suggest(c.lab, catalog, Harmony::Match, 1)
                    .into_iter()
                    .next()
                    && !ids.contains(&best.color)
                {
                    ids.push(best.color);
                }
            }
            ids.truncate(8);
            ids
        })
        .unwrap_or_default();
    let swatch_form = (!swatch_colors.is_empty()).then(|| {
        swatch_section(
            &i18n,
            &swatch,
            &swatch_id,
            &swatch_colors,
            catalog.id().to_string(),
            &color_name,
        )
    });

    html! {
        <section class="photo-colors" aria-labelledby="photo-heading">
            <h2 id="photo-heading" class="section-title">{ i18n.t("photo.heading") }</h2>
            <p class="photo-intro">{ i18n.t("photo.intro") }</p>
            <div class="drop-zone" ondragover={on_drag_over} ondrop={on_drop}>
                <label for="photo-input" class="button">{ i18n.t("photo.choose") }</label>
                <input id="photo-input" type="file" accept={photo::ACCEPT} capture="environment"
                    class="visually-hidden-file" aria-describedby="photo-drop-hint" onchange={on_change} />
                <p id="photo-drop-hint" class="muted">{ i18n.t("photo.drop") }</p>
            </div>
            <p id="photo-progress" class="photo-status" role="status" aria-live="polite">{ progress }</p>
            { status_line }
            { results.unwrap_or_default() }
            <p class="notice info honesty">{ i18n.t("photo.honesty") }</p>
            { swatch_form.unwrap_or_default() }
        </section>
    }
}

fn offer_row(
    offer: &Offer,
    zone: &ZoneId,
    catalog: &CatalogHandle,
    i18n: &crate::i18n::I18n,
    props: &PhotoColorsProps,
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
            props.on_choose.clone(),
            GroupKey::Color(zone.clone()),
            id.clone(),
        );
        Callback::from(move |_: MouseEvent| on.emit((group.clone(), id.clone())))
    };
    let apply_all = {
        let on = props.on_choose_all.clone();
        let all: Vec<(GroupKey, String)> = catalog
            .zones()
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

/// Which field a problem path belongs to (`contact` alone: no way to reach them, shown by the email).
fn field_of(path: &str) -> &'static str {
    match path {
        "contact.name" => "swatch-name",
        "contact.email" | "contact" => "swatch-email",
        "contact.phone" => "swatch-phone",
        "contact.address.line1" => "swatch-line1",
        "contact.address.line2" => "swatch-line2",
        "contact.address.city" => "swatch-city",
        "contact.address.postal_code" => "swatch-postal",
        "contact.address.country" => "swatch-country",
        _ => "",
    }
}

fn swatch_section(
    i18n: &crate::i18n::I18n,
    swatch: &UseStateHandle<SwatchStatus>,
    swatch_id: &Rc<std::cell::RefCell<Option<String>>>,
    colors: &[ColorId],
    product: String,
    color_name: &dyn Fn(&ColorId) -> String,
) -> Html {
    let names: Vec<String> = colors.iter().map(color_name).collect();
    let sep = i18n.t("rules.list_separator");
    let on_submit = {
        let (swatch, swatch_id, locale) = (swatch.clone(), swatch_id.clone(), i18n.locale());
        let colors: Vec<String> = colors.iter().map(ToString::to_string).collect();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *swatch == SwatchStatus::Sending {
                return;
            }
            let id = swatch_id
                .borrow_mut()
                .get_or_insert_with(submission::new_submission_id)
                .clone();
            let request = SwatchRequest {
                format: 1,
                product: product.clone(),
                colors: colors.clone(),
                contact: SwatchContact {
                    name: input_value("swatch-name"),
                    email: input_value("swatch-email"),
                    phone: input_value("swatch-phone"),
                    address: SwatchAddress {
                        line1: input_value("swatch-line1"),
                        line2: input_value("swatch-line2"),
                        city: input_value("swatch-city"),
                        postal_code: input_value("swatch-postal"),
                        country: input_value("swatch-country"),
                    },
                },
                locale: locale.tag().to_owned(),
                submission: id,
            };
            swatch.set(SwatchStatus::Sending);
            let (swatch, swatch_id) = (swatch.clone(), swatch_id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::request_swatches(&request, locale).await {
                    Ok(number) => {
                        // Spent: another request is a new one, not a retry of this.
                        *swatch_id.borrow_mut() = None;
                        swatch.set(SwatchStatus::Sent(number));
                    }
                    Err(SwatchError::Rejected { message, problems }) => {
                        // A refused request may be corrected and sent as a new one.
                        *swatch_id.borrow_mut() = None;
                        swatch.set(SwatchStatus::Failed(SwatchError::Rejected {
                            message,
                            problems,
                        }));
                    }
                    Err(e) => swatch.set(SwatchStatus::Failed(e)),
                }
            });
        })
    };
    let problems: Vec<(String, String)> = match &**swatch {
        SwatchStatus::Failed(SwatchError::Rejected { problems, .. }) => problems.clone(),
        _ => Vec::new(),
    };
    let error_for = |field: &str| -> Vec<String> {
        problems
            .iter()
            .filter(|(p, _)| field_of(p) == field)
            .map(|(_, m)| m.clone())
            .collect()
    };
    let field = |id: &'static str, label: &str, kind: &'static str, autocomplete: &'static str| {
        let errors = error_for(id);
        let err_id = format!("{id}-error");
        let invalid = !errors.is_empty();
        html! {
            <div class="field">
                <label for={id}>{ label.to_owned() }</label>
                <input id={id} type={kind} autocomplete={autocomplete}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={invalid.then(|| err_id.clone())} />
                if invalid {
                    <p id={err_id} class="field-error">{ errors.join(" ") }</p>
                }
            </div>
        }
    };
    let country_errors = error_for("swatch-country");
    let outcome = match &**swatch {
        SwatchStatus::Idle => html! {},
        SwatchStatus::Sending => html! { <p role="status">{ i18n.t("swatch.sending") }</p> },
        SwatchStatus::Sent(id) => html! {
            <p id="swatch-result" class="notice success" role="status" data-request={id.clone()}>
                { i18n.f("swatch.sent", &[("id", id.clone())]) }
            </p>
        },
        SwatchStatus::Failed(SwatchError::Network) => html! {
            <p id="swatch-result" class="notice error" role="alert">{ i18n.t("swatch.network") }</p>
        },
        SwatchStatus::Failed(SwatchError::Rejected { message, problems }) => {
            let unplaced: Vec<String> = problems
                .iter()
                .filter(|(p, _)| field_of(p).is_empty())
                .map(|(_, m)| m.clone())
                .collect();
            html! {
                <div id="swatch-result" class="notice error" role="alert">
                    <p>{ message.clone() }</p>
                    { for unplaced.into_iter().map(|m| html! { <p>{ m }</p> }) }
                </div>
            }
        }
    };
    html! {
        <form class="swatch-form" aria-labelledby="swatch-heading" novalidate=true onsubmit={on_submit}>
            <h3 id="swatch-heading" class="sub-title">{ i18n.t("swatch.heading") }</h3>
            <p id="swatch-colors">{ i18n.f("swatch.colors", &[("colors", names.join(sep))]) }</p>
            { field("swatch-name", i18n.t("swatch.name"), "text", "name") }
            <p class="muted">{ i18n.t("swatch.contact_hint") }</p>
            { field("swatch-email", i18n.t("swatch.email"), "email", "email") }
            { field("swatch-phone", i18n.t("swatch.phone"), "tel", "tel") }
            { field("swatch-line1", i18n.t("swatch.line1"), "text", "address-line1") }
            { field("swatch-line2", i18n.t("swatch.line2"), "text", "address-line2") }
            { field("swatch-city", i18n.t("swatch.city"), "text", "address-level2") }
            { field("swatch-postal", i18n.t("swatch.postal_code"), "text", "postal-code") }
            <div class="field">
                <label for="swatch-country">{ i18n.t("swatch.country") }</label>
                <select id="swatch-country" autocomplete="country"
                    aria-invalid={(!country_errors.is_empty()).then_some("true")}>
                    { for COUNTRIES.iter().map(|c| html! {
                        // Marked explicitly: Yew builds the options one by one, and without it the browser
                        // ends up on the last one rather than the first (the shop's home market).
                        <option value={*c} selected={*c == COUNTRIES[0]}>{ i18n.t(&format!("swatch.country.{c}")) }</option>
                    }) }
                </select>
                if !country_errors.is_empty() {
                    <p class="field-error">{ country_errors.join(" ") }</p>
                }
            </div>
            <button type="submit" class="button primary" disabled={**swatch == SwatchStatus::Sending}>
                { i18n.t("swatch.send") }
            </button>
            { outcome }
        </form>
    }
}
