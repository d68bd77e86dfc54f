//! A corpus read in batches, texts dropped and read again, gives what the in-memory run gives.

use recoupe::corpus::{self, Catalog, LoadOptions, Stream};
use recoupe::dedup::{self, DedupParams};
use recoupe::synth::{self, GenParams};

#[test]
fn streamed_scan_equals_the_in_memory_one() {
    let dir = tempfile::tempdir().unwrap();
    let docs = synth::generate(&GenParams {
        documents: 400,
        ..GenParams::default()
    });
    // Lines out of id order, one id used twice, and a second file read whole.
    let mut lines: Vec<String> = synth::to_jsonl(&docs).lines().map(String::from).collect();
    lines.reverse();
    lines.push(lines[3].clone());
    std::fs::write(dir.path().join("a.jsonl"), lines.join("\n")).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        format!("---\nid: zz\n---\n{}\n", docs[0].text),
    )
    .unwrap();
    let inputs = [dir.path().to_path_buf()];
    let options = LoadOptions::default();
    let params = DedupParams::default();

    let corpus = corpus::load(&inputs, &options).unwrap();
    let in_memory = dedup::run(&corpus.documents, &params, &()).unwrap();
    assert!(
        in_memory.pairs.len() > 50,
        "{} pairs",
        in_memory.pairs.len()
    );
    assert!(in_memory.pairs.iter().any(|p| !p.passages.is_empty()));
    assert!(
        in_memory
            .clusters
            .iter()
            .any(|c| c.members.contains(&"zz".to_string()))
    );

    for batch in [100_000, 1 << 30] {
        let stream = Stream::open(&inputs, &options)
            .unwrap()
            .with_batch_bytes(batch);
        let (catalog, streamed) = dedup::run_stream(&stream, &params, &()).unwrap();
        assert_eq!(streamed, in_memory, "batch {batch}");
        let expected = Catalog::from(&corpus);
        assert_eq!(catalog.documents, expected.documents);
        assert_eq!(catalog.diagnostics, expected.diagnostics);
        assert_eq!(catalog.bytes, expected.bytes);
        let scan = recoupe::report::Scan::new(catalog, params.clone(), streamed);
        let mut written = Vec::new();
        scan.write_json(&mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), scan.to_json());
    }
}

#[test]
fn passages_of_the_top_pairs_only_match_the_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let docs = synth::generate(&GenParams {
        documents: 200,
        ..GenParams::default()
    });
    let path = dir.path().join("g.jsonl");
    std::fs::write(&path, synth::to_jsonl(&docs)).unwrap();
    let options = LoadOptions::default();
    let run = |passage_pairs| {
        let stream = Stream::open(std::slice::from_ref(&path), &options).unwrap();
        let params = DedupParams {
            passage_pairs,
            ..DedupParams::default()
        };
        dedup::run_stream(&stream, &params, &()).unwrap().1
    };
    let (all, top) = (run(None), run(Some(5)));
    assert_eq!(all.pairs.len(), top.pairs.len());
    let mut ranked: Vec<_> = all.pairs.iter().collect();
    ranked.sort_by(|x, y| dedup::Pair::by_similarity(x, y));
    for (rank, pair) in ranked.iter().enumerate() {
        let other = top
            .pairs
            .iter()
            .find(|p| (&p.a, &p.b) == (&pair.a, &pair.b))
            .unwrap();
        if rank < 5 {
            assert!(!pair.passages.is_empty());
            assert_eq!(other.passages, pair.passages);
        } else {
            assert!(other.passages.is_empty());
        }
    }
}
