//! `recoupe gate` and `recoupe index`: the CI side. Thresholds come from flags, then
//! `recoupe.toml`, then the defaults; the outcome goes out in the formats CI systems read.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::args::{GateArgs, GateFormat, IndexAddArgs, IndexBuildArgs, IndexCommand};
use super::{EXIT_OK, load, output};
use recoupe::Progress;
use recoupe::config::Config;
use recoupe::dedup::index::{self, Index};
use recoupe::dedup::{self, DedupParams};
use recoupe::gate::{self, Baseline, Evidence, Thresholds};
use recoupe::output::Inputs;
use recoupe::report::escape::line as esc;
use recoupe::report::{annotations, junit, sarif};

pub const EXIT_TRIPPED: i32 = 1;
const DEFAULT_BASELINE: &str = "recoupe-baseline.json";

fn thresholds(args: &GateArgs, config: &Config) -> Result<Thresholds> {
    let mut t = config.thresholds();
    if let Some(v) = args.max_jaccard {
        t.max_jaccard = v.0;
    }
    if let Some(v) = args.max_containment {
        t.max_containment = v.0;
    }
    if let Some(v) = args.max_duplicate_documents {
        t.max_duplicate_documents = v.0;
    }
    if let Some(v) = args.max_conflicts {
        t.max_conflicts = v.0;
    }
    if let Some(v) = args.max_shared_passages {
        t.max_shared_passages = v.0;
    }
    if let Some(v) = args.verdict_level {
        t.verdict_level = v;
    }
    t.validate()?;
    Ok(t)
}

/// Where the baseline is read and `--update-baseline` writes it: the flag, else the config's
/// `baseline`, else `recoupe-baseline.json` beside the config, else in the current directory.
/// One rule for both, so that a plain `recoupe gate` reads what `--update-baseline` wrote.
fn baseline_path(args: &GateArgs, config: &Config) -> PathBuf {
    if let Some(p) = args.baseline.clone().or(config.baseline.clone()) {
        return p;
    }
    match config.path.as_deref().and_then(Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(DEFAULT_BASELINE),
        _ => PathBuf::from(DEFAULT_BASELINE),
    }
}

/// The reference of a query: one index file, or texts indexed in memory with the gate's
/// parameters.
fn reference(
    args: &GateArgs,
    params: &DedupParams,
    quiet: bool,
    progress: &dyn Progress,
) -> Result<Option<Index>> {
    let against = &args.against;
    if against.is_empty() {
        return Ok(None);
    }
    // A `.idx` that is not an index (a Git LFS pointer, an empty or damaged file) must not be
    // read as an article: the gate would pass against a reference it never saw.
    if let Some(bad) = against.iter().find(|p| {
        p.extension().is_some_and(|e| e.eq_ignore_ascii_case("idx")) && !index::is_index(p)
    }) {
        Index::open(bad)?;
        bail!("{}: not a recoupe index", bad.display());
    }
    let indexes: Vec<&PathBuf> = against.iter().filter(|p| index::is_index(p)).collect();
    if let [only] = indexes.as_slice() {
        if against.len() > 1 {
            bail!(
                "--against takes one index file or texts, not both: {} is an index",
                only.display()
            );
        }
        return Ok(Some(Index::open(only)?));
    }
    if indexes.len() > 1 {
        bail!("--against takes one index file; merge them with `recoupe index add`");
    }
    let corpus = load(against, &args.input, quiet)?;
    let bytes = index::build(&corpus.documents, params, progress)?;
    Ok(Some(Index::from_bytes(
        Path::new("<reference texts>"),
        bytes,
    )?))
}

