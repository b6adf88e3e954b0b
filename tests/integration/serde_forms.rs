//! Every value a service stores or sends goes to JSON and back unchanged,
//! in a form a person can read, and every printed value parses back.

use chrono::NaiveDate;
use serde::{Serialize, de::DeserializeOwned};
use sla_clock::*;

/// `value` as JSON is `json`, and `json` reads back into `value`.
#[track_caller]
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    value: &T,
    json: &str,
) {
    assert_eq!(serde_json::to_string(value).unwrap(), json);
    assert_eq!(&serde_json::from_str::<T>(json).unwrap(), value);
}

#[test]
fn durations_are_text_or_seconds() {
    // Whole nanoseconds: exact in every reader of 64-bit integers.
    round_trip(&BusinessDuration::from_minutes(270), "16200000000000");
    round_trip(&BusinessDuration::from_nanos(-1_500_000_001), "-1500000001");
    // People write configuration as text, ISO 8601 too.
    for text in [r#""4h 30m""#, r#""4h30m""#, r#""PT4H30M""#, r#""PT16200S""#] {
        let read: BusinessDuration = serde_json::from_str(text).unwrap();
        assert_eq!(read, BusinessDuration::from_minutes(270), "{text}");
    }
    let err = serde_json::from_str::<BusinessDuration>(r#""4 hours""#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid business duration '4 hours'"),
        "{err}"
    );
}

#[test]
fn statuses_are_objects_named_by_their_status() {
    let cal = Calendar::munich();
    let due = cal
        .parse_datetime("2026-12-21T15:00")
        .unwrap()
        .with_timezone(&cal.zone());
    // One shape for every status: the kind, the time left (the margin when
    // met, negative when breached), the due instant in RFC 3339 and the zone.
    round_trip(
        &SlaStatus::Met {
            margin: BusinessDuration::from_hours(1),
            due,
        },
        r#"{"status":"met","remaining_ns":3600000000000,"due":"2026-12-21T15:00:00+01:00","zone":"Europe/Berlin"}"#,
    );
    round_trip(
        &SlaStatus::AtRisk {
            remaining: BusinessDuration::from_minutes(30),
            due,
        },
        r#"{"status":"at_risk","remaining_ns":1800000000000,"due":"2026-12-21T15:00:00+01:00","zone":"Europe/Berlin"}"#,
    );
    round_trip(
        &SlaStatus::Breached {
            overdue: BusinessDuration::from_nanos(1),
            due,
        },
        r#"{"status":"breached","remaining_ns":-1,"due":"2026-12-21T15:00:00+01:00","zone":"Europe/Berlin"}"#,
    );
    round_trip(
        &SlaStatus::Pending {
            remaining: BusinessDuration::from_hours(3),
            due,
        },
        r#"{"status":"pending","remaining_ns":10800000000000,"due":"2026-12-21T15:00:00+01:00","zone":"Europe/Berlin"}"#,
    );
    // Read in any offset, or RFC 9557: the instant lands in the named zone.
    let read: SlaStatus = serde_json::from_str(
        r#"{"status":"pending","remaining_ns":10800000000000,"due":"2026-12-21T14:00:00Z","zone":"Europe/Berlin"}"#,
    )
    .unwrap();
    assert_eq!(read.due(), due);
    let err = serde_json::from_str::<SlaStatus>(
        r#"{"status":"at-risk","remaining_ns":0,"due":"2026-12-21T14:00:00Z","zone":"Europe/Berlin"}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("invalid status 'at-risk'"),
        "{err}"
    );
}

#[test]
fn statuses_read_what_they_print_and_sort_by_severity() {
    let cal = Calendar::munich();
    let due = |s: &str| cal.parse_datetime(s).unwrap().with_timezone(&cal.zone());
    let hours = BusinessDuration::from_hours;
    let mut statuses = vec![
        SlaStatus::Breached {
            overdue: hours(1),
            due: due("2026-12-21T15:00"),
        },
        SlaStatus::Pending {
            remaining: hours(3),
            due: due("2026-12-21T15:00"),
        },
        SlaStatus::Met {
            margin: hours(2),
            due: due("2026-12-21T15:00"),
        },
        SlaStatus::AtRisk {
            remaining: hours(1),
            due: due("2026-12-21T15:00"),
        },
        SlaStatus::Pending {
            remaining: hours(1),
            due: due("2026-12-22T15:00"),
        },
        SlaStatus::Breached {
            overdue: hours(5),
            due: due("2026-12-21T15:00"),
        },
        SlaStatus::Met {
            margin: hours(0),
            due: due("2026-12-21T15:00"),
        },
    ];
    for status in &statuses {
        assert_eq!(&status.to_string().parse::<SlaStatus>().unwrap(), status);
    }
    statuses.sort();
    let names: Vec<String> = statuses.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        names,
        [
            "met with 2h to spare, due 2026-12-21T15:00:00+01:00[Europe/Berlin]",
            "met with 0s to spare, due 2026-12-21T15:00:00+01:00[Europe/Berlin]",
            "pending: 3h left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]",
            "pending: 1h left, due 2026-12-22T15:00:00+01:00[Europe/Berlin]",
            "at risk: 1h left, due 2026-12-21T15:00:00+01:00[Europe/Berlin]",
            "breached by 1h, was due 2026-12-21T15:00:00+01:00[Europe/Berlin]",
            "breached by 5h, was due 2026-12-21T15:00:00+01:00[Europe/Berlin]",
        ]
    );
    let err = "late".parse::<SlaStatus>().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Status);
}

