//! Property tests: the fast path (`src/timeline.rs`) against the slow,
//! obvious reference in `tests/reference/mod.rs`, and the arithmetic against
//! itself (composition, monotonicity, time-zone independence).
//!
//! Instants are drawn over the whole supported range 1995-01-01 to
//! 2099-12-31 (Europe/Berlin local) and, more often, near the places where
//! bugs live: opening and closing time, midnight, DST switch days, holidays,
//! 23 December to 2 January, and the ends of the range.
//!
//! The reference walks the calendar day by day, so the targets and spans
//! handed to it are bounded (200 business hours, a few weeks); huge targets
//! (up to 10,000 business days) are checked by self-consistency only, and a
//! handful of cases compare business time over spans of up to the whole
//! range.

use std::sync::LazyLock;

use chrono::{
    DateTime, Datelike, FixedOffset, LocalResult, NaiveDate, Offset, SecondsFormat, TimeDelta,
    TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use sla_clock::{
    BusinessDuration, Calendar, ClosedReason, EndDate, Openness, Pause, Policy, Priority,
    ResponseTarget, RiskThreshold, Roll, SkipReason, SlaClock, SlaStatus, StatusBoard, StatusKind,
    TimeOfDay, easter_sunday, munich_holiday_rules,
};

use crate::reference::{
    day_windows, first_date, last_date, local_date, local_to_utc, merge, range_end, range_start,
    ref_add_business_days, ref_add_business_days_at, ref_before, ref_business_days_between,
    ref_business_days_in, ref_business_time, ref_due, ref_due_paused, ref_elapsed_paused,
    ref_is_business_day, ref_is_open, ref_next_close, ref_next_open, ref_open_windows,
    ref_previous_close, ref_previous_open, ref_roll_backward, ref_roll_date,
};
use crate::support::{DAY, HOUR, MINUTE, NS, cases};

const BERLIN: Tz = chrono_tz::Europe::Berlin;

/// One Munich calendar for all tests, so its table is built once.
static MUNICH: LazyLock<Calendar> = LazyLock::new(Calendar::munich);

static BERLIN_START: LazyLock<DateTime<Utc>> = LazyLock::new(|| range_start(BERLIN));
static BERLIN_END: LazyLock<DateTime<Utc>> = LazyLock::new(|| range_end(BERLIN));

/// Berlin's DST switch instants over the whole range, read from chrono-tz.
static BERLIN_SWITCHES: LazyLock<Vec<DateTime<Utc>>> =
    LazyLock::new(|| offset_changes(BERLIN, *BERLIN_START, *BERLIN_END, TimeDelta::days(1)));

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn ns(n: i64) -> TimeDelta {
    TimeDelta::nanoseconds(n)
}

fn bd(n: i64) -> BusinessDuration {
    BusinessDuration::from_nanos(i128::from(n))
}

fn offset_secs(zone: Tz, t: DateTime<Utc>) -> i32 {
    zone.offset_from_utc_datetime(&t.naive_utc())
        .fix()
        .local_minus_utc()
}

/// The instants in `[from, to)` at which `zone`'s UTC offset changes,
/// sampled every `step` and narrowed down to the second.
fn offset_changes(
    zone: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    step: TimeDelta,
) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut lo = from;
    while lo < to {
        let hi = (lo + step).min(to);
        let before = offset_secs(zone, lo);
        if offset_secs(zone, hi) != before {
            let (mut a, mut b) = (lo, hi);
            while b - a > TimeDelta::seconds(1) {
                let mid = a + (b - a) / 2;
                if offset_secs(zone, mid) == before {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            out.push(b);
        }
        lo = hi;
    }
    out
}

/// Clamps `t` into the supported range of `zone`: `[start, end)`.
fn clamp(zone: Tz, t: DateTime<Utc>) -> DateTime<Utc> {
    let (start, end) = if zone == BERLIN {
        (*BERLIN_START, *BERLIN_END)
    } else {
        (range_start(zone), range_end(zone))
    };
    t.max(start).min(end - ns(1))
}

fn add(zone: Tz, t: DateTime<Utc>, delta: i64) -> DateTime<Utc> {
    clamp(zone, t + ns(delta))
}

/// The fast due instant; `None` for a deadline outside the range (and any
/// other error fails the test).
fn due(cal: &Calendar, created: DateTime<Utc>, target: i64) -> Option<DateTime<Utc>> {
    match cal.due(&created, bd(target)) {
        Ok(t) => Some(t.with_timezone(&Utc)),
        Err(e) => {
            assert!(
                e.kind() == sla_clock::ErrorKind::OutOfRange,
                "unexpected error: {e}"
            );
            None
        }
    }
}

/// The fast count back; `None` for an answer before the range (and any
/// other error fails the test).
fn before(cal: &Calendar, to: DateTime<Utc>, amount: i64) -> Option<DateTime<Utc>> {
    match cal.before(&to, bd(amount)) {
        Ok(t) => Some(t.with_timezone(&Utc)),
        Err(e) => {
            assert!(
                e.kind() == sla_clock::ErrorKind::OutOfRange,
                "unexpected error: {e}"
            );
            None
        }
    }
}

/// One of the calendar's instant queries (next_open, next_close, ...) as
/// UTC; `None` for "not within the range".
fn change(
    query: impl Fn(&DateTime<Utc>) -> sla_clock::Result<DateTime<Tz>>,
    t: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    match query(&t) {
        Ok(x) => Some(x.with_timezone(&Utc)),
        Err(e) => {
            assert!(
                e.kind() == sla_clock::ErrorKind::OutOfRange,
                "unexpected error: {e}"
            );
            None
        }
    }
}

/// Whether the calendar is open just before `t` (never at the range's
/// first instant).
fn open_just_before(cal: &Calendar, zone: Tz, t: DateTime<Utc>) -> bool {
    t > range_start(zone) && is_open(cal, t - ns(1))
}

/// Checks counting back from `t` by `d` against the reference and against
/// the forward direction, and next_close / previous_open / previous_close
/// against the reference.
fn check_backwards(
    cal: &Calendar,
    zone: Tz,
    t: DateTime<Utc>,
    d: i64,
) -> Result<(), TestCaseError> {
    let fast = before(cal, t, d);
    prop_assert_eq!(
        fast,
        ref_before(cal, t, i128::from(d)),
        "before({}, {}ns)",
        t,
        d
    );
    let previous_close = change(|x| cal.previous_close(x), t);
    if let Some(s) = fast {
        prop_assert!(s <= t);
        prop_assert_eq!(bt(cal, s, t), i128::from(d));
        if d == 0 {
            prop_assert_eq!(s, t);
        } else {
            // The latest such instant, inside a window (never at a close).
            prop_assert!(bt(cal, s + ns(1), t) < i128::from(d));
            prop_assert!(is_open(cal, s), "closed at {}", s);
            // Forward again: t itself when open just before it, else the
            // last close before it.
            let expected = if open_just_before(cal, zone, t) {
                Some(t)
            } else {
                previous_close
            };
            prop_assert_eq!(due(cal, s, d), expected, "due(before({}, {}ns))", t, d);
        }
    }
    // Backwards from a due instant: the clock's start, the next opening.
    if let Some(u) = due(cal, t, d) {
        let expected = if d == 0 {
            Some(t)
        } else {
            change(|x| cal.next_open(x), t)
        };
        prop_assert_eq!(before(cal, u, d), expected, "before(due({}, {}ns))", t, d);
    }
    let next_close = change(|x| cal.next_close(x), t);
    let previous_open = change(|x| cal.previous_open(x), t);
    prop_assert_eq!(next_close, ref_next_close(cal, t), "next_close({})", t);
    prop_assert_eq!(
        previous_open,
        ref_previous_open(cal, t),
        "previous_open({})",
        t
    );
    prop_assert_eq!(
        previous_close,
        ref_previous_close(cal, t),
        "previous_close({})",
        t
    );
    if is_open(cal, t) {
        // The open stretch that holds t, all of it open (up to the
        // range's last instant when it runs to the end).
        let (a, b) = (
            previous_open.unwrap(),
            next_close.unwrap_or(range_end(zone) - ns(1)),
        );
        // At the range's last instant itself, the stretch ends at t.
        let ends_after_t = t < b || (next_close.is_none() && t == b);
        prop_assert!(
            a <= t && ends_after_t,
            "open stretch [{}, {}) around {}",
            a,
            b,
            t
        );
        prop_assert_eq!(
            bt(cal, a, b),
            i128::from((b - a).num_nanoseconds().unwrap())
        );
    }
    Ok(())
}

/// Checks why the calendar is closed at `t` (on local date `day`) against
/// the reference's windows of that date: open as the reference says, a
/// closed day when the date has no windows (naming its holiday, if any),
/// else before the first window, after the last, or between two.
fn check_openness(cal: &Calendar, t: DateTime<Utc>, day: NaiveDate) -> Result<(), TestCaseError> {
    let openness = cal.openness(&t).unwrap();
    let windows = day_windows(cal, day);
    let expected = if ref_is_open(cal, t) {
        Some(Openness::Open)
    } else if windows.is_empty() {
        None
    } else if t < windows[0].0 {
        Some(Openness::Closed(ClosedReason::BeforeOpening))
    } else if t >= windows[windows.len() - 1].1 {
        Some(Openness::Closed(ClosedReason::AfterClosing))
    } else {
        Some(Openness::Closed(ClosedReason::Break))
    };
    match expected {
        Some(expected) => prop_assert_eq!(openness, expected, "openness({})", t),
        None => {
            let Openness::Closed(ClosedReason::ClosedDay(reason)) = &openness else {
                return Err(TestCaseError::fail(format!(
                    "openness({t}): {openness:?} on a closed day"
                )));
            };
            // The holiday is named, unless special hours open it and a
            // clock change skips them.
            let holiday = cal.holiday_on(day).unwrap();
            let named = matches!(reason, SkipReason::Holiday(h) if Some(h) == holiday.as_ref());
            let expected = holiday.is_some() && *reason != SkipReason::ClockChange;
            prop_assert_eq!(
                named,
                expected,
                "openness({}): {:?}, holiday {:?}",
                t,
                reason,
                holiday
            );
        }
    }
    Ok(())
}

/// Checks the business-day dates around `date` against the reference.
fn check_business_days(
    cal: &Calendar,
    date: NaiveDate,
    n: i32,
    span: u64,
) -> Result<(), TestCaseError> {
    if date < first_date() || date > last_date() {
        // Dates outside the range are errors that say so.
        prop_assert!(
            cal.is_business_day(date).unwrap_err().kind() == sla_clock::ErrorKind::OutOfRange
        );
        prop_assert!(
            cal.add_business_days(date, n).unwrap_err().kind() == sla_clock::ErrorKind::OutOfRange
        );
        prop_assert!(
            cal.business_days_in(date).unwrap_err().kind() == sla_clock::ErrorKind::OutOfRange
        );
        return Ok(());
    }
    prop_assert_eq!(
        cal.is_business_day(date).unwrap(),
        ref_is_business_day(cal, date)
    );
    let fast = cal.add_business_days(date, n).ok();
    prop_assert_eq!(
        fast,
        ref_add_business_days(cal, date, n),
        "add_business_days({}, {})",
        date,
        n
    );
    if let Some(end) = fast {
        prop_assert!(cal.is_business_day(end).unwrap());
        // Counting agrees with stepping: n business days after the date,
        // up to and including the answer.
        if n > 0 {
            let after = date.succ_opt().unwrap();
            prop_assert_eq!(cal.business_days_in(after..=end).unwrap(), n as u32);
            // And back again to a business day: the date itself if it is
            // one, else the business day before it (if the range has one).
            let back = cal.add_business_days(end, -n).ok();
            let expected = if cal.is_business_day(date).unwrap() {
                Some(date)
            } else {
                cal.add_business_days(date, -1).ok()
            };
            prop_assert_eq!(back, expected);
        }
        if n < 0 {
            let before = date.pred_opt().unwrap();
            prop_assert_eq!(
                cal.business_days_in(end..=before).unwrap(),
                n.unsigned_abs()
            );
        }
    }
    let last = (date + chrono::Days::new(span)).min(last_date());
    prop_assert_eq!(
        cal.business_days_in(date..=last).unwrap(),
        ref_business_days_in(cal, date, last),
        "business_days_in({}..={})",
        date,
        last
    );
    Ok(())
}

/// Rolling, counting with both conventions, the scheduler's due instant
/// and whole business days at a time of day, against the reference, with
/// the identities that tie them to the older queries: from instant `t`,
/// `n` business days, a target of `d` nanoseconds, and the date `span`
/// days from `t`'s.
fn check_rolls_and_counts(
    cal: &Calendar,
    t: DateTime<Utc>,
    n: i32,
    d: i64,
    span: i64,
) -> Result<(), TestCaseError> {
    let zone = cal.zone();
    let utc = |r: sla_clock::Result<DateTime<Tz>>| r.ok().map(|x| x.with_timezone(&Utc));

    let forward = utc(cal.roll(&t, Roll::Forward));
    let backward = utc(cal.roll(&t, Roll::Backward));
    prop_assert_eq!(forward, ref_next_open(cal, t), "roll({}, Forward)", t);
    prop_assert_eq!(backward, ref_roll_backward(cal, t), "roll({}, Backward)", t);
    if let Some(b) = backward {
        prop_assert!(b <= t);
        prop_assert_eq!(bt(cal, b, t), 0);
    }

    let scheduled = utc(cal.due_at_open(&t, bd(d)));
    let expected = ref_due(cal, t, i128::from(d)).and_then(|due| ref_next_open(cal, due));
    prop_assert_eq!(scheduled, expected, "due_at_open({}, {}ns)", t, d);
    if let (Some(s), Some(due)) = (scheduled, due(cal, t, d)) {
        prop_assert!(is_open(cal, s));
        prop_assert_eq!(bt(cal, due, s), 0);
        prop_assert_eq!(s == due, is_open(cal, due));
    }

    let at = utc(cal.add_business_days_at(&t, n));
    prop_assert_eq!(
        at,
        ref_add_business_days_at(cal, t, n),
        "add_business_days_at({}, {})",
        t,
        n
    );

    let date = local_date(zone, t);
    for (roll, forward) in [(Roll::Forward, true), (Roll::Backward, false)] {
        prop_assert_eq!(
            cal.roll_date(date, roll).ok(),
            ref_roll_date(cal, date, forward),
            "roll_date({}, {:?})",
            date,
            roll
        );
    }
    prop_assert_eq!(
        cal.roll_date(date, Roll::Forward).ok(),
        cal.add_business_days(date, 0).ok()
    );
    let other = (date + TimeDelta::days(span)).clamp(first_date(), last_date());
    let between = |a, b, end| cal.business_days_between(a, b, end).unwrap();
    for (end, included) in [(EndDate::Excluded, false), (EndDate::Included, true)] {
        prop_assert_eq!(
            between(date, other, end),
            ref_business_days_between(cal, date, other, included),
            "business_days_between({}, {}, {:?})",
            date,
            other,
            end
        );
    }
    // Included: swapping the dates swaps the sign (Excluded keeps the
    // start counted, so it does not); it counts the end on top of
    // Excluded, and is business_days_in.
    if date != other {
        prop_assert_eq!(
            between(date, other, EndDate::Included),
            -between(other, date, EndDate::Included)
        );
    }
    let (lo, hi) = (date.min(other), date.max(other));
    prop_assert_eq!(
        between(lo, hi, EndDate::Included),
        between(lo, hi, EndDate::Excluded) + i32::from(cal.is_business_day(hi).unwrap())
    );
    prop_assert_eq!(
        between(lo, hi, EndDate::Included),
        cal.business_days_in(lo..=hi).unwrap() as i32
    );
    // Counting agrees with stepping.
    if n > 0
        && cal.is_business_day(date).unwrap()
        && let Ok(end) = cal.add_business_days(date, n)
    {
        prop_assert_eq!(between(date, end, EndDate::Excluded), n);
    }
    Ok(())
}

fn bt(cal: &Calendar, a: DateTime<Utc>, b: DateTime<Utc>) -> i128 {
    cal.business_time(&a, &b).unwrap().as_nanos()
}

fn is_open(cal: &Calendar, t: DateTime<Utc>) -> bool {
    cal.is_open(&t).unwrap()
}

/// `a <= b` where `None` means "after the end of the range".
fn le(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x <= y,
        (_, None) => true,
        (None, Some(_)) => false,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn days_in_range() -> u64 {
    (last_date() - first_date()).num_days() as u64 + 1
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

/// Any instant of the range, to the nanosecond.
fn uniform_instant() -> impl Strategy<Value = DateTime<Utc>> {
    let lo = BERLIN_START.timestamp();
    let hi = BERLIN_END.timestamp();
    (lo..hi, prop_oneof![Just(0u32), 0u32..1_000_000_000])
        .prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
}

/// Dates where things happen: any date, DST switch days, Munich holidays,
/// 23 December to 2 January, the first and last days of the range.
fn special_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (0..days_in_range()).prop_map(|d| first_date() + chrono::Days::new(d)),
        any::<Index>().prop_map(|i| {
            let switches = &*BERLIN_SWITCHES;
            switches[i.index(switches.len())]
                .with_timezone(&BERLIN)
                .date_naive()
        }),
        (1995..=2099i32, any::<Index>()).prop_map(|(y, i)| {
            let holidays = MUNICH.holidays(y).unwrap();
            holidays[i.index(holidays.len())].date
        }),
        (1995..=2099i32, 0u64..11).prop_map(|(y, k)| date(y, 12, 23) + chrono::Days::new(k)),
        (0u64..8).prop_map(|k| first_date() + chrono::Days::new(k)),
        (0u64..8).prop_map(|k| last_date() - chrono::Days::new(k)),
    ]
}

/// Seconds after local midnight where something happens.
fn anchor_secs() -> impl Strategy<Value = i64> {
    select(vec![
        0,
        3600,
        2 * 3600,
        2 * 3600 + 1800,
        3 * 3600,
        10 * 3600,
        10 * 3600 - 1,
        12 * 3600,
        18 * 3600,
        18 * 3600 - 1,
        24 * 3600,
    ])
}

/// A small displacement, often zero or a nanosecond.
fn jitter() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        -1i64..=1,
        (-3i64..=3).prop_map(|s| s * NS),
        (-120i64..=120).prop_map(|m| m * MINUTE),
        -6 * HOUR..=6 * HOUR,
    ]
}