pub fn gate(
    args: &GateArgs,
    config: &Config,
    quiet: bool,
    color: bool,
    progress: &dyn Progress,
) -> Result<i32> {
    let all_inputs: Vec<PathBuf> = args
        .input
        .paths
        .iter()
        .chain(&args.against)
        .cloned()
        .collect();
    let inputs = Inputs::of(&all_inputs);
    output::check(
        [
            args.output.as_deref(),
            args.sarif.as_deref(),
            args.junit.as_deref(),
        ],
        &inputs,
    )?;
    let thresholds = thresholds(args, config)?;
    let baseline_path = baseline_path(args, config);
    let baseline = match Some(&baseline_path) {
        Some(p) if p.exists() => Baseline::load(p)?,
        // A baseline named on the command line must exist, or a typo would pass everything
        // that was meant to be checked against it.
        Some(p) if args.baseline.is_some() && !args.update_baseline => {
            bail!(
                "{}: baseline not found (create it with --update-baseline)",
                p.display()
            )
        }
        _ => Baseline::default(),
    };
    let compare = args.compare.params(&config.report)?;
    let new = load(&args.input.paths, &args.input, quiet)?;
    let docs = &new.documents;

    let base = args
        .signing
        .apply(&config.scan.apply(&DedupParams::default()));
    let reference = reference(args, &thresholds.dedup_params(&base), quiet, progress)?;
    let slots = match thresholds.max_conflicts {
        Some(_) => {
            let extraction = recoupe::claims::extract_all_with(docs, progress);
            // Copies of one text are one source, as in `report`, found with its parameters.
            let copies =
                recoupe::compare::Copies::of_pairs(&dedup::run(docs, &base, progress)?.pairs);
            recoupe::compare::compare_progress(docs, &extraction, &compare, &copies, progress)?
                .slots
        }
        None => Vec::new(),
    };
    let evidence = match &reference {
        None => {
            let pairs = if thresholds.needs_pairs() {
                let params = thresholds.dedup_params(&base);
                dedup::run(docs, &params, progress)?.pairs
            } else {
                Vec::new()
            };
            Evidence::of_corpus(docs, pairs, slots)
        }
        Some(index) => {
            let ip = index.params();
            let signing = DedupParams {
                shingling: ip.shingling,
                permutations: ip.permutations,
                seed: ip.seed,
                ..base.clone()
            };
            // Flags given must agree with the index; flags not given take its values.
            let given = args.signing.apply(&signing);
            let params = thresholds.dedup_params(&given);
            if !quiet && params.effective_lsh_threshold() < ip.lsh_threshold - 1e-9 {
                eprintln!(
                    "{} {} is tuned for Jaccard ≥ {:.2}; pairs below that, which these \
                     thresholds ask for, may be missed (rebuild it with --lsh-threshold)",
                    super::color::label("warning"),
                    esc(&index.path().display().to_string()),
                    ip.lsh_threshold
                );
            }
            let pairs = if thresholds.needs_pairs() {
                index::query(index, docs, &params, progress)?.pairs
            } else {
                Vec::new()
            };
            let cwd = std::env::current_dir().ok();
            let origins: rustc_hash::FxHashMap<&str, &recoupe::error::Location> = index
                .entries()
                .iter()
                .map(|e| (e.id.as_str(), &e.origin))
                .collect();
            Evidence::of_query(
                docs,
                pairs,
                |id| origins.get(id).map(|l| relative_to(cwd.as_deref(), l)),
                slots,
            )
        }
    };

    if args.update_baseline {
        let all = gate::evaluate(&thresholds, &evidence, &Baseline::default());
        let accepted = Baseline::accepting(&all.findings);
        let path = baseline_path;
        output::write(Some(&path), &inputs, &accepted.to_json())?;
        if !quiet {
            eprintln!(
                "baseline: {} finding(s) accepted in {}",
                accepted.len(),
                esc(&path.display().to_string())
            );
        }
        return Ok(EXIT_OK);
    }

    if !quiet && !baseline.is_empty() {
        eprintln!(
            "baseline: {} ({} finding(s) accepted earlier)",
            esc(&baseline_path.display().to_string()),
            baseline.len()
        );
    }
    let outcome = gate::evaluate(&thresholds, &evidence, &baseline);
    let text = match args.format {
        GateFormat::Text => recoupe::report::gate::text_styled(&outcome, color),
        GateFormat::Json => outcome.to_json(),
        GateFormat::Sarif => sarif::render(&outcome),
        GateFormat::Junit => junit::render(&outcome),
        GateFormat::Github => annotations::render(&outcome),
    };
    output::write(args.output.as_deref(), &inputs, &text)?;
    if let Some(p) = &args.sarif {
        output::write(Some(p), &inputs, &sarif::render(&outcome))?;
    }
    if let Some(p) = &args.junit {
        output::write(Some(p), &inputs, &junit::render(&outcome))?;
    }
    if let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|s| !s.is_empty()) {
        let path = PathBuf::from(summary);
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(recoupe::report::gate::markdown(&outcome).as_bytes()))
            .with_context(|| {
                format!("cannot append to {} (GITHUB_STEP_SUMMARY)", path.display())
            })?;
    }
    Ok(if outcome.passed {
        EXIT_OK
    } else {
        EXIT_TRIPPED
    })
}

