//! Property tests of the lifecycle (`docs/LIFECYCLE.md`) on random ticket
//! histories and random calendars:
//!
//! - the report equals an independent model of the contract, written per
//!   metric straight from its tables and computed with the day-by-day
//!   reference arithmetic of `tests/reference` (nothing shared with `src/`
//!   but the public types);
//! - the incremental form equals the replay, pushed in any order that
//!   keeps same-instant events in their input order, and after every push;
//! - events after `now` change nothing;
//! - a first response equals `SlaClock`'s for the same ticket;
//! - `elapsed + remaining == target`, and a stopped cycle never changes.
//!
//! Histories span a few weeks at most and targets a few business days, so
//! that the reference walks few days; `SLA_PROPTEST_SCALE=20 cargo test
//! --release --test integration lifecycle_properties::` runs deeper.

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;
use proptest::sample::select;
use sla_clock::{
    BusinessDuration, Calendar, Event, EventKind, Lifecycle, LifecyclePolicy, Metric, Policy,
    Priority, ResponseTarget, RiskThreshold, SlaClock, SlaStatus, StatusKind, TicketHistory,
    TicketReport,
};

use crate::reference::{local_to_utc, range_end, ref_due_paused, ref_elapsed_paused};
use crate::support::{DAY, HOUR, MINUTE, cases};

// ---------------------------------------------------------------------------
// Calendars
// ---------------------------------------------------------------------------

/// A calendar as drawn, kept for the failure message.
#[derive(Debug, Clone)]
struct CalendarSpec {
    zone: &'static str,
    /// Opening windows in quarter hours from midnight (96 is 24:00).
    windows: Vec<(u32, u32)>,
    /// Which weekdays open (bit 0 is Monday).
    days: u8,
    /// Saturday hours of their own, if any.
    saturday: Option<(u32, u32)>,
    region: Option<&'static str>,
    /// Closure dates, as days after the history's base date.
    closures: Vec<u64>,
}

fn quarter(q: u32) -> String {
    format!("{:02}:{:02}", q / 4, q % 4 * 15)
}

