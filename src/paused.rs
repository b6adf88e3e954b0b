//! A clock's pauses as spans of the timeline, sorted and merged once per
//! clock, so that the arithmetic in `business_time.rs` walks them in one
//! pass.

use crate::error::Result;
use crate::limits::{self, MAX_PAUSES};
use crate::pause::Pause;
use crate::timeline::Timeline;
use crate::units::{Instant, Span};

/// A clock's pauses on the timeline: the ended ones sorted and merged, and
/// the start of one still running.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PauseSet {
    pub(crate) closed: Vec<Span>,
    /// The earliest start of a pause with no end yet.
    pub(crate) open_since: Option<Instant>,
}

impl PauseSet {
    /// Spans in any order (empty ones left out) and the start of a running
    /// pause: the one place pauses are merged.
    pub(crate) fn new(
        spans: impl IntoIterator<Item = Span>,
        open_since: Option<Instant>,
    ) -> PauseSet {
        PauseSet {
            closed: Span::union(spans.into_iter().filter(|s| !s.is_empty()).collect()),
            open_since,
        }
    }

    /// The spans, with a running pause taken to end at `end`.
    pub(crate) fn ended_at(&self, end: Instant) -> Vec<Span> {
        match self.open_since {
            Some(start) if start < end => {
                let running = Span {
                    from: start,
                    to: end,
                };
                Span::union(self.closed.iter().copied().chain([running]).collect())
            }
            _ => self.closed.clone(),
        }
    }
}

/// Pauses on the timeline. At most [`MAX_PAUSES`] are taken; more are
/// counted, not kept, for the error.
pub(crate) fn pause_set(
    timeline: &Timeline<'_>,
    pauses: impl IntoIterator<Item = Pause>,
) -> Result<PauseSet> {
    let mut closed: Vec<Span> = Vec::new();
    let mut open_since: Option<Instant> = None;
    let mut count = 0;
    for pause in pauses {
        count += 1;
        if count > MAX_PAUSES {
            continue;
        }
        let start = timeline.offset_ns_clamped(&pause.start());
        match pause.end() {
            Some(end) => closed.push(Span {
                from: start,
                to: timeline.offset_ns_clamped(&end),
            }),
            None => open_since = Some(open_since.map_or(start, |s| s.min(start))),
        }
    }
    limits::check("pauses", count, MAX_PAUSES)?;
    Ok(PauseSet::new(closed, open_since))
}
