//! The JSON Schemas in `data/schema/` (feature `schema`): current, valid
//! schemas, and in agreement with the crate's loaders on every template in
//! `data/` and on a set of right and wrong documents, checked with an
//! independent validator (the `jsonschema` crate).

use std::path::{Path, PathBuf};

use jsonschema::Validator;
use serde_json::{Value, json};
use sla_clock::schema::Format;
use sla_clock::{Calendar, Event, LifecyclePolicy, Policy, PriorityTexts};

/// The repository's `data/` directory, two levels above this crate.
fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// A file in `data/`, as text.
fn data(name: &str) -> String {
    let path = data_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// How to write the files anew after a change to the formats.
const REFRESH: &str = "SLA_WRITE_SCHEMAS=1 cargo test -p sla-clock-schema-check";

fn schema_dir() -> PathBuf {
    data_dir().join("schema")
}

/// A schema as the file holds it: pretty JSON with a final line end.
fn file_text(format: Format) -> String {
    serde_json::to_string_pretty(&format.schema()).unwrap() + "\n"
}

#[test]
fn checked_in_schemas_are_current() {
    let dir = schema_dir();
    if std::env::var_os("SLA_WRITE_SCHEMAS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for format in Format::ALL {
            std::fs::write(dir.join(format.file_name()), file_text(format)).unwrap();
        }
    }
    let stale: Vec<&str> = Format::ALL
        .into_iter()
        .filter(|&format| {
            std::fs::read_to_string(dir.join(format.file_name())).ok() != Some(file_text(format))
        })
        .map(Format::file_name)
        .collect();
    assert!(
        stale.is_empty(),
        "data/schema/ is out of date ({}): the types' schemas changed. Write the files anew \
         with\n\n    {REFRESH}\n\nand commit them with the change.",
        stale.join(", ")
    );
    // Nothing else lives there: a file for a format that is gone would
    // go on being published.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != ".gitattributes")
        .collect();
    names.sort();
    let mut expected: Vec<String> = Format::ALL.map(|f| f.file_name().to_string()).into();
    expected.sort();
    assert_eq!(names, expected);
}

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema() {
    for format in Format::ALL {
        let schema = format.schema();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("{}: {e} at {}", format.file_name(), e.instance_path());
        }
    }
}

/// The validator of a format's schema, as generated: the same as the
/// checked-in file while `checked_in_schemas_are_current` passes (and
/// while that test writes the files, the others need not wait for it).
fn validator(format: Format) -> Validator {
    jsonschema::draft202012::new(&format.schema())
        .unwrap_or_else(|e| panic!("{}: {e}", format.file_name()))
}

/// The schema's errors for `document`, each with where it points.
fn schema_errors(validator: &Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|e| format!("{} (at '{}')", e, e.instance_path()))
        .collect()
}

/// What the crate's loader says about `text`.
fn loads(format: Format, text: &str) -> Result<(), String> {
    let result = match format {
        Format::Calendar => Calendar::from_json(text).map(drop),
        Format::Policy => Policy::from_json(text).map(drop),
        Format::LifecyclePolicy => LifecyclePolicy::from_json(text).map(drop),
        Format::Event => Event::from_json(text).map(drop),
        Format::PriorityTexts => {
            return serde_json::from_str::<PriorityTexts>(text)
                .map(drop)
                .map_err(|e| e.to_string());
        }
    };
    result.map_err(|e| e.to_string())
}

/// Checks that the schema and the loader both accept `document`.
fn both_accept(format: Format, document: &Value) {
    let text = document.to_string();
    if let Err(e) = loads(format, &text) {
        panic!("the loader refuses {text}: {e}");
    }
    let errors = schema_errors(&validator(format), document);
    assert!(
        errors.is_empty(),
        "{} refuses {text}, which loads: {errors:#?}",
        format.file_name()
    );
}

/// Checks that the schema and the loader both refuse `document`.
fn both_refuse(format: Format, document: &Value) {
    let text = document.to_string();
    assert!(loads(format, &text).is_err(), "the loader accepts {text}");
    assert!(
        !validator(format).is_valid(document),
        "{} accepts {text}, which does not load: {}",
        format.file_name(),
        loads(format, &text).unwrap_err()
    );
}

