//! Partial republication: a site that keeps one paragraph of a dispatch and writes the rest
//! itself shares passages with it, though their Jaccard is far below a near-duplicate's; two
//! reports of one story that share no paragraph do not.

use recoupe::corpus::Document;
use recoupe::dedup::{self, DedupParams, Relation};
use recoupe::error::Location;

const DISPATCH: &str = "Le conseil régional a adopté jeudi soir un plan de rénovation des lycées \
    de la région, après plus de six heures de débats dans l'hémicycle. Le plan prévoit la remise \
    à neuf de quarante établissements d'ici à 2030, la pose de panneaux solaires sur les toits et \
    le remplacement des chaudières au fioul par des pompes à chaleur dans les internats. \
    L'opposition a voté contre, jugeant le calendrier trop lent et le financement trop fragile \
    pour un chantier de cette ampleur. Les syndicats d'enseignants ont salué un effort attendu \
    depuis longtemps, tout en demandant que les travaux ne perturbent pas les examens de juin. \
    Les premiers chantiers doivent commencer à la rentrée prochaine dans trois lycées du nord du \
    département, choisis pour l'état de leurs bâtiments.";

const OWN_WORDS: &str = "Dans notre ville, les parents d'élèves attendaient ce vote avec \
    impatience. Au lycée Jean-Moulin, les fenêtres ne ferment plus et le gymnase est fermé depuis \
    l'hiver dernier pour des raisons de sécurité. La proviseure se dit soulagée mais prudente, \
    et rappelle que des promesses semblables avaient déjà été faites il y a dix ans sans suite \
    concrète pour son établissement. Une réunion publique est prévue mardi à la mairie pour \
    présenter le calendrier aux familles et répondre à leurs questions sur le déroulement des \
    travaux pendant l'année scolaire. Plusieurs associations de quartier ont annoncé qu'elles y \
    viendraient nombreuses. Le maire a promis de relayer leurs demandes auprès de la région et \
    de suivre de près le chantier, qui doit durer plusieurs années.";

fn doc(id: &str, text: &str) -> Document {
    Document::new(id, text.to_string(), Location::file(id))
}

#[test]
fn a_paragraph_of_a_dispatch_in_a_local_story_is_a_shared_passage() {
    // The local paper keeps the dispatch's first two sentences, then writes its own story.
    let kept: String = DISPATCH.split(". ").take(2).collect::<Vec<_>>().join(". ");
    let local = format!("{kept}. {OWN_WORDS}");
    let other = "Le conseil régional a voté un plan pour les lycées. Selon plusieurs élus, la \
                 séance a été longue et tendue, et le vote a divisé la majorité comme \
                 l'opposition sur la question du financement des travaux.";
    let docs = [
        doc("dispatch", DISPATCH),
        doc("local", &local),
        doc("other", other),
    ];
    let result = dedup::run(&docs, &DedupParams::default(), &()).unwrap();
    let pair = result
        .pairs
        .iter()
        .find(|p| p.a == "dispatch" && p.b == "local")
        .unwrap_or_else(|| panic!("no pair: {:?}", result.pairs));
    assert_eq!(pair.relation, Relation::SharedPassages, "{pair:?}");
    assert!(pair.jaccard < 0.5, "{pair:?}");
    assert!(
        !pair.passages.is_empty(),
        "the shared paragraph is shown: {pair:?}"
    );
    // Another report of the same vote shares no paragraph.
    assert!(
        result
            .pairs
            .iter()
            .all(|p| p.a != "other" && p.b != "other"),
        "{:?}",
        result.pairs
    );
    // Sharing a paragraph does not make one cluster of copies.
    assert!(
        result
            .clusters
            .iter()
            .all(|c| c.members.len() < 2 || !c.members.contains(&"local".to_string()))
    );
    // Turned off, the relation is not looked for.
    let off = DedupParams {
        passage_share: None,
        ..DedupParams::default()
    };
    let result = dedup::run(&docs, &off, &()).unwrap();
    assert!(result.pairs.is_empty(), "{:?}", result.pairs);
}

