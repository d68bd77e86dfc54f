//! What a slot is about, in a few words, built from its claims' fact frames: the kind of figure,
//! what it measures, the name it is attached to (`Count of morts — Al-Haouz`), then the words
//! its sentences share. A reader scanning the report sees the fact, not a list of keywords.

use crate::compare::Slot;

/// The value most claims of the slot give, if at least half of them give one.
fn most_common<'a>(
    values: impl Iterator<Item = Option<&'a str>>,
    claims: usize,
) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values.flatten() {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    // Ties go to the first stated, so that the heading does not depend on hashing.
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, &(k, n))| (k, n))?;
    (best.1 * 2 >= claims).then_some(best.0)
}

/// `Count of blessés — Taroudant (séisme, province)`; the kind alone when nothing else is known.
pub fn of(s: &Slot) -> String {
    let Some(first) = s.claims.first() else {
        return String::new();
    };
    let kind = super::words::of(&first.claim.kind);
    let mut out = capitalised(&kind);
    let n = s.claims.len();
    if let Some(measure) = most_common(s.claims.iter().map(|c| c.frame.measure.as_deref()), n) {
        out.push_str(" of ");
        out.push_str(&spelled(s, measure));
    }
    if let Some(entity) = most_common(s.claims.iter().map(|c| c.frame.entity.as_deref()), n) {
        out.push_str(" — ");
        out.push_str(entity);
    }
    let topic: Vec<&str> = s.topic.iter().take(4).map(String::as_str).collect();
    if !topic.is_empty() {
        out.push_str(&format!(" ({})", topic.join(", ")));
    }
    out
}

/// A measure as a sentence of the slot writes it: frames keep stems (`rencontr`), a heading
/// shows the word (`rencontre`).
fn spelled(s: &Slot, stem: &str) -> String {
    s.claims
        .iter()
        .flat_map(|c| {
            c.claim
                .sentence
                .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
        })
        .find(|w| w.len() >= stem.len() && w.to_lowercase().starts_with(stem))
        .map_or_else(|| stem.to_string(), str::to_lowercase)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_value_needs_half_the_claims() {
        let values = [Some("morts"), Some("morts"), None, Some("blessés")];
        assert_eq!(most_common(values.into_iter(), 4), Some("morts"));
        let values = [Some("morts"), None, None, Some("blessés")];
        assert_eq!(most_common(values.into_iter(), 4), None);
        assert_eq!(capitalised("count"), "Count");
    }
}
