//! Arbitrary bytes as calendar or policy JSON never panic, abort or hang.
//!
//! Services load `Calendar` and `Policy` from configuration files
//! (`data/munich-calendar.json`, `data/default-policy.json`), so the loader
//! must turn any input into either a valid value or an error. When a
//! calendar loads, it is queried the way a service would (holidays of a
//! year, business days, open/next-open, due and business time from a few
//! instants), because a calendar that loads but then panics, aborts on
//! memory or takes seconds per query is just as bad. A loaded calendar also
//! survives a JSON round trip unchanged, and so does every other type with
//! a serde form (priorities, durations, targets, thresholds, pauses,
//! statuses, open windows, holiday rules, explanations).
#![no_main]

use std::fmt::Debug;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;
use sla_clock::{
    BusinessDuration, Calendar, Explanation, HolidayRule, OpenInterval, Pause, Policy, Priority,
    ResponseTarget, RiskThreshold, SlaStatus,
};
use sla_clock_fuzz::expect_out_of_range;

/// Instants spread over the supported range, plus its edges.
const INSTANTS: [&str; 5] = [
    "1995-01-01T00:00:00Z",
    "2011-12-29T23:30:00Z",
    "2026-03-29T00:59:59.5Z",
    "2026-12-18T16:00:00+01:00",
    "2099-12-31T12:00:00Z",
];

static MUNICH: LazyLock<Calendar> = LazyLock::new(Calendar::munich);

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

fn range_error(what: &str, e: sla_clock::Error) {
    expect_out_of_range(what, &e);
}

fn exercise_calendar(cal: &Calendar) {
    // Serialising and loading again gives the same calendar.
    let json = serde_json::to_string(cal).expect("a calendar serialises");
    let again: Calendar = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("a serialised calendar does not load: {e}\n{json}"));
    assert_eq!(&again, cal, "{json}");

    for year in [1994, 1995, 2026, 2099, 2100] {
        match cal.holidays(year) {
            Ok(holidays) => assert!(holidays.windows(2).all(|w| w[0].date < w[1].date)),
            Err(e) => assert!(!(1995..=2099).contains(&year), "{year}: {e}"),
        }
    }
    for (y, m, d) in [(1995, 1, 1), (2011, 12, 30), (2026, 4, 3), (2099, 12, 31)] {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let business = cal.is_business_day(date).expect("a date in range");
        let holiday = cal.is_holiday(date).expect("a date in range");
        assert_eq!(holiday, cal.holiday_on(date).unwrap().is_some(), "{date}");
        if holiday {
            assert!(!business, "{date} is a holiday and a business day");
        }
    }

    let policy = Policy::default();
    for text in INSTANTS {
        let created = instant(text);
        match cal.next_open(&created) {
            Ok(next) => assert!(next >= created, "{text}: next_open {next}"),
            Err(e) => range_error("next_open", e),
        }
        for target in [
            BusinessDuration::ZERO,
            BusinessDuration::from_nanos(1),
            BusinessDuration::from_hours(4),
            BusinessDuration::from_nanos(cal.business_day().as_nanos() * 5),
        ] {
            match cal.due(&created, target) {
                Ok(due) => {
                    let elapsed = cal.business_time(&created, &due).expect("both in range");
                    assert_eq!(elapsed, target, "{text} + {target} = {due}");
                }
                Err(e) => range_error("due", e),
            }
        }
        for p in Priority::ALL {
            if let Err(e) = policy.due(cal, p, &created) {
                range_error("policy due", e);
            }
        }
    }
}

fn exercise_policy(policy: &Policy) {
    let json = serde_json::to_string(policy).expect("a policy serialises");
    assert_eq!(
        serde_json::from_str::<Policy>(&json).ok().as_ref(),
        Some(policy)
    );
    let created = instant("2026-12-18T16:00:00+01:00");
    for p in Priority::ALL {
        // Thousands of business days run past 2099, which is an error, and
        // so is a target too large to count in nanoseconds.
        if let Ok(due) = policy.due(&MUNICH, p, &created) {
            assert!(due >= created, "{p}: {due}");
        }
    }
}

/// Reads `data` as a `T`; when that works, what serialising it writes must
/// read back to the same value.
fn json_round_trip<T>(data: &[u8])
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let Ok(value) = serde_json::from_slice::<T>(data) else {
        return;
    };
    let json = serde_json::to_string(&value)
        .unwrap_or_else(|e| panic!("{value:?} does not serialise: {e}"));
    match serde_json::from_str::<T>(&json) {
        Ok(again) => assert_eq!(again, value, "{json}"),
        Err(e) => panic!("{value:?} written as {json}, which does not read back: {e}"),
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(cal) = serde_json::from_slice::<Calendar>(data) {
        exercise_calendar(&cal);
    }
    if let Ok(policy) = serde_json::from_slice::<Policy>(data) {
        exercise_policy(&policy);
    }
    json_round_trip::<Priority>(data);
    json_round_trip::<ResponseTarget>(data);
    json_round_trip::<RiskThreshold>(data);
    json_round_trip::<Pause>(data);
    json_round_trip::<BusinessDuration>(data);
    json_round_trip::<SlaStatus>(data);
    json_round_trip::<OpenInterval>(data);
    json_round_trip::<HolidayRule>(data);
    json_round_trip::<Explanation>(data);
});
