//! The claims of each document, as readable text (Markdown) or JSON.

use std::fmt::Write;

use super::summary::escape;
use crate::claims::value::clock_text;
use crate::claims::{Claim, DateRange, Extraction, Modifier, Range, Unit, Value};

/// Version 2: modifiers in snake case (`more_than`), as every other name (version 1:
/// `MORE_THAN`).
pub const SCHEMA: &str = "recoupe.claims/2";

pub fn to_json(extraction: &Extraction) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        schema: &'static str,
        version: &'static str,
        #[serde(flatten)]
        extraction: &'a Extraction,
    }
    let mut s = serde_json::to_string_pretty(&Out {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        extraction,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

/// A number as a reader writes it: integers without decimals, others with two.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}")
    }
}

fn range(r: &Range, scale: f64, suffix: &str) -> String {
    let f = |v: Option<f64>| v.map(|v| number(v / scale));
    match (f(r.lo), f(r.hi)) {
        (Some(a), Some(b)) if a == b => format!("{a}{suffix}"),
        (Some(a), Some(b)) => format!("{a}–{b}{suffix}"),
        (Some(a), None) => format!("> {a}{suffix}"),
        (None, Some(b)) => format!("< {b}{suffix}"),
        (None, None) => "?".into(),
    }
}

fn dates(d: &DateRange) -> String {
    let f = |x: Option<chrono::NaiveDate>| x.map_or("…".to_string(), |d| d.to_string());
    if d.from == d.to {
        f(d.from)
    } else {
        format!(
            "{} to {} ({})",
            f(d.from),
            f(d.to),
            super::words::of(&d.grain)
        )
    }
}

/// The scale and suffix a value of `unit` reads best in: durations in the unit of their largest
/// finite bound (`moins d'un an` is 0–1 years, `deux heures` 2 h).
pub fn unit_scale(r: &Range, unit: Unit) -> (f64, &'static str) {
    match unit {
        Unit::Seconds => {
            let lo = r.hi.or(r.lo).unwrap_or(0.0);
            if lo >= 86_400.0 * 365.0 {
                (86_400.0 * 365.2425, " years")
            } else if lo >= 86_400.0 {
                (86_400.0, " days")
            } else if lo >= 3600.0 {
                (3600.0, " h")
            } else {
                (60.0, " min")
            }
        }
        Unit::Count => (1.0, ""),
        other => (1.0, other.suffix()),
    }
}

/// The normalised value in words a reader can check.
pub fn describe(c: &Claim) -> String {
    match &c.value {
        Value::Quantity { range: r, unit } => {
            let (scale, suffix) = unit_scale(r, *unit);
            let mut s = range(r, scale, suffix);
            if c.modifier != Modifier::Exact {
                let _ = write!(s, " [{}]", super::words::of(&c.modifier));
            }
            s
        }
        Value::Date(d) => dates(d),
        Value::Clock(t) => {
            let day = t.day.map_or(String::new(), |d| format!("{d} "));
            let mut s = if t.from == t.to {
                format!("{day}{}", clock_text(t.from))
            } else {
                format!("{day}{} to {}", clock_text(t.from), clock_text(t.to))
            };
            if c.modifier != Modifier::Exact {
                let _ = write!(s, " [{}]", super::words::of(&c.modifier));
            }
            s
        }
    }
}

/// An entity's kind as a report names it; one of unknown kind is just a name.
pub fn entity_kind(kind: crate::claims::EntityKind) -> String {
    match kind {
        crate::claims::EntityKind::Unknown => "name".to_string(),
        kind => super::words::of(&kind),
    }
}

/// A name's spellings as `spelling (mentions; documents)`, through the format's `escape`.
pub fn spellings(g: &crate::claims::EntityGroup, escape: impl Fn(&str) -> String) -> Vec<String> {
    g.variants
        .iter()
        .map(|v| {
            format!(
                "{} ({}; {})",
                escape(&v.spelling),
                v.mentions,
                escape(&v.documents.join(", "))
            )
        })
        .collect()
}

pub fn render(extraction: &Extraction) -> String {
    let mut out = String::from("# recoupe claims\n\n");
    for doc in &extraction.documents {
        let _ = writeln!(
            out,
            "## {}{}\n",
            escape(&doc.id),
            doc.published.map_or(String::new(), |d| format!(" ({d})"))
        );
        if !doc.claims.is_empty() {
            let _ = writeln!(
                out,
                "| line | kind | words | value | noun | claimant |\n|---:|---|---|---|---|---|"
            );
            for c in &doc.claims {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} |",
                    c.span.line,
                    super::words::of(&c.kind),
                    escape(&c.text),
                    escape(&describe(c)),
                    escape(c.noun.as_deref().unwrap_or("")),
                    escape(c.claimant.as_deref().unwrap_or(""))
                );
            }
            out.push('\n');
        }
        for q in &doc.quotes {
            let _ = writeln!(
                out,
                "- quote, line {}, {}: « {} »",
                q.span.line,
                q.speaker
                    .as_deref()
                    .map_or("speaker unknown".to_string(), escape),
                escape(&q.text)
            );
        }
        if !doc.quotes.is_empty() {
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## Entities\n");
    for g in extraction
        .entities
        .iter()
        .filter(|g| g.variants.len() > 1 || !g.kept_apart.is_empty())
    {
        let _ = writeln!(
            out,
            "- {} ({}): {}",
            escape(&g.name),
            entity_kind(g.kind),
            g.variants
                .iter()
                .map(|v| format!(
                    "{} ×{} in {}",
                    escape(&v.spelling),
                    v.mentions,
                    super::summary::escape_join(&v.documents, ", ")
                ))
                .collect::<Vec<_>>()
                .join("; ")
        );
        for r in g.merged_because.iter().chain(&g.kept_apart) {
            let _ = writeln!(out, "  - {}", escape(r));
        }
    }
    out
}
