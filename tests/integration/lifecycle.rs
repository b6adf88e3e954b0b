//! Hand-worked ticket histories for every rule of `docs/LIFECYCLE.md`.
//!
//! Unless a test says otherwise: the Munich calendar (Monday to Friday
//! 10:00-18:00 Europe/Berlin, 8 business hours a day) in the week of
//! Monday 14 December 2026, which has no holiday, and the targets of
//! `data/lifecycle-policy.json`:
//!
//! | metric | urgent | high | normal | low |
//! | --- | --- | --- | --- | --- |
//! | first_response | 4 h | 1 d (8 h) | 2 d | 5 d |
//! | next_response | 2 h | 4 h | 1 d | 2 d |
//! | periodic_update | 4 h | 1 d | 3 d | 5 d |
//! | resolution | 2 d (16 h) | 5 d | 10 d | 20 d |
//!
//! Each expected cycle is written out as
//! `start..stop target T due D elapsed E remaining R status`, with local
//! times `MM-DD HH:MM` and `now` for a running cycle's stop; the arithmetic
//! behind every number is in the comment above it.

use chrono::{DateTime, FixedOffset};
use sla_clock::{
    BusinessDuration, Calendar, Cycle, Event, EventKind, Lifecycle, LifecyclePolicy, Metric,
    Policy, Priority, ResponseTarget, RiskThreshold, StatusKind, TicketHistory, TicketReport,
    limits,
};

use EventKind::{AgentReply, CustomerReply, Reopened, Solved, Waiting};
use Priority::{High, Low, Normal, Urgent};

fn policy(u: ResponseTarget, h: ResponseTarget, n: ResponseTarget, l: ResponseTarget) -> Policy {
    Policy {
        urgent: u,
        high: h,
        normal: n,
        low: l,
    }
}

/// The targets of `data/lifecycle-policy.json`.
fn full_policy() -> LifecyclePolicy {
    use ResponseTarget::{BusinessDays as D, BusinessHours as H};
    LifecyclePolicy {
        first_response: Some(policy(H(4), D(1), D(2), D(5))),
        next_response: Some(policy(H(2), H(4), D(1), D(2))),
        periodic_update: Some(policy(H(4), D(1), D(3), D(5))),
        resolution: Some(policy(D(2), D(5), D(10), D(20))),
    }
}

fn at(local: &str) -> DateTime<FixedOffset> {
    Calendar::munich()
        .parse_datetime(&format!("2026-{local}"))
        .unwrap_or_else(|e| panic!("{local}: {e}"))
}

fn ev(local: &str, kind: EventKind) -> Event {
    Event::new(at(local), kind)
}

fn created(local: &str, priority: Priority) -> Event {
    ev(local, EventKind::Created { priority })
}

fn changed(local: &str, priority: Priority) -> Event {
    ev(local, EventKind::PriorityChanged { priority })
}

fn replay(events: &[Event], now: &str) -> TicketReport {
    try_replay(events, now).unwrap_or_else(|e| panic!("unexpected error: {e}"))
}

fn try_replay(events: &[Event], now: &str) -> sla_clock::Result<TicketReport> {
    Lifecycle::new(&Calendar::munich(), full_policy()).replay(events.iter().copied(), &at(now))
}

fn error(events: &[Event], now: &str) -> String {
    try_replay(events, now).unwrap_err().to_string()
}

fn show(cycle: &Cycle) -> String {
    let local = |t: DateTime<chrono_tz::Tz>| t.format("%m-%d %H:%M").to_string();
    format!(
        "{}..{} target {} due {} elapsed {} remaining {} {}",
        local(cycle.start),
        cycle.stop.map(local).unwrap_or_else(|| "now".into()),
        cycle.target,
        local(cycle.due),
        cycle.elapsed,
        cycle.remaining,
        cycle.status
    )
}

fn cycles(report: &TicketReport, metric: Metric) -> Vec<String> {
    report.metrics[&metric].iter().map(show).collect()
}

#[track_caller]
fn assert_cycles(report: &TicketReport, metric: Metric, expected: &[&str]) {
    assert_eq!(cycles(report, metric), expected, "{metric}");
}

// ---------------------------------------------------------------------------
// first_response
// ---------------------------------------------------------------------------

#[test]
fn first_response_stops_at_the_first_agent_reply() {
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T11:00", AgentReply),
        ],
        "12-14T12:00",
    );
    assert_eq!(r.priority, Urgent);
    // 4 h from 10:00 is 14:00; answered after 1 h.
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..12-14 11:00 target 4h due 12-14 14:00 elapsed 1h remaining 3h met"],
    );
    // No customer message yet: no next_response cycle, but the metric is
    // measured, so it is there, empty.
    assert_cycles(&r, Metric::NextResponse, &[]);
    // The reply starts the first periodic update: 4 h from 11:00.
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &["12-14 11:00..now target 4h due 12-14 15:00 elapsed 1h remaining 3h pending"],
    );
    // Resolution runs from creation: 16 h is Monday and Tuesday.
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 16h due 12-15 18:00 elapsed 2h remaining 14h pending"],
    );
}

