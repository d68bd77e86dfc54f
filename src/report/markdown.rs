//! The fact-checker's report in Markdown, in the order a reader needs it: what was read, where
//! the sources disagree (with the evidence), who copied whom, quotes and names, when each source
//! published, and how to reproduce the run. Text from articles goes through [`escape`] so that
//! it cannot break the Markdown or inject HTML.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::analysis::Analysis;
use super::claims::describe;
use super::documents::Documents;
use super::summary::{escape, escape_join, shorten};
use crate::compare::quotes::{DiffTag, VariantKind};
use crate::compare::{Slot, VerdictKind};
use crate::dedup::{Pair, Relation};

/// Sentences longer than this are cut in tables (the JSON output has them whole).
pub(super) const MAX_SENTENCE_CHARS: usize = 240;
/// A shared passage is what a reader compares: shown longer than a sentence (the HTML page and
/// the JSON have it whole).
const MAX_PASSAGE_CHARS: usize = 1000;

/// How many entries each section lists before it points to the JSON report, which holds them
/// all: a report of a newsroom archive stays a document a person can read (at 100,000 articles
/// it was 134 MB before), most severe and strongest entries first.
pub(super) const MAX_FLAGGED: usize = 200;
pub(super) const MAX_AGREED: usize = 200;
pub(super) const MAX_CLUSTERS: usize = 100;
pub(super) const MAX_PAIRS: usize = 300;
pub(super) const MAX_PASSAGE_PAIRS: usize = 100;
pub(super) const MAX_QUOTES: usize = 100;
pub(super) const MAX_NAMES: usize = 200;
pub(super) const MAX_SOURCES: usize = 500;
/// Claims shown per slot, quotes per quote variant, members per cluster or story group (a
/// story told by 2,000 outlets is one slot of 2,000 claims).
pub(super) const MAX_SLOT_CLAIMS: usize = 50;
/// Mermaid stops drawing past 500 edges by default; the graph shows the strongest pairs.
pub(super) const MAX_GRAPH_EDGES: usize = 200;

/// A list of documents, cut after [`MAX_SLOT_CLAIMS`] with the count of the rest.
fn listed(ids: &[String]) -> String {
    let shown = escape_join(&ids[..ids.len().min(MAX_SLOT_CLAIMS)], ", ");
    if ids.len() > MAX_SLOT_CLAIMS {
        format!("{shown} and {} more", ids.len() - MAX_SLOT_CLAIMS)
    } else {
        shown
    }
}

/// The line saying how many entries of a section are only in the JSON report.
fn more(out: &mut String, limit: usize, total: usize, what: &str) {
    let shown = limit.min(total);
    if total > shown {
        let _ = writeln!(
            out,
            "{} more {what} (of {total}) are in the JSON report (`--format json`).\n",
            total - shown
        );
    }
}

pub fn render(a: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# recoupe report: {}\n", escape(&a.name));
    let docs = Documents::new(a);
    first_screen(&mut out, a, &docs);
    summary(&mut out, a);
    flagged(&mut out, a, &docs);
    agreed(&mut out, a);
    near_duplicates(&mut out, a, &docs);
    quotes(&mut out, a, &docs);
    entities(&mut out, a);
    timeline(&mut out, a);
    method(&mut out, a);
    out
}

/// Entries of the first screen, per kind.
const FIRST_SCREEN: usize = 5;

/// A document as a reader knows it: `“Title” (Outlet)`, the id when neither is known.
fn source_label(docs: &Documents, id: &str) -> String {
    let Some(d) = docs.get(id) else {
        return escape(id);
    };
    match (&d.title, &d.source) {
        (Some(t), Some(s)) => format!("“{}” ({})", escape(t), escape(s)),
        (Some(t), None) => format!("“{}”", escape(t)),
        (None, Some(s)) => format!("{} ({})", escape(id), escape(s)),
        (None, None) => escape(id),
    }
}

