//! Command-line front end. Everything that prints or exits lives here, not in the library.

mod args;
mod color;
mod gate;
mod output;
mod progress;

use std::io::IsTerminal;

use anyhow::{Context, Result};
use clap::Parser;

use args::{Cli, Command};
use recoupe::config::Config;
use recoupe::corpus::{self, Corpus};
use recoupe::dedup;
use recoupe::output::Inputs;
use recoupe::report::analysis::Analysis;
use recoupe::report::escape;
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
    color::init(cli.color);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "{} {}",
                color::label("error"),
                escape::lines(&format!("{e:#}"))
            );
            EXIT_ERROR
        }
    }
}

/// Exit status of a run stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: i32 = 130;

fn run(cli: Cli) -> Result<i32> {
    // Temporary files (a spool of standard input, an output being written) are removed when a
    // signal stops the run; drop handlers would not run then.
    let _ = ctrlc::set_handler(|| {
        recoupe::cleanup::remove_all();
        std::process::exit(EXIT_INTERRUPTED);
    });
    if let Some(threads) = cli.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.into())
            .build_global()
            .context("cannot start the thread pool")?;
    }
    let progress = progress::Bars::new(!cli.quiet && std::io::stderr().is_terminal());
    let config = config(&cli)?;
    match cli.command {
        Command::Scan(args) => {
            let inputs = Inputs::of(&args.input.paths);
            output::check([args.output.as_deref()], &inputs)?;
            let mut params = args.dedup.params(&config.scan)?;
            verbose(cli.verbose, || format!("scan: {}", params.flags()));
            if args.format == args::ScanFormat::Markdown {
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
                args::ScanFormat::Markdown => output::write(
                    args.output.as_deref(),
                    &inputs,
                    &summary::render(&scan, args.top),
                )?,
                args::ScanFormat::Json => {
                    output::write_with(args.output.as_deref(), &inputs, |out| scan.write_json(out))?
                }
            }
            wrote(args.output.as_deref(), cli.quiet, "");
            Ok(EXIT_OK)
        }
        Command::Claims(args) => {
            let inputs = Inputs::of(&args.input.paths);
            output::check([args.output.as_deref()], &inputs)?;
            let corpus = load(&args.input.paths, &args.input, cli.quiet)?;
            let extraction = recoupe::claims::extract_all(&corpus.documents);
            let text = match args.format {
                args::ScanFormat::Markdown => recoupe::report::claims::render(&extraction),
                args::ScanFormat::Json => recoupe::report::claims::to_json(&extraction),
            };
            output::write(args.output.as_deref(), &inputs, &text)?;
            wrote(args.output.as_deref(), cli.quiet, "");
            Ok(EXIT_OK)
        }
        Command::Report(args) => {
            let name = report_name(&args.input.paths);
            let path = args.output.clone().filter(|p| !output::is_stdout(Some(p)));
            let inputs = Inputs::of(&args.input.paths);
            output::check([path.as_deref()], &inputs)?;
            let dedup_params = args.dedup.params(&config.scan)?;
            let compare_params = args.compare.params(&config.report)?;
            verbose(cli.verbose, || {
                format!(
                    "report: {}; claims: {}",
                    dedup_params.flags(),
                    compare_params.flags()
                )
            });
            let corpus = load(&args.input.paths, &args.input, cli.quiet)?;
            let result = dedup::run(&corpus.documents, &dedup_params, &progress)?;
            let extraction = recoupe::claims::extract_all_with(&corpus.documents, &progress);
            let copies = recoupe::compare::Copies::of_pairs(&result.pairs);
            let comparison = recoupe::compare::compare_progress(
                &corpus.documents,
                &extraction,
                &compare_params,
                &copies,
                &progress,
            )?;
            let analysis = Analysis::new(
                name.clone(),
                &corpus,
                dedup_params,
                result,
                compare_params,
                &extraction,
                comparison,
            );
            // The texts and the claims' working state are not needed to write the report.
            drop((corpus, extraction));
            match args.format {
                args::ReportFormat::Markdown => {
                    output::write(path.as_deref(), &inputs, &markdown::render(&analysis))?
                }
                args::ReportFormat::Json => {
                    output::write_with(path.as_deref(), &inputs, |out| analysis.write_json(out))?
                }
                args::ReportFormat::Html => output::write(
                    path.as_deref(),
                    &inputs,
                    &recoupe::report::html::render(&analysis),
                )?,
            }
            wrote(path.as_deref(), cli.quiet, "");
            Ok(EXIT_OK)
        }
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "recoupe", &mut script);
            output::write_with(None, &Inputs::default(), |out| out.write_all(&script))?;
            Ok(EXIT_OK)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .context("cannot render the manual page")?;
            output::write_with(None, &Inputs::default(), |out| out.write_all(&page))?;
            Ok(EXIT_OK)
        }
        Command::Gate(args) => {
            let styled = color::stdout(cli.color) && args.output.is_none();
            gate::gate(&args, &config, cli.quiet, styled, &progress)
        }
        Command::Index(command) => gate::index(&command, cli.quiet, &progress),
        Command::Gen(args) if args.news => {
            output::check(
                [args.output.as_deref(), args.truth.as_deref()],
                &Inputs::default(),
            )?;
            let params = args.news_params();
            let jsonl = |out: &mut dyn std::io::Write, line: String| {
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")
            };
            // The truth streams to its file (or nowhere) while the documents stream out.
            let documents = |truth: &mut dyn std::io::Write| {
                output::write_with(args.output.as_deref(), &Inputs::default(), |out| {
                    recoupe::synth::news::generate_each(
                        &params,
                        |doc| jsonl(out, serde_json::to_string(doc).unwrap_or_default()),
                        |fact| jsonl(truth, serde_json::to_string(fact).unwrap_or_default()),
                    )
                })
            };
            match &args.truth {
                Some(path) => {
                    let mut failed = None;
                    output::write_with(Some(path), &Inputs::default(), |truth| {
                        documents(truth).map_err(|e| {
                            let message = format!("{e:#}");
                            failed = Some(e);
                            std::io::Error::other(message)
                        })
                    })
                    .map_err(|e| failed.take().unwrap_or(e))?;
                }
                None => documents(&mut std::io::sink())?,
            }
            let n = format!(": {} documents", params.documents);
            wrote(args.output.as_deref(), cli.quiet, &n);
            wrote(args.truth.as_deref(), cli.quiet, ": the planted facts");
            Ok(EXIT_OK)
        }
        Command::Gen(args) => {
            output::write_with(args.output.as_deref(), &Inputs::default(), |out| {
                recoupe::synth::generate_each(&args.params(), |doc| {
                    out.write_all(recoupe::synth::jsonl_line(&doc).as_bytes())
                })
            })?;
            let n = format!(": {} documents", args.documents);
            wrote(args.output.as_deref(), cli.quiet, &n);
            Ok(EXIT_OK)
        }
    }
}