/// An instant near an interesting local time on an interesting date.
fn boundary_instant() -> impl Strategy<Value = DateTime<Utc>> {
    (special_date(), anchor_secs(), jitter()).prop_map(|(d, secs, j)| {
        let local = d.and_hms_opt(0, 0, 0).unwrap() + TimeDelta::seconds(secs);
        add(BERLIN, local_to_utc(BERLIN, local), j)
    })
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![1 => uniform_instant(), 2 => boundary_instant()]
}

/// A target of up to 200 business hours, in nanoseconds.
fn small_target() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        1i64..=3,
        select(vec![4 * HOUR, 8 * HOUR, 16 * HOUR, 40 * HOUR]),
        (0i64..=200).prop_map(|h| h * HOUR),
        (0i64..=200 * 60).prop_map(|m| m * MINUTE),
        (0i64..=200 * 3600).prop_map(|s| s * NS),
        0i64..=200 * HOUR,
    ]
}

/// Up to 10,000 business days of the Munich calendar (8 hours each).
fn huge_target() -> impl Strategy<Value = i64> {
    prop_oneof![
        (0i64..=10_000).prop_map(|d| d * 8 * HOUR),
        0i64..=10_000 * 8 * HOUR,
        small_target(),
    ]
}

/// A wall-clock displacement of up to about two months either way.
fn span() -> impl Strategy<Value = i64> {
    prop_oneof![
        jitter(),
        (-60i64..=60).prop_map(|d| d * DAY),
        -60 * DAY..=60 * DAY,
    ]
}

