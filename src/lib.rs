//! # sla-clock
//!
//! When is this support ticket due, how much business time is left, and
//! has its SLA been breached?
//!
//! The crate turns a customer-support policy into code: a [`Calendar`]
//! (time zone, opening hours, holidays), a [`Policy`] mapping each
//! [`Priority`] to a [`ResponseTarget`], and the arithmetic between them:
//! [`Calendar::due`], [`Calendar::business_time`] and a ticket's
//! [`SlaClock`] with its [`SlaStatus`], pauses and at-risk threshold.
//!
//! The default is the policy of the DACH support desk: Europe/Berlin,
//! Monday to Friday 10:00 to 18:00, closed on Munich's public holidays;
//! Urgent 4 business hours, High 1 business day, Normal 2, Low 5.
//!
//! ```
//! use sla_clock::{Calendar, Policy, Priority};
//!
//! let cal = Calendar::munich();
//! let created = cal.parse_datetime("2026-12-18T16:00")?; // a Friday, local time
//! let due = Policy::default().due(&cal, Priority::Urgent, &created)?;
//! assert_eq!(due.to_rfc3339(), "2026-12-21T12:00:00+01:00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## The rules, exactly
//!
//! - Open intervals are `[opening, closing)` in local time: open at
//!   10:00:00, closed at 18:00:00. Business time between two instants is
//!   the length of the open intervals between them.
//! - One business day is the calendar's standard working day (8 hours for
//!   the default), so the default targets are 4, 8, 16 and 40 hours.
//! - The due instant is the earliest instant at which the target has
//!   elapsed. A ticket created while closed starts at the next opening; a
//!   deadline that fills a day exactly is that day's closing time.
//! - A response at the due instant meets the target; one after it breaches.
//! - Paused intervals count as no business time.
//! - Supported: 1995-01-01 to 2099-12-31, local time. Anything outside is
//!   an error that says so, never a silently wrong date.
//!
//! The whole contract, rule by rule, is [`doc::semantics`] (business time,
//! due, pauses, status and at risk, clock changes) and [`doc::lifecycle`]
//! (a ticket's whole life); in the repository, `docs/SEMANTICS.md` and
//! `docs/LIFECYCLE.md`.
//!
//! ## Dates and times
//!
//! Instants go in as any `chrono::DateTime<Tz>`, in whatever zone the
//! caller has; results come out as [`DateTime<Tz>`](chrono::DateTime) in the
//! calendar's zone ([`Tz`] is chrono-tz's zone type). chrono and chrono-tz
//! are re-exported (`sla_clock::chrono`, `sla_clock::chrono_tz`,
//! `sla_clock::Tz`), so there is no version to keep in step by hand. As
//! text, and with the `serde` feature as JSON, a zoned result is RFC 3339
//! with the zone's name in brackets (RFC 9557):
//! `2026-12-21T15:00:00+01:00[Europe/Berlin]`.
//!
//! ```
//! use sla_clock::{BusinessDuration, Calendar, Tz};
//!
//! let cal = Calendar::munich();
//! let created = sla_clock::chrono::DateTime::parse_from_rfc3339("2026-12-18T15:00:00Z")?;
//! let due: sla_clock::chrono::DateTime<Tz> = cal.due(&created, BusinessDuration::from_hours(4))?;
//! assert_eq!(due.timezone(), Tz::Europe__Berlin);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Business days are not 24 hours
//!
//! A [`BusinessDuration`] is business time, not wall-clock time: 8 business
//! hours from Friday 14:00 end on Monday 14:00. It is a type of its own so
//! the two cannot be mixed up; [`SlaClock::time_until_due`] gives the
//! wall-clock [`chrono::TimeDelta`] when that is what you need.
//!
//! ## Cookbook
//!
//! A Friday-evening Urgent ticket waits for Monday morning:
//!
//! ```
//! # use sla_clock::{Calendar, Policy, Priority};
//! let cal = Calendar::munich();
//! let created = cal.parse_datetime("2026-12-18T19:30")?;
//! let due = Policy::default().due(&cal, Priority::Urgent, &created)?;
//! assert_eq!(due.to_rfc3339(), "2026-12-21T14:00:00+01:00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The week before Christmas: 24 December is a working day in Munich, the
//! 25th and 26th are holidays.
//!
//! ```
//! # use sla_clock::{Calendar, Policy, Priority};
//! let cal = Calendar::munich();
//! let created = cal.parse_datetime("2026-12-23T15:00")?;
//! let policy = Policy::default();
//! assert_eq!(policy.due(&cal, Priority::High, &created)?.to_rfc3339(), "2026-12-24T15:00:00+01:00");
//! assert_eq!(policy.due(&cal, Priority::Normal, &created)?.to_rfc3339(), "2026-12-28T15:00:00+01:00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Easter: Good Friday and Easter Monday are holidays.
//!
//! ```
//! # use sla_clock::{Calendar, Policy, Priority};
//! let cal = Calendar::munich();
//! let created = cal.parse_datetime("2026-04-02T17:00")?; // Maundy Thursday
//! let due = Policy::default().due(&cal, Priority::High, &created)?;
//! assert_eq!(due.to_rfc3339(), "2026-04-07T17:00:00+02:00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A DST weekend: the clock counts real time, and the opening hours follow
//! local time.
//!
//! ```
//! # use sla_clock::{Calendar, BusinessDuration};
//! let cal = Calendar::munich();
//! let friday = cal.parse_datetime("2026-03-27T17:00")?; // CET
//! let due = cal.due(&friday, BusinessDuration::from_hours(2))?;
//! assert_eq!(due.to_rfc3339(), "2026-03-30T11:00:00+02:00"); // CEST
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The Christmas week as a desk really runs it: a half day on Christmas
//! Eve, closed from the 28th to New Year (a closure range), open 10:00 to
//! 12:00 on New Year's Eve after all (special hours win over the closure;
//! the whole order is on [`Calendar`](Calendar#which-hours-apply-on-a-date)).
//!
//! ```
//! use chrono::NaiveDate;
//! use sla_clock::{Calendar, Policy, Priority};
//!
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let cal = Calendar::munich()
//!     .to_builder()
//!     .special_hours(d(12, 24), &["10:00-14:00"])
//!     .closure(d(12, 28)..=NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())
//!     .special_hours(d(12, 31), &["10:00-12:00"])
//!     .build()?;
//! let created = cal.parse_datetime("2026-12-23T15:00")?;
//! let due = Policy::default().due(&cal, Priority::High, &created)?;
//! assert_eq!(due.to_rfc3339(), "2026-12-31T11:00:00+01:00"); // 3 h + 4 h + 1 h
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Counting backwards and in dates: a reminder two business hours before
//! a deadline, the last business day before the 15th, business days in a
//! month.
//!
//! ```
//! use chrono::NaiveDate;
//! use sla_clock::{BusinessDuration, Calendar};
//!
//! let cal = Calendar::munich();
//! let due = cal.parse_datetime("2026-12-21T11:00")?; // Monday
//! let remind = cal.before(&due, BusinessDuration::from_hours(2))?;
//! assert_eq!(remind.to_rfc3339(), "2026-12-18T17:00:00+01:00"); // Friday
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! assert_eq!(cal.add_business_days(d(11, 15), -1)?, d(11, 13));
//! assert_eq!(cal.add_business_days(d(12, 23), 2)?, d(12, 28));
//! assert_eq!(cal.business_days_in(d(12, 1)..=d(12, 31))?, 22);
//! assert_eq!(cal.next_close(&due)?.to_rfc3339(), "2026-12-21T18:00:00+01:00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A ticket with its status, a pause while waiting for the customer, and
//! an at-risk warning at 75 %:
//!
//! ```
//! use sla_clock::{Calendar, Pause, Policy, Priority, RiskThreshold, SlaClock, SlaStatus};
//!
//! let cal = Calendar::munich();
//! let created = cal.parse_datetime("2026-12-21T10:00")?;
//! let waiting = Pause::new(cal.parse_datetime("2026-12-21T11:00")?, cal.parse_datetime("2026-12-21T12:00")?)?;
//! let clock = SlaClock::for_priority(&cal, &Policy::default(), Priority::Urgent, &created)?
//!     .with_pauses([waiting])?
//!     .with_risk_threshold(RiskThreshold::percent(75)?);
//! assert_eq!(clock.due().unwrap().to_rfc3339(), "2026-12-21T15:00:00+01:00");
//! let now = cal.parse_datetime("2026-12-21T14:30")?;
//! let status = clock.status(&now)?;
//! assert_eq!(status.to_string(), "at risk: 30m left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## A ticket's whole life
//!
//! Desks measure more than the first response: the next response to each
//! customer message, regular status updates while work goes on, and the
//! time to a solution. A [`Lifecycle`] (a calendar, a [`LifecyclePolicy`]
//! with targets per [`Metric`], an at-risk threshold) replays a ticket's
//! [`Event`]s into a [`TicketReport`]: for every measured metric its
//! [`Cycle`]s with start, stop, target, due, elapsed, remaining and
//! [`StatusKind`]. Waiting for the customer pauses the update and
//! resolution clocks; a reopening resumes the resolution clock; a priority
//! change re-targets every running cycle. The report is a pure function
//! of the events and `now`, whether they come at once
//! ([`Lifecycle::replay`]) or one at a time ([`TicketHistory`]).
//!
//! ```
//! use sla_clock::{Calendar, StatusKind, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Priority};
//!
//! let cal = Calendar::munich();
//! let at = |s| cal.parse_datetime(s);
//! let events = [
//!     Event::new(at("2026-12-21T10:00")?, EventKind::Created { priority: Priority::Low }),
//!     Event::new(at("2026-12-21T15:00")?, EventKind::PriorityChanged { priority: Priority::Urgent }),
//! ];
//! let report = Lifecycle::new(&cal, LifecyclePolicy::default()).replay(events, &at("2026-12-21T15:00")?)?;
//! // Raised to Urgent (4 business hours) after 5: breached at once.
//! assert_eq!(report.metrics[&Metric::FirstResponse][0].status, StatusKind::Breached);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Limits
//!
//! Every size that costs time or memory is bounded, so that a calendar
//! loaded from a customer's configuration is answered within a known budget:
//! see [`limits`] for the numbers and their reasons. Input over a limit is an
//! error that names it ([`ErrorKind::Limit`]).
//!
//! ## Holidays of the DACH region
//!
//! Every German state, Austria and every Swiss canton has a built-in
//! holiday set by code ([`regions`], [`Region`]):
//! [`CalendarBuilder::holidays_of`] takes `"DE-BE"`, `"AT"` or `"CH-ZH"`,
//! and a JSON calendar may say `"holidays": "DE-BE"` ([`HolidaySet`]).
//!
//! ```
//! use chrono::NaiveDate;
//! use sla_clock::Calendar;
//!
//! let saxony = Calendar::builder(chrono_tz::Europe::Berlin).weekdays("09:00-17:00").holidays_of("DE-SN").build()?;
//! // Buß- und Bettag: the Wednesday before 23 November.
//! assert!(saxony.is_holiday(NaiveDate::from_ymd_opt(2026, 11, 18).unwrap())?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Features
//!
//! - `serde` (off by default; `features = ["serde"]`): `Serialize` and
//!   `Deserialize` for every value a service stores or sends: [`Calendar`]
//!   (through [`CalendarConfig`]), [`Policy`], [`ResponseTarget`],
//!   [`Priority`], [`BusinessDuration`] (`"4h 30m"`, or seconds),
//!   [`Pause`], [`RiskThreshold`], [`SlaStatus`], [`OpenInterval`],
//!   [`Explanation`], the holiday types, [`LifecyclePolicy`], [`Metric`],
//!   [`Event`]; `Serialize` for a [`SlaClock`]'s snapshot and a
//!   [`TicketReport`]. `data/` holds the defaults as JSON templates.
//! - `ical` (off by default): `CalendarBuilder::closures_from_ical` reads
//!   the all-day events of an iCalendar (`.ics`) file as closures, with
//!   their recurrences; it brings the `icalendar` and `rrule` crates.
//!
//! ## Out of scope
//!
//! Reading a ticket system's own export format (the `tickets` example
//! reads JSON Lines of events), holidays that only some municipalities
//! keep (add them as rules of your own), and dates outside 1995–2099.
#![deny(missing_docs)]
// docs.rs builds with every feature and marks what needs one.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod board;
mod business_days;
mod business_time;
mod calendar;
mod combined;
mod config;
mod date_range;
pub mod doc;
mod duration;
mod easter;
mod error;
mod explain;
mod holidays;
#[cfg(feature = "ical")]
mod ical;
mod input;
mod lifecycle;
pub mod limits;
mod openness;
mod pause;
mod paused;
mod policy;
mod priority;
mod range;
mod regions;
mod schedule;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "serde")]
mod serde_text;
mod sla;
mod special_hours;
mod status;
mod timeline;
mod transitions;
mod units;
mod validation;
#[cfg(feature = "serde")]
pub mod wire;
mod zoned;

pub use chrono;
pub use chrono_tz::{self, Tz};

pub use board::StatusBoard;
pub use business_days::{EndDate, Roll};
pub use calendar::{Calendar, CalendarBuilder, OpenInterval};
pub use config::{CalendarConfig, HolidaySet, WeekConfig};
pub use date_range::DateRange;
pub use duration::BusinessDuration;
pub use easter::easter_sunday;
pub use error::{Error, ErrorKind, Result};
pub use explain::{Explanation, SkipReason, Step};
pub use holidays::{Holiday, HolidayDate, HolidayName, HolidayRule};
pub use lifecycle::{
    Cycle, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, TicketHistory, TicketReport,
};
pub use openness::{ClosedReason, Openness};
pub use pause::Pause;
pub use policy::{Policy, PriorityText, PriorityTexts, ResponseTarget, Text};
pub use priority::{Language, Priority};
pub use regions::{Region, munich_holiday_rules, regions};
pub use schedule::{DailyWindow, TimeOfDay, WeeklySchedule};
pub use sla::{SlaClock, SlaReading};
pub use special_hours::SpecialHours;
pub use status::{RiskThreshold, SlaStatus, StatusKind};

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
