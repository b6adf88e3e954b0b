//! How the crate's values travel as JSON, and helpers to put its instants
//! in your own serde types, written
//! as the crate writes its own (see `docs/SERVICE.md`):
//!
//! - [`instant`]: a `DateTime<FixedOffset>` as RFC 3339 with its offset,
//!   `"2026-12-21T15:00:00+01:00"`; read from RFC 3339 (`Z` too) or RFC
//!   9557 (`2026-12-21T15:00:00+01:00[Europe/Berlin]`, the offset checked
//!   against the zone).
//! - [`zoned`]: a `DateTime<Tz>` as an object with the instant and the
//!   zone in a field of its own, `{"at": "2026-12-21T15:00:00+01:00",
//!   "zone": "Europe/Berlin"}`, so that a reader of RFC 3339 alone (a
//!   JavaScript `Date`, Python's `datetime.fromisoformat`, PostgreSQL's
//!   `timestamptz`) reads the instant and the zone is not lost.
//!
//! # Example
//!
//! ```
//! use sla_clock::chrono::{DateTime, FixedOffset};
//! use sla_clock::{Calendar, Tz};
//!
//! #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
//! struct Ticket {
//!     #[serde(with = "sla_clock::wire::instant")]
//!     opened: DateTime<FixedOffset>,
//!     #[serde(with = "sla_clock::wire::zoned")]
//!     due: DateTime<Tz>,
//! }
//!
//! let cal = Calendar::munich();
//! let ticket = Ticket {
//!     opened: cal.parse_datetime("2026-12-18T16:00")?,
//!     due: cal.due(&cal.parse_datetime("2026-12-18T16:00")?, sla_clock::BusinessDuration::from_hours(4))?,
//! };
//! let json = serde_json::to_string(&ticket)?;
//! assert_eq!(
//!     json,
//!     r#"{"opened":"2026-12-18T16:00:00+01:00","due":{"at":"2026-12-21T12:00:00+01:00","zone":"Europe/Berlin"}}"#
//! );
//! assert_eq!(serde_json::from_str::<Ticket>(&json)?, ticket);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, SecondsFormat, TimeZone};

/// An instant as RFC 3339 with the offset in force, fractional seconds
/// only when there are any: the crate's one written form of an instant.
pub(crate) fn rfc3339<T: TimeZone>(t: &DateTime<T>) -> String
where
    T::Offset: std::fmt::Display,
{
    t.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// A `DateTime<FixedOffset>` field as RFC 3339 text: `#[serde(with =
/// "sla_clock::wire::instant")]`.
pub mod instant {
    use chrono::{DateTime, FixedOffset};

    use super::rfc3339;

    /// Writes RFC 3339 with the value's offset.
    pub fn serialize<S: serde::Serializer>(
        t: &DateTime<FixedOffset>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(&rfc3339(t))
    }

    /// Reads RFC 3339 or RFC 9557.
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        crate::input::parse_instant(&text).map_err(crate::error::de)
    }

    /// The same for an `Option<DateTime<FixedOffset>>` field, `null` for
    /// none: `#[serde(with = "sla_clock::wire::instant::option")]`.
    pub mod option {
        use chrono::{DateTime, FixedOffset};

        use super::rfc3339;

        /// Writes RFC 3339, or `null`.
        pub fn serialize<S: serde::Serializer>(
            t: &Option<DateTime<FixedOffset>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_some(&rfc3339(t)),
                None => s.serialize_none(),
            }
        }

        /// Reads RFC 3339 or RFC 9557, or `null`.
        pub fn deserialize<'de, D: serde::Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
            let text = <Option<std::borrow::Cow<'de, str>> as serde::Deserialize>::deserialize(d)?;
            text.map(|t| crate::input::parse_instant(&t).map_err(crate::error::de))
                .transpose()
        }
    }
}

/// A `DateTime<Tz>` field as `{"at": RFC 3339, "zone": IANA name}`:
/// `#[serde(with = "sla_clock::wire::zoned")]`.
pub mod zoned {
    use chrono::{DateTime, FixedOffset};
    use chrono_tz::Tz;

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Zoned {
        #[serde(with = "super::instant")]
        at: DateTime<FixedOffset>,
        zone: String,
    }

    /// Writes the instant with its zone's offset, and the zone's name.
    pub fn serialize<S: serde::Serializer>(t: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(
            &Zoned {
                at: t.fixed_offset(),
                zone: t.timezone().name().to_string(),
            },
            s,
        )
    }

    /// Reads the instant (RFC 3339 or RFC 9557) into the named zone.
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<Tz>, D::Error> {
        let z = <Zoned as serde::Deserialize>::deserialize(d)?;
        let zone = crate::zoned::parse_zone(&z.zone).map_err(crate::error::de)?;
        Ok(z.at.with_timezone(&zone))
    }
}

/// Reads a JSON document written by people (a configuration file, an
/// event): at most [`MAX_CONFIG_BYTES`](crate::limits::MAX_CONFIG_BYTES),
/// a leading byte order mark skipped, into the crate's error when it
/// fails, with its kind and the line and column. `what` names the
/// document in the message ("calendar", "policy").
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    text: &str,
    what: &'static str,
) -> crate::Result<T> {
    let bytes = crate::limits::config_bytes(text.as_bytes())?;
    crate::error::forget_kept();
    serde_json::from_slice(bytes).map_err(|e| crate::error::json_error(&e, what))
}
