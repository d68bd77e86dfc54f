//! From candidate pairs to verified pairs with their passages, one connected group of
//! candidates at a time: a group's shingle sets (and texts, for passages) are built, used and
//! dropped together, so that memory holds a few groups rather than the corpus.

use std::borrow::Cow;

use rayon::prelude::*;

use super::cluster::UnionFind;
use super::{DedupParams, Pair, align, shingle, signatures::Signatures, verify};
use crate::error::Result;
use crate::text::boilerplate;

/// Where the stage reads a document's text again after signing: from memory, or from the
/// inputs ([`crate::corpus::Stream::reread`]).
pub trait Texts: Sync {
    fn text(&self, i: usize) -> Result<Cow<'_, str>>;
}

/// The texts of documents held in memory.
pub struct Held<'a>(pub &'a [crate::corpus::Document]);

impl Texts for Held<'_> {
    fn text(&self, i: usize) -> Result<Cow<'_, str>> {
        Ok(Cow::Borrowed(&self.0[i].text))
    }
}

/// A group's pairs are verified together up to this many; a larger group (a text copied by
/// hundreds of outlets, or chained by shared boilerplate) is cut into pieces of this size, each
/// building the sets it needs, so that no single piece holds an unbounded number of documents.
const PIECE_PAIRS: usize = 1024;

/// What is known of each document once it has been signed.
pub struct Signed<'a> {
    /// Each document's id and publication date.
    pub members: &'a [(&'a str, Option<chrono::NaiveDate>)],
    pub signatures: &'a Signatures,
    /// Shingles of each document, repeats included; 0 for a document without content.
    pub shingles: &'a [usize],
    /// Each document's sorted distinct shingles when they were kept, empty otherwise (then
    /// they are rebuilt from the text).
    pub sets: &'a [Vec<u64>],
}

impl Signed<'_> {
    fn id(&self, i: u32) -> &str {
        self.members[i as usize].0
    }
}

/// Verifies `candidates`, `(i, j)` with `i < j`, and finds the passages of those kept.
/// Returns `(i, j, pair)` with the pair's `a` the smaller id.
pub fn resolve(
    signed: &Signed,
    candidates: &[(u32, u32)],
    texts: &dyn Texts,
    params: &DedupParams,
    lsh_threshold: f64,
    progress: &dyn crate::Progress,
) -> Result<Vec<(u32, u32, Pair)>> {
    let pieces = pieces(signed.members.len(), candidates);
    progress.begin("verifying", candidates.len() as u64);
    let found: Vec<Vec<(u32, u32, Pair)>> = pieces
        .par_iter()
        .map_init(Vec::new, |tokens, piece| {
            let out = verify_piece(signed, piece, texts, params, lsh_threshold, tokens);
            progress.advance(piece.len() as u64);
            out
        })
        .collect::<Result<_>>()?;
    progress.end();
    Ok(found.into_iter().flatten().collect())
}

/// The candidates cut into pieces: each connected group's pairs together, large groups cut.
fn pieces(n: usize, candidates: &[(u32, u32)]) -> Vec<Vec<(u32, u32)>> {
    let mut groups = UnionFind::new(n);
    for &(i, j) in candidates {
        groups.union(i, j);
    }
    let mut keyed: Vec<(u32, u32, u32)> = candidates
        .iter()
        .map(|&(i, j)| (groups.find(i), i, j))
        .collect();
    keyed.par_sort_unstable();
    let mut out = Vec::new();
    for group in keyed.chunk_by(|x, y| x.0 == y.0) {
        for piece in group.chunks(PIECE_PAIRS) {
            out.push(piece.iter().map(|&(_, i, j)| (i, j)).collect());
        }
    }
    out
}

/// One document of a piece: its set, and its text and tokens when its set was made from them
/// and passages are wanted (made once per document, not once per pair).
struct Member<'a> {
    set: Cow<'a, [u64]>,
    text: Option<(Cow<'a, str>, Vec<shingle::Token>)>,
}

