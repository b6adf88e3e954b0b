//! The crate's one public error type.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::range::{self, FIRST_YEAR, LAST_YEAR};

/// Everything that can go wrong in `sla-clock`.
///
/// The message names the offending value and says what would be accepted;
/// [`Error::kind`] tells a program what went wrong without reading it. The
/// error is one word (the details are boxed), so `Result`s stay small on
/// the hot path.
///
/// # Example
///
/// ```
/// use sla_clock::{ErrorKind, Priority};
///
/// let err = "asap".parse::<Priority>().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Priority);
/// assert_eq!(
///     err.to_string(),
///     "unknown priority 'asap'; expected one of urgent, high, normal, low \
///      (or in German: dringend, hoch, normal, niedrig)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(transparent)]
pub struct Error(Box<Reason>);

impl From<Reason> for Error {
    fn from(reason: Reason) -> Error {
        Error(Box::new(reason))
    }
}

/// What kind of thing went wrong, for a program to act on: a service maps
/// it to the field or the HTTP status to report. New kinds may be added.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, ErrorKind};
///
/// let cal = Calendar::munich();
/// assert_eq!(cal.holidays(2100).unwrap_err().kind(), ErrorKind::OutOfRange);
/// assert_eq!(cal.parse_datetime("tomorrow").unwrap_err().kind(), ErrorKind::DateTime);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An unknown priority name.
    Priority,
    /// A malformed date-time, or a local time that a clock change skips or
    /// repeats.
    DateTime,
    /// A year, date, instant or deadline outside the supported range
    /// 1995-01-01 to 2099-12-31 (local time).
    OutOfRange,
    /// A calendar definition that is not valid: time zone, opening
    /// windows, holiday rules or region, closures, business-day length.
    Calendar,
    /// A policy value that is not valid: a negative target, an at-risk
    /// threshold over 100 %.
    Policy,
    /// More of something than the crate's [`limits`](crate::limits) allow.
    Limit,
    /// A business duration that is malformed or too large.
    Duration,
    /// A pause that is malformed or ends before it starts.
    Pause,
    /// A response instant before the ticket was created.
    Response,
    /// Text that is not an SLA status as one prints.
    Status,
    /// A ticket event, or a ticket's history of events, that is not
    /// valid: an unknown kind, a missing priority, no `created`.
    Event,
    /// Text that is not JSON, or JSON of the wrong shape: a missing or
    /// unknown field, a value of the wrong type. A value of the right shape
    /// that is not valid keeps its own kind (an unknown zone is `Calendar`,
    /// an unknown priority `Priority`).
    Json,
}

impl ErrorKind {
    /// Every kind.
    pub const ALL: [ErrorKind; 12] = [
        ErrorKind::Priority,
        ErrorKind::DateTime,
        ErrorKind::OutOfRange,
        ErrorKind::Calendar,
        ErrorKind::Policy,
        ErrorKind::Limit,
        ErrorKind::Duration,
        ErrorKind::Pause,
        ErrorKind::Response,
        ErrorKind::Status,
        ErrorKind::Event,
        ErrorKind::Json,
    ];

