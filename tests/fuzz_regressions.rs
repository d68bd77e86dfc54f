//! The fuzz targets' regression inputs (every crash, hang or blow-up a fuzzer found, kept
//! under `fuzz/regressions/<target>/`), run through the same entry points as the fuzzers, and
//! a few hundred generated inputs per target so that the entry points are exercised even where
//! no regression is kept.

use proptest::prelude::*;
use recoupe::fuzzing;

type Target = (&'static str, fn(&[u8]));

const TARGETS: &[Target] = &[
    ("text", fuzzing::text),
    ("html", fuzzing::html),
    ("jsonl", fuzzing::jsonl),
    ("claims", fuzzing::claims),
    ("compare", fuzzing::compare),
    ("index", fuzzing::index),
];

#[test]
fn every_kept_input_runs_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut ran = 0;
    for (name, target) in TARGETS {
        let dir = root.join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            let started = std::time::Instant::now();
            target(&data);
            eprintln!("{}: {:?}", path.display(), started.elapsed());
            ran += 1;
        }
    }
    assert!(ran > 0, "no regression inputs under {}", root.display());
}

#[test]
fn an_index_survives_every_single_byte_change() {
    let good = fuzzing::sample_index();
    fuzzing::index(&good);
    for at in (0..good.len()).step_by(7) {
        let mut bad = good.clone();
        bad[at] ^= 0x5a;
        fuzzing::index(&bad);
        fuzzing::index(&good[..at]);
    }
}

/// Bytes that look like the inputs: mostly text with the markup of each format.
fn markup() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<p>".to_vec()),
        Just(b"</p>".to_vec()),
        Just(b"<div class=\"a\">".to_vec()),
        Just(b"<script>".to_vec()),
        Just(b"---\n".to_vec()),
        Just(b"title: x\n".to_vec()),
        Just(b"{\"id\": \"a\", \"text\": \"".to_vec()),
        Just(b"\"}\n".to_vec()),
        Just("« Nous viendrons », a dit M. Dupont. ".as_bytes().to_vec()),
        Just(
            "depuis 24 ans, 7 000 conteneurs, le 19 juin 2024 "
                .as_bytes()
                .to_vec()
        ),
        Just(b"\0".to_vec()),
        prop::collection::vec(any::<u8>(), 0..16),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_inputs_run_clean(data in markup()) {
        for (_, target) in TARGETS {
            target(&data);
        }
    }
}
