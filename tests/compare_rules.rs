//! The rules that decide which claims are one fact and what their difference means, each on
//! articles written for the rule: one value per document in a slot, verdicts taken pair by pair,
//! claimant groups with an unattributed claim, tallies that rise or fall, claimants that point
//! back, and figures attached to different names.

use chrono::NaiveDate;
use recoupe::claims::{self, ClaimKind};
use recoupe::compare::{self, CompareParams, Comparison};
use recoupe::corpus::Document;
use recoupe::error::Location;

fn doc(id: &str, published: &str, text: &str) -> Document {
    let mut d = Document::new(id, text.to_string(), Location::file(id));
    d.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    d.lang = Some("fr".into());
    d
}

fn compared(docs: &[Document]) -> Comparison {
    let extraction = claims::extract_all(docs);
    compare::compare(docs, &extraction, &CompareParams::default()).unwrap()
}

/// The verdict of the slot holding a claim with these words.
fn verdict_of(c: &Comparison, words: &str) -> Option<String> {
    c.slots
        .iter()
        .find(|s| s.claims.iter().any(|x| x.claim.text == words))
        .map(|s| format!("{:?}", s.verdict.kind))
}

#[test]
fn a_reprint_that_changes_one_figure_is_a_conflict_whatever_a_loose_third_says() {
    let base = "Le président russe est arrivé à Pyongyang pour une visite de deux jours, sa \
                première en Corée du Nord depuis 24 ans. Il signera un accord avec le dirigeant \
                nord-coréen.";
    let docs = [
        doc("a", "2024-06-19", base),
        doc("b", "2024-06-19", &base.replace("24 ans", "19 ans")),
        // A third article that says the same as the first in other words: a weaker link that
        // must not turn the clear pair into a call for review.
        doc(
            "c",
            "2024-06-19",
            "Vladimir Poutine n'était pas venu en Corée du Nord depuis 24 ans, rappelle la presse.",
        ),
    ];
    let c = compared(&docs);
    let slot = c
        .slots
        .iter()
        .find(|s| s.claims.iter().any(|x| x.claim.text == "19 ans"))
        .expect("the slot of the changed figure");
    assert_eq!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
    assert!(
        slot.verdict.confidence >= 0.9,
        "{}",
        slot.verdict.confidence
    );
}

#[test]
fn figures_attached_to_different_names_are_not_one_fact() {
    let docs = [
        doc(
            "a",
            "2022-04-25",
            "Au second tour, Emmanuel Macron obtient 58,55 % des suffrages exprimés. Marine Le \
             Pen obtient 41,45 % des suffrages exprimés.",
        ),
        doc(
            "b",
            "2022-04-25",
            "Marine Le Pen recueille 41,46 % des suffrages exprimés au second tour. Emmanuel \
             Macron recueille 58,54 % des suffrages exprimés.",
        ),
    ];
    let c = compared(&docs);
    // Each figure carries its candidate's name.
    let attached: Vec<(&str, Option<&str>)> = c
        .slots
        .iter()
        .flat_map(|s| &s.claims)
        .map(|x| (x.claim.text.as_str(), x.claim.entity.as_deref()))
        .collect();
    assert!(
        attached.contains(&("41,45 %", Some("Marine Le Pen"))),
        "{attached:?}"
    );
    assert!(
        attached.contains(&("58,54 %", Some("Emmanuel Macron"))),
        "{attached:?}"
    );
    for slot in &c.slots {
        let names: std::collections::BTreeSet<_> = slot
            .claims
            .iter()
            .filter_map(|x| x.claim.entity.as_deref())
            .collect();
        assert!(names.len() <= 1, "one slot, two candidates: {slot:#?}");
    }
    // Each candidate's two figures are compared with each other.
    assert!(verdict_of(&c, "58,55 %").is_some(), "{:#?}", c.slots);
    assert!(verdict_of(&c, "41,45 %").is_some(), "{:#?}", c.slots);
}

#[test]
fn an_unattributed_figure_sides_with_the_claimant_it_matches() {
    let docs = [
        doc(
            "a",
            "2023-03-07",
            "Selon la police, 1 000 manifestants ont défilé à Nantes contre la réforme.",
        ),
        doc(
            "b",
            "2023-03-07",
            "Selon la CGT, 5 000 manifestants ont défilé à Nantes contre la réforme.",
        ),
        doc(
            "c",
            "2023-03-07",
            "À Nantes, 1 000 manifestants ont défilé contre la réforme.",
        ),
    ];
    let c = compared(&docs);
    assert_eq!(
        verdict_of(&c, "5 000 manifestants").as_deref(),
        Some("AttributedDifference"),
        "{:#?}",
        c.slots
    );
}

#[test]
fn two_claims_of_one_claimant_that_disagree_conflict() {
    let docs = [
        doc(
            "a",
            "2023-03-07",
            "Selon la police, 1 000 manifestants ont défilé à Nantes contre la réforme.",
        ),
        doc(
            "b",
            "2023-03-07",
            "Selon la police, 3 000 manifestants ont défilé à Nantes contre la réforme.",
        ),
    ];
    let c = compared(&docs);
    assert_eq!(
        verdict_of(&c, "3 000 manifestants").as_deref(),
        Some("Conflict")
    );
}

