//! Calendars combined into one: open when any of several calendars is open
//! (a union: follow-the-sun support across desks in different zones), or
//! only when all of them are (an intersection: a vendor and a customer both
//! at work). The result is an ordinary [`Calendar`], so due times, business
//! time, explanations, clocks and policies work on it unchanged.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use chrono_tz::Tz;

use crate::calendar::{Calendar, CalendarBuilder};
use crate::date_range::DateRange;
use crate::error::{Reason, Result, shown};
use crate::limits;
use crate::range::ALL_DATES;
use crate::schedule::{DailyWindow, TimeOfDay};
use crate::units::{Instant, Span};

/// How the calendars' open times combine.
#[derive(Clone, Copy)]
enum Combine {
    /// Open when any calendar is.
    Any,
    /// Open when every calendar is.
    All,
}

impl Calendar {
    /// A calendar in `zone` that is open whenever any of `calendars` is
    /// open: follow-the-sun support with desks in Munich, Vienna and
    /// Zurich, or in Berlin and New York.
    ///
    /// Returns a builder holding the combined hours as special hours on
    /// every date of the supported range (local dates in `zone`), so that
    /// everything a calendar answers works on the result; its business day
    /// is the first calendar's ([`CalendarBuilder::business_day`] changes
    /// it). Its [explanations](crate::SlaClock::explain) speak of those
    /// special hours; ask a member calendar's
    /// [`openness`](Calendar::openness) why that desk is closed.
    ///
    /// Exact to the second for any zones: each boundary of the combined
    /// hours is written as a local time in `zone` and read back to the
    /// same instant. A boundary in the repeated hour of `zone`'s autumn
    /// change that cannot be written that way is an error that says so
    /// (combine in `UTC` then, or in a member's zone). Building looks at
    /// all 105 years of every member at once, unlike a plain calendar,
    /// which builds a year when it is first asked about: build a combined
    /// calendar once and clone it (clones share their tables).
    ///
    /// # Errors
    ///
    /// No calendars, more than [`limits::MAX_COMBINED_CALENDARS`], a
    /// boundary `zone` cannot write, or more windows on a date than
    /// [`limits::MAX_WINDOWS_PER_DAY`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let munich = Calendar::munich();
    /// let new_york = Calendar::builder(chrono_tz::America::New_York)
    ///     .weekdays("09:00-17:00")
    ///     .build()?;
    /// let desks = Calendar::union(chrono_tz::Europe::Berlin, &[&munich, &new_york])?.build()?;
    /// // 17:00 in Munich: New York (11:00 there) is still at work.
    /// let t = desks.parse_datetime("2026-12-21T17:00")?;
    /// assert!(desks.is_open(&t)?);
    /// // Open from 10:00 to 23:00 Berlin time on a weekday: 4 hours from
    /// // Monday 20:00 end on Tuesday at 11:00.
    /// let evening = desks.parse_datetime("2026-12-21T20:00")?;
    /// let due = desks.due(&evening, BusinessDuration::from_hours(4))?;
    /// assert_eq!(due.to_rfc3339(), "2026-12-22T11:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn union(zone: Tz, calendars: &[&Calendar]) -> Result<CalendarBuilder> {
        combine(zone, calendars, Combine::Any)
    }

    /// A calendar in `zone` that is open only when all of `calendars` are
    /// open: the hours a vendor and a customer share. Built as
    /// [`Calendar::union`] is, with the same exactness, costs and errors.
    ///
    /// # Errors
    ///
    /// As for [`Calendar::union`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let munich = Calendar::munich();
    /// let new_york = Calendar::builder(chrono_tz::America::New_York)
    ///     .weekdays("09:00-17:00")
    ///     .build()?;
    /// let both = Calendar::intersection(chrono_tz::Europe::Berlin, &[&munich, &new_york])?.build()?;
    /// // Both at work from 15:00 to 18:00 Berlin time: 3 hours a day.
    /// let monday = both.parse_datetime("2026-12-21T09:00")?;
    /// let due = both.due(&monday, BusinessDuration::from_hours(4))?;
    /// assert_eq!(due.to_rfc3339(), "2026-12-22T16:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn intersection(zone: Tz, calendars: &[&Calendar]) -> Result<CalendarBuilder> {
        combine(zone, calendars, Combine::All)
    }
}

