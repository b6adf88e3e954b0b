//! Runs the compiled `tickets` example the way a support lead would and
//! checks its exact output and exit status, as `examples_cli` does for the
//! other examples.
//!
//! The expected reports are worked out by hand from `docs/LIFECYCLE.md` and
//! `docs/SEMANTICS.md` (the arithmetic is in the comments) and written with
//! [`cycle`], which spells out the CYCLE shape of the example's usage text
//! and `docs/LIFECYCLE.md` section 3; they are not copied from the
//! program's output. The outputs of four lines or more, and
//! the README's report, are in `tests/golden/` (see its README).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::support::{Outcome, RANGE, config_file, example, golden};

// ---------------------------------------------------------------------------
// Harness (`example`, `Outcome` and `config_file` are in `support`)
// ---------------------------------------------------------------------------

fn tickets(args: &[&str], input: impl Into<Vec<u8>>) -> Outcome {
    let mut child = Command::new(example("tickets"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the tickets example");
    let bytes = input.into();
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // From another thread, so that a large input cannot dead-lock against a
    // full stdout pipe.
    let writer = std::thread::spawn(move || {
        // The program may stop reading early (a usage error): ignore that.
        let _ = stdin.write_all(&bytes);
    });
    let output = child.wait_with_output().expect("wait for the example");
    writer.join().expect("stdin writer thread");
    Outcome {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Exactly these lines on stdout, nothing on stderr, exit `code`; and
/// every line is one JSON object.
#[track_caller]
fn assert_lines(out: &Outcome, code: i32, lines: &[String]) {
    let expected: String = lines.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(out.stdout, expected, "stdout; full outcome: {out:#?}");
    assert_eq!(out.stderr, "", "stderr; full outcome: {out:#?}");
    assert_eq!(out.code, Some(code), "exit status; full outcome: {out:#?}");
    for line in out.stdout.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        assert!(value.is_object(), "{line}");
    }
}

/// A usage error: exit 2, nothing on stdout, the message, a blank line and
/// the usage on stderr.
#[track_caller]
fn assert_usage_error(out: &Outcome, message: &str) {
    let head = format!("error: {message}\n\nUsage: tickets ");
    assert!(
        out.stderr.starts_with(&head),
        "stderr should start with {head:?}; full outcome: {out:#?}"
    );
    assert_eq!(out.stdout, "", "stdout; full outcome: {out:#?}");
    assert_eq!(out.code, Some(2), "exit status; full outcome: {out:#?}");
}

/// The lines of a golden file, for [`assert_lines`].
fn golden_lines(text: &str) -> Vec<String> {
    text.lines().map(String::from).collect()
}

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

// ---------------------------------------------------------------------------
// The output's shape, spelled out
// ---------------------------------------------------------------------------

/// One event line.
fn event(ticket: &str, at: &str, kind: &str) -> String {
    format!(r#"{{"ticket": "{ticket}", "at": "{at}", "kind": "{kind}"}}"#)
}

fn created(ticket: &str, at: &str, priority: &str) -> String {
    format!(
        r#"{{"ticket": "{ticket}", "at": "{at}", "kind": "created", "priority": "{priority}"}}"#
    )
}

fn input(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// A CYCLE as the example's usage text writes it; instants are Munich
/// winter time unless they carry their own offset, `stop` "" is null.
fn cycle(
    start: &str,
    stop: &str,
    target: &str,
    due: &str,
    elapsed: &str,
    remaining: &str,
    status: &str,
) -> String {
    let t = |s: &str| {
        if s.len() > 19 {
            format!("\"{s}\"")
        } else {
            format!("\"{s}+01:00\"")
        }
    };
    let stop = if stop.is_empty() {
        "null".into()
    } else {
        t(stop)
    };
    format!(
        r#"{{"start": {}, "stop": {stop}, "target_seconds": {target}, "due": {}, "elapsed_seconds": {elapsed}, "remaining_seconds": {remaining}, "status": "{status}"}}"#,
        t(start),
        t(due)
    )
}

fn report(ticket: &str, priority: &str, metrics: &[(&str, Vec<String>)]) -> String {
    let metrics: Vec<String> = metrics
        .iter()
        .map(|(name, cycles)| format!("\"{name}\": [{}]", cycles.join(", ")))
        .collect();
    format!(
        r#"{{"ticket": "{ticket}", "priority": "{priority}", "metrics": {{{}}}}}"#,
        metrics.join(", ")
    )
}

fn ticket_error(ticket: &str, error: &str) -> String {
    format!(r#"{{"ticket": "{ticket}", "error": "{error}"}}"#)
}

fn line_error(line: usize, error: &str) -> String {
    format!(r#"{{"line": {line}, "error": "{error}"}}"#)
}

// ---------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------

/// The export of the README: two tickets, interleaved, every metric.
fn readme_export() -> String {
    input(&[
        created("T-1", "2026-12-18T16:00:00+01:00", "urgent"),
        created("T-2", "2026-12-21T10:00", "hoch"),
        event("T-1", "2026-12-21T13:00", "agent_reply"),
        event("T-2", "2026-12-21T11:00", "agent_reply"),
        event("T-2", "2026-12-21T12:00", "waiting"),
        event("T-2", "2026-12-22T12:00", "customer_reply"),
    ])
}

#[test]
fn every_metric_of_two_interleaved_tickets() {
    let out = tickets(
        &[
            "--now",
            "2026-12-22T17:00",
            "--policy",
            &data("lifecycle-policy.json"),
        ],
        readme_export(),
    );
    // The file holds T-1's report, then T-2's, each metric in the order
    // first_response, next_response, periodic_update, resolution:
    //
    // T-1, urgent:
    // - first_response: Friday 16-18 and Monday 10-13: 5 h against 4 h, due
    //   Monday 12:00.
    // - next_response: no cycle, the customer never wrote again.
    // - periodic_update: from the reply, no update since: Monday 13-18 and
    //   Tuesday 10-17, 12 h against 4 h.
    // - resolution: 16 h: 2 Friday, 8 Monday, 6 Tuesday; 17 h by 17:00.
    //
    // T-2, high:
    // - first_response: answered at 11:00, after 1 h of 8 h, due Monday
    //   18:00.
    // - next_response: the customer's answer after the first reply: 4 h
    //   from Tuesday 12:00.
    // - periodic_update: 8 h, paused while waiting (Monday 12:00 to Tuesday
    //   12:00): 1 h + 5 h = 75 %, at risk; due after 1 + 6 + 1.
    // - resolution: 40 h, same pause: 2 + 6 on Monday and Tuesday, 8 on the
    //   23rd, 24th, 28th and 29th (25th, 26th holidays).
    assert_lines(
        &out,
        0,
        &golden_lines(golden!("tickets_readme_report.jsonl")),
    );
}

/// The README shows `data/example-events.jsonl` and the report it gives;
/// both must be what the files and the tool hold.
#[test]
fn the_readme_example_is_what_the_tool_writes() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let events = std::fs::read_to_string(data("example-events.jsonl")).unwrap();
    assert_eq!(events, readme_export());
    let block = |after: &str| {
        let start = readme.find(after).expect("the README's tickets section") + after.len();
        let rest = &readme[start..];
        rest[..rest.find("```").unwrap()].to_string()
    };
    assert_eq!(
        block("< data/example-events.jsonl\n```\n\n```json\n"),
        events
    );
    let out = tickets(
        &[
            "--now",
            "2026-12-22T17:00",
            "--policy",
            &data("lifecycle-policy.json"),
        ],
        events,
    );
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert_eq!(block("gives\n\n```json\n"), out.stdout);
}

#[test]
fn the_default_policy_measures_the_first_response_and_reads_the_flat_form() {
    let first_response = |ticket: &str, priority: &str, c: String| {
        report(ticket, priority, &[("first_response", vec![c])])
    };
    let expected = [
        first_response(
            "T-1",
            "urgent",
            cycle(
                "2026-12-18T16:00:00",
                "2026-12-21T13:00:00",
                "14400",
                "2026-12-21T12:00:00",
                "18000",
                "-3600",
                "breached",
            ),
        ),
        first_response(
            "T-2",
            "high",
            cycle(
                "2026-12-21T10:00:00",
                "2026-12-21T11:00:00",
                "28800",
                "2026-12-21T18:00:00",
                "3600",
                "25200",
                "met",
            ),
        ),
    ];
    assert_lines(
        &tickets(&["--now", "2026-12-22T17:00"], readme_export()),
        0,
        &expected,
    );
    let flat = tickets(
        &[
            "--policy",
            &data("default-policy.json"),
            "--now",
            "2026-12-22T17:00",
        ],
        readme_export(),
    );
    assert_lines(&flat, 0, &expected);
}

#[test]
fn the_at_risk_share_is_an_option() {
    // Urgent, 4 h from Monday 10:00; at 12:00 half has gone.
    let events = input(&[created("A", "2026-12-21T10:00", "urgent")]);
    let at = |risk: &str| {
        let mut args = vec!["--now", "2026-12-21T12:00"];
        if !risk.is_empty() {
            args.extend(["--at-risk", risk]);
        }
        tickets(&args, events.clone())
    };
    let line = |status: &str| {
        report(
            "A",
            "urgent",
            &[(
                "first_response",
                vec![cycle(
                    "2026-12-21T10:00:00",
                    "",
                    "14400",
                    "2026-12-21T14:00:00",
                    "7200",
                    "7200",
                    status,
                )],
            )],
        )
    };
    assert_lines(&at(""), 0, &[line("pending")]);
    assert_lines(&at("50"), 0, &[line("at_risk")]);
    assert_lines(&at("51"), 0, &[line("pending")]);
}

#[test]
fn instants_and_seconds_keep_their_fractions_exactly() {
    let out = tickets(
        &["--now", "2026-12-21T11:00"],
        input(&[
            created("F", "2026-12-21T10:00:00.25+01:00", "urgent"),
            event("F", "2026-12-21T09:30:00.000000001Z", "agent_reply"),
        ]),
    );
    // 10:00:00.25 to 10:30:00.000000001 is 1799.750000001 s; 4 h less that
    // is 12600.249999999 s; due 4 h after the start.
    assert_lines(
        &out,
        0,
        &[report(
            "F",
            "urgent",
            &[(
                "first_response",
                vec![cycle(
                    "2026-12-21T10:00:00.250+01:00",
                    "2026-12-21T10:30:00.000000001+01:00",
                    "14400",
                    "2026-12-21T14:00:00.250+01:00",
                    "1799.750000001",
                    "12600.249999999",
                    "met",
                )],
            )],
        )],
    );
}

#[test]
fn events_after_now_are_not_known_yet() {
    let events = input(&[
        created("A", "2026-12-21T10:00", "urgent"),
        event("A", "2026-12-21T15:00", "agent_reply"),
        created("B", "2026-12-21T16:00", "low"),
    ]);
    let at_three = tickets(&["--now", "2026-12-21T15:00"], events.clone());
    assert_lines(
        &at_three,
        1,
        &[
            report(
                "A",
                "urgent",
                &[(
                    "first_response",
                    vec![cycle(
                        "2026-12-21T10:00:00",
                        "2026-12-21T15:00:00",
                        "14400",
                        "2026-12-21T14:00:00",
                        "18000",
                        "-3600",
                        "breached",
                    )],
                )],
            ),
            ticket_error(
                "B",
                "the ticket has no event at or before now (2026-12-21T15:00:00+01:00); its first \
                 event is 'created' at 2026-12-21T16:00:00+01:00",
            ),
        ],
    );
    // A minute earlier the reply is not known: running and past due.
    let before = tickets(&["--now", "2026-12-21T14:59"], events);
    assert!(
        before.stdout.starts_with(&report(
            "A",
            "urgent",
            &[(
                "first_response",
                vec![cycle(
                    "2026-12-21T10:00:00",
                    "",
                    "14400",
                    "2026-12-21T14:00:00",
                    "17940",
                    "-3540",
                    "breached",
                )],
            )],
        )),
        "{before:#?}"
    );
}

#[test]
fn a_users_calendar_sets_the_zone_of_input_and_output() {
    // New York, 09:00-17:00 on weekdays, no holidays.
    let calendar = config_file(
        "tickets-new-york.json",
        r#"{"time_zone": "America/New_York",
            "week": {"monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"],
                     "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"]}, "holidays": []}"#,
    );
    let out = tickets(
        &["--calendar", &calendar, "--now", "2026-12-24T12:00"],
        input(&[created("NY", "2026-12-24T10:00", "high")]),
    );
    // High: one New York business day, 8 h: 7 h on the 24th, 1 h on the
    // 25th (no holiday here).
    assert_lines(
        &out,
        0,
        &[report(
            "NY",
            "high",
            &[(
                "first_response",
                vec![cycle(
                    "2026-12-24T10:00:00-05:00",
                    "",
                    "28800",
                    "2026-12-25T10:00:00-05:00",
                    "7200",
                    "21600",
                    "pending",
                )],
            )],
        )],
    );
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[test]
fn lines_without_a_readable_ticket_come_first_in_input_order() {
    let long_body = "x".repeat(70_000);
    let mut bytes = input(&[
        created("A", "2026-12-21T10:00", "urgent"),
        String::new(),
        "not json".into(),
        "[1, 2]".into(),
        r#"{"at": "2026-12-21T10:00", "kind": "created", "priority": "low"}"#.into(),
        r#"{"ticket": "", "at": "2026-12-21T10:00", "kind": "solved"}"#.into(),
        r#"{"ticket": 7, "at": "2026-12-21T10:00", "kind": "solved"}"#.into(),
        r#"{"ticket": null}"#.into(),
        format!(r#"{{"body": "{long_body}", "ticket": "A"}}"#),
        "   \t ".into(),
    ])
    .into_bytes();
    // Line 11: not UTF-8 before any ticket id.
    bytes.extend_from_slice(b"{\"\xff\": 1}\n");
    let out = tickets(&["--now", "2026-12-21T12:00"], bytes);
    // Lines 3 to 9 and 11 each give a line error, in input order (line 9
    // quotes the first 32 bytes of the over-long line), then A's report.
    assert_lines(
        &out,
        1,
        &golden_lines(golden!("tickets_lines_without_a_ticket.jsonl")),
    );
}

#[test]
fn a_bad_line_that_names_its_ticket_makes_that_ticket_an_error() {
    let long_body = "y".repeat(70_000);
    let lines = [
        created("ok", "2026-12-21T10:00", "urgent"),
        r#"{"ticket": "kind", "at": "2026-12-21T10:00", "kind": "Created", "priority": "low"}"#
            .into(),
        created("kind", "2026-12-21T10:00", "low"),
        r#"{"ticket": "no-at", "kind": "created", "priority": "low"}"#.into(),
        r#"{"ticket": "at-number", "at": 5, "kind": "created", "priority": "low"}"#.into(),
        created("at-text", "tomorrow", "low"),
        created("gap", "2026-03-29T02:30", "low"),
        created("fold", "2026-10-25T02:30", "low"),
        r#"{"ticket": "no-kind", "at": "2026-12-21T10:00"}"#.into(),
        r#"{"ticket": "kind-number", "at": "2026-12-21T10:00", "kind": 3}"#.into(),
        event("no-priority", "2026-12-21T10:00", "created"),
        r#"{"ticket": "extra-priority", "at": "2026-12-21T10:00", "kind": "agent_reply", "priority": "low"}"#.into(),
        created("asap", "2026-12-21T10:00", "asap"),
        r#"{"ticket": "priority-number", "at": "2026-12-21T10:00", "kind": "created", "priority": 1}"#.into(),
        created("late", "2100-01-01T00:00", "low"),
        r#"{"ticket": "broken", "at": 2026"#.into(),
        r#"{"ticket": "twice", "kind": "solved", "kind": "waiting"}"#.into(),
        format!(r#"{{"ticket": "long", "body": "{long_body}"}}"#),
        r#"{"ticket": "trailing", "at": "2026-12-21T10:00", "kind": "solved"} x"#.into(),
        // Fine: other fields are ignored, a null priority is no priority.
        r#"{"ticket": "null-priority", "at": "2026-12-21T10:00", "kind": "created", "priority": "normal", "subject": {"de": "Hilfe"}}"#.into(),
        r#"{"ticket": "null-priority", "at": "2026-12-21T10:00", "kind": "solved", "priority": null}"#.into(),
    ];
    let mut bytes = input(&lines).into_bytes();
    // Line 22: not UTF-8 after the ticket id.
    bytes.extend_from_slice(b"{\"ticket\": \"utf8\", \"at\": \"\xff\"}\n");
    let out = tickets(&["--now", "2026-12-21T12:00"], bytes);
    // One line per ticket, in order of first appearance: each bad line
    // makes its ticket an error that names the line (the good line after
    // the bad one does not save the ticket `kind`); `ok` and
    // `null-priority` are reported.
    assert_lines(&out, 1, &golden_lines(golden!("tickets_bad_lines.jsonl")));
}

#[test]
fn inconsistent_histories_are_errors_for_their_ticket_alone() {
    let out = tickets(
        &["--now", "2026-12-21T12:00"],
        input(&[
            created("fine", "2026-12-21T10:00", "urgent"),
            event("no-created", "2026-12-21T10:00", "agent_reply"),
            event("before", "2026-12-21T09:00", "waiting"),
            created("before", "2026-12-21T10:00", "low"),
            created("twice", "2026-12-21T10:00", "low"),
            created("twice", "2026-12-21T11:00", "high"),
            // A second creation after now is not known yet.
            created("later-twice", "2026-12-21T10:00", "low"),
            created("later-twice", "2026-12-21T13:00", "high"),
            created("future", "2026-12-21T12:00:01", "low"),
        ]),
    );
    // `fine` and `later-twice` are reported, 2 h elapsed by noon; for
    // `later-twice`, low: 40 h from Monday 10:00 is Monday 28th 18:00 (the
    // 25th and 26th are holidays).
    assert_lines(
        &out,
        1,
        &golden_lines(golden!("tickets_inconsistent_histories.jsonl")),
    );
}

#[test]
fn a_deadline_after_the_range_makes_the_ticket_an_error() {
    let out = tickets(
        &["--now", "2099-12-30T12:00"],
        input(&[
            created("end", "2099-12-30T10:00", "low"),
            created("fits", "2099-12-30T10:00", "urgent"),
        ]),
    );
    assert_lines(
        &out,
        1,
        &[
            ticket_error(
                "end",
                &format!(
                    "the first_response deadline of the cycle that starts at \
                     2099-12-30T10:00:00+01:00 falls after the supported range {RANGE} \
                     (Europe/Berlin local time)"
                ),
            ),
            report(
                "fits",
                "urgent",
                &[(
                    "first_response",
                    vec![cycle(
                        "2099-12-30T10:00:00",
                        "",
                        "14400",
                        "2099-12-30T14:00:00",
                        "7200",
                        "7200",
                        "pending",
                    )],
                )],
            ),
        ],
    );
}

#[test]
fn a_ticket_over_the_event_limit_is_an_error_and_frees_its_events() {
    let limit = sla_clock::limits::MAX_EVENTS_PER_TICKET;
    let mut lines = vec![created("busy", "2026-12-21T10:00", "urgent")];
    lines.extend((1..=limit).map(|_| event("busy", "2026-12-21T11:00", "agent_reply")));
    lines.push(created("calm", "2026-12-21T10:00", "urgent"));
    let out = tickets(&["--now", "2026-12-21T12:00"], input(&lines));
    assert_lines(
        &out,
        1,
        &[
            ticket_error(
                "busy",
                &format!(
                    "line {}: too many events for one ticket: {}, more than the limit of {limit} \
                     (see sla_clock::limits)",
                    limit + 1,
                    limit + 1
                ),
            ),
            report(
                "calm",
                "urgent",
                &[(
                    "first_response",
                    vec![cycle(
                        "2026-12-21T10:00:00",
                        "",
                        "14400",
                        "2026-12-21T14:00:00",
                        "7200",
                        "7200",
                        "pending",
                    )],
                )],
            ),
        ],
    );
}

#[test]
fn nothing_in_the_input_breaks_an_output_line() {
    // Quotes, backslashes, a newline, a line separator, a bidi override and
    // a C1 control in ticket ids and in quoted values.
    let id = r#"a\"b\\c\nd\u2028e\u202ef\u0085"#;
    let out = tickets(
        &["--now", "2026-12-21T12:00"],
        input(&[
            format!(
                r#"{{"ticket": "{id}", "at": "2026-12-21T10:00", "kind": "created", "priority": "low"}}"#
            ),
            r#"{"ticket": "x\u2029", "at": "2026\u2028", "kind": "created", "priority": "low"}"#
                .to_string(),
            "\u{2028}".into(),
        ]),
    );
    assert_eq!(out.code, Some(1), "{out:#?}");
    assert_eq!(out.stdout.lines().count(), 3, "{out:#?}");
    for c in ['\u{2028}', '\u{2029}', '\u{85}', '\r'] {
        assert!(!out.stdout.contains(c), "{c:?} in {out:#?}");
    }
    let lines: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0]["error"],
        "invalid JSON at column 1: expected value; the line starts '\u{2028}'"
    );
    assert_eq!(lines[1]["ticket"], "a\"b\\c\nd\u{2028}e\u{202e}f\u{85}");
    assert_eq!(lines[1]["priority"], "low");
    assert_eq!(lines[2]["ticket"], "x\u{2029}");
    assert!(out.stdout.contains(r#""ticket": "x\u2029""#), "{out:#?}");
    assert_eq!(
        lines[2]["error"].as_str().unwrap(),
        format!(
            "line 2: invalid date-time '2026\u{2028}'; expected RFC 3339 like \
             2026-12-23T15:00:00+01:00 or a local date-time like 2026-12-23T15:00:00 or \
             2026-12-23T15:00"
        )
    );
}

#[test]
fn blank_lines_crlf_and_a_byte_order_mark_are_read() {
    let bytes = format!(
        "\u{feff}{}\r\n\r\n\n{}\r\n{}",
        created("W", "2026-12-21T10:00", "urgent"),
        event("W", "2026-12-21T11:00", "agent_reply"),
        "oops\r\n"
    );
    let out = tickets(&["--now", "2026-12-21T12:00"], bytes);
    assert_lines(
        &out,
        1,
        &[
            line_error(
                5,
                "invalid JSON at column 1: expected value; the line starts 'oops'",
            ),
            report(
                "W",
                "urgent",
                &[(
                    "first_response",
                    vec![cycle(
                        "2026-12-21T10:00:00",
                        "2026-12-21T11:00:00",
                        "14400",
                        "2026-12-21T14:00:00",
                        "3600",
                        "10800",
                        "met",
                    )],
                )],
            ),
        ],
    );
    // No input at all: nothing to report, and nothing wrong.
    assert_lines(&tickets(&["--now", "2026-12-21T12:00"], ""), 0, &[]);
}

#[test]
fn many_tickets_stream_through() {
    // 2 000 tickets of 10 events each, interleaved: one output line each,
    // in order of first appearance.
    let n = 2_000;
    let mut text = String::new();
    for t in 0..n {
        text.push_str(&created(&format!("T{t}"), "2026-12-21T10:00", "normal"));
        text.push('\n');
    }
    for k in 0..9 {
        for t in 0..n {
            let kind = ["agent_reply", "customer_reply", "waiting"][(t + k) % 3];
            text.push_str(&event(
                &format!("T{t}"),
                &format!("2026-12-21T1{k}:30"),
                kind,
            ));
            text.push('\n');
        }
    }
    let out = tickets(
        &[
            "--now",
            "2026-12-22T12:00",
            "--policy",
            &data("lifecycle-policy.json"),
        ],
        text,
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let ids: Vec<String> = out
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["ticket"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, (0..n).map(|t| format!("T{t}")).collect::<Vec<_>>());
}

// ---------------------------------------------------------------------------
// Usage
// ---------------------------------------------------------------------------

#[test]
fn usage_errors() {
    let events = input(&[created("A", "2026-12-21T10:00", "urgent")]);
    let run = |args: &[&str]| tickets(args, events.clone());
    assert_usage_error(
        &run(&[]),
        "missing --now <instant>: the report is as of that instant",
    );
    assert_usage_error(&run(&["--now"]), "option '--now' needs a value");
    assert_usage_error(
        &run(&["--now", "2026-12-21T12:00", "--now", "2026-12-21T13:00"]),
        "option '--now' is given more than once",
    );
    assert_usage_error(
        &run(&["--now", "tomorrow"]),
        "invalid --now: invalid date-time 'tomorrow'; expected RFC 3339 like \
         2026-12-23T15:00:00+01:00 or a local date-time like 2026-12-23T15:00:00 or \
         2026-12-23T15:00",
    );
    assert_usage_error(
        &run(&["--now", "2100-01-01T00:00"]),
        &format!(
            "invalid --now: instant 2100-01-01T00:00:00+01:00 is outside the supported range \
             {RANGE} (Europe/Berlin local time)"
        ),
    );
    assert_usage_error(
        &run(&["--now", "2026-12-21T12:00", "--frobnicate"]),
        "unknown option '--frobnicate'",
    );
    assert_usage_error(
        &run(&["--now", "2026-12-21T12:00", "events.jsonl"]),
        "unexpected argument 'events.jsonl'; the events are read from standard input",
    );
    assert_usage_error(
        &run(&["--now", "2026-12-21T12:00", "--at-risk", "101"]),
        "invalid at-risk threshold 101%; expected a percentage from 0 to 100",
    );
    for bad in ["-1", "", "+5", "75%%"] {
        assert_usage_error(
            &run(&["--now", "2026-12-21T12:00", "--at-risk", bad]),
            &format!(
                "invalid at-risk threshold '{bad}'; expected a percentage from 0 to 100, like 80 or 80%"
            ),
        );
    }
}

#[test]
fn bad_policy_files_are_usage_errors() {
    let missing = format!("{}/no-such-policy.json", env!("CARGO_TARGET_TMPDIR"));
    let out = tickets(&["--now", "2026-12-21T12:00", "--policy", &missing], "");
    assert_eq!(
        out.stderr,
        format!(
            "error: cannot read policy file '{missing}': No such file or directory (os error 2)\n"
        )
    );
    assert_eq!(out.code, Some(2));
    let mixed = config_file(
        "mixed-policy.json",
        r#"{"resolution": {"urgent": {"business_days": 1}, "high": {"business_days": 1},
            "normal": {"business_days": 1}, "low": {"business_days": 1}},
            "urgent": {"business_hours": 1}}"#,
    );
    let out = tickets(&["--now", "2026-12-21T12:00", "--policy", &mixed], "");
    assert!(
        out.stderr.starts_with(&format!(
            "error: invalid policy file '{mixed}': lifecycle policy JSON: a lifecycle policy is \
             either per metric"
        )),
        "{out:#?}"
    );
    assert_eq!(out.code, Some(2));
    let partial = config_file(
        "partial-policy.json",
        r#"{"next_response": {"urgent": {"business_hours": 1}}}"#,
    );
    let out = tickets(&["--now", "2026-12-21T12:00", "--policy", &partial], "");
    assert!(
        out.stderr.starts_with(&format!(
            "error: invalid policy file '{partial}': lifecycle policy JSON, line 1 column 51: missing field `high`"
        )),
        "{out:#?}"
    );
    assert_eq!(out.code, Some(2));
}

#[test]
fn help_explains_input_output_limits_and_exit_status() {
    let out = tickets(&["--help"], "");
    assert_eq!(out.code, Some(0), "{out:#?}");
    assert_eq!(out.stderr, "");
    assert!(out.stdout.starts_with("Usage: tickets --now <instant> "));
    for needle in [
        "JSON Lines",
        "{\"line\": 7, \"error\": \"...\"}",
        "\"target_seconds\": N",
        "\"status\": \"met\" | \"breached\" | \"at_risk\" | \"pending\"",
        "--calendar FILE",
        "--policy FILE",
        "--at-risk <percent>",
        "Exit status: 0",
        "2 for a usage",
        "65536 bytes",
        "data/lifecycle-policy.json",
        "first_response",
        "next_response",
        "periodic_update",
        "resolution",
    ] {
        assert!(out.stdout.contains(needle), "help lacks {needle:?}");
    }
    // The limit the help names is the library's.
    assert!(
        out.stdout.contains(&format!(
            "more than {} events",
            sla_clock::limits::MAX_EVENTS_PER_TICKET
        )),
        "{}",
        out.stdout
    );
    assert_eq!(tickets(&["-h"], "").stdout, out.stdout);
}

#[test]
fn a_reader_that_has_gone_or_a_full_disk() {
    let events = config_file(
        "tickets-events.jsonl",
        &input(&[created("A", "2026-12-21T10:00", "urgent")]),
    );
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(example("tickets"))
        .args(["--now", "2026-12-21T12:00"])
        .stdin(std::fs::File::open(&events).unwrap())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run the example");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        return; // Linux only.
    }
    let output = Command::new(example("tickets"))
        .args(["--now", "2026-12-21T12:00"])
        .stdin(std::fs::File::open(&events).unwrap())
        .stdout(std::fs::File::create(full).expect("open /dev/full"))
        .output()
        .expect("run the example");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot write output: No space left on device (os error 28)\n"
    );
    assert_eq!(output.status.code(), Some(1));
}
