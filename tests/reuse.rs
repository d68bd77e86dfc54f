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
