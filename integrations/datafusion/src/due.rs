//! `sla_due` and `business_add`: the instant a target of business time is
//! reached, through [`Calendar::due_unix_nanos`](sla_clock::Calendar::due_unix_nanos).

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, TimestampNanosecondBuilder};
use datafusion::arrow::datatypes::{DataType, TimestampNanosecondType};
use datafusion::common::Result;
use datafusion::logical_expr::ColumnarValue;

use crate::arguments::{Amounts, Instants, Texts, zone_of};
use crate::error::Failure;
use crate::priority::PriorityLookup;
use crate::results::Values;
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
    let mut out = Values::<TimestampNanosecondType>::with_capacity(rows);
    for row in 0..rows {
        let (Some(priority), Some(raw)) = (priorities.get(row), created.raw(row)) else {
            out.push_null();
            continue;
        };
        let mut due = || -> Result<i64, Failure> {
            let target = setup.target(lookup.get(priority)?);
            let from = setup.unix_nanos(&created, raw)?;
            Ok(setup.calendar.due_unix_nanos(from, target)?)
        };
        match due() {
            Ok(t) => out.push(t),
            Err(f) => {
                return Err(f.into_error("sla_due", &[priorities.shown(row), created.shown(row)]));
            }
        }
    }
    Ok(Arc::new(out.finish().with_timezone_opt(zone_of(returns))))
}

/// `business_add(ts, amount)`: [`Calendar::due_unix_nanos`](sla_clock::Calendar::due_unix_nanos)
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
        let due = || -> Result<i64, Failure> {
            let start = setup.unix_nanos(&from, raw)?;
            Ok(setup.calendar.due_unix_nanos(start, amount?)?)
        };
        match due() {
            Ok(t) => out.append_value(t),
            Err(f) => {
                return Err(f.into_error("business_add", &[from.shown(row), amounts.shown(row)]));
            }
        }
    }
    Ok(Arc::new(out.finish().with_timezone_opt(zone_of(returns))))
}
