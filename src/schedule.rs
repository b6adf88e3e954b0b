//! Opening hours: the weekly pattern of windows in which the calendar is
//! open.

use std::fmt;
use std::str::FromStr;

use chrono::Weekday;

use crate::error::{Reason, Result, shown};
use crate::limits::{self, MAX_WINDOWS_PER_DAY};

const SECS_PER_DAY: u32 = 86_400;

/// A local time of day from `00:00` to `24:00` inclusive, to the second.
///
/// `24:00` exists so that a window can run to the end of a day
/// (`20:00-24:00`); `chrono::NaiveTime` cannot express it.
///
/// # Example
///
/// ```
/// use sla_clock::TimeOfDay;
///
/// let t: TimeOfDay = "17:59:59".parse()?;
/// assert_eq!(t.seconds_from_midnight(), 17 * 3600 + 59 * 60 + 59);
/// assert_eq!(t.to_string(), "17:59:59");
/// assert_eq!("24:00".parse::<TimeOfDay>()?.to_string(), "24:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    secs: u32,
}

impl TimeOfDay {
    /// Midnight at the start of the day.
    ///
    /// ```
    /// use sla_clock::TimeOfDay;
    /// assert_eq!(TimeOfDay::MIDNIGHT.to_string(), "00:00");
    /// ```
    pub const MIDNIGHT: TimeOfDay = TimeOfDay { secs: 0 };
    /// Midnight at the end of the day (`24:00`).
    ///
    /// ```
    /// use sla_clock::TimeOfDay;
    /// assert_eq!(TimeOfDay::END_OF_DAY.to_string(), "24:00");
    /// ```
    pub const END_OF_DAY: TimeOfDay = TimeOfDay { secs: SECS_PER_DAY };
    /// The default opening and closing times.
    pub(crate) const TEN: TimeOfDay = TimeOfDay { secs: 10 * 3600 };
    pub(crate) const EIGHTEEN: TimeOfDay = TimeOfDay { secs: 18 * 3600 };

    /// Hours and minutes; `None` past `24:00`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::TimeOfDay;
    ///
    /// assert_eq!(TimeOfDay::hm(10, 0).unwrap().to_string(), "10:00");
    /// assert!(TimeOfDay::hm(24, 1).is_none());
    /// ```
    pub const fn hm(hour: u32, minute: u32) -> Option<TimeOfDay> {
        Self::hms(hour, minute, 0)
    }

    /// Hours, minutes and seconds; `None` past `24:00`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::TimeOfDay;
    ///
    /// assert_eq!(TimeOfDay::hms(9, 59, 59).unwrap().to_string(), "09:59:59");
    /// ```
    pub const fn hms(hour: u32, minute: u32, second: u32) -> Option<TimeOfDay> {
        // Checked before multiplying: a large `hour` would overflow.
        if hour > 24 || minute >= 60 || second >= 60 {
            return None;
        }
        let secs = hour * 3600 + minute * 60 + second;
        if secs > SECS_PER_DAY {
            return None;
        }
        Some(TimeOfDay { secs })
    }

    /// Seconds since the start of the day, 0 to 86 400.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::TimeOfDay;
    ///
    /// assert_eq!(TimeOfDay::END_OF_DAY.seconds_from_midnight(), 86_400);
    /// ```
    pub const fn seconds_from_midnight(self) -> u32 {
        self.secs
    }
}

/// Reads `HH:MM` or `HH:MM:SS` from `00:00` to `24:00`; the hour may have
/// one digit (`8:00`).
///
/// ```
/// use sla_clock::TimeOfDay;
/// assert_eq!("8:00".parse::<TimeOfDay>()?, TimeOfDay::hm(8, 0).unwrap());
/// assert_eq!("08:00:30".parse::<TimeOfDay>()?.to_string(), "08:00:30");
/// assert!("8:0".parse::<TimeOfDay>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for TimeOfDay {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self> {
        let invalid = || -> crate::Error { Reason::InvalidTimeOfDay { input: shown(s) }.into() };
        let number = |part: &str| -> Option<u32> {
            (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        // The hour may have one digit, as people write it ("8:00").
        let hour = |part: &str| -> Option<u32> {
            match part.len() {
                1 if part.bytes().all(|b| b.is_ascii_digit()) => part.parse().ok(),
                _ => number(part),
            }
        };
        let parts: Vec<&str> = s.split(':').collect();
        let (h, m, sec) = match parts.as_slice() {
            [h, m] => (hour(h), number(m), Some(0)),
            [h, m, sec] => (hour(h), number(m), number(sec)),
            _ => return Err(invalid()),
        };
        match (h, m, sec) {
            (Some(h), Some(m), Some(sec)) => TimeOfDay::hms(h, m, sec).ok_or_else(invalid),
            _ => Err(invalid()),
        }
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.secs / 3600, self.secs / 60 % 60, self.secs % 60);
        if s == 0 {
            write!(f, "{h:02}:{m:02}")
        } else {
            write!(f, "{h:02}:{m:02}:{s:02}")
        }
    }
}

