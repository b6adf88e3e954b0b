//! `Calendar` and `Policy`.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyDelta, PyDict, PyString};
use sla_clock::chrono::NaiveDate;
use sla_clock::{
    BusinessDuration, Calendar, CalendarConfig, DailyWindow, ErrorKind, HolidaySet, Policy,
    Priority, ResponseTarget, SpecialHours, WeekConfig,
};

use crate::convert::{self, py_duration, py_instant};
use crate::errors::{IntoPy, with_kind};

/// A business calendar: time zone, opening hours, holidays, closures and
/// special hours. Immutable; the `with_*` methods return new calendars.
///
/// >>> from sla_clock import Calendar
/// >>> cal = Calendar.munich()            # Europe/Berlin, Mon-Fri 10-18, Munich holidays
/// >>> cal.due("2026-12-18T16:00", "4h").isoformat()
/// '2026-12-21T12:00:00+01:00'
/// >>> Calendar.region("DE-BE").is_holiday("2026-03-08")   # Women's Day in Berlin
/// True
#[pyclass(name = "Calendar", module = "sla_clock", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyCalendar {
    pub cal: Calendar,
}

/// The weekday names a `week` dict takes, Monday first.
const DAYS: [(&str, &str); 7] = [
    ("monday", "mon"),
    ("tuesday", "tue"),
    ("wednesday", "wed"),
    ("thursday", "thu"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
];

fn windows(obj: &Bound<'_, PyAny>) -> PyResult<Vec<DailyWindow>> {
    let texts: Vec<String> = if let Ok(text) = obj.cast::<PyString>() {
        vec![text.to_cow()?.to_string()]
    } else {
        obj.extract()?
    };
    texts.iter().map(|t| t.parse().py()).collect()
}

/// The zone a region's calendar is in by default: its country's.
fn region_zone(code: &str) -> &'static str {
    match code.get(..2) {
        Some(c) if c.eq_ignore_ascii_case("AT") => "Europe/Vienna",
        Some(c) if c.eq_ignore_ascii_case("CH") => "Europe/Zurich",
        _ => "Europe/Berlin",
    }
}

