"""Property tests: the bindings against the Rust answers of the core's
`due --batch` example, the column functions against the scalar ones, and
the conventions shared with pandas' CustomBusinessHour."""

from __future__ import annotations

import datetime as dt
import warnings
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sla_clock
from sla_clock import Calendar

PRIORITY_NAMES = ["urgent", "high", "normal", "low", "Dringend", "HOCH", "niedrig", "Normal"]

# Instants a little beyond the supported range on both sides, so that its
# edges and the errors past them are compared too.
naive_instants = st.datetimes(
    min_value=dt.datetime(1994, 12, 20), max_value=dt.datetime(2100, 1, 10)
)
fractions = st.sampled_from([0, 0, 0, 500_000, 123_456, 1])
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: dt.timedelta(minutes=m))
zones = st.sampled_from(["Europe/Berlin", "Europe/Vienna", "America/New_York", "Asia/Kolkata", "UTC"])


@st.composite
def created_texts(draw):
    """A creation instant as a person or script writes it: local (with or
    without seconds and a fraction), RFC 3339 with an offset or Z."""
    t = draw(naive_instants).replace(microsecond=draw(fractions))
    form = draw(st.sampled_from(["local-minutes", "local", "offset", "z"]))
    if form == "local-minutes":
        return t.strftime("%Y-%m-%dT%H:%M")
    if form == "local":
        return t.isoformat()
    if form == "z":
        return t.isoformat() + "Z"
    off = draw(offsets)
    return t.replace(tzinfo=dt.timezone(off)).isoformat()


@st.composite
def created_datetimes(draw):
    """A creation instant as a Python datetime: naive, fixed offset or a zone."""
    t = draw(naive_instants).replace(microsecond=draw(fractions))
    form = draw(st.sampled_from(["naive", "offset", "zone"]))
    if form == "naive":
        return t
    if form == "offset":
        return t.replace(tzinfo=dt.timezone(draw(offsets)))
    return t.replace(tzinfo=ZoneInfo(draw(zones)), fold=draw(st.integers(0, 1)))


def scalar_line(priority, created, calendar=None, policy=None) -> str:
    """What the bindings say, written as the `due --batch` line would be."""
    try:
        due = sla_clock.due(priority, created, calendar=calendar, policy=policy)
    except sla_clock.SlaClockError as e:
        return f"error: {e}"
    return due


def same(rust_line: str, ours) -> bool:
    if isinstance(ours, str):
        return rust_line == ours
    if rust_line.startswith("error:"):
        return False
    theirs = dt.datetime.fromisoformat(rust_line)
    return theirs == ours and theirs.utcoffset() == ours.utcoffset()


SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PRIORITY_NAMES + ["asap"]), created_texts()), min_size=1, max_size=40))
def test_due_of_text_matches_rust(due_batch, rows):
    rust = due_batch([f"{p} {c}" for p, c in rows])
    for (p, c), line in zip(rows, rust):
        ours = scalar_line(p, c)
        assert same(line, ours), (p, c, line, ours)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PRIORITY_NAMES), created_datetimes()), min_size=1, max_size=40))
def test_due_of_datetimes_matches_rust(due_batch, rows):
    # A naive datetime is written without an offset: local time for both.
    rust = due_batch([f"{p} {c.isoformat()}" for p, c in rows])
    for (p, c), line in zip(rows, rust):
        ours = scalar_line(p, c)
        assert same(line, ours), (p, c, line, ours)


@SETTINGS
@given(
    st.lists(st.tuples(st.sampled_from(PRIORITY_NAMES), created_texts()), min_size=1, max_size=40),
    st.sampled_from(["data/support-desk-calendar.json", "data/munich-calendar.json"]),
)
def test_due_on_a_calendar_file_matches_rust(due_batch, data_dir, rows, path):
    cal = Calendar.from_json((data_dir.parent / path).read_text())
    rust = due_batch([f"{p} {c}" for p, c in rows], "--calendar", path)
    for (p, c), line in zip(rows, rust):
        assert same(line, scalar_line(p, c, calendar=cal)), (p, c, line)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PRIORITY_NAMES), created_texts()), min_size=1, max_size=40))
def test_columns_match_scalars(rows):
    priorities = [p for p, _ in rows]
    created = [c for _, c in rows]
    out = sla_clock.due_many(priorities, created, errors="coerce")
    for p, c, d in zip(priorities, created, out):
        ours = scalar_line(p, c)
        if isinstance(ours, str):
            assert np.isnat(d)
        else:
            assert d == np.datetime64(ours.astimezone(dt.timezone.utc).replace(tzinfo=None), "ns")


