//! Time expressions: absolute dates at their grain (`19 juin 2024`, `septembre 2023`, `en 2000`,
//! `l'été 2024`), decades (`les années 2000`) and centuries (`XXe siècle`), and relative dates
//! resolved against the article's date (`hier`, `ce mercredi`, `en mars dernier`,
//! `l'an dernier`, `il y a 24 ans`).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::holidays;
use super::lang::Lexicon;
use super::lex::Tok;
use super::numbers;
use super::value::{DateRange, Grain, Unit};

#[derive(Debug, Clone, PartialEq)]
pub struct TimeMatch {
    pub end: usize,
    pub value: DateRange,
    /// Whether the value depends on the reference date.
    pub relative: bool,
}

fn lower<'a>(toks: &'a [Tok], k: usize) -> &'a str {
    toks.get(k).map_or("", |t| t.lower.as_ref())
}

fn month_of(lex: &Lexicon, w: &str) -> Option<u32> {
    lex.month(w)
}

fn weekday_of(lex: &Lexicon, w: &str) -> Option<u32> {
    lex.weekday(w)
}

fn year_token(t: Option<&Tok>) -> Option<i32> {
    let t = t?;
    if t.text.len() == 4 && t.text.chars().all(|c| c.is_ascii_digit()) {
        t.text.parse().ok()
    } else {
        None
    }
}

/// Subtracts (or adds, for negative `n`) a number of `unit_seconds` periods at the grain of the
/// unit: calendar years and months stay calendar-exact (`il y a 24 ans` is the same day 24 years
/// earlier).
pub fn shift(reference: NaiveDate, amount: f64, unit_seconds: f64) -> Option<(NaiveDate, Grain)> {
    const DAY: f64 = 86_400.0;
    let year = 365.2425 * DAY;
    let month = year / 12.0;
    if unit_seconds >= month * 0.99 {
        let grain = if unit_seconds >= year * 0.99 {
            Grain::Year
        } else {
            Grain::Month
        };
        let months = (amount * unit_seconds / month).round();
        let d = if months >= 0.0 {
            reference.checked_sub_months(Months::new(months as u32))?
        } else {
            reference.checked_add_months(Months::new((-months) as u32))?
        };
        Some((d, grain))
    } else {
        let days = (amount * unit_seconds / DAY).round();
        let d = if days >= 0.0 {
            reference.checked_sub_days(Days::new(days as u64))?
        } else {
            reference.checked_add_days(Days::new((-days) as u64))?
        };
        Some((d, Grain::Day))
    }
}

/// A date at a grain, as the calendar interval holding it.
pub fn at_grain(d: NaiveDate, grain: Grain) -> Option<DateRange> {
    match grain {
        Grain::Year => DateRange::year_of(d),
        Grain::Month => DateRange::month(d.year(), d.month()),
        Grain::Decade => {
            let y = d.year() - d.year().rem_euclid(10);
            DateRange::years(y, y + 9, Grain::Decade)
        }
        _ => Some(DateRange::day(d)),
    }
}

/// The occurrence of a month nearest to the reference: `en mars` in an article of June is the
/// March just past; `en août` in an article of June is the August to come.
fn nearest_month(reference: NaiveDate, month: u32) -> Option<DateRange> {
    let ry = reference.year();
    let candidates = [ry - 1, ry, ry + 1];
    let best = candidates.iter().min_by_key(|&&y| {
        let months = (y - ry) * 12 + month as i32 - reference.month() as i32;
        // Prefer the past on ties: news reports more than it announces.
        (months.abs() * 2) + i32::from(months > 0)
    })?;
    DateRange::month(*best, month)
}

fn last_month(reference: NaiveDate, month: u32) -> Option<DateRange> {
    let y = if month < reference.month() {
        reference.year()
    } else {
        reference.year() - 1
    };
    DateRange::month(y, month)
}

fn next_month(reference: NaiveDate, month: u32) -> Option<DateRange> {
    let y = if month > reference.month() {
        reference.year()
    } else {
        reference.year() + 1
    };
    DateRange::month(y, month)
}

/// How far back a bare weekday may lie before the one to come is meant.
const RECENT_DAYS: i64 = 4;

/// The weekday before (`-1`), after (`1`), or meant by a bare name (`0`) from the reference.
pub fn weekday_date(reference: NaiveDate, weekday: u32, direction: i32) -> Option<NaiveDate> {
    let target = Weekday::try_from(weekday as u8).ok()?;
    let current = reference.weekday().num_days_from_monday() as i64;
    let wanted = target.num_days_from_monday() as i64;
    let back = (current - wanted).rem_euclid(7);
    let ahead = (wanted - current).rem_euclid(7);
    let offset = match direction {
        // `mercredi dernier`: strictly before.
        -1 => -(if back == 0 { 7 } else { back }),
        // `mercredi prochain`: strictly after.
        1 => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        // A bare `mercredi`: the one of the last four days (or today), since news reports
        // more than it announces, else the one to come. Two articles a few days apart that say
        // `lundi` of the same past Monday then agree.
        _ => {
            if back <= RECENT_DAYS {
                -back
            } else {
                ahead
            }
        }
    };
    reference.checked_add_signed(chrono::Duration::days(offset))
}

/// A weekday of the reference's week (Monday to Sunday), or of a week before or after it.
fn weekday_of_week(reference: NaiveDate, weekday: u32, weeks: i64) -> Option<NaiveDate> {
    let monday = reference.checked_sub_signed(chrono::Duration::days(i64::from(
        reference.weekday().num_days_from_monday(),
    )))?;
    monday.checked_add_signed(chrono::Duration::days(7 * weeks + i64::from(weekday)))
}

