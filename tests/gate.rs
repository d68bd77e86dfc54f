//! The CI gate end to end: each exit code, thresholds from flags and `recoupe.toml`, baselines,
//! query mode against texts and against an index (and damaged indexes), and every output
//! format checked by a parser of that format.

mod common;

use std::path::PathBuf;

use common::{corpus_dir, json, recoupe};
use serde_json::Value;

const SEED_1: &str = "001_cc90cf6986b4a5ff.md";
const SEED_2: &str = "002_39a025f67963c445.md";

/// A scratch repository (its `.git` stops the search for `recoupe.toml`) holding the seeds in
/// `corpus/`.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        for entry in std::fs::read_dir(corpus_dir()).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), corpus.join(entry.file_name())).unwrap();
        }
        Repo { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a copy of seed `name` under `rel`, with id `id` and the replacements made.
    fn copy_seed(&self, name: &str, rel: &str, id: &str, edits: &[(&str, &str)]) {
        let mut text = std::fs::read_to_string(corpus_dir().join(name)).unwrap();
        let old_id = text
            .lines()
            .find(|l| l.starts_with("id:"))
            .unwrap()
            .to_string();
        text = text.replacen(&old_id, &format!("id: {id}"), 1);
        for (from, to) in edits {
            assert!(text.contains(from), "{from:?} not in {name}");
            text = text.replace(from, to);
        }
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn gate(&self) -> assert_cmd::Command {
        let mut cmd = recoupe();
        cmd.current_dir(self.dir.path()).args(["--quiet", "gate"]);
        cmd
    }
}

fn run(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let out = cmd.assert().code(code);
    let o = out.get_output();
    let mut text = String::from_utf8(o.stdout.clone()).unwrap();
    text.push_str(&String::from_utf8(o.stderr.clone()).unwrap());
    text
}

fn gate_json(cmd: &mut assert_cmd::Command, code: i32) -> Value {
    json(
        &cmd.args(["--format", "json"])
            .assert()
            .code(code)
            .get_output()
            .stdout,
    )
}

fn keys(outcome: &Value) -> Vec<Value> {
    outcome["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].clone())
        .collect()
}

fn rules(outcome: &Value) -> Vec<String> {
    outcome["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn independent_articles_pass_and_a_near_verbatim_copy_fails() {
    let repo = Repo::new();
    let out = run(repo.gate().arg("corpus"), 0);
    assert!(
        out.starts_with("recoupe gate: pass (5 documents checked)"),
        "{out}"
    );

    // A light edit of a seed, republished: a near-duplicate, nothing else.
    repo.copy_seed(SEED_1, "corpus/copy.md", "copy", &[("Poutine", "Putin")]);
    let outcome = gate_json(repo.gate().arg("corpus"), 1);
    assert_eq!(outcome["passed"], false);
    assert_eq!(rules(&outcome), ["near-duplicate"]);
    let finding = &outcome["findings"][0];
    assert_eq!(
        finding["key"],
        serde_json::json!(["001_cc90cf6986b4a5ff", "copy"])
    );
    let places: Vec<String> = finding["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{}:{}",
                p["location"]["path"].as_str().unwrap(),
                p["location"]["line"]
            )
        })
        .collect();
    // The body of each starts on line 9 of its file, after the front matter.
    assert!(places[0].ends_with(&format!("{SEED_1}:9")), "{places:?}");
    assert!(places[1].ends_with("copy.md:9"), "{places:?}");
}

#[test]
fn usage_and_input_errors_exit_2_naming_the_cause() {
    let repo = Repo::new();
    let out = run(repo.gate().args(["corpus", "--max-jaccard", "1.5"]), 2);
    assert!(out.contains("max-jaccard"), "{out}");
    let out = run(
        repo.gate()
            .args(["corpus", "--max-duplicate-documents", "many"]),
        2,
    );
    assert!(out.contains("many"), "{out}");
    let out = run(repo.gate().arg("missing-dir"), 2);
    assert!(out.contains("missing-dir"), "{out}");
    let out = run(repo.gate().args(["corpus", "--baseline", "nope.json"]), 2);
    assert!(
        out.contains("nope.json") && out.contains("not found"),
        "{out}"
    );

    std::fs::write(
        repo.path("recoupe.toml"),
        "[gate]\nmax-jaccard = 0.5\nmax-conflict = 0\n",
    )
    .unwrap();
    let out = run(repo.gate().arg("corpus"), 2);
    assert!(out.contains("recoupe.toml:3"), "{out}");
    std::fs::write(
        repo.path("recoupe.toml"),
        "[gate]\nverdict-level = \"loud\"\n",
    )
    .unwrap();
    let out = run(repo.gate().arg("corpus"), 2);
    assert!(
        out.contains("recoupe.toml:2") && out.contains("loud"),
        "{out}"
    );
}

#[test]
fn config_file_sets_thresholds_and_flags_win() {
    let repo = Repo::new();
    repo.copy_seed(SEED_1, "corpus/copy.md", "copy", &[("Poutine", "Putin")]);
    std::fs::write(
        repo.path("recoupe.toml"),
        "# checks for this newsroom\n[gate]\nmax-jaccard = \"off\"\nmax-containment = false\n",
    )
    .unwrap();
    // Found from a subdirectory too: the search climbs to the repository's root.
    std::fs::create_dir(repo.path("sub")).unwrap();
    run(
        repo.gate().current_dir(repo.path("sub")).arg("../corpus"),
        0,
    );
    let outcome = gate_json(repo.gate().args(["corpus", "--max-jaccard", "0.6"]), 1);
    assert_eq!(outcome["thresholds"]["max_jaccard"], 0.6);
    assert_eq!(outcome["thresholds"]["max_containment"], Value::Null);
    run(repo.gate().args(["corpus", "--no-config"]), 1);
}

#[test]
fn conflicts_count_at_the_chosen_verdict_level() {
    let repo = Repo::new();
    // The seeds hold no conflict and nothing to review, and one difference of precision.
    run(repo.gate().arg("corpus"), 0);
    let review = gate_json(repo.gate().args(["corpus", "--verdict-level", "review"]), 0);
    assert!(rules(&review).is_empty(), "{review}");
    let precision = gate_json(
        repo.gate().args(["corpus", "--verdict-level", "precision"]),
        1,
    );
    assert_eq!(rules(&precision), ["conflict"]);
    let lenient = gate_json(
        repo.gate().args([
            "corpus",
            "--verdict-level",
            "precision",
            "--max-conflicts",
            "1",
        ]),
        0,
    );
    assert!(
        lenient["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["level"] == "warning")
    );

    // One copy states another figure: a conflict located at the claim's line.
    repo.copy_seed(
        SEED_1,
        "corpus/copy.md",
        "copy",
        &[("7000 conteneurs", "9000 conteneurs")],
    );
    let outcome = gate_json(
        repo.gate()
            .args(["corpus", "--max-jaccard", "off", "--max-containment", "off"]),
        1,
    );
    assert_eq!(rules(&outcome), ["conflict"]);
    let f = &outcome["findings"][0];
    assert!(
        f["message"].as_str().unwrap().contains("9000 conteneurs"),
        "{f}"
    );
    let copy = std::fs::read_to_string(repo.path("corpus/copy.md")).unwrap();
    let line = 1 + copy
        .lines()
        .position(|l| l.contains("9000 conteneurs"))
        .unwrap();
    let at_copy = f["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["document"] == "copy")
        .unwrap();
    assert_eq!(at_copy["location"]["line"], line);
}

#[test]
fn duplicate_documents_by_count_or_share() {
    let repo = Repo::new();
    repo.copy_seed(SEED_1, "corpus/copy.md", "copy", &[("Poutine", "Putin")]);
    let pairs_off = ["--max-jaccard", "off", "--max-containment", "off"];
    let outcome = gate_json(
        repo.gate()
            .arg("corpus")
            .args(pairs_off)
            .args(["--max-duplicate-documents", "1"]),
        1,
    );
    assert_eq!(rules(&outcome), ["duplicate-documents"]);
    assert_eq!(
        outcome["findings"][0]["places"].as_array().unwrap().len(),
        2
    );
    // 2 of 6 documents: 33%.
    run(
        repo.gate()
            .arg("corpus")
            .args(pairs_off)
            .args(["--max-duplicate-documents", "34%"]),
        0,
    );
    run(
        repo.gate()
            .arg("corpus")
            .args(pairs_off)
            .args(["--max-duplicate-documents", "30%"]),
        1,
    );
}

#[test]
fn a_baseline_accepts_known_findings_and_fails_on_new_ones() {
    let repo = Repo::new();
    repo.copy_seed(SEED_1, "corpus/copy.md", "copy", &[("Poutine", "Putin")]);
    let out = run(
        repo.gate()
            .args(["corpus", "--update-baseline", "--baseline", "base.json"]),
        0,
    );
    assert!(out.is_empty(), "--quiet: {out}");
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(repo.path("base.json")).unwrap()).unwrap();
    assert_eq!(baseline["accepted"].as_array().unwrap().len(), 1);

    let out = run(repo.gate().args(["corpus", "--baseline", "base.json"]), 0);
    assert!(
        out.contains("1 finding(s) accepted by the baseline"),
        "{out}"
    );

    // A second copy is new: only it is reported.
    repo.copy_seed(SEED_2, "corpus/copy2.md", "copy2", &[]);
    let outcome = gate_json(repo.gate().args(["corpus", "--baseline", "base.json"]), 1);
    assert_eq!(outcome["accepted"], 1);
    let keys = keys(&outcome);
    assert_eq!(keys, [serde_json::json!(["002_39a025f67963c445", "copy2"])]);

    // The first copy removed: its entry is stale, and the gate passes without the second.
    std::fs::remove_file(repo.path("corpus/copy.md")).unwrap();
    std::fs::remove_file(repo.path("corpus/copy2.md")).unwrap();
    let out = run(repo.gate().args(["corpus", "--baseline", "base.json"]), 0);
    assert!(out.contains("1 baseline entry is no longer found"), "{out}");

    // The config file names the baseline, relative to itself.
    repo.copy_seed(SEED_1, "corpus/copy.md", "copy", &[("Poutine", "Putin")]);
    std::fs::write(
        repo.path("recoupe.toml"),
        "[gate]\nbaseline = \"base.json\"\n",
    )
    .unwrap();
    run(repo.gate().current_dir(repo.path("corpus")).arg("."), 0);
}

/// New articles: a light edit of seed 1, and a text of its own.
fn drafts(repo: &Repo) {
    repo.copy_seed(SEED_1, "new/draft.md", "draft", &[("Poutine", "Putin")]);
    repo.copy_seed(
        SEED_1,
        "new/draft-bis.md",
        "draft-bis",
        &[("Poutine", "Putin")],
    );
    std::fs::write(
        repo.path("new/own.md"),
        "Un article sans rapport : la mairie annonce la rénovation du marché couvert, \
         qui rouvrira au printemps avec quarante étals et un parking à vélos agrandi.\n",
    )
    .unwrap();
}

#[test]
fn query_mode_checks_new_documents_against_texts_or_an_index_alike() {
    let repo = Repo::new();
    drafts(&repo);
    let against_texts = gate_json(repo.gate().args(["new", "--against", "corpus"]), 1);
    // Only new × reference pairs: the two drafts copy each other, which is not the question.
    let keys = keys(&against_texts);
    assert_eq!(
        keys,
        [
            serde_json::json!(["draft", "001_cc90cf6986b4a5ff"]),
            serde_json::json!(["draft-bis", "001_cc90cf6986b4a5ff"])
        ]
    );
    assert_eq!(against_texts["findings"][0]["places"][1]["reference"], true);
    assert_eq!(against_texts["documents"], 3);

    recoupe()
        .current_dir(repo.dir.path())
        .args(["--quiet", "index", "build", "corpus", "-o", "ref.idx"])
        .assert()
        .success();
    let against_index = gate_json(repo.gate().args(["new", "--against", "ref.idx"]), 1);
    assert_eq!(against_index["findings"], against_texts["findings"]);
    assert_eq!(against_index["checks"], against_texts["checks"]);

    // Grown with the drafts' source, the index still answers, and refuses a known id.
    std::fs::create_dir(repo.path("more")).unwrap();
    std::fs::write(
        repo.path("more/own-old.md"),
        std::fs::read(repo.path("new/own.md")).unwrap(),
    )
    .unwrap();
    recoupe()
        .current_dir(repo.dir.path())
        .args(["--quiet", "index", "add", "ref.idx", "more"])
        .assert()
        .success();
    let grown = gate_json(repo.gate().args(["new", "--against", "ref.idx"]), 1);
    assert_eq!(grown["findings"].as_array().unwrap().len(), 3);
    let out = run(
        recoupe()
            .current_dir(repo.dir.path())
            .args(["index", "add", "ref.idx", "more"]),
        2,
    );
    assert!(out.contains("already in the index"), "{out}");
}

#[test]
fn damaged_indexes_are_refused_with_a_clear_error() {
    let repo = Repo::new();
    drafts(&repo);
    recoupe()
        .current_dir(repo.dir.path())
        .args(["--quiet", "index", "build", "corpus", "-o", "ref.idx"])
        .assert()
        .success();
    let good = std::fs::read(repo.path("ref.idx")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", good[..good.len() - 100].to_vec(), "truncated"),
        (
            "flipped",
            {
                let mut b = good.clone();
                let at = b.len() / 2;
                b[at] ^= 0x01;
                b
            },
            "checksum",
        ),
        (
            "version",
            {
                let mut b = good.clone();
                b[8] = 2;
                b
            },
            "version 2",
        ),
        ("empty", Vec::new(), "not a recoupe index"),
    ];
    for (name, bytes, expected) in cases {
        let path = repo.path(&format!("{name}.idx"));
        std::fs::write(&path, bytes).unwrap();
        // An empty file is not an index at all: it is read as an (empty) text reference.
        let out = run(repo.gate().args(["new", "--against"]).arg(&path), 2);
        if name != "empty" {
            assert!(
                out.contains(expected) && out.contains(&format!("{name}.idx")),
                "{name}: {out}"
            );
        }
        let out = run(recoupe().args(["index", "info"]).arg(&path), 2);
        assert!(out.contains(expected), "{name}: {out}");
    }
}

fn copy_repo() -> Repo {
    let repo = Repo::new();
    // Its id sorts first, so findings are reported at it; its name needs escaping.
    repo.copy_seed(
        SEED_1,
        "corpus/copy, v2.md",
        "0-copy",
        &[("7000 conteneurs", "9000 conteneurs")],
    );
    repo
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let repo = copy_repo();
    let out = repo
        .gate()
        .args(["corpus", "--format", "sarif"])
        .assert()
        .code(1);
    let sarif = json(&out.get_output().stdout);
    // The published schema's pattern for `run.language` has a stray `]` that strict regex
    // engines refuse; it is mended here as the SARIF errata did. recoupe does not emit
    // `language`, so the mend cannot hide an error in its output.
    let schema_text = include_str!("data/sarif-2.1.0-rtm.5.json").replace(
        r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
        r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#,
    );
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(false)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A document that breaks the schema is caught: the validation above can fail.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));

    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let ids: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["near-duplicate", "conflict"]);
    let uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(uri, "corpus/copy%2C%20v2.md");
    let related = results[0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(related, format!("corpus/{SEED_1}"));
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        9
    );
    assert!(
        results[1]["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
            > 9
    );
}

