//! Normalised values: every figure becomes an interval in a canonical unit, so that two claims
//! about the same fact compare by overlap whatever words each source used (in the spirit of
//! TIMEX3 and Duckling). An unbounded side is `None`.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Canonical units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A number of things (the noun says which).
    Count,
    Eur,
    Usd,
    Gbp,
    Chf,
    Cad,
    Aud,
    Hkd,
    Jpy,
    Cny,
    /// A franc whose country the text does not say (French before 2002, Swiss, CFA).
    Franc,
    Percent,
    /// Durations, in seconds.
    Seconds,
    Metres,
    SquareMetres,
    Litres,
    Kilograms,
    /// A rank (`80e anniversaire`).
    Ordinal,
    /// Temperatures, in degrees Celsius (Fahrenheit converted).
    Celsius,
    /// Speeds, in kilometres per hour.
    KilometresPerHour,
    /// Earthquake magnitudes (`magnitude 6,8`, `7 degrés sur l'échelle de Richter`).
    Magnitude,
}

impl Unit {
    /// The kind of claim a figure in this unit makes.
    pub fn kind(self) -> super::ClaimKind {
        use super::ClaimKind;
        match self {
            Unit::Count => ClaimKind::Count,
            Unit::Eur
            | Unit::Usd
            | Unit::Gbp
            | Unit::Chf
            | Unit::Cad
            | Unit::Aud
            | Unit::Hkd
            | Unit::Jpy
            | Unit::Cny
            | Unit::Franc => ClaimKind::Money,
            Unit::Percent => ClaimKind::Percent,
            Unit::Seconds => ClaimKind::Duration,
            Unit::Metres => ClaimKind::Distance,
            Unit::SquareMetres => ClaimKind::Surface,
            Unit::Litres => ClaimKind::Volume,
            Unit::Kilograms => ClaimKind::Weight,
            Unit::Celsius => ClaimKind::Temperature,
            Unit::KilometresPerHour => ClaimKind::Speed,
            Unit::Magnitude => ClaimKind::Magnitude,
            Unit::Ordinal => ClaimKind::Ordinal,
        }
    }

    pub fn is_money(self) -> bool {
        self.kind() == super::ClaimKind::Money
    }

    /// What a report writes after a figure: ISO 4217 codes for currencies, SI symbols.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Count => "",
            Unit::Eur => " EUR",
            Unit::Usd => " USD",
            Unit::Gbp => " GBP",
            Unit::Chf => " CHF",
            Unit::Cad => " CAD",
            Unit::Aud => " AUD",
            Unit::Hkd => " HKD",
            Unit::Jpy => " JPY",
            Unit::Cny => " CNY",
            Unit::Franc => " francs",
            Unit::Percent => " %",
            Unit::Seconds => " s",
            Unit::Metres => " m",
            Unit::SquareMetres => " m²",
            Unit::Litres => " L",
            Unit::Kilograms => " kg",
            Unit::Ordinal => " (rank)",
            Unit::Celsius => " °C",
            Unit::KilometresPerHour => " km/h",
            Unit::Magnitude => " (magnitude)",
        }
    }
}

/// How the source qualified the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modifier {
    Exact,
    /// `plus de`, `au-delà de`.
    MoreThan,
    /// `moins de`.
    LessThan,
    /// `au moins`, `pas moins de`.
    AtLeast,
    /// `jusqu'à`, `au plus`.
    AtMost,
    /// `environ`, `quelque`, `une quarantaine`: within 10% either side.
    Approx,
    /// `près de`, `presque`, `à peine`: a little under.
    Nearly,
}

/// Relative width of an approximation: "environ 40" covers 36–44.
pub const APPROX_WIDTH: f64 = 0.1;

/// A numeric interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lo: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hi: Option<f64>,
}

impl Range {
    pub fn exact(v: f64) -> Self {
        Range {
            lo: Some(v),
            hi: Some(v),
        }
    }

    pub fn between(lo: f64, hi: f64) -> Self {
        Range {
            lo: Some(lo),
            hi: Some(hi),
        }
    }

