//! Claim extraction: the checkable facts of each article (figures, dates, durations, "since"
//! anchors, quotes and their speakers, names and their spellings), each with a normalised value
//! that can be compared across sources. The machinery is language-neutral; the words it looks
//! for are in [`lang`] (French first).

pub mod attribution;
pub mod clock;
pub mod entities;
pub mod holidays;
pub mod lang;
pub mod lex;
pub mod numbers;
pub mod quantity;
pub mod quotes;
pub mod time;
pub mod value;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::Document;
use crate::text::{Offsets, Prepared};

pub use entities::{EntityGroup, EntityKind};
pub use lang::Lexicon;
pub use value::{ClockRange, DateRange, Grain, Modifier, Range, Unit, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A number of things: `7000 conteneurs`.
    Count,
    Money,
    Percent,
    Duration,
    Distance,
    Surface,
    Volume,
    Weight,
    Temperature,
    Speed,
    /// The magnitude of an earthquake.
    Magnitude,
    /// A rank: `80e anniversaire`, `deuxième rencontre`.
    Ordinal,
    /// A point or period in time.
    Date,
    /// A time of day: `à 18 heures`, `vers 4 heures du matin`.
    Time,
    /// When something last happened or started: `depuis 24 ans`,
    /// `une première depuis les années 2000`.
    Since,
}

/// Where a claim stands in its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Character offsets into the document's text.
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The words of the source.
    pub text: String,
    pub span: Span,
    pub sentence: String,
    pub value: Value,
    pub modifier: Modifier,
    /// What is counted (`conteneurs d'armement`), or the unit word as written (`heures`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
    /// Who the sentence attributes the figure to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// The name the figure is attached to: the nearest name beside it in its sentence, outside
    /// the claimant (`Marine Le Pen : 41,45 %`, `38 morts dans la province de Taroudant`).
    /// Claims attached to different names state different facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The date relative expressions were resolved against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<NaiveDate>,
    /// The sentence before, when this one is too short to say what it is about
    /// (`Une première depuis les années 2000.` after the sentence naming the visit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_sentence: Option<String>,
}

/// Sentences with fewer words than this lean on the one before for their subject.
const SHORT_SENTENCE_WORDS: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub text: String,
    pub span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityMention {
    pub text: String,
    pub span: Span,
    pub kind: EntityKind,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentClaims {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    pub claims: Vec<Claim>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<EntityMention>,
}

/// The claims of a corpus, and its entities grouped across documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub documents: Vec<DocumentClaims>,
    pub entities: Vec<EntityGroup>,
}

/// The lexicon for a language code (`en`, `en-GB`, `fr`…); French when the language is
/// unknown or not supported (the tool's first language).
pub fn lexicon_for(lang: Option<&str>) -> &'static Lexicon {
    let primary = lang
        .and_then(|l| l.split(['-', '_']).next())
        .map(str::to_ascii_lowercase);
    match primary.as_deref() {
        Some("en") => &lang::en::EN,
        _ => &lang::fr::FR,
    }
}

/// The lexicon of a document: its stated language, else the one its text reads as, else French.
pub fn lexicon_of(doc: &Document) -> &'static Lexicon {
    match doc.lang.as_deref() {
        Some(lang) => lexicon_for(Some(lang)),
        None => lexicon_for(lang::detect::language(&doc.text)),
    }
}

/// Extracts the claims of every document, in parallel; documents keep their order.
pub fn extract_all(docs: &[Document]) -> Extraction {
    extract_all_with(docs, &())
}

/// As [`extract_all`], telling `progress` of each document done (stage `extracting`).
pub fn extract_all_with(docs: &[Document], progress: &dyn crate::Progress) -> Extraction {
    progress.begin("extracting", docs.len() as u64);
    let documents: Vec<DocumentClaims> = docs
        .par_iter()
        .map(|d| {
            let claims = extract(d);
            progress.advance(1);
            claims
        })
        .collect();
    progress.end();
    let mentions: Vec<entities::Mention> = documents
        .iter()
        .flat_map(|d| {
            d.entities
                .iter()
                .map(|e| (e.text.clone(), d.id.clone(), e.kind))
        })
        .collect();
    Extraction {
        entities: entities::group(&mentions),
        documents,
    }
}

