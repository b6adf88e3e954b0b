//! Properties of the public API as a whole: thread safety and the exact
//! wording of the main error messages.

use chrono::{NaiveDate, Weekday};
use sla_clock::*;

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn every_public_type_is_send_and_sync() {
    assert_send_sync::<BusinessDuration>();
    assert_send_sync::<Calendar>();
    assert_send_sync::<CalendarBuilder>();
    assert_send_sync::<CalendarConfig>();
    assert_send_sync::<DateRange>();
    assert_send_sync::<EndDate>();
    assert_send_sync::<Error>();
    assert_send_sync::<Explanation>();
    assert_send_sync::<Holiday>();
    assert_send_sync::<HolidayDate>();
    assert_send_sync::<HolidayName>();
    assert_send_sync::<HolidayRule>();
    assert_send_sync::<HolidaySet>();
    assert_send_sync::<Language>();
    assert_send_sync::<OpenInterval>();
    assert_send_sync::<DailyWindow>();
    assert_send_sync::<Pause>();
    assert_send_sync::<Policy>();
    assert_send_sync::<Priority>();
    assert_send_sync::<PriorityText>();
    assert_send_sync::<PriorityTexts>();
    assert_send_sync::<Text>();
    assert_send_sync::<ErrorKind>();
    assert_send_sync::<DateRange>();
    assert_send_sync::<SpecialHours>();
    assert_send_sync::<Region>();
    assert_send_sync::<ResponseTarget>();
    assert_send_sync::<RiskThreshold>();
    assert_send_sync::<Roll>();
    assert_send_sync::<SkipReason>();
    assert_send_sync::<SlaClock>();
    assert_send_sync::<SlaStatus>();
    assert_send_sync::<SpecialHours>();
    assert_send_sync::<Step>();
    assert_send_sync::<TimeOfDay>();
    assert_send_sync::<WeekConfig>();
    assert_send_sync::<WeeklySchedule>();
}

#[test]
fn one_calendar_serves_many_threads() {
    let cal = Calendar::munich();
    let created = cal.parse_datetime("2026-12-18T16:00").unwrap();
    let answers: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    cal.due(&created, BusinessDuration::from_hours(4))
                        .unwrap()
                        .to_rfc3339()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(answers.iter().all(|a| a == "2026-12-21T12:00:00+01:00"));
}

fn message<T: std::fmt::Debug>(result: Result<T>) -> String {
    result.unwrap_err().to_string()
}

#[test]
fn range_errors_name_the_range() {
    let cal = Calendar::munich();
    assert_eq!(
        message(cal.holidays(1994)),
        "year 1994 is outside the supported range 1995 to 2099"
    );
    assert_eq!(
        message(cal.is_holiday(NaiveDate::from_ymd_opt(2100, 1, 1).unwrap())),
        "date 2100-01-01 is outside the supported range 1995-01-01 to 2099-12-31"
    );
    let t = cal.parse_datetime("2100-01-01T00:00:00+01:00").unwrap();
    assert_eq!(
        message(cal.is_open(&t)),
        "instant 2100-01-01T00:00:00+01:00 is outside the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)"
    );
    // The last instant of the range is in it.
    let last = cal.parse_datetime("2099-12-31T23:59:59.999999999").unwrap();
    assert!(!cal.is_open(&last).unwrap());
}

#[test]
fn input_errors_name_the_input() {
    let cal = Calendar::munich();
    assert_eq!(
        message("immediately".parse::<Priority>()),
        "unknown priority 'immediately'; expected one of urgent, high, normal, low (or in German: dringend, hoch, normal, niedrig)"
    );
    assert_eq!(
        message(cal.parse_datetime("23.12.2026 15:00")),
        "invalid date-time '23.12.2026 15:00'; expected RFC 3339 like 2026-12-23T15:00:00+01:00 or a local date-time like 2026-12-23T15:00:00 or 2026-12-23T15:00"
    );
    assert_eq!(
        message(cal.parse_datetime("2027-03-28T02:00")),
        "local time '2027-03-28T02:00' does not exist in Europe/Berlin: the clocks skip it when daylight saving time starts; give it with an explicit UTC offset"
    );
    assert_eq!(
        message(cal.parse_datetime("2027-10-31T02:59:59")),
        "local time '2027-10-31T02:59:59' is ambiguous in Europe/Berlin: it occurs twice when daylight saving time ends (2027-10-31T02:59:59+02:00 and 2027-10-31T02:59:59+01:00); give it with an explicit UTC offset"
    );
    assert_eq!(
        message(RiskThreshold::percent(101)),
        "invalid at-risk threshold 101%; expected a percentage from 0 to 100"
    );
}

