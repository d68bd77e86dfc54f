//! `recoupe report --format html`: one self-contained page, article text escaped, and in a real
//! headless browser (Debian's chromium) the filters and the address's first choice work. The
//! browser test skips, saying so, when no browser is installed; its profile, page and
//! screenshot live in a temporary directory.

mod common;

use common::recoupe;
use std::path::{Path, PathBuf};

/// Two outlets' versions of one story, one figure changed, and a third article with a title that
/// tries to open a script.
fn corpus(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let story = "Le conseil municipal de Villefranche a voté mardi un budget de 12 millions \
                 d'euros pour rénover les écoles de la commune, selon le maire. Les travaux \
                 commenceront en mars et dureront deux ans. Quatre écoles sont concernées par \
                 ce plan, qui prévoit aussi la construction d'un gymnase près de la gare. \
                 L'opposition a voté contre, jugeant le projet trop coûteux pour les finances \
                 locales déjà fragiles après la crise.";
    let write = |name: &str, id: &str, title: &str, source: &str, body: &str| {
        std::fs::write(
            articles.join(name),
            format!(
                "---\nid: {id}\ntitle: \"{title}\"\nsource: {source}\npublished: 2024-03-05\n---\n\n{body}\n"
            ),
        )
        .unwrap();
    };
    write("a.md", "a", "Budget des écoles", "La Voix", story);
    write(
        "b.md",
        "b",
        "Écoles : le budget voté",
        "Le Courrier",
        &story.replace("12 millions", "15 millions"),
    );
    write(
        "c.md",
        "c",
        "<script>alert(1)</script>",
        "Autre",
        "Un texte sans rapport <img src=x onerror=alert(2)> sur 40 communes.",
    );
    articles
}

fn html_report(dir: &Path) -> (PathBuf, String) {
    let articles = corpus(dir);
    let page = dir.join("report.html");
    recoupe()
        .args(["report", "-q", "--format", "html", "-o"])
        .arg(&page)
        .arg(&articles)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    (page, html)
}

#[test]
fn the_page_is_self_contained_and_escapes_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = html_report(dir.path());
    assert!(html.starts_with("<!doctype html>"));
    // Nothing is fetched when the page is viewed.
    for external in ["<link", " src=", "http://", "https://", "@import"] {
        assert!(!html.contains(external), "{external} in the page");
    }
    // One script, the page's own; the article's title and markup are text.
    assert_eq!(html.matches("<script>").count(), 1);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<img"));
    // The changed figure is a conflict, its two sources side by side with titles and outlets.
    let conflict = html
        .split("<section class=\"slot\"")
        .find(|s| s.contains("data-verdict=\"conflict\""))
        .expect("a conflict slot");
    assert!(
        conflict.contains("Budget des écoles — La Voix"),
        "{conflict}"
    );
    assert!(conflict.contains("Le Courrier"));
    assert!(conflict.contains("<mark>15 millions"), "{conflict}");
    // The reprint's edit is marked on each side.
    assert!(html.contains("<del>12</del>") && html.contains("<ins>15</ins>"));
}

/// The browser to drive: `RECOUPE_CHROMIUM`, else chromium on the PATH.
fn browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RECOUPE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser", "google-chrome"].map(|b| d.join(b)))
        .find(|p| p.is_file())
}

fn headless(browser: &Path, profile: &Path, args: &[&str], url: &str) -> std::process::Output {
    std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the browser runs")
}

#[test]
fn filters_work_in_a_headless_browser() {
    let Some(browser) = browser() else {
        eprintln!("skipped: no chromium installed (apt-get install chromium, or RECOUPE_CHROMIUM)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (page, html) = html_report(dir.path());
    let profile = dir.path().join("profile");
    let url = |hash: &str| format!("file://{}{hash}", page.display());
    let dom = |hash: &str| {
        let out = headless(&browser, &profile, &["--dump-dom"], &url(hash));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let slots = html.matches("<section class=\"slot\"").count();
    let conflicts = html.matches("data-verdict=\"conflict\"").count();
    assert!(
        slots > conflicts && conflicts >= 1,
        "{slots} slots, {conflicts} conflicts"
    );

    // The script ran and shows every fact.
    let all = dom("");
    assert!(
        all.contains("data-ready=\"1\""),
        "the script did not run:\n{all}"
    );
    assert!(all.contains(&format!("data-shown=\"{slots}\"")), "{all}");
    // A verdict chosen in the address hides the other slots.
    let only = dom("#verdict=conflict");
    assert!(
        only.contains(&format!("data-shown=\"{conflicts}\"")),
        "{only}"
    );
    let hidden = only
        .split("<section class=\"slot\"")
        .skip(1)
        .filter(|s| s.split('>').next().unwrap_or("").contains("hidden"))
        .count();
    assert_eq!(hidden, slots - conflicts);
    // A source that states none of the facts leaves none shown.
    let none = dom("#source=Autre");
    assert!(none.contains("data-shown=\"0\""), "{none}");

    let shot = dir.path().join("report.png");
    let out = headless(
        &browser,
        &profile,
        &[
            "--window-size=1280,1600",
            &format!("--screenshot={}", shot.display()),
        ],
        &url(""),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
}
