//! Every SQL function against the crate's own scalar API, row by row, on
//! random rows with nulls, DST boundaries, 18:00 sharp and the range ends;
//! then the errors, which must name the value and never panic.

use std::sync::Arc;

use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, BooleanArray, Date32Array, DictionaryArray, DurationMillisecondArray,
    Float64Array, Int64Array, LargeStringArray, RecordBatch, StringArray, StringViewArray,
    TimestampMillisecondArray, TimestampNanosecondArray, TimestampSecondArray,
};
use datafusion::arrow::datatypes::{
    DataType, Date32Type, DurationNanosecondType, Float64Type, Int32Type, TimeUnit,
    TimestampNanosecondType,
};
use datafusion::error::DataFusionError;
use datafusion::prelude::SessionContext;
use sla_clock::chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sla_clock::{BusinessDuration, Calendar, ErrorKind, Policy, Priority, RiskThreshold, SlaClock};
use sla_clock_datafusion::{RowError, SlaFunctions};

/// SplitMix64, so every run checks the same rows.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const ROWS: usize = 4000;

fn utc(text: &str) -> DateTime<Utc> {
    Calendar::munich().parse_datetime(text).unwrap().to_utc()
}

/// Instants that matter: the range ends, 10:00 and 18:00 sharp (and a
/// nanosecond either side), DST changes, holidays, New Year.
fn special_instants() -> Vec<DateTime<Utc>> {
    let mut out: Vec<DateTime<Utc>> = [
        "1995-01-01T00:00",
        "1995-01-02T10:00",
        "2026-12-21T18:00",
        "2026-12-21T17:59:59",
        "2026-12-21T10:00",
        "2026-12-18T16:00",
        "2026-12-23T15:00",
        "2026-12-24T18:00",
        "2026-03-27T17:00",
        "2026-03-29T01:59:59",
        "2026-03-29T03:00",
        "2026-10-25T01:59:59",
        "2026-10-25T02:30:00+01:00",
        "2026-10-25T02:30:00+02:00",
        "2026-04-02T17:00",
        "2017-10-31T12:00",
        "2026-12-31T23:59:59",
        "2027-01-01T00:00",
        "2099-06-01T12:00",
    ]
    .iter()
    .map(|t| utc(t))
    .collect();
    let eighteen = utc("2026-12-21T18:00");
    out.push(eighteen - sla_clock::chrono::TimeDelta::nanoseconds(1));
    out.push(eighteen + sla_clock::chrono::TimeDelta::nanoseconds(1));
    out
}

/// `n` instants in 1995-2099 (before 2099-06 so that every deadline stays
/// in the range), a fifth of them at whole minutes or hours, with the
/// special instants first.
fn instants(rng: &mut Rng, n: usize) -> Vec<DateTime<Utc>> {
    let from = utc("1995-01-01T00:00").timestamp_nanos_opt().unwrap();
    let to = utc("2099-06-01T00:00").timestamp_nanos_opt().unwrap();
    let mut out = special_instants();
    while out.len() < n {
        let mut t = from + (rng.next() % (to - from) as u64) as i64;
        match rng.below(5) {
            0 => t -= t.rem_euclid(3_600_000_000_000),
            1 => t -= t.rem_euclid(60_000_000_000),
            _ => {}
        }
        out.push(DateTime::from_timestamp_nanos(t));
    }
    out
}

fn nanos(t: DateTime<Utc>) -> i64 {
    t.timestamp_nanos_opt().unwrap()
}

/// A column of instants with nulls where `null` says.
fn timestamps(values: &[DateTime<Utc>], null: &[bool]) -> TimestampNanosecondArray {
    values
        .iter()
        .zip(null)
        .map(|(&t, &n)| (!n).then(|| nanos(t)))
        .collect()
}

fn nulls(rng: &mut Rng, n: usize, percent: u64) -> Vec<bool> {
    (0..n).map(|_| rng.chance(percent)).collect()
}

const SPELLINGS: [&str; 12] = [
    "urgent", "Dringend", "URGENT", "high", "hoch", "High", "normal", "NORMAL", "Normal", "low",
    "Niedrig", "LOW",
];

