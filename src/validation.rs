//! What makes a calendar definition valid, in one place.
//!
//! A definition reaches a [`Calendar`](crate::Calendar) by three roads, and
//! all of them check it with the functions here:
//!
//! - [`CalendarBuilder::build`](crate::CalendarBuilder::build) checks the
//!   whole and reports the first problem, in a fixed order. The builder's
//!   calls before it only record what they were given (and the mistakes
//!   of parsing it), so that they chain without `?`.
//! - `Calendar::try_from(config)` checks the
//!   sizes first (`CalendarConfig::check_sizes`, with the limits here),
//!   so that a hostile file is refused before any work that grows with
//!   it, then goes through the builder.
//! - With the `serde` feature, the readers of a
//!   [`CalendarConfig`](crate::CalendarConfig) check each part as they read
//!   it, so that a mistake is reported with its line and column; the
//!   calendar is then built, and checked whole, as above.
//!
//! What one value must satisfy on its own stays with its type, whose tests
//! exercise it, and is called from the roads above: a week's windows
//! (`WeeklySchedule::validate`), a holiday rule (`HolidayRule::validate`),
//! the order of a date range (`DateRange::check_order`).

use std::fmt;

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::date_range::DateRange;
use crate::duration::BusinessDuration;
use crate::error::{Reason, Result, check_date, shown};
use crate::limits;
use crate::schedule::{DailyWindow, validate_day};

/// The zone named `name`, an IANA name such as `Europe/Berlin`.
pub(crate) fn check_zone(name: &str) -> Result<Tz> {
    crate::zoned::parse_zone(name)
}

/// At most [`MAX_WINDOWS_PER_DAY`](limits::MAX_WINDOWS_PER_DAY) windows on
/// `day`, a weekday's name or the dates of special hours.
pub(crate) fn check_window_count(day: impl fmt::Display, count: usize) -> Result<()> {
    limits::check(
        format_args!("opening windows on {day}"),
        count,
        limits::MAX_WINDOWS_PER_DAY,
    )
}

pub(crate) fn check_holiday_rule_count(count: usize) -> Result<()> {
    limits::check("holiday rules", count, limits::MAX_HOLIDAY_RULES)
}

/// Dates closed, each counted once however many closures hold it.
pub(crate) fn check_closure_count(dates: usize) -> Result<()> {
    limits::check("closure dates", dates, limits::MAX_CLOSURES)
}

/// Dates with special hours, counted like closures.
pub(crate) fn check_special_date_count(dates: usize) -> Result<()> {
    limits::check("dates with special hours", dates, limits::MAX_SPECIAL_DATES)
}

/// A closure's dates must lie in the supported range.
pub(crate) fn check_closure(range: DateRange) -> Result<()> {
    check_range(range).map_err(|date| Reason::ClosureOutOfRange { date: shown(date) }.into())
}

/// Special hours need dates in the supported range and a valid day of
/// windows.
pub(crate) fn check_special_hours(range: DateRange, windows: &[DailyWindow]) -> Result<()> {
    check_range(range).map_err(|date| Reason::SpecialHoursOutOfRange { date: shown(date) })?;
    validate_day(windows, range)
}

/// A business day of whole seconds, more than zero and at most a day.
pub(crate) fn check_day_length(length: BusinessDuration) -> Result<BusinessDuration> {
    let whole_seconds = length.as_nanos() % 1_000_000_000 == 0;
    if length <= BusinessDuration::ZERO
        || length > BusinessDuration::from_hours(24)
        || !whole_seconds
    {
        return Err(Reason::InvalidDayLength {
            length: shown(length),
        }
        .into());
    }
    Ok(length)
}

/// `Err` with the first date of `range` outside the supported range.
fn check_range(range: DateRange) -> std::result::Result<(), NaiveDate> {
    for date in [range.first, range.last] {
        if check_date(date).is_err() {
            return Err(date);
        }
    }
    Ok(())
}