fn span(offsets: &Offsets, start: usize, end: usize) -> Span {
    Span {
        start: offsets.char(start),
        end: offsets.char(end),
        line: offsets.line(start),
    }
}

/// Bytes of a sentence kept on each side of a claim. A "sentence" of a text without
/// punctuation can be the whole document: copied into each of its claims, 10,000 figures in
/// one such sentence made gigabytes of output and a quadratic comparison.
const MAX_CONTEXT_BYTES: usize = 300;

/// The last `max` bytes of `text` or less, cut at a word.
fn tail(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut at = text.len() - max;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let cut = &text[at..];
    cut.find(' ').map_or(cut, |sp| &cut[sp + 1..])
}

/// The text of a sentence around each of its claims: the whole sentence when it is short,
/// otherwise [`MAX_CONTEXT_BYTES`] on each side of the claim, cut at words and marked `…`.
struct Windows<'a> {
    sentence: &'a str,
    /// Byte offset in `sentence` of each of its characters, for a long sentence only.
    bytes_of_chars: Vec<usize>,
    first_char: usize,
}

impl<'a> Windows<'a> {
    fn new(text: &'a str, range: std::ops::Range<usize>, first_char: usize) -> Self {
        let sentence = &text[range];
        let bytes_of_chars = if sentence.len() > 2 * MAX_CONTEXT_BYTES {
            sentence.char_indices().map(|(b, _)| b).collect()
        } else {
            Vec::new()
        };
        Windows {
            sentence,
            bytes_of_chars,
            first_char,
        }
    }

    /// The window around the claim at characters `start..end` of the document.
    fn around(&self, start: usize, end: usize) -> String {
        if self.bytes_of_chars.is_empty() {
            return self.sentence.to_string();
        }
        let byte = |c: usize| {
            self.bytes_of_chars
                .get(c.saturating_sub(self.first_char))
                .copied()
                .unwrap_or(self.sentence.len())
        };
        let (s, e) = (byte(start), byte(end));
        let before = tail(&self.sentence[..s], MAX_CONTEXT_BYTES);
        let after = &self.sentence[e..];
        let after = if after.len() <= MAX_CONTEXT_BYTES {
            after
        } else {
            let mut at = MAX_CONTEXT_BYTES;
            while !after.is_char_boundary(at) {
                at -= 1;
            }
            let cut = &after[..at];
            cut.rfind(' ').map_or(cut, |sp| &cut[..sp])
        };
        let mut out = String::with_capacity(before.len() + after.len() + (e - s) + 8);
        if before.len() < s {
            out.push_str("… ");
        }
        out.push_str(before);
        out.push_str(&self.sentence[s..e]);
        out.push_str(after);
        if e + after.len() < self.sentence.len() {
            out.push_str(" …");
        }
        out
    }
}

