//! The command line as a user types it: one vocabulary across subcommands, `-o -`, the baseline
//! and `--against` flows, typed gate JSON, line numbers that are the file's, human wording,
//! completions, the man page and colour.

mod common;

use common::{corpus_dir, json, recoupe, seed_body};
use std::path::Path;

/// Three articles in `dir/articles`: two copies of one story (one figure changed) and another.
fn articles(dir: &Path) -> std::path::PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let story = "Le conseil municipal de Villefranche a voté mardi un budget de 12 millions \
                 d'euros pour rénover les écoles de la commune, selon le maire. Les travaux \
                 commenceront en mars et dureront deux ans. Quatre écoles sont concernées par \
                 ce plan, qui prévoit aussi la construction d'un gymnase près de la gare. \
                 L'opposition a voté contre, jugeant le projet trop coûteux pour les finances \
                 locales déjà fragiles après la crise.";
    let front = |id: &str, source: &str| {
        format!(
            "---\nid: {id}\ntitle: Budget des écoles\nsource: {source}\npublished: 2024-03-05\n---\n"
        )
    };
    std::fs::write(
        articles.join("a.md"),
        format!("{}\n{story}\n", front("a", "La Voix")),
    )
    .unwrap();
    std::fs::write(
        articles.join("b.md"),
        format!(
            "{}\n{}\n",
            front("b", "Le Courrier"),
            story.replace("12 millions", "15 millions")
        ),
    )
    .unwrap();
    std::fs::write(
        articles.join("c.md"),
        format!(
            "{}\n{}\n",
            front("c", "Autre"),
            seed_body("003_a01f2b4702158dec.md")
        ),
    )
    .unwrap();
    articles
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

#[test]
fn scan_and_claims_speak_markdown_and_take_the_gate_s_threshold_names() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles(dir.path());
    let scan = |args: &[&str]| {
        let a = recoupe()
            .arg("scan")
            .args(args)
            .arg(&articles)
            .assert()
            .success();
        stdout(&a)
    };
    let markdown = scan(&["--format", "markdown"]);
    assert!(markdown.starts_with("# recoupe scan"), "{markdown}");
    // The old name still works, and `--jaccard` is `--threshold` by another name.
    assert_eq!(scan(&["--format", "text"]), markdown);
    assert_eq!(
        scan(&["--jaccard", "0.95", "--format", "json"]),
        scan(&["--threshold", "0.95", "--format", "json"])
    );
    let claims = recoupe()
        .args(["claims", "--format", "markdown"])
        .arg(&articles)
        .assert()
        .success();
    assert!(stdout(&claims).starts_with("# recoupe claims"));
}