fn priorities(rng: &mut Rng, n: usize) -> Vec<&'static str> {
    (0..n)
        .map(|_| SPELLINGS[rng.below(SPELLINGS.len() as u64) as usize])
        .collect()
}

fn context(functions: &SlaFunctions, columns: Vec<(&str, ArrayRef)>) -> SessionContext {
    let ctx = SessionContext::new();
    functions.register(&ctx);
    let batch = RecordBatch::try_from_iter(columns).unwrap();
    ctx.register_batch("t", batch).unwrap();
    ctx
}

fn munich() -> SlaFunctions {
    SlaFunctions::new(Calendar::munich(), Policy::default())
}

/// The one column of the query's result, concatenated.
async fn column(ctx: &SessionContext, sql: &str) -> ArrayRef {
    let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
    let arrays: Vec<&dyn Array> = batches.iter().map(|b| b.column(0).as_ref()).collect();
    datafusion::arrow::compute::concat(&arrays).unwrap()
}

async fn error(ctx: &SessionContext, sql: &str) -> DataFusionError {
    match ctx.sql(sql).await {
        Ok(df) => df.collect().await.unwrap_err(),
        Err(e) => e,
    }
}

#[tokio::test]
async fn sla_due_matches_policy_due() {
    let mut rng = Rng(1);
    let created = instants(&mut rng, ROWS);
    let names = priorities(&mut rng, ROWS);
    let (no_priority, no_created) = (nulls(&mut rng, ROWS, 3), nulls(&mut rng, ROWS, 3));
    let priority: StringArray = names
        .iter()
        .zip(&no_priority)
        .map(|(&p, &n)| (!n).then_some(p))
        .collect();
    let ctx = context(
        &munich(),
        vec![
            ("priority", Arc::new(priority) as ArrayRef),
            ("created", Arc::new(timestamps(&created, &no_created))),
        ],
    );
    let due = column(&ctx, "SELECT sla_due(priority, created) FROM t").await;
    assert_eq!(
        due.data_type(),
        &DataType::Timestamp(TimeUnit::Nanosecond, None)
    );
    let due = due.as_primitive::<TimestampNanosecondType>();
    let (cal, policy) = (Calendar::munich(), Policy::default());
    for row in 0..ROWS {
        if no_priority[row] || no_created[row] {
            assert!(due.is_null(row), "row {row}");
            continue;
        }
        let p: Priority = names[row].parse().unwrap();
        let want = policy.due(&cal, p, &created[row]).unwrap();
        assert_eq!(
            due.value(row),
            nanos(want.to_utc()),
            "row {row}: {} {}",
            names[row],
            created[row]
        );
    }
}

#[tokio::test]
async fn timestamps_of_any_unit_and_zone_give_the_same_instants() {
    let mut rng = Rng(2);
    let created: Vec<DateTime<Utc>> = instants(&mut rng, 500)
        .into_iter()
        .map(|t| DateTime::from_timestamp(t.timestamp(), 0).unwrap())
        .collect();
    let secs: TimestampSecondArray = created.iter().map(|t| Some(t.timestamp())).collect();
    let millis: TimestampMillisecondArray =
        created.iter().map(|t| Some(t.timestamp_millis())).collect();
    let ctx = context(
        &munich(),
        vec![
            (
                "plain",
                Arc::new(timestamps(&created, &[false; 500])) as ArrayRef,
            ),
            ("secs", Arc::new(secs.with_timezone("+05:30"))),
            ("millis", Arc::new(millis.with_timezone("Europe/Berlin"))),
        ],
    );
    let plain = column(&ctx, "SELECT sla_due('high', plain) FROM t").await;
    let secs = column(&ctx, "SELECT sla_due('high', secs) FROM t").await;
    let millis = column(&ctx, "SELECT sla_due('high', millis) FROM t").await;
    // The zone of the input is kept; the instants are the same.
    assert_eq!(
        secs.data_type(),
        &DataType::Timestamp(TimeUnit::Nanosecond, Some("+05:30".into()))
    );
    assert_eq!(
        millis.data_type(),
        &DataType::Timestamp(TimeUnit::Nanosecond, Some("Europe/Berlin".into()))
    );
    let values = |a: &ArrayRef| {
        a.as_primitive::<TimestampNanosecondType>()
            .values()
            .to_vec()
    };
    assert_eq!(values(&plain), values(&secs));
    assert_eq!(values(&plain), values(&millis));
}

