//! The compliance report as SQL: rows sorted out, then counted per month
//! and priority. Shared by the example and the test that checks its
//! numbers against a plain loop over the crate's API.

use std::collections::BTreeMap;

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::datatypes::{DataType, Date32Type, Field, Float64Type, Int64Type, Schema};
use datafusion::dataframe::DataFrameWriteOptions;
use datafusion::error::Result;
use datafusion::prelude::{CsvReadOptions, DataFrame, ParquetReadOptions, SessionContext};

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

/// How an export is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV with the header `id,priority,created,responded`, instants as
    /// text.
    Csv,
    /// Parquet with the columns `id`, `priority` (text), `created` and
    /// `responded` (timestamps of any unit and zone, or text).
    Parquet,
}

/// The format of the export at `path`, by its extension (`.parquet`,
/// otherwise CSV); for a directory, by the extension of its files.
pub fn format_of(path: &str) -> std::io::Result<Format> {
    let by_name = |name: &str| {
        if name.ends_with(".parquet") {
            Format::Parquet
        } else {
            Format::Csv
        }
    };
    let meta = std::fs::metadata(path)?;
    if !meta.is_dir() {
        return Ok(by_name(path));
    }
    let mut names: Vec<String> = std::fs::read_dir(path)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !n.starts_with('_'))
        .collect();
    names.sort();
    Ok(names.first().map_or(Format::Csv, |n| by_name(n)))
}

/// Registers the export at `path` (a file, or a directory of files with
/// the same extension, as warehouses export them) as the table `tickets`.
pub async fn register_tickets(ctx: &SessionContext, path: &str) -> Result<()> {
    match format_of(path)? {
        Format::Csv => {
            let schema = schema();
            let options = CsvReadOptions::new()
                .has_header(true)
                .schema(&schema)
                .file_extension(extension(path));
            ctx.register_csv("tickets", path, options).await
        }
        Format::Parquet => {
            ctx.register_parquet("tickets", path, ParquetReadOptions::default())
                .await
        }
    }
}