#[test]
fn junit_output_parses_with_one_case_per_check() {
    let repo = copy_repo();
    let file = repo.path("junit.xml");
    repo.gate()
        .args(["corpus", "--junit"])
        .arg(&file)
        .assert()
        .code(1);
    let xml = std::fs::read_to_string(&file).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    assert_eq!(suites.attribute("tests"), Some("4"));
    // The copy breaks both the Jaccard and the containment limits; the conflict is the third.
    assert_eq!(suites.attribute("failures"), Some("3"));
    let cases: Vec<_> = suites
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let names: Vec<&str> = cases.iter().filter_map(|c| c.attribute("name")).collect();
    assert_eq!(
        names,
        [
            "near-duplicate",
            "containment",
            "duplicate-documents",
            "conflict"
        ]
    );
    let failed: Vec<&str> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .filter_map(|c| c.attribute("name"))
        .collect();
    assert_eq!(failed, ["near-duplicate", "containment", "conflict"]);
    let failure = cases[3]
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert!(
        failure
            .text()
            .unwrap()
            .contains("“9000 conteneurs d’armement”")
    );
    assert!(cases[2].children().any(|n| n.has_tag_name("skipped")));
}

#[test]
fn github_annotations_and_step_summary() {
    let repo = copy_repo();
    let summary = repo.path("summary.md");
    std::fs::write(&summary, "# earlier step\n").unwrap();
    let out = repo
        .gate()
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["corpus", "--format", "github"])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    // The file name's comma is escaped as a property must be, and `%` in the message.
    assert!(
        lines[0]
            .starts_with("::error file=corpus/copy%2C v2.md,line=9,title=recoupe near-duplicate::"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("%25 of"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("::error file=corpus/")
            && lines[1].contains("title=recoupe conflict::")
    );
    assert_eq!(
        lines[2],
        "::error title=recoupe gate::checks tripped: near-duplicate, containment, conflict"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.starts_with("# earlier step\n## recoupe gate: FAIL"),
        "{md}"
    );
    assert!(md.contains("| near-duplicate | FAIL | 0.5 |"), "{md}");
}

#[test]
fn the_outcome_does_not_depend_on_threads() {
    let repo = copy_repo();
    drafts(&repo);
    let outputs: Vec<Vec<u8>> = ["1", "2"]
        .iter()
        .flat_map(|t| {
            let a = repo
                .gate()
                .args(["--threads", t, "corpus", "--format", "sarif"])
                .assert()
                .code(1)
                .get_output()
                .stdout
                .clone();
            let b = repo
                .gate()
                .args([
                    "--threads",
                    t,
                    "new",
                    "--against",
                    "corpus",
                    "--format",
                    "json",
                ])
                .assert()
                .code(1)
                .get_output()
                .stdout
                .clone();
            [a, b]
        })
        .collect();
    assert_eq!(outputs[0], outputs[2]);
    assert_eq!(outputs[1], outputs[3]);
}

#[test]
fn the_readme_config_example_is_valid() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```toml\n[scan]")
        .expect("a recoupe.toml example in README.md")
        + 8;
    let end = start + readme[start..].find("```").unwrap();
    let path = std::path::Path::new("recoupe.toml");
    let config = recoupe::config::Config::parse(path, &readme[start..end]).unwrap();
    assert_eq!(
        config.thresholds().max_duplicate_documents,
        Some(recoupe::gate::Limit::Share(0.05))
    );
    assert_eq!(config.scan.passage_share, Some(Some(0.35)));
    assert_eq!(config.report.event_window_days, Some(7));
}

