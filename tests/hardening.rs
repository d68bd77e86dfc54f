//! Hostile and careless inputs: nothing the user has is lost, no input crashes, stalls or
//! exhausts the machine, and the gate cannot be passed by dressing a copy up.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("recoupe")
}

/// A device node made with mknod in `dir`, or `None` where that is not permitted (not root,
/// or a container without the capability): the tests that need one then check nothing.
fn device(dir: &Path, name: &str, major: u32, minor: u32) -> Option<PathBuf> {
    let path = dir.join(name);
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a plain system call on a path this test owns.
    let rc = unsafe {
        libc::mknod(
            c.as_ptr(),
            libc::S_IFCHR | 0o666,
            libc::makedev(major, minor),
        )
    };
    if rc != 0 {
        eprintln!("mknod not permitted here; skipping the device check");
        return None;
    }
    Some(path)
}

fn fifo(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    path
}

fn file_type(path: &Path) -> std::fs::FileType {
    std::fs::symlink_metadata(path).unwrap().file_type()
}

// 1. `-o` never replaces what is at the path.

#[test]
fn output_to_a_device_writes_through_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let Some(null) = device(dir.path(), "null", 1, 3) else {
        return;
    };
    recoupe()
        .args(["scan"])
        .arg(corpus_dir())
        .arg("-o")
        .arg(&null)
        .assert()
        .success();
    assert!(file_type(&null).is_char_device(), "the device was replaced");
}

#[test]
fn output_to_a_fifo_reaches_its_reader() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path(), "pipe");
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap())
    };
    recoupe()
        .args(["scan"])
        .arg(corpus_dir())
        .arg("-o")
        .arg(&pipe)
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    let got = reader.join().unwrap();
    assert!(got.contains("recoupe"), "{got}");
    assert!(file_type(&pipe).is_fifo());
}

#[test]
fn output_through_a_symlink_updates_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.md");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    recoupe()
        .args(["scan"])
        .arg(corpus_dir())
        .arg("-o")
        .arg(&link)
        .assert()
        .success();
    assert!(file_type(&link).is_symlink());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("recoupe")
    );
}

// 2. `-o` naming an input is refused.

#[test]
fn an_output_over_an_input_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let article = input.join("a.txt");
    std::fs::write(&article, seed_body("002_39a025f67963c445.md")).unwrap();
    let before = std::fs::read(&article).unwrap();
    let runs: [&[&str]; 4] = [&["scan"], &["claims"], &["report"], &["gate"]];
    for args in runs {
        let err = stderr_of(
            recoupe()
                .args(args)
                .arg(&input)
                .arg("-o")
                .arg(&article)
                .assert()
                .code(2),
        );
        assert!(err.contains("is one of the inputs"), "{args:?}: {err}");
    }
    recoupe()
        .arg("gate")
        .arg(&input)
        .arg("--sarif")
        .arg(&article)
        .assert()
        .code(2);
    assert_eq!(std::fs::read(&article).unwrap(), before);
}

// 3. Appending a phrase does not hide a copy.

#[test]
fn a_promotional_phrase_does_not_hide_a_one_line_copy() {
    let dir = tempfile::tempdir().unwrap();
    let body = seed_body("002_39a025f67963c445.md");
    let one_line = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let records = [
        serde_json::json!({"id": "original", "text": one_line}),
        serde_json::json!({"id": "copy", "text": format!("{one_line} Suivez-nous sur Twitter.")}),
    ];
    let path = dir.path().join("feed.jsonl");
    let lines: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    recoupe()
        .args(["gate", "--no-config"])
        .arg(&path)
        .assert()
        .code(1);
    let claims = json_ok(recoupe().args(["claims", "--format", "json"]).arg(&path));
    for doc in claims["documents"].as_array().unwrap() {
        assert!(
            !doc["claims"].as_array().unwrap().is_empty(),
            "{} lost its claims",
            doc["id"]
        );
    }
}

