//! The generated news corpus as a user runs it (`gen --news` with its truth file), and the
//! report of a corpus of thousands of articles: every planted verdict kind comes out right in
//! most of its facts, and the Markdown stays a document a person can read, the rest in JSON.

mod common;

use std::collections::{BTreeMap, HashMap};

use common::{json, recoupe};

#[test]
fn a_generated_news_corpus_is_compared_as_its_truth_says_and_its_report_stays_readable() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news.jsonl");
    let truth = dir.path().join("truth.jsonl");
    recoupe()
        .args(["gen", "--news", "-n", "3000", "-q", "-o"])
        .arg(&corpus)
        .arg("--truth")
        .arg(&truth)
        .assert()
        .success();
    let out = recoupe()
        .args([
            "report",
            "-q",
            "--no-passages",
            "--format",
            "json",
            "-o",
            "-",
        ])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(out.status.success());
    let report = json(&out.stdout);
    let slots = report["comparison"]["slots"].as_array().unwrap();
    // Which slot holds each (document, character offset) of a claim.
    let mut slot_of: HashMap<(String, u64), usize> = HashMap::new();
    for (k, s) in slots.iter().enumerate() {
        for c in s["claims"].as_array().unwrap() {
            let doc = c["document"].as_str().unwrap().to_string();
            slot_of.insert((doc, c["span"]["start"].as_u64().unwrap()), k);
        }
    }
    // Per planted verdict: (facts, facts whose claims share a slot with that verdict).
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in std::fs::read_to_string(&truth).unwrap().lines() {
        let fact: serde_json::Value = serde_json::from_str(line).unwrap();
        let planted = fact["verdict"].as_str().unwrap().to_string();
        let mut verdicts: HashMap<usize, usize> = HashMap::new();
        for c in fact["claims"].as_array().unwrap() {
            // A claim's span starts at its figure, or a word before it (`au moins`).
            let doc = c["document"].as_str().unwrap().to_string();
            let start = c["start"].as_u64().unwrap();
            let found = (start.saturating_sub(12)..=start + 12)
                .find_map(|s| slot_of.get(&(doc.clone(), s)).copied());
            if let Some(k) = found {
                *verdicts.entry(k).or_default() += 1;
            }
        }
        let right = verdicts
            .iter()
            .filter(|(_, n)| **n >= 2)
            .any(|(k, _)| slots[*k]["verdict"]["kind"] == planted.as_str());
        let entry = tally.entry(planted).or_default();
        entry.0 += 1;
        entry.1 += usize::from(right);
    }
    for kind in [
        "agree",
        "conflict",
        "precision",
        "timeline",
        "attributed_difference",
    ] {
        let (facts, right) = tally.get(kind).copied().unwrap_or_default();
        assert!(facts >= 10, "{kind}: {facts} facts planted");
        assert!(
            right as f64 >= 0.6 * facts as f64,
            "{kind}: {right} of {facts} right ({tally:?})"
        );
    }

    let markdown = dir.path().join("report.md");
    recoupe()
        .args(["report", "-q", "--no-passages", "-o"])
        .arg(&markdown)
        .arg(&corpus)
        .assert()
        .success();
    let text = std::fs::read_to_string(&markdown).unwrap();
    assert!(text.len() < 1_500_000, "{} bytes", text.len());
    assert!(
        text.contains("more flagged slots (of"),
        "no pointer to the JSON for the flagged slots left out"
    );
    assert!(text.contains("more sources (of 3000)"));
}

/// Records the stages a run reports: (stage, total announced, advanced).
#[derive(Default)]
struct Stages(std::sync::Mutex<Vec<(String, u64, u64)>>);

impl recoupe::Progress for Stages {
    fn begin(&self, stage: &'static str, total: u64) {
        self.0.lock().unwrap().push((stage.to_string(), total, 0));
    }
    fn advance(&self, n: u64) {
        if let Some(last) = self.0.lock().unwrap().last_mut() {
            last.2 += n;
        }
    }
}

#[test]
fn extraction_and_comparison_report_their_progress() {
    let (news, _) = recoupe::synth::news::generate(&recoupe::synth::news::NewsParams {
        documents: 60,
        ..Default::default()
    });
    let docs: Vec<recoupe::corpus::Document> = news
        .iter()
        .map(|n| {
            let mut d = recoupe::corpus::Document::new(
                &n.id,
                n.text.clone(),
                recoupe::error::Location::file(&n.id),
            );
            d.published = n.published.parse().ok();
            d.lang = Some("fr".into());
            d
        })
        .collect();
    let stages = Stages::default();
    let extraction = recoupe::claims::extract_all_with(&docs, &stages);
    let params = recoupe::compare::CompareParams::default();
    let copies = recoupe::compare::Copies::default();
    recoupe::compare::compare_progress(&docs, &extraction, &params, &copies, &stages).unwrap();
    let seen = stages.0.into_inner().unwrap();
    assert_eq!(seen[0], ("extracting".to_string(), 60, 60));
    let (stage, total, done) = &seen[1];
    assert_eq!(stage, "comparing");
    assert!(*total > 0 && done == total, "{seen:?}");
}
