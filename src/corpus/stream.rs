//! Reading a corpus in batches, so that a caller can keep what it needs of each document (a
//! signature, some metadata) and let the texts go: memory then follows the number of documents,
//! not their size. Each document comes with an [`Address`] to read it again later, and only
//! the few documents whose passages are shown pay for that.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;

use super::jsonl::{self, ChunkStart};
use super::walk::{self, Format, Unit};
use super::{Diagnostic, Document, LoadOptions, Loaded, decode, read_unit};
use crate::error::{Error, Location, Result};

/// Where a document can be read again: a JSON Lines record (byte range and line) or a whole file.
/// Meaningful only for the [`Stream`] that read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Address {
    pub(super) unit: u32,
    pub(super) line: usize,
    pub(super) start: u64,
    /// Bytes of the record; 0 for a document that is its whole file.
    pub(super) len: usize,
}

impl Address {
    pub(super) fn whole(unit: u32) -> Self {
        Address {
            unit,
            line: 1,
            start: 0,
            len: 0,
        }
    }
}

/// A batch of documents, in input order, with their addresses.
#[derive(Debug, Default)]
pub struct Batch {
    pub documents: Vec<Document>,
    pub addresses: Vec<Address>,
}

/// What a whole pass found besides the documents: the problems, in input order, and the
/// bytes of text read.
#[derive(Debug, Default)]
pub struct Summary {
    pub diagnostics: Vec<Diagnostic>,
    pub bytes: u64,
}

/// The inputs of a corpus, expanded into files, ready to be read in batches and read again by
/// address.
pub struct Stream {
    units: Vec<Unit>,
    options: LoadOptions,
    /// Problems met while expanding the inputs (unreadable or unknown files).
    early: Vec<Diagnostic>,
    /// Open files of the units read by record, for reading records again without reopening;
    /// at most [`OPEN_FILES`] of them, so that a directory of many JSON Lines files does not
    /// exhaust the process's file descriptors.
    files: Vec<OnceLock<Option<std::fs::File>>>,
    opened: std::sync::atomic::AtomicUsize,
    /// Bytes of each unit's file when the stream was opened (0 if it could not be read).
    sizes: Vec<u64>,
    /// Standard input, pipes and devices, saved so that their documents can be read again;
    /// removed when the stream is dropped, or by the signal handler if the run is stopped.
    _spools: Vec<(tempfile::NamedTempFile, crate::cleanup::Guard)>,
    batch_bytes: usize,
}

/// The least first read of a file read by record: the bytes [`decode::is_binary`] looks at.
const FIRST_READ: usize = 8192;

/// Files kept open for reading records again.
const OPEN_FILES: usize = 64;

/// Text read per batch by default: large enough to keep both cores busy, small next to memory.
pub const BATCH_BYTES: usize = 64 << 20;

impl Stream {
    /// Expands `inputs`: directories are walked, standard input (`-`) is saved to a temporary
    /// file. Fails only on an input that does not exist or cannot be saved.
    pub fn open(inputs: &[PathBuf], options: &LoadOptions) -> Result<Stream> {
        let mut units = Vec::new();
        let mut early = Loaded::default();
        for input in inputs {
            walk::expand(input, options.follow_links, &mut units, &mut early)?;
        }
        walk::read_once(&mut units, &mut early);
        let mut spools = Vec::new();
        let mut budget = options.max_input_bytes;
        let mut stdin_spool: Option<PathBuf> = None;
        for unit in units.iter_mut() {
            // Standard input, pipes and devices cannot be read twice (nor mapped): they are
            // saved to a temporary file, within the limits, and read from there.
            if !unit.stream {
                continue;
            }
            if unit.is_stdin()
                && let Some(path) = &stdin_spool
            {
                unit.spool = Some(path.clone());
                continue;
            }
            let (file, guard, bytes) = spool(unit, options, budget)?;
            if budget != 0 {
                budget -= bytes.min(budget);
            }
            unit.spool = Some(file.path().to_path_buf());
            if unit.is_stdin() {
                stdin_spool = unit.spool.clone();
            }
            spools.push((file, guard));
        }
        let files = units.iter().map(|_| OnceLock::new()).collect();
        // Sizes are taken once: they decide batching and progress, and a million small files
        // should not be asked twice.
        let sizes: Vec<u64> = units
            .iter()
            .map(|u| std::fs::metadata(u.file()).map_or(0, |m| m.len()))
            .collect();
        if options.max_input_bytes != 0 {
            let mut total = 0u64;
            for (unit, size) in units.iter().zip(&sizes) {
                total = total.saturating_add(*size);
                if total > options.max_input_bytes {
                    return Err(Error::Input {
                        location: Location::file(&unit.path),
                        message: format!(
                            "the inputs up to this one hold {total} bytes, over the limit of {} \
                             (--max-input-bytes; 0 for no limit)",
                            options.max_input_bytes
                        ),
                    });
                }
            }
        }
        Ok(Stream {
            units,
            options: options.clone(),
            early: early.diagnostics,
            files,
            sizes,
            opened: Default::default(),
            _spools: spools,
            batch_bytes: BATCH_BYTES,
        })
    }

