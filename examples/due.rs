//! Prints when a ticket is due under a policy and calendar (by default the
//! support policy and the Munich calendar).
//!
//!     cargo run --example due -- urgent 2026-12-18T16:00:00+01:00
//!     cargo run --example due -- --explain normal 2026-12-23T15:00
//!     cargo run --example due -- --calendar data/munich-calendar.json high 2026-12-23T15:00
//!     printf 'high 2026-12-23T15:00\n' | cargo run --example due -- --batch

mod cli;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use chrono::DateTime;
use chrono::SecondsFormat;
use sla_clock::{Calendar, Explanation, Language, Policy, Priority, SlaClock, Tz};

const USAGE: &str = "\
Usage: due [--calendar FILE] [--policy FILE] [--json] [--explain] <priority> <created>
       due [--calendar FILE] [--policy FILE] [--json] --batch

Prints the instant a ticket's first response is due, as RFC 3339 in the
calendar's time zone. Without options it uses the default policy (Urgent 4
business hours, High 1 business day, Normal 2, Low 5) and the Munich
support calendar (Mon-Fri 10:00-18:00 Europe/Berlin, Munich public
holidays).

  <priority>  urgent, high, normal, low (or dringend, hoch, normal, niedrig),
              in any letter case
  <created>   RFC 3339 (2026-12-23T15:00:00+01:00, 2026-12-23T14:00:00Z) or a
              local date-time in the calendar's zone (2026-12-23T15:00:00,
              2026-12-23T15:00)

