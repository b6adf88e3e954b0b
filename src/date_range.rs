//! Inclusive ranges of local dates, as calendars are configured: a closure
//! week, special hours over a few days.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::error::{Reason, Result, shown};

/// The local dates from `first` to `last`, both included; one date when
/// they are equal.
///
/// Its text is a date, `2026-12-24`, or two dates joined by a slash (the
/// interval form of ISO 8601), `2026-12-24/2027-01-01`. That is how closures
/// and special hours are written in a JSON calendar. A `NaiveDate` or a
/// `first..=last` range converts into one, so the builder takes either.
///
/// Like [`DailyWindow`](crate::DailyWindow) it is plain data: a range
/// that ends before it starts is refused when a calendar is built (and when
/// its text is read).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use sla_clock::DateRange;
///
/// let shutdown: DateRange = "2026-12-24/2027-01-01".parse()?;
/// assert_eq!(shutdown.days(), 9);
/// assert!(shutdown.contains(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()));
/// let eve = DateRange::from(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap());
/// assert_eq!(eve.to_string(), "2026-12-24");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateRange {
    /// The first date of the range.
    pub first: NaiveDate,
    /// The last date of the range (included).
    pub last: NaiveDate,
}

impl DateRange {
    /// The dates from `first` to `last`, both included.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::DateRange;
    ///
    /// let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
    /// assert_eq!(DateRange::new(d(28), d(30)).to_string(), "2026-12-28/2026-12-30");
    /// ```
    pub const fn new(first: NaiveDate, last: NaiveDate) -> DateRange {
        DateRange { first, last }
    }

    /// Whether `date` lies in the range.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::DateRange;
    ///
    /// let week: DateRange = "2026-12-28/2027-01-03".parse()?;
    /// assert!(week.contains(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
    /// assert!(!week.contains(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }

    /// The number of dates in the range, 0 when it ends before it starts.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::DateRange;
    /// assert_eq!("2026-12-24".parse::<DateRange>()?.days(), 1);
    /// assert_eq!("2024-01-01/2024-12-31".parse::<DateRange>()?.days(), 366);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn days(&self) -> u64 {
        u64::try_from((self.last - self.first).num_days() + 1).unwrap_or(0)
    }

    /// The dates of the range, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::DateRange;
    /// let dates: Vec<String> = "2026-12-30/2027-01-01".parse::<DateRange>()?.iter().map(|d| d.to_string()).collect();
    /// assert_eq!(dates, ["2026-12-30", "2026-12-31", "2027-01-01"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let last = self.last;
        self.first.iter_days().take_while(move |&d| d <= last)
    }

    /// `Err` when the range ends before it starts.
    pub(crate) fn check_order(&self) -> Result<()> {
        if self.last < self.first {
            return Err(Reason::InvertedDateRange {
                range: format!("{}/{}", self.first, self.last),
            }
            .into());
        }
        Ok(())
    }
}

impl From<NaiveDate> for DateRange {
    fn from(date: NaiveDate) -> DateRange {
        DateRange::new(date, date)
    }
}

impl From<RangeInclusive<NaiveDate>> for DateRange {
    fn from(range: RangeInclusive<NaiveDate>) -> DateRange {
        let (first, last) = range.into_inner();
        DateRange::new(first, last)
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}/{}", self.first, self.last)
        }
    }
}

impl FromStr for DateRange {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<DateRange> {
        let invalid = || -> crate::Error { Reason::InvalidDateRange { input: shown(s) }.into() };
        let date = |text: &str| -> Result<NaiveDate> {
            // Digits and dashes only: chrono alone would also take a sign
            // or a year of any width.
            let plain = text.len() == 10 && text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
            if !plain {
                return Err(invalid());
            }
            text.parse().map_err(|_| invalid())
        };
        let range = match s.split_once('/') {
            None => DateRange::from(date(s)?),
            Some((first, last)) => DateRange::new(date(first)?, date(last)?),
        };
        range.check_order()?;
        Ok(range)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DateRange {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DateRange {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(crate::error::de)
    }
}

/// Disjoint ranges of dates, each with a value, where a later insertion
/// replaces what it overlaps: the builder's store for closures (value `()`)
/// and special hours (the day's windows). Kept as ranges, so a range
/// over decades costs one entry, not one per date.
#[derive(Debug, Clone)]
pub(crate) struct DateMap<V> {
    /// `first -> (last, value)`, disjoint.
    map: BTreeMap<NaiveDate, (NaiveDate, V)>,
    /// The number of dates covered.
    dates: u64,
}

impl<V> Default for DateMap<V> {
    fn default() -> Self {
        DateMap {
            map: BTreeMap::new(),
            dates: 0,
        }
    }
}

impl<V: Clone + PartialEq> DateMap<V> {
    /// How many dates the map covers.
    pub(crate) fn dates(&self) -> u64 {
        self.dates
    }

    /// How many dates of `range` the map covers already.
    pub(crate) fn covered(&self, range: DateRange) -> u64 {
        self.overlapping(range)
            .into_iter()
            .map(|first| {
                let last = self.map[&first].0;
                DateRange::new(first.max(range.first), last.min(range.last)).days()
            })
            .sum()
    }

