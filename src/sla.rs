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
use crate::timeline::Timeline;
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
/// let reading = clock.reading(&cal.parse_datetime("2026-12-21T15:00")?)?;
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
    /// The first response, on the timeline.
    response: Option<Instant>,
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
/// let reading = clock.reading(&cal.parse_datetime("2026-12-21T11:00")?)?;
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
    serde(into = "ReadingWire", try_from = "ReadingWire")
)]
pub struct SlaReading {
    /// The status, with its numbers.
    pub status: SlaStatus,
    /// The due instant, with the pauses as they stand at `now`.
    pub due: DateTime<Tz>,
    /// Business time counted from creation to the response (or to `now`
    /// while there is none), pauses excluded; zero before creation.
    pub elapsed: BusinessDuration,
    /// The target minus `elapsed`: negative once overdue.
    pub remaining: BusinessDuration,
    /// The instant the ticket is at risk from, when a threshold is set.
    pub at_risk_from: Option<DateTime<Tz>>,
    /// The next instant at which the status changes if nothing else
    /// happens: when the ticket becomes at risk, or breached (one
    /// nanosecond after the due instant). `None` once it is answered or
    /// breached, and while a pause runs (the clock stands still until it
    /// ends).
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

/// A clock as JSON: its calendar (as [`CalendarConfig`](crate::CalendarConfig)),
/// `created` (RFC 3339) and its `zone`, `target_ns`, the `pauses`, and when
/// set `risk_threshold` and `responded`; then, for readers, the `due` and
/// `at_risk_from` instants (absent while a pause runs), which are derived
/// and not read back. A clock reads back equal to the one written.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use sla_clock::{BusinessDuration, Calendar, SlaClock};
/// let cal = Calendar::munich();
/// let at = |s| cal.parse_datetime(s).unwrap();
/// let clock = SlaClock::new(&cal, &at("2026-12-21T10:00"), BusinessDuration::from_hours(4)).unwrap()
///     .with_response(&at("2026-12-21T11:00")).unwrap();
/// let json = serde_json::to_string(&clock).unwrap();
/// assert!(json.ends_with(r#""created":"2026-12-21T10:00:00+01:00","zone":"Europe/Berlin","target_ns":14400000000000,"pauses":[],"responded":"2026-12-21T11:00:00+01:00","due":"2026-12-21T14:00:00+01:00"}"#), "{json}");
/// let back: SlaClock = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, clock);
/// # }
/// ```
#[cfg(feature = "serde")]
impl serde::Serialize for SlaClock {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use crate::wire::rfc3339;
        #[derive(serde::Serialize)]
        struct Written {
            calendar: crate::CalendarConfig,
            created: String,
            zone: &'static str,
            target_ns: BusinessDuration,
            pauses: Vec<Pause>,
            #[serde(skip_serializing_if = "Option::is_none")]
            risk_threshold: Option<RiskThreshold>,
            #[serde(skip_serializing_if = "Option::is_none")]
            responded: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            due: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            at_risk_from: Option<String>,
        }
        Written {
            calendar: crate::CalendarConfig::from(&self.calendar),
            created: rfc3339(&self.created()),
            zone: self.calendar.zone().name(),
            target_ns: self.target,
            pauses: self.pauses(),
            risk_threshold: self.risk,
            responded: self.responded().map(|t| rfc3339(&t)),
            due: self.due().map(|t| rfc3339(&t)),
            at_risk_from: self.at_risk_from().map(|t| rfc3339(&t)),
        }
        .serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for SlaClock {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use chrono::FixedOffset;
        use serde::de::IgnoredAny;
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            calendar: Calendar,
            #[serde(with = "crate::wire::instant")]
            created: DateTime<FixedOffset>,
            // The calendar's zone, written for readers of the instants.
            #[allow(dead_code)]
            zone: IgnoredAny,
            target_ns: BusinessDuration,
            pauses: Vec<Pause>,
            #[serde(default)]
            risk_threshold: Option<RiskThreshold>,
            #[serde(default, with = "crate::wire::instant::option")]
            responded: Option<DateTime<FixedOffset>>,
            // Derived from the rest, and not read back.
            #[serde(default)]
            #[allow(dead_code)]
            due: IgnoredAny,
            #[serde(default)]
            #[allow(dead_code)]
            at_risk_from: IgnoredAny,
        }
        let w = Written::deserialize(d)?;
        let build = || -> Result<SlaClock> {
            let clock =
                SlaClock::new(&w.calendar, &w.created, w.target_ns)?.with_pauses(w.pauses)?;
            let clock = match w.risk_threshold {
                Some(threshold) => clock.with_risk_threshold(threshold),
                None => clock,
            };
            match w.responded {
                Some(r) => clock.with_response(&r),
                None => Ok(clock),
            }
        };
        build().map_err(crate::error::de)
    }
}

