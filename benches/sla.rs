//! Criterion benchmarks for the business-time arithmetic.
//!
//! Run with `cargo bench`; compare ratios within one run (the machine is
//! shared and noisy). `baseline/day_loop_mix` is the simple day-by-day
//! reference implementation from the tests on the same cases as `due/mix`,
//! so the speed-up is visible in one run.

use std::hint::black_box;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use sla_clock::{BusinessDuration, Calendar, Pause, Policy, Priority, SlaClock};

#[path = "../tests/reference/mod.rs"]
mod reference;

/// A small deterministic generator, so every run measures the same cases.
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

/// Creation instants spread uniformly over 2020-2035, at any second of any
/// day (so about three quarters fall outside opening hours, as tickets
/// created by e-mail do).
fn creation_times(n: usize) -> Vec<DateTime<Utc>> {
    creation_times_in(n, 2020, 2035)
}

fn creation_times_in(n: usize, first_year: i32, last_year: i32) -> Vec<DateTime<Utc>> {
    let from = Utc
        .with_ymd_and_hms(first_year, 1, 2, 0, 0, 0)
        .unwrap()
        .timestamp();
    let to = Utc
        .with_ymd_and_hms(last_year + 1, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let mut rng = Lcg(42);
    (0..n)
        .map(|_| {
            let t = from + (rng.next() % (to - from) as u64) as i64;
            Utc.timestamp_opt(t, 0).unwrap()
        })
        .collect()
}

/// A fixed mix of 10/30/40/20 % Urgent/High/Normal/Low, so that every
/// target length of the default policy is in the measurement.
fn mix(n: usize) -> Vec<(DateTime<Utc>, BusinessDuration)> {
    let cal = Calendar::munich();
    let policy = Policy::default();
    let mut rng = Lcg(7);
    creation_times(n)
        .into_iter()
        .map(|t| {
            let priority = match rng.next() % 10 {
                0 => Priority::Urgent,
                1..=3 => Priority::High,
                4..=7 => Priority::Normal,
                _ => Priority::Low,
            };
            (t, policy.target(priority).duration(&cal))
        })
        .collect()
}

/// Measures `f` over `cases`, one case per iteration, round robin.
fn over<T>(c: &mut Criterion, group: &str, name: &str, cases: &[T], f: impl Fn(&T)) {
    let mut g = c.benchmark_group(group);
    g.bench_function(name, |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % cases.len();
            f(black_box(&cases[i]));
        })
    });
    g.finish();
}

fn due(c: &mut Criterion) {
    let cal = Calendar::munich();
    let n = 4096;
    // The everyday load: a realistic mix of priorities and creation times.
    over(c, "due", "mix", &mix(n), |(t, d)| {
        black_box(cal.due(t, *d).unwrap());
    });
    // The shortest and the longest default targets on their own.
    let urgent: Vec<_> = creation_times(n)
        .into_iter()
        .map(|t| (t, BusinessDuration::from_hours(4)))
        .collect();
    over(c, "due", "urgent", &urgent, |(t, d)| {
        black_box(cal.due(t, *d).unwrap());
    });
    let low: Vec<_> = creation_times(n)
        .into_iter()
        .map(|t| (t, BusinessDuration::from_hours(40)))
        .collect();
    over(c, "due", "low", &low, |(t, d)| {
        black_box(cal.due(t, *d).unwrap());
    });
    // Spans of about 4 and 40 years from creation times in 1995-2010 (so
    // the deadline stays inside the range): the cost must not grow with the
    // span.
    let early = creation_times_in(n, 1995, 2010);
    let span = |days: i64| -> Vec<_> {
        early
            .iter()
            .map(|&t| (t, BusinessDuration::from_hours(8 * days)))
            .collect()
    };
    over(c, "due", "span_1000_days", &span(1000), |(t, d)| {
        black_box(cal.due(t, *d).unwrap());
    });
    over(c, "due", "span_10000_days", &span(10_000), |(t, d)| {
        black_box(cal.due(t, *d).unwrap());
    });
}

fn before(c: &mut Criterion) {
    let cal = Calendar::munich();
    // Counting back the policy's targets from the `due/mix` instants (a
    // reminder before each deadline): should cost what `due/mix` does.
    over(c, "before", "mix", &mix(4096), |(t, d)| {
        black_box(cal.before(t, *d).unwrap());
    });
    // About 40 years back from instants in 2060-2075: the cost must not
    // grow with the span.
    let late: Vec<_> = creation_times_in(4096, 2060, 2075)
        .into_iter()
        .map(|t| (t, BusinessDuration::from_hours(8 * 10_000)))
        .collect();
    over(c, "before", "span_10000_days", &late, |(t, d)| {
        black_box(cal.before(t, *d).unwrap());
    });
}

fn business_days(c: &mut Criterion) {
    let cal = Calendar::munich();
    // Due dates in business days: the policy's mix as days (Urgent and
    // High 1, Normal 2, Low 5), every other one counted backwards, from
    // dates spread over 2020-2035.
    let mut rng = Lcg(11);
    let cases: Vec<(chrono::NaiveDate, i32)> = creation_times(4096)
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let days = match rng.next() % 10 {
                0..=3 => 1,
                4..=7 => 2,
                _ => 5,
            };
            let sign = if i % 2 == 0 { 1 } else { -1 };
            (t.date_naive(), sign * days)
        })
        .collect();
    over(c, "business_days", "add_mix", &cases, |(date, n)| {
        black_box(cal.add_business_days(*date, *n).unwrap());
    });
    // 10,000 business days (about 40 years) from dates in 1995-2010: as
    // cheap as one.
    let far: Vec<_> = creation_times_in(4096, 1995, 2010)
        .into_iter()
        .map(|t| (t.date_naive(), 10_000))
        .collect();
    over(c, "business_days", "add_10000", &far, |(date, n)| {
        black_box(cal.add_business_days(*date, *n).unwrap());
    });
    // Business days in the year from each date, as a report asks.
    let years: Vec<_> = creation_times(4096)
        .into_iter()
        .map(|t| {
            let first = t.date_naive();
            (first, first + chrono::Days::new(365))
        })
        .collect();
    over(c, "business_days", "count_one_year", &years, |(a, b)| {
        black_box(cal.business_days_in(*a..=*b).unwrap());
    });
}

