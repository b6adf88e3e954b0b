//! Closures from iCalendar files (RFC 5545), behind the `ical` feature.
//!
//! Holiday lists arrive as `.ics` files: exported from Outlook or Google
//! Calendar, or published by HR. The expansion of recurrence rules is the
//! `rrule` crate's, and the parsing of content lines into components the
//! `icalendar` crate's (the two work together): both well kept, neither
//! hand-written here. They stay behind a feature because most users
//! configure closures in JSON, and the two bring a parser and a regex
//! engine with them.
//!
//! Before the parser sees the text, one pass over its lines checks what
//! the file may hold and reduces it to what is read:
//!
//! - the size ([`MAX_ICAL_BYTES`]), before anything else;
//! - a leading byte-order mark is skipped; folded lines are unfolded;
//! - every line is a content line (`NAME;PARAM=value:value`), and the
//!   text is one `VCALENDAR` whose `BEGIN:` and `END:` lines pair up,
//!   nested at most [`MAX_ICAL_NESTING`] deep (the parser recurses once a
//!   level); a mistake is reported with its line number, in the file's
//!   own terms;
//! - names are matched without regard to case, as RFC 5545 says
//!   (`begin:vevent`, `rrule`, `STATUS:cancelled`, `value=date`): they are
//!   written upper-case for the parser, and so are the values that are
//!   not text (dates, rules, durations, the status);
//! - only the events at the top level, and only the properties read from
//!   them, are handed on; everything else (other components, alarms,
//!   descriptions, vendor properties) is checked and left out, so that the
//!   memory the parser takes grows with what is read;
//! - events ([`MAX_ICAL_EVENTS`]) and recurrence rules
//!   ([`MAX_ICAL_RULES`]) are counted as they are met.
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
//! - An event with several `RRULE`s closes the occurrences of all of them.
//!   RFC 5545 says a rule "SHOULD NOT" occur more than once, which leaves
//!   several allowed, and RFC 2445 before it defined the set as the union
//!   of its rules; the `rrule` crate's sets are built the same way. Taking
//!   one and dropping the others would close too little without a word.
//! - A property that RFC 5545 allows once per event (`DTSTART`, `DTEND`,
//!   `DURATION`, `UID`, `STATUS`, `RECURRENCE-ID`) given twice, or `DTEND`
//!   and `DURATION` together, is refused: which one is meant is a guess.
//! - A cancelled event (`STATUS:CANCELLED`) closes nothing.
//! - A single event outside the supported range is an error, as any
//!   closure there is.
//!
//! # What expanding a rule costs
//!
//! The recurrence engine steps from a rule's `DTSTART` one period (a day,
//! a week, a month or a year, times `INTERVAL`) at a time. A rule may
//! start long before 1995 (a yearly holiday "since 1900", or year 0 in a
//! hostile file), so the steps before the range are skipped, exactly:
//!
//! - A rule without `COUNT` starts afresh at a later `DTSTART` that lies
//!   on its own grid: a whole number of periods later for daily and weekly
//!   rules, a whole number of 400-year Gregorian cycles (146 097 days,
//!   which is also 20 871 weeks and 4 800 months) that is a whole number
//!   of periods for monthly and yearly ones, so that the day of the month
//!   and the weekday the rule takes from `DTSTART` stay the same. Its
//!   occurrences from there on are the original rule's. What is left is at
//!   most the range's 38 351 days (one step each for a daily rule) plus
//!   4 800 months or 400 years before it.
//! - A rule with `COUNT` counts its occurrences from `DTSTART`, so they
//!   cannot be skipped uncounted. The calendar repeats every 400 years,
//!   and so does a rule's pattern once both its grid and the calendar have
//!   come round: the engine expands one such cycle from `DTSTART` (at most
//!   146 097 steps, and only until `COUNT` occurrences are found), and the
//!   later cycles are that one moved on, numbered on so that `COUNT` still
//!   ends the rule where the engine would.
//!
//! A rule thus costs at most about 146 097 engine steps, the order of the
//! engine's own limit (100 000 periods without an occurrence, after which
//! the rule is refused).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate, TimeZone};
use icalendar::DatePerhapsTime;
use icalendar::parser::{Component, Property};
use rrule::{Frequency, RRule, RRuleSet, Unvalidated};