#[pymethods]
impl PyCalendar {
    /// A calendar of your own, checked by the crate as a whole:
    ///
    /// - ``zone``: an IANA zone name (``"Europe/Vienna"``);
    /// - ``weekdays``: opening windows Monday to Friday, one ``"10:00-18:00"``
    ///   or a list of them;
    /// - ``week``: windows per weekday (``{"sat": ["09:00-12:00"]}``), added
    ///   to ``weekdays``;
    /// - ``holidays``: a region's code (``"DE-BE"``, ``"AT"``, ``"CH-ZH"``;
    ///   ``Calendar.regions()`` lists them), or ``None`` for none;
    /// - ``closures``: dates, ``(first, last)`` pairs or ``"first/last"``;
    /// - ``special_hours``: ``(dates, windows)`` pairs, ``[]`` closing;
    /// - ``business_day``: the length of a business day, when it is not
    ///   the week's usual day.
    ///
    /// >>> cal = Calendar("Europe/Vienna", weekdays=["08:00-12:00", "13:00-17:00"], holidays="AT")
    /// >>> cal.business_day
    /// datetime.timedelta(seconds=28800)
    #[new]
    #[pyo3(signature = (zone, *, weekdays=None, week=None, holidays=None, closures=None, special_hours=None, business_day=None))]
    fn new(
        zone: &str,
        weekdays: Option<&Bound<'_, PyAny>>,
        week: Option<&Bound<'_, PyDict>>,
        holidays: Option<&str>,
        closures: Option<&Bound<'_, PyAny>>,
        special_hours: Option<&Bound<'_, PyAny>>,
        business_day: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut days: [Vec<DailyWindow>; 7] = Default::default();
        if let Some(w) = weekdays {
            let w = windows(w)?;
            for day in days.iter_mut().take(5) {
                day.extend(w.iter().copied());
            }
        }
        if let Some(week) = week {
            for (key, value) in week.iter() {
                let key: String = key.extract()?;
                let lower = key.to_ascii_lowercase();
                let index = DAYS
                    .iter()
                    .position(|(long, short)| lower == *long || lower == *short)
                    .ok_or_else(|| {
                        PyTypeError::new_err(format!(
                            "unknown weekday '{key}'; expected monday..sunday or mon..sun"
                        ))
                    })?;
                days[index].extend(windows(&value)?);
            }
        }
        let [
            monday,
            tuesday,
            wednesday,
            thursday,
            friday,
            saturday,
            sunday,
        ] = days;
        let mut config = CalendarConfig {
            time_zone: zone.to_string(),
            week: WeekConfig {
                monday,
                tuesday,
                wednesday,
                thursday,
                friday,
                saturday,
                sunday,
            },
            holidays: match holidays {
                Some(code) => HolidaySet::Region(code.to_string()),
                None => HolidaySet::Rules(Vec::new()),
            },
            closures: Vec::new(),
            special_hours: Vec::new(),
            business_day_seconds: None,
        };
        if let Some(closures) = closures {
            for item in closures.try_iter()? {
                config.closures.push(convert::date_range(&item?)?);
            }
        }
        if let Some(special) = special_hours {
            for item in special.try_iter()? {
                let (dates, w): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
                config.special_hours.push(SpecialHours {
                    dates: convert::date_range(&dates)?,
                    windows: windows(&w)?,
                });
            }
        }
        if let Some(day) = business_day {
            let length = convert::duration(day)?;
            // The crate takes whole seconds; anything else is its error.
            config.business_day_seconds = Some(whole_seconds(length)?);
        }
        Ok(PyCalendar {
            cal: Calendar::try_from(config).py()?,
        })
    }

    /// The default calendar: Europe/Berlin, Monday to Friday 10:00-18:00,
    /// closed on Munich's public holidays; a business day is 8 hours.
    #[staticmethod]
    fn munich() -> Self {
        PyCalendar {
            cal: Calendar::munich(),
        }
    }

    /// The calendar of a DACH holiday region (``"DE-BE"``, ``"AT"``,
    /// ``"CH-ZH"``, ``"DE-BY-MUC"``, ...): its built-in public holidays, in
    /// ``zone`` (default: the country's, Europe/Berlin, Europe/Vienna or
    /// Europe/Zurich), open ``weekdays`` Monday to Friday (default
    /// 10:00-18:00, the default calendar's hours).
    ///
    /// >>> Calendar.region("CH-ZH").zone
    /// 'Europe/Zurich'
    #[staticmethod]
    #[pyo3(signature = (code, *, zone=None, weekdays=None))]
    fn region(
        py: Python<'_>,
        code: &str,
        zone: Option<&str>,
        weekdays: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let zone = zone.unwrap_or_else(|| region_zone(code));
        let default = PyString::new(py, "10:00-18:00").into_any();
        let weekdays = weekdays.unwrap_or(&default);
        PyCalendar::new(zone, Some(weekdays), None, Some(code), None, None, None)
    }

    /// The built-in holiday regions as ``(code, name)`` pairs: Austria,
    /// the 26 Swiss cantons, the 16 German states and Munich.
    #[staticmethod]
    fn regions() -> Vec<(&'static str, &'static str)> {
        sla_clock::regions()
            .iter()
            .map(|r| (r.code(), r.name()))
            .collect()
    }

