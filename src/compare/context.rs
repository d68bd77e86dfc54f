//! What a claim is about, beyond its value: the content words of its sentence, the entities
//! named there, and the noun it counts. Two claims are about the same fact when these agree;
//! the value alone says nothing (every article has a "deux pays").

use rustc_hash::{FxHashMap, FxHashSet};

use super::frame::Frame;
use crate::claims::{Claim, ClaimKind, Lexicon, Unit, Value, entities};
use crate::text::normalize;

/// The comparison features of one claim.
#[derive(Debug, Clone)]
pub struct Context {
    /// Folded content words of the sentence: no function words, numbers or short words.
    pub words: FxHashSet<String>,
    /// Entity groups named in the sentence (indices into the extraction's groups).
    pub entities: FxHashSet<usize>,
    /// The counted noun's head, folded and without a plural ending (`conteneur`).
    pub noun: Option<String>,
    /// What kind of value this is; claims compare only within one dimension.
    pub dimension: Dimension,
    /// The name the figure is attached to: its entity group, or the folded name when it has
    /// none (a place named once per article).
    pub attached: Option<String>,
    /// Whether the figure is a running tally (see [`is_tally`]).
    pub tally: bool,
    /// What the figure measures, when, and who says it.
    pub frame: Frame,
    /// The year the figure holds for: the one its sentence gives, else its article's (see
    /// [`Context::dated`]). A figure of 2017 is not this year's.
    pub year: Option<i32>,
}

/// Claims of one dimension can be compared; a count of containers and a sum in euros cannot.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Dimension {
    Quantity(ClaimKind, Unit),
    Date,
    /// The previous occurrence of something (`depuis 24 ans`).
    Since,
    /// A time of day on no known day (`à 18 heures` in an undated article).
    TimeOfDay,
}

/// Words shorter than this carry little about the topic (`a`, `le`, `est`).
const MIN_WORD_CHARS: usize = 3;

impl Context {
    /// The features of `claim`, one of `siblings` (its document's claims).
    pub fn of(
        lex: &'static Lexicon,
        claim: &Claim,
        siblings: &[Claim],
        entity_spellings: &[(String, usize)],
    ) -> Self {
        // A short sentence is read with the one before it, which names its subject.
        let mut text = claim.sentence.clone();
        if let Some(previous) = &claim.previous_sentence {
            text.push(' ');
            text.push_str(previous);
        }
        let words = content_words(lex, &text);
        let entities = entity_spellings
            .iter()
            .filter(|(spelling, _)| names(&text, spelling))
            .map(|&(_, g)| g)
            .collect();
        let dimension = match (&claim.value, claim.kind) {
            (Value::Date(_), ClaimKind::Since) => Dimension::Since,
            (Value::Date(_), _) => Dimension::Date,
            // A time on a known day sits on the axis of dates; without one, on the clock.
            (Value::Clock(c), _) if c.day.is_some() => Dimension::Date,
            (Value::Clock(_), _) => Dimension::TimeOfDay,
            (Value::Quantity { unit, .. }, kind) => Dimension::Quantity(kind, *unit),
        };
        // Durations and money carry their unit as the noun (`heures`, `euros`); only counts and
        // ranks name what they count.
        let frame = Frame::of(lex, claim, siblings);
        // The measure, when the frame knows it, says what is counted better than the noun:
        // `320 personnes blessées` and `320 blessés` count the same people.
        let noun = match claim.kind {
            ClaimKind::Count | ClaimKind::Ordinal if frame.measure.is_none() => {
                claim.noun.as_deref().and_then(head_noun)
            }
            _ => None,
        };
        let attached = claim.entity.as_deref().map(|name| {
            entity_spellings
                .iter()
                .find(|(spelling, _)| spelling == name)
                .map_or_else(|| entities::key(name), |&(_, g)| format!("#{g}"))
        });
        Context {
            words,
            entities,
            noun,
            dimension,
            attached,
            tally: is_tally(lex, claim),
            year: frame.as_of.as_ref().and_then(|x| x.year),
            frame,
        }
    }

    /// The context of a claim of an article published on `published`: a figure whose sentence
    /// names no year holds for the article's.
    pub fn dated(mut self, published: Option<chrono::NaiveDate>) -> Self {
        if self.year.is_none() && matches!(self.dimension, Dimension::Quantity(..)) {
            self.year = published.map(|d| chrono::Datelike::year(&d));
        }
        self
    }
}

