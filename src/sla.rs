//! A ticket's SLA clock: due time, remaining time, status, pauses.

use std::borrow::Cow;
use std::fmt;

use std::str::FromStr;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use crate::business_time::{due_ns, elapsed_ns, non_negative};
use crate::calendar::Calendar;
use crate::duration::BusinessDuration;
use crate::error::{Reason, Result, shown};
use crate::pause::Pause;
use crate::paused::{PauseSet, pause_set};
use crate::policy::Policy;
use crate::priority::Priority;

/// The share of the target after which a ticket counts as at risk.
///
/// # Example
///
/// ```
/// use sla_clock::RiskThreshold;
///
/// assert_eq!(RiskThreshold::percent(75)?.to_string(), "75%");
/// assert!(RiskThreshold::percent(101).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RiskThreshold(u8);

impl RiskThreshold {
    /// The lifecycle's default (SLA-LIFECYCLE.md section 3): at risk once
    /// 75 % of a cycle's target has elapsed.
    pub(crate) const DEFAULT: RiskThreshold = RiskThreshold(75);

    /// At risk once `percent` of the target has elapsed (0 to 100).
    ///
    /// # Errors
    ///
    /// A percentage above 100.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::RiskThreshold;
    /// let err = RiskThreshold::percent(150).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid at-risk threshold 150%; expected a percentage from 0 to 100");
    /// ```
    pub fn percent(percent: u8) -> Result<Self> {
        if percent > 100 {
            return Err(Reason::InvalidRiskThreshold {
                percent: shown(percent),
            }
            .into());
        }
        Ok(RiskThreshold(percent))
    }

    /// The percentage.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::RiskThreshold;
    /// assert_eq!(RiskThreshold::percent(80)?.as_percent(), 80);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_percent(self) -> u8 {
        self.0
    }
}

impl fmt::Display for RiskThreshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

/// Reads what `Display` writes: a whole percentage with a `%` sign.
///
/// ```
/// use sla_clock::RiskThreshold;
/// assert_eq!("75%".parse::<RiskThreshold>()?, RiskThreshold::percent(75)?);
/// assert!("75".parse::<RiskThreshold>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for RiskThreshold {
    type Err = crate::Error;
    fn from_str(text: &str) -> Result<RiskThreshold> {
        let invalid =
            || -> crate::Error { Reason::InvalidRiskThresholdText { input: shown(text) }.into() };
        let digits = text.strip_suffix('%').ok_or_else(invalid)?;
        if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let percent: u8 = digits.parse().map_err(|_| invalid())?;
        RiskThreshold::percent(percent)
    }
}

#[cfg(feature = "serde")]
crate::serde_text::as_text!(RiskThreshold);

/// Where a ticket stands against its response target.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, Policy, Priority, SlaClock, SlaStatus, BusinessDuration};
///
/// let cal = Calendar::munich();
/// let created = cal.parse_datetime("2026-12-18T16:00")?;
/// let clock = SlaClock::for_priority(&cal, &Policy::default(), Priority::Urgent, &created)?;
/// let now = cal.parse_datetime("2026-12-21T11:00")?;
/// match clock.status(&now, None)? {
///     SlaStatus::Pending { remaining, .. } => assert_eq!(remaining, BusinessDuration::from_hours(1)),
///     other => panic!("unexpected {other}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Statuses are ordered by severity: met, then pending, at risk, breached;
/// within one kind, the one with less time to spare (or more overdue) is
/// more severe, then the one due earlier. Sorting a list of tickets' statuses
/// puts the most urgent last.
///
/// As text (`Display`, `FromStr`) a status reads like
/// `at-risk: 30m left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]`: the
/// due instant in RFC 3339 with the calendar's zone in brackets (RFC 9557),
/// so that it reads back into the same zone. With the `serde` feature it
/// is an object named by its `status`:
/// `{"status": "at-risk", "remaining": "30m", "due": "2026-12-21T15:00:00+01:00[Europe/Berlin]"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "status", rename_all = "kebab-case", deny_unknown_fields)
)]
pub enum SlaStatus {
    /// Answered on or before the due instant.
    Met {
        /// Business time that was left when the answer came.
        margin: BusinessDuration,
    },
    /// Not answered, not yet due, below the at-risk threshold (if any).
    Pending {
        /// Business time left.
        remaining: BusinessDuration,
        /// The due instant.
        #[cfg_attr(feature = "serde", serde(with = "crate::zoned"))]
        due: DateTime<Tz>,
    },
    /// Not answered, not yet due, but past the at-risk threshold.
    AtRisk {
        /// Business time left.
        remaining: BusinessDuration,
        /// The due instant.
        #[cfg_attr(feature = "serde", serde(with = "crate::zoned"))]
        due: DateTime<Tz>,
    },
    /// Answered after the due instant, or not answered and past it.
    Breached {
        /// Business time past the target. It can be zero: an answer at
        /// 19:00 to a ticket due at 18:00 is late, but by no business time.
        overdue: BusinessDuration,
        /// The due instant.
        #[cfg_attr(feature = "serde", serde(with = "crate::zoned"))]
        due: DateTime<Tz>,
    },
}

