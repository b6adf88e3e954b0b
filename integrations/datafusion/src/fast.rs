//! The common case of `sla_instant` without chrono's parser: RFC 3339
//! with an offset (`2026-12-18T16:00:00+01:00`, `…Z`), read with integer
//! arithmetic, and the supported range checked by two comparisons.
//!
//! Profiling `sla_report` showed reading text instants as the largest
//! single cost (chrono's RFC 3339 parser, then `Calendar::is_open` as the
//! range check). Everything this module does not recognise with
//! certainty (a local date-time without an offset, more than nine digits
//! of a fraction, an offset of `-00:00` or beyond ±23:59, anything
//! malformed) goes to the crate's own `Calendar::parse_datetime` as
//! before, so the answers are the crate's by construction; a test checks
//! the two against each other on text of every shape.

use sla_clock::Calendar;
use sla_clock::chrono::{DateTime, NaiveDate, TimeZone};

const NANOS: i64 = 1_000_000_000;

/// The instants the crate computes with: `[first, end)` in nanoseconds
/// since 1970 UTC, found once per calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range {
    first: i64,
    end: i64,
}

impl Range {
    /// The supported range of `calendar` (1995-01-01 to 2099-12-31, local
    /// dates in its zone), checked against the crate: `None` if the crate's
    /// range is not exactly that, in which case every instant is checked
    /// by the crate.
    pub(crate) fn of(calendar: &Calendar) -> Option<Range> {
        let zone = calendar.zone();
        let midnight = |y| {
            let date = NaiveDate::from_ymd_opt(y, 1, 1)?;
            // The earliest instant of the local date, whatever a clock
            // change does at midnight.
            let t = zone
                .from_local_datetime(&date.and_hms_opt(0, 0, 0)?)
                .earliest()?;
            t.timestamp_nanos_opt()
        };
        let (first, end) = (midnight(1995)?, midnight(2100)?);
        let open = |nanos: i64| {
            calendar
                .is_open(&DateTime::from_timestamp_nanos(nanos))
                .is_ok()
        };
        (open(first) && !open(first - 1) && open(end - 1) && !open(end))
            .then_some(Range { first, end })
    }

    #[inline]
    pub(crate) fn contains(self, nanos: i64) -> bool {
        (self.first..self.end).contains(&nanos)
    }
}