    /// Reads batches of about `bytes` of input (default [`BATCH_BYTES`]).
    pub fn with_batch_bytes(mut self, bytes: usize) -> Self {
        self.batch_bytes = bytes.max(1);
        self
    }

    /// The files the inputs expanded to, in reading order, as the user gave them or as found
    /// under a directory they gave (`-` for standard input): what a distributed run hands out
    /// to its workers.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.units.iter().map(|u| u.path.as_path())
    }

    /// Bytes of all the input files, for progress.
    pub fn total_bytes(&self) -> u64 {
        self.sizes.iter().sum()
    }

    pub fn options(&self) -> &LoadOptions {
        &self.options
    }

    /// Reads every document once, in input order, in batches, handing each batch to `each`.
    /// Documents within a batch are parsed in parallel.
    pub fn read(&self, mut each: impl FnMut(Batch) -> Result<()>) -> Result<Summary> {
        let batch_bytes = self.batch_bytes;
        let mut summary = Summary {
            diagnostics: self.early.clone(),
            bytes: 0,
        };
        let mut pending: Vec<u32> = Vec::new();
        let mut pending_bytes = 0u64;
        for (u, unit) in self.units.iter().enumerate() {
            let u = u as u32;
            let size = self.sizes[u as usize];
            if size > batch_bytes as u64 && self.is_jsonl(unit) {
                self.flush(&mut pending, &mut summary, &mut each)?;
                pending_bytes = 0;
                self.read_records(u, batch_bytes, &mut summary, &mut each)?;
                fatal(&summary)?;
                continue;
            }
            pending.push(u);
            pending_bytes += size;
            if pending_bytes >= batch_bytes as u64 {
                self.flush(&mut pending, &mut summary, &mut each)?;
                fatal(&summary)?;
                pending_bytes = 0;
            }
        }
        self.flush(&mut pending, &mut summary, &mut each)?;
        fatal(&summary)?;
        Ok(summary)
    }

    /// The document at `address`, read again from its file.
    pub fn reread(&self, address: Address) -> Result<Document> {
        let unit = self
            .units
            .get(address.unit as usize)
            .ok_or_else(|| Error::parameter("address", "not from this corpus"))?;
        let location = Location::line(&unit.path, address.line);
        let mut out = if address.len == 0 {
            self.read_whole(address.unit)
        } else {
            let mut bytes = vec![0; address.len];
            self.read_at(address.unit, address.start, &mut bytes)
                .map_err(|e| Error::Io {
                    location: location.clone(),
                    error: e,
                })?;
            let mut out = Loaded::default();
            jsonl::read_record(unit, address, &bytes, &self.options.fields, &mut out);
            out
        };
        out.documents.pop().ok_or_else(|| Error::Input {
            location,
            message: "the document is no longer there: the file changed during the run".into(),
        })
    }

    /// Reads the units in `pending` whole, in parallel, as one batch.
    fn flush(
        &self,
        pending: &mut Vec<u32>,
        summary: &mut Summary,
        each: &mut impl FnMut(Batch) -> Result<()>,
    ) -> Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let parts: Vec<Loaded> = pending.par_iter().map(|&u| self.read_whole(u)).collect();
        pending.clear();
        let mut all = Loaded::default();
        for part in parts {
            all.append(part);
        }
        summary.diagnostics.append(&mut all.diagnostics);
        summary.bytes += all.bytes;
        summary
            .diagnostics
            .extend(mostly_boilerplate(&all.documents));
        each(Batch {
            documents: all.documents,
            addresses: all.addresses,
        })
    }

    fn is_jsonl(&self, unit: &Unit) -> bool {
        match unit.format.or(self.options.input_format) {
            Some(format) => format == Format::Jsonl,
            None => sniff(unit.file()) == Some(Format::Jsonl),
        }
    }

    fn read_whole(&self, u: u32) -> Loaded {
        let mut out = read_unit(u, &self.units[u as usize], &self.options);
        // JSON Lines records carry their own addresses; a file read whole is its document's.
        out.addresses.resize(out.documents.len(), Address::whole(u));
        out
    }

    /// Reads a large JSON Lines unit in chunks of whole lines.
    fn read_records(
        &self,
        u: u32,
        batch_bytes: usize,
        summary: &mut Summary,
        each: &mut impl FnMut(Batch) -> Result<()>,
    ) -> Result<()> {
        let unit = &self.units[u as usize];
        let mut file = match std::fs::File::open(unit.file()) {
            Ok(file) => file,
            Err(e) => {
                summary
                    .diagnostics
                    .push(unreadable(Location::file(&unit.path), &e));
                return Ok(());
            }
        };
        let mut buf: Vec<u8> = Vec::with_capacity(batch_bytes);
        let mut start = ChunkStart {
            unit: u,
            offset: 0,
            line: 1,
        };
        let mut first = true;
        loop {
            let kept = buf.len();
            // The first read must see enough to spot a binary file and a byte-order mark.
            let want = if first { FIRST_READ } else { 0 };
            buf.resize(kept.max(batch_bytes).max(2 * kept).max(want), 0);
            let n = match read_full(&mut file, &mut buf[kept..]) {
                Ok(n) => n,
                Err(e) => {
                    summary
                        .diagnostics
                        .push(unreadable(Location::line(&unit.path, start.line), &e));
                    return Ok(());
                }
            };
            buf.truncate(kept + n);
            let end_of_file = n == 0;
            let mut out = Loaded::default();
            if first {
                first = false;
                if decode::is_binary(&unit.path, &buf, &mut out) {
                    summary.diagnostics.append(&mut out.diagnostics);
                    return Ok(());
                }
                let bom = buf.len() - decode::strip_bom(&buf).len();
                buf.drain(..bom);
                start.offset = bom as u64;
            }
            // Whole lines only; the rest waits for the next read.
            let cut = if end_of_file {
                buf.len()
            } else {
                match memchr::memrchr(b'\n', &buf) {
                    Some(i) => i + 1,
                    // A line longer than a document may be is not waited for to its end.
                    None if self.options.doc_too_large(buf.len() as u64) => {
                        summary.diagnostics.push(too_large_line(
                            Location::line(&unit.path, start.line),
                            &self.options,
                        ));
                        return Ok(());
                    }
                    None => continue,
                }
            };
            if cut == 0 {
                break;
            }
            if let Some(line) = long_line(&buf[..cut], &self.options) {
                let location = Location::line(&unit.path, start.line + line);
                summary
                    .diagnostics
                    .push(too_large_line(location, &self.options));
                return Ok(());
            }
            jsonl::read(unit, start, &buf[..cut], &self.options.fields, &mut out);
            out.bytes = cut as u64;
            start.line += memchr::memchr_iter(b'\n', &buf[..cut]).count();
            start.offset += cut as u64;
            buf.drain(..cut);
            summary.diagnostics.append(&mut out.diagnostics);
            summary.bytes += out.bytes;
            summary
                .diagnostics
                .extend(mostly_boilerplate(&out.documents));
            each(Batch {
                documents: out.documents,
                addresses: out.addresses,
            })?;
            if end_of_file {
                break;
            }
        }
        Ok(())
    }

    fn read_at(&self, u: u32, offset: u64, bytes: &mut [u8]) -> std::io::Result<()> {
        let unit = &self.units[u as usize];
        let file = self.files[u as usize].get_or_init(|| {
            use std::sync::atomic::Ordering::Relaxed;
            (self.opened.fetch_add(1, Relaxed) < OPEN_FILES)
                .then(|| std::fs::File::open(unit.file()).ok())
                .flatten()
        });
        match file {
            Some(file) => read_exact_at(file, offset, bytes),
            None => {
                let file = std::fs::File::open(unit.file())?;
                read_exact_at(&file, offset, bytes)
            }
        }
    }
}