fn calendar_spec() -> impl Strategy<Value = CalendarSpec> {
    let zones = select(vec![
        "Europe/Berlin",
        "America/New_York",
        "Asia/Kolkata",
        "Australia/Lord_Howe",
        "America/Sao_Paulo",
        "Pacific/Chatham",
        "Europe/London",
        "UTC",
    ]);
    // Distinct cut points, sorted and paired: non-empty windows that
    // neither overlap nor touch.
    let windows = (1usize..=3)
        .prop_flat_map(|k| prop::collection::btree_set(0u32..=96, 2 * k))
        .prop_map(|cuts| {
            let cuts: Vec<u32> = cuts.into_iter().collect();
            cuts.chunks(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
        });
    let saturday = prop::option::of((0u32..48, 1u32..48).prop_map(|(a, len)| (a, a + len)));
    let region = prop::option::of(select(vec!["DE-BY", "DE-BE", "AT", "CH-ZH"]));
    (
        zones,
        windows,
        1u8..=0x7f,
        saturday,
        region,
        prop::collection::vec(0u64..30, 0..3),
    )
        .prop_map(
            |(zone, windows, days, saturday, region, closures)| CalendarSpec {
                zone,
                windows,
                days,
                saturday,
                region,
                closures,
            },
        )
}

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn build(spec: &CalendarSpec, base: NaiveDate) -> Calendar {
    let mut builder = Calendar::builder(spec.zone.parse().unwrap());
    for (i, day) in WEEK.into_iter().enumerate() {
        let hours: Vec<(u32, u32)> = match (day, spec.saturday) {
            (Weekday::Sat, Some(sat)) => vec![sat],
            _ if spec.days >> i & 1 == 1 => spec.windows.clone(),
            _ => Vec::new(),
        };
        for (a, b) in hours {
            builder = builder.open(day, &format!("{}-{}", quarter(a), quarter(b)));
        }
    }
    if let Some(code) = spec.region {
        builder = builder.holidays_of(code);
    }
    for &d in &spec.closures {
        if let Some(date) = base
            .checked_add_days(chrono::Days::new(d))
            .filter(|date| date.year() <= 2099)
        {
            builder = builder.closure(date);
        }
    }
    builder.build().unwrap_or_else(|e| panic!("{spec:?}: {e}"))
}

/// Targets small enough for the reference: up to a few business days.
fn target() -> impl Strategy<Value = ResponseTarget> {
    prop_oneof![
        (0u32..=600).prop_map(ResponseTarget::BusinessMinutes),
        (0u32..=24).prop_map(ResponseTarget::BusinessHours),
        (0u32..=4).prop_map(ResponseTarget::BusinessDays),
    ]
}

fn targets() -> impl Strategy<Value = Policy> {
    (target(), target(), target(), target()).prop_map(|(urgent, high, normal, low)| Policy {
        urgent,
        high,
        normal,
        low,
    })
}

fn lifecycle_policy() -> impl Strategy<Value = LifecyclePolicy> {
    (
        prop::option::weighted(0.9, targets()),
        prop::option::weighted(0.8, targets()),
        prop::option::weighted(0.8, targets()),
        prop::option::weighted(0.8, targets()),
    )
        .prop_map(
            |(first_response, next_response, periodic_update, resolution)| LifecyclePolicy {
                first_response,
                next_response,
                periodic_update,
                resolution,
            },
        )
}

// ---------------------------------------------------------------------------
// Histories
// ---------------------------------------------------------------------------

fn priority() -> impl Strategy<Value = Priority> {
    select(Priority::ALL.to_vec())
}

/// A kind that may follow `created`; now and then a second `created`.
fn later_kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        25 => Just(EventKind::AgentReply),
        20 => Just(EventKind::CustomerReply),
        15 => Just(EventKind::Waiting),
        12 => Just(EventKind::Solved),
        10 => Just(EventKind::Reopened),
        10 => priority().prop_map(|priority| EventKind::PriorityChanged { priority }),
        1 => priority().prop_map(|priority| EventKind::Created { priority }),
    ]
}

/// Time from one event to the next: often none at all (a tie), often
/// minutes or hours, sometimes days.
fn gap() -> impl Strategy<Value = i64> {
    prop_oneof![
        3 => Just(0i64),
        1 => Just(1i64),
        4 => (1i64..=59).prop_map(|m| m * MINUTE),
        4 => (1i64..=10).prop_map(|h| h * HOUR),
        2 => (1i64..=3).prop_map(|d| d * DAY),
        1 => 0..3 * DAY,
    ]
}

/// A ticket's events in input order, its calendar and `now`.
#[derive(Debug, Clone)]
struct Case {
    spec: CalendarSpec,
    base: NaiveDate,
    policy: LifecyclePolicy,
    risk: u8,
    /// Input order.
    events: Vec<Event>,
    now: DateTime<Utc>,
}

fn base_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        8 => (1995i32..=2098, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap()),
        2 => (2020i32..=2030, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap()),
        // The end of the range: deadlines after it make the ticket an error.
        1 => (1u32..=31).prop_map(|d| NaiveDate::from_ymd_opt(2099, 12, d).unwrap()),
    ]
}

fn case(valid_only: bool) -> impl Strategy<Value = Case> {
    case_on(
        calendar_spec().boxed(),
        lifecycle_policy().boxed(),
        valid_only,
    )
}

