"""The scalar API against the crate's documented answers (docs/SEMANTICS.md,
docs/LIFECYCLE.md, the crate's doc examples)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import sla_clock
from sla_clock import (
    Calendar,
    Lifecycle,
    LifecyclePolicy,
    Policy,
    SlaClock,
    SlaClockError,
)

BERLIN = ZoneInfo("Europe/Berlin")
H = timedelta(hours=1)


def iso(dt: datetime) -> str:
    return dt.isoformat()


# --- due, business time (SEMANTICS 3.1, 3.2) ---------------------------------


@pytest.mark.parametrize(
    "priority, created, expected",
    [
        ("urgent", "2026-12-18T16:00", "2026-12-21T12:00:00+01:00"),
        ("high", "2026-12-23T15:00", "2026-12-24T15:00:00+01:00"),
        ("normal", "2026-12-23T15:00", "2026-12-28T15:00:00+01:00"),
        ("low", "2026-12-23T15:00", "2026-12-31T15:00:00+01:00"),
        ("urgent", "2026-12-18T19:30", "2026-12-21T14:00:00+01:00"),
        ("high", "2026-04-02T17:00", "2026-04-07T17:00:00+02:00"),
        ("Dringend", "2026-12-18T16:00:00+01:00", "2026-12-21T12:00:00+01:00"),
        ("HOCH", "2026-12-23T14:00:00Z", "2026-12-24T15:00:00+01:00"),
    ],
)
def test_due_as_documented(priority, created, expected):
    assert iso(sla_clock.due(priority, created)) == expected


def test_due_returns_aware_datetime_in_the_calendars_zone():
    due = sla_clock.due("urgent", datetime(2026, 12, 18, 15, 0, tzinfo=timezone.utc))
    assert due.tzinfo == BERLIN
    assert iso(due) == "2026-12-21T12:00:00+01:00"


def test_full_day_ends_at_the_close_and_dst_weekend():
    cal = Calendar.munich()
    assert iso(cal.due("2026-12-21T10:00", timedelta(hours=8))) == "2026-12-21T18:00:00+01:00"
    assert iso(cal.due("2026-03-27T17:00", 2 * H)) == "2026-03-30T11:00:00+02:00"
    assert iso(cal.due("2026-12-21T18:00", timedelta(0))) == "2026-12-21T18:00:00+01:00"


def test_target_as_timedelta_or_crate_text():
    assert sla_clock.due(4 * H, "2026-12-18T16:00") == sla_clock.due("urgent", "2026-12-18T16:00")
    assert Calendar.munich().due("2026-12-18T16:00", "4h") == sla_clock.due("urgent", "2026-12-18T16:00")


def test_business_time_signed():
    assert sla_clock.business_time("2026-12-23T15:00", "2026-12-28T15:00") == 16 * H
    assert sla_clock.business_time("2026-12-28T15:00", "2026-12-23T15:00") == -16 * H


def test_counting_back_and_opening_instants():
    cal = Calendar.munich()
    assert iso(cal.before("2026-12-21T11:00", 2 * H)) == "2026-12-18T17:00:00+01:00"
    assert iso(cal.before("2026-12-21T18:00", 8 * H)) == "2026-12-21T10:00:00+01:00"
    assert not cal.is_open("2026-12-21T18:00")
    assert cal.is_open("2026-12-21T10:00")
    assert iso(cal.next_open("2026-12-21T18:00")) == "2026-12-22T10:00:00+01:00"
    assert iso(cal.next_close("2026-12-21T11:00")) == "2026-12-21T18:00:00+01:00"
    assert iso(cal.previous_open("2026-12-21T11:00")) == "2026-12-21T10:00:00+01:00"
    assert iso(cal.previous_close("2026-12-21T11:00")) == "2026-12-18T18:00:00+01:00"


def test_business_days_as_dates():
    cal = Calendar.munich()
    assert cal.add_business_days(date(2026, 12, 23), 2) == date(2026, 12, 28)
    assert cal.add_business_days("2026-03-15", -1) == date(2026, 3, 13)
    assert cal.add_business_days(date(2026, 12, 19), 0) == date(2026, 12, 21)
    assert cal.business_days_in(date(2026, 12, 1), date(2026, 12, 31)) == 22
    assert cal.is_business_day(date(2026, 12, 24))
    assert cal.is_holiday(date(2026, 5, 25))
    with pytest.raises(TypeError):
        cal.is_holiday(datetime(2026, 5, 25))


def test_holidays_of_a_year():
    names = dict(Calendar.munich().holidays(2027))
    assert len(names) == 13
    assert names[date(2027, 3, 26)] == "Karfreitag / Good Friday"


# --- instants in: aware, naive, strings, folds and gaps (SEMANTICS 4) --------


def test_naive_datetime_is_local_time_in_the_calendars_zone():
    naive = sla_clock.due("urgent", datetime(2026, 12, 18, 16, 0))
    text = sla_clock.due("urgent", "2026-12-18T16:00")
    aware = sla_clock.due("urgent", datetime(2026, 12, 18, 16, 0, tzinfo=BERLIN))
    assert naive == text == aware


def test_vienna_calendar_reads_naive_times_in_vienna():
    cal = Calendar("America/New_York", weekdays="09:00-17:00")
    due = cal.due(datetime(2026, 7, 1, 9, 0), 2 * H)
    assert iso(due) == "2026-07-01T11:00:00-04:00"


def test_nonexistent_local_time_is_the_crates_error():
    with pytest.raises(sla_clock.DateTimeError) as e:
        sla_clock.due("urgent", datetime(2026, 3, 29, 2, 30))
    assert e.value.kind == "date_time"
    assert str(e.value) == (
        "local time '2026-03-29T02:30:00' does not exist in Europe/Berlin: the clocks skip it "
        "when daylight saving time starts; give it with an explicit UTC offset"
    )


def test_ambiguous_local_time_is_the_crates_error_and_fold_picks_one():
    with pytest.raises(sla_clock.DateTimeError, match="is ambiguous in Europe/Berlin"):
        Calendar.munich().is_open(datetime(2026, 10, 25, 2, 30))
    # An aware datetime names one instant; fold chooses the second 02:30.
    cal = Calendar.munich()
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)
    second = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)
    assert cal.business_time(first, second) == timedelta(0)
    assert iso(cal.next_open(first)) == "2026-10-26T10:00:00+01:00"
    # A result in the fold comes back with the right fold.
    night = Calendar("Europe/Berlin", week={"sun": ["00:00-24:00"]})
    t = night.due("2026-10-25T00:00", timedelta(hours=2, minutes=30))
    assert t.fold == 0 and t.utcoffset() == timedelta(hours=2)
    t = night.due("2026-10-25T00:00", timedelta(hours=3, minutes=30))
    assert t.fold == 1 and t.utcoffset() == timedelta(hours=1)
    assert (t.hour, t.minute) == (2, 30)


def test_any_tzinfo_and_fixed_offsets():
    from datetime import timezone as tz

    created = datetime(2026, 12, 18, 16, 0, tzinfo=tz(timedelta(hours=1)))
    assert iso(sla_clock.due("urgent", created)) == "2026-12-21T12:00:00+01:00"
    with pytest.raises(TypeError):
        sla_clock.due("urgent", 1766070000)


def test_pandas_timestamp_keeps_nanoseconds():
    pd = pytest.importorskip("pandas")
    cal = Calendar.munich()
    a = pd.Timestamp("2026-12-21T10:00:00.000000001", tz="Europe/Berlin")
    # One nanosecond of business time, rounded toward zero to a timedelta.
    assert cal.business_time("2026-12-21T10:00", a) == timedelta(0)
    # The due instant of 1 µs from 1 ns past the opening is 1.001 µs past
    # it: rounded up to the next microsecond.
    due = cal.due(a, timedelta(microseconds=1))
    assert due == datetime(2026, 12, 21, 10, 0, 0, 2, tzinfo=BERLIN)


def test_out_of_range():
    with pytest.raises(sla_clock.OutOfRangeError) as e:
        sla_clock.due("urgent", "2100-01-01T12:00")
    assert e.value.kind == "out_of_range"
    assert "supported range" in str(e.value)
    with pytest.raises(sla_clock.OutOfRangeError):
        Calendar.munich().holidays(2100)


# --- errors ------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, cls, kind",
    [
        (lambda: sla_clock.due("asap", "2026-12-21T10:00"), sla_clock.PriorityError, "priority"),
        (lambda: sla_clock.due("urgent", "tomorrow"), sla_clock.DateTimeError, "date_time"),
        (lambda: sla_clock.due("urgent", "2100-06-01T12:00"), sla_clock.OutOfRangeError, "out_of_range"),
        (lambda: Calendar("Mars/Olympus"), sla_clock.CalendarError, "calendar"),
        (lambda: Calendar.region("DE-XX"), sla_clock.CalendarError, "calendar"),
        (lambda: Policy(urgent="soon"), sla_clock.PolicyError, "policy"),
        (lambda: SlaClock("2026-12-21T10:00", "urgent", risk_threshold=101), sla_clock.PolicyError, "policy"),
        (lambda: SlaClock("2026-12-21T10:00", "urgent", risk_threshold=1000), sla_clock.PolicyError, "policy"),
        (lambda: sla_clock.due(-H, "2026-12-21T10:00"), sla_clock.PolicyError, "policy"),
        (lambda: Calendar.munich().due("2026-12-21T10:00", "4 hours"), sla_clock.DurationError, "duration"),
        (
            lambda: Calendar.munich().before("2026-12-21T10:00", -H),
            sla_clock.DurationError,
            "duration",
        ),
        (
            lambda: SlaClock("2026-12-21T10:00", "urgent", pauses=[("2026-12-21T12:00", "2026-12-21T11:00")]),
            sla_clock.PauseError,
            "pause",
        ),
        (
            lambda: SlaClock("2026-12-21T10:00", "urgent", pauses=["2026-12-21T11:00"]),
            sla_clock.PauseError,
            "pause",
        ),
        (
            lambda: SlaClock("2026-12-21T10:00", "urgent").reading("2026-12-22T10:00", "2026-12-21T09:00"),
            sla_clock.ResponseError,
            "response",
        ),
        (
            lambda: Lifecycle().replay([{"at": "2026-12-21T10:00", "kind": "opened"}], "2026-12-22T10:00"),
            sla_clock.EventError,
            "event",
        ),
    ],
)
def test_one_exception_class_per_error_kind(call, cls, kind):
    with pytest.raises(cls) as e:
        call()
    assert isinstance(e.value, SlaClockError)
    assert isinstance(e.value, ValueError)
    assert e.value.kind == kind == type(e.value).kind
    assert e.value.row is None


def test_limit_error():
    def window(i):
        start, end = 40 * i, 40 * i + 20
        return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"

    with pytest.raises(sla_clock.LimitError) as e:
        Calendar("Europe/Berlin", week={"mon": [window(i) for i in range(25)]})
    assert e.value.kind == "limit"
    assert "see sla_clock::limits" in str(e.value)


def test_every_kind_has_a_class():
    kinds = {
        cls.kind
        for cls in vars(sla_clock).values()
        if isinstance(cls, type) and issubclass(cls, SlaClockError) and cls is not SlaClockError
    }
    assert kinds == {
        "priority", "date_time", "out_of_range", "calendar", "policy", "limit",
        "duration", "pause", "response", "status", "event", "json",
    }


def test_messages_are_the_crates():
    with pytest.raises(sla_clock.PriorityError) as e:
        sla_clock.due("asap", "2026-12-21T10:00")
    assert str(e.value) == (
        "unknown priority 'asap'; expected one of urgent, high, normal, low "
        "(or in German: dringend, hoch, normal, niedrig)"
    )


# --- calendars ---------------------------------------------------------------


def test_regions():
    regions = Calendar.regions()
    assert len(regions) == 44
    codes = [code for code, _ in regions]
    assert {"AT", "DE-BE", "CH-ZH", "DE-BY-MUC"} <= set(codes)
    for code in codes:
        cal = Calendar.region(code)
        assert cal.is_holiday(date(2027, 1, 1)), code
    berlin = Calendar.region("DE-BE")
    assert berlin.zone == "Europe/Berlin"
    assert berlin.is_holiday("2026-03-08")
    assert not Calendar.munich().is_holiday("2026-03-08")
    assert Calendar.region("AT").zone == "Europe/Vienna"
    assert Calendar.region("CH-ZH").zone == "Europe/Zurich"
    assert Calendar.region("DE-SN").is_holiday("2026-11-18")  # Buß- und Bettag
    assert Calendar.region("DE-BY-MUC", zone="Europe/Berlin") == Calendar.munich()


def test_own_calendar_and_builder_style_changes():
    vienna = Calendar(
        "Europe/Vienna",
        weekdays=["08:00-12:00", "13:00-17:00"],
        week={"sat": "09:00-12:00"},
        holidays="AT",
        closures=[date(2026, 12, 31)],
    )
    assert vienna.business_day == 8 * H
    assert vienna.is_open("2026-12-19T10:00")
    assert not vienna.is_business_day(date(2026, 12, 31))
    desk = Calendar.munich().with_special_hours(date(2026, 12, 24), ["10:00-14:00"]).with_closures(
        [(date(2026, 12, 28), date(2027, 1, 1))]
    )
    created = desk.parse_datetime("2026-12-23T15:00")
    assert iso(desk.due(created, 8 * H)) == "2027-01-04T11:00:00+01:00"
    assert iso(desk.before(desk.due(created, 8 * H), 2 * H)) == "2026-12-24T13:00:00+01:00"
    assert Calendar.munich().with_closures("2026-12-28/2027-01-01") == Calendar.munich().with_closures(
        [("2026-12-28", "2027-01-01")]
    )


def test_business_day_length():
    cal = Calendar("Europe/Berlin", weekdays="10:00-18:00", business_day=timedelta(hours=7))
    assert cal.business_day == 7 * H
    with pytest.raises(sla_clock.CalendarError):
        Calendar("Europe/Berlin", weekdays="10:00-18:00", business_day=timedelta(hours=25))
    with pytest.raises(sla_clock.CalendarError):
        Calendar("Europe/Berlin", weekdays="10:00-18:00", business_day=timedelta(milliseconds=1500))


def test_calendar_json_round_trip(data_dir):
    munich = Calendar.from_json((data_dir / "munich-calendar.json").read_text())
    assert munich == Calendar.munich()
    assert Calendar.from_json(munich.to_json()) == munich
    desk = Calendar.from_json((data_dir / "support-desk-calendar.json").read_text())
    assert iso(Policy().due("high", "2026-12-23T15:00", desk)) == "2026-12-31T11:00:00+01:00"
    region = Calendar.from_json('{"time_zone": "Europe/Berlin", "week": {"monday": ["09:00-17:00"]}, "holidays": "DE-BE"}')
    assert region.is_holiday("2026-03-08")
    with pytest.raises(sla_clock.CalendarError, match="line 1"):
        Calendar.from_json('{"time_zone": "Europe/Berlin", "week": {"monday": ["09:00-25:00"]}, "holidays": []}')
    # Not JSON, or a missing field: the crate's Json kind, with the position.
    with pytest.raises(sla_clock.JsonError, match="line 1 column 2"):
        Calendar.from_json("not json")
    with pytest.raises(sla_clock.JsonError, match="missing field `holidays`"):
        Calendar.from_json('{"time_zone": "Europe/Berlin", "week": {"monday": ["09:00-17:00"]}}')


def test_pickle_round_trip(data_dir):
    import pickle

    desk = Calendar.from_json((data_dir / "support-desk-calendar.json").read_text())
    for value in (Calendar.munich(), Calendar.region("CH-ZH"), desk, Policy(urgent="2 business hours")):
        assert pickle.loads(pickle.dumps(value)) == value


def test_ical_closures(data_dir):
    ics = (data_dir / "company-closures.ics").read_text()
    cal = Calendar.munich().with_ical_closures(ics)
    assert cal != Calendar.munich()
    shutdown = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//example//EN\r\n"
        "BEGIN:VEVENT\r\nUID:shutdown\r\nSUMMARY:Shutdown\r\n"
        "DTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20270102\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    cal = Calendar.munich().with_ical_closures(shutdown)
    assert not cal.is_business_day(date(2026, 12, 30))
    meeting = shutdown.replace("DTSTART;VALUE=DATE:20261228", "DTSTART:20261228T100000Z").replace(
        "DTEND;VALUE=DATE:20270102", "DTEND:20261228T110000Z"
    )
    with pytest.raises(sla_clock.CalendarError) as e:
        Calendar.munich().with_ical_closures(meeting)
    assert str(e.value).startswith("iCalendar event 'Shutdown': starts at a time of day")


# --- policies ----------------------------------------------------------------


def test_policy(data_dir):
    assert Policy.from_json((data_dir / "default-policy.json").read_text()) == Policy()
    assert Policy().target("urgent") == "4 business hours"
    assert Policy().target_duration("low") == 40 * H
    seven = Calendar("Europe/Berlin", weekdays="09:00-16:00")
    assert Policy().target_duration("high", seven) == 7 * H
    p = Policy(urgent="90 business minutes")
    assert iso(p.due("urgent", "2026-12-21T10:00")) == "2026-12-21T11:30:00+01:00"
    assert json.loads(p.to_json())["urgent"] == {"business_minutes": 90}
    with pytest.raises(sla_clock.PolicyError):
        Policy.from_json('{"urgent": {"business_hours": -1}}')


# --- the clock and its reading (SEMANTICS 3.3 - 3.7) --------------------------


def test_reading_as_documented():
    r = sla_clock.reading("urgent", "2026-12-18T16:00", "2026-12-21T11:00", risk_threshold=75)
    assert r.status == "at_risk"
    assert r.remaining == H
    assert r.elapsed == 3 * H
    assert iso(r.due) == "2026-12-21T12:00:00+01:00"
    assert iso(r.at_risk_from) == "2026-12-21T11:00:00+01:00"
    # The crate's next change is 12:00:00.000000001; rounded up to 1 µs.
    assert iso(r.next_change) == "2026-12-21T12:00:00.000001+01:00"
    assert r.text == "at risk: 1h left, due 2026-12-21T12:00:00+01:00[Europe/Berlin]"
    assert r.margin is None and r.overdue is None
    assert r.to_dict()["status"] == "at_risk"


def test_pauses_and_running_pause():
    clock = SlaClock(
        "2026-12-21T10:00",
        "urgent",
        pauses=[("2026-12-21T11:00", "2026-12-21T12:00")],
        risk_threshold=75,
    )
    assert iso(clock.due) == "2026-12-21T15:00:00+01:00"
    r = clock.reading("2026-12-21T14:30")
    assert (r.status, r.remaining) == ("at_risk", timedelta(minutes=30))
    assert r.text == "at risk: 30m left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]"

    waiting = SlaClock(
        "2026-12-23T09:00", "low", pauses=[("2026-12-24T11:00", None)]
    )
    assert waiting.due is None and waiting.at_risk_from is None
    r = waiting.reading("2026-12-28T11:00")
    assert r.remaining == 31 * H
    assert iso(r.due) == "2026-12-31T18:00:00+01:00"
    assert r.next_change is None
    with pytest.raises(sla_clock.PauseError, match="not known while a pause runs"):
        waiting.explain()
    as_of = waiting.as_of("2026-12-28T11:00")
    assert iso(as_of.due) == "2026-12-31T18:00:00+01:00"
    assert "due      2026-12-31T18:00:00+01:00" in as_of.explain()
    assert waiting.pauses[0][1] is None
    text = SlaClock("2026-12-21T10:00", "urgent", pauses=["2026-12-21T12:00/2026-12-21T14:00"])
    assert iso(text.due) == "2026-12-21T16:00:00+01:00"


def test_met_and_breached():
    clock = SlaClock("2026-12-18T16:00", 4 * H)
    met = clock.reading("2026-12-22T09:00", "2026-12-21T12:00")
    assert (met.status, met.margin) == ("met", timedelta(0))
    late = clock.reading("2026-12-22T09:00")
    assert late.status == "breached"
    assert late.overdue == 6 * H
    assert late.remaining == -6 * H
    assert late.text == "breached by 6h, was due 2026-12-21T12:00:00+01:00[Europe/Berlin]"
    # A response after now is not known yet: every value of the reading is
    # the one without a response; one at or before now fixes the time left.
    assert clock.status("2026-12-21T11:00", "2026-12-21T11:30") == "pending"
    later = clock.reading("2026-12-21T11:00", "2026-12-21T11:30")
    assert later.to_dict() == clock.reading("2026-12-21T11:00").to_dict()
    answered = clock.reading("2026-12-22T09:00", "2026-12-21T11:30")
    assert answered.remaining == timedelta(minutes=30)
    assert clock.time_until_due("2026-12-18T18:00") == timedelta(hours=66)


def test_response_one_nanosecond_late_is_breached():
    pd = pytest.importorskip("pandas")
    clock = SlaClock("2026-12-18T16:00", 4 * H)
    due = pd.Timestamp("2026-12-21T12:00", tz="Europe/Berlin")
    assert clock.status(due + pd.Timedelta(1, "ns"), due) == "met"
    assert clock.status(due + pd.Timedelta(1, "ns"), due + pd.Timedelta(1, "ns")) == "breached"
    assert clock.status(due) == "pending"
    assert clock.status(due + pd.Timedelta(1, "ns")) == "breached"


def test_explain_text():
    text = sla_clock.explain("normal", "2026-12-23T15:00")
    assert "skipped: holiday" in text
    assert text.endswith("due      2026-12-28T15:00:00+01:00\n")


# --- the lifecycle (LIFECYCLE.md) --------------------------------------------


def test_lifecycle_replay_dicts_and_objects(data_dir):
    events = [
        {"at": "2026-12-21T10:00", "kind": "created", "priority": "low"},
        {"at": "2026-12-21T15:00", "kind": "priority_changed", "priority": "urgent"},
    ]
    report = Lifecycle().replay(events, now="2026-12-21T15:00")
    assert report["priority"] == "urgent"
    (cycle,) = report["metrics"]["first_response"]
    assert cycle["status"] == "breached"
    assert cycle["target"] == 4 * H
    assert cycle["elapsed"] == 5 * H
    assert cycle["stop"] is None
    assert iso(cycle["start"]) == "2026-12-21T10:00:00+01:00"

    from dataclasses import dataclass

    @dataclass
    class Ev:
        at: datetime
        kind: str
        priority: str | None = None

    objects = [
        Ev(datetime(2026, 12, 21, 10, 0, tzinfo=BERLIN), "created", "low"),
        Ev(datetime(2026, 12, 21, 15, 0, tzinfo=BERLIN), "priority_changed", "urgent"),
    ]
    assert Lifecycle().replay(objects, now="2026-12-21T15:00") == report

    pd = pytest.importorskip("pandas")
    events = events + [{"at": "2026-12-21T14:00", "kind": "agent_reply"}]
    report = Lifecycle().replay(events, now="2026-12-21T15:00")
    assert report["metrics"]["first_response"][0]["status"] == "met"
    frame = pd.DataFrame(events)  # priority NaN in the agent_reply row
    assert Lifecycle().replay((row for _, row in frame.iterrows()), now="2026-12-21T15:00") == report
    assert Lifecycle().replay(frame.itertuples(index=False), now="2026-12-21T15:00") == report
    assert Lifecycle().replay(frame.to_dict("records"), now="2026-12-21T15:00") == report


def test_lifecycle_policy_per_metric_and_tickets_example(data_dir):
    policy = LifecyclePolicy.from_json((data_dir / "lifecycle-policy.json").read_text())
    assert policy.metrics == ["first_response", "next_response", "periodic_update", "resolution"]
    by_ticket: dict[str, list] = {}
    for line in (data_dir / "example-events.jsonl").read_text().splitlines():
        if line.strip():
            event = json.loads(line)
            by_ticket.setdefault(event.pop("ticket"), []).append(event)
    lc = Lifecycle(policy=policy)
    reports = {t: lc.replay(evs, now="2026-12-22T17:00") for t, evs in by_ticket.items()}
    assert set(reports) == {"T-1", "T-2"}
    for report in reports.values():
        assert set(report["metrics"]) == set(policy.metrics)
    # The first response only, with the flat policy: as the CI's smoke test.
    t1 = Lifecycle().replay(by_ticket["T-1"], now="2026-12-22T17:00")
    assert t1["priority"] == "urgent"
    assert t1["metrics"]["first_response"][-1]["status"] == "breached"
    assert LifecyclePolicy() == LifecyclePolicy(first_response=Policy())
    assert Lifecycle(policy=Policy(), risk_threshold=50).replay(by_ticket["T-1"], "2026-12-22T17:00") == t1


def test_lifecycle_errors():
    with pytest.raises(sla_clock.EventError, match="needs a priority"):
        Lifecycle().replay([{"at": "2026-12-21T10:00", "kind": "created"}], "2026-12-22T10:00")
    with pytest.raises(sla_clock.EventError, match="no events"):
        Lifecycle().replay([], "2026-12-22T10:00")
    with pytest.raises(TypeError, match="needs 'kind'"):
        Lifecycle().replay([{"at": "2026-12-21T10:00"}], "2026-12-22T10:00")