/// What a fact-checker must look at, before any count: the sharpest disagreements with their
/// sources' titles and outlets, then the strongest reuse.
fn first_screen(out: &mut String, a: &Analysis, docs: &Documents) {
    let flagged: Vec<&Slot> = a
        .comparison
        .slots
        .iter()
        .filter(|s| {
            matches!(
                s.verdict.kind,
                VerdictKind::Conflict | VerdictKind::NeedsReview
            )
        })
        .collect();
    let reuse: Vec<&Pair> = a.dedup.pairs.iter().take(FIRST_SCREEN).collect();
    let _ = writeln!(out, "## What to look at first\n");
    if flagged.is_empty() && reuse.is_empty() {
        let _ = writeln!(
            out,
            "No conflicting facts and no reused text: the sources below agree or state different facts.\n"
        );
        return;
    }
    for s in flagged.iter().take(FIRST_SCREEN) {
        let values: Vec<String> = s
            .claims
            .iter()
            .take(4)
            .map(|c| {
                format!(
                    "{} “{}”",
                    source_label(docs, &c.document),
                    escape(&c.claim.text)
                )
            })
            .collect();
        let more = if s.claims.len() > 4 {
            format!(" and {} more", s.claims.len() - 4)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "- **{}** — {}: {}{more} (slot {})",
            s.verdict.kind.label(),
            escape(&super::heading::of(s)),
            values.join(" vs "),
            s.id
        );
    }
    if flagged.len() > FIRST_SCREEN {
        let _ = writeln!(
            out,
            "- … {} more conflicts or claims to review under *Flagged claims*",
            flagged.len() - FIRST_SCREEN
        );
    }
    for p in &reuse {
        let what = match p.relation {
            Relation::NearDuplicate => "near-duplicates",
            Relation::Reuse => "one reuses the other",
            Relation::SharedPassages => "share passages",
        };
        let _ = writeln!(
            out,
            "- **Reused text** — {} and {}: {what} (Jaccard {:.2}, {:.0}% of one in the other)",
            source_label(docs, &p.a),
            source_label(docs, &p.b),
            p.jaccard,
            100.0 * p.containment_a_in_b.max(p.containment_b_in_a)
        );
    }
    if a.dedup.pairs.len() > FIRST_SCREEN {
        let _ = writeln!(
            out,
            "- … {} more pairs under *Near-duplicates*",
            a.dedup.pairs.len() - FIRST_SCREEN
        );
    }
    out.push('\n');
}

fn summary(out: &mut String, a: &Analysis) {
    let docs = &a.corpus.documents;
    let sources: BTreeSet<&str> = docs.iter().filter_map(|d| d.source.as_deref()).collect();
    let dates: Vec<chrono::NaiveDate> = docs.iter().filter_map(|d| d.published).collect();
    let undated = docs.len() - dates.len();
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(
        out,
        "- **Documents**: {} ({} bytes of text), {} skipped, {} input problem(s)",
        docs.len(),
        a.corpus.bytes,
        a.corpus.skipped,
        a.corpus.diagnostics.len()
    );
    let _ = writeln!(
        out,
        "- **Sources**: {}{}",
        sources.len(),
        if sources.len() < docs.len() {
            format!(
                " named ({} document(s) without a source)",
                docs.iter().filter(|d| d.source.is_none()).count()
            )
        } else {
            String::new()
        }
    );
    match (dates.iter().min(), dates.iter().max()) {
        (Some(first), Some(last)) => {
            let _ = writeln!(
                out,
                "- **Published**: {first} to {last}{}",
                if undated > 0 {
                    format!(" ({undated} undated)")
                } else {
                    String::new()
                }
            );
        }
        _ => {
            let _ = writeln!(out, "- **Published**: no dates given");
        }
    }
    let _ = writeln!(
        out,
        "- **Near-duplicates**: {} pair(s) in {} cluster(s)",
        a.dedup.pairs.len(),
        a.dedup.clusters.len()
    );
    let slots = &a.comparison.slots;
    let count = |k: VerdictKind| slots.iter().filter(|s| s.verdict.kind == k).count();
    let claims: usize = a.claims_per_document.iter().sum();
    let _ = writeln!(
        out,
        "- **Facts compared**: {claims} claims, {} stated by more than one source: {} conflict, {} needs review, {} attributed difference, {} timeline, {} different precision, {} agree",
        slots.len(),
        count(VerdictKind::Conflict),
        count(VerdictKind::NeedsReview),
        count(VerdictKind::AttributedDifference),
        count(VerdictKind::Timeline),
        count(VerdictKind::Precision),
        count(VerdictKind::Agree),
    );
    let _ = writeln!(
        out,
        "- **Quotes** reprinted with variants: {}; **names** spelled more than one way: {}\n",
        a.comparison.quote_variants.len(),
        a.comparison
            .entity_variants
            .iter()
            .filter(|g| g.variants.len() > 1)
            .count()
    );
}