#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, offset: u64, bytes: &mut [u8]) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, offset)
}

#[cfg(not(unix))]
fn read_exact_at(file: &std::fs::File, offset: u64, bytes: &mut [u8]) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom};
    // Without positioned reads, a private handle keeps threads from moving each other's cursor.
    let mut file = file.try_clone()?;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(bytes)
}

/// Fills `buf` as far as the file allows; the count read (0 at the end).
fn read_full(file: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Below this share of content, a document is said to be mostly boilerplate: the user should
/// know that most of its words take no part in the comparison.
const MIN_CONTENT_SHARE: f64 = 0.5;

/// Warnings for the documents most of whose text is boilerplate.
fn mostly_boilerplate(documents: &[Document]) -> Vec<Diagnostic> {
    use crate::text::boilerplate;
    documents
        .par_iter()
        .with_min_len(64)
        .filter_map(|doc| {
            let share = boilerplate::content_share(&doc.text, &boilerplate::detect(&doc.text));
            (share < MIN_CONTENT_SHARE).then(|| Diagnostic {
                location: doc.origin.clone(),
                kind: super::DiagnosticKind::MostlyBoilerplate,
                message: format!(
                    "{:.0}% of the text of {:?} is read as boilerplate (bylines, promotions, \
                     link lists, comments) and left out of the comparison",
                    100.0 * (1.0 - share),
                    doc.id
                ),
            })
        })
        .collect()
}

/// The first fatal problem of a read, as its error.
fn fatal(summary: &Summary) -> Result<()> {
    match summary.diagnostics.iter().find(|d| d.kind.is_fatal()) {
        Some(d) => Err(Error::Input {
            location: d.location.clone(),
            message: d.message.clone(),
        }),
        None => Ok(()),
    }
}

/// The index of the first line of `bytes` over the document limit.
pub(super) fn long_line(bytes: &[u8], options: &LoadOptions) -> Option<usize> {
    if options.max_doc_bytes == 0 || bytes.len() as u64 <= options.max_doc_bytes {
        return None;
    }
    let mut from = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for (i, end) in ends.enumerate() {
        if options.doc_too_large((end - from) as u64) {
            return Some(i);
        }
        from = end + 1;
    }
    None
}

pub(super) fn too_large_line(location: Location, options: &LoadOptions) -> Diagnostic {
    Diagnostic {
        location,
        kind: super::DiagnosticKind::TooLarge,
        message: format!(
            "a JSON line of more than {} bytes (--max-doc-bytes; 0 for no limit)",
            options.max_doc_bytes
        ),
    }
}

/// How much of a spooled input is looked at before deciding its format and whether it is
/// binary: as [`decode::is_binary`] looks.
const SPOOL_SNIFF: usize = 8192;

/// Saves `unit` (standard input, a pipe or a device) to a temporary file, stopping with an
/// error past the limits: `budget` bytes in all (0: none), and `--max-doc-bytes` when the input
/// is one document rather than JSON Lines. A binary input stops after its first bytes (they are
/// enough for the reader to skip it), so `/dev/zero` is not read forever.
fn spool(
    unit: &Unit,
    options: &LoadOptions,
    budget: u64,
) -> Result<(tempfile::NamedTempFile, crate::cleanup::Guard, u64)> {
    let location = Location::file(&unit.path);
    let io = |e: std::io::Error| Error::Io {
        location: location.clone(),
        error: e,
    };
    let mut file = tempfile::Builder::new()
        .prefix("recoupe-spool-")
        .tempfile()
        .map_err(io)?;
    let guard = crate::cleanup::register(file.path());
    let mut source: Box<dyn Read> = if unit.is_stdin() {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(open_stream(&unit.path).map_err(io)?)
    };
    let mut buf = vec![0u8; 1 << 16];
    let mut head: Vec<u8> = Vec::with_capacity(SPOOL_SNIFF);
    let mut limit = budget;
    let mut total = 0u64;
    loop {
        let n = match source.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io(e)),
        };
        if head.len() < SPOOL_SNIFF {
            let take = n.min(SPOOL_SNIFF - head.len());
            head.extend_from_slice(&buf[..take]);
            if head.len() == SPOOL_SNIFF || take < n {
                if memchr::memchr(0, &head).is_some() {
                    std::io::Write::write_all(file.as_file_mut(), &head).map_err(io)?;
                    return Ok((file, guard, head.len() as u64));
                }
                let format = unit
                    .format
                    .or(options.input_format)
                    .unwrap_or_else(|| Format::sniff(&head));
                if format != Format::Jsonl && options.max_doc_bytes != 0 {
                    limit = match limit {
                        0 => options.max_doc_bytes,
                        l => l.min(options.max_doc_bytes),
                    };
                }
            }
        }
        total += n as u64;
        if limit != 0 && total > limit {
            return Err(Error::Input {
                location,
                message: format!(
                    "more than {limit} bytes; stopped reading (--max-input-bytes, or \
                     --max-doc-bytes for one document; 0 for no limit)"
                ),
            });
        }
        std::io::Write::write_all(file.as_file_mut(), &buf[..n]).map_err(io)?;
    }
    Ok((file, guard, total))
}

