//! Locality-sensitive hashing by banding: the signature is cut into `bands` bands of `rows`
//! values; two documents become candidates when any band is identical. With Jaccard `s` the
//! chance of that is `1 - (1 - s^rows)^bands`, an S-curve whose knee is placed at the threshold.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::signatures::Signatures;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Banding {
    pub bands: usize,
    pub rows: usize,
}

impl Banding {
    /// Probability that a pair of Jaccard similarity `s` becomes a candidate.
    pub fn probability(&self, s: f64) -> f64 {
        1.0 - (1.0 - s.powi(self.rows as i32)).powi(self.bands as i32)
    }

    /// Chooses `bands × rows ≤ permutations` minimising the weighted areas of false positives
    /// (below the threshold) and false negatives (above it), as datasketch does.
    pub fn optimal(threshold: f64, permutations: usize, fp_weight: f64, fn_weight: f64) -> Banding {
        let mut best = Banding { bands: 1, rows: 1 };
        let mut best_error = f64::INFINITY;
        for bands in 1..=permutations {
            for rows in 1..=permutations / bands {
                let banding = Banding { bands, rows };
                let fp = integrate(|s| banding.probability(s), 0.0, threshold);
                let fneg = integrate(|s| 1.0 - banding.probability(s), threshold, 1.0);
                let error = fp_weight * fp + fn_weight * fneg;
                if error < best_error - 1e-12 {
                    best_error = error;
                    best = banding;
                }
            }
        }
        best
    }
}

/// Simpson's rule: the curves are smooth, and 256 panels put the error far below what decides
/// between two bandings.
fn integrate(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    const N: usize = 256;
    if b <= a {
        return 0.0;
    }
    let h = (b - a) / N as f64;
    let mut sum = f(a) + f(b);
    for i in 1..N {
        let w = if i % 2 == 1 { 4.0 } else { 2.0 };
        sum += w * f(a + i as f64 * h);
    }
    sum * h / 3.0
}

/// The bucket of `signature` in band `band`: a hash of its `rows` values, seeded by the band so
/// that equal values in different bands do not meet. `bytes` is scratch space.
pub fn band_key(signature: &[u32], band: usize, rows: usize, bytes: &mut Vec<u8>) -> u64 {
    bytes.clear();
    for v in &signature[band * rows..(band + 1) * rows] {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    xxh3_64_with_seed(bytes, band as u64)
}

/// Buckets larger than this (many copies of one text) emit a star and a chain rather than all
/// pairs: enough for the clusters to join, without a quadratic number of pairs.
pub const MAX_BUCKET_PAIRS: usize = 64;

/// The candidate pairs of one bucket, whose `members` are sorted: every pair, or for a bucket
/// larger than [`MAX_BUCKET_PAIRS`] a chain and a star from its first member. Generic over the
/// member type so that a distributed run (the Python package) applies the same rule to its own
/// document positions.
pub fn bucket_pairs<T: Copy>(members: &[T], out: &mut Vec<(T, T)>) {
    if members.len() < 2 {
        return;
    }
    if members.len() <= MAX_BUCKET_PAIRS {
        for (n, &x) in members.iter().enumerate() {
            for &y in &members[n + 1..] {
                out.push((x, y));
            }
        }
    } else {
        for w in members.windows(2) {
            out.push((w[0], w[1]));
        }
        for &y in &members[2..] {
            out.push((members[0], y));
        }
    }
}

/// Candidate pairs `(i, j)`, `i < j`, sorted and without repeats. Documents listed in `skip`
/// (no shingles) are left out: their empty signatures would all collide.
pub fn candidates(signatures: &Signatures, banding: Banding, skip: &[bool]) -> Vec<(u32, u32)> {
    let rows = banding.rows;
    let mut pairs: Vec<(u32, u32)> = (0..banding.bands)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut bytes = Vec::with_capacity(4 * rows);
            let mut keys: Vec<(u64, u32)> = (0..signatures.len())
                .filter(|&i| !skip[i])
                .map(|i| {
                    (
                        band_key(signatures.get(i), band, rows, &mut bytes),
                        i as u32,
                    )
                })
                .collect();
            keys.sort_unstable();
            let mut out = Vec::new();
            let mut members = Vec::new();
            for group in keys.chunk_by(|x, y| x.0 == y.0) {
                members.clear();
                members.extend(group.iter().map(|x| x.1));
                bucket_pairs(&members, &mut out);
            }
            out
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optimal_banding_puts_the_knee_near_the_threshold() {
        for (t, p) in [(0.5, 128), (0.8, 128), (0.3, 256), (0.9, 64)] {
            let b = Banding::optimal(t, p, 0.5, 0.5);
            assert!(b.bands * b.rows <= p);
            // The knee (1/b)^(1/r) of the S-curve sits close to the threshold.
            let knee = (1.0 / b.bands as f64).powf(1.0 / b.rows as f64);
            assert!((knee - t).abs() < 0.12, "t={t} {b:?} knee={knee}");
            assert!(b.probability(t + 0.2_f64.min(1.0 - t)) > b.probability(t));
        }
    }

    #[test]
    fn identical_signatures_collide_and_empty_ones_do_not() {
        let mut sigs = Signatures::new(8);
        sigs.push(&[1, 2, 3, 4, 5, 6, 7, 8]);
        sigs.push(&[9, 9, 9, 9, 9, 9, 9, 9]);
        sigs.push(&[1, 2, 3, 4, 5, 6, 7, 8]);
        sigs.push(&[u32::MAX; 8]);
        sigs.push(&[u32::MAX; 8]);
        let banding = Banding { bands: 2, rows: 4 };
        let pairs = candidates(&sigs, banding, &[false, false, false, true, true]);
        assert_eq!(pairs, [(0, 2)]);
    }
}
