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

use datafusion::prelude::{SessionConfig, SessionContext};

use cli::USAGE;

#[tokio::main]
async fn main() -> ExitCode {
    let options = match cli::options_or_exit(USAGE) {
        Ok(o) => o,
        Err(status) => return status,
    };
    if options.scheduler.is_some() {
        eprintln!(
            "error: sla_report runs in this process; on a Ballista cluster, run sla-report \
             of sla-clock-ballista (integrations/ballista)"
        );
        return ExitCode::from(2);
    }
    cli::exit_code(run(&options).await)
}

async fn run(options: &cli::Options) -> Result<(), String> {
    if let Some(rows) = options.generate {
        return cli::generate(options, rows).await;
    }
    // DataFusion's settings may be tuned through its environment variables
    // (`DATAFUSION_EXECUTION_BATCH_SIZE`, `DATAFUSION_EXECUTION_TARGET_PARTITIONS`, …).
    let config = SessionConfig::from_env().map_err(|e| format!("error: {e}"))?;
    let ctx = SessionContext::new_with_config(config);
    cli::functions(options)?.register(&ctx);
    cli::report(options, &ctx).await
}