/// Refuses to replace a file that is not an index: `-o` naming an article by mistake must not
/// destroy it.
fn check_replaceable(path: &Path, inputs: &Inputs) -> Result<()> {
    if output::is_stdout(Some(path)) {
        return Ok(());
    }
    recoupe::output::check(path, inputs)?;
    if path.exists() && !index::is_index(path) {
        bail!(
            "{}: exists and is not a recoupe index; refusing to overwrite it",
            path.display()
        );
    }
    Ok(())
}

/// An index names where each reference document came from; stored absolute, the gate's
/// findings point at the file from wherever the index is queried.
fn absolute_origins(documents: &mut [recoupe::corpus::Document]) {
    for doc in documents {
        if doc.origin.path.exists()
            && let Ok(path) = std::path::absolute(&doc.origin.path)
        {
            doc.origin.path = path;
        }
    }
}

/// An index's absolute path, shown from the current directory when it lies under it (as CI
/// annotations want paths from the checkout's root).
fn relative_to(
    dir: Option<&Path>,
    location: &recoupe::error::Location,
) -> recoupe::error::Location {
    let mut l = location.clone();
    if let Some(rest) = dir.and_then(|d| l.path.strip_prefix(d).ok()) {
        l.path = rest.to_path_buf();
    }
    l
}

pub fn index(command: &IndexCommand, quiet: bool, progress: &dyn Progress) -> Result<i32> {
    match command {
        IndexCommand::Build(args) => build(args, quiet, progress),
        IndexCommand::Add(args) => add(args, quiet, progress),
        IndexCommand::Info { index } => {
            let idx = Index::open(index)?;
            let p = idx.params();
            let line = format!(
                "{}: {} documents, {} bytes; shingles {}, {} permutations, seed {}, {} bands × {} \
                 rows (tuned for Jaccard ≥ {:.2})",
                esc(&index.display().to_string()),
                idx.len(),
                idx.size(),
                p.shingling,
                p.permutations,
                p.seed,
                p.banding.bands,
                p.banding.rows,
                p.lsh_threshold
            );
            // `> /dev/full` or a closed pipe is an error to report, not a panic.
            output::write(None, &Inputs::default(), &(line + "\n"))?;
            Ok(EXIT_OK)
        }
    }
}

fn build(args: &IndexBuildArgs, quiet: bool, progress: &dyn Progress) -> Result<i32> {
    let inputs = Inputs::of(&args.input.paths);
    check_replaceable(&args.output, &inputs)?;
    let to_stdout = output::is_stdout(Some(&args.output));
    let _lock = match to_stdout {
        true => None,
        false => Some(index::WriteLock::take(&args.output)?),
    };
    let mut corpus = load(&args.input.paths, &args.input, quiet)?;
    absolute_origins(&mut corpus.documents);
    let params = DedupParams {
        lsh_threshold: args.lsh_threshold,
        passages: false,
        ..args.signing.apply(&DedupParams::default())
    };
    let bytes = index::build(&corpus.documents, &params, progress)?;
    if to_stdout {
        output::write_with(None, &inputs, |out| out.write_all(&bytes))?;
    } else {
        index::write(&args.output, &inputs, &bytes)?;
    }
    if !quiet && !to_stdout {
        eprintln!(
            "wrote {}: {} documents, {} bytes",
            esc(&args.output.display().to_string()),
            corpus.documents.len(),
            bytes.len()
        );
    }
    Ok(EXIT_OK)
}

fn add(args: &IndexAddArgs, quiet: bool, progress: &dyn Progress) -> Result<i32> {
    let target = args.output.as_ref().unwrap_or(&args.index);
    let inputs = Inputs::of(&args.input.paths);
    check_replaceable(target, &inputs)?;
    // Taken before the index is read, so that a concurrent writer's documents are in what
    // this one reads.
    let to_stdout = output::is_stdout(Some(target));
    let _lock = match to_stdout {
        true => None,
        false => Some(index::WriteLock::take(target)?),
    };
    let idx = Index::open(&args.index)?;
    let mut corpus = load(&args.input.paths, &args.input, quiet)?;
    absolute_origins(&mut corpus.documents);
    let bytes = idx.add(&corpus.documents, progress)?;
    let total = idx.len() + corpus.documents.len();
    // The map must be released before the file under it is replaced.
    drop(idx);
    if to_stdout {
        output::write_with(None, &inputs, |out| out.write_all(&bytes))?;
    } else {
        index::write(target, &inputs, &bytes)?;
    }
    if !quiet && !to_stdout {
        eprintln!(
            "wrote {}: {} documents added, {total} in all",
            esc(&target.display().to_string()),
            corpus.documents.len()
        );
    }
    Ok(EXIT_OK)
}
