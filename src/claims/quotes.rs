//! Quotes and their speakers: text between « », “ ”, or straight double quotes, and block quotes
//! (a paragraph followed by a `— Speaker, place` line). The speaker is looked for after the
//! quote (`», a déclaré Vladimir Poutine`, `» selon le Kremlin`) and before it
//! (`Washington : «`, `Le ministre a déclaré : «`).

use std::ops::Range;

use super::attribution;
use super::lang::Lexicon;
use super::lex::{Tok, lex};

/// Quotes shorter than this are scare quotes or titles (`un « devoir fraternel »`), not speech.
const MIN_QUOTE_WORDS: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMatch {
    /// The quoted words, without the quote marks (byte range in the document).
    pub inner: Range<usize>,
    pub speaker: Option<Range<usize>>,
}

fn has_min_words(s: &str) -> bool {
    s.split_whitespace().nth(MIN_QUOTE_WORDS - 1).is_some()
}

/// The next opening quote mark at or after byte `from`. The marks' first bytes are searched with
/// memchr: decoding every character of the text to find a few quotes was a tenth of extraction.
fn next_opening(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(p) = memchr::memchr3(b'"', 0xC2, 0xE2, &bytes[at..]) {
        let pos = at + p;
        // The three bytes start characters (`"`, or the lead byte of `«` and `“`).
        if let Some(c) = text[pos..].chars().next()
            && closing_for(c).is_some()
        {
            return Some((pos, c));
        }
        at = pos + 1;
    }
    None
}

fn closing_for(open: char) -> Option<char> {
    match open {
        '«' => Some('»'),
        '“' => Some('”'),
        '"' => Some('"'),
        _ => None,
    }
}

/// Finds the quotes in `text` outside the byte ranges of `skip` (boilerplate).
pub fn find(lex_: &Lexicon, text: &str, is_content: impl Fn(usize) -> bool) -> Vec<QuoteMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((open_at, open)) = next_opening(text, i) {
        let inner_start = open_at + open.len_utf8();
        let Some(close) = closing_for(open) else {
            break;
        };
        // A quote closes within the paragraph, or the next one for multi-paragraph speech.
        let Some(close_rel) = text[inner_start..].find(close) else {
            i = inner_start;
            continue;
        };
        let close_at = inner_start + close_rel;
        let inner = trim(text, inner_start..close_at);
        if has_min_words(&text[inner.clone()]) && is_content(open_at) {
            let speaker = speaker_after(lex_, text, close_at + close.len_utf8())
                .or_else(|| speaker_before(lex_, text, open_at))
                .or_else(|| dash_line_after(text, close_at + close.len_utf8()));
            out.push(QuoteMatch { inner, speaker });
        }
        i = close_at + close.len_utf8();
    }
    out.extend(block_quotes(text, &out, &is_content));
    out.sort_by_key(|q| q.inner.start);
    out
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    if s.trim().is_empty() {
        return r.start..r.start;
    }
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let start = r.start + lead;
    let mut end = r.end - trail;
    // A trailing comma inside the quote belongs to the sentence around it.
    if end > start && text[..end].ends_with(',') {
        end -= 1;
    }
    start..end
}

fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |p| from + p)
}

/// `», a martelé Vladimir Poutine dans …`, `» selon le Kremlin`.
fn speaker_after(lex_: &Lexicon, text: &str, from: usize) -> Option<Range<usize>> {
    let mut end = line_end(text, from).min(from + 200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let toks = lex(text, from..end);
    let mut k = 0;
    while toks
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_ref(), "," | "-"))
    {
        k += 1;
    }
    let t = toks.get(k)?;
    let according = lex_
        .according_to
        .iter()
        .any(|a| a.len() == 1 && a[0] == t.lower && t.lower != "pour");
    let phrase_start = if according {
        k + 1
    } else {
        let verb = if lex_.auxiliaries.contains(&t.lower.as_ref()) {
            k + 1
        } else {
            k
        };
        if !toks
            .get(verb)
            .is_some_and(|v| lex_.is_reporting_verb(&v.lower))
        {
            return None;
        }
        verb + 1
    };
    let (s, e) = attribution::phrase(&toks, phrase_start, 6)?;
    let range = toks[s].start..toks[e - 1].end;
    is_name_like(&toks[s..e]).then_some(range)
}

