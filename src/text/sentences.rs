//! Sentence splitting for news text. A line break always ends a sentence (news paragraphs,
//! titles and captions stand on their own lines); inside a line, `.`, `!`, `?` and `…` end a
//! sentence when the next word starts like a sentence does, unless the period belongs to an
//! abbreviation (`M.`, `Mme`, `J.-C.`) or an initial (`J. Dupont`).

use std::ops::Range;

/// Words that end in a period without ending the sentence (compared lower case, without the
/// period). French first, then English.
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "gal", "gén",
    "col", "cdt", "lt", "cf", "p", "pp", "art", "av", "apr", "j.-c", "env", "vol", "éd", "n", "no",
    "fig", "chap", "ex", "hab", "tél", "mr", "mrs", "ms", "prof", "sr", "jr", "vs", "inc", "ltd",
    "co", "corp", "dept", "approx", "jan", "janv", "fév", "févr", "avr", "juil", "sept", "oct",
    "nov", "déc", "feb", "mar", "aug", "sep", "dec",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '…' => {
                // Take the whole run of terminal punctuation and closing quotes/brackets.
                let mut j = i + c.len_utf8();
                while let Some(&(k, d)) = chars.peek() {
                    if matches!(d, '.' | '!' | '?' | '…' | '»' | '"' | '”' | ')' | '’') {
                        j = k + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                // French typography puts a space before the closing guillemet: `viendrons. »`.
                let rest = &text[j..];
                let spaced = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
                if spaced.len() < rest.len() && spaced.starts_with(['»', '”']) {
                    j = text.len() - spaced.len() + spaced.chars().next().map_or(0, char::len_utf8);
                    while chars.peek().is_some_and(|&(k, _)| k < j) {
                        chars.next();
                    }
                }
                if ends_sentence(text, i, j) {
                    Some(j)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(end) = end {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    if start < bytes.len() {
        push_trimmed(text, start..bytes.len(), &mut out);
    }
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Whether the punctuation at `dot..after` ends a sentence.
fn ends_sentence(text: &str, dot: usize, after: usize) -> bool {
    let rest = &text[after..];
    // Terminal punctuation must be followed by white space (or the end): `3.5`, `www.x.fr` are not ends.
    match rest.chars().next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    let next = rest.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
    let Some(first) = next.chars().next() else {
        return true;
    };
    if first == '\n' {
        return true;
    }
    let starts_sentence = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '«' | '"' | '“' | '—' | '–' | '-' | '(' | '[');
    if !starts_sentence {
        return false;
    }
    if text[dot..].starts_with('.') {
        let word = last_word(&text[..dot]);
        let lower = word.to_lowercase();
        if ABBREVIATIONS.contains(&lower.as_str()) {
            return false;
        }
        // An initial: a single capital letter (`J. Dupont`), or `J.-C.`-like chains.
        let mut letters = word.chars();
        if let (Some(c), None) = (letters.next(), letters.next())
            && c.is_uppercase()
        {
            return false;
        }
    }
    true
}

/// The word just before a position (letters, and the `.`/`-` inside chains like `J.-C`).
fn last_word(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn french_abbreviations_and_initials() {
        assert_eq!(
            sentences(
                "M. Poutine est arrivé. Mme Dupont aussi ! Né en 63 av. J.-C. à Rome. J. Dupont écrit."
            ),
            [
                "M. Poutine est arrivé.",
                "Mme Dupont aussi !",
                "Né en 63 av. J.-C. à Rome.",
                "J. Dupont écrit."
            ]
        );
    }

    #[test]
    fn lines_quotes_and_decimals() {
        assert_eq!(
            sentences("Titre\n« Nous viendrons. » Il a dit 3.5 fois. que non?  Oui.\n\nFin"),
            [
                "Titre",
                "« Nous viendrons. »",
                "Il a dit 3.5 fois. que non?",
                "Oui.",
                "Fin"
            ]
        );
    }
}
