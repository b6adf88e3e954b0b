//! The crate's errors as Python exceptions: one base class, a subclass per
//! `ErrorKind`, the crate's message unchanged and the kind's snake_case
//! name in `.kind`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyType;
use sla_clock::ErrorKind;

pyo3::create_exception!(
    sla_clock,
    SlaClockError,
    PyValueError,
    "Base class of every error the sla-clock crate reports. `.kind` is the \
     crate's ErrorKind in snake_case ('out_of_range', 'date_time', ...); \
     the message is the crate's."
);

macro_rules! kinds {
    ($($class:ident, $kind:ident, $name:literal, $doc:literal;)*) => {
        $(pyo3::create_exception!(sla_clock, $class, SlaClockError, $doc);)*

        /// The exception class and snake_case name for a kind; a kind the
        /// bindings do not know yet (the enum is non-exhaustive) is the
        /// base class with the kind's own name.
        fn class_of(py: Python<'_>, kind: ErrorKind) -> (Bound<'_, PyType>, String) {
            match kind {
                $(ErrorKind::$kind => (py.get_type::<$class>(), $name.to_string()),)*
                other => (py.get_type::<SlaClockError>(), other.name().to_string()),
            }
        }

        /// Adds the classes to the module, each with its `kind` as a class
        /// attribute too.
        pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            let py = m.py();
            let base = py.get_type::<SlaClockError>();
            base.setattr("kind", py.None())?;
            m.add("SlaClockError", base)?;
            $(
                let class = py.get_type::<$class>();
                class.setattr("kind", $name)?;
                m.add(stringify!($class), class)?;
            )*
            Ok(())
        }
    };
}

kinds! {
    PriorityError, Priority, "priority", "An unknown priority name.";
    DateTimeError, DateTime, "date_time",
        "A malformed date-time, or a local time that a clock change skips or repeats.";
    OutOfRangeError, OutOfRange, "out_of_range",
        "A year, date, instant or deadline outside 1995-01-01 to 2099-12-31 (local time).";
    CalendarError, Calendar, "calendar",
        "A calendar definition that is not valid (zone, windows, holidays, region, closures, JSON).";
    PolicyError, Policy, "policy",
        "A policy value that is not valid (a negative target, a threshold over 100 %, JSON).";
    LimitError, Limit, "limit", "More of something than the crate's limits allow.";
    DurationError, Duration, "duration", "A business duration that is malformed or too large.";
    PauseError, Pause, "pause",
        "A pause that is malformed or ends before it starts, or a due instant asked for while a pause runs.";
    ResponseError, Response, "response", "A response instant before the ticket was created.";
    StatusError, Status, "status", "Text that is not an SLA status.";
    EventError, Event, "event", "A ticket event, or a ticket's history, that is not valid.";
    JsonError, Json, "json",
        "Text that is not JSON, or JSON of the wrong shape (a missing, unknown or mistyped field).";
}

/// The Python exception for one of the crate's errors.
pub fn to_py(err: sla_clock::Error) -> PyErr {
    Python::attach(|py| raise(py, err.kind(), &err.to_string(), None))
}

/// An exception of the class for `kind` with `message`, `.kind` set and,
/// for an error in a column, `.row` (else `None`).
pub fn raise(py: Python<'_>, kind: ErrorKind, message: &str, row: Option<usize>) -> PyErr {
    let (class, name) = class_of(py, kind);
    match class.call1((message,)) {
        Ok(instance) => {
            let set = instance
                .setattr("kind", name)
                .and_then(|()| instance.setattr("row", row));
            match set {
                Ok(()) => PyErr::from_value(instance),
                Err(e) => e,
            }
        }
        Err(e) => e,
    }
}

/// An error that is the crate's kind but not its message: JSON that does
/// not parse into a calendar or policy (serde_json's message, with line
/// and column).
pub fn with_kind(kind: ErrorKind, message: impl std::fmt::Display) -> PyErr {
    Python::attach(|py| raise(py, kind, &message.to_string(), None))
}

/// `?` on the crate's results.
pub trait IntoPy<T> {
    /// The crate's error as its Python exception.
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPy<T> for sla_clock::Result<T> {
    fn py(self) -> PyResult<T> {
        self.map_err(to_py)
    }
}
