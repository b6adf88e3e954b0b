//! Calendar definitions as plain data, for loading from configuration.

use chrono::Weekday;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::date_range::DateRange;
use crate::error::Result;
use crate::holidays::HolidayRule;
use crate::schedule::{DailyWindow, WeeklySchedule, weekday_name};
use crate::special_hours::SpecialHours;
use crate::validation::{check_holiday_rule_count, check_window_count};

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
    pub(crate) fn days(&self) -> [(Weekday, &Vec<DailyWindow>); 7] {
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

    /// The week as a schedule, not yet checked.
    pub(crate) fn schedule(&self) -> WeeklySchedule {
        let mut schedule = WeeklySchedule::closed();
        for (day, windows) in self.days() {
            for &w in windows {
                schedule.open(day, w);
            }
        }
        schedule
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
/// let cal = Calendar::try_from(config)?;
/// assert_eq!(cal.holidays(2027)?.len(), 9);
/// // Written back as the rules themselves.
/// assert!(matches!(CalendarConfig::from(&cal).holidays, HolidaySet::Rules(rules) if rules.len() == 9));
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
                // Checked here, so that the error points into the file; kept
                // as the region spells its code, whatever the letter case.
                let region = crate::regions::Region::find(code).map_err(crate::error::de)?;
                Ok(HolidaySet::Region(region.code().to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<HolidaySet, A::Error> {
                let mut rules = Vec::new();
                while let Some(rule) = seq.next_element::<HolidayRule>()? {
                    // Each rule, and the count, checked as read: the error
                    // points at the rule, and a hostile list stops early.
                    rule.validate().map_err(crate::error::de)?;
                    rules.push(rule);
                    check_holiday_rule_count(rules.len()).map_err(crate::error::de)?;
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
/// With the `serde` feature, [`Calendar`](crate::Calendar) itself (de)serialises through
/// this type, so `serde_json::from_str::<Calendar>(text)` validates as it
/// loads.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, CalendarConfig};
///
/// let config = CalendarConfig::from(&Calendar::munich());
/// assert_eq!(config.time_zone, "Europe/Berlin");
/// assert_eq!(Calendar::try_from(config)?, Calendar::munich());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CalendarConfig {
    /// IANA time zone name, such as `Europe/Berlin`.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "checked::zone"))]
    pub time_zone: String,
    /// Opening windows per weekday, such as `"10:00-18:00"`.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "checked::week"))]
    pub week: WeekConfig,
    /// The holidays: a list of rules, or a region's code such as
    /// `"DE-BE"` (in JSON, `"holidays": "DE-BE"`; `"holidays": []` for
    /// none). Required in JSON: a calendar that left it out would silently
    /// have no holidays, unlike the default calendar.
    pub holidays: HolidaySet,
    /// The calendar's own closures: dates (`"2026-12-31"`) or inclusive
    /// ranges (`"2026-12-24/2027-01-01"`).
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "checked::closures")
    )]
    pub closures: Vec<DateRange>,
    /// Opening hours of their own on some dates, winning over the weekday,
    /// holidays and closures: `{"date": "2026-12-24", "windows":
    /// ["10:00-14:00"]}`, where `date` may be a range and an empty list of
    /// windows closes. A later entry replaces an earlier one for the dates
    /// they share. Left out of JSON when empty.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "checked::special_hours"
        )
    )]
    pub special_hours: Vec<SpecialHours>,
    /// Length of a business day in seconds (28800 for 8 hours); derived
    /// from the week when absent (see
    /// [`Calendar::business_day`](crate::Calendar::business_day)).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "checked::day_length"
        )
    )]
    pub business_day_seconds: Option<u32>,
}

impl CalendarConfig {
    /// The sizes of a configuration that the building grows with: windows per
    /// day, holiday rules, windows per date with special hours.
    pub(crate) fn check_sizes(&self) -> Result<()> {
        for (day, windows) in self.week.days() {
            check_window_count(
                weekday_name(day.num_days_from_monday() as usize),
                windows.len(),
            )?;
        }
        if let HolidaySet::Rules(rules) = &self.holidays {
            check_holiday_rule_count(rules.len())?;
        }
        for special in &self.special_hours {
            check_window_count(special.dates, special.windows.len())?;
        }
        Ok(())
    }
}

/// Each part of a calendar file checked as it is read, by the same rules as
/// [`CalendarBuilder::build`](crate::CalendarBuilder::build), so that a
/// mistake is reported with its line and column.
#[cfg(feature = "serde")]
mod checked {
    use serde::de::{Deserialize, Deserializer};

    use super::WeekConfig;
    use crate::date_range::DateRange;
    use crate::duration::BusinessDuration;
    use crate::special_hours::SpecialHours;
    use crate::validation::{check_closure, check_day_length, check_special_hours, check_zone};

    type Result<T, E> = std::result::Result<T, E>;

    pub(super) fn zone<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let name = String::deserialize(d)?;
        check_zone(&name).map_err(crate::error::de)?;
        Ok(name)
    }

    pub(super) fn week<'de, D: Deserializer<'de>>(d: D) -> Result<WeekConfig, D::Error> {
        let week = WeekConfig::deserialize(d)?;
        // Whether the week opens at all is the builder's to check: special
        // hours may give every date its hours instead.
        week.schedule().validate_days().map_err(crate::error::de)?;
        Ok(week)
    }

    pub(super) fn closures<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<DateRange>, D::Error> {
        let closures = Vec::<DateRange>::deserialize(d)?;
        for &range in &closures {
            check_closure(range).map_err(crate::error::de)?;
        }
        Ok(closures)
    }

    pub(super) fn special_hours<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<SpecialHours>, D::Error> {
        let special = Vec::<SpecialHours>::deserialize(d)?;
        for entry in &special {
            check_special_hours(entry.dates, &entry.windows).map_err(crate::error::de)?;
        }
        Ok(special)
    }

    pub(super) fn day_length<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        let seconds = Option::<u32>::deserialize(d)?;
        if let Some(s) = seconds {
            check_day_length(BusinessDuration::from_secs(i64::from(s)))
                .map_err(crate::error::de)?;
        }
        Ok(seconds)
    }
}
