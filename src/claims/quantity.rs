//! Quantities: a number with its modifier (`plus de`, `près de`), its unit (`€`, `%`, `heures`,
//! `km`) or the noun it counts (`7000 conteneurs d'armement`, `une quarantaine de chefs d'État`),
//! and a trailing fraction (`deux heures et demie`).

use super::lang::Lexicon;
use super::lex::Tok;
use super::numbers::{self, NumberMatch};
use super::value::{Modifier, Range, Unit};

#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMatch {
    /// First token of the expression (the modifier's, if any).
    pub start: usize,
    pub end: usize,
    /// The value as stated, before the modifier widened it.
    pub stated: Range,
    /// After the modifier.
    pub range: Range,
    pub unit: Unit,
    /// The unit's word as written (`heures`), for display.
    pub unit_word: Option<String>,
    pub modifier: Modifier,
    /// The counted noun phrase, original spelling.
    pub noun: Option<(usize, usize)>,
    pub ordinal: bool,
}

/// The modifier at `i` (longest first) and the number of tokens it takes.
pub fn modifier_at(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<(Modifier, usize)> {
    if !lex.may_start_modifier(&toks.get(i)?.lower) {
        return None;
    }
    super::lex::longest_at(toks, i, lex.modifiers)
}

fn unit_at(
    lex: &Lexicon,
    toks: &[Tok],
    k: usize,
) -> Option<(&'static super::lang::UnitWord, usize)> {
    let t = toks.get(k)?;
    if t.lower == "pour" && toks.get(k + 1).is_some_and(|n| n.lower == "cent") {
        return lex
            .units
            .iter()
            .find(|u| u.unit == Unit::Percent)
            .map(|u| (u, 2));
    }
    lex.unit(&t.lower).map(|u| (u, 1))
}

/// A number glued to its unit: `2h`, `10km`, `5kg`, `15€`.
fn glued_unit(
    lex: &Lexicon,
    toks: &[Tok],
    k: usize,
    start: usize,
    modifier: Modifier,
) -> Option<QuantityMatch> {
    let t = toks.get(k)?;
    let split = t
        .lower
        .find(|c: char| !c.is_ascii_digit() && c != ',' && c != '.')?;
    let (digits, suffix) = t.lower.split_at(split);
    if digits.is_empty() || !t.text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // `3h45`: hours and minutes glued, read as a length only where the clock reader left it.
    let minutes = suffix
        .strip_prefix('h')
        .filter(|m| m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|m| m.parse::<u32>().ok())
        .filter(|&m| m < 60);
    let unit = lex.unit(if minutes.is_some() { "h" } else { suffix })?;
    let value = numbers::parse_number(lex, digits)? * unit.factor
        + minutes.map_or(0.0, |m| f64::from(m) * 60.0);
    let stated = Range::exact(value);
    Some(QuantityMatch {
        start,
        end: k + 1,
        stated,
        range: stated.modified(modifier),
        unit: unit.unit,
        unit_word: Some(t.text.get(split..).unwrap_or(suffix).to_string()),
        modifier,
        noun: None,
        ordinal: false,
    })
}

fn is_noun(lex: &Lexicon, t: &Tok) -> bool {
    t.is_word() && !t.is_number() && !lex.is_stopword(&t.lower) && lex.month(&t.lower).is_none()
}

/// The unit a unit word makes with the word after it, its factor, and how many tokens that
/// word takes: `dollars canadiens` (CAD), `mètres carrés` (m²), `pieds cubes` (litres).
fn qualified_unit(
    lex: &Lexicon,
    toks: &[Tok],
    u: &super::lang::UnitWord,
    next: usize,
) -> (Unit, f64, usize) {
    let Some(word) = toks.get(next).map(|t| t.lower.as_ref()) else {
        return (u.unit, u.factor, 0);
    };
    if let Some(&(_, _, to)) = lex
        .currency_qualifiers
        .iter()
        .find(|(from, w, _)| *from == u.unit && *w == word)
    {
        return (to, u.factor, 1);
    }
    if u.unit == Unit::Metres && lex.square_words.contains(&word) {
        return (Unit::SquareMetres, u.factor * u.factor, 1);
    }
    if u.unit == Unit::Metres && lex.cube_words.contains(&word) {
        return (Unit::Litres, u.factor.powi(3) * 1000.0, 1);
    }
    (u.unit, u.factor, 0)
}

/// A currency before its figure: `$75 millions`, `€ 1000`, `EUR 1000`, `£ 8,10 millions`.
fn prefix_currency(
    lex: &Lexicon,
    toks: &[Tok],
    i: usize,
    modifier: Modifier,
) -> Option<QuantityMatch> {
    let sign = toks.get(i)?;
    if !lex.prefix_currencies.contains(&sign.lower.as_ref()) {
        return None;
    }
    let u = lex.unit(&sign.lower).filter(|u| u.unit.is_money())?;
    let number = numbers::number_at(lex, toks, i + 1)
        .filter(|n| toks[i + 1].is_number() && !n.ordinal && !n.fraction && n.implied.is_none())?;
    let (unit, factor, taken) = qualified_unit(lex, toks, u, number.end);
    let stated = Range {
        lo: number.range.lo.map(|v| v * factor),
        hi: number.range.hi.map(|v| v * factor),
    };
    Some(QuantityMatch {
        start: i,
        end: number.end + taken,
        stated,
        range: stated.modified(modifier),
        unit,
        unit_word: Some(sign.text.to_string()),
        modifier,
        noun: None,
        ordinal: false,
    })
}

/// A half or a whole of a unit of time said without a figure: `une demi-heure`, `demi-journée`,
/// `toute la journée`, `toute l'année`.
fn half_or_whole(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<QuantityMatch> {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_ref());
    let (value, mut k) = if lex.half_words.contains(&word(i)) {
        (0.5, i + 1)
    } else if matches!(word(i), "un" | "une") && lex.half_words.contains(&word(i + 1)) {
        (0.5, i + 2)
    } else if lex.whole_words.contains(&word(i)) && lex.articles.contains(&word(i + 1)) {
        (1.0, i + 2)
    } else {
        return None;
    };
    if word(k) == "-" && !toks[k].space_before {
        k += 1;
    }
    let u = lex
        .unit(word(k))
        .filter(|u| u.unit == Unit::Seconds && u.word.len() > 1)?;
    let stated = Range::exact(value * u.factor);
    Some(QuantityMatch {
        start: i,
        end: k + 1,
        stated,
        range: stated,
        unit: Unit::Seconds,
        unit_word: Some(toks[k].text.to_string()),
        modifier: Modifier::Exact,
        noun: None,
        ordinal: false,
    })
}

/// An earthquake's magnitude, for the number from `number` to `end`: after the word
/// (`magnitude 6,8`, `d'une magnitude de 7,2`), before it (`6,3 de magnitude`), on the Richter
/// scale (`7 degrés sur l'échelle de Richter`), or in degrees in a sentence about an earthquake
/// (`un séisme de 6,4 degrés`), where degrees are no temperature.
fn magnitude(
    lex: &Lexicon,
    toks: &[Tok],
    start: usize,
    number: usize,
    end: usize,
    stated: Range,
    modifier: Modifier,
) -> Option<QuantityMatch> {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_ref());
    let named = |k: usize| lex.magnitude_words.contains(&word(k));
    let linking = |k: usize| lex.of_words.contains(&word(k)) || word(k) == "-";
    let before = (number >= 1 && named(number - 1))
        || (number >= 2 && named(number - 2) && linking(number - 1));
    let (mut last, mut found) = (end, before);
    if lex.of_words.contains(&word(end)) && named(end + 1) {
        (last, found) = (end + 2, true);
    } else if lex.degree_words.contains(&word(end)) {
        let richter = (end + 1..end + 6).any(named);
        let quake = toks
            .iter()
            .any(|t| lex.quake_words.contains(&t.lower.as_ref()));
        if found || richter || quake {
            (last, found) = (end + 1, true);
        }
    } else if !found && (end..end + 5).any(named) && word(end) == "sur" {
        found = true;
    }
    if !found || stated.lo != stated.hi {
        return None;
    }
    Some(QuantityMatch {
        start,
        end: last,
        stated,
        range: stated.modified(modifier),
        unit: Unit::Magnitude,
        unit_word: Some("magnitude".into()),
        modifier,
        noun: None,
        ordinal: false,
    })
}

