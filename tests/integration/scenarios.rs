//! Hand-picked dates with answers worked out by hand from the contract
//! (`docs/SEMANTICS.md`, section 3). Each comment says why the answer is
//! what it is.

use chrono::NaiveDate;
use sla_clock::{
    BusinessDuration, Calendar, Pause, Policy, Priority, RiskThreshold, SlaClock, SlaStatus,
};

use crate::support::hours;

fn due(priority: &str, created: &str) -> String {
    let cal = Calendar::munich();
    let created = cal.parse_datetime(created).unwrap();
    Policy::default()
        .due(&cal, priority.parse().unwrap(), &created)
        .unwrap()
        .to_rfc3339()
}

#[test]
fn the_three_worked_examples_of_the_contract() {
    // Friday 16:00, 4 h: 2 h Friday, 2 h Monday.
    assert_eq!(
        due("urgent", "2026-12-18T16:00:00+01:00"),
        "2026-12-21T12:00:00+01:00"
    );
    // Wednesday 15:00, 8 h: 3 h, then 5 h of Christmas Eve, a working day.
    assert_eq!(
        due("high", "2026-12-23T15:00:00+01:00"),
        "2026-12-24T15:00:00+01:00"
    );
    // 16 h: 3 + 8, 25th/26th holidays, 27th Sunday, 5 h on Monday.
    assert_eq!(
        due("normal", "2026-12-23T15:00:00+01:00"),
        "2026-12-28T15:00:00+01:00"
    );
}

#[test]
fn opening_and_closing_seconds() {
    // Monday 21 December 2026.
    assert_eq!(
        due("urgent", "2026-12-21T09:59:59"),
        "2026-12-21T14:00:00+01:00"
    );
    assert_eq!(
        due("urgent", "2026-12-21T10:00:00"),
        "2026-12-21T14:00:00+01:00"
    );
    // One second on Monday, 3:59:59 on Tuesday.
    assert_eq!(
        due("urgent", "2026-12-21T17:59:59"),
        "2026-12-22T13:59:59+01:00"
    );
    // Closed at 18:00:00 sharp: the clock starts on Tuesday.
    assert_eq!(
        due("urgent", "2026-12-21T18:00:00"),
        "2026-12-22T14:00:00+01:00"
    );
    // A target that fills the day ends at the close, never the next opening.
    assert_eq!(
        due("high", "2026-12-21T10:00:00"),
        "2026-12-21T18:00:00+01:00"
    );
    assert_eq!(
        due("normal", "2026-12-18T10:00:00"),
        "2026-12-21T18:00:00+01:00"
    );
    assert_eq!(
        due("urgent", "2026-12-21T14:00:00"),
        "2026-12-21T18:00:00+01:00"
    );
}

#[test]
fn weekends_wait_for_monday() {
    assert_eq!(
        due("urgent", "2026-12-19T12:00"),
        "2026-12-21T14:00:00+01:00"
    );
    assert_eq!(
        due("urgent", "2026-12-18T19:30"),
        "2026-12-21T14:00:00+01:00"
    );
    assert_eq!(due("low", "2026-12-07T10:00"), "2026-12-11T18:00:00+01:00");
}

#[test]
fn each_kind_of_holiday_and_its_neighbours() {
    // Fixed: Epiphany, Tuesday 6 January 2026.
    assert_eq!(
        due("urgent", "2026-01-05T16:00"),
        "2026-01-07T12:00:00+01:00"
    );
    assert_eq!(
        due("urgent", "2026-01-06T11:00"),
        "2026-01-07T14:00:00+01:00"
    );
    assert_eq!(
        due("urgent", "2026-01-07T10:00"),
        "2026-01-07T14:00:00+01:00"
    );
    // Easter-relative: Ascension, Thursday 14 May 2026.
    assert_eq!(
        due("urgent", "2026-05-13T17:00"),
        "2026-05-15T13:00:00+02:00"
    );
    // Whit Monday 25 May 2026 and Corpus Christi, Thursday 4 June 2026.
    assert_eq!(
        due("urgent", "2026-05-22T17:00"),
        "2026-05-26T13:00:00+02:00"
    );
    assert_eq!(due("high", "2026-06-03T12:00"), "2026-06-05T12:00:00+02:00");
    // One-off: 31 October 2017 was a holiday, and 1 November is one every
    // year; DST had ended on 29 October.
    assert_eq!(
        due("urgent", "2017-10-30T17:00"),
        "2017-11-02T13:00:00+01:00"
    );
    // In 2018, 31 October was an ordinary Wednesday.
    assert_eq!(
        due("urgent", "2018-10-30T17:00"),
        "2018-10-31T13:00:00+01:00"
    );
}

