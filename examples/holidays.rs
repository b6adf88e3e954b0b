//! Prints the public holidays of a year or a range of years: Munich's, or
//! those of the calendar in a file.
//!
//!     cargo run --example holidays -- 2027
//!     cargo run --example holidays -- 1995 2099
//!     cargo run --example holidays -- --calendar data/munich-calendar.json 2027

mod cli;

use std::process::ExitCode;

use sla_clock::Calendar;

const USAGE: &str = "\
Usage: holidays [--calendar FILE] <year> [<last-year>]

Prints the public holidays of Munich (the default sla-clock calendar), or
of the calendar in FILE, one per line: the date as YYYY-MM-DD, two spaces,
then the German and English names. Two holidays on one date share a line,
separated by '; '. With two years, prints every year from the first to the
last, inclusive. Years from 1995 to 2099 are supported.

  --calendar FILE  the calendar as JSON, in the form of data/munich-calendar.json
  -h, --help       print this help

Examples:
  holidays 2027
  holidays 1995 2099";

fn parse_year(text: &str) -> Result<i32, String> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "invalid year '{text}'; expected a year from 1995 to 2099 written in digits"
        ));
    }
    text.parse()
        .map_err(|_| format!("invalid year '{text}'; expected a year from 1995 to 2099"))
}

fn run(calendar: &Calendar, args: &[String]) -> Result<String, String> {
    let (first, last) = match args {
        [year] => {
            let y = parse_year(year)?;
            (y, y)
        }
        [from, to] => (parse_year(from)?, parse_year(to)?),
        _ => {
            return Err(format!(
                "expected one or two years, got {}\n\n{USAGE}",
                cli::plural(args.len(), "argument")
            ));
        }
    };
    // Check both ends before printing anything, so a bad range prints no
    // partial output.
    calendar.holidays(first).map_err(|e| e.to_string())?;
    calendar.holidays(last).map_err(|e| e.to_string())?;
    if first > last {
        return Err(format!(
            "invalid range {first} to {last}; the first year must not be after the last"
        ));
    }
    let mut text = String::new();
    for year in first..=last {
        for holiday in calendar.holidays(year).map_err(|e| e.to_string())? {
            text.push_str(&format!("{holiday}\n"));
        }
    }
    Ok(text)
}

fn main() -> ExitCode {
    let mut args = match cli::args(USAGE) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let calendar = match cli::calendar(&mut args, USAGE) {
        Ok(calendar) => calendar,
        Err(code) => return code,
    };
    match run(&calendar, &args) {
        Ok(text) => match cli::print(&text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Err(message) => cli::fail(2, &message),
    }
}