/// Extracts the claims of one document. Boilerplate yields none.
pub fn extract(doc: &Document) -> DocumentClaims {
    let lex_ = lexicon_of(doc);
    let text = doc.text.as_str();
    let prepared = Prepared::new(text);
    let offsets = Offsets::new(text);
    let reference = doc.published;
    let sentences: Vec<Vec<lex::Tok>> = prepared
        .sentences
        .iter()
        .map(|r| lex::lex(text, r.clone()))
        .collect();

    // Words seen capitalised away from a sentence start are names wherever they stand.
    let mut capitalised: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for toks in &sentences {
        for (k, t) in toks.iter().enumerate().skip(1) {
            if t.is_capitalised() && toks[k - 1].is_word() {
                capitalised.insert(t.lower.as_ref());
            }
        }
    }

    let mut claims = Vec::new();
    let mut mentions = Vec::new();
    // The last claimant named, for `selon la même source` further on.
    let mut last_claimant: Option<String> = None;
    let urls: Vec<std::ops::Range<usize>> = crate::text::urls::ranges(text)
        .into_iter()
        .map(|r| offsets.char(r.start)..offsets.char(r.end))
        .collect();
    for (k, (toks, range)) in sentences.iter().zip(&prepared.sentences).enumerate() {
        let before = claims.len();
        sentence_claims(lex_, text, &offsets, toks, reference, &mut claims);
        if !urls.is_empty() {
            let stated: Vec<Claim> = claims
                .drain(before..)
                .filter(|c: &Claim| !urls.iter().any(|u| u.contains(&c.span.start)))
                .collect();
            claims.extend(stated);
        }
        let named = entities::mentions(lex_, toks, &capitalised);
        // Most sentences state no figure; their text and claimant are looked up only when
        // one does.
        if claims.len() > before {
            let claimant_at = attribution::claimant(lex_, toks);
            let mut claimant =
                claimant_at.map(|(s, e)| text[toks[s].start..toks[e - 1].end].to_string());
            let names: Vec<(usize, usize)> = named
                .iter()
                .map(|&(s, e, _)| (s, e))
                .filter(|&(s, e)| claimant_at.is_none_or(|(cs, ce)| e <= cs || s >= ce))
                // `l'échelle de Richter` names a scale, not what a figure is about.
                .filter(|&(s, e)| {
                    !(e == s + 1 && lex_.magnitude_words.contains(&toks[s].lower.as_ref()))
                })
                .collect();
            // The one name of a sentence, standing as its subject, is what all its figures are
            // about: `Marine Le Pen a rassemblé 41,46 % des suffrages, soit 13,3 millions de
            // voix`.
            let subject = match names.as_slice() {
                [(s, e)] if *s <= SUBJECT_START => Some((*s, *e)),
                _ => None,
            };
            inherit_nouns(lex_, toks, &offsets, &mut claims[before..]);
            for c in &mut claims[before..] {
                // The subject is not what a figure is about when it is the figure's own noun
                // (`Les 34e Jeux olympiques`).
                let own = |(s, e): (usize, usize)| {
                    offsets.char(toks[s].start) < c.span.end
                        && offsets.char(toks[e - 1].end) > c.span.start
                };
                c.entity = attached(lex_, toks, &offsets, c.span.start, c.span.end, &names)
                    .or(subject.filter(|&n| !own(n)))
                    .map(|(s, e)| text[toks[s].start..toks[e - 1].end].to_string());
            }
            if let Some(named) = &claimant {
                if attribution::refers_back(lex_, named) {
                    claimant.clone_from(&last_claimant);
                } else {
                    last_claimant = Some(named.clone());
                }
            }
            let words = toks.iter().filter(|t| t.is_word()).count();
            let previous = (words < SHORT_SENTENCE_WORDS && k > 0)
                .then(|| text[prepared.sentences[k - 1].clone()].to_string());
            let previous = previous.map(|p| tail(&p, MAX_CONTEXT_BYTES).to_string());
            let windows = Windows::new(text, range.clone(), offsets.char(range.start));
            for c in &mut claims[before..] {
                c.sentence = windows.around(c.span.start, c.span.end);
                c.claimant.clone_from(&claimant);
                c.previous_sentence.clone_from(&previous);
            }
        }
        for (s, e, kind) in named {
            mentions.push(EntityMention {
                text: text[toks[s].start..toks[e - 1].end].to_string(),
                span: span(&offsets, toks[s].start, toks[e - 1].end),
                kind,
            });
        }
    }

    let quotes = quotes::find(lex_, text, |pos| prepared.is_content(pos))
        .into_iter()
        .map(|q| Quote {
            text: text[q.inner.clone()].to_string(),
            span: span(&offsets, q.inner.start, q.inner.end),
            speaker: q.speaker.map(|s| text[s].to_string()),
        })
        .collect();

    DocumentClaims {
        id: doc.id.clone(),
        published: doc.published,
        claims,
        quotes,
        entities: mentions,
    }
}

