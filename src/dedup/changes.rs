//! What changed inside a reused passage: where two texts run together, part, and run together
//! again after a few words, those words are an edit ("depuis 24 ans" reprinted as "depuis 19
//! ans"). The aligned runs of shingles stop at the first differing word and start again after
//! the last, so the gap between two runs that follow each other in both texts is exactly the
//! change: the report shows it, not two copies of the same paragraph.

use serde::Serialize;

use super::align::{Run, Span, byte_spans};
use super::shingle::Token;

/// One edit between two reused runs: the words of `a` replaced by the words of `b` (either may
/// be empty: a word cut or added).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Change {
    pub a: Span,
    pub b: Span,
}

/// Longest stretch, in tokens, either side of an edit may have: longer, the texts went their
/// own ways between the two runs (a paragraph cut, another added), which is no edit of one
/// sentence.
pub const MAX_EDIT_TOKENS: usize = 8;

/// The edits between consecutive runs (sorted by position in A, as [`super::align::shared_runs`]
/// gives them) that follow each other in both texts.
pub fn between(
    text_a: &str,
    tokens_a: &[Token],
    text_b: &str,
    tokens_b: &[Token],
    runs: &[Run],
) -> Vec<Change> {
    // Byte range of the tokens [first, last) of a text; an empty range sits where the next
    // token starts.
    let bytes = |tokens: &[Token], text: &str, first: usize, last: usize| {
        if first < last {
            (tokens[first].start as usize, tokens[last - 1].end as usize)
        } else {
            let at = tokens.get(first).map_or(text.len(), |t| t.start as usize);
            (at, at)
        }
    };
    let mut gaps_a = Vec::new();
    let mut gaps_b = Vec::new();
    for w in runs.windows(2) {
        let (x, y) = (w[0], w[1]);
        if y.a.0 < x.a.1 || y.b.0 < x.b.1 {
            continue;
        }
        let (la, lb) = (y.a.0 - x.a.1, y.b.0 - x.b.1);
        if (la == 0 && lb == 0) || la > MAX_EDIT_TOKENS || lb > MAX_EDIT_TOKENS {
            continue;
        }
        gaps_a.push(bytes(tokens_a, text_a, x.a.1, y.a.0));
        gaps_b.push(bytes(tokens_b, text_b, x.b.1, y.b.0));
    }
    byte_spans(text_a, &gaps_a)
        .into_iter()
        .zip(byte_spans(text_b, &gaps_b))
        .map(|(a, b)| Change { a, b })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::align::shared_runs;
    use super::super::shingle::{Unit, tokens};
    use super::*;

    fn toks(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokens(text, &[], Unit::Words, &mut out);
        out
    }

    fn edits(a: &str, b: &str) -> Vec<(String, String)> {
        let (ta, tb) = (toks(a), toks(b));
        let runs = shared_runs(&ta, &tb, 5);
        between(a, &ta, b, &tb, &runs)
            .into_iter()
            .map(|c| (c.a.text, c.b.text))
            .collect()
    }

    #[test]
    fn a_changed_figure_between_two_runs_is_the_edit() {
        let a = "Le président est arrivé mercredi pour une visite de deux jours, sa première dans \
                 le pays depuis 24 ans, et il doit signer un accord de défense avec son hôte.";
        let b = "Le président est arrivé mercredi pour une visite de deux jours, sa première dans \
                 le pays depuis 19 ans, et il doit signer un accord de défense avec son hôte.";
        assert_eq!(edits(a, b), [("24".to_string(), "19".to_string())]);
    }

    #[test]
    fn a_word_cut_and_a_rewritten_ending_are_told_apart() {
        let a = "Les pompiers ont été appelés vers minuit pour un feu dans un entrepôt du port, \
                 qui a brûlé pendant toute la nuit sous un vent violent.";
        let b = "Les pompiers ont été appelés vers minuit pour un feu dans un entrepôt, qui a \
                 brûlé pendant toute la nuit sous un vent violent.";
        assert_eq!(edits(a, b), [("du port".to_string(), String::new())]);
        // Texts that part for good show no edit.
        let c = "Les pompiers ont été appelés vers minuit pour un feu dans un entrepôt du port. \
                 Le maire a demandé une enquête et promis des aides aux entreprises touchées.";
        assert!(edits(a, c).is_empty());
    }
}