/// Checks that the loader refuses `document` for a reason between values
/// that the schema leaves to it (see the `schema` module's documentation).
fn only_the_loader_refuses(format: Format, document: &Value) {
    let text = document.to_string();
    assert!(loads(format, &text).is_err(), "the loader accepts {text}");
    assert!(
        validator(format).is_valid(document),
        "{} refuses {text} after all: move it to the cases both refuse",
        format.file_name()
    );
}

#[test]
fn every_template_in_data_is_valid_under_its_schema() {
    let dir = data_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for name in names {
        let formats: &[Format] = match name.as_str() {
            "munich-calendar.json" | "support-desk-calendar.json" => &[Format::Calendar],
            // The flat form of a lifecycle policy is a policy.
            "default-policy.json" => &[Format::Policy, Format::LifecyclePolicy],
            "lifecycle-policy.json" => &[Format::LifecyclePolicy],
            "priority-texts.json" => &[Format::PriorityTexts],
            other => panic!("data/{other} has no schema here: name its format in this test"),
        };
        let document: Value = serde_json::from_str(&data(&name)).unwrap();
        for &format in formats {
            assert_eq!(loads(format, &data(&name)), Ok(()), "{name}");
            let errors = schema_errors(&validator(format), &document);
            assert!(errors.is_empty(), "{name}: {errors:#?}");
        }
    }
}

/// `data/example-events.jsonl` is the `tickets` example's input, which
/// also takes local date-times (read in the calendar's zone). An event
/// on its own has no zone, so `Event::from_json` and the schema take the
/// lines whose instant has an offset, and refuse the others for their
/// instant alone.
#[test]
fn the_example_events_agree_with_the_event_schema_line_by_line() {
    let validator = validator(Format::Event);
    let mut valid = 0;
    for (number, line) in data("example-events.jsonl").lines().enumerate() {
        let event: Value = serde_json::from_str(line).unwrap();
        let errors = schema_errors(&validator, &event);
        let local = !event["at"].as_str().unwrap().contains(['+', 'Z']);
        if local {
            assert!(loads(Format::Event, line).is_err(), "line {}", number + 1);
            assert!(
                !errors.is_empty() && errors.iter().all(|e| e.ends_with("(at '/at')")),
                "line {}: {errors:#?}",
                number + 1
            );
        } else {
            assert_eq!(loads(Format::Event, line), Ok(()), "line {}", number + 1);
            assert!(errors.is_empty(), "line {}: {errors:#?}", number + 1);
            valid += 1;
        }
        // The same event with an offset is valid either way.
        let mut zoned = event.clone();
        if local {
            zoned["at"] = json!(format!("{}:00+01:00", event["at"].as_str().unwrap()));
        }
        both_accept(Format::Event, &zoned);
    }
    assert!(valid >= 1);
}

// ---------------------------------------------------------------------------
// Calendars
// ---------------------------------------------------------------------------

/// A small valid calendar, changed by `edit`.
fn calendar(edit: impl FnOnce(&mut Value)) -> Value {
    let mut doc = json!({
        "time_zone": "Europe/Berlin",
        "week": {"monday": ["10:00-18:00"]},
        "holidays": [],
    });
    edit(&mut doc);
    doc
}

fn rule(date: Value) -> Value {
    json!({"date": date, "name": {"de": "Tag", "en": "Day"}})
}

