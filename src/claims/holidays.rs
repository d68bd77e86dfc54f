//! Holidays as days of the calendar: fixed ones (`Noël`, `la Toussaint`), those that follow
//! Easter (`la Pentecôte`, `l'Ascension`) and those that fall on a given weekday of a month
//! (`la fête des pères`, `Thanksgiving`). Without a year, a holiday is its occurrence nearest the
//! article's date, as a bare month is.

use chrono::{Datelike, NaiveDate, Weekday};

use super::lang::Lexicon;
use super::lex::Tok;

/// How a holiday's day is found in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Month and day.
    Fixed(u32, u32),
    /// Days after Easter Sunday (negative before).
    Easter(i64),
    /// The `n`th weekday (0 = Monday) of a month; `n` = -1 for the last.
    NthWeekday { month: u32, weekday: u32, n: i32 },
    /// The French Mother's Day: the last Sunday of May, or the first of June when Pentecost
    /// falls on it.
    FrenchMothersDay,
}

/// Easter Sunday of the Gregorian calendar (the anonymous algorithm of 1876).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn nth_weekday(year: i32, month: u32, weekday: u32, n: i32) -> Option<NaiveDate> {
    let target = Weekday::try_from(u8::try_from(weekday).ok()?).ok()?;
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, target, u8::try_from(n).ok()?)
    } else {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next.pred_opt()?;
        let back = (last.weekday().num_days_from_monday() + 7 - weekday) % 7;
        last.checked_sub_signed(chrono::Duration::days(i64::from(back)))
    }
}

/// The day of a holiday in a year.
pub fn day_in(rule: Rule, year: i32) -> Option<NaiveDate> {
    match rule {
        Rule::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        Rule::Easter(offset) => easter(year)?.checked_add_signed(chrono::Duration::days(offset)),
        Rule::NthWeekday { month, weekday, n } => nth_weekday(year, month, weekday, n),
        Rule::FrenchMothersDay => {
            let last = nth_weekday(year, 5, 6, -1)?;
            let pentecost = easter(year)?.checked_add_signed(chrono::Duration::days(49))?;
            if last == pentecost {
                last.checked_add_signed(chrono::Duration::days(7))
            } else {
                Some(last)
            }
        }
    }
}

/// The occurrence nearest the reference; the past one on ties (news reports more than it
/// announces).
pub fn nearest(rule: Rule, reference: NaiveDate) -> Option<NaiveDate> {
    let y = reference.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| day_in(rule, y))
        .min_by_key(|d| {
            let days = (*d - reference).num_days();
            days.abs() * 2 + i64::from(days > 0)
        })
}

fn base_letter(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        c => c,
    }
}

/// Whether a word is `plain` but for its accents, so that `fete des peres` reads as `fête des
/// pères`.
pub fn same_but_accents(word: &str, plain: &str) -> bool {
    word.chars().map(base_letter).eq(plain.chars())
}

/// The holiday whose words stand at token `i` (the longest name wins), its rule and the token
/// after it. Hyphens glued inside a name (`saint-sylvestre`) are skipped, and accents are not
/// required.
pub fn holiday_at(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<(Rule, usize)> {
    if !lex.may_start_holiday(&toks.get(i)?.lower) {
        return None;
    }
    let mut best: Option<(Rule, usize, usize)> = None;
    for &(words, rule) in lex.holidays {
        let mut k = i;
        let mut matched = true;
        for (n, w) in words.iter().enumerate() {
            if n > 0
                && toks
                    .get(k)
                    .is_some_and(|t| t.text == "-" && !t.space_before)
            {
                k += 1;
            }
            match toks.get(k) {
                Some(t) if same_but_accents(&t.lower, w) => k += 1,
                _ => {
                    matched = false;
                    break;
                }
            }
        }
        // `Noël Le Graët` is a man; `l'ascension du col` a climb.
        let single = words.len() == 1;
        let name_follows = toks.get(k).is_some_and(|t| t.is_capitalised());
        let needs_capital = lex.capitalised_holidays.contains(&words[0]);
        if single && (name_follows || (needs_capital && !toks[i].is_capitalised())) {
            matched = false;
        }
        if matched && best.is_none_or(|(_, _, len)| words.len() > len) {
            best = Some((rule, k, words.len()));
        }
    }
    best.map(|(rule, end, _)| (rule, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_and_the_days_it_moves() {
        assert_eq!(easter(2024), Some(day("2024-03-31")));
        assert_eq!(easter(2025), Some(day("2025-04-20")));
        assert_eq!(easter(2038), Some(day("2038-04-25")));
        assert_eq!(day_in(Rule::Easter(49), 2024), Some(day("2024-05-19")));
    }

    #[test]
    fn weekdays_of_a_month() {
        let thanksgiving = Rule::NthWeekday {
            month: 11,
            weekday: 3,
            n: 4,
        };
        assert_eq!(day_in(thanksgiving, 2016), Some(day("2016-11-24")));
        let last_sunday_of_may = Rule::NthWeekday {
            month: 5,
            weekday: 6,
            n: -1,
        };
        assert_eq!(day_in(last_sunday_of_may, 2024), Some(day("2024-05-26")));
        // Pentecost 2024 (19 May) leaves Mother's Day on the last Sunday of May; in 2020
        // Pentecost fell on 31 May, and Mother's Day moved to 7 June.
        assert_eq!(
            day_in(Rule::FrenchMothersDay, 2024),
            Some(day("2024-05-26"))
        );
        assert_eq!(
            day_in(Rule::FrenchMothersDay, 2020),
            Some(day("2020-06-07"))
        );
    }

    #[test]
    fn nearest_occurrence() {
        // In early January, Christmas is the one just past.
        assert_eq!(
            nearest(Rule::Fixed(12, 25), day("2025-01-05")),
            Some(day("2024-12-25"))
        );
        assert_eq!(
            nearest(Rule::Fixed(12, 25), day("2025-11-20")),
            Some(day("2025-12-25"))
        );
    }
}
