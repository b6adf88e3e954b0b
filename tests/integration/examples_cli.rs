//! Runs the compiled example programs (`holidays`, `due`, `status`) the way
//! a user would and checks their exact output and exit status.
//!
//! `cargo test` builds the examples into `target/<profile>/examples/`; the
//! test binary itself lives in `target/<profile>/deps/`. The expected values
//! are derived from `docs/SEMANTICS.md` (sections 1 to 4) and the examples'
//! USAGE texts, not copied from the programs' output. Expected outputs of
//! four lines or more are in `tests/golden/` (see its README).

use std::io::Write;
#[cfg(feature = "serde")]
use std::path::PathBuf;
use std::process::{Command, Stdio};

use chrono::{Duration, NaiveDate, NaiveDateTime};

#[cfg(feature = "serde")]
use crate::support::config_file;
use crate::support::{Outcome, RANGE, example, golden};

// ---------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------

#[test]
#[should_panic(expected = "run the tests with `cargo test`")]
fn a_missing_example_binary_says_how_to_build_it() {
    example("no-such-example");
}

fn run(name: &str, args: &[&str]) -> Outcome {
    run_with_input(name, args, None)
}

fn run_with_input(name: &str, args: &[&str], input: Option<Vec<u8>>) -> Outcome {
    let mut child = Command::new(example(name))
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start example {name}: {e}"));
    // Feed standard input from another thread so that a large input cannot
    // dead-lock against a full stdout pipe.
    let writer = input.map(|bytes| {
        let mut stdin = child.stdin.take().expect("stdin is piped");
        std::thread::spawn(move || {
            stdin
                .write_all(&bytes)
                .expect("write to the example's stdin");
            // Dropping stdin closes it: the example sees end of input.
        })
    });
    let output = child.wait_with_output().expect("wait for the example");
    if let Some(writer) = writer {
        writer.join().expect("stdin writer thread");
    }
    Outcome {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Exit 0, exactly `stdout`, nothing on stderr.
#[track_caller]
fn assert_ok(out: &Outcome, stdout: &str) {
    assert_eq!(out.stdout, stdout, "stdout; full outcome: {out:#?}");
    assert_eq!(out.stderr, "", "stderr; full outcome: {out:#?}");
    assert_eq!(out.code, Some(0), "exit status; full outcome: {out:#?}");
}

/// Exit `code`, nothing on stdout, exactly `error: {message}\n` on stderr.
#[track_caller]
fn assert_error(out: &Outcome, code: i32, message: &str) {
    assert_eq!(
        out.stderr,
        format!("error: {message}\n"),
        "stderr; full outcome: {out:#?}"
    );
    assert_eq!(out.stdout, "", "stdout; full outcome: {out:#?}");
    assert_eq!(out.code, Some(code), "exit status; full outcome: {out:#?}");
}

/// A usage error: exit 2, nothing on stdout, the message, a blank line and
/// the program's usage text on stderr.
#[track_caller]
fn assert_usage_error(out: &Outcome, program: &str, message: &str) {
    let head = format!("error: {message}\n\nUsage: {program} ");
    assert!(
        out.stderr.starts_with(&head) && out.stderr.ends_with('\n'),
        "stderr should start with {head:?}; full outcome: {out:#?}"
    );
    assert_eq!(out.stdout, "", "stdout; full outcome: {out:#?}");
    assert_eq!(out.code, Some(2), "exit status; full outcome: {out:#?}");
}

/// `--help`: exit 0, usage on stdout, nothing on stderr.
#[track_caller]
fn assert_help(out: &Outcome, program: &str) {
    assert!(
        out.stdout.starts_with(&format!("Usage: {program} ")),
        "stdout should start with the usage; full outcome: {out:#?}"
    );
    assert_eq!(out.stderr, "", "stderr; full outcome: {out:#?}");
    assert_eq!(out.code, Some(0), "exit status; full outcome: {out:#?}");
}

fn out_of_range(instant: &str) -> String {
    format!("instant {instant} is outside the supported range {RANGE} (Europe/Berlin local time)")
}

const DEADLINE_OUT_OF_RANGE: &str = "the deadline falls after the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)";

fn unknown_priority(input: &str) -> String {
    format!(
        "unknown priority '{input}'; expected one of urgent, high, normal, low \
         (or in German: dringend, hoch, normal, niedrig)"
    )
}

fn invalid_datetime(input: &str) -> String {
    format!(
        "invalid date-time '{input}'; expected RFC 3339 like 2026-12-23T15:00:00+01:00 \
         or a local date-time like 2026-12-23T15:00:00 or 2026-12-23T15:00"
    )
}

fn gap(input: &str) -> String {
    format!(
        "local time '{input}' does not exist in Europe/Berlin: the clocks skip it when daylight \
         saving time starts; give it with an explicit UTC offset"
    )
}

fn fold(input: &str, earlier: &str, later: &str) -> String {
    format!(
        "local time '{input}' is ambiguous in Europe/Berlin: it occurs twice when daylight \
         saving time ends ({earlier} and {later}); give it with an explicit UTC offset"
    )
}

// ---------------------------------------------------------------------------
// holidays
// ---------------------------------------------------------------------------

fn holidays(args: &[&str]) -> Outcome {
    run("holidays", args)
}

#[test]
fn holidays_2027_lists_the_thirteen_munich_holidays() {
    // Easter Sunday 2027 is 28 March.
    let expected = golden!("holidays_2027.txt");
    assert_eq!(expected.lines().count(), 13);
    assert_ok(&holidays(&["2027"]), expected);
    // A one-year range is the same year.
    assert_ok(&holidays(&["2027", "2027"]), expected);
}

#[test]
fn holidays_2008_share_one_line_on_the_first_of_may() {
    // Easter Sunday 2008 was 23 March, so Ascension (+39) fell on 1 May.
    let expected = golden!("holidays_2008.txt");
    assert_ok(&holidays(&["2008"]), expected);
}

#[test]
fn holidays_2017_include_the_one_off_reformation_day() {
    // Easter Sunday 2017 was 16 April.
    let expected = golden!("holidays_2017.txt");
    assert_ok(&holidays(&["2017"]), expected);
    // Only in 2017.
    for year in ["2016", "2018"] {
        let out = holidays(&[year]);
        assert_eq!(out.code, Some(0));
        assert!(!out.stdout.contains("-10-31"), "{year}: {}", out.stdout);
    }
}

/// Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm,
/// written independently of the crate's implementation.
fn easter_sunday(year: i32) -> NaiveDate {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap()
}

/// The lines `holidays <year>` should print, from the table in section 1.
fn expected_holiday_lines(year: i32) -> Vec<String> {
    let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap();
    let easter = easter_sunday(year);
    let plus = |days: i64| easter + Duration::days(days);
    let mut entries = vec![
        (fixed(1, 1), "Neujahr / New Year's Day"),
        (fixed(1, 6), "Heilige Drei Könige / Epiphany"),
        (plus(-2), "Karfreitag / Good Friday"),
        (plus(1), "Ostermontag / Easter Monday"),
        (fixed(5, 1), "Tag der Arbeit / Labour Day"),
        (plus(39), "Christi Himmelfahrt / Ascension Day"),
        (plus(50), "Pfingstmontag / Whit Monday"),
        (plus(60), "Fronleichnam / Corpus Christi"),
        (fixed(8, 15), "Mariä Himmelfahrt / Assumption Day"),
        (fixed(10, 3), "Tag der Deutschen Einheit / German Unity Day"),
        (fixed(11, 1), "Allerheiligen / All Saints' Day"),
        (fixed(12, 25), "1. Weihnachtstag / Christmas Day"),
        (fixed(12, 26), "2. Weihnachtstag / St. Stephen's Day"),
    ];
    if year == 2017 {
        entries.push((
            fixed(10, 31),
            "Reformationstag (500. Jahrestag) / Reformation Day (one-off)",
        ));
    }
    entries.sort_by_key(|&(date, _)| date); // stable: table order on a tie
    let mut lines: Vec<(NaiveDate, String)> = Vec::new();
    for (date, names) in entries {
        match lines.last_mut() {
            Some((last, text)) if *last == date => {
                text.push_str("; ");
                text.push_str(names);
            }
            _ => lines.push((date, names.to_string())),
        }
    }
    lines
        .into_iter()
        .map(|(date, names)| format!("{}  {names}", date.format("%Y-%m-%d")))
        .collect()
}

#[test]
fn holidays_over_the_whole_supported_range() {
    let out = holidays(&["1995", "2099"]);
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert_eq!(out.stderr, "");
    let lines: Vec<&str> = out.stdout.lines().collect();
    // 105 years of 13 holidays, plus Reformation Day 2017, less the one
    // shared date (1 May 2008: Easter on 23 March only in 2008 in 1995-2099).
    assert_eq!(lines.len(), 105 * 13 + 1 - 1);
    assert_eq!(lines.first(), Some(&"1995-01-01  Neujahr / New Year's Day"));
    assert_eq!(
        lines.last(),
        Some(&"2099-12-26  2. Weihnachtstag / St. Stephen's Day")
    );
    let expected: Vec<String> = (1995..=2099).flat_map(expected_holiday_lines).collect();
    assert_eq!(lines.len(), expected.len());
    for (got, want) in lines.iter().zip(&expected) {
        assert_eq!(got, want);
    }
    assert!(out.stdout.ends_with('\n'));
}

#[test]
fn holidays_rejects_bad_years_without_partial_output() {
    let outside = |y: &str| format!("year {y} is outside the supported range 1995 to 2099");
    let not_digits = |y: &str| {
        format!("invalid year '{y}'; expected a year from 1995 to 2099 written in digits")
    };
    // A year outside the range is a date that failed (1); one that is not
    // a year at all is a usage error (2).
    assert_error(&holidays(&["1994"]), 1, &outside("1994"));
    assert_error(&holidays(&["2100"]), 1, &outside("2100"));
    assert_error(&holidays(&["20x7"]), 2, &not_digits("20x7"));
    assert_error(&holidays(&["-5"]), 2, &not_digits("-5"));
    assert_error(&holidays(&[""]), 2, &not_digits(""));
    assert_error(&holidays(&[" 2027"]), 2, &not_digits(" 2027"));
    assert_error(&holidays(&["2027.0"]), 2, &not_digits("2027.0"));
    // Either end out of range: nothing printed at all.
    assert_error(&holidays(&["1994", "2000"]), 1, &outside("1994"));
    assert_error(&holidays(&["2000", "2100"]), 1, &outside("2100"));
    assert_error(
        &holidays(&["2030", "2020"]),
        2,
        "invalid range 2030 to 2020; the first year must not be after the last",
    );
    assert_usage_error(
        &holidays(&["2020", "2021", "2022"]),
        "holidays",
        "expected one or two years, got 3 arguments",
    );
    assert_usage_error(
        &holidays(&[]),
        "holidays",
        "expected one or two years, got 0 arguments",
    );
}

#[test]
fn holidays_help() {
    for flag in ["--help", "-h"] {
        let out = holidays(&[flag]);
        assert_help(&out, "holidays");
        assert!(out.stdout.contains("Usage"));
    }
}

// ---------------------------------------------------------------------------
// holidays --region / --regions
// ---------------------------------------------------------------------------

#[test]
fn holidays_of_berlin_2027() {
    // Easter Sunday 2027 is 28 March; Berlin adds Women's Day (since 2019)
    // to the nine nationwide days.
    let expected = golden!("holidays_de_be_2027.txt");
    assert_ok(&holidays(&["--region", "DE-BE", "2027"]), expected);
    assert_ok(&holidays(&["2027", "--region", "DE-BE"]), expected);
}

#[test]
fn holidays_of_zurich_over_the_whole_range() {
    let out = holidays(&["--region", "CH-ZH", "1995", "2099"]);
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert_eq!(out.stderr, "");
    // Nine days a year; in 2008 (Easter on 23 March) Ascension Day falls
    // on 1 May and the two share a line.
    assert_eq!(out.stdout.lines().count(), 9 * 105 - 1);
    assert!(
        out.stdout
            .contains("2008-05-01  Tag der Arbeit / Labour Day; Auffahrt / Ascension Day\n")
    );
    assert!(
        out.stdout
            .starts_with("1995-01-01  Neujahrstag / New Year's Day\n")
    );
    assert!(
        out.stdout
            .ends_with("2099-12-26  Stephanstag / St. Stephen's Day\n")
    );
}

#[test]
fn holidays_lists_the_regions() {
    let out = holidays(&["--regions"]);
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert_eq!(out.stderr, "");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 44);
    assert_eq!(lines[0], "AT         Austria");
    assert!(lines.contains(&"DE-BY-MUC  Munich, Bavaria, Germany"));
    assert!(lines.contains(&"CH-ZH      Zürich, Switzerland"));
}

#[test]
fn holidays_region_errors() {
    let out = holidays(&["--region", "DE-XX", "2027"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("error: unknown holiday region 'DE-XX'; expected one of AT, CH-AG, "),
        "{out:#?}"
    );
    assert!(out.stderr.ends_with(", DE-ST, DE-TH\n"), "{out:#?}");
    assert_usage_error(
        &holidays(&["--regions", "2027"]),
        "holidays",
        "--regions takes no years, got 1 argument",
    );
    assert_usage_error(
        &holidays(&["2027", "--region"]),
        "holidays",
        "--region needs a region code",
    );
    assert_usage_error(
        &holidays(&["--region", "AT", "--region", "DE-BE", "2027"]),
        "holidays",
        "give --region or --regions once",
    );
}

// ---------------------------------------------------------------------------
// due
// ---------------------------------------------------------------------------

fn due(args: &[&str]) -> Outcome {
    run("due", args)
}

#[track_caller]
fn assert_due(priority: &str, created: &str, expected: &str) {
    let out = due(&[priority, created]);
    assert_ok(&out, &format!("{expected}\n"));
}

#[test]
fn due_worked_examples_of_section_3() {
    // Friday 16:00 CET, Urgent (4 h): 2 h Friday, 2 h Monday.
    assert_due(
        "urgent",
        "2026-12-18T16:00:00+01:00",
        "2026-12-21T12:00:00+01:00",
    );
    // Wednesday 23rd 15:00, High (8 h): 3 h, then 5 h on the 24th (a working day).
    assert_due("high", "2026-12-23T15:00", "2026-12-24T15:00:00+01:00");
    // Normal (16 h): 3 h + 8 h, holidays 25th/26th, Sunday 27th, 5 h on Monday.
    assert_due("normal", "2026-12-23T15:00", "2026-12-28T15:00:00+01:00");
}

#[test]
fn due_reads_local_times_and_every_offset_as_the_same_instant() {
    // 2026-12-23 14:00 UTC is 15:00 CET, however it is written.
    for created in [
        "2026-12-23T15:00",
        "2026-12-23T15:00:00",
        "2026-12-23T15:00:00+01:00",
        "2026-12-23T14:00:00Z",
        "2026-12-23t14:00:00z",
        "2026-12-23T23:00:00+09:00",
        "2026-12-23T09:00:00-05:00",
        "2026-12-23T19:45:00+05:45",
    ] {
        assert_due("high", created, "2026-12-24T15:00:00+01:00");
    }
    // The offset decides the instant: Monday 10:00 in Tokyo is 02:00 in
    // Munich, before opening, so the clock starts at 10:00 CET.
    assert_due(
        "urgent",
        "2026-12-21T10:00:00+09:00",
        "2026-12-21T14:00:00+01:00",
    );
    // Monday 10:00 in New York is 16:00 in Munich: 2 h Monday, 2 h Tuesday.
    assert_due(
        "urgent",
        "2026-12-21T10:00:00-05:00",
        "2026-12-22T12:00:00+01:00",
    );
    // Summer time: local input is CEST, and so is the answer.
    assert_due("urgent", "2026-07-01T10:00", "2026-07-01T14:00:00+02:00");
    assert_due(
        "urgent",
        "2026-07-01T08:00:00Z",
        "2026-07-01T14:00:00+02:00",
    );
    // Across the spring change: Friday CET, due Monday CEST.
    assert_due("urgent", "2026-03-27T16:00", "2026-03-30T12:00:00+02:00");
    // Across the autumn change: Friday CEST, due Monday CET.
    assert_due("urgent", "2026-10-23T16:00", "2026-10-26T12:00:00+01:00");
}

#[test]
fn due_keeps_fractional_seconds() {
    assert_due(
        "urgent",
        "2026-12-21T10:00:00.5+01:00",
        "2026-12-21T14:00:00.500+01:00",
    );
    assert_due(
        "urgent",
        "2026-12-21T10:00:00.123456789Z",
        "2026-12-21T15:00:00.123456789+01:00",
    );
    assert_due(
        "urgent",
        "2026-12-21T12:34:56.25",
        "2026-12-21T16:34:56.250+01:00",
    );
    // Before opening, a fraction is irrelevant: the clock starts at 10:00.
    assert_due(
        "urgent",
        "2026-12-21T09:59:59.999",
        "2026-12-21T14:00:00+01:00",
    );
}

#[test]
fn due_reads_every_priority_name_in_english_and_german_in_any_case() {
    // Monday 2026-12-21 10:00: 4 h, 8 h (that day's close), 16 h (Tuesday's
    // close), 40 h (Mon-Thu, Christmas and the weekend, then Monday 28th).
    let created = "2026-12-21T10:00";
    let cases = [
        (
            ["urgent", "dringend", "URGENT", "DRINGEND"],
            "2026-12-21T14:00:00+01:00",
        ),
        (
            ["high", "hoch", "HIGH", "Hoch"],
            "2026-12-21T18:00:00+01:00",
        ),
        (
            ["normal", "Normal", "NORMAL", "nOrMaL"],
            "2026-12-22T18:00:00+01:00",
        ),
        (
            ["low", "niedrig", "Low", "NIEDRIG"],
            "2026-12-28T18:00:00+01:00",
        ),
    ];
    for (names, expected) in cases {
        for name in names {
            assert_due(name, created, expected);
        }
    }
}

#[test]
fn due_at_the_edges_of_the_working_day() {
    // Before opening: the clock starts at 10:00.
    assert_due("urgent", "2026-12-21T09:59:59", "2026-12-21T14:00:00+01:00");
    assert_due("urgent", "2026-12-21T10:00:00", "2026-12-21T14:00:00+01:00");
    // One second before closing: 1 s on Monday, 3h 59m 59s on Tuesday.
    assert_due("urgent", "2026-12-21T17:59:59", "2026-12-22T13:59:59+01:00");
    assert_due("high", "2026-12-21T17:59:59", "2026-12-22T17:59:59+01:00");
    // Closing is exclusive: created at 18:00 starts on Tuesday.
    assert_due("urgent", "2026-12-21T18:00:00", "2026-12-22T14:00:00+01:00");
    // A deadline that fills a day exactly is that day's close.
    assert_due("high", "2026-12-22T10:00", "2026-12-22T18:00:00+01:00");
    assert_due("urgent", "2026-12-22T14:00", "2026-12-22T18:00:00+01:00");
    // Christmas Eve is a working day; 31 December too.
    assert_due("urgent", "2026-12-24T16:00", "2026-12-28T12:00:00+01:00");
    assert_due("urgent", "2026-12-31T16:00", "2027-01-04T12:00:00+01:00");
}

#[test]
fn due_refuses_local_times_in_the_gap_or_the_fold() {
    assert_error(
        &due(&["urgent", "2026-03-29T02:30"]),
        1,
        &gap("2026-03-29T02:30"),
    );
    assert_error(
        &due(&["urgent", "2026-03-29T02:00:00"]),
        1,
        &gap("2026-03-29T02:00:00"),
    );
    assert_error(
        &due(&["urgent", "2026-10-25T02:30"]),
        1,
        &fold(
            "2026-10-25T02:30",
            "2026-10-25T02:30:00+02:00",
            "2026-10-25T02:30:00+01:00",
        ),
    );
    // In 1995 summer time ended on 24 September, not in October.
    assert_error(
        &due(&["urgent", "1995-09-24T02:30"]),
        1,
        &fold(
            "1995-09-24T02:30",
            "1995-09-24T02:30:00+02:00",
            "1995-09-24T02:30:00+01:00",
        ),
    );
    assert_due("urgent", "1995-10-29T02:30", "1995-10-30T14:00:00+01:00");
    // Just around the gap, and inside it with an explicit offset.
    assert_due("urgent", "2026-03-29T01:59:59", "2026-03-30T14:00:00+02:00");
    assert_due("urgent", "2026-03-29T03:00", "2026-03-30T14:00:00+02:00");
    assert_due(
        "urgent",
        "2026-03-29T02:30:00+01:00",
        "2026-03-30T14:00:00+02:00",
    );
    // Either side of the fold with an explicit offset.
    assert_due(
        "urgent",
        "2026-10-25T02:30:00+02:00",
        "2026-10-26T14:00:00+01:00",
    );
    assert_due(
        "urgent",
        "2026-10-25T02:30:00+01:00",
        "2026-10-26T14:00:00+01:00",
    );
}

#[test]
fn due_refuses_instants_and_deadlines_outside_the_range() {
    // The first instant of the range is 1995-01-01T00:00 local, which is
    // 1994-12-31T23:00Z. 1995-01-01 was a Sunday (and New Year's Day).
    assert_due("urgent", "1995-01-01T00:00", "1995-01-02T14:00:00+01:00");
    assert_due(
        "urgent",
        "1994-12-31T23:00:00Z",
        "1995-01-02T14:00:00+01:00",
    );
    assert_error(
        &due(&["urgent", "1994-12-31T23:00:00+01:00"]),
        1,
        &out_of_range("1994-12-31T23:00:00+01:00"),
    );
    assert_error(
        &due(&["urgent", "1994-12-31T22:59:59Z"]),
        1,
        // As written, then as the calendar's zone reads it.
        &out_of_range("1994-12-31T22:59:59Z (1994-12-31T23:59:59+01:00 in Europe/Berlin)"),
    );
    assert_error(
        &due(&["urgent", "1994-12-31T23:59:59.999999999"]),
        1,
        &out_of_range("1994-12-31T23:59:59.999999999+01:00"),
    );
    assert_error(
        &due(&["urgent", "2100-01-01T00:00"]),
        1,
        &out_of_range("2100-01-01T00:00:00+01:00"),
    );
    // 2099-12-31 is a Thursday: a full day fits, ending at its close.
    assert_due("high", "2099-12-31T10:00", "2099-12-31T18:00:00+01:00");
    // 2099-12-28 is a Monday: only four working days are left in the range.
    assert_error(&due(&["low", "2099-12-28T10:00"]), 1, DEADLINE_OUT_OF_RANGE);
    assert_error(
        &due(&["urgent", "2099-12-31T17:00"]),
        1,
        DEADLINE_OUT_OF_RANGE,
    );
    assert_error(
        &due(&["urgent", "2099-12-31T23:59:59.999999999"]),
        1,
        DEADLINE_OUT_OF_RANGE,
    );
    // Far outside the range: an error, never a panic.
    for created in [
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "0001-01-01T00:00",
    ] {
        let out = due(&["urgent", created]);
        assert_eq!(out.code, Some(1), "{created}: {out:#?}");
        assert_eq!(out.stdout, "", "{created}");
        assert!(
            out.stderr.starts_with("error: instant ")
                && out.stderr.ends_with(&format!(
                    " is outside the supported range {RANGE} (Europe/Berlin local time)\n"
                )),
            "{created}: {out:#?}"
        );
    }
}

#[test]
fn due_names_malformed_input() {
    for bad in ["asap", "", "urgent ", "p1", "höch", "-v"] {
        assert_error(&due(&[bad, "2026-12-21T10:00"]), 1, &unknown_priority(bad));
    }
    for bad in [
        "tomorrow",
        "",
        "2026-12-23",
        "2026-12-23 15:00:00+01:00",
        "2026-02-30T10:00",
        "2026-12-23T24:00",
        "2026-12-23T15:00Z",
        "2026-12-23T15:00:00+0100",
        "2026-12-23T15:00:60Z",
        "2026-13-01T10:00",
    ] {
        assert_error(&due(&["urgent", bad]), 1, &invalid_datetime(bad));
    }
    // The priority is checked first.
    assert_error(&due(&["asap", "tomorrow"]), 1, &unknown_priority("asap"));
}

#[test]
fn due_usage_errors() {
    assert_usage_error(
        &due(&[]),
        "due",
        "expected <priority> <created>, got 0 arguments",
    );
    assert_usage_error(
        &due(&["urgent"]),
        "due",
        "expected <priority> <created>, got 1 argument",
    );
    assert_usage_error(
        &due(&["urgent", "2026-12-21T10:00", "extra"]),
        "due",
        "expected <priority> <created>, got 3 arguments",
    );
    assert_usage_error(
        &due(&["--verbose", "urgent", "2026-12-21T10:00"]),
        "due",
        "unknown option '--verbose'",
    );
    assert_usage_error(
        &due(&["urgent", "2026-12-21T10:00", "--explian"]),
        "due",
        "unknown option '--explian'",
    );
    assert_usage_error(
        &due(&["--batch", "urgent"]),
        "due",
        "--batch takes no other arguments; it reads from standard input",
    );
}

#[cfg(unix)]
#[test]
fn due_refuses_arguments_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let output = Command::new(example("due"))
        .arg("urgent")
        .arg(std::ffi::OsStr::from_bytes(b"2026-12-21T10:00\xff"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(
        stderr.starts_with("error: argument ") && stderr.ends_with(" is not valid UTF-8\n"),
        "{stderr}"
    );
}

#[test]
fn due_help() {
    for flag in ["--help", "-h"] {
        let out = due(&[flag]);
        assert_help(&out, "due");
        assert!(out.stdout.contains("--batch") && out.stdout.contains("--explain"));
    }
    // Help wins over everything else on the line.
    assert_help(&due(&["urgent", "--help"]), "due");
}

#[test]
fn due_explain_names_the_skipped_holidays() {
    let out = due(&["--explain", "normal", "2026-12-23T15:00"]);
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert_eq!(out.stderr, "");
    let lines: Vec<&str> = out.stdout.lines().collect();
    // The due instant comes first, exactly as without --explain.
    assert_eq!(lines[0], "2026-12-28T15:00:00+01:00");
    assert!(
        lines.contains(&"2026-12-25 Fri  skipped: holiday: 1. Weihnachtstag / Christmas Day"),
        "{}",
        out.stdout
    );
    assert!(
        lines.contains(&"2026-12-27 Sun  skipped: weekend"),
        "{}",
        out.stdout
    );
    assert!(
        lines.contains(&"2026-12-23 Wed  counted 15:00-18:00 CET: 3h (total 3h)"),
        "{}",
        out.stdout
    );
    assert!(
        lines.contains(&"2026-12-28 Mon  counted 10:00-15:00 CET: 5h (total 16h)"),
        "{}",
        out.stdout
    );
    assert_eq!(lines.last(), Some(&"due      2026-12-28T15:00:00+01:00"));
    assert!(out.stdout.ends_with('\n'));

    // --explain may come after the arguments; a weekday holiday is named.
    let out = due(&["urgent", "2026-04-02T17:00", "--explain"]);
    // Thursday before Easter: 1 h, Good Friday, weekend, Easter Monday,
    // then 3 h on Tuesday 7 April.
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert!(
        out.stdout.starts_with("2026-04-07T13:00:00+02:00\n"),
        "{}",
        out.stdout
    );
    for line in [
        "2026-04-03 Fri  skipped: holiday: Karfreitag / Good Friday",
        "2026-04-06 Mon  skipped: holiday: Ostermontag / Easter Monday",
    ] {
        assert!(
            out.stdout.lines().any(|l| l == line),
            "{line}\n{}",
            out.stdout
        );
    }

    // An error is reported once, with nothing on stdout.
    assert_error(
        &due(&["--explain", "asap", "2026-12-23T15:00"]),
        1,
        &unknown_priority("asap"),
    );
}

// ---------------------------------------------------------------------------
// due --batch
// ---------------------------------------------------------------------------

fn batch(input: &[u8]) -> Outcome {
    run_with_input("due", &["--batch"], Some(input.to_vec()))
}

fn fields_error(found: usize, shown: &str) -> String {
    let fields = if found == 1 { "field" } else { "fields" };
    format!(
        "error: expected '<priority> <created>' separated by one space or tab, found {found} \
         {fields} in '{shown}'"
    )
}

const EMPTY_LINE: &str = "error: empty line; expected '<priority> <created>'";
const NOT_UTF8: &str = "error: line is not valid UTF-8";

#[test]
fn batch_writes_one_line_per_input_line_in_order() {
    // (input bytes including the line end, expected output line)
    let cases: Vec<(&[u8], String)> = vec![
        (
            b"urgent 2026-12-18T16:00:00+01:00\n",
            "2026-12-21T12:00:00+01:00".into(),
        ),
        (b"\n", EMPTY_LINE.into()),
        (
            b"high 2026-12-23T15:00 extra\n",
            fields_error(3, "high 2026-12-23T15:00 extra"),
        ),
        (
            b"high  2026-12-23T15:00\n",
            fields_error(3, "high  2026-12-23T15:00"),
        ),
        (
            b"high 2026-12-23T15:00 \n",
            fields_error(3, "high 2026-12-23T15:00 "),
        ),
        (
            b" high 2026-12-23T15:00\n",
            fields_error(3, " high 2026-12-23T15:00"),
        ),
        (
            b"hoch\t2026-12-23T15:00\n",
            "2026-12-24T15:00:00+01:00".into(),
        ),
        (
            b"urgent\t\t2026-12-21T10:00\n",
            fields_error(3, "urgent\\t\\t2026-12-21T10:00"),
        ),
        (
            b"normal 2026-12-23T15:00\r\n",
            "2026-12-28T15:00:00+01:00".into(),
        ),
        (b"\r\n", EMPTY_LINE.into()),
        (b"urgent 2026-12-21T10:00\xff\n", NOT_UTF8.into()),
        (b"\xc3\x28 2026-12-21T10:00\n", NOT_UTF8.into()),
        (b"hello\n", fields_error(1, "hello")),
        (
            b"urgent\r2026-12-21T10:00\n",
            fields_error(1, "urgent\\r2026-12-21T10:00"),
        ),
        (
            b"asap 2026-12-21T10:00\n",
            format!("error: {}", unknown_priority("asap")),
        ),
        (
            b"urgent tomorrow\n",
            format!("error: {}", invalid_datetime("tomorrow")),
        ),
        (
            b"urgent 2026-03-29T02:30\n",
            format!("error: {}", gap("2026-03-29T02:30")),
        ),
        (
            b"urgent 1994-12-31T23:00:00+01:00\n",
            format!("error: {}", out_of_range("1994-12-31T23:00:00+01:00")),
        ),
        (
            b"low 2099-12-28T10:00\n",
            format!("error: {DEADLINE_OUT_OF_RANGE}"),
        ),
        (
            b"DRINGEND 2026-12-21T17:59:59\n",
            "2026-12-22T13:59:59+01:00".into(),
        ),
        (
            b"urgent 2026-12-21T10:00:00.5+01:00\n",
            "2026-12-21T14:00:00.500+01:00".into(),
        ),
        (
            b"Urgent 2026-12-21T10:00:00+09:00\r\n",
            "2026-12-21T14:00:00+01:00".into(),
        ),
        // The last line has no line end.
        (b"low 2026-12-21T10:00", "2026-12-28T18:00:00+01:00".into()),
    ];
    let input: Vec<u8> = cases
        .iter()
        .flat_map(|(bytes, _)| bytes.iter().copied())
        .collect();
    let expected: String = cases.iter().map(|(_, line)| format!("{line}\n")).collect();
    let out = batch(&input);
    let got: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        got.len(),
        cases.len(),
        "one output line per input line: {out:#?}"
    );
    for (i, ((bytes, want), got)) in cases.iter().zip(&got).enumerate() {
        assert_eq!(
            got,
            want,
            "line {} ({:?})",
            i + 1,
            String::from_utf8_lossy(bytes)
        );
        assert!(
            !got.starts_with("error") || got.starts_with("error: "),
            "line {}: {got}",
            i + 1
        );
    }
    assert_eq!(out.stdout, expected);
    assert_eq!(out.stderr, "");
    assert_eq!(out.code, Some(1), "a failed line makes the exit status 1");
}

#[test]
fn batch_exit_status_is_zero_when_every_line_succeeds() {
    let out = batch(
        b"urgent 2026-12-18T16:00:00+01:00\nhoch\t2026-12-23T15:00\r\nNormal 2026-12-23T15:00",
    );
    assert_ok(
        &out,
        "2026-12-21T12:00:00+01:00\n2026-12-24T15:00:00+01:00\n2026-12-28T15:00:00+01:00\n",
    );
    // No input, no output.
    assert_ok(&batch(b""), "");
    // A single empty line is one failed line.
    let out = batch(b"\n");
    assert_eq!(out.stdout, format!("{EMPTY_LINE}\n"));
    assert_eq!(out.stderr, "");
    assert_eq!(out.code, Some(1));
    // One bad line among good ones is enough for status 1.
    let out =
        batch(b"urgent 2026-12-21T10:00\nurgent 2026-12-21T10:00 x\nurgent 2026-12-21T10:00\n");
    assert_eq!(
        out.stdout,
        format!(
            "2026-12-21T14:00:00+01:00\n{}\n2026-12-21T14:00:00+01:00\n",
            fields_error(3, "urgent 2026-12-21T10:00 x")
        )
    );
    assert_eq!(out.code, Some(1));
}

/// A carriage return that is not part of the CR LF line end must not reach
/// the output raw: many readers (Python's text mode, for one) treat a lone
/// CR as a line break, and then the output no longer has one line per input
/// line. Errors quote the offending value, so the batch mode escapes control characters in every
/// error it writes.
#[test]
fn batch_output_holds_no_stray_carriage_returns() {
    let input: &[u8] =
        b"urgent\r 2026-12-21T10:00\nurgent 2026-12-21T10:00\r\r\nurgent\r2026-12-21T10:00\n";
    let out = batch(input);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stdout.split('\n').count() - 1, 3, "{out:#?}");
    assert!(
        !out.stdout.contains('\r'),
        "raw CR in batch output (breaks one-line-per-input for CR-aware readers): {:?}",
        out.stdout
    );
    assert!(
        out.stdout
            .starts_with("error: unknown priority 'urgent\\r'"),
        "{out:#?}"
    );
    // A bare CR ending the last line is a line end, as in CR LF.
    let out = batch(b"low 2026-12-21T10:00\r");
    assert_eq!(out.stdout, "2026-12-28T18:00:00+01:00\n");
    assert_eq!(out.code, Some(0));
}

#[test]
fn batch_streams_a_large_input_in_order() {
    // Line i: every 13th line is garbage that names its own number; the
    // others are an urgent ticket created i seconds after Monday 2026-12-21
    // 10:00 CET, written in varying ways. Due: Monday 14:00 + i seconds
    // while that fits the day (i <= 4 h), else Tuesday 10:00 + (i - 4 h).
    const N: i64 = 20_000;
    let monday_open =
        NaiveDateTime::parse_from_str("2026-12-21T10:00:00", "%Y-%m-%dT%H:%M:%S").unwrap();
    let tuesday_open = monday_open + Duration::days(1);
    let four_hours = 4 * 3600;
    let names = ["urgent", "Dringend", "URGENT", "dRiNgEnD"];
    let mut input = Vec::with_capacity(N as usize * 40);
    let mut expected = String::with_capacity(N as usize * 30);
    for i in 0..N {
        if i % 13 == 5 {
            input.extend_from_slice(format!("bogus line {i}\n").as_bytes());
            expected.push_str(&fields_error(3, &format!("bogus line {i}")));
        } else {
            let created = monday_open + Duration::seconds(i);
            let separator = if i % 3 == 0 { '\t' } else { ' ' };
            let line_end = if i % 5 == 0 { "\r\n" } else { "\n" };
            let created_text = if i % 2 == 0 {
                created.format("%Y-%m-%dT%H:%M:%S").to_string()
            } else {
                // The same instant in UTC.
                (created - Duration::hours(1))
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string()
            };
            let name = names[(i % 4) as usize];
            input
                .extend_from_slice(format!("{name}{separator}{created_text}{line_end}").as_bytes());
            let due = if i <= four_hours {
                created + Duration::seconds(four_hours)
            } else {
                tuesday_open + Duration::seconds(i - four_hours)
            };
            expected.push_str(&due.format("%Y-%m-%dT%H:%M:%S+01:00").to_string());
        }
        expected.push('\n');
    }
    let out = batch(&input);
    assert_eq!(out.stderr, "");
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stdout.lines().count(), N as usize);
    if out.stdout != expected {
        let first_difference = out
            .stdout
            .lines()
            .zip(expected.lines())
            .enumerate()
            .find(|(_, (got, want))| got != want);
        panic!("batch output differs; first difference (line, got, want): {first_difference:?}");
    }
}

