//! Whole columns at once: instants as int64 nanoseconds (NumPy's
//! `datetime64[ns]`, NaT = `i64::MIN`), priorities as small codes, the loop
//! over rows in Rust with the GIL released. The Python wrappers
//! (`sla_clock.due_many`, `status_many`) turn NumPy, pandas and Arrow
//! columns into these arrays and back.
//!
//! Every value comes from the crate per row, exactly as the scalar API:
//! `Policy::due` or `Calendar::due`, and `SlaClock::reading`.

use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use sla_clock::chrono::{DateTime, FixedOffset, LocalResult, TimeZone, Utc};
use sla_clock::{BusinessDuration, Calendar, Priority, RiskThreshold, SlaClock, StatusKind};

use crate::calendar::{PyCalendar, PyPolicy, calendar_or_default, policy_or_default};
use crate::convert;
use crate::errors;

/// NumPy's NaT.
const NAT: i64 = i64::MIN;
/// A priority code for a missing value (None, NaN): the row's answer is NaT.
const MISSING: u8 = 254;
/// A priority code for a name that is no priority, in `errors="coerce"`.
const INVALID: u8 = 255;

/// A column of int64 nanoseconds: one value for every row, or one for all.
struct Column {
    values: Vec<i64>,
    /// Local wall times in the calendar's zone (naive input), rather than
    /// UTC instants.
    local: bool,
}

impl Column {
    fn new(array: &PyReadonlyArray1<'_, i64>, local: bool) -> PyResult<Column> {
        // A copy: the loop runs without the GIL, when Python could change
        // the array under a borrowed slice. 8 bytes a row.
        let values = array
            .as_slice()
            .map(<[i64]>::to_vec)
            .or_else(|_| Ok::<_, PyErr>(array.as_array().iter().copied().collect::<Vec<i64>>()))?;
        Ok(Column { values, local })
    }

    fn check(&self, n: usize, name: &str) -> PyResult<()> {
        if self.values.len() == n || self.values.len() == 1 {
            Ok(())
        } else {
            Err(PyValueError::new_err(format!(
                "{name} has {} values; expected {n} (one per row) or 1",
                self.values.len()
            )))
        }
    }

    fn get(&self, i: usize) -> i64 {
        if self.values.len() == 1 {
            self.values[0]
        } else {
            self.values[i]
        }
    }

    /// The instant of row `i`, or `None` for NaT. A local wall time is
    /// read by the crate's `Calendar::parse_datetime`, as a naive
    /// `datetime` is.
    fn instant(
        &self,
        cal: &Calendar,
        i: usize,
    ) -> sla_clock::Result<Option<DateTime<FixedOffset>>> {
        let ns = self.get(i);
        if ns == NAT {
            return Ok(None);
        }
        let utc = DateTime::<Utc>::from_timestamp_nanos(ns);
        if !self.local {
            return Ok(Some(utc.fixed_offset()));
        }
        let naive = utc.naive_utc();
        match cal.zone().from_local_datetime(&naive) {
            // A wall time with one reading is that instant, whoever reads
            // it; formatting and parsing it costs a microsecond a row.
            LocalResult::Single(t) => Ok(Some(t.fixed_offset())),
            // A gap or a fold: the crate's answer, which is its error.
            _ => cal.parse_datetime(&convert::local_text(naive)).map(Some),
        }
    }
}

/// What a row targets: a priority (by code) under the policy, or business
/// time (nanoseconds).
enum Targets {
    Codes(Vec<u8>),
    Nanos(Vec<i64>),
}

impl Targets {
    fn from_args(
        codes: Option<PyReadonlyArray1<'_, u8>>,
        targets: Option<PyReadonlyArray1<'_, i64>>,
        n: usize,
    ) -> PyResult<Targets> {
        let t = match (codes, targets) {
            (Some(c), None) => Targets::Codes(c.as_array().iter().copied().collect()),
            (None, Some(t)) => Targets::Nanos(t.as_array().iter().copied().collect()),
            _ => {
                return Err(PyTypeError::new_err(
                    "give priority codes or target durations, not both",
                ));
            }
        };
        let len = match &t {
            Targets::Codes(c) => c.len(),
            Targets::Nanos(t) => t.len(),
        };
        if len != n && len != 1 {
            return Err(PyValueError::new_err(format!(
                "priority has {len} values; expected {n} (one per row) or 1"
            )));
        }
        Ok(t)
    }

