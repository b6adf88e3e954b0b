//! Every opening window of the supported range as absolute instants, with
//! prefix sums of business time.
//!
//! This is the fast path behind all business-time arithmetic. Business time
//! up to an instant is one index lookup by day, a scan of that day's few
//! windows and a subtraction; the instant at which an amount of business
//! time is reached is one index lookup by business time and a scan of two
//! or three prefix sums. Neither depends on how far apart the instants
//! are, and neither converts a time zone: local time only decided, once,
//! where the windows lie.
//!
//! Memory: 8 bytes per window (start and prefix sum, each a `u32` of
//! seconds from the range start, which fits the 105 years of the range),
//! 4 bytes per day of the range for the index by time (150 KiB), and 4 bytes
//! per bucket of the index by business time (about one bucket per window or
//! fewer). The Munich calendar has about 26 400 windows: about 450 KiB in
//! all, plus the zone's offset changes (210 for Europe/Berlin). Adjacent
//! windows are merged, so a calendar open around the clock holds one window.

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::holidays::HolidayRule;
use crate::range::{FIRST_YEAR, LAST_YEAR, end_day, first_day};
use crate::schedule::{OpeningWindow, WEEK, WeeklySchedule};
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
    /// Opening hours on paper, but a clock change skips all of them: a
    /// Sunday window 02:00-03:00 on the day summer time starts, or any
    /// window on Pacific/Apia's 2011-12-30, a date that never existed
    /// there. No business time, so not a business day.
    ClockChange,
}

impl DayKind {
    /// The one rule for what kind of day a date is: no opening hours on its
    /// weekday first, then a holiday, then a closure of the calendar's own.
    pub(crate) fn classify(has_hours: bool, holiday: bool, closure: bool) -> DayKind {
        if !has_hours {
            DayKind::NoHours
        } else if holiday {
            DayKind::Holiday
        } else if closure {
            DayKind::Closure
        } else {
            DayKind::Open
        }
    }
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
        let has_hours: Vec<bool> = WEEK.iter().map(|&d| schedule.day_secs(d) > 0).collect();
        let index = |date: NaiveDate| usize::try_from((date - first).num_days()).ok();
        let mut holiday = vec![false; count];
        let mut closure = vec![false; count];
        for year in FIRST_YEAR..=LAST_YEAR {
            for date in rules.iter().filter_map(|rule| rule.in_year(year)) {
                if let Some(day) = index(date).and_then(|i| holiday.get_mut(i)) {
                    *day = true;
                }
            }
        }
        for &date in closures {
            if let Some(day) = index(date).and_then(|i| closure.get_mut(i)) {
                *day = true;
            }
        }
        let kinds = (0..count)
            .map(|d| DayKind::classify(has_hours[weekday_index(d)], holiday[d], closure[d]))
            .collect();
        Days { kinds }
    }
}

/// Monday = 0 for the `d`-th day of the range; 1995-01-01 was a Sunday.
fn weekday_index(d: usize) -> usize {
    (d + 6) % 7
}

/// Local seconds (wall time counted as if it were UTC) at midnight of `date`.
pub(crate) fn local_midnight(date: NaiveDate) -> i64 {
    date.and_time(chrono::NaiveTime::MIN).and_utc().timestamp()
}

/// Calls `each(start, end)` with the opening windows of one local day (its
/// local `midnight`, its weekday's `windows`) as UTC seconds, by the
/// boundary rule of [`LocalToUtc::earliest`](crate::transitions::LocalToUtc):
/// windows a DST switch leaves empty are dropped, overlaps it creates are
/// clipped. The timeline and the explanation both place windows through
/// this one function.
pub(crate) fn for_each_window_utc(
    windows: &[OpeningWindow],
    transitions: &Transitions,
    midnight: i64,
    cursor: &mut usize,
    mut each: impl FnMut(i64, i64),
) {
    if let Some(offset) = transitions.offset_for_day(midnight, cursor) {
        // No DST switch near: every boundary moves by the same offset.
        let utc_midnight = midnight - offset;
        for w in windows {
            each(
                utc_midnight + i64::from(w.start.seconds_from_midnight()),
                utc_midnight + i64::from(w.end.seconds_from_midnight()),
            );
        }
        return;
    }
    let mut last_end = i64::MIN;
    for w in windows {
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
        if end > start {
            last_end = end;
            each(start, end);
        }
    }
}

