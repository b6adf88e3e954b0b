//! Python values in and out: instants, durations, dates, priorities.
//!
//! - An aware `datetime` is the instant it names (its `utcoffset()`, so
//!   any tzinfo works, `fold` included); a naive one, and a string, is
//!   read by the crate's `Calendar::parse_datetime` in the calendar's zone,
//!   so a local time that does not exist or exists twice is the crate's
//!   `DateTimeError`. A pandas `Timestamp` keeps its nanoseconds.
//! - Instants out are aware `datetime`s in the calendar's zone
//!   (`zoneinfo.ZoneInfo`), rounded *up* to the microsecond when the
//!   crate's instant has a sub-microsecond part: the first instant Python
//!   can hold at or after it, so that "breached from `next_change`" stays
//!   true (only `next_change`, one nanosecond after a due instant, has one
//!   when the inputs are whole microseconds).
//! - Durations out are `timedelta`s, rounded toward zero to the
//!   microsecond; exact whenever the inputs are whole microseconds.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateAccess, PyDateTime, PyDelta, PyString, PyTimeAccess};
use sla_clock::chrono::{
    DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Timelike,
};
use sla_clock::{BusinessDuration, Calendar, DateRange, Priority, RiskThreshold, Tz};

use crate::errors::IntoPy;

/// An instant from a `datetime` (aware or naive) or a string.
pub fn instant(cal: &Calendar, obj: &Bound<'_, PyAny>) -> PyResult<DateTime<FixedOffset>> {
    if let Ok(text) = obj.cast::<PyString>() {
        return cal.parse_datetime(&text.to_cow()?).py();
    }
    let Ok(dt) = obj.cast::<PyDateTime>() else {
        return Err(PyTypeError::new_err(format!(
            "expected a datetime or an ISO 8601 string, got {}",
            obj.get_type().name()?
        )));
    };
    let mut nanos = dt.get_microsecond() * 1000;
    if !obj.is_exact_instance_of::<PyDateTime>() {
        // pandas.Timestamp: a datetime with nanoseconds of its own.
        if let Ok(ns) = obj.getattr("nanosecond").and_then(|n| n.extract::<u32>()) {
            nanos += ns;
        }
    }
    let naive = NaiveDate::from_ymd_opt(dt.get_year(), dt.get_month().into(), dt.get_day().into())
        .and_then(|d| {
            d.and_hms_nano_opt(
                dt.get_hour().into(),
                dt.get_minute().into(),
                dt.get_second().into(),
                nanos,
            )
        })
        .ok_or_else(|| PyValueError::new_err("invalid date-time"))?;
    let offset = dt.call_method0("utcoffset")?;
    if offset.is_none() {
        return local(cal, naive);
    }
    let offset: TimeDelta = offset.extract()?;
    let seconds = i32::try_from(offset.num_seconds()).ok();
    let fixed = seconds
        .filter(|_| offset.subsec_nanos() == 0)
        .and_then(FixedOffset::east_opt)
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "UTC offset {offset} is not a whole number of seconds"
            ))
        })?;
    fixed
        .from_local_datetime(&naive)
        .single()
        .ok_or_else(|| PyValueError::new_err("invalid date-time"))
}

/// A local date-time read as the crate reads one: its text through
/// `Calendar::parse_datetime`, so gaps and folds are its errors.
pub fn local(cal: &Calendar, naive: NaiveDateTime) -> PyResult<DateTime<FixedOffset>> {
    cal.parse_datetime(&local_text(naive)).py()
}

/// `2026-12-23T15:00:00`, with a fraction only when there is one.
pub fn local_text(naive: NaiveDateTime) -> String {
    naive.format("%Y-%m-%dT%H:%M:%S%.f").to_string()
}

/// An optional instant: `None` stays `None`.
pub fn opt_instant(
    cal: &Calendar,
    obj: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<DateTime<FixedOffset>>> {
    match obj {
        Some(o) if !o.is_none() => instant(cal, o).map(Some),
        _ => Ok(None),
    }
}

/// An instant as an aware `datetime` in the calendar's zone, rounded up to
/// the microsecond.
pub fn py_instant<'py>(py: Python<'py>, t: DateTime<Tz>) -> PyResult<Bound<'py, PyDateTime>> {
    let sub = t.nanosecond() % 1000;
    let t = if sub == 0 {
        t
    } else {
        t + TimeDelta::nanoseconds(i64::from(1000 - sub))
    };
    t.into_pyobject(py)
}

