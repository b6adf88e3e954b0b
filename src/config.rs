//! Calendar definitions as plain data, for loading from configuration.

use chrono::Weekday;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, typical_day};
use crate::date_range::DateRange;
use crate::duration::BusinessDuration;
use crate::error::Result;
use crate::holidays::HolidayRule;
use crate::limits;
use crate::schedule::{DailyWindow, WeeklySchedule, weekday_name};
use crate::special_hours::SpecialHours;

/// The opening windows of each weekday, as configuration. Days left out
/// are closed.
///
/// # Example
///
/// ```
/// use sla_clock::WeekConfig;
/// let week = WeekConfig { saturday: vec!["10:00-14:00".parse()?], ..WeekConfig::default() };
/// assert!(week.monday.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct WeekConfig {
    /// Monday's windows.
    pub monday: Vec<DailyWindow>,
    /// Tuesday's windows.
    pub tuesday: Vec<DailyWindow>,
    /// Wednesday's windows.
    pub wednesday: Vec<DailyWindow>,
    /// Thursday's windows.
    pub thursday: Vec<DailyWindow>,
    /// Friday's windows.
    pub friday: Vec<DailyWindow>,
    /// Saturday's windows.
    pub saturday: Vec<DailyWindow>,
    /// Sunday's windows.
    pub sunday: Vec<DailyWindow>,
}

impl WeekConfig {
    fn days(&self) -> [(Weekday, &Vec<DailyWindow>); 7] {
        [
            (Weekday::Mon, &self.monday),
            (Weekday::Tue, &self.tuesday),
            (Weekday::Wed, &self.wednesday),
            (Weekday::Thu, &self.thursday),
            (Weekday::Fri, &self.friday),
            (Weekday::Sat, &self.saturday),
            (Weekday::Sun, &self.sunday),
        ]
    }
}

/// The holidays of a [`CalendarConfig`]: rules of your own, or the
/// built-in set of a region (see [`regions`](crate::regions)).
///
/// In JSON a set is either a list of rules or a region's code as a string:
/// `"holidays": "CH-ZH"`. A calendar always writes its holidays back as
/// rules, so that the file shows what the calendar does.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, CalendarConfig, HolidaySet, WeekConfig};
///
/// let config = CalendarConfig {
///     time_zone: "Europe/Zurich".into(),
///     week: WeekConfig { monday: vec!["08:00-17:00".parse()?], ..WeekConfig::default() },
///     holidays: HolidaySet::Region("CH-ZH".into()),
///     closures: vec![],
///     special_hours: vec![],
///     business_day_seconds: None,
/// };
/// let cal = Calendar::from_config(config)?;
/// assert_eq!(cal.holidays(2027)?.len(), 9);
/// // Written back as the rules themselves.
/// assert!(matches!(cal.to_config().holidays, HolidaySet::Rules(rules) if rules.len() == 9));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// With the `serde` feature, in JSON:
///
/// ```
/// # #[cfg(feature = "serde")] {
/// let json = r#"{"time_zone": "Europe/Zurich", "week": {"monday": ["08:00-17:00"]}, "holidays": "CH-ZH"}"#;
/// let cal: sla_clock::Calendar = serde_json::from_str(json).unwrap();
/// assert_eq!(cal.holidays(2027).unwrap().len(), 9);
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HolidaySet {
    /// The built-in set of the region with this code, such as `"DE-BE"`.
    Region(String),
    /// A list of rules.
    Rules(Vec<HolidayRule>),
}

impl Default for HolidaySet {
    /// No holidays: an empty list of rules.
    fn default() -> Self {
        HolidaySet::Rules(Vec::new())
    }
}

impl From<Vec<HolidayRule>> for HolidaySet {
    fn from(rules: Vec<HolidayRule>) -> Self {
        HolidaySet::Rules(rules)
    }
}

#[cfg(feature = "serde")]
impl Serialize for HolidaySet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            HolidaySet::Region(code) => s.serialize_str(code),
            HolidaySet::Rules(rules) => rules.serialize(s),
        }
    }
}

/// A string or a list, read directly rather than through an untagged
/// enum, so that a mistake inside a rule keeps its precise message.
#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for HolidaySet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct SetVisitor;
        impl<'de> serde::de::Visitor<'de> for SetVisitor {
            type Value = HolidaySet;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of holiday rules or a region code such as \"DE-BE\"")
            }
            fn visit_str<E: serde::de::Error>(
                self,
                code: &str,
            ) -> std::result::Result<HolidaySet, E> {
                Ok(HolidaySet::Region(code.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<HolidaySet, A::Error> {
                let mut rules = Vec::new();
                while let Some(rule) = seq.next_element::<HolidayRule>()? {
                    rules.push(rule);
                }
                Ok(HolidaySet::Rules(rules))
            }
        }
        d.deserialize_any(SetVisitor)
    }
}

