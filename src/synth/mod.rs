//! A deterministic synthetic news corpus with known duplicate clusters, for tests, benchmarks and
//! comparisons with other tools. Texts are made of pseudo-words drawn with a Zipf law (so common
//! words are shared by every document, as in real news), in sentences and paragraphs of news
//! length; copies are made by the edits that republished copy undergoes.

pub mod news;

use std::collections::VecDeque;

use serde::Serialize;

use crate::dedup::minhash::splitmix64;

/// What a copy went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Edit {
    /// A few words substituted, a sentence deleted and one inserted.
    Light,
    /// More words substituted and several sentences changed.
    Heavy,
    /// Paragraphs in another order.
    Reorder,
    /// Boilerplate added before and after.
    Boilerplate,
    /// Only the first part kept.
    Truncate,
    /// The whole original inside a longer article.
    Embed,
}

const EDITS: [Edit; 6] = [
    Edit::Light,
    Edit::Heavy,
    Edit::Reorder,
    Edit::Boilerplate,
    Edit::Truncate,
    Edit::Embed,
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SynthDoc {
    pub id: String,
    pub text: String,
    pub published: String,
    /// The id of the original this document is a copy of (the original has its own id here);
    /// `None` for a document without copies.
    pub cluster: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GenParams {
    pub documents: usize,
    /// Share of documents that are copies of another.
    pub duplicate_rate: f64,
    pub seed: u64,
    /// Mean number of words of an original.
    pub mean_words: usize,
    /// How much light and heavy copies are edited: 1 is the default (light: 1% of words
    /// substituted and 2 sentences changed; heavy: 3% and 6), 2 doubles both, 0 copies verbatim.
    pub edit_rate: f64,
}

impl Default for GenParams {
    fn default() -> Self {
        GenParams {
            documents: 1000,
            duplicate_rate: 0.3,
            seed: 7,
            mean_words: 600,
            edit_rate: 1.0,
        }
    }
}

pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        splitmix64(&mut self.0)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

const VOCABULARY: usize = 30_000;
const SYLLABLES: &[&str] = &[
    "la", "le", "de", "ré", "pu", "bli", "que", "mi", "nis", "tre", "con", "fé", "ren", "ce",
    "pré", "si", "dent", "ac", "cord", "vi", "si", "te", "par", "ti", "sé", "cu", "ri", "té", "é",
    "co", "no", "mie", "ter", "ri", "toi", "re", "for", "ces", "ar", "mée", "pro", "jet", "lo",
    "ca", "tion", "gou", "ver", "ne", "ment", "dé", "pu", "tés", "mar", "ché", "in", "dus", "tri",
    "el",
];

struct Words {
    words: Vec<String>,
    /// Cumulative Zipf weights, for sampling by binary search.
    cumulative: Vec<f64>,
}

impl Words {
    fn new(rng: &mut Rng) -> Self {
        let mut words = Vec::with_capacity(VOCABULARY);
        let mut seen = std::collections::HashSet::new();
        while words.len() < VOCABULARY {
            // Frequent words are short, as in every language.
            let rank = words.len();
            let syllables = 1 + (rank > 100) as usize + (rank > 2000) as usize + rng.below(2);
            let w: String = (0..syllables)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=VOCABULARY)
            .map(|r| {
                total += 1.0 / (r as f64).powf(1.05);
                total
            })
            .collect();
        Words { words, cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }

    fn sentence(&self, rng: &mut Rng) -> String {
        let n = rng.range(8, 30);
        let mut s = String::new();
        for i in 0..n {
            let w = self.sample(rng);
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    s.extend(f.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push(' ');
                if rng.chance(0.04) {
                    // Numbers, as news has them: a claim-like token now and then.
                    s.push_str(&rng.range(2, 9999).to_string());
                    s.push(' ');
                }
                s.push_str(w);
            }
            if i + 1 < n && rng.chance(0.06) {
                s.push(',');
            }
        }
        s.push('.');
        s
    }

    /// Paragraphs of sentences, about `words` words in all.
    fn article(&self, rng: &mut Rng, words: usize) -> Vec<Vec<String>> {
        let mut paragraphs = Vec::new();
        let mut count = 0;
        while count < words {
            let mut p = Vec::new();
            for _ in 0..rng.range(2, 5) {
                let s = self.sentence(rng);
                count += s.split(' ').count();
                p.push(s);
            }
            paragraphs.push(p);
        }
        paragraphs
    }
}

fn render(paragraphs: &[Vec<String>]) -> String {
    paragraphs
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn substitute(words: &Words, rng: &mut Rng, paragraphs: &mut [Vec<String>], rate: f64) {
    for p in paragraphs.iter_mut() {
        for s in p.iter_mut() {
            let replaced: Vec<String> = s
                .split(' ')
                .map(|w| {
                    if rng.chance(rate) {
                        words.sample(rng).to_string()
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            *s = replaced.join(" ");
        }
    }
}

fn change_sentences(words: &Words, rng: &mut Rng, paragraphs: &mut [Vec<String>], n: usize) {
    for _ in 0..n {
        let p = rng.below(paragraphs.len());
        if paragraphs[p].len() > 1 && rng.chance(0.5) {
            let s = rng.below(paragraphs[p].len());
            paragraphs[p].remove(s);
        } else {
            let s = rng.below(paragraphs[p].len() + 1);
            paragraphs[p].insert(s, words.sentence(rng));
        }
    }
}

fn copy(words: &Words, rng: &mut Rng, original: &[Vec<String>], edit: Edit, rate: f64) -> String {
    let mut paragraphs = original.to_vec();
    let sentences = |n: f64| (n * rate).round() as usize;
    match edit {
        Edit::Light => {
            substitute(words, rng, &mut paragraphs, 0.01 * rate);
            change_sentences(words, rng, &mut paragraphs, sentences(2.0));
        }
        Edit::Heavy => {
            substitute(words, rng, &mut paragraphs, 0.03 * rate);
            change_sentences(words, rng, &mut paragraphs, sentences(6.0));
        }
        Edit::Reorder => {
            for i in (1..paragraphs.len()).rev() {
                let j = rng.below(i + 1);
                paragraphs.swap(i, j);
            }
        }
        Edit::Boilerplate => {
            let mut text = format!("Par {}\n", words.sentence(rng).trim_end_matches('.'));
            text.push_str(&render(&paragraphs));
            text.push_str("\nÀ lire aussi : ");
            text.push_str(&words.sentence(rng));
            text.push_str("\nAbonnez-vous à notre newsletter pour ne rien manquer.\n");
            return text;
        }
        Edit::Truncate => {
            let keep = (paragraphs.len() * rng.range(65, 85) / 100).max(1);
            paragraphs.truncate(keep);
        }
        Edit::Embed => {
            let mut longer = words.article(rng, 600);
            let at = rng.below(longer.len() + 1);
            for (n, p) in paragraphs.into_iter().enumerate() {
                longer.insert(at + n, p);
            }
            longer.extend(words.article(rng, 400));
            return render(&longer);
        }
    }
    render(&paragraphs)
}

/// Copies are made of one of this many most recent originals, as republished news follows
/// its original within days; it bounds what the generator holds, whatever the corpus size.
const RECENT_ORIGINALS: usize = 2000;

/// Generates the corpus. The same parameters give the same corpus on every machine.
pub fn generate(params: &GenParams) -> Vec<SynthDoc> {
    let mut docs = Vec::with_capacity(params.documents);
    generate_each(params, |d| {
        docs.push(d);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|e| match e {});
    docs
}

/// Generates the corpus document by document, in order, handing each to `each` once it is
/// final (an original is final once it can no longer be copied), so that memory stays bounded
/// for any number of documents. Stops at the first error of `each`.
pub fn generate_each<E>(
    params: &GenParams,
    mut each: impl FnMut(SynthDoc) -> Result<(), E>,
) -> Result<(), E> {
    let mut rng = Rng(params.seed);
    let words = Words::new(&mut rng);
    // (document number, paragraphs) of the originals that may still be copied.
    let mut originals: VecDeque<(usize, Vec<Vec<String>>)> = VecDeque::new();
    // Documents not yet handed over, numbered from `first_pending`.
    let mut pending: VecDeque<SynthDoc> = VecDeque::new();
    let mut first_pending = 0;
    let base = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    for n in 0..params.documents {
        let id = format!("doc{n:07}");
        let published = (base + chrono::Days::new((n / 50) as u64)).to_string();
        if !originals.is_empty() && rng.chance(params.duplicate_rate) {
            let (orig, paragraphs) = &originals[rng.below(originals.len())];
            let edit = EDITS[rng.below(EDITS.len())];
            let text = copy(&words, &mut rng, paragraphs, edit, params.edit_rate);
            let original = &mut pending[*orig - first_pending];
            let cluster = original.id.clone();
            original.cluster = Some(cluster.clone());
            pending.push_back(SynthDoc {
                id,
                text,
                published,
                cluster: Some(cluster),
                edit: Some(edit),
            });
        } else {
            let spread = params.mean_words / 3;
            let len = params.mean_words - spread + rng.below(2 * spread + 1);
            let paragraphs = words.article(&mut rng, len);
            pending.push_back(SynthDoc {
                id,
                text: render(&paragraphs),
                published,
                cluster: None,
                edit: None,
            });
            originals.push_back((n, paragraphs));
            if originals.len() > RECENT_ORIGINALS {
                originals.pop_front();
            }
        }
        let copiable_from = originals.front().map_or(n + 1, |o| o.0);
        while first_pending < copiable_from
            && let Some(done) = pending.pop_front()
        {
            first_pending += 1;
            each(done)?;
        }
    }
    pending.into_iter().try_for_each(each)
}

/// One document as a JSON Lines record (`id`, `text`, `published`, `cluster`, `edit`), with
/// its newline.
pub fn jsonl_line(doc: &SynthDoc) -> String {
    // Serialising plain strings and options cannot fail.
    let mut line = serde_json::to_string(doc).unwrap_or_default();
    line.push('\n');
    line
}

/// The corpus as JSON Lines.
pub fn to_jsonl(docs: &[SynthDoc]) -> String {
    docs.iter().map(jsonl_line).collect()
}

/// Ground-truth duplicate pairs `(i, j)`, `i < j`, by document index: documents sharing a cluster.
pub fn truth_pairs(docs: &[SynthDoc]) -> Vec<(usize, usize)> {
    let mut by_cluster: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, d) in docs.iter().enumerate() {
        if let Some(c) = &d.cluster {
            by_cluster.entry(c).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for members in by_cluster.values() {
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                out.push((i, j));
            }
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_news_length_with_the_asked_duplicate_share() {
        let params = GenParams {
            documents: 400,
            ..GenParams::default()
        };
        let a = generate(&params);
        assert_eq!(a, generate(&params));
        let copies = a.iter().filter(|d| d.edit.is_some()).count();
        assert!((90..=150).contains(&copies), "{copies} copies");
        let mean = a.iter().map(|d| d.text.len()).sum::<usize>() / a.len();
        assert!((3500..=7000).contains(&mean), "mean length {mean}");
        assert!(!truth_pairs(&a).is_empty());
    }

    #[test]
    fn edit_rate_moves_copies_away_from_their_original() {
        let similarity = |edit_rate: f64| {
            let docs = generate(&GenParams {
                documents: 300,
                edit_rate,
                ..GenParams::default()
            });
            let by_id: std::collections::HashMap<&str, &SynthDoc> =
                docs.iter().map(|d| (d.id.as_str(), d)).collect();
            let shingling = crate::dedup::Shingling::default();
            let set = |t: &str| crate::dedup::shingle::shingle_set(t, &[], shingling);
            let mut total = 0.0;
            let mut n = 0;
            for d in docs.iter().filter(|d| d.edit == Some(Edit::Light)) {
                let original = by_id[d.cluster.as_deref().unwrap_or_default()];
                let (a, b) = (set(&d.text), set(&original.text));
                let shared = crate::dedup::intersection(&a, &b);
                total += shared as f64 / (a.len() + b.len() - shared) as f64;
                n += 1;
            }
            total / n as f64
        };
        let (none, default, heavy) = (similarity(0.0), similarity(1.0), similarity(4.0));
        assert!((none - 1.0).abs() < 1e-9, "{none}");
        assert!(default < none && heavy < default - 0.1, "{default} {heavy}");
    }
}
