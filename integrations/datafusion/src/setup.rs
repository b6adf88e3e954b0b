//! What every SQL function shares. It sits below the function files, which
//! read it, and below `functions.rs`, which builds it and dispatches to
//! them, so that the function files stay leaves.

use std::sync::Arc;

use sla_clock::{BusinessDuration, Calendar, Policy, Priority, RiskThreshold};

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
}
