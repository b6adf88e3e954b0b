//! The text form of an instant in the calendar's zone: RFC 3339 with the
//! zone's name in brackets, `2026-12-21T15:00:00+01:00[Europe/Berlin]`.
//!
//! Results are `DateTime<chrono_tz::Tz>`, and RFC 3339 alone keeps the
//! offset but loses the zone, so it cannot be read back into one. The
//! bracketed suffix is RFC 9557's (the Internet Extended Date/Time Format,
//! also jiff's text form of a zoned date-time); a reader that knows only
//! RFC 3339 can cut it off at the `[`.

use chrono::{DateTime, Offset, SecondsFormat};
use chrono_tz::Tz;

use crate::error::{Reason, Result, shown};

/// `2026-12-21T15:00:00+01:00[Europe/Berlin]`, fractional seconds only
/// when there are any.
pub(crate) fn format(t: &DateTime<Tz>) -> String {
    format!(
        "{}[{}]",
        t.to_rfc3339_opts(SecondsFormat::AutoSi, false),
        t.timezone().name()
    )
}

/// Reads what [`format`] writes; the offset must be the zone's at that
/// instant.
pub(crate) fn parse(text: &str) -> Result<DateTime<Tz>> {
    let invalid = || -> crate::Error { Reason::InvalidZoned { input: shown(text) }.into() };
    let (instant, zone) = text
        .strip_suffix(']')
        .and_then(|t| t.split_once('['))
        .ok_or_else(invalid)?;
    let zone: Tz = zone.parse().map_err(|_| invalid())?;
    let instant = crate::input::parse_instant(instant).map_err(|_| invalid())?;
    let zoned = instant.with_timezone(&zone);
    if zoned.offset().fix() != *instant.offset() {
        return Err(invalid());
    }
    Ok(zoned)
}

/// `#[serde(with = "crate::zoned")]` for a `DateTime<Tz>` field.
#[cfg(feature = "serde")]
pub(crate) fn serialize<S: serde::Serializer>(
    t: &DateTime<Tz>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&format(t))
}

#[cfg(feature = "serde")]
pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<DateTime<Tz>, D::Error> {
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
    parse(&text).map_err(crate::error::de)
}

/// The same for an `Option<DateTime<Tz>>` field.
#[cfg(feature = "serde")]
pub(crate) mod option {
    use chrono::DateTime;
    use chrono_tz::Tz;

    pub(crate) fn serialize<S: serde::Serializer>(
        t: &Option<DateTime<Tz>>,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_some(&super::format(t)),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Option<DateTime<Tz>>, D::Error> {
        let text = <Option<std::borrow::Cow<'de, str>> as serde::Deserialize>::deserialize(d)?;
        text.map(|t| super::parse(&t).map_err(crate::error::de))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes_and_checks_the_offset() {
        let t = parse("2026-12-21T15:00:00+01:00[Europe/Berlin]").unwrap();
        assert_eq!(format(&t), "2026-12-21T15:00:00+01:00[Europe/Berlin]");
        let t = parse("2026-07-01T09:30:00.25+02:00[Europe/Berlin]").unwrap();
        assert_eq!(format(&t), "2026-07-01T09:30:00.250+02:00[Europe/Berlin]");
        for bad in [
            "2026-12-21T15:00:00+01:00",
            "2026-12-21T15:00:00+02:00[Europe/Berlin]",
            "2026-12-21T15:00:00+01:00[Europe/Munich]",
            "2026-12-21T15:00[Europe/Berlin]",
        ] {
            assert_eq!(
                parse(bad).unwrap_err().to_string(),
                format!(
                    "invalid zoned date-time '{bad}'; expected RFC 3339 with the zone's offset \
                     and its name in brackets, like 2026-12-21T15:00:00+01:00[Europe/Berlin]"
                )
            );
        }
    }
}
