//! The scheduler and executor processes: Ballista's own, with the SLA
//! codecs installed, and their command lines.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use ballista_executor::executor_process::{ExecutorProcessConfig, start_executor_process};
use ballista_scheduler::cluster::BallistaCluster;
use ballista_scheduler::config::SchedulerConfig;
use ballista_scheduler::scheduler_process::start_server;

use crate::codec::{SlaLogicalCodec, SlaPhysicalCodec};

/// Where a scheduler listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchedulerOptions {
    /// The address to bind, `127.0.0.1` unless given.
    pub bind_host: String,
    /// The gRPC port clients and executors connect to, 50050 unless given.
    pub port: u16,
}

/// Which scheduler an executor works for and where it listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutorOptions {
    /// The scheduler's host, `127.0.0.1` unless given.
    pub scheduler_host: String,
    /// The scheduler's port, 50050 unless given.
    pub scheduler_port: u16,
    /// The address to bind, `127.0.0.1` unless given.
    pub bind_host: String,
    /// The Arrow Flight port that other executors and clients fetch
    /// results from, 50051 unless given.
    pub port: u16,
    /// The executor's gRPC port, 50052 unless given.
    pub grpc_port: u16,
    /// Tasks run at once; 0 (the default) for one per core.
    pub concurrent_tasks: usize,
    /// Where shuffle files go; a new temporary directory unless given.
    pub work_dir: Option<String>,
    /// The memory pool all tasks share, in bytes; unbounded unless given.
    pub memory_pool_bytes: Option<u64>,
}

/// The scheduler's usage text.
pub const SCHEDULER_USAGE: &str = "\
Usage: sla-scheduler [--bind HOST] [--port PORT]

A Ballista scheduler for queries that call sla-clock's SQL functions
(sla_due, sla_status, business_time, ...). Each query brings its own
calendar and policy; the scheduler needs none.

Options:
  --bind HOST   the address to listen on (default 127.0.0.1)
  --port PORT   the gRPC port (default 50050)
  -h, --help    print this help";

/// The executor's usage text.
pub const EXECUTOR_USAGE: &str = "\
Usage: sla-executor [--scheduler HOST:PORT] [--bind HOST] [--port PORT]
                    [--grpc-port PORT] [--concurrent-tasks N]
                    [--work-dir DIR] [--memory-pool BYTES]

A Ballista executor that runs sla-clock's SQL functions. Each query
brings its own calendar and policy; the executor needs none.

Options:
  --scheduler HOST:PORT  the scheduler (default 127.0.0.1:50050)
  --bind HOST            the address to listen on (default 127.0.0.1)
  --port PORT            the Arrow Flight port (default 50051)
  --grpc-port PORT       the gRPC port (default 50052)
  --concurrent-tasks N   tasks at once (default: one per core)
  --work-dir DIR         where shuffle files go (default: a new temporary
                         directory)
  --memory-pool BYTES    memory all tasks share before they spill
                         (default: unbounded)
  -h, --help             print this help";

