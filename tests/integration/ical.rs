//! iCalendar import (feature `ical`): `data/company-closures.ics` and
//! hand-written events, each kind of event with the closures it gives or
//! the error that names it.

use sla_clock::{Calendar, DateRange, limits};

use crate::support::{data, date as d};

/// An iCalendar text with these events, each given as its lines.
fn ics(events: &[&[&str]]) -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for (i, lines) in events.iter().enumerate() {
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:event-{i}\r\nDTSTAMP:20260101T000000Z\r\n"
        ));
        for line in *lines {
            text.push_str(line);
            text.push_str("\r\n");
        }
        text.push_str("END:VEVENT\r\n");
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

fn closures(text: &str) -> Result<Vec<DateRange>, String> {
    Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .closures_from_ical(text)
        .build()
        .map(|cal| cal.closures().to_vec())
        .map_err(|e| e.to_string())
}

#[test]
fn the_company_file_closes_what_it_says() {
    let cal = Calendar::munich()
        .to_builder()
        .closures_from_ical(&data("company-closures.ics"))
        .build()
        .unwrap();
    let closed = |date| cal.closures().iter().any(|r| r.contains(date));
    // The shutdown week: DTEND is exclusive.
    assert!(closed(d(2026, 12, 28)) && closed(d(2027, 1, 1)) && !closed(d(2027, 1, 2)));
    // Christmas Eve every year from 2024 to 2099, but not in 2028 (EXDATE).
    for year in 2024..=2099 {
        assert_eq!(closed(d(year, 12, 24)), year != 2028, "{year}");
    }
    assert!(!closed(d(2023, 12, 24)));
    // The company outing (DURATION P1D).
    assert!(closed(d(2026, 6, 5)) && !closed(d(2026, 6, 6)));
    // The summer party on the last Friday of July to 2030, in 2027 moved a
    // week earlier (RECURRENCE-ID).
    for date in [
        d(2025, 7, 25),
        d(2026, 7, 31),
        d(2027, 7, 23),
        d(2028, 7, 28),
        d(2029, 7, 27),
        d(2030, 7, 26),
    ] {
        assert!(closed(date), "{date}");
    }
    assert!(!closed(d(2027, 7, 30)));
    assert!(!closed(d(2031, 7, 25)));
    // The cancelled team day closes nothing.
    assert!(!closed(d(2026, 10, 16)));
    // High from 23 December 2026 15:00: 3 h, the 24th closed, holidays,
    // Sunday, the shutdown, New Year, a weekend: 5 h on Monday 4 January.
    let created = cal.parse_datetime("2026-12-23T15:00").unwrap();
    let due = cal
        .due(&created, sla_clock::BusinessDuration::from_hours(8))
        .unwrap();
    assert_eq!(due.to_rfc3339(), "2027-01-04T15:00:00+01:00");
}

#[test]
fn all_day_events_close_their_dates() {
    let one = |lines: &[&str]| closures(&ics(&[lines]));
    assert_eq!(
        one(&["DTSTART;VALUE=DATE:20261224"]),
        Ok(vec![DateRange::from(d(2026, 12, 24))])
    );
    // A date without VALUE=DATE is read as a date too.
    assert_eq!(
        one(&["DTSTART:20261224"]),
        Ok(vec![DateRange::from(d(2026, 12, 24))])
    );
    assert_eq!(
        one(&["DTSTART;VALUE=DATE:20261224", "DURATION:P1W"]),
        Ok(vec![DateRange::new(d(2026, 12, 24), d(2026, 12, 30))])
    );
    // An end on the start is one day, as calendar programs show it.
    assert_eq!(
        one(&["DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261224"]),
        Ok(vec![DateRange::from(d(2026, 12, 24))])
    );
    // Monday to Thursday every week over the whole range: one closure a
    // week, 1995-01-02 to 2099-12-31 (a Thursday).
    assert_eq!(
        one(&[
            "DTSTART;VALUE=DATE:19950102",
            "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH"
        ])
        .map(|c| c.len()),
        Ok(5479)
    );
}

#[test]
fn recurrences_are_expanded_within_the_range() {
    let one = |lines: &[&str]| closures(&ics(&[lines]));
    // A yearly event from 1990: its occurrences from 1995 on.
    let yearly = one(&["DTSTART;VALUE=DATE:19901231", "RRULE:FREQ=YEARLY"]).unwrap();
    assert_eq!(yearly.len(), 105);
    assert_eq!(yearly[0], DateRange::from(d(1995, 12, 31)));
    // Two days from 31 December 1994: its first occurrence runs into the
    // range (the 1st is closed); the last one is cut at its end.
    let two_days = one(&[
        "DTSTART;VALUE=DATE:19941231",
        "DURATION:P2D",
        "RRULE:FREQ=YEARLY",
    ])
    .unwrap();
    assert_eq!(two_days[0], DateRange::from(d(1995, 1, 1)));
    assert_eq!(two_days.last(), Some(&DateRange::from(d(2099, 12, 31))));
    // COUNT, UNTIL as a date, RDATE and EXDATE lists.
    assert_eq!(
        one(&[
            "DTSTART;VALUE=DATE:20260101",
            "RRULE:FREQ=MONTHLY;UNTIL=20260401",
            "RDATE;VALUE=DATE:20260615,20260616",
            "EXDATE;VALUE=DATE:20260201",
            "EXDATE;VALUE=DATE:20260301",
        ]),
        Ok(vec![
            DateRange::from(d(2026, 1, 1)),
            DateRange::from(d(2026, 4, 1)),
            DateRange::new(d(2026, 6, 15), d(2026, 6, 16)),
        ])
    );
    assert_eq!(
        one(&["DTSTART;VALUE=DATE:20260105", "RRULE:FREQ=DAILY;COUNT=3"]),
        Ok(vec![DateRange::new(d(2026, 1, 5), d(2026, 1, 7))])
    );
}

