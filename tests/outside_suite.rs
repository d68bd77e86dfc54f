//! Claim values measured against a suite recoupe did not write: the French specification files
//! of Microsoft Recognizers-Text (MIT), read from `../shared/outside-suites/recognizers-text/`
//! (the data is not copied into this repository). Each expected result of a supported case is
//! one item, scored as
//!
//! - **detected**: a claim's span overlaps the expected text;
//! - **value-correct**: such a claim's value is the expected one — the same number (or the same
//!   amount in a known currency, length, weight, percentage or duration after conversion to the
//!   canonical unit), or the same day or period (either of the suite's future and past readings).
//!
//! The table goes to `reports/outside-suite.md`. `tests/outside_suite.ratchet` holds the
//! value-correct count of each category: the test fails when one falls; run it with
//! `RECOUPE_UPDATE_OUTSIDE=1` to rewrite the report and raise the ratchet after an improvement.
//! Without the suite (a checkout without `../shared/`) the test says so and passes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use recoupe::claims::{self, Unit, Value};
use recoupe::corpus::Document;
use recoupe::error::Location;
use serde_json::Value as Json;

/// Reference date of French cases that give none: the suite's parser files were computed
/// against it (their English twins say so).
const DEFAULT_REFERENCE: &str = "2016-11-07";

/// Category, file, and how its results are read.
const FILES: &[(&str, &str, Kind)] = &[
    ("number", "Number/{lang}/NumberModel.json", Kind::Number),
    ("ordinal", "Number/{lang}/OrdinalModel.json", Kind::Number),
    ("percent", "Number/{lang}/PercentModel.json", Kind::Percent),
    (
        "currency",
        "NumberWithUnit/{lang}/CurrencyModel.json",
        Kind::Currency,
    ),
    (
        "dimension",
        "NumberWithUnit/{lang}/DimensionModel.json",
        Kind::Dimension,
    ),
    ("age", "NumberWithUnit/{lang}/AgeModel.json", Kind::Age),
    (
        "temperature",
        "NumberWithUnit/{lang}/TemperatureModel.json",
        Kind::Temperature,
    ),
    ("date", "DateTime/{lang}/DateParser.json", Kind::Date),
    (
        "date period",
        "DateTime/{lang}/DatePeriodParser.json",
        Kind::Date,
    ),
    ("holiday", "DateTime/{lang}/HolidayParser.json", Kind::Date),
    (
        "duration",
        "DateTime/{lang}/DurationParser.json",
        Kind::Duration,
    ),
];

/// A language of the suite: its folder name, recoupe's code for it, where its table and
/// ratchet live, and the judgement of its cases (what is not news in that language, which
/// expectations are wrong for it).
struct Language {
    folder: &'static str,
    code: &'static str,
    report: &'static str,
    ratchet: &'static str,
    judged: fn(&str, &Item) -> Option<&'static str>,
}

const FRENCH: Language = Language {
    folder: "French",
    code: "fr",
    report: "reports/outside-suite.md",
    ratchet: "tests/outside_suite.ratchet",
    judged: judged_french,
};

/// English is measured as it stands, nothing left out: its dates and spelled-out numbers are not
/// read yet, and the table says so.
const ENGLISH: Language = Language {
    folder: "English",
    code: "en",
    report: "reports/outside-suite-en.md",
    ratchet: "tests/outside_suite_en.ratchet",
    judged: |_, _| None,
};

#[derive(Clone, Copy)]
enum Kind {
    Number,
    Percent,
    Currency,
    Dimension,
    Age,
    Temperature,
    Date,
    Duration,
}

/// What a result expects, in recoupe's canonical units where it has them.
#[derive(Debug)]
enum Expected {
    Quantity(f64, Option<Unit>),
    Days(Vec<(NaiveDate, NaiveDate)>),
    /// A unit recoupe does not represent (temperatures, most currencies): never value-correct.
    Unrepresented,
}

