//! Inputs found by the cargo-fuzz targets in `fuzz/` (see `fuzz/README.md`),
//! one test per defect, with the input inline: each must give an error or
//! the right result, never a panic.

use sla_clock::{BusinessDuration, Calendar, ErrorKind, Pause, SlaStatus, TimeOfDay};

/// fuzz target `parse_datetime`, artifact `crash-39527c59…` (the single
/// byte 0xAC, read lossily as U+FFFD): `BusinessDuration::from_str` splits
/// each part one *byte* before its end to find the unit letter, which
/// panics with "byte index is not a char boundary" when the part ends in a
/// multi-byte character (src/duration.rs, `part.split_at(part.len() - 1)`).
#[test]
fn duration_text_ending_in_a_multibyte_character_is_an_error() {
    for text in [
        "\u{FFFD}",
        "é",
        "4h é",
        "4hé",
        "1h 30m€",
        "-2h 5ß",
        "0.25s😀",
    ] {
        let result = std::panic::catch_unwind(|| text.parse::<BusinessDuration>());
        let err = result
            .unwrap_or_else(|_| panic!("{text:?} panics the duration parser"))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Duration, "{text:?}");
        assert_eq!(
            err.to_string(),
            format!(
                "invalid business duration '{text}'; expected hours, minutes and seconds \
                 like '4h 30m', '90m' or '1.5s'"
            )
        );
    }
}

/// fuzz target `parse_datetime`, artifact `crash-3e0a2dd4…`
/// (`"met with 0s\0\u{FFFD} to spare"`): `SlaStatus::from_str` reads its
/// durations with `BusinessDuration::from_str` and so panics the same way.
#[test]
fn status_text_with_a_multibyte_character_in_a_duration_is_an_error() {
    for text in [
        "met with 0s\0\u{FFFD} to spare",
        "met with é to spare",
        "breached by 2hé, was due 2026-12-21T15:00:00+01:00[Europe/Berlin]",
        "pending: 1hé left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]",
    ] {
        let result = std::panic::catch_unwind(|| text.parse::<SlaStatus>());
        let err = result
            .unwrap_or_else(|_| panic!("{text:?} panics the status parser"))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Status, "{text:?}");
    }
}

/// The same parser behind serde: a duration in JSON (as in a clock's
/// snapshot or a status) is read with `BusinessDuration::from_str`.
#[cfg(feature = "serde")]
#[test]
fn duration_json_with_a_multibyte_character_is_an_error() {
    for json in [
        r#""é""#,
        r#""4h\u00e9""#,
        r#"{"status": "met", "margin": "€"}"#,
    ] {
        let result = std::panic::catch_unwind(|| {
            (
                serde_json::from_str::<BusinessDuration>(json).is_err(),
                serde_json::from_str::<SlaStatus>(json).is_err(),
            )
        });
        assert_eq!(result.ok(), Some((true, true)), "{json}");
    }
}

/// fuzz target `parse_datetime`, artifact `crash-8bccd441…`, minimised to
/// `0000-01-01T00:00/2011-12-15T14:04`: a pause whose start is in year 0000
/// local time east of UTC (Europe/Berlin's local mean time, +00:53:28)
/// starts in year -1 UTC. It is accepted, but its `Display`, which is also
/// its serde form, writes `-0001-12-31T23:06:32Z/2011-12-15T13:04:00Z`,
/// which `Pause::from_str` refuses as an invalid instant: a value the crate
/// accepted and wrote out cannot be read back (src/sla.rs, `impl Display
/// for Pause` and `Pause::parse_with`). Either reading such a pause must
/// fail, or what it writes must read back to the same pause.
#[test]
fn pause_text_is_read_back() {
    let cal = Calendar::munich();
    let read: Vec<(&str, sla_clock::Result<Pause>)> = vec![
        (
            "0000-01-01T00:00/2011-12-15T14:04",
            cal.parse_pause("0000-01-01T00:00/2011-12-15T14:04"),
        ),
        (
            "0000-01-01T00:00:00+01:00/2026-01-01T00:00:00Z",
            "0000-01-01T00:00:00+01:00/2026-01-01T00:00:00Z".parse::<Pause>(),
        ),
        (
            "2026-01-01T00:00:00Z/9999-12-31T23:30:00-01:00",
            "2026-01-01T00:00:00Z/9999-12-31T23:30:00-01:00".parse::<Pause>(),
        ),
    ];
    for (text, pause) in read {
        let Ok(pause) = pause else {
            continue;
        };
        let written = pause.to_string();
        assert_eq!(
            written.parse::<Pause>().ok(),
            Some(pause),
            "{text:?} was read, written as {written:?}, and that does not read back"
        );
    }
}

/// The same pause through serde: if it loads, serialising it must give
/// JSON that loads back to it.
#[cfg(feature = "serde")]
#[test]
fn pause_json_is_read_back() {
    let text = r#""0000-01-01T00:00:00+01:00/2026-01-01T00:00:00Z""#;
    let Ok(pause) = serde_json::from_str::<Pause>(text) else {
        return;
    };
    let json = serde_json::to_string(&pause).unwrap();
    assert_eq!(
        serde_json::from_str::<Pause>(&json).ok(),
        Some(pause),
        "written as {json}"
    );
}

/// fuzz target `arithmetic`, smoke run on ce3e725 (before the hardening on
/// main): `TimeOfDay::hms` multiplied the hour before checking it and
/// overflowed in debug builds. Fixed on main by 8c4bd15; kept so it stays
/// fixed.
#[test]
fn time_of_day_from_huge_numbers_is_none() {
    for (h, m, s) in [
        (u32::MAX, 0, 0),
        (1_193_047, 0, 0),
        (0, u32::MAX, 0),
        (24, 0, 1),
        (25, 0, 0),
    ] {
        assert_eq!(TimeOfDay::hms(h, m, s), None, "hms({h}, {m}, {s})");
    }
    assert_eq!(TimeOfDay::hm(u32::MAX, u32::MAX), None);
    assert_eq!(
        TimeOfDay::hms(24, 0, 0),
        Some(TimeOfDay::END_OF_DAY),
        "24:00 is the end of the day"
    );
}
