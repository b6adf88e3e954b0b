//! The units of time inside the engine, one type each, so that adding
//! seconds to nanoseconds, business time to wall-clock time or local time
//! to UTC does not compile.
//!
//! Each type is an `i64` underneath (`#[repr(transparent)]`; a [`Span`]
//! is two) and each operation the integer arithmetic it replaces,
//! inlined, so the types cost nothing at run time. Only the operations that make sense exist: an instant moved
//! by a span is an instant, two instants give a span, two instants never
//! add up. The conversions between units are the named functions below;
//! those to and from chrono's types are the calendar's boundary.
//!
//! | type              | what it counts                                        |
//! | ----------------- | ----------------------------------------------------- |
//! | [`Instant`]       | nanoseconds from [`EPOCH`], a point on the timeline   |
//! | [`Nanos`]         | wall-clock nanoseconds between two instants           |
//! | [`Span`]          | the instants `[from, to)`                             |
//! | [`BusinessNanos`] | business time, as the engine adds it up               |
//! | [`UtcSecs`]       | UTC seconds (Unix time)                               |
//! | [`LocalSecs`]     | local wall time, counted as if it were UTC            |
//! | [`Secs`]          | seconds between two of the above, or a zone's offset  |

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Neg, Sub, SubAssign};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone};

use crate::duration::BusinessDuration;
use crate::error::{Error, Result};

/// Nanoseconds in a second.
const NANOS: i64 = 1_000_000_000;

/// Seconds in a day of the calendar (not of a zone: a day there may have
/// 23 or 25 hours).
pub(crate) const SECS_PER_DAY: i64 = 86_400;

/// UTC seconds of the origin of all instants: local 1995-01-01T00:00 read
/// as UTC (788 918 400), less two days, so that the range starts between
/// one and three days after it in every zone (offsets lie within ±14
/// hours), every instant of the range is positive, and the offset of an
/// instant needs no time-zone lookup.
pub(crate) const EPOCH: UtcSecs = UtcSecs(788_918_400 - 2 * SECS_PER_DAY);

/// An instant: nanoseconds from [`EPOCH`].
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub(crate) struct Instant(i64);

/// Wall-clock nanoseconds: how far apart two instants are.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub(crate) struct Nanos(i64);

/// Business time in nanoseconds: the engine's sums of opening hours,
/// distinct from the wall-clock time they are found in.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub(crate) struct BusinessNanos(i64);

/// UTC seconds (Unix time), as chrono-tz's offsets change at them.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub(crate) struct UtcSecs(i64);

/// Local wall time in seconds, counted as if it were UTC: what opening
/// hours are written in. A zone's offset turns it into [`UtcSecs`].
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub(crate) struct LocalSecs(i64);

/// Seconds between two UTC or two local times, or a zone's offset
/// (seconds east of UTC: local minus UTC).
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub(crate) struct Secs(i64);

/// The instants `[from, to)`: a pause, an opening window, a stretch of
/// one. Ordered by `from`, then `to`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Span {
    pub(crate) from: Instant,
    pub(crate) to: Instant,
}

// Debug shows the bare numbers and a span as a pair, as when these were
// `i64`s and tuples: the Debug output of public types that hold them
// (`SlaClock`, `TicketHistory`) stays as it was.
macro_rules! debug_as_number {
    ($($t:ty),*) => {$(
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }
    )*};
}
debug_as_number!(Instant, Nanos, BusinessNanos, UtcSecs, LocalSecs, Secs);

// Comparisons are the numbers', operator by operator: the derived ones go
// through `partial_cmp`, which the optimiser does not always fold back
// into one comparison.
macro_rules! ordered_as_number {
    ($($t:ty),*) => {$(
        impl Ord for $t {
            #[inline]
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.0.cmp(&other.0)
            }
        }

        impl PartialOrd for $t {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
            #[inline]
            fn lt(&self, other: &Self) -> bool {
                self.0 < other.0
            }
            #[inline]
            fn le(&self, other: &Self) -> bool {
                self.0 <= other.0
            }
            #[inline]
            fn gt(&self, other: &Self) -> bool {
                self.0 > other.0
            }
            #[inline]
            fn ge(&self, other: &Self) -> bool {
                self.0 >= other.0
            }
        }
    )*};
}
ordered_as_number!(Instant, Nanos, BusinessNanos, UtcSecs, LocalSecs, Secs);

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("").field(&self.from).field(&self.to).finish()
    }
}