struct Item {
    input: String,
    /// The words the suite expects a value for.
    text: String,
    reference: NaiveDate,
    start: usize,
    end: usize,
    expected: Expected,
}

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/outside-suites/recognizers-text")
}

fn number(s: &str) -> Option<f64> {
    s.trim()
        .trim_end_matches('%')
        .replace(',', ".")
        .parse()
        .ok()
}

/// Units of the dimension model, with their factor to recoupe's canonical unit. The suite
/// names them in the singular or the plural, capitalised or not.
fn dimension(unit: &str) -> Option<(f64, Unit)> {
    let u = unit.to_lowercase();
    let table: &[(&str, f64, Unit)] = &[
        ("kilomètre carré", 1e6, Unit::SquareMetres),
        ("mètre carré", 1.0, Unit::SquareMetres),
        ("acre", 4_046.856_422_4, Unit::SquareMetres),
        ("pieds cube", 28.316_846_592, Unit::Litres),
        ("kilomètre", 1000.0, Unit::Metres),
        ("hectomètre", 100.0, Unit::Metres),
        ("décimètre", 0.1, Unit::Metres),
        ("centimètre", 0.01, Unit::Metres),
        ("millimètre", 0.001, Unit::Metres),
        ("mètre", 1.0, Unit::Metres),
        ("pouce", 0.0254, Unit::Metres),
        ("pied", 0.3048, Unit::Metres),
        ("mile", 1609.344, Unit::Metres),
        ("yard", 0.9144, Unit::Metres),
        ("millilitre", 0.001, Unit::Litres),
        ("litre", 1.0, Unit::Litres),
        ("gallon", 3.785_411_784, Unit::Litres),
        ("baril", 158.987_294_928, Unit::Litres),
        ("kilogramme", 1.0, Unit::Kilograms),
        ("microgramme", 1e-9, Unit::Kilograms),
        ("milligramme", 1e-6, Unit::Kilograms),
        ("gramme", 0.001, Unit::Kilograms),
        ("tonne métrique", 1000.0, Unit::Kilograms),
        ("tonne", 1000.0, Unit::Kilograms),
        ("livre", 0.453_592_37, Unit::Kilograms),
        ("once", 0.028_349_523_125, Unit::Kilograms),
    ];
    let singular = u.trim_end_matches('s');
    table
        .iter()
        .find(|(name, _, _)| u == *name || singular == *name)
        .map(|&(_, f, unit)| (f, unit))
}

/// Currencies of the currency model, with their factor (cents, pence) to the unit.
fn currency(unit: &str) -> Option<(f64, Unit)> {
    Some(match unit {
        "Euro" => (1.0, Unit::Eur),
        "Centime" | "Centimes" => (0.01, Unit::Eur),
        "Dollar" | "Dollar États-Unis" | "Dollar américain" | "United States dollar" => {
            (1.0, Unit::Usd)
        }
        "Cent" => (0.01, Unit::Usd),
        "Livre" => (1.0, Unit::Gbp),
        "Pence" | "Penny" => (0.01, Unit::Gbp),
        "Dollar Canadien" => (1.0, Unit::Cad),
        "Dollar Australien" => (1.0, Unit::Aud),
        "Dollar de Hong Kong" => (1.0, Unit::Hkd),
        "Yen Japonais" => (1.0, Unit::Jpy),
        "Yuan Chinois" => (1.0, Unit::Cny),
        "Franc" => (1.0, Unit::Franc),
        "Franc Suisse" => (1.0, Unit::Chf),
        _ => return None,
    })
}

const YEAR_SECONDS: f64 = 365.25 * 86400.0;