#[test]
fn first_response_stops_at_solved_if_that_comes_first() {
    let r = replay(
        &[created("12-14T10:00", Urgent), ev("12-14T15:00", Solved)],
        "12-15T10:00",
    );
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..12-14 15:00 target 4h due 12-14 14:00 elapsed 5h remaining -1h breached"],
    );
    assert_cycles(&r, Metric::PeriodicUpdate, &[]);
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..12-14 15:00 target 16h due 12-15 18:00 elapsed 5h remaining 11h met"],
    );
}

#[test]
fn a_running_cycle_is_pending_then_at_risk_at_75_percent_then_breached_after_due() {
    let events = [created("12-14T10:00", Urgent)];
    let status = |now: &str| replay(&events, now).metrics[&Metric::FirstResponse][0].status;
    assert_eq!(status("12-14T12:59:59"), StatusKind::Pending);
    // 3 h of 4 h is 75 %.
    assert_eq!(status("12-14T13:00"), StatusKind::AtRisk);
    // Exactly at the due instant the target can still be met.
    assert_eq!(status("12-14T14:00"), StatusKind::AtRisk);
    assert_eq!(status("12-14T14:00:00.000000001"), StatusKind::Breached);
    assert_cycles(
        &replay(&events, "12-14T16:30"),
        Metric::FirstResponse,
        &["12-14 10:00..now target 4h due 12-14 14:00 elapsed 6h 30m remaining -2h 30m breached"],
    );
}

#[test]
fn the_at_risk_threshold_is_configurable() {
    let lifecycle = Lifecycle::new(&Calendar::munich(), LifecyclePolicy::default())
        .with_risk_threshold(RiskThreshold::percent(50).unwrap());
    let report = |now: &str| {
        lifecycle
            .replay([created("12-14T10:00", Urgent)], &at(now))
            .unwrap()
    };
    assert_eq!(
        report("12-14T11:59").metrics[&Metric::FirstResponse][0].status,
        StatusKind::Pending
    );
    assert_eq!(
        report("12-14T12:00").metrics[&Metric::FirstResponse][0].status,
        StatusKind::AtRisk
    );
    // The default policy measures the first response only.
    assert_eq!(
        report("12-14T12:00").metrics.keys().collect::<Vec<_>>(),
        [&Metric::FirstResponse]
    );
}

// ---------------------------------------------------------------------------
// next_response
// ---------------------------------------------------------------------------

#[test]
fn next_response_runs_from_a_customer_message_to_the_next_agent_reply() {
    let r = replay(
        &[
            created("12-14T10:00", High),
            // Before the first agent reply: the first response covers it.
            ev("12-14T10:30", CustomerReply),
            ev("12-14T11:00", AgentReply),
            ev("12-14T12:00", CustomerReply),
            // A cycle is already running: no second one.
            ev("12-14T13:00", CustomerReply),
            ev("12-14T17:00", AgentReply),
            ev("12-15T10:00", CustomerReply),
        ],
        "12-15T11:00",
    );
    // High: 8 h from 10:00 is 18:00.
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..12-14 11:00 target 8h due 12-14 18:00 elapsed 1h remaining 7h met"],
    );
    // High: 4 h. 12:00 + 4 h = 16:00, answered at 17:00; the second runs
    // from Tuesday 10:00.
    assert_cycles(
        &r,
        Metric::NextResponse,
        &[
            "12-14 12:00..12-14 17:00 target 4h due 12-14 16:00 elapsed 5h remaining -1h breached",
            "12-15 10:00..now target 4h due 12-15 14:00 elapsed 1h remaining 3h pending",
        ],
    );
    // High: 8 h. From 11:00: 7 h on Monday, 1 h on Tuesday. The reply at
    // 17:00 stops the first and starts the second: 1 h Monday, 7 h Tuesday.
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &[
            "12-14 11:00..12-14 17:00 target 8h due 12-15 11:00 elapsed 6h remaining 2h met",
            "12-14 17:00..now target 8h due 12-15 17:00 elapsed 2h remaining 6h pending",
        ],
    );
    // High: 40 h, Monday to Friday.
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 40h due 12-18 18:00 elapsed 9h remaining 31h pending"],
    );
}

#[test]
fn solved_stops_next_response() {
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T11:00", AgentReply),
            ev("12-14T12:00", CustomerReply),
            ev("12-14T13:00", Solved),
        ],
        "12-14T15:00",
    );
    assert_cycles(
        &r,
        Metric::NextResponse,
        &["12-14 12:00..12-14 13:00 target 2h due 12-14 14:00 elapsed 1h remaining 1h met"],
    );
}

// ---------------------------------------------------------------------------
// waiting
// ---------------------------------------------------------------------------