#[tokio::test]
async fn business_time_and_duration_match_the_crate() {
    let mut rng = Rng(3);
    let a = instants(&mut rng, ROWS);
    let mut b = instants(&mut rng, ROWS);
    // Half the pairs close together: within a few days, across DST too.
    for row in (0..ROWS).step_by(2) {
        let offset = rng.below(5 * 86_400_000_000_000) as i64 - 86_400_000_000_000;
        b[row] = DateTime::from_timestamp_nanos(nanos(a[row]) + offset);
    }
    let (na, nb) = (nulls(&mut rng, ROWS, 3), nulls(&mut rng, ROWS, 3));
    let ctx = context(
        &munich(),
        vec![
            ("a", Arc::new(timestamps(&a, &na)) as ArrayRef),
            ("b", Arc::new(timestamps(&b, &nb))),
        ],
    );
    let seconds = column(&ctx, "SELECT business_time(a, b) FROM t").await;
    let seconds = seconds.as_primitive::<Float64Type>();
    let exact = column(&ctx, "SELECT business_duration(a, b) FROM t").await;
    let exact = exact.as_primitive::<DurationNanosecondType>();
    let cal = Calendar::munich();
    for row in 0..ROWS {
        if na[row] || nb[row] {
            assert!(seconds.is_null(row) && exact.is_null(row), "row {row}");
            continue;
        }
        let want = cal.business_time(&a[row], &b[row]).unwrap();
        assert_eq!(i128::from(exact.value(row)), want.as_nanos(), "row {row}");
        let want_secs = want.as_nanos() as f64 / 1e9;
        assert!(
            (seconds.value(row) - want_secs).abs() <= 1e-9 * want_secs.abs().max(1.0),
            "row {row}: {} vs {want_secs}",
            seconds.value(row)
        );
        if want.as_nanos() % 1_000_000_000 == 0 {
            assert_eq!(
                seconds.value(row),
                want.as_secs() as f64,
                "whole seconds are exact"
            );
        }
    }
}

#[tokio::test]
async fn business_add_matches_due_for_seconds_and_durations() {
    let mut rng = Rng(4);
    let from = instants(&mut rng, ROWS);
    let secs: Vec<i64> = (0..ROWS).map(|_| rng.below(80 * 3600) as i64).collect();
    let no_from = nulls(&mut rng, ROWS, 3);
    let no_amount = nulls(&mut rng, ROWS, 3);
    let as_int: Int64Array = secs
        .iter()
        .zip(&no_amount)
        .map(|(&s, &n)| (!n).then_some(s))
        .collect();
    let as_float: Float64Array = secs
        .iter()
        .zip(&no_amount)
        .map(|(&s, &n)| (!n).then_some(s as f64 + 0.25))
        .collect();
    let as_duration: DurationMillisecondArray = secs
        .iter()
        .zip(&no_amount)
        .map(|(&s, &n)| (!n).then_some(s * 1000 + 250))
        .collect();
    let ctx = context(
        &munich(),
        vec![
            ("ts", Arc::new(timestamps(&from, &no_from)) as ArrayRef),
            ("s", Arc::new(as_int)),
            ("f", Arc::new(as_float)),
            ("d", Arc::new(as_duration)),
        ],
    );
    let whole = column(&ctx, "SELECT business_add(ts, s) FROM t").await;
    let float = column(&ctx, "SELECT business_add(ts, f) FROM t").await;
    let duration = column(&ctx, "SELECT business_add(ts, d) FROM t").await;
    let cal = Calendar::munich();
    let ts = |a: &ArrayRef| a.as_primitive::<TimestampNanosecondType>().clone();
    let (whole, float, duration) = (ts(&whole), ts(&float), ts(&duration));
    for row in 0..ROWS {
        if no_from[row] || no_amount[row] {
            assert!(whole.is_null(row) && float.is_null(row) && duration.is_null(row));
            continue;
        }
        let want = cal
            .due(&from[row], BusinessDuration::from_secs(secs[row]))
            .unwrap();
        assert_eq!(whole.value(row), nanos(want.to_utc()), "row {row}");
        let quarter =
            BusinessDuration::from_nanos(i128::from(secs[row]) * 1_000_000_000 + 250_000_000);
        let want = nanos(cal.due(&from[row], quarter).unwrap().to_utc());
        assert_eq!(float.value(row), want, "row {row}");
        assert_eq!(duration.value(row), want, "row {row}");
    }
}