    /// The kind's stable snake-case name, for an HTTP error body or a log
    /// field: `priority`, `date_time`, `out_of_range`, `calendar`,
    /// `policy`, `limit`, `duration`, `pause`, `response`, `status`,
    /// `event`, `json`. It is also the kind's `Display`, `FromStr` and
    /// serde form.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::ErrorKind;
    /// assert_eq!(ErrorKind::OutOfRange.name(), "out_of_range");
    /// assert_eq!(ErrorKind::DateTime.to_string(), "date_time");
    /// assert_eq!("out_of_range".parse::<ErrorKind>()?, ErrorKind::OutOfRange);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Priority => "priority",
            ErrorKind::DateTime => "date_time",
            ErrorKind::OutOfRange => "out_of_range",
            ErrorKind::Calendar => "calendar",
            ErrorKind::Policy => "policy",
            ErrorKind::Limit => "limit",
            ErrorKind::Duration => "duration",
            ErrorKind::Pause => "pause",
            ErrorKind::Response => "response",
            ErrorKind::Status => "status",
            ErrorKind::Event => "event",
            ErrorKind::Json => "json",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Reads a name as [`ErrorKind::name`] writes it.
///
/// ```
/// use sla_clock::ErrorKind;
/// assert!("OutOfRange".parse::<ErrorKind>().is_err());
/// ```
impl std::str::FromStr for ErrorKind {
    type Err = Error;
    fn from_str(text: &str) -> Result<ErrorKind> {
        ErrorKind::ALL
            .into_iter()
            .find(|kind| kind.name() == text)
            .ok_or_else(|| Reason::UnknownErrorKind { input: shown(text) }.into())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ErrorKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ErrorKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(de)
    }
}

impl Error {
    /// What kind of thing went wrong.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, ErrorKind};
    ///
    /// let err = Calendar::builder(chrono_tz::Europe::Berlin).build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Calendar);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        use Reason::*;
        match *self.0 {
            YearOutOfRange { .. }
            | DateOutOfRange { .. }
            | InstantOutOfRange { .. }
            | DeadlineOutOfRange { .. }
            | NoChangeInRange { .. }
            | StartOutOfRange { .. }
            | BusinessDaysOutOfRange { .. }
            | NoBusinessDayInRange { .. }
            | CycleDeadlineOutOfRange { .. } => ErrorKind::OutOfRange,
            UnknownPriority { .. } => ErrorKind::Priority,
            InvalidDateTime { .. }
            | InvalidInstant { .. }
            | InvalidZoned { .. }
            | NonexistentLocalTime { .. }
            | AmbiguousLocalTime { .. } => ErrorKind::DateTime,
            UnknownTimeZone { .. }
            | InvalidTimeOfDay { .. }
            | InvalidWindowSyntax { .. }
            | EmptyWindow { .. }
            | OverlappingWindows { .. }
            | NoOpeningHours
            | NoCalendarsToCombine
            | CombinedBoundary { .. }
            | InvalidHolidayRule { .. }
            | UnknownRegion { .. }
            | ClosureOutOfRange { .. }
            | SpecialHoursOutOfRange { .. }
            | InvalidDateRange { .. }
            | InvertedDateRange { .. }
            | InvalidDayLength { .. } => ErrorKind::Calendar,
            #[cfg(feature = "ical")]
            IcalSyntax { .. } | IcalEvent { .. } => ErrorKind::Calendar,
            InvalidRiskThreshold { .. }
            | InvalidRiskThresholdText { .. }
            | NegativeTarget { .. }
            | InvalidTarget { .. }
            | TargetUnits { .. } => ErrorKind::Policy,
            LimitExceeded { .. } => ErrorKind::Limit,
            DurationTooLarge { .. }
            | InvalidDuration { .. }
            | IsoDurationDays { .. }
            | NegativeDuration { .. }
            | NegativeCountBack { .. } => ErrorKind::Duration,
            InvertedPause { .. } | InvalidPause { .. } | PauseRunning { .. } => ErrorKind::Pause,
            InvalidStatus { .. } | InvalidStatusKind { .. } => ErrorKind::Status,
            UnknownEventKind { .. }
            | MissingPriority { .. }
            | UnexpectedPriority { .. }
            | NoEvents
            | NoKnownEvent { .. }
            | MissingCreated { .. }
            | EventBeforeCreated { .. }
            | CreatedTwice { .. } => ErrorKind::Event,
            ResponseBeforeCreation { .. } => ErrorKind::Response,
            UnknownErrorKind { .. } => ErrorKind::Json,
            #[cfg(feature = "serde")]
            Json { .. } => ErrorKind::Json,
            #[cfg(feature = "serde")]
            InJson { ref source, .. } => source.kind(),
        }
    }
}

