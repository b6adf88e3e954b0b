//! A step-by-step account of how a due instant came about.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Weekday};
use chrono_tz::Tz;

use crate::business_time::PauseSpans;
use crate::calendar::Calendar;
use crate::duration::BusinessDuration;
use crate::holidays::{Holiday, holidays_in_year};
use crate::timeline::DayKind;
use crate::units::{BusinessNanos, Instant, Nanos, Span};

/// Why a day, or part of one, added no business time.
///
/// # Example
///
/// ```
/// use sla_clock::SkipReason;
/// assert_eq!(SkipReason::Weekend.to_string(), "weekend");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum SkipReason {
    /// Saturday or Sunday without opening hours (and not a holiday).
    Weekend,
    /// A weekday on which the schedule has no opening hours.
    NoOpeningHours(Weekday),
    /// A public holiday, with its names; named even when it falls on a
    /// weekend.
    Holiday(Holiday),
    /// One of the calendar's own closure dates.
    Closure,
    /// Special hours without windows close the date.
    ClosedBySpecialHours,
    /// Created after that day's last closing time.
    AfterClosing,
    /// The day's opening hours do not exist in local time: the clocks
    /// skip them (a window in the hour lost when summer time starts, or a
    /// date the zone skipped, such as 2011-12-30 in Pacific/Apia).
    ClockChange,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Weekend => f.write_str("weekend"),
            SkipReason::NoOpeningHours(day) => write!(f, "no opening hours on {day}"),
            SkipReason::Holiday(h) => write!(f, "holiday: {}", h.names_text()),
            SkipReason::Closure => f.write_str("closure"),
            SkipReason::ClosedBySpecialHours => f.write_str("special hours: closed"),
            SkipReason::AfterClosing => f.write_str("created after closing time"),
            SkipReason::ClockChange => {
                f.write_str("clock change: the opening hours do not exist in local time")
            }
        }
    }
}

/// One line of an [`Explanation`].
///
/// # Example
///
/// ```
/// use sla_clock::{BusinessDuration, Calendar, SlaClock, Step};
/// let cal = Calendar::munich();
/// let explanation = SlaClock::new(&cal, &cal.parse_datetime("2026-12-21T16:00")?, BusinessDuration::from_hours(1))?.explain()?;
/// assert!(matches!(explanation.steps[0], Step::Counted { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "wire::Step", try_from = "wire::Step")
)]
pub enum Step {
    /// Business time that counted toward the target.
    Counted {
        /// Start of the stretch, local time.
        from: DateTime<Tz>,
        /// End of the stretch, local time.
        to: DateTime<Tz>,
        /// Business time it added.
        used: BusinessDuration,
    },
    /// Open time that did not count because the clock was paused.
    Paused {
        /// Start of the paused stretch.
        from: DateTime<Tz>,
        /// End of it.
        to: DateTime<Tz>,
    },
    /// A day that added nothing.
    Skipped {
        /// The local date.
        date: NaiveDate,
        /// Why.
        reason: SkipReason,
    },
}

/// How a due instant was reached: each window that counted, each day that
/// was skipped and why. Its `Display` is the `--explain` output of the
/// `due` example.
///
/// # Example
///
/// ```
/// use sla_clock::{BusinessDuration, Calendar, SlaClock};
///
/// let cal = Calendar::munich();
/// let created = cal.parse_datetime("2026-12-23T15:00")?;
/// let text = SlaClock::new(&cal, &created, BusinessDuration::from_hours(16))?.explain()?.to_string();
/// assert!(text.contains("2026-12-25 Fri  skipped: holiday: 1. Weihnachtstag / Christmas Day"));
/// assert!(text.ends_with("due      2026-12-28T15:00:00+01:00\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "wire::Explanation", try_from = "wire::Explanation")
)]
pub struct Explanation {
    /// When the ticket was created.
    pub created: DateTime<Tz>,
    /// The response target.
    pub target: BusinessDuration,
    /// The due instant.
    pub due: DateTime<Tz>,
    /// The days from creation to due, in order.
    pub steps: Vec<Step>,
}

fn clock_time(t: &DateTime<Tz>) -> String {
    let mut text = t.format("%H:%M").to_string();
    if t.second() != 0 || t.nanosecond() != 0 {
        text.push_str(&t.format(":%S%.f").to_string());
    }
    text
}

