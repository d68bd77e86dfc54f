//! `recoupe.toml`: thresholds kept in the repository, so that every CI job and every developer
//! runs the same scan, report and gate. Flags on the command line win over the file, the file
//! over the defaults.
//!
//! ```toml
//! [scan]                           # also the near-duplicates of `report`
//! jaccard = 0.5                    # near-duplicates from this Jaccard similarity
//! containment = 0.8                # reuse from this share of one article found in another
//! passage-share = 0.35             # shared passages from this share, or "off"
//! shingle = "words:5"
//! permutations = 128
//! seed = 1
//!
//! [report]                         # how claims are compared, in `report` and in the gate
//! link-threshold = 0.15
//! review-below = 0.45
//! event-window-days = 7
//!
//! [gate]
//! max-jaccard = 0.5                # a number from 0 to 1, or "off" (also `jaccard`)
//! max-containment = 0.8            # (also `containment`)
//! max-duplicate-documents = "5%"   # a count (3) or a share ("5%"), or "off"
//! max-conflicts = 0                # or "off"
//! max-shared-passages = 3          # pairs that share passages; "off" (the default)
//! verdict-level = "conflict"       # conflict, review or precision
//! baseline = "recoupe-baseline.json"   # relative to this file
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::compare::CompareParams;
use crate::dedup::{DedupParams, Shingling};
use crate::error::{Error, Location, Result};
use crate::gate::{Limit, Thresholds, VerdictLevel};

pub const FILE_NAME: &str = "recoupe.toml";

/// A setting as written: a number, a string (`"5%"`, `"off"`) or a boolean (`false` is off).
/// Shown in errors as written (`1.5`, `"half"`), not as Rust names it.
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
    #[serde(alias = "jaccard")]
    max_jaccard: Option<Raw>,
    #[serde(alias = "containment")]
    max_containment: Option<Raw>,
    max_duplicate_documents: Option<Raw>,
    max_conflicts: Option<Raw>,
    max_shared_passages: Option<Raw>,
    verdict_level: Option<String>,
    baseline: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ScanSection {
    jaccard: Option<Raw>,
    containment: Option<Raw>,
    passage_share: Option<Raw>,
    shingle: Option<String>,
    permutations: Option<usize>,
    seed: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ReportSection {
    link_threshold: Option<Raw>,
    review_below: Option<Raw>,
    event_window_days: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    scan: ScanSection,
    #[serde(default)]
    report: ReportSection,
    #[serde(default)]
    gate: GateSection,
}

/// The `[scan]` section: how near-duplicates are found, by `scan`, `report` and the gate.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScanSettings {
    pub jaccard: Option<f64>,
    pub containment: Option<f64>,
    /// `Some(None)`: shared passages not looked for.
    pub passage_share: Setting<f64>,
    pub shingle: Option<Shingling>,
    pub permutations: Option<usize>,
    pub seed: Option<u64>,
}

impl ScanSettings {
    /// `base` with what the section sets.
    pub fn apply(&self, base: &DedupParams) -> DedupParams {
        DedupParams {
            threshold: self.jaccard.unwrap_or(base.threshold),
            containment: self.containment.unwrap_or(base.containment),
            passage_share: self.passage_share.unwrap_or(base.passage_share),
            shingling: self.shingle.unwrap_or(base.shingling),
            permutations: self.permutations.unwrap_or(base.permutations),
            seed: self.seed.unwrap_or(base.seed),
            ..base.clone()
        }
    }
}

/// The `[report]` section: how claims are compared, by `report` and the gate's conflict check.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportSettings {
    pub link_threshold: Option<f64>,
    pub review_below: Option<f64>,
    pub event_window_days: Option<i64>,
}

impl ReportSettings {
    pub fn apply(&self, base: &CompareParams) -> CompareParams {
        CompareParams {
            link_threshold: self.link_threshold.unwrap_or(base.link_threshold),
            review_below: self.review_below.unwrap_or(base.review_below),
            event_window_days: self.event_window_days.unwrap_or(base.event_window_days),
        }
    }
}

/// A threshold the file sets: `Some(None)` turns the check off.
pub type Setting<T> = Option<Option<T>>;

/// What a `recoupe.toml` says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    pub scan: ScanSettings,
    pub report: ReportSettings,
    pub max_jaccard: Setting<f64>,
    pub max_containment: Setting<f64>,
    pub max_duplicate_documents: Setting<Limit>,
    pub max_conflicts: Setting<usize>,
    pub max_shared_passages: Setting<usize>,
    pub verdict_level: Option<VerdictLevel>,
    /// Resolved against the file's directory.
    pub baseline: Option<PathBuf>,
}

impl std::fmt::Display for Raw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Raw::Bool(b) => write!(f, "{b}"),
            Raw::Integer(n) => write!(f, "{n}"),
            Raw::Float(x) => write!(f, "{x}"),
            Raw::Text(t) => write!(f, "{t:?}"),
        }
    }
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
                    format!("{other} is neither a number from 0 to 1 nor \"off\""),
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
                    format!("{other} is neither a count (3), a share (\"5%\") nor \"off\""),
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
                    format!("{other} is neither a count of {what} nor \"off\""),
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
        // A similarity that must be set: "off" has no meaning for it.
        let on = |key: &str, raw: Option<Raw>| -> Result<Option<f64>> {
            match unit(key, raw)? {
                Some(None) => Err(bad(
                    key,
                    "cannot be \"off\"; give a number from 0 to 1".into(),
                )),
                Some(v) => Ok(v),
                None => Ok(None),
            }
        };
        let s = file.scan;
        let scan = ScanSettings {
            jaccard: on("jaccard", s.jaccard)?,
            containment: on("containment", s.containment)?,
            passage_share: unit("passage-share", s.passage_share)?,
            shingle: s
                .shingle
                .map(|v| v.parse::<Shingling>().map_err(|m| bad("shingle", m)))
                .transpose()?,
            permutations: s.permutations,
            seed: s.seed,
        };
        let r = file.report;
        let report = ReportSettings {
            link_threshold: on("link-threshold", r.link_threshold)?,
            review_below: on("review-below", r.review_below)?,
            event_window_days: r.event_window_days,
        };
        // The values' own rules (a shingle size, a window that is not negative, …) are the
        // parameters'; checked here so that the error names this file.
        scan.apply(&DedupParams::default())
            .validate()
            .map_err(|e| Error::Input {
                location: Location::file(path),
                message: format!("[scan]: {e}"),
            })?;
        report
            .apply(&CompareParams::default())
            .validate()
            .map_err(|e| Error::Input {
                location: Location::file(path),
                message: format!("[report]: {e}"),
            })?;
        let dir = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            path: Some(path.to_path_buf()),
            scan,
            report,
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
