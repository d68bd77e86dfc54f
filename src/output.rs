//! Writing an output file without losing anything the user had.
//!
//! A regular file is replaced atomically (a temporary file beside it, renamed over it), so that an
//! interrupted run never leaves half a report. Anything else is written in place: renaming over
//! `/dev/null`, a FIFO or a terminal would replace a system file or leave its reader hanging. A
//! symbolic link is followed to the file it names, so the link stays and its target is what gets
//! the new content. A path that is one of the run's inputs (the same device and inode, whatever
//! the path that names it) is refused: `scan in/ -o in/a.txt` must not destroy the article.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Symbolic links followed before giving up, as the kernel's own limit.
const MAX_LINKS: usize = 40;

/// The files a run reads, by device and inode, so that no output replaces one of them.
#[derive(Debug, Default, Clone)]
pub struct Inputs {
    files: HashSet<(u64, u64)>,
}

impl Inputs {
    /// The files named by `paths` and, for directories, every file under them (links followed
    /// only as far as the reader follows them).
    pub fn of(paths: &[PathBuf]) -> Inputs {
        let mut inputs = Inputs::default();
        for path in paths.iter().filter(|p| p.as_os_str() != "-") {
            let Ok(meta) = std::fs::metadata(path) else {
                continue;
            };
            if !meta.is_dir() {
                inputs.insert(&meta);
                continue;
            }
            for entry in walkdir::WalkDir::new(path).follow_links(true) {
                if let Ok(meta) = entry.as_ref().map(|e| e.metadata()) {
                    match meta {
                        Ok(m) if m.is_file() => inputs.insert(&m),
                        _ => {}
                    }
                }
            }
        }
        inputs
    }

    #[cfg(unix)]
    fn insert(&mut self, meta: &std::fs::Metadata) {
        use std::os::unix::fs::MetadataExt;
        self.files.insert((meta.dev(), meta.ino()));
    }

    #[cfg(not(unix))]
    fn insert(&mut self, _meta: &std::fs::Metadata) {}

    #[cfg(unix)]
    fn contains(&self, meta: &std::fs::Metadata) -> bool {
        use std::os::unix::fs::MetadataExt;
        self.files.contains(&(meta.dev(), meta.ino()))
    }

    #[cfg(not(unix))]
    fn contains(&self, _meta: &std::fs::Metadata) -> bool {
        false
    }
}

/// Where writing `path` really goes: the path after following symbolic links (a dangling link
/// names the file to create).
pub fn resolve(path: &Path) -> Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current).map_err(|e| Error::io(&current, e))?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(Error::io(
        path,
        std::io::Error::other("too many levels of symbolic links"),
    ))
}

/// Checks, before any work is done, that `path` can be written without destroying an input:
/// the same checks [`write_with`] makes, so that a long run does not fail at its end.
pub fn check(path: &Path, inputs: &Inputs) -> Result<()> {
    target(path, inputs).map(|_| ())
}

/// Where writing `path` goes, and what is there now, once the checks pass.
fn target(path: &Path, inputs: &Inputs) -> Result<(PathBuf, Option<std::fs::Metadata>)> {
    let target = resolve(path)?;
    let existing = std::fs::metadata(&target).ok();
    match &existing {
        Some(meta) if meta.is_dir() => Err(Error::io(
            path,
            std::io::Error::other("is a directory; name a file to write"),
        )),
        Some(meta) if inputs.contains(meta) => Err(Error::Input {
            location: crate::error::Location::file(path),
            message: "is one of the inputs: refusing to write over it (name another output file)"
                .into(),
        }),
        _ => Ok((target, existing)),
    }
}

/// Writes what `produce` writes to `path`: in place when the path is a device, FIFO or socket,
/// atomically otherwise; the replaced file's permissions are kept (0644 for a new file).
pub fn write_with(
    path: &Path,
    inputs: &Inputs,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let (target, existing) = target(path, inputs)?;
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(|e| Error::io(path, e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        return produce(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io(path, e));
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".recoupe-")
        .tempfile_in(&dir)
        .map_err(|e| Error::io(&dir, e))?;
    let _cleanup = crate::cleanup::register(tmp.path());
    // Temporary files are private (0600); an output keeps the mode of the file it replaces, or
    // gets the usual 0644, so that others can read what was published.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = existing.map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io(path, e))?;
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
    produce(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io(path, e))?;
    drop(out);
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(&target).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// [`write_with`] for bytes already in memory.
pub fn write(path: &Path, inputs: &Inputs, bytes: &[u8]) -> Result<()> {
    write_with(path, inputs, |out| out.write_all(bytes))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_is_kept_and_its_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.md");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        write(&link, &Inputs::default(), b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn a_regular_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(&path, &Inputs::default(), b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let fresh = dir.path().join("fresh.md");
        write(&fresh, &Inputs::default(), b"x").unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
        // No temporary file is left beside them.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn an_input_is_refused_by_inode_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("in");
        std::fs::create_dir(&corpus).unwrap();
        let article = corpus.join("a.txt");
        std::fs::write(&article, "Un article.").unwrap();
        let alias = dir.path().join("alias.txt");
        std::fs::hard_link(&article, &alias).unwrap();
        let inputs = Inputs::of(std::slice::from_ref(&corpus));
        for path in [&article, &alias] {
            let err = write(path, &inputs, b"x").unwrap_err().to_string();
            assert!(err.contains("is one of the inputs"), "{err}");
        }
        assert_eq!(std::fs::read_to_string(&article).unwrap(), "Un article.");
        assert!(write(&dir.path().join("out.md"), &inputs, b"x").is_ok());
    }

    #[test]
    fn a_directory_is_not_an_output() {
        let dir = tempfile::tempdir().unwrap();
        let err = write(dir.path(), &Inputs::default(), b"x").unwrap_err();
        assert!(err.to_string().contains("is a directory"));
    }
}
