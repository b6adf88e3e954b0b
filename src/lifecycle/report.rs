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
/// `{"start": ..., "stop": ... or null, "target_seconds": N, "due": ..., "elapsed_seconds": N, "remaining_seconds": N, "status": "met"}`:
/// instants in RFC 3339, durations in seconds (an integer when whole,
/// otherwise a floating-point number; the `tickets` example writes exact
/// decimals).
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
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TicketReport {
    /// The priority in force at `now`.
    pub priority: Priority,
    /// The cycles of each measured metric, in the order of [`Metric::ALL`].
    pub metrics: BTreeMap<Metric, Vec<Cycle>>,
}

#[cfg(feature = "serde")]
mod serde_impls {
    use serde::ser::SerializeStruct;
    use serde::{Serialize, Serializer};

    use super::Cycle;
    use crate::duration::BusinessDuration;

    /// Seconds as an integer when whole, otherwise as the nearest
    /// floating-point number.
    struct Seconds(BusinessDuration);

    impl Serialize for Seconds {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let nanos = self.0.as_nanos();
            if nanos % 1_000_000_000 == 0 {
                s.serialize_i64(self.0.as_secs())
            } else {
                s.serialize_f64(nanos as f64 / 1e9)
            }
        }
    }

    impl Serialize for Cycle {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut cycle = s.serialize_struct("Cycle", 7)?;
            cycle.serialize_field("start", &self.start)?;
            cycle.serialize_field("stop", &self.stop)?;
            cycle.serialize_field("target_seconds", &Seconds(self.target))?;
            cycle.serialize_field("due", &self.due)?;
            cycle.serialize_field("elapsed_seconds", &Seconds(self.elapsed))?;
            cycle.serialize_field("remaining_seconds", &Seconds(self.remaining))?;
            cycle.serialize_field("status", &self.status)?;
            cycle.end()
        }
    }
}