use crate::date_range::DateRange;
use crate::error::{Reason, Result, shown};
use crate::limits::{
    self, MAX_ICAL_BYTES, MAX_ICAL_EVENTS, MAX_ICAL_NESTING, MAX_ICAL_OCCURRENCES, MAX_ICAL_RULES,
};
use crate::range::{FIRST_YEAR, LAST_YEAR};

/// The properties of an event that are read; every other line is checked
/// and left out.
const READ: [&str; 10] = [
    "UID",
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "STATUS",
    "RECURRENCE-ID",
];

/// The properties read whose values are text, kept as written; the values
/// of the others are case-insensitive and written upper-case.
const TEXT: [&str; 2] = ["UID", "SUMMARY"];

/// The properties read that an event has at most once (RFC 5545, 3.6.1),
/// where a second one would leave a guess.
const ONCE: [&str; 6] = [
    "UID",
    "DTSTART",
    "DTEND",
    "DURATION",
    "STATUS",
    "RECURRENCE-ID",
];

/// Lines longer than this are cut in messages.
const QUOTED_CHARS: usize = 80;

/// The closures of the all-day events of `text`, as ranges of dates.
pub(crate) fn closures(text: &str) -> Result<Vec<DateRange>> {
    limits::check("bytes in the iCalendar text", text.len(), MAX_ICAL_BYTES)?;
    let prepared = prepare(text)?;
    let calendar = icalendar::parser::read_calendar(&prepared).map_err(|_| {
        // `prepare` hands on only lines the parser reads; should one slip
        // through, the parser's message names its own internals, not the
        // file's, so it is not passed on.
        syntax("a line cannot be read as iCalendar".to_string())
    })?;
    let events = &calendar.components;
    // Occurrences that an event of their own replaces, by UID.
    let mut replaced: HashMap<&str, BTreeSet<NaiveDate>> = HashMap::new();
    for event in events {
        if let Some(id) = Event::recurrence_id(event)? {
            replaced.entry(uid(event)).or_default().insert(id);
        }
    }
    let mut out = Vec::new();
    for event in events {
        if first(event, "STATUS").is_some_and(|s| s.val.as_str() == "CANCELLED") {
            continue;
        }
        let read = Event::read(event)?;
        let recurring = read.recurrence_id.is_none()
            && (first(event, "RRULE").is_some() || first(event, "RDATE").is_some());
        if recurring {
            let skip = replaced.get(uid(event));
            for start in read.occurrences(event)? {
                if skip.is_some_and(|s| s.contains(&start)) {
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

fn syntax(reason: String) -> crate::Error {
    Reason::IcalSyntax {
        reason: shown(reason),
    }
    .into()
}

/// `text` in quotes, cut to a length that fits a message.
fn quoted(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(QUOTED_CHARS).collect();
    if chars.next().is_some() {
        format!("'{head}...'")
    } else {
        format!("'{head}'")
    }
}

/// The logical lines of `text` (folded lines joined), each with the number
/// of the line it starts on, counted from 1. Lines end in LF or CR LF.
fn unfolded(text: &str) -> impl Iterator<Item = (usize, Cow<'_, str>)> {
    let mut lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .enumerate()
        .peekable();
    std::iter::from_fn(move || {
        let (number, first) = lines.next()?;
        let mut line = Cow::Borrowed(first);
        while let Some((_, next)) = lines.peek() {
            let Some(rest) = next.strip_prefix([' ', '\t']) else {
                break;
            };
            line.to_mut().push_str(rest);
            lines.next();
        }
        Some((number + 1, line))
    })
}

/// A content line taken apart: `NAME;PARAM=value;...:value`.
struct ContentLine<'a> {
    name: &'a str,
    /// The `VALUE` parameter's value, if given.
    value_type: Option<&'a str>,
    value: &'a str,
}

/// A name or parameter name of RFC 5545: letters, digits and dashes.
fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl<'a> ContentLine<'a> {
    fn split(line: &'a str) -> Option<ContentLine<'a>> {
        let at = line.find([';', ':'])?;
        let name = &line[..at];
        if !is_name(name) {
            return None;
        }
        let mut rest = &line[at..];
        let mut value_type = None;
        while let Some(param) = rest.strip_prefix(';') {
            let (key, mut values) = param.split_once('=')?;
            if !is_name(key) {
                return None;
            }
            let mut first_value = None;
            loop {
                let (value, after) = match values.strip_prefix('"') {
                    Some(quoted) => {
                        let close = quoted.find('"')?;
                        (&quoted[..close], &quoted[close + 1..])
                    }
                    None => {
                        let stop = values.find([';', ':', ',', '"']).unwrap_or(values.len());
                        values.split_at(stop)
                    }
                };
                first_value.get_or_insert(value);
                match after.strip_prefix(',') {
                    Some(more) => values = more,
                    None => {
                        values = after;
                        break;
                    }
                }
            }
            if key.eq_ignore_ascii_case("VALUE") {
                value_type = first_value;
            }
            rest = values;
        }
        let value = rest.strip_prefix(':')?;
        Some(ContentLine {
            name,
            value_type,
            value,
        })
    }
}

/// A component begun and not yet ended.
struct Open {
    name: String,
    line: usize,
}

/// What `prepare` hands on of the event being read.
#[derive(Default)]
struct EventLines {
    /// Its lines so far, less the lists of dates.
    text: String,
    /// How many of each property in [`READ`] it has had.
    seen: [usize; READ.len()],
    /// The values of its `RDATE`s and `EXDATE`s, joined into one list per
    /// property and value type (`EXDATE;VALUE=DATE`): they are sets of
    /// dates, so one line each says the same, and the parser's memory then
    /// grows with the events, not with the lines.
    lists: Vec<(String, String)>,
}

impl EventLines {
    /// Adds a property named `name` (upper-case, one of [`READ`]).
    fn add(&mut self, name: &str, value_type: Option<&str>, value: &str) {
        let at = READ.iter().position(|&r| r == name).unwrap_or(0);
        self.seen[at] += 1;
        let mut head = name.to_string();
        if let Some(value_type) = value_type {
            head.push_str(";VALUE=");
            head.push_str(&value_type.to_ascii_uppercase());
        }
        let value: Cow<str> = if TEXT.contains(&name) {
            Cow::Borrowed(value)
        } else {
            Cow::Owned(value.to_ascii_uppercase())
        };
        if name == "RDATE" || name == "EXDATE" {
            match self.lists.iter_mut().find(|(h, _)| *h == head) {
                Some((_, values)) => {
                    values.push(',');
                    values.push_str(&value);
                }
                None => self.lists.push((head, value.into_owned())),
            }
            return;
        }
        // The first summary names the event; of the properties it has at
        // most once, a second tells that it has more.
        let keep = match name {
            "RRULE" => true,
            "SUMMARY" => self.seen[at] == 1,
            _ => self.seen[at] <= 2,
        };
        if keep {
            self.text.push_str(&head);
            self.text.push(':');
            self.text.push_str(&value);
            self.text.push_str("\r\n");
        }
    }

    /// The event's lines, from `BEGIN:VEVENT` to `END:VEVENT`.
    fn finish(self, out: &mut String) {
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&self.text);
        for (head, values) in self.lists {
            out.push_str(&head);
            out.push(':');
            out.push_str(&values);
            out.push_str("\r\n");
        }
        out.push_str("END:VEVENT\r\n");
    }
}

/// Checks `text` line by line and writes what is read in the form the
/// parser takes: the events at the top level of the one `VCALENDAR`, with
/// only the properties in [`READ`] (see [`EventLines`]), names and
/// non-text values upper-case, every line ended by CR LF. (The parser
/// looks for the end of a value as CR LF first, through the whole rest of
/// the text, and only then for LF: given lines ended by LF alone it would
/// take time quadratic in the text's length, minutes for a few megabytes.)
fn prepare(text: &str) -> Result<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::new();
    let mut open: Vec<Open> = Vec::new();
    let mut event: Option<EventLines> = None;
    let mut ended: Option<usize> = None;
    let (mut events, mut rules) = (0, 0);
    for (number, line) in unfolded(text) {
        if line.is_empty() {
            continue;
        }
        let at = |what: String| syntax(format!("line {number}: {what}"));
        let content = ContentLine::split(&line).ok_or_else(|| {
            at(format!(
                "{} is not a content line; expected a name, then a colon and the value, like \
                 'SUMMARY:Shutdown'",
                quoted(&line)
            ))
        })?;
        let name = content.name.to_ascii_uppercase();
        let component = || {
            let value = content.value.trim();
            if is_name(value) {
                Ok(value.to_ascii_uppercase())
            } else {
                Err(at(format!(
                    "{} does not name a component; expected a name such as VEVENT",
                    quoted(&line)
                )))
            }
        };
        // The event being read is one directly inside the VCALENDAR.
        let in_event = open.len() == 2 && open[1].name == "VEVENT";
        match name.as_str() {
            "BEGIN" => {
                let component = component()?;
                if let Some(end) = ended {
                    return Err(at(format!(
                        "{} after the END:VCALENDAR of line {end}; the text holds one calendar \
                         (give each calendar on its own)",
                        quoted(&line)
                    )));
                }
                if open.is_empty() && component != "VCALENDAR" {
                    return Err(at(format!(
                        "{} outside a calendar; an iCalendar text begins with BEGIN:VCALENDAR",
                        quoted(&line)
                    )));
                }
                limits::check(
                    "levels of components nested in the iCalendar text (BEGIN inside BEGIN)",
                    open.len() + 1,
                    MAX_ICAL_NESTING,
                )?;
                if open.len() == 1 && component == "VEVENT" {
                    events += 1;
                    limits::check("events in the iCalendar text", events, MAX_ICAL_EVENTS)?;
                    event = Some(EventLines::default());
                } else if open.is_empty() {
                    out.push_str("BEGIN:VCALENDAR\r\n");
                }
                open.push(Open {
                    name: component,
                    line: number,
                });
            }
            "END" => {
                let component = component()?;
                match open.pop() {
                    Some(begun) if begun.name == component => {
                        if in_event {
                            if let Some(lines) = event.take() {
                                lines.finish(&mut out);
                            }
                        } else if open.is_empty() {
                            out.push_str("END:VCALENDAR\r\n");
                            ended = Some(number);
                        }
                    }
                    Some(begun) => {
                        return Err(at(format!(
                            "{} where END:{} is due, for the BEGIN:{} of line {}",
                            quoted(&line),
                            begun.name,
                            begun.name,
                            begun.line
                        )));
                    }
                    None => {
                        return Err(at(format!(
                            "{} ends a component that was never begun",
                            quoted(&line)
                        )));
                    }
                }
            }
            _ if open.is_empty() => {
                let place = match ended {
                    Some(end) => format!("after the END:VCALENDAR of line {end}"),
                    None => "before BEGIN:VCALENDAR".to_string(),
                };
                return Err(at(format!(
                    "{} {place}; everything in an iCalendar text is inside its VCALENDAR",
                    quoted(&line)
                )));
            }
            _ if in_event && READ.contains(&name.as_str()) => {
                if name == "RRULE" {
                    rules += 1;
                    limits::check(
                        "recurrence rules in the iCalendar text",
                        rules,
                        MAX_ICAL_RULES,
                    )?;
                }
                if content.value_type.is_some_and(|v| !is_name(v)) {
                    return Err(at(format!(
                        "{} has an invalid VALUE parameter; expected a value type such as DATE",
                        quoted(&line)
                    )));
                }
                if let Some(lines) = event.as_mut() {
                    lines.add(&name, content.value_type, content.value);
                }
            }
            _ => {}
        }
    }
    if let Some(begun) = open.last() {
        return Err(syntax(format!(
            "the text ends before END:{} (the BEGIN:{} of line {} is never ended)",
            begun.name, begun.name, begun.line
        )));
    }
    if ended.is_none() {
        return Err(syntax(
            "the text holds no calendar; an iCalendar text begins with BEGIN:VCALENDAR".to_string(),
        ));
    }
    Ok(out)
}

/// The properties of `event` named `key` (upper-case, as `prepare` writes
/// names).
fn all<'c>(event: &'c Component<'c>, key: &'c str) -> impl Iterator<Item = &'c Property<'c>> {
    event
        .properties
        .iter()
        .filter(move |p| p.name.as_str() == key)
}

fn first<'c>(event: &'c Component<'c>, key: &'c str) -> Option<&'c Property<'c>> {
    all(event, key).next()
}

fn uid<'c>(event: &'c Component<'c>) -> &'c str {
    first(event, "UID").map_or("", |p| p.val.as_str())
}

/// A date or date-time property as the `icalendar` crate reads it.
fn date_or_time(property: &Property) -> Option<DatePerhapsTime> {
    DatePerhapsTime::from_property(&icalendar::Property::from(property.clone()))
}

/// Every value of a property that may occur several times, with its
/// comma-separated lists split.
fn multi<'c>(event: &'c Component<'c>, key: &'c str) -> Vec<(&'c Property<'c>, &'c str)> {
    all(event, key)
        .flat_map(|p| p.val.as_str().split(',').map(move |v| (p, v.trim())))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// An all-day event as read: its name for messages, its first date and
/// how many days it lasts.
struct Event {
    name: String,
    start: NaiveDate,
    days: u64,
    /// The date of the occurrence it replaces (`RECURRENCE-ID`), if any.
    recurrence_id: Option<NaiveDate>,
}

fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn last_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Midnight UTC of `date`, the form of the recurrence engine.
fn midnight(date: NaiveDate) -> chrono::DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN))
}

