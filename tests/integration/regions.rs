//! The built-in region sets against the golden files in `data/holidays/`,
//! which were produced independently of the crate (see `data/README.md`),
//! and the ways to ask for a region: builder, JSON, errors.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use sla_clock::{Calendar, HolidaySet, Region, regions};

fn holidays_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("holidays")
}

/// Every date of the file with the number of rows it has.
fn golden(code: &str) -> BTreeMap<NaiveDate, usize> {
    let path = holidays_dir().join(format!("{code}.csv"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("date,name_de,name_en"), "{code}");
    let mut dates = BTreeMap::new();
    for line in lines {
        let fields: Vec<&str> = line.split(',').collect();
        let [date, de, en] = fields.as_slice() else {
            panic!("{code}: bad line {line:?}");
        };
        assert!(!de.is_empty() && !en.is_empty(), "{code}: {line:?}");
        let date: NaiveDate = date
            .parse()
            .unwrap_or_else(|e| panic!("{code}: bad date in {line:?}: {e}"));
        *dates.entry(date).or_insert(0) += 1;
    }
    dates
}

/// Every date the crate gives for `code`, 1995 to 2099, with its number
/// of names.
fn ours(code: &str) -> BTreeMap<NaiveDate, usize> {
    let cal = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .holidays_of(code)
        .build()
        .unwrap();
    (1995..=2099)
        .flat_map(|year| cal.holidays(year).unwrap())
        .map(|h| (h.date, h.names.len()))
        .collect()
}

#[test]
fn every_region_matches_its_golden_file_on_every_date() {
    let mut failures = Vec::new();
    for region in regions() {
        let code = region.code();
        let expected = golden(code);
        let got = ours(code);
        let missing: Vec<String> = expected
            .iter()
            .filter(|(d, n)| got.get(d) != Some(n))
            .map(|(d, n)| format!("{d} (x{n})"))
            .collect();
        let extra: Vec<String> = got
            .iter()
            .filter(|(d, n)| expected.get(d) != Some(n))
            .map(|(d, n)| format!("{d} (x{n})"))
            .collect();
        if !missing.is_empty() || !extra.is_empty() {
            failures.push(format!(
                "{code}: golden only {missing:?}; crate only {extra:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_golden_file_is_a_region() {
    let mut files: Vec<String> = std::fs::read_dir(holidays_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter_map(|name| name.strip_suffix(".csv").map(str::to_string))
        .collect();
    files.sort();
    let codes: Vec<String> = regions().iter().map(|r| r.code().to_string()).collect();
    assert_eq!(files, codes);
}

#[test]
fn munich_region_is_the_default_calendar() {
    let munich = Calendar::builder(chrono_tz::Europe::Berlin)
        .weekdays("10:00-18:00")
        .holidays_of("DE-BY-MUC")
        .build()
        .unwrap();
    assert_eq!(munich, Calendar::munich());
    // And the older Munich list (1995-2040, with names) still agrees.
    assert_eq!(
        Region::find("DE-BY-MUC").unwrap().holiday_rules(),
        sla_clock::munich_holiday_rules()
    );
}

#[test]
fn named_history_lands_in_the_right_years() {
    let has = |code: &str, y, m, d| {
        let cal = Calendar::builder(chrono_tz::Europe::Berlin)
            .weekdays("10:00-18:00")
            .holidays_of(code)
            .build()
            .unwrap();
        cal.is_holiday(NaiveDate::from_ymd_opt(y, m, d).unwrap())
            .unwrap()
    };
    // Reformation Day in the north: 2017 (one-off) and from 2018.
    assert!(!has("DE-HH", 2016, 10, 31));
    assert!(has("DE-HH", 2017, 10, 31));
    assert!(has("DE-HH", 2018, 10, 31));
    // Permanent in Brandenburg.
    assert!(has("DE-BB", 1995, 10, 31));
    // Women's Day: Berlin from 2019, Mecklenburg-Western Pomerania from 2023.
    assert!(!has("DE-BE", 2018, 3, 8));
    assert!(has("DE-BE", 2019, 3, 8));
    assert!(!has("DE-MV", 2022, 3, 8));
    assert!(has("DE-MV", 2023, 3, 8));
    // Berlin's one-off days.
    assert!(has("DE-BE", 2020, 5, 8));
    assert!(has("DE-BE", 2025, 5, 8));
    assert!(!has("DE-BE", 2030, 5, 8));
    // Buß- und Bettag only in Saxony.
    assert!(has("DE-SN", 2026, 11, 18));
    assert!(!has("DE-BY", 2026, 11, 18));
    // Assumption Day: Saarland and Munich, not Bavaria statewide.
    assert!(has("DE-SL", 2030, 8, 15));
    assert!(has("DE-BY-MUC", 2030, 8, 15));
    assert!(!has("DE-BY", 2030, 8, 15));
    // Austria: never Good Friday for everyone.
    assert!(!has("AT", 2018, 3, 30));
    assert!(!has("AT", 2019, 4, 19));
    // Neuchâtel: 26 December only on a Monday.
    assert!(has("CH-NE", 2022, 12, 26));
    assert!(!has("CH-NE", 2023, 12, 26));
    // Lucerne: Easter and Whit Monday and 2 January are no rest days
    // (RLG § 1a); Corpus Christi and 26 December are.
    assert!(!has("CH-LU", 2026, 4, 6));
    assert!(!has("CH-LU", 2026, 5, 25));
    assert!(!has("CH-LU", 2026, 1, 2));
    assert!(has("CH-LU", 2026, 6, 4));
    assert!(has("CH-LU", 2026, 12, 26));
    // Graubünden: Good Friday is a rest day (Ruhetagsgesetz Art. 2).
    assert!(has("CH-GR", 1995, 4, 14));
    assert!(has("CH-GR", 2026, 4, 3));
    // Berlin: 17 June 2028 only (law of 10 July 2024).
    assert!(has("DE-BE", 2028, 6, 17));
    assert!(!has("DE-BE", 2029, 6, 17));
    // Appenzell Ausserrhoden: not on a Tuesday.
    assert!(!has("CH-AR", 2023, 12, 26));
    assert!(has("CH-AR", 2024, 12, 26));
}

#[test]
fn local_names_in_french_and_italian_cantons() {
    let names = |code: &str, year| {
        let cal = Calendar::builder(chrono_tz::Europe::Berlin)
            .weekdays("10:00-18:00")
            .holidays_of(code)
            .build()
            .unwrap();
        cal.holidays(year)
            .unwrap()
            .into_iter()
            .map(|h| h.to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        names("CH-GE", 2027)
            .contains(&"2027-09-09  Genfer Bettag / Jeûne genevois / Geneva Fast".to_string())
    );
    assert!(names("CH-TI", 2027).contains(
        &"2027-06-29  Peter und Paul / San Pietro e Paolo / Saints Peter and Paul".to_string()
    ));
    assert!(
        names("CH-ZH", 2027).contains(&"2027-12-26  Stephanstag / St. Stephen's Day".to_string())
    );
}

const KNOWN: &str = "AT, CH-AG, CH-AI, CH-AR, CH-BE, CH-BL, CH-BS, CH-FR, CH-GE, CH-GL, CH-GR, \
CH-JU, CH-LU, CH-NE, CH-NW, CH-OW, CH-SG, CH-SH, CH-SO, CH-SZ, CH-TG, CH-TI, CH-UR, CH-VD, CH-VS, \
CH-ZG, CH-ZH, DE-BB, DE-BE, DE-BW, DE-BY, DE-BY-MUC, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, \
DE-RP, DE-SH, DE-SL, DE-SN, DE-ST, DE-TH";

#[test]
fn unknown_region_is_an_error_listing_the_codes() {
    for bad in ["DE-XX", "de-xx", "", "DE-BE "] {
        let expected = format!("unknown holiday region '{bad}'; expected one of {KNOWN}");
        assert_eq!(Region::find(bad).unwrap_err().to_string(), expected);
        let err = Calendar::builder(chrono_tz::Europe::Berlin)
            .weekdays("10:00-18:00")
            .holidays_of(bad)
            .build()
            .unwrap_err();
        assert_eq!(err.to_string(), expected);
    }
}

#[test]
fn json_calendars_name_a_region() {
    let json = |holidays: &str| {
        format!(
            r#"{{"time_zone": "Europe/Berlin", "week": {{"monday": ["10:00-18:00"]}}, "holidays": {holidays}}}"#
        )
    };
    let berlin: Calendar = serde_json::from_str(&json(r#""DE-BE""#)).unwrap();
    assert_eq!(
        berlin.holiday_rules(),
        Region::find("DE-BE").unwrap().holiday_rules().as_slice()
    );
    // Written back as rules, and those load to the same calendar.
    let written = serde_json::to_string(&berlin).unwrap();
    assert!(written.contains(r#""holidays":[{"#), "{written}");
    assert_eq!(serde_json::from_str::<Calendar>(&written).unwrap(), berlin);
    // A list stays valid.
    let empty: Calendar = serde_json::from_str(&json("[]")).unwrap();
    assert!(empty.holiday_rules().is_empty());
    // Unknown codes and other types are errors with a reason.
    let err = serde_json::from_str::<Calendar>(&json(r#""DE-XX""#))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(&format!(
            "unknown holiday region 'DE-XX'; expected one of {KNOWN}"
        )),
        "{err}"
    );
    let err = serde_json::from_str::<Calendar>(&json("7"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("expected a list of holiday rules or a region code such as \"DE-BE\""),
        "{err}"
    );
    // A typo inside a rule keeps its precise message.
    let rule = r#"[{"date": {"kind": "fixed", "month": 12, "day": 24}, "name": {"de": "Heiligabend", "en": "Christmas Eve"}, "frist_year": 2030}]"#;
    let err = serde_json::from_str::<Calendar>(&json(rule))
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `frist_year`"), "{err}");
}

#[test]
fn holiday_set_serialises_as_a_string_or_a_list() {
    let region = HolidaySet::Region("CH-ZH".to_string());
    assert_eq!(serde_json::to_string(&region).unwrap(), r#""CH-ZH""#);
    assert_eq!(
        serde_json::from_str::<HolidaySet>(r#""CH-ZH""#).unwrap(),
        region
    );
    assert_eq!(serde_json::to_string(&HolidaySet::default()).unwrap(), "[]");
}

#[test]
fn new_date_kinds_round_trip_through_json() {
    let rules = Region::find("CH-NE").unwrap().holiday_rules();
    let text = serde_json::to_string(&rules).unwrap();
    assert!(
        text.contains(r#"{"kind":"fixed_on_weekdays","month":12,"day":26,"weekdays":["monday"]}"#),
        "{text}"
    );
    assert!(text.contains(r#""local":"Saint-Étienne""#), "{text}");
    let back: Vec<sla_clock::HolidayRule> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, rules);

    let repentance =
        r#"{"kind": "weekday_before", "weekday": "wednesday", "month": 11, "day": 23}"#;
    let date: sla_clock::HolidayDate = serde_json::from_str(repentance).unwrap();
    assert_eq!(date.in_year(1995), NaiveDate::from_ymd_opt(1995, 11, 22));
    let bad = r#"{"kind": "weekday_before", "weekday": "Wed", "month": 11, "day": 23}"#;
    let err = serde_json::from_str::<sla_clock::HolidayDate>(bad)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(
            "invalid weekday 'Wed'; expected a lowercase English day name from 'monday' to 'sunday'"
        ),
        "{err}"
    );
}