#[test]
fn waiting_that_ended_pauses_periodic_update_and_resolution_only() {
    let r = replay(
        &[
            created("12-14T10:00", Normal),
            ev("12-14T11:00", AgentReply),
            ev("12-14T12:00", Waiting),
            // Ends the waiting, and is a customer message after the first
            // reply: a next_response cycle starts.
            ev("12-15T12:00", CustomerReply),
        ],
        "12-15T14:00",
    );
    // Never paused: 16 h from 10:00.
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..12-14 11:00 target 16h due 12-15 18:00 elapsed 1h remaining 15h met"],
    );
    assert_cycles(
        &r,
        Metric::NextResponse,
        &["12-15 12:00..now target 8h due 12-16 12:00 elapsed 2h remaining 6h pending"],
    );
    // 24 h, paused from Monday 12:00 to Tuesday 12:00: 1 h Monday, 6 h
    // Tuesday, 8 h Wednesday and Thursday, 1 h Friday.
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &["12-14 11:00..now target 24h due 12-18 11:00 elapsed 3h remaining 21h pending"],
    );
    // 80 h, same pause: 2 h Monday, 6 h Tuesday, then 8 h a day on
    // 16, 17, 18, 21, 22, 23, 24 December (Christmas Eve is a working
    // day), then the 25th and 26th are holidays and the 27th a Sunday:
    // 64 h by the 24th, 72 h on Monday 28th, 80 h on Tuesday 29th.
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 80h due 12-29 18:00 elapsed 4h remaining 76h pending"],
    );
}

#[test]
fn waiting_still_open_at_now_ends_at_now_and_moves_the_due_instant() {
    let events = [
        created("12-14T10:00", Urgent),
        ev("12-14T11:00", AgentReply),
        ev("12-14T12:00", Waiting),
    ];
    // Paused 12:00 to now (17:00): 1 h counted, then 17:00-18:00 and
    // Tuesday 10:00-12:00.
    let r = replay(&events, "12-14T17:00");
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &["12-14 11:00..now target 4h due 12-15 12:00 elapsed 1h remaining 3h pending"],
    );
    // 16 h: 2 h Monday, 17:00-18:00, 8 h Tuesday, 5 h Wednesday.
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 16h due 12-16 15:00 elapsed 2h remaining 14h pending"],
    );
    // Still waiting on Tuesday at 11:00: elapsed stands still, due moves on.
    let r = replay(&events, "12-15T11:00");
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &["12-14 11:00..now target 4h due 12-15 14:00 elapsed 1h remaining 3h pending"],
    );
    // The first response is never paused.
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..12-14 11:00 target 4h due 12-14 14:00 elapsed 1h remaining 3h met"],
    );
}

#[test]
fn a_second_waiting_or_a_waiting_while_solved_changes_nothing() {
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T11:00", AgentReply),
            ev("12-14T12:00", Waiting),
            ev("12-14T13:00", Waiting),
            ev("12-14T14:00", CustomerReply),
        ],
        "12-14T15:00",
    );
    // Paused 12:00 to 14:00 (not from 13:00): 1 h, then 3 h from 14:00.
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &["12-14 11:00..now target 4h due 12-14 17:00 elapsed 2h remaining 2h pending"],
    );
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T11:00", Solved),
            ev("12-14T12:00", Waiting),
            ev("12-14T13:00", Reopened),
        ],
        "12-14T14:00",
    );
    // Solved 11:00 to 13:00 is paused; the waiting did nothing, so the
    // reopening is from solved: 1 h + 1 h.
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 16h due 12-16 12:00 elapsed 2h remaining 14h pending"],
    );
}

#[test]
fn an_agent_reply_while_waiting_stops_the_update_cycle_and_starts_a_paused_one() {
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T11:00", AgentReply),
            ev("12-14T12:00", Waiting),
            ev("12-14T14:00", AgentReply),
            ev("12-14T15:00", CustomerReply),
        ],
        "12-14T16:00",
    );
    // The first: paused 12:00 to its stop at 14:00, counting unpaused after
    // the stop: 1 h, then 14:00 + 3 h. The second starts paused and counts
    // from 15:00: 3 h on Monday, 1 h Tuesday.
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &[
            "12-14 11:00..12-14 14:00 target 4h due 12-14 17:00 elapsed 1h remaining 3h met",
            "12-14 14:00..now target 4h due 12-15 11:00 elapsed 1h remaining 3h pending",
        ],
    );
    assert_cycles(
        &r,
        Metric::NextResponse,
        &["12-14 15:00..now target 2h due 12-14 17:00 elapsed 1h remaining 1h pending"],
    );
}

// ---------------------------------------------------------------------------
// solved, reopened
// ---------------------------------------------------------------------------

#[test]
fn a_reopening_resumes_resolution_with_the_solved_time_paused() {
    let events = [
        created("12-14T10:00", Urgent),
        ev("12-14T11:00", AgentReply),
        ev("12-14T12:00", Solved),
        ev("12-15T12:00", Reopened),
    ];
    // While solved: the cycle stopped at 12:00; its due counts on unpaused
    // after the stop (Monday and Tuesday).
    let r = replay(&events, "12-14T13:00");
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..12-14 12:00 target 16h due 12-15 18:00 elapsed 2h remaining 14h met"],
    );
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &["12-14 11:00..12-14 12:00 target 4h due 12-14 15:00 elapsed 1h remaining 3h met"],
    );
    // Reopened: the same cycle runs again, Monday 12:00 to Tuesday 12:00
    // paused: 2 h + 6 h Tuesday + 8 h Wednesday. After an earlier agent
    // reply, the reopening starts a periodic update.
    let r = replay(&events, "12-15T13:00");
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 16h due 12-16 18:00 elapsed 3h remaining 13h pending"],
    );
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &[
            "12-14 11:00..12-14 12:00 target 4h due 12-14 15:00 elapsed 1h remaining 3h met",
            "12-15 12:00..now target 4h due 12-15 16:00 elapsed 1h remaining 3h pending",
        ],
    );
    // The first response stays as it was.
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..12-14 11:00 target 4h due 12-14 14:00 elapsed 1h remaining 3h met"],
    );
}