// ---------------------------------------------------------------------------
// status
// ---------------------------------------------------------------------------

fn status(args: &[&str]) -> Outcome {
    run("status", args)
}

#[test]
fn status_pending() {
    // Urgent, created Friday 16:00: due Monday 12:00; 75 % (3 h) elapsed
    // at Monday 11:00. At Monday 10:30, 2h 30m have elapsed.
    let out = status(&["urgent", "2026-12-18T16:00", "--now", "2026-12-21T10:30"]);
    assert_ok(&out, golden!("status_pending.txt"));
    // Over the weekend only Friday's 2 h have elapsed.
    let out = status(&[
        "urgent",
        "2026-12-18T16:00",
        "--now",
        "2026-12-19T12:00:00Z",
    ]);
    assert_ok(&out, golden!("status_pending_over_the_weekend.txt"));
    // Low (5 business days) in German: 30 h elapsed on Thursday 24th 16:00.
    let out = status(&["niedrig", "2026-12-21T10:00", "--now", "2026-12-21T10:00"]);
    assert_ok(&out, golden!("status_pending_low_in_german.txt"));
}

#[test]
fn status_pending_while_paused() {
    // Normal (16 h) from Wednesday 23rd 15:00, paused 10:00-12:00 on the
    // 24th: due moves from Monday 15:00 to 17:00. At 11:00 on the 24th only
    // the 3 h of the 23rd count. 12 h (75 %): 3 h + 6 h + 3 h on Monday.
    let expected = golden!("status_pending_while_paused.txt");
    let base = ["normal", "2026-12-23T15:00", "--now", "2026-12-24T11:00"];
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        status(&args)
    };
    assert_ok(
        &with(&["--paused", "2026-12-24T10:00/2026-12-24T12:00"]),
        expected,
    );
    // The same pause in UTC.
    assert_ok(
        &with(&["--paused", "2026-12-24T09:00:00Z/2026-12-24T11:00:00Z"]),
        expected,
    );
    // Two overlapping pauses count once.
    assert_ok(
        &with(&[
            "--paused",
            "2026-12-24T10:30/2026-12-24T12:00",
            "--paused",
            "2026-12-24T10:00/2026-12-24T11:00",
        ]),
        expected,
    );
}

