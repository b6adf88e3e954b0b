"""Whole columns at once: ``due_many`` and ``status_many``.

The columns become int64 nanosecond arrays here (NumPy's ``datetime64[ns]``
with NaT), the rows are computed in Rust with the GIL released, one crate
call per row exactly as the scalar API, and the results come back in the
kind of column that went in: a pandas Series (aware, in the calendar's
zone, same index) for pandas, an Arrow array (``timestamp[ns, tz=zone]``)
for Arrow, and NumPy arrays otherwise.

NumPy has no time zones, so a NumPy result holds **UTC** instants
(``datetime64[ns]``, NaT where a row has no answer); read such an array
back with ``naive="utc"``. Naive input (NumPy ``datetime64``, naive pandas
or Arrow timestamps) is read by default as local wall time in the
calendar's zone, like a naive ``datetime``: a time that does not exist or
exists twice there is a ``DateTimeError``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Optional

import numpy as np

from . import _native

NAT = np.iinfo(np.int64).min
_MISSING = 254
_INVALID = 255
_STATUSES = tuple(_native.STATUS_NAMES)


def _module_of(obj: Any) -> str:
    return type(obj).__module__.split(".")[0]


class _Column:
    """A column of instants as int64 nanoseconds, and how to give results back."""

    def __init__(self, ns, local, kind, index=None, name=None, scalar=False):
        self.ns = np.ascontiguousarray(ns, dtype=np.int64)
        self.local = local
        self.kind = kind
        self.index = index
        self.name = name
        self.scalar = scalar

    def instants(self, ns: np.ndarray, zone: str):
        if self.kind == "pandas":
            import pandas as pd

            s = pd.Series(ns.view("M8[ns]"), index=self.index, name=self.name, copy=False)
            return s.dt.tz_localize("UTC").dt.tz_convert(zone)
        if self.kind == "arrow":
            import pyarrow as pa

            return pa.array(ns, type=pa.int64(), mask=ns == NAT).cast(pa.timestamp("ns", tz=zone))
        return ns.view("M8[ns]")

    def durations(self, ns: np.ndarray):
        if self.kind == "pandas":
            import pandas as pd

            return pd.Series(ns.view("m8[ns]"), index=self.index, name=self.name, copy=False)
        if self.kind == "arrow":
            import pyarrow as pa

            return pa.array(ns, type=pa.int64(), mask=ns == NAT).cast(pa.duration("ns"))
        return ns.view("m8[ns]")

    def statuses(self, codes: np.ndarray):
        signed = np.where(codes == _INVALID, -1, codes).astype(np.int8)
        if self.kind == "pandas":
            import pandas as pd

            cat = pd.Categorical.from_codes(signed, categories=list(_STATUSES))
            return pd.Series(cat, index=self.index, name=self.name)
        if self.kind == "arrow":
            import pyarrow as pa

            indices = pa.array(signed, type=pa.int8(), mask=signed < 0)
            return pa.DictionaryArray.from_arrays(indices, pa.array(list(_STATUSES)))
        names = np.array(list(_STATUSES) + [None], dtype=object)
        return names[np.where(signed < 0, len(_STATUSES), signed)]


def _instants(values: Any, calendar, naive: str, coerce: bool, what: str) -> _Column:
    if naive not in ("local", "utc"):
        raise ValueError(f"naive must be 'local' or 'utc', not {naive!r}")
    local = naive == "local"
    module = _module_of(values)
    if module == "pandas":
        import pandas as pd

        if isinstance(values, (pd.Series, pd.Index)):
            index = values.index if isinstance(values, pd.Series) else None
            name = values.name
            dtype = values.dtype
            if isinstance(dtype, pd.DatetimeTZDtype) or (
                isinstance(dtype, np.dtype) and dtype.kind == "M"
            ):
                arr = values.array
                as_unit = getattr(arr, "as_unit", None)
                if as_unit is not None:
                    arr = as_unit("ns")
                aware = isinstance(dtype, pd.DatetimeTZDtype)
                return _Column(arr.asi8, local and not aware, "pandas", index, name)
            ns = _native._instants(calendar, values.tolist(), coerce)
            return _Column(ns, False, "pandas", index, name)
    if module == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        if isinstance(values, (pa.Array, pa.ChunkedArray)):
            t = values.type
            if pa.types.is_timestamp(t):
                ints = values.cast(pa.timestamp("ns", tz=t.tz)).cast(pa.int64())
                ints = pc.fill_null(ints, NAT)
                return _Column(np.asarray(ints.to_numpy()), local and t.tz is None, "arrow")
            ns = _native._instants(calendar, values.to_pylist(), coerce)
            return _Column(ns, False, "arrow")
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise ValueError(f"{what} must be one-dimensional, not of shape {values.shape}")
        if values.dtype.kind == "M":
            return _Column(values.astype("M8[ns]").view(np.int64), local, "numpy")
        return _Column(_native._instants(calendar, values.tolist(), coerce), False, "numpy")
    if isinstance(values, np.datetime64):
        ns = np.array([values.astype("M8[ns]").view(np.int64)])
        return _Column(ns, local, "numpy", scalar=True)
    if isinstance(values, (str, bytes)) or hasattr(values, "utcoffset"):
        ns = _native._instants(calendar, [values], coerce)
        return _Column(ns, False, "numpy", scalar=True)
    return _Column(_native._instants(calendar, list(values), coerce), False, "numpy")


def _timedelta_ns(value: Any) -> int:
    to64 = getattr(value, "to_timedelta64", None)
    td64 = to64() if to64 is not None else np.timedelta64(value)
    return int(td64.astype("m8[ns]").view(np.int64))


def _targets(priority: Any, coerce: bool):
    """(codes, targets): priority codes (uint8) or target nanoseconds (int64)."""
    if isinstance(priority, str):
        return _native._priority_codes([priority], coerce), None
    if isinstance(priority, (timedelta, np.timedelta64)):
        return None, np.array([_timedelta_ns(priority)], dtype=np.int64)
    module = _module_of(priority)
    if module == "pandas":
        import pandas as pd

        if isinstance(priority, (pd.Series, pd.Index)):
            dtype = priority.dtype
            if isinstance(dtype, np.dtype) and dtype.kind == "m":
                return None, priority.to_numpy().astype("m8[ns]").view(np.int64)
            if isinstance(dtype, pd.CategoricalDtype):
                codes = np.asarray(priority.cat.codes if isinstance(priority, pd.Series) else priority.codes)
                categories = list(priority.cat.categories if isinstance(priority, pd.Series) else priority.categories)
            else:
                codes, uniques = pd.factorize(priority)
                categories = list(uniques)
            return _from_categories(codes, categories, coerce), None
    if module == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        if isinstance(priority, (pa.Array, pa.ChunkedArray)):
            t = priority.type
            if pa.types.is_duration(t):
                ints = pc.fill_null(priority.cast(pa.duration("ns")).cast(pa.int64()), NAT)
                return None, np.asarray(ints.to_numpy())
            if isinstance(priority, pa.ChunkedArray):
                priority = priority.combine_chunks()
            if not pa.types.is_dictionary(priority.type):
                priority = pc.dictionary_encode(priority)
            codes = pc.fill_null(priority.indices.cast(pa.int64()), -1).to_numpy()
            return _from_categories(np.asarray(codes), priority.dictionary.to_pylist(), coerce), None
    if isinstance(priority, np.ndarray):
        if priority.dtype.kind == "m":
            return None, priority.astype("m8[ns]").view(np.int64)
        if priority.dtype.kind == "S":
            priority = priority.astype("U")
        if priority.dtype.kind == "U":
            width = priority.dtype.itemsize // 4
            if width == 0 or len(priority) == 0:
                return _native._priority_codes(priority.tolist(), coerce), None
            points = np.ascontiguousarray(priority).view(np.uint32)
            return _native._priority_codes_ucs4(points, width, coerce), None
        priority = priority.tolist()
    items = list(priority)
    first = next((x for x in items if x is not None), None)
    if isinstance(first, (timedelta, np.timedelta64)):
        ns = [NAT if x is None else _timedelta_ns(x) for x in items]
        return None, np.array(ns, dtype=np.int64)
    return _native._priority_codes(items, coerce), None


def _from_categories(codes: np.ndarray, categories: list, coerce: bool) -> np.ndarray:
    codes = np.asarray(codes, dtype=np.int64)
    try:
        per_category = _native._priority_codes(categories, coerce)
    except _native.SlaClockError as e:
        # Name the first row with that category, as a per-row error would.
        rows = np.flatnonzero(codes == e.row)
        e.row = int(rows[0]) if len(rows) else None
        raise
    table = np.append(per_category, np.uint8(_MISSING))
    return table[np.where(codes < 0, len(per_category), codes)]


def _errors(errors: str) -> bool:
    if errors not in ("raise", "coerce"):
        raise ValueError(f"errors must be 'raise' or 'coerce', not {errors!r}")
    return errors == "coerce"


def due_many(
    priority: Any,
    created: Any,
    *,
    calendar: Optional[_native.Calendar] = None,
    policy: Optional[_native.Policy] = None,
    naive: str = "local",
    errors: str = "raise",
    threads: int = 1,
):
    """Due instants for a whole column of tickets, in one call.

    ``created`` is a column of instants: a NumPy ``datetime64`` array, a
    pandas Series or DatetimeIndex, a pyarrow timestamp array, or any
    sequence of ``datetime`` / ISO strings. ``priority`` is one priority
    name for all rows, a column of names (strings, pandas categorical,
    Arrow dictionary), or business-time targets (``timedelta``,
    ``timedelta64`` column). None / NaT / NaN rows give NaT.

    The result is of the kind that went in: a pandas Series in the
    calendar's zone with the same index; an Arrow ``timestamp[ns, tz]``
    array; otherwise a NumPy ``datetime64[ns]`` array of **UTC** instants.

    - ``naive``: how naive timestamps are read: ``"local"`` (default) in the
      calendar's zone, as a naive ``datetime`` is; ``"utc"`` as UTC.
    - ``errors``: ``"raise"`` (default) raises the first failing row's
      error (the crate's, with ``.row``); ``"coerce"`` gives NaT there.
    - ``threads``: worker threads for the loop (0: one per core).

    >>> import numpy as np
    >>> created = np.array(["2026-12-18T16:00", "2026-12-23T15:00"], dtype="datetime64[ns]")
    >>> due_many("urgent", created)   # UTC: 12:00 and 11:00 in Munich
    array(['2026-12-21T11:00:00.000000000', '2026-12-24T10:00:00.000000000'],
          dtype='datetime64[ns]')
    """
    coerce = _errors(errors)
    cal = calendar if calendar is not None else _native.Calendar.munich()
    col = _instants(created, cal, naive, coerce, "created")
    codes, targets = _targets(priority, coerce)
    ns = _native._due_many(cal, policy, col.ns, col.local, codes, targets, coerce, threads)
    return col.instants(ns, cal.zone)


def status_many(
    priority: Any,
    created: Any,
    now: Any,
    *,
    responded: Any = None,
    risk_threshold: Any = None,
    calendar: Optional[_native.Calendar] = None,
    policy: Optional[_native.Policy] = None,
    naive: str = "local",
    errors: str = "raise",
    threads: int = 1,
):
    """Readings for a whole column of tickets: for every row the crate's
    ``SlaClock::reading`` at ``now``.

    ``priority`` and ``created`` as in ``due_many``; ``now`` one instant
    for all rows or a column; ``responded`` an optional column of first
    responses (NaT / None: none yet); ``risk_threshold`` a percentage.

    Returns the columns ``status`` (``met``, ``pending``, ``at_risk``,
    ``breached``; missing where a row has no answer), ``due``, ``elapsed``,
    ``remaining``, ``at_risk_from`` and ``next_change``: a pandas DataFrame
    (same index) for pandas input, a ``pyarrow.Table`` for Arrow input,
    otherwise a dict of NumPy arrays (instants in UTC, business time as
    ``timedelta64[ns]``, status an object array of names). Nanoseconds are
    exact here: ``next_change`` is one nanosecond after ``due``.

    >>> out = status_many(["urgent", "low"], ["2026-12-18T16:00", "2026-12-18T16:00"],
    ...                   now="2026-12-21T13:00")
    >>> list(out["status"]), (out["remaining"] / np.timedelta64(1, "h")).tolist()
    (['breached', 'pending'], [-1.0, 35.0])
    """
    coerce = _errors(errors)
    cal = calendar if calendar is not None else _native.Calendar.munich()
    col = _instants(created, cal, naive, coerce, "created")
    now_col = _instants(now, cal, naive, coerce, "now")
    resp = None
    resp_local = False
    if responded is not None:
        r = _instants(responded, cal, naive, coerce, "responded")
        resp, resp_local = r.ns, r.local
    codes, targets = _targets(priority, coerce)
    out = _native._status_many(
        cal,
        policy,
        col.ns,
        col.local,
        now_col.ns,
        now_col.local,
        codes,
        targets,
        resp,
        resp_local,
        risk_threshold,
        coerce,
        threads,
    )
    zone = cal.zone
    columns = {
        "status": col.statuses(out["status"]),
        "due": col.instants(out["due"], zone),
        "elapsed": col.durations(out["elapsed"]),
        "remaining": col.durations(out["remaining"]),
        "at_risk_from": col.instants(out["at_risk_from"], zone),
        "next_change": col.instants(out["next_change"], zone),
    }
    if col.kind == "pandas":
        import pandas as pd

        return pd.DataFrame(columns, index=col.index)
    if col.kind == "arrow":
        import pyarrow as pa

        return pa.table(columns)
    return columns