#[test]
fn a_toll_that_rises_with_the_days_is_a_timeline_one_that_falls_is_not() {
    let rising = [
        doc(
            "a",
            "2023-09-09",
            "Le bilan du séisme dans la région s'élève à 296 morts, selon le ministère.",
        ),
        doc(
            "b",
            "2023-09-10",
            "Le bilan du séisme dans la région s'élève à 2 012 morts, selon le ministère.",
        ),
    ];
    assert_eq!(
        verdict_of(&compared(&rising), "2 012 morts").as_deref(),
        Some("Timeline")
    );
    let falling = [
        doc(
            "a",
            "2023-09-09",
            "Le bilan du séisme dans la région s'élève à 2 012 morts, selon le ministère.",
        ),
        doc(
            "b",
            "2023-09-10",
            "Le bilan du séisme dans la région s'élève à 296 morts, selon le ministère.",
        ),
    ];
    assert_eq!(
        verdict_of(&compared(&falling), "296 morts").as_deref(),
        Some("Conflict")
    );
    // Two tolls of the same day may be two updates: a person checks the hours.
    let same_day = [
        doc(
            "a",
            "2023-09-09",
            "Le bilan du séisme dans la région s'élève à 296 morts, selon le ministère.",
        ),
        doc(
            "b",
            "2023-09-09",
            "Le bilan du séisme dans la région s'élève à 632 morts, selon le ministère.",
        ),
    ];
    assert_eq!(
        verdict_of(&compared(&same_day), "632 morts").as_deref(),
        Some("NeedsReview")
    );
}

#[test]
fn one_document_gives_a_slot_one_value() {
    let docs = [
        doc(
            "a",
            "2024-06-19",
            "La visite doit durer deux jours. La visite doit durer trois jours selon un autre \
             programme.",
        ),
        doc("b", "2024-06-19", "La visite doit durer deux jours."),
    ];
    let c = compared(&docs);
    assert_eq!(
        verdict_of(&c, "deux jours").as_deref(),
        Some("Agree"),
        "{:#?}",
        c.slots
    );
    for slot in &c.slots {
        let from_a: Vec<_> = slot
            .claims
            .iter()
            .filter(|x| x.document == "a")
            .map(|x| &x.claim.value)
            .collect();
        assert!(
            from_a.windows(2).all(|w| w[0] == w[1]),
            "two values of one document: {slot:#?}"
        );
    }
}

#[test]
fn the_same_source_is_the_claimant_named_before() {
    let d = doc(
        "a",
        "2023-09-09",
        "Selon le ministère de l'Intérieur, le séisme a fait 296 morts. Selon la même source, \
         153 personnes ont été blessées.",
    );
    let out = claims::extract(&d);
    let injured = out
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Count && c.text.starts_with("153"))
        .expect("the injured");
    assert_eq!(
        injured.claimant.as_deref(),
        Some("le ministère de l'Intérieur")
    );
}

/// The slot holding a claim with these words, if any.
fn slot_of<'a>(c: &'a Comparison, words: &str) -> Option<&'a compare::Slot> {
    c.slots
        .iter()
        .find(|s| s.claims.iter().any(|x| x.claim.text == words))
}

#[test]
fn people_counted_for_different_things_are_not_one_fact() {
    let docs = [
        doc(
            "a",
            "2023-03-07",
            "Dans la soirée, 320 personnes ont été blessées lors des heurts, selon le ministère.",
        ),
        doc(
            "b",
            "2023-03-07",
            "Lors des heurts de la soirée, 95 000 personnes ont manifesté, selon le ministère.",
        ),
        doc(
            "c",
            "2023-03-07",
            "Le ministère fait état de 320 blessés lors des heurts de la soirée.",
        ),
    ];
    let c = compared(&docs);
    let injured = slot_of(&c, "320 personnes").expect("the injured are compared");
    let words: Vec<&str> = injured
        .claims
        .iter()
        .map(|x| x.claim.text.as_str())
        .collect();
    assert!(words.contains(&"320 blessés"), "{words:?}");
    assert!(!words.contains(&"95 000 personnes"), "{words:?}");
    let frame = &injured.claims[0].frame;
    assert_eq!(frame.measure.as_deref(), Some("blessés"), "{frame:?}");
}

#[test]
fn copies_of_one_text_are_one_source_and_a_changed_figure_between_them_conflicts() {
    let text = "Le conseil municipal a voté mardi un budget de 48 millions d'euros pour la \
                rénovation des écoles, a indiqué la mairie dans un communiqué.";
    let docs = [
        doc("a", "2024-05-14", text),
        doc("b", "2024-05-14", text),
        doc(
            "c",
            "2024-05-14",
            &text.replace("48 millions", "84 millions"),
        ),
    ];
    let extraction = claims::extract_all(&docs);
    // Without knowing they are copies, `a` and `b` are two sources.
    let apart = compare::compare(&docs, &extraction, &CompareParams::default()).unwrap();
    let copies = compare::Copies::new([("a".into(), "b".into()), ("b".into(), "c".into())]);
    let c = compare::compare_with(&docs, &extraction, &CompareParams::default(), &copies).unwrap();
    let slot = slot_of(&c, "84 millions d'euros").expect("the budget is compared");
    assert_eq!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
    assert!(slot.verdict.confidence >= 0.9, "{slot:#?}");
    assert!(
        slot.verdict.reason.contains("copies of one text"),
        "{slot:#?}"
    );
    // Agreement between copies counts one source.
    let two = [doc("a", "2024-05-14", text), doc("b", "2024-05-14", text)];
    let extraction = claims::extract_all(&two);
    let c = compare::compare_with(&two, &extraction, &CompareParams::default(), &copies).unwrap();
    let agree = slot_of(&c, "48 millions d'euros").expect("the budget is compared");
    assert!(
        agree.verdict.reason.contains("1 independent source"),
        "{agree:#?}"
    );
    assert!(
        apart
            .slots
            .iter()
            .all(|s| !s.verdict.reason.contains("copies"))
    );
}

