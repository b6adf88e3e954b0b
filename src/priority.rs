//! Ticket priorities and what the support policy says about each.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Reason, Result, shown};

/// A language for texts meant for customers.
///
/// # Example
///
/// ```
/// use sla_clock::{Language, Priority};
/// assert_eq!(Priority::High.name(Language::German), "Hoch");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// Deutsch, the language of the policy.
    German,
    /// English.
    English,
}

/// How urgent a ticket is, from the support policy's table.
///
/// Read case-insensitively from the English or German name; displayed in
/// English. With the `serde` feature it is written as the lowercase English
/// name and read from any accepted name.
///
/// Priorities are ordered from the most urgent: `Urgent < High < Normal <
/// Low`, so sorting tickets by priority puts the urgent ones first.
///
/// # Example
///
/// ```
/// use sla_clock::Priority;
///
/// assert!(Priority::Urgent < Priority::Low);
/// let p: Priority = "Dringend".parse()?;
/// assert_eq!(p, Priority::Urgent);
/// assert_eq!(p.to_string(), "urgent");
/// assert_eq!("NIEDRIG".parse::<Priority>()?, Priority::Low);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// Dringend: the product does not work (a total outage).
    Urgent,
    /// Hoch: significant restrictions in use.
    High,
    /// Normal: medium to low impact.
    Normal,
    /// Niedrig: minimal or no impact.
    Low,
}

/// Per priority: the lowercase English name (display, serde) and the
/// names (de, en) of the policy's table. What each priority means for one
/// product is policy data: [`PriorityTexts`](crate::PriorityTexts).
const NAMES: [(&str, [&str; 2]); 4] = [
    ("urgent", ["Dringend", "Urgent"]),
    ("high", ["Hoch", "High"]),
    ("normal", ["Normal", "Normal"]),
    ("low", ["Niedrig", "Low"]),
];

impl Priority {
    /// All priorities, most urgent first.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Priority;
    /// assert_eq!(Priority::ALL[0], Priority::Urgent);
    /// ```
    pub const ALL: [Priority; 4] = [
        Priority::Urgent,
        Priority::High,
        Priority::Normal,
        Priority::Low,
    ];

    fn names(self) -> &'static (&'static str, [&'static str; 2]) {
        &NAMES[self as usize]
    }

    fn pick(pair: &'static [&'static str; 2], language: Language) -> &'static str {
        match language {
            Language::German => pair[0],
            Language::English => pair[1],
        }
    }

    /// The name in `language`, capitalised as in the policy.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Language, Priority};
    /// assert_eq!(Priority::Low.name(Language::German), "Niedrig");
    /// assert_eq!(Priority::Low.name(Language::English), "Low");
    /// ```
    pub fn name(self, language: Language) -> &'static str {
        Self::pick(&self.names().1, language)
    }
}

impl FromStr for Priority {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self> {
        Priority::ALL
            .into_iter()
            .find(|p| {
                let [de, en] = p.names().1;
                s.eq_ignore_ascii_case(en) || s.eq_ignore_ascii_case(de)
            })
            .ok_or_else(|| Reason::UnknownPriority { input: shown(s) }.into())
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.names().0)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Priority {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.names().0)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Priority {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(crate::error::de)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_accepted_name_parses() {
        let cases = [
            ("urgent", Priority::Urgent),
            ("DRINGEND", Priority::Urgent),
            ("High", Priority::High),
            ("hoch", Priority::High),
            ("nOrMaL", Priority::Normal),
            ("low", Priority::Low),
            ("Niedrig", Priority::Low),
        ];
        for (text, want) in cases {
            assert_eq!(text.parse::<Priority>().unwrap(), want, "{text}");
        }
    }

    #[test]
    fn unknown_names_list_the_accepted_ones() {
        for bad in ["", "urgent ", "critical", "p1", "höch"] {
            assert_eq!(
                bad.parse::<Priority>().unwrap_err().to_string(),
                format!(
                    "unknown priority '{bad}'; expected one of urgent, high, normal, low \
                     (or in German: dringend, hoch, normal, niedrig)"
                )
            );
        }
    }
}
