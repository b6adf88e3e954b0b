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

use crate::calendar::Calendar;
use crate::date_range::DateRange;
use crate::error::{Reason, Result, shown};
use crate::range::check_date;

impl Calendar {
    /// The date `days` business days after `date` (or `-days` before it,
    /// when negative). The date itself never counts, whatever it is:
    /// counting starts the day after (before) it.
    ///
    /// - `days > 0`: the `days`-th business day after `date`. Friday + 1
    ///   is Monday, and so is Saturday + 1: a start that is not a
    ///   business day counts as if it were the business day before it.
    /// - `days < 0`: the `-days`-th business day before `date`.
    /// - `days == 0`: `date` when it is a business day, else the next one
    ///   (rolled forward, as a ticket created on a Saturday starts its
    ///   clock on Monday).
    ///
    /// So `add_business_days(add_business_days(d, n)?, -n)? == d` for a
    /// business day `d`, and there are exactly `n` business days after `d`
    /// up to and including `add_business_days(d, n)?` (see
    /// [`Calendar::business_days_in`]). A business day is a date with any
    /// open time, a half day included.
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31, or an answer outside it.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// // Two business days after Wednesday 23 December: the 24th, then the
    /// // 28th (Christmas, St. Stephen's Day and a Sunday between).
    /// assert_eq!(cal.add_business_days(d(12, 23), 2)?, d(12, 28));
    /// // The last business day before the 15th of March 2026 (a Sunday).
    /// assert_eq!(cal.add_business_days(d(3, 15), -1)?, d(3, 13));
    /// // Zero days from a Saturday rolls forward to Monday.
    /// assert_eq!(cal.add_business_days(d(12, 19), 0)?, d(12, 21));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business_days(&self, date: NaiveDate, days: i32) -> Result<NaiveDate> {
        check_date(date)?;
        self.timeline()
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

    /// The number of business days in a range of dates, both ends
    /// included: a `first..=last` range, a [`DateRange`], or one date.
    /// A date with any open time counts, a half day included.
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31, or a range that ends
    /// before it starts.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// // December 2026: 23 weekdays, less Christmas Day (St. Stephen's Day
    /// // is a Saturday).
    /// assert_eq!(cal.business_days_in(d(12, 1)..=d(12, 31))?, 22);
    /// assert_eq!(cal.business_days_in(d(12, 25))?, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_days_in(&self, dates: impl Into<DateRange>) -> Result<u32> {
        let range = dates.into();
        check_date(range.first)?;
        check_date(range.last)?;
        range.check_order()?;
        let count = self.timeline().count_business_days(range.first, range.last);
        // At most the 38 351 dates of the range.
        Ok(u32::try_from(count).unwrap_or(u32::MAX))
    }

    /// The first business day after `date`; the same as
    /// [`add_business_days(date, 1)`](Calendar::add_business_days).
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31, or no business day after
    /// it within that range.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// assert_eq!(cal.next_business_day(d(12, 24))?, d(12, 28));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_business_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_business_days(date, 1)
    }

    /// The last business day before `date`; the same as
    /// [`add_business_days(date, -1)`](Calendar::add_business_days).
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31, or no business day before
    /// it within that range.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
    /// // Before Thursday 7 January 2027: Wednesday the 6th is Epiphany, so
    /// // Tuesday the 5th.
    /// assert_eq!(cal.previous_business_day(d(1, 7))?, d(1, 5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous_business_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_business_days(date, -1)
    }
}