fn expected(kind: Kind, result: &Json) -> Option<Expected> {
    let resolution = &result["Resolution"];
    let value = |r: &Json| r["value"].as_str().and_then(number);
    Some(match kind {
        Kind::Number => Expected::Quantity(value(resolution)?, None),
        Kind::Percent => Expected::Quantity(value(resolution)?, Some(Unit::Percent)),
        Kind::Age => Expected::Quantity(
            value(resolution)?
                * match resolution["unit"].as_str()? {
                    "Ans" | "Année" => YEAR_SECONDS,
                    "Mois" => YEAR_SECONDS / 12.0,
                    "Semaine" => 7.0 * 86400.0,
                    "Jour" => 86400.0,
                    _ => return Some(Expected::Unrepresented),
                },
            Some(Unit::Seconds),
        ),
        Kind::Currency => match currency(resolution["unit"].as_str()?) {
            Some((factor, unit)) => Expected::Quantity(value(resolution)? * factor, Some(unit)),
            None => Expected::Unrepresented,
        },
        Kind::Dimension => match dimension(resolution["unit"].as_str()?) {
            Some((factor, unit)) => Expected::Quantity(value(resolution)? * factor, Some(unit)),
            None => Expected::Unrepresented,
        },
        // A bare degree (`Degré`) is read as Celsius, as French news writes it.
        Kind::Temperature => {
            let v = value(resolution)?;
            match resolution["unit"].as_str()? {
                "C" | "Degré" => Expected::Quantity(v, Some(Unit::Celsius)),
                "F" => Expected::Quantity((v - 32.0) * 5.0 / 9.0, Some(Unit::Celsius)),
                _ => Expected::Unrepresented,
            }
        }
        Kind::Duration => {
            let v = &result["Value"]["FutureResolution"]["duration"];
            Expected::Quantity(number(v.as_str()?)?, Some(Unit::Seconds))
        }
        Kind::Date => {
            let mut days = Vec::new();
            for reading in ["FutureResolution", "PastResolution"] {
                let r = &result["Value"][reading];
                let date = |k: &str| {
                    r[k].as_str().and_then(|s| {
                        NaiveDate::parse_from_str(&s[..s.len().min(10)], "%Y-%m-%d").ok()
                    })
                };
                if let Some(d) = date("date") {
                    days.push((d, d));
                } else if let (Some(a), Some(b)) = (date("startDate"), date("endDate")) {
                    // The suite's end is exclusive for periods; either reading is accepted.
                    days.push((a, b));
                    if let Some(prev) = b.pred_opt().filter(|p| *p >= a) {
                        days.push((a, prev));
                    }
                }
            }
            if days.is_empty() {
                return None;
            }
            Expected::Days(days)
        }
    })
}

/// The items of one file: every expected result of its supported cases.
fn items(path: &Path, kind: Kind) -> Vec<Item> {
    let text = std::fs::read_to_string(path).unwrap();
    let cases: Vec<Json> = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
    let default = NaiveDate::parse_from_str(DEFAULT_REFERENCE, "%Y-%m-%d").unwrap();
    let mut out = Vec::new();
    for case in cases.iter().filter(|c| c["NotSupported"].is_null()) {
        let input = case["Input"].as_str().unwrap_or_default().to_string();
        let reference = case["Context"]["ReferenceDateTime"]
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(&s[..s.len().min(10)], "%Y-%m-%d").ok())
            .unwrap_or(default);
        for result in case["Results"].as_array().into_iter().flatten() {
            let Some(start) = result["Start"].as_u64().map(|s| s as usize) else {
                continue;
            };
            let end = match (result["End"].as_u64(), result["Length"].as_u64()) {
                (Some(e), _) => e as usize + 1,
                (None, Some(l)) => start + l as usize,
                _ => continue,
            };
            if let Some(expected) = expected(kind, result) {
                out.push(Item {
                    input: input.clone(),
                    text: result["Text"].as_str().unwrap_or_default().to_string(),
                    reference,
                    start,
                    end,
                    expected,
                });
            }
        }
    }
    out
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * a.abs().max(b.abs()).max(1.0)
}

