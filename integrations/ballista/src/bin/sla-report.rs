//! `sla_report` (the DataFusion integration's example) on a Ballista
//! cluster: the same options, the same queries and the same table, with
//! `--scheduler df://HOST:PORT` to run them on the cluster's executors.
//! Without `--scheduler` it runs in this process, as `sla_report` does.
//!
//!     cargo run --release -p sla-clock-ballista --bin sla-report -- --scheduler df://127.0.0.1:50050 /tmp/tickets --now 2026-01-01T00:00:00Z

// The example's modules, shared rather than copied.
#[allow(dead_code)]
#[path = "../../../datafusion/examples/sla_report/cli.rs"]
mod cli;
#[allow(dead_code)]
#[path = "../../../datafusion/examples/sla_report/generate.rs"]
mod generate;
#[allow(dead_code)]
#[path = "../../../datafusion/examples/sla_report/report.rs"]
mod report;

use std::process::ExitCode;

use ballista::prelude::SessionContextExt;
use datafusion::prelude::SessionContext;

const SCHEDULER_OPTION: &str = "
  --scheduler URL     run the queries on the Ballista cluster whose
                      scheduler is at URL (df://HOST:PORT); the files must
                      be readable at the same path on every executor";

#[tokio::main]
async fn main() -> ExitCode {
    let usage = format!(
        "{}{SCHEDULER_OPTION}",
        cli::USAGE.replace("sla_report", "sla-report")
    );
    match cli::options_or_exit(&usage) {
        Ok(options) => cli::exit_code(run(&options).await),
        Err(status) => status,
    }
}

async fn run(options: &cli::Options) -> Result<(), String> {
    if let Some(rows) = options.generate {
        return cli::generate(options, rows).await;
    }
    let ctx = match &options.scheduler {
        Some(url) => {
            let state = sla_clock_ballista::client_state().map_err(|e| e.to_string())?;
            SessionContext::remote_with_state(url, state)
                .await
                .map_err(|e| e.to_string())?
        }
        None => SessionContext::new(),
    };
    cli::functions(options)?.register(&ctx);
    cli::report(options, &ctx).await
}