#[test]
fn calendars_the_loader_takes_are_valid() {
    let cases = [
        calendar(|_| {}),
        calendar(|c| c["holidays"] = json!("de-by-muc")),
        calendar(|c| c["holidays"] = json!("CH-zh")),
        calendar(|c| {
            c["week"] = json!({
                "monday": ["00:00-24:00"],
                "tuesday": ["09:00:30-12:00", "13:00-17:59:59"],
                "thursday": ["8:00-9:30", "9:45:10-12:00"],
                "wednesday": [],
                "saturday": [" 10:00 - 14:00\t", "15:00\u{a0}-16:00"],
            });
        }),
        calendar(|c| c["business_day_seconds"] = json!(28_800)),
        calendar(|c| c["business_day_seconds"] = json!(86_400)),
        calendar(|c| c["business_day_seconds"] = Value::Null),
        calendar(|c| c["closures"] = json!(["1995-01-01", "2026-12-28/2027-01-01", "2099-12-31"])),
        calendar(|c| {
            c["special_hours"] = json!([
                {"date": "2026-12-24", "windows": ["10:00-14:00"]},
                {"date": "2026-12-28/2026-12-30", "windows": []},
            ]);
        }),
        calendar(|c| {
            c["holidays"] = json!([
                rule(json!({"kind": "fixed", "month": 2, "day": 29})),
                rule(json!({"kind": "easter", "offset": -80})),
                rule(json!({"kind": "easter", "offset": 250})),
                rule(json!({"kind": "once", "date": "2017-10-31"})),
                // As chrono reads a date.
                rule(json!({"kind": "once", "date": "2017-1-5"})),
                rule(json!({"kind": "once", "date": " 2017 - 10 - 31 "})),
                rule(json!({"kind": "once", "date": "+2099-12-31"})),
                rule(json!({"kind": "weekday_before", "weekday": "wednesday", "month": 11, "day": 23})),
                rule(json!({"kind": "fixed_on_weekdays", "month": 12, "day": 26, "weekdays": ["monday", "monday"]})),
                {
                    "date": {"kind": "fixed", "month": 8, "day": 1},
                    "name": {"de": "Bundesfeier", "en": "Swiss National Day", "local": "Fête nationale"},
                    "first_year": 1995,
                    "last_year": null,
                },
                {
                    "date": {"kind": "fixed", "month": 3, "day": 8},
                    "name": {"de": "Frauentag", "en": "Women's Day", "local": null},
                    "first_year": null,
                    "last_year": -5,
                },
            ]);
        }),
        calendar(|c| c["time_zone"] = json!("Etc/GMT+1")),
        calendar(|c| c["time_zone"] = json!("America/Port-au-Prince")),
        calendar(|c| c["week"] = json!({"sunday": ["10:00-11:00"]})),
        // Every limit, exactly reached.
        calendar(|c| {
            let windows: Vec<String> = (0..24).map(|h| format!("{h:02}:00-{h:02}:30")).collect();
            c["week"] = json!({"friday": windows});
            let rules: Vec<Value> = (0..1000)
                .map(|_| rule(json!({"kind": "fixed", "month": 1, "day": 1})))
                .collect();
            c["holidays"] = json!(rules);
        }),
    ];
    for case in &cases {
        both_accept(Format::Calendar, case);
    }
}

