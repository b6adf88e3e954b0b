//! Prints the public holidays of a year or a range of years: Munich's by
//! default, a region's with `--region`, or those of the calendar in a file
//! with `--calendar`, with that calendar's closures and special hours.
//!
//!     cargo run --example holidays -- 2027
//!     cargo run --example holidays -- 1995 2099
//!     cargo run --example holidays -- --region DE-BE 2027
//!     cargo run --example holidays -- --regions
//!     cargo run --example holidays -- --calendar data/munich-calendar.json 2027

mod cli;

use std::process::ExitCode;

use chrono::NaiveDate;
use sla_clock::{Calendar, DateRange};

const USAGE: &str = "\
Usage: holidays [--region <code> | --calendar FILE] [--json] <year> [<last-year>]
       holidays --regions

Prints the public holidays of Munich (the default sla-clock calendar), of a
region, or of the calendar in FILE, one per line: the date as YYYY-MM-DD,
two spaces, then the German and English names (with the local French or
Italian name between them in the Swiss cantons that speak it). Two
holidays on one date share a line, separated by '; '. With two years,
prints every year from the first to the last, inclusive. Years from 1995
to 2099 are supported.

A calendar from FILE also lists its closures and special hours that touch
those years, in date order among the holidays: the date or the range
(YYYY-MM-DD/YYYY-MM-DD), two spaces, then 'closure', 'special hours'
with the windows, or 'special hours: closed'.

Options:
  --region <code>  the holidays of a region instead of Munich's: a German
                   state (DE-BE), Austria (AT) or a Swiss canton (CH-ZH), in
                   any letter case
  --regions        lists the region codes with their names
  --json           one JSON object a line (docs/SERVICE.md): {\"kind\":
                   \"holiday\", \"date\", \"names\"}, {\"kind\": \"closure\", \"dates\"},
                   {\"kind\": \"special_hours\", \"dates\", \"windows\"}; needs
                   --features serde
  --calendar FILE  the holidays, closures and special hours of the calendar
                   in FILE (JSON, in the form of data/munich-calendar.json
                   or data/support-desk-calendar.json)
  -h, --help       print this help

Examples:
  holidays 2027
  holidays 1995 2099
  holidays --region DE-BE 2027
  holidays --region CH-ZH 1995 2099
  holidays --regions

Exit status: 0 on success, 1 when a year is outside the supported range,
2 for a usage error (a bad option, year or configuration file). A reader
that closes the output early (head) ends the program quietly.

Supported dates: 1995-01-01 to 2099-12-31.";

fn parse_year(text: &str) -> Result<i32, String> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "invalid year '{text}'; expected a year from 1995 to 2099 written in digits"
        ));
    }
    text.parse()
        .map_err(|_| format!("invalid year '{text}'; expected a year from 1995 to 2099"))
}

// ---------------------------------------------------------------------------
// --region and --regions
// ---------------------------------------------------------------------------

/// What the region options ask for.
enum Holidays {
    /// The default calendar's (Munich).
    Default,
    /// A region's, by code.
    Region(String),
    /// No holidays: list the regions instead.
    ListRegions,
}

/// Takes `--region <code>` and `--regions` out of `args`, leaving the
/// years.
fn region_options(args: &[String]) -> Result<(Holidays, Vec<String>), String> {
    let mut which = Holidays::Default;
    let mut rest = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--region" => {
                let Some(code) = iter.next() else {
                    return Err(format!("--region needs a region code\n\n{USAGE}"));
                };
                if !matches!(which, Holidays::Default) {
                    return Err(format!("give --region or --regions once\n\n{USAGE}"));
                }
                which = Holidays::Region(code.clone());
            }
            "--regions" => {
                if !matches!(which, Holidays::Default) {
                    return Err(format!("give --region or --regions once\n\n{USAGE}"));
                }
                which = Holidays::ListRegions;
            }
            _ => rest.push(arg.clone()),
        }
    }
    if matches!(which, Holidays::ListRegions) && !rest.is_empty() {
        return Err(format!(
            "--regions takes no years, got {}\n\n{USAGE}",
            cli::plural(rest.len(), "argument")
        ));
    }
    Ok((which, rest))
}

fn calendar_for(which: &Holidays, default: Calendar) -> Result<Calendar, String> {
    match which {
        Holidays::Region(code) => Calendar::builder(chrono_tz::Europe::Berlin)
            .weekdays("10:00-18:00")
            .holidays_of(code)
            .build()
            .map_err(|e| e.to_string()),
        Holidays::Default | Holidays::ListRegions => Ok(default),
    }
}

fn list_regions() -> String {
    sla_clock::regions()
        .iter()
        .map(|region| format!("{:<10} {}\n", region.code(), region.name()))
        .collect()
}

// ---------------------------------------------------------------------------

