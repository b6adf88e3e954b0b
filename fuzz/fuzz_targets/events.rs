//! Arbitrary bytes as ticket events (JSON Lines, as the `tickets` example
//! reads them) and as a lifecycle policy never panic, abort or hang.
//!
//! Each line that reads as an `Event` writes JSON that reads back to the
//! same event, and goes into one ticket's history, whose report at a few
//! instants is an answer or an error, and serialises. The whole input read
//! as a `LifecyclePolicy` round-trips through JSON and replays a fixed
//! ticket.
#![no_main]

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use sla_clock::{Calendar, Event, EventKind, Lifecycle, LifecyclePolicy, Priority, TicketHistory};

static MUNICH: LazyLock<Calendar> = LazyLock::new(Calendar::munich);

/// Every metric measured: `data/lifecycle-policy.json`.
static ALL_METRICS: LazyLock<LifecyclePolicy> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/lifecycle-policy.json"))
        .expect("the lifecycle policy template loads")
});

const NOWS: [&str; 4] = [
    "1995-01-01T00:00:00Z",
    "2026-12-21T12:00:00Z",
    "2027-03-28T01:30:00Z",
    "2099-12-31T22:59:59Z",
];

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

fn report_all(lifecycle: &Lifecycle, events: &[Event]) {
    let mut history = TicketHistory::new();
    let mut all_pushed = true;
    for &event in events {
        if history.push(lifecycle, event).is_err() {
            // An instant out of range, or too many events: refused by
            // name, the history unchanged.
            all_pushed = false;
            break;
        }
    }
    for now in NOWS {
        let now = instant(now);
        if let Ok(report) = history.report(lifecycle, &now) {
            let json = serde_json::to_string(&report).expect("a report serialises");
            let back: sla_clock::TicketReport =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(back, report, "{json}");
            for cycles in report.metrics.values() {
                for pair in cycles.windows(2) {
                    assert!(pair[0].start <= pair[1].start, "{report:?}");
                }
            }
        }
        // The same events replayed at once give the same answer (or the
        // same refusal of an event).
        let replayed = lifecycle.replay(events.iter().copied(), &now);
        if all_pushed {
            assert_eq!(
                history.report(lifecycle, &now).map_err(|e| e.to_string()),
                replayed.map_err(|e| e.to_string())
            );
        } else {
            assert!(replayed.is_err());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(policy) = serde_json::from_slice::<LifecyclePolicy>(data) {
        let json = serde_json::to_string(&policy).expect("a policy serialises");
        let again: LifecyclePolicy = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{json} does not read back: {e}"));
        assert_eq!(again, policy, "{json}");
        let at = instant("2026-12-21T09:00:00Z");
        let ticket = [
            Event::new(
                at,
                EventKind::Created {
                    priority: Priority::High,
                },
            ),
            Event::new(at + chrono::Duration::hours(30), EventKind::Solved),
        ];
        report_all(&Lifecycle::new(&MUNICH, policy), &ticket);
    }
    let mut events = Vec::new();
    for line in data.split(|&b| b == b'\n').take(64) {
        let Ok(event) = serde_json::from_slice::<Event>(line) else {
            continue;
        };
        let json = serde_json::to_string(&event).expect("an event serialises");
        let again: Event = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{json} does not read back: {e}"));
        assert_eq!(again, event, "{json}");
        events.push(event);
    }
    if !events.is_empty() {
        report_all(&Lifecycle::new(&MUNICH, ALL_METRICS.clone()), &events);
    }
});
