//! `recoupe.toml`: the gate's thresholds kept in the repository, so that every CI job and every
//! developer runs the same gate. Flags on the command line win over the file.
//!
//! ```toml
//! [gate]
//! max-jaccard = 0.5                # a number from 0 to 1, or "off"
//! max-containment = 0.8
//! max-duplicate-documents = "5%"   # a count (3) or a share ("5%"), or "off"
//! max-conflicts = 0                # or "off"
//! max-shared-passages = 3          # pairs that share passages; "off" (the default)
//! verdict-level = "conflict"       # conflict, review or precision
//! baseline = "recoupe-baseline.json"   # relative to this file
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Limit, Thresholds, VerdictLevel};
use crate::error::{Error, Location, Result};

pub const FILE_NAME: &str = "recoupe.toml";

/// A setting as written: a number, a string (`"5%"`, `"off"`) or a boolean (`false` is off).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Raw {
    Bool(bool),
    Integer(i64),
    Float(f64),
    Text(String),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct GateSection {
    max_jaccard: Option<Raw>,
    max_containment: Option<Raw>,
    max_duplicate_documents: Option<Raw>,
    max_conflicts: Option<Raw>,
    max_shared_passages: Option<Raw>,
    verdict_level: Option<String>,
    baseline: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    gate: GateSection,
}

/// A threshold the file sets: `Some(None)` turns the check off.
pub type Setting<T> = Option<Option<T>>;

/// What a `recoupe.toml` says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    pub max_jaccard: Setting<f64>,
    pub max_containment: Setting<f64>,
    pub max_duplicate_documents: Setting<Limit>,
    pub max_conflicts: Setting<usize>,
    pub max_shared_passages: Setting<usize>,
    pub verdict_level: Option<VerdictLevel>,
    /// Resolved against the file's directory.
    pub baseline: Option<PathBuf>,
}