/// A bare count that is part of a total (`dont 780 000 en Bretagne`), stands against another
/// (`contre 2,5 millions`) or in parentheses (`Taroudant (452)`) counts what the sentence's
/// figure before it counts: it takes that figure's noun. One announced as `le nombre des X`
/// counts X.
fn inherit_nouns(lex_: &Lexicon, toks: &[lex::Tok], offsets: &Offsets, claims: &mut [Claim]) {
    for k in 0..claims.len() {
        let c = &claims[k];
        if c.kind != ClaimKind::Count || c.noun.is_some() || c.modifier != Modifier::Exact {
            continue;
        }
        let at = toks.partition_point(|t| offsets.char(t.start) < c.span.start);
        let Some(before) = at.checked_sub(1).map(|p| toks[p].lower.as_ref()) else {
            continue;
        };
        if let Some(noun) = quantity::counted_noun_before(lex_, toks, at) {
            claims[k].noun = Some(noun.text.to_string());
            continue;
        }
        if before != "("
            && !lex_.part_words.contains(&before)
            && !lex_.contrast_words.contains(&before)
        {
            continue;
        }
        let noun = claims[..k]
            .iter()
            .rev()
            .find(|p| p.kind == ClaimKind::Count && p.noun.is_some())
            .and_then(|p| p.noun.clone());
        claims[k].noun = noun;
    }
}

/// How far into its sentence a name may start and still be its subject (after a determiner or
/// a title: `Le président Emmanuel Macron`).
const SUBJECT_START: usize = 2;

/// How many words may stand between a time of day and its restatement on another clock (`at 11
/// pm on Friday (2200 GMT)`).
const RESTATED_GAP: usize = 3;

/// How many tokens may stand between a figure and the name it is attached to.
const ATTACH_WINDOW: usize = 6;
/// How many tokens a comma between a figure and a name counts for, in choosing the nearest.
const COMMA_GAP: usize = 2;

/// The name nearest the claim whose characters are `[start, end)`, within [`ATTACH_WINDOW`]
/// tokens and not across a clause break (`;`, `.`) or the word that opens the parts of a
/// total (`2 012 morts, dont 1 293 à Al-Haouz`: the total is no one place's).
fn attached(
    lex_: &Lexicon,
    toks: &[lex::Tok],
    offsets: &Offsets,
    start: usize,
    end: usize,
    names: &[(usize, usize)],
) -> Option<(usize, usize)> {
    if names.is_empty() {
        return None;
    }
    let first = toks.partition_point(|t| offsets.char(t.start) < start);
    let last = toks
        .partition_point(|t| offsets.char(t.end) <= end)
        .saturating_sub(1)
        .max(first);
    if first >= toks.len() {
        return None;
    }
    let breaks = |a: usize, b: usize| {
        toks[a.min(b)..a.max(b)].iter().any(|t| {
            matches!(t.text, ";" | "." | "!" | "?") || lex_.part_words.contains(&t.lower.as_ref())
        })
    };
    names
        .iter()
        .filter_map(|&(s, e)| {
            let gap = if e <= first {
                first - e
            } else if s > last {
                s - last - 1
            } else {
                return None;
            };
            let (a, b) = if e <= first { (e, first) } else { (last, s) };
            // A comma or a conjunction between weakens the link: in `193 km/h à Plougonvelin,
            // 171 km/h à Lanvéoc et 170 km/h à Brest`, each figure is the following place's.
            let commas = toks[a.min(b)..a.max(b)]
                .iter()
                .filter(|t| t.text == "," || lex_.list_joiners.contains(&t.lower.as_ref()))
                .count();
            let weighed = gap + COMMA_GAP * commas;
            (weighed <= ATTACH_WINDOW && !breaks(a, b)).then_some((weighed, s, e))
        })
        .min()
        .map(|(_, s, e)| (s, e))
}

