//! The files in `data/` against the built-in defaults and the rules.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sla_clock::{Calendar, Policy, Priority, ResponseTarget};

use crate::support::data;

#[test]
fn calendar_template_is_the_builtin_default() {
    let loaded: Calendar = serde_json::from_str(&data("munich-calendar.json")).unwrap();
    assert_eq!(loaded, Calendar::munich());
    // And the file is exactly what the default serialises to, so the
    // template never drifts in form either.
    let written = serde_json::to_string_pretty(&Calendar::munich()).unwrap();
    assert_eq!(written.trim_end(), data("munich-calendar.json").trim_end());
}

#[test]
fn policy_template_is_the_builtin_default() {
    let loaded: Policy = serde_json::from_str(&data("default-policy.json")).unwrap();
    assert_eq!(loaded, Policy::default());
    assert_eq!(
        loaded.target(Priority::Urgent),
        ResponseTarget::BusinessHours(4)
    );
    assert_eq!(
        loaded.target(Priority::Low),
        ResponseTarget::BusinessDays(5)
    );
    let written = serde_json::to_string_pretty(&Policy::default()).unwrap();
    assert_eq!(written.trim_end(), data("default-policy.json").trim_end());
}

/// `data/munich-holidays.csv` was computed independently of the crate
/// (see `data/README.md`); the rules must reproduce it exactly.
#[test]
fn rules_match_the_golden_holiday_list() {
    let csv = data("munich-holidays.csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("date,name_de,name_en"));
    let mut golden: BTreeMap<i32, Vec<(NaiveDate, String, String)>> = BTreeMap::new();
    for line in lines {
        let fields: Vec<&str> = line.split(',').collect();
        let [date, de, en] = fields.as_slice() else {
            panic!("bad line {line:?}");
        };
        let date: NaiveDate = date.parse().unwrap();
        golden
            .entry(chrono::Datelike::year(&date))
            .or_default()
            .push((date, de.to_string(), en.to_string()));
    }
    assert!(golden.len() >= 12, "the list covers at least 2024 to 2035");
    let cal = Calendar::munich();
    for (year, expected) in golden {
        let ours: Vec<(NaiveDate, String, String)> = cal
            .holidays(year)
            .unwrap()
            .into_iter()
            .flat_map(|h| h.names.into_iter().map(move |n| (h.date, n.de, n.en)))
            .collect();
        assert_eq!(ours, expected, "{year}");
    }
}

#[test]
fn calendar_json_round_trips_custom_calendars() {
    let cal = Calendar::builder("America/New_York".parse().unwrap())
        .weekdays("09:00-12:00")
        .weekdays("13:00-17:00")
        .open(chrono::Weekday::Sat, "10:00-24:00")
        .holidays(sla_clock::munich_holiday_rules())
        .closure(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap())
        .business_day(sla_clock::BusinessDuration::from_hours(6))
        .build()
        .unwrap();
    let json = serde_json::to_string(&cal).unwrap();
    let back: Calendar = serde_json::from_str(&json).unwrap();
    assert_eq!(back, cal);
    assert_eq!(
        back.business_day(),
        sla_clock::BusinessDuration::from_hours(6)
    );
    // Any length the builder accepts survives the trip exactly.
    let odd = sla_clock::BusinessDuration::from_secs(8 * 3600 + 30);
    let cal = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .business_day(odd)
        .build()
        .unwrap();
    let back: Calendar = serde_json::from_str(&serde_json::to_string(&cal).unwrap()).unwrap();
    assert_eq!(back.business_day(), odd);
    let sub_second = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .business_day(sla_clock::BusinessDuration::from_nanos(28_800_000_000_001))
        .build();
    assert_eq!(
        sub_second.unwrap_err().to_string(),
        "invalid business day length 8h 0.000000001s; expected whole seconds, more than 0s and at most 24h"
    );
}

#[test]
fn invalid_json_calendars_are_rejected_with_the_reason() {
    let with = |week: &str, zone: &str| {
        format!(r#"{{"time_zone": "{zone}", "week": {week}, "holidays": [], "closures": []}}"#)
    };
    let err =
        serde_json::from_str::<Calendar>(&with(r#"{"monday": ["18:00-10:00"]}"#, "Europe/Berlin"))
            .unwrap_err()
            .to_string();
    assert!(
        err.contains("opening window 18:00-10:00 on monday is empty or ends before it starts"),
        "{err}"
    );
    let err =
        serde_json::from_str::<Calendar>(&with(r#"{"monday": ["10:00-18:00"]}"#, "Mars/Olympus"))
            .unwrap_err()
            .to_string();
    assert!(err.contains("unknown time zone 'Mars/Olympus'"), "{err}");
    let err =
        serde_json::from_str::<Calendar>(&with(r#"{"moonday": ["10:00-18:00"]}"#, "Europe/Berlin"))
            .unwrap_err()
            .to_string();
    assert!(err.contains("unknown field `moonday`"), "{err}");
    let err =
        serde_json::from_str::<Calendar>(&with(r#"{"monday": ["10:00-25:00"]}"#, "Europe/Berlin"))
            .unwrap_err()
            .to_string();
    assert!(err.contains("invalid time of day '25:00'"), "{err}");
    let err = serde_json::from_str::<Policy>(r#"{"urgent": {"business_hours": 4}}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `high`"), "{err}");
}

#[test]
fn typos_in_configuration_are_errors_not_ignored() {
    let rule = r#"{"date": {"kind": "fixed", "month": 12, "day": 24},
                   "name": {"de": "Heiligabend", "en": "Christmas Eve"}, "frist_year": 2030}"#;
    let err = serde_json::from_str::<sla_clock::HolidayRule>(rule)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `frist_year`"), "{err}");
    let date = r#"{"kind": "fixed", "month": 12, "day": 24, "year": 2030}"#;
    let err = serde_json::from_str::<sla_clock::HolidayDate>(date)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `year`"), "{err}");
    let policy = r#"{"urgent": {"business_hours": 4}, "high": {"business_days": 1},
                     "normal": {"business_days": 2}, "low": {"business_days": 5},
                     "critical": {"business_hours": 1}}"#;
    let err = serde_json::from_str::<Policy>(policy)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `critical`"), "{err}");
    let target = r#"{"urgent": {"business_weeks": 4}, "high": {"business_days": 1},
                     "normal": {"business_days": 2}, "low": {"business_days": 5}}"#;
    let err = serde_json::from_str::<Policy>(target)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown variant `business_weeks`"), "{err}");
}

/// `data/support-desk-calendar.json`, the template for a desk's own dates:
/// Munich's week and holidays by region code, a closure day and week,
/// special hours on a Saturday, Christmas Eve and New Year's Eve (inside
/// the closure week: special hours win).
#[test]
fn support_desk_template_says_what_its_readme_says() {
    let cal: Calendar = serde_json::from_str(&data("support-desk-calendar.json")).unwrap();
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(
        cal.holidays(2026).unwrap(),
        Calendar::munich().holidays(2026).unwrap()
    );
    let business = |date| cal.is_business_day(date).unwrap();
    assert!(!business(d(2026, 6, 5)));
    assert!(business(d(2026, 12, 19)));
    assert!(business(d(2026, 12, 24)));
    assert!(!business(d(2026, 12, 29)));
    assert!(business(d(2026, 12, 31)));
    assert!(!business(d(2027, 1, 1)));
    // December 2026: 22 business days in Munich; less the 28th to the
    // 30th, plus Saturday the 19th.
    assert_eq!(
        cal.business_days_in(d(2026, 12, 1)..=d(2026, 12, 31))
            .unwrap(),
        20
    );
    // It reads back as it was written.
    let again: Calendar = serde_json::from_str(&serde_json::to_string(&cal).unwrap()).unwrap();
    assert_eq!(again, cal);
}

#[test]
fn priority_texts_template_is_the_builtin_default() {
    let loaded: sla_clock::PriorityTexts =
        serde_json::from_str(&data("priority-texts.json")).unwrap();
    assert_eq!(loaded, sla_clock::PriorityTexts::default());
    let written = serde_json::to_string_pretty(&sla_clock::PriorityTexts::default()).unwrap();
    assert_eq!(written.trim_end(), data("priority-texts.json").trim_end());
}