#[test]
fn calendar_errors_name_the_value() {
    let config = CalendarConfig {
        time_zone: "CEST".into(),
        week: WeekConfig {
            monday: vec!["10:00-18:00".parse().unwrap()],
            ..WeekConfig::default()
        },
        ..CalendarConfig::from(&Calendar::munich())
    };
    assert_eq!(
        message(Calendar::try_from(config)),
        "unknown time zone 'CEST'; expected an IANA zone name such as 'Europe/Berlin' (closest: CET, EST, EET)"
    );
    assert_eq!(
        message(
            Calendar::builder(chrono_tz::Europe::Berlin)
                .open(Weekday::Fri, "10:00-10:00")
                .build()
        ),
        "opening window 10:00-10:00 on friday is empty or ends before it starts"
    );
    assert_eq!(
        message(
            Calendar::builder(chrono_tz::Europe::Berlin)
                .open(Weekday::Sat, "09:00-12:00")
                .open(Weekday::Sat, "11:59-14:00")
                .build()
        ),
        "opening windows 09:00-12:00 and 11:59-14:00 on saturday overlap"
    );
    assert_eq!(
        message(Calendar::builder(chrono_tz::Europe::Berlin).build()),
        "the weekly schedule has no opening hours; add at least one opening window"
    );
    assert_eq!(
        message(
            Calendar::builder(chrono_tz::Europe::Berlin)
                .weekdays("10:00-18:00")
                .holiday(HolidayRule::new(
                    HolidayDate::Fixed { month: 13, day: 1 },
                    "X",
                    "Smarch 1st"
                ))
                .build()
        ),
        "invalid holiday rule 'Smarch 1st': month 13, day 1 is not a date"
    );
}

#[test]
fn threads_asking_a_fresh_calendar_at_once_get_the_same_answers() {
    // A fresh calendar builds each year's table on first touch; eight
    // threads race to touch the same years (and different ones) and must
    // all see the answers one thread alone gets.
    let fresh = || {
        Calendar::builder("America/New_York".parse().unwrap())
            .weekdays("08:00-12:00")
            .weekdays("13:00-17:00")
            .holidays(munich_holiday_rules())
            .build()
            .unwrap()
    };
    let cases: Vec<_> = (0..64)
        .map(|i| {
            let year = 1995 + (i * 13) % 105;
            let created = format!("{year}-03-{:02}T09:30", 1 + i % 28);
            (created, BusinessDuration::from_hours(1 + 37 * i as i64))
        })
        .collect();
    let solo = fresh();
    let expected: Vec<String> = cases
        .iter()
        .map(|(created, target)| {
            let at = solo.parse_datetime(created).unwrap();
            solo.due(&at, *target).unwrap().to_rfc3339()
        })
        .collect();
    for _ in 0..4 {
        let shared = fresh();
        let barrier = std::sync::Barrier::new(8);
        std::thread::scope(|s| {
            for t in 0..8 {
                let (shared, barrier, cases, expected) = (&shared, &barrier, &cases, &expected);
                s.spawn(move || {
                    barrier.wait();
                    for k in 0..cases.len() {
                        let i = (k + t * 7) % cases.len();
                        let (created, target) = &cases[i];
                        let at = shared.parse_datetime(created).unwrap();
                        assert_eq!(shared.due(&at, *target).unwrap().to_rfc3339(), expected[i]);
                    }
                });
            }
        });
    }
}

#[test]
fn the_error_is_one_word_and_says_its_kind() {
    assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    let cal = Calendar::munich();
    assert_eq!(
        "asap".parse::<Priority>().unwrap_err().kind(),
        ErrorKind::Priority
    );
    assert_eq!(
        cal.parse_datetime("2026-03-29T02:30").unwrap_err().kind(),
        ErrorKind::DateTime
    );
    assert_eq!(
        cal.holidays(1994).unwrap_err().kind(),
        ErrorKind::OutOfRange
    );
    assert_eq!(
        Calendar::builder(chrono_tz::Europe::Berlin)
            .build()
            .unwrap_err()
            .kind(),
        ErrorKind::Calendar
    );
    assert_eq!(
        "150%".parse::<RiskThreshold>().unwrap_err().kind(),
        ErrorKind::Policy
    );
    assert_eq!(
        "4 hours".parse::<BusinessDuration>().unwrap_err().kind(),
        ErrorKind::Duration
    );
    assert_eq!(
        "2026-12-21T12:00:00Z".parse::<Pause>().unwrap_err().kind(),
        ErrorKind::Pause
    );
}

