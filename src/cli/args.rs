//! Arguments, as clap derive structs shared by the subcommands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use recoupe::compare::CompareParams;
use recoupe::corpus::{Format, JsonlFields, LoadOptions};
use recoupe::dedup::{Banding, DedupParams, Shingling};
use recoupe::synth::GenParams;

#[derive(Parser, Debug)]
#[command(
    name = "recoupe",
    version,
    about = "Find near-duplicate news articles and check whether sources agree on the facts.",
    after_help = "Exit codes: 0 success, 1 a gate threshold tripped, 2 usage, input or I/O error."
)]
pub struct Cli {
    /// Worker threads (default: one per core). Results do not depend on it.
    #[arg(long, global = true, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// No progress bars and no warnings on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Find near-duplicate articles, their clusters and the passages they share.
    Scan(Box<ScanArgs>),
    /// Extract the checkable facts of each article: figures, dates, durations, quotes, names.
    Claims(Box<ClaimsArgs>),
    /// The fact-checker's report: near-duplicates, claims compared across sources, quotes and
    /// names, as Markdown (default `reports/<name>.md`) or JSON
    Report(Box<ReportArgs>),
    /// Write a synthetic corpus with known duplicate clusters as JSON Lines.
    Gen(GenArgs),
}

#[derive(Args, Debug)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Treat any input problem (bad line, binary file, duplicate id, …) as an error.
    #[arg(long)]
    pub strict: bool,
    /// Format of standard input and of files with an unknown extension (default: guessed).
    #[arg(long, value_enum)]
    pub input_format: Option<Format>,
    /// JSON Lines field holding the document id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// JSON Lines field holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// JSON Lines field holding the title.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_field: String,
    /// JSON Lines field holding the outlet or author.
    #[arg(long, default_value = "source", value_name = "NAME")]
    pub source_field: String,
    /// JSON Lines field holding the URL.
    #[arg(long, default_value = "url", value_name = "NAME")]
    pub url_field: String,
    /// JSON Lines field holding the publication date.
    #[arg(long, default_value = "published", value_name = "NAME")]
    pub published_field: String,
    /// JSON Lines field holding the language code.
    #[arg(long, default_value = "lang", value_name = "NAME")]
    pub lang_field: String,
}

impl InputArgs {
    pub fn options(&self) -> LoadOptions {
        LoadOptions {
            strict: self.strict,
            input_format: self.input_format,
            fields: JsonlFields {
                id: self.id_field.clone(),
                text: self.text_field.clone(),
                title: self.title_field.clone(),
                source: self.source_field.clone(),
                url: self.url_field.clone(),
                published: self.published_field.clone(),
                lang: self.lang_field.clone(),
            },
        }
    }
}

#[derive(Args, Debug)]
pub struct DedupArgs {
    /// Jaccard similarity from which two articles are near-duplicates.
    #[arg(long, default_value_t = 0.5)]
    pub threshold: f64,
    /// Share of one article found in another from which it counts as reused.
    #[arg(long, default_value_t = 0.8)]
    pub containment: f64,
    /// Shingles: `words:N` (default words:5) or `chars:N`.
    #[arg(long, default_value = "words:5")]
    pub shingle: Shingling,
    /// MinHash permutations.
    #[arg(long, default_value_t = 128)]
    pub permutations: usize,
    /// Seed of the MinHash permutations.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Jaccard similarity the LSH bands are tuned for (default: low enough to find an article
    /// reused inside one three times longer).
    #[arg(long)]
    pub lsh_threshold: Option<f64>,
    /// LSH bands (with --rows; default: optimal for the LSH threshold).
    #[arg(long, requires = "rows")]
    pub bands: Option<usize>,
    /// LSH rows per band (with --bands).
    #[arg(long, requires = "bands")]
    pub rows: Option<usize>,
    /// Skip computing the shared passages of each pair.
    #[arg(long)]
    pub no_passages: bool,
}

impl DedupArgs {
    pub fn params(&self) -> anyhow::Result<DedupParams> {
        let params = DedupParams {
            shingling: self.shingle,
            permutations: self.permutations,
            seed: self.seed,
            threshold: self.threshold,
            containment: self.containment,
            lsh_threshold: self.lsh_threshold,
            banding: self
                .bands
                .zip(self.rows)
                .map(|(bands, rows)| Banding { bands, rows }),
            passages: !self.no_passages,
        };
        params.validate()?;
        Ok(params)
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dedup: DedupArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ScanFormat,
    /// Write to this file (replaced atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Pairs shown in the text summary.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
}

#[derive(Args, Debug)]
pub struct CompareArgs {
    /// Least similarity (0–1) of two claims' sentences for them to be one fact
    #[arg(long, default_value_t = CompareParams::default().link_threshold)]
    pub link_threshold: f64,
    /// Disjoint values joined by a weaker link than this are "needs review", not "conflict"
    #[arg(long, default_value_t = CompareParams::default().review_below)]
    pub review_below: f64,
    /// Articles published further apart than this many days report different events
    #[arg(long, default_value_t = CompareParams::default().event_window_days)]
    pub event_window_days: i64,
}

impl CompareArgs {
    pub fn params(&self) -> anyhow::Result<CompareParams> {
        let params = CompareParams {
            link_threshold: self.link_threshold,
            review_below: self.review_below,
            event_window_days: self.event_window_days,
        };
        params.validate()?;
        Ok(params)
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Json,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dedup: DedupArgs,
    #[command(flatten)]
    pub compare: CompareArgs,
    /// Markdown for people, JSON (schema recoupe.report/1) for programs
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ReportFormat,
    /// Where to write (replaced atomically); `-` for standard output. Default:
    /// `reports/<name>.md` (or `.json`), where <name> is the first input's name
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ScanFormat,
    /// Write to this file (replaced atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct GenArgs {
    /// Number of documents.
    #[arg(long, short = 'n', default_value_t = 1000)]
    pub documents: usize,
    /// Share of documents that are edited copies of another.
    #[arg(long, default_value_t = 0.3)]
    pub duplicate_rate: f64,
    /// Mean words per original article.
    #[arg(long, default_value_t = 600)]
    pub mean_words: usize,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Write to this file (replaced atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

impl GenArgs {
    pub fn params(&self) -> GenParams {
        GenParams {
            documents: self.documents,
            duplicate_rate: self.duplicate_rate.clamp(0.0, 1.0),
            seed: self.seed,
            mean_words: self.mean_words.max(30),
        }
    }
}
