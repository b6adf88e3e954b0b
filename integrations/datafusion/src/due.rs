//! `sla_due` and `business_add`: the instant a target of business time is
//! reached, through [`Calendar::due`](sla_clock::Calendar::due).

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, TimestampNanosecondBuilder};
use datafusion::arrow::datatypes::DataType;
use datafusion::common::Result;
use datafusion::logical_expr::ColumnarValue;
use sla_clock::chrono::{DateTime, Utc};
use sla_clock::{BusinessDuration, Calendar};

use crate::arguments::{Amounts, Instants, Shown, Texts, zone_of};
use crate::error::Failure;
use crate::priority::PriorityLookup;
use crate::setup::Setup;

/// `sla_due(priority, created)`: [`Policy::due`](sla_clock::Policy::due)
/// for every row.
pub(crate) fn sla_due(
    setup: &Setup,
    args: &[ColumnarValue],
    rows: usize,
    returns: &DataType,
) -> Result<ArrayRef> {
    let priorities = Texts::new(&args[0])?;
    let created = Instants::new(&args[1])?;
    let mut lookup = PriorityLookup::default();
    let mut out = TimestampNanosecondBuilder::with_capacity(rows);
    for row in 0..rows {
        let (Some(priority), Some(raw)) = (priorities.get(row), created.raw(row)) else {
            out.append_null();
            continue;
        };
        let mut due = || -> Result<i64, Failure> {
            let target = setup.target(lookup.get(priority)?);
            due_nanos(&setup.calendar, created.instant(raw)?, target)
        };
        match due() {
            Ok(t) => out.append_value(t),
            Err(f) => {
                return Err(f.into_error("sla_due", &[priorities.shown(row), created.shown(row)]));
            }
        }
    }
    Ok(Arc::new(out.finish().with_timezone_opt(zone_of(returns))))
}

/// `business_add(ts, amount)`: [`Calendar::due`](sla_clock::Calendar::due)
/// with the row's amount.
pub(crate) fn business_add(
    setup: &Setup,
    args: &[ColumnarValue],
    rows: usize,
    returns: &DataType,
) -> Result<ArrayRef> {
    let from = Instants::new(&args[0])?;
    let amounts = Amounts::new(&args[1])?;
    let mut out = TimestampNanosecondBuilder::with_capacity(rows);
    for row in 0..rows {
        let (Some(raw), Some(amount)) = (from.raw(row), amounts.get(row)) else {
            out.append_null();
            continue;
        };
        let due =
            || -> Result<i64, Failure> { due_nanos(&setup.calendar, from.instant(raw)?, amount?) };
        match due() {
            Ok(t) => out.append_value(t),
            Err(f) => {
                return Err(f.into_error("business_add", &[from.shown(row), amounts.shown(row)]));
            }
        }
    }
    Ok(Arc::new(out.finish().with_timezone_opt(zone_of(returns))))
}

/// The due instant as nanoseconds since 1970 UTC.
#[inline]
fn due_nanos(
    calendar: &Calendar,
    from: DateTime<Utc>,
    target: BusinessDuration,
) -> Result<i64, Failure> {
    let due = calendar.due(&from, target)?;
    // Every instant of the supported range (to 2099) fits: i64
    // nanoseconds reach 2262.
    due.timestamp_nanos_opt()
        .ok_or(Failure::Input(Shown::Instant(due.to_utc())))
}