#[test]
fn counts_given_at_different_hours_are_updates_not_a_contradiction() {
    let docs = [
        doc(
            "a",
            "2023-03-07",
            "À 14 heures, 40 000 manifestants défilaient à Lyon contre la réforme, selon la préfecture.",
        ),
        doc(
            "b",
            "2023-03-07",
            "À 18 heures, 65 000 manifestants défilaient à Lyon contre la réforme, selon la préfecture.",
        ),
    ];
    let c = compared(&docs);
    let slot = slot_of(&c, "65 000 manifestants").expect("the counts are compared");
    assert_ne!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
    assert!(
        slot.claims.iter().all(|x| x.frame.as_of.is_some()),
        "{slot:#?}"
    );
}

#[test]
fn an_unattributed_figure_against_an_attributed_one_is_for_review() {
    let docs = [
        doc(
            "a",
            "2023-03-07",
            "Selon les organisateurs, 12 000 personnes ont manifesté à Rennes contre la réforme.",
        ),
        doc(
            "b",
            "2023-03-07",
            "À Rennes, 4 500 personnes ont manifesté contre la réforme.",
        ),
    ];
    let c = compared(&docs);
    let slot = slot_of(&c, "4 500 personnes").expect("the turnouts are compared");
    assert_eq!(
        format!("{:?}", slot.verdict.kind),
        "NeedsReview",
        "{slot:#?}"
    );
    assert!(
        slot.verdict.reason.contains("only one is attributed"),
        "{slot:#?}"
    );
}

#[test]
fn one_claimant_written_two_ways_is_one_claimant() {
    let docs = [
        doc(
            "a",
            "2023-11-02",
            "Selon Météo-France, la rafale la plus forte a atteint 190 km/h sur la pointe du cap.",
        ),
        doc(
            "b",
            "2023-11-02",
            "Selon Météo France, la rafale la plus forte a atteint 150 km/h sur la pointe du cap.",
        ),
    ];
    let c = compared(&docs);
    let slot = slot_of(&c, "150 km/h").expect("the gusts are compared");
    assert_eq!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
    assert_eq!(
        slot.claims[0].frame.claimant, slot.claims[1].frame.claimant,
        "{slot:#?}"
    );
}

#[test]
fn the_participants_of_a_sentence_are_no_fact_to_check() {
    let docs = [
        doc(
            "a",
            "2024-06-19",
            "Les deux pays ont signé un traité de défense mutuelle, a annoncé le Kremlin.",
        ),
        doc(
            "b",
            "2024-06-19",
            "Les deux pays ont signé mercredi un traité de défense mutuelle.",
        ),
    ];
    let c = compared(&docs);
    assert!(slot_of(&c, "deux pays").is_none(), "{:#?}", c.slots);
}

#[test]
fn figures_of_other_rounds_or_years_are_other_facts() {
    let docs = [
        doc(
            "a",
            "2022-04-25",
            "L'abstention atteint 28 % au second tour, contre 26,3 % au premier tour.",
        ),
        doc(
            "b",
            "2022-04-25",
            "Au premier tour, l'abstention avait atteint 26,3 %, et elle monte à 28 % au second tour.",
        ),
        doc(
            "c",
            "2022-04-25",
            "En 2017, l'abstention s'établissait à 25,4 % au second tour.",
        ),
    ];
    let c = compared(&docs);
    for slot in &c.slots {
        assert_ne!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
    }
    // The 2017 figure is another year's: compared with this year's, it is left for review.
    if let Some(slot) = slot_of(&c, "25,4 %")
        && slot.claims.iter().any(|x| x.claim.text != "25,4 %")
    {
        assert_eq!(
            format!("{:?}", slot.verdict.kind),
            "NeedsReview",
            "{slot:#?}"
        );
    }
}

#[test]
fn in_a_list_of_places_each_figure_is_the_next_place_s() {
    let d = doc(
        "a",
        "2023-11-02",
        "Les rafales ont atteint 160 km/h à Quiberon, 148 km/h à Vannes et 131 km/h à Auray.",
    );
    let extraction = claims::extract_all(std::slice::from_ref(&d));
    let attached: Vec<(&str, Option<&str>)> = extraction.documents[0]
        .claims
        .iter()
        .map(|c| (c.text.as_str(), c.entity.as_deref()))
        .collect();
    assert_eq!(
        attached,
        [
            ("160 km/h", Some("Quiberon")),
            ("148 km/h", Some("Vannes")),
            ("131 km/h", Some("Auray"))
        ]
    );
}

