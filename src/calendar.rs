//! The business calendar: time zone, opening hours, holidays and closures.

use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Weekday};
use chrono_tz::Tz;

use crate::business_days::{EndDate, Roll};
use crate::config::{CalendarConfig, HolidaySet, WeekConfig};
use crate::date_range::{DateMap, DateRange};
use crate::duration::BusinessDuration;
use crate::error::{Result, check_date, check_year};
use crate::holidays::{Holiday, HolidayRule, holidays_in_year};
use crate::limits;
use crate::pause::Pause;
use crate::regions::{Region, munich_holiday_rules};
use crate::schedule::{DailyWindow, TimeOfDay, WEEK, WeeklySchedule};
use crate::special_hours::SpecialHours;
use crate::timeline::{Timeline, Years};
use crate::units::Instant;
use crate::validation::{
    check_closure, check_closure_count, check_day_length, check_holiday_rule_count,
    check_special_date_count, check_special_hours, check_window_count, check_zone,
};
use crate::{business_days, business_time, input};

/// A business calendar: when the support desk is open.
///
/// It combines a time zone, a weekly schedule of opening windows, holiday
/// rules and the user's own closure dates. All business-time arithmetic
/// asks a calendar where the open intervals lie; see
/// [`Calendar::due`] and [`Calendar::business_time`].
///
/// A calendar is cheap to clone (it is reference counted) and `Send +
/// Sync`, so one instance can serve a whole service. The first query about
/// a year builds a table of that year's opening windows (a few
/// microseconds and about 3 KiB for the default calendar); later queries
/// only search it. Memory grows with the years asked about, so a service
/// can hold a calendar per customer.
///
/// # Which hours apply on a date
///
/// One rule decides which opening windows a local date has, for every
/// query alike (due times and counting back, business time, `is_open`,
/// `is_business_day`, the business-day dates, explanations). The first
/// line that applies wins:
///
/// 1. **Special hours** for the date
///    ([`CalendarBuilder::special_hours`], `"special_hours"` in JSON):
///    their windows, or closed when they have none, whatever the
///    weekday, a holiday or a closure would say. A half day on Christmas
///    Eve, a Saturday shift, a holiday on which the desk opens after all.
/// 2. **No windows on its weekday** in the weekly schedule: closed.
/// 3. **A holiday**: closed.
/// 4. **A closure** of the calendar's own ([`CalendarBuilder::closure`]):
///    closed.
/// 5. Otherwise, the weekday's windows.
///
/// A date with any open time at all is a business day, however short.
///
/// # Clock changes
///
/// Windows are local times, placed in absolute time by the calendar's
/// zone (`docs/SEMANTICS.md` section 6), and the arithmetic counts real
/// time:
///
/// - a window boundary in the **spring-forward gap** opens or closes at
///   the moment the gap ends, so **a window partly inside the gap counts
///   only its real time**: 01:00-02:30 on 29 March 2026 in Europe/Berlin
///   is open from 01:00 CET to 03:00 CEST, one business hour, not ninety
///   minutes; 02:30-04:00 that day is open from 03:00 to 04:00 CEST;
/// - a window wholly inside the gap holds no business time, and a date
///   left without business time that way is no business day;
/// - a boundary in the **autumn fold** is its first occurrence, and the
///   window counts every real minute: 02:30-04:00 on 25 October 2026
///   holds 2 h 30 m.
///
/// The rule holds for every answer alike: [`Calendar::due`],
/// [`Calendar::before`], [`Calendar::business_time`],
/// [`Calendar::is_open`] and the opening and closing instants,
/// [`Calendar::open_windows`], the business-day dates, and
/// [`Calendar::add_business_days_at`], whose time of day in a gap is the
/// moment the gap ends.
///
/// ```
/// use chrono::Weekday;
/// use sla_clock::chrono_tz::Europe::Berlin;
/// use sla_clock::{BusinessDuration, Calendar};
///
/// let cal = Calendar::builder(Berlin).open(Weekday::Sun, "01:00-02:30").build()?;
/// let from = cal.parse_datetime("2026-03-29T00:00")?;
/// let to = cal.parse_datetime("2026-03-30T00:00")?;
/// assert_eq!(cal.business_time(&from, &to)?, BusinessDuration::from_hours(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The length of a business day ([`Calendar::business_day`]) comes from
/// the weekly schedule alone; special hours do not change it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use sla_clock::Calendar;
///
/// let cal = Calendar::munich();
/// let whit_monday = NaiveDate::from_ymd_opt(2026, 5, 25).unwrap();
/// assert!(cal.is_holiday(whit_monday)?);
/// assert!(!cal.is_business_day(whit_monday)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(into = "crate::CalendarConfig")
)]
pub struct Calendar {
    inner: Arc<Inner>,
}

struct Inner {
    zone: Tz,
    schedule: WeeklySchedule,
    holiday_rules: Vec<HolidayRule>,
    /// Sorted, disjoint, touching ranges joined.
    closures: Vec<DateRange>,
    /// Sorted, disjoint, touching ranges with the same windows joined.
    special_hours: Vec<SpecialHours>,
    business_day: BusinessDuration,
    /// Whether `business_day` was set ([`CalendarBuilder::business_day`])
    /// rather than derived from the schedule: a set length stays set
    /// through [`Calendar::to_builder`] and configuration.
    business_day_set: bool,
    years: Years,
}

/// One open interval, as absolute instants in the calendar's zone:
/// `[start, end)`. With the `serde` feature it is
/// `{"start": RFC 3339, "end": RFC 3339, "zone": "Europe/Berlin"}`.
///
/// # Example
///
/// ```
/// use sla_clock::Calendar;
///
/// let cal = Calendar::munich();
/// let from = cal.parse_datetime("2026-12-24T00:00")?;
/// let to = cal.parse_datetime("2026-12-29T00:00")?;
/// let windows = cal.open_windows(&from, &to)?;
/// // Thursday 24th, then Monday 28th: Christmas and the weekend are closed.
/// assert_eq!(windows.len(), 2);
/// assert_eq!(windows[1].start.to_rfc3339(), "2026-12-28T10:00:00+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "IntervalWire", try_from = "IntervalWire")
)]
pub struct OpenInterval {
    /// First open instant.
    pub start: DateTime<Tz>,
    /// First instant after it that is closed.
    pub end: DateTime<Tz>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IntervalWire {
    #[serde(with = "crate::wire::instant")]
    start: DateTime<FixedOffset>,
    #[serde(with = "crate::wire::instant")]
    end: DateTime<FixedOffset>,
    zone: String,
}

#[cfg(feature = "serde")]
impl From<OpenInterval> for IntervalWire {
    fn from(i: OpenInterval) -> IntervalWire {
        IntervalWire {
            start: i.start.fixed_offset(),
            end: i.end.fixed_offset(),
            zone: i.start.timezone().name().to_string(),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<IntervalWire> for OpenInterval {
    type Error = crate::Error;
    fn try_from(w: IntervalWire) -> Result<OpenInterval> {
        let zone = crate::zoned::parse_zone(&w.zone)?;
        Ok(OpenInterval {
            start: w.start.with_timezone(&zone),
            end: w.end.with_timezone(&zone),
        })
    }
}

impl Calendar {
    /// The default calendar of the support policy: Europe/Berlin, Monday to
    /// Friday 10:00 to 18:00, closed on Munich's public holidays
    /// ([`munich_holiday_rules`](crate::munich_holiday_rules)). A business
    /// day is 8 hours.
    ///
    /// The first call in a process makes the calendar; every later call
    /// returns the same one (a clone shares its tables), so it is free to
    /// call wherever a calendar is needed.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let cal = Calendar::munich();
    /// assert_eq!(cal.zone(), chrono_tz::Europe::Berlin);
    /// assert_eq!(cal.business_day(), BusinessDuration::from_hours(8));
    /// ```
    pub fn munich() -> Calendar {
        // One calendar per process, shared by every caller: its tables are
        // built once, so calling this per request costs a reference count.
        static MUNICH: OnceLock<Calendar> = OnceLock::new();
        MUNICH.get_or_init(Calendar::build_munich).clone()
    }

    fn build_munich() -> Calendar {
        let ten_to_six = DailyWindow::new(TimeOfDay::TEN, TimeOfDay::EIGHTEEN);
        let schedule = WeeklySchedule::weekdays(ten_to_six);
        Calendar::from_parts(
            chrono_tz::Europe::Berlin,
            schedule,
            munich_holiday_rules(),
            Vec::new(),
            Vec::new(),
            BusinessDuration::from_hours(8),
            false,
        )
    }

    /// A builder for a calendar of your own in `zone`. There is no default
    /// zone: a calendar's local times mean nothing without one. A zone
    /// name parses into a [`Tz`] (`"America/New_York".parse()?`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::Weekday;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::builder("America/New_York".parse()?)
    ///     .weekdays("09:00-12:00")
    ///     .weekdays("13:00-17:00")
    ///     .open(Weekday::Sat, "10:00-14:00")
    ///     .build()?;
    /// assert_eq!(cal.schedule().windows(Weekday::Mon).len(), 2);
    /// assert_eq!(cal.zone(), chrono_tz::America::New_York);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(zone: Tz) -> CalendarBuilder {
        CalendarBuilder::new(Ok(zone))
    }

    /// A builder in the zone named `name`, an IANA name such as
    /// `"Europe/Berlin"`, as configuration gives it. An unknown name is
    /// reported by [`build`](CalendarBuilder::build), naming the closest
    /// valid names.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, ErrorKind};
    /// let err = Calendar::builder_named("Europe/Munich").weekdays("10:00-18:00").build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Calendar);
    /// assert!(err.to_string().starts_with("unknown time zone 'Europe/Munich'"));
    /// assert!(Calendar::builder_named("Europe/Berlin").weekdays("10:00-18:00").build().is_ok());
    /// ```
    pub fn builder_named(name: &str) -> CalendarBuilder {
        CalendarBuilder::new(check_zone(name))
    }

    /// A builder that starts from this calendar: its zone, schedule,
    /// holiday rules, closures and special hours, and its business-day
    /// length when that was set rather than derived from the week. Calls
    /// add to what is there (`weekdays` adds windows; `schedule` replaces
    /// the week); `build` checks the whole again.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let company_day = NaiveDate::from_ymd_opt(2026, 6, 5).unwrap();
    /// let cal = Calendar::munich().to_builder().closure(company_day).build()?;
    /// assert!(!cal.is_business_day(company_day)?);
    /// assert_eq!(cal.holiday_rules(), Calendar::munich().holiday_rules());
    /// assert_eq!(Calendar::munich().to_builder().build()?, Calendar::munich());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_builder(&self) -> CalendarBuilder {
        let inner = &*self.inner;
        let mut builder = CalendarBuilder {
            schedule: inner.schedule.clone(),
            holiday_rules: inner.holiday_rules.clone(),
            ..CalendarBuilder::new(Ok(inner.zone))
        };
        if inner.business_day_set {
            builder.business_day = Some(inner.business_day);
        }
        for &range in &inner.closures {
            builder.closures.insert(range, ());
        }
        for special in &inner.special_hours {
            builder
                .special_hours
                .insert(special.dates, special.windows.clone());
        }
        builder
    }

    fn from_parts(
        zone: Tz,
        schedule: WeeklySchedule,
        holiday_rules: Vec<HolidayRule>,
        closures: Vec<DateRange>,
        special_hours: Vec<SpecialHours>,
        business_day: BusinessDuration,
        business_day_set: bool,
    ) -> Calendar {
        Calendar {
            inner: Arc::new(Inner {
                zone,
                schedule,
                holiday_rules,
                closures,
                special_hours,
                business_day,
                business_day_set,
                years: Years::new(),
            }),
        }
    }

    /// The calendar's time zone; local times are read in it.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    /// assert_eq!(Calendar::munich().zone().name(), "Europe/Berlin");
    /// ```
    pub fn zone(&self) -> Tz {
        self.inner.zone
    }

    /// The weekly opening windows.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    /// assert_eq!(Calendar::munich().schedule().weekly_secs(), 40 * 3600);
    /// ```
    pub fn schedule(&self) -> &WeeklySchedule {
        &self.inner.schedule
    }

    /// The holiday rules, in the order given.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    /// assert_eq!(Calendar::munich().holiday_rules()[0].name.de, "Neujahr");
    /// ```
    pub fn holiday_rules(&self) -> &[HolidayRule] {
        &self.inner.holiday_rules
    }

    /// The calendar's own closures (company days off) as sorted, disjoint
    /// ranges of dates; dates given one by one that follow each other are
    /// joined into one range.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::{Calendar, DateRange};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let cal = Calendar::builder(chrono_tz::Europe::Berlin)
    ///     .weekdays("10:00-18:00")
    ///     .closure(d(12, 24)..=d(12, 31))
    ///     .closure(d(5, 15))
    ///     .build()?;
    /// assert_eq!(cal.closures(), &[DateRange::from(d(5, 15)), DateRange::new(d(12, 24), d(12, 31))]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closures(&self) -> &[DateRange] {
        &self.inner.closures
    }

