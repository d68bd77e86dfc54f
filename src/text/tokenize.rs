//! Word segmentation (Unicode UAX #29, via unicode-segmentation) with byte offsets into the
//! original text. French elisions are split (`l’occasion` → `l`, `occasion`) so that
//! `l'occasion` and `l’occasion` and `cette occasion` share the word `occasion`.

use unicode_segmentation::UnicodeSegmentation;

/// Calls `f(start, word)` for each word of `text`, `start` being its byte offset.
/// A word is a UAX #29 word segment holding a letter or digit, cut at apostrophes.
pub fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    for (start, segment) in text.split_word_bound_indices() {
        let first = segment.as_bytes()[0];
        // Fast rejection of spaces and punctuation, which are half of all segments.
        if first.is_ascii() && !first.is_ascii_alphanumeric() {
            continue;
        }
        if !segment.chars().any(char::is_alphanumeric) {
            continue;
        }
        if !segment.contains(is_apostrophe) {
            f(start, segment);
            continue;
        }
        let mut piece_start = 0;
        for (i, c) in segment.char_indices() {
            if is_apostrophe(c) {
                if i > piece_start {
                    f(start + piece_start, &segment[piece_start..i]);
                }
                piece_start = i + c.len_utf8();
            }
        }
        if piece_start < segment.len() {
            f(start + piece_start, &segment[piece_start..]);
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}')
}

/// Words with their byte ranges.
pub fn words(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    for_each_word(text, |start, w| out.push((start..start + w.len(), w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|(_, w)| w).collect()
    }

    #[test]
    fn french_words_elisions_and_numbers() {
        assert_eq!(
            list("L’accord, signé à Pyongyang : 7 000 conteneurs (1,5 million) !"),
            ["L", "accord", "signé", "à", "Pyongyang", "7", "000", "conteneurs", "1,5", "million"]
        );
        assert_eq!(list("Kim Jong-un aujourd'hui"), ["Kim", "Jong", "un", "aujourd", "hui"]);
        assert!(list(" — « » … ").is_empty());
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "Élysée l’été";
        for (range, w) in words(text) {
            assert_eq!(&text[range], w);
        }
    }
}
