//! Per-language lexicons: the words the extraction machinery looks for. The machinery in the
//! parent module is language-neutral; adding a language means adding a [`Lexicon`].

pub mod detect;
pub mod en;
pub mod fr;

/// A unit a number can be followed by, with its canonical unit and factor.
#[derive(Debug, Clone, Copy)]
pub struct UnitWord {
    pub word: &'static str,
    pub unit: crate::claims::Unit,
    /// Multiplier to the canonical unit (seconds for durations, metres for distances).
    pub factor: f64,
}

/// A season's name with its first and last (month, day).
pub type Season = (&'static str, (u32, u32), (u32, u32));

/// Which side of a date an open period lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBound {
    /// Up to the day before (`avant 2000`: to 1999-12-31).
    Before,
    /// Up to its last day (`jusqu'en 2030`).
    Until,
    /// From its first day (`à partir du 8 mars`, `dès 2025`).
    From,
    /// From the day after (`après 2000`).
    After,
}

/// The part of a month or a year a word names (`début`, `mi`, `fin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodPart {
    Start,
    Middle,
    End,
}

/// Words of one language, lower case.
#[derive(Debug)]
pub struct Lexicon {
    /// Whether `,` is the decimal mark and `.` groups thousands (`1.234,5`), as in French;
    /// otherwise the other way round (`1,234.5`), as in English.
    pub decimal_comma: bool,
    pub months: &'static [(&'static str, u32)],
    pub weekdays: &'static [(&'static str, u32)],
    /// Number words that may start or continue a spelled-out number.
    pub number_words: &'static [&'static str],
    /// Words that join number words (`vingt et un`).
    pub number_joiners: &'static [&'static str],
    /// Scale words after a number: `1,5 million`.
    pub scales: &'static [(&'static str, f64)],
    /// Approximate-count nouns: `une quarantaine` (≈ value), with their value.
    pub approx_nouns: &'static [(&'static str, f64)],
    /// Denominators in words (`tiers` 3, `quarts` 4); from five on they are ordinal forms.
    pub fraction_words: &'static [(&'static str, f64)],
    /// Words of a ratio between two figures (`un sur trois`).
    pub ratio_words: &'static [&'static str],
    /// Words after a currency that say whose it is (`dollars canadiens`, `$ c`, `francs
    /// suisses`): the currency they follow and the one they make.
    pub currency_qualifiers: &'static [(crate::claims::Unit, &'static str, crate::claims::Unit)],
    /// Currency signs and codes that may stand before their figure (`$75 millions`, `EUR 1000`).
    pub prefix_currencies: &'static [&'static str],
    /// Units that are also common nouns (`livres`, books): a unit only after a scale
    /// (`361 millions de livres`), before a qualifier (`livres sterling`) or as a sign.
    pub scaled_units: &'static [&'static str],
    /// Words after a length that make it a surface (`mètres carrés`) or a volume (`pieds cubes`).
    pub square_words: &'static [&'static str],
    pub cube_words: &'static [&'static str],
    /// `toute la journée`: a whole unit of time.
    pub whole_words: &'static [&'static str],
    /// Accented spellings of the first words of holidays (`noel` is written `noël`).
    pub holiday_accents: &'static [(&'static str, &'static str)],
    /// Holidays by name, unaccented, with the rule of their day.
    pub holidays: &'static [(&'static [&'static str], crate::claims::holidays::Rule)],
    /// Words after a span that move a date by it (`deux jours avant le 8 mars`): -1 or 1.
    pub offset_words: &'static [(&'static str, i32)],
    /// Words before a span of time to come that make it a date (`dans une semaine`).
    pub ahead_words: &'static [&'static str],
    /// Times of day by name, in minutes (`midi` 720).
    pub clock_names: &'static [(&'static str, u32)],
    /// Words of an hour after a figure (`18 heures`, `18 h`).
    pub clock_hour_words: &'static [&'static str],
    /// Parts of the day after an hour, with the hours they add to one before noon (`du soir`).
    pub day_parts: &'static [(&'static [&'static str], u32)],
    /// Halves of a twelve-hour clock, with the hours they add (`11 p.m.`, `9am`, `11:11pm`):
    /// written after an hour, they make it a time of day on their own.
    pub meridiems: &'static [(&'static str, u32)],
    /// Time zones written after a time of day (`22h11 GMT`, `2200 GMT`).
    pub clock_zones: &'static [&'static str],
    /// Prepositions that make an hour a time of day (`à 18 heures`), and `vers`.
    pub clock_prepositions: &'static [&'static str],
    pub clock_approx: &'static [&'static str],
    /// Words before a figure of hours that make it a length of time (`pendant 3h45`, `a duré
    /// 3h45`), and words before `de` that keep it a time of day (`à partir de 8h30`, `près de
    /// 19h`): after any other word, `de 3h45` is a length (`un spectacle de 3h45`).
    pub duration_words: &'static [&'static str],
    pub clock_of_heads: &'static [&'static str],
    pub indefinite_articles: &'static [&'static str],
    /// Openers of a span of hours and their joiner (`entre 18 et 20 heures`, `de 8 h à 18 h`).
    pub clock_ranges: &'static [(&'static str, &'static str)],
    /// `nuit`, and the hours a night covers (evening to morning, in minutes).
    pub night_words: &'static [&'static str],
    pub night_hours: (u32, u32),
    /// Claimants that point back to the one named before (`la même source`).
    pub anaphoric_claimants: &'static [&'static str],
    /// Head nouns of running tallies, singular (`mort`, `blessé`), and words that call a
    /// figure a toll or provisional (`bilan`).
    /// Words that say what a figure measures, each with the name of the measure: the counted
    /// noun (`blessés`), the participle after a generic noun (`personnes blessées`), the noun
    /// before a figure (`une profondeur de 10 km`). Figures of different measures are different
    /// facts. Matched on [`crate::compare::frame::stem`] forms.
    pub measures: &'static [(&'static str, &'static str)],
    /// Nouns that count people without saying which (`personnes`): the sentence's measure word
    /// says what is counted.
    pub generic_nouns: &'static [&'static str],
    /// Nouns of a person whose age may follow (`un enfant de 8 ans`, `une victime de 70 ans`).
    pub person_nouns: &'static [&'static str],
    /// Subject pronouns that refer back to what the sentence before spoke of (`Elle était de
    /// 25,4 %`).
    pub pronouns: &'static [&'static str],
    /// Words that give a figure as a state at the time of writing (`toujours`, `actuellement`):
    /// it may change between two reports of one day.
    pub current_words: &'static [&'static str],
    /// Conjunctions before a state word that make it the next item of a list instead (`… ou
    /// encore 155 km/h à Brest`).
    pub list_joiners: &'static [&'static str],
    /// Words that give a figure as superseded (`un précédent bilan`, `initialement`).
    pub earlier_words: &'static [&'static str],
    /// Words before a date that make it a point of comparison rather than the time a figure
    /// holds as of (`par rapport à 2017`).
    pub comparison_words: &'static [&'static str],
    /// Nouns that name where a figure was published rather than who gave it (`un communiqué du
    /// ministère`, `les chiffres de la préfecture`): the claimant is their complement.
    pub source_nouns: &'static [&'static str],
    pub tally_nouns: &'static [&'static str],
    pub tally_words: &'static [&'static str],
    /// Words between a figure and its noun that add to a count rather than name what it counts
    /// (`670 autres personnes`, `153 more people`).
    pub other_words: &'static [&'static str],
    /// Words that, before a count or a publication (`le dernier bilan`, `un nouveau
    /// décompte`, `the latest figures`), say its figure updates others.
    pub update_words: &'static [&'static str],
    /// Nouns that name a running count itself (`le bilan`, `the death toll`): a bare figure the
    /// clause gives them (`s'élève à 2 012`, `has risen to 2,012`) is a count of what they tally.
    pub toll_nouns: &'static [&'static str],
    /// Words before a day of the month (`le 3/4`, `du 12`): after them `3/4` is a date.
    pub day_determiners: &'static [&'static str],
    /// Definite articles (`la semaine prochaine`, `toute la journée`).
    pub articles: &'static [&'static str],
    /// Words for a month (`le premier lundi du mois`).
    pub month_words: &'static [&'static str],
    /// Words that join the two ends of a span of days or a night (`de mardi à mercredi`).
    pub until_words: &'static [&'static str],
    /// Words for a week (`semaine`), for `vendredi de la semaine prochaine`.
    pub week_words: &'static [&'static str],
    /// Words before a weekday or month that make it recurring (`chaque lundi`, `tous les`).
    pub recurring_words: &'static [&'static str],
    /// Months that are also names when capitalised inside a sentence (`Mars`).
    pub name_like_months: &'static [&'static str],
    /// `week-end` written as one word.
    pub weekend_words: &'static [&'static str],
    /// Ranks in words for `le premier vendredi`, `le troisième trimestre`.
    pub rank_words: &'static [(&'static str, i32)],
    /// Parts of a year counted by rank, with their length in months (`trimestre` 3).
    pub year_parts: &'static [(&'static str, u32)],
    /// Holidays whose one-word name is also a common noun: holidays only with a capital.
    pub capitalised_holidays: &'static [&'static str],
    /// Abbreviated months, read only beside a day or a year (`5 juil.`, `sept. 2024`): alone,
    /// `sept` is seven and `mar` a word.
    pub month_abbreviations: &'static [(&'static str, u32)],
    /// Fractions after a unit or number: `et demi`.
    pub half_words: &'static [&'static str],
    pub units: &'static [UnitWord],
    /// Multi-word modifiers before a number, longest first.
    pub modifiers: &'static [(&'static [&'static str], crate::claims::Modifier)],
    /// Prepositions linking a count to its noun (`de`, `d'`).
    pub of_words: &'static [&'static str],
    /// Words introducing an attribution (`selon la police`).
    pub according_to: &'static [&'static [&'static str]],
    /// Past participles / verbs of reporting (`a déclaré`, `affirme`).
    pub reporting_verbs: &'static [&'static str],
    /// Auxiliaries before a participle (`a`, `ont`, `avait`).
    pub auxiliaries: &'static [&'static str],
    /// Words before a part of a total (`dont 780 000 en Bretagne`).
    pub part_words: &'static [&'static str],
    /// Nouns that announce the figure after them as a number of what follows them (`le nombre
    /// des votants s'est élevé à …`).
    pub count_nouns: &'static [&'static str],
    /// Words before the other side of a comparison (`contre 2,5 millions en 2012`).
    pub contrast_words: &'static [&'static str],
    /// Reflexive pronouns between a subject and its verb (`18 768 639 se sont portés`).
    pub reflexives: &'static [&'static str],
    /// Words for "since" (`depuis`) and "first" (`première`).
    pub since_words: &'static [&'static str],
    pub first_words: &'static [&'static str],
    /// Relative day words with their offset in days.
    pub relative_days: &'static [(&'static str, i64)],
    /// "last" / "next" after a period word.
    pub last_words: &'static [&'static str],
    pub next_words: &'static [&'static str],
    pub this_words: &'static [&'static str],
    /// Forms of "to be" after which a bare figure is a count of the subject
    /// (`ils étaient 1 500 selon la police`).
    pub copulas: &'static [&'static str],
    /// "ago" constructions: `il y a`.
    pub ago: &'static [&'static str],
    /// Prepositions that make a bare year a date (`en 2000`).
    pub year_prepositions: &'static [&'static str],
    /// Words that make a date one bound of an open period (`avant 2000`, `jusqu'en 2030`,
    /// `à partir du 8 mars`), longest first wins.
    pub date_bounds: &'static [(&'static [&'static str], DateBound)],
    /// Words that name a part of the month or year after them (`fin mars`, `mi-2024`).
    pub period_parts: &'static [(&'static str, PeriodPart)],
    /// Temperatures: words for a degree, and the scales after it (or alone): Celsius first.
    pub degree_words: &'static [&'static str],
    /// Words that make a figure beside them an earthquake's magnitude (`magnitude`, `Richter`).
    pub magnitude_words: &'static [&'static str],
    /// Words of a sentence about an earthquake, where degrees are a magnitude, not a temperature.
    pub quake_words: &'static [&'static str],
    pub celsius_words: &'static [&'static str],
    pub fahrenheit_words: &'static [&'static str],
    /// Speeds: `km/h`, `km par heure`: the words between a distance and its hour.
    pub per_words: &'static [&'static str],
    pub hour_words: &'static [&'static str],
    pub decade_words: &'static [&'static str],
    pub century_words: &'static [&'static str],
    pub seasons: &'static [Season],
    /// Determiners that open an expression only before one of its own words: `des centaines`,
    /// `le 19 juin`, `l'an dernier`. They are among the commonest words of a text, and trying
    /// every matcher at each of them was a third of the matching work.
    pub lead_words: &'static [&'static str],
    /// Function words that cannot be the noun counted by a number.
    pub stopwords: &'static [&'static str],
    /// Nouns that make an ordinal before them part of a title (`Première ministre`).
    pub title_nouns: &'static [&'static str],
    /// Forms of address before a name, which say nothing of who it is (`M.`, `Mme`).
    pub honorifics: &'static [&'static str],
    /// Titles before a person's name.
    pub person_titles: &'static [&'static str],
    /// Name particles allowed inside a proper name (`Corée du Nord`, `Charles de Gaulle`).
    pub name_particles: &'static [&'static str],
    /// The lists above as hash sets and maps, built on first use: the matchers look words up
    /// at every token, and linear scans over these lists were a fifth of extraction time.
    /// A reference to a static of each lexicon's own, so that one lexicon can be built from
    /// another's constant (a `OnceLock` in it could not be dropped at compile time).
    pub index: &'static std::sync::OnceLock<Index>,
}

