//! The arithmetic that due time, elapsed time and remaining time share.
//!
//! Everything here works on nanoseconds from the start of the supported
//! range and asks the calendar's timeline where the open intervals lie, so
//! a fix here fixes every public function at once.

use chrono::{DateTime, TimeZone};
use chrono_tz::Tz;

use crate::calendar::Calendar;
use crate::duration::BusinessDuration;
use crate::error::Result;
use crate::limits::{self, MAX_PAUSES};
use crate::pause::Pause;
use crate::timeline::Located;

/// Paused intervals `[from, to)`, sorted, merged, in nanoseconds from the
/// range start.
pub(crate) type PauseSpans = [(i64, i64)];

/// A clock's pauses in nanoseconds from the timeline's epoch: the ended
/// ones sorted and merged, and the start of one still running.
#[derive(Debug, Clone, Default)]
pub(crate) struct PauseSet {
    pub(crate) closed: Vec<(i64, i64)>,
    /// The earliest start of a pause with no end yet.
    pub(crate) open_since: Option<i64>,
}

impl PauseSet {
    /// The spans, with a running pause taken to end at `end`.
    pub(crate) fn ended_at(&self, end: i64) -> Vec<(i64, i64)> {
        match self.open_since {
            Some(start) if start < end => {
                merge(self.closed.iter().copied().chain([(start, end)]).collect())
            }
            _ => self.closed.clone(),
        }
    }
}

/// Sorted, with overlapping and touching spans joined.
fn merge(mut spans: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    spans.sort_unstable();
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
    for (p, q) in spans {
        match merged.last_mut() {
            Some(last) if p <= last.1 => last.1 = last.1.max(q),
            _ => merged.push((p, q)),
        }
    }
    merged
}

impl Calendar {
    /// Pauses in nanoseconds from the timeline's epoch. At most
    /// [`MAX_PAUSES`] are taken; more are counted, not kept, for the error.
    pub(crate) fn pause_set(&self, pauses: impl IntoIterator<Item = Pause>) -> Result<PauseSet> {
        let mut closed: Vec<(i64, i64)> = Vec::new();
        let mut open_since: Option<i64> = None;
        let mut count = 0;
        for pause in pauses {
            count += 1;
            if count > MAX_PAUSES {
                continue;
            }
            let start = self.offset_ns_clamped(&pause.start());
            match pause.end() {
                Some(end) => {
                    let end = self.offset_ns_clamped(&end);
                    if start < end {
                        closed.push((start, end));
                    }
                }
                None => open_since = Some(open_since.map_or(start, |s| s.min(start))),
            }
        }
        limits::check("pauses", count, MAX_PAUSES)?;
        Ok(PauseSet {
            closed: merge(closed),
            open_since,
        })
    }

    /// Business time in `[from, to)` (`from <= to`) outside the pauses.
    pub(crate) fn elapsed_ns(&self, from: i64, to: i64, pauses: &PauseSpans) -> i64 {
        let timeline = self.timeline();
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
    pub(crate) fn due_ns(&self, from: i64, target: i64, pauses: &PauseSpans) -> Result<i64> {
        self.due_located(from, target, pauses).map(|due| due.t)
    }

    /// [`Calendar::due_ns`] with the year that holds the answer.
    fn due_located(&self, from: i64, target: i64, pauses: &PauseSpans) -> Result<Located<'_>> {
        let timeline = self.timeline();
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
            .ok_or_else(|| self.deadline_out_of_range())
    }

