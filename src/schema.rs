//! JSON Schemas (draft 2020-12) of the files the crate reads: calendars,
//! policies, lifecycle policies, events and priority texts, so that a
//! service can validate its configuration before it deploys it, with any
//! JSON Schema validator and in any language.
//!
//! Feature `schema`. The schemas are generated from the crate's types
//! (their [`schemars::JsonSchema`] implementations, written here by hand
//! to mirror what each type's serde implementation accepts) and checked
//! into the repository as `data/schema/*.schema.json`; a test keeps the
//! files current and checks every template in `data/` against them.
//!
//! # What a schema checks, and what only the loader does
//!
//! A schema checks the shape of a file: the fields each object must and
//! may have (an unknown field is an error where the loader says so), the
//! type of every value, the kinds of holiday rules and events, the text
//! forms of times of day (`"10:00"`, `"24:00"`), opening windows
//! (`"10:00-18:00"`), dates and ranges of dates (`"2026-12-24"`,
//! `"2026-12-24/2027-01-01"`, within 1995 to 2099), instants (RFC 3339,
//! or RFC 9557 with a zone in brackets), time zone names, region codes and
//! priority names (English or German, in any letter case), the ranges of
//! numbers, and the limits of [`limits`](crate::limits) that count items
//! of a list (windows per day, holiday rules).
//!
//! Whatever a schema accepts that the loader refuses is a rule between
//! values, which JSON Schema cannot state or states only clumsily: a window
//! that ends before it starts, windows that overlap, a date that does not
//! exist (`"2026-02-30"`), a range that ends before it starts, a first year
//! after the last, the weekday before 1 to 7 January, closures and special
//! hours counted in dates rather than entries, an event's offset that is
//! not its zone's. So a file the schema refuses does not load, and one it
//! accepts almost always does; [`Calendar::from_json`](crate::Calendar::from_json)
//! and the other loaders remain the final word, with the line and column.
//!
//! A schema describes the object form of each file, the one the crate
//! writes and documents (serde would also read a struct from an array of
//! its fields in order, which no file of this crate's is).
//!
//! Patterns use only what ECMA-262 (the dialect JSON Schema names), Rust's
//! `regex` and Python's `re` have in common: no inline flags, so names
//! read in any letter case are spelled `[uU][rR][gG]...`, and explicit
//! character classes rather than `\d` and `\s`, whose meaning differs.
//!
//! # Example
//!
//! ```
//! use sla_clock::schema::{self, Format};
//!
//! let calendar = schema::calendar();
//! assert_eq!(calendar["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(calendar["required"], serde_json::json!(["time_zone", "week", "holidays"]));
//! // The checked-in file is this, pretty-printed.
//! assert_eq!(Format::Calendar.file_name(), "calendar.schema.json");
//! ```
//!
//! The types implement [`schemars::JsonSchema`], so a service's own
//! configuration can embed them: with schemars' `derive` feature,
//! `#[derive(JsonSchema)]` on a struct with a `calendar: Calendar` field
//! refers to the calendar's schema, as this does.
//!
//! ```
//! use schemars::SchemaGenerator;
//!
//! let mut generator = SchemaGenerator::default();
//! let calendar = generator.subschema_for::<sla_clock::Calendar>();
//! assert_eq!(calendar.get("$ref").unwrap(), "#/$defs/CalendarConfig");
//! assert!(generator.definitions().contains_key("HolidayRule"));
//! ```

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value, json};

use crate::date_range::DateRange;
use crate::holidays::{HolidayDate, HolidayName, HolidayRule};
use crate::limits::{MAX_CLOSURES, MAX_HOLIDAY_RULES, MAX_SPECIAL_DATES, MAX_WINDOWS_PER_DAY};
use crate::policy::{Policy, PriorityText, PriorityTexts, ResponseTarget, Text};
use crate::priority::{Language, Priority};
use crate::schedule::{DailyWindow, TimeOfDay, WEEKDAY_NAMES};
use crate::special_hours::SpecialHours;
use crate::{
    Calendar, CalendarConfig, Event, EventKind, HolidaySet, LifecyclePolicy, Metric, WeekConfig,
};

