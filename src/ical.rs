//! Closures from iCalendar files (RFC 5545), behind the `ical` feature.
//!
//! Holiday lists arrive as `.ics` files: exported from Outlook or Google
//! Calendar, or published by HR. The parsing is the `icalendar` crate's
//! and the expansion of recurrence rules the `rrule` crate's (the one
//! `icalendar` itself uses): both well kept, neither hand-written here.
//! They stay behind a feature because most users configure closures in
//! JSON, and the two bring a parser and a regex engine with them.
//!
//! What becomes of an event:
//!
//! - An all-day event (`DTSTART;VALUE=DATE`) closes its dates: from its
//!   start to the day before its `DTEND` (which iCalendar makes
//!   exclusive), or for its `DURATION` in days or weeks, or one day.
//! - A timed event is refused with an error that names it: a few closed
//!   hours are special hours of the day (which a calendar states
//!   directly), and guessing them from meeting-like events would close the
//!   desk for every meeting in an exported calendar.
//! - A recurring event (`RRULE`, `RDATE`, `EXDATE`) closes each of its
//!   occurrences within the supported range; occurrences before 1995 or
//!   after 2099 are left out (a yearly event has no end), and an
//!   occurrence that runs past 2099-12-31 is cut there. Rules that repeat
//!   more often than daily are refused. An occurrence replaced by an event
//!   of its own (`RECURRENCE-ID`, same `UID`) takes that event's dates.
//! - A cancelled event (`STATUS:CANCELLED`) closes nothing.
//! - A single event outside the supported range is an error, as any
//!   closure there is.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate, TimeZone};
use icalendar::{CalendarComponent, Component, DatePerhapsTime, EventStatus, Property};

use crate::date_range::DateRange;
use crate::error::{Reason, Result, shown};
use crate::limits::{self, MAX_ICAL_EVENTS, MAX_ICAL_OCCURRENCES, MAX_ICAL_RULES};
use crate::range::{FIRST_YEAR, LAST_YEAR};

/// The closures of the all-day events of `text`, as ranges of dates.
pub(crate) fn closures(text: &str) -> Result<Vec<DateRange>> {
    let calendar: icalendar::Calendar = text.parse().map_err(|reason: String| {
        // The parser's message can quote the rest of the file: the first
        // line of it is enough.
        let reason = reason.lines().next().unwrap_or("").trim();
        Reason::IcalSyntax {
            reason: shown(reason.chars().take(200).collect::<String>()),
        }
    })?;
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    limits::check(
        "events in the iCalendar text",
        events.len(),
        MAX_ICAL_EVENTS,
    )?;
    let rules = events
        .iter()
        .filter(|e| e.property_value("RRULE").is_some())
        .count();
    limits::check(
        "recurrence rules in the iCalendar text",
        rules,
        MAX_ICAL_RULES,
    )?;
    // Occurrences that an event of their own replaces, by UID.
    let mut replaced: HashMap<&str, BTreeSet<NaiveDate>> = HashMap::new();
    for event in &events {
        if let Some(id) = event.get_recurrence_id() {
            let uid = event.get_uid().unwrap_or_default();
            replaced.entry(uid).or_default().insert(id.date_naive());
        }
    }
    let mut out = Vec::new();
    for event in events {
        if event.get_status() == Some(EventStatus::Cancelled) {
            continue;
        }
        let read = Event::read(event)?;
        let recurring = event.get_recurrence_id().is_none()
            && (event.property_value("RRULE").is_some() || !multi(event, "RDATE").is_empty());
        if recurring {
            let skip = replaced
                .get(event.get_uid().unwrap_or_default())
                .cloned()
                .unwrap_or_default();
            for start in read.occurrences(event)? {
                if skip.contains(&start) {
                    continue;
                }
                out.push(read.clipped(start));
            }
        } else {
            out.push(read.single()?);
        }
        limits::check(
            "occurrences of the events in the iCalendar text",
            out.len(),
            MAX_ICAL_OCCURRENCES,
        )?;
    }
    Ok(out)
}

/// An all-day event as read: its name for messages, its first date and
/// how many days it lasts.
struct Event {
    name: String,
    start: NaiveDate,
    days: u64,
}

fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn last_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Every value of a property that may occur several times, with its
/// comma-separated lists split.
fn multi<'a>(event: &'a icalendar::Event, key: &str) -> Vec<(&'a Property, &'a str)> {
    let single = event.properties().get(key).into_iter();
    let several = event.multi_properties().get(key).into_iter().flatten();
    single
        .chain(several)
        .flat_map(|p| p.value().split(',').map(move |v| (p, v.trim())))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

impl Event {
    fn read(event: &icalendar::Event) -> Result<Event> {
        let name = event
            .get_summary()
            .or(event.get_uid())
            .unwrap_or("(no summary)")
            .chars()
            .take(100)
            .collect::<String>();
        let fail = |reason: String| -> crate::Error {
            Reason::IcalEvent {
                event: shown(&name),
                reason: shown(reason),
            }
            .into()
        };
        let raw = |key: &str| event.property_value(key).unwrap_or("").to_string();
        let start = match event.get_start() {
            Some(DatePerhapsTime::Date(date)) => date,
            Some(DatePerhapsTime::DateTime(_)) => {
                return Err(fail(format!(
                    "starts at a time of day (DTSTART {}); only all-day events are read, as \
                     closures (give part-day hours as special hours)",
                    raw("DTSTART")
                )));
            }
            None if event.property_value("DTSTART").is_some() => {
                return Err(fail(format!("invalid DTSTART '{}'", raw("DTSTART"))));
            }
            None => return Err(fail("has no DTSTART".to_string())),
        };
        let days = match (event.get_end(), event.property_value("DURATION")) {
            (Some(DatePerhapsTime::Date(end)), _) => {
                let days = (end - start).num_days();
                if days < 0 {
                    return Err(fail(format!(
                        "ends before it starts (DTSTART {}, DTEND {})",
                        raw("DTSTART"),
                        raw("DTEND")
                    )));
                }
                // An end equal to the start is read as one day, as
                // calendar programs show it.
                days.max(1) as u64
            }
            (Some(DatePerhapsTime::DateTime(_)), _) => {
                return Err(fail(format!(
                    "DTEND {} is a time of day; an all-day event ends on a date",
                    raw("DTEND")
                )));
            }
            (None, _) if event.property_value("DTEND").is_some() => {
                return Err(fail(format!("invalid DTEND '{}'", raw("DTEND"))));
            }
            (None, Some(duration)) => whole_days(duration).ok_or_else(|| {
                fail(format!(
                    "unsupported DURATION '{duration}'; an all-day event lasts whole days or \
                     weeks, such as P1D or P2W"
                ))
            })?,
            (None, None) => 1,
        };
        Ok(Event { name, start, days })
    }

    fn fail(&self, reason: String) -> crate::Error {
        Reason::IcalEvent {
            event: shown(&self.name),
            reason: shown(reason),
        }
        .into()
    }

    /// The dates of an occurrence from `start`, as they are.
    fn dates_from(&self, start: NaiveDate) -> DateRange {
        let last = start
            .checked_add_days(Days::new(self.days - 1))
            .unwrap_or(NaiveDate::MAX);
        DateRange::new(start, last)
    }

    /// The dates of an occurrence from `start` (which runs into the
    /// range), cut at the range's ends.
    fn clipped(&self, start: NaiveDate) -> DateRange {
        let range = self.dates_from(start);
        DateRange::new(range.first.max(first_date()), range.last.min(last_date()))
    }

    /// The dates of a single event, which must lie in the range.
    fn single(&self) -> Result<DateRange> {
        let range = self.dates_from(self.start);
        for date in [range.first, range.last] {
            if date < first_date() || date > last_date() {
                return Err(self.fail(format!(
                    "falls on {date}, outside the supported range {}",
                    crate::range::DATES
                )));
            }
        }
        Ok(range)
    }

    /// The first dates of the occurrences of a recurring event that start
    /// in the supported range, or run into it.
    fn occurrences(&self, event: &icalendar::Event) -> Result<BTreeSet<NaiveDate>> {
        let utc = rrule::Tz::UTC;
        let midnight =
            |date: NaiveDate| utc.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN));
        let mut dates = BTreeSet::new();
        // Occurrences from a start this many days before the range still
        // run into it.
        let from = first_date()
            .checked_sub_days(Days::new(self.days - 1))
            .unwrap_or(NaiveDate::MIN);
        if let Some(rule) = event.property_value("RRULE") {
            let text = format!(
                "DTSTART:{}T000000Z\nRRULE:{}",
                self.start.format("%Y%m%d"),
                date_until(rule)
            );
            let set: rrule::RRuleSet = text
                .parse()
                .map_err(|e| self.fail(format!("invalid recurrence rule '{rule}': {e}")))?;
            if let Some(r) = set.get_rrule().first() {
                use rrule::Frequency::{Hourly, Minutely, Secondly};
                if matches!(r.get_freq(), Hourly | Minutely | Secondly) {
                    return Err(self.fail(format!(
                        "recurrence rule '{rule}' repeats more often than daily; an all-day \
                         event repeats at most daily"
                    )));
                }
            }
            let end = last_date().succ_opt().unwrap_or(NaiveDate::MAX);
            let result = set
                .after(midnight(from))
                .before(midnight(end))
                .all(u16::MAX);
            if result.limited {
                return Err(self.fail(format!(
                    "recurrence rule '{rule}' has too many occurrences, or too few to find \
                     within the recurrence engine's limit"
                )));
            }
            dates.extend(result.dates.iter().map(|t| t.date_naive()));
        } else {
            dates.insert(self.start);
        }
        for (property, value) in multi(event, "RDATE") {
            dates.insert(self.date_value("RDATE", property, value)?);
        }
        for (property, value) in multi(event, "EXDATE") {
            dates.remove(&self.date_value("EXDATE", property, value)?);
        }
        let last = last_date();
        dates.retain(|&d| d >= from && d <= last);
        Ok(dates)
    }

    /// A date in an `RDATE` or `EXDATE` of an all-day event.
    fn date_value(&self, key: &str, property: &Property, value: &str) -> Result<NaiveDate> {
        let is_date = property
            .params()
            .get("VALUE")
            .is_none_or(|v| v.value() == "DATE");
        match NaiveDate::parse_from_str(value, "%Y%m%d") {
            Ok(date) if is_date && value.len() == 8 => Ok(date),
            _ => Err(self.fail(format!(
                "{key} '{value}' is not a date (YYYYMMDD); an all-day event's {key} names dates"
            ))),
        }
    }
}

