//! Expands the user's inputs into readable units: files found under directories (recursively,
//! in sorted order so that runs are reproducible), single files, and standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{DiagnosticKind, Loaded};
use crate::error::{Error, Location, Result};

/// How a unit's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text, with optional front matter.
    Text,
    /// Markdown, with optional front matter (read as text: the markup is kept).
    Markdown,
    Html,
    /// JSON Lines: one document per line.
    Jsonl,
}

impl Format {
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            _ => return None,
        })
    }

    /// Guesses the format of input whose name says nothing (standard input, files without a
    /// known extension given explicitly) from its first non-blank byte.
    pub fn sniff(bytes: &[u8]) -> Format {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Format::Jsonl,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }
}

pub(super) struct Unit {
    pub path: PathBuf,
    /// `None` for standard input and files with an unknown extension named explicitly: their
    /// format is chosen by option or sniffed from the content.
    pub format: Option<Format>,
    /// Id of the document(s) from this file: the path below the directory given, without extension.
    pub id: String,
    /// Where the bytes are, when not at `path`: standard input is saved to a temporary file so
    /// that its documents can be read again, as those of any file.
    pub spool: Option<PathBuf>,
    /// Standard input, a pipe or a device named explicitly: read once, saved to `spool`. Files
    /// found under a directory are regular by construction and never are.
    pub stream: bool,
    /// Found under a directory rather than named: recoupe's own outputs there are skipped
    /// (a report written into the corpus would be read as an article by the next run).
    pub found: bool,
}

/// The bytes of a unit: read into memory, or mapped for large files.
pub(super) enum Bytes {
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Mapped(m) => m,
        }
    }
}

/// Files from this size on are mapped rather than copied: the parsing threads then fault their
/// pages in in parallel instead of waiting for one thread to copy the whole file.
const MAP_FROM: u64 = 4 << 20;

impl Unit {
    /// The file holding the unit's bytes.
    pub fn file(&self) -> &Path {
        self.spool.as_deref().unwrap_or(&self.path)
    }

    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }

    pub fn read(&self) -> std::io::Result<Bytes> {
        let mut file = std::fs::File::open(self.file())?;
        let len = file.metadata()?.len();
        if len >= MAP_FROM {
            // SAFETY: the map is read-only and lives only while this unit is parsed. A file
            // truncated by another process during the run could fault; corpora are inputs at
            // rest, and ripgrep takes the same trade for the same speed.
            if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
                return Ok(Bytes::Mapped(map));
            }
        }
        let mut buf = Vec::with_capacity(len as usize);
        file.read_to_end(&mut buf)?;
        Ok(Bytes::Owned(buf))
    }
}

/// Drops the units that name a file already named (`scan a.md a.md`, `scan dir dir/a.md`,
/// `scan - -`, a link to a file of the same directory), keeping the first, with a warning: read
/// twice, a file would be reported as its own near-duplicate.
pub(super) fn read_once(units: &mut Vec<Unit>, early: &mut Loaded) {
    let mut seen: rustc_hash::FxHashMap<PathBuf, PathBuf> = rustc_hash::FxHashMap::default();
    units.retain(|unit| {
        let key = match unit.is_stdin() {
            true => PathBuf::from("-"),
            false => std::fs::canonicalize(&unit.path).unwrap_or_else(|_| unit.path.clone()),
        };
        match seen.get(&key) {
            None => {
                seen.insert(key, unit.path.clone());
                true
            }
            Some(first) => {
                let message = match first == &unit.path {
                    true => "named more than once: read once".to_string(),
                    false => format!("the same file as {}: read once", first.display()),
                };
                early.warn(
                    Location::file(&unit.path),
                    DiagnosticKind::Repeated,
                    message,
                );
                false
            }
        }
    });
}

pub(super) fn expand(
    input: &Path,
    follow_links: bool,
    units: &mut Vec<Unit>,
    early: &mut Loaded,
) -> Result<()> {
    if input.as_os_str() == "-" {
        units.push(Unit {
            path: input.to_path_buf(),
            format: None,
            id: "stdin".into(),
            spool: None,
            stream: true,
            found: false,
        });
        return Ok(());
    }
    let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
    if !meta.is_dir() {
        units.push(Unit {
            path: input.to_path_buf(),
            format: Format::from_extension(input),
            id: stem(input),
            spool: None,
            stream: !meta.is_file(),
            found: false,
        });
        return Ok(());
    }
    // Links that stay inside the directory are read; one that leads out of it is a file the
    // user did not give (`notes.txt -> /etc/passwd` would end up quoted in a report).
    let root = std::fs::canonicalize(input).map_err(|e| Error::io(input, e))?;
    let walker = walkdir::WalkDir::new(input)
        .follow_links(follow_links)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(input).to_path_buf();
                early.warn(
                    Location::file(path),
                    DiagnosticKind::Unreadable,
                    format!("cannot read: {e}"),
                );
                continue;
            }
        };
        let path = entry.path();
        if entry.file_type().is_symlink() {
            match std::fs::canonicalize(path) {
                Ok(target) if target.starts_with(&root) && target.is_file() => {}
                Ok(target) if target.starts_with(&root) => continue,
                Ok(target) => {
                    early.warn(
                        Location::file(path),
                        DiagnosticKind::Link,
                        format!(
                            "skipped: symbolic link to {}, outside {} (--follow-links reads it)",
                            target.display(),
                            input.display()
                        ),
                    );
                    continue;
                }
                Err(e) => {
                    early.warn(
                        Location::file(path),
                        DiagnosticKind::Unreadable,
                        format!("skipped: broken symbolic link ({e})"),
                    );
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        match Format::from_extension(path) {
            Some(format) => units.push(Unit {
                path: path.to_path_buf(),
                format: Some(format),
                id: relative_id(input, path),
                spool: None,
                stream: false,
                found: true,
            }),
            None => early.warn(
                Location::file(path),
                DiagnosticKind::UnknownFormat,
                "skipped: not a .txt, .md, .html or .jsonl file (name it explicitly to read it)",
            ),
        }
    }
    Ok(())
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = rel.with_extension("");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_and_content() {
        assert_eq!(
            Format::from_extension(Path::new("a/B.HTML")),
            Some(Format::Html)
        );
        assert_eq!(Format::from_extension(Path::new("x.pdf")), None);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF  {\"id\":1}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"<!doctype html>"), Format::Html);
        assert_eq!(Format::sniff(b"Bonjour"), Format::Text);
    }

    #[test]
    fn ids_keep_subdirectories() {
        assert_eq!(
            relative_id(Path::new("c"), Path::new("c/sub/x.txt")),
            "sub/x"
        );
    }
}
