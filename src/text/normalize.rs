//! Normalisation of words for comparison: Unicode NFKC (ligatures, full-width forms, non-breaking
//! spaces), lower case, and one form for apostrophes, quotes and dashes, so that a copy that went
//! through another CMS's typography still matches its source.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
use xxhash_rust::xxh3::xxh3_64;

/// One canonical character for the many typographic variants of the same punctuation.
pub fn unify_punctuation(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' => ' ',
        _ => c,
    }
}

/// Appends the comparison form of `word` to `out`.
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // The common case in French and English text: no normalisation can change ASCII.
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return;
    }
    if word.chars().all(is_stable_latin) {
        // Latin letters that NFKC leaves alone: lower case is all there is to do.
        out.extend(word.chars().map(lower_latin));
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

/// ASCII and the Latin-1 and Latin Extended-A letters (French, Spanish, German, Polish, …) that
/// NFKC does not change: `Ĳ ĳ Ŀ ŀ ŉ ſ` are compatibility characters, and `İ` lowers to two
/// characters; they take the slow path.
fn is_stable_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (('\u{C0}'..='\u{17E}').contains(&c)
            && !matches!(
                c,
                '\u{D7}'
                    | '\u{F7}'
                    | '\u{130}'
                    | '\u{132}'
                    | '\u{133}'
                    | '\u{13F}'
                    | '\u{140}'
                    | '\u{149}'
            ))
}

/// Lower case of a character that passed [`is_stable_latin`]: Latin-1 capitals are 0x20 below
/// their small letters; Latin Extended-A pairs a capital (even) with its small letter (odd) in
/// most blocks, and the table lookup handles the rest.
fn lower_latin(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{C0}'..='\u{DE}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{DF}'..='\u{FF}' | 'a'..='z' | '0'..='9' => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Appends the comparison form of `word` to a byte buffer: the same bytes as [`fold_into`],
/// faster for the words of Western European languages. ASCII and the Latin-1 letters (UTF-8 lead
/// byte 0xC3) are lowered in place: a Latin-1 capital's second byte is its small letter's minus
/// 0x20. Other words take the general path.
pub fn fold_bytes_into(word: &str, out: &mut Vec<u8>) {
    let bytes = word.as_bytes();
    let latin1 = bytes
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b == 0xC3 || (0x80..0xC0).contains(&b));
    // Continuation bytes are only allowed after 0xC3 (Latin-1 letters), and × ÷ are excluded.
    let simple = latin1
        && bytes.iter().enumerate().all(|(i, &b)| {
            !(0x80..0xC0).contains(&b)
                || (i > 0 && bytes[i - 1] == 0xC3 && b != 0x97 && b != 0xB7 && b >= 0x80)
        });
    if !simple {
        let mut s = String::new();
        fold_into(word, &mut s);
        out.extend_from_slice(s.as_bytes());
        return;
    }
    let mut after_c3 = false;
    for &b in bytes {
        let lowered = if after_c3 && (0x80..=0x9E).contains(&b) {
            b + 0x20
        } else {
            b.to_ascii_lowercase()
        };
        after_c3 = b == 0xC3;
        out.push(lowered);
    }
}

/// The xxh3 hash of `word`'s comparison form, the same as hashing [`fold_bytes_into`]'s output.
/// Words of ASCII and Latin-1 letters and digits, the bulk of French and English text, are
/// folded and hashed in one pass on the stack: shingling calls this for every word of a corpus.
pub fn fold_hash(word: &str) -> u64 {
    const MAX: usize = 48;
    let bytes = word.as_bytes();
    if bytes.len() <= MAX {
        let mut buf = [0u8; MAX];
        let mut after_c3 = false;
        let mut simple = true;
        for (slot, &b) in buf.iter_mut().zip(bytes) {
            *slot = if after_c3 {
                // The second byte of U+00C0–U+00FF; × and ÷ are not letters.
                if b == 0x97 || b == 0xB7 {
                    simple = false;
                    break;
                }
                if b <= 0x9E { b + 0x20 } else { b }
            } else if b.is_ascii_alphanumeric() {
                b.to_ascii_lowercase()
            } else if b == 0xC3 {
                b
            } else {
                simple = false;
                break;
            };
            after_c3 = b == 0xC3 && !after_c3;
        }
        if simple {
            return xxh3_64(&buf[..bytes.len()]);
        }
    }
    let mut folded = Vec::with_capacity(bytes.len());
    fold_bytes_into(word, &mut folded);
    xxh3_64(&folded)
}

