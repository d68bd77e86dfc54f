//! Criterion micro-benchmarks of each stage (reading, tokenising, shingling, signing, banding,
//! verifying, aligning, claim extraction, and the whole near-duplicate run), on committed data: the five articles
//! of `corpus/` and a 2,000-document corpus from the deterministic generator. Each benchmark
//! checks what it computed before timing it, so a stage that silently does nothing fails here.
//!
//! `cargo bench --bench stages`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use recoupe::corpus::{self, Document, LoadOptions};
use recoupe::dedup::{self, DedupParams, Signatures, lsh, minhash::MinHasher, shingle};
use recoupe::synth::{self, GenParams};
use recoupe::text::{self, boilerplate};

fn seed_documents() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = corpus::load(&[dir], &LoadOptions::default()).expect("corpus/ loads");
    assert_eq!(corpus.documents.len(), 5);
    corpus.documents
}

/// A generated 2,000-document JSON Lines file (kept while the directory lives) and its documents.
fn generated() -> (tempfile::TempDir, PathBuf, Vec<Document>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("g.jsonl");
    let docs = synth::generate(&GenParams {
        documents: 2000,
        ..GenParams::default()
    });
    std::fs::write(&path, synth::to_jsonl(&docs)).expect("write");
    let documents = corpus::load(std::slice::from_ref(&path), &LoadOptions::default())
        .expect("load")
        .documents;
    (dir, path, documents)
}

