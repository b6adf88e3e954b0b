//! The statuses of many tickets at one `now`: what a report or a
//! dashboard asks row by row, answered by the same rule as
//! [`SlaClock`](crate::SlaClock) with only the business time each answer
//! needs.

use chrono::{DateTime, TimeZone};

use crate::business_time::{PauseSpans, due_ns, non_negative};
use crate::calendar::Calendar;
use crate::duration::BusinessDuration;
use crate::error::Result;
use crate::policy::Policy;
use crate::priority::Priority;
use crate::sla::{at_risk_ns, decide, response_after, response_ns};
use crate::status::{RiskThreshold, StatusKind};
use crate::units::Instant;

/// The status of tickets without pauses at one `now`, on one calendar and
/// policy: for each ticket, the [`StatusKind`] that
/// [`SlaClock::status`](crate::SlaClock::status) gives for a clock of its
/// priority, creation and response.
///
/// The board borrows its calendar and computes per ticket only what the
/// answer depends on: the due instant, and the at-risk instant only for a
/// ticket without a response that is not yet overdue. It neither counts
/// the business time elapsed nor builds a clock. Use it where many
/// tickets are read at once and only their status is wanted; use
/// [`SlaClock`](crate::SlaClock) for pauses, the time left, or the next
/// change.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, Policy, Priority, RiskThreshold, StatusBoard, StatusKind};
///
/// let cal = Calendar::munich();
/// let at = |s| cal.parse_datetime(s);
/// let board = StatusBoard::new(&cal, &Policy::default(), &at("2026-12-21T11:00")?)?
///     .with_risk_threshold(RiskThreshold::percent(75)?);
/// // Urgent (4 business hours) from Friday 16:00: due Monday 12:00, at risk from 11:00.
/// let created = at("2026-12-18T16:00")?;
/// assert_eq!(board.status(Priority::Urgent, &created, None)?, StatusKind::AtRisk);
/// assert_eq!(board.status(Priority::High, &created, None)?, StatusKind::Pending);
/// // Answered Monday 10:30: met. A response after `now` is not known yet.
/// assert_eq!(board.status(Priority::Urgent, &created, Some(&at("2026-12-21T10:30")?))?, StatusKind::Met);
/// assert_eq!(board.status(Priority::Urgent, &created, Some(&at("2026-12-21T12:30")?))?, StatusKind::AtRisk);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct StatusBoard<'a> {
    calendar: &'a Calendar,
    /// Each priority's target, in [`Priority::ALL`]'s order.
    targets: [BusinessDuration; 4],
    risk: Option<RiskThreshold>,
    now: Instant,
}

/// Tickets on a board have no pauses.
const NO_PAUSES: &PauseSpans = &[];