#[test]
fn easter_week() {
    // Maundy Thursday 2 April 2026: Good Friday, the weekend and Easter
    // Monday are closed.
    assert_eq!(due("high", "2026-04-02T17:00"), "2026-04-07T17:00:00+02:00");
    assert_eq!(
        due("urgent", "2026-04-03T09:00"),
        "2026-04-07T14:00:00+02:00"
    );
    // Easter 2008 was on 23 March, the earliest in the range but one.
    assert_eq!(
        due("urgent", "2008-03-20T16:00"),
        "2008-03-25T12:00:00+01:00"
    );
}

#[test]
fn from_23_december_to_2_january() {
    // 31 December is a working day; 1 January is not; 2-3 January 2027
    // are a weekend.
    assert_eq!(
        due("urgent", "2026-12-31T17:00"),
        "2027-01-04T13:00:00+01:00"
    );
    assert_eq!(due("high", "2026-12-31T10:00"), "2026-12-31T18:00:00+01:00");
    // 2027: the 24th is a Friday, the 25th and 26th a weekend.
    assert_eq!(due("low", "2027-12-23T15:00"), "2027-12-30T15:00:00+01:00");
    // 31 December 2027 is a Friday and 1 January 2028 a Saturday: 1 h on
    // the 31st, 3 h on Monday 3 January.
    assert_eq!(
        due("urgent", "2027-12-31T17:00"),
        "2028-01-03T13:00:00+01:00"
    );
}

#[test]
fn both_dst_weekends() {
    // Spring 2026: Friday in CET, Monday in CEST. Business time is real
    // time; opening hours are local.
    assert_eq!(
        due("urgent", "2026-03-27T17:00"),
        "2026-03-30T13:00:00+02:00"
    );
    // Autumn 2026: Friday in CEST, Monday in CET.
    assert_eq!(
        due("urgent", "2026-10-23T17:00"),
        "2026-10-26T13:00:00+01:00"
    );
    // Instants inside the switch hours, given with offsets, are absolute.
    assert_eq!(
        due("urgent", "2026-03-29T02:30:00+01:00"),
        "2026-03-30T14:00:00+02:00"
    );
    assert_eq!(
        due("urgent", "2026-10-25T02:30:00+01:00"),
        "2026-10-26T14:00:00+01:00"
    );
    assert_eq!(
        due("urgent", "2026-10-25T02:30:00+02:00"),
        "2026-10-26T14:00:00+01:00"
    );
    // 1995: summer time ended on 24 September.
    assert_eq!(
        due("urgent", "1995-09-22T17:00"),
        "1995-09-25T13:00:00+01:00"
    );
}

#[test]
fn offsets_far_from_berlin() {
    // 18:00 in Tokyo is 10:00 in Munich.
    assert_eq!(
        due("urgent", "2026-12-21T18:00:00+09:00"),
        "2026-12-21T14:00:00+01:00"
    );
    // 10:00 in New York is 16:00 in Munich.
    assert_eq!(
        due("urgent", "2026-12-18T10:00:00-05:00"),
        "2026-12-21T12:00:00+01:00"
    );
    // 20:45 in Kathmandu is 16:00 in Munich.
    assert_eq!(
        due("urgent", "2026-12-21T20:45:00+05:45"),
        "2026-12-22T12:00:00+01:00"
    );
    assert_eq!(
        due("urgent", "2026-12-21T15:00:00Z"),
        "2026-12-22T12:00:00+01:00"
    );
}