#[test]
fn calendar_mistakes_are_refused_by_the_schema_too() {
    let cases = [
        // The brief's own: no holidays, an unknown field, a bad window.
        calendar(|c| {
            c.as_object_mut().unwrap().remove("holidays");
        }),
        calendar(|c| c["timezone"] = json!("Europe/Berlin")),
        calendar(|c| c["week"]["monday"] = json!(["25:00-26:00"])),
        calendar(|c| {
            c.as_object_mut().unwrap().remove("time_zone");
        }),
        calendar(|c| {
            c.as_object_mut().unwrap().remove("week");
        }),
        calendar(|c| c["time_zone"] = json!("Europe/Munich")),
        calendar(|c| c["time_zone"] = json!("europe/berlin")),
        calendar(|c| c["holidays"] = json!("DE-XX")),
        calendar(|c| c["holidays"] = json!("DE-BY ")),
        calendar(|c| c["holidays"] = Value::Null),
        calendar(|c| c["week"] = json!({})),
        calendar(|c| c["week"] = json!({"monday": [], "friday": []})),
        calendar(|c| c["week"]["mon"] = json!(["10:00-18:00"])),
        calendar(|c| c["week"]["monday"] = json!(["10-18"])),
        calendar(|c| c["week"]["monday"] = json!(["10:00-24:01"])),
        calendar(|c| c["week"]["monday"] = json!(["10:00–18:00"])),
        calendar(|c| c["week"]["monday"] = json!(["100:00-18:00"])),
        calendar(|c| c["week"]["monday"] = json!(["8:0-18:00"])),
        calendar(|c| c["week"]["monday"] = json!([":00-18:00"])),
        calendar(|c| c["week"]["monday"] = json!("10:00-18:00")),
        calendar(|c| c["week"]["monday"] = Value::Null),
        calendar(|c| {
            let windows: Vec<String> = (0..25).map(|m| format!("10:{m:02}-10:{m:02}:30")).collect();
            c["week"]["tuesday"] = json!(windows);
        }),
        calendar(|c| c["closures"] = json!(["2100-01-01"])),
        calendar(|c| c["closures"] = json!(["1994-12-31/1995-01-02"])),
        calendar(|c| c["closures"] = json!(["2026-12-24 "])),
        calendar(|c| c["closures"] = json!(["2026-1-24"])),
        calendar(|c| c["closures"] = json!(["2026-12-24/"])),
        calendar(|c| c["closures"] = Value::Null),
        calendar(|c| c["special_hours"] = json!([{"date": "2026-12-24"}])),
        calendar(|c| {
            c["special_hours"] = json!([{"date": "2026-12-24", "windows": [], "note": "x"}])
        }),
        calendar(|c| c["business_day_seconds"] = json!(0)),
        calendar(|c| c["business_day_seconds"] = json!(86_401)),
        calendar(|c| c["business_day_seconds"] = json!("28800")),
        calendar(|c| c["holidays"] = json!([rule(json!({"kind": "floating"}))])),
        calendar(|c| {
            c["holidays"] = json!([rule(json!({"kind": "fixed", "month": 13, "day": 1}))])
        }),
        calendar(|c| c["holidays"] = json!([rule(json!({"kind": "fixed", "month": 1, "day": 0}))])),
        calendar(|c| c["holidays"] = json!([rule(json!({"kind": "fixed", "month": 1}))])),
        calendar(|c| {
            c["holidays"] = json!([rule(
                json!({"kind": "fixed", "month": 1, "day": 1, "year": 2026})
            )])
        }),
        calendar(|c| c["holidays"] = json!([rule(json!({"kind": "easter", "offset": 251}))])),
        calendar(|c| c["holidays"] = json!([rule(json!({"kind": "once", "date": "2100-01-01"}))])),
        calendar(|c| {
            c["holidays"] = json!([rule(json!({"kind": "once", "date": "2017-10-31T00:00"}))])
        }),
        calendar(|c| {
            c["holidays"] = json!([rule(
                json!({"kind": "weekday_before", "weekday": "Wednesday", "month": 11, "day": 23})
            )])
        }),
        calendar(|c| {
            c["holidays"] = json!([rule(
                json!({"kind": "fixed_on_weekdays", "month": 12, "day": 26, "weekdays": []})
            )])
        }),
        calendar(|c| {
            c["holidays"] = json!([{"date": {"kind": "fixed", "month": 1, "day": 1}, "name": {"de": "Neujahr"}}]);
        }),
        calendar(|c| {
            let mut r = rule(json!({"kind": "fixed", "month": 1, "day": 1}));
            r["first_year"] = json!(1.5);
            c["holidays"] = json!([r]);
        }),
        calendar(|c| {
            let rules: Vec<Value> = (0..1001)
                .map(|_| rule(json!({"kind": "fixed", "month": 1, "day": 1})))
                .collect();
            c["holidays"] = json!(rules);
        }),
        json!([]),
        json!("Europe/Berlin"),
    ];
    for case in &cases {
        both_refuse(Format::Calendar, case);
    }
}

#[test]
fn calendar_mistakes_between_values_are_left_to_the_loader() {
    let cases = [
        calendar(|c| c["week"]["monday"] = json!(["18:00-10:00"])),
        calendar(|c| c["week"]["monday"] = json!(["10:00-10:00"])),
        calendar(|c| c["week"]["monday"] = json!(["10:00-13:00", "12:00-18:00"])),
        calendar(|c| c["closures"] = json!(["2026-02-30"])),
        calendar(|c| c["closures"] = json!(["2027-01-01/2026-12-24"])),
        calendar(|c| {
            c["holidays"] = json!([rule(json!({"kind": "fixed", "month": 2, "day": 30}))])
        }),
        calendar(|c| {
            c["holidays"] = json!([rule(
                json!({"kind": "weekday_before", "weekday": "monday", "month": 1, "day": 7})
            )])
        }),
        calendar(|c| {
            let mut r = rule(json!({"kind": "fixed", "month": 1, "day": 1}));
            r["first_year"] = json!(2030);
            r["last_year"] = json!(2020);
            c["holidays"] = json!([r]);
        }),
    ];
    for case in &cases {
        only_the_loader_refuses(Format::Calendar, case);
    }
}