/// Opens a pipe or device for reading. A FIFO with no writer would block the open forever: it
/// is opened without blocking (it then reads as empty), and blocking reads are restored.
#[cfg(unix)]
fn open_stream(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    // SAFETY: plain fcntl calls on a descriptor this function owns.
    unsafe {
        let fd = file.as_raw_fd();
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
    }
    Ok(file)
}

#[cfg(not(unix))]
fn open_stream(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// The format the first bytes of `path` suggest, if it can be read.
fn sniff(path: &Path) -> Option<Format> {
    let mut head = [0u8; 512];
    let mut file = std::fs::File::open(path).ok()?;
    let n = read_full(&mut file, &mut head).ok()?;
    Some(Format::sniff(&head[..n]))
}

fn unreadable(location: Location, e: &std::io::Error) -> Diagnostic {
    Diagnostic {
        location,
        kind: super::DiagnosticKind::Unreadable,
        message: format!("cannot read: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every document of `inputs`, read in batches of `batch` bytes, with its text read again.
    fn read_all(inputs: &[PathBuf], batch: usize) -> (Vec<(Document, Document)>, Summary) {
        let stream = Stream::open(inputs, &LoadOptions::default())
            .unwrap()
            .with_batch_bytes(batch);
        let mut batches = Vec::new();
        let summary = stream
            .read(|b| {
                assert_eq!(b.documents.len(), b.addresses.len());
                batches.push(b);
                Ok(())
            })
            .unwrap();
        let docs = batches
            .into_iter()
            .flat_map(|b| b.documents.into_iter().zip(b.addresses))
            .map(|(d, a)| {
                let again = stream.reread(a).unwrap();
                (d, again)
            })
            .collect();
        (docs, summary)
    }

    #[test]
    fn small_batches_read_what_one_read_does_and_records_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let long = "mot ".repeat(300);
        // Past the first read, so that later records are cut across reads.
        let filler: String = (0..100)
            .map(|n| format!("{{\"id\":\"f{n:03}\",\"text\":\"{long}\"}}\n"))
            .collect();
        let jsonl = format!(
            "\u{feff}{{\"id\":\"a\",\"text\":\"Premier.\"}}\r\n\nnot json\n{{\"id\":\"b\",\"text\":\"{long}\"}}\n{{\"id\":\"c\",\"text\":\"Bad \\u00e9t\u{e9}.\"}}\n{filler}{{\"id\":\"d\",\"text\":\"Sans fin de ligne.\"}}"
        );
        std::fs::write(dir.path().join("c.jsonl"), &jsonl).unwrap();
        std::fs::write(dir.path().join("p.txt"), "---\nid: p\n---\nUn texte.\n").unwrap();
        let inputs = [dir.path().to_path_buf()];
        let (whole, whole_summary) = read_all(&inputs, BATCH_BYTES);
        // Batches smaller than a line: every line boundary and the BOM fall between reads.
        for batch in [1, 7, 64, 200, 5000] {
            let (parts, summary) = read_all(&inputs, batch);
            let ids = |v: &[(Document, Document)]| -> Vec<(String, usize)> {
                v.iter()
                    .map(|(d, _)| (d.id.clone(), d.origin.line.unwrap_or(0)))
                    .collect()
            };
            assert_eq!(ids(&parts), ids(&whole), "batch {batch}");
            assert_eq!(summary.bytes, whole_summary.bytes, "batch {batch}");
            assert_eq!(summary.diagnostics, whole_summary.diagnostics);
        }
        let got: Vec<_> = whole.iter().map(|(d, _)| d.id.as_str()).collect();
        assert_eq!(got.len(), 105);
        assert_eq!(got[..3], ["a", "b", "c"]);
        assert_eq!(got[103..], ["d", "p"]);
        assert_eq!(whole[0].0.origin.line, Some(1));
        assert_eq!(whole[103].0.origin.line, Some(106));
        for (first, again) in &whole {
            assert_eq!(first, again);
        }
        assert_eq!(
            whole_summary.diagnostics.len(),
            1,
            "{:?}",
            whole_summary.diagnostics
        );
        assert_eq!(whole_summary.diagnostics[0].location.line, Some(3));
    }

    #[test]
    fn a_changed_file_is_an_error_naming_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"text\":\"Un.\"}\n{\"id\":\"b\",\"text\":\"Deux.\"}\n",
        )
        .unwrap();
        let stream = Stream::open(std::slice::from_ref(&path), &LoadOptions::default())
            .unwrap()
            .with_batch_bytes(1);
        let mut addresses = Vec::new();
        stream
            .read(|b| {
                addresses.extend(b.addresses);
                Ok(())
            })
            .unwrap();
        std::fs::write(&path, "{}\n").unwrap();
        let err = stream.reread(addresses[1]).unwrap_err().to_string();
        assert!(err.contains("c.jsonl:2"), "{err}");
    }
}
