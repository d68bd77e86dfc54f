//! Quote variants: one speaker quoted in different words by different sources, and the same
//! words put in different mouths. Each variant carries a word-level diff against the first
//! quote of its group, so a reader sees what changed.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::claims::{Extraction, entities};
use crate::dedup::cluster::UnionFind;
use crate::text::normalize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotedBy {
    pub document: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub line: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    Same,
    Removed,
    Added,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffPart {
    pub tag: DiffTag,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteDiff {
    /// Indices into the group's quotes.
    pub from: usize,
    pub to: usize,
    /// Share of words the two quotes have in common, in order (0 to 1).
    pub similarity: f64,
    pub parts: Vec<DiffPart>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VariantKind {
    /// The same words attributed to different speakers.
    SpeakerDiffers,
    /// One speaker quoted in different words.
    WordingDiffers,
    /// The same words and speaker everywhere.
    Identical,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteVariants {
    pub kind: VariantKind,
    pub quotes: Vec<QuotedBy>,
    pub diffs: Vec<QuoteDiff>,
}

/// Quotes of one speaker this similar are one statement reworded (or translated differently).
const SAME_SPEAKER_SIMILARITY: f64 = 0.25;
/// Without a common speaker, quotes must be this close to be one statement.
const SIMILARITY: f64 = 0.6;
/// Quotes at least this close read as the same words.
const IDENTICAL: f64 = 0.95;

fn speaker_key(s: Option<&str>) -> Option<String> {
    // The last word of a name identifies the speaker across `Vladimir Poutine` and `M. Poutine`.
    let s = s?;
    let last = s.split_whitespace().last()?;
    Some(entities::key(last)).filter(|k| !k.is_empty())
}

/// The folded text cut as the word diff cuts it (runs of white space and of the rest), sorted.
fn sorted_tokens(text: &str) -> Vec<String> {
    let folded = normalize::fold(text);
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut space = None;
    for c in folded.chars() {
        let is_space = c.is_whitespace();
        if space.is_some_and(|s| s != is_space) {
            out.push(std::mem::take(&mut current));
        }
        space = Some(is_space);
        current.push(c);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.sort_unstable();
    out
}

/// Twice the tokens two sorted lists share (as multisets) over their total: an upper bound of
/// the in-order similarity of the diff.
fn common_share(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Share of words in common, in order, between two texts compared word by word after folding.
fn similarity(a: &str, b: &str) -> f64 {
    let (fa, fb) = (normalize::fold(a), normalize::fold(b));
    f64::from(TextDiff::from_words(fa.as_str(), fb.as_str()).ratio())
}

fn diff(a: &str, b: &str) -> Vec<DiffPart> {
    let d = TextDiff::from_words(a, b);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in d.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => DiffTag::Same,
            ChangeTag::Delete => DiffTag::Removed,
            ChangeTag::Insert => DiffTag::Added,
        };
        match parts.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(change.value()),
            _ => parts.push(DiffPart {
                tag,
                text: change.value().to_string(),
            }),
        }
    }
    parts
}

pub fn variants(extraction: &Extraction) -> Vec<QuoteVariants> {
    let quotes: Vec<QuotedBy> = extraction
        .documents
        .iter()
        .flat_map(|d| {
            d.quotes.iter().map(|q| QuotedBy {
                document: d.id.clone(),
                speaker: q.speaker.clone(),
                line: q.span.line,
                text: q.text.clone(),
            })
        })
        .collect();
    let keys: Vec<Option<String>> = quotes
        .iter()
        .map(|q| speaker_key(q.speaker.as_deref()))
        .collect();
    let tokens: Vec<Vec<String>> = quotes.iter().map(|q| sorted_tokens(&q.text)).collect();
    let mut sets = UnionFind::new(quotes.len());
    // Quotes reprinted word for word are one text: compare each distinct text (and speaker)
    // once. A corpus of wire copy holds the same quote hundreds of times.
    let mut first_of: FxHashMap<(String, Option<String>), usize> = FxHashMap::default();
    let mut distinct: Vec<usize> = Vec::new();
    for q in 0..quotes.len() {
        let key = (normalize::fold(&quotes[q].text), keys[q].clone());
        match first_of.get(&key) {
            Some(&f) => sets.union(f as u32, q as u32),
            None => {
                first_of.insert(key, q);
                distinct.push(q);
            }
        }
    }
    for (k, &a) in distinct.iter().enumerate() {
        for &b in &distinct[k + 1..] {
            if quotes[a].document == quotes[b].document
                || sets.find(a as u32) == sets.find(b as u32)
            {
                continue;
            }
            let same_speaker = keys[a].is_some() && keys[a] == keys[b];
            let need = if same_speaker {
                SAME_SPEAKER_SIMILARITY
            } else {
                SIMILARITY
            };
            // The tokens in common, in any order, bound the diff's similarity from above; the
            // bound is cheap, the diff is not.
            // (The diff's ratio is an f32: allow for its rounding.)
            if common_share(&tokens[a], &tokens[b]) + 1e-6 < need {
                continue;
            }
            if similarity(&quotes[a].text, &quotes[b].text) >= need {
                sets.union(a as u32, b as u32);
            }
        }
    }
    let mut out: Vec<QuoteVariants> = sets
        .groups()
        .into_iter()
        .filter(|members| {
            // A quote repeated within one article is not a variant across sources.
            members
                .iter()
                .any(|&q| quotes[q as usize].document != quotes[members[0] as usize].document)
        })
        .map(|members| {
            let members: Vec<usize> = members.into_iter().map(|q| q as usize).collect();
            let group: Vec<QuotedBy> = members.iter().map(|&q| quotes[q].clone()).collect();
            // One diff per distinct wording: reprints of the first wording need none.
            let mut seen: FxHashSet<String> = FxHashSet::default();
            seen.insert(normalize::fold(&group[0].text));
            let diffs: Vec<QuoteDiff> = (1..group.len())
                .filter(|&k| seen.insert(normalize::fold(&group[k].text)))
                .map(|k| QuoteDiff {
                    from: 0,
                    to: k,
                    similarity: similarity(&group[0].text, &group[k].text),
                    parts: diff(&group[0].text, &group[k].text),
                })
                .collect();
            let speakers: FxHashSet<Option<String>> =
                members.iter().map(|&q| keys[q].clone()).collect();
            let known: Vec<&Option<String>> = speakers.iter().filter(|s| s.is_some()).collect();
            let same_words = diffs.iter().all(|d| d.similarity >= IDENTICAL);
            // (Identical reprints have no diff at all, and count as the same words.)
            let kind = if known.len() > 1 {
                VariantKind::SpeakerDiffers
            } else if same_words {
                VariantKind::Identical
            } else {
                VariantKind::WordingDiffers
            };
            QuoteVariants {
                kind,
                quotes: group,
                diffs,
            }
        })
        .collect();
    out.sort_by(|x, y| {
        x.kind.cmp(&y.kind).then_with(|| {
            (&x.quotes[0].document, x.quotes[0].line)
                .cmp(&(&y.quotes[0].document, y.quotes[0].line))
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_keep_every_word_once() {
        let parts = diff(
            "Nous apprécions grandement le soutien",
            "Nous apprécions beaucoup votre soutien",
        );
        let old: String = parts
            .iter()
            .filter(|p| p.tag != DiffTag::Added)
            .map(|p| p.text.as_str())
            .collect();
        let new: String = parts
            .iter()
            .filter(|p| p.tag != DiffTag::Removed)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(old, "Nous apprécions grandement le soutien");
        assert_eq!(new, "Nous apprécions beaucoup votre soutien");
        assert!(
            parts
                .iter()
                .any(|p| p.tag == DiffTag::Removed && p.text.contains("grandement"))
        );
    }

    #[test]
    fn the_cheap_bound_never_undershoots_the_diff() {
        let texts = [
            "Nous apprécions grandement le soutien ferme de la Corée du Nord",
            "Nous apprécions beaucoup votre soutien systématique et permanent",
            "Le soutien de la Corée du Nord, nous l'apprécions grandement",
            "  Nous  ne reculerons pas\n sur l'âge légal de départ ",
            "Nous ne reculerons jamais sur l'âge légal de départ",
            "",
        ];
        for a in texts {
            for b in texts {
                let bound = common_share(&sorted_tokens(a), &sorted_tokens(b));
                assert!(
                    bound + 1e-6 >= similarity(a, b),
                    "{a:?} / {b:?}: {bound} < {}",
                    similarity(a, b)
                );
            }
        }
    }

    #[test]
    fn speakers_compare_by_last_name() {
        assert_eq!(
            speaker_key(Some("Vladimir Poutine")),
            speaker_key(Some("M. Poutine"))
        );
        assert_ne!(
            speaker_key(Some("Kim Jong-un")),
            speaker_key(Some("Vladimir Poutine"))
        );
        assert_eq!(speaker_key(None), None);
    }
}
