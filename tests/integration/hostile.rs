//! Hostile input, second round: each defect of the round with the test
//! that failed before its fix. iCalendar (feature `ical`): nesting that
//! overflowed the stack, names matched by case, several rules, rules from
//! year 0, the size of the text, messages in the file's terms. Then the
//! business-day length through `to_builder` and configuration, one limit
//! for configuration files, byte-order marks, targets with two units, and
//! durations that print what they read.

#[cfg(feature = "ical")]
mod ical {
    use std::time::{Duration, Instant};

    use sla_clock::{Calendar, DateRange, limits};

    use crate::support::{data, date as d};

    /// An iCalendar text with these events, each given as its lines.
    fn ics(events: &[&[&str]]) -> String {
        let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (i, lines) in events.iter().enumerate() {
            text.push_str(&format!("BEGIN:VEVENT\r\nUID:event-{i}\r\n"));
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

    /// `closures` on a thread with a 2 MiB stack, the size of a thread a
    /// service spawns by default.
    fn closures_on_a_small_stack(text: String) -> Result<Vec<DateRange>, String> {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || closures(&text))
            .unwrap()
            .join()
            .unwrap()
    }

    fn nested(levels: usize) -> String {
        let mut text = String::from("BEGIN:VCALENDAR\r\n");
        for _ in 1..levels {
            text.push_str("BEGIN:X-DEEP\r\n");
        }
        for _ in 1..levels {
            text.push_str("END:X-DEEP\r\n");
        }
        text.push_str("END:VCALENDAR\r\n");
        text
    }

    /// Defect 1: Deep nesting aborted the process with a stack overflow (the
    /// parser recurses once a level); it is refused by name first.
    #[test]
    fn deep_nesting_is_refused_before_the_parser_recurses() {
        assert_eq!(
            closures_on_a_small_stack(nested(100_000)).unwrap_err(),
            format!(
                "too many levels of components nested in the iCalendar text (BEGIN inside \
                 BEGIN): {}, more than the limit of {} (see sla_clock::limits)",
                limits::MAX_ICAL_NESTING + 1,
                limits::MAX_ICAL_NESTING
            )
        );
        assert_eq!(
            closures_on_a_small_stack(nested(limits::MAX_ICAL_NESTING)),
            Ok(vec![])
        );
    }

    /// Defect 2: Names are case-insensitive (RFC 5545, 3.1): a lower-case file
    /// closed nothing, and lower-case `rrule`, `exdate` and `STATUS:cancelled`
    /// were ignored.
    #[test]
    fn names_are_matched_without_regard_to_case() {
        let file = data("company-closures.ics");
        let expected = closures(&file).unwrap();
        assert!(expected.len() > 80);
        assert_eq!(closures(&file.to_lowercase()), Ok(expected.clone()));
        let mixed = file
            .replace("BEGIN:VEVENT", "Begin:VEvent")
            .replace("END:VEVENT", "end:vEVENT")
            .replace("RRULE:FREQ=YEARLY", "rRule:freq=yearly")
            .replace("VALUE=DATE", "value=date");
        assert_eq!(closures(&mixed), Ok(expected));
        let one = |lines: &[&str]| closures(&ics(&[lines]));
        assert_eq!(
            one(&[
                "dtstart;value=date:20261224",
                "rrule:freq=yearly;until=20291231",
                "exdate;value=date:20271224"
            ]),
            Ok(vec![
                DateRange::from(d(2026, 12, 24)),
                DateRange::from(d(2028, 12, 24)),
                DateRange::from(d(2029, 12, 24)),
            ])
        );
        assert_eq!(
            one(&["DTSTART;VALUE=DATE:20261224", "STATUS:cancelled"]),
            Ok(vec![])
        );
        assert_eq!(
            one(&["DTSTART;VALUE=DATE:20261224", "status:Cancelled"]),
            Ok(vec![])
        );
    }

    /// Defect 2: With two `RRULE`s only the last was used; an event's rules are
    /// a set, and every one of them closes its occurrences.
    #[test]
    fn every_rule_of_an_event_is_expanded() {
        let both = closures(&ics(&[&[
            "DTSTART;VALUE=DATE:20261224",
            "RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24;UNTIL=20271231",
            "RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31;COUNT=2",
        ]]));
        assert_eq!(
            both,
            Ok(vec![
                DateRange::from(d(2026, 12, 24)),
                DateRange::from(d(2026, 12, 31)),
                DateRange::from(d(2027, 12, 24)),
                DateRange::from(d(2027, 12, 31)),
            ])
        );
        // What an event has once is refused when given twice: which one is
        // meant would be a guess.
        assert_eq!(
            closures(&ics(&[&[
                "SUMMARY:Twice",
                "DTSTART;VALUE=DATE:20261224",
                "DTSTART;VALUE=DATE:20261231"
            ]])),
            Err(
                "iCalendar event 'Twice': DTSTART is given more than once; an event has at most one"
                    .to_string()
            )
        );
        assert_eq!(
            closures(&ics(&[&[
                "SUMMARY:Both",
                "DTSTART;VALUE=DATE:20261224",
                "DTEND;VALUE=DATE:20261226",
                "DURATION:P3D"
            ]])),
            Err(
                "iCalendar event 'Both': has both DTEND 20261226 and DURATION P3D; an event has \
                 one or the other"
                    .to_string()
            )
        );
    }

    /// Defect 3: Rules from year 0 were stepped through from their start: 200 of
    /// them took a minute. Expansion now starts at the range.
    #[test]
    fn rules_from_year_zero_are_expanded_from_the_range() {
        let daily: &[&str] = &[
            "DTSTART;VALUE=DATE:00000101",
            "RRULE:FREQ=DAILY;UNTIL=19950101",
        ];
        let weekly: &[&str] = &["DTSTART;VALUE=DATE:00010101", "RRULE:FREQ=WEEKLY"];
        let started = Instant::now();
        let mut events = vec![daily; limits::MAX_ICAL_RULES - 1];
        events.push(weekly);
        let closed = closures(&ics(&events)).unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
        // 1 January 1995 from the daily rules; every Monday (1 January of
        // year 1 was a Monday) from the weekly one.
        assert_eq!(closed[0], DateRange::new(d(1995, 1, 1), d(1995, 1, 2)));
        assert_eq!(closed[1], DateRange::from(d(1995, 1, 9)));
        assert_eq!(closed.len(), 5479);
        // With COUNT the occurrences are counted from year 0, exactly: the
        // first day of the year from year 0 to year 2099 is 2 100 days.
        let counted: &[&str] = &[
            "DTSTART;VALUE=DATE:00000101",
            "RRULE:FREQ=DAILY;BYMONTH=1;BYMONTHDAY=1;COUNT=2099",
        ];
        let closed = closures(&ics(&[counted])).unwrap();
        assert_eq!(closed.len(), 104);
        assert_eq!(closed[0], DateRange::from(d(1995, 1, 1)));
        assert_eq!(closed.last(), Some(&DateRange::from(d(2098, 1, 1))));
    }

    /// Defect 4: The text had no size limit and took about 67 times its size in
    /// memory; it is refused above the limit before it is read.
    #[test]
    fn the_text_has_a_size_limit() {
        let event: &[&str] = &["DTSTART;VALUE=DATE:20261224", "RRULE:FREQ=YEARLY"];
        let mut text = ics(&[event]);
        let filler = "X-FILLER:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
        let room = limits::MAX_ICAL_BYTES - text.len();
        let at = text.find("END:VEVENT").unwrap();
        text.insert_str(at, &filler.repeat(room / filler.len()));
        assert!(text.len() <= limits::MAX_ICAL_BYTES);
        // At the limit, the filler is checked and left out.
        assert_eq!(closures(&text).map(|c| c.len()), Ok(74));
        text.insert_str(at, &"X".repeat(limits::MAX_ICAL_BYTES + 1 - text.len()));
        assert_eq!(
            closures(&text).unwrap_err(),
            format!(
                "too many bytes in the iCalendar text: {}, more than the limit of {} (see \
                 sla_clock::limits)",
                limits::MAX_ICAL_BYTES + 1,
                limits::MAX_ICAL_BYTES
            )
        );
    }

    /// Defect 8: The parser's internals leaked into messages ("error: 0: in Tag");
    /// a byte-order mark, two calendars in one text and a missing END are
    /// told in the file's terms, with the line.
    #[test]
    fn structure_errors_name_the_line() {
        let event: &[&str] = &["SUMMARY:Eve", "DTSTART;VALUE=DATE:20261224"];
        let text = ics(&[event]);
        assert_eq!(
            closures(&format!("\u{feff}{text}")),
            Ok(vec![DateRange::from(d(2026, 12, 24))])
        );
        let cases = [
            (
                format!("{text}{text}"),
                "line 10: 'BEGIN:VCALENDAR' after the END:VCALENDAR of line 9; the text holds \
                 one calendar (give each calendar on its own)",
            ),
            (
                text.replace("END:VEVENT\r\n", ""),
                "line 8: 'END:VCALENDAR' where END:VEVENT is due, for the BEGIN:VEVENT of line 4",
            ),
            (
                text.replace("END:VCALENDAR\r\n", ""),
                "the text ends before END:VCALENDAR (the BEGIN:VCALENDAR of line 1 is never ended)",
            ),
            (
                format!("{text}END:VEVENT\r\n"),
                "line 10: 'END:VEVENT' ends a component that was never begun",
            ),
            (
                text.replace("SUMMARY:Eve", "this is no iCalendar"),
                "line 6: 'this is no iCalendar' is not a content line; expected a name, then a \
                 colon and the value, like 'SUMMARY:Shutdown'",
            ),
            (
                format!("VERSION:2.0\r\n{text}"),
                "line 1: 'VERSION:2.0' before BEGIN:VCALENDAR; everything in an iCalendar text is \
                 inside its VCALENDAR",
            ),
            (
                text.replace("BEGIN:VCALENDAR", "BEGIN:VEVENT"),
                "line 1: 'BEGIN:VEVENT' outside a calendar; an iCalendar text begins with \
                 BEGIN:VCALENDAR",
            ),
            (
                String::new(),
                "the text holds no calendar; an iCalendar text begins with BEGIN:VCALENDAR",
            ),
            (
                text.replace("BEGIN:VEVENT", "BEGIN:"),
                "line 4: 'BEGIN:' does not name a component; expected a name such as VEVENT",
            ),
        ];
        for (text, reason) in cases {
            assert_eq!(
                closures(&text),
                Err(format!("invalid iCalendar text: {reason}")),
                "{text:?}"
            );
        }
    }

    /// Found by the `ical` fuzz target: a character of several bytes in a
    /// rule (`BYDAY=\u{feff}R`) made the recurrence engine panic, slicing
    /// the rule as bytes. A rule is ASCII; anything else is refused.
    #[test]
    fn a_rule_with_other_than_ascii_is_refused() {
        for rule in [
            "FREQ=MONTHLY;BYDAY=\u{feff}R;COUNT=40",
            "FREQ=WEEKLY;BYDAY=MÖ",
        ] {
            let text = ics(&[&[
                "SUMMARY:Odd",
                "DTSTART;VALUE=DATE:20261224",
                &format!("RRULE:{rule}"),
            ]]);
            assert_eq!(
                closures(&text),
                Err(format!(
                    "iCalendar event 'Odd': invalid recurrence rule '{}': it holds characters \
                     other than ASCII letters, digits and signs",
                    rule.to_ascii_uppercase()
                ))
            );
        }
    }

    /// Defect 8: Folded lines are unfolded before they are read, whether they
    /// end in CR LF or in LF alone (a long file with LF alone took the
    /// parser quadratic time).
    #[test]
    fn folded_lines_and_bare_line_feeds_are_read() {
        let text = ics(&[&[
            "SUMMARY:A long",
            "  name",
            "DTSTART;VALUE=D",
            " ATE:20261224",
        ]]);
        assert_eq!(closures(&text), Ok(vec![DateRange::from(d(2026, 12, 24))]));
        let bare = text.replace("\r\n", "\n");
        assert_eq!(closures(&bare), Ok(vec![DateRange::from(d(2026, 12, 24))]));
        // A few megabytes of lines ended by LF alone, read in time.
        let event: &[&str] = &["DTSTART;VALUE=DATE:20261224"];
        let filler = "EXDATE;VALUE=DATE:20301224\n".repeat(100_000);
        let big = ics(&[event])
            .replace("\r\n", "\n")
            .replace("END:VEVENT", &format!("{filler}END:VEVENT"));
        let started = Instant::now();
        assert_eq!(closures(&big), Ok(vec![DateRange::from(d(2026, 12, 24))]));
        assert!(started.elapsed() < Duration::from_secs(20));
    }
}

/// Defect 9: the text of `from_nanos(i128::MIN)` did not read back (its
/// magnitude is one more than `i128::MAX`); every value's does now.
#[test]
fn every_duration_reads_back_from_its_text() {
    use sla_clock::BusinessDuration;
    for nanos in [
        i128::MIN,
        i128::MIN + 1,
        i128::MIN / 3600,
        -1,
        0,
        1,
        i128::MAX / 7,
        i128::MAX - 1,
        i128::MAX,
    ] {
        let d = BusinessDuration::from_nanos(nanos);
        assert_eq!(d.to_string().parse::<BusinessDuration>(), Ok(d), "{d}");
    }
    // One nanosecond beyond either end is refused by name.
    let min = BusinessDuration::from_nanos(i128::MIN).to_string();
    let below = min.replace("105728s", "105729s");
    assert_ne!(min, below);
    assert_eq!(
        below.parse::<BusinessDuration>().unwrap_err().to_string(),
        format!(
            "invalid business duration '{below}'; expected hours, minutes and seconds like \
             '4h 30m', '90m' or '1.5s'"
        )
    );
    let max = BusinessDuration::from_nanos(i128::MAX).to_string();
    assert!(
        max.trim_start_matches('-')
            .parse::<BusinessDuration>()
            .is_ok()
    );
    assert!(
        min.trim_start_matches('-')
            .parse::<BusinessDuration>()
            .is_err()
    );
}

/// Defect 6: a business-day length set equal to the week's typical day
/// was forgotten by `to_builder` and `CalendarConfig::from`, so new hours
/// changed it (8 h became 9 h). A set length stays set; a derived one
/// follows the hours.
#[test]
fn a_set_business_day_stays_set() {
    use sla_clock::{BusinessDuration, Calendar, CalendarConfig, WeeklySchedule};

    let nine_to_six = WeeklySchedule::weekdays("09:00-18:00".parse().unwrap());
    let set = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .business_day(BusinessDuration::from_hours(8))
        .build()
        .unwrap();
    let later = set
        .to_builder()
        .schedule(nine_to_six.clone())
        .build()
        .unwrap();
    assert_eq!(later.business_day(), BusinessDuration::from_hours(8));
    let config = CalendarConfig::from(&set);
    assert_eq!(config.business_day_seconds, Some(8 * 3600));
    assert_eq!(Calendar::try_from(config.clone()).unwrap(), set);
    let mut changed = config;
    changed.week = CalendarConfig::from(&later).week;
    let changed = Calendar::try_from(changed).unwrap();
    assert_eq!(changed.business_day(), BusinessDuration::from_hours(8));

    let derived = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .build()
        .unwrap();
    assert_eq!(derived.business_day(), BusinessDuration::from_hours(8));
    assert_ne!(derived, set);
    assert_eq!(CalendarConfig::from(&derived).business_day_seconds, None);
    let later = derived.to_builder().schedule(nine_to_six).build().unwrap();
    assert_eq!(later.business_day(), BusinessDuration::from_hours(9));
}

/// Defects 7 and 8 in configuration files: one size limit for the library
/// and the example programs, and a byte-order mark skipped.
#[cfg(feature = "serde")]
mod config_files {
    use std::process::Command;

