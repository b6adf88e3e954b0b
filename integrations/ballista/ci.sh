#!/usr/bin/env bash
# The Ballista deployment's checks: builds the scheduler, the executor and
# the client, then runs the tests, among them tests/cluster.rs, which starts
# a scheduler and two executors on 127.0.0.1 and compares the distributed
# report with the one-process report row for row. Run from anywhere:
#   bash integrations/ballista/ci.sh
# Every process the test starts is killed when it ends; traffic goes to
# 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n==> %s (%s)\n' "$*" "$(date +%T)"; }
timed() {
  local started=$SECONDS
  "$@"
  printf '    took %d s\n' $((SECONDS - started))
}

# No protoc: Ballista 55 from crates.io ships its generated protobuf code
# (ballista-core's build script compiles .proto files only in a checkout
# of Ballista's own repository).

# Both integration crates in one invocation: Ballista depends on DataFusion
# with its default features, and building the two together compiles one
# DataFusion (with those features) for both crates' tests instead of two.
# The DataFusion integration alone, with its own lean features, is checked
# by .ci/run's `cargo clippy -p sla-clock-datafusion`.
step "build the integrations' binaries, examples and tests (debug)"
timed cargo test -p sla-clock-datafusion -p sla-clock-ballista --no-run

step "cargo test: sla-clock-datafusion and sla-clock-ballista (with the cluster of one scheduler and two executors)"
timed cargo test -p sla-clock-datafusion -p sla-clock-ballista

step "sla-clock-ballista: cargo clippy --all-targets -- -D warnings"
timed cargo clippy -p sla-clock-ballista --all-targets -- -D warnings

step "sla-clock-ballista: cargo doc --no-deps, warnings denied"
RUSTDOCFLAGS="-D warnings" timed cargo doc --no-deps -p sla-clock-ballista

step "sla-clock-ballista: all checks passed"
