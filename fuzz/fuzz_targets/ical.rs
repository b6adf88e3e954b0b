//! Arbitrary text as an iCalendar file never panics, aborts, hangs or runs
//! out of memory (feature `ical`).
//!
//! HR departments and calendar programs hand over `.ics` files, so
//! `CalendarBuilder::closures_from_ical` must turn any text into closures
//! or an error in the file's own terms. When a text is read, its closures
//! are sorted, disjoint and inside the supported range, and the same text
//! with other line ends (CR LF for LF) or other case in its names gives
//! the same closures. An error never passes on the parser's internals.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sla_clock::{Calendar, DateRange, ErrorKind};

fn closures(text: &str) -> Result<Vec<DateRange>, sla_clock::Error> {
    Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .closures_from_ical(text)
        .build()
        .map(|cal| cal.closures().to_vec())
}

/// `text` with the names of its BEGIN and END lines and of its properties
/// in lower case (what RFC 5545 says is the same file).
fn lower_names(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.starts_with([' ', '\t']) {
                return line.to_string();
            }
            let name_end = line.find([';', ':']).unwrap_or(line.len());
            let (name, rest) = line.split_at(name_end);
            let rest = if name.eq_ignore_ascii_case("BEGIN") || name.eq_ignore_ascii_case("END") {
                rest.to_ascii_lowercase()
            } else {
                rest.to_string()
            };
            format!("{}{rest}", name.to_ascii_lowercase())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match closures(text) {
        Ok(ranges) => {
            let first = chrono::NaiveDate::from_ymd_opt(1995, 1, 1).unwrap();
            let last = chrono::NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
            for range in &ranges {
                assert!(range.first <= range.last, "{range}");
                assert!(range.first >= first && range.last <= last, "{range}");
            }
            for pair in ranges.windows(2) {
                // Sorted, disjoint, touching ranges joined.
                assert!(
                    pair[0].last.succ_opt().unwrap() < pair[1].first,
                    "{} {}",
                    pair[0],
                    pair[1]
                );
            }
            // Line ends do not matter (a lone CR inside a line would).
            if !text.contains('\r') {
                let crlf = text.replace('\n', "\r\n");
                assert_eq!(closures(&crlf).ok(), Some(ranges.clone()), "CR LF");
            }
            // Nor does the case of names. (Text values keep theirs, so a
            // UID that differs only by case stays distinct.)
            assert_eq!(
                closures(&lower_names(text)).ok(),
                Some(ranges),
                "lower-case names"
            );
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                matches!(
                    e.kind(),
                    ErrorKind::Calendar | ErrorKind::Limit | ErrorKind::OutOfRange
                ),
                "{:?}: {message}",
                e.kind()
            );
            // The parser's own words ("error: 0: in Tag", nom's contexts)
            // never reach the user: a mistake in the text's structure is
            // told by line, or as the text's end, in the file's terms. And
            // the line-by-line check lets nothing through that the parser
            // refuses (its fallback message). Quoted input may hold any
            // words, so only the start of a message is looked at.
            if let Some(reason) = message.strip_prefix("invalid iCalendar text: ") {
                assert!(
                    reason.starts_with("line ") || reason.starts_with("the text "),
                    "{message}"
                );
            }
        }
    }
});