impl SlaStatus {
    /// A one-word name: `met`, `pending`, `at-risk` or `breached`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, SlaStatus};
    /// assert_eq!(SlaStatus::Met { margin: BusinessDuration::ZERO }.name(), "met");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            SlaStatus::Met { .. } => "met",
            SlaStatus::Pending { .. } => "pending",
            SlaStatus::AtRisk { .. } => "at-risk",
            SlaStatus::Breached { .. } => "breached",
        }
    }

    /// What orders statuses: the kind's rank, then how much time is to
    /// spare (less is more severe), then the due instant (earlier is more
    /// severe).
    fn severity(
        &self,
    ) -> (
        u8,
        std::cmp::Reverse<BusinessDuration>,
        std::cmp::Reverse<Option<DateTime<Utc>>>,
    ) {
        use std::cmp::Reverse;
        match *self {
            SlaStatus::Met { margin } => (0, Reverse(margin), Reverse(None)),
            SlaStatus::Pending { remaining, due } => {
                (1, Reverse(remaining), Reverse(Some(due.to_utc())))
            }
            SlaStatus::AtRisk { remaining, due } => {
                (2, Reverse(remaining), Reverse(Some(due.to_utc())))
            }
            SlaStatus::Breached { overdue, due } => {
                (3, Reverse(-overdue), Reverse(Some(due.to_utc())))
            }
        }
    }
}

/// By severity; see [`SlaStatus`].
///
/// ```
/// use sla_clock::{BusinessDuration, SlaStatus};
/// let met = SlaStatus::Met { margin: BusinessDuration::from_hours(1) };
/// let breached: SlaStatus = "breached by 2h, was due 2026-12-21T14:00:00+01:00[Europe/Berlin]".parse()?;
/// assert!(met < breached);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Ord for SlaStatus {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Equal severity with different zones is still two values: the
        // zone breaks the tie, so that the order agrees with `Eq`.
        self.severity()
            .cmp(&other.severity())
            .then_with(|| self.zone_name().cmp(other.zone_name()))
    }
}

impl PartialOrd for SlaStatus {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl SlaStatus {
    fn zone_name(&self) -> &'static str {
        match self {
            SlaStatus::Met { .. } => "",
            SlaStatus::Pending { due, .. }
            | SlaStatus::AtRisk { due, .. }
            | SlaStatus::Breached { due, .. } => due.timezone().name(),
        }
    }
}

impl fmt::Display for SlaStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SlaStatus::Met { margin } => write!(f, "met with {margin} to spare"),
            SlaStatus::Pending { remaining, due } | SlaStatus::AtRisk { remaining, due } => write!(
                f,
                "{}: {remaining} left, due {}",
                self.name(),
                crate::zoned::format(due)
            ),
            SlaStatus::Breached { overdue, due } => {
                write!(
                    f,
                    "breached by {overdue}, was due {}",
                    crate::zoned::format(due)
                )
            }
        }
    }
}

/// Reads what `Display` writes.
///
/// ```
/// use sla_clock::SlaStatus;
/// let text = "at-risk: 30m left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]";
/// assert_eq!(text.parse::<SlaStatus>()?.to_string(), text);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for SlaStatus {
    type Err = crate::Error;
    fn from_str(text: &str) -> Result<SlaStatus> {
        let invalid = || -> crate::Error { Reason::InvalidStatus { input: shown(text) }.into() };
        let duration = |t: &str| t.parse::<BusinessDuration>().map_err(|_| invalid());
        let due = |t: &str| crate::zoned::parse(t).map_err(|_| invalid());
        if let Some(margin) = text
            .strip_prefix("met with ")
            .and_then(|t| t.strip_suffix(" to spare"))
        {
            return Ok(SlaStatus::Met {
                margin: duration(margin)?,
            });
        }
        if let Some(rest) = text.strip_prefix("breached by ") {
            let (overdue, when) = rest.split_once(", was due ").ok_or_else(invalid)?;
            return Ok(SlaStatus::Breached {
                overdue: duration(overdue)?,
                due: due(when)?,
            });
        }
        let (name, rest) = text.split_once(": ").ok_or_else(invalid)?;
        let (remaining, when) = rest.split_once(" left, due ").ok_or_else(invalid)?;
        let (remaining, due) = (duration(remaining)?, due(when)?);
        match name {
            "pending" => Ok(SlaStatus::Pending { remaining, due }),
            "at-risk" => Ok(SlaStatus::AtRisk { remaining, due }),
            _ => Err(invalid()),
        }
    }
}