/// The comparison form of `word`, borrowed when folding cannot change it (ASCII and Latin-1
/// lower case letters and digits, the bulk of French text), so that callers folding every
/// word do not allocate for most of them.
pub fn fold_cow(word: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = word.chars().all(|c| {
        c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '%' | '(' | ')' | '-' | '/' | '"' | '\''
            )
            || (('\u{DF}'..='\u{FF}').contains(&c) && c != '\u{F7}')
    });
    if unchanged {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(fold(word))
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
    fn one_pass_hash_matches_folding_then_hashing() {
        for w in [
            "poutine",
            "Été",
            "ÀÉÎÕÜÞ",
            "×",
            "a÷b",
            "ﬁn",
            "L’accord",
            "7,5",
            "İstanbul",
            "ß",
            "Ĳssel",
            "naïve",
            "Ærø",
            "x",
            "",
        ] {
            let mut folded = Vec::new();
            fold_bytes_into(w, &mut folded);
            assert_eq!(fold_hash(w), xxh3_64(&folded), "{w}");
        }
        let long = "Été".repeat(40);
        let mut folded = Vec::new();
        fold_bytes_into(&long, &mut folded);
        assert_eq!(fold_hash(&long), xxh3_64(&folded));
    }

    #[test]
    fn borrowed_folding_matches_folding() {
        for w in [
            "poutine",
            "été",
            "Été",
            "l’été",
            "«",
            "7,5",
            "ÿ",
            "÷",
            "ﬁ",
            "`",
            "Poutine",
            "AFP",
            "G7",
        ] {
            assert_eq!(fold_cow(w), fold(w), "{w}");
        }
        assert!(matches!(fold_cow("déjà"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn byte_folding_matches_string_folding() {
        for w in [
            "Poutine",
            "ÉTÉ",
            "àÀéÉçÇœŒ",
            "×÷",
            "Straße",
            "ĲSSEL",
            "ﬁn",
            "Ｋｉｍ",
            "e\u{301}",
            "Þór",
            "ÿŸ",
            "Ångström",
            "l’été",
            "",
        ] {
            let mut bytes = Vec::new();
            fold_bytes_into(w, &mut bytes);
            assert_eq!(String::from_utf8(bytes).unwrap(), fold(w), "{w}");
        }
    }

    #[test]
    fn folds_case_compatibility_and_typography() {
        assert_eq!(fold("Poutine"), "poutine");
        assert_eq!(fold("ÉTATS"), "états");
        assert_eq!(fold("ﬁnance"), "finance");
        assert_eq!(fold("Ĳssel"), "ijssel");
        assert_eq!(fold("ŒUVRE"), "œuvre");
        assert_eq!(fold("ÀÉÈÇÔÛÜŸÆ"), "àéèçôûüÿæ");
        for c in ('\u{C0}'..='\u{17E}').filter(|&c| is_stable_latin(c)) {
            assert_eq!(
                lower_latin(c).to_string(),
                c.to_lowercase().to_string(),
                "{c}"
            );
        }
        assert_eq!(fold("Ｋｉｍ"), "kim");
        assert_eq!(fold("l’occasion"), "l'occasion");
        assert_eq!(fold("Jong–Un"), "jong-un");
        // Composed and decomposed accents fold to the same string.
        assert_eq!(fold("e\u{301}te\u{301}"), fold("été"));
    }
}
