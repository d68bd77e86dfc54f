//! The verdict on a slot: do the sources agree on the fact, and if not, how do they differ?
//! Values compare as intervals (see "Values and verdicts" in the design notes); every verdict
//! carries its reason in words and the arithmetic behind it.

use chrono::NaiveDate;
use serde::Serialize;

use super::bulletin::Bulletin;
use super::frame::{self, Frame};
use crate::claims::{DateRange, Unit, Value};

/// Most severe first: the report lists slots in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    /// Disjoint values from the same kind of source at the same time.
    Conflict,
    /// Disjoint values, but the tool is not sure the claims are about one fact.
    NeedsReview,
    /// Disjoint values that different claimants give (`selon la police` / `selon la CGT`).
    AttributedDifference,
    /// A figure that changes with the reporting date (a toll, a count in progress).
    Timeline,
    /// Overlapping values of different width: one source is more precise.
    Precision,
    Agree,
}

impl VerdictKind {
    /// Every verdict, most severe first.
    pub const ALL: [VerdictKind; 6] = [
        VerdictKind::Conflict,
        VerdictKind::NeedsReview,
        VerdictKind::AttributedDifference,
        VerdictKind::Timeline,
        VerdictKind::Precision,
        VerdictKind::Agree,
    ];

    /// Whether a reader should look at it: everything but agreement.
    pub fn flagged(self) -> bool {
        self != VerdictKind::Agree
    }

    pub fn label(self) -> &'static str {
        match self {
            VerdictKind::Conflict => "conflict",
            VerdictKind::NeedsReview => "needs review",
            VerdictKind::AttributedDifference => "attributed difference",
            VerdictKind::Timeline => "timeline",
            VerdictKind::Precision => "different precision",
            VerdictKind::Agree => "agree",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub kind: VerdictKind,
    /// Why, in words.
    pub reason: String,
    /// The intervals and the comparison that justify it, one step per line.
    pub arithmetic: Vec<String>,
    /// How sure the tool is that the claims are about one fact, from 0 to 1 (the weakest
    /// context similarity that joined the slot).
    pub confidence: f64,
}

/// What the verdict needs to know of one claim.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    pub document: &'a str,
    pub words: &'a str,
    /// The sentence around the figure.
    pub sentence: &'a str,
    pub value: &'a Value,
    pub claimant: Option<&'a str>,
    pub published: Option<NaiveDate>,
    /// Whether the claim is a running tally (a toll, a count given as provisional or as a
    /// minimum), which may rise from one report to the next.
    pub tally: bool,
    /// What the figure measures, when and by whom.
    pub frame: &'a Frame,
    /// The source of the document: equal for documents that are copies of one text.
    pub source: usize,
    /// The exact tally figures its document states (see [`super::bulletin`]).
    pub bulletin: &'a Bulletin,
    /// Whether its document attaches figures of this claim's measure to more than one name, or
    /// the measure is unknown: then the name a figure is attached to tells facts apart.
    pub entity_distinguishes: bool,
}

/// A value as a closed interval on one axis: the number, or days since the common era.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub fn of(value: &Value) -> Self {
        match value {
            Value::Quantity { range, .. } => Interval {
                lo: range.lo.unwrap_or(f64::NEG_INFINITY),
                hi: range.hi.unwrap_or(f64::INFINITY),
            },
            // A day runs to its last minute, so that a time of that day falls inside it.
            Value::Date(DateRange { from, to, .. }) => Interval {
                lo: from.map_or(f64::NEG_INFINITY, days),
                hi: to.map_or(f64::INFINITY, |d| days(d) + LAST_MINUTE),
            },
            Value::Clock(c) => {
                let base = c.day.map_or(0.0, days);
                Interval {
                    lo: base + f64::from(c.from) / MINUTES,
                    hi: base + f64::from(c.to) / MINUTES,
                }
            }
        }
    }

    /// The interval a stated figure stands for when it is read as rounded to its last
    /// significant digit: `670` for 665–675, `48,75 millions` for 48.745–48.755 million, as a
    /// reader reads a newspaper's figures. Half a unit of that digit either side (a hair less,
    /// so that `6,3` and `6,4` do not touch), and never more than [`MAX_ROUNDING`] of the
    /// figure, so that `2 000` is not any number from 1,500 to 2,500. Figures with a modifier
    /// (`près de`, `plus de`) already carry their interval; dates and times are read as written.
    ///
    /// Readings of an instrument in their own unit (a gust in km/h, a temperature, a magnitude)
    /// are not counts an outlet rounds: `170 km/h` is a reading to the unit, so it does not
    /// stand for 171.
    pub fn read(value: &Value) -> Self {
        let stated = Interval::of(value);
        let Value::Quantity { unit, .. } = value else {
            return stated;
        };
        if stated.lo != stated.hi {
            return stated;
        }
        let half = match unit {
            Unit::KilometresPerHour | Unit::Celsius | Unit::Magnitude => {
                rounding(stated.lo).min(0.495)
            }
            _ => rounding(stated.lo),
        };
        Interval {
            lo: stated.lo - half,
            hi: stated.hi + half,
        }
    }

    /// How far apart two disjoint intervals are (0 when they meet).
    fn distance(self, other: Interval) -> f64 {
        (self.lo.max(other.lo) - self.hi.min(other.hi)).max(0.0)
    }

    fn width(self) -> f64 {
        self.hi - self.lo
    }

    fn intersect(self, other: Interval) -> Option<Interval> {
        let lo = self.lo.max(other.lo);
        let hi = self.hi.min(other.hi);
        (lo <= hi).then_some(Interval { lo, hi })
    }
}