/// The figure the source stated, before its modifier widened it: the suite resolves
/// `plus de 500 ans` to 500, recoupe to at least 500; both have read the figure right.
fn stated(modifier: claims::value::Modifier, range: &claims::value::Range) -> Option<f64> {
    use claims::value::Modifier::*;
    match modifier {
        Exact => range
            .lo
            .zip(range.hi)
            .filter(|(lo, hi)| lo == hi)
            .map(|(lo, _)| lo),
        MoreThan | AtLeast => range.lo,
        LessThan | AtMost | Nearly => range.hi,
        Approx => range.lo.zip(range.hi).map(|(lo, hi)| (lo + hi) / 2.0),
    }
}

/// A table cell: pipes escaped, line breaks as spaces.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// Why an item is left out of the share, if it is: the input is not French as news writes it
/// (notations of science or computing, English word order, the suite's machine-translated
/// sentences), or the expectation is judged wrong for French news. Every item left out is
/// listed in the report with its reason.
fn judged_french(category: &str, item: &Item) -> Option<&'static str> {
    let input = item.input.to_lowercase();
    let text = item.text.to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        [
            "janvier",
            "janv",
            "jan",
            "fevrier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "aout",
            "août",
            "septembre",
            "sept",
            "octobre",
            "oct",
            "novembre",
            "nov",
            "decembre",
            "décembre",
            "dec",
        ]
        .contains(&w)
    };
    let day_word = |w: &str| {
        (1..=31).contains(&w.parse::<u32>().unwrap_or(0))
            || ["vingt", "seconde", "deuxieme", "deuxième", "premier"].contains(&w)
    };
    let exponent = text.as_bytes().windows(3).any(|w| {
        w[0].is_ascii_digit()
            && w[1] == b'e'
            && (w[2].is_ascii_digit() || w[2] == b'+' || w[2] == b'-')
    });
    if text.contains('^') || exponent {
        return Some("not news French: scientific or power notation");
    }
    if input
        .split_whitespace()
        .any(|w| w.matches('.').count() == 3)
    {
        return Some("not news French: a dotted address, not a number");
    }
    if text.starts_with(',') {
        return Some("not French typography: a decimal comma without its integer part");
    }
    if category == "number"
        && text.trim_end().ends_with(['k', 'g'])
        && text.chars().any(|c| c.is_ascii_digit())
    {
        return Some("not news French: an SI prefix as a number suffix (10k, 10G)");
    }
    if matches!(text.trim(), "un" | "une") && input.split_whitespace().count() > 1 {
        return Some("expectation judged wrong: an indefinite article read as the number one");
    }
    if words.windows(2).any(|w| month(w[0]) && day_word(w[1]))
        || (words.len() == 3
            && day_word(words[0])
            && words[1] == "de"
            && month(words[2])
            && !words[0].chars().all(|c| c.is_ascii_digit()))
    {
        return Some("not news French: English word order (the month before its day)");
    }
    if input.contains("fete des meres") || input.contains("fête des mères") {
        return Some(
            "expectation judged wrong: the US Mother's Day; the French one is the last Sunday \
             of May (first of June when Pentecost falls on it)",
        );
    }
    if input.contains("fete du travail") {
        return Some("expectation judged wrong: the US Labor Day; the French one is 1 May");
    }
    if input.contains("yuandan") || input.contains("nouvel an chinois") {
        return Some(
            "expectation judged wrong: the Chinese New Year is lunar, not 1 January (and \
             Yuandan is not French)",
        );
    }
    if input.contains("lendemain") {
        return Some(
            "expectation judged wrong: le lendemain is the day after the event narrated, \
             not after the article",
        );
    }
    if input.contains("dimanche prochain") {
        return Some(
            "expectation judged wrong: dimanche prochain said on a Monday is the coming \
             Sunday in common French usage",
        );
    }
    let garbled = [
        "cette mois",
        "hahaha",
        "jan jusqu'a mer",
        "quart de 2016",
        "derniere 3 semaines",
        "en 15",
        ",2015",
        "08,15",
        "septembre.16",
        "2015.3",
        "|ven",
        "4-23 mois",
        "23 mois prochain",
        "oct a 22",
        "pourcentage de",
        "pourcent des",
    ];
    if garbled.iter().any(|g| input.contains(g)) {
        return Some("not news French: the suite's machine-translated wording");
    }
    None
}

