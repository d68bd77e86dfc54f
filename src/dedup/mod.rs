//! The near-duplicate stage: shingles → MinHash signatures → LSH candidates → verified pairs
//! (Jaccard and containment, exact) → clusters → shared passages.

pub mod align;
pub mod changes;
pub mod cluster;
pub mod index;
pub mod lsh;
pub mod minhash;
pub mod resolve;
pub mod reuse;
pub mod shingle;
pub mod signatures;
pub mod story;

use rayon::prelude::*;
use serde::Serialize;

use chrono::NaiveDate;

use crate::Progress;
use crate::corpus::{self, Address, Catalog, Document, DocumentInfo, Stream};
use crate::error::{Error, Result};
use crate::text::boilerplate;
use resolve::{Signed, Texts};

pub use align::{Passage, Span};
pub use lsh::Banding;
pub use reuse::Relation;
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

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DedupParams {
    pub shingling: Shingling,
    pub permutations: usize,
    pub seed: u64,
    /// A pair whose Jaccard similarity reaches this is a near-duplicate.
    pub threshold: f64,
    /// A pair where this share of one document's shingles is found in the other is a reuse.
    pub containment: f64,
    /// A pair where this share of one document's shingles is found in the other, in at least
    /// [`reuse::MIN_SHARED_SHINGLES`] shingles, shares passages; `None`: not looked for.
    pub passage_share: Option<f64>,
    /// Jaccard threshold the LSH banding is tuned for; `None`: derived from the two above.
    pub lsh_threshold: Option<f64>,
    /// Explicit banding; `None`: optimal for `lsh_threshold`.
    pub banding: Option<Banding>,
    /// Compute the shared passages of the reported pairs.
    pub passages: bool,
    /// Only for this many pairs, the most similar ([`Pair::by_similarity`]): the ones a
    /// summary shows. Their texts are read again after verification, so a large corpus does
    /// not hold the passages of every pair. `None`: every pair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passage_pairs: Option<usize>,
}

impl Default for DedupParams {
    fn default() -> Self {
        DedupParams {
            shingling: Shingling::default(),
            permutations: 128,
            seed: 1,
            threshold: 0.5,
            containment: 0.8,
            passage_share: Some(reuse::DEFAULT_PASSAGE_SHARE),
            lsh_threshold: None,
            banding: None,
            passages: true,
            passage_pairs: None,
        }
    }
}

impl DedupParams {
    /// The command-line flags that give these parameters (those `recoupe.toml` can set too).
    pub fn flags(&self) -> String {
        let share = self
            .passage_share
            .map_or_else(|| "off".to_string(), |s| s.to_string());
        format!(
            "--jaccard {} --containment {} --passage-share {share} --shingle {} --permutations {} \
             --seed {}",
            self.threshold, self.containment, self.shingling, self.permutations, self.seed
        )
    }

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
        if let Some(share) = self.passage_share {
            unit("passage-share", share)?;
        }
        if let Some(t) = self.lsh_threshold {
            unit("lsh threshold", t)?;
        }
        if self.shingling.k == 0 {
            return Err(Error::parameter(
                "shingle",
                "shingles of 0 words or characters",
            ));
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
            let derived = self.threshold.min(c * r / (1.0 + r - c * r));
            match self.passage_share {
                Some(_) => derived.min(reuse::LSH_THRESHOLD),
                None => derived,
            }
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
    /// Near-duplicate, reuse, or shared passages.
    pub relation: Relation,
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
    /// The edits inside the reused text: a few words replaced, cut or added between two
    /// passages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<changes::Change>,
}

impl Pair {
    pub fn max_containment(&self) -> f64 {
        self.containment_a_in_b.max(self.containment_b_in_a)
    }

