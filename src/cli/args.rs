//! Arguments, as clap derive structs shared by the subcommands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use recoupe::compare::CompareParams;
use recoupe::config::{ReportSettings, ScanSettings};
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
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also say on stderr which `recoupe.toml` is used and the parameters it led to.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// Read settings from this file instead of the `recoupe.toml` found from the current
    /// directory up to the repository's root.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any `recoupe.toml`.
    #[arg(long, global = true)]
    pub no_config: bool,
    /// Colour on stderr and in the gate's text: `auto` (on a terminal, unless NO_COLOR is set),
    /// `always` or `never`.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Find near-duplicate articles, their clusters and the passages they share.
    #[command(after_help = SCAN_EXAMPLES)]
    Scan(Box<ScanArgs>),
    /// Extract the checkable facts of each article: figures, dates, durations, quotes, names.
    #[command(after_help = CLAIMS_EXAMPLES)]
    Claims(Box<ClaimsArgs>),
    /// The fact-checker's report: near-duplicates, claims compared across sources, quotes and
    /// names, as Markdown or JSON on standard output (or in `-o FILE`)
    #[command(after_help = REPORT_EXAMPLES)]
    Report(Box<ReportArgs>),
    /// Fail a CI build on near-duplicates or conflicting facts: exit 0 pass, 1 a threshold
    /// tripped, 2 usage or input error. Thresholds from flags, else `recoupe.toml`, else defaults
    #[command(after_help = GATE_EXAMPLES)]
    Gate(Box<GateArgs>),
    /// Build or grow a signature index of a reference corpus, for `gate --against`
    #[command(subcommand, after_help = INDEX_EXAMPLES)]
    Index(IndexCommand),
    /// Write a synthetic corpus with known duplicate clusters as JSON Lines.
    #[command(after_help = GEN_EXAMPLES)]
    Gen(GenArgs),
    /// Print the completion script of a shell
    #[command(
        after_help = "Examples:\n  recoupe completions bash > ~/.local/share/bash-completion/completions/recoupe\n  recoupe completions zsh > ~/.zfunc/_recoupe\n  recoupe completions fish > ~/.config/fish/completions/recoupe.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    #[command(after_help = "Example:\n  recoupe man > recoupe.1 && man ./recoupe.1")]
    Man,
}

const SCAN_EXAMPLES: &str = "Examples:
  recoupe scan articles/                          # Markdown summary on standard output
  recoupe scan dump.jsonl --format json -o scan.json
  recoupe scan articles/ --jaccard 0.7 --shingle chars:7";

const CLAIMS_EXAMPLES: &str = "Examples:
  recoupe claims article.md                       # the facts of one article, as Markdown
  recoupe claims corpus/ --format json | jq '.documents[0].claims'";

const REPORT_EXAMPLES: &str = "Examples:
  recoupe report corpus/ -o report.md             # the fact-checker's report
  recoupe report corpus/ --format json -o report.json
  cat dump.jsonl | recoupe report - --input-format jsonl > report.md";

const GATE_EXAMPLES: &str = "Examples:
  recoupe gate drafts/                            # exit 1 on a near-duplicate or a conflict
  recoupe gate drafts/ --update-baseline          # accept what is there today
  recoupe gate drafts/ --against archive.idx --sarif gate.sarif
  recoupe gate drafts/ --max-conflicts off --containment 0.9";

const INDEX_EXAMPLES: &str = "Examples:
  recoupe index build archive/ -o archive.idx
  recoupe index add archive.idx new-articles/
  recoupe index info archive.idx";

const GEN_EXAMPLES: &str = "Examples:
  recoupe gen -n 10000 -o synthetic.jsonl
  recoupe gen --news -n 1000 -o news.jsonl --truth truth.jsonl";

#[derive(Args, Debug)]
#[command(next_help_heading = "Input")]
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
    /// Largest document (a file, or a JSON line) read; a larger one stops the run with an
    /// error naming it. Suffixes K, M, G (powers of 1024); 0 for no limit.
    #[arg(long, default_value = "64M", value_name = "BYTES")]
    pub max_doc_bytes: ByteSize,
    /// Most bytes read from all inputs together (standard input and pipes included, which are
    /// saved to a temporary file); 0 for no limit.
    #[arg(long, default_value = "16G", value_name = "BYTES")]
    pub max_input_bytes: ByteSize,
    /// Follow symbolic links under input directories that lead outside them (by default such
    /// links are skipped with a warning, so that `notes.txt -> /etc/passwd` is not read).
    #[arg(long)]
    pub follow_links: bool,
}

