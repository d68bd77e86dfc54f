//! Whether two articles report one event: the names they share. A week of news holds several
//! storms, fires and strikes told in the same words (`la tempête a privé d'électricité 80 000
//! foyers`); what tells one storm's articles from another's is the storm's name, the towns, the
//! people, not the sentence.
//!
//! Only names that more than one article gives count (the event's names; a name one article
//! alone gives says nothing about which event another tells), unweighted: in a corpus of one
//! event its main names are in every article, so a rarity weight would make them count least
//! where they matter most (measured on the dev set: weighting by rarity parted a third of its
//! same-event pairs; this measure, 2 %). A name is shared evidence only if the articles naming
//! it within the event window otherwise share names too: `place de la République` or
//! `Canadair` are named in the articles of many events of a week that have nothing else in
//! common, and sharing one of them makes two strikes one no more than sharing `France` does;
//! a town's name is one event's within a week, not within a year.

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

/// The event names of every document.
pub struct Affinity {
    /// Entity groups each document names that another document names too, sorted.
    names: Vec<Vec<usize>>,
    /// Whether each group is named across events (see the module's comment).
    generic: Vec<bool>,
}

/// Least share of the names of the article naming fewer that the other names too, for their
/// claims to be compared: articles of one event share their main names; articles of two events
/// share none, or a common one among many.
pub const SAME_EVENT: f64 = 0.1;

/// How many of the articles naming a name are looked at to tell whether it is generic, spread
/// evenly over all of them (the first ones may all be one event's), each with this many
/// partners spread over the articles of its window.
const SAMPLE: usize = 32;
const PARTNERS: usize = 8;

/// A name is generic when fewer than this share of the pairs of its sampled articles share
/// another name.
const COHERENT: f64 = 0.1;

/// Fewest pairs of articles that tell whether a name is generic.
const MIN_PAIRS: usize = 6;

impl Affinity {
    /// `groups[d]`: the sorted, distinct entity groups document `d` names; `published[d]`
    /// its date. Whether a name is generic is judged among articles published within
    /// `window_days` of each other: a town's name is one event's in a week, not in a year.
    pub fn new(groups: &[Vec<usize>], published: &[Option<NaiveDate>], window_days: i64) -> Self {
        let count = groups.iter().flatten().max().map_or(0, |&g| g + 1);
        let mut naming = vec![0u32; count];
        for &g in groups.iter().flatten() {
            naming[g] += 1;
        }
        let names: Vec<Vec<usize>> = groups
            .iter()
            .map(|gs| gs.iter().copied().filter(|&g| naming[g] >= 2).collect())
            .collect();
        // Articles naming each name, with something else named too (only they can show that
        // they share nothing else: a name that is all its articles name is their event's),
        // by date; undated ones first, taken as of any date.
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); count];
        for (d, gs) in names.iter().enumerate() {
            if gs.len() > 1 {
                for &g in gs {
                    postings[g].push(d as u32);
                }
            }
        }
        let day = |d: u32| published[d as usize].map(|p| p.num_days_from_ce());
        for docs in &mut postings {
            docs.sort_by_key(|&d| (day(d), d));
        }
        // Whether the sampled pairs of articles naming `g` seldom share another name that
        // `counts`.
        let seldom = |g: usize, counts: &(dyn Fn(usize) -> bool + Sync)| {
            let docs = &postings[g];
            let (mut pairs, mut coherent) = (0usize, 0usize);
            let step = docs.len().div_ceil(SAMPLE).max(1);
            let undated = docs.partition_point(|&d| day(d).is_none());
            for i in (0..docs.len()).step_by(step) {
                // Partners spread over the dated articles published within the window (over
                // all for an undated one).
                let (lo, hi) = match day(docs[i]) {
                    None => (0, docs.len()),
                    Some(x) => {
                        let near = |d: u32| {
                            day(d).is_some_and(|y| i64::from((x - y).abs()) <= window_days)
                        };
                        let lo = undated + docs[undated..i].partition_point(|&d| !near(d));
                        (lo, i + 1 + docs[i + 1..].partition_point(|&d| near(d)))
                    }
                };
                let stride = (hi - lo).div_ceil(PARTNERS).max(1);
                for j in (lo..hi).step_by(stride).filter(|&j| j != i) {
                    pairs += 1;
                    let (a, b) = (&names[docs[i] as usize], &names[docs[j] as usize]);
                    coherent += usize::from(shared(a, b, |h| h != g && counts(h)) > 0);
                }
            }
            pairs >= MIN_PAIRS && (coherent as f64) < COHERENT * pairs as f64
        };
        // Two generic names named together (a union and the square its marches leave from)
        // would each make the other's articles look alike: only names no more common than the
        // one judged count as shared. (Judging again with only the names found specific was
        // tried: in a corpus of one event it found its main name generic, its other names
        // being rarer and all judged generic first.)
        let generic = (0..count)
            .into_par_iter()
            .map(|g| seldom(g, &|h| naming[h] <= naming[g]))
            .collect();
        Affinity { names, generic }
    }

    /// The share (0–1) of the event names of the document naming fewer that the other names
    /// too, generic names not counted as shared; `None` when either names none (nothing to
    /// tell events apart by).
    pub fn of(&self, a: usize, b: usize) -> Option<f64> {
        let (x, y) = (&self.names[a], &self.names[b]);
        let fewer = x.len().min(y.len());
        if fewer == 0 {
            return None;
        }
        Some(shared(x, y, |g| !self.generic[g]) as f64 / fewer as f64)
    }

    /// Whether the claims of `a` and `b` may state one fact: they share enough of their event
    /// names, or one of them names none.
    pub fn same_event(&self, a: usize, b: usize) -> bool {
        self.of(a, b).is_none_or(|x| x >= SAME_EVENT)
    }
}

