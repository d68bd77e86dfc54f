//! The gate's outcome for people: plain text for a terminal or a CI log, and the Markdown of a
//! CI job's summary page (`$GITHUB_STEP_SUMMARY`).

use std::fmt::Write;

use super::escape::line;
use super::summary::{escape, shorten};
use crate::gate::{Check, Finding, Level, Outcome};

/// Findings listed in the Markdown summary; the rest are counted (every output format but this
/// one lists them all).
const MAX_SUMMARY_FINDINGS: usize = 50;

fn status(check: &Check) -> &'static str {
    match (&check.limit, check.passed) {
        (None, _) => "off",
        (Some(_), true) => "pass",
        (Some(_), false) => "FAIL",
    }
}

fn verdict(outcome: &Outcome) -> String {
    let failed = outcome.checks.iter().filter(|c| !c.passed).count();
    if outcome.passed {
        format!("pass ({} documents checked)", outcome.documents)
    } else {
        format!(
            "FAIL: {failed} of {} checks tripped ({} documents checked)",
            outcome.checks.len(),
            outcome.documents
        )
    }
}

fn baseline_note(outcome: &Outcome) -> Option<String> {
    if outcome.accepted == 0 && outcome.stale == 0 {
        return None;
    }
    let mut note = format!("{} finding(s) accepted by the baseline", outcome.accepted);
    if outcome.stale > 0 {
        let _ = write!(
            note,
            "; {} baseline entr{} no longer found (--update-baseline drops them)",
            outcome.stale,
            if outcome.stale == 1 {
                "y is"
            } else {
                "ies are"
            }
        );
    }
    Some(note)
}

/// Where a finding points, as `path:line`.
pub fn place_label(finding: &Finding) -> String {
    finding
        .places
        .first()
        .map_or_else(|| "-".to_string(), |p| p.location.to_string())
}

pub fn text(outcome: &Outcome) -> String {
    text_styled(outcome, false)
}

/// ANSI styles for a terminal: green pass, red FAIL and errors, dim for checks that are off.
fn paint(on: bool, code: &str, text: &str) -> String {
    match on {
        true => format!("\x1b[{code}m{text}\x1b[0m"),
        false => text.to_string(),
    }
}

/// [`text`], with the statuses and levels coloured when `color` (for a terminal).
pub fn text_styled(outcome: &Outcome, color: bool) -> String {
    let mut out = String::new();
    let headline = verdict(outcome);
    let code = if outcome.passed { "1;32" } else { "1;31" };
    let _ = writeln!(out, "recoupe gate: {}", paint(color, code, &headline));
    for c in &outcome.checks {
        let limit = c.limit_label();
        let word = status(c);
        let code = match word {
            "pass" => "32",
            "FAIL" => "1;31",
            _ => "2",
        };
        let _ = writeln!(
            out,
            "  {}  {:<20} limit {limit:<6} {}",
            paint(color, code, &format!("{word:<4}")),
            c.rule.id(),
            c.summary
        );
    }
    if !outcome.findings.is_empty() {
        out.push('\n');
    }
    for f in &outcome.findings {
        let code = match f.level {
            Level::Error => "1;31",
            Level::Warning => "1;33",
        };
        let _ = writeln!(
            out,
            "{}[{}] {}: {}",
            paint(color, code, f.level.label()),
            f.rule.id(),
            line(&place_label(f)),
            line(&f.message)
        );
        for p in f.places.iter().skip(1) {
            let _ = writeln!(
                out,
                "    also {} ({})",
                line(&p.location.to_string()),
                line(&p.document)
            );
        }
    }
    if let Some(note) = baseline_note(outcome) {
        let _ = writeln!(out, "\n{note}");
    }
    out
}

pub fn markdown(outcome: &Outcome) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## recoupe gate: {}\n", verdict(outcome));
    let _ = writeln!(out, "| check | status | limit | observed | new findings |");
    let _ = writeln!(out, "| --- | --- | --- | --- | --- |");
    for c in &outcome.checks {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            c.rule.id(),
            status(c),
            escape(&c.limit_label()),
            escape(&c.summary),
            c.findings
        );
    }
    if !outcome.findings.is_empty() {
        let _ = writeln!(out, "\n### Findings\n");
    }
    for f in outcome.findings.iter().take(MAX_SUMMARY_FINDINGS) {
        let level = match f.level {
            Level::Error => "**error**",
            Level::Warning => "warning",
        };
        let _ = writeln!(
            out,
            "- {level} `{}` {}: {}",
            f.rule.id(),
            escape(&place_label(f)),
            escape(&shorten(&f.message, 400))
        );
    }
    if outcome.findings.len() > MAX_SUMMARY_FINDINGS {
        let _ = writeln!(
            out,
            "- … and {} more (see the JSON or SARIF output)",
            outcome.findings.len() - MAX_SUMMARY_FINDINGS
        );
    }
    if let Some(note) = baseline_note(outcome) {
        let _ = writeln!(out, "\n{}", escape(&note));
    }
    out
}