/// Largest share of a figure its rounding may stand for.
const MAX_ROUNDING: f64 = 0.025;

/// Half the place value of the last significant digit of `v`, a hair less, within
/// [`MAX_ROUNDING`] of `v`: 670 → 4.95, 41.46 → 0.00495, 672 → 0.495.
fn rounding(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return 0.0;
    }
    // The shortest text that reads back as `v` holds exactly the digits the source wrote (or
    // the scale made of them: `1,2 million` is 1200000).
    let text = format!("{}", v.abs());
    let place = match text.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len() as i32)),
        None => 10f64.powi(text.len() as i32 - text.trim_end_matches('0').len() as i32),
    };
    (place / 2.0 * 0.99).min(MAX_ROUNDING * v.abs())
}

const MINUTES: f64 = 1440.0;
const LAST_MINUTE: f64 = 1439.0 / MINUTES;

fn days(d: NaiveDate) -> f64 {
    f64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// The day a tally holds as of: the one its sentence names, else its publication's.
fn tally_day(claim: &Input) -> Option<NaiveDate> {
    claim
        .frame
        .as_of
        .as_ref()
        .filter(|x| !x.clock)
        .and_then(|x| x.at)
        .and_then(|at| date_of(at.floor()))
        .or(claim.published)
}

/// Whether compatible figures of a running tally rose from one day to the next: every figure
/// of a later day at least every earlier one, and one later figure, exact or a minimum, above
/// an earlier figure (`au moins 56 morts`, then `95 morts`). A rounder later figure (`près de
/// 60`) is no evidence of a rise.
fn rising_tally(claims: &[Input], stated: &[Interval]) -> bool {
    // One figure stated as a tally (`au moins`, `bilan`) makes the fact a running one.
    if !claims.iter().any(|c| c.tally) {
        return false;
    }
    let Some(days) = claims.iter().map(tally_day).collect::<Option<Vec<_>>>() else {
        return false;
    };
    let mut rose = false;
    for b in 0..claims.len() {
        // The most any earlier day's figures allow: their top, or their figure when
        // open-ended. A later figure rose only above all of them: `plus de 120` and `124` one
        // day, `124` the next, is the same count said twice.
        let mut top_before = f64::NEG_INFINITY;
        for a in 0..claims.len() {
            if days[a] >= days[b] {
                continue;
            }
            let (early, late) = (stated[a], stated[b]);
            if late.lo < early.lo {
                return false;
            }
            let top = if early.hi.is_finite() {
                early.hi
            } else {
                early.lo
            };
            top_before = top_before.max(top);
        }
        let late = stated[b];
        let exact_or_minimum = late.lo == late.hi || late.hi == f64::INFINITY;
        rose |= top_before.is_finite() && exact_or_minimum && late.lo > top_before;
    }
    rose
}

fn date_of(days: f64) -> Option<NaiveDate> {
    if !days.is_finite() {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days as i32)
}

/// How the intervals of a slot are written: dates as dates, quantities in one readable unit.
#[derive(Debug, Clone, Copy)]
enum Axis {
    Dates,
    /// Times of day, with their day when they have one.
    Clock {
        dated: bool,
    },
    Number {
        scale: f64,
        suffix: &'static str,
    },
}

impl Axis {
    fn of(values: &[&Value]) -> Self {
        if let Some(Value::Clock(c)) = values.iter().find(|v| matches!(v, Value::Clock(_))) {
            return Axis::Clock {
                dated: c.day.is_some(),
            };
        }
        match values.first() {
            Some(Value::Quantity { range, unit }) => {
                let (scale, suffix) = crate::report::claims::unit_scale(range, *unit);
                Axis::Number { scale, suffix }
            }
            _ => Axis::Dates,
        }
    }

    fn point(self, v: f64) -> String {
        match self {
            Axis::Dates => date_of(v).map_or_else(|| "…".to_string(), |d| d.to_string()),
            Axis::Clock { dated } if v.is_finite() => {
                let day = v.floor();
                let minutes = ((v - day) * MINUTES).round() as u32;
                let time = crate::claims::value::clock_text(minutes);
                match date_of(day).filter(|_| dated) {
                    Some(d) => format!("{d} {time}"),
                    None => time,
                }
            }
            Axis::Clock { .. } => "…".to_string(),
            Axis::Number { scale, suffix } if v.is_finite() => {
                format!("{}{suffix}", crate::report::claims::number(v / scale))
            }
            Axis::Number { .. } => "…".to_string(),
        }
    }

    fn show(self, i: Interval) -> String {
        // A day is an interval of minutes, written once.
        let one_day =
            matches!(self, Axis::Dates) && i.lo.is_finite() && i.lo.floor() == i.hi.floor();
        if i.lo == i.hi || one_day {
            self.point(i.lo)
        } else {
            format!("[{}, {}]", self.point(i.lo), self.point(i.hi))
        }
    }
}

/// Judges a slot whose pairs are all as sure as `confidence`.
pub fn judge(claims: &[Input], confidence: f64, review_below: f64) -> Verdict {
    judge_pairs(claims, confidence, &|_, _| confidence, review_below)
}

/// How many pairs of a slot's claims are judged one by one, at most: beyond, the slot is judged
/// on the pairs walked so far (a slot of 50,000 claims has a billion pairs).
const MAX_PAIRS: usize = 200_000;

/// Judges a slot of claims from at least two documents. `confidence` is how sure the tool is
/// that the slot holds one fact; `pair` how sure it is for two of its claims. Disjoint values
/// are judged pair by pair, and the slot takes the verdict of its strongest disjoint pair with
/// that pair's confidence; below `review_below` a pair is left for a person to judge.
pub fn judge_pairs(
    claims: &[Input],
    confidence: f64,
    pair: &dyn Fn(usize, usize) -> f64,
    review_below: f64,
) -> Verdict {
    let values: Vec<&Value> = claims.iter().map(|c| c.value).collect();
    let axis = Axis::of(&values);
    let stated: Vec<Interval> = claims.iter().map(|c| Interval::of(c.value)).collect();
    let intervals: Vec<Interval> = claims.iter().map(|c| Interval::read(c.value)).collect();
    let mut arithmetic: Vec<String> = claims
        .iter()
        .zip(stated.iter().zip(&intervals))
        .map(|(c, (s, i))| {
            let rounded = if s == i {
                String::new()
            } else {
                format!(" (read as rounded: {})", axis.show(*i))
            };
            format!(
                "{} “{}” → {}{rounded}{}",
                c.document,
                c.words,
                axis.show(*s),
                c.claimant
                    .map(|who| format!(" (claimant: {who})"))
                    .unwrap_or_default()
            )
        })
        .collect();
    let common = intervals
        .iter()
        .skip(1)
        .try_fold(intervals[0], |acc, i| acc.intersect(*i));

    if let Some(common) = common {
        arithmetic.push(format!("all intervals meet in {}", axis.show(common)));
        let same = stated.iter().all(|i| *i == stated[0]);
        if same {
            return Verdict {
                kind: VerdictKind::Agree,
                reason: agreement(claims),
                arithmetic,
                confidence,
            };
        }
        // A toll stated as a minimum one day and as a higher figure the next rose: the
        // intervals meet only because `au moins` leaves the top open.
        if rising_tally(claims, &stated) {
            if let Some(steps) = timeline(claims, &stated, axis) {
                arithmetic.extend(steps);
            }
            return Verdict {
                kind: VerdictKind::Timeline,
                reason: "The figure is a running tally that rises from one update to the next: it evolves rather than contradicts.".to_string(),
                arithmetic,
                confidence,
            };
        }
        let widest = intervals
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.width().total_cmp(&b.1.width()))
            .map_or(0, |(k, _)| k);
        let narrowest = intervals
            .iter()
            .enumerate()
            .min_by(|a, b| a.1.width().total_cmp(&b.1.width()))
            .map_or(0, |(k, _)| k);
        return Verdict {
            kind: VerdictKind::Precision,
            reason: format!(
                "The values are compatible (they overlap) but not equally precise: {} “{}” is the most precise, {} “{}” the least.",
                claims[narrowest].document,
                claims[narrowest].words,
                claims[widest].document,
                claims[widest].words
            ),
            arithmetic,
            confidence,
        };
    }

    // Some values are disjoint. An unattributed claim whose value meets an attributed one is
    // read as that claimant's; the pairs of different documents are then judged one by one.
    let claimants: Vec<Option<String>> = (0..claims.len())
        .map(|k| {
            claims[k].frame.claimant.clone().or_else(|| {
                (0..claims.len())
                    .filter(|&j| intervals[j].intersect(intervals[k]).is_some())
                    .filter_map(|j| claims[j].frame.claimant.clone())
                    .min()
            })
        })
        .collect();
    let mut best: Option<(VerdictKind, f64, usize, usize, Why)> = None;
    let mut walked = 0;
    'pairs: for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if claims[a].document == claims[b].document
                || intervals[a].intersect(intervals[b]).is_some()
            {
                continue;
            }
            walked += 1;
            if walked > MAX_PAIRS {
                break 'pairs;
            }
            let (kind, sure, why) =
                judge_pair(claims, &intervals, &claimants, a, b, pair, review_below);
            let better = best.is_none_or(|(k, c, ..)| (kind, -sure) < (k, -c));
            if better {
                best = Some((kind, sure, a, b, why));
            }
        }
    }
    let Some((kind, sure, a, b, why)) = best else {
        // Disjoint only within one document: it states two values (a headline and a correction,
        // or two facts the context could not tell apart).
        return Verdict {
            kind: VerdictKind::NeedsReview,
            reason: "One document gives two different values; the sources do not contradict each other directly.".to_string(),
            arithmetic,
            confidence,
        };
    };
    let (lo, hi) = if intervals[a].hi < intervals[b].lo {
        (a, b)
    } else {
        (b, a)
    };
    arithmetic.push(format!(
        "{} ends at {} before {} starts at {}: no value satisfies both",
        claims[lo].document,
        axis.point(intervals[lo].hi),
        claims[hi].document,
        axis.point(intervals[hi].lo),
    ));
    let (fa, fb) = (claims[a].frame, claims[b].frame);
    let reason = match (kind, why) {
        (VerdictKind::AttributedDifference, _) => format!(
            "The values differ, but each comes from a different claimant ({} / {}); that is a difference of sources, not a contradiction.",
            claimants[lo].as_deref().unwrap_or("?"),
            claimants[hi].as_deref().unwrap_or("?")
        ),
        (VerdictKind::Timeline, _) => {
            if let Some(steps) = timeline(claims, &intervals, axis) {
                arithmetic.extend(steps);
            }
            "The figure is a running tally that rises from one update to the next: it evolves rather than contradicts.".to_string()
        }
        (_, Why::Reprint) => format!(
            "{} and {} are copies of one text, yet give disjoint values: the figure was changed in one of them.",
            claims[lo].document, claims[hi].document
        ),
        (_, Why::OneClaimant) => format!(
            "The values are disjoint, but only one is attributed ({}): the other may be another claimant's figure.",
            claimants[a].as_deref().or(claimants[b].as_deref()).unwrap_or("?")
        ),
        (_, Why::Superseded) => "The values are disjoint, but one is cited as superseded (a previous or initial figure): an update, not a contradiction, unless the update is wrong.".to_string(),
        (_, Why::AsOf) => format!(
            "The values are disjoint, but they are given as of different times ({} / {}): two updates of one figure, or a contradiction.",
            fa.as_of.as_ref().map_or("?", |x| x.text.as_str()),
            fb.as_of.as_ref().map_or("?", |x| x.text.as_str())
        ),
        (_, Why::Current) => "The values are disjoint, but the figure is a state at the time of writing (\"toujours\", \"actuellement\") or the latest count of a series (\"le dernier bilan\"), which changes between reports.".to_string(),
        (_, Why::SameDayTally) => "The values are disjoint, but both are running tallies reported the same day (or undated): two updates of one toll, or a contradiction; the hours of the reports decide.".to_string(),
        (_, Why::Measure) => format!(
            "The values are disjoint, but the sentences do not both say what the figure measures ({} / {}), so they may state different facts.",
            fa.measure.as_deref().unwrap_or("not said"),
            fb.measure.as_deref().unwrap_or("not said")
        ),
        (_, Why::Entity) => format!(
            "The values are disjoint, but only one sentence says whose figure it is ({}), so they may state different facts.",
            fa.entity.as_deref().or(fb.entity.as_deref()).unwrap_or("?")
        ),
        (_, Why::Neighbour) => "The values are disjoint, but each article also states the other's value in the same sentence: the figures paired here are likely two different facts.".to_string(),
        (_, Why::Scope) => "The values are disjoint, but the words beside the figures have nothing in common, so they may measure different things.".to_string(),
        (VerdictKind::NeedsReview, _) => format!(
            "The values are disjoint, but the sentences are not similar enough (confidence {sure:.2} < {review_below}) to be sure they state the same fact."
        ),
        _ => "The sources state disjoint values for the same fact: at most one of them can be right.".to_string(),
    };
    Verdict {
        kind,
        reason,
        arithmetic,
        confidence: sure,
    }
}

