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

use crate::business_time::non_negative;
use crate::calendar::Calendar;
use crate::duration::BusinessDuration;
use crate::error::{ErrorKind, Result, shown};
use crate::lifecycle::event::{Event, EventKind};
use crate::lifecycle::metric::{LifecyclePolicy, Metric};
use crate::lifecycle::report::{Cycle, CycleStatus, TicketReport};
use crate::limits::{self, MAX_EVENTS_PER_TICKET};
use crate::policy::Policy;
use crate::priority::Priority;
use crate::sla::RiskThreshold;

/// The rules a ticket's life is measured by: a calendar, a
/// [`LifecyclePolicy`] and the at-risk threshold (75 % unless set).
///
/// A ticket's report is a pure function of its events, these rules and
/// `now` (SLA-LIFECYCLE.md): [`Lifecycle::replay`] takes the events at
/// once, a [`TicketHistory`] one at a time, and both give the same report.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, CycleStatus, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Policy, Priority};
///
/// let cal = Calendar::munich();
/// let at = |s| cal.parse_datetime(s);
/// // Status updates on the seed's response table: Urgent every 4 business hours.
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
/// assert_eq!(update.status, CycleStatus::Pending);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
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

    /// An empty history, to take one ticket's events one at a time.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Lifecycle, LifecyclePolicy};
    /// let lifecycle = Lifecycle::new(&Calendar::munich(), LifecyclePolicy::default());
    /// assert!(lifecycle.history().is_empty());
    /// ```
    pub fn history(&self) -> TicketHistory<'_> {
        TicketHistory {
            lifecycle: self,
            events: Vec::new(),
        }
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
    /// use sla_clock::{Calendar, CycleStatus, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Priority};
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
    /// assert_eq!(first.status, CycleStatus::Met); // 4 h target, answered at exactly 4 h
    /// // At 12:00 the reply at 14:00 is not known yet.
    /// let earlier = lifecycle.replay(events, &at("2026-12-21T12:00")?)?;
    /// assert_eq!(earlier.metrics[&Metric::FirstResponse][0].status, CycleStatus::Pending);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay<T: TimeZone>(
        &self,
        events: impl IntoIterator<Item = Event>,
        now: &DateTime<T>,
    ) -> Result<TicketReport> {
        let mut history = self.history();
        for event in events {
            history.push(event)?;
        }
        history.report(now)
    }
}

/// One ticket's events, taken one at a time, and its report at any `now`.
///
/// Events may come in any order; the history keeps them in order of their
/// instants (events at the same instant in the order pushed), 16 bytes
/// each, at most [`MAX_EVENTS_PER_TICKET`]. Pushing in time order, as a
/// live system does, costs constant time an event; a report replays the
/// events known at `now` in time linear in them. The report equals
/// [`Lifecycle::replay`] of the same events.
///
/// # Example
///
/// ```
/// use sla_clock::{Calendar, CycleStatus, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Priority};
///
/// let cal = Calendar::munich();
/// let at = |s| cal.parse_datetime(s);
/// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
/// let mut ticket = lifecycle.history();
/// ticket.push(Event::new(at("2026-12-18T16:00")?, EventKind::Created { priority: Priority::Urgent }))?;
/// let report = ticket.report(&at("2026-12-21T11:30")?)?;
/// assert_eq!(report.metrics[&Metric::FirstResponse][0].status, CycleStatus::AtRisk);
/// ticket.push(Event::new(at("2026-12-21T11:45")?, EventKind::AgentReply))?;
/// let report = ticket.report(&at("2026-12-21T12:00")?)?;
/// assert_eq!(report.metrics[&Metric::FirstResponse][0].status, CycleStatus::Met);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct TicketHistory<'a> {
    lifecycle: &'a Lifecycle,
    /// Instants in nanoseconds from the timeline's epoch, sorted; equal
    /// instants in the order pushed.
    events: Vec<(i64, EventKind)>,
}

