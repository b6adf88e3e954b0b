"""Type stubs of the extension module sla_clock._native (PyO3)."""

from datetime import date, datetime, timedelta
import numpy as np
import numpy.typing as npt

from typing import (
    Any,
    ClassVar,
    Dict,
    Iterable,
    List,
    Literal,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Tuple,
    Union,
    final,
)

from typing_extensions import Self

__all__ = [
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
    "Calendar",
    "Policy",
    "SlaClock",
    "Reading",
    "Lifecycle",
    "LifecyclePolicy",
    "_due_many",
    "_status_many",
    "_priority_codes",
    "_priority_codes_ucs4",
    "_instants",
    "STATUS_NAMES",
    "PRIORITY_NAMES",
]

# An instant: an aware datetime (any tzinfo), a naive one (local time in
# the calendar's zone) or an ISO 8601 / RFC 3339 string.
_Instant = Union[datetime, str]
# A date: a datetime.date (not a datetime) or "YYYY-MM-DD".
_DateLike = Union[date, str]
# A date or an inclusive range: a date, a (first, last) pair or "first/last".
_DateRangeLike = Union[_DateLike, Tuple[_DateLike, _DateLike]]
# Business time: a timedelta, or the crate's text ("4h 30m").
_Duration = Union[timedelta, str]
# A priority name, English or German, any letter case.
_PriorityName = str
_StatusName = Literal["met", "pending", "at_risk", "breached"]
# A pause: (start, end), (start, None) while running, or "START/END", "START/..".
_PauseLike = Union[Tuple[_Instant, Optional[_Instant]], str]
_RiskLike = Union[int, str]

PRIORITY_NAMES: List[str]
STATUS_NAMES: List[str]

class SlaClockError(ValueError):
    """Base class of every error the crate reports."""

    kind: ClassVar[Optional[str]]
    row: Optional[int]

class PriorityError(SlaClockError): ...
class DateTimeError(SlaClockError): ...
class OutOfRangeError(SlaClockError): ...
class CalendarError(SlaClockError): ...
class PolicyError(SlaClockError): ...
class LimitError(SlaClockError): ...
class DurationError(SlaClockError): ...
class PauseError(SlaClockError): ...
class ResponseError(SlaClockError): ...
class StatusError(SlaClockError): ...
class EventError(SlaClockError): ...
class JsonError(SlaClockError): ...

