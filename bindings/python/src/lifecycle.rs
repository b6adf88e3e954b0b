//! A ticket's whole life: events in (dicts or objects), the crate's
//! report out as plain Python data.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use sla_clock::{ErrorKind, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, RiskThreshold};

use crate::calendar::{PyCalendar, PyPolicy, calendar_or_default};
use crate::convert::{self, py_duration, py_instant, py_opt_instant};
use crate::errors::{IntoPy, with_kind};

/// Targets per metric (``first_response``, ``next_response``,
/// ``periodic_update``, ``resolution``), each a ``Policy`` or ``None``
/// (not measured). The default measures the first response only, with the
/// default policy.
///
/// >>> from sla_clock import LifecyclePolicy, Policy
/// >>> LifecyclePolicy(first_response=Policy(), resolution=Policy(urgent="2 business days")).metrics
/// ['first_response', 'resolution']
#[pyclass(name = "LifecyclePolicy", module = "sla_clock", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyLifecyclePolicy {
    policy: LifecyclePolicy,
}

#[pymethods]
impl PyLifecyclePolicy {
    /// With no argument: the first response under the default policy.
    #[new]
    #[pyo3(signature = (*, first_response=None, next_response=None, periodic_update=None, resolution=None))]
    fn new(
        first_response: Option<&PyPolicy>,
        next_response: Option<&PyPolicy>,
        periodic_update: Option<&PyPolicy>,
        resolution: Option<&PyPolicy>,
    ) -> Self {
        let given = [first_response, next_response, periodic_update, resolution];
        if given.iter().all(Option::is_none) {
            return PyLifecyclePolicy {
                policy: LifecyclePolicy::default(),
            };
        }
        let p = |x: Option<&PyPolicy>| x.map(|p| p.policy);
        PyLifecyclePolicy {
            policy: LifecyclePolicy {
                first_response: p(first_response),
                next_response: p(next_response),
                periodic_update: p(periodic_update),
                resolution: p(resolution),
            },
        }
    }

    /// A lifecycle policy from JSON in the crate's form
    /// (``data/lifecycle-policy.json``, or a flat policy for the first
    /// response only); anything else is a ``PolicyError``.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        let policy: LifecyclePolicy =
            serde_json::from_str(text).map_err(|e| with_kind(ErrorKind::Policy, e))?;
        Ok(PyLifecyclePolicy { policy })
    }

    /// The measured metrics, in the crate's order.
    #[getter]
    fn metrics(&self) -> Vec<&'static str> {
        Metric::ALL
            .into_iter()
            .filter(|m| self.policy.targets(*m).is_some())
            .map(Metric::name)
            .collect()
    }

    fn __repr__(&self) -> String {
        format!("LifecyclePolicy(metrics={:?})", self.metrics())
    }
}

/// Replays a ticket's events into its report at ``now``: for every
/// measured metric its cycles, each with start, stop, target, due,
/// elapsed, remaining and status, as the crate computes them
/// (docs/LIFECYCLE.md).
///
/// Events are dicts or objects with ``at`` (datetime or ISO string; a
/// local one in the calendar's zone), ``kind`` (``created``,
/// ``agent_reply``, ``customer_reply``, ``waiting``, ``solved``,
/// ``reopened``, ``priority_changed``) and, for ``created`` and
/// ``priority_changed``, ``priority``.
///
/// >>> from sla_clock import Lifecycle
/// >>> report = Lifecycle().replay([
/// ...     {"at": "2026-12-21T10:00", "kind": "created", "priority": "low"},
/// ...     {"at": "2026-12-21T15:00", "kind": "priority_changed", "priority": "urgent"},
/// ... ], now="2026-12-21T15:00")
/// >>> report["metrics"]["first_response"][0]["status"]
/// 'breached'
#[pyclass(name = "Lifecycle", module = "sla_clock", frozen)]
pub struct PyLifecycle {
    lifecycle: Lifecycle,
}

