//! The readable summary of a scan: Markdown that reads well in a terminal too.

use std::fmt::Write;

use super::Scan;
use crate::dedup::Pair;

/// Passage text longer than this is cut in the summary (the JSON output has it whole).
const MAX_PASSAGE_CHARS: usize = 300;

pub fn render(scan: &Scan, top: usize) -> String {
    let mut out = String::new();
    let d = &scan.dedup;
    let c = &scan.corpus;
    let p = &scan.parameters;
    let _ = writeln!(out, "# recoupe scan\n");
    let _ = writeln!(
        out,
        "{} documents ({} bytes of text), {} skipped; {} candidate pairs, {} near-duplicate pairs, {} clusters.\n",
        c.documents.len(),
        c.bytes,
        c.skipped,
        d.candidates,
        d.pairs.len(),
        d.clusters.len()
    );

    let _ = writeln!(out, "## Clusters\n");
    if d.clusters.is_empty() {
        let _ = writeln!(out, "No near-duplicates at these thresholds.\n");
    }
    for (n, cluster) in d.clusters.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} documents, earliest {}: {}",
            n + 1,
            cluster.members.len(),
            escape(&cluster.representative),
            escape_join(&cluster.members, ", ")
        );
    }
    if !d.clusters.is_empty() {
        out.push('\n');
    }

    if !d.pairs.is_empty() {
        let mut pairs: Vec<&Pair> = d.pairs.iter().collect();
        pairs.sort_by(|x, y| Pair::by_similarity(x, y));
        let shown = pairs.len().min(top);
        let _ = writeln!(
            out,
            "## Pairs ({shown} of {}, most similar first)\n",
            pairs.len()
        );
        let _ = writeln!(
            out,
            "| a | b | Jaccard | estimated | a in b | b in a | passages |\n|---|---|---:|---:|---:|---:|---:|"
        );
        for pair in &pairs[..shown] {
            let _ = writeln!(
                out,
                "| {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {} |",
                escape(&pair.a),
                escape(&pair.b),
                pair.jaccard,
                pair.estimated_jaccard,
                pair.containment_a_in_b,
                pair.containment_b_in_a,
                pair.passages.len()
            );
        }
        out.push('\n');
        for pair in &pairs[..shown] {
            if pair.passages.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### {} ~ {}\n", escape(&pair.a), escape(&pair.b));
            for passage in &pair.passages {
                let _ = writeln!(
                    out,
                    "- {} tokens, {} line {} (chars {}–{}) ~ {} line {} (chars {}–{}):\n  > {}",
                    passage.tokens,
                    escape(&pair.a),
                    passage.a.line,
                    passage.a.start,
                    passage.a.end,
                    escape(&pair.b),
                    passage.b.line,
                    passage.b.start,
                    passage.b.end,
                    escape(&shorten(&passage.a.text, MAX_PASSAGE_CHARS))
                );
            }
            out.push('\n');
        }
    }

    if !c.diagnostics.is_empty() {
        let _ = writeln!(out, "## Input problems\n");
        for diag in &c.diagnostics {
            let _ = writeln!(out, "- {}", escape(&diag.to_string()));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## Parameters\n");
    let _ = writeln!(
        out,
        "shingles {} · {} permutations · seed {} · Jaccard threshold {} · containment threshold {} · LSH {} bands × {} rows tuned for Jaccard ≥ {:.3} · recoupe {}",
        p.shingling,
        p.permutations,
        p.seed,
        p.threshold,
        p.containment,
        d.banding.bands,
        d.banding.rows,
        d.lsh_threshold,
        scan.version
    );
    out
}

/// `text` on one line, cut to `max` characters with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        return flat;
    }
    let mut cut: String = flat.chars().take(max).collect();
    cut.push('…');
    cut
}

/// Escapes each item and joins them with `sep`.
pub fn escape_join(items: &[String], sep: &str) -> String {
    items
        .iter()
        .map(|s| escape(s))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Escapes text from articles so that it cannot break the Markdown or inject HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            // Shown, not sent: a report read with `cat` must not run escape sequences.
            c if super::escape::is_unsafe(c) => {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\u{{{:x}}}", c as u32));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_html() {
        assert_eq!(
            escape("<script>a|b</script> *x* [l](u)"),
            "&lt;script&gt;a\\|b&lt;/script&gt; \\*x\\* \\[l\\](u)"
        );
        assert_eq!(escape("a\u{1b}[2Kb"), "a\\u{1b}\\[2Kb");
    }
}
