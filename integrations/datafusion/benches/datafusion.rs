//! Criterion benchmarks for the SQL functions.
//!
//! `datafusion/sla_due_1m` is one call of `sla_due` over one array of a
//! million rows: the per-row cost of the function itself, on the
//! distribution of the core crate's `due/mix` (one `Calendar::due` per
//! iteration). `datafusion/core_due_mix` is `due/mix` itself, copied (the
//! same 4096 cases, round robin), and `datafusion/sla_due_4096` is
//! `sla_due` once over those same 4096 rows: divide its time by 4096 for
//! the per-row cost to compare with `core_due_mix`, in the same run.
//! `datafusion/sla_due_1m_sql` is the million rows through a whole query
//! (`SELECT sla_due(priority, created) FROM t`), so DataFusion's batching
//! and planning are in it too.
//!
//!     cargo bench -p sla-clock-datafusion --bench datafusion

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use datafusion::arrow::array::{ArrayRef, RecordBatch, StringArray, TimestampNanosecondArray};
use datafusion::arrow::datatypes::{DataType, Field, TimeUnit};
use datafusion::config::ConfigOptions;
use datafusion::datasource::MemTable;
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDF};
use datafusion::prelude::SessionContext;
use sla_clock::chrono::{TimeZone, Utc};
use sla_clock::{Calendar, Policy};
use sla_clock_datafusion::SlaFunctions;

const ROWS: usize = 1_000_000;

/// The core bench's generator (`benches/sla.rs` in the root), so that the
/// rows follow the same distribution as `due/mix`.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// `due/mix`'s rows: created uniformly over 2020-2035 at any second (so
/// about three quarters outside opening hours), priorities 10/30/40/20 %
/// Urgent/High/Normal/Low.
fn mix(n: usize) -> (StringArray, TimestampNanosecondArray) {
    let from = Utc
        .with_ymd_and_hms(2020, 1, 2, 0, 0, 0)
        .unwrap()
        .timestamp();
    let to = Utc
        .with_ymd_and_hms(2036, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let (mut times, mut kinds) = (Lcg(42), Lcg(7));
    let created: TimestampNanosecondArray = (0..n)
        .map(|_| Some((from + (times.next() % (to - from) as u64) as i64) * 1_000_000_000))
        .collect();
    let priority: StringArray = (0..n)
        .map(|_| {
            Some(match kinds.next() % 10 {
                0 => "urgent",
                1..=3 => "high",
                4..=7 => "normal",
                _ => "low",
            })
        })
        .collect();
    (priority, created)
}

fn sla_due(c: &mut Criterion) {
    let functions = SlaFunctions::new(Calendar::munich(), Policy::default());
    let udf: Arc<ScalarUDF> = functions
        .udfs()
        .into_iter()
        .find(|f| f.name() == "sla_due")
        .expect("sla_due is registered");
    let (priority, created) = mix(ROWS);
    let (priority_all, created_all): (ArrayRef, ArrayRef) =
        (Arc::new(priority.clone()), Arc::new(created.clone()));
    let timestamp = DataType::Timestamp(TimeUnit::Nanosecond, None);
    let arg_fields = vec![
        Arc::new(Field::new("priority", DataType::Utf8, false)),
        Arc::new(Field::new("created", timestamp.clone(), false)),
    ];
    let return_field = Arc::new(Field::new("due", timestamp, true));
    let config = Arc::new(ConfigOptions::default());
    let mut g = c.benchmark_group("datafusion");

    // The core's due/mix, copied: its 4096 cases are the first rows of
    // `mix` (the same generators), one `Calendar::due` per iteration.
    let calendar = Calendar::munich();
    let policy = Policy::default();
    let small = 4096;
    let cases: Vec<_> = (0..small)
        .map(|row| {
            let p: sla_clock::Priority = priority.value(row).parse().unwrap();
            let t = sla_clock::chrono::DateTime::from_timestamp_nanos(created.value(row));
            (t, policy.target(p).duration(&calendar))
        })
        .collect();
    g.bench_function("core_due_mix", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % cases.len();
            let (t, d) = black_box(&cases[i]);
            black_box(calendar.due(t, *d).unwrap());
        })
    });
    let invoke = |p: &ArrayRef, c: &ArrayRef, rows: usize| {
        let args = ScalarFunctionArgs {
            args: vec![
                ColumnarValue::Array(Arc::clone(p)),
                ColumnarValue::Array(Arc::clone(c)),
            ],
            arg_fields: arg_fields.clone(),
            number_rows: rows,
            return_field: Arc::clone(&return_field),
            config_options: Arc::clone(&config),
        };
        black_box(udf.invoke_with_args(black_box(args)).unwrap());
    };
    let (p_small, c_small) = (priority.slice(0, small), created.slice(0, small));
    let (p_small, c_small): (ArrayRef, ArrayRef) = (Arc::new(p_small), Arc::new(c_small));
    g.bench_function("sla_due_4096", |b| {
        b.iter(|| invoke(&p_small, &c_small, small))
    });

    // A million rows an iteration: fewer samples keep the run short.
    g.sample_size(10);
    g.bench_function("sla_due_1m", |b| {
        b.iter(|| invoke(&priority_all, &created_all, ROWS))
    });

    // The same rows as a table, through SQL: planning, batches of 8192
    // rows on every core, and collecting the result.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let ctx = SessionContext::new();
    functions.register(&ctx);
    let batch =
        RecordBatch::try_from_iter([("priority", priority_all), ("created", created_all)]).unwrap();
    // As a scan would deliver them: batches of 8192 rows, one partition a
    // core.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut partitions = vec![Vec::new(); cores];
    for (i, start) in (0..ROWS).step_by(8192).enumerate() {
        partitions[i % cores].push(batch.slice(start, 8192.min(ROWS - start)));
    }
    let table = MemTable::try_new(batch.schema(), partitions).unwrap();
    ctx.register_table("t", Arc::new(table)).unwrap();
    g.bench_function("sla_due_1m_sql", |b| {
        b.to_async(&runtime).iter(|| async {
            let df = ctx
                .sql("SELECT sla_due(priority, created) FROM t")
                .await
                .unwrap();
            black_box(df.collect().await.unwrap());
        })
    });
    g.finish();
}

criterion_group!(benches, sla_due);
criterion_main!(benches);
