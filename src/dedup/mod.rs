//! The near-duplicate stage: shingles → MinHash signatures → LSH candidates → verified pairs
//! (Jaccard and containment, exact) → clusters → shared passages.

pub mod align;
pub mod cluster;
pub mod index;
pub mod lsh;
pub mod minhash;
pub mod shingle;
pub mod signatures;

use rayon::prelude::*;
use serde::Serialize;

use crate::Progress;
use crate::corpus::Document;
use crate::error::{Error, Result};
use crate::text::boilerplate;

pub use align::{Passage, Span};
pub use lsh::Banding;
pub use shingle::Shingling;
pub use signatures::Signatures;

/// Containment is only claimed for documents of at least this many shingles: a one-line text is
/// "contained" in every article that quotes it, which is not reuse of an article.
pub const MIN_CONTAINED_SHINGLES: usize = 20;

/// The size ratio down to which containment is searched for by default: a text reused whole
/// inside one three times its length has Jaccard `C/3 / (4/3 - C/3)`, so the candidate threshold
/// is lowered to that.
pub const CONTAINMENT_SIZE_RATIO: f64 = 1.0 / 3.0;

/// Weights of the false-positive and false-negative areas when choosing the banding. Every
/// candidate is verified exactly, so a false positive costs only time while a false negative is
/// a missed reuse: misses weigh four times more. With equal weights (datasketch's default), a
/// pair at the LSH threshold is found about half the time; with these, about nine times in ten
/// (0.896 at J = 0.25 with 128 permutations: 35 bands of 2 rows).
pub const FALSE_POSITIVE_WEIGHT: f64 = 0.2;
pub const FALSE_NEGATIVE_WEIGHT: f64 = 0.8;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DedupParams {
    pub shingling: Shingling,
    pub permutations: usize,
    pub seed: u64,
    /// A pair whose Jaccard similarity reaches this is a near-duplicate.
    pub threshold: f64,
    /// A pair where this share of one document's shingles is found in the other is a reuse.
    pub containment: f64,
    /// Jaccard threshold the LSH banding is tuned for; `None`: derived from the two above.
    pub lsh_threshold: Option<f64>,
    /// Explicit banding; `None`: optimal for `lsh_threshold`.
    pub banding: Option<Banding>,
    /// Compute the shared passages of each reported pair.
    pub passages: bool,
}

impl Default for DedupParams {
    fn default() -> Self {
        DedupParams {
            shingling: Shingling::default(),
            permutations: 128,
            seed: 1,
            threshold: 0.5,
            containment: 0.8,
            lsh_threshold: None,
            banding: None,
            passages: true,
        }
    }
}

impl DedupParams {
    pub fn validate(&self) -> Result<()> {
        let unit = |name: &'static str, v: f64| {
            if v.is_finite() && v > 0.0 && v <= 1.0 {
                Ok(())
            } else {
                Err(Error::parameter(name, format!("{v} is not in (0, 1]")))
            }
        };
        unit("threshold", self.threshold)?;
        unit("containment", self.containment)?;
        if let Some(t) = self.lsh_threshold {
            unit("lsh threshold", t)?;
        }
        if !(1..=4096).contains(&self.permutations) {
            return Err(Error::parameter(
                "permutations",
                format!("{} is not between 1 and 4096", self.permutations),
            ));
        }
        if let Some(b) = self.banding
            && (b.bands == 0 || b.rows == 0 || b.bands * b.rows > self.permutations)
        {
            return Err(Error::parameter(
                "banding",
                format!(
                    "{} bands × {} rows must be at least 1 × 1 and at most the {} permutations",
                    b.bands, b.rows, self.permutations
                ),
            ));
        }
        Ok(())
    }

    /// The Jaccard similarity the candidate search is tuned for.
    pub fn effective_lsh_threshold(&self) -> f64 {
        self.lsh_threshold.unwrap_or_else(|| {
            let (c, r) = (self.containment, CONTAINMENT_SIZE_RATIO);
            self.threshold.min(c * r / (1.0 + r - c * r))
        })
    }

    pub fn effective_banding(&self) -> Banding {
        self.banding.unwrap_or_else(|| {
            Banding::optimal(
                self.effective_lsh_threshold(),
                self.permutations,
                FALSE_POSITIVE_WEIGHT,
                FALSE_NEGATIVE_WEIGHT,
            )
        })
    }
}

