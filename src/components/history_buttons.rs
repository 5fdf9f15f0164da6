//! Undo and Redo buttons, disabled when there is nothing to undo or redo. The keyboard shortcuts (Ctrl/Cmd+Z,
//! Ctrl/Cmd+Shift+Z, Ctrl+Y) live on the document in the app, not here; the buttons only announce them.

use crate::i18n::use_i18n;
use yew::prelude::*;

/// Properties of [`HistoryButtons`].
#[derive(Properties, PartialEq)]
pub struct HistoryButtonsProps {
    /// Something can be undone.
    pub can_undo: bool,
    /// Something can be redone.
    pub can_redo: bool,
    /// Undo pressed.
    pub on_undo: Callback<()>,
    /// Redo pressed.
    pub on_redo: Callback<()>,
}

/// A small toolbar of two buttons.
#[component]
pub fn HistoryButtons(props: &HistoryButtonsProps) -> Html {
    let i18n = use_i18n();
    let undo = props.on_undo.reform(|_: MouseEvent| ());
    let redo = props.on_redo.reform(|_: MouseEvent| ());
    html! {
        <div class="history" role="toolbar" aria-label={i18n.t("history.heading")}>
            <button type="button" id="undo" class="button small" disabled={!props.can_undo}
                aria-keyshortcuts="Control+Z Meta+Z" onclick={undo}>
                <span aria-hidden="true">{ "↶" }</span>{ i18n.t("history.undo") }
            </button>
            <button type="button" id="redo" class="button small" disabled={!props.can_redo}
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" onclick={redo}>
                <span aria-hidden="true">{ "↷" }</span>{ i18n.t("history.redo") }
            </button>
        </div>
    }
}