#[test]
fn pauses_read_what_they_print() {
    let cal = Calendar::munich();
    for text in [
        "2026-12-21T11:00:00Z/2026-12-21T13:00:00Z",
        "2026-12-21T11:00:00.500Z/..",
    ] {
        assert_eq!(text.parse::<Pause>().unwrap().to_string(), text);
    }
    // Any offset is read; local times need the calendar.
    let pause: Pause = "2026-12-21T12:00:00+01:00/2026-12-21T14:00:00+01:00"
        .parse()
        .unwrap();
    assert_eq!(
        pause,
        cal.parse_pause("2026-12-21T12:00/2026-12-21T14:00")
            .unwrap()
    );
    assert_eq!(
        "2026-12-21T12:00/2026-12-21T14:00"
            .parse::<Pause>()
            .unwrap_err()
            .to_string(),
        "invalid instant '2026-12-21T12:00'; expected RFC 3339 with an offset like \
         2026-12-23T15:00:00+01:00 or 2026-12-23T14:00:00Z"
    );
}

#[test]
fn a_response_after_now_is_not_known_yet() {
    let cal = Calendar::munich();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    let clock = SlaClock::new(
        &cal,
        &at("2026-12-21T10:00"),
        BusinessDuration::from_hours(4),
    )
    .unwrap();
    let answered = clock
        .clone()
        .with_response(&at("2026-12-21T13:00"))
        .unwrap();
    // At 11:00 the 13:00 answer has not happened: pending, with a timer,
    // exactly as without any answer.
    let now = at("2026-12-21T11:00");
    assert_eq!(answered.status(&now).unwrap().name(), "pending");
    assert!(answered.next_change(&now).unwrap().is_some());
    assert_eq!(
        answered.reading(&now).unwrap(),
        clock.reading(&now).unwrap()
    );
    // At 13:30 it has, and the time left is the time left at 13:00.
    let now = at("2026-12-21T13:30");
    assert_eq!(answered.status(&now).unwrap().name(), "met");
    assert_eq!(answered.next_change(&now).unwrap(), None);
    assert_eq!(
        answered.remaining(&now).unwrap(),
        BusinessDuration::from_hours(1)
    );
}

#[test]
fn a_pause_still_running_ends_at_now() {
    let cal = Calendar::munich();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    let target = BusinessDuration::from_hours(4);
    let waiting = SlaClock::new(&cal, &at("2026-12-21T10:00"), target)
        .unwrap()
        .with_pauses([Pause::since(at("2026-12-21T11:00"))])
        .unwrap();
    // Waiting since 11:00: at 13:00 two hours of waiting push the due
    // instant from 14:00 to 16:00, and the clock stands still.
    let now = at("2026-12-21T13:00");
    match waiting.status(&now).unwrap() {
        SlaStatus::Pending { remaining, due } => {
            assert_eq!(remaining, BusinessDuration::from_hours(3));
            assert_eq!(due.to_rfc3339(), "2026-12-21T16:00:00+01:00");
        }
        other => panic!("{other}"),
    }
    assert_eq!(
        waiting.remaining(&now).unwrap(),
        BusinessDuration::from_hours(3)
    );
    assert_eq!(waiting.next_change(&now).unwrap(), None);
    // The same as a closed pause from 11:00 to 13:00, asked at 13:00.
    let closed = SlaClock::new(&cal, &at("2026-12-21T10:00"), target)
        .unwrap()
        .with_pauses([Pause::new(at("2026-12-21T11:00"), now).unwrap()])
        .unwrap();
    assert_eq!(closed.status(&now).unwrap(), waiting.status(&now).unwrap());
    // Before the pause began, it is not there yet.
    let early = at("2026-12-21T10:30");
    assert_eq!(
        waiting.status(&early).unwrap().to_string(),
        "pending: 3h 30m left, due 2026-12-21T14:00:00+01:00[Europe/Berlin]"
    );
}
