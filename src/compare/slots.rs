//! Slots: the claims of different documents that state the same fact. Two claims join when they
//! have the same dimension, their sentences are about the same thing (words, entities, counted
//! noun), their articles are about the same event (published close together), and each is the
//! other's best match in the other article. Mutual best matches keep one fact from swallowing
//! its neighbours: "deux jours" of a visit is not "deux pays".

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::CompareParams;
use super::affinity::Affinity;
use super::bulletin::Bulletin;
use super::context::{self, Context};
use super::frame::Frame;
use super::verdict::{self, Verdict};
use crate::claims::{Claim, Extraction, lexicon_for};
use crate::corpus::Document;

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
    /// What the figure measures, when and by whom: why it was compared as it was.
    pub frame: Frame,
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

pub fn build(
    docs: &[Document],
    extraction: &Extraction,
    params: &CompareParams,
    copies: &super::Copies,
    progress: &dyn crate::Progress,
) -> Vec<Slot> {
    let by_id: FxHashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let published: Vec<Option<NaiveDate>> =
        extraction.documents.iter().map(|d| d.published).collect();
    let ids: Vec<&str> = extraction.documents.iter().map(|d| d.id.as_str()).collect();
    let sources = copies.sources(&ids);
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
            let lex = by_id
                .get(d.id.as_str())
                .map_or_else(|| lexicon_for(None), |doc| crate::claims::lexicon_of(doc));
            let mut contexts: Vec<Context> = d
                .claims
                .iter()
                .map(|c| Context::of(lex, c, &d.claims, names).dated(d.published))
                .collect();
            super::frame::inherit_measures(lex, &d.claims, &mut contexts);
            contexts
        })
        .collect();

    let bulletins: Vec<Bulletin> = extraction
        .documents
        .iter()
        .zip(&contexts)
        .map(|(d, c)| Bulletin::of(&d.claims, c))
        .collect();
    let weighted = context::weigh(&contexts);
    let doc_groups: Vec<Vec<usize>> = spellings
        .iter()
        .map(|names| {
            let mut groups: Vec<usize> = names.iter().map(|&(_, g)| g).collect();
            groups.sort_unstable();
            groups.dedup();
            groups
        })
        .collect();
    let affinity = Affinity::new(&doc_groups, &published, params.event_window_days);
    // Published within the event window (or undated) and naming one event's names: checked
    // for every pair of documents compared and for every member a slot admits, so that a chain
    // of links within the window does not join articles a fortnight apart.
    let same_event = |a: usize, b: usize| {
        let close = match (published[a], published[b]) {
            (Some(x), Some(y)) => (x - y).num_days().abs() <= params.event_window_days,
            _ => true,
        };
        close && affinity.same_event(a, b)
    };
    let pairs = document_pairs(&doc_groups, &same_event, &weighted, &published);
    progress.begin("comparing", pairs.len() as u64);
    let mut edges: Vec<(At, At, f64)> = pairs
        .par_iter()
        .flat_map_iter(|&(a, b)| {
            progress.advance(1);
            mutual_best(a, b, &weighted, params.link_threshold)
        })
        .collect();
    progress.end();
    edges.sort_by_key(|e| (e.0, e.1));

    // Slots grow from the strongest links down, without chaining: a claim joins a slot only
    // when it is alike to at least half of the slot's claims from other documents (checked
    // against its first members), so that a chain a–b–c–d does not make one slot; a document
    // gives a slot one value (or several equal ones); two slots a link joins are merged only
    // afterwards, under the same rule taken between all their members.
    edges.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    // Recomputed rather than kept: a map of every link costs more memory than the few
    // similarities a join checks cost time.
    let sim = |x: At, y: At| -> f64 {
        context::similarity(&weighted[x.0][x.1], &weighted[y.0][y.1]).unwrap_or(0.0)
    };
    let value = |at: At| &extraction.documents[at.0].claims[at.1].value;
    let mut slot_of: FxHashMap<At, usize> = FxHashMap::default();
    // Whether `x` may join `slot`, and the weakest similarity it has with the members checked.
    let admits = |slot: &[At], identity: &context::Identity, x: At| -> Option<f64> {
        // Hard limits hold with every member, not most: one name's figures never join another's.
        if !context::fits(identity, &weighted[x.0][x.1].identity()) {
            return None;
        }
        if slot.iter().any(|&m| m.0 == x.0 && value(m) != value(x)) {
            return None;
        }
        // Nor do the figures of another event's articles, however alike their sentences.
        let checked: Vec<At> = slot
            .iter()
            .copied()
            .filter(|m| m.0 != x.0)
            .take(JOIN_CHECKS)
            .collect();
        if checked.iter().any(|m| !same_event(m.0, x.0)) {
            return None;
        }
        let sims: Vec<f64> = checked.iter().map(|&m| sim(m, x)).collect();
        let alike = sims.iter().filter(|&&s| s >= params.link_threshold).count();
        (2 * alike >= sims.len()).then(|| sims.iter().copied().fold(1.0, f64::min))
    };
    // Each slot's claims, its weakest pair among those compared when they joined, and the
    // noun, measure and name its members state.
    let mut members: Vec<(Vec<At>, f64)> = Vec::new();
    let mut identities: Vec<context::Identity> = Vec::new();
    let identity = |at: At| weighted[at.0][at.1].identity();
    let mut merged_into: Vec<usize> = Vec::new();
    for &(a, b, score) in &edges {
        match (slot_of.get(&a).copied(), slot_of.get(&b).copied()) {
            (None, None) => {
                slot_of.insert(a, members.len());
                slot_of.insert(b, members.len());
                merged_into.push(members.len());
                members.push((vec![a, b], score));
                let mut merged = identity(a);
                context::merge(&mut merged, &identity(b));
                identities.push(merged);
            }
            (Some(k), None) | (None, Some(k)) => {
                let x = if slot_of.contains_key(&a) { b } else { a };
                if let Some(weakest) = admits(&members[k].0, &identities[k], x) {
                    slot_of.insert(x, k);
                    members[k].0.push(x);
                    members[k].1 = members[k].1.min(weakest);
                    context::merge(&mut identities[k], &identity(x));
                }
            }
            _ => {}
        }
    }
    // A link between two slots: the same fact whose copies linked among themselves first
    // ("85 chefs d'État" in four reprints, "plus de 80" with a fifth). They become one slot when
    // the pair could have grown as one: names and measures fit, no document gives each a
    // different value, and at least half the pairs checked across them are alike.
    for &(a, b, _) in &edges {
        let (Some(ka), Some(kb)) = (slot_of.get(&a).copied(), slot_of.get(&b).copied()) else {
            continue;
        };
        let (ka, kb) = (find(&mut merged_into, ka), find(&mut merged_into, kb));
        // A slot of one name's figures does not take in figures of no name: those may be the
        // whole's (`1 305 morts` and `1 293 à Al-Haouz`).
        let (ia, ib) = (&identities[ka], &identities[kb]);
        let same = |k: usize| ia[k] == ib[k];
        if ka == kb || !context::fits(ia, ib) || !same(context::ATTACHED) || !same(context::YEAR) {
            continue;
        }
        let (x, y) = (&members[ka].0, &members[kb].0);
        if x.iter()
            .any(|m| y.iter().any(|n| m.0 == n.0 && value(*m) != value(*n)))
        {
            continue;
        }
        let left: Vec<At> = x.iter().copied().take(JOIN_CHECKS).collect();
        let right: Vec<At> = y.iter().copied().take(JOIN_CHECKS).collect();
        let cross: Vec<(At, At)> = left
            .iter()
            .flat_map(|&m| right.iter().map(move |&n| (m, n)))
            .filter(|(m, n)| m.0 != n.0)
            .collect();
        if cross.is_empty() || cross.iter().any(|(m, n)| !same_event(m.0, n.0)) {
            continue;
        }
        let sims: Vec<f64> = cross.iter().map(|&(m, n)| sim(m, n)).collect();
        let alike = sims.iter().filter(|&&s| s >= params.link_threshold).count();
        if 2 * alike < sims.len() {
            continue;
        }
        let weakest = sims.iter().copied().fold(1.0, f64::min);
        let (keep, gone) = (ka.min(kb), ka.max(kb));
        let moved = std::mem::take(&mut members[gone].0);
        let gone_confidence = members[gone].1;
        members[keep].0.extend(moved);
        members[keep].1 = members[keep].1.min(gone_confidence).min(weakest);
        let gone_identity = identities[gone];
        context::merge(&mut identities[keep], &gone_identity);
        merged_into[gone] = keep;
    }
    members.retain(|(ats, _)| !ats.is_empty());

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
                    frame: attributed_frame(&extraction.documents[d].claims, &contexts[d], c),
                })
                .collect();
            let inputs: Vec<verdict::Input> = claims
                .iter()
                .zip(&ats)
                .map(|(c, &(d, k))| verdict::Input {
                    document: &c.document,
                    words: &c.claim.text,
                    sentence: &c.claim.sentence,
                    value: &c.claim.value,
                    claimant: c.claim.claimant.as_deref(),
                    published: c.published,
                    tally: contexts[d][k].tally,
                    frame: &c.frame,
                    source: sources[d],
                    bulletin: &bulletins[d],
                    entity_distinguishes: distinguishes(&contexts[d], &contexts[d][k], &c.frame),
                })
                .collect();
            // Sentences worded apart may still state one fact that both frames name alike.
            let pair = |x: usize, y: usize| {
                let (fx, fy) = (&claims[x].frame, &claims[y].frame);
                sim(ats[x], ats[y]).max(super::frame::agreement(fx, fy))
            };
            let verdict = verdict::judge_pairs(&inputs, confidence, &pair, params.review_below);
            let topic = topic(ats.iter().map(|&(d, c)| &contexts[d][c]));
            Slot {
                id: 0,
                topic,
                claims,
                verdict,
            }
        })
        .collect();
    // Agreement on the participants of a sentence ("deux pays") is not worth a reader's time.
    slots.retain(|s| {
        s.verdict.kind != verdict::VerdictKind::Agree
            || !s.claims.iter().all(|c| {
                let (d, k) = (doc_index[c.document.as_str()], c.index);
                super::frame::trivial(&c.claim, contexts[d][k].tally)
            })
    });
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

