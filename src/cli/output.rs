//! Output routing: stdout, or a file replaced atomically (a temporary file in the same directory,
//! renamed into place), so that an interrupted run never leaves a half-written report.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

pub fn write(path: Option<&Path>, text: &str) -> Result<()> {
    write_with(path, |out| out.write_all(text.as_bytes()))
}

/// Like [`write`], for output produced piece by piece by `produce`, so that it need not be
/// held in memory whole.
pub fn write_with(
    path: Option<&Path>,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        return match produce(&mut out).and_then(|()| out.flush()) {
            // A closed pipe (`recoupe scan … | head`) is the reader's choice, not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.context("cannot write to standard output"),
        };
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    // Temporary files are private (0600); a report keeps the mode of the file it replaces, or
    // gets the usual 0644, so that others can read what was published.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot set the permissions of {}", path.display()))?;
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
    produce(&mut out)
        .and_then(|()| out.flush())
        .with_context(|| format!("cannot write {}", path.display()))?;
    drop(out);
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}
