//! `POST /desk/orders/{id}/status`: moving an order to its next status. The form names the status the page
//! showed (`from`) and the one wanted (`to`); the move must be in the transition table ([`Status::can_move`],
//! else 409) and the order still where the page saw it (else 409: someone moved it meanwhile). The move and
//! who made it, when, are stored in one transaction ([`crate::store::Store::move_order_status`]).

use super::csrf::Checked;
use super::error::{DeskError, DeskResult};
use super::session::now_ms;
use super::status::Status;
use crate::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

/// `POST /desk/orders/{id}/status` with `from` and `to`: 303 back to the order.
pub async fn post(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Checked { staff, form }: Checked,
) -> DeskResult<Response> {
    let status = |field: &str, key: &'static str| {
        let value = form.get(field).unwrap_or_default();
        Status::parse(value).ok_or_else(|| (key, value.chars().take(40).collect::<String>()))
    };
    let (from, to) = match (
        status("from", "desk.move.bad_from"),
        status("to", "desk.move.bad_to"),
    ) {
        (Ok(from), Ok(to)) => (from, to),
        (from, to) => {
            return Err(DeskError::BadInput(
                [from.err(), to.err()].into_iter().flatten().collect(),
            ));
        }
    };
    let order = super::order::find(&state, &id).await?;
    let current = Status::parse(&order.status).ok_or(DeskError::Stale)?;
    if !current.can_move(to) {
        return Err(DeskError::IllegalMove {
            from: current.name(),
            to: to.name(),
        });
    }
    if current != from {
        return Err(DeskError::Stale);
    }
    let moved = state
        .store
        .move_order_status(&order.id, from.name(), to.name(), &staff.user, now_ms())
        .await?;
    if !moved {
        return Err(DeskError::Stale);
    }
    tracing::info!(order = %order.id, from = from.name(), to = to.name(), user = %staff.user, "order status moved");
    Ok(Redirect::to(&format!("/desk/orders/{}", order.id)).into_response())
}
