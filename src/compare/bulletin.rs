//! The bulletin a running tally comes from. Two reports of one day that give different tolls
//! may quote two updates of a communiqué, or contradict each other; the values alone cannot
//! tell. What tells is the rest of the bulletin: two articles that both quote the same figures
//! of other measures (`2 012 morts et 2 059 blessés`) quote one communiqué, so where they then
//! differ on a figure of it (the deaths of one province, the seriously injured), one of them is
//! wrong.

use super::context::Context;
use crate::claims::{Claim, Value};

/// One exact tally figure a document states: what it measures, whose it is, and its value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Figure {
    pub measure: String,
    pub entity: Option<String>,
    /// The value's bits: figures match only when exactly equal.
    value: u64,
}

/// The exact tally figures of one document, sorted.
#[derive(Debug, Clone, PartialEq)]
pub struct Bulletin(Vec<Figure>);

/// Figures below this are too common to identify a communiqué (`deux morts`, `trois blessés`).
const DISTINCTIVE: f64 = 10.0;

impl Bulletin {
    pub const fn empty() -> Self {
        Bulletin(Vec::new())
    }

    /// The bulletin figures among a document's claims and their contexts.
    pub fn of(claims: &[Claim], contexts: &[Context]) -> Self {
        let mut figures: Vec<Figure> = claims
            .iter()
            .zip(contexts)
            .filter(|(_, c)| c.tally)
            .filter_map(|(claim, c)| {
                let Value::Quantity { range, .. } = &claim.value else {
                    return None;
                };
                let v = range
                    .lo
                    .filter(|&v| range.hi == Some(v) && v >= DISTINCTIVE)?;
                Some(Figure {
                    measure: c.frame.measure.clone()?,
                    entity: c.frame.entity.as_deref().map(crate::claims::entities::key),
                    value: v.to_bits(),
                })
            })
            .collect();
        figures.sort_unstable();
        figures.dedup();
        Bulletin(figures)
    }

    /// Whether `self` and `other` state one figure alike beyond the fact being compared (its
    /// measure and entity): the sign that both quote one bulletin.
    pub fn shares_beyond(&self, other: &Bulletin, measure: &str, entity: Option<&str>) -> bool {
        let entity = entity.map(crate::claims::entities::key);
        self.0.iter().any(|f| {
            (f.measure != measure || f.entity != entity) && other.0.binary_search(f).is_ok()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(measure: &str, entity: Option<&str>, v: f64) -> Figure {
        Figure {
            measure: measure.to_string(),
            entity: entity.map(crate::claims::entities::key),
            value: v.to_bits(),
        }
    }

    #[test]
    fn a_shared_figure_of_another_measure_or_place_marks_one_bulletin() {
        let a = Bulletin(vec![
            figure("blessés", None, 2059.0),
            figure("morts", None, 2012.0),
            figure("morts", Some("Tiznit"), 1200.0),
        ]);
        let mut b = Bulletin(vec![
            figure("morts", None, 2012.0),
            figure("morts", Some("Tiznit"), 900.0),
        ]);
        b.0.sort_unstable();
        // The province's deaths differ; the national toll is shared: one bulletin.
        assert!(a.shares_beyond(&b, "morts", Some("Tiznit")));
        // The national toll itself is what is compared: sharing it proves nothing more.
        assert!(!a.shares_beyond(
            &Bulletin(vec![figure("morts", None, 2012.0)]),
            "morts",
            None
        ));
        assert!(!a.shares_beyond(&Bulletin::empty(), "morts", None));
    }
}
