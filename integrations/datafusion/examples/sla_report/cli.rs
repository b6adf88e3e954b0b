//! The command line of `sla_report`, shared by the example (in one
//! process) and `sla-clock-ballista`'s `sla-report` (on a cluster): the
//! options, and the run on a given session.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use datafusion::prelude::SessionContext;
use sla_clock::{Calendar, Policy, RiskThreshold};
use sla_clock_datafusion::SlaFunctions;

use crate::{generate, report};

pub const USAGE: &str = "\
Usage: sla_report [--now INSTANT] [--at-risk PERCENT] [--tickets-out DIR] PATH
       sla_report --generate ROWS [--seed N] [--year YEAR]
                  [--out DIR [--files N] [--format csv|parquet]]

Reads a ticket export and prints, per month of creation and priority, how
many tickets met their first-response target, breached it, are at risk or
still pending at NOW, the compliance rate (met out of met and breached)
and the mean business hours to the first response. Rows that do not read
(an unknown priority, an instant that is no RFC 3339 or local date-time or
lies outside 1995-2099, a response before creation) are counted and left
out.

PATH is a file or a directory of files, as warehouses export them:
  CSV      the header id,priority,created,responded; priorities in English
           or German, instants in RFC 3339 or as local Europe/Berlin
           date-times, an empty responded for no response yet
  Parquet  (files ending in .parquet) the same columns; created and
           responded as timestamps of any unit and zone, or as text

Calendar: Munich (Mon-Fri 10:00-18:00 Europe/Berlin, Munich holidays);
policy: Urgent 4 business hours, High 1 business day, Normal 2, Low 5.

Options:
  --now INSTANT       take statuses at this instant (RFC 3339 or local
                      date-time); default: the current time
  --at-risk PERCENT   count pending tickets past PERCENT of their target as
                      at risk (0-100); default: none
  --tickets-out DIR   also write each ticket's result (priority, created,
                      responded, due, status, business seconds to the
                      response, verdict) as Parquet files into DIR;
                      instants keep their zone
  --generate ROWS     write a synthetic export of ROWS tickets, as CSV to
                      standard output unless --out is given
                      (business-hours-heavy arrivals, about 3 % malformed
                      rows)
  --seed N            the generator's seed (default 13)
  --year YEAR         the year the generated tickets are created in
                      (default 2025)
  --out DIR           write the export into DIR as --files files
  --files N           how many files (default 1)
  --format FORMAT     csv (default) or parquet: instants as timestamps in
                      Europe/Berlin, an unreadable one as NULL, the way a
                      typed warehouse table holds them
  -h, --help          print this help";

pub struct Options {
    pub file: Option<String>,
    pub now: Option<String>,
    pub at_risk: Option<u8>,
    pub tickets_out: Option<String>,
    pub generate: Option<u64>,
    pub seed: u64,
    pub year: i32,
    pub out: Option<String>,
    pub files: usize,
    pub parquet: bool,
    /// `--scheduler URL`: only `sla-clock-ballista`'s `sla-report` takes it.
    pub scheduler: Option<String>,
}