    /// Most similar first (the larger of Jaccard and containment), then by ids: the order in
    /// which pairs are shown.
    pub fn by_similarity(x: &Pair, y: &Pair) -> std::cmp::Ordering {
        let kx = x.jaccard.max(x.max_containment());
        let ky = y.jaccard.max(y.max_containment());
        ky.total_cmp(&kx)
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
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
    /// Documents that reuse one source text, by any relation: largest first.
    pub story_groups: Vec<story::StoryGroup>,
}

/// Runs the near-duplicate stage over `docs`, in memory. Pairs come out with `a` the smaller
/// id and sorted, whatever the order of `docs`.
pub fn run(docs: &[Document], params: &DedupParams, progress: &dyn Progress) -> Result<Dedup> {
    params.validate()?;
    let hasher = minhash::MinHasher::new(params.permutations, params.seed);
    let p = params.permutations;
    progress.begin("signing", docs.len() as u64);
    let mut flat = vec![0u32; docs.len() * p];
    // Shingles as produced, repeats included: the minimum ignores repeats, so only the
    // documents that end up in a candidate pair pay for sorting their set.
    let sets: Vec<Vec<u64>> = docs
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
    let members: Vec<(&str, Option<NaiveDate>)> =
        docs.iter().map(|d| (d.id.as_str(), d.published)).collect();
    let counts = sets.iter().map(Vec::len).collect();
    finish(
        &members,
        &signatures,
        counts,
        sets,
        &resolve::Held(docs),
        params,
        progress,
    )
}

/// Most shingles (8 bytes each) a streamed run keeps from signing for verification: 1 GiB.
/// Rebuilding a document's set means reading and tokenising its text again for every piece of
/// candidates it is in, which at 100,000 news articles cost more than the rest of the run.
const KEPT_SHINGLES: usize = 128 << 20;

/// Runs the near-duplicate stage over a corpus read in batches: each document's metadata and
/// signature stay in memory, and its shingles within [`KEPT_SHINGLES`]; the texts of candidate
/// pairs are read again for their passages (and their shingles past the budget).
/// Returns what was read of the corpus (documents sorted by id) with the result.
pub fn run_stream(
    stream: &Stream,
    params: &DedupParams,
    progress: &dyn Progress,
) -> Result<(Catalog, Dedup)> {
    params.validate()?;
    let hasher = minhash::MinHasher::new(params.permutations, params.seed);
    let p = params.permutations;
    let mut flat: Vec<u32> = Vec::new();
    let mut shingle_counts: Vec<usize> = Vec::new();
    let mut infos: Vec<DocumentInfo> = Vec::new();
    let mut addresses: Vec<Address> = Vec::new();
    // Shingles kept from signing while they fit the budget; the documents after it have theirs
    // rebuilt from their texts when a candidate pair needs them.
    let mut sets: Vec<Vec<u64>> = Vec::new();
    let mut kept = 0usize;
    progress.begin("reading", stream.total_bytes());
    let summary = stream.read(|batch| {
        let from = flat.len();
        flat.resize(from + batch.documents.len() * p, 0);
        let signed: Vec<Vec<u64>> = batch
            .documents
            .par_iter()
            .zip(flat[from..].par_chunks_mut(p))
            .map_init(Vec::new, |tokens, (doc, sig)| {
                let shingles = sign(doc, params.shingling, &hasher, tokens, sig);
                progress.advance(doc.text.len() as u64);
                shingles
            })
            .collect();
        for shingles in signed {
            shingle_counts.push(shingles.len());
            if kept + shingles.len() <= KEPT_SHINGLES {
                kept += shingles.len();
                sets.push(shingles);
            } else {
                sets.push(Vec::new());
            }
        }
        infos.extend(batch.documents.iter().map(DocumentInfo::from));
        addresses.extend(batch.addresses);
        Ok(())
    })?;
    progress.end();
    let mut diagnostics = summary.diagnostics;
    diagnostics.extend(corpus::rename_duplicate_ids(&mut infos));
    corpus::check_strict(&diagnostics, stream.options())?;

    let signatures = Signatures::from_flat(p, flat);
    let members: Vec<(&str, Option<NaiveDate>)> =
        infos.iter().map(|d| (d.id.as_str(), d.published)).collect();
    let texts = Reread { stream, addresses };
    let dedup = finish(
        &members,
        &signatures,
        shingle_counts,
        sets,
        &texts,
        params,
        progress,
    )?;
    drop(members);
    infos.sort_by(|a, b| a.id.cmp(&b.id));
    let catalog = Catalog {
        documents: infos,
        diagnostics,
        bytes: summary.bytes,
    };
    Ok((catalog, dedup))
}

/// Texts read again from the inputs, by address.
struct Reread<'a> {
    stream: &'a Stream,
    addresses: Vec<Address>,
}

impl Texts for Reread<'_> {
    fn text(&self, i: usize) -> Result<std::borrow::Cow<'_, str>> {
        Ok(self.stream.reread(self.addresses[i])?.text.into())
    }
}

