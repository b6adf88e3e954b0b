//! The crate's one public error type.

use std::fmt;

use crate::range;

/// Everything that can go wrong in `sla-clock`.
///
/// The message names the offending value and says what would be accepted.
/// The inner kind is private so new cases can be added without breaking
/// callers; match on the message only in tests.
///
/// # Example
///
/// ```
/// use sla_clock::Priority;
///
/// let err = "asap".parse::<Priority>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown priority 'asap'; expected one of urgent, high, normal, low \
///      (or in German: dringend, hoch, normal, niedrig)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] ErrorKind);

impl Error {
    /// Whether the error is about the supported range (1995-01-01 to
    /// 2099-12-31 local time), as opposed to malformed input.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let err = Calendar::munich().holidays(2100).unwrap_err();
    /// assert!(err.is_out_of_range());
    /// ```
    pub fn is_out_of_range(&self) -> bool {
        matches!(
            self.0,
            ErrorKind::YearOutOfRange { .. }
                | ErrorKind::DateOutOfRange { .. }
                | ErrorKind::InstantOutOfRange { .. }
                | ErrorKind::DeadlineOutOfRange { .. }
                | ErrorKind::StartOutOfRange { .. }
                | ErrorKind::NoChangeInRange { .. }
                | ErrorKind::BusinessDaysOutOfRange { .. }
        )
    }
}

impl Error {
    /// Whether the input was refused for exceeding one of the crate's
    /// [`limits`](crate::limits) (too many windows, rules, closures or
    /// pauses), as opposed to being malformed.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Pause};
    ///
    /// let cal = Calendar::munich();
    /// let at = cal.parse_datetime("2026-12-21T12:00")?;
    /// let pauses = vec![Pause::new(at, at)?; sla_clock::limits::MAX_PAUSES + 1];
    /// let err = cal.business_time_with_pauses(&at, &at, pauses).unwrap_err();
    /// assert!(err.is_limit());
    /// assert_eq!(err.to_string(), "too many pauses: 10001, more than the limit of 10000 (see sla_clock::limits)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_limit(&self) -> bool {
        matches!(self.0, ErrorKind::LimitExceeded { .. })
    }
}

