//! The CI gate: the findings of a scan (near-duplicate pairs, documents in duplicates, slots where
//! sources conflict) held against thresholds, minus what a baseline accepted. The gate decides
//! pass or fail; the renderers in [`crate::report`] say why in each CI's format.

pub mod baseline;
pub use crate::config;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::compare::{Slot, VerdictKind};
use crate::corpus::{Document, position};
use crate::dedup::{DedupParams, Pair};
use crate::error::{Error, Location, Result};

pub use baseline::Baseline;

/// Version of the gate's JSON layout.
/// Version 2: a check's `limit` and `observed` are numbers (or null), in its `unit`, with the
/// words in `summary`, and `thresholds.max_duplicate_documents` is `{"count": n}` or
/// `{"share": x}` (version 1 had them as strings).
pub const SCHEMA: &str = "recoupe.gate/2";

/// What a scan calls a near-duplicate ([`DedupParams::default`]): the definition behind the
/// duplicate-documents check, whatever the pair thresholds.
fn duplicate_definition() -> (f64, f64) {
    let d = DedupParams::default();
    (d.threshold, d.containment)
}

/// A limit on documents: a count, or a share of the documents checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    Count(usize),
    Share(f64),
}

impl Limit {
    fn allows(self, count: usize, total: usize) -> bool {
        match self {
            Limit::Count(n) => count <= n,
            Limit::Share(s) => total == 0 || count as f64 <= s * total as f64 + 1e-9,
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Count(n) => write!(f, "{n}"),
            Limit::Share(s) => write!(f, "{}%", s * 100.0),
        }
    }
}

impl FromStr for Limit {
    type Err = String;

    /// `3` (documents) or `5%` (of the documents checked).
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let s = s.trim();
        if let Some(pct) = s.strip_suffix('%') {
            return match pct.trim().parse::<f64>() {
                Ok(p) if (0.0..=100.0).contains(&p) => Ok(Limit::Share(p / 100.0)),
                _ => Err(format!("{s:?} is not a share between 0% and 100%")),
            };
        }
        s.parse::<usize>()
            .map(Limit::Count)
            .map_err(|_| format!("{s:?} is neither a number of documents (3) nor a share (5%)"))
    }
}

/// In JSON a count is `{"count": 3}` and a share `{"share": 0.05}`: numbers, not `"5%"`.
impl Serialize for Limit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(1))?;
        match self {
            Limit::Count(n) => map.serialize_entry("count", n)?,
            Limit::Share(x) => map.serialize_entry("share", x)?,
        }
        map.end()
    }
}

/// Which verdicts count as conflicts: each level includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictLevel {
    /// Disjoint values stated as the same fact.
    #[default]
    Conflict,
    /// Also disjoint values the tool is not sure are one fact.
    Review,
    /// Also values of different precision.
    Precision,
}

impl VerdictLevel {
    /// The lowest verdict counted, in words.
    pub fn label(self) -> &'static str {
        match self {
            VerdictLevel::Conflict => "conflict",
            VerdictLevel::Review => "needs review",
            VerdictLevel::Precision => "different precision",
        }
    }

    pub fn includes(self, kind: VerdictKind) -> bool {
        match kind {
            VerdictKind::Conflict => true,
            VerdictKind::NeedsReview => self != VerdictLevel::Conflict,
            VerdictKind::Precision => self == VerdictLevel::Precision,
            _ => false,
        }
    }
}

impl FromStr for VerdictLevel {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.trim() {
            "conflict" => Ok(VerdictLevel::Conflict),
            "review" => Ok(VerdictLevel::Review),
            "precision" => Ok(VerdictLevel::Precision),
            other => Err(format!(
                "{other:?} is not a verdict level (conflict, review, precision)"
            )),
        }
    }
}

/// The gate's limits; `None` turns a check off.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thresholds {
    /// A pair whose Jaccard similarity is above this fails.
    pub max_jaccard: Option<f64>,
    /// A pair where more than this share of one document is found in the other fails.
    pub max_containment: Option<f64>,
    /// More documents than this in near-duplicate pairs fail.
    pub max_duplicate_documents: Option<Limit>,
    /// More slots than this at or above `verdict_level` fail.
    pub max_conflicts: Option<usize>,
    /// More pairs of documents that share passages (and are no near-duplicates) than this
    /// fail. Off by default: news reuses agency copy as a matter of course; an archive that
    /// must publish only its own words turns it on.
    pub max_shared_passages: Option<usize>,
    pub verdict_level: VerdictLevel,
}

