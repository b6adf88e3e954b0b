//! Whether a calendar is open at an instant, and why not: "why is the desk
//! closed now?" in the calendar's own words.

use std::fmt;

use chrono::{DateTime, TimeZone};

use crate::calendar::Calendar;
use crate::error::Result;
use crate::explain::{SkipReason, closed_day_reason};

/// Whether a calendar is open at an instant, from
/// [`Calendar::openness`].
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, ClosedReason, Openness};
///
/// let cal = Calendar::munich();
/// let monday_noon = cal.parse_datetime("2026-12-21T12:00")?;
/// assert_eq!(cal.openness(&monday_noon)?, Openness::Open);
/// let evening = cal.parse_datetime("2026-12-21T18:00")?;
/// assert_eq!(cal.openness(&evening)?, Openness::Closed(ClosedReason::AfterClosing));
/// assert_eq!(cal.openness(&evening)?.to_string(), "closed: after closing");
/// # Ok::<(), sla_clock::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Openness {
    /// Inside one of the day's opening windows.
    Open,
    /// Closed, and why.
    Closed(ClosedReason),
}

impl Openness {
    /// Whether this is [`Openness::Open`]: the same answer as
    /// [`Calendar::is_open`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let t = cal.parse_datetime("2026-12-25T12:00")?;
    /// assert!(!cal.openness(&t)?.is_open());
    /// # Ok::<(), sla_clock::Error>(())
    /// ```
    pub fn is_open(&self) -> bool {
        matches!(self, Openness::Open)
    }
}

impl fmt::Display for Openness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Openness::Open => f.write_str("open"),
            Openness::Closed(reason) => write!(f, "closed: {reason}"),
        }
    }
}

/// Why a calendar is closed at an instant.
///
/// On a day that opens, the instant is before its first window, between
/// two windows (a break: a lunch hour is written as two windows,
/// `["10:00-12:00", "13:00-18:00"]`), or at or after its last close. On a
/// day that does not open, the reason is the one an
/// [explanation](crate::Explanation) gives for skipping the day.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, ClosedReason, Openness, SkipReason, munich_holiday_rules};
///
/// let cal = Calendar::builder(chrono_tz::Europe::Berlin)
///     .weekdays("09:00-12:00")
///     .weekdays("13:00-17:00")
///     .holidays(munich_holiday_rules())
///     .build()?;
/// let lunch = cal.parse_datetime("2026-12-21T12:30")?;
/// assert_eq!(cal.openness(&lunch)?, Openness::Closed(ClosedReason::Break));
/// let early = cal.parse_datetime("2026-12-21T08:00")?;
/// assert_eq!(cal.openness(&early)?.to_string(), "closed: before opening");
/// let christmas = cal.parse_datetime("2026-12-25T10:00")?;
/// assert!(matches!(
///     cal.openness(&christmas)?,
///     Openness::Closed(ClosedReason::ClosedDay(SkipReason::Holiday(_)))
/// ));
/// assert_eq!(
///     cal.openness(&christmas)?.to_string(),
///     "closed: holiday: 1. Weihnachtstag / Christmas Day"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClosedReason {
    /// Before the day's first opening.
    BeforeOpening,
    /// Between two of the day's opening windows.
    Break,
    /// At or after the day's last closing (a window's end is not in it).
    AfterClosing,
    /// The whole day has no business time: a weekend, a weekday without
    /// hours, a holiday (named), a closure, special hours that close the
    /// day, or a clock change that skips the day's hours.
    ClosedDay(SkipReason),
}

impl fmt::Display for ClosedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClosedReason::BeforeOpening => f.write_str("before opening"),
            ClosedReason::Break => f.write_str("break"),
            ClosedReason::AfterClosing => f.write_str("after closing"),
            ClosedReason::ClosedDay(reason) => reason.fmt(f),
        }
    }
}

impl Calendar {
    /// Whether the calendar is open at `instant` and, when it is not, why:
    /// before opening, a break, after closing, or the reason the whole
    /// local date is closed (weekend, no hours that weekday, which
    /// holiday, a closure, special hours, a clock change).
    ///
    /// Open exactly when [`is_open`](Calendar::is_open) is: an opening
    /// instant is open, a closing instant is not.
    ///
    /// # Errors
    ///
    /// `instant` outside the supported range.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let saturday = cal.parse_datetime("2026-12-19T12:00")?;
    /// assert_eq!(cal.openness(&saturday)?.to_string(), "closed: weekend");
    /// let morning = cal.parse_datetime("2026-12-21T09:59:59")?;
    /// assert_eq!(cal.openness(&morning)?.to_string(), "closed: before opening");
    /// # Ok::<(), sla_clock::Error>(())
    /// ```
    pub fn openness<T: TimeZone>(&self, instant: &DateTime<T>) -> Result<Openness> {
        let timeline = self.timeline();
        let t = timeline.offset_ns(instant)?;
        let date = self.to_datetime(t).date_naive();
        let holiday = self.holiday_on(date)?;
        let kind = timeline.day_kind(date, holiday.is_some());
        if let Some(reason) = closed_day_reason(kind, holiday.as_ref(), date) {
            return Ok(Openness::Closed(ClosedReason::ClosedDay(reason)));
        }
        // Windows come in order: where t falls among them.
        let (mut open, mut before_first, mut after_last) = (false, true, true);
        let mut first = true;
        timeline.for_each_window_on(date, |w| {
            if first {
                before_first = t < w.from;
                first = false;
            }
            open |= w.from <= t && t < w.to;
            after_last = t >= w.to;
        });
        Ok(match (open, before_first, after_last) {
            (true, _, _) => Openness::Open,
            (false, true, _) => Openness::Closed(ClosedReason::BeforeOpening),
            (false, _, true) => Openness::Closed(ClosedReason::AfterClosing),
            (false, false, false) => Openness::Closed(ClosedReason::Break),
        })
    }
}
