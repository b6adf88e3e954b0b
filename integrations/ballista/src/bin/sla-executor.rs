//! A Ballista executor that runs sla-clock's SQL functions.
//!
//!     cargo run --release -p sla-clock-ballista --bin sla-executor -- --scheduler 127.0.0.1:50050 --port 50051 --grpc-port 50052

use std::process::ExitCode;

use sla_clock_ballista::process::{
    EXECUTOR_USAGE, executor_options, options_or_exit, run_executor,
};

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options_or_exit(executor_options(std::env::args().skip(1)), EXECUTOR_USAGE)
    {
        Ok(o) => o,
        Err(status) => return status,
    };
    eprintln!(
        "sla-executor on {}:{} (gRPC {}) for the scheduler at {}:{}",
        options.bind_host,
        options.port,
        options.grpc_port,
        options.scheduler_host,
        options.scheduler_port
    );
    match run_executor(&options).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
