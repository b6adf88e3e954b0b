//! A ticket's whole SLA life from its events (`docs/LIFECYCLE.md`): four
//! metrics measured in cycles, pauses while waiting for the customer,
//! reopening, priority changes.
//!
//! - [`event`]: what happens to a ticket ([`Event`], [`EventKind`]);
//! - [`metric`]: what is measured and the targets ([`Metric`],
//!   [`LifecyclePolicy`]);
//! - [`report`]: the result ([`TicketReport`], [`Cycle`] with its [`StatusKind`](crate::StatusKind));
//! - [`replay`]: the rules and the entry points ([`Lifecycle`],
//!   [`TicketHistory`]) and the state machine behind them.

pub(crate) mod event;
pub(crate) mod metric;
pub(crate) mod replay;
pub(crate) mod report;

pub use event::{Event, EventKind};
pub use metric::{LifecyclePolicy, Metric};
pub use replay::{Lifecycle, TicketHistory};
pub use report::{Cycle, TicketReport};
