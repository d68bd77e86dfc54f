//! GitHub Actions workflow commands: one `::error` or `::warning` line per finding, which the
//! runner turns into annotations on the file and line.

use std::fmt::Write;

use crate::gate::Outcome;

/// The escaping GitHub requires of a command's message.
/// Other control characters (ESC, NUL, …) are dropped: the runner passes them to the log
/// viewer, where they would be escape sequences.
pub fn escape_data(text: &str) -> String {
    text.chars()
        .filter(|&c| matches!(c, '\r' | '\n') || !super::escape::is_unsafe(c))
        .collect::<String>()
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The escaping GitHub requires of a property value (`file=`, `title=`): the message's, plus
/// the separators `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for f in &outcome.findings {
        let command = f.level.label();
        let mut properties = Vec::new();
        if let Some(place) = f.places.first().filter(|p| !p.location.is_stdin()) {
            let path = place.location.path.to_string_lossy().replace('\\', "/");
            properties.push(format!("file={}", escape_property(&path)));
            if let Some(line) = place.location.line {
                properties.push(format!("line={line}"));
            }
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!("recoupe {}", f.rule.id()))
        ));
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&f.message)
        );
    }
    let failed: Vec<&str> = outcome
        .checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.rule.id())
        .collect();
    if !failed.is_empty() {
        let _ = writeln!(
            out,
            "::error title=recoupe gate::{}",
            escape_data(&format!("checks tripped: {}", failed.join(", ")))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("50% a\nb\r"), "50%25 a%0Ab%0D");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("a\u{1b}]8;;x\u{0}b"), "a]8;;xb");
    }
}
