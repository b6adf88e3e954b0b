//! Business days as dates: "two business days after the 23rd", "business
//! days in December", the next and the previous business day.
//!
//! A business day is a local date with any business time, by the rule of
//! [which hours apply on a date](crate::Calendar#which-hours-apply-on-a-date):
//! a half day counts as a whole business day. The answers come from the
//! same yearly tables as the business-time arithmetic, which mark each
//! date with business time as they place its windows; so they cost a rank
//! lookup in a year, however many days are counted.

use chrono::NaiveDate;

use crate::date_range::DateRange;
use crate::error::{Reason, Result, check_date, shown};
use crate::timeline::Timeline;

/// The body of [`Calendar::add_business_days`](crate::Calendar::add_business_days).
pub(crate) fn add_business_days(
    timeline: &Timeline<'_>,
    date: NaiveDate,
    days: i32,
) -> Result<NaiveDate> {
    check_date(date)?;
    timeline
        .add_business_days(date, i64::from(days))
        .ok_or_else(|| {
            let count = days.unsigned_abs().max(1);
            Reason::BusinessDaysOutOfRange {
                days: if count == 1 {
                    "1 business day".to_string()
                } else {
                    format!("{count} business days")
                },
                side: if days < 0 { "before" } else { "after" },
                date: shown(date),
            }
            .into()
        })
}

/// The body of [`Calendar::business_days_in`](crate::Calendar::business_days_in).
pub(crate) fn business_days_in(
    timeline: &Timeline<'_>,
    dates: impl Into<DateRange>,
) -> Result<u32> {
    let range = dates.into();
    check_date(range.first)?;
    check_date(range.last)?;
    range.check_order()?;
    let count = timeline.count_business_days(range.first, range.last);
    // At most the 38 351 dates of the range.
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}