impl TicketHistory<'_> {
    /// Adds an event.
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
    /// use sla_clock::{Calendar, Event, EventKind, Lifecycle, LifecyclePolicy};
    ///
    /// let cal = Calendar::munich();
    /// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
    /// let mut ticket = lifecycle.history();
    /// let err = ticket.push(Event::new(cal.parse_datetime("2100-01-01T10:00")?, EventKind::Solved)).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "instant 2100-01-01T10:00:00+01:00 is outside the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)"
    /// );
    /// assert!(ticket.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push(&mut self, event: Event) -> Result<()> {
        let at = self.lifecycle.calendar.offset_ns(&event.at)?;
        limits::check(
            "events for one ticket",
            self.events.len() + 1,
            MAX_EVENTS_PER_TICKET,
        )?;
        // After every event at the same instant: ties keep the order given.
        // In time order this is the end, so a live feed only appends.
        let position = match self.events.last() {
            Some(&(last, _)) if last > at => self.events.partition_point(|&(t, _)| t <= at),
            _ => self.events.len(),
        };
        self.events.insert(position, (at, event.kind));
        Ok(())
    }

    /// How many events the history holds.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Event, EventKind, Lifecycle, LifecyclePolicy};
    /// let cal = Calendar::munich();
    /// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
    /// let mut ticket = lifecycle.history();
    /// ticket.push(Event::new(cal.parse_datetime("2026-12-21T10:00")?, EventKind::Waiting))?;
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
    /// use sla_clock::{Calendar, Lifecycle, LifecyclePolicy};
    /// let lifecycle = Lifecycle::new(&Calendar::munich(), LifecyclePolicy::default());
    /// assert!(lifecycle.history().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The ticket's report at `now`, from the events at or before it (later
    /// ones are not known yet and change nothing).
    ///
    /// # Errors
    ///
    /// `now` outside the supported range; no event at all, or none at or
    /// before `now`; known events that are inconsistent (the first is not
    /// `created`, or there are two); a due instant after the supported
    /// range; a target too large for it.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::{Calendar, Event, EventKind, Lifecycle, LifecyclePolicy, Priority};
    ///
    /// let cal = Calendar::munich();
    /// let at = |s| cal.parse_datetime(s);
    /// let lifecycle = Lifecycle::new(&cal, LifecyclePolicy::default());
    /// let mut ticket = lifecycle.history();
    /// ticket.push(Event::new(at("2026-12-21T10:00")?, EventKind::AgentReply))?;
    /// ticket.push(Event::new(at("2026-12-21T11:00")?, EventKind::Created { priority: Priority::Low }))?;
    /// assert_eq!(
    ///     ticket.report(&at("2026-12-21T12:00")?).unwrap_err().to_string(),
    ///     "event 'agent_reply' at 2026-12-21T10:00:00+01:00 comes before the ticket's 'created' at 2026-12-21T11:00:00+01:00"
    /// );
    /// assert_eq!(
    ///     ticket.report(&at("2026-12-21T09:00")?).unwrap_err().to_string(),
    ///     "the ticket has no event at or before now (2026-12-21T09:00:00+01:00); its first event is 'agent_reply' at 2026-12-21T10:00:00+01:00"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report<T: TimeZone>(&self, now: &DateTime<T>) -> Result<TicketReport> {
        let now = self.lifecycle.calendar.offset_ns(now)?;
        let known = &self.events[..self.events.partition_point(|&(t, _)| t <= now)];
        check_known(&self.lifecycle.calendar, &self.events, known, now)?;
        let mut machine = Machine::default();
        for &(at, kind) in known {
            machine.apply(at, kind);
        }
        machine.report(self.lifecycle, now)
    }
}

