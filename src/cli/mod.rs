//! Command-line front end. Everything that prints or exits lives here, not in the library.

mod args;
mod output;
mod progress;

use std::io::IsTerminal;

use anyhow::{Context, Result};
use clap::Parser;

use args::{Cli, Command};
use recoupe::corpus::{self, Corpus};
use recoupe::dedup;
use recoupe::report::{Scan, summary};

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
            let corpus = load(&args.input, cli.quiet)?;
            let params = args.dedup.params()?;
            let result = dedup::run(&corpus.documents, &params, &progress)?;
            let scan = Scan::new(&corpus, params, result);
            let text = match args.format {
                args::ScanFormat::Text => summary::render(&scan, args.top),
                args::ScanFormat::Json => scan.to_json(),
            };
            output::write(args.output.as_deref(), &text)?;
            Ok(EXIT_OK)
        }
        Command::Claims(args) => {
            let corpus = load(&args.input, cli.quiet)?;
            let extraction = recoupe::claims::extract_all(&corpus.documents);
            let text = match args.format {
                args::ScanFormat::Text => recoupe::report::claims::render(&extraction),
                args::ScanFormat::Json => recoupe::report::claims::to_json(&extraction),
            };
            output::write(args.output.as_deref(), &text)?;
            Ok(EXIT_OK)
        }
        Command::Gen(args) => {
            let docs = recoupe::synth::generate(&args.params());
            output::write(args.output.as_deref(), &recoupe::synth::to_jsonl(&docs))?;
            Ok(EXIT_OK)
        }
    }
}

/// Loads the corpus and reports its problems on stderr; the run goes on unless `--strict`.
fn load(input: &args::InputArgs, quiet: bool) -> Result<Corpus> {
    let corpus = corpus::load(&input.paths, &input.options())?;
    if !quiet {
        for diag in &corpus.diagnostics {
            eprintln!("warning: {diag}");
        }
        if !corpus.diagnostics.is_empty() {
            eprintln!(
                "note: {} document(s) read, {} skipped, {} problem(s)",
                corpus.documents.len(),
                corpus.skipped(),
                corpus.diagnostics.len()
            );
        }
    }
    if corpus.documents.is_empty() {
        anyhow::bail!("no documents to analyse in the given inputs");
    }
    Ok(corpus)
}