/// The cases of the issue "the status example counts a response that has
/// not happened yet" and of "a running pause is counted in remaining but
/// not in due": every line agrees with the others.
#[test]
fn status_values_agree_with_each_other() {
    // Low (40 h) from 23 December 09:00, waiting since the 24th 11:00 and
    // still waiting on the 28th 11:00: 9 h elapsed, 31 h left, which end on
    // the 31st at 18:00; 30 h (75 %) are reached on the 30th at 16:00.
    let out = status(&[
        "low",
        "2026-12-23T09:00",
        "--now",
        "2026-12-28T11:00",
        "--paused",
        "2026-12-24T11:00/..",
    ]);
    assert_ok(
        &out,
        "status       pending\nremaining    31h\ndue          2026-12-31T18:00:00+01:00\n\
         at risk from 2026-12-30T16:00:00+01:00 (75% of 40h)\n",
    );
    // A response after now is not known at now.
    let out = status(&[
        "urgent",
        "2070-11-15T00:00:00+01:00",
        "--now",
        "2070-11-17T11:20:10.472854794+01:00",
        "--responded",
        "2070-11-17T14:00:00.000000001+01:00",
    ]);
    assert_ok(
        &out,
        "status       pending\nremaining    2h 39m 49.527145206s\n\
         due          2070-11-17T14:00:00+01:00\n\
         at risk from 2070-11-17T13:00:00+01:00 (75% of 4h)\n\
         next change  2070-11-17T13:00:00+01:00\n",
    );
    let out = status(&[
        "high",
        "2048-12-27T01:28:31",
        "--now",
        "2048-12-28T17:59:59.999999999",
        "--responded",
        "2048-12-28T17:00:00+00:00",
    ]);
    assert_ok(
        &out,
        "status       at_risk\nremaining    0.000000001s\n\
         due          2048-12-28T18:00:00+01:00\n\
         at risk from 2048-12-28T16:00:00+01:00 (75% of 8h)\n\
         next change  2048-12-28T18:00:00.000000001+01:00\n",
    );
}