/// Whether a document attaches figures that may be of the claim's measure (the same measure,
/// or one unnamed in the same dimension) to more than one name; always when its measure is
/// unknown.
fn distinguishes(contexts: &[Context], claim: &Context, frame: &Frame) -> bool {
    let Some(measure) = &frame.measure else {
        return true;
    };
    let mut names = contexts
        .iter()
        .filter(|c| {
            c.dimension == claim.dimension && c.frame.measure.as_ref().is_none_or(|m| m == measure)
        })
        .filter_map(|c| c.frame.entity.as_deref().map(crate::claims::entities::key));
    let first = names.next();
    names.any(|n| Some(n) != first)
}

/// The frame of claim `k` of a document, with the claimant the document gives the same figure
/// elsewhere when its own sentence names none: an article that attributes a result once
/// (`58,54 % des voix selon le ministère`) and repeats it unattributed repeats that claimant's
/// figure.
fn attributed_frame(claims: &[Claim], contexts: &[Context], k: usize) -> Frame {
    let mut frame = contexts[k].frame.clone();
    if frame.claimant.is_none() {
        let measure = &frame.measure;
        frame.claimant = claims
            .iter()
            .zip(contexts)
            .filter(|(c, x)| {
                c.value == claims[k].value
                    && (x.frame.measure.is_none()
                        || measure.is_none()
                        || x.frame.measure == *measure)
            })
            .find_map(|(_, x)| x.frame.claimant.clone());
    }
    frame
}