/// `“Title” (Outlet) · id`, the title cut short: a table row names the article as a reader knows
/// it and keeps the id that the JSON uses.
fn row_label(docs: &Documents, document: &str) -> String {
    let Some(d) = docs.get(document) else {
        return escape(document);
    };
    let mut parts = Vec::new();
    if let Some(t) = &d.title {
        parts.push(format!("“{}”", escape(&shorten(t, 60))));
    }
    if let Some(s) = &d.source {
        parts.push(format!("({})", escape(s)));
    }
    if parts.is_empty() {
        return escape(document);
    }
    format!("{} · {}", parts.join(" "), escape(document))
}

fn flagged(out: &mut String, a: &Analysis, docs: &Documents) {
    let flagged: Vec<&Slot> = a
        .comparison
        .slots
        .iter()
        .filter(|s| s.verdict.kind.flagged())
        .collect();
    let _ = writeln!(out, "## Flagged claims\n");
    if flagged.is_empty() {
        let _ = writeln!(
            out,
            "No fact stated by several sources differs between them.\n"
        );
        return;
    }
    let _ = writeln!(
        out,
        "Conflicts first, then claims to review, differences between claimants, figures that \
         evolve, and differences of precision. Each slot holds the claims of different sources \
         about one fact.\n"
    );
    for s in flagged.iter().take(MAX_FLAGGED) {
        slot(out, s, docs);
    }
    more(out, MAX_FLAGGED, flagged.len(), "flagged slots");
}

fn slot(out: &mut String, s: &Slot, docs: &Documents) {
    let v = &s.verdict;
    let _ = writeln!(
        out,
        "### Slot {}: {} — {}\n",
        s.id,
        v.kind.label(),
        escape(&super::heading::of(s))
    );
    let _ = writeln!(
        out,
        "**Verdict**: {} (confidence {:.2}). {}\n",
        v.kind.label(),
        v.confidence,
        escape(&v.reason)
    );
    let _ = writeln!(
        out,
        "| source | published | line | words | value | claimant | sentence |\n|---|---|---:|---|---|---|---|"
    );
    for c in s.claims.iter().take(MAX_SLOT_CLAIMS) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            row_label(docs, &c.document),
            c.published.map_or("?".to_string(), |d| d.to_string()),
            docs.line(&c.document, c.claim.span.line),
            escape(&c.claim.text),
            escape(&describe(&c.claim)),
            escape(c.claim.claimant.as_deref().unwrap_or("")),
            escape(&shorten(&c.claim.sentence, MAX_SENTENCE_CHARS))
        );
    }
    out.push('\n');
    more(out, MAX_SLOT_CLAIMS, s.claims.len(), "claims of this slot");
    let _ = writeln!(out, "Arithmetic:\n");
    for step in v.arithmetic.iter().take(MAX_SLOT_CLAIMS) {
        let _ = writeln!(out, "- {}", escape(step));
    }
    // The last step says why: it is kept when the steps of every claim are cut.
    if v.arithmetic.len() > MAX_SLOT_CLAIMS {
        let _ = writeln!(
            out,
            "- …\n- {}",
            escape(&v.arithmetic[v.arithmetic.len() - 1])
        );
    }
    out.push('\n');
}

