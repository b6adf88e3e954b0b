//! The compliance report as SQL: rows sorted out, then counted per month
//! and priority. Shared by the example and the test that checks its
//! numbers against a plain loop over the crate's API.

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::datatypes::{DataType, Field, Float64Type, Int64Type, Schema};
use datafusion::error::Result;
use datafusion::prelude::{CsvReadOptions, SessionContext};

/// One line of the table: the tickets of one priority created in one
/// month (local time in the calendar's zone).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// `2025-03`.
    pub month: String,
    /// `urgent`, `high`, `normal` or `low`.
    pub priority: String,
    pub tickets: i64,
    pub met: i64,
    pub breached: i64,
    pub at_risk: i64,
    pub pending: i64,
    /// Mean business hours from creation to the first response, over the
    /// tickets answered by `now`.
    pub mean_response_hours: Option<f64>,
}

/// Rows left out, by the first thing wrong with them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rejected {
    pub priority: i64,
    pub created: i64,
    pub responded: i64,
    pub responded_before_created: i64,
}

impl Rejected {
    pub fn total(&self) -> i64 {
        self.priority + self.created + self.responded + self.responded_before_created
    }
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub rows: i64,
    pub lines: Vec<Line>,
    pub rejected: Rejected,
}

/// The export's columns, all read as text: the SQL functions read them
/// as the crate does, and sort out what does not read.
pub fn schema() -> Schema {
    Schema::new(
        ["id", "priority", "created", "responded"]
            .map(|name| Field::new(name, DataType::Utf8, true))
            .to_vec(),
    )
}

/// Registers the CSV export at `path` (a file, or a folder of files with
/// the same extension) as the table `tickets`.
pub async fn register_tickets(ctx: &SessionContext, path: &str) -> Result<()> {
    let schema = schema();
    let options = CsvReadOptions::new()
        .has_header(true)
        .schema(&schema)
        .file_extension(extension(path));
    ctx.register_csv("tickets", path, options).await
}

/// The file's extension with its dot (DataFusion filters a directory's
/// files by it), `.csv` when there is none.
fn extension(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rfind('.').map_or(".csv", |i| &name[i..])
}

/// Each row with its values read (NULL where they do not read) and what,
/// if anything, is wrong with it. An empty `responded` is no response yet.
const CHECKED: &str = "
CREATE VIEW checked AS
SELECT *,
    CASE
        WHEN p IS NULL THEN 'priority'
        WHEN c IS NULL THEN 'created'
        WHEN responded IS NOT NULL AND r IS NULL THEN 'responded'
        WHEN r < c THEN 'responded before created'
        ELSE 'ok'
    END AS verdict
FROM (
    SELECT
        id,
        try_sla_priority(priority) AS p,
        try_sla_instant(created) AS c,
        NULLIF(responded, '') AS responded,
        try_sla_instant(NULLIF(responded, '')) AS r
    FROM tickets
)";

/// The table. `{now}` is replaced by the instant the statuses are taken
/// at, as RFC 3339.
const TABLE: &str = "
SELECT
    to_char(date_trunc('month', c), '%Y-%m') AS month,
    p AS priority,
    count(*) AS tickets,
    sum(CASE WHEN status = 'met' THEN 1 ELSE 0 END) AS met,
    sum(CASE WHEN status = 'breached' THEN 1 ELSE 0 END) AS breached,
    sum(CASE WHEN status = 'at_risk' THEN 1 ELSE 0 END) AS at_risk,
    sum(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
    avg(CASE WHEN r <= now THEN business_time(c, r) END) / 3600.0 AS mean_response_hours
FROM (
    SELECT p, c, r, now, sla_status(p, c, r, now) AS status
    FROM checked, (SELECT sla_instant('{now}') AS now)
    WHERE verdict = 'ok'
)
GROUP BY 1, 2
ORDER BY 1, CASE p WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END";

const VERDICTS: &str = "SELECT verdict, count(*) AS n FROM checked GROUP BY verdict";

/// Runs the report over the table `tickets` on `ctx` (which has the SLA
/// functions registered), with statuses at `now` (RFC 3339).
pub async fn run(ctx: &SessionContext, now: &str) -> Result<Report> {
    ctx.sql(CHECKED).await?.collect().await?;
    let mut rejected = Rejected::default();
    let mut rows = 0;
    for batch in ctx.sql(VERDICTS).await?.collect().await? {
        let verdicts = texts(&batch, 0)?;
        let counts = batch.column(1).as_primitive::<Int64Type>();
        for (verdict, n) in verdicts.iter().zip(counts.values()) {
            rows += n;
            match verdict.as_str() {
                "priority" => rejected.priority += n,
                "created" => rejected.created += n,
                "responded" => rejected.responded += n,
                "responded before created" => rejected.responded_before_created += n,
                _ => {}
            }
        }
    }
    let mut lines = Vec::new();
    let table = TABLE.replace("{now}", &now.replace('\'', "''"));
    for batch in ctx.sql(&table).await?.collect().await? {
        let months = texts(&batch, 0)?;
        let priorities = texts(&batch, 1)?;
        let count = |i: usize| batch.column(i).as_primitive::<Int64Type>().clone();
        let (tickets, met, breached, at_risk, pending) =
            (count(2), count(3), count(4), count(5), count(6));
        let hours = batch.column(7).as_primitive::<Float64Type>();
        for row in 0..batch.num_rows() {
            lines.push(Line {
                month: months[row].clone(),
                priority: priorities[row].clone(),
                tickets: tickets.value(row),
                met: met.value(row),
                breached: breached.value(row),
                at_risk: at_risk.value(row),
                pending: pending.value(row),
                mean_response_hours: hours.is_valid(row).then(|| hours.value(row)),
            });
        }
    }
    Ok(Report {
        rows,
        lines,
        rejected,
    })
}

/// A text column of any of Arrow's string types, as strings.
fn texts(batch: &RecordBatch, column: usize) -> Result<Vec<String>> {
    let cast = datafusion::arrow::compute::cast(batch.column(column), &DataType::Utf8)?;
    let strings = cast.as_string::<i32>();
    Ok((0..strings.len())
        .map(|i| strings.value(i).to_string())
        .collect())
}
