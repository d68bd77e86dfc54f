//! Command-line front end. Everything that prints or exits lives here, not in the library.

mod args;
mod gate;
mod output;
mod progress;

use std::io::IsTerminal;

use anyhow::{Context, Result};
use clap::Parser;

use args::{Cli, Command};
use recoupe::corpus::{self, Corpus};
use recoupe::dedup;
use recoupe::report::analysis::Analysis;
use recoupe::report::{Scan, markdown, summary};

pub const EXIT_OK: i32 = 0;
pub const EXIT_ERROR: i32 = 2;

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with success, usage errors to stderr.
            let _ = e.print();
            return if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            EXIT_ERROR
        }
    }
}

fn run(cli: Cli) -> Result<i32> {
    if let Some(threads) = cli.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.into())
            .build_global()
            .context("cannot start the thread pool")?;
    }
    let progress = progress::Bars::new(!cli.quiet && std::io::stderr().is_terminal());
    match cli.command {
        Command::Scan(args) => {
            let mut params = args.dedup.params()?;
            if args.format == args::ScanFormat::Text {
                // The summary shows the passages of its top pairs only; the others' texts
                // need not be read again.
                params.passage_pairs = Some(args.top);
            }
            // Read in batches: memory follows the number of documents, not their size.
            let stream = corpus::Stream::open(&args.input.paths, &args.input.options())?;
            let (catalog, result) = dedup::run_stream(&stream, &params, &progress)?;
            warn(
                &catalog.diagnostics,
                catalog.documents.len(),
                catalog.skipped(),
                cli.quiet,
            )?;
            let scan = Scan::new(catalog, params, result);
            match args.format {
                args::ScanFormat::Text => {
                    output::write(args.output.as_deref(), &summary::render(&scan, args.top))?
                }
                args::ScanFormat::Json => {
                    output::write_with(args.output.as_deref(), |out| scan.write_json(out))?
                }
            }
            Ok(EXIT_OK)
        }
        Command::Claims(args) => {
            let corpus = load(&args.input.paths, &args.input, cli.quiet)?;
            let extraction = recoupe::claims::extract_all(&corpus.documents);
            let text = match args.format {
                args::ScanFormat::Text => recoupe::report::claims::render(&extraction),
                args::ScanFormat::Json => recoupe::report::claims::to_json(&extraction),
            };
            output::write(args.output.as_deref(), &text)?;
            Ok(EXIT_OK)
        }
        Command::Report(args) => {
            let corpus = load(&args.input.paths, &args.input, cli.quiet)?;
            let dedup_params = args.dedup.params()?;
            let compare_params = args.compare.params()?;
            let result = dedup::run(&corpus.documents, &dedup_params, &progress)?;
            let extraction = recoupe::claims::extract_all(&corpus.documents);
            let comparison =
                recoupe::compare::compare(&corpus.documents, &extraction, &compare_params)?;
            let name = report_name(&args.input.paths);
            let analysis = Analysis::new(
                name.clone(),
                &corpus,
                dedup_params,
                result,
                compare_params,
                &extraction,
                comparison,
            );
            let (text, extension) = match args.format {
                args::ReportFormat::Markdown => (markdown::render(&analysis), "md"),
                args::ReportFormat::Json => (analysis.to_json(), "json"),
            };
            let path = match &args.output {
                Some(p) if p.as_os_str() == "-" => None,
                Some(p) => Some(p.clone()),
                None => {
                    let dir = std::path::Path::new("reports");
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("cannot create {}", dir.display()))?;
                    Some(dir.join(format!("{name}.{extension}")))
                }
            };
            output::write(path.as_deref(), &text)?;
            if let Some(p) = &path
                && !cli.quiet
            {
                eprintln!("wrote {}", p.display());
            }
            Ok(EXIT_OK)
        }
        Command::Gate(args) => gate::gate(&args, cli.quiet, &progress),
        Command::Index(command) => gate::index(&command, cli.quiet, &progress),
        Command::Gen(args) => {
            output::write_with(args.output.as_deref(), |out| {
                recoupe::synth::generate_each(&args.params(), |doc| {
                    out.write_all(recoupe::synth::jsonl_line(&doc).as_bytes())
                })
            })?;
            Ok(EXIT_OK)
        }
    }
}

/// The report's name: the first input's file or directory name without extension (`corpus`
/// for `corpus/`), `stdin` for standard input.
fn report_name(paths: &[std::path::PathBuf]) -> String {
    let Some(first) = paths.first() else {
        return "report".to_string();
    };
    if first.as_os_str() == "-" {
        return "stdin".to_string();
    }
    let absolute = std::fs::canonicalize(first).unwrap_or_else(|_| first.clone());
    let stem = if absolute.is_dir() {
        absolute.file_name()
    } else {
        absolute.file_stem()
    };
    let name: String = stem
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with('.') {
        "report".to_string()
    } else {
        name
    }
}

/// Loads the documents of `paths` and reports their problems on stderr; the run goes on unless
/// `--strict`.
fn load(paths: &[std::path::PathBuf], input: &args::InputArgs, quiet: bool) -> Result<Corpus> {
    let corpus = corpus::load(paths, &input.options())?;
    warn(
        &corpus.diagnostics,
        corpus.documents.len(),
        corpus.skipped(),
        quiet,
    )?;
    Ok(corpus)
}

/// Reports the input problems on stderr; an error when nothing is left to analyse.
fn warn(
    diagnostics: &[corpus::Diagnostic],
    documents: usize,
    skipped: usize,
    quiet: bool,
) -> Result<()> {
    if !quiet {
        for diag in diagnostics {
            eprintln!("warning: {diag}");
        }
        if !diagnostics.is_empty() {
            eprintln!(
                "note: {documents} document(s) read, {skipped} skipped, {} problem(s)",
                diagnostics.len()
            );
        }
    }
    if documents == 0 {
        anyhow::bail!("no documents to analyse in the given inputs");
    }
    Ok(())
}
