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
    /// A fraction (`deux tiers`, `3/4`): a share of what follows, not a count.
    pub fraction: bool,
}

/// Reads a digit string with French conventions: `.` before groups of exactly three digits
/// separates thousands (`7.000`), otherwise `.` or `,` is the decimal mark.
pub fn parse_digits(s: &str) -> Option<f64> {
    // `1.458.000,00`: dots before a decimal comma group thousands.
    if let Some(comma) = s.rfind(',')
        && s[..comma].contains('.')
    {
        let head = &s[..comma];
        let grouped = head.split('.').skip(1).all(|g| g.len() == 3);
        return grouped
            .then(|| format!("{}.{}", head.replace('.', ""), &s[comma + 1..]))
            .and_then(|t| t.parse::<f64>().ok())
            .filter(|v| v.is_finite());
    }
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

/// Reads a digit string by the lexicon's conventions: French (`1.234,5`, see
/// [`parse_digits`]) or English, where `,` before groups of exactly three digits separates
/// thousands (`2,012`) and `.` is the decimal mark (`18.5`).
pub fn parse_number(lex: &Lexicon, s: &str) -> Option<f64> {
    if lex.decimal_comma {
        return parse_digits(s);
    }
    let (int, decimals) = s.split_once('.').unwrap_or((s, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    let int = if grouped {
        int.replace(',', "")
    } else if groups.len() == 2 && decimals.is_empty() {
        // `3,5` in an English text: a decimal comma after all.
        return parse_digits(s);
    } else {
        int.to_string()
    };
    let text = if decimals.is_empty() {
        int
    } else {
        format!("{int}.{decimals}")
    };
    text.parse::<f64>().ok().filter(|v| v.is_finite())
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

/// `80e`, `1er`, `2nde`, `33es` → the rank; with `roman`, also `XXe` (only where a century
/// word follows: elsewhere `Ce`, `Le` and `De` would read as 100, 50 and 500). A Roman numeral
/// of two letters or more with a lower-case ending (`XXXIIIe`) is a rank anywhere; in capitals
/// (`VIVE`) it is a word.
pub fn parse_ordinal(tok: &Tok, roman: bool) -> Option<u32> {
    let lower = tok.lower.as_ref();
    for suffix in [
        "èmes", "emes", "ères", "eres", "ers", "es", "ème", "eme", "ère", "ere", "er", "re", "nde",
        "nd", "e", "è",
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
            let lower_ending = tok
                .text
                .get(head.len()..)
                .is_some_and(|e| !e.chars().any(char::is_uppercase));
            let long_roman = original_head.len() >= 2 && lower_ending;
            if (roman || long_roman)
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
    lex.is_number_word(lower) || is_ordinal_word(lower) || lower == "première" || lower == "premier"
}

/// Spelled-out number at `i`: the longest run of number words that text2num reads.
fn spelled(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<(f64, usize, bool)> {
    if !is_number_word(lex, &toks.get(i)?.lower) {
        return None;
    }
    let mut end = i + 1;
    while end < toks.len() && !is_ordinal_word(&toks[end - 1].lower) {
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
        // Ordinals written without their accent (`vingtieme`) read as with it.
        let phrase: Vec<std::borrow::Cow<str>> = toks[i..end]
            .iter()
            .filter(|t| t.lower != "-")
            .map(|t| accented(&t.lower))
            .collect();
        // Two numbers side by side (`trois cinquièmes` as `3 5ème`) are not one phrase.
        if let Ok(digits) = text2digits(&phrase.join(" "), french())
            && !digits.contains(' ')
        {
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
                    fraction: false,
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
                    fraction: false,
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
            fraction: false,
        });
    }

    // `-3,5`: a minus sign glued to the figure, not to a word before it (`2015-3`).
    if matches!(t.text, "-" | "\u{2212}")
        && (i == 0 || t.space_before)
        && toks
            .get(i + 1)
            .is_some_and(|n| !n.space_before && n.is_number())
    {
        let mut m = number_at(lex, toks, i + 1).filter(|m| !m.ordinal)?;
        m.range = Range {
            lo: m.range.hi.map(|v| -v),
            hi: m.range.lo.map(|v| -v),
        };
        return Some(m);
    }

    if let Some(rank) = parse_ordinal(t, false) {
        return Some(NumberMatch {
            range: Range::exact(rank as f64),
            end: i + 1,
            ordinal: true,
            implied: None,
            weak: false,
            takes_of: false,
            fraction: false,
        });
    }

    let (mut value, mut end, ordinal, weak) = if t.is_number() {
        let mut text = t.text.to_string();
        let mut end = i + 1;
        // `7 000`, `1 500 000`: groups of three digits after a short head.
        if t.text.len() <= 3 && t.text.chars().all(|c| c.is_ascii_digit()) {
            while let Some(g) = toks.get(end) {
                // `6'800`: the lexer drops the apostrophe of Swiss thousands, leaving two
                // figures with nothing between them.
                let glued = !g.space_before;
                let digits = g.text.bytes().take_while(u8::is_ascii_digit).count();
                let group = digits == 3
                    && (g.text.len() == 3
                        || (g.text.as_bytes()[3] == b',' && g.text.len() > 4 && g.is_number()));
                if (g.space_before || glued) && group {
                    text.push_str(g.text);
                    end += 1;
                    // `1 234 567,89`: decimals end the figure.
                    if g.text.len() > 3 {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        (parse_number(lex, &text)?, end, false, false)
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
            fraction: false,
        });
    }
    // `trois quarts`, `un cinquième`, `3/4`; and after a whole number, `cinq et un quart`,
    // `2 1/4`.
    let mut fraction = false;
    if let Some((f, after)) = fraction_after(lex, toks, i, end, value) {
        value = f;
        end = after;
        fraction = true;
    } else if let Some((f, after)) = mixed_fraction(lex, toks, i, end) {
        value += f;
        end = after;
        fraction = true;
    }
    if fraction {
        return Some(NumberMatch {
            range: Range::exact(value),
            end,
            ordinal: false,
            implied: None,
            weak: false,
            takes_of: true,
            fraction: true,
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
        // `13.297.760 millions de voix`: a figure already written in full with its scale word
        // repeated by mistake; nobody writes thirteen trillion so.
        if !(scale >= 1e6 && value >= scale) {
            value *= scale;
        }
        end += 1;
        takes_of = noun != "mille";
        unit_of_half = scale;
        // `un million deux cent mille`, `trois millions sept`: a smaller number after the scale
        // adds to it.
        if scale >= 1e6
            && toks.get(end).is_some_and(|n| {
                is_number_word(lex, &n.lower) && n.lower != "un" && n.lower != "une"
            })
            && let Some(rest) = number_at(lex, toks, end)
            && !rest.ordinal
            && !rest.fraction
            && rest.implied.is_none()
            && let Some(v) = rest
                .range
                .lo
                .filter(|v| *v < scale && rest.range.hi == Some(*v))
        {
            value += v;
            end = rest.end;
        }
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
        fraction: false,
    })
}

/// The denominator a word names (`demi` 2, `tiers` 3, `quarts` 4, `cinquièmes` 5, `centième`
/// 100), with the tokens it takes: an ordinal form of five or more, spelled in one word or
/// several (`vingt-cinquième`), singular or plural, with or without its accent.
fn denominator_at(lex: &Lexicon, toks: &[Tok], k: usize) -> Option<(f64, usize)> {
    let word = toks.get(k)?.lower.as_ref();
    if let Some(&(_, d)) = lex.fraction_words.iter().find(|(w, _)| *w == word) {
        return Some((d, k + 1));
    }
    // The ordinal ends the run: `vingt-cinquième`, `cent vingt-cinquièmes`.
    let mut end = k;
    while let Some(t) = toks.get(end) {
        let lower = t.lower.trim_end_matches('s');
        if is_ordinal_word(lower) {
            end += 1;
            break;
        }
        let hyphen = t.lower == "-" && !t.space_before;
        if !(hyphen || lex.is_number_word(&t.lower)) || end - k > 6 {
            return None;
        }
        end += 1;
    }
    let phrase: Vec<std::borrow::Cow<str>> = toks[k..end]
        .iter()
        .filter(|t| t.lower != "-")
        .map(|t| accented(t.lower.trim_end_matches('s')))
        .collect();
    let digits = text2digits(&phrase.join(" "), french()).ok()?;
    let numeric: String = digits.chars().take_while(char::is_ascii_digit).collect();
    let d: f64 = numeric.parse().ok()?;
    (d >= 5.0 && digits.len() > numeric.len()).then_some((d, end))
}

/// An ordinal written without its accent (`vingtieme`) as text2num reads it (`vingtième`).
fn accented(word: &str) -> std::borrow::Cow<'_, str> {
    match word.strip_suffix("ieme") {
        Some(head) => std::borrow::Cow::Owned(format!("{head}ième")),
        None => std::borrow::Cow::Borrowed(word),
    }
}

fn is_ordinal_word(lower: &str) -> bool {
    (lower.ends_with("ième") || lower.ends_with("ieme")) && lower.len() > 5
}

/// Whether a denominator may start at `k`: a separate word, not the second half of a
/// hyphenated ordinal (`vingt-cinquième` is the 25th, not twenty fifths).
fn separate(toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.space_before && t.lower != "-")
}

/// A fraction after a cardinal that ends at `end`: `trois quarts`, `deux tiers`, `un
/// cinquième`, `3/4`. Its value and where it ends.
fn fraction_after(
    lex: &Lexicon,
    toks: &[Tok],
    start: usize,
    end: usize,
    numerator: f64,
) -> Option<(f64, usize)> {
    let t = toks.get(end)?;
    // `3/4`: small figures on both sides of a glued slash (dates were read before).
    let day_before = start > 0
        && lex
            .day_determiners
            .contains(&toks[start - 1].lower.as_ref());
    if t.text == "/" && !t.space_before && toks[start].is_number() && !day_before {
        let d = toks
            .get(end + 1)
            .filter(|d| !d.space_before && d.is_number())?;
        // A proper fraction only: `22/4` is a day and a month.
        let d = parse_number(lex, d.text).filter(|&d| d > numerator && d.fract() == 0.0)?;
        return Some((numerator / d, end + 2));
    }
    // `un sur trois`, `1 sur 20`: one part in so many.
    if lex.ratio_words.contains(&t.lower.as_ref())
        && let Some(d) = cardinal_at(lex, toks, end + 1)
        && d.0 > numerator
        && numerator > 0.0
    {
        return Some((numerator / d.0, d.1));
    }
    if toks[start].is_number() || !separate(toks, end) {
        return None;
    }
    let (d, after) = denominator_at(lex, toks, end)?;
    Some((numerator / d, after))
}

/// A plain cardinal at `k`, in digits or words, and where it ends.
fn cardinal_at(lex: &Lexicon, toks: &[Tok], k: usize) -> Option<(f64, usize)> {
    let t = toks.get(k)?;
    if t.is_number() {
        return Some((parse_number(lex, t.text)?, k + 1));
    }
    let (v, end, ordinal) = spelled(lex, toks, k)?;
    (!ordinal).then_some((v, end))
}

/// `et un quart` after a whole number (`cinq et un quart`), or a digit fraction after a figure
/// (`2 1/4`): the fraction and where it ends.
fn mixed_fraction(lex: &Lexicon, toks: &[Tok], start: usize, end: usize) -> Option<(f64, usize)> {
    let next = toks.get(end)?;
    if toks[start].is_number() {
        let n = next.is_number().then(|| parse_number(lex, next.text))??;
        return fraction_after(lex, toks, end, end + 1, n).filter(|(f, _)| *f < 1.0);
    }
    if next.lower != "et" {
        return None;
    }
    let (n, after, ordinal) = spelled(lex, toks, end + 1)?;
    if ordinal {
        return None;
    }
    fraction_after(lex, toks, end + 1, after, n).filter(|(f, _)| *f < 1.0)
}

/// Every number phrase of `text` as the claim stage reads it, with its byte span: what a
/// number test suite can be measured against (a bare figure is read here but is no claim).
pub fn numbers_in(lex: &Lexicon, text: &str) -> Vec<(std::ops::Range<usize>, f64)> {
    let toks = super::lex::lex(text, 0..text.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match number_at(lex, &toks, i).filter(|m| !m.ordinal) {
            Some(m) if m.range.lo == m.range.hi && m.range.lo.is_some() => {
                out.push((
                    toks[i].start..toks[m.end - 1].end,
                    m.range.lo.unwrap_or(0.0),
                ));
                i = m.end;
            }
            _ => i += 1,
        }
    }
    out
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
        assert_eq!(read("6'800 sportifs"), Some((6800.0, 2, false)));
        assert_eq!(read("1'234'567 francs"), Some((1_234_567.0, 3, false)));
        assert_eq!(read("un et"), Some((1.0, 1, false)));
    }
}
