//! Results as data ([`Scan`], serialisable) and their renderings. One module per output format.

pub mod analysis;
pub mod annotations;
pub mod claims;
pub mod gate;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod summary;

use serde::Serialize;

use crate::corpus::{Corpus, Diagnostic, Document};
use crate::dedup::{Dedup, DedupParams};
use crate::error::Location;

/// Version of the JSON layout; bumped on any change a consumer could notice.
pub const SCHEMA: &str = "recoupe.scan/1";

/// Everything a scan found, with the parameters that reproduce it.
#[derive(Debug, Clone, Serialize)]
pub struct Scan {
    pub schema: &'static str,
    pub version: &'static str,
    pub parameters: DedupParams,
    pub corpus: CorpusSummary,
    pub dedup: Dedup,
}

#[derive(Debug, Clone, Serialize)]
pub struct CorpusSummary {
    pub documents: Vec<DocumentInfo>,
    /// Bytes of text read.
    pub bytes: u64,
    /// Documents left out (binary, malformed, empty, unreadable, unknown format).
    pub skipped: usize,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    pub origin: Location,
    /// Characters of text.
    pub chars: usize,
}

impl From<&Document> for DocumentInfo {
    fn from(d: &Document) -> Self {
        DocumentInfo {
            id: d.id.clone(),
            title: d.title.clone(),
            source: d.source.clone(),
            url: d.url.clone(),
            published: d.published,
            lang: d.lang.clone(),
            origin: d.origin.clone(),
            chars: d.text.chars().count(),
        }
    }
}

impl Scan {
    pub fn new(corpus: &Corpus, parameters: DedupParams, dedup: Dedup) -> Self {
        Scan {
            schema: SCHEMA,
            version: env!("CARGO_PKG_VERSION"),
            parameters,
            corpus: CorpusSummary {
                documents: corpus.documents.iter().map(DocumentInfo::from).collect(),
                bytes: corpus.bytes,
                skipped: corpus.skipped(),
                diagnostics: corpus.diagnostics.clone(),
            },
            dedup,
        }
    }

    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialisation cannot fail.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}