#[test]
fn a_customer_reply_reopens_a_solved_ticket() {
    let r = replay(
        &[
            created("12-14T10:00", High),
            ev("12-14T11:00", AgentReply),
            ev("12-14T12:00", Solved),
            ev("12-15T10:00", CustomerReply),
        ],
        "12-15T12:00",
    );
    assert_cycles(
        &r,
        Metric::NextResponse,
        &["12-15 10:00..now target 4h due 12-15 14:00 elapsed 2h remaining 2h pending"],
    );
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &[
            "12-14 11:00..12-14 12:00 target 8h due 12-15 11:00 elapsed 1h remaining 7h met",
            "12-15 10:00..now target 8h due 12-15 18:00 elapsed 2h remaining 6h pending",
        ],
    );
    // 40 h, solved Monday 12:00 to Tuesday 10:00: 2 h Monday, 8 h each
    // Tuesday to Friday, 6 h on Monday 21st.
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 40h due 12-21 16:00 elapsed 4h remaining 36h pending"],
    );
}

#[test]
fn without_an_earlier_agent_reply_a_reopening_starts_no_periodic_update() {
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T11:00", Solved),
            ev("12-14T12:00", Reopened),
        ],
        "12-14T13:00",
    );
    assert_cycles(&r, Metric::PeriodicUpdate, &[]);
    assert_cycles(&r, Metric::NextResponse, &[]);
}

#[test]
fn reopened_while_waiting_ends_the_waiting_and_starts_no_cycle() {
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T11:00", AgentReply),
            ev("12-14T12:00", Waiting),
            ev("12-14T14:00", Reopened),
        ],
        "12-14T15:00",
    );
    // Paused 12:00 to 14:00.
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &["12-14 11:00..now target 4h due 12-14 17:00 elapsed 2h remaining 2h pending"],
    );
    // 16 h: 2 h, then 4 h from 14:00, 8 h Tuesday, 2 h Wednesday.
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 16h due 12-16 12:00 elapsed 3h remaining 13h pending"],
    );
    assert_cycles(&r, Metric::NextResponse, &[]);
}

#[test]
fn solved_twice_reopened_while_open_and_agent_replies_while_solved_change_nothing() {
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T10:30", Reopened),
            ev("12-14T11:00", AgentReply),
            ev("12-14T12:00", Solved),
            ev("12-14T13:00", Solved),
            ev("12-14T14:00", AgentReply),
        ],
        "12-14T15:00",
    );
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &["12-14 11:00..12-14 12:00 target 4h due 12-14 15:00 elapsed 1h remaining 3h met"],
    );
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..12-14 12:00 target 16h due 12-15 18:00 elapsed 2h remaining 14h met"],
    );
}

// ---------------------------------------------------------------------------
// priority changes
// ---------------------------------------------------------------------------

#[test]
fn a_raised_priority_can_be_breached_at_once() {
    let r = replay(
        &[created("12-14T10:00", Low), changed("12-14T15:00", Urgent)],
        "12-14T15:00",
    );
    assert_eq!(r.priority, Urgent);
    // 5 h gone, Urgent allows 4 h, measured from creation: due 14:00.
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..now target 4h due 12-14 14:00 elapsed 5h remaining -1h breached"],
    );
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 16h due 12-15 18:00 elapsed 5h remaining 11h pending"],
    );
}

#[test]
fn a_lowered_priority_clears_a_running_breach() {
    let r = replay(
        &[created("12-14T10:00", Urgent), changed("12-14T15:00", Low)],
        "12-14T15:00",
    );
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..now target 40h due 12-18 18:00 elapsed 5h remaining 35h pending"],
    );
}

#[test]
fn a_stopped_cycle_keeps_the_target_of_its_stop() {
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T15:00", AgentReply),
            changed("12-14T16:00", Low),
        ],
        "12-14T17:00",
    );
    assert_eq!(r.priority, Low);
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..12-14 15:00 target 4h due 12-14 14:00 elapsed 5h remaining -1h breached"],
    );
    // The running update cycle takes Low (40 h) from its start.
    assert_cycles(
        &r,
        Metric::PeriodicUpdate,
        &["12-14 15:00..now target 40h due 12-21 15:00 elapsed 2h remaining 38h pending"],
    );
}

#[test]
fn a_resumed_resolution_takes_the_priority_then_in_force() {
    let events = [
        created("12-14T10:00", Low),
        ev("12-14T12:00", Solved),
        changed("12-14T13:00", Urgent),
        ev("12-15T10:00", Reopened),
    ];
    // Stopped: Low's 160 h from Monday 10:00, unpaused after the stop:
    // 20 working days are 14-18, 21-24, 28-31 December (13; the 24th is
    // one, the 25th and 26th are holidays), then 4, 5, 7, 8, 11, 12 and 13
    // January (1 and 6 January are holidays).
    assert_cycles(
        &replay(&events, "12-14T14:00"),
        Metric::Resolution,
        &["12-14 10:00..12-14 12:00 target 160h due 01-13 18:00 elapsed 2h remaining 158h met"],
    );
    // Resumed: Urgent's 16 h, solved time paused: 2 h, 8 h Tuesday, 6 h
    // Wednesday.
    assert_cycles(
        &replay(&events, "12-15T12:00"),
        Metric::Resolution,
        &["12-14 10:00..now target 16h due 12-16 16:00 elapsed 4h remaining 12h pending"],
    );
}