    /// The special hours, sorted by date and disjoint: for each date at most
    /// one entry (a later one given to the builder replaces what an earlier
    /// one said about the same dates).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
    /// let cal = Calendar::munich()
    ///     .to_builder()
    ///     .special_hours(d(24), &["10:00-14:00"])
    ///     .special_hours(d(28)..=d(30), &[])
    ///     .build()?;
    /// let special = cal.special_hours();
    /// assert_eq!(special.len(), 2);
    /// assert_eq!(special[1].dates.to_string(), "2026-12-28/2026-12-30");
    /// assert!(special[1].windows.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn special_hours(&self) -> &[SpecialHours] {
        &self.inner.special_hours
    }

    /// The length of one business day, the unit of
    /// [`ResponseTarget::BusinessDays`](crate::ResponseTarget).
    ///
    /// Unless set with [`CalendarBuilder::business_day`], it is the most
    /// common non-zero amount of opening hours among the seven weekdays
    /// (the longer one on a tie): 8 hours for Monday to Friday 10:00 to
    /// 18:00, 7 hours for 09:00-12:00 plus 13:00-17:00.
    ///
    /// A length that was set stays set, even when it equals what the week
    /// implies: [`Calendar::to_builder`] keeps it, so new opening hours do
    /// not change it, and [`CalendarConfig::from`] writes it
    /// (`business_day_seconds`). A derived length follows the hours.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let cal = Calendar::builder(chrono_tz::Europe::Berlin).weekdays("09:00-12:00").weekdays("13:00-17:00").build()?;
    /// assert_eq!(cal.business_day(), BusinessDuration::from_hours(7));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_day(&self) -> BusinessDuration {
        self.inner.business_day
    }

    /// The holidays that fall in `year`, sorted by date. Closures are not
    /// holidays and are not listed.
    ///
    /// # Errors
    ///
    /// A year outside 1995 to 2099.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let holidays = Calendar::munich().holidays(2027)?;
    /// assert_eq!(holidays.len(), 13);
    /// assert_eq!(holidays[2].to_string(), "2027-03-26  Karfreitag / Good Friday");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>> {
        check_year(year)?;
        Ok(holidays_in_year(&self.inner.holiday_rules, year))
    }

    /// The holiday on `date`, if there is one.
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let date = NaiveDate::from_ymd_opt(2026, 6, 4).unwrap();
    /// let holiday = Calendar::munich().holiday_on(date)?.unwrap();
    /// assert_eq!(holiday.names[0].en, "Corpus Christi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holiday_on(&self, date: NaiveDate) -> Result<Option<Holiday>> {
        check_date(date)?;
        let year = chrono::Datelike::year(&date);
        Ok(holidays_in_year(&self.inner.holiday_rules, year)
            .into_iter()
            .find(|h| h.date == date))
    }

    /// Whether a holiday rule falls on `date`.
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// assert!(cal.is_holiday(NaiveDate::from_ymd_opt(2017, 10, 31).unwrap())?);
    /// assert!(!cal.is_holiday(NaiveDate::from_ymd_opt(2018, 10, 31).unwrap())?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_holiday(&self, date: NaiveDate) -> Result<bool> {
        check_date(date)?;
        let year = chrono::Datelike::year(&date);
        Ok(self
            .inner
            .holiday_rules
            .iter()
            .any(|rule| rule.in_year(year) == Some(date)))
    }

    /// The date of `instant` (in any zone) in the calendar's zone: the
    /// date whose holidays and opening hours apply at that instant.
    ///
    /// # Errors
    ///
    /// An instant outside the supported range (its local date in the
    /// calendar's zone before 1995-01-01 or after 2099-12-31).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{DateTime, NaiveDate, Utc};
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// // 23:30 UTC on New Year's Eve is already New Year's Day in Munich.
    /// let instant: DateTime<Utc> = "2026-12-31T23:30:00Z".parse()?;
    /// assert_eq!(cal.local_date(&instant)?, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    /// assert!(cal.local_date(&"2099-12-31T23:30:00Z".parse::<DateTime<Utc>>()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn local_date<T: TimeZone>(&self, instant: &DateTime<T>) -> Result<NaiveDate> {
        let timeline = self.timeline();
        Ok(timeline.locate(timeline.offset_ns(instant)?).local_date())
    }

    /// Whether `date` holds business time: by the rule of
    /// [which hours apply](Calendar#which-hours-apply-on-a-date) it has
    /// windows (its special hours', or its weekday's when it is neither a
    /// holiday nor a closure), and at least one of them exists in local
    /// time. A day with any open time is a business day, however short. A
    /// day whose only window falls in the hour the
    /// clocks skip when summer time starts (Sunday 02:00-03:00 on
    /// 2026-03-29 in Europe/Berlin), or a date that never existed locally
    /// (2011-12-30 in Pacific/Apia), is not a business day; the arithmetic
    /// and [`SlaClock::explain`](crate::SlaClock::explain) agree.
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// // Christmas Eve is a working day in Munich; the day after is not.
    /// assert!(cal.is_business_day(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap())?);
    /// assert!(!cal.is_business_day(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap())?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_business_day(&self, date: NaiveDate) -> Result<bool> {
        check_date(date)?;
        // The year's table marked the date as it placed its windows, by
        // the same rule `Timeline::day_kind` (for explanations) follows.
        Ok(self.timeline().is_business_day(date))
    }

    /// Whether the calendar is open at `instant`. Opening is inclusive,
    /// closing exclusive: open at 10:00:00, closed at 18:00:00.
    ///
    /// On the days the clocks change, windows hold their real time only
    /// (a window partly inside the spring-forward gap opens or closes when
    /// the gap ends): see [clock changes](Calendar#clock-changes).
    ///
    /// # Errors
    ///
    /// An instant outside the supported range.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// assert!(cal.is_open(&cal.parse_datetime("2026-12-21T17:59:59")?)?);
    /// assert!(!cal.is_open(&cal.parse_datetime("2026-12-21T18:00:00")?)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_open<T: TimeZone>(&self, instant: &DateTime<T>) -> Result<bool> {
        let t = self.offset_ns(instant)?;
        Ok(self.timeline().is_open(t))
    }

    /// `instant` itself when the calendar is open then, otherwise the next
    /// opening, in the calendar's zone.
    ///
    /// # Errors
    ///
    /// An instant outside the supported range, or no opening before its end.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let friday_evening = cal.parse_datetime("2026-12-18T18:00")?;
    /// assert_eq!(cal.next_open(&friday_evening)?.to_rfc3339(), "2026-12-21T10:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_open<T: TimeZone>(&self, instant: &DateTime<T>) -> Result<DateTime<Tz>> {
        self.change(instant, "open", "after", |timeline, t| {
            timeline.next_open(t)
        })
    }

    /// When the calendar closes next: the end of the opening window that
    /// holds `instant`, or, when it is closed then, the end of the next
    /// one; in the calendar's zone. Windows that touch (a day open until
    /// 24:00 and the next from 00:00) are one stretch: it closes at the
    /// end of the last.
    ///
    /// # Errors
    ///
    /// An instant outside the supported range, or no closing before its
    /// end.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// assert_eq!(cal.next_close(&at("2026-12-21T12:00")?)?.to_rfc3339(), "2026-12-21T18:00:00+01:00");
    /// // Closed at 18:00 sharp: the next close is the next day's.
    /// assert_eq!(cal.next_close(&at("2026-12-21T18:00")?)?.to_rfc3339(), "2026-12-22T18:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_close<T: TimeZone>(&self, instant: &DateTime<T>) -> Result<DateTime<Tz>> {
        self.change(instant, "close", "after", |timeline, t| {
            timeline.next_close(t)
        })
    }

    /// When the calendar last opened: the start of the opening window that
    /// holds `instant` (`instant` itself at the opening), or, when it is
    /// closed then, the start of the last window before it; in the
    /// calendar's zone.
    ///
    /// # Errors
    ///
    /// An instant outside the supported range, or no opening since its
    /// start.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// assert_eq!(cal.previous_open(&at("2026-12-21T12:00")?)?.to_rfc3339(), "2026-12-21T10:00:00+01:00");
    /// // Monday morning before opening: Friday's opening.
    /// assert_eq!(cal.previous_open(&at("2026-12-21T09:00")?)?.to_rfc3339(), "2026-12-18T10:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous_open<T: TimeZone>(&self, instant: &DateTime<T>) -> Result<DateTime<Tz>> {
        self.change(instant, "open", "before", |timeline, t| {
            timeline.previous_open(t)
        })
    }

    /// When the calendar last closed: the latest closing at or before
    /// `instant` (`instant` itself at 18:00 sharp), in the calendar's
    /// zone. While open, that is the close before the current window.
    ///
    /// # Errors
    ///
    /// An instant outside the supported range, or no closing since its
    /// start.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// // Open on Monday at noon: it last closed on Friday evening.
    /// assert_eq!(cal.previous_close(&at("2026-12-21T12:00")?)?.to_rfc3339(), "2026-12-18T18:00:00+01:00");
    /// assert_eq!(cal.previous_close(&at("2026-12-21T18:00")?)?.to_rfc3339(), "2026-12-21T18:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous_close<T: TimeZone>(&self, instant: &DateTime<T>) -> Result<DateTime<Tz>> {
        self.change(instant, "close", "before", |timeline, t| {
            timeline.previous_close(t)
        })
    }

    /// `instant` rolled to business time: itself when the calendar is open
    /// then, else, [`Roll::Forward`], the next opening (what
    /// [`Calendar::next_open`] answers), or, [`Roll::Backward`], the last
    /// closing (18:00 the evening before; [`Calendar::previous_close`]
    /// answers the close before the current window even while open). In
    /// the calendar's zone.
    ///
    /// At the boundaries the calendar's own convention holds: open at the
    /// opening (10:00 rolls to itself both ways), closed at the closing
    /// (18:00 rolls forward to the next opening, backward to itself).
    /// Peers: Ruby working_hours' `advance_to_working_time` and
    /// `return_to_working_time`, business_time's `Time.roll_forward` /
    /// `roll_backward`, pandas' `CustomBusinessHour.rollforward` /
    /// `rollback`; business_time rolls back to the end of the previous
    /// working day as this does.
    ///
    /// # Errors
    ///
    /// An instant outside the supported range, or no opening (closing)
    /// after (before) it within the range.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Roll};
    ///
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// // Open: the instant itself, both ways.
    /// assert_eq!(cal.roll(&at("2026-12-21T12:00")?, Roll::Backward)?.to_rfc3339(), "2026-12-21T12:00:00+01:00");
    /// // Monday 08:00: Monday's opening, or Friday's close.
    /// assert_eq!(cal.roll(&at("2026-12-21T08:00")?, Roll::Forward)?.to_rfc3339(), "2026-12-21T10:00:00+01:00");
    /// assert_eq!(cal.roll(&at("2026-12-21T08:00")?, Roll::Backward)?.to_rfc3339(), "2026-12-18T18:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn roll<T: TimeZone>(&self, instant: &DateTime<T>, roll: Roll) -> Result<DateTime<Tz>> {
        let t = self.offset_ns(instant)?;
        let rolled = business_days::roll(&self.timeline(), t, roll)?;
        Ok(self.to_datetime(rolled))
    }

    /// The instant `find` gives for `instant`, in the calendar's zone, or
    /// the error that the calendar does not `change` (open, close) on that
    /// `side` of it within the range.
    fn change<T: TimeZone>(
        &self,
        instant: &DateTime<T>,
        change: &'static str,
        side: &'static str,
        find: impl Fn(&Timeline<'_>, Instant) -> Option<Instant>,
    ) -> Result<DateTime<Tz>> {
        let t = self.offset_ns(instant)?;
        let timeline = self.timeline();
        let found =
            find(&timeline, t).ok_or_else(|| timeline.no_change_in_range(t, change, side))?;
        Ok(self.to_datetime(found))
    }

    /// The open intervals between `from` and `to`, clipped to `[from, to)`,
    /// sorted and disjoint, in the calendar's zone.
    ///
    /// On the days the clocks change, windows hold their real time only
    /// (a window partly inside the spring-forward gap opens or closes when
    /// the gap ends): see [clock changes](Calendar#clock-changes).
    ///
    /// # Errors
    ///
    /// An instant outside the supported range.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let w = cal.open_windows(&cal.parse_datetime("2026-12-21T12:00")?, &cal.parse_datetime("2026-12-22T11:00")?)?;
    /// assert_eq!(w.len(), 2);
    /// assert_eq!(w[0].start.to_rfc3339(), "2026-12-21T12:00:00+01:00");
    /// assert_eq!(w[1].end.to_rfc3339(), "2026-12-22T11:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open_windows<A: TimeZone, B: TimeZone>(
        &self,
        from: &DateTime<A>,
        to: &DateTime<B>,
    ) -> Result<Vec<OpenInterval>> {
        let (a, b) = (self.offset_ns(from)?, self.offset_ns(to)?);
        Ok(self
            .timeline()
            .windows_between(a, b)
            .into_iter()
            .map(|w| OpenInterval {
                start: self.to_datetime(w.from),
                end: self.to_datetime(w.to),
            })
            .collect())
    }

    /// The calendar's definition with its tables of opening windows, which
    /// are built a year at a time on first use.
    pub(crate) fn timeline(&self) -> Timeline<'_> {
        let inner = &*self.inner;
        Timeline {
            zone: inner.zone,
            schedule: &inner.schedule,
            rules: &inner.holiday_rules,
            closures: &inner.closures,
            special: &inner.special_hours,
            years: &inner.years,
        }
    }

    /// `instant` on the timeline, checked against the supported range.
    pub(crate) fn offset_ns<T: TimeZone>(&self, instant: &DateTime<T>) -> Result<Instant> {
        self.timeline().offset_ns(instant)
    }

    /// The instant `t` in the calendar's zone.
    pub(crate) fn to_datetime(&self, t: Instant) -> DateTime<Tz> {
        self.timeline().datetime_at(t)
    }
}

