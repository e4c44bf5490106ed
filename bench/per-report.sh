#!/usr/bin/env bash
# What a studyHour report costs the server in what does not depend on load: heap bytes allocated and thread-pool work
# items a report, from the server's /metrics (the runtime's instruments) over a closed-loop run of LoadGen, divided by
# the report rows written. One fresh stack, no ceiling or conventional run, no paced run: a quick figure to compare
# two trees by, on a busy machine too (bench/run.sh prints the same two figures for its rounds).
# Settings: PER_REPORT_SECONDS (15), BENCH_WARMUP (15), BENCH_CONNECTIONS (32), BENCH_LEARNERS (2000), PER_REPORT_RUNS
# (2: one stack each, a line each), PER_REPORT_BUILD (yes; no uses the build there is).
set -euo pipefail

seconds=${PER_REPORT_SECONDS:-15}
warmup=${BENCH_WARMUP:-15}
conns=${BENCH_CONNECTIONS:-32}
learners=${BENCH_LEARNERS:-2000}
runs=${PER_REPORT_RUNS:-2}
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
source "$root/bench/server-counters.sh"

[ "${PER_REPORT_BUILD:-yes}" = no ] || build_release
for run in $(seq 1 "$runs"); do
  "$root/scripts/local-postgres.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work/pg"
  start_supervision
  : >"$work/load.txt"
  "${loadgen[@]}" --url "http://127.0.0.1:$front_port" --learners "$learners" --mode closed \
    --connections "$conns" --duration-s "$seconds" --warmup-s "$warmup" >"$work/load.txt" &
  loadgen_pid=$!
  until grep -q 'studyHour answered' "$work/load.txt" || ! kill -0 $loadgen_pid 2>/dev/null; do sleep 1; done
  kill -0 $loadgen_pid 2>/dev/null || { cat "$work/load.txt" >&2; grep -m 3 -A 12 'fail:\|crit:' "$work/silo.log" >&2; exit 1; }
  mark=$(durable_mark)
  counters0=$(server_counters)
  while kill -0 $loadgen_pid 2>/dev/null && ! grep -q '^studyHour ' "$work/load.txt"; do sleep 0.5; done
  counters1=$(server_counters)
  end=$(durable_mark)
  wait $loadgen_pid
  grep -q '^verified:' "$work/load.txt" || { cat "$work/load.txt" >&2; echo "bench: LoadGen's verification failed" >&2; exit 1; }
  reports=$(( $(awk '{ print $2 }' <<<"$end") - $(awk '{ print $2 }' <<<"$mark") ))
  printf 'run %d: %s req/s | %s\n' "$run" "$(tail -n 1 "$work/load.txt" | awk '{print $2}')" "$(per_report "$counters0" "$counters1" "$reports")"
  stop_all
done