/// The verdict on one disjoint pair and how sure it is: a difference of claimants, a tally
/// that rose between two reporting dates, a contradiction, or, when the two sentences are not
/// alike enough, a call for review.
/// The confidence of a pair whose frames name the same measure and the same attached name.
const FRAMED_CONFIDENCE: f64 = 0.6;

fn judge_pair(
    claims: &[Input],
    intervals: &[Interval],
    claimants: &[Option<String>],
    a: usize,
    b: usize,
    pair: &dyn Fn(usize, usize) -> f64,
    review_below: f64,
) -> (VerdictKind, f64, Why) {
    let sure = pair(a, b);
    if let (Some(x), Some(y)) = (&claimants[a], &claimants[b])
        && !frame::same_claimant(x, y)
    {
        return (VerdictKind::AttributedDifference, sure, Why::Claimants);
    }
    // Two copies of one text that differ in a figure: a reprint changed it. A tally may have
    // been updated between two versions of one dispatch, which the rules below weigh.
    let reprint = claims[a].source == claims[b].source;
    if reprint && !(claims[a].tally && claims[b].tally) {
        return (
            VerdictKind::Conflict,
            sure.max(REPRINT_CONFIDENCE),
            Why::Reprint,
        );
    }
    // Whose figure an unattributed claim gives is unknown: against an attributed one it may be
    // another claimant's figure as well as a contradiction.
    let own = |k: usize| claims[k].frame.claimant.is_some();
    if (own(a) && claimants[b].is_none()) || (own(b) && claimants[a].is_none()) {
        return (VerdictKind::NeedsReview, sure, Why::OneClaimant);
    }
    let (fa, fb) = (claims[a].frame, claims[b].frame);
    let rises = |early: usize, late: usize| intervals[late].lo >= intervals[early].lo;
    // A figure cited as superseded, or given as of another time of day, is another update.
    if fa.earlier != fb.earlier {
        let (early, late) = if fa.earlier { (a, b) } else { (b, a) };
        if claims[a].tally && claims[b].tally && rises(early, late) {
            return (VerdictKind::Timeline, sure, Why::Superseded);
        }
        return (VerdictKind::NeedsReview, sure, Why::Superseded);
    }
    // Counts change from one update to the next (marchers, homes without power, tolls); a
    // magnitude or a share given beside the time of the event does not.
    let counts = matches!(
        claims[a].value,
        Value::Quantity {
            unit: crate::claims::Unit::Count,
            ..
        }
    );
    if counts
        && let (Some(x), Some(y)) = (&fa.as_of, &fb.as_of)
        && x.text != y.text
    {
        if let (Some(tx), Some(ty)) = (x.at, y.at)
            && tx != ty
            && claims[a].tally
            && claims[b].tally
        {
            let (early, late) = if tx < ty { (a, b) } else { (b, a) };
            if rises(early, late) {
                return (VerdictKind::Timeline, sure, Why::AsOf);
            }
        }
        return (VerdictKind::NeedsReview, sure, Why::AsOf);
    }
    // A figure of another year than the other's article: `en 2017, 25,4 %` against this
    // year's figure.
    let year = |k: usize| {
        claims[k]
            .frame
            .as_of
            .as_ref()
            .and_then(|x| x.year)
            .or_else(|| claims[k].published.map(|d| chrono::Datelike::year(&d)))
    };
    if let (Some(x), Some(y)) = (year(a), year(b))
        && x != y
    {
        return (VerdictKind::NeedsReview, sure, Why::AsOf);
    }
    // A figure given at an hour is that hour's; the other source's may be of another.
    let clock = |f: &Frame| f.as_of.as_ref().is_some_and(|x| x.clock);
    if counts && clock(fa) != clock(fb) {
        return (VerdictKind::NeedsReview, sure, Why::AsOf);
    }
    if claims[a].tally && claims[b].tally {
        match (tally_day(&claims[a]), tally_day(&claims[b])) {
            (Some(da), Some(db)) if da != db => {
                let (early, late) = if da < db { (a, b) } else { (b, a) };
                // A tally does not fall from one report to the next.
                if rises(early, late) {
                    return (VerdictKind::Timeline, sure, Why::Dates);
                }
            }
            // Two tolls of one day may be two updates of it: the hours tell, not the values,
            // unless both articles quote the same bulletin.
            _ if one_bulletin(&claims[a], &claims[b]) => {}
            _ => return (VerdictKind::NeedsReview, sure, Why::SameDayTally),
        }
    }
    if fa.current || fb.current {
        return (VerdictKind::NeedsReview, sure, Why::Current);
    }
    // A contradiction needs both sentences to say what they measure, and the same thing.
    let quantity = matches!(claims[a].value, Value::Quantity { .. });
    // A speed, a temperature or a magnitude measures one thing in a story whether or not the
    // sentence names it (`170 km/h à Lanvéoc`).
    let same_measure = match (&fa.measure, &fb.measure) {
        (Some(x), Some(y)) => x == y,
        _ => one_measure(claims[a].value),
    };
    // Sentences alike but for the figure say the same of what it measures, named or not.
    if quantity && !same_measure && sure < ALIKE {
        return (VerdictKind::NeedsReview, sure, Why::Measure);
    }
    // `Marine Le Pen : 41,45 %` against a share of no one in particular; but a sentence that
    // names the other's name further from its figure speaks of it.
    let names = |f: &Frame, other: &Input| {
        f.entity.as_deref().is_some_and(|e| {
            crate::text::normalize::fold(other.sentence).contains(&crate::text::normalize::fold(e))
        })
    };
    // The name matters only where its article gives figures of this measure to other names
    // too (a wind speed per town, a score per candidate); `85 bateaux … sur la Seine` in an
    // article of one boat count is the count of the event.
    let (named, _) = if fa.entity.is_some() { (a, b) } else { (b, a) };
    if fa.entity.is_some() != fb.entity.is_some()
        && claims[named].entity_distinguishes
        && !names(fa, &claims[b])
        && !names(fb, &claims[a])
    {
        return (VerdictKind::NeedsReview, sure, Why::Entity);
    }
    // The other sentence states this value too: its figure paired here is another fact.
    // A figure far nearer to it than the one paired counts too (`41,45 %` beside `58,55 %`
    // against `41,46 %`): the figures paired are the wrong ones.
    let gap = intervals[a].distance(intervals[b]);
    // An open-ended neighbour (`plus de 80 chefs d'État`) stands for its figure, not for every
    // value beyond it.
    let states = |f: &Frame, i: Interval| {
        f.neighbours.iter().any(|v| {
            let n = Interval::read(v);
            n.intersect(i).is_some() || n.distance(i) * NEARER < gap
        })
    };
    if states(fb, intervals[a]) || states(fa, intervals[b]) {
        return (VerdictKind::NeedsReview, sure, Why::Neighbour);
    }
    // Nothing beside the figures in common (`en vigilance rouge` / `en vigilance orange`
    // share `vigilance`; `ont suivi la cérémonie` / `France 2 réalise` nothing).
    // Dates need words in common: a day or a year alone says nothing of what happened then.
    // Lengths of time both named as a duration (`a duré`, `pendant`) need no such words.
    let lasting = fa.measure.is_some()
        && fa.measure == fb.measure
        && matches!(
            claims[a].value,
            Value::Quantity {
                unit: crate::claims::Unit::Seconds,
                ..
            }
        );
    // Nor two figures of one measure that both sentences give as of one year they name.
    let stated_year = |f: &Frame| f.as_of.as_ref().and_then(|x| x.year);
    let of_year = fa.measure.is_some()
        && fa.measure == fb.measure
        && stated_year(fa).is_some()
        && stated_year(fa) == stated_year(fb);
    // Both frames known and alike: the same measure attached to the same name (`170 km/h à
    // Lanvéoc`, `171 km/h à Lanvéoc`). Lists of readings per place make the sentences unlike
    // and leave nothing else beside the figures in common, but what each figure is about is
    // stated, so the pair is no longer a guess.
    let same_entity = match (&fa.entity, &fb.entity) {
        (Some(x), Some(y)) => crate::text::normalize::fold(x) == crate::text::normalize::fold(y),
        _ => false,
    };
    let framed = quantity && same_measure && same_entity;
    let apart = if lasting || of_year || framed {
        false
    } else if fa.scope.is_empty() || fb.scope.is_empty() {
        !quantity
    } else {
        !fa.scope.iter().any(|w| fb.scope.contains(w))
    };
    // A rank beside one figure that the other sentence does not name, though it names others.
    let ranks_differ = match (fa.rank, fb.rank) {
        (Some(x), Some(y)) => x != y,
        (Some(x), None) => !fb.ranks.is_empty() && !fb.ranks.contains(&x),
        (None, Some(y)) => !fa.ranks.is_empty() && !fa.ranks.contains(&y),
        (None, None) => false,
    };
    if apart || ranks_differ {
        return (VerdictKind::NeedsReview, sure, Why::Scope);
    }
    let sure = if framed {
        sure.max(FRAMED_CONFIDENCE)
    } else {
        sure
    };
    if sure < review_below {
        (VerdictKind::NeedsReview, sure, Why::Unsure)
    } else {
        (VerdictKind::Conflict, sure, Why::Contradiction)
    }
}