/// The known events are a ticket's history: some exist, the first is
/// `created`, and there is no second.
fn check_known(
    calendar: &Calendar,
    all: &[(i64, EventKind)],
    known: &[(i64, EventKind)],
    now: i64,
) -> Result<()> {
    let show = |t: i64| shown(calendar.to_datetime(t).to_rfc3339());
    let is_created = |&&(_, kind): &&(i64, EventKind)| matches!(kind, EventKind::Created { .. });
    let Some(&(first_at, first_kind)) = known.first() else {
        return Err(match all.first() {
            None => ErrorKind::NoEvents,
            Some(&(at, kind)) => ErrorKind::NoKnownEvent {
                now: show(now),
                kind: shown(kind),
                at: show(at),
            },
        }
        .into());
    };
    let mut created = known.iter().filter(is_created);
    match created.next() {
        None => Err(ErrorKind::MissingCreated {
            now: show(now),
            kind: shown(first_kind),
            at: show(first_at),
        }
        .into()),
        Some(&(created_at, _)) if !matches!(first_kind, EventKind::Created { .. }) => {
            Err(ErrorKind::EventBeforeCreated {
                kind: shown(first_kind),
                at: show(first_at),
                created: show(created_at),
            }
            .into())
        }
        Some(_) => match created.next() {
            Some(&(second, _)) => Err(ErrorKind::CreatedTwice {
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
    Waiting(i64),
    /// Solved since the instant given.
    Solved(i64),
}

/// A cycle as the events leave it, before any arithmetic.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: i64,
    stop: Option<i64>,
    /// The priority in force at the stop (meaningless while running).
    priority: Priority,
    /// The cycle's pauses are `pauses[first..last]` of its metric's list
    /// (`last` counted at the stop; while running, to the list's end), plus
    /// a waiting period still open at the stop.
    first: usize,
    last: usize,
    open: Option<i64>,
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

    fn start(&mut self, at: i64, first: usize) {
        self.cycles.push(Span {
            start: at,
            stop: None,
            priority: Priority::Normal,
            first,
            last: first,
            open: None,
        });
    }

    fn stop(&mut self, at: i64, priority: Priority, last: usize, open: Option<i64>) {
        if let Some(cycle) = self.cycles.last_mut().filter(|c| c.stop.is_none()) {
            cycle.stop = Some(at);
            cycle.priority = priority;
            cycle.last = last;
            cycle.open = open;
        }
    }

    /// A stopped cycle runs again (resolution after a reopening).
    fn resume(&mut self) {
        if let Some(cycle) = self.cycles.last_mut() {
            cycle.stop = None;
            cycle.open = None;
        }
    }
}

/// The ticket's state machine over its known events (SLA-LIFECYCLE.md
/// sections 1 and 2). Every metric is tracked; the report shows the
/// measured ones.
#[derive(Debug)]
struct Machine {
    state: State,
    priority: Priority,
    /// Whether support has replied publicly yet.
    replied: bool,
    /// Closed waiting periods, in order: the pauses of `periodic_update`.
    waiting: Vec<(i64, i64)>,
    /// Closed waiting periods and solved periods ended by a reopening, in
    /// order: the pauses of `resolution`.
    resolution_pauses: Vec<(i64, i64)>,
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
fn add_pause(pauses: &mut Vec<(i64, i64)>, from: i64, to: i64) {
    if from < to {
        pauses.push((from, to));
    }
}

impl Machine {
    fn waiting_since(&self) -> Option<i64> {
        match self.state {
            State::Waiting(since) => Some(since),
            _ => None,
        }
    }

    /// Leaves a waiting or solved state at `at` for open, closing its
    /// pause; from solved this is a reopening.
    fn open(&mut self, at: i64) {
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

    fn apply(&mut self, at: i64, kind: EventKind) {
        let priority = self.priority;
        match kind {
            EventKind::Created { priority } => {
                // Checked to be the first known event, and the only one.
                self.priority = priority;
                self.first_response.start(at, 0);
                self.resolution.start(at, 0);
            }
            EventKind::PriorityChanged { priority } => self.priority = priority,
            EventKind::AgentReply => {
                self.first_response.stop(at, priority, 0, None);
                self.next_response.stop(at, priority, 0, None);
                if !matches!(self.state, State::Solved(_)) {
                    let waiting = self.waiting_since();
                    let closed = self.waiting.len();
                    self.periodic_update.stop(at, priority, closed, waiting);
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
                self.open(at);
                self.first_response.stop(at, priority, 0, None);
                self.next_response.stop(at, priority, 0, None);
                let closed = self.waiting.len();
                self.periodic_update.stop(at, priority, closed, None);
                let closed = self.resolution_pauses.len();
                self.resolution.stop(at, priority, closed, None);
                self.state = State::Solved(at);
            }
            EventKind::Reopened => self.open(at),
        }
    }

    fn report(self, lifecycle: &Lifecycle, now: i64) -> Result<TicketReport> {
        let waiting = self.waiting_since();
        let mut scratch = Vec::new();
        let mut metrics = BTreeMap::new();
        for metric in Metric::ALL {
            let Some(targets) = lifecycle.policy.targets(metric) else {
                continue;
            };
            let (track, pauses): (&Track, &[(i64, i64)]) = match metric {
                Metric::FirstResponse => (&self.first_response, &[]),
                Metric::NextResponse => (&self.next_response, &[]),
                Metric::PeriodicUpdate => (&self.periodic_update, &self.waiting),
                Metric::Resolution => (&self.resolution, &self.resolution_pauses),
            };
            // First and next response never pause (SLA-LIFECYCLE.md section 2).
            let pausing = matches!(metric, Metric::PeriodicUpdate | Metric::Resolution);
            let mut cycles = Vec::with_capacity(track.cycles.len());
            for span in &track.cycles {
                let span = match span.stop {
                    Some(_) => *span,
                    None => Span {
                        priority: self.priority,
                        last: pauses.len(),
                        open: waiting,
                        ..*span
                    },
                };
                let open = if pausing { span.open } else { None };
                let pauses = pauses.get(span.first..span.last).unwrap_or_default();
                cycles.push(cycle(
                    lifecycle,
                    metric,
                    &targets,
                    &span,
                    pauses,
                    open,
                    now,
                    &mut scratch,
                )?);
            }
            metrics.insert(metric, cycles);
        }
        Ok(TicketReport {
            priority: self.priority,
            metrics,
        })
    }
}

/// One cycle's numbers at `now`: the pauses up to its end (a pause open
/// there ends there), the target of its priority, and from those the due
/// instant, the elapsed business time and the status.
#[allow(clippy::too_many_arguments)]
fn cycle(
    lifecycle: &Lifecycle,
    metric: Metric,
    targets: &Policy,
    span: &Span,
    pauses: &[(i64, i64)],
    open: Option<i64>,
    now: i64,
    scratch: &mut Vec<(i64, i64)>,
) -> Result<Cycle> {
    let calendar = &lifecycle.calendar;
    let end = span.stop.unwrap_or(now);
    scratch.clear();
    for (p, q) in pauses.iter().copied().chain(open.map(|p| (p, end))) {
        let q = q.min(end);
        match scratch.last_mut() {
            _ if p >= q => {}
            Some(last) if p <= last.1 => last.1 = last.1.max(q),
            _ => scratch.push((p, q)),
        }
    }
    let target = targets.target(span.priority).duration(calendar);
    let due = calendar
        .due_ns(span.start, non_negative(target)?, scratch)
        .map_err(|e| {
            if e.is_out_of_range() {
                ErrorKind::CycleDeadlineOutOfRange {
                    metric: shown(metric),
                    start: shown(calendar.to_datetime(span.start).to_rfc3339()),
                    zone: shown(calendar.zone().name()),
                }
                .into()
            } else {
                e
            }
        })?;
    let elapsed =
        BusinessDuration::from_nanos(i128::from(calendar.elapsed_ns(span.start, end, scratch)));
    let status = match span.stop {
        Some(stop) if stop <= due => CycleStatus::Met,
        Some(_) => CycleStatus::Breached,
        None if now > due => CycleStatus::Breached,
        None if elapsed >= target.percent_ceil(lifecycle.risk.as_percent()) => CycleStatus::AtRisk,
        None => CycleStatus::Pending,
    };
    Ok(Cycle {
        start: calendar.to_datetime(span.start),
        stop: span.stop.map(|t| calendar.to_datetime(t)),
        target,
        due: calendar.to_datetime(due),
        elapsed,
        remaining: target - elapsed,
        status,
    })
}