#[tokio::test]
async fn sla_status_matches_the_clock() {
    let mut rng = Rng(5);
    let created = instants(&mut rng, ROWS);
    let names = priorities(&mut rng, ROWS);
    let day = 86_400_000_000_000u64;
    // Responses from right at creation to three weeks later, some exactly
    // at the due instant; `now` around them.
    let cal = Calendar::munich();
    let policy = Policy::default();
    let mut responded = Vec::new();
    let mut now = Vec::new();
    for row in 0..ROWS {
        let p: Priority = names[row].parse().unwrap();
        let due = policy.due(&cal, p, &created[row]).unwrap().to_utc();
        let r = match rng.below(4) {
            0 => due,
            1 => created[row],
            _ => DateTime::from_timestamp_nanos(nanos(created[row]) + rng.below(21 * day) as i64),
        };
        responded.push(r);
        let n = match rng.below(4) {
            0 => due,
            _ => DateTime::from_timestamp_nanos(
                nanos(created[row]) + rng.below(21 * day) as i64 - day as i64,
            ),
        };
        // Not before the range starts.
        now.push(n.max(utc("1995-01-01T00:00")));
    }
    let no_response = nulls(&mut rng, ROWS, 30);
    let no_now = nulls(&mut rng, ROWS, 3);
    let priority: StringViewArray = names.iter().map(|&p| Some(p)).collect();
    let threshold = RiskThreshold::percent(75).unwrap();
    let ctx = context(
        &munich().with_risk_threshold(threshold),
        vec![
            ("priority", Arc::new(priority) as ArrayRef),
            ("created", Arc::new(timestamps(&created, &[false; ROWS]))),
            ("responded", Arc::new(timestamps(&responded, &no_response))),
            ("now", Arc::new(timestamps(&now, &no_now))),
        ],
    );
    let status = column(
        &ctx,
        "SELECT sla_status(priority, created, responded, now) FROM t",
    )
    .await;
    let status = status.as_string_view();
    let mut seen = std::collections::BTreeSet::new();
    let mut later_responses = 0;
    for row in 0..ROWS {
        if no_now[row] {
            assert!(status.is_null(row), "row {row}");
            continue;
        }
        let p: Priority = names[row].parse().unwrap();
        let clock = SlaClock::for_priority(&cal, &policy, p, &created[row])
            .unwrap()
            .with_risk_threshold(threshold);
        let answer = (!no_response[row]).then_some(responded[row]);
        let answered = match answer {
            Some(r) => clock.clone().with_response(&r).unwrap(),
            None => clock.clone(),
        };
        let name = answered.status(&now[row]).unwrap().name();
        assert_eq!(status.value(row), name, "row {row}");
        // A response after now is not known at now: the row answers as if
        // there were none.
        if answer.is_some_and(|r| r > now[row]) {
            let unanswered = clock.status(&now[row]).unwrap().name();
            assert_eq!(status.value(row), unanswered, "row {row}");
            later_responses += 1;
        }
        seen.insert(name);
    }
    assert_eq!(seen.len(), 4, "every status occurs: {seen:?}");
    assert!(later_responses > 0, "some responses lie after now");
}

