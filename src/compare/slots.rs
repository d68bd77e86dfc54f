//! Slots: the claims of different documents that state the same fact. Two claims join when they
//! have the same dimension, their sentences are about the same thing (words, entities, counted
//! noun), their articles are about the same event (published close together), and each is the
//! other's best match in the other article. Mutual best matches keep one fact from swallowing
//! its neighbours: "deux jours" of a visit is not "deux pays".

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::CompareParams;
use super::context::{self, Context};
use super::verdict::{self, Verdict};
use crate::claims::{Claim, Extraction, lexicon_for};
use crate::corpus::Document;
use crate::dedup::cluster::UnionFind;

/// One claim in a slot, with what a reader needs to check it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlotClaim {
    pub document: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Index of the claim in its document's claims.
    pub index: usize,
    #[serde(flatten)]
    pub claim: Claim,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    /// 1-based, in report order.
    pub id: usize,
    /// The words the slot's sentences share, most shared first: what the fact is about.
    pub topic: Vec<String>,
    pub claims: Vec<SlotClaim>,
    pub verdict: Verdict,
}

/// A claim's place: document index, claim index.
type At = (usize, usize);

/// Entity groups naming more documents than this do not propose document pairs on their own:
/// in a large corpus `France` would pair everything with everything.
const MAX_POSTING: usize = 1000;

pub fn build(docs: &[Document], extraction: &Extraction, params: &CompareParams) -> Vec<Slot> {
    let by_id: FxHashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let published: Vec<Option<NaiveDate>> =
        extraction.documents.iter().map(|d| d.published).collect();
    // Spelling → entity group, per document: the mentions of each document's sentences.
    let mut spellings: Vec<Vec<(String, usize)>> = vec![Vec::new(); extraction.documents.len()];
    let doc_index: FxHashMap<&str, usize> = extraction
        .documents
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.as_str(), k))
        .collect();
    for (g, group) in extraction.entities.iter().enumerate() {
        for v in &group.variants {
            for d in &v.documents {
                if let Some(&k) = doc_index.get(d.as_str()) {
                    spellings[k].push((v.spelling.clone(), g));
                }
            }
        }
    }
    let contexts: Vec<Vec<Context>> = extraction
        .documents
        .par_iter()
        .zip(&spellings)
        .map(|(d, names)| {
            let lang = by_id.get(d.id.as_str()).and_then(|doc| doc.lang.as_deref());
            let lex = lexicon_for(lang);
            d.claims
                .iter()
                .map(|c| Context::of(lex, c, names))
                .collect()
        })
        .collect();

    let weighted = context::weigh(&contexts);
    let pairs = document_pairs(&spellings, &published, params);
    let mut edges: Vec<(At, At, f64)> = pairs
        .par_iter()
        .flat_map_iter(|&(a, b)| mutual_best(a, b, &weighted, params.link_threshold))
        .collect();
    edges.sort_by_key(|e| (e.0, e.1));

    // Union-find over the claims of all documents, numbered in document order.
    let offsets: Vec<usize> = contexts
        .iter()
        .scan(0, |acc, c| {
            let start = *acc;
            *acc += c.len();
            Some(start)
        })
        .collect();
    let flat = |at: At| offsets[at.0] + at.1;
    let total: usize = contexts.iter().map(Vec::len).sum();
    let mut sets = UnionFind::new(total);
    for &(a, b, _) in &edges {
        sets.union(flat(a) as u32, flat(b) as u32);
    }
    // Each slot's claims and its weakest link, in the order of the edges.
    let mut slot_of: FxHashMap<u32, usize> = FxHashMap::default();
    let mut members: Vec<(Vec<At>, f64)> = Vec::new();
    for &(a, b, score) in &edges {
        let root = sets.find(flat(a) as u32);
        let k = *slot_of.entry(root).or_insert_with(|| {
            members.push((Vec::new(), 1.0));
            members.len() - 1
        });
        members[k].0.extend([a, b]);
        members[k].1 = members[k].1.min(score);
    }

    let mut slots: Vec<Slot> = members
        .into_iter()
        .map(|(mut ats, confidence)| {
            ats.sort_unstable();
            ats.dedup();
            let claims: Vec<SlotClaim> = ats
                .iter()
                .map(|&(d, c)| SlotClaim {
                    document: extraction.documents[d].id.clone(),
                    published: published[d],
                    index: c,
                    claim: extraction.documents[d].claims[c].clone(),
                })
                .collect();
            let inputs: Vec<verdict::Input> = claims
                .iter()
                .map(|c| verdict::Input {
                    document: &c.document,
                    words: &c.claim.text,
                    value: &c.claim.value,
                    claimant: c.claim.claimant.as_deref(),
                    published: c.published,
                })
                .collect();
            let verdict = verdict::judge(&inputs, confidence, params.review_below);
            let topic = topic(ats.iter().map(|&(d, c)| &contexts[d][c]));
            Slot {
                id: 0,
                topic,
                claims,
                verdict,
            }
        })
        .collect();
    slots.sort_by(|x, y| {
        x.verdict
            .kind
            .cmp(&y.verdict.kind)
            .then(y.verdict.confidence.total_cmp(&x.verdict.confidence))
            .then_with(|| {
                let first = |s: &Slot| (s.claims[0].document.clone(), s.claims[0].claim.span.start);
                first(x).cmp(&first(y))
            })
    });
    for (k, s) in slots.iter_mut().enumerate() {
        s.id = k + 1;
    }
    slots
}

