//! Reading date-times the way people and scripts write them.

use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
};
use chrono_tz::Tz;

use crate::error::{Reason, Result, shown};

/// What the text looked like, checked before chrono sees it: chrono's own
/// parsers are lenient in ways that would make a typo mean a date
/// (`2026-12-23T5:00`, a leading `+`, a space for the `T` that would split a
/// batch line into three fields).
#[derive(Debug, PartialEq, Eq)]
enum Shape {
    /// `YYYY-MM-DDTHH:MM:SS[.f]` followed by `Z` or `±HH:MM`.
    Rfc3339,
    /// `YYYY-MM-DDTHH:MM[:SS[.f]]` with no offset.
    Local,
}

fn shape(s: &str) -> Option<Shape> {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    let date_time_ok = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && matches!(b.get(10), Some(b'T' | b't'))
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16);
    if !date_time_ok {
        return None;
    }
    let mut i = 16;
    let has_seconds = b.get(i) == Some(&b':');
    if has_seconds {
        if !digits(i + 1..i + 3) {
            return None;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            let frac = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if frac == 0 {
                return None;
            }
            i += 1 + frac;
        }
    }
    match &b[i..] {
        [] => Some(Shape::Local),
        [b'Z' | b'z'] if has_seconds => Some(Shape::Rfc3339),
        [b'+' | b'-', _, _, b':', _, _]
            if has_seconds && digits(i + 1..i + 3) && digits(i + 4..i + 6) =>
        {
            Some(Shape::Rfc3339)
        }
        _ => None,
    }
}

/// An RFC 9557 instant, `2026-12-21T15:00:00+01:00[Europe/Berlin]`: RFC
/// 3339 with the zone's name in brackets, whose offset at that instant must
/// be the one written. `None` when `text` has no bracketed suffix.
fn bracketed(text: &str) -> Option<Result<DateTime<FixedOffset>>> {
    let (instant, zone) = text.strip_suffix(']')?.split_once('[')?;
    let invalid = || -> crate::Error { Reason::InvalidZoned { input: shown(text) }.into() };
    Some((|| {
        let zone: Tz = zone.parse().map_err(|_| invalid())?;
        let at = parse_instant(instant).map_err(|_| invalid())?;
        if at.with_timezone(&zone).offset().fix() != *at.offset() {
            return Err(invalid());
        }
        Ok(at)
    })())
}

/// An absolute instant in RFC 3339 (`2026-12-23T15:00:00+01:00`,
/// `...Z`), with the same strictness as
/// [`Calendar::parse_datetime`](crate::Calendar::parse_datetime); a
/// local date-time, which needs a calendar's zone, is refused.
pub(crate) fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>> {
    if let Some(zoned) = bracketed(text) {
        return zoned;
    }
    let malformed = || -> crate::Error { Reason::InvalidInstant { input: shown(text) }.into() };
    let leap = text.get(17..19) == Some("60");
    match shape(text) {
        Some(Shape::Rfc3339) if !leap => {
            DateTime::parse_from_rfc3339(text).map_err(|_| malformed())
        }
        _ => Err(malformed()),
    }
}

/// The body of [`Calendar::parse_datetime`](crate::Calendar::parse_datetime):
/// a local date-time is read in `zone`.
pub(crate) fn parse_datetime(zone: Tz, text: &str) -> Result<DateTime<FixedOffset>> {
    if let Some(zoned) = bracketed(text) {
        return zoned;
    }
    let malformed = || -> crate::Error { Reason::InvalidDateTime { input: shown(text) }.into() };
    // Leap seconds are valid RFC 3339 but have no place in business
    // time, and chrono would accept `:60` at any minute.
    let leap = text.get(17..19) == Some("60");
    match shape(text).ok_or_else(malformed)? {
        _ if leap => Err(malformed()),
        Shape::Rfc3339 => DateTime::parse_from_rfc3339(text).map_err(|_| malformed()),
        Shape::Local => {
            let naive = local_fields(text.as_bytes()).ok_or_else(malformed)?;
            resolve_local(zone, naive, text)
        }
    }
}