#[tokio::test]
async fn is_business_day_and_next_open_match_the_calendar() {
    let mut rng = Rng(6);
    let from = instants(&mut rng, ROWS);
    let first = NaiveDate::from_ymd_opt(1995, 1, 1).unwrap();
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    let dates: Vec<NaiveDate> = (0..ROWS)
        .map(|_| first + sla_clock::chrono::Days::new(rng.below(105 * 365)))
        .collect();
    let no_date = nulls(&mut rng, ROWS, 3);
    let date32: Date32Array = dates
        .iter()
        .zip(&no_date)
        .map(|(d, &n)| (!n).then(|| (*d - epoch).num_days() as i32))
        .collect();
    let ctx = context(
        &munich(),
        vec![
            ("d", Arc::new(date32) as ArrayRef),
            ("ts", Arc::new(timestamps(&from, &no_date))),
        ],
    );
    let cal = Calendar::munich();
    let open = column(&ctx, "SELECT is_business_day(d) FROM t").await;
    let open = open.as_boolean();
    let open_at = column(&ctx, "SELECT is_business_day(ts) FROM t").await;
    let open_at = open_at.as_boolean();
    let next = column(&ctx, "SELECT next_open(ts) FROM t").await;
    let next = next.as_primitive::<TimestampNanosecondType>();
    for row in 0..ROWS {
        if no_date[row] {
            assert!(open.is_null(row) && open_at.is_null(row) && next.is_null(row));
            continue;
        }
        assert_eq!(
            open.value(row),
            cal.is_business_day(dates[row]).unwrap(),
            "{}",
            dates[row]
        );
        let local = from[row].with_timezone(&cal.zone()).date_naive();
        assert_eq!(
            open_at.value(row),
            cal.is_business_day(local).unwrap(),
            "{}",
            from[row]
        );
        let want = cal.next_open(&from[row]).unwrap();
        assert_eq!(next.value(row), nanos(want.to_utc()), "{}", from[row]);
    }
}

#[tokio::test]
async fn local_date_is_the_calendars() {
    let mut rng = Rng(8);
    let mut from = instants(&mut rng, ROWS);
    from.extend(special_instants());
    let no_date = nulls(&mut rng, from.len(), 3);
    let ctx = context(
        &munich(),
        vec![("ts", Arc::new(timestamps(&from, &no_date)) as ArrayRef)],
    );
    let dates = column(&ctx, "SELECT local_date(ts) FROM t").await;
    assert_eq!(dates.data_type(), &DataType::Date32);
    let dates = dates.as_primitive::<Date32Type>();
    let cal = Calendar::munich();
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
    for row in 0..from.len() {
        if no_date[row] {
            assert!(dates.is_null(row));
            continue;
        }
        let want = cal.local_date(&from[row]).unwrap();
        assert_eq!(
            i64::from(dates.value(row)),
            (want - epoch).num_days(),
            "{}",
            from[row]
        );
    }
}

#[tokio::test]
async fn text_is_read_as_the_crate_reads_it() {
    let texts = [
        Some("2026-12-18T16:00:00+01:00"),
        Some("2026-12-18T15:00:00Z"),
        Some("2026-12-18T16:00"),
        Some("2026-03-29T02:30"),
        Some("2026-10-25T02:30"),
        Some("yesterday"),
        Some("2100-01-01T12:00"),
        None,
    ];
    let ctx = context(
        &munich(),
        vec![(
            "x",
            Arc::new(texts.iter().collect::<LargeStringArray>()) as ArrayRef,
        )],
    );
    let read = column(&ctx, "SELECT try_sla_instant(x) FROM t").await;
    assert_eq!(
        read.data_type(),
        &DataType::Timestamp(TimeUnit::Nanosecond, Some("Europe/Berlin".into()))
    );
    let read = read.as_primitive::<TimestampNanosecondType>();
    let cal = Calendar::munich();
    for (row, text) in texts.iter().enumerate() {
        let want = text
            .and_then(|t| cal.parse_datetime(t).ok())
            .filter(|t| cal.is_open(t).is_ok())
            .map(|t| nanos(t.to_utc()));
        assert_eq!(
            read.is_valid(row).then(|| read.value(row)),
            want,
            "{text:?}"
        );
    }
    assert_eq!(read.null_count(), 5);
    let err = error(&ctx, "SELECT sla_instant(x) FROM t").await;
    let row = RowError::find(&err).unwrap();
    assert_eq!(row.call(), "sla_instant('2026-03-29T02:30')");
    assert!(
        err.to_string().contains("does not exist in Europe/Berlin"),
        "{err}"
    );

    let priority = column(
        &ctx,
        "SELECT try_sla_priority(p) FROM (VALUES ('Dringend'), ('HIGH'), ('asap'), (NULL)) AS v(p)",
    )
    .await;
    let priority = priority.as_string_view();
    let got: Vec<Option<&str>> = (0..4)
        .map(|i| priority.is_valid(i).then(|| priority.value(i)))
        .collect();
    assert_eq!(got, [Some("urgent"), Some("high"), None, None]);
}

