//! Every opening window of the supported range as absolute instants, with
//! prefix sums of business time, built one local year at a time on first
//! touch.
//!
//! This is the fast path behind all business-time arithmetic. Business time
//! up to an instant is one index lookup by day within its year, a scan of
//! that day's few windows and a subtraction; the instant at which an amount
//! of business time is reached is one index lookup by business time and a
//! scan of two or three prefix sums. Neither converts a time zone: local
//! time only decided, once per year, where the windows lie. A span over
//! several years adds each year's total, one load per year. Counting back
//! mirrors it. Each year also marks, as it places the windows, which of
//! its dates hold business time (a bit per date), so business-day dates
//! are a rank lookup too.
//!
//! Why per year: a service holds thousands of calendars (one per customer
//! contract) and asks most of them about the next few weeks. A year's
//! table costs a few microseconds and about 3 KiB for the Munich calendar
//! (8 bytes a window, 2 bytes a day for the index by time, 2 bytes a bucket
//! for the index by business time, the zone's offset changes of that year),
//! so memory grows with the years asked about, not with the range. Each
//! year is built once, behind a `OnceLock`: threads asking a fresh
//! calendar at once build each year once and read it without locks after.
//!
//! Instants are nanoseconds from [`EPOCH`](crate::units::EPOCH), two days
//! before local 1995-01-01T00:00 read as UTC ([`Instant`]).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI32, AtomicI64, Ordering};

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Timelike,
};
use chrono_tz::Tz;

use crate::date_range::{DateRange, find};
use crate::error::{Reason, Result, Shown, shown};
use crate::holidays::HolidayRule;
use crate::range::{FIRST_YEAR, LAST_YEAR};
use crate::schedule::{DailyWindow, TimeOfDay, WeeklySchedule};
use crate::special_hours::SpecialHours;
use crate::transitions::{LocalToUtc, Transitions};
use crate::units::{BusinessNanos, Instant, LocalSecs, Nanos, SECS_PER_DAY, Secs, Span, UtcSecs};

/// Years in the supported range.
const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// The range start as if every zone were UTC: local 1995-01-01T00:00 read
/// as UTC (788 918 400).
const NOMINAL_START: Instant = Instant::from_utc(UtcSecs::new(788_918_400));

/// The range end as if every zone were UTC: local 2100-01-01T00:00 read as
/// UTC (4 102 444 800).
const NOMINAL_END: Instant = Instant::from_utc(UtcSecs::new(4_102_444_800));

// Seconds from EPOCH up to the range end must fit the u32 of the tables.
const _: () = assert!(NOMINAL_END.secs() + 2 * SECS_PER_DAY < u32::MAX as i64);
// A year has at most 366 × 24 windows (limits::MAX_WINDOWS_PER_DAY), which
// the u16 indexes hold.
const _: () = assert!(366 * crate::limits::MAX_WINDOWS_PER_DAY < u16::MAX as usize);

/// Why a local day has no business time (or `Open` when it has some).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayKind {
    Open,
    NoHours,
    Holiday,
    Closure,
    /// Special hours with no windows.
    SpecialClosed,
    /// Opening hours on paper, but a clock change skips all of them: a
    /// Sunday window 02:00-03:00 on the day summer time starts, or any
    /// window on Pacific/Apia's 2011-12-30, a date that never existed
    /// there. No business time, so not a business day.
    ClockChange,
}