    /// The priority or target of row `i`; `None` for a missing one.
    fn get(&self, i: usize) -> Option<Target> {
        match self {
            Targets::Codes(c) => {
                let code = if c.len() == 1 { c[0] } else { c[i] };
                Priority::ALL
                    .get(usize::from(code))
                    .copied()
                    .map(Target::Priority)
            }
            Targets::Nanos(t) => {
                let ns = if t.len() == 1 { t[0] } else { t[i] };
                (ns != NAT).then(|| Target::Business(BusinessDuration::from_nanos(i128::from(ns))))
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Target {
    Priority(Priority),
    Business(BusinessDuration),
}

/// Runs `row` over `0..n` in `threads` chunks without the GIL. A row's
/// error stops its chunk unless `coerce`, where the row is `None`; the
/// first error by row is returned.
fn run<T, F>(
    py: Python<'_>,
    n: usize,
    threads: usize,
    coerce: bool,
    row: F,
) -> Result<Vec<Option<T>>, (usize, sla_clock::Error)>
where
    T: Send,
    F: Fn(usize) -> sla_clock::Result<Option<T>> + Sync,
{
    let chunk = |range: std::ops::Range<usize>| {
        let mut out = Vec::with_capacity(range.len());
        for i in range {
            match row(i) {
                Ok(v) => out.push(v),
                Err(_) if coerce => out.push(None),
                Err(e) => return Err((i, e)),
            }
        }
        Ok(out)
    };
    py.detach(|| {
        let threads = threads.clamp(1, n.max(1));
        if threads == 1 {
            return chunk(0..n);
        }
        let size = n.div_ceil(threads);
        let results: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|k| {
                    let range = (k * size).min(n)..((k + 1) * size).min(n);
                    let chunk = &chunk;
                    s.spawn(move || chunk(range))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a worker thread panicked"))
                .collect()
        });
        let mut out = Vec::with_capacity(n);
        for r in results {
            out.extend(r?);
        }
        Ok(out)
    })
}

fn threads_of(threads: usize) -> usize {
    if threads == 0 {
        std::thread::available_parallelism().map_or(1, usize::from)
    } else {
        threads
    }
}

fn row_error(py: Python<'_>, (row, e): (usize, sla_clock::Error)) -> PyErr {
    errors::raise(py, e.kind(), &e.to_string(), Some(row))
}

/// Due instants, one per row: `_due_many(calendar, policy, created,
/// created_local, codes, targets, coerce, threads)`.
#[pyfunction]
#[pyo3(signature = (calendar, policy, created, created_local, codes=None, targets=None, coerce=false, threads=1))]
#[allow(clippy::too_many_arguments)]
pub fn _due_many<'py>(
    py: Python<'py>,
    calendar: Option<&PyCalendar>,
    policy: Option<&PyPolicy>,
    created: PyReadonlyArray1<'py, i64>,
    created_local: bool,
    codes: Option<PyReadonlyArray1<'py, u8>>,
    targets: Option<PyReadonlyArray1<'py, i64>>,
    coerce: bool,
    threads: usize,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let cal = calendar_or_default(calendar);
    let policy = policy_or_default(policy);
    let created = Column::new(&created, created_local)?;
    let n = created.values.len();
    let targets = Targets::from_args(codes, targets, n)?;
    let rows = run(py, n, threads_of(threads), coerce, |i| {
        let (Some(t), Some(c)) = (targets.get(i), created.instant(&cal, i)?) else {
            return Ok(None);
        };
        let due = match t {
            Target::Priority(p) => policy.due(&cal, p, &c)?,
            Target::Business(d) => cal.due(&c, d)?,
        };
        Ok(due.timestamp_nanos_opt())
    })
    .map_err(|e| row_error(py, e))?;
    let out: Vec<i64> = rows.into_iter().map(|v| v.unwrap_or(NAT)).collect();
    Ok(out.into_pyarray(py))
}

/// One row of a reading, in nanoseconds.
struct Row {
    status: u8,
    due: i64,
    elapsed: i64,
    remaining: i64,
    at_risk_from: i64,
    next_change: i64,
}

fn nanos(d: BusinessDuration) -> i64 {
    i64::try_from(d.as_nanos()).unwrap_or(NAT)
}

/// Readings, one per row, as columns: `_status_many(calendar, policy,
/// created, created_local, now, now_local, codes, targets, responded,
/// responded_local, risk, coerce, threads)`; a dict of arrays.
#[pyfunction]
#[pyo3(signature = (calendar, policy, created, created_local, now, now_local, codes=None, targets=None, responded=None, responded_local=false, risk=None, coerce=false, threads=1))]
#[allow(clippy::too_many_arguments)]
pub fn _status_many<'py>(
    py: Python<'py>,
    calendar: Option<&PyCalendar>,
    policy: Option<&PyPolicy>,
    created: PyReadonlyArray1<'py, i64>,
    created_local: bool,
    now: PyReadonlyArray1<'py, i64>,
    now_local: bool,
    codes: Option<PyReadonlyArray1<'py, u8>>,
    targets: Option<PyReadonlyArray1<'py, i64>>,
    responded: Option<PyReadonlyArray1<'py, i64>>,
    responded_local: bool,
    risk: Option<&Bound<'py, PyAny>>,
    coerce: bool,
    threads: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let cal = calendar_or_default(calendar);
    let policy = policy_or_default(policy);
    let created = Column::new(&created, created_local)?;
    let n = created.values.len();
    let now = Column::new(&now, now_local)?;
    now.check(n, "now")?;
    let responded = responded
        .map(|r| Column::new(&r, responded_local))
        .transpose()?;
    if let Some(r) = &responded {
        r.check(n, "responded")?;
    }
    let targets = Targets::from_args(codes, targets, n)?;
    let risk: Option<RiskThreshold> = convert::opt_risk(risk)?;
    let rows = run(py, n, threads_of(threads), coerce, |i| {
        let (Some(t), Some(c), Some(now)) = (
            targets.get(i),
            created.instant(&cal, i)?,
            now.instant(&cal, i)?,
        ) else {
            return Ok(None);
        };
        let responded = match &responded {
            Some(r) => r.instant(&cal, i)?,
            None => None,
        };
        let mut clock = match t {
            Target::Priority(p) => SlaClock::for_priority(&cal, &policy, p, &c)?,
            Target::Business(d) => SlaClock::new(&cal, &c, d)?,
        };
        if let Some(risk) = risk {
            clock = clock.with_risk_threshold(risk);
        }
        if let Some(r) = responded {
            clock = clock.with_response(&r)?;
        }
        let r = clock.reading(&now)?;
        let kind = r.status.kind();
        let stamp = |t: Option<DateTime<sla_clock::Tz>>| {
            t.and_then(|t| t.timestamp_nanos_opt()).unwrap_or(NAT)
        };
        Ok(Some(Row {
            status: StatusKind::ALL
                .iter()
                .position(|k| *k == kind)
                .and_then(|p| u8::try_from(p).ok())
                .unwrap_or(INVALID),
            due: stamp(Some(r.due)),
            elapsed: nanos(r.elapsed),
            remaining: nanos(r.remaining),
            at_risk_from: stamp(r.at_risk_from),
            next_change: stamp(r.next_change),
        }))
    })
    .map_err(|e| row_error(py, e))?;
    let mut cols: [Vec<i64>; 5] = Default::default();
    let mut status = Vec::with_capacity(n);
    for row in rows {
        match row {
            Some(r) => {
                status.push(r.status);
                for (col, v) in cols.iter_mut().zip([
                    r.due,
                    r.elapsed,
                    r.remaining,
                    r.at_risk_from,
                    r.next_change,
                ]) {
                    col.push(v);
                }
            }
            None => {
                status.push(INVALID);
                for col in &mut cols {
                    col.push(NAT);
                }
            }
        }
    }
    let out = PyDict::new(py);
    out.set_item("status", status.into_pyarray(py))?;
    let [due, elapsed, remaining, at_risk_from, next_change] = cols;
    out.set_item("due", due.into_pyarray(py))?;
    out.set_item("elapsed", elapsed.into_pyarray(py))?;
    out.set_item("remaining", remaining.into_pyarray(py))?;
    out.set_item("at_risk_from", at_risk_from.into_pyarray(py))?;
    out.set_item("next_change", next_change.into_pyarray(py))?;
    Ok(out)
}

/// Priority codes for a sequence of names: 0-3 in the crate's order
/// (urgent, high, normal, low), 254 for a missing value (None, NaN), 255
/// for a name that is no priority when `coerce`; otherwise that name is the
/// crate's `PriorityError`, with `.row`.
#[pyfunction]
#[pyo3(signature = (values, coerce=false))]
pub fn _priority_codes<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    coerce: bool,
) -> PyResult<Bound<'py, PyArray1<u8>>> {
    let mut seen: Vec<(String, u8)> = Vec::new();
    let mut out = Vec::with_capacity(values.len().unwrap_or(0));
    for (row, item) in values.try_iter()?.enumerate() {
        let item = item?;
        let Ok(text) = item.cast::<PyString>() else {
            if item.is_none() || is_nan(&item) {
                out.push(MISSING);
                continue;
            }
            if coerce {
                out.push(INVALID);
                continue;
            }
            let err = PyTypeError::new_err(format!(
                "expected a priority name, got {}",
                item.get_type().name()?
            ));
            err.value(py).setattr("row", row)?;
            return Err(err);
        };
        let text = text.to_cow()?;
        if let Some((_, code)) = seen.iter().find(|(name, _)| name.as_str() == text.as_ref()) {
            out.push(*code);
            continue;
        }
        let code = match text.parse::<Priority>() {
            Ok(p) => p as u8,
            Err(_) if coerce => INVALID,
            Err(e) => return Err(errors::raise(py, e.kind(), &e.to_string(), Some(row))),
        };
        if seen.len() < 64 {
            seen.push((text.to_string(), code));
        }
        out.push(code);
    }
    Ok(out.into_pyarray(py))
}