fn season(lex: &Lexicon, name: &str, year: i32) -> Option<DateRange> {
    let &(_, (m1, d1), (m2, d2)) = lex.seasons.iter().find(|(s, ..)| *s == name)?;
    let end_year = if m2 < m1 { year + 1 } else { year };
    Some(DateRange {
        from: NaiveDate::from_ymd_opt(year, m1, d1),
        to: NaiveDate::from_ymd_opt(end_year, m2, d2),
        grain: Grain::Season,
    })
}

/// Separators of numeric dates: `21/04/2016`, `2025-09-03`, `03.09.2025` (the lexer keeps the
/// last one a single token, as it keeps `1.5`).
const DATE_SEPARATORS: &[&str] = &["/", "-", "."];

/// A two-digit year: this century up to ten years ahead of the article, the last one before.
fn full_year(yy: i32, reference: Option<NaiveDate>) -> i32 {
    let now = reference.map_or(2024, |r| r.year());
    let century = now - now.rem_euclid(100);
    if century + yy <= now + 10 {
        century + yy
    } else {
        century - 100 + yy
    }
}

/// A date written in figures at token `i`: day, month and year (`21/04/2016`, `21-04-16`,
/// `03.09.2025`, ISO `2025-09-03`), or day and month after `le`, `du`, `au` or with a
/// two-digit month (`le 17/02`, `22/04`), taken at the occurrence nearest the article. Day
/// first, as French writes it; month first only where the day-first reading is impossible
/// (`02/22/2016`). Dashes need a year, so that a score (`2-1`) is not a date.
fn numeric_date(
    lex: &Lexicon,
    toks: &[Tok],
    i: usize,
    reference: Option<NaiveDate>,
) -> Option<(usize, DateRange)> {
    let digits = |t: &Tok| {
        !t.text.is_empty() && t.text.len() <= 4 && t.text.bytes().all(|b| b.is_ascii_digit())
    };
    let t = toks.get(i)?;
    // `03.09.2025` as one token.
    let (parts, end, sep): (Vec<&str>, usize, &str) = if t.text.matches('.').count() == 2 {
        (t.text.split('.').collect(), i + 1, ".")
    } else {
        if !digits(t) {
            return None;
        }
        let mut parts = vec![t.text];
        let mut k = i + 1;
        let mut sep = "";
        while parts.len() < 3 {
            let (Some(s), Some(n)) = (toks.get(k), toks.get(k + 1)) else {
                break;
            };
            let same = sep.is_empty() || s.text == sep;
            if s.space_before
                || n.space_before
                || !DATE_SEPARATORS.contains(&s.text)
                || !same
                || !digits(n)
            {
                break;
            }
            sep = DATE_SEPARATORS.iter().find(|x| **x == s.text)?;
            parts.push(n.text);
            k += 2;
        }
        (parts, k, sep)
    };
    if parts.len() < 2
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |s: &str| s.parse::<i32>().ok();
    let (day, month, year) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (num(d)?, num(m)?, num(y)?),
        [d, m, y] if y.len() == 4 || y.len() == 2 => {
            let y = if y.len() == 2 {
                full_year(num(y)?, reference)
            } else {
                num(y)?
            };
            let (d, m) = (num(d)?, num(m)?);
            // Month first only where day first cannot be.
            if m > 12 && d <= 12 {
                (m, d, y)
            } else {
                (d, m, y)
            }
        }
        [d, m] if sep == "/" => {
            let before = if i > 0 { lower(toks, i - 1) } else { "" };
            let (d_text, m_text) = (*d, *m);
            let (d, m) = (num(d)?, num(m)?);
            // `22/4` cannot be a fraction of one; `3/4` needs a `le` to be a date.
            if !(m_text.len() == 2 || d > 12 || lex.day_determiners.contains(&before))
                || d_text.len() > 2
            {
                return None;
            }
            let near = nearest_month(reference?, u32::try_from(m).ok()?)?;
            let date = NaiveDate::from_ymd_opt(near.from?.year(), m as u32, d as u32)?;
            return Some((end, DateRange::day(date)));
        }
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    Some((end, DateRange::day(date)))
}

