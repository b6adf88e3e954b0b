//! The bounds on what a calendar, a policy or a clock may hold.
//!
//! Calendars and pauses often come from configuration that a service's own
//! customers write. Every size that drives time or memory is bounded here,
//! so that any input the crate accepts is answered within a known budget,
//! and anything larger is refused with an error that names the limit
//! ([`ErrorKind::Limit`](crate::ErrorKind::Limit)) instead of exhausting
//! memory or running for minutes.
//!
//! | limit | value | why |
//! | --- | --- | --- |
//! | [`MAX_WINDOWS_PER_DAY`] | 24 | an opening window every hour with a break between each still fits; the window table grows with windows per day × 38 351 days: at 24 windows every day it holds about 11 MB (20 MB at the peak of building it) and builds in about 20 ms (0.1 s in a debug build) |
//! | [`MAX_HOLIDAY_RULES`] | 1 000 | about 60 holidays a year written as one-off dates for 15 years, or every region's rules several times over; each rule is evaluated once per year of the range |
//! | [`MAX_CLOSURES`] | 40 000 | every date of the supported range (38 351) fits; a range counts each of its dates, and a date closed twice counts once, so any closures inside the range fit; they are kept as ranges, so the limit bounds memory (at most 40 000 ranges) more than it restricts |
//! | [`MAX_SPECIAL_DATES`] | 40 000 | dates with special hours, counted like closures: every date of the range fits. Kept as ranges, at most 24 windows each, so at most about 9 MB (less than the window table at its own limit); a year's table looks up only its own entries |
//! | [`MAX_CONFIG_BYTES`] | 32 MiB | a configuration file (calendar, policy or lifecycle policy as JSON), checked by [`config_bytes`] before it is parsed, as the example programs do. A calendar at every limit above, written by the crate (`serde_json::to_string_pretty`, holiday names of about 30 characters), is about 24 MB (15 MB without the indentation), and loads in about 1.6 s and 70 MB (release build); a policy is a few hundred bytes |
//! | `MAX_ICAL_BYTES` (feature `ical`) | 4 MiB | the size of one iCalendar text, checked before it is read: a country's holiday feed over ten years is under 100 KB, and 5 000 events with long descriptions fit. Reading keeps only the events' dates, rules and names, so a text at the limit takes at most about 30 MB, whatever its lines hold (measured, release build) |
//! | `MAX_ICAL_NESTING` (feature `ical`) | 10 | components inside components (`BEGIN:` inside `BEGIN:`), the `VCALENDAR` counting as one: RFC 5545 nests three deep at most (`VCALENDAR`, `VEVENT`, `VALARM`). Checked line by line before the parser sees the text: it recurses once a level, and about 2 000 levels overflowed a 2 MiB thread stack |
//! | `MAX_ICAL_EVENTS` (feature `ical`) | 5 000 | events in one iCalendar text: a country's holiday feed over ten years has a few hundred |
//! | `MAX_ICAL_RULES` (feature `ical`) | 200 | recurrence rules (`RRULE` lines) in one iCalendar text: a holiday file has one per recurring holiday. Expansion starts at the range, however early a rule starts, so a rule costs the recurrence engine at most about 146 000 steps: one 400-year cycle for a rule with `COUNT` that starts before 1995 (its occurrences must be counted), or the engine's limit of 100 000 periods without an occurrence for one that seldom or never matches (30 February); about 18 ms, so 200 take at most about 4 s (measured, release build) |
//! | `MAX_ICAL_OCCURRENCES` (feature `ical`) | 100 000 | dates of events after their recurrences are expanded (within 1995–2099): a daily event over the whole range is 38 351; each costs one insertion into the closures |
//! | [`MAX_PAUSES`] | 10 000 | a pause every business hour for five years of one ticket; pauses are sorted and merged once per clock |
//! | [`MAX_EVENTS_PER_TICKET`] | 10 000 | an event every business hour for five years of one ticket; a [`TicketHistory`](crate::TicketHistory) keeps its events (16 bytes each, so at most 160 KB a ticket) and replays them on every report in time linear in them; a ticket's waiting periods, one per `waiting` event, then stay within [`MAX_PAUSES`] |
//! | [`MAX_EVENT_LINE_BYTES`] | 64 KiB | one event as a line of JSON, as the `tickets` example reads them: an event with its four fields is under 150 bytes, but ticket-system exports carry more (subjects, message bodies). A longer line gets one short error line and the stream goes on, so memory stays constant whatever the input; the example's memory grows with the tickets, each holding at most [`MAX_EVENTS_PER_TICKET`] events |
//! | [`MAX_DUE_LINE_BYTES`] | 1 KiB | one line of `due --batch` input, a priority and an instant (a valid line is under 64 bytes); a longer line gets one short error line |
//!
//! # Example
//!
//! ```
//! use chrono::Weekday;
//! use sla_clock::{Calendar, limits};
//!
//! let mut builder = Calendar::builder(chrono_tz::Europe::Berlin);
//! for hour in 0..=limits::MAX_WINDOWS_PER_DAY {
//!     // 25 one-minute windows on Monday, one more than allowed.
//!     builder = builder.open(Weekday::Mon, &format!("{:02}:00-{:02}:01", hour % 24, hour % 24));
//! }
//! let err = builder.build().unwrap_err();
//! assert!(err.kind() == sla_clock::ErrorKind::Limit);
//! ```

