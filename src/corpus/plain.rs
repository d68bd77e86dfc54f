//! Plain text and Markdown, with optional YAML-style front matter between `---` lines:
//! flat `key: value` pairs (`id`, `title`, `source`, `url`, `published`, `lang`).

use super::meta::{Key, Meta};
use super::walk::Unit;
use super::{DiagnosticKind, Loaded};
use crate::error::Location;

/// How far we look for the closing `---`: a front matter block is short, and a text that merely
/// starts with a horizontal rule must not be swallowed whole.
const MAX_FRONT_MATTER_LINES: usize = 64;

pub(super) fn read(unit: &Unit, text: &str, out: &mut Loaded) {
    let mut meta = Meta::default();
    let (body, body_line) = match split_front_matter(text) {
        Some((block, body, body_line)) => {
            parse_front_matter(unit, block, &mut meta, out);
            (body, body_line)
        }
        None => {
            if opens_front_matter(text) {
                out.warn(
                    Location::line(&unit.path, 1),
                    DiagnosticKind::UnclosedFrontMatter,
                    format!(
                        "front matter opened with `---` is not closed within \
                         {MAX_FRONT_MATTER_LINES} lines: the whole file is read as the text"
                    ),
                );
            }
            (text, 1)
        }
    };
    let location = Location::line(&unit.path, body_line);
    if body.trim().is_empty() {
        out.warn(location, DiagnosticKind::Empty, "skipped: empty document");
        return;
    }
    let mut doc = meta.into_document(unit.id.clone(), body.to_string(), location);
    doc.lines_in_file = true;
    out.documents.push(doc);
}

/// Whether the text starts as front matter does: `---`, then a `key: value` line.
fn opens_front_matter(text: &str) -> bool {
    let mut lines = text.lines();
    lines.next().is_some_and(|l| l.trim_end() == "---")
        && lines.next().is_some_and(|l| {
            l.split_once(':').is_some_and(|(k, _)| {
                !k.is_empty()
                    && k.trim()
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            })
        })
}

/// Returns the front matter lines, the body and the body's first line number.
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut offset = first_end + 1;
    for (i, line) in text[offset..].split_inclusive('\n').enumerate() {
        if i >= MAX_FRONT_MATTER_LINES {
            return None;
        }
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let block = &text[first_end + 1..offset];
            let body = &text[offset + line.len()..];
            return Some((block, body, i + 3));
        }
        offset += line.len();
    }
    None
}

fn parse_front_matter(unit: &Unit, block: &str, meta: &mut Meta, out: &mut Loaded) {
    for (i, line) in block.lines().enumerate() {
        let location = Location::line(&unit.path, i + 2);
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            out.warn(
                location,
                DiagnosticKind::BadField,
                format!("front matter: expected `key: value`, found {line:?}; line ignored"),
            );
            continue;
        };
        if let Some(key) = Key::parse(key) {
            meta.set(key, unquote(value.trim()), &location, out);
        }
    }
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return &value[1..value.len() - 1];
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::super::walk::Format;
    use super::*;
    use std::path::PathBuf;

    fn unit() -> Unit {
        Unit {
            path: PathBuf::from("a.md"),
            format: Some(Format::Markdown),
            id: "a".into(),
            spool: None,
            stream: false,
            found: false,
        }
    }

    #[test]
    fn front_matter_sets_metadata_and_body_line() {
        let mut out = Loaded::default();
        let text = "---\ntitle: \"T: x\"\npublished: 2024-06-19\nbad line\nlang: FR\n---\nCorps.\n";
        read(&unit(), text, &mut out);
        let doc = &out.documents[0];
        assert_eq!(doc.title.as_deref(), Some("T: x"));
        assert_eq!(doc.lang.as_deref(), Some("fr"));
        assert_eq!(doc.text, "Corps.\n");
        assert_eq!(doc.origin, Location::line("a.md", 7));
        assert_eq!(out.diagnostics.len(), 1);
        assert_eq!(out.diagnostics[0].location, Location::line("a.md", 4));
    }

    #[test]
    fn a_leading_rule_without_closing_is_text() {
        let mut out = Loaded::default();
        read(&unit(), "---\nPas de métadonnées.\n", &mut out);
        assert_eq!(out.documents[0].text, "---\nPas de métadonnées.\n");
    }

    #[test]
    fn empty_body_is_skipped() {
        let mut out = Loaded::default();
        read(&unit(), "---\nid: x\n---\n  \n", &mut out);
        assert!(out.documents.is_empty());
        assert_eq!(out.diagnostics[0].kind, DiagnosticKind::Empty);
    }
}
