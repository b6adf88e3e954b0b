//! Python bindings of `sla-clock`: the extension module `sla_clock._native`.
//!
//! The Python package (`python/sla_clock`) re-exports these classes and adds
//! the column functions' front ends (`due_many`, `status_many`), which turn
//! NumPy, pandas and Arrow columns into the int64 arrays of [`vector`].
//! Nothing here decides an SLA question: every value is the crate's,
//! converted.

use pyo3::prelude::*;

mod calendar;
mod clock;
mod convert;
mod errors;
mod lifecycle;
mod vector;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<calendar::PyCalendar>()?;
    m.add_class::<calendar::PyPolicy>()?;
    m.add_class::<clock::PySlaClock>()?;
    m.add_class::<clock::PyReading>()?;
    m.add_class::<lifecycle::PyLifecycle>()?;
    m.add_class::<lifecycle::PyLifecyclePolicy>()?;
    m.add_function(wrap_pyfunction!(vector::_due_many, m)?)?;
    m.add_function(wrap_pyfunction!(vector::_status_many, m)?)?;
    m.add_function(wrap_pyfunction!(vector::_priority_codes, m)?)?;
    m.add_function(wrap_pyfunction!(vector::_priority_codes_ucs4, m)?)?;
    m.add_function(wrap_pyfunction!(vector::_instants, m)?)?;
    m.add("STATUS_NAMES", sla_clock::StatusKind::ALL.map(|k| k.name()))?;
    m.add(
        "PRIORITY_NAMES",
        sla_clock::Priority::ALL.map(|p| p.to_string()),
    )?;
    Ok(())
}