/// A date-time value quoted in an error message.
pub(crate) type Shown = String;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ErrorKind {
    #[error("year {year} is outside the supported range {years}", years = range::YEARS)]
    YearOutOfRange { year: i64 },
    #[error("date {date} is outside the supported range {dates}", dates = range::DATES)]
    DateOutOfRange { date: Shown },
    #[error(
        "instant {instant} is outside the supported range {dates} ({zone} local time)",
        dates = range::DATES
    )]
    InstantOutOfRange { instant: Shown, zone: Shown },
    #[error(
        "the deadline falls after the supported range {dates} ({zone} local time)",
        dates = range::DATES
    )]
    DeadlineOutOfRange { zone: Shown },
    #[error(
        "counting back {amount} of business time from {instant} passes the start of the \
         supported range {dates} ({zone} local time)",
        dates = range::DATES
    )]
    StartOutOfRange {
        amount: Shown,
        instant: Shown,
        zone: Shown,
    },
    /// `change` is "open" or "close", `side` "after" or "before".
    #[error(
        "the calendar does not {change} {side} {instant} within the supported range {dates} ({zone} local time)",
        dates = range::DATES
    )]
    NoChangeInRange {
        change: &'static str,
        side: &'static str,
        instant: Shown,
        zone: Shown,
    },
    /// `days` is "1 business day" or "5 business days", `side` "after"
    /// or "before".
    #[error(
        "counting {days} {side} {date} leaves the supported range {dates}",
        dates = range::DATES
    )]
    BusinessDaysOutOfRange {
        days: Shown,
        side: &'static str,
        date: Shown,
    },
    #[error(
        "unknown priority '{input}'; expected one of urgent, high, normal, low \
         (or in German: dringend, hoch, normal, niedrig)"
    )]
    UnknownPriority { input: Shown },
    #[error(
        "invalid date-time '{input}'; expected RFC 3339 like 2026-12-23T15:00:00+01:00 \
         or a local date-time like 2026-12-23T15:00:00 or 2026-12-23T15:00"
    )]
    InvalidDateTime { input: Shown },
    #[error(
        "local time '{input}' does not exist in {zone}: the clocks skip it when daylight saving \
         time starts; give it with an explicit UTC offset"
    )]
    NonexistentLocalTime { input: Shown, zone: Shown },
    #[error(
        "local time '{input}' is ambiguous in {zone}: it occurs twice when daylight saving \
         time ends ({earlier} and {later}); give it with an explicit UTC offset"
    )]
    AmbiguousLocalTime {
        input: Shown,
        zone: Shown,
        earlier: Shown,
        later: Shown,
    },
    #[error("unknown time zone '{input}'; expected an IANA zone name such as 'Europe/Berlin'")]
    UnknownTimeZone { input: Shown },
    #[error("invalid time of day '{input}'; expected HH:MM or HH:MM:SS from 00:00 to 24:00")]
    InvalidTimeOfDay { input: Shown },
    #[error("invalid opening window '{input}'; expected two times of day like '10:00-18:00'")]
    InvalidWindowSyntax { input: Shown },
    /// `day` is a weekday's name or the dates of special hours.
    #[error("opening window {window} on {day} is empty or ends before it starts")]
    EmptyWindow { window: Shown, day: Shown },
    #[error("opening windows {first} and {second} on {day} overlap")]
    OverlappingWindows {
        first: Shown,
        second: Shown,
        day: Shown,
    },
    #[error("the weekly schedule has no opening hours; add at least one opening window")]
    NoOpeningHours,
    #[error("unknown holiday region '{input}'; expected one of {known}")]
    UnknownRegion { input: Shown, known: Shown },
    #[error("invalid holiday rule '{name}': {reason}")]
    InvalidHolidayRule { name: Shown, reason: Shown },
    #[error("closure date {date} is outside the supported range {dates}", dates = range::DATES)]
    ClosureOutOfRange { date: Shown },
    #[error("special hours date {date} is outside the supported range {dates}", dates = range::DATES)]
    SpecialHoursOutOfRange { date: Shown },
    #[error(
        "invalid date or date range '{input}'; expected YYYY-MM-DD or an inclusive range \
         YYYY-MM-DD/YYYY-MM-DD"
    )]
    InvalidDateRange { input: Shown },
    #[error("date range {range} ends before it starts")]
    InvertedDateRange { range: Shown },
    #[error(
        "invalid business day length {length}; expected whole seconds, more than 0s and at most 24h"
    )]
    InvalidDayLength { length: Shown },
    #[error("invalid pause: it ends at {to}, before it starts at {from}")]
    InvertedPause { from: Shown, to: Shown },
    #[error("invalid at-risk threshold {percent}%; expected a percentage from 0 to 100")]
    InvalidRiskThreshold { percent: Shown },
    #[error("invalid response target {target}; a target cannot be negative")]
    NegativeTarget { target: Shown },
    #[error(
        "invalid business duration {value} to count back; expected zero or more (count forward with due)"
    )]
    NegativeCountBack { value: Shown },
    #[error(
        "invalid response instant {responded}: it is before the ticket was created at {created}"
    )]
    ResponseBeforeCreation { responded: Shown, created: Shown },
    #[error(
        "business duration {value} is too large; the supported range holds far less business time"
    )]
    DurationTooLarge { value: Shown },
    #[cfg(feature = "ical")]
    #[error("invalid iCalendar text: {reason}")]
    IcalSyntax { reason: Shown },
    #[cfg(feature = "ical")]
    #[error("iCalendar event '{event}': {reason}")]
    IcalEvent { event: Shown, reason: Shown },
    #[error("too many {what}: {found}, more than the limit of {limit} (see sla_clock::limits)")]
    LimitExceeded {
        what: String,
        found: usize,
        limit: usize,
    },
}

/// Shorthand for results in this crate.
///
/// # Example
///
/// ```
/// fn holidays_2027() -> sla_clock::Result<usize> {
///     Ok(sla_clock::Calendar::munich().holidays(2027)?.len())
/// }
/// assert_eq!(holidays_2027().unwrap(), 13);
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

pub(crate) fn shown(value: impl fmt::Display) -> Shown {
    value.to_string()
}
