//! Calendars combined (`Calendar::union`, `Calendar::intersection`), worked
//! by hand: follow-the-sun desks, shared hours, the errors. The property
//! test against the members is `properties::combined_calendars_agree_with_their_members`.

use chrono::Weekday;
use chrono_tz::{Europe, UTC};
use sla_clock::{BusinessDuration, Calendar, ErrorKind, SlaClock};

fn desks() -> [Calendar; 3] {
    let region = |code: &str, zone| {
        Calendar::builder(zone)
            .weekdays("09:00-17:00")
            .holidays_of(code)
            .build()
            .unwrap()
    };
    [
        Calendar::munich(),
        region("AT", Europe::Vienna),
        region("CH-ZH", Europe::Zurich),
    ]
}

#[test]
fn any_desk_open_follows_the_holidays_of_each() {
    let [munich, vienna, zurich] = desks();
    let any = Calendar::union(Europe::Berlin, &[&munich, &vienna, &zurich])
        .unwrap()
        .build()
        .unwrap();
    let at = |text| any.parse_datetime(text).unwrap();
    // 8 December: Vienna closes (Mariä Empfängnis), Munich and Zurich do not.
    assert!(any.is_open(&at("2026-12-08T09:30")).unwrap());
    // 26 December is a holiday at all three desks, and a Saturday.
    assert!(!any.is_open(&at("2026-12-26T12:00")).unwrap());
    // Opening at 09:00 (Vienna, Zurich), closing at 18:00 (Munich).
    assert_eq!(
        any.next_open(&at("2026-12-21T07:00")).unwrap().to_rfc3339(),
        "2026-12-21T09:00:00+01:00"
    );
    assert_eq!(
        any.next_close(&at("2026-12-21T12:00"))
            .unwrap()
            .to_rfc3339(),
        "2026-12-21T18:00:00+01:00"
    );
    // A clock on the combined calendar: due and explanation agree.
    let created = at("2026-12-23T16:00");
    let clock = SlaClock::new(&any, &created, BusinessDuration::from_hours(9)).unwrap();
    let due = clock.due().unwrap();
    // 23 Dec 16-18 (2 h), 24 Dec 9-18 (9 h, none of the three closes):
    // 7 h on the 24th make 9, at 16:00.
    assert_eq!(due.to_rfc3339(), "2026-12-24T16:00:00+01:00");
    assert_eq!(clock.explain().unwrap().due, due);
}

#[test]
fn both_open_is_the_shared_hours() {
    let [munich, vienna, _] = desks();
    let both = Calendar::intersection(Europe::Berlin, &[&munich, &vienna])
        .unwrap()
        .build()
        .unwrap();
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // 10:00 to 17:00 on a day both work; 8 December only Munich works.
    let monday = both.parse_datetime("2026-12-21T00:00").unwrap();
    let tuesday = both.parse_datetime("2026-12-22T00:00").unwrap();
    assert_eq!(
        both.business_time(&monday, &tuesday).unwrap(),
        BusinessDuration::from_hours(7)
    );
    assert!(!both.is_business_day(day(2026, 12, 8)).unwrap());
    assert!(both.is_business_day(day(2026, 12, 7)).unwrap());
    // The business day is the first calendar's unless set.
    assert_eq!(both.business_day(), munich.business_day());
}

#[test]
fn a_boundary_in_the_repeated_hour_is_an_error_that_says_so() {
    // 01:30 UTC on the Sunday summer time ends is 02:30 in Berlin the
    // second time: first on 24 September 1995, the range's first autumn.
    let night = Calendar::builder(UTC)
        .open(Weekday::Sun, "01:30-05:00")
        .build()
        .unwrap();
    let err = Calendar::union(Europe::Berlin, &[&night]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Calendar);
    assert_eq!(
        err.to_string(),
        "the combined hours change at 1995-09-24T02:30:00+01:00, in the repeated hour of a clock \
         change, which local times in Europe/Berlin cannot name; combine in UTC or in a zone \
         without that change"
    );
    // In UTC the same hours are exact.
    let utc = Calendar::union(UTC, &[&night]).unwrap().build().unwrap();
    let sunday = utc.parse_datetime("2026-10-25T01:30:00Z").unwrap();
    assert!(utc.is_open(&sunday).unwrap());
}

#[test]
fn nothing_to_combine_and_too_many_are_errors() {
    let err = Calendar::union(UTC, &[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no calendars to combine; give at least one"
    );
    let munich = Calendar::munich();
    let many = vec![&munich; sla_clock::limits::MAX_COMBINED_CALENDARS + 1];
    let err = Calendar::intersection(UTC, &many).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Limit);
}

#[cfg(feature = "serde")]
#[test]
fn a_combined_calendar_reads_back_from_its_configuration() {
    let [munich, vienna, _] = desks();
    let any = Calendar::union(Europe::Berlin, &[&munich, &vienna])
        .unwrap()
        .build()
        .unwrap();
    let json = serde_json::to_string(&sla_clock::CalendarConfig::from(&any)).unwrap();
    let back = Calendar::from_json(&json).unwrap();
    assert_eq!(back, any);
}