/// Business-time arithmetic; the engine is in `business_time.rs`.
impl Calendar {
    /// The due instant for a ticket created at `created` with a response
    /// target of `target` business time, in the calendar's zone.
    ///
    /// It is the earliest instant at which `target` of business time has
    /// passed since `created`. A ticket created while the calendar is
    /// closed starts its clock at the next opening; a deadline that fills a
    /// working day exactly is that day's closing time, not the next
    /// opening; a target of zero is due at `created` itself.
    ///
    /// On the days the clocks change, windows hold their real time only
    /// (a window partly inside the spring-forward gap opens or closes when
    /// the gap ends): see [clock changes](Calendar#clock-changes).
    ///
    /// Both are conventions where peers differ, and the contract's
    /// (`docs/SEMANTICS.md` section 3.2): a response at 18:00 sharp on the
    /// last day is in time. pandas' `BusinessHour` / `CustomBusinessHour`
    /// move an exact fill to the next opening
    /// (`Timestamp("2014-08-01 16:00") + BusinessHour()` is Monday 09:00),
    /// as schedulers built on biz expect; [`Calendar::due_at_open`] gives
    /// that answer. A zero target from a closed instant is that instant
    /// here (nothing is due later than it); biz's
    /// `time(0, :hours).after(t)` and business_time's
    /// `0.business_days.after(t)` roll it to the next opening, as
    /// `due_at_open` does.
    ///
    /// # Errors
    ///
    /// `created` outside the supported range, a negative target, or a
    /// deadline that would fall after 2099-12-31.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let cal = Calendar::munich();
    /// // Friday 16:00 plus 4 business hours: 2 on Friday, 2 on Monday.
    /// let created = cal.parse_datetime("2026-12-18T16:00:00+01:00")?;
    /// let due = cal.due(&created, BusinessDuration::from_hours(4))?;
    /// assert_eq!(due.to_rfc3339(), "2026-12-21T12:00:00+01:00");
    /// // A full day from the opening ends at the close, not the next morning.
    /// let monday = cal.parse_datetime("2026-12-21T10:00")?;
    /// assert_eq!(cal.due(&monday, BusinessDuration::from_hours(8))?.to_rfc3339(), "2026-12-21T18:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due<T: TimeZone>(
        &self,
        created: &DateTime<T>,
        target: BusinessDuration,
    ) -> Result<DateTime<Tz>> {
        business_time::due(&self.timeline(), created, target)
    }

    /// The due instant as a scheduler wants it: [`Calendar::due`], moved
    /// to the next opening when the calendar is closed there. It differs
    /// from `due` in two cases only: a target that fills a working day
    /// exactly (Monday 10:00 + 8 h is Tuesday 10:00 here, Monday 18:00 for
    /// `due`), and a zero target from a closed instant (Saturday + 0 is
    /// Monday 10:00 here, Saturday itself for `due`). So the answer is
    /// always an instant at which the calendar is open: where the next
    /// piece of work can start.
    ///
    /// This is what pandas' `BusinessHour` / `CustomBusinessHour` give
    /// (`Timestamp("2014-08-01 16:00") + BusinessHour()` is Monday 09:00,
    /// not Friday 17:00) and what biz users expect in scheduling. A
    /// deadline stays [`Calendar::due`]: a response at 18:00 sharp on the
    /// last day is in time, and `due` is the contract's due instant
    /// (`docs/SEMANTICS.md` section 3.2).
    ///
    /// # Errors
    ///
    /// As [`Calendar::due`], and no opening after the due instant within
    /// the supported range.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let cal = Calendar::munich();
    /// let friday = cal.parse_datetime("2026-12-18T10:00")?;
    /// let day = BusinessDuration::from_hours(8);
    /// assert_eq!(cal.due(&friday, day)?.to_rfc3339(), "2026-12-18T18:00:00+01:00");
    /// assert_eq!(cal.due_at_open(&friday, day)?.to_rfc3339(), "2026-12-21T10:00:00+01:00");
    /// // Anything short of the exact fill: the two agree.
    /// let seven = BusinessDuration::from_hours(7);
    /// assert_eq!(cal.due_at_open(&friday, seven)?, cal.due(&friday, seven)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due_at_open<T: TimeZone>(
        &self,
        created: &DateTime<T>,
        target: BusinessDuration,
    ) -> Result<DateTime<Tz>> {
        self.roll(&self.due(created, target)?, Roll::Forward)
    }

    /// Counting back: the latest instant `t` at or before `instant` with
    /// exactly `amount` of business time in `[t, instant)`, in the
    /// calendar's zone. "Remind two business hours before the deadline"
    /// is `before(&due, 2 h)`.
    ///
    /// It mirrors [`Calendar::due`]: from a closed instant the count starts
    /// at the last closing; an amount that empties a working day exactly
    /// lands at that day's opening (Monday 10:00), never the close of the
    /// day before (Friday 18:00); an amount of zero is `instant` itself.
    /// When `t` is open just before it, `due(before(t, d), d) == t`.
    ///
    /// On the days the clocks change, windows hold their real time only
    /// (a window partly inside the spring-forward gap opens or closes when
    /// the gap ends): see [clock changes](Calendar#clock-changes).
    ///
    /// Counting forward is [`Calendar::due`], which takes the same
    /// non-negative amounts: two methods with one meaning each, rather
    /// than a signed amount whose sign decides.
    ///
    /// # Errors
    ///
    /// `instant` outside the supported range, a negative amount, or an
    /// answer before 1995-01-01.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let cal = Calendar::munich();
    /// // Two business hours before a deadline on Monday 11:00: one on
    /// // Monday, one on Friday.
    /// let due = cal.parse_datetime("2026-12-21T11:00")?;
    /// assert_eq!(cal.before(&due, BusinessDuration::from_hours(2))?.to_rfc3339(), "2026-12-18T17:00:00+01:00");
    /// // Emptying Monday exactly lands at its opening, not on Friday 18:00.
    /// let evening = cal.parse_datetime("2026-12-21T18:00")?;
    /// assert_eq!(cal.before(&evening, BusinessDuration::from_hours(8))?.to_rfc3339(), "2026-12-21T10:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn before<T: TimeZone>(
        &self,
        instant: &DateTime<T>,
        amount: BusinessDuration,
    ) -> Result<DateTime<Tz>> {
        business_time::before(&self.timeline(), instant, amount)
    }

    /// The business time between two instants: positive when `to` is
    /// later, negative when it is earlier.
    ///
    /// On the days the clocks change, windows hold their real time only
    /// (a window partly inside the spring-forward gap opens or closes when
    /// the gap ends): see [clock changes](Calendar#clock-changes).
    ///
    /// # Errors
    ///
    /// Either instant outside the supported range.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let cal = Calendar::munich();
    /// let a = cal.parse_datetime("2026-12-23T15:00")?;
    /// let b = cal.parse_datetime("2026-12-28T15:00")?;
    /// assert_eq!(cal.business_time(&a, &b)?, BusinessDuration::from_hours(16));
    /// assert_eq!(cal.business_time(&b, &a)?, BusinessDuration::from_hours(-16));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_time<A: TimeZone, B: TimeZone>(
        &self,
        from: &DateTime<A>,
        to: &DateTime<B>,
    ) -> Result<BusinessDuration> {
        business_time::business_time(&self.timeline(), from, to)
    }
}

