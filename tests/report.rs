//! The fact-checker's report: the acceptance facts on `corpus/`, constructed article sets in
//! which one fact is changed in one copy, snapshots of both formats, and the Markdown rendered
//! to HTML as a reader's browser would.

mod common;

use common::{corpus_dir, group_spellings, json_ok, recoupe};
use serde_json::Value;

fn report_json(paths: &[&std::path::Path]) -> Value {
    json_ok(
        recoupe()
            .args(["report", "--format", "json", "-o", "-"])
            .args(paths),
    )
}

fn report_markdown(paths: &[&std::path::Path]) -> String {
    let out = recoupe()
        .args(["report", "-o", "-"])
        .args(paths)
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 report")
}

fn slots(report: &Value) -> &Vec<Value> {
    report["comparison"]["slots"].as_array().expect("slots")
}

/// The slot holding a claim with these words in this document.
fn slot_with<'a>(report: &'a Value, doc: &str, words: &str) -> Option<&'a Value> {
    slots(report).iter().find(|s| {
        s["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["document"].as_str().unwrap().starts_with(doc) && c["text"] == words)
    })
}

#[test]
fn corpus_report_holds_the_acceptance_facts() {
    let report = report_json(&[&corpus_dir()]);
    assert_eq!(report["schema"], "recoupe.report/2");

    // Putin's previous visit: three ways of saying when, one slot, flagged with its arithmetic.
    let visit = slot_with(&report, "002", "24 ans").expect("slot of `depuis 24 ans`");
    for (doc, words) in [("001", "années 2000"), ("003", "plus de deux décennies")] {
        assert!(
            visit["claims"].as_array().unwrap().iter().any(|c| {
                c["document"].as_str().unwrap().starts_with(doc) && c["text"] == words
            }),
            "{doc} “{words}” is not in the slot: {visit:#}"
        );
    }
    assert_eq!(visit["verdict"]["kind"], "precision");
    let arithmetic = visit["verdict"]["arithmetic"].as_array().unwrap();
    assert!(
        arithmetic.iter().any(|l| l
            .as_str()
            .unwrap()
            .contains("meet in [2000-01-01, 2000-12-31]")),
        "{arithmetic:?}"
    );

    // A 2025 article about Beijing is another event: its "depuis l'été 2024" joins no slot.
    assert!(slot_with(&report, "004", "été 2024").is_none());

    // Putin's quotes in seeds 001 and 002 are variants, with a diff.
    let quotes = report["comparison"]["quote_variants"].as_array().unwrap();
    let putin = quotes
        .iter()
        .find(|q| {
            q["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .all(|x| x["speaker"] == "Vladimir Poutine")
        })
        .expect("Putin quote variants");
    let docs: Vec<&str> = putin["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| &q["document"].as_str().unwrap()[..3])
        .collect();
    assert_eq!(docs, ["001", "002"]);
    let parts = putin["diffs"][0]["parts"].as_array().unwrap();
    assert!(
        parts
            .iter()
            .any(|p| p["tag"] == "removed" && p["text"].as_str().unwrap().contains("grandement"))
    );
    assert!(
        parts
            .iter()
            .any(|p| p["tag"] == "added" && p["text"].as_str().unwrap().contains("beaucoup"))
    );

    // Kim Jong-un is one entity with three spellings; Kim Jong-Il another.
    let entities = &report["comparison"]["entity_variants"];
    let spellings = group_spellings(entities, "Kim Jong-un");
    assert_eq!(spellings.len(), 3, "{spellings:?}");
    assert!(!spellings.contains(&"Kim Jong-Il"));
    let kim = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"].as_str().is_some_and(|n| spellings.contains(&n)))
        .expect("the group named by one of its spellings");
    assert!(
        kim["kept_apart"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().contains("Kim Jong-Il"))
    );
}

#[test]
fn committed_corpus_report_is_up_to_date() {
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/corpus.md"),
    )
    .expect("reports/corpus.md is committed");
    assert_eq!(
        report_markdown(&[&corpus_dir()]),
        committed,
        "reports/corpus.md is out of date: run `cargo run --release -- report corpus/ -o reports/corpus.md`"
    );
}

/// A news story as one outlet wrote it, with the facts a copy may change.
#[derive(Clone)]
struct Story {
    source: &'static str,
    published: &'static str,
    marchers: &'static str,
    since: &'static str,
    talks: &'static str,
    quote: &'static str,
    /// A sentence of the outlet's own, so that copies are not identical.
    own: &'static str,
}

const BASE: Story = Story {
    source: "Le Quotidien",
    published: "2023-03-07",
    marchers: "1,28 million de manifestants",
    since: "janvier 1995",
    talks: "deux heures et demie",
    quote: "Nous ne reculerons pas sur l'âge légal de départ",
    own: "Les transports publics étaient fortement perturbés dans la capitale.",
};

impl Story {
    fn text(&self, id: &str) -> String {
        format!(
            "---\nid: {id}\ntitle: Retraites : mobilisation record\nsource: {}\npublished: {}\nlang: fr\n---\n\n\
             Le ministère de l'Intérieur a compté {} dans toute la France ce mardi, un niveau inédit depuis {} \
             selon les historiens du mouvement social.\n\n\
             À Paris, le cortège est parti de la place de la République en début d'après-midi et a rejoint la place de la Nation.\n\n\
             La réunion entre l'intersyndicale et la Première ministre Élisabeth Borne a duré {} à Matignon, sans résultat.\n\n\
             « {} », a déclaré Élisabeth Borne devant les députés de la majorité présidentielle.\n\n\
             {}\n",
            self.source,
            self.published,
            self.marchers,
            self.since,
            self.talks,
            self.quote,
            self.own
        )
    }
}

fn write_set(dir: &std::path::Path, stories: &[(&str, Story)]) {
    for (id, s) in stories {
        std::fs::write(dir.join(format!("{id}.md")), s.text(id)).unwrap();
    }
}

/// Two outlets that agree, and a third that changes one fact.
fn set_with(changed: Story) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_set(
        dir.path(),
        &[
            ("a-quotidien", BASE),
            (
                "b-gazette",
                Story {
                    source: "La Gazette",
                    own: "La circulation des trains restait très perturbée en soirée.",
                    ..BASE
                },
            ),
            ("c-courrier", changed),
        ],
    );
    dir
}