/// The quantity starting at `i`.
/// A temperature (`35 degrés`, `40 °C`, `-5 degrés fahrenheit`, `10,5 celsius`, in °C) or a
/// speed (`180 km/h`, `90 kilomètres par heure`, in km/h) after the number that ends at `end`.
/// A bare degree is Celsius, as French news writes it.
fn temperature_or_speed(
    lex: &Lexicon,
    toks: &[Tok],
    start: usize,
    end: usize,
    stated: Range,
    modifier: Modifier,
) -> Option<QuantityMatch> {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_ref());
    let value = stated.lo.filter(|_| stated.lo == stated.hi)?;
    let quantity = |unit: Unit, v: f64, last: usize, unit_word: String| {
        // `-5 degrés`: a minus sign glued to the figure.
        let negative = start > 0
            && toks[start - 1].text == "-"
            && !toks[start].space_before
            && (start == 1 || toks[start - 1].space_before);
        let (v, first) = if negative {
            (-v, start - 1)
        } else {
            (v, start)
        };
        let stated = Range::exact(v);
        let range = stated.modified_in(modifier, unit);
        Some(QuantityMatch {
            start: first,
            end: last,
            stated,
            range,
            unit,
            unit_word: Some(unit_word),
            // A peak reached (`jusqu'à 121 km/h`) is stated exactly.
            modifier: if range == stated {
                Modifier::Exact
            } else {
                modifier
            },
            noun: None,
            ordinal: false,
        })
    };
    let (mut k, mut degree) = (end, false);
    if lex.degree_words.contains(&word(k)) {
        degree = true;
        k += 1;
        // `50 deg.`
        if word(k) == "." && word(k - 1) == "deg" {
            k += 1;
        }
    }
    let scale_at = |k: usize| {
        if lex.celsius_words.contains(&word(k)) && (degree || word(k).len() > 1) {
            Some(false)
        } else if lex.fahrenheit_words.contains(&word(k)) && (degree || word(k).len() > 1) {
            Some(true)
        } else {
            None
        }
    };
    match scale_at(k) {
        Some(fahrenheit) => {
            let celsius = if fahrenheit {
                (value - 32.0) * 5.0 / 9.0
            } else {
                value
            };
            let shown = if fahrenheit { "°F" } else { "°C" };
            return quantity(
                Unit::Celsius,
                if fahrenheit { celsius } else { value },
                k + 1,
                shown.into(),
            );
        }
        None if degree => return quantity(Unit::Celsius, value, k, "°C".into()),
        None => {}
    }
    // Speeds: a distance unit, then `/ h` or `par heure`.
    let distance = lex.unit(word(end)).filter(|u| u.unit == Unit::Metres)?;
    if lex.per_words.contains(&word(end + 1)) && lex.hour_words.contains(&word(end + 2)) {
        let kmh = value * distance.factor / 1000.0;
        return quantity(Unit::KilometresPerHour, kmh, end + 3, "km/h".into());
    }
    None
}