/// A calendar definition as plain data: what a service keeps in its
/// configuration. `data/munich-calendar.json` is the default calendar in
/// this form, a template to copy.
///
/// With the `serde` feature, [`Calendar`] itself (de)serialises through
/// this type, so `serde_json::from_str::<Calendar>(text)` validates as it
/// loads.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, CalendarConfig};
///
/// let config = Calendar::munich().to_config();
/// assert_eq!(config.time_zone, "Europe/Berlin");
/// assert_eq!(Calendar::from_config(config)?, Calendar::munich());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CalendarConfig {
    /// IANA time zone name, such as `Europe/Berlin`.
    pub time_zone: String,
    /// Opening windows per weekday, such as `"10:00-18:00"`.
    pub week: WeekConfig,
    /// The holidays: a list of rules, or a region's code such as
    /// `"DE-BE"` (in JSON, `"holidays": "DE-BE"`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub holidays: HolidaySet,
    /// The calendar's own closures: dates (`"2026-12-31"`) or inclusive
    /// ranges (`"2026-12-24/2027-01-01"`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub closures: Vec<DateRange>,
    /// Opening hours of their own on some dates, winning over the weekday,
    /// holidays and closures: `{"date": "2026-12-24", "windows":
    /// ["10:00-14:00"]}`, where `date` may be a range and an empty list of
    /// windows closes. A later entry replaces an earlier one for the dates
    /// they share. Left out of JSON when empty.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub special_hours: Vec<SpecialHours>,
    /// Length of a business day in seconds (28800 for 8 hours); derived
    /// from the week when absent (see [`Calendar::business_day`]).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub business_day_seconds: Option<u32>,
}

impl Calendar {
    /// Builds a calendar from its definition, with every check of
    /// [`CalendarBuilder::build`](crate::CalendarBuilder::build).
    ///
    /// # Errors
    ///
    /// As [`CalendarBuilder::build`](crate::CalendarBuilder::build).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, CalendarConfig, HolidaySet, SpecialHours, WeekConfig};
    ///
    /// let config = CalendarConfig {
    ///     time_zone: "Europe/Vienna".into(),
    ///     week: WeekConfig { monday: vec!["08:00-16:00".parse()?], ..WeekConfig::default() },
    ///     holidays: HolidaySet::Region("AT".into()),
    ///     closures: vec!["2026-12-24/2027-01-01".parse()?],
    ///     special_hours: vec![SpecialHours { dates: "2026-12-23".parse()?, windows: vec!["08:00-12:00".parse()?] }],
    ///     business_day_seconds: None,
    /// };
    /// let cal = Calendar::from_config(config)?;
    /// assert_eq!(cal.zone(), chrono_tz::Europe::Vienna);
    /// assert_eq!(cal.closures()[0].days(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_config(config: CalendarConfig) -> Result<Calendar> {
        // Sizes first, so that a hostile file is refused before any work
        // that grows with it.
        for (day, windows) in config.week.days() {
            limits::check(
                format_args!(
                    "opening windows on {}",
                    weekday_name(day.num_days_from_monday() as usize)
                ),
                windows.len(),
                limits::MAX_WINDOWS_PER_DAY,
            )?;
        }
        if let HolidaySet::Rules(rules) = &config.holidays {
            limits::check("holiday rules", rules.len(), limits::MAX_HOLIDAY_RULES)?;
        }
        for special in &config.special_hours {
            limits::check(
                format_args!("opening windows on {}", special.dates),
                special.windows.len(),
                limits::MAX_WINDOWS_PER_DAY,
            )?;
        }
        let mut schedule = WeeklySchedule::closed();
        for (day, windows) in config.week.days() {
            for &w in windows {
                schedule.open(day, w);
            }
        }
        let mut builder = Calendar::builder_named(&config.time_zone).schedule(schedule);
        builder = match config.holidays {
            HolidaySet::Rules(rules) => builder.holidays(rules),
            HolidaySet::Region(code) => builder.holidays_of(&code),
        };
        for range in config.closures {
            builder = builder.closure(range);
        }
        for special in config.special_hours {
            builder = builder.special_windows(special.dates, special.windows);
        }
        if let Some(seconds) = config.business_day_seconds {
            builder = builder.business_day(BusinessDuration::from_secs(i64::from(seconds)));
        }
        builder.build()
    }

    /// The calendar's definition as plain data. The business-day length is
    /// written only when it differs from what the week implies.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    /// let config = Calendar::munich().to_config();
    /// assert_eq!(config.week.friday[0].to_string(), "10:00-18:00");
    /// assert_eq!(config.holidays, sla_clock::HolidaySet::Rules(sla_clock::munich_holiday_rules()));
    /// ```
    pub fn to_config(&self) -> CalendarConfig {
        let windows = |day| self.schedule().windows(day).to_vec();
        let week = WeekConfig {
            monday: windows(Weekday::Mon),
            tuesday: windows(Weekday::Tue),
            wednesday: windows(Weekday::Wed),
            thursday: windows(Weekday::Thu),
            friday: windows(Weekday::Fri),
            saturday: windows(Weekday::Sat),
            sunday: windows(Weekday::Sun),
        };
        let business_day_seconds = if typical_day(self.schedule()) == self.business_day() {
            None
        } else {
            // The builder keeps it to whole seconds of at most a day.
            u32::try_from(self.business_day().as_secs()).ok()
        };
        CalendarConfig {
            time_zone: self.zone().name().to_string(),
            week,
            holidays: HolidaySet::Rules(self.holiday_rules().to_vec()),
            closures: self.closures().to_vec(),
            special_hours: self.special_hours().to_vec(),
            business_day_seconds,
        }
    }
}

impl TryFrom<CalendarConfig> for Calendar {
    type Error = crate::Error;
    fn try_from(config: CalendarConfig) -> Result<Calendar> {
        Calendar::from_config(config)
    }
}

impl From<Calendar> for CalendarConfig {
    fn from(calendar: Calendar) -> CalendarConfig {
        calendar.to_config()
    }
}