// ---------------------------------------------------------------------------
// Due time and business time on the Munich calendar
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(256))]

    /// The due instant is where the business time since creation reaches
    /// the target, and not a nanosecond (or second) earlier; it lies inside
    /// an opening window or exactly at its end; fast == reference.
    #[test]
    fn due_reaches_the_target_exactly(c in instant(), d in small_target()) {
        let cal = &*MUNICH;
        let fast = due(cal, c, d);
        let slow = ref_due(cal, c, i128::from(d));
        prop_assert_eq!(fast, slow, "due({}, {}ns)", c, d);
        let Some(t) = fast else { return Ok(()) };
        prop_assert!(t >= c);
        prop_assert_eq!(bt(cal, c, t), i128::from(d));
        prop_assert_eq!(ref_business_time(cal, c, t), i128::from(d));
        if d == 0 {
            prop_assert_eq!(t, c);
        } else {
            let just_before = t - ns(1);
            prop_assert!(bt(cal, c, just_before) < i128::from(d));
            prop_assert!(ref_business_time(cal, c, just_before) < i128::from(d));
            let second_before = (t - TimeDelta::seconds(1)).max(c);
            prop_assert!(bt(cal, c, second_before) < i128::from(d));
            // Open just before due: due is inside a window or at its end.
            prop_assert!(is_open(cal, just_before), "closed just before due {}", t);
            prop_assert!(ref_is_open(cal, just_before));
            prop_assert_eq!(is_open(cal, t), ref_is_open(cal, t));
        }
    }

    /// The default policy's targets are 4, 8, 16 and 40 business hours on
    /// the Munich calendar (`docs/SEMANTICS.md` sections 2 and 3.1).
    #[test]
    fn policy_targets_are_business_hours(
        c in instant(),
        (priority, hours) in select(vec![
            (Priority::Urgent, 4),
            (Priority::High, 8),
            (Priority::Normal, 16),
            (Priority::Low, 40),
        ]),
    ) {
        let cal = &*MUNICH;
        let fast = Policy::default().due(cal, priority, &c).ok().map(|t| t.with_timezone(&Utc));
        prop_assert_eq!(fast, due(cal, c, hours * HOUR));
        prop_assert_eq!(fast, ref_due(cal, c, i128::from(hours * HOUR)));
    }

    /// Due never moves earlier when the ticket is created later or the
    /// target grows.
    #[test]
    fn due_is_monotone(
        c in instant(),
        later in prop_oneof![jitter().prop_map(i64::abs), 0..10 * DAY],
        d1 in small_target(),
        d2 in small_target(),
    ) {
        let cal = &*MUNICH;
        let c2 = add(BERLIN, c, later);
        let (lo, hi) = (d1.min(d2), d1.max(d2));
        prop_assert!(le(due(cal, c, lo), due(cal, c, hi)), "target {} vs {}", lo, hi);
        prop_assert!(le(due(cal, c, d1), due(cal, c2, d1)), "created {} vs {}", c, c2);
    }

    /// due(due(c, a), b) == due(c, a + b), against the reference too.
    #[test]
    fn due_composes(c in instant(), a in small_target(), b in small_target()) {
        let cal = &*MUNICH;
        let whole = due(cal, c, a + b);
        let stepwise = due(cal, c, a).and_then(|t| due(cal, t, b));
        prop_assert_eq!(whole, stepwise);
        let reference = ref_due(cal, c, i128::from(a)).and_then(|t| ref_due(cal, t, i128::from(b)));
        prop_assert_eq!(whole, reference);
    }

    /// The same instant written with any offset (or as local time, where
    /// that is unique) is the same instant: same due, same business time.
    #[test]
    fn offsets_do_not_matter(c in instant(), d in small_target(), other in instant()) {
        let cal = &*MUNICH;
        let expected = due(cal, c, d);
        let expected_bt = bt(cal, c, other);
        let utc_text = c.to_rfc3339_opts(SecondsFormat::AutoSi, true);
        prop_assert!(utc_text.ends_with('Z'));
        let mut texts = vec![utc_text];
        for secs in [9 * 3600, -5 * 3600, 5 * 3600 + 45 * 60, 0, 14 * 3600, -12 * 3600, 3600, 7200] {
            let zone = FixedOffset::east_opt(secs).unwrap();
            texts.push(c.with_timezone(&zone).to_rfc3339());
        }
        for text in &texts {
            let parsed = cal.parse_datetime(text).unwrap();
            prop_assert_eq!(parsed, c, "{}", text);
            prop_assert_eq!(due(cal, parsed.with_timezone(&Utc), d), expected, "{}", text);
            let fast = cal.due(&parsed, bd(d)).ok().map(|t| t.with_timezone(&Utc));
            prop_assert_eq!(fast, expected, "{}", text);
            prop_assert_eq!(cal.business_time(&parsed, &other).unwrap().as_nanos(), expected_bt);
            prop_assert_eq!(cal.is_open(&parsed).unwrap(), is_open(cal, c));
        }
        // Local time without an offset: accepted exactly when it is unique.
        let local = c.with_timezone(&BERLIN).naive_local();
        let text = local.format("%Y-%m-%dT%H:%M:%S%.f").to_string();
        match (cal.parse_datetime(&text), BERLIN.from_local_datetime(&local)) {
            (Ok(parsed), LocalResult::Single(_)) => prop_assert_eq!(parsed, c, "{}", text),
            (Err(_), LocalResult::Ambiguous(..)) => {}
            (got, want) => prop_assert!(false, "{}: {:?} vs chrono-tz {:?}", text, got, want),
        }
    }

    /// Signed business time between two instants up to two months apart:
    /// fast == reference, antisymmetric, additive.
    #[test]
    fn business_time_matches_reference(a in instant(), delta in span(), mid in 0.0f64..=1.0) {
        let cal = &*MUNICH;
        let b = add(BERLIN, a, delta);
        let fast = bt(cal, a, b);
        prop_assert_eq!(fast, ref_business_time(cal, a, b), "[{}, {})", a, b);
        prop_assert_eq!(bt(cal, b, a), -fast);
        prop_assert!(fast == 0 || (fast > 0) == (b > a));
        let m = a + ns(((b - a).num_nanoseconds().unwrap() as f64 * mid) as i64);
        prop_assert_eq!(bt(cal, a, m) + bt(cal, m, b), fast);
        prop_assert!(fast.abs() <= i128::from((b - a).num_nanoseconds().unwrap().abs()));
    }

    /// Paused intervals remove exactly their business time, and the paused
    /// due instant is the reference's.
    #[test]
    fn pauses_remove_their_business_time(
        c in instant(),
        d in small_target(),
        raw_pauses in prop::collection::vec(
            (-3 * DAY..20 * DAY, prop_oneof![0..4 * HOUR, 0..5 * DAY]),
            0..=4,
        ),
        now_after in prop_oneof![jitter(), -DAY..40 * DAY],
        risk_percent in prop_oneof![Just(0u8), Just(100u8), 0u8..=100],
    ) {
        let cal = &*MUNICH;
        let pauses: Vec<(DateTime<Utc>, DateTime<Utc>)> = raw_pauses
            .iter()
            .map(|&(start, len)| (add(BERLIN, c, start), add(BERLIN, c, start + len)))
            .collect();
        let now = add(BERLIN, c, now_after);
        let Ok(clock) = SlaClock::new(cal, &c, bd(d)) else {
            prop_assert_eq!(ref_due(cal, c, i128::from(d)), None);
            return Ok(());
        };
        let reference_due = ref_due_paused(cal, c, i128::from(d), &pauses);
        let clock = match clock.with_pauses(pauses.iter().map(|&(p, q)| Pause::new(p, q).unwrap())) {
            Ok(clock) => clock,
            Err(e) => {
                prop_assert!(e.kind() == sla_clock::ErrorKind::OutOfRange, "{}", e);
                prop_assert_eq!(reference_due, None);
                return Ok(());
            }
        };
        prop_assert_eq!(Some(clock.due().unwrap().with_timezone(&Utc)), reference_due);
        // elapsed == business time minus the business time of the merged
        // pauses inside [c, now), by the fast path and by the reference.
        let elapsed = clock.elapsed(&now).unwrap().as_nanos();
        let (mut fast, mut slow) = (0i128, 0i128);
        if now > c {
            fast = bt(cal, c, now);
            slow = ref_business_time(cal, c, now);
            for (p, q) in merge(&pauses) {
                let (p, q) = (p.max(c), q.min(now));
                if p < q {
                    fast -= bt(cal, p, q);
                    slow -= ref_business_time(cal, p, q);
                }
            }
        }
        prop_assert_eq!(elapsed, fast);
        prop_assert_eq!(elapsed, slow);
        prop_assert_eq!(elapsed, ref_elapsed_paused(cal, c, now, &pauses));
        prop_assert_eq!(clock.remaining(&now).unwrap().as_nanos(), i128::from(d) - elapsed);

        // On its own: the clock reaches the target exactly at its due.
        let t = clock.due().unwrap().with_timezone(&Utc);
        prop_assert_eq!(clock.elapsed(&t).unwrap().as_nanos(), i128::from(d));
        if d > 0 {
            prop_assert!(clock.elapsed(&(t - ns(1))).unwrap().as_nanos() < i128::from(d));
        }
        check_explanation(cal, &clock, &pauses)?;

        // The at-risk instant is the paused due of the threshold's share
        // (rounded up to the nanosecond), whichever order the clock is built in.
        let threshold = RiskThreshold::percent(risk_percent).unwrap();
        let share = (i128::from(d) * i128::from(risk_percent) + 99) / 100;
        let with_risk = clock.clone().with_risk_threshold(threshold);
        let risk_at = with_risk.at_risk_from().unwrap().with_timezone(&Utc);
        prop_assert_eq!(Some(risk_at), ref_due_paused(cal, c, share, &pauses));
        let other_order = SlaClock::new(cal, &c, bd(d))
            .unwrap()
            .with_risk_threshold(threshold)
            .with_pauses(pauses.iter().map(|&(p, q)| Pause::new(p, q).unwrap()))
            .unwrap();
        prop_assert_eq!(other_order.at_risk_from().map(|t| t.with_timezone(&Utc)), Some(risk_at));
        let t = clock.due().unwrap().with_timezone(&Utc);
        prop_assert!(c <= risk_at && risk_at <= t);
        let at_risk = |s: SlaStatus| matches!(s, SlaStatus::AtRisk { .. });
        prop_assert!(at_risk(with_risk.status(&risk_at).unwrap()));
        if risk_at > c {
            let before = with_risk.status(&(risk_at - ns(1))).unwrap();
            prop_assert!(matches!(before, SlaStatus::Pending { .. }), "{}", before);
        }

        // A response at due meets the target; one a nanosecond later breaches.
        let breached = |s: SlaStatus| matches!(s, SlaStatus::Breached { .. });
        prop_assert!(!breached(clock.status(&t).unwrap()));
        if t + ns(1) < *BERLIN_END {
            let late = t + ns(1);
            prop_assert!(breached(clock.status(&late).unwrap()));
            prop_assert!(!breached(clock.clone().with_response(&t).unwrap().status(&late).unwrap()));
            prop_assert!(breached(clock.clone().with_response(&late).unwrap().status(&late).unwrap()));
        }
    }
}

