"""Type stubs of sla_clock: business-hours SLA deadlines, from Rust."""

from datetime import datetime, timedelta
from typing import Any, Iterable, Literal, Optional, Tuple, Union

from ._native import (
    SlaClockError as SlaClockError,
    PriorityError as PriorityError,
    DateTimeError as DateTimeError,
    OutOfRangeError as OutOfRangeError,
    CalendarError as CalendarError,
    PolicyError as PolicyError,
    LimitError as LimitError,
    DurationError as DurationError,
    PauseError as PauseError,
    ResponseError as ResponseError,
    JsonError as JsonError,
    StatusError as StatusError,
    EventError as EventError,
    Calendar as Calendar,
    Policy as Policy,
    Reading as Reading,
    SlaClock as SlaClock,
    LifecyclePolicy as LifecyclePolicy,
    Lifecycle as Lifecycle,
)
from ._native import _DateLike, _DateRangeLike, _Duration, _Event, _Instant, _PauseLike, _PriorityName, _RiskLike, _StatusName

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
    "JsonError",
    "StatusError",
    "EventError",
]

PRIORITIES: Tuple[str, ...]
STATUSES: Tuple[str, ...]

def due(
    priority: Union[_PriorityName, timedelta],
    created: _Instant,
    *,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
) -> datetime: ...
def business_time(start: _Instant, end: _Instant, *, calendar: Optional[Calendar] = None) -> timedelta: ...
def reading(
    priority: Union[_PriorityName, timedelta],
    created: _Instant,
    now: _Instant,
    *,
    responded: Optional[_Instant] = None,
    pauses: Optional[Iterable[_PauseLike]] = None,
    risk_threshold: Optional[_RiskLike] = None,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
) -> Reading: ...
def status(
    priority: Union[_PriorityName, timedelta], created: _Instant, now: _Instant, **options: Any
) -> _StatusName: ...
def explain(
    priority: Union[_PriorityName, timedelta],
    created: _Instant,
    *,
    now: Optional[_Instant] = None,
    pauses: Optional[Iterable[_PauseLike]] = None,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
) -> str: ...

# Columns: NumPy arrays, pandas Series / Index, pyarrow arrays, sequences.
# The result is of the kind that went in (NumPy for sequences).
_Column = Any

def due_many(
    priority: Union[_PriorityName, timedelta, _Column],
    created: _Column,
    *,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
    naive: Literal["local", "utc"] = "local",
    errors: Literal["raise", "coerce"] = "raise",
    threads: int = 1,
) -> Any: ...
def status_many(
    priority: Union[_PriorityName, timedelta, _Column],
    created: _Column,
    now: Union[_Instant, _Column],
    *,
    responded: Optional[_Column] = None,
    risk_threshold: Optional[_RiskLike] = None,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
    naive: Literal["local", "utc"] = "local",
    errors: Literal["raise", "coerce"] = "raise",
    threads: int = 1,
) -> Any: ...
