#!/usr/bin/env bash
# Rows per second of the SLA report in one process and on a local Ballista
# cluster of one and of two executors, over the same export split into
# files, CSV and Parquet, measured in one run:
#
#   bash integrations/ballista/scaling.sh [ROWS] [FILES]
#
# ROWS defaults to 5 000 000, FILES to 8. Builds the release binaries
# first, unless BIN names a directory that holds them. Every process runs on 127.0.0.1 and is killed at the end (also
# on failure or Ctrl-C). Each figure is the best of two runs: the cluster
# runs share the machine with everything else on it.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-5000000}
files=${2:-8}
target=${CARGO_TARGET_DIR:-target}

if [ -z "${BIN:-}" ]; then
  cargo build --quiet --release -p sla-clock-ballista --bins
fi
bin=${BIN:-$target/release}

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin/sla-report" --generate "$rows" --out "$work/csv" --files "$files"
"$bin/sla-report" --generate "$rows" --out "$work/parquet" --files "$files" --format parquet

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() {
  # Two minutes at most: a loaded machine can be slow to start a process.
  for _ in $(seq 1200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2
  return 1
}
best_rate() { # label, then the report's arguments: best rows/s of two runs
  local label=$1 best=0 rate
  shift
  for _ in 1 2; do
    rate=$("$bin/sla-report" "$@" --now 2026-01-01T00:00:00Z 2>&1 >/dev/null |
      sed -n 's/.* \([0-9]*\) rows a second.*/\1/p')
    if [ "${rate:-0}" -gt "$best" ]; then best=$rate; fi
  done
  printf '%-34s %12s\n' "$label" "$best"
}

printf '%s rows in %s files; %s cores, load %s\n\n' "$rows" "$files" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %12s\n' "setup" "rows/second"
for format in csv parquet; do
  best_rate "one process, $format" "$work/$format"
done

scheduler=$(free_port)
"$bin/sla-scheduler" --port "$scheduler" 2>"$work/scheduler.log" &
pids+=($!)
wait_port "$scheduler"
for n in 1 2; do
  flight=$(free_port)
  grpc=$(free_port)
  mkdir -p "$work/executor-$n"
  "$bin/sla-executor" --scheduler "127.0.0.1:$scheduler" --port "$flight" --grpc-port "$grpc" \
    --work-dir "$work/executor-$n" 2>"$work/executor-$n.log" &
  pids+=($!)
  # The executor registers with the scheduler before its Flight port
  # listens.
  wait_port "$flight"
  for format in csv parquet; do
    best_rate "$n executor(s), $format" --scheduler "df://127.0.0.1:$scheduler" "$work/$format"
  done
done