/// Priority codes for a NumPy unicode column (`dtype '<U{width}'`) seen as
/// its UCS-4 code points, `width` a row: as `_priority_codes`, without a
/// Python string per row.
#[pyfunction]
#[pyo3(signature = (points, width, coerce=false))]
pub fn _priority_codes_ucs4<'py>(
    py: Python<'py>,
    points: PyReadonlyArray1<'py, u32>,
    width: usize,
    coerce: bool,
) -> PyResult<Bound<'py, PyArray1<u8>>> {
    let points = points.as_array();
    let flat: Vec<u32> = points.iter().copied().collect();
    if width == 0 || !flat.len().is_multiple_of(width) {
        return Err(PyValueError::new_err("code points do not fill whole rows"));
    }
    let mut seen: Vec<(&[u32], u8)> = Vec::new();
    let mut out = Vec::with_capacity(flat.len() / width);
    for (row, name) in flat.chunks_exact(width).enumerate() {
        if let Some((_, code)) = seen.iter().find(|(known, _)| *known == name) {
            out.push(*code);
            continue;
        }
        let text: String = name
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        let code = match text.parse::<Priority>() {
            Ok(p) => p as u8,
            Err(_) if coerce => INVALID,
            Err(e) => return Err(errors::raise(py, e.kind(), &e.to_string(), Some(row))),
        };
        if seen.len() < 64 {
            seen.push((name, code));
        }
        out.push(code);
    }
    Ok(out.into_pyarray(py))
}