// ---------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------

fn targets() -> Value {
    json!({
        "urgent": {"business_hours": 4},
        "high": {"business_days": 1},
        "normal": {"business_days": 2},
        "low": {"business_minutes": 0},
    })
}

#[test]
fn policies_agree_with_the_loader() {
    both_accept(Format::Policy, &targets());
    let mut big = targets();
    big["low"] = json!({"business_days": u32::MAX});
    both_accept(Format::Policy, &big);
    let edits: [fn(&mut Value); 9] = [
        |p| {
            p.as_object_mut().unwrap().remove("low");
        },
        |p| p["critical"] = json!({"business_hours": 1}),
        |p| p["urgent"] = json!({"business_hours": -1}),
        |p| p["urgent"] = json!({"business_hours": 4_294_967_296_u64}),
        |p| p["urgent"] = json!({"business_hours": 4, "business_days": 1}),
        |p| p["urgent"] = json!({"hours": 4}),
        |p| p["urgent"] = json!({}),
        |p| p["urgent"] = json!("4 business hours"),
        |p| p["urgent"] = Value::Null,
    ];
    for edit in edits {
        let mut policy = targets();
        edit(&mut policy);
        both_refuse(Format::Policy, &policy);
    }
}

#[test]
fn lifecycle_policies_agree_with_the_loader() {
    let accepted = [
        json!({"resolution": targets()}),
        json!({"first_response": targets(), "next_response": null}),
        json!({"first_response": null, "periodic_update": targets()}),
        targets(),
        // The flat form with metrics that are null, as left out.
        {
            let mut flat = targets();
            flat["resolution"] = Value::Null;
            flat
        },
    ];
    for case in &accepted {
        both_accept(Format::LifecyclePolicy, case);
    }
    let refused = [
        json!({}),
        json!({"first_response": null}),
        json!({"resolution": targets(), "urgent": {"business_hours": 4}}),
        json!({"resolution": targets(), "urgent": null, "sla": 1}),
        json!({"urgent": {"business_hours": 4}, "high": {"business_days": 1}}),
        {
            let mut flat = targets();
            flat["urgent"] = Value::Null;
            flat
        },
        json!({"resolution": {"urgent": {"business_hours": 4}}}),
        json!({"first_response": []}),
        json!([targets()]),
    ];
    for case in &refused {
        both_refuse(Format::LifecyclePolicy, case);
    }
}