/// The seam between the library and the example: for many tickets, with
/// and without a running pause and a response before or after now, the
/// example prints exactly the library's reading at now.
#[test]
fn status_prints_the_librarys_reading() {
    use sla_clock::{Calendar, Pause, Policy, Priority, RiskThreshold, SlaClock};
    let cal = Calendar::munich();
    let policy = Policy::default();
    let show = |t: chrono::DateTime<sla_clock::Tz>| {
        t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
    };
    // A fixed pseudo-random walk, so that a failure is repeatable.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: i64| -> i64 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as i64
    };
    let base = chrono::DateTime::parse_from_rfc3339("2026-12-14T09:00:00+01:00").unwrap();
    let minutes = |m: i64| Duration::minutes(m);
    for case in 0..24 {
        let priority = [
            Priority::Urgent,
            Priority::High,
            Priority::Normal,
            Priority::Low,
        ][case % 4];
        let created = base + minutes(next(14 * 24 * 60));
        let now = created + minutes(next(10 * 24 * 60));
        let closed_start = created + minutes(next(3 * 24 * 60));
        let closed = Pause::new(closed_start, closed_start + minutes(next(24 * 60))).unwrap();
        let running = (case % 2 == 0).then(|| Pause::since(created + minutes(next(8 * 24 * 60))));
        let responded = (case % 3 == 0).then(|| created + minutes(next(10 * 24 * 60)));
        let percent = [75u8, 50, 90][case % 3];

        let clock = SlaClock::for_priority(&cal, &policy, priority, &created)
            .unwrap()
            .with_pauses([closed].into_iter().chain(running))
            .unwrap()
            .with_risk_threshold(RiskThreshold::percent(percent).unwrap());
        let clock = match responded {
            Some(r) => clock.with_response(&r).unwrap(),
            None => clock,
        };
        let reading = clock.reading(&now).unwrap();
        let mut expected = format!(
            "status       {}\nremaining    {}\ndue          {}\n",
            reading.status.name(),
            reading.remaining,
            show(reading.due)
        );
        if let Some(at_risk) = reading.at_risk_from {
            expected.push_str(&format!(
                "at risk from {} ({percent}% of {})\n",
                show(at_risk),
                clock.target()
            ));
        }
        if let Some(next) = reading.next_change {
            expected.push_str(&format!("next change  {}\n", show(next)));
        }

        let (created, now) = (created.to_rfc3339(), now.to_rfc3339());
        let closed = closed.to_string();
        let running = running.map(|p| p.to_string());
        let responded = responded.map(|r| r.to_rfc3339());
        let percent = format!("{percent}%");
        let name = priority.name(sla_clock::Language::English);
        let mut args = vec![
            name,
            &created,
            "--now",
            &now,
            "--paused",
            &closed,
            "--at-risk",
            &percent,
        ];
        if let Some(running) = &running {
            args.extend(["--paused", running]);
        }
        if let Some(responded) = &responded {
            args.extend(["--responded", responded]);
        }
        let out = status(&args);
        assert_eq!(
            out.stdout,
            expected,
            "case {case}: status {}",
            args.join(" ")
        );
        assert_eq!(out.code, Some(0), "case {case}: {}", out.stderr);
    }
}