/// The slot's kind and, when its sentences share words, those words.
fn topic_words(s: &Slot) -> String {
    let kind = super::words::of(&s.claims[0].claim.kind);
    if s.topic.is_empty() {
        kind
    } else {
        format!("{kind} ({})", s.topic.join(", "))
    }
}

fn agreed(out: &mut String, a: &Analysis) {
    let agreed: Vec<&Slot> = a
        .comparison
        .slots
        .iter()
        .filter(|s| !s.verdict.kind.flagged())
        .collect();
    if agreed.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Facts the sources agree on\n");
    let _ = writeln!(
        out,
        "| slot | about | value | sources (words) |\n|---:|---|---|---|"
    );
    for s in agreed.iter().take(MAX_AGREED) {
        let sources: Vec<String> = s
            .claims
            .iter()
            .take(MAX_SLOT_CLAIMS)
            .map(|c| format!("{} “{}”", escape(&c.document), escape(&c.claim.text)))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            s.id,
            escape(&topic_words(s)),
            escape(&describe(&s.claims[0].claim)),
            sources.join("; ")
        );
    }
    out.push('\n');
    more(out, MAX_AGREED, agreed.len(), "agreeing slots");
}

fn near_duplicates(out: &mut String, a: &Analysis, docs: &Documents) {
    let d = &a.dedup;
    let _ = writeln!(out, "## Near-duplicates\n");
    if d.pairs.is_empty() {
        let _ = writeln!(
            out,
            "No two documents overlap at these thresholds (Jaccard ≥ {}, containment ≥ {}).\n",
            a.parameters.dedup.threshold, a.parameters.dedup.containment
        );
        return;
    }
    let _ = writeln!(out, "### Clusters\n");
    for (n, c) in d.clusters.iter().enumerate().take(MAX_CLUSTERS) {
        let _ = writeln!(
            out,
            "{}. {} documents; earliest (likely original): {}; members: {}",
            n + 1,
            c.members.len(),
            escape(&c.representative),
            listed(&c.members)
        );
    }
    out.push('\n');
    more(out, MAX_CLUSTERS, d.clusters.len(), "clusters");
    story_groups(out, &d.story_groups);
    mermaid(out, &d.pairs);
    let _ = writeln!(out, "### Pairs\n");
    let _ = writeln!(
        out,
        "| a | b | relation | Jaccard | a in b | b in a | shared passages | shared tokens | longest passage (tokens) |\n|---|---|---|---:|---:|---:|---:|---:|---:|"
    );
    for p in d.pairs.iter().take(MAX_PAIRS) {
        let relation = match p.relation {
            Relation::NearDuplicate => "near-duplicate",
            Relation::Reuse => "reuse",
            Relation::SharedPassages => "shares passages",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {relation} | {:.3} | {:.3} | {:.3} | {} | {} | {} |",
            escape(&p.a),
            escape(&p.b),
            p.jaccard,
            p.containment_a_in_b,
            p.containment_b_in_a,
            p.passages.len(),
            p.passages.iter().map(|x| x.tokens).sum::<usize>(),
            p.passages.iter().map(|x| x.tokens).max().unwrap_or(0)
        );
    }
    out.push('\n');
    more(out, MAX_PAIRS, d.pairs.len(), "pairs");
    let _ = writeln!(out, "### Shared passages\n");
    let sharing = d.pairs.iter().filter(|p| !p.passages.is_empty()).count();
    for p in d
        .pairs
        .iter()
        .filter(|p| !p.passages.is_empty())
        .take(MAX_PASSAGE_PAIRS)
    {
        let _ = writeln!(out, "#### {} ~ {}\n", escape(&p.a), escape(&p.b));
        // The edits first: in a reprint they are what a reader looks for.
        if !p.changes.is_empty() {
            let word = |t: &str| {
                if t.is_empty() {
                    "(nothing)".to_string()
                } else {
                    format!("“{}”", escape(t))
                }
            };
            let _ = writeln!(out, "Changed inside the shared text:\n");
            for c in &p.changes {
                let _ = writeln!(
                    out,
                    "- line {}: {} → line {}: {}",
                    docs.line(&p.a, c.a.line),
                    word(&c.a.text),
                    docs.line(&p.b, c.b.line),
                    word(&c.b.text)
                );
            }
            out.push('\n');
        }
        // A passage written alike in both is shown once; one whose typography differs (case,
        // quotes, spacing) shows both sides.
        let _ = writeln!(
            out,
            "| {} | {} | passage |\n|---|---|---|",
            escape(&p.a),
            escape(&p.b)
        );
        for s in &p.passages {
            let text = if s.a.text == s.b.text {
                escape(&shorten(&s.a.text, MAX_PASSAGE_CHARS))
            } else {
                format!(
                    "{} / {}",
                    escape(&shorten(&s.a.text, MAX_PASSAGE_CHARS)),
                    escape(&shorten(&s.b.text, MAX_PASSAGE_CHARS))
                )
            };
            let _ = writeln!(
                out,
                "| line {} | line {} | {text} |",
                docs.line(&p.a, s.a.line),
                docs.line(&p.b, s.b.line)
            );
        }
        out.push('\n');
    }
    more(out, MAX_PASSAGE_PAIRS, sharing, "pairs' shared passages");
}

