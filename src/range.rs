//! The supported range: 1995-01-01 to 2099-12-31, local time.
//!
//! It starts in 1995 because the Munich rules hold from then (Bavaria
//! abolished Buß- und Bettag as a public holiday that year) and ends in 2099
//! because chrono-tz applies no daylight-saving rules after 2099: a later
//! summer instant would silently be an hour off.
//!
//! Only the numbers and their texts live here, so that the error type can
//! quote them in its messages; the checks that turn a date outside the
//! range into an error are in `error.rs`, just above.

use chrono::NaiveDate;

pub(crate) const FIRST_YEAR: i32 = 1995;
pub(crate) const LAST_YEAR: i32 = 2099;
/// The range as error messages name it (a test keeps these in step with
/// the numbers above).
pub(crate) const YEARS: &str = "1995 to 2099";
pub(crate) const DATES: &str = "1995-01-01 to 2099-12-31";

const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1) {
    Some(date) => date,
    None => panic!("1 January is a date"),
};

const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31) {
    Some(date) => date,
    None => panic!("31 December is a date"),
};

/// Every date of the range.
pub(crate) const ALL_DATES: (NaiveDate, NaiveDate) = (FIRST_DAY, LAST_DAY);

/// The first day of the range.
#[cfg(test)]
pub(crate) fn first_day() -> NaiveDate {
    FIRST_DAY
}

#[cfg(test)]
mod tests {
    use super::*;

    const END_DAY: NaiveDate = match NaiveDate::from_ymd_opt(LAST_YEAR + 1, 1, 1) {
        Some(date) => date,
        None => panic!("1 January is a date"),
    };

    #[test]
    fn texts_name_the_numbers() {
        assert_eq!(YEARS, format!("{FIRST_YEAR} to {LAST_YEAR}"));
        assert_eq!(
            DATES,
            format!("{FIRST_DAY} to {}", END_DAY.pred_opt().unwrap())
        );
    }
}
