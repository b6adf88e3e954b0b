//! Special hours on dates, closure ranges and builders seeded from a
//! calendar: hand-picked cases with answers worked out by hand from the
//! order of precedence (special hours, then no weekday hours, then a
//! holiday, then a closure) and the contract's arithmetic.

use chrono::Weekday;
use sla_clock::{
    BusinessDuration, Calendar, DateRange, SkipReason, SlaClock, SpecialHours, Step, limits,
};

use crate::support::{date as d, hours};

fn due(cal: &Calendar, created: &str, target: BusinessDuration) -> String {
    let created = cal.parse_datetime(created).unwrap();
    cal.due(&created, target).unwrap().to_rfc3339()
}

/// Munich with Christmas Eve 10:00 to 14:00.
fn half_day_eve() -> Calendar {
    Calendar::munich()
        .to_builder()
        .special_hours(d(2026, 12, 24), &["10:00-14:00"])
        .build()
        .unwrap()
}

#[test]
fn a_half_day_on_christmas_eve() {
    let cal = half_day_eve();
    // High (8 h) from Wednesday 23rd 15:00: 3 h on the 23rd, 4 h on the
    // 24th (10:00 to 14:00), the 25th and 26th are holidays, the 27th a
    // Sunday, 1 h on Monday the 28th.
    assert_eq!(
        due(&cal, "2026-12-23T15:00", hours(8)),
        "2026-12-28T11:00:00+01:00"
    );
    // Filling the half day exactly ends at its close, 14:00.
    assert_eq!(
        due(&cal, "2026-12-24T10:00", hours(4)),
        "2026-12-24T14:00:00+01:00"
    );
    assert!(cal.is_business_day(d(2026, 12, 24)).unwrap());
    let at = |s| cal.parse_datetime(s).unwrap();
    assert!(!cal.is_open(&at("2026-12-24T14:00")).unwrap());
    assert_eq!(
        cal.business_time(&at("2026-12-24T00:00"), &at("2026-12-25T00:00"))
            .unwrap(),
        hours(4)
    );
    // The business day stays the weekly schedule's 8 hours.
    assert_eq!(cal.business_day(), hours(8));
}

#[test]
fn special_hours_win_over_the_weekday_holidays_and_closures() {
    let cal = Calendar::munich()
        .to_builder()
        // Saturday, no weekday hours: a shift.
        .special_hours(d(2026, 12, 19), &["09:00-13:00"])
        // St. Stephen's Day, a holiday: open after all.
        .special_hours(d(2026, 12, 26), &["10:00-12:00"])
        // A closure week, with one day of it open in the afternoon.
        .closure(d(2026, 12, 28)..=d(2027, 1, 1))
        .special_hours(d(2026, 12, 30), &["14:00-16:00"])
        // An ordinary Tuesday, closed.
        .special_hours(d(2027, 1, 5), &[])
        .build()
        .unwrap();
    let business = |date| cal.is_business_day(date).unwrap();
    assert!(business(d(2026, 12, 19)));
    assert!(business(d(2026, 12, 26)));
    assert!(cal.is_holiday(d(2026, 12, 26)).unwrap()); // still named a holiday
    assert!(!business(d(2026, 12, 28)));
    assert!(business(d(2026, 12, 30)));
    assert!(!business(d(2027, 1, 5)));
    assert!(business(d(2027, 1, 4)));
    // From Friday 18th 17:00, 8 h: 1 h Friday, 4 h Saturday, 3 h Monday.
    assert_eq!(
        due(&cal, "2026-12-18T17:00", hours(8)),
        "2026-12-21T13:00:00+01:00"
    );
    // From the 24th 18:00, 4 h: 2 h on the 26th, 2 h on the 30th.
    assert_eq!(
        due(&cal, "2026-12-24T18:00", hours(4)),
        "2026-12-30T16:00:00+01:00"
    );
    // From the 30th 16:00, 9 h: the 31st is closed, the 1st New Year, the
    // 2nd and 3rd a weekend; 8 h on Monday 4th, the 5th closed, the 6th
    // Epiphany, 1 h on Thursday 7th.
    assert_eq!(
        due(&cal, "2026-12-30T16:00", hours(9)),
        "2027-01-07T11:00:00+01:00"
    );
}