// ---------------------------------------------------------------------------
// One reading at `now`: running pauses, responses before and after `now`
// ---------------------------------------------------------------------------

/// What the contract says a clock answers at `now`, from the reference
/// alone: the pauses as they stand at `now` (a running one ends there), a
/// response after `now` unknown, the status decided from the reference's
/// due and at-risk instants.
struct ExpectedReading {
    kind: StatusKind,
    due: DateTime<Utc>,
    elapsed: i128,
    at_risk_from: Option<DateTime<Utc>>,
    next_change: Option<DateTime<Utc>>,
}

#[allow(clippy::too_many_arguments)]
fn expected_reading(
    cal: &Calendar,
    c: DateTime<Utc>,
    d: i64,
    closed: &[(DateTime<Utc>, DateTime<Utc>)],
    running: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    responded: Option<DateTime<Utc>>,
    risk_percent: Option<u8>,
) -> Option<ExpectedReading> {
    let mut pauses = closed.to_vec();
    if let Some(p) = running.filter(|&p| p < now) {
        pauses.push((p, now));
    }
    let due = ref_due_paused(cal, c, i128::from(d), &pauses)?;
    let at_risk_from = risk_percent.map(|pc| {
        let share = (i128::from(d) * i128::from(pc) + 99) / 100;
        ref_due_paused(cal, c, share, &pauses).unwrap()
    });
    let known = responded.filter(|&r| r <= now);
    let at = known.unwrap_or(now);
    let kind = match known {
        Some(r) if r <= due => StatusKind::Met,
        _ if at > due => StatusKind::Breached,
        _ if at_risk_from.is_some_and(|t| now >= t) => StatusKind::AtRisk,
        _ => StatusKind::Pending,
    };
    let waiting = running.is_some_and(|p| p <= now);
    let next_change = match at_risk_from {
        _ if known.is_some() || waiting => None,
        Some(t) if now < t => Some(t),
        _ if now <= due => Some(due + ns(1)),
        _ => None,
    };
    Some(ExpectedReading {
        kind,
        due,
        elapsed: ref_elapsed_paused(cal, c, at, &pauses),
        at_risk_from,
        next_change,
    })
}

proptest! {
    #![proptest_config(cases(256))]

    /// Every value of a reading at `now` is the contract's, computed by the
    /// reference; a pause still running ends at `now` for the due instant,
    /// the at-risk instant and the time left alike; a response after `now`
    /// changes nothing, and one at or before it fixes the time left at the
    /// response. The clock's other answers are the reading's.
    #[test]
    fn a_reading_at_now_is_the_contracts(
        c in instant(),
        d in small_target(),
        raw_pauses in prop::collection::vec(
            (-3 * DAY..20 * DAY, prop_oneof![0..4 * HOUR, 0..5 * DAY]),
            0..=3,
        ),
        running_after in prop::option::of(prop_oneof![jitter(), -DAY..20 * DAY]),
        now_after in prop_oneof![jitter(), -DAY..40 * DAY],
        response_after_now in prop::option::of(prop_oneof![jitter(), -20 * DAY..20 * DAY]),
        risk_percent in prop::option::of(prop_oneof![Just(0u8), Just(100u8), 0u8..=100]),
    ) {
        let cal = &*MUNICH;
        let closed: Vec<(DateTime<Utc>, DateTime<Utc>)> = raw_pauses
            .iter()
            .map(|&(start, len)| (add(BERLIN, c, start), add(BERLIN, c, start + len)))
            .collect();
        let running = running_after.map(|r| add(BERLIN, c, r));
        let now = add(BERLIN, c, now_after);
        // A response before creation is an error of its own, tested elsewhere.
        let responded = response_after_now.map(|r| add(BERLIN, now, r).max(c));
        let pauses = closed
            .iter()
            .map(|&(p, q)| Pause::new(p, q).unwrap())
            .chain(running.map(Pause::since));
        let clock = SlaClock::new(cal, &c, bd(d)).and_then(|clock| clock.with_pauses(pauses));
        let unanswered = match (clock, risk_percent) {
            (Ok(clock), Some(pc)) => clock.with_risk_threshold(RiskThreshold::percent(pc).unwrap()),
            (Ok(clock), None) => clock,
            (Err(e), _) => {
                prop_assert_eq!(e.kind(), sla_clock::ErrorKind::OutOfRange, "{}", e);
                return Ok(());
            }
        };
        let clock = match responded {
            Some(r) => unanswered.clone().with_response(&r).unwrap(),
            None => unanswered.clone(),
        };
        let expected = expected_reading(cal, c, d, &closed, running, now, responded, risk_percent);
        let reading = match (clock.reading(&now), expected) {
            (Ok(reading), Some(expected)) => {
                prop_assert_eq!(reading.status.kind(), expected.kind, "{}", reading.status);
                prop_assert_eq!(reading.due.with_timezone(&Utc), expected.due);
                prop_assert_eq!(reading.elapsed.as_nanos(), expected.elapsed);
                prop_assert_eq!(reading.remaining.as_nanos(), i128::from(d) - expected.elapsed);
                prop_assert_eq!(reading.at_risk_from.map(|t| t.with_timezone(&Utc)), expected.at_risk_from);
                prop_assert_eq!(reading.next_change.map(|t| t.with_timezone(&Utc)), expected.next_change);
                reading
            }
            (Err(e), None) => {
                prop_assert_eq!(e.kind(), sla_clock::ErrorKind::OutOfRange, "{}", e);
                return Ok(());
            }
            (got, expected) => {
                prop_assert!(false, "reading {:?}, reference due {:?}", got, expected.map(|e| e.due));
                unreachable!()
            }
        };
        // The status carries the reading's numbers.
        match reading.status {
            SlaStatus::Met { margin, due } => {
                prop_assert_eq!((margin, due), (reading.remaining, reading.due));
            }
            SlaStatus::Pending { remaining, due } | SlaStatus::AtRisk { remaining, due } => {
                prop_assert_eq!((remaining, due), (reading.remaining, reading.due));
            }
            SlaStatus::Breached { overdue, due } => {
                prop_assert_eq!((-overdue, due), (reading.remaining, reading.due));
            }
        }
        // A response after now is not known at now.
        let unanswered = unanswered.reading(&now).unwrap();
        if responded.is_none_or(|r| r > now) {
            prop_assert_eq!(reading, unanswered);
        }
        // The clock's other answers are the reading's.
        prop_assert_eq!(clock.status(&now).unwrap(), reading.status);
        prop_assert_eq!(clock.next_change(&now).unwrap(), reading.next_change);
        prop_assert_eq!(clock.elapsed(&now).unwrap(), reading.elapsed);
        prop_assert_eq!(clock.remaining(&now).unwrap(), reading.remaining);
        prop_assert_eq!(clock.time_until_due(&now).unwrap(), reading.due.with_timezone(&Utc) - now);
        // The clock as of now has no running pause and the same answers,
        // except that its clock no longer stands still.
        let settled = clock.as_of(&now).unwrap();
        prop_assert_eq!(settled.due(), Some(reading.due));
        prop_assert_eq!(settled.at_risk_from(), reading.at_risk_from);
        prop_assert!(settled.explain().is_ok());
        let again = settled.reading(&now).unwrap();
        prop_assert_eq!((again.status, again.elapsed), (reading.status, reading.elapsed));
        // What a service stores reads back equal.
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&reading).unwrap();
            prop_assert_eq!(serde_json::from_str::<sla_clock::SlaReading>(&json).unwrap(), reading);
            let json = serde_json::to_string(&reading.status).unwrap();
            prop_assert_eq!(serde_json::from_str::<SlaStatus>(&json).unwrap(), reading.status);
            let json = serde_json::to_string(&clock).unwrap();
            let back: SlaClock = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &clock);
            prop_assert_eq!(back.reading(&now).unwrap(), reading);
            let text = reading.status.to_string();
            prop_assert_eq!(text.parse::<SlaStatus>().unwrap(), reading.status);
        }
        // Without a now, a running pause leaves the due instant unknown.
        let paused = running.is_some();
        prop_assert_eq!(clock.due().is_none(), paused);
        prop_assert_eq!(clock.explain().is_err(), paused);
    }
}

