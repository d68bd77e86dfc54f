//! Table-driven test of French claim extraction: each row is a sentence, the words of the
//! expression in it, and the normalised value a fact-checker expects, written by hand. Relative
//! expressions are resolved against an article dated Wednesday 19 June 2024 unless the row says
//! otherwise.

use chrono::NaiveDate;
use recoupe::claims::{self, ClaimKind as K, DateRange, Grain, Modifier as M, Value};
use recoupe::corpus::Document;
use recoupe::error::Location;

const H: f64 = 3600.0;
const DAY: f64 = 86_400.0;
const WEEK: f64 = 7.0 * DAY;
const YEAR: f64 = 365.2425 * DAY;
const MONTH: f64 = YEAR / 12.0;

#[derive(Debug, Clone, Copy)]
enum E {
    /// Kind, lower bound, upper bound, modifier.
    Q(K, Option<f64>, Option<f64>, M),
    /// Kind, first day, last day ("" for open), grain.
    D(K, &'static str, &'static str, Grain),
    /// A time of day: its day ("" for none), first and last minute after midnight, modifier.
    T(&'static str, u32, u32, M),
}

const fn n(k: K, v: f64) -> E {
    E::Q(k, Some(v), Some(v), M::Exact)
}
const fn approx(k: K, v: f64) -> E {
    E::Q(k, Some(v * 0.9), Some(v * 1.1), M::Approx)
}
const fn nearly(k: K, v: f64) -> E {
    E::Q(k, Some(v * 0.9), Some(v), M::Nearly)
}
const fn more(k: K, v: f64) -> E {
    E::Q(k, Some(v), None, M::MoreThan)
}
const fn at_least(k: K, v: f64) -> E {
    E::Q(k, Some(v), None, M::AtLeast)
}
const fn less(k: K, v: f64) -> E {
    E::Q(k, Some(0.0), Some(v), M::LessThan)
}
const fn at_most(k: K, v: f64) -> E {
    E::Q(k, Some(0.0), Some(v), M::AtMost)
}
const fn between(k: K, lo: f64, hi: f64) -> E {
    E::Q(k, Some(lo), Some(hi), M::Exact)
}
const fn d(k: K, from: &'static str, to: &'static str, g: Grain) -> E {
    E::D(k, from, to, g)
}
const fn clock(day: &'static str, from: u32, to: u32, m: M) -> E {
    E::T(day, from, to, m)
}
const fn day(s: &'static str) -> E {
    E::D(K::Date, s, s, Grain::Day)
}

use Grain::*;
use K::*;

/// (sentence, expression, expected value, article date or "" for 2024-06-19)
const ROWS: &[(&str, &str, E, &str)] = &[
    // --- Counts with digits and French separators
    (
        "Le Nord a livré 7000 conteneurs d'armement.",
        "7000 conteneurs d'armement",
        n(Count, 7000.0),
        "",
    ),
    (
        "Il a livré 7 000 conteneurs.",
        "7 000 conteneurs",
        n(Count, 7000.0),
        "",
    ),
    (
        "Il a livré 7\u{a0}000 conteneurs.",
        "7\u{a0}000 conteneurs",
        n(Count, 7000.0),
        "",
    ),
    (
        "Il a livré 7\u{202f}000 conteneurs.",
        "7\u{202f}000 conteneurs",
        n(Count, 7000.0),
        "",
    ),
    (
        "Il a livré 7.000 conteneurs.",
        "7.000 conteneurs",
        n(Count, 7000.0),
        "",
    ),
    (
        "On compte 1 500 000 habitants.",
        "1 500 000 habitants",
        n(Count, 1_500_000.0),
        "",
    ),
    (
        "On compte 1.500.000 habitants.",
        "1.500.000 habitants",
        n(Count, 1_500_000.0),
        "",
    ),
    (
        "Le salon réunit 2000 artisans.",
        "2000 artisans",
        n(Count, 2000.0),
        "",
    ),
    (
        "Le salon réunit 2 000 artisans venus de loin.",
        "2 000 artisans",
        n(Count, 2000.0),
        "",
    ),
    ("Il y avait 12 blessés.", "12 blessés", n(Count, 12.0), ""),
    (
        "La police a interpellé 45 personnes.",
        "45 personnes",
        n(Count, 45.0),
        "",
    ),
    (
        "Au total, 577 députés siègent.",
        "577 députés",
        n(Count, 577.0),
        "",
    ),
    (
        "Le parti obtient 89 sièges.",
        "89 sièges",
        n(Count, 89.0),
        "",
    ),
    (
        "L'usine emploie 350 salariés.",
        "350 salariés",
        n(Count, 350.0),
        "",
    ),
    ("Le séisme a fait 3 morts.", "3 morts", n(Count, 3.0), ""),
    (
        "On dénombre 1 200 victimes.",
        "1 200 victimes",
        n(Count, 1200.0),
        "",
    ),
    // --- Spelled-out numbers
    (
        "Il a passé vingt-quatre heures en garde à vue.",
        "vingt-quatre heures",
        n(Duration, 24.0 * H),
        "",
    ),
    (
        "Ils étaient quatre-vingts manifestants.",
        "quatre-vingts manifestants",
        n(Count, 80.0),
        "",
    ),
    (
        "On compte quatre-vingt-dix-sept candidats.",
        "quatre-vingt-dix-sept candidats",
        n(Count, 97.0),
        "",
    ),
    (
        "Il y a deux mille soldats.",
        "deux mille soldats",
        n(Count, 2000.0),
        "",
    ),
    (
        "Trois cents familles sont relogées.",
        "Trois cents familles",
        n(Count, 300.0),
        "",
    ),
    (
        "On a vu soixante et onze bateaux.",
        "soixante et onze bateaux",
        n(Count, 71.0),
        "",
    ),
    (
        "On a vu vingt et un bateaux.",
        "vingt et un bateaux",
        n(Count, 21.0),
        "",
    ),
    (
        "Il reste dix-sept otages.",
        "dix-sept otages",
        n(Count, 17.0),
        "",
    ),
    (
        "Il reste quinze otages.",
        "quinze otages",
        n(Count, 15.0),
        "",
    ),
    (
        "Cent cinquante élèves ont manqué.",
        "Cent cinquante élèves",
        n(Count, 150.0),
        "",
    ),
    (
        "Mille deux cents coureurs sont partis.",
        "Mille deux cents coureurs",
        n(Count, 1200.0),
        "",
    ),
    (
        "Les deux dirigeants se sont rencontrés.",
        "deux dirigeants",
        n(Count, 2.0),
        "",
    ),
    (
        "Les trois nations ont signé.",
        "trois nations",
        n(Count, 3.0),
        "",
    ),
    ("Il a cité six pays.", "six pays", n(Count, 6.0), ""),
    (
        "Il a visité onze villes.",
        "onze villes",
        n(Count, 11.0),
        "",
    ),
    (
        "Ils ont arrêté soixante-dix suspects.",
        "soixante-dix suspects",
        n(Count, 70.0),
        "",
    ),
    (
        "Il a réuni septante délégués.",
        "septante délégués",
        n(Count, 70.0),
        "",
    ),
    // --- Scale words
    (
        "Le budget atteint 850 millions d'euros.",
        "850 millions d'euros",
        n(Money, 850e6),
        "",
    ),
    (
        "Le pays compte 1,5 million d'habitants.",
        "1,5 million d'habitants",
        n(Count, 1.5e6),
        "",
    ),
    (
        "Le coût est de deux milliards d'euros.",
        "deux milliards d'euros",
        n(Money, 2e9),
        "",
    ),
    (
        "La dette atteint 3,2 milliards de dollars.",
        "3,2 milliards de dollars",
        n(Money, 3.2e9),
        "",
    ),
    (
        "Ils sont 2,4 millions de chômeurs.",
        "2,4 millions de chômeurs",
        n(Count, 2.4e6),
        "",
    ),
    (
        "Il a reçu 10 mille euros.",
        "10 mille euros",
        n(Money, 10_000.0),
        "",
    ),
    (
        "Un million de personnes ont défilé.",
        "Un million de personnes",
        n(Count, 1e6),
        "",
    ),
    (
        "Trois millions de doses ont été livrées.",
        "Trois millions de doses",
        n(Count, 3e6),
        "",
    ),
    // --- Money
    ("Le billet coûte 15 euros.", "15 euros", n(Money, 15.0), ""),
    // A counted noun or a unit wins over a year; a word of time keeps the year.
    (
        "Le loyer moyen est passé à 1200 euros.",
        "1200 euros",
        n(Money, 1200.0),
        "",
    ),
    (
        "La commune a planté 2500 arbres le long du canal.",
        "2500 arbres",
        n(Count, 2500.0),
        "",
    ),
    (
        "En 2017 Emmanuel Macron entrait à l'Élysée.",
        "2017",
        d(Date, "2017-01-01", "2017-12-31", Year),
        "",
    ),
    (
        "Les tarifs augmentent depuis 2015 dans la région.",
        "2015",
        d(Since, "2015-01-01", "2015-12-31", Year),
        "",
    ),
    // Ranges: the second figure carries the noun or unit, and the scale when only it has one.
    (
        "Entre 20 000 et 35 000 manifestants ont défilé samedi.",
        "Entre 20 000 et 35 000 manifestants",
        between(Count, 20_000.0, 35_000.0),
        "",
    ),
    (
        "De 160 à 190 députés pourraient voter le texte.",
        "De 160 à 190 députés",
        between(Count, 160.0, 190.0),
        "",
    ),
    (
        "Les places coûtent entre 10 et 20 euros.",
        "entre 10 et 20 euros",
        between(Money, 10.0, 20.0),
        "",
    ),
    (
        "Le chantier coûtera entre 2 et 3 millions d'euros.",
        "entre 2 et 3 millions d'euros",
        between(Money, 2e6, 3e6),
        "",
    ),
    (
        "L'accident a fait 20 à 30 blessés.",
        "20 à 30 blessés",
        between(Count, 20.0, 30.0),
        "",
    ),
    (
        "Entre 1500 et 2000 personnes étaient présentes.",
        "Entre 1500 et 2000 personnes",
        between(Count, 1500.0, 2000.0),
        "",
    ),
    (
        "Le festival aura lieu du 13 au 15 juillet.",
        "13 au 15 juillet",
        d(Date, "2024-07-13", "2024-07-15", Day),
        "",
    ),
    (
        "Le salon se tient du 28 juin au 2 juillet 2024.",
        "28 juin au 2 juillet 2024",
        d(Date, "2024-06-28", "2024-07-02", Day),
        "",
    ),
    (
        "Les soldes courent du 28 au 3 juillet.",
        "28 au 3 juillet",
        d(Date, "2024-06-28", "2024-07-03", Day),
        "",
    ),
    // Parts of a month or a year, and an offset of months read as about that long ago.
    (
        "Le chantier doit s'achever fin mars.",
        "fin mars",
        d(Date, "2024-03-21", "2024-03-31", Day),
        "",
    ),
    (
        "Les résultats sont attendus mi-octobre.",
        "mi-octobre",
        d(Date, "2024-10-11", "2024-10-20", Day),
        "",
    ),
    (
        "La loi entre en vigueur début 2025.",
        "début 2025",
        d(Date, "2025-01-01", "2025-04-30", Month),
        "",
    ),
    (
        "Le site a fermé il y a un mois.",
        "il y a un mois",
        d(Date, "2024-05-14", "2024-05-24", Day),
        "",
    ),
    (
        "La foire a attiré un million et demi de visiteurs.",
        "un million et demi de visiteurs",
        n(Count, 1_500_000.0),
        "",
    ),
    // Temperatures in °C (a bare degree is Celsius), speeds in km/h.
    (
        "Il faisait 35 °C à Lyon.",
        "35 °C",
        n(Temperature, 35.0),
        "",
    ),
    (
        "Le thermomètre est descendu à -5 degrés.",
        "-5 degrés",
        n(Temperature, -5.0),
        "",
    ),
    (
        "Il faisait 95 degrés fahrenheit à Phoenix.",
        "95 degrés fahrenheit",
        n(Temperature, 35.0),
        "",
    ),
    // An earthquake's magnitude: named, on the Richter scale, or in degrees beside a quake.
    (
        "Un séisme de magnitude 5,9 a frappé la région.",
        "5,9",
        n(Magnitude, 5.9),
        "",
    ),
    (
        "La secousse était d'une magnitude de 6,1 selon l'institut.",
        "6,1",
        n(Magnitude, 6.1),
        "",
    ),
    (
        "Le tremblement de terre a atteint 5,4 de magnitude.",
        "5,4 de magnitude",
        n(Magnitude, 5.4),
        "",
    ),
    (
        "La secousse a mesuré 4 degrés sur l'échelle de Richter.",
        "4 degrés",
        n(Magnitude, 4.0),
        "",
    ),
    (
        "En 1994, un séisme de 6,7 degrés avait ravagé la ville.",
        "6,7 degrés",
        n(Magnitude, 6.7),
        "",
    ),
    (
        "Le conducteur roulait à 180 km/h.",
        "180 km/h",
        n(Speed, 180.0),
        "",
    ),
    (
        "Les rafales ont atteint 150 kilomètres par heure.",
        "150 kilomètres par heure",
        n(Speed, 150.0),
        "",
    ),
    // Open periods: a date as one bound.
    (
        "Ces règles datent d'avant 2000.",
        "avant 2000",
        E::D(Date, "", "1999-12-31", Year),
        "",
    ),
    (
        "Le contrat court jusqu'en 2030.",
        "jusqu'en 2030",
        E::D(Date, "", "2030-12-31", Year),
        "",
    ),
    (
        "Les inscriptions sont ouvertes à partir du 8 mars.",
        "à partir du 8 mars",
        E::D(Date, "2024-03-08", "", Day),
        "",
    ),
    (
        "Le nouveau tarif s'appliquera dès 2025.",
        "dès 2025",
        E::D(Date, "2025-01-01", "", Year),
        "",
    ),
    (
        "Après 2010, la ville a doublé.",
        "Après 2010",
        E::D(Date, "2011-01-01", "", Year),
        "",
    ),
    // Dates in figures, day first as French writes them.
    (
        "Le décret du 21/04/2016 fixe les règles.",
        "21/04/2016",
        day("2016-04-21"),
        "",
    ),
    (
        "Le festival s'est ouvert le 03.09.2025 à Lyon.",
        "03.09.2025",
        day("2025-09-03"),
        "",
    ),
    (
        "La décision, datée 2025-09-03, a été publiée hier.",
        "2025-09-03",
        day("2025-09-03"),
        "",
    ),
    (
        "Le contrat signé le 5/11/98 court toujours.",
        "5/11/98",
        day("1998-11-05"),
        "",
    ),
    (
        "La réunion du 17/02 a été reportée.",
        "17/02",
        day("2024-02-17"),
        "",
    ),
    ("Le billet coûte 15 €.", "15 €", n(Money, 15.0), ""),
    ("Le billet coûte 15€ seulement.", "15€", n(Money, 15.0), ""),
    (
        "L'amende s'élève à 1 500 euros.",
        "1 500 euros",
        n(Money, 1500.0),
        "",
    ),
    (
        "Le contrat vaut 12,5 millions d'euros.",
        "12,5 millions d'euros",
        n(Money, 12.5e6),
        "",
    ),
    (
        "Le repas coûte 9,90 euros.",
        "9,90 euros",
        n(Money, 9.9),
        "",
    ),
    (
        "Il a levé 40 millions de dollars.",
        "40 millions de dollars",
        n(Money, 40e6),
        "",
    ),
    ("Il a payé 300 dollars.", "300 dollars", n(Money, 300.0), ""),
    ("Une aide de 200 € par foyer.", "200 €", n(Money, 200.0), ""),
    (
        "Un chantier de plus de 850 millions d'euros.",
        "plus de 850 millions d'euros",
        more(Money, 850e6),
        "",
    ),
    (
        "Un chantier de près de 850 millions d'euros.",
        "près de 850 millions d'euros",
        nearly(Money, 850e6),
        "",
    ),
    (
        "Une facture d'environ 3 000 euros.",
        "environ 3 000 euros",
        approx(Money, 3000.0),
        "",
    ),
    // --- Percentages
    ("Le chômage atteint 7,5 %.", "7,5 %", n(Percent, 7.5), ""),
    ("Le chômage atteint 7,5%.", "7,5%", n(Percent, 7.5), ""),
    (
        "La participation a atteint 52 pour cent.",
        "52 pour cent",
        n(Percent, 52.0),
        "",
    ),
    ("Les prix ont grimpé de 3 %.", "3 %", n(Percent, 3.0), ""),
    (
        "Près de 40 % des électeurs.",
        "Près de 40 %",
        nearly(Percent, 40.0),
        "",
    ),
    (
        "Plus de 60 % des votants.",
        "Plus de 60 %",
        more(Percent, 60.0),
        "",
    ),
    (
        "Moins de 5 % des cas.",
        "Moins de 5 %",
        less(Percent, 5.0),
        "",
    ),
    (
        "Environ 12 % des salariés.",
        "Environ 12 %",
        approx(Percent, 12.0),
        "",
    ),
    ("La hausse est de 0,8 %.", "0,8 %", n(Percent, 0.8), ""),
    (
        "Une baisse de 15,3 % en un an.",
        "15,3 %",
        n(Percent, 15.3),
        "",
    ),
    // --- Approximate counts
    (
        "Une quarantaine de chefs d'État étaient présents.",
        "Une quarantaine de chefs d'État",
        approx(Count, 40.0),
        "",
    ),
    (
        "Une dizaine de blessés.",
        "Une dizaine de blessés",
        approx(Count, 10.0),
        "",
    ),
    (
        "Une centaine de manifestants.",
        "Une centaine de manifestants",
        approx(Count, 100.0),
        "",
    ),
    (
        "Une vingtaine de policiers.",
        "Une vingtaine de policiers",
        approx(Count, 20.0),
        "",
    ),
    (
        "Une trentaine de bus.",
        "Une trentaine de bus",
        approx(Count, 30.0),
        "",
    ),
    (
        "Une cinquantaine de journalistes.",
        "Une cinquantaine de journalistes",
        approx(Count, 50.0),
        "",
    ),
    (
        "Une soixantaine de maires.",
        "Une soixantaine de maires",
        approx(Count, 60.0),
        "",
    ),
    (
        "Une quinzaine de jours.",
        "Une quinzaine de jours",
        approx(Duration, 15.0 * DAY),
        "",
    ),
    (
        "Un millier de personnes.",
        "Un millier de personnes",
        approx(Count, 1000.0),
        "",
    ),
    (
        "Des centaines de personnes ont fui.",
        "Des centaines de personnes",
        between(Count, 200.0, 999.0),
        "",
    ),
    (
        "Des milliers de manifestants ont défilé.",
        "Des milliers de manifestants",
        between(Count, 2000.0, 9999.0),
        "",
    ),
    (
        "Des dizaines de maisons ont brûlé.",
        "Des dizaines de maisons",
        between(Count, 20.0, 99.0),
        "",
    ),
    (
        "Plusieurs centaines de soldats.",
        "Plusieurs centaines de soldats",
        between(Count, 200.0, 999.0),
        "",
    ),
    (
        "Quelques milliers de fidèles.",
        "Quelques milliers de fidèles",
        between(Count, 2000.0, 9999.0),
        "",
    ),
    (
        "Deux centaines de maisons.",
        "Deux centaines de maisons",
        approx(Count, 200.0),
        "",
    ),
    (
        "Des millions de spectateurs.",
        "Des millions de spectateurs",
        between(Count, 2e6, 1e9 - 1.0),
        "",
    ),
    // --- Modifiers on counts
    (
        "Plus de 2000 personnes ont défilé.",
        "Plus de 2000 personnes",
        more(Count, 2000.0),
        "",
    ),
    (
        "Moins de 300 élèves sont inscrits.",
        "Moins de 300 élèves",
        less(Count, 300.0),
        "",
    ),
    (
        "Près de 500 familles sont touchées.",
        "Près de 500 familles",
        nearly(Count, 500.0),
        "",
    ),
    (
        "Environ 80 navires.",
        "Environ 80 navires",
        approx(Count, 80.0),
        "",
    ),
    (
        "Au moins 12 morts.",
        "Au moins 12 morts",
        at_least(Count, 12.0),
        "",
    ),
    (
        "Quelque 3 000 soldats.",
        "Quelque 3 000 soldats",
        approx(Count, 3000.0),
        "",
    ),
    (
        "Jusqu'à 400 migrants par jour.",
        "Jusqu'à 400 migrants",
        at_most(Count, 400.0),
        "",
    ),
    (
        "À peine 50 spectateurs.",
        "À peine 50 spectateurs",
        nearly(Count, 50.0),
        "",
    ),
    (
        "Pas moins de 30 navires.",
        "Pas moins de 30 navires",
        at_least(Count, 30.0),
        "",
    ),
    (
        "Au plus 20 candidats.",
        "Au plus 20 candidats",
        at_most(Count, 20.0),
        "",
    ),
    (
        "Presque 100 victimes.",
        "Presque 100 victimes",
        nearly(Count, 100.0),
        "",
    ),
    (
        "Plus d'un million de visiteurs.",
        "Plus d'un million de visiteurs",
        more(Count, 1e6),
        "",
    ),
    (
        "Près d'un millier de personnes.",
        "Près d'un millier de personnes",
        nearly(Count, 1000.0),
        "",
    ),
    (
        "Au-delà de 500 participants.",
        "Au-delà de 500 participants",
        more(Count, 500.0),
        "",
    ),
    (
        "Quasiment 90 postes.",
        "Quasiment 90 postes",
        nearly(Count, 90.0),
        "",
    ),
    // --- Ordinals
    (
        "Le 80e anniversaire de la victoire.",
        "80e anniversaire",
        n(Ordinal, 80.0),
        "",
    ),
    (
        "Le 80ème anniversaire de la victoire.",
        "80ème anniversaire",
        n(Ordinal, 80.0),
        "",
    ),
    (
        "La deuxième rencontre entre eux.",
        "deuxième rencontre",
        n(Ordinal, 2.0),
        "",
    ),
    (
        "La troisième édition du salon.",
        "troisième édition",
        n(Ordinal, 3.0),
        "",
    ),
    (
        "Le 1er arrondissement est fermé.",
        "1er arrondissement",
        n(Ordinal, 1.0),
        "",
    ),
    (
        "La 2nde guerre mondiale.",
        "2nde guerre",
        n(Ordinal, 2.0),
        "",
    ),
    (
        "La vingtième étape du Tour.",
        "vingtième étape",
        n(Ordinal, 20.0),
        "",
    ),
    (
        "Le 14e arrondissement.",
        "14e arrondissement",
        n(Ordinal, 14.0),
        "",
    ),
    (
        "La première visite depuis longtemps.",
        "première visite",
        n(Ordinal, 1.0),
        "",
    ),
    (
        "Le 100e jour du mandat.",
        "100e jour",
        n(Ordinal, 100.0),
        "",
    ),
    // --- Durations
    (
        "La visite de deux jours a commencé.",
        "deux jours",
        n(Duration, 2.0 * DAY),
        "",
    ),
    (
        "La rencontre a duré près de deux heures et demie.",
        "près de deux heures et demie",
        nearly(Duration, 2.5 * H),
        "",
    ),
    (
        "La rencontre a duré deux heures et demie.",
        "deux heures et demie",
        n(Duration, 2.5 * H),
        "",
    ),
    (
        "Elle a duré trois heures.",
        "trois heures",
        n(Duration, 3.0 * H),
        "",
    ),
    (
        "Il a été condamné à 24 ans de prison.",
        "24 ans",
        n(Duration, 24.0 * YEAR),
        "",
    ),
    (
        "Un mandat de cinq ans.",
        "cinq ans",
        n(Duration, 5.0 * YEAR),
        "",
    ),
    (
        "Un chantier de 18 mois.",
        "18 mois",
        n(Duration, 18.0 * MONTH),
        "",
    ),
    (
        "Trois semaines de grève.",
        "Trois semaines",
        n(Duration, 3.0 * WEEK),
        "",
    ),
    (
        "Un arrêt de 45 minutes.",
        "45 minutes",
        n(Duration, 45.0 * 60.0),
        "",
    ),
    (
        "Une attente de 30 secondes.",
        "30 secondes",
        n(Duration, 30.0),
        "",
    ),
    (
        "Deux décennies de guerre.",
        "Deux décennies",
        n(Duration, 20.0 * YEAR),
        "",
    ),
    (
        "Un an et demi de travaux.",
        "Un an et demi",
        n(Duration, 1.5 * YEAR),
        "",
    ),
    (
        "En moins d'un an, tout a changé.",
        "moins d'un an",
        less(Duration, YEAR),
        "",
    ),
    (
        "Pendant plus de deux heures.",
        "plus de deux heures",
        more(Duration, 2.0 * H),
        "",
    ),
    (
        "Une réunion d'environ 90 minutes.",
        "environ 90 minutes",
        approx(Duration, 90.0 * 60.0),
        "",
    ),
    (
        "Une peine de 10 ans.",
        "10 ans",
        n(Duration, 10.0 * YEAR),
        "",
    ),
    (
        "Il a fallu 48 heures.",
        "48 heures",
        n(Duration, 48.0 * H),
        "",
    ),
    (
        "Un voyage de 3 jours.",
        "3 jours",
        n(Duration, 3.0 * DAY),
        "",
    ),
    (
        "Un délai de deux siècles.",
        "deux siècles",
        n(Duration, 200.0 * YEAR),
        "",
    ),
    ("Une attente de 2 h.", "2 h", n(Duration, 2.0 * H), ""),
    ("Un trajet de 2h.", "2h", n(Duration, 2.0 * H), ""),
    (
        "Au moins trois jours de fermeture.",
        "Au moins trois jours",
        at_least(Duration, 3.0 * DAY),
        "",
    ),
    (
        "Jusqu'à six mois de retard.",
        "Jusqu'à six mois",
        at_most(Duration, 6.0 * MONTH),
        "",
    ),
    ("Une journée de grève.", "Une journée", n(Duration, DAY), ""),
    // --- Distances and weights
    (
        "Un convoi de 40 kilomètres.",
        "40 kilomètres",
        n(Distance, 40_000.0),
        "",
    ),
    (
        "À 25 km de la frontière.",
        "25 km",
        n(Distance, 25_000.0),
        "",
    ),
    (
        "Un mur de 300 mètres.",
        "300 mètres",
        n(Distance, 300.0),
        "",
    ),
    (
        "Plus de 100 km de bouchons.",
        "Plus de 100 km",
        more(Distance, 100_000.0),
        "",
    ),
    (
        "Près de 5 tonnes de cocaïne.",
        "Près de 5 tonnes",
        nearly(Weight, 5000.0),
        "",
    ),
    ("Saisie de 12 kg de drogue.", "12 kg", n(Weight, 12.0), ""),
    // --- Absolute dates
    (
        "Le sommet du 19 juin 2024 a eu lieu.",
        "19 juin 2024",
        day("2024-06-19"),
        "",
    ),
    (
        "Le 1er mars 2022, la guerre continue.",
        "1er mars 2022",
        day("2022-03-01"),
        "",
    ),
    (
        "Le 3 septembre 2025 à Pékin.",
        "3 septembre 2025",
        day("2025-09-03"),
        "",
    ),
    (
        "Le 14 juillet 1789, la Bastille tombe.",
        "14 juillet 1789",
        day("1789-07-14"),
        "",
    ),
    (
        "Le mercredi 19 juin 2024, il arrive.",
        "mercredi 19 juin 2024",
        day("2024-06-19"),
        "",
    ),
    (
        "En septembre 2023, il était à Moscou.",
        "septembre 2023",
        d(Date, "2023-09-01", "2023-09-30", Month),
        "",
    ),
    (
        "Depuis le début du conflit en février 2022.",
        "février 2022",
        d(Date, "2022-02-01", "2022-02-28", Month),
        "",
    ),
    (
        "En janvier 2020, le virus arrive.",
        "janvier 2020",
        d(Date, "2020-01-01", "2020-01-31", Month),
        "",
    ),
    (
        "En décembre 2023 déjà.",
        "décembre 2023",
        d(Date, "2023-12-01", "2023-12-31", Month),
        "",
    ),
    (
        "En août 2021, Kaboul tombe.",
        "août 2021",
        d(Date, "2021-08-01", "2021-08-31", Month),
        "",
    ),
    (
        "En 2000, il est élu.",
        "2000",
        d(Date, "2000-01-01", "2000-12-31", Year),
        "",
    ),
    (
        "Dès 1999, il gouverne.",
        "Dès 1999",
        d(Date, "1999-01-01", "", Year),
        "",
    ),
    (
        "Avant 2014, la Crimée était ukrainienne.",
        "Avant 2014",
        d(Date, "", "2013-12-31", Year),
        "",
    ),
    (
        "Jusqu'en 2030, le plan court.",
        "Jusqu'en 2030",
        d(Date, "", "2030-12-31", Year),
        "",
    ),
    (
        "Fin 2023, la dette a grimpé.",
        "Fin 2023",
        d(Date, "2023-09-01", "2023-12-31", Month),
        "",
    ),
    (
        "L'été 2024 a été chaud.",
        "été 2024",
        d(Date, "2024-06-21", "2024-09-22", Season),
        "",
    ),
    (
        "À l'hiver 2022, le froid.",
        "hiver 2022",
        d(Date, "2022-12-21", "2023-03-19", Season),
        "",
    ),
    (
        "Au printemps 2021, les vaccins.",
        "printemps 2021",
        d(Date, "2021-03-20", "2021-06-20", Season),
        "",
    ),
    (
        "L'automne 2019 fut agité.",
        "automne 2019",
        d(Date, "2019-09-23", "2019-12-20", Season),
        "",
    ),
    // --- Decades and centuries
    (
        "Une première depuis les années 2000.",
        "années 2000",
        d(Since, "2000-01-01", "2009-12-31", Decade),
        "",
    ),
    (
        "Dans les années 2000, tout allait bien.",
        "années 2000",
        d(Date, "2000-01-01", "2009-12-31", Decade),
        "",
    ),
    (
        "Dans les années 90, la crise.",
        "années 90",
        d(Date, "1990-01-01", "1999-12-31", Decade),
        "",
    ),
    (
        "Dans les années 1990, la crise.",
        "années 1990",
        d(Date, "1990-01-01", "1999-12-31", Decade),
        "",
    ),
    (
        "Dans les années 80, le rock.",
        "années 80",
        d(Date, "1980-01-01", "1989-12-31", Decade),
        "",
    ),
    (
        "Au XXe siècle, deux guerres.",
        "XXe siècle",
        d(Date, "1900-01-01", "1999-12-31", Century),
        "",
    ),
    (
        "Au XIXe siècle, l'industrie.",
        "XIXe siècle",
        d(Date, "1800-01-01", "1899-12-31", Century),
        "",
    ),
    (
        "Au 21e siècle, le climat.",
        "21e siècle",
        d(Date, "2000-01-01", "2099-12-31", Century),
        "",
    ),
    (
        "Au XVIIIe siècle, les Lumières.",
        "XVIIIe siècle",
        d(Date, "1700-01-01", "1799-12-31", Century),
        "",
    ),
    (
        "Au XXIe siècle, internet.",
        "XXIe siècle",
        d(Date, "2000-01-01", "2099-12-31", Century),
        "",
    ),
    // --- Relative dates (article of Wednesday 2024-06-19)
    (
        "En mars dernier, le gouvernement a parlé.",
        "mars dernier",
        d(Date, "2024-03-01", "2024-03-31", Month),
        "",
    ),
    (
        "En juillet dernier, il pleuvait.",
        "juillet dernier",
        d(Date, "2023-07-01", "2023-07-31", Month),
        "",
    ),
    (
        "En juin dernier, il pleuvait.",
        "juin dernier",
        d(Date, "2023-06-01", "2023-06-30", Month),
        "",
    ),
    (
        "En septembre prochain, les élections.",
        "septembre prochain",
        d(Date, "2024-09-01", "2024-09-30", Month),
        "",
    ),
    (
        "En avril dernier, la Russie annonçait.",
        "avril dernier",
        d(Date, "2025-04-01", "2025-04-30", Month),
        "2025-09-03",
    ),
    (
        "Ils ont ouvert ce mercredi un sommet.",
        "ce mercredi",
        day("2024-06-19"),
        "",
    ),
    // A date written after `ce <weekday>` wins over the article's week.
    (
        "Ce samedi 8 juin 2024, les bureaux de vote ont fermé tôt.",
        "Ce samedi 8 juin 2024",
        day("2024-06-08"),
        "",
    ),
    (
        "Il est arrivé ce lundi à Paris.",
        "ce lundi",
        day("2024-06-17"),
        "",
    ),
    (
        "Il partira ce vendredi.",
        "ce vendredi",
        day("2024-06-21"),
        "",
    ),
    (
        "Mercredi dernier, il a parlé.",
        "Mercredi dernier",
        day("2024-06-12"),
        "",
    ),
    (
        "Mardi dernier, il a parlé.",
        "Mardi dernier",
        day("2024-06-18"),
        "",
    ),
    (
        "Jeudi prochain, il votera.",
        "Jeudi prochain",
        day("2024-06-20"),
        "",
    ),
    (
        "Mercredi prochain, il votera.",
        "Mercredi prochain",
        day("2024-06-26"),
        "",
    ),
    ("Hier, la police a parlé.", "Hier", day("2024-06-18"), ""),
    (
        "Aujourd'hui, la police parle.",
        "Aujourd'hui",
        day("2024-06-19"),
        "",
    ),
    (
        "Demain, la police parlera.",
        "Demain",
        day("2024-06-20"),
        "",
    ),
    (
        "Avant-hier, il neigeait.",
        "Avant-hier",
        day("2024-06-17"),
        "",
    ),
    (
        "L'an dernier, le chômage a baissé.",
        "an dernier",
        d(Date, "2023-01-01", "2023-12-31", Year),
        "",
    ),
    (
        "L'année dernière, le chômage a baissé.",
        "année dernière",
        d(Date, "2023-01-01", "2023-12-31", Year),
        "",
    ),
    (
        "L'année prochaine, le chômage baissera.",
        "année prochaine",
        d(Date, "2025-01-01", "2025-12-31", Year),
        "",
    ),
    (
        "Cette année, le chômage baisse.",
        "Cette année",
        d(Date, "2024-01-01", "2024-12-31", Year),
        "",
    ),
    (
        "Le mois dernier, les prix ont monté.",
        "mois dernier",
        d(Date, "2024-05-01", "2024-05-31", Month),
        "",
    ),
    (
        "Le mois prochain, les prix monteront.",
        "mois prochain",
        d(Date, "2024-07-01", "2024-07-31", Month),
        "",
    ),
    (
        "La semaine dernière, il a plu.",
        "semaine dernière",
        d(Date, "2024-06-10", "2024-06-16", Week),
        "",
    ),
    (
        "La semaine prochaine, il pleuvra.",
        "semaine prochaine",
        d(Date, "2024-06-24", "2024-06-30", Week),
        "",
    ),
    (
        "Il y a 24 ans, il venait.",
        "Il y a 24 ans",
        d(Date, "2000-01-01", "2000-12-31", Year),
        "",
    ),
    (
        "Il y a deux jours, il venait.",
        "Il y a deux jours",
        day("2024-06-17"),
        "",
    ),
    (
        "Il y a trois mois, il venait.",
        "Il y a trois mois",
        // About three months: the day three months back, a sixth of that either side.
        d(Date, "2024-03-04", "2024-04-03", Day),
        "",
    ),
    (
        "Il y a dix ans, il venait.",
        "Il y a dix ans",
        d(Date, "2014-01-01", "2014-12-31", Year),
        "",
    ),
    (
        "L'été dernier, la sécheresse.",
        "été dernier",
        d(Date, "2023-06-21", "2023-09-22", Season),
        "",
    ),
    (
        "Cet été, la sécheresse.",
        "Cet été",
        d(Date, "2024-06-21", "2024-09-22", Season),
        "",
    ),
    (
        "Le 14 juillet, le défilé.",
        "14 juillet",
        day("2024-07-14"),
        "",
    ),
    ("Le 2 mai, le défilé.", "2 mai", day("2024-05-02"), ""),
    (
        "En mars, les prix.",
        "mars",
        d(Date, "2024-03-01", "2024-03-31", Month),
        "",
    ),
    (
        "Le 12 décembre, il neigeait.",
        "12 décembre",
        day("2023-12-12"),
        "",
    ),
    // --- Since / first-in constructions (previous occurrence)
    (
        "La première visite en Corée du Nord depuis 24 ans.",
        "24 ans",
        d(Since, "2000-01-01", "2000-12-31", Year),
        "",
    ),
    (
        "Une première depuis les années 2000.",
        "années 2000",
        d(Since, "2000-01-01", "2009-12-31", Decade),
        "",
    ),
    (
        "Cette visite, la première en plus de deux décennies, compte.",
        "plus de deux décennies",
        d(Since, "", "2004-06-19", Day),
        "",
    ),
    (
        "Pour la première fois depuis 2000, il vient.",
        "2000",
        d(Since, "2000-01-01", "2000-12-31", Year),
        "",
    ),
    (
        "Depuis 2014, la Crimée est annexée.",
        "2014",
        d(Since, "2014-01-01", "2014-12-31", Year),
        "",
    ),
    (
        "Il est au pouvoir depuis dix ans.",
        "dix ans",
        d(Since, "2014-01-01", "2014-12-31", Year),
        "",
    ),
    (
        "Depuis septembre 2023, ils se voient.",
        "septembre 2023",
        d(Since, "2023-09-01", "2023-09-30", Month),
        "",
    ),
    (
        "Depuis l'été 2024, ce territoire brûle.",
        "été 2024",
        d(Since, "2024-06-21", "2024-09-22", Season),
        "2025-09-03",
    ),
    (
        "La première en 30 ans.",
        "30 ans",
        d(Since, "1994-01-01", "1994-12-31", Year),
        "",
    ),
    (
        "Depuis plus de 20 ans, il règne.",
        "plus de 20 ans",
        d(Since, "", "2004-06-19", Day),
        "",
    ),
    (
        "Une première depuis le XXe siècle.",
        "XXe siècle",
        d(Since, "1900-01-01", "1999-12-31", Century),
        "",
    ),
    (
        "Depuis trois mois, il attend.",
        "trois mois",
        d(Since, "2024-03-01", "2024-03-31", Month),
        "",
    ),
    (
        "Depuis hier, il attend.",
        "hier",
        d(Since, "2024-06-18", "2024-06-18", Day),
        "",
    ),
    (
        "Depuis mars dernier, il attend.",
        "mars dernier",
        d(Since, "2024-03-01", "2024-03-31", Month),
        "",
    ),
    // --- Traps
    (
        "Ils étaient 2000 à défiler en 2000.",
        "2000",
        d(Date, "2000-01-01", "2000-12-31", Year),
        "",
    ),
    (
        "Une visite de deux jours.",
        "deux jours",
        n(Duration, 2.0 * DAY),
        "",
    ),
    (
        "Le conflit dure depuis deux ans.",
        "deux ans",
        d(Since, "2022-01-01", "2022-12-31", Year),
        "",
    ),
    (
        "Elle gagne 2 500 euros par mois.",
        "2 500 euros",
        n(Money, 2500.0),
        "",
    ),
    (
        "Ils étaient 1 500 selon la police.",
        "1 500",
        E::Q(Count, Some(1500.0), Some(1500.0), M::Exact),
        "",
    ),
    // --- Fractions and shares
    (
        "Les deux tiers des députés ont voté le texte.",
        "deux tiers des députés",
        n(Percent, 200.0 / 3.0),
        "",
    ),
    (
        "Un quart des écoles restent fermées.",
        "Un quart des écoles",
        n(Percent, 25.0),
        "",
    ),
    (
        "Les trois cinquièmes du budget vont à la défense.",
        "trois cinquièmes du budget",
        n(Percent, 60.0),
        "",
    ),
    (
        "Ils étaient un sur cinq à voter blanc.",
        "un sur cinq",
        n(Percent, 20.0),
        "",
    ),
    (
        "La réunion a duré trois quarts d'heure.",
        "trois quarts d'heure",
        n(Duration, 2700.0),
        "",
    ),
    (
        "Le débat a duré une demi-heure.",
        "une demi-heure",
        n(Duration, 1800.0),
        "",
    ),
    (
        "Les secours ont travaillé toute la journée.",
        "toute la journée",
        n(Duration, DAY),
        "",
    ),
    (
        "La vingt-cinquième édition s'ouvre.",
        "vingt-cinquième édition",
        n(Ordinal, 25.0),
        "",
    ),
    // --- Signs and separators
    (
        "La croissance est tombée à -0,4 % au premier trimestre.",
        "-0,4 %",
        n(Percent, -0.4),
        "",
    ),
    (
        "La facture s'élève à 1 234 567,89 euros.",
        "1 234 567,89 euros",
        n(Money, 1_234_567.89),
        "",
    ),
    (
        "Le contrat atteint 1.458.000,50 euros.",
        "1.458.000,50 euros",
        n(Money, 1_458_000.5),
        "",
    ),
    // --- Currencies beyond the euro and the dollar, and signs before the figure
    (
        "Le club a payé 12 millions de livres sterling.",
        "12 millions de livres sterling",
        n(Money, 12e6),
        "",
    ),
    (
        "Une amende de 10 000 francs suisses a été infligée.",
        "10 000 francs suisses",
        n(Money, 10_000.0),
        "",
    ),
    (
        "Le projet coûte 300 millions de dollars canadiens.",
        "300 millions de dollars canadiens",
        n(Money, 300e6),
        "",
    ),
    (
        "Une enveloppe de $75 millions a été votée.",
        "$75 millions",
        n(Money, 75e6),
        "",
    ),
    (
        "Le prêt de EUR 1000 a été remboursé.",
        "EUR 1000",
        n(Money, 1000.0),
        "",
    ),
    ("L'action a perdu 34 cents.", "34 cents", n(Money, 0.34), ""),
    // --- Surfaces, volumes, lengths, weights
    (
        "L'appartement fait 45 mètres carrés.",
        "45 mètres carrés",
        n(Surface, 45.0),
        "",
    ),
    (
        "Le feu a détruit 300 hectares de forêt.",
        "300 hectares",
        n(Surface, 3e6),
        "",
    ),
    (
        "La citerne contient 5 000 litres.",
        "5 000 litres",
        n(Volume, 5000.0),
        "",
    ),
    (
        "Le pays produit 2 millions de barils par jour.",
        "2 millions de barils",
        n(Volume, 2e6 * 158.987_294_928),
        "",
    ),
    ("La neige atteint 30 cm.", "30 cm", n(Distance, 0.3), ""),
    (
        "Un sentier de 2,5-km longe la côte.",
        "2,5-km",
        n(Distance, 2500.0),
        "",
    ),
    (
        "Le colis pèse 500 grammes.",
        "500 grammes",
        n(Weight, 0.5),
        "",
    ),
    // --- Weekdays against the article's date (Wednesday 19 June 2024)
    (
        "Le sommet s'ouvre vendredi.",
        "vendredi",
        day("2024-06-21"),
        "",
    ),
    (
        "Le ministre s'est exprimé lundi.",
        "lundi",
        day("2024-06-17"),
        "",
    ),
    (
        "La grève est prévue ce dimanche.",
        "ce dimanche",
        day("2024-06-23"),
        "",
    ),
    (
        "Le vote aura lieu mardi de la semaine prochaine.",
        "mardi de la semaine prochaine",
        day("2024-06-25"),
        "",
    ),
    (
        "Le texte sera examiné ce week-end.",
        "ce week-end",
        d(Date, "2024-06-22", "2024-06-23", Day),
        "",
    ),
    (
        "Le défilé a lieu le premier lundi de juillet.",
        "premier lundi de juillet",
        day("2024-07-01"),
        "",
    ),
    (
        "Le chiffre d'affaires du troisième trimestre 2023 a reculé.",
        "troisième trimestre 2023",
        d(Date, "2023-07-01", "2023-09-30", Month),
        "",
    ),
    (
        "Les résultats du premier semestre sont attendus.",
        "premier semestre",
        d(Date, "2024-01-01", "2024-06-30", Month),
        "",
    ),
    // --- Holidays
    (
        "Les magasins ouvriront à Noël.",
        "Noël",
        day("2024-12-25"),
        "2024-12-10",
    ),
    (
        "La Pentecôte 2025 tombe un dimanche.",
        "Pentecôte 2025",
        day("2025-06-08"),
        "",
    ),
    (
        "Le lundi de Pâques est férié.",
        "lundi de Pâques",
        day("2024-04-01"),
        "2024-03-20",
    ),
    (
        "La fête des mères sera célébrée dimanche.",
        "fête des mères",
        day("2024-05-26"),
        "2024-05-20",
    ),
    (
        "Les commerces ferment pour la Toussaint.",
        "Toussaint",
        day("2024-11-01"),
        "2024-10-20",
    ),
    // --- Months: bare, abbreviated, two-digit years, in figures
    (
        "Les soldes de janvier ont déçu.",
        "janvier",
        d(Date, "2024-01-01", "2024-01-31", Month),
        "",
    ),
    (
        "Il est né le 1er avril 78.",
        "1er avril 78",
        day("1978-04-01"),
        "",
    ),
    (
        "Le record date d'août 99.",
        "août 99",
        d(Date, "1999-08-01", "1999-08-31", Month),
        "",
    ),
    (
        "Le film sort le 5 juil. en salles.",
        "5 juil.",
        day("2024-07-05"),
        "",
    ),
    (
        "Les chiffres de 3/2015 ont été révisés.",
        "3/2015",
        d(Date, "2015-03-01", "2015-03-31", Month),
        "",
    ),
    (
        "Le festival se tient les 19-20 juillet.",
        "19-20 juillet",
        d(Date, "2024-07-19", "2024-07-20", Day),
        "",
    ),
    (
        "Il a quitté la ville avant hier.",
        "avant hier",
        day("2024-06-17"),
        "",
    ),
    (
        "Il a signé le 22/4 devant notaire.",
        "22/4",
        day("2024-04-22"),
        "",
    ),
    // --- Times of day, minutes after midnight
    (
        "La manifestation part à 14 heures.",
        "14 heures",
        clock("", 840, 840, M::Exact),
        "",
    ),
    (
        "Le séisme a frappé vers 4 heures du matin.",
        "vers 4 heures du matin",
        clock("", 210, 270, M::Approx),
        "",
    ),
    (
        "Le train est parti à 15h30.",
        "15h30",
        clock("", 930, 930, M::Exact),
        "",
    ),
    (
        "Le bureau de vote ouvre dès 09h.",
        "09h",
        clock("", 540, 540, M::Exact),
        "",
    ),
    (
        "Le séisme a frappé vendredi 8 septembre à 23h11.",
        "vendredi 8 septembre à 23h11",
        clock("2023-09-08", 1391, 1391, M::Exact),
        "2023-09-10",
    ),
    (
        "La réunion se tiendra entre 18 et 20 heures.",
        "entre 18 et 20 heures",
        clock("", 1080, 1200, M::Exact),
        "",
    ),
    (
        "Les pluies sont tombées dans la nuit de mardi à mercredi.",
        "nuit de mardi à mercredi",
        clock("2024-06-18", 1200, 1800, M::Exact),
        "",
    ),
    (
        "Le cortège est arrivé à midi.",
        "midi",
        clock("", 720, 720, M::Exact),
        "",
    ),
    (
        "Le discours a été prononcé à 8 heures du soir.",
        "8 heures du soir",
        clock("", 1200, 1200, M::Exact),
        "",
    ),
    (
        "Il a fallu 2h de route pour rejoindre la ville.",
        "2h",
        n(Duration, 2.0 * H),
        "",
    ),
    (
        "Il a parlé pendant deux heures.",
        "deux heures",
        n(Duration, 2.0 * H),
        "",
    ),
    // --- Offsets, seasons under way, decades and scales in words
    (
        "Le verdict sera rendu dans une semaine.",
        "dans une semaine",
        day("2024-06-26"),
        "",
    ),
    (
        "Les travaux reprendront dans trois ans.",
        "dans trois ans",
        d(Date, "2027-01-01", "2027-12-31", Year),
        "",
    ),
    (
        "Cet hiver a été le plus doux depuis longtemps.",
        "Cet hiver",
        d(Date, "2023-12-21", "2024-03-19", Season),
        "2024-02-10",
    ),
    (
        "Il est né le 23 novembre de 1987.",
        "23 novembre de 1987",
        day("1987-11-23"),
        "",
    ),
    (
        "La crise des années quatre-vingt-dix a laissé des traces.",
        "années quatre-vingt-dix",
        d(Date, "1990-01-01", "1999-12-31", Decade),
        "",
    ),
    (
        "La ville compte un million deux cent mille habitants.",
        "un million deux cent mille habitants",
        n(Count, 1_200_000.0),
        "",
    ),
    (
        "Le XVe siècle a vu naître l'imprimerie.",
        "XVe siècle",
        d(Date, "1400-01-01", "1499-12-31", Century),
        "",
    ),
    (
        "Il a été arrêté deux jours avant le 8 mars.",
        "deux jours avant le 8 mars",
        day("2024-03-06"),
        "",
    ),
    (
        "Le vote a eu lieu il y a trois semaines.",
        "il y a trois semaines",
        d(Date, "2024-05-25", "2024-06-02", Day),
        "",
    ),
    (
        "Des rafales dépassant les 150 km/h ont été relevées.",
        "dépassant les 150 km/h",
        more(Speed, 150.0),
        "",
    ),
    // A reading that went up to a speed or a temperature reached it: the peak is the figure.
    (
        "Le vent a soufflé jusqu'à 121 km/h dans la nuit.",
        "jusqu'à 121 km/h",
        n(Speed, 121.0),
        "",
    ),
    (
        "Un taux supérieur à 5 % est attendu.",
        "supérieur à 5 %",
        more(Percent, 5.0),
        "",
    ),
    (
        "Les températures sont passées en dessous de 0 degré.",
        "en dessous de 0 degré",
        E::Q(Temperature, None, Some(0.0), M::LessThan),
        "",
    ),
    (
        "Les travaux reprendront courant juin.",
        "juin",
        d(Date, "2024-06-01", "2024-06-30", Month),
        "",
    ),
    (
        "Les soldes se terminent mi-octobre.",
        "mi-octobre",
        d(Date, "2024-10-11", "2024-10-20", Day),
        "",
    ),
    (
        "Le défilé du 14 Juillet a eu lieu.",
        "14 Juillet",
        day("2024-07-14"),
        "",
    ),
    (
        "Le voilier a été vendu 10 000,00 $.",
        "10 000,00 $",
        n(Money, 10_000.0),
        "",
    ),
    (
        "Le chantier a coûté 16,4 millions de $ canadiens.",
        "16,4 millions de $ canadiens",
        n(Money, 16.4e6),
        "",
    ),
    (
        "Le ministre s'est exprimé lundi devant la presse.",
        "lundi",
        day("2024-06-17"),
        "2024-06-21",
    ),
    (
        "Le sommet s'ouvrira lundi.",
        "lundi",
        day("2024-06-24"),
        "2024-06-22",
    ),
    // A bare figure that a running count reaches counts what it tallies.
    (
        "Le bilan provisoire de l'accident survenu sur l'autoroute s'élève désormais à 14.",
        "14",
        n(Count, 14.0),
        "",
    ),
    (
        "La panne a commencé à 23:40 heure locale.",
        "23:40 heure locale",
        clock("", 1420, 1420, M::Exact),
        "",
    ),
];

fn document(text: &str, published: &str) -> Document {
    Document {
        id: "t".into(),
        title: None,
        source: None,
        url: None,
        published: NaiveDate::parse_from_str(
            if published.is_empty() {
                "2024-06-19"
            } else {
                published
            },
            "%Y-%m-%d",
        )
        .ok(),
        lang: Some("fr".into()),
        text: text.into(),
        origin: Location::file("table"),
        lines_in_file: false,
    }
}

fn check(sentence: &str, expr: &str, expected: E, published: &str) -> Result<(), String> {
    let doc = document(sentence, published);
    let got = claims::extract(&doc);
    let claim = got.claims.iter().find(|c| c.text == expr).ok_or_else(|| {
        format!(
            "{sentence:?}: no claim {expr:?}; found {:?}",
            got.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
        )
    })?;
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * b.abs().max(1.0),
        (None, None) => true,
        _ => false,
    };
    match (expected, &claim.value) {
        (E::Q(kind, lo, hi, m), Value::Quantity { range, .. }) => {
            if claim.kind != kind
                || !close(range.lo, lo)
                || !close(range.hi, hi)
                || claim.modifier != m
            {
                return Err(format!(
                    "{sentence:?} {expr:?}: expected {kind:?} {lo:?}..{hi:?} {m:?}, got {:?} {:?}..{:?} {:?}",
                    claim.kind, range.lo, range.hi, claim.modifier
                ));
            }
        }
        (
            E::D(kind, from, to, grain),
            Value::Date(DateRange {
                from: f,
                to: t,
                grain: g,
            }),
        ) => {
            let show = |x: &Option<NaiveDate>| x.map_or(String::new(), |d| d.to_string());
            if claim.kind != kind || show(f) != from || show(t) != to || *g != grain {
                return Err(format!(
                    "{sentence:?} {expr:?}: expected {kind:?} {from}..{to} {grain:?}, got {:?} {}..{} {g:?}",
                    claim.kind,
                    show(f),
                    show(t)
                ));
            }
        }
        (E::T(day, from, to, m), Value::Clock(c)) => {
            let got_day = c.day.map_or(String::new(), |d| d.to_string());
            if claim.kind != K::Time
                || got_day != day
                || c.from != from
                || c.to != to
                || claim.modifier != m
            {
                return Err(format!(
                    "{sentence:?} {expr:?}: expected {day} {from}..{to} {m:?}, got {c:?} {:?}",
                    claim.modifier
                ));
            }
        }
        (e, v) => return Err(format!("{sentence:?} {expr:?}: expected {e:?}, got {v:?}")),
    }
    Ok(())
}

