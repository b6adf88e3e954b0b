//! A ticket's SLA clock: due time, remaining time, status, pauses, and
//! the one reading at `now` that every answer comes from.

use std::borrow::Cow;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use crate::business_time::{PauseSpans, due_ns, elapsed_ns, non_negative};
use crate::calendar::Calendar;
use crate::duration::BusinessDuration;
use crate::error::{Reason, Result, shown};
use crate::explain::{self, Explanation};
use crate::pause::Pause;
use crate::paused::{PauseSet, pause_set};
use crate::policy::Policy;
use crate::priority::Priority;
use crate::status::{RiskThreshold, SlaStatus, StatusKind};
use crate::units::{BusinessNanos, Instant, Nanos};

/// One ticket's SLA clock: created at an instant, with a target, optional
/// pauses and an optional at-risk threshold. Queries take `now` as an
/// argument (the library never reads the system clock).
///
/// Every answer at a `now` comes from one place, [`SlaClock::reading`]:
/// status, elapsed and remaining business time, the due and at-risk
/// instants and the next change, so they always agree. A pause still
/// running at `now` counts as ending at `now` for all of them; without a
/// `now` the due instant of such a clock is not known yet, so
/// [`SlaClock::due`] is `None` while a pause runs
/// ([`docs/SEMANTICS.md`](crate::doc::semantics), section 3.4).
///
/// # Example
///
/// ```
/// use sla_clock::{BusinessDuration, Calendar, Pause, SlaClock};
///
/// let cal = Calendar::munich();
/// let created = cal.parse_datetime("2026-12-21T10:00")?;
/// // Waiting two business hours for the customer moves the deadline by two hours.
/// let pause = Pause::new(cal.parse_datetime("2026-12-21T11:00")?, cal.parse_datetime("2026-12-21T13:00")?)?;
/// let clock = SlaClock::new(&cal, &created, BusinessDuration::from_hours(4))?.with_pauses([pause])?;
/// assert_eq!(clock.due().unwrap().to_rfc3339(), "2026-12-21T16:00:00+01:00");
///
/// // Waiting since 11:00 and still waiting at 15:00: the due instant is
/// // known at a `now`, with the pause taken to end there.
/// let waiting = Pause::since(cal.parse_datetime("2026-12-21T11:00")?);
/// let clock = clock.with_pauses([waiting])?;
/// assert_eq!(clock.due(), None);
/// let reading = clock.reading(&cal.parse_datetime("2026-12-21T15:00")?, None)?;
/// assert_eq!(reading.due.to_rfc3339(), "2026-12-21T18:00:00+01:00");
/// assert_eq!(reading.remaining, BusinessDuration::from_hours(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct SlaClock {
    calendar: Calendar,
    created: Instant,
    target: BusinessDuration,
    target_ns: BusinessNanos,
    pauses: PauseSet,
    risk: Option<RiskThreshold>,
    /// The due and at-risk instants; `None` while a pause runs, since
    /// they depend on when it ends.
    deadlines: Option<Deadlines>,
}

/// A clock's instants once its pauses have all ended.
#[derive(Debug, Clone, Copy)]
struct Deadlines {
    due: Instant,
    at_risk: Option<Instant>,
}

