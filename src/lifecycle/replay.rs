//! Replaying a ticket's events into its report: the entry points
//! ([`Lifecycle`], [`TicketHistory`]) and the engine behind both.
//!
//! The engine walks the known events once, in order, and records each
//! cycle as the events leave it: start, stop, the priority in force at the
//! stop, and which of the ticket's pauses it sees. Only then does it ask
//! the calendar, once per cycle, through the crate's one arithmetic core
//! (`Calendar::due_ns` and `Calendar::elapsed_ns` over merged pause spans),
//! so a report costs time linear in the events and the pauses.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone};

use crate::calendar::Calendar;
use crate::error::{Reason, Result, shown};
use crate::lifecycle::event::{Event, EventKind};
use crate::lifecycle::metric::{LifecyclePolicy, Metric};
use crate::lifecycle::report::{Cycle, TicketReport};
use crate::limits::{self, MAX_EVENTS_PER_TICKET};
use crate::paused::PauseSet;
use crate::policy::ResponseTarget;
use crate::priority::Priority;
use crate::sla::SlaClock;
use crate::status::RiskThreshold;
// This file's own `Span` is a cycle.
use crate::units::{Instant, Span as PauseSpan};

/// The rules a ticket's life is measured by: a calendar, a
/// [`LifecyclePolicy`] and the at-risk threshold (75 % unless set).
///
/// A ticket's report is a pure function of its events, these rules and
/// `now` ([`docs/LIFECYCLE.md`](crate::doc::lifecycle)): [`Lifecycle::replay`] takes the events at
/// once, a [`TicketHistory`] one at a time, and both give the same report.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, StatusKind, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Policy, Priority};
///
/// let cal = Calendar::munich();
/// let at = |s| cal.parse_datetime(s);
/// // Status updates on the default policy's table: Urgent every 4 business hours.
/// let policy = LifecyclePolicy { periodic_update: Some(Policy::default()), ..LifecyclePolicy::default() };
/// let lifecycle = Lifecycle::new(&cal, policy);
/// let events = [
///     Event::new(at("2026-12-21T10:00")?, EventKind::Created { priority: Priority::Urgent }),
///     Event::new(at("2026-12-21T11:00")?, EventKind::AgentReply),
///     Event::new(at("2026-12-21T12:00")?, EventKind::Waiting),
/// ];
/// let report = lifecycle.replay(events, &at("2026-12-21T17:00")?)?;
/// // An update every 4 business hours while work goes on: 1 h counted from
/// // the reply, then waiting since 12:00 holds the clock, so the due
/// // instant moves on for as long as the customer takes.
/// let update = &report.metrics[&Metric::PeriodicUpdate][0];
/// assert_eq!(update.elapsed.to_string(), "1h");
/// assert_eq!(update.due.to_rfc3339(), "2026-12-22T12:00:00+01:00");
/// assert_eq!(update.status, StatusKind::Pending);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lifecycle {
    calendar: Calendar,
    policy: LifecyclePolicy,
    risk: RiskThreshold,
}

impl Lifecycle {
    /// The rules of `policy` on `calendar`, at risk from 75 % of a target.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Lifecycle, LifecyclePolicy};
    /// let lifecycle = Lifecycle::new(&Calendar::munich(), LifecyclePolicy::default());
    /// assert_eq!(lifecycle.risk_threshold().as_percent(), 75);
    /// ```
    pub fn new(calendar: &Calendar, policy: LifecyclePolicy) -> Lifecycle {
        Lifecycle {
            calendar: calendar.clone(),
            policy,
            risk: RiskThreshold::DEFAULT,
        }
    }

