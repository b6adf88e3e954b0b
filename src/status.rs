//! Where a ticket stands: the at-risk threshold, the kind of status with
//! its one spelling, and the status with its numbers.
//!
//! The decision itself is made in one place, the function behind
//! [`SlaClock`](crate::SlaClock)'s reading at `now`, which
//! [`StatusBoard`](crate::StatusBoard) calls too; the lifecycle's cycles
//! are read through the same clock.

use std::fmt;
use std::str::FromStr;

use chrono::DateTime;
use chrono_tz::Tz;

use crate::duration::BusinessDuration;
use crate::error::{Reason, Result, shown};

/// The share of the target after which a ticket counts as at risk.
///
/// # Example
///
/// ```
/// use sla_clock::RiskThreshold;
///
/// assert_eq!(RiskThreshold::percent(75)?.to_string(), "75%");
/// assert!(RiskThreshold::percent(101).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RiskThreshold(u8);

impl RiskThreshold {
    /// The lifecycle's default (docs/LIFECYCLE.md section 3): at risk once
    /// 75 % of a cycle's target has elapsed.
    pub(crate) const DEFAULT: RiskThreshold = RiskThreshold(75);

    /// At risk once `percent` of the target has elapsed (0 to 100).
    ///
    /// # Errors
    ///
    /// A percentage above 100.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::RiskThreshold;
    /// let err = RiskThreshold::percent(150).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid at-risk threshold 150%; expected a percentage from 0 to 100");
    /// ```
    pub fn percent(percent: u8) -> Result<Self> {
        if percent > 100 {
            return Err(Reason::InvalidRiskThreshold {
                percent: shown(percent),
            }
            .into());
        }
        Ok(RiskThreshold(percent))
    }

    /// The percentage.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::RiskThreshold;
    /// assert_eq!(RiskThreshold::percent(80)?.as_percent(), 80);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_percent(self) -> u8 {
        self.0
    }
}

impl fmt::Display for RiskThreshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

/// Reads what `Display` writes: a whole percentage with a `%` sign.
///
/// ```
/// use sla_clock::RiskThreshold;
/// assert_eq!("75%".parse::<RiskThreshold>()?, RiskThreshold::percent(75)?);
/// assert!("75".parse::<RiskThreshold>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for RiskThreshold {
    type Err = crate::Error;
    fn from_str(text: &str) -> Result<RiskThreshold> {
        let invalid =
            || -> crate::Error { Reason::InvalidRiskThresholdText { input: shown(text) }.into() };
        let digits = text.strip_suffix('%').ok_or_else(invalid)?;
        if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let percent: u8 = digits.parse().map_err(|_| invalid())?;
        RiskThreshold::percent(percent)
    }
}

#[cfg(feature = "serde")]
crate::serde_text::as_text!(RiskThreshold);

/// The kind of a status, without its numbers: what a report, a database
/// column or an SQL function stores.
///
/// Its one spelling as a name ([`StatusKind::name`], `FromStr`, serde) is
/// snake case: `met`, `pending`, `at_risk`, `breached`. In prose
/// (`Display`) it reads "at risk". Kinds are ordered by severity: met,
/// pending, at risk, breached.
///
/// # Example
///
/// ```
/// use sla_clock::StatusKind;
///
/// assert_eq!(StatusKind::AtRisk.name(), "at_risk");
/// assert_eq!(StatusKind::AtRisk.to_string(), "at risk");
/// assert_eq!("at_risk".parse::<StatusKind>()?, StatusKind::AtRisk);
/// assert!(StatusKind::Pending < StatusKind::Breached);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusKind {
    /// Answered (or, for a cycle, stopped) on or before the due instant.
    Met,
    /// Not answered, not yet due, below the at-risk threshold (if any).
    Pending,
    /// Not answered, not yet due, but past the at-risk threshold.
    AtRisk,
    /// Answered after the due instant, or not answered and past it.
    Breached,
}

impl StatusKind {
    /// Every kind, in order of severity.
    pub const ALL: [StatusKind; 4] = [
        StatusKind::Met,
        StatusKind::Pending,
        StatusKind::AtRisk,
        StatusKind::Breached,
    ];

    /// The stable name: `met`, `pending`, `at_risk` or `breached`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::StatusKind;
    /// assert_eq!(StatusKind::Breached.name(), "breached");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            StatusKind::Met => "met",
            StatusKind::Pending => "pending",
            StatusKind::AtRisk => "at_risk",
            StatusKind::Breached => "breached",
        }
    }

    /// Whether this is [`StatusKind::Breached`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::StatusKind;
    /// assert!(StatusKind::Breached.is_breached());
    /// assert!(!StatusKind::AtRisk.is_breached());
    /// ```
    pub fn is_breached(self) -> bool {
        self == StatusKind::Breached
    }

    /// The kind in prose: "at risk" where the name is `at_risk`.
    fn prose(self) -> &'static str {
        match self {
            StatusKind::AtRisk => "at risk",
            other => other.name(),
        }
    }
}