#[test]
fn priority_texts_agree_with_the_loader() {
    let texts: Value = serde_json::from_str(&data("priority-texts.json")).unwrap();
    both_accept(Format::PriorityTexts, &texts);
    let mut missing = texts.clone();
    missing["low"].as_object_mut().unwrap().remove("effort");
    both_refuse(Format::PriorityTexts, &missing);
    let mut extra = texts.clone();
    extra["urgent"]["definition"]["fr"] = json!("Panne totale");
    both_refuse(Format::PriorityTexts, &extra);
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

#[test]
fn events_the_loader_takes_are_valid() {
    let at = "2026-12-21T10:00:00+01:00";
    let cases = [
        json!({"at": at, "kind": "created", "priority": "urgent"}),
        json!({"at": at, "kind": "created", "priority": "Dringend"}),
        json!({"at": at, "kind": "priority_changed", "priority": "NIEDRIG"}),
        json!({"at": at, "kind": "priority_changed", "priority": "hoch"}),
        json!({"at": at, "kind": "solved"}),
        json!({"at": at, "kind": "agent_reply", "priority": null}),
        json!({"at": at, "kind": "waiting", "ticket": "T-1", "author": {"id": 7}}),
        json!({"at": "2026-12-21T09:00:00Z", "kind": "customer_reply"}),
        json!({"at": "2026-12-21t09:00:00.123456789z", "kind": "reopened"}),
        json!({"at": "2026-12-21T10:00:00-23:59", "kind": "reopened"}),
        json!({"at": "0001-01-01T00:00:00Z", "kind": "reopened"}),
        json!({"at": "2026-12-21T10:00:00+01:00[Europe/Berlin]", "kind": "solved"}),
        json!({"at": "2026-12-21T09:00:00Z[Etc/GMT+0]", "kind": "solved"}),
    ];
    for case in &cases {
        both_accept(Format::Event, case);
    }
}

#[test]
fn event_mistakes_are_refused_by_the_schema_too() {
    let at = "2026-12-21T10:00:00+01:00";
    let cases = [
        // The brief's own: a priority on solved, an unknown kind.
        json!({"at": at, "kind": "solved", "priority": "high"}),
        json!({"at": at, "kind": "closed"}),
        json!({"at": at, "kind": "Solved"}),
        json!({"at": at, "kind": "created"}),
        json!({"at": at, "kind": "created", "priority": null}),
        json!({"at": at, "kind": "priority_changed"}),
        json!({"at": at, "kind": "created", "priority": "critical"}),
        json!({"at": at, "kind": "created", "priority": "urgent "}),
        json!({"at": at, "kind": "created", "priority": 1}),
        json!({"at": at, "kind": "waiting", "priority": 1}),
        json!({"at": at, "kind": 3}),
        json!({"at": at}),
        json!({"kind": "solved"}),
        json!({"at": "2026-12-21T10:00", "kind": "solved"}),
        json!({"at": "2026-12-21T10:00:00", "kind": "solved"}),
        json!({"at": "2026-12-21 10:00:00Z", "kind": "solved"}),
        json!({"at": "2026-12-21T10:00Z", "kind": "solved"}),
        json!({"at": "2026-12-21T10:00:60Z", "kind": "solved"}),
        json!({"at": "2026-12-21T24:00:00Z", "kind": "solved"}),
        json!({"at": "2026-13-21T10:00:00Z", "kind": "solved"}),
        json!({"at": "2026-12-21T10:00:00+24:00", "kind": "solved"}),
        json!({"at": "2026-12-21T10:00:00+0100", "kind": "solved"}),
        json!({"at": "2026-12-21T10:00:00.Z", "kind": "solved"}),
        json!({"at": "+2026-12-21T10:00:00Z", "kind": "solved"}),
        json!({"at": 1_766_307_600, "kind": "solved"}),
        json!({"at": "2026-12-21T10:00:00+01:00[Europe Berlin]", "kind": "solved"}),
        json!([at, "solved"]),
    ];
    for case in &cases {
        both_refuse(Format::Event, case);
    }
}

#[test]
fn event_mistakes_between_values_are_left_to_the_loader() {
    let cases = [
        json!({"at": "2026-02-30T10:00:00Z", "kind": "solved"}),
        json!({"at": "2026-12-21T10:00:00+02:00[Europe/Berlin]", "kind": "solved"}),
        json!({"at": "2026-12-21T10:00:00+01:00[Mars/Olympus_Mons]", "kind": "solved"}),
    ];
    for case in &cases {
        only_the_loader_refuses(Format::Event, case);
    }
}

#[test]
fn a_combined_calendar_without_a_week_is_valid_and_loads() {
    // A union's configuration has no weekly hours: special hours give
    // every date its hours. The schema takes it (special hours present);
    // an empty week without them stays refused by both.
    let new_york = Calendar::builder(sla_clock::chrono_tz::America::New_York)
        .weekdays("09:00-17:00")
        .build()
        .unwrap();
    let desks = Calendar::union(sla_clock::chrono_tz::UTC, &[&Calendar::munich(), &new_york])
        .unwrap()
        .build()
        .unwrap();
    let config = serde_json::to_value(sla_clock::CalendarConfig::from(&desks)).unwrap();
    let days = config["week"].as_object().unwrap();
    assert!(
        days.values().all(|windows| windows == &json!([])),
        "{days:?}"
    );
    both_accept(Format::Calendar, &config);
}
