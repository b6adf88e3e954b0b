//! The response policy: a target for every priority.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, TimeZone};
use chrono_tz::Tz;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::duration::BusinessDuration;
use crate::error::{Reason, Result, shown};
use crate::priority::{Language, Priority};

/// How much business time a first response may take.
///
/// Days are converted with the calendar's
/// [`business_day`](Calendar::business_day) length, so "1 business day" is
/// 8 hours on the Munich calendar. With the `serde` feature a target is
/// written `{"business_hours": 4}` or `{"business_days": 1}`.
///
/// # Example
///
/// ```
/// use sla_clock::{BusinessDuration, Calendar, ResponseTarget};
///
/// let cal = Calendar::munich();
/// assert_eq!(ResponseTarget::BusinessDays(2).duration(&cal), BusinessDuration::from_hours(16));
/// assert_eq!(ResponseTarget::BusinessDays(1).to_string(), "1 business day");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ResponseTarget {
    /// Business minutes.
    BusinessMinutes(u32),
    /// Business hours.
    BusinessHours(u32),
    /// Business days of the calendar's standard length.
    BusinessDays(u32),
}

impl ResponseTarget {
    /// The target as business time on `calendar`: the one place days
    /// become business time, as many of the calendar's
    /// [`business_day`](Calendar::business_day)s.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar, ResponseTarget};
    /// let cal = Calendar::munich();
    /// assert_eq!(ResponseTarget::BusinessHours(4).duration(&cal), BusinessDuration::from_hours(4));
    /// assert_eq!(ResponseTarget::BusinessDays(2).duration(&cal), BusinessDuration::from_hours(16));
    /// ```
    pub fn duration(self, calendar: &Calendar) -> BusinessDuration {
        match self {
            ResponseTarget::BusinessMinutes(m) => BusinessDuration::from_minutes(i64::from(m)),
            ResponseTarget::BusinessHours(h) => BusinessDuration::from_hours(i64::from(h)),
            ResponseTarget::BusinessDays(d) => {
                BusinessDuration::from_nanos(calendar.business_day().as_nanos() * i128::from(d))
            }
        }
    }
}

impl fmt::Display for ResponseTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, unit) = match *self {
            ResponseTarget::BusinessMinutes(n) => (n, "business minute"),
            ResponseTarget::BusinessHours(n) => (n, "business hour"),
            ResponseTarget::BusinessDays(n) => (n, "business day"),
        };
        write!(f, "{n} {unit}{}", if n == 1 { "" } else { "s" })
    }
}

/// Reads what `Display` writes: a whole number, then `business minutes`,
/// `business hours` or `business days` (the singular too).
///
/// ```
/// use sla_clock::ResponseTarget;
/// assert_eq!("4 business hours".parse::<ResponseTarget>()?, ResponseTarget::BusinessHours(4));
/// assert_eq!("1 business day".parse::<ResponseTarget>()?, ResponseTarget::BusinessDays(1));
/// assert!("4h".parse::<ResponseTarget>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for ResponseTarget {
    type Err = crate::Error;
    fn from_str(text: &str) -> Result<ResponseTarget> {
        let invalid = || -> crate::Error { Reason::InvalidTarget { input: shown(text) }.into() };
        let (number, unit) = text.split_once(' ').ok_or_else(invalid)?;
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let n: u32 = number.parse().map_err(|_| invalid())?;
        let unit = unit.strip_suffix('s').unwrap_or(unit);
        match unit {
            "business minute" => Ok(ResponseTarget::BusinessMinutes(n)),
            "business hour" => Ok(ResponseTarget::BusinessHours(n)),
            "business day" => Ok(ResponseTarget::BusinessDays(n)),
            _ => Err(invalid()),
        }
    }
}

