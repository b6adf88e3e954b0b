//! `sla_status`: where a ticket stands, through
//! [`StatusBoard::status_unix_nanos`](sla_clock::StatusBoard::status_unix_nanos),
//! the crate's status of a ticket without pauses at one `now`.

use datafusion::arrow::array::ArrayRef;
use datafusion::common::Result;
use datafusion::logical_expr::ColumnarValue;
use sla_clock::{StatusBoard, StatusKind};

use crate::arguments::{Instants, Texts};
use crate::error::Failure;
use crate::priority::PriorityLookup;
use crate::results::Names;
use crate::setup::Setup;

/// `sla_status(priority, created, responded, now)` for every row. A null
/// `responded` means no response yet; any other null gives a null.
pub(crate) fn sla_status(setup: &Setup, args: &[ColumnarValue], rows: usize) -> Result<ArrayRef> {
    let priorities = Texts::new(&args[0])?;
    let created = Instants::new(&args[1])?;
    let responded = Instants::new(&args[2])?;
    let now = Instants::new(&args[3])?;
    let mut lookup = PriorityLookup::default();
    // One board for each run of rows with the same `now` (usually one
    // value for the whole query).
    let mut board: Option<(i64, StatusBoard<'_>)> = None;
    let mut out = Names::new(StatusKind::ALL.map(StatusKind::name), rows);
    for row in 0..rows {
        let (Some(priority), Some(c), Some(n)) =
            (priorities.get(row), created.raw(row), now.raw(row))
        else {
            out.push_null();
            continue;
        };
        let mut status = || -> Result<StatusKind, Failure> {
            let board = match &board {
                Some((at, board)) if *at == n => board,
                _ => {
                    let fresh = StatusBoard::new(&setup.calendar, &setup.policy, &now.instant(n)?)?;
                    let fresh = match setup.risk {
                        Some(threshold) => fresh.with_risk_threshold(threshold),
                        None => fresh,
                    };
                    &board.insert((n, fresh)).1
                }
            };
            let priority = lookup.get(priority)?;
            let c = setup.unix_nanos(&created, c)?;
            let r = match responded.raw(row) {
                Some(r) => Some(setup.unix_nanos(&responded, r)?),
                None => None,
            };
            Ok(board.status_unix_nanos(priority, c, r)?)
        };
        match status() {
            // The crate's one spelling of each status (`at_risk`), in the
            // order of `StatusKind::ALL`, which is the declaration's
            // (tested).
            Ok(kind) => out.push(kind as usize),
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
    out.finish()
}

#[cfg(test)]
mod tests {
    use sla_clock::StatusKind;

    #[test]
    fn a_status_is_its_place_in_all() {
        for (i, kind) in StatusKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, i, "{}", kind.name());
        }
    }
}