/// (detected, value-correct) for one item of the number model: bare figures are no claims, so
/// these are read by the number reader the claims stand on.
fn score_number(language: &Language, item: &Item) -> (bool, bool) {
    let lex = claims::lexicon_for(Some(language.code));
    let found = claims::numbers::numbers_in(lex, &item.input);
    // The suite counts characters; the reader gives bytes.
    let chars = |b: usize| item.input[..b].chars().count();
    let overlapping: Vec<_> = found
        .iter()
        .filter(|(span, _)| chars(span.start) < item.end && item.start < chars(span.end))
        .collect();
    let correct = overlapping.iter().any(|(_, v)| match item.expected {
        Expected::Quantity(want, _) => close(*v, want, 1e-6),
        _ => false,
    });
    (!overlapping.is_empty(), correct)
}

/// (detected, value-correct) for one item.
fn score(language: &Language, item: &Item) -> (bool, bool) {
    let mut doc = Document::new("case", item.input.clone(), Location::file("suite"));
    doc.published = Some(item.reference);
    doc.lang = Some(language.code.into());
    let found = claims::extract(&doc);
    let overlapping: Vec<&claims::Claim> = found
        .claims
        .iter()
        .filter(|c| c.span.start < item.end && item.start < c.span.end)
        .collect();
    let correct = overlapping
        .iter()
        .any(|c| match (&item.expected, &c.value) {
            (Expected::Quantity(v, unit), Value::Quantity { range, unit: got }) => {
                // Calendar years differ by convention (365.25 or 365.2425 days): durations match
                // to a thousandth.
                let tolerance = if *got == Unit::Seconds { 0.015 } else { 1e-6 };
                unit.is_none_or(|u| u == *got)
                    && stated(c.modifier, range).is_some_and(|x| close(x, *v, tolerance))
            }
            (Expected::Days(options), Value::Date(d)) => options
                .iter()
                .any(|&(a, b)| d.from == Some(a) && d.to == Some(b)),
            _ => false,
        });
    (!overlapping.is_empty(), correct)
}

#[test]
fn french_values_do_not_fall_below_the_ratchet() {
    check_language(&FRENCH);
}

#[test]
fn english_values_do_not_fall_below_the_ratchet() {
    check_language(&ENGLISH);
}