fn case_on(
    calendars: BoxedStrategy<CalendarSpec>,
    policies: BoxedStrategy<LifecyclePolicy>,
    valid_only: bool,
) -> impl Strategy<Value = Case> {
    let events = (
        priority(),
        prop::collection::vec((later_kind(), gap()), 0..24),
        prop::option::weighted(0.05, any::<prop::sample::Index>()),
        prop_oneof![3 => Just(None), 1 => any::<u64>().prop_map(Some)],
    );
    (
        calendars,
        base_date(),
        0u32..96 * 15,
        policies,
        0u8..=100,
        events,
        any::<prop::sample::Index>(),
        prop_oneof![Just(0i64), -HOUR..0, 0..2 * HOUR, 0..4 * DAY],
    )
        .prop_map(
            move |(
                spec,
                base,
                minute,
                policy,
                risk,
                (p, later, misplace, shuffle),
                pick,
                extra,
            )| {
                let zone: Tz = spec.zone.parse().unwrap();
                let start = local_to_utc(
                    zone,
                    base.and_hms_opt(0, 0, 0).unwrap() + TimeDelta::minutes(i64::from(minute)),
                );
                let end = range_end(zone) - TimeDelta::nanoseconds(1);
                let mut t = start;
                let mut events = vec![Event::new(t, EventKind::Created { priority: p })];
                for (kind, gap) in later {
                    let kind = match kind {
                        EventKind::Created { .. } if valid_only => EventKind::Reopened,
                        kind => kind,
                    };
                    t = (t + TimeDelta::nanoseconds(gap)).min(end);
                    events.push(Event::new(t, kind));
                }
                // Now and then the creation comes late: an event before it.
                if let Some(i) = misplace.filter(|_| !valid_only) {
                    let created = events.remove(0);
                    let at = events
                        .get(i.index(events.len().max(1)))
                        .map_or(created.at, |e| e.at);
                    events.insert(
                        events.len().min(1 + i.index(events.len().max(1))),
                        Event::new(at, created.kind),
                    );
                }
                // Input order: time order, or shuffled (ties then come in
                // shuffled order too; that order is the one that counts).
                if let Some(seed) = shuffle {
                    let mut state = seed | 1;
                    for i in (1..events.len()).rev() {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        events.swap(i, (state % (i as u64 + 1)) as usize);
                    }
                }
                // `now`: at an event, or near one, or after the last.
                let anchor = events[pick.index(events.len())].at.to_utc();
                let now = (anchor + TimeDelta::nanoseconds(extra)).min(end);
                Case {
                    spec,
                    base,
                    policy,
                    risk,
                    events,
                    now,
                }
            },
        )
}

fn lifecycle_of(case: &Case) -> (Calendar, Lifecycle) {
    let cal = build(&case.spec, case.base);
    let lifecycle = Lifecycle::new(&cal, case.policy)
        .with_risk_threshold(RiskThreshold::percent(case.risk).unwrap());
    (cal, lifecycle)
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Open,
    Waiting,
    Solved,
}

/// `docs/LIFECYCLE.md` section 1, the "state after" column.
fn state_after(before: State, kind: EventKind) -> State {
    match kind {
        EventKind::Created { .. } | EventKind::CustomerReply | EventKind::Reopened => State::Open,
        EventKind::Waiting if before == State::Open => State::Waiting,
        EventKind::Solved => State::Solved,
        _ => before,
    }
}

/// One cycle of the model, in UTC and nanoseconds.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ModelCycle {
    start: DateTime<Utc>,
    stop: Option<DateTime<Utc>>,
    target: i128,
    due: DateTime<Utc>,
    elapsed: i128,
    remaining: i128,
    status: StatusKind,
}

/// A report as the model writes it: the priority and each metric's cycles.
type ModelReport = (Priority, Vec<(Metric, Vec<ModelCycle>)>);

