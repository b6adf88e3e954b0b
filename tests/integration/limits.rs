//! Hostile sizes and shapes of input: each gets a bounded, clear answer,
//! an error that names the limit or the right result, never a hang, an
//! abort or a panic. One test per defect found by an adversarial run.

use chrono::{DateTime, Utc, Weekday};
use sla_clock::{
    BusinessDuration, Calendar, HolidayDate, HolidayRule, Pause, SkipReason, SlaClock, Step,
    TimeOfDay, limits,
};

use crate::support::date;

fn minute_window(minute: u32) -> String {
    let (h, m) = (minute / 60 % 24, minute % 60);
    format!("{h:02}:{m:02}:00-{h:02}:{m:02}:30")
}

#[test]
fn windows_per_day_are_bounded() {
    let mut builder = Calendar::builder("Europe/Berlin".parse().unwrap());
    for minute in (0..=limits::MAX_WINDOWS_PER_DAY as u32).rev() {
        builder = builder.open(Weekday::Mon, &minute_window(minute));
    }
    assert_eq!(
        builder.build().unwrap_err().to_string(),
        "too many opening windows on monday: 25, more than the limit of 24 (see sla_clock::limits)"
    );
}

#[test]
fn a_day_at_the_window_limit_is_answered() {
    // 24 windows on every day of the week, the most the limits allow: the
    // whole table is built and answers exactly.
    let mut builder = Calendar::builder("Europe/Berlin".parse().unwrap());
    for day in [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ] {
        for hour in 0..24 {
            builder = builder.open(day, &format!("{hour:02}:00-{hour:02}:30"));
        }
    }
    let cal = builder.build().unwrap();
    // 12 business hours a day: 30 minutes in each hour.
    let created = cal.parse_datetime("2026-12-21T10:10").unwrap();
    let due = cal.due(&created, BusinessDuration::from_hours(12)).unwrap();
    assert_eq!(due.to_rfc3339(), "2026-12-22T10:10:00+01:00");
    let end = cal.parse_datetime("2099-12-31T23:00").unwrap();
    let start = cal.parse_datetime("1995-01-01T00:00").unwrap();
    let days = (date(2100, 1, 1) - date(1995, 1, 1)).num_days();
    // Every day has 12 hours, less the 23:00-23:30 window of the last
    // day, and less the 02:00-02:30 window on each of the 105 days summer
    // time starts (that hour does not exist).
    let expected =
        BusinessDuration::from_hours(12 * days) - BusinessDuration::from_minutes(30 * 106);
    assert_eq!(cal.business_time(&start, &end).unwrap(), expected);
}

#[cfg(feature = "serde")]
#[test]
fn a_hostile_calendar_file_is_refused_by_its_size_not_its_cost() {
    // 100 000 windows on one day, in reverse order: this took 31 s before
    // the "windows overlap" error when every window re-sorted the day.
    let windows: Vec<String> = (0..100_000).rev().map(minute_window).collect();
    let json = format!(
        r#"{{"time_zone": "Europe/Berlin", "week": {{"friday": {}}}}}"#,
        serde_json::to_string(&windows).unwrap()
    );
    let err = serde_json::from_str::<Calendar>(&json).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("too many opening windows on friday: 100000, more than the limit of 24"),
        "{err}"
    );
}

#[test]
fn holiday_rules_are_bounded() {
    let rule = HolidayRule::new(HolidayDate::Fixed { month: 1, day: 2 }, "x", "y");
    let err = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .holidays(vec![rule; limits::MAX_HOLIDAY_RULES + 1])
        .build()
        .unwrap_err();
    assert!(err.kind() == sla_clock::ErrorKind::Limit);
    assert_eq!(
        err.to_string(),
        "too many holiday rules: 1001, more than the limit of 1000 (see sla_clock::limits)"
    );
}

#[test]
fn explaining_with_the_most_rules_is_correct() {
    // One-off holidays on every weekday of 2026 but 1 June, written
    // twice each: the explanation evaluates each year's rules once.
    let mut rules = Vec::new();
    let mut d = date(2026, 5, 1);
    while rules.len() + 2 <= limits::MAX_HOLIDAY_RULES && d < date(2027, 1, 1) {
        if d != date(2026, 6, 1) {
            for en in ["a", "b"] {
                rules.push(HolidayRule::new(HolidayDate::Once { date: d }, "x", en));
            }
        }
        d = d.succ_opt().unwrap();
    }
    let cal = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .holidays(rules)
        .build()
        .unwrap();
    let created = cal.parse_datetime("2026-05-01T10:00").unwrap();
    let explanation = SlaClock::new(&cal, &created, BusinessDuration::from_hours(8))
        .unwrap()
        .explain()
        .unwrap();
    assert_eq!(explanation.due.to_rfc3339(), "2026-06-01T18:00:00+02:00");
    let holidays = explanation
        .steps
        .iter()
        .filter(|s| matches!(s, Step::Skipped { reason: SkipReason::Holiday(h), .. } if h.names.len() == 2))
        .count();
    // 1 May to 31 May 2026: 31 days, each a holiday named twice.
    assert_eq!(holidays, 31);
}

#[test]
fn closures_are_bounded() {
    let mut builder = Calendar::builder(chrono_tz::Europe::Berlin).weekdays("10:00-18:00");
    let mut d = date(1995, 1, 1);
    for _ in 0..=limits::MAX_CLOSURES {
        builder = builder.closure(d);
        d = d.succ_opt().unwrap();
    }
    // A date given twice counts once.
    builder = builder.closure(date(1995, 1, 1));
    assert_eq!(
        builder.build().unwrap_err().to_string(),
        "too many closure dates: 40001, more than the limit of 40000 (see sla_clock::limits)"
    );
}