/// How many story groups the report lists; the JSON holds them all.
const MAX_STORY_GROUPS: usize = 20;

/// Story groups that are more than a cluster of copies: with what each member kept of the
/// original and added, and chains shown through their links.
fn story_groups(out: &mut String, groups: &[crate::dedup::story::StoryGroup]) {
    let partial = |g: &&crate::dedup::story::StoryGroup| {
        g.members
            .iter()
            .any(|m| m.relation != Some(Relation::NearDuplicate))
    };
    let shown: Vec<_> = groups.iter().filter(partial).collect();
    if shown.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "### Story groups
"
    );
    let _ = writeln!(
        out,
        "Documents that reuse one text, in part or whole; the original is the earliest (or the \
         longest among undated ones).\n"
    );
    for (n, g) in shown.iter().take(MAX_STORY_GROUPS).enumerate() {
        let _ = writeln!(out, "{}. original: {}", n + 1, escape(&g.original));
        for m in g.members.iter().take(MAX_SLOT_CLAIMS) {
            match (m.kept, m.added) {
                (Some(kept), Some(added)) => {
                    let _ = writeln!(
                        out,
                        "   - {}: kept {:.0}% of it (cut {:.0}%), {:.0}% of its text is its own",
                        escape(&m.id),
                        100.0 * kept,
                        100.0 * (1.0 - kept),
                        100.0 * added
                    );
                }
                _ => {
                    let _ = writeln!(
                        out,
                        "   - {}: shares no text with it, only with {} (a chain)",
                        escape(&m.id),
                        escape_join(&m.via, " → ")
                    );
                }
            }
        }
    }
    if shown.len() > MAX_STORY_GROUPS {
        let _ = writeln!(
            out,
            "\n{} more story groups are in the JSON report.",
            shown.len() - MAX_STORY_GROUPS
        );
    }
    out.push('\n');
}

/// Mermaid labels: letters, digits and a few marks; anything else could end the label.
fn mermaid_label(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_.:/".contains(c) {
                c
            } else {
                ' '
            }
        })
        .collect()
}