/// The arithmetic on instants given as nanoseconds since
/// 1970-01-01T00:00 UTC, as Arrow, Polars and NumPy store timestamps: the
/// same answers as the methods on chrono's `DateTime`, without building
/// one per value (which costs more than the arithmetic itself in a loop
/// over a column).
impl Calendar {
    /// [`Calendar::due`] from and to nanoseconds since 1970 UTC.
    ///
    /// # Errors
    ///
    /// As [`Calendar::due`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    /// let cal = Calendar::munich();
    /// let created = cal.parse_datetime("2026-12-18T16:00")?;
    /// let due = cal.due_unix_nanos(created.timestamp_nanos_opt().unwrap(), BusinessDuration::from_hours(4))?;
    /// assert_eq!(due, cal.due(&created, BusinessDuration::from_hours(4))?.timestamp_nanos_opt().unwrap());
    /// assert_eq!(chrono::DateTime::from_timestamp_nanos(due).to_rfc3339(), "2026-12-21T11:00:00+00:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due_unix_nanos(&self, created: i64, target: BusinessDuration) -> Result<i64> {
        let timeline = self.timeline();
        let due = business_time::due_from(&timeline, timeline.offset_unix_ns(created)?, target)?;
        timeline.unix_ns(due.t)
    }

    /// [`Calendar::business_time`] between nanoseconds since 1970 UTC.
    ///
    /// # Errors
    ///
    /// As [`Calendar::business_time`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    /// let cal = Calendar::munich();
    /// let ns = |s| cal.parse_datetime(s).map(|t| t.timestamp_nanos_opt().unwrap());
    /// let friday_16 = ns("2026-12-18T16:00")?;
    /// let monday_11 = ns("2026-12-21T11:00")?;
    /// assert_eq!(cal.business_time_unix_nanos(friday_16, monday_11)?, BusinessDuration::from_hours(3));
    /// assert_eq!(cal.business_time_unix_nanos(monday_11, friday_16)?, BusinessDuration::from_hours(-3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_time_unix_nanos(&self, from: i64, to: i64) -> Result<BusinessDuration> {
        let timeline = self.timeline();
        let (a, b) = (timeline.offset_unix_ns(from)?, timeline.offset_unix_ns(to)?);
        Ok(business_time::signed_between(&timeline, a, b))
    }

    /// [`Calendar::local_date`] of nanoseconds since 1970 UTC.
    ///
    /// # Errors
    ///
    /// As [`Calendar::local_date`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    /// let cal = Calendar::munich();
    /// // 2026-12-31T23:30:00Z, New Year's Day in Munich.
    /// assert_eq!(cal.local_date_unix_nanos(1_798_759_800_000_000_000)?, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn local_date_unix_nanos(&self, instant: i64) -> Result<NaiveDate> {
        let timeline = self.timeline();
        Ok(timeline
            .locate(timeline.offset_unix_ns(instant)?)
            .local_date())
    }
}