impl Config {
    /// The `recoupe.toml` that applies in `dir`: the first found in `dir` or its parents, up to
    /// the repository's root (the directory with `.git`) or `home`, whichever comes first. Outside
    /// both only `dir` itself is looked at: in `/tmp` a file planted by someone else one level up
    /// must not set the thresholds of the gate.
    pub fn find(dir: &Path, home: Option<&Path>) -> Option<PathBuf> {
        let limit = dir
            .ancestors()
            .position(|d| d.join(".git").exists() || Some(d) == home)
            .unwrap_or(0);
        dir.ancestors()
            .take(limit + 1)
            .map(|d| d.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// The user's home directory, where the search for `recoupe.toml` stops.
    pub fn home() -> Option<PathBuf> {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
    }

    /// Reads `path`. Errors name the file, the line and the setting.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Config::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let line_of_offset =
            |offset: usize| 1 + text[..offset.min(text.len())].matches('\n').count();
        let file: File = toml::from_str(text).map_err(|e| Error::Input {
            location: match e.span() {
                Some(span) => Location::line(path, line_of_offset(span.start)),
                None => Location::file(path),
            },
            message: e.message().to_string(),
        })?;
        // Where a key is written, for errors about its value.
        let at = |key: &str| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(1, |n| n + 1);
            Location::line(path, line)
        };
        let bad = |key: &str, message: String| Error::Input {
            location: at(key),
            message: format!("{key}: {message}"),
        };
        let g = file.gate;
        let unit = |key: &str, raw: Option<Raw>| -> Result<Setting<f64>> {
            raw.map(|raw| match raw {
                Raw::Bool(false) => Ok(None),
                Raw::Text(t) if t.trim() == "off" => Ok(None),
                Raw::Float(v) if (0.0..=1.0).contains(&v) => Ok(Some(v)),
                Raw::Integer(v) if (0..=1).contains(&v) => Ok(Some(v as f64)),
                other => Err(bad(
                    key,
                    format!("{other:?} is neither a number from 0 to 1 nor \"off\""),
                )),
            })
            .transpose()
        };
        let max_duplicate_documents = g
            .max_duplicate_documents
            .map(|raw| match raw {
                Raw::Bool(false) => Ok(None),
                Raw::Text(t) if t.trim() == "off" => Ok(None),
                Raw::Text(t) => t
                    .parse::<Limit>()
                    .map(Some)
                    .map_err(|m| bad("max-duplicate-documents", m)),
                Raw::Integer(n) if n >= 0 => Ok(Some(Limit::Count(n as usize))),
                other => Err(bad(
                    "max-duplicate-documents",
                    format!("{other:?} is neither a count (3), a share (\"5%\") nor \"off\""),
                )),
            })
            .transpose()?;
        let count = |name: &'static str, what: &str, raw: Option<Raw>| {
            raw.map(|raw| match raw {
                Raw::Bool(false) => Ok(None),
                Raw::Text(t) if t.trim() == "off" => Ok(None),
                Raw::Integer(n) if n >= 0 => Ok(Some(n as usize)),
                other => Err(bad(
                    name,
                    format!("{other:?} is neither a count of {what} nor \"off\""),
                )),
            })
            .transpose()
        };
        let max_conflicts = count("max-conflicts", "slots", g.max_conflicts)?;
        let max_shared_passages = count("max-shared-passages", "pairs", g.max_shared_passages)?;
        let verdict_level = g
            .verdict_level
            .map(|v| {
                v.parse::<VerdictLevel>()
                    .map_err(|m| bad("verdict-level", m))
            })
            .transpose()?;
        let dir = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            path: Some(path.to_path_buf()),
            max_jaccard: unit("max-jaccard", g.max_jaccard)?,
            max_containment: unit("max-containment", g.max_containment)?,
            max_duplicate_documents,
            max_conflicts,
            max_shared_passages,
            verdict_level,
            baseline: g.baseline.map(|b| dir.join(b)),
        })
    }

    /// The defaults, overridden by the file.
    pub fn thresholds(&self) -> Thresholds {
        let d = Thresholds::default();
        Thresholds {
            max_jaccard: self.max_jaccard.unwrap_or(d.max_jaccard),
            max_containment: self.max_containment.unwrap_or(d.max_containment),
            max_duplicate_documents: self
                .max_duplicate_documents
                .unwrap_or(d.max_duplicate_documents),
            max_conflicts: self.max_conflicts.unwrap_or(d.max_conflicts),
            max_shared_passages: self.max_shared_passages.unwrap_or(d.max_shared_passages),
            verdict_level: self.verdict_level.unwrap_or(d.verdict_level),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_and_errors_with_lines() {
        let path = Path::new("repo/recoupe.toml");
        let c = Config::parse(
            path,
            "[gate]\nmax-jaccard = 0.7\nmax-containment = \"off\"\nmax-duplicate-documents = \"5%\"\n\
             max-conflicts = 2\nverdict-level = \"precision\"\nbaseline = \"b.json\"\n",
        )
        .unwrap();
        let t = c.thresholds();
        assert_eq!(t.max_jaccard, Some(0.7));
        assert_eq!(t.max_containment, None);
        assert_eq!(t.max_duplicate_documents, Some(Limit::Share(0.05)));
        assert_eq!(t.max_conflicts, Some(2));
        assert_eq!(t.verdict_level, VerdictLevel::Precision);
        assert_eq!(c.baseline, Some(PathBuf::from("repo/b.json")));

        let err = |text: &str| Config::parse(path, text).unwrap_err().to_string();
        assert!(err("[gate]\n\nmax-jacard = 0.5\n").contains("recoupe.toml:3"));
        let e = err("[gate]\nmax-conflicts = -1\n");
        assert!(
            e.contains("recoupe.toml:2") && e.contains("max-conflicts"),
            "{e}"
        );
        let e = err("[gate]\nmax-jaccard = 0.2\nmax-containment = 1.5\n");
        assert!(e.contains("recoupe.toml:3"), "{e}");
        assert!(err("[gate\n").contains("recoupe.toml:1"));
    }
}