fn verdicts(report: &Value) -> Vec<(String, String)> {
    slots(report)
        .iter()
        .map(|s| {
            let words: Vec<&str> = s["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["text"].as_str().unwrap())
                .collect();
            (
                s["verdict"]["kind"].as_str().unwrap().to_string(),
                words.join(" | "),
            )
        })
        .collect()
}

fn unchanged() -> Story {
    Story {
        source: "Le Courrier",
        own: "Plusieurs lycées étaient bloqués dès le matin par des élèves.",
        ..BASE
    }
}

#[test]
fn agreeing_copies_produce_no_conflict() {
    let dir = set_with(unchanged());
    let report = report_json(&[dir.path()]);
    let v = verdicts(&report);
    assert!(v.iter().all(|(kind, _)| kind == "agree"), "{v:?}");
    // The facts were compared at all: the marchers, the talks and the earlier date.
    assert!(v.len() >= 3, "{v:?}");
    let quotes = report["comparison"]["quote_variants"].as_array().unwrap();
    assert!(
        quotes.iter().all(|q| q["kind"] == "identical"),
        "{quotes:?}"
    );
}

#[test]
fn each_changed_fact_is_a_conflict() {
    let cases = [
        (
            Story {
                marchers: "1,9 million de manifestants",
                ..unchanged()
            },
            "1,9 million de manifestants",
        ),
        (
            Story {
                since: "mai 1968",
                ..unchanged()
            },
            "mai 1968",
        ),
        (
            Story {
                talks: "quarante minutes",
                ..unchanged()
            },
            "quarante minutes",
        ),
    ];
    for (story, words) in cases {
        let dir = set_with(story);
        let report = report_json(&[dir.path()]);
        let v = verdicts(&report);
        let conflict = v
            .iter()
            .find(|(_, w)| w.contains(words))
            .unwrap_or_else(|| panic!("no slot holds “{words}”: {v:?}"));
        assert_eq!(conflict.0, "conflict", "{words}: {v:?}");
        assert_eq!(
            v.iter().filter(|(k, _)| k == "conflict").count(),
            1,
            "only the changed fact conflicts: {v:?}"
        );
    }
}

#[test]
fn a_reworded_quote_is_a_variant_with_its_diff() {
    let dir = set_with(Story {
        quote: "Nous ne reculerons jamais sur l'âge légal de départ à la retraite",
        ..unchanged()
    });
    let report = report_json(&[dir.path()]);
    let quotes = report["comparison"]["quote_variants"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["kind"], "wording_differs");
    let added: Vec<&str> = quotes[0]["diffs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["parts"].as_array().unwrap())
        .filter(|p| p["tag"] == "added")
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(added.iter().any(|t| t.contains("jamais")), "{added:?}");
}

#[test]
fn different_claimants_are_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let text = |id: &str, source: &str, sentence: &str| {
        format!(
            "---\nid: {id}\nsource: {source}\npublished: 2023-03-07\n---\n\n\
             Manifestation contre la réforme des retraites à Paris ce mardi, de la République à la Nation.\n\n{sentence}\n"
        )
    };
    std::fs::write(
        dir.path().join("a.md"),
        text("a", "A", "Selon la police, 87 000 manifestants ont défilé à Paris contre la réforme des retraites."),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        text("b", "B", "Selon la CGT, 400 000 manifestants ont défilé à Paris contre la réforme des retraites."),
    )
    .unwrap();
    let report = report_json(&[dir.path()]);
    let v = verdicts(&report);
    assert!(
        v.iter()
            .any(|(k, w)| k == "attributed_difference" && w.contains("87 000")),
        "{v:?}"
    );
    assert!(v.iter().all(|(k, _)| k != "conflict"), "{v:?}");
}

#[test]
fn a_toll_that_rises_day_by_day_is_a_timeline() {
    let dir = tempfile::tempdir().unwrap();
    for (id, date, toll) in [
        ("j1", "2023-02-07", "5 000"),
        ("j2", "2023-02-08", "11 000"),
        ("j3", "2023-02-09", "16 000"),
    ] {
        std::fs::write(
            dir.path().join(format!("{id}.md")),
            format!(
                "---\nid: {id}\npublished: {date}\n---\n\nSéisme en Turquie et en Syrie : le bilan s'élève désormais à {toll} morts dans les deux pays, selon les autorités.\n"
            ),
        )
        .unwrap();
    }
    let report = report_json(&[dir.path()]);
    let v = verdicts(&report);
    assert!(
        v.iter()
            .any(|(k, w)| k == "timeline" && w.contains("5 000") && w.contains("16 000")),
        "{v:?}"
    );
}

#[test]
fn articles_about_other_events_are_not_compared() {
    let dir = set_with(Story {
        published: "2024-09-10",
        marchers: "9 000 manifestants",
        ..unchanged()
    });
    let report = report_json(&[dir.path()]);
    let v = verdicts(&report);
    assert!(v.iter().all(|(k, _)| k != "conflict"), "{v:?}");
    assert!(v.iter().all(|(_, w)| !w.contains("9 000")), "{v:?}");
}

/// A set with copies, so that every section of the report has content.
fn snapshot_set() -> tempfile::TempDir {
    set_with(Story {
        marchers: "1,9 million de manifestants",
        quote: "Nous ne reculerons jamais sur l'âge légal de départ",
        ..unchanged()
    })
}

#[test]
fn report_does_not_depend_on_threads() {
    let dir = snapshot_set();
    let run = |threads: &str| {
        let out = recoupe()
            .args([
                "--threads",
                threads,
                "report",
                "--format",
                "json",
                "-o",
                "-",
            ])
            .arg(dir.path())
            .arg(corpus_dir())
            .assert()
            .success();
        out.get_output().stdout.clone()
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn markdown_and_json_snapshots() {
    let dir = snapshot_set();
    let markdown = report_markdown(&[dir.path()]);
    // The temporary directory's name is the report's name; pin it.
    let name = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    insta::assert_snapshot!("report_markdown", markdown.replace(&name, "SET"));
    let mut json = report_json(&[dir.path()]);
    json["name"] = Value::from("SET");
    for d in json["corpus"]["documents"].as_array_mut().unwrap() {
        d["origin"]["path"] = Value::from(
            std::path::Path::new(d["origin"]["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string(),
        );
    }
    json["version"] = Value::from("VERSION");
    insta::assert_json_snapshot!("report_json", json);
}

#[test]
fn markdown_renders_as_a_reader_sees_it() {
    let dir = snapshot_set();
    let markdown = report_markdown(&[dir.path()]);
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let parser = pulldown_cmark::Parser::new_ext(&markdown, options);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);

    // Tables: the flagged slot, the pairs, the shared passages, names, timeline.
    assert!(html.matches("<table>").count() >= 5, "{html}");
    // The Mermaid block comes out as code with its language, for GitHub to draw.
    assert!(
        html.contains("<pre><code class=\"language-mermaid\">graph LR"),
        "{html}"
    );
    // Shared passages: a table whose header names both documents, the passage written once.
    assert!(
        html.contains("<th>a-quotidien</th><th>b-gazette</th><th>passage</th>"),
        "{html}"
    );
    // The quote diff: a struck-out removal and a bold addition.
    assert!(html.contains("<strong>jamais</strong>"), "{html}");
    // Article text cannot inject HTML or break a table row.
    assert!(!html.contains("<script"));
    for row in markdown.lines().filter(|l| l.starts_with('|')) {
        let cells = row.matches(" | ").count();
        assert!(cells < 12, "row with stray pipes: {row}");
    }
}

#[test]
fn article_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    // Two tolls that conflict, so that the sentences are quoted in the report.
    for (id, toll) in [("x", 12), ("y", 15)] {
        std::fs::write(
            dir.path().join(format!("{id}.md")),
            format!("---\npublished: 2024-01-02\n---\n\n<script>alert(1)</script> | pipe | L'incendie de Lyon a fait **{toll} morts** dans la nuit [lien](javascript:x).\n"),
        )
        .unwrap();
    }
    let markdown = report_markdown(&[dir.path()]);
    assert!(!markdown.contains("<script>"), "{markdown}");
    assert!(markdown.contains("&lt;script&gt;"));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&markdown));
    assert!(!html.contains("<a "), "a link was injected: {html}");
    assert!(
        !html.contains("<strong>12"),
        "emphasis was injected: {html}"
    );
}

#[test]
fn report_writes_to_standard_output_unless_told_a_file() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("mes-articles");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.md"), "Un article de test sur 12 communes.\n").unwrap();
    // Like every other subcommand: standard output, and nothing written in the directory.
    let out = recoupe()
        .current_dir(work.path())
        .args(["report", "mes-articles"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# recoupe report: mes-articles"));
    assert!(!work.path().join("reports").exists());
    // The folder of -o is made if need be.
    let out = recoupe()
        .current_dir(work.path())
        .args(["report", "mes-articles", "-o", "out/mes-articles.md"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote out/mes-articles.md"));
    let written = std::fs::read_to_string(work.path().join("out/mes-articles.md")).unwrap();
    assert!(written.starts_with("# recoupe report: mes-articles"));
    // No temporary file is left beside it.
    let entries: Vec<_> = std::fs::read_dir(work.path().join("out"))
        .unwrap()
        .collect();
    assert_eq!(entries.len(), 1);
}

#[test]
fn bad_comparison_parameters_are_usage_errors() {
    recoupe()
        .args(["report", "--link-threshold", "1.5", "-o", "-"])
        .arg(corpus_dir())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("link-threshold"));
}