/// Reading date-times and pauses; the engine is in `input.rs`.
impl Calendar {
    /// Reads an instant as written by a person or a script.
    ///
    /// - RFC 3339 with an offset or `Z` (`2026-12-23T15:00:00+01:00`,
    ///   `2026-12-23T14:00:00.250Z`) is an absolute instant.
    /// - A local date-time without offset (`2026-12-23T15:00:00`,
    ///   `2026-12-23T15:00`) is read in the calendar's zone.
    ///
    /// The result keeps the offset it was read with. Whether it lies in the
    /// supported range is checked by the function it is passed to.
    ///
    /// # Errors
    ///
    /// Malformed text (including a space instead of `T` and a leap second
    /// `:60`); a local time that does not exist (skipped when daylight
    /// saving time starts) or exists twice (repeated when it ends): give
    /// those an explicit offset.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// assert_eq!(cal.parse_datetime("2026-12-23T15:00")?.to_rfc3339(), "2026-12-23T15:00:00+01:00");
    /// assert_eq!(cal.parse_datetime("2026-07-01T09:30:00Z")?.to_rfc3339(), "2026-07-01T09:30:00+00:00");
    /// let err = cal.parse_datetime("2026-03-29T02:30").unwrap_err();
    /// assert!(err.to_string().contains("does not exist in Europe/Berlin"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_datetime(&self, text: &str) -> Result<DateTime<FixedOffset>> {
        input::parse_datetime(self.zone(), text)
    }

    /// Reads a pause written `START/END` (or `START/..` while it is still
    /// running), each instant as [`Calendar::parse_datetime`] reads it: RFC
    /// 3339, or a local date-time in the calendar's zone.
    /// [`Pause`]'s own `FromStr` takes RFC 3339 only.
    ///
    /// # Errors
    ///
    /// Text without a `/`, a malformed instant, or an end before the start.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let pause = cal.parse_pause("2026-12-21T12:00/2026-12-21T14:00")?;
    /// assert_eq!(pause.to_string(), "2026-12-21T11:00:00Z/2026-12-21T13:00:00Z");
    /// assert_eq!(cal.parse_pause("2026-12-21T12:00/..")?.end(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_pause(&self, text: &str) -> Result<Pause> {
        Pause::parse_with(text, |instant| self.parse_datetime(instant))
    }
}

/// Business-day dates; the engine is in `business_days.rs`.
impl Calendar {
    /// The date `days` business days after `date` (or `-days` before it,
    /// when negative). The date itself never counts, whatever it is:
    /// counting starts the day after (before) it.
    ///
    /// - `days > 0`: the `days`-th business day after `date`. Friday + 1
    ///   is Monday, and so is Saturday + 1: a start that is not a
    ///   business day counts as if it were the business day before it.
    /// - `days < 0`: the `-days`-th business day before `date`.
    /// - `days == 0`: `date` when it is a business day, else the next one
    ///   (rolled forward, as a ticket created on a Saturday starts its
    ///   clock on Monday).
    ///
    /// So `add_business_days(add_business_days(d, n)?, -n)? == d` for a
    /// business day `d`, and there are exactly `n` business days after `d`
    /// up to and including `add_business_days(d, n)?` (see
    /// [`Calendar::business_days_in`]). A business day is a date with any
    /// open time, a half day included.
    ///
    /// Counting from a closed day is a convention where peers differ.
    /// pandas' `BDay` / `CustomBusinessDay` agree (Saturday + 1 is
    /// Monday); NumPy's `busday_offset(d, 1, roll="forward")` and Ruby
    /// business_time's `1.business_day.after(saturday)` roll to Monday
    /// first and answer Tuesday. That answer is
    /// `add_business_days(roll_date(d, Roll::Forward)?, n)`
    /// ([`Calendar::roll_date`]).
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31, or an answer outside it.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// // Two business days after Wednesday 23 December: the 24th, then the
    /// // 28th (Christmas, St. Stephen's Day and a Sunday between).
    /// assert_eq!(cal.add_business_days(d(12, 23), 2)?, d(12, 28));
    /// // The last business day before the 15th of March 2026 (a Sunday).
    /// assert_eq!(cal.add_business_days(d(3, 15), -1)?, d(3, 13));
    /// // Zero days from a Saturday rolls forward to Monday.
    /// assert_eq!(cal.add_business_days(d(12, 19), 0)?, d(12, 21));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business_days(&self, date: NaiveDate, days: i32) -> Result<NaiveDate> {
        business_days::add_business_days(&self.timeline(), date, days)
    }

    /// The number of business days in a range of dates, both ends
    /// included: a `first..=last` range, a [`DateRange`], or one date.
    /// A date with any open time counts, a half day included.
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31, or a range that ends
    /// before it starts.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// // December 2026: 23 weekdays, less Christmas Day (St. Stephen's Day
    /// // is a Saturday).
    /// assert_eq!(cal.business_days_in(d(12, 1)..=d(12, 31))?, 22);
    /// assert_eq!(cal.business_days_in(d(12, 25))?, 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_days_in(&self, dates: impl Into<DateRange>) -> Result<u32> {
        business_days::business_days_in(&self.timeline(), dates)
    }

    /// `date` when it is a business day, else the next one
    /// ([`Roll::Forward`]) or the previous one ([`Roll::Backward`]).
    /// Forward is `add_business_days(date, 0)`; the two are one answer.
    /// Peers: pandas' `CustomBusinessDay.rollforward` / `rollback`, Ruby
    /// business' `roll_forward` / `roll_backward`.
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31, or no business day that
    /// way within it.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::{Calendar, Roll};
    ///
    /// let cal = Calendar::munich();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// // Christmas Day 2026 is a Friday; St. Stephen's Day a Saturday.
    /// assert_eq!(cal.roll_date(d(12, 25), Roll::Forward)?, d(12, 28));
    /// assert_eq!(cal.roll_date(d(12, 25), Roll::Backward)?, d(12, 24));
    /// assert_eq!(cal.roll_date(d(12, 24), Roll::Backward)?, d(12, 24));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn roll_date(&self, date: NaiveDate, roll: Roll) -> Result<NaiveDate> {
        business_days::roll_date(&self.timeline(), date, roll)
    }

    /// The number of business days from `from` to `to`, with the end date
    /// counted or not as `end` says; the start date counts when it is a
    /// business day, whichever way the count runs. Negative when `to` is
    /// before `from`: with [`EndDate::Excluded`] it counts `[from, to)`,
    /// or minus `(to, from]` (NumPy's rule since 1.25: the end date never
    /// counts); with [`EndDate::Included`] `[from, to]`, or minus
    /// `[to, from]`, so swapping the dates changes only its sign.
    ///
    /// Peers do not agree, hence the argument:
    ///
    /// | peer | counts |
    /// | --- | --- |
    /// | pandas / NumPy `busday_count(begin, end)` | `[begin, end)`: `Excluded` |
    /// | Ruby business `business_days_between(a, b)` | `[a, b)`: `Excluded` |
    /// | Ruby business_time `a.business_days_until(b)` | `[a, b)`: `Excluded`; with `inclusive = true`, `Included` |
    /// | Ruby working_hours `a.working_days_until(b)` | `(a, b]`: neither (the start's day is over) |
    ///
    /// A closed start day adds nothing and is no error: from Saturday to
    /// the next Saturday, `Excluded`, is 5. The count `(a, b]` of
    /// working_hours is `Included` from the day after `a`. Counting
    /// agrees with stepping: for a business day `d` and `n > 0`,
    /// `business_days_between(d, add_business_days(d, n)?, Excluded)? == n`.
    ///
    /// # Errors
    ///
    /// A date outside 1995-01-01 to 2099-12-31.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::{Calendar, EndDate};
    ///
    /// let cal = Calendar::munich();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// // Wednesday 23 December to Monday 28th: the 23rd and the 24th.
    /// assert_eq!(cal.business_days_between(d(12, 23), d(12, 28), EndDate::Excluded)?, 2);
    /// assert_eq!(cal.business_days_between(d(12, 23), d(12, 28), EndDate::Included)?, 3);
    /// assert_eq!(cal.business_days_between(d(12, 28), d(12, 23), EndDate::Excluded)?, -2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        end: EndDate,
    ) -> Result<i32> {
        business_days::business_days_between(&self.timeline(), from, to, end)
    }

    /// `days` business days after `instant` (before it, when negative),
    /// keeping the time of day: two business days after Tuesday 15:00 is
    /// Thursday 15:00. In the calendar's zone. The rules, in order:
    ///
    /// 1. **A closed start rolls first**: forward to the next opening
    ///    when `days >= 0`, back to the last closing when `days < 0`
    ///    ([`Calendar::roll`]). Saturday 12:00 + 1 is Tuesday 10:00
    ///    (Monday 10:00, then one day); Monday 08:00 − 1 is Thursday 18:00
    ///    (Friday 18:00, then one day back).
    /// 2. **The date moves** as [`Calendar::add_business_days`] moves the
    ///    date of the rolled start (a closing belongs to the day it ends).
    ///    With `days == 0` the answer is the rolled start itself.
    /// 3. **The time of day is kept** when the target date is open then.
    ///    When it is not (a half day that closes earlier, a window that
    ///    starts later, a time in the clocks' spring-forward gap), the
    ///    answer stays on the target date: the next opening that day, or,
    ///    when none is left, the day's last closing. A time of day in a
    ///    gap counts as the moment the gap ends, one in the autumn fold as
    ///    its first occurrence, as for window boundaries
    ///    (`docs/SEMANTICS.md` section 6).
    ///
    /// So the answer is always on the `days`-th business day, and at a
    /// business time of it or its last closing. Rule 1 is why a closed
    /// start differs from the dates of [`Calendar::add_business_days`]
    /// (where Saturday + 1 is Monday): counted from Monday's opening,
    /// one business day ends Monday evening, and keeping the time of day
    /// of the opening says Tuesday 10:00, the same point in business time.
    /// On a calendar whose days are all alike, the business time from the
    /// rolled start to the answer is `days` business days. Peers: Ruby
    /// business_time's `2.business_days.after(t)` rolls a closed start
    /// forward too, but keeps a time of day the target does not open at;
    /// biz's `time(2, :days).after(t)` and working_hours'
    /// `2.working.days.since(t)` keep the wall-clock time of a closed start
    /// (a Saturday 13:30 start gives Monday 13:30 with biz).
    ///
    /// # Errors
    ///
    /// An instant outside the supported range, or an answer outside it.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    ///
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// // Tuesday 15:00 + 2 is Thursday 15:00.
    /// assert_eq!(cal.add_business_days_at(&at("2026-12-15T15:00")?, 2)?.to_rfc3339(), "2026-12-17T15:00:00+01:00");
    /// // Wednesday 23 December 15:00 + 2: the 24th, then Monday 28th.
    /// assert_eq!(cal.add_business_days_at(&at("2026-12-23T15:00")?, 2)?.to_rfc3339(), "2026-12-28T15:00:00+01:00");
    /// // A closed start rolls first: Saturday evening + 1 is Tuesday 10:00.
    /// assert_eq!(cal.add_business_days_at(&at("2026-12-19T20:00")?, 1)?.to_rfc3339(), "2026-12-22T10:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_business_days_at<T: TimeZone>(
        &self,
        instant: &DateTime<T>,
        days: i32,
    ) -> Result<DateTime<Tz>> {
        let t = self.offset_ns(instant)?;
        let found = business_days::add_business_days_at(&self.timeline(), t, days)?;
        Ok(self.to_datetime(found))
    }
}

