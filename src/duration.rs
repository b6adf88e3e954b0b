//! Business time as its own unit.

use std::fmt;
use std::ops::{Add, Mul, Neg, Sub};
use std::str::FromStr;

use chrono::TimeDelta;

use crate::error::{Reason, Result, shown};

const NANOS_PER_SEC: i128 = 1_000_000_000;

/// An amount of *business* time: seconds during which the calendar is open.
///
/// This is deliberately not a [`chrono::TimeDelta`]: four business hours
/// created on a Friday afternoon end on Monday, three wall-clock days later.
/// Keeping the two apart in the type system stops one being passed where the
/// other is meant. A business duration is signed: remaining time goes
/// negative once a ticket is overdue. It has nanosecond precision, like the
/// instants it is measured between.
///
/// How long a business *day* is depends on the calendar (see
/// [`Calendar::business_day`](crate::Calendar::business_day)), so days
/// become business time through a calendar:
/// [`ResponseTarget::duration`](crate::ResponseTarget::duration).
///
/// As text (its `Display`, `FromStr` and serde form) it is hours, minutes
/// and seconds: `"4h 30m"`.
///
/// # Panics
///
/// Like integer arithmetic, `+`, `-` and unary `-` panic on overflow, far
/// beyond any business time in the supported range (about 5.4 × 10²¹
/// years); [`BusinessDuration::checked_add`] and
/// [`BusinessDuration::checked_sub`] return `None` instead.
///
/// # Example
///
/// ```
/// use sla_clock::BusinessDuration;
///
/// let d = BusinessDuration::from_hours(1) + BusinessDuration::from_minutes(30);
/// assert_eq!(d.as_secs(), 5400);
/// assert_eq!(d.to_string(), "1h 30m");
/// assert_eq!((-d).to_string(), "-1h 30m");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BusinessDuration {
    nanos: i128,
}

impl BusinessDuration {
    /// No business time at all.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::ZERO.to_string(), "0s");
    /// ```
    pub const ZERO: BusinessDuration = BusinessDuration { nanos: 0 };

    /// A whole number of business hours.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_hours(4).as_secs(), 4 * 3600);
    /// ```
    pub const fn from_hours(hours: i64) -> Self {
        Self::from_secs_i128(hours as i128 * 3600)
    }

    /// A whole number of business minutes.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_minutes(90).to_string(), "1h 30m");
    /// ```
    pub const fn from_minutes(minutes: i64) -> Self {
        Self::from_secs_i128(minutes as i128 * 60)
    }

    /// A whole number of business seconds.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_secs(59).to_string(), "59s");
    /// ```
    pub const fn from_secs(secs: i64) -> Self {
        Self::from_secs_i128(secs as i128)
    }

    /// Business time in nanoseconds, the finest unit the crate resolves.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_nanos(1_500_000_000).to_string(), "1.5s");
    /// ```
    pub const fn from_nanos(nanos: i128) -> Self {
        BusinessDuration { nanos }
    }

    const fn from_secs_i128(secs: i128) -> Self {
        BusinessDuration {
            nanos: secs * NANOS_PER_SEC,
        }
    }

    /// Whole seconds, rounded toward zero. Every business duration of the
    /// supported range fits; beyond ±292 billion years the value saturates.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_nanos(-2_700_000_000).as_secs(), -2);
    /// ```
    pub const fn as_secs(self) -> i64 {
        let secs = self.nanos / NANOS_PER_SEC;
        if secs > i64::MAX as i128 {
            i64::MAX
        } else if secs < i64::MIN as i128 {
            i64::MIN
        } else {
            secs as i64
        }
    }

    /// The nanoseconds beyond the whole seconds of [`as_secs`](Self::as_secs),
    /// with the same sign.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_nanos(-2_700_000_000).subsec_nanos(), -700_000_000);
    /// ```
    pub const fn subsec_nanos(self) -> i32 {
        (self.nanos % NANOS_PER_SEC) as i32
    }