/// What the report should be: `Err` with the start of the message.
fn model(case: &Case, cal: &Calendar) -> Result<ModelReport, String> {
    // Order: by instant, ties in input order (a stable sort).
    let mut all: Vec<Event> = case.events.clone();
    all.sort_by_key(|e| e.at);
    let now = case.now;
    let known: Vec<Event> = all.iter().copied().filter(|e| e.at <= now).collect();
    let Some(first) = known.first() else {
        return Err("the ticket has no event at or before now".into());
    };
    let is_created = |e: &&Event| matches!(e.kind, EventKind::Created { .. });
    match known.iter().filter(is_created).count() {
        0 => return Err("the ticket has no 'created' event".into()),
        _ if !matches!(first.kind, EventKind::Created { .. }) => {
            return Err(format!("event '{}' at", first.kind));
        }
        1 => {}
        _ => return Err("the ticket is created twice".into()),
    }

    // The state and the priority in force before each event.
    let n = known.len();
    let mut before = Vec::with_capacity(n);
    let mut state = State::Open;
    let mut priority = Priority::Normal;
    for e in &known {
        before.push((state, priority));
        state = state_after(state, e.kind);
        if let Some(p) = e.kind.priority() {
            priority = p;
        }
    }
    let (state_now, priority_now) = (state, priority);
    let at = |i: usize| known[i].at.to_utc();
    let kind = |i: usize| known[i].kind;
    let state_before = |i: usize| before[i].0;
    let priority_at = |i: usize| before[i].1;
    let solves = |i: usize| kind(i) == EventKind::Solved && state_before(i) != State::Solved;
    let reopens = |i: usize| {
        state_before(i) == State::Solved
            && matches!(kind(i), EventKind::CustomerReply | EventKind::Reopened)
    };
    let first_reply = (0..n).find(|&i| kind(i) == EventKind::AgentReply);

    // Waiting periods, and solved periods that a reopening ended.
    let mut waiting = Vec::new();
    let mut solved_ended = Vec::new();
    for i in 0..n {
        if kind(i) == EventKind::Waiting && state_before(i) == State::Open {
            let end = (i + 1..n).find(|&j| {
                state_before(j) == State::Waiting
                    && state_after(State::Waiting, kind(j)) != State::Waiting
            });
            waiting.push((at(i), end.map_or(now, at)));
        }
        if reopens(i) {
            let since = (0..i).rev().find(|&j| solves(j)).unwrap();
            solved_ended.push((at(since), at(i)));
        }
    }
    // A cycle from `start` to event `stop` (or running), with these pauses.
    let cycle = |metric: Metric,
                 start: usize,
                 stop: Option<usize>,
                 pauses: &[(DateTime<Utc>, DateTime<Utc>)]| {
        let policy = case.policy.targets(metric).unwrap();
        let p = stop.map_or(priority_now, priority_at);
        let target = policy.target(p).duration(cal).as_nanos();
        let end = stop.map_or(now, at);
        let clipped: Vec<_> = pauses
            .iter()
            .filter(|&&(a, _)| a < end)
            .map(|&(a, b)| (a, b.min(end)))
            .collect();
        let start = at(start);
        let due = ref_due_paused(cal, start, target, &clipped)
            .ok_or_else(|| format!("the {metric} deadline of the cycle that starts at"))?;
        let elapsed = ref_elapsed_paused(cal, start, end, &clipped);
        let status = match stop {
            Some(_) if end <= due => StatusKind::Met,
            Some(_) => StatusKind::Breached,
            None if now > due => StatusKind::Breached,
            None if elapsed * 100 >= target * i128::from(case.risk) => StatusKind::AtRisk,
            None => StatusKind::Pending,
        };
        Ok::<_, String>(ModelCycle {
            start,
            stop: stop.map(at),
            target,
            due,
            elapsed,
            remaining: target - elapsed,
            status,
        })
    };

    let mut metrics = Vec::new();
    for metric in Metric::ALL {
        if case.policy.targets(metric).is_none() {
            continue;
        }
        let mut cycles = Vec::new();
        match metric {
            Metric::FirstResponse => {
                let stop = (1..n).find(|&i| kind(i) == EventKind::AgentReply || solves(i));
                cycles.push(cycle(metric, 0, stop, &[])?);
            }
            Metric::NextResponse => {
                let mut i = 0;
                while i < n {
                    let starts =
                        kind(i) == EventKind::CustomerReply && first_reply.is_some_and(|r| r < i);
                    if starts {
                        let stop =
                            (i + 1..n).find(|&j| kind(j) == EventKind::AgentReply || solves(j));
                        cycles.push(cycle(metric, i, stop, &[])?);
                        match stop {
                            Some(j) => i = j,
                            None => break,
                        }
                    }
                    i += 1;
                }
            }
            Metric::PeriodicUpdate => {
                let starts: Vec<usize> = (0..n)
                    .filter(|&i| {
                        (kind(i) == EventKind::AgentReply && state_before(i) != State::Solved)
                            || (reopens(i) && first_reply.is_some_and(|r| r < i))
                    })
                    .collect();
                for &s in &starts {
                    let stop = (s + 1..n).find(|&j| starts.contains(&j) || solves(j));
                    cycles.push(cycle(metric, s, stop, &waiting)?);
                }
            }
            Metric::Resolution => {
                let last_solve = (0..n).rev().find(|&i| solves(i));
                let stop = if state_now == State::Solved {
                    last_solve
                } else {
                    None
                };
                let mut pauses = waiting.clone();
                pauses.extend(solved_ended.iter().copied());
                cycles.push(cycle(metric, 0, stop, &pauses)?);
            }
        }
        metrics.push((metric, cycles));
    }
    Ok((priority_now, metrics))
}