/// The options of this process's command line, or the exit status when
/// there is nothing to run: 0 after printing `usage` (asked for), 2 after
/// the error and `usage`.
pub fn options_or_exit(usage: &str) -> Result<Options, ExitCode> {
    match parse_args(std::env::args().skip(1)) {
        Ok(o) => Ok(o),
        Err(e) if e.is_empty() => {
            println!("{usage}");
            Err(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("error: {e}\n\n{usage}");
            Err(ExitCode::from(2))
        }
    }
}

/// The exit status of a run: 0 also when the reader left early (a broken
/// pipe, as with `head`), 1 after printing the error.
pub fn exit_code(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads the command line (without the program name). `Err` is the
/// message to print; an empty one asks for the usage text.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        file: None,
        now: None,
        at_risk: None,
        tickets_out: None,
        generate: None,
        seed: 13,
        year: 2025,
        out: None,
        files: 1,
        parquet: false,
        scheduler: None,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--now" => options.now = Some(value("--now")?),
            "--at-risk" => {
                let v = value("--at-risk")?;
                options.at_risk = Some(v.parse().map_err(|_| format!("invalid --at-risk '{v}'"))?);
            }
            "--tickets-out" => options.tickets_out = Some(value("--tickets-out")?),
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
            "--out" => options.out = Some(value("--out")?),
            "--files" => {
                let v = value("--files")?;
                options.files = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=10_000).contains(n))
                    .ok_or(format!("invalid --files '{v}'; expected 1 to 10000"))?;
            }
            "--format" => {
                options.parquet = match value("--format")?.as_str() {
                    "csv" => false,
                    "parquet" => true,
                    other => {
                        return Err(format!(
                            "invalid --format '{other}'; expected csv or parquet"
                        ));
                    }
                }
            }
            "--scheduler" => options.scheduler = Some(value("--scheduler")?),
            _ if arg.starts_with('-') => return Err(format!("unknown option '{arg}'")),
            _ if options.file.is_none() => options.file = Some(arg),
            _ => return Err(format!("unexpected argument '{arg}'")),
        }
    }
    if options.out.is_none() && (options.files != 1 || options.parquet) {
        return Err("--files and --format need --out".into());
    }
    Ok(options)
}

/// The SLA functions the report computes with: the Munich calendar, the
/// default policy, and the at-risk threshold of `--at-risk`.
pub fn functions(options: &Options) -> Result<SlaFunctions, String> {
    let mut functions = SlaFunctions::new(Calendar::munich(), Policy::default());
    if let Some(percent) = options.at_risk {
        functions = functions
            .with_risk_threshold(RiskThreshold::percent(percent).map_err(|e| e.to_string())?);
    }
    Ok(functions)
}

/// `--now` as RFC 3339 (the current time without it).
pub fn now(options: &Options) -> Result<String, String> {
    Ok(match &options.now {
        Some(text) => Calendar::munich()
            .parse_datetime(text)
            .map_err(|e| e.to_string())?
            .to_rfc3339(),
        None => sla_clock::chrono::Utc::now().fixed_offset().to_rfc3339(),
    })
}

/// `--generate`: the export to standard output or into `--out`.
pub async fn generate(options: &Options, rows: u64) -> Result<(), String> {
    let export = generate::Export {
        rows,
        seed: options.seed,
        year: options.year,
    };
    match &options.out {
        None => {
            let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            generate::write_csv(&export, &mut out).map_err(|e| e.to_string())?;
            out.flush().map_err(|e| e.to_string())
        }
        Some(dir) => generate::write_files(&export, dir, options.files, options.parquet)
            .await
            .map_err(|e| e.to_string()),
    }
}

/// The report of `options` on `ctx`, which has the SLA functions
/// registered: printed as a table, and the per-ticket result written where
/// `--tickets-out` says.
pub async fn report(options: &Options, ctx: &SessionContext) -> Result<(), String> {
    let file = options
        .file
        .as_deref()
        .ok_or("no export given (see --help)")?;
    let now = now(options)?;
    let started = Instant::now();
    report::register_tickets(ctx, file)
        .await
        .map_err(|e| e.to_string())?;
    let table = report::run(ctx, &now).await.map_err(|e| e.to_string())?;
    let elapsed = started.elapsed();
    report::print(&table, &now).map_err(|e| e.to_string())?;
    eprintln!(
        "{} rows in {:.2} s ({:.0} ns a row, {:.0} rows a second)",
        table.rows,
        elapsed.as_secs_f64(),
        elapsed.as_nanos() as f64 / table.rows.max(1) as f64,
        table.rows as f64 / elapsed.as_secs_f64()
    );
    if let Some(dir) = &options.tickets_out {
        let started = Instant::now();
        report::write_per_ticket(ctx, &now, dir)
            .await
            .map_err(|e| e.to_string())?;
        eprintln!(
            "per-ticket result written to {dir} in {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