/// A verified pair of near-duplicates. `a` sorts before `b`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub a: String,
    pub b: String,
    /// Jaccard similarity estimated from the signatures.
    pub estimated_jaccard: f64,
    /// Exact Jaccard similarity of the shingle sets.
    pub jaccard: f64,
    /// Share of `a`'s shingles found in `b`.
    pub containment_a_in_b: f64,
    /// Share of `b`'s shingles found in `a`.
    pub containment_b_in_a: f64,
    pub shared_shingles: usize,
    pub passages: Vec<Passage>,
}

impl Pair {
    pub fn max_containment(&self) -> f64 {
        self.containment_a_in_b.max(self.containment_b_in_a)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    /// The earliest published member (ties and undated members: by id): the likely original.
    pub representative: String,
    /// Sorted by id.
    pub members: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentStats {
    pub id: String,
    /// Shingles of the article's content: windows of `k` tokens, repeats included.
    pub shingles: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dedup {
    pub banding: Banding,
    pub lsh_threshold: f64,
    pub documents: Vec<DocumentStats>,
    /// Pairs proposed by LSH before verification.
    pub candidates: usize,
    /// Sorted by `(a, b)`.
    pub pairs: Vec<Pair>,
    /// Largest first, then by representative.
    pub clusters: Vec<Cluster>,
}

/// Runs the near-duplicate stage over `docs` (which should be sorted by id, as
/// [`crate::corpus::load`] returns them, for pairs to come out as `a < b`).
pub fn run(docs: &[Document], params: &DedupParams, progress: &dyn Progress) -> Result<Dedup> {
    params.validate()?;
    let banding = params.effective_banding();
    let hasher = minhash::MinHasher::new(params.permutations, params.seed);
    let p = params.permutations;

    progress.begin("signing", docs.len() as u64);
    let mut flat = vec![0u32; docs.len() * p];
    // Shingles as produced, repeats included: the minimum ignores repeats, so only the
    // documents that end up in a candidate pair pay for sorting their set.
    let mut sets: Vec<Vec<u64>> = docs
        .par_iter()
        .zip(flat.par_chunks_mut(p))
        .map_init(Vec::new, |tokens, (doc, sig)| {
            let shingles = sign(doc, params.shingling, &hasher, tokens, sig);
            progress.advance(1);
            shingles
        })
        .collect();
    progress.end();
    let signatures = Signatures::from_flat(p, flat);
    let empty: Vec<bool> = sets.iter().map(|s| s.is_empty()).collect();

    progress.begin("banding", banding.bands as u64);
    let candidates = lsh::candidates(&signatures, banding, &empty);
    progress.end();

    let windows: Vec<usize> = sets.iter().map(Vec::len).collect();
    let mut in_candidates = vec![false; docs.len()];
    for &(i, j) in &candidates {
        in_candidates[i as usize] = true;
        in_candidates[j as usize] = true;
    }
    sets.par_iter_mut()
        .zip(&in_candidates)
        .for_each(|(set, &needed)| {
            if needed {
                set.sort_unstable();
                set.dedup();
            }
        });

    progress.begin("verifying", candidates.len() as u64);
    let lsh_threshold = params.effective_lsh_threshold();
    let verified: Vec<Pair> = candidates
        .par_iter()
        .with_min_len(64)
        .filter_map(|&(i, j)| {
            let (i, j) = (i as usize, j as usize);
            let sides = [
                (&docs[i].id, sets[i].as_slice(), signatures.get(i)),
                (&docs[j].id, sets[j].as_slice(), signatures.get(j)),
            ];
            verify(sides[0], sides[1], params, lsh_threshold)
        })
        .collect();
    progress.end();

    let index_of = |id: &str| crate::corpus::position(docs, id);
    let mut pairs = verified;
    if params.passages {
        progress.begin("aligning", pairs.len() as u64);
        pairs.par_iter_mut().for_each_init(
            || (Vec::new(), Vec::new()),
            |(ta, tb), pair| {
                if let (Some(i), Some(j)) = (index_of(&pair.a), index_of(&pair.b)) {
                    let (a, b) = (&docs[i].text, &docs[j].text);
                    shingle::tokens(a, &boilerplate::detect(a), params.shingling.unit, ta);
                    shingle::tokens(b, &boilerplate::detect(b), params.shingling.unit, tb);
                    let runs = align::shared_runs(ta, tb, params.shingling.k);
                    pair.passages = align::passages(a, ta, b, tb, &runs);
                }
                progress.advance(1);
            },
        );
        progress.end();
    }

    let edges: Vec<(u32, u32)> = pairs
        .iter()
        .filter_map(|p| Some((index_of(&p.a)? as u32, index_of(&p.b)? as u32)))
        .collect();
    let mut clusters: Vec<Cluster> = cluster::components(docs.len(), edges)
        .into_iter()
        .map(|members| {
            let rep = members
                .iter()
                .min_by(|&&x, &&y| {
                    let (dx, dy) = (&docs[x as usize], &docs[y as usize]);
                    // Dated before undated, earlier before later, then by id.
                    (dx.published.is_none(), dx.published, &dx.id).cmp(&(
                        dy.published.is_none(),
                        dy.published,
                        &dy.id,
                    ))
                })
                .copied()
                .unwrap_or(members[0]);
            Cluster {
                representative: docs[rep as usize].id.clone(),
                members: members
                    .iter()
                    .map(|&m| docs[m as usize].id.clone())
                    .collect(),
            }
        })
        .collect();
    clusters.sort_by(|x, y| {
        y.members
            .len()
            .cmp(&x.members.len())
            .then_with(|| x.representative.cmp(&y.representative))
    });

    Ok(Dedup {
        banding,
        lsh_threshold,
        documents: docs
            .iter()
            .zip(windows)
            .map(|(d, shingles)| DocumentStats {
                id: d.id.clone(),
                shingles,
            })
            .collect(),
        candidates: candidates.len(),
        pairs,
        clusters,
    })
}

/// The shingles of `doc`'s content, repeats included and unsorted, with its MinHash signature
/// written into `signature`. `tokens` is scratch space.
pub fn sign(
    doc: &Document,
    shingling: Shingling,
    hasher: &minhash::MinHasher,
    tokens: &mut Vec<shingle::Token>,
    signature: &mut [u32],
) -> Vec<u64> {
    let bp = boilerplate::detect(&doc.text);
    shingle::tokens(&doc.text, &bp, shingling.unit, tokens);
    let mut shingles = Vec::with_capacity(tokens.len());
    shingle::shingles(tokens, shingling.k, &mut shingles);
    hasher.sign(&shingles, signature);
    shingles
}

/// One side of a candidate pair: id, sorted distinct shingles, signature.
pub type Side<'a> = (&'a String, &'a [u64], &'a [u32]);

/// The exact figures of a candidate pair, if it is a near-duplicate (Jaccard at the threshold)
/// or a reuse (containment at its threshold, of a document long enough for that to mean reuse).
pub fn verify(a: Side, b: Side, params: &DedupParams, lsh_threshold: f64) -> Option<Pair> {
    let ((id_a, sa, sig_a), (id_b, sb, sig_b)) = (a, b);
    if sa.is_empty() || sb.is_empty() {
        return None;
    }
    let estimated = minhash::estimate(sig_a, sig_b);
    // Cheap screen on the estimate before the exact merge: generous, so that the exact
    // figures, not the estimate's noise, decide.
    let est_containment = estimated * (sa.len() + sb.len()) as f64
        / ((1.0 + estimated) * sa.len().min(sb.len()) as f64);
    if estimated < lsh_threshold * 0.5 && est_containment < params.containment * 0.5 {
        return None;
    }
    let shared = intersection(sa, sb);
    let union = sa.len() + sb.len() - shared;
    let jaccard = shared as f64 / union as f64;
    let ca = shared as f64 / sa.len() as f64;
    let cb = shared as f64 / sb.len() as f64;
    let contained = (ca >= params.containment && sa.len() >= MIN_CONTAINED_SHINGLES)
        || (cb >= params.containment && sb.len() >= MIN_CONTAINED_SHINGLES);
    if jaccard < params.threshold && !contained {
        return None;
    }
    Some(Pair {
        a: id_a.clone(),
        b: id_b.clone(),
        estimated_jaccard: estimated,
        jaccard,
        containment_a_in_b: ca,
        containment_b_in_a: cb,
        shared_shingles: shared,
        passages: Vec::new(),
    })
}

/// Size of the intersection of two sorted, distinct lists.
pub fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lsh_threshold_covers_containment_of_a_third() {
        let p = DedupParams::default();
        let t = p.effective_lsh_threshold();
        // C = 0.8 at ratio 1/3: J = (0.8/3) / (4/3 - 0.8/3) = 0.25.
        assert!((t - 0.25).abs() < 1e-9, "{t}");
        assert!(p.validate().is_ok());
        let bad = DedupParams {
            banding: Some(Banding {
                bands: 20,
                rows: 10,
            }),
            ..p
        };
        assert!(bad.validate().is_err());
    }

    #[test]
    fn intersection_of_sorted_sets() {
        assert_eq!(intersection(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(intersection(&[], &[1]), 0);
    }
}