/// The response target of every priority.
///
/// [`Policy::default`] is the support policy's table and the one place it
/// is written down: Urgent 4 business hours, High 1 business day, Normal 2,
/// Low 5. Services load their own from JSON with the `serde` feature
/// (`data/default-policy.json` is a template).
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, Policy, Priority};
///
/// let cal = Calendar::munich();
/// let created = cal.parse_datetime("2026-12-18T16:00")?;
/// let due = Policy::default().due(&cal, Priority::Urgent, &created)?;
/// assert_eq!(due.to_rfc3339(), "2026-12-21T12:00:00+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Policy {
    /// Target for [`Priority::Urgent`].
    pub urgent: ResponseTarget,
    /// Target for [`Priority::High`].
    pub high: ResponseTarget,
    /// Target for [`Priority::Normal`].
    pub normal: ResponseTarget,
    /// Target for [`Priority::Low`].
    pub low: ResponseTarget,
}

impl Default for Policy {
    /// The support policy's table: Urgent 4 business hours, High 1
    /// business day, Normal 2, Low 5.
    ///
    /// ```
    /// use sla_clock::{Policy, ResponseTarget};
    /// assert_eq!(Policy::default().urgent, ResponseTarget::BusinessHours(4));
    /// ```
    fn default() -> Self {
        Policy {
            urgent: ResponseTarget::BusinessHours(4),
            high: ResponseTarget::BusinessDays(1),
            normal: ResponseTarget::BusinessDays(2),
            low: ResponseTarget::BusinessDays(5),
        }
    }
}

#[cfg(feature = "serde")]
impl Policy {
    /// Reads a policy from JSON text (the form of
    /// `data/default-policy.json`; a leading byte order mark is skipped).
    ///
    /// # Errors
    ///
    /// The crate's error with the line and column, of kind
    /// [`Json`](crate::ErrorKind::Json) for text that is not JSON or a
    /// missing, unknown or mistyped field, else of the mistake's kind.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{ErrorKind, Policy, ResponseTarget};
    /// let text = r#"{"urgent": {"business_hours": 2}, "high": {"business_days": 1},
    ///               "normal": {"business_days": 2}, "low": {"business_days": 5}}"#;
    /// assert_eq!(Policy::from_json(text)?.urgent, ResponseTarget::BusinessHours(2));
    /// let err = Policy::from_json(r#"{"urgent": {"business_hours": 2}}"#).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Json);
    /// assert_eq!(err.to_string(), "policy JSON, line 1 column 33: missing field `high`");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Policy> {
        crate::error::from_json(text, "policy")
    }
}

impl Policy {
    /// The target for `priority`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Policy, Priority, ResponseTarget};
    /// assert_eq!(Policy::default().target(Priority::Low), ResponseTarget::BusinessDays(5));
    /// ```
    pub fn target(&self, priority: Priority) -> ResponseTarget {
        match priority {
            Priority::Urgent => self.urgent,
            Priority::High => self.high,
            Priority::Normal => self.normal,
            Priority::Low => self.low,
        }
    }

    /// The due instant of a ticket of `priority` created at `created`, in
    /// the calendar's zone: [`Calendar::due`] with this policy's target.
    ///
    /// # Errors
    ///
    /// As [`Calendar::due`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Policy, Priority};
    ///
    /// let cal = Calendar::munich();
    /// let created = cal.parse_datetime("2026-12-23T15:00")?;
    /// let due = Policy::default().due(&cal, Priority::Normal, &created)?;
    /// assert_eq!(due.to_rfc3339(), "2026-12-28T15:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due<T: TimeZone>(
        &self,
        calendar: &Calendar,
        priority: Priority,
        created: &DateTime<T>,
    ) -> Result<DateTime<Tz>> {
        calendar.due(created, self.target(priority).duration(calendar))
    }
}

/// A text in German and English.
///
/// # Example
///
/// ```
/// use sla_clock::{Language, Priority, PriorityTexts};
/// let texts = PriorityTexts::default();
/// assert_eq!(texts.get(Priority::Low).effort.get(Language::English), "Requires no immediate action.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Text {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
}

impl Text {
    fn new(de: &str, en: &str) -> Text {
        Text {
            de: de.into(),
            en: en.into(),
        }
    }

    /// The text in `language`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Language, Priority, PriorityTexts};
    /// let urgent = &PriorityTexts::default().urgent;
    /// assert_eq!(urgent.definition.get(Language::German), "Das Produkt funktioniert nicht (Totalausfall)");
    /// ```
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::German => &self.de,
            Language::English => &self.en,
        }
    }
}

