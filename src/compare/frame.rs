//! The fact frame of a claim: what its figure measures, the name it is attached to, when it
//! holds and who gives it. Two figures are one fact only when their frames agree: "227 personnes
//! blessées" and "124 000 personnes mobilisées" count people, but not the same people; "1,2
//! million de foyers" this morning and "684 000 foyers toujours privés" tonight measure one thing
//! at two times. The frame is kept in the report so that a reader sees why two claims were
//! compared and why a difference is, or is not, called a conflict.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::claims::{Claim, ClaimKind, Lexicon, Value, entities};

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Frame {
    /// What the figure measures, when the sentence says it: the measure its counted noun or a
    /// nearby word names (`blessés` for "227 personnes ont été blessées" and "672 blessés"), or
    /// the counted noun itself (`embarcation`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The name the figure is attached to (`Taroudant (452)`, `Marine Le Pen : 41,45 %`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The time the sentence gives the figure as of (`à 15 heures`, `dimanche`), when it names
    /// one beside the figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    /// The figure is a state at the time of writing (`toujours`, `actuellement`) or the
    /// latest count of a series (`le dernier bilan`), which may change between two reports of
    /// one day.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub current: bool,
    /// The figure is cited as superseded (`un précédent bilan`, `initialement`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub earlier: bool,
    /// Who gives the figure, normalised: no case, accents, hyphens or determiners, and the
    /// publication named instead of its author taken off (`un communiqué du ministère` → the
    /// ministry). `None` when the sentence names no one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// The content words right beside the figure, as stems, without numbers and measure words:
    /// what distinguishes "en vigilance rouge" from "en vigilance orange".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
    /// The rank a word beside the figure gives what it is about (`au second tour`, `le
    /// premier jour`): the first round's figure is not the second's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<i32>,
    /// Every rank its sentence names.
    #[serde(skip)]
    pub ranks: Vec<i32>,
    /// The other values of the same kind its sentence states (`58,55 %` beside `41,45 %`).
    #[serde(skip)]
    pub neighbours: Vec<Value>,
}

/// A time a figure is given as of: the words, and where they fall on the axis of days (for
/// ordering two updates of a tally).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AsOf {
    pub text: String,
    /// A time of day rather than a day: figures of one day differ from hour to hour.
    pub clock: bool,
    /// The year of that time, when it lies within one (`en 2017 (25,44 %)`, `le 24 février
    /// 2004`): a figure of another year is another fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip)]
    pub at: Option<f64>,
}

/// How many words either side of a figure its measure word may stand.
const MEASURE_WINDOW: usize = 8;
/// How many words after a share or a unit its measure word may stand.
const MEASURE_AFTER: usize = 3;
/// How many words either side of a figure a word of state (`toujours`) or of supersession
/// (`précédent`) may stand.
const STATE_WINDOW: usize = 6;
/// How many words either side of a figure make its scope.
const SCOPE_WINDOW: usize = 4;
/// How far, in characters, from a figure the date it is given as of may begin.
const AS_OF_CHARS: usize = 80;
/// How far apart, in characters, two figures may begin and still be one sentence's.
const SIBLING_CHARS: usize = 400;

/// A word of the sentence, or a mark that ends a clause.
#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    /// The stem, or the mark itself.
    stem: String,
    word: bool,
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Tok {
                start: s,
                end: i,
                stem: stem(&text[s..i]),
                word: true,
            });
        }
        // Parentheses do not end a clause: `Al-Haouz (1 293)`, `depuis 1969 (31,1 %)`.
        if matches!(c, '.' | ';' | '!' | '?' | '«' | '»' | '"') {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                stem: c.to_string(),
                word: false,
            });
        }
    }
    out
}

/// A word without case, accents and the endings of gender and number (`blessées` → `bless`,
/// `tués` → `tue`), so that one lexicon entry matches all the forms of a word.
pub fn stem(word: &str) -> String {
    let mut key = plain(word);
    // Accents are gone, so `blessé` ends in `e` as `blessée` does: both lose every final `e`.
    for ending in ['s', 'e', 'e'] {
        if key.chars().count() > 3 && key.ends_with(ending) {
            key.pop();
        }
    }
    key
}

/// `word` without case or accents, letters and digits only: [`entities::key`], with a fast
/// path for the Latin letters of French (this runs on every word beside every figure).
fn plain(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let base = match c {
            'a'..='z' | '0'..='9' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
            'ç' | 'Ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ÿ' | 'ý' => 'y',
            'ñ' => 'n',
            'œ' | 'Œ' => {
                out.push('o');
                'e'
            }
            'æ' | 'Æ' => {
                out.push('a');
                'e'
            }
            c if c.is_ascii() => continue,
            _ => return entities::key(word),
        };
        out.push(base);
    }
    out
}

