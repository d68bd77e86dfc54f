//! Corpus ingestion: turns paths (directories, files, `-` for standard input) into [`Document`]s.
//!
//! Problems that leave the rest of the corpus usable (a malformed JSON line, an empty document,
//! a binary file, invalid UTF-8) become [`Diagnostic`]s and the load goes on; with
//! [`LoadOptions::strict`] the first of them is returned as an error instead.

mod decode;
mod html;
mod html_limits;
mod jsonl;
mod meta;
mod own_output;
pub use meta::parse_date;
mod plain;
mod stream;
mod walk;

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};

pub use jsonl::JsonlFields;
pub use stream::{Address, BATCH_BYTES, Batch, Stream, Summary};
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    pub origin: Location,
    /// The file's line of the text's first line, when the text is the file's own lines (plain
    /// text, Markdown): a claim on line n of the text is on line `first_line + n - 1` of the
    /// file. Absent for JSON Lines records and HTML pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_line: Option<usize>,
    /// Characters of text.
    pub chars: usize,
}

impl DocumentInfo {
    /// The line of the file where line `text_line` of the text is, or that line of the text
    /// when the text is not the file's own lines.
    pub fn file_line(&self, text_line: usize) -> usize {
        self.first_line
            .map_or(text_line, |first| first + text_line.max(1) - 1)
    }
}

/// What is kept of a document once its text is gone: everything a report lists.
impl From<&Document> for DocumentInfo {
    fn from(d: &Document) -> Self {
        DocumentInfo {
            id: d.id.clone(),
            title: d.title.clone(),
            source: d.source.clone(),
            url: d.url.clone(),
            published: d.published,
            lang: d.lang.clone(),
            origin: d.origin.clone(),
            first_line: d.origin.line.filter(|_| d.lines_in_file),
            chars: d.text.chars().count(),
        }
    }
}

/// Documents left out, by the problems met reading them.
pub fn skipped(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.kind.skips_document())
        .count()
}

/// What is kept of a corpus whose texts are not held in memory: its documents' metadata,
/// sorted by id, and the problems met reading it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Catalog {
    pub documents: Vec<DocumentInfo>,
    pub diagnostics: Vec<Diagnostic>,
    /// Bytes of text read (after decoding).
    pub bytes: u64,
}

impl Catalog {
    pub fn skipped(&self) -> usize {
        skipped(&self.diagnostics)
    }
}

impl From<&Corpus> for Catalog {
    fn from(corpus: &Corpus) -> Self {
        Catalog {
            documents: corpus.documents.iter().map(DocumentInfo::from).collect(),
            diagnostics: corpus.diagnostics.clone(),
            bytes: corpus.bytes,
        }
    }
}

/// A non-fatal input problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    /// A symbolic link under an input directory leading outside it, not followed.
    Link,
    /// A document over `--max-doc-bytes`: the read stops with this as its error.
    TooLarge,
    /// Most of the document's text is boilerplate (bylines, promotions, lists of links), which
    /// is left out of the comparison; the document is kept.
    MostlyBoilerplate,
    /// Front matter opened with `---` and never closed: the whole file is read as the body.
    UnclosedFrontMatter,
    /// A file found under a directory that recoupe wrote (a report, a scan, a baseline): skipped.
    OwnOutput,
    /// A file (or standard input) named more than once, or named and also found under a named
    /// directory: read once, so that it is not reported as its own near-duplicate.
    Repeated,
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
                | DiagnosticKind::Link
                | DiagnosticKind::TooLarge
                | DiagnosticKind::OwnOutput
        )
    }

    /// Whether the problem stops the read, strict or not.
    pub fn is_fatal(self) -> bool {
        self == DiagnosticKind::TooLarge
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
    /// Largest document (a file read whole, or a JSON line) in bytes; 0 for no limit. A larger
    /// one is an error, since a reader cannot tell a huge article from a runaway input.
    pub max_doc_bytes: u64,
    /// Most bytes read from all inputs together; 0 for no limit. Standard input, pipes and
    /// devices are saved to disk as they are read, and stop there.
    pub max_input_bytes: u64,
    /// Follow symbolic links under input directories that lead outside them.
    pub follow_links: bool,
}