@SETTINGS
@given(st.lists(naive_instants, min_size=1, max_size=40), st.sampled_from(PRIORITY_NAMES))
def test_naive_numpy_column_is_local_time(rows, priority):
    """A naive datetime64 column is read as a naive datetime is."""
    column = np.array(rows, dtype="M8[us]")
    out = sla_clock.due_many(priority, column, errors="coerce")
    for t, d in zip(rows, out):
        ours = scalar_line(priority, t)
        if isinstance(ours, str):
            assert np.isnat(d)
        else:
            assert d == np.datetime64(ours.astimezone(dt.timezone.utc).replace(tzinfo=None), "ns")


# --- pandas' CustomBusinessHour ---------------------------------------------

HOURS = {"urgent": 4, "high": 8, "normal": 16, "low": 40}


def munich_holidays(years):
    """Bavaria's public holidays (python-holidays) plus Munich's Assumption Day."""
    holidays = pytest.importorskip("holidays")
    days = set(holidays.Germany(subdiv="BY", years=years))
    days |= {dt.date(y, 8, 15) for y in years}
    return sorted(days)


@pytest.fixture(scope="module")
def offsets_by_priority():
    pytest.importorskip("pandas")
    from pandas.tseries.offsets import CustomBusinessHour

    days = munich_holidays(range(1995, 2100))
    return {
        p: CustomBusinessHour(n=h, start="10:00", end="18:00", holidays=days)
        for p, h in HOURS.items()
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.datetimes(min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2099, 11, 30)),
    st.sampled_from(list(HOURS)),
)
def test_pandas_custom_business_hour(offsets_by_priority, created, priority):
    """Where the conventions coincide, pandas' CustomBusinessHour on local
    wall times gives the crate's due instant.

    They differ in two places, both checked here: a target that fills a
    day exactly is due at that day's close for the crate (18:00) and at the
    next opening for pandas (10:00 the next business day), the same
    business time but another instant; and a local time that a clock change
    skips or repeats is an error for the crate, a wall time for pandas
    (opening hours never touch 02:00-03:00, so every other answer agrees
    across DST)."""
    try:
        ours = sla_clock.due(priority, created)
    except sla_clock.DateTimeError:
        assert created.hour == 2  # the spring gap or the autumn fold
        return
    import pandas as pd

    ours_local = ours.replace(tzinfo=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = (pd.Timestamp(created) + offsets_by_priority[priority]).to_pydatetime()
    if ours_local.time() == dt.time(18, 0):
        cal = Calendar.munich()
        assert theirs == cal.next_open(ours).replace(tzinfo=None)
    else:
        assert theirs == ours_local


def test_python_holidays_agree_with_the_crates_munich():
    """The holiday list pandas gets is the crate's DE-BY-MUC, 1995 to 2099."""
    cal = Calendar.munich()
    for year in range(1995, 2100):
        ours = {d for d, _ in cal.holidays(year)}
        assert set(munich_holidays([year])) == ours, year


def test_pandas_differences_as_documented():
    pd = pytest.importorskip("pandas")
    from pandas.tseries.offsets import CustomBusinessHour

    def theirs(created, hours):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            offset = CustomBusinessHour(n=hours, start="10:00", end="18:00")
            return (pd.Timestamp(created) + offset).isoformat()

    def ours(created, hours):
        due = Calendar.munich().due(created, dt.timedelta(hours=hours))
        return due.replace(tzinfo=None).isoformat()

    # A target that fills a day exactly: the close, or the next opening.
    assert ours("2026-12-21T10:00", 8) == "2026-12-21T18:00:00"
    assert theirs("2026-12-21T10:00", 8) == "2026-12-22T10:00:00"
    assert ours("2026-12-21T14:00", 4) == "2026-12-21T18:00:00"
    assert theirs("2026-12-21T14:00", 4) == "2026-12-22T10:00:00"
    # A target of zero while closed: the instant itself, or the next opening.
    assert ours("2026-12-21T19:00", 0) == "2026-12-21T19:00:00"
    assert theirs("2026-12-21T19:00", 0) == "2026-12-22T10:00:00"
    # Elsewhere the same: created while closed starts at the next opening.
    assert ours("2026-12-19T12:00", 1) == theirs("2026-12-19T12:00", 1) == "2026-12-21T11:00:00"
    assert ours("2026-12-21T18:00", 1) == theirs("2026-12-21T18:00", 1) == "2026-12-22T11:00:00"
