//! Cross-source comparison: which claims of different articles state the same fact (slots), and
//! whether the sources agree on it (verdicts); quotes reworded or re-attributed across sources;
//! names spelled differently.

pub mod affinity;
pub mod bulletin;
pub mod context;
pub mod frame;
pub mod quotes;
pub mod slots;
pub mod sources;
pub mod verdict;

use serde::Serialize;

use crate::claims::{EntityGroup, Extraction};
use crate::corpus::Document;
use crate::error::{Error, Result};

pub use quotes::QuoteVariants;
pub use slots::{Slot, SlotClaim};
pub use sources::Copies;
pub use verdict::{Verdict, VerdictKind};

/// The thresholds of the comparison, echoed in every report.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct CompareParams {
    /// Least context similarity (0–1) for two claims to be taken as one fact.
    pub link_threshold: f64,
    /// Slots whose weakest link is below this are "needs review" rather than "conflict".
    pub review_below: f64,
    /// Articles published further apart than this many days are taken to report different
    /// events, and their claims are not compared.
    pub event_window_days: i64,
}

impl Default for CompareParams {
    fn default() -> Self {
        CompareParams {
            link_threshold: 0.15,
            review_below: 0.45,
            event_window_days: 7,
        }
    }
}

impl CompareParams {
    /// The command-line flags that give these parameters.
    pub fn flags(&self) -> String {
        format!(
            "--link-threshold {} --review-below {} --event-window-days {}",
            self.link_threshold, self.review_below, self.event_window_days
        )
    }

    pub fn validate(&self) -> Result<()> {
        let unit = |name: &'static str, v: f64| {
            if (0.0..=1.0).contains(&v) {
                Ok(())
            } else {
                Err(Error::Parameter {
                    name,
                    message: format!("must be between 0 and 1, not {v}"),
                })
            }
        };
        unit("link-threshold", self.link_threshold)?;
        unit("review-below", self.review_below)?;
        if self.event_window_days < 0 {
            return Err(Error::Parameter {
                name: "event-window-days",
                message: format!("must be zero or more, not {}", self.event_window_days),
            });
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Most severe verdict first.
    pub slots: Vec<Slot>,
    pub quote_variants: Vec<QuoteVariants>,
    /// Names written more than one way, or with near-misses kept apart.
    pub entity_variants: Vec<EntityGroup>,
}

/// Compares the claims of `docs` (as extracted into `extraction`) across sources, every
/// document a source of its own.
pub fn compare(
    docs: &[Document],
    extraction: &Extraction,
    params: &CompareParams,
) -> Result<Comparison> {
    compare_with(docs, extraction, params, &Copies::default())
}

/// As [`compare`], with the documents that are copies of one text (see [`sources`]).
pub fn compare_with(
    docs: &[Document],
    extraction: &Extraction,
    params: &CompareParams,
    copies: &Copies,
) -> Result<Comparison> {
    compare_progress(docs, extraction, params, copies, &())
}

/// As [`compare_with`], telling `progress` of each pair of documents compared (stage
/// `comparing`).
pub fn compare_progress(
    docs: &[Document],
    extraction: &Extraction,
    params: &CompareParams,
    copies: &Copies,
    progress: &dyn crate::Progress,
) -> Result<Comparison> {
    params.validate()?;
    Ok(Comparison {
        slots: slots::build(docs, extraction, params, copies, progress),
        quote_variants: quotes::variants(extraction),
        entity_variants: extraction
            .entities
            .iter()
            .filter(|g| g.variants.len() > 1 || !g.kept_apart.is_empty())
            .cloned()
            .collect(),
    })
}