#[test]
fn a_mostly_boilerplate_document_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Une phrase de l'article.\n");
    for k in 0..20 {
        text.push_str(&format!("Suivez-nous sur les réseaux, rubrique {k}.\n"));
    }
    std::fs::write(dir.path().join("promo.txt"), text).unwrap();
    let err = stderr_of(recoupe().arg("scan").arg(dir.path()).assert().success());
    assert!(
        err.contains("promo.txt") && err.contains("boilerplate"),
        "{err}"
    );
}

// 4. HTML that crashed or stalled the parser.

fn scan_quickly(dir: &Path, limit: Duration) -> String {
    let start = Instant::now();
    let out = recoupe()
        .arg("scan")
        .arg(dir)
        .timeout(limit * 4)
        .assert()
        .success();
    assert!(start.elapsed() < limit, "took {:?}", start.elapsed());
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn hostile_html_neither_crashes_nor_stalls() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let inline = format!(
        "<p>{}texte profond{}</p>",
        "<b>".repeat(20_000),
        "</b>".repeat(20_000)
    );
    std::fs::write(p.join("inline.html"), format!("<body>{inline}</body>")).unwrap();
    std::fs::write(
        p.join("divs.html"),
        format!(
            "<body>{}bas{}</body>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ),
    )
    .unwrap();
    let attrs: String = (0..500_000).map(|i| format!(" a{i}=x")).collect();
    std::fs::write(
        p.join("attrs.html"),
        format!("<body><p{attrs}>attributs</p></body>"),
    )
    .unwrap();
    let err = scan_quickly(p, Duration::from_secs(30));
    for name in ["inline.html", "divs.html", "attrs.html"] {
        assert!(err.contains(name), "no warning for {name}: {err}");
    }
}

// 5. Comparison and extraction stay bounded.

#[test]
fn thousands_of_names_and_quotes_in_one_document_stay_linear() {
    let dir = tempfile::tempdir().unwrap();
    let syllables = ["ka", "lo", "mi", "ra", "te", "no", "vu", "zi", "pe", "do"];
    let name = |k: usize| -> String {
        let s = |d: usize| syllables[(k / 10usize.pow(d as u32)) % 10];
        let first = format!("{}{}{}", s(0), s(1), s(2));
        let last = format!("{}{}{}", s(3), s(2), s(1));
        let cap = |w: String| w[..1].to_uppercase() + &w[1..];
        format!("{} {}", cap(first), cap(last))
    };
    let names: String = (0..3000)
        .map(|k| format!("{} est venu. ", name(k)))
        .collect();
    std::fs::write(dir.path().join("names.txt"), names).unwrap();
    let quotes: String = (0..3000)
        .map(|k| format!("« voici la phrase numéro {k} de la liste »,"))
        .collect::<Vec<_>>()
        .join(" ");
    std::fs::write(
        dir.path().join("quotes.txt"),
        format!("Il a dit {quotes} selon Jean Dupont, et 12 autres."),
    )
    .unwrap();
    let start = Instant::now();
    let out = recoupe()
        .args(["claims", "--format", "json"])
        .arg(dir.path())
        .timeout(Duration::from_secs(120))
        .assert()
        .success();
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
    let bytes = out.get_output().stdout.len();
    // About a kilobyte per claim, quote or name; the sentence copied into each would be
    // 3,000 × 150 KB.
    assert!(bytes < 20_000_000, "{bytes} bytes of JSON");
}

#[test]
fn many_similar_documents_naming_nobody_are_compared_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let places = ["salle", "mairie", "gare", "école", "halle", "place"];
    let lines: Vec<String> = (0..3000)
        .map(|k| {
            serde_json::json!({
                "id": format!("d{k}"),
                "text": format!("il y avait {} personnes dans la {} hier soir.", 10 + k % 500, places[k % 6]),
                "published": "2024-06-19",
            })
            .to_string()
        })
        .collect();
    let path = dir.path().join("short.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let start = Instant::now();
    recoupe()
        .args([
            "--quiet",
            "gate",
            "--no-config",
            "--max-jaccard",
            "off",
            "--max-containment",
            "off",
        ])
        .arg(&path)
        .timeout(Duration::from_secs(180))
        .assert()
        .code(predicates::ord::lt(2));
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
}

// 6. Nothing from the input reaches a terminal or a CI log as a command.

#[test]
fn names_cannot_inject_into_terminals_or_ci_logs() {
    let dir = tempfile::tempdir().unwrap();
    let body = seed_body("002_39a025f67963c445.md");
    let evil = "a\n::error file=README.md,line=1::forged\u{1b}]52;c;aGk=\u{7}.txt";
    std::fs::write(dir.path().join(evil), &body).unwrap();
    std::fs::write(dir.path().join("b.txt"), &body).unwrap();
    std::fs::write(dir.path().join("empty\u{1b}[2K.txt"), "").unwrap();
    for format in ["text", "github"] {
        let out = recoupe()
            .args(["gate", "--no-config", "--format", format])
            .arg(dir.path())
            .assert()
            .code(1)
            .get_output()
            .clone();
        for stream in [&out.stdout, &out.stderr] {
            let s = String::from_utf8_lossy(stream);
            assert!(
                !s.contains('\u{1b}') && !s.contains('\0'),
                "{format}: {s:?}"
            );
            assert!(
                !s.lines().any(|l| l.starts_with("::error file=README.md")),
                "{format}: {s}"
            );
        }
    }
    let out = recoupe()
        .args(["claims"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(!String::from_utf8_lossy(&out.get_output().stdout).contains('\u{1b}'));
}

// 7. Unbounded inputs stop with an error naming them.

#[test]
fn endless_standard_input_stops_at_the_limit_and_leaves_no_spool() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(bin())
        .args(["scan", "-", "--max-input-bytes", "1M"])
        .env("TMPDIR", tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = "{\"id\": \"x\", \"text\": \"encore une ligne\"}\n".repeat(1000);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            if std::io::Write::write_all(&mut stdin, chunk.as_bytes()).is_err() {
                return;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>") && err.contains("1048576"), "{err}");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn a_signal_removes_the_spool_of_standard_input() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(bin())
        .args(["scan", "-"])
        .env("TMPDIR", tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut stdin, b"{\"id\": \"x\", \"text\": \"une ligne\"}\n").unwrap();
    // Wait for the spool to appear, then stop the run while it still reads.
    let start = Instant::now();
    while std::fs::read_dir(tmp.path()).unwrap().count() == 0 {
        assert!(start.elapsed() < Duration::from_secs(30), "no spool file");
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: a signal to the child this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let status = child.wait().unwrap();
    drop(stdin);
    assert!(!status.success());
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn a_zero_device_and_a_fifo_without_writer_end() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path(), "pipe.jsonl");
    // No writer: read as empty, not waited for.
    recoupe()
        .arg("scan")
        .arg(&pipe)
        .arg(corpus_dir())
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    if let Some(zero) = device(dir.path(), "zero", 1, 5) {
        let err = stderr_of(
            recoupe()
                .arg("scan")
                .arg(&zero)
                .arg(corpus_dir())
                .timeout(Duration::from_secs(60))
                .assert()
                .success(),
        );
        assert!(err.contains("binary"), "{err}");
    }
}

#[test]
fn an_oversized_document_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = "mot ".repeat(100_000);
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    let err = stderr_of(
        recoupe()
            .args(["scan", "--max-doc-bytes", "64K"])
            .arg(dir.path())
            .assert()
            .code(2),
    );
    assert!(
        err.contains("big.txt") && err.contains("--max-doc-bytes"),
        "{err}"
    );
    let line = serde_json::json!({"id": "b", "text": big}).to_string();
    std::fs::write(dir.path().join("big.txt"), "petit").unwrap();
    std::fs::write(
        dir.path().join("feed.jsonl"),
        format!("{{\"id\":\"a\",\"text\":\"x\"}}\n{line}\n"),
    )
    .unwrap();
    let err = stderr_of(
        recoupe()
            .args(["scan", "--max-doc-bytes", "64K"])
            .arg(dir.path())
            .assert()
            .code(2),
    );
    assert!(err.contains("feed.jsonl:2"), "{err}");
    recoupe()
        .args(["scan", "--max-doc-bytes", "0"])
        .arg(dir.path())
        .assert()
        .success();
}

// 8. Silent mistakes.

#[test]
fn a_dot_idx_that_is_not_an_index_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let lfs = dir.path().join("archive.idx");
    std::fs::write(
        &lfs,
        "version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 12\n",
    )
    .unwrap();
    let out = recoupe()
        .args(["gate", "--no-config"])
        .arg(corpus_dir())
        .arg("--against")
        .arg(&lfs)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("archive.idx"));
}

#[test]
fn concurrent_index_adds_keep_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("a.idx");
    let generate = |name: &str, seed: &str| {
        let path = dir.path().join(name);
        recoupe()
            .args(["gen", "-n", "300", "--seed", seed, "-o"])
            .arg(&path)
            .assert()
            .success();
        // Ids of their own, so that both adds are accepted.
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\"id\":\"", &format!("\"id\":\"{name}-"));
        std::fs::write(&path, text).unwrap();
        path
    };
    let (base, a, b) = (
        generate("base", "1"),
        generate("x", "2"),
        generate("y", "3"),
    );
    recoupe()
        .args(["index", "build"])
        .arg(&base)
        .arg("-o")
        .arg(&idx)
        .assert()
        .success();
    let add = |more: &Path| {
        Command::new(bin())
            .args(["--quiet", "index", "add"])
            .arg(&idx)
            .arg(more)
            .spawn()
            .unwrap()
    };
    let (mut one, mut two) = (add(&a), add(&b));
    assert!(one.wait().unwrap().success());
    assert!(two.wait().unwrap().success());
    let out = recoupe()
        .args(["index", "info"])
        .arg(&idx)
        .assert()
        .success();
    let info = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(info.contains(": 900 documents"), "{info}");
}

