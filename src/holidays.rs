//! Holiday rules: the one source of truth for which dates are holidays.

use chrono::{Datelike, Days, NaiveDate, Weekday};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::easter::easter_sunday;
use crate::error::{Reason, Result};
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
    /// The last `weekday` strictly before a fixed date: Buß- und Bettag,
    /// "the Wednesday before 23 November", falls between 16 and 22
    /// November. The anchor must leave the seven days before it in the
    /// same year and exist every year (so not 1 to 7 January, not
    /// 29 February). The same kind says "the nth weekday of a month":
    /// the first Sunday of September is the Sunday before 8 September.
    ///
    /// In JSON: `{"kind": "weekday_before", "weekday": "wednesday",
    /// "month": 11, "day": 23}`, the weekday as a lowercase English name.
    WeekdayBefore {
        /// The day of the week the holiday falls on.
        #[cfg_attr(feature = "serde", serde(with = "weekday_text"))]
        weekday: Weekday,
        /// Month of the anchor date, 1 to 12.
        month: u32,
        /// Day of the anchor date; the holiday is before it.
        day: u32,
    },
    /// The same month and day every year, but a holiday only in the years
    /// it falls on one of `weekdays`. Neuchâtel keeps 26 December only
    /// when Christmas is a Sunday (so 26 December a Monday); the
    /// Appenzell cantons and Uri drop it when it falls on a Tuesday or
    /// a Saturday.
    ///
    /// In JSON: `{"kind": "fixed_on_weekdays", "month": 12, "day": 26,
    /// "weekdays": ["monday"]}`.
    FixedOnWeekdays {
        /// Month, 1 to 12.
        month: u32,
        /// Day of the month, 1 to 31.
        day: u32,
        /// The weekdays on which the date is a holiday, at least one.
        #[cfg_attr(feature = "serde", serde(with = "weekday_list"))]
        weekdays: Vec<Weekday>,
    },
}

/// Weekdays in configuration: lowercase English names, as the keys of
/// [`WeekConfig`](crate::WeekConfig).
#[cfg(feature = "serde")]
mod weekday_text {
    use chrono::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::schedule::{WEEK, WEEKDAY_NAMES};

    pub(super) fn name(day: Weekday) -> &'static str {
        WEEKDAY_NAMES[day.num_days_from_monday() as usize]
    }

    pub(super) fn parse<E: serde::de::Error>(text: &str) -> Result<Weekday, E> {
        WEEKDAY_NAMES
            .iter()
            .position(|&n| n == text)
            .map(|i| WEEK[i])
            .ok_or_else(|| {
                E::custom(format!(
                    "invalid weekday '{text}'; expected a lowercase English day name from 'monday' to 'sunday'"
                ))
            })
    }

    pub(super) fn serialize<S: Serializer>(day: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(name(*day))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        let text = String::deserialize(d)?;
        parse(&text)
    }
}

