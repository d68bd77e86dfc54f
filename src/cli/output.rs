//! Output routing: standard output, or a file written by [`recoupe::output`] (atomically for a
//! regular file, in place for a device or FIFO, never over an input).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use recoupe::output::Inputs;

pub fn write(path: Option<&Path>, inputs: &Inputs, text: &str) -> Result<()> {
    write_with(path, inputs, |out| out.write_all(text.as_bytes()))
}

/// Whether `path` names standard output.
pub fn is_stdout(path: Option<&Path>) -> bool {
    path.is_none_or(|p| p.as_os_str() == "-")
}

/// Like [`write`], for output produced piece by piece by `produce`, so that it need not be
/// held in memory whole.
pub fn write_with(
    path: Option<&Path>,
    inputs: &Inputs,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match path.filter(|p| !is_stdout(Some(p))) {
        Some(path) => Ok(recoupe::output::write_with(path, inputs, produce)?),
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match produce(&mut out).and_then(|()| out.flush()) {
                // A closed pipe (`recoupe scan … | head`) is the reader's choice, not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to standard output"),
            }
        }
    }
}

/// Refuses, before any work, outputs that would destroy an input.
pub fn check<'a>(paths: impl IntoIterator<Item = Option<&'a Path>>, inputs: &Inputs) -> Result<()> {
    for path in paths.into_iter().flatten() {
        if !is_stdout(Some(path)) {
            recoupe::output::check(path, inputs)?;
        }
    }
    Ok(())
}