#[test]
fn status_at_risk() {
    let out = status(&["urgent", "2026-12-18T16:00", "--now", "2026-12-21T11:00"]);
    assert_ok(&out, golden!("status_at_risk.txt"));
    // Exactly at the due instant, without a response: not yet breached.
    let out = status(&["urgent", "2026-12-18T16:00", "--now", "2026-12-21T12:00"]);
    assert_ok(&out, golden!("status_at_risk_at_the_due_instant.txt"));
    // --at-risk 50%: at risk after 2 of 4 hours.
    let out = status(&[
        "urgent",
        "2026-12-21T10:00",
        "--now",
        "2026-12-21T12:30",
        "--at-risk",
        "50%",
    ]);
    assert_ok(&out, golden!("status_at_risk_from_50_percent.txt"));
    let out = status(&[
        "urgent",
        "2026-12-21T10:00",
        "--at-risk",
        "50%",
        "--now",
        "2026-12-21T11:59:59",
    ]);
    assert_ok(&out, golden!("status_pending_before_50_percent.txt"));
}

#[test]
fn status_met() {
    // High (8 h) from Monday 10:00, paused 12:00-14:00: due Tuesday 12:00.
    // Answered Monday 17:00 after 5 h. 75 % (6 h) is reached at Monday's close.
    let out = status(&[
        "high",
        "2026-12-21T10:00",
        "--responded",
        "2026-12-21T17:00",
        "--paused",
        "2026-12-21T12:00/2026-12-21T14:00",
        "--now",
        "2026-12-22T09:00",
    ]);
    assert_ok(&out, golden!("status_met_after_a_pause.txt"));
    // A response exactly at the due instant meets the target.
    let out = status(&[
        "urgent",
        "2026-12-18T16:00",
        "--responded",
        "2026-12-21T12:00:00+01:00",
        "--now",
        "2026-12-22T09:00",
    ]);
    assert_ok(&out, golden!("status_met_at_the_due_instant.txt"));
}

#[test]
fn status_breached() {
    // No response, Monday 13:30: 5h 30m of 4 h elapsed.
    let out = status(&["dringend", "2026-12-18T16:00", "--now", "2026-12-21T13:30"]);
    assert_ok(&out, golden!("status_breached.txt"));
    // Answered one second late.
    let out = status(&[
        "urgent",
        "2026-12-18T16:00",
        "--responded",
        "2026-12-21T12:00:01",
        "--now",
        "2026-12-22T09:00",
    ]);
    assert_ok(&out, golden!("status_breached_by_one_second.txt"));
    // Due at Monday's close, answered at 19:00: late, by no business time.
    let out = status(&[
        "urgent",
        "2026-12-21T14:00",
        "--responded",
        "2026-12-21T19:00",
        "--now",
        "2026-12-22T09:00",
    ]);
    assert_ok(&out, golden!("status_breached_after_hours.txt"));
}