/// How far before `en` a "first" may stand: `la première visite d'un président russe en 24 ans`.
const FIRST_WINDOW: usize = 8;

/// Whether the expression starting at `start` is introduced as a "since" or "first in": the
/// token before it (or before its modifier) is `depuis`, or, for a duration, it is `en` and a
/// "first" stands shortly before in the same clause (`la première en plus de deux décennies`;
/// not `premières rencontres, en septembre 2023`).
fn introduces_since(lex_: &Lexicon, toks: &[lex::Tok], start: usize, duration: bool) -> bool {
    let Some(prev) = start.checked_sub(1).map(|p| toks[p].lower.as_ref()) else {
        return false;
    };
    if lex_.since_words.contains(&prev) {
        return true;
    }
    // `depuis les années 2000`: a determiner may stand between.
    if matches!(prev, "les" | "le" | "la" | "l")
        && start >= 2
        && lex_.since_words.contains(&toks[start - 2].lower.as_ref())
    {
        return true;
    }
    if prev != "en" || !duration {
        return false;
    }
    let window = &toks[start.saturating_sub(FIRST_WINDOW + 1)..start - 1];
    window
        .iter()
        .rev()
        .take_while(|t| !matches!(t.lower.as_ref(), "," | ";" | ":" | "."))
        .any(|t| lex_.first_words.contains(&t.lower.as_ref()))
}