/// Scores every supported case of one language, writes its table when asked, and holds each
/// category to its ratchet.
fn check_language(language: &Language) {
    let dir = suite_dir();
    if !dir.is_dir() {
        eprintln!(
            "skipped: the outside suite is not at {} (it comes with the project's shared/ folder)",
            dir.display()
        );
        return;
    }
    // Per category: results, left out, detected, value-correct (of those scored).
    let mut table: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let mut left_out: Vec<(String, &str)> = Vec::new();
    let mut misses: Vec<String> = Vec::new();
    for &(category, file, kind) in FILES {
        let show = std::env::var("RECOUPE_OUTSIDE_SHOW").is_ok_and(|c| c == category);
        for item in items(&dir.join(file.replace("{lang}", language.folder)), kind) {
            let entry = table.entry(category).or_default();
            let (detected, correct) = if category == "number" {
                score_number(language, &item)
            } else {
                score(language, &item)
            };
            entry[0] += 1;
            if let Some(reason) = (language.judged)(category, &item) {
                entry[1] += 1;
                left_out.push((
                    format!(
                        "| {category} | {} | {} | {} |",
                        cell(&item.input),
                        cell(&item.text),
                        if correct { "yes" } else { "no" }
                    ),
                    reason,
                ));
                continue;
            }
            entry[2] += usize::from(detected);
            entry[3] += usize::from(correct);
            if !correct {
                misses.push(format!(
                    "| {category} | {} | {} |",
                    cell(&item.input),
                    cell(&item.text)
                ));
            }
            if show && !correct {
                let mut doc = Document::new("case", item.input.clone(), Location::file("suite"));
                doc.published = Some(item.reference);
                let got: Vec<String> = claims::extract(&doc)
                    .claims
                    .iter()
                    .map(|c| format!("{:?} {:?}", c.text, c.value))
                    .collect();
                eprintln!(
                    "MISS {:?} [{}..{}] want {:?} got {got:?}",
                    item.input, item.start, item.end, item.expected
                );
            }
        }
    }
    let ratchet_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(language.ratchet);
    let ratchet: BTreeMap<String, usize> = std::fs::read_to_string(&ratchet_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (name, n) = l.rsplit_once(' ')?;
            Some((name.trim().to_string(), n.trim().parse().ok()?))
        })
        .collect();
    let mut report = format!(
        "# Claim values against Recognizers-Text ({})\n\n",
        language.folder
    );
    report.push_str(
        "\
         Written by `tests/outside_suite.rs` (run with `RECOUPE_UPDATE_OUTSIDE=1` to rewrite it); \
         the suite's files are read from `../shared/outside-suites/recognizers-text/` and not \
         kept here. One row per category: the expected results of the cases the suite supports; \
         those left out, because the input is not the language as news writes it or the \
         expectation is judged wrong (each listed below with its reason); and of the rest, how many a claim \
         overlaps (detected) and how many get the expected value (value-correct). Numbers are \
         read by the number reader the claims stand on, since a bare figure is no claim. \
         Durations match within 1.5%: the suite counts 30-day months and 365-day years, recoupe \
         mean Gregorian ones.\n\n\
         | category | results | left out | scored | detected | value-correct | share |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut all = [0usize; 4];
    for (category, [n, out, detected, correct]) in &table {
        let scored = n - out;
        report.push_str(&format!(
            "| {category} | {n} | {out} | {scored} | {detected} | {correct} | {:.2} |\n",
            *correct as f64 / scored.max(1) as f64
        ));
        for (k, v) in [n, out, detected, correct].into_iter().enumerate() {
            all[k] += v;
        }
    }
    let scored = all[0] - all[1];
    report.push_str(&format!(
        "| all | {} | {} | {scored} | {} | {} | {:.2} |\n",
        all[0],
        all[1],
        all[2],
        all[3],
        all[3] as f64 / scored.max(1) as f64
    ));
    left_out.sort_by(|a, b| a.1.cmp(b.1).then_with(|| a.0.cmp(&b.0)));
    let mut reason = "";
    for (row, why) in &left_out {
        if *why != reason {
            report.push_str(&format!(
                "\n## Left out: {why}\n\n| category | input | expected text | recoupe right anyway |\n|---|---|---|---|\n"
            ));
            reason = why;
        }
        report.push_str(row);
        report.push('\n');
    }
    report.push_str("\n## Misses among the scored results\n\n| category | input | expected text |\n|---|---|---|\n");
    for row in &misses {
        report.push_str(row);
        report.push('\n');
    }
    eprintln!("{report}");
    if std::env::var_os("RECOUPE_UPDATE_OUTSIDE").is_some() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::write(root.join(language.report), &report).unwrap();
        let mut lines = String::from(
            "# Value-correct results per category of one language of the Recognizers-Text suite; \
             tests/outside_suite.rs fails when one falls.\n",
        );
        for (category, [.., correct]) in &table {
            lines.push_str(&format!("{category} {correct}\n"));
        }
        std::fs::write(&ratchet_path, lines).unwrap();
        return;
    }
    for (category, [.., correct]) in &table {
        let floor = ratchet.get(*category).copied().unwrap_or(0);
        assert!(
            *correct >= floor,
            "{category}: {correct} value-correct results, below the ratchet's {floor}"
        );
    }
}
