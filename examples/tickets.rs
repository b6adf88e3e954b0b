//! Reads a ticket export (JSON Lines of events) and writes each ticket's
//! SLA report as of `--now`: which metric of which ticket is met, pending,
//! at risk or breached (`docs/LIFECYCLE.md`).
//!
//!     cargo run --features serde --example tickets -- --now 2026-12-22T09:00 < events.jsonl
//!     cargo run --features serde --example tickets -- --now 2026-12-22T09:00 \
//!         --policy data/lifecycle-policy.json --at-risk 80 < events.jsonl

mod cli;

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use chrono_tz::Tz;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use sla_clock::{
    BusinessDuration, Calendar, Cycle, Event, EventKind, Lifecycle, TicketHistory, TicketReport,
};

const USAGE: &str = "\
Usage: tickets --now <instant> [--calendar FILE] [--policy FILE]
               [--at-risk <percent>] < events.jsonl

Reads a ticket export, one event a line, and writes every ticket's SLA
report as of <instant>: for each measured metric, its cycles with their
due instant, business time elapsed and remaining, and status.

Input: JSON Lines, one event a line, tickets interleaved in any order:
  {\"ticket\": \"T-1\", \"at\": \"2026-12-18T16:00:00+01:00\", \"kind\": \"created\", \"priority\": \"urgent\"}
  ticket    the ticket's id, a non-empty string
  at        RFC 3339 (2026-12-18T16:00:00+01:00, ...Z) or a local date-time
            in the calendar's zone (2026-12-18T16:00:00, 2026-12-18T16:00)
  kind      created, agent_reply, customer_reply, waiting, solved, reopened
            or priority_changed (lower case)
  priority  on created and priority_changed only (null counts as absent):
            urgent, high, normal, low or dringend, hoch, normal, niedrig,
            in any letter case
Other fields are ignored. Blank lines are skipped; line numbers count every
line from 1. A ticket's events are taken in order of their instants (events
at the same instant in input order); events after <instant> are not known
yet and change nothing. A line may be up to 65536 bytes long.

