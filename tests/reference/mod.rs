//! A deliberately simple reference implementation of the business-time
//! arithmetic, for the property tests in `tests/integration/properties.rs`
//! (and `lifecycle_properties.rs` beside it) and the benchmarks in
//! `benches/sla.rs`.
//!
//! Why it exists: the crate answers every query from a precomputed table of
//! opening windows (`src/timeline.rs`) with prefix sums, binary searches and
//! its own table of UTC-offset changes (`src/transitions.rs`). That is fast,
//! but a mistake there (an off-by-one in a search, a missed DST change, a
//! window merged wrongly) would be silent. This module computes the same
//! answers the slow, obvious way, straight from the contract in
//! `docs/SEMANTICS.md`, so the property tests can compare the two:
//!
//! - walk the calendar one local date at a time;
//! - ask the calendar only its public facts: `zone()`,
//!   `schedule().windows(weekday)`, `special_hours()`, `closures()` and
//!   `is_holiday(date)`, and apply the order of precedence of the
//!   contract by hand: special hours for a date win over everything, then
//!   a holiday or a closure closes the date, else the weekday's windows;
//! - turn each local window `[start, end)` into UTC with chrono-tz's own
//!   `from_local_datetime`, by the documented boundary rule: a single
//!   instant is used as is; in an autumn fold the earlier instant; in a
//!   spring gap the first instant after the gap (found by stepping forward
//!   minute by minute to a valid local time); `24:00` is the next day's
//!   `00:00`; a window that this leaves empty (end <= start) is dropped;
//! - add up lengths with plain `DateTime` subtraction.
//!
//! Nothing here shares code with `src/`, and nothing here tries to be fast:
//! every query costs time proportional to the number of days it spans, so
//! the tests bound the spans they hand to it. When the fast path and this
//! module disagree, read this module first: it should be obviously right.
//! Some helpers are only used by some tests.
#![allow(dead_code)]

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use sla_clock::Calendar;

/// First and last local date of the supported range (`docs/SEMANTICS.md`
/// section 1).
pub fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1995, 1, 1).unwrap()
}

pub fn last_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2099, 12, 31).unwrap()
}

/// A local date-time to UTC by the boundary rule above.
pub fn local_to_utc(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => first_instant_after_gap(zone, local),
    }
}

/// `local` lies in a gap: the instant the clocks jumped over it, i.e. the
/// instant of the first valid local time after `local`.
fn first_instant_after_gap(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let valid = |l: NaiveDateTime| !matches!(zone.from_local_datetime(&l), LocalResult::None);
    // Step forward to the first valid whole minute (a gap is at most a day:
    // Pacific/Apia skipped 30 December 2011).
    let minute = TimeDelta::minutes(1);
    let mut probe = local
        .with_second(0)
        .and_then(|l| l.with_nanosecond(0))
        .expect("second 0 exists");
    let mut steps = 0;
    loop {
        probe += minute;
        steps += 1;
        assert!(
            steps <= 3 * 24 * 60,
            "no valid local time within 3 days after {local} in {zone}"
        );
        if valid(probe) {
            break;
        }
    }
    // In case a gap ends between whole minutes, walk back second by second
    // to the first valid local second after `local`.
    loop {
        let previous = probe - TimeDelta::seconds(1);
        if previous > local && valid(previous) {
            probe = previous;
        } else {
            break;
        }
    }
    match zone.from_local_datetime(&probe) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        LocalResult::None => unreachable!("checked valid above"),
    }
}

/// Start of the supported range: local 1995-01-01 00:00.
pub fn range_start(zone: Tz) -> DateTime<Utc> {
    local_to_utc(zone, first_date().and_hms_opt(0, 0, 0).unwrap())
}

/// End of the supported range (exclusive): local 2100-01-01 00:00.
pub fn range_end(zone: Tz) -> DateTime<Utc> {
    local_to_utc(
        zone,
        last_date()
            .succ_opt()
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap(),
    )
}

/// The local date of an instant in the calendar's zone.
pub fn local_date(zone: Tz, t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&zone).date_naive()
}