#[test]
fn french_expressions_normalise_as_a_reader_expects() {
    assert!(ROWS.len() >= 200, "{} rows", ROWS.len());
    let failures: Vec<String> = ROWS
        .iter()
        .filter_map(|&(s, e, x, p)| check(s, e, x, p).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

/// Words that look like figures but state none: no claim may be read from them.
#[test]
fn titles_and_idioms_are_not_figures() {
    for (sentence, words) in [
        (
            "La Première ministre Élisabeth Borne a parlé.",
            "Première ministre",
        ),
        (
            "Le premier secrétaire du parti a démissionné.",
            "premier secrétaire",
        ),
        ("La première dame était présente.", "première dame"),
        // A score or a fraction is not a date.
        ("Lyon a gagné 2-1 contre Nantes.", "2-1"),
        ("Les 3/4 des votants ont dit oui.", "3/4"),
    ] {
        let got = claims::extract(&document(sentence, ""));
        assert!(
            got.claims.iter().all(|c| !words.contains(c.text.as_str())),
            "{sentence:?}: {:?}",
            got.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
        );
    }
}

#[test]
fn common_nouns_and_names_are_not_units_or_dates() {
    // (sentence, words that must not be a claim of that kind)
    for (sentence, words, kind) in [
        ("Il a écrit trois livres.", "trois livres", K::Money),
        ("La sonde a atteint Mars en février.", "Mars", K::Date),
        ("Noël Le Graët a démissionné.", "Noël", K::Date),
        ("Le marché se tient chaque lundi.", "lundi", K::Date),
        (
            "L'ascension du col a duré trois heures.",
            "ascension",
            K::Date,
        ),
        ("Le réseau 5G couvre la ville.", "5G", K::Weight),
        ("La réunion a lieu le 3/4.", "3/4", K::Percent),
        ("Le cortège du 12 mai de 2000 personnes.", "2000", K::Date),
    ] {
        let got = claims::extract(&document(sentence, ""));
        assert!(
            got.claims
                .iter()
                .all(|c| !(c.kind == kind && c.text.contains(words))),
            "{sentence:?}: {:?}",
            got.claims
                .iter()
                .map(|c| (&c.text, c.kind))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn currencies_and_measures_keep_their_unit() {
    use recoupe::claims::Unit;
    for (sentence, words, unit) in [
        (
            "Le club a payé 12 millions de livres sterling.",
            "12 millions de livres sterling",
            Unit::Gbp,
        ),
        (
            "Une amende de 10 000 francs suisses.",
            "10 000 francs suisses",
            Unit::Chf,
        ),
        (
            "Le projet coûte 300 millions de dollars canadiens.",
            "300 millions de dollars canadiens",
            Unit::Cad,
        ),
        ("Il a touché 450 000 yens.", "450 000 yens", Unit::Jpy),
        (
            "La ville a investi 100 milliards de yuans.",
            "100 milliards de yuans",
            Unit::Cny,
        ),
        ("L'action cote 210 pence.", "210 pence", Unit::Gbp),
        (
            "Le contrat vaut 528 millions de francs.",
            "528 millions de francs",
            Unit::Franc,
        ),
        ("Le stade a coûté £ 60 000.", "£ 60 000", Unit::Gbp),
        ("Le terrain fait 45 acres.", "45 acres", Unit::SquareMetres),
        (
            "Le réservoir contient 10 gallons.",
            "10 gallons",
            Unit::Litres,
        ),
        (
            "Le volume atteint 3 pieds cubes.",
            "3 pieds cubes",
            Unit::Litres,
        ),
        (
            "La tempête a soufflé à 130 km/h.",
            "130 km/h",
            Unit::KilometresPerHour,
        ),
    ] {
        let got = claims::extract(&document(sentence, ""));
        let claim = got.claims.iter().find(|c| c.text == words);
        assert!(
            matches!(claim.map(|c| &c.value), Some(Value::Quantity { unit: u, .. }) if *u == unit),
            "{sentence:?}: {:?}",
            got.claims
                .iter()
                .map(|c| (&c.text, &c.value))
                .collect::<Vec<_>>()
        );
    }
}

/// The same moment given again on another clock, in parentheses, is no second claim: only one
/// time of day is read, so the two are not compared as two reports.
#[test]
fn a_time_restated_in_another_zone_is_one_claim() {
    let got = claims::extract(&document(
        "Le train a déraillé à 4h12 mercredi (2h12 GMT) près de la gare.",
        "",
    ));
    let times: Vec<&str> = got
        .claims
        .iter()
        .filter(|c| c.kind == K::Time)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(times, ["4h12"], "{:?}", got.claims);
}

/// English times of day (twelve-hour clock, colon, zone) and a toll's bare figure.
#[test]
fn english_times_and_tolls() {
    let mut doc = document(
        "The ferry sank at 9:40 p.m. on Tuesday (1940 GMT). The death toll from the sinking \
         of the ferry off the northern coast has risen to 57, the coast guard said.",
        "",
    );
    doc.lang = Some("en".into());
    let got = claims::extract(&doc);
    let found: Vec<(&str, String)> = got
        .claims
        .iter()
        .map(|c| (c.text.as_str(), format!("{:?}", c.value)))
        .collect();
    let times: Vec<&(&str, String)> = found.iter().filter(|c| c.1.starts_with("Clock")).collect();
    assert_eq!(times.len(), 1, "{found:?}");
    assert_eq!(times[0].0, "9:40 p.m.", "{found:?}");
    assert!(times[0].1.contains("from: 1300"), "{found:?}");
    assert!(
        found.iter().any(|c| c.0 == "57" && c.1.contains("Count")),
        "{found:?}"
    );
}

/// A word that adds to a count (`autres`, `more`) is not what it counts: the noun after it is.
#[test]
fn the_counted_noun_follows_a_word_that_adds_to_the_count() {
    let got = claims::extract(&document(
        "L'incendie a fait trois morts et 41 autres personnes ont été hospitalisées.",
        "",
    ));
    let claim = got
        .claims
        .iter()
        .find(|c| c.text.starts_with("41"))
        .expect("the count of 41");
    assert_eq!(claim.noun.as_deref(), Some("personnes"), "{claim:?}");
    assert_eq!(claim.text, "41 autres personnes");
}
