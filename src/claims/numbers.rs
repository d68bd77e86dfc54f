//! Numbers in text: digits with French separators (`7000`, `7 000`, `7.000`, `1,5`), spelled-out
//! numbers (converted by text2num), scale words (`1,5 million`), approximate counts
//! (`une quarantaine`, `des centaines`), ordinals (`80e`, `deuxième`, `XXe`).

use text2num::{Language, text2digits};

use super::lang::Lexicon;
use super::lex::Tok;
use super::value::{Modifier, Range};

#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    pub range: Range,
    /// Tokens `[start, end)` of the number phrase.
    pub end: usize,
    pub ordinal: bool,
    /// A modifier implied by the wording (`une quarantaine` is approximate).
    pub implied: Option<Modifier>,
    /// A lone `un`/`une`: a number only when a unit follows (`une heure`, not `une visite`).
    pub weak: bool,
    /// Whether the phrase ends in an approximate noun or scale that takes `de` before its noun.
    pub takes_of: bool,
}

/// Reads a digit string with French conventions: `.` before groups of exactly three digits
/// separates thousands (`7.000`), otherwise `.` or `,` is the decimal mark.
pub fn parse_digits(s: &str) -> Option<f64> {
    let groups: Vec<&str> = s.split('.').collect();
    let thousands_dots = groups.len() > 1
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3 && !g.contains(','));
    let s = if thousands_dots {
        s.replace('.', "")
    } else {
        s.to_string()
    };
    s.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// A Roman numeral (`XXe` → 20), for centuries and monarchs.
pub fn parse_roman(s: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(value).collect();
    let digits = digits?;
    if digits.is_empty() {
        return None;
    }
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&n| n > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

/// `80e`, `1er`, `2nde` → the rank; with `roman`, also `XXe` (only where a century word
/// follows: elsewhere `Ce`, `Le` and `De` would read as 100, 50 and 500).
pub fn parse_ordinal(tok: &Tok, roman: bool) -> Option<u32> {
    let lower = tok.lower.as_ref();
    for suffix in [
        "ème", "eme", "ère", "ere", "er", "re", "nde", "nd", "e", "è",
    ] {
        if let Some(head) = lower.strip_suffix(suffix)
            && !head.is_empty()
        {
            if head.chars().all(|c| c.is_ascii_digit()) {
                return head.parse().ok();
            }
            // The folded form may differ in length from the original (NFKC): only an ASCII
            // head can be a Roman numeral, and then both forms agree byte for byte.
            let original_head = tok.text.get(..head.len()).unwrap_or("");
            if roman
                && !original_head.is_empty()
                && original_head.chars().all(|c| c.is_ascii_uppercase())
            {
                return parse_roman(original_head);
            }
        }
    }
    None
}

fn french() -> &'static Language {
    static FR: std::sync::OnceLock<Language> = std::sync::OnceLock::new();
    FR.get_or_init(Language::french)
}

fn is_number_word(lex: &Lexicon, lower: &str) -> bool {
    lex.is_number_word(lower)
        || lower.ends_with("ième")
        || lower == "première"
        || lower == "premier"
}