/// Everything a clock answers at one `now`, computed together so that the
/// values cannot disagree: the status, the business time elapsed and
/// remaining, the due and at-risk instants and the next change.
///
/// A pause still running at `now` counts as ending at `now`. A response
/// after `now` is not known yet: the reading is the one without it. With a
/// response at or before `now`, `elapsed` and `remaining` are measured at
/// the response.
///
/// # Example
///
/// ```
/// use sla_clock::{BusinessDuration, Calendar, Policy, Priority, RiskThreshold, SlaClock, StatusKind};
///
/// let cal = Calendar::munich();
/// let created = cal.parse_datetime("2026-12-18T16:00")?;
/// let clock = SlaClock::for_priority(&cal, &Policy::default(), Priority::Urgent, &created)?
///     .with_risk_threshold(RiskThreshold::percent(75)?);
/// let reading = clock.reading(&cal.parse_datetime("2026-12-21T11:00")?, None)?;
/// assert_eq!(reading.status.kind(), StatusKind::AtRisk);
/// assert_eq!(reading.remaining, BusinessDuration::from_hours(1));
/// assert_eq!(reading.due.to_rfc3339(), "2026-12-21T12:00:00+01:00");
/// assert_eq!(reading.at_risk_from.unwrap().to_rfc3339(), "2026-12-21T11:00:00+01:00");
/// assert_eq!(reading.next_change.unwrap().to_rfc3339(), "2026-12-21T12:00:00.000000001+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct SlaReading {
    /// The status, with its numbers.
    pub status: SlaStatus,
    /// The due instant, with the pauses as they stand at `now`.
    #[cfg_attr(feature = "serde", serde(with = "crate::zoned"))]
    pub due: DateTime<Tz>,
    /// Business time counted from creation to the response (or to `now`
    /// while there is none), pauses excluded; zero before creation.
    pub elapsed: BusinessDuration,
    /// The target minus `elapsed`: negative once overdue.
    pub remaining: BusinessDuration,
    /// The instant the ticket is at risk from, when a threshold is set.
    #[cfg_attr(feature = "serde", serde(with = "crate::zoned::option", default))]
    pub at_risk_from: Option<DateTime<Tz>>,
    /// The next instant at which the status changes if nothing else
    /// happens: when the ticket becomes at risk, or breached (one
    /// nanosecond after the due instant). `None` once it is answered or
    /// breached, and while a pause runs (the clock stands still until it
    /// ends).
    #[cfg_attr(feature = "serde", serde(with = "crate::zoned::option", default))]
    pub next_change: Option<DateTime<Tz>>,
}

/// A reading in the clock's own units, converted once at the edge.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reading {
    pub(crate) kind: StatusKind,
    pub(crate) due: Instant,
    pub(crate) elapsed: BusinessDuration,
    pub(crate) remaining: BusinessDuration,
    pub(crate) at_risk_from: Option<Instant>,
    pub(crate) next_change: Option<Instant>,
}

/// A snapshot of the clock: `created`, `target`, `due` (absent while a
/// pause runs), and when set `risk_threshold` and `at_risk_from`, and the
/// `pauses`. Instants carry the calendar's zone in brackets (RFC 9557). A
/// clock is not read back: make it again from the calendar with
/// [`SlaClock::new`].
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use sla_clock::{BusinessDuration, Calendar, SlaClock};
/// let cal = Calendar::munich();
/// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T10:00").unwrap(), BusinessDuration::from_hours(4)).unwrap();
/// assert_eq!(
///     serde_json::to_string(&clock).unwrap(),
///     r#"{"created":"2026-12-21T10:00:00+01:00[Europe/Berlin]","target":"4h","due":"2026-12-21T14:00:00+01:00[Europe/Berlin]","pauses":[]}"#
/// );
/// # }
/// ```
#[cfg(feature = "serde")]
impl serde::Serialize for SlaClock {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Snapshot {
            #[serde(with = "crate::zoned")]
            created: DateTime<Tz>,
            target: BusinessDuration,
            #[serde(with = "crate::zoned::option", skip_serializing_if = "Option::is_none")]
            due: Option<DateTime<Tz>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            risk_threshold: Option<RiskThreshold>,
            #[serde(with = "crate::zoned::option", skip_serializing_if = "Option::is_none")]
            at_risk_from: Option<DateTime<Tz>>,
            pauses: Vec<Pause>,
        }
        Snapshot {
            created: self.created(),
            target: self.target,
            due: self.due(),
            risk_threshold: self.risk,
            at_risk_from: self.at_risk_from(),
            pauses: self.pauses(),
        }
        .serialize(s)
    }
}

