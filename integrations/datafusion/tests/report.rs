//! The `sla_report` example's numbers against a plain loop over the same
//! export with the crate's own API: every count must agree.

use std::collections::BTreeMap;

use datafusion::arrow::array::{Array, AsArray};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, TimeUnit, TimestampNanosecondType};
use datafusion::prelude::{ParquetReadOptions, SessionContext};
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
    plain_loop_as(csv, threshold, false)
}

/// The same; `typed` reads the export as its Parquet form holds it: an
/// unreadable instant is NULL there, so an unreadable response is no
/// response.
fn plain_loop_as(csv: &str, threshold: Option<RiskThreshold>, typed: bool) -> Report {
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
                None if typed => None,
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

#[tokio::test]
async fn parquet_and_csv_directories_in_parquet_out() {
    let (csv, _) = export(6_000, 17);
    let spec = generate::Export {
        rows: 6_000,
        seed: 17,
        year: 2025,
    };
    let root = format!(
        "{}/parquet-{}",
        env!("CARGO_TARGET_TMPDIR"),
        std::process::id()
    );
    let _ = std::fs::remove_dir_all(&root);
    let (csv_dir, parquet_dir, out_dir) = (
        format!("{root}/csv"),
        format!("{root}/parquet"),
        format!("{root}/out"),
    );
    generate::write_files(&spec, &csv_dir, 3, false)
        .await
        .unwrap();
    generate::write_files(&spec, &parquet_dir, 3, true)
        .await
        .unwrap();
    assert_eq!(report::format_of(&csv_dir).unwrap(), report::Format::Csv);
    assert_eq!(
        report::format_of(&parquet_dir).unwrap(),
        report::Format::Parquet
    );
    // Three files each, the CSV files with a header each.
    for dir in [&csv_dir, &parquet_dir] {
        assert_eq!(std::fs::read_dir(dir).unwrap().count(), 3, "{dir}");
    }

    // A directory of CSV files reads as the one file.
    assert_same(&by_sql(&csv_dir, None).await, &plain_loop(&csv, None));
    // Parquet: the same rows, an unreadable response as no response.
    let typed = plain_loop_as(&csv, None, true);
    assert!(typed.rejected.responded == 0 && plain_loop(&csv, None).rejected.responded > 0);
    assert_same(&by_sql(&parquet_dir, None).await, &typed);

    // The per-ticket result as Parquet: every row, instants in the zone
    // they were read with, each due instant the crate's.
    let ctx = SessionContext::new();
    SlaFunctions::new(Calendar::munich(), Policy::default()).register(&ctx);
    report::register_tickets(&ctx, &parquet_dir).await.unwrap();
    report::write_per_ticket(&ctx, NOW, &out_dir).await.unwrap();
    let back = SessionContext::new();
    let batches = back
        .read_parquet(&out_dir, ParquetReadOptions::default())
        .await
        .unwrap()
        .collect()
        .await
        .unwrap();
    let zone = DataType::Timestamp(TimeUnit::Nanosecond, Some("Europe/Berlin".into()));
    let schema = batches[0].schema();
    for column in ["created", "responded", "due"] {
        assert_eq!(
            schema.field_with_name(column).unwrap().data_type(),
            &zone,
            "{column}"
        );
    }
    let (cal, policy) = (Calendar::munich(), Policy::default());
    let (mut rows, mut checked) = (0, 0);
    for batch in &batches {
        rows += batch.num_rows();
        let priority = batch.column_by_name("priority").unwrap();
        let priority = cast(priority, &DataType::Utf8).unwrap();
        let priority = priority.as_string::<i32>();
        let created = batch
            .column_by_name("created")
            .unwrap()
            .as_primitive::<TimestampNanosecondType>();
        let due = batch
            .column_by_name("due")
            .unwrap()
            .as_primitive::<TimestampNanosecondType>();
        for row in 0..batch.num_rows() {
            if due.is_null(row) {
                continue;
            }
            let p: Priority = priority.value(row).parse().unwrap();
            let c = DateTime::from_timestamp_nanos(created.value(row));
            let want = policy.due(&cal, p, &c).unwrap();
            assert_eq!(due.value(row), want.timestamp_nanos_opt().unwrap());
            checked += 1;
        }
    }
    assert_eq!(rows, 6_000);
    assert!(checked > 5_500, "{checked}");
    let _ = std::fs::remove_dir_all(&root);
}