fn mermaid(out: &mut String, all: &[Pair]) {
    // The strongest pairs (the list is sorted by similarity), so that the graph stays drawable.
    let pairs = &all[..all.len().min(MAX_GRAPH_EDGES)];
    let mut nodes: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.a.as_str(), p.b.as_str()])
        .collect();
    nodes.sort_unstable();
    nodes.dedup();
    let id = |doc: &str| nodes.binary_search(&doc).unwrap_or(0);
    let _ = writeln!(out, "```mermaid\ngraph LR");
    for (k, n) in nodes.iter().enumerate() {
        let _ = writeln!(out, "  d{k}[\"{}\"]", mermaid_label(n));
    }
    for p in pairs {
        let _ = writeln!(
            out,
            "  d{} ---|\"J {:.2} · {:.0}% / {:.0}%\"| d{}",
            id(&p.a),
            p.jaccard,
            100.0 * p.containment_a_in_b,
            100.0 * p.containment_b_in_a,
            id(&p.b)
        );
    }
    let _ = writeln!(out, "```\n");
    let _ = writeln!(
        out,
        "Edges: Jaccard similarity, then the share of each side found in the other.\n"
    );
    if all.len() > pairs.len() {
        let _ = writeln!(
            out,
            "The graph shows the {} strongest of {} pairs.\n",
            pairs.len(),
            all.len()
        );
    }
}

fn quotes(out: &mut String, a: &Analysis, docs: &Documents) {
    // Quotes reprinted word for word under one speaker do not vary: counted, not listed.
    let variants: Vec<_> = a
        .comparison
        .quote_variants
        .iter()
        .filter(|v| v.kind != VariantKind::Identical)
        .collect();
    let identical = a.comparison.quote_variants.len() - variants.len();
    let _ = writeln!(out, "## Quote variants\n");
    if identical > 0 {
        let _ = writeln!(
            out,
            "{identical} quote(s) appear in several sources with the same words and speaker (not listed).\n"
        );
    }
    if variants.is_empty() {
        let _ = writeln!(out, "No quote differs between the sources that give it.\n");
        return;
    }
    for (n, v) in variants.iter().enumerate().take(MAX_QUOTES) {
        let what = match v.kind {
            VariantKind::SpeakerDiffers => "the same words attributed to different speakers",
            VariantKind::WordingDiffers => "one statement, worded differently",
            VariantKind::Identical => "the same words and speaker",
        };
        let _ = writeln!(out, "### Quote {}: {what}\n", n + 1);
        let _ = writeln!(
            out,
            "| document | line | speaker | quote |\n|---|---:|---|---|"
        );
        for q in v.quotes.iter().take(MAX_SLOT_CLAIMS) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                escape(&q.document),
                docs.line(&q.document, q.line),
                escape(q.speaker.as_deref().unwrap_or("?")),
                escape(&q.text)
            );
        }
        out.push('\n');
        for d in v.diffs.iter().take(MAX_SLOT_CLAIMS) {
            let _ = write!(
                out,
                "Diff {} → {} (word similarity {:.2}; ~~removed~~, **added**):\n\n> ",
                escape(&v.quotes[d.from].document),
                escape(&v.quotes[d.to].document),
                d.similarity
            );
            for part in &d.parts {
                let text = escape(&part.text);
                let (trimmed, pad) = split_trailing_space(&text);
                match part.tag {
                    DiffTag::Same => out.push_str(&text),
                    _ if trimmed.is_empty() => out.push_str(&text),
                    DiffTag::Removed => {
                        let _ = write!(out, "~~{trimmed}~~{pad}");
                    }
                    DiffTag::Added => {
                        let _ = write!(out, "**{trimmed}**{pad}");
                    }
                }
            }
            out.push_str("\n\n");
        }
    }
    more(out, MAX_QUOTES, variants.len(), "quote variants");
}

/// Emphasis markers must touch the words they wrap: `**mot**` and not `**mot **`.
fn split_trailing_space(s: &str) -> (&str, &str) {
    let trimmed = s.trim_end();
    (trimmed, &s[trimmed.len()..])
}

