//! A clock's pauses as spans of the timeline, sorted and merged once per
//! clock, so that the arithmetic in `business_time.rs` walks them in one
//! pass.

use crate::error::Result;
use crate::limits::{self, MAX_PAUSES};
use crate::pause::Pause;
use crate::timeline::Timeline;

/// A clock's pauses in nanoseconds from the timeline's epoch: the ended
/// ones sorted and merged, and the start of one still running.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PauseSet {
    pub(crate) closed: Vec<(i64, i64)>,
    /// The earliest start of a pause with no end yet.
    pub(crate) open_since: Option<i64>,
}

impl PauseSet {
    /// Spans `[from, to)` in any order (empty ones left out) and the start
    /// of a running pause: the one place pauses are merged.
    pub(crate) fn new(
        spans: impl IntoIterator<Item = (i64, i64)>,
        open_since: Option<i64>,
    ) -> PauseSet {
        PauseSet {
            closed: merge(spans.into_iter().filter(|&(p, q)| p < q).collect()),
            open_since,
        }
    }

    /// The spans, with a running pause taken to end at `end`.
    pub(crate) fn ended_at(&self, end: i64) -> Vec<(i64, i64)> {
        match self.open_since {
            Some(start) if start < end => {
                merge(self.closed.iter().copied().chain([(start, end)]).collect())
            }
            _ => self.closed.clone(),
        }
    }
}

/// Sorted, with overlapping and touching spans joined.
fn merge(mut spans: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    spans.sort_unstable();
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
    for (p, q) in spans {
        match merged.last_mut() {
            Some(last) if p <= last.1 => last.1 = last.1.max(q),
            _ => merged.push((p, q)),
        }
    }
    merged
}

/// Pauses in nanoseconds from the timeline's epoch. At most
/// [`MAX_PAUSES`] are taken; more are counted, not kept, for the error.
pub(crate) fn pause_set(
    timeline: &Timeline<'_>,
    pauses: impl IntoIterator<Item = Pause>,
) -> Result<PauseSet> {
    let mut closed: Vec<(i64, i64)> = Vec::new();
    let mut open_since: Option<i64> = None;
    let mut count = 0;
    for pause in pauses {
        count += 1;
        if count > MAX_PAUSES {
            continue;
        }
        let start = timeline.offset_ns_clamped(&pause.start());
        match pause.end() {
            Some(end) => closed.push((start, timeline.offset_ns_clamped(&end))),
            None => open_since = Some(open_since.map_or(start, |s| s.min(start))),
        }
    }
    limits::check("pauses", count, MAX_PAUSES)?;
    Ok(PauseSet::new(closed, open_since))
}