/// `date` moved by `days` (which may be negative), or `None` when that
/// leaves the dates chrono has.
fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// Days in 400 Gregorian years, after which the calendar repeats: also
/// 20 871 weeks and 4 800 months.
const CYCLE_DAYS: i64 = 146_097;

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The engine's limit on periods without an occurrence: after this many it
/// stops (`rrule`'s `MAX_ITER_LOOP`).
const ENGINE_EMPTY_PERIODS: i64 = 100_000;

impl Event {
    /// The name of `event` for messages: its summary, or its UID.
    fn name_of(event: &Component) -> String {
        first(event, "SUMMARY")
            .or(first(event, "UID"))
            .map_or("(no summary)", |p| p.val.as_str())
            .chars()
            .take(100)
            .collect()
    }

    /// The date of the occurrence `event` replaces, if it names one.
    fn recurrence_id(event: &Component) -> Result<Option<NaiveDate>> {
        let Some(property) = first(event, "RECURRENCE-ID") else {
            return Ok(None);
        };
        match date_or_time(property) {
            Some(id) => Ok(Some(id.date_naive())),
            None => Err(Reason::IcalEvent {
                event: shown(Event::name_of(event)),
                reason: shown(format!("invalid RECURRENCE-ID '{}'", property.val)),
            }
            .into()),
        }
    }

