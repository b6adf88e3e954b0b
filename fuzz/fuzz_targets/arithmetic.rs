//! Business-time arithmetic on random calendars keeps its invariants.
//!
//! A structured input builds a plausible calendar through
//! `Calendar::builder(zone)` (a zone with odd DST rules, up to three windows per
//! weekday given as text, holiday rules, closures and closure ranges,
//! special hours for date ranges, a business-day length),
//! an instant in and around 1995..2099 and two targets `d1 <= d2`. Errors
//! are fine (an invalid calendar, a deadline past 2099); panics are bugs,
//! and so is any broken invariant:
//!
//! - round trip: `business_time(created, due(created, d)) == d`;
//! - minimality: one nanosecond before `due` less than `d` has elapsed;
//! - monotonicity: `d1 <= d2` gives `due1 <= due2`, and `due(d2)` can only
//!   succeed if `due(d1)` does;
//! - composition: `due(due1, d2 - d1) == due2`, `business_time` is
//!   additive and antisymmetric;
//! - `is_open(t)` exactly when `next_open(t) == t`, `next_open` is open and
//!   no business time lies between `t` and it; an open instant lies on a
//!   business day;
//! - the open windows between `created` and `due` add up to `d`;
//! - `next_close`, `previous_open`, `previous_close` agree with `is_open`;
//! - counting back: `before(t, d)` is the latest instant with `d` of
//!   business time up to `t`.
//!
//! It also checks `TimeOfDay::hms` on raw numbers against a wide-integer
//! oracle.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use sla_clock::{BusinessDuration, Calendar, TimeOfDay};
use sla_clock_fuzz::{CalendarSpec, InstantSpec, TargetSpec, expect_out_of_range};

#[derive(Debug, Arbitrary)]
struct Input {
    calendar: CalendarSpec,
    created: InstantSpec,
    first: TargetSpec,
    more: TargetSpec,
    raw_time: (u32, u32, u32),
}

/// Business time between two instants that are both in range.
fn elapsed(cal: &Calendar, a: &DateTime<Utc>, b: &DateTime<Utc>) -> BusinessDuration {
    cal.business_time(a, b)
        .unwrap_or_else(|e| panic!("business_time({a}, {b}): {e}"))
}

fn check_hms((h, m, s): (u32, u32, u32)) {
    let secs = u64::from(h) * 3600 + u64::from(m) * 60 + u64::from(s);
    let valid = m < 60 && s < 60 && secs <= 86_400;
    let t = TimeOfDay::hms(h, m, s);
    assert_eq!(t.is_some(), valid, "hms({h}, {m}, {s}) = {t:?}");
    if let Some(t) = t {
        assert_eq!(u64::from(t.seconds_from_midnight()), secs);
    }
}

fn check_open(cal: &Calendar, t: &DateTime<Utc>) {
    let open = match cal.is_open(t) {
        Ok(open) => open,
        Err(e) => return expect_out_of_range("is_open", &e),
    };
    let local = t.with_timezone(&cal.zone()).naive_local();
    // In a fold that crosses midnight (St. John's fell back at 00:01 until
    // 2011) a window of day D+1 that opens at its first occurrence of 00:00
    // runs on through the repeated end of day D, so skip those instants.
    let in_fold = cal.zone().from_local_datetime(&local).single().is_none();
    if open && !in_fold {
        let local_date = local.date();
        assert!(
            cal.is_business_day(local_date).unwrap(),
            "open at {t} on {local_date}, which is not a business day"
        );
    }
    match cal.next_open(t) {
        Ok(next) => {
            let next = next.to_utc();
            assert_eq!(
                open,
                next == *t,
                "is_open({t}) = {open}, next_open = {next}"
            );
            assert!(next >= *t, "next_open({t}) = {next}");
            assert!(
                cal.is_open(&next).unwrap(),
                "next_open({t}) = {next} is closed"
            );
            assert_eq!(
                elapsed(cal, t, &next),
                BusinessDuration::ZERO,
                "{t} .. {next}"
            );
        }
        Err(e) => {
            expect_out_of_range("next_open", &e);
            assert!(!open, "open at {t} but next_open fails: {e}");
        }
    }
}