impl Default for Thresholds {
    /// Fails on what a scan calls a near-duplicate (Jaccard above 0.5, or 80% of one article
    /// inside another) and on any conflicting fact; independent reports of one event pass.
    fn default() -> Self {
        let (jaccard, containment) = duplicate_definition();
        Thresholds {
            max_jaccard: Some(jaccard),
            max_containment: Some(containment),
            max_duplicate_documents: None,
            max_conflicts: Some(0),
            max_shared_passages: None,
            verdict_level: VerdictLevel::Conflict,
        }
    }
}

impl Thresholds {
    pub fn validate(&self) -> Result<()> {
        for (name, v) in [
            ("max-jaccard", self.max_jaccard),
            ("max-containment", self.max_containment),
        ] {
            if let Some(v) = v
                && !(0.0..=1.0).contains(&v)
            {
                return Err(Error::parameter(
                    name,
                    format!("{v} is not between 0 and 1"),
                ));
            }
        }
        if let Some(Limit::Share(s)) = self.max_duplicate_documents
            && !(0.0..=1.0).contains(&s)
        {
            return Err(Error::parameter(
                "max-duplicate-documents",
                format!("{s} is not a share between 0 and 1"),
            ));
        }
        Ok(())
    }

    /// The near-duplicate stage's thresholds: low enough to find every pair a check needs.
    pub fn dedup_params(&self, base: &DedupParams) -> DedupParams {
        let (jaccard, containment) = duplicate_definition();
        DedupParams {
            threshold: self.max_jaccard.unwrap_or(1.0).min(jaccard).max(1e-6),
            containment: self
                .max_containment
                .unwrap_or(1.0)
                .min(containment)
                .max(1e-6),
            passages: false,
            ..base.clone()
        }
    }

    /// Whether the near-duplicate stage has to run.
    pub fn needs_pairs(&self) -> bool {
        self.max_jaccard.is_some()
            || self.max_containment.is_some()
            || self.max_duplicate_documents.is_some()
            || self.max_shared_passages.is_some()
    }
}

/// The checks, one per threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    NearDuplicate,
    Containment,
    DuplicateDocuments,
    Conflict,
    SharedPassages,
}

impl Rule {
    pub const ALL: [Rule; 5] = [
        Rule::NearDuplicate,
        Rule::Containment,
        Rule::DuplicateDocuments,
        Rule::Conflict,
        Rule::SharedPassages,
    ];

    /// Stable identifier, used by SARIF, JUnit and baselines.
    pub fn id(self) -> &'static str {
        match self {
            Rule::NearDuplicate => "near-duplicate",
            Rule::Containment => "containment",
            Rule::DuplicateDocuments => "duplicate-documents",
            Rule::Conflict => "conflict",
            Rule::SharedPassages => "shared-passages",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Rule::NearDuplicate => {
                "Two documents are near-duplicates: their Jaccard similarity is above the limit."
            }
            Rule::Containment => {
                "One document reuses another: the share of its text found in the other is above the limit."
            }
            Rule::DuplicateDocuments => "Too many documents are near-duplicates of another.",
            Rule::Conflict => "Sources state one fact with values that do not agree.",
            Rule::SharedPassages => {
                "Two documents share passages: a paragraph or more of one is found in the other."
            }
        }
    }
}

/// A document, and where a finding points in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub document: String,
    pub location: Location,
    /// The document belongs to the reference corpus (query mode).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reference: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Counted by a check that failed.
    Error,
    /// Counted by a check still within its limit.
    Warning,
}

impl Level {
    /// The word CI formats use for it (SARIF levels, GitHub commands).
    pub fn label(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// One thing the gate found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub level: Level,
    /// Identifies the finding across runs, for baselines and fingerprints: the two document ids
    /// of a pair, the documents and words of a slot's claims.
    pub key: Vec<String>,
    pub message: String,
    /// The first is where the finding is reported; the others are related.
    pub places: Vec<Place>,
}

/// What a check's limit and observed value count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Jaccard similarity of a pair, 0 to 1.
    Jaccard,
    /// Share of one document found in the other, 0 to 1.
    Containment,
    /// Documents.
    Documents,
    /// Share of the documents checked, 0 to 1.
    ShareOfDocuments,
    /// Slots of claims.
    Slots,
    /// Pairs of documents.
    Pairs,
}

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub rule: Rule,
    /// What `limit` and `observed` count.
    pub unit: Unit,
    /// The limit, or `None` when the check is off.
    pub limit: Option<f64>,
    /// What was measured, or `None` when nothing was (the check is off and no other check
    /// needed the measure).
    pub observed: Option<f64>,
    /// What was measured, in words.
    pub summary: String,
    pub passed: bool,
    /// New findings that break this check (accepted ones left out). A pair that breaks two
    /// checks counts under both, though it is listed once, under the first.
    pub findings: usize,
}

