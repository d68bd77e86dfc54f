//! Every kind of bad input either works or gets a message naming the file and line, the run goes
//! on and says what it skipped, and `--strict` turns problems into exit code 2.

mod common;

use common::*;
use predicates::prelude::*;

fn messy_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let article = seed_body("002_39a025f67963c445.md");
    std::fs::write(p.join("good.txt"), &article).unwrap();
    std::fs::write(p.join("image.png.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let mut latin1 = b"Premi\xe8re ligne\nDeuxi\xe8me ligne du texte.".to_vec();
    latin1.extend_from_slice(b"\n");
    std::fs::write(p.join("latin1.txt"), latin1).unwrap();
    std::fs::write(p.join("empty.md"), "---\ntitle: vide\n---\n\n").unwrap();
    std::fs::write(p.join("notes.pdf"), "not read").unwrap();
    std::fs::write(
        p.join("feed.jsonl"),
        concat!(
            "{\"id\": \"good\", \"text\": \"Le même identifiant qu'un fichier.\"}\n",
            "{\"id\": \"x\", \"text\": \"Ligne cassée\"\n",
            "{\"id\": \"y\", \"text\": \"Date illisible.\", \"published\": \"mardi\"}\n",
            "{\"id\": \"z\"}\n",
        ),
    )
    .unwrap();
    dir
}

#[test]
fn problems_are_reported_with_file_and_line_and_the_run_goes_on() {
    let dir = messy_dir();
    let assert = recoupe()
        .args(["scan", "--format", "json"])
        .arg(dir.path())
        .assert()
        .success();
    let out = assert.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "image.png.txt: skipped: binary file",
        "latin1.txt:1: invalid UTF-8",
        "empty.md:4: skipped: empty document",
        "notes.pdf: skipped: not a .txt, .md, .html or .jsonl file",
        "feed.jsonl:2: skipped: malformed JSON line",
        "feed.jsonl:3: field published: cannot read date \"mardi\"",
        "feed.jsonl:4: skipped: no text in field \"text\"",
        "id \"good\" is already used at",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    let v = json(&out.stdout);
    let ids: Vec<&str> = v["corpus"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    // Nothing readable is lost: the duplicate id is renamed, the Latin-1 file decoded lossily.
    assert_eq!(ids, ["good", "good~2", "latin1", "y"]);
    assert_eq!(v["corpus"]["skipped"], 5);
}

#[test]
fn strict_mode_fails_on_the_first_problem() {
    let dir = messy_dir();
    recoupe()
        .args(["scan", "--strict"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error:"))
        .stderr(predicate::str::contains("--strict"));
}

#[test]
fn missing_paths_and_empty_inputs_are_errors() {
    recoupe()
        .args(["scan", "/no/such/dir"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/dir"));
    let dir = tempfile::tempdir().unwrap();
    recoupe()
        .arg("scan")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no documents"));
}

#[test]
fn standard_input_in_each_format() {
    let jsonl = "{\"id\": \"a\", \"text\": \"Un texte lu sur l'entrée standard.\"}\n";
    let out = json_ok(
        recoupe()
            .args(["scan", "--format", "json", "-"])
            .write_stdin(jsonl),
    );
    assert_eq!(out["corpus"]["documents"][0]["id"], "a");

    let html = "<html lang=fr><body><article><p>Un article en HTML.</p></article></body></html>";
    let v = json_ok(
        recoupe()
            .args(["scan", "--format", "json", "-"])
            .write_stdin(html),
    );
    assert_eq!(v["corpus"]["documents"][0]["lang"], "fr");
    assert_eq!(v["corpus"]["documents"][0]["chars"], 19);

    let out = json_ok(
        recoupe()
            .args(["scan", "--format", "json", "--input-format", "text", "-"])
            .write_stdin("{ pas du JSON, du texte }"),
    );
    assert_eq!(out["corpus"]["documents"][0]["id"], "stdin");
}

#[test]
fn custom_jsonl_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.ndjson");
    std::fs::write(
        &path,
        "{\"uid\": 12, \"body\": \"Texte.\", \"date\": \"2024-06-19T10:00:00Z\"}\n",
    )
    .unwrap();
    let v = json_ok(
        recoupe()
            .args([
                "scan",
                "--format",
                "json",
                "--id-field",
                "uid",
                "--text-field",
                "body",
                "--published-field",
                "date",
            ])
            .arg(&path),
    );
    assert_eq!(v["corpus"]["documents"][0]["id"], "12");
    assert_eq!(v["corpus"]["documents"][0]["published"], "2024-06-19");
}

/// A report written into the corpus folder, and a gate baseline beside the articles, are
/// skipped by the next run over that folder (and said to be), yet read when named.
#[test]
fn recoupes_own_outputs_under_a_directory_are_skipped_and_said_to_be() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("article.md"), seed_body("002_39a025f67963c445.md")).unwrap();
    recoupe()
        .args(["report", "article.md", "-o"])
        .arg("reports/article.md")
        .current_dir(p)
        .assert()
        .success();
    std::fs::write(
        p.join("recoupe-baseline.json"),
        "{\n  \"schema\": \"recoupe.baseline/1\",\n  \"accepted\": []\n}\n",
    )
    .unwrap();
    let assert = recoupe()
        .args(["scan", "--format", "json", "."])
        .current_dir(p)
        .assert()
        .success();
    let out = assert.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for file in [
        "reports/article.md: skipped: written by recoupe",
        "recoupe-baseline.json: skipped: written by recoupe",
    ] {
        assert!(stderr.contains(file), "missing {file:?} in:\n{stderr}");
    }
    let v = json(&out.stdout);
    assert_eq!(v["corpus"]["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["corpus"]["skipped"], 2);
    // Named, the report is read as the user asks.
    let named = json_ok(
        recoupe()
            .args(["scan", "--format", "json", "reports/article.md"])
            .current_dir(p),
    );
    assert_eq!(named["corpus"]["documents"].as_array().unwrap().len(), 1);
}