fn entities(out: &mut String, a: &Analysis) {
    // A name spelled one way, with nothing kept apart from it, does not vary.
    let groups: Vec<_> = a
        .comparison
        .entity_variants
        .iter()
        .filter(|g| g.variants.len() > 1 || !g.kept_apart.is_empty())
        .collect();
    let _ = writeln!(out, "## Names and their spellings\n");
    if groups.is_empty() {
        let _ = writeln!(out, "Every name is spelled one way.\n");
        return;
    }
    let _ = writeln!(
        out,
        "| name | kind | spellings (mentions; documents) | why merged | kept apart |\n|---|---|---|---|---|"
    );
    for g in groups.iter().take(MAX_NAMES) {
        let spellings = super::claims::spellings(g, escape);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&g.name),
            super::claims::entity_kind(g.kind),
            spellings.join("<br>"),
            escape_join(&g.merged_because, "<br>"),
            escape_join(&g.kept_apart, "<br>")
        );
    }
    out.push('\n');
    more(out, MAX_NAMES, groups.len(), "names");
}

fn timeline(out: &mut String, a: &Analysis) {
    let _ = writeln!(out, "## Timeline of the sources\n");
    let mut docs: Vec<(usize, &super::DocumentInfo)> =
        a.corpus.documents.iter().enumerate().collect();
    // Undated documents last; ties by id.
    docs.sort_by(|x, y| {
        (x.1.published.is_none(), x.1.published, &x.1.id).cmp(&(
            y.1.published.is_none(),
            y.1.published,
            &y.1.id,
        ))
    });
    let _ = writeln!(
        out,
        "| published | document | source | title | claims |\n|---|---|---|---|---:|"
    );
    let total = docs.len();
    for &(k, d) in docs.iter().take(MAX_SOURCES) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            d.published.map_or("undated".to_string(), |p| p.to_string()),
            escape(&d.id),
            escape(d.source.as_deref().unwrap_or("")),
            escape(d.title.as_deref().unwrap_or("")),
            a.claims_per_document.get(k).copied().unwrap_or(0)
        );
    }
    out.push('\n');
    more(out, MAX_SOURCES, total, "sources");
}

fn method(out: &mut String, a: &Analysis) {
    let p = &a.parameters;
    let d = &a.dedup;
    let _ = writeln!(out, "## Method and parameters\n");
    let _ = writeln!(
        out,
        "Near-duplicates: {} shingles, MinHash with {} permutations (seed {}), LSH {} bands × {} \
         rows (tuned for Jaccard ≥ {:.3}), then exact Jaccard ≥ {} (near-duplicate) or \
         containment ≥ {} (reuse) on the shingle sets, or containment ≥ {} in at least {} shared \
         shingles (shares passages: partial republication and rewrites); clusters of \
         near-duplicates and reuse by union-find, shared passages by alignment.\n",
        p.dedup.shingling,
        p.dedup.permutations,
        p.dedup.seed,
        d.banding.bands,
        d.banding.rows,
        d.lsh_threshold,
        p.dedup.threshold,
        p.dedup.containment,
        p.dedup
            .passage_share
            .map_or_else(|| "off".to_string(), |s| s.to_string()),
        crate::dedup::reuse::MIN_SHARED_SHINGLES
    );
    let _ = writeln!(
        out,
        "Claims: numbers, quantities, dates and durations normalised to intervals; relative dates \
         resolved against each article's publication date. Slots: claims of the same dimension \
         whose sentences share words and names (similarity ≥ {}), from articles published within \
         {} days of each other, each the other's best match. Verdicts compare the intervals; \
         disjoint values from different claimants are an attributed difference, values that move \
         one way with the reporting date a timeline, and disjoint values joined by a link weaker \
         than {} need review.\n",
        p.compare.link_threshold, p.compare.event_window_days, p.compare.review_below
    );
    let _ = writeln!(
        out,
        "To reproduce: `recoupe report` with `{} {}` (recoupe {}, report schema {}).",
        p.dedup.flags(),
        p.compare.flags(),
        a.version,
        a.schema
    );
    if !a.corpus.diagnostics.is_empty() {
        let _ = writeln!(out, "\n### Input problems\n");
        for diag in &a.corpus.diagnostics {
            let _ = writeln!(out, "- {}", escape(&diag.to_string()));
        }
    }
}
