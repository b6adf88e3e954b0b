//! A ticket's SLA clock with random pauses keeps its promises.
//!
//! A structured input gives a calendar (a random one as in `arithmetic`, or
//! the Munich default when that one is refused), a creation instant, a
//! target, up to eight pauses around the creation (overlapping, inverted,
//! reaching out of the range), an at-risk percentage (possibly invalid) and
//! a "now" and a response. `SlaClock` is what a ticket system calls on
//! every page view, so it must not panic, and:
//!
//! - pauses only ever delay: the due instant with pauses is not before the
//!   one without;
//! - at the due instant exactly the target has elapsed (pauses excluded),
//!   the ticket is still pending or at risk, a response then meets the
//!   target with zero margin, and one nanosecond later it is breached;
//! - the at-risk instant is not after the due instant; `next_change` lies
//!   after `now`; `remaining == target - elapsed`;
//! - the merged pauses are sorted and disjoint;
//! - a running pause (`Pause::since`) gives the same reading at `now`
//!   (status, due and at-risk instants, elapsed time) as the same pause
//!   ended at `now`, no next change, and no due instant without a `now`;
//! - `explain` ends at the same due instant and its counted steps add up to
//!   the target.
#![no_main]

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use chrono::{DateTime, TimeDelta, Utc};
use libfuzzer_sys::fuzz_target;
use sla_clock::{
    BusinessDuration, Calendar, Explanation, Pause, RiskThreshold, SlaClock, SlaStatus, Step,
};
use sla_clock_fuzz::{CalendarSpec, InstantSpec, TargetSpec, expect_out_of_range, is_out_of_range};

static MUNICH: LazyLock<Calendar> = LazyLock::new(Calendar::munich);

/// An offset from the creation instant, up to about 45 days either way.
#[derive(Debug, Clone, Copy, Arbitrary)]
struct Offset {
    minutes: i16,
    nanos: u32,
}

impl Offset {
    fn from(self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let nanos = if self.nanos % 8 == 0 {
            i64::from(self.nanos)
        } else {
            0
        };
        t.checked_add_signed(
            TimeDelta::minutes(i64::from(self.minutes) * 4) + TimeDelta::nanoseconds(nanos),
        )
    }
}

#[derive(Debug, Arbitrary)]
struct Input {
    calendar: CalendarSpec,
    created: InstantSpec,
    target: TargetSpec,
    pauses: Vec<(Offset, Offset)>,
    /// A pause that is still running, started at this offset.
    running: Option<Offset>,
    risk_percent: Option<u8>,
    now: Offset,
    responded: Option<Offset>,
}

