//! An SLA compliance table per month and priority, computed by SQL over a
//! ticket export (CSV or Parquet, a file or a directory), and a generator
//! of realistic exports to try it on.
//!
//!     cargo run --release -p sla-clock-datafusion --example sla_report -- --generate 1000000 > /tmp/tickets.csv
//!     cargo run --release -p sla-clock-datafusion --example sla_report -- /tmp/tickets.csv --now 2026-01-01T00:00:00Z
//!     cargo run --release -p sla-clock-datafusion --example sla_report -- --generate 1000000 --out /tmp/tickets --files 4 --format parquet
//!     cargo run --release -p sla-clock-datafusion --example sla_report -- /tmp/tickets --now 2026-01-01T00:00:00Z --tickets-out /tmp/result

mod cli;
mod generate;
mod report;

use std::process::ExitCode;

use datafusion::prelude::SessionContext;

use cli::USAGE;

#[tokio::main]
async fn main() -> ExitCode {
    let options = match cli::parse_args(std::env::args().skip(1)) {
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
    if options.scheduler.is_some() {
        eprintln!(
            "error: sla_report runs in this process; on a Ballista cluster, run sla-report \
             of sla-clock-ballista (integrations/ballista)"
        );
        return ExitCode::from(2);
    }
    match run(&options).await {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that leaves early (head) ends the program quietly.
        Err(e) if e.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: &cli::Options) -> Result<(), String> {
    if let Some(rows) = options.generate {
        return cli::generate(options, rows).await;
    }
    let ctx = SessionContext::new();
    cli::functions(options)?.register(&ctx);
    cli::report(options, &ctx).await
}
