//! Weighted k-means++ in CIELAB with a fixed seed, written here rather than taken from `kmeans_colors`.
//!
//! `kmeans_colors` 0.7 depends on `rand` with its thread RNG, which pulls `getrandom` 0.3 into the build, and
//! that does not compile for wasm32-unknown-unknown without a crate-wide `--cfg` flag; its palette support also
//! turns on palette's `std` feature, which would switch the color math of the whole build to the platform's
//! (not bit-identical across targets). Its clustering works on f32 points without weights, too. This one is
//! short: xorshift64* for the seeding draws, squared Euclidean distance in Lab (what k-means minimizes),
//! weighted means, ties to the lower index, and a fixed iteration order, so it is deterministic everywhere.

use crate::color::Lab;

/// The seed every extraction uses: the same photo always gives the same palette.
pub(super) const SEED: u64 = 0x9e37_79b9_7f4a_7c15;
const MAX_ITERATIONS: usize = 50;

/// A weighted point: a bin's mean Lab and its pixel count.
#[derive(Clone, Copy, Debug)]
pub(super) struct Point {
    pub lab: Lab,
    pub weight: f64,
}

/// A cluster: its mean and total weight.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cluster {
    pub lab: Lab,
    pub weight: f64,
}

impl Cluster {
    /// The cluster holding both clusters' pixels.
    pub fn merged(&self, other: &Cluster) -> Cluster {
        let w = self.weight + other.weight;
        let mix = |x: f64, y: f64| (x * self.weight + y * other.weight) / w;
        Cluster {
            lab: Lab {
                l: mix(self.lab.l, other.lab.l),
                a: mix(self.lab.a, other.lab.a),
                b: mix(self.lab.b, other.lab.b),
            },
            weight: w,
        }
    }
}

/// xorshift64*: small, fast, the same on every target.
struct Rng(u64);

impl Rng {
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn dist2(x: Lab, y: Lab) -> f64 {
    let (dl, da, db) = (x.l - y.l, x.a - y.a, x.b - y.b);
    dl * dl + da * da + db * db
}

fn nearest(p: Lab, centers: &[Lab]) -> (usize, f64) {
    let mut best = (0, f64::INFINITY);
    for (i, &c) in centers.iter().enumerate() {
        let d = dist2(p, c);
        if d < best.1 {
            best = (i, d);
        }
    }
    best
}

/// k-means++ seeding: the heaviest point first (a photo's main color, no draw needed), then each next center
/// drawn with probability proportional to weight × squared distance to the nearest center so far.
fn seed_centers(points: &[Point], k: usize, seed: u64) -> Vec<Lab> {
    let mut rng = Rng(seed | 1);
    let first = points
        .iter()
        .enumerate()
        .max_by(|x, y| x.1.weight.total_cmp(&y.1.weight).then(y.0.cmp(&x.0)))
        .map(|(_, p)| p.lab);
    let mut centers: Vec<Lab> = first.into_iter().collect();
    let mut d2: Vec<f64> = points.iter().map(|p| nearest(p.lab, &centers).1).collect();
    while centers.len() < k {
        let total: f64 = points.iter().zip(&d2).map(|(p, d)| p.weight * d).sum();
        if total <= 0.0 {
            break; // Fewer distinct colors than k.
        }
        let mut target = rng.unit() * total;
        let mut pick = points.len() - 1;
        for (i, (p, d)) in points.iter().zip(&d2).enumerate() {
            target -= p.weight * d;
            if target < 0.0 {
                pick = i;
                break;
            }
        }
        let c = points[pick].lab;
        centers.push(c);
        for (d, p) in d2.iter_mut().zip(points) {
            *d = d.min(dist2(p.lab, c));
        }
    }
    centers
}

/// Lloyd's iterations from k-means++ seeds until no point changes cluster (or [`MAX_ITERATIONS`]). Clusters
/// left empty are dropped.
pub(super) fn kmeans(points: &[Point], k: usize, seed: u64) -> Vec<Cluster> {
    if points.is_empty() {
        return Vec::new();
    }
    let mut centers = seed_centers(points, k, seed);
    let mut assignment = vec![usize::MAX; points.len()];
    let mut clusters = Vec::new();
    for _ in 0..MAX_ITERATIONS {
        let mut changed = false;
        for (a, p) in assignment.iter_mut().zip(points) {
            let (i, _) = nearest(p.lab, &centers);
            changed |= *a != i;
            *a = i;
        }
        let mut sums = vec![(0.0, 0.0, 0.0, 0.0); centers.len()];
        for (&a, p) in assignment.iter().zip(points) {
            let s = &mut sums[a];
            s.0 += p.lab.l * p.weight;
            s.1 += p.lab.a * p.weight;
            s.2 += p.lab.b * p.weight;
            s.3 += p.weight;
        }
        clusters = sums
            .into_iter()
            .zip(&centers)
            .map(|((l, a, b, w), &c)| Cluster {
                lab: if w > 0.0 {
                    Lab {
                        l: l / w,
                        a: a / w,
                        b: b / w,
                    }
                } else {
                    c
                },
                weight: w,
            })
            .collect();
        if !changed {
            break;
        }
        centers = clusters.iter().map(|c| c.lab).collect();
    }
    trim(points, &assignment, &mut clusters);
    clusters.retain(|c| c.weight > 0.0);
    clusters
}

/// The share of each cluster's weight, farthest from its center, left out of its final mean.
const TRIM: f64 = 0.05;

/// Replaces each cluster's mean by its [`TRIM`]med mean, keeping its full weight. Specks of unrelated color
/// that k-means had to put somewhere sit far from the center: a 10 % wall of charcoal that received a
/// scatter of random pixels would otherwise drift by more than ΔE 1. A flat region loses nothing by it, a
/// gradient only its tails.
fn trim(points: &[Point], assignment: &[usize], clusters: &mut [Cluster]) {
    for (k, cluster) in clusters.iter_mut().enumerate() {
        let mut members: Vec<(f64, &Point)> = assignment
            .iter()
            .zip(points)
            .filter(|(a, _)| **a == k)
            .map(|(_, p)| (dist2(p.lab, cluster.lab), p))
            .collect();
        members.sort_by(|x, y| x.0.total_cmp(&y.0));
        let mut budget = cluster.weight * (1.0 - TRIM);
        let (mut l, mut a, mut b, mut w) = (0.0, 0.0, 0.0, 0.0);
        for (_, p) in members {
            if budget <= 0.0 {
                break;
            }
            let take = p.weight.min(budget);
            budget -= take;
            l += p.lab.l * take;
            a += p.lab.a * take;
            b += p.lab.b * take;
            w += take;
        }
        if w > 0.0 {
            cluster.lab = Lab {
                l: l / w,
                a: a / w,
                b: b / w,
            };
        }
    }
}