/// A range of figures at `i`: `entre 20 000 et 35 000 manifestants`, `de 160 à 190 députés`,
/// `20 à 30 morts`, `entre 2 et 3 millions d'euros`. The second figure carries the unit or noun
/// (and the scale, when only it has one); the first is read in the same unit. `None` unless the
/// second figure is a quantity with a unit or a counted noun and the first is below it.
pub fn range_at(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<QuantityMatch> {
    let opener = toks.get(i)?.lower.as_ref();
    let (first, connectors): (usize, &[&str]) = match opener {
        "entre" => (i + 1, &["et"]),
        "de" | "d" => (i + 1, &["à"]),
        _ if toks[i].is_number() => (i, &["à"]),
        _ => return None,
    };
    let lead = toks.get(first)?;
    if !lead.is_number() && !lex.is_number_word(&lead.lower) {
        return None;
    }
    let x = numbers::number_at(lex, toks, first)?;
    if x.ordinal || x.weak || x.implied.is_some() {
        return None;
    }
    let connector = toks.get(x.end)?;
    if !connectors.contains(&connector.lower.as_ref()) {
        return None;
    }
    let y = quantity_at(lex, toks, x.end + 1)?;
    if y.ordinal || y.modifier != Modifier::Exact || (y.unit == Unit::Count && y.noun.is_none()) {
        return None;
    }
    let y_number = numbers::number_at(lex, toks, x.end + 1)?;
    let (x_value, y_raw) = (x.range.lo?, y_number.range.lo?);
    // The unit's factor, from the second figure as read and as converted.
    let factor = if y_raw != 0.0 {
        y.stated.lo? / y_raw
    } else {
        1.0
    };
    let has_scale =
        |from: usize, to: usize| toks[from..to].iter().find_map(|t| lex.scale(&t.lower));
    // `entre 2 et 3 millions`: the scale of the second figure is the first's too.
    let scale = match (has_scale(first, x.end), has_scale(x.end + 1, y_number.end)) {
        (None, Some(s)) if x_value * s <= y_raw => s,
        _ => 1.0,
    };
    let lo = x_value * scale * factor;
    let hi = y.stated.hi?;
    if lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less) {
        return None;
    }
    let range = Range::between(lo, hi);
    Some(QuantityMatch {
        start: i,
        end: y.end,
        stated: range,
        range,
        unit: y.unit,
        unit_word: y.unit_word,
        modifier: Modifier::Exact,
        noun: y.noun,
        ordinal: false,
    })
}