    /// The due instant for a ticket created at `created` with a response
    /// target of `target` business time, in the calendar's zone.
    ///
    /// It is the earliest instant at which `target` of business time has
    /// passed since `created`. A ticket created while the calendar is
    /// closed starts its clock at the next opening; a deadline that fills a
    /// working day exactly is that day's closing time, not the next
    /// opening; a target of zero is due at `created` itself.
    ///
    /// # Errors
    ///
    /// `created` outside the supported range, a negative target, or a
    /// deadline that would fall after 2099-12-31.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let cal = Calendar::munich();
    /// // Friday 16:00 plus 4 business hours: 2 on Friday, 2 on Monday.
    /// let created = cal.parse_datetime("2026-12-18T16:00:00+01:00")?;
    /// let due = cal.due(&created, BusinessDuration::from_hours(4))?;
    /// assert_eq!(due.to_rfc3339(), "2026-12-21T12:00:00+01:00");
    /// // A full day from the opening ends at the close, not the next morning.
    /// let monday = cal.parse_datetime("2026-12-21T10:00")?;
    /// assert_eq!(cal.due(&monday, BusinessDuration::from_hours(8))?.to_rfc3339(), "2026-12-21T18:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due<T: TimeZone>(
        &self,
        created: &DateTime<T>,
        target: BusinessDuration,
    ) -> Result<DateTime<Tz>> {
        let from = self.offset_ns(created)?;
        let due = self.due_located(from, non_negative(target)?, &[])?;
        Ok(self.located_datetime(due))
    }

    /// Counting back: the latest instant `t` at or before `instant` with
    /// exactly `amount` of business time in `[t, instant)`, in the
    /// calendar's zone. "Remind two business hours before the deadline"
    /// is `before(&due, 2 h)`.
    ///
    /// It mirrors [`Calendar::due`]: from a closed instant the count starts
    /// at the last closing; an amount that empties a working day exactly
    /// lands at that day's opening (Monday 10:00), never the close of the
    /// day before (Friday 18:00); an amount of zero is `instant` itself.
    /// When `t` is open just before it, `due(before(t, d), d) == t`.
    ///
    /// Counting forward is [`Calendar::due`], which takes the same
    /// non-negative amounts: two methods with one meaning each, rather
    /// than a signed amount whose sign decides.
    ///
    /// # Errors
    ///
    /// `instant` outside the supported range, a negative amount, or an
    /// answer before 1995-01-01.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let cal = Calendar::munich();
    /// // Two business hours before a deadline on Monday 11:00: one on
    /// // Monday, one on Friday.
    /// let due = cal.parse_datetime("2026-12-21T11:00")?;
    /// assert_eq!(cal.before(&due, BusinessDuration::from_hours(2))?.to_rfc3339(), "2026-12-18T17:00:00+01:00");
    /// // Emptying Monday exactly lands at its opening, not on Friday 18:00.
    /// let evening = cal.parse_datetime("2026-12-21T18:00")?;
    /// assert_eq!(cal.before(&evening, BusinessDuration::from_hours(8))?.to_rfc3339(), "2026-12-21T10:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn before<T: TimeZone>(
        &self,
        instant: &DateTime<T>,
        amount: BusinessDuration,
    ) -> Result<DateTime<Tz>> {
        let to = self.offset_ns(instant)?;
        if amount.is_negative() {
            return Err(crate::error::Reason::NegativeCountBack {
                value: crate::error::shown(amount),
            }
            .into());
        }
        let timeline = self.timeline();
        let back = amount.to_i64_nanos()?;
        if back == 0 {
            return Ok(self.located_datetime(timeline.locate(to)));
        }
        let start = timeline.retreat(to, back).ok_or_else(|| {
            crate::Error::from(crate::error::Reason::StartOutOfRange {
                amount: crate::error::shown(amount),
                instant: crate::error::shown(self.to_datetime(to).to_rfc3339()),
                zone: crate::error::shown(self.zone().name()),
            })
        })?;
        Ok(self.located_datetime(start))
    }

    /// The business time between two instants: positive when `to` is
    /// later, negative when it is earlier.
    ///
    /// # Errors
    ///
    /// Either instant outside the supported range.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let cal = Calendar::munich();
    /// let a = cal.parse_datetime("2026-12-23T15:00")?;
    /// let b = cal.parse_datetime("2026-12-28T15:00")?;
    /// assert_eq!(cal.business_time(&a, &b)?, BusinessDuration::from_hours(16));
    /// assert_eq!(cal.business_time(&b, &a)?, BusinessDuration::from_hours(-16));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_time<A: TimeZone, B: TimeZone>(
        &self,
        from: &DateTime<A>,
        to: &DateTime<B>,
    ) -> Result<BusinessDuration> {
        let (a, b) = (self.offset_ns(from)?, self.offset_ns(to)?);
        let elapsed = self.timeline().business_between(a.min(b), a.max(b));
        let signed = if a <= b { elapsed } else { -elapsed };
        Ok(BusinessDuration::from_nanos(i128::from(signed)))
    }
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