impl fmt::Display for StatusKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.prose())
    }
}

/// Reads a name as [`StatusKind::name`] writes it.
///
/// ```
/// use sla_clock::StatusKind;
/// assert_eq!("met".parse::<StatusKind>()?, StatusKind::Met);
/// assert_eq!(
///     "at-risk".parse::<StatusKind>().unwrap_err().to_string(),
///     "invalid status 'at-risk'; expected met, pending, at_risk or breached"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for StatusKind {
    type Err = crate::Error;
    fn from_str(text: &str) -> Result<StatusKind> {
        StatusKind::ALL
            .into_iter()
            .find(|kind| kind.name() == text)
            .ok_or_else(|| Reason::InvalidStatusKind { input: shown(text) }.into())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for StatusKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for StatusKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(crate::error::de)
    }
}

/// Where a ticket stands against its response target.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, Policy, Priority, SlaClock, SlaStatus, BusinessDuration};
///
/// let cal = Calendar::munich();
/// let created = cal.parse_datetime("2026-12-18T16:00")?;
/// let clock = SlaClock::for_priority(&cal, &Policy::default(), Priority::Urgent, &created)?;
/// let now = cal.parse_datetime("2026-12-21T11:00")?;
/// match clock.status(&now)? {
///     SlaStatus::Pending { remaining, .. } => assert_eq!(remaining, BusinessDuration::from_hours(1)),
///     other => panic!("unexpected {other}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Statuses are ordered by severity: met, then pending, at risk, breached;
/// within one kind, the one with less time to spare (or more overdue) is
/// more severe, then the one due earlier. Sorting a list of tickets' statuses
/// puts the most urgent last.
///
/// As text (`Display`, `FromStr`) a status reads like
/// `at risk: 30m left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]`: the
/// due instant in RFC 3339 with the calendar's zone in brackets (RFC 9557),
/// so that it reads back into the same zone. With the `serde` feature it
/// is an object named by its `status`:
/// `{"status": "at_risk", "remaining": "30m", "due": "2026-12-21T15:00:00+01:00[Europe/Berlin]"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "StatusWire", try_from = "StatusWire")
)]
pub enum SlaStatus {
    /// Answered on or before the due instant.
    Met {
        /// Business time that was left when the answer came.
        margin: BusinessDuration,
        /// The due instant.
        due: DateTime<Tz>,
    },
    /// Not answered, not yet due, below the at-risk threshold (if any).
    Pending {
        /// Business time left.
        remaining: BusinessDuration,
        /// The due instant.
        due: DateTime<Tz>,
    },
    /// Not answered, not yet due, but past the at-risk threshold.
    AtRisk {
        /// Business time left.
        remaining: BusinessDuration,
        /// The due instant.
        due: DateTime<Tz>,
    },
    /// Answered after the due instant, or not answered and past it.
    Breached {
        /// Business time past the target. It can be zero: an answer at
        /// 19:00 to a ticket due at 18:00 is late, but by no business time.
        overdue: BusinessDuration,
        /// The due instant.
        due: DateTime<Tz>,
    },
}

impl SlaStatus {
    /// The kind, without the numbers.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, SlaStatus, StatusKind};
    /// let status: SlaStatus = "met with 0s to spare, due 2026-12-21T12:00:00+01:00[Europe/Berlin]".parse()?;
    /// assert_eq!(status.kind(), StatusKind::Met);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> StatusKind {
        match self {
            SlaStatus::Met { .. } => StatusKind::Met,
            SlaStatus::Pending { .. } => StatusKind::Pending,
            SlaStatus::AtRisk { .. } => StatusKind::AtRisk,
            SlaStatus::Breached { .. } => StatusKind::Breached,
        }
    }

    /// The kind's stable name: `met`, `pending`, `at_risk` or `breached`
    /// ([`StatusKind::name`]).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::SlaStatus;
    /// let status: SlaStatus = "at risk: 30m left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]".parse()?;
    /// assert_eq!(status.name(), "at_risk");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// The due instant.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::SlaStatus;
    /// let status: SlaStatus = "breached by 2h, was due 2026-12-21T14:00:00+01:00[Europe/Berlin]".parse()?;
    /// assert_eq!(status.due().to_rfc3339(), "2026-12-21T14:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due(&self) -> DateTime<Tz> {
        match *self {
            SlaStatus::Met { due, .. }
            | SlaStatus::Pending { due, .. }
            | SlaStatus::AtRisk { due, .. }
            | SlaStatus::Breached { due, .. } => due,
        }
    }

    /// Business time left: the margin at the answer when met, negative
    /// (the overdue time) when breached.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, SlaStatus};
    /// let status: SlaStatus = "breached by 2h, was due 2026-12-21T14:00:00+01:00[Europe/Berlin]".parse()?;
    /// assert_eq!(status.remaining(), -BusinessDuration::from_hours(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remaining(&self) -> BusinessDuration {
        match *self {
            SlaStatus::Met { margin, .. } => margin,
            SlaStatus::Pending { remaining, .. } | SlaStatus::AtRisk { remaining, .. } => remaining,
            SlaStatus::Breached { overdue, .. } => -overdue,
        }
    }

    /// The status of `kind` with `remaining` business time left (negative
    /// when overdue) and its due instant.
    pub(crate) fn new(
        kind: StatusKind,
        remaining: BusinessDuration,
        due: DateTime<Tz>,
    ) -> SlaStatus {
        match kind {
            StatusKind::Met => SlaStatus::Met {
                margin: remaining,
                due,
            },
            StatusKind::Pending => SlaStatus::Pending { remaining, due },
            StatusKind::AtRisk => SlaStatus::AtRisk { remaining, due },
            StatusKind::Breached => SlaStatus::Breached {
                overdue: -remaining,
                due,
            },
        }
    }
}

