//! Corpus ingestion: turns paths (directories, files, `-` for standard input) into [`Document`]s.
//!
//! Problems that leave the rest of the corpus usable (a malformed JSON line, an empty document,
//! a binary file, invalid UTF-8) become [`Diagnostic`]s and the load goes on; with
//! [`LoadOptions::strict`] the first of them is returned as an error instead.

mod decode;
mod html;
mod jsonl;
mod meta;
mod plain;
mod walk;

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Location, Result};

pub use jsonl::JsonlFields;
pub use walk::Format;

/// One article, as read from the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Unique within a corpus (duplicates are renamed, see [`DiagnosticKind::DuplicateId`]).
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet or author, as given by the metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date: the reference for relative dates and the order of a timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Language code as given (`fr`, `en`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(skip)]
    pub text: String,
    /// Where the text starts: the file and the line of its first character.
    pub origin: Location,
    /// Whether the text is the file's own lines from `origin.line` on (plain text, Markdown), so
    /// that a line of the text is a line of the file; not so for JSON Lines or HTML.
    #[serde(skip)]
    pub lines_in_file: bool,
}

impl Document {
    /// A document with only an id, a text and its origin; metadata left out.
    pub fn new(id: impl Into<String>, text: impl Into<String>, origin: Location) -> Self {
        Document {
            id: id.into(),
            title: None,
            source: None,
            url: None,
            published: None,
            lang: None,
            text: text.into(),
            origin,
            lines_in_file: false,
        }
    }

    /// Where line `text_line` (1-based) of the text is found: that line of the file when the
    /// text is the file's own lines, the start of the record or page otherwise.
    pub fn location_of_line(&self, text_line: usize) -> Location {
        match self.origin.line {
            Some(first) if self.lines_in_file => {
                Location::line(&self.origin.path, first + text_line.max(1) - 1)
            }
            _ => self.origin.clone(),
        }
    }
}

/// A non-fatal input problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub location: Location,
    pub kind: DiagnosticKind,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// The file was decoded with replacement characters; the document is kept.
    InvalidUtf8,
    /// The file looks binary and was skipped.
    Binary,
    /// A JSON line could not be parsed and was skipped.
    MalformedLine,
    /// A record or front matter field was missing or unusable; the document is kept without it.
    BadField,
    /// A document with no text was skipped.
    Empty,
    /// An id already used by an earlier document; this one was renamed.
    DuplicateId,
    /// A file found under a directory with an extension recoupe does not read.
    UnknownFormat,
    /// A path that could not be read.
    Unreadable,
}

impl DiagnosticKind {
    /// Whether the document concerned was left out of the corpus.
    pub fn skips_document(self) -> bool {
        matches!(
            self,
            DiagnosticKind::Binary
                | DiagnosticKind::MalformedLine
                | DiagnosticKind::Empty
                | DiagnosticKind::UnknownFormat
                | DiagnosticKind::Unreadable
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Turn the first diagnostic into an error.
    pub strict: bool,
    /// Field names of JSON Lines records.
    pub fields: JsonlFields,
    /// Format of standard input and of files named with an unknown extension; `None` guesses
    /// from the first bytes.
    pub input_format: Option<Format>,
}

/// The documents read, sorted by id so that results do not depend on the order of the inputs,
/// and the problems met on the way, in input order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// Bytes of text read (after decoding), for throughput figures.
    pub bytes: u64,
}

impl Corpus {
    pub fn skipped(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.kind.skips_document())
            .count()
    }
}

/// The position of document `id` in `docs`, sorted by id as [`load`] returns them.
pub fn position(docs: &[Document], id: &str) -> Option<usize> {
    docs.binary_search_by(|d| d.id.as_str().cmp(id)).ok()
}

/// What one input unit (a file, or standard input) produced.
#[derive(Default)]
struct Loaded {
    documents: Vec<Document>,
    diagnostics: Vec<Diagnostic>,
    bytes: u64,
}