fn stages(c: &mut Criterion) {
    let seed_docs = seed_documents();
    let seeds: Vec<String> = seed_docs.iter().map(|d| d.text.clone()).collect();
    let bytes: usize = seeds.iter().map(String::len).sum();
    let params = DedupParams::default();

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes as u64));
    let words: usize = seeds.iter().map(|t| text::tokenize::words(t).len()).sum();
    assert!(words > 2500, "{words} words in the seeds");
    g.bench_function("tokenize_seeds", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &seeds {
                text::tokenize::for_each_word(black_box(t), |_, _| n += 1);
            }
            n
        })
    });
    g.bench_function("prepare_seeds", |b| {
        b.iter(|| {
            seeds
                .iter()
                .map(|t| text::Prepared::new(black_box(t)).sentences.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("dedup");
    g.throughput(Throughput::Bytes(bytes as u64));
    let sets: Vec<Vec<u64>> = seeds
        .iter()
        .map(|t| shingle::shingle_set(t, &boilerplate::detect(t), params.shingling))
        .collect();
    assert!(sets.iter().all(|s| s.len() > 300));
    g.bench_function("shingle_seeds", |b| {
        let mut toks = Vec::new();
        let mut out = Vec::new();
        b.iter(|| {
            let mut n = 0;
            for t in &seeds {
                shingle::tokens(
                    black_box(t),
                    &boilerplate::detect(t),
                    params.shingling.unit,
                    &mut toks,
                );
                shingle::shingles(&toks, params.shingling.k, &mut out);
                n += out.len();
            }
            n
        })
    });
    let hasher = MinHasher::new(params.permutations, params.seed);
    g.bench_function("sign_seeds_128", |b| {
        let mut sig = vec![0u32; params.permutations];
        b.iter(|| {
            for s in &sets {
                hasher.sign(black_box(s), &mut sig);
            }
            sig[0]
        })
    });
    g.finish();

    // Banding on the signatures of a generated corpus with known duplicates.
    let (_dir, path, docs) = generated();
    let total: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let file_bytes = std::fs::metadata(&path).expect("size").len();
    let mut g = c.benchmark_group("read");
    g.throughput(Throughput::Bytes(file_bytes));
    g.bench_function("jsonl_2000_docs", |b| {
        let stream = corpus::Stream::open(std::slice::from_ref(&path), &LoadOptions::default())
            .expect("open");
        b.iter(|| {
            let mut n = 0;
            stream
                .read(|batch| {
                    n += batch.documents.len();
                    Ok(())
                })
                .expect("read");
            assert_eq!(n, 2000);
            n
        })
    });
    g.finish();

    let mut sigs = Signatures::new(params.permutations);
    let mut sig = vec![0u32; params.permutations];
    for d in &docs {
        let set = shingle::shingle_set(&d.text, &boilerplate::detect(&d.text), params.shingling);
        hasher.sign(&set, &mut sig);
        sigs.push(&sig);
    }
    let banding = params.effective_banding();
    let skip = vec![false; docs.len()];
    let candidates = lsh::candidates(&sigs, banding, &skip);
    assert!(candidates.len() > 300, "{} candidates", candidates.len());
    let mut g = c.benchmark_group("lsh");
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("band_2000_docs", |b| {
        b.iter(|| lsh::candidates(black_box(&sigs), banding, &skip).len())
    });
    g.finish();

    // Exact verification and passages of the candidates found above.
    let sets: Vec<Vec<u64>> = docs
        .iter()
        .map(|d| shingle::shingle_set(&d.text, &boilerplate::detect(&d.text), params.shingling))
        .collect();
    let lsh_threshold = params.effective_lsh_threshold();
    let side = |i: u32| {
        let i = i as usize;
        (docs[i].id.as_str(), sets[i].as_slice(), sigs.get(i))
    };
    let verified: Vec<(u32, u32)> = candidates
        .iter()
        .copied()
        .filter(|&(i, j)| dedup::verify(side(i), side(j), &params, lsh_threshold).is_some())
        .collect();
    assert!(verified.len() > 300, "{} verified", verified.len());
    let mut g = c.benchmark_group("verify");
    g.throughput(Throughput::Elements(candidates.len() as u64));
    g.bench_function("candidates_2000_docs", |b| {
        b.iter(|| {
            candidates
                .iter()
                .filter(|&&(i, j)| {
                    dedup::verify(side(i), side(j), black_box(&params), lsh_threshold).is_some()
                })
                .count()
        })
    });
    g.finish();
    let mut g = c.benchmark_group("align");
    g.throughput(Throughput::Elements(verified.len() as u64));
    g.bench_function("passages_2000_docs", |b| {
        let (mut ta, mut tb) = (Vec::new(), Vec::new());
        b.iter(|| {
            let mut n = 0;
            for &(i, j) in &verified {
                let (a, b) = (&docs[i as usize].text, &docs[j as usize].text);
                shingle::tokens(a, &boilerplate::detect(a), params.shingling.unit, &mut ta);
                shingle::tokens(b, &boilerplate::detect(b), params.shingling.unit, &mut tb);
                let runs = dedup::align::shared_runs(&ta, &tb, params.shingling.k);
                n += dedup::align::passages(a, &ta, b, &tb, &runs).len();
            }
            assert!(n > 0);
            n
        })
    });
    g.finish();

    // Claim extraction on the seeds (real French news) and on the generated corpus.
    let seed_claims = recoupe::claims::extract_all(&seed_docs);
    let n_claims: usize = seed_claims.documents.iter().map(|d| d.claims.len()).sum();
    assert!(n_claims > 40, "{n_claims} claims in the seeds");
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(bytes as u64));
    let extract_seeds = || {
        seed_docs
            .iter()
            .map(|d| recoupe::claims::extract(black_box(d)).claims.len())
            .sum::<usize>()
    };
    g.bench_function("extract_seeds", |b| b.iter(extract_seeds));
    g.finish();
    // The same work counted in claims, for the claims-per-second figure.
    let mut g = c.benchmark_group("claims_counted");
    g.throughput(Throughput::Elements(n_claims as u64));
    g.bench_function("extract_seeds", |b| b.iter(extract_seeds));
    g.finish();

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total));
    let no_passages = DedupParams {
        passages: false,
        ..DedupParams::default()
    };
    let result = dedup::run(&docs, &no_passages, &()).expect("dedup");
    assert!(
        result.clusters.len() > 300,
        "{} clusters",
        result.clusters.len()
    );
    g.bench_function("dedup_2000_docs", |b| {
        b.iter(|| dedup::run(black_box(&docs), &no_passages, &()).map(|r| r.pairs.len()))
    });
    // From the file, texts dropped after signing and read again for the candidates.
    g.bench_function("stream_2000_docs", |b| {
        b.iter(|| {
            let stream = corpus::Stream::open(std::slice::from_ref(&path), &LoadOptions::default())
                .expect("open");
            let (_, streamed) = dedup::run_stream(&stream, &no_passages, &()).expect("stream");
            assert_eq!(streamed.pairs.len(), result.pairs.len());
            streamed.pairs.len()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
