//! How two documents are related by the text they share. Real republication is partial: a site
//! runs the lede and two paragraphs of a wire dispatch, another rewrites around its quotes, an
//! aggregator keeps whole sentences of it. Such pairs have a word 5-gram Jaccard of 0.2–0.45 and
//! a containment of 0.35–0.65, far below a near-duplicate's, yet a reader sees one text in both.
//! Measured on the development set of real news (`../shared/devset/`, `score.py`): its eight
//! pairs of one republished text reach Jaccard ≥ 0.25 and containment ≥ 0.41 with at least 66
//! shared 5-grams, while articles that only tell the same story stay under Jaccard 0.08,
//! containment 0.14 and 35 shared 5-grams (pairs that reuse one agency's sentences without being
//! one text sit between, at containment 0.18–0.40).

use serde::Serialize;

/// What a verified pair is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same text, lightly edited: Jaccard at the threshold.
    NearDuplicate,
    /// One text inside the other: containment at its threshold.
    Reuse,
    /// Passages of one text in the other, whatever their overall similarity: containment of
    /// [`DEFAULT_PASSAGE_SHARE`] and [`MIN_SHARED_SHINGLES`] shingles in common.
    SharedPassages,
}

/// Default least share of either document's shingles found in the other for the pair to
/// share passages: between the 0.40 of text-sharing pairs and the 0.41 of one text republished,
/// with a margin of 0.2 over unrelated reports of one story (0.14).
pub const DEFAULT_PASSAGE_SHARE: f64 = 0.35;

/// Jaccard similarity the LSH banding is tuned for when shared passages are looked for: the
/// text-sharing pairs of the development set go down to 0.25, and their MinHash estimate to
/// 0.24, where banding tuned for 0.25 finds a pair nine times in ten. Tuned for 0.2 (56 bands
/// of 2 rows instead of 35), it finds them 97 times in a hundred, and on 10,000 generated
/// articles (`recoupe gen -n 10000 --seed 7`, `scan --no-passages`) took 0.59–0.69 s against
/// 0.61–0.62 s, with cluster-pair F1 0.9984 against 0.9976.
pub const LSH_THRESHOLD: f64 = 0.2;

/// Least number of shingles two documents share to share passages: with 5-word shingles, 40
/// words in runs (a paragraph), so that two short briefs sharing a title do not qualify.
pub const MIN_SHARED_SHINGLES: usize = 40;

/// The relation of a pair from its exact figures, if any: `share` is the least containment for
/// shared passages (`None`: not looked for).
pub fn relation(
    jaccard: f64,
    containment: (f64, f64),
    sizes: (usize, usize),
    shared: usize,
    params: &super::DedupParams,
) -> Option<Relation> {
    let long_enough = |n: usize| n >= super::MIN_CONTAINED_SHINGLES;
    let (ca, cb) = containment;
    if jaccard >= params.threshold {
        return Some(Relation::NearDuplicate);
    }
    if (ca >= params.containment && long_enough(sizes.0))
        || (cb >= params.containment && long_enough(sizes.1))
    {
        return Some(Relation::Reuse);
    }
    let share = params.passage_share?;
    (shared >= MIN_SHARED_SHINGLES && ca.max(cb) >= share).then_some(Relation::SharedPassages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_from_the_strongest_down() {
        let p = super::super::DedupParams::default();
        assert_eq!(
            relation(0.9, (0.95, 0.95), (200, 200), 190, &p),
            Some(Relation::NearDuplicate)
        );
        assert_eq!(
            relation(0.3, (0.9, 0.3), (60, 180), 54, &p),
            Some(Relation::Reuse)
        );
        // A third of a dispatch kept in a rewrite.
        assert_eq!(
            relation(0.25, (0.41, 0.39), (300, 320), 125, &p),
            Some(Relation::SharedPassages)
        );
        // Two briefs that share a title: too few shingles.
        assert_eq!(relation(0.3, (0.5, 0.5), (40, 40), 20, &p), None);
        // Two reports of one story.
        assert_eq!(relation(0.07, (0.14, 0.13), (300, 300), 35, &p), None);
        let off = super::super::DedupParams {
            passage_share: None,
            ..p
        };
        assert_eq!(relation(0.25, (0.41, 0.39), (300, 320), 125, &off), None);
    }
}
