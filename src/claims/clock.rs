//! Times of day: `à 18 heures`, `vers 4 heures du matin`, `09h`, `15h30`, `à midi`, `entre 18
//! et 20 heures`, `dans la nuit de mardi à mercredi`. A figure of hours is a time of day when
//! the words say so (minutes, a leading zero, `du matin`, a preposition of time such as `à` or
//! `vers`); otherwise it stays a duration (`pendant deux heures`, `2h de route`).

use super::lang::Lexicon;
use super::lex::Tok;
use super::numbers;
use super::value::Modifier;

/// Minutes in a day; a night's end may pass it (`de 22 h à 6 h` ends at 30 × 60).
pub const DAY_MINUTES: u32 = 24 * 60;

#[derive(Debug, Clone, PartialEq)]
pub struct ClockMatch {
    pub start: usize,
    pub end: usize,
    /// Minutes after midnight of the day, both ends included.
    pub from: u32,
    pub to: u32,
    /// Whether the text gave the minutes (`15h30`) or only the hour (`18 heures`).
    pub minutes_given: bool,
    pub modifier: Modifier,
    /// `dans la nuit de mardi à mercredi`: the weekday the night starts on (0 = Monday).
    pub night_of: Option<u32>,
}

fn lower<'a>(toks: &'a [Tok], k: usize) -> &'a str {
    toks.get(k).map_or("", |t| t.lower.as_ref())
}

/// `15h30`, `9h`, `09h`, `18h00` as one token: hours, minutes if written, and whether the hour
/// has a leading zero.
fn glued(t: &Tok) -> Option<(u32, Option<u32>, bool)> {
    let (h, m) = t.lower.split_once('h')?;
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !(m.is_empty() || (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))) {
        return None;
    }
    let hours: u32 = h.parse().ok()?;
    let minutes = if m.is_empty() {
        None
    } else {
        Some(m.parse().ok()?)
    };
    Some((hours, minutes, h.len() == 2 && h.starts_with('0')))
}