    /// The same rules with cycles at risk once `threshold` of their target
    /// has elapsed.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Lifecycle, LifecyclePolicy, RiskThreshold};
    /// let lifecycle = Lifecycle::new(&Calendar::munich(), LifecyclePolicy::default())
    ///     .with_risk_threshold(RiskThreshold::percent(90)?);
    /// assert_eq!(lifecycle.risk_threshold().to_string(), "90%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_risk_threshold(mut self, threshold: RiskThreshold) -> Lifecycle {
        self.risk = threshold;
        self
    }

    /// The calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Lifecycle, LifecyclePolicy};
    /// let cal = Calendar::munich();
    /// assert_eq!(Lifecycle::new(&cal, LifecyclePolicy::default()).calendar(), &cal);
    /// ```
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The policy.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Lifecycle, LifecyclePolicy};
    /// let lifecycle = Lifecycle::new(&Calendar::munich(), LifecyclePolicy::default());
    /// assert_eq!(lifecycle.policy(), &LifecyclePolicy::default());
    /// ```
    pub fn policy(&self) -> &LifecyclePolicy {
        &self.policy
    }

    /// The at-risk threshold.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Lifecycle, LifecyclePolicy};
    /// let lifecycle = Lifecycle::new(&Calendar::munich(), LifecyclePolicy::default());
    /// assert_eq!(lifecycle.risk_threshold().as_percent(), 75);
    /// ```
    pub fn risk_threshold(&self) -> RiskThreshold {
        self.risk
    }

    /// The report at `now` of the ticket with these events, in any order:
    /// [`TicketHistory::push`] for each, then [`TicketHistory::report`].
    ///
    /// # Errors
    ///
    /// As [`TicketHistory::push`] for any event, and as
    /// [`TicketHistory::report`].
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, StatusKind, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Priority};
    ///
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
    /// let events = [
    ///     Event::new(at("2026-12-21T14:00")?, EventKind::AgentReply),
    ///     Event::new(at("2026-12-21T10:00")?, EventKind::Created { priority: Priority::Urgent }),
    /// ];
    /// let report = lifecycle.replay(events, &at("2026-12-22T09:00")?)?;
    /// let first = &report.metrics[&Metric::FirstResponse][0];
    /// assert_eq!(first.status, StatusKind::Met); // 4 h target, answered at exactly 4 h
    /// // At 12:00 the reply at 14:00 is not known yet.
    /// let earlier = lifecycle.replay(events, &at("2026-12-21T12:00")?)?;
    /// assert_eq!(earlier.metrics[&Metric::FirstResponse][0].status, StatusKind::Pending);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay<T: TimeZone>(
        &self,
        events: impl IntoIterator<Item = Event>,
        now: &DateTime<T>,
    ) -> Result<TicketReport> {
        let mut history = TicketHistory::new();
        for event in events {
            history.push(self, event)?;
        }
        history.report(self, now)
    }
}

/// One ticket's events, taken one at a time, and its report at any `now`
/// under a [`Lifecycle`]'s rules: a value of its own that a service keeps
/// and stores (with the `serde` feature as `{"events": [EVENT, ...]}`),
/// reads back, adds to, and asks again.
///
/// Events may come in any order: they are taken in order of their
/// instants, events at the same instant in the order pushed. The history
/// keeps them (at most [`MAX_EVENTS_PER_TICKET`]); a push costs constant
/// time, and a report replays the events known at `now` in time linear in
/// them (after one sort if they were pushed out of order). The report
/// equals [`Lifecycle::replay`] of the same events.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, StatusKind, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Priority, TicketHistory};
///
/// let cal = Calendar::munich();
/// let at = |s| cal.parse_datetime(s);
/// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
/// let mut ticket = TicketHistory::new();
/// ticket.push(&lifecycle, Event::new(at("2026-12-18T16:00")?, EventKind::Created { priority: Priority::Urgent }))?;
/// let report = ticket.report(&lifecycle, &at("2026-12-21T11:30")?)?;
/// assert_eq!(report.metrics[&Metric::FirstResponse][0].status, StatusKind::AtRisk);
/// ticket.push(&lifecycle, Event::new(at("2026-12-21T11:45")?, EventKind::AgentReply))?;
/// let report = ticket.report(&lifecycle, &at("2026-12-21T12:00")?)?;
/// assert_eq!(report.metrics[&Metric::FirstResponse][0].status, StatusKind::Met);
/// assert_eq!(ticket.events().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketHistory {
    /// In the order pushed.
    events: Vec<Event>,
    /// Whether no event was pushed before an earlier one: then `events` is
    /// in time order as it stands, as a live feed keeps it.
    in_order: bool,
}

impl TicketHistory {
    /// An empty history.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::TicketHistory;
    /// assert!(TicketHistory::new().is_empty());
    /// ```
    pub fn new() -> TicketHistory {
        TicketHistory {
            events: Vec::new(),
            in_order: true,
        }
    }

