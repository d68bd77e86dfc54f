//! Named entities (people, places, organisations) and their spellings across sources.
//!
//! A mention is a run of capitalised words, with name particles inside (`Corée du Nord`) and
//! hyphenated parts (`Kim Jong-un`). Spellings are grouped when they differ only by case,
//! accents, hyphens or spaces (`Kim Jong-un`, `Kim Jong Un`, `Kim Jong-Un`), or by a one-letter
//! slip in a long word (Jaro-Winkler ≥ 0.93 with strsim, same number of words, words of under
//! six letters equal, lengths within one letter). Names whose words differ in substance stay apart even when the strings
//! are close (`Kim Jong-un` / `Kim Jong-Il`: `un` ≠ `il`), and the report says so.

use std::collections::BTreeMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::lang::Lexicon;
use super::lex::Tok;
use crate::dedup::cluster::UnionFind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    Unknown,
}

/// Token bounds of the names in one sentence. `sentence_initial_ok` lists words seen
/// capitalised mid-sentence in the document, so that a name opening a sentence is kept while
/// `Cette` or `Maintenant` is not.
pub fn mentions(
    lex: &Lexicon,
    toks: &[Tok],
    capitalised_mid_sentence: &rustc_hash::FxHashSet<&str>,
) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    let is_name_word = |t: &Tok| {
        t.is_capitalised()
            && t.is_word()
            && lex.month(&t.lower).is_none()
            && lex.weekday(&t.lower).is_none()
            // All-capital words longer than an acronym are headings (`ANALYSE`).
            && !(t.text.chars().count() > 5 && t.text.chars().all(|c| !c.is_lowercase()))
    };
    while i < toks.len() {
        if !is_name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            match toks.get(end) {
                Some(t) if is_name_word(t) => end += 1,
                Some(t) if t.lower == "-" && !t.space_before => {
                    // `Jong-un`: the part after the hyphen may be lower case.
                    if toks
                        .get(end + 1)
                        .is_some_and(|n| !n.space_before && n.is_word())
                    {
                        end += 2;
                    } else {
                        break;
                    }
                }
                Some(t) if lex.is_name_particle(&t.lower) => {
                    // A particle continues a name only if a capitalised word follows it.
                    let mut k = end + 1;
                    while toks.get(k).is_some_and(|n| lex.is_name_particle(&n.lower)) {
                        k += 1;
                    }
                    if toks.get(k).is_some_and(&is_name_word) {
                        end = k + 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        let single = end == i + 1;
        let first = &toks[i];
        let at_sentence_start = i == 0
            || toks[..i].iter().all(|t| !t.is_word())
            || matches!(
                toks[i - 1].lower.as_ref(),
                "." | "!" | "?" | "«" | "\"" | "“" | ":"
            );
        // An article capitalised inside a sentence is part of the name (`à La Rochelle`,
        // `selon Le Monde`); opening a sentence it is only the sentence's.
        let named_article =
            !at_sentence_start && !single && lex.articles.contains(&first.lower.as_ref());
        let stop = !named_article
            && (lex.is_stopword(&first.lower) || lex.is_person_title(&first.lower) && single);
        let keep = !stop
            && (!at_sentence_start
                || !single
                || capitalised_mid_sentence.contains(first.lower.as_ref()));
        if keep {
            let before = if i > 0 {
                toks[i - 1].lower.as_ref()
            } else {
                ""
            };
            let kind = if lex.is_person_title(before) {
                EntityKind::Person
            } else if matches!(before, "à" | "en" | "au" | "aux" | "vers" | "depuis") && single {
                EntityKind::Place
            } else if first.text.chars().all(|c| c.is_uppercase())
                && first.text.chars().count() >= 2
            {
                EntityKind::Organisation
            } else {
                EntityKind::Unknown
            };
            out.push((i, end, kind));
        }
        i = end;
    }
    out
}

/// The comparison key of a spelling: no case, accents, hyphens or spaces.
pub fn key(spelling: &str) -> String {
    spelling
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn words(spelling: &str) -> Vec<String> {
    spelling
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .map(key)
        .collect()
}

/// Whether two spellings differ only by a slip: same words, each close, short ones equal.
fn slip(a: &str, b: &str) -> Option<f64> {
    let (wa, wb) = (words(a), words(b));
    if wa.len() != wb.len() || wa.is_empty() {
        return None;
    }
    let mut worst: f64 = 1.0;
    for (x, y) in wa.iter().zip(&wb) {
        if x == y {
            continue;
        }
        // Short words must match exactly, and a slip changes the length by one letter at most:
        // `Russe`/`Russie` and `Ukraine`/`Ukrainien` are a country and its adjective.
        let (lx, ly) = (x.chars().count(), y.chars().count());
        if lx < SLIP_MIN_LEN || ly < SLIP_MIN_LEN || lx.abs_diff(ly) > 1 {
            return None;
        }
        let s = strsim::jaro_winkler(x, y);
        if s < 0.93 {
            return None;
        }
        worst = worst.min(s);
    }
    Some(worst)
}

/// Spellings sharing one blocking key that are compared pair by pair, at most: a larger block
/// (thousands of names sharing every word but one) says more about the corpus than about
/// slips, and comparing it would be quadratic.
const MAX_BLOCK: usize = 1000;

/// The pairs of spellings that may differ by a slip: those with the same number of words, the
/// same short words at the same places, all long words but one the same, and that one
/// starting or ending with the same two letters (a slip of one letter cannot change both ends
/// of a word of six or more) and of about the same length. Comparing every pair of names would
/// be quadratic in the names of a whole corpus.
fn slip_candidates(spellings: &[&str]) -> Vec<(usize, usize)> {
    // Key → (length window, members as (total length of the long words, index)).
    type Block = (usize, Vec<(usize, usize)>);
    let mut blocks: BTreeMap<Vec<String>, Block> = BTreeMap::new();
    for (i, s) in spellings.iter().enumerate() {
        let ws = words(s);
        let long: Vec<usize> = (0..ws.len())
            .filter(|&k| ws[k].chars().count() >= SLIP_MIN_LEN)
            .take(MAX_SLIP_WORDS)
            .collect();
        if long.is_empty() && ws.is_empty() {
            continue;
        }
        let length: usize = long.iter().map(|&k| ws[k].chars().count()).sum();
        // Each long word by its first or its last two letters, in every combination: a slip
        // of one letter keeps one of the two ends of a word of six letters or more, also
        // when it crosses words (`Volodymy rZelensky`).
        for choice in 0..1usize << long.len() {
            let mut key = ws.clone();
            for (bit, &k) in long.iter().enumerate() {
                let chars: Vec<char> = ws[k].chars().collect();
                key[k] = if choice >> bit & 1 == 0 {
                    format!("<{}", chars[..2].iter().collect::<String>())
                } else {
                    format!(">{}", chars[chars.len() - 2..].iter().collect::<String>())
                };
            }
            let block = blocks.entry(key).or_default();
            block.0 = long.len();
            block.1.push((length, i));
        }
    }
    let mut pairs = Vec::new();
    for (window, mut members) in blocks.into_values().filter(|b| b.1.len() <= MAX_BLOCK) {
        members.sort_unstable();
        for (x, &(la, a)) in members.iter().enumerate() {
            for &(lb, b) in &members[x + 1..] {
                if lb > la + window {
                    break;
                }
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Long words of a name given their ends in the slip blocking keys (2^n keys per name); the
/// words after them are compared as they are.
const MAX_SLIP_WORDS: usize = 5;

/// Blocking keys of a name's words for near misses: its words, and its words but one, sorted.
/// Two names sharing all but one word (or one name and itself plus a word) share a key.
fn near_miss_keys(ws: &[String]) -> Vec<Vec<&str>> {
    let mut all: Vec<&str> = ws.iter().map(String::as_str).collect();
    all.sort_unstable();
    let mut keys = vec![all.clone()];
    for k in 0..all.len() {
        let mut less = all.clone();
        less.remove(k);
        if !less.is_empty() {
            keys.push(less);
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Words shorter than this must be spelled the same in two variants of a name.
const SLIP_MIN_LEN: usize = 6;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Variant {
    pub spelling: String,
    pub mentions: usize,
    /// Documents using this spelling, sorted.
    pub documents: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityGroup {
    /// The most used spelling (ties: alphabetical).
    pub name: String,
    pub kind: EntityKind,
    pub variants: Vec<Variant>,
    /// Why the variants were merged.
    pub merged_because: Vec<String>,
    /// Close spellings deliberately kept as other entities, and why.
    pub kept_apart: Vec<String>,
}

/// One mention: spelling, document, kind.
pub type Mention = (String, String, EntityKind);

/// Groups the spellings of all documents.
pub fn group(mentions: &[Mention]) -> Vec<EntityGroup> {
    // Spelling → (documents, count, kind votes).
    let mut spellings: BTreeMap<&str, (Vec<&str>, usize, Vec<EntityKind>)> = BTreeMap::new();
    for (spelling, doc, kind) in mentions {
        let e = spellings.entry(spelling).or_default();
        e.0.push(doc);
        e.1 += 1;
        e.2.push(*kind);
    }
    for e in spellings.values_mut() {
        e.0.sort_unstable();
        e.0.dedup();
    }
    // Exact keys first.
    let mut by_key: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for s in spellings.keys() {
        by_key.entry(key(s)).or_default().push(s);
    }
    let keys: Vec<String> = by_key.keys().cloned().collect();
    let representatives: Vec<&str> = by_key.values().map(|v| v[0]).collect();
    // Union of keys that differ by a slip.
    let mut sets = UnionFind::new(keys.len());
    let mut slips: Vec<(usize, usize, f64)> = Vec::new();
    for (a, b) in slip_candidates(&representatives) {
        if let Some(s) = slip(representatives[a], representatives[b]) {
            slips.push((a, b, s));
            sets.union(a as u32, b as u32);
        }
    }
    let representative = |k: usize| representatives[k];
    let groups: Vec<Vec<usize>> = sets
        .groups()
        .into_iter()
        .map(|g| g.into_iter().map(|k| k as usize).collect())
        .collect();
    let mut out: Vec<EntityGroup> = groups
        .iter()
        .map(|members| {
            let mut variants: Vec<Variant> = members
                .iter()
                .flat_map(|&k| by_key[&keys[k]].iter())
                .map(|s| {
                    let (docs, count, _) = &spellings[s];
                    let documents: Vec<String> = docs.iter().map(|d| d.to_string()).collect();
                    Variant {
                        spelling: s.to_string(),
                        mentions: *count,
                        documents,
                    }
                })
                .collect();
            variants.sort_by(|x, y| y.mentions.cmp(&x.mentions).then(x.spelling.cmp(&y.spelling)));
            let name = variants[0].spelling.clone();
            let mut merged_because = Vec::new();
            for &k in members {
                let same = &by_key[&keys[k]];
                if same.len() > 1 {
                    merged_because.push(format!(
                        "{} differ only by case, accents, hyphens or spaces",
                        same.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>().join(", ")
                    ));
                }
            }
            for &(a, b, s) in &slips {
                if members.contains(&a) {
                    merged_because.push(format!(
                        "“{}” and “{}” differ by a slip (Jaro-Winkler {s:.3} on the differing word)",
                        representative(a),
                        representative(b)
                    ));
                }
            }
            let kinds: Vec<EntityKind> = members
                .iter()
                .flat_map(|&k| by_key[&keys[k]].iter())
                .flat_map(|s| spellings[s].2.iter().copied())
                .filter(|k| *k != EntityKind::Unknown)
                .collect();
            let kind = [EntityKind::Person, EntityKind::Place, EntityKind::Organisation]
                .into_iter()
                .max_by_key(|k| kinds.iter().filter(|x| *x == k).count())
                .filter(|k| kinds.contains(k))
                .unwrap_or(EntityKind::Unknown);
            EntityGroup {
                name,
                kind,
                variants,
                merged_because,
                kept_apart: Vec::new(),
            }
        })
        .collect();
    // Near misses: names sharing all but one word, whose keys are close, kept apart. Such
    // names share a word, so only groups meeting in a word's posting list are compared.
    let names: Vec<(String, Vec<String>)> =
        out.iter().map(|g| (key(&g.name), words(&g.name))).collect();
    let display: Vec<String> = out.iter().map(|g| g.name.clone()).collect();
    let mut postings: BTreeMap<Vec<&str>, Vec<usize>> = BTreeMap::new();
    let name_keys: Vec<Vec<Vec<&str>>> = names.iter().map(|(_, ws)| near_miss_keys(ws)).collect();
    for (g, keys) in name_keys.iter().enumerate() {
        for k in keys {
            postings.entry(k.clone()).or_default().push(g);
        }
    }
    for (g, group) in out.iter_mut().enumerate() {
        let (own, wa) = &names[g];
        if wa.len() < 2 {
            continue;
        }
        let mut others: Vec<usize> = name_keys[g]
            .iter()
            .map(|k| &postings[k])
            .filter(|list| list.len() <= MAX_BLOCK)
            .flat_map(|list| list.iter().copied())
            .filter(|&o| o != g)
            .collect();
        others.sort_unstable();
        others.dedup();
        for o in others {
            let (other_key, wb) = &names[o];
            if other_key == own {
                continue;
            }
            let shared = wa.iter().filter(|w| wb.contains(w)).count();
            if shared + 1 < wa.len().max(wb.len()) {
                continue;
            }
            let jw = strsim::jaro_winkler(own, other_key);
            if jw >= 0.9 {
                group.kept_apart.push(format!(
                    "“{}”: the strings are close (Jaro-Winkler {jw:.3}) but a whole word differs, so it is another name",
                    display[o]
                ));
            }
        }
    }
    out.sort_by(|a, b| {
        let total = |g: &EntityGroup| g.variants.iter().map(|v| v.mentions).sum::<usize>();
        total(b).cmp(&total(a)).then(a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str, d: &str) -> Mention {
        (s.into(), d.into(), EntityKind::Unknown)
    }

    #[test]
    fn blocking_keeps_every_slip() {
        let base = [
            "Volodymyr Zelensky",
            "Emmanuel Macron",
            "Charles de Gaulle",
            "Kim Jong-un",
            "Pyongyang",
            "Organisation des Nations unies",
        ];
        // Every base name with each letter doubled, dropped or swapped with the next.
        let mut names: Vec<String> = Vec::new();
        for b in base {
            let chars: Vec<char> = b.chars().collect();
            names.push(b.to_string());
            for i in 0..chars.len() {
                let mut dropped = chars.clone();
                dropped.remove(i);
                let mut doubled = chars.clone();
                doubled.insert(i, chars[i]);
                names.push(dropped.into_iter().collect());
                names.push(doubled.into_iter().collect());
                if i + 1 < chars.len() {
                    let mut swapped = chars.clone();
                    swapped.swap(i, i + 1);
                    names.push(swapped.into_iter().collect());
                }
            }
        }
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let candidates = slip_candidates(&refs);
        // Every slip of one letter is a candidate with its name (grouping then merges the
        // slips of one name through it).
        let mut slips = 0;
        for a in 0..refs.len() {
            for b in a + 1..refs.len() {
                if slip(refs[a], refs[b]).is_none() {
                    continue;
                }
                slips += 1;
                if base.contains(&refs[a]) {
                    assert!(
                        candidates.binary_search(&(a, b)).is_ok(),
                        "{} / {} missed",
                        refs[a],
                        refs[b]
                    );
                }
            }
        }
        assert!(slips > 1000, "{slips}");
        assert!(candidates.len() < refs.len() * (refs.len() - 1) / 4);
    }

    #[test]
    fn spellings_merge_and_near_misses_stay_apart() {
        let groups = group(&[
            m("Kim Jong-un", "a"),
            m("Kim Jong Un", "b"),
            m("Kim Jong-Un", "c"),
            m("Kim Jong-Il", "a"),
            m("Kim Il Sung", "b"),
            m("Vladimir Poutine", "a"),
            m("Vladimir Poutin", "b"),
        ]);
        let find = |n: &str| {
            groups
                .iter()
                .find(|g| g.variants.iter().any(|v| v.spelling == n))
                .unwrap()
        };
        let kim = find("Kim Jong-un");
        assert_eq!(kim.variants.len(), 3);
        assert!(!kim.merged_because.is_empty());
        assert!(kim.kept_apart.iter().any(|r| r.contains("Kim Jong-Il")));
        assert_eq!(find("Kim Jong-Il").variants.len(), 1);
        assert_eq!(find("Kim Il Sung").variants.len(), 1);
        assert_eq!(find("Vladimir Poutin").variants.len(), 2);
    }
}