    /// The keys of the entries that overlap `range`, in reverse order.
    fn overlapping(&self, range: DateRange) -> Vec<NaiveDate> {
        self.map
            .range(..=range.last)
            .rev()
            .take_while(|(_, (last, _))| *last >= range.first)
            .map(|(&first, _)| first)
            .collect()
    }

    /// Gives the dates of `range` (first <= last) the value `value`,
    /// replacing what they had.
    pub(crate) fn insert(&mut self, range: DateRange, value: V) {
        for first in self.overlapping(range) {
            let Some((last, old)) = self.map.remove(&first) else {
                continue;
            };
            self.dates -= DateRange::new(first, last).days();
            // The parts outside `range` keep their value.
            if let Some(before) = range.first.pred_opt().filter(|_| first < range.first) {
                self.put(DateRange::new(first, before), old.clone());
            }
            if let Some(after) = range.last.succ_opt().filter(|_| last > range.last) {
                self.put(DateRange::new(after, last), old);
            }
        }
        self.put(range, value);
    }

    fn put(&mut self, range: DateRange, value: V) {
        self.dates += range.days();
        self.map.insert(range.first, (range.last, value));
    }

    /// The entries in order, with neighbours that touch and hold the same
    /// value joined: one form for one meaning, so that equal calendars
    /// compare equal and write the same configuration.
    pub(crate) fn into_ranges(self) -> Vec<(DateRange, V)> {
        let mut out: Vec<(DateRange, V)> = Vec::with_capacity(self.map.len());
        for (first, (last, value)) in self.map {
            match out.last_mut() {
                Some((prev, v)) if *v == value && prev.last.succ_opt() == Some(first) => {
                    prev.last = last;
                }
                _ => out.push((DateRange::new(first, last), value)),
            }
        }
        out
    }

    /// Every entry, in order, as stored.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (DateRange, &V)> {
        self.map
            .iter()
            .map(|(&first, (last, v))| (DateRange::new(first, *last), v))
    }
}

/// The entry of the sorted, disjoint `ranges` that holds `date`, if any.
pub(crate) fn find<T>(
    ranges: &[T],
    range_of: impl Fn(&T) -> DateRange,
    date: NaiveDate,
) -> Option<&T> {
    let i = ranges.partition_point(|r| range_of(r).last < date);
    ranges.get(i).filter(|r| range_of(r).first <= date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn text_round_trips_and_refuses_what_is_not_a_date() {
        for text in [
            "2026-12-24",
            "2026-12-24/2027-01-01",
            "2026-12-24/2026-12-25",
        ] {
            assert_eq!(text.parse::<DateRange>().unwrap().to_string(), text);
        }
        // Equal ends are one date, written as one.
        assert_eq!(
            "2026-12-24/2026-12-24"
                .parse::<DateRange>()
                .unwrap()
                .to_string(),
            "2026-12-24"
        );
        for bad in [
            "",
            "2026-12-32",
            "2026-12-24/",
            "/2026-12-24",
            "+2026-12-24",
            "2026-1-24",
            "2026-12-24/2027-01-01/2027-01-02",
            "2026-12-24 ",
        ] {
            assert_eq!(
                bad.parse::<DateRange>().unwrap_err().to_string(),
                format!(
                    "invalid date or date range '{bad}'; expected YYYY-MM-DD or an inclusive range YYYY-MM-DD/YYYY-MM-DD"
                )
            );
        }
        assert_eq!(
            "2027-01-01/2026-12-24"
                .parse::<DateRange>()
                .unwrap_err()
                .to_string(),
            "date range 2027-01-01/2026-12-24 ends before it starts"
        );
    }

    #[test]
    fn later_insertions_win_and_touching_equal_ranges_join() {
        let mut map = DateMap::default();
        map.insert(DateRange::new(d(12, 1), d(12, 31)), 'a');
        map.insert(DateRange::from(d(12, 24)), 'b');
        assert_eq!(map.dates(), 31);
        map.insert(DateRange::new(d(12, 20), d(12, 22)), 'a');
        assert_eq!(map.covered(DateRange::new(d(11, 25), d(12, 2))), 2);
        let ranges = map.into_ranges();
        assert_eq!(
            ranges,
            vec![
                (DateRange::new(d(12, 1), d(12, 23)), 'a'),
                (DateRange::from(d(12, 24)), 'b'),
                (DateRange::new(d(12, 25), d(12, 31)), 'a'),
            ]
        );
        let mut map = DateMap::default();
        map.insert(DateRange::new(d(1, 5), d(1, 6)), ());
        map.insert(DateRange::new(d(1, 1), d(1, 3)), ());
        map.insert(DateRange::from(d(1, 4)), ());
        map.insert(DateRange::new(d(1, 2), d(1, 5)), ());
        assert_eq!(map.dates(), 6);
        assert_eq!(
            map.into_ranges(),
            vec![(DateRange::new(d(1, 1), d(1, 6)), ())]
        );
    }

    #[test]
    fn the_ends_of_chrono_are_no_problem() {
        let mut map = DateMap::default();
        map.insert(DateRange::new(NaiveDate::MIN, NaiveDate::MAX), 1);
        map.insert(DateRange::from(NaiveDate::MIN), 2);
        map.insert(DateRange::from(NaiveDate::MAX), 3);
        assert_eq!(map.into_ranges().len(), 3);
    }
}
