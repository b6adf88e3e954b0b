//! Business days as dates: "two business days after the 23rd", "business
//! days in December", the next and the previous business day.
//!
//! A business day is a local date with any business time, by the rule of
//! [which hours apply on a date](crate::Calendar#which-hours-apply-on-a-date):
//! a half day counts as a whole business day. The answers come from the
//! same yearly tables as the business-time arithmetic, which mark each
//! date with business time as they place its windows; so they cost a rank
//! lookup in a year, however many days are counted.

use chrono::{NaiveDate, NaiveTime, TimeDelta};

use crate::date_range::DateRange;
use crate::error::{Reason, Result, check_date, shown};
use crate::timeline::Timeline;
use crate::units::{Instant, Nanos, Span};

/// Which way [`Calendar::roll`](crate::Calendar::roll) and
/// [`Calendar::roll_date`](crate::Calendar::roll_date) move a value the
/// calendar is closed at; one it is open at stays where it is.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, Roll};
///
/// let cal = Calendar::munich();
/// let saturday = cal.parse_datetime("2026-12-19T12:00")?;
/// assert_eq!(cal.roll(&saturday, Roll::Forward)?.to_rfc3339(), "2026-12-21T10:00:00+01:00");
/// assert_eq!(cal.roll(&saturday, Roll::Backward)?.to_rfc3339(), "2026-12-18T18:00:00+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Roll {
    /// To the next opening (an instant) or the next business day (a date).
    Forward,
    /// To the last closing (an instant) or the previous business day (a
    /// date).
    Backward,
}

/// Whether [`Calendar::business_days_between`](crate::Calendar::business_days_between)
/// counts its end date. The start date always counts (when it is a
/// business day); peers differ on the end, so the caller names it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use sla_clock::{Calendar, EndDate};
///
/// let cal = Calendar::munich();
/// let (monday, friday) = (NaiveDate::from_ymd_opt(2026, 12, 14).unwrap(), NaiveDate::from_ymd_opt(2026, 12, 18).unwrap());
/// assert_eq!(cal.business_days_between(monday, friday, EndDate::Excluded)?, 4);
/// assert_eq!(cal.business_days_between(monday, friday, EndDate::Included)?, 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EndDate {
    /// `[from, to)`: the start counts, the end does not; pandas' and
    /// NumPy's `busday_count`, Ruby business' `business_days_between`,
    /// business_time's `business_days_until`.
    Excluded,
    /// `[from, to]`: both count; business_time's
    /// `business_days_until(to, true)`, and
    /// [`Calendar::business_days_in`](crate::Calendar::business_days_in).
    Included,
}

/// The body of [`Calendar::add_business_days`](crate::Calendar::add_business_days).
pub(crate) fn add_business_days(
    timeline: &Timeline<'_>,
    date: NaiveDate,
    days: i32,
) -> Result<NaiveDate> {
    check_date(date)?;
    timeline
        .add_business_days(date, i64::from(days))
        .ok_or_else(|| {
            let count = days.unsigned_abs().max(1);
            Reason::BusinessDaysOutOfRange {
                days: if count == 1 {
                    "1 business day".to_string()
                } else {
                    format!("{count} business days")
                },
                side: if days < 0 { "before" } else { "after" },
                date: shown(date),
            }
            .into()
        })
}

