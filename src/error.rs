//! Errors of the library. Every error names where it happened (file, line, field or parameter),
//! because a message without a place sends the user hunting through a corpus of thousands of files.

use std::fmt;
use std::path::PathBuf;

/// Where an input problem was found: a file (or standard input) and, where it makes sense, a line.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Location {
    /// The path as the user gave it (or as found under a directory they gave); `-` is standard input.
    pub path: PathBuf,
    /// 1-based line number, when the problem has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: None,
        }
    }

    pub fn line(path: impl Into<PathBuf>, line: usize) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
        }
    }

    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_stdin() {
            f.write_str("<stdin>")?;
        } else {
            write!(f, "{}", self.path.display())?;
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The system's message is part of this one and not also its `source()`: a chain printed
    /// whole (`{:#}`) would say it twice.
    #[error("{location}: {error}")]
    Io {
        location: Location,
        error: std::io::Error,
    },
    /// A problem in the user's input that could not be worked around (or `--strict` was asked).
    #[error("{location}: {message}")]
    Input { location: Location, message: String },
    /// A parameter outside its valid range.
    #[error("invalid {name}: {message}")]
    Parameter { name: &'static str, message: String },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            location: Location::file(path),
            error: source,
        }
    }

    pub fn parameter(name: &'static str, message: impl Into<String>) -> Self {
        Error::Parameter {
            name,
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
