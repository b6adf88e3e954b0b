//! A synthetic ticket export: seeded, any size, shaped like a real one.
//!
//! - Arrivals follow the working week: 85 % of tickets on Monday to
//!   Friday, and on those days 75 % between 08:00 and 19:00 local time
//!   (people write before the desk opens and after it closes); the rest at
//!   any hour, weekends and holidays included.
//! - Priorities in the policy's mix (10 % Urgent, 30 % High, 40 % Normal,
//!   20 % Low), spelled as people spell them: mostly `high`, some `Hoch`,
//!   `URGENT`, `Dringend`.
//! - Instants mostly RFC 3339 with the Munich offset, some in UTC (`Z`),
//!   a few local date-times without an offset (read in the calendar's zone;
//!   one that falls in the spring DST gap is refused, as it should be).
//! - About 90 % answered, most within their target, some late; the rest
//!   still open.
//! - About 3 % malformed: an unknown priority, a created instant that is
//!   no date or lies outside 1995–2099, a response that is no date or
//!   comes before the ticket. Every line keeps its four fields: the values
//!   are bad, not the CSV.

use std::io::{self, Write};

use sla_clock::chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use sla_clock::{BusinessDuration, Calendar, Policy, Priority};

/// SplitMix64: small, fast, and the same stream on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// What to generate.
pub struct Export {
    pub rows: u64,
    pub seed: u64,
    /// Tickets are created in this calendar year.
    pub year: i32,
}

