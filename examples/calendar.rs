//! Asks a calendar (by default the Munich support calendar) about opening
//! hours and business days: whether it is open, where an instant rolls to,
//! how many business days lie between two dates, and whole business days
//! from an instant.
//!
//!     cargo run --example calendar -- is-open 2026-12-21T18:00
//!     cargo run --example calendar -- roll forward 2026-12-19T12:00
//!     cargo run --example calendar -- count 2026-12-23 2026-12-28
//!     cargo run --example calendar -- add-days 2 2026-12-23T15:00
//!     cargo run --features serde --example calendar -- --calendar data/support-desk-calendar.json count 2026-12-01 2027-01-01

mod cli;

use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, SecondsFormat};
use sla_clock::{Calendar, DateRange, EndDate, Roll, Tz};

const USAGE: &str = "\
Usage: calendar [--calendar FILE] is-open <instant>
       calendar [--calendar FILE] roll <forward|backward> <instant>
       calendar [--calendar FILE] count <from-date> <to-date>
       calendar [--calendar FILE] add-days <n> <instant>

Asks the calendar (without --calendar, the Munich support calendar:
Mon-Fri 10:00-18:00 Europe/Berlin, Munich public holidays) and prints its
answer; instants in RFC 3339 in the calendar's time zone.

  is-open   'open', or 'closed: ' and why, at the instant (before opening,
            break, after closing, weekend, which holiday, closure...; open
            at the opening, closed at the closing)
  roll      the instant itself when open, else the next opening (forward)
            or the last closing (backward)
  count     the business days from <from-date> to <to-date>, both ways of
            counting, each on a line of its own: 'end excluded' counts
            [from, to) as pandas' busday_count does, 'end included' counts
            [from, to]; negative when <to-date> is earlier
  add-days  <n> business days after the instant (before it when negative),
            keeping the time of day; a closed instant rolls first

  <instant>  RFC 3339 (2026-12-23T15:00:00+01:00, 2026-12-23T14:00:00Z) or a
             local date-time in the calendar's zone (2026-12-23T15:00)
  <date>     YYYY-MM-DD
  <n>        a whole number, negative to count back

Options:
  --calendar FILE  the calendar as JSON, in the form of data/munich-calendar.json
  -h, --help       print this help

Exit status: 0 on success, 1 when a date, instant or number is bad or the
answer lies outside the supported range, 2 for a usage error (a bad
option, sub-command or configuration file).

Supported dates: 1995-01-01 to 2099-12-31.";

fn show(t: &DateTime<Tz>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// One date, as the library reads the dates of a closure.
fn date(text: &str) -> Result<NaiveDate, String> {
    match text.parse::<DateRange>() {
        Ok(range) if !text.contains('/') => Ok(range.first),
        Ok(_) => Err(format!(
            "invalid date '{text}'; expected one date, YYYY-MM-DD"
        )),
        Err(e) => Err(e.to_string()),
    }
}

/// A whole number of business days.
fn days(text: &str) -> Result<i32, String> {
    text.parse().map_err(|_| {
        format!(
            "invalid number of business days '{text}'; expected a whole number from {} to {}",
            i32::MIN,
            i32::MAX
        )
    })
}

/// What a sub-command prints, or the message of the bad input.
fn answer(calendar: &Calendar, command: &str, args: &[&str]) -> Result<String, String> {
    let instant = |text: &str| calendar.parse_datetime(text).map_err(|e| e.to_string());
    let library = |e: sla_clock::Error| e.to_string();
    match (command, args) {
        ("is-open", [at]) => {
            let openness = calendar.openness(&instant(at)?).map_err(library)?;
            Ok(openness.to_string())
        }
        ("roll", [direction, at]) => {
            let roll = match *direction {
                "forward" => Roll::Forward,
                "backward" => Roll::Backward,
                other => return Err(format!("unknown direction '{other}'")),
            };
            Ok(show(&calendar.roll(&instant(at)?, roll).map_err(library)?))
        }
        ("count", [from, to]) => {
            let (from, to) = (date(from)?, date(to)?);
            let count = |end| calendar.business_days_between(from, to, end);
            let excluded = count(EndDate::Excluded).map_err(library)?;
            let included = count(EndDate::Included).map_err(library)?;
            Ok(format!(
                "end excluded  {excluded}\nend included  {included}"
            ))
        }
        ("add-days", [n, at]) => {
            let n = days(n)?;
            let at = instant(at)?;
            Ok(show(
                &calendar.add_business_days_at(&at, n).map_err(library)?,
            ))
        }
        _ => Err(format!("unexpected sub-command '{command}'")),
    }
}

/// The arguments each sub-command takes, by name.
fn arguments(command: &str) -> Option<&'static str> {
    match command {
        "is-open" => Some("<instant>"),
        "roll" => Some("<forward|backward> <instant>"),
        "count" => Some("<from-date> <to-date>"),
        "add-days" => Some("<n> <instant>"),
        _ => None,
    }
}

fn main() -> ExitCode {
    run().unwrap_or_else(|code| code)
}

/// The program; `Err` is an exit status after the message was printed.
fn run() -> Result<ExitCode, ExitCode> {
    let mut args = cli::args(USAGE)?;
    let calendar = cli::calendar(&mut args, USAGE)?;
    let usage_error = |message: &str| cli::fail(2, &format!("{message}\n\n{USAGE}"));
    // A negative <n> is a number, not an option.
    let is_number = |a: &str| a.len() > 1 && a[1..].bytes().all(|b| b.is_ascii_digit());
    if let Some(flag) = args.iter().find(|a| a.starts_with('-') && !is_number(a)) {
        return Err(usage_error(&format!("unknown option '{flag}'")));
    }
    let Some((command, rest)) = args.split_first() else {
        return Err(usage_error(
            "expected a sub-command: is-open, roll, count or add-days",
        ));
    };
    let Some(expected) = arguments(command) else {
        return Err(usage_error(&format!(
            "unknown sub-command '{command}'; expected is-open, roll, count or add-days"
        )));
    };
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    if rest.len() != expected.split(' ').count() {
        return Err(usage_error(&format!(
            "{command} takes {expected}, got {}",
            cli::plural(rest.len(), "argument")
        )));
    }
    if command == "roll" && !matches!(rest[0], "forward" | "backward") {
        return Err(usage_error(&format!(
            "unknown direction '{}'; expected forward or backward",
            rest[0]
        )));
    }
    let answer = answer(&calendar, command, &rest).map_err(|e| cli::fail(1, &e))?;
    cli::print(format_args!("{answer}\n"))?;
    Ok(ExitCode::SUCCESS)
}
