//! `sla_instant` and `sla_priority` (and their `try_` forms): text from an
//! export read exactly as the crate reads it.

use std::sync::Arc;

use datafusion::arrow::array::ArrayRef;
use datafusion::arrow::datatypes::TimestampNanosecondType;
use datafusion::common::Result;
use datafusion::logical_expr::ColumnarValue;
use sla_clock::Priority;

use crate::arguments::Texts;
use crate::error::Failure;
use crate::priority::PriorityLookup;
use crate::results::{Names, Values};
use crate::setup::Setup;

/// `sla_instant(text)`: [`Calendar::parse_datetime`](sla_clock::Calendar::parse_datetime)
/// (RFC 3339, or a local date-time in the calendar's zone, refusing the
/// DST gap and fold), then a check that the instant lies in the supported
/// range. The result is in the calendar's zone. `lenient` (`try_`) gives a
/// null where the strict form fails the query.
pub(crate) fn sla_instant(
    setup: &Setup,
    args: &[ColumnarValue],
    rows: usize,
    lenient: bool,
) -> Result<ArrayRef> {
    let texts = Texts::new(&args[0])?;
    let calendar = &setup.calendar;
    let mut out = Values::<TimestampNanosecondType>::with_capacity(rows);
    for row in 0..rows {
        let Some(text) = texts.get(row) else {
            out.push_null();
            continue;
        };
        // The common RFC 3339 form without chrono, range-checked by two
        // comparisons; anything else as the crate reads it.
        if let (Some(t), Some(range)) = (crate::fast::rfc3339_nanos(text), setup.range)
            && range.contains(t)
        {
            out.push(t);
            continue;
        }
        let parsed = calendar
            .parse_datetime(text)
            .map_err(Failure::from)
            .and_then(|t| {
                // The range check the other functions would make: an
                // instant that reads but cannot be computed with fails
                // here, where the text is at hand.
                calendar.is_open(&t)?;
                t.timestamp_nanos_opt()
                    .ok_or_else(|| Failure::Input(texts.shown(row)))
            });
        match parsed {
            Ok(t) => out.push(t),
            Err(_) if lenient => out.push_null(),
            Err(f) => return Err(f.into_error("sla_instant", &[texts.shown(row)])),
        }
    }
    Ok(Arc::new(
        out.finish().with_timezone(Arc::clone(&setup.zone)),
    ))
}

/// `sla_priority(text)`: the priority's English name in lowercase
/// (`urgent`, `high`, `normal`, `low`) from any accepted spelling.
pub(crate) fn sla_priority(args: &[ColumnarValue], rows: usize, lenient: bool) -> Result<ArrayRef> {
    let texts = Texts::new(&args[0])?;
    let mut lookup = PriorityLookup::default();
    let mut out = Names::new(Priority::ALL.map(english), rows);
    for row in 0..rows {
        let Some(text) = texts.get(row) else {
            out.push_null();
            continue;
        };
        match lookup.get(text) {
            // A fieldless enum's discriminant is its place in the
            // declaration, which is `Priority::ALL`'s order (tested).
            Ok(p) => out.push(p as usize),
            Err(_) if lenient => out.push_null(),
            Err(e) => {
                return Err(Failure::Crate(e).into_error("sla_priority", &[texts.shown(row)]));
            }
        }
    }
    out.finish()
}

/// The lowercase English name, as the crate displays a priority, without
/// making a `String` per row.
pub(crate) fn english(p: Priority) -> &'static str {
    match p {
        Priority::Urgent => "urgent",
        Priority::High => "high",
        Priority::Normal => "normal",
        Priority::Low => "low",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_priority_is_its_place_in_all() {
        for (i, p) in sla_clock::Priority::ALL.into_iter().enumerate() {
            assert_eq!(p as usize, i, "{p}");
        }
    }

    #[test]
    fn english_names_are_the_crates_display() {
        for p in sla_clock::Priority::ALL {
            assert_eq!(super::english(p), p.to_string());
        }
    }
}