fn instant(cal: &Calendar, text: &str) -> DateTime<Utc> {
    cal.parse_datetime(text).unwrap().to_utc()
}

#[test]
fn pauses_are_bounded() {
    let cal = Calendar::munich();
    let at = instant(&cal, "2026-12-21T10:00");
    let pauses = vec![Pause::new(at, at).unwrap(); limits::MAX_PAUSES + 1];
    let clock = SlaClock::new(&cal, &at, BusinessDuration::from_hours(4)).unwrap();
    let err = clock.with_pauses(pauses).unwrap_err();
    assert_eq!(
        err.to_string(),
        "too many pauses: 10001, more than the limit of 10000 (see sla_clock::limits)"
    );
}

#[test]
fn explaining_the_most_pauses_is_exact() {
    // A one-minute pause at the start of every business hour, 10 000 of
    // them over 1 250 business days: explain went through every pause for
    // every window before.
    let cal = Calendar::munich();
    let created = instant(&cal, "2026-01-05T10:00");
    let windows = cal
        .open_windows(&created, &instant(&cal, "2099-01-01T00:00"))
        .unwrap();
    let mut pauses = Vec::new();
    'fill: for w in &windows {
        for hour in 0..8 {
            if pauses.len() == limits::MAX_PAUSES {
                break 'fill;
            }
            let from = w.start + chrono::TimeDelta::hours(hour);
            pauses.push(Pause::new(from, from + chrono::TimeDelta::minutes(1)).unwrap());
        }
    }
    let target = BusinessDuration::from_hours(8 * 1_250);
    let clock = SlaClock::new(&cal, &created, target)
        .unwrap()
        .with_pauses(pauses)
        .unwrap();
    let explanation = clock.explain().unwrap();
    let paused = explanation
        .steps
        .iter()
        .filter(|s| matches!(s, Step::Paused { .. }))
        .count();
    assert_eq!(paused, limits::MAX_PAUSES);
    let counted = explanation
        .steps
        .iter()
        .map(|s| match s {
            Step::Counted { used, .. } => *used,
            _ => BusinessDuration::ZERO,
        })
        .fold(BusinessDuration::ZERO, |a, b| a + b);
    assert_eq!(counted, target);
    assert_eq!(explanation.due, clock.due().unwrap());
}

#[test]
fn huge_times_of_day_are_none_not_a_panic() {
    assert_eq!(TimeOfDay::hm(1_193_047, 0), None);
    assert_eq!(TimeOfDay::hms(u32::MAX, u32::MAX, u32::MAX), None);
}

#[test]
fn easter_is_a_sunday_before_the_common_era_too() {
    use chrono::Datelike;
    for year in [-1, 0, -100, -4713, -262_000] {
        let easter = sla_clock::easter_sunday(year).unwrap();
        assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
    }
}

/// Sunday 02:00 to 03:00 in Berlin: on 2026-03-29 that hour does not
/// exist.
fn night_shift() -> Calendar {
    Calendar::builder("Europe/Berlin".parse().unwrap())
        .open(Weekday::Sun, "02:00-03:00")
        .build()
        .unwrap()
}

#[test]
fn a_day_whose_hours_a_clock_change_skips_is_no_business_day() {
    let cal = night_shift();
    assert!(!cal.is_business_day(date(2026, 3, 29)).unwrap());
    assert!(cal.is_business_day(date(2026, 3, 22)).unwrap());
    assert!(cal.is_business_day(date(2026, 4, 5)).unwrap());
    // The fold in October doubles nothing: 02:00 to 03:00 happens twice,
    // and the window is its first occurrence.
    assert!(cal.is_business_day(date(2026, 10, 25)).unwrap());
    let created = cal.parse_datetime("2026-03-28T12:00").unwrap();
    let explanation = SlaClock::new(&cal, &created, BusinessDuration::from_hours(1))
        .unwrap()
        .explain()
        .unwrap();
    assert_eq!(explanation.due.to_rfc3339(), "2026-04-05T03:00:00+02:00");
    assert!(explanation.steps.contains(&Step::Skipped {
        date: date(2026, 3, 29),
        reason: SkipReason::ClockChange
    }));
    assert!(
        explanation.to_string().contains(
            "2026-03-29 Sun  skipped: clock change: the opening hours do not exist in local time"
        ),
        "{explanation}"
    );
}

#[test]
fn a_date_that_never_existed_is_no_business_day() {
    // Samoa moved west of the date line: 2011-12-29 24:00 was followed by
    // 2011-12-31 00:00.
    let cal = Calendar::builder("Pacific/Apia".parse().unwrap())
        .weekdays("09:00-17:00")
        .build()
        .unwrap();
    assert!(!cal.is_business_day(date(2011, 12, 30)).unwrap());
    assert!(cal.is_business_day(date(2011, 12, 29)).unwrap());
    let created = cal.parse_datetime("2011-12-29T16:00").unwrap();
    let explanation = SlaClock::new(&cal, &created, BusinessDuration::from_hours(2))
        .unwrap()
        .explain()
        .unwrap();
    let skipped: Vec<String> = explanation
        .steps
        .iter()
        .filter_map(|s| match s {
            Step::Skipped { date, reason } => Some(format!("{date} {reason}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        skipped,
        [
            "2011-12-30 clock change: the opening hours do not exist in local time",
            "2011-12-31 weekend",
            "2012-01-01 weekend",
        ]
    );
    assert_eq!(explanation.due.to_rfc3339(), "2012-01-02T10:00:00+14:00");
}
