//! HTML pages: the article text is taken from `<article>` (else `<main>`, else `<body>`), block by
//! block, leaving out navigation, scripts, forms and asides; metadata from `<html lang>`,
//! `<title>`, Open Graph and `article:published_time` tags, and `<time datetime>`.

use ego_tree::NodeRef;
use scraper::{Html, Node, Selector};

use super::html_limits;
use super::meta::{Key, Meta};
use super::walk::Unit;
use super::{DiagnosticKind, Loaded};
use crate::error::Location;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "svg", "iframe", "select", "figure",
];

/// Elements that end a line of text, so that paragraphs stay apart.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "tr",
    "table",
    "br",
    "hr",
    "dd",
    "dt",
    "figcaption",
];

pub(super) fn read(unit: &Unit, text: &str, out: &mut Loaded) {
    let location = Location::line(&unit.path, 1);
    let (text, dropped) = html_limits::bound(text);
    if dropped.tags > 0 || dropped.attributes > 0 {
        out.warn(
            location.clone(),
            DiagnosticKind::BadField,
            format!(
                "HTML beyond the limits of a page: {} tag(s) nested deeper than {} and {} \
                 attribute(s) past {} on one tag were dropped (their text is kept)",
                dropped.tags,
                html_limits::MAX_DEPTH,
                dropped.attributes,
                html_limits::MAX_ATTRIBUTES
            ),
        );
    }
    let html = Html::parse_document(&text);
    let mut meta = Meta::default();
    read_meta(&html, &location, &mut meta, out);

    let root = ["article", "main", "body"]
        .iter()
        .find_map(|name| html.select(&selector(name)).next())
        .unwrap_or_else(|| html.root_element());
    let mut body = String::new();
    collect_text(*root, &mut body);
    let body = tidy(&body);
    if body.is_empty() {
        out.warn(
            location,
            DiagnosticKind::Empty,
            "skipped: no text in the HTML body",
        );
        return;
    }
    out.documents
        .push(meta.into_document(unit.id.clone(), body, location));
}

fn selector(css: &str) -> Selector {
    // The selectors are literals of this module; a failure is a bug caught by the tests.
    Selector::parse(css).expect("valid CSS selector")
}

fn read_meta(html: &Html, location: &Location, meta: &mut Meta, out: &mut Loaded) {
    if let Some(lang) = html.root_element().value().attr("lang") {
        meta.set(
            Key::Lang,
            lang.split(['-', '_']).next().unwrap_or(lang),
            location,
            out,
        );
    }
    if let Some(title) = html.select(&selector("title")).next() {
        meta.set(Key::Title, &title.text().collect::<String>(), location, out);
    }
    for tag in html.select(&selector("meta")) {
        let el = tag.value();
        let name = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .unwrap_or("");
        let Some(content) = el.attr("content") else {
            continue;
        };
        let key = match name.to_ascii_lowercase().as_str() {
            "og:title" => Key::Title,
            "og:site_name" => Key::Source,
            "og:url" => Key::Url,
            "article:published_time" | "date" | "dc.date" | "pubdate" => Key::Published,
            _ => continue,
        };
        meta.set(key, content, location, out);
    }
    if meta.published.is_none()
        && let Some(time) = html.select(&selector("time[datetime]")).next()
        && let Some(value) = time.value().attr("datetime")
    {
        meta.set(Key::Published, value, location, out);
    }
    if meta.url.is_none()
        && let Some(link) = html.select(&selector("link[rel=canonical]")).next()
        && let Some(href) = link.value().attr("href")
    {
        meta.set(Key::Url, href, location, out);
    }
}

/// The text under `node`, a line break around each block. Walked with an explicit cursor,
/// not by recursion, so that no page can exhaust the stack.
fn collect_text(node: NodeRef<'_, Node>, out: &mut String) {
    use ego_tree::iter::Edge;
    // Depth inside a skipped element (0: not skipping).
    let mut skipping = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(_) if skipping > 0 => skipping += 1,
                Node::Element(el) if SKIPPED.contains(&el.name()) => skipping = 1,
                Node::Element(el) if BLOCKS.contains(&el.name()) => out.push('\n'),
                Node::Text(text) if skipping == 0 => out.push_str(text),
                _ => {}
            },
            Edge::Close(n) => match n.value() {
                Node::Element(_) if skipping > 0 => skipping -= 1,
                Node::Element(el) if BLOCKS.contains(&el.name()) => out.push('\n'),
                _ => {}
            },
        }
    }
}

/// Collapses the white space of HTML source: runs of spaces become one, each block one line.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&words.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn article_text_and_metadata() {
        let page = r#"<!doctype html><html lang="fr-FR"><head><title>Titre</title>
<meta property="article:published_time" content="2024-06-19T10:00:00+02:00">
<meta property="og:site_name" content="Le Journal"><script>var x = "<p>non</p>";</script></head>
<body><nav>Accueil | Monde</nav><article><h1>Poutine à Pyongyang</h1>
<p>Vladimir   Poutine est <b>arrivé</b>.</p><aside>Lire aussi</aside><p>Deuxième&nbsp;paragraphe.</p></article>
<footer>© 2024</footer></body></html>"#;
        let unit = Unit {
            path: PathBuf::from("p.html"),
            format: None,
            id: "p".into(),
            spool: None,
            stream: false,
            found: false,
        };
        let mut out = Loaded::default();
        read(&unit, page, &mut out);
        let doc = &out.documents[0];
        assert_eq!(
            doc.text,
            "Poutine à Pyongyang\nVladimir Poutine est arrivé.\nDeuxième paragraphe."
        );
        assert_eq!(doc.lang.as_deref(), Some("fr"));
        assert_eq!(doc.source.as_deref(), Some("Le Journal"));
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some("2024-06-19")
        );
        assert!(out.diagnostics.is_empty());
    }

    fn unit() -> Unit {
        Unit {
            path: PathBuf::from("deep.html"),
            format: None,
            id: "deep".into(),
            spool: None,
            stream: false,
            found: false,
        }
    }

    #[test]
    fn deep_inline_nesting_neither_overflows_nor_loses_text() {
        // Deeper than the cap, and deep enough to overflow a recursive walk of the tree.
        let n = 50_000;
        let page = format!(
            "<html><body><article>{}au fond{}<p>Suite.</p></article></body></html>",
            "<b>".repeat(n),
            "</b>".repeat(n)
        );
        let mut out = Loaded::default();
        read(&unit(), &page, &mut out);
        assert_eq!(out.documents[0].text, "au fond\nSuite.");
        assert!(out.diagnostics[0].message.contains("deeper than 512"));
        assert!(out.diagnostics[0].location.path.ends_with("deep.html"));
    }

    #[test]
    fn skipped_elements_stay_skipped_however_nested() {
        let page = "<body><p>Un <button>menu <b>gras</b> <svg><b>x</b></svg></button>texte</p><footer>pied</footer></body>";
        let mut out = Loaded::default();
        read(&unit(), page, &mut out);
        assert_eq!(out.documents[0].text, "Un texte");
    }
}
