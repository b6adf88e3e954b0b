//! The `sla_report` example's numbers against a plain loop over the same
//! export with the crate's own API: every count must agree.

use std::collections::BTreeMap;

use datafusion::prelude::SessionContext;
use sla_clock::chrono::{DateTime, Utc};
use sla_clock::{Calendar, Policy, Priority, RiskThreshold, SlaClock, SlaStatus};
use sla_clock_datafusion::SlaFunctions;

// The example's modules, shared rather than copied; the test uses only
// part of them.
#[allow(dead_code)]
#[path = "../examples/sla_report/generate.rs"]
mod generate;
#[allow(dead_code)]
#[path = "../examples/sla_report/report.rs"]
mod report;

use report::{Line, Rejected, Report};

const NOW: &str = "2025-11-20T12:00:00+01:00";

/// The report by hand: each line read with the crate's parsers, each
/// status from an `SlaClock`.
fn plain_loop(csv: &str, threshold: Option<RiskThreshold>) -> Report {
    let cal = Calendar::munich();
    let policy = Policy::default();
    let now = cal.parse_datetime(NOW).unwrap();
    let read = |text: &str| -> Option<DateTime<Utc>> {
        let t = cal.parse_datetime(text).ok()?;
        cal.is_open(&t).ok()?;
        Some(t.to_utc())
    };
    let mut rejected = Rejected::default();
    let mut rows = 0;
    // (month, priority) -> line; priorities sort most urgent first.
    let mut lines: BTreeMap<(String, Priority), (Line, f64, i64)> = BTreeMap::new();
    for line in csv.lines().skip(1) {
        rows += 1;
        let fields: Vec<&str> = line.split(',').collect();
        let [_, priority, created, responded] = fields[..] else {
            panic!("four fields in {line}");
        };
        let Ok(priority) = priority.parse::<Priority>() else {
            rejected.priority += 1;
            continue;
        };
        let Some(created) = read(created) else {
            rejected.created += 1;
            continue;
        };
        let responded = match responded {
            "" => None,
            text => match read(text) {
                Some(t) => Some(t),
                None => {
                    rejected.responded += 1;
                    continue;
                }
            },
        };
        if responded.is_some_and(|r| r < created) {
            rejected.responded_before_created += 1;
            continue;
        }
        let mut clock = SlaClock::for_priority(&cal, &policy, priority, &created).unwrap();
        if let Some(t) = threshold {
            clock = clock.with_risk_threshold(t);
        }
        if let Some(r) = responded {
            clock = clock.with_response(&r).unwrap();
        }
        let status = clock.status(&now).unwrap();
        let month = created
            .with_timezone(&cal.zone())
            .format("%Y-%m")
            .to_string();
        let (entry, hours, answered) = lines.entry((month.clone(), priority)).or_insert((
            Line {
                month,
                priority: priority.to_string(),
                tickets: 0,
                met: 0,
                breached: 0,
                at_risk: 0,
                pending: 0,
                mean_response_hours: None,
            },
            0.0,
            0,
        ));
        entry.tickets += 1;
        match status {
            SlaStatus::Met { .. } => entry.met += 1,
            SlaStatus::Breached { .. } => entry.breached += 1,
            SlaStatus::AtRisk { .. } => entry.at_risk += 1,
            SlaStatus::Pending { .. } => entry.pending += 1,
        }
        if let Some(r) = responded.filter(|r| *r <= now) {
            *hours += cal.business_time(&created, &r).unwrap().as_nanos() as f64 / 3.6e12;
            *answered += 1;
        }
    }
    let lines = lines
        .into_values()
        .map(|(mut line, hours, answered)| {
            line.mean_response_hours = (answered > 0).then(|| hours / answered as f64);
            line
        })
        .collect();
    Report {
        rows,
        lines,
        rejected,
    }
}

fn export(rows: u64, seed: u64) -> (String, String) {
    let mut csv = Vec::new();
    let spec = generate::Export {
        rows,
        seed,
        year: 2025,
    };
    generate::write_csv(&spec, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let path = format!("{}/tickets-{seed}.csv", env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(&path, &csv).unwrap();
    (csv, path)
}

async fn by_sql(path: &str, threshold: Option<RiskThreshold>) -> Report {
    let mut functions = SlaFunctions::new(Calendar::munich(), Policy::default());
    if let Some(t) = threshold {
        functions = functions.with_risk_threshold(t);
    }
    let ctx = SessionContext::new();
    functions.register(&ctx);
    report::register_tickets(&ctx, path).await.unwrap();
    report::run(&ctx, NOW).await.unwrap()
}

fn assert_same(sql: &Report, plain: &Report) {
    assert_eq!(sql.rows, plain.rows);
    assert_eq!(sql.rejected, plain.rejected);
    assert_eq!(sql.lines.len(), plain.lines.len());
    for (a, b) in sql.lines.iter().zip(&plain.lines) {
        let strip = |l: &Line| Line {
            mean_response_hours: None,
            ..l.clone()
        };
        assert_eq!(strip(a), strip(b));
        match (a.mean_response_hours, b.mean_response_hours) {
            (Some(x), Some(y)) => assert!((x - y).abs() < 1e-9 * y.max(1.0), "{a:?} vs {b:?}"),
            (x, y) => assert_eq!(x, y, "{a:?}"),
        }
    }
}

#[tokio::test]
async fn the_report_agrees_with_a_plain_loop() {
    let (csv, path) = export(30_000, 7);
    let plain = plain_loop(&csv, None);
    // The export is what it says: a few percent malformed, every kind.
    let r = &plain.rejected;
    assert!(r.priority > 0 && r.created > 0 && r.responded > 0 && r.responded_before_created > 0);
    let share = r.total() as f64 / plain.rows as f64;
    assert!((0.02..0.06).contains(&share), "{share}");
    // Twelve months, four priorities.
    assert_eq!(plain.lines.len(), 48);
    let sql = by_sql(&path, None).await;
    assert_same(&sql, &plain);
    assert_eq!(sql.lines.iter().map(|l| l.at_risk).sum::<i64>(), 0);
}

#[tokio::test]
async fn the_report_agrees_with_an_at_risk_threshold() {
    let (csv, path) = export(5_000, 11);
    let threshold = Some(RiskThreshold::percent(50).unwrap());
    let plain = plain_loop(&csv, threshold);
    let sql = by_sql(&path, threshold).await;
    assert_same(&sql, &plain);
}

#[test]
fn the_generator_is_seeded() {
    let (a, _) = export(1_000, 3);
    let mut b = Vec::new();
    let spec = generate::Export {
        rows: 1_000,
        seed: 3,
        year: 2025,
    };
    generate::write_csv(&spec, &mut b).unwrap();
    assert_eq!(a.as_bytes(), b.as_slice());
    assert_eq!(a.lines().count(), 1_001);
}