/// `Washington : «`, `Le président a déclaré : «`.
fn speaker_before(lex_: &Lexicon, text: &str, open_at: usize) -> Option<Range<usize>> {
    let line_start = text[..open_at].rfind('\n').map_or(0, |p| p + 1);
    let from = open_at.saturating_sub(200).max(line_start);
    let from = (from..=open_at)
        .find(|&p| text.is_char_boundary(p))
        .unwrap_or(open_at);
    let toks: Vec<Tok> = lex(text, from..open_at);
    let last = toks.last()?;
    if last.lower != ":" {
        return None;
    }
    let before_colon = &toks[..toks.len() - 1];
    // `X a déclaré :` — the subject before the verb.
    if let Some(v) = before_colon
        .iter()
        .rposition(|t| lex_.is_reporting_verb(&t.lower))
    {
        let verb_start = if v > 0
            && lex_
                .auxiliaries
                .contains(&before_colon[v - 1].lower.as_ref())
        {
            v - 1
        } else {
            v
        };
        let clause = before_colon[..verb_start]
            .iter()
            .rposition(|t| matches!(t.lower.as_ref(), "," | "." | ";"))
            .map_or(0, |p| p + 1);
        let (s, e) = attribution::phrase(before_colon, clause, verb_start - clause)?;
        return Some(before_colon[s].start..before_colon[e - 1].end);
    }
    // `… par Washington :` — the capitalised name just before the colon.
    let e = before_colon.len();
    let s = before_colon
        .iter()
        .rposition(|t| !t.is_capitalised() && (t.lower != "-" || t.space_before))
        .map_or(0, |p| p + 1);
    (s < e && e - s <= 4).then(|| before_colon[s].start..before_colon[e - 1].end)
}

/// `— Dirigeant nord-coréen, Pékin, 2025` on the line after a quote.
fn dash_line_after(text: &str, from: usize) -> Option<Range<usize>> {
    let rest = &text[from..];
    let skipped = rest.len() - rest.trim_start().len();
    let line_start = from + skipped;
    let line = &text[line_start..line_end(text, line_start)];
    let dash = line
        .chars()
        .next()
        .filter(|c| matches!(c, '—' | '–' | '-'))?;
    let body_start = line_start + dash.len_utf8();
    let body = &text[body_start..line_start + line.len()];
    let name = body.split(',').next()?.trim();
    if name.is_empty() || name.split_whitespace().count() > 6 {
        return None;
    }
    let offset = body.find(name)?;
    Some(body_start + offset..body_start + offset + name.len())
}

/// A paragraph standing alone between a quote-less paragraph break and a dash line.
fn block_quotes(
    text: &str,
    found: &[QuoteMatch],
    is_content: &impl Fn(usize) -> bool,
) -> Vec<QuoteMatch> {
    let mut out = Vec::new();
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .map(|l| {
            let start = offset;
            offset += l.len();
            (start, l)
        })
        .collect();
    for (n, &(start, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if !has_min_words(trimmed) || !is_content(start) {
            continue;
        }
        let Some(&(next_start, _)) = lines[n + 1..].iter().find(|(_, l)| !l.trim().is_empty())
        else {
            continue;
        };
        let Some(speaker) = dash_line_after(text, next_start) else {
            continue;
        };
        let inner_start = start + (line.len() - line.trim_start().len());
        let inner = trim(text, inner_start..inner_start + trimmed.len());
        // Strip the quote marks a block quote may carry.
        let s = &text[inner.clone()];
        let lead = s
            .chars()
            .next()
            .filter(|c| closing_for(*c).is_some() || *c == '»' || *c == '”')
            .map_or(0, char::len_utf8);
        let trail = s
            .chars()
            .last()
            .filter(|c| matches!(c, '»' | '”' | '"'))
            .map_or(0, char::len_utf8);
        let inner = inner.start + lead..inner.end - trail;
        let inner = trim(text, inner);
        if found
            .iter()
            .any(|q| q.inner.start < inner.end && inner.start < q.inner.end)
        {
            continue;
        }
        out.push(QuoteMatch {
            inner,
            speaker: Some(speaker),
        });
    }
    out
}

/// A speaker is a name or a noun phrase, not a pronoun.
fn is_name_like(toks: &[Tok]) -> bool {
    !toks.iter().all(|t| {
        matches!(
            t.lower.as_ref(),
            "il" | "elle" | "ils" | "elles" | "t" | "-" | "on"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::lang::fr::FR;
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        find(&FR, text, |_| true)
            .into_iter()
            .map(|q| {
                (
                    text[q.inner].to_string(),
                    q.speaker.map(|s| text[s].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn speakers_after_before_and_dash_lines() {
        assert_eq!(
            quotes("« Nous apprécions beaucoup votre soutien, » a déclaré Vladimir Poutine."),
            [(
                "Nous apprécions beaucoup votre soutien".into(),
                Some("Vladimir Poutine".into())
            )]
        );
        assert_eq!(
            quotes("Une coopération critiquée par Washington : « nous ne sommes pas préoccupés »."),
            [(
                "nous ne sommes pas préoccupés".into(),
                Some("Washington".into())
            )]
        );
        assert_eq!(
            quotes("une « architecture de sécurité égale » selon le Kremlin."),
            [(
                "architecture de sécurité égale".into(),
                Some("le Kremlin".into())
            )]
        );
        assert_eq!(
            quotes(
                "Intro.\n\n“S’il y a quelque chose que nous pouvons faire, nous le ferons.”\n\n— Dirigeant nord-coréen, Pékin, 2025\n"
            ),
            [(
                "S’il y a quelque chose que nous pouvons faire, nous le ferons.".into(),
                Some("Dirigeant nord-coréen".into())
            )]
        );
        assert!(quotes("un « devoir fraternel » évoqué").is_empty());
    }
}
