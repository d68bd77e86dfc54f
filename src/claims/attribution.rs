//! Who a sentence attributes its figures to: `selon la police`, `d'après la CGT`,
//! `…, a annoncé le ministère de l'Intérieur`, `le gouvernement sud-coréen a affirmé que …`.
//! Figures from different claimants are not one source's figures and must not be compared as if
//! they were.

use super::lang::Lexicon;
use super::lex::Tok;

/// Words that end a noun phrase naming a claimant: punctuation (a hyphen inside a name does
/// not), and the prepositions, conjunctions and time words that start what follows the name.
fn ends_phrase(t: &Tok) -> bool {
    let inner_hyphen = t.lower == "-" && !t.space_before;
    if !t.is_word() && !inner_hyphen {
        return true;
    }
    matches!(
        t.lower.as_ref(),
        "dans"
            | "lors"
            | "à"
            | "au"
            | "aux"
            | "en"
            | "sur"
            | "pour"
            | "par"
            | "devant"
            | "après"
            | "avant"
            | "qui"
            | "que"
            | "qu"
            | "dont"
            | "mais"
            | "et"
            | "ce"
            | "cette"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "hier"
    )
}

/// How many tokens a claimant named after `selon` may have: `le dernier bilan de l'Institut
/// national de géophysique`.
const CLAIMANT_WORDS: usize = 10;

/// The noun phrase from `start`, at most `max` tokens: determiner, words, `de` + complement.
pub fn phrase(toks: &[Tok], start: usize, max: usize) -> Option<(usize, usize)> {
    let mut end = start;
    while end < toks.len() && end - start < max {
        let t = &toks[end];
        // `selon M. Castaner`: the period of a title's abbreviation does not end the name.
        let abbreviation = t.text == "."
            && !t.space_before
            && end > start
            && toks[end - 1].is_capitalised()
            && toks[end - 1].text.chars().count() <= 3
            && toks.get(end + 1).is_some_and(|n| n.is_capitalised());
        if ends_phrase(t) && !abbreviation {
            break;
        }
        // `de`/`d'`/`du` continue the phrase before a capitalised word (`ministère de
        // l'Intérieur`, `président de la République`), or after one: a name's complement
        // (`l'Institut de géophysique américain` is not `l'Institut national de géophysique`).
        // A determiner at the start (`selon des données de Médiamétrie`) is no `de`.
        if end > start && matches!(t.lower.as_ref(), "de" | "d" | "du" | "des") {
            let next_cap = toks[end + 1..].iter().take(2).any(|n| n.is_capitalised());
            let named = toks[start..end].iter().any(|n| n.is_capitalised());
            if !next_cap && !named {
                break;
            }
        }
        end += 1;
    }
    // Do not end on a determiner or particle.
    while end > start
        && matches!(
            toks[end - 1].lower.as_ref(),
            "de" | "d" | "du" | "des" | "la" | "le" | "les" | "l"
        )
    {
        end -= 1;
    }
    (end > start).then_some((start, end))
}

/// Whether a claimant's words point back to one named before (`la même source`, `ce
/// dernier`): the figure is that claimant's.
pub fn refers_back(lex: &Lexicon, claimant: &str) -> bool {
    let key = super::entities::key(claimant);
    lex.anaphoric_claimants
        .iter()
        .any(|a| super::entities::key(a) == key)
}

/// The claimant named in the sentence, as token bounds.
pub fn claimant(lex: &Lexicon, toks: &[Tok]) -> Option<(usize, usize)> {
    // `selon X`, `d'après X`.
    for i in 0..toks.len() {
        for trigger in lex.according_to {
            if trigger.len() == 1 && trigger[0] == "pour" {
                continue;
            }
            // `d'après-midi` is the afternoon, not `d'après`: a glued hyphen continues the word.
            let continued = toks
                .get(i + trigger.len())
                .is_some_and(|t| t.text == "-" && !t.space_before);
            let matches = !continued
                && trigger
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == *w));
            if matches && let Some(p) = phrase(toks, i + trigger.len(), CLAIMANT_WORDS) {
                return Some(p);
            }
        }
    }
    // `…, a annoncé X` (after the verb) or `X a annoncé que` (before it).
    for i in 0..toks.len() {
        let t = &toks[i];
        if !lex.is_reporting_verb(&t.lower) {
            continue;
        }
        let aux_at = |k: usize| lex.auxiliaries.contains(&toks[k].lower.as_ref());
        // `a indiqué`, and `a plutôt indiqué` with an adverb between.
        let verb_start = if i > 0 && aux_at(i - 1) {
            i - 1
        } else if i > 1 && aux_at(i - 2) && toks[i - 1].is_word() && !toks[i - 1].is_capitalised() {
            i - 2
        } else {
            i
        };
        let next = toks.get(i + 1).map_or("", |n| n.lower.as_ref());
        if matches!(next, "que" | "qu" | ":") || next.is_empty() {
            // Subject before the verb: from the sentence start or the last comma.
            let from = toks[..verb_start]
                .iter()
                .rposition(|t| matches!(t.lower.as_ref(), "," | ":" | "»" | "«"))
                .map_or(0, |p| p + 1);
            if verb_start > from {
                return phrase(toks, from, verb_start - from);
            }
        } else if verb_start > 0 && matches!(toks[verb_start - 1].lower.as_ref(), "," | "»" | "\"")
        {
            // Inverted subject after a quote or a comma: `…, a déclaré Vladimir Poutine`. It
            // names someone: a capitalised word or a determined noun, not `non seulement …`.
            if let Some((s, e)) = phrase(toks, i + 1, 6)
                && (toks[s].is_capitalised()
                    || matches!(toks[s].lower.as_ref(), "le" | "la" | "les" | "l")
                    || toks[s..e].iter().any(|t| t.is_capitalised()))
            {
                return Some((s, e));
            }
        }
    }
    None
}
