//! Nothing to call: this crate's tests (`tests/schema.rs`) check the JSON
//! Schemas in `data/schema/` (sla-clock's `schema` feature) against the
//! crate's loaders with an independent validator, the `jsonschema` crate.
//! It lives apart from sla-clock so that the validator is not one of
//! sla-clock's dev-dependencies, which every `cargo run --example` builds.
