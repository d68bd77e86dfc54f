//! The text stage: what every later stage needs to know about an article's text, computed once.
//! Offsets are byte offsets into the original text, so that every finding can be shown in the
//! words the source used.

pub mod boilerplate;
pub mod normalize;
pub mod sentences;
pub mod tokenize;
pub mod urls;

use std::ops::Range;

pub use boilerplate::{Boilerplate, BoilerplateKind};

/// An article's text, split into sentences, with its boilerplate marked.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    pub text: &'a str,
    pub boilerplate: Vec<Boilerplate>,
    /// Sentences of the article's content (sentences in boilerplate are left out).
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Prepared<'a> {
    pub fn new(text: &'a str) -> Self {
        let boilerplate = boilerplate::detect(text);
        let sentences = sentences::split(text)
            .into_iter()
            .filter(|s| !boilerplate::covers(&boilerplate, s.start))
            .collect();
        Prepared {
            text,
            boilerplate,
            sentences,
        }
    }

    pub fn is_content(&self, pos: usize) -> bool {
        !boilerplate::covers(&self.boilerplate, pos)
    }
}

/// Character offset (Unicode scalars, the unit JSON consumers index strings by) and line of
/// every byte position of a text, built once so that many spans
/// can be located without rescanning the text from its start each time.
#[derive(Debug, Clone)]
pub struct Offsets {
    chars: Vec<u32>,
    lines: Vec<u32>,
}

impl Offsets {
    pub fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(text.len() + 1);
        let mut lines = Vec::with_capacity(text.len() + 1);
        let (mut c, mut l) = (0u32, 1u32);
        for (i, b) in text.bytes().enumerate() {
            chars.push(c);
            lines.push(l);
            // A character starts at every byte that is not a UTF-8 continuation byte.
            if text.is_char_boundary(i + 1) {
                c += 1;
            }
            if b == b'\n' {
                l += 1;
            }
        }
        chars.push(c);
        lines.push(l);
        Offsets { chars, lines }
    }

    /// Character offset of byte `byte` (which must be a char boundary of the text).
    pub fn char(&self, byte: usize) -> usize {
        self.chars[byte] as usize
    }

    /// 1-based line of byte `byte`.
    pub fn line(&self, byte: usize) -> usize {
        self.lines[byte] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference implementations the index must agree with.
    fn char_offset(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    fn line_of(text: &str, byte: usize) -> usize {
        1 + text[..byte].matches('\n').count()
    }

    #[test]
    fn seed_001_sidebar_and_comment_are_not_content() {
        let text = include_str!("../../corpus/001_cc90cf6986b4a5ff.md");
        let prepared = Prepared::new(text);
        let content: String = prepared
            .sentences
            .iter()
            .map(|s| &text[s.clone()])
            .collect::<Vec<_>>()
            .join("\n");
        assert!(content.contains("7000 conteneurs"));
        assert!(content.contains("visite de deux jours"));
        for gone in [
            "Lamy Toussaint",
            "gmail",
            "14 novembre 2024",
            "arrogance",
            "vassaux",
        ] {
            assert!(!content.contains(gone), "{gone} should be boilerplate");
        }
    }

    #[test]
    fn seed_004_bio_is_not_content() {
        let text = include_str!("../../corpus/004_ef743cc3833b6adb.md");
        let prepared = Prepared::new(text);
        let pos = text.find("Passionné et dévoué").unwrap();
        assert!(!prepared.is_content(pos));
        assert!(prepared.is_content(text.find("près de deux heures et demie").unwrap()));
    }

    #[test]
    fn offset_index_matches_scanning() {
        let text = "é\nà Pékin 東京\n\nfin";
        let index = Offsets::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.char(b), char_offset(text, b));
            assert_eq!(index.line(b), line_of(text, b));
        }
    }

    #[test]
    fn offsets() {
        let text = "été\nà Pékin";
        let pos = text.find("Pékin").unwrap();
        assert_eq!(char_offset(text, pos), 6);
        assert_eq!(line_of(text, pos), 2);
    }
}
