//! Zones by name, and the text form of an instant in the calendar's zone:
//! RFC 3339 with the zone's name in brackets,
//! `2026-12-21T15:00:00+01:00[Europe/Berlin]`, as the text forms (a
//! status's `Display`) write it. JSON writes the instant and the zone
//! apart (`crate::wire`).
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

/// An IANA zone by name; an unknown name is the crate's error, naming the
/// closest valid names.
pub(crate) fn parse_zone(name: &str) -> Result<Tz> {
    name.parse::<Tz>().map_err(|_| {
        Reason::UnknownTimeZone {
            input: shown(name),
            closest: closest_zones(name).join(", "),
        }
        .into()
    })
}

/// The three IANA names nearest to `name` (letter case aside), so that a
/// typo's message shows the name meant: "Europe/Munich" is not a zone,
/// "Europe/Berlin" (Munich's) is among the names it offers.
fn closest_zones(name: &str) -> Vec<&'static str> {
    // Names are compared up to their first 64 bytes: no zone name is
    // longer, and a hostile input costs no more than that.
    let wanted: Vec<char> = name.chars().take(64).flat_map(char::to_lowercase).collect();
    let mut scored: Vec<(usize, &'static str)> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| {
            let candidate: Vec<char> = tz.name().chars().flat_map(char::to_lowercase).collect();
            (edit_distance(&wanted, &candidate), tz.name())
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, name)| name).collect()
}

/// Levenshtein distance, one row at a time.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
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