impl DayKind {
    /// The one rule for what kind of day a date is (documented for users
    /// on [`Calendar`](crate::Calendar#which-hours-apply-on-a-date)):
    /// special hours for the date first (`special` tells whether they have
    /// windows), whatever else holds; then no opening hours on its weekday,
    /// then a holiday, then a closure of the calendar's own.
    pub(crate) fn classify(
        special: Option<bool>,
        has_hours: bool,
        holiday: bool,
        closure: bool,
    ) -> DayKind {
        if let Some(open) = special {
            if open {
                DayKind::Open
            } else {
                DayKind::SpecialClosed
            }
        } else if !has_hours {
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

/// A window boundary as seconds after local midnight.
fn since_midnight(t: TimeOfDay) -> Secs {
    Secs::new(i64::from(t.seconds_from_midnight()))
}

/// Calls `each(start, end)` with the opening windows of one local day (its
/// local `midnight`, its weekday's `windows`) as UTC seconds, by the
/// boundary rule of [`LocalToUtc::earliest`](crate::transitions::LocalToUtc):
/// windows a DST switch leaves empty are dropped, overlaps it creates are
/// clipped. The tables and the explanation both place windows through
/// this one function.
fn for_each_window_utc(
    windows: &[DailyWindow],
    transitions: &Transitions,
    midnight: LocalSecs,
    cursor: &mut usize,
    mut each: impl FnMut(UtcSecs, UtcSecs),
) {
    if let Some(offset) = transitions.offset_for_day(midnight, cursor) {
        // No DST switch near: every boundary moves by the same offset.
        let utc_midnight = midnight.to_utc(offset);
        for w in windows {
            each(
                utc_midnight + since_midnight(w.start),
                utc_midnight + since_midnight(w.end),
            );
        }
        return;
    }
    let mut last_end = UtcSecs::MIN;
    for w in windows {
        let start = transitions
            .local_to_utc(midnight + since_midnight(w.start), cursor)
            .earliest()
            .max(last_end);
        let end = transitions
            .local_to_utc(midnight + since_midnight(w.end), cursor)
            .earliest();
        if end > start {
            last_end = end;
            each(start, end);
        }
    }
}

/// For `k` in `0..count`, the index of the first element of the sorted
/// `values` that is at least `bound(k)` (`bound` increasing), in one sweep.
fn first_at_least(values: &[u32], count: i64, bound: impl Fn(i64) -> i64) -> Vec<u16> {
    let mut i = 0;
    (0..count)
        .map(|k| {
            let b = bound(k);
            while i < values.len() && i64::from(values[i]) < b {
                i += 1;
            }
            // At most one index per window of a year; see the assertion
            // on the limits above.
            i as u16
        })
        .collect()
}

/// The days from 1995-01-01 to 1 January of year `k` of the range (0 for
/// 1995, up to 105 for the year after it). Every fourth year from 1996 is
/// a leap year, 2000 included and 2100 out of range, so no table is needed.
const fn year_start_day(k: usize) -> i64 {
    365 * k as i64 + (k as i64 + 2) / 4
}

/// The year (0 for 1995) of the `days`-th day from 1995-01-01, clamped
/// into the range.
#[inline]
fn year_of_day(days: i64) -> usize {
    // 1 461 days in four years: right, or one year late, and the check
    // corrects it.
    let k = ((days.max(0) * 4 + 4) / 1461).min(YEARS as i64 - 1) as usize;
    if k > 0 && year_start_day(k) > days {
        k - 1
    } else {
        k
    }
}

/// The lazily built years of one calendar. It lives in the calendar and
/// is shared by its clones.
pub(crate) struct Years {
    tables: Box<[OnceLock<Box<Year>>]>,
    /// Each year's business nanoseconds once its table is built, -1
    /// before: side by side, so that a span over decades adds them up
    /// from a few cache lines instead of visiting every year's table.
    totals: Box<[AtomicI64]>,
    /// Each year's business days once built, -1 before, side by side for
    /// the same reason.
    day_counts: Box<[AtomicI32]>,
}

impl Years {
    pub(crate) fn new() -> Years {
        Years {
            tables: (0..YEARS).map(|_| OnceLock::new()).collect(),
            totals: (0..YEARS)
                .map(|_| AtomicI64::new(UNBUILT.as_nanos()))
                .collect(),
            day_counts: (0..YEARS).map(|_| AtomicI32::new(-1)).collect(),
        }
    }

    /// Heap bytes of the years built so far.
    #[cfg(test)]
    pub(crate) fn built(&self) -> Vec<usize> {
        self.tables
            .iter()
            .filter_map(|y| y.get())
            .map(|y| y.bytes())
            .collect()
    }
}

/// A year's entry in [`Years::totals`] before its table is built.
const UNBUILT: BusinessNanos = BusinessNanos::from_nanos(-1);

/// An entry of [`Years::totals`]: a year's business time, or [`UNBUILT`].
#[inline]
fn load(total: &AtomicI64) -> BusinessNanos {
    BusinessNanos::from_nanos(total.load(Ordering::Relaxed))
}

/// The calendar's definition with its lazily built years: what the
/// arithmetic asks. Cheap to make, one per query.
#[derive(Clone, Copy)]
pub(crate) struct Timeline<'a> {
    pub(crate) zone: Tz,
    pub(crate) schedule: &'a WeeklySchedule,
    pub(crate) rules: &'a [HolidayRule],
    /// Sorted, disjoint, touching ranges joined.
    pub(crate) closures: &'a [DateRange],
    /// Sorted, disjoint.
    pub(crate) special: &'a [SpecialHours],
    pub(crate) years: &'a Years,
}

impl<'a> Timeline<'a> {
    #[inline]
    fn year(&self, k: usize) -> &'a Year {
        self.years.tables[k].get_or_init(|| {
            let year = Year::build(self, FIRST_YEAR + k as i32);
            // Only numbers: readers that see -1 ask the table instead.
            self.years.totals[k].store(year.total.as_nanos(), Ordering::Relaxed);
            self.years.day_counts[k].store(year.business_days as i32, Ordering::Relaxed);
            Box::new(year)
        })
    }

    /// Business time in year `k`.
    #[inline]
    fn total(&self, k: usize) -> BusinessNanos {
        match load(&self.years.totals[k]) {
            UNBUILT => self.year(k).total,
            total => total,
        }
    }

    /// Business days in year `k`.
    #[inline]
    fn day_count(&self, k: usize) -> i64 {
        match self.years.day_counts[k].load(Ordering::Relaxed) {
            -1 => i64::from(self.year(k).business_days),
            count => i64::from(count),
        }
    }

    /// The year holding instant `t` (clamped into the range).
    #[inline]
    fn year_index(&self, t: Instant) -> usize {
        // Days since local 1995-01-01 as if the zone were UTC: off by the
        // zone's offset (under a day) at most, so only an instant within a
        // day of 1 January needs the exact turn of the year.
        let days = (t - NOMINAL_START).div_euclid(Nanos::days(1));
        let k = year_of_day(days);
        if days - year_start_day(k) >= 1 && year_start_day(k + 1) - days >= 2 {
            return k;
        }
        let year = self.year(k);
        if t < year.start && k > 0 {
            k - 1
        } else if t >= year.end && k + 1 < YEARS {
            k + 1
        } else {
            k
        }
    }

    /// The first instant of the supported range.
    pub(crate) fn start(&self) -> Instant {
        self.year(0).start
    }

    /// The first instant after the supported range.
    pub(crate) fn end(&self) -> Instant {
        self.year(YEARS - 1).end
    }

    /// Whether `t` lies in the supported range; only instants within days
    /// of its ends build the first or the last year to find out.
    #[inline]
    pub(crate) fn contains(&self, t: Instant) -> bool {
        if t < NOMINAL_START + Nanos::days(2) {
            t >= self.start()
        } else if t > NOMINAL_END - Nanos::days(2) {
            t < self.end()
        } else {
            true
        }
    }

    /// `t` moved into the supported range (its end included).
    pub(crate) fn clamp(&self, t: Instant) -> Instant {
        if t < NOMINAL_START + Nanos::days(2) {
            t.max(self.start())
        } else if t > NOMINAL_END - Nanos::days(2) {
            t.min(self.end())
        } else {
            t
        }
    }

    /// Business time in `[a, b)`, for `a <= b` in the range.
    pub(crate) fn business_between(&self, a: Instant, b: Instant) -> BusinessNanos {
        let ka = self.year_index(a);
        let ya = self.year(ka);
        if b <= ya.end {
            return ya.business_before(b) - ya.business_before(a);
        }
        let kb = self.year_index(b);
        let yb = self.year(kb);
        let between: BusinessNanos = (ka + 1..kb).map(|k| self.total(k)).sum();
        ya.total - ya.business_before(a) + between + yb.business_before(b)
    }

    /// The earliest instant `t >= from` with `amount` (> 0) of business
    /// time in `[from, t)`, or `None` past the range.
    pub(crate) fn advance(&self, from: Instant, amount: BusinessNanos) -> Option<Located<'a>> {
        let k = self.year_index(from);
        let year = self.year(k);
        let mut position = year.business_before(from).checked_add(amount)?;
        // At exactly the year's total this is the end of its last window:
        // a deadline that fills a day is that day's close.
        if position <= year.total {
            return year.instant_at(position).map(|t| Located { t, year });
        }
        position -= year.total;
        let mut next = k + 1;
        // Eight years at a time while they are built and not enough: a
        // deadline decades away costs a few additions, not one per year.
        for eight in self.years.totals[next..].chunks_exact(8) {
            // Each loaded once: another thread may build a year meanwhile.
            let totals = eight.iter().map(load);
            let (sum, unbuilt) = totals.fold((BusinessNanos::ZERO, false), |(sum, unbuilt), t| {
                (sum + t, unbuilt || t < BusinessNanos::ZERO)
            });
            if unbuilt || position <= sum {
                break;
            }
            position -= sum;
            next += 8;
        }
        for (k, total) in self.years.totals.iter().enumerate().skip(next) {
            let total = match load(total) {
                UNBUILT => self.year(k).total,
                total => total,
            };
            if position <= total {
                let year = self.year(k);
                return year.instant_at(position).map(|t| Located { t, year });
            }
            position -= total;
        }
        None
    }

