#!/usr/bin/env bash
# Rows per second, side by side and in one run (this machine is shared
# and noisy: compare the ratios, not the absolute figures):
#
#   pipe            the export's priority and created columns piped
#                   through the core's `due --batch` (due instants only)
#   sla_report csv  the whole report over the same rows as one CSV file
#   sla_report pq   the whole report over the same rows as Parquet files
#
#   bash integrations/datafusion/bench.sh [ROWS] [ROUNDS]
#
# ROWS defaults to 5 000 000, ROUNDS (each method once per round, in turn)
# to 3; the table shows each method's median round. Builds the release
# binaries first (several minutes on two cores the first time), unless
# SLA_REPORT and DUE name binaries already built.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-5000000}
rounds=${2:-3}
target=${CARGO_TARGET_DIR:-target}

if [ -z "${SLA_REPORT:-}" ] || [ -z "${DUE:-}" ]; then
  cargo build --quiet --release -p sla-clock-datafusion --example sla_report
  cargo build --quiet --release --example due
fi
report=${SLA_REPORT:-$target/release/examples/sla_report}
due=${DUE:-$target/release/examples/due}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$report" --generate "$rows" > "$work/tickets.csv"
"$report" --generate "$rows" --out "$work/parquet" --files 8 --format parquet
printf 'export: %s rows; CSV %s MB, Parquet %s MB in 8 files; %s cores, load %s\n' \
  "$rows" "$(( $(stat -c %s "$work/tickets.csv") / 1000000 ))" \
  "$(( $(du -sb "$work/parquet" | cut -f1) / 1000000 ))" "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"

seconds() { # command...: wall-clock seconds of the command
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
pipe() {
  # due --batch exits 1 for the export's malformed lines; that is expected.
  tail -n +2 "$work/tickets.csv" | cut -d, -f2,3 | tr , ' ' | { "$due" --batch > /dev/null || true; }
}
csv() { "$report" "$work/tickets.csv" --now 2026-01-01T00:00:00Z > /dev/null 2>&1; }
parquet() { "$report" "$work/parquet" --now 2026-01-01T00:00:00Z > /dev/null 2>&1; }

declare -A times
for round in $(seq "$rounds"); do
  for method in pipe csv parquet; do
    times[$method]+="$(seconds "$method") "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
pipe_s=$(echo "${times[pipe]}" | median)
declare -A label=([pipe]="due --batch (pipe)" [csv]="sla_report, CSV" [parquet]="sla_report, Parquet")
printf '\n%-22s %10s %14s %10s   %s\n' method seconds 'rows/second' 'vs pipe' 'all rounds (s)'
for method in pipe csv parquet; do
  s=$(echo "${times[$method]}" | median)
  printf '%-22s %10.2f %14.0f %9.2fx   %s\n' "${label[$method]}" "$s" "$(echo "$rows / $s" | bc -l)" \
    "$(echo "$pipe_s / $s" | bc -l)" "${times[$method]}"
done
