//! The arithmetic that due time, elapsed time and remaining time share.
//!
//! Everything here works on instants of the calendar's timeline and asks
//! it where the open intervals lie, so a fix here fixes every public
//! function at once.

use chrono::{DateTime, TimeZone};
use chrono_tz::Tz;

use crate::duration::BusinessDuration;
use crate::error::Result;
use crate::timeline::{Located, Timeline};
use crate::units::{BusinessNanos, Instant, Span};

/// Paused intervals, sorted, merged.
pub(crate) type PauseSpans = [Span];

/// Business time in `[from, to)` (`from <= to`) outside the pauses.
pub(crate) fn elapsed_ns(
    timeline: &Timeline<'_>,
    from: Instant,
    to: Instant,
    pauses: &PauseSpans,
) -> BusinessNanos {
    let open = |a: Instant, b: Instant| timeline.business_between(a, b);
    let paused: BusinessNanos = pauses
        .iter()
        .map(|p| p.clip(from, to))
        .filter(|p| !p.is_empty())
        .map(|p| open(p.from, p.to))
        .sum();
    open(from, to) - paused
}

/// The earliest instant `t >= from` at which the business time in
/// `[from, t)` outside the pauses reaches `target` (>= 0).
pub(crate) fn due_ns(
    timeline: &Timeline<'_>,
    from: Instant,
    target: BusinessNanos,
    pauses: &PauseSpans,
) -> Result<Instant> {
    due_located(timeline, from, target, pauses).map(|due| due.t)
}

/// [`due_ns`] with the year that holds the answer.
pub(crate) fn due_located<'a>(
    timeline: &Timeline<'a>,
    from: Instant,
    target: BusinessNanos,
    pauses: &PauseSpans,
) -> Result<Located<'a>> {
    if target == BusinessNanos::ZERO {
        return Ok(timeline.locate(from));
    }
    let mut position = from;
    let mut left = target;
    for pause in pauses.iter().filter(|p| p.to > from) {
        if pause.from > position {
            let before_pause = timeline.business_between(position, pause.from);
            if before_pause >= left {
                break;
            }
            left -= before_pause;
        }
        position = position.max(pause.to);
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
    Ok(due_from(timeline, timeline.offset_ns(created)?, target)?.datetime())
}

/// The due instant for `target` from `from`, without pauses: what
/// [`Calendar::due`](crate::Calendar::due) and
/// [`Calendar::due_unix_nanos`](crate::Calendar::due_unix_nanos) share.
pub(crate) fn due_from<'a>(
    timeline: &Timeline<'a>,
    from: Instant,
    target: BusinessDuration,
) -> Result<Located<'a>> {
    due_located(timeline, from, non_negative(target)?, &[])
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
    let back = BusinessNanos::try_from(amount)?;
    if back == BusinessNanos::ZERO {
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
    Ok(signed_between(
        timeline,
        timeline.offset_ns(from)?,
        timeline.offset_ns(to)?,
    ))
}

/// The business time from `a` to `b`, negative when `b` is earlier.
pub(crate) fn signed_between(timeline: &Timeline<'_>, a: Instant, b: Instant) -> BusinessDuration {
    let elapsed = timeline.business_between(a.min(b), a.max(b));
    let signed = if a <= b { elapsed } else { -elapsed };
    BusinessDuration::from(signed)
}

/// A target as the engine counts it, refusing negative ones.
pub(crate) fn non_negative(target: BusinessDuration) -> Result<BusinessNanos> {
    if target.is_negative() {
        return Err(crate::error::Reason::NegativeTarget {
            target: crate::error::shown(target),
        }
        .into());
    }
    BusinessNanos::try_from(target)
}