proptest! {
    #![proptest_config(cases(512))]

    /// An instant's local date is chrono-tz's, inside the range; outside
    /// it, an error naming the range.
    #[test]
    fn a_local_date_is_the_zones(t in instant(), past_the_range in -DAY..DAY) {
        let cal = &*MUNICH;
        for t in [t, add(BERLIN, *BERLIN_START, past_the_range), add(BERLIN, *BERLIN_END, past_the_range)] {
            let local = t.with_timezone(&BERLIN).date_naive();
            match cal.local_date(&t) {
                Ok(date) => prop_assert_eq!(date, local),
                Err(e) => {
                    prop_assert!(!(1995..=2099).contains(&local.year()), "{} at {}", e, t);
                    prop_assert_eq!(e.kind(), sla_clock::ErrorKind::OutOfRange);
                }
            }
        }
    }

    /// The methods on nanoseconds since 1970 answer as those on chrono's
    /// instants, errors included, also for instants outside the range.
    #[test]
    fn unix_nanos_answer_as_instants(
        a in instant(),
        b_after in prop_oneof![jitter(), -40 * DAY..40 * DAY],
        past_the_range in -DAY..DAY,
        target in small_target(),
    ) {
        let cal = &*MUNICH;
        let edges = [add(BERLIN, *BERLIN_START, past_the_range), add(BERLIN, *BERLIN_END, past_the_range)];
        let target = bd(target);
        for a in [a, edges[0], edges[1]] {
            let b = add(BERLIN, a, b_after);
            same(
                cal.due_unix_nanos(nanos(a), target),
                cal.due(&a, target).map(|t| nanos(t.to_utc())),
            )?;
            same(cal.business_time_unix_nanos(nanos(a), nanos(b)), cal.business_time(&a, &b))?;
            same(cal.business_time_unix_nanos(nanos(b), nanos(a)), cal.business_time(&b, &a))?;
            same(cal.local_date_unix_nanos(nanos(a)), cal.local_date(&a))?;
        }
    }

    /// A status board answers each ticket as the ticket's own clock does,
    /// and as the reference does: the same status, or the same kind of
    /// error (a creation or response outside the range, a due instant
    /// after it, a response before the creation), whichever priority,
    /// target, threshold and `now`.
    #[test]
    fn a_board_answers_as_each_tickets_clock(
        c in instant(),
        minutes in prop_oneof![Just(0u32), 1u32..=30, 0u32..=60 * 200],
        priority in select(Priority::ALL.to_vec()),
        now_after in prop_oneof![jitter(), -DAY..40 * DAY],
        response in prop::option::of(prop_oneof![jitter(), -DAY..20 * DAY]),
        response_from_now in any::<bool>(),
        risk_percent in prop::option::of(prop_oneof![Just(0u8), Just(100u8), 0u8..=100]),
    ) {
        let cal = &*MUNICH;
        let target = ResponseTarget::BusinessMinutes(minutes);
        let policy = Policy { urgent: target, high: target, normal: target, low: target };
        let now = add(BERLIN, c, now_after);
        let responded = response.map(|r| add(BERLIN, if response_from_now { now } else { c }, r));
        let Ok(board) = StatusBoard::new(cal, &policy, &now) else {
            prop_assert!(cal.parse_datetime(&now.to_rfc3339()).is_err());
            return Ok(());
        };
        let board = match risk_percent {
            Some(pc) => board.with_risk_threshold(RiskThreshold::percent(pc).unwrap()),
            None => board,
        };
        let clock = SlaClock::for_priority(cal, &policy, priority, &c).and_then(|clock| {
            let clock = match risk_percent {
                Some(pc) => clock.with_risk_threshold(RiskThreshold::percent(pc).unwrap()),
                None => clock,
            };
            match responded {
                Some(r) => clock.with_response(&r),
                None => Ok(clock),
            }
        });
        let by_clock = clock.and_then(|clock| clock.status(&now)).map(|s| s.kind());
        let by_board = board.status(priority, &c, responded.as_ref());
        let by_nanos = board.status_unix_nanos(priority, nanos(c), responded.map(nanos));
        for (by_board, by_clock) in [(&by_board, &by_clock), (&by_nanos, &by_board)] {
            match (by_board, by_clock) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
                _ => prop_assert!(false, "board {:?}, clock {:?}", by_board, by_clock),
            }
        }
        if let Ok(kind) = by_board {
            let d = i64::from(minutes) * MINUTE;
            let expected = expected_reading(cal, c, d, &[], None, now, responded, risk_percent);
            prop_assert_eq!(Some(kind), expected.map(|e| e.kind));
        }
    }
}

/// An instant as nanoseconds since 1970 UTC (all instants of these tests
/// have them).
fn nanos(t: DateTime<Utc>) -> i64 {
    t.timestamp_nanos_opt().unwrap()
}

/// Two answers are the same value, or errors with the same message.
fn same<T: PartialEq + std::fmt::Debug>(
    a: sla_clock::Result<T>,
    b: sla_clock::Result<T>,
) -> Result<(), TestCaseError> {
    match (&a, &b) {
        (Ok(x), Ok(y)) => prop_assert_eq!(x, y),
        (Err(x), Err(y)) => prop_assert_eq!(x.to_string(), y.to_string()),
        _ => prop_assert!(false, "{:?} and {:?}", a, b),
    }
    Ok(())
}

/// The explanation of a clock adds up: its counted pieces are ordered,
/// disjoint, open, inside [created, due], outside the pauses, and sum to the
/// target; its paused pieces lie inside pauses; its skipped dates are days
/// without business time that began before the due instant.
fn check_explanation(
    cal: &Calendar,
    clock: &SlaClock,
    pauses: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Result<(), TestCaseError> {
    use sla_clock::{SkipReason, Step};
    let explanation = clock.explain().unwrap();
    let (c, t) = (
        clock.created().with_timezone(&Utc),
        clock.due().unwrap().with_timezone(&Utc),
    );
    prop_assert_eq!(explanation.due.with_timezone(&Utc), t);
    let merged = merge(pauses);
    let paused_at = |x: DateTime<Utc>| merged.iter().any(|&(p, q)| p <= x && x < q);
    let mut total = 0i128;
    let mut last_end = c;
    for step in &explanation.steps {
        match step {
            Step::Counted { from, to, used } => {
                let (from, to) = (from.with_timezone(&Utc), to.with_timezone(&Utc));
                prop_assert!(
                    last_end <= from && from < to && to <= t,
                    "{:?} (after {})",
                    step,
                    last_end
                );
                prop_assert_eq!(
                    used.as_nanos(),
                    i128::from((to - from).num_nanoseconds().unwrap())
                );
                prop_assert_eq!(
                    bt(cal, from, to),
                    used.as_nanos(),
                    "{:?} is not all open",
                    step
                );
                prop_assert!(
                    !paused_at(from) && !paused_at(to - ns(1)),
                    "{:?} is paused",
                    step
                );
                total += used.as_nanos();
                last_end = to;
            }
            Step::Paused { from, to } => {
                let (from, to) = (from.with_timezone(&Utc), to.with_timezone(&Utc));
                prop_assert!(
                    from < to && paused_at(from) && paused_at(to - ns(1)),
                    "{:?}",
                    step
                );
                prop_assert!(c <= from && to <= t, "{:?}", step);
            }
            Step::Skipped { date, reason } => {
                if *reason != SkipReason::AfterClosing {
                    prop_assert!(!cal.is_business_day(*date).unwrap(), "{:?}", step);
                }
                let midnight = local_to_utc(cal.zone(), date.and_hms_opt(0, 0, 0).unwrap());
                prop_assert!(midnight < t || t == c, "{:?} skipped after due {}", step, t);
            }
        }
    }
    prop_assert_eq!(total, clock.target().as_nanos(), "{}", explanation);
    Ok(())
}

// ---------------------------------------------------------------------------
// Huge targets and long spans
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(256))]

    /// Up to 10,000 business days: composition, exactness, monotonicity,
    /// checked against the crate itself (too long for the reference).
    #[test]
    fn huge_targets_are_self_consistent(c in instant(), a in huge_target(), b in huge_target()) {
        let cal = &*MUNICH;
        let whole = due(cal, c, a + b);
        let first = due(cal, c, a);
        prop_assert_eq!(whole, first.and_then(|t| due(cal, t, b)));
        prop_assert!(le(first, whole));
        if let Some(t) = whole {
            prop_assert_eq!(bt(cal, c, t), i128::from(a + b));
            if a + b > 0 {
                prop_assert!(bt(cal, c, t - ns(1)) < i128::from(a + b));
                prop_assert!(is_open(cal, t - ns(1)));
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(16))]

    /// Business time over spans of up to the whole range, against the
    /// reference (slow: the reference walks every day).
    #[test]
    fn business_time_over_long_spans(a in instant(), b in instant()) {
        let cal = &*MUNICH;
        prop_assert_eq!(bt(cal, a, b), ref_business_time(cal, a, b), "[{}, {})", a, b);
    }
}

// ---------------------------------------------------------------------------
// Calendar queries
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(256))]

    /// open_windows: sorted, disjoint, inside [a, b), consistent with
    /// is_open at the edges, adding up to business_time, == reference.
    #[test]
    fn open_windows_are_consistent(a in instant(), len in prop_oneof![jitter().prop_map(|j| j.abs().max(1)), 1..30 * DAY]) {
        let cal = &*MUNICH;
        let b = add(BERLIN, a, len);
        // Empty spans: `open_windows_of_an_empty_span_is_empty` below.
        prop_assume!(a < b);
        let windows: Vec<(DateTime<Utc>, DateTime<Utc>)> = cal
            .open_windows(&a, &b)
            .unwrap()
            .iter()
            .map(|w| (w.start.to_utc(), w.end.to_utc()))
            .collect();
        let mut previous_end: Option<DateTime<Utc>> = None;
        let mut total = 0i128;
        for &(start, end) in &windows {
            prop_assert!(a <= start && start < end && end <= b, "[{}, {}) not inside [{}, {})", start, end, a, b);
            if let Some(prev) = previous_end {
                // Disjoint and not touching: touching windows are one window.
                prop_assert!(prev < start, "{} starts at or before {}", start, prev);
            }
            previous_end = Some(end);
            prop_assert!(is_open(cal, start));
            prop_assert!(is_open(cal, end - ns(1)));
            if end != b {
                prop_assert!(!is_open(cal, end), "open at window end {}", end);
            }
            if start != a {
                prop_assert!(!is_open(cal, start - ns(1)), "open just before window start {}", start);
            }
            total += i128::from((end - start).num_nanoseconds().unwrap());
        }
        prop_assert_eq!(total, bt(cal, a, b));
        let fast = windows;
        prop_assert_eq!(fast, ref_open_windows(cal, a, b));
    }

    /// next_open(t) >= t, open there, nothing open in between; == reference.
    #[test]
    fn next_open_is_the_next_opening(t in instant()) {
        let cal = &*MUNICH;
        let fast = cal.next_open(&t).ok().map(|n| n.with_timezone(&Utc));
        prop_assert_eq!(fast, ref_next_open(cal, t));
        prop_assert_eq!(is_open(cal, t), ref_is_open(cal, t));
        if let Some(n) = fast {
            prop_assert!(n >= t);
            prop_assert!(is_open(cal, n));
            prop_assert_eq!(bt(cal, t, n), 0);
            prop_assert_eq!(n == t, is_open(cal, t));
        }
    }
}