/// Spelled-out number at `i`: the longest run of number words that text2num reads.
fn spelled(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<(f64, usize, bool)> {
    if !is_number_word(lex, &toks[i].lower) {
        return None;
    }
    let mut end = i + 1;
    while end < toks.len() && !toks[end - 1].lower.ends_with("ième") {
        let t = &toks[end];
        let hyphen = t.lower == "-" && !t.space_before;
        let joiner = hyphen || lex.number_joiners.contains(&t.lower.as_ref());
        if joiner
            && toks
                .get(end + 1)
                .is_some_and(|n| is_number_word(lex, &n.lower))
        {
            end += 2;
        } else if is_number_word(lex, &t.lower) && !matches!(t.lower.as_ref(), "un" | "une") {
            end += 1;
        } else {
            break;
        }
    }
    // Shrink until text2num accepts the phrase (`deux et` is not a number, `deux` is).
    while end > i {
        let phrase: Vec<&str> = toks[i..end]
            .iter()
            .filter(|t| t.lower != "-")
            .map(|t| t.lower.as_ref())
            .collect();
        if let Ok(digits) = text2digits(&phrase.join(" "), french()) {
            let ordinal =
                digits.ends_with("ème") || digits.ends_with("ère") || digits.ends_with("er");
            let numeric: String = digits.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(v) = numeric.parse::<f64>() {
                return Some((v, end, ordinal));
            }
        }
        end -= 1;
    }
    None
}

/// The number phrase starting at token `i`, if any.
pub fn number_at(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<NumberMatch> {
    let t = toks.get(i)?;
    let next_lower = |k: usize| toks.get(k).map(|t| t.lower.as_ref());

    // `une quarantaine`, `un millier`, `des centaines`, `plusieurs milliers`.
    if let Some(noun) = next_lower(i + 1)
        && let Some(v) = lex.approx_noun(noun)
    {
        match t.lower.as_ref() {
            "un" | "une" => {
                return Some(NumberMatch {
                    range: Range::exact(v),
                    end: i + 2,
                    ordinal: false,
                    implied: Some(Modifier::Approx),
                    weak: false,
                    takes_of: true,
                });
            }
            "des" | "plusieurs" | "quelques" | "de" => {
                // "Several hundreds": two to nine of them (a dozen is its own word).
                let (lo, hi) = if v == 12.0 || v == 15.0 {
                    (2.0 * v, 9.0 * v)
                } else {
                    (2.0 * v, 10.0 * v - 1.0)
                };
                return Some(NumberMatch {
                    range: Range::between(lo, hi),
                    end: i + 2,
                    ordinal: false,
                    implied: None,
                    weak: false,
                    takes_of: true,
                });
            }
            _ => {}
        }
    }
    // `des millions de`, `des milliards de`.
    if matches!(t.lower.as_ref(), "des" | "plusieurs")
        && let Some(noun) = next_lower(i + 1)
        && let Some(scale) = lex.scale(noun).filter(|_| noun.len() > 4)
    {
        return Some(NumberMatch {
            range: Range::between(2.0 * scale, 1000.0 * scale - 1.0),
            end: i + 2,
            ordinal: false,
            implied: None,
            weak: false,
            takes_of: true,
        });
    }

    if let Some(rank) = parse_ordinal(t, false) {
        return Some(NumberMatch {
            range: Range::exact(rank as f64),
            end: i + 1,
            ordinal: true,
            implied: None,
            weak: false,
            takes_of: false,
        });
    }

    let (mut value, mut end, ordinal, weak) = if t.is_number() {
        let mut text = t.text.to_string();
        let mut end = i + 1;
        // `7 000`, `1 500 000`: groups of three digits after a short head.
        if t.text.len() <= 3 && t.text.chars().all(|c| c.is_ascii_digit()) {
            while let Some(g) = toks.get(end) {
                if g.space_before && g.text.len() == 3 && g.text.chars().all(|c| c.is_ascii_digit())
                {
                    text.push_str(g.text);
                    end += 1;
                } else {
                    break;
                }
            }
        }
        (parse_digits(&text)?, end, false, false)
    } else if let Some((v, end, ordinal)) = spelled(lex, toks, i) {
        let weak = end == i + 1 && matches!(t.lower.as_ref(), "un" | "une");
        (v, end, ordinal, weak)
    } else {
        return None;
    };
    if ordinal {
        return Some(NumberMatch {
            range: Range::exact(value),
            end,
            ordinal: true,
            implied: None,
            weak: false,
            takes_of: false,
        });
    }
    // `deux centaines`: a number of approximate nouns.
    let mut implied = None;
    let mut takes_of = false;
    if let Some(noun) = next_lower(end)
        && let Some(v) = lex.approx_noun(noun)
    {
        value *= v;
        end += 1;
        implied = Some(Modifier::Approx);
        takes_of = true;
    }
    // Scale words: `1,5 million`, `850 millions`, `deux milliards`, `10 mille`.
    let mut unit_of_half = 1.0;
    if let Some(noun) = next_lower(end)
        && let Some(scale) = lex.scale(noun)
        && (noun.len() > 2 || !toks[end].space_before)
    {
        value *= scale;
        end += 1;
        takes_of = noun != "mille";
        unit_of_half = scale;
    }
    // `deux et demi`; after a scale, half of it (`un million et demi` is 1.5 million).
    if next_lower(end) == Some("et")
        && next_lower(end + 1).is_some_and(|w| lex.half_words.contains(&w))
    {
        value += 0.5 * unit_of_half;
        end += 2;
    }
    Some(NumberMatch {
        range: Range::exact(value),
        end,
        ordinal: false,
        implied,
        weak: weak && end == i + 1,
        takes_of,
    })
}

#[cfg(test)]
mod tests {
    use super::super::lang::fr::FR;
    use super::super::lex::lex;
    use super::*;

    fn read(s: &str) -> Option<(f64, usize, bool)> {
        let toks = lex(s, 0..s.len());
        number_at(&FR, &toks, 0).map(|m| (m.range.lo.unwrap(), m.end, m.ordinal))
    }

    #[test]
    fn digits_words_scales() {
        assert_eq!(read("7000 x"), Some((7000.0, 1, false)));
        assert_eq!(read("7 000 conteneurs"), Some((7000.0, 2, false)));
        assert_eq!(read("7.000 conteneurs"), Some((7000.0, 1, false)));
        assert_eq!(read("1,5 million"), Some((1_500_000.0, 2, false)));
        assert_eq!(read("vingt-quatre ans"), Some((24.0, 3, false)));
        assert_eq!(read("quatre-vingts"), Some((80.0, 3, false)));
        assert_eq!(read("deux mille"), Some((2000.0, 2, false)));
        assert_eq!(read("80e anniversaire"), Some((80.0, 1, true)));
        assert_eq!(read("Ce nouveau"), None);
        assert_eq!(read("Le président"), None);
        assert_eq!(read("deuxième rencontre"), Some((2.0, 1, true)));
        assert_eq!(read("une quarantaine de chefs"), Some((40.0, 2, false)));
        assert_eq!(read("des centaines de"), Some((200.0, 2, false)));
        assert_eq!(read("deux et demi"), Some((2.5, 3, false)));
        assert_eq!(read("un million et demi"), Some((1_500_000.0, 4, false)));
        assert_eq!(read("visite"), None);
    }
}
