//! A palette's shares in whole percents that add up to exactly 100 (largest remainder), so the strip under a
//! photo never says 99 % or 101 %. Only the wording of the shares: the shares themselves are the palette's.

/// Whole-percent shares (`share` 0–1 each) that add up to exactly 100 when the shares add up to at most 1:
/// each floored, then the missing points go one each to the largest remainders (ties keep palette order),
/// around again if there are more points than colors. Shares that already floor to 100 or more are left as
/// floored; an empty palette gives nothing.
pub fn percentages(shares: impl IntoIterator<Item = f32>) -> Vec<u32> {
    let raw: Vec<f64> = shares.into_iter().map(|s| f64::from(s) * 100.0).collect();
    let mut out: Vec<u32> = raw.iter().map(|r| r.floor() as u32).collect();
    let total: u32 = out.iter().sum();
    if raw.is_empty() || total >= 100 {
        return out;
    }
    let mut order: Vec<usize> = (0..raw.len()).collect();
    // A stable sort: equal remainders keep the palette's order, largest share first.
    order.sort_by(|&a, &b| (raw[b] - raw[b].floor()).total_cmp(&(raw[a] - raw[a].floor())));
    for &i in order.iter().cycle().take((100 - total) as usize) {
        out[i] += 1;
    }
    out
}