fn verify_piece(
    signed: &Signed,
    piece: &[(u32, u32)],
    texts: &dyn Texts,
    params: &DedupParams,
    lsh_threshold: f64,
    scratch: &mut Vec<shingle::Token>,
) -> Result<Vec<(u32, u32, Pair)>> {
    let mut ids: Vec<u32> = piece.iter().flat_map(|&(i, j)| [i, j]).collect();
    ids.sort_unstable();
    ids.dedup();
    let tokens_of = |text: &str, out: &mut Vec<shingle::Token>| {
        shingle::tokens(text, &boilerplate::detect(text), params.shingling.unit, out);
    };
    let mut members: Vec<Member> = ids
        .iter()
        .map(|&m| {
            let m = m as usize;
            let kept = &signed.sets[m];
            if !kept.is_empty() || signed.shingles[m] == 0 {
                return Ok(Member {
                    set: Cow::Borrowed(kept.as_slice()),
                    text: None,
                });
            }
            let text = texts.text(m)?;
            let mut tokens = if params.passages {
                Vec::new()
            } else {
                std::mem::take(scratch)
            };
            tokens_of(&text, &mut tokens);
            let mut set = Vec::with_capacity(tokens.len());
            shingle::shingles(&tokens, params.shingling.k, &mut set);
            set.sort_unstable();
            set.dedup();
            let text = if params.passages {
                Some((text, tokens))
            } else {
                *scratch = tokens;
                None
            };
            Ok(Member {
                set: Cow::Owned(set),
                text,
            })
        })
        .collect::<Result<_>>()?;
    let at = |i: u32| ids.binary_search(&i).unwrap_or(0);

    let mut out = Vec::new();
    for &(i, j) in piece {
        // The pair's `a` is the smaller id, whatever order the documents came in.
        let (i, j) = if signed.id(i) <= signed.id(j) {
            (i, j)
        } else {
            (j, i)
        };
        let (mi, mj) = (&members[at(i)], &members[at(j)]);
        let side_i = (
            signed.id(i),
            mi.set.as_ref(),
            signed.signatures.get(i as usize),
        );
        let side_j = (
            signed.id(j),
            mj.set.as_ref(),
            signed.signatures.get(j as usize),
        );
        if let Some(pair) = verify(side_i, side_j, params, lsh_threshold) {
            out.push((i, j, pair));
        }
    }
    if !params.passages {
        return Ok(out);
    }
    // Passages only for the pairs kept: most candidates are not, and reading and tokenising
    // every member of every piece again cost more than the verification itself.
    for &(i, j, _) in &out {
        for m in [i, j] {
            let member = &mut members[at(m)];
            if member.text.is_none() {
                let text = texts.text(m as usize)?;
                let mut tokens = Vec::new();
                tokens_of(&text, &mut tokens);
                member.text = Some((text, tokens));
            }
        }
    }
    for (i, j, pair) in &mut out {
        if let (Some((a, ta)), Some((b, tb))) = (&members[at(*i)].text, &members[at(*j)].text) {
            let runs = align::shared_runs(ta, tb, params.shingling.k);
            pair.passages = align::passages(a, ta, b, tb, &runs);
            pair.changes = super::changes::between(a, ta, b, tb, &runs);
        }
    }
    Ok(out)
}

/// The passages shared by documents `i` (side `a`) and `j`, and the edits between them, from
/// their texts read again.
pub fn passages_of(
    texts: &dyn Texts,
    i: usize,
    j: usize,
    params: &DedupParams,
    scratch: &mut (Vec<shingle::Token>, Vec<shingle::Token>),
) -> Result<(Vec<super::Passage>, Vec<super::changes::Change>)> {
    let (a, b) = (texts.text(i)?, texts.text(j)?);
    let (ta, tb) = scratch;
    let unit = params.shingling.unit;
    shingle::tokens(&a, &boilerplate::detect(&a), unit, ta);
    shingle::tokens(&b, &boilerplate::detect(&b), unit, tb);
    let runs = align::shared_runs(ta, tb, params.shingling.k);
    Ok((
        align::passages(&a, ta, &b, tb, &runs),
        super::changes::between(&a, ta, &b, tb, &runs),
    ))
}

/// One side of a pair whose text is at hand: id, text, MinHash signature.
pub type TextSide<'a> = (&'a str, &'a str, &'a [u32]);

/// Verifies one candidate pair from its two texts, with the shared passages when
/// `params.passages`: the figures [`resolve`] gives for the same pair, for callers that hold
/// the texts of a pair but not the corpus (a distributed verification step). The pair's `a` is
/// the smaller id, whatever the order of the sides.
pub fn verify_texts(
    x: TextSide,
    y: TextSide,
    params: &DedupParams,
    lsh_threshold: f64,
    scratch: &mut (Vec<shingle::Token>, Vec<shingle::Token>),
) -> Option<Pair> {
    let ((id_a, a, sig_a), (id_b, b, sig_b)) = if x.0 <= y.0 { (x, y) } else { (y, x) };
    let (ta, tb) = scratch;
    let unit = params.shingling.unit;
    shingle::tokens(a, &boilerplate::detect(a), unit, ta);
    shingle::tokens(b, &boilerplate::detect(b), unit, tb);
    let set = |tokens: &[shingle::Token]| {
        let mut set = Vec::with_capacity(tokens.len());
        shingle::shingles(tokens, params.shingling.k, &mut set);
        set.sort_unstable();
        set.dedup();
        set
    };
    let (sa, sb) = (set(ta), set(tb));
    let mut pair = verify(
        (id_a, &sa, sig_a),
        (id_b, &sb, sig_b),
        params,
        lsh_threshold,
    )?;
    if params.passages {
        let runs = align::shared_runs(ta, tb, params.shingling.k);
        pair.passages = align::passages(a, ta, b, tb, &runs);
        pair.changes = super::changes::between(a, ta, b, tb, &runs);
    }
    Some(pair)
}