fuzz_target!(|input: Input| {
    let cal = input.calendar.build().unwrap_or_else(|| MUNICH.clone());
    let Some(created) = input.created.instant(cal.zone()) else {
        return;
    };
    let target = input.target.duration(&cal);
    let plain = match SlaClock::new(&cal, &created, target) {
        Ok(clock) => clock,
        Err(e) => {
            assert!(cal.due(&created, target).is_err(), "{e}");
            return;
        }
    };
    assert_eq!(plain.due().unwrap(), cal.due(&created, target).unwrap());

    let pauses: Vec<Pause> = input
        .pauses
        .iter()
        .take(8)
        .filter_map(|&(a, b)| Pause::new(a.from(created)?, b.from(created)?).ok())
        .collect();
    let clock = match plain.clone().with_pauses(pauses.iter().copied()) {
        Ok(clock) => clock,
        Err(e) => return expect_out_of_range("with_pauses", &e),
    };
    let due = clock.due().unwrap();
    assert!(
        due >= plain.due().unwrap(),
        "pauses made it earlier: {due} < {}",
        plain.due().unwrap()
    );
    assert_eq!(clock.elapsed(&due).unwrap(), target, "elapsed at due {due}");
    let merged = clock.pauses();
    assert!(
        merged.iter().all(|p| Some(p.start()) < p.end()),
        "{merged:?}"
    );
    assert!(
        merged.windows(2).all(|w| w[0].end() < Some(w[1].start())),
        "{merged:?}"
    );

    let clock = match input.risk_percent.map(RiskThreshold::percent) {
        Some(Ok(threshold)) => {
            let clock = clock.with_risk_threshold(threshold);
            let at_risk = clock.at_risk_from().unwrap();
            assert!(at_risk <= due, "at risk from {at_risk}, due {due}");
            clock
        }
        Some(Err(_)) => {
            assert!(input.risk_percent > Some(100));
            clock
        }
        None => clock,
    };

    // At the due instant: not yet breached; answered then: met exactly.
    match clock.status(&due).unwrap() {
        SlaStatus::Pending { remaining, .. } | SlaStatus::AtRisk { remaining, .. } => {
            assert_eq!(
                remaining,
                BusinessDuration::ZERO,
                "at the due instant {due}"
            )
        }
        other => panic!("at the due instant {due}: {other}"),
    }
    assert_eq!(
        clock
            .clone()
            .with_response(&due)
            .unwrap()
            .status(&due)
            .unwrap()
            .name(),
        "met"
    );
    let late = due.to_utc() + TimeDelta::nanoseconds(1);
    if let Ok(status) = clock.status(&late) {
        assert_eq!(status.name(), "breached", "one nanosecond after {due}");
    }

    // A running pause counts as one that ends now.
    let running = input.running.and_then(|o| o.from(created));
    let now = input.now.from(created);
    if let (Some(start), Some(now)) = (running, now)
        && start < now
        && let Ok(open) = clock
            .clone()
            .with_pauses(pauses.iter().copied().chain([Pause::since(start)]))
        && let Ok(closed) = clock.clone().with_pauses(
            pauses
                .iter()
                .copied()
                .chain([Pause::new(start, now).unwrap()]),
        )
    {
        match (open.status(&now), closed.status(&now)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "running pause from {start}, now {now}"),
            (a, b) => assert_eq!(a.is_ok(), b.is_ok(), "{a:?} / {b:?}"),
        }
        if let (Ok(a), Ok(b)) = (open.elapsed(&now), closed.elapsed(&now)) {
            assert_eq!(a, b, "elapsed with a running pause from {start}, now {now}");
        }
        // Every value of the reading, the due and at-risk instants too; only
        // the running pause's clock stands still (no next change).
        assert!(open.due().is_none() && open.explain().is_err());
        if let (Ok(a), Ok(b)) = (open.reading(&now), closed.reading(&now)) {
            assert_eq!(
                (a.status, a.due, a.elapsed, a.at_risk_from),
                (b.status, b.due, b.elapsed, b.at_risk_from),
                "reading with a running pause from {start}, now {now}"
            );
            assert_eq!(a.next_change, None);
        }
    }

    if let Some(now) = now {
        let responded = input.responded.and_then(|r| r.from(created));
        let answered = match responded {
            Some(r) => clock.clone().with_response(&r),
            None => Ok(clock.clone()),
        };
        match answered.and_then(|clock| Ok((clock.status(&now)?, clock))) {
            Ok((status, clock)) => {
                let _ = status.to_string();
                let remaining = clock.remaining(&now).unwrap();
                assert_eq!(remaining, target - clock.elapsed(&now).unwrap());
                if let Ok(Some(next)) = clock.next_change(&now) {
                    assert!(next > now, "next change {next} not after {now}");
                }
            }
            Err(e) => {
                // Out of range, or a response before creation.
                assert!(
                    is_out_of_range(&e) || responded.is_some_and(|r| r < created),
                    "{e}"
                );
            }
        }
    }

    let explanation = clock.explain().unwrap();
    assert_eq!(explanation.due, due);
    let counted = explanation
        .steps
        .iter()
        .filter_map(|step| match step {
            Step::Counted { used, .. } => Some(*used),
            _ => None,
        })
        .sum();
    assert_eq!(target, counted, "{explanation}");
    let _ = explanation.to_string();
    let json = serde_json::to_string(&explanation).expect("an explanation serialises");
    assert_eq!(
        serde_json::from_str::<Explanation>(&json).ok().as_ref(),
        Some(&explanation),
        "{json}"
    );
    serde_json::to_string(&clock).expect("a clock serialises");
});