/// `impl Op<Rhs> for Lhs { type Output = Out }` on the numbers inside.
macro_rules! op {
    ($Lhs:ident $op:tt $Rhs:ident = $Out:ident, $Trait:ident $method:ident) => {
        impl $Trait<$Rhs> for $Lhs {
            type Output = $Out;
            #[inline]
            fn $method(self, rhs: $Rhs) -> $Out {
                $Out(self.0 $op rhs.0)
            }
        }
    };
}
op!(Instant + Nanos = Instant, Add add);
op!(Instant - Nanos = Instant, Sub sub);
op!(Instant - Instant = Nanos, Sub sub);
op!(BusinessNanos + BusinessNanos = BusinessNanos, Add add);
op!(BusinessNanos - BusinessNanos = BusinessNanos, Sub sub);
op!(UtcSecs + Secs = UtcSecs, Add add);
op!(UtcSecs - Secs = UtcSecs, Sub sub);
op!(UtcSecs - UtcSecs = Secs, Sub sub);
op!(LocalSecs + Secs = LocalSecs, Add add);
op!(LocalSecs - Secs = LocalSecs, Sub sub);

impl Instant {
    /// Before every instant of the range.
    pub(crate) const MIN: Instant = Instant(i64::MIN);

    /// `secs` whole seconds from [`EPOCH`], the unit of the yearly tables.
    #[inline]
    pub(crate) const fn from_secs(secs: i64) -> Instant {
        Instant(secs * NANOS)
    }

    /// The whole seconds from [`EPOCH`] at or before the instant.
    #[inline]
    pub(crate) const fn secs(self) -> i64 {
        self.0.div_euclid(NANOS)
    }

    #[inline]
    pub(crate) const fn from_utc(utc: UtcSecs) -> Instant {
        Instant::from_secs(utc.since_epoch())
    }

    /// The UTC second that holds the instant.
    #[inline]
    pub(crate) const fn utc(self) -> UtcSecs {
        UtcSecs(EPOCH.0 + self.secs())
    }

    /// `instant`, or `None` when it is too far from [`EPOCH`] for an
    /// `i64` of nanoseconds.
    #[inline]
    pub(crate) fn of<T: TimeZone>(instant: &DateTime<T>) -> Option<Instant> {
        (instant.timestamp() - EPOCH.0)
            .checked_mul(NANOS)
            .and_then(|ns| ns.checked_add(i64::from(instant.timestamp_subsec_nanos())))
            .map(Instant)
    }

    /// The instant `unix_nanos` nanoseconds after 1970-01-01T00:00 UTC, or
    /// `None` when it is too far before [`EPOCH`] for an `i64`.
    #[inline]
    pub(crate) fn from_unix_nanos(unix_nanos: i64) -> Option<Instant> {
        unix_nanos.checked_sub(EPOCH.0 * NANOS).map(Instant)
    }

    /// Nanoseconds after 1970-01-01T00:00 UTC; `None` past 2262.
    #[inline]
    pub(crate) fn unix_nanos(self) -> Option<i64> {
        self.0.checked_add(EPOCH.0 * NANOS)
    }

    /// `instant`, saturating at the ends of `i64`.
    #[inline]
    pub(crate) fn saturating_of<T: TimeZone>(instant: &DateTime<T>) -> Instant {
        Instant(
            instant
                .timestamp()
                .saturating_sub(EPOCH.0)
                .saturating_mul(NANOS)
                .saturating_add(i64::from(instant.timestamp_subsec_nanos())),
        )
    }

    /// The instant as a UTC date-time.
    #[inline]
    pub(crate) fn naive_utc(self) -> NaiveDateTime {
        let nanos = self.0.rem_euclid(NANOS) as u32;
        DateTime::from_timestamp(self.utc().0, nanos)
            .unwrap_or_default()
            .naive_utc()
    }
}