/// Calendars as plain data, for configuration (the data types are in
/// `config.rs`): `Calendar::try_from(config)` and `CalendarConfig::from(&calendar)`.
impl TryFrom<CalendarConfig> for Calendar {
    type Error = crate::Error;

    /// Builds a calendar from its definition, with every check of
    /// [`CalendarBuilder::build`](crate::CalendarBuilder::build).
    ///
    /// # Errors
    ///
    /// As [`CalendarBuilder::build`](crate::CalendarBuilder::build).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, CalendarConfig, HolidaySet, SpecialHours, WeekConfig};
    ///
    /// let config = CalendarConfig {
    ///     time_zone: "Europe/Vienna".into(),
    ///     week: WeekConfig { monday: vec!["08:00-16:00".parse()?], ..WeekConfig::default() },
    ///     holidays: HolidaySet::Region("AT".into()),
    ///     closures: vec!["2026-12-24/2027-01-01".parse()?],
    ///     special_hours: vec![SpecialHours { dates: "2026-12-23".parse()?, windows: vec!["08:00-12:00".parse()?] }],
    ///     business_day_seconds: None,
    /// };
    /// let cal = Calendar::try_from(config)?;
    /// assert_eq!(cal.zone(), chrono_tz::Europe::Vienna);
    /// assert_eq!(cal.closures()[0].days(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn try_from(config: CalendarConfig) -> Result<Calendar> {
        // Sizes first, so that a hostile file is refused before any work
        // that grows with it.
        config.check_sizes()?;
        let mut builder =
            Calendar::builder_named(&config.time_zone).schedule(config.week.schedule());
        builder = match config.holidays {
            HolidaySet::Rules(rules) => builder.holidays(rules),
            HolidaySet::Region(code) => builder.holidays_of(&code),
        };
        for range in config.closures {
            builder = builder.closure(range);
        }
        for special in config.special_hours {
            builder = builder.special_windows(special.dates, special.windows);
        }
        if let Some(seconds) = config.business_day_seconds {
            builder = builder.business_day(BusinessDuration::from_secs(i64::from(seconds)));
        }
        builder.build()
    }
}

/// Reads a calendar from its JSON form (the form of
/// `data/munich-calendar.json`), checked as it is read.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Calendar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let config = CalendarConfig::deserialize(d)?;
        Calendar::try_from(config).map_err(crate::error::de)
    }
}

#[cfg(feature = "serde")]
impl Calendar {
    /// Reads a calendar from JSON text (the form of
    /// `data/munich-calendar.json`; a leading byte order mark is skipped).
    ///
    /// # Errors
    ///
    /// The crate's error with the line and column: of kind
    /// [`Json`](crate::ErrorKind::Json) for text that is not JSON or a
    /// missing, unknown or mistyped field, otherwise the kind of the
    /// mistake (an unknown zone or region is
    /// [`Calendar`](crate::ErrorKind::Calendar), too many rules
    /// [`Limit`](crate::ErrorKind::Limit)).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, ErrorKind};
    /// let cal = Calendar::from_json(r#"{"time_zone": "Europe/Vienna", "week": {"monday": ["08:00-16:00"]}, "holidays": "AT"}"#)?;
    /// assert_eq!(cal.zone(), chrono_tz::Europe::Vienna);
    ///
    /// let err = Calendar::from_json(r#"{"time_zone": "Europe/Viena", "week": {}, "holidays": []}"#).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Calendar);
    /// assert!(err.to_string().starts_with("calendar JSON, line 1 column 28: unknown time zone 'Europe/Viena'"));
    /// let err = Calendar::from_json(r#"{"time_zone": "Europe/Vienna", "week": {"monday": ["08:00-16:00"]}}"#).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Json);
    /// assert_eq!(err.to_string(), "calendar JSON, line 1 column 67: missing field `holidays`");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Calendar> {
        crate::wire::from_json(text, "calendar")
    }
}

impl From<&Calendar> for CalendarConfig {
    /// The calendar's definition as plain data. The business-day length is
    /// written when it was set ([`CalendarBuilder::business_day`],
    /// `business_day_seconds`), even when it equals what the week implies,
    /// and left out when it follows the week.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    /// let config = sla_clock::CalendarConfig::from(&Calendar::munich());
    /// assert_eq!(config.week.friday[0].to_string(), "10:00-18:00");
    /// assert_eq!(config.holidays, sla_clock::HolidaySet::Rules(sla_clock::munich_holiday_rules()));
    /// ```
    fn from(calendar: &Calendar) -> CalendarConfig {
        let windows = |day| calendar.schedule().windows(day).to_vec();
        let week = WeekConfig {
            monday: windows(Weekday::Mon),
            tuesday: windows(Weekday::Tue),
            wednesday: windows(Weekday::Wed),
            thursday: windows(Weekday::Thu),
            friday: windows(Weekday::Fri),
            saturday: windows(Weekday::Sat),
            sunday: windows(Weekday::Sun),
        };
        let business_day_seconds = if calendar.inner.business_day_set {
            // The builder keeps it to whole seconds of at most a day.
            u32::try_from(calendar.business_day().as_secs()).ok()
        } else {
            None
        };
        CalendarConfig {
            time_zone: calendar.zone().name().to_string(),
            week,
            holidays: HolidaySet::Rules(calendar.holiday_rules().to_vec()),
            closures: calendar.closures().to_vec(),
            special_hours: calendar.special_hours().to_vec(),
            business_day_seconds,
        }
    }
}

/// Closures from iCalendar files; the reading is in `ical.rs`.
#[cfg(feature = "ical")]
impl CalendarBuilder {
    /// Closes the calendar on the dates of the all-day events of an
    /// iCalendar text (the contents of an `.ics` file), with their
    /// recurrences expanded over the supported range, as
    /// [`closure`](CalendarBuilder::closure) does for each. Timed events
    /// are refused; the module documentation of what becomes of each kind
    /// of event is in the crate's `src/ical.rs` and in `data/README.md`.
    /// Requires the `ical` feature.
    ///
    /// Mistakes are reported by [`build`](CalendarBuilder::build), naming
    /// the event.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//example//EN\r\n\
    ///            BEGIN:VEVENT\r\nUID:shutdown\r\nSUMMARY:Shutdown\r\n\
    ///            DTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20270102\r\n\
    ///            END:VEVENT\r\nEND:VCALENDAR\r\n";
    /// let cal = Calendar::munich().to_builder().closures_from_ical(ics).build()?;
    /// assert_eq!(cal.closures()[0].to_string(), "2026-12-28/2027-01-01");
    /// assert!(!cal.is_business_day(NaiveDate::from_ymd_opt(2026, 12, 30).unwrap())?);
    ///
    /// let meeting = ics.replace("DTSTART;VALUE=DATE:20261228", "DTSTART:20261228T100000Z")
    ///     .replace("DTEND;VALUE=DATE:20270102", "DTEND:20261228T110000Z");
    /// let err = Calendar::munich().to_builder().closures_from_ical(&meeting).build().unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "iCalendar event 'Shutdown': starts at a time of day (DTSTART 20261228T100000Z); \
    ///      only all-day events are read, as closures (give part-day hours as special hours)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closures_from_ical(self, text: &str) -> Self {
        match crate::ical::closures(text) {
            Ok(ranges) => ranges.into_iter().fold(self, CalendarBuilder::closure),
            Err(e) => self.refuse(e),
        }
    }
}

impl From<Calendar> for CalendarConfig {
    fn from(calendar: Calendar) -> CalendarConfig {
        CalendarConfig::from(&calendar)
    }
}

impl PartialEq for Calendar {
    /// Two calendars are equal when they define the same thing: zone,
    /// schedule, holiday rules, closures, special hours and business-day
    /// length, set or derived from the schedule (a set length stays when
    /// the hours change, a derived one follows them).
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.inner, &other.inner);
        a.zone == b.zone
            && a.schedule == b.schedule
            && a.holiday_rules == b.holiday_rules
            && a.closures == b.closures
            && a.special_hours == b.special_hours
            && a.business_day == b.business_day
            && a.business_day_set == b.business_day_set
    }
}