fn as_model(report: &TicketReport) -> ModelReport {
    let utc = |t: DateTime<Tz>| t.with_timezone(&Utc);
    let metrics = report
        .metrics
        .iter()
        .map(|(&metric, cycles)| {
            let cycles = cycles
                .iter()
                .map(|c| ModelCycle {
                    start: utc(c.start),
                    stop: c.stop.map(utc),
                    target: c.target.as_nanos(),
                    due: utc(c.due),
                    elapsed: c.elapsed.as_nanos(),
                    remaining: c.remaining.as_nanos(),
                    status: c.status,
                })
                .collect();
            (metric, cycles)
        })
        .collect();
    (report.priority, metrics)
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(192))]

    /// The report is the contract: equal, cycle by cycle and to the
    /// nanosecond, to the model; errors where the model has them.
    #[test]
    fn reports_follow_the_contract(case in case(false)) {
        let (cal, lifecycle) = lifecycle_of(&case);
        let fast = lifecycle.replay(case.events.iter().copied(), &case.now);
        match (model(&case, &cal), fast) {
            (Ok(want), Ok(got)) => prop_assert_eq!(as_model(&got), want),
            (Err(want), Err(got)) => {
                let got = got.to_string();
                prop_assert!(got.starts_with(&want), "error {:?}, expected {:?}", got, want);
            }
            (want, got) => prop_assert!(false, "expected {:?}, got {:?}", want, got),
        }
    }

    /// Taking the events one at a time gives the replay's report after
    /// every event, and any order that keeps ties in their order gives the
    /// same report.
    #[test]
    fn incremental_equals_replay(case in case(false)) {
        let (_, lifecycle) = lifecycle_of(&case);
        let mut history = TicketHistory::new();
        for (i, event) in case.events.iter().enumerate() {
            history.push(&lifecycle, *event).unwrap();
            let replayed = lifecycle.replay(case.events[..=i].iter().copied(), &case.now);
            prop_assert_eq!(history.report(&lifecycle, &case.now), replayed);
        }
        // In time order (ties as given), as a live feed sends them.
        let mut in_order = case.events.clone();
        in_order.sort_by_key(|e| e.at);
        let mut live = TicketHistory::new();
        for event in &in_order {
            live.push(&lifecycle, *event).unwrap();
        }
        prop_assert_eq!(live.report(&lifecycle, &case.now), history.report(&lifecycle, &case.now));
        // A stored history reads back equal and answers alike; so does a
        // stored report.
        #[cfg(feature = "serde")]
        {
            let stored = serde_json::to_string(&history).unwrap();
            let back: TicketHistory = serde_json::from_str(&stored).unwrap();
            prop_assert_eq!(&back, &history);
            prop_assert_eq!(back.report(&lifecycle, &case.now), history.report(&lifecycle, &case.now));
            if let Ok(report) = history.report(&lifecycle, &case.now) {
                let json = serde_json::to_string(&report).unwrap();
                prop_assert_eq!(serde_json::from_str::<TicketReport>(&json).unwrap(), report);
            }
        }
        // Newest first, with ties kept in their order.
        let mut reversed = case.events.clone();
        reversed.sort_by_key(|e| std::cmp::Reverse(e.at));
        prop_assert_eq!(
            lifecycle.replay(reversed, &case.now),
            history.report(&lifecycle, &case.now)
        );
    }

    /// What happens after `now` changes nothing at `now`; and a later
    /// report keeps every cycle that had stopped (first and next response,
    /// periodic update) exactly as it was.
    #[test]
    fn the_future_changes_nothing(case in case(true), later in 0..5 * DAY) {
        let (cal, lifecycle) = lifecycle_of(&case);
        let known: Vec<Event> = case.events.iter().copied().filter(|e| e.at <= case.now).collect();
        // With nothing known, the error says when the ticket starts: see
        // `reports_follow_the_contract`.
        prop_assume!(!known.is_empty());
        let report = lifecycle.replay(case.events.iter().copied(), &case.now);
        prop_assert_eq!(&report, &lifecycle.replay(known, &case.now));
        let Ok(report) = report else { return Ok(()) };
        let end = range_end(cal.zone()) - TimeDelta::nanoseconds(1);
        let then = (case.now + TimeDelta::nanoseconds(later)).min(end);
        let Ok(later_report) = lifecycle.replay(case.events.iter().copied(), &then) else {
            return Ok(());
        };
        for metric in [Metric::FirstResponse, Metric::NextResponse, Metric::PeriodicUpdate] {
            let (Some(before), Some(after)) = (report.metrics.get(&metric), later_report.metrics.get(&metric)) else {
                continue;
            };
            for (i, cycle) in before.iter().enumerate() {
                if cycle.stop.is_some() {
                    prop_assert_eq!(Some(cycle), after.get(i), "{} cycle {}", metric, i);
                }
            }
        }
    }

    /// Every cycle: elapsed + remaining == target, the due instant is not
    /// before the start, and the status is what the numbers say.
    #[test]
    fn every_cycle_adds_up(case in case(true)) {
        let (_, lifecycle) = lifecycle_of(&case);
        let Ok(report) = lifecycle.replay(case.events.iter().copied(), &case.now) else {
            return Ok(());
        };
        for (metric, cycles) in &report.metrics {
            for c in cycles {
                prop_assert_eq!(c.elapsed + c.remaining, c.target, "{}", metric);
                prop_assert!(c.due >= c.start);
                prop_assert!(!c.elapsed.is_negative());
                match (c.stop, c.status) {
                    (Some(stop), StatusKind::Met) => prop_assert!(stop <= c.due),
                    (Some(stop), StatusKind::Breached) => prop_assert!(stop > c.due),
                    (None, StatusKind::Breached) => prop_assert!(case.now > c.due),
                    (None, StatusKind::AtRisk | StatusKind::Pending) => {
                        prop_assert!(case.now <= c.due);
                        prop_assert!(c.remaining >= BusinessDuration::ZERO);
                    }
                    (stop, status) => prop_assert!(false, "{:?} with stop {:?}", status, stop),
                }
            }
        }
    }

    /// A ticket's first response is an `SlaClock`: same due instant,
    /// remaining time and status, for the priority in force at its stop
    /// (or now), on any calendar.
    #[test]
    fn first_response_is_the_sla_clock(case in case(true)) {
        let (cal, lifecycle) = lifecycle_of(&case);
        // No waiting: the SLA clock then has no pauses either.
        let events: Vec<Event> = case.events.iter().copied().filter(|e| e.kind != EventKind::Waiting).collect();
        let Some(targets) = case.policy.first_response else { return Ok(()) };
        let Ok(report) = lifecycle.replay(events.iter().copied(), &case.now) else {
            return Ok(());
        };
        let cycle = &report.metrics[&Metric::FirstResponse][0];
        // The priority in force at the stop: the last one set before it.
        let mut sorted = events.clone();
        sorted.sort_by_key(|e| e.at);
        let stop_at = cycle.stop.map(|t| t.with_timezone(&Utc));
        let mut priority = Priority::Normal;
        for e in sorted.iter().filter(|e| e.at <= case.now) {
            if stop_at.is_some_and(|s| e.at >= s) && matches!(e.kind, EventKind::AgentReply | EventKind::Solved) {
                break;
            }
            if let Some(p) = e.kind.priority() {
                priority = p;
            }
        }
        let clock = SlaClock::for_priority(&cal, &targets, priority, &cycle.start)
            .unwrap()
            .with_risk_threshold(RiskThreshold::percent(case.risk).unwrap());
        prop_assert_eq!(clock.due().unwrap(), cycle.due);
        prop_assert_eq!(clock.target(), cycle.target);
        let end = cycle.stop.map_or(case.now, |s| s.with_timezone(&Utc));
        let clock = match stop_at {
            Some(stop) => clock.with_response(&stop).unwrap(),
            None => clock,
        };
        prop_assert_eq!(clock.remaining(&end).unwrap(), cycle.remaining);
        let status = clock.status(&case.now).unwrap();
        let expected = match status {
            SlaStatus::Met { margin, .. } => {
                prop_assert_eq!(margin, cycle.remaining);
                StatusKind::Met
            }
            SlaStatus::Breached { .. } => StatusKind::Breached,
            SlaStatus::AtRisk { remaining, .. } => {
                prop_assert_eq!(remaining, cycle.remaining);
                StatusKind::AtRisk
            }
            SlaStatus::Pending { remaining, .. } => {
                prop_assert_eq!(remaining, cycle.remaining);
                StatusKind::Pending
            }
        };
        prop_assert_eq!(expected, cycle.status);
    }
}