/// For `k` in `0..count`, the index of the first element of the sorted
/// `values` that is at least `bound(k)` (`bound` increasing), in one sweep.
fn first_at_least(values: &[u32], count: i64, bound: impl Fn(i64) -> i64) -> Vec<u32> {
    let mut i = 0;
    (0..count)
        .map(|k| {
            let b = bound(k);
            while i < values.len() && i64::from(values[i]) < b {
                i += 1;
            }
            i as u32
        })
        .collect()
}

#[derive(Debug, Clone)]
pub(crate) struct Timeline {
    /// UTC seconds of local 1995-01-01T00:00; all offsets below count from it.
    pub(crate) base: i64,
    /// Length of the supported range in nanoseconds.
    pub(crate) len_ns: i64,
    /// `(start, cum)` of each window, then a sentinel `(u32::MAX, total)`:
    /// `start` in seconds from `base`, `cum` the business seconds before
    /// the window. Interleaved so that one lookup touches one cache line;
    /// a window's end is its start plus the next `cum` less its own.
    windows: Vec<(u32, u32)>,
    /// `by_day[k]`: the first window that ends after `k` days from `base`,
    /// so finding the window at an instant scans one day's windows instead
    /// of searching the whole table.
    by_day: Vec<u32>,
    /// `by_business[k]`: the first window `i` with `cum[i + 1] >= k <<
    /// business_shift`, the same shortcut for "where is business second
    /// p". The bucket is a power of two between one and two average
    /// windows long, so a lookup scans two or three windows at most.
    by_business: Vec<u32>,
    business_shift: u32,
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
        let week: Vec<&[OpeningWindow]> = WEEK.iter().map(|&d| schedule.windows(d)).collect();
        let open_days = days.kinds.iter().filter(|&&k| k == DayKind::Open).count();
        let capacity = open_days * week.iter().map(|w| w.len()).max().unwrap_or(1);
        let mut starts: Vec<u32> = Vec::with_capacity(capacity);
        let mut last_end: u32 = 0;
        let mut cum: Vec<u32> = Vec::with_capacity(capacity + 1);
        cum.push(0);
        let mut total: u32 = 0;
        for (d, &kind) in days.kinds.iter().enumerate() {
            if kind != DayKind::Open {
                continue;
            }
            let midnight = first_local + d as i64 * SECS_PER_DAY;
            let windows = week[weekday_index(d)];
            for_each_window_utc(windows, &transitions, midnight, &mut cursor, |s, e| {
                // Offsets from `base` fit u32: the range is < 136 years.
                let (s, e) = ((s - base) as u32, (e - base) as u32);
                let s = s.max(last_end);
                if e <= s {
                    return;
                }
                total += e - s;
                if !starts.is_empty() && last_end == s {
                    // Adjacent to the previous window (a day open until
                    // 24:00 followed by one open from 00:00): one window,
                    // so that no instant is both an end and a start.
                    if let Some(c) = cum.last_mut() {
                        *c = total;
                    }
                } else {
                    starts.push(s);
                    cum.push(total);
                }
                last_end = e;
            });
        }
        let ends: Vec<u32> = (0..starts.len())
            .map(|i| starts[i] + (cum[i + 1] - cum[i]))
            .collect();
        let len_secs = end - base;
        let by_day = first_at_least(&ends, len_secs / SECS_PER_DAY + 2, |k| k * SECS_PER_DAY + 1);
        let average = u64::from(total) / (starts.len().max(1) as u64);
        let business_shift = average.max(1).ilog2() + 1;
        let buckets = (i64::from(total) >> business_shift) + 2;
        let by_business = first_at_least(&cum[1..], buckets, |k| k << business_shift);
        let windows = starts
            .iter()
            .copied()
            .chain([u32::MAX])
            .zip(cum.iter().copied())
            .collect();
        Timeline {
            base,
            len_ns: len_secs * NANOS,
            windows,
            by_day,
            by_business,
            business_shift,
            transitions,
        }
    }

    /// Whether the local day `date` holds any business time. A day's
    /// windows lie between its local midnight and the next, each placed by
    /// the boundary rule of [`LocalToUtc::earliest`](crate::transitions::LocalToUtc),
    /// so this asks the table built by that same rule.
    pub(crate) fn has_business_time_on(&self, date: NaiveDate) -> bool {
        let mut cursor = 0;
        let mut at = |date: NaiveDate| {
            let utc = self
                .transitions
                .local_to_utc(local_midnight(date), &mut cursor)
                .earliest();
            ((utc - self.base) * NANOS).clamp(0, self.len_ns)
        };
        let start = at(date);
        let end = date.succ_opt().map_or(self.len_ns, at);
        self.business_before(end) > self.business_before(start)
    }

    /// Bytes held by the window tables.
    #[cfg(test)]
    pub(crate) fn table_bytes(&self) -> usize {
        let words = 2 * self.windows.len() + self.by_day.len() + self.by_business.len();
        words * 4
    }

    #[cfg(test)]
    pub(crate) fn window_count(&self) -> usize {
        self.count()
    }

    fn count(&self) -> usize {
        self.windows.len() - 1
    }

    fn start(&self, i: usize) -> u32 {
        self.windows[i].0
    }

    fn cum(&self, i: usize) -> u32 {
        self.windows[i].1
    }

    /// Index of the last window that starts at or before `t` (nanoseconds
    /// from `base`), if any.
    fn window_at_or_before(&self, t: i64) -> Option<usize> {
        let sec = t.div_euclid(NANOS);
        let day = usize::try_from(sec / SECS_PER_DAY).ok()?;
        // Windows before `by_day[day]` end, and so start, before `sec`.
        let mut i = *self.by_day.get(day)? as usize;
        while i < self.count() && i64::from(self.start(i)) <= sec {
            i += 1;
        }
        i.checked_sub(1)
    }

    fn start_ns(&self, i: usize) -> i64 {
        i64::from(self.start(i)) * NANOS
    }

    fn end_ns(&self, i: usize) -> i64 {
        i64::from(self.start(i) + (self.cum(i + 1) - self.cum(i))) * NANOS
    }

    /// Business nanoseconds from the start of the range up to `t`.
    pub(crate) fn business_before(&self, t: i64) -> i64 {
        match self.window_at_or_before(t) {
            None => 0,
            Some(i) => {
                let into = (t - self.start_ns(i)).min(self.end_ns(i) - self.start_ns(i));
                i64::from(self.cum(i)) * NANOS + into
            }
        }
    }

    /// The earliest instant at which the business time since the range
    /// start reaches `position` (> 0), or `None` past the range.
    pub(crate) fn instant_at(&self, position: i64) -> Option<i64> {
        // Window i holds position p when cum[i] < p <= cum[i + 1]; in whole
        // seconds that is cum[i + 1] >= ceil(p / 1s).
        let ceil_secs = position.div_euclid(NANOS) + i64::from(position.rem_euclid(NANOS) != 0);
        let bucket = usize::try_from(ceil_secs >> self.business_shift).ok()?;
        let mut i = *self.by_business.get(bucket)? as usize;
        while i < self.count() && i64::from(self.cum(i + 1)) < ceil_secs {
            i += 1;
        }
        (i < self.count()).then(|| self.start_ns(i) + position - i64::from(self.cum(i)) * NANOS)
    }

    /// chrono-tz's offset at `t` (nanoseconds from `base`), for handing
    /// results out in the calendar's zone without a time-zone lookup.
    pub(crate) fn zone_offset_at(&self, t: i64) -> chrono_tz::TzOffset {
        self.transitions
            .zone_offset_at(self.base + t.div_euclid(NANOS))
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
            Some(i) => (i + 1 < self.count()).then(|| self.start_ns(i + 1)),
            None => (self.count() > 0).then(|| self.start_ns(0)),
        }
    }

    /// The open parts of `[from, to)`, in order.
    pub(crate) fn windows_between(
        &self,
        from: i64,
        to: i64,
    ) -> impl Iterator<Item = (i64, i64)> + '_ {
        let first = match self.window_at_or_before(from) {
            Some(i) if self.end_ns(i) > from => i,
            Some(i) => i + 1,
            None => 0,
        };
        (first..self.count())
            .take_while(move |&i| self.start_ns(i) < to)
            .map(move |i| (self.start_ns(i).max(from), self.end_ns(i).min(to)))
            // Clipping to an empty or reversed span leaves nothing.
            .filter(|&(s, e)| s < e)
    }
}