/// Documents a document's claims are compared with, at most: the ones it shares the most
/// blocking keys with. Bounds the comparison at `n × MAX_PARTNERS` document pairs however alike
/// a corpus is (100,000 short reports of one event would otherwise be 5 billion pairs); a
/// corpus of fewer documents is compared exactly as without the bound.
const MAX_PARTNERS: usize = 200;

/// The pairs of documents whose claims are compared: `same_event` ones naming a common entity;
/// a document naming none is compared with the documents whose claims share a key with one of
/// its claims (the only ones it could link with). Keys
/// and entities shared by more than [`MAX_POSTING`] documents propose no pairs, and each
/// document keeps its [`MAX_PARTNERS`] best partners, so the work grows with the corpus, not
/// with its square.
fn document_pairs(
    doc_entities: &[Vec<usize>],
    same_event: &(dyn Fn(usize, usize) -> bool + Sync),
    weighted: &[Vec<context::Weighted>],
    published: &[Option<NaiveDate>],
) -> Vec<(usize, usize)> {
    let n = doc_entities.len();
    let named: Vec<bool> = doc_entities.iter().map(|s| !s.is_empty()).collect();
    // Postings: entity groups (of documents that name them), claim keys (of every document).
    let mut entity_postings: FxHashMap<usize, Vec<u32>> = FxHashMap::default();
    let mut key_postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut doc_keys: Vec<Vec<u64>> = Vec::with_capacity(n);
    for (d, groups) in doc_entities.iter().enumerate() {
        for &g in groups {
            entity_postings.entry(g).or_default().push(d as u32);
        }
        let mut keys: Vec<u64> = weighted[d].iter().flat_map(|w| w.keys()).collect();
        keys.sort_unstable();
        keys.dedup();
        for &k in &keys {
            key_postings.entry(k).or_default().push(d as u32);
        }
        doc_keys.push(keys);
    }
    let distance = |a: usize, b: usize| match (published[a], published[b]) {
        (Some(x), Some(y)) => (x - y).num_days().unsigned_abs(),
        _ => 0,
    };
    let mut pairs: Vec<(usize, usize)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0u32; n], Vec::<u32>::new()),
            |(counts, touched), a| {
                let mut propose = |docs: &[u32], only_unnamed: bool| {
                    if docs.len() > MAX_POSTING {
                        return;
                    }
                    for &b in docs {
                        let b = b as usize;
                        if b == a || (only_unnamed && named[b]) {
                            continue;
                        }
                        if counts[b] == 0 {
                            touched.push(b as u32);
                        }
                        counts[b] += 1;
                    }
                };
                for g in &doc_entities[a] {
                    propose(&entity_postings[g], false);
                }
                // Two documents that both name entities are paired by their entities only.
                for k in &doc_keys[a] {
                    propose(&key_postings[k], named[a]);
                }
                let mut partners: Vec<(u32, u64, usize)> = touched
                    .drain(..)
                    .map(|b| {
                        let b = b as usize;
                        let shared = std::mem::take(&mut counts[b]);
                        (shared, distance(a, b), b)
                    })
                    .filter(|&(_, _, b)| same_event(a, b))
                    .collect();
                if partners.len() > MAX_PARTNERS {
                    partners.select_nth_unstable_by(MAX_PARTNERS, |x, y| {
                        y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
                    });
                    partners.truncate(MAX_PARTNERS);
                }
                partners
                    .into_iter()
                    .map(|(_, _, b)| (a.min(b), a.max(b)))
                    .collect::<Vec<_>>()
            },
        )
        .flatten()
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// The claims of documents `a` and `b` that are each other's best match, with their score.
/// Similarity is symmetric, so each pair of claims is scored once and both directions read the
/// same scores: the scoring is most of a report's time.
fn mutual_best(
    a: usize,
    b: usize,
    contexts: &[Vec<context::Weighted>],
    threshold: f64,
) -> Vec<(At, At, f64)> {
    let (ca, cb) = (&contexts[a], &contexts[b]);
    // Best match of each claim of `a` in `b` and of each claim of `b` in `a`: highest score,
    // ties to the earlier claim.
    let mut ab: Vec<Option<(usize, f64)>> = vec![None; ca.len()];
    let mut ba: Vec<Option<(usize, f64)>> = vec![None; cb.len()];
    let better = |best: &Option<(usize, f64)>, s: f64| !matches!(best, Some((_, t)) if *t >= s);
    for (i, x) in ca.iter().enumerate() {
        for (j, y) in cb.iter().enumerate() {
            let Some(s) = context::similarity(x, y) else {
                continue;
            };
            if s < threshold {
                continue;
            }
            if better(&ab[i], s) {
                ab[i] = Some((j, s));
            }
            if better(&ba[j], s) {
                ba[j] = Some((i, s));
            }
        }
    }
    ab.iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let (j, s) = (*m)?;
            (ba[j].map(|(back, _)| back) == Some(i)).then_some(((a, i), (b, j), s))
        })
        .collect()
}

/// The slot a merged slot now belongs to.
fn find(merged_into: &mut [usize], mut k: usize) -> usize {
    while merged_into[k] != k {
        merged_into[k] = merged_into[merged_into[k]];
        k = merged_into[k];
    }
    k
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

/// How many members of a slot a claim must be alike to before it joins: enough to keep one
/// fact from swallowing its neighbours, few enough that a slot of a thousand copies stays cheap.
const JOIN_CHECKS: usize = 16;