    /// The exact value in nanoseconds.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_secs(2).as_nanos(), 2_000_000_000);
    /// ```
    pub const fn as_nanos(self) -> i128 {
        self.nanos
    }

    /// Business hours as a floating-point number, for display and charts.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_minutes(90).as_hours_f64(), 1.5);
    /// ```
    pub fn as_hours_f64(self) -> f64 {
        self.nanos as f64 / (3600.0 * NANOS_PER_SEC as f64)
    }

    /// Whether this is less than zero (an overdue remainder, for example).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert!((-BusinessDuration::from_secs(1)).is_negative());
    /// assert!(!BusinessDuration::ZERO.is_negative());
    /// ```
    pub const fn is_negative(self) -> bool {
        self.nanos < 0
    }

    /// The magnitude, without sign (saturating at the largest value for
    /// the one value that has no positive counterpart).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// let d = BusinessDuration::from_hours(-2);
    /// assert_eq!(d.abs(), BusinessDuration::from_hours(2));
    /// ```
    pub const fn abs(self) -> Self {
        BusinessDuration {
            nanos: self.nanos.saturating_abs(),
        }
    }

    /// `self + other`, or `None` on overflow.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// let max = BusinessDuration::from_nanos(i128::MAX);
    /// assert_eq!(max.checked_add(BusinessDuration::from_nanos(1)), None);
    /// assert_eq!(
    ///     BusinessDuration::from_hours(1).checked_add(BusinessDuration::from_hours(2)),
    ///     Some(BusinessDuration::from_hours(3))
    /// );
    /// ```
    pub const fn checked_add(self, other: Self) -> Option<Self> {
        match self.nanos.checked_add(other.nanos) {
            Some(nanos) => Some(BusinessDuration { nanos }),
            None => None,
        }
    }

    /// `self - other`, or `None` on overflow.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// let min = BusinessDuration::from_nanos(i128::MIN);
    /// assert_eq!(min.checked_sub(BusinessDuration::from_nanos(1)), None);
    /// ```
    pub const fn checked_sub(self, other: Self) -> Option<Self> {
        match self.nanos.checked_sub(other.nanos) {
            Some(nanos) => Some(BusinessDuration { nanos }),
            None => None,
        }
    }

    /// `self * factor`, or `None` on overflow.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_hours(8).checked_mul(5), Some(BusinessDuration::from_hours(40)));
    /// assert_eq!(BusinessDuration::from_nanos(i128::MAX).checked_mul(2), None);
    /// ```
    pub const fn checked_mul(self, factor: i64) -> Option<Self> {
        match self.nanos.checked_mul(factor as i128) {
            Some(nanos) => Some(BusinessDuration { nanos }),
            None => None,
        }
    }

    /// `self` multiplied by `percent / 100`, rounded up to the next
    /// nanosecond, so that "75 % of the target has elapsed" is reached at
    /// the first instant where it is true and not one nanosecond before.
    pub(crate) fn percent_ceil(self, percent: u8) -> Self {
        let scaled = self.nanos * i128::from(percent);
        BusinessDuration {
            nanos: scaled.div_euclid(100) + i128::from(scaled.rem_euclid(100) != 0),
        }
    }

    /// The value as `i64` nanoseconds for the timeline arithmetic, or an
    /// error when it cannot possibly fit in the supported range.
    pub(crate) fn to_i64_nanos(self) -> Result<i64> {
        i64::try_from(self.nanos)
            .map_err(|_| Reason::DurationTooLarge { value: shown(self) }.into())
    }
}

impl Add for BusinessDuration {
    type Output = BusinessDuration;
    fn add(self, rhs: Self) -> Self {
        BusinessDuration {
            nanos: self.nanos + rhs.nanos,
        }
    }
}

impl Sub for BusinessDuration {
    type Output = BusinessDuration;
    fn sub(self, rhs: Self) -> Self {
        BusinessDuration {
            nanos: self.nanos - rhs.nanos,
        }
    }
}