fn custom(c: &mut Criterion) {
    // A custom calendar with a lunch break, a Saturday shift and closures:
    // the same tables, so the same cost as the default calendar.
    let mut builder = Calendar::builder("America/New_York".parse().unwrap())
        .weekdays("08:00-12:00")
        .weekdays("13:00-17:00")
        .open(chrono::Weekday::Sat, "09:00-13:00")
        .holidays(sla_clock::munich_holiday_rules());
    for year in 2020..=2035 {
        builder = builder.closure(chrono::NaiveDate::from_ymd_opt(year, 12, 24).unwrap());
    }
    let cal = builder.build().unwrap();
    over(c, "due", "custom_split_shift", &mix(4096), |(t, d)| {
        black_box(cal.due(t, *d).unwrap());
    });
}

fn between(c: &mut Criterion) {
    let cal = Calendar::munich();
    let pairs = |span: chrono::TimeDelta| -> Vec<_> {
        creation_times(4096)
            .into_iter()
            .map(|t| {
                (
                    t - chrono::TimeDelta::days(3650),
                    t - chrono::TimeDelta::days(3650) + span,
                )
            })
            .collect()
    };
    // Elapsed business time over a week, as a ticket dashboard asks.
    over(
        c,
        "between",
        "one_week",
        &pairs(chrono::TimeDelta::days(7)),
        |(a, b)| {
            black_box(cal.business_time(a, b).unwrap());
        },
    );
    // Over ten years, as SLA history reports ask.
    over(
        c,
        "between",
        "ten_years",
        &pairs(chrono::TimeDelta::days(3652)),
        |(a, b)| {
            black_box(cal.business_time(a, b).unwrap());
        },
    );
}

fn status(c: &mut Criterion) {
    let cal = Calendar::munich();
    // A clock with three pauses, asked for its status: the work a service
    // does for every open ticket on every page load.
    let clocks: Vec<_> = creation_times(1024)
        .into_iter()
        .map(|t| {
            let h = chrono::TimeDelta::hours;
            let pauses = [(h(2), h(3)), (h(20), h(30)), (h(50), h(51))]
                .map(|(a, b)| Pause::new(t + a, t + b).unwrap());
            let clock = SlaClock::new(&cal, &t, BusinessDuration::from_hours(40))
                .unwrap()
                .with_pauses(pauses)
                .unwrap();
            (clock, t + h(60))
        })
        .collect();
    over(
        c,
        "status",
        "pending_with_pauses",
        &clocks,
        |(clock, now)| {
            black_box(clock.status(now).unwrap());
        },
    );
}

/// A new calendar with Munich's definition, built as a service builds a
/// customer's calendar.
fn fresh_munich() -> Calendar {
    Calendar::builder("Europe/Berlin".parse().unwrap())
        .weekdays("10:00-18:00")
        .holidays(sla_clock::munich_holiday_rules())
        .build()
        .unwrap()
}

fn calendar(c: &mut Criterion) {
    let mut g = c.benchmark_group("calendar");
    // Construction alone: rules and schedule, no tables yet.
    g.bench_function("build_munich", |b| b.iter(|| black_box(fresh_munich())));
    // Construction plus the first due time, which builds the window table
    // of the year asked about: what a short-lived process, or a service
    // loading a customer's calendar, pays once. A fresh calendar each
    // time (`Calendar::munich()` is shared and built once).
    let t = Utc.with_ymd_and_hms(2026, 12, 18, 15, 0, 0).unwrap();
    g.bench_function("build_and_first_due", |b| {
        b.iter(|| {
            black_box(
                fresh_munich()
                    .due(&t, BusinessDuration::from_hours(4))
                    .unwrap(),
            )
        })
    });
    // The default calendar plus one due time, as a request handler that
    // calls `Calendar::munich()` every time does: the calendar is shared,
    // so this should cost little more than the due time itself.
    let created = creation_times(4096);
    let mut i = 0;
    g.bench_function("munich_then_due", |b| {
        b.iter(|| {
            i = (i + 1) % created.len();
            black_box(
                Calendar::munich()
                    .due(black_box(&created[i]), BusinessDuration::from_hours(4))
                    .unwrap(),
            )
        })
    });
    // The rules evaluated for one year, as the `holidays` example does.
    let cal = Calendar::munich();
    let mut year = 1995;
    g.bench_function("holidays_of_year", |b| {
        b.iter(|| {
            year = if year == 2099 { 1995 } else { year + 1 };
            black_box(cal.holidays(black_box(year)).unwrap())
        })
    });
    g.finish();
}

fn baseline(c: &mut Criterion) {
    let cal = Calendar::munich();
    // The day-by-day reference from the tests on the `due/mix` cases.
    over(c, "baseline", "day_loop_mix", &mix(4096), |(t, d)| {
        black_box(reference::ref_due(&cal, *t, d.as_nanos()).unwrap());
    });
}

criterion_group!(
    benches,
    due,
    before,
    business_days,
    custom,
    between,
    status,
    calendar,
    baseline
);
criterion_main!(benches);