impl Nanos {
    pub(crate) const ONE: Nanos = Nanos(1);

    #[inline]
    pub(crate) const fn new(nanos: i64) -> Nanos {
        Nanos(nanos)
    }

    #[inline]
    pub(crate) const fn days(days: i64) -> Nanos {
        Nanos(days * SECS_PER_DAY * NANOS)
    }

    /// How many times `unit` fits, rounded down.
    #[inline]
    pub(crate) const fn div_euclid(self, unit: Nanos) -> i64 {
        self.0.div_euclid(unit.0)
    }
}

impl From<Nanos> for TimeDelta {
    #[inline]
    fn from(span: Nanos) -> TimeDelta {
        TimeDelta::nanoseconds(span.0)
    }
}

impl Span {
    /// The union of `spans`: sorted, overlapping and touching ones joined
    /// (merged pauses, combined calendars).
    pub(crate) fn union(mut spans: Vec<Span>) -> Vec<Span> {
        spans.sort_unstable_by_key(|s| s.from);
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.from <= last.to => last.to = last.to.max(span.to),
                _ => merged.push(span),
            }
        }
        merged
    }

    /// The part of the span inside `[from, to)`; empty when none is.
    #[inline]
    pub(crate) fn clip(self, from: Instant, to: Instant) -> Span {
        Span {
            from: self.from.max(from),
            to: self.to.min(to),
        }
    }

    #[inline]
    pub(crate) fn is_empty(self) -> bool {
        self.from >= self.to
    }
}

impl BusinessNanos {
    pub(crate) const ZERO: BusinessNanos = BusinessNanos(0);

    /// `secs` whole seconds of business time, the unit of the yearly
    /// tables.
    #[inline]
    pub(crate) const fn from_secs(secs: i64) -> BusinessNanos {
        BusinessNanos(secs * NANOS)
    }

    /// The whole seconds, rounded down.
    #[inline]
    pub(crate) const fn floor_secs(self) -> i64 {
        self.0.div_euclid(NANOS)
    }

    /// The whole seconds, rounded up.
    #[inline]
    pub(crate) fn ceil_secs(self) -> i64 {
        self.0.div_euclid(NANOS) + i64::from(self.0.rem_euclid(NANOS) != 0)
    }

    /// Wall-clock time inside one opening window: all of it is business
    /// time.
    #[inline]
    pub(crate) const fn in_window(wall: Nanos) -> BusinessNanos {
        BusinessNanos(wall.0)
    }

    /// The wall-clock time this much business time takes inside one
    /// opening window.
    #[inline]
    pub(crate) const fn wall_in_window(self) -> Nanos {
        Nanos(self.0)
    }

    /// The bare number, for the atomics that keep each year's total
    /// (where -1 marks a year not built yet).
    #[inline]
    pub(crate) const fn as_nanos(self) -> i64 {
        self.0
    }

    /// [`BusinessNanos::as_nanos`] read back.
    #[inline]
    pub(crate) const fn from_nanos(nanos: i64) -> BusinessNanos {
        BusinessNanos(nanos)
    }

    #[inline]
    pub(crate) fn checked_add(self, rhs: BusinessNanos) -> Option<BusinessNanos> {
        self.0.checked_add(rhs.0).map(BusinessNanos)
    }

    #[inline]
    pub(crate) fn checked_sub(self, rhs: BusinessNanos) -> Option<BusinessNanos> {
        self.0.checked_sub(rhs.0).map(BusinessNanos)
    }
}

impl AddAssign for BusinessNanos {
    #[inline]
    fn add_assign(&mut self, rhs: BusinessNanos) {
        self.0 += rhs.0;
    }
}

impl SubAssign for BusinessNanos {
    #[inline]
    fn sub_assign(&mut self, rhs: BusinessNanos) {
        self.0 -= rhs.0;
    }
}