    /// Adds an event, checked against the rules' calendar.
    ///
    /// # Errors
    ///
    /// An instant outside the supported range (whether or not it is
    /// after any `now` asked about later); more than
    /// [`MAX_EVENTS_PER_TICKET`] events. The history is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Event, EventKind, Lifecycle, LifecyclePolicy, TicketHistory};
    ///
    /// let cal = Calendar::munich();
    /// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
    /// let mut ticket = TicketHistory::new();
    /// let err = ticket.push(&lifecycle, Event::new(cal.parse_datetime("2100-01-01T10:00")?, EventKind::Solved)).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "instant 2100-01-01T10:00:00+01:00 is outside the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)"
    /// );
    /// assert!(ticket.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push(&mut self, lifecycle: &Lifecycle, event: Event) -> Result<()> {
        lifecycle.calendar.offset_ns(&event.at)?;
        self.push_unchecked(event)
    }

    /// Adds an event, counting it against the limit only: its instant is
    /// checked when a report reads it.
    fn push_unchecked(&mut self, event: Event) -> Result<()> {
        limits::check(
            "events for one ticket",
            self.events.len() + 1,
            MAX_EVENTS_PER_TICKET,
        )?;
        // Appended, not inserted in place: an export sorted newest first
        // would otherwise move the whole history on every push.
        self.in_order &= self.events.last().is_none_or(|last| last.at <= event.at);
        self.events.push(event);
        Ok(())
    }

    /// The events, in the order pushed.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Event, EventKind, Lifecycle, LifecyclePolicy, TicketHistory};
    /// let cal = Calendar::munich();
    /// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
    /// let mut ticket = TicketHistory::new();
    /// ticket.push(&lifecycle, Event::new(cal.parse_datetime("2026-12-21T10:00")?, EventKind::Waiting))?;
    /// assert_eq!(ticket.events()[0].kind, EventKind::Waiting);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How many events the history holds.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Event, EventKind, Lifecycle, LifecyclePolicy, TicketHistory};
    /// let cal = Calendar::munich();
    /// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
    /// let mut ticket = TicketHistory::new();
    /// ticket.push(&lifecycle, Event::new(cal.parse_datetime("2026-12-21T10:00")?, EventKind::Waiting))?;
    /// assert_eq!(ticket.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether no event was pushed.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::TicketHistory;
    /// assert!(TicketHistory::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The ticket's report at `now` under `lifecycle`'s rules, from the
    /// events at or before it (later ones are not known yet and change
    /// nothing).
    ///
    /// # Errors
    ///
    /// `now` or an event outside the supported range; no event at all, or
    /// none at or before `now`; known events that are inconsistent (the
    /// first is not `created`, or there are two); a due instant after the
    /// supported range; a target too large for it.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Event, EventKind, Lifecycle, LifecyclePolicy, Priority, TicketHistory};
    ///
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
    /// let mut ticket = TicketHistory::new();
    /// ticket.push(&lifecycle, Event::new(at("2026-12-21T10:00")?, EventKind::AgentReply))?;
    /// ticket.push(&lifecycle, Event::new(at("2026-12-21T11:00")?, EventKind::Created { priority: Priority::Low }))?;
    /// assert_eq!(
    ///     ticket.report(&lifecycle, &at("2026-12-21T12:00")?).unwrap_err().to_string(),
    ///     "event 'agent_reply' at 2026-12-21T10:00:00+01:00 comes before the ticket's 'created' at 2026-12-21T11:00:00+01:00"
    /// );
    /// assert_eq!(
    ///     ticket.report(&lifecycle, &at("2026-12-21T09:00")?).unwrap_err().to_string(),
    ///     "the ticket has no event at or before now (2026-12-21T09:00:00+01:00); its first event is 'agent_reply' at 2026-12-21T10:00:00+01:00"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report<T: TimeZone>(
        &self,
        lifecycle: &Lifecycle,
        now: &DateTime<T>,
    ) -> Result<TicketReport> {
        let calendar = &lifecycle.calendar;
        let now = calendar.offset_ns(now)?;
        let mut events = self
            .events
            .iter()
            .map(|e| Ok((calendar.offset_ns(&e.at)?, e.kind)))
            .collect::<Result<Vec<(Instant, EventKind)>>>()?;
        if !self.in_order {
            // A stable sort: events at the same instant keep the order
            // they were pushed in.
            events.sort_by_key(|&(t, _)| t);
        }
        let known = &events[..events.partition_point(|&(t, _)| t <= now)];
        check_known(calendar, &events, known, now)?;
        let mut machine = Machine::default();
        for &(at, kind) in known {
            machine.apply(at, kind);
        }
        machine.report(lifecycle, now)
    }
}