/// `10:00-13:00 CET`; a stretch across a DST switch names both zones,
/// `01:30 CEST-02:30 CET`.
fn stretch(from: &DateTime<Tz>, to: &DateTime<Tz>) -> String {
    let (a, b) = (from.format("%Z").to_string(), to.format("%Z").to_string());
    if a == b {
        format!("{}-{} {a}", clock_time(from), clock_time(to))
    } else {
        format!("{} {a}-{} {b}", clock_time(from), clock_time(to))
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "created  {} ({})",
            self.created.to_rfc3339(),
            self.created.format("%A")
        )?;
        writeln!(f, "target   {} of business time", self.target)?;
        let mut total = BusinessDuration::ZERO;
        for step in &self.steps {
            match step {
                Step::Counted { from, to, used } => {
                    total = total + *used;
                    writeln!(
                        f,
                        "{}  counted {}: {used} (total {total})",
                        from.format("%Y-%m-%d %a"),
                        stretch(from, to),
                    )?;
                }
                Step::Paused { from, to } => writeln!(
                    f,
                    "{}  paused  {}",
                    from.format("%Y-%m-%d %a"),
                    stretch(from, to),
                )?,
                Step::Skipped { date, reason } => {
                    writeln!(f, "{}  skipped: {reason}", date.format("%Y-%m-%d %a"))?
                }
            }
        }
        writeln!(f, "due      {}", self.due.to_rfc3339())
    }
}

/// The account of how a clock created at `c` with `target` reached its
/// due instant `d`, with the ended pauses `pauses` (merged, sorted), all
/// on the calendar's timeline.
pub(crate) fn explain(
    cal: &Calendar,
    c: Instant,
    target: BusinessDuration,
    d: Instant,
    pauses: &PauseSpans,
) -> Explanation {
    let (created, due) = (cal.to_datetime(c), cal.to_datetime(d));
    let timeline = cal.timeline();
    let mut steps = Vec::new();
    // The last day that holds business time before the due instant; a
    // due instant at local midnight ends the day before.
    let last = if d > c {
        cal.to_datetime(d - Nanos::ONE).date_naive()
    } else {
        created.date_naive()
    };
    let rules = cal.holiday_rules();
    // Each year's holidays once, not every rule for every skipped day.
    let mut year: Option<(i32, Vec<Holiday>)> = None;
    let mut next_pause = 0;
    let mut date = created.date_naive();
    while date <= last {
        if year.as_ref().is_none_or(|(y, _)| *y != date.year()) {
            year = Some((date.year(), holidays_in_year(rules, date.year())));
        }
        let holiday = year.as_ref().and_then(|(_, holidays)| {
            let i = holidays.binary_search_by_key(&date, |h| h.date).ok()?;
            Some(&holidays[i])
        });
        let kind = timeline.day_kind(date, holiday.is_some());
        if let Some(reason) = closed_day_reason(kind, holiday, date) {
            steps.push(Step::Skipped { date, reason });
        } else {
            let before = steps.len();
            let mut last_end = Instant::MIN;
            timeline.for_each_window_on(date, |w| {
                last_end = w.to;
                let counts = w.clip(c, d);
                pieces(cal, pauses, counts, &mut next_pause, &mut steps);
            });
            if steps.len() == before && date == created.date_naive() && c >= last_end {
                steps.push(Step::Skipped {
                    date,
                    reason: SkipReason::AfterClosing,
                });
            }
        }
        match date.succ_opt() {
            Some(next) => date = next,
            None => break,
        }
    }
    Explanation {
        created,
        target,
        due,
        steps,
    }
}

/// Why a day of kind `kind` has no business time, in the words an
/// explanation and [`Calendar::openness`] both use; `None` for a day that
/// opens. A holiday on a weekend is named: "weekend" is true but tells
/// the reader less.
pub(crate) fn closed_day_reason(
    kind: DayKind,
    holiday: Option<&Holiday>,
    date: NaiveDate,
) -> Option<SkipReason> {
    Some(match (kind, holiday) {
        (DayKind::Open, _) => return None,
        (DayKind::ClockChange, _) => SkipReason::ClockChange,
        (_, Some(h)) => SkipReason::Holiday(h.clone()),
        (DayKind::SpecialClosed, None) => SkipReason::ClosedBySpecialHours,
        (DayKind::Holiday | DayKind::Closure, None) => SkipReason::Closure,
        _ if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) => SkipReason::Weekend,
        _ => SkipReason::NoOpeningHours(date.weekday()),
    })
}

