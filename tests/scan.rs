//! The `scan` command end to end: the bundled corpus, constructed near-duplicate sets with known
//! answers, and the options that must not change results.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn bundled_corpus_scans_with_metadata_and_parameters() {
    let v = json_ok(
        recoupe()
            .args(["scan", "--format", "json"])
            .arg(corpus_dir()),
    );
    assert_eq!(v["schema"], "recoupe.scan/1");
    let docs = v["corpus"]["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[2]["id"], "002_39a025f67963c445");
    assert_eq!(docs[2]["published"], "2024-06-19");
    assert_eq!(docs[4]["published"], "2025-09-03");
    assert_eq!(docs[2]["lang"], "fr");
    // Front matter is 8 lines: the text starts on line 9.
    assert_eq!(docs[2]["origin"]["line"], 9);
    let params = &v["parameters"];
    assert_eq!(params["permutations"], 128);
    assert_eq!(params["shingling"]["k"], 5);
    assert_eq!(params["threshold"], 0.5);
    // The five seeds are independent articles: no near-duplicates.
    assert_eq!(v["dedup"]["pairs"].as_array().unwrap().len(), 0);
    assert_eq!(v["corpus"]["diagnostics"].as_array().unwrap().len(), 0);
}

#[test]
fn text_summary_names_the_parameters() {
    recoupe()
        .arg("scan")
        .arg(corpus_dir())
        .assert()
        .success()
        .stdout(predicate::str::contains("5 documents"))
        .stdout(predicate::str::contains("128 permutations"));
}

/// A: seed 002. B: A with a few words changed (a republished copy). C: A inside an article three
/// times longer (reuse with low Jaccard, high containment). D: an unrelated article.
fn near_duplicate_set(dir: &std::path::Path) -> String {
    let a = seed_body("002_39a025f67963c445.md");
    let b = a
        .replace("magnifiquement ornée", "richement décorée")
        .replace("Les discussions ont porté", "Les échanges ont porté")
        .replace("réactions mitigées", "réactions contrastées");
    let c = format!(
        "{}\n{}\n{}",
        seed_body("000_edd204e9060ac9fa.md"),
        a,
        seed_body("003_a01f2b4702158dec.md")
    );
    let d = seed_body("004_ef743cc3833b6adb.md");
    for (name, text) in [("a.txt", &a), ("b.txt", &b), ("c.txt", &c), ("d.txt", &d)] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    c
}

fn pair<'v>(v: &'v Value, a: &str, b: &str) -> &'v Value {
    v["dedup"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["a"] == a && p["b"] == b)
        .unwrap_or_else(|| panic!("no pair {a} ~ {b} in {}", v["dedup"]["pairs"]))
}