/// A clock reading at `i`, without the words around it: hours, minutes, where it ends, and
/// whether its form alone makes it a time of day (minutes or a leading zero).
fn reading(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<(u32, Option<u32>, usize, bool)> {
    let t = toks.get(i)?;
    // `midi` alone, not the second half of `après-midi`.
    let hyphened = i > 0 && toks[i - 1].text == "-" && !t.space_before;
    if let Some(&(_, minutes)) = lex.clock_names.iter().find(|(w, _)| *w == t.lower)
        && !hyphened
    {
        return Some((minutes / 60, Some(minutes % 60), i + 1, true));
    }
    if let Some(r) = self_marked(lex, toks, i) {
        return Some(r);
    }
    if let Some((h, m, zero)) = glued(t) {
        // `15h 30` after a glued hour.
        let (m, end) = match (m, toks.get(i + 1)) {
            (None, Some(n)) if n.text.len() == 2 && n.text.bytes().all(|b| b.is_ascii_digit()) => {
                (Some(n.text.parse().ok()?), i + 2)
            }
            _ => (m, i + 1),
        };
        return Some((h, m, end, m.is_some() || zero));
    }
    // `18 heures`, `quatre heures`, `18 h 30`, `18 heures 30`.
    let number = numbers::number_at(lex, toks, i)?;
    if number.ordinal || number.fraction || number.range.lo != number.range.hi {
        return None;
    }
    let hours = number.range.lo?;
    if hours.fract() != 0.0 || !(0.0..=24.0).contains(&hours) {
        return None;
    }
    // `11 pm`, `9 a.m.`.
    if let Some((add, taken)) = meridiem_at(lex, toks, number.end) {
        return Some((half_day(hours as u32, add)?, None, number.end + taken, true));
    }
    if !lex.clock_hour_words.contains(&lower(toks, number.end)) {
        return None;
    }
    let mut end = number.end + 1;
    let mut minutes = None;
    if let Some(n) = toks.get(end)
        && n.text.len() == 2
        && n.text.bytes().all(|b| b.is_ascii_digit())
    {
        minutes = Some(n.text.parse().ok()?);
        end += 1;
    }
    let zero = toks[i].text.len() == 2 && toks[i].text.starts_with('0');
    Some((hours as u32, minutes, end, minutes.is_some() || zero))
}

fn two_digits(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn hour_digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The hours a meridiem adds when written glued at the end of `s` (`11pm`, `11am`), and the
/// figure before it.
fn glued_meridiem<'a>(lex: &Lexicon, s: &'a str) -> Option<(&'a str, u32)> {
    lex.meridiems
        .iter()
        .find_map(|&(m, add)| s.strip_suffix(m).map(|head| (head, add)))
}

/// A meridiem at `k` (`pm`, `p.m.`, `p.m`), with the hours it adds and the tokens it takes.
fn meridiem_at(lex: &Lexicon, toks: &[Tok], k: usize) -> Option<(u32, usize)> {
    let first = toks.get(k)?;
    if first.space_before
        && let Some(&(_, add)) = lex.meridiems.iter().find(|(m, _)| *m == first.lower)
    {
        return Some((add, 1));
    }
    if toks.get(k + 1)?.text != "." {
        return None;
    }
    let second = toks.get(k + 2)?;
    let joined = format!("{}{}", first.lower, second.lower);
    let &(_, add) = lex.meridiems.iter().find(|(m, _)| *m == joined)?;
    let dot = toks
        .get(k + 3)
        .is_some_and(|t| t.text == "." && !t.space_before);
    Some((add, 3 + usize::from(dot)))
}

/// An hour of a twelve-hour clock in the day's twenty-four: `12 a.m.` is midnight, `12 p.m.`
/// noon.
fn half_day(hours: u32, add: u32) -> Option<u32> {
    if !(1..=12).contains(&hours) {
        return None;
    }
    Some(match (hours, add) {
        (12, 0) => 0,
        (12, _) => 12,
        (h, a) => h + a,
    })
}

/// Readings that need no hour word: `22:11` and `9:30`, `11pm`, `11:11 p.m.` and `11.11 p.m.`,
/// `2200 GMT`. Each form alone says it is a time of day.
fn self_marked(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<(u32, Option<u32>, usize, bool)> {
    let t = toks.get(i)?;
    let after_colon = i > 0 && toks[i - 1].text == ":" && !t.space_before;
    // `22:11`, `11:11pm`; a third part (`2:01:09`) is a length of time on a stopwatch.
    if let Some(h) = hour_digits(&t.lower).filter(|_| !after_colon)
        && toks
            .get(i + 1)
            .is_some_and(|c| c.text == ":" && !c.space_before)
        && let Some(m_tok) = toks.get(i + 2).filter(|m| !m.space_before)
    {
        let stopwatch = toks
            .get(i + 3)
            .is_some_and(|c| c.text == ":" && !c.space_before);
        let (digits, glued_add) = match glued_meridiem(lex, &m_tok.lower) {
            Some((head, add)) => (head, Some(add)),
            None => (m_tok.lower.as_ref(), None),
        };
        let minutes = two_digits(digits)?;
        if stopwatch || minutes >= 60 {
            return None;
        }
        let (add, taken) = match glued_add {
            Some(add) => (Some(add), 0),
            None => meridiem_at(lex, toks, i + 3).map_or((None, 0), |(a, n)| (Some(a), n)),
        };
        let hours = match add {
            Some(a) => half_day(h, a)?,
            None if h <= 24 => h,
            None => return None,
        };
        return Some((hours, Some(minutes), i + 3 + taken, true));
    }
    // `11pm`, `9am`.
    if let Some((head, add)) = glued_meridiem(lex, &t.lower)
        && let Some(h) = hour_digits(head)
    {
        return Some((half_day(h, add)?, None, i + 1, true));
    }
    // `11.11 p.m.`: a decimal point between hours and minutes, which the meridiem vouches for.
    if let Some((h, m)) = t.lower.split_once('.')
        && let (Some(h), Some(m)) = (hour_digits(h), two_digits(m))
        && m < 60
        && let Some((add, taken)) = meridiem_at(lex, toks, i + 1)
    {
        return Some((half_day(h, add)?, Some(m), i + 1 + taken, true));
    }
    // `2200 GMT`: four digits of a twenty-four-hour clock before a zone.
    if t.lower.len() == 4
        && t.lower.bytes().all(|b| b.is_ascii_digit())
        && let (Some(h), Some(m)) = (hour_digits(&t.lower[..2]), two_digits(&t.lower[2..]))
        && h < 24
        && m < 60
        && toks
            .get(i + 1)
            .is_some_and(|z| lex.clock_zones.contains(&z.lower.as_ref()))
    {
        return Some((h, Some(m), i + 1, true));
    }
    None
}

/// `du matin`, `du soir`, `de l'après-midi` after a reading at `k`: the hours to add and the
/// tokens taken.
fn day_part(lex: &Lexicon, toks: &[Tok], k: usize) -> Option<(u32, usize)> {
    lex.day_parts
        .iter()
        .filter(|(words, _)| {
            words
                .iter()
                .enumerate()
                .all(|(n, w)| lower(toks, k + n) == *w)
        })
        .max_by_key(|(words, _)| words.len())
        .map(|&(words, add)| (add, words.len()))
}

fn minutes_of(hours: u32, minutes: Option<u32>) -> Option<u32> {
    let m = minutes.unwrap_or(0);
    (hours <= 24 && m < 60 && (hours < 24 || m == 0)).then_some(hours * 60 + m)
}

/// One time of day at `i`, with its day part and approximation; `cue` says whether the words
/// before it (a preposition of time) make it a time of day.
fn single(lex: &Lexicon, toks: &[Tok], i: usize, cue: bool) -> Option<(u32, bool, usize)> {
    let (hours, minutes, end, clock_form) = reading(lex, toks, i)?;
    let (add, taken) = day_part(lex, toks, end).unwrap_or((0, 0));
    let end = end + taken;
    // `22h11 GMT`: the zone is part of the reading.
    let end = end
        + usize::from(
            toks.get(end)
                .is_some_and(|z| lex.clock_zones.contains(&z.lower.as_ref())),
        );
    // `à 2 heures de Paris`, `2h de route`: a duration of travel, not a time.
    let of_follows = taken == 0 && lex.of_words.contains(&lower(toks, end));
    if !(clock_form || taken > 0 || (cue && !of_follows)) {
        return None;
    }
    let hours = if add > 0 && hours < 12 {
        hours + add
    } else {
        hours
    };
    Some((minutes_of(hours, minutes)?, minutes.is_some(), end))
}

/// Whether a time of day may start at `i`: a figure before an hour word or with an `h` glued
/// to it, a named time, a night, or a preposition before a figure. Most tokens are none.
pub fn may_start(lex: &Lexicon, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    let w = t.lower.as_ref();
    let hour_next = |k: usize| lex.clock_hour_words.contains(&lower(toks, k));
    if t.text.starts_with(|c: char| c.is_ascii_digit()) {
        let next = lower(toks, i + 1);
        return t.lower.contains('h')
            || hour_next(i + 1)
            || next == ":"
            || lex.clock_zones.contains(&next)
            || glued_meridiem(lex, &t.lower).is_some()
            || meridiem_at(lex, toks, i + 1).is_some();
    }
    if lex.clock_names.iter().any(|(n, _)| *n == w) || lex.night_words.contains(&w) {
        return true;
    }
    let opener = lex.clock_prepositions.contains(&w)
        || lex.clock_approx.contains(&w)
        || lex.clock_ranges.iter().any(|(o, _)| *o == w);
    if opener {
        return toks.get(i + 1).is_some_and(|n| {
            n.text.starts_with(|c: char| c.is_ascii_digit())
                || lex.is_number_word(&n.lower)
                || lex.clock_names.iter().any(|(c, _)| *c == n.lower)
        });
    }
    lex.is_number_word(w) && (hour_next(i + 1) || hour_next(i + 2) || hour_next(i + 3))
}

/// Whether the hours glued to a figure at `i` (`3h45`) are a length of time: after a word of
/// duration (`pendant`, `a duré`), or after `de` that follows an indefinite noun (`un show de
/// 3h45`) rather than a word of time (`à partir de 8h30`) or a definite one (`le train de
/// 8h15`). A leading zero (`08h15`) is always a time of day.
fn lasts(lex: &Lexicon, toks: &[Tok], i: usize) -> bool {
    if glued(&toks[i]).is_none_or(|(_, _, zero)| zero) || i == 0 {
        return false;
    }
    let before = lower(toks, i - 1);
    if lex.duration_words.contains(&before) {
        return true;
    }
    let Some(head) = i.checked_sub(2).map(|k| &toks[k]) else {
        return false;
    };
    let indefinite = toks[i.saturating_sub(INDEFINITE_WINDOW)..i - 1]
        .iter()
        .any(|t| lex.indefinite_articles.contains(&t.lower.as_ref()));
    lex.of_words.contains(&before)
        && indefinite
        && head.is_word()
        && !head.is_number()
        && !lex.clock_of_heads.contains(&head.lower.as_ref())
        && !lex.is_stopword(&head.lower)
}

/// How many tokens before a `de` an indefinite article may stand (`un show mémorable de 3h45`).
const INDEFINITE_WINDOW: usize = 4;

/// The time of day starting at token `i`.
pub fn clock_at(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<ClockMatch> {
    let w = lower(toks, i);
    if let Some(m) = night_at(lex, toks, i) {
        return Some(m);
    }
    // `entre 18 et 20 heures`, `de 8 h à 18 h`.
    if let Some(&(_, joiner)) = lex.clock_ranges.iter().find(|(open, _)| *open == w) {
        let (h1, m1, end1, bare) = match reading(lex, toks, i + 1) {
            Some((h, m, end, _)) => (h, m, end, false),
            // `entre 18 et 20 heures`: the first figure takes the second's unit.
            None => {
                let n = numbers::number_at(lex, toks, i + 1)?;
                let h = n.range.lo.filter(|v| v.fract() == 0.0 && *v <= 24.0)?;
                (h as u32, None, n.end, true)
            }
        };
        if lower(toks, end1) == joiner
            && let Some((to, to_minutes, end)) = single(lex, toks, end1 + 1, true)
        {
            // `between 6 and 8 pm`: a bare first hour is in the second's half of the day.
            let twelve_hour = !lex.meridiems.is_empty();
            let h1 = if twelve_hour && bare && h1 < 12 && (h1 + 12) * 60 <= to {
                h1 + 12
            } else {
                h1
            };
            let from = minutes_of(h1, m1)?;
            let to = if to < from { to + DAY_MINUTES } else { to };
            return Some(ClockMatch {
                start: i,
                end,
                from,
                to,
                minutes_given: m1.is_some() || to_minutes,
                modifier: Modifier::Exact,
                night_of: None,
            });
        }
    }
    let approx = lex.clock_approx.contains(&w);
    let cue = approx || lex.clock_prepositions.contains(&w);
    if !cue && lasts(lex, toks, i) {
        return None;
    }
    let at = if cue { i + 1 } else { i };
    let (minute, minutes_given, end) = single(lex, toks, at, cue)?;
    let (from, to, modifier) = if approx {
        // `vers 4 heures`: half an hour either side; `vers 23h10`, ten minutes.
        let width = if minutes_given { 10 } else { 30 };
        (
            minute.saturating_sub(width),
            minute + width,
            Modifier::Approx,
        )
    } else {
        (minute, minute, Modifier::Exact)
    };
    Some(ClockMatch {
        start: at - usize::from(approx),
        end,
        from,
        to,
        minutes_given,
        modifier,
        night_of: None,
    })
}

/// `dans la nuit de mardi à mercredi`, `la nuit de samedi à dimanche`: from the evening of the
/// first day to the morning of the next.
fn night_at(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<ClockMatch> {
    if !lex.night_words.contains(&lower(toks, i)) {
        return None;
    }
    let first = lex.weekday(lower(toks, i + 2))?;
    let second = lex.weekday(lower(toks, i + 4))?;
    if !(lex.of_words.contains(&lower(toks, i + 1))
        && lex.until_words.contains(&lower(toks, i + 3))
        && second == (first + 1) % 7)
    {
        return None;
    }
    let (from, to) = lex.night_hours;
    Some(ClockMatch {
        start: i,
        end: i + 5,
        from,
        to: to + DAY_MINUTES,
        minutes_given: false,
        modifier: Modifier::Exact,
        night_of: Some(first),
    })
}

#[cfg(test)]
mod tests {
    use super::super::lang::fr::FR;
    use super::super::lex::lex;
    use super::*;

    fn at(s: &str) -> Option<(u32, u32, Modifier)> {
        let toks = lex(s, 0..s.len());
        (0..toks.len())
            .find_map(|i| clock_at(&FR, &toks, i))
            .map(|m| (m.from, m.to, m.modifier))
    }

    #[test]
    fn times_of_day() {
        assert_eq!(at("à 18 heures"), Some((1080, 1080, Modifier::Exact)));
        assert_eq!(
            at("vers 4 heures du matin"),
            Some((210, 270, Modifier::Approx))
        );
        assert_eq!(at("il est 15h30"), Some((930, 930, Modifier::Exact)));
        assert_eq!(at("dès 09h"), Some((540, 540, Modifier::Exact)));
        assert_eq!(at("8 heures du soir"), Some((1200, 1200, Modifier::Exact)));
        assert_eq!(at("à midi"), Some((720, 720, Modifier::Exact)));
        assert_eq!(
            at("entre 18 et 20 heures"),
            Some((1080, 1200, Modifier::Exact))
        );
        assert_eq!(at("de 22 h à 6 h"), Some((1320, 1800, Modifier::Exact)));
        assert_eq!(at("à 23 h 11"), Some((1391, 1391, Modifier::Exact)));
    }

    fn at_en(s: &str) -> Option<(u32, u32, Modifier, usize)> {
        let lex_en = &super::super::lang::en::EN;
        let toks = lex(s, 0..s.len());
        (0..toks.len())
            .filter(|&i| may_start(lex_en, &toks, i))
            .find_map(|i| clock_at(lex_en, &toks, i))
            .map(|m| (m.from, m.to, m.modifier, m.end - m.start))
    }

    #[test]
    fn twelve_hour_colon_and_zone_times() {
        let exact = |s: &str| at_en(s).map(|(f, t, _, _)| (f, t));
        assert_eq!(
            exact("it struck at 10:42 p.m. on Monday"),
            Some((1362, 1362))
        );
        assert_eq!(exact("it struck at 10:42pm"), Some((1362, 1362)));
        assert_eq!(exact("shortly after 7 am"), Some((420, 420)));
        assert_eq!(exact("at 7.05 a.m. local time"), Some((425, 425)));
        assert_eq!(exact("the 0430 GMT bulletin"), Some((270, 270)));
        assert_eq!(exact("by 17:45 UTC"), Some((1065, 1065)));
        // Twelve is the hour after midnight before noon, and noon after it.
        assert_eq!(exact("at 12 a.m."), Some((0, 0)));
        assert_eq!(exact("at 12:30 pm"), Some((750, 750)));
        assert_eq!(exact("at midnight"), Some((0, 0)));
        // The first hour of a span takes the second's half of the day.
        assert_eq!(exact("between 4 and 6 pm"), Some((960, 1080)));
        assert_eq!(
            at_en("around 9:20 pm").map(|(f, t, m, _)| (f, t, m)),
            Some((1270, 1290, Modifier::Approx))
        );
        // The whole of `p.m.` is taken, and the zone.
        assert_eq!(at_en("at 10:42 p.m. yesterday").map(|r| r.3), Some(7));
        assert_eq!(at_en("at 3 pm GMT").map(|r| r.3), Some(3));
        // Not times: a stopwatch, a decimal figure, a score, thirteen o'clock of a twelve-hour dial.
        assert_eq!(exact("he finished in 2:01:09"), None);
        assert_eq!(exact("shares rose 10.42 percent"), None);
        assert_eq!(exact("at 13 pm"), None);
        assert_eq!(exact("a ratio of 16:9"), None);
        // French writes colon times too.
        assert_eq!(
            at("il était 23:11 heure locale"),
            Some((1391, 1391, Modifier::Exact))
        );
        assert_eq!(at("à 22h11 GMT").map(|r| r.0), Some(1331));
    }

    #[test]
    fn durations_stay_durations() {
        assert_eq!(at("pendant deux heures"), None);
        assert_eq!(at("après 2h de route"), None);
        assert_eq!(at("à 2 heures de Paris"), None);
        assert_eq!(at("la réunion a duré 3 heures"), None);
        assert_eq!(at("à 25 heures"), None);
        assert_eq!(at("un spectacle de 3h45"), None);
        assert_eq!(at("la séance a duré 2h30"), None);
        assert_eq!(at("pendant 1h15"), None);
        assert!(at("à partir de 8h30").is_some());
        // A definite article names the time of an event, not its length.
        assert!(at("le train de 8h15").is_some());
    }
}