#[test]
fn index_files_keep_their_mode_and_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.idx");
    recoupe()
        .args(["index", "build"])
        .arg(corpus_dir())
        .arg("-o")
        .arg(&real)
        .assert()
        .success();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&real), 0o644);
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o664)).unwrap();
    let link = dir.path().join("link.idx");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let more = dir.path().join("more.txt");
    std::fs::write(
        &more,
        "Un nouvel article sur un tout autre sujet, assez long pour compter.",
    )
    .unwrap();
    recoupe()
        .args(["index", "add"])
        .arg(&link)
        .arg(&more)
        .assert()
        .success();
    assert!(file_type(&link).is_symlink());
    assert_eq!(mode(&real), 0o664);
}

#[test]
fn index_info_to_a_full_device_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let Some(full) = device(dir.path(), "full", 1, 7) else {
        return;
    };
    let idx = dir.path().join("c.idx");
    recoupe()
        .args(["index", "build"])
        .arg(corpus_dir())
        .arg("-o")
        .arg(&idx)
        .assert()
        .success();
    let out = Command::new(bin())
        .args(["index", "info"])
        .arg(&idx)
        .stdout(std::fs::OpenOptions::new().write(true).open(&full).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn a_config_above_a_directory_outside_any_repository_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let work = dir.path().join("shared").join("work");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&work).unwrap();
    // Planted one level up: it would turn every check off.
    std::fs::write(
        dir.path().join("shared").join("recoupe.toml"),
        "[gate]\nmax-jaccard = \"off\"\nmax-containment = \"off\"\nmax-conflicts = \"off\"\n",
    )
    .unwrap();
    let body = seed_body("002_39a025f67963c445.md");
    std::fs::write(work.join("a.txt"), &body).unwrap();
    std::fs::write(work.join("b.txt"), &body).unwrap();
    recoupe()
        .current_dir(&work)
        .env("HOME", &home)
        .args(["gate", "."])
        .assert()
        .code(1);
    // In the directory itself it applies, and the run says which file it used.
    std::fs::rename(
        dir.path().join("shared").join("recoupe.toml"),
        work.join("recoupe.toml"),
    )
    .unwrap();
    let out = recoupe()
        .current_dir(&work)
        .env("HOME", &home)
        .args(["gate", "a.txt", "b.txt"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("recoupe.toml"));
}