#[test]
fn a_reprint_is_still_a_near_duplicate() {
    let reprint = DISPATCH.replace("jeudi soir", "jeudi");
    let docs = [doc("dispatch", DISPATCH), doc("reprint", &reprint)];
    let result = dedup::run(&docs, &DedupParams::default(), &()).unwrap();
    assert_eq!(result.pairs.len(), 1);
    assert_eq!(result.pairs[0].relation, Relation::NearDuplicate);
    assert_eq!(result.clusters.len(), 1);
}

fn dated(id: &str, day: u32, text: &str) -> Document {
    let mut d = doc(id, text);
    d.published = chrono::NaiveDate::from_ymd_opt(2024, 5, day);
    d
}

fn sentences(text: &str) -> Vec<String> {
    text.split(". ")
        .map(|s| s.trim_end_matches('.').to_string())
        .collect()
}

#[test]
fn a_summary_and_a_rewrite_with_moved_sentences_are_found() {
    let s = sentences(DISPATCH);
    // A summary keeps two sentences whole.
    let summary = format!("{}. {}. Les élus se retrouveront en septembre.", s[1], s[3]);
    // A rewrite moves the sentences around and changes a few words.
    let rewrite = format!(
        "{}. {}. {}. {}. {}.",
        s[2],
        s[0].replace("jeudi soir", "dans la nuit de jeudi"),
        s[4],
        s[1],
        s[3]
    );
    let docs = [
        doc("dispatch", DISPATCH),
        doc("summary", &summary),
        doc("rewrite", &rewrite),
    ];
    let result = dedup::run(&docs, &DedupParams::default(), &()).unwrap();
    let found = |a: &str, b: &str| {
        result
            .pairs
            .iter()
            .find(|p| p.a == a && p.b == b)
            .map(|p| p.relation)
    };
    assert!(found("dispatch", "summary").is_some(), "{:?}", result.pairs);
    assert!(found("dispatch", "rewrite").is_some(), "{:?}", result.pairs);
    // The rewrite's changed words are edits inside the reused text.
    let pair = result
        .pairs
        .iter()
        .find(|p| p.a == "dispatch" && p.b == "rewrite")
        .unwrap();
    assert!(
        pair.changes
            .iter()
            .any(|c| c.a.text == "jeudi soir" && c.b.text == "dans la nuit de jeudi"),
        "{:?}",
        pair.changes
    );
}

#[test]
fn a_chain_of_reuse_is_one_story_group_shown_through_its_link() {
    let s = sentences(DISPATCH);
    let o = sentences(OWN_WORDS);
    // B keeps the dispatch's opening; C, a day later, keeps B's own paragraph but nothing of
    // the dispatch.
    let b = format!("{}. {}. {}. {}. {}.", s[0], s[1], o[0], o[1], o[2]);
    let c = format!(
        "{}. {}. {}. Le conseil de quartier se réunira de nouveau à la fin du mois pour faire le \
         point sur les promesses de la région et sur les premiers travaux annoncés.",
        o[0], o[1], o[2]
    );
    let docs = [
        dated("a", 1, DISPATCH),
        dated("b", 2, &b),
        dated("c", 3, &c),
    ];
    let result = dedup::run(&docs, &DedupParams::default(), &()).unwrap();
    assert!(
        result.pairs.iter().all(|p| !(p.a == "a" && p.b == "c")),
        "{:?}",
        result.pairs
    );
    let group = result
        .story_groups
        .iter()
        .find(|g| g.original == "a")
        .unwrap_or_else(|| panic!("{:?}", result.story_groups));
    let member = |id: &str| group.members.iter().find(|m| m.id == id).unwrap();
    assert!(
        member("b").kept.is_some_and(|k| k > 0.2 && k < 0.8),
        "{group:?}"
    );
    assert!(member("b").added.is_some_and(|a| a > 0.3), "{group:?}");
    assert_eq!(member("c").via, ["b"], "{group:?}");
}