/// `next_close`, `previous_open` and `previous_close` agree with `is_open`
/// and `business_time` around `t`.
fn check_changes(cal: &Calendar, t: &DateTime<Utc>, open: bool) {
    let ns = TimeDelta::nanoseconds(1);
    let is_open = |x: &DateTime<Utc>| cal.is_open(x).ok();
    match cal.next_close(t) {
        Ok(close) => {
            let close = close.to_utc();
            assert!(close > *t, "next_close({t}) = {close}");
            assert_eq!(
                is_open(&close),
                Some(false),
                "next_close({t}) = {close} is open"
            );
            assert_eq!(
                is_open(&(close - ns)),
                Some(true),
                "before next_close({t}) = {close}"
            );
            if open {
                let all = BusinessDuration::from_nanos(i128::from(
                    (close - *t).num_nanoseconds().unwrap(),
                ));
                assert_eq!(elapsed(cal, t, &close), all, "open from {t} to {close}");
            }
        }
        Err(e) => expect_out_of_range("next_close", &e),
    }
    match cal.previous_open(t) {
        Ok(start) => {
            let start = start.to_utc();
            assert!(start <= *t, "previous_open({t}) = {start}");
            assert_eq!(
                is_open(&start),
                Some(true),
                "previous_open({t}) = {start} is closed"
            );
            if open {
                let all = BusinessDuration::from_nanos(i128::from(
                    (*t - start).num_nanoseconds().unwrap(),
                ));
                assert_eq!(elapsed(cal, &start, t), all, "open from {start} to {t}");
            }
        }
        Err(e) => expect_out_of_range("previous_open", &e),
    }
    match cal.previous_close(t) {
        Ok(close) => {
            let close = close.to_utc();
            assert!(close <= *t, "previous_close({t}) = {close}");
            assert_eq!(
                is_open(&close),
                Some(false),
                "previous_close({t}) = {close} is open"
            );
            if let Some(open_before) = is_open(&(close - ns)) {
                assert!(
                    open_before,
                    "just before previous_close({t}) = {close} is closed"
                );
            }
        }
        Err(e) => expect_out_of_range("previous_close", &e),
    }
}

/// Counting back: `before(t, d)` is the latest instant from which `d` of
/// business time runs up to `t`.
fn check_before(cal: &Calendar, t: &DateTime<Utc>, d: BusinessDuration) {
    let start = match cal.before(t, d) {
        Ok(start) => start.to_utc(),
        Err(_) if d.as_nanos() > i128::from(i64::MAX) => return,
        Err(e) => return expect_out_of_range("before", &e),
    };
    assert!(start <= *t, "before({t}, {d}) = {start}");
    assert_eq!(elapsed(cal, &start, t), d, "before({t}, {d}) = {start}");
    if d > BusinessDuration::ZERO {
        let after = start + TimeDelta::nanoseconds(1);
        assert!(
            elapsed(cal, &after, t) < d,
            "before({t}, {d}) = {start} is not the latest"
        );
    }
}

fn check_due(
    cal: &Calendar,
    created: &DateTime<Utc>,
    d: BusinessDuration,
) -> Option<DateTime<Utc>> {
    let due = match cal.due(created, d) {
        Ok(due) => due.to_utc(),
        // Beyond i64 nanoseconds a target is refused as too large (far more
        // business time than the range holds).
        Err(_) if d.as_nanos() > i128::from(i64::MAX) => return None,
        Err(e) => {
            expect_out_of_range("due", &e);
            return None;
        }
    };
    assert!(due >= *created, "due({created}, {d}) = {due}");
    assert_eq!(
        elapsed(cal, created, &due),
        d,
        "due({created}, {d}) = {due}"
    );
    assert_eq!(
        elapsed(cal, &due, created),
        -d,
        "antisymmetry {created} .. {due}"
    );
    if d > BusinessDuration::ZERO {
        let before = due - TimeDelta::nanoseconds(1);
        assert!(
            elapsed(cal, created, &before) < d,
            "due({created}, {d}) = {due} is not the earliest"
        );
        let windows = cal.open_windows(created, &due).unwrap();
        let total: BusinessDuration = windows
            .iter()
            .map(|w| {
                assert!(w.start < w.end, "{w:?}");
                BusinessDuration::from_nanos(i128::from(
                    (w.end - w.start).num_nanoseconds().unwrap(),
                ))
            })
            .sum();
        assert_eq!(total, d, "open windows from {created} to {due}");
        assert!(windows.windows(2).all(|p| p[0].end < p[1].start));
    }
    Some(due)
}

fuzz_target!(|input: Input| {
    check_hms(input.raw_time);

    let Some(cal) = input.calendar.build() else {
        return;
    };
    let Some(created) = input.created.instant(cal.zone()) else {
        return;
    };
    check_open(&cal, &created);
    if let Ok(open) = cal.is_open(&created) {
        check_changes(&cal, &created, open);
    }

    let d1 = input.first.duration(&cal);
    let d2 = d1 + input.more.duration(&cal);
    let due1 = check_due(&cal, &created, d1);
    let due2 = check_due(&cal, &created, d2);
    match (due1, due2) {
        (Some(due1), Some(due2)) => {
            assert!(due1 <= due2, "{d1} -> {due1}, {d2} -> {due2}");
            let rest = cal.due(&due1, d2 - d1).expect("the rest fits").to_utc();
            assert_eq!(rest, due2, "due({due1}, {d2} - {d1})");
            assert_eq!(
                elapsed(&cal, &created, &due1) + elapsed(&cal, &due1, &due2),
                d2
            );
            check_open(&cal, &due1);
            // Counting back from a due instant lands where counting forward
            // started (or, when that was closed, at the opening after it:
            // the latest instant with the same business time to due1).
            check_before(&cal, &due1, d1);
            check_before(&cal, &created, d1);
        }
        (None, Some(due2)) => panic!("due fails for {d1} but gives {due2} for {d2}"),
        _ => {}
    }
});
