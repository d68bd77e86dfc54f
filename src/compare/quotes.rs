//! Quote variants: one speaker quoted in different words by different sources, and the same
//! words put in different mouths. Each variant carries a word-level diff against the first
//! quote of its group, so a reader sees what changed.

use rustc_hash::FxHashSet;
use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::claims::{Extraction, entities};
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

fn words(text: &str) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    crate::text::tokenize::for_each_word(text, |_, w| {
        if w.chars().count() >= 4 {
            out.insert(normalize::fold(w));
        }
    });
    out
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
    let bags: Vec<FxHashSet<String>> = quotes.iter().map(|q| words(&q.text)).collect();
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for a in 0..quotes.len() {
        for b in a + 1..quotes.len() {
            if quotes[a].document == quotes[b].document || bags[a].is_disjoint(&bags[b]) {
                continue;
            }
            let same_speaker = keys[a].is_some() && keys[a] == keys[b];
            let need = if same_speaker {
                SAME_SPEAKER_SIMILARITY
            } else {
                SIMILARITY
            };
            if similarity(&quotes[a].text, &quotes[b].text) >= need {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for q in 0..quotes.len() {
        let root = find(&mut parent, q);
        groups.entry(root).or_default().push(q);
    }
    let mut out: Vec<QuoteVariants> = groups
        .into_values()
        .filter(|members| members.len() > 1)
        .map(|members| {
            let group: Vec<QuotedBy> = members.iter().map(|&q| quotes[q].clone()).collect();
            let diffs: Vec<QuoteDiff> = (1..group.len())
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