/// A size in bytes, as `65536`, `64K`, `64M`, `16G` or `1T` (powers of 1024; `KiB`, `MB`, …
/// accepted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl std::str::FromStr for ByteSize {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (number, unit) = t.split_at(digits);
        let number: u64 = number
            .parse()
            .map_err(|_| format!("{s:?} is not a size (examples: 0, 65536, 64M, 16G)"))?;
        let shift = match unit.trim().to_ascii_lowercase().as_str() {
            "" | "b" => 0,
            "k" | "kb" | "kib" => 10,
            "m" | "mb" | "mib" => 20,
            "g" | "gb" | "gib" => 30,
            "t" | "tb" | "tib" => 40,
            other => return Err(format!("unknown size unit {other:?} (use K, M, G or T)")),
        };
        number
            .checked_mul(1u64 << shift)
            .map(ByteSize)
            .ok_or_else(|| format!("{s:?} is too large"))
    }
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
            max_doc_bytes: self.max_doc_bytes.0,
            max_input_bytes: self.max_input_bytes.0,
            follow_links: self.follow_links,
        }
    }
}

#[derive(Args, Debug)]
#[command(next_help_heading = "Near-duplicates")]
pub struct DedupArgs {
    /// Jaccard similarity from which two articles are near-duplicates [default: 0.5]
    #[arg(long, alias = "threshold", value_name = "X")]
    pub jaccard: Option<f64>,
    /// Share of one article found in another from which it counts as reused [default: 0.8]
    #[arg(long, value_name = "X")]
    pub containment: Option<f64>,
    /// Share of one article found in another, in passages of a paragraph or more, from which
    /// the two share passages (partial republication, rewrites); `off` to not look for it
    /// [default: 0.35]
    #[arg(long, value_name = "X|off")]
    pub passage_share: Option<Setting<f64>>,
    #[command(flatten)]
    pub signing: SigningArgs,
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
    /// The parameters: flags, else the config's `[scan]`, else the defaults.
    pub fn params(&self, config: &ScanSettings) -> anyhow::Result<DedupParams> {
        let base = self.signing.apply(&config.apply(&DedupParams::default()));
        let params = DedupParams {
            threshold: self.jaccard.unwrap_or(base.threshold),
            containment: self.containment.unwrap_or(base.containment),
            passage_share: self.passage_share.map_or(base.passage_share, |s| s.0),
            lsh_threshold: self.lsh_threshold,
            banding: self
                .bands
                .zip(self.rows)
                .map(|(bands, rows)| Banding { bands, rows }),
            passages: !self.no_passages,
            passage_pairs: None,
            ..base
        };
        params.validate()?;
        Ok(params)
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanFormat {
    /// Markdown, for people
    #[value(alias = "text")]
    Markdown,
    /// JSON, for programs
    Json,
}

#[derive(Args, Debug)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dedup: DedupArgs,
    /// Output format.
    #[arg(help_heading = "Output", long, value_enum, default_value = "markdown")]
    pub format: ScanFormat,
    /// Write to this file (replaced atomically) instead of standard output (`-`).
    #[arg(help_heading = "Output", long, short)]
    pub output: Option<PathBuf>,
    /// Pairs shown in the Markdown summary.
    #[arg(help_heading = "Output", long, default_value_t = 20)]
    pub top: usize,
}

#[derive(Args, Debug)]
#[command(next_help_heading = "Claims")]
pub struct CompareArgs {
    /// Least similarity (0–1) of two claims' sentences for them to be one fact [default: 0.15]
    #[arg(long, value_name = "X")]
    pub link_threshold: Option<f64>,
    /// Disjoint values joined by a weaker link than this are "needs review", not "conflict"
    /// [default: 0.45]
    #[arg(long, value_name = "X")]
    pub review_below: Option<f64>,
    /// Articles published further apart than this many days report different events
    /// [default: 7]
    #[arg(long, value_name = "DAYS")]
    pub event_window_days: Option<i64>,
}

impl CompareArgs {
    /// The parameters: flags, else the config's `[report]`, else the defaults.
    pub fn params(&self, config: &ReportSettings) -> anyhow::Result<CompareParams> {
        let base = config.apply(&CompareParams::default());
        let params = CompareParams {
            link_threshold: self.link_threshold.unwrap_or(base.link_threshold),
            review_below: self.review_below.unwrap_or(base.review_below),
            event_window_days: self.event_window_days.unwrap_or(base.event_window_days),
        };
        params.validate()?;
        Ok(params)
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// Markdown, for people
    Markdown,
    /// JSON (schema recoupe.report/2), for programs
    Json,
    /// One self-contained HTML page: sources side by side, filters, reused passages' edits
    Html,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dedup: DedupArgs,
    #[command(flatten)]
    pub compare: CompareArgs,
    /// Output format.
    #[arg(help_heading = "Output", long, value_enum, default_value = "markdown")]
    pub format: ReportFormat,
    /// Write to this file (replaced atomically) instead of standard output (`-`).
    #[arg(help_heading = "Output", long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(help_heading = "Output", long, value_enum, default_value = "markdown")]
    pub format: ScanFormat,
    /// Write to this file (replaced atomically) instead of standard output (`-`).
    #[arg(help_heading = "Output", long, short)]
    pub output: Option<PathBuf>,
}

/// A threshold on the command line: a value, or `off` to turn its check off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setting<T>(pub Option<T>);

impl<T: std::str::FromStr> std::str::FromStr for Setting<T>
where
    T::Err: std::fmt::Display,
{
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.trim() == "off" {
            return Ok(Setting(None));
        }
        s.trim()
            .parse::<T>()
            .map(|v| Setting(Some(v)))
            .map_err(|e| format!("{e} (or `off`)"))
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateFormat {
    Text,
    Json,
    Sarif,
    Junit,
    /// GitHub Actions annotations (`::error file=…,line=…::…`)
    Github,
}

/// How documents become signatures; with an index, its own (given values must match it).
#[derive(Args, Debug)]
#[command(next_help_heading = "Signatures")]
pub struct SigningArgs {
    /// Shingles: `words:N` or `chars:N` [default: words:5]
    #[arg(long)]
    pub shingle: Option<Shingling>,
    /// MinHash permutations [default: 128]
    #[arg(long)]
    pub permutations: Option<usize>,
    /// Seed of the MinHash permutations [default: 1]
    #[arg(long)]
    pub seed: Option<u64>,
}

impl SigningArgs {
    pub fn apply(&self, base: &DedupParams) -> DedupParams {
        DedupParams {
            shingling: self.shingle.unwrap_or(base.shingling),
            permutations: self.permutations.unwrap_or(base.permutations),
            seed: self.seed.unwrap_or(base.seed),
            ..base.clone()
        }
    }
}

#[derive(Args, Debug)]
pub struct GateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Check only the documents of PATHS against these: texts, or one index file
    /// (`recoupe index build`). Pairs within PATHS, and the reference's facts, are not checked
    /// (repeat the flag for several)
    #[arg(long, value_name = "REFERENCE")]
    pub against: Vec<PathBuf>,
    /// Fail on a pair whose Jaccard similarity is above this (0–1, or `off`) [default: 0.5]
    #[arg(long = "jaccard", visible_alias = "max-jaccard", value_name = "X|off")]
    pub max_jaccard: Option<Setting<f64>>,
    /// Fail on a pair where more than this share of one document is found in the other (0–1,
    /// or `off`) [default: 0.8]
    #[arg(
        long = "containment",
        visible_alias = "max-containment",
        value_name = "X|off"
    )]
    pub max_containment: Option<Setting<f64>>,
    /// Fail when more documents than this are in near-duplicate pairs: a count (3), a share
    /// (5%), or `off` [default: off]
    #[arg(long, value_name = "N|N%|off")]
    pub max_duplicate_documents: Option<Setting<recoupe::gate::Limit>>,
    /// Fail when more slots than this have conflicting values (or `off`) [default: 0]
    #[arg(long, value_name = "N|off")]
    pub max_conflicts: Option<Setting<usize>>,
    /// Fail when more pairs of documents than this share passages (a paragraph or more of one
    /// found in the other, though they are no near-duplicates), or `off` [default: off]
    #[arg(long, value_name = "N|off")]
    pub max_shared_passages: Option<Setting<usize>>,
    /// Which verdicts count as conflicts: `conflict`, `review` (also "needs review") or
    /// `precision` (also different precision) [default: conflict]
    #[arg(long)]
    pub verdict_level: Option<recoupe::gate::VerdictLevel>,
    /// Findings accepted earlier: only new ones count [default: the config's `baseline`]
    #[arg(help_heading = "Output", long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Accept every current finding: write them to the baseline (default
    /// `recoupe-baseline.json`) and exit 0
    #[arg(help_heading = "Output", long)]
    pub update_baseline: bool,
    /// Output format on standard output (or in --output)
    #[arg(help_heading = "Output", long, value_enum, default_value = "text")]
    pub format: GateFormat,
    /// Write the output to this file (replaced atomically) instead of standard output
    #[arg(help_heading = "Output", long, short)]
    pub output: Option<PathBuf>,
    /// Also write SARIF 2.1.0 to this file
    #[arg(help_heading = "Output", long, value_name = "FILE")]
    pub sarif: Option<PathBuf>,
    /// Also write JUnit XML to this file
    #[arg(help_heading = "Output", long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    #[command(flatten)]
    pub signing: SigningArgs,
    #[command(flatten)]
    pub compare: CompareArgs,
}

