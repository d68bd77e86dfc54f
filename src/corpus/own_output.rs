//! Recognises the files recoupe itself writes, so that a directory walk does not read them back
//! as articles: `recoupe report .` run inside a corpus writes `reports/<name>.md` there, and a
//! gate's `recoupe-baseline.json` sits beside the articles it accepts.
//!
//! Only the start of the file is looked at, as each writer begins it: the Markdown title line
//! (`# recoupe report: …`, `# recoupe scan`, `# recoupe claims`) or a JSON object whose first
//! key is `"schema"` naming a `recoupe.` schema (report, scan, claims, gate, baseline). An
//! article that merely mentions recoupe does not start that way.

/// Subcommands whose Markdown output starts with `# recoupe <name>`.
const MARKDOWN_TITLES: &[&str] = &["report", "scan", "claims", "gate"];

/// Whether `bytes` (without a byte-order mark) start as one of recoupe's outputs.
pub(super) fn is_own_output(bytes: &[u8]) -> bool {
    let start = trim_start(bytes);
    markdown_title(start) || json_schema(start)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[n..]
}

fn markdown_title(start: &[u8]) -> bool {
    let Some(rest) = start.strip_prefix(b"# recoupe ") else {
        return false;
    };
    MARKDOWN_TITLES.iter().any(|name| {
        rest.strip_prefix(name.as_bytes())
            .is_some_and(|after| matches!(after.first(), None | Some(b'\n' | b'\r' | b':')))
    })
}

fn json_schema(start: &[u8]) -> bool {
    let Some(rest) = start.strip_prefix(b"{") else {
        return false;
    };
    let Some(rest) = trim_start(rest).strip_prefix(b"\"schema\"") else {
        return false;
    };
    let Some(rest) = trim_start(rest).strip_prefix(b":") else {
        return false;
    };
    trim_start(rest).starts_with(b"\"recoupe.")
}

#[cfg(test)]
mod tests {
    use super::is_own_output;

    #[test]
    fn the_writers_openings_are_recognised() {
        assert!(is_own_output(b"# recoupe report: corpus\n\n## Summary"));
        assert!(is_own_output(b"# recoupe scan\n\n"));
        assert!(is_own_output(b"\n# recoupe claims\n"));
        assert!(is_own_output(
            b"{\"schema\":\"recoupe.scan/1\",\"version\":\"0.1.0\"}"
        ));
        assert!(is_own_output(
            b"{\n  \"schema\": \"recoupe.baseline/1\",\n  \"accepted\": []\n}"
        ));
    }

    #[test]
    fn articles_and_records_that_mention_recoupe_are_not() {
        assert!(!is_own_output(b"# recoupe reportage: un outil de presse\n"));
        assert!(!is_own_output(b"# Recouper l'information\n"));
        assert!(!is_own_output(b"Le rapport de recoupe publie mardi..."));
        assert!(!is_own_output(
            b"{\"id\": \"a\", \"schema\": \"recoupe.scan/1\", \"text\": \"...\"}"
        ));
        assert!(!is_own_output(b"{\"schema\": \"schema.org/NewsArticle\"}"));
        assert!(!is_own_output(b""));
    }
}