pub fn quantity_at(lex: &Lexicon, toks: &[Tok], i: usize) -> Option<QuantityMatch> {
    // A number phrase that starts with a word also read as a modifier (`quelques milliers`)
    // is a number first.
    let at_i = numbers::number_at(lex, toks, i);
    let (modifier, skip) = if at_i.as_ref().is_some_and(|m| !m.weak) {
        (Modifier::Exact, 0)
    } else {
        modifier_at(lex, toks, i).unwrap_or((Modifier::Exact, 0))
    };
    let start_number = i + skip;
    if let Some(q) = glued_unit(lex, toks, start_number, i, modifier) {
        return Some(q);
    }
    if skip == 0
        && let Some(q) = half_or_whole(lex, toks, i)
    {
        return Some(q);
    }
    if let Some(mut q) = prefix_currency(lex, toks, start_number, modifier) {
        q.start = i;
        return Some(q);
    }
    let number: NumberMatch = if skip == 0 {
        at_i?
    } else {
        // `moins d'un an`: the modifier list eats the article; read the number from the `un`.
        numbers::number_at(lex, toks, start_number).or_else(|| {
            matches!(toks.get(start_number - 1)?.lower.as_ref(), "un" | "une")
                .then(|| numbers::number_at(lex, toks, start_number - 1))?
        })?
    };
    let modifier = if modifier == Modifier::Exact {
        number.implied.unwrap_or(Modifier::Exact)
    } else {
        modifier
    };
    let end = number.end;
    let mut stated = number.range;

    if number.ordinal {
        // `Première ministre`, `premier secrétaire`: a title, not a rank.
        if toks
            .get(end)
            .is_some_and(|t| lex.title_nouns.contains(&t.lower.as_ref()))
        {
            return None;
        }
        let noun = toks
            .get(end)
            .filter(|t| is_noun(lex, t))
            .map(|_| (end, end + 1));
        return Some(QuantityMatch {
            start: i,
            end: noun.map_or(end, |n| n.1),
            stated,
            range: stated,
            unit: Unit::Ordinal,
            unit_word: None,
            modifier: Modifier::Exact,
            noun,
            ordinal: true,
        });
    }

    if let Some(q) = magnitude(lex, toks, i, start_number, end, stated, modifier) {
        return Some(q);
    }
    if let Some(q) = temperature_or_speed(lex, toks, i, end, stated, modifier) {
        return Some(q);
    }

    // A unit, directly or after `de`/`d'` (`850 millions d'euros`).
    let after_of = if lex
        .of_words
        .contains(&toks.get(end).map_or("", |t| t.lower.as_ref()))
    {
        end + 1
    } else {
        end
    };
    // `3-min`, `2,5-km`: a hyphen glued between the figure and its unit.
    let hyphened = toks
        .get(end)
        .is_some_and(|t| t.text == "-" && !t.space_before)
        && toks.get(end + 1).is_some_and(|t| !t.space_before)
        && unit_at(lex, toks, end + 1).is_some();
    let mut end = end + usize::from(hyphened);
    let unit = match unit_at(lex, toks, end) {
        Some((u, n)) => Some((u, end, n)),
        None => unit_at(lex, toks, after_of)
            .filter(|(u, _)| u.unit.is_money() || number.fraction || number.takes_of)
            .map(|(u, n)| (u, after_of, n)),
    };
    if let Some((u, at, len)) = unit {
        // `h` and `m` alone are units only glued to or right after a number.
        if u.word.len() == 1
            && u.word.chars().all(char::is_alphabetic)
            && at != number.end + usize::from(hyphened)
        {
            return None;
        }
        end = at + len;
        let (unit, factor, taken) = qualified_unit(lex, toks, u, end);
        let scaled = toks[i..at].iter().any(|t| lex.scale(&t.lower).is_some());
        if lex.scaled_units.contains(&u.word) && !scaled && taken == 0 {
            // `trois livres`: books, not pounds.
            return None;
        }
        end += taken;
        let mut value = stated.lo.unwrap_or(0.0);
        // `deux heures et demie`, `un an et demi`.
        if toks.get(end).is_some_and(|t| t.lower == "et")
            && toks
                .get(end + 1)
                .is_some_and(|t| lex.half_words.contains(&t.lower.as_ref()))
        {
            value += 0.5;
            end += 2;
        }
        stated = if stated.lo == stated.hi {
            Range::exact(value * factor)
        } else {
            Range {
                lo: stated.lo.map(|v| v * factor),
                hi: stated.hi.map(|v| v * factor),
            }
        };
        return Some(QuantityMatch {
            start: i,
            end,
            stated,
            range: stated.modified(modifier),
            unit,
            unit_word: Some(
                toks[at..at + len + taken]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            modifier,
            noun: None,
            ordinal: false,
        });
    }
    if number.weak {
        return None;
    }
    // `deux tiers des députés`, `un électeur sur trois`: a share, in percent.
    if number.fraction {
        let stated = Range::exact(stated.lo.unwrap_or(0.0) * 100.0);
        let noun_start = end
            + usize::from(
                toks.get(end)
                    .is_some_and(|t| lex.of_words.contains(&t.lower.as_ref())),
            );
        let noun = toks
            .get(noun_start)
            .filter(|t| is_noun(lex, t))
            .map(|_| (noun_start, noun_start + 1));
        return Some(QuantityMatch {
            start: i,
            end: noun.map_or(end, |n| n.1),
            stated,
            range: stated.modified(modifier),
            unit: Unit::Percent,
            unit_word: Some("%".into()),
            modifier,
            noun,
            ordinal: false,
        });
    }

    // A counted noun: `7000 conteneurs`, `une quarantaine de chefs d'État`.
    let noun_start = if number.takes_of
        && lex
            .of_words
            .contains(&toks.get(end).map_or("", |t| t.lower.as_ref()))
    {
        end + 1
    } else {
        end
    };
    // `670 autres personnes`: the count is of the noun after the word that adds to it.
    let noun_start = if toks
        .get(noun_start)
        .is_some_and(|t| lex.other_words.contains(&t.lower.as_ref()))
        && toks.get(noun_start + 1).is_some_and(|t| is_noun(lex, t))
    {
        noun_start + 1
    } else {
        noun_start
    };
    let noun = toks.get(noun_start).filter(|t| is_noun(lex, t)).map(|_| {
        let mut noun_end = noun_start + 1;
        // One complement: `conteneurs d'armement`, `chefs d'État`; not an infinitive
        // (`deux pays de renforcer`), which starts a new clause.
        let infinitive =
            |t: &Tok| !t.is_capitalised() && (t.lower.ends_with("er") || t.lower.ends_with("ir"));
        if toks
            .get(noun_end)
            .is_some_and(|t| matches!(t.lower.as_ref(), "de" | "d"))
            && toks
                .get(noun_end + 1)
                .is_some_and(|t| is_noun(lex, t) && !infinitive(t))
        {
            noun_end += 2;
        }
        (noun_start, noun_end)
    });
    // A bare number with neither unit, noun nor modifier says nothing checkable, unless it
    // counts the subject (`ils étaient 1 500`) or is attributed (`1 500 selon la police`).
    let counts_subject = i > 0 && lex.copulas.contains(&toks[i - 1].lower.as_ref());
    let attributed = toks.get(end).is_some_and(|t| {
        lex.according_to
            .iter()
            .any(|a| a[0] == t.lower && a.len() <= 2 && t.lower != "pour")
    });
    if noun.is_none()
        && modifier == Modifier::Exact
        && !counts_subject
        && !attributed
        && !elliptical(lex, toks, i, end, &stated)
    {
        return None;
    }
    Some(QuantityMatch {
        start: i,
        end: noun.map_or(end, |n| n.1),
        stated,
        range: stated.modified(modifier),
        unit: Unit::Count,
        unit_word: None,
        modifier,
        noun,
        ordinal: false,
    })
}

/// Least value of a bare figure read as a count whose noun is left out: smaller ones are
/// list numbers and footnotes as often as counts.
const ELLIPTICAL_MIN: f64 = 3.0;

/// Whether the bare figure at `i..end` is a count whose noun the sentence leaves out: the part
/// of a total (`dont 780 000 en Bretagne`), the other side of a comparison (`contre 2,5
/// millions en 2012`), a figure in parentheses after a name or another
/// figure (`Taroudant (452)`, `(2 233 904 plus exactement)`), or the subject of a verb (`227
/// ont été blessées`, `18 768 639 se sont portés sur lui`). Not a year (`dont 2024`): a bare
/// figure of four digits between 1000 and 2100 is read as one elsewhere.
fn elliptical(lex: &Lexicon, toks: &[Tok], i: usize, end: usize, stated: &Range) -> bool {
    let Some(v) = stated.lo.filter(|&v| stated.hi == Some(v)) else {
        return false;
    };
    let digits = toks[i].is_number()
        && toks[i..end]
            .iter()
            .all(|t| t.is_number() || lex.scale(&t.lower).is_some());
    let year_like = end == i + 1
        && toks[i].text.len() == 4
        && toks[i].text.bytes().all(|b| b.is_ascii_digit())
        && (1000.0..=2100.0).contains(&v);
    if !digits || year_like || v < ELLIPTICAL_MIN || v.fract() != 0.0 {
        return false;
    }
    let before = i.checked_sub(1).map(|k| toks[k].lower.as_ref());
    let after = |k: usize| toks.get(end + k).map_or("", |t| t.lower.as_ref());
    let part =
        before.is_some_and(|w| lex.part_words.contains(&w) || lex.contrast_words.contains(&w));
    let parenthesised = before == Some("(");
    // `le nombre des bulletins blancs est de 2 233 904`, `le total s'élève à 35 096 478`.
    let announced = counted_noun_before(lex, toks, i).is_some() || tallied(lex, toks, i);
    let subject = lex.auxiliaries.contains(&after(0))
        || (lex.reflexives.contains(&after(0))
            && (lex.copulas.contains(&after(1)) || lex.auxiliaries.contains(&after(1))));
    part || parenthesised || subject || announced
}

/// Whether a running count is named in the figure's clause before it (`le bilan s'élève à
/// 2 012`, `the death toll has risen to 2,012`): the figure is that count's.
fn tallied(lex: &Lexicon, toks: &[Tok], i: usize) -> bool {
    let window = &toks[i.saturating_sub(TOLL_WINDOW)..i];
    let clause_start = window
        .iter()
        .rposition(|t| matches!(t.text, "," | ";" | ":" | "(" | ")" | "."))
        .map_or(0, |p| p + 1);
    window[clause_start..]
        .iter()
        .any(|t| lex.toll_nouns.contains(&t.lower.as_ref()))
}

/// How far before its figure the count may be named: the subject of the clause, however long
/// (`the death toll from the earthquake that hit the region late on Friday has risen to`).
const TOLL_WINDOW: usize = 24;

/// How far before a figure `le nombre de X` may stand and still announce it.
const ANNOUNCE_WINDOW: usize = 8;

/// The noun a figure at `i` is announced as the number of (`le nombre des bulletins blancs est
/// de 2 233 904` → `bulletins`): the word after `nombre de`/`total des` shortly before it, in
/// its clause.
pub fn counted_noun_before<'a>(
    lex: &Lexicon,
    toks: &'a [Tok<'a>],
    i: usize,
) -> Option<&'a Tok<'a>> {
    let from = i.saturating_sub(ANNOUNCE_WINDOW);
    let window = &toks[from..i];
    let clause_start = window
        .iter()
        .rposition(|t| matches!(t.text, "," | ";" | ":" | "(" | ")"))
        .map_or(0, |p| p + 1);
    let window = &window[clause_start..];
    window.windows(3).find_map(|w| {
        (lex.count_nouns.contains(&w[0].lower.as_ref())
            && lex.of_words.contains(&w[1].lower.as_ref())
            && is_noun(lex, &w[2]))
        .then_some(&w[2])
    })
}