/// What one priority means for the product and what support commits to
/// do ("Unser Einsatz").
///
/// # Example
///
/// ```
/// use sla_clock::{Language, PriorityText, Text};
/// let text = PriorityText {
///     definition: Text { de: "Alles steht".into(), en: "Everything is down".into() },
///     effort: Text { de: "Sofort".into(), en: "At once".into() },
/// };
/// assert_eq!(text.definition.get(Language::English), "Everything is down");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriorityText {
    /// What the priority means.
    pub definition: Text,
    /// What support does about it.
    pub effort: Text,
}

/// The policy's words for each priority. What a priority means depends on
/// a desk's product, so they are data a desk replaces with its own, not
/// part of [`Priority`]. [`PriorityTexts::default`] describes the
/// priorities without naming a product; `data/priority-texts.json` is the
/// same as a template (its README says where the defaults come from).
///
/// # Example
///
/// ```
/// use sla_clock::{Language, Priority, PriorityTexts};
///
/// let texts = PriorityTexts::default();
/// assert_eq!(
///     texts.get(Priority::Urgent).definition.get(Language::English),
///     "The product does not work (a total outage)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriorityTexts {
    /// Urgent.
    pub urgent: PriorityText,
    /// High.
    pub high: PriorityText,
    /// Normal.
    pub normal: PriorityText,
    /// Low.
    pub low: PriorityText,
}

impl PriorityTexts {
    /// The texts of `priority`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Language, Priority, PriorityTexts};
    /// let low = PriorityTexts::default().get(Priority::Low).effort.get(Language::German).to_string();
    /// assert_eq!(low, "Erfordert keine sofortigen Maßnahmen.");
    /// ```
    pub fn get(&self, priority: Priority) -> &PriorityText {
        match priority {
            Priority::Urgent => &self.urgent,
            Priority::High => &self.high,
            Priority::Normal => &self.normal,
            Priority::Low => &self.low,
        }
    }
}

impl Default for PriorityTexts {
    /// The default policy's texts, the one place they are written down.
    fn default() -> Self {
        let text = |definition: [&str; 2], effort: [&str; 2]| PriorityText {
            definition: Text::new(definition[0], definition[1]),
            effort: Text::new(effort[0], effort[1]),
        };
        PriorityTexts {
            urgent: text(
                [
                    "Das Produkt funktioniert nicht (Totalausfall)",
                    "The product does not work (a total outage)",
                ],
                [
                    "Kontinuierliche Arbeit zur schnellstmöglichen Lösung des Problems oder \
                     Schaffung einer Umgehungslösung bei wirtschaftlich vertretbarem Aufwand.",
                    "Continuous work to solve the problem or provide a workaround as quickly \
                     as possible, at economically reasonable effort.",
                ],
            ),
            high: text(
                [
                    "Erhebliche Einschränkungen in der Nutzung des Produkts",
                    "Significant restrictions in the use of the product",
                ],
                [
                    "Kontinuierliche Arbeit zur schnellstmöglichen Schaffung einer \
                     Umgehungslösung bei wirtschaftlich vertretbarem Aufwand.",
                    "Continuous work to provide a workaround as quickly as possible, at \
                     economically reasonable effort.",
                ],
            ),
            normal: text(
                [
                    "Mittlere bis geringe Auswirkungen auf die Verfügbarkeit des Produkts",
                    "Medium to low impact on the availability of the product",
                ],
                [
                    "Erfordert keine sofortigen Maßnahmen. Fehler können korrigiert werden, \
                     indem ein Fix in das nächste Software/Code Service Release eingefügt wird.",
                    "Requires no immediate action. Defects can be corrected by including a \
                     fix in the next software/code service release.",
                ],
            ),
            low: text(
                [
                    "Minimale bis keine Auswirkungen auf die Verfügbarkeit des Produkts",
                    "Minimal to no impact on the availability of the product",
                ],
                [
                    "Erfordert keine sofortigen Maßnahmen.",
                    "Requires no immediate action.",
                ],
            ),
        }
    }
}