/// How many of the groups both sorted lists hold pass `counts`.
fn shared(x: &[usize], y: &[usize], counts: impl Fn(usize) -> bool) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += usize::from(counts(x[i]));
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
    fn articles_of_two_events_share_none_of_their_names() {
        // 0–1 are one storm's names (two articles each), 2–3 another's; 4 and 5 are named
        // once.
        let groups = vec![
            vec![0, 1, 4],
            vec![0, 1],
            vec![2, 3],
            vec![2, 3],
            vec![5],
            vec![],
        ];
        let affinity = Affinity::new(&groups, &vec![None; groups.len()], 7);
        assert!(affinity.same_event(0, 1));
        assert!(affinity.same_event(2, 3));
        assert_eq!(affinity.of(1, 2), Some(0.0));
        assert!(!affinity.same_event(0, 2));
        // A name given once is no event name; nothing names none.
        assert_eq!(affinity.of(0, 4), None);
        assert_eq!(affinity.of(0, 5), None);
        assert!(affinity.same_event(0, 5));
    }

    #[test]
    fn a_name_every_event_gives_is_no_shared_event() {
        // Group 99 (a square of every town) is named by articles of ten events that share
        // nothing else; each event's two articles share its town (0–9).
        let groups: Vec<Vec<usize>> = (0..20).map(|d| vec![d / 2, 99]).collect();
        let affinity = Affinity::new(&groups, &vec![None; groups.len()], 7);
        assert!(affinity.same_event(0, 1));
        assert!(affinity.same_event(6, 7));
        assert!(!affinity.same_event(1, 2), "{:?}", affinity.of(1, 2));
        // In a corpus of one event its name in every article is that event's.
        let one = vec![vec![0, 9], vec![0, 9], vec![0, 4, 9], vec![0, 4]];
        let affinity = Affinity::new(&one, &[None; 4], 7);
        assert!(affinity.same_event(0, 3) && affinity.same_event(1, 2));
    }
}