#[test]
fn fractions_of_a_second_are_kept() {
    assert_eq!(
        due("urgent", "2026-12-21T11:00:00.25"),
        "2026-12-21T15:00:00.250+01:00"
    );
    assert_eq!(
        due("urgent", "2026-12-21T17:59:59.999999999"),
        "2026-12-22T13:59:59.999999999+01:00"
    );
}

#[test]
fn the_edges_of_the_supported_range() {
    assert_eq!(
        due("urgent", "1995-01-01T00:00"),
        "1995-01-02T14:00:00+01:00"
    );
    assert_eq!(
        due("urgent", "2099-12-31T10:00"),
        "2099-12-31T14:00:00+01:00"
    );
    let cal = Calendar::munich();
    let late = cal.parse_datetime("2099-12-31T17:00").unwrap();
    assert_eq!(
        cal.due(&late, hours(4)).unwrap_err().to_string(),
        "the deadline falls after the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)"
    );
    let early = cal.parse_datetime("1994-12-31T23:59:59").unwrap();
    assert_eq!(
        cal.due(&early, hours(4)).unwrap_err().to_string(),
        "instant 1994-12-31T23:59:59+01:00 is outside the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)"
    );
    // A target far beyond anything the range holds is the same error.
    let start = cal.parse_datetime("1995-01-02T10:00").unwrap();
    let huge = BusinessDuration::from_nanos(i128::from(i64::MAX) - 1);
    assert!(cal.due(&start, huge).unwrap_err().kind() == sla_clock::ErrorKind::OutOfRange);
    assert_eq!(
        cal.due(&start, BusinessDuration::from_hours(i64::MAX))
            .unwrap_err()
            .to_string(),
        format!(
            "business duration {} is too large; the supported range holds far less business time",
            BusinessDuration::from_hours(i64::MAX)
        )
    );
    let after = cal.parse_datetime("2100-01-01T00:00").unwrap();
    assert!(cal.due(&after, hours(4)).unwrap_err().kind() == sla_clock::ErrorKind::OutOfRange);
}

#[test]
fn zero_target_is_due_at_creation() {
    let cal = Calendar::munich();
    let saturday = cal.parse_datetime("2026-12-19T12:34:56").unwrap();
    assert_eq!(
        cal.due(&saturday, BusinessDuration::ZERO).unwrap(),
        saturday
    );
}

#[test]
fn negative_targets_are_refused() {
    let cal = Calendar::munich();
    let t = cal.parse_datetime("2026-12-21T12:00").unwrap();
    assert_eq!(
        cal.due(&t, hours(-1)).unwrap_err().to_string(),
        "invalid response target -1h; a target cannot be negative"
    );
}

#[test]
fn business_time_is_signed() {
    let cal = Calendar::munich();
    let a = cal.parse_datetime("2026-12-18T16:00").unwrap();
    let b = cal.parse_datetime("2026-12-21T12:00").unwrap();
    assert_eq!(cal.business_time(&a, &b).unwrap(), hours(4));
    assert_eq!(cal.business_time(&b, &a).unwrap(), hours(-4));
    assert_eq!(cal.business_time(&a, &a).unwrap(), BusinessDuration::ZERO);
    // A whole year: 2026 has 252 working days in Munich: 261 weekdays less
    // the 9 holidays that fall on one (15 August, 3 October and 26 December
    // are Saturdays, 1 November a Sunday).
    let y0 = cal.parse_datetime("2026-01-01T00:00").unwrap();
    let y1 = cal.parse_datetime("2027-01-01T00:00").unwrap();
    let working_days = (1..=365)
        .filter_map(|d| NaiveDate::from_yo_opt(2026, d))
        .filter(|&d| cal.is_business_day(d).unwrap())
        .count() as i64;
    assert_eq!(
        cal.business_time(&y0, &y1).unwrap(),
        hours(8 * working_days)
    );
    assert_eq!(working_days, 252);
}

#[test]
fn not_holidays_in_munich() {
    let cal = Calendar::munich();
    for (y, m, d) in [
        (2026, 12, 24), // Christmas Eve
        (2026, 12, 31), // New Year's Eve
        (2026, 11, 18), // Buß- und Bettag, abolished in Bavaria from 1995
        (2025, 8, 8),   // Augsburger Friedensfest, Augsburg only
        (2018, 10, 31), // Reformation Day outside 2017
    ] {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(!cal.is_holiday(date).unwrap(), "{date}");
        assert!(cal.is_business_day(date).unwrap(), "{date}");
    }
}

