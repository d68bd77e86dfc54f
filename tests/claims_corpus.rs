//! Claims on the bundled corpus: the facts issue 3 names must be found with the right values,
//! and nothing from the sidebar or the reader comment of seed 001.

mod common;

use common::*;
use serde_json::Value;

fn extraction() -> Value {
    json_ok(
        recoupe()
            .args(["claims", "--format", "json"])
            .arg(corpus_dir()),
    )
}

fn doc<'v>(v: &'v Value, prefix: &str) -> &'v Value {
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"].as_str().unwrap().starts_with(prefix))
        .unwrap()
}

fn claim<'v>(d: &'v Value, text: &str) -> &'v Value {
    d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == text)
        .unwrap_or_else(|| panic!("no claim {text:?} in {}", d["id"]))
}

#[test]
fn the_named_facts_are_found_with_their_values() {
    let v = extraction();
    assert_eq!(v["schema"], "recoupe.claims/2");
    let (s1, s2, s3, s4) = (
        doc(&v, "001"),
        doc(&v, "002"),
        doc(&v, "003"),
        doc(&v, "004"),
    );

    let c = claim(s2, "24 ans");
    assert_eq!(c["kind"], "since");
    assert_eq!(c["value"]["from"], "2000-01-01");
    assert_eq!(c["value"]["to"], "2000-12-31");
    assert_eq!(c["reference"], "2024-06-19");

    let c = claim(s1, "années 2000");
    assert_eq!(c["kind"], "since");
    assert_eq!(
        (c["value"]["from"].as_str(), c["value"]["to"].as_str()),
        (Some("2000-01-01"), Some("2009-12-31"))
    );
    assert_eq!(c["value"]["grain"], "decade");

    let c = claim(s3, "plus de deux décennies");
    assert_eq!(c["kind"], "since");
    assert_eq!(c["modifier"], "more_than");
    assert!(c["value"].get("from").is_none());
    assert_eq!(c["value"]["to"], "2004-06-19");

    let c = claim(s1, "7000 conteneurs d’armement");
    assert_eq!(c["value"]["lo"], 7000.0);
    assert_eq!(c["claimant"], "le gouvernement Sud Coréen");
    assert_eq!(claim(s1, "deux jours")["value"]["lo"], 2.0 * 86_400.0);
    assert_eq!(claim(s1, "septembre 2023")["value"]["grain"], "month");
    assert_eq!(claim(s1, "mars dernier")["value"]["from"], "2024-03-01");
    assert_eq!(claim(s4, "80e anniversaire")["kind"], "ordinal");
    let c = claim(s4, "près de deux heures et demie");
    assert_eq!(c["value"]["hi"], 2.5 * 3600.0);
    assert_eq!(c["modifier"], "nearly");

    for (d, start) in [
        (s1, "Nous apprécions grandement"),
        (s2, "Nous apprécions beaucoup"),
    ] {
        let q = d["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .expect("Putin quote");
        assert_eq!(q["speaker"], "Vladimir Poutine");
    }

    let spellings = group_spellings(&v["entities"], "Kim Jong-un");
    for s in ["Kim Jong-un", "Kim Jong Un", "Kim Jong-Un"] {
        assert!(spellings.contains(&s), "{s} not grouped: {spellings:?}");
    }
    assert!(!spellings.contains(&"Kim Jong-Il"));
    assert!(!spellings.contains(&"Kim Il Sung"));
}

#[test]
fn sidebar_and_reader_comment_yield_nothing() {
    let v = extraction();
    let s1 = doc(&v, "001");
    let text = serde_json::to_string(s1).unwrap();
    for gone in [
        "novembre 2024",
        "14 novembre",
        "arrogance",
        "vassaux",
        "Lamy",
    ] {
        assert!(!text.contains(gone), "{gone} should not be extracted");
    }
}
