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
//! it otherwise share names too: `place de la République` or `Canadair` are named in the
//! articles of many events that have nothing else in common, and sharing one of them makes
//! two strikes one no more than sharing `France` does.

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
/// evenly over all of them (the first ones may all be one event's).
const SAMPLE: usize = 32;

/// A name is generic when fewer than this share of the pairs of its sampled articles share
/// another name.
const COHERENT: f64 = 0.1;

/// Fewest pairs of articles that tell whether a name is generic (four articles).
const MIN_PAIRS: usize = 6;

impl Affinity {
    /// `groups[d]`: the sorted, distinct entity groups document `d` names.
    pub fn new(groups: &[Vec<usize>]) -> Self {
        let count = groups.iter().flatten().max().map_or(0, |&g| g + 1);
        let mut naming = vec![0u32; count];
        for &g in groups.iter().flatten() {
            naming[g] += 1;
        }
        let names: Vec<Vec<usize>> = groups
            .iter()
            .map(|gs| gs.iter().copied().filter(|&g| naming[g] >= 2).collect())
            .collect();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); count];
        for (d, gs) in names.iter().enumerate() {
            for &g in gs {
                postings[g].push(d as u32);
            }
        }
        let generic = postings
            .iter()
            .enumerate()
            .map(|(g, all)| {
                let step = all.len().div_ceil(SAMPLE).max(1);
                let docs: Vec<u32> = all.iter().copied().step_by(step).collect();
                // Only articles that name something else can show that they share nothing
                // else: a name that is all its articles name is their event's.
                let others: Vec<&[usize]> = docs
                    .iter()
                    .map(|&d| names[d as usize].as_slice())
                    .filter(|n| n.len() > 1)
                    .collect();
                let (mut pairs, mut coherent) = (0usize, 0usize);
                for (i, a) in others.iter().enumerate() {
                    for b in &others[i + 1..] {
                        pairs += 1;
                        coherent += usize::from(shared(a, b, |h| h != g) > 0);
                    }
                }
                pairs >= MIN_PAIRS && (coherent as f64) < COHERENT * pairs as f64
            })
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
        let affinity = Affinity::new(&groups);
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
        let affinity = Affinity::new(&groups);
        assert!(affinity.same_event(0, 1));
        assert!(affinity.same_event(6, 7));
        assert!(!affinity.same_event(1, 2), "{:?}", affinity.of(1, 2));
        // In a corpus of one event its name in every article is that event's.
        let one = vec![vec![0, 9], vec![0, 9], vec![0, 9, 4], vec![0, 4]];
        let affinity = Affinity::new(&one);
        assert!(affinity.same_event(0, 3) && affinity.same_event(1, 2));
    }
}
