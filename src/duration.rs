//! Business time as its own unit.

use std::fmt;
use std::ops::{Add, Neg, Sub};

use crate::error::{ErrorKind, Result, shown};

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
/// [`Calendar::business_day`](crate::Calendar::business_day)), so there is
/// no `days` constructor here; use
/// [`ResponseTarget::BusinessDays`](crate::ResponseTarget) instead.
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

    /// Whole seconds, rounded toward zero.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::BusinessDuration;
    /// assert_eq!(BusinessDuration::from_nanos(-2_700_000_000).as_secs(), -2);
    /// ```
    pub const fn as_secs(self) -> i128 {
        self.nanos / NANOS_PER_SEC
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
            .map_err(|_| ErrorKind::DurationTooLarge { value: shown(self) }.into())
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