fn combine(zone: Tz, calendars: &[&Calendar], how: Combine) -> Result<CalendarBuilder> {
    let Some(first) = calendars.first() else {
        return Err(Reason::NoCalendarsToCombine.into());
    };
    limits::check(
        "calendars to combine",
        calendars.len(),
        limits::MAX_COMBINED_CALENDARS,
    )?;
    // A calendar of `zone` alone, for its range and its local times.
    let local = Calendar::builder(zone).weekdays("00:00-24:00").build()?;
    let timeline = local.timeline();
    let (start, end) = (timeline.start(), timeline.end());
    let open = calendars.iter().map(|c| {
        let t = c.timeline();
        t.windows_between(start.max(t.start()), end.min(t.end()))
    });
    let spans = match how {
        Combine::Any => Span::union(open.flatten().collect()),
        Combine::All => open.reduce(|a, b| intersection(&a, &b)).unwrap_or_default(),
    };
    // Each date's windows, in the zone's local times.
    let mut days: Vec<(NaiveDate, Vec<DailyWindow>)> = Vec::new();
    for span in spans {
        let mut from = span.from;
        while from < span.to {
            let date = local.to_datetime(from).date_naive();
            let midnight = date.succ_opt().map_or(end, |next| {
                timeline.local_instant(next.and_time(NaiveTime::MIN))
            });
            let to = span.to.min(midnight);
            let opens = written(&local, from)?;
            let closes = if to == midnight {
                TimeOfDay::END_OF_DAY
            } else {
                written(&local, to)?
            };
            let window = DailyWindow::new(opens, closes);
            match days.last_mut() {
                Some((d, windows)) if *d == date => windows.push(window),
                _ => days.push((date, vec![window])),
            }
            from = to;
        }
    }
    // Every date of the range gets its hours, closed ones none, with runs
    // of the same hours as one range.
    let mut builder = Calendar::builder(zone).business_day(first.business_day());
    let (mut date, last) = ALL_DATES;
    let mut run: Option<(NaiveDate, Vec<DailyWindow>)> = None;
    let mut given = days.into_iter().peekable();
    while date <= last {
        let windows = match given.peek() {
            Some((d, _)) if *d == date => given.next().map(|(_, w)| w).unwrap_or_default(),
            _ => Vec::new(),
        };
        run = match run {
            Some((from, hours)) if hours == windows => Some((from, hours)),
            Some((from, hours)) => {
                let until = date.pred_opt().unwrap_or(date);
                builder = builder.special_windows(DateRange::new(from, until), hours);
                Some((date, windows))
            }
            None => Some((date, windows)),
        };
        match date.succ_opt() {
            Some(next) => date = next,
            None => break,
        }
    }
    if let Some((from, hours)) = run {
        builder = builder.special_windows(DateRange::new(from, last), hours);
    }
    Ok(builder)
}

/// The local time of day at which `calendar`'s zone shows `t`, checked to
/// read back to `t` (it does not in the repeated hour of an autumn
/// change, whose second pass local times cannot name).
fn written(calendar: &Calendar, t: Instant) -> Result<TimeOfDay> {
    let shown_at = calendar.to_datetime(t);
    let local: NaiveDateTime = shown_at.naive_local();
    if calendar.timeline().local_instant(local) != t || local.nanosecond() != 0 {
        return Err(Reason::CombinedBoundary {
            instant: shown(shown_at.to_rfc3339()),
            zone: shown(calendar.zone().name()),
        }
        .into());
    }
    // A local time of day is always one.
    Ok(TimeOfDay::hms(local.hour(), local.minute(), local.second()).unwrap_or(TimeOfDay::MIDNIGHT))
}

/// The intersection of two sorted lists of disjoint spans.
fn intersection(a: &[Span], b: &[Span]) -> Vec<Span> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let (from, to) = (a[i].from.max(b[j].from), a[i].to.min(b[j].to));
        if from < to {
            out.push(Span { from, to });
        }
        if a[i].to <= b[j].to {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}
