//! Temporary files to remove if the process is stopped by a signal. Drop handlers do not run
//! when SIGINT or SIGTERM ends a process, so a spool of standard input or half an output would
//! stay on disk; the binary's signal handler calls [`remove_all`] before it exits. The library
//! only keeps the list.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

static PATHS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Keeps `path` on the list while the guard lives.
#[must_use = "the path leaves the list when the guard is dropped"]
pub struct Guard(PathBuf);

pub fn register(path: &Path) -> Guard {
    if let Ok(mut paths) = PATHS.lock() {
        paths.push(path.to_path_buf());
    }
    Guard(path.to_path_buf())
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Ok(mut paths) = PATHS.lock()
            && let Some(i) = paths.iter().rposition(|p| *p == self.0)
        {
            paths.swap_remove(i);
        }
    }
}

/// Removes every file on the list (for a signal handler, just before the process exits).
pub fn remove_all() {
    // A poisoned lock still holds the list: a panic elsewhere must not leave files behind.
    let paths = match PATHS.lock() {
        Ok(p) => p,
        Err(poisoned) => poisoned.into_inner(),
    };
    for path in paths.iter() {
        let _ = std::fs::remove_file(path);
    }
}

/// The paths on the list, for tests.
pub fn registered() -> Vec<PathBuf> {
    match PATHS.lock() {
        Ok(p) => p.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_leave_the_list_and_remove_all_deletes() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::write(&a, "x").unwrap();
        let guard = register(&a);
        assert!(registered().contains(&a));
        remove_all();
        assert!(!a.exists());
        drop(guard);
        assert!(!registered().contains(&a));
    }
}