    /// The latest instant `t <= to` with `amount` (> 0) of business time
    /// in `[t, to)`, or `None` before the range: [`Timeline::advance`]
    /// mirrored, one lookup by business time in the year that holds the
    /// answer, and the years between skipped by their totals.
    pub(crate) fn retreat(&self, to: Instant, amount: BusinessNanos) -> Option<Located<'a>> {
        let k = self.year_index(to);
        let year = self.year(k);
        // Business time from the start of the year to the answer; below
        // zero, the answer lies in an earlier year.
        let mut position = year.business_before(to).checked_sub(amount)?;
        if position >= BusinessNanos::ZERO {
            return year.instant_from(position).map(|t| Located { t, year });
        }
        // Years `..before` are left to search, eight at a time while they
        // are built and not enough.
        let mut before = k;
        while before >= 8 {
            let totals = self.years.totals[before - 8..before].iter().map(load);
            let (sum, unbuilt) = totals.fold((BusinessNanos::ZERO, false), |(sum, unbuilt), t| {
                (sum + t, unbuilt || t < BusinessNanos::ZERO)
            });
            // At exactly zero the answer is the first opening of the
            // earliest of the eight: not to be skipped.
            if unbuilt || position + sum >= BusinessNanos::ZERO {
                break;
            }
            position += sum;
            before -= 8;
        }
        for k in (0..before).rev() {
            position += self.total(k);
            // Emptying a year exactly lands at its first opening, the
            // mirror of a deadline that fills a day ending at its close.
            if position >= BusinessNanos::ZERO {
                let year = self.year(k);
                return year.instant_from(position).map(|t| Located { t, year });
            }
        }
        None
    }

    /// The last window of the tables that starts at or before `t`
    /// (`from <= t`).
    fn table_window_at_or_before(&self, t: Instant) -> Option<Span> {
        (0..=self.year_index(t)).rev().find_map(|k| {
            let year = self.year(k);
            year.window_at_or_before(t).map(|i| year.window(i))
        })
    }

    /// The first window of the tables that starts at or after `t`.
    fn table_window_from(&self, t: Instant) -> Option<Span> {
        (self.year_index(t)..YEARS).find_map(|k| {
            let year = self.year(k);
            let i = match year.window_at_or_before(t) {
                Some(i) if year.start_ns(i) == t => i,
                Some(i) => i + 1,
                None => 0,
            };
            (i < year.count()).then(|| year.window(i))
        })
    }

    /// The window joined with those that touch it across the turn of a
    /// year (within a year the tables join them already), as
    /// [`Timeline::windows_between`] does: one stretch of open time.
    fn joined(&self, mut window: Span) -> Span {
        while let Some(w) = self.table_window_at_or_before(window.from - Nanos::ONE) {
            if w.to != window.from {
                break;
            }
            window.from = w.from;
        }
        while let Some(w) = self.table_window_from(window.to) {
            if w.from != window.to {
                break;
            }
            window.to = w.to;
        }
        window
    }

    /// The stretch of open time that starts at or before `t`.
    fn open_at_or_before(&self, t: Instant) -> Option<Span> {
        self.table_window_at_or_before(t).map(|w| self.joined(w))
    }

    /// The end of the open stretch that holds `t`, or, when closed at
    /// `t`, of the next one; `None` when that is not inside the range.
    pub(crate) fn next_close(&self, t: Instant) -> Option<Instant> {
        let end = match self.open_at_or_before(t) {
            Some(open) if t < open.to => open.to,
            _ => self.joined(self.table_window_from(t)?).to,
        };
        self.contains(end).then_some(end)
    }

    /// The start of the open stretch that holds `t`, or, when closed at
    /// `t`, of the last one before it.
    pub(crate) fn previous_open(&self, t: Instant) -> Option<Instant> {
        self.open_at_or_before(t).map(|open| open.from)
    }

    /// The last closing at or before `t`: the end of the last open
    /// stretch that ends by `t`.
    pub(crate) fn previous_close(&self, t: Instant) -> Option<Instant> {
        let open = self.open_at_or_before(t)?;
        if open.to <= t {
            return Some(open.to);
        }
        self.open_at_or_before(open.from - Nanos::ONE)
            .map(|before| before.to)
    }

    /// The instant `t` with the year that holds it.
    #[inline]
    pub(crate) fn locate(&self, t: Instant) -> Located<'a> {
        Located {
            t,
            year: self.year(self.year_index(t)),
        }
    }

    /// Whether `t` lies inside an opening window.
    pub(crate) fn is_open(&self, t: Instant) -> bool {
        self.year(self.year_index(t)).is_open(t)
    }

    /// `t` itself when open, else the start of the next window.
    pub(crate) fn next_open(&self, t: Instant) -> Option<Instant> {
        (self.year_index(t)..YEARS).find_map(|k| self.year(k).next_open(t))
    }

    /// The open parts of `[from, to)`, in order; windows that touch across
    /// the turn of a year are joined, as within one.
    pub(crate) fn windows_between(&self, from: Instant, to: Instant) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        if from >= to {
            return out;
        }
        for k in self.year_index(from)..=self.year_index(to) {
            for w in self.year(k).windows_between(from, to) {
                match out.last_mut() {
                    Some(last) if last.to == w.from => last.to = w.to,
                    _ => out.push(w),
                }
            }
        }
        out
    }

    /// Calls `each` with the opening windows of the local day `date` (in
    /// the range) as they lie in absolute time, whatever kind of day it is.
    pub(crate) fn for_each_window_on(&self, date: NaiveDate, mut each: impl FnMut(Span)) {
        let year = self.year((date.year() - FIRST_YEAR) as usize);
        let mut cursor = 0;
        for_each_window_utc(
            self.windows_on(date),
            &year.transitions,
            LocalSecs::midnight(date),
            &mut cursor,
            |s, e| {
                each(Span {
                    from: Instant::from_utc(s),
                    to: Instant::from_utc(e),
                })
            },
        );
    }

    /// Whether the local day `date` (in the range) holds any business
    /// time. A day's windows lie between its local midnight and the next,
    /// each placed by the same boundary rule as the tables, so this asks
    /// the table of its year.
    pub(crate) fn has_business_time_on(&self, date: NaiveDate) -> bool {
        let year = self.year((date.year() - FIRST_YEAR) as usize);
        let mut cursor = 0;
        let mut at = |date: NaiveDate| {
            let utc = year
                .transitions
                .local_to_utc(LocalSecs::midnight(date), &mut cursor)
                .earliest();
            Instant::from_utc(utc).clamp(year.start, year.end)
        };
        let start = at(date);
        let end = date.succ_opt().map_or(year.end, at);
        year.business_before(end) > year.business_before(start)
    }

    /// The year (0 for 1995) and the day of the year (0 for 1 January) of
    /// a date in the range.
    fn day_of(date: NaiveDate) -> (usize, usize) {
        (
            (date.year() - FIRST_YEAR) as usize,
            date.ordinal0() as usize,
        )
    }

    /// The date of day `day` (0 for 1 January) of year `k`.
    fn date_of(k: usize, day: usize) -> Option<NaiveDate> {
        NaiveDate::from_yo_opt(FIRST_YEAR + k as i32, day as u32 + 1)
    }

    /// Whether the date (in the range) holds business time: the year's
    /// table says, as it placed the date's windows.
    pub(crate) fn is_business_day(&self, date: NaiveDate) -> bool {
        let (k, day) = Self::day_of(date);
        self.year(k).is_business_day(day)
    }

    /// The business days from `first` to `last` (both in the range,
    /// `first <= last`), both included: two counts in their years and the
    /// side-by-side counts of the years between.
    pub(crate) fn count_business_days(&self, first: NaiveDate, last: NaiveDate) -> i64 {
        let ((ka, da), (kb, db)) = (Self::day_of(first), Self::day_of(last));
        let (ya, yb) = (self.year(ka), self.year(kb));
        let before_first = ya.business_days_through(da) - i64::from(ya.is_business_day(da));
        if ka == kb {
            return ya.business_days_through(db) - before_first;
        }
        let between: i64 = (ka + 1..kb).map(|k| self.day_count(k)).sum();
        i64::from(ya.business_days) - before_first + between + yb.business_days_through(db)
    }

    /// The `n`-th business day after `date` (`n > 0`) or the `-n`-th
    /// before it (`n < 0`), the date itself not counted; for `n == 0`,
    /// `date` when it is a business day, else the next. `None` outside
    /// the range. One rank lookup in the year of the answer; the years
    /// between are skipped by their counts, eight at a time while built.
    pub(crate) fn add_business_days(&self, date: NaiveDate, n: i64) -> Option<NaiveDate> {
        let (k, day) = Self::day_of(date);
        let year = self.year(k);
        if n == 0 && year.is_business_day(day) {
            return Some(date);
        }
        let through = year.business_days_through(day);
        // The rank (from 1) in year k of the day sought.
        let (mut rank, mut k) = if n >= 0 {
            (through + n.max(1), k)
        } else {
            (through - i64::from(year.is_business_day(day)) + n + 1, k)
        };
        let counts = &self.years.day_counts;
        if n >= 0 {
            while rank > self.day_count(k) {
                rank -= self.day_count(k);
                k += 1;
                // Eight years at a time while built and not enough.
                while let Some(eight) = counts.get(k..k + 8) {
                    let loaded = eight.iter().map(|c| c.load(Ordering::Relaxed));
                    let (sum, unbuilt) = loaded.fold((0, false), |(sum, unbuilt), c| {
                        (sum + i64::from(c), unbuilt || c < 0)
                    });
                    if unbuilt || rank <= sum {
                        break;
                    }
                    rank -= sum;
                    k += 8;
                }
                if k >= YEARS {
                    return None;
                }
            }
        } else {
            while rank < 1 {
                while k >= 8 {
                    let loaded = counts[k - 8..k].iter().map(|c| c.load(Ordering::Relaxed));
                    let (sum, unbuilt) = loaded.fold((0, false), |(sum, unbuilt), c| {
                        (sum + i64::from(c), unbuilt || c < 0)
                    });
                    if unbuilt || rank + sum >= 1 {
                        break;
                    }
                    rank += sum;
                    k -= 8;
                }
                k = k.checked_sub(1)?;
                rank += self.day_count(k);
            }
        }
        let day = self.year(k).nth_business_day(rank)?;
        Self::date_of(k, day)
    }

    /// The special hours that hold `date`, if any.
    pub(crate) fn special_on(&self, date: NaiveDate) -> Option<&'a SpecialHours> {
        find(self.special, |s| s.dates, date)
    }

    /// Whether `date` is one of the calendar's own closures.
    pub(crate) fn is_closure(&self, date: NaiveDate) -> bool {
        find(self.closures, |&r| r, date).is_some()
    }

    /// The local windows that apply on `date`: its special hours, or its
    /// weekday's. Whether the date opens at all is [`DayKind::classify`]'s
    /// to say.
    pub(crate) fn windows_on(&self, date: NaiveDate) -> &'a [DailyWindow] {
        match self.special_on(date) {
            Some(special) => &special.windows,
            None => self.schedule.windows(date.weekday()),
        }
    }

    /// What kind of day `date` (in the range) is, when the caller already
    /// knows whether it is a holiday: the rule the year's tables follow,
    /// with [`DayKind::ClockChange`] for a day whose windows a clock change
    /// skips.
    pub(crate) fn day_kind(&self, date: NaiveDate, holiday: bool) -> DayKind {
        match DayKind::classify(
            self.special_on(date).map(|s| !s.windows.is_empty()),
            !self.schedule.windows(date.weekday()).is_empty(),
            holiday,
            self.is_closure(date),
        ) {
            DayKind::Open if !self.has_business_time_on(date) => DayKind::ClockChange,
            kind => kind,
        }
    }

    /// What kind of day each date of `year` is, from 1 January on, with
    /// the local windows that apply on it.
    fn day_plan(
        &self,
        year: i32,
        first: NaiveDate,
        count: usize,
    ) -> Vec<(DayKind, &'a [DailyWindow])> {
        let index = |date: NaiveDate| usize::try_from((date - first).num_days()).ok();
        let last = first + chrono::Days::new(count.saturating_sub(1) as u64);
        let mut holiday = vec![false; count];
        let mut closure = vec![false; count];
        let mut special: Vec<Option<&'a [DailyWindow]>> = vec![None; count];
        for date in self.rules.iter().filter_map(|rule| rule.in_year(year)) {
            if let Some(day) = index(date).and_then(|i| holiday.get_mut(i)) {
                *day = true;
            }
        }
        // Each range clipped to the year: a closure over decades marks
        // this year's dates only.
        // (Only ranges that overlap the year are clipped.)
        let clipped = |r: DateRange| {
            let day = |date: NaiveDate| (date - first).num_days().max(0) as usize;
            day(r.first.max(first))..=day(r.last.min(last))
        };
        let from = self.closures.partition_point(|r| r.last < first);
        for &r in self.closures[from..].iter().take_while(|r| r.first <= last) {
            for day in closure.get_mut(clipped(r)).into_iter().flatten() {
                *day = true;
            }
        }
        let from = self.special.partition_point(|s| s.dates.last < first);
        for s in self.special[from..]
            .iter()
            .take_while(|s| s.dates.first <= last)
        {
            for day in special.get_mut(clipped(s.dates)).into_iter().flatten() {
                *day = Some(&s.windows);
            }
        }
        let mut weekday = first.weekday();
        (0..count)
            .map(|d| {
                let weekly = self.schedule.windows(weekday);
                weekday = weekday.succ();
                let kind = DayKind::classify(
                    special[d].map(|w| !w.is_empty()),
                    !weekly.is_empty(),
                    holiday[d],
                    closure[d],
                );
                (kind, special[d].unwrap_or(weekly))
            })
            .collect()
    }
}