/// The Munich calendar and the shipped policy, over long random histories:
/// the model agrees there too (the random calendars above rarely look like
/// a real desk's).
#[test]
fn munich_with_the_shipped_policy_follows_the_contract() {
    use ResponseTarget::{BusinessDays as D, BusinessHours as H};
    let p = |u, h, n, l| Policy {
        urgent: u,
        high: h,
        normal: n,
        low: l,
    };
    let policy = LifecyclePolicy {
        first_response: Some(p(H(4), D(1), D(2), D(5))),
        next_response: Some(p(H(2), H(4), D(1), D(2))),
        periodic_update: Some(p(H(4), D(1), D(3), D(5))),
        resolution: Some(p(D(2), D(5), D(10), D(20))),
    };
    let munich = CalendarSpec {
        zone: "Europe/Berlin",
        windows: vec![(40, 72)],
        days: 0x1f,
        saturday: None,
        region: Some("DE-BY-MUC"),
        closures: Vec::new(),
    };
    let mut runner = proptest::test_runner::TestRunner::new(cases(64));
    runner
        .run(
            &case_on(Just(munich).boxed(), Just(policy).boxed(), true),
            |case| {
                let (cal, lifecycle) = lifecycle_of(&case);
                assert_eq!(cal, Calendar::munich());
                let got = lifecycle.replay(case.events.iter().copied(), &case.now);
                match (model(&case, &cal), got) {
                    (Ok(want), Ok(got)) => prop_assert_eq!(as_model(&got), want),
                    (Err(want), Err(got)) => prop_assert!(got.to_string().starts_with(&want)),
                    (want, got) => prop_assert!(false, "expected {:?}, got {:?}", want, got),
                }
                Ok(())
            },
        )
        .unwrap();
}