/// The date-time of text that [`shape`] found to be
/// [`Shape::Local`], from its fields (every digit where the shape has
/// one was checked there); `None` for a date or time that does not exist
/// on the calendar or clock (`2026-02-30`, `24:00`). As chrono's `%.f`
/// reads it, a fraction past nine digits is cut off. Read by hand rather
/// than with `NaiveDateTime::parse_from_str`, which parses its format
/// string on every call: a data pipeline reads millions of these.
fn local_fields(b: &[u8]) -> Option<NaiveDateTime> {
    let number = |digits: &[u8]| {
        digits
            .iter()
            .fold(0_u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let field = |at: usize, len: usize| number(&b[at..at + len]);
    let date = NaiveDate::from_ymd_opt(field(0, 4) as i32, field(5, 2), field(8, 2))?;
    let (second, nanos) = match b.get(16) {
        Some(b':') => {
            let fraction = b.get(20..).unwrap_or_default();
            let digits = &fraction[..fraction.len().min(9)];
            let scale = 10_u32.pow(9 - digits.len() as u32);
            (field(17, 2), number(digits) * scale)
        }
        _ => (0, 0),
    };
    let time = NaiveTime::from_hms_nano_opt(field(11, 2), field(14, 2), second, nanos)?;
    Some(date.and_time(time))
}

/// A local wall time in `zone`, refusing gaps and folds.
pub(crate) fn resolve_local(
    zone: Tz,
    naive: NaiveDateTime,
    text: &str,
) -> Result<DateTime<FixedOffset>> {
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Ok(dt.with_timezone(&dt.offset().fix())),
        LocalResult::Ambiguous(earlier, later) => Err(Reason::AmbiguousLocalTime {
            input: shown(text),
            zone: shown(zone.name()),
            earlier: shown(earlier.to_rfc3339()),
            later: shown(later.to_rfc3339()),
        }
        .into()),
        LocalResult::None => Err(Reason::NonexistentLocalTime {
            input: shown(text),
            zone: shown(zone.name()),
        }
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;

    fn parse(s: &str) -> Result<String> {
        Calendar::munich().parse_datetime(s).map(|d| d.to_rfc3339())
    }

    #[test]
    fn accepts_rfc3339_and_local_forms() {
        assert_eq!(
            parse("2026-12-23T15:00:00+01:00").unwrap(),
            "2026-12-23T15:00:00+01:00"
        );
        assert_eq!(
            parse("2026-12-23t14:00:00z").unwrap(),
            "2026-12-23T14:00:00+00:00"
        );
        assert_eq!(
            parse("2026-12-23T15:00:00.5+05:45").unwrap(),
            "2026-12-23T15:00:00.500+05:45"
        );
        assert_eq!(
            parse("2026-12-23T15:00").unwrap(),
            "2026-12-23T15:00:00+01:00"
        );
        assert_eq!(
            parse("2026-07-23T15:00:00").unwrap(),
            "2026-07-23T15:00:00+02:00"
        );
        assert_eq!(
            parse("2026-07-23T15:00:00.125").unwrap(),
            "2026-07-23T15:00:00.125+02:00"
        );
    }

    #[test]
    fn malformed_text_is_named() {
        for bad in [
            "",
            "2026-12-23",
            "2026-12-23 15:00:00+01:00",
            "2026-12-23T5:00",
            "+2026-12-23T15:00:00Z",
            "2026-12-23T15:00Z",
            "2026-12-23T15:00:00+0100",
            "2026-12-23T15:00:00+01",
            "2026-02-30T10:00",
            "2026-12-23T24:00",
            "2026-12-23T15:00:60Z",
            "2026-12-23T15:00:00.Z",
            "2026-12-23T15:00:00Z ",
            " 2026-12-23T15:00",
            "2026-12-23T15:00:00+24:00",
            "tomorrow",
            "2026-12-23T15:00:00ü",
        ] {
            assert_eq!(
                parse(bad).unwrap_err().to_string(),
                format!(
                    "invalid date-time '{bad}'; expected RFC 3339 like 2026-12-23T15:00:00+01:00 \
                     or a local date-time like 2026-12-23T15:00:00 or 2026-12-23T15:00"
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn gaps_and_folds_ask_for_an_offset() {
        assert_eq!(
            parse("2026-03-29T02:30").unwrap_err().to_string(),
            "local time '2026-03-29T02:30' does not exist in Europe/Berlin: the clocks skip it \
             when daylight saving time starts; give it with an explicit UTC offset"
        );
        assert_eq!(
            parse("2026-10-25T02:30:00").unwrap_err().to_string(),
            "local time '2026-10-25T02:30:00' is ambiguous in Europe/Berlin: it occurs twice when \
             daylight saving time ends (2026-10-25T02:30:00+02:00 and 2026-10-25T02:30:00+01:00); \
             give it with an explicit UTC offset"
        );
        // In 1995 summer time ended on 24 September.
        assert!(
            parse("1995-09-24T02:30")
                .unwrap_err()
                .to_string()
                .contains("ambiguous")
        );
        assert!(parse("1995-10-29T02:30").is_ok());
        assert!(parse("2026-03-29T03:00").is_ok());
        assert!(parse("2026-03-29T01:59:59").is_ok());
    }
}
