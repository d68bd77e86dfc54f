//! SARIF 2.1.0, the format code-scanning dashboards read: one rule per gate check, one result per
//! new finding, located at the document (or the claim's line) with the other side related.

use serde_json::{Value, json};

use crate::error::Location;
use crate::gate::{Finding, Outcome, Rule};

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A URI reference for a path: `/` separators, and every byte outside the unreserved set and
/// `/` percent-encoded (so a `:` in a file name is not read as a scheme). Absolute paths
/// become `file://` URIs.
/// A file name that is not UTF-8 keeps its own bytes, encoded: replaced by U+FFFD, it would
/// point at another file.
pub fn uri(path: &std::path::Path) -> String {
    let bytes = path_bytes(path);
    let mut out = String::with_capacity(bytes.len());
    for &b in &bytes {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if bytes.starts_with(b"/") {
        format!("file://{out}")
    } else {
        out
    }
}

#[cfg(unix)]
fn path_bytes(path: &std::path::Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn path_bytes(path: &std::path::Path) -> Vec<u8> {
    path.to_string_lossy().replace('\\', "/").into_bytes()
}

fn physical(location: &Location) -> Option<Value> {
    if location.is_stdin() {
        return None;
    }
    let mut physical = json!({ "artifactLocation": { "uri": uri(&location.path) } });
    if let Some(line) = location.line {
        physical["region"] = json!({ "startLine": line.max(1) });
    }
    Some(physical)
}

/// Stable across runs and machines: the rule's family and the finding's key.
pub fn fingerprint(finding: &Finding) -> String {
    let family = match finding.rule {
        Rule::NearDuplicate | Rule::Containment | Rule::SharedPassages => "pair",
        other => other.id(),
    };
    let text = format!("{family}\u{1f}{}", finding.key.join("\u{1f}"));
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

fn result(finding: &Finding) -> Value {
    let rule_index = Rule::ALL
        .iter()
        .position(|r| *r == finding.rule)
        .unwrap_or(0);
    let mut result = json!({
        "ruleId": finding.rule.id(),
        "ruleIndex": rule_index,
        "level": finding.level.label(),
        "message": { "text": finding.message },
        "partialFingerprints": { "recoupeFinding/v1": fingerprint(finding) },
    });
    let mut places = finding.places.iter();
    if let Some(first) = places.next()
        && let Some(p) = physical(&first.location)
    {
        result["locations"] = json!([{
            "physicalLocation": p,
            "message": { "text": format!("document {}", first.document) },
        }]);
    }
    let related: Vec<Value> = places
        .filter_map(|place| {
            let p = physical(&place.location)?;
            Some(json!({
                "physicalLocation": p,
                "message": { "text": format!("document {}", place.document) },
            }))
        })
        .enumerate()
        .map(|(id, mut v)| {
            v["id"] = json!(id);
            v
        })
        .collect();
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

pub fn render(outcome: &Outcome) -> String {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id(),
                "shortDescription": { "text": rule.description() },
                "defaultConfiguration": { "level": "error" },
            })
        })
        .collect();
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "recoupe",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": true,
                "properties": { "passed": outcome.passed, "checks": outcome.checks },
            }],
            "results": outcome.findings.iter().map(result).collect::<Vec<_>>(),
            "properties": { "thresholds": outcome.thresholds, "accepted": outcome.accepted },
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri(Path::new("corpus/a b.md")), "corpus/a%20b.md");
        assert_eq!(uri(Path::new("c:d/é.md")), "c%3Ad/%C3%A9.md");
        assert_eq!(uri(Path::new("/tmp/x.md")), "file:///tmp/x.md");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let latin1 = std::ffi::OsStr::from_bytes(b"d/caf\xe9.md");
            assert_eq!(uri(Path::new(latin1)), "d/caf%E9.md");
        }
    }
}
