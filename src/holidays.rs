//! Holiday rules: the one source of truth for which dates are holidays.

use chrono::{Datelike, Days, NaiveDate};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::easter::easter_sunday;
use crate::error::{ErrorKind, Result};
use crate::range::{FIRST_YEAR, LAST_YEAR};

/// When a holiday falls, year after year.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use sla_clock::HolidayDate;
///
/// let good_friday = HolidayDate::Easter { offset: -2 };
/// assert_eq!(good_friday.in_year(2026), NaiveDate::from_ymd_opt(2026, 4, 3));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
pub enum HolidayDate {
    /// The same month and day every year (1 May). A rule for 29 February
    /// applies in leap years only.
    Fixed {
        /// Month, 1 to 12.
        month: u32,
        /// Day of the month, 1 to 31.
        day: u32,
    },
    /// A number of days after (positive) or before (negative) Western
    /// Easter Sunday: Good Friday is `-2`, Whit Monday `50`.
    Easter {
        /// Days from Easter Sunday.
        offset: i32,
    },
    /// One date only, such as the 500th anniversary of the Reformation.
    Once {
        /// The date.
        date: NaiveDate,
    },
}

impl HolidayDate {
    /// The date this rule gives in `year`, if any (a one-off rule gives
    /// a date in its own year only; 29 February only in leap years).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::HolidayDate;
    ///
    /// let once = HolidayDate::Once { date: NaiveDate::from_ymd_opt(2017, 10, 31).unwrap() };
    /// assert_eq!(once.in_year(2018), None);
    /// ```
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        match *self {
            HolidayDate::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            HolidayDate::Easter { offset } => {
                let easter = easter_sunday(year)?;
                let days = Days::new(u64::from(offset.unsigned_abs()));
                let date = if offset >= 0 {
                    easter.checked_add_days(days)?
                } else {
                    easter.checked_sub_days(days)?
                };
                // An offset that leaves the year would make the rule fire
                // in a neighbouring year; keep each year's rules to itself.
                (date.year() == year).then_some(date)
            }
            HolidayDate::Once { date } => (date.year() == year).then_some(date),
        }
    }
}

/// A holiday's name in German and English.
///
/// # Example
///
/// ```
/// use sla_clock::Calendar;
///
/// let first = &Calendar::munich().holidays(2027)?[0];
/// assert_eq!(first.names[0].de, "Neujahr");
/// assert_eq!(first.names[0].en, "New Year's Day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct HolidayName {
    /// German name, as in the law (`Fronleichnam`).
    pub de: String,
    /// English name (`Corpus Christi`).
    pub en: String,
}

/// A rule that makes a holiday: when it falls, what it is called, and the
/// years in which it applies.
///
/// # Example
///
/// ```
/// use sla_clock::{HolidayDate, HolidayRule};
///
/// let company_day = HolidayRule::new(
///     HolidayDate::Fixed { month: 12, day: 24 },
///     "Heiligabend",
///     "Christmas Eve",
/// )
/// .from_year(2027);
/// assert_eq!(company_day.in_year(2026), None);
/// assert!(company_day.in_year(2027).is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct HolidayRule {
    /// When the holiday falls.
    pub date: HolidayDate,
    /// Its names.
    pub name: HolidayName,
    /// The first year the rule applies, if it has one.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub first_year: Option<i32>,
    /// The last year the rule applies, if it has one.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub last_year: Option<i32>,
}

impl HolidayRule {
    /// A rule that applies every year.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{HolidayDate, HolidayRule};
    ///
    /// let rule = HolidayRule::new(HolidayDate::Easter { offset: 60 }, "Fronleichnam", "Corpus Christi");
    /// assert_eq!(rule.name.en, "Corpus Christi");
    /// ```
    pub fn new(date: HolidayDate, de: impl Into<String>, en: impl Into<String>) -> Self {
        HolidayRule {
            date,
            name: HolidayName {
                de: de.into(),
                en: en.into(),
            },
            first_year: None,
            last_year: None,
        }
    }

    /// The same rule, applying from `year` on.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{HolidayDate, HolidayRule};
    ///
    /// let rule = HolidayRule::new(HolidayDate::Fixed { month: 3, day: 8 }, "Frauentag", "Women's Day")
    ///     .from_year(2019);
    /// assert_eq!(rule.first_year, Some(2019));
    /// ```
    pub fn from_year(mut self, year: i32) -> Self {
        self.first_year = Some(year);
        self
    }