Output: JSON Lines. First, for each line that names no readable ticket id,
in input order:
  {\"line\": 7, \"error\": \"...\"}
then one line per ticket, in order of first appearance:
  {\"ticket\": \"T-1\", \"priority\": \"urgent\", \"metrics\": {\"first_response\": [CYCLE, ...], ...}}
  {\"ticket\": \"T-2\", \"error\": \"line 3: ...\"}
The priority is the one in force at <instant>. Only measured metrics appear;
one with no cycle yet is []. A bad line that names a ticket (even if the
line breaks after the id), inconsistent events (no created, two, or an
event before it), more than 10000 events or a deadline after 2099 make that
ticket an error. A CYCLE is
  {\"start\": T, \"stop\": T or null, \"target_seconds\": N, \"due\": T,
   \"elapsed_seconds\": N, \"remaining_seconds\": N,
   \"status\": \"met\" | \"breached\" | \"at_risk\" | \"pending\"}
with instants in RFC 3339 in the calendar's zone (fractional seconds only
when not whole) and business time in seconds (whole, or an exact decimal);
remaining is negative once overdue.

Metrics (a cycle runs from / to; targets from the policy):
  first_response   created / the first agent_reply (or solved)
  next_response    a customer_reply after the first agent_reply / the next
                   agent_reply (or solved)
  periodic_update  each agent_reply, and a reopening after one / the next
                   agent_reply or solved; paused while waiting
  resolution       created / solved, resumed by a reopening (customer_reply
                   or reopened), paused while waiting and while solved
A running cycle takes the target of the priority in force, a stopped one
keeps the target of its stop. Status: met (stopped by the due instant),
breached (stopped after it, or running past it), at_risk (running, at least
the at-risk share of the target elapsed), pending.

Options:
  --now <instant>      the moment of the report (required: the tool never
                       reads the clock)
  --calendar FILE      the calendar as JSON, in the form of
                       data/munich-calendar.json (default: Munich support hours)
  --policy FILE        targets per metric, in the form of
                       data/lifecycle-policy.json; the flat form of
                       data/default-policy.json sets the first response only
                       (default: the first response with the support
                       policy's table: 4 business hours, 1, 2, 5 days)
  --at-risk <percent>  at risk from this share of a target, written 80 or
                       80% (default 75)
  -h, --help           print this help

Exit status: 0 when every line and ticket is fine, 1 when any error line or
ticket error was written, 2 for a usage error (a bad option or
configuration file). Memory grows with the number of tickets (and their
events, at most 10000 a ticket), not with the input's length.

Supported dates: 1995-01-01 to 2099-12-31.";

/// The longest line read. An event with the four fields is under 150
/// bytes, but exports carry more (subjects, message bodies); a longer line
/// is an error, and memory stays the same whatever the input.
const MAX_LINE_BYTES: usize = sla_clock::limits::MAX_EVENT_LINE_BYTES;

/// How much of a line that cannot be read its error quotes (bytes of an
/// over-long line, characters of one that is not JSON).
const QUOTED_BYTES: usize = 32;

// ---------------------------------------------------------------------------
// Reading a line
// ---------------------------------------------------------------------------

/// The fields of a line that the tool reads, as JSON values, filled in as
/// the parser meets them: a line that breaks after its ticket id still
/// names its ticket.
#[derive(Default)]
struct Fields {
    ticket: Option<Value>,
    at: Option<Value>,
    kind: Option<Value>,
    priority: Option<Value>,
}

/// A key of the line's object; other keys are skipped without copying.
enum Key {
    Ticket,
    At,
    Kind,
    Priority,
    Other,
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(match key {
                    "ticket" => Key::Ticket,
                    "at" => Key::At,
                    "kind" => Key::Kind,
                    "priority" => Key::Priority,
                    _ => Key::Other,
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

struct LineSeed<'a>(&'a mut Fields);

impl<'de> DeserializeSeed<'de> for LineSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LineSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Key>()? {
            let (slot, name) = match key {
                Key::Ticket => (&mut self.0.ticket, "ticket"),
                Key::At => (&mut self.0.at, "at"),
                Key::Kind => (&mut self.0.kind, "kind"),
                Key::Priority => (&mut self.0.priority, "priority"),
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if slot.is_some() {
                return Err(de::Error::custom(format!("field '{name}' is given twice")));
            }
            *slot = Some(map.next_value()?);
        }
        Ok(())
    }
}

/// A line's fields as far as they could be read, and why the line could
/// not be read to its end, if it could not.
fn parse(bytes: &[u8]) -> (Fields, Option<String>) {
    let mut fields = Fields::default();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let result = LineSeed(&mut fields)
        .deserialize(&mut de)
        .and_then(|()| de.end());
    let problem = result.err().map(|e| {
        let position = format!(" at line {} column {}", e.line(), e.column());
        let message = e.to_string();
        let message = message.trim_end_matches(&position);
        match e.classify() {
            serde_json::error::Category::Data => message.to_string(),
            _ => {
                let text = String::from_utf8_lossy(bytes);
                let start: String = text.chars().take(QUOTED_BYTES).collect();
                format!(
                    "invalid JSON at column {}: {message}; the line starts '{start}'",
                    e.column()
                )
            }
        }
    });
    (fields, problem)
}

/// A JSON value as it appears in an error message.
fn quoted(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

fn string<'a>(value: Option<&'a Value>, name: &str, expected: &str) -> Result<&'a str, String> {
    match value {
        None => Err(format!("missing field '{name}'")),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(format!(
            "invalid '{name}' {}; expected {expected}",
            quoted(other)
        )),
    }
}

/// The event of a line whose ticket id was read.
fn event(calendar: &Calendar, fields: &Fields) -> Result<Event, String> {
    let text = |e: sla_clock::Error| e.to_string();
    let at = string(fields.at.as_ref(), "at", "a date-time string")?;
    let at = calendar.parse_datetime(at).map_err(text)?;
    let kind = string(fields.kind.as_ref(), "kind", "a string")?;
    let priority = match &fields.priority {
        None | Some(Value::Null) => None,
        Some(Value::String(p)) => Some(p.as_str()),
        Some(other) => {
            return Err(format!(
                "invalid 'priority' {}; expected a string",
                quoted(other)
            ));
        }
    };
    let kind = EventKind::parse(kind, priority).map_err(text)?;
    Ok(Event::new(at, kind))
}

/// What a line says: its ticket (or why it names none), and its event (or
/// why it has none).
enum Line {
    /// No readable ticket id.
    Unreadable(String),
    Ticket(String, Result<Event, String>),
}

fn read_line(calendar: &Calendar, bytes: &[u8], complete: bool) -> Line {
    // Up to the first byte that is not UTF-8 (or the cut of an over-long
    // line), the line may still name its ticket.
    let (text, broken) = match std::str::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => (
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
            Some(format!(
                "line is not valid UTF-8 (at byte {})",
                e.valid_up_to() + 1
            )),
        ),
    };
    let broken = if complete {
        broken
    } else {
        let start = String::from_utf8_lossy(&bytes[..bytes.len().min(QUOTED_BYTES)]);
        Some(format!(
            "line is longer than {MAX_LINE_BYTES} bytes; it starts '{start}'"
        ))
    };
    let (fields, problem) = parse(text.as_bytes());
    match (&fields.ticket, broken.or(problem)) {
        (Some(Value::String(id)), problem) if !id.is_empty() => {
            let event = match problem {
                Some(problem) => Err(problem),
                None => event(calendar, &fields),
            };
            Line::Ticket(id.clone(), event)
        }
        (_, Some(problem)) => Line::Unreadable(problem),
        (None, None) => Line::Unreadable("missing field 'ticket'".into()),
        (Some(other), None) => Line::Unreadable(format!(
            "invalid ticket id {}; expected a non-empty string",
            quoted(other)
        )),
    }
}

// ---------------------------------------------------------------------------
// Writing JSON
// ---------------------------------------------------------------------------

/// `s` as a JSON string. Besides what JSON requires (quotes, backslashes,
/// control characters), every character that a line splitter may take
/// for a line end (NEL, U+2028, U+2029) or that does not show (DEL, C1
/// controls) is escaped, so one output line is one JSON value.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' '
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || c == '\u{2028}'
                || c == '\u{2029}' =>
            {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Seconds as a JSON number: whole, or an exact decimal of up to nine
/// fraction digits.
fn seconds(out: &mut String, d: BusinessDuration) {
    let nanos = d.as_nanos();
    let sign = if nanos < 0 { "-" } else { "" };
    let (whole, frac) = (
        nanos.unsigned_abs() / 1_000_000_000,
        nanos.unsigned_abs() % 1_000_000_000,
    );
    let _ = if frac == 0 {
        write!(out, "{sign}{whole}")
    } else {
        let digits = format!("{frac:09}");
        write!(out, "{sign}{whole}.{}", digits.trim_end_matches('0'))
    };
}

fn instant(out: &mut String, t: DateTime<Tz>) {
    out.push('"');
    out.push_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, false));
    out.push('"');
}

fn cycle(out: &mut String, c: &Cycle) {
    out.push_str("{\"start\": ");
    instant(out, c.start);
    out.push_str(", \"stop\": ");
    match c.stop {
        Some(stop) => instant(out, stop),
        None => out.push_str("null"),
    }
    out.push_str(", \"target_seconds\": ");
    seconds(out, c.target);
    out.push_str(", \"due\": ");
    instant(out, c.due);
    out.push_str(", \"elapsed_seconds\": ");
    seconds(out, c.elapsed);
    out.push_str(", \"remaining_seconds\": ");
    seconds(out, c.remaining);
    out.push_str(", \"status\": \"");
    out.push_str(c.status.name());
    out.push_str("\"}");
}

fn report_line(out: &mut String, id: &str, report: &TicketReport) {
    out.push_str("{\"ticket\": ");
    json_string(out, id);
    out.push_str(", \"priority\": \"");
    out.push_str(&report.priority.to_string());
    out.push_str("\", \"metrics\": {");
    for (i, (metric, cycles)) in report.metrics.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('"');
        out.push_str(metric.name());
        out.push_str("\": [");
        for (j, c) in cycles.iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            cycle(out, c);
        }
        out.push(']');
    }
    out.push_str("}}\n");
}

