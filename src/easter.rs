//! The date of Western (Gregorian) Easter Sunday.

use chrono::NaiveDate;

/// Easter Sunday of `year` in the (proleptic) Gregorian calendar, by the
/// anonymous Gregorian computus (Meeus/Jones/Butcher).
///
/// Every step divides with floor semantics (`div_euclid`/`rem_euclid`), so
/// the result is right for years before 1583 and at or below year 0 too
/// (the computus repeats every 5 700 000 years, a property the tests use).
/// It is `None` only where chrono has no date, beyond about ±262 000 years.
/// The holiday rules only ever ask for 1995 to 2099.
///
/// # Example
///
/// ```
/// use chrono::{Datelike, NaiveDate, Weekday};
/// use sla_clock::easter_sunday;
///
/// assert_eq!(easter_sunday(2026), NaiveDate::from_ymd_opt(2026, 4, 5));
/// assert_eq!(easter_sunday(-1).unwrap().weekday(), Weekday::Sun);
/// assert_eq!(easter_sunday(i32::MAX), None);
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let (month, day) = month_day(i64::from(year));
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The computus itself, on `i64` so that no step can overflow for any
/// `i32` year.
fn month_day(year: i64) -> (u32, u32) {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // March or April, day 1 to 31, so both fit.
    (month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_easter_sundays() {
        // Published dates; 2008 and 2038 are near the extremes of the range.
        for (y, m, d) in [
            (1995, 4, 16),
            (2008, 3, 23),
            (2011, 4, 24),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2099, 4, 12),
        ] {
            assert_eq!(easter_sunday(y), NaiveDate::from_ymd_opt(y, m, d), "{y}");
        }
    }

    #[test]
    fn every_year_chrono_knows_gets_a_sunday_in_spring() {
        use chrono::{Datelike, Weekday};
        let check = |y: i32| {
            let date = easter_sunday(y).unwrap_or_else(|| panic!("{y}"));
            assert_eq!(date.weekday(), Weekday::Sun, "{y}");
            let (m, d) = (date.month(), date.day());
            assert!((m == 3 && d >= 22) || (m == 4 && d <= 25), "{y}: {date}");
        };
        for y in (-262_000..262_000).step_by(997) {
            check(y);
        }
        for y in -2100..2100 {
            check(y);
        }
    }

    #[test]
    fn the_computus_repeats_every_5_700_000_years() {
        // The Gregorian Easter cycle. Years at and below zero must follow
        // the same cycle as the familiar ones; with truncating division
        // they did not (year -1 came out on a Saturday).
        for y in (-20_000..2_000).chain([-5_700_001, -3_000_000, -262_144]) {
            assert_eq!(month_day(y), month_day(y + 5_700_000), "{y}");
        }
    }

    #[test]
    fn early_years_match_an_independent_computation() {
        // dateutil.easter(y, EASTER_WESTERN), a separate implementation.
        for (y, m, d) in [
            (1, 4, 1),
            (4, 3, 28),
            (100, 4, 18),
            (1000, 3, 30),
            (1583, 4, 10),
        ] {
            assert_eq!(easter_sunday(y), NaiveDate::from_ymd_opt(y, m, d), "{y}");
        }
    }
}
