//! Text from articles, ids and paths made safe for a terminal or a CI log. A file name or a
//! title is attacker-controlled: raw, an escape sequence can erase a line, write the clipboard
//! (OSC 52) or forge a link (OSC 8), and a newline can start a line that a CI runner reads as a
//! command (`::error …`). Every control character is shown as a `\u{…}` escape instead, so the
//! text stays readable and one value stays on one line.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal as it is: C0 and C1 controls, DEL, and the Unicode
/// line and paragraph separators and bidirectional overrides that reorder what is shown.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character written as `\u{XX}`; borrowed when there is none.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Each line of `text` made safe, the line breaks kept: for output built of several lines
/// whose values were escaped by [`line`] already, or text in which only the breaks are meant.
pub fn lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, l) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&line(l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_sent() {
        assert_eq!(line("a.txt"), "a.txt");
        assert_eq!(
            line("x\n::error file=README.md::y"),
            "x\\u{a}::error file=README.md::y"
        );
        assert_eq!(line("\u{1b}]52;c;aGk=\u{7}"), "\\u{1b}]52;c;aGk=\\u{7}");
        assert_eq!(line("\u{9b}2K"), "\\u{9b}2K");
        assert_eq!(line("abc\u{202E}txt"), "abc\\u{202e}txt");
        assert_eq!(lines("a\u{1b}\nb"), "a\\u{1b}\nb");
    }
}