@final
class Calendar:
    """A business calendar: zone, opening hours, holidays, closures."""

    def __new__(
        cls,
        zone: str,
        *,
        weekdays: Union[str, Sequence[str], None] = None,
        week: Optional[Mapping[str, Union[str, Sequence[str]]]] = None,
        holidays: Optional[str] = None,
        closures: Optional[Iterable[_DateRangeLike]] = None,
        special_hours: Optional[Iterable[Tuple[_DateRangeLike, Union[str, Sequence[str]]]]] = None,
        business_day: Optional[_Duration] = None,
    ) -> Self: ...
    @staticmethod
    def munich() -> Calendar: ...
    @staticmethod
    def region(
        code: str, *, zone: Optional[str] = None, weekdays: Union[str, Sequence[str], None] = None
    ) -> Calendar: ...
    @staticmethod
    def regions() -> List[Tuple[str, str]]: ...
    @staticmethod
    def from_json(text: str) -> Calendar: ...
    def to_json(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...
    def with_closures(self, dates: Union[_DateRangeLike, Iterable[_DateRangeLike]]) -> Calendar: ...
    def with_special_hours(self, dates: _DateRangeLike, windows: Sequence[str]) -> Calendar: ...
    def with_ical_closures(self, text: str) -> Calendar: ...
    @property
    def zone(self) -> str: ...
    @property
    def business_day(self) -> timedelta: ...
    def due(self, created: _Instant, target: _Duration) -> datetime: ...
    def before(self, instant: _Instant, amount: _Duration) -> datetime: ...
    def business_time(self, start: _Instant, end: _Instant) -> timedelta: ...
    def is_open(self, instant: _Instant) -> bool: ...
    def next_open(self, instant: _Instant) -> datetime: ...
    def next_close(self, instant: _Instant) -> datetime: ...
    def previous_open(self, instant: _Instant) -> datetime: ...
    def previous_close(self, instant: _Instant) -> datetime: ...
    def is_holiday(self, date: _DateLike) -> bool: ...
    def is_business_day(self, date: _DateLike) -> bool: ...
    def holidays(self, year: int) -> List[Tuple[date, str]]: ...
    def add_business_days(self, date: _DateLike, days: int) -> date: ...
    def business_days_in(self, first: _DateLike, last: _DateLike) -> int: ...
    def parse_datetime(self, text: str) -> datetime: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Policy:
    """A response target per priority."""

    def __new__(
        cls,
        *,
        urgent: Optional[str] = None,
        high: Optional[str] = None,
        normal: Optional[str] = None,
        low: Optional[str] = None,
    ) -> Self: ...
    @staticmethod
    def from_json(text: str) -> Policy: ...
    def to_json(self) -> str: ...
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...
    def target(self, priority: _PriorityName) -> str: ...
    def target_duration(self, priority: _PriorityName, calendar: Optional[Calendar] = None) -> timedelta: ...
    def due(self, priority: _PriorityName, created: _Instant, calendar: Optional[Calendar] = None) -> datetime: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Reading:
    """What a clock answers at one now (the crate's SlaReading)."""

    @property
    def status(self) -> _StatusName: ...
    @property
    def text(self) -> str: ...
    @property
    def due(self) -> datetime: ...
    @property
    def elapsed(self) -> timedelta: ...
    @property
    def remaining(self) -> timedelta: ...
    @property
    def at_risk_from(self) -> Optional[datetime]: ...
    @property
    def next_change(self) -> Optional[datetime]: ...
    @property
    def margin(self) -> Optional[timedelta]: ...
    @property
    def overdue(self) -> Optional[timedelta]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class SlaClock:
    """One ticket's SLA clock."""

    def __new__(
        cls,
        created: _Instant,
        target: Union[_PriorityName, timedelta],
        *,
        calendar: Optional[Calendar] = None,
        policy: Optional[Policy] = None,
        pauses: Optional[Iterable[_PauseLike]] = None,
        risk_threshold: Optional[_RiskLike] = None,
    ) -> Self: ...
    @property
    def created(self) -> datetime: ...
    @property
    def target(self) -> timedelta: ...
    @property
    def due(self) -> Optional[datetime]: ...
    @property
    def at_risk_from(self) -> Optional[datetime]: ...
    @property
    def risk_threshold(self) -> Optional[int]: ...
    @property
    def pauses(self) -> List[Tuple[datetime, Optional[datetime]]]: ...
    def reading(self, now: _Instant, responded: Optional[_Instant] = None) -> Reading: ...
    def status(self, now: _Instant, responded: Optional[_Instant] = None) -> _StatusName: ...
    def time_until_due(self, now: _Instant) -> timedelta: ...
    def as_of(self, now: _Instant) -> SlaClock: ...
    def explain(self) -> str: ...

@final
class LifecyclePolicy:
    """Targets per metric of a ticket's life."""

    def __new__(
        cls,
        *,
        first_response: Optional[Policy] = None,
        next_response: Optional[Policy] = None,
        periodic_update: Optional[Policy] = None,
        resolution: Optional[Policy] = None,
    ) -> Self: ...
    @staticmethod
    def from_json(text: str) -> LifecyclePolicy: ...
    @property
    def metrics(self) -> List[str]: ...
    def __eq__(self, value: object, /) -> bool: ...

class _EventObject(Protocol):
    at: _Instant
    kind: str

_Event = Union[Mapping[str, Any], _EventObject]

@final
class Lifecycle:
    """Replays a ticket's events into its report."""

    def __new__(
        cls,
        *,
        calendar: Optional[Calendar] = None,
        policy: Union[LifecyclePolicy, Policy, None] = None,
        risk_threshold: Optional[_RiskLike] = None,
    ) -> Self: ...
    def replay(self, events: Iterable[_Event], now: _Instant) -> Dict[str, Any]: ...


# The column functions' back end (sla_clock.due_many, status_many).
def _due_many(
    calendar: Optional[Calendar],
    policy: Optional[Policy],
    created: npt.NDArray[np.int64],
    created_local: bool,
    codes: Optional[npt.NDArray[np.uint8]] = None,
    targets: Optional[npt.NDArray[np.int64]] = None,
    coerce: bool = False,
    threads: int = 1,
) -> npt.NDArray[np.int64]: ...
def _status_many(
    calendar: Optional[Calendar],
    policy: Optional[Policy],
    created: npt.NDArray[np.int64],
    created_local: bool,
    now: npt.NDArray[np.int64],
    now_local: bool,
    codes: Optional[npt.NDArray[np.uint8]] = None,
    targets: Optional[npt.NDArray[np.int64]] = None,
    responded: Optional[npt.NDArray[np.int64]] = None,
    responded_local: bool = False,
    risk: Optional[_RiskLike] = None,
    coerce: bool = False,
    threads: int = 1,
) -> Dict[str, npt.NDArray[Any]]: ...
def _priority_codes(values: Iterable[Any], coerce: bool = False) -> npt.NDArray[np.uint8]: ...
def _priority_codes_ucs4(points: npt.NDArray[np.uint32], width: int, coerce: bool = False) -> npt.NDArray[np.uint8]: ...
def _instants(calendar: Optional[Calendar], values: Iterable[Any], coerce: bool = False) -> npt.NDArray[np.int64]: ...