#[test]
fn what_is_not_read_is_refused_by_name() {
    let one = |lines: &[&str]| closures(&ics(&[lines])).unwrap_err();
    assert_eq!(
        one(&[
            "SUMMARY:Board meeting",
            "DTSTART:20261224T090000Z",
            "DTEND:20261224T100000Z"
        ]),
        "iCalendar event 'Board meeting': starts at a time of day (DTSTART 20261224T090000Z); \
         only all-day events are read, as closures (give part-day hours as special hours)"
    );
    assert_eq!(
        one(&[
            "SUMMARY:Offsite",
            "DTSTART;TZID=Europe/Berlin:20261224T090000"
        ]),
        "iCalendar event 'Offsite': starts at a time of day (DTSTART 20261224T090000); \
         only all-day events are read, as closures (give part-day hours as special hours)"
    );
    assert_eq!(
        one(&[
            "SUMMARY:Odd",
            "DTSTART;VALUE=DATE:20261224",
            "DURATION:PT4H"
        ]),
        "iCalendar event 'Odd': unsupported DURATION 'PT4H'; an all-day event lasts whole days \
         or weeks, such as P1D or P2W"
    );
    assert_eq!(
        one(&[
            "SUMMARY:Back",
            "DTSTART;VALUE=DATE:20261224",
            "DTEND;VALUE=DATE:20261220"
        ]),
        "iCalendar event 'Back': ends before it starts (DTSTART 20261224, DTEND 20261220)"
    );
    assert_eq!(
        one(&[
            "SUMMARY:Hourly",
            "DTSTART;VALUE=DATE:20261224",
            "RRULE:FREQ=HOURLY"
        ]),
        "iCalendar event 'Hourly': recurrence rule 'FREQ=HOURLY' repeats more often than daily; \
         an all-day event repeats at most daily"
    );
    assert!(
        one(&[
            "SUMMARY:Bad rule",
            "DTSTART;VALUE=DATE:20261224",
            "RRULE:FREQ=FORTNIGHTLY"
        ])
        .starts_with("iCalendar event 'Bad rule': invalid recurrence rule 'FREQ=FORTNIGHTLY': "),
    );
    assert_eq!(
        one(&["SUMMARY:Old", "DTSTART;VALUE=DATE:19941224"]),
        "iCalendar event 'Old': falls on 1994-12-24, outside the supported range 1995-01-01 to 2099-12-31"
    );
    assert_eq!(
        one(&["SUMMARY:Nothing"]),
        "iCalendar event 'Nothing': has no DTSTART"
    );
    assert_eq!(
        one(&[
            "SUMMARY:Ex",
            "DTSTART;VALUE=DATE:20261224",
            "RRULE:FREQ=YEARLY",
            "EXDATE:20271224T000000Z"
        ]),
        "iCalendar event 'Ex': EXDATE '20271224T000000Z' is not a date (YYYYMMDD); an all-day \
         event's EXDATE names dates"
    );
    let err = closures("BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n").unwrap_err();
    assert!(err.starts_with("invalid iCalendar text: "), "{err}");
}

#[test]
fn iterations_and_occurrences_are_bounded() {
    // A rule that never matches (30 February) closes nothing, quickly;
    // so does one whose occurrences all lie before the range.
    let started = std::time::Instant::now();
    let never: &[&str] = &[
        "DTSTART;VALUE=DATE:20260101",
        "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    ];
    let old: &[&str] = &[
        "DTSTART;VALUE=DATE:19800101",
        "RRULE:FREQ=DAILY;UNTIL=19941231",
    ];
    assert_eq!(closures(&ics(&[never, old])), Ok(vec![]));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // More rules than the limit are refused before any is expanded.
    let yearly: &[&str] = &["DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY"];
    let many = vec![yearly; limits::MAX_ICAL_RULES + 1];
    assert_eq!(
        closures(&ics(&many)).unwrap_err(),
        "too many recurrence rules in the iCalendar text: 201, more than the limit of 200 (see sla_clock::limits)"
    );
    // Three daily events over the whole range: more occurrences than the
    // limit.
    let daily: &[&str] = &["DTSTART;VALUE=DATE:19950101", "RRULE:FREQ=DAILY"];
    let err = closures(&ics(&[daily, daily, daily])).unwrap_err();
    assert_eq!(
        err,
        format!(
            "too many occurrences of the events in the iCalendar text: 115053, more than the limit \
             of {} (see sla_clock::limits)",
            limits::MAX_ICAL_OCCURRENCES
        )
    );
}