/// A date-time value quoted in an error message.
pub(crate) type Shown = String;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Reason {
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
    /// `side` is "on or after" or "on or before".
    #[error(
        "there is no business day {side} {date} within the supported range {dates}",
        dates = range::DATES
    )]
    NoBusinessDayInRange { side: &'static str, date: Shown },
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
        "invalid instant '{input}'; expected RFC 3339 with an offset like \
         2026-12-23T15:00:00+01:00 or 2026-12-23T14:00:00Z"
    )]
    InvalidInstant { input: Shown },
    #[error(
        "invalid zoned date-time '{input}'; expected RFC 3339 with the zone's offset and its \
         name in brackets, like 2026-12-21T15:00:00+01:00[Europe/Berlin]"
    )]
    InvalidZoned { input: Shown },
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
    /// `closest` is a list of the nearest IANA names.
    #[error(
        "unknown time zone '{input}'; expected an IANA zone name such as 'Europe/Berlin' (closest: {closest})"
    )]
    UnknownTimeZone { input: Shown, closest: Shown },
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
    #[error("no calendars to combine; give at least one")]
    NoCalendarsToCombine,
    #[error(
        "the combined hours change at {instant}, in the repeated hour of a clock change, which \
         local times in {zone} cannot name; combine in UTC or in a zone without that change"
    )]
    CombinedBoundary { instant: Shown, zone: Shown },
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
    #[error(
        "the due instant is not known while a pause runs (paused since {since}); \
         ask at a given now, e.g. with SlaClock::as_of"
    )]
    PauseRunning { since: Shown },
    #[error(
        "invalid pause '{input}'; expected START/END or START/.. (still running), \
         two instants joined by '/'"
    )]
    InvalidPause { input: Shown },
    #[error("invalid at-risk threshold {percent}%; expected a percentage from 0 to 100")]
    InvalidRiskThreshold { percent: Shown },
    #[error("invalid at-risk threshold '{input}'; expected a percentage from 0% to 100%")]
    InvalidRiskThresholdText { input: Shown },
    #[error(
        "invalid response target '{input}'; expected a whole number of business minutes, \
         hours or days like '4 business hours' or '1 business day'"
    )]
    InvalidTarget { input: Shown },
    /// `input` is quoted as written (text in quotes, JSON as it is).
    #[error("invalid response target {input}: a target has one unit; {advice}")]
    TargetUnits { input: Shown, advice: Shown },
    #[error(
        "invalid SLA status '{input}'; expected what a status prints, like \
         'pending: 1h left, due 2026-12-21T12:00:00+01:00[Europe/Berlin]'"
    )]
    InvalidStatus { input: Shown },
    #[error("invalid status '{input}'; expected met, pending, at_risk or breached")]
    InvalidStatusKind { input: Shown },
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
    #[error(
        "invalid business duration '{input}'; expected hours, minutes and seconds \
         like '4h 30m', '90m' or '1.5s'"
    )]
    InvalidDuration { input: Shown },
    #[error(
        "invalid business duration '{input}'; an ISO 8601 duration here has hours, minutes \
         and seconds only (PT8H): a business day's length depends on the calendar"
    )]
    IsoDurationDays { input: Shown },
    #[error("business duration {value} is negative; a std::time::Duration cannot be")]
    NegativeDuration { value: Shown },
    #[error(
        "unknown event kind '{input}'; expected one of created, agent_reply, customer_reply, \
         waiting, solved, reopened, priority_changed"
    )]
    UnknownEventKind { input: Shown },
    #[error("event kind '{kind}' needs a priority")]
    MissingPriority { kind: Shown },
    #[error(
        "event kind '{kind}' takes no priority, found '{priority}'; only created and \
         priority_changed do"
    )]
    UnexpectedPriority { kind: Shown, priority: Shown },
    #[error("the ticket has no events")]
    NoEvents,
    #[error(
        "the ticket has no event at or before now ({now}); its first event is '{kind}' at {at}"
    )]
    NoKnownEvent { now: Shown, kind: Shown, at: Shown },
    #[error(
        "the ticket has no 'created' event at or before now ({now}); its first event is \
         '{kind}' at {at}"
    )]
    MissingCreated { now: Shown, kind: Shown, at: Shown },
    #[error("event '{kind}' at {at} comes before the ticket's 'created' at {created}")]
    EventBeforeCreated {
        kind: Shown,
        at: Shown,
        created: Shown,
    },
    #[error("the ticket is created twice, at {first} and again at {second}")]
    CreatedTwice { first: Shown, second: Shown },
    #[error(
        "the {metric} deadline of the cycle that starts at {start} falls after the supported \
         range {dates} ({zone} local time)",
        dates = range::DATES
    )]
    CycleDeadlineOutOfRange {
        metric: Shown,
        start: Shown,
        zone: Shown,
    },
    #[cfg(feature = "ical")]
    #[error("invalid iCalendar text: {reason}")]
    IcalSyntax { reason: Shown },
    #[cfg(feature = "ical")]
    #[error("iCalendar event '{event}': {reason}")]
    IcalEvent { event: Shown, reason: Shown },
    #[error(
        "unknown error kind '{input}'; expected one of priority, date_time, out_of_range, calendar, policy, limit, duration, pause, response, status, event, json"
    )]
    UnknownErrorKind { input: Shown },
    /// Not JSON, or JSON of the wrong shape; `what` names the document.
    #[cfg(feature = "serde")]
    #[error("{what} JSON{}: {message}", position(*line, *column))]
    Json {
        what: &'static str,
        line: usize,
        column: usize,
        message: Shown,
    },
    /// A value in a JSON document that is not valid, with its own kind.
    #[cfg(feature = "serde")]
    #[error("{what} JSON{}: {source}", position(*line, *column))]
    InJson {
        what: &'static str,
        line: usize,
        column: usize,
        source: Error,
    },
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

