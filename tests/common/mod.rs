//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The body of a corpus article (front matter removed).
pub fn seed_body(name: &str) -> String {
    let text = std::fs::read_to_string(corpus_dir().join(name)).expect("seed file");
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("end of front matter");
    rest[end + 5..].to_string()
}

pub fn recoupe() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("recoupe").expect("binary built")
}

/// Runs the command, requires success, and parses its standard output as JSON.
pub fn json_ok(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    json(&cmd.assert().success().get_output().stdout)
}

pub fn json(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output).expect("valid JSON output")
}

/// Characters `start..end` of `text`.
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The spellings of the entity group (in a JSON list of groups) that holds `spelling`.
pub fn group_spellings<'v>(groups: &'v serde_json::Value, spelling: &str) -> Vec<&'v str> {
    let group = groups
        .as_array()
        .expect("a list of entity groups")
        .iter()
        .find(|g| {
            g["variants"]
                .as_array()
                .unwrap()
                .iter()
                .any(|v| v["spelling"] == spelling)
        })
        .unwrap_or_else(|| panic!("no entity group spells {spelling:?}"));
    group["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["spelling"].as_str().unwrap())
        .collect()
}

/// Standard error of a finished command, as text.
pub fn stderr_of(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}