/// The opening windows of one local date as UTC instants, in order.
/// Dates outside the supported range have none.
pub fn day_windows(cal: &Calendar, date: NaiveDate) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    if date < first_date() || date > last_date() {
        return Vec::new();
    }
    let zone = cal.zone();
    let midnight = date.and_hms_opt(0, 0, 0).unwrap();
    let mut out = Vec::new();
    for w in &local_windows(cal, date) {
        // Naive arithmetic: 24:00 becomes the next day's 00:00.
        let start = midnight + TimeDelta::seconds(i64::from(w.start.seconds_from_midnight()));
        let end = midnight + TimeDelta::seconds(i64::from(w.end.seconds_from_midnight()));
        let (s, e) = (local_to_utc(zone, start), local_to_utc(zone, end));
        if e > s {
            out.push((s, e));
        }
    }
    out
}

/// The local opening windows of `date`, by the order of precedence: the
/// special hours that hold the date (open or closed, whatever else holds);
/// else none on a holiday or a closure; else the weekday's.
pub fn local_windows(cal: &Calendar, date: NaiveDate) -> Vec<sla_clock::DailyWindow> {
    let holds = |first: NaiveDate, last: NaiveDate| first <= date && date <= last;
    if let Some(special) = cal
        .special_hours()
        .iter()
        .find(|s| holds(s.dates.first, s.dates.last))
    {
        return special.windows.clone();
    }
    // Holidays and closures by their own queries, not `is_business_day`,
    // whose answer for days a clock change empties is checked against
    // this reference.
    let holiday = cal.is_holiday(date).expect("date is in range");
    if holiday || cal.closures().iter().any(|r| holds(r.first, r.last)) {
        return Vec::new();
    }
    cal.schedule().windows(date.weekday()).to_vec()
}

/// Every window of the local dates `from..=to`, in order. Checks the one
/// assumption the callers rely on: the windows come out sorted and
/// disjoint (they may touch). It holds because the boundary rule maps local
/// time to UTC monotonically; if chrono-tz ever broke that, this panics
/// instead of giving a quietly wrong reference answer.
pub fn windows_of_dates(
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    let mut date = from;
    while date <= to {
        for w in day_windows(cal, date) {
            if let Some(&(_, prev_end)) = out.last() {
                assert!(
                    w.0 >= prev_end,
                    "reference windows out of order: {:?} after end {prev_end}",
                    w
                );
            }
            out.push(w);
        }
        date = date.succ_opt().unwrap();
    }
    out
}