/// A lexicon's frame words as stems, built once per lexicon rather than at every word.
struct Stems {
    measures: FxHashMap<String, &'static str>,
    generic: FxHashSet<String>,
    current: FxHashSet<String>,
    earlier: FxHashSet<String>,
    first: FxHashSet<String>,
    comparison: FxHashSet<String>,
    sources: FxHashSet<String>,
    ranks: FxHashMap<String, i32>,
    tally: FxHashSet<String>,
    update: FxHashSet<String>,
}

fn stems(lex: &'static Lexicon) -> &'static Stems {
    type Cache = std::sync::Mutex<FxHashMap<usize, &'static Stems>>;
    static CACHE: std::sync::OnceLock<Cache> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    map.entry(std::ptr::from_ref(lex) as usize)
        .or_insert_with(|| {
            let set = |words: &[&str]| words.iter().map(|w| stem(w)).collect();
            let mut measures = FxHashMap::default();
            for &(w, m) in lex.measures {
                // The first entry of a stem wins, as a search of the list would find it.
                measures.entry(stem(w)).or_insert(m);
            }
            let mut ranks = FxHashMap::default();
            for &(w, r) in lex.rank_words {
                ranks.entry(stem(w)).or_insert(r);
            }
            Box::leak(Box::new(Stems {
                measures,
                generic: set(lex.generic_nouns),
                current: set(lex.current_words),
                earlier: set(lex.earlier_words),
                first: set(lex.first_words),
                comparison: set(lex.comparison_words),
                sources: set(lex.source_nouns),
                ranks,
                tally: lex
                    .tally_nouns
                    .iter()
                    .chain(lex.tally_words)
                    .map(|w| stem(w))
                    .collect(),
                update: set(lex.update_words),
            }))
        })
}

/// Whether `text` names a count or a publication as the latest of a series (`le dernier
/// bilan`, `un nouveau décompte`): its figure updates the others, and a different figure
/// elsewhere may be an earlier one.
fn updated(st: &Stems, text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect();
    words.windows(2).any(|w| {
        st.update.contains(&w[0]) && (st.sources.contains(&w[1]) || st.tally.contains(&w[1]))
    })
}

/// Whether `word`, in any of its forms, speaks of a running tally (`blessées`, `bilan`).
pub fn is_tally_word(lex: &'static Lexicon, word: &str) -> bool {
    stems(lex).tally.contains(&stem(word))
}

impl Frame {
    /// The frame of `claim`; `siblings` are the other claims of its document (those of its
    /// sentence give the time it holds as of, and the values it stands beside).
    pub fn of(lex: &'static Lexicon, claim: &Claim, siblings: &[Claim]) -> Frame {
        let st = stems(lex);
        let toks = tokens(&claim.sentence);
        let figure = claim.sentence.find(claim.text.as_str()).map(|at| {
            let end = at + claim.text.len();
            let first = toks.partition_point(|t| t.end <= at);
            let last = toks.partition_point(|t| t.start < end).max(first + 1);
            (first, last.min(toks.len()))
        });
        let near_split = |window: usize, after_window: usize| -> Vec<&Tok> {
            let Some((first, last)) = figure else {
                return Vec::new();
            };
            // Outwards from the figure, nearest first, within its clause.
            let after = toks[last..]
                .iter()
                .take_while(|t| t.word)
                .take(after_window)
                .collect::<Vec<_>>();
            let before = toks[..first]
                .iter()
                .rev()
                .take_while(|t| t.word)
                .take(window)
                .collect::<Vec<_>>();
            let mut out = Vec::with_capacity(after.len() + before.len());
            for k in 0..window.max(after_window) {
                out.extend(after.get(k));
                out.extend(before.get(k));
            }
            out
        };
        let near = |window: usize| near_split(window, window);
        // What a share or a unit measures stands before it or right after it (`28 %
        // d'abstention`), not in the next clause (`…, quand les électeurs de gauche`); a
        // generic noun's participle may stand further (`227 personnes ont en outre été
        // blessées`).
        let generic_count = claim.noun.as_deref().is_some_and(|n| {
            let head = n.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            st.generic.contains(&stem(head))
        });
        let mut measure_words = near_split(
            MEASURE_WINDOW,
            if generic_count {
                MEASURE_WINDOW
            } else {
                MEASURE_AFTER
            },
        );
        // A bare count that is a verb's subject (`35 096 478 ont voté`) is measured by its
        // verb, after it, before any word of the clause before it.
        let after_start = figure
            .and_then(|f| toks.get(f.1))
            .map_or(usize::MAX, |n| n.start);
        if claim.kind == ClaimKind::Count && claim.noun.is_none() {
            measure_words.sort_by_key(|t| t.start < after_start);
        }
        // What a share is of follows it (`26,31 % des électeurs inscrits`); what it measures
        // stands before it, when the clause says (`l'abstention s'établissait à 26,31 %`).
        if claim.kind == ClaimKind::Percent {
            measure_words.sort_by_key(|t| t.start >= after_start);
        }
        let rank_of = |t: &Tok| st.ranks.get(&t.stem).copied();
        let rank = near(STATE_WINDOW).into_iter().find_map(rank_of);
        let mut ranks: Vec<i32> = toks.iter().filter_map(rank_of).collect();
        ranks.sort_unstable();
        ranks.dedup();
        let state_words = near(STATE_WINDOW);
        let mut scope: Vec<String> = near(SCOPE_WINDOW)
            .iter()
            .filter(|t| {
                let folded = crate::text::normalize::fold(&claim.sentence[t.start..t.end]);
                t.stem.chars().count() >= 3
                    && !t.stem.chars().any(|c| c.is_ascii_digit())
                    && !lex.is_stopword(&folded)
                    && !lex.is_number_word(&folded)
                    && lex.unit(&folded).is_none()
                    && !st.measures.contains_key(&t.stem)
            })
            .map(|t| t.stem.clone())
            .collect();
        // A "first since" is a first wherever its sentence says so (`la première visite … depuis
        // 24 ans`), however far the word stands from the figure.
        if claim.kind == ClaimKind::Since && toks.iter().any(|t| st.first.contains(&t.stem)) {
            scope.push(stem(lex.first_words[0]));
        }
        scope.sort_unstable();
        scope.dedup();
        Frame {
            measure: age(lex, claim, &toks, figure.map(|f| f.0))
                .or_else(|| measure(st, claim, &measure_words))
                .or_else(|| lasted(lex, claim, &toks, figure.map(|f| f.1))),
            entity: claim.entity.clone(),
            as_of: as_of(st, claim, siblings),
            current: state_words.iter().any(|t| {
                st.current.contains(&t.stem) && !after_joiner(lex, &claim.sentence[..t.start])
            }) || updated(st, claim.claimant.as_deref().unwrap_or(""))
                || updated(
                    st,
                    claim
                        .sentence
                        .find(claim.text.as_str())
                        .map_or("", |p| &claim.sentence[..p]),
                ),
            earlier: state_words.iter().any(|t| st.earlier.contains(&t.stem)),
            claimant: claim.claimant.as_deref().and_then(|c| claimant_key(lex, c)),
            scope,
            rank,
            ranks,
            neighbours: siblings
                .iter()
                .filter(|s| {
                    s.span != claim.span
                        && same_sentence(claim, s)
                        && std::mem::discriminant(&s.value) == std::mem::discriminant(&claim.value)
                        && s.kind == claim.kind
                })
                .map(|s| s.value.clone())
                .collect(),
        }
    }
}

/// Gives a figure whose sentence does not say what it measures the measure of the figure it
/// refers back to: after a pronoun that opens its sentence (`Elle était de 25,4 % en 2017`, after
/// a sentence on the abstention), the figure of the same unit just before; in parentheses after
/// a year or a name (`qu'en 2017 (25,4 %)`, `à Al-Haouz (1 293) et à Taroudant (452)`), the
/// figure of the same unit in its sentence. `contexts` are the contexts of `claims`, in order.
pub fn inherit_measures(lex: &Lexicon, claims: &[Claim], contexts: &mut [super::context::Context]) {
    for k in 0..claims.len() {
        let claim = &claims[k];
        if contexts[k].frame.measure.is_some() || !matches!(claim.value, Value::Quantity { .. }) {
            continue;
        }
        let unit = |c: &Claim| match &c.value {
            Value::Quantity { unit, .. } => Some(*unit),
            _ => None,
        };
        let opens_with_pronoun = claim
            .sentence
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .find(|w| !w.is_empty())
            .is_some_and(|w| {
                lex.pronouns
                    .contains(&crate::text::normalize::fold(w).as_str())
            });
        // In parentheses after a year (`en 2017 (25,4 %)`) or a name (`Taroudant (452)`).
        let parenthesised = claim
            .sentence
            .find(claim.text.as_str())
            .is_some_and(|at| claim.sentence[..at].trim_end().ends_with('('));
        let source = if parenthesised {
            // The sentence's own figure of that unit.
            (0..claims.len()).find(|&j| {
                j != k
                    && same_sentence(claim, &claims[j])
                    && unit(&claims[j]) == unit(claim)
                    && contexts[j].frame.measure.is_some()
            })
        } else if opens_with_pronoun {
            // The nearest figure of that unit before its sentence.
            (0..k).rev().find(|&j| {
                !same_sentence(claim, &claims[j])
                    && claim.span.start.abs_diff(claims[j].span.start) < SIBLING_CHARS
                    && unit(&claims[j]) == unit(claim)
                    && contexts[j].frame.measure.is_some()
            })
        } else {
            None
        };
        if let Some(j) = source {
            contexts[k].frame.measure = contexts[j].frame.measure.clone();
        }
    }
}

/// How sure two frames are to describe one fact on their own, from 0 to 1: both name the same
/// measure, and neither names an attached entity, a year or a rank the other contradicts; more
/// when they also name the same entity or year, or share words beside the figure. 0 when they
/// do not both name the measure.
pub fn agreement(a: &Frame, b: &Frame) -> f64 {
    let (Some(x), Some(y)) = (&a.measure, &b.measure) else {
        return 0.0;
    };
    if x != y {
        return 0.0;
    }
    let entity = |f: &Frame| f.entity.as_deref().map(entities::key);
    let year = |f: &Frame| f.as_of.as_ref().and_then(|t| t.year);
    let mut sure = FRAME_MEASURE;
    match (entity(a), entity(b)) {
        (Some(p), Some(q)) if p == q => sure += FRAME_DETAIL,
        (Some(_), Some(_)) => return 0.0,
        _ => {}
    }
    match (year(a), year(b)) {
        (Some(p), Some(q)) if p == q => sure += FRAME_DETAIL,
        (Some(_), Some(_)) => return 0.0,
        _ => {}
    }
    if matches!((a.rank, b.rank), (Some(p), Some(q)) if p != q) {
        return 0.0;
    }
    if a.scope.iter().any(|w| b.scope.contains(w)) {
        sure += FRAME_DETAIL;
    }
    sure
}

/// How sure two frames naming one measure are, before anything else they share.
const FRAME_MEASURE: f64 = 0.5;
/// What each further detail both frames state alike (entity, year, a word beside the figure)
/// adds.
const FRAME_DETAIL: f64 = 0.1;

/// `une femme de 63 ans`, `un homme de 70 ans`: a span of years right after a person noun and
/// `de` is that person's age, not a duration.
fn age(lex: &Lexicon, claim: &Claim, toks: &[Tok], first: Option<usize>) -> Option<String> {
    if claim.kind != ClaimKind::Duration {
        return None;
    }
    let first = first?;
    let words: Vec<&Tok> = toks[..first].iter().rev().take(2).collect();
    let [of, noun] = words.as_slice() else {
        return None;
    };
    let of_word =
        matches!(of.stem.as_str(), "de" | "d") || lex.of_words.contains(&of.stem.as_str());
    let person = lex
        .person_nouns
        .iter()
        .chain(lex.generic_nouns)
        .any(|n| stem(n) == noun.stem);
    (of.word && noun.word && of_word && person).then(|| AGE.to_string())
}

/// `8 mois de chantier`, `trois jours de grève`: a length of time right before `de` and a noun
/// is the length of that noun's thing, which is what it measures.
fn lasted(lex: &Lexicon, claim: &Claim, toks: &[Tok], after: Option<usize>) -> Option<String> {
    let seconds = matches!(
        claim.value,
        Value::Quantity {
            unit: crate::claims::Unit::Seconds,
            ..
        }
    );
    if !seconds {
        return None;
    }
    let after = after?;
    let [of, noun, ..] = toks.get(after..)? else {
        return None;
    };
    let of_word =
        matches!(of.stem.as_str(), "de" | "d") || lex.of_words.contains(&of.stem.as_str());
    // A determiner after `de` opens another phrase (`deux ans de la vie`, `un mois de plus`).
    let content = noun.word
        && noun.stem.chars().count() >= 4
        && noun.stem.chars().all(char::is_alphabetic)
        && !lex.articles.contains(&noun.stem.as_str())
        && !matches!(noun.stem.as_str(), "plus" | "moins");
    (of.word && of_word && content).then(|| noun.stem.clone())
}

/// The measures of a person's age and of a length of time, as the lexicons name them.
const AGE: &str = "âge";
const DURATION: &str = "durée";

/// Whether `before` ends with a conjunction of a list (`ou`, `et`).
fn after_joiner(lex: &Lexicon, before: &str) -> bool {
    let last = before
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    lex.list_joiners
        .contains(&crate::text::normalize::fold(last).as_str())
}

/// Counts too small to be worth checking when sources agree on them: the two leaders of a
/// summit, the two countries of a treaty, a first visit. A count of victims is never trivial.
pub fn trivial(claim: &Claim, tally: bool) -> bool {
    let Value::Quantity { range, .. } = &claim.value else {
        return false;
    };
    let small = match claim.kind {
        ClaimKind::Count => range.hi.is_some_and(|v| v <= TRIVIAL_COUNT),
        ClaimKind::Ordinal => range.hi.is_some_and(|v| v <= 1.0),
        _ => false,
    };
    small && !tally && range.lo == range.hi
}

/// Counts up to this are the participants of a sentence rather than facts of the event.
const TRIVIAL_COUNT: f64 = 2.0;

/// Whether `other` stands in the sentence of `claim`.
fn same_sentence(claim: &Claim, other: &Claim) -> bool {
    other.span.start.abs_diff(claim.span.start) < SIBLING_CHARS
        && claim.sentence.contains(other.text.as_str())
}

fn measure(st: &Stems, claim: &Claim, near: &[&Tok]) -> Option<String> {
    let measure_of = |stem_: &str| st.measures.get(stem_).copied();
    let counted = matches!(claim.kind, ClaimKind::Count | ClaimKind::Ordinal);
    if counted && let Some(noun) = &claim.noun {
        let head = noun
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .map(stem);
        if let Some(head) = head {
            if let Some(m) = measure_of(&head) {
                return Some(m.to_string());
            }
            let generic = st.generic.contains(&head);
            if !generic {
                return Some(head);
            }
        }
    }
    // A generic noun, a unit or a share: the nearest word of the clause that names a measure.
    if !matches!(claim.value, Value::Quantity { .. }) {
        return None;
    }
    // `pendant`, `a duré`: words of a length of time say what a duration measures, not what
    // a count beside them counts.
    let seconds = matches!(
        claim.value,
        Value::Quantity {
            unit: crate::claims::Unit::Seconds,
            ..
        }
    );
    let named = near
        .iter()
        .filter_map(|t| measure_of(&t.stem))
        .find(|m| seconds || *m != DURATION);
    // A magnitude measures one thing whatever words stand beside it.
    let unit = match claim.value {
        Value::Quantity {
            unit: crate::claims::Unit::Magnitude,
            ..
        } => Some("magnitude"),
        _ => None,
    };
    named.or(unit).map(str::to_string)
}

/// The time the sentence gives the figure as of: the date just before it when the figure
/// stands in parentheses after one (`en 2017 (25,44 %)`), else the nearest other time or date
/// claim of its sentence that is neither a period the figure is about (the `depuis` of a
/// duration) nor a point of comparison (`par rapport à 2017`).
fn as_of(st: &Stems, claim: &Claim, siblings: &[Claim]) -> Option<AsOf> {
    if !matches!(claim.value, Value::Quantity { .. }) {
        return None;
    }
    let sentence = claim.sentence.as_str();
    let at = sentence.find(claim.text.as_str());
    let all_dates: Vec<(&Claim, Option<usize>)> = siblings
        .iter()
        .filter(|s| {
            s.span != claim.span
                && same_sentence(claim, s)
                && matches!(s.value, Value::Clock(_) | Value::Date(_))
        })
        .map(|s| (s, sentence.find(s.text.as_str())))
        .collect();
    // In parentheses right after a date, the figure is that date's, even after `depuis`
    // (`depuis 1969 (31,1 %)`).
    let parenthesised = at.and_then(|at| {
        let before = sentence[..at].trim_end().strip_suffix('(')?.trim_end();
        all_dates
            .iter()
            .find(|(s, p)| p.is_some_and(|p| p + s.text.len() == before.len()))
            .map(|(s, _)| *s)
    });
    // Otherwise a date nearby, not the period a duration runs since, and not far along the
    // sentence: `28 %, en hausse …, à un niveau jamais vu depuis … 1969` is not 1969's.
    let dates: Vec<(&Claim, Option<usize>)> = all_dates
        .into_iter()
        .filter(|(s, _)| {
            s.kind != ClaimKind::Since && s.span.start.abs_diff(claim.span.start) <= AS_OF_CHARS
        })
        .collect();
    let compared = |p: Option<usize>| {
        p.is_some_and(|p| {
            sentence[..p]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .rev()
                .take(2)
                .map(stem)
                .any(|w| st.comparison.contains(&w))
        })
    };
    let nearest = || {
        dates
            .iter()
            .filter(|(_, p)| !compared(*p))
            .min_by_key(|(s, _)| s.span.start.abs_diff(claim.span.start))
            .map(|(s, _)| *s)
    };
    parenthesised.or_else(nearest).map(|s| {
        let at = super::verdict::Interval::of(&s.value);
        // A date within one year says which year's figure this is.
        let year = match &s.value {
            Value::Date(d) => d
                .from
                .zip(d.to)
                .map(|(f, t)| (chrono::Datelike::year(&f), chrono::Datelike::year(&t)))
                .filter(|(f, t)| f == t)
                .map(|(f, _)| f),
            _ => None,
        };
        AsOf {
            clock: matches!(s.value, Value::Clock(_)),
            year,
            text: crate::text::normalize::fold(&s.text),
            at: at
                .lo
                .is_finite()
                .then_some((at.lo + at.hi.min(at.lo + 1.0)) / 2.0),
        }
    })
}

/// The comparison form of a claimant (see [`Frame::claimant`]); `None` when it names only a
/// publication (`les nouveaux chiffres`).
pub fn claimant_key(lex: &'static Lexicon, claimant: &str) -> Option<String> {
    let st = stems(lex);
    let words: Vec<String> = claimant
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(entities::key)
        .collect();
    let is_source = |w: &str| st.sources.contains(&stem(w));
    // `M. Castaner` and `Christophe Castaner` are one claimant.
    let is_particle =
        |w: &str| lex.is_stopword(w) || matches!(w, "l" | "d") || lex.honorifics.contains(&w);
    // `le dernier bilan du ministère`: the publication's noun within its first words, then
    // its complement.
    let mut rest: &[String] = &words;
    if let Some(k) = rest.iter().take(4).position(|w| is_source(w)) {
        rest = &rest[k + 1..];
        // Adjectives after the noun (`les chiffres officiels`) name no one either.
        let of = rest
            .first()
            .is_some_and(|w| matches!(w.as_str(), "de" | "du" | "des" | "d"));
        if !of {
            return None;
        }
        let complement = rest.iter().position(|w| !is_particle(w) && !is_source(w));
        rest = &rest[complement?..];
    }
    let key: Vec<&str> = rest
        .iter()
        .map(String::as_str)
        .filter(|w| !is_particle(w))
        .collect();
    (!key.is_empty()).then(|| key.join(" "))
}

/// Whether two claimant keys name one claimant: one's words hold the other's
/// (`ministre de l'Intérieur Christophe Castaner` and `Christophe Castaner`; `Météo-France` and
/// `Météo France`).
pub fn same_claimant(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let long: Vec<&str> = long.split(' ').collect();
    short.split(' ').all(|w| long.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        crate::claims::lexicon_for(Some("fr"))
    }

    #[test]
    fn claimants_lose_determiners_accents_and_publications() {
        let key = |c: &str| claimant_key(lex(), c);
        assert_eq!(key("Météo-France"), key("Météo France"));
        assert_eq!(
            key("un communiqué du ministère de l'Intérieur").as_deref(),
            Some("ministere interieur")
        );
        assert_eq!(
            key("le dernier bilan de la préfecture").as_deref(),
            Some("prefecture")
        );
        assert_eq!(key("les nouveaux chiffres"), None);
        assert_eq!(key("les chiffres officiels"), None);
        assert_eq!(key("la CGT").as_deref(), Some("cgt"));
        assert!(same_claimant(
            "ministre interieur gerald darmanin",
            "gerald darmanin"
        ));
        assert!(!same_claimant("police", "cgt"));
        // A form of address is no part of who speaks.
        assert_eq!(key("M. Castaner"), key("Castaner"));
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        assert_eq!(stem("blessées"), stem("blessé"));
        assert_eq!(stem("décédées"), stem("décédé"));
        assert_eq!(stem("tués"), stem("tué"));
        assert_eq!(stem("Morts"), stem("mort"));
        assert_ne!(stem("mort"), stem("mois"));
    }
}
