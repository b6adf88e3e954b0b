//! What happens to a ticket: its events.

use std::fmt;

use chrono::{DateTime, FixedOffset, TimeZone};

use crate::error::{Reason, Result, shown};
use crate::priority::Priority;

/// What kind of thing happened to a ticket
/// ([`docs/LIFECYCLE.md`](crate::doc::lifecycle) section 1).
///
/// Only `Created` and `PriorityChanged` carry a priority. Each kind has a
/// lowercase name (`created`, `agent_reply`, ...), the one used in event
/// files; [`EventKind::parse`] reads it.
///
/// # Example
///
/// ```
/// use sla_clock::{EventKind, Priority};
///
/// let kind = EventKind::parse("created", Some("Dringend"))?;
/// assert_eq!(kind, EventKind::Created { priority: Priority::Urgent });
/// assert_eq!(kind.to_string(), "created");
/// assert_eq!(EventKind::parse("agent_reply", None)?, EventKind::AgentReply);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// The customer opened the ticket: the first event, exactly once.
    Created {
        /// The priority the ticket was opened with.
        priority: Priority,
    },
    /// A public reply from support.
    AgentReply,
    /// A message from the customer; it reopens a waiting or solved ticket.
    CustomerReply,
    /// Support waits for the customer's information.
    Waiting,
    /// Support marked the ticket solved.
    Solved,
    /// Reopened without a customer message.
    Reopened,
    /// The ticket was reclassified.
    PriorityChanged {
        /// The priority from now on.
        priority: Priority,
    },
}

/// The names in the order of the table in `docs/LIFECYCLE.md` section 1,
/// for messages.
const NAMES: [&str; 7] = [
    "created",
    "agent_reply",
    "customer_reply",
    "waiting",
    "solved",
    "reopened",
    "priority_changed",
];

impl EventKind {
    /// The kind's name as event files write it: `created`, `agent_reply`,
    /// `customer_reply`, `waiting`, `solved`, `reopened` or
    /// `priority_changed`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::EventKind;
    /// assert_eq!(EventKind::CustomerReply.name(), "customer_reply");
    /// ```
    pub fn name(self) -> &'static str {
        NAMES[match self {
            EventKind::Created { .. } => 0,
            EventKind::AgentReply => 1,
            EventKind::CustomerReply => 2,
            EventKind::Waiting => 3,
            EventKind::Solved => 4,
            EventKind::Reopened => 5,
            EventKind::PriorityChanged { .. } => 6,
        }]
    }

    /// The priority the event sets, for `Created` and `PriorityChanged`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{EventKind, Priority};
    /// assert_eq!(EventKind::PriorityChanged { priority: Priority::Low }.priority(), Some(Priority::Low));
    /// assert_eq!(EventKind::Solved.priority(), None);
    /// ```
    pub fn priority(self) -> Option<Priority> {
        match self {
            EventKind::Created { priority } | EventKind::PriorityChanged { priority } => {
                Some(priority)
            }
            _ => None,
        }
    }

    /// Reads a kind from its name (exactly, in lower case) and, for the two
    /// kinds that take one, a priority (English or German, any case).
    ///
    /// # Errors
    ///
    /// An unknown kind; a missing priority on `created` or
    /// `priority_changed`; a priority on any other kind; an unknown
    /// priority.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::EventKind;
    ///
    /// let err = EventKind::parse("Solved", None).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "unknown event kind 'Solved'; expected one of created, agent_reply, customer_reply, \
    ///      waiting, solved, reopened, priority_changed"
    /// );
    /// let err = EventKind::parse("solved", Some("high")).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "event kind 'solved' takes no priority, found 'high'; only created and priority_changed do"
    /// );
    /// let err = EventKind::parse("priority_changed", None).unwrap_err();
    /// assert_eq!(err.to_string(), "event kind 'priority_changed' needs a priority");
    /// ```
    pub fn parse(kind: &str, priority: Option<&str>) -> Result<EventKind> {
        let unit = match kind {
            "created" | "priority_changed" => None,
            "agent_reply" => Some(EventKind::AgentReply),
            "customer_reply" => Some(EventKind::CustomerReply),
            "waiting" => Some(EventKind::Waiting),
            "solved" => Some(EventKind::Solved),
            "reopened" => Some(EventKind::Reopened),
            _ => return Err(Reason::UnknownEventKind { input: shown(kind) }.into()),
        };
        match (unit, priority) {
            (Some(unit), None) => Ok(unit),
            (Some(_), Some(priority)) => Err(Reason::UnexpectedPriority {
                kind: shown(kind),
                priority: shown(priority),
            }
            .into()),
            (None, None) => Err(Reason::MissingPriority { kind: shown(kind) }.into()),
            (None, Some(priority)) => {
                let priority: Priority = priority.parse()?;
                Ok(if kind == "created" {
                    EventKind::Created { priority }
                } else {
                    EventKind::PriorityChanged { priority }
                })
            }
        }
    }
}

