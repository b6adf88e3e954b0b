//! The compliance report as SQL: rows sorted out, then counted per month
//! and priority. Shared by the example and the test that checks its
//! numbers against a plain loop over the crate's API.

use std::collections::BTreeMap;

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

/// One pass over the export. Each row's values are read (NULL where they
/// do not read), the row gets a verdict (what, if anything, is wrong with
/// it), and the rows are counted by verdict, priority, local month of
/// creation and status. `sla_status` and `business_time` are evaluated
/// only for rows whose verdict is `ok` (a `CASE` evaluates its `THEN` only
/// for the rows that reach it). An empty `responded` is NULL (no response
/// yet). `{now}` is the instant statuses are taken at, as RFC 3339.
const COUNTS: &str = "
SELECT
    verdict,
    p,
    CAST(date_part('year', c) AS BIGINT) AS year,
    CAST(date_part('month', c) AS BIGINT) AS month,
    CASE WHEN verdict = 'ok' THEN sla_status(p, c, r, now) END AS status,
    count(*) AS tickets,
    sum(CASE WHEN verdict = 'ok' AND r <= now THEN business_time(c, r) END) AS response_seconds,
    count(CASE WHEN verdict = 'ok' AND r <= now THEN 1 END) AS answered
FROM (
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
            try_sla_priority(priority) AS p,
            try_sla_instant(created) AS c,
            responded,
            try_sla_instant(responded) AS r,
            sla_instant('{now}') AS now
        FROM tickets
    )
)
GROUP BY 1, 2, 3, 4, 5";

/// Runs the report over the table `tickets` on `ctx` (which has the SLA
/// functions registered), with statuses at `now` (RFC 3339).
pub async fn run(ctx: &SessionContext, now: &str) -> Result<Report> {
    let sql = COUNTS.replace("{now}", &now.replace('\'', "''"));
    let mut rejected = Rejected::default();
    let mut rows = 0;
    // (year, month, priority rank) -> line, business seconds, answered.
    let mut lines: BTreeMap<(i64, i64, usize), (Line, f64, i64)> = BTreeMap::new();
    for batch in ctx.sql(&sql).await?.collect().await? {
        let verdicts = texts(&batch, 0)?;
        let priorities = texts(&batch, 1)?;
        let statuses = texts(&batch, 4)?;
        let int = |i: usize| batch.column(i).as_primitive::<Int64Type>().clone();
        let (years, months, tickets, answered) = (int(2), int(3), int(5), int(7));
        let seconds = batch.column(6).as_primitive::<Float64Type>();
        for row in 0..batch.num_rows() {
            let n = tickets.value(row);
            rows += n;
            match verdicts[row].as_deref() {
                Some("ok") => {}
                Some("priority") => {
                    rejected.priority += n;
                    continue;
                }
                Some("created") => {
                    rejected.created += n;
                    continue;
                }
                Some("responded") => {
                    rejected.responded += n;
                    continue;
                }
                _ => {
                    rejected.responded_before_created += n;
                    continue;
                }
            }
            let priority = priorities[row].clone().unwrap_or_default();
            let rank = PRIORITIES.iter().position(|p| *p == priority).unwrap_or(4);
            let (year, month) = (years.value(row), months.value(row));
            let (line, secs, count) = lines.entry((year, month, rank)).or_insert_with(|| {
                (
                    Line {
                        month: format!("{year:04}-{month:02}"),
                        priority,
                        tickets: 0,
                        met: 0,
                        breached: 0,
                        at_risk: 0,
                        pending: 0,
                        mean_response_hours: None,
                    },
                    0.0,
                    0,
                )
            });
            line.tickets += n;
            match statuses[row].as_deref() {
                Some("met") => line.met += n,
                Some("breached") => line.breached += n,
                Some("at_risk") => line.at_risk += n,
                _ => line.pending += n,
            }
            if seconds.is_valid(row) {
                *secs += seconds.value(row);
            }
            *count += answered.value(row);
        }
    }
    let lines = lines
        .into_values()
        .map(|(mut line, secs, count)| {
            line.mean_response_hours = (count > 0).then(|| secs / count as f64 / 3600.0);
            line
        })
        .collect();
    Ok(Report {
        rows,
        lines,
        rejected,
    })
}

/// The priorities as `sla_priority` writes them, most urgent first.
const PRIORITIES: [&str; 4] = ["urgent", "high", "normal", "low"];

/// A text column of any of Arrow's string types, as strings.
fn texts(batch: &RecordBatch, column: usize) -> Result<Vec<Option<String>>> {
    let cast = datafusion::arrow::compute::cast(batch.column(column), &DataType::Utf8)?;
    let strings = cast.as_string::<i32>();
    Ok((0..strings.len())
        .map(|i| strings.is_valid(i).then(|| strings.value(i).to_string()))
        .collect())
}
