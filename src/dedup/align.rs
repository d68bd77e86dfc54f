//! Shared passages: where two texts hold the same run of shingles. Matching shingles are chained
//! along diagonals (position in A minus position in B) into maximal runs; the longest runs are
//! kept first and any run overlapping one already kept is dropped (greedy string tiling), so
//! a sentence repeated in one text is not shown as two passages.

use std::collections::HashMap;

use serde::Serialize;

use super::shingle::Token;
use crate::text::Offsets;

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
    let (ha, hb) = (hash(a), hash(b));
    let mut index: HashMap<u64, Vec<u32>> = HashMap::with_capacity(ha.len());
    for (i, h) in ha.iter().enumerate() {
        index.entry(*h).or_default().push(i as u32);
    }
    // (diagonal, i, j) for every matching shingle.
    let mut matches: Vec<(i64, u32, u32)> = Vec::new();
    for (j, h) in hb.iter().enumerate() {
        if let Some(is) = index.get(h)
            && is.len() <= MAX_OCCURRENCES
        {
            for &i in is {
                matches.push((i as i64 - j as i64, i, j as u32));
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    // One index per text: counting characters from the start for every passage is quadratic
    // in a long article with many passages.
    let (offsets_a, offsets_b) = (Offsets::new(text_a), Offsets::new(text_b));
    runs.iter()
        .map(|r| Passage {
            a: span(text_a, &offsets_a, tokens_a, r.a),
            b: span(text_b, &offsets_b, tokens_b, r.b),
            tokens: r.a.1 - r.a.0,
        })
        .collect()
}

fn span(text: &str, offsets: &Offsets, tokens: &[Token], (first, last): (usize, usize)) -> Span {
    let start = tokens[first].start as usize;
    let end = tokens[last - 1].end as usize;
    Span {
        start: offsets.char(start),
        end: offsets.char(end),
        line: offsets.line(start),
        text: text[start..end].to_string(),
    }
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
