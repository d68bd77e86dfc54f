//! Per-language lexicons: the words the extraction machinery looks for. The machinery in the
//! parent module is language-neutral; adding a language means adding a [`Lexicon`].

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

/// Words of one language, lower case.
#[derive(Debug)]
pub struct Lexicon {
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
    pub decade_words: &'static [&'static str],
    pub century_words: &'static [&'static str],
    pub seasons: &'static [Season],
    /// Function words that cannot be the noun counted by a number.
    pub stopwords: &'static [&'static str],
    /// Titles before a person's name.
    pub person_titles: &'static [&'static str],
    /// Name particles allowed inside a proper name (`Corée du Nord`, `Charles de Gaulle`).
    pub name_particles: &'static [&'static str],
    /// Words that can open a time or quantity expression, built on first use.
    pub triggers: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
    /// `reporting_verbs` as a set, built on first use.
    pub reporting_set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
}

impl Lexicon {
    /// Whether a token can open a time or quantity expression: a digit, a word of one of the
    /// lists those expressions start with, an ordinal word or a Roman ordinal. Most words of a
    /// text are none of these, and skipping them spares every matcher.
    pub fn may_start_expression(&self, text: &str, lower: &str) -> bool {
        if text.starts_with(|c: char| c.is_ascii_digit()) || lower.ends_with("ième") {
            return true;
        }
        let roman = text.len() > 1
            && text.ends_with('e')
            && text[..text.len() - 1]
                .chars()
                .all(|c| "IVXLCDM".contains(c));
        roman || self.trigger_words().contains(lower)
    }

    /// Whether `lower` is a verb of reporting (`déclaré`, `affirme`).
    pub fn is_reporting_verb(&self, lower: &str) -> bool {
        self.reporting_set
            .get_or_init(|| self.reporting_verbs.iter().copied().collect())
            .contains(lower)
    }

    fn trigger_words(&self) -> &rustc_hash::FxHashSet<&'static str> {
        self.triggers.get_or_init(|| {
            let mut set: rustc_hash::FxHashSet<&'static str> = rustc_hash::FxHashSet::default();
            set.extend(self.months.iter().map(|m| m.0));
            set.extend(self.weekdays.iter().map(|d| d.0));
            set.extend(self.number_words.iter().copied());
            set.extend(self.modifiers.iter().map(|m| m.0[0]));
            set.extend(self.relative_days.iter().map(|d| d.0));
            // Hyphenated relative days start with their first part (`avant`-`hier`).
            set.extend(
                self.relative_days
                    .iter()
                    .filter_map(|d| d.0.split('-').next().filter(|p| p.len() < d.0.len())),
            );
            set.extend(self.this_words.iter().copied());
            set.extend(self.seasons.iter().map(|s| s.0));
            set.extend(self.decade_words.iter().copied());
            set.extend(self.first_words.iter().copied());
            set.extend(self.ago.first().copied());
            set.extend([
                "un",
                "une",
                "des",
                "plusieurs",
                "quelques",
                "de",
                "an",
                "année",
                "mois",
                "semaine",
                "le",
                "l",
            ]);
            set
        })
    }
}
