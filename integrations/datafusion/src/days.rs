//! `is_business_day`, `next_open` and `local_date`: questions about the
//! calendar itself.

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, BooleanBuilder, TimestampNanosecondBuilder};
use datafusion::arrow::datatypes::{DataType, Date32Type};
use datafusion::common::Result;
use datafusion::logical_expr::ColumnarValue;
use sla_clock::chrono::Datelike;

use crate::arguments::{DAYS_FROM_CE_TO_1970, Dates, Instants, Shown, zone_of};
use crate::error::Failure;
use crate::results::Values;
use crate::setup::Setup;

/// `is_business_day(date)`: [`Calendar::is_business_day`](sla_clock::Calendar::is_business_day);
/// a timestamp stands for its local date in the calendar's zone.
pub(crate) fn is_business_day(
    setup: &Setup,
    args: &[ColumnarValue],
    rows: usize,
) -> Result<ArrayRef> {
    let dates = Dates::new(&args[0])?;
    let calendar = &setup.calendar;
    let mut out = BooleanBuilder::with_capacity(rows);
    for row in 0..rows {
        let Some(date) = dates.get(row, calendar) else {
            out.append_null();
            continue;
        };
        let answer = date
            .map_err(Failure::from)
            .and_then(|d| Ok(calendar.is_business_day(d)?));
        match answer {
            Ok(open) => out.append_value(open),
            Err(f) => {
                return Err(f.into_error("is_business_day", &[dates.shown(row, calendar)]));
            }
        }
    }
    Ok(Arc::new(out.finish()))
}

/// `next_open(ts)`: [`Calendar::next_open`](sla_clock::Calendar::next_open).
pub(crate) fn next_open(
    setup: &Setup,
    args: &[ColumnarValue],
    rows: usize,
    returns: &DataType,
) -> Result<ArrayRef> {
    let from = Instants::new(&args[0])?;
    let mut out = TimestampNanosecondBuilder::with_capacity(rows);
    for row in 0..rows {
        let Some(raw) = from.raw(row) else {
            out.append_null();
            continue;
        };
        let answer = from.instant(raw).map_err(Failure::from).and_then(|t| {
            let next = setup.calendar.next_open(&t)?;
            next.timestamp_nanos_opt()
                .ok_or(Failure::Input(Shown::Instant(next.to_utc())))
        });
        match answer {
            Ok(t) => out.append_value(t),
            Err(f) => return Err(f.into_error("next_open", &[from.shown(row)])),
        }
    }
    Ok(Arc::new(out.finish().with_timezone_opt(zone_of(returns))))
}

/// `local_date(ts)`: [`Calendar::local_date_unix_nanos`](sla_clock::Calendar::local_date_unix_nanos),
/// the date of an instant in the calendar's zone, as an Arrow date.
pub(crate) fn local_date(setup: &Setup, args: &[ColumnarValue], rows: usize) -> Result<ArrayRef> {
    let from = Instants::new(&args[0])?;
    let mut out = Values::<Date32Type>::with_capacity(rows);
    for row in 0..rows {
        let Some(raw) = from.raw(row) else {
            out.push_null();
            continue;
        };
        let answer = setup
            .unix_nanos(&from, raw)
            .and_then(|t| Ok(setup.calendar.local_date_unix_nanos(t)?));
        match answer {
            // Dates of the supported range are a few tens of thousands of
            // days from 1970.
            Ok(date) => out.push(date.num_days_from_ce() - DAYS_FROM_CE_TO_1970),
            Err(f) => return Err(f.into_error("local_date", &[from.shown(row)])),
        }
    }
    Ok(Arc::new(out.finish()))
}