type Set = rustc_hash::FxHashSet<&'static str>;
type Map<V> = rustc_hash::FxHashMap<&'static str, V>;

/// Hashed views of a [`Lexicon`]'s lists. Where a list names a word twice, the first entry wins,
/// as it did for the linear scans.
#[derive(Debug, Default)]
pub struct Index {
    triggers: Set,
    reporting: Set,
    months: Map<u32>,
    weekdays: Map<u32>,
    number_words: Set,
    units: Map<&'static UnitWord>,
    scales: Map<f64>,
    approx_nouns: Map<f64>,
    stopwords: Set,
    person_titles: Set,
    name_particles: Set,
    modifier_heads: Set,
    lead_words: Set,
    /// First words of date bounds and period parts (`avant`, `jusqu`, `fin`).
    period_heads: Set,
    /// First words of holidays, with and without accents.
    holiday_heads: rustc_hash::FxHashSet<String>,
    /// Words before a figure that may make it a time of day (`à`, `vers`, `entre`).
    clock_openers: Set,
}

fn first_wins<V: Copy>(pairs: impl Iterator<Item = (&'static str, V)>) -> Map<V> {
    let mut map = Map::default();
    for (k, v) in pairs {
        map.entry(k).or_insert(v);
    }
    map
}

impl Index {
    fn build(lex: &Lexicon) -> Self {
        let set = |words: &[&'static str]| words.iter().copied().collect::<Set>();
        let mut triggers = Set::default();
        triggers.extend(lex.months.iter().map(|m| m.0));
        triggers.extend(lex.weekdays.iter().map(|d| d.0));
        triggers.extend(lex.number_words.iter().copied());
        triggers.extend(lex.modifiers.iter().map(|m| m.0[0]));
        triggers.extend(lex.relative_days.iter().map(|d| d.0));
        // Hyphenated relative days start with their first part (`avant`-`hier`).
        triggers.extend(
            lex.relative_days
                .iter()
                .filter_map(|d| d.0.split('-').next().filter(|p| p.len() < d.0.len())),
        );
        triggers.extend(lex.this_words.iter().copied());
        triggers.extend(lex.seasons.iter().map(|s| s.0));
        triggers.extend(lex.decade_words.iter().copied());
        triggers.extend(lex.first_words.iter().copied());
        triggers.extend(lex.ago.first().copied());
        triggers.extend(["un", "une", "an", "année", "mois", "semaine"]);
        triggers.extend(lex.prefix_currencies.iter().copied());
        triggers.extend(lex.holidays.iter().map(|h| h.0[0]));
        triggers.extend(lex.clock_names.iter().map(|c| c.0));

        triggers.extend(lex.night_words.iter().copied());
        triggers.extend(lex.weekend_words.iter().copied());
        triggers.extend(lex.rank_words.iter().map(|r| r.0));
        triggers.extend(lex.last_words.iter().copied());
        triggers.extend(
            lex.weekend_words
                .iter()
                .filter_map(|w| w.split_once('-').map(|(a, _)| a)),
        );
        triggers.extend(lex.holiday_accents.iter().map(|h| h.1));
        triggers.extend(lex.half_words.iter().copied());
        triggers.extend(lex.whole_words.iter().copied());
        Index {
            triggers,
            reporting: set(lex.reporting_verbs),
            months: first_wins(lex.months.iter().copied()),
            weekdays: first_wins(lex.weekdays.iter().copied()),
            number_words: set(lex.number_words),
            units: first_wins(lex.units.iter().map(|u| (u.word, u))),
            scales: first_wins(lex.scales.iter().copied()),
            approx_nouns: first_wins(lex.approx_nouns.iter().copied()),
            stopwords: set(lex.stopwords),
            period_heads: lex
                .date_bounds
                .iter()
                .map(|b| b.0[0])
                .chain(lex.period_parts.iter().map(|p| p.0))
                .collect(),
            person_titles: set(lex.person_titles),
            name_particles: set(lex.name_particles),
            modifier_heads: lex.modifiers.iter().map(|m| m.0[0]).collect(),
            // `vers 4 heures`, `dans une semaine`: common words that open an expression only
            // before a figure.
            lead_words: lex
                .lead_words
                .iter()
                .chain(lex.clock_approx)
                .chain(lex.ahead_words)
                .copied()
                .collect(),
            clock_openers: lex
                .clock_prepositions
                .iter()
                .chain(lex.clock_approx)
                .copied()
                .chain(lex.clock_ranges.iter().map(|r| r.0))
                .collect(),
            holiday_heads: lex
                .holidays
                .iter()
                .flat_map(|(words, _)| {
                    let head = words[0];
                    let accented = lex
                        .holiday_accents
                        .iter()
                        .filter(move |(plain, _)| *plain == head)
                        .map(|(_, a)| a.to_string());
                    std::iter::once(head.to_string()).chain(accented)
                })
                .collect(),
        }
    }
}

impl Lexicon {
    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(self))
    }

    /// Whether a token can open a time or quantity expression: a digit, a word of one of the
    /// lists those expressions start with, an ordinal word or a Roman ordinal. Most words of a
    /// text are none of these, and skipping them spares every matcher.
    pub fn may_start_expression(&self, text: &str, lower: &str) -> bool {
        // Ordinals, with or without the accent (`vingtième`, `vingtieme`).
        if text.starts_with(|c: char| c.is_ascii_digit())
            || lower.ends_with("ième")
            || lower.ends_with("ieme")
        {
            return true;
        }
        let roman = text.len() > 1
            && text.ends_with('e')
            && text[..text.len() - 1]
                .chars()
                .all(|c| "IVXLCDM".contains(c));
        roman || self.index().triggers.contains(lower)
    }

    /// Whether the token at `i` can open a time or quantity expression: a trigger word, or a
    /// lead word before a trigger, an approximate-count noun or a scale word.
    pub fn may_start_at(&self, toks: &[crate::claims::lex::Tok], i: usize) -> bool {
        let t = &toks[i];
        // `-0,4 %`: a minus sign glued to its figure.
        if matches!(t.text, "-" | "\u{2212}") {
            return toks
                .get(i + 1)
                .is_some_and(|n| !n.space_before && n.is_number());
        }
        if !self.index().lead_words.contains(t.lower.as_ref()) {
            return self.may_start_expression(t.text, &t.lower);
        }
        toks.get(i + 1).is_some_and(|n| {
            self.may_start_expression(n.text, &n.lower)
                || self.approx_noun(&n.lower).is_some()
                || self.scale(&n.lower).is_some()
        })
    }

    /// Whether `lower` may open a bounded or partial period (`avant 2000`, `fin mars`).
    pub fn may_open_period(&self, lower: &str) -> bool {
        self.index().period_heads.contains(lower)
    }

    /// Whether `lower` may open a time of day before its figure (`à`, `vers`, `entre`).
    pub fn may_open_clock(&self, lower: &str) -> bool {
        self.index().clock_openers.contains(lower)
    }

    /// Whether a holiday's name may start with `lower`.
    pub fn may_start_holiday(&self, lower: &str) -> bool {
        self.index().holiday_heads.contains(lower)
    }

    /// The month an abbreviation names (`juil` → 7).
    pub fn month_abbreviation(&self, lower: &str) -> Option<u32> {
        self.month_abbreviations
            .iter()
            .find(|(a, _)| *a == lower)
            .map(|&(_, m)| m)
    }

    /// Whether `lower` is a verb of reporting (`déclaré`, `affirme`).
    pub fn is_reporting_verb(&self, lower: &str) -> bool {
        self.index().reporting.contains(lower)
    }

    /// The month numbered from 1.
    pub fn month(&self, lower: &str) -> Option<u32> {
        self.index().months.get(lower).copied()
    }

    /// The weekday numbered from 0 (Monday).
    pub fn weekday(&self, lower: &str) -> Option<u32> {
        self.index().weekdays.get(lower).copied()
    }

    pub fn is_number_word(&self, lower: &str) -> bool {
        self.index().number_words.contains(lower)
    }

    pub fn unit(&self, lower: &str) -> Option<&'static UnitWord> {
        self.index().units.get(lower).copied()
    }

    pub fn scale(&self, lower: &str) -> Option<f64> {
        self.index().scales.get(lower).copied()
    }

    pub fn approx_noun(&self, lower: &str) -> Option<f64> {
        self.index().approx_nouns.get(lower).copied()
    }

    pub fn is_stopword(&self, lower: &str) -> bool {
        self.index().stopwords.contains(lower)
    }

    pub fn is_person_title(&self, lower: &str) -> bool {
        self.index().person_titles.contains(lower)
    }

    pub fn is_name_particle(&self, lower: &str) -> bool {
        self.index().name_particles.contains(lower)
    }

    /// Whether a modifier can start with `lower`; most tokens cannot, and the multi-word
    /// modifiers need not be tried at them.
    pub fn may_start_modifier(&self, lower: &str) -> bool {
        self.index().modifier_heads.contains(lower)
    }
}