/// Whether a claim is a running tally: a count whose sentence speaks of victims or arrests
/// (`morts`, `blessées`, `interpellations`), calls it a toll or provisional (`bilan`,
/// `provisoire`), or states it as a minimum (`au moins 632 personnes`). Such a figure may rise
/// from one report to the next.
pub fn is_tally(lex: &'static Lexicon, claim: &Claim) -> bool {
    use crate::claims::Modifier;
    if claim.kind != ClaimKind::Count {
        return false;
    }
    if matches!(claim.modifier, Modifier::AtLeast | Modifier::MoreThan) {
        return true;
    }
    claim
        .sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .any(|w| super::frame::is_tally_word(lex, w))
}

/// Whether `text` names `spelling` as whole words: `Nord-Coréenne` does not name `Nord`.
fn names(text: &str, spelling: &str) -> bool {
    if spelling.is_empty() {
        return false;
    }
    text.match_indices(spelling).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + spelling.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
        boundary(before) && boundary(after)
    })
}

/// The folded content words of `sentence`.
pub fn content_words(lex: &Lexicon, sentence: &str) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    crate::text::tokenize::for_each_word(sentence, |_, w| {
        let w = normalize::fold(w);
        let keep = w.chars().count() >= MIN_WORD_CHARS
            && !w.chars().any(|c| c.is_ascii_digit())
            && !lex.is_stopword(&w)
            && !lex.is_number_word(&w);
        if keep {
            out.insert(w);
        }
    });
    out
}

/// The first word of a noun phrase, folded, with a French plural `s` or `x` taken off.
pub fn head_noun(noun: &str) -> Option<String> {
    let first = noun
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?;
    let mut key = entities::key(first);
    // `conteneurs` → `conteneur`, `jeux` → `jeu`; `prix` and short words stay.
    if key.chars().count() > 3 && (key.ends_with('s') || key.ends_with("ux")) {
        key.pop();
    }
    Some(key)
}

/// A context with its words and entities as sorted ids and the rarity weight of each (IDF over
/// all the claims' contexts): words every sentence of a story shares (`Poutine`, `visite`) say
/// little about which fact a sentence states. Comparing sorted ids is what makes comparing
/// every claim of two articles cheap.
#[derive(Debug, Clone)]
pub struct Weighted {
    words: Vec<(u32, f64)>,
    entities: Vec<(u32, f64)>,
    words_total: f64,
    entities_total: f64,
    /// The counted noun, as an id shared by the claims that count it.
    noun: Option<u32>,
    dimension: Dimension,
    /// The attached name, as an id shared by the claims that name it (compared at every pair).
    attached: Option<u32>,
    /// What the figure measures, as an id shared by the claims of that measure.
    measure: Option<u32>,
    /// The year the figure holds for (its sentence's, else its article's).
    year: Option<u32>,
    /// Whether its sentence names that year (`en 2017, 25,3 %`).
    stated_year: bool,
    /// The frame's scope words, as sorted ids.
    scope: Vec<u32>,
}

impl Weighted {
    /// Keys that two claims with a similarity above zero have in common (one of the same
    /// dimension's words, entities or counted noun), for blocking: claims that share no key
    /// cannot be linked, so their documents need not be compared.
    pub fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        let key = |tag: u8, id: u64| {
            use std::hash::{Hash, Hasher};
            let mut h = rustc_hash::FxHasher::default();
            (&self.dimension, tag, id).hash(&mut h);
            h.finish()
        };
        let noun = self.noun.map(|n| key(b'n', n.into()));
        self.words
            .iter()
            .map(move |&(w, _)| key(b'w', w.into()))
            .chain(self.entities.iter().map(move |&(e, _)| key(b'e', e.into())))
            .chain(noun)
    }
}