#[tokio::test]
async fn priorities_in_a_dictionary_are_read() {
    let keys = [0, 1, 2, 0, 1].map(Some);
    let dict = DictionaryArray::<Int32Type>::try_new(
        keys.into_iter().collect(),
        Arc::new(StringArray::from(vec!["Dringend", "low", "Normal"])),
    )
    .unwrap();
    let created = timestamps(&[utc("2026-12-18T16:00"); 5], &[false; 5]);
    let ctx = context(
        &munich(),
        vec![("p", Arc::new(dict) as ArrayRef), ("c", Arc::new(created))],
    );
    let due = column(&ctx, "SELECT sla_due(p, c) FROM t").await;
    let due = due.as_primitive::<TimestampNanosecondType>();
    assert_eq!(due.value(0), nanos(utc("2026-12-21T12:00")));
    assert_eq!(due.value(1), nanos(utc("2026-12-28T16:00")));
    assert_eq!(due.value(3), due.value(0));
}

#[tokio::test]
async fn constant_calls_answer_as_scalars() {
    let ctx = SessionContext::new();
    munich().register(&ctx);
    let batches = ctx
        .sql(
            "SELECT sla_due('urgent', TIMESTAMP '2026-12-18 15:00:00') AS due,
                    business_time(TIMESTAMP '2026-12-23 14:00:00', TIMESTAMP '2026-12-28 14:00:00') AS secs,
                    is_business_day(DATE '2026-12-24') AS eve,
                    sla_status('urgent', TIMESTAMP '2026-12-18 15:00:00', NULL, TIMESTAMP '2026-12-21 12:00:00') AS late",
        )
        .await
        .unwrap()
        .collect()
        .await
        .unwrap();
    let b = &batches[0];
    let due = b
        .column(0)
        .as_primitive::<TimestampNanosecondType>()
        .value(0);
    assert_eq!(due, nanos(utc("2026-12-21T12:00")));
    assert_eq!(
        b.column(1).as_primitive::<Float64Type>().value(0),
        16.0 * 3600.0
    );
    assert!(
        b.column(2)
            .as_any()
            .downcast_ref::<BooleanArray>()
            .unwrap()
            .value(0)
    );
    assert_eq!(b.column(3).as_string_view().value(0), "breached");
}

