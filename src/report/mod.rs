//! Results as data ([`Scan`], serialisable) and their renderings. One module per output format.

pub mod analysis;
pub mod annotations;
pub mod claims;
pub mod documents;
pub mod escape;
pub mod gate;
pub mod heading;
pub mod html;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod summary;
pub mod words;

use serde::Serialize;

pub use crate::corpus::DocumentInfo;
use crate::corpus::{Catalog, Diagnostic};
use crate::dedup::{Dedup, DedupParams};

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

impl Scan {
    pub fn new(corpus: Catalog, parameters: DedupParams, dedup: Dedup) -> Self {
        Scan {
            schema: SCHEMA,
            version: env!("CARGO_PKG_VERSION"),
            parameters,
            corpus: CorpusSummary {
                skipped: corpus.skipped(),
                documents: corpus.documents,
                bytes: corpus.bytes,
                diagnostics: corpus.diagnostics,
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

    /// The JSON of [`Scan::to_json`], written as it is produced: a million documents' entries
    /// need not be held as one string.
    pub fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self).map_err(std::io::Error::other)?;
        out.write_all(b"\n")
    }
}
