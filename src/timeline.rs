//! Every opening window of the supported range as absolute instants, with
//! prefix sums of business time.
//!
//! This is the fast path behind all business-time arithmetic. Business time
//! up to an instant is one binary search plus a subtraction; the instant at
//! which an amount of business time is reached is one binary search over
//! the prefix sums. Neither depends on how far apart the instants are, and
//! neither converts a time zone: local time only decided, once, where the
//! windows lie.
//!
//! Memory: 12 bytes per window (start, end, prefix sum, each a `u32` of
//! seconds from the range start, which fits the 105 years of the range).
//! The Munich calendar has about 26 400 windows, so about 310 KiB, plus the
//! zone's offset changes (about 210 for Europe/Berlin). Adjacent windows are
//! merged, so a calendar open around the clock holds one window.

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;

use crate::holidays::HolidayRule;
use crate::range::{FIRST_YEAR, LAST_YEAR, end_day, first_day};
use crate::schedule::WeeklySchedule;
use crate::transitions::Transitions;

pub(crate) const NANOS: i64 = 1_000_000_000;
const SECS_PER_DAY: i64 = 86_400;

/// Why a local day has no business time (or `Open` when it has some).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayKind {
    Open,
    NoHours,
    Holiday,
    Closure,
}

/// Local days of the supported range, with what kind of day each is.
#[derive(Debug, Clone)]
pub(crate) struct Days {
    kinds: Vec<DayKind>,
}

impl Days {
    pub(crate) fn new(
        schedule: &WeeklySchedule,
        rules: &[HolidayRule],
        closures: &[NaiveDate],
    ) -> Self {
        let count = (end_day() - first_day()).num_days() as usize;
        let first = first_day();
        let mut kinds: Vec<DayKind> = (0..count)
            .map(|d| {
                // 1995-01-01 was a Sunday.
                let weekday =
                    chrono::Weekday::try_from(((d + 6) % 7) as u8).unwrap_or(chrono::Weekday::Mon);
                if schedule.day_secs(weekday) == 0 {
                    DayKind::NoHours
                } else {
                    DayKind::Open
                }
            })
            .collect();
        let index = |date: NaiveDate| usize::try_from((date - first).num_days()).ok();
        for year in FIRST_YEAR..=LAST_YEAR {
            for rule in rules {
                if let Some(i) = rule.in_year(year).and_then(index) {
                    if kinds[i] == DayKind::Open {
                        kinds[i] = DayKind::Holiday;
                    }
                }
            }
        }
        for &date in closures {
            if let Some(i) = index(date).filter(|&i| i < count) {
                if kinds[i] == DayKind::Open {
                    kinds[i] = DayKind::Closure;
                }
            }
        }
        Days { kinds }
    }
}

/// Local seconds (wall time counted as if it were UTC) at midnight of `date`.
pub(crate) fn local_midnight(date: NaiveDate) -> i64 {
    date.and_time(chrono::NaiveTime::MIN).and_utc().timestamp()
}

/// The opening windows of one local day as UTC seconds, by the boundary
/// rule of [`LocalToUtc::earliest`](crate::transitions::LocalToUtc). Windows
/// that a DST switch leaves empty are dropped.
pub(crate) fn day_windows_utc(
    schedule: &WeeklySchedule,
    transitions: &Transitions,
    date: NaiveDate,
    cursor: &mut usize,
) -> impl Iterator<Item = (i64, i64)> {
    let midnight = local_midnight(date);
    let mut last_end = i64::MIN;
    let windows: Vec<(i64, i64)> = schedule
        .windows(date.weekday())
        .iter()
        .filter_map(|w| {
            let start = transitions
                .local_to_utc(
                    midnight + i64::from(w.start.seconds_from_midnight()),
                    cursor,
                )
                .earliest()
                .max(last_end);
            let end = transitions
                .local_to_utc(midnight + i64::from(w.end.seconds_from_midnight()), cursor)
                .earliest();
            (end > start).then(|| {
                last_end = end;
                (start, end)
            })
        })
        .collect();
    windows.into_iter()
}

#[derive(Debug, Clone)]
pub(crate) struct Timeline {
    /// UTC seconds of local 1995-01-01T00:00; all offsets below count from it.
    pub(crate) base: i64,
    /// Length of the supported range in nanoseconds.
    pub(crate) len_ns: i64,
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// `cum[i]`: business seconds before window `i`; `cum[n]` is the total.
    cum: Vec<u32>,
    pub(crate) transitions: Transitions,
}

