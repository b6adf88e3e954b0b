#!/usr/bin/env bash
# The Python bindings' checks: a fresh virtual environment, the test
# dependencies from PyPI, the extension built in release mode by maturin
# (in the workspace's target directory, so a warm `cargo` cache is reused),
# then pytest. Run from anywhere:
#
#   bash bindings/python/ci.sh
#
# Environment:
#   PYTHON          the interpreter that makes the venv (default python3)
#   SLA_CLOCK_VENV  where the venv goes (default bindings/python/.venv;
#                   it is made anew on every run)
#   PYTEST_ARGS     extra arguments for pytest
#
# Any failing step fails the script; pytest collecting no test (its exit
# status 5) fails it too.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"
venv="${SLA_CLOCK_VENV:-$here/.venv}"

step() { printf '\n--> [%ss] %s\n' "$SECONDS" "$*"; }
fail() { printf 'bindings/python/ci.sh: %s\n' "$*" >&2; exit 1; }

# The workspace's own target directory unless the caller chose one, so
# that maturin, the `due` example the tests compare against and .ci/run's
# cargo steps share their compiled dependencies.
if [ -z "${CARGO_TARGET_DIR:-}" ]; then
  CARGO_TARGET_DIR="$(cd "$root" && cargo metadata --format-version 1 --no-deps \
    | "$python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
fi
export CARGO_TARGET_DIR

step "a fresh venv in $venv ($("$python" --version 2>&1))"
rm -rf "$venv"
"$python" -m venv "$venv"
# shellcheck disable=SC1091
. "$venv/bin/activate"
python -m pip install --quiet maturin pytest hypothesis numpy pandas pyarrow holidays mypy
python -m pip list 2>/dev/null | grep -iE '^(maturin|pytest|hypothesis|numpy|pandas|pyarrow|holidays|mypy) '

step "maturin develop --release (target dir $CARGO_TARGET_DIR)"
(cd "$here" && maturin develop --release --quiet)
python -c 'import sla_clock; print("sla_clock imported from", sla_clock.__file__)'

step "type stubs: mypy.stubtest against the built module, mypy on the package"
(cd "$here" && python -m mypy.stubtest sla_clock --mypy-config-file pyproject.toml)
(cd "$here" && python -m mypy --config-file pyproject.toml python/sla_clock bench.py)

step "pytest"
status=0
# PYTEST_ARGS is split on spaces on purpose.
# shellcheck disable=SC2086
(cd "$here" && python -m pytest -ra ${PYTEST_ARGS:-}) || status=$?
case "$status" in
  0) ;;
  5) fail "pytest collected no tests (exit status 5)" ;;
  *) fail "pytest failed (exit status $status)" ;;
esac
printf '\nbindings/python/ci.sh: all passed in %ss\n' "$SECONDS"
