//! Helpers that several test modules share: the files in `data/`, dates and
//! durations, the proptest configuration, running the compiled example
//! programs, and the golden files of their expected outputs.

use std::path::PathBuf;

use chrono::NaiveDate;
use proptest::prelude::ProptestConfig;
use sla_clock::BusinessDuration;

// ---------------------------------------------------------------------------
// Data files, dates and durations
// ---------------------------------------------------------------------------

/// The text of `data/<name>`.
#[cfg(any(feature = "serde", feature = "ical"))]
pub fn data(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn hours(h: i64) -> BusinessDuration {
    BusinessDuration::from_hours(h)
}

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

pub const NS: i64 = 1_000_000_000;
pub const MINUTE: i64 = 60 * NS;
pub const HOUR: i64 = 3600 * NS;
pub const DAY: i64 = 24 * HOUR;

/// `n` cases, times `SLA_PROPTEST_SCALE` when set: the defaults keep each
/// module at a few seconds in debug; run deeper with, for example,
/// `SLA_PROPTEST_SCALE=50 cargo test --release --test integration properties::`.
pub fn cases(n: u32) -> ProptestConfig {
    let scale = std::env::var("SLA_PROPTEST_SCALE")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1);
    ProptestConfig::with_cases(n.saturating_mul(scale.max(1)))
}

// ---------------------------------------------------------------------------
// The example programs
// ---------------------------------------------------------------------------

/// The compiled example `name`. `cargo test` builds the examples into
/// `target/<profile>/examples/`; the test binary itself lives in
/// `target/<profile>/deps/`.
pub fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its own path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test binary lives in target/<profile>/deps/");
    let path = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "example binary {} not found; run the tests with `cargo test` (which builds the \
         examples first) instead of running the test binary on its own",
        path.display()
    );
    path
}

/// What a run of an example gave.
#[derive(Debug)]
pub struct Outcome {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Writes `contents` to a file of its own under the target directory.
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
pub fn config_file(name: &str, contents: &str) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).expect("write a test configuration file");
    path.to_str()
        .expect("the target directory is UTF-8")
        .to_string()
}

pub const RANGE: &str = "1995-01-01 to 2099-12-31";

// ---------------------------------------------------------------------------
// Golden files
// ---------------------------------------------------------------------------

/// The text of `tests/golden/<name>`: an expected output of an example
/// program, worked out from the contract (see `tests/golden/README.md`).
/// Read at compile time, so a missing file is a build error; nothing ever
/// writes these files.
macro_rules! golden {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/", $name))
    };
}
pub(crate) use golden;

/// Every file in `tests/golden/` is compared by some test and described in
/// the README there; an unused file would be an expectation nobody checks.
#[test]
fn every_golden_file_is_used_and_described() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let dir = root.join("golden");
    let readme = std::fs::read_to_string(dir.join("README.md")).expect("tests/golden/README.md");
    let mut sources = String::new();
    for entry in std::fs::read_dir(root.join("integration")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "README.md" && name != ".gitattributes")
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in &names {
        assert!(
            sources.contains(&format!("golden!(\"{name}\")")),
            "tests/golden/{name} is compared by no test"
        );
        assert!(
            readme.contains(&format!("`{name}`")),
            "tests/golden/README.md does not describe {name}"
        );
    }
}