// ---------------------------------------------------------------------------
// same instant, after now
// ---------------------------------------------------------------------------

#[test]
fn events_at_the_same_instant_keep_their_input_order() {
    // Answered at the instant of creation: met with nothing elapsed.
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T10:00", AgentReply),
        ],
        "12-14T11:00",
    );
    assert_cycles(
        &r,
        Metric::FirstResponse,
        &["12-14 10:00..12-14 10:00 target 4h due 12-14 14:00 elapsed 0s remaining 4h met"],
    );
    // A customer message then a reply at one instant: the message came
    // before the first reply, so no next_response cycle.
    let base = [created("12-14T10:00", Urgent)];
    let message_first = [
        base[0],
        ev("12-14T11:00", CustomerReply),
        ev("12-14T11:00", AgentReply),
    ];
    assert_cycles(
        &replay(&message_first, "12-14T12:00"),
        Metric::NextResponse,
        &[],
    );
    // The other way round, the message starts one.
    let reply_first = [
        base[0],
        ev("12-14T11:00", AgentReply),
        ev("12-14T11:00", CustomerReply),
    ];
    assert_cycles(
        &replay(&reply_first, "12-14T12:00"),
        Metric::NextResponse,
        &["12-14 11:00..now target 2h due 12-14 13:00 elapsed 1h remaining 1h pending"],
    );
    // The order given counts, not the order of the list once sorted by
    // time: the same events given later-first sort the same way.
    let shuffled = [
        ev("12-14T11:00", AgentReply),
        base[0],
        ev("12-14T11:00", CustomerReply),
    ];
    assert_eq!(
        replay(&shuffled, "12-14T12:00"),
        replay(&reply_first, "12-14T12:00")
    );
    // Solved and reopened at one instant: nothing paused.
    let r = replay(
        &[
            created("12-14T10:00", Urgent),
            ev("12-14T11:00", Solved),
            ev("12-14T11:00", Reopened),
        ],
        "12-14T12:00",
    );
    assert_cycles(
        &r,
        Metric::Resolution,
        &["12-14 10:00..now target 16h due 12-15 18:00 elapsed 2h remaining 14h pending"],
    );
    // An event before `created` at the same instant is before it.
    assert_eq!(
        error(
            &[
                ev("12-14T10:00", AgentReply),
                created("12-14T10:00", Urgent)
            ],
            "12-14T11:00"
        ),
        "event 'agent_reply' at 2026-12-14T10:00:00+01:00 comes before the ticket's 'created' \
         at 2026-12-14T10:00:00+01:00"
    );
}

#[test]
fn events_after_now_are_not_known_and_an_event_at_now_is() {
    let events = [
        created("12-14T10:00", Urgent),
        ev("12-14T15:00", AgentReply),
    ];
    assert_cycles(
        &replay(&events, "12-14T14:59"),
        Metric::FirstResponse,
        &["12-14 10:00..now target 4h due 12-14 14:00 elapsed 4h 59m remaining -59m breached"],
    );
    assert_cycles(
        &replay(&events, "12-14T15:00"),
        Metric::FirstResponse,
        &["12-14 10:00..12-14 15:00 target 4h due 12-14 14:00 elapsed 5h remaining -1h breached"],
    );
    // A later inconsistency is not known yet either.
    let twice = [created("12-14T10:00", Urgent), created("12-15T10:00", Low)];
    assert_eq!(replay(&twice, "12-15T09:59").priority, Urgent);
    assert_eq!(
        error(&twice, "12-15T10:00"),
        "the ticket is created twice, at 2026-12-14T10:00:00+01:00 and again at \
         2026-12-15T10:00:00+01:00"
    );
    // A report never depends on what comes after `now`.
    assert_eq!(
        replay(&events, "12-14T12:00"),
        replay(&events[..1], "12-14T12:00")
    );
}

// ---------------------------------------------------------------------------
// metrics measured, other calendars
// ---------------------------------------------------------------------------

#[test]
fn only_measured_metrics_appear() {
    let policy = LifecyclePolicy {
        first_response: None,
        resolution: full_policy().resolution,
        ..LifecyclePolicy::default()
    };
    let r = Lifecycle::new(&Calendar::munich(), policy)
        .replay([created("12-14T10:00", Normal)], &at("12-14T11:00"))
        .unwrap();
    assert_eq!(r.metrics.keys().collect::<Vec<_>>(), [&Metric::Resolution]);
    let none = LifecyclePolicy {
        first_response: None,
        ..LifecyclePolicy::default()
    };
    let r = Lifecycle::new(&Calendar::munich(), none)
        .replay([created("12-14T10:00", Normal)], &at("12-14T11:00"))
        .unwrap();
    assert!(r.metrics.is_empty());
}

