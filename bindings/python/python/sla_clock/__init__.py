"""Business-hours SLA deadlines on a holiday-aware calendar, from Rust.

Python bindings of the ``sla-clock`` crate: when a support ticket is due,
how much business time is left, whether its SLA is met, at risk or
breached, and why, on a calendar with real time zones, opening hours and
the public holidays of 44 DACH regions (1995 to 2099).

>>> import sla_clock
>>> sla_clock.due("urgent", "2026-12-18T16:00").isoformat()   # Friday 16:00 + 4 business hours
'2026-12-21T12:00:00+01:00'
>>> sla_clock.status("urgent", "2026-12-18T16:00", now="2026-12-21T13:00")
'breached'

Every answer is the crate's: this package converts values, it decides
nothing. Instants go in as timezone-aware ``datetime`` (any tzinfo), as
naive ``datetime`` or ISO strings read in the calendar's zone (a local time
that does not exist or exists twice is a ``DateTimeError``), and come out
as aware ``datetime`` in the calendar's zone. Business time is
``timedelta``. ``due_many`` and ``status_many`` take whole columns (NumPy,
pandas, Arrow, sequences) in one call.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Optional

from . import _native
from ._columns import due_many, status_many
from ._native import (
    Calendar,
    CalendarError,
    DateTimeError,
    DurationError,
    EventError,
    JsonError,
    Lifecycle,
    LifecyclePolicy,
    LimitError,
    OutOfRangeError,
    PauseError,
    Policy,
    PolicyError,
    PriorityError,
    Reading,
    ResponseError,
    SlaClock,
    SlaClockError,
    StatusError,
)

__all__ = [
    "Calendar",
    "Policy",
    "SlaClock",
    "Reading",
    "Lifecycle",
    "LifecyclePolicy",
    "due",
    "business_time",
    "reading",
    "status",
    "explain",
    "due_many",
    "status_many",
    "PRIORITIES",
    "STATUSES",
    "SlaClockError",
    "PriorityError",
    "DateTimeError",
    "OutOfRangeError",
    "CalendarError",
    "PolicyError",
    "LimitError",
    "DurationError",
    "PauseError",
    "ResponseError",
    "StatusError",
    "EventError",
    "JsonError",
]

#: The priorities, most urgent first (German names are read too).
PRIORITIES: tuple = tuple(_native.PRIORITY_NAMES)
#: The status names, as the crate spells them.
STATUSES: tuple = tuple(_native.STATUS_NAMES)


def due(
    priority: Any,
    created: Any,
    *,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
):
    """The due instant of a ticket created at ``created``.

    ``priority`` is a priority name (``"urgent"``, ``"high"``, ``"normal"``,
    ``"low"``, or German) whose target comes from ``policy`` (default:
    Urgent 4 business hours, High 1 business day, Normal 2, Low 5), or a
    ``timedelta`` of business time. ``calendar`` defaults to Munich.

    >>> due("normal", "2026-12-23T15:00").isoformat()   # Christmas skipped
    '2026-12-28T15:00:00+01:00'
    >>> due(timedelta(hours=8), "2026-12-21T10:00").isoformat()   # a full day ends at the close
    '2026-12-21T18:00:00+01:00'
    """
    cal = calendar if calendar is not None else Calendar.munich()
    if isinstance(priority, str):
        return (policy or Policy()).due(priority, created, cal)
    return cal.due(created, priority)


def business_time(start: Any, end: Any, *, calendar: Optional[Calendar] = None) -> timedelta:
    """Business time from ``start`` to ``end`` (negative when ``end`` is earlier).

    >>> business_time("2026-12-23T15:00", "2026-12-28T15:00")
    datetime.timedelta(seconds=57600)
    """
    cal = calendar if calendar is not None else Calendar.munich()
    return cal.business_time(start, end)


def reading(
    priority: Any,
    created: Any,
    now: Any,
    *,
    responded: Any = None,
    pauses: Any = None,
    risk_threshold: Any = None,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
) -> Reading:
    """Everything a ticket's clock answers at ``now``, from the crate's one
    ``SlaClock::reading``: ``status``, ``due``, ``elapsed``, ``remaining``,
    ``at_risk_from``, ``next_change`` (and ``margin`` / ``overdue``).

    ``pauses`` are ``(start, end)`` pairs (``end=None`` while waiting);
    ``responded`` the first response, if any; ``risk_threshold`` a
    percentage.

    >>> r = reading("urgent", "2026-12-18T16:00", "2026-12-21T11:00", risk_threshold=75)
    >>> r.status, r.remaining, r.next_change.isoformat()
    ('at_risk', datetime.timedelta(seconds=3600), '2026-12-21T12:00:00.000001+01:00')
    """
    clock = SlaClock(
        created,
        priority,
        calendar=calendar,
        policy=policy,
        pauses=pauses,
        risk_threshold=risk_threshold,
    )
    return clock.reading(now, responded)


def status(priority: Any, created: Any, now: Any, **options: Any) -> str:
    """The status name at ``now``: ``met``, ``pending``, ``at_risk`` or
    ``breached``; the options are ``reading``'s.

    >>> status("high", "2026-12-23T15:00", now="2026-12-24T15:00")
    'pending'
    """
    return reading(priority, created, now, **options).status


def explain(
    priority: Any,
    created: Any,
    *,
    now: Any = None,
    pauses: Any = None,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
) -> str:
    """How the due instant was reached, day by day (the crate's text). With
    a pause still running, give ``now``: the pause is taken to end there.

    >>> print(explain("high", "2026-12-23T15:00"))
    created  2026-12-23T15:00:00+01:00 (Wednesday)
    target   8h of business time
    2026-12-23 Wed  counted 15:00-18:00 CET: 3h (total 3h)
    2026-12-24 Thu  counted 10:00-15:00 CET: 5h (total 8h)
    due      2026-12-24T15:00:00+01:00
    <BLANKLINE>
    """
    clock = SlaClock(created, priority, calendar=calendar, policy=policy, pauses=pauses)
    if now is not None:
        clock = clock.as_of(now)
    return clock.explain()