/// One of the file formats the crate reads, each with its schema.
///
/// # Example
///
/// ```
/// use sla_clock::schema::Format;
///
/// for format in Format::ALL {
///     let schema = format.schema();
///     assert_eq!(schema["title"].as_str().unwrap(), format.title());
/// }
/// assert_eq!(Format::LifecyclePolicy.file_name(), "lifecycle-policy.schema.json");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A calendar ([`Calendar`], through [`CalendarConfig`]), the form of
    /// `data/munich-calendar.json`.
    Calendar,
    /// A response policy ([`Policy`]), the form of
    /// `data/default-policy.json`.
    Policy,
    /// A lifecycle policy ([`LifecyclePolicy`]), per metric as in
    /// `data/lifecycle-policy.json` or flat as in `data/default-policy.json`.
    LifecyclePolicy,
    /// One event ([`Event`]), a line of an event file.
    Event,
    /// The texts of the priorities ([`PriorityTexts`]), the form of
    /// `data/priority-texts.json`.
    PriorityTexts,
}

impl Format {
    /// Every format, in the order of this enum.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(sla_clock::schema::Format::ALL.len(), 5);
    /// ```
    pub const ALL: [Format; 5] = [
        Format::Calendar,
        Format::Policy,
        Format::LifecyclePolicy,
        Format::Event,
        Format::PriorityTexts,
    ];

    /// The name of the format's checked-in schema in `data/schema/`, such
    /// as `calendar.schema.json`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::schema::Format;
    /// assert_eq!(Format::Event.file_name(), "event.schema.json");
    /// ```
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Calendar => "calendar.schema.json",
            Format::Policy => "policy.schema.json",
            Format::LifecyclePolicy => "lifecycle-policy.schema.json",
            Format::Event => "event.schema.json",
            Format::PriorityTexts => "priority-texts.schema.json",
        }
    }

    /// The schema's title, such as `sla-clock calendar`.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::schema::Format;
    /// assert_eq!(Format::Policy.title(), "sla-clock policy");
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Format::Calendar => "sla-clock calendar",
            Format::Policy => "sla-clock policy",
            Format::LifecyclePolicy => "sla-clock lifecycle policy",
            Format::Event => "sla-clock event",
            Format::PriorityTexts => "sla-clock priority texts",
        }
    }

    /// The format's schema: a JSON Schema (draft 2020-12) document with
    /// its definitions under `$defs`, object keys in sorted order.
    ///
    /// # Example
    ///
    /// ```
    /// use sla_clock::schema::Format;
    /// let schema = Format::Event.schema();
    /// assert_eq!(schema["required"], serde_json::json!(["at", "kind"]));
    /// ```
    pub fn schema(self) -> Value {
        let generator = SchemaSettings::draft2020_12().into_generator();
        let mut schema = match self {
            Format::Calendar => generator.into_root_schema_for::<CalendarConfig>(),
            Format::Policy => generator.into_root_schema_for::<Policy>(),
            Format::LifecyclePolicy => generator.into_root_schema_for::<LifecyclePolicy>(),
            Format::Event => generator.into_root_schema_for::<Event>(),
            Format::PriorityTexts => generator.into_root_schema_for::<PriorityTexts>(),
        };
        schema.insert("title".into(), self.title().into());
        sorted(schema.to_value())
    }
}

/// The schema of a calendar file ([`Format::Calendar`]).
///
/// # Example
///
/// ```
/// let schema = sla_clock::schema::calendar();
/// assert_eq!(schema["properties"]["holidays"]["$ref"], "#/$defs/HolidaySet");
/// assert_eq!(schema["additionalProperties"], false);
/// ```
pub fn calendar() -> Value {
    Format::Calendar.schema()
}