/// `P3D`, `P2W`, `P1W2D` as days; `None` for anything with hours,
/// minutes or seconds, or malformed.
fn whole_days(duration: &str) -> Option<u64> {
    let rest = duration
        .strip_prefix('+')
        .unwrap_or(duration)
        .strip_prefix('P')?;
    let (mut days, mut number) = (0u64, String::new());
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'W' | 'D' => {
                let n: u64 = number.parse().ok()?;
                days = days.checked_add(n.checked_mul(if c == 'W' { 7 } else { 1 })?)?;
                number.clear();
            }
            _ => return None,
        }
    }
    (number.is_empty() && days > 0 && days <= 40_000).then_some(days)
}

/// The rule with a date-only `UNTIL` (as all-day events write it) given
/// as the end of that day in UTC, the form the recurrence engine takes
/// with a UTC start.
fn date_until(rule: &str) -> String {
    rule.split(';')
        .map(|part| match part.split_once('=') {
            Some((key, value))
                if key.eq_ignore_ascii_case("UNTIL")
                    && value.len() == 8
                    && value.bytes().all(|b| b.is_ascii_digit()) =>
            {
                format!("UNTIL={value}T235959Z")
            }
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_whole_days() {
        assert_eq!(whole_days("P1D"), Some(1));
        assert_eq!(whole_days("P2W"), Some(14));
        assert_eq!(whole_days("P1W2D"), Some(9));
        assert_eq!(whole_days("PT8H"), None);
        assert_eq!(whole_days("P1DT2H"), None);
        assert_eq!(whole_days("P0D"), None);
        assert_eq!(whole_days("P99999999999999999999D"), None);
        assert_eq!(whole_days("1D"), None);
    }

    #[test]
    fn date_untils_become_utc_ends_of_day() {
        assert_eq!(
            date_until("FREQ=YEARLY;UNTIL=20301224;BYMONTH=12"),
            "FREQ=YEARLY;UNTIL=20301224T235959Z;BYMONTH=12"
        );
        assert_eq!(date_until("FREQ=YEARLY;COUNT=3"), "FREQ=YEARLY;COUNT=3");
    }
}