    use chrono::Days;
    use sla_clock::{Calendar, Policy, limits};

    use crate::support::{Outcome, config_file, date, example};

    fn due(args: &[&str]) -> Outcome {
        let out = Command::new(example("due")).args(args).output().unwrap();
        Outcome {
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    const WEEK: &str = r#""week": {"monday": ["10:00-18:00"], "tuesday": ["10:00-18:00"],
        "wednesday": ["10:00-18:00"], "thursday": ["10:00-18:00"], "friday": ["10:00-18:00"]},
        "holidays": []"#;

    /// A valid calendar of at least `bytes` bytes: special hours with 24
    /// windows on each of enough dates from 1995 on.
    fn large_calendar(bytes: usize) -> String {
        let mut text =
            format!("{{\"time_zone\": \"Europe/Berlin\", {WEEK},\n\"special_hours\": [\n");
        let windows: Vec<String> = (0..24)
            .map(|h| format!("\"{h:02}:00-{h:02}:30\""))
            .collect();
        let windows = windows.join(", ");
        let mut day = date(1995, 1, 1);
        while text.len() < bytes {
            text.push_str(&format!(
                "  {{\"date\": \"{day}\", \"windows\": [{windows}]}},\n"
            ));
            day = day + Days::new(1);
        }
        text.push_str(&format!(
            "  {{\"date\": \"{day}\", \"windows\": []}}\n]}}\n"
        ));
        text
    }

    /// Defect 7: the examples refused a valid 9 MiB calendar ("larger than
    /// 8 MiB; no valid calendar is that large") that the library loads.
    /// Library and examples now share `limits::MAX_CONFIG_BYTES`.
    #[test]
    fn one_size_limit_for_configuration_files() {
        let text = large_calendar(9 * 1024 * 1024 + 1);
        let cal: Calendar =
            serde_json::from_slice(limits::config_bytes(text.as_bytes()).unwrap()).unwrap();
        assert_eq!(cal.special_hours().len(), 2);
        let path = config_file("hostile-9-mib-calendar.json", &text);
        let out = due(&["--calendar", &path, "high", "1995-01-02T10:00"]);
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (Some(0), "1995-01-03T01:30:00+01:00\n", "")
        );
        // Beyond the limit, both refuse, naming it.
        let mut text = text.into_bytes();
        text.resize(limits::MAX_CONFIG_BYTES + 1, b' ');
        assert_eq!(
            limits::config_bytes(&text).unwrap_err().to_string(),
            format!(
                "too many bytes in the configuration file: {}, more than the limit of {} (see \
                 sla_clock::limits)",
                limits::MAX_CONFIG_BYTES + 1,
                limits::MAX_CONFIG_BYTES
            )
        );
        let path = config_file(
            "hostile-over-the-limit.json",
            std::str::from_utf8(&text).unwrap(),
        );
        let out = due(&["--calendar", &path, "high", "1995-01-02T10:00"]);
        assert_eq!(out.code, Some(2));
        assert_eq!(
            out.stderr,
            format!(
                "error: calendar file '{path}' is larger than the limit of {} bytes \
                 (sla_clock::limits::MAX_CONFIG_BYTES)\n",
                limits::MAX_CONFIG_BYTES
            )
        );
    }