    fn read(event: &Component) -> Result<Event> {
        let name = Event::name_of(event);
        let fail = |reason: String| -> crate::Error {
            Reason::IcalEvent {
                event: shown(&name),
                reason: shown(reason),
            }
            .into()
        };
        for key in ONCE {
            if all(event, key).nth(1).is_some() {
                return Err(fail(format!(
                    "{key} is given more than once; an event has at most one"
                )));
            }
        }
        let raw = |key: &str| first(event, key).map_or("", |p| p.val.as_str()).to_string();
        let start = match first(event, "DTSTART").map(date_or_time) {
            Some(Some(DatePerhapsTime::Date(date))) => date,
            Some(Some(DatePerhapsTime::DateTime(_))) => {
                return Err(fail(format!(
                    "starts at a time of day (DTSTART {}); only all-day events are read, as \
                     closures (give part-day hours as special hours)",
                    raw("DTSTART")
                )));
            }
            Some(None) => return Err(fail(format!("invalid DTSTART '{}'", raw("DTSTART")))),
            None => return Err(fail("has no DTSTART".to_string())),
        };
        let end = first(event, "DTEND");
        let duration = first(event, "DURATION");
        let days = match (end.map(date_or_time), duration) {
            (Some(_), Some(_)) => {
                return Err(fail(format!(
                    "has both DTEND {} and DURATION {}; an event has one or the other",
                    raw("DTEND"),
                    raw("DURATION")
                )));
            }
            (Some(Some(DatePerhapsTime::Date(end))), None) => {
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
            (Some(Some(DatePerhapsTime::DateTime(_))), None) => {
                return Err(fail(format!(
                    "DTEND {} is a time of day; an all-day event ends on a date",
                    raw("DTEND")
                )));
            }
            (Some(None), None) => return Err(fail(format!("invalid DTEND '{}'", raw("DTEND")))),
            (None, Some(duration)) => {
                let duration = duration.val.as_str();
                whole_days(duration).ok_or_else(|| {
                    fail(format!(
                        "unsupported DURATION '{duration}'; an all-day event lasts whole days \
                         or weeks, such as P1D or P2W"
                    ))
                })?
            }
            (None, None) => 1,
        };
        Ok(Event {
            name,
            start,
            days,
            recurrence_id: Event::recurrence_id(event)?,
        })
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
    fn occurrences(&self, event: &Component) -> Result<BTreeSet<NaiveDate>> {
        // Occurrences from a start this many days before the range still
        // run into it.
        let from = first_date()
            .checked_sub_days(Days::new(self.days - 1))
            .unwrap_or(NaiveDate::MIN);
        let last = last_date();
        let mut dates = BTreeSet::new();
        let mut rules = all(event, "RRULE").peekable();
        if rules.peek().is_none() {
            dates.insert(self.start);
        }
        for rule in rules {
            self.expand(rule.val.as_str(), from, last, &mut dates)?;
        }
        for (property, value) in multi(event, "RDATE") {
            dates.insert(self.date_value("RDATE", property, value)?);
        }
        for (property, value) in multi(event, "EXDATE") {
            dates.remove(&self.date_value("EXDATE", property, value)?);
        }
        dates.retain(|&d| d >= from && d <= last);
        Ok(dates)
    }

    /// A rule read and checked against a start.
    fn rule(&self, text: &str, shown_as: &str, start: NaiveDate) -> Result<RRule> {
        text.parse::<RRule<Unvalidated>>()
            .and_then(|rule| rule.validate(midnight(start)))
            .map_err(|e| self.fail(format!("invalid recurrence rule '{shown_as}': {e}")))
    }

    /// Adds to `dates` the occurrences of recurrence rule `text` (as
    /// written) that fall from `from` to `last`, without stepping through
    /// the years before `from` (see the module documentation).
    fn expand(
        &self,
        text: &str,
        from: NaiveDate,
        last: NaiveDate,
        dates: &mut BTreeSet<NaiveDate>,
    ) -> Result<()> {
        if !text.is_ascii() {
            // RFC 5545 writes rules in ASCII, and the engine slices them as
            // bytes: a character of several bytes made it panic.
            return Err(self.fail(format!(
                "invalid recurrence rule '{text}': it holds characters other than ASCII letters, \
                 digits and signs"
            )));
        }
        let rule_text = date_until(text);
        let rule = self.rule(&rule_text, text, self.start)?;
        let freq = rule.get_freq();
        if matches!(
            freq,
            Frequency::Hourly | Frequency::Minutely | Frequency::Secondly
        ) {
            return Err(self.fail(format!(
                "recurrence rule '{text}' repeats more often than daily; an all-day event \
                 repeats at most daily"
            )));
        }
        if rule
            .get_until()
            .is_some_and(|until| until.date_naive() < from)
        {
            // It ends before the range: nothing to add.
            return Ok(());
        }
        let n = i64::from(rule.get_interval().max(1));
        // The rule's pattern and the calendar both come round after this
        // many days, a whole number of 400-year cycles.
        let cycle = match freq {
            Frequency::Daily => n / gcd(n, CYCLE_DAYS) * CYCLE_DAYS,
            Frequency::Weekly => 7 * n / gcd(7 * n, CYCLE_DAYS) * CYCLE_DAYS,
            Frequency::Monthly => n / gcd(n, 4_800) * CYCLE_DAYS,
            _ => n / gcd(n, 400) * CYCLE_DAYS,
        };
        let too_many = || {
            self.fail(format!(
                "recurrence rule '{text}' has too many occurrences, or too few to find within \
                 the recurrence engine's limit"
            ))
        };
        let Some(count) = rule.get_count() else {
            // Start afresh on the rule's own grid, as late as it goes up to
            // `from`: whole periods for daily and weekly rules, whole
            // cycles (which keep the day of the month) otherwise.
            let step = match freq {
                Frequency::Daily => n,
                Frequency::Weekly => 7 * n,
                _ => cycle,
            };
            let behind = (from - self.start).num_days();
            let start = if behind > step {
                add_days(self.start, behind / step * step).unwrap_or(self.start)
            } else {
                self.start
            };
            let rule = self.rule(&rule_text, text, start)?;
            let result = RRuleSet::new(midnight(start))
                .rrule(rule)
                .after(midnight(from))
                .before(midnight(last))
                .all(u16::MAX);
            if result.limited {
                return Err(too_many());
            }
            dates.extend(result.dates.iter().map(|t| t.date_naive()));
            return Ok(());
        };
        // COUNT numbers the occurrences from DTSTART: expand the rule
        // without it over one cycle from DTSTART (or up to the end of the
        // range, or until COUNT occurrences are found), and number the
        // later cycles on from there.
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        if count == 0 {
            return Ok(());
        }
        // With UNTIL as well (RFC 5545 forbids it, the engine takes it),
        // the rule ends at whichever comes first.
        let last = rule
            .get_until()
            .map_or(last, |until| until.date_naive().min(last));
        let end = last.succ_opt().unwrap_or(NaiveDate::MAX);
        let uncounted = rule_text
            .split(';')
            .filter(|part| !part.starts_with("COUNT="))
            .collect::<Vec<_>>()
            .join(";");
        let rule = self.rule(&uncounted, text, self.start)?;
        let cycle_end = add_days(self.start, cycle);
        let window_end = cycle_end.map_or(end, |c| c.min(end));
        let mut pattern: Vec<NaiveDate> = Vec::new();
        let mut complete = false;
        for occurrence in RRuleSet::new(midnight(self.start))
            .rrule(rule)
            .limit()
            .into_iter()
        {
            let date = occurrence.date_naive();
            if date >= window_end {
                complete = true;
                break;
            }
            pattern.push(date);
            if pattern.len() == count {
                complete = true;
                break;
            }
        }
        if !complete {
            // The engine stopped: at its limit of periods without an
            // occurrence, which proves there is none up to the window's
            // end only if that end is within the limit.
            let since = pattern.last().copied().unwrap_or(self.start);
            let shortest = match freq {
                Frequency::Daily => n,
                Frequency::Weekly => 7 * n,
                Frequency::Monthly => 28 * n,
                _ => 365 * n,
            };
            if (window_end - since).num_days() / shortest + 1 >= ENGINE_EMPTY_PERIODS {
                return Err(too_many());
            }
        }
        let periodic = pattern.len() < count && cycle_end.is_some_and(|c| c < end);
        // (`end` is at most UNTIL's next day, so a periodic pattern is one
        // that UNTIL does not cut within the first cycle.)
        if !periodic {
            dates.extend(pattern.into_iter().filter(|d| *d >= from && *d <= last));
            return Ok(());
        }
        // Cycle `q` holds the pattern moved on by `q` cycles, numbered on.
        let skipped = usize::try_from((from - self.start).num_days().max(0) / cycle).unwrap_or(0);
        for q in skipped.. {
            let shift = cycle * q as i64;
            for (i, &date) in pattern.iter().enumerate() {
                if q.saturating_mul(pattern.len()).saturating_add(i) >= count {
                    return Ok(());
                }
                let Some(date) = add_days(date, shift).filter(|d| *d <= last) else {
                    return Ok(());
                };
                if date >= from {
                    dates.insert(date);
                }
            }
            if pattern.is_empty() {
                return Ok(());
            }
        }
        Ok(())
    }

    /// A date in an `RDATE` or `EXDATE` of an all-day event.
    fn date_value(&self, key: &str, property: &Property, value: &str) -> Result<NaiveDate> {
        let is_date = property
            .params
            .iter()
            .find(|p| p.key.as_str() == "VALUE")
            .and_then(|p| p.val.as_ref())
            .is_none_or(|v| v.as_str() == "DATE");
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
    use chrono::Datelike;

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

    /// The occurrences from `from` to `last` of `rule` from `start`, the
    /// slow way: the engine stepping from `start`.
    fn stepped(
        rule: &str,
        start: NaiveDate,
        from: NaiveDate,
        last: NaiveDate,
    ) -> BTreeSet<NaiveDate> {
        let rule = date_until(rule)
            .parse::<RRule<Unvalidated>>()
            .and_then(|r| r.validate(midnight(start)))
            .unwrap();
        let mut out = BTreeSet::new();
        for t in &RRuleSet::new(midnight(start)).rrule(rule).limit() {
            let date = t.date_naive();
            if date > last {
                break;
            }
            if date >= from {
                out.insert(date);
            }
        }
        out
    }

    #[test]
    fn skipping_ahead_gives_what_stepping_gives() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let starts = [
            d(4, 2, 29),
            d(1596, 1, 31),
            d(1600, 2, 29),
            d(1799, 12, 31),
            d(1900, 3, 15),
            d(1994, 12, 31),
            d(1995, 1, 1),
            d(2000, 2, 29),
        ];
        let rules = [
            "FREQ=DAILY",
            "FREQ=DAILY;INTERVAL=3",
            "FREQ=DAILY;INTERVAL=146;BYDAY=MO,SA",
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29",
            "FREQ=DAILY;BYMONTH=12;BYMONTHDAY=31;BYDAY=FR",
            "FREQ=WEEKLY",
            "FREQ=WEEKLY;INTERVAL=5;BYDAY=TU,SU;WKST=SU",
            "FREQ=WEEKLY;INTERVAL=2;BYMONTH=3",
            "FREQ=MONTHLY",
            "FREQ=MONTHLY;INTERVAL=7",
            "FREQ=MONTHLY;BYMONTHDAY=31",
            "FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "FREQ=YEARLY",
            "FREQ=YEARLY;INTERVAL=3",
            "FREQ=YEARLY;INTERVAL=100",
            "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO",
            "FREQ=YEARLY;BYYEARDAY=366",
            "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
        ];
        let counts = ["", ";COUNT=7", ";COUNT=5000", ";COUNT=60000"];
        let untils = [";UNTIL=19941231", ";UNTIL=19950101", ";UNTIL=20300615"];
        let (from, last) = (d(1994, 12, 30), d(2099, 12, 31));
        // Stepping from long ago is slow in a debug build: by default a
        // quarter of the cases, and from before 1900 only yearly rules;
        // all of them with SLA_PROPTEST_SCALE above 1.
        let scale = std::env::var("SLA_PROPTEST_SCALE")
            .ok()
            .and_then(|s| s.parse::<u32>().ok());
        let stride = if scale.unwrap_or(1) > 1 { 1 } else { 4 };
        let mut checked = 0;
        let mut cases = Vec::new();
        for start in starts {
            for rule in rules {
                for tail in counts.iter().chain(&untils) {
                    cases.push((start, format!("{rule}{tail}")));
                }
            }
        }
        for (start, text) in cases.into_iter().step_by(stride) {
            if text.contains("UNTIL=199") && start.year() >= 1995 {
                continue;
            }
            if stride > 1 && start.year() < 1900 && !text.starts_with("FREQ=YEARLY") {
                continue;
            }
            let event = Event {
                name: text.clone(),
                start,
                days: 1,
                recurrence_id: None,
            };
            let mut fast = BTreeSet::new();
            if let Err(e) = event.expand(&text, from, last, &mut fast) {
                panic!("{text} from {start}: {e}");
            }
            let slow = stepped(&text, start, from, last);
            let only_fast: Vec<_> = fast.difference(&slow).take(5).collect();
            let only_slow: Vec<_> = slow.difference(&fast).take(5).collect();
            assert!(
                only_fast.is_empty() && only_slow.is_empty(),
                "{text} from {start}: only skipping {only_fast:?}, only stepping {only_slow:?}"
            );
            checked += 1;
        }
        // COUNT from long before the range, running into it: the pattern
        // of one cycle moved on and numbered on.
        for (text, start) in [
            ("FREQ=DAILY;COUNT=160000", d(1596, 1, 31)),
            (
                "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;COUNT=120",
                d(1600, 2, 29),
            ),
            ("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=250000", d(4, 3, 1)),
            ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=500", d(4, 2, 29)),
            (
                "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=15000;UNTIL=20500101",
                d(1, 1, 31),
            ),
        ] {
            let event = Event {
                name: text.into(),
                start,
                days: 1,
                recurrence_id: None,
            };
            let mut fast = BTreeSet::new();
            event.expand(text, from, last, &mut fast).unwrap();
            assert!(!fast.is_empty(), "{text}");
            assert_eq!(
                fast,
                stepped(text, start, from, last),
                "{text} from {start}"
            );
            checked += 1;
        }
        assert!(checked >= 100, "{checked}");
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