/// Whether two tallies of one measure come from one bulletin: their documents state another of
/// its figures alike.
fn one_bulletin(a: &Input, b: &Input) -> bool {
    let Some(measure) = a.frame.measure.as_deref() else {
        return false;
    };
    a.frame.measure == b.frame.measure
        && a.bulletin
            .shares_beyond(b.bulletin, measure, a.frame.entity.as_deref())
}

/// Whether figures in this value's unit measure one thing however the sentence words them.
fn one_measure(value: &Value) -> bool {
    matches!(
        value,
        Value::Quantity {
            unit: Unit::KilometresPerHour | Unit::Celsius | Unit::Magnitude,
            ..
        }
    )
}

/// How many times nearer than the paired figure a neighbour must be to count as stating it.
const NEARER: f64 = 10.0;

/// How sure a conflict between two copies of one text is: they are one text, so their figures
/// state one fact, whatever their sentences' similarity to the rest of the slot.
const REPRINT_CONFIDENCE: f64 = 0.9;

/// Similarity from which two sentences are alike but for their figures.
const ALIKE: f64 = 0.9;

/// Why a disjoint pair got its verdict; the slot's reason says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    Claimants,
    Reprint,
    OneClaimant,
    Superseded,
    AsOf,
    Current,
    Dates,
    SameDayTally,
    Measure,
    Entity,
    Neighbour,
    Scope,
    Unsure,
    Contradiction,
}

