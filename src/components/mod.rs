//! The screen's building blocks, one component per file. Each gets what it shows as props and reports the
//! shopper's intent through `Callback`s; none of them changes state or talks to the shop itself.

pub mod deferred;
pub mod download_image;
pub mod fix_dialog;
pub mod history_buttons;
pub mod language_switch;
pub mod loading;
pub mod option_group;
pub mod order_button;
pub mod preview;
pub mod preview_canvas;
pub mod preview_draw;
pub mod preview_load;
pub mod price_summary;
pub mod size_picker;
pub mod submit_panel;
pub mod text_field;
pub mod view_switch;
pub mod zone_list;