/// By severity; see [`SlaStatus`]: the kind first, then less time to
/// spare (or more overdue) is more severe, then the earlier due instant.
///
/// ```
/// use sla_clock::SlaStatus;
/// let met: SlaStatus = "met with 1h to spare, due 2026-12-21T14:00:00+01:00[Europe/Berlin]".parse()?;
/// let breached: SlaStatus = "breached by 2h, was due 2026-12-21T14:00:00+01:00[Europe/Berlin]".parse()?;
/// assert!(met < breached);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Ord for SlaStatus {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        use std::cmp::Reverse;
        let severity =
            |s: &SlaStatus| (s.kind(), Reverse(s.remaining()), Reverse(s.due().to_utc()));
        // Equal severity with different zones is still two values: the
        // zone breaks the tie, so that the order agrees with `Eq`.
        severity(self).cmp(&severity(other)).then_with(|| {
            self.due()
                .timezone()
                .name()
                .cmp(other.due().timezone().name())
        })
    }
}

impl PartialOrd for SlaStatus {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for SlaStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let due = crate::zoned::format(&self.due());
        match self {
            SlaStatus::Met { margin, .. } => write!(f, "met with {margin} to spare, due {due}"),
            SlaStatus::Pending { remaining, .. } | SlaStatus::AtRisk { remaining, .. } => {
                write!(f, "{}: {remaining} left, due {due}", self.kind())
            }
            SlaStatus::Breached { overdue, .. } => {
                write!(f, "breached by {overdue}, was due {due}")
            }
        }
    }
}

/// The one JSON shape of every status: its kind, the business time left
/// in nanoseconds (the margin when met, negative when breached), the due
/// instant in RFC 3339 and the zone in a field of its own.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusWire {
    status: StatusKind,
    remaining_ns: BusinessDuration,
    #[serde(with = "crate::wire::instant")]
    due: DateTime<chrono::FixedOffset>,
    zone: String,
}

#[cfg(feature = "serde")]
impl From<SlaStatus> for StatusWire {
    fn from(status: SlaStatus) -> StatusWire {
        let due = status.due();
        StatusWire {
            status: status.kind(),
            remaining_ns: status.remaining(),
            due: due.fixed_offset(),
            zone: due.timezone().name().to_string(),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<StatusWire> for SlaStatus {
    type Error = crate::Error;
    fn try_from(wire: StatusWire) -> Result<SlaStatus> {
        let zone = crate::zoned::parse_zone(&wire.zone)?;
        Ok(SlaStatus::new(
            wire.status,
            wire.remaining_ns,
            wire.due.with_timezone(&zone),
        ))
    }
}

/// Reads what `Display` writes.
///
/// ```
/// use sla_clock::SlaStatus;
/// let text = "at risk: 30m left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]";
/// assert_eq!(text.parse::<SlaStatus>()?.to_string(), text);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for SlaStatus {
    type Err = crate::Error;
    fn from_str(text: &str) -> Result<SlaStatus> {
        let invalid = || -> crate::Error { Reason::InvalidStatus { input: shown(text) }.into() };
        let duration = |t: &str| t.parse::<BusinessDuration>().map_err(|_| invalid());
        let due = |t: &str| crate::zoned::parse(t).map_err(|_| invalid());
        if let Some(rest) = text.strip_prefix("met with ") {
            let (margin, when) = rest.split_once(" to spare, due ").ok_or_else(invalid)?;
            return Ok(SlaStatus::Met {
                margin: duration(margin)?,
                due: due(when)?,
            });
        }
        if let Some(rest) = text.strip_prefix("breached by ") {
            let (overdue, when) = rest.split_once(", was due ").ok_or_else(invalid)?;
            return Ok(SlaStatus::Breached {
                overdue: duration(overdue)?,
                due: due(when)?,
            });
        }
        let (name, rest) = text.split_once(": ").ok_or_else(invalid)?;
        let (remaining, when) = rest.split_once(" left, due ").ok_or_else(invalid)?;
        let (remaining, due) = (duration(remaining)?, due(when)?);
        match name {
            "pending" => Ok(SlaStatus::Pending { remaining, due }),
            "at risk" => Ok(SlaStatus::AtRisk { remaining, due }),
            _ => Err(invalid()),
        }
    }
}
