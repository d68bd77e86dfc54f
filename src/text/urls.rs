//! Where a text holds web addresses. Their digits are slugs and dates of a path
//! (`/2023/09/09/…-magnitude-6-8-…`), not figures the article states: claims are not read
//! inside them.

use std::ops::Range;

/// Starts of an address: a scheme, or `www.` at the start of a word.
const STARTS: &[&str] = &["https://", "http://", "www."];

/// Byte ranges of the addresses in `text`, in order: from a start to the next white space.
pub fn ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let next = STARTS
            .iter()
            .filter_map(|s| text[from..].find(s).map(|i| from + i))
            .filter(|&i| {
                // `www.` counts only at the start of a word, not inside `awww.`.
                i == 0
                    || !text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            })
            .min();
        let Some(start) = next else { break };
        let end = text[start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| start + i);
        out.push(start..end);
        from = end.max(start + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_run_to_the_next_space() {
        let text = "Voir https://exemple.fr/2023/09/09/bilan-de-632-morts et www.site.com/a aussi.";
        let found: Vec<&str> = ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "https://exemple.fr/2023/09/09/bilan-de-632-morts",
                "www.site.com/a"
            ]
        );
        assert!(ranges("Aucune adresse, 632 morts.").is_empty());
    }
}