#[test]
fn status_errors() {
    let base = ["urgent", "2026-12-21T10:00", "--now", "2026-12-21T11:00"];
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        status(&args)
    };
    assert_error(
        &with(&["--paused", "2026-12-21T12:00"]),
        1,
        "invalid pause '2026-12-21T12:00'; expected START/END or START/.. (still running), \
         two instants joined by '/'",
    );
    assert_error(
        &with(&["--paused", "2026-12-21T14:00/2026-12-21T12:00"]),
        1,
        "invalid pause: it ends at 2026-12-21T12:00:00+01:00, before it starts at \
         2026-12-21T14:00:00+01:00",
    );
    assert_error(
        &with(&["--paused", "2026-12-21T12:00/later"]),
        1,
        &invalid_datetime("later"),
    );
    assert_error(
        &with(&["--responded", "2026-12-21T09:00"]),
        1,
        "invalid response instant 2026-12-21T09:00:00+01:00: it is before the ticket was \
         created at 2026-12-21T10:00:00+01:00",
    );
    // A bad --at-risk is a usage error; 50 and 50% are both fine.
    assert_usage_error(
        &with(&["--at-risk", "150%"]),
        "status",
        "invalid at-risk threshold 150%; expected a percentage from 0 to 100",
    );
    for bad in ["300%", "abc", "-5%", "", "%", "1000%", "+5"] {
        assert_usage_error(
            &with(&["--at-risk", bad]),
            "status",
            &format!(
                "invalid at-risk threshold '{bad}'; expected a percentage from 0 to 100, like 80 or 80%"
            ),
        );
    }
    assert_eq!(
        with(&["--at-risk", "50"]).stdout,
        with(&["--at-risk", "50%"]).stdout
    );
    assert_error(
        &status(&["urgent", "2026-12-21T10:00", "--now", "2100-01-01T00:00"]),
        1,
        &out_of_range("2100-01-01T00:00:00+01:00"),
    );
    assert_error(
        &status(&["urgent", "2026-12-21T10:00", "--now", "2026-03-29T02:30"]),
        1,
        &gap("2026-03-29T02:30"),
    );
    assert_error(
        &status(&["asap", "2026-12-21T10:00", "--now", "2026-12-21T11:00"]),
        1,
        &unknown_priority("asap"),
    );
    assert_error(
        &status(&["urgent", "2026-12-21", "--now", "2026-12-21T11:00"]),
        1,
        &invalid_datetime("2026-12-21"),
    );

    assert_usage_error(&with(&["--foo"]), "status", "unknown option '--foo'");
    assert_usage_error(&with(&["--now"]), "status", "option '--now' needs a value");
    assert_usage_error(
        &with(&["--at-risk"]),
        "status",
        "option '--at-risk' needs a value",
    );
    assert_usage_error(
        &with(&["--paused"]),
        "status",
        "option '--paused' needs a value",
    );
    assert_usage_error(
        &with(&["--responded"]),
        "status",
        "option '--responded' needs a value",
    );
    assert_usage_error(
        &status(&["urgent", "--now", "2026-12-21T11:00"]),
        "status",
        "expected <priority> <created>, got 1 argument",
    );
    assert_usage_error(
        &with(&["extra"]),
        "status",
        "expected <priority> <created>, got 3 arguments",
    );
}

#[cfg(feature = "serde")]
#[test]
fn status_help() {
    for flag in ["--help", "-h"] {
        let out = status(&[flag]);
        assert_help(&out, "status");
        assert!(out.stdout.contains("--paused <from>/<to>"));
    }
}

// ---------------------------------------------------------------------------
// The user's configuration files (--calendar, --policy)
// ---------------------------------------------------------------------------

/// New York, Monday to Friday 09:00 to 17:00, no holidays at all.
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
const NEW_YORK: &str = r#"{"time_zone": "America/New_York",
  "week": {"monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"],
           "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"]}, "holidays": []}"#;

/// Urgent in two business hours, the rest as the default.
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
const FAST_POLICY: &str = r#"{"urgent": {"business_hours": 2}, "high": {"business_days": 1},
  "normal": {"business_days": 2}, "low": {"business_days": 5}}"#;

#[cfg(feature = "serde")]
#[cfg(feature = "serde")]
#[test]
fn due_and_status_follow_the_users_calendar_and_policy() {
    let calendar = config_file("new-york.json", NEW_YORK);
    let policy = config_file("fast-policy.json", FAST_POLICY);
    // Local times are read in New York; Christmas is no holiday in this
    // calendar, so 1 hour on the 24th and 1 on the 25th.
    let out = due(&[
        "--calendar",
        &calendar,
        "--policy",
        &policy,
        "urgent",
        "2026-12-24T16:00",
    ]);
    assert_ok(&out, "2026-12-25T10:00:00-05:00\n");
    // Options may come in any place.
    let out = due(&[
        "urgent",
        "--policy",
        &policy,
        "2026-12-24T16:00",
        "--calendar",
        &calendar,
    ]);
    assert_ok(&out, "2026-12-25T10:00:00-05:00\n");
    // The calendar alone: High is one 8-hour New York business day.
    let out = due(&["--calendar", &calendar, "high", "2026-12-24T16:00"]);
    assert_ok(&out, "2026-12-25T16:00:00-05:00\n");
    let out = run_with_input(
        "due",
        &["--batch", "--calendar", &calendar],
        Some(b"high 2026-12-24T16:00\n".to_vec()),
    );
    assert_ok(&out, "2026-12-25T16:00:00-05:00\n");
    let out = status(&[
        "urgent",
        "2026-12-24T16:00",
        "--now",
        "2026-12-25T09:30",
        "--calendar",
        &calendar,
        "--policy",
        &policy,
    ]);
    assert!(
        out.stdout.starts_with(
            "status       at_risk\nremaining    30m\ndue          2026-12-25T10:00:00-05:00\n"
        ),
        "{out:#?}"
    );
    assert_eq!(out.code, Some(0));
}

#[cfg(feature = "serde")]
#[cfg(feature = "serde")]
#[test]
fn holidays_lists_the_users_calendar() {
    let munich = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/munich-calendar.json");
    let from_file = holidays(&["--calendar", munich.to_str().unwrap(), "2027"]);
    assert_ok(&from_file, &holidays(&["2027"]).stdout);
    let company = config_file(
        "company-day.json",
        r#"{"time_zone": "Europe/Vienna", "week": {"monday": ["08:00-16:00"]},
            "holidays": [{"date": {"kind": "fixed", "month": 12, "day": 24},
                          "name": {"de": "Heiligabend", "en": "Christmas Eve"}}]}"#,
    );
    assert_ok(
        &holidays(&["--calendar", &company, "2026", "2027"]),
        "2026-12-24  Heiligabend / Christmas Eve\n2027-12-24  Heiligabend / Christmas Eve\n",
    );
}

#[cfg(feature = "serde")]
#[cfg(feature = "serde")]
#[test]
fn holidays_lists_the_closures_and_special_hours_of_the_users_calendar() {
    let desk = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/support-desk-calendar.json");
    let desk = desk.to_str().unwrap();
    // Munich's holidays of 2026 with the desk's own dates in date order:
    // a closure on 5 June, Saturday and Christmas Eve shifts, the closure
    // week, and its half day on New Year's Eve.
    let mut expected = String::new();
    for line in holidays(&["2026"]).stdout.lines() {
        if line.starts_with("2026-12-25") {
            expected.push_str("2026-12-19  special hours 10:00-14:00\n");
            expected.push_str("2026-12-24  special hours 10:00-14:00\n");
        }
        expected.push_str(line);
        expected.push('\n');
        if line.starts_with("2026-06-04") {
            expected.push_str("2026-06-05  closure\n");
        }
    }
    expected.push_str("2026-12-28/2027-01-01  closure\n2026-12-31  special hours 10:00-12:00\n");
    assert_ok(&holidays(&["--calendar", desk, "2026"]), &expected);
    // The closure week reaches into 2027, listed where it starts.
    let out = holidays(&["--calendar", desk, "2027"]);
    assert!(
        out.stdout
            .starts_with("2026-12-28/2027-01-01  closure\n2027-01-01  Neujahr / New Year's Day\n"),
        "{out:#?}"
    );
    // A year without any: the holidays alone.
    assert_ok(
        &holidays(&["--calendar", desk, "2030"]),
        &holidays(&["2030"]).stdout,
    );
    // High (8 h) from 23 December 15:00: 3 h, 4 h on the 24th, the
    // holidays, the Sunday, the closure, 1 h on the 31st (open 10:00 to
    // 12:00 though inside the closure: special hours win).
    assert_ok(
        &due(&["--calendar", desk, "high", "2026-12-23T15:00"]),
        "2026-12-31T11:00:00+01:00\n",
    );
    let closed = config_file(
        "special-closed.json",
        r#"{"time_zone": "Europe/Berlin", "week": {"monday": ["08:00-16:00"]}, "holidays": [],
            "special_hours": [{"date": "2027-03-01/2027-03-08", "windows": []},
                              {"date": "2027-03-06", "windows": ["09:00-12:00", "13:00-15:00"]}]}"#,
    );
    assert_ok(
        &holidays(&["--calendar", &closed, "2027"]),
        "2027-03-01/2027-03-05  special hours: closed\n\
         2027-03-06  special hours 09:00-12:00, 13:00-15:00\n\
         2027-03-07/2027-03-08  special hours: closed\n",
    );
}

