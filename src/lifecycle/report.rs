//! A ticket's report: for every measured metric, its cycles.

use std::collections::BTreeMap;

use chrono::DateTime;
use chrono_tz::Tz;

use crate::duration::BusinessDuration;
use crate::lifecycle::metric::Metric;
use crate::priority::Priority;
use crate::status::StatusKind;

/// One cycle of one metric, as it stands at `now`.
///
/// Instants are in the calendar's zone. Business durations follow
/// [`docs/SEMANTICS.md`](crate::doc::semantics) section 3.3: `elapsed` excludes the pauses, and
/// `elapsed + remaining == target` always.
///
/// With the `serde` feature a cycle is written
/// `{"start": RFC 3339, "stop": RFC 3339 or null, "zone": "Europe/Berlin",
/// "target_ns": N, "due": RFC 3339, "elapsed_ns": N, "remaining_ns": N,
/// "status": "met"}`, read back equal (the `tickets` example's report
/// keeps its own documented form, with seconds).
///
/// # Example
///
/// ```
/// use sla_clock::{BusinessDuration, Calendar, StatusKind, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Priority};
///
/// let cal = Calendar::munich();
/// let at = |s| cal.parse_datetime(s);
/// let events = [
///     Event::new(at("2026-12-18T16:00")?, EventKind::Created { priority: Priority::Urgent }),
///     Event::new(at("2026-12-21T11:00")?, EventKind::AgentReply),
/// ];
/// let report = Lifecycle::new(&cal, LifecyclePolicy::default()).replay(events, &at("2026-12-22T09:00")?)?;
/// let cycle = &report.metrics[&Metric::FirstResponse][0];
/// assert_eq!(cycle.due.to_rfc3339(), "2026-12-21T12:00:00+01:00");
/// assert_eq!(cycle.stop.map(|t| t.to_rfc3339()).as_deref(), Some("2026-12-21T11:00:00+01:00"));
/// assert_eq!(cycle.elapsed, BusinessDuration::from_hours(3));
/// assert_eq!(cycle.remaining, BusinessDuration::from_hours(1));
/// assert_eq!(cycle.status, StatusKind::Met);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "CycleWire", try_from = "CycleWire")
)]
pub struct Cycle {
    /// When the cycle started.
    pub start: DateTime<Tz>,
    /// When it stopped; `None` while it runs.
    pub stop: Option<DateTime<Tz>>,
    /// Its target: of the priority in force (for a stopped cycle, in force
    /// at its stop).
    pub target: BusinessDuration,
    /// The earliest instant at which the counted business time reaches the
    /// target.
    pub due: DateTime<Tz>,
    /// Business time counted from `start` to `stop` (or `now`), pauses
    /// excluded.
    pub elapsed: BusinessDuration,
    /// `target - elapsed`: negative once overdue.
    pub remaining: BusinessDuration,
    /// Met, breached, at risk or pending.
    pub status: StatusKind,
}

/// A ticket's whole SLA state at `now`: the priority in force and, for each
/// measured metric, its cycles in the order they started (an empty list
/// when none has started yet). Metrics the policy does not measure are
/// absent.
///
/// With the `serde` feature it is written
/// `{"priority": "urgent", "metrics": {"first_response": [CYCLE, ...], ...}}`
/// (see [`Cycle`]).
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, StatusKind, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Priority};
///
/// let cal = Calendar::munich();
/// let at = |s| cal.parse_datetime(s);
/// let events = [
///     Event::new(at("2026-12-21T10:00")?, EventKind::Created { priority: Priority::Low }),
///     Event::new(at("2026-12-21T12:00")?, EventKind::PriorityChanged { priority: Priority::Urgent }),
/// ];
/// let report = Lifecycle::new(&cal, LifecyclePolicy::default()).replay(events, &at("2026-12-21T15:00")?)?;
/// assert_eq!(report.priority, Priority::Urgent);
/// // Raised to Urgent (4 h) with 5 h gone: breached at once.
/// assert_eq!(report.metrics[&Metric::FirstResponse][0].status, StatusKind::Breached);
/// assert!(!report.metrics.contains_key(&Metric::Resolution));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct TicketReport {
    /// The priority in force at `now`.
    pub priority: Priority,
    /// The cycles of each measured metric, in the order of [`Metric::ALL`].
    pub metrics: BTreeMap<Metric, Vec<Cycle>>,
}

/// A cycle as JSON: instants in RFC 3339 with the zone in a field of its
/// own, business time in whole nanoseconds (`docs/SERVICE.md`).
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CycleWire {
    #[serde(with = "crate::wire::instant")]
    start: DateTime<chrono::FixedOffset>,
    #[serde(with = "crate::wire::instant::option")]
    stop: Option<DateTime<chrono::FixedOffset>>,
    zone: String,
    target_ns: BusinessDuration,
    #[serde(with = "crate::wire::instant")]
    due: DateTime<chrono::FixedOffset>,
    elapsed_ns: BusinessDuration,
    remaining_ns: BusinessDuration,
    status: StatusKind,
}

#[cfg(feature = "serde")]
impl From<Cycle> for CycleWire {
    fn from(c: Cycle) -> CycleWire {
        CycleWire {
            start: c.start.fixed_offset(),
            stop: c.stop.map(|t| t.fixed_offset()),
            zone: c.start.timezone().name().to_string(),
            target_ns: c.target,
            due: c.due.fixed_offset(),
            elapsed_ns: c.elapsed,
            remaining_ns: c.remaining,
            status: c.status,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<CycleWire> for Cycle {
    type Error = crate::Error;
    fn try_from(w: CycleWire) -> crate::Result<Cycle> {
        let zone = crate::zoned::parse_zone(&w.zone)?;
        Ok(Cycle {
            start: w.start.with_timezone(&zone),
            stop: w.stop.map(|t| t.with_timezone(&zone)),
            target: w.target_ns,
            due: w.due.with_timezone(&zone),
            elapsed: w.elapsed_ns,
            remaining: w.remaining_ns,
            status: w.status,
        })
    }
}
