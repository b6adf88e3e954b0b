//! Prints when a ticket is due under the default policy and calendar.
//!
//!     cargo run --example due -- urgent 2026-12-18T16:00:00+01:00
//!     cargo run --example due -- --explain normal 2026-12-23T15:00
//!     printf 'high 2026-12-23T15:00\n' | cargo run --example due -- --batch

mod cli;

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use chrono::SecondsFormat;
use sla_clock::{Calendar, Policy, Priority};

const USAGE: &str = "\
Usage: due [--explain] <priority> <created>
       due --batch

Prints the instant a ticket's first response is due under the default
policy (Urgent 4 business hours, High 1 business day, Normal 2, Low 5) and
the Munich support calendar (Mon-Fri 10:00-18:00 Europe/Berlin, Munich
public holidays), as RFC 3339 in Europe/Berlin time.

  <priority>  urgent, high, normal, low (or dringend, hoch, normal, niedrig),
              in any letter case
  <created>   RFC 3339 (2026-12-23T15:00:00+01:00, 2026-12-23T14:00:00Z) or a
              Europe/Berlin local date-time (2026-12-23T15:00:00, 2026-12-23T15:00)

Options:
  --explain   also print each day that counted or was skipped, and why
  --batch     read lines '<priority> <created>' (one space or tab between)
              from standard input and write one line per input line: the due
              instant or 'error: <reason>'. Exit status 1 if any line failed.
  -h, --help  print this help

Supported dates: 1995-01-01 to 2099-12-31.";

fn due(
    calendar: &Calendar,
    policy: &Policy,
    priority: &str,
    created: &str,
) -> sla_clock::Result<String> {
    let priority: Priority = priority.parse()?;
    let created = calendar.parse_datetime(created)?;
    let due = policy.due(calendar, priority, &created)?;
    Ok(due.to_rfc3339_opts(SecondsFormat::AutoSi, false))
}

/// One batch line to one output line; never fails the whole run.
fn batch_line(calendar: &Calendar, policy: &Policy, line: &[u8]) -> Result<String, String> {
    let line = std::str::from_utf8(line).map_err(|_| "line is not valid UTF-8".to_string())?;
    if line.is_empty() {
        return Err("empty line; expected '<priority> <created>'".to_string());
    }
    let fields: Vec<&str> = line.split([' ', '\t']).collect();
    match fields.as_slice() {
        [priority, created] => due(calendar, policy, priority, created).map_err(|e| e.to_string()),
        _ => Err(format!(
            "expected '<priority> <created>' separated by one space or tab, found {} in '{line}'",
            cli::plural(fields.len(), "field")
        )),
    }
    .map_err(|reason| visible(&reason))
}

/// `reason` with control characters escaped (`\r`, `\u{1b}`), so that an
/// error about a stray carriage return cannot break the one-line-per-input
/// rule of the output.
fn visible(reason: &str) -> String {
    reason
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn batch() -> io::Result<bool> {
    let calendar = Calendar::munich();
    let policy = Policy::default();
    let mut input = io::stdin().lock();
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut line = Vec::with_capacity(128);
    let mut all_ok = true;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        // A file written on Windows ends its lines in CR LF, the last one
        // sometimes in a bare CR.
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        match batch_line(&calendar, &policy, &line) {
            Ok(due) => writeln!(out, "{due}")?,
            Err(reason) => {
                all_ok = false;
                writeln!(out, "error: {reason}")?;
            }
        }
    }
    out.flush()?;
    Ok(all_ok)
}

fn main() -> ExitCode {
    let args = match cli::args(USAGE) {
        Ok(args) => args,
        Err(code) => return code,
    };
    if args.iter().any(|a| a == "--batch") {
        if args.len() != 1 {
            eprintln!(
                "error: --batch takes no other arguments; it reads from standard input\n\n{USAGE}"
            );
            return ExitCode::from(2);
        }
        return match batch() {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        };
    }
    let explain = args.iter().any(|a| a == "--explain");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--explain").collect();
    if let Some(flag) = rest.iter().find(|a| a.starts_with("--")) {
        eprintln!("error: unknown option '{flag}'\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let [priority, created] = rest.as_slice() else {
        eprintln!(
            "error: expected <priority> <created>, got {}\n\n{USAGE}",
            cli::plural(rest.len(), "argument")
        );
        return ExitCode::from(2);
    };
    let calendar = Calendar::munich();
    let policy = Policy::default();
    match due(&calendar, &policy, priority, created) {
        Ok(due) => {
            println!("{due}");
            if explain {
                // The same inputs parsed again: they just succeeded.
                let text = priority
                    .parse::<Priority>()
                    .and_then(|p| {
                        let created = calendar.parse_datetime(created)?;
                        calendar.explain_due(&created, policy.target(p).duration(&calendar))
                    })
                    .map(|e| e.to_string());
                match text {
                    Ok(text) => print!("{text}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::from(1);
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