/// The file's extension with its dot (DataFusion filters a directory's
/// files by it), `.csv` when there is none or for a directory.
fn extension(path: &str) -> &str {
    if std::path::Path::new(path).is_dir() {
        return ".csv";
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rfind('.').map_or(".csv", |i| &name[i..])
}

/// How the table's instant column `column` is read: text with
/// `try_sla_instant` (NULL where it does not read); a timestamp as it is
/// (its unit and zone kept) where it lies in the crate's supported range,
/// NULL elsewhere. The bounds are local times read in the calendar's zone.
fn instant(schema: &datafusion::common::DFSchema, column: &str) -> Result<String> {
    let field = schema.field_with_unqualified_name(column)?;
    Ok(match field.data_type() {
        DataType::Timestamp(..) => format!(
            "CASE WHEN {column} >= sla_instant('1995-01-01T00:00') \
             AND {column} <= sla_instant('2099-12-31T23:59:59.999999999') THEN {column} END"
        ),
        _ => format!("try_sla_instant({column})"),
    })
}

/// The subquery both queries share, for the table `tickets` on `ctx`:
/// see [`TICKETS`]. `now` is the instant statuses are taken at.
async fn tickets_sql(ctx: &SessionContext, now: &str) -> Result<String> {
    let schema = ctx.table("tickets").await?.schema().clone();
    let created = instant(&schema, "created")?;
    let responded = instant(&schema, "responded")?;
    Ok(TICKETS
        .replace("{created}", &created)
        .replace("{responded}", &responded)
        .replace("{now}", &now.replace('\'', "''")))
}

/// Each row's values read (NULL where they do not read) and what, if
/// anything, is wrong with it, as one flag per fault (in the order that
/// names a row's verdict: the first fault wins): `no_priority`,
/// `no_created`, `bad_response` (a `responded` that does not read) and
/// `response_first` (a response before the creation); `ok` when none is
/// set. An empty `responded` is NULL (no response yet).
///
/// Flags rather than a verdict text: a `CASE` of several branches copies
/// the batch's columns for the rows each branch still has to look at,
/// booleans do not.
const TICKETS: &str = "
    SELECT *,
        NOT (no_priority OR no_created OR bad_response OR response_first) AS ok
    FROM (
        SELECT *,
            p IS NULL AS no_priority,
            c IS NULL AS no_created,
            has_response AND r IS NULL AS bad_response,
            COALESCE(r < c, false) AS response_first
        FROM (
            SELECT
                id,
                try_sla_priority(priority) AS p,
                {created} AS c,
                responded,
                responded IS NOT NULL AS has_response,
                {responded} AS r,
                sla_instant('{now}') AS now
            FROM tickets
        )
    )";

/// One pass over the export: the rows counted by their faults (one bit
/// each, in one integer: a single key to group by; `CASE` between two
/// constants is a vectorised select, where casting a boolean column to a
/// number reads it value by value), priority,
/// local date of creation and status (the dates are summed into months
/// afterwards: grouping by a date is cheaper than taking a year and a
/// month apart from every row's instant).
///
/// The SLA functions get NULL arguments where they should not answer
/// (`ok_c`: the creation instant of a row without faults; `answered_r`:
/// its response, when that came by `now`), and give NULL for them,
/// instead of sitting inside `CASE WHEN ok THEN … END`: such a `CASE`
/// copies every column it reads for the rows that reach the function
/// (7.6 % of the report's CPU time in a `perf` profile over 2 M CSV rows),
/// while `CASE WHEN … THEN c END` only masks one timestamp column.
const COUNTS: &str = "
SELECT
    CASE WHEN no_priority THEN 8 ELSE 0 END + CASE WHEN no_created THEN 4 ELSE 0 END
        + CASE WHEN bad_response THEN 2 ELSE 0 END + CASE WHEN response_first THEN 1 ELSE 0 END
        AS faults,
    p,
    local_date(c) AS day,
    sla_status(p, ok_c, r, now) AS status,
    count(*) AS tickets,
    sum(business_time(ok_c, answered_r)) AS response_seconds,
    count(answered_r) AS answered
FROM (
    SELECT *,
        CASE WHEN ok THEN c END AS ok_c,
        CASE WHEN ok AND r <= now THEN r END AS answered_r
    FROM ({tickets})
)
GROUP BY 1, 2, 3, 4";

/// Every ticket with its verdict (`ok`, or its first fault: `priority`,
/// `created`, `responded`, `responded before created`) and, where that is
/// `ok`, its due instant, status and business seconds to the response
/// (when answered by now). Instants keep the zone they were read with:
/// the calendar's for text, a Parquet column's own for timestamps.
const PER_TICKET: &str = "
SELECT
    id,
    p AS priority,
    c AS created,
    r AS responded,
    CASE WHEN ok THEN sla_due(p, c) END AS due,
    CASE WHEN ok THEN sla_status(p, c, r, now) END AS status,
    CASE WHEN ok AND r <= now THEN business_time(c, r) END AS response_business_seconds,
    CASE
        WHEN no_priority THEN 'priority'
        WHEN no_created THEN 'created'
        WHEN bad_response THEN 'responded'
        WHEN response_first THEN 'responded before created'
        ELSE 'ok'
    END AS verdict
FROM ({tickets})";

/// The per-ticket result over the table `tickets` on `ctx` (see
/// [`PER_TICKET`]), with statuses at `now` (RFC 3339), as a DataFrame to
/// collect or write.
pub async fn per_ticket(ctx: &SessionContext, now: &str) -> Result<DataFrame> {
    let sql = PER_TICKET.replace("{tickets}", &tickets_sql(ctx, now).await?);
    ctx.sql(&sql).await
}

/// Writes the per-ticket result as Parquet files into the directory
/// `dir`, created if need be.
pub async fn write_per_ticket(ctx: &SessionContext, now: &str, dir: &str) -> Result<()> {
    per_ticket(ctx, now)
        .await?
        .write_parquet(dir, DataFrameWriteOptions::new(), None)
        .await?;
    Ok(())
}

/// Runs the report over the table `tickets` on `ctx` (which has the SLA
/// functions registered), with statuses at `now` (RFC 3339).
pub async fn run(ctx: &SessionContext, now: &str) -> Result<Report> {
    let sql = COUNTS.replace("{tickets}", &tickets_sql(ctx, now).await?);
    let mut rejected = Rejected::default();
    let mut rows = 0;
    // (year, month, priority rank) -> line, business seconds, answered.
    let mut lines: BTreeMap<(i64, i64, usize), (Line, f64, i64)> = BTreeMap::new();
    for batch in ctx.sql(&sql).await?.collect().await? {
        let faults = batch.column(0).as_primitive::<Int64Type>();
        let priorities = texts(&batch, 1)?;
        let days = batch.column(2).as_primitive::<Date32Type>();
        let statuses = texts(&batch, 3)?;
        let int = |i: usize| batch.column(i).as_primitive::<Int64Type>().clone();
        let (tickets, answered) = (int(4), int(6));
        let seconds = batch.column(5).as_primitive::<Float64Type>();
        for row in 0..batch.num_rows() {
            let n = tickets.value(row);
            rows += n;
            // The first fault (the highest bit) names the row's verdict.
            let faults = faults.value(row);
            let counts = [
                (8, &mut rejected.priority),
                (4, &mut rejected.created),
                (2, &mut rejected.responded),
                (1, &mut rejected.responded_before_created),
            ];
            if let Some((_, count)) = counts.into_iter().find(|(bit, _)| faults & bit != 0) {
                *count += n;
                continue;
            }
            let priority = priorities[row].clone().unwrap_or_default();
            let rank = PRIORITIES.iter().position(|p| *p == priority).unwrap_or(4);
            let (year, month) = year_and_month(days.value(row));
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

/// The year and month of an Arrow date (days since 1970-01-01).
fn year_and_month(days: i32) -> (i64, i64) {
    use datafusion::arrow::temporal_conversions::date32_to_datetime;
    use sla_clock::chrono::Datelike;
    // A date that `local_date` gave lies in the supported range.
    date32_to_datetime(days).map_or((0, 0), |d| (i64::from(d.year()), i64::from(d.month())))
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

/// Prints the report as a table to standard output.
pub fn print(report: &Report, now: &str) -> std::io::Result<()> {
    use std::io::Write;

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "SLA compliance, first response, statuses at {now}")?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<8} {:<8} {:>9} {:>9} {:>9} {:>8} {:>8} {:>10} {:>14}",
        "month",
        "priority",
        "tickets",
        "met",
        "breached",
        "at risk",
        "pending",
        "compliance",
        "mean response"
    )?;
    for line in &report.lines {
        let decided = line.met + line.breached;
        let compliance = if decided > 0 {
            format!("{:.1} %", 100.0 * line.met as f64 / decided as f64)
        } else {
            "-".to_string()
        };
        let mean = line
            .mean_response_hours
            .map_or("-".to_string(), |h| format!("{h:.2} h"));
        writeln!(
            out,
            "{:<8} {:<8} {:>9} {:>9} {:>9} {:>8} {:>8} {:>10} {:>14}",
            line.month,
            line.priority,
            line.tickets,
            line.met,
            line.breached,
            line.at_risk,
            line.pending,
            compliance,
            mean
        )?;
    }
    let r = &report.rejected;
    writeln!(out)?;
    writeln!(
        out,
        "{} rows read, {} left out: {} unknown priority, {} created unreadable or outside 1995-2099, \
         {} response unreadable, {} response before creation",
        report.rows,
        r.total(),
        r.priority,
        r.created,
        r.responded,
        r.responded_before_created
    )?;
    out.flush()
}