impl SlaClock {
    /// A clock for a ticket created at `created` with `target` of business
    /// time.
    ///
    /// # Errors
    ///
    /// `created` outside the supported range, a negative target, or a due
    /// instant after the range.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-23T15:00")?, BusinessDuration::from_hours(8))?;
    /// assert_eq!(clock.due().unwrap().to_rfc3339(), "2026-12-24T15:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<T: TimeZone>(
        calendar: &Calendar,
        created: &DateTime<T>,
        target: BusinessDuration,
    ) -> Result<SlaClock> {
        let created = calendar.offset_ns(created)?;
        SlaClock::from_parts(calendar, created, target, PauseSet::default(), None)
    }

    /// The clock of a ticket created at `created` (nanoseconds on the
    /// calendar's timeline), with its pauses merged and an optional
    /// threshold: what [`SlaClock::new`] and the lifecycle's cycles share.
    pub(crate) fn from_parts(
        calendar: &Calendar,
        created: Instant,
        target: BusinessDuration,
        pauses: PauseSet,
        risk: Option<RiskThreshold>,
    ) -> Result<SlaClock> {
        let clock = SlaClock {
            calendar: calendar.clone(),
            created,
            target,
            target_ns: non_negative(target)?,
            pauses,
            risk,
            deadlines: None,
        };
        clock.recompute()
    }

    /// A clock whose target is the policy's for `priority`.
    ///
    /// # Errors
    ///
    /// As [`SlaClock::new`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy, Priority, SlaClock};
    /// let cal = Calendar::munich();
    /// let created = cal.parse_datetime("2026-12-23T15:00")?;
    /// let clock = SlaClock::for_priority(&cal, &Policy::default(), Priority::Low, &created)?;
    /// assert_eq!(clock.due().unwrap().to_rfc3339(), "2026-12-31T15:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_priority<T: TimeZone>(
        calendar: &Calendar,
        policy: &Policy,
        priority: Priority,
        created: &DateTime<T>,
    ) -> Result<SlaClock> {
        SlaClock::new(
            calendar,
            created,
            policy.target(priority).duration(calendar),
        )
    }

    /// The same clock with these paused intervals (replacing earlier ones).
    /// Overlapping pauses are merged; time before creation, and time
    /// outside the supported range, holds no business time to remove. A
    /// pause still running ([`Pause::since`]) makes the due instant depend
    /// on `now`: ask [`SlaClock::reading`].
    ///
    /// # Errors
    ///
    /// A due instant after the supported range; more than
    /// [`MAX_PAUSES`](crate::limits::MAX_PAUSES) pauses.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, Pause, SlaClock};
    /// let cal = Calendar::munich();
    /// let created = cal.parse_datetime("2026-12-18T16:00")?;
    /// // Paused over the whole weekend: weekends hold no business time anyway.
    /// let weekend = Pause::new(cal.parse_datetime("2026-12-19T00:00")?, cal.parse_datetime("2026-12-21T00:00")?)?;
    /// let clock = SlaClock::new(&cal, &created, BusinessDuration::from_hours(4))?.with_pauses([weekend])?;
    /// assert_eq!(clock.due().unwrap().to_rfc3339(), "2026-12-21T12:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_pauses(mut self, pauses: impl IntoIterator<Item = Pause>) -> Result<SlaClock> {
        self.pauses = pause_set(&self.calendar.timeline(), pauses)?;
        self.recompute()
    }

    /// The due and at-risk instants, when no pause runs.
    fn recompute(mut self) -> Result<SlaClock> {
        self.deadlines = match self.pauses.open_since {
            Some(_) => None,
            None => Some(self.deadlines_for(&self.pauses.closed)?),
        };
        Ok(self)
    }

    fn deadlines_for(&self, pauses: &PauseSpans) -> Result<Deadlines> {
        let due = due_ns(
            &self.calendar.timeline(),
            self.created,
            self.target_ns,
            pauses,
        )?;
        // A share of the target is reached no later than the whole of it,
        // which `due` already reached inside the range.
        let at_risk = self.risk.map(|threshold| {
            let share = BusinessNanos::try_from(self.target.percent_ceil(threshold.as_percent()))
                .unwrap_or(self.target_ns);
            due_ns(&self.calendar.timeline(), self.created, share, pauses).unwrap_or(due)
        });
        Ok(Deadlines { due, at_risk })
    }

    /// The pauses and deadlines as they stand at `now` (nanoseconds): a
    /// pause still running is taken to end there, so the due instant moves
    /// by the waiting so far. The one place that rule is applied.
    fn at_ns(&self, now: Instant) -> Result<(Cow<'_, PauseSpans>, Deadlines)> {
        match (self.pauses.open_since, self.deadlines) {
            (None, Some(deadlines)) => Ok((Cow::Borrowed(&self.pauses.closed), deadlines)),
            _ => {
                let closed = self.pauses.ended_at(now);
                let deadlines = self.deadlines_for(&closed)?;
                Ok((Cow::Owned(closed), deadlines))
            }
        }
    }

    /// The clock as it stands at `now`: a pause still running is taken to
    /// end at `now`. Every answer of [`SlaClock::reading`] at `now` is this
    /// clock's; use it for what has no `now` of its own, such as
    /// [`SlaClock::explain`] of a ticket that is waiting.
    ///
    /// # Errors
    ///
    /// `now` outside the supported range; a due instant after it.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, Pause, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T10:00")?, BusinessDuration::from_hours(4))?
    ///     .with_pauses([Pause::since(cal.parse_datetime("2026-12-21T11:00")?)])?;
    /// let at_noon = clock.as_of(&cal.parse_datetime("2026-12-21T12:00")?)?;
    /// assert_eq!(at_noon.due().unwrap().to_rfc3339(), "2026-12-21T15:00:00+01:00");
    /// assert_eq!(at_noon.pauses()[0].end(), Some(cal.parse_datetime("2026-12-21T12:00")?.to_utc()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_of<T: TimeZone>(&self, now: &DateTime<T>) -> Result<SlaClock> {
        let now = self.calendar.offset_ns(now)?;
        let (closed, deadlines) = self.at_ns(now)?;
        Ok(SlaClock {
            pauses: PauseSet {
                closed: closed.into_owned(),
                open_since: None,
            },
            deadlines: Some(deadlines),
            ..self.clone()
        })
    }

    /// The same clock, reporting [`SlaStatus::AtRisk`] from the instant
    /// `threshold` of the target has elapsed.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, RiskThreshold, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T10:00")?, BusinessDuration::from_hours(4))?
    ///     .with_risk_threshold(RiskThreshold::percent(75)?);
    /// assert_eq!(clock.at_risk_from().unwrap().to_rfc3339(), "2026-12-21T13:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_risk_threshold(mut self, threshold: RiskThreshold) -> SlaClock {
        self.risk = Some(threshold);
        if self.deadlines.is_some() {
            // The due instant was reached before, so this cannot fail; keep
            // the old deadlines if it somehow did rather than lose them.
            if let Ok(deadlines) = self.deadlines_for(&self.pauses.closed) {
                self.deadlines = Some(deadlines);
            }
        }
        self
    }

    /// The calendar the clock runs on.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T10:00")?, BusinessDuration::from_hours(4))?;
    /// assert_eq!(clock.calendar(), &cal);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The response target.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T10:00")?, BusinessDuration::from_hours(4))?;
    /// assert_eq!(clock.target(), BusinessDuration::from_hours(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn target(&self) -> BusinessDuration {
        self.target
    }

    /// The at-risk threshold, when one was set.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, RiskThreshold, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T10:00")?, BusinessDuration::from_hours(4))?;
    /// assert_eq!(clock.risk_threshold(), None);
    /// let clock = clock.with_risk_threshold(RiskThreshold::percent(80)?);
    /// assert_eq!(clock.risk_threshold(), Some(RiskThreshold::percent(80)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn risk_threshold(&self) -> Option<RiskThreshold> {
        self.risk
    }

    /// When the ticket was created, in the calendar's zone.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T09:00:00Z")?, BusinessDuration::from_hours(4))?;
    /// assert_eq!(clock.created().to_rfc3339(), "2026-12-21T10:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn created(&self) -> DateTime<Tz> {
        self.calendar.to_datetime(self.created)
    }

    /// The due instant, in the calendar's zone; `None` while a pause runs,
    /// since the due instant then depends on when it ends (ask
    /// [`SlaClock::reading`] at a `now`).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, Pause, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T16:00")?, BusinessDuration::from_hours(4))?;
    /// assert_eq!(clock.due().unwrap().to_rfc3339(), "2026-12-22T12:00:00+01:00");
    /// let waiting = clock.with_pauses([Pause::since(cal.parse_datetime("2026-12-21T17:00")?)])?;
    /// assert_eq!(waiting.due(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due(&self) -> Option<DateTime<Tz>> {
        self.deadlines.map(|d| self.calendar.to_datetime(d.due))
    }

    /// The instant the ticket becomes at risk; `None` without a threshold,
    /// and while a pause runs (as [`SlaClock::due`]).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, RiskThreshold, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T16:00")?, BusinessDuration::from_hours(4))?;
    /// assert_eq!(clock.at_risk_from(), None);
    /// let clock = clock.with_risk_threshold(RiskThreshold::percent(50)?);
    /// assert_eq!(clock.at_risk_from().unwrap().to_rfc3339(), "2026-12-21T18:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at_risk_from(&self) -> Option<DateTime<Tz>> {
        let at = self.deadlines?.at_risk?;
        Some(self.calendar.to_datetime(at))
    }

    /// The pauses, merged and sorted.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, Pause, SlaClock};
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// let clock = SlaClock::new(&cal, &at("2026-12-21T10:00")?, BusinessDuration::from_hours(4))?
    ///     .with_pauses([Pause::new(at("2026-12-21T11:00")?, at("2026-12-21T12:00")?)?, Pause::new(at("2026-12-21T11:30")?, at("2026-12-21T13:00")?)?])?;
    /// assert_eq!(clock.pauses().len(), 1);
    /// assert_eq!(clock.pauses()[0].end(), Some(at("2026-12-21T13:00")?.to_utc()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pauses(&self) -> Vec<Pause> {
        let instant = |t: Instant| self.calendar.to_datetime(t).with_timezone(&Utc);
        // Merged spans, each a valid pause by construction.
        let closed = self
            .pauses
            .closed
            .iter()
            .filter_map(|s| Pause::new(instant(s.from), instant(s.to)).ok());
        let open = self.pauses.open_since.map(|p| Pause::since(instant(p)));
        closed.chain(open).collect()
    }

    /// The account of how this clock's due instant was reached.
    ///
    /// # Errors
    ///
    /// A pause still running: the due instant depends on when it ends, so
    /// explain the clock [as of](SlaClock::as_of) a `now` instead.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, Pause, SlaClock, Step};
    /// let cal = Calendar::munich();
    /// let pause = Pause::new(cal.parse_datetime("2026-12-21T11:00")?, cal.parse_datetime("2026-12-21T12:00")?)?;
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T10:00")?, BusinessDuration::from_hours(2))?
    ///     .with_pauses([pause])?;
    /// let steps = clock.explain()?.steps;
    /// assert_eq!(steps.len(), 3);
    /// assert!(matches!(steps[1], Step::Paused { .. }));
    ///
    /// let waiting = clock.with_pauses([Pause::since(cal.parse_datetime("2026-12-21T11:00")?)])?;
    /// assert!(waiting.explain().is_err());
    /// let at_noon = waiting.as_of(&cal.parse_datetime("2026-12-21T12:00")?)?;
    /// assert_eq!(at_noon.explain()?.due.to_rfc3339(), "2026-12-21T13:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain(&self) -> Result<Explanation> {
        let Some(deadlines) = self.deadlines else {
            let since = self.pauses.open_since.unwrap_or(self.created);
            return Err(Reason::PauseRunning {
                since: shown(self.calendar.to_datetime(since).to_rfc3339()),
            }
            .into());
        };
        Ok(explain::explain(
            &self.calendar,
            self.created,
            self.target,
            deadlines.due,
            &self.pauses.closed,
        ))
    }

    /// Everything the clock answers at `now`, given the first response if
    /// there was one (`Some(instant.to_utc())` for a response in any
    /// zone): see [`SlaReading`]. The one place a status is decided.
    ///
    /// A response at or before the due instant is met; after it, breached.
    /// Without a response by `now` the ticket is pending, or at risk from
    /// [`SlaClock::at_risk_from`], up to and including the due instant, and
    /// breached after it. A response after `now` is not known yet at `now`.
    ///
    /// # Errors
    ///
    /// An instant outside the supported range, a response (at or before
    /// `now`) before the ticket was created, or a due instant after the
    /// range once a running pause is ended at `now`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, Pause, Policy, Priority, SlaClock};
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// // Low (5 business days), waiting for the customer since 24 December 11:00.
    /// let clock = SlaClock::for_priority(&cal, &Policy::default(), Priority::Low, &at("2026-12-23T09:00")?)?
    ///     .with_pauses([Pause::since(at("2026-12-24T11:00")?)])?;
    /// let reading = clock.reading(&at("2026-12-28T11:00")?, None)?;
    /// assert_eq!(reading.remaining, BusinessDuration::from_hours(31));
    /// assert_eq!(reading.due.to_rfc3339(), "2026-12-31T18:00:00+01:00");
    /// assert_eq!(reading.next_change, None); // the clock stands still while waiting
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reading<T: TimeZone>(
        &self,
        now: &DateTime<T>,
        responded: Option<DateTime<Utc>>,
    ) -> Result<SlaReading> {
        let now = self.calendar.offset_ns(now)?;
        let responded = self.response_ns(responded, now)?;
        let r = self.reading_ns(now, responded)?;
        let cal = &self.calendar;
        let due = cal.to_datetime(r.due);
        Ok(SlaReading {
            status: status(r.kind, r.remaining, due),
            due,
            elapsed: r.elapsed,
            remaining: r.remaining,
            at_risk_from: r.at_risk_from.map(|t| cal.to_datetime(t)),
            next_change: r.next_change.map(|t| cal.to_datetime(t)),
        })
    }

    /// The reading at `now` with a response known at `now` (or none), in
    /// nanoseconds on the calendar's timeline.
    pub(crate) fn reading_ns(&self, now: Instant, responded: Option<Instant>) -> Result<Reading> {
        let (pauses, Deadlines { due, at_risk }) = self.at_ns(now)?;
        let at = responded.unwrap_or(now);
        let elapsed = if at <= self.created {
            BusinessDuration::ZERO
        } else {
            let ns = elapsed_ns(&self.calendar.timeline(), self.created, at, &pauses);
            BusinessDuration::from(ns)
        };
        let kind = match responded {
            Some(r) if r <= due => StatusKind::Met,
            _ if at > due => StatusKind::Breached,
            _ if at_risk.is_some_and(|from| now >= from) => StatusKind::AtRisk,
            _ => StatusKind::Pending,
        };
        // While a pause runs the clock stands still: nothing changes by
        // itself until it ends.
        let waiting = self.pauses.open_since.is_some_and(|start| start <= now);
        let next_change = match at_risk {
            _ if responded.is_some() || waiting => None,
            Some(from) if now < from => Some(from),
            _ if now <= due => Some(due + Nanos::ONE),
            _ => None,
        };
        Ok(Reading {
            kind,
            due,
            elapsed,
            remaining: self.target - elapsed,
            at_risk_from: at_risk,
            next_change,
        })
    }

    /// The response instant, if there was one by `now`: a later one is not
    /// known yet at `now` (docs/SEMANTICS.md, section 3.7).
    fn response_ns(
        &self,
        responded: Option<DateTime<Utc>>,
        now: Instant,
    ) -> Result<Option<Instant>> {
        let Some(r) = responded else {
            return Ok(None);
        };
        let at = self.calendar.offset_ns(&r)?;
        if at > now {
            return Ok(None);
        }
        if at < self.created {
            return Err(Reason::ResponseBeforeCreation {
                responded: shown(self.calendar.to_datetime(at).to_rfc3339()),
                created: shown(self.created().to_rfc3339()),
            }
            .into());
        }
        Ok(Some(at))
    }

    /// The status at `now`: [`SlaClock::reading`]'s `status`.
    ///
    /// # Errors
    ///
    /// As [`SlaClock::reading`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock, SlaStatus};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-18T16:00")?, BusinessDuration::from_hours(4))?;
    /// let now = cal.parse_datetime("2026-12-22T09:00")?;
    /// let answer = cal.parse_datetime("2026-12-21T12:00")?;
    /// assert_eq!(clock.status(&now, Some(answer.to_utc()))?, SlaStatus::Met { margin: BusinessDuration::ZERO });
    /// assert_eq!(clock.status(&now, None)?.name(), "breached");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status<T: TimeZone>(
        &self,
        now: &DateTime<T>,
        responded: Option<DateTime<Utc>>,
    ) -> Result<SlaStatus> {
        let now = self.calendar.offset_ns(now)?;
        let responded = self.response_ns(responded, now)?;
        let r = self.reading_ns(now, responded)?;
        Ok(status(
            r.kind,
            r.remaining,
            self.calendar.to_datetime(r.due),
        ))
    }

    /// The next instant at which the status changes if nothing else
    /// happens: [`SlaClock::reading`]'s `next_change`. Set one timer for it
    /// instead of polling.
    ///
    /// # Errors
    ///
    /// As [`SlaClock::reading`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, RiskThreshold, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T10:00")?, BusinessDuration::from_hours(4))?
    ///     .with_risk_threshold(RiskThreshold::percent(50)?);
    /// let now = cal.parse_datetime("2026-12-21T10:30")?;
    /// let next = clock.next_change(&now, None)?.unwrap();
    /// assert_eq!(next.to_rfc3339(), "2026-12-21T12:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_change<T: TimeZone>(
        &self,
        now: &DateTime<T>,
        responded: Option<DateTime<Utc>>,
    ) -> Result<Option<DateTime<Tz>>> {
        Ok(self.reading(now, responded)?.next_change)
    }

    /// Business time elapsed from creation up to `now`, pauses excluded,
    /// with no response: [`SlaClock::reading`]'s `elapsed`.
    ///
    /// # Errors
    ///
    /// As [`SlaClock::reading`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-18T16:00")?, BusinessDuration::from_hours(4))?;
    /// let now = cal.parse_datetime("2026-12-21T11:00")?;
    /// assert_eq!(clock.elapsed(&now)?, BusinessDuration::from_hours(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn elapsed<T: TimeZone>(&self, now: &DateTime<T>) -> Result<BusinessDuration> {
        let now = self.calendar.offset_ns(now)?;
        Ok(self.reading_ns(now, None)?.elapsed)
    }

    /// The target minus the elapsed business time at `now`, with no
    /// response: [`SlaClock::reading`]'s `remaining`. Negative once
    /// overdue.
    ///
    /// # Errors
    ///
    /// As [`SlaClock::reading`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-18T16:00")?, BusinessDuration::from_hours(4))?;
    /// let late = cal.parse_datetime("2026-12-21T13:30")?;
    /// assert_eq!(clock.remaining(&late)?.to_string(), "-1h 30m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remaining<T: TimeZone>(&self, now: &DateTime<T>) -> Result<BusinessDuration> {
        let now = self.calendar.offset_ns(now)?;
        Ok(self.reading_ns(now, None)?.remaining)
    }

    /// Wall-clock time from `now` until the due instant as it stands at
    /// `now`; negative once it has passed.
    ///
    /// # Errors
    ///
    /// As [`SlaClock::reading`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-18T16:00")?, BusinessDuration::from_hours(4))?;
    /// let friday = cal.parse_datetime("2026-12-18T18:00")?;
    /// assert_eq!(clock.time_until_due(&friday)?, TimeDelta::hours(66));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn time_until_due<T: TimeZone>(&self, now: &DateTime<T>) -> Result<TimeDelta> {
        let now = self.calendar.offset_ns(now)?;
        Ok(TimeDelta::from(self.reading_ns(now, None)?.due - now))
    }
}

/// The status with its numbers, from the decided kind.
fn status(kind: StatusKind, remaining: BusinessDuration, due: DateTime<Tz>) -> SlaStatus {
    match kind {
        StatusKind::Met => SlaStatus::Met { margin: remaining },
        StatusKind::Pending => SlaStatus::Pending { remaining, due },
        StatusKind::AtRisk => SlaStatus::AtRisk { remaining, due },
        StatusKind::Breached => SlaStatus::Breached {
            overdue: -remaining,
            due,
        },
    }
}