/// Candidates, verification, passages and clusters, from the signatures. `sets` holds the
/// shingles kept from signing (repeats included, unsorted), or empty vectors to rebuild them.
fn finish(
    members: &[(&str, Option<NaiveDate>)],
    signatures: &Signatures,
    shingle_counts: Vec<usize>,
    mut sets: Vec<Vec<u64>>,
    texts: &dyn Texts,
    params: &DedupParams,
    progress: &dyn Progress,
) -> Result<Dedup> {
    let banding = params.effective_banding();
    let lsh_threshold = params.effective_lsh_threshold();
    let empty: Vec<bool> = shingle_counts.iter().map(|&n| n == 0).collect();
    progress.begin("banding", banding.bands as u64);
    let candidates = lsh::candidates(signatures, banding, &empty);
    progress.end();

    let mut in_candidates = vec![false; members.len()];
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
            } else {
                *set = Vec::new();
            }
        });
    let signed = Signed {
        members,
        signatures,
        shingles: &shingle_counts,
        sets: &sets,
    };
    let all_passages = params.passages && params.passage_pairs.is_none();
    let resolving = DedupParams {
        passages: all_passages,
        ..params.clone()
    };
    let mut found = resolve::resolve(
        &signed,
        &candidates,
        texts,
        &resolving,
        lsh_threshold,
        progress,
    )?;
    drop(sets);
    if let (true, Some(limit)) = (params.passages, params.passage_pairs) {
        found.sort_by(|x, y| Pair::by_similarity(&x.2, &y.2));
        progress.begin("aligning", limit.min(found.len()) as u64);
        found.par_iter_mut().take(limit).try_for_each_init(
            || (Vec::new(), Vec::new()),
            |scratch, (i, j, pair)| {
                (pair.passages, pair.changes) =
                    resolve::passages_of(texts, *i as usize, *j as usize, params, scratch)?;
                progress.advance(1);
                Ok::<(), Error>(())
            },
        )?;
        progress.end();
    }
    Ok(assemble(
        members,
        shingle_counts,
        banding,
        lsh_threshold,
        candidates.len(),
        found,
    ))
}