/// The pairs of documents whose claims are compared: published within the event window (or
/// undated) and naming a common entity; documents naming none are compared with all.
fn document_pairs(
    spellings: &[Vec<(String, usize)>],
    published: &[Option<NaiveDate>],
    params: &CompareParams,
) -> Vec<(usize, usize)> {
    let n = spellings.len();
    let mut postings: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut unnamed = Vec::new();
    for (d, names) in spellings.iter().enumerate() {
        let groups: FxHashSet<usize> = names.iter().map(|&(_, g)| g).collect();
        if groups.is_empty() {
            unnamed.push(d);
        }
        for g in groups {
            postings.entry(g).or_default().push(d);
        }
    }
    let mut pairs: FxHashSet<(usize, usize)> = FxHashSet::default();
    for docs in postings.values().filter(|d| d.len() <= MAX_POSTING) {
        for (k, &a) in docs.iter().enumerate() {
            for &b in &docs[k + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    for &a in &unnamed {
        for b in 0..n {
            if a != b {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    let same_event = |a: usize, b: usize| match (published[a], published[b]) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= params.event_window_days,
        _ => true,
    };
    let mut pairs: Vec<(usize, usize)> = pairs
        .into_iter()
        .filter(|&(a, b)| same_event(a, b))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// The claims of documents `a` and `b` that are each other's best match, with their score.
fn mutual_best(
    a: usize,
    b: usize,
    contexts: &[Vec<context::Weighted>],
    threshold: f64,
) -> Vec<(At, At, f64)> {
    let (ca, cb) = (&contexts[a], &contexts[b]);
    let best =
        |from: &[context::Weighted], to: &[context::Weighted]| -> Vec<Option<(usize, f64)>> {
            from.iter()
                .map(|x| {
                    to.iter()
                        .enumerate()
                        .filter_map(|(k, y)| context::similarity(x, y).map(|s| (k, s)))
                        .filter(|&(_, s)| s >= threshold)
                        // Highest score; ties go to the earlier claim.
                        .fold(None, |acc: Option<(usize, f64)>, (k, s)| match acc {
                            Some((_, t)) if t >= s => acc,
                            _ => Some((k, s)),
                        })
                })
                .collect()
        };
    let (ab, ba) = (best(ca, cb), best(cb, ca));
    ab.iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let (j, s) = (*m)?;
            (ba[j].map(|(back, _)| back) == Some(i)).then_some(((a, i), (b, j), s))
        })
        .collect()
}

/// The words most of the slot's sentences share.
fn topic<'a>(contexts: impl Iterator<Item = &'a Context>) -> Vec<String> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    let mut n = 0;
    for c in contexts {
        n += 1;
        for w in &c.words {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut shared: Vec<(&str, usize)> =
        counts.into_iter().filter(|&(_, k)| k >= 2.min(n)).collect();
    shared.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    shared
        .into_iter()
        .take(TOPIC_WORDS)
        .map(|(w, _)| w.to_string())
        .collect()
}

const TOPIC_WORDS: usize = 5;
