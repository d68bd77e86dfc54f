//! Sources: documents that are copies of one text (a wire dispatch republished whole or
//! lightly edited, as near-duplicate detection finds them) are one source. Counting them as
//! several would make a scraped copy "agree" with its original; and a figure that differs
//! between two copies of one text is a reprint that changed it, the clearest conflict there is.

use rustc_hash::FxHashMap;

/// Pairs of documents (by id) that are copies of one text.
#[derive(Debug, Clone, Default)]
pub struct Copies {
    pairs: Vec<(String, String)>,
}

impl Copies {
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        Copies {
            pairs: pairs.into_iter().collect(),
        }
    }

    /// The copies among verified pairs: near-duplicates and reuse, not documents that only
    /// share passages (a rewrite around an agency's quotes is another source).
    pub fn of_pairs(pairs: &[crate::dedup::Pair]) -> Self {
        Copies::new(
            pairs
                .iter()
                .filter(|p| p.relation != crate::dedup::Relation::SharedPassages)
                .map(|p| (p.a.clone(), p.b.clone())),
        )
    }

    /// The source of each document of `ids`: equal for documents linked by copies (directly or
    /// through others), numbered in the order of `ids` so that the result does not depend on
    /// the order of the pairs.
    pub fn sources(&self, ids: &[&str]) -> Vec<usize> {
        let index: FxHashMap<&str, usize> = ids.iter().enumerate().map(|(k, &d)| (d, k)).collect();
        let mut parent: Vec<usize> = (0..ids.len()).collect();
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for (a, b) in &self.pairs {
            if let (Some(&x), Some(&y)) = (index.get(a.as_str()), index.get(b.as_str())) {
                let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
                // The smaller index is the root: the source is numbered by its first document.
                parent[rx.max(ry)] = rx.min(ry);
            }
        }
        (0..ids.len()).map(|k| root(&mut parent, k)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_of_copies_are_one_source() {
        let copies = Copies::new([
            ("c".to_string(), "a".to_string()),
            ("d".to_string(), "c".to_string()),
            ("x".to_string(), "unknown".to_string()),
        ]);
        assert_eq!(copies.sources(&["a", "b", "c", "d"]), [0, 1, 0, 0]);
        assert_eq!(Copies::default().sources(&["a", "b"]), [0, 1]);
    }
}