/// Scales a duration; panics on overflow like integer arithmetic (see
/// [`BusinessDuration::checked_mul`]).
impl Mul<i64> for BusinessDuration {
    type Output = BusinessDuration;
    fn mul(self, factor: i64) -> Self {
        BusinessDuration {
            nanos: self.nanos * i128::from(factor),
        }
    }
}

/// Business time of the same length as a wall-clock `TimeDelta`; every
/// `TimeDelta` fits.
///
/// ```
/// use sla_clock::BusinessDuration;
/// let d = BusinessDuration::from(chrono::TimeDelta::minutes(90));
/// assert_eq!(d.to_string(), "1h 30m");
/// ```
impl From<TimeDelta> for BusinessDuration {
    fn from(delta: TimeDelta) -> Self {
        let nanos =
            i128::from(delta.num_seconds()) * NANOS_PER_SEC + i128::from(delta.subsec_nanos());
        BusinessDuration { nanos }
    }
}

/// A `TimeDelta` of the same length, when it fits (about ±292 million
/// years).
///
/// ```
/// use sla_clock::BusinessDuration;
/// let delta = chrono::TimeDelta::try_from(BusinessDuration::from_hours(4))?;
/// assert_eq!(delta, chrono::TimeDelta::hours(4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl TryFrom<BusinessDuration> for TimeDelta {
    type Error = crate::Error;
    fn try_from(d: BusinessDuration) -> Result<TimeDelta> {
        let secs = i64::try_from(d.nanos.div_euclid(NANOS_PER_SEC)).ok();
        let nanos = d.nanos.rem_euclid(NANOS_PER_SEC) as u32;
        secs.and_then(|secs| TimeDelta::new(secs, nanos))
            .ok_or_else(|| Reason::DurationTooLarge { value: shown(d) }.into())
    }
}

/// Business time of the same length as a `std::time::Duration`; every
/// `Duration` fits.
///
/// ```
/// use sla_clock::BusinessDuration;
/// let d = BusinessDuration::from(std::time::Duration::from_millis(1500));
/// assert_eq!(d.to_string(), "1.5s");
/// ```
impl From<std::time::Duration> for BusinessDuration {
    fn from(d: std::time::Duration) -> Self {
        // At most about 1.8 × 10^28 nanoseconds: far inside i128.
        BusinessDuration {
            nanos: d.as_nanos() as i128,
        }
    }
}

/// A `std::time::Duration` of the same length; a negative duration has
/// none.
///
/// ```
/// use sla_clock::{BusinessDuration, ErrorKind};
/// let d = std::time::Duration::try_from(BusinessDuration::from_secs(90))?;
/// assert_eq!(d.as_secs(), 90);
/// let err = std::time::Duration::try_from(BusinessDuration::from_secs(-1)).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Duration);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl TryFrom<BusinessDuration> for std::time::Duration {
    type Error = crate::Error;
    fn try_from(d: BusinessDuration) -> Result<std::time::Duration> {
        if d.is_negative() {
            return Err(Reason::NegativeDuration { value: shown(d) }.into());
        }
        let secs = u64::try_from(d.nanos / NANOS_PER_SEC)
            .map_err(|_| crate::Error::from(Reason::DurationTooLarge { value: shown(d) }))?;
        Ok(std::time::Duration::new(
            secs,
            (d.nanos % NANOS_PER_SEC) as u32,
        ))
    }
}

impl Neg for BusinessDuration {
    type Output = BusinessDuration;
    fn neg(self) -> Self {
        BusinessDuration { nanos: -self.nanos }
    }
}

impl std::iter::Sum for BusinessDuration {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(BusinessDuration::ZERO, Add::add)
    }
}

