"""Vectorized `due_many` against pandas' CustomBusinessHour and against a
Python loop over the scalar binding, on the same random tickets.

    python bench.py                      # 1,000,000 tickets; pandas and the loop on 100,000 of them
    python bench.py --n 200000 --sample 20000

The tickets: creation instants uniform over 2024-2026 at whole seconds,
priorities uniform over urgent/high/normal/low, the Munich calendar
(Mon-Fri 10:00-18:00 Europe/Berlin). pandas gets the same instants as
local wall times and CustomBusinessHour(n=4/8/16/40, 10:00-18:00) with
python-holidays' Bavaria plus Munich's Assumption Day, one offset per
priority. pandas applies such an offset element by element in Python, so
it is timed on a sample and its rate is per row; every figure printed is
measured, none extrapolated except where the line says "per row".
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
import warnings

import numpy as np
import pandas as pd
from pandas.tseries.offsets import CustomBusinessHour

import holidays
import sla_clock

HOURS = {"urgent": 4, "high": 8, "normal": 16, "low": 40}


def best(fn, repeat):
    """The fastest of `repeat` runs as (wall seconds, CPU seconds of this
    process), and the last result. On a machine shared with other work the
    CPU time is the steadier figure for a single thread; with several
    threads it adds theirs up."""
    walls, cpus = [], []
    result = None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return (min(walls), min(cpus)), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000, help="tickets for due_many (default 1,000,000)")
    ap.add_argument("--sample", type=int, default=100_000, help="tickets for pandas and the Python loop (default 100,000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each fast variant; the best counts (default 3)")
    ap.add_argument("--seed", type=int, default=22)
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    lo = np.datetime64("2024-01-01T00:00:00", "s").view(np.int64)
    hi = np.datetime64("2027-01-01T00:00:00", "s").view(np.int64)
    created_utc = rng.integers(lo, hi, args.n).astype("M8[s]").astype("M8[ns]")
    names = np.array(list(HOURS))
    priority = names[rng.integers(0, 4, args.n)]

    created = pd.Series(created_utc).dt.tz_localize("UTC")
    priority_cat = pd.Series(priority, dtype="category")

    print(f"sla_clock bench, {dt.date.today()}, Python {platform.python_version()}, "
          f"numpy {np.__version__}, pandas {pd.__version__}, holidays {holidays.__version__}")
    print(f"{args.n:,} tickets; pandas and the loop on the first {args.sample:,}\n")

    rows = []

    t_np, due_np = best(lambda: sla_clock.due_many(priority, created_utc, naive="utc"), args.repeat)
    rows.append(("due_many, NumPy datetime64 (UTC) + str priorities", args.n, t_np))
    t_pd, due_pd = best(lambda: sla_clock.due_many(priority_cat, created), args.repeat)
    rows.append(("due_many, pandas Series (tz-aware) + categorical", args.n, t_pd))
    t_th, due_th = best(lambda: sla_clock.due_many(priority, created_utc, naive="utc", threads=0), args.repeat)
    rows.append(("due_many, NumPy, threads=0 (all cores)", args.n, t_th))
    assert (due_np == due_th).all()
    assert (due_pd.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy() == due_np).all()

    k = min(args.sample, args.n)
    years = range(2024, 2030)
    days = sorted(set(holidays.Germany(subdiv="BY", years=years)) | {dt.date(y, 8, 15) for y in years})
    local = created.iloc[:k].dt.tz_convert("Europe/Berlin").dt.tz_localize(None)
    sample_priority = priority[:k]

    def with_pandas():
        out = pd.Series(pd.NaT, index=local.index, dtype="datetime64[ns]")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PerformanceWarning: not vectorized
            for name, hours in HOURS.items():
                mask = sample_priority == name
                offset = CustomBusinessHour(n=hours, start="10:00", end="18:00", holidays=days)
                out[mask] = local[mask] + offset
        return out

    t_pandas, theirs = best(with_pandas, 1)
    rows.append(("pandas CustomBusinessHour + python-holidays", k, t_pandas))

    aware = [t.to_pydatetime() for t in created.iloc[:k]]
    sample_list = sample_priority.tolist()

    def loop():
        return [sla_clock.due(p, c) for p, c in zip(sample_list, aware)]

    t_loop, _ = best(loop, 1)
    rows.append(("Python loop over sla_clock.due (scalar)", k, t_loop))

    ours_local = due_pd.iloc[:k].dt.tz_localize(None)
    agree = int((ours_local == theirs).sum())
    at_close = int((ours_local.dt.time == dt.time(18, 0)).sum())

    print(f"{'variant':52} {'rows':>10} {'wall s':>8} {'CPU s':>8} {'wall ns/row':>12} {'CPU ns/row':>11}")
    for label, n, (wall, cpu) in rows:
        print(f"{label:52} {n:>10,} {wall:>8.3f} {cpu:>8.3f} {wall / n * 1e9:>12,.0f} {cpu / n * 1e9:>11,.0f}")
    print()
    for i in (0, 1):
        kind = ("wall", "CPU")[i]
        per_row = {label: t[i] / n for label, n, t in rows}
        fast = per_row["due_many, NumPy datetime64 (UTC) + str priorities"]
        fast_pd = per_row["due_many, pandas Series (tz-aware) + categorical"]
        pandas_row = per_row["pandas CustomBusinessHour + python-holidays"]
        loop_row = per_row["Python loop over sla_clock.due (scalar)"]
        print(f"per row ({kind} time): pandas CBH / due_many NumPy {pandas_row / fast:,.0f}x, "
              f"pandas CBH / due_many pandas {pandas_row / fast_pd:,.0f}x, "
              f"Python loop / due_many NumPy {loop_row / fast:,.0f}x")
    print(f"\nanswers on the sample: {agree:,} of {k:,} equal to pandas'; "
          f"{at_close:,} are due exactly at 18:00, where pandas says the next opening "
          f"(the only difference expected)")
    return 0 if agree + at_close == k else 1


if __name__ == "__main__":
    sys.exit(main())