#[test]
fn gate_against_takes_one_reference_and_leaves_the_paths() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path());
    recoupe()
        .current_dir(dir.path())
        .args(["-q", "index", "build", "articles", "-o", "ref.idx"])
        .assert()
        .success();
    // Readable by the team like any other output, not private to its builder.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("ref.idx"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
    // The paths after the reference are the documents to check, not more references.
    let a = recoupe()
        .current_dir(dir.path())
        .args([
            "gate",
            "--against",
            "ref.idx",
            "articles/a.md",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let outcome = json(&a.get_output().stdout);
    assert_eq!(outcome["documents"], 1);
}

#[test]
fn an_index_goes_to_standard_output_with_dash_and_resolves_from_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path());
    let a = recoupe()
        .current_dir(dir.path())
        .args(["-q", "index", "build", "articles", "-o", "-"])
        .assert()
        .success();
    assert!(!dir.path().join("-").exists(), "a file named - was written");
    let bytes = a.get_output().stdout.clone();
    let elsewhere = tempfile::tempdir().unwrap();
    let idx = elsewhere.path().join("ref.idx");
    std::fs::write(&idx, &bytes).unwrap();
    // Queried from another directory, a finding points at a file that exists.
    let draft = elsewhere.path().join("draft.md");
    std::fs::copy(dir.path().join("articles/a.md"), &draft).unwrap();
    let a = recoupe()
        .current_dir(elsewhere.path())
        .args([
            "gate",
            "draft.md",
            "--against",
            "ref.idx",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let outcome = json(&a.get_output().stdout);
    let reference = outcome["findings"][0]["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["reference"] == true)
        .expect("a reference place")
        .clone();
    let path = reference["location"]["path"].as_str().unwrap();
    assert!(Path::new(path).is_absolute(), "{path}");
    assert!(Path::new(path).exists(), "{path}");
}

#[test]
fn update_baseline_then_a_plain_gate_passes_from_the_folder_or_inside_it() {
    for inside in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let articles = articles(dir.path());
        let (cwd, target) = match inside {
            false => (dir.path().to_path_buf(), "articles"),
            true => (articles.clone(), "."),
        };
        let gate = || {
            let mut c = recoupe();
            c.current_dir(&cwd).args(["gate", target]);
            c
        };
        gate().assert().code(1);
        let a = gate().arg("--update-baseline").assert().success();
        assert!(
            stderr(&a).contains("recoupe-baseline.json"),
            "{}",
            stderr(&a)
        );
        let a = gate().assert().success();
        let err = stderr(&a);
        assert!(err.contains("accepted earlier"), "{err}");
        // Inside the folder the baseline is skipped as recoupe's own file (one warning), not
        // read as an article.
        assert!(err.matches("warning").count() <= 1, "{err}");
    }
}

#[test]
fn gate_json_has_numbers_and_a_pair_counts_under_every_limit_it_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles(dir.path());
    let a = recoupe()
        .args(["gate", "--format", "json", "-q"])
        .arg(&articles)
        .assert()
        .code(1);
    let v = json(&a.get_output().stdout);
    assert_eq!(v["schema"], "recoupe.gate/2");
    let check = |rule: &str| {
        v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["rule"] == rule)
            .unwrap()
            .clone()
    };
    let near = check("near-duplicate");
    assert_eq!(near["limit"], 0.5);
    assert!(near["observed"].as_f64().unwrap() > 0.5, "{near}");
    assert_eq!(near["unit"], "jaccard");
    // The copy's containment is above 0.8 too: that check fails as well, though the pair is
    // listed once.
    let containment = check("containment");
    assert_eq!(containment["passed"], false, "{containment}");
    assert!(containment["observed"].as_f64().unwrap() > 0.8);
    assert_eq!(
        check("duplicate-documents")["limit"],
        serde_json::Value::Null
    );
    let a = recoupe()
        .args([
            "gate",
            "--format",
            "json",
            "-q",
            "--max-duplicate-documents",
            "5%",
        ])
        .arg(&articles)
        .assert()
        .code(1);
    let v = json(&a.get_output().stdout);
    assert_eq!(v["thresholds"]["max_duplicate_documents"]["share"], 0.05);

    // Pair checks off: nothing measured, and it says so rather than "0.000".
    let a = recoupe()
        .args([
            "gate",
            "--format",
            "json",
            "-q",
            "--jaccard",
            "off",
            "--containment",
            "off",
        ])
        .args(["--max-conflicts", "off"])
        .arg(&articles)
        .assert()
        .success();
    let v = json(&a.get_output().stdout);
    let near = &v["checks"][0];
    assert_eq!(near["observed"], serde_json::Value::Null, "{near}");
    assert!(near["summary"].as_str().unwrap().contains("not measured"));
}

#[test]
fn report_lines_are_the_file_s_lines() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles(dir.path());
    let a = recoupe()
        .args(["report", "-q"])
        .arg(&articles)
        .assert()
        .success();
    let report = stdout(&a);
    // The slot row of "15 millions" gives the line where grep -n finds it.
    let file = std::fs::read_to_string(articles.join("b.md")).unwrap();
    let grep_line = file
        .lines()
        .position(|l| l.contains("15 millions"))
        .unwrap()
        + 1;
    let row = report
        .lines()
        .find(|l| l.contains("· b |") && l.contains("15 millions"))
        .unwrap_or_else(|| panic!("no row for b's figure in\n{report}"));
    let cells: Vec<&str> = row.split(" | ").collect();
    assert_eq!(cells[2], grep_line.to_string(), "{row}");
}

#[test]
fn outputs_use_words_not_rust_names() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(
        &text,
        "Près de 300 personnes et plus de 40 élus ont défilé. Jean Dupont a parlé à Lyon.\n",
    )
    .unwrap();
    let a = recoupe().arg("claims").arg(&text).assert().success();
    let out = stdout(&a);
    for rust in [
        "Nearly", "MoreThan", "LessThan", "Unknown", "Count |", "Person",
    ] {
        assert!(!out.contains(rust), "{rust} in\n{out}");
    }
    assert!(out.contains("nearly") && out.contains("more than"), "{out}");
    let a = recoupe()
        .args(["claims", "--format", "json"])
        .arg(&text)
        .assert()
        .success();
    assert!(stdout(&a).contains("\"modifier\": \"nearly\""));

    // A bad setting is shown as written, an OS error once.
    let config = dir.path().join("recoupe.toml");
    std::fs::write(&config, "[gate]\nmax-jaccard = 1.5\n").unwrap();
    let a = recoupe()
        .arg("--config")
        .arg(&config)
        .arg("gate")
        .arg(&text)
        .assert()
        .code(2);
    let err = stderr(&a);
    assert!(
        err.contains("1.5 is neither") && !err.contains("Float"),
        "{err}"
    );
    let a = recoupe().args(["scan", "no-such-file.md"]).assert().code(2);
    let err = stderr(&a);
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
}