#[cfg(feature = "serde")]
#[test]
fn bad_configuration_files_are_usage_errors_that_say_why() {
    let missing = format!("{}/no-such-calendar.json", env!("CARGO_TARGET_TMPDIR"));
    assert_error(
        &due(&["--calendar", &missing, "urgent", "2026-12-18T16:00"]),
        2,
        &format!("cannot read calendar file '{missing}': No such file or directory (os error 2)"),
    );
    let broken = config_file("broken.json", "{\"time_zone\": ");
    let out = status(&["--calendar", &broken, "urgent", "2026-12-18T16:00"]);
    assert!(
        out.stderr
            .starts_with(&format!("error: invalid calendar file '{broken}': ")),
        "{out:#?}"
    );
    assert_eq!(out.code, Some(2));
    let policy = config_file(
        "policy-missing-low.json",
        r#"{"urgent": {"business_hours": 4}}"#,
    );
    let out = due(&["--policy", &policy, "urgent", "2026-12-18T16:00"]);
    assert!(
        out.stderr
            .starts_with(&format!("error: invalid policy file '{policy}': ")),
        "{out:#?}"
    );
    assert_eq!(out.code, Some(2));
    assert_usage_error(
        &due(&["urgent", "2026-12-18T16:00", "--calendar"]),
        "due",
        "option '--calendar' needs a value",
    );
    let calendar = config_file("new-york-twice.json", NEW_YORK);
    assert_usage_error(
        &holidays(&["--calendar", &calendar, "--calendar", &calendar, "2027"]),
        "holidays",
        "option '--calendar' is given more than once",
    );
}

#[cfg(feature = "serde")]
#[cfg(feature = "serde")]
#[test]
fn a_hostile_calendar_file_gets_a_quick_clear_error() {
    // 100 000 one-second windows on one day (the adversarial run's 2 MB
    // file): refused by the limit before any table is built.
    let windows: Vec<String> = (0..100_000)
        .map(|i| {
            let s = i % 86_399;
            let t = |s: u32| format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
            format!("\"{}-{}\"", t(s), t(s + 1))
        })
        .collect();
    let json = format!(
        r#"{{"time_zone": "Europe/Berlin", "week": {{"monday": [{}]}}, "holidays": []}}"#,
        windows.join(",")
    );
    let hostile = config_file("hostile-windows.json", &json);
    let out = due(&["--calendar", &hostile, "urgent", "2026-12-18T16:00"]);
    assert!(
        out.stderr.starts_with(&format!(
            "error: invalid calendar file '{hostile}': calendar JSON, line 1 column "
        )) && out.stderr.ends_with(
            ": too many opening windows on monday: 100000, more than the limit of 24 \
             (see sla_clock::limits)\n"
        ),
        "{out:#?}"
    );
    assert_eq!(out.code, Some(2));
}

// ---------------------------------------------------------------------------
// Hostile input and broken output
// ---------------------------------------------------------------------------

#[test]
fn batch_answers_an_overlong_line_with_one_short_error_line() {
    // 3 MB without a line end: one error line quoting 32 bytes, not 3 MB.
    let out = batch(&vec![b'a'; 3_000_000]);
    assert_eq!(
        out.stdout,
        format!(
            "error: line is longer than 1024 bytes; it starts '{}'\n",
            "a".repeat(32)
        )
    );
    assert_eq!(out.code, Some(1));
    // The stream goes on after it.
    let mut input = vec![b' '; 2_000_000];
    input.extend_from_slice(b"\nhigh 2026-12-23T15:00\n");
    let out = batch(&input);
    assert_eq!(
        out.stdout,
        format!(
            "error: line is longer than 1024 bytes; it starts '{}'\n2026-12-24T15:00:00+01:00\n",
            " ".repeat(32)
        )
    );
}

#[test]
fn batch_lines_of_exactly_the_limit_are_read_whole() {
    // 1024 bytes, then the same with CR LF: both are read, and the error
    // names the whole (bad) date-time. One byte more is too long.
    let created = format!("2026-12-23T15:00{}", "0".repeat(1024 - 5 - 16));
    let line = format!("high {created}");
    assert_eq!(line.len(), 1024);
    let out = batch(format!("{line}\n{line}\r\n{line}0\n").as_bytes());
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{out:#?}");
    assert_eq!(lines[0], format!("error: {}", invalid_datetime(&created)));
    assert_eq!(lines[1], lines[0]);
    assert!(
        lines[2].starts_with(
            "error: line is longer than 1024 bytes; it starts 'high 2026-12-23T15:00000"
        )
    );
}

#[test]
fn batch_error_lines_escape_every_line_separator() {
    // NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR, vertical tab, form feed,
    // file/group/record separators and a bidi override: each would make a
    // Unicode-aware reader (Python's str.splitlines, for one) see more
    // lines out than in, or hide text.
    let input = "high\u{85} 2026-12-23T15:00\nhigh 2026-12-23T15:00\u{2028}x\nhigh 2026\u{2029}\n\
                 \u{b}\u{c}\u{1c}\u{1d}\u{1e} x\nhigh \u{202e}2026-12-23T15:00\n";
    let out = batch(input.as_bytes());
    assert_eq!(out.stdout, golden!("batch_escaped_line_separators.txt"));
    // Text people write stays as it is.
    let out = batch("dringénd 2026-12-23T15:00\n".as_bytes());
    assert!(
        out.stdout.starts_with("error: unknown priority 'dringénd'"),
        "{out:#?}"
    );
}

/// Runs an example with its standard output on a pipe whose reader has
/// already gone, so that every write fails with a broken pipe.
fn run_into_closed_pipe(name: &str, args: &[&str]) -> Outcome {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(example(name))
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run the example");
    Outcome {
        code: output.status.code(),
        stdout: String::new(),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

#[test]
fn a_reader_that_has_gone_ends_every_example_quietly() {
    let cases: [(&str, &[&str]); 7] = [
        ("due", &["urgent", "2026-12-18T16:00"]),
        ("due", &["--explain", "urgent", "2026-12-18T16:00"]),
        ("due", &["--help"]),
        (
            "status",
            &["urgent", "2026-12-18T16:00", "--now", "2026-12-21T11:00"],
        ),
        ("status", &["--help"]),
        ("holidays", &["1995", "2099"]),
        ("holidays", &["--help"]),
    ];
    for (name, args) in cases {
        let out = run_into_closed_pipe(name, args);
        assert_eq!(out.stderr, "", "{name} {args:?}: {out:#?}");
        assert_eq!(out.code, Some(0), "{name} {args:?}: {out:#?}");
    }
}

#[test]
fn a_full_disk_is_one_error_line_and_status_1() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        return; // Linux only; nothing to check elsewhere.
    }
    let cases: [(&str, &[&str]); 5] = [
        ("due", &["urgent", "2026-12-18T16:00"]),
        ("due", &["--explain", "urgent", "2026-12-18T16:00"]),
        (
            "status",
            &["urgent", "2026-12-18T16:00", "--now", "2026-12-21T11:00"],
        ),
        ("holidays", &["2027"]),
        ("due", &["--help"]),
    ];
    for (name, args) in cases {
        let output = Command::new(example(name))
            .args(args)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(full).expect("open /dev/full"))
            .output()
            .expect("run the example");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: cannot write output: No space left on device (os error 28)\n",
            "{name} {args:?}"
        );
        assert_eq!(output.status.code(), Some(1), "{name} {args:?}");
    }
}

#[cfg(feature = "serde")]
#[cfg(feature = "serde")]
#[test]
fn holidays_takes_a_region_or_a_calendar_not_both() {
    let calendar = config_file("new-york-region.json", NEW_YORK);
    assert_usage_error(
        &holidays(&["--calendar", &calendar, "--region", "DE-BE", "2027"]),
        "holidays",
        "give --region or --calendar, not both",
    );
}

#[cfg(not(feature = "serde"))]
#[test]
fn without_serde_a_configuration_file_says_which_feature_reads_it() {
    assert_error(
        &due(&[
            "--calendar",
            "data/munich-calendar.json",
            "urgent",
            "2026-12-18T16:00",
        ]),
        2,
        "cannot read calendar file 'data/munich-calendar.json': this build has no JSON support; \
         run the example with `cargo run --features serde --example ...`",
    );
}