/// Written as hours, minutes and seconds, largest first, leaving out zero
/// parts: `4h`, `1h 30m`, `-2h 0m 5s` is written `-2h 5s`, fractions of a
/// second as decimals (`1.25s`). Hours are not folded into days because a
/// business day's length belongs to a calendar.
impl fmt::Display for BusinessDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.nanos == 0 {
            return f.write_str("0s");
        }
        if self.nanos < 0 {
            f.write_str("-")?;
        }
        let total = self.nanos.unsigned_abs();
        let nanos_per_sec = NANOS_PER_SEC as u128;
        let secs = total / nanos_per_sec;
        let frac = total % nanos_per_sec;
        let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
        let mut parts = Vec::with_capacity(3);
        if h > 0 {
            parts.push(format!("{h}h"));
        }
        if m > 0 {
            parts.push(format!("{m}m"));
        }
        if frac > 0 {
            let digits = format!("{frac:09}");
            parts.push(format!("{s}.{}s", digits.trim_end_matches('0')));
        } else if s > 0 {
            parts.push(format!("{s}s"));
        }
        f.write_str(&parts.join(" "))
    }
}

/// Reads what [`Display`](fmt::Display) writes: an optional `-`, then
/// hours, minutes and seconds in that order, each at most once, separated
/// by spaces or not (`4h`, `1h 30m`, `4h30m`, `-2h 5s`, `0.25s`, `0s`). A
/// part may exceed its usual range (`90m` is `1h 30m`); seconds may have
/// up to nine decimals.
///
/// It also reads ISO 8601 durations of hours, minutes and seconds, as
/// other languages write them (`PT4H30M`, `PT0.5S`, `-PT1H`). A duration
/// in days, weeks, months or years (`P1D`) is refused: how long a business
/// day is depends on the calendar (use a
/// [`ResponseTarget`](crate::ResponseTarget) of business days).
/// Every value's text reads back to it, the smallest
/// ([`from_nanos(i128::MIN)`](BusinessDuration::from_nanos)) included; a
/// text beyond the values is refused.
///
/// ```
/// use sla_clock::BusinessDuration;
/// for text in ["4h", "1h 30m", "-2h 5s", "0.25s", "0s", "-0.000000001s"] {
///     assert_eq!(text.parse::<BusinessDuration>()?.to_string(), text);
/// }
/// assert_eq!("90m".parse::<BusinessDuration>()?, BusinessDuration::from_minutes(90));
/// assert_eq!("4h30m".parse::<BusinessDuration>()?.to_string(), "4h 30m");
/// assert_eq!("PT4H30M".parse::<BusinessDuration>()?.to_string(), "4h 30m");
/// assert_eq!("-PT0.5S".parse::<BusinessDuration>()?.to_string(), "-0.5s");
/// assert!("4 hours".parse::<BusinessDuration>().is_err());
/// assert_eq!(
///     "P1D".parse::<BusinessDuration>().unwrap_err().to_string(),
///     "invalid business duration 'P1D'; an ISO 8601 duration here has hours, minutes and \
///      seconds only (PT8H): a business day's length depends on the calendar"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for BusinessDuration {
    type Err = crate::Error;

    fn from_str(text: &str) -> Result<Self> {
        let invalid = || -> crate::Error { Reason::InvalidDuration { input: shown(text) }.into() };
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        // The magnitude, as `Display` writes it: one more than `i128::MAX`
        // for `i128::MIN`, whose text must read back too.
        let magnitude = match body.strip_prefix(['P', 'p']) {
            Some(iso) => parse_iso(iso).map_err(|days| match days {
                IsoError::Days => Reason::IsoDurationDays { input: shown(text) }.into(),
                IsoError::Malformed => invalid(),
            })?,
            None => parse_parts(body).ok_or_else(invalid)?,
        };
        let nanos = if negative {
            0_i128.checked_sub_unsigned(magnitude)
        } else {
            i128::try_from(magnitude).ok()
        };
        Ok(BusinessDuration {
            nanos: nanos.ok_or_else(invalid)?,
        })
    }
}

/// Why an ISO 8601 duration was refused.
enum IsoError {
    /// It has days, weeks, months or years, which a business duration
    /// cannot take without a calendar.
    Days,
    Malformed,
}

