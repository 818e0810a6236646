//! Dates with the precision the text supports: `2020`, `2020-10`, `2020-10-24`.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How much of a date the source actually states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Year => "year",
            DatePrecision::Month => "month",
            DatePrecision::Day => "day",
        }
    }
}

/// A calendar date known to year, month or day precision.
///
/// Serialised as ISO 8601 truncated to its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    /// 1..=12 when precision is Month or Day.
    pub month: Option<u8>,
    /// 1..=31 when precision is Day.
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A full date; `None` when it is not a real calendar day.
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        chrono::NaiveDate::from_ymd_opt(year, month.into(), day.into()).map(|_| PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The first calendar day this date can mean.
    pub fn start(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(
            self.year,
            self.month.unwrap_or(1).into(),
            self.day.unwrap_or(1).into(),
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD): {s:?}");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        match parts.as_slice() {
            [y] if y.len() == 4 => Ok(PartialDate::year(num(y)? as i32)),
            [y, m] if y.len() == 4 && m.len() == 2 => {
                PartialDate::month(num(y)? as i32, num(m)? as u8).ok_or_else(bad)
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                PartialDate::day(num(y)? as i32, num(m)? as u8, num(d)? as u8).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_each_precision() {
        for s in ["2020", "2020-10", "2020-10-24"] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(
            "2020-10".parse::<PartialDate>().unwrap().precision(),
            DatePrecision::Month
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!("2021-02-30".parse::<PartialDate>().is_err());
        assert!("2021-13".parse::<PartialDate>().is_err());
        assert!("21-01-01".parse::<PartialDate>().is_err());
        assert!("".parse::<PartialDate>().is_err());
    }
}