/// A field of an event: by key for a dict or any mapping (a pandas row
/// too, whose attribute `at` is its indexer), else by attribute.
fn field<'py>(event: &Bound<'py, PyAny>, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    let value = if let Ok(d) = event.cast::<PyDict>() {
        d.get_item(name)?
    } else if event.hasattr("keys")? {
        match event.get_item(name) {
            Ok(v) => Some(v),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(event.py()) => None,
            Err(e) => return Err(e),
        }
    } else {
        match event.getattr(name) {
            Ok(v) => Some(v),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyAttributeError>(event.py()) => None,
            Err(e) => return Err(e),
        }
    };
    // None, and NaN (a pandas row's missing priority), are no value.
    let missing = |v: &Bound<'py, PyAny>| v.is_none() || v.extract::<f64>().is_ok_and(f64::is_nan);
    Ok(value.filter(|v| !missing(v)))
}

fn event(cal: &sla_clock::Calendar, obj: &Bound<'_, PyAny>) -> PyResult<Event> {
    let missing = |name: &str| PyTypeError::new_err(format!("an event needs '{name}'"));
    let at = field(obj, "at")?.ok_or_else(|| missing("at"))?;
    let kind: String = field(obj, "kind")?
        .ok_or_else(|| missing("kind"))?
        .extract()?;
    let priority: Option<String> = field(obj, "priority")?.map(|p| p.extract()).transpose()?;
    let kind = EventKind::parse(&kind, priority.as_deref()).py()?;
    Ok(Event::new(convert::instant(cal, &at)?, kind))
}

#[pymethods]
impl PyLifecycle {
    /// ``policy`` is a ``LifecyclePolicy``, or a ``Policy`` for the first
    /// response only (default: the default policy); ``risk_threshold`` the
    /// at-risk share in percent (default 75).
    #[new]
    #[pyo3(signature = (*, calendar=None, policy=None, risk_threshold=None))]
    fn new(
        calendar: Option<&PyCalendar>,
        policy: Option<&Bound<'_, PyAny>>,
        risk_threshold: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let cal = calendar_or_default(calendar);
        let policy = match policy.filter(|p| !p.is_none()) {
            None => LifecyclePolicy::default(),
            Some(p) => {
                if let Ok(lp) = p.cast::<PyLifecyclePolicy>() {
                    lp.get().policy
                } else if let Ok(pp) = p.cast::<PyPolicy>() {
                    LifecyclePolicy::from(pp.get().policy)
                } else {
                    return Err(PyTypeError::new_err(
                        "expected a LifecyclePolicy or a Policy",
                    ));
                }
            }
        };
        let mut lifecycle = Lifecycle::new(&cal, policy);
        let risk: Option<RiskThreshold> = convert::opt_risk(risk_threshold)?;
        if let Some(risk) = risk {
            lifecycle = lifecycle.with_risk_threshold(risk);
        }
        Ok(PyLifecycle { lifecycle })
    }

    /// The report at ``now`` as plain data: ``{"priority": "urgent",
    /// "metrics": {"first_response": [{"start", "stop", "target", "due",
    /// "elapsed", "remaining", "status"}, ...], ...}}``; instants are
    /// aware datetimes, business time ``timedelta``, status a name.
    fn replay<'py>(
        &self,
        py: Python<'py>,
        events: &Bound<'py, PyAny>,
        now: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let cal = self.lifecycle.calendar();
        let mut list = Vec::new();
        for e in events.try_iter()? {
            list.push(event(cal, &e?)?);
        }
        let now = convert::instant(cal, now)?;
        let report = self.lifecycle.replay(list, &now).py()?;
        let out = PyDict::new(py);
        out.set_item("priority", report.priority.to_string())?;
        let metrics = PyDict::new(py);
        for (metric, cycles) in &report.metrics {
            let list = PyList::empty(py);
            for c in cycles {
                let d = PyDict::new(py);
                d.set_item("start", py_instant(py, c.start)?)?;
                d.set_item("stop", py_opt_instant(py, c.stop)?)?;
                d.set_item("target", py_duration(py, c.target)?)?;
                d.set_item("due", py_instant(py, c.due)?)?;
                d.set_item("elapsed", py_duration(py, c.elapsed)?)?;
                d.set_item("remaining", py_duration(py, c.remaining)?)?;
                d.set_item("status", c.status.name())?;
                list.append(d)?;
            }
            metrics.set_item(metric.name(), list)?;
        }
        out.set_item("metrics", metrics)?;
        Ok(out)
    }
}
