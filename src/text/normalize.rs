//! Normalisation of words for comparison: Unicode NFKC (ligatures, full-width forms, non-breaking
//! spaces), lower case, and one form for apostrophes, quotes and dashes, so that a copy that went
//! through another CMS's typography still matches its source.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// One canonical character for the many typographic variants of the same punctuation.
pub fn unify_punctuation(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => {
            '"'
        }
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => {
            '-'
        }
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' => ' ',
        _ => c,
    }
}

/// Appends the comparison form of `word` to `out`.
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // The common case in French and English text: no normalisation can change ASCII.
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    let push = |out: &mut String, c: char| {
        for l in unify_punctuation(c).to_lowercase() {
            out.push(l);
        }
    };
    if is_nfkc_quick(word.chars()) == IsNormalized::Yes {
        word.chars().for_each(|c| push(out, c));
    } else {
        word.nfkc().for_each(|c| push(out, c));
    }
}

/// The comparison form of `word`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_compatibility_and_typography() {
        assert_eq!(fold("Poutine"), "poutine");
        assert_eq!(fold("ÉTATS"), "états");
        assert_eq!(fold("ﬁnance"), "finance");
        assert_eq!(fold("Ｋｉｍ"), "kim");
        assert_eq!(fold("l’occasion"), "l'occasion");
        assert_eq!(fold("Jong–Un"), "jong-un");
        // Composed and decomposed accents fold to the same string.
        assert_eq!(fold("e\u{301}te\u{301}"), fold("été"));
    }
}