#[test]
fn status_through_a_tickets_life() {
    let cal = Calendar::munich();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    let clock = SlaClock::for_priority(
        &cal,
        &Policy::default(),
        Priority::Urgent,
        &at("2026-12-18T16:00"),
    )
    .unwrap()
    .with_risk_threshold(RiskThreshold::percent(75).unwrap());
    // 75 % of 4 h is 3 h: 2 h on Friday, 1 h on Monday.
    assert_eq!(
        clock.at_risk_from().unwrap().to_rfc3339(),
        "2026-12-21T11:00:00+01:00"
    );
    let due = clock.due().unwrap();
    assert_eq!(
        clock.status(&at("2026-12-19T12:00")).unwrap(),
        SlaStatus::Pending {
            remaining: hours(2),
            due
        }
    );
    assert_eq!(
        clock
            .next_change(&at("2026-12-19T12:00"))
            .unwrap()
            .unwrap()
            .to_rfc3339(),
        "2026-12-21T11:00:00+01:00"
    );
    assert_eq!(
        clock.status(&at("2026-12-21T11:00")).unwrap(),
        SlaStatus::AtRisk {
            remaining: hours(1),
            due
        }
    );
    // Exactly at the due instant it is still pending (at risk), with
    // nothing left; one nanosecond later it is breached.
    assert_eq!(
        clock.status(&at("2026-12-21T12:00")).unwrap(),
        SlaStatus::AtRisk {
            remaining: BusinessDuration::ZERO,
            due
        }
    );
    assert_eq!(
        clock
            .next_change(&at("2026-12-21T12:00"))
            .unwrap()
            .unwrap()
            .to_rfc3339(),
        "2026-12-21T12:00:00.000000001+01:00"
    );
    assert_eq!(
        clock.status(&at("2026-12-21T12:00:00.000000001")).unwrap(),
        SlaStatus::Breached {
            overdue: BusinessDuration::from_nanos(1),
            due
        }
    );
    assert_eq!(
        clock.status(&at("2026-12-22T11:00")).unwrap(),
        SlaStatus::Breached {
            overdue: hours(7),
            due
        }
    );
    assert_eq!(clock.next_change(&at("2026-12-22T11:00")).unwrap(), None);
    // A response at the due instant meets the target; after it, breaches
    // even when no business time passed (18:00 is closed).
    let now = at("2027-01-10T12:00");
    let answered = |r: &str| clock.clone().with_response(&at(r));
    let due = clock.due().unwrap();
    assert_eq!(
        answered("2026-12-21T12:00").unwrap().status(&now).unwrap(),
        SlaStatus::Met {
            margin: BusinessDuration::ZERO,
            due
        }
    );
    assert_eq!(
        answered("2026-12-21T10:30").unwrap().status(&now).unwrap(),
        SlaStatus::Met {
            margin: BusinessDuration::from_minutes(90),
            due
        }
    );
    assert_eq!(
        answered("2026-12-21T12:00:01")
            .unwrap()
            .status(&now)
            .unwrap()
            .name(),
        "breached"
    );
    assert_eq!(
        answered("2026-12-18T15:00").unwrap_err().to_string(),
        "invalid response instant 2026-12-18T15:00:00+01:00: it is before the ticket was created at 2026-12-18T16:00:00+01:00"
    );
}

#[test]
fn a_response_after_hours_but_after_due_is_breached_by_zero_business_time() {
    let cal = Calendar::munich();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    let clock = SlaClock::new(&cal, &at("2026-12-21T10:00"), hours(8)).unwrap();
    assert_eq!(
        clock.due().unwrap().to_rfc3339(),
        "2026-12-21T18:00:00+01:00"
    );
    let status = clock
        .clone()
        .with_response(&at("2026-12-21T19:00"))
        .unwrap()
        .status(&at("2026-12-22T09:00"))
        .unwrap();
    assert_eq!(
        status,
        SlaStatus::Breached {
            overdue: BusinessDuration::ZERO,
            due: clock.due().unwrap()
        }
    );
}

