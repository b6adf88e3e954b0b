//! An SLA compliance table per month and priority, computed by SQL over a
//! ticket export, and a generator of realistic exports to try it on.
//!
//!     cargo run --release -p sla-clock-datafusion --example sla_report -- --generate 1000000 > /tmp/tickets.csv
//!     cargo run --release -p sla-clock-datafusion --example sla_report -- /tmp/tickets.csv --now 2026-01-01T00:00:00Z

mod generate;
mod report;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use datafusion::prelude::SessionContext;
use sla_clock::{Calendar, Policy, RiskThreshold};
use sla_clock_datafusion::SlaFunctions;

const USAGE: &str = "\
Usage: sla_report [--now INSTANT] [--at-risk PERCENT] [--sql] FILE
       sla_report --generate ROWS [--seed N] [--year YEAR]

Reads a ticket export (CSV with the header id,priority,created,responded)
and prints, per month of creation and priority, how many tickets met their
first-response target, breached it, are at risk or still pending at NOW,
the compliance rate (met out of met and breached) and the mean business
hours to the first response. Rows that do not read (an unknown priority,
an instant that is no RFC 3339 or local date-time or lies outside
1995-2099, a response before creation) are counted and left out.

Calendar: Munich (Mon-Fri 10:00-18:00 Europe/Berlin, Munich holidays);
policy: Urgent 4 business hours, High 1 business day, Normal 2, Low 5.

Options:
  --now INSTANT     take statuses at this instant (RFC 3339 or local
                    date-time); default: the current time
  --at-risk PERCENT count pending tickets past PERCENT of their target as
                    at risk (0-100); default: none
  --generate ROWS   write a synthetic export of ROWS tickets as CSV to
                    standard output (business-hours-heavy arrivals, about
                    3 % malformed rows)
  --seed N          the generator's seed (default 13)
  --year YEAR       the year the generated tickets are created in
                    (default 2025)
  -h, --help        print this help";

struct Options {
    file: Option<String>,
    now: Option<String>,
    at_risk: Option<u8>,
    generate: Option<u64>,
    seed: u64,
    year: i32,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        file: None,
        now: None,
        at_risk: None,
        generate: None,
        seed: 13,
        year: 2025,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--now" => options.now = Some(value("--now")?),
            "--at-risk" => {
                let v = value("--at-risk")?;
                options.at_risk = Some(v.parse().map_err(|_| format!("invalid --at-risk '{v}'"))?);
            }
            "--generate" => {
                let v = value("--generate")?;
                options.generate =
                    Some(v.parse().map_err(|_| format!("invalid --generate '{v}'"))?);
            }
            "--seed" => {
                let v = value("--seed")?;
                options.seed = v.parse().map_err(|_| format!("invalid --seed '{v}'"))?;
            }
            "--year" => {
                let v = value("--year")?;
                options.year = v
                    .parse()
                    .ok()
                    .filter(|y| (1995..=2098).contains(y))
                    .ok_or(format!("invalid --year '{v}'; expected 1995 to 2098"))?;
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option '{arg}'")),
            _ if options.file.is_none() => options.file = Some(arg),
            _ => return Err(format!("unexpected argument '{arg}'")),
        }
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(options).await {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that leaves early (head) ends the program quietly.
        Err(e) if e.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: Options) -> Result<(), String> {
    if let Some(rows) = options.generate {
        let export = generate::Export {
            rows,
            seed: options.seed,
            year: options.year,
        };
        let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
        generate::write_csv(&export, &mut out).map_err(|e| e.to_string())?;
        return out.flush().map_err(|e| e.to_string());
    }
    let file = options.file.ok_or("no export file given (see --help)")?;
    let calendar = Calendar::munich();
    let now = match options.now {
        Some(text) => calendar.parse_datetime(&text).map_err(|e| e.to_string())?,
        None => sla_clock::chrono::Utc::now().fixed_offset(),
    };
    let mut functions = SlaFunctions::new(calendar, Policy::default());
    if let Some(percent) = options.at_risk {
        functions = functions
            .with_risk_threshold(RiskThreshold::percent(percent).map_err(|e| e.to_string())?);
    }
    let ctx = SessionContext::new();
    functions.register(&ctx);
    let started = Instant::now();
    report::register_tickets(&ctx, &file)
        .await
        .map_err(|e| e.to_string())?;
    let report = report::run(&ctx, &now.to_rfc3339())
        .await
        .map_err(|e| e.to_string())?;
    let elapsed = started.elapsed();
    print(&report, &now.to_rfc3339()).map_err(|e| e.to_string())?;
    eprintln!(
        "{} rows in {:.2} s ({:.0} ns a row)",
        report.rows,
        elapsed.as_secs_f64(),
        elapsed.as_nanos() as f64 / report.rows.max(1) as f64
    );
    Ok(())
}

fn print(report: &report::Report, now: &str) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "SLA compliance, first response, statuses at {now}")?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<8} {:<8} {:>9} {:>9} {:>9} {:>8} {:>8} {:>10} {:>14}",
        "month",
        "priority",
        "tickets",
        "met",
        "breached",
        "at risk",
        "pending",
        "compliance",
        "mean response"
    )?;
    for line in &report.lines {
        let decided = line.met + line.breached;
        let compliance = if decided > 0 {
            format!("{:.1} %", 100.0 * line.met as f64 / decided as f64)
        } else {
            "-".to_string()
        };
        let mean = line
            .mean_response_hours
            .map_or("-".to_string(), |h| format!("{h:.2} h"));
        writeln!(
            out,
            "{:<8} {:<8} {:>9} {:>9} {:>9} {:>8} {:>8} {:>10} {:>14}",
            line.month,
            line.priority,
            line.tickets,
            line.met,
            line.breached,
            line.at_risk,
            line.pending,
            compliance,
            mean
        )?;
    }
    let r = &report.rejected;
    writeln!(out)?;
    writeln!(
        out,
        "{} rows read, {} left out: {} unknown priority, {} created unreadable or outside 1995-2099, \
         {} response unreadable, {} response before creation",
        report.rows,
        r.total(),
        r.priority,
        r.created,
        r.responded,
        r.responded_before_created
    )?;
    out.flush()
}