/// Writes the export as CSV (`id,priority,created,responded`) to `out`.
pub fn write_csv(export: &Export, out: &mut impl Write) -> io::Result<()> {
    let cal = Calendar::munich();
    let policy = Policy::default();
    let zone = cal.zone();
    let mut rng = Rng::new(export.seed);
    let first = NaiveDate::from_ymd_opt(export.year, 1, 1).expect("a year in chrono's range");
    let days = if NaiveDate::from_ymd_opt(export.year, 2, 29).is_some() {
        366
    } else {
        365
    };
    writeln!(out, "id,priority,created,responded")?;
    for id in 1..=export.rows {
        // The day: weekdays five times as likely as weekend days, per day.
        let date = loop {
            let d = first + Duration::days(rng.below(days) as i64);
            let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            if !weekend || rng.chance(0.35) {
                break d;
            }
        };
        let second_of_day = if rng.chance(0.75) {
            8 * 3600 + rng.below(11 * 3600)
        } else {
            rng.below(24 * 3600)
        };
        let local = date.and_hms_opt(0, 0, 0).expect("midnight exists")
            + Duration::seconds(second_of_day as i64);
        // A local time the DST change skips has no instant: take the one
        // an hour later, as a clock on the wall would read it.
        let created = zone
            .from_local_datetime(&local)
            .earliest()
            .or_else(|| {
                zone.from_local_datetime(&(local + Duration::hours(1)))
                    .earliest()
            })
            .expect("an hour after a gap exists")
            .with_timezone(&Utc);
        let priority = match rng.below(10) {
            0 => Priority::Urgent,
            1..=3 => Priority::High,
            4..=7 => Priority::Normal,
            _ => Priority::Low,
        };
        let target = policy.target(priority).duration(&cal);
        // Most answered within the target, a fifth late by up to as much
        // again; about one in ten not answered yet.
        let responded = if rng.chance(0.9) {
            let share = if rng.chance(0.8) {
                rng.unit()
            } else {
                1.0 + rng.unit()
            };
            let business = BusinessDuration::from_nanos((target.as_nanos() as f64 * share) as i128);
            cal.due(&created, business)
                .ok()
                .map(|t| t.with_timezone(&Utc))
        } else {
            None
        };
        write!(out, "{id},")?;
        write_priority(out, &mut rng, priority)?;
        out.write_all(b",")?;
        // About 3 % malformed, each kind about equally often.
        let malformed = if rng.chance(0.03) {
            rng.below(6) + 1
        } else {
            0
        };
        match malformed {
            1 => {
                // A response that is no instant.
                write_instant(out, &mut rng, &cal, created)?;
                out.write_all(b",")?;
                out.write_all(b"n/a")?;
            }
            2 => {
                out.write_all(b"yesterday,")?;
                write_optional(out, &mut rng, &cal, responded)?;
            }
            3 => {
                out.write_all(b"1970-01-01T00:00:00Z,")?;
                write_optional(out, &mut rng, &cal, responded)?;
            }
            4 => {
                // Answered before it was created: clocks out of step.
                write_instant(out, &mut rng, &cal, created)?;
                out.write_all(b",")?;
                write_instant(out, &mut rng, &cal, created - Duration::hours(2))?;
            }
            5 => {
                out.write_all(b"2025-02-30T10:00:00+01:00,")?;
                write_optional(out, &mut rng, &cal, responded)?;
            }
            _ => {
                write_instant(out, &mut rng, &cal, created)?;
                out.write_all(b",")?;
                write_optional(out, &mut rng, &cal, responded)?;
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn write_priority(out: &mut impl Write, rng: &mut Rng, priority: Priority) -> io::Result<()> {
    // Another 0.5 % of rows: a priority the policy does not know.
    const UNKNOWN: [&str; 4] = ["asap", "P1", "critical", ""];
    if rng.chance(0.005) {
        return out.write_all(UNKNOWN[rng.below(4) as usize].as_bytes());
    }
    let (en, de) = match priority {
        Priority::Urgent => (["urgent", "Urgent", "URGENT"], "Dringend"),
        Priority::High => (["high", "High", "HIGH"], "Hoch"),
        Priority::Normal => (["normal", "Normal", "NORMAL"], "Normal"),
        Priority::Low => (["low", "Low", "LOW"], "Niedrig"),
    };
    let text = match rng.below(20) {
        0..=13 => en[0],
        14 | 15 => en[1],
        16 => en[2],
        _ => de,
    };
    out.write_all(text.as_bytes())
}

/// An instant as an export writes it: mostly with the Munich offset, some
/// in UTC, a few as local time without an offset.
fn write_instant(
    out: &mut impl Write,
    rng: &mut Rng,
    cal: &Calendar,
    t: DateTime<Utc>,
) -> io::Result<()> {
    let local = t.with_timezone(&cal.zone());
    match rng.below(100) {
        0..=79 => write!(out, "{}", local.format("%Y-%m-%dT%H:%M:%S%:z")),
        80..=96 => write!(out, "{}", t.format("%Y-%m-%dT%H:%M:%SZ")),
        _ => write!(out, "{}", local.format("%Y-%m-%dT%H:%M:%S")),
    }
}

fn write_optional(
    out: &mut impl Write,
    rng: &mut Rng,
    cal: &Calendar,
    t: Option<DateTime<Utc>>,
) -> io::Result<()> {
    match t {
        Some(t) => write_instant(out, rng, cal, t),
        None => Ok(()),
    }
}

/// Writes the export into the directory `dir` (created if need be) as
/// `files` files of about equal size: CSV files each with the header, or
/// Parquet files whose instants are timestamps in the calendar's zone
/// (an unreadable one is NULL, as in a typed warehouse table).
pub async fn write_files(
    export: &Export,
    dir: &str,
    files: usize,
    parquet: bool,
) -> datafusion::error::Result<()> {
    std::fs::create_dir_all(dir)?;
    let csv_dir = if parquet {
        format!("{dir}/.csv-{}", std::process::id())
    } else {
        dir.to_string()
    };
    std::fs::create_dir_all(&csv_dir)?;
    let per_file = export.rows.div_ceil(files as u64).max(1);
    let mut split = Split::new(&csv_dir, per_file)?;
    write_csv(export, &mut split)?;
    let written = split.finish()?;
    if !parquet {
        return Ok(());
    }
    let ctx = datafusion::prelude::SessionContext::new();
    sla_clock_datafusion::SlaFunctions::new(Calendar::munich(), Policy::default()).register(&ctx);
    let schema = crate::report::schema();
    for (i, path) in written.iter().enumerate() {
        let options = datafusion::prelude::CsvReadOptions::new()
            .has_header(true)
            .schema(&schema);
        ctx.register_csv("part", path.as_str(), options).await?;
        ctx.sql(
            "SELECT id, priority, try_sla_instant(created) AS created, \
             try_sla_instant(responded) AS responded FROM part",
        )
        .await?
        .write_parquet(
            &format!("{dir}/part-{i:04}.parquet"),
            datafusion::dataframe::DataFrameWriteOptions::new().with_single_file_output(true),
            None,
        )
        .await?;
        ctx.deregister_table("part")?;
    }
    std::fs::remove_dir_all(&csv_dir)?;
    Ok(())
}

/// A writer that splits CSV lines over numbered files of `per_file` rows,
/// each starting with the first line written (the header).
struct Split {
    dir: String,
    per_file: u64,
    header: Vec<u8>,
    in_header: bool,
    rows: u64,
    file: Option<io::BufWriter<std::fs::File>>,
    written: Vec<String>,
}

impl Split {
    fn new(dir: &str, per_file: u64) -> io::Result<Split> {
        Ok(Split {
            dir: dir.to_string(),
            per_file,
            header: Vec::new(),
            in_header: true,
            rows: 0,
            file: None,
            written: Vec::new(),
        })
    }

    fn finish(mut self) -> io::Result<Vec<String>> {
        if let Some(mut f) = self.file.take() {
            f.flush()?;
        }
        Ok(self.written)
    }

    /// The file the next row goes to, a new one when the last is full.
    fn current(&mut self) -> io::Result<&mut io::BufWriter<std::fs::File>> {
        if self.file.is_none() || self.rows == self.per_file {
            if let Some(mut f) = self.file.take() {
                f.flush()?;
            }
            let path = format!("{}/part-{:04}.csv", self.dir, self.written.len());
            let mut f = io::BufWriter::with_capacity(1 << 16, std::fs::File::create(&path)?);
            f.write_all(&self.header)?;
            self.written.push(path);
            self.file = Some(f);
            self.rows = 0;
        }
        Ok(self.file.as_mut().expect("a file is open"))
    }
}

impl Write for Split {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let line_end = buf.iter().position(|&b| b == b'\n');
        let take = line_end.map_or(buf.len(), |i| i + 1);
        if self.in_header {
            self.header.extend_from_slice(&buf[..take]);
            self.in_header = line_end.is_none();
            return Ok(take);
        }
        self.current()?.write_all(&buf[..take])?;
        if line_end.is_some() {
            self.rows += 1;
        }
        Ok(take)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}