#[test]
fn pauses_stop_the_clock() {
    let cal = Calendar::munich();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    let pause = |a: &str, b: &str| Pause::new(at(a), at(b)).unwrap();
    let clock = SlaClock::new(&cal, &at("2026-12-18T16:00"), hours(4))
        .unwrap()
        .with_pauses([
            // One business hour on Friday.
            pause("2026-12-18T16:30", "2026-12-18T17:30"),
            // The weekend: no business time to remove.
            pause("2026-12-19T08:00", "2026-12-20T20:00"),
            // Overlapping pauses on Monday merge into 10:00-11:00.
            pause("2026-12-21T09:00", "2026-12-21T10:30"),
            pause("2026-12-21T10:15", "2026-12-21T11:00"),
        ])
        .unwrap();
    // 1 h on Friday, Monday 11:00 onward for the other 3 h.
    assert_eq!(
        clock.due().unwrap().to_rfc3339(),
        "2026-12-21T14:00:00+01:00"
    );
    assert_eq!(clock.elapsed(&at("2026-12-21T12:00")).unwrap(), hours(2));
    assert_eq!(clock.remaining(&at("2026-12-21T12:00")).unwrap(), hours(2));
    assert_eq!(clock.pauses().len(), 3);
    // A pause that ends exactly when the target would otherwise be met.
    let clock = SlaClock::new(&cal, &at("2026-12-21T10:00"), hours(2))
        .unwrap()
        .with_pauses([pause("2026-12-21T12:00", "2026-12-21T13:00")])
        .unwrap();
    assert_eq!(
        clock.due().unwrap().to_rfc3339(),
        "2026-12-21T12:00:00+01:00"
    );
    // A pause that starts before creation only counts from creation.
    let clock = SlaClock::new(&cal, &at("2026-12-21T10:00"), hours(2))
        .unwrap()
        .with_pauses([pause("2026-12-18T10:00", "2026-12-21T11:00")])
        .unwrap();
    assert_eq!(
        clock.due().unwrap().to_rfc3339(),
        "2026-12-21T13:00:00+01:00"
    );
}

#[test]
fn explain_lists_counted_windows_and_skipped_days() {
    let cal = Calendar::munich();
    let created = cal.parse_datetime("2026-12-31T17:00").unwrap();
    let text = SlaClock::new(&cal, &created, hours(4))
        .unwrap()
        .explain()
        .unwrap()
        .to_string();
    assert_eq!(
        text,
        "created  2026-12-31T17:00:00+01:00 (Thursday)\n\
         target   4h of business time\n\
         2026-12-31 Thu  counted 17:00-18:00 CET: 1h (total 1h)\n\
         2027-01-01 Fri  skipped: holiday: Neujahr / New Year's Day\n\
         2027-01-02 Sat  skipped: weekend\n\
         2027-01-03 Sun  skipped: weekend\n\
         2027-01-04 Mon  counted 10:00-13:00 CET: 3h (total 4h)\n\
         due      2027-01-04T13:00:00+01:00\n"
    );
    let evening = cal.parse_datetime("2026-12-21T19:00").unwrap();
    let text = SlaClock::new(&cal, &evening, hours(1))
        .unwrap()
        .explain()
        .unwrap()
        .to_string();
    assert!(
        text.contains("2026-12-21 Mon  skipped: created after closing time\n"),
        "{text}"
    );
}

#[test]
fn custom_calendar_with_lunch_break_and_closure() {
    let cal = Calendar::builder("Europe/Vienna".parse().unwrap())
        .weekdays("08:00-12:00")
        .weekdays("13:00-17:00")
        .closure(NaiveDate::from_ymd_opt(2026, 12, 22).unwrap())
        .build()
        .unwrap();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    // 1 h before lunch, 3 h after.
    assert_eq!(
        cal.due(&at("2026-12-21T11:00"), hours(4))
            .unwrap()
            .to_rfc3339(),
        "2026-12-21T16:00:00+01:00"
    );
    // Lunch 12:00-13:00 is closed; the 22nd is a closure.
    assert!(!cal.is_open(&at("2026-12-21T12:30")).unwrap());
    assert_eq!(
        cal.due(&at("2026-12-21T16:00"), hours(2))
            .unwrap()
            .to_rfc3339(),
        "2026-12-23T09:00:00+01:00"
    );
    assert_eq!(cal.business_day(), hours(8));
}

