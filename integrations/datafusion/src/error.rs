//! The error of one row: which call, with which inputs, and why.

use std::fmt;

use sla_clock::ErrorKind;

/// A row that a function could not answer: an unknown priority, an instant
/// outside the supported range, a response before creation, a negative
/// amount of business time.
///
/// The query fails with it (wrapped in
/// [`DataFusionError::External`](datafusion::error::DataFusionError::External));
/// no row is ever answered wrongly or left out silently. The message
/// shows the call with the row's inputs, then the crate's own message,
/// which names the offending value:
///
/// ```text
/// sla_due('asap', 2026-12-18T15:00:00Z): unknown priority 'asap'; expected one of urgent, high, normal, low (or in German: dringend, hoch, normal, niedrig)
/// ```
///
/// # Example
///
/// ```
/// use datafusion::prelude::SessionContext;
/// use sla_clock::{Calendar, ErrorKind, Policy};
/// use sla_clock_datafusion::{RowError, SlaFunctions};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let ctx = SessionContext::new();
/// SlaFunctions::new(Calendar::munich(), Policy::default()).register(&ctx);
/// let df = ctx
///     .sql("SELECT sla_due(p, TIMESTAMP '2026-12-18 15:00:00') FROM (VALUES ('high'), ('asap')) AS t(p)")
///     .await?;
/// let err = df.collect().await.unwrap_err();
/// let row = RowError::find(&err).expect("a row error");
/// assert_eq!(row.call(), "sla_due('asap', 2026-12-18T15:00:00Z)");
/// assert_eq!(row.kind(), ErrorKind::Priority);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct RowError {
    call: String,
    reason: Reason,
}

#[derive(Debug)]
enum Reason {
    Crate(sla_clock::Error),
    Message(String, ErrorKind),
}

impl RowError {
    pub(crate) fn new(call: String, error: sla_clock::Error) -> RowError {
        RowError {
            call,
            reason: Reason::Crate(error),
        }
    }

    pub(crate) fn message(call: String, message: String, kind: ErrorKind) -> RowError {
        RowError {
            call,
            reason: Reason::Message(message, kind),
        }
    }

    /// The call with the row's inputs, as SQL would write it: text in
    /// quotes, instants in RFC 3339 UTC, `NULL` for a null.
    ///
    /// # Example
    ///
    /// See [`RowError`].
    pub fn call(&self) -> &str {
        &self.call
    }

    /// The crate's error, when the crate refused the row. `None` for an
    /// input that could not even be handed to it: a timestamp chrono cannot
    /// hold, an amount of seconds that is not a finite number.
    ///
    /// # Example
    ///
    /// See [`RowError`].
    pub fn error(&self) -> Option<&sla_clock::Error> {
        match &self.reason {
            Reason::Crate(e) => Some(e),
            Reason::Message(..) => None,
        }
    }

    /// What kind of thing went wrong, as [`sla_clock::Error::kind`]; an
    /// input that chrono cannot hold is [`ErrorKind::OutOfRange`], an
    /// amount that is not finite [`ErrorKind::Duration`].
    ///
    /// # Example
    ///
    /// See [`RowError`].
    pub fn kind(&self) -> ErrorKind {
        match &self.reason {
            Reason::Crate(e) => e.kind(),
            Reason::Message(_, kind) => *kind,
        }
    }

    /// The row error inside a query's error, wherever DataFusion wrapped
    /// it (an external error, inside a context, shared between
    /// partitions, inside an Arrow error).
    ///
    /// # Example
    ///
    /// See [`RowError`].
    pub fn find<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a RowError> {
        let mut current: Option<&'a (dyn std::error::Error + 'static)> = Some(error);
        while let Some(e) = current {
            if let Some(row) = e.downcast_ref::<RowError>() {
                return Some(row);
            }
            current = e.source();
        }
        None
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            Reason::Crate(e) => write!(f, "{}: {e}", self.call),
            Reason::Message(m, _) => write!(f, "{}: {m}", self.call),
        }
    }
}

impl std::error::Error for RowError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.reason {
            Reason::Crate(e) => Some(e),
            Reason::Message(..) => None,
        }
    }
}

/// Why a row failed, before the call is written out: the crate's error, or
/// an input that could not be handed to the crate.
pub(crate) enum Failure {
    Crate(sla_clock::Error),
    Input(crate::arguments::Shown),
}

impl From<sla_clock::Error> for Failure {
    fn from(e: sla_clock::Error) -> Failure {
        Failure::Crate(e)
    }
}

impl From<crate::arguments::Shown> for Failure {
    fn from(shown: crate::arguments::Shown) -> Failure {
        Failure::Input(shown)
    }
}

impl Failure {
    /// The row error for the call `function(inputs…)`, made only once a
    /// row has failed.
    pub(crate) fn into_error(
        self,
        function: &str,
        inputs: &[crate::arguments::Shown],
    ) -> datafusion::error::DataFusionError {
        use crate::arguments::Shown;
        let call = crate::arguments::call(function, inputs);
        let row = match self {
            Failure::Crate(e) => RowError::new(call, e),
            Failure::Input(Shown::Seconds(s)) => RowError::message(
                call,
                format!("{s} seconds is not an amount of business time; expected a finite number"),
                ErrorKind::Duration,
            ),
            Failure::Input(shown) => RowError::message(
                call,
                format!(
                    "{shown} is outside the supported range 1995-01-01 to 2099-12-31, and outside \
                     what a date-time can hold"
                ),
                ErrorKind::OutOfRange,
            ),
        };
        datafusion::error::DataFusionError::External(Box::new(row))
    }
}