/// `4h 30m 15.5s` (spaces optional): the nanoseconds, or `None`.
fn parse_parts(body: &str) -> Option<u128> {
    let mut nanos: u128 = 0;
    let mut next_unit = 0;
    let mut rest = body;
    let mut parts = 0;
    while !rest.is_empty() {
        // Spaces between parts, at most one each, as the text form writes.
        if parts > 0 {
            rest = rest.strip_prefix(' ').unwrap_or(rest);
        }
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
        let (number, after) = rest.split_at(end);
        let unit = after.chars().next()?;
        let rank = match unit {
            'h' => 0,
            'm' => 1,
            's' => 2,
            _ => return None,
        };
        if rank < next_unit {
            return None;
        }
        next_unit = rank + 1;
        nanos = nanos.checked_add(part_nanos(number, rank)?)?;
        rest = &after[unit.len_utf8()..];
        parts += 1;
    }
    (parts > 0).then_some(nanos)
}

/// `T4H30M15.5S` after the `P`: the nanoseconds.
fn parse_iso(iso: &str) -> std::result::Result<u128, IsoError> {
    let Some(time) = iso.strip_prefix(['T', 't']) else {
        // A date part: days, weeks, months or years (or nothing at all).
        return Err(if iso.is_empty() {
            IsoError::Malformed
        } else {
            IsoError::Days
        });
    };
    let mut nanos: u128 = 0;
    let mut next_unit = 0;
    let mut rest = time;
    if rest.is_empty() {
        return Err(IsoError::Malformed);
    }
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .ok_or(IsoError::Malformed)?;
        let (number, after) = rest.split_at(end);
        let unit = after.chars().next().ok_or(IsoError::Malformed)?;
        let rank = match unit.to_ascii_uppercase() {
            'H' => 0,
            'M' => 1,
            'S' => 2,
            _ => return Err(IsoError::Malformed),
        };
        if rank < next_unit {
            return Err(IsoError::Malformed);
        }
        next_unit = rank + 1;
        // ISO 8601 allows a decimal comma.
        let number = number.replace(',', ".");
        let value = part_nanos(&number, rank).ok_or(IsoError::Malformed)?;
        nanos = nanos.checked_add(value).ok_or(IsoError::Malformed)?;
        rest = &after[unit.len_utf8()..];
    }
    Ok(nanos)
}

/// One part's nanoseconds: a whole number of hours (rank 0) or minutes
/// (1), or seconds (2) with up to nine decimals.
fn part_nanos(number: &str, rank: usize) -> Option<u128> {
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) if rank == 2 => (whole, Some(fraction)),
        Some(_) => return None,
        None => (number, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || whole.len() > 39 {
        return None;
    }
    let whole: u128 = whole.parse().ok()?;
    let unit_nanos = [3600, 60, 1][rank] * NANOS_PER_SEC as u128;
    let mut value = whole.checked_mul(unit_nanos)?;
    if let Some(fraction) = fraction {
        if !digits(fraction) || fraction.len() > 9 {
            return None;
        }
        let scale = 10_u128.pow(9 - fraction.len() as u32);
        value = value.checked_add(fraction.parse::<u128>().ok()? * scale)?;
    }
    Some(value)
}

