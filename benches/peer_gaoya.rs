//! gaoya, the Rust MinHash LSH library, run as its users would on a JSON Lines corpus: word
//! 5-gram shingles of the lowercased text, 32-bit MinHash with 128 permutations, an LSH index at
//! Jaccard 0.5 with the banding datasketch would choose, bulk insert and query in parallel.
//! Writes the duplicate pairs it finds, one `id<TAB>id` per line. Run by `benches/peers.sh`:
//!
//! `peer_gaoya CORPUS.jsonl PAIRS.tsv [THRESHOLD] [PERMUTATIONS]`
//!
//! Built as a bench target so that gaoya stays a dev-dependency; `cargo bench --no-run` builds it.

use std::io::{BufRead, Write};

use gaoya::minhash::{MinHashIndex, MinHasher, MinHasher32};
use rayon::prelude::*;
use recoupe::dedup::Banding;

fn shingles(text: &str, k: usize) -> Vec<String> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.len() < k {
        return vec![tokens.join(" ")];
    }
    tokens.windows(k).map(|w| w.join(" ")).collect()
}

fn main() {
    // `cargo bench` passes `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.len() < 2 {
        eprintln!("usage: peer_gaoya CORPUS.jsonl PAIRS.tsv [THRESHOLD] [PERMUTATIONS]");
        std::process::exit(2);
    }
    let threshold: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0.5);
    let permutations: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(128);
    let file = std::fs::File::open(&args[0]).expect("corpus");
    let mut ids = Vec::new();
    let mut texts = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("read corpus");
        let record: serde_json::Value = serde_json::from_str(&line).expect("JSON line");
        ids.push(record["id"].as_str().expect("id").to_string());
        texts.push(record["text"].as_str().expect("text").to_string());
    }
    let banding = Banding::optimal(threshold, permutations, 0.5, 0.5);
    let hasher = MinHasher32::new(banding.bands * banding.rows);
    let signatures: Vec<Vec<u32>> = texts
        .par_iter()
        .map(|t| hasher.create_signature(shingles(t, 5).iter()))
        .collect();
    let mut index = MinHashIndex::new(banding.bands, banding.rows, threshold);
    index.par_bulk_insert((0..ids.len()).collect(), signatures.clone());
    let matches = index.par_bulk_query(&signatures);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&args[1]).expect("pairs file"));
    for (i, found) in matches.iter().enumerate() {
        let mut found: Vec<usize> = found.iter().copied().filter(|&j| j > i).collect();
        found.sort_unstable();
        for j in found {
            writeln!(out, "{}\t{}", ids[i], ids[j]).expect("write pairs");
        }
    }
}