proptest! {
    #![proptest_config(cases(256))]

    /// Counting back: before == reference, exact, the latest such instant,
    /// and the mirror of due both ways; next_close, previous_open and
    /// previous_close == reference.
    #[test]
    fn counting_back_mirrors_due(t in instant(), d in small_target()) {
        check_backwards(&MUNICH, BERLIN, t, d)?;
    }

    /// Counting back by up to 10,000 business days composes and undoes
    /// due (too long for the reference).
    #[test]
    fn huge_counts_back_are_self_consistent(t in instant(), a in huge_target(), b in huge_target()) {
        let cal = &*MUNICH;
        let whole = before(cal, t, a + b);
        prop_assert_eq!(whole, before(cal, t, a).and_then(|s| before(cal, s, b)));
        if let Some(s) = whole {
            prop_assert_eq!(bt(cal, s, t), i128::from(a + b));
        }
        if let Some(u) = due(cal, t, a) {
            let expected = if a == 0 { Some(t) } else { change(|x| cal.next_open(x), t) };
            prop_assert_eq!(before(cal, u, a), expected);
        }
    }

    /// Business-day dates == reference, and the identities: adding then
    /// subtracting gives back a business day, counting agrees with
    /// stepping.
    #[test]
    fn business_days_match_reference(date in special_date(), n in prop_oneof![-3i32..=3, -40i32..=40], span in 0u64..=70) {
        check_business_days(&MUNICH, date, n, span)?;
    }

    /// Rolls, both counting conventions, `due_at_open` and
    /// `add_business_days_at` == reference on the Munich calendar.
    #[test]
    fn rolls_counts_and_days_at_a_time_match_reference(
        t in instant(),
        n in prop_oneof![-3i32..=3, -40i32..=40],
        d in small_target(),
        span in -70i64..=70,
    ) {
        check_rolls_and_counts(&MUNICH, t, n, d, span)?;
    }

    /// Up to 10,000 business days: composition, and counting over the
    /// whole span agrees (too long for the reference).
    #[test]
    fn huge_business_day_counts_are_self_consistent(date in special_date(), a in 0i32..=10_000, b in 0i32..=10_000) {
        let cal = &*MUNICH;
        let whole = cal.add_business_days(date, a + b).ok();
        let stepwise = cal.add_business_days(date, a).ok().and_then(|d| cal.add_business_days(d, b).ok());
        if a > 0 && b > 0 {
            prop_assert_eq!(whole, stepwise);
        }
        if let Some(end) = whole.filter(|_| a + b > 0) {
            prop_assert_eq!(cal.business_days_in(date.succ_opt().unwrap()..=end).unwrap(), (a + b) as u32);
            if let Ok(back) = cal.add_business_days(end, -(a + b)) {
                prop_assert!(back <= date && cal.business_days_in(back..=date).unwrap() <= 1);
            }
        }
    }
}

/// Easter Sunday is a Sunday between 22 March and 25 April, every year.
#[test]
fn easter_is_a_sunday_between_22_march_and_25_april() {
    for year in 1995..=2099 {
        let easter = easter_sunday(year).unwrap();
        assert_eq!(easter.weekday(), Weekday::Sun, "{easter}");
        assert!(
            date(year, 3, 22) <= easter && easter <= date(year, 4, 25),
            "{easter}"
        );
    }
}

/// Every listed holiday is a holiday and no business day; its neighbours
/// are business days exactly when they are Monday to Friday and not
/// holidays themselves; and nothing else is a holiday.
#[test]
fn munich_holidays_and_their_neighbours() {
    let cal = &*MUNICH;
    let weekday = |d: NaiveDate| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
    let mut listed = std::collections::BTreeSet::new();
    for year in 1995..=2099 {
        let holidays = cal.holidays(year).unwrap();
        assert!(
            (12..=14).contains(&holidays.len()),
            "{year}: {}",
            holidays.len()
        );
        for h in &holidays {
            assert_eq!(h.date.year(), year);
            assert!(cal.is_holiday(h.date).unwrap(), "{}", h.date);
            assert!(!cal.is_business_day(h.date).unwrap(), "{}", h.date);
            for n in [h.date.pred_opt().unwrap(), h.date.succ_opt().unwrap()] {
                if n < first_date() || n > last_date() {
                    continue;
                }
                let expected = weekday(n) && !cal.is_holiday(n).unwrap();
                assert_eq!(
                    cal.is_business_day(n).unwrap(),
                    expected,
                    "{n}, next to {}",
                    h.date
                );
            }
            listed.insert(h.date);
        }
        // Sorted, one entry per date.
        assert!(holidays.windows(2).all(|w| w[0].date < w[1].date), "{year}");
    }
    let mut d = first_date();
    while d <= last_date() {
        assert_eq!(cal.is_holiday(d).unwrap(), listed.contains(&d), "{d}");
        assert_eq!(
            cal.is_business_day(d).unwrap(),
            weekday(d) && !listed.contains(&d),
            "{d}"
        );
        d = d.succ_opt().unwrap();
    }
    // Spot checks from `docs/SEMANTICS.md` section 1.
    assert!(cal.is_holiday(date(2017, 10, 31)).unwrap());
    assert!(!cal.is_holiday(date(2018, 10, 31)).unwrap());
    assert!(cal.is_business_day(date(2026, 12, 24)).unwrap());
    assert!(cal.is_business_day(date(2026, 12, 31)).unwrap());
    assert!(!cal.is_holiday(date(2026, 11, 18)).unwrap()); // Buß- und Bettag
}

/// `open_windows(a, b)` with `b <= a` holds no open time: it must be
/// empty (or an error), never a window that ends at or before its start.
/// (It once returned `[a, a)` and the inverted `[b, a)` when `a` lay
/// strictly inside an opening window.)
#[test]
fn open_windows_of_an_empty_span_is_empty() {
    let cal = &*MUNICH;
    let a = cal.parse_datetime("2037-05-29T10:00:00.000000001").unwrap();
    let b = cal.parse_datetime("2037-05-29T12:00:00").unwrap();
    assert_eq!(cal.open_windows(&a, &a).unwrap(), vec![]);
    let reversed = cal.open_windows(&b, &a);
    assert!(reversed.is_err() || reversed.unwrap().is_empty());
}

/// The holidays are exactly the table of `docs/SEMANTICS.md` section 1, written out
/// here again from the contract (Easter from `easter_sunday`, which the
/// test above and the unit tests check).
#[test]
fn munich_holidays_are_the_contract_table() {
    let cal = &*MUNICH;
    for year in 1995..=2099 {
        let easter = easter_sunday(year).unwrap();
        let from_easter = |days: i64| easter + TimeDelta::days(days);
        let mut expected = vec![
            date(year, 1, 1),
            date(year, 1, 6),
            from_easter(-2),
            from_easter(1),
            date(year, 5, 1),
            from_easter(39),
            from_easter(50),
            from_easter(60),
            date(year, 8, 15),
            date(year, 10, 3),
            date(year, 11, 1),
            date(year, 12, 25),
            date(year, 12, 26),
        ];
        if year == 2017 {
            expected.push(date(2017, 10, 31));
        }
        expected.sort();
        expected.dedup(); // Ascension Day on 1 May (2008)
        let listed: Vec<NaiveDate> = cal.holidays(year).unwrap().iter().map(|h| h.date).collect();
        assert_eq!(listed, expected, "{year}");
    }
}

/// An explanation lists only days that began before the due instant. With
/// a window running to 24:00, a deadline that fills it exactly is the next
/// day's 00:00; that next day played no part.
#[test]
fn explanation_ends_with_the_due_day() {
    use sla_clock::Step;
    let cal = Calendar::builder(chrono_tz::Europe::Berlin)
        .open(Weekday::Mon, "20:00-24:00")
        .open(Weekday::Wed, "10:00-12:00")
        .build()
        .unwrap();
    let created = cal.parse_datetime("2026-03-02T20:00").unwrap(); // Monday
    let explanation = SlaClock::new(&cal, &created, bd(4 * HOUR))
        .unwrap()
        .explain()
        .unwrap();
    assert_eq!(explanation.due.to_rfc3339(), "2026-03-03T00:00:00+01:00");
    assert!(
        !explanation
            .steps
            .iter()
            .any(|s| matches!(s, Step::Skipped { .. })),
        "{explanation}"
    );
}

/// The range edges: the first instant and the last nanosecond are
/// accepted, the instants outside are clear range errors.
#[test]
fn range_edges() {
    let cal = &*MUNICH;
    let (start, end) = (*BERLIN_START, *BERLIN_END);
    assert_eq!(start.to_rfc3339(), "1994-12-31T23:00:00+00:00");
    assert_eq!(end.to_rfc3339(), "2099-12-31T23:00:00+00:00");
    assert!(cal.is_open(&start).is_ok());
    assert!(cal.is_open(&(end - ns(1))).is_ok());
    for outside in [start - ns(1), end] {
        assert!(cal.is_open(&outside).unwrap_err().kind() == sla_clock::ErrorKind::OutOfRange);
        assert!(cal.due(&outside, bd(0)).unwrap_err().kind() == sla_clock::ErrorKind::OutOfRange);
        assert!(
            cal.business_time(&start, &outside).unwrap_err().kind()
                == sla_clock::ErrorKind::OutOfRange
        );
    }
    // The last working day of the range is Thursday 2099-12-31; filling it
    // ends at 18:00, inside the range. One more nanosecond is outside.
    let last_open = cal.parse_datetime("2099-12-31T10:00").unwrap();
    assert_eq!(
        cal.due(&last_open, bd(8 * HOUR)).unwrap().to_rfc3339(),
        "2099-12-31T18:00:00+01:00"
    );
    assert!(
        cal.due(&last_open, bd(8 * HOUR + 1)).unwrap_err().kind()
            == sla_clock::ErrorKind::OutOfRange
    );
    assert_eq!(
        ref_due(cal, last_open.with_timezone(&Utc), i128::from(8 * HOUR + 1)),
        None
    );
}

// ---------------------------------------------------------------------------
// Random custom calendars
// ---------------------------------------------------------------------------

/// Zones with odd offsets and DST rules: 30-minute DST (Lord Howe), a
/// skipped day (Apia, 30 December 2011), DST at midnight (Sao Paulo until
/// 2019, Havana), Ramadan suspensions (Casablanca), a two-hour jump
/// (Troll), negative DST in tzdata (Dublin), +12:45 (Chatham), and
/// zones without DST.
const ZONES: [Tz; 14] = [
    chrono_tz::Europe::Berlin,
    chrono_tz::America::New_York,
    chrono_tz::Asia::Kathmandu,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::Pacific::Apia,
    chrono_tz::America::Sao_Paulo,
    chrono_tz::Asia::Tokyo,
    chrono_tz::UTC,
    chrono_tz::America::Havana,
    chrono_tz::Africa::Casablanca,
    chrono_tz::Antarctica::Troll,
    chrono_tz::Europe::Dublin,
    chrono_tz::Pacific::Chatham,
    chrono_tz::Asia::Tehran,
];

/// One day's windows in seconds from midnight.
type DaySpec = Vec<(u32, u32)>;