/// chrono's instants into and out of the timeline's [`Instant`]s. They
/// live on the timeline rather than the calendar because the zone is all
/// they need, and the arithmetic below the calendar converts instants too.
impl Timeline<'_> {
    /// `instant` on the timeline, checked against the supported range.
    pub(crate) fn offset_ns<T: TimeZone>(&self, instant: &DateTime<T>) -> Result<Instant> {
        match Instant::of(instant) {
            Some(t) if self.contains(t) => Ok(t),
            _ => Err(Reason::InstantOutOfRange {
                instant: self.shown_instant(instant),
                zone: shown(self.zone.name()),
            }
            .into()),
        }
    }

    /// The instant `unix_nanos` nanoseconds after 1970 UTC on the
    /// timeline, checked against the supported range: [`Timeline::offset_ns`]
    /// without building a chrono value, except for the error.
    #[inline]
    pub(crate) fn offset_unix_ns(&self, unix_nanos: i64) -> Result<Instant> {
        match Instant::from_unix_nanos(unix_nanos) {
            Some(t) if self.contains(t) => Ok(t),
            _ => self.offset_ns(&DateTime::from_timestamp_nanos(unix_nanos)),
        }
    }

    /// An instant of the range as nanoseconds after 1970 UTC, for the
    /// methods that answer in them.
    pub(crate) fn unix_ns(&self, t: Instant) -> Result<i64> {
        t.unix_nanos().ok_or_else(|| self.deadline_out_of_range())
    }

    /// `instant` as the caller wrote it (its own offset) and, when the
    /// calendar's zone reads it differently, as the zone reads it: the
    /// range is in local dates, so `2099-12-31T23:30:00Z` is out of range
    /// in Berlin only because it is 2100 there, and the message says both.
    fn shown_instant<T: TimeZone>(&self, instant: &DateTime<T>) -> Shown {
        let format = |t: DateTime<FixedOffset>| t.to_rfc3339_opts(SecondsFormat::AutoSi, true);
        let written = format(instant.fixed_offset());
        let local = format(instant.with_timezone(&self.zone).fixed_offset());
        if written == local {
            written
        } else {
            format!("{written} ({local} in {zone})", zone = self.zone.name())
        }
    }

    /// `instant` on the timeline, clamped into the supported range: for
    /// pause boundaries, since no business time lies outside the range, a
    /// pause reaching past it removes the same time as one that stops at
    /// its edge.
    pub(crate) fn offset_ns_clamped<T: TimeZone>(&self, instant: &DateTime<T>) -> Instant {
        self.clamp(Instant::saturating_of(instant))
    }

    /// The instant `t` in the calendar's zone.
    pub(crate) fn datetime_at(&self, t: Instant) -> DateTime<Tz> {
        self.locate(t).datetime()
    }

    /// The error that the calendar does not `change` ("open", "close")
    /// on that `side` ("after", "before") of `t` within the range.
    pub(crate) fn no_change_in_range(
        &self,
        t: Instant,
        change: &'static str,
        side: &'static str,
    ) -> crate::Error {
        Reason::NoChangeInRange {
            change,
            side,
            instant: shown(self.datetime_at(t).to_rfc3339()),
            zone: shown(self.zone.name()),
        }
        .into()
    }

    /// The instant of the local date-time `local` (on a date of the range,
    /// or the midnight after its last) by the boundary rule of the windows
    /// (`docs/SEMANTICS.md` section 6): in a gap, the moment the gap ends;
    /// in a fold, the first occurrence. Clamped into the range.
    pub(crate) fn local_instant(&self, local: NaiveDateTime) -> Instant {
        let k = (local.date().year() - FIRST_YEAR).clamp(0, YEARS as i32 - 1) as usize;
        let year = self.year(k);
        let whole = local.with_nanosecond(0).unwrap_or(local);
        let nanos = Nanos::new(i64::from(local.nanosecond() % 1_000_000_000));
        let t = match year.transitions.local_to_utc(LocalSecs::of(whole), &mut 0) {
            // The gap's end itself, whatever the fraction of a second.
            LocalToUtc::Gap(end) => Instant::from_utc(end),
            found => Instant::from_utc(found.earliest()) + nanos,
        };
        t.clamp(year.start, year.end)
    }

    pub(crate) fn deadline_out_of_range(&self) -> crate::Error {
        Reason::DeadlineOutOfRange {
            zone: shown(self.zone.name()),
        }
        .into()
    }
}

