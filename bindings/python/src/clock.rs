//! `SlaClock` and its `Reading`: every value comes from the crate's
//! `SlaClock::reading`, converted, never decided here.

use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyDelta, PyDict, PyString, PyTuple};
use sla_clock::{Calendar, Pause, SlaClock, SlaReading, SlaStatus};

use crate::calendar::{PyCalendar, PyPolicy, calendar_or_default, policy_or_default};
use crate::convert::{self, py_duration, py_instant, py_opt_instant};
use crate::errors::IntoPy;

/// One ticket's SLA clock: created at an instant, with a target (a
/// priority under a policy, or a ``timedelta`` of business time), optional
/// pauses and an optional at-risk threshold. Every answer at a ``now``
/// comes from one ``reading``.
///
/// >>> from sla_clock import SlaClock
/// >>> clock = SlaClock("2026-12-21T10:00", "urgent", pauses=[("2026-12-21T11:00", "2026-12-21T12:00")],
/// ...                  risk_threshold=75)
/// >>> clock.due.isoformat()
/// '2026-12-21T15:00:00+01:00'
/// >>> r = clock.reading("2026-12-21T14:30")
/// >>> r.status, r.remaining
/// ('at_risk', datetime.timedelta(seconds=1800))
#[pyclass(name = "SlaClock", module = "sla_clock", frozen)]
pub struct PySlaClock {
    clock: SlaClock,
}

/// A pause: ``(start, end)``, ``(start, None)`` while it runs, or the
/// crate's text ``"START/END"`` / ``"START/.."``.
fn pause(cal: &Calendar, obj: &Bound<'_, PyAny>) -> PyResult<Pause> {
    if let Ok(text) = obj.cast::<PyString>() {
        return cal.parse_pause(&text.to_cow()?).py();
    }
    let (start, end): (Bound<'_, PyAny>, Bound<'_, PyAny>) = obj.extract()?;
    let start = convert::instant(cal, &start)?;
    match convert::opt_instant(cal, Some(&end))? {
        Some(end) => Pause::new(start, end).py(),
        None => Ok(Pause::since(start)),
    }
}

/// A clock from the arguments the Python API takes.
#[allow(clippy::too_many_arguments)]
pub fn make_clock(
    cal: &Calendar,
    policy: &sla_clock::Policy,
    created: &Bound<'_, PyAny>,
    target: &Bound<'_, PyAny>,
    pauses: Option<&Bound<'_, PyAny>>,
    risk_threshold: Option<&Bound<'_, PyAny>>,
) -> PyResult<SlaClock> {
    let created = convert::instant(cal, created)?;
    let mut clock = if target.is_instance_of::<PyString>() {
        let p = convert::priority(target)?;
        SlaClock::for_priority(cal, policy, p, &created).py()?
    } else {
        SlaClock::new(cal, &created, convert::duration(target)?).py()?
    };
    if let Some(pauses) = pauses.filter(|p| !p.is_none()) {
        let list = pauses
            .try_iter()?
            .map(|p| pause(cal, &p?))
            .collect::<PyResult<Vec<_>>>()?;
        clock = clock.with_pauses(list).py()?;
    }
    if let Some(risk) = convert::opt_risk(risk_threshold)? {
        clock = clock.with_risk_threshold(risk);
    }
    Ok(clock)
}

#[pymethods]
impl PySlaClock {
    /// ``target`` is a priority name (``"urgent"``, its target from
    /// ``policy``) or a ``timedelta`` of business time; a string is always
    /// a priority. ``pauses`` are ``(start, end)`` pairs, ``end=None``
    /// while one runs, or ``"START/END"`` / ``"START/.."`` strings;
    /// ``risk_threshold`` a whole percentage (``75``) or ``"75%"``.
    /// ``calendar`` defaults to Munich, ``policy`` to the default policy.
    #[new]
    #[pyo3(signature = (created, target, *, calendar=None, policy=None, pauses=None, risk_threshold=None))]
    fn new(
        created: &Bound<'_, PyAny>,
        target: &Bound<'_, PyAny>,
        calendar: Option<&PyCalendar>,
        policy: Option<&PyPolicy>,
        pauses: Option<&Bound<'_, PyAny>>,
        risk_threshold: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let cal = calendar_or_default(calendar);
        let policy = policy_or_default(policy);
        let clock = make_clock(&cal, &policy, created, target, pauses, risk_threshold)?;
        Ok(PySlaClock { clock })
    }

    /// The creation instant, in the calendar's zone.
    #[getter]
    fn created<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDateTime>> {
        py_instant(py, self.clock.created())
    }

    /// The target, in business time.
    #[getter]
    fn target<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDelta>> {
        py_duration(py, self.clock.target())
    }

    /// The due instant; ``None`` while a pause runs (ask ``reading(now)``).
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDateTime>>> {
        py_opt_instant(py, self.clock.due())
    }

    /// The instant the ticket is at risk from; ``None`` without a
    /// threshold, and while a pause runs.
    #[getter]
    fn at_risk_from<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDateTime>>> {
        py_opt_instant(py, self.clock.at_risk_from())
    }

    /// The at-risk threshold as a whole percentage, or ``None``.
    #[getter]
    fn risk_threshold(&self) -> Option<u8> {
        self.clock.risk_threshold().map(|r| r.as_percent())
    }

