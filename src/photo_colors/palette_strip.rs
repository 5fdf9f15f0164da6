//! The photo's palette as a strip of chips, each with its share in whole percents (adding up to 100, see
//! [`atelier_core::photo_palette::percentages`]) and its hex; pressing one chooses it for suggestions.

use crate::i18n::I18n;
use atelier_core::photo_palette::{PaletteColor, percentages};
use yew::prelude::*;

/// The chips of `palette`, the `chosen` one pressed; `on_pick` gets the index pressed.
pub fn palette_strip(
    palette: &[PaletteColor],
    chosen: usize,
    on_pick: &Callback<usize>,
    i18n: &I18n,
) -> Html {
    let shares = percentages(palette.iter().map(|c| c.share));
    let chips = palette.iter().zip(&shares).enumerate().map(|(i, (c, share))| {
        let pick = on_pick.reform(move |_: MouseEvent| i);
        let hex = c.srgb.to_string();
        html! {
            <li>
                <button type="button" class="palette-chip" aria-pressed={(i == chosen).to_string()}
                    data-hex={hex.clone()} data-share={share.to_string()} onclick={pick}>
                    <span class="chip-swatch" style={format!("background:{hex}")} aria-hidden="true"></span>
                    <span class="chip-share">{ i18n.f("photo.chip", &[("share", share.to_string())]) }</span>
                    <span class="chip-hex">{ hex.clone() }</span>
                </button>
            </li>
        }
    });
    html! { <ol class="palette-strip">{ for chips }</ol> }
}
