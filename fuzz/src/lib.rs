//! Shared pieces of the `sla-clock` fuzz targets: structured inputs that
//! build a random but plausible calendar, instants and targets, through the
//! crate's public API only.

use arbitrary::Arbitrary;
use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use sla_clock::{
    BusinessDuration, Calendar, ErrorKind, HolidayDate, HolidayRule, TimeOfDay,
    munich_holiday_rules,
};

/// Whether an error is about the supported range (1995 to 2099), the only
/// error that a well-formed instant or target may run into.
pub fn is_out_of_range(e: &sla_clock::Error) -> bool {
    e.kind() == ErrorKind::OutOfRange
}

/// Panics unless `e` is a range error.
pub fn expect_out_of_range(what: &str, e: &sla_clock::Error) {
    assert!(is_out_of_range(e), "{what}: {e}");
}

/// Zones with unusual daylight-saving rules: a 30-minute DST shift
/// (Lord Howe), a skipped calendar day (Apia, 2011-12-30), DST switches at
/// midnight (Sao Paulo until 2019), a +05:45 offset (Kathmandu), a 2-hour
/// DST shift (Troll), "negative" DST (Dublin), Ramadan-suspended DST
/// (Casablanca), and a plain zone and UTC for contrast.
pub const ZONES: [Tz; 10] = [
    chrono_tz::Europe::Berlin,
    chrono_tz::America::Sao_Paulo,
    chrono_tz::Australia::Lord_Howe,
    chrono_tz::Pacific::Apia,
    chrono_tz::Asia::Kathmandu,
    chrono_tz::Antarctica::Troll,
    chrono_tz::Europe::Dublin,
    chrono_tz::Africa::Casablanca,
    chrono_tz::America::St_Johns,
    chrono_tz::UTC,
];

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// UTC seconds of 1995-01-01T00:00Z less two days, so that instants a
/// little before the supported range are generated too.
const FIRST_SECS: i64 = 788_918_400 - 2 * 86_400;
/// From [`FIRST_SECS`] to 2100-01-01T00:00Z plus two days.
const SPAN_SECS: i64 = 4_102_444_800 + 2 * 86_400 - FIRST_SECS;

/// A time of day as hour, minute and second; the hour is taken modulo 25
/// so that `24:00` (and the invalid `24:30`) come up.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct TimeSpec {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Whole minutes only (the common case), or with seconds.
    pub with_seconds: bool,
}

impl TimeSpec {
    /// `HH:MM` or `HH:MM:SS`; past `24:00` it is text the parser rejects.
    pub fn text(self) -> String {
        let (h, m, s) = (self.hour % 25, self.minute % 60, self.second % 60);
        if self.with_seconds {
            format!("{h:02}:{m:02}:{s:02}")
        } else {
            format!("{h:02}:{m:02}")
        }
    }

    pub fn time_of_day(self) -> Option<TimeOfDay> {
        self.text().parse().ok()
    }
}

/// One opening window, written as text (`"HH:MM-HH:MM"`), the way a
/// configuration gives it.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct WindowSpec {
    pub start: TimeSpec,
    pub end: TimeSpec,
}

impl WindowSpec {
    pub fn text(self) -> String {
        format!("{}-{}", self.start.text(), self.end.text())
    }
}

/// A calendar date with the year taken from 1990 to 2105, so that dates
/// just outside the supported range come up.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct DateSpec {
    pub year: u8,
    pub ordinal: u16,
}

impl DateSpec {
    pub fn date(self) -> Option<NaiveDate> {
        let year = 1990 + i32::from(self.year % 116);
        NaiveDate::from_yo_opt(year, 1 + u32::from(self.ordinal % 366))
    }
}

/// A holiday rule of any of the three kinds, including invalid ones (the
/// builder must reject those with an error).
#[derive(Debug, Clone, Arbitrary)]
pub enum HolidaySpec {
    Fixed {
        month: u8,
        day: u8,
        first_year: Option<i16>,
        last_year: Option<i16>,
    },
    Easter {
        offset: i16,
        first_year: Option<i16>,
        last_year: Option<i16>,
    },
    Once(DateSpec),
    /// The `weekday` before an anchor date (Buß- und Bettag: the
    /// Wednesday before 23 November).
    WeekdayBefore {
        weekday: u8,
        month: u8,
        day: u8,
    },
    /// A fixed date, a holiday only on some weekdays (`weekdays` is a
    /// bit set, Monday first).
    FixedOnWeekdays {
        month: u8,
        day: u8,
        weekdays: u8,
    },
}

impl HolidaySpec {
    pub fn rule(&self) -> HolidayRule {
        let years = |rule: HolidayRule, first: Option<i16>, last: Option<i16>| {
            let rule = match first {
                Some(y) => rule.from_year(i32::from(y)),
                None => rule,
            };
            match last {
                Some(y) => rule.until_year(i32::from(y)),
                None => rule,
            }
        };
        match *self {
            HolidaySpec::Fixed {
                month,
                day,
                first_year,
                last_year,
            } => years(
                HolidayRule::new(
                    HolidayDate::Fixed {
                        month: u32::from(month % 14),
                        day: u32::from(day % 33),
                    },
                    "F",
                    "Fixed",
                ),
                first_year,
                last_year,
            ),
            HolidaySpec::Easter {
                offset,
                first_year,
                last_year,
            } => years(
                HolidayRule::new(
                    HolidayDate::Easter {
                        offset: i32::from(offset % 300),
                    },
                    "E",
                    "Easter-based",
                ),
                first_year,
                last_year,
            ),
            HolidaySpec::Once(date) => {
                let date = date.date().unwrap_or(NaiveDate::MIN);
                HolidayRule::new(HolidayDate::Once { date }, "O", "Once")
            }
            HolidaySpec::WeekdayBefore {
                weekday,
                month,
                day,
            } => HolidayRule::new(
                HolidayDate::WeekdayBefore {
                    weekday: WEEK[usize::from(weekday % 7)],
                    month: u32::from(month % 14),
                    day: u32::from(day % 33),
                },
                "W",
                "Weekday before",
            ),
            HolidaySpec::FixedOnWeekdays {
                month,
                day,
                weekdays,
            } => HolidayRule::new(
                HolidayDate::FixedOnWeekdays {
                    month: u32::from(month % 14),
                    day: u32::from(day % 33),
                    weekdays: (0..7)
                        .filter(|i| weekdays & (1 << i) != 0)
                        .map(|i| WEEK[i])
                        .collect(),
                },
                "O",
                "On weekdays",
            ),
        }
    }
}

