//! Text parsers never panic, and what they accept is consistent.
//!
//! The input, as UTF-8 (lossily), goes to every text parser of the public
//! API: `Calendar::parse_datetime` and `Calendar::parse_pause` on the
//! default Munich calendar and on calendars loaded from JSON in zones with
//! odd DST rules (Lord Howe's 30-minute shift, Sao Paulo's switches at
//! midnight, the day Apia skipped), and the `FromStr` of `Priority`,
//! `TimeOfDay`, `DailyWindow`, `BusinessDuration`, `ResponseTarget`,
//! `RiskThreshold`, `Pause` and `SlaStatus`. These read untrusted text from
//! tickets, command lines and configuration, so a panic is a bug.
//!
//! Checked on success: an accepted date-time prints as RFC 3339 that reads
//! back to the same instant; the arithmetic on it fails only with a range
//! error; every other value prints text that parses back to the same
//! value. And the first 16 bytes, as nanoseconds, make a business duration
//! whose text reads back to it (any `i128`, the extremes included).
#![no_main]

use std::fmt::{Debug, Display};
use std::str::FromStr;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sla_clock::{
    BusinessDuration, Calendar, DailyWindow, Pause, Priority, ResponseTarget, RiskThreshold,
    SlaStatus, TimeOfDay,
};
use sla_clock_fuzz::expect_out_of_range;

fn from_json(json: &str) -> Calendar {
    serde_json::from_str(json).expect("the fuzz target's own calendar loads")
}

static CALENDARS: LazyLock<Vec<Calendar>> = LazyLock::new(|| {
    let calendars = vec![
        Calendar::munich(),
        from_json(
            r#"{"time_zone": "Australia/Lord_Howe", "holidays": [],
                "week": {"sunday": ["01:00-02:15", "02:15-03:00", "09:00-17:00"],
                         "saturday": ["00:00-24:00"]}}"#,
        ),
        from_json(
            r#"{"time_zone": "America/Sao_Paulo", "holidays": [],
                "week": {"saturday": ["22:00-24:00"], "sunday": ["00:00-00:30", "08:00-12:00"],
                         "wednesday": ["09:00-18:00"]}}"#,
        ),
        from_json(
            r#"{"time_zone": "Pacific/Apia", "holidays": [],
                "week": {"thursday": ["20:00-24:00"], "friday": ["00:00-24:00"],
                         "saturday": ["00:00-06:00"]}}"#,
        ),
    ];
    // Build the window tables once, not in the first fuzz iteration.
    for cal in &calendars {
        let _ = cal.next_open(&cal.parse_datetime("2000-01-01T00:00").unwrap());
    }
    calendars
});

/// Parses `text`; when that works, what `Display` writes must parse back
/// to the same value.
fn round_trip<T>(text: &str) -> Option<T>
where
    T: FromStr + Display + PartialEq + Debug,
    T::Err: Display,
{
    let value = text.parse::<T>().ok()?;
    let printed = value.to_string();
    match printed.parse::<T>() {
        Ok(again) => assert_eq!(again, value, "{text:?} -> {printed:?}"),
        Err(e) => panic!(
            "{text:?} reads as {value:?}, written {printed:?}, which does not read back: {e}"
        ),
    }
    Some(value)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    for cal in CALENDARS.iter() {
        if let Ok(pause) = cal.parse_pause(text) {
            let printed = pause.to_string();
            let again = printed.parse::<Pause>();
            assert_eq!(
                again.as_ref().ok(),
                Some(&pause),
                "{text:?} -> {printed:?}: {again:?}"
            );
        }
        let Ok(dt) = cal.parse_datetime(text) else {
            continue;
        };
        let printed = dt.to_rfc3339();
        // RFC 3339 offsets have whole minutes; local mean time before 1900
        // has offsets like +00:53:28 that chrono prints rounded.
        if dt.offset().local_minus_utc() % 60 == 0 {
            let again = cal.parse_datetime(&printed).unwrap_or_else(|e| {
                panic!("{text:?} read as {printed}, which does not read back: {e}")
            });
            assert_eq!(again, dt, "{text:?} -> {printed}");
        }

        // Accepted text names an instant: the arithmetic either works or
        // says it is out of range.
        let range_error = |what: &str, e: sla_clock::Error| {
            expect_out_of_range(&format!("{what} of {text:?} ({printed})"), &e);
        };
        match cal.is_open(&dt) {
            Ok(open) => {
                if let Ok(next) = cal.next_open(&dt) {
                    assert_eq!(
                        open,
                        next == dt,
                        "{text:?}: is_open {open}, next_open {next}"
                    );
                }
            }
            Err(e) => range_error("is_open", e),
        }
        match cal.due(&dt, BusinessDuration::from_hours(8)) {
            Ok(due) => assert!(due >= dt, "{text:?}: due {due} before created"),
            Err(e) => range_error("due", e),
        }
    }

    if let Some(t) = round_trip::<TimeOfDay>(text) {
        assert!(t.seconds_from_midnight() <= 86_400, "{text:?} -> {t:?}");
    }
    round_trip::<Priority>(text);
    round_trip::<DailyWindow>(text);
    round_trip::<ResponseTarget>(text);
    round_trip::<RiskThreshold>(text);
    round_trip::<Pause>(text);
    round_trip::<BusinessDuration>(text);
    round_trip::<SlaStatus>(text);

    // Every business duration's text reads back to it, the extremes
    // included: the first 16 bytes as a number of nanoseconds.
    if let Some(bytes) = data.first_chunk::<16>() {
        let d = BusinessDuration::from_nanos(i128::from_le_bytes(*bytes));
        let printed = d.to_string();
        assert_eq!(printed.parse::<BusinessDuration>().ok(), Some(d), "{printed}");
    }
});
