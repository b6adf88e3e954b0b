//! The time zone's UTC-offset changes, read once from chrono-tz.
//!
//! Converting a local time through chrono-tz costs a binary search over the
//! zone's whole history on every call. Building the timeline converts tens
//! of thousands of window boundaries, always moving forward in time, so we
//! read the offsets chrono-tz reports once, keep the changes in a small
//! table and walk it with a cursor. The rules stay chrono-tz's; nothing here
//! is hand-coded per zone.

use chrono::{Offset, TimeZone};
use chrono_tz::{Tz, TzOffset};

use crate::units::{LocalSecs, Secs, UtcSecs};

/// How far apart the offset is sampled before a change is narrowed down to
/// the second. The closest two changes of any zone in the tz database in
/// 1995..2100 are 6.92 days apart (America/Cambridge_Bay, October and
/// November 2000, counting a change of abbreviation alone), so
/// with a step under that no change can hide between two samples; the test
/// `sampling_misses_no_transition` checks every zone chrono-tz ships.
const SAMPLE_STEP: Secs = Secs::days(6);

/// Where a zone's rules repeat a change a year later: the same weekday
/// (52 or 53 weeks on) or the same date (365 or 366 days on).
const YEARLY_REPEATS: [Secs; 4] = [
    Secs::days(364),
    Secs::days(371),
    Secs::days(365),
    Secs::days(366),
];

/// A zone's offsets over a span of time: offset `offsets[i]` (seconds east
/// of UTC) holds from `starts[i]` (UTC seconds) until `starts[i + 1]`.
/// `zone_offsets[i]` is chrono-tz's own offset value for the span, with
/// its abbreviation, kept so that results can be handed out as
/// `DateTime<Tz>` without asking chrono-tz again.
#[derive(Debug, Clone)]
pub(crate) struct Transitions {
    starts: Vec<UtcSecs>,
    offsets: Vec<Secs>,
    zone_offsets: Vec<TzOffset>,
}

/// Where a local time lands in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LocalToUtc {
    Single(UtcSecs),
    /// In the autumn fold: the earlier and the later instant.
    Ambiguous(UtcSecs, UtcSecs),
    /// In the spring gap; the instant the clocks jumped.
    Gap(UtcSecs),
}

impl LocalToUtc {
    /// The rule for window boundaries: a boundary in a fold is its first
    /// occurrence, one in a gap is the moment the gap ends. Both keep the
    /// order of boundaries within a day.
    pub(crate) fn earliest(self) -> UtcSecs {
        match self {
            LocalToUtc::Single(t) | LocalToUtc::Ambiguous(t, _) | LocalToUtc::Gap(t) => t,
        }
    }
}

/// chrono-tz's offset at a UTC second. A change of abbreviation alone
/// (same UTC offset) counts as a change too.
pub(crate) fn offset_at(zone: Tz, utc: UtcSecs) -> TzOffset {
    zone.offset_from_utc_datetime(&utc.naive_utc())
}

pub(crate) fn seconds_east(offset: TzOffset) -> Secs {
    Secs::new(i64::from(offset.fix().local_minus_utc()))
}

/// The first second in `(lo, hi]` whose offset is not `before`, by
/// bisection.
fn first_change(zone: Tz, lo: UtcSecs, hi: UtcSecs, before: TzOffset) -> UtcSecs {
    let (mut a, mut b) = (lo, hi);
    while b - a > Secs::new(1) {
        let mid = a + (b - a) / 2;
        if offset_at(zone, mid) == before {
            a = mid;
        } else {
            b = mid;
        }
    }
    b
}

/// The change in `(lo, hi]` from `before` to `after`, if it falls where the
/// same change fell a year earlier. Two lookups instead of twenty for the
/// common case of yearly daylight-saving rules; a miss costs little.
fn predicted(
    zone: Tz,
    starts: &[UtcSecs],
    offsets: &[TzOffset],
    lo: UtcSecs,
    hi: UtcSecs,
    before: TzOffset,
    after: TzOffset,
) -> Option<UtcSecs> {
    let n = starts.len();
    let last_same = (1..n)
        .rev()
        .take(4)
        .find(|&i| offsets[i - 1] == before && offsets[i] == after)?;
    YEARLY_REPEATS
        .iter()
        .map(|&gap| starts[last_same] + gap)
        .filter(|&t| lo < t && t <= hi)
        .find(|&t| offset_at(zone, t - Secs::new(1)) == before && offset_at(zone, t) == after)
}