// The checks against the supported range live here rather than in
// `range.rs`: the messages above quote the range, so `range.rs` sits below
// the error type and cannot name it.

pub(crate) fn check_year(year: i32) -> Result<()> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(Reason::YearOutOfRange {
            year: i64::from(year),
        }
        .into())
    }
}

pub(crate) fn check_date(date: NaiveDate) -> Result<()> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(())
    } else {
        Err(Reason::DateOutOfRange { date: shown(date) }.into())
    }
}

// A `serde_json::Error` carries only a message: the kind of an error that
// one of the crate's `Deserialize` impls raised would be lost in it. The
// impls hand their error over through `de`, which keeps it here for the
// loader on the same thread to pick up.
#[cfg(feature = "serde")]
thread_local! {
    static IN_DESERIALIZE: std::cell::RefCell<Option<Error>> = const { std::cell::RefCell::new(None) };
}

/// `, line L column C`, or nothing where serde_json knows no position (a
/// mistake found once a whole object was read: it says line 0 then).
#[cfg(feature = "serde")]
fn position(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(", line {line} column {column}")
    }
}

/// The crate's error as a deserializer's, remembered for [`from_json`].
#[cfg(feature = "serde")]
pub(crate) fn de<E: serde::de::Error>(error: Error) -> E {
    let message = error.to_string();
    IN_DESERIALIZE.with(|slot| *slot.borrow_mut() = Some(error));
    E::custom(message)
}

/// Forgets an error kept by [`de`] (before reading a document).
#[cfg(feature = "serde")]
pub(crate) fn forget_kept() {
    IN_DESERIALIZE.with(|slot| slot.borrow_mut().take());
}

/// The error [`de`] kept, if it is the one `message` carries: one kept
/// from an attempt that the document recovered from is not it.
#[cfg(feature = "serde")]
pub(crate) fn take_kept(message: &str) -> Option<Error> {
    IN_DESERIALIZE
        .with(|slot| slot.borrow_mut().take())
        .filter(|kept| message.contains(&kept.to_string()))
}

/// A JSON document's error: with the kind of the value that was not valid
/// (kept by [`de`]), else of kind `Json`, and the position.
#[cfg(feature = "serde")]
pub(crate) fn json_error(e: &serde_json::Error, what: &'static str) -> Error {
    let (line, column) = (e.line(), e.column());
    let message = e.to_string();
    match take_kept(&message) {
        Some(source) => Reason::InJson {
            what,
            line,
            column,
            source,
        }
        .into(),
        None => {
            // serde_json ends its message with the position, which the
            // crate's message gives in its own words.
            let message = match message.rfind(" at line ") {
                Some(at) => message[..at].to_string(),
                None => message,
            };
            Reason::Json {
                what,
                line,
                column,
                message,
            }
            .into()
        }
    }
}