#[test]
fn a_split_shift_calendar_across_a_dst_change() {
    // New York, 09:00-12:00 and 13:00-17:00: a business day is 7 h.
    // Normal, 2 days = 14 h, created Friday 6 March 2026 at 16:00 EST;
    // summer time starts on Sunday 8 March.
    let cal = Calendar::builder("America/New_York".parse().unwrap())
        .weekdays("09:00-12:00")
        .weekdays("13:00-17:00")
        .build()
        .unwrap();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    let lifecycle = Lifecycle::new(&cal, full_policy());
    let events = [
        Event::new(
            at("2026-03-06T16:00"),
            EventKind::Created { priority: Normal },
        ),
        Event::new(at("2026-03-09T10:00"), Waiting),
        Event::new(at("2026-03-09T14:00"), CustomerReply),
    ];
    let r = lifecycle.replay(events, &at("2026-03-09T15:00")).unwrap();
    let fr = &r.metrics[&Metric::FirstResponse][0];
    // Friday 1 h, Monday 3 h + 2 h (never paused); due: Monday 7 h (8 h),
    // Tuesday 3 h (11 h) + 3 h after lunch: 16:00 EDT.
    assert_eq!(fr.due.to_rfc3339(), "2026-03-10T16:00:00-04:00");
    assert_eq!(fr.elapsed, BusinessDuration::from_hours(6));
    assert_eq!(fr.status, StatusKind::Pending);
    // Resolution, 10 days = 70 h, paused 10:00-14:00 on Monday: 1 h Friday,
    // 1 h Monday morning, 1 h after 14:00.
    let res = &r.metrics[&Metric::Resolution][0];
    assert_eq!(res.elapsed, BusinessDuration::from_hours(3));
    assert_eq!(res.remaining, BusinessDuration::from_hours(67));
}

// ---------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------

#[test]
fn a_ticket_needs_a_known_created_first_and_only_once() {
    assert_eq!(
        Lifecycle::new(&Calendar::munich(), full_policy())
            .replay([], &at("12-14T10:00"))
            .unwrap_err()
            .to_string(),
        "the ticket has no events"
    );
    // Created after now.
    assert_eq!(
        error(
            &[
                created("12-14T10:00", Urgent),
                ev("12-14T11:00", AgentReply)
            ],
            "12-14T09:00"
        ),
        "the ticket has no event at or before now (2026-12-14T09:00:00+01:00); its first event \
         is 'created' at 2026-12-14T10:00:00+01:00"
    );
    assert_eq!(
        error(&[ev("12-14T10:00", Waiting)], "12-14T11:00"),
        "the ticket has no 'created' event at or before now (2026-12-14T11:00:00+01:00); its \
         first event is 'waiting' at 2026-12-14T10:00:00+01:00"
    );
    // The created after now does not count.
    assert_eq!(
        error(
            &[ev("12-14T10:00", Solved), created("12-14T12:00", Low)],
            "12-14T11:00"
        ),
        "the ticket has no 'created' event at or before now (2026-12-14T11:00:00+01:00); its \
         first event is 'solved' at 2026-12-14T10:00:00+01:00"
    );
    assert_eq!(
        error(
            &[
                changed("12-14T10:00", High),
                created("12-14T11:00", Low),
                ev("12-14T09:00", AgentReply)
            ],
            "12-14T12:00"
        ),
        "event 'agent_reply' at 2026-12-14T09:00:00+01:00 comes before the ticket's 'created' \
         at 2026-12-14T11:00:00+01:00"
    );
    assert_eq!(
        error(
            &[
                created("12-14T10:00", Urgent),
                created("12-14T10:00", Urgent)
            ],
            "12-14T12:00"
        ),
        "the ticket is created twice, at 2026-12-14T10:00:00+01:00 and again at \
         2026-12-14T10:00:00+01:00"
    );
}

#[test]
fn instants_outside_the_range_are_refused_whenever_they_are() {
    let cal = Calendar::munich();
    let lifecycle = Lifecycle::new(&cal, full_policy());
    let late = Event::new(cal.parse_datetime("2100-01-01T00:00").unwrap(), Solved);
    // After `now`, but refused all the same: every event is read.
    assert_eq!(
        lifecycle
            .replay([created("12-14T10:00", Urgent), late], &at("12-14T11:00"))
            .unwrap_err()
            .to_string(),
        "instant 2100-01-01T00:00:00+01:00 is outside the supported range 1995-01-01 to \
         2099-12-31 (Europe/Berlin local time)"
    );
    let early = Event::new(
        cal.parse_datetime("1994-12-31T23:59:59").unwrap(),
        AgentReply,
    );
    assert!(
        TicketHistory::new()
            .push(&lifecycle, early)
            .unwrap_err()
            .kind()
            == sla_clock::ErrorKind::OutOfRange
    );
    let now = cal.parse_datetime("2100-01-01T00:00:00Z").unwrap();
    assert_eq!(
        lifecycle
            .replay([created("12-14T10:00", Urgent)], &now)
            .unwrap_err()
            .to_string(),
        "instant 2100-01-01T00:00:00Z (2100-01-01T01:00:00+01:00 in Europe/Berlin) is outside \
         the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)"
    );
}