#[tokio::test]
async fn a_bad_row_fails_the_query_and_names_its_inputs() {
    let ctx = SessionContext::new();
    munich().register(&ctx);
    let cases = [
        (
            "SELECT sla_due(p, TIMESTAMP '2026-12-18 15:00:00') FROM (VALUES ('high'), ('asap')) AS v(p)",
            "sla_due('asap', 2026-12-18T15:00:00Z): unknown priority 'asap'; expected one of urgent, \
             high, normal, low (or in German: dringend, hoch, normal, niedrig)",
            ErrorKind::Priority,
        ),
        (
            "SELECT sla_due('low', c) FROM (VALUES (TIMESTAMP '2026-12-18 15:00:00'), (TIMESTAMP '1990-05-01 12:00:00')) AS v(c)",
            "sla_due('low', 1990-05-01T12:00:00Z): instant 1990-05-01T12:00:00Z (1990-05-01T14:00:00+02:00 \
             in Europe/Berlin) is outside the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)",
            ErrorKind::OutOfRange,
        ),
        (
            "SELECT sla_due('low', TIMESTAMP '2099-12-30 12:00:00')",
            "sla_due('low', 2099-12-30T12:00:00Z): the deadline falls after the supported range \
             1995-01-01 to 2099-12-31 (Europe/Berlin local time)",
            ErrorKind::OutOfRange,
        ),
        (
            "SELECT sla_status('high', TIMESTAMP '2026-12-18 15:00:00', TIMESTAMP '2026-12-18 14:00:00', TIMESTAMP '2026-12-19 00:00:00')",
            "sla_status('high', 2026-12-18T15:00:00Z, 2026-12-18T14:00:00Z, 2026-12-19T00:00:00Z): \
             invalid response instant 2026-12-18T15:00:00+01:00: it is before the ticket was created \
             at 2026-12-18T16:00:00+01:00",
            ErrorKind::Response,
        ),
        (
            "SELECT business_add(TIMESTAMP '2026-12-18 15:00:00', -3600)",
            "business_add(2026-12-18T15:00:00Z, -3600): invalid response target -1h; a target cannot be negative",
            ErrorKind::Policy,
        ),
        (
            "SELECT business_add(TIMESTAMP '2026-12-18 15:00:00', x) FROM (VALUES (1.5), ('NaN'::double)) AS v(x)",
            "business_add(2026-12-18T15:00:00Z, NaN): NaN seconds is not an amount of business time; \
             expected a finite number",
            ErrorKind::Duration,
        ),
        (
            "SELECT is_business_day(DATE '2100-01-01')",
            "is_business_day(2100-01-01): date 2100-01-01 is outside the supported range 1995-01-01 to 2099-12-31",
            ErrorKind::OutOfRange,
        ),
        (
            "SELECT local_date(TIMESTAMP '2099-12-31 23:30:00')",
            "local_date(2099-12-31T23:30:00Z): instant 2099-12-31T23:30:00Z (2100-01-01T00:30:00+01:00 \
             in Europe/Berlin) is outside the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)",
            ErrorKind::OutOfRange,
        ),
        (
            // Past what nanoseconds since 1970 hold (2262): the crate's
            // own message for the instant, as for one inside them.
            "SELECT business_time(TIMESTAMP '2026-12-18 15:00:00', to_timestamp_seconds(32503680000))",
            "business_time(2026-12-18T15:00:00Z, 3000-01-01T00:00:00Z): instant 3000-01-01T00:00:00Z \
             (3000-01-01T01:00:00+01:00 in Europe/Berlin) is outside the supported range 1995-01-01 to \
             2099-12-31 (Europe/Berlin local time)",
            ErrorKind::OutOfRange,
        ),
        (
            "SELECT sla_priority('p1')",
            "sla_priority('p1'): unknown priority 'p1'; expected one of urgent, high, normal, low \
             (or in German: dringend, hoch, normal, niedrig)",
            ErrorKind::Priority,
        ),
    ];
    for (sql, message, kind) in cases {
        let err = error(&ctx, sql).await;
        let row =
            RowError::find(&err).unwrap_or_else(|| panic!("no row error in {err:?} for {sql}"));
        assert_eq!(row.to_string(), message, "{sql}");
        assert_eq!(row.kind(), kind, "{sql}");
    }
}

#[tokio::test]
async fn wrong_types_and_counts_are_planning_errors() {
    let ctx = SessionContext::new();
    munich().register(&ctx);
    let err = error(&ctx, "SELECT sla_due(1, TIMESTAMP '2026-12-18 15:00:00')").await;
    assert!(
        err.to_string()
            .contains("sla_due: argument priority must be text, found Int64"),
        "{err}"
    );
    let err = error(&ctx, "SELECT sla_due('high', '2026-12-18T15:00:00Z')").await;
    assert!(
        err.to_string()
            .contains("sla_due: argument created must be a timestamp"),
        "{err}"
    );
    let err = error(&ctx, "SELECT next_open()").await;
    assert!(
        err.to_string()
            .contains("next_open takes 1 argument (ts), found 0"),
        "{err}"
    );
}

#[tokio::test]
async fn another_calendar_and_policy_are_used() {
    // New York, 9 to 5, no holidays; Urgent in 30 business minutes.
    let cal = Calendar::builder(sla_clock::Tz::America__New_York)
        .weekdays("09:00-17:00")
        .build()
        .unwrap();
    let policy = Policy {
        urgent: sla_clock::ResponseTarget::BusinessMinutes(30),
        ..Policy::default()
    };
    let ctx = SessionContext::new();
    SlaFunctions::new(cal.clone(), policy).register(&ctx);
    let due = column(
        &ctx,
        "SELECT sla_due('urgent', TIMESTAMP '2026-07-03 20:45:00')",
    )
    .await;
    // Friday 16:45 in New York: 15 minutes on Friday, 15 on Monday.
    let want = cal.parse_datetime("2026-07-06T09:15").unwrap();
    assert_eq!(
        due.as_primitive::<TimestampNanosecondType>().value(0),
        nanos(want.to_utc())
    );
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<SlaFunctions>();
    check::<RowError>();
    let _ = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0);
}
