//! Shared passages: where two texts hold the same run of shingles. Matching shingles are chained
//! along diagonals (position in A minus position in B) into maximal runs; the longest runs are
//! kept first and any run overlapping one already kept is dropped (greedy string tiling), so
//! a sentence repeated in one text is not shown as two passages.

use serde::Serialize;

use super::shingle::Token;

/// A run of tokens shared by A and B: token index ranges `[start, end)` in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub a: (usize, usize),
    pub b: (usize, usize),
}

/// How many places one shingle may match in A before it is treated as too common to align on.
const MAX_OCCURRENCES: usize = 16;

/// Shared runs of `k`-token shingles, sorted by position in A.
pub fn shared_runs(a: &[Token], b: &[Token], k: usize) -> Vec<Run> {
    let k = k.max(1);
    if a.len() < k || b.len() < k {
        return Vec::new();
    }
    let hash = |tokens: &[Token]| -> Vec<u64> {
        let mut out = Vec::new();
        super::shingle::shingles(tokens, k, &mut out);
        out
    };
    // Both texts' shingles sorted by hash and joined: no hash table, no allocation per shingle.
    let sorted = |hashes: Vec<u64>| -> Vec<(u64, u32)> {
        let mut v: Vec<(u64, u32)> = hashes
            .into_iter()
            .enumerate()
            .map(|(i, h)| (h, i as u32))
            .collect();
        v.sort_unstable();
        v
    };
    let (sa, sb) = (sorted(hash(a)), sorted(hash(b)));
    // (diagonal, i, j) for every matching shingle.
    let mut matches: Vec<(i64, u32, u32)> = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < sa.len() && y < sb.len() {
        match sa[x].0.cmp(&sb[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                let h = sa[x].0;
                let ga = sa[x..].iter().take_while(|e| e.0 == h).count();
                let gb = sb[y..].iter().take_while(|e| e.0 == h).count();
                if ga <= MAX_OCCURRENCES {
                    for &(_, j) in &sb[y..y + gb] {
                        for &(_, i) in &sa[x..x + ga] {
                            matches.push((i as i64 - j as i64, i, j));
                        }
                    }
                }
                x += ga;
                y += gb;
            }
        }
    }
    matches.sort_unstable();
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // (i, j, shingles)
    for m in matches {
        match runs.last_mut() {
            Some((i, j, n)) if (*i as i64 - *j as i64) == m.0 && *i + *n == m.1 as usize => *n += 1,
            _ => runs.push((m.1 as usize, m.2 as usize, 1)),
        }
    }
    // Longest first; ties by position so the result does not depend on hash order.
    runs.sort_unstable_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut kept = Vec::new();
    for (i, j, n) in runs {
        let len = n + k - 1;
        if used_a[i..i + len].iter().any(|&u| u) || used_b[j..j + len].iter().any(|&u| u) {
            continue;
        }
        used_a[i..i + len].fill(true);
        used_b[j..j + len].fill(true);
        kept.push(Run {
            a: (i, i + len),
            b: (j, j + len),
        });
    }
    kept.sort_unstable_by_key(|r| r.a);
    kept
}

/// A stretch of an article's text, by character offsets into the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Span {
    /// First character (Unicode scalar) of the passage, 0-based.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// 1-based line of the first character in the text.
    pub line: usize,
    pub text: String,
}

/// A passage found in both articles of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Passage {
    pub a: Span,
    pub b: Span,
    /// Length of the passage in tokens (words, or characters).
    pub tokens: usize,
}

/// Converts runs to passages in the original texts.
pub fn passages(
    text_a: &str,
    tokens_a: &[Token],
    text_b: &str,
    tokens_b: &[Token],
    runs: &[Run],
) -> Vec<Passage> {
    if runs.is_empty() {
        return Vec::new();
    }
    let spans_a = spans(text_a, tokens_a, runs.iter().map(|r| r.a));
    let spans_b = spans(text_b, tokens_b, runs.iter().map(|r| r.b));
    spans_a
        .into_iter()
        .zip(spans_b)
        .zip(runs)
        .map(|((a, b), r)| Passage {
            a,
            b,
            tokens: r.a.1 - r.a.0,
        })
        .collect()
}

/// The spans of the token ranges `ranges` of `text`, in the order given. Character offsets and
/// lines are counted in one pass over the text for all of them: a table for every byte of
/// both texts of every pair would cost more than the alignment itself.
fn spans(text: &str, tokens: &[Token], ranges: impl Iterator<Item = (usize, usize)>) -> Vec<Span> {
    let bytes: Vec<(usize, usize)> = ranges
        .map(|(first, last)| (tokens[first].start as usize, tokens[last - 1].end as usize))
        .collect();
    byte_spans(text, &bytes)
}

/// The spans of the byte ranges `bytes` of `text` (each on character boundaries), in the order
/// given, counted in one pass over the text.
pub fn byte_spans(text: &str, bytes: &[(usize, usize)]) -> Vec<Span> {
    // Every start and end, in text order: (byte, span, is_end).
    let mut marks: Vec<(usize, usize, bool)> = bytes
        .iter()
        .enumerate()
        .flat_map(|(n, &(start, end))| [(start, n, false), (end, n, true)])
        .collect();
    marks.sort_unstable();
    let mut out: Vec<Span> = bytes
        .iter()
        .map(|&(start, end)| Span {
            start: 0,
            end: 0,
            line: 1,
            text: text[start..end].to_string(),
        })
        .collect();
    let raw = text.as_bytes();
    let (mut chars, mut line, mut from) = (0, 1, 0);
    for (at, n, is_end) in marks {
        let stretch = &raw[from..at];
        // A character starts at every byte that is not a UTF-8 continuation byte.
        chars += stretch.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        line += memchr::memchr_iter(b'\n', stretch).count();
        from = at;
        if is_end {
            out[n].end = chars;
        } else {
            out[n].start = chars;
            out[n].line = line;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::shingle::{Unit, tokens};
    use super::*;

    fn toks(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokens(text, &[], Unit::Words, &mut out);
        out
    }

    #[test]
    fn finds_the_copied_sentence_in_original_spelling() {
        let a = "Introduction propre à A. Le président russe est arrivé à Pyongyang ce mercredi matin pour un sommet. Fin de A.";
        let b = "Autre début. LE PRÉSIDENT russe est arrivé à Pyongyang ce mercredi matin pour un sommet historique.";
        let (ta, tb) = (toks(a), toks(b));
        let runs = shared_runs(&ta, &tb, 5);
        let ps = passages(a, &ta, b, &tb, &runs);
        assert_eq!(ps.len(), 1);
        assert_eq!(
            ps[0].a.text,
            "Le président russe est arrivé à Pyongyang ce mercredi matin pour un sommet"
        );
        assert_eq!(
            ps[0].b.text,
            "LE PRÉSIDENT russe est arrivé à Pyongyang ce mercredi matin pour un sommet"
        );
        assert_eq!(ps[0].tokens, 13);
        let chars: String = b
            .chars()
            .skip(ps[0].b.start)
            .take(ps[0].b.end - ps[0].b.start)
            .collect();
        assert_eq!(chars, ps[0].b.text);
    }

    #[test]
    fn a_repeated_sentence_is_one_passage_per_copy() {
        let s = "un deux trois quatre cinq six sept. ";
        let a = s.repeat(2);
        let b = s.to_string();
        let runs = shared_runs(&toks(&a), &toks(&b), 5);
        assert_eq!(runs.len(), 1);
    }
}