#[test]
fn known_duplicates_reuse_and_passages() {
    let dir = tempfile::tempdir().unwrap();
    let c_text = near_duplicate_set(dir.path());
    let v = json_ok(recoupe().args(["scan", "--format", "json"]).arg(dir.path()));

    let ab = pair(&v, "a", "b");
    assert!(ab["jaccard"].as_f64().unwrap() > 0.8, "{ab}");
    let ac = pair(&v, "a", "c");
    assert!(ac["jaccard"].as_f64().unwrap() < 0.5, "{ac}");
    assert!(ac["containment_a_in_b"].as_f64().unwrap() > 0.95, "{ac}");
    assert!(ac["containment_b_in_a"].as_f64().unwrap() < 0.5, "{ac}");

    let clusters = v["dedup"]["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0]["members"], serde_json::json!(["a", "b", "c"]));
    for p in v["dedup"]["pairs"].as_array().unwrap() {
        assert_ne!(p["a"], "d");
        assert_ne!(p["b"], "d");
    }

    // The passage of A found in C points at A's text inside C, by character offsets.
    let passages = ac["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    let longest = passages
        .iter()
        .max_by_key(|p| p["tokens"].as_u64().unwrap())
        .unwrap();
    let span = &longest["b"];
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars(&c_text, start, end), span["text"].as_str().unwrap());
    assert!(longest["tokens"].as_u64().unwrap() > 300);

    // The edited copy shares passages broken exactly where the words were changed.
    let ab_passages = ab["passages"].as_array().unwrap();
    assert!(ab_passages.len() >= 3);
    for p in ab_passages {
        assert!(
            !p["a"]["text"]
                .as_str()
                .unwrap()
                .contains("magnifiquement ornée")
        );
    }
}

#[test]
fn results_do_not_depend_on_threads_or_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let gen_path = dir.path().join("g.jsonl");
    recoupe()
        .args(["gen", "-n", "400", "--seed", "3", "-o"])
        .arg(&gen_path)
        .assert()
        .success();
    // The same documents split over two files, in both orders.
    let text = std::fs::read_to_string(&gen_path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (first, second) = lines.split_at(lines.len() / 2);
    let (p1, p2) = (dir.path().join("p1.jsonl"), dir.path().join("p2.jsonl"));
    std::fs::write(&p1, first.join("\n")).unwrap();
    std::fs::write(
        &p2,
        second.iter().rev().cloned().collect::<Vec<_>>().join("\n"),
    )
    .unwrap();

    let run = |threads: &str, paths: [&std::path::Path; 2]| {
        let mut v = json_ok(
            recoupe()
                .args(["--threads", threads, "scan", "--format", "json"])
                .args(paths),
        );
        // Where each document came from differs by construction; everything else must not.
        for d in v["corpus"]["documents"].as_array_mut().unwrap() {
            d.as_object_mut().unwrap().remove("origin");
        }
        v
    };
    let one = run("1", [&p1, &p2]);
    assert!(!one["dedup"]["clusters"].as_array().unwrap().is_empty());
    assert_eq!(one, run("2", [&p1, &p2]));
    assert_eq!(one, run("2", [&p2, &p1]));
}

#[test]
fn output_file_is_written_whole_and_readable() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("out/report.md");
    recoupe()
        .arg("scan")
        .arg(corpus_dir())
        .arg("-o")
        .arg(&report)
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.starts_with("# recoupe scan"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
    // No temporary file is left beside it.
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        1
    );
}

#[test]
fn character_shingles_and_explicit_banding_are_echoed() {
    let v = json_ok(
        recoupe()
            .args([
                "scan",
                "--format",
                "json",
                "--shingle",
                "chars:7",
                "--bands",
                "16",
                "--rows",
                "8",
                "--permutations",
                "128",
                "--seed",
                "9",
            ])
            .arg(corpus_dir()),
    );
    assert_eq!(v["parameters"]["shingling"]["unit"], "chars");
    assert_eq!(v["parameters"]["seed"], 9);
    assert_eq!(v["dedup"]["banding"]["bands"], 16);
    assert_eq!(v["dedup"]["banding"]["rows"], 8);
}

#[test]
fn bad_parameters_are_usage_errors() {
    for args in [
        vec!["--threshold", "1.5"],
        vec!["--shingle", "lines:3"],
        vec!["--bands", "20", "--rows", "10"],
        vec!["--permutations", "0"],
    ] {
        recoupe()
            .arg("scan")
            .args(&args)
            .arg(corpus_dir())
            .assert()
            .code(2)
            .stderr(predicate::str::is_empty().not());
    }
    recoupe().arg("scan").assert().code(2);
}

/// `reports/corpus-scan.md` is what the README's first command writes; it must match the code.
#[test]
fn committed_corpus_report_is_up_to_date() {
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/corpus-scan.md"),
    )
    .expect("reports/corpus-scan.md is committed");
    let out = recoupe().arg("scan").arg(corpus_dir()).assert().success();
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone()).unwrap(),
        committed,
        "reports/corpus-scan.md is out of date: run `cargo run --release -- scan corpus/ -o reports/corpus-scan.md`"
    );
}