impl Transitions {
    /// Reads every offset change of `zone` between the UTC instants `from`
    /// and `to` (seconds).
    pub(crate) fn scan(zone: Tz, from: UtcSecs, to: UtcSecs) -> Self {
        let mut starts = vec![UtcSecs::MIN];
        let mut zone_offsets = vec![offset_at(zone, from)];
        let mut lo = from;
        let mut before = zone_offsets[0];
        while lo < to {
            let hi = (lo + SAMPLE_STEP).min(to);
            let after = offset_at(zone, hi);
            if after != before {
                let at = predicted(zone, &starts, &zone_offsets, lo, hi, before, after)
                    .unwrap_or_else(|| first_change(zone, lo, hi, before));
                starts.push(at);
                zone_offsets.push(after);
            }
            lo = hi;
            before = after;
        }
        let offsets = zone_offsets.iter().map(|&o| seconds_east(o)).collect();
        Transitions {
            starts,
            offsets,
            zone_offsets,
        }
    }

    /// Heap bytes held, for the memory tests.
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> usize {
        self.starts.capacity() * std::mem::size_of::<UtcSecs>()
            + self.offsets.capacity() * std::mem::size_of::<Secs>()
            + self.zone_offsets.capacity() * std::mem::size_of::<TzOffset>()
    }

    /// Number of offset changes recorded.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// chrono-tz's offset in force at UTC second `utc`.
    #[inline]
    pub(crate) fn zone_offset_at(&self, utc: UtcSecs) -> TzOffset {
        let i = self.starts.partition_point(|&s| s <= utc);
        self.zone_offsets[i.saturating_sub(1)]
    }

    /// The offset in force at UTC second `utc`, in seconds east of UTC.
    #[inline]
    pub(crate) fn offset_at(&self, utc: UtcSecs) -> Secs {
        let i = self.starts.partition_point(|&s| s <= utc);
        self.offsets[i.saturating_sub(1)]
    }

    /// The one offset that holds for every local time of the day starting
    /// at local `midnight`, if no change comes near that day; `None` on
    /// and around the days the clocks change. Moves `cursor` like
    /// [`Transitions::local_to_utc`].
    pub(crate) fn offset_for_day(&self, midnight: LocalSecs, cursor: &mut usize) -> Option<Secs> {
        self.advance(cursor, midnight.to_utc(Secs::days(2)));
        // `midnight + 3 days` as a UTC bound: past the day's end in any
        // zone.
        let quiet = *cursor + 1 == self.starts.len()
            || self.starts[*cursor + 1] > midnight.to_utc(-Secs::days(3));
        quiet.then(|| self.offsets[*cursor])
    }

    /// Moves `cursor` to the last span starting at or before `horizon`.
    fn advance(&self, cursor: &mut usize, horizon: UtcSecs) {
        while *cursor + 1 < self.starts.len() && self.starts[*cursor + 1] <= horizon {
            *cursor += 1;
        }
        if self.starts[*cursor] > horizon {
            // Called out of order; fall back to a search.
            *cursor = self
                .starts
                .partition_point(|&s| s <= horizon)
                .saturating_sub(1);
        }
    }