fn error_line(out: &mut String, key: &str, value: impl fmt::Display, error: &str) {
    let _ = write!(out, "{{\"{key}\": {value}, \"error\": ");
    json_string(out, error);
    out.push_str("}\n");
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

/// A ticket so far: its events, or the error that ended it (and freed them).
enum Ticket {
    Events(TicketHistory),
    Failed(String),
}

/// Streams the input: error lines for lines without a ticket at once (they
/// come first), tickets at the end. Returns whether everything was fine.
fn run(lifecycle: &Lifecycle, now: &DateTime<FixedOffset>) -> io::Result<bool> {
    let calendar = lifecycle.calendar();
    let mut input = io::BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut line = Vec::with_capacity(MAX_LINE_BYTES + 2);
    let mut text = String::new();
    let mut tickets: Vec<(Rc<str>, Ticket)> = Vec::new();
    let mut index: HashMap<Rc<str>, usize> = HashMap::new();
    let mut all_ok = true;
    let mut number = 0usize;
    while let Some(complete) = cli::next_line(&mut input, &mut line, MAX_LINE_BYTES)? {
        number += 1;
        let mut bytes = line.as_slice();
        if number == 1 {
            // A byte order mark, as some Windows tools write.
            bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        }
        if complete && bytes.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
            continue;
        }
        let (id, event) = match read_line(calendar, bytes, complete) {
            Line::Unreadable(reason) => {
                all_ok = false;
                text.clear();
                error_line(&mut text, "line", number, &reason);
                out.write_all(text.as_bytes())?;
                continue;
            }
            Line::Ticket(id, event) => (id, event),
        };
        let at = match index.get(id.as_str()) {
            Some(&at) => at,
            None => {
                let id: Rc<str> = Rc::from(id);
                index.insert(Rc::clone(&id), tickets.len());
                tickets.push((id, Ticket::Events(TicketHistory::new())));
                tickets.len() - 1
            }
        };
        let ticket = &mut tickets[at].1;
        let Ticket::Events(history) = ticket else {
            continue; // Already an error: its first bad line says why.
        };
        if let Err(reason) =
            event.and_then(|e| history.push(lifecycle, e).map_err(|e| e.to_string()))
        {
            *ticket = Ticket::Failed(format!("line {number}: {reason}"));
        }
    }
    for (id, ticket) in &tickets {
        text.clear();
        let report = match ticket {
            Ticket::Failed(reason) => Err(reason.clone()),
            Ticket::Events(history) => history.report(lifecycle, now).map_err(|e| e.to_string()),
        };
        match report {
            Ok(report) => report_line(&mut text, id, &report),
            Err(reason) => {
                all_ok = false;
                let mut key = String::new();
                json_string(&mut key, id);
                error_line(&mut text, "ticket", key, &reason);
            }
        }
        out.write_all(text.as_bytes())?;
    }
    out.flush()?;
    Ok(all_ok)
}