/// JSON and other data formats: a whole number of nanoseconds, exact in
/// any reader of 64-bit integers (`docs/SERVICE.md` says why). Read back
/// from that number, or from the text form (`"4h 30m"`, `"PT4H30M"`) that
/// people write in configuration.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use sla_clock::BusinessDuration;
/// let d = BusinessDuration::from_secs(5400) + BusinessDuration::from_nanos(1);
/// assert_eq!(serde_json::to_string(&d).unwrap(), "5400000000001");
/// assert_eq!(serde_json::from_str::<BusinessDuration>("5400000000001").unwrap(), d);
/// assert_eq!(serde_json::from_str::<BusinessDuration>(r#""PT1H30M""#).unwrap(), BusinessDuration::from_secs(5400));
/// # }
/// ```
#[cfg(feature = "serde")]
impl serde::Serialize for BusinessDuration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match i64::try_from(self.nanos) {
            Ok(nanos) => s.serialize_i64(nanos),
            Err(_) => s.serialize_i128(self.nanos),
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for BusinessDuration {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = BusinessDuration;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a business duration: a whole number of nanoseconds, or text such as \
                     \"4h 30m\" or \"PT4H30M\"",
                )
            }
            fn visit_str<E: serde::de::Error>(
                self,
                text: &str,
            ) -> std::result::Result<Self::Value, E> {
                text.parse().map_err(crate::error::de)
            }
            fn visit_i64<E: serde::de::Error>(
                self,
                nanos: i64,
            ) -> std::result::Result<Self::Value, E> {
                Ok(BusinessDuration::from_nanos(i128::from(nanos)))
            }
            fn visit_u64<E: serde::de::Error>(
                self,
                nanos: u64,
            ) -> std::result::Result<Self::Value, E> {
                Ok(BusinessDuration::from_nanos(i128::from(nanos)))
            }
            fn visit_i128<E: serde::de::Error>(
                self,
                nanos: i128,
            ) -> std::result::Result<Self::Value, E> {
                Ok(BusinessDuration::from_nanos(nanos))
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_leaves_out_zero_parts() {
        assert_eq!(BusinessDuration::from_secs(3600 * 40).to_string(), "40h");
        assert_eq!(BusinessDuration::from_secs(-7205).to_string(), "-2h 5s");
        assert_eq!(
            BusinessDuration::from_nanos(250_000_000).to_string(),
            "0.25s"
        );
        assert_eq!(
            BusinessDuration::from_nanos(-1).to_string(),
            "-0.000000001s"
        );
    }

    #[test]
    fn text_round_trips_and_bad_text_names_itself() {
        let mut n: i128 = 1;
        for _ in 0..70 {
            for value in [n, -n, n + 999_999_999, n * 7 + 3] {
                let d = BusinessDuration::from_nanos(value);
                assert_eq!(d.to_string().parse::<BusinessDuration>().unwrap(), d, "{d}");
            }
            n = n * 3 + 1;
        }
        for bad in [
            "",
            "-",
            "4",
            "4 h",
            "h",
            "1h  30m",
            "30m 1h",
            "1h 1h",
            "1.5h",
            "+1h",
            "1.0000000001s",
            "1e3s",
        ] {
            assert_eq!(
                bad.parse::<BusinessDuration>().unwrap_err().to_string(),
                format!(
                    "invalid business duration '{bad}'; expected hours, minutes and seconds like \
                     '4h 30m', '90m' or '1.5s'"
                )
            );
        }
    }

    #[test]
    fn conversions_are_exact_or_refused() {
        let d = BusinessDuration::from_nanos(-1_500_000_001);
        assert_eq!(BusinessDuration::from(TimeDelta::try_from(d).unwrap()), d);
        assert!(TimeDelta::try_from(BusinessDuration::from_nanos(i128::MAX)).is_err());
        let d = BusinessDuration::from_nanos(86_400_000_000_123);
        assert_eq!(
            BusinessDuration::from(std::time::Duration::try_from(d).unwrap()),
            d
        );
        assert_eq!(d * 3, BusinessDuration::from_nanos(3 * 86_400_000_000_123));
        assert_eq!(BusinessDuration::from_nanos(i128::MAX).as_secs(), i64::MAX);
    }

    #[test]
    fn percent_rounds_up_to_the_next_nanosecond() {
        let d = BusinessDuration::from_nanos(3);
        assert_eq!(d.percent_ceil(50), BusinessDuration::from_nanos(2));
        assert_eq!(
            BusinessDuration::from_hours(4).percent_ceil(75),
            BusinessDuration::from_hours(3)
        );
        assert_eq!(d.percent_ceil(0), BusinessDuration::ZERO);
        assert_eq!(d.percent_ceil(100), d);
    }

    #[test]
    fn too_large_for_the_timeline_is_an_error() {
        let huge = BusinessDuration::from_hours(i64::MAX);
        assert_eq!(
            huge.to_i64_nanos().unwrap_err().to_string(),
            format!(
                "business duration {huge} is too large; the supported range holds far less business time"
            )
        );
    }
}