#[test]
fn shared_passages_are_checked_only_when_asked() {
    let repo = Repo::new();
    // A local paper keeps the first paragraphs of a seed and writes the rest itself.
    let seed = std::fs::read_to_string(corpus_dir().join(SEED_1)).unwrap();
    let (front, body) = seed
        .trim_start_matches("---\n")
        .split_once("\n---\n")
        .unwrap();
    let kept: Vec<&str> = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .collect();
    let own = "Dans notre région, les lecteurs suivent ce voyage avec attention. Les élus locaux \
               se disent inquiets des conséquences pour les échanges avec les pays voisins, et \
               les associations de la ville organisent une soirée de débat à la médiathèque \
               pour en parler avec des chercheurs et des anciens diplomates. Le maire promet de \
               relayer les questions des habitants auprès des parlementaires de la circonscription, \
               et un collectif d'étudiants prépare une exposition sur l'histoire de la péninsule \
               pour la fin du mois, avec des photographies prêtées par des familles de la ville.";
    let front = front.replacen("id: 001_cc90cf6986b4a5ff", "id: local", 1);
    std::fs::write(
        repo.path("corpus/local.md"),
        format!("---\n{front}\n---\n{}\n\n{own}\n", kept.join("\n\n")),
    )
    .unwrap();
    // Off by default: reusing agency copy is what news does.
    run(repo.gate().arg("corpus"), 0);
    let outcome = gate_json(
        repo.gate().args(["corpus", "--max-shared-passages", "0"]),
        1,
    );
    assert_eq!(rules(&outcome), ["shared-passages"], "{outcome}");
    assert_eq!(
        keys(&outcome),
        [serde_json::json!(["001_cc90cf6986b4a5ff", "local"])],
        "{outcome}"
    );
    // Within the limit, the pair is a warning.
    let lenient = gate_json(
        repo.gate().args(["corpus", "--max-shared-passages", "1"]),
        0,
    );
    assert!(
        lenient["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["level"] == "warning"),
        "{lenient}"
    );
}