/// An optional instant out.
pub fn py_opt_instant<'py>(
    py: Python<'py>,
    t: Option<DateTime<Tz>>,
) -> PyResult<Option<Bound<'py, PyDateTime>>> {
    t.map(|t| py_instant(py, t)).transpose()
}

/// A business duration as a `timedelta`, rounded toward zero to the
/// microsecond.
pub fn py_duration<'py>(py: Python<'py>, d: BusinessDuration) -> PyResult<Bound<'py, PyDelta>> {
    let micros = i64::try_from(d.as_nanos() / 1000)
        .map_err(|_| PyValueError::new_err(format!("business duration {d} is too large")))?;
    TimeDelta::microseconds(micros).into_pyobject(py)
}

/// A wall-clock `TimeDelta` (nanoseconds) as a `timedelta`, rounded toward
/// zero to the microsecond.
pub fn py_delta<'py>(py: Python<'py>, d: TimeDelta) -> PyResult<Bound<'py, PyDelta>> {
    let micros = d.num_microseconds().unwrap_or(i64::MAX);
    TimeDelta::microseconds(micros).into_pyobject(py)
}

/// A business duration from a `timedelta` (a pandas `Timedelta` keeps its
/// nanoseconds) or from the crate's text (`"4h 30m"`).
pub fn duration(obj: &Bound<'_, PyAny>) -> PyResult<BusinessDuration> {
    if let Ok(text) = obj.cast::<PyString>() {
        return text.to_cow()?.parse::<BusinessDuration>().py();
    }
    if !obj.is_instance_of::<PyDelta>() {
        return Err(PyTypeError::new_err(format!(
            "expected a timedelta or a duration like '4h 30m', got {}",
            obj.get_type().name()?
        )));
    }
    let delta: TimeDelta = obj.extract()?;
    let mut nanos = delta
        .num_nanoseconds()
        .map(i128::from)
        .ok_or_else(|| PyValueError::new_err("timedelta too large"))?;
    if !obj.is_exact_instance_of::<PyDelta>()
        && let Ok(ns) = obj.getattr("nanoseconds").and_then(|n| n.extract::<i64>())
    {
        nanos += i128::from(ns);
    }
    Ok(BusinessDuration::from_nanos(nanos))
}

/// A date from a `date` (not a `datetime`) or `YYYY-MM-DD`.
pub fn date(obj: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    if obj.is_instance_of::<PyDateTime>() {
        return Err(PyTypeError::new_err(
            "expected a date, got a datetime; pass .date() for its date",
        ));
    }
    if let Ok(text) = obj.cast::<PyString>() {
        let range: DateRange = text.to_cow()?.parse().py()?;
        if range.first != range.last {
            return Err(PyValueError::new_err(format!(
                "expected one date, got the range {range}"
            )));
        }
        return Ok(range.first);
    }
    if !obj.is_instance_of::<PyDate>() {
        return Err(PyTypeError::new_err(format!(
            "expected a date or 'YYYY-MM-DD', got {}",
            obj.get_type().name()?
        )));
    }
    obj.extract()
}

/// A date or an inclusive range of dates: a `date`, a `(first, last)`
/// pair, or the crate's text (`2026-12-28/2027-01-01`), checked by the
/// crate.
pub fn date_range(obj: &Bound<'_, PyAny>) -> PyResult<DateRange> {
    if let Ok(text) = obj.cast::<PyString>() {
        return text.to_cow()?.parse().py();
    }
    if let Ok((first, last)) = obj.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>() {
        let (first, last) = (date(&first)?, date(&last)?);
        return format!("{first}/{last}").parse().py();
    }
    Ok(DateRange::from(date(obj)?))
}

/// A priority by name, English or German, as the crate reads it.
pub fn priority(obj: &Bound<'_, PyAny>) -> PyResult<Priority> {
    let text = obj.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err("expected a priority name: urgent, high, normal or low")
    })?;
    text.to_cow()?.parse().py()
}

/// An at-risk threshold: a whole percentage (`75`) or the crate's text
/// (`"75%"`).
pub fn risk(obj: &Bound<'_, PyAny>) -> PyResult<RiskThreshold> {
    if let Ok(text) = obj.cast::<PyString>() {
        return text.to_cow()?.parse().py();
    }
    let percent: i64 = obj.extract()?;
    match u8::try_from(percent) {
        Ok(p) => RiskThreshold::percent(p).py(),
        // Out of a byte: the crate's own message for the text.
        Err(_) => format!("{percent}%").parse().py(),
    }
}

/// An optional threshold.
pub fn opt_risk(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<RiskThreshold>> {
    match obj {
        Some(o) if !o.is_none() => risk(o).map(Some),
        _ => Ok(None),
    }
}