#[test]
fn pauses_thresholds_and_targets_are_their_text() {
    let pause: Pause = "2026-12-21T11:00:00Z/2026-12-21T13:00:00Z".parse().unwrap();
    round_trip(&pause, r#""2026-12-21T11:00:00Z/2026-12-21T13:00:00Z""#);
    round_trip(&Pause::since(pause.start()), r#""2026-12-21T11:00:00Z/..""#);
    round_trip(&RiskThreshold::percent(75).unwrap(), r#""75%""#);
    round_trip(&ResponseTarget::BusinessDays(2), r#"{"business_days":2}"#);
    for target in [
        ResponseTarget::BusinessMinutes(1),
        ResponseTarget::BusinessHours(4),
        ResponseTarget::BusinessDays(5),
    ] {
        assert_eq!(
            target.to_string().parse::<ResponseTarget>().unwrap(),
            target
        );
    }
    round_trip(&Priority::Urgent, r#""urgent""#);
    let policy = Policy::default();
    assert_eq!(
        serde_json::from_str::<Policy>(&serde_json::to_string(&policy).unwrap()).unwrap(),
        policy
    );
}

#[test]
fn answers_go_to_json_and_back() {
    let cal = Calendar::munich();
    let at = |s: &str| cal.parse_datetime(s).unwrap();
    let windows = cal
        .open_windows(&at("2026-12-21T12:00"), &at("2026-12-22T11:00"))
        .unwrap();
    round_trip(
        &windows[0],
        r#"{"start":"2026-12-21T12:00:00+01:00","end":"2026-12-21T18:00:00+01:00","zone":"Europe/Berlin"}"#,
    );
    let clock = SlaClock::new(
        &cal,
        &at("2026-12-23T15:00"),
        BusinessDuration::from_hours(16),
    )
    .unwrap()
    .with_pauses([Pause::new(at("2026-12-23T16:00"), at("2026-12-23T16:30")).unwrap()])
    .unwrap();
    let explanation = clock.explain().unwrap();
    let json = serde_json::to_string(&explanation).unwrap();
    assert!(
        json.contains(
            r#"{"step":"paused","from":"2026-12-23T16:00:00+01:00","to":"2026-12-23T16:30:00+01:00","zone":"Europe/Berlin"}"#
        ),
        "{json}"
    );
    assert!(
        json.contains(r#"{"step":"skipped","date":"2026-12-25","reason":{"holiday":"#),
        "{json}"
    );
    assert!(
        json.starts_with(
            r#"{"created":"2026-12-23T15:00:00+01:00","zone":"Europe/Berlin","target_ns":57600000000000,"#
        ),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<Explanation>(&json).unwrap(),
        explanation
    );
    let status = clock.status(&at("2026-12-24T12:00")).unwrap();
    assert_eq!(
        serde_json::from_str::<SlaStatus>(&serde_json::to_string(&status).unwrap()).unwrap(),
        status
    );
    let holidays = cal.holidays(2026).unwrap();
    let json = serde_json::to_string(&holidays[0]).unwrap();
    assert_eq!(
        json,
        r#"{"date":"2026-01-01","names":[{"de":"Neujahr","en":"New Year's Day"}]}"#
    );
    assert_eq!(serde_json::from_str::<Holiday>(&json).unwrap(), holidays[0]);
    assert_eq!(
        holidays[0].date,
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    );
}

#[test]
fn calendar_file_errors_say_where() {
    let cases = [
        (
            "{\n  \"time_zone\": \"Europe/Munich\",\n  \"week\": {\"monday\": [\"10:00-18:00\"]}, \"holidays\": []\n}",
            ErrorKind::Calendar,
            "calendar JSON, line 2 column 30: unknown time zone 'Europe/Munich'; expected an IANA \
             zone name such as 'Europe/Berlin' (closest: Europe/Zurich, Europe/Monaco, Europe/Minsk)",
        ),
        (
            "{\"time_zone\": \"Europe/Berlin\",\n \"week\": {\"monday\": [\"10:00-13:00\", \"12:00-18:00\"]}, \"holidays\": []}",
            ErrorKind::Calendar,
            "calendar JSON, line 2 column 51: opening windows 10:00-13:00 and 12:00-18:00 on monday overlap",
        ),
        (
            "{\"time_zone\": \"Europe/Berlin\", \"week\": {\"monday\": [\"10:00-18:00\"]}, \"holidays\": [],\n \"closures\": [\"2100-01-01\"]}",
            ErrorKind::Calendar,
            "calendar JSON, line 2 column 28: closure date 2100-01-01 is outside the supported range \
             1995-01-01 to 2099-12-31",
        ),
        (
            "{\"time_zone\": \"Europe/Berlin\", \"week\": {\"monday\": [\"10:00-18:00\"]},\n \"holidays\": [{\"date\": {\"kind\": \"fixed\", \"month\": 2, \"day\": 30}, \"name\": {\"de\": \"X\", \"en\": \"Y\"}}]}",
            ErrorKind::Calendar,
            "calendar JSON, line 2 column 97: invalid holiday rule 'Y': month 2, day 30 is not a date",
        ),
        (
            "{\"time_zone\": \"Europe/Berlin\", \"week\": {\"monday\": [\"10:00-18:00\"]}}",
            ErrorKind::Json,
            "calendar JSON, line 1 column 67: missing field `holidays`",
        ),
        (
            "{\"time_zone\": \"Europe/Berlin\", \"week\": {\"monday\": [\"10:00-18:00\"]}, \"holidays\": \"DE-XX\"}",
            ErrorKind::Calendar,
            "",
        ),
        (
            "{\"time_zone\": \"Europe/Berlin\", \"week\": {\"monday\": [\"25:00-26:00\"]}, \"holidays\": []}",
            ErrorKind::Calendar,
            "",
        ),
        (
            "{\"time_zone\": ",
            ErrorKind::Json,
            "calendar JSON, line 1 column 14: EOF while parsing a value",
        ),
    ];
    for (json, kind, message) in cases {
        let err = Calendar::from_json(json).unwrap_err();
        assert_eq!(err.kind(), kind, "{json}: {err}");
        if !message.is_empty() {
            assert_eq!(err.to_string(), message, "{json}");
        }
        // The same with a byte order mark in front, as some editors save.
        let with_bom = format!("\u{feff}{json}");
        assert_eq!(Calendar::from_json(&with_bom).unwrap_err().kind(), kind);
    }
}

/// Each error kind a loader can meet, reached through that loader, with
/// its kind intact and its position in the text.
#[test]
fn every_loader_keeps_every_kind() {
    let week = r#""week": {"monday": ["10:00-18:00"]}"#;
    let calendar = |rest: &str| format!(r#"{{"time_zone": "Europe/Berlin", {week}, {rest}}}"#);
    let calendars = [
        ("not json", ErrorKind::Json),
        (r#"{"time_zone": "Europe/Berlin"}"#, ErrorKind::Json),
        (&calendar(r#""holidays": [], "extra": 1"#), ErrorKind::Json),
        (
            r#"{"time_zone": "Mars/Olympus", "week": {}, "holidays": []}"#,
            ErrorKind::Calendar,
        ),
        (&calendar(r#""holidays": "XX-YY""#), ErrorKind::Calendar),
        (
            &calendar(r#""holidays": [], "closures": ["2026-13-01"]"#),
            ErrorKind::Calendar,
        ),
        (
            &calendar(r#""holidays": [], "business_day_seconds": 0"#),
            ErrorKind::Calendar,
        ),
    ];
    for (text, kind) in calendars {
        let err = Calendar::from_json(text).unwrap_err();
        assert_eq!(err.kind(), kind, "{text}: {err}");
        assert!(err.to_string().starts_with("calendar JSON"), "{err}");
    }
    let many_rules: Vec<String> = (0..=limits::MAX_HOLIDAY_RULES)
        .map(|i| {
            format!(
                r#"{{"date": {{"kind": "fixed", "month": 1, "day": {}}}, "name": {{"de": "X{i}", "en": "Y{i}"}}}}"#,
                i % 28 + 1
            )
        })
        .collect();
    let err = Calendar::from_json(&calendar(&format!(
        r#""holidays": [{}]"#,
        many_rules.join(",")
    )))
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Limit, "{err}");

    for (text, kind) in [
        ("[]", ErrorKind::Json),
        (
            r#"{"urgent": {"business_hours": -4}, "high": {"business_days": 1}, "normal": {"business_days": 2}, "low": {"business_days": 5}}"#,
            ErrorKind::Json,
        ),
    ] {
        let err = Policy::from_json(text).unwrap_err();
        assert_eq!(err.kind(), kind, "{text}: {err}");
        assert!(
            err.to_string().starts_with("policy JSON, line 1 column "),
            "{err}"
        );
    }
    let err = LifecyclePolicy::from_json("{}").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Json, "{err}");

    for (text, kind) in [
        (
            r#"{"at": "2026-12-21T10:00", "kind": "solved"}"#,
            ErrorKind::DateTime,
        ),
        (
            r#"{"at": "2026-12-21T10:00:00Z", "kind": "closed"}"#,
            ErrorKind::Event,
        ),
        (
            r#"{"at": "2026-12-21T10:00:00Z", "kind": "created", "priority": "asap"}"#,
            ErrorKind::Priority,
        ),
        (r#"{"at": "2026-12-21T10:00:00Z"}"#, ErrorKind::Json),
    ] {
        let err = Event::from_json(text).unwrap_err();
        assert_eq!(err.kind(), kind, "{text}: {err}");
    }
    // Kinds travel as their names.
    for kind in ErrorKind::ALL {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.name()));
        assert_eq!(serde_json::from_str::<ErrorKind>(&json).unwrap(), kind);
    }
}