struct Options {
    now: String,
    at_risk: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut now = None;
    let mut at_risk = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || {
            iter.next()
                .filter(|v| !v.starts_with("--"))
                .cloned()
                .ok_or_else(|| format!("option '{arg}' needs a value"))
        };
        let slot = match arg.as_str() {
            "--now" => &mut now,
            "--at-risk" => &mut at_risk,
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            other => {
                return Err(format!(
                    "unexpected argument '{other}'; the events are read from standard input"
                ));
            }
        };
        if slot.is_some() {
            return Err(format!("option '{arg}' is given more than once"));
        }
        *slot = Some(value()?);
    }
    let now = now.ok_or("missing --now <instant>: the report is as of that instant")?;
    Ok(Options { now, at_risk })
}

fn main() -> ExitCode {
    let mut args = match cli::args(USAGE) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let usage_error = |message: &str| cli::fail(2, &format!("{message}\n\n{USAGE}"));
    let calendar = match cli::calendar(&mut args, USAGE) {
        Ok(calendar) => calendar,
        Err(code) => return code,
    };
    let policy = match cli::lifecycle_policy(&mut args, USAGE) {
        Ok(policy) => policy,
        Err(code) => return code,
    };
    let options = match parse_args(&args) {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    // `is_open` checks the range, so a `--now` outside it is one usage
    // error rather than an error for every ticket.
    let now = match calendar
        .parse_datetime(&options.now)
        .and_then(|now| calendar.is_open(&now).map(|_| now))
    {
        Ok(now) => now,
        Err(e) => return usage_error(&format!("invalid --now: {e}")),
    };
    let risk = cli::risk_threshold(options.at_risk.as_deref().unwrap_or("75"));
    let risk = match risk {
        Ok(risk) => risk,
        Err(message) => return usage_error(&message),
    };
    let lifecycle = Lifecycle::new(&calendar, policy).with_risk_threshold(risk);
    match run(&lifecycle, &now) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => cli::write_failed(e),
    }
}