    /// The same rule, applying up to and including `year`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{HolidayDate, HolidayRule};
    ///
    /// let rule = HolidayRule::new(HolidayDate::Fixed { month: 11, day: 22 }, "Buß- und Bettag", "Day of Prayer")
    ///     .until_year(1994);
    /// assert_eq!(rule.in_year(1995), None);
    /// ```
    pub fn until_year(mut self, year: i32) -> Self {
        self.last_year = Some(year);
        self
    }

    /// The date of this holiday in `year`, or `None` when the rule does not
    /// apply that year.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::{HolidayDate, HolidayRule};
    ///
    /// let rule = HolidayRule::new(HolidayDate::Easter { offset: 39 }, "Christi Himmelfahrt", "Ascension Day");
    /// assert_eq!(rule.in_year(2026), NaiveDate::from_ymd_opt(2026, 5, 14));
    /// ```
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        let after_first = self.first_year.is_none_or(|first| year >= first);
        let before_last = self.last_year.is_none_or(|last| year <= last);
        if after_first && before_last {
            self.date.in_year(year)
        } else {
            None
        }
    }

    /// Rejects rules that can never match or that contradict themselves.
    pub(crate) fn validate(&self) -> Result<()> {
        let invalid = |reason: String| -> crate::Error {
            ErrorKind::InvalidHolidayRule {
                name: self.name.en.clone(),
                reason,
            }
            .into()
        };
        match self.date {
            HolidayDate::Fixed { month, day } => {
                // 2000 is a leap year, so 29 February passes here.
                if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
                    return Err(invalid(format!("month {month}, day {day} is not a date")));
                }
            }
            HolidayDate::Easter { offset } => {
                // Easter Sunday is between 22 March and 25 April, so this
                // keeps every year's date inside its own year.
                if !(-80..=250).contains(&offset) {
                    return Err(invalid(format!(
                        "Easter offset {offset} is out of range; expected -80 to 250 days"
                    )));
                }
            }
            HolidayDate::Once { date } => {
                if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
                    return Err(invalid(format!(
                        "date {date} is outside the supported range {}",
                        crate::range::DATES
                    )));
                }
            }
        }
        if let (Some(first), Some(last)) = (self.first_year, self.last_year)
            && first > last
        {
            return Err(invalid(format!(
                "first year {first} is after last year {last}"
            )));
        }
        Ok(())
    }
}

/// A holiday on a particular date. When two rules fall on the same date
/// (Labour Day and Ascension Day on 1 May 2008), both names are kept, in
/// rule order.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use sla_clock::Calendar;
///
/// let holidays = Calendar::munich().holidays(2008)?;
/// let may_day = holidays.iter().find(|h| h.date == NaiveDate::from_ymd_opt(2008, 5, 1).unwrap()).unwrap();
/// assert_eq!(may_day.to_string(), "2008-05-01  Tag der Arbeit / Labour Day; Christi Himmelfahrt / Ascension Day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Holiday {
    /// The local date.
    pub date: NaiveDate,
    /// Every name the date carries, at least one.
    pub names: Vec<HolidayName>,
}

impl Holiday {
    /// The names joined for display: `Karfreitag / Good Friday`, several
    /// holidays separated by `; `.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let holidays = Calendar::munich().holidays(2026)?;
    /// assert_eq!(holidays[2].names_text(), "Karfreitag / Good Friday");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn names_text(&self) -> String {
        self.names
            .iter()
            .map(|n| format!("{} / {}", n.de, n.en))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// `YYYY-MM-DD`, two spaces, then the names, the format of the `holidays`
/// example.
impl std::fmt::Display for Holiday {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}  {}", self.date.format("%Y-%m-%d"), self.names_text())
    }
}

