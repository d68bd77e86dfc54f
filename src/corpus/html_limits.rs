//! Bounds on hostile HTML, applied before the page is parsed. The HTML5 tree builder checks the
//! stack of open elements at every tag, so 100,000 nested `<div>`s take it minutes, and it
//! compares each attribute with the tag's others, so one tag with 500,000 attributes does too.
//! Browsers stop nesting near 512 levels; here tags deeper than [`MAX_DEPTH`] are dropped (their
//! text is kept) and a tag keeps its first [`MAX_ATTRIBUTES`] attributes. Pages within both
//! limits are passed on untouched.

use std::borrow::Cow;

/// Nesting depth kept, as browsers cap it.
pub const MAX_DEPTH: usize = 512;

/// Attributes kept per tag; real pages use a handful.
pub const MAX_ATTRIBUTES: usize = 256;

/// What [`bound`] dropped.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    pub tags: usize,
    pub attributes: usize,
}

/// Elements that never hold others (no closing tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that a following sibling closes implicitly (`<p>a<p>b`): counted as one level, not
/// one per tag, so that sloppy but ordinary pages are not mistaken for deep ones.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb",
    "rt", "rp",
];

/// Elements whose content is raw text, where `<` opens no tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// `html` with tags beyond [`MAX_DEPTH`] and attributes beyond [`MAX_ATTRIBUTES`] removed, and
/// what was removed. Linear in the length of the page.
pub fn bound(html: &str) -> (Cow<'_, str>, Dropped) {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut dropped = Dropped::default();
    // Bytes of `html` up to `copied` are in `out` (or would be, unchanged, when `out` is None).
    let mut copied = 0;
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + at;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric() && *b != b'-' && *b != b':')
            .map_or(bytes.len(), |p| name_start + p);
        if name_end == name_start {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let (tag_end, attributes) = scan_tag(bytes, name_end);
        let self_closed = tag_end >= 2 && bytes[tag_end - 2] == b'/';
        let counted = !VOID.contains(&name.as_str())
            && !SELF_CLOSING_SIBLINGS.contains(&name.as_str())
            && !self_closed;
        let mut keep = true;
        if closing {
            if counted {
                keep = depth <= MAX_DEPTH;
                depth = depth.saturating_sub(1);
            }
        } else if counted {
            depth += 1;
            keep = depth <= MAX_DEPTH;
        }
        let too_many = attributes.len() > MAX_ATTRIBUTES;
        if !keep || too_many {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..lt]);
            if keep {
                // The tag with its first attributes only.
                let cut = attributes[MAX_ATTRIBUTES];
                buf.push_str(&html[lt..cut]);
                buf.push('>');
                dropped.attributes += attributes.len() - MAX_ATTRIBUTES;
            } else {
                dropped.tags += 1;
            }
            copied = tag_end;
        }
        i = tag_end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // Up to the closing tag, case-insensitively; its own tag is then read as usual.
            let close = format!("</{name}");
            i = find_ascii_ci(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
        }
    }
    match out {
        None => (Cow::Borrowed(html), dropped),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            (Cow::Owned(buf), dropped)
        }
    }
}

/// The end of the tag whose name ends at `from` (one past its `>`), and where each of its
/// attributes starts. Quoted values may hold `>`.
fn scan_tag(bytes: &[u8], from: usize) -> (usize, Vec<usize>) {
    let mut attributes = Vec::new();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return (i + 1, attributes),
            b if b.is_ascii_whitespace() || b == b'/' => i += 1,
            _ => {
                attributes.push(i);
                // Name, then an optional `= value`.
                while i < bytes.len()
                    && !bytes[i].is_ascii_whitespace()
                    && !matches!(bytes[i], b'=' | b'>' | b'/')
                {
                    i += 1;
                }
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] == b'=' {
                    j += 1;
                    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    match bytes.get(j) {
                        Some(&q @ (b'"' | b'\'')) => {
                            j = memchr::memchr(q, &bytes[j + 1..])
                                .map_or(bytes.len(), |e| j + 2 + e);
                        }
                        _ => {
                            while j < bytes.len()
                                && !bytes[j].is_ascii_whitespace()
                                && bytes[j] != b'>'
                            {
                                j += 1;
                            }
                        }
                    }
                    i = j;
                }
            }
        }
    }
    (bytes.len(), attributes)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&bytes[from.min(bytes.len())..], needle).map(|p| from + p)
}

fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(p) = memchr::memchr(b'<', &bytes[i.min(bytes.len())..]) {
        let at = i + p;
        if bytes.len() - at >= needle.len()
            && bytes[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_untouched() {
        let page = "<html><body><p>a<p>b<br><img src=x alt='>'><script>if (a<b) {}</script>\
                    <!-- <div> --><div class=\"x\">c</div></body></html>";
        let (out, dropped) = bound(page);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(dropped, Dropped::default());
    }

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let n = 2000;
        let page = format!("{}texte{}", "<div>".repeat(n), "</div>".repeat(n));
        let (out, dropped) = bound(&page);
        assert_eq!(dropped.tags, 2 * (n - MAX_DEPTH));
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("texte"));
    }

    #[test]
    fn attributes_are_capped_per_tag() {
        let attrs: String = (0..1000).map(|i| format!(" a{i}=\"v\"")).collect();
        let page = format!("<p{attrs}>texte</p>");
        let (out, dropped) = bound(&page);
        assert_eq!(dropped.attributes, 1000 - MAX_ATTRIBUTES);
        assert!(out.ends_with(">texte</p>"));
        assert!(out.contains(" a255=\"v\"") && !out.contains(" a256="));
    }
}
