//! The live price: the total and its breakdown, base price first, then one line per surcharge. A move of the
//! total is said by the configurator's price announcement, once, in words (not by this total, which would be
//! read bare and twice).

use yew::prelude::*;

/// One breakdown line: what and how much.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceRow {
    /// E.g. "Toe box: Suede".
    pub label: AttrValue,
    /// E.g. "+₩10,000".
    pub amount: AttrValue,
}

/// Properties of [`PriceSummary`].
#[derive(Properties, PartialEq)]
pub struct PriceSummaryProps {
    /// Heading ("Price").
    pub heading: AttrValue,
    /// Label of the total ("Total").
    pub total_label: AttrValue,
    /// The formatted total.
    pub total: AttrValue,
    /// Base price first, then surcharges.
    pub rows: Vec<PriceRow>,
}

/// A definition list of the breakdown and the total.
#[component]
pub fn PriceSummary(props: &PriceSummaryProps) -> Html {
    let rows = props.rows.iter().map(|row| {
        html! {
            <div class="price-row">
                <dt>{ row.label.clone() }</dt>
                <dd>{ row.amount.clone() }</dd>
            </div>
        }
    });
    html! {
        <section class="price-summary" aria-labelledby="price-heading">
            <h2 id="price-heading" class="section-title">{ props.heading.clone() }</h2>
            <dl class="price-lines">{ for rows }</dl>
            <p class="price-total">
                <span>{ props.total_label.clone() }</span>
                <strong id="price-total">{ props.total.clone() }</strong>
            </p>
        </section>
    }
}
