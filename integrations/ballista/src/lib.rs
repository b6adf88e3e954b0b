//! # sla-clock-ballista
//!
//! [`sla_clock_datafusion`]'s SQL functions on an
//! [Apache DataFusion Ballista](https://datafusion.apache.org/ballista/)
//! cluster: a scheduler (`sla-scheduler`), executors (`sla-executor`) and
//! a client that runs the SLA report on them (`sla-report`), built from
//! Ballista's libraries.
//!
//! The one thing a cluster needs to run these functions is the pair of
//! codecs in [`codec`]: each query carries the calendar, the policy and
//! the at-risk threshold of the functions it calls inside its plans, and
//! the scheduler and every executor rebuild the same functions from them.
//! No calendar is configured on a server, and nothing can differ between
//! the client's reading and the executors'.
//!
//! ```no_run
//! use datafusion::prelude::SessionContext;
//! use ballista::prelude::SessionContextExt;
//! use sla_clock::{Calendar, Policy};
//! use sla_clock_datafusion::SlaFunctions;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> datafusion::error::Result<()> {
//! let state = sla_clock_ballista::client_state()?;
//! let ctx = SessionContext::remote_with_state("df://127.0.0.1:50050", state).await?;
//! SlaFunctions::new(Calendar::munich(), Policy::default()).register(&ctx);
//! ctx.sql("SELECT sla_due('urgent', TIMESTAMP '2026-12-18 15:00:00')").await?.show().await?;
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

pub mod codec;
pub mod process;

use std::sync::Arc;

use ballista::prelude::SessionConfigExt;
use datafusion::execution::SessionStateBuilder;
use datafusion::execution::session_state::SessionState;
use datafusion::prelude::SessionConfig;

pub use codec::{SlaLogicalCodec, SlaPhysicalCodec};

/// A client's session configuration: Ballista's, with the codecs that
/// send the SLA functions' setup along with each query.
pub fn client_config() -> SessionConfig {
    SessionConfig::new_with_ballista()
        .with_ballista_logical_extension_codec(Arc::new(SlaLogicalCodec::default()))
        .with_ballista_physical_extension_codec(Arc::new(SlaPhysicalCodec::default()))
}

/// A client's session state, for
/// `SessionContext::remote_with_state` (`ballista::prelude::SessionContextExt`);
/// register the SLA functions on the context it gives.
///
/// # Errors
///
/// None today; the `Result` is Ballista's signature for building a state.
pub fn client_state() -> datafusion::error::Result<SessionState> {
    Ok(SessionStateBuilder::new()
        .with_default_features()
        .with_config(client_config())
        .build())
}
