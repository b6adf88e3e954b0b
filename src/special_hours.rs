//! Opening hours of their own on some dates: a half day on Christmas Eve,
//! an extra Saturday shift, a holiday on which the desk is open after all.

use crate::date_range::DateRange;
use crate::schedule::DailyWindow;

/// The opening windows of a date, or of each date of a range, in place of
/// whatever the calendar would otherwise do on it. An empty list closes the
/// dates.
///
/// In a JSON calendar, `"special_hours"` is a list of these, each written
/// `{"date": "2026-12-24", "windows": ["10:00-14:00"]}`; `date` may be an
/// inclusive range, `"2026-12-28/2026-12-30"`.
///
/// Special hours win over everything else for their dates: the weekday's
/// windows, holidays and closures (see the order in
/// [`Calendar`](crate::Calendar#which-hours-apply-on-a-date)).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use sla_clock::{Calendar, DateRange, SpecialHours};
///
/// let eve = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
/// let cal = Calendar::munich().to_builder().special_hours(eve, &["10:00-14:00"]).build()?;
/// assert_eq!(
///     cal.special_hours(),
///     &[SpecialHours { dates: DateRange::from(eve), windows: vec!["10:00-14:00".parse()?] }]
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SpecialHours {
    /// The date, or the inclusive range of dates (`"date"` in JSON).
    #[cfg_attr(feature = "serde", serde(rename = "date"))]
    pub dates: DateRange,
    /// The windows of each of these dates, in order; empty when closed.
    pub windows: Vec<DailyWindow>,
}
