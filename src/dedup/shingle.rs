//! Shingling: the text becomes a sequence of units (words, or characters), each hashed with xxh3
//! and kept with its byte range in the original, and every window of `k` units becomes one
//! shingle hash. Boilerplate is left out before the windows are taken.
//!
//! Default: word 5-grams. News articles on one event share names and stock phrases of 2–4 words
//! ("Vladimir Poutine", "la Corée du Nord", "accord de partenariat stratégique"), so shorter
//! shingles make independent reports of one event look alike; 5-grams are rarely shared by
//! chance yet survive the light edits of republished wire copy (one changed word breaks only
//! five shingles). Character n-grams (`chars:N`) suit languages without spaces or OCR'd text.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::text::Boilerplate;
use crate::text::normalize;
use crate::text::tokenize;

/// Longest window accepted; longer ones only lose recall.
pub const MAX_K: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Words,
    Chars,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shingling {
    pub unit: Unit,
    pub k: usize,
}

impl Default for Shingling {
    fn default() -> Self {
        Shingling {
            unit: Unit::Words,
            k: 5,
        }
    }
}

impl fmt::Display for Shingling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            Unit::Words => "words",
            Unit::Chars => "chars",
        };
        write!(f, "{unit}:{}", self.k)
    }
}

impl FromStr for Shingling {
    type Err = String;

    /// `words:5`, `chars:7`, or a bare number of words.
    fn from_str(s: &str) -> Result<Self, String> {
        let (unit, k) = match s.split_once(':') {
            Some((unit, k)) => (unit.trim(), k.trim()),
            None => ("words", s.trim()),
        };
        let unit = match unit {
            "words" | "word" | "w" => Unit::Words,
            "chars" | "char" | "c" => Unit::Chars,
            other => {
                return Err(format!(
                    "unknown shingle unit {other:?} (use words:N or chars:N)"
                ));
            }
        };
        let k: usize = k
            .parse()
            .map_err(|_| format!("shingle size {k:?} is not a whole number"))?;
        if !(1..=MAX_K).contains(&k) {
            return Err(format!(
                "shingle size must be between 1 and {MAX_K}, not {k}"
            ));
        }
        Ok(Shingling { unit, k })
    }
}

/// A word or character of the content, hashed, with its byte range in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub hash: u64,
}

/// The content units of `text`, boilerplate excluded.
pub fn tokens(text: &str, boilerplate: &[Boilerplate], unit: Unit, out: &mut Vec<Token>) {
    out.clear();
    let mut skip = boilerplate.iter().peekable();
    let mut in_boilerplate = |pos: usize| {
        while let Some(b) = skip.peek() {
            if b.range.end <= pos {
                skip.next();
            } else {
                return b.range.start <= pos;
            }
        }
        false
    };
    let mut folded = String::new();
    match unit {
        Unit::Words => tokenize::for_each_word(text, |start, word| {
            if in_boilerplate(start) {
                return;
            }
            out.push(Token {
                start: start as u32,
                end: (start + word.len()) as u32,
                hash: normalize::fold_hash(word),
            });
        }),
        Unit::Chars => {
            let mut last_space = true;
            for (start, c) in text.char_indices() {
                if in_boilerplate(start) {
                    continue;
                }
                let end = (start + c.len_utf8()) as u32;
                let c = normalize::unify_punctuation(c);
                if c.is_whitespace() {
                    // Runs of white space are one unit, so reflowed copies still match.
                    if !last_space {
                        out.push(Token {
                            start: start as u32,
                            end,
                            hash: ' ' as u64,
                        });
                    }
                    last_space = true;
                    continue;
                }
                last_space = false;
                folded.clear();
                let mut buf = [0u8; 4];
                normalize::fold_into(c.encode_utf8(&mut buf), &mut folded);
                for f in folded.chars() {
                    out.push(Token {
                        start: start as u32,
                        end,
                        hash: f as u64,
                    });
                }
            }
        }
    }
}

/// Hashes every window of `k` tokens; a text shorter than `k` tokens gives one shingle of all
/// its tokens, so that short documents can still match each other.
pub fn shingles(tokens: &[Token], k: usize, out: &mut Vec<u64>) {
    out.clear();
    if tokens.is_empty() {
        return;
    }
    let k = k.min(tokens.len());
    let mut buf = [0u8; 8 * MAX_K];
    for window in tokens.windows(k) {
        for (slot, t) in buf.chunks_exact_mut(8).zip(window) {
            slot.copy_from_slice(&t.hash.to_le_bytes());
        }
        out.push(xxh3_64(&buf[..8 * k]));
    }
}

/// The distinct shingles of a text, sorted: the set that Jaccard and containment are about.
pub fn shingle_set(text: &str, boilerplate: &[Boilerplate], shingling: Shingling) -> Vec<u64> {
    let mut toks = Vec::new();
    let mut out = Vec::new();
    tokens(text, boilerplate, shingling.unit, &mut toks);
    shingles(&toks, shingling.k, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        assert_eq!("7".parse::<Shingling>().unwrap().to_string(), "words:7");
        assert_eq!("chars:5".parse::<Shingling>().unwrap().unit, Unit::Chars);
        assert!("words:0".parse::<Shingling>().is_err());
        assert!("lines:3".parse::<Shingling>().is_err());
        assert!("words:x".parse::<Shingling>().is_err());
    }

    #[test]
    fn typography_and_case_do_not_change_shingles() {
        let s = Shingling::default();
        let a = shingle_set("L’accord a été signé à Pyongyang ce mercredi.", &[], s);
        let b = shingle_set("l'accord   a ÉTÉ signé à\nPyongyang, ce mercredi", &[], s);
        assert_eq!(a, b);
        assert_eq!(a.len(), 9 - 5 + 1);
    }

    #[test]
    fn char_shingles_collapse_white_space() {
        let s: Shingling = "chars:4".parse().unwrap();
        assert_eq!(
            shingle_set("Kim  Jong\nUn", &[], s),
            shingle_set("kim jong un", &[], s)
        );
    }

    #[test]
    fn boilerplate_is_left_out() {
        let text = "un deux trois quatre cinq six\nTexte : Jean Dupont";
        let bp = crate::text::boilerplate::detect(text);
        assert_eq!(
            shingle_set(text, &bp, Shingling::default()),
            shingle_set("un deux trois quatre cinq six", &[], Shingling::default())
        );
    }

    #[test]
    fn short_texts_still_have_one_shingle() {
        assert_eq!(shingle_set("deux mots", &[], Shingling::default()).len(), 1);
        assert!(shingle_set(" … ", &[], Shingling::default()).is_empty());
    }
}