impl Loaded {
    fn warn(&mut self, location: Location, kind: DiagnosticKind, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            location,
            kind,
            message: message.into(),
        });
    }
}

/// Reads every input. Fatal errors are only those that leave nothing sensible to do: a path that
/// does not exist, or any diagnostic under `strict`.
pub fn load(inputs: &[PathBuf], options: &LoadOptions) -> Result<Corpus> {
    let mut units = Vec::new();
    let mut early = Loaded::default();
    for input in inputs {
        walk::expand(input, &mut units, &mut early)?;
    }
    let loaded: Vec<Loaded> = units
        .par_iter()
        .map(|unit| read_unit(unit, options))
        .collect();

    let mut corpus = Corpus {
        diagnostics: early.diagnostics,
        ..Corpus::default()
    };
    for part in loaded {
        corpus.documents.extend(part.documents);
        corpus.diagnostics.extend(part.diagnostics);
        corpus.bytes += part.bytes;
    }
    rename_duplicate_ids(&mut corpus);
    if options.strict
        && let Some(first) = corpus.diagnostics.first()
    {
        return Err(Error::Input {
            location: first.location.clone(),
            message: format!(
                "{} (--strict; {} problem(s) in all)",
                first.message,
                corpus.diagnostics.len()
            ),
        });
    }
    corpus.documents.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(corpus)
}

fn read_unit(unit: &walk::Unit, options: &LoadOptions) -> Loaded {
    let mut out = Loaded::default();
    let bytes = match unit.read() {
        Ok(bytes) => bytes,
        Err(e) => {
            out.warn(
                Location::file(&unit.path),
                DiagnosticKind::Unreadable,
                format!("cannot read: {e}"),
            );
            return out;
        }
    };
    if decode::is_binary(&unit.path, &bytes, &mut out) {
        return out;
    }
    let bytes = decode::strip_bom(&bytes);
    out.bytes = bytes.len() as u64;
    let format = match unit.format {
        Some(f) => f,
        None => options.input_format.unwrap_or_else(|| Format::sniff(bytes)),
    };
    if format == Format::Jsonl {
        // Decoded line by line, in parallel, so a bad byte is reported with its own line.
        jsonl::read(unit, bytes, &options.fields, &mut out);
        return out;
    }
    let text = decode::decode(&unit.path, bytes, 1, &mut out);
    match format {
        Format::Html => html::read(unit, &text, &mut out),
        _ => plain::read(unit, &text, &mut out),
    }
    out
}

fn rename_duplicate_ids(corpus: &mut Corpus) {
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut taken: std::collections::HashSet<String> =
        corpus.documents.iter().map(|d| d.id.clone()).collect();
    for doc in &mut corpus.documents {
        match seen.get(&doc.id) {
            None => {
                seen.insert(doc.id.clone(), doc.origin.clone());
            }
            Some(first) => {
                let mut n = 2;
                let new_id = loop {
                    let candidate = format!("{}~{n}", doc.id);
                    if !taken.contains(&candidate) {
                        break candidate;
                    }
                    n += 1;
                };
                corpus.diagnostics.push(Diagnostic {
                    location: doc.origin.clone(),
                    kind: DiagnosticKind::DuplicateId,
                    message: format!(
                        "id {:?} is already used at {first}; this document is kept as {new_id:?}",
                        doc.id
                    ),
                });
                taken.insert(new_id.clone());
                doc.id = new_id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, line: usize) -> Document {
        Document::new(id, "x", Location::line("f.jsonl", line))
    }

    #[test]
    fn duplicate_ids_are_renamed_and_reported() {
        let mut corpus = Corpus {
            documents: vec![doc("a", 1), doc("a", 2), doc("a~2", 3), doc("a", 4)],
            ..Corpus::default()
        };
        rename_duplicate_ids(&mut corpus);
        let ids: Vec<_> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~3", "a~2", "a~4"]);
        assert_eq!(corpus.diagnostics.len(), 2);
        assert!(corpus.diagnostics[0].message.contains("f.jsonl:1"));
    }
}