#[derive(Debug, Clone)]
struct Spec {
    zone: Tz,
    /// Monday first; each day's windows in seconds from midnight.
    week: [Vec<(u32, u32)>; 7],
    /// Inclusive ranges (one date when both ends are equal).
    closures: Vec<(NaiveDate, NaiveDate)>,
    /// Inclusive ranges with their windows (empty: closed), in the order
    /// given: a later one wins for the dates they share.
    special: Vec<(NaiveDate, NaiveDate, DaySpec)>,
    munich_rules: bool,
}

impl Spec {
    /// Dates where something was said: the ends of the closures and of
    /// the special hours.
    fn marked_dates(&self) -> Vec<NaiveDate> {
        let closures = self.closures.iter().flat_map(|&(a, b)| [a, b]);
        let special = self.special.iter().flat_map(|(a, b, _)| [*a, *b]);
        closures.chain(special).collect()
    }
}

/// Window boundaries: midnight, 24:00, DST switch hours, office hours,
/// quarter hours, any second.
fn boundary_secs() -> impl Strategy<Value = u32> {
    prop_oneof![
        select(vec![
            0,
            3600,
            2 * 3600,
            2 * 3600 + 1800,
            3 * 3600,
            8 * 3600,
            9 * 3600,
            12 * 3600,
            13 * 3600,
            17 * 3600,
            18 * 3600,
            23 * 3600,
            23 * 3600 + 1800,
            24 * 3600,
        ]),
        (0u32..=96).prop_map(|q| q * 900),
        0u32..=86_400,
    ]
}

/// A day's windows: sorted boundaries, each gap between two consecutive
/// ones open or closed at random (so lunch breaks and touching windows).
fn day_spec() -> impl Strategy<Value = Vec<(u32, u32)>> {
    (prop::collection::vec(boundary_secs(), 0..=6), any::<u8>()).prop_map(|(mut b, mask)| {
        b.sort_unstable();
        b.dedup();
        b.windows(2)
            .enumerate()
            .filter(|&(i, _)| mask >> i & 1 == 1)
            .map(|(_, w)| (w[0], w[1]))
            .collect()
    })
}

fn closure_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (0..days_in_range()).prop_map(|d| first_date() + chrono::Days::new(d)),
        // 20 to 31 December: company days off around Christmas.
        (1995..=2099i32, 0u64..12).prop_map(|(y, k)| date(y, 12, 20) + chrono::Days::new(k)),
        // Around Apia's skipped 30 December 2011.
        (2010..=2012i32, 0u64..365).prop_map(|(y, k)| date(y, 1, 1) + chrono::Days::new(k)),
    ]
}

/// Where a range of dates starts: a date as for closures, or a date near
/// one of the zone's offset changes in some year (picked once the zone is
/// known), so that special hours meet clock changes.
#[derive(Debug, Clone)]
enum DateSeed {
    Date(NaiveDate),
    NearChange { year: i32, pick: usize, shift: i64 },
}

fn date_seed() -> impl Strategy<Value = DateSeed> {
    prop_oneof![
        closure_date().prop_map(DateSeed::Date),
        (1995..=2099i32, any::<usize>(), -1i64..=1)
            .prop_map(|(year, pick, shift)| DateSeed::NearChange { year, pick, shift }),
    ]
}

impl DateSeed {
    fn resolve(&self, zone: Tz) -> NaiveDate {
        match *self {
            DateSeed::Date(d) => d,
            DateSeed::NearChange { year, pick, shift } => {
                let from = local_to_utc(zone, date(year, 1, 1).and_hms_opt(0, 0, 0).unwrap());
                let to = local_to_utc(zone, date(year, 12, 31).and_hms_opt(0, 0, 0).unwrap());
                let changes = offset_changes(zone, from, to, TimeDelta::hours(6));
                let day = match changes.get(pick % changes.len().max(1)) {
                    Some(change) => change.with_timezone(&zone).date_naive(),
                    None => date(year, 6, 15),
                };
                (day + TimeDelta::days(shift)).clamp(first_date(), last_date())
            }
        }
    }
}

/// A range from a start seed, 0 to 9 more days (mostly one date).
fn range_seed() -> impl Strategy<Value = (DateSeed, u64)> {
    (date_seed(), prop_oneof![3 => Just(0u64), 2 => 1u64..10])
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        select(ZONES.to_vec()),
        prop::array::uniform7(day_spec()),
        prop::collection::vec(range_seed(), 0..6),
        prop::collection::vec((range_seed(), day_spec()), 0..5),
        any::<bool>(),
    )
        .prop_map(|(zone, mut week, closures, special, munich_rules)| {
            if week.iter().all(Vec::is_empty) {
                week[0].push((9 * 3600, 17 * 3600));
            }
            let range = |(seed, len): &(DateSeed, u64)| {
                let first = seed.resolve(zone);
                (first, (first + chrono::Days::new(*len)).min(last_date()))
            };
            let closures = closures.iter().map(range).collect();
            let special = special
                .iter()
                .map(|(seed, windows)| {
                    let (a, b) = range(seed);
                    (a, b, windows.clone())
                })
                .collect();
            Spec {
                zone,
                week,
                closures,
                special,
                munich_rules,
            }
        })
}

fn time_of_day(secs: u32) -> TimeOfDay {
    TimeOfDay::hms(secs / 3600, secs / 60 % 60, secs % 60).unwrap()
}

fn build(spec: &Spec) -> Calendar {
    let mut builder = Calendar::builder(spec.zone);
    for (i, windows) in spec.week.iter().enumerate() {
        let day = Weekday::try_from(i as u8).unwrap();
        for &(s, e) in windows {
            builder = builder.open(day, &format!("{}-{}", time_of_day(s), time_of_day(e)));
        }
    }
    let texts = |windows: &[(u32, u32)]| -> Vec<String> {
        windows
            .iter()
            .map(|&(s, e)| format!("{}-{}", time_of_day(s), time_of_day(e)))
            .collect()
    };
    for &(a, b) in &spec.closures {
        builder = if a == b {
            builder.closure(a)
        } else {
            builder.closure(a..=b)
        };
    }
    for (a, b, windows) in &spec.special {
        let texts = texts(windows);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        builder = builder.special_hours(*a..=*b, &texts);
    }
    if spec.munich_rules {
        builder = builder.holidays(munich_holiday_rules());
    }
    builder.build().unwrap_or_else(|e| panic!("{spec:?}: {e}"))
}

/// How a query instant is picked for a custom calendar.
#[derive(Debug, Clone)]
struct QuerySeed {
    kind: u8,
    raw: u64,
    jitter: i64,
    target: u64,
    span: i64,
}

fn query_seed() -> impl Strategy<Value = QuerySeed> {
    (0u8..6, any::<u64>(), jitter(), any::<u64>(), span()).prop_map(
        |(kind, raw, jitter, target, span)| QuerySeed {
            kind,
            raw,
            jitter,
            target,
            span,
        },
    )
}

/// Turns a seed into an instant of `cal`'s range: anywhere, near one of the
/// zone's offset changes, near a closure, near a window boundary of some
/// date, or near the ends of the range.
fn seed_instant(cal: &Calendar, spec: &Spec, seed: &QuerySeed) -> DateTime<Utc> {
    let zone = spec.zone;
    let (start, end) = (range_start(zone), range_end(zone));
    let any_date = first_date() + chrono::Days::new(seed.raw % days_in_range());
    let boundary_on = |d: NaiveDate| {
        // The date's own windows (special hours), else its weekday's.
        let mut windows = crate::reference::local_windows(cal, d);
        if windows.is_empty() {
            windows = cal.schedule().windows(d.weekday()).to_vec();
        }
        let secs = if windows.is_empty() {
            (seed.raw >> 20) % 86_401
        } else {
            let w = windows[(seed.raw >> 20) as usize % windows.len()];
            u64::from(
                if seed.raw >> 40 & 1 == 0 {
                    w.start
                } else {
                    w.end
                }
                .seconds_from_midnight(),
            )
        };
        local_to_utc(
            zone,
            d.and_hms_opt(0, 0, 0).unwrap() + TimeDelta::seconds(secs as i64),
        )
    };
    let t = match seed.kind {
        0 => {
            let total = (end - start).num_nanoseconds().unwrap() as u64;
            start + ns((seed.raw % total) as i64)
        }
        1 | 2 => {
            // Near an offset change: the instant itself, or a window
            // boundary on its local date.
            let year = 1995 + (seed.raw % 105) as i32;
            let from = local_to_utc(zone, date(year, 1, 1).and_hms_opt(0, 0, 0).unwrap());
            let to = local_to_utc(zone, date(year, 12, 31).and_hms_opt(0, 0, 0).unwrap());
            let changes = offset_changes(zone, from, to, TimeDelta::hours(6));
            if changes.is_empty() {
                boundary_on(any_date)
            } else {
                let change = changes[(seed.raw >> 8) as usize % changes.len()];
                if seed.kind == 1 {
                    change
                } else {
                    let local = change.with_timezone(&zone).date_naive();
                    let d = if seed.raw >> 50 & 1 == 0 {
                        local
                    } else {
                        local.pred_opt().unwrap()
                    };
                    boundary_on(d)
                }
            }
        }
        3 if !spec.marked_dates().is_empty() => {
            let marked = spec.marked_dates();
            let c = marked[(seed.raw >> 8) as usize % marked.len()];
            let d = match seed.raw >> 50 & 3 {
                0 => c.pred_opt().unwrap(),
                1 => c.succ_opt().unwrap(),
                _ => c,
            };
            // The day before the range's first date or after its last has
            // no windows to ask about.
            boundary_on(d.clamp(first_date(), last_date()))
        }
        4 => {
            if seed.raw & 1 == 0 {
                start + ns((seed.raw >> 1) as i64 % (5 * DAY))
            } else {
                end - ns((seed.raw >> 1) as i64 % (5 * DAY))
            }
        }
        _ => boundary_on(any_date),
    };
    clamp(zone, t + ns(seed.jitter))
}