#[test]
fn bare_figures_that_count_what_the_sentence_counts_are_claims() {
    let d = doc(
        "a",
        "2023-09-10",
        "Le bilan atteint 1 520 morts, dont 940 dans la province de Tiznit. Les provinces les \
         plus touchées sont Tiznit (940) et Essaouira (310). Parmi les blessés, 412 ont été \
         hospitalisés. L'usine, dont 2019 marque la fermeture, reste vide.",
    );
    let extraction = claims::extract_all(std::slice::from_ref(&d));
    let found: Vec<(&str, Option<&str>, Option<&str>)> = extraction.documents[0]
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Count)
        .map(|c| (c.text.as_str(), c.noun.as_deref(), c.entity.as_deref()))
        .collect();
    // The part of a total counts what the total counts, and is no longer the place's total.
    assert!(
        found.contains(&("1 520 morts", Some("morts"), None)),
        "{found:?}"
    );
    assert!(
        found.contains(&("940", Some("morts"), Some("Tiznit"))),
        "{found:?}"
    );
    // In parentheses after a name, with nothing counted before it in its sentence.
    assert!(
        found
            .iter()
            .any(|f| f.0 == "310" && f.2 == Some("Essaouira")),
        "{found:?}"
    );
    // The subject of a verb.
    assert!(found.iter().any(|f| f.0 == "412"), "{found:?}");
    // A year after `dont` is no count.
    assert!(!found.iter().any(|f| f.0 == "2019"), "{found:?}");
}

#[test]
fn an_age_is_compared_with_ages_only() {
    let docs = [
        doc(
            "a",
            "2018-11-18",
            "Une automobiliste a percuté une femme de 58 ans qui bloquait le rond-point.",
        ),
        doc(
            "b",
            "2018-11-18",
            "La victime, une femme de 64 ans, bloquait le rond-point quand une automobiliste l'a \
             percutée.",
        ),
    ];
    let c = compared(&docs);
    let slot = slot_of(&c, "58 ans").expect("the age slot");
    assert_eq!(slot.claims[0].frame.measure.as_deref(), Some("âge"));
    assert_eq!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
}

#[test]
fn two_tolls_of_one_day_conflict_only_when_both_quote_one_bulletin() {
    // Both quote the same national toll: where they differ on one province, one is wrong.
    let one = [
        doc(
            "a",
            "2023-09-10",
            "Le dernier bilan du ministère fait état de 1 520 morts et de 1 880 blessés. Dans \
             la province de Tiznit, le séisme a fait 940 morts.",
        ),
        doc(
            "b",
            "2023-09-10",
            "Selon le ministère, le séisme a fait 1 520 morts et 1 880 blessés. Dans la \
             province de Tiznit, le séisme a fait 610 morts.",
        ),
    ];
    let c = compared(&one);
    assert_eq!(
        verdict_of(&c, "940 morts").as_deref(),
        Some("Conflict"),
        "{c:#?}"
    );
    // Different national tolls: two updates of one day, for a person to order.
    let two = [
        doc(
            "a",
            "2023-09-10",
            "Le bilan du ministère fait état de 820 morts et de 670 blessés. Dans la province \
             de Tiznit, le séisme a fait 420 morts.",
        ),
        doc(
            "b",
            "2023-09-10",
            "Selon le ministère, le séisme a fait 1 520 morts et 1 880 blessés. Dans la \
             province de Tiznit, le séisme a fait 610 morts.",
        ),
    ];
    let c = compared(&two);
    assert_eq!(
        verdict_of(&c, "420 morts").as_deref(),
        Some("NeedsReview"),
        "{c:#?}"
    );
}

#[test]
fn a_figure_attributed_once_in_an_article_keeps_its_claimant_when_repeated() {
    let docs = [
        doc(
            "a",
            "2022-04-25",
            "Le candidat sortant l'emporte avec 57,31 % des voix selon le ministère de \
             l'Intérieur. Avec 57,31 % des voix, il est réélu.",
        ),
        doc(
            "b",
            "2022-04-28",
            "Le Conseil constitutionnel a proclamé les résultats définitifs : le candidat \
             sortant obtient 57,36 % des voix. Avec 57,36 % des voix, il est réélu.",
        ),
    ];
    let c = compared(&docs);
    for s in &c.slots {
        assert_ne!(format!("{:?}", s.verdict.kind), "Conflict", "{s:#?}");
    }
}

#[test]
fn a_figure_of_another_year_does_not_join_this_year_s() {
    // A figure whose sentence names no year holds for its article's year, not for 2017.
    let docs = [
        doc(
            "a",
            "2022-04-25",
            "En 2017, l'abstention au second tour de la présidentielle était de 25,2 %.",
        ),
        doc(
            "b",
            "2022-04-25",
            "L'abstention au second tour de la présidentielle atteint 27,9 %.",
        ),
    ];
    let c = compared(&docs);
    assert!(
        !c.slots.iter().any(|s| {
            let has = |w: &str| s.claims.iter().any(|x| x.claim.text == w);
            has("25,2 %") && has("27,9 %")
        }),
        "{c:#?}"
    );
}

#[test]
fn the_next_item_of_a_list_is_no_state_at_the_time_of_writing() {
    let d = doc(
        "a",
        "2023-11-02",
        "On a mesuré 160 km/h à Quiberon ou encore 131 km/h à Auray.",
    );
    let extraction = claims::extract_all(std::slice::from_ref(&d));
    let lex = claims::lexicon_for(Some("fr"));
    let claims = &extraction.documents[0].claims;
    let last = claims.iter().find(|c| c.text == "131 km/h").unwrap();
    let frame = compare::frame::Frame::of(lex, last, claims);
    assert!(!frame.current, "{frame:?}");
}