/// How many documents agree, and how many independent sources they are: copies of one text
/// count once.
fn agreement(claims: &[Input]) -> String {
    let mut docs: Vec<&str> = claims.iter().map(|c| c.document).collect();
    docs.sort_unstable();
    docs.dedup();
    let mut sources: Vec<usize> = claims.iter().map(|c| c.source).collect();
    sources.sort_unstable();
    sources.dedup();
    if sources.len() == docs.len() {
        format!("{} sources state the same value.", docs.len())
    } else {
        format!(
            "{} documents state the same value, but they are {} independent source{} (the others are copies of one text).",
            docs.len(),
            sources.len(),
            if sources.len() == 1 { "" } else { "s" }
        )
    }
}

/// The steps of a tally that moves one way with the reporting date, when every disjoint pair is
/// from different dates; `None` when the values do not order that way.
fn timeline(claims: &[Input], intervals: &[Interval], axis: Axis) -> Option<Vec<String>> {
    let mut by_date: Vec<(NaiveDate, Interval, &str)> = claims
        .iter()
        .zip(intervals)
        .map(|(c, i)| Some((c.published?, *i, c.document)))
        .collect::<Option<_>>()?;
    by_date.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.lo.total_cmp(&b.1.lo)));
    if by_date.first()?.0 == by_date.last()?.0 {
        return None;
    }
    // Values of one date must agree among themselves; across dates they move one way.
    let mut rising = true;
    let mut falling = true;
    for w in by_date.windows(2) {
        let (x, y) = (w[0].1, w[1].1);
        if w[0].0 == w[1].0 {
            // Values of one date must agree among themselves.
            x.intersect(y)?;
            continue;
        }
        rising &= y.lo >= x.lo && y.hi >= x.hi;
        falling &= y.lo <= x.lo && y.hi <= x.hi;
    }
    if !rising && !falling {
        return None;
    }
    Some(
        by_date
            .iter()
            .map(|(d, i, doc)| format!("{d}: {} ({doc})", axis.show(*i)))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Range, Unit};

    fn count(v: f64) -> Value {
        Value::Quantity {
            range: Range::exact(v),
            unit: Unit::Count,
        }
    }

    static NO_BULLETIN: Bulletin = Bulletin::empty();

    /// The frame of test claims: they all measure one thing, in words alike.
    static FRAME: std::sync::LazyLock<Frame> = std::sync::LazyLock::new(|| Frame {
        measure: Some("x".to_string()),
        scope: vec!["x".to_string()],
        ..Frame::default()
    });

    fn input<'a>(doc: &'a str, value: &'a Value, claimant: Option<&'a str>, day: u32) -> Input<'a> {
        // A claimant is compared in its frame's normalised form.
        let frame: &'static Frame = match claimant {
            None => &FRAME,
            Some(c) => Box::leak(Box::new(Frame {
                claimant: frame::claimant_key(crate::claims::lexicon_for(Some("fr")), c),
                ..FRAME.clone()
            })),
        };
        Input {
            sentence: "x",
            frame,
            source: doc.bytes().fold(0, |h, b| h * 31 + usize::from(b)),
            document: doc,
            words: "x",
            value,
            claimant,
            published: NaiveDate::from_ymd_opt(2024, 6, day),
            tally: false,
            bulletin: &NO_BULLETIN,
            entity_distinguishes: true,
        }
    }

    fn tally<'a>(doc: &'a str, value: &'a Value, day: u32) -> Input<'a> {
        Input {
            tally: true,
            ..input(doc, value, None, day)
        }
    }

    #[test]
    fn figures_are_read_as_rounded_to_their_last_digit() {
        // A rounder figure is a less precise statement of the same count.
        for (rough, exact) in [
            (670.0, 672.0),
            (48_750_000.0, 48_752_339.0),
            (1.2e6, 1_190_000.0),
        ] {
            let (a, b) = (count(rough), count(exact));
            let v = judge(
                &[input("a", &a, None, 1), input("b", &b, None, 1)],
                0.8,
                0.4,
            );
            assert_eq!(v.kind, VerdictKind::Precision, "{rough} / {exact}: {v:?}");
            assert!(
                v.arithmetic.iter().any(|s| s.contains("read as rounded")),
                "{v:?}"
            );
        }
        // Neighbouring last digits, and figures far beyond a round figure's rounding, conflict.
        for (x, y) in [(6.3, 6.4), (2000.0, 1832.0), (41.45, 41.46), (296.0, 310.0)] {
            let (a, b) = (count(x), count(y));
            let v = judge(
                &[input("a", &a, None, 1), input("b", &b, None, 1)],
                0.8,
                0.4,
            );
            assert_eq!(v.kind, VerdictKind::Conflict, "{x} / {y}: {v:?}");
        }
        assert_eq!(rounding(0.0), 0.0);
        assert!((rounding(670.0) - 4.95).abs() < 1e-9);
    }

    #[test]
    fn instrument_readings_are_stated_to_their_unit() {
        let reading = |v: f64, unit: Unit| Value::Quantity {
            range: Range::exact(v),
            unit,
        };
        // Two gusts of one place, 150 and 151 km/h, or 20 and 21 degrees: two readings.
        for (x, y, unit) in [
            (150.0, 151.0, Unit::KilometresPerHour),
            (20.0, 21.0, Unit::Celsius),
        ] {
            let (a, b) = (reading(x, unit), reading(y, unit));
            let v = judge(
                &[input("a", &a, None, 1), input("b", &b, None, 1)],
                0.8,
                0.4,
            );
            assert_eq!(v.kind, VerdictKind::Conflict, "{x} / {y}: {v:?}");
        }
        // A magnitude to the tenth still covers its own last digit only.
        let i = Interval::read(&reading(6.8, Unit::Magnitude));
        assert!(i.lo > 6.7 && i.hi < 6.9, "{i:?}");
        // Counts keep their rounding: 150 people may be 151.
        let i = Interval::read(&count(150.0));
        assert!(i.hi > 151.0, "{i:?}");
    }

    #[test]
    fn a_time_inside_a_night_or_a_day_differs_in_precision() {
        use crate::claims::{ClockRange, DateRange, Grain};
        let tuesday = NaiveDate::from_ymd_opt(2024, 6, 18);
        let wednesday = tuesday.and_then(|d| d.succ_opt());
        let night = Value::Clock(ClockRange {
            day: tuesday,
            from: 20 * 60,
            to: 30 * 60,
            grain: Grain::Hour,
        });
        let four_am = Value::Clock(ClockRange {
            day: wednesday,
            from: 4 * 60 - 30,
            to: 4 * 60 + 30,
            grain: Grain::Hour,
        });
        let v = judge(
            &[input("a", &night, None, 19), input("b", &four_am, None, 19)],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::Precision, "{v:?}");
        let day = Value::Date(DateRange::day(wednesday.unwrap()));
        let v = judge(
            &[input("a", &day, None, 19), input("b", &four_am, None, 19)],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::Precision, "{v:?}");
        let noon = Value::Clock(ClockRange {
            day: wednesday,
            from: 12 * 60,
            to: 12 * 60,
            grain: Grain::Hour,
        });
        let v = judge(
            &[input("a", &four_am, None, 19), input("b", &noon, None, 19)],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::Conflict, "{v:?}");
        assert!(
            v.arithmetic.iter().any(|a| a.contains("2024-06-19 12:00")),
            "{v:?}"
        );
    }

    #[test]
    fn equal_values_agree_and_overlaps_differ_in_precision() {
        let (a, b) = (count(7000.0), count(7000.0));
        let v = judge(
            &[input("a", &a, None, 1), input("b", &b, None, 1)],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::Agree);
        let around = Value::Quantity {
            range: Range::between(6000.0, 8000.0),
            unit: Unit::Count,
        };
        let v = judge(
            &[input("a", &a, None, 1), input("b", &around, None, 1)],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::Precision);
        assert!(
            v.arithmetic
                .iter()
                .any(|l| l.contains("meet in [6825, 7175]")),
            "{v:?}"
        );
    }

    #[test]
    fn disjoint_values_conflict_unless_claimants_or_dates_explain_them() {
        let (a, b) = (count(7000.0), count(9000.0));
        let v = judge(
            &[input("a", &a, None, 1), input("b", &b, None, 1)],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::Conflict);
        assert!(
            v.arithmetic
                .iter()
                .any(|l| l.contains("no value satisfies both"))
        );
        let v = judge(
            &[
                input("a", &a, Some("la police"), 1),
                input("b", &b, Some("la CGT"), 1),
            ],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::AttributedDifference);
        let v = judge(
            &[
                input("a", &a, Some("la police"), 1),
                input("b", &b, Some("La Police"), 1),
            ],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::Conflict);
        let v = judge(&[tally("a", &a, 1), tally("b", &b, 2)], 0.8, 0.4);
        assert_eq!(v.kind, VerdictKind::Timeline);
        // A figure that is no tally does not evolve: different days do not explain it.
        let v = judge(
            &[input("a", &a, None, 1), input("b", &b, None, 2)],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::Conflict);
        // A tally that falls is no timeline.
        let v = judge(&[tally("a", &b, 1), tally("b", &a, 2)], 0.8, 0.4);
        assert_eq!(v.kind, VerdictKind::Conflict);
        let v = judge(
            &[input("a", &a, None, 1), input("b", &b, None, 1)],
            0.3,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::NeedsReview);
    }

    #[test]
    fn a_tally_that_goes_back_and_forth_is_not_a_timeline() {
        let (a, b, c) = (count(10.0), count(30.0), count(20.0));
        let v = judge(
            &[tally("a", &a, 1), tally("b", &b, 2), tally("c", &c, 3)],
            0.8,
            0.4,
        );
        assert_eq!(v.kind, VerdictKind::Conflict);
    }
}
