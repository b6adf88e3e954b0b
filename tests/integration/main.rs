//! The integration tests: one test binary (`cargo test --test integration`),
//! one module per subject. Cargo builds every `tests/*.rs` file and every
//! `tests/*/main.rs` as a binary of its own, so the modules live here, beside
//! this file, and the binary links the crate once instead of once a file.
//!
//! - `support`: what several modules share (data files, dates, proptest's
//!   configuration, running the example programs, golden files);
//! - `reference`: the slow, obvious arithmetic the property tests compare
//!   against, in `tests/reference/mod.rs`, where `benches/sla.rs` includes
//!   it too;
//! - `peers`: the test cases of other business-time libraries, translated;
//! - the expected outputs of the example programs that are too long to read
//!   inline are in `tests/golden/` (see its README), compared exactly;
//! - the failure cases proptest saved are in `tests/proptest-regressions/`,
//!   one file per module (proptest's default place for a test crate whose
//!   root is a `main.rs`), and run before any new case.
//!
//! Run one module with a filter, for example
//! `cargo test --test integration properties::`.

#[path = "../reference/mod.rs"]
mod reference;
mod support;

mod api;
mod combined;
#[cfg(feature = "serde")]
mod data_files;
mod examples_cli;
mod fuzz_regressions;
mod hostile;
#[cfg(feature = "ical")]
mod ical;
mod lifecycle;
mod lifecycle_properties;
mod limits;
mod peers;
mod properties;
#[cfg(feature = "serde")]
mod regions;
mod robustness;
mod scenarios;
#[cfg(feature = "serde")]
mod serde_forms;
mod special_days;
#[cfg(feature = "serde")]
mod tickets_cli;
