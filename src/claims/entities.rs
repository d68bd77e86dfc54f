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
    capitalised_mid_sentence: &rustc_hash::FxHashSet<String>,
) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    let is_name_word = |t: &Tok| {
        t.is_capitalised()
            && t.is_word()
            && !lex.months.iter().any(|(m, _)| *m == t.lower)
            && !lex.weekdays.iter().any(|(d, _)| *d == t.lower)
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
                Some(t) if lex.name_particles.contains(&t.lower.as_ref()) => {
                    // A particle continues a name only if a capitalised word follows it.
                    let mut k = end + 1;
                    while toks
                        .get(k)
                        .is_some_and(|n| lex.name_particles.contains(&n.lower.as_ref()))
                    {
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
        let stop = lex.stopwords.contains(&first.lower.as_ref())
            || lex.person_titles.contains(&first.lower.as_ref()) && single;
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
            let kind = if lex.person_titles.contains(&before) {
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
        if lx < 6 || ly < 6 || lx.abs_diff(ly) > 1 {
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
        if !e.0.contains(&doc.as_str()) {
            e.0.push(doc);
        }
        e.1 += 1;
        e.2.push(*kind);
    }
    // Exact keys first.
    let mut by_key: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for s in spellings.keys() {
        by_key.entry(key(s)).or_default().push(s);
    }
    let keys: Vec<String> = by_key.keys().cloned().collect();
    // Union of keys that differ by a slip.
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut x = x;
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut slips: Vec<(usize, usize, f64)> = Vec::new();
    let representative = |k: &str| by_key[k][0];
    for a in 0..keys.len() {
        for b in a + 1..keys.len() {
            if let Some(s) = slip(representative(&keys[a]), representative(&keys[b])) {
                slips.push((a, b, s));
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[rb] = ra;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..keys.len() {
        let root = find(&mut parent, k);
        groups.entry(root).or_default().push(k);
    }
    let mut out: Vec<EntityGroup> = groups
        .values()
        .map(|members| {
            let mut variants: Vec<Variant> = members
                .iter()
                .flat_map(|&k| by_key[&keys[k]].iter())
                .map(|s| {
                    let (docs, count, _) = &spellings[s];
                    let mut documents: Vec<String> = docs.iter().map(|d| d.to_string()).collect();
                    documents.sort();
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
                        representative(&keys[a]),
                        representative(&keys[b])
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
    // Near misses: names sharing all but one word, or whose keys are close, kept apart.
    let names: Vec<(String, String)> = out.iter().map(|g| (g.name.clone(), key(&g.name))).collect();
    for g in &mut out {
        let own = key(&g.name);
        for (other, other_key) in &names {
            if *other_key == own {
                continue;
            }
            let jw = strsim::jaro_winkler(&own, other_key);
            let (wa, wb) = (words(&g.name), words(other));
            let shared = wa.iter().filter(|w| wb.contains(w)).count();
            if jw >= 0.9 && wa.len() > 1 && shared + 1 >= wa.len().max(wb.len()) {
                g.kept_apart.push(format!(
                    "“{other}”: the strings are close (Jaro-Winkler {jw:.3}) but a whole word differs, so it is another name"
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