    /// Converts local seconds (local wall time counted as if it were UTC)
    /// to UTC. `cursor` speeds up calls that move forward in time: it is
    /// the index of a span that starts at least a day before `local`.
    pub(crate) fn local_to_utc(&self, local: LocalSecs, cursor: &mut usize) -> LocalToUtc {
        // No offset exceeds 26 hours either way, so every span that can
        // contain `local` starts after `local - 2 days`.
        self.advance(cursor, local.to_utc(Secs::days(2)));
        let last = self.starts.len() - 1;
        if *cursor == last || self.starts[*cursor + 1] > local.to_utc(-Secs::days(2)) {
            // No change within two days either way: the common case.
            return LocalToUtc::Single(local.to_utc(self.offsets[*cursor]));
        }
        let mut found: Option<UtcSecs> = None;
        for i in *cursor..=last.min(*cursor + 4) {
            let utc = local.to_utc(self.offsets[i]);
            let after_start = utc >= self.starts[i];
            let before_end = i == last || utc < self.starts[i + 1];
            if after_start && before_end {
                match found {
                    None => found = Some(utc),
                    Some(earlier) => return LocalToUtc::Ambiguous(earlier, utc),
                }
            }
            if found.is_none() && i > 0 {
                // The local times skipped by change `i`.
                let gap_start = self.starts[i].to_local(self.offsets[i - 1]);
                let gap_end = self.starts[i].to_local(self.offsets[i]);
                if (gap_start..gap_end).contains(&local) {
                    return LocalToUtc::Gap(self.starts[i]);
                }
            }
        }
        // Every local time is either valid or in a gap, so `found` is set;
        // the fallback keeps this total without a panic path.
        LocalToUtc::Single(found.unwrap_or(local.to_utc(self.offsets[*cursor])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{LocalResult, NaiveDate};

    const FROM: UtcSecs = UtcSecs::new(788_918_400 - 3 * 86_400); // 1995-01-01 less three days
    const TO: UtcSecs = UtcSecs::new(4_102_444_800 + 3 * 86_400); // 2100-01-01 plus three days

    #[test]
    fn berlin_changes_twice_a_year() {
        let t = Transitions::scan(chrono_tz::Europe::Berlin, FROM, TO);
        assert_eq!(t.len(), 2 * 105);
        // 2026-03-29 01:00 UTC: CET to CEST.
        assert_eq!(
            t.offset_at(UtcSecs::new(1_774_746_000 - 1)),
            Secs::new(3600)
        );
        assert_eq!(t.offset_at(UtcSecs::new(1_774_746_000)), Secs::new(7200));
    }

    #[test]
    fn local_to_utc_agrees_with_chrono_tz() {
        let zone = chrono_tz::Europe::Berlin;
        let t = Transitions::scan(zone, FROM, TO);
        let mut cursor = 0;
        let day = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        for (date, hour) in [(day, 1), (day, 2), (day, 3)]
            .into_iter()
            .chain([(NaiveDate::from_ymd_opt(2026, 10, 25).unwrap(), 2)])
        {
            let naive = date.and_hms_opt(hour, 30, 0).unwrap();
            let ours = t.local_to_utc(LocalSecs::of(naive), &mut cursor);
            let utc = |dt: chrono::DateTime<_>| UtcSecs::new(dt.timestamp());
            match zone.from_local_datetime(&naive) {
                LocalResult::Single(dt) => assert_eq!(ours, LocalToUtc::Single(utc(dt))),
                LocalResult::Ambiguous(a, b) => {
                    assert_eq!(ours, LocalToUtc::Ambiguous(utc(a), utc(b)))
                }
                LocalResult::None => {
                    assert_eq!(ours, LocalToUtc::Gap(UtcSecs::new(1_774_746_000)))
                }
            }
        }
    }

    /// Guards `SAMPLE_STEP` and `predicted`: for every zone, the scan
    /// finds exactly the changes that sampling every six hours finds.
    #[test]
    #[cfg_attr(
        debug_assertions,
        ignore = "slow without optimisations; CI runs it with --release"
    )]
    fn sampling_misses_no_transition() {
        for zone in chrono_tz::TZ_VARIANTS {
            let weekly = Transitions::scan(zone, FROM, TO);
            let mut changes = 0;
            let mut u = FROM;
            let mut prev = offset_at(zone, u);
            while u < TO {
                u = u + Secs::new(6 * 3600);
                let now = offset_at(zone, u);
                if now != prev {
                    changes += 1;
                    assert!(weekly.zone_offset_at(u) == now, "{zone} at {u:?}");
                }
                prev = now;
            }
            assert_eq!(weekly.len(), changes, "{zone}");
        }
    }
}
