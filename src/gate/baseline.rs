//! Baselines: the findings a team has looked at and accepted, so that CI fails only on new ones.
//! A finding is known by its rule's family (a pair, whether flagged for Jaccard or containment;
//! a slot) and its key (the two document ids; the documents and words of the slot's claims).

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Finding, Rule};
use crate::error::{Error, Location, Result};

pub const SCHEMA: &str = "recoupe.baseline/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: Rule,
    pub key: Vec<String>,
    /// What was accepted, in words, for the reviewer of the baseline's diff.
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema: String,
    pub accepted: Vec<Entry>,
}

impl Default for Baseline {
    fn default() -> Self {
        Baseline {
            schema: SCHEMA.to_string(),
            accepted: Vec::new(),
        }
    }
}

/// Pair rules are one family: a pair accepted as a near-duplicate (or as sharing passages) stays
/// accepted when an edit makes it trip another pair check instead.
fn family(rule: Rule) -> u8 {
    match rule {
        Rule::NearDuplicate | Rule::Containment | Rule::SharedPassages => 0,
        Rule::DuplicateDocuments => 1,
        Rule::Conflict => 2,
    }
}

impl Baseline {
    /// Reads a baseline; errors name the file and the line.
    pub fn load(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| Error::Input {
            location: Location::line(path, e.line()),
            message: format!("not a recoupe baseline: {e}"),
        })?;
        if baseline.schema != SCHEMA {
            return Err(Error::Input {
                location: Location::file(path),
                message: format!(
                    "baseline schema {:?}; this recoupe reads {SCHEMA:?}",
                    baseline.schema
                ),
            });
        }
        Ok(baseline)
    }

    /// The baseline that accepts `findings` (corpus-wide ones excepted: they are recomputed
    /// from the pairs that are not accepted), sorted so that its diffs are readable.
    pub fn accepting(findings: &[Finding]) -> Baseline {
        let mut accepted: Vec<Entry> = findings
            .iter()
            .filter(|f| f.rule != Rule::DuplicateDocuments)
            .map(|f| Entry {
                rule: f.rule,
                key: f.key.clone(),
                message: f.message.clone(),
            })
            .collect();
        accepted.sort_by(|x, y| (x.rule, &x.key).cmp(&(y.rule, &y.key)));
        accepted.dedup_by(|x, y| x.rule == y.rule && x.key == y.key);
        Baseline {
            accepted,
            ..Baseline::default()
        }
    }

    pub fn len(&self) -> usize {
        self.accepted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.accepted.is_empty()
    }

    /// A lookup of the entries, for checking many findings.
    pub fn lookup(&self) -> Lookup<'_> {
        let mut map = rustc_hash::FxHashMap::default();
        for (k, e) in self.accepted.iter().enumerate() {
            map.entry((family(e.rule), e.key.as_slice())).or_insert(k);
        }
        Lookup(map)
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The entries by rule family and key.
pub struct Lookup<'a>(rustc_hash::FxHashMap<(u8, &'a [String]), usize>);

impl Lookup<'_> {
    /// The entry accepting a finding of `rule` with `key`.
    pub fn position(&self, rule: Rule, key: &[String]) -> Option<usize> {
        self.0.get(&(family(rule), key)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line_and_families_match() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(
            &path,
            "{\n  \"schema\": \"recoupe.baseline/1\",\n  \"accepted\": [x]\n}",
        )
        .unwrap();
        let err = Baseline::load(&path).unwrap_err().to_string();
        assert!(err.contains("b.json:3"), "{err}");

        let b = Baseline {
            accepted: vec![Entry {
                rule: Rule::NearDuplicate,
                key: vec!["a".into(), "b".into()],
                message: String::new(),
            }],
            ..Baseline::default()
        };
        let key = ["a".to_string(), "b".to_string()];
        assert_eq!(b.lookup().position(Rule::Containment, &key), Some(0));
        assert_eq!(b.lookup().position(Rule::Conflict, &key), None);
        std::fs::write(&path, b.to_json()).unwrap();
        assert_eq!(Baseline::load(&path).unwrap(), b);
    }
}
