//! Prints a ticket's SLA status under a policy and calendar (by default the
//! support policy and the Munich calendar).
//!
//!     cargo run --example status -- urgent 2026-12-18T16:00 --now 2026-12-21T11:00
//!     cargo run --example status -- high 2026-12-21T10:00 --responded 2026-12-21T17:00 \
//!         --paused 2026-12-21T12:00/2026-12-21T14:00

mod cli;

use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use sla_clock::{Calendar, Policy, Priority, RiskThreshold, SlaClock};

const USAGE: &str = "\
Usage: status <priority> <created> [--now <instant>] [--responded <instant>]
              [--paused <from>/<to>]... [--at-risk <percent>]
              [--calendar FILE] [--policy FILE] [--json]

Prints a ticket's SLA status at --now: met, pending, at_risk or breached,
the business time left (negative when overdue), the due instant, and when
it becomes at risk and changes next. Every value is read at --now: a
response after --now is not known yet, and a pause still running counts
as ending at --now. Without options it uses the default policy and the
Munich support calendar.

  <priority>             urgent, high, normal, low (or dringend, hoch, normal, niedrig)
  <created>, <instant>   RFC 3339 (2026-12-23T15:00:00+01:00) or a local
                         date-time in the calendar's zone (2026-12-23T15:00)
  --calendar FILE        the calendar as JSON, in the form of data/munich-calendar.json
  --policy FILE          the policy as JSON, in the form of data/default-policy.json
  --now <instant>        the moment to evaluate; defaults to the current time
  --responded <instant>  when the first response was sent, if it was; the
                         time left is then the time left at the response
  --paused <from>/<to>   an interval during which the SLA clock stood still;
                         repeat for several; <from>/.. for a pause still running
                         at --now
  --at-risk <percent>    report at_risk once this share of the target has
                         elapsed, written 80 or 80% (default 75%)
  --json                 write the reading as one JSON object (docs/SERVICE.md):
                         {\"status\", \"remaining_ns\", \"elapsed_ns\", \"due\",
                         \"at_risk_from\", \"next_change\", \"zone\"}; needs
                         --features serde
  -h, --help             print this help

Exit status: 0 on success, 1 when a date or the ticket failed (a priority,
an instant, a pause, a response before creation, a deadline out of range),
2 for a usage error (a bad option, --at-risk or configuration file). A
reader that closes the output early (head) ends the program quietly.

Supported dates: 1995-01-01 to 2099-12-31.";

struct Args {
    priority: String,
    created: String,
    now: Option<String>,
    responded: Option<String>,
    paused: Vec<String>,
    at_risk: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut parsed = Args {
        priority: String::new(),
        created: String::new(),
        now: None,
        responded: None,
        paused: Vec::new(),
        at_risk: None,
    };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || {
            iter.next()
                .filter(|v| !v.starts_with("--"))
                .cloned()
                .ok_or_else(|| format!("option '{arg}' needs a value"))
        };
        match arg.as_str() {
            "--now" => parsed.now = Some(value()?),
            "--responded" => parsed.responded = Some(value()?),
            "--paused" => parsed.paused.push(value()?),
            "--at-risk" => parsed.at_risk = Some(value()?),
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            _ => positional.push(arg.clone()),
        }
    }
    match <[String; 2]>::try_from(positional) {
        Ok([priority, created]) => {
            parsed.priority = priority;
            parsed.created = created;
            Ok(parsed)
        }
        Err(rest) => Err(format!(
            "expected <priority> <created>, got {}",
            cli::plural(rest.len(), "argument")
        )),
    }
}

fn run(
    args: Args,
    threshold: RiskThreshold,
    json: bool,
    calendar: &Calendar,
    policy: &Policy,
) -> Result<String, String> {
    let text = |e: sla_clock::Error| e.to_string();
    let instant = |s: &str| calendar.parse_datetime(s).map_err(text);
    let priority: Priority = args.priority.parse().map_err(text)?;
    let created = instant(&args.created)?;
    let now: DateTime<FixedOffset> = match &args.now {
        Some(now) => instant(now)?,
        // The one place the system clock is read.
        None => Utc::now().fixed_offset(),
    };
    let responded = args.responded.as_deref().map(instant).transpose()?;
    let pauses = args
        .paused
        .iter()
        .map(|text| calendar.parse_pause(text))
        .collect::<sla_clock::Result<Vec<_>>>()
        .map_err(text)?;
    let clock = SlaClock::for_priority(calendar, policy, priority, &created)
        .and_then(|c| c.with_pauses(pauses))
        .map(|c| c.with_risk_threshold(threshold))
        .and_then(|c| match &responded {
            Some(r) => c.with_response(r),
            None => Ok(c),
        })
        .map_err(text)?;
    // Every value printed comes from the one reading at `now`, so they
    // cannot disagree (a running pause ends at `now`, a later response is
    // not known yet).
    let reading = clock.reading(&now).map_err(text)?;
    if json {
        return Ok(reading_json(&reading));
    }
    let show = |t: DateTime<chrono_tz::Tz>| t.to_rfc3339_opts(SecondsFormat::AutoSi, false);
    let mut out = format!(
        "status       {}\nremaining    {}\ndue          {}\n",
        reading.status.name(),
        reading.remaining,
        show(reading.due)
    );
    if let Some(at_risk) = reading.at_risk_from {
        out.push_str(&format!(
            "at risk from {} ({threshold} of {})\n",
            show(at_risk),
            clock.target()
        ));
    }
    if let Some(next) = reading.next_change {
        out.push_str(&format!("next change  {}\n", show(next)));
    }
    Ok(out)
}

/// The reading in the crate's JSON form, one line.
fn reading_json(reading: &sla_clock::SlaReading) -> String {
    #[cfg(feature = "serde")]
    return format!("{}\n", serde_json::to_string(reading).unwrap_or_default());
    #[cfg(not(feature = "serde"))]
    format!("{reading:?}\n")
}

fn main() -> ExitCode {
    run_main().unwrap_or_else(|code| code)
}

/// The program; `Err` is an exit status after the message was printed.
fn run_main() -> Result<ExitCode, ExitCode> {
    let mut args = cli::args(USAGE)?;
    let calendar = cli::calendar(&mut args, USAGE)?;
    let policy = cli::policy(&mut args, USAGE)?;
    let json = cli::json(&mut args)?;
    let args =
        parse_args(&args).map_err(|message| cli::fail(2, &format!("{message}\n\n{USAGE}")))?;
    let threshold = cli::risk_threshold(args.at_risk.as_deref().unwrap_or("75"))
        .map_err(|message| cli::fail(2, &format!("{message}\n\n{USAGE}")))?;
    let text =
        run(args, threshold, json, &calendar, &policy).map_err(|message| cli::fail(1, &message))?;
    cli::print(&text)?;
    Ok(ExitCode::SUCCESS)
}