#[test]
fn round_the_clock_calendar_is_one_window() {
    let cal = Calendar::builder(chrono_tz::UTC)
        .open(chrono::Weekday::Mon, "00:00-24:00")
        .open(chrono::Weekday::Tue, "00:00-24:00")
        .build()
        .unwrap();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    // Monday 20:00 plus 10 h runs through midnight into Tuesday.
    assert_eq!(
        cal.due(&at("2026-12-21T20:00"), hours(10))
            .unwrap()
            .to_rfc3339(),
        "2026-12-22T06:00:00+00:00"
    );
    assert!(cal.is_open(&at("2026-12-22T00:00")).unwrap());
    let windows = cal
        .open_windows(&at("2026-12-21T00:00"), &at("2026-12-24T00:00"))
        .unwrap();
    assert_eq!(windows.len(), 1);
    assert_eq!(cal.business_day(), hours(24));
}

#[test]
fn no_opening_after_the_last_one_in_range() {
    let cal = Calendar::munich();
    let last_evening = cal.parse_datetime("2099-12-31T19:00").unwrap();
    let err = cal.next_open(&last_evening).unwrap_err();
    assert!(err.kind() == sla_clock::ErrorKind::OutOfRange);
    assert_eq!(
        err.to_string(),
        "the calendar does not open after 2099-12-31T19:00:00+01:00 within the supported range \
         1995-01-01 to 2099-12-31 (Europe/Berlin local time)"
    );
}

#[test]
fn pauses_may_reach_past_the_range() {
    let cal = Calendar::munich();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    // A pause from before 1995 to Monday 2 January 1995 11:00: the clock
    // of a ticket created on the first day starts at 11:00.
    let early = Pause::new(at("1990-01-01T00:00:00Z"), at("1995-01-02T11:00")).unwrap();
    let clock = SlaClock::new(&cal, &at("1995-01-01T00:00"), hours(4))
        .unwrap()
        .with_pauses([early])
        .unwrap();
    assert_eq!(
        clock.due().unwrap().to_rfc3339(),
        "1995-01-02T15:00:00+01:00"
    );
    // A pause running past 2099 stops the clock for good: the deadline
    // would lie after the range.
    let late = Pause::new(at("2099-12-31T12:00"), at("2101-01-01T00:00:00Z")).unwrap();
    let err = SlaClock::new(&cal, &at("2099-12-31T10:00"), hours(4))
        .unwrap()
        .with_pauses([late])
        .unwrap_err();
    assert!(err.kind() == sla_clock::ErrorKind::OutOfRange, "{err}");
    // A clock due before the pause starts keeps counting only until it.
    let clock = SlaClock::new(&cal, &at("2099-12-31T10:00"), hours(1))
        .unwrap()
        .with_pauses([late])
        .unwrap();
    assert_eq!(clock.elapsed(&at("2099-12-31T18:00")).unwrap(), hours(2));
}

#[test]
fn explain_names_both_zones_across_a_dst_switch() {
    let cal = Calendar::builder(chrono_tz::Europe::Berlin)
        .open(chrono::Weekday::Sun, "00:00-24:00")
        .build()
        .unwrap();
    let created = cal.parse_datetime("2026-10-25T01:30:00+02:00").unwrap();
    // The night the clocks go back has 25 hours: 01:30 CEST plus two hours
    // is 02:30 CET.
    let text = SlaClock::new(&cal, &created, hours(2))
        .unwrap()
        .explain()
        .unwrap()
        .to_string();
    assert!(
        text.contains("2026-10-25 Sun  counted 01:30 CEST-02:30 CET: 2h (total 2h)\n"),
        "{text}"
    );
    assert!(
        text.ends_with("due      2026-10-25T02:30:00+01:00\n"),
        "{text}"
    );
}