    /// As [`Range::modified`], for a unit whose values may fall below zero (temperatures):
    /// `moins de 0 degré` is open below. A reading that went `jusqu'à` a speed or a
    /// temperature (`le vent a soufflé jusqu'à 121 km/h`) reached it: the peak is the figure.
    pub fn modified_in(self, m: Modifier, unit: Unit) -> Self {
        let r = self.modified(m);
        match (unit, m) {
            (Unit::KilometresPerHour | Unit::Celsius, Modifier::AtMost) => self,
            (Unit::Celsius, Modifier::LessThan) => Range { lo: None, ..r },
            _ => r,
        }
    }

    /// Widens or bounds a range of the stated figure by the modifier.
    pub fn modified(self, m: Modifier) -> Self {
        let (lo, hi) = (self.lo, self.hi);
        match m {
            Modifier::Exact => self,
            Modifier::MoreThan | Modifier::AtLeast => Range { lo, hi: None },
            Modifier::LessThan | Modifier::AtMost => Range {
                lo: Some(0.0),
                hi: hi.or(lo),
            },
            Modifier::Approx => Range {
                lo: lo.map(|v| v * (1.0 - APPROX_WIDTH)),
                hi: hi.map(|v| v * (1.0 + APPROX_WIDTH)),
            },
            Modifier::Nearly => Range {
                lo: lo.map(|v| v * (1.0 - APPROX_WIDTH)),
                hi,
            },
        }
    }
}

/// Calendar grain of a date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// Times of day: to the minute (`15h30`) or the hour (`à 18 heures`).
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Season,
    Year,
    Decade,
    Century,
}

/// A calendar interval (inclusive bounds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    pub grain: Grain,
}

impl DateRange {
    pub fn day(d: NaiveDate) -> Self {
        DateRange {
            from: Some(d),
            to: Some(d),
            grain: Grain::Day,
        }
    }

    pub fn month(year: i32, month: u32) -> Option<Self> {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(DateRange {
            from: Some(from),
            to: next.pred_opt(),
            grain: Grain::Month,
        })
    }

    pub fn years(first: i32, last: i32, grain: Grain) -> Option<Self> {
        Some(DateRange {
            from: NaiveDate::from_ymd_opt(first, 1, 1),
            to: NaiveDate::from_ymd_opt(last, 12, 31),
            grain,
        })
        .filter(|r| r.from.is_some() && r.to.is_some())
    }

    pub fn year(year: i32) -> Option<Self> {
        Self::years(year, year, Grain::Year)
    }

    /// The year of a date at year grain.
    pub fn year_of(d: NaiveDate) -> Option<Self> {
        Self::year(d.year())
    }
}

/// A time of day, as minutes after midnight, both ends included (the end passes 1440 when a
/// night runs into the next day), on the day the text or the article gives, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ClockRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<NaiveDate>,
    #[serde(serialize_with = "hh_mm")]
    pub from: u32,
    #[serde(serialize_with = "hh_mm")]
    pub to: u32,
    pub grain: Grain,
}

/// `23:11`; past midnight, `+1 06:00`.
pub fn clock_text(minutes: u32) -> String {
    let (days, m) = (minutes / 1440, minutes % 1440);
    let time = format!("{:02}:{:02}", m / 60, m % 60);
    if days > 0 {
        format!("+{days} {time}")
    } else {
        time
    }
}

fn hh_mm<S: serde::Serializer>(minutes: &u32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&clock_text(*minutes))
}

/// The normalised value of a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Value {
    Quantity {
        #[serde(flatten)]
        range: Range,
        unit: Unit,
    },
    Date(DateRange),
    Clock(ClockRange),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modifiers_widen_or_bound() {
        let r = Range::exact(40.0);
        assert_eq!(
            r.modified(Modifier::MoreThan),
            Range {
                lo: Some(40.0),
                hi: None
            }
        );
        assert_eq!(r.modified(Modifier::LessThan), Range::between(0.0, 40.0));
        assert_eq!(r.modified(Modifier::Approx), Range::between(36.0, 44.0));
        assert_eq!(r.modified(Modifier::Nearly), Range::between(36.0, 40.0));
    }

    #[test]
    fn calendar_ranges() {
        let feb = DateRange::month(2024, 2).unwrap();
        assert_eq!(feb.to.unwrap().to_string(), "2024-02-29");
        let dec = DateRange::month(2023, 12).unwrap();
        assert_eq!(dec.to.unwrap().to_string(), "2023-12-31");
        assert_eq!(
            DateRange::years(2000, 2009, Grain::Decade)
                .unwrap()
                .to
                .unwrap()
                .to_string(),
            "2009-12-31"
        );
    }
}
