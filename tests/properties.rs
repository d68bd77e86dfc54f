//! Properties of the near-duplicate engine that must hold for any input.

use proptest::prelude::*;

use recoupe::corpus::Document;
use recoupe::dedup::{self, DedupParams, minhash::MinHasher, minhash::estimate};
use recoupe::error::Location;

fn doc(id: String, text: String) -> Document {
    Document {
        id,
        title: None,
        source: None,
        url: None,
        published: None,
        lang: None,
        text,
        origin: Location::file("mem"),
        lines_in_file: false,
    }
}

/// Texts of 20 to 120 words from a small vocabulary, so that documents share words but rarely
/// long runs of them.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "la",
            "visite",
            "de",
            "Poutine",
            "à",
            "Pyongyang",
            "accord",
            "Corée",
            "du",
            "Nord",
            "sommet",
            "deux",
            "pays",
            "coopération",
            "militaire",
            "Russie",
            "été",
            "L’accord",
        ]),
        20..120,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn identical_documents_always_collide(a in text(), others in prop::collection::vec(text(), 0..6), seed in 0u64..1000) {
        let mut docs = vec![doc("a".into(), a.clone()), doc("b".into(), a)];
        docs.extend(others.into_iter().enumerate().map(|(i, t)| doc(format!("o{i}"), t)));
        docs.sort_by(|x, y| x.id.cmp(&y.id));
        let params = DedupParams { seed, passages: false, ..DedupParams::default() };
        let result = dedup::run(&docs, &params, &()).unwrap();
        let pair = result.pairs.iter().find(|p| p.a == "a" && p.b == "b");
        prop_assert!(pair.is_some(), "identical documents not paired");
        prop_assert_eq!(pair.unwrap().jaccard, 1.0);
        prop_assert!(result.clusters.iter().any(|c| c.members.contains(&"a".to_string()) && c.members.contains(&"b".to_string())));
    }

    #[test]
    fn minhash_estimate_stays_within_its_error(
        shared in 0usize..400, only_a in 0usize..400, only_b in 0usize..400,
        salt in any::<u64>(), seed in any::<u64>(),
    ) {
        prop_assume!(shared + only_a + only_b > 0);
        let key = |i: u64| xxhash_rust::xxh3::xxh3_64_with_seed(&i.to_le_bytes(), salt);
        let a: Vec<u64> = (0..(shared + only_a) as u64).map(key).collect();
        let b: Vec<u64> = (0..shared as u64)
            .chain(1_000_000..1_000_000 + only_b as u64)
            .map(key)
            .collect();
        let p = 256;
        let h = MinHasher::new(p, seed);
        let (mut sa, mut sb) = (vec![0; p], vec![0; p]);
        h.sign(&a, &mut sa);
        h.sign(&b, &mut sb);
        let j = shared as f64 / (shared + only_a + only_b) as f64;
        let sd = (j * (1.0 - j) / p as f64).sqrt();
        // Five standard errors, plus one position for the discreteness of the estimate.
        prop_assert!((estimate(&sa, &sb) - j).abs() <= 5.0 * sd + 1.0 / p as f64,
            "estimate {} vs exact {j}", estimate(&sa, &sb));
    }

    #[test]
    fn clusters_form_a_partition_of_the_clustered_documents(texts in prop::collection::vec(text(), 2..14), copies in prop::collection::vec((0usize..14, 0usize..5), 0..8)) {
        let mut docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| doc(format!("d{i:02}"), t.clone())).collect();
        // Copies of some documents with the last words cut, so that clusters form.
        for (n, (src, cut)) in copies.iter().enumerate() {
            let t = &texts[src % texts.len()];
            let words: Vec<&str> = t.split(' ').collect();
            let keep = words.len().saturating_sub(*cut).max(1);
            docs.push(doc(format!("c{n:02}"), words[..keep].join(" ")));
        }
        docs.sort_by(|x, y| x.id.cmp(&y.id));
        let result = dedup::run(&docs, &DedupParams { passages: false, ..DedupParams::default() }, &()).unwrap();
        let mut seen = std::collections::HashSet::new();
        for c in &result.clusters {
            prop_assert!(c.members.len() >= 2);
            prop_assert!(c.members.contains(&c.representative));
            prop_assert!(c.members.windows(2).all(|w| w[0] < w[1]));
            for m in &c.members {
                prop_assert!(seen.insert(m.clone()), "{} in two clusters", m);
                prop_assert!(docs.iter().any(|d| &d.id == m));
            }
        }
        // Every reported pair lies inside one cluster.
        for p in &result.pairs {
            prop_assert!(result.clusters.iter().any(|c| c.members.contains(&p.a) && c.members.contains(&p.b)));
        }
    }

    #[test]
    fn input_order_does_not_change_results(texts in prop::collection::vec(text(), 2..10), rotate in 0usize..10) {
        let docs: Vec<Document> = texts.iter().enumerate()
            .flat_map(|(i, t)| [doc(format!("d{i}"), t.clone()), doc(format!("e{i}"), format!("{t} fin"))])
            .collect();
        let run = |mut docs: Vec<Document>| {
            // The library's contract: documents sorted by id, as corpus::load returns them.
            docs.sort_by(|x, y| x.id.cmp(&y.id));
            dedup::run(&docs, &DedupParams::default(), &()).unwrap()
        };
        let mut rotated = docs.clone();
        let n = rotated.len();
        rotated.rotate_left(rotate % n);
        rotated.reverse();
        prop_assert_eq!(run(docs), run(rotated));
    }

    #[test]
    fn text_stages_never_panic(s in any::<String>()) {
        let prepared = recoupe::text::Prepared::new(&s);
        for r in &prepared.sentences {
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        }
        for (range, w) in recoupe::text::tokenize::words(&s) {
            prop_assert_eq!(&s[range], w);
        }
        let shingling: recoupe::dedup::Shingling = "chars:3".parse().unwrap();
        let _ = recoupe::dedup::shingle::shingle_set(&s, &prepared.boilerplate, shingling);
    }
}

