//! The arithmetic that due time, elapsed time and remaining time share.
//!
//! Everything here works on nanoseconds from the start of the supported
//! range and asks the calendar's timeline where the open intervals lie, so
//! a fix here fixes every public function at once.

use chrono::{DateTime, TimeZone};
use chrono_tz::Tz;

use crate::duration::BusinessDuration;
use crate::error::Result;
use crate::timeline::{Located, Timeline};

/// Paused intervals `[from, to)`, sorted, merged, in nanoseconds from the
/// range start.
pub(crate) type PauseSpans = [(i64, i64)];

/// Business time in `[from, to)` (`from <= to`) outside the pauses.
pub(crate) fn elapsed_ns(timeline: &Timeline<'_>, from: i64, to: i64, pauses: &PauseSpans) -> i64 {
    let open = |a: i64, b: i64| timeline.business_between(a, b);
    let paused: i64 = pauses
        .iter()
        .map(|&(p, q)| (p.max(from), q.min(to)))
        .filter(|&(p, q)| p < q)
        .map(|(p, q)| open(p, q))
        .sum();
    open(from, to) - paused
}

/// The earliest instant `t >= from` at which the business time in
/// `[from, t)` outside the pauses reaches `target` (>= 0).
pub(crate) fn due_ns(
    timeline: &Timeline<'_>,
    from: i64,
    target: i64,
    pauses: &PauseSpans,
) -> Result<i64> {
    due_located(timeline, from, target, pauses).map(|due| due.t)
}

/// [`due_ns`] with the year that holds the answer.
pub(crate) fn due_located<'a>(
    timeline: &Timeline<'a>,
    from: i64,
    target: i64,
    pauses: &PauseSpans,
) -> Result<Located<'a>> {
    if target == 0 {
        return Ok(timeline.locate(from));
    }
    let mut position = from;
    let mut left = target;
    for &(p, q) in pauses.iter().filter(|&&(_, q)| q > from) {
        if p > position {
            let before_pause = timeline.business_between(position, p);
            if before_pause >= left {
                break;
            }
            left -= before_pause;
        }
        position = position.max(q);
    }
    timeline
        .advance(position, left)
        .filter(|due| timeline.contains(due.t))
        .ok_or_else(|| timeline.deadline_out_of_range())
}

/// The body of [`Calendar::due`](crate::Calendar::due).
pub(crate) fn due<T: TimeZone>(
    timeline: &Timeline<'_>,
    created: &DateTime<T>,
    target: BusinessDuration,
) -> Result<DateTime<Tz>> {
    let from = timeline.offset_ns(created)?;
    let due = due_located(timeline, from, non_negative(target)?, &[])?;
    Ok(due.datetime())
}

/// The body of [`Calendar::before`](crate::Calendar::before).
pub(crate) fn before<T: TimeZone>(
    timeline: &Timeline<'_>,
    instant: &DateTime<T>,
    amount: BusinessDuration,
) -> Result<DateTime<Tz>> {
    let to = timeline.offset_ns(instant)?;
    if amount.is_negative() {
        return Err(crate::error::Reason::NegativeCountBack {
            value: crate::error::shown(amount),
        }
        .into());
    }
    let back = amount.to_i64_nanos()?;
    if back == 0 {
        return Ok(timeline.locate(to).datetime());
    }
    let start = timeline.retreat(to, back).ok_or_else(|| {
        crate::Error::from(crate::error::Reason::StartOutOfRange {
            amount: crate::error::shown(amount),
            instant: crate::error::shown(timeline.datetime_at(to).to_rfc3339()),
            zone: crate::error::shown(timeline.zone.name()),
        })
    })?;
    Ok(start.datetime())
}

/// The body of [`Calendar::business_time`](crate::Calendar::business_time).
pub(crate) fn business_time<A: TimeZone, B: TimeZone>(
    timeline: &Timeline<'_>,
    from: &DateTime<A>,
    to: &DateTime<B>,
) -> Result<BusinessDuration> {
    let (a, b) = (timeline.offset_ns(from)?, timeline.offset_ns(to)?);
    let elapsed = timeline.business_between(a.min(b), a.max(b));
    let signed = if a <= b { elapsed } else { -elapsed };
    Ok(BusinessDuration::from_nanos(i128::from(signed)))
}

/// A target as nanoseconds, refusing negative ones.
pub(crate) fn non_negative(target: BusinessDuration) -> Result<i64> {
    if target.is_negative() {
        return Err(crate::error::Reason::NegativeTarget {
            target: crate::error::shown(target),
        }
        .into());
    }
    target.to_i64_nanos()
}
