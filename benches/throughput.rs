//! End-to-end throughput: JSON Lines in, clusters out, on a generated corpus of news-length
//! articles with 30% near-duplicates, at 128 permutations. Prints the median of the runs and the
//! pair precision/recall of the clusters against the generator's ground truth, and fails if the
//! clusters are wrong, so a speed-up that breaks the result cannot pass unnoticed.
//!
//! `cargo bench --bench throughput` (10,000 documents; `RECOUPE_BENCH_DOCS=N` for another size,
//! `RECOUPE_BENCH_RUNS=N` for the number of timed runs).

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use recoupe::corpus::{self, LoadOptions};
use recoupe::dedup::{self, DedupParams};
use recoupe::synth::{self, GenParams};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let n = env_usize("RECOUPE_BENCH_DOCS", 10_000);
    let runs = env_usize("RECOUPE_BENCH_RUNS", 5).max(1);
    let docs = synth::generate(&GenParams {
        documents: n,
        ..GenParams::default()
    });
    let dir = tempfile::tempdir().expect("temporary directory");
    let path: PathBuf = dir.path().join("corpus.jsonl");
    std::fs::write(&path, synth::to_jsonl(&docs)).expect("write corpus");
    let file_bytes = std::fs::metadata(&path).expect("corpus size").len();
    let params = DedupParams {
        passages: false,
        ..DedupParams::default()
    };

    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..=runs {
        let start = Instant::now();
        let corpus = corpus::load(std::slice::from_ref(&path), &LoadOptions::default())
            .expect("load corpus");
        let loaded = start.elapsed().as_secs_f64();
        let result = dedup::run(&corpus.documents, &params, &()).expect("dedup");
        let total = start.elapsed().as_secs_f64();
        times.push((total, loaded));
        last = Some((corpus, result));
    }
    // The first run warms the page cache and the allocator; it is not counted.
    times.remove(0);
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (total, loaded) = times[times.len() / 2];
    let (corpus, result) = last.expect("at least one run");

    // Pair precision and recall of the clusters against the ground truth.
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let truth: std::collections::HashSet<(usize, usize)> =
        synth::truth_pairs(&docs).into_iter().collect();
    let mut found = std::collections::HashSet::new();
    for cluster in &result.clusters {
        let members: Vec<usize> = cluster.members.iter().map(|m| index[m.as_str()]).collect();
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                found.insert((i.min(j), i.max(j)));
            }
        }
    }
    let hits = found.intersection(&truth).count() as f64;
    let precision = hits / found.len().max(1) as f64;
    let recall = hits / truth.len().max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);

    let threads = rayon::current_num_threads();
    println!(
        "throughput: {n} documents, {:.1} MB JSONL, {} threads, median of {runs}: {total:.3} s \
         (load {loaded:.3} s, dedup {:.3} s) = {:.1} MB/s, {:.0} docs/s",
        file_bytes as f64 / 1e6,
        threads,
        total - loaded,
        file_bytes as f64 / 1e6 / total,
        n as f64 / total,
    );
    println!(
        "quality: {} clusters, {} verified pairs from {} candidates; cluster pairs precision {precision:.4} recall {recall:.4} F1 {f1:.4}",
        result.clusters.len(),
        result.pairs.len(),
        result.candidates
    );
    assert_eq!(
        corpus.documents.len(),
        n,
        "every generated document is read"
    );
    assert!(
        f1 >= 0.9,
        "cluster F1 {f1:.4} below 0.9: the engine is wrong, not slow"
    );
}