    /// Defect 8: a calendar or policy file that begins with a UTF-8
    /// byte-order mark (as Windows editors write) was refused.
    #[test]
    fn a_byte_order_mark_is_skipped() {
        let calendar = format!("\u{feff}{{\"time_zone\": \"America/New_York\", {WEEK}}}");
        let policy = "\u{feff}{\"urgent\": {\"business_hours\": 2}, \"high\": {\"business_days\": 1}, \
                      \"normal\": {\"business_days\": 2}, \"low\": {\"business_days\": 5}}";
        let cal: Calendar =
            serde_json::from_slice(limits::config_bytes(calendar.as_bytes()).unwrap()).unwrap();
        assert_eq!(cal.zone(), chrono_tz::America::New_York);
        let parsed: Policy =
            serde_json::from_slice(limits::config_bytes(policy.as_bytes()).unwrap()).unwrap();
        assert_eq!(parsed.urgent, sla_clock::ResponseTarget::BusinessHours(2));
        let calendar = config_file("hostile-bom-calendar.json", &calendar);
        let policy = config_file("hostile-bom-policy.json", policy);
        let out = due(&[
            "--calendar",
            &calendar,
            "--policy",
            &policy,
            "urgent",
            "2026-12-24T16:00",
        ]);
        assert_eq!(
            (out.code, out.stdout.as_str(), out.stderr.as_str()),
            (Some(0), "2026-12-24T18:00:00-05:00\n", "")
        );
    }
}

/// Defect 8: a target in two units ("4 hours 30 minutes") was refused
/// without saying how to write it; the message gives the one unit to use.
#[test]
fn a_target_in_two_units_says_how_to_write_it() {
    use sla_clock::ResponseTarget;
    let text = |t: &str| t.parse::<ResponseTarget>().unwrap_err().to_string();
    for (written, instead) in [
        ("4 hours 30 minutes", "'270 business minutes'"),
        (
            "4 business hours 30 business minutes",
            "'270 business minutes'",
        ),
        ("4h 30m", "'270 business minutes'"),
        ("3 hours 60 minutes", "'4 business hours'"),
    ] {
        assert_eq!(
            text(written),
            format!(
                "invalid response target '{written}': a target has one unit; write it as {instead}"
            )
        );
    }
    assert_eq!(
        text("1 day 4 hours"),
        "invalid response target '1 day 4 hours': a target has one unit; a business day's \
         length is the calendar's, so days do not add to hours or minutes: give the days alone, \
         like '1 business day', or the whole target in hours or minutes"
    );
    // One unit that is not right keeps the general message.
    assert_eq!(
        text("4 hours"),
        "invalid response target '4 hours'; expected a whole number of business minutes, hours \
         or days like '4 business hours' or '1 business day'"
    );
}

#[cfg(feature = "serde")]
#[test]
fn a_json_target_in_two_units_says_how_to_write_it() {
    use sla_clock::{LifecyclePolicy, Policy};
    let policy = |urgent: &str| {
        let json = format!(
            r#"{{"urgent": {urgent}, "high": {{"business_days": 1}},
                "normal": {{"business_days": 2}}, "low": {{"business_days": 5}}}}"#
        );
        let policy = serde_json::from_str::<Policy>(&json).map_err(|e| e.to_string());
        let lifecycle = serde_json::from_str::<LifecyclePolicy>(&json).map(|_| ());
        assert_eq!(policy.is_ok(), lifecycle.is_ok(), "{json}");
        policy.map(|p| p.urgent)
    };
    assert_eq!(
        policy(r#"{"business_hours": 4}"#),
        Ok(sla_clock::ResponseTarget::BusinessHours(4))
    );
    let cases = [
        (
            r#"{"business_hours": 4, "business_minutes": 30}"#,
            r#"invalid response target {"business_hours": 4, "business_minutes": 30}: a target has one unit; write it as {"business_minutes": 270} at line 1 column 56"#,
        ),
        (
            r#"{"business_hours": 4.5}"#,
            r#"invalid response target {"business_hours": 4.5}: write it as {"business_minutes": 270} at line 1 column 34"#,
        ),
        (
            r#""4 hours 30 minutes""#,
            r#"invalid response target '4 hours 30 minutes': a target is an object; write it as {"business_minutes": 270} at line 1 column 31"#,
        ),
        (
            r#"{"business_hours": -4}"#,
            r#"invalid response target {"business_hours": -4}: a target cannot be negative at line 1 column 33"#,
        ),
        (
            r#"{"business_weeks": 4}"#,
            "unknown variant `business_weeks`, expected one of `business_minutes`, \
             `business_hours`, `business_days` at line 1 column 28",
        ),
    ];
    for (urgent, message) in cases {
        assert_eq!(policy(urgent), Err(message.to_string()), "{urgent}");
    }
}