/// One opening window of a day, `[start, end)` in local time.
///
/// # Example
///
/// ```
/// use sla_clock::DailyWindow;
///
/// let w: DailyWindow = "10:00-18:00".parse()?;
/// assert_eq!(w.len_secs(), 8 * 3600);
/// assert_eq!(w.to_string(), "10:00-18:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DailyWindow {
    /// When the window opens (inclusive).
    pub start: TimeOfDay,
    /// When it closes (exclusive).
    pub end: TimeOfDay,
}

impl DailyWindow {
    /// A window from `start` to `end`. It is checked when a calendar is
    /// built: an empty or inverted window is an error there.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{DailyWindow, TimeOfDay};
    ///
    /// let w = DailyWindow::new(TimeOfDay::hm(13, 0).unwrap(), TimeOfDay::END_OF_DAY);
    /// assert_eq!(w.to_string(), "13:00-24:00");
    /// ```
    pub const fn new(start: TimeOfDay, end: TimeOfDay) -> Self {
        DailyWindow { start, end }
    }

    /// The window's nominal length in seconds (a window across a DST switch
    /// is an hour longer or shorter in real time).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::DailyWindow;
    /// assert_eq!("09:00-12:30".parse::<DailyWindow>()?.len_secs(), 12_600);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn len_secs(&self) -> u32 {
        self.end.secs.saturating_sub(self.start.secs)
    }
}

impl FromStr for DailyWindow {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self> {
        let (start, end) = s
            .split_once('-')
            .ok_or_else(|| Reason::InvalidWindowSyntax { input: shown(s) })?;
        Ok(DailyWindow {
            start: start.trim().parse()?,
            end: end.trim().parse()?,
        })
    }
}

impl fmt::Display for DailyWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

#[cfg(feature = "serde")]
crate::serde_text::as_text!(TimeOfDay, DailyWindow);

/// Which windows are open on each day of the week.
///
/// This is plain data; a [`Calendar`](crate::Calendar) checks it when it is
/// built (windows non-empty, sorted, not overlapping, some business time in
/// the week).
///
/// # Example
///
/// ```
/// use chrono::Weekday;
/// use sla_clock::WeeklySchedule;
///
/// let week = WeeklySchedule::weekdays("10:00-18:00".parse()?);
/// assert_eq!(week.windows(Weekday::Fri).len(), 1);
/// assert!(week.windows(Weekday::Sat).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct WeeklySchedule {
    days: [Vec<DailyWindow>; 7],
}

impl WeeklySchedule {
    /// Closed every day; add windows with [`WeeklySchedule::open`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::WeeklySchedule;
    /// assert_eq!(WeeklySchedule::closed().weekly_secs(), 0);
    /// ```
    pub fn closed() -> Self {
        Self::default()
    }

