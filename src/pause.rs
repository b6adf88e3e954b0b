//! A pause of a ticket's SLA clock: an absolute interval during which no
//! business time counts. It sits below the calendar's arithmetic, which
//! takes pauses, and the clock, which holds them.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, SecondsFormat, TimeZone, Utc};

use crate::error::{Reason, Result, shown};

/// An interval `[start, end)` during which a ticket's SLA clock stood
/// still, for example while support waited for the customer. It counts as
/// no business time. A pause still running has no end yet
/// ([`Pause::since`]); status queries treat it as ending at `now`.
///
/// As text (its `Display`, `FromStr` and serde form) it is an RFC 3339
/// interval, `START/END`, or `START/..` while it runs. Instants before the
/// year 0001 or after 9999 (UTC), which RFC 3339 cannot write, are moved to
/// those years' ends: no business time lies there either way.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, Pause};
///
/// let cal = Calendar::munich();
/// let pause = Pause::new(cal.parse_datetime("2026-12-21T12:00")?, cal.parse_datetime("2026-12-21T14:00")?)?;
/// assert_eq!(pause.to_string(), "2026-12-21T11:00:00Z/2026-12-21T13:00:00Z");
/// assert_eq!(pause.to_string().parse::<Pause>()?, pause);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pause {
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
}

impl Pause {
    /// The pause from `start` to `end`.
    ///
    /// # Errors
    ///
    /// `end` before `start`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Pause};
    ///
    /// let cal = Calendar::munich();
    /// let err = Pause::new(cal.parse_datetime("2026-12-21T14:00")?, cal.parse_datetime("2026-12-21T12:00")?).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid pause: it ends at 2026-12-21T12:00:00+01:00, before it starts at 2026-12-21T14:00:00+01:00"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<A: TimeZone, B: TimeZone>(start: DateTime<A>, end: DateTime<B>) -> Result<Pause>
    where
        A::Offset: fmt::Display,
        B::Offset: fmt::Display,
    {
        if end < start.with_timezone(&end.timezone()) {
            return Err(Reason::InvertedPause {
                from: shown(start.to_rfc3339()),
                to: shown(end.to_rfc3339()),
            }
            .into());
        }
        Ok(Pause {
            start: writable(start.with_timezone(&Utc)),
            end: Some(writable(end.with_timezone(&Utc))),
        })
    }

    /// A pause that started at `start` and is still running: waiting for
    /// the customer since then.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Pause};
    ///
    /// let cal = Calendar::munich();
    /// let waiting = Pause::since(cal.parse_datetime("2026-12-21T12:00")?);
    /// assert_eq!(waiting.end(), None);
    /// assert_eq!(waiting.to_string(), "2026-12-21T11:00:00Z/..");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn since<T: TimeZone>(start: DateTime<T>) -> Pause {
        Pause {
            start: writable(start.with_timezone(&Utc)),
            end: None,
        }
    }

    /// When the clock stopped.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Pause};
    /// let cal = Calendar::munich();
    /// let (a, b) = (cal.parse_datetime("2026-12-21T12:00")?, cal.parse_datetime("2026-12-21T14:00")?);
    /// assert_eq!(Pause::new(a, b)?.start(), a);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// When it started again; `None` while it is still running.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Pause};
    /// let cal = Calendar::munich();
    /// let (a, b) = (cal.parse_datetime("2026-12-21T12:00")?, cal.parse_datetime("2026-12-21T14:00")?);
    /// assert_eq!(Pause::new(a, b)?.end(), Some(b.to_utc()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn end(&self) -> Option<DateTime<Utc>> {
        self.end
    }

    /// `START/END` or `START/..`, each instant read by `instant`.
    pub(crate) fn parse_with(
        text: &str,
        instant: impl Fn(&str) -> Result<DateTime<FixedOffset>>,
    ) -> Result<Pause> {
        let (start, end) = text
            .split_once('/')
            .ok_or_else(|| Reason::InvalidPause { input: shown(text) })?;
        match end {
            ".." => Ok(Pause::since(instant(start)?)),
            end => Pause::new(instant(start)?, instant(end)?),
        }
    }
}

/// `t` moved into the years 0001 to 9999 (UTC) that RFC 3339 can write, so
/// that every pause reads back from its text. No business time lies that
/// far out, so the arithmetic cannot tell the difference.
fn writable(t: DateTime<Utc>) -> DateTime<Utc> {
    let first = DateTime::<Utc>::from_naive_utc_and_offset(
        chrono::NaiveDate::from_ymd_opt(1, 1, 1)
            .unwrap_or(chrono::NaiveDate::MIN)
            .and_time(chrono::NaiveTime::MIN),
        Utc,
    );
    let last = DateTime::<Utc>::from_naive_utc_and_offset(
        chrono::NaiveDate::from_ymd_opt(9999, 12, 31)
            .unwrap_or(chrono::NaiveDate::MAX)
            .and_hms_nano_opt(23, 59, 59, 999_999_999)
            .unwrap_or_default(),
        Utc,
    );
    t.clamp(first, last)
}

/// `START/END` in RFC 3339 (UTC, `Z`), or `START/..` while running: the
/// ISO 8601 interval form.
impl fmt::Display for Pause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let instant = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::AutoSi, true);
        match self.end {
            Some(end) => write!(f, "{}/{}", instant(self.start), instant(end)),
            None => write!(f, "{}/..", instant(self.start)),
        }
    }
}

/// Reads what `Display` writes; the instants may carry any offset. For
/// local date-times, use [`Calendar::parse_pause`](crate::Calendar::parse_pause).
impl FromStr for Pause {
    type Err = crate::Error;
    fn from_str(text: &str) -> Result<Pause> {
        Pause::parse_with(text, crate::input::parse_instant)
    }
}

#[cfg(feature = "serde")]
crate::serde_text::as_text!(Pause);