impl Neg for BusinessNanos {
    type Output = BusinessNanos;
    #[inline]
    fn neg(self) -> BusinessNanos {
        BusinessNanos(-self.0)
    }
}

impl Sum for BusinessNanos {
    #[inline]
    fn sum<I: Iterator<Item = BusinessNanos>>(iter: I) -> BusinessNanos {
        BusinessNanos(iter.map(|b| b.0).sum())
    }
}

impl From<BusinessNanos> for BusinessDuration {
    #[inline]
    fn from(business: BusinessNanos) -> BusinessDuration {
        BusinessDuration::from_nanos(i128::from(business.0))
    }
}

impl TryFrom<BusinessDuration> for BusinessNanos {
    type Error = Error;

    /// Fails for a duration longer than the supported range could hold.
    #[inline]
    fn try_from(duration: BusinessDuration) -> Result<BusinessNanos> {
        duration.to_i64_nanos().map(BusinessNanos)
    }
}

impl UtcSecs {
    /// Before every UTC second of the range.
    pub(crate) const MIN: UtcSecs = UtcSecs(i64::MIN);

    #[inline]
    pub(crate) const fn new(secs: i64) -> UtcSecs {
        UtcSecs(secs)
    }

    /// Seconds from [`EPOCH`], the unit of the yearly tables.
    #[inline]
    pub(crate) const fn since_epoch(self) -> i64 {
        self.0 - EPOCH.0
    }

    /// The local time here, at `offset`.
    #[inline]
    pub(crate) fn to_local(self, offset: Secs) -> LocalSecs {
        LocalSecs(self.0 + offset.0)
    }

    #[inline]
    pub(crate) fn naive_utc(self) -> NaiveDateTime {
        DateTime::from_timestamp(self.0, 0)
            .unwrap_or_default()
            .naive_utc()
    }
}

impl LocalSecs {
    /// Local midnight at the start of `date`.
    #[inline]
    pub(crate) fn midnight(date: NaiveDate) -> LocalSecs {
        LocalSecs::of(date.and_time(NaiveTime::MIN))
    }

    #[inline]
    pub(crate) fn of(local: NaiveDateTime) -> LocalSecs {
        LocalSecs(local.and_utc().timestamp())
    }

    /// The local date: whole days since 1970-01-01 made a date directly,
    /// without a date-time on the way.
    #[inline]
    pub(crate) fn date(self) -> Option<NaiveDate> {
        const DAYS_FROM_CE_TO_1970: i64 = 719_163;
        let days = self.0.div_euclid(SECS_PER_DAY) + DAYS_FROM_CE_TO_1970;
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
    }

    /// Whole days from local `midnight` to this local time, rounded down.
    #[inline]
    pub(crate) fn days_since(self, midnight: LocalSecs) -> i64 {
        (self.0 - midnight.0).div_euclid(SECS_PER_DAY)
    }

    /// The UTC time this local time is at `offset`; with an `offset`
    /// beyond any zone's, a bound on where it can be in any zone.
    #[inline]
    pub(crate) fn to_utc(self, offset: Secs) -> UtcSecs {
        UtcSecs(self.0 - offset.0)
    }
}

impl Secs {
    #[inline]
    pub(crate) const fn new(secs: i64) -> Secs {
        Secs(secs)
    }

    #[inline]
    pub(crate) const fn days(days: i64) -> Secs {
        Secs(days * SECS_PER_DAY)
    }
}

impl Neg for Secs {
    type Output = Secs;
    #[inline]
    fn neg(self) -> Secs {
        Secs(-self.0)
    }
}

impl Div<i64> for Secs {
    type Output = Secs;
    #[inline]
    fn div(self, rhs: i64) -> Secs {
        Secs(self.0 / rhs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_the_numbers_as_before() {
        let span = Span {
            from: Instant(1),
            to: Instant(2),
        };
        let pair = (1_i64, 2_i64);
        assert_eq!(format!("{span:?}"), format!("{pair:?}"));
        assert_eq!(format!("{span:#?}"), format!("{pair:#?}"));
        assert_eq!(format!("{:?}", Some(BusinessNanos(-3))), "Some(-3)");
    }
}