/// The schema of a policy file ([`Format::Policy`]).
///
/// # Example
///
/// ```
/// let schema = sla_clock::schema::policy();
/// assert_eq!(schema["required"], serde_json::json!(["urgent", "high", "normal", "low"]));
/// ```
pub fn policy() -> Value {
    Format::Policy.schema()
}

/// The schema of a lifecycle policy file ([`Format::LifecyclePolicy`]):
/// per metric, or the flat form of a [`Policy`].
///
/// # Example
///
/// ```
/// let schema = sla_clock::schema::lifecycle_policy();
/// assert_eq!(schema["oneOf"].as_array().unwrap().len(), 2);
/// ```
pub fn lifecycle_policy() -> Value {
    Format::LifecyclePolicy.schema()
}

/// The schema of one event ([`Format::Event`]), as
/// [`Event::from_json`] reads it.
///
/// # Example
///
/// ```
/// let schema = sla_clock::schema::event();
/// assert_eq!(schema["properties"]["kind"]["enum"][0], "created");
/// ```
pub fn event() -> Value {
    Format::Event.schema()
}

/// The schema of a priority texts file ([`Format::PriorityTexts`]).
///
/// # Example
///
/// ```
/// let schema = sla_clock::schema::priority_texts();
/// assert_eq!(schema["properties"]["urgent"]["$ref"], "#/$defs/PriorityText");
/// ```
pub fn priority_texts() -> Value {
    Format::PriorityTexts.schema()
}

/// `value` with the keys of every object in sorted order, whether or not
/// serde_json keeps insertion order (its `preserve_order` feature, which
/// another crate in a build may turn on), so the text is the same in
/// every build.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sorted(v)))
                    .collect::<Map<String, Value>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

// ---------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------

/// The characters Rust's `str::trim` removes (Unicode `White_Space`),
/// spelled out: `\s` means slightly different things in ECMA-262 and Rust.
const SPACE: &str =
    r"[\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";

/// `HH:MM` or `HH:MM:SS` from `00:00` to `24:00`, the hour of one digit
/// or two (`TimeOfDay`'s parser).
const TIME: &str = r"(([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|24:00(:00)?)";

/// A year of the supported range, 1995 to 2099.
const YEAR: &str = "(199[5-9]|20[0-9][0-9])";

/// `YYYY-MM-DD` in the supported range, month and day in range (whether
/// the day exists in its month is the loader's check).
fn date() -> String {
    format!("{YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
}

/// `word` in any ASCII letter case: `[uU][rR]...`, since ECMA-262 has no
/// inline flag for it.
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A pattern for exactly one of `words`, each in any letter case.
fn any_case_of<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let words: Vec<String> = words.into_iter().map(any_case).collect();
    format!("^({})$", words.join("|"))
}

/// The names of the days of the week, as configuration writes them.
fn weekday() -> Value {
    json!({
        "description": "A day of the week, a lowercase English name.",
        "enum": WEEKDAY_NAMES,
    })
}

/// A whole number of type `u32`, at least `minimum`.
fn u32_from(minimum: u32) -> Value {
    json!({"type": "integer", "minimum": minimum, "maximum": u32::MAX})
}

/// `schema` or `null`, for an `Option` that serde reads from either.
fn or_null(schema: Value) -> Value {
    json!({"anyOf": [schema, {"type": "null"}]})
}

/// The `$ref` schema of `T`, as a plain value.
fn reference<T: JsonSchema>(generator: &mut SchemaGenerator) -> Value {
    generator.subschema_for::<T>().to_value()
}

macro_rules! names {
    ($name:literal) => {
        fn schema_name() -> Cow<'static, str> {
            Cow::Borrowed($name)
        }
        fn schema_id() -> Cow<'static, str> {
            Cow::Borrowed(concat!("sla_clock::", $name))
        }
    };
}

// ---------------------------------------------------------------------------
// Calendars
// ---------------------------------------------------------------------------

