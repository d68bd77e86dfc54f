pub mod corpus;
pub mod dedup;
pub mod error;
pub mod text;

/// Progress of long stages, for a caller that wants to show it. The library never draws
/// anything itself; `()` ignores everything.
pub trait Progress: Sync {
    fn begin(&self, _stage: &'static str, _total: u64) {}
    fn advance(&self, _n: u64) {}
    fn end(&self) {}
}

impl Progress for () {}
pub mod report;
pub mod synth;