    /// A calendar from JSON in the crate's form (``data/munich-calendar.json``);
    /// ``"holidays": "DE-BE"`` names a region. Errors are the crate's
    /// ``Calendar::from_json``: with the kind of the mistake (``JsonError``
    /// for the shape) and the line and column.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        Ok(PyCalendar {
            cal: Calendar::from_json(text).py()?,
        })
    }

    /// The calendar as JSON, in the form ``from_json`` reads.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&CalendarConfig::from(&self.cal))
            .map_err(|e| with_kind(ErrorKind::Calendar, e))
    }

    /// Pickling: the calendar's JSON, read back by ``from_json``.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().to_json()?,)))
    }

    /// The same calendar, also closed on these dates: dates, ``(first,
    /// last)`` pairs or ``"first/last"`` strings.
    fn with_closures(&self, dates: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut builder = self.cal.to_builder();
        let items: Vec<Bound<'_, PyAny>> = if dates.is_instance_of::<PyString>()
            || dates.is_instance_of::<PyDate>()
            || dates.is_instance_of::<pyo3::types::PyTuple>()
        {
            vec![dates.clone()]
        } else {
            dates.try_iter()?.collect::<PyResult<_>>()?
        };
        for item in items {
            builder = builder.closure(convert::date_range(&item)?);
        }
        Ok(PyCalendar {
            cal: builder.build().py()?,
        })
    }

    /// The same calendar with special hours on a date or range of dates
    /// (``windows=[]`` closes them); they win over the weekday, holidays
    /// and closures.
    fn with_special_hours(&self, dates: &Bound<'_, PyAny>, windows: Vec<String>) -> PyResult<Self> {
        let texts: Vec<&str> = windows.iter().map(String::as_str).collect();
        let cal = self
            .cal
            .to_builder()
            .special_hours(convert::date_range(dates)?, &texts)
            .build()
            .py()?;
        Ok(PyCalendar { cal })
    }

    /// The same calendar, also closed on the all-day events of an
    /// iCalendar text (an ``.ics`` file's contents), recurrences expanded.
    /// Timed events are a ``CalendarError`` naming the event.
    fn with_ical_closures(&self, text: &str) -> PyResult<Self> {
        let cal = self
            .cal
            .to_builder()
            .closures_from_ical(text)
            .build()
            .py()?;
        Ok(PyCalendar { cal })
    }

    /// The IANA name of the calendar's zone.
    #[getter]
    fn zone(&self) -> &'static str {
        self.cal.zone().name()
    }

    /// The length of one business day (``timedelta``): 8 hours by default.
    #[getter]
    fn business_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDelta>> {
        py_duration(py, self.cal.business_day())
    }

    /// The due instant of ``target`` business time (``timedelta`` or
    /// ``"4h 30m"``) from ``created``: the earliest instant at which it
    /// has elapsed. A deadline that fills a day exactly is its closing.
    fn due<'py>(
        &self,
        py: Python<'py>,
        created: &Bound<'py, PyAny>,
        target: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let created = convert::instant(&self.cal, created)?;
        let due = self.cal.due(&created, convert::duration(target)?).py()?;
        py_instant(py, due)
    }

    /// Counting back: the latest instant at or before ``instant`` with
    /// exactly ``amount`` of business time between them.
    fn before<'py>(
        &self,
        py: Python<'py>,
        instant: &Bound<'py, PyAny>,
        amount: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let instant = convert::instant(&self.cal, instant)?;
        let t = self.cal.before(&instant, convert::duration(amount)?).py()?;
        py_instant(py, t)
    }

    /// The business time from ``start`` to ``end`` (negative when ``end``
    /// is earlier), as a ``timedelta``.
    fn business_time<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDelta>> {
        let a = convert::instant(&self.cal, start)?;
        let b = convert::instant(&self.cal, end)?;
        py_duration(py, self.cal.business_time(&a, &b).py()?)
    }

    /// Whether the calendar is open at ``instant`` (open at the opening,
    /// closed at the closing).
    fn is_open(&self, instant: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.cal
            .is_open(&convert::instant(&self.cal, instant)?)
            .py()
    }

    /// The next opening at or after ``instant``.
    fn next_open<'py>(
        &self,
        py: Python<'py>,
        instant: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let t = convert::instant(&self.cal, instant)?;
        py_instant(py, self.cal.next_open(&t).py()?)
    }

    /// The next closing after ``instant``.
    fn next_close<'py>(
        &self,
        py: Python<'py>,
        instant: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let t = convert::instant(&self.cal, instant)?;
        py_instant(py, self.cal.next_close(&t).py()?)
    }

    /// The last opening at or before ``instant``.
    fn previous_open<'py>(
        &self,
        py: Python<'py>,
        instant: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let t = convert::instant(&self.cal, instant)?;
        py_instant(py, self.cal.previous_open(&t).py()?)
    }

    /// The last closing at or before ``instant``.
    fn previous_close<'py>(
        &self,
        py: Python<'py>,
        instant: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let t = convert::instant(&self.cal, instant)?;
        py_instant(py, self.cal.previous_close(&t).py()?)
    }

    /// Whether ``date`` is a public holiday of the calendar's rules.
    fn is_holiday(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.cal.is_holiday(convert::date(date)?).py()
    }

    /// Whether ``date`` has any business time.
    fn is_business_day(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.cal.is_business_day(convert::date(date)?).py()
    }

    /// The holidays of ``year`` as ``(date, names)`` pairs, the names as
    /// the crate writes them (``"Karfreitag / Good Friday"``; several
    /// holidays on one date joined by ``"; "``).
    fn holidays(&self, year: i32) -> PyResult<Vec<(NaiveDate, String)>> {
        Ok(self
            .cal
            .holidays(year)
            .py()?
            .into_iter()
            .map(|h| (h.date, h.names_text()))
            .collect())
    }

    /// The ``days``-th business day after ``date`` (before it when
    /// negative; with 0, ``date`` or the next business day).
    fn add_business_days(&self, date: &Bound<'_, PyAny>, days: i32) -> PyResult<NaiveDate> {
        self.cal.add_business_days(convert::date(date)?, days).py()
    }

    /// The number of business days from ``first`` to ``last``, both
    /// included.
    fn business_days_in(&self, first: &Bound<'_, PyAny>, last: &Bound<'_, PyAny>) -> PyResult<u32> {
        let (first, last) = (convert::date(first)?, convert::date(last)?);
        let range: sla_clock::DateRange = format!("{first}/{last}").parse().py()?;
        self.cal.business_days_in(range).py()
    }

    /// Reads a date-time as the crate does: RFC 3339, or a local time in
    /// the calendar's zone (a nonexistent or ambiguous one is a
    /// ``DateTimeError``). Returned in the calendar's zone.
    fn parse_datetime<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyDateTime>> {
        let t = self.cal.parse_datetime(text).py()?;
        py_instant(py, t.with_timezone(&self.cal.zone()))
    }

    fn __repr__(&self) -> String {
        let week: Vec<String> = self
            .cal
            .schedule()
            .windows(sla_clock::chrono::Weekday::Mon)
            .iter()
            .map(ToString::to_string)
            .collect();
        format!(
            "Calendar(zone='{}', monday={:?}, holiday_rules={}, closures={}, special_hours={})",
            self.cal.zone().name(),
            week,
            self.cal.holiday_rules().len(),
            self.cal.closures().len(),
            self.cal.special_hours().len()
        )
    }
}