#[test]
fn lengths_of_time_said_to_be_one_event_s_are_compared_however_worded() {
    let docs = [
        doc(
            "a",
            "2024-07-27",
            "Le concert d'ouverture, qui aura duré près de trois heures, a réuni la foule sur les \
             quais.",
        ),
        doc(
            "b",
            "2024-07-27",
            "Pendant près de cinq heures, les musiciens se sont succédé devant le public.",
        ),
        doc(
            "c",
            "2024-07-27",
            "Un spectacle mémorable de 4h40 sous la pluie.",
        ),
    ];
    let c = compared(&docs);
    let slot = slot_of(&c, "près de trois heures").expect("the duration slot");
    assert!(
        slot.claims
            .iter()
            .any(|x| x.claim.text == "près de cinq heures"),
        "{slot:#?}"
    );
    assert_eq!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
    // Hours and minutes glued after an indefinite noun are a length, not a time of day.
    let extraction = claims::extract_all(&docs[2..]);
    let show = &extraction.documents[0].claims[0];
    assert_eq!(show.kind, ClaimKind::Duration, "{show:?}");
}

#[test]
fn ranks_written_in_roman_or_plural_forms_are_ordinals() {
    let d = doc(
        "a",
        "2024-07-27",
        "C'est la XXXIIIe olympiade. Les 33es Jeux sont ouverts. VIVE LA FÊTE.",
    );
    let extraction = claims::extract_all(std::slice::from_ref(&d));
    let ranks: Vec<(&str, Option<f64>)> = extraction.documents[0]
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Ordinal)
        .map(|c| {
            let claims::Value::Quantity { range, .. } = &c.value else {
                panic!("{c:?}")
            };
            (c.text.as_str(), range.lo)
        })
        .collect();
    assert_eq!(
        ranks,
        [("XXXIIIe olympiade", Some(33.0)), ("33es Jeux", Some(33.0))]
    );
    // A rank is not about the name it is made of.
    assert_eq!(extraction.documents[0].claims[1].entity, None);
}

#[test]
fn a_past_year_s_figure_is_compared_with_that_year_s_figures() {
    // Three articles give last election's abstention in three wordings, one of them after a
    // pronoun and one in parentheses after the year: they are one fact, and disagree.
    let docs = [
        doc(
            "a",
            "2022-04-25",
            "L'abstention atteint 27,9 % dimanche. Elle était de 24,1 % au second tour en 2017.",
        ),
        doc(
            "b",
            "2022-04-25",
            "En 2017, l'abstention s'établissait à 24,6 %, rappellent les instituts.",
        ),
        doc(
            "c",
            "2022-04-25",
            "L'abstention a atteint 27,9 %, soit plus qu'en 2017 (24,1 %), selon les instituts.",
        ),
    ];
    let c = compared(&docs);
    let slot = slot_of(&c, "24,6 %").expect("the 2017 slot");
    let docs_in: Vec<&str> = slot.claims.iter().map(|x| x.document.as_str()).collect();
    assert_eq!(docs_in, ["a", "b", "c"], "{slot:#?}");
    assert_eq!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
    // The pronoun's figure measures what the sentence before spoke of.
    assert_eq!(slot.claims[0].frame.measure.as_deref(), Some("abstention"));
}

#[test]
fn a_scale_word_after_a_figure_written_in_full_is_a_slip() {
    let d = doc(
        "a",
        "2022-04-25",
        "Elle a rassemblé 13.297.760 millions de voix, contre 2,5 millions en 2012.",
    );
    let extraction = claims::extract_all(std::slice::from_ref(&d));
    let values: Vec<(&str, Option<f64>)> = extraction.documents[0]
        .claims
        .iter()
        .filter_map(|c| match &c.value {
            claims::Value::Quantity { range, .. } => Some((c.text.as_str(), range.lo)),
            _ => None,
        })
        .collect();
    assert!(
        values.contains(&("13.297.760 millions de voix", Some(13_297_760.0))),
        "{values:?}"
    );
    assert!(
        values.iter().any(|v| v.1 == Some(2_500_000.0)),
        "{values:?}"
    );
}

#[test]
fn the_other_sentence_stating_a_far_nearer_figure_means_the_wrong_figures_were_paired() {
    // The second article's sentence holds both candidates' shares; its first figure, left
    // without a name, is not the second candidate's share however the slot paired them.
    let docs = [
        doc(
            "a",
            "2022-04-25",
            "Marine Le Pen récolte 42,36 % des suffrages exprimés selon le décompte.",
        ),
        doc(
            "b",
            "2022-04-25",
            "Le sortant obtient 57,65 % des suffrages exprimés et son adversaire, Marine Le Pen, \
             42,35 % des suffrages exprimés.",
        ),
    ];
    let c = compared(&docs);
    for s in &c.slots {
        let has = |w: &str| s.claims.iter().any(|x| x.claim.text == w);
        if has("42,36 %") && has("57,65 %") {
            assert_ne!(format!("{:?}", s.verdict.kind), "Conflict", "{s:#?}");
        }
    }
}

#[test]
fn figures_in_parentheses_after_places_measure_what_their_sentence_counts() {
    let docs = [
        doc(
            "a",
            "2023-09-10",
            "Le ministère fait état de 1 520 morts et de 1 880 blessés. La plupart des morts ont \
             été recensés à Tiznit (940) et à Essaouira (310).",
        ),
        doc(
            "b",
            "2023-09-10",
            "Le ministère fait état de 1 520 morts et de 1 880 blessés. La plupart des morts (940) \
             ont été recensés à Tiznit et à Essaouira (270).",
        ),
    ];
    let c = compared(&docs);
    let slot = slot_of(&c, "310").expect("the slot of the second place");
    assert!(
        slot.claims
            .iter()
            .all(|x| x.frame.measure.as_deref() == Some("morts")),
        "{slot:#?}"
    );
    assert_eq!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
}