#[test]
fn a_due_instant_after_the_range_makes_the_ticket_an_error() {
    let cal = Calendar::munich();
    let lifecycle = Lifecycle::new(&cal, full_policy());
    let t = |s: &str| cal.parse_datetime(s).unwrap();
    let events = [
        Event::new(
            t("2099-12-29T10:00"),
            EventKind::Created { priority: Urgent },
        ),
        Event::new(t("2099-12-29T11:00"), AgentReply),
    ];
    // First response and update fit (4 h); resolution (16 h) would need
    // 29 and 30 December and is due on the 30th at 18:00 — still inside.
    assert!(lifecycle.replay(events, &t("2099-12-29T12:00")).is_ok());
    let events = [Event::new(
        t("2099-12-30T10:00"),
        EventKind::Created { priority: Low },
    )];
    let err = lifecycle
        .replay(events, &t("2099-12-30T12:00"))
        .unwrap_err();
    assert!(err.kind() == sla_clock::ErrorKind::OutOfRange);
    assert_eq!(
        err.to_string(),
        "the first_response deadline of the cycle that starts at 2099-12-30T10:00:00+01:00 \
         falls after the supported range 1995-01-01 to 2099-12-31 (Europe/Berlin local time)"
    );
}

#[test]
fn a_ticket_holds_at_most_the_limit_of_events() {
    let lifecycle = Lifecycle::new(&Calendar::munich(), full_policy());
    let mut history = TicketHistory::new();
    history
        .push(&lifecycle, created("12-14T10:00", Urgent))
        .unwrap();
    for _ in 1..limits::MAX_EVENTS_PER_TICKET {
        history
            .push(&lifecycle, ev("12-14T11:00", AgentReply))
            .unwrap();
    }
    let err = history
        .push(&lifecycle, ev("12-14T11:00", AgentReply))
        .unwrap_err();
    assert!(err.kind() == sla_clock::ErrorKind::Limit);
    assert_eq!(
        err.to_string(),
        "too many events for one ticket: 10001, more than the limit of 10000 (see \
         sla_clock::limits)"
    );
    // Still the full history's report; it takes milliseconds, not seconds.
    assert_eq!(history.len(), limits::MAX_EVENTS_PER_TICKET);
    let started = std::time::Instant::now();
    let report = history.report(&lifecycle, &at("12-14T12:00")).unwrap();
    assert_eq!(
        report.metrics[&Metric::PeriodicUpdate].len(),
        limits::MAX_EVENTS_PER_TICKET - 1
    );
    assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
}

#[test]
fn event_kinds_are_read_exactly() {
    assert_eq!(
        EventKind::parse("created", Some("NIEDRIG")).unwrap(),
        EventKind::Created { priority: Low }
    );
    assert_eq!(
        EventKind::parse("priority_changed", Some("hoch")).unwrap(),
        EventKind::PriorityChanged { priority: High }
    );
    for name in [
        "agent_reply",
        "customer_reply",
        "waiting",
        "solved",
        "reopened",
    ] {
        assert_eq!(EventKind::parse(name, None).unwrap().name(), name);
    }
    for bad in ["Created", "AGENT_REPLY", "agent-reply", "", "closed"] {
        assert_eq!(
            EventKind::parse(bad, None).unwrap_err().to_string(),
            format!(
                "unknown event kind '{bad}'; expected one of created, agent_reply, \
                 customer_reply, waiting, solved, reopened, priority_changed"
            )
        );
    }
    assert_eq!(
        EventKind::parse("created", None).unwrap_err().to_string(),
        "event kind 'created' needs a priority"
    );
    assert_eq!(
        EventKind::parse("waiting", Some("urgent"))
            .unwrap_err()
            .to_string(),
        "event kind 'waiting' takes no priority, found 'urgent'; only created and \
         priority_changed do"
    );
    assert_eq!(
        EventKind::parse("created", Some("asap"))
            .unwrap_err()
            .to_string(),
        "unknown priority 'asap'; expected one of urgent, high, normal, low (or in German: \
         dringend, hoch, normal, niedrig)"
    );
}