impl<'a> StatusBoard<'a> {
    /// A board on `calendar` with the targets of `policy`, reading every
    /// ticket at `now` (an instant in any zone). Without an at-risk
    /// threshold no ticket is at risk.
    ///
    /// # Errors
    ///
    /// `now` outside the supported range.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy, StatusBoard};
    /// let cal = Calendar::munich();
    /// assert!(StatusBoard::new(&cal, &Policy::default(), &cal.parse_datetime("2026-12-21T11:00")?).is_ok());
    /// let late = "2100-01-01T12:00:00Z".parse::<chrono::DateTime<chrono::Utc>>()?;
    /// assert_eq!(
    ///     StatusBoard::new(&cal, &Policy::default(), &late).unwrap_err().kind(),
    ///     sla_clock::ErrorKind::OutOfRange
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<T: TimeZone>(
        calendar: &'a Calendar,
        policy: &Policy,
        now: &DateTime<T>,
    ) -> Result<StatusBoard<'a>> {
        Ok(StatusBoard {
            calendar,
            targets: Priority::ALL.map(|p| policy.target(p).duration(calendar)),
            risk: None,
            now: calendar.offset_ns(now)?,
        })
    }

    /// The same board, with tickets at risk once `threshold` of their
    /// target has elapsed (see
    /// [`SlaClock::with_risk_threshold`](crate::SlaClock::with_risk_threshold)).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy, Priority, RiskThreshold, StatusBoard, StatusKind};
    /// let cal = Calendar::munich();
    /// let now = cal.parse_datetime("2026-12-21T13:30")?;
    /// let created = cal.parse_datetime("2026-12-21T10:00")?;
    /// let board = StatusBoard::new(&cal, &Policy::default(), &now)?;
    /// assert_eq!(board.status(Priority::Urgent, &created, None)?, StatusKind::Pending);
    /// let board = board.with_risk_threshold(RiskThreshold::percent(75)?);
    /// assert_eq!(board.status(Priority::Urgent, &created, None)?, StatusKind::AtRisk);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_risk_threshold(self, threshold: RiskThreshold) -> StatusBoard<'a> {
        StatusBoard {
            risk: Some(threshold),
            ..self
        }
    }

    /// The status at the board's `now` of a ticket of `priority` created at
    /// `created` and answered at `responded` (`None`: no response yet), by
    /// the rule of [`SlaClock::reading`](crate::SlaClock::reading): a
    /// response after `now` is not known yet.
    ///
    /// # Errors
    ///
    /// As building the ticket's [`SlaClock`](crate::SlaClock) and giving it
    /// its response: `created` or `responded` outside the supported range,
    /// a due instant after it, a response before the creation.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, ErrorKind, Policy, Priority, StatusBoard, StatusKind};
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// let board = StatusBoard::new(&cal, &Policy::default(), &at("2026-12-22T09:00")?)?;
    /// let created = at("2026-12-18T16:00")?;
    /// assert_eq!(board.status(Priority::Urgent, &created, None)?, StatusKind::Breached);
    /// assert_eq!(board.status(Priority::Urgent, &created, Some(&at("2026-12-21T12:00")?))?, StatusKind::Met);
    /// let before = board.status(Priority::Urgent, &created, Some(&at("2026-12-18T15:00")?));
    /// assert_eq!(before.unwrap_err().kind(), ErrorKind::Response);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status<T: TimeZone>(
        &self,
        priority: Priority,
        created: &DateTime<T>,
        responded: Option<&DateTime<T>>,
    ) -> Result<StatusKind> {
        let created = self.calendar.offset_ns(created)?;
        let (due, target) = self.due(priority, created)?;
        let responded = match responded {
            Some(r) => Some(response_ns(self.calendar, created, r)?),
            None => None,
        };
        Ok(self.decide(created, target, due, responded))
    }

    /// [`StatusBoard::status`] of instants given as nanoseconds since
    /// 1970-01-01T00:00 UTC, as Arrow, Polars and NumPy store timestamps:
    /// the same answers and errors, without building a chrono value per
    /// instant.
    ///
    /// # Errors
    ///
    /// As [`StatusBoard::status`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy, Priority, StatusBoard, StatusKind};
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// let ns = |s| at(s).map(|t| t.timestamp_nanos_opt().unwrap());
    /// let board = StatusBoard::new(&cal, &Policy::default(), &at("2026-12-22T09:00")?)?;
    /// let created = ns("2026-12-18T16:00")?;
    /// assert_eq!(board.status_unix_nanos(Priority::Urgent, created, None)?, StatusKind::Breached);
    /// assert_eq!(board.status_unix_nanos(Priority::Urgent, created, Some(ns("2026-12-21T12:00")?))?, StatusKind::Met);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status_unix_nanos(
        &self,
        priority: Priority,
        created: i64,
        responded: Option<i64>,
    ) -> Result<StatusKind> {
        let timeline = self.calendar.timeline();
        let created = timeline.offset_unix_ns(created)?;
        let (due, target) = self.due(priority, created)?;
        let responded = match responded {
            Some(r) => Some(response_after(
                self.calendar,
                created,
                timeline.offset_unix_ns(r)?,
            )?),
            None => None,
        };
        Ok(self.decide(created, target, due, responded))
    }

    /// The due instant of a ticket of `priority` created at `created`, and
    /// its target.
    fn due(&self, priority: Priority, created: Instant) -> Result<(Instant, BusinessDuration)> {
        // A fieldless enum's discriminant is its place in the declaration,
        // which is `Priority::ALL`'s order.
        let target = self.targets[priority as usize];
        let timeline = self.calendar.timeline();
        let due = due_ns(&timeline, created, non_negative(target)?, NO_PAUSES)?;
        Ok((due, target))
    }

    /// The status of a ticket due at `due`, by the one rule; a response
    /// after `now` is not known yet.
    fn decide(
        &self,
        created: Instant,
        target: BusinessDuration,
        due: Instant,
        responded: Option<Instant>,
    ) -> StatusKind {
        let known = responded.filter(|&r| r <= self.now);
        decide(self.now, known, due, || {
            self.risk.map(|threshold| {
                let timeline = self.calendar.timeline();
                at_risk_ns(&timeline, created, target, threshold, NO_PAUSES, due)
            })
        })
    }
}