/// A list of weekdays in configuration, each as in [`weekday_text`].
#[cfg(feature = "serde")]
mod weekday_list {
    use chrono::Weekday;
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(days: &[Weekday], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(days.len()))?;
        for &day in days {
            seq.serialize_element(super::weekday_text::name(day))?;
        }
        seq.end()
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|text| super::weekday_text::parse(text))
            .collect()
    }
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
            HolidayDate::WeekdayBefore {
                weekday,
                month,
                day,
            } => {
                let anchor = NaiveDate::from_ymd_opt(year, month, day)?;
                // 1 to 7 days back: the anchor itself never counts.
                let back = (anchor.weekday().days_since(weekday) + 6) % 7 + 1;
                let date = anchor.checked_sub_days(Days::new(u64::from(back)))?;
                (date.year() == year).then_some(date)
            }
            HolidayDate::FixedOnWeekdays {
                month,
                day,
                ref weekdays,
            } => NaiveDate::from_ymd_opt(year, month, day)
                .filter(|date| weekdays.contains(&date.weekday())),
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
    /// The name in the region's own language where that is not German:
    /// French or Italian in the Swiss cantons that speak them
    /// (`Fête-Dieu`, `Corpus Domini`). Left out of JSON when absent.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub local: Option<String>,
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
                local: None,
            },
            first_year: None,
            last_year: None,
        }
    }

    /// The same rule, with its name in the region's own language (see
    /// [`HolidayName::local`]).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{HolidayDate, HolidayRule};
    ///
    /// let rule = HolidayRule::new(HolidayDate::Fixed { month: 12, day: 31 }, "Wiederherstellung der Republik", "Restoration of the Republic")
    ///     .local_name("Restauration de la République");
    /// assert_eq!(rule.name.local.as_deref(), Some("Restauration de la République"));
    /// ```
    pub fn local_name(mut self, name: impl Into<String>) -> Self {
        self.name.local = Some(name.into());
        self
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
            Reason::InvalidHolidayRule {
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
            HolidayDate::WeekdayBefore { month, day, .. } => {
                // 2001 is not a leap year: 29 February fails here, as it
                // must, since the anchor has to exist every year.
                let Some(anchor) = NaiveDate::from_ymd_opt(2001, month, day) else {
                    return Err(invalid(format!(
                        "month {month}, day {day} is not a date in every year"
                    )));
                };
                if anchor.ordinal() <= 7 {
                    return Err(invalid(format!(
                        "the weekday before month {month}, day {day} can fall in the previous year; \
                         anchor it on 8 January or later"
                    )));
                }
            }
            HolidayDate::FixedOnWeekdays {
                month,
                day,
                ref weekdays,
            } => {
                if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
                    return Err(invalid(format!("month {month}, day {day} is not a date")));
                }
                if weekdays.is_empty() {
                    return Err(invalid("the list of weekdays is empty".to_string()));
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
    /// holidays separated by `; `. A local name stands between the German
    /// and the English one: `Fronleichnam / Fête-Dieu / Corpus Christi`.
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
            .map(|n| match &n.local {
                Some(local) => format!("{} / {local} / {}", n.de, n.en),
                None => format!("{} / {}", n.de, n.en),
            })
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
        let rules = crate::munich_holiday_rules();
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
    fn repentance_day_is_the_wednesday_before_23_november() {
        let rule = HolidayDate::WeekdayBefore {
            weekday: Weekday::Wed,
            month: 11,
            day: 23,
        };
        // 23 November 1995 is a Thursday: the day before. 2026: 23
        // November is a Monday. 2022 and 2033: 23 November is itself a
        // Wednesday, which never counts, so a week before.
        for (year, day) in [
            (1995, 22),
            (2022, 16),
            (2025, 19),
            (2026, 18),
            (2027, 17),
            (2033, 16),
            (2099, 18),
        ] {
            assert_eq!(rule.in_year(year), Some(date(year, 11, day)), "{year}");
        }
        for year in 1995..=2099 {
            let d = rule.in_year(year).unwrap();
            assert_eq!(d.weekday(), Weekday::Wed);
            assert!((16..=22).contains(&d.day()), "{d}");
        }
    }

    #[test]
    fn weekday_before_anchors_that_could_leave_the_year_are_invalid() {
        let rule = |month, day| {
            HolidayRule::new(
                HolidayDate::WeekdayBefore {
                    weekday: Weekday::Mon,
                    month,
                    day,
                },
                "X",
                "Early",
            )
        };
        assert_eq!(
            rule(1, 7).validate().unwrap_err().to_string(),
            "invalid holiday rule 'Early': the weekday before month 1, day 7 can fall in the \
             previous year; anchor it on 8 January or later"
        );
        assert!(rule(1, 8).validate().is_ok());
        assert_eq!(
            rule(2, 29).validate().unwrap_err().to_string(),
            "invalid holiday rule 'Early': month 2, day 29 is not a date in every year"
        );
        // The first Monday of the year: the Monday before 8 January.
        assert_eq!(rule(1, 8).in_year(2029), Some(date(2029, 1, 1)));
    }

    #[test]
    fn fixed_on_weekdays_needs_a_weekday_and_a_date() {
        let rule = |weekdays| {
            HolidayRule::new(
                HolidayDate::FixedOnWeekdays {
                    month: 12,
                    day: 26,
                    weekdays,
                },
                "X",
                "Boxing",
            )
        };
        assert_eq!(
            rule(vec![]).validate().unwrap_err().to_string(),
            "invalid holiday rule 'Boxing': the list of weekdays is empty"
        );
        let monday_only = rule(vec![Weekday::Mon]);
        assert_eq!(monday_only.in_year(2022), Some(date(2022, 12, 26)));
        assert_eq!(monday_only.in_year(2023), None);
    }

    #[test]
    fn leap_day_rule_applies_in_leap_years_only() {
        let rule = HolidayRule::new(HolidayDate::Fixed { month: 2, day: 29 }, "X", "Leap");
        assert!(rule.validate().is_ok());
        assert_eq!(rule.in_year(2028), Some(date(2028, 2, 29)));
        assert_eq!(rule.in_year(2027), None);
    }
}