#[test]
fn explanations_name_special_closures() {
    let cal = Calendar::munich()
        .to_builder()
        .special_hours(d(2027, 1, 5), &[])
        .special_hours(d(2027, 1, 6), &[]) // Epiphany, still named
        .build()
        .unwrap();
    let created = cal.parse_datetime("2027-01-04T17:00").unwrap();
    let steps = SlaClock::new(&cal, &created, hours(2))
        .unwrap()
        .explain()
        .unwrap()
        .steps;
    let skipped: Vec<_> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Skipped { date, reason } => Some((*date, reason.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(
        skipped,
        vec![
            (d(2027, 1, 5), "special hours: closed".to_string()),
            (
                d(2027, 1, 6),
                "holiday: Heilige Drei Könige / Epiphany".to_string()
            ),
        ]
    );
    assert_eq!(
        SkipReason::ClosedBySpecialHours.to_string(),
        "special hours: closed"
    );
}

#[test]
fn later_special_hours_replace_earlier_ones() {
    let cal = Calendar::munich()
        .to_builder()
        .special_hours(d(2026, 12, 21)..=d(2026, 12, 31), &["10:00-12:00"])
        .special_hours(d(2026, 12, 24), &["10:00-14:00"])
        .special_hours(d(2026, 12, 25)..=d(2026, 12, 26), &[])
        .build()
        .unwrap();
    let w = |text: &str| text.parse().unwrap();
    let entry = |dates: &str, windows: Vec<_>| SpecialHours {
        dates: dates.parse().unwrap(),
        windows,
    };
    assert_eq!(
        cal.special_hours(),
        &[
            entry("2026-12-21/2026-12-23", vec![w("10:00-12:00")]),
            entry("2026-12-24", vec![w("10:00-14:00")]),
            entry("2026-12-25/2026-12-26", vec![]),
            entry("2026-12-27/2026-12-31", vec![w("10:00-12:00")]),
        ]
    );
    // Windows given out of order are sorted; equal definitions are equal.
    let a = Calendar::munich()
        .to_builder()
        .special_hours(d(2026, 12, 24), &["13:00-14:00", "10:00-12:00"])
        .build()
        .unwrap();
    let b = Calendar::munich()
        .to_builder()
        .special_hours(d(2026, 12, 24), &["10:00-12:00", "13:00-14:00"])
        .build()
        .unwrap();
    assert_eq!(a, b);
}

#[test]
fn closure_ranges_join_and_count_each_date_once() {
    let cal = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .closure(d(2026, 12, 24)..=d(2026, 12, 31))
        .closure(d(2027, 1, 1))
        .closure(DateRange::new(d(2026, 12, 28), d(2027, 1, 1)))
        .closure(d(2026, 6, 5))
        .build()
        .unwrap();
    assert_eq!(
        cal.closures(),
        &[
            DateRange::from(d(2026, 6, 5)),
            DateRange::new(d(2026, 12, 24), d(2027, 1, 1))
        ]
    );
    // A closure over the whole supported range fits the limit, and a
    // second one over it counts nothing more.
    let whole = d(1995, 1, 1)..=d(2099, 12, 31);
    let cal = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .closure(whole.clone())
        .closure(whole)
        .special_hours(d(2030, 5, 6), &["10:00-11:00"])
        .build()
        .unwrap();
    assert!(cal.is_business_day(d(2030, 5, 6)).unwrap());
    assert!(!cal.is_business_day(d(2030, 5, 7)).unwrap());
}

#[test]
fn dates_outside_the_range_and_inverted_ranges_are_refused() {
    let base = || Calendar::builder(chrono_tz::Europe::Berlin).weekdays("10:00-18:00");
    let message = |b: sla_clock::CalendarBuilder| b.build().unwrap_err().to_string();
    assert_eq!(
        message(base().closure(d(2099, 12, 30)..=d(2100, 1, 2))),
        "closure date 2100-01-02 is outside the supported range 1995-01-01 to 2099-12-31"
    );
    assert_eq!(
        message(base().special_hours(d(1994, 12, 31), &["10:00-11:00"])),
        "special hours date 1994-12-31 is outside the supported range 1995-01-01 to 2099-12-31"
    );
    assert_eq!(
        message(base().special_hours(d(2027, 1, 2)..=d(2027, 1, 1), &[])),
        "date range 2027-01-02/2027-01-01 ends before it starts"
    );
    assert_eq!(
        message(base().special_hours(d(2027, 1, 4), &["10:00-12:00", "11:00-13:00"])),
        "opening windows 10:00-12:00 and 11:00-13:00 on 2027-01-04 overlap"
    );
    assert_eq!(
        message(base().special_hours(d(2027, 1, 4)..=d(2027, 1, 8), &["10"])),
        "invalid opening window '10'; expected two times of day like '10:00-18:00'"
    );
}

#[test]
fn special_hours_are_bounded() {
    let windows: Vec<String> = (0..=limits::MAX_WINDOWS_PER_DAY)
        .map(|h| format!("{:02}:00-{:02}:30", h % 24, h % 24))
        .collect();
    let windows: Vec<&str> = windows.iter().map(String::as_str).collect();
    let err = Calendar::munich()
        .to_builder()
        .special_hours(d(2026, 12, 24), &windows)
        .build()
        .unwrap_err();
    assert!(err.kind() == sla_clock::ErrorKind::Limit);
    assert_eq!(
        err.to_string(),
        "too many opening windows on 2026-12-24: 25, more than the limit of 24 (see sla_clock::limits)"
    );
    // Dates: the whole range (38 351) fits; five more years (1 826 dates,
    // far outside it) do not.
    let err = Calendar::munich()
        .to_builder()
        .special_hours(d(1995, 1, 1)..=d(2099, 12, 31), &["10:00-11:00"])
        .special_hours(d(1900, 1, 1)..=d(1904, 12, 31), &[])
        .build()
        .unwrap_err();
    assert!(err.kind() == sla_clock::ErrorKind::Limit, "{err}");
    assert_eq!(
        err.to_string(),
        "too many dates with special hours: 40177, more than the limit of 40000 (see sla_clock::limits)"
    );
}

#[test]
fn a_builder_from_a_calendar_starts_where_it_is() {
    let munich = Calendar::munich();
    assert_eq!(munich.to_builder().build().unwrap(), munich);
    // An explicit business day is kept; a derived one follows the week.
    let explicit = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("08:00-18:00")
        .business_day(hours(8))
        .closure(d(2026, 12, 24)..=d(2026, 12, 26))
        .special_hours(d(2026, 12, 31), &["08:00-12:00"])
        .build()
        .unwrap();
    let again = explicit.to_builder().build().unwrap();
    assert_eq!(again, explicit);
    assert_eq!(again.business_day(), hours(8));
    let derived = munich
        .to_builder()
        .schedule(sla_clock::WeeklySchedule::weekdays(
            "09:00-16:00".parse().unwrap(),
        ))
        .build()
        .unwrap();
    assert_eq!(derived.business_day(), hours(7));
    // Adding to a seeded builder adds.
    let saturdays = munich
        .to_builder()
        .open(Weekday::Sat, "10:00-12:00")
        .build()
        .unwrap();
    assert!(saturdays.is_business_day(d(2026, 12, 19)).unwrap());
    assert_eq!(
        saturdays.holidays(2026).unwrap(),
        munich.holidays(2026).unwrap()
    );
}

#[cfg(feature = "serde")]
#[test]
fn special_hours_and_closure_ranges_in_json() {
    let json = r#"{
        "time_zone": "Europe/Berlin",
        "week": {"monday": ["10:00-18:00"], "tuesday": ["10:00-18:00"], "wednesday": ["10:00-18:00"],
                 "thursday": ["10:00-18:00"], "friday": ["10:00-18:00"]},
        "holidays": "DE-BY-MUC",
        "closures": ["2026-12-31", "2026-12-28/2026-12-30", "2026-06-05"],
        "special_hours": [
            {"date": "2026-12-24", "windows": ["10:00-14:00"]},
            {"date": "2026-12-19/2026-12-20", "windows": ["10:00-12:00"]},
            {"date": "2026-12-29", "windows": []}
        ]
    }"#;
    let cal: Calendar = serde_json::from_str(json).unwrap();
    // 3 h on the 23rd, 4 h on the 24th; holidays, a Sunday, the closure
    // (the 29th closed by its special hours too), New Year, a weekend;
    // 1 h on Monday 4 January.
    assert_eq!(
        due(&cal, "2026-12-23T15:00", hours(8)),
        "2027-01-04T11:00:00+01:00"
    );
    let config = sla_clock::CalendarConfig::from(&cal);
    let written = serde_json::to_value(&config).unwrap();
    assert_eq!(
        written["closures"],
        serde_json::json!(["2026-06-05", "2026-12-28/2026-12-31"])
    );
    assert_eq!(
        written["special_hours"],
        serde_json::json!([
            {"date": "2026-12-19/2026-12-20", "windows": ["10:00-12:00"]},
            {"date": "2026-12-24", "windows": ["10:00-14:00"]},
            {"date": "2026-12-29", "windows": []}
        ])
    );
    let again: Calendar = serde_json::from_value(written).unwrap();
    assert_eq!(again, cal);
    // Mistakes name themselves.
    let bad = |special: &str| {
        let json = format!(
            r#"{{"time_zone": "Europe/Berlin", "week": {{"monday": ["10:00-18:00"]}}, "special_hours": [{special}]}}"#
        );
        serde_json::from_str::<Calendar>(&json)
            .unwrap_err()
            .to_string()
    };
    assert!(
        bad(r#"{"date": "2026-12-24", "windows": ["10:00-14:00"], "note": "x"}"#)
            .starts_with("unknown field `note`, expected `date` or `windows`"),
        "{}",
        bad(r#"{"date": "2026-12-24", "windows": [], "note": "x"}"#)
    );
    assert!(
        bad(r#"{"date": "2026-12-24/2026-12-20", "windows": []}"#)
            .starts_with("date range 2026-12-24/2026-12-20 ends before it starts"),
    );
    assert!(
        bad(r#"{"date": "24.12.2026", "windows": []}"#).starts_with(
            "invalid date or date range '24.12.2026'; expected YYYY-MM-DD or an inclusive range YYYY-MM-DD/YYYY-MM-DD"
        ),
    );
    // Munich's template has no special hours and writes none.
    let munich = serde_json::to_value(Calendar::munich()).unwrap();
    assert!(munich.get("special_hours").is_none());
}

// ---------------------------------------------------------------------------
// Whole business days at a time of day, rolls and counts on odd days
// ---------------------------------------------------------------------------

fn days_at(cal: &Calendar, start: &str, days: i32) -> String {
    let start = cal.parse_datetime(start).unwrap();
    cal.add_business_days_at(&start, days).unwrap().to_rfc3339()
}

/// A Europe/Berlin calendar open on one weekday only.
fn weekly(day: Weekday, window: &str) -> Calendar {
    Calendar::builder(chrono_tz::Europe::Berlin)
        .open(day, window)
        .build()
        .unwrap()
}

/// A start, a number of business days and the expected answer.
type DaysAt<'a> = (&'a str, i32, &'a str);

/// `add_business_days_at(start, n) == expected` for each case.
#[track_caller]
fn assert_days_at(cal: &Calendar, cases: &[DaysAt<'_>]) {
    for &(start, n, expected) in cases {
        assert_eq!(
            days_at(cal, start, n),
            expected,
            "{start} + {n} business days"
        );
    }
}

#[test]
fn business_days_at_a_time_the_target_does_not_open_at() {
    assert_days_at(
        &half_day_eve(),
        &[
            // 11:00 exists on the half day; 15:00 does not: its last close.
            ("2026-12-23T11:00", 1, "2026-12-24T11:00:00+01:00"),
            ("2026-12-22T15:00", 2, "2026-12-24T14:00:00+01:00"),
            // Back from Monday 28th 15:00 to the half day: its last close.
            ("2026-12-28T15:00", -1, "2026-12-24T14:00:00+01:00"),
        ],
    );
    // A window that starts later: the next opening that day.
    let split = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("08:00-18:00")
        .special_hours(d(2026, 12, 24), &["12:00-13:00", "15:00-16:00"])
        .build()
        .unwrap();
    assert_days_at(
        &split,
        &[
            ("2026-12-23T09:00", 1, "2026-12-24T12:00:00+01:00"),
            ("2026-12-23T14:00", 1, "2026-12-24T15:00:00+01:00"),
            ("2026-12-23T17:00", 1, "2026-12-24T16:00:00+01:00"),
        ],
    );
}

/// The DST gap and fold on a calendar open on Sundays only, across the
/// night's switch hour; and a close at 24:00, which is the next day's
/// 00:00 and belongs to the day it ends.
#[test]
fn business_days_at_a_time_in_the_gap_the_fold_and_at_midnight() {
    let cases: [(Weekday, &str, &[DaysAt<'_>]); 2] = [
        (
            Weekday::Sun,
            "01:00-04:00",
            &[
                // 02:30 does not exist on 29 March 2026: the gap's end.
                ("2026-03-22T02:30", 1, "2026-03-29T03:00:00+02:00"),
                ("2026-04-05T02:30", -1, "2026-03-29T03:00:00+02:00"),
                // 02:30 exists twice on 25 October 2026: the first one.
                ("2026-10-18T02:30", 1, "2026-10-25T02:30:00+02:00"),
                // A start in the second occurrence, adding nothing, stays.
                ("2026-10-25T02:30:00+01:00", 0, "2026-10-25T02:30:00+01:00"),
            ],
        ),
        (
            Weekday::Mon,
            "20:00-24:00",
            &[
                ("2026-03-03T00:00", -1, "2026-02-24T00:00:00+01:00"),
                ("2026-03-03T09:00", -2, "2026-02-17T00:00:00+01:00"),
                ("2026-03-02T23:59", 1, "2026-03-09T23:59:00+01:00"),
            ],
        ),
    ];
    for (day, window, cases) in cases {
        assert_days_at(&weekly(day, window), cases);
    }
}

#[test]
fn rolls_and_counts_at_the_ends_of_the_range() {
    use sla_clock::{EndDate, ErrorKind, Roll};
    let cal = Calendar::munich();
    let (first, last) = (d(1995, 1, 1), d(2099, 12, 31));
    // New Year's Day 1995, a Sunday and a holiday: nothing before it.
    let err = cal.roll_date(first, Roll::Backward).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfRange);
    assert_eq!(
        err.to_string(),
        "there is no business day on or before 1995-01-01 within the supported range 1995-01-01 to 2099-12-31"
    );
    assert_eq!(cal.roll_date(first, Roll::Forward).unwrap(), d(1995, 1, 2));
    assert_eq!(cal.roll_date(last, Roll::Forward).unwrap(), last);
    assert_eq!(
        cal.roll_date(d(2100, 1, 1), Roll::Forward)
            .unwrap_err()
            .to_string(),
        "date 2100-01-01 is outside the supported range 1995-01-01 to 2099-12-31"
    );
    let whole = cal.business_days_in(first..=last).unwrap() as i32;
    assert_eq!(
        cal.business_days_between(first, last, EndDate::Included)
            .unwrap(),
        whole
    );
    assert_eq!(
        cal.business_days_between(first, last, EndDate::Excluded)
            .unwrap(),
        whole - 1
    );
    assert_eq!(
        cal.business_days_between(last, first, EndDate::Excluded)
            .unwrap(),
        -whole
    );
    assert_eq!(
        cal.business_days_between(first, first, EndDate::Included)
            .unwrap(),
        0
    );
    // Any count from the first and last instants: an answer or an error,
    // never a panic.
    let zone = cal.zone();
    let edges = [
        cal.parse_datetime("1995-01-01T00:00").unwrap(),
        cal.parse_datetime("2099-12-31T23:59:59.999999999").unwrap(),
    ];
    for at in edges {
        for n in [i32::MIN, -40_000, -1, 0, 1, 40_000, i32::MAX] {
            if let Ok(t) = cal.add_business_days_at(&at, n) {
                assert_eq!(t.timezone(), zone);
            }
        }
        let _ = cal.roll(&at, Roll::Forward);
        let _ = cal.roll(&at, Roll::Backward);
        let _ = cal.due_at_open(&at, hours(0));
    }
    assert_eq!(
        days_at(&cal, "2099-12-30T12:00", 1),
        "2099-12-31T12:00:00+01:00"
    );
    let err = cal
        .add_business_days_at(&edges[1], 1)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "the calendar does not open after 2099-12-31T23:59:59.999999999+01:00 within the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)"
    );
}