/// The most opening windows one weekday may have.
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_WINDOWS_PER_DAY, 24);
/// ```
pub const MAX_WINDOWS_PER_DAY: usize = 24;

/// The most calendars [`Calendar::union`](crate::Calendar::union) and
/// [`Calendar::intersection`](crate::Calendar::intersection) combine: each
/// adds its open windows over the whole range (about 27 000 for a
/// weekday calendar) to the work.
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_COMBINED_CALENDARS, 64);
/// ```
pub const MAX_COMBINED_CALENDARS: usize = 64;

/// The most holiday rules one calendar may have.
///
/// # Example
///
/// ```
/// assert!(sla_clock::munich_holiday_rules().len() <= sla_clock::limits::MAX_HOLIDAY_RULES);
/// ```
pub const MAX_HOLIDAY_RULES: usize = 1_000;

/// The most closure dates one calendar may have (a range counts each of
/// its dates, a date closed twice counts once).
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_CLOSURES, 40_000);
/// ```
pub const MAX_CLOSURES: usize = 40_000;

/// The most dates with special hours one calendar may have (a range
/// counts each of its dates, a date given twice counts once).
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_SPECIAL_DATES, 40_000);
/// ```
pub const MAX_SPECIAL_DATES: usize = 40_000;

/// The largest iCalendar text (in bytes) that
/// [`CalendarBuilder::closures_from_ical`](crate::CalendarBuilder::closures_from_ical)
/// reads, checked before anything else is done with it.
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_ICAL_BYTES, 4 * 1024 * 1024);
/// ```
#[cfg(feature = "ical")]
pub const MAX_ICAL_BYTES: usize = 4 * 1024 * 1024;

/// The deepest that components may be nested in one iCalendar text
/// (`BEGIN:` inside `BEGIN:`), the `VCALENDAR` itself counting as one.
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_ICAL_NESTING, 10);
/// ```
#[cfg(feature = "ical")]
pub const MAX_ICAL_NESTING: usize = 10;

/// The most events (`VEVENT`s) one iCalendar text may hold
/// ([`CalendarBuilder::closures_from_ical`](crate::CalendarBuilder::closures_from_ical)).
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_ICAL_EVENTS, 5_000);
/// ```
#[cfg(feature = "ical")]
pub const MAX_ICAL_EVENTS: usize = 5_000;

/// The most recurrence rules (`RRULE` lines) the events of one iCalendar
/// text may hold.
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_ICAL_RULES, 200);
/// ```
#[cfg(feature = "ical")]
pub const MAX_ICAL_RULES: usize = 200;

/// The most occurrences the events of one iCalendar text may have, their
/// recurrences expanded within the supported range.
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_ICAL_OCCURRENCES, 100_000);
/// ```
#[cfg(feature = "ical")]
pub const MAX_ICAL_OCCURRENCES: usize = 100_000;

