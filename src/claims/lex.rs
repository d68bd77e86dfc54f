//! The claim stage's tokens: words and punctuation of one sentence, with byte offsets into the
//! document and a folded form. Unlike the duplicate stage's words, punctuation (`%`, `€`, `«`,
//! `:`) and hyphens are kept, because they decide what a number means.

use crate::text::normalize;

#[derive(Debug, Clone, PartialEq)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Folded (lower case, NFKC, apostrophes unified); elided articles lose their apostrophe.
    pub lower: std::borrow::Cow<'a, str>,
    /// Whether white space separates this token from the previous one.
    pub space_before: bool,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    pub fn is_number(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
            && self
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}')
}

/// Lexes `text[range]`; offsets are into `text`.
/// The entry of `entries` whose words stand at token `i` (the longest, when several do), and
/// how many tokens it takes.
pub fn longest_at<T: Copy>(toks: &[Tok], i: usize, entries: &[(&[&str], T)]) -> Option<(T, usize)> {
    entries
        .iter()
        .filter(|(words, _)| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == *w))
        })
        .max_by_key(|(words, _)| words.len())
        .map(|&(words, value)| (value, words.len()))
}

pub fn lex(text: &str, range: std::ops::Range<usize>) -> Vec<Tok<'_>> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out: Vec<Tok> = Vec::new();
    let mut chars = s.char_indices().peekable();
    let mut space = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = chars.peek() {
                let joins_number = matches!(d, '.' | ',')
                    && s[..j].ends_with(|x: char| x.is_ascii_digit())
                    && s[j + 1..].starts_with(|x: char| x.is_ascii_digit());
                if d.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&d) || joins_number {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // An elided word (`l'`, `d'`, `qu'`, `aujourd'hui` kept whole) keeps its apostrophe
            // out of the folded form.
            let word = &s[i..end];
            let mut lower = normalize::fold_cow(word);
            if let Some(&(j, d)) = chars.peek()
                && is_apostrophe(d)
                && lower == "aujourd"
            {
                // `aujourd'hui` is one word.
                let rest = &s[j + d.len_utf8()..];
                if rest.to_lowercase().starts_with("hui") {
                    chars.next();
                    for _ in 0..3 {
                        chars.next();
                    }
                    end = j + d.len_utf8() + 3;
                    lower = std::borrow::Cow::Borrowed("aujourd'hui");
                }
            }
            out.push(Tok {
                start: base + i,
                end: base + end,
                text: &s[i..end],
                lower,
                space_before: space,
            });
        } else if is_apostrophe(c) {
            // Apostrophes are dropped: `d'armement` lexes as `d`, `armement`.
            space = false;
            continue;
        } else {
            out.push(Tok {
                start: base + i,
                end: base + end,
                text: &s[i..end],
                lower: normalize::fold_cow(&s[i..end]),
                space_before: space,
            });
        }
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_punctuation() {
        let text = "Selon l’AFP, 7 000 conteneurs (1,5 million €) aujourd'hui : 3,5%.";
        let toks = lex(text, 0..text.len());
        let lowers: Vec<&str> = toks.iter().map(|t| t.lower.as_ref()).collect();
        assert_eq!(
            lowers,
            [
                "selon",
                "l",
                "afp",
                ",",
                "7",
                "000",
                "conteneurs",
                "(",
                "1,5",
                "million",
                "€",
                ")",
                "aujourd'hui",
                ":",
                "3,5",
                "%",
                "."
            ]
        );
        assert!(toks[5].space_before && toks[5].is_number());
        assert!(!toks[15].space_before);
        for t in &toks {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}
