//! Entry points for fuzzing: each takes arbitrary bytes and drives one stage the way a hostile
//! corpus would. None may panic, hang or allocate without bound. The libFuzzer targets under
//! `fuzz/` call these, and `tests/fuzz_regressions.rs` runs them on every input the fuzzers
//! kept (crashes included) and on generated ones, so the regressions run in `cargo test`.

use std::path::Path;

use crate::corpus::{self, Document, Format, LoadOptions};
use crate::error::Location;

/// Limits as the command line sets them by default, smaller: a fuzzer's input is small.
fn options() -> LoadOptions {
    LoadOptions {
        max_doc_bytes: 1 << 20,
        ..LoadOptions::default()
    }
}

fn read(name: &str, data: &[u8], format: Format) -> Vec<Document> {
    corpus::parse(name, data, Some(format), &options()).documents
}

/// Plain text and Markdown with front matter.
pub fn text(data: &[u8]) {
    let docs = read("fuzz.md", data, Format::Markdown);
    for d in &docs {
        assert!(!d.text.trim().is_empty(), "an empty document was kept");
    }
}

/// HTML pages.
pub fn html(data: &[u8]) {
    read("fuzz.html", data, Format::Html);
}

/// JSON Lines records.
pub fn jsonl(data: &[u8]) {
    let docs = read("fuzz.jsonl", data, Format::Jsonl);
    let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), docs.len(), "duplicate ids were not renamed");
}

/// The documents a fuzzer's input stands for: its text cut at NUL bytes, each piece an article
/// (lossy UTF-8), dated by its first byte so that event windows and timelines come into play.
fn documents(data: &[u8]) -> Vec<Document> {
    data.split(|&b| b == 0)
        .take(16)
        .enumerate()
        .map(|(k, piece)| {
            let mut d = Document::new(
                format!("d{k:02}"),
                String::from_utf8_lossy(piece).into_owned(),
                Location::file("fuzz"),
            );
            let day = piece.first().map_or(0, |b| u64::from(b % 20));
            d.published = chrono::NaiveDate::from_ymd_opt(2024, 6, 1)
                .and_then(|base| base.checked_add_days(chrono::Days::new(day)));
            d.lang = Some("fr".into());
            d
        })
        .collect()
}

/// Claim extraction on one article; every span lies inside its text.
pub fn claims(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::new("fuzz", text, Location::file("fuzz"));
    let chars = doc.text.chars().count();
    let found = crate::claims::extract(&doc);
    for c in &found.claims {
        assert!(c.span.start <= c.span.end && c.span.end <= chars, "{c:?}");
    }
    for q in &found.quotes {
        assert!(q.span.end <= chars, "{q:?}");
    }
}

/// The comparison of several articles: slots, verdicts, quote and name variants.
pub fn compare(data: &[u8]) {
    let docs = documents(data);
    let extraction = crate::claims::extract_all(&docs);
    let params = crate::compare::CompareParams::default();
    let comparison =
        crate::compare::compare(&docs, &extraction, &params).expect("default parameters are valid");
    for slot in &comparison.slots {
        assert!(slot.claims.len() >= 2, "a slot of one claim");
    }
}

/// An index file: whatever its bytes, it is refused with an error or opened and queried. The
/// bytes are also tried resealed (the magic and version of a real index, their own length and
/// checksum), so that the fuzzer reaches the parser behind the checksum.
pub fn index(data: &[u8]) {
    open_and_query(data.to_vec());
    if data.len() >= 40 {
        static HEADER: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        let header = HEADER.get_or_init(|| sample_index()[..16].to_vec());
        let mut b = data.to_vec();
        b[..16].copy_from_slice(header);
        let n = b.len();
        b[16..24].copy_from_slice(&(n as u64).to_le_bytes());
        let sum = xxhash_rust::xxh3::xxh3_64(&b[..n - 8]);
        b[n - 8..].copy_from_slice(&sum.to_le_bytes());
        open_and_query(b);
    }
}

fn open_and_query(bytes: Vec<u8>) {
    use crate::dedup::index::{self, Index};
    let Ok(idx) = Index::from_bytes(Path::new("fuzz.idx"), bytes) else {
        return;
    };
    let params = crate::dedup::DedupParams {
        shingling: idx.params().shingling,
        permutations: idx.params().permutations,
        seed: idx.params().seed,
        passages: false,
        ..Default::default()
    };
    let docs = documents(b"Le sommet de Pyongyang a dure deux jours, selon le Kremlin.");
    let _ = index::query(&idx, &docs, &params, &());
}

/// A valid index of a few documents, for fuzzers to start from and mutate.
pub fn sample_index() -> Vec<u8> {
    let docs = documents(
        b"Le sommet a dure deux jours et 7000 conteneurs ont ete livres.\0Une autre \
          histoire: 12 personnes sont venues mardi a la mairie de Lyon.",
    );
    let params = crate::dedup::DedupParams {
        permutations: 16,
        passages: false,
        ..Default::default()
    };
    crate::dedup::index::build(&docs, &params, &()).expect("a small index builds")
}
