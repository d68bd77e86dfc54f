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
    ("number", "Number/French/NumberModel.json", Kind::Number),
    ("ordinal", "Number/French/OrdinalModel.json", Kind::Number),
    ("percent", "Number/French/PercentModel.json", Kind::Percent),
    (
        "currency",
        "NumberWithUnit/French/CurrencyModel.json",
        Kind::Currency,
    ),
    (
        "dimension",
        "NumberWithUnit/French/DimensionModel.json",
        Kind::Dimension,
    ),
    ("age", "NumberWithUnit/French/AgeModel.json", Kind::Age),
    (
        "temperature",
        "NumberWithUnit/French/TemperatureModel.json",
        Kind::Temperature,
    ),
    ("date", "DateTime/French/DateParser.json", Kind::Date),
    (
        "date period",
        "DateTime/French/DatePeriodParser.json",
        Kind::Date,
    ),
    ("holiday", "DateTime/French/HolidayParser.json", Kind::Date),
    (
        "duration",
        "DateTime/French/DurationParser.json",
        Kind::Duration,
    ),
];

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

/// Units of the dimension model, to metres or kilograms.
fn dimension(unit: &str) -> Option<(f64, Unit)> {
    let u = unit.to_lowercase();
    let metres = [
        ("kilomètre", 1000.0),
        ("mètre", 1.0),
        ("centimètre", 0.01),
        ("millimètre", 0.001),
        ("pouce", 0.0254),
        ("pied", 0.3048),
        ("mile", 1609.344),
        ("yard", 0.9144),
    ];
    let kilograms = [
        ("kilogramme", 1.0),
        ("gramme", 0.001),
        ("milligramme", 1e-6),
        ("tonne", 1000.0),
        ("livre", 0.453_592_37),
        ("once", 0.028_349_523),
    ];
    for (name, f) in metres {
        if u == name {
            return Some((f, Unit::Metres));
        }
    }
    for (name, f) in kilograms {
        if u == name {
            return Some((f, Unit::Kilograms));
        }
    }
    None
}

fn currency(unit: &str) -> Option<Unit> {
    match unit {
        "Euro" | "Centime" => Some(Unit::Eur),
        "Dollar" | "Dollar américain" | "United States dollar" => Some(Unit::Usd),
        _ => None,
    }
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
            Some(unit) => {
                let factor = if resolution["unit"] == "Centime" {
                    0.01
                } else {
                    1.0
                };
                Expected::Quantity(value(resolution)? * factor, Some(unit))
            }
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

/// (detected, value-correct) for one item.
fn score(item: &Item) -> (bool, bool) {
    let mut doc = Document::new("case", item.input.clone(), Location::file("suite"));
    doc.published = Some(item.reference);
    doc.lang = Some("fr".into());
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
                let tolerance = if *got == Unit::Seconds { 1e-3 } else { 1e-6 };
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
    let dir = suite_dir();
    if !dir.is_dir() {
        eprintln!(
            "skipped: the outside suite is not at {} (it comes with the project's shared/ folder)",
            dir.display()
        );
        return;
    }
    let mut table: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for &(category, file, kind) in FILES {
        let entry = table.entry(category).or_default();
        let show = std::env::var("RECOUPE_OUTSIDE_SHOW").is_ok_and(|c| c == category);
        for item in items(&dir.join(file), kind) {
            let (detected, correct) = score(&item);
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
            entry.0 += 1;
            entry.1 += usize::from(detected);
            entry.2 += usize::from(correct);
        }
    }
    let ratchet_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/outside_suite.ratchet");
    let ratchet: BTreeMap<String, usize> = std::fs::read_to_string(&ratchet_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (name, n) = l.rsplit_once(' ')?;
            Some((name.trim().to_string(), n.trim().parse().ok()?))
        })
        .collect();
    let mut report = String::from(
        "# Claim values against Recognizers-Text (French)\n\n\
         Written by `tests/outside_suite.rs` (run with `RECOUPE_UPDATE_OUTSIDE=1` to rewrite it); \
         the suite's files are read from `../shared/outside-suites/recognizers-text/` and not \
         kept here. One row per category: the expected results of the cases the suite supports, \
         how many a claim overlaps (detected) and how many get the expected value \
         (value-correct). Currencies other than the euro and the US dollar, and units such as \
         inches, feet or litres, have no unit in recoupe yet, so they cannot be value-correct.\n\n\
         | category | results | detected | value-correct | share |\n|---|---:|---:|---:|---:|\n",
    );
    let (mut all, mut all_detected, mut all_correct) = (0, 0, 0);
    for (category, (n, detected, correct)) in &table {
        report.push_str(&format!(
            "| {category} | {n} | {detected} | {correct} | {:.2} |\n",
            *correct as f64 / (*n).max(1) as f64
        ));
        all += n;
        all_detected += detected;
        all_correct += correct;
    }
    report.push_str(&format!(
        "| all | {all} | {all_detected} | {all_correct} | {:.2} |\n",
        all_correct as f64 / all.max(1) as f64
    ));
    eprintln!("{report}");
    if std::env::var_os("RECOUPE_UPDATE_OUTSIDE").is_some() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::write(root.join("reports/outside-suite.md"), &report).unwrap();
        let mut lines = String::from(
            "# Value-correct results per category of the Recognizers-Text French suite; \
             tests/outside_suite.rs fails when one falls.\n",
        );
        for (category, (_, _, correct)) in &table {
            lines.push_str(&format!("{category} {correct}\n"));
        }
        std::fs::write(&ratchet_path, lines).unwrap();
        return;
    }
    for (category, (_, _, correct)) in &table {
        let floor = ratchet.get(*category).copied().unwrap_or(0);
        assert!(
            *correct >= floor,
            "{category}: {correct} value-correct results, below the ratchet's {floor}"
        );
    }
}