/// The public holidays of Munich: Bavaria's statutory holidays (Bavarian
/// Feiertagsgesetz, Art. 1), with Assumption Day because Munich is a
/// predominantly Catholic municipality, and the one-off Reformation Day of
/// 2017 (its 500th anniversary, made a holiday nationwide for that year
/// only). Buß- und Bettag is not here: Bavaria abolished it as a public
/// holiday from 1995, the first year the crate supports.
///
/// This list is the only place the Munich rules are written down; every
/// per-year table is computed from it.
///
/// # Example
///
/// ```
/// use sla_clock::munich_holiday_rules;
///
/// assert_eq!(munich_holiday_rules().len(), 14);
/// ```
pub fn munich_holiday_rules() -> Vec<HolidayRule> {
    use HolidayDate::{Easter, Fixed};
    let fixed = |month, day| Fixed { month, day };
    let reformation_500 = NaiveDate::from_ymd_opt(2017, 10, 31).map(|date| {
        HolidayRule::new(
            HolidayDate::Once { date },
            "Reformationstag (500. Jahrestag)",
            "Reformation Day (one-off)",
        )
    });
    [
        HolidayRule::new(fixed(1, 1), "Neujahr", "New Year's Day"),
        HolidayRule::new(fixed(1, 6), "Heilige Drei Könige", "Epiphany"),
        HolidayRule::new(Easter { offset: -2 }, "Karfreitag", "Good Friday"),
        HolidayRule::new(Easter { offset: 1 }, "Ostermontag", "Easter Monday"),
        HolidayRule::new(fixed(5, 1), "Tag der Arbeit", "Labour Day"),
        HolidayRule::new(
            Easter { offset: 39 },
            "Christi Himmelfahrt",
            "Ascension Day",
        ),
        HolidayRule::new(Easter { offset: 50 }, "Pfingstmontag", "Whit Monday"),
        HolidayRule::new(Easter { offset: 60 }, "Fronleichnam", "Corpus Christi"),
        HolidayRule::new(fixed(8, 15), "Mariä Himmelfahrt", "Assumption Day"),
        HolidayRule::new(
            fixed(10, 3),
            "Tag der Deutschen Einheit",
            "German Unity Day",
        ),
        HolidayRule::new(fixed(11, 1), "Allerheiligen", "All Saints' Day"),
        HolidayRule::new(fixed(12, 25), "1. Weihnachtstag", "Christmas Day"),
        HolidayRule::new(fixed(12, 26), "2. Weihnachtstag", "St. Stephen's Day"),
    ]
    .into_iter()
    .chain(reformation_500)
    .collect()
}

/// The holidays that `rules` give in `year`, sorted by date, with the names
/// of rules that share a date merged into one entry.
pub(crate) fn holidays_in_year(rules: &[HolidayRule], year: i32) -> Vec<Holiday> {
    let mut found: Vec<(NaiveDate, &HolidayName)> = rules
        .iter()
        .filter_map(|rule| rule.in_year(year).map(|date| (date, &rule.name)))
        .collect();
    // Stable, so names sharing a date keep the rules' order.
    found.sort_by_key(|&(date, _)| date);
    let mut holidays: Vec<Holiday> = Vec::with_capacity(found.len());
    for (date, name) in found {
        match holidays.last_mut() {
            Some(last) if last.date == date => last.names.push(name.clone()),
            _ => holidays.push(Holiday {
                date,
                names: vec![name.clone()],
            }),
        }
    }
    holidays
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reformation_day_only_in_2017() {
        let rules = munich_holiday_rules();
        let has = |d: NaiveDate| {
            holidays_in_year(&rules, d.year())
                .iter()
                .any(|h| h.date == d)
        };
        assert!(has(date(2017, 10, 31)));
        assert!(!has(date(2016, 10, 31)));
        assert!(!has(date(2018, 10, 31)));
    }

    #[test]
    fn validation_names_the_rule_and_the_problem() {
        let bad = HolidayRule::new(
            HolidayDate::Fixed { month: 2, day: 30 },
            "X",
            "Leap Day Plus",
        );
        assert_eq!(
            bad.validate().unwrap_err().to_string(),
            "invalid holiday rule 'Leap Day Plus': month 2, day 30 is not a date"
        );
        let inverted = HolidayRule::new(HolidayDate::Fixed { month: 3, day: 1 }, "X", "Spring")
            .from_year(2030)
            .until_year(2020);
        assert_eq!(
            inverted.validate().unwrap_err().to_string(),
            "invalid holiday rule 'Spring': first year 2030 is after last year 2020"
        );
        let far = HolidayRule::new(HolidayDate::Easter { offset: 300 }, "X", "Far");
        assert!(far.validate().is_err());
    }

    #[test]
    fn leap_day_rule_applies_in_leap_years_only() {
        let rule = HolidayRule::new(HolidayDate::Fixed { month: 2, day: 29 }, "X", "Leap");
        assert!(rule.validate().is_ok());
        assert_eq!(rule.in_year(2028), Some(date(2028, 2, 29)));
        assert_eq!(rule.in_year(2027), None);
    }
}