/// The stage's result from its verified pairs: clusters of copies, story groups and each
/// document's figures. `members` are in input order, `found` holds `(i, j, pair)` with indices
/// into `members`, in any order. Public so that a run whose earlier steps were distributed
/// (the Python package on Ray) ends exactly as [`run_stream`] does.
pub fn assemble(
    members: &[(&str, Option<NaiveDate>)],
    shingle_counts: Vec<usize>,
    banding: Banding,
    lsh_threshold: f64,
    candidates: usize,
    found: Vec<(u32, u32, Pair)>,
) -> Dedup {
    // Clusters are of copies of one text; documents that only share passages are listed as
    // pairs, not merged into a cluster (they may share one paragraph each with a dozen others).
    let edges: Vec<(u32, u32)> = found
        .iter()
        .filter(|(_, _, p)| p.relation != Relation::SharedPassages)
        .map(|&(i, j, _)| (i, j))
        .collect();
    let mut pairs: Vec<Pair> = found.into_iter().map(|(_, _, pair)| pair).collect();
    pairs.par_sort_unstable_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
    let mut clusters: Vec<Cluster> = cluster::components(members.len(), edges)
        .into_iter()
        .map(|group| {
            // Dated before undated, earlier before later, then by id.
            let key = |&m: &u32| {
                let (id, published) = members[m as usize];
                (published.is_none(), published, id)
            };
            let rep = group
                .iter()
                .min_by_key(|m| key(m))
                .copied()
                .unwrap_or(group[0]);
            let mut ids: Vec<String> = group
                .iter()
                .map(|&m| members[m as usize].0.to_string())
                .collect();
            ids.sort_unstable();
            Cluster {
                representative: members[rep as usize].0.to_string(),
                members: ids,
            }
        })
        .collect();
    clusters.sort_by(|x, y| {
        y.members
            .len()
            .cmp(&x.members.len())
            .then_with(|| x.representative.cmp(&y.representative))
    });
    let story_groups = story::groups(members, &shingle_counts, &pairs);
    let mut documents: Vec<DocumentStats> = members
        .iter()
        .zip(&shingle_counts)
        .map(|(m, &shingles)| DocumentStats {
            id: m.0.to_string(),
            shingles,
        })
        .collect();
    if !documents.is_sorted_by(|x, y| x.id <= y.id) {
        documents.par_sort_unstable_by(|x, y| x.id.cmp(&y.id));
    }
    Dedup {
        banding,
        lsh_threshold,
        documents,
        candidates,
        pairs,
        clusters,
        story_groups,
    }
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
    sign_text(&doc.text, shingling, hasher, tokens, signature)
}

/// [`sign`] for a bare text: what a caller without [`Document`]s (the Python package) signs,
/// with the same boilerplate detection and shingling, hence the same signature.
pub fn sign_text(
    text: &str,
    shingling: Shingling,
    hasher: &minhash::MinHasher,
    tokens: &mut Vec<shingle::Token>,
    signature: &mut [u32],
) -> Vec<u64> {
    let bp = boilerplate::detect(text);
    shingle::tokens(text, &bp, shingling.unit, tokens);
    let mut shingles = Vec::with_capacity(tokens.len());
    shingle::shingles(tokens, shingling.k, &mut shingles);
    hasher.sign(&shingles, signature);
    shingles
}

/// One side of a candidate pair: id, sorted distinct shingles, signature.
pub type Side<'a> = (&'a str, &'a [u64], &'a [u32]);

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
    let least_containment = params
        .passage_share
        .map_or(params.containment, |s| s.min(params.containment));
    if estimated < lsh_threshold * 0.5 && est_containment < least_containment * 0.5 {
        return None;
    }
    let shared = intersection(sa, sb);
    let union = sa.len() + sb.len() - shared;
    let jaccard = shared as f64 / union as f64;
    let ca = shared as f64 / sa.len() as f64;
    let cb = shared as f64 / sb.len() as f64;
    let relation = reuse::relation(jaccard, (ca, cb), (sa.len(), sb.len()), shared, params)?;
    Some(Pair {
        relation,
        a: id_a.to_string(),
        b: id_b.to_string(),
        estimated_jaccard: estimated,
        jaccard,
        containment_a_in_b: ca,
        containment_b_in_a: cb,
        shared_shingles: shared,
        passages: Vec::new(),
        changes: Vec::new(),
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
        // C = 0.8 at ratio 1/3: J = (0.8/3) / (4/3 - 0.8/3) = 0.25; shared passages, looked for
        // by default, lower it further.
        let without = DedupParams {
            passage_share: None,
            ..p.clone()
        };
        let t = without.effective_lsh_threshold();
        assert!((t - 0.25).abs() < 1e-9, "{t}");
        assert!((p.effective_lsh_threshold() - reuse::LSH_THRESHOLD).abs() < 1e-9);
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