impl Check {
    /// The limit as people write it: `0.5`, `80%` of documents, `3`, or `off`.
    pub fn limit_label(&self) -> String {
        match (self.limit, self.unit) {
            (None, _) => "off".to_string(),
            (Some(l), Unit::ShareOfDocuments) => format!("{}%", l * 100.0),
            (Some(l), _) => format!("{l}"),
        }
    }
}

/// What the gate was shown.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Documents checked (the new ones, in query mode).
    pub documents: Vec<Place>,
    /// Near-duplicate pairs, with the place of each side.
    pub pairs: Vec<(Pair, Place, Place)>,
    /// Slots of compared claims, each claim with its place.
    pub slots: Vec<(Slot, Vec<Place>)>,
}

fn place_of(doc: &Document, line: usize, reference: bool) -> Place {
    Place {
        document: doc.id.clone(),
        location: doc.location_of_line(line),
        reference,
    }
}

impl Evidence {
    /// Evidence from a whole corpus: its pairs among themselves, its slots.
    pub fn of_corpus(docs: &[Document], pairs: Vec<Pair>, slots: Vec<Slot>) -> Self {
        let by_id = |id: &str| position(docs, id);
        let pairs = pairs
            .into_iter()
            .filter_map(|p| {
                let (a, b) = (by_id(&p.a)?, by_id(&p.b)?);
                let (pa, pb) = (place_of(&docs[a], 1, false), place_of(&docs[b], 1, false));
                Some((p, pa, pb))
            })
            .collect();
        Evidence {
            documents: docs.iter().map(|d| place_of(d, 1, false)).collect(),
            pairs,
            slots: slot_places(docs, slots),
        }
    }

    /// Evidence of a query: new documents against reference ones (`a` new, `b` reference),
    /// whose places `reference` gives by id.
    pub fn of_query(
        docs: &[Document],
        pairs: Vec<Pair>,
        reference: impl Fn(&str) -> Option<Location>,
        slots: Vec<Slot>,
    ) -> Self {
        let by_id = |id: &str| position(docs, id);
        let pairs = pairs
            .into_iter()
            .filter_map(|p| {
                let a = place_of(&docs[by_id(&p.a)?], 1, false);
                let b = Place {
                    document: p.b.clone(),
                    location: reference(&p.b)?,
                    reference: true,
                };
                Some((p, a, b))
            })
            .collect();
        Evidence {
            documents: docs.iter().map(|d| place_of(d, 1, false)).collect(),
            pairs,
            slots: slot_places(docs, slots),
        }
    }
}

fn slot_places(docs: &[Document], slots: Vec<Slot>) -> Vec<(Slot, Vec<Place>)> {
    let by_id = |id: &str| position(docs, id);
    slots
        .into_iter()
        .map(|slot| {
            let places = slot
                .claims
                .iter()
                .filter_map(|c| {
                    Some(place_of(
                        &docs[by_id(&c.document)?],
                        c.claim.span.line,
                        false,
                    ))
                })
                .collect();
            (slot, places)
        })
        .collect()
}

/// The gate's answer, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub schema: &'static str,
    pub version: &'static str,
    pub passed: bool,
    pub thresholds: Thresholds,
    /// Documents checked.
    pub documents: usize,
    pub checks: Vec<Check>,
    /// New findings, errors first, then by rule and key. Accepted ones are not listed.
    pub findings: Vec<Finding>,
    /// Findings the baseline accepted.
    pub accepted: usize,
    /// Baseline entries that no longer occur: they can be dropped with `--update-baseline`.
    pub stale: usize,
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn pair_finding(rule: Rule, pair: &Pair, a: &Place, b: &Place) -> Finding {
    let what = match rule {
        Rule::Containment => "overlap, one reusing the other",
        Rule::SharedPassages => "share passages",
        _ => "are near-duplicates",
    };
    let message = format!(
        "{} and {} {what}: Jaccard {:.3}; {} of {} is found in {}, {} of {} in {}",
        a.document,
        b.document,
        pair.jaccard,
        percent(pair.containment_a_in_b),
        a.document,
        b.document,
        percent(pair.containment_b_in_a),
        b.document,
        a.document
    );
    Finding {
        rule,
        level: Level::Error,
        key: vec![a.document.clone(), b.document.clone()],
        message,
        places: vec![a.clone(), b.clone()],
    }
}

