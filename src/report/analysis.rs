//! The full analysis behind the fact-checker's report: the corpus, its near-duplicates, and the
//! cross-source comparison of its claims, with every parameter. Serialised as JSON under
//! [`SCHEMA`]; rendered as Markdown by [`super::markdown`].

use serde::Serialize;

use super::{CorpusSummary, Scan};
use crate::claims::Extraction;
use crate::compare::{CompareParams, Comparison};
use crate::corpus::Corpus;
use crate::dedup::{Dedup, DedupParams};

/// Version of the JSON layout; bumped on any change a consumer could notice.
/// Version 2: modifiers in snake case (`more_than`; version 1: `MORE_THAN`), and each
/// document's `first_line` in its file.
pub const SCHEMA: &str = "recoupe.report/2";

#[derive(Debug, Clone, Serialize)]
pub struct Parameters {
    pub dedup: DedupParams,
    pub compare: CompareParams,
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub schema: &'static str,
    pub version: &'static str,
    /// What the report is about: the name of the first input (`corpus` for `corpus/`).
    pub name: String,
    pub parameters: Parameters,
    pub corpus: CorpusSummary,
    pub dedup: Dedup,
    pub comparison: Comparison,
    /// Claims found per document, in corpus order.
    pub claims_per_document: Vec<usize>,
}

impl Analysis {
    pub fn new(
        name: String,
        corpus: &Corpus,
        dedup_params: DedupParams,
        dedup: Dedup,
        compare_params: CompareParams,
        extraction: &Extraction,
        comparison: Comparison,
    ) -> Self {
        let scan = Scan::new(corpus.into(), dedup_params.clone(), dedup);
        Analysis {
            schema: SCHEMA,
            version: env!("CARGO_PKG_VERSION"),
            name,
            parameters: Parameters {
                dedup: dedup_params,
                compare: compare_params,
            },
            corpus: scan.corpus,
            dedup: scan.dedup,
            comparison,
            claims_per_document: extraction
                .documents
                .iter()
                .map(|d| d.claims.len())
                .collect(),
        }
    }

    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialisation cannot fail.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The JSON of [`Analysis::to_json`], written as it is produced: at 100,000 articles it is
    /// 600 MB, which need not be held as one string as well.
    pub fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self).map_err(std::io::Error::other)?;
        out.write_all(b"\n")
    }
}