#[test]
fn a_title_s_abbreviation_does_not_cut_the_claimant_short() {
    let d = doc(
        "a",
        "2018-11-18",
        "Il y a eu, selon M. Dupontel, 310 blessés, dont 12 graves.",
    );
    let extraction = claims::extract_all(std::slice::from_ref(&d));
    let c = &extraction.documents[0].claims[0];
    assert_eq!(c.claimant.as_deref(), Some("M. Dupontel"), "{c:?}");
}

#[test]
fn a_figure_announced_as_the_number_of_something_counts_it() {
    let docs = [
        doc(
            "a",
            "2022-04-28",
            "Le nombre des bulletins nuls est de 812 406 au niveau national.",
        ),
        doc(
            "b",
            "2022-04-28",
            "Au niveau national, les urnes contenaient 821 406 bulletins nuls.",
        ),
    ];
    let c = compared(&docs);
    let slot = slot_of(&c, "812 406").expect("the slot of the announced figure");
    assert_eq!(slot.claims[0].claim.noun.as_deref(), Some("bulletins"));
    assert_eq!(format!("{:?}", slot.verdict.kind), "Conflict", "{slot:#?}");
}

#[test]
fn english_articles_are_read_with_english_conventions() {
    let mut d = doc(
        "a",
        "2023-09-10",
        "At least 2,012 people were killed and 2,059 were injured. The quake struck at a depth \
         of 18.5 kilometres, more than 70 km from the city.",
    );
    d.lang = Some("en".into());
    let extraction = claims::extract_all(std::slice::from_ref(&d));
    let values: Vec<(&str, Option<f64>, Option<f64>)> = extraction.documents[0]
        .claims
        .iter()
        .filter_map(|c| match &c.value {
            claims::Value::Quantity { range, .. } => Some((c.text.as_str(), range.lo, range.hi)),
            _ => None,
        })
        .collect();
    assert_eq!(
        values,
        [
            ("At least 2,012 people", Some(2012.0), None),
            ("2,059", Some(2059.0), Some(2059.0)),
            ("18.5 kilometres", Some(18_500.0), Some(18_500.0)),
            ("more than 70 km", Some(70_000.0), None),
        ]
    );
}

#[test]
fn a_place_named_beside_an_article_s_only_figure_does_not_make_it_another_fact() {
    let docs = [
        doc(
            "a",
            "2024-07-27",
            "Les délégations ont défilé à bord de 64 bateaux sur la Garonne devant la foule.",
        ),
        doc(
            "b",
            "2024-07-27",
            "Le défilé des délégations a rassemblé pas moins de 71 bateaux devant la foule.",
        ),
    ];
    let c = compared(&docs);
    assert_eq!(
        verdict_of(&c, "64 bateaux").as_deref(),
        Some("Conflict"),
        "{c:#?}"
    );
    // Where an article gives a figure per place, an unplaced figure may be any place's.
    let docs = [
        doc(
            "a",
            "2023-11-02",
            "Les rafales ont atteint 160 km/h à Quiberon et 148 km/h à Vannes pendant la nuit.",
        ),
        doc(
            "b",
            "2023-11-02",
            "Les rafales ont atteint 171 km/h pendant la nuit sur la côte.",
        ),
    ];
    let c = compared(&docs);
    for s in &c.slots {
        assert_ne!(format!("{:?}", s.verdict.kind), "Conflict", "{s:#?}");
    }
}

#[test]
fn a_name_across_a_comma_and_a_conjunction_is_not_the_figure_s() {
    let d = doc(
        "a",
        "2024-07-27",
        "Le président a parlé aux côtés du patron du comité, Jean Dufour, et devant 64 maires \
         de la région.",
    );
    let extraction = claims::extract_all(std::slice::from_ref(&d));
    let c = extraction.documents[0]
        .claims
        .iter()
        .find(|c| c.text.starts_with("64"))
        .expect("the count");
    assert_eq!(c.entity, None, "{c:?}");
}

#[test]
fn storms_told_in_the_same_words_are_as_many_events() {
    // Ten storms of one week, each told by two outlets in sentences that differ only by their
    // figures, all quoting Météo-France: what tells them apart is the storms' and towns'
    // names, not a name every storm's articles give.
    let storms = [
        ("Lucien", "Quimper"),
        ("Mireille", "Bayonne"),
        ("Nestor", "Dieppe"),
        ("Ophélie", "Sète"),
        ("Paulin", "Calais"),
        ("Romane", "Lorient"),
        ("Sacha", "Vannes"),
        ("Thelma", "Fréjus"),
        ("Ulysse", "Brest"),
        ("Valentine", "Royan"),
    ];
    let mut docs = Vec::new();
    for (k, (name, town)) in storms.iter().enumerate() {
        let homes = format!("{} 480", 12 + 3 * k);
        for outlet in ["a", "b"] {
            docs.push(doc(
                &format!("{outlet}{k}"),
                "2024-11-04",
                &format!(
                    "La tempête {name} a balayé la côte autour de {town} dans la nuit, selon \
                     Météo-France. Au plus fort de l'épisode, la tempête a privé \
                     d'électricité {homes} foyers dans toute la région, selon le gestionnaire \
                     du réseau. Les secours de {town} sont intervenus ({outlet})."
                ),
            ));
        }
    }
    let c = compared(&docs);
    for s in &c.slots {
        let figures: std::collections::BTreeSet<&str> =
            s.claims.iter().map(|x| x.claim.text.as_str()).collect();
        assert_eq!(
            figures.len(),
            1,
            "several storms' counts in one slot: {figures:?}"
        );
    }
    assert_eq!(
        verdict_of(&c, "12 480 foyers").as_deref(),
        Some("Agree"),
        "{:#?}",
        c.slots
    );
}