/// Reads a scheduler's command line (without the program name). `Err` is
/// the message to print; an empty one asks for the usage text.
pub fn scheduler_options(
    args: impl IntoIterator<Item = String>,
) -> Result<SchedulerOptions, String> {
    let mut options = SchedulerOptions {
        bind_host: "127.0.0.1".into(),
        port: 50050,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--bind" => options.bind_host = value("--bind")?,
            "--port" => options.port = port(&value("--port")?)?,
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    Ok(options)
}

/// Reads an executor's command line (without the program name). `Err` is
/// the message to print; an empty one asks for the usage text.
pub fn executor_options(args: impl IntoIterator<Item = String>) -> Result<ExecutorOptions, String> {
    let mut options = ExecutorOptions {
        scheduler_host: "127.0.0.1".into(),
        scheduler_port: 50050,
        bind_host: "127.0.0.1".into(),
        port: 50051,
        grpc_port: 50052,
        concurrent_tasks: 0,
        work_dir: None,
        memory_pool_bytes: None,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--scheduler" => {
                let v = value("--scheduler")?;
                let (host, p) = v
                    .rsplit_once(':')
                    .ok_or(format!("invalid --scheduler '{v}'; expected HOST:PORT"))?;
                options.scheduler_host = host.to_string();
                options.scheduler_port = port(p)?;
            }
            "--bind" => options.bind_host = value("--bind")?,
            "--port" => options.port = port(&value("--port")?)?,
            "--grpc-port" => options.grpc_port = port(&value("--grpc-port")?)?,
            "--concurrent-tasks" => {
                let v = value("--concurrent-tasks")?;
                options.concurrent_tasks = v
                    .parse()
                    .map_err(|_| format!("invalid --concurrent-tasks '{v}'"))?;
            }
            "--work-dir" => options.work_dir = Some(value("--work-dir")?),
            "--memory-pool" => {
                let v = value("--memory-pool")?;
                options.memory_pool_bytes = Some(
                    v.parse()
                        .map_err(|_| format!("invalid --memory-pool '{v}'; expected bytes"))?,
                );
            }
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    Ok(options)
}

/// A binary's parsed command line, or the exit status when there is
/// nothing to run: 0 after printing `usage` (asked for with `--help`), 2
/// after the error and `usage`.
pub fn options_or_exit<T>(parsed: Result<T, String>, usage: &str) -> Result<T, ExitCode> {
    match parsed {
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

fn port(text: &str) -> Result<u16, String> {
    text.parse()
        .ok()
        .filter(|p| *p > 0)
        .ok_or(format!("invalid port '{text}'"))
}

/// Runs a scheduler until the process ends.
///
/// # Errors
///
/// Ballista's, when the port cannot be bound or the scheduler fails.
pub async fn run_scheduler(options: &SchedulerOptions) -> ballista_core::error::Result<()> {
    let address: SocketAddr = format!("{}:{}", options.bind_host, options.port)
        .parse()
        .map_err(|e| {
            ballista_core::error::BallistaError::Configuration(format!(
                "invalid address {}:{}: {e}",
                options.bind_host, options.port
            ))
        })?;
    let mut config = SchedulerConfig::default()
        .with_hostname(options.bind_host.clone())
        .with_port(options.port);
    config.bind_host = options.bind_host.clone();
    config.override_logical_codec = Some(Arc::new(SlaLogicalCodec::default()));
    config.override_physical_codec = Some(Arc::new(SlaPhysicalCodec::default()));
    let cluster = BallistaCluster::new_from_config(&config).await?;
    start_server(cluster, address, Arc::new(config)).await
}

/// Runs an executor until the process ends.
///
/// # Errors
///
/// Ballista's, when the scheduler cannot be reached or a port bound.
pub async fn run_executor(options: &ExecutorOptions) -> ballista_core::error::Result<()> {
    let config = ExecutorProcessConfig {
        bind_host: options.bind_host.clone(),
        external_host: Some(options.bind_host.clone()),
        port: options.port,
        grpc_port: options.grpc_port,
        scheduler_host: options.scheduler_host.clone(),
        scheduler_port: options.scheduler_port,
        vcores: options.concurrent_tasks,
        work_dir: options.work_dir.clone(),
        memory_pool_size: options.memory_pool_bytes,
        print_thread_info: false,
        override_logical_codec: Some(Arc::new(SlaLogicalCodec::default())),
        override_physical_codec: Some(Arc::new(SlaPhysicalCodec::default())),
        ..ExecutorProcessConfig::default()
    };
    start_executor_process(Arc::new(config)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn executor_command_lines() {
        let o = executor_options(args(
            "--scheduler 127.0.0.1:6000 --port 6001 --grpc-port 6002 --concurrent-tasks 1 --work-dir /tmp/w",
        ))
        .unwrap();
        assert_eq!(o.scheduler_host, "127.0.0.1");
        assert_eq!((o.scheduler_port, o.port, o.grpc_port), (6000, 6001, 6002));
        assert_eq!(o.concurrent_tasks, 1);
        assert_eq!(o.work_dir.as_deref(), Some("/tmp/w"));
        assert!(executor_options(args("--scheduler 6000")).is_err());
        assert!(executor_options(args("--port 0")).is_err());
        assert_eq!(executor_options(args("--help")), Err(String::new()));
    }

    #[test]
    fn scheduler_command_lines() {
        let o = scheduler_options(args("--port 6000")).unwrap();
        assert_eq!((o.bind_host.as_str(), o.port), ("127.0.0.1", 6000));
        assert!(scheduler_options(args("--port")).is_err());
        assert!(scheduler_options(args("--verbose")).is_err());
    }
}