/// Splits the open stretch `[from, to)` into counted and paused steps.
/// Stretches come in order, so `next_pause` (the first pause that may
/// still matter) only moves forward: one pass over the pauses for the
/// whole explanation.
fn pieces(
    cal: &Calendar,
    pauses: &PauseSpans,
    stretch: Span,
    next_pause: &mut usize,
    steps: &mut Vec<Step>,
) {
    let Span { from, to } = stretch;
    while pauses.get(*next_pause).is_some_and(|p| p.to <= from) {
        *next_pause += 1;
    }
    let mut at = from;
    for pause in &pauses[*next_pause..] {
        if at >= to || pause.from >= to {
            break;
        }
        let paused = pause.clip(at, to);
        if paused.is_empty() {
            continue;
        }
        if paused.from > at {
            steps.push(counted(cal, at, paused.from));
        }
        steps.push(Step::Paused {
            from: cal.to_datetime(paused.from),
            to: cal.to_datetime(paused.to),
        });
        at = paused.to;
    }
    if at < to {
        steps.push(counted(cal, at, to));
    }
}

/// The step for `[from, to)`, a stretch of one opening window.
fn counted(cal: &Calendar, from: Instant, to: Instant) -> Step {
    Step::Counted {
        from: cal.to_datetime(from),
        to: cal.to_datetime(to),
        used: BusinessNanos::in_window(to - from).into(),
    }
}

/// The JSON forms: instants in RFC 3339, the zone in a field of its own,
/// business time in nanoseconds (see `docs/SERVICE.md`).
#[cfg(feature = "serde")]
mod wire {
    use chrono::{DateTime, FixedOffset, NaiveDate};
    use chrono_tz::Tz;

    use super::SkipReason;
    use crate::duration::BusinessDuration;
    use crate::zoned::parse_zone;

    type Instant = DateTime<FixedOffset>;

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(tag = "step", rename_all = "snake_case", deny_unknown_fields)]
    pub(super) enum Step {
        Counted {
            #[serde(with = "crate::wire::instant")]
            from: Instant,
            #[serde(with = "crate::wire::instant")]
            to: Instant,
            zone: String,
            used_ns: BusinessDuration,
        },
        Paused {
            #[serde(with = "crate::wire::instant")]
            from: Instant,
            #[serde(with = "crate::wire::instant")]
            to: Instant,
            zone: String,
        },
        Skipped {
            date: NaiveDate,
            reason: SkipReason,
        },
    }

    fn zone_of(t: &DateTime<Tz>) -> String {
        t.timezone().name().to_string()
    }

    impl From<super::Step> for Step {
        fn from(step: super::Step) -> Step {
            match step {
                super::Step::Counted { from, to, used } => Step::Counted {
                    zone: zone_of(&from),
                    from: from.fixed_offset(),
                    to: to.fixed_offset(),
                    used_ns: used,
                },
                super::Step::Paused { from, to } => Step::Paused {
                    zone: zone_of(&from),
                    from: from.fixed_offset(),
                    to: to.fixed_offset(),
                },
                super::Step::Skipped { date, reason } => Step::Skipped { date, reason },
            }
        }
    }

    impl TryFrom<Step> for super::Step {
        type Error = crate::Error;
        fn try_from(step: Step) -> crate::Result<super::Step> {
            Ok(match step {
                Step::Counted {
                    from,
                    to,
                    zone,
                    used_ns,
                } => {
                    let zone = parse_zone(&zone)?;
                    super::Step::Counted {
                        from: from.with_timezone(&zone),
                        to: to.with_timezone(&zone),
                        used: used_ns,
                    }
                }
                Step::Paused { from, to, zone } => {
                    let zone = parse_zone(&zone)?;
                    super::Step::Paused {
                        from: from.with_timezone(&zone),
                        to: to.with_timezone(&zone),
                    }
                }
                Step::Skipped { date, reason } => super::Step::Skipped { date, reason },
            })
        }
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Explanation {
        #[serde(with = "crate::wire::instant")]
        created: Instant,
        zone: String,
        target_ns: BusinessDuration,
        #[serde(with = "crate::wire::instant")]
        due: Instant,
        steps: Vec<super::Step>,
    }

    impl From<super::Explanation> for Explanation {
        fn from(e: super::Explanation) -> Explanation {
            Explanation {
                created: e.created.fixed_offset(),
                zone: zone_of(&e.created),
                target_ns: e.target,
                due: e.due.fixed_offset(),
                steps: e.steps,
            }
        }
    }

    impl TryFrom<Explanation> for super::Explanation {
        type Error = crate::Error;
        fn try_from(e: Explanation) -> crate::Result<super::Explanation> {
            let zone = parse_zone(&e.zone)?;
            Ok(super::Explanation {
                created: e.created.with_timezone(&zone),
                target: e.target_ns,
                due: e.due.with_timezone(&zone),
                steps: e.steps,
            })
        }
    }
}
