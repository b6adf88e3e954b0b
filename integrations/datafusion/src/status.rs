//! `sla_status`: where a ticket stands, through
//! [`SlaClock::status`](sla_clock::SlaClock::status).

use std::sync::Arc;

use datafusion::arrow::array::{ArrayRef, StringBuilder};
use datafusion::common::Result;
use datafusion::logical_expr::ColumnarValue;
use sla_clock::SlaClock;

use crate::arguments::{Instants, Texts};
use crate::error::Failure;
use crate::priority::PriorityLookup;
use crate::setup::Setup;

/// `sla_status(priority, created, responded, now)` for every row. A null
/// `responded` means no response yet; any other null gives a null.
pub(crate) fn sla_status(setup: &Setup, args: &[ColumnarValue], rows: usize) -> Result<ArrayRef> {
    let priorities = Texts::new(&args[0])?;
    let created = Instants::new(&args[1])?;
    let responded = Instants::new(&args[2])?;
    let now = Instants::new(&args[3])?;
    let mut lookup = PriorityLookup::default();
    // Eight bytes a row is enough for the longest name; the buffer grows
    // (rarely) if not.
    let mut out = StringBuilder::with_capacity(rows, rows * 8);
    for row in 0..rows {
        let (Some(priority), Some(c), Some(n)) =
            (priorities.get(row), created.raw(row), now.raw(row))
        else {
            out.append_null();
            continue;
        };
        let mut status = || -> Result<&'static str, Failure> {
            let priority = lookup.get(priority)?;
            let clock = SlaClock::for_priority(
                &setup.calendar,
                &setup.policy,
                priority,
                &created.instant(c)?,
            )?;
            let clock = match setup.risk {
                Some(threshold) => clock.with_risk_threshold(threshold),
                None => clock,
            };
            let clock = match responded.raw(row) {
                Some(r) => clock.with_response(&responded.instant(r)?)?,
                None => clock,
            };
            // The crate's one spelling of a status (`at_risk`).
            Ok(clock.status(&now.instant(n)?)?.name())
        };
        match status() {
            Ok(name) => out.append_value(name),
            Err(f) => {
                let inputs = [
                    priorities.shown(row),
                    created.shown(row),
                    responded.shown(row),
                    now.shown(row),
                ];
                return Err(f.into_error("sla_status", &inputs));
            }
        }
    }
    Ok(Arc::new(out.finish()))
}