/// The kind's name.
impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One thing that happened to a ticket, at an instant.
///
/// Events of one ticket may come in any order: a
/// [`Lifecycle`](crate::Lifecycle) takes them in order of their instants,
/// and events at the same instant in the order given.
///
/// With the `serde` feature an event is written
/// `{"at": "2026-12-18T15:00:00Z", "kind": "created", "priority": "urgent"}`
/// (`at` in RFC 3339, `priority` only on `created` and `priority_changed`),
/// and read from the same form with any other fields ignored.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, Event, EventKind, Priority};
///
/// let cal = Calendar::munich();
/// let event = Event::new(cal.parse_datetime("2026-12-18T16:00")?, EventKind::Created { priority: Priority::Urgent });
/// assert_eq!(event.at.to_rfc3339(), "2026-12-18T16:00:00+01:00");
/// assert_eq!(event.kind.priority(), Some(Priority::Urgent));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Event {
    /// When it happened, with the offset it was given in.
    pub at: DateTime<FixedOffset>,
    /// What happened.
    pub kind: EventKind,
}

impl Event {
    /// The event `kind` at `at`, an instant in any zone; the event keeps
    /// its offset.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Event, EventKind};
    /// let cal = Calendar::munich();
    /// let reply = Event::new(cal.parse_datetime("2026-12-21T11:00:00+01:00")?, EventKind::AgentReply);
    /// assert_eq!(reply.at, cal.parse_datetime("2026-12-21T10:00:00Z")?);
    /// assert_eq!(reply.at.to_rfc3339(), "2026-12-21T11:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<T: TimeZone>(at: DateTime<T>, kind: EventKind) -> Event {
        Event {
            at: at.fixed_offset(),
            kind,
        }
    }
}

#[cfg(feature = "serde")]
impl Event {
    /// Reads one event from JSON text: `{"at": INSTANT, "kind": KIND}`,
    /// with `"priority"` on `created` and `priority_changed`; other fields
    /// are ignored. The instant is RFC 3339 (or RFC 9557 with its zone).
    ///
    /// # Errors
    ///
    /// The crate's error with the line and column: of kind
    /// [`DateTime`](crate::ErrorKind::DateTime) for a malformed instant,
    /// [`Event`](crate::ErrorKind::Event) for an unknown kind or a
    /// misplaced priority, [`Json`](crate::ErrorKind::Json) for the shape.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{ErrorKind, Event, EventKind, Priority};
    /// let event = Event::from_json(r#"{"at": "2026-12-21T10:00:00+01:00", "kind": "created", "priority": "urgent"}"#)?;
    /// assert_eq!(event.kind, EventKind::Created { priority: Priority::Urgent });
    /// let err = Event::from_json(r#"{"at": "2026-12-21T10:00", "kind": "solved"}"#).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::DateTime);
    /// assert!(err.to_string().starts_with("event JSON, line 1 column 25: invalid instant '2026-12-21T10:00'"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Event> {
        crate::wire::from_json(text, "event")
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use std::borrow::Cow;

    use chrono::{DateTime, FixedOffset};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Event, EventKind};

    impl Serialize for Event {
        fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            let priority = self.kind.priority();
            let mut map = s.serialize_map(Some(2 + usize::from(priority.is_some())))?;
            map.serialize_entry(
                "at",
                &self.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            )?;
            map.serialize_entry("kind", self.kind.name())?;
            if let Some(priority) = priority {
                map.serialize_entry("priority", &priority)?;
            }
            map.end()
        }
    }

    /// The fields of an event as written; others are ignored, since
    /// exports carry more than these.
    #[derive(Deserialize)]
    struct Written<'a> {
        #[serde(deserialize_with = "instant")]
        at: DateTime<FixedOffset>,
        #[serde(borrow)]
        kind: Cow<'a, str>,
        #[serde(borrow)]
        priority: Option<Cow<'a, str>>,
    }

    impl<'de> Deserialize<'de> for Event {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
            let written = Written::deserialize(d)?;
            let kind = EventKind::parse(&written.kind, written.priority.as_deref())
                .map_err(crate::error::de)?;
            Ok(Event {
                at: written.at,
                kind,
            })
        }
    }

    /// An instant (RFC 3339, or RFC 9557 with its zone), read where it
    /// stands so that an error points at it: an event read on its own has
    /// no calendar to place a local time in.
    fn instant<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = <Cow<'de, str>>::deserialize(d)?;
        crate::input::parse_instant(&text).map_err(crate::error::de)
    }
}