/// A random but plausible calendar: a zone from [`ZONES`], up to three
/// windows a day, a built-in region's holidays or Munich's, a few holiday
/// rules, closures and closure ranges, special hours for a few date ranges,
/// maybe a business-day length of its own.
#[derive(Debug, Clone, Arbitrary)]
pub struct CalendarSpec {
    pub zone: u8,
    pub week: [Vec<WindowSpec>; 7],
    pub munich_holidays: bool,
    /// An index into `sla_clock::regions()`.
    pub region: Option<u8>,
    pub holidays: Vec<HolidaySpec>,
    pub closures: Vec<DateSpec>,
    /// Closure ranges: a first date and up to 255 more days.
    pub closure_ranges: Vec<(DateSpec, u8)>,
    /// Special hours for a date range (a first date and up to 15 more
    /// days): up to three windows, none for a closed range.
    pub special: Vec<(DateSpec, u8, Vec<WindowSpec>)>,
    pub business_day_secs: Option<u32>,
}

impl CalendarSpec {
    pub fn zone(&self) -> Tz {
        ZONES[usize::from(self.zone) % ZONES.len()]
    }

    /// The calendar, or `None` when the builder refuses it (which is fine:
    /// only a panic is a bug).
    pub fn build(&self) -> Option<Calendar> {
        let mut builder = Calendar::builder(self.zone());
        for (day, windows) in WEEK.iter().zip(&self.week) {
            for w in windows.iter().take(3) {
                builder = builder.open(*day, &w.text());
            }
        }
        if self.munich_holidays {
            builder = builder.holidays(munich_holiday_rules());
        }
        if let Some(i) = self.region {
            let regions = sla_clock::regions();
            builder = builder.holidays_of(regions[usize::from(i) % regions.len()].code());
        }
        builder = builder.holidays(self.holidays.iter().take(4).map(HolidaySpec::rule));
        for date in self.closures.iter().take(4).filter_map(|c| c.date()) {
            builder = builder.closure(date);
        }
        for (first, days) in self.closure_ranges.iter().take(2) {
            if let Some(first) = first.date() {
                let last = first + Days::new(u64::from(*days));
                builder = builder.closure(first..=last);
            }
        }
        for (first, days, windows) in self.special.iter().take(3) {
            if let Some(first) = first.date() {
                let last = first + Days::new(u64::from(days % 16));
                let texts: Vec<String> = windows.iter().take(3).map(|w| w.text()).collect();
                let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
                builder = builder.special_hours(first..=last, &texts);
            }
        }
        if let Some(secs) = self.business_day_secs {
            builder = builder.business_day(BusinessDuration::from_secs(i64::from(secs % 100_000)));
        }
        builder.build().ok()
    }
}

/// An instant, either anywhere in (and a little around) the supported range
/// or at a local wall time of the calendar's zone, where opening and
/// closing times and DST switches lie.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum InstantSpec {
    Utc { secs: u32, nanos: u32 },
    Local { date: DateSpec, time: TimeSpec },
}

impl InstantSpec {
    pub fn instant(self, zone: Tz) -> Option<DateTime<Utc>> {
        match self {
            InstantSpec::Utc { secs, nanos } => {
                let secs = FIRST_SECS + i64::from(secs) % SPAN_SECS;
                // Mostly whole seconds; sometimes a fraction.
                let nanos = if nanos % 4 == 0 {
                    nanos % 1_000_000_000
                } else {
                    0
                };
                DateTime::from_timestamp(secs, nanos)
            }
            InstantSpec::Local { date, time } => {
                let date = date.date()?;
                let secs = time.time_of_day()?.seconds_from_midnight();
                // 24:00 is midnight of the next day.
                let (date, secs) = if secs == 86_400 {
                    (date.checked_add_days(Days::new(1))?, 0)
                } else {
                    (date, secs)
                };
                let naive = date.and_time(NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)?);
                // In a gap there is no such instant; in a fold take the first.
                Some(zone.from_local_datetime(&naive).earliest()?.to_utc())
            }
        }
    }
}

/// A response target: business seconds, minutes, hours or days, small
/// enough to land inside the range most of the time.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum TargetSpec {
    Nanos(u64),
    Secs(u32),
    Minutes(u16),
    Hours(u16),
    Days(u8),
}

impl TargetSpec {
    pub fn duration(self, calendar: &Calendar) -> BusinessDuration {
        match self {
            TargetSpec::Nanos(n) => BusinessDuration::from_nanos(i128::from(n)),
            TargetSpec::Secs(s) => BusinessDuration::from_secs(i64::from(s)),
            TargetSpec::Minutes(m) => BusinessDuration::from_minutes(i64::from(m)),
            TargetSpec::Hours(h) => BusinessDuration::from_hours(i64::from(h)),
            TargetSpec::Days(d) => {
                BusinessDuration::from_nanos(calendar.business_day().as_nanos() * i128::from(d))
            }
        }
    }
}
