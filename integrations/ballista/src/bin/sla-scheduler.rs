//! A Ballista scheduler for queries that call sla-clock's SQL functions.
//!
//!     cargo run --release -p sla-clock-ballista --bin sla-scheduler -- --port 50050

use std::process::ExitCode;

use sla_clock_ballista::process::{
    SCHEDULER_USAGE, options_or_exit, run_scheduler, scheduler_options,
};

fn main() -> ExitCode {
    let options =
        match options_or_exit(scheduler_options(std::env::args().skip(1)), SCHEDULER_USAGE) {
            Ok(o) => o,
            Err(status) => return status,
        };
    // Ballista's own binary runs its scheduler with 32 MB thread stacks:
    // planning deep plans recurses.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(32 * 1024 * 1024)
        .build()
        .expect("a tokio runtime");
    eprintln!(
        "sla-scheduler listening on {}:{}",
        options.bind_host, options.port
    );
    match runtime.block_on(run_scheduler(&options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
