//! Story groups: the documents that reuse one source text, whatever the relation (a copy, a
//! text inside another, shared passages), with the likely original and, for each other member,
//! how much of the original it kept and how much of its own it added. A member that shares no
//! text with the original but does with another member is shown as linked through it: single
//! linkage chains A–B–C, where A and C have nothing in common, are not one undifferentiated
//! cluster.

use std::collections::VecDeque;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Pair, Relation};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryGroup {
    /// The earliest published member; among undated or same-day members, the longest (the one
    /// likeliest to contain the others), then by id.
    pub original: String,
    /// The other members, by id.
    pub members: Vec<StoryMember>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryMember {
    pub id: String,
    /// How it relates to the original, when they share text directly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// Share of the original's text found in this member (the rest it cut).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept: Option<f64>,
    /// Share of this member's text not found in the original: what it added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<f64>,
    /// When it shares no text with the original: the members it is linked through, from the
    /// original's side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
}

/// The story groups of `pairs` among documents `members` (id, publication date) of `sizes`
/// shingles each; largest first, then by original.
pub fn groups(
    members: &[(&str, Option<NaiveDate>)],
    sizes: &[usize],
    pairs: &[Pair],
) -> Vec<StoryGroup> {
    let index: FxHashMap<&str, usize> = members.iter().enumerate().map(|(k, m)| (m.0, k)).collect();
    let mut adjacent: Vec<Vec<(usize, usize)>> = vec![Vec::new(); members.len()];
    for (n, p) in pairs.iter().enumerate() {
        if let (Some(&a), Some(&b)) = (index.get(p.a.as_str()), index.get(p.b.as_str())) {
            adjacent[a].push((b, n));
            adjacent[b].push((a, n));
        }
    }
    for list in &mut adjacent {
        list.sort_unstable();
    }
    let edges = pairs.iter().filter_map(|p| {
        Some((
            *index.get(p.a.as_str())? as u32,
            *index.get(p.b.as_str())? as u32,
        ))
    });
    let mut out: Vec<StoryGroup> = super::cluster::components(members.len(), edges)
        .into_iter()
        .map(|group| {
            let group: Vec<usize> = group.into_iter().map(|m| m as usize).collect();
            let key = |&m: &usize| {
                let (id, published) = members[m];
                (
                    published.is_none(),
                    published,
                    std::cmp::Reverse(sizes[m]),
                    id,
                )
            };
            let original = *group.iter().min_by_key(|m| key(m)).unwrap_or(&group[0]);
            // Shortest paths from the original, for members linked only through others.
            let mut previous: FxHashMap<usize, usize> = FxHashMap::default();
            let mut queue = VecDeque::from([original]);
            previous.insert(original, original);
            while let Some(x) = queue.pop_front() {
                for &(y, _) in &adjacent[x] {
                    if let std::collections::hash_map::Entry::Vacant(e) = previous.entry(y) {
                        e.insert(x);
                        queue.push_back(y);
                    }
                }
            }
            let mut others: Vec<StoryMember> = group
                .iter()
                .filter(|&&m| m != original)
                .map(|&m| {
                    let direct = adjacent[m]
                        .iter()
                        .find(|&&(y, _)| y == original)
                        .map(|&(_, n)| &pairs[n]);
                    match direct {
                        Some(p) => {
                            let (of_original, of_member) = if p.a == members[original].0 {
                                (p.containment_a_in_b, p.containment_b_in_a)
                            } else {
                                (p.containment_b_in_a, p.containment_a_in_b)
                            };
                            StoryMember {
                                id: members[m].0.to_string(),
                                relation: Some(p.relation),
                                kept: Some(of_original),
                                added: Some(1.0 - of_member),
                                via: Vec::new(),
                            }
                        }
                        None => {
                            let mut via = Vec::new();
                            let mut x = previous[&m];
                            while x != original {
                                via.push(members[x].0.to_string());
                                x = previous[&x];
                            }
                            via.reverse();
                            StoryMember {
                                id: members[m].0.to_string(),
                                relation: None,
                                kept: None,
                                added: None,
                                via,
                            }
                        }
                    }
                })
                .collect();
            others.sort_by(|x, y| x.id.cmp(&y.id));
            StoryGroup {
                original: members[original].0.to_string(),
                members: others,
            }
        })
        .collect();
    out.sort_by(|x, y| {
        y.members
            .len()
            .cmp(&x.members.len())
            .then_with(|| x.original.cmp(&y.original))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: &str, b: &str, relation: Relation, ca: f64, cb: f64) -> Pair {
        Pair {
            a: a.into(),
            b: b.into(),
            relation,
            estimated_jaccard: 0.3,
            jaccard: 0.3,
            containment_a_in_b: ca,
            containment_b_in_a: cb,
            shared_shingles: 100,
            passages: Vec::new(),
            changes: Vec::new(),
        }
    }

    #[test]
    fn a_chain_is_shown_through_its_links() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 5, d);
        let members = [("a", day(1)), ("b", day(2)), ("c", day(3)), ("x", day(1))];
        let pairs = [
            pair("a", "b", Relation::SharedPassages, 0.4, 0.5),
            pair("b", "c", Relation::SharedPassages, 0.45, 0.38),
        ];
        let groups = groups(&members, &[300, 250, 280, 100], &pairs);
        assert_eq!(groups.len(), 1);
        let g = &groups[0];
        assert_eq!(g.original, "a");
        assert_eq!(g.members[0].id, "b");
        assert_eq!(g.members[0].kept, Some(0.4));
        assert_eq!(g.members[0].added, Some(0.5));
        assert_eq!(g.members[1].id, "c");
        assert_eq!(g.members[1].via, ["b"]);
        assert_eq!(g.members[1].kept, None);
    }

    #[test]
    fn among_undated_members_the_longest_is_the_original() {
        let members = [("short", None), ("long", None)];
        let pairs = [pair("long", "short", Relation::Reuse, 0.3, 0.95)];
        let groups = groups(&members, &[100, 320], &pairs);
        assert_eq!(groups[0].original, "long");
        assert_eq!(groups[0].members[0].kept, Some(0.3));
        assert!((groups[0].members[0].added.unwrap() - 0.05).abs() < 1e-9);
    }
}