fn whole_seconds(length: BusinessDuration) -> PyResult<u32> {
    let nanos = length.as_nanos();
    if nanos % 1_000_000_000 == 0
        && let Ok(secs) = u32::try_from(nanos / 1_000_000_000)
    {
        return Ok(secs);
    }
    // Let the crate say what it takes.
    let cal = Calendar::munich().to_builder().business_day(length).build();
    match cal {
        Err(e) => Err(crate::errors::to_py(e)),
        Ok(_) => Ok(u32::try_from(length.as_secs()).unwrap_or(u32::MAX)),
    }
}

/// The response policy: a target per priority (default: Urgent 4
/// business hours, High 1 business day, Normal 2, Low 5).
///
/// >>> from sla_clock import Policy
/// >>> Policy().target("high")
/// '1 business day'
/// >>> Policy(urgent="2 business hours").target("urgent")
/// '2 business hours'
#[pyclass(name = "Policy", module = "sla_clock", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyPolicy {
    pub policy: Policy,
}

#[pymethods]
impl PyPolicy {
    /// The default policy, with any target replaced: ``"4 business
    /// hours"``, ``"1 business day"``, ``"90 business minutes"``.
    #[new]
    #[pyo3(signature = (*, urgent=None, high=None, normal=None, low=None))]
    fn new(
        urgent: Option<&str>,
        high: Option<&str>,
        normal: Option<&str>,
        low: Option<&str>,
    ) -> PyResult<Self> {
        let mut policy = Policy::default();
        let parse = |t: &str| t.parse::<ResponseTarget>().py();
        if let Some(t) = urgent {
            policy.urgent = parse(t)?;
        }
        if let Some(t) = high {
            policy.high = parse(t)?;
        }
        if let Some(t) = normal {
            policy.normal = parse(t)?;
        }
        if let Some(t) = low {
            policy.low = parse(t)?;
        }
        Ok(PyPolicy { policy })
    }