/// The `--json` outputs, read by an independent reader: `serde_json::Value`
/// and chrono's own RFC 3339 parser, as a program in another language
/// reads them; then against the library's answers.
#[cfg(feature = "serde")]
#[test]
fn json_outputs_follow_the_service_contract() {
    use chrono::DateTime;
    use serde_json::Value;
    use sla_clock::{Calendar, Policy, Priority, SlaClock, SlaReading};

    let cal = Calendar::munich();
    let rfc3339 = |v: &Value| DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();

    let out = run("due", &["--json", "urgent", "2026-12-18T16:00"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let v: Value = serde_json::from_str(out.stdout.trim_end()).unwrap();
    assert_eq!(v["priority"], "urgent");
    assert_eq!(v["zone"], "Europe/Berlin");
    let created = cal.parse_datetime("2026-12-18T16:00").unwrap();
    let due = Policy::default()
        .due(&cal, Priority::Urgent, &created)
        .unwrap();
    assert_eq!(rfc3339(&v["due"]), due);
    assert_eq!(rfc3339(&v["created"]), created);

    let out = run_with_input(
        "due",
        &["--json", "--batch"],
        Some(b"high 2026-12-23T15:00\nasap 2026-12-23T15:00\n".to_vec()),
    );
    assert_eq!(out.code, Some(1));
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        rfc3339(&lines[0]["due"]).to_rfc3339(),
        "2026-12-24T15:00:00+01:00"
    );
    assert_eq!(lines[1]["error"]["kind"], "priority");

    let out = run(
        "status",
        &[
            "--json",
            "urgent",
            "2026-12-18T16:00",
            "--now",
            "2026-12-21T11:00",
            "--paused",
            "2026-12-21T10:30/..",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let v: Value = serde_json::from_str(out.stdout.trim_end()).unwrap();
    let clock = SlaClock::for_priority(&cal, &Policy::default(), Priority::Urgent, &created)
        .unwrap()
        .with_pauses([cal.parse_pause("2026-12-21T10:30/..").unwrap()])
        .unwrap()
        .with_risk_threshold(sla_clock::RiskThreshold::percent(75).unwrap());
    let now = cal.parse_datetime("2026-12-21T11:00").unwrap();
    let reading = clock.reading(&now).unwrap();
    assert_eq!(v["status"], reading.status.name());
    assert_eq!(
        v["remaining_ns"].as_i64().unwrap() as i128,
        reading.remaining.as_nanos()
    );
    assert_eq!(rfc3339(&v["due"]), reading.due);
    assert_eq!(v["next_change"], Value::Null);
    assert_eq!(serde_json::from_value::<SlaReading>(v).unwrap(), reading);

    let out = run("holidays", &["--json", "--region", "de-be", "2028"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.iter().all(|l| l["kind"] == "holiday"));
    let dates: Vec<&str> = lines.iter().map(|l| l["date"].as_str().unwrap()).collect();
    // Berlin's one-off holiday of 2028 (GVBl. 2024 Nr. 28 S. 460).
    assert!(dates.contains(&"2028-06-17"), "{dates:?}");
    for date in dates {
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    }
}

#[test]
fn the_examples_share_one_convention() {
    // --at-risk takes 80 and 80% alike.
    let a = status(&[
        "urgent",
        "2026-12-18T16:00",
        "--now",
        "2026-12-21T11:00",
        "--at-risk",
        "80",
    ]);
    let b = status(&[
        "urgent",
        "2026-12-18T16:00",
        "--now",
        "2026-12-21T11:00",
        "--at-risk",
        "80%",
    ]);
    assert_eq!((a.code, &a.stdout), (Some(0), &b.stdout));
    // A bad option value is a usage error (2); a date that fails is 1.
    let bad = status(&["urgent", "2026-12-18T16:00", "--at-risk", "eighty"]);
    assert_eq!(bad.code, Some(2), "{}", bad.stderr);
    assert_eq!(status(&["urgent", "tomorrow"]).code, Some(1));
    assert_eq!(run("due", &["urgent", "tomorrow"]).code, Some(1));
    assert_eq!(run("holidays", &["2100"]).code, Some(1));
    for name in ["due", "status", "holidays"] {
        assert_eq!(run(name, &["--bogus"]).code, Some(2), "{name}");
        let help = run(name, &["--help"]).stdout;
        assert!(help.contains("\nExit status: 0 "), "{name}: {help}");
        assert!(
            help.contains("\nSupported dates: 1995-01-01 to 2099-12-31."),
            "{name}"
        );
    }
}

// ---------------------------------------------------------------------------
// calendar
// ---------------------------------------------------------------------------

fn calendar(args: &[&str]) -> Outcome {
    run("calendar", args)
}

/// Each sub-command prints what the library answers, on instants and
/// dates near the places where the conventions bite: the opening and the
/// closing, weekends, Christmas, the DST switch days, the range's ends.
#[test]
fn calendar_prints_the_librarys_answers() {
    use sla_clock::{Calendar, EndDate, Roll};
    let cal = Calendar::munich();
    let show = |t: chrono::DateTime<sla_clock::Tz>| {
        t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
    };
    let expect = |answer: sla_clock::Result<String>| match answer {
        Ok(text) => (0, format!("{text}\n"), String::new()),
        Err(e) => (1, String::new(), format!("error: {e}\n")),
    };
    let instants = [
        "2026-12-21T10:00",
        "2026-12-21T17:59:59.5",
        "2026-12-21T18:00",
        "2026-12-19T12:00",
        "2026-12-23T15:00",
        "2026-12-24T23:00",
        "2026-03-27T17:00",
        "2026-10-23T15:30:00+02:00",
        "1995-01-01T00:00",
        "2099-12-31T17:00",
        "2099-12-31T20:00",
    ];
    let check = |args: &[&str], (code, stdout, stderr): (i32, String, String)| {
        let out = calendar(args);
        assert_eq!(
            (out.code, &out.stdout, &out.stderr),
            (Some(code), &stdout, &stderr),
            "calendar {args:?}"
        );
    };
    for text in instants {
        let at = cal.parse_datetime(text).unwrap();
        check(
            &["is-open", text],
            expect(cal.openness(&at).map(|o| o.to_string())),
        );
        for (word, roll) in [("forward", Roll::Forward), ("backward", Roll::Backward)] {
            check(&["roll", word, text], expect(cal.roll(&at, roll).map(show)));
        }
        for n in [0, 1, 2, -1, -3, 250] {
            let days = n.to_string();
            check(
                &["add-days", &days, text],
                expect(cal.add_business_days_at(&at, n).map(show)),
            );
        }
    }
    let dates = [
        "2026-12-23",
        "2026-12-28",
        "2026-12-19",
        "1995-01-01",
        "2099-12-31",
    ];
    for from in dates {
        for to in dates {
            let (a, b) = (from.parse().unwrap(), to.parse().unwrap());
            let count = (|| {
                let excluded = cal.business_days_between(a, b, EndDate::Excluded)?;
                let included = cal.business_days_between(a, b, EndDate::Included)?;
                Ok(format!(
                    "end excluded  {excluded}\nend included  {included}"
                ))
            })();
            check(&["count", from, to], expect(count));
        }
    }
}

#[test]
fn calendar_worked_examples() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["add-days", "2", "2026-12-15T15:00"],
            "2026-12-17T15:00:00+01:00\n",
        ),
        (
            &["count", "2026-12-23", "2026-12-28"],
            "end excluded  2\nend included  3\n",
        ),
        (
            &["roll", "backward", "2026-12-21T08:00"],
            "2026-12-18T18:00:00+01:00\n",
        ),
        (&["is-open", "2026-12-21T18:00"], "closed: after closing\n"),
        (
            &["is-open", "2026-12-25T12:00"],
            "closed: holiday: 1. Weihnachtstag / Christmas Day\n",
        ),
        (&["is-open", "2026-12-21T10:00"], "open\n"),
    ];
    for (args, stdout) in cases {
        assert_ok(&calendar(args), stdout);
    }
}

#[test]
fn calendar_refuses_bad_input_and_bad_usage() {
    let bad_input: [(&[&str], String); 6] = [
        (&["is-open", "2026-03-29T02:30"], gap("2026-03-29T02:30")),
        (
            &["is-open", "2100-01-01T12:00"],
            out_of_range("2100-01-01T12:00:00+01:00"),
        ),
        (
            &["add-days", "x", "2026-12-21T12:00"],
            "invalid number of business days 'x'; expected a whole number from -2147483648 \
             to 2147483647"
                .to_string(),
        ),
        (
            &["count", "2026-12-01/2026-12-05", "2026-12-09"],
            "invalid date '2026-12-01/2026-12-05'; expected one date, YYYY-MM-DD".to_string(),
        ),
        (
            &["count", "1994-12-31", "2026-12-09"],
            format!("date 1994-12-31 is outside the supported range {RANGE}"),
        ),
        (
            &["add-days", "2147483647", "2026-12-21T12:00"],
            format!(
                "counting 2147483647 business days after 2026-12-21 leaves the supported \
                 range {RANGE}"
            ),
        ),
    ];
    for (args, message) in &bad_input {
        assert_error(&calendar(args), 1, message);
    }
    let usage: [(&[&str], &str); 5] = [
        (
            &[],
            "expected a sub-command: is-open, roll, count or add-days",
        ),
        (
            &["open?", "x"],
            "unknown sub-command 'open?'; expected is-open, roll, count or add-days",
        ),
        (
            &["roll", "sideways", "2026-12-21T12:00"],
            "unknown direction 'sideways'; expected forward or backward",
        ),
        (
            &["count", "2026-12-01"],
            "count takes <from-date> <to-date>, got 1 argument",
        ),
        (&["--bogus", "is-open", "x"], "unknown option '--bogus'"),
    ];
    for (args, message) in usage {
        assert_usage_error(&calendar(args), "calendar", message);
    }
    assert_help(&calendar(&["--help"]), "calendar");
}

/// With `--calendar FILE` the example asks that calendar: the support
/// desk's template, with its half day on Christmas Eve.
#[cfg(feature = "serde")]
#[test]
fn calendar_reads_a_calendar_file() {
    use sla_clock::{Calendar, EndDate};
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/support-desk-calendar.json"
    );
    let desk = Calendar::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let start = desk.parse_datetime("2026-12-23T15:00").unwrap();
    let due = desk.add_business_days_at(&start, 1).unwrap();
    assert_ok(
        &calendar(&["--calendar", path, "add-days", "1", "2026-12-23T15:00"]),
        &format!("{}\n", due.to_rfc3339()),
    );
    let (a, b) = ("2026-12-01".parse().unwrap(), "2027-01-01".parse().unwrap());
    let excluded = desk.business_days_between(a, b, EndDate::Excluded).unwrap();
    let included = desk.business_days_between(a, b, EndDate::Included).unwrap();
    assert_ok(
        &calendar(&["--calendar", path, "count", "2026-12-01", "2027-01-01"]),
        &format!("end excluded  {excluded}\nend included  {included}\n"),
    );
}