#[test]
fn links_out_of_an_input_directory_are_skipped_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("secret.txt");
    std::fs::write(
        &outside,
        "Le mot de passe est 1234 et personne ne doit le lire.",
    )
    .unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), seed_body("002_39a025f67963c445.md")).unwrap();
    std::os::unix::fs::symlink(&outside, input.join("notes.txt")).unwrap();
    std::os::unix::fs::symlink(input.join("a.txt"), input.join("inside.txt")).unwrap();
    let ids = |extra: &[&str]| -> (Vec<String>, String) {
        let out = recoupe()
            .args(["scan", "--format", "json"])
            .args(extra)
            .arg(&input)
            .assert()
            .success()
            .get_output()
            .clone();
        let v = json(&out.stdout);
        let ids = v["corpus"]["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect();
        (ids, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (plain, err) = ids(&[]);
    // A link to a file of the directory is that file: read once, not as its own duplicate.
    assert_eq!(plain, ["a"]);
    assert!(err.contains("inside.txt: the same file as"), "{err}");
    assert!(
        err.contains("notes.txt") && err.contains("--follow-links"),
        "{err}"
    );
    let (followed, _) = ids(&["--follow-links"]);
    assert_eq!(followed, ["a", "notes"]);
}

#[test]
fn utf16_files_are_read_and_unclosed_front_matter_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Le sommet a réuni 12 dirigeants à Pékin.";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("windows.txt"), le).unwrap();
    std::fs::write(
        dir.path().join("open.md"),
        "---\ntitle: Sans fin\nUn texte sans fin de bloc.\n",
    )
    .unwrap();
    let out = recoupe()
        .args(["claims", "--format", "json"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let v = json(&out.stdout);
    let doc = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "windows")
        .expect("the UTF-16 file is read");
    assert_eq!(doc["claims"][0]["text"], "12 dirigeants");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("open.md:1") && err.contains("not closed"),
        "{err}"
    );
}

// Outputs stay the same whatever the thread count or the order of the inputs.

#[test]
fn report_and_gate_are_identical_across_threads_and_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let gen_path = dir.path().join("g.jsonl");
    recoupe()
        .args(["gen", "-n", "300", "--seed", "5", "-o"])
        .arg(&gen_path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&gen_path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    // A fixed shuffle: reversed halves, interleaved.
    let (a, b) = lines.split_at(lines.len() / 2);
    let mut shuffled: Vec<&str> = Vec::new();
    for (x, y) in a.iter().rev().zip(b.iter()) {
        shuffled.extend([*y, *x]);
    }
    lines = shuffled;
    // Same file name: the report is named after its input.
    std::fs::create_dir(dir.path().join("shuffled")).unwrap();
    let shuffled_path = dir.path().join("shuffled").join("g.jsonl");
    std::fs::write(&shuffled_path, lines.join("\n") + "\n").unwrap();
    let run = |threads: &str, path: &Path, command: &[&str]| -> Vec<u8> {
        recoupe()
            .args(["--quiet", "--threads", threads])
            .args(command)
            .arg(path)
            .args(["-o", "-"])
            .output()
            .unwrap()
            .stdout
    };
    // Origins name the file and line, which differ by construction between the two files.
    let without_origins =
        |bytes: &[u8]| strip_origins(serde_json::from_slice(bytes).unwrap()).to_string();
    for command in [
        &["report", "--format", "json"][..],
        &["report", "--format", "markdown"][..],
        &["gate", "--no-config", "--format", "json"][..],
    ] {
        let one = run("1", &gen_path, command);
        for threads in ["2", "8"] {
            assert!(
                one == run(threads, &gen_path, command),
                "{command:?} {threads}"
            );
        }
        if command.contains(&"json") {
            let shuffled = run("2", &shuffled_path, command);
            assert!(
                without_origins(&one) == without_origins(&shuffled),
                "{command:?} shuffled"
            );
        }
    }
}

fn strip_origins(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(k, _)| !matches!(k.as_str(), "origin" | "location" | "line" | "places"))
                .map(|(k, v)| (k, strip_origins(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_origins).collect()),
        other => other,
    }
}