impl LoadOptions {
    /// Whether `bytes` is over the document limit.
    pub fn doc_too_large(&self, bytes: u64) -> bool {
        self.max_doc_bytes != 0 && bytes > self.max_doc_bytes
    }
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
        skipped(&self.diagnostics)
    }
}

/// The position of document `id` in `docs`, sorted by id as [`load`] returns them.
pub fn position(docs: &[Document], id: &str) -> Option<usize> {
    docs.binary_search_by(|d| d.id.as_str().cmp(id)).ok()
}

/// What one input unit (a file, or standard input) or part of one produced.
#[derive(Default)]
struct Loaded {
    documents: Vec<Document>,
    /// Where each document can be read again, when the reader knows better than "its file".
    addresses: Vec<Address>,
    diagnostics: Vec<Diagnostic>,
    bytes: u64,
}

impl Loaded {
    fn append(&mut self, mut other: Loaded) {
        self.documents.append(&mut other.documents);
        self.addresses.append(&mut other.addresses);
        self.diagnostics.append(&mut other.diagnostics);
        self.bytes += other.bytes;
    }

    fn warn(&mut self, location: Location, kind: DiagnosticKind, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            location,
            kind,
            message: message.into(),
        });
    }
}

/// Reads every input into memory. Fatal errors are only those that leave nothing sensible to
/// do: a path that does not exist, or any diagnostic under `strict`. For corpora larger than
/// memory, read a [`Stream`] batch by batch instead.
pub fn load(inputs: &[PathBuf], options: &LoadOptions) -> Result<Corpus> {
    let stream = Stream::open(inputs, options)?;
    let mut documents = Vec::new();
    let summary = stream.read(|batch| {
        documents.extend(batch.documents);
        Ok(())
    })?;
    let mut corpus = Corpus {
        documents,
        diagnostics: summary.diagnostics,
        bytes: summary.bytes,
    };
    let renamed = rename_duplicate_ids(&mut corpus.documents);
    corpus.diagnostics.extend(renamed);
    check_strict(&corpus.diagnostics, options)?;
    corpus.documents.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(corpus)
}

/// Reads the documents of `bytes` as if they were the content of a file named `name`, in
/// `format` (`None`: guessed from the name, then the content): for callers that hold texts in
/// memory, and for fuzzing the readers without files.
pub fn parse(name: &str, bytes: &[u8], format: Option<Format>, options: &LoadOptions) -> Corpus {
    let path = PathBuf::from(name);
    let unit = walk::Unit {
        format: format.or_else(|| Format::from_extension(&path)),
        id: path
            .file_stem()
            .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned()),
        path,
        spool: None,
        stream: false,
        found: false,
    };
    let mut loaded = parse_unit(0, &unit, bytes, options);
    let mut documents = std::mem::take(&mut loaded.documents);
    loaded
        .diagnostics
        .extend(rename_duplicate_ids(&mut documents));
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    Corpus {
        documents,
        diagnostics: loaded.diagnostics,
        bytes: loaded.bytes,
    }
}

/// Reads unit number `unit_index`, `unit`, whole.
fn read_unit(unit_index: u32, unit: &walk::Unit, options: &LoadOptions) -> Loaded {
    match unit.read() {
        Ok(bytes) => parse_unit(unit_index, unit, &bytes, options),
        Err(e) => {
            let mut out = Loaded::default();
            out.warn(
                Location::file(&unit.path),
                DiagnosticKind::Unreadable,
                format!("cannot read: {e}"),
            );
            out
        }
    }
}