Options:
  --calendar FILE  the calendar as JSON, in the form of data/munich-calendar.json
  --policy FILE    the policy as JSON, in the form of data/default-policy.json
  --json           write JSON, one object a line (docs/SERVICE.md):
                   {\"priority\": P, \"created\": T, \"due\": T, \"zone\": Z}, with
                   --explain also \"explanation\"; in --batch a failed line is
                   {\"error\": {\"kind\": K, \"message\": M}}; needs --features serde
  --explain        also print each day that counted or was skipped, and why
  --batch          read lines '<priority> <created>' (one space or tab between)
                   from standard input and write one line per input line: the
                   due instant or 'error: <reason>'. A line may be up to 1024
                   bytes long. Exit status 1 if any line failed.
  -h, --help       print this help

Exit status: 0 on success, 1 when a date or line failed, 2 for a usage
error (a bad option or configuration file). A reader that closes the
output early (head) ends the program quietly.

Supported dates: 1995-01-01 to 2099-12-31.";

/// The longest batch line read; a valid one is under 64 bytes. Longer
/// lines get one error line, so memory stays the same whatever the input.
const MAX_LINE_BYTES: usize = sla_clock::limits::MAX_DUE_LINE_BYTES;

/// How much of an over-long line its error line quotes.
const QUOTED_BYTES: usize = 32;

fn due(
    calendar: &Calendar,
    policy: &Policy,
    priority: &str,
    created: &str,
    json: bool,
) -> sla_clock::Result<String> {
    let priority: Priority = priority.parse()?;
    let created = calendar.parse_datetime(created)?;
    let due = policy.due(calendar, priority, &created)?;
    let show = |t: &DateTime<Tz>| t.to_rfc3339_opts(SecondsFormat::AutoSi, false);
    if json {
        return Ok(json_object(&[
            (
                "priority",
                json_string(&priority.name(Language::English).to_lowercase()),
            ),
            (
                "created",
                json_string(&show(&created.with_timezone(&calendar.zone()))),
            ),
            ("due", json_string(&show(&due))),
            ("zone", json_string(calendar.zone().name())),
        ]));
    }
    Ok(show(&due))
}

/// `{"key": value, ...}` from values already written as JSON.
fn json_object(fields: &[(&str, String)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}: {value}", json_string(key)))
        .collect();
    format!("{{{}}}", fields.join(", "))
}

/// A JSON string. The crate's writer when it has one (`--json` needs it),
/// else debug quoting, which is never used for output then.
fn json_string(text: &str) -> String {
    #[cfg(feature = "serde")]
    return serde_json::to_string(text).unwrap_or_default();
    #[cfg(not(feature = "serde"))]
    format!("{text:?}")
}

/// Why a batch line failed: the kind of the library's error, or `line`
/// for a line that is not `<priority> <created>`, and the message.
type LineError = (&'static str, String);

/// One batch line to one output line; never fails the whole run.
fn batch_line(
    calendar: &Calendar,
    policy: &Policy,
    line: &[u8],
    json: bool,
) -> Result<String, LineError> {
    let shape = |message: String| ("line", message);
    let line =
        std::str::from_utf8(line).map_err(|_| shape("line is not valid UTF-8".to_string()))?;
    if line.is_empty() {
        return Err(shape(
            "empty line; expected '<priority> <created>'".to_string(),
        ));
    }
    let fields: Vec<&str> = line.split([' ', '\t']).collect();
    match fields.as_slice() {
        [priority, created] => due(calendar, policy, priority, created, json)
            .map_err(|e| (e.kind().name(), e.to_string())),
        _ => Err(shape(format!(
            "expected '<priority> <created>' separated by one space or tab, found {} in '{line}'",
            cli::plural(fields.len(), "field")
        ))),
    }
}

fn too_long(line: &[u8]) -> LineError {
    let start = String::from_utf8_lossy(&line[..line.len().min(QUOTED_BYTES)]);
    (
        "line",
        format!("line is longer than {MAX_LINE_BYTES} bytes; it starts '{start}'"),
    )
}

fn batch(calendar: &Calendar, policy: &Policy, json: bool) -> io::Result<bool> {
    let mut input = io::BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut line = Vec::with_capacity(MAX_LINE_BYTES + 1);
    let mut all_ok = true;
    let mut first = true;
    while let Some(complete) = cli::next_line(&mut input, &mut line, MAX_LINE_BYTES)? {
        if std::mem::take(&mut first) && line.starts_with(b"\xef\xbb\xbf") {
            // A byte order mark, as some Windows tools write.
            line.drain(..3);
        }
        let result = if complete {
            batch_line(calendar, policy, &line, json)
        } else {
            Err(too_long(&line))
        };
        match result {
            Ok(due) => writeln!(out, "{due}")?,
            Err((kind, reason)) if json => {
                all_ok = false;
                let error = json_object(&[
                    ("kind", json_string(kind)),
                    ("message", json_string(&reason)),
                ]);
                writeln!(out, "{}", json_object(&[("error", error)]))?;
            }
            Err((_, reason)) => {
                all_ok = false;
                writeln!(out, "error: {}", cli::visible(&reason))?;
            }
        }
    }
    out.flush()?;
    Ok(all_ok)
}

fn explain(
    calendar: &Calendar,
    policy: &Policy,
    priority: &str,
    created: &str,
) -> sla_clock::Result<Explanation> {
    let priority: Priority = priority.parse()?;
    let created = calendar.parse_datetime(created)?;
    let target = policy.target(priority).duration(calendar);
    SlaClock::new(calendar, &created, target)?.explain()
}

/// The explanation in the crate's JSON form.
fn explanation_json(explanation: &Explanation) -> String {
    #[cfg(feature = "serde")]
    return serde_json::to_string(explanation).unwrap_or_default();
    #[cfg(not(feature = "serde"))]
    format!("{explanation:?}")
}

fn main() -> ExitCode {
    run().unwrap_or_else(|code| code)
}

/// The program; `Err` is an exit status after the message was printed.
fn run() -> Result<ExitCode, ExitCode> {
    let mut args = cli::args(USAGE)?;
    let calendar = cli::calendar(&mut args, USAGE)?;
    let policy = cli::policy(&mut args, USAGE)?;
    let json = cli::json(&mut args)?;
    let usage_error = |message: &str| cli::fail(2, &format!("{message}\n\n{USAGE}"));
    if args.iter().any(|a| a == "--batch") {
        if args.len() != 1 {
            return Err(usage_error(
                "--batch takes no other arguments; it reads from standard input",
            ));
        }
        return match batch(&calendar, &policy, json) {
            Ok(true) => Ok(ExitCode::SUCCESS),
            Ok(false) => Ok(ExitCode::from(1)),
            Err(e) => Err(cli::write_failed(e)),
        };
    }
    let explained = args.iter().any(|a| a == "--explain");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--explain").collect();
    if let Some(flag) = rest.iter().find(|a| a.starts_with("--")) {
        return Err(usage_error(&format!("unknown option '{flag}'")));
    }
    let [priority, created] = rest.as_slice() else {
        return Err(usage_error(&format!(
            "expected <priority> <created>, got {}",
            cli::plural(rest.len(), "argument")
        )));
    };
    let due = due(&calendar, &policy, priority, created, json)
        .map_err(|e| cli::fail(1, &e.to_string()))?;
    if explained && json {
        let explanation = explain(&calendar, &policy, priority, created)
            .map_err(|e| cli::fail(1, &e.to_string()))?;
        let explanation = explanation_json(&explanation);
        let line = format!(
            "{},\"explanation\":{explanation}}}",
            due.trim_end_matches('}')
        );
        cli::print(format_args!("{line}\n"))?;
    } else if explained {
        let explanation = explain(&calendar, &policy, priority, created)
            .map_err(|e| cli::fail(1, &e.to_string()))?;
        // An explanation can run to many lines: it is written as it is
        // formatted, not gathered into one string first.
        cli::print(format_args!("{due}\n{explanation}"))?;
    } else {
        cli::print(format_args!("{due}\n"))?;
    }
    Ok(ExitCode::SUCCESS)
}
