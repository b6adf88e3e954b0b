//! A real cluster on 127.0.0.1: the `sla-scheduler` binary and two
//! `sla-executor` processes on free ports, the report run on them over an
//! export split into several files, and every number and every ticket's
//! result compared with the same report in one process.
//!
//! Bounded: the whole test has ten minutes, every process gets two
//! minutes to listen (a debug build on a loaded 2-core machine can be
//! slow to start; the test polls rather than waiting a fixed time), and the
//! processes are killed when the test ends, passed, failed or timed out (a
//! `Drop` guard). Traffic goes to 127.0.0.1 only.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ballista::prelude::SessionContextExt;
use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::prelude::{SessionContext, col};
use sla_clock::{Calendar, Policy, RiskThreshold};
use sla_clock_datafusion::SlaFunctions;

// The example's modules, shared rather than copied; the test uses only
// part of them.
#[allow(dead_code)]
#[path = "../../datafusion/examples/sla_report/generate.rs"]
mod generate;
#[allow(dead_code)]
#[path = "../../datafusion/examples/sla_report/report.rs"]
mod report;

const NOW: &str = "2025-11-20T12:00:00+01:00";
const ROWS: u64 = 20_000;
const FILES: usize = 4;
/// How long a process may take to listen on its port.
const READY_WITHIN: Duration = Duration::from_secs(120);

/// The cluster's processes, killed when it goes out of scope.
struct Cluster {
    children: Vec<(&'static str, Child)>,
    logs: PathBuf,
}

impl Cluster {
    fn start(&mut self, name: &'static str, program: &str, args: &[String]) {
        let log = std::fs::File::create(self.logs.join(format!("{name}.log"))).unwrap();
        let mut command = Command::new(program);
        die_with_this_process(&mut command);
        let child = command
            .args(args)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
        self.children.push((name, child));
    }