/// Weighs the contexts of a corpus against each other; ids follow the order of first use, so
/// the result does not depend on hashing.
pub fn weigh(contexts: &[Vec<Context>]) -> Vec<Vec<Weighted>> {
    let mut word_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut df_words: Vec<f64> = Vec::new();
    let mut df_entities: FxHashMap<usize, f64> = FxHashMap::default();
    let mut n = 0usize;
    for c in contexts.iter().flatten() {
        n += 1;
        let mut sorted: Vec<&String> = c.words.iter().collect();
        sorted.sort_unstable();
        for w in sorted {
            let next = word_ids.len() as u32;
            let id = *word_ids.entry(w.as_str()).or_insert(next);
            if id as usize == df_words.len() {
                df_words.push(0.0);
            }
            df_words[id as usize] += 1.0;
        }
        for &e in &c.entities {
            *df_entities.entry(e).or_default() += 1.0;
        }
    }
    // Smoothed inverse document frequency: ln(1 + N / df), positive for every term.
    let idf = |df: f64| (1.0 + n as f64 / df).ln();
    let mut attached_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut noun_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut measure_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut scope_ids: FxHashMap<&str, u32> = FxHashMap::default();
    for c in contexts.iter().flatten() {
        for w in &c.frame.scope {
            let next = scope_ids.len() as u32;
            scope_ids.entry(w.as_str()).or_insert(next);
        }
        if let Some(m) = &c.frame.measure {
            let next = measure_ids.len() as u32;
            measure_ids.entry(m.as_str()).or_insert(next);
        }
        if let Some(name) = &c.attached {
            let next = attached_ids.len() as u32;
            attached_ids.entry(name.as_str()).or_insert(next);
        }
        if let Some(noun) = &c.noun {
            let next = noun_ids.len() as u32;
            noun_ids.entry(noun.as_str()).or_insert(next);
        }
    }
    contexts
        .iter()
        .map(|doc| {
            doc.iter()
                .map(|c| {
                    let mut words: Vec<(u32, f64)> = c
                        .words
                        .iter()
                        .map(|w| {
                            let id = word_ids[w.as_str()];
                            (id, idf(df_words[id as usize]))
                        })
                        .collect();
                    words.sort_unstable_by_key(|x| x.0);
                    let mut entities: Vec<(u32, f64)> = c
                        .entities
                        .iter()
                        .map(|&e| (e as u32, idf(df_entities[&e])))
                        .collect();
                    entities.sort_unstable_by_key(|x| x.0);
                    Weighted {
                        words_total: words.iter().map(|x| x.1).sum(),
                        entities_total: entities.iter().map(|x| x.1).sum(),
                        words,
                        entities,
                        noun: c.noun.as_deref().map(|n| noun_ids[n]),
                        dimension: c.dimension.clone(),
                        attached: c.attached.as_deref().map(|a| attached_ids[a]),
                        measure: c.frame.measure.as_deref().map(|m| measure_ids[m]),
                        year: c.year.map(|y| y as u32),
                        stated_year: c.frame.as_of.as_ref().is_some_and(|x| x.year.is_some()),
                        scope: {
                            let mut ids: Vec<u32> = c
                                .frame
                                .scope
                                .iter()
                                .map(|w| scope_ids[w.as_str()])
                                .collect();
                            ids.sort_unstable();
                            ids
                        },
                    }
                })
                .collect()
        })
        .collect()
}

/// Weighted Dice coefficient of two sorted id lists: twice the weight of what both hold over
/// the weight of both; 0 when both are empty.
fn weighted_dice(a: &[(u32, f64)], total_a: f64, b: &[(u32, f64)], total_b: f64) -> f64 {
    let total = total_a + total_b;
    if total <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared / total
}

/// The counted noun, measure, attached name and year of a claim, as ids: what [`compatible`]
/// compares.
pub type Identity = [Option<u32>; 4];
/// Where an [`Identity`] holds the attached name and the year.
pub const ATTACHED: usize = 2;
pub const YEAR: usize = 3;

impl Weighted {
    pub fn identity(&self) -> Identity {
        [self.noun, self.measure, self.attached, self.year]
    }
}

/// Whether a claim of identity `x` may join claims whose identities, merged, are `slot` (each
/// field the one value its members state, if any).
pub fn fits(slot: &Identity, x: &Identity) -> bool {
    slot.iter()
        .zip(x)
        .all(|(s, v)| s.is_none() || v.is_none() || s == v)
}

/// `slot` with the fields `x` states and it does not.
pub fn merge(slot: &mut Identity, x: &Identity) {
    for (s, v) in slot.iter_mut().zip(x) {
        if s.is_none() {
            *s = *v;
        }
    }
}

/// Whether two claims may state one fact at all: the same dimension, and no counted noun,
/// measure or attached name that differs. A slot holds only claims compatible with each other.
pub fn compatible(a: &Weighted, b: &Weighted) -> bool {
    let differ = |x: Option<u32>, y: Option<u32>| matches!((x, y), (Some(x), Some(y)) if x != y);
    a.dimension == b.dimension
        && !differ(a.noun, b.noun)
        && !differ(a.measure, b.measure)
        && !differ(a.attached, b.attached)
        && !differ(a.year, b.year)
}