/// An instant with the year that holds it: what an answer needs to be
/// handed out in the calendar's zone without finding its year again.
#[derive(Clone, Copy)]
pub(crate) struct Located<'a> {
    pub(crate) t: Instant,
    year: &'a Year,
}

impl Located<'_> {
    /// chrono-tz's offset at the instant, without a time-zone lookup.
    #[inline]
    pub(crate) fn zone_offset(&self) -> chrono_tz::TzOffset {
        self.year.transitions.zone_offset_at(self.t.utc())
    }

    /// The date in the calendar's zone.
    #[inline]
    pub(crate) fn local_date(&self) -> NaiveDate {
        // The offset in seconds as recorded, rather than chrono-tz's
        // offset converted for every instant (a data pipeline asks this
        // of millions).
        let local = self
            .t
            .utc()
            .to_local(self.year.transitions.offset_at(self.t.utc()));
        // An instant of the year (from its local 1 January 00:00 to the
        // next) falls on one of its days: the date from the year and the
        // day's place in it, without the cycle arithmetic of counting days
        // from year 1 (a data pipeline asks this of millions). Should a
        // zone's clocks make that fail, count from year 1.
        let ordinal = local.days_since(self.year.first_local) + 1;
        u32::try_from(ordinal)
            .ok()
            .and_then(|ordinal| NaiveDate::from_yo_opt(self.year.number, ordinal))
            .or_else(|| local.date())
            .unwrap_or_else(|| self.datetime().date_naive())
    }

    /// The instant in the calendar's zone.
    pub(crate) fn datetime(&self) -> DateTime<Tz> {
        DateTime::from_naive_utc_and_offset(self.t.naive_utc(), self.zone_offset())
    }
}

