//! The contract: what every number the crate gives means, exactly.
//!
//! These pages are the repository's `docs/SEMANTICS.md`,
//! `docs/LIFECYCLE.md` and `docs/SERVICE.md`, included here so that each release carries the
//! contract it implements. Where a page and the code disagree, one of them
//! has a bug.
//!
//! - [`semantics`]: the default calendar and policy, business time, due
//!   instants, pauses, status and at risk, reading input, calendars of
//!   your own, clock changes, counting back and business-day dates;
//! - [`lifecycle`]: a ticket's whole life from its events: four metrics
//!   measured in cycles, waiting, reopening and priority changes;
//! - [`service`]: what crosses the crate's edge: the JSON forms of
//!   instants, durations and every stored value, the error kinds, and the
//!   command lines' conventions.
//!
//! The modules hold no items; they exist for their documentation.

// The link definitions come before the included page: in Markdown the
// first definition of a label wins, so rustdoc links to the module while
// the page itself, read on its own, links to the file beside it.
#[doc = "[LIFECYCLE.md]: crate::doc::lifecycle"]
#[doc = ""]
#[doc = include_str!("../docs/SEMANTICS.md")]
pub mod semantics {}

#[doc = "[SEMANTICS.md]: crate::doc::semantics"]
#[doc = ""]
#[doc = include_str!("../docs/LIFECYCLE.md")]
pub mod lifecycle {}

#[doc = "[SEMANTICS.md]: crate::doc::semantics"]
#[doc = "[LIFECYCLE.md]: crate::doc::lifecycle"]
#[doc = ""]
#[doc = include_str!("../docs/SERVICE.md")]
pub mod service {}