/// `{"events": [EVENT, ...]}`, in the order pushed; read back equal (the
/// instants are checked when a report reads them).
#[cfg(feature = "serde")]
impl serde::Serialize for TicketHistory {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Written<'a> {
            events: &'a [Event],
        }
        Written {
            events: &self.events,
        }
        .serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for TicketHistory {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            events: Vec<Event>,
        }
        let mut history = TicketHistory::new();
        for event in Written::deserialize(d)?.events {
            history.push_unchecked(event).map_err(crate::error::de)?;
        }
        Ok(history)
    }
}

/// The known events are a ticket's history: some exist, the first is
/// `created`, and there is no second.
fn check_known(
    calendar: &Calendar,
    all: &[(Instant, EventKind)],
    known: &[(Instant, EventKind)],
    now: Instant,
) -> Result<()> {
    let show = |t: Instant| shown(calendar.to_datetime(t).to_rfc3339());
    let is_created =
        |&&(_, kind): &&(Instant, EventKind)| matches!(kind, EventKind::Created { .. });
    let Some(&(first_at, first_kind)) = known.first() else {
        return Err(match all.first() {
            None => Reason::NoEvents,
            Some(&(at, kind)) => Reason::NoKnownEvent {
                now: show(now),
                kind: shown(kind),
                at: show(at),
            },
        }
        .into());
    };
    let mut created = known.iter().filter(is_created);
    match created.next() {
        None => Err(Reason::MissingCreated {
            now: show(now),
            kind: shown(first_kind),
            at: show(first_at),
        }
        .into()),
        Some(&(created_at, _)) if !matches!(first_kind, EventKind::Created { .. }) => {
            Err(Reason::EventBeforeCreated {
                kind: shown(first_kind),
                at: show(first_at),
                created: show(created_at),
            }
            .into())
        }
        Some(_) => match created.next() {
            Some(&(second, _)) => Err(Reason::CreatedTwice {
                first: show(first_at),
                second: show(second),
            }
            .into()),
            None => Ok(()),
        },
    }
}

/// Where the ticket stands between events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Open,
    /// Waiting for the customer since the instant given.
    Waiting(Instant),
    /// Solved since the instant given.
    Solved(Instant),
}

/// A cycle as the events leave it, before any arithmetic. Its pauses are
/// its metric's list from `first` on (to the list's end while it runs).
#[derive(Debug, Clone, Copy)]
struct Span {
    start: Instant,
    first: usize,
    stop: Option<Stop>,
}

/// How a cycle stopped: when, the priority then in force, where its pauses
/// end in its metric's list, and a waiting period still open at the stop.
#[derive(Debug, Clone, Copy)]
struct Stop {
    at: Instant,
    priority: Priority,
    last: usize,
    open: Option<Instant>,
}

/// The cycles of one metric.
#[derive(Debug, Default)]
struct Track {
    cycles: Vec<Span>,
}

impl Track {
    fn running(&self) -> bool {
        self.cycles.last().is_some_and(|c| c.stop.is_none())
    }

    fn start(&mut self, at: Instant, first: usize) {
        self.cycles.push(Span {
            start: at,
            first,
            stop: None,
        });
    }

    fn stop(&mut self, stop: Stop) {
        if let Some(cycle) = self.cycles.last_mut().filter(|c| c.stop.is_none()) {
            cycle.stop = Some(stop);
        }
    }

    /// A stopped cycle runs again (resolution after a reopening).
    fn resume(&mut self) {
        if let Some(cycle) = self.cycles.last_mut() {
            cycle.stop = None;
        }
    }
}