fn is_nan(item: &Bound<'_, PyAny>) -> bool {
    item.extract::<f64>().is_ok_and(f64::is_nan)
}

/// Instants (int64 nanoseconds, UTC) for a sequence of Python values, each
/// read as the scalar API reads it (aware or naive `datetime`, string);
/// None and NaT are NaT. Errors as `_priority_codes`.
#[pyfunction]
#[pyo3(signature = (calendar, values, coerce=false))]
pub fn _instants<'py>(
    py: Python<'py>,
    calendar: Option<&PyCalendar>,
    values: &Bound<'py, PyAny>,
    coerce: bool,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let cal = calendar_or_default(calendar);
    let mut out = Vec::with_capacity(values.len().unwrap_or(0));
    for (row, item) in values.try_iter()?.enumerate() {
        let item = item?;
        if item.is_none() || item.get_type().name()?.to_cow()? == "NaTType" {
            out.push(NAT);
            continue;
        }
        match convert::instant(&cal, &item) {
            Ok(t) => out.push(
                t.timestamp_nanos_opt()
                    .ok_or_else(|| PyValueError::new_err("instant out of range"))?,
            ),
            Err(_) if coerce => out.push(NAT),
            Err(e) => {
                e.value(py).setattr("row", row)?;
                return Err(e);
            }
        }
    }
    Ok(out.into_pyarray(py))
}
