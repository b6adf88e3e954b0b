//! `business_time` and `business_duration`: the signed business time
//! between two instants, through
//! [`Calendar::business_time`](sla_clock::Calendar::business_time).

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, DurationNanosecondBuilder};
use datafusion::arrow::datatypes::Float64Type;
use datafusion::common::Result;
use datafusion::logical_expr::ColumnarValue;
use sla_clock::BusinessDuration;

use crate::arguments::{Instants, Shown};
use crate::error::Failure;
use crate::results::Values;
use crate::setup::Setup;

/// Calls `each` with the business time of every row (`None` for a null).
fn each_row(
    setup: &Setup,
    function: &str,
    args: &[ColumnarValue],
    rows: usize,
    mut each: impl FnMut(Option<BusinessDuration>) -> Result<(), Failure>,
) -> Result<()> {
    let start = Instants::new(&args[0])?;
    let end = Instants::new(&args[1])?;
    for row in 0..rows {
        let result = match (start.raw(row), end.raw(row)) {
            (Some(a), Some(b)) => between(setup, &start, &end, a, b).and_then(|d| each(Some(d))),
            _ => each(None),
        };
        if let Err(f) = result {
            return Err(f.into_error(function, &[start.shown(row), end.shown(row)]));
        }
    }
    Ok(())
}

fn between(
    setup: &Setup,
    start: &Instants<'_>,
    end: &Instants<'_>,
    a: i64,
    b: i64,
) -> Result<BusinessDuration, Failure> {
    let (a, b) = (setup.unix_nanos(start, a)?, setup.unix_nanos(end, b)?);
    Ok(setup.calendar.business_time_unix_nanos(a, b)?)
}

/// `business_time(start, end)`: business seconds as a double, negative
/// when `end` is earlier. Whole seconds are exact; a fraction of a second
/// carries a double's rounding (under a nanosecond for spans under about
/// 100 days of business time). `business_duration` is exact.
pub(crate) fn seconds(setup: &Setup, args: &[ColumnarValue], rows: usize) -> Result<ArrayRef> {
    let mut out = Values::<Float64Type>::with_capacity(rows);
    each_row(setup, "business_time", args, rows, |d| {
        match d {
            Some(d) => out.push(as_seconds(d)),
            None => out.push_null(),
        }
        Ok(())
    })?;
    Ok(Arc::new(out.finish()))
}

/// `business_duration(start, end)`: the same as an exact Arrow duration
/// in nanoseconds.
pub(crate) fn duration(setup: &Setup, args: &[ColumnarValue], rows: usize) -> Result<ArrayRef> {
    let mut out = DurationNanosecondBuilder::with_capacity(rows);
    each_row(setup, "business_duration", args, rows, |d| {
        match d {
            // Business time within 1995-2099 is far below i64::MAX
            // nanoseconds (292 years).
            Some(d) => out.append_value(
                i64::try_from(d.as_nanos()).map_err(|_| Failure::Input(Shown::Amount(d)))?,
            ),
            None => out.append_null(),
        }
        Ok(())
    })?;
    Ok(Arc::new(out.finish()))
}

/// Seconds as a double, whole seconds and the fraction converted apart so
/// that whole seconds stay exact.
fn as_seconds(d: BusinessDuration) -> f64 {
    let nanos = d.as_nanos();
    // Business time inside the supported range fits an i64 of nanoseconds
    // (292 years), and 64-bit division is several times cheaper than
    // 128-bit; the i128 path stays for anything larger.
    match i64::try_from(nanos) {
        Ok(nanos) => (nanos / 1_000_000_000) as f64 + (nanos % 1_000_000_000) as f64 / 1e9,
        Err(_) => (nanos / 1_000_000_000) as f64 + (nanos % 1_000_000_000) as f64 / 1e9,
    }
}