/// The documents of `whole`, the bytes of unit number `unit_index`.
fn parse_unit(unit_index: u32, unit: &walk::Unit, whole: &[u8], options: &LoadOptions) -> Loaded {
    let mut out = Loaded::default();
    // UTF-16 (Windows editors' "Unicode") has NUL bytes but is text: decoded before the
    // binary check, which would skip it.
    let utf16 = decode::utf16(whole);
    let whole: &[u8] = match &utf16 {
        Some(text) => text.as_bytes(),
        None => whole,
    };
    if decode::is_binary(&unit.path, whole, &mut out) {
        return out;
    }
    let bytes = decode::strip_bom(whole);
    if unit.found && own_output::is_own_output(bytes) {
        out.warn(
            Location::file(&unit.path),
            DiagnosticKind::OwnOutput,
            "skipped: written by recoupe (a report, scan or baseline; name it explicitly to read it)",
        );
        return out;
    }
    out.bytes = bytes.len() as u64;
    let format = match unit.format {
        Some(f) => f,
        None => options.input_format.unwrap_or_else(|| Format::sniff(bytes)),
    };
    if format != Format::Jsonl && options.doc_too_large(bytes.len() as u64) {
        out.warn(
            Location::file(&unit.path),
            DiagnosticKind::TooLarge,
            format!(
                "a document of {} bytes, over the limit of {} (--max-doc-bytes; 0 for no limit)",
                bytes.len(),
                options.max_doc_bytes
            ),
        );
        return out;
    }
    if format == Format::Jsonl && utf16.is_some() {
        // Records are read again by their byte range in the file, which a re-encoded copy
        // would not match.
        out.warn(
            Location::file(&unit.path),
            DiagnosticKind::Unreadable,
            "skipped: UTF-16 JSON Lines (convert to UTF-8: iconv -f UTF-16 -t UTF-8)",
        );
        return out;
    }
    if format == Format::Jsonl {
        if let Some(line) = stream::long_line(bytes, options) {
            let location = Location::line(&unit.path, 1 + line);
            out.diagnostics
                .push(stream::too_large_line(location, options));
            return out;
        }
        // Decoded line by line, in parallel, so a bad byte is reported with its own line.
        let start = jsonl::ChunkStart {
            unit: unit_index,
            offset: (whole.len() - bytes.len()) as u64,
            line: 1,
        };
        jsonl::read(unit, start, bytes, &options.fields, &mut out);
        return out;
    }
    let text = decode::decode(&unit.path, bytes, 1, &mut out);
    match format {
        Format::Html => html::read(unit, &text, &mut out),
        _ => plain::read(unit, &text, &mut out),
    }
    out
}

/// Under `strict`, the first of `diagnostics` as an error.
pub fn check_strict(diagnostics: &[Diagnostic], options: &LoadOptions) -> Result<()> {
    match diagnostics.first() {
        Some(first) if options.strict => Err(Error::Input {
            location: first.location.clone(),
            message: format!(
                "{} (--strict; {} problem(s) in all)",
                first.message,
                diagnostics.len()
            ),
        }),
        _ => Ok(()),
    }
}

/// What duplicate ids are resolved over: a document, or what was kept of one.
pub trait Identified {
    fn id_mut(&mut self) -> &mut String;
    fn origin(&self) -> &Location;
}

impl Identified for Document {
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn origin(&self) -> &Location {
        &self.origin
    }
}

impl Identified for DocumentInfo {
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn origin(&self) -> &Location {
        &self.origin
    }
}

/// Gives every document after the first with a given id a new one (`id~2`, `id~3`, … not
/// otherwise taken), in input order, and says so in the returned diagnostics.
pub fn rename_duplicate_ids<T: Identified>(docs: &mut [T]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut seen: HashMap<String, Location> = HashMap::with_capacity(docs.len());
    let mut taken: std::collections::HashSet<String> =
        docs.iter_mut().map(|d| d.id_mut().clone()).collect();
    for doc in docs {
        let id = doc.id_mut().clone();
        match seen.get(&id) {
            None => {
                let origin = doc.origin().clone();
                seen.insert(id, origin);
            }
            Some(first) => {
                let mut n = 2;
                let new_id = loop {
                    let candidate = format!("{id}~{n}");
                    if !taken.contains(&candidate) {
                        break candidate;
                    }
                    n += 1;
                };
                diagnostics.push(Diagnostic {
                    location: doc.origin().clone(),
                    kind: DiagnosticKind::DuplicateId,
                    message: format!(
                        "id {id:?} is already used at {first}; this document is kept as {new_id:?}"
                    ),
                });
                taken.insert(new_id.clone());
                *doc.id_mut() = new_id;
            }
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, line: usize) -> Document {
        Document::new(id, "x", Location::line("f.jsonl", line))
    }

    #[test]
    fn duplicate_ids_are_renamed_and_reported() {
        let mut docs = vec![doc("a", 1), doc("a", 2), doc("a~2", 3), doc("a", 4)];
        let diagnostics = rename_duplicate_ids(&mut docs);
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~3", "a~2", "a~4"]);
        assert_eq!(diagnostics.len(), 2);
        assert!(diagnostics[0].message.contains("f.jsonl:1"));
    }
}
