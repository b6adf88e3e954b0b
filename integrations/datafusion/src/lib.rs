//! # sla-clock-datafusion
//!
//! [`sla_clock`]'s business-time arithmetic as SQL functions for
//! [Apache DataFusion](https://datafusion.apache.org): SLA compliance
//! over millions of tickets in one query, with every number computed by
//! the crate's own code.
//!
//! ```
//! use datafusion::prelude::SessionContext;
//! use sla_clock::{Calendar, Policy};
//! use sla_clock_datafusion::SlaFunctions;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let ctx = SessionContext::new();
//! SlaFunctions::new(Calendar::munich(), Policy::default()).register(&ctx);
//! let batches = ctx
//!     .sql(
//!         "SELECT priority, sla_status(priority, created, responded, TIMESTAMP '2026-12-31 00:00:00') AS status
//!          FROM (VALUES
//!              ('urgent', TIMESTAMP '2026-12-18 15:00:00', TIMESTAMP '2026-12-21 10:30:00'),
//!              ('Hoch',   TIMESTAMP '2026-12-23 14:00:00', NULL)
//!          ) AS tickets(priority, created, responded)",
//!     )
//!     .await?
//!     .collect()
//!     .await?;
//! let table = datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string();
//! assert!(table.contains("| urgent   | met      |"), "{table}");
//! assert!(table.contains("| Hoch     | breached |"), "{table}");
//! # Ok(())
//! # }
//! ```
//!
//! ## The functions
//!
//! [`SlaFunctions::register`] puts them on a `SessionContext`, all on the
//! one [`Calendar`](sla_clock::Calendar) and [`Policy`](sla_clock::Policy)
//! given.
//!
//! | function | answers | as the crate's |
//! | --- | --- | --- |
//! | `sla_due(priority, created)` | timestamp: first response due | [`Policy::due`](sla_clock::Policy::due) |
//! | `sla_status(priority, created, responded, now)` | `'met'`, `'breached'`, `'at_risk'`, `'pending'` | [`StatusBoard::status`](sla_clock::StatusBoard::status) ([`SlaClock::status`](sla_clock::SlaClock::status)'s rule) |
//! | `business_time(start, end)` | double: business seconds, signed | [`Calendar::business_time`](sla_clock::Calendar::business_time) |
//! | `business_duration(start, end)` | `Duration(Nanosecond)`: the same, exact | [`Calendar::business_time`](sla_clock::Calendar::business_time) |
//! | `business_add(ts, amount)` | timestamp: `amount` of business time after `ts` | [`Calendar::due`](sla_clock::Calendar::due) |
//! | `is_business_day(date)` | boolean | [`Calendar::is_business_day`](sla_clock::Calendar::is_business_day) |
//! | `next_open(ts)` | timestamp: `ts` if open, else the next opening | [`Calendar::next_open`](sla_clock::Calendar::next_open) |
//! | `local_date(ts)` | `Date32`: the instant's date in the calendar's zone | [`Calendar::local_date`](sla_clock::Calendar::local_date) |
//! | `sla_instant(text)` | timestamp in the calendar's zone | [`Calendar::parse_datetime`](sla_clock::Calendar::parse_datetime), range checked |
//! | `sla_priority(text)` | `'urgent'`, `'high'`, `'normal'`, `'low'` | [`Priority`](sla_clock::Priority)'s `FromStr` |
//!
//! `try_sla_instant` and `try_sla_priority` answer NULL where the plain
//! forms fail the query: for sorting out the malformed rows of an export.
//!
//! ## Types
//!
//! - **Timestamps** of any unit, with or without a zone. Arrow stores a
//!   timestamp as a count since 1970-01-01T00:00 UTC whatever its zone;
//!   one **without a zone is read as UTC**. A timestamp result keeps the
//!   zone of the timestamp it comes from (none stays none), so comparing
//!   `responded <= sla_due(priority, created)` never converts either side.
//!   Mind DataFusion's own casts: casting a zoneless timestamp to one with
//!   a zone reads it as local time there (Arrow's rule), which is not this
//!   crate's reading; keep zoneless columns zoneless, or give them the zone
//!   `UTC`.
//! - **Priorities** as text (`Utf8`, `LargeUtf8`, `Utf8View`, or a
//!   dictionary of them), in English or German, any letter case.
//! - **Names** that the functions answer (`sla_priority`'s priorities,
//!   `sla_status`'s statuses) are `Utf8View`: each name lives inside its
//!   16-byte view, so no text is copied per row.
//! - **Business time**: `business_time` answers seconds as a double, for
//!   sums and averages (`avg(business_time(created, responded)) / 3600`
//!   is hours); whole seconds are exact, a fraction carries a double's
//!   rounding. `business_duration` answers an exact `Duration(Nanosecond)`.
//!   `business_add` takes seconds (any integer or float) or a `Duration`.
//! - **Dates**: `is_business_day` takes `Date32`, `Date64`, or a timestamp,
//!   which stands for its local date in the calendar's zone.
//! - **Text instants**: `sla_instant` reads RFC 3339
//!   (`2026-12-18T16:00:00+01:00`, `…Z`) or a local date-time in the
//!   calendar's zone (`2026-12-18T16:00`), refusing one that a clock change
//!   skips or repeats, exactly as the crate's command-line tools do.
//!
//! ## Nulls and errors
//!
//! A null argument gives a null, with one exception: a null `responded`
//! in `sla_status` means the ticket has no response yet. A value the
//! crate refuses (an unknown priority, an instant outside 1995–2099, a
//! response before creation, a negative amount) **fails the query** with
//! a [`RowError`] that shows the call with the row's inputs and the
//! crate's message naming the value; no row is answered wrongly or
//! dropped. Filter such rows first, with the `try_` functions, when an
//! export holds them.
//!
//! ## Speed
//!
//! Each function works on whole Arrow arrays: one pass over the batch
//! into vectors sized up front, no allocation per row, priorities parsed
//! once per distinct spelling, and the crate's per-year tables for the
//! arithmetic (see the README for figures).
//!
//! ## Distributed: Ballista
//!
//! The functions are plain [`ScalarUDF`](datafusion::logical_expr::ScalarUDF)s
//! ([`SlaFunctions::udfs`]). A distributed engine serialises a plan's
//! functions by name; [`SlaFunctions::of`] gives a function's calendar,
//! policy and threshold for a codec to send along, and
//! [`SlaFunctions::udf`] rebuilds a function by name on the other side.
//! `sla-clock-ballista` (in `integrations/ballista`) is such a codec with
//! a Ballista scheduler, executor and client built on it.
#![deny(missing_docs)]

mod arguments;
mod business_time;
mod days;
mod due;
mod error;
mod fast;
mod functions;
mod priority;
mod results;
mod setup;
mod status;
mod text;

pub use error::RowError;
pub use functions::SlaFunctions;