/// The claims of one sentence, without its text and claimant, which the caller fills in.
fn sentence_claims(
    lex_: &Lexicon,
    text: &str,
    offsets: &Offsets,
    toks: &[lex::Tok],
    reference: Option<NaiveDate>,
    out: &mut Vec<Claim>,
) {
    let mut i = 0;
    // The last single day stated, as (first token, token after it, index in `out`, day,
    // relative): a time of day right after it is a time on that day.
    let mut last_day: Option<(usize, usize, usize, NaiveDate, bool)> = None;
    // Where the last time of day ended, in tokens.
    let mut last_clock_end: Option<usize> = None;
    while i < toks.len() {
        let claim = |kind, start: usize, end: usize, value, modifier, noun, relative: bool| Claim {
            kind,
            text: text[toks[start].start..toks[end - 1].end].to_string(),
            span: span(offsets, toks[start].start, toks[end - 1].end),
            sentence: String::new(),
            value,
            modifier,
            noun,
            claimant: None,
            entity: None,
            reference: if relative { reference } else { None },
            previous_sentence: None,
        };
        // Whether any matcher may start here: most tokens are plain words.
        let may = lex_.may_start_at(toks, i);
        // A time of day first: `entre 18 et 20 heures` is no range of durations.
        if (may || lex_.may_open_clock(&toks[i].lower))
            && clock::may_start(lex_, toks, i)
            && let Some(c) = clock::clock_at(lex_, toks, i)
        {
            // `à 23h11 (22h11 GMT)`: the same moment again on another clock, no claim of its own.
            // A day or a place may stand between them (`at 11 pm on Friday (2200 GMT)`).
            let restated = c.start > 0
                && toks[c.start - 1].text == "("
                && last_clock_end.is_some_and(|end| {
                    end < c.start
                        && c.start - 1 - end <= RESTATED_GAP
                        && toks[end..c.start - 1]
                            .iter()
                            .all(|t| t.is_word() && !t.is_number())
                });
            if restated {
                i = c.end;
                continue;
            }
            let joined = last_day.filter(|&(_, end, index, ..)| {
                index + 1 == out.len()
                    && toks[end..c.start].iter().all(|t| {
                        t.lower == "," || lex_.clock_prepositions.contains(&t.lower.as_ref())
                    })
                    && c.start - end <= 2
            });
            let night = c
                .night_of
                .and_then(|w| Some((time::weekday_date(reference?, w, 0)?, true)));
            let (start, day, relative) = match (joined, night) {
                (Some((start, _, _, day, relative)), _) => {
                    out.pop();
                    (start, Some(day), relative)
                }
                (None, Some((day, relative))) => (c.start, Some(day), relative),
                (None, None) => (c.start, None, false),
            };
            let grain = if c.minutes_given {
                Grain::Minute
            } else {
                Grain::Hour
            };
            out.push(claim(
                ClaimKind::Time,
                start,
                c.end,
                Value::Clock(value::ClockRange {
                    day,
                    from: c.from,
                    to: c.to,
                    grain,
                }),
                c.modifier,
                None,
                relative,
            ));
            last_day = None;
            last_clock_end = Some(c.end);
            i = c.end;
            continue;
        }
        // A range of figures first: its first figure alone would be read without its noun.
        let range = quantity::range_at(lex_, toks, i);
        let bounded = match range {
            None if lex_.may_open_period(&toks[i].lower) => {
                time::bounded_at(lex_, toks, i, reference).or_else(|| {
                    time::part_at(lex_, toks, i, reference).map(|m| (m, Modifier::Exact))
                })
            }
            _ => None,
        };
        if let Some((m, modifier)) = bounded {
            out.push(claim(
                ClaimKind::Date,
                i,
                m.end,
                Value::Date(m.value),
                modifier,
                None,
                m.relative,
            ));
            i = m.end;
            continue;
        }
        if range.is_none() && !may {
            i += 1;
            continue;
        }
        if range.is_none()
            && let Some(m) = time::time_at(lex_, toks, i, reference)
        {
            let kind = if introduces_since(lex_, toks, i, false) {
                ClaimKind::Since
            } else {
                ClaimKind::Date
            };
            last_day = match (m.value.from, m.value.grain) {
                (Some(d), Grain::Day) if m.value.to == Some(d) && kind == ClaimKind::Date => {
                    Some((i, m.end, out.len(), d, m.relative))
                }
                _ => None,
            };
            out.push(claim(
                kind,
                i,
                m.end,
                Value::Date(m.value),
                Modifier::Exact,
                None,
                m.relative,
            ));
            i = m.end;
            continue;
        }
        if let Some(q) = range.or_else(|| quantity::quantity_at(lex_, toks, i)) {
            let noun = q
                .noun
                .map(|(s, e)| text[toks[s].start..toks[e - 1].end].to_string())
                .or(q.unit_word.clone());
            let since = q.unit == Unit::Seconds && introduces_since(lex_, toks, q.start, true);
            if since && let Some(r) = reference {
                // `depuis 24 ans`: the anchor is 24 years before the article; a bound on the
                // duration bounds the anchor the other way (`plus de 20 ans` → before).
                let shift = |v: f64| time::shift(r, v, 1.0);
                let older = q.range.hi.and_then(shift);
                let newer = q.range.lo.filter(|&v| v > 0.0).and_then(shift);
                let grain = lex_
                    .units
                    .iter()
                    .find(|u| {
                        Some(u.word) == q.unit_word.as_deref().map(str::to_lowercase).as_deref()
                    })
                    .map_or(Grain::Day, |u| {
                        time::shift(r, 1.0, u.factor).map_or(Grain::Day, |s| s.1)
                    });
                let value = match (older, newer) {
                    (Some((a, _)), Some((b, _))) if a == b => {
                        time::at_grain(a, grain).unwrap_or(DateRange::day(a))
                    }
                    (older, newer) => DateRange {
                        from: older.map(|o| o.0),
                        to: newer.map(|n| n.0).or(Some(r)),
                        grain: Grain::Day,
                    },
                };
                out.push(claim(
                    ClaimKind::Since,
                    q.start,
                    q.end,
                    Value::Date(value),
                    q.modifier,
                    noun,
                    true,
                ));
            } else {
                out.push(claim(
                    q.unit.kind(),
                    q.start,
                    q.end,
                    Value::Quantity {
                        range: q.range,
                        unit: q.unit,
                    },
                    q.modifier,
                    noun,
                    false,
                ));
            }
            i = q.end;
            continue;
        }
        i += 1;
    }
}