    /// Waits until `port` on 127.0.0.1 accepts connections, failing early
    /// when one of the processes has died.
    fn wait_for(&mut self, port: u16, deadline: Instant) {
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let died = self
                .children
                .iter_mut()
                .find_map(|(name, child)| child.try_wait().unwrap().map(|s| (*name, s)));
            if let Some((name, status)) = died {
                panic!("{name} exited with {status}; its log:\n{}", self.log(name));
            }
            assert!(Instant::now() < deadline, "nothing listens on port {port}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn log(&self, name: &str) -> String {
        std::fs::read_to_string(self.logs.join(format!("{name}.log"))).unwrap_or_default()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for (_, child) in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// On Linux, the child gets SIGKILL when the thread that started it ends,
/// so that a test process killed without unwinding (a CI timeout, Ctrl-C)
/// leaves no scheduler or executor behind; the `Drop` guard covers panics
/// and the timeout.
#[cfg(target_os = "linux")]
fn die_with_this_process(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: prctl is async-signal-safe and touches no memory of the
    // parent; this runs in the child between fork and exec.
    unsafe {
        command.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn die_with_this_process(_: &mut Command) {}

/// A port nothing listens on now (the kernel's choice for port 0).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn functions() -> SlaFunctions {
    // A threshold the servers could not guess: if the executors computed
    // with anything but the client's setup, at-risk counts would differ.
    SlaFunctions::new(Calendar::munich(), Policy::default())
        .with_risk_threshold(RiskThreshold::percent(40).unwrap())
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(|e| e.ok())
            .map(|e| {
                let path = e.path();
                if path.is_dir() { files_under(&path) } else { 1 }
            })
            .sum()
    })
}

fn assert_same(distributed: &report::Report, local: &report::Report) {
    assert_eq!(distributed.rows, local.rows);
    assert_eq!(distributed.rejected, local.rejected);
    assert_eq!(distributed.lines.len(), local.lines.len());
    for (a, b) in distributed.lines.iter().zip(&local.lines) {
        let strip = |l: &report::Line| report::Line {
            mean_response_hours: None,
            ..l.clone()
        };
        assert_eq!(strip(a), strip(b));
        // Sums of doubles added in another order: equal to the last bits.
        match (a.mean_response_hours, b.mean_response_hours) {
            (Some(x), Some(y)) => {
                assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0), "{a:?} vs {b:?}")
            }
            (x, y) => assert_eq!(x, y, "{a:?}"),
        }
    }
}

/// The per-ticket result, sorted by id, as text: every column of every row.
async fn per_ticket(ctx: &SessionContext) -> String {
    let batches = report::per_ticket(ctx, NOW)
        .await
        .unwrap()
        .sort(vec![col("id").sort(true, false)])
        .unwrap()
        .collect()
        .await
        .unwrap();
    pretty_format_batches(&batches).unwrap().to_string()
}

async fn local(path: &str) -> (report::Report, String) {
    let ctx = SessionContext::new();
    functions().register(&ctx);
    report::register_tickets(&ctx, path).await.unwrap();
    (
        report::run(&ctx, NOW).await.unwrap(),
        per_ticket(&ctx).await,
    )
}

async fn distributed(scheduler: u16, path: &str) -> (report::Report, String) {
    let state = sla_clock_ballista::client_state().unwrap();
    let ctx = SessionContext::remote_with_state(&format!("df://127.0.0.1:{scheduler}"), state)
        .await
        .unwrap();
    functions().register(&ctx);
    report::register_tickets(&ctx, path).await.unwrap();
    (
        report::run(&ctx, NOW).await.unwrap(),
        per_ticket(&ctx).await,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_executors_give_the_report_of_one_process_row_for_row() {
    tokio::time::timeout(Duration::from_secs(600), run())
        .await
        .expect("the cluster test takes at most ten minutes");
}

async fn run() {
    let root =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cluster-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let export = generate::Export {
        rows: ROWS,
        seed: 21,
        year: 2025,
    };
    let csv = root.join("csv");
    let parquet = root.join("parquet");
    generate::write_files(&export, csv.to_str().unwrap(), FILES, false)
        .await
        .unwrap();
    generate::write_files(&export, parquet.to_str().unwrap(), FILES, true)
        .await
        .unwrap();
    assert_eq!(std::fs::read_dir(&csv).unwrap().count(), FILES);
    assert_eq!(std::fs::read_dir(&parquet).unwrap().count(), FILES);

    let mut cluster = Cluster {
        children: Vec::new(),
        logs: root.clone(),
    };
    let scheduler = free_port();
    cluster.start(
        "scheduler",
        env!("CARGO_BIN_EXE_sla-scheduler"),
        &["--port".into(), scheduler.to_string()],
    );
    cluster.wait_for(scheduler, Instant::now() + READY_WITHIN);
    let mut work_dirs = Vec::new();
    for name in ["executor-1", "executor-2"] {
        let (flight, grpc) = (free_port(), free_port());
        let work_dir = root.join(name);
        std::fs::create_dir_all(&work_dir).unwrap();
        cluster.start(
            name,
            env!("CARGO_BIN_EXE_sla-executor"),
            &[
                "--scheduler".into(),
                format!("127.0.0.1:{scheduler}"),
                "--port".into(),
                flight.to_string(),
                "--grpc-port".into(),
                grpc.to_string(),
                // One task at a time each, so that both take part.
                "--concurrent-tasks".into(),
                "1".into(),
                "--work-dir".into(),
                work_dir.to_str().unwrap().into(),
            ],
        );
        // Ballista's executor (push scheduling, its default) registers
        // with the scheduler before it opens its Flight port: once that
        // port listens, the scheduler knows the executor.
        cluster.wait_for(flight, Instant::now() + READY_WITHIN);
        work_dirs.push(work_dir);
    }
    for path in [&csv, &parquet] {
        let path = path.to_str().unwrap();
        let (here, here_tickets) = local(path).await;
        let (there, there_tickets) = distributed(scheduler, path).await;
        // The comparison means something: every row counted, statuses of
        // every kind, the client's at-risk threshold in force.
        assert_eq!(here.rows, ROWS as i64, "{path}");
        assert_eq!(here.lines.len(), 48, "{path}");
        for (kind, count) in [
            ("met", here.lines.iter().map(|l| l.met).sum::<i64>()),
            ("breached", here.lines.iter().map(|l| l.breached).sum()),
            ("at risk", here.lines.iter().map(|l| l.at_risk).sum()),
            ("pending", here.lines.iter().map(|l| l.pending).sum()),
        ] {
            assert!(count > 0, "no ticket {kind} in {path}");
        }
        assert_same(&there, &here);
        assert_eq!(there_tickets.lines().count(), ROWS as usize + 4, "{path}");
        assert!(
            there_tickets == here_tickets,
            "the per-ticket results differ for {path}"
        );
    }
    // Both executors ran tasks: each wrote shuffle files.
    for dir in &work_dirs {
        assert!(
            files_under(dir) > 0,
            "{} did no work; logs:\n{}\n{}",
            dir.display(),
            cluster.log("executor-1"),
            cluster.log("executor-2")
        );
    }
    drop(cluster);
    let _ = std::fs::remove_dir_all(&root);
}