proptest! {
    #![proptest_config(cases(256))]

    /// Random calendars in zones with odd offsets and DST rules: no query
    /// panics, and due, business time, is_open, next_open and open_windows
    /// agree with the reference.
    #[test]
    fn custom_calendars_agree_with_reference(
        spec in spec(),
        seeds in prop::collection::vec(query_seed(), 6),
    ) {
        let cal = build(&spec);
        let zone = spec.zone;
        let weekly = i64::try_from(cal.schedule().weekly_secs()).unwrap() * NS;
        // Bounded so that the reference walks a few weeks at most.
        let max_target = (200 * HOUR).min(3 * weekly);
        for seed in &seeds {
            let c = seed_instant(&cal, &spec, seed);
            let d = match seed.target % 4 {
                0 => 0,
                1 => ((seed.target >> 2) % (max_target as u64 / NS as u64 + 1)) as i64 * NS,
                _ => ((seed.target >> 2) % (max_target as u64 + 1)) as i64,
            };
            let fast = due(&cal, c, d);
            prop_assert_eq!(fast, ref_due(&cal, c, i128::from(d)), "{:?}: due({}, {}ns)", spec, c, d);
            if let Some(t) = fast {
                prop_assert_eq!(bt(&cal, c, t), i128::from(d));
                if d > 0 {
                    prop_assert!(bt(&cal, c, t - ns(1)) < i128::from(d));
                    prop_assert!(is_open(&cal, t - ns(1)));
                }
                check_explanation(&cal, &SlaClock::new(&cal, &c, bd(d)).unwrap(), &[])?;
            }
            let b = add(zone, c, seed.span);
            prop_assert_eq!(bt(&cal, c, b), ref_business_time(&cal, c, b), "{:?}: [{}, {})", spec, c, b);
            prop_assert_eq!(is_open(&cal, c), ref_is_open(&cal, c), "{:?}: is_open({})", spec, c);
            // A business day is a day with business time, also on the days
            // the clocks change.
            let day = local_date(zone, c);
            prop_assert_eq!(
                cal.is_business_day(day).unwrap(),
                !day_windows(&cal, day).is_empty(),
                "{:?}: is_business_day({})", spec, day
            );
            check_openness(&cal, c, day)?;
            let next = cal.next_open(&c).ok().map(|n| n.with_timezone(&Utc));
            prop_assert_eq!(next, ref_next_open(&cal, c), "{:?}: next_open({})", spec, c);
            let (lo, hi) = (c.min(b), c.max(b));
            // Empty spans: see `open_windows_of_an_empty_span_is_empty`.
            let fast_windows: Vec<_> = cal.open_windows(&lo, &hi).unwrap().iter().map(|w| (w.start.to_utc(), w.end.to_utc())).collect();
            if lo < hi {
                prop_assert_eq!(fast_windows, ref_open_windows(&cal, lo, hi), "{:?}: open_windows({}, {})", spec, lo, hi);
            }

            // Counting back, and the closes and opens around c.
            check_backwards(&cal, zone, c, d)?;
            // Business-day dates from c's date.
            let n = (seed.raw >> 3) as i32 % 25 - 12;
            check_business_days(&cal, day, n, seed.raw % 50)?;
            check_rolls_and_counts(&cal, c, n, d, (seed.raw % 101) as i64 - 50)?;
            // The special hours are the spec's, a later entry winning.
            for marked in spec.marked_dates() {
                for date in [marked.pred_opt().unwrap_or(marked), marked, marked.succ_opt().unwrap_or(marked)] {
                    let expected = spec.special.iter().rev().find(|(a, b, _)| *a <= date && date <= *b).map(|(_, _, w)| {
                        w.iter().map(|&(s, e)| (time_of_day(s), time_of_day(e))).collect::<Vec<_>>()
                    });
                    let listed = cal.special_hours().iter().find(|s| s.dates.contains(date)).map(|s| {
                        s.windows.iter().map(|w| (w.start, w.end)).collect::<Vec<_>>()
                    });
                    prop_assert_eq!(listed, expected, "special hours on {}", date);
                }
            }

            // Queries that must not panic, whatever they answer.
            let huge = i64::try_from(cal.business_day().as_nanos()).unwrap() * 10_000;
            let _ = due(&cal, c, huge);
            let _ = due(&cal, c, (seed.target % (huge as u64 + 1)) as i64);
            let _ = bt(&cal, range_start(zone), c);
            let _ = cal.holidays(1995 + (seed.raw % 105) as i32).unwrap();
        }
    }
}

/// The measure of the union (`any`) or intersection of the members' open
/// windows in `[a, b)`, from the reference: how the combined calendar's
/// business time must come out.
fn ref_combined_time(members: &[&Calendar], any: bool, a: DateTime<Utc>, b: DateTime<Utc>) -> i128 {
    let lists: Vec<_> = members.iter().map(|c| ref_open_windows(c, a, b)).collect();
    // Sweep the boundaries: open while the count of open members says so.
    let mut edges: Vec<(DateTime<Utc>, i32)> = lists
        .iter()
        .flatten()
        .flat_map(|&(s, e)| [(s, 1), (e, -1)])
        .collect();
    edges.sort();
    let need = if any { 1 } else { members.len() as i32 };
    let (mut open, mut since, mut total) = (0, a, 0i128);
    for (t, step) in edges {
        if open >= need {
            total += i128::from((t - since).num_nanoseconds().unwrap());
        }
        open += step;
        since = t;
    }
    total
}

proptest! {
    #![proptest_config(cases(24))]

    /// A union or intersection of two random calendars in random zones is
    /// open exactly when any (all) of them is, and its business time over
    /// a span is the measure of the members' combined windows, from the
    /// reference. In UTC always exact; in a member's zone exact or the
    /// error that names the repeated hour.
    #[test]
    fn combined_calendars_agree_with_their_members(
        a in spec(),
        b in spec(),
        any in any::<bool>(),
        in_utc in any::<bool>(),
        offsets in prop::collection::vec((0i64..3_250 * DAY, 0i64..10 * DAY), 8),
    ) {
        let (ca, cb) = (build(&a), build(&b));
        let members = [&ca, &cb];
        let zone = if in_utc { chrono_tz::UTC } else { a.zone };
        let builder = if any {
            Calendar::union(zone, &members)
        } else {
            Calendar::intersection(zone, &members)
        };
        let combined = match builder.and_then(|b| b.build()) {
            Ok(c) => c,
            Err(e) => {
                prop_assert!(!in_utc, "UTC: {}", e);
                prop_assert!(e.to_string().contains("repeated hour"), "{}", e);
                return Ok(());
            }
        };
        let start = Utc.with_ymd_and_hms(1996, 1, 1, 0, 0, 0).unwrap();
        for &(offset, span) in &offsets {
            // Any nanosecond, or (one in three) a whole hour, where
            // windows open and close.
            let offset = if offset % 3 == 0 { offset - offset % HOUR } else { offset };
            let t = start + ns(offset);
            let open = [&ca, &cb].map(|c| ref_is_open(c, t));
            let expected = if any { open.iter().any(|&o| o) } else { open.iter().all(|&o| o) };
            prop_assert_eq!(is_open(&combined, t), expected, "is_open({})", t);
            let u = t + ns(span);
            prop_assert_eq!(bt(&combined, t, u), ref_combined_time(&members, any, t, u), "[{}, {})", t, u);
        }
    }
}

/// The seconds of the day that `windows` cover.
fn covered_seconds(windows: &[sla_clock::DailyWindow]) -> Vec<bool> {
    let mut open = vec![false; 86_400];
    for w in windows {
        let (s, e) = (
            w.start.seconds_from_midnight(),
            w.end.seconds_from_midnight(),
        );
        for second in &mut open[s as usize..e as usize] {
            *second = true;
        }
    }
    open
}

proptest! {
    #![proptest_config(cases(256))]

    /// A break takes exactly its seconds out of a day's windows, second by
    /// second, and leaves windows that a calendar accepts.
    #[test]
    fn a_break_takes_out_exactly_its_time(
        windows in day_spec(),
        pause in (0u32..86_400, 1u32..86_400),
    ) {
        let tod = |s: u32| TimeOfDay::hms(s / 3600, s / 60 % 60, s % 60).unwrap();
        let window = |(s, e): (u32, u32)| sla_clock::DailyWindow::new(tod(s), tod(e));
        let mut week = sla_clock::WeeklySchedule::closed();
        for &w in &windows {
            week.open(Weekday::Tue, window(w));
        }
        let before = covered_seconds(week.windows(Weekday::Tue));
        let (start, end) = (pause.0, (pause.0 + pause.1).min(86_399));
        prop_assume!(start < end);
        week.take_break(Weekday::Tue, window((start, end)));
        let after = covered_seconds(week.windows(Weekday::Tue));
        for second in 0..86_400usize {
            let in_break = (start as usize..end as usize).contains(&second);
            prop_assert_eq!(after[second], before[second] && !in_break, "second {}", second);
        }
        if week.weekly_secs() > 0 {
            prop_assert!(Calendar::builder(chrono_tz::UTC).schedule(week).build().is_ok());
        }
    }
}

proptest! {
    #![proptest_config(cases(2048))]

    /// A local date-time without an offset reads as chrono's format
    /// `%Y-%m-%dT%H:%M[:%S%.f]` reads it, then in the calendar's zone,
    /// refusing the gap and the fold: the crate reads the fields by hand
    /// for speed. Fields past their range (month 13, 24:00, 30 February)
    /// and fractions of up to twelve digits are drawn too.
    #[test]
    fn local_date_times_read_as_chronos_format(
        year in prop_oneof![1990..2110_i32, 0..10_000_i32],
        month in 0..20_u32,
        day in prop_oneof![1..29_u32, 0..40_u32],
        hour in prop_oneof![0..24_u32, 0..30_u32],
        minute in 0..70_u32,
        second in prop::option::of(0..70_u32),
        fraction in prop::option::of("[0-9]{1,12}"),
        lower_t in any::<bool>(),
    ) {
        let t = if lower_t { 't' } else { 'T' };
        let mut text = format!("{year:04}-{month:02}-{day:02}{t}{hour:02}:{minute:02}");
        if let Some(second) = second {
            text += &format!(":{second:02}");
            if let Some(fraction) = &fraction {
                text += &format!(".{fraction}");
            }
        }
        let format = if second.is_some() { "%Y-%m-%dT%H:%M:%S%.f" } else { "%Y-%m-%dT%H:%M" };
        let leap = second == Some(60);
        let reference = chrono::NaiveDateTime::parse_from_str(&text.replacen('t', "T", 1), format)
            .ok()
            .filter(|_| !leap)
            .and_then(|naive| match BERLIN.from_local_datetime(&naive) {
                LocalResult::Single(t) => Some(t.fixed_offset()),
                _ => None,
            });
        let read = MUNICH.parse_datetime(&text);
        prop_assert_eq!(read.as_ref().ok(), reference.as_ref(), "{}: {:?}", text, read);
    }
}