/// The `recoupe.toml` in use: `--config`, else the one found from the current directory up, none
/// with `--no-config`. Named on stderr, since it changes what the run finds.
fn config(cli: &Cli) -> Result<Config> {
    if cli.no_config {
        verbose(cli.verbose, || "config: none (--no-config)".to_string());
        return Ok(Config::default());
    }
    let path = match &cli.config {
        Some(p) => Some(p.clone()),
        None => Config::find(
            &std::env::current_dir().context("no current directory")?,
            Config::home().as_deref(),
        ),
    };
    match path {
        Some(p) => {
            if !cli.quiet {
                eprintln!("config: {}", escape::line(&p.display().to_string()));
            }
            Ok(Config::load(&p)?)
        }
        None => {
            verbose(cli.verbose, || {
                format!(
                    "config: none found (no {}); defaults",
                    recoupe::config::FILE_NAME
                )
            });
            Ok(Config::default())
        }
    }
}

/// Says on stderr which file was written (nothing for standard output): a run that writes a
/// file and prints nothing leaves the user wondering whether it did anything.
fn wrote(path: Option<&std::path::Path>, quiet: bool, what: &str) {
    if let Some(p) = path.filter(|p| !output::is_stdout(Some(p)))
        && !quiet
    {
        eprintln!("wrote {}{what}", escape::line(&p.display().to_string()));
    }
}

/// A line on stderr with `--verbose`.
fn verbose(on: bool, line: impl FnOnce() -> String) {
    if on {
        eprintln!("{}", escape::line(&line()));
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
            eprintln!(
                "{} {}",
                color::label("warning"),
                escape::line(&diag.to_string())
            );
        }
        if !diagnostics.is_empty() {
            eprintln!(
                "{} {documents} document(s) read, {skipped} skipped, {} problem(s)",
                color::label("note"),
                diagnostics.len()
            );
        }
    }
    if documents == 0 {
        anyhow::bail!("no documents to analyse in the given inputs");
    }
    Ok(())
}
