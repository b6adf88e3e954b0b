//! Heap bytes held by calendars, measured with a counting global
//! allocator. Prints one line per case, `footprint/<name> <bytes>`.
//!
//! Run with `cargo bench --bench footprint`. The figures are exact and do
//! not depend on the machine's load, so a single run is the answer.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, Ordering};

use chrono::{NaiveDate, TimeZone, Utc, Weekday};
use sla_clock::{BusinessDuration, Calendar, Policy, Priority, munich_holiday_rules};

/// The system allocator, keeping a count of the bytes live.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which
        // is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The bytes that `make` leaves allocated, held in what it returns.
fn held<T>(make: impl FnOnce() -> T) -> (T, isize) {
    let before = LIVE.load(Ordering::Relaxed);
    let value = make();
    (value, LIVE.load(Ordering::Relaxed) - before)
}

fn report(name: &str, bytes: isize) {
    println!("footprint/{name} {bytes}");
}

/// Creation instants spread over 2026, at any second.
fn instants_2026(n: u64) -> Vec<chrono::DateTime<Utc>> {
    let from = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let year = 365 * 86_400;
    (0..n)
        .map(|i| {
            Utc.timestamp_opt(from + (i * 7_919_993 % year as u64) as i64, 0)
                .unwrap()
        })
        .collect()
}

/// A fresh calendar with Munich's definition (not the shared
/// `Calendar::munich()`, whose tables other cases may have built).
fn fresh_munich() -> Calendar {
    Calendar::builder("Europe/Berlin".parse().unwrap())
        .weekdays("10:00-18:00")
        .holidays(munich_holiday_rules())
        .build()
        .unwrap()
}

fn munich_one_year() {
    let policy = Policy::default();
    let priorities = [
        Priority::Urgent,
        Priority::High,
        Priority::Normal,
        Priority::Low,
    ];
    let instants = instants_2026(1_000);
    let (cal, bytes) = held(|| {
        let cal = fresh_munich();
        for (i, t) in instants.iter().enumerate() {
            black_box(policy.due(&cal, priorities[i % 4], t).unwrap());
        }
        cal
    });
    drop(black_box(cal));
    report("munich_one_year", bytes);
}

fn tenants_1000() {
    let zones = [
        "Europe/Berlin",
        "Europe/Vienna",
        "Europe/Zurich",
        "Europe/London",
        "America/New_York",
        "America/Sao_Paulo",
        "Asia/Tokyo",
        "Australia/Sydney",
        "Asia/Kolkata",
        "Pacific/Auckland",
    ];
    let created = Utc.with_ymd_and_hms(2026, 6, 15, 9, 30, 0).unwrap();
    let (calendars, bytes) = held(|| {
        (0..1_000u32)
            .map(|i| {
                let open = 6 + i % 5;
                let close = open + 7 + i % 3;
                let mut builder =
                    Calendar::builder(zones[i as usize % zones.len()].parse().unwrap())
                        .weekdays(&format!("{open:02}:00-{close:02}:00"))
                        .holidays(munich_holiday_rules());
                if i % 4 == 0 {
                    builder = builder.open(Weekday::Sat, "09:00-13:00");
                }
                for day in 0..(i % 7) {
                    builder = builder.closure(NaiveDate::from_ymd_opt(2026, 12, 24 + day).unwrap());
                }
                let cal = builder.build().unwrap();
                black_box(cal.due(&created, BusinessDuration::from_hours(16)).unwrap());
                cal
            })
            .collect::<Vec<_>>()
    });
    drop(black_box(calendars));
    report("tenants_1000", bytes);
}

fn munich_full_range() {
    let (cal, bytes) = held(|| {
        let cal = fresh_munich();
        for year in 1995..=2099 {
            let t = Utc.with_ymd_and_hms(year, 3, 10, 9, 0, 0).unwrap();
            black_box(cal.due(&t, BusinessDuration::from_hours(40)).unwrap());
        }
        cal
    });
    drop(black_box(cal));
    report("munich_full_range", bytes);
}

fn main() {
    // `cargo bench` passes criterion-style flags; this bench has none.
    munich_one_year();
    tenants_1000();
    munich_full_range();
}