#[derive(Subcommand, Debug)]
pub enum IndexCommand {
    /// Sign a reference corpus and write its index (replaced atomically)
    Build(Box<IndexBuildArgs>),
    /// Add documents to an index (rewritten atomically; ids already in it are refused)
    Add(Box<IndexAddArgs>),
    /// Show what an index holds and how it was made, after checking it
    Info {
        #[arg(value_name = "INDEX")]
        index: PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct IndexBuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The index file to write
    #[arg(help_heading = "Output", long, short, value_name = "FILE")]
    pub output: PathBuf,
    #[command(flatten)]
    pub signing: SigningArgs,
    /// Jaccard similarity the band tables are tuned for: queries find pairs from about this
    /// similarity up [default: 0.25, which finds an article reused inside one three times
    /// longer]
    #[arg(long)]
    pub lsh_threshold: Option<f64>,
}

#[derive(Args, Debug)]
pub struct IndexAddArgs {
    /// The index to grow
    #[arg(value_name = "INDEX")]
    pub index: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the grown index here instead of replacing INDEX
    #[arg(help_heading = "Output", long, short, value_name = "FILE")]
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
    /// How much light and heavy copies are edited: 1 (default) substitutes 1% or 3% of their
    /// words and changes 2 or 6 sentences; 2 doubles that; 0 copies verbatim.
    #[arg(long, default_value_t = 1.0, value_parser = edit_rate)]
    pub edit_rate: f64,
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Write to this file (replaced atomically) instead of standard output.
    #[arg(help_heading = "Output", long, short)]
    pub output: Option<PathBuf>,
    /// French news instead of pseudo-words: events told by several outlets (a wire dispatch,
    /// its copies, rewrites), with planted facts (a changed figure, a rounder one, a rising toll,
    /// two claimants' counts) for measuring the claim comparison.
    #[arg(long)]
    pub news: bool,
    /// With --news: how many events the documents tell (default: one per about seven documents).
    #[arg(long, requires = "news")]
    pub events: Option<usize>,
    /// With --news: events that start on one day.
    #[arg(long, default_value_t = 12, requires = "news")]
    pub events_per_day: usize,
    /// With --news: write the planted facts (documents, character spans, expected verdict) to
    /// this file as JSON Lines.
    #[arg(long, requires = "news")]
    pub truth: Option<PathBuf>,
}

impl GenArgs {
    pub fn news_params(&self) -> recoupe::synth::news::NewsParams {
        recoupe::synth::news::NewsParams {
            documents: self.documents,
            events: self.events.filter(|&e| e > 0),
            seed: self.seed,
            events_per_day: self.events_per_day.max(1),
        }
    }

    pub fn params(&self) -> GenParams {
        GenParams {
            documents: self.documents,
            duplicate_rate: self.duplicate_rate.clamp(0.0, 1.0),
            seed: self.seed,
            mean_words: self.mean_words.max(30),
            edit_rate: self.edit_rate,
        }
    }
}

fn edit_rate(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if r.is_finite() && (0.0..=20.0).contains(&r) => Ok(r),
        _ => Err(format!("{s:?} is not a number between 0 and 20")),
    }
}
