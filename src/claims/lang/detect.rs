//! The language of a text that does not say it (no `lang` field or front matter): French or
//! English, from the function words it uses. Read with the wrong lexicon, an English
//! `2,012 people` is 2.012 people and its months and number words are not seen.

/// Words frequent in one language's news prose and rare in the other's. Neither list holds a
/// word both use (`a`, `en`, `on`, `us`).
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "in", "was", "were", "is", "for", "with", "that", "from", "has",
    "have", "had", "by", "at", "said", "which", "been", "after", "their", "this", "are",
];
const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "dans", "pour", "sur", "qui", "que", "au", "aux",
    "une", "par", "ont", "été", "avec", "selon", "mais", "sont", "cette", "il", "elle",
];

/// Words looked at: enough to decide, few enough that a long text costs nothing.
const SAMPLE_WORDS: usize = 400;

/// `Some("en")` when the text reads as English, `Some("fr")` as French, `None` when it has too
/// few function words to tell (a headline, a table of figures).
pub fn language(text: &str) -> Option<&'static str> {
    let (mut en, mut fr) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(SAMPLE_WORDS)
    {
        let w = word.to_lowercase();
        en += usize::from(ENGLISH.contains(&w.as_str()));
        fr += usize::from(FRENCH.contains(&w.as_str()));
    }
    if en + fr < 4 {
        None
    } else if en > 2 * fr {
        Some("en")
    } else if fr > 2 * en {
        Some("fr")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_tell_french_from_english() {
        assert_eq!(
            language(
                "At least 2,012 people were killed and 2,059 were wounded in the quake, the ministry said."
            ),
            Some("en")
        );
        assert_eq!(
            language(
                "Au moins 2 012 personnes ont été tuées et 2 059 blessées dans le séisme, selon le ministère."
            ),
            Some("fr")
        );
        // Too little to tell: the caller's default applies.
        assert_eq!(language("Séisme : 2 012 morts"), None);
    }
}