/// One ticket's SLA clock: created at an instant, with a target, optional
/// pauses and an optional at-risk threshold. The due instant is computed
/// once when the clock is made; status queries take `now` as an argument
/// (the library never reads the system clock).
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
/// assert_eq!(clock.due().to_rfc3339(), "2026-12-21T16:00:00+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct SlaClock {
    calendar: Calendar,
    created: i64,
    target: BusinessDuration,
    target_ns: i64,
    pauses: PauseSet,
    due: i64,
    risk: Option<(RiskThreshold, i64)>,
}

/// A snapshot of the clock: `created`, `target`, `due`, and when set
/// `risk_threshold` and `at_risk_from`, and the `pauses`. Instants carry
/// the calendar's zone in brackets (RFC 9557). A clock is not read back:
/// make it again from the calendar with [`SlaClock::new`].
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
            #[serde(with = "crate::zoned")]
            due: DateTime<Tz>,
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
            risk_threshold: self.risk.map(|(threshold, _)| threshold),
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
    /// assert_eq!(clock.due().to_rfc3339(), "2026-12-24T15:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<T: TimeZone>(
        calendar: &Calendar,
        created: &DateTime<T>,
        target: BusinessDuration,
    ) -> Result<SlaClock> {
        let created = calendar.offset_ns(created)?;
        let target_ns = non_negative(target)?;
        let due = due_ns(&calendar.timeline(), created, target_ns, &[])?;
        Ok(SlaClock {
            calendar: calendar.clone(),
            created,
            target,
            target_ns,
            pauses: PauseSet::default(),
            due,
            risk: None,
        })
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
    /// assert_eq!(clock.due().to_rfc3339(), "2026-12-31T15:00:00+01:00");
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
    /// outside the supported range, holds no business time to remove.
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
    /// assert_eq!(clock.due().to_rfc3339(), "2026-12-21T12:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_pauses(mut self, pauses: impl IntoIterator<Item = Pause>) -> Result<SlaClock> {
        self.pauses = pause_set(&self.calendar.timeline(), pauses)?;
        self.recompute()
    }

    /// The due and at-risk instants for the ended pauses.
    fn recompute(mut self) -> Result<SlaClock> {
        self.due = due_ns(
            &self.calendar.timeline(),
            self.created,
            self.target_ns,
            &self.pauses.closed,
        )?;
        Ok(match self.risk {
            Some((threshold, _)) => self.with_risk_threshold(threshold),
            None => self,
        })
    }

    /// The clock as it stands at `now`: a pause still running is taken to
    /// end there, so the due instant moves by the waiting so far.
    fn at(&self, now: i64) -> Result<Cow<'_, SlaClock>> {
        match self.pauses.open_since {
            Some(start) if start < now => {
                let mut clock = self.clone();
                clock.pauses = PauseSet {
                    closed: self.pauses.ended_at(now),
                    open_since: None,
                };
                Ok(Cow::Owned(clock.recompute()?))
            }
            _ => Ok(Cow::Borrowed(self)),
        }
    }

    /// The same clock, reporting [`SlaStatus::AtRisk`] once `threshold` of
    /// the target has elapsed.
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
        // A share of the target is reached no later than the whole of it,
        // which `due` already reached inside the range.
        let share = self
            .target
            .percent_ceil(threshold.as_percent())
            .to_i64_nanos()
            .unwrap_or(self.target_ns);
        let at = due_ns(
            &self.calendar.timeline(),
            self.created,
            share,
            &self.pauses.closed,
        )
        .unwrap_or(self.due);
        self.risk = Some((threshold, at));
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

    /// The due instant, in the calendar's zone.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, SlaClock};
    /// let cal = Calendar::munich();
    /// let clock = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T16:00")?, BusinessDuration::from_hours(4))?;
    /// assert_eq!(clock.due().to_rfc3339(), "2026-12-22T12:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due(&self) -> DateTime<Tz> {
        self.calendar.to_datetime(self.due)
    }

    /// The instant the ticket becomes at risk, when a threshold was set.
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
        self.risk.map(|(_, at)| self.calendar.to_datetime(at))
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
        let instant = |t: i64| self.calendar.to_datetime(t).with_timezone(&Utc);
        // Merged spans, each a valid pause by construction.
        let closed = self
            .pauses
            .closed
            .iter()
            .filter_map(|&(p, q)| Pause::new(instant(p), instant(q)).ok());
        let open = self.pauses.open_since.map(|p| Pause::since(instant(p)));
        closed.chain(open).collect()
    }

    /// The ended pauses as merged spans, for the explanation.
    pub(crate) fn pause_spans(&self) -> &[(i64, i64)] {
        &self.pauses.closed
    }

    pub(crate) fn created_ns(&self) -> i64 {
        self.created
    }

    pub(crate) fn due_ns(&self) -> i64 {
        self.due
    }

    /// Business time elapsed on the clock from creation up to `now`,
    /// pauses excluded; zero before creation.
    fn elapsed_at(&self, now: i64) -> BusinessDuration {
        let elapsed = if now <= self.created {
            0
        } else if self.pauses.open_since.is_some() {
            let pauses = self.pauses.ended_at(now);
            elapsed_ns(&self.calendar.timeline(), self.created, now, &pauses)
        } else {
            elapsed_ns(
                &self.calendar.timeline(),
                self.created,
                now,
                &self.pauses.closed,
            )
        };
        BusinessDuration::from_nanos(i128::from(elapsed))
    }

    /// Business time elapsed from creation up to `now`, pauses excluded;
    /// zero before creation.
    ///
    /// # Errors
    ///
    /// `now` outside the supported range.
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
        Ok(self.elapsed_at(self.calendar.offset_ns(now)?))
    }

    /// The target minus the elapsed business time: negative once overdue.
    ///
    /// # Errors
    ///
    /// `now` outside the supported range.
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
        Ok(self.target - self.elapsed(now)?)
    }

    /// Wall-clock time from `now` until the due instant; negative once it
    /// has passed.
    ///
    /// # Errors
    ///
    /// `now` outside the supported range.
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
        Ok(TimeDelta::nanoseconds(self.at(now)?.due - now))
    }

    /// The status at `now`, given the first response if there was one
    /// (`Some(instant.to_utc())` for a response in any zone).
    ///
    /// A response at or before the due instant is met; after it, breached.
    /// Without a response the ticket is pending (or at risk) up to and
    /// including the due instant and breached after it.
    ///
    /// # Errors
    ///
    /// An instant outside the supported range, or a response before the
    /// ticket was created.
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
        Ok(self.at(now)?.status_at(now, responded))
    }

    /// The response instant, if there was one by `now`: a later one is not
    /// known yet at `now` (SLA-SEMANTICS section 3).
    fn response_ns(&self, responded: Option<DateTime<Utc>>, now: i64) -> Result<Option<i64>> {
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

    fn status_at(&self, now: i64, responded: Option<i64>) -> SlaStatus {
        let due = self.due();
        let at = responded.unwrap_or(now);
        let remaining = self.target - self.elapsed_at(at);
        match responded {
            Some(r) if r <= self.due => SlaStatus::Met { margin: remaining },
            _ if at > self.due => SlaStatus::Breached {
                overdue: -remaining,
                due,
            },
            _ if self.risk.is_some_and(|(_, from)| now >= from) => {
                SlaStatus::AtRisk { remaining, due }
            }
            _ => SlaStatus::Pending { remaining, due },
        }
    }

    /// The next instant at which the status changes if nothing else
    /// happens: when the ticket becomes at risk, or when it becomes
    /// breached (one nanosecond after the due instant, since an answer
    /// exactly at the due instant still meets the target). `None` once it
    /// is answered or breached. Set one timer for it instead of polling.
    ///
    /// # Errors
    ///
    /// As [`SlaClock::status`].
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
        let now = self.calendar.offset_ns(now)?;
        if self.response_ns(responded, now)?.is_some() {
            return Ok(None);
        }
        // While a pause runs the clock stands still: nothing changes by
        // itself until it ends.
        if self.pauses.open_since.is_some_and(|start| start <= now) {
            return Ok(None);
        }
        let next = match self.risk {
            Some((_, from)) if now < from => Some(from),
            _ if now <= self.due => Some(self.due + 1),
            _ => None,
        };
        Ok(next.map(|t| self.calendar.to_datetime(t)))
    }
}