/// The most pauses one clock (or one call with pauses) may have.
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_PAUSES, 10_000);
/// ```
pub const MAX_PAUSES: usize = 10_000;

/// The most events one ticket's history may hold, known or not yet known
/// (events after `now` count too: the limit bounds what is stored, before
/// any `now` is asked about).
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, Event, EventKind, Lifecycle, LifecyclePolicy, Priority, TicketHistory, limits};
///
/// let lifecycle = Lifecycle::new(&Calendar::munich(), LifecyclePolicy::default());
/// let mut history = TicketHistory::new();
/// let at = Calendar::munich().parse_datetime("2026-12-21T10:00")?;
/// history.push(&lifecycle, Event::new(at, EventKind::Created { priority: Priority::High }))?;
/// for _ in 1..limits::MAX_EVENTS_PER_TICKET {
///     history.push(&lifecycle, Event::new(at, EventKind::AgentReply))?;
/// }
/// let err = history.push(&lifecycle, Event::new(at, EventKind::AgentReply)).unwrap_err();
/// assert_eq!(err.kind(), sla_clock::ErrorKind::Limit);
/// assert_eq!(err.to_string(), "too many events for one ticket: 10001, more than the limit of 10000 (see sla_clock::limits)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_EVENTS_PER_TICKET: usize = 10_000;

/// The largest configuration file, in bytes: a calendar, a policy or a
/// lifecycle policy as JSON. Serde cannot see how large a text is, so the
/// crate's serde forms do not check this: whoever reads the file does,
/// with [`config_bytes`], as the example programs do.
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_CONFIG_BYTES, 32 * 1024 * 1024);
/// ```
pub const MAX_CONFIG_BYTES: usize = 32 * 1024 * 1024;

/// The contents of a configuration file (a calendar, a policy or a
/// lifecycle policy as JSON) ready for a JSON parser: refused when larger
/// than [`MAX_CONFIG_BYTES`], and with a leading UTF-8 byte-order mark
/// skipped (editors on Windows write one; JSON parsers refuse it).
///
/// # Errors
///
/// More than [`MAX_CONFIG_BYTES`] bytes
/// ([`ErrorKind::Limit`](crate::ErrorKind::Limit)).
///
/// # Example
///
/// ```
/// use sla_clock::limits;
///
/// let file = b"\xEF\xBB\xBF{\"urgent\": {\"business_hours\": 4}}";
/// assert_eq!(limits::config_bytes(file)?, &file[3..]);
/// let huge = vec![b' '; limits::MAX_CONFIG_BYTES + 1];
/// assert_eq!(
///     limits::config_bytes(&huge).unwrap_err().to_string(),
///     "too many bytes in the configuration file: 33554433, more than the limit of 33554432 \
///      (see sla_clock::limits)"
/// );
/// # Ok::<(), sla_clock::Error>(())
/// ```
pub fn config_bytes(bytes: &[u8]) -> crate::Result<&[u8]> {
    check(
        "bytes in the configuration file",
        bytes.len(),
        MAX_CONFIG_BYTES,
    )?;
    Ok(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

/// The longest line of JSON that holds one event (a line of the `tickets`
/// example's input): an event with its four fields is under 150 bytes,
/// exports carry more.
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_EVENT_LINE_BYTES, 64 * 1024);
/// ```
pub const MAX_EVENT_LINE_BYTES: usize = 64 * 1024;

/// The longest line of `due --batch` input (a priority and an instant; a
/// valid line is under 64 bytes).
///
/// # Example
///
/// ```
/// assert_eq!(sla_clock::limits::MAX_DUE_LINE_BYTES, 1024);
/// ```
pub const MAX_DUE_LINE_BYTES: usize = 1024;

/// `Err` naming `what` and the limit when `found` exceeds `limit`.
pub(crate) fn check(what: impl std::fmt::Display, found: usize, limit: usize) -> crate::Result<()> {
    if found > limit {
        return Err(crate::error::Reason::LimitExceeded {
            what: what.to_string(),
            found,
            limit,
        }
        .into());
    }
    Ok(())
}
