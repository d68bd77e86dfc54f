//! JUnit XML, the format every CI shows as test results: one test case per gate check, failing
//! with its findings, skipped when the check is off.

use std::fmt::Write;

use super::gate::place_label;
use crate::gate::Outcome;

/// Text as XML character data or attribute value: the five special characters escaped, and
/// the characters XML 1.0 cannot hold at all dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn render(outcome: &Outcome) -> String {
    let tests = outcome.checks.len();
    let failures = outcome.checks.iter().filter(|c| !c.passed).count();
    let skipped = outcome.checks.iter().filter(|c| c.limit.is_none()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let counts =
        format!("tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\"");
    let _ = writeln!(out, "<testsuites name=\"recoupe gate\" {counts}>");
    let _ = writeln!(out, "  <testsuite name=\"recoupe gate\" {counts}>");
    for check in &outcome.checks {
        let findings: Vec<String> = outcome
            .findings
            .iter()
            .filter(|f| f.rule == check.rule)
            .map(|f| format!("{} {}: {}", f.level.label(), place_label(f), f.message))
            .collect();
        let _ = writeln!(
            out,
            "    <testcase classname=\"recoupe.gate\" name=\"{}\" time=\"0\">",
            escape(check.rule.id())
        );
        match check.limit.map(|_| check.limit_label()) {
            None => {
                let _ = writeln!(out, "      <skipped message=\"check off\"/>");
            }
            Some(limit) if !check.passed => {
                let _ = writeln!(
                    out,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    escape(check.rule.id()),
                    escape(&format!("limit {limit}: {}", check.summary)),
                    escape(&findings.join("\n"))
                );
            }
            Some(_) if !findings.is_empty() => {
                let _ = writeln!(
                    out,
                    "      <system-out>{}</system-out>",
                    escape(&findings.join("\n"))
                );
            }
            Some(_) => {}
        }
        let _ = writeln!(out, "    </testcase>");
    }
    let _ = writeln!(out, "  </testsuite>\n</testsuites>");
    out
}