    /// The pauses, merged and sorted, as ``(start, end)`` pairs in UTC
    /// (``end`` is ``None`` for one still running).
    #[getter]
    fn pauses<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyTuple>>> {
        let zone = self.clock.calendar().zone();
        self.clock
            .pauses()
            .into_iter()
            .map(|p| {
                let start = py_instant(py, p.start().with_timezone(&zone))?;
                let end = py_opt_instant(py, p.end().map(|e| e.with_timezone(&zone)))?;
                PyTuple::new(py, [start.into_any(), end.into_pyobject(py)?.into_any()])
            })
            .collect()
    }

    /// Everything the clock answers at ``now``, given the first response
    /// if there was one: status, due, elapsed, remaining, at-risk instant
    /// and next change, from the crate's one ``SlaClock::reading``. A
    /// pause still running at ``now`` counts as ending at ``now``; a
    /// response after ``now`` is not known yet.
    #[pyo3(signature = (now, responded=None))]
    fn reading(
        &self,
        now: &Bound<'_, PyAny>,
        responded: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyReading> {
        let cal = self.clock.calendar();
        let now = convert::instant(cal, now)?;
        let reading = match convert::opt_instant(cal, responded)? {
            Some(r) => self.clock.clone().with_response(&r).py()?.reading(&now),
            None => self.clock.reading(&now),
        };
        Ok(PyReading {
            reading: reading.py()?,
        })
    }

    /// The status name at ``now``: ``met``, ``pending``, ``at_risk`` or
    /// ``breached`` (``reading(now, responded).status``).
    #[pyo3(signature = (now, responded=None))]
    fn status(
        &self,
        now: &Bound<'_, PyAny>,
        responded: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<&'static str> {
        Ok(self.reading(now, responded)?.reading.status.name())
    }

    /// Wall-clock time from ``now`` to the due instant as it stands at
    /// ``now`` (negative once passed).
    fn time_until_due<'py>(
        &self,
        py: Python<'py>,
        now: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDelta>> {
        let now = convert::instant(self.clock.calendar(), now)?;
        convert::py_delta(py, self.clock.time_until_due(&now).py()?)
    }

    /// The clock as it stands at ``now``: a running pause ended there.
    fn as_of(&self, now: &Bound<'_, PyAny>) -> PyResult<Self> {
        let now = convert::instant(self.clock.calendar(), now)?;
        Ok(PySlaClock {
            clock: self.clock.as_of(&now).py()?,
        })
    }

    /// How the due instant was reached, day by day, as the crate writes
    /// it. A ``PauseError`` while a pause runs: explain ``as_of(now)``.
    fn explain(&self) -> PyResult<String> {
        Ok(self.clock.explain().py()?.to_string())
    }

    fn __repr__(&self) -> String {
        let due = self
            .clock
            .due()
            .map_or_else(|| "None".to_string(), |d| format!("'{}'", d.to_rfc3339()));
        format!(
            "SlaClock(created='{}', target='{}', due={due})",
            self.clock.created().to_rfc3339(),
            self.clock.target()
        )
    }
}

/// What a clock answers at one ``now``, as the crate's ``SlaReading``.
/// Instants are aware datetimes in the calendar's zone, business time is
/// ``timedelta``.
#[pyclass(name = "Reading", module = "sla_clock", frozen)]
pub struct PyReading {
    pub reading: SlaReading,
}

#[pymethods]
impl PyReading {
    /// ``met``, ``pending``, ``at_risk`` or ``breached``.
    #[getter]
    fn status(&self) -> &'static str {
        self.reading.status.name()
    }

    /// The status as the crate writes it: ``"at risk: 30m left, due
    /// 2026-12-21T15:00:00+01:00[Europe/Berlin]"``.
    #[getter]
    fn text(&self) -> String {
        self.reading.status.to_string()
    }

    /// The due instant, with the pauses as they stand at ``now``.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDateTime>> {
        py_instant(py, self.reading.due)
    }

    /// Business time counted from creation to the response (or ``now``).
    #[getter]
    fn elapsed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDelta>> {
        py_duration(py, self.reading.elapsed)
    }

    /// The target minus ``elapsed``; negative once overdue.
    #[getter]
    fn remaining<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDelta>> {
        py_duration(py, self.reading.remaining)
    }

    /// The instant the ticket is at risk from, when a threshold is set.
    #[getter]
    fn at_risk_from<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDateTime>>> {
        py_opt_instant(py, self.reading.at_risk_from)
    }

    /// The next instant the status changes by itself, or ``None`` (answered,
    /// breached, or a pause running). The crate's is one nanosecond after
    /// the due instant; Python's ``datetime`` has microseconds, so it is
    /// rounded up to the next microsecond.
    #[getter]
    fn next_change<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDateTime>>> {
        py_opt_instant(py, self.reading.next_change)
    }

    /// The margin of a met target (business time left at the response).
    #[getter]
    fn margin<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDelta>>> {
        match self.reading.status {
            SlaStatus::Met { margin, .. } => py_duration(py, margin).map(Some),
            _ => Ok(None),
        }
    }

    /// The overdue business time of a breached target.
    #[getter]
    fn overdue<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDelta>>> {
        match self.reading.status {
            SlaStatus::Breached { overdue, .. } => py_duration(py, overdue).map(Some),
            _ => Ok(None),
        }
    }

    /// The reading as a plain ``dict``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("status", self.status())?;
        d.set_item("text", self.text())?;
        d.set_item("due", self.due(py)?)?;
        d.set_item("elapsed", self.elapsed(py)?)?;
        d.set_item("remaining", self.remaining(py)?)?;
        d.set_item("at_risk_from", self.at_risk_from(py)?)?;
        d.set_item("next_change", self.next_change(py)?)?;
        d.set_item("margin", self.margin(py)?)?;
        d.set_item("overdue", self.overdue(py)?)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!("Reading('{}')", self.reading.status)
    }
}