#[test]
fn standard_input_named_twice_is_read_once() {
    let body = seed_body("002_39a025f67963c445.md");
    let a = recoupe()
        .args(["scan", "--format", "json", "-", "-"])
        .write_stdin(body)
        .assert()
        .success();
    let v = json(&a.get_output().stdout);
    assert_eq!(v["corpus"]["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["dedup"]["pairs"].as_array().unwrap().len(), 0);
    assert!(stderr(&a).contains("named more than once"));
}

#[test]
fn completions_and_man_page() {
    for (shell, mark) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef recoupe"),
        ("fish", "complete -c recoupe"),
    ] {
        let a = recoupe().args(["completions", shell]).assert().success();
        let script = stdout(&a);
        assert!(script.contains(mark), "{shell}: {script}");
        assert!(
            script.contains("report") && script.contains("jaccard"),
            "{shell}"
        );
    }
    let a = recoupe().arg("man").assert().success();
    let page = stdout(&a);
    assert!(page.contains(".TH recoupe 1"), "{page}");
    assert!(page.contains("gate"));
}

#[test]
fn colour_only_on_request_or_a_terminal_and_never_with_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles(dir.path());
    let gate = |args: &[&str]| {
        let a = recoupe()
            .args(args)
            .args(["gate", "-q"])
            .arg(&articles)
            .env_remove("NO_COLOR")
            .assert()
            .code(1);
        stdout(&a)
    };
    assert!(gate(&["--color", "always"]).contains("\x1b[1;31mFAIL"));
    // Standard output is a pipe here: auto means none.
    assert!(!gate(&[]).contains('\x1b'));
    assert!(!gate(&["--color", "never"]).contains('\x1b'));
    let a = recoupe()
        .args(["--color", "auto", "gate", "-q"])
        .arg(&articles)
        .env("NO_COLOR", "1")
        .assert()
        .code(1);
    assert!(!stdout(&a).contains('\x1b'));
}

#[test]
fn recoupe_toml_sets_scan_and_report_and_verbose_names_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    articles(dir.path());
    let pairs = |cwd: &Path, extra: &[&str]| {
        let a = recoupe()
            .current_dir(cwd)
            .args(extra)
            .args(["scan", "--format", "json", "articles"])
            .assert()
            .success();
        let v = json(&a.get_output().stdout);
        (v["dedup"]["pairs"].as_array().unwrap().len(), stderr(&a))
    };
    let (before, _) = pairs(dir.path(), &[]);
    assert_eq!(before, 1);
    // A Jaccard threshold no pair reaches, and no containment either.
    std::fs::write(
        dir.path().join("recoupe.toml"),
        "[scan]\njaccard = 0.999\ncontainment = 0.999\npassage-share = \"off\"\n\n[report]\nevent-window-days = 3\n",
    )
    .unwrap();
    let (after, err) = pairs(dir.path(), &["-v"]);
    assert_eq!(after, 0, "{err}");
    assert!(
        err.contains("config: ") && err.contains("recoupe.toml"),
        "{err}"
    );
    assert!(err.contains("--jaccard 0.999"), "{err}");
    // A flag wins over the file; --no-config ignores it.
    assert_eq!(pairs(dir.path(), &["--no-config"]).0, 1);
    let a = recoupe()
        .current_dir(dir.path())
        .args([
            "report",
            "--format",
            "json",
            "-q",
            "--jaccard",
            "0.5",
            "articles",
        ])
        .assert()
        .success();
    let v = json(&a.get_output().stdout);
    assert_eq!(v["parameters"]["dedup"]["threshold"], 0.5);
    assert_eq!(v["parameters"]["compare"]["event_window_days"], 3);
    // A bad value names the file and the key.
    std::fs::write(
        dir.path().join("recoupe.toml"),
        "[scan]\njaccard = \"off\"\n",
    )
    .unwrap();
    let a = recoupe()
        .current_dir(dir.path())
        .args(["scan", "articles"])
        .assert()
        .code(2);
    let err = stderr(&a);
    assert!(
        err.contains("recoupe.toml:2") && err.contains("jaccard"),
        "{err}"
    );
}

#[test]
fn files_written_are_named_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gen.jsonl");
    let a = recoupe()
        .args(["gen", "-n", "5", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(stderr(&a).contains("wrote ") && stderr(&a).contains("5 documents"));
    let scan = dir.path().join("scan.md");
    let a = recoupe()
        .arg("scan")
        .arg(corpus_dir())
        .arg("-o")
        .arg(&scan)
        .assert()
        .success();
    assert!(stderr(&a).contains("scan.md"), "{}", stderr(&a));
}
