//! The personal-text part of an order spec: per placement, the text exactly as the shopper typed it and what
//! the factory needs to make it (the printed form after the case rule, the view, centre, rotation and box,
//! the font file, the em size, the measured ink width and the ink), all from the checked design and the same
//! fonts the check used.
//!
//! ```json
//! {"heel-id":{"text":"Romeo 07","printed":"ROMEO 07","case":"upper","view":"side",
//!   "position_px":{"x":852.0,"y":530.0},"rotation_deg":-6.0,"box_mm":{"width":30.0,"height":9.0},
//!   "font":"fonts/AtelierSans-Latin.ttf","size_mm":7.0,"width_mm":27.05,"ink":"#f3f1ec"}}
//! ```

use atelier_core::design::ValidDesign;
use atelier_core::text::{FontChoice, Fonts, font_for};
use serde_json::{Map, Value, json};

/// The `text` section: `null` when the design has no personal text.
pub fn section(design: &ValidDesign<'_>, fonts: &Fonts) -> Value {
    if design.texts.is_empty() {
        return Value::Null;
    }
    let mut out = Map::new();
    for (placement, text) in &design.texts {
        let printed = placement.printed(text);
        // The order check accepted the text, so a font sets it; the fallbacks only keep this total.
        let (font, width_mm) = match font_for(placement, &printed, fonts) {
            FontChoice::Set(path, face) => {
                let width = face.measure(&printed, placement.size_mm, placement.width_mm);
                (Value::from(path), Value::from(round2(width.mm)))
            }
            _ => (Value::Null, Value::Null),
        };
        let ink = placement.ink;
        out.insert(
            placement.id.0.clone(),
            json!({
                "text": text,
                "printed": printed,
                "case": placement.case.name(),
                "view": placement.view,
                "position_px": {"x": placement.position.0, "y": placement.position.1},
                "rotation_deg": placement.rotation_deg,
                "box_mm": {"width": placement.width_mm, "height": placement.height_mm},
                "font": font,
                "size_mm": placement.size_mm,
                "width_mm": width_mm,
                "ink": format!("#{:02x}{:02x}{:02x}", ink.r, ink.g, ink.b),
            }),
        );
    }
    Value::Object(out)
}

/// Millimetres to hundredths, so the spec does not carry float noise such as `27.049999999999997`.
fn round2(mm: f64) -> f64 {
    (mm * 100.0).round() / 100.0
}