impl Eq for Calendar {}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("zone", &self.inner.zone)
            .field("schedule", &self.inner.schedule)
            .field("holiday_rules", &self.inner.holiday_rules.len())
            .field("closures", &self.inner.closures)
            .field("special_hours", &self.inner.special_hours)
            .field("business_day", &self.inner.business_day)
            .finish()
    }
}

impl Default for Calendar {
    /// The Munich calendar, [`Calendar::munich`].
    fn default() -> Self {
        Calendar::munich()
    }
}

/// Builds a custom [`Calendar`], checking it as a whole in
/// [`CalendarBuilder::build`]. Mistakes in the individual calls (a window
/// like `"18:00-10:00"`, an unknown zone name) are reported there, so the
/// calls chain without `?`.
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use sla_clock::{Calendar, munich_holiday_rules};
///
/// // Munich holidays, a lunch break, and the office closed on Christmas Eve.
/// let cal = Calendar::builder("Europe/Berlin".parse()?)
///     .weekdays("08:00-12:00")
///     .weekdays("13:00-17:00")
///     .holidays(munich_holiday_rules())
///     .closure(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap())
///     .build()?;
/// assert!(!cal.is_business_day(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap())?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct CalendarBuilder {
    zone: Result<Tz>,
    schedule: WeeklySchedule,
    window_errors: Vec<crate::Error>,
    region_errors: Vec<crate::Error>,
    /// Inverted date ranges, and anything else wrong with the dates given.
    date_errors: Vec<crate::Error>,
    holiday_rules: Vec<HolidayRule>,
    closures: DateMap<()>,
    closures_over_limit: u64,
    special_hours: DateMap<Vec<DailyWindow>>,
    special_over_limit: u64,
    business_day: Option<BusinessDuration>,
    /// Daily breaks, cut out of the week's windows by `build`.
    breaks: Vec<DailyWindow>,
}

impl CalendarBuilder {
    fn new(zone: Result<Tz>) -> Self {
        CalendarBuilder {
            zone,
            schedule: WeeklySchedule::closed(),
            window_errors: Vec::new(),
            region_errors: Vec::new(),
            date_errors: Vec::new(),
            holiday_rules: Vec::new(),
            closures: DateMap::default(),
            closures_over_limit: 0,
            special_hours: DateMap::default(),
            special_over_limit: 0,
            business_day: None,
            breaks: Vec::new(),
        }
    }
}

impl CalendarBuilder {
    /// Adds an opening window such as `"10:00-18:00"` on `day`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::Weekday;
    /// use sla_clock::Calendar;
    /// let cal = Calendar::builder(chrono_tz::Europe::Berlin).open(Weekday::Sat, "09:00-13:00").build()?;
    /// assert_eq!(cal.schedule().weekly_secs(), 4 * 3600);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(mut self, day: Weekday, window: &str) -> Self {
        match window.parse::<DailyWindow>() {
            Ok(w) => {
                self.schedule.open(day, w);
            }
            Err(e) => self.window_errors.push(e),
        }
        self
    }

    /// A break every day, cut out of each weekday's opening windows when
    /// the calendar is built (so the order of the builder's calls does not
    /// matter): `daily_break("12:00-13:00")` closes the lunch hour on every
    /// day that is open then. Special hours keep their own windows. See
    /// [`WeeklySchedule::take_break`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, ClosedReason, Openness};
    /// let cal = Calendar::munich().to_builder().daily_break("12:00-13:00").build()?;
    /// assert_eq!(cal.schedule().weekly_secs(), 35 * 3600);
    /// let lunch = cal.parse_datetime("2026-12-21T12:15")?;
    /// assert_eq!(cal.openness(&lunch)?, Openness::Closed(ClosedReason::Break));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn daily_break(mut self, window: &str) -> Self {
        match window.parse::<DailyWindow>() {
            Ok(w) => self.breaks.push(w),
            Err(e) => self.window_errors.push(e),
        }
        self
    }

    /// Adds the same opening window on Monday to Friday.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::Calendar;
    /// let cal = Calendar::builder(chrono_tz::Europe::Berlin).weekdays("10:00-18:00").build()?;
    /// assert_eq!(cal.schedule().weekly_secs(), 40 * 3600);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn weekdays(self, window: &str) -> Self {
        WEEK[..5].iter().fold(self, |b, &day| b.open(day, window))
    }

    /// Replaces the whole weekly schedule.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, WeeklySchedule};
    /// let week = WeeklySchedule::weekdays("07:00-15:00".parse()?);
    /// let cal = Calendar::builder(chrono_tz::Europe::Berlin).schedule(week.clone()).build()?;
    /// assert_eq!(cal.schedule(), &week);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule(mut self, schedule: WeeklySchedule) -> Self {
        self.schedule = schedule;
        self
    }

    /// Adds one holiday rule.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::{Calendar, HolidayDate, HolidayRule};
    /// let cal = Calendar::builder(chrono_tz::Europe::Berlin)
    ///     .weekdays("09:00-17:00")
    ///     .holiday(HolidayRule::new(HolidayDate::Fixed { month: 12, day: 24 }, "Heiligabend", "Christmas Eve"))
    ///     .build()?;
    /// assert!(cal.is_holiday(NaiveDate::from_ymd_opt(2030, 12, 24).unwrap())?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holiday(mut self, rule: HolidayRule) -> Self {
        self.holiday_rules.push(rule);
        self
    }

    /// Adds several holiday rules, such as
    /// [`munich_holiday_rules`](crate::munich_holiday_rules).
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, munich_holiday_rules};
    /// let cal = Calendar::builder(chrono_tz::Europe::Berlin).weekdays("08:00-16:00").holidays(munich_holiday_rules()).build()?;
    /// assert_eq!(cal.holidays(2026)?.len(), 13);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holidays(mut self, rules: impl IntoIterator<Item = HolidayRule>) -> Self {
        self.holiday_rules.extend(rules);
        self
    }

    /// Adds the holiday set of a region by its code, such as `"DE-BE"`,
    /// `"AT"` or `"CH-ZH"` (see [`regions`](crate::regions) for the list
    /// and what a set holds). An unknown code is reported by
    /// [`build`](CalendarBuilder::build).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    ///
    /// let berlin = Calendar::builder(chrono_tz::Europe::Berlin).weekdays("09:00-17:00").holidays_of("DE-BE").build()?;
    /// assert!(berlin.is_holiday(NaiveDate::from_ymd_opt(2027, 3, 8).unwrap())?); // Frauentag
    ///
    /// let err = Calendar::builder(chrono_tz::Europe::Berlin).weekdays("09:00-17:00").holidays_of("DE-XX").build().unwrap_err();
    /// assert!(err.to_string().starts_with("unknown holiday region 'DE-XX'; expected one of AT, "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holidays_of(mut self, code: &str) -> Self {
        match Region::find(code) {
            Ok(region) => self.holiday_rules.extend(region.holiday_rules()),
            Err(e) => self.region_errors.push(e),
        }
        self
    }

    /// Closes the calendar on a date or an inclusive range of dates
    /// (company days off, a shutdown week), on top of the holidays: a
    /// `NaiveDate`, `first..=last`, or a [`DateRange`].
    ///
    /// A date closed twice is closed once. Closures count their dates
    /// toward [`MAX_CLOSURES`](crate::limits::MAX_CLOSURES), each date once
    /// however many ranges hold it, so every date of the supported range
    /// may be closed. [Special hours](CalendarBuilder::special_hours) on a
    /// date win over a closure.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::Calendar;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let cal = Calendar::builder(chrono_tz::Europe::Berlin)
    ///     .weekdays("10:00-18:00")
    ///     .closure(d(2026, 12, 31))
    ///     .closure(d(2026, 12, 24)..=d(2027, 1, 1))
    ///     .build()?;
    /// assert!(!cal.is_business_day(d(2026, 12, 28))?);
    /// assert!(!cal.is_holiday(d(2026, 12, 28))?);
    /// assert!(cal.is_business_day(d(2027, 1, 4))?);
    ///
    /// let err = Calendar::builder(chrono_tz::Europe::Berlin).weekdays("10:00-18:00").closure(d(2027, 1, 1)..=d(2026, 12, 24)).build().unwrap_err();
    /// assert_eq!(err.to_string(), "date range 2027-01-01/2026-12-24 ends before it starts");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closure(mut self, dates: impl Into<DateRange>) -> Self {
        let range = dates.into();
        if let Err(e) = range.check_order() {
            self.date_errors.push(e);
        } else if self.closures.dates() <= limits::MAX_CLOSURES as u64 {
            self.closures.insert(range, ());
        } else {
            // Counted, not kept: `build` refuses the calendar anyway.
            self.closures_over_limit += range.days() - self.closures.covered(range);
        }
        self
    }

    /// Gives a date, or each date of an inclusive range, opening windows
    /// of its own, such as `&["10:00-14:00"]`, in place of what the
    /// calendar would otherwise do on it; `&[]` closes the dates. Special
    /// hours win over the weekday's windows, holidays and closures (the
    /// whole rule is on [`Calendar`](Calendar#which-hours-apply-on-a-date)).
    ///
    /// Special hours given again for a date replace the earlier ones for
    /// that date (so a builder from [`Calendar::to_builder`] can change
    /// them). Each date may have up to
    /// [`MAX_WINDOWS_PER_DAY`](crate::limits::MAX_WINDOWS_PER_DAY)
    /// windows, checked like a weekday's; the dates with special hours
    /// count toward [`MAX_SPECIAL_DATES`](crate::limits::MAX_SPECIAL_DATES).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sla_clock::{BusinessDuration, Calendar};
    ///
    /// let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
    /// let cal = Calendar::munich()
    ///     .to_builder()
    ///     .special_hours(d(24), &["10:00-14:00"]) // a half day on Christmas Eve
    ///     .special_hours(d(26), &["10:00-12:00"]) // open on St. Stephen's Day after all
    ///     .special_hours(d(28)..=d(30), &[]) // closed between the holidays
    ///     .build()?;
    /// assert!(cal.is_business_day(d(26))?);
    /// assert!(!cal.is_business_day(d(29))?);
    /// // High (8 h) from 23 December 15:00: 3 h, 4 h on the 24th, 1 h on the 26th.
    /// let created = cal.parse_datetime("2026-12-23T15:00")?;
    /// assert_eq!(cal.due(&created, BusinessDuration::from_hours(8))?.to_rfc3339(), "2026-12-26T11:00:00+01:00");
    ///
    /// let err = Calendar::munich().to_builder().special_hours(d(24), &["14:00-10:00"]).build().unwrap_err();
    /// assert_eq!(err.to_string(), "opening window 14:00-10:00 on 2026-12-24 is empty or ends before it starts");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn special_hours(mut self, dates: impl Into<DateRange>, windows: &[&str]) -> Self {
        let dates = dates.into();
        // Refused before any parsing: the list may be hostile.
        if let Err(e) = check_window_count(dates, windows.len()) {
            self.window_errors.push(e);
            return self;
        }
        let mut parsed = Vec::with_capacity(windows.len());
        for text in windows {
            match text.parse::<DailyWindow>() {
                Ok(w) => parsed.push(w),
                Err(e) => self.window_errors.push(e),
            }
        }
        self.special_windows(dates, parsed)
    }

    /// Records an error that `build` reports (after the window, schedule
    /// and region errors), for input read outside the builder.
    #[cfg(feature = "ical")]
    pub(crate) fn refuse(mut self, error: crate::Error) -> Self {
        self.date_errors.push(error);
        self
    }

    /// [`CalendarBuilder::special_hours`] with windows already parsed
    /// (from configuration or an existing calendar).
    pub(crate) fn special_windows(
        mut self,
        range: DateRange,
        mut windows: Vec<DailyWindow>,
    ) -> Self {
        windows.sort_unstable();
        if let Err(e) = range.check_order() {
            self.date_errors.push(e);
        } else if self.special_hours.dates() <= limits::MAX_SPECIAL_DATES as u64 {
            self.special_hours.insert(range, windows);
        } else {
            self.special_over_limit += range.days() - self.special_hours.covered(range);
        }
        self
    }

    /// Sets the length of a business day instead of deriving it from the
    /// schedule (see [`Calendar::business_day`]): whole seconds, more than
    /// zero and at most 24 hours. A length set here stays set, even when it
    /// equals what the week implies: [`Calendar::to_builder`] keeps it and
    /// [`CalendarConfig::from`] writes it.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{BusinessDuration, Calendar};
    /// let cal = Calendar::builder(chrono_tz::Europe::Berlin)
    ///     .weekdays("08:00-18:00")
    ///     .business_day(BusinessDuration::from_hours(8))
    ///     .build()?;
    /// assert_eq!(cal.business_day(), BusinessDuration::from_hours(8));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn business_day(mut self, length: BusinessDuration) -> Self {
        self.business_day = Some(length);
        self
    }

    /// Checks everything and builds the calendar.
    ///
    /// # Errors
    ///
    /// An unknown zone name; a malformed, empty, inverted or overlapping
    /// window; a week without opening hours; an unknown holiday region
    /// code; an invalid holiday rule; a closure outside 1995 to 2099; a
    /// business day of zero or more than 24 hours; more windows, holiday
    /// rules or closures than the [`limits`](crate::limits) allow. The
    /// first problem found is reported.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::Weekday;
    /// use sla_clock::Calendar;
    /// let err = Calendar::builder(chrono_tz::Europe::Berlin).open(Weekday::Mon, "18:00-10:00").build().unwrap_err();
    /// assert_eq!(err.to_string(), "opening window 18:00-10:00 on monday is empty or ends before it starts");
    /// ```
    pub fn build(mut self) -> Result<Calendar> {
        let zone = self.zone?;
        if let Some(e) = self.window_errors.into_iter().next() {
            return Err(e);
        }
        for &pause in &self.breaks {
            for day in WEEK {
                self.schedule.take_break(day, pause);
            }
        }
        // A week without hours is a mistake, unless special hours give
        // every date of the range its hours (a combined calendar).
        let (first, last) = crate::range::ALL_DATES;
        if self.special_hours.dates() >= DateRange::new(first, last).days() {
            self.schedule.validate_days()?;
        } else {
            self.schedule.validate()?;
        }
        if let Some(e) = self.region_errors.into_iter().next() {
            return Err(e);
        }
        if let Some(e) = self.date_errors.into_iter().next() {
            return Err(e);
        }
        check_holiday_rule_count(self.holiday_rules.len())?;
        let count = |dates: u64, over: u64| usize::try_from(dates + over).unwrap_or(usize::MAX);
        check_closure_count(count(self.closures.dates(), self.closures_over_limit))?;
        check_special_date_count(count(self.special_hours.dates(), self.special_over_limit))?;
        for rule in &self.holiday_rules {
            rule.validate()?;
        }
        for (range, ()) in self.closures.iter() {
            check_closure(range)?;
        }
        for (range, windows) in self.special_hours.iter() {
            check_special_hours(range, windows)?;
        }
        let business_day_set = self.business_day.is_some();
        let business_day = match self.business_day {
            Some(length) => check_day_length(length)?,
            None => typical_day(&self.schedule),
        };
        let closures = self.closures.into_ranges().into_iter().map(|(r, ())| r);
        let special_hours = self.special_hours.into_ranges().into_iter();
        Ok(Calendar::from_parts(
            zone,
            self.schedule,
            self.holiday_rules,
            closures.collect(),
            special_hours
                .map(|(dates, windows)| SpecialHours { dates, windows })
                .collect(),
            business_day,
            business_day_set,
        ))
    }
}