/// Two clocks are equal when they answer alike: the same calendar,
/// creation, target, pauses, threshold and response.
impl PartialEq for SlaClock {
    fn eq(&self, other: &SlaClock) -> bool {
        self.calendar == other.calendar
            && self.created == other.created
            && self.target == other.target
            && self.pauses == other.pauses
            && self.risk == other.risk
            && self.response == other.response
    }
}

impl Eq for SlaClock {}

/// A reading as JSON: the status's name, the time left and elapsed in
/// nanoseconds, the due, at-risk and next-change instants in RFC 3339
/// (the last two `null` when there are none), and the zone.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadingWire {
    status: StatusKind,
    remaining_ns: BusinessDuration,
    elapsed_ns: BusinessDuration,
    #[serde(with = "crate::wire::instant")]
    due: DateTime<chrono::FixedOffset>,
    #[serde(with = "crate::wire::instant::option")]
    at_risk_from: Option<DateTime<chrono::FixedOffset>>,
    #[serde(with = "crate::wire::instant::option")]
    next_change: Option<DateTime<chrono::FixedOffset>>,
    zone: String,
}

#[cfg(feature = "serde")]
impl From<SlaReading> for ReadingWire {
    fn from(r: SlaReading) -> ReadingWire {
        ReadingWire {
            status: r.status.kind(),
            remaining_ns: r.remaining,
            elapsed_ns: r.elapsed,
            due: r.due.fixed_offset(),
            at_risk_from: r.at_risk_from.map(|t| t.fixed_offset()),
            next_change: r.next_change.map(|t| t.fixed_offset()),
            zone: r.due.timezone().name().to_string(),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<ReadingWire> for SlaReading {
    type Error = crate::Error;
    fn try_from(w: ReadingWire) -> Result<SlaReading> {
        let zone = crate::zoned::parse_zone(&w.zone)?;
        let due = w.due.with_timezone(&zone);
        Ok(SlaReading {
            status: SlaStatus::new(w.status, w.remaining_ns, due),
            due,
            elapsed: w.elapsed_ns,
            remaining: w.remaining_ns,
            at_risk_from: w.at_risk_from.map(|t| t.with_timezone(&zone)),
            next_change: w.next_change.map(|t| t.with_timezone(&zone)),
        })
    }
}

/// The status at `now` of a ticket due at `due`, with its response if one
/// is known at `now`: the one rule (`docs/SEMANTICS.md`, section 3.7). A
/// response at or before the due instant is met, after it breached;
/// without one the ticket is breached after the due instant, at risk from
/// the at-risk instant, and pending before. `at_risk` is asked only when
/// the answer depends on it, so that callers may compute it lazily.
pub(crate) fn decide(
    now: Instant,
    responded: Option<Instant>,
    due: Instant,
    at_risk: impl FnOnce() -> Option<Instant>,
) -> StatusKind {
    match responded {
        Some(r) if r <= due => StatusKind::Met,
        Some(_) => StatusKind::Breached,
        None if now > due => StatusKind::Breached,
        None if at_risk().is_some_and(|from| now >= from) => StatusKind::AtRisk,
        None => StatusKind::Pending,
    }
}

/// The response `responded` of a ticket created at `created` on the
/// calendar's timeline: inside the range, and not before the creation.
pub(crate) fn response_ns<R: TimeZone>(
    calendar: &Calendar,
    created: Instant,
    responded: &DateTime<R>,
) -> Result<Instant> {
    response_after(calendar, created, calendar.offset_ns(responded)?)
}

/// The response at `at` of a ticket created at `created`, both on the
/// calendar's timeline: refused before the creation.
pub(crate) fn response_after(
    calendar: &Calendar,
    created: Instant,
    at: Instant,
) -> Result<Instant> {
    if at < created {
        return Err(Reason::ResponseBeforeCreation {
            responded: shown(calendar.to_datetime(at).to_rfc3339()),
            created: shown(calendar.to_datetime(created).to_rfc3339()),
        }
        .into());
    }
    Ok(at)
}

/// The instant `threshold` of `target` has elapsed since `created`, given
/// the due instant `due` (the whole target) with the same pauses.
pub(crate) fn at_risk_ns(
    timeline: &Timeline<'_>,
    created: Instant,
    target: BusinessDuration,
    threshold: RiskThreshold,
    pauses: &PauseSpans,
    due: Instant,
) -> Instant {
    // A share of the target is reached no later than the whole of it,
    // which `due` already reached inside the range.
    match BusinessNanos::try_from(target.percent_ceil(threshold.as_percent())) {
        Ok(share) => due_ns(timeline, created, share, pauses).unwrap_or(due),
        Err(_) => due,
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
            response: None,
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
        let timeline = self.calendar.timeline();
        let due = due_ns(&timeline, self.created, self.target_ns, pauses)?;
        Ok(Deadlines {
            due,
            at_risk: self.at_risk_for(pauses, due),
        })
    }

    /// The at-risk instant, when a threshold is set, given the due instant
    /// with the same pauses.
    fn at_risk_for(&self, pauses: &PauseSpans, due: Instant) -> Option<Instant> {
        self.risk.map(|threshold| {
            at_risk_ns(
                &self.calendar.timeline(),
                self.created,
                self.target,
                threshold,
                pauses,
                due,
            )
        })
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
        // The due instant does not depend on the threshold: only the
        // at-risk instant is computed again.
        if let Some(deadlines) = self.deadlines {
            self.deadlines = Some(Deadlines {
                at_risk: self.at_risk_for(&self.pauses.closed, deadlines.due),
                ..deadlines
            });
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

    /// The same clock with the ticket's first response at `responded`, an
    /// instant in any zone. Every answer at a `now` before it treats the
    /// ticket as unanswered (a response later than `now` is not known yet);
    /// at and after it, the status is met or breached and the business
    /// time left is the time left at the response.
    ///
    /// # Errors
    ///
    /// `responded` outside the supported range, or before the ticket was
    /// created.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock, StatusKind};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-18T16:00")?, BusinessDuration::from_hours(4))?
    ///     .with_response(&cal.parse_datetime("2026-12-21T11:30")?)?;
    /// // Before the response: still open, counting.
    /// let monday_11 = clock.reading(&cal.parse_datetime("2026-12-21T11:00")?)?;
    /// assert_eq!((monday_11.status.kind(), monday_11.remaining), (StatusKind::Pending, BusinessDuration::from_hours(1)));
    /// // After it: met, with the half hour that was left at the response.
    /// let tuesday = clock.reading(&cal.parse_datetime("2026-12-22T10:00")?)?;
    /// assert_eq!((tuesday.status.kind(), tuesday.remaining), (StatusKind::Met, BusinessDuration::from_minutes(30)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_response<R: TimeZone>(mut self, responded: &DateTime<R>) -> Result<SlaClock> {
        self.response = Some(response_ns(&self.calendar, self.created, responded)?);
        Ok(self)
    }

    /// The first response, when one was given with
    /// [`with_response`](SlaClock::with_response), in the calendar's zone.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-18T16:00")?, BusinessDuration::from_hours(4))?;
    /// assert_eq!(clock.responded(), None);
    /// let clock = clock.with_response(&cal.parse_datetime("2026-12-21T10:30:00Z")?)?;
    /// assert_eq!(clock.responded().unwrap().to_rfc3339(), "2026-12-21T11:30:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn responded(&self) -> Option<DateTime<Tz>> {
        self.response.map(|t| self.calendar.to_datetime(t))
    }

    /// Everything the clock answers at `now`, an instant in any zone: see
    /// [`SlaReading`]. A status is decided by the rule below, the same for
    /// [`StatusBoard`](crate::StatusBoard).
    ///
    /// A response at or before the due instant is met; after it, breached.
    /// Without a response by `now` the ticket is pending, or at risk from
    /// [`SlaClock::at_risk_from`], up to and including the due instant, and
    /// breached after it. A response after `now` is not known yet at `now`.
    ///
    /// # Errors
    ///
    /// `now` outside the supported range, or a due instant after the range
    /// once a running pause is ended at `now`.
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
    /// let reading = clock.reading(&at("2026-12-28T11:00")?)?;
    /// assert_eq!(reading.remaining, BusinessDuration::from_hours(31));
    /// assert_eq!(reading.due.to_rfc3339(), "2026-12-31T18:00:00+01:00");
    /// assert_eq!(reading.next_change, None); // the clock stands still while waiting
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reading<T: TimeZone>(&self, now: &DateTime<T>) -> Result<SlaReading> {
        let now = self.calendar.offset_ns(now)?;
        let r = self.reading_ns(now, self.known_response(now))?;
        let cal = &self.calendar;
        let due = cal.to_datetime(r.due);
        Ok(SlaReading {
            status: SlaStatus::new(r.kind, r.remaining, due),
            due,
            elapsed: r.elapsed,
            remaining: r.remaining,
            at_risk_from: r.at_risk_from.map(|t| cal.to_datetime(t)),
            next_change: r.next_change.map(|t| cal.to_datetime(t)),
        })
    }

    /// The response, if it is known at `now`: a later one is not yet
    /// (docs/SEMANTICS.md, section 3.7).
    fn known_response(&self, now: Instant) -> Option<Instant> {
        self.response.filter(|&r| r <= now)
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
        let kind = decide(now, responded, due, || at_risk);
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

    /// The status at `now`: [`SlaClock::reading`]'s `status`.
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
    /// let now = cal.parse_datetime("2026-12-22T09:00")?;
    /// assert_eq!(clock.status(&now)?.name(), "breached");
    /// let answered = clock.with_response(&cal.parse_datetime("2026-12-21T12:00")?)?;
    /// assert_eq!(answered.status(&now)?.name(), "met");
    /// assert_eq!(answered.status(&now)?.remaining(), BusinessDuration::ZERO);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status<T: TimeZone>(&self, now: &DateTime<T>) -> Result<SlaStatus> {
        let now = self.calendar.offset_ns(now)?;
        let r = self.reading_ns(now, self.known_response(now))?;
        Ok(SlaStatus::new(
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
    /// let next = clock.next_change(&now)?.unwrap();
    /// assert_eq!(next.to_rfc3339(), "2026-12-21T12:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_change<T: TimeZone>(&self, now: &DateTime<T>) -> Result<Option<DateTime<Tz>>> {
        Ok(self.reading(now)?.next_change)
    }

    /// Business time elapsed from creation up to `now` (or up to the
    /// response, once it is known), pauses excluded:
    /// [`SlaClock::reading`]'s `elapsed`.
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
        Ok(self.reading_ns(now, self.known_response(now))?.elapsed)
    }

    /// The target minus the elapsed business time: [`SlaClock::reading`]'s
    /// `remaining`. Negative once overdue; after a response, the time that
    /// was left at the response.
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
        Ok(self.reading_ns(now, self.known_response(now))?.remaining)
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
        let (_, deadlines) = self.at_ns(now)?;
        Ok(TimeDelta::from(deadlines.due - now))
    }
}