    /// The same window Monday to Friday, closed at weekends.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::WeeklySchedule;
    /// let week = WeeklySchedule::weekdays("10:00-18:00".parse()?);
    /// assert_eq!(week.weekly_secs(), 40 * 3600);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn weekdays(window: DailyWindow) -> Self {
        let mut week = Self::closed();
        for &day in &WEEK[..5] {
            week.open(day, window);
        }
        week
    }

    /// Adds a window on `day`, keeping the day's windows in order.
    ///
    /// A day may hold at most
    /// [`MAX_WINDOWS_PER_DAY`](crate::limits::MAX_WINDOWS_PER_DAY) windows;
    /// a calendar built from a schedule with more is refused.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::Weekday;
    /// use sla_clock::WeeklySchedule;
    ///
    /// let mut week = WeeklySchedule::closed();
    /// week.open(Weekday::Sat, "13:00-17:00".parse()?);
    /// week.open(Weekday::Sat, "08:00-12:00".parse()?);
    /// assert_eq!(week.windows(Weekday::Sat)[0].to_string(), "08:00-12:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(&mut self, day: Weekday, window: DailyWindow) -> &mut Self {
        let windows = &mut self.days[day.num_days_from_monday() as usize];
        if windows.len() < MAX_WINDOWS_PER_DAY {
            let at = windows.partition_point(|w| *w <= window);
            windows.insert(at, window);
        } else {
            // Over the limit the schedule is refused when a calendar is
            // built; keeping order would only make a hostile input
            // quadratic before that.
            windows.push(window);
        }
        self
    }

    /// Takes a break out of `day`'s hours: the time of `pause` is cut out
    /// of every window of that day that it overlaps, so that one window
    /// over lunch becomes two. A break outside the day's hours changes
    /// nothing. The instants of the break are then closed, and
    /// [`Calendar::openness`](crate::Calendar::openness) says `break`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::Weekday;
    /// use sla_clock::WeeklySchedule;
    ///
    /// let mut week = WeeklySchedule::weekdays("09:00-17:00".parse()?);
    /// week.take_break(Weekday::Mon, "12:00-13:00".parse()?);
    /// let monday: Vec<String> = week.windows(Weekday::Mon).iter().map(|w| w.to_string()).collect();
    /// assert_eq!(monday, ["09:00-12:00", "13:00-17:00"]);
    /// assert_eq!(week.weekly_secs(), 5 * 8 * 3600 - 3600);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn take_break(&mut self, day: Weekday, pause: DailyWindow) -> &mut Self {
        let windows = &mut self.days[day.num_days_from_monday() as usize];
        let mut kept = Vec::with_capacity(windows.len() + 1);
        for &w in windows.iter() {
            if pause.end <= w.start || w.end <= pause.start {
                kept.push(w);
                continue;
            }
            if w.start < pause.start {
                kept.push(DailyWindow::new(w.start, pause.start));
            }
            if pause.end < w.end {
                kept.push(DailyWindow::new(pause.end, w.end));
            }
        }
        *windows = kept;
        self
    }

    /// The windows of `day`, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::Weekday;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// assert_eq!(cal.schedule().windows(Weekday::Mon)[0].to_string(), "10:00-18:00");
    /// ```
    pub fn windows(&self, day: Weekday) -> &[DailyWindow] {
        &self.days[day.num_days_from_monday() as usize]
    }

    /// Nominal open seconds in a week.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::WeeklySchedule;
    /// assert_eq!(WeeklySchedule::weekdays("09:00-17:30".parse()?).weekly_secs(), 5 * 30_600);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn weekly_secs(&self) -> u64 {
        self.days
            .iter()
            .flatten()
            .map(|w| u64::from(w.len_secs()))
            .sum()
    }

    /// Nominal open seconds on `day`.
    pub(crate) fn day_secs(&self, day: Weekday) -> u32 {
        self.windows(day).iter().map(DailyWindow::len_secs).sum()
    }

    /// Checks the invariants a calendar relies on.
    pub(crate) fn validate(&self) -> Result<()> {
        self.validate_days()?;
        if self.weekly_secs() == 0 {
            return Err(Reason::NoOpeningHours.into());
        }
        Ok(())
    }

    /// Each day's windows checked, but not that the week opens at all: a
    /// calendar whose special hours give every date its hours (a
    /// [combined](crate::Calendar::union) one) needs no week.
    pub(crate) fn validate_days(&self) -> Result<()> {
        for (index, windows) in self.days.iter().enumerate() {
            validate_day(windows, weekday_name(index))?;
        }
        Ok(())
    }
}

/// Checks one day's windows (sorted): at most
/// [`MAX_WINDOWS_PER_DAY`], none empty or inverted, none overlapping.
/// `day` names the day in messages: a weekday, or the dates of special
/// hours.
pub(crate) fn validate_day(windows: &[DailyWindow], day: impl fmt::Display) -> Result<()> {
    limits::check(
        format_args!("opening windows on {day}"),
        windows.len(),
        MAX_WINDOWS_PER_DAY,
    )?;
    for w in windows {
        if w.end <= w.start {
            return Err(Reason::EmptyWindow {
                window: shown(w),
                day: shown(&day),
            }
            .into());
        }
    }
    for pair in windows.windows(2) {
        if pair[1].start < pair[0].end {
            return Err(Reason::OverlappingWindows {
                first: shown(pair[0]),
                second: shown(pair[1]),
                day: shown(&day),
            }
            .into());
        }
    }
    Ok(())
}