/// The most common non-zero daily amount of opening hours, the longer one
/// on a tie.
pub(crate) fn typical_day(schedule: &WeeklySchedule) -> BusinessDuration {
    let lengths: Vec<u32> = WEEK
        .iter()
        .map(|&d| schedule.day_secs(d))
        .filter(|&s| s > 0)
        .collect();
    let best = lengths
        .iter()
        .copied()
        .max_by_key(|&len| (lengths.iter().filter(|&&l| l == len).count(), len))
        .unwrap_or(0);
    BusinessDuration::from_secs(i64::from(best))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_grow_with_the_years_asked_about() {
        let cal = Calendar::from_parts(
            chrono_tz::Europe::Berlin,
            Calendar::munich().schedule().clone(),
            munich_holiday_rules(),
            Vec::new(),
            Vec::new(),
            BusinessDuration::from_hours(8),
            false,
        );
        assert!(cal.inner.years.built().is_empty());
        let created = cal.parse_datetime("2026-06-15T12:00").unwrap();
        cal.due(&created, BusinessDuration::from_hours(40)).unwrap();
        let built = cal.inner.years.built();
        // One year: about 250 windows, its indexes and its two DST changes.
        assert_eq!(built.len(), 1);
        assert!(built[0] < 4_096, "{built:?}");
        let (from, to) = (
            cal.parse_datetime("1995-01-02T00:00").unwrap(),
            cal.parse_datetime("2099-12-30T00:00").unwrap(),
        );
        cal.business_time(&from, &to).unwrap();
        let built = cal.inner.years.built();
        assert_eq!(built.len(), 105);
        // No more than the whole-range table took before (450 KiB).
        assert!(built.iter().sum::<usize>() < 460_000, "{built:?}");
    }

    #[test]
    fn typical_day_prefers_the_common_length() {
        let cal = Calendar::builder(chrono_tz::Europe::Berlin)
            .weekdays("10:00-18:00")
            .open(Weekday::Sat, "10:00-12:00")
            .build()
            .unwrap();
        assert_eq!(cal.business_day(), BusinessDuration::from_hours(8));
        let cal = Calendar::builder(chrono_tz::Europe::Berlin)
            .open(Weekday::Mon, "10:00-18:00")
            .open(Weekday::Tue, "10:00-14:00")
            .build()
            .unwrap();
        assert_eq!(cal.business_day(), BusinessDuration::from_hours(8));
    }

    #[test]
    fn builder_errors_name_the_value() {
        let err = Calendar::builder(chrono_tz::Europe::Berlin)
            .weekdays("10-18")
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid time of day '10'; expected HH:MM or HH:MM:SS from 00:00 to 24:00"
        );
        let err = Calendar::builder(chrono_tz::Europe::Berlin)
            .weekdays("10:00")
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid opening window '10:00'; expected two times of day like '10:00-18:00'"
        );
        let err = Calendar::builder(chrono_tz::Europe::Berlin)
            .weekdays("10:00-18:00")
            .closure(NaiveDate::from_ymd_opt(2100, 1, 1).unwrap())
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "closure date 2100-01-01 is outside the supported range 1995-01-01 to 2099-12-31"
        );
        let err = Calendar::builder(chrono_tz::Europe::Berlin)
            .weekdays("10:00-18:00")
            .business_day(BusinessDuration::ZERO)
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid business day length 0s; expected whole seconds, more than 0s and at most 24h"
        );
    }
}