impl Timeline {
    pub(crate) fn build(
        zone: Tz,
        schedule: &WeeklySchedule,
        rules: &[HolidayRule],
        closures: &[NaiveDate],
    ) -> Self {
        let first_local = local_midnight(first_day());
        let end_local = local_midnight(end_day());
        let transitions = Transitions::scan(
            zone,
            first_local - 3 * SECS_PER_DAY,
            end_local + 3 * SECS_PER_DAY,
        );
        let mut cursor = 0;
        let base = transitions
            .local_to_utc(first_local, &mut cursor)
            .earliest();
        let end = transitions.local_to_utc(end_local, &mut cursor).earliest();
        cursor = 0;
        let days = Days::new(schedule, rules, closures);
        let mut starts: Vec<u32> = Vec::new();
        let mut ends: Vec<u32> = Vec::new();
        let mut cum: Vec<u32> = vec![0];
        let mut total: u32 = 0;
        let mut date = first_day();
        for &kind in &days.kinds {
            if kind == DayKind::Open {
                for (s, e) in day_windows_utc(schedule, &transitions, date, &mut cursor) {
                    // Offsets from `base` fit u32: the range is < 136 years.
                    let (s, e) = ((s - base) as u32, (e - base) as u32);
                    let s = s.max(ends.last().copied().unwrap_or(0));
                    if e <= s {
                        continue;
                    }
                    total += e - s;
                    if ends.last() == Some(&s) {
                        // Adjacent to the previous window (a day open until
                        // 24:00 followed by one open from 00:00): one window,
                        // so that no instant is both an end and a start.
                        if let Some(last) = ends.last_mut() {
                            *last = e;
                        }
                        if let Some(last) = cum.last_mut() {
                            *last = total;
                        }
                    } else {
                        starts.push(s);
                        ends.push(e);
                        cum.push(total);
                    }
                }
            }
            date = date.succ_opt().unwrap_or(date);
        }
        Timeline {
            base,
            len_ns: (end - base) * NANOS,
            starts,
            ends,
            cum,
            transitions,
        }
    }

    /// Bytes held by the window tables.
    #[cfg(test)]
    pub(crate) fn table_bytes(&self) -> usize {
        (self.starts.len() + self.ends.len() + self.cum.len()) * 4
    }

    #[cfg(test)]
    pub(crate) fn window_count(&self) -> usize {
        self.starts.len()
    }

    /// Index of the last window that starts at or before `t` (nanoseconds
    /// from `base`), if any.
    fn window_at_or_before(&self, t: i64) -> Option<usize> {
        let sec = t.div_euclid(NANOS);
        let after = self.starts.partition_point(|&s| i64::from(s) <= sec);
        after.checked_sub(1)
    }

    fn start_ns(&self, i: usize) -> i64 {
        i64::from(self.starts[i]) * NANOS
    }

    fn end_ns(&self, i: usize) -> i64 {
        i64::from(self.ends[i]) * NANOS
    }

    /// Business nanoseconds from the start of the range up to `t`.
    pub(crate) fn business_before(&self, t: i64) -> i64 {
        match self.window_at_or_before(t) {
            None => 0,
            Some(i) => {
                let into = (t - self.start_ns(i)).min(self.end_ns(i) - self.start_ns(i));
                i64::from(self.cum[i]) * NANOS + into
            }
        }
    }

    /// The earliest instant at which the business time since the range
    /// start reaches `position` (> 0), or `None` past the range.
    pub(crate) fn instant_at(&self, position: i64) -> Option<i64> {
        // Window i holds position p when cum[i] < p <= cum[i + 1]; in whole
        // seconds that is cum[i + 1] >= ceil(p / 1s).
        let ceil_secs = position.div_euclid(NANOS) + i64::from(position.rem_euclid(NANOS) != 0);
        let i = self.cum[1..].partition_point(|&c| i64::from(c) < ceil_secs);
        (i < self.starts.len())
            .then(|| self.start_ns(i) + position - i64::from(self.cum[i]) * NANOS)
    }

    /// Whether `t` lies inside an opening window.
    pub(crate) fn is_open(&self, t: i64) -> bool {
        self.window_at_or_before(t)
            .is_some_and(|i| t < self.end_ns(i))
    }

    /// `t` itself when open, else the start of the next window.
    pub(crate) fn next_open(&self, t: i64) -> Option<i64> {
        match self.window_at_or_before(t) {
            Some(i) if t < self.end_ns(i) => Some(t),
            Some(i) => (i + 1 < self.starts.len()).then(|| self.start_ns(i + 1)),
            None => (!self.starts.is_empty()).then(|| self.start_ns(0)),
        }
    }

    /// The open parts of `[from, to)`, in order.
    pub(crate) fn windows_between(
        &self,
        from: i64,
        to: i64,
    ) -> impl Iterator<Item = (i64, i64)> + '_ {
        let first = self.ends.partition_point(|&e| i64::from(e) * NANOS <= from);
        (first..self.starts.len())
            .take_while(move |&i| self.start_ns(i) < to)
            .map(move |i| (self.start_ns(i).max(from), self.end_ns(i).min(to)))
    }
}