/// The body of [`Calendar::business_days_in`](crate::Calendar::business_days_in).
pub(crate) fn business_days_in(
    timeline: &Timeline<'_>,
    dates: impl Into<DateRange>,
) -> Result<u32> {
    let range = dates.into();
    check_date(range.first)?;
    check_date(range.last)?;
    range.check_order()?;
    let count = timeline.count_business_days(range.first, range.last);
    // At most the 38 351 dates of the range.
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// The body of [`Calendar::roll`](crate::Calendar::roll): `t` when open,
/// else the next opening or the last closing.
pub(crate) fn roll(timeline: &Timeline<'_>, t: Instant, roll: Roll) -> Result<Instant> {
    match roll {
        Roll::Forward => timeline
            .next_open(t)
            .ok_or_else(|| timeline.no_change_in_range(t, "open", "after")),
        Roll::Backward if timeline.is_open(t) => Ok(t),
        Roll::Backward => timeline
            .previous_close(t)
            .ok_or_else(|| timeline.no_change_in_range(t, "close", "before")),
    }
}

/// The body of [`Calendar::roll_date`](crate::Calendar::roll_date).
pub(crate) fn roll_date(timeline: &Timeline<'_>, date: NaiveDate, roll: Roll) -> Result<NaiveDate> {
    check_date(date)?;
    if timeline.is_business_day(date) {
        return Ok(date);
    }
    let (step, side) = match roll {
        Roll::Forward => (1, "on or after"),
        Roll::Backward => (-1, "on or before"),
    };
    timeline.add_business_days(date, step).ok_or_else(|| {
        Reason::NoBusinessDayInRange {
            side,
            date: shown(date),
        }
        .into()
    })
}

/// The body of [`Calendar::business_days_between`](crate::Calendar::business_days_between).
pub(crate) fn business_days_between(
    timeline: &Timeline<'_>,
    from: NaiveDate,
    to: NaiveDate,
    end: EndDate,
) -> Result<i32> {
    check_date(from)?;
    check_date(to)?;
    // The dates counted, first to last, and the sign: the start counts,
    // the end only when included, whichever way the count runs.
    let (first, last, sign) = match end {
        EndDate::Included if from <= to => (Some(from), Some(to), 1),
        EndDate::Included => (Some(to), Some(from), -1),
        EndDate::Excluded if from <= to => (Some(from), to.pred_opt(), 1),
        EndDate::Excluded => (to.succ_opt(), Some(from), -1),
    };
    let count = match (first, last) {
        (Some(first), Some(last)) if first <= last => timeline.count_business_days(first, last),
        _ => 0,
    };
    // At most the 38 351 dates of the range.
    Ok(sign * i32::try_from(count).unwrap_or(i32::MAX))
}

/// The body of [`Calendar::add_business_days_at`](crate::Calendar::add_business_days_at).
pub(crate) fn add_business_days_at(
    timeline: &Timeline<'_>,
    t: Instant,
    days: i32,
) -> Result<Instant> {
    let start = roll(
        timeline,
        t,
        if days < 0 {
            Roll::Backward
        } else {
            Roll::Forward
        },
    )?;
    if days == 0 {
        return Ok(start);
    }
    // A close (the start rolled back) belongs to the day it ends, even
    // when that day is open until 24:00.
    let owner = if timeline.is_open(start) {
        start
    } else {
        start - Nanos::ONE
    };
    let date = timeline.datetime_at(owner).date_naive();
    let midnight = date.and_time(NaiveTime::MIN);
    let time_of_day =
        (timeline.datetime_at(start).naive_local() - midnight).min(TimeDelta::days(1));
    let target = add_business_days(timeline, date, days)?;
    let wanted = timeline.local_instant(target.and_time(NaiveTime::MIN) + time_of_day);
    let mut windows = Vec::new();
    timeline.for_each_window_on(target, |w| windows.push(w));
    Ok(within_day(&windows, wanted))
}

/// `wanted` moved into one day's `windows` (sorted, disjoint, not
/// empty): itself when open, else the next opening that day, else the
/// day's last close.
fn within_day(windows: &[Span], wanted: Instant) -> Instant {
    if windows.iter().any(|w| w.from <= wanted && wanted < w.to) {
        return wanted;
    }
    windows
        .iter()
        .map(|w| w.from)
        .find(|&from| from > wanted)
        .or_else(|| windows.iter().rev().map(|w| w.to).find(|&to| to <= wanted))
        .unwrap_or(wanted)
}
