//! The fact-checker's report as one self-contained HTML page: the analysis of the Markdown
//! report, with each fact's sources side by side, filters by verdict and by source, and the
//! edits inside reused passages highlighted. Styles and the filter script are inline, nothing is
//! fetched when the page is viewed, and every article text is escaped, so an article cannot
//! inject markup or script. The page works without script too: the filters only hide.

use std::fmt::Write;

use super::analysis::Analysis;
use super::claims::describe;
use super::documents::Documents;
use super::markdown::{
    MAX_AGREED, MAX_CLUSTERS, MAX_FLAGGED, MAX_NAMES, MAX_PASSAGE_PAIRS, MAX_QUOTES,
    MAX_SLOT_CLAIMS, MAX_SOURCES,
};
use crate::compare::quotes::VariantKind;
use crate::compare::{Slot, VerdictKind};
use crate::corpus::DocumentInfo;
use crate::dedup::Pair;

/// Text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than layout have no business in a page.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Separates the sources listed in a `data-sources` attribute (a character no outlet name has).
const SEP: char = '\u{1f}';

const STYLE: &str = "
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,main{max-width:1200px;margin:auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:.2rem 0 .4rem}
.chips span{display:inline-block;margin:.15rem .3rem .15rem 0;padding:.1rem .55rem;border-radius:1rem;background:#eee}
.filters{position:sticky;top:0;background:#fafafa;padding:.5rem 0;border-bottom:1px solid #ddd;z-index:1}
.filters label{margin-right:1rem}
.slot,.pair{background:#fff;border:1px solid #ddd;border-left:6px solid #999;border-radius:6px;padding:.6rem .8rem;margin:.8rem 0}
.slot[data-verdict=conflict]{border-left-color:#c62828}
.slot[data-verdict=needs_review]{border-left-color:#ef6c00}
.slot[data-verdict=attributed_difference]{border-left-color:#6a1b9a}
.slot[data-verdict=timeline]{border-left-color:#1565c0}
.slot[data-verdict=precision]{border-left-color:#f9a825}
.slot[data-verdict=agree]{border-left-color:#2e7d32}
.verdict{font-weight:600}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:.6rem;margin:.5rem 0}
.side{border:1px solid #e3e3e3;border-radius:4px;padding:.4rem .6rem;background:#fcfcfc}
.side .who{font-size:.85rem;color:#555}
.side .value{font-weight:600;margin:.2rem 0}
mark{background:#fff59d}
del{background:#ffcdd2;text-decoration:line-through}
ins{background:#c8e6c9;text-decoration:none}
.passages{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
.passages div{border:1px solid #e3e3e3;border-radius:4px;padding:.4rem .6rem;background:#fcfcfc;white-space:pre-wrap}
details{margin:.3rem 0}
table{border-collapse:collapse;width:100%;background:#fff}
td,th{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
.muted{color:#666;font-size:.9rem}
";

/// Hides the slots and pairs that the chosen verdict and source rule out, and reads a first
/// choice from the address (`#verdict=conflict&source=AFP`) so that a link can share a view.
const SCRIPT: &str = "
(function(){
  var v=document.getElementById('f-verdict'), s=document.getElementById('f-source');
  var shown=document.getElementById('shown'), SEP='\\u001f';
  function has(e){return !s.value || e.getAttribute('data-sources').split(SEP).indexOf(s.value)>=0;}
  function apply(){
    var n=0;
    document.querySelectorAll('.slot').forEach(function(e){
      var ok=(!v.value || e.getAttribute('data-verdict')===v.value) && has(e);
      e.hidden=!ok; if(ok){n++;}
    });
    document.querySelectorAll('.pair').forEach(function(e){ e.hidden=!has(e); });
    shown.textContent=String(n);
    document.body.setAttribute('data-shown', String(n));
  }
  var h=new URLSearchParams(location.hash.slice(1));
  if(h.get('verdict')){v.value=h.get('verdict');}
  if(h.get('source')){s.value=h.get('source');}
  v.addEventListener('change',apply); s.addEventListener('change',apply);
  apply();
  document.body.setAttribute('data-ready','1');
})();
";

/// `Title — Outlet, 2024-06-19`, escaped; the id when nothing else is known.
fn label(docs: &Documents, id: &str) -> String {
    let Some(d) = docs.get(id) else {
        return escape(id);
    };
    let mut parts = vec![escape(d.title.as_deref().unwrap_or(id))];
    let mut byline = Vec::new();
    if let Some(s) = &d.source {
        byline.push(escape(s));
    }
    if let Some(p) = d.published {
        byline.push(p.to_string());
    }
    if !byline.is_empty() {
        parts.push(byline.join(", "));
    }
    parts.join(" — ")
}

fn verdict_code(kind: VerdictKind) -> String {
    super::words::of(&kind).replace(' ', "_")
}

pub fn render(a: &Analysis) -> String {
    let docs = Documents::new(a);
    let mut out = String::with_capacity(1 << 16);
    let title = format!("recoupe report: {}", a.name);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"recoupe {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        a.version,
        escape(&title)
    );
    let _ = writeln!(out, "<header><h1>{}</h1>", escape(&title));
    summary(&mut out, a);
    let _ = writeln!(out, "</header>\n<main>");
    filters(&mut out, a, &docs);
    facts(&mut out, a, &docs);
    reuse(&mut out, a, &docs);
    quotes(&mut out, a, &docs);
    names(&mut out, a);
    sources(&mut out, a);
    let _ = writeln!(
        out,
        "<h2 id=\"method\">Method</h2>\n<p class=\"muted\">To reproduce: <code>recoupe report --format html {} {}</code> (recoupe {}, report schema {}).</p>",
        escape(&a.parameters.dedup.flags()),
        escape(&a.parameters.compare.flags()),
        a.version,
        a.schema
    );
    let _ = writeln!(out, "</main>\n<script>{SCRIPT}</script>\n</body>\n</html>");
    out
}

fn summary(out: &mut String, a: &Analysis) {
    let slots = &a.comparison.slots;
    let count = |k: VerdictKind| slots.iter().filter(|s| s.verdict.kind == k).count();
    let _ = write!(out, "<p class=\"chips\">");
    let _ = write!(
        out,
        "<span>{} documents</span><span>{} near-duplicate pair(s)</span>",
        a.corpus.documents.len(),
        a.dedup.pairs.len()
    );
    for kind in VerdictKind::ALL {
        let _ = write!(out, "<span>{} {}</span>", count(kind), kind.label());
    }
    let _ = writeln!(out, "</p>");
}

fn filters(out: &mut String, a: &Analysis, docs: &Documents) {
    let mut sources: Vec<String> = a
        .corpus
        .documents
        .iter()
        .map(|d| docs.source(&d.id))
        .collect();
    sources.sort();
    sources.dedup();
    let _ = write!(
        out,
        "<div class=\"filters\"><label>Verdict <select id=\"f-verdict\"><option value=\"\">all</option>"
    );
    for kind in VerdictKind::ALL {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            verdict_code(kind),
            kind.label()
        );
    }
    let _ = write!(
        out,
        "</select></label><label>Source <select id=\"f-source\"><option value=\"\">all</option>"
    );
    for s in sources.iter().take(MAX_SOURCES) {
        let _ = write!(out, "<option value=\"{0}\">{0}</option>", escape(s));
    }
    let _ = writeln!(
        out,
        "</select></label><span class=\"muted\"><span id=\"shown\">{}</span> fact(s) shown</span></div>",
        a.comparison.slots.len().min(MAX_FLAGGED + MAX_AGREED)
    );
}

/// The sentence with the claim's words marked.
fn marked(sentence: &str, words: &str) -> String {
    match sentence.find(words).filter(|_| !words.is_empty()) {
        Some(at) => format!(
            "{}<mark>{}</mark>{}",
            escape(&sentence[..at]),
            escape(words),
            escape(&sentence[at + words.len()..])
        ),
        None => escape(sentence),
    }
}

fn facts(out: &mut String, a: &Analysis, docs: &Documents) {
    let slots = &a.comparison.slots;
    let _ = writeln!(out, "<h2 id=\"facts\">Facts stated by several sources</h2>");
    if slots.is_empty() {
        let _ = writeln!(out, "<p>No fact is stated by more than one source.</p>");
        return;
    }
    // Flagged slots first (they come first in the analysis), then the agreeing ones.
    let flagged = slots.iter().filter(|s| s.verdict.kind.flagged());
    let agreed = slots.iter().filter(|s| !s.verdict.kind.flagged());
    for s in flagged.take(MAX_FLAGGED).chain(agreed.take(MAX_AGREED)) {
        slot(out, s, docs);
    }
    let shown = slots.len().min(MAX_FLAGGED + MAX_AGREED);
    if slots.len() > shown {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{} more slots (of {}) are in the JSON report (<code>--format json</code>).</p>",
            slots.len() - shown,
            slots.len()
        );
    }
}

fn slot(out: &mut String, s: &Slot, docs: &Documents) {
    let v = &s.verdict;
    let mut sources: Vec<String> = s.claims.iter().map(|c| docs.source(&c.document)).collect();
    sources.sort();
    sources.dedup();
    let sources: Vec<String> = sources.iter().map(|x| escape(x)).collect();
    let _ = writeln!(
        out,
        "<section class=\"slot\" id=\"slot-{}\" data-verdict=\"{}\" data-sources=\"{}\">",
        s.id,
        verdict_code(v.kind),
        sources.join(&SEP.to_string())
    );
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p><span class=\"verdict\">{}</span> (confidence {:.2}). {}</p>",
        escape(&super::heading::of(s)),
        v.kind.label(),
        v.confidence,
        escape(&v.reason)
    );
    let _ = writeln!(out, "<div class=\"sides\">");
    for c in s.claims.iter().take(MAX_SLOT_CLAIMS) {
        let claimant = c
            .claim
            .claimant
            .as_deref()
            .map(|who| format!("<div class=\"who\">claimant: {}</div>", escape(who)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<div class=\"side\"><div class=\"who\">{} · line {}</div><div class=\"value\">{}</div>{claimant}<div>{}</div></div>",
            label(docs, &c.document),
            docs.line(&c.document, c.claim.span.line),
            escape(&describe(&c.claim)),
            marked(&c.claim.sentence, &c.claim.text)
        );
    }
    let _ = writeln!(out, "</div>");
    if s.claims.len() > MAX_SLOT_CLAIMS {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{} more claims in the JSON report.</p>",
            s.claims.len() - MAX_SLOT_CLAIMS
        );
    }
    if !v.arithmetic.is_empty() {
        let _ = write!(out, "<details><summary>Arithmetic</summary><ul>");
        for step in v.arithmetic.iter().take(MAX_SLOT_CLAIMS) {
            let _ = write!(out, "<li>{}</li>", escape(step));
        }
        let _ = writeln!(out, "</ul></details>");
    }
    let _ = writeln!(out, "</section>");
}

/// The two sides of a passage with the words only one of them has marked: removed on the left,
/// added on the right.
fn diff(a: &str, b: &str) -> (String, String) {
    let diff = similar::TextDiff::from_words(a, b);
    let (mut left, mut right) = (String::new(), String::new());
    for change in diff.iter_all_changes() {
        let text = escape(change.value());
        match change.tag() {
            similar::ChangeTag::Equal => {
                left.push_str(&text);
                right.push_str(&text);
            }
            similar::ChangeTag::Delete => {
                let _ = write!(left, "<del>{text}</del>");
            }
            similar::ChangeTag::Insert => {
                let _ = write!(right, "<ins>{text}</ins>");
            }
        }
    }
    (left, right)
}

fn reuse(out: &mut String, a: &Analysis, docs: &Documents) {
    let d = &a.dedup;
    let _ = writeln!(out, "<h2 id=\"reuse\">Reused text</h2>");
    if d.pairs.is_empty() {
        let _ = writeln!(
            out,
            "<p>No two documents overlap at these thresholds (Jaccard ≥ {}, containment ≥ {}).</p>",
            a.parameters.dedup.threshold, a.parameters.dedup.containment
        );
        return;
    }
    if !d.clusters.is_empty() {
        let _ = write!(out, "<ol>");
        for c in d.clusters.iter().take(MAX_CLUSTERS) {
            let members: Vec<String> = c
                .members
                .iter()
                .take(MAX_SLOT_CLAIMS)
                .map(|m| label(docs, m))
                .collect();
            let _ = write!(
                out,
                "<li>{} documents; earliest (likely original): {}<br><span class=\"muted\">{}</span></li>",
                c.members.len(),
                label(docs, &c.representative),
                members.join("; ")
            );
        }
        let _ = writeln!(out, "</ol>");
    }
    let sharing: Vec<&Pair> = d.pairs.iter().filter(|p| !p.passages.is_empty()).collect();
    for p in sharing.iter().take(MAX_PASSAGE_PAIRS) {
        let sources = [docs.source(&p.a), docs.source(&p.b)].map(|s| escape(&s));
        let _ = writeln!(
            out,
            "<section class=\"pair\" data-sources=\"{}\"><h3>{} ~ {}</h3><p class=\"muted\">Jaccard {:.3}; {:.0}% of the first in the second, {:.0}% of the second in the first</p>",
            sources.join(&SEP.to_string()),
            label(docs, &p.a),
            label(docs, &p.b),
            p.jaccard,
            p.containment_a_in_b * 100.0,
            p.containment_b_in_a * 100.0
        );
        // The edits first: in a reprint they are what a reader looks for.
        if !p.changes.is_empty() {
            let _ = writeln!(
                out,
                "<p>Changed inside the shared text:</p>\n<div class=\"passages\">"
            );
            for c in &p.changes {
                let _ = writeln!(
                    out,
                    "<div><span class=\"muted\">line {}</span> <del>{}</del></div><div><span class=\"muted\">line {}</span> <ins>{}</ins></div>",
                    docs.line(&p.a, c.a.line),
                    escape(&c.a.text),
                    docs.line(&p.b, c.b.line),
                    escape(&c.b.text)
                );
            }
            let _ = writeln!(out, "</div>\n<p>Shared passages:</p>");
        }
        let _ = writeln!(out, "<div class=\"passages\">");
        for s in &p.passages {
            let (left, right) = diff(&s.a.text, &s.b.text);
            let _ = writeln!(
                out,
                "<div><span class=\"muted\">line {}</span>\n{left}</div><div><span class=\"muted\">line {}</span>\n{right}</div>",
                docs.line(&p.a, s.a.line),
                docs.line(&p.b, s.b.line)
            );
        }
        let _ = writeln!(out, "</div></section>");
    }
    if sharing.len() > MAX_PASSAGE_PAIRS {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{} more pairs' shared passages are in the JSON report.</p>",
            sharing.len() - MAX_PASSAGE_PAIRS
        );
    }
}

/// Quotes that differ between the sources giving them (words or speaker), side by side.
fn quotes(out: &mut String, a: &Analysis, docs: &Documents) {
    let varying: Vec<_> = a
        .comparison
        .quote_variants
        .iter()
        .filter(|v| v.kind != VariantKind::Identical)
        .collect();
    if varying.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h2 id=\"quotes\">Quotes that differ</h2>");
    for v in varying.iter().take(MAX_QUOTES) {
        let what = match v.kind {
            VariantKind::SpeakerDiffers => "the same words attributed to different speakers",
            _ => "one statement, worded differently",
        };
        let _ = writeln!(out, "<section><h3>{what}</h3><div class=\"sides\">");
        for q in v.quotes.iter().take(MAX_SLOT_CLAIMS) {
            let _ = writeln!(
                out,
                "<div class=\"side\"><div class=\"who\">{} · line {}</div><div class=\"value\">{}</div><div>« {} »</div></div>",
                label(docs, &q.document),
                docs.line(&q.document, q.line),
                escape(q.speaker.as_deref().unwrap_or("speaker unknown")),
                escape(&q.text)
            );
        }
        let _ = writeln!(out, "</div></section>");
    }
}

/// Names spelled more than one way.
fn names(out: &mut String, a: &Analysis) {
    let varying: Vec<_> = a
        .comparison
        .entity_variants
        .iter()
        .filter(|g| g.variants.len() > 1)
        .collect();
    if varying.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h2 id=\"names\">Names spelled more than one way</h2>\n<table><tr><th>name</th><th>kind</th><th>spellings (mentions; documents)</th></tr>"
    );
    for g in varying.iter().take(MAX_NAMES) {
        let spellings = super::claims::spellings(g, escape);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&g.name),
            super::claims::entity_kind(g.kind),
            spellings.join("<br>")
        );
    }
    let _ = writeln!(out, "</table>");
}

fn sources(out: &mut String, a: &Analysis) {
    let _ = writeln!(
        out,
        "<h2 id=\"sources\">Sources</h2>\n<table><tr><th>published</th><th>title</th><th>source</th><th>file</th></tr>"
    );
    let mut docs: Vec<&DocumentInfo> = a.corpus.documents.iter().collect();
    docs.sort_by(|x, y| (x.published, &x.id).cmp(&(y.published, &y.id)));
    for d in docs.iter().take(MAX_SOURCES) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
            d.published.map_or("?".to_string(), |p| p.to_string()),
            escape(d.title.as_deref().unwrap_or(&d.id)),
            escape(d.source.as_deref().unwrap_or("")),
            escape(&d.origin.to_string())
        );
    }
    let _ = writeln!(out, "</table>");
    if docs.len() > MAX_SOURCES {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{} more sources are in the JSON report.</p>",
            docs.len() - MAX_SOURCES
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_cannot_open_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(
            marked("Il y a <b>12</b> morts.", "12"),
            "Il y a &lt;b&gt;<mark>12</mark>&lt;/b&gt; morts."
        );
    }

    #[test]
    fn a_reprint_s_edit_is_marked_on_each_side() {
        let (left, right) = diff("un budget de 12 millions", "un budget de 15 millions");
        assert!(
            left.contains("<del>12</del>") && !left.contains("<ins>"),
            "{left}"
        );
        assert!(
            right.contains("<ins>15</ins>") && !right.contains("<del>"),
            "{right}"
        );
    }
}