fn slot_finding(slot: &Slot, places: &[Place]) -> Finding {
    let values: Vec<String> = slot
        .claims
        .iter()
        .map(|c| format!("{} says \u{201c}{}\u{201d}", c.document, c.claim.text))
        .collect();
    let topic = if slot.topic.is_empty() {
        String::new()
    } else {
        format!(" ({})", slot.topic.join(", "))
    };
    let mut key: Vec<String> = slot
        .claims
        .iter()
        .map(|c| format!("{}: {}", c.document, c.claim.text))
        .collect();
    key.sort();
    key.dedup();
    Finding {
        rule: Rule::Conflict,
        level: Level::Error,
        key,
        message: format!(
            "{}{topic}: {}. {}",
            slot.verdict.kind.label(),
            values.join("; "),
            slot.verdict.reason
        ),
        places: places.to_vec(),
    }
}

/// Holds `evidence` against `thresholds`; findings in `baseline` are accepted.
pub fn evaluate(thresholds: &Thresholds, evidence: &Evidence, baseline: &Baseline) -> Outcome {
    let lookup = baseline.lookup();
    let mut findings: Vec<Finding> = Vec::new();
    let mut accepted = 0usize;
    let mut used = vec![false; baseline.len()];
    let mut checks = Vec::new();
    let mut keep = |finding: Finding, findings: &mut Vec<Finding>| -> bool {
        match lookup.position(finding.rule, &finding.key) {
            Some(k) => {
                used[k] = true;
                accepted += 1;
                false
            }
            None => {
                findings.push(finding);
                true
            }
        }
    };

    // Pairs: one finding each, under the first rule it breaks.
    let (dup_j, dup_c) = duplicate_definition();
    let mut duplicated: Vec<&str> = Vec::new();
    let (mut jaccard_new, mut containment_new) = (0, 0);
    let (mut jaccard_accepted, mut containment_accepted) = (0, 0);
    let (mut max_j, mut max_c) = (0.0f64, 0.0f64);
    for (pair, a, b) in &evidence.pairs {
        let c = pair.max_containment();
        max_j = max_j.max(pair.jaccard);
        max_c = max_c.max(c);
        let breaks_j = thresholds.max_jaccard.is_some_and(|m| pair.jaccard > m);
        let breaks_c = thresholds.max_containment.is_some_and(|m| c > m);
        let rule = if breaks_j {
            Some(Rule::NearDuplicate)
        } else if breaks_c {
            Some(Rule::Containment)
        } else {
            None
        };
        let accepted_pair = match rule {
            Some(rule) => {
                let new = keep(pair_finding(rule, pair, a, b), &mut findings);
                if new {
                    jaccard_new += usize::from(breaks_j);
                    containment_new += usize::from(breaks_c);
                } else {
                    jaccard_accepted += usize::from(breaks_j);
                    containment_accepted += usize::from(breaks_c);
                }
                !new
            }
            None => lookup
                .position(
                    Rule::NearDuplicate,
                    &[a.document.clone(), b.document.clone()],
                )
                .is_some(),
        };
        if !accepted_pair && (pair.jaccard >= dup_j || c >= dup_c) {
            duplicated.push(&a.document);
            if !b.reference {
                duplicated.push(&b.document);
            }
        }
    }
    // Pairs are only looked for when a check needs them; "0" would then read as measured.
    let measured = thresholds.needs_pairs();
    let pairs_note = |n: usize, accepted: usize, rule: Rule| {
        let listed = findings.iter().filter(|f| f.rule == rule).count();
        let mut note = match n {
            0 => String::new(),
            n if listed < n => format!(
                "; {n} pair(s) above the limit, {} listed under near-duplicate",
                n - listed
            ),
            n => format!("; {n} pair(s) above the limit"),
        };
        if accepted > 0 {
            note += &format!("; {accepted} pair(s) above it accepted by the baseline");
        }
        note
    };
    let j_note = pairs_note(jaccard_new, jaccard_accepted, Rule::NearDuplicate);
    let c_note = pairs_note(containment_new, containment_accepted, Rule::Containment);
    checks.push(Check {
        rule: Rule::NearDuplicate,
        unit: Unit::Jaccard,
        limit: thresholds.max_jaccard,
        observed: measured.then_some(max_j),
        summary: match measured {
            true => format!("highest Jaccard {max_j:.3}{j_note}"),
            false => "not measured (pair checks off)".to_string(),
        },
        passed: jaccard_new == 0,
        findings: jaccard_new,
    });
    checks.push(Check {
        rule: Rule::Containment,
        unit: Unit::Containment,
        limit: thresholds.max_containment,
        observed: measured.then_some(max_c),
        summary: match measured {
            true => format!("highest containment {}{c_note}", percent(max_c)),
            false => "not measured (pair checks off)".to_string(),
        },
        passed: containment_new == 0,
        findings: containment_new,
    });

    duplicated.sort_unstable();
    duplicated.dedup();
    let total = evidence.documents.len();
    let dup_passed = thresholds
        .max_duplicate_documents
        .is_none_or(|limit| limit.allows(duplicated.len(), total));
    let share = if total == 0 {
        0.0
    } else {
        duplicated.len() as f64 / total as f64
    };
    let observed = format!(
        "{} of {total} documents ({}) in near-duplicate pairs",
        duplicated.len(),
        percent(share)
    );
    if !dup_passed {
        let places = evidence
            .documents
            .iter()
            .filter(|p| duplicated.binary_search(&p.document.as_str()).is_ok())
            .cloned()
            .collect();
        findings.push(Finding {
            rule: Rule::DuplicateDocuments,
            level: Level::Error,
            key: vec![],
            message: format!(
                "{observed}, above the limit of {}",
                thresholds
                    .max_duplicate_documents
                    .map(|l| l.to_string())
                    .unwrap_or_default()
            ),
            places,
        });
    }
    let (unit, limit, value) = match thresholds.max_duplicate_documents {
        Some(Limit::Share(s)) => (Unit::ShareOfDocuments, Some(s), share),
        Some(Limit::Count(n)) => (Unit::Documents, Some(n as f64), duplicated.len() as f64),
        None => (Unit::Documents, None, duplicated.len() as f64),
    };
    checks.push(Check {
        rule: Rule::DuplicateDocuments,
        unit,
        limit,
        observed: measured.then_some(value),
        summary: match measured {
            true => observed,
            false => "not measured (pair checks off)".to_string(),
        },
        passed: dup_passed,
        findings: usize::from(!dup_passed),
    });

    // Pairs that share passages, when checked: one finding each, errors above the limit.
    if let Some(limit) = thresholds.max_shared_passages {
        let first = findings.len();
        for (pair, a, b) in &evidence.pairs {
            if pair.relation == crate::dedup::Relation::SharedPassages {
                keep(
                    pair_finding(Rule::SharedPassages, pair, a, b),
                    &mut findings,
                );
            }
        }
        let found = findings.len() - first;
        let passed = found <= limit;
        if passed {
            for f in &mut findings[first..] {
                f.level = Level::Warning;
            }
        }
        checks.push(Check {
            rule: Rule::SharedPassages,
            unit: Unit::Pairs,
            limit: Some(limit as f64),
            observed: Some(found as f64),
            summary: format!("{found} pair(s) share passages"),
            passed,
            findings: found,
        });
    }

    let first_conflict = findings.len();
    if thresholds.max_conflicts.is_some() {
        for (slot, places) in &evidence.slots {
            if thresholds.verdict_level.includes(slot.verdict.kind) {
                keep(slot_finding(slot, places), &mut findings);
            }
        }
    }
    let conflicts = findings.len() - first_conflict;
    let conflicts_passed = thresholds.max_conflicts.is_none_or(|m| conflicts <= m);
    if conflicts_passed {
        for f in &mut findings[first_conflict..] {
            f.level = Level::Warning;
        }
    }
    checks.push(Check {
        rule: Rule::Conflict,
        unit: Unit::Slots,
        limit: thresholds.max_conflicts.map(|m| m as f64),
        observed: thresholds.max_conflicts.map(|_| conflicts as f64),
        summary: match thresholds.max_conflicts {
            Some(_) => format!(
                "{conflicts} slot(s) at {} or above",
                thresholds.verdict_level.label()
            ),
            None => "not measured (conflict check off)".to_string(),
        },
        passed: conflicts_passed,
        findings: conflicts,
    });

    findings.sort_by(|x, y| {
        (x.level != Level::Error, x.rule, &x.key).cmp(&(y.level != Level::Error, y.rule, &y.key))
    });
    Outcome {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        passed: checks.iter().all(|c| c.passed),
        thresholds: thresholds.clone(),
        documents: total,
        checks,
        findings,
        accepted,
        stale: used.iter().filter(|u| !**u).count(),
    }
}

impl Outcome {
    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialisation cannot fail.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The findings that fail the gate.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.level == Level::Error)
    }
}
