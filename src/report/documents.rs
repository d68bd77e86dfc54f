//! The report's documents looked up by id, built once per rendering: for the file line of a
//! line of a text (what `grep -n` says, front matter counted) and for naming an article by its
//! title and outlet instead of its id.

use rustc_hash::FxHashMap;

use super::analysis::Analysis;
use crate::corpus::DocumentInfo;

pub struct Documents<'a>(FxHashMap<&'a str, &'a DocumentInfo>);

impl<'a> Documents<'a> {
    pub fn new(a: &'a Analysis) -> Self {
        Documents(
            a.corpus
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d))
                .collect(),
        )
    }

    pub fn get(&self, id: &str) -> Option<&'a DocumentInfo> {
        self.0.get(id).copied()
    }

    /// The file's line of line `text_line` of document `id`'s text.
    pub fn line(&self, id: &str, text_line: usize) -> usize {
        self.get(id).map_or(text_line, |d| d.file_line(text_line))
    }

    /// The outlet, else the id: what a source filter lists.
    pub fn source(&self, id: &str) -> String {
        self.get(id)
            .and_then(|d| d.source.clone())
            .unwrap_or_else(|| id.to_string())
    }
}