/// The ticket's state machine over its known events (docs/LIFECYCLE.md
/// sections 1 and 2). Every metric is tracked; the report shows the
/// measured ones.
#[derive(Debug)]
struct Machine {
    state: State,
    priority: Priority,
    /// Whether support has replied publicly yet.
    replied: bool,
    /// Closed waiting periods, in order: the pauses of `periodic_update`.
    waiting: Vec<PauseSpan>,
    /// Closed waiting periods and solved periods ended by a reopening, in
    /// order: the pauses of `resolution`.
    resolution_pauses: Vec<PauseSpan>,
    first_response: Track,
    next_response: Track,
    periodic_update: Track,
    resolution: Track,
}

impl Default for Machine {
    fn default() -> Self {
        Machine {
            state: State::Open,
            priority: Priority::Normal,
            replied: false,
            waiting: Vec::new(),
            resolution_pauses: Vec::new(),
            first_response: Track::default(),
            next_response: Track::default(),
            periodic_update: Track::default(),
            resolution: Track::default(),
        }
    }
}

/// Appends `[from, to)` to a list of pauses, leaving out empty ones.
fn add_pause(pauses: &mut Vec<PauseSpan>, from: Instant, to: Instant) {
    if from < to {
        pauses.push(PauseSpan { from, to });
    }
}

impl Machine {
    fn waiting_since(&self) -> Option<Instant> {
        match self.state {
            State::Waiting(since) => Some(since),
            _ => None,
        }
    }

    /// Leaves a waiting or solved state at `at` for open, closing its
    /// pause; from solved this is a reopening.
    fn open(&mut self, at: Instant) {
        match self.state {
            State::Open => {}
            State::Waiting(since) => {
                add_pause(&mut self.waiting, since, at);
                add_pause(&mut self.resolution_pauses, since, at);
            }
            State::Solved(since) => {
                // The resolution cycle resumes; the time spent solved
                // counts as paused.
                add_pause(&mut self.resolution_pauses, since, at);
                self.resolution.resume();
                if self.replied {
                    self.periodic_update.start(at, self.waiting.len());
                }
            }
        }
        self.state = State::Open;
    }

    /// A stop at `at` with nothing paused (first and next response).
    fn unpaused(&self, at: Instant) -> Stop {
        Stop {
            at,
            priority: self.priority,
            last: 0,
            open: None,
        }
    }

    fn apply(&mut self, at: Instant, kind: EventKind) {
        match kind {
            EventKind::Created { priority } => {
                // Checked to be the first known event, and the only one.
                self.priority = priority;
                self.first_response.start(at, 0);
                self.resolution.start(at, 0);
            }
            EventKind::PriorityChanged { priority } => self.priority = priority,
            EventKind::AgentReply => {
                self.first_response.stop(self.unpaused(at));
                self.next_response.stop(self.unpaused(at));
                if !matches!(self.state, State::Solved(_)) {
                    let closed = self.waiting.len();
                    self.periodic_update.stop(Stop {
                        last: closed,
                        open: self.waiting_since(),
                        ..self.unpaused(at)
                    });
                    self.periodic_update.start(at, closed);
                }
                self.replied = true;
            }
            EventKind::CustomerReply => {
                self.open(at);
                if self.replied && !self.next_response.running() {
                    self.next_response.start(at, 0);
                }
            }
            EventKind::Waiting => {
                if self.state == State::Open {
                    self.state = State::Waiting(at);
                }
            }
            EventKind::Solved => {
                if matches!(self.state, State::Solved(_)) {
                    return;
                }
                // Ends a waiting period first: its pause is then closed.
                self.open(at);
                self.first_response.stop(self.unpaused(at));
                self.next_response.stop(self.unpaused(at));
                self.periodic_update.stop(Stop {
                    last: self.waiting.len(),
                    ..self.unpaused(at)
                });
                self.resolution.stop(Stop {
                    last: self.resolution_pauses.len(),
                    ..self.unpaused(at)
                });
                self.state = State::Solved(at);
            }
            EventKind::Reopened => self.open(at),
        }
    }