    /// A policy from JSON in the crate's form (``data/default-policy.json``:
    /// ``{"urgent": {"business_hours": 4}, ...}``); anything else is a
    /// ``PolicyError`` with serde's message.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        let policy: Policy =
            serde_json::from_str(text).map_err(|e| with_kind(ErrorKind::Policy, e))?;
        Ok(PyPolicy { policy })
    }

    /// The policy as JSON, in the form ``from_json`` reads.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.policy).map_err(|e| with_kind(ErrorKind::Policy, e))
    }

    /// Pickling: the policy's JSON, read back by ``from_json``.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().to_json()?,)))
    }

    /// The target of a priority as the crate writes it (``"4 business hours"``).
    fn target(&self, priority: &Bound<'_, PyAny>) -> PyResult<String> {
        Ok(self.policy.target(convert::priority(priority)?).to_string())
    }

    /// The target of a priority as business time on ``calendar`` (default:
    /// Munich), a ``timedelta``: a business day is the calendar's.
    #[pyo3(signature = (priority, calendar=None))]
    fn target_duration<'py>(
        &self,
        py: Python<'py>,
        priority: &Bound<'py, PyAny>,
        calendar: Option<&PyCalendar>,
    ) -> PyResult<Bound<'py, PyDelta>> {
        let cal = calendar.map_or_else(Calendar::munich, |c| c.cal.clone());
        let p = convert::priority(priority)?;
        py_duration(py, self.policy.target(p).duration(&cal))
    }

    /// The due instant of a ticket of ``priority`` created at ``created``
    /// on ``calendar`` (default: Munich).
    #[pyo3(signature = (priority, created, calendar=None))]
    fn due<'py>(
        &self,
        py: Python<'py>,
        priority: &Bound<'py, PyAny>,
        created: &Bound<'py, PyAny>,
        calendar: Option<&PyCalendar>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let cal = calendar.map_or_else(Calendar::munich, |c| c.cal.clone());
        let p = convert::priority(priority)?;
        let created = convert::instant(&cal, created)?;
        py_instant(py, self.policy.due(&cal, p, &created).py()?)
    }

    fn __repr__(&self) -> String {
        let t = |p| self.policy.target(p).to_string();
        format!(
            "Policy(urgent='{}', high='{}', normal='{}', low='{}')",
            t(Priority::Urgent),
            t(Priority::High),
            t(Priority::Normal),
            t(Priority::Low)
        )
    }
}

/// The calendar given, or Munich.
pub fn calendar_or_default(calendar: Option<&PyCalendar>) -> Calendar {
    calendar.map_or_else(Calendar::munich, |c| c.cal.clone())
}

/// The policy given, or the default.
pub fn policy_or_default(policy: Option<&PyPolicy>) -> Policy {
    policy.map_or_else(Policy::default, |p| p.policy)
}