#[test]
fn a_toll_given_as_a_minimum_then_higher_the_next_day_is_a_timeline() {
    let docs = [
        doc(
            "a",
            "2024-03-11",
            "Un séisme a frappé la vallée de l'Ubaye. Le séisme a fait au moins 56 morts dans \
             la vallée, selon les secours.",
        ),
        doc(
            "b",
            "2024-03-12",
            "Dans la vallée de l'Ubaye, les recherches continuent. Le séisme a fait 95 morts \
             dans la vallée, selon les secours.",
        ),
    ];
    let c = compared(&docs);
    assert_eq!(
        verdict_of(&c, "95 morts").as_deref(),
        Some("Timeline"),
        "{c:#?}"
    );
}

#[test]
fn a_rounder_figure_a_day_later_is_no_rise() {
    let docs = [
        doc(
            "a",
            "2024-03-11",
            "Un séisme a frappé la vallée de l'Ubaye. Les secours ont soigné près de 75 blessés \
             dans la vallée.",
        ),
        doc(
            "b",
            "2024-03-12",
            "Dans la vallée de l'Ubaye, les recherches continuent. Les secours ont soigné 75 \
             blessés dans la vallée.",
        ),
    ];
    let c = compared(&docs);
    assert_eq!(
        verdict_of(&c, "75 blessés").as_deref(),
        Some("Precision"),
        "{c:#?}"
    );
}

#[test]
fn sentences_alike_but_for_their_figures_state_one_fact_without_naming_the_measure() {
    let docs = [
        doc(
            "a",
            "2024-08-02",
            "Un incendie a ravagé la forêt près de Lacanau. Le feu a détruit 8 412 hectares de \
             pinède. La circulation est coupée.",
        ),
        doc(
            "b",
            "2024-08-02",
            "Près de Lacanau, les pompiers luttent toujours. Le feu a détruit 6 471 hectares de \
             pinède. Une enquête est ouverte.",
        ),
    ];
    let c = compared(&docs);
    assert_eq!(
        verdict_of(&c, "6 471 hectares").as_deref(),
        Some("Conflict"),
        "{c:#?}"
    );
}

#[test]
fn a_town_named_with_its_article_is_a_name() {
    let docs = [doc(
        "a",
        "2024-08-02",
        "Le cortège a traversé le centre de La Roche-sur-Yon en fin de matinée.",
    )];
    let extraction = claims::extract_all(&docs);
    assert!(
        extraction
            .entities
            .iter()
            .any(|g| g.variants.iter().any(|v| v.spelling == "La Roche-sur-Yon")),
        "{:?}",
        extraction.entities
    );
}

#[test]
fn a_cost_and_a_burnt_area_are_named_measures_whatever_the_words_for_them() {
    let docs = [
        doc(
            "a",
            "2024-08-02",
            "La piscine de Vierzon a rouvert. Le nouveau bassin représente un investissement de \
             12,4 millions d'euros pour la ville. Plus tôt, un feu a ravagé 840 hectares de \
             landes près de la ville.",
        ),
        doc(
            "b",
            "2024-08-02",
            "À Vierzon, la piscine accueille de nouveau le public. Le montant des travaux du \
             bassin atteint 15,1 millions d'euros. Dans les landes voisines, 1 230 hectares sont \
             partis en fumée.",
        ),
    ];
    let c = compared(&docs);
    let measures = |words: &str| -> Vec<Option<String>> {
        c.slots
            .iter()
            .find(|s| s.claims.iter().any(|x| x.claim.text == words))
            .map(|s| s.claims.iter().map(|x| x.frame.measure.clone()).collect())
            .unwrap_or_default()
    };
    let cost = Some("coût".to_string());
    assert_eq!(
        measures("15,1 millions d'euros"),
        [cost.clone(), cost],
        "{c:#?}"
    );
    assert!(
        measures("840 hectares").contains(&Some("surface brûlée".to_string())),
        "{c:#?}"
    );
}

#[test]
fn readings_of_one_place_in_lists_of_places_are_one_fact() {
    // Two outlets list the gusts of a storm town by town, in different orders and words: the
    // sentences are unlike, but each figure is attached to its town and measures a speed.
    let docs = [
        doc(
            "a",
            "2024-02-10",
            "Les rafales ont atteint 121 km/h à Carnac, 134 km/h à Quiberon et 150 km/h à \
             Groix pendant la nuit de la tempête.",
        ),
        doc(
            "b",
            "2024-02-10",
            "Au matin, la tempête laissait des arbres couchés : les rafales ont atteint \
             151 km/h à Groix, devant Belle-Île et Houat.",
        ),
    ];
    let c = compared(&docs);
    // 150 and 151 km/h at Groix: two readings of one instrument that cannot both be right.
    assert_eq!(
        verdict_of(&c, "151 km/h").as_deref(),
        Some("Conflict"),
        "{c:#?}"
    );
}