/// How much two claims' contexts say they are about the same fact, from 0 to 1; `None` when
/// they cannot be: other dimensions, or counts of different things.
pub fn similarity(a: &Weighted, b: &Weighted) -> Option<f64> {
    // The injured are not the marchers, though both are `personnes`; one party's seats are
    // not another's.
    if !compatible(a, b) {
        return None;
    }
    let words = weighted_dice(&a.words, a.words_total, &b.words, b.words_total);
    let score = if a.entities.is_empty() || b.entities.is_empty() {
        words
    } else {
        WORDS_WEIGHT * words
            + (1.0 - WORDS_WEIGHT)
                * weighted_dice(&a.entities, a.entities_total, &b.entities, b.entities_total)
    };
    // A shared counted noun or measure is strong evidence on its own: `7000 conteneurs` in two
    // articles.
    let same = |x: Option<u32>, y: Option<u32>| x.is_some() && x == y;
    let noun_bonus = if same(a.noun, b.noun) || same(a.measure, b.measure) {
        NOUN_BONUS
    } else {
        0.0
    };
    let score = (score + noun_bonus).min(1.0);
    // Loosely alike sentences whose figures have nothing beside them in common state two
    // facts of one story ("une visite de deux jours", "deux rencontres en moins d'un an").
    let apart = !a.scope.is_empty()
        && !b.scope.is_empty()
        && !a.scope.iter().any(|w| b.scope.binary_search(w).is_ok());
    // Lengths of time that both sentences say are a duration of the same thing (`a duré`,
    // `pendant`) need no words beside them in common.
    let lasting = matches!(a.dimension, Dimension::Quantity(ClaimKind::Duration, _))
        && same(a.measure, b.measure);
    // Nor do two figures of one measure that both sentences say are of one past year: `en
    // 2017, l'abstention s'établissait à 25,3 %` and `elle était de 25,4 % en 2017`.
    let of_year = same(a.measure, b.measure) && a.stated_year && b.stated_year;
    (!apart || lasting || of_year || score >= SCOPELESS_LINK).then_some(score)
}

/// Least similarity for two claims to link when the words beside their figures differ.
const SCOPELESS_LINK: f64 = 0.35;

/// Weight of the sentence words against the entities when both sides name entities.
const WORDS_WEIGHT: f64 = 0.6;
const NOUN_BONUS: f64 = 0.15;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_nouns_lose_their_plural() {
        assert_eq!(
            head_noun("conteneurs d’armement").as_deref(),
            Some("conteneur")
        );
        assert_eq!(head_noun("Prix").as_deref(), Some("prix"));
        assert_eq!(head_noun("ans").as_deref(), Some("ans"));
        assert_eq!(head_noun("").as_deref(), None);
    }

    #[test]
    fn dice_counts_shared_members() {
        let weighted = |ids: [(u32, f64); 4]| {
            let v = ids.to_vec();
            let total = v.iter().map(|x| x.1).sum::<f64>();
            (v, total)
        };
        let (a, ta) = weighted([(1, 1.0), (2, 1.0), (3, 1.0), (4, 1.0)]);
        let (b, tb) = weighted([(3, 1.0), (4, 1.0), (5, 1.0), (6, 1.0)]);
        assert!((weighted_dice(&a, ta, &b, tb) - 0.5).abs() < 1e-12);
        // Rare shared members weigh more.
        let (a, ta) = weighted([(1, 1.0), (2, 1.0), (3, 10.0), (4, 1.0)]);
        let (b, tb) = weighted([(3, 10.0), (4, 1.0), (5, 1.0), (6, 1.0)]);
        assert!(weighted_dice(&a, ta, &b, tb) > 0.8);
        assert_eq!(weighted_dice(&[], 0.0, &[], 0.0), 0.0);
    }

    #[test]
    fn similarity_is_symmetric() {
        // Slots score each pair of claims once and read the score both ways.
        let weighted = |words: &[(u32, f64)], entities: &[(u32, f64)], scope: Vec<u32>| Weighted {
            words: words.to_vec(),
            entities: entities.to_vec(),
            words_total: words.iter().map(|x| x.1).sum(),
            entities_total: entities.iter().map(|x| x.1).sum(),
            noun: Some(3),
            dimension: Dimension::Date,
            attached: None,
            measure: None,
            year: None,
            stated_year: false,
            scope,
        };
        let a = weighted(
            &[(1, 0.3), (2, 1.7), (5, 2.9), (8, 0.1)],
            &[(4, 1.1), (9, 0.7)],
            vec![2, 6],
        );
        let b = weighted(&[(2, 1.7), (5, 2.9), (7, 0.4)], &[(9, 0.7)], vec![6]);
        let (ab, ba) = (similarity(&a, &b), similarity(&b, &a));
        assert!(ab.is_some_and(|s| s > 0.0));
        assert_eq!(ab.map(f64::to_bits), ba.map(f64::to_bits));
    }

    #[test]
    fn content_words_drop_function_words_and_numbers() {
        let lex = crate::claims::lexicon_for(Some("fr"));
        let w = content_words(
            lex,
            "Selon la police, 7000 manifestants ont défilé à Paris.",
        );
        assert!(w.contains("manifestants") && w.contains("défilé") && w.contains("police"));
        assert!(!w.contains("la") && !w.contains("7000"));
    }
}