/// The text to print, or the exit status and message of an error: 2 for
/// a usage error, 1 for a year outside the range. `file` is the calendar
/// of `--calendar FILE`, if it was given.
fn run(args: &[String], file: Option<Calendar>, json: bool) -> Result<String, (u8, String)> {
    let usage = |message: String| (2, message);
    let (which, args) = region_options(args).map_err(usage)?;
    if let Some(flag) = args.iter().find(|a| a.starts_with("--")) {
        return Err(usage(format!("unknown option '{flag}'\n\n{USAGE}")));
    }
    if matches!(which, Holidays::ListRegions) {
        return Ok(list_regions());
    }
    if file.is_some() && matches!(which, Holidays::Region(_)) {
        return Err(usage(format!(
            "give --region or --calendar, not both\n\n{USAGE}"
        )));
    }
    let args = args.as_slice();
    let (first, last) = match args {
        [year] => {
            let y = parse_year(year).map_err(usage)?;
            (y, y)
        }
        [from, to] => (
            parse_year(from).map_err(usage)?,
            parse_year(to).map_err(usage)?,
        ),
        _ => {
            return Err(usage(format!(
                "expected one or two years, got {}\n\n{USAGE}",
                cli::plural(args.len(), "argument")
            )));
        }
    };
    let calendar = calendar_for(&which, file.unwrap_or_default()).map_err(usage)?;
    // Check both ends before printing anything, so a bad range prints no
    // partial output. A year outside the range is a date that failed.
    calendar.holidays(first).map_err(|e| (1, e.to_string()))?;
    calendar.holidays(last).map_err(|e| (1, e.to_string()))?;
    if first > last {
        return Err(usage(format!(
            "invalid range {first} to {last}; the first year must not be after the last"
        )));
    }
    // (date, order on that date, line): holidays first, then closures,
    // then special hours; sorting keeps the holidays' own order.
    let mut lines: Vec<(NaiveDate, u8, String)> = Vec::new();
    for year in first..=last {
        for holiday in calendar.holidays(year).map_err(|e| (1, e.to_string()))? {
            let line = if json {
                holiday_json(&holiday)
            } else {
                format!("{holiday}\n")
            };
            lines.push((holiday.date, 0, line));
        }
    }
    let years = match (
        NaiveDate::from_ymd_opt(first, 1, 1),
        NaiveDate::from_ymd_opt(last, 12, 31),
    ) {
        (Some(a), Some(b)) => DateRange::new(a, b),
        _ => return Err(usage(format!("invalid range {first} to {last}"))),
    };
    let touches = |r: &DateRange| r.first <= years.last && years.first <= r.last;
    for range in calendar.closures().iter().filter(|r| touches(r)) {
        let line = if json {
            dates_json(range, "closure", None)
        } else {
            format!("{range}  closure\n")
        };
        lines.push((range.first, 1, line));
    }
    for special in calendar
        .special_hours()
        .iter()
        .filter(|s| touches(&s.dates))
    {
        let windows: Vec<String> = special.windows.iter().map(|w| w.to_string()).collect();
        if json {
            let line = dates_json(&special.dates, "special_hours", Some(&windows));
            lines.push((special.dates.first, 2, line));
            continue;
        }
        let hours = if windows.is_empty() {
            "special hours: closed".to_string()
        } else {
            format!("special hours {}", windows.join(", "))
        };
        lines.push((
            special.dates.first,
            2,
            format!("{}  {hours}\n", special.dates),
        ));
    }
    lines.sort_by_key(|&(date, order, _)| (date, order));
    Ok(lines.into_iter().map(|(_, _, line)| line).collect())
}

/// A holiday as one JSON line: `{"kind": "holiday", "date": ..., "names":
/// [{"de": ..., "en": ...}]}`, the crate's form of a holiday with its kind.
#[cfg(feature = "serde")]
fn holiday_json(holiday: &sla_clock::Holiday) -> String {
    let mut value = serde_json::to_value(holiday).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("kind".into(), "holiday".into());
    }
    format!("{value}\n")
}

/// Closed dates or special hours as one JSON line: `{"kind": "closure",
/// "dates": "2026-12-24/2027-01-01"}`, with `"windows"` for special hours
/// (empty: closed).
#[cfg(feature = "serde")]
fn dates_json(dates: &DateRange, kind: &str, windows: Option<&[String]>) -> String {
    let mut value = serde_json::json!({"kind": kind, "dates": dates.to_string()});
    if let Some(windows) = windows {
        value["windows"] = serde_json::json!(windows);
    }
    format!("{value}\n")
}

// Without JSON support `--json` is refused before any output.
#[cfg(not(feature = "serde"))]
fn holiday_json(holiday: &sla_clock::Holiday) -> String {
    format!("{holiday}\n")
}

#[cfg(not(feature = "serde"))]
fn dates_json(dates: &DateRange, kind: &str, _: Option<&[String]>) -> String {
    format!("{dates}  {kind}\n")
}

fn main() -> ExitCode {
    run_main().unwrap_or_else(|code| code)
}

/// The program; `Err` is an exit status after the message was printed.
fn run_main() -> Result<ExitCode, ExitCode> {
    let mut args = cli::args(USAGE)?;
    let file = if args.iter().any(|a| a == "--calendar") {
        Some(cli::calendar(&mut args, USAGE)?)
    } else {
        None
    };
    let json = cli::json(&mut args)?;
    let text = run(&args, file, json).map_err(|(code, message)| cli::fail(code, &message))?;
    cli::print(&text)?;
    Ok(ExitCode::SUCCESS)
}