/// The days of the week, Monday first, the order of the schedule (and of
/// `chrono::Weekday::num_days_from_monday`).
pub(crate) const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// English day names, Monday first, for messages and configuration.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(crate) fn weekday_name(index: usize) -> &'static str {
    WEEKDAY_NAMES[index % 7]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_of_day_rejects_what_a_clock_cannot_show() {
        for bad in [
            "24:01", "25:00", "10", "10:0", "100:00", "10:60", "10:00:60", "-1:00", "ab:cd", "",
            ":00", "+1:00",
        ] {
            assert_eq!(
                bad.parse::<TimeOfDay>().unwrap_err().to_string(),
                format!(
                    "invalid time of day '{bad}'; expected HH:MM or HH:MM:SS from 00:00 to 24:00"
                )
            );
        }
    }

    #[test]
    fn one_digit_hours_read_as_people_write_them() {
        assert_eq!("1:00".parse::<TimeOfDay>().unwrap().to_string(), "01:00");
        assert_eq!(
            "8:30:15".parse::<TimeOfDay>().unwrap().to_string(),
            "08:30:15"
        );
        assert_eq!(
            "8:00-18:00".parse::<DailyWindow>().unwrap().to_string(),
            "08:00-18:00"
        );
    }

    #[test]
    fn validation_names_the_bad_window() {
        let mut week = WeeklySchedule::closed();
        week.open(Weekday::Tue, "18:00-10:00".parse().unwrap());
        assert_eq!(
            week.validate().unwrap_err().to_string(),
            "opening window 18:00-10:00 on tuesday is empty or ends before it starts"
        );
        let mut week = WeeklySchedule::closed();
        week.open(Weekday::Wed, "10:00-13:00".parse().unwrap());
        week.open(Weekday::Wed, "12:00-18:00".parse().unwrap());
        assert_eq!(
            week.validate().unwrap_err().to_string(),
            "opening windows 10:00-13:00 and 12:00-18:00 on wednesday overlap"
        );
        assert_eq!(
            WeeklySchedule::closed().validate().unwrap_err().to_string(),
            "the weekly schedule has no opening hours; add at least one opening window"
        );
    }

    #[test]
    fn huge_hours_are_refused_without_overflow() {
        assert_eq!(TimeOfDay::hm(1_193_047, 0), None);
        assert_eq!(TimeOfDay::hms(u32::MAX, 59, 59), None);
        assert_eq!(TimeOfDay::hms(24, 0, 0), Some(TimeOfDay::END_OF_DAY));
        assert_eq!(TimeOfDay::hms(24, 0, 1), None);
    }

    #[test]
    fn too_many_windows_are_refused_quickly_and_by_name() {
        let mut week = WeeklySchedule::closed();
        // In reverse order, the worst case for keeping a day sorted.
        for minute in (0..100_000u32).rev() {
            let start = TimeOfDay::hms(minute / 60 % 24, minute % 60, 0).unwrap();
            let end = TimeOfDay::hms(minute / 60 % 24, minute % 60, 30).unwrap();
            week.open(Weekday::Thu, DailyWindow::new(start, end));
        }
        assert_eq!(
            week.validate().unwrap_err().to_string(),
            "too many opening windows on thursday: 100000, more than the limit of 24 \
             (see sla_clock::limits)"
        );
        let mut week = WeeklySchedule::closed();
        for hour in (0..24).rev() {
            let w = DailyWindow::new(
                TimeOfDay::hm(hour, 0).unwrap(),
                TimeOfDay::hm(hour, 50).unwrap(),
            );
            week.open(Weekday::Sun, w);
        }
        assert!(week.validate().is_ok());
        assert!(week.windows(Weekday::Sun).is_sorted());
    }

    #[test]
    fn adjacent_windows_are_fine() {
        let mut week = WeeklySchedule::closed();
        week.open(Weekday::Mon, "08:00-12:00".parse().unwrap());
        week.open(Weekday::Mon, "12:00-16:00".parse().unwrap());
        assert!(week.validate().is_ok());
    }
}