impl JsonSchema for TimeOfDay {
    names!("TimeOfDay");
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A local time of day, HH:MM or HH:MM:SS (the hour may have one \
                            digit), from 00:00 to 24:00.",
            "type": "string",
            "pattern": format!("^{TIME}$"),
            "examples": ["10:00", "8:00", "17:59:59", "24:00"],
        })
    }
}

impl JsonSchema for DailyWindow {
    names!("DailyWindow");
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An opening window, START-END in local time (each HH:MM or \
                            HH:MM:SS, the hour of one digit or two, up to 24:00), open from \
                            START and closed from END; END must be after START.",
            "type": "string",
            "pattern": format!("^{SPACE}*{TIME}{SPACE}*-{SPACE}*{TIME}{SPACE}*$"),
            "examples": ["10:00-18:00", "8:00-12:30", "13:00-24:00"],
        })
    }
}

impl JsonSchema for DateRange {
    names!("DateRange");
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let date = date();
        json_schema!({
            "description": "A date, YYYY-MM-DD, or an inclusive range of dates, FIRST/LAST, \
                            within 1995-01-01 to 2099-12-31.",
            "type": "string",
            "pattern": format!("^{date}(/{date})?$"),
            "examples": ["2026-12-24", "2026-12-28/2027-01-01"],
        })
    }
}