#[test]
fn figures_inside_web_addresses_are_not_claims() {
    let text = "Le bilan est de 632 morts, selon le ministère. Source : \
                https://exemple.fr/2023/09/09/seisme-bilan-2012-morts-magnitude-6-8";
    let extraction = claims::extract_all(&[doc("a", "2023-09-09", text)]);
    let words: Vec<&str> = extraction.documents[0]
        .claims
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(words, ["632 morts"], "{words:?}");
}

#[test]
fn an_english_text_without_a_language_is_read_as_english() {
    let mut d = doc(
        "a",
        "2023-09-10",
        "At least 2,012 people were killed and 2,059 were injured in the earthquake, the \
         ministry said on Saturday.",
    );
    d.lang = None;
    let extraction = claims::extract_all(&[d]);
    let first = &extraction.documents[0].claims[0];
    assert_eq!(first.kind, ClaimKind::Count);
    assert_eq!(
        first.value,
        claims::Value::Quantity {
            range: claims::Range {
                lo: Some(2012.0),
                hi: None
            },
            unit: claims::Unit::Count
        },
        "{first:?}"
    );
}

#[test]
fn a_length_of_time_before_de_and_a_noun_measures_that_thing() {
    // Two wordings of one building site's length: the sentences differ, the measure is stated.
    let docs = [
        doc(
            "a",
            "2024-05-02",
            "Après 14 mois de chantier, la nouvelle médiathèque de Saint-Avold ouvre ses portes \
             au public ce samedi.",
        ),
        doc(
            "b",
            "2024-05-02",
            "La médiathèque de Saint-Avold, livrée au bout de 18 mois de chantier, accueillera \
             ses premiers lecteurs samedi.",
        ),
    ];
    let c = compared(&docs);
    assert_eq!(
        verdict_of(&c, "18 mois").as_deref(),
        Some("Conflict"),
        "{c:#?}"
    );
}

#[test]
fn slots_of_one_fact_grown_apart_become_one_slot() {
    // Four reprints of one sentence link among themselves first; two articles worded alike link
    // with each other first. They still state one fact, and the rounder figure beside the exact
    // one is a difference of precision that only shows once they are one slot.
    let reprint = "La cérémonie s'est déroulée devant 85 chefs d'État et de gouvernement venus \
                   du monde entier, a indiqué l'Élysée.";
    let mut docs: Vec<Document> = ["a", "b", "c", "d"]
        .iter()
        .map(|id| doc(id, "2024-07-27", reprint))
        .collect();
    docs.push(doc(
        "e",
        "2024-07-27",
        "Le défilé des délégations s'est tenu en présence de 85 chefs d'État et de \
         gouvernement, sous la pluie.",
    ));
    docs.push(doc(
        "f",
        "2024-07-27",
        "Le défilé des délégations s'est tenu en présence de plus de 80 chefs d'État et de \
         gouvernement, sous une pluie battante.",
    ));
    let c = compared(&docs);
    let slot = c
        .slots
        .iter()
        .find(|s| s.claims.iter().any(|x| x.claim.text.contains("80")))
        .expect("the slot of the rounder figure");
    let documents: Vec<&str> = slot.claims.iter().map(|x| x.document.as_str()).collect();
    assert_eq!(documents, ["a", "b", "c", "d", "e", "f"], "{slot:#?}");
    assert_eq!(format!("{:?}", slot.verdict.kind), "Precision", "{slot:#?}");
}

#[test]
fn the_latest_count_of_a_series_is_an_update_not_a_contradiction() {
    let other = doc(
        "b",
        "2023-11-02",
        "La préfecture a recensé 980 foyers privés d'électricité dans le département.",
    );
    let with = |opening: &str| {
        let docs = [
            doc(
                "a",
                "2023-11-02",
                &format!(
                    "{opening} de la préfecture, 1 250 foyers privés d'électricité dans le \
                     département."
                ),
            ),
            other.clone(),
        ];
        verdict_of(&compared(&docs), "1 250 foyers")
    };
    // Named as the latest of several counts, the figure may update the other one.
    assert_eq!(
        with("Selon le dernier bilan").as_deref(),
        Some("NeedsReview")
    );
    assert_eq!(
        with("Selon un nouveau décompte").as_deref(),
        Some("NeedsReview")
    );
    // A count given without saying it updates others contradicts a different one.
    assert_eq!(with("Selon le bilan").as_deref(), Some("Conflict"));
}

#[test]
fn a_tally_repeated_the_next_day_has_not_risen() {
    // One day a rounder figure and the exact one; the next day the exact one again. Nothing
    // rose: the rounder figure is a difference of precision, not an earlier update.
    let docs = [
        doc(
            "a",
            "2023-05-10",
            "Selon le bilan de la mairie, plus de 120 maisons ont été endommagées par la crue.",
        ),
        doc(
            "b",
            "2023-05-10",
            "Selon le bilan de la mairie, 124 maisons ont été endommagées par la crue.",
        ),
        doc(
            "c",
            "2023-05-11",
            "Selon le bilan de la mairie, 124 maisons ont été endommagées par la crue.",
        ),
    ];
    assert_eq!(
        verdict_of(&compared(&docs), "plus de 120 maisons").as_deref(),
        Some("Precision")
    );
    // A figure above every earlier one did rise.
    let mut risen = docs.clone();
    risen[2] = doc(
        "c",
        "2023-05-11",
        "Selon le bilan de la mairie, 131 maisons ont été endommagées par la crue.",
    );
    let c = compared(&risen);
    assert_eq!(
        verdict_of(&c, "131 maisons").as_deref(),
        Some("Timeline"),
        "{:#?}",
        c.slots
    );
}