    fn report(self, lifecycle: &Lifecycle, now: Instant) -> Result<TicketReport> {
        let mut metrics = BTreeMap::new();
        for metric in Metric::ALL {
            let Some(targets) = lifecycle.policy.targets(metric) else {
                continue;
            };
            // First and next response never pause (docs/LIFECYCLE.md
            // section 2).
            let (track, pauses): (&Track, &[PauseSpan]) = match metric {
                Metric::FirstResponse => (&self.first_response, &[]),
                Metric::NextResponse => (&self.next_response, &[]),
                Metric::PeriodicUpdate => (&self.periodic_update, &self.waiting),
                Metric::Resolution => (&self.resolution, &self.resolution_pauses),
            };
            let pausing = matches!(metric, Metric::PeriodicUpdate | Metric::Resolution);
            let mut cycles = Vec::with_capacity(track.cycles.len());
            for span in &track.cycles {
                let cycle = match span.stop {
                    // A stopped cycle is a clock answered at its stop, with
                    // the pauses up to the stop (one open then ends there).
                    Some(stop) => {
                        let closed = pauses.get(span.first..stop.last).unwrap_or_default();
                        let open = stop.open.map(|from| PauseSpan { from, to: stop.at });
                        let spans = closed.iter().copied().chain(open).map(|p| PauseSpan {
                            to: p.to.min(stop.at),
                            ..p
                        });
                        let target = targets.target(stop.priority);
                        let clock = cycle_clock(
                            lifecycle,
                            metric,
                            span.start,
                            target,
                            PauseSet::new(spans, None),
                            None,
                        )?;
                        cycle(lifecycle, metric, &clock, span.start, now, Some(stop.at))?
                    }
                    // A running cycle is a clock read at now, with the
                    // priority in force and a waiting period still open.
                    None => {
                        let closed = pauses.get(span.first..).unwrap_or_default();
                        let open = self.waiting_since().filter(|_| pausing);
                        let target = targets.target(self.priority);
                        let set = PauseSet::new(closed.iter().copied(), open);
                        let clock = cycle_clock(
                            lifecycle,
                            metric,
                            span.start,
                            target,
                            set,
                            Some(lifecycle.risk),
                        )?;
                        cycle(lifecycle, metric, &clock, span.start, now, None)?
                    }
                };
                cycles.push(cycle);
            }
            metrics.insert(metric, cycles);
        }
        Ok(TicketReport {
            priority: self.priority,
            metrics,
        })
    }
}

/// The SLA clock of one cycle: from `start` with the target of `target`
/// and the cycle's pauses.
fn cycle_clock(
    lifecycle: &Lifecycle,
    metric: Metric,
    start: Instant,
    target: ResponseTarget,
    pauses: PauseSet,
    risk: Option<RiskThreshold>,
) -> Result<SlaClock> {
    let calendar = &lifecycle.calendar;
    SlaClock::from_parts(calendar, start, target.duration(calendar), pauses, risk)
        .map_err(|e| deadline_error(lifecycle, metric, start, e))
}

/// The cycle started at `start`, at `now`, read from its clock: stopped
/// at `stop`, or running.
fn cycle(
    lifecycle: &Lifecycle,
    metric: Metric,
    clock: &SlaClock,
    start: Instant,
    now: Instant,
    stop: Option<Instant>,
) -> Result<Cycle> {
    let calendar = &lifecycle.calendar;
    let reading = clock
        .reading_ns(now, stop)
        .map_err(|e| deadline_error(lifecycle, metric, start, e))?;
    Ok(Cycle {
        start: calendar.to_datetime(start),
        stop: stop.map(|t| calendar.to_datetime(t)),
        target: clock.target(),
        due: calendar.to_datetime(reading.due),
        elapsed: reading.elapsed,
        remaining: reading.remaining,
        status: reading.kind,
    })
}

/// A due instant after the range, named for the cycle it belongs to.
fn deadline_error(
    lifecycle: &Lifecycle,
    metric: Metric,
    start: Instant,
    e: crate::Error,
) -> crate::Error {
    if e.kind() != crate::ErrorKind::OutOfRange {
        return e;
    }
    let calendar = &lifecycle.calendar;
    Reason::CycleDeadlineOutOfRange {
        metric: shown(metric),
        start: shown(calendar.to_datetime(start).to_rfc3339()),
        zone: shown(calendar.zone().name()),
    }
    .into()
}