impl JsonSchema for WeekConfig {
    names!("WeekConfig");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let day = json!({
            "type": "array",
            "items": reference::<DailyWindow>(generator),
            "maxItems": MAX_WINDOWS_PER_DAY,
        });
        let properties: Map<String, Value> = WEEKDAY_NAMES
            .iter()
            .map(|name| (name.to_string(), day.clone()))
            .collect();
        json_schema!({
            "description": "The opening windows of each day of the week, in order and not \
                            overlapping; a day left out is closed.",
            "type": "object",
            "properties": properties,
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for HolidayName {
    names!("HolidayName");
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A holiday's name in German and English, and in the region's own \
                            language where that is neither.",
            "type": "object",
            "properties": {
                "de": {"type": "string"},
                "en": {"type": "string"},
                "local": or_null(json!({"type": "string"})),
            },
            "required": ["de", "en"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for HolidayDate {
    names!("HolidayDate");
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let month = json!({"type": "integer", "minimum": 1, "maximum": 12});
        let day = json!({"type": "integer", "minimum": 1, "maximum": 31});
        // As chrono reads a `NaiveDate`: spaces around the parts, a sign,
        // months and days of one digit; in the supported range.
        let lenient_date = format!(
            "^{SPACE}*\\+?{YEAR}{SPACE}*-{SPACE}*(0?[1-9]|1[0-2]){SPACE}*-{SPACE}*\
             (0?[1-9]|[12][0-9]|3[01]){SPACE}*$"
        );
        let kind = |name: &str, description: &str, fields: Value, required: &[&str]| {
            let mut properties = json!({"kind": {"const": name}});
            for (key, value) in fields.as_object().into_iter().flatten() {
                properties[key] = value.clone();
            }
            let mut required: Vec<&str> = required.to_vec();
            required.insert(0, "kind");
            json!({
                "description": description,
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": false,
            })
        };
        json_schema!({
            "description": "When a holiday falls, year after year; `kind` says how.",
            "oneOf": [
                kind(
                    "fixed",
                    "The same month and day every year; 29 February in leap years only.",
                    json!({"month": month, "day": day}),
                    &["month", "day"],
                ),
                kind(
                    "easter",
                    "Days after (positive) or before (negative) Western Easter Sunday.",
                    json!({"offset": {"type": "integer", "minimum": -80, "maximum": 250}}),
                    &["offset"],
                ),
                kind(
                    "once",
                    "One date only, YYYY-MM-DD, within 1995 to 2099.",
                    json!({"date": {"type": "string", "pattern": lenient_date}}),
                    &["date"],
                ),
                kind(
                    "weekday_before",
                    "The last `weekday` strictly before a fixed date, anchored on 8 January \
                     or later and not on 29 February.",
                    json!({"weekday": weekday(), "month": month, "day": day}),
                    &["weekday", "month", "day"],
                ),
                kind(
                    "fixed_on_weekdays",
                    "The same month and day every year, a holiday only when it falls on one \
                     of `weekdays`.",
                    json!({
                        "month": month,
                        "day": day,
                        "weekdays": {"type": "array", "items": weekday(), "minItems": 1},
                    }),
                    &["month", "day", "weekdays"],
                ),
            ],
        })
    }
}

impl JsonSchema for HolidayRule {
    names!("HolidayRule");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let year = or_null(json!({"type": "integer", "minimum": i32::MIN, "maximum": i32::MAX}));
        json_schema!({
            "description": "A rule that makes a holiday: when it falls, its names, and the \
                            years it applies in (both included; no later than the other).",
            "type": "object",
            "properties": {
                "date": reference::<HolidayDate>(generator),
                "name": reference::<HolidayName>(generator),
                "first_year": year,
                "last_year": year,
            },
            "required": ["date", "name"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for HolidaySet {
    names!("HolidaySet");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let codes = crate::regions::regions().iter().map(|r| r.code());
        json_schema!({
            "description": "The holidays: a built-in region's code (any letter case), or a \
                            list of rules ([] for none).",
            "oneOf": [
                {
                    "description": "A region's code, such as DE-BE, AT or CH-ZH.",
                    "type": "string",
                    "pattern": any_case_of(codes),
                },
                {
                    "type": "array",
                    "items": reference::<HolidayRule>(generator),
                    "maxItems": MAX_HOLIDAY_RULES,
                },
            ],
        })
    }
}

impl JsonSchema for SpecialHours {
    names!("SpecialHours");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Opening windows of their own on a date or each date of a range, \
                            in place of whatever else applies; no windows closes.",
            "type": "object",
            "properties": {
                "date": reference::<DateRange>(generator),
                "windows": {
                    "type": "array",
                    "items": reference::<DailyWindow>(generator),
                    "maxItems": MAX_WINDOWS_PER_DAY,
                },
            },
            "required": ["date", "windows"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for CalendarConfig {
    names!("CalendarConfig");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let zones: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
        // Some day has a window: a week without opening hours is refused,
        // unless there are special hours (a combined calendar's cover every
        // date; whether they do is the loader's to check).
        let open_some_day: Vec<Value> = WEEKDAY_NAMES
            .iter()
            .map(|day| json!({"properties": {"week": {"required": [day], "properties": {*day: {"minItems": 1}}}}}))
            .collect();
        let mut hours_somewhere = open_some_day;
        hours_somewhere.push(json!({
            "required": ["special_hours"],
            "properties": {"special_hours": {"minItems": 1}},
        }));
        json_schema!({
            "description": "A calendar: time zone, opening windows per weekday, holidays, \
                            closures and special hours.",
            "type": "object",
            "properties": {
                "time_zone": {
                    "description": "An IANA time zone name, such as Europe/Berlin.",
                    "enum": zones,
                },
                "week": reference::<WeekConfig>(generator),
                "holidays": reference::<HolidaySet>(generator),
                "closures": {
                    "description": format!(
                        "Dates and inclusive ranges of dates on which the calendar is closed \
                         (at most {MAX_CLOSURES} dates in all, a date given twice counted once)."
                    ),
                    "type": "array",
                    "items": reference::<DateRange>(generator),
                },
                "special_hours": {
                    "description": format!(
                        "Dates with opening hours of their own; a later entry wins for the \
                         dates it shares (at most {MAX_SPECIAL_DATES} dates in all, a date \
                         given twice counted once)."
                    ),
                    "type": "array",
                    "items": reference::<SpecialHours>(generator),
                },
                "business_day_seconds": or_null(json!({
                    "description": "The length of a business day in seconds; derived from \
                                    the week when left out.",
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 86_400,
                })),
            },
            "required": ["time_zone", "week", "holidays"],
            "anyOf": hours_somewhere,
            "additionalProperties": false,
        })
    }
}

/// A calendar is read and written as its [`CalendarConfig`].
impl JsonSchema for Calendar {
    names!("Calendar");
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<CalendarConfig>()
    }
}

// ---------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------

impl JsonSchema for ResponseTarget {
    names!("ResponseTarget");
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let unit = |name: &str| {
            json!({
                "type": "object",
                "properties": {name: u32_from(0)},
                "required": [name],
                "additionalProperties": false,
            })
        };
        json_schema!({
            "description": "Business time: {\"business_minutes\": n}, {\"business_hours\": n} \
                            or {\"business_days\": n}, days of the calendar's business-day \
                            length.",
            "oneOf": [unit("business_minutes"), unit("business_hours"), unit("business_days")],
        })
    }
}

impl JsonSchema for Policy {
    names!("Policy");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let target = reference::<ResponseTarget>(generator);
        let names = priority_fields();
        let properties: Map<String, Value> =
            names.iter().map(|p| (p.clone(), target.clone())).collect();
        json_schema!({
            "description": "A response target for every priority.",
            "type": "object",
            "properties": properties,
            "required": names,
            "additionalProperties": false,
        })
    }
}

/// The fields of a [`Policy`]: the priorities' names as serde writes them.
fn priority_fields() -> Vec<String> {
    Priority::ALL.iter().map(Priority::to_string).collect()
}

impl JsonSchema for LifecyclePolicy {
    names!("LifecyclePolicy");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let policy = reference::<Policy>(generator);
        let target = reference::<ResponseTarget>(generator);
        let metrics: Vec<&str> = Metric::ALL.iter().map(|m| m.name()).collect();
        let priorities = priority_fields();
        // Every field may be null, which counts as left out.
        let mut properties = Map::new();
        for metric in &metrics {
            properties.insert(metric.to_string(), or_null(policy.clone()));
        }
        for priority in &priorities {
            properties.insert(priority.clone(), or_null(target.clone()));
        }
        let null = json!({"type": "null"});
        let object = json!({"type": "object"});
        let per_metric_nulls: Map<String, Value> = priorities
            .iter()
            .map(|p| (p.clone(), null.clone()))
            .collect();
        let some_metric: Vec<Value> = metrics
            .iter()
            .map(|m| json!({"required": [m], "properties": {*m: object}}))
            .collect();
        let flat: Map<String, Value> = metrics
            .iter()
            .map(|m| (m.to_string(), null.clone()))
            .chain(priorities.iter().map(|p| (p.clone(), object.clone())))
            .collect();
        json_schema!({
            "description": "Targets per metric (first_response, next_response, \
                            periodic_update, resolution; a metric left out is not measured), \
                            or the flat form of a policy (urgent, high, normal, low), which \
                            targets the first response only.",
            "type": "object",
            "properties": properties,
            "additionalProperties": false,
            "oneOf": [
                {
                    "title": "per metric",
                    "description": "At least one metric, each with a target for every \
                                    priority.",
                    "properties": per_metric_nulls,
                    "anyOf": some_metric,
                },
                {
                    "title": "flat",
                    "description": "A target for every priority: the first response only.",
                    "properties": flat,
                    "required": priorities,
                },
            ],
        })
    }
}

impl JsonSchema for Text {
    names!("Text");
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text in German and English.",
            "type": "object",
            "properties": {"de": {"type": "string"}, "en": {"type": "string"}},
            "required": ["de", "en"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for PriorityText {
    names!("PriorityText");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text = reference::<Text>(generator);
        json_schema!({
            "description": "What a priority means for the product, and what support does \
                            about it.",
            "type": "object",
            "properties": {"definition": text, "effort": text},
            "required": ["definition", "effort"],
            "additionalProperties": false,
        })
    }
}

impl JsonSchema for PriorityTexts {
    names!("PriorityTexts");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text = reference::<PriorityText>(generator);
        let names = priority_fields();
        let properties: Map<String, Value> =
            names.iter().map(|p| (p.clone(), text.clone())).collect();
        json_schema!({
            "description": "The words of the policy for each priority.",
            "type": "object",
            "properties": properties,
            "required": names,
            "additionalProperties": false,
        })
    }
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

impl JsonSchema for Priority {
    names!("Priority");
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut names: Vec<&str> = Vec::new();
        for priority in Priority::ALL {
            for language in [Language::English, Language::German] {
                let name = priority.name(language);
                if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                    names.push(name);
                }
            }
        }
        let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
        json_schema!({
            "description": format!(
                "A priority, in English or German, in any letter case: {}.",
                lower.join(", ")
            ),
            "type": "string",
            "pattern": any_case_of(names),
        })
    }
}

/// Every kind of event, a priority where the kind takes one.
fn event_kinds() -> [EventKind; 7] {
    let priority = Priority::Normal;
    [
        EventKind::Created { priority },
        EventKind::AgentReply,
        EventKind::CustomerReply,
        EventKind::Waiting,
        EventKind::Solved,
        EventKind::Reopened,
        EventKind::PriorityChanged { priority },
    ]
}

impl JsonSchema for Event {
    names!("Event");
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let kinds: Vec<&str> = event_kinds().iter().map(|k| k.name()).collect();
        let with_priority: Vec<&str> = event_kinds()
            .iter()
            .filter(|k| k.priority().is_some())
            .map(|k| k.name())
            .collect();
        let priority = reference::<Priority>(generator);
        // As `Shape::Rfc3339` in src/input.rs with chrono's ranges; the
        // zone of RFC 9557 in brackets.
        let instant = concat!(
            "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]",
            "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?",
            "([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])",
            "(\\[[A-Za-z0-9_+/-]+\\])?$",
        );
        json_schema!({
            "description": "One thing that happened to a ticket. Fields other than at, kind \
                            and priority are ignored.",
            "type": "object",
            "properties": {
                "at": {
                    "description": "The instant, RFC 3339 with an offset \
                                    (2026-12-18T16:00:00+01:00, ...Z), or RFC 9557 with the \
                                    zone whose offset that is \
                                    (2026-12-18T16:00:00+01:00[Europe/Berlin]).",
                    "type": "string",
                    "pattern": instant,
                },
                "kind": {"enum": kinds},
                "priority": or_null(priority.clone()),
            },
            "required": ["at", "kind"],
            "if": {"properties": {"kind": {"enum": with_priority}}},
            "then": {
                "description": format!("{} take a priority.", with_priority.join(" and ")),
                "properties": {"priority": priority},
                "required": ["priority"],
            },
            "else": {
                "description": "Other kinds take none (null counts as none).",
                "properties": {"priority": {"type": "null"}},
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_spells_every_letter_both_ways() {
        assert_eq!(any_case("de-by"), "[dD][eE]-[bB][yY]");
        assert_eq!(any_case_of(["ab", "c"]), "^([aA][bB]|[cC])$");
    }

    #[test]
    fn the_response_target_keys_are_what_serde_writes() {
        let schema = ResponseTarget::json_schema(&mut SchemaGenerator::default());
        let keys: Vec<&str> = schema
            .get("oneOf")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|unit| unit["required"][0].as_str().unwrap())
            .collect();
        for target in [
            ResponseTarget::BusinessMinutes(1),
            ResponseTarget::BusinessHours(1),
            ResponseTarget::BusinessDays(1),
        ] {
            let written = serde_json::to_value(target).unwrap();
            let key = written.as_object().unwrap().keys().next().unwrap();
            assert!(keys.contains(&key.as_str()), "{key}");
        }
    }

    #[test]
    fn keys_are_sorted_at_every_depth() {
        let value = sorted(json!({"b": [{"d": 1, "c": 2}], "a": 0}));
        assert_eq!(value.to_string(), r#"{"a":0,"b":[{"c":2,"d":1}]}"#);
    }
}