/// One local year's opening windows.
struct Year {
    /// The year's first instant (local 1 January 00:00) and the next
    /// year's.
    start: Instant,
    end: Instant,
    /// `(start, cum)` of each window, then a sentinel `(u32::MAX, total)`:
    /// `start` in seconds from [`EPOCH`](crate::units::EPOCH), `cum` the
    /// year's business seconds
    /// before the window. Interleaved so that one lookup touches one cache
    /// line; a window's end is its start plus the next `cum` less its own.
    windows: Vec<(u32, u32)>,
    /// `by_day[k]`: the first window that ends after `k` days from the
    /// year's start, so finding the window at an instant scans one day's
    /// windows instead of searching the whole table.
    by_day: Vec<u16>,
    /// `by_business[k]`: the first window `i` with `cum[i + 1] >= k <<
    /// business_shift`, the same shortcut for "where is business second
    /// p". The bucket is a power of two between one and two average
    /// windows long, so a lookup scans two or three windows at most.
    by_business: Vec<u16>,
    business_shift: u32,
    /// The year's business time.
    total: BusinessNanos,
    /// Bit `d` of word `d / 64` set when day `d` of the year (0 for
    /// 1 January) holds business time: a business day.
    business_day_bits: [u64; 6],
    /// How many bits are set.
    business_days: u32,
    /// The zone's offset changes from three days before the year to three
    /// days after it.
    transitions: Transitions,
    /// The year's number and its local 1 January 00:00, for local dates.
    number: i32,
    first_local: LocalSecs,
}

