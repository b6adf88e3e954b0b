"""due_many and status_many: NumPy, pandas, Arrow and plain sequences, row
by row the scalar API's answers."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

import sla_clock
from sla_clock import Calendar, Policy, due_many, status_many

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

BERLIN = ZoneInfo("Europe/Berlin")
CREATED = ["2026-12-18T16:00", "2026-12-23T15:00", "2026-12-23T15:00", "2026-04-02T17:00"]
PRIORITIES = ["urgent", "high", "normal", "high"]
EXPECTED = [
    "2026-12-21T12:00:00+01:00",
    "2026-12-24T15:00:00+01:00",
    "2026-12-28T15:00:00+01:00",
    "2026-04-07T17:00:00+02:00",
]


def utc_ns(texts):
    return np.array([pd.Timestamp(t).tz_convert("UTC").value for t in texts], dtype=np.int64)


def test_numpy_naive_is_local_and_result_is_utc():
    created = np.array(CREATED, dtype="datetime64[s]")
    out = due_many(PRIORITIES, created)
    assert out.dtype == np.dtype("datetime64[ns]")
    assert out.view(np.int64).tolist() == utc_ns(EXPECTED).tolist()
    # Read back as UTC.
    utc = out  # UTC instants
    again = due_many("urgent", utc, naive="utc")
    scalar = [sla_clock.due("urgent", pd.Timestamp(t, tz="UTC")) for t in utc]
    assert again.view(np.int64).tolist() == [pd.Timestamp(s).value for s in scalar]


def test_sequences_of_datetimes_and_strings():
    created = [datetime.fromisoformat(t) for t in CREATED]
    assert due_many(PRIORITIES, created).view(np.int64).tolist() == utc_ns(EXPECTED).tolist()
    assert due_many(PRIORITIES, CREATED).view(np.int64).tolist() == utc_ns(EXPECTED).tolist()
    aware = [datetime.fromisoformat(t).replace(tzinfo=BERLIN) for t in CREATED]
    assert due_many(tuple(PRIORITIES), aware).view(np.int64).tolist() == utc_ns(EXPECTED).tolist()


def test_pandas_in_pandas_out():
    index = pd.Index([10, 11, 12, 13], name="ticket")
    created = pd.Series(pd.to_datetime(CREATED), index=index, name="created")
    out = due_many(pd.Series(PRIORITIES, index=index, dtype="category"), created)
    assert isinstance(out, pd.Series)
    assert (out.index == index).all()
    assert str(out.dt.tz) == "Europe/Berlin"
    assert [t.isoformat() for t in out] == EXPECTED
    aware = created.dt.tz_localize("Europe/Berlin").dt.tz_convert("Asia/Tokyo")
    assert due_many(pd.Series(PRIORITIES, index=index), aware).equals(out)
    # Non-nanosecond units (pandas 2).
    if hasattr(created.array, "as_unit"):
        secs = created.dt.as_unit("s")
        assert due_many(pd.Series(PRIORITIES, index=index), secs).equals(out)


def test_arrow_in_arrow_out():
    created = pa.array(pd.to_datetime(CREATED), type=pa.timestamp("ms"))
    out = due_many(pa.array(PRIORITIES).dictionary_encode(), created)
    assert out.type == pa.timestamp("ns", tz="Europe/Berlin")
    assert [t.isoformat() for t in out.to_pylist()] == EXPECTED
    aware = pa.chunked_array([pa.array(pd.to_datetime(CREATED).tz_localize("Europe/Berlin"))])
    offsets = [t + ("+02:00" if t.startswith("2026-04") else "+01:00") for t in CREATED]
    naive_utc = pa.array(utc_ns(offsets), type=pa.timestamp("ns"))
    assert due_many(pa.array(PRIORITIES), naive_utc, naive="utc").equals(out)
    assert due_many(pa.chunked_array([pa.array(PRIORITIES)]), aware).equals(out)


def test_missing_values_give_nat():
    created = np.array(["2026-12-18T16:00", "NaT", "2026-12-23T15:00", "2026-12-23T15:00"], dtype="M8[ns]")
    out = due_many(["urgent", "urgent", None, "high"], created)
    assert np.isnat(out).tolist() == [False, True, True, False]
    s = due_many(pd.Series(["urgent", "high", np.nan, "low"]), pd.Series(created))
    assert s.isna().tolist() == [False, True, True, False]
    a = due_many(pa.array(["urgent", "high", None, "low"]), pa.array(created))
    assert a.is_null().to_pylist() == [False, True, True, False]


def test_errors_raise_with_row_or_coerce():
    created = np.array(["2026-12-18T16:00", "2026-03-29T02:30", "2100-06-01T12:00"], dtype="M8[ns]")
    with pytest.raises(sla_clock.DateTimeError) as e:
        due_many("urgent", created)
    assert e.value.row == 1
    assert str(e.value).startswith("local time '2026-03-29T02:30:00' does not exist in Europe/Berlin")
    out = due_many("urgent", created, errors="coerce")
    assert np.isnat(out).tolist() == [False, True, True]
    with pytest.raises(sla_clock.OutOfRangeError) as e:
        due_many("urgent", created[[0, 2]])
    assert e.value.row == 1
    with pytest.raises(sla_clock.PriorityError) as e:
        due_many(["urgent", "high", "asap"], created[[0, 0, 0]])
    assert e.value.row == 2
    with pytest.raises(sla_clock.PriorityError) as e:
        due_many(pd.Series(["urgent", "asap", "asap"], dtype="category"), pd.Series(created[[0, 0, 0]]))
    assert e.value.row == 1
    assert np.isnat(due_many(["urgent", "asap"], created[[0, 0]], errors="coerce")).tolist() == [False, True]
    with pytest.raises(ValueError, match="errors must be"):
        due_many("urgent", created, errors="ignore")
    with pytest.raises(ValueError, match="expected 3"):
        due_many(["urgent", "high"], created)


def test_targets_as_durations():
    created = np.array(CREATED[:2], dtype="M8[ns]")
    targets = np.array([4 * 3600, 8 * 3600], dtype="m8[s]")
    assert due_many(targets, created).tolist() == due_many(["urgent", "high"], created).tolist()
    assert due_many(timedelta(hours=4), created).tolist() == due_many("urgent", created).tolist()
    assert due_many([timedelta(hours=4), timedelta(hours=8)], created).tolist() == due_many(
        ["urgent", "high"], created
    ).tolist()
    assert due_many(pd.Series(pd.to_timedelta(["4h", "8h"])), pd.Series(created)).equals(
        due_many(pd.Series(["urgent", "high"]), pd.Series(created))
    )


def test_threads_give_the_same_answers():
    rng = np.random.default_rng(7)
    secs = rng.integers(
        np.datetime64("2025-01-01").astype("M8[s]").view(np.int64),
        np.datetime64("2027-01-01").astype("M8[s]").view(np.int64),
        5000,
    )
    created = secs.astype("M8[s]")
    prio = rng.choice(np.array(sla_clock.PRIORITIES), 5000)
    one = due_many(prio, created, naive="utc")
    assert (due_many(prio, created, naive="utc", threads=2) == one).all()
    assert (due_many(prio, created, naive="utc", threads=0) == one).all()
    created[4321] = np.datetime64("2026-03-29T02:30")  # in the gap, read locally
    with pytest.raises(sla_clock.DateTimeError) as e:
        due_many(prio, created, threads=3)
    assert e.value.row == 4321


def test_each_row_is_the_scalar_answer():
    rng = np.random.default_rng(11)
    secs = rng.integers(
        np.datetime64("1995-01-01").astype("M8[s]").view(np.int64),
        np.datetime64("2099-06-01").astype("M8[s]").view(np.int64),
        400,
    )
    created = secs.astype("M8[s]")
    prio = rng.choice(np.array(sla_clock.PRIORITIES), 400)
    cal = Calendar.region("CH-ZH")
    out = due_many(prio, created, calendar=cal, naive="utc")
    for p, c, d in zip(prio, created, out):
        scalar = sla_clock.due(str(p), pd.Timestamp(c, tz="UTC"), calendar=cal)
        assert pd.Timestamp(d, tz="UTC") == scalar


def test_status_many_numpy():
    created = np.array(["2026-12-18T16:00", "2026-12-18T16:00", "2026-12-18T16:00"], dtype="M8[ns]")
    responded = np.array(["2026-12-21T12:00", "NaT", "NaT"], dtype="M8[ns]")
    out = status_many(
        ["urgent", "urgent", "low"], created, now="2026-12-21T13:00", responded=responded, risk_threshold=75
    )
    assert list(out) == ["status", "due", "elapsed", "remaining", "at_risk_from", "next_change"]
    assert out["status"].tolist() == ["met", "breached", "pending"]
    assert (out["remaining"] / np.timedelta64(1, "h")).tolist() == [0.0, -1.0, 35.0]
    assert out["elapsed"].dtype == np.dtype("m8[ns]")
    assert np.isnat(out["next_change"]).tolist() == [True, True, False]
    # Exact nanoseconds: the crate's next change is one nanosecond after due.
    one = status_many("urgent", ["2026-12-18T16:00"], now="2026-12-21T11:00", risk_threshold=75)
    assert (one["next_change"] - one["due"]).tolist() == [np.timedelta64(1, "ns")]
    assert one["status"].tolist() == ["at_risk"]


def test_status_many_matches_the_scalar_reading():
    rng = np.random.default_rng(3)
    n = 300
    base = np.datetime64("2026-01-05T00:00", "s").view(np.int64)
    created = (base + rng.integers(0, 200 * 86400, n)).astype("M8[s]")
    now = created + rng.integers(0, 20 * 86400, n).astype("m8[s]")
    responded = np.where(rng.random(n) < 0.5, created + rng.integers(0, 10 * 86400, n).astype("m8[s]"), np.datetime64("NaT"))
    prio = rng.choice(np.array(sla_clock.PRIORITIES), n)
    out = status_many(prio, created, now, responded=responded, risk_threshold=60, naive="utc")
    for i in range(n):
        r = sla_clock.reading(
            str(prio[i]),
            pd.Timestamp(created[i], tz="UTC"),
            pd.Timestamp(now[i], tz="UTC"),
            responded=None if np.isnat(responded[i]) else pd.Timestamp(responded[i], tz="UTC"),
            risk_threshold=60,
        )
        assert out["status"][i] == r.status
        assert pd.Timestamp(out["due"][i], tz="UTC") == r.due
        assert pd.Timedelta(out["remaining"][i]) == r.remaining
        assert pd.Timedelta(out["elapsed"][i]) == r.elapsed
        assert pd.Timestamp(out["at_risk_from"][i], tz="UTC") == r.at_risk_from
        if r.next_change is None:
            assert np.isnat(out["next_change"][i])
        else:
            # The scalar one is rounded up to the microsecond.
            assert pd.Timestamp(out["next_change"][i], tz="UTC").ceil("us") == r.next_change


def test_status_many_pandas_and_arrow():
    index = pd.Index(["a", "b"], name="ticket")
    created = pd.Series(pd.to_datetime(["2026-12-18T16:00", "2026-12-21T10:00"]), index=index)
    df = status_many(pd.Series(["urgent", "high"], index=index), created, now=pd.Timestamp("2026-12-21T13:00", tz="Europe/Berlin"))
    assert isinstance(df, pd.DataFrame)
    assert list(df.index) == ["a", "b"]
    assert df["status"].tolist() == ["breached", "pending"]
    assert isinstance(df["status"].dtype, pd.CategoricalDtype)
    assert str(df["due"].dt.tz) == "Europe/Berlin"
    table = status_many(pa.array(["urgent", "high"]), pa.array(created.to_numpy()), now="2026-12-21T13:00")
    assert isinstance(table, pa.Table)
    assert table.column("status").to_pylist() == ["breached", "pending"]
    assert table.column("remaining").type == pa.duration("ns")


def test_status_many_now_per_row_and_coerce():
    created = np.array(["2026-12-18T16:00", "2026-12-18T16:00"], dtype="M8[ns]")
    now = np.array(["2026-12-21T11:00", "2026-12-21T13:00"], dtype="M8[ns]")
    assert status_many("urgent", created, now)["status"].tolist() == ["pending", "breached"]
    responded = np.array(["2026-12-18T15:00", "NaT"], dtype="M8[ns]")
    with pytest.raises(sla_clock.ResponseError) as e:
        status_many("urgent", created, now, responded=responded)
    assert e.value.row == 0
    out = status_many("urgent", created, now, responded=responded, errors="coerce")
    assert out["status"].tolist() == [None, "breached"]
    assert np.isnat(out["due"]).tolist() == [True, False]


def test_other_calendars_and_policies():
    created = np.array(["2026-12-23T15:00"], dtype="M8[ns]")
    policy = Policy(high="2 business hours")
    out = due_many("high", created, policy=policy)
    assert pd.Timestamp(out[0], tz="UTC") == sla_clock.due("high", "2026-12-23T15:00", policy=policy)
    ny = Calendar("America/New_York", weekdays="09:00-17:00")
    out = due_many("urgent", np.array(["2026-07-01T09:00"], dtype="M8[ns]"), calendar=ny)
    assert pd.Timestamp(out[0], tz="UTC").isoformat() == "2026-07-01T17:00:00+00:00"