proptest! {
    #[test]
    fn byte_folding_equals_string_folding(w in "\\PC{0,12}") {
        let mut bytes = Vec::new();
        recoupe::text::normalize::fold_bytes_into(&w, &mut bytes);
        prop_assert_eq!(String::from_utf8(bytes).unwrap(), recoupe::text::normalize::fold(&w));
    }

    /// The shortcuts of `fold_cow` (borrowing, ASCII lower-casing) agree with full folding.
    #[test]
    fn cow_folding_equals_folding(w in "(\\PC|[A-Za-z0-9]){0,12}") {
        let (cow, full) = (recoupe::text::normalize::fold_cow(&w), recoupe::text::normalize::fold(&w));
        prop_assert_eq!(cow.as_ref(), full.as_str());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Arbitrary text, and text made of the words extraction reacts to, never panics and gives
    /// spans inside the text.
    #[test]
    fn claim_extraction_never_panics(
        noise in "\\PC{0,200}",
        words in prop::collection::vec(prop::sample::select(vec![
            "depuis", "plus", "de", "d'", "un", "une", "deux", "vingt", "-", "et", "demie", "heures",
            "ans", "années", "2000", "7 000", "1,5", "million", "€", "%", "«", "»", "“", "”", "\"",
            "selon", "la", "police", ",", "a", "déclaré", "Kim", "Jong-un", "XXe", "siècle", "il", "y",
            "mars", "dernier", "ce", "mercredi", "première", "en", "quarantaine", "—", "\n", ":",
            "Avant", "hier", "1er", "juin", "2h", "0,", "9999999999999999999999", "des", "milliers",
            "tiers", "quarts", "cinquièmes", "sur", "/", "$", "£", "livres", "sterling", "carrés",
            "cubes", "Noël", "fête", "pères", "week", "end", "trimestre", "toute", "journée", "janv",
            ".", "99", "-0,4", "−", "3/4", "2015", "premier", "vendredi", "de", "la", "semaine",
            "prochaine", "vingt-cinquième", "1.458.000,50",
        ]), 0..40),
        published in prop::option::of(0i64..40_000),
    ) {
        let text = format!("{noise} {}", words.join(" "));
        let doc = Document {
            published: published.and_then(|d| chrono::NaiveDate::from_num_days_from_ce_opt(700_000 + d as i32)),
            ..doc("p".into(), text.clone())
        };
        let out = recoupe::claims::extract(&doc);
        let chars = text.chars().count();
        for c in &out.claims {
            prop_assert!(c.span.start <= c.span.end && c.span.end <= chars);
        }
        for q in &out.quotes {
            prop_assert!(q.span.end <= chars);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// `n sur d` with n below d is the share n/d, in percent, whatever the figures.
    #[test]
    fn a_ratio_of_figures_is_a_share(n in 1u32..500, extra in 1u32..5000) {
        let d = n + extra;
        let text = format!("Ils étaient {n} sur {d} à voter.");
        let out = recoupe::claims::extract(&doc("r".into(), text.clone()));
        let share = out.claims.iter().find(|c| c.text == format!("{n} sur {d}"));
        let want = 100.0 * f64::from(n) / f64::from(d);
        prop_assert!(
            matches!(share.map(|c| &c.value), Some(recoupe::claims::Value::Quantity { range, unit: recoupe::claims::Unit::Percent })
                if range.lo.is_some_and(|v| (v - want).abs() < 1e-9)),
            "{text}: {:?}", out.claims.iter().map(|c| (&c.text, &c.value)).collect::<Vec<_>>()
        );
    }
}