// ---------------------------------------------------------------------------
// serde
// ---------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod serde {
    use super::*;

    fn data(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(name);
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn the_lifecycle_policy_file_loads_with_every_metric() {
        let loaded: LifecyclePolicy = serde_json::from_str(&data("lifecycle-policy.json")).unwrap();
        assert_eq!(loaded, full_policy());
        // It is written back per metric, and reads the same.
        let written = serde_json::to_string(&loaded).unwrap();
        assert_eq!(
            serde_json::from_str::<LifecyclePolicy>(&written).unwrap(),
            loaded
        );
    }

    #[test]
    fn the_flat_policy_means_first_response_only() {
        let loaded: LifecyclePolicy = serde_json::from_str(&data("default-policy.json")).unwrap();
        assert_eq!(loaded, LifecyclePolicy::default());
        assert_eq!(
            serde_json::to_string(&LifecyclePolicy::default()).unwrap(),
            r#"{"first_response":{"urgent":{"business_hours":4},"high":{"business_days":1},"normal":{"business_days":2},"low":{"business_days":5}}}"#
        );
    }

    /// The message without serde_json's position.
    fn policy_error(json: &str) -> String {
        let err = serde_json::from_str::<LifecyclePolicy>(json).unwrap_err();
        let position = format!(" at line {} column {}", err.line(), err.column());
        err.to_string().trim_end_matches(&position).to_string()
    }

    #[test]
    fn policy_errors_say_what_is_wrong() {
        let day = r#"{"business_days": 1}"#;
        let all = format!(r#"{{"urgent": {day}, "high": {day}, "normal": {day}, "low": {day}}}"#);
        // A present metric needs all four priorities.
        assert_eq!(
            policy_error(&format!(
                r#"{{"resolution": {{"urgent": {day}, "high": {day}, "normal": {day}}}}}"#
            )),
            "missing field `low`"
        );
        assert_eq!(
            policy_error(&format!(
                r#"{{"urgent": {day}, "high": {day}, "low": {day}}}"#
            )),
            "missing field `normal`"
        );
        assert_eq!(
            policy_error(&format!(r#"{{"resolution": {all}, "urgent": {day}}}"#)),
            "a lifecycle policy is either per metric (first_response, next_response, \
             periodic_update, resolution) or the flat form (urgent, high, normal, low) for the \
             first response only, not both: found 'resolution' and 'urgent'"
        );
        assert_eq!(
            policy_error("{}"),
            "a lifecycle policy measures at least one metric: first_response, next_response, \
             periodic_update or resolution"
        );
        assert!(
            policy_error(&format!(r#"{{"resolutoin": {all}}}"#))
                .starts_with("unknown field `resolutoin`, expected one of `first_response`")
        );
    }

    #[test]
    fn events_read_and_write_their_json_form() {
        let event: Event = serde_json::from_str(
            r#"{"at": "2026-12-14T10:00:00+01:00", "kind": "created", "priority": "Dringend", "subject": "down"}"#,
        )
        .unwrap();
        assert_eq!(event, created("12-14T10:00", Urgent));
        assert_eq!(
            serde_json::to_string(&event).unwrap(),
            r#"{"at":"2026-12-14T10:00:00+01:00","kind":"created","priority":"urgent"}"#
        );
        assert_eq!(
            serde_json::to_string(&ev("12-14T11:00", AgentReply)).unwrap(),
            r#"{"at":"2026-12-14T11:00:00+01:00","kind":"agent_reply"}"#
        );
        let err = serde_json::from_str::<Event>(
            r#"{"at": "2026-12-14T10:00:00Z", "kind": "solved", "priority": "low"}"#,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("event kind 'solved' takes no priority, found 'low'"),
            "{err}"
        );
    }

    #[test]
    fn a_report_is_written_in_the_service_contract() {
        let r = replay(
            &[
                created("12-14T10:00", Urgent),
                ev("12-14T11:00:00.5", AgentReply),
            ],
            "12-14T12:00",
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json["metrics"]["first_response"][0],
            serde_json::json!({
                "start": "2026-12-14T10:00:00+01:00",
                "stop": "2026-12-14T11:00:00.500+01:00",
                "zone": "Europe/Berlin",
                "target_ns": 14_400_000_000_000i64,
                "due": "2026-12-14T14:00:00+01:00",
                "elapsed_ns": 3_600_500_000_000i64,
                "remaining_ns": 10_799_500_000_000i64,
                "status": "met"
            })
        );
        assert_eq!(json["priority"], "urgent");
        assert_eq!(json["metrics"]["next_response"], serde_json::json!([]));
        assert_eq!(
            json["metrics"]["periodic_update"][0]["stop"],
            serde_json::Value::Null
        );
    }
}

#[test]
fn every_lifecycle_type_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Cycle>();
    assert_send_sync::<StatusKind>();
    assert_send_sync::<Event>();
    assert_send_sync::<EventKind>();
    assert_send_sync::<Lifecycle>();
    assert_send_sync::<LifecyclePolicy>();
    assert_send_sync::<Metric>();
    assert_send_sync::<sla_clock::TicketHistory>();
    assert_send_sync::<TicketReport>();
}

#[test]
fn a_full_history_pushed_newest_first_is_as_cheap_as_in_order() {
    // An export sorted newest first: every push is out of order. Pushes
    // append, and the report sorts once, so this takes milliseconds.
    let lifecycle = Lifecycle::new(&Calendar::munich(), full_policy());
    let start = at("12-14T10:00");
    let events: Vec<Event> = (1..limits::MAX_EVENTS_PER_TICKET)
        .rev()
        .map(|i| {
            let kind = [AgentReply, CustomerReply, Waiting, Solved, Reopened][i % 5];
            Event::new(start + chrono::TimeDelta::minutes(i as i64), kind)
        })
        .chain([created("12-14T10:00", High)])
        .collect();
    let started = std::time::Instant::now();
    let mut history = TicketHistory::new();
    for event in &events {
        history.push(&lifecycle, *event).unwrap();
    }
    let now = at("12-31T12:00");
    let newest_first = history.report(&lifecycle, &now).unwrap();
    assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    let mut sorted = events.clone();
    sorted.sort_by_key(|e| e.at);
    assert_eq!(lifecycle.replay(sorted, &now).unwrap(), newest_first);
}