/// The open parts of `[a, b)`, sorted, with touching windows joined.
pub fn ref_open_windows(
    cal: &Calendar,
    a: DateTime<Utc>,
    b: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let zone = cal.zone();
    // A window of date d lies within local [d 00:00, d+1 00:00], which a
    // gap can push onto the next date: look one date either side.
    let from = local_date(zone, a).pred_opt().unwrap();
    let to = local_date(zone, b).succ_opt().unwrap();
    let mut out: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for (s, e) in windows_of_dates(cal, from, to) {
        let (s, e) = (s.max(a), e.min(b));
        if e <= s {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.1 == s => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    out
}

fn nanos(d: TimeDelta) -> i128 {
    i128::from(d.num_nanoseconds().expect("span fits i64 nanoseconds"))
}

/// Business time in `[a, b)`, in nanoseconds; negative when `b < a`.
pub fn ref_business_time(cal: &Calendar, a: DateTime<Utc>, b: DateTime<Utc>) -> i128 {
    if b < a {
        return -ref_business_time(cal, b, a);
    }
    ref_open_windows(cal, a, b)
        .iter()
        .map(|&(s, e)| nanos(e - s))
        .sum()
}

/// Whether `t` lies in an opening window.
pub fn ref_is_open(cal: &Calendar, t: DateTime<Utc>) -> bool {
    let date = local_date(cal.zone(), t);
    windows_of_dates(cal, date.pred_opt().unwrap(), date.succ_opt().unwrap())
        .iter()
        .any(|&(s, e)| s <= t && t < e)
}

/// `t` itself when open, else the next window's start (None past the range).
pub fn ref_next_open(cal: &Calendar, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if ref_is_open(cal, t) {
        return Some(t);
    }
    let mut date = local_date(cal.zone(), t).pred_opt().unwrap();
    while date <= last_date() {
        for (s, _) in day_windows(cal, date) {
            if s >= t {
                return Some(s);
            }
        }
        date = date.succ_opt().unwrap();
    }
    None
}

/// `[from, to)` pairs sorted and merged (overlapping or touching).
pub fn merge(spans: &[(DateTime<Utc>, DateTime<Utc>)]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut sorted: Vec<_> = spans.to_vec();
    sorted.sort();
    let mut out: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for (p, q) in sorted {
        match out.last_mut() {
            Some(last) if p <= last.1 => last.1 = last.1.max(q),
            _ => out.push((p, q)),
        }
    }
    out
}

/// `[s, e)` minus the (merged, sorted) pauses.
fn minus_pauses(
    s: DateTime<Utc>,
    e: DateTime<Utc>,
    pauses: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut cursor = s;
    for &(p, q) in pauses {
        if q <= cursor || p >= e {
            continue;
        }
        if p > cursor {
            out.push((cursor, p.min(e)));
        }
        cursor = cursor.max(q);
        if cursor >= e {
            break;
        }
    }
    if cursor < e {
        out.push((cursor, e));
    }
    out
}

/// The due instant: the earliest `t >= created` at which the business time
/// in `[created, t)` reaches `target` nanoseconds. `None` when that instant
/// is not strictly before the end of the supported range (the crate treats
/// the range end itself as outside, like any input instant there).
pub fn ref_due(cal: &Calendar, created: DateTime<Utc>, target: i128) -> Option<DateTime<Utc>> {
    ref_due_paused(cal, created, target, &[])
}

/// As [`ref_due`], with paused intervals `[from, to)` counting as closed.
pub fn ref_due_paused(
    cal: &Calendar,
    created: DateTime<Utc>,
    target: i128,
    pauses: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Option<DateTime<Utc>> {
    assert!(target >= 0);
    let end_of_range = range_end(cal.zone());
    if target == 0 {
        return Some(created);
    }
    let pauses = merge(pauses);
    let mut left = target;
    let mut prev_end: Option<DateTime<Utc>> = None;
    let mut date = local_date(cal.zone(), created).pred_opt().unwrap();
    while date <= last_date() {
        for (s, e) in day_windows(cal, date) {
            if let Some(prev) = prev_end {
                assert!(s >= prev, "reference windows out of order on {date}");
            }
            prev_end = Some(e);
            let s = s.max(created);
            if e <= s {
                continue;
            }
            for (s, e) in minus_pauses(s, e, &pauses) {
                let len = nanos(e - s);
                if len >= left {
                    let t = s + TimeDelta::nanoseconds(i64::try_from(left).unwrap());
                    return (t < end_of_range).then_some(t);
                }
                left -= len;
            }
        }
        date = date.succ_opt().unwrap();
    }
    None
}

/// Business time in `[created, now)` outside the pauses, computed directly
/// (not as "open minus paused"); zero when `now <= created`.
pub fn ref_elapsed_paused(
    cal: &Calendar,
    created: DateTime<Utc>,
    now: DateTime<Utc>,
    pauses: &[(DateTime<Utc>, DateTime<Utc>)],
) -> i128 {
    if now <= created {
        return 0;
    }
    let pauses = merge(pauses);
    ref_open_windows(cal, created, now)
        .into_iter()
        .flat_map(|(s, e)| minus_pauses(s, e, &pauses))
        .map(|(s, e)| nanos(e - s))
        .sum()
}

/// Counting back: the latest `t <= to` at which the business time in
/// `[t, to)` is `amount` nanoseconds, walking the dates backwards from the
/// one after `to`'s and the windows of each from the last. An amount that
/// empties a window exactly lands at its start. `None` when the range
/// holds less business time before `to`.
pub fn ref_before(cal: &Calendar, to: DateTime<Utc>, amount: i128) -> Option<DateTime<Utc>> {
    assert!(amount >= 0);
    if amount == 0 {
        return Some(to);
    }
    let mut left = amount;
    let mut date = local_date(cal.zone(), to).succ_opt().unwrap();
    while date >= first_date() {
        for (s, e) in day_windows(cal, date).into_iter().rev() {
            let e = e.min(to);
            if e <= s {
                continue;
            }
            let len = nanos(e - s);
            if len >= left {
                return Some(e - TimeDelta::nanoseconds(i64::try_from(left).unwrap()));
            }
            left -= len;
        }
        date = date.pred_opt().unwrap();
    }
    None
}

/// The stretches of open time (windows joined where they touch) of the
/// dates around `t`, with the local dates searched: from `days` before
/// `t`'s date to `days` after, within the range.
type Spans = Vec<(DateTime<Utc>, DateTime<Utc>)>;

fn stretches_around(cal: &Calendar, t: DateTime<Utc>, days: u64) -> (Spans, NaiveDate, NaiveDate) {
    let date = local_date(cal.zone(), t);
    let from = (date - chrono::Days::new(days)).max(first_date());
    let to = (date + chrono::Days::new(days)).min(last_date());
    let mut out: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for (s, e) in windows_of_dates(cal, from, to) {
        match out.last_mut() {
            Some(last) if last.1 == s => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    (out, from, to)
}

/// Local midnight at the start of `date`, by the boundary rule.
fn midnight(cal: &Calendar, date: NaiveDate) -> DateTime<Utc> {
    local_to_utc(cal.zone(), date.and_hms_opt(0, 0, 0).unwrap())
}

/// Searches wider and wider spans of dates around `t` until `pick`
/// decides from stretches that cannot go on past the span searched: a
/// stretch that reaches the span's first or last midnight might, unless
/// that is the range's edge.
fn search_stretches(
    cal: &Calendar,
    t: DateTime<Utc>,
    pick: impl Fn(
        &[(DateTime<Utc>, DateTime<Utc>)],
        DateTime<Utc>,
        DateTime<Utc>,
    ) -> Option<Option<DateTime<Utc>>>,
) -> Option<DateTime<Utc>> {
    let mut days = 40;
    loop {
        let (stretches, from, to) = stretches_around(cal, t, days);
        // Stretches touching these may go on outside the span.
        let low = if from > first_date() {
            midnight(cal, from)
        } else {
            DateTime::<Utc>::MIN_UTC
        };
        let high = if to < last_date() {
            midnight(cal, to.succ_opt().unwrap())
        } else {
            DateTime::<Utc>::MAX_UTC
        };
        if let Some(answer) = pick(&stretches, low, high) {
            return answer;
        }
        assert!(
            from > first_date() || to < last_date(),
            "searched the whole range"
        );
        days *= 4;
    }
}

/// The end of the open stretch holding `t`, or of the next one; `None`
/// past the range (its end itself included: no instant there is in it).
pub fn ref_next_close(cal: &Calendar, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let end_of_range = range_end(cal.zone());
    search_stretches(cal, t, |stretches, _, high| {
        match stretches.iter().find(|&&(_, e)| e > t) {
            Some(&(_, e)) if e < high => Some((e < end_of_range).then_some(e)),
            Some(_) => None,
            None if high == DateTime::<Utc>::MAX_UTC => Some(None),
            None => None,
        }
    })
}

/// The start of the last open stretch that starts at or before `t`.
pub fn ref_previous_open(cal: &Calendar, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    search_stretches(cal, t, |stretches, low, _| {
        match stretches.iter().rev().find(|&&(s, _)| s <= t) {
            Some(&(s, _)) if s > low => Some(Some(s)),
            Some(_) => None,
            None if low == DateTime::<Utc>::MIN_UTC => Some(None),
            None => None,
        }
    })
}

/// The end of the last open stretch that ends at or before `t`.
pub fn ref_previous_close(cal: &Calendar, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    search_stretches(cal, t, |stretches, low, _| {
        // The end is known even when the stretch reaches back past `low`.
        match stretches.iter().rev().find(|&&(_, e)| e <= t) {
            Some(&(_, e)) => Some(Some(e)),
            None if low == DateTime::<Utc>::MIN_UTC => Some(None),
            None => None,
        }
    })
}

/// Whether `date` holds business time: some window of it is left.
pub fn ref_is_business_day(cal: &Calendar, date: NaiveDate) -> bool {
    !day_windows(cal, date).is_empty()
}

/// The `n`-th business day after `date` (before it for `n < 0`), the date
/// itself not counted; for `n == 0`, `date` when a business day, else the
/// next. Steps one date at a time; `None` outside the range.
pub fn ref_add_business_days(cal: &Calendar, date: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n == 0 && ref_is_business_day(cal, date) {
        return Some(date);
    }
    let mut left = n.unsigned_abs().max(1);
    let mut d = date;
    loop {
        d = if n < 0 { d.pred_opt()? } else { d.succ_opt()? };
        if d < first_date() || d > last_date() {
            return None;
        }
        if ref_is_business_day(cal, d) {
            left -= 1;
            if left == 0 {
                return Some(d);
            }
        }
    }
}

/// Business days from `first` to `last`, both included.
pub fn ref_business_days_in(cal: &Calendar, first: NaiveDate, last: NaiveDate) -> u32 {
    first
        .iter_days()
        .take_while(|&d| d <= last)
        .filter(|&d| ref_is_business_day(cal, d))
        .count() as u32
}

/// `t` itself when open, else the last closing at or before it.
pub fn ref_roll_backward(cal: &Calendar, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if ref_is_open(cal, t) {
        Some(t)
    } else {
        ref_previous_close(cal, t)
    }
}

/// `date` when it is a business day, else the nearest one after it
/// (`forward`) or before it, stepping one date at a time.
pub fn ref_roll_date(cal: &Calendar, date: NaiveDate, forward: bool) -> Option<NaiveDate> {
    let mut d = date;
    while (first_date()..=last_date()).contains(&d) {
        if ref_is_business_day(cal, d) {
            return Some(d);
        }
        d = if forward {
            d.succ_opt()?
        } else {
            d.pred_opt()?
        };
    }
    None
}

/// Business days from `from` to `to`: the start counted, the end only
/// when `included`; minus the same count from `to` to `from` (the start
/// still `from`) when `to` is earlier. Walks every date.
pub fn ref_business_days_between(
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
    included: bool,
) -> i32 {
    let counted = |d: NaiveDate| {
        let inside = if from <= to {
            from <= d && (d < to || (included && d == to))
        } else {
            d <= from && (d > to || (included && d == to))
        };
        inside && ref_is_business_day(cal, d)
    };
    let count = from
        .min(to)
        .iter_days()
        .take_while(|&d| d <= from.max(to))
        .filter(|&d| counted(d))
        .count() as i32;
    if from <= to { count } else { -count }
}

/// `n` business days from `t` keeping the time of day, by the rules of
/// `Calendar::add_business_days_at`, straight from the windows of each
/// local date: roll a closed start (forward for `n >= 0`, back for
/// `n < 0`); move its date by `ref_add_business_days` (a closing belongs
/// to the date it ends, the instant a nanosecond before it); put the same
/// local wall-clock time on the target date by the boundary rule; if the
/// target is not open then, its next opening that date, else its last
/// closing.
pub fn ref_add_business_days_at(cal: &Calendar, t: DateTime<Utc>, n: i32) -> Option<DateTime<Utc>> {
    let zone = cal.zone();
    let start = if n >= 0 {
        ref_next_open(cal, t)?
    } else {
        ref_roll_backward(cal, t)?
    };
    if n == 0 {
        return Some(start);
    }
    let owner = if ref_is_open(cal, start) {
        start
    } else {
        start - TimeDelta::nanoseconds(1)
    };
    let date = local_date(zone, owner);
    let midnight = date.and_hms_opt(0, 0, 0).unwrap();
    let time_of_day = (start.with_timezone(&zone).naive_local() - midnight).min(TimeDelta::days(1));
    let target = ref_add_business_days(cal, date, n)?;
    let wanted = local_to_utc(zone, target.and_hms_opt(0, 0, 0).unwrap() + time_of_day);
    let windows = day_windows(cal, target);
    if windows.iter().any(|&(s, e)| s <= wanted && wanted < e) {
        return Some(wanted);
    }
    windows
        .iter()
        .map(|&(s, _)| s)
        .find(|&s| s > wanted)
        .or_else(|| windows.iter().rev().map(|&(_, e)| e).find(|&e| e <= wanted))
}
