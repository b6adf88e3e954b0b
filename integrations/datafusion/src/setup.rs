//! What every SQL function shares. It sits below the function files, which
//! read it, and below `functions.rs`, which builds it and dispatches to
//! them, so that the function files stay leaves.

use std::sync::Arc;

use sla_clock::{BusinessDuration, Calendar, Policy, Priority, RiskThreshold};

use crate::arguments::{Instants, Shown};
use crate::error::Failure;

/// What every function shares: the calendar, the policy's targets and the
/// at-risk threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Setup {
    pub(crate) calendar: Calendar,
    pub(crate) policy: Policy,
    pub(crate) risk: Option<RiskThreshold>,
    /// The policy's target of each priority on the calendar, worked out
    /// once instead of per row.
    pub(crate) targets: [BusinessDuration; 4],
    /// The calendar's zone as Arrow writes it, for instants read from text.
    pub(crate) zone: Arc<str>,
    /// The calendar's supported range, for checking instants read from
    /// text without asking the calendar row by row.
    pub(crate) range: Option<crate::fast::Range>,
}

impl Setup {
    pub(crate) fn target(&self, priority: Priority) -> BusinessDuration {
        self.targets[priority as usize]
    }

    /// The instant `raw` of `instants` as nanoseconds since 1970 UTC, for
    /// the crate's methods on them. One beyond them (after 2262, so
    /// outside the supported range) fails with the crate's own error for
    /// that instant, as the methods on chrono's instants would.
    #[inline]
    pub(crate) fn unix_nanos(&self, instants: &Instants<'_>, raw: i64) -> Result<i64, Failure> {
        instants.unix_nanos(raw).ok_or_else(|| {
            let shown = Shown::RawTimestamp(raw, instants.unit());
            match instants.instant(raw) {
                Ok(t) => self
                    .calendar
                    .local_date(&t)
                    .err()
                    .map_or(Failure::Input(shown), Failure::Crate),
                Err(shown) => Failure::Input(shown),
            }
        })
    }
}
