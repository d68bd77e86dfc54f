//! # recoupe
//!
//! Finds near-duplicate news articles and the passages they share. The pipeline, one module per
//! stage: [`corpus`] reads articles → [`text`] normalises, segments and marks boilerplate →
//! [`dedup`] shingles, signs (MinHash), bands (LSH), verifies, clusters and aligns →
//! [`report`] renders the result. The library never prints and never exits; errors name the
//! file, line or parameter concerned.
//!
//! ```
//! use recoupe::corpus::{self, LoadOptions};
//! use recoupe::dedup::{self, DedupParams};
//!
//! let dir = tempfile::tempdir()?;
//! let story = "Le président russe est arrivé à Pyongyang ce mercredi pour un sommet \
//!              bilatéral consacré à la coopération militaire entre les deux pays.";
//! std::fs::write(dir.path().join("a.txt"), story)?;
//! std::fs::write(dir.path().join("b.txt"), story.replace("ce mercredi", "mercredi"))?;
//! std::fs::write(dir.path().join("c.txt"), "Un tout autre sujet, sans rapport avec le sommet.")?;
//!
//! let corpus = corpus::load(&[dir.path().to_path_buf()], &LoadOptions::default())?;
//! let result = dedup::run(&corpus.documents, &DedupParams::default(), &())?;
//! assert_eq!(result.clusters.len(), 1);
//! assert_eq!(result.clusters[0].members, ["a", "b"]);
//! let pair = &result.pairs[0];
//! assert!(pair.jaccard > 0.5 && !pair.passages.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod claims;
pub mod cleanup;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod dedup;
pub mod error;
#[doc(hidden)]
pub mod fuzzing;
pub mod gate;
pub mod output;
pub mod report;
pub mod synth;
pub mod text;

/// Progress of long stages, for a caller that wants to show it. The library never draws
/// anything itself; `()` ignores everything.
pub trait Progress: Sync {
    fn begin(&self, _stage: &'static str, _total: u64) {}
    fn advance(&self, _n: u64) {}
    fn end(&self) {}
}

impl Progress for () {}
