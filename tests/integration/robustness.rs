//! Arbitrary text never panics the parsers, and whatever they accept is
//! handled by the arithmetic without a panic either.

use proptest::prelude::*;
use sla_clock::{BusinessDuration, Calendar, Priority};

/// Strings that look like date-times, with random damage, plus any text.
fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}[Tt ][0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}(\\.[0-9]{0,12})?)?([Zz]|[+-][0-9]{1,2}:?[0-9]{0,2})?",
        "(199[0-9]|20[0-9]{2}|210[0-9])-(0[0-9]|1[0-3])-([0-3][0-9])T([0-2][0-9]):([0-6][0-9])(:[0-6][0-9])?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsing_never_panics(text in date_like(), priority in any::<String>()) {
        let cal = Calendar::munich();
        let _ = priority.parse::<Priority>();
        if let Ok(created) = cal.parse_datetime(&text) {
            // Accepted text names an instant; out-of-range ones are errors.
            match cal.due(&created, BusinessDuration::from_hours(40)) {
                Ok(due) => prop_assert!(due >= created),
                Err(e) => prop_assert!(e.kind() == sla_clock::ErrorKind::OutOfRange, "{e}"),
            }
        }
    }
}