impl Year {
    fn build(timeline: &Timeline<'_>, year: i32) -> Year {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let next = NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or(NaiveDate::MAX);
        let (first_local, end_local) = (LocalSecs::midnight(first), LocalSecs::midnight(next));
        // Three days either side of the year, wider than any offset.
        let transitions = Transitions::scan(
            timeline.zone,
            first_local.to_utc(Secs::days(3)),
            end_local.to_utc(-Secs::days(3)),
        );
        let mut cursor = 0;
        let start = transitions
            .local_to_utc(first_local, &mut cursor)
            .earliest();
        let end = transitions.local_to_utc(end_local, &mut cursor).earliest();
        cursor = 0;
        let count = (next - first).num_days() as usize;
        let plan = timeline.day_plan(year, first, count);
        let capacity = plan
            .iter()
            .filter(|(kind, _)| *kind == DayKind::Open)
            .map(|(_, windows)| windows.len())
            .sum();
        let mut starts: Vec<u32> = Vec::with_capacity(capacity);
        let mut cum: Vec<u32> = Vec::with_capacity(capacity + 1);
        cum.push(0);
        let mut last_end: u32 = 0;
        let mut total: u32 = 0;
        let mut business_day_bits = [0u64; 6];
        for (d, &(kind, windows)) in plan.iter().enumerate() {
            if kind != DayKind::Open {
                continue;
            }
            let midnight = first_local + Secs::days(d as i64);
            for_each_window_utc(windows, &transitions, midnight, &mut cursor, |s, e| {
                // Seconds from EPOCH fit u32 (asserted above).
                let (s, e) = (s.since_epoch() as u32, e.since_epoch() as u32);
                let s = s.max(last_end);
                if e <= s {
                    return;
                }
                // Business time on this day: a business day, the one
                // answer `is_business_day` and the business-day dates give.
                business_day_bits[d / 64] |= 1 << (d % 64);
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
        let start_secs = start.since_epoch();
        let days = (end.since_epoch() - start_secs) / SECS_PER_DAY + 2;
        let by_day = first_at_least(&ends, days, |k| start_secs + k * SECS_PER_DAY + 1);
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
        Year {
            start: Instant::from_secs(start_secs),
            end: Instant::from_utc(end),
            windows,
            by_day,
            by_business,
            business_shift,
            total: BusinessNanos::from_secs(i64::from(total)),
            business_day_bits,
            business_days: business_day_bits.iter().map(|w| w.count_ones()).sum(),
            transitions,
            number: year,
            first_local,
        }
    }

    fn is_business_day(&self, day: usize) -> bool {
        self.business_day_bits
            .get(day / 64)
            .is_some_and(|w| w >> (day % 64) & 1 == 1)
    }

    /// Business days from 1 January to day `day`, both included.
    fn business_days_through(&self, day: usize) -> i64 {
        let (word, bit) = (day / 64, day % 64);
        let whole: u32 = self.business_day_bits[..word.min(6)]
            .iter()
            .map(|w| w.count_ones())
            .sum();
        let part = self
            .business_day_bits
            .get(word)
            .map_or(0, |w| (w & (u64::MAX >> (63 - bit))).count_ones());
        i64::from(whole + part)
    }

    /// The day of the year of its `rank`-th business day (from 1).
    fn nth_business_day(&self, rank: i64) -> Option<usize> {
        let mut left = u32::try_from(rank).ok().filter(|&r| r >= 1)?;
        for (i, &word) in self.business_day_bits.iter().enumerate() {
            let ones = word.count_ones();
            if left > ones {
                left -= ones;
                continue;
            }
            // The left-th set bit of the word: clear the lower ones.
            let mut w = word;
            for _ in 1..left {
                w &= w - 1;
            }
            return Some(i * 64 + w.trailing_zeros() as usize);
        }
        None
    }

    /// Heap bytes held, for the memory tests.
    #[cfg(test)]
    fn bytes(&self) -> usize {
        std::mem::size_of::<Year>()
            + 8 * self.windows.capacity()
            + 2 * (self.by_day.capacity() + self.by_business.capacity())
            + self.transitions.bytes()
    }

    fn count(&self) -> usize {
        self.windows.len() - 1
    }

    fn start_secs(&self, i: usize) -> u32 {
        self.windows[i].0
    }

    fn cum(&self, i: usize) -> u32 {
        self.windows[i].1
    }

    /// Index of the last window that starts at or before `t`, if any.
    #[inline]
    fn window_at_or_before(&self, t: Instant) -> Option<usize> {
        let sec = t.secs();
        let day = usize::try_from((t - self.start).div_euclid(Nanos::days(1))).ok()?;
        // Windows before `by_day[day]` end, and so start, before `sec`.
        let mut i = *self.by_day.get(day).or(self.by_day.last())? as usize;
        while i < self.count() && i64::from(self.start_secs(i)) <= sec {
            i += 1;
        }
        i.checked_sub(1)
    }

    fn start_ns(&self, i: usize) -> Instant {
        Instant::from_secs(i64::from(self.start_secs(i)))
    }

    fn end_ns(&self, i: usize) -> Instant {
        Instant::from_secs(i64::from(
            self.start_secs(i) + (self.cum(i + 1) - self.cum(i)),
        ))
    }

    fn window(&self, i: usize) -> Span {
        Span {
            from: self.start_ns(i),
            to: self.end_ns(i),
        }
    }

    /// The year's business time before window `i`.
    fn cum_ns(&self, i: usize) -> BusinessNanos {
        BusinessNanos::from_secs(i64::from(self.cum(i)))
    }

    /// Business time from the start of the year up to `t`.
    #[inline]
    fn business_before(&self, t: Instant) -> BusinessNanos {
        match self.window_at_or_before(t) {
            None => BusinessNanos::ZERO,
            Some(i) => {
                let into = (t - self.start_ns(i)).min(self.end_ns(i) - self.start_ns(i));
                self.cum_ns(i) + BusinessNanos::in_window(into)
            }
        }
    }

    /// The earliest instant at which the business time since the start of
    /// the year reaches `position` (in `(0, total]`).
    #[inline]
    fn instant_at(&self, position: BusinessNanos) -> Option<Instant> {
        // Window i holds position p when cum[i] < p <= cum[i + 1]; in whole
        // seconds that is cum[i + 1] >= ceil(p / 1s).
        let ceil_secs = position.ceil_secs();
        let bucket = usize::try_from(ceil_secs >> self.business_shift).ok()?;
        let mut i = *self.by_business.get(bucket)? as usize;
        while i < self.count() && i64::from(self.cum(i + 1)) < ceil_secs {
            i += 1;
        }
        (i < self.count()).then(|| self.within(i, position))
    }

    /// The latest instant at which the business time since the start of
    /// the year is `position` (in `[0, total)`): inside the window that
    /// holds it, or at the window's start when `position` is exactly the
    /// business time before it (not at the end of the window before).
    #[inline]
    fn instant_from(&self, position: BusinessNanos) -> Option<Instant> {
        // Window i holds it when cum[i] <= p < cum[i + 1]; in whole
        // seconds that is cum[i + 1] >= floor(p / 1s) + 1.
        let key = position.floor_secs() + 1;
        let bucket = usize::try_from(key >> self.business_shift).ok()?;
        let mut i = *self.by_business.get(bucket)? as usize;
        while i < self.count() && i64::from(self.cum(i + 1)) < key {
            i += 1;
        }
        (i < self.count()).then(|| self.within(i, position))
    }

    /// The instant in window `i` at which the year's business time
    /// reaches `position`.
    #[inline]
    fn within(&self, i: usize, position: BusinessNanos) -> Instant {
        self.start_ns(i) + (position - self.cum_ns(i)).wall_in_window()
    }

    fn is_open(&self, t: Instant) -> bool {
        self.window_at_or_before(t)
            .is_some_and(|i| t < self.end_ns(i))
    }

    /// `t` itself when open, else the start of the year's next window.
    fn next_open(&self, t: Instant) -> Option<Instant> {
        match self.window_at_or_before(t) {
            Some(i) if t < self.end_ns(i) => Some(t),
            Some(i) => (i + 1 < self.count()).then(|| self.start_ns(i + 1)),
            None => (self.count() > 0).then(|| self.start_ns(0)),
        }
    }

    /// The open parts of `[from, to)` among the year's windows, in order.
    fn windows_between(&self, from: Instant, to: Instant) -> impl Iterator<Item = Span> + '_ {
        let first = match self.window_at_or_before(from) {
            Some(i) if self.end_ns(i) > from => i,
            Some(i) => i + 1,
            None => 0,
        };
        (first..self.count())
            .take_while(move |&i| self.start_ns(i) < to)
            .map(move |i| self.window(i).clip(from, to))
            // Clipping to an empty or reversed span leaves nothing.
            .filter(|w| !w.is_empty())
    }
}

impl std::fmt::Debug for Years {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let built = self.tables.iter().filter(|y| y.get().is_some()).count();
        write!(f, "Years {{ built: {built} }}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_starts_count_days_from_1995() {
        let first = crate::range::first_day();
        let day = |y: i32| (NaiveDate::from_ymd_opt(y, 1, 1).unwrap() - first).num_days();
        for k in 0..=YEARS {
            assert_eq!(year_start_day(k), day(FIRST_YEAR + k as i32), "{k}");
        }
    }

    #[test]
    fn every_day_finds_its_year() {
        for days in -3..year_start_day(YEARS) + 3 {
            let k = year_of_day(days);
            let expected = (1..=YEARS)
                .take_while(|&k| year_start_day(k) <= days)
                .count()
                .min(YEARS - 1);
            assert_eq!(k, expected, "day {days}");
        }
    }
}
