"""Type stubs of sla_clock: business-hours SLA deadlines, from Rust."""

from datetime import date, datetime, timedelta
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
)

# An instant: an aware datetime (any tzinfo), a naive one (local time in
# the calendar's zone) or an ISO 8601 / RFC 3339 string.
Instant = Union[datetime, str]
# A date: a datetime.date (not a datetime) or "YYYY-MM-DD".
DateLike = Union[date, str]
# A date or an inclusive range: a date, a (first, last) pair or "first/last".
DateRangeLike = Union[DateLike, Tuple[DateLike, DateLike]]
# Business time: a timedelta, or the crate's text ("4h 30m").
Duration = Union[timedelta, str]
# A priority name, English or German, any letter case.
PriorityName = str
StatusName = Literal["met", "pending", "at_risk", "breached"]
# A pause: (start, end), (start, None) while running, or "START/END", "START/..".
PauseLike = Union[Tuple[Instant, Optional[Instant]], str]
RiskLike = Union[int, str]

PRIORITIES: Tuple[str, ...]
STATUSES: Tuple[str, ...]

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

class Calendar:
    """A business calendar: zone, opening hours, holidays, closures."""

    def __init__(
        self,
        zone: str,
        *,
        weekdays: Union[str, Sequence[str], None] = None,
        week: Optional[Mapping[str, Union[str, Sequence[str]]]] = None,
        holidays: Optional[str] = None,
        closures: Optional[Iterable[DateRangeLike]] = None,
        special_hours: Optional[Iterable[Tuple[DateRangeLike, Union[str, Sequence[str]]]]] = None,
        business_day: Optional[Duration] = None,
    ) -> None: ...
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
    def with_closures(self, dates: Union[DateRangeLike, Iterable[DateRangeLike]]) -> Calendar: ...
    def with_special_hours(self, dates: DateRangeLike, windows: Sequence[str]) -> Calendar: ...
    def with_ical_closures(self, text: str) -> Calendar: ...
    @property
    def zone(self) -> str: ...
    @property
    def business_day(self) -> timedelta: ...
    def due(self, created: Instant, target: Duration) -> datetime: ...
    def before(self, instant: Instant, amount: Duration) -> datetime: ...
    def business_time(self, start: Instant, end: Instant) -> timedelta: ...
    def is_open(self, instant: Instant) -> bool: ...
    def next_open(self, instant: Instant) -> datetime: ...
    def next_close(self, instant: Instant) -> datetime: ...
    def previous_open(self, instant: Instant) -> datetime: ...
    def previous_close(self, instant: Instant) -> datetime: ...
    def is_holiday(self, date: DateLike) -> bool: ...
    def is_business_day(self, date: DateLike) -> bool: ...
    def holidays(self, year: int) -> List[Tuple[date, str]]: ...
    def add_business_days(self, date: DateLike, days: int) -> date: ...
    def business_days_in(self, first: DateLike, last: DateLike) -> int: ...
    def parse_datetime(self, text: str) -> datetime: ...
    def __eq__(self, other: object) -> bool: ...

class Policy:
    """A response target per priority."""

    def __init__(
        self,
        *,
        urgent: Optional[str] = None,
        high: Optional[str] = None,
        normal: Optional[str] = None,
        low: Optional[str] = None,
    ) -> None: ...
    @staticmethod
    def from_json(text: str) -> Policy: ...
    def to_json(self) -> str: ...
    def target(self, priority: PriorityName) -> str: ...
    def target_duration(self, priority: PriorityName, calendar: Optional[Calendar] = None) -> timedelta: ...
    def due(self, priority: PriorityName, created: Instant, calendar: Optional[Calendar] = None) -> datetime: ...
    def __eq__(self, other: object) -> bool: ...

class Reading:
    """What a clock answers at one now (the crate's SlaReading)."""

    @property
    def status(self) -> StatusName: ...
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

class SlaClock:
    """One ticket's SLA clock."""

    def __init__(
        self,
        created: Instant,
        target: Union[PriorityName, timedelta],
        *,
        calendar: Optional[Calendar] = None,
        policy: Optional[Policy] = None,
        pauses: Optional[Iterable[PauseLike]] = None,
        risk_threshold: Optional[RiskLike] = None,
    ) -> None: ...
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
    def reading(self, now: Instant, responded: Optional[Instant] = None) -> Reading: ...
    def status(self, now: Instant, responded: Optional[Instant] = None) -> StatusName: ...
    def time_until_due(self, now: Instant) -> timedelta: ...
    def as_of(self, now: Instant) -> SlaClock: ...
    def explain(self) -> str: ...

class LifecyclePolicy:
    """Targets per metric of a ticket's life."""

    def __init__(
        self,
        *,
        first_response: Optional[Policy] = None,
        next_response: Optional[Policy] = None,
        periodic_update: Optional[Policy] = None,
        resolution: Optional[Policy] = None,
    ) -> None: ...
    @staticmethod
    def from_json(text: str) -> LifecyclePolicy: ...
    @property
    def metrics(self) -> List[str]: ...
    def __eq__(self, other: object) -> bool: ...

class _EventObject(Protocol):
    at: Instant
    kind: str

Event = Union[Mapping[str, Any], _EventObject]

class Lifecycle:
    """Replays a ticket's events into its report."""

    def __init__(
        self,
        *,
        calendar: Optional[Calendar] = None,
        policy: Union[LifecyclePolicy, Policy, None] = None,
        risk_threshold: Optional[RiskLike] = None,
    ) -> None: ...
    def replay(self, events: Iterable[Event], now: Instant) -> Dict[str, Any]: ...

def due(
    priority: Union[PriorityName, timedelta],
    created: Instant,
    *,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
) -> datetime: ...
def business_time(start: Instant, end: Instant, *, calendar: Optional[Calendar] = None) -> timedelta: ...
def reading(
    priority: Union[PriorityName, timedelta],
    created: Instant,
    now: Instant,
    *,
    responded: Optional[Instant] = None,
    pauses: Optional[Iterable[PauseLike]] = None,
    risk_threshold: Optional[RiskLike] = None,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
) -> Reading: ...
def status(
    priority: Union[PriorityName, timedelta], created: Instant, now: Instant, **options: Any
) -> StatusName: ...
def explain(
    priority: Union[PriorityName, timedelta],
    created: Instant,
    *,
    now: Optional[Instant] = None,
    pauses: Optional[Iterable[PauseLike]] = None,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
) -> str: ...

# Columns: NumPy arrays, pandas Series / Index, pyarrow arrays, sequences.
# The result is of the kind that went in (NumPy for sequences).
Column = Any

def due_many(
    priority: Union[PriorityName, timedelta, Column],
    created: Column,
    *,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
    naive: Literal["local", "utc"] = "local",
    errors: Literal["raise", "coerce"] = "raise",
    threads: int = 1,
) -> Any: ...
def status_many(
    priority: Union[PriorityName, timedelta, Column],
    created: Column,
    now: Union[Instant, Column],
    *,
    responded: Optional[Column] = None,
    risk_threshold: Optional[RiskLike] = None,
    calendar: Optional[Calendar] = None,
    policy: Optional[Policy] = None,
    naive: Literal["local", "utc"] = "local",
    errors: Literal["raise", "coerce"] = "raise",
    threads: int = 1,
) -> Any: ...