/// A relative day written in two words at `i` (`avant hier`), and its offset.
fn two_word_relative_day(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<i64> {
    let (first, second) = (lower(toks, i), lower(toks, i + 1));
    lex.relative_days.iter().find_map(|&(d, offset)| {
        let (a, b) = d.split_once(' ')?;
        (a == first && b == second).then_some(offset)
    })
}

/// The month at `k`, written whole (`juillet`) or abbreviated (`juil.`, `sept`), and the token
/// after it (and after the abbreviation's point).
fn month_in_date(lex: &Lexicon, toks: &[Tok], k: usize) -> Option<(u32, usize)> {
    let w = lower(toks, k);
    if let Some(m) = month_of(lex, w) {
        return Some((m, k + 1));
    }
    let m = lex.month_abbreviation(w)?;
    let dot = toks
        .get(k + 1)
        .is_some_and(|t| t.text == "." && !t.space_before);
    Some((m, k + 1 + usize::from(dot)))
}

/// The year after a day and month at `k`: `2016`, `, 2016`, or two digits that end the
/// expression (`1er avril 78`, not `le 12 mai 25 personnes`).
fn year_after(
    lex: &Lexicon,
    toks: &[Tok],
    k: usize,
    reference: Option<NaiveDate>,
) -> Option<(i32, usize)> {
    // `12 janvier, 2016`, `le 23 novembre de 1987`; not `le 12 mai de 2000 personnes`.
    let noun_after = toks
        .get(k + 2)
        .is_some_and(|t| t.is_word() && !t.is_capitalised() && !lex.is_stopword(&t.lower));
    let comma = usize::from(
        (lower(toks, k) == "," || lex.of_words.contains(&lower(toks, k)))
            && year_token(toks.get(k + 1)).is_some()
            && !noun_after,
    );
    if let Some(year) = year_token(toks.get(k + comma)) {
        return Some((year, k + comma + 1));
    }
    let t = toks.get(k)?;
    let two = t.text.len() == 2 && t.text.bytes().all(|b| b.is_ascii_digit());
    let ends = toks.get(k + 1).is_none_or(|n| !n.is_word());
    if !(two && ends) {
        return None;
    }
    Some((full_year(t.text.parse().ok()?, reference), k + 1))
}

/// A month and a year in figures: `3/2015`, `11 / 2016`, `2016-11`, `2015/3`.
fn numeric_month(toks: &[Tok], i: usize) -> Option<(usize, DateRange)> {
    let small = |t: &Tok| {
        t.text.len() <= 2
            && t.text.bytes().all(|b| b.is_ascii_digit())
            && (1..=12).contains(&t.text.parse::<u32>().unwrap_or(0))
    };
    let (a, sep, b) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    if !matches!(sep.text, "/" | "-") {
        return None;
    }
    // Not a day-month-year date (`3/7/2015`), nor a range of years (`2015-2016`).
    if toks
        .get(i + 3)
        .is_some_and(|t| matches!(t.text, "/" | "-") && !t.space_before)
    {
        return None;
    }
    let year_of = |t: &Tok| year_token(Some(t)).filter(|y| (1900..=2100).contains(y));
    let (month, year) = if small(a) && year_of(b).is_some() {
        (a.text.parse().ok()?, year_of(b)?)
    } else if year_of(a).is_some() && small(b) {
        (b.text.parse().ok()?, year_of(a)?)
    } else {
        return None;
    };
    // Glued on both sides, or spaced on both (`11 / 2016`).
    if sep.space_before != b.space_before {
        return None;
    }
    Some((i + 3, DateRange::month(year, month)?))
}

/// The token after `week-end` (or `weekend`) at `k`.
fn weekend_at(lex: &Lexicon, toks: &[Tok], k: usize) -> Option<usize> {
    let w = lower(toks, k);
    if lex.weekend_words.contains(&w) {
        return Some(k + 1);
    }
    // A hyphenated spelling lexes as three tokens glued together.
    let glued = |j: usize| toks.get(j).is_some_and(|t| !t.space_before);
    lex.weekend_words
        .iter()
        .filter_map(|word| word.split_once('-'))
        .any(|(a, b)| {
            w == a
                && lower(toks, k + 1) == "-"
                && lower(toks, k + 2) == b
                && glued(k + 1)
                && glued(k + 2)
        })
        .then_some(k + 3)
}

/// The rank a token says, in figures (`3e`) or in words (`troisième`).
fn rank_at(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<i32> {
    let w = lower(toks, i);
    numbers::parse_ordinal(toks.get(i)?, false)
        .map(|r| r as i32)
        .or_else(|| {
            lex.rank_words
                .iter()
                .find(|(r, _)| *r == w)
                .map(|&(_, n)| n)
        })
}

/// `le premier vendredi de juillet`, `le dernier dimanche de mars 2024`, `le deuxième mardi du
/// mois`: the weekday of that rank in the month.
fn nth_weekday_at(
    lex: &Lexicon,
    toks: &[Tok],
    i: usize,
    reference: Option<NaiveDate>,
) -> Option<TimeMatch> {
    let weekday = weekday_of(lex, lower(toks, i + 1))?;
    let w = lower(toks, i);
    let n = if lex.last_words.contains(&w) {
        -1
    } else {
        let rank = rank_at(lex, toks, i)?;
        if !(1..=5).contains(&rank) {
            return None;
        }
        rank
    };
    let of = lower(toks, i + 2);
    let of_word = lex.of_words.contains(&of);
    let (month, year, end, relative) = if of_word && lex.month_words.contains(&lower(toks, i + 3)) {
        let r = reference?;
        (r.month(), r.year(), i + 4, true)
    } else if of_word
        && lex.this_words.contains(&lower(toks, i + 3))
        && lex.month_words.contains(&lower(toks, i + 4))
    {
        let r = reference?;
        (r.month(), r.year(), i + 5, true)
    } else if of_word {
        let (month, after) = month_in_date(lex, toks, i + 3)?;
        match year_token(toks.get(after)) {
            Some(y) => (month, y, after + 1, false),
            None => {
                let near = nearest_month(reference?, month)?;
                (month, near.from?.year(), after, true)
            }
        }
    } else {
        return None;
    };
    let rule = holidays::Rule::NthWeekday { month, weekday, n };
    let d = holidays::day_in(rule, year)?;
    Some(TimeMatch {
        end,
        value: DateRange::day(d),
        relative,
    })
}

/// `le troisième trimestre 2024`, `au premier semestre`: three or six months of a year (the
/// article's when none is written).
fn quarter_at(
    lex: &Lexicon,
    toks: &[Tok],
    i: usize,
    reference: Option<NaiveDate>,
) -> Option<TimeMatch> {
    let months = *lex
        .year_parts
        .iter()
        .find(|(p, _)| *p == lower(toks, i + 1))
        .map(|(_, m)| m)?;
    let rank = rank_at(lex, toks, i)?;
    if rank < 1 || rank as u32 * months > 12 {
        return None;
    }
    let of = usize::from(lex.of_words.contains(&lower(toks, i + 2)));
    let (year, end, relative) = match year_token(toks.get(i + 2 + of)) {
        Some(y) => (y, i + 3 + of, false),
        None => (reference?.year(), i + 2, true),
    };
    let first = (rank as u32 - 1) * months + 1;
    let from = NaiveDate::from_ymd_opt(year, first, 1)?;
    let to = DateRange::month(year, first + months - 1)?.to;
    Some(TimeMatch {
        end,
        value: DateRange {
            from: Some(from),
            to,
            grain: Grain::Month,
        },
        relative,
    })
}

/// The day of the month a token writes: `1er`, `premier`, or one or two digits.
fn day_number(t: &Tok) -> Option<u32> {
    match t.lower.as_ref() {
        "1er" | "premier" => Some(1),
        _ if t.text.len() <= 2 && t.text.bytes().all(|b| b.is_ascii_digit()) => t.text.parse().ok(),
        _ => None,
    }
}

/// `du 13 au 15 juillet`, `du 28 juin au 2 juillet 2024`: the days from the first to the
/// second, which gives the month and year the first leaves out (`du 28 au 2 juillet` starts in
/// June).
fn day_range(
    lex: &Lexicon,
    toks: &[Tok],
    i: usize,
    reference: Option<NaiveDate>,
) -> Option<TimeMatch> {
    let d1 = day_number(toks.get(i)?)?;
    let is_day = |m: &TimeMatch| m.value.grain == Grain::Day && m.value.from == m.value.to;
    // `19-20 novembre`: a glued dash between two days.
    let dash = toks
        .get(i + 1)
        .is_some_and(|t| t.text == "-" && !t.space_before)
        && toks.get(i + 2).is_some_and(|t| !t.space_before);
    let connector = lower(toks, i + 1);
    if connector == "au" || dash || (connector == "et" && i > 0 && lower(toks, i - 1) == "entre") {
        let second = single_time_at(lex, toks, i + 2, reference).filter(is_day)?;
        let to = second.value.to?;
        let mut from = NaiveDate::from_ymd_opt(to.year(), to.month(), d1);
        if from.is_none_or(|f| f > to) {
            let previous = to.with_day(1)?.pred_opt()?;
            from = NaiveDate::from_ymd_opt(previous.year(), previous.month(), d1);
        }
        return Some(TimeMatch {
            end: second.end,
            value: DateRange {
                from: Some(from?),
                to: Some(to),
                grain: Grain::Day,
            },
            relative: second.relative,
        });
    }
    let first = single_time_at(lex, toks, i, reference).filter(is_day)?;
    if lower(toks, first.end) != "au" {
        return None;
    }
    let second = single_time_at(lex, toks, first.end + 1, reference).filter(is_day)?;
    let to = second.value.to?;
    let mut from = first.value.from?;
    // The first day's year, left out, is the second's (or the one before, across a new year).
    if first.relative && !second.relative {
        from = from.with_year(to.year())?;
        if from > to {
            from = from.with_year(to.year() - 1)?;
        }
    }
    (from <= to).then_some(TimeMatch {
        end: second.end,
        value: DateRange {
            from: Some(from),
            to: Some(to),
            grain: Grain::Day,
        },
        relative: first.relative && second.relative,
    })
}

/// A part of a month or a year at `i`: `début mars` (days 1–10), `mi-décembre` (11–20),
/// `fin mars` (21 to the end); `début 2024` (January–April), `mi-2024` (May–August),
/// `fin 2024` (September–December).
pub fn part_at(
    lex: &Lexicon,
    toks: &[Tok],
    i: usize,
    reference: Option<NaiveDate>,
) -> Option<TimeMatch> {
    use crate::claims::lang::PeriodPart;
    if !lex.may_open_period(lower(toks, i)) {
        return None;
    }
    let &(_, part) = lex
        .period_parts
        .iter()
        .find(|(w, _)| *w == lower(toks, i))?;
    let next = if lower(toks, i + 1) == "-" {
        i + 2
    } else {
        i + 1
    };
    // A bare month after the part word (`mi-décembre`) is its occurrence nearest the article.
    let m = single_time_at(lex, toks, next, reference).or_else(|| {
        let month = month_of(lex, lower(toks, next))?;
        Some(TimeMatch {
            end: next + 1,
            value: nearest_month(reference?, month)?,
            relative: true,
        })
    })?;
    let (from, to) = (m.value.from?, m.value.to?);
    let (value, grain) = match m.value.grain {
        Grain::Month => {
            let (a, b) = match part {
                PeriodPart::Start => (1, 10),
                PeriodPart::Middle => (11, 20),
                PeriodPart::End => (21, to.day()),
            };
            ((from.with_day(a)?, to.with_day(b)?), Grain::Day)
        }
        Grain::Year => {
            let (a, b) = match part {
                PeriodPart::Start => (1, 4),
                PeriodPart::Middle => (5, 8),
                PeriodPart::End => (9, 12),
            };
            let first = NaiveDate::from_ymd_opt(from.year(), a, 1)?;
            let last = DateRange::month(from.year(), b)?.to?;
            ((first, last), Grain::Month)
        }
        _ => return None,
    };
    Some(TimeMatch {
        end: m.end,
        value: DateRange {
            from: Some(value.0),
            to: Some(value.1),
            grain,
        },
        relative: m.relative,
    })
}

/// A date made one bound of an open period by the words at `i` (`avant 2000`, `jusqu'en 2030`,
/// `à partir du 8 mars`), with the modifier that says which side.
pub fn bounded_at(
    lex: &Lexicon,
    toks: &[Tok],
    i: usize,
    reference: Option<NaiveDate>,
) -> Option<(TimeMatch, crate::claims::Modifier)> {
    use crate::claims::Modifier;
    use crate::claims::lang::DateBound;
    // Most tokens open no period; the bounds are not scanned at them.
    if !lex.may_open_period(lower(toks, i)) {
        return None;
    }
    let (bound, skip) = super::lex::longest_at(toks, i, lex.date_bounds)?;
    // `avant hier` is a day, not a bound.
    if two_word_relative_day(lex, toks, i).is_some() {
        return None;
    }
    let m = time_at(lex, toks, i + skip, reference)?;
    let v = m.value;
    let (value, modifier) = match bound {
        DateBound::Before => (
            DateRange {
                from: None,
                to: v.from?.pred_opt(),
                grain: v.grain,
            },
            Modifier::LessThan,
        ),
        DateBound::Until => (
            DateRange {
                from: None,
                to: v.to,
                grain: v.grain,
            },
            Modifier::AtMost,
        ),
        DateBound::From => (
            DateRange {
                from: v.from,
                to: None,
                grain: v.grain,
            },
            Modifier::AtLeast,
        ),
        DateBound::After => (
            DateRange {
                from: v.to?.succ_opt(),
                to: None,
                grain: v.grain,
            },
            Modifier::MoreThan,
        ),
    };
    Some((
        TimeMatch {
            end: m.end,
            value,
            relative: m.relative,
        },
        modifier,
    ))
}

/// The time expression starting at token `i`.
pub fn time_at(
    lex: &Lexicon,
    toks: &[Tok],
    i: usize,
    reference: Option<NaiveDate>,
) -> Option<TimeMatch> {
    // `du 13 au 15 juillet`, `entre le 2 et le 5 mai`, and without the `du`: `13 au 15 juillet`,
    // `19-20 novembre`.
    let opens = i > 0 && matches!(lower(toks, i - 1), "du" | "entre");
    let joined = matches!(lower(toks, i + 1), "au" | "-");
    if (opens || joined)
        && let Some(m) = day_range(lex, toks, i, reference)
    {
        return Some(m);
    }
    single_time_at(lex, toks, i, reference)
}

/// One time expression at token `i`, not a range of them.
fn single_time_at(
    lex: &Lexicon,
    toks: &[Tok],
    i: usize,
    reference: Option<NaiveDate>,
) -> Option<TimeMatch> {
    let w = lower(toks, i);
    let absolute = |end, value| {
        Some(TimeMatch {
            end,
            value,
            relative: false,
        })
    };
    let relative = |end, value| {
        Some(TimeMatch {
            end,
            value,
            relative: true,
        })
    };

    // `hier`, `aujourd'hui`, `demain`, and hyphenated `avant-hier`, `après-demain`.
    let hyphenated = (lower(toks, i + 1) == "-"
        && toks.get(i + 1).is_some_and(|t| !t.space_before)
        && toks.get(i + 2).is_some_and(|t| !t.space_before))
    .then(|| format!("{w}-{}", lower(toks, i + 2)));
    if let Some(offset) = two_word_relative_day(lex, toks, i) {
        let d = reference?.checked_add_signed(chrono::Duration::days(offset))?;
        return relative(i + 2, DateRange::day(d));
    }
    for (word, end) in [(hyphenated.as_deref(), i + 3), (Some(w), i + 1)] {
        if let Some(word) = word
            && let Some(&(_, offset)) = lex.relative_days.iter().find(|(d, _)| *d == word)
        {
            let d = reference?.checked_add_signed(chrono::Duration::days(offset))?;
            return relative(end, DateRange::day(d));
        }
    }

    if let Some((end, value)) = numeric_date(lex, toks, i, reference) {
        return absolute(end, value);
    }

    if let Some((end, value)) = numeric_month(toks, i) {
        return absolute(end, value);
    }

    // `Noël`, `la fête des pères 2015`, `la Pentecôte de 2024`.
    if let Some((rule, end)) = holidays::holiday_at(lex, toks, i) {
        let of = usize::from(
            lex.of_words.contains(&lower(toks, end))
                || lex.year_prepositions.contains(&lower(toks, end)),
        );
        if let Some(year) = year_token(toks.get(end + of)) {
            return absolute(end + of + 1, DateRange::day(holidays::day_in(rule, year)?));
        }
        return relative(end, DateRange::day(holidays::nearest(rule, reference?)?));
    }

    // `19 juin 2024`, `1er juin`, `mercredi 19 juin 2024`, `ce dimanche 24 avril 2022` (the
    // date written wins over the week of the article).
    let day_start = if weekday_of(lex, w).is_some() {
        i + 1
    } else if lex.this_words.contains(&w) && weekday_of(lex, lower(toks, i + 1)).is_some() {
        i + 2
    } else {
        i
    };
    // `mer, 22 janv.`: a weekday and its comma.
    let day_start = day_start + usize::from(day_start > i && lower(toks, day_start) == ",");
    let day = toks.get(day_start).and_then(day_number);
    if let Some(day) = day
        && let Some((month, after)) = month_in_date(lex, toks, day_start + 1)
    {
        if let Some((year, end)) = year_after(lex, toks, after, reference) {
            let d = NaiveDate::from_ymd_opt(year, month, day)?;
            return absolute(end, DateRange::day(d));
        }
        // No year: the occurrence nearest the article's date.
        let reference = reference?;
        let near = nearest_month(reference, month)?;
        let d = NaiveDate::from_ymd_opt(near.from?.year(), month, day)?;
        return relative(after, DateRange::day(d));
    }

    // Weekdays: `ce mercredi`, `mercredi dernier`, `mercredi prochain`.
    let (wd_index, wd_from_this) = if lex.this_words.contains(&w) {
        (i + 1, true)
    } else {
        (i, false)
    };
    if let Some(weekday) = weekday_of(lex, lower(toks, wd_index)) {
        let after = lower(toks, wd_index + 1);
        let reference = reference?;
        // `vendredi de la semaine prochaine`, `dimanche la semaine dernière`, `vendredi cette
        // semaine`: that weekday of the week named.
        let of = usize::from(lex.of_words.contains(&after));
        let week = lower(toks, wd_index + 1 + of);
        let this = lex.this_words.contains(&week);
        let week_offset = if (this || lex.articles.contains(&week))
            && lex.week_words.contains(&lower(toks, wd_index + 2 + of))
        {
            let direction = lower(toks, wd_index + 3 + of);
            if this {
                Some((0, wd_index + 3 + of))
            } else if lex.next_words.contains(&direction) {
                Some((1, wd_index + 4 + of))
            } else if lex.last_words.contains(&direction) {
                Some((-1, wd_index + 4 + of))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((weeks, end)) = week_offset {
            let d = weekday_of_week(reference, weekday, weeks)?;
            return relative(end, DateRange::day(d));
        }
        let (direction, end) = if lex.last_words.contains(&after) {
            (-1, wd_index + 2)
        } else if lex.next_words.contains(&after) {
            (1, wd_index + 2)
        } else {
            (0, wd_index + 1)
        };
        // `tous les lundis`, `chaque mardi`: a recurring day, not a date.
        let before = if i > 0 { lower(toks, i - 1) } else { "" };
        if lex.recurring_words.contains(&before) {
            return None;
        }
        // `ce vendredi`: the one of the article's week; a bare `vendredi`, the nearest.
        let d = if wd_from_this && direction == 0 {
            weekday_of_week(reference, weekday, 0)?
        } else {
            weekday_date(reference, weekday, direction)?
        };
        return relative(end, DateRange::day(d));
    }

    // `ce septembre`, `cette année`'s month; `prochain juin`.
    if (lex.this_words.contains(&w) || lex.next_words.contains(&w))
        && let Some(month) = month_of(lex, lower(toks, i + 1))
        && year_token(toks.get(i + 2)).is_none()
    {
        let reference = reference?;
        let value = if lex.this_words.contains(&w) {
            DateRange::month(reference.year(), month)?
        } else {
            next_month(reference, month)?
        };
        return relative(i + 2, value);
    }

    // Months: `septembre 2023`, `mars dernier`, `en mars`.
    if let Some(month) = month_of(lex, w) {
        if let Some((year, end)) =
            year_after(lex, toks, i + 1, reference).filter(|_| lower(toks, i + 1) != ",")
        {
            return absolute(end, DateRange::month(year, month)?);
        }
        let after = lower(toks, i + 1);
        if lex.last_words.contains(&after) {
            return relative(i + 2, last_month(reference?, month)?);
        }
        if lex.next_words.contains(&after) {
            return relative(i + 2, next_month(reference?, month)?);
        }
        let before = if i > 0 { lower(toks, i - 1) } else { "" };
        // A bare month is its occurrence nearest the article, written lower case as French
        // writes months (`Mars` and `Mai` are also a planet and a name).
        let name_like = toks[i].is_capitalised() && i > 0 && lex.name_like_months.contains(&w);
        if !name_like && !lex.recurring_words.contains(&before) {
            return relative(i + 1, nearest_month(reference?, month)?);
        }
        return None;
    }

    // Seasons: `l'été 2024`, `cet été`, `l'été dernier`.
    let (season_index, season_this) = if lex.this_words.contains(&w) {
        (i + 1, true)
    } else {
        (i, false)
    };
    let season_name = lower(toks, season_index);
    if lex.seasons.iter().any(|(s, ..)| *s == season_name) {
        let after = lower(toks, season_index + 1);
        if let Some(year) = year_token(toks.get(season_index + 1)) {
            return absolute(season_index + 2, season(lex, season_name, year)?);
        }
        let reference = reference?;
        if lex.last_words.contains(&after) {
            // The last season of that name that ended before the reference date.
            let mut y = reference.year();
            let mut s = season(lex, season_name, y)?;
            while s.to? >= reference {
                y -= 1;
                s = season(lex, season_name, y)?;
            }
            return relative(season_index + 2, s);
        }
        if season_this {
            // `cet hiver` said in February is the winter under way, which began the year
            // before.
            let previous = season(lex, season_name, reference.year() - 1)?;
            let value = if previous.to.is_some_and(|to| to >= reference) {
                previous
            } else {
                season(lex, season_name, reference.year())?
            };
            return relative(season_index + 1, value);
        }
    }

    // `l'an dernier`, `l'année prochaine`, `cette année`, `le mois dernier`, `la semaine dernière`.
    let period_index = if lex.this_words.contains(&w) {
        i + 1
    } else {
        i
    };
    // `ce week-end`, `le week-end dernier`: the Saturday and Sunday of the week meant.
    let weekend_index = if lex.this_words.contains(&w) || w == "le" {
        i + 1
    } else {
        i
    };
    if let Some(after_weekend) = weekend_at(lex, toks, weekend_index) {
        let after = lower(toks, after_weekend);
        let (weeks, end) = if lex.last_words.contains(&after) {
            (-1, after_weekend + 1)
        } else if lex.next_words.contains(&after) {
            (1, after_weekend + 1)
        } else {
            (0, after_weekend)
        };
        if weekend_index > i || weeks != 0 {
            let saturday = weekday_of_week(reference?, 5, weeks)?;
            return relative(
                end,
                DateRange {
                    from: Some(saturday),
                    to: saturday.succ_opt(),
                    grain: Grain::Day,
                },
            );
        }
    }

    // `le premier vendredi de juillet`, `le dernier lundi du mois`.
    if let Some(m) = nth_weekday_at(lex, toks, i, reference) {
        return Some(m);
    }

    // `au troisième trimestre 2024`, `le premier semestre`.
    if let Some(m) = quarter_at(lex, toks, i, reference) {
        return Some(m);
    }

    let period = lower(toks, period_index);
    if matches!(period, "an" | "année" | "mois" | "semaine") {
        let after = lower(toks, period_index + 1);
        let step = if lex.last_words.contains(&after) {
            Some(-1)
        } else if lex.next_words.contains(&after) {
            Some(1)
        } else if period_index == i + 1 {
            Some(0)
        } else {
            None
        };
        if let Some(step) = step {
            let reference = reference?;
            let end = if step == 0 {
                // `ce mois-ci`.
                if lower(toks, period_index + 1) == "-" && lower(toks, period_index + 2) == "ci" {
                    period_index + 3
                } else {
                    period_index + 1
                }
            } else {
                period_index + 2
            };
            let value = match period {
                "an" | "année" => DateRange::year(reference.year() + step)?,
                "mois" => {
                    let d = if step < 0 {
                        reference.checked_sub_months(Months::new(1))?
                    } else {
                        reference.checked_add_months(Months::new(step as u32))?
                    };
                    DateRange::month(d.year(), d.month())?
                }
                _ => {
                    let monday = reference.checked_sub_days(Days::new(
                        reference.weekday().num_days_from_monday() as u64,
                    ))?;
                    let start = monday.checked_add_signed(chrono::Duration::weeks(step as i64))?;
                    DateRange {
                        from: Some(start),
                        to: start.checked_add_days(Days::new(6)),
                        grain: Grain::Week,
                    }
                }
            };
            return relative(end, value);
        }
    }

    // `il y a 24 ans`.
    if toks.len() > i + 3
        && lex
            .ago
            .iter()
            .enumerate()
            .all(|(k, a)| lower(toks, i + k) == *a)
    {
        let start = i + lex.ago.len();
        let number = numbers::number_at(lex, toks, start)?;
        let unit = lex
            .units
            .iter()
            .find(|u| u.word == lower(toks, number.end) && u.unit == Unit::Seconds)?;
        let amount = number.range.lo?;
        let (d, grain) = shift(reference?, amount, unit.factor)?;
        if grain == Grain::Month || (grain == Grain::Day && unit.factor >= 7.0 * 86_400.0) {
            // `il y a un mois` is about a month before the article, not the whole calendar
            // month before: a sixth either side (25–35 days for one month, 17–25 for three
            // weeks).
            let days = amount * unit.factor / 86_400.0;
            let spread = (days / 6.0).round() as u64;
            let from = d.checked_sub_days(Days::new(spread))?;
            let to = d.checked_add_days(Days::new(spread))?.min(reference?);
            let value = DateRange {
                from: Some(from),
                to: Some(to),
                grain: Grain::Day,
            };
            return relative(number.end + 1, value);
        }
        return relative(number.end + 1, at_grain(d, grain)?);
    }

    // `les années 2000`, `années 90`.
    if lex.decade_words.contains(&w)
        && let Some(t) = toks.get(i + 1)
        && t.text.chars().all(|c| c.is_ascii_digit())
    {
        let n: i32 = t.text.parse().ok()?;
        let first = match t.text.len() {
            2 if n % 10 == 0 => 1900 + n,
            4 if n % 10 == 0 => n,
            _ => return None,
        };
        return absolute(i + 2, DateRange::years(first, first + 9, Grain::Decade)?);
    }
    // `les années quatre-vingt-dix`, `années soixante`.
    if lex.decade_words.contains(&w)
        && let Some(n) =
            numbers::number_at(lex, toks, i + 1).filter(|n| !n.ordinal && !toks[i + 1].is_number())
        && let Some(v) = n.range.lo.filter(|v| n.range.hi == Some(*v))
        && (10.0..=90.0).contains(&v)
        && v % 10.0 == 0.0
    {
        let first = 1900 + v as i32;
        return absolute(n.end, DateRange::years(first, first + 9, Grain::Decade)?);
    }

    // `deux jours avant le 8 mars`, `trois semaines après le scrutin du 12 juin`: a date moved
    // by a span. Without a date after it (`deux jours avant le vote`), the span stays a
    // duration.
    if let Some(number) = numbers::number_at(lex, toks, i).filter(|n| !n.ordinal && !n.fraction)
        && let Some(unit) = lex
            .unit(lower(toks, number.end))
            .filter(|u| u.unit == Unit::Seconds && u.factor >= 86_400.0)
        && let Some(&(_, sign)) = lex
            .offset_words
            .iter()
            .find(|(w, _)| *w == lower(toks, number.end + 1))
        && let Some(amount) = number.range.lo
    {
        let at = number.end + 2;
        let at = at + usize::from(lex.articles.contains(&lower(toks, at)));
        if let Some(anchor) = single_time_at(lex, toks, at, reference)
            .filter(|m| m.value.grain == Grain::Day && m.value.from == m.value.to)
        {
            let (d, _) = shift(anchor.value.from?, -f64::from(sign) * amount, unit.factor)?;
            return Some(TimeMatch {
                end: anchor.end,
                value: DateRange::day(d),
                relative: anchor.relative,
            });
        }
    }

    // `dans une semaine`, `dans trois ans`: that long after the article.
    if lex.ahead_words.contains(&w)
        && let Some(number) = numbers::number_at(lex, toks, i + 1)
        && let Some(unit) = lex
            .unit(lower(toks, number.end))
            .filter(|u| u.unit == Unit::Seconds && u.factor >= 86_400.0)
        && let Some(amount) = number.range.lo.filter(|_| !number.ordinal)
    {
        let (d, grain) = shift(reference?, -amount, unit.factor)?;
        return relative(number.end + 1, at_grain(d, grain)?);
    }

    // `XXe siècle`, `21e siècle`.
    if let Some(t) = toks.get(i)
        && lex.century_words.contains(&lower(toks, i + 1))
        && let Some(n) = numbers::parse_ordinal(t, true)
        && (1..=30).contains(&n)
    {
        // The common reading: the 20th century is 1900–1999 (the strict one starts in 1901).
        let n = n as i32;
        return absolute(
            i + 2,
            DateRange::years((n - 1) * 100, (n - 1) * 100 + 99, Grain::Century)?,
        );
    }

    // A year: four digits that a preposition of time introduces or that no counted noun or
    // unit follows.
    if let Some(year) = year_token(toks.get(i))
        && (1000..=2100).contains(&year)
    {
        let next = toks.get(i + 1);
        let grouped = next.is_some_and(|n| n.space_before && n.text.len() == 3 && n.is_number());
        // A counted noun or a unit wins over a year (`à 1200 euros`, `2500 arbres`), and so does
        // the first figure of a range of them (`entre 1500 et 2000 manifestants`); a function
        // word after the figure (`depuis 2015 les prix`) says nothing against a year.
        // Counted nouns and units are written lower case; `en 2017 Emmanuel Macron` is a year.
        let is_noun = |t: &Tok| {
            t.is_word()
                && !t.is_number()
                && !t.is_capitalised()
                && !lex.is_stopword(&t.lower)
                && !lex.is_number_word(&t.lower)
        };
        let noun_follows =
            next.is_some_and(|n| is_noun(n) && !matches!(n.lower.as_ref(), "et" | "à" | "ou"));
        let range_of_nouns = next.is_some_and(|n| matches!(n.lower.as_ref(), "et" | "à" | "ou"))
            && toks.get(i + 2).is_some_and(Tok::is_number)
            && toks
                .get(i + 3)
                .is_some_and(|t| is_noun(t) && month_of(lex, &t.lower).is_none());
        // After `en`, `depuis`, `dès`… only a unit says it is not a year (`en 2000 euros`).
        let before = if i > 0 { lower(toks, i - 1) } else { "" };
        let unit_follows = next.is_some_and(|n| lex.unit(&n.lower).is_some() || n.text == "€");
        let introduced = lex.year_prepositions.contains(&before) && !unit_follows;
        let priced = lex.prefix_currencies.contains(&before);
        if !grouped && !range_of_nouns && !priced && (introduced || !(noun_follows || unit_follows))
        {
            return absolute(i + 1, DateRange::year(year)?);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::lang::fr::FR;
    use super::super::lex::lex;
    use super::*;

    fn at(s: &str, reference: &str) -> Option<(String, String, Grain)> {
        let toks = lex(s, 0..s.len());
        let r = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
        (0..toks.len())
            .find_map(|i| time_at(&FR, &toks, i, r))
            .map(|m| {
                (
                    m.value.from.map_or("-".into(), |d| d.to_string()),
                    m.value.to.map_or("-".into(), |d| d.to_string()),
                    m.value.grain,
                )
            })
    }

    #[test]
    fn relative_dates_resolve_against_the_article() {
        let r = "2024-06-19"; // a Wednesday
        assert_eq!(
            at("en mars dernier", r),
            Some(("2024-03-01".into(), "2024-03-31".into(), Grain::Month))
        );
        assert_eq!(
            at("ce mercredi", r),
            Some(("2024-06-19".into(), "2024-06-19".into(), Grain::Day))
        );
        assert_eq!(
            at("mercredi dernier", r),
            Some(("2024-06-12".into(), "2024-06-12".into(), Grain::Day))
        );
        assert_eq!(
            at("hier", r),
            Some(("2024-06-18".into(), "2024-06-18".into(), Grain::Day))
        );
        assert_eq!(
            at("l'an dernier", r),
            Some(("2023-01-01".into(), "2023-12-31".into(), Grain::Year))
        );
        assert_eq!(
            at("il y a 24 ans", r),
            Some(("2000-01-01".into(), "2000-12-31".into(), Grain::Year))
        );
        assert_eq!(
            at("l'été dernier", r),
            Some(("2023-06-21".into(), "2023-09-22".into(), Grain::Season))
        );
    }

    #[test]
    fn absolute_dates_keep_their_grain() {
        let r = "2024-06-19";
        assert_eq!(
            at("le 19 juin 2024", r),
            Some(("2024-06-19".into(), "2024-06-19".into(), Grain::Day))
        );
        assert_eq!(
            at("en septembre 2023", r),
            Some(("2023-09-01".into(), "2023-09-30".into(), Grain::Month))
        );
        assert_eq!(
            at("les années 2000", r),
            Some(("2000-01-01".into(), "2009-12-31".into(), Grain::Decade))
        );
        assert_eq!(
            at("au XXe siècle", r),
            Some(("1900-01-01".into(), "1999-12-31".into(), Grain::Century))
        );
        assert_eq!(
            at("en 2000", r),
            Some(("2000-01-01".into(), "2000-12-31".into(), Grain::Year))
        );
        assert_eq!(at("2000 artisans", r), None);
    }
}