/// `text` as nanoseconds since 1970 UTC when it is RFC 3339 with an
/// offset of the common form; `None` when the crate must decide.
///
/// The date and time (`YYYY-MM-DDTHH:MM:SS`, 19 bytes) are checked eight
/// bytes at a time: a data pipeline reads millions of these, and byte by
/// byte the checks cost more than the arithmetic.
#[inline]
pub(crate) fn rfc3339_nanos(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let head: &[u8; 20] = b.get(..20)?.try_into().ok()?;
    let word = |at: usize| u64::from_le_bytes(head[at..at + 8].try_into().unwrap_or_default());
    // `YYYY-MM-` and `DDTHH:MM`: digits where the masks say, the
    // separators elsewhere (`T` in either case); then `:SS`.
    let (date, time) = (word(0), word(8));
    if !digits(date, 0x00ff_ff00_ffff_ffff)
        || !digits(time, 0xffff_00ff_ff00_ffff)
        || date & 0xff00_00ff_0000_0000 != u64::from_le_bytes(*b"\0\0\0\0-\0\0-")
        || (time | 0x0000_0000_0020_0000) & 0x0000_ff00_00ff_0000
            != u64::from_le_bytes(*b"\0\0t\0\0:\0\0")
        || head[16] != b':'
        || !head[17].is_ascii_digit()
        || !head[18].is_ascii_digit()
    {
        return None;
    }
    let two = |i: usize| i64::from(head[i] - b'0') * 10 + i64::from(head[i + 1] - b'0');
    let year = two(0) * 100 + two(2);
    let (month, day) = (two(5), two(8));
    let (hour, minute, second) = (two(11), two(14), two(17));
    // Leap seconds (:60) are the crate's to refuse.
    if !(1..=12).contains(&month) || day < 1 || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    // Every month has 28 days: the month's length only for the rest.
    if day > 28 && day > days_in_month(year, month) {
        return None;
    }
    let mut i = 19;
    let mut nanos = 0;
    if head[19] == b'.' {
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        for &c in &b[i + 1..i + 1 + digits] {
            nanos = nanos * 10 + i64::from(c - b'0');
        }
        nanos *= 10_i64.pow((9 - digits) as u32);
        i += 1 + digits;
    }
    let offset_seconds = match &b[i..] {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2]
            if [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()) =>
        {
            let (h, m) = (
                i64::from(h1 - b'0') * 10 + i64::from(h2 - b'0'),
                i64::from(m1 - b'0') * 10 + i64::from(m2 - b'0'),
            );
            if h > 23 || m > 59 || (*sign == b'-' && h == 0 && m == 0) {
                return None;
            }
            let s = (h * 60 + m) * 60;
            if *sign == b'-' { -s } else { s }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let local = days * 86_400 + hour * 3_600 + minute * 60 + second;
    // Years after 2262 do not fit nanoseconds in an i64: the crate's.
    (local - offset_seconds)
        .checked_mul(NANOS)?
        .checked_add(nanos)
}

/// Whether the bytes of `word` (little-endian) that `mask` selects are
/// ASCII digits: their high nibble 3, and adding 6 leaves it 3 (the low
/// nibble at most 9).
#[inline(always)]
fn digits(word: u64, mask: u64) -> bool {
    const HIGH: u64 = 0xf0f0_f0f0_f0f0_f0f0;
    const THREES: u64 = 0x3030_3030_3030_3030;
    const SIXES: u64 = 0x0606_0606_0606_0606;
    let (nibbles, threes) = (HIGH & mask, THREES & mask);
    word & nibbles == threes && word.wrapping_add(SIXES) & nibbles == threes
}

#[inline]
fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the proleptic Gregorian date of a year
/// 0 to 9999 (Howard Hinnant's `days_from_civil`, with years counted from
/// 1 March of the year -400 so that every operand is positive and every
/// division one by a constant: no `div_euclid`).
#[inline(always)]
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let march = month <= 2;
    let y = (year + 400 - i64::from(march)) as u64;
    let mp = (if march { month + 9 } else { month - 3 }) as u64;
    let doy = (153 * mp + 2) / 5 + day as u64 - 1;
    (y * 365 + y / 4 - y / 100 + y / 400 + doy) as i64 - (719_468 + 146_097)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `sla_instant` answered before this module: the crate's parser
    /// and range check.
    fn by_the_crate(cal: &Calendar, text: &str) -> Option<i64> {
        let t = cal.parse_datetime(text).ok()?;
        cal.is_open(&t).ok()?;
        t.timestamp_nanos_opt()
    }

    /// What `sla_instant` answers now.
    fn fast_then_crate(cal: &Calendar, range: Option<Range>, text: &str) -> Option<i64> {
        match (rfc3339_nanos(text), range) {
            (Some(n), Some(r)) => r.contains(n).then_some(n),
            _ => by_the_crate(cal, text),
        }
    }

    #[test]
    fn the_munich_range_is_found() {
        let cal = Calendar::munich();
        let r = Range::of(&cal).expect("1995-2099 in Europe/Berlin");
        assert_eq!(r.first, rfc3339_nanos("1995-01-01T00:00:00+01:00").unwrap());
        assert_eq!(r.end, rfc3339_nanos("2100-01-01T00:00:00+01:00").unwrap());
    }

    #[test]
    fn common_forms_read_as_the_crate_reads_them() {
        let cal = Calendar::munich();
        let range = Range::of(&cal);
        for text in [
            "2026-12-18T16:00:00+01:00",
            "2026-12-18t16:00:00z",
            "2026-12-18T15:00:00Z",
            "2026-03-29T02:30:00+02:00",
            "2024-02-29T23:59:59.999999999-05:30",
            "2024-02-29T23:59:59.5+00:00",
            "1995-01-01T00:00:00+01:00",
            "1994-12-31T23:59:59.999999999+01:00",
            "2099-12-31T23:59:59+01:00",
            "2100-01-01T00:00:00+01:00",
            "2099-12-31T23:30:00-01:00",
        ] {
            assert_eq!(
                fast_then_crate(&cal, range, text),
                by_the_crate(&cal, text),
                "{text}"
            );
        }
        // Accepted by the fast path, so the comparison above is no fallback.
        assert!(rfc3339_nanos("2024-02-29T23:59:59.5+00:00").is_some());
    }

    #[test]
    fn every_shape_agrees_with_the_crate() {
        // Text of every shape and many wrong ones, mutated byte by byte
        // from valid instants: each must read as the crate reads it.
        let cal = Calendar::munich();
        let range = Range::of(&cal);
        let bases = [
            "2026-12-18T16:00:00+01:00",
            "2025-03-30T01:59:59.123Z",
            "2000-02-29T12:00:00-00:00",
            "2026-10-25T02:30",
            "2026-10-25T02:30:00",
            "1900-02-29T00:00:00Z",
        ];
        let alphabet = b"0123456789+-:.TtZz 9";
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut fast = 0;
        for _ in 0..200_000 {
            let mut text = bases[(next() % bases.len() as u64) as usize]
                .as_bytes()
                .to_vec();
            for _ in 0..(next() % 3) {
                let at = (next() % text.len() as u64) as usize;
                match next() % 4 {
                    0 => {
                        text.remove(at);
                    }
                    1 => text.insert(at, alphabet[(next() % alphabet.len() as u64) as usize]),
                    _ => text[at] = alphabet[(next() % alphabet.len() as u64) as usize],
                }
                if text.is_empty() {
                    break;
                }
            }
            let Ok(text) = String::from_utf8(text) else {
                continue;
            };
            fast += usize::from(rfc3339_nanos(&text).is_some());
            assert_eq!(
                fast_then_crate(&cal, range, &text),
                by_the_crate(&cal, &text),
                "{text}"
            );
        }
        // A good part of it took the fast path (most mutations break the
        // form, and those go to the crate).
        assert!(fast > 20_000, "{fast}");
    }

    #[test]
    fn days_from_civil_is_chronos() {
        let mut date = NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        use sla_clock::chrono::Datelike;
        while date.year() <= 9999 {
            assert_eq!(
                days_from_civil(date.year().into(), date.month().into(), date.day().into()),
                (date - epoch).num_days(),
                "{date}"
            );
            date = date.succ_opt().unwrap();
        }
    }
}
