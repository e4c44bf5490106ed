#!/usr/bin/env bash
# Memory per active learner and the cold activation rate, on the stack of bench/run.sh:
#   1. a warm-up sweep of 1,000 learners, then the silo's resident memory (VmRSS) as the baseline;
#   2. MEMORY_LEARNERS learners provisioned (2.4), started (1.3) and sending one report each, in two halves:
#      every one is an active student-class grain (the person's grain leaves memory once the start is recorded);
#      the RSS growth divided by the learners, and the second half's growth divided by its learners. The first
#      figure carries what the process grows by under load whatever the learners (threads, the GC's budgets, code
#      compiled), spread over the learners; the second is what one more learner costs;
#   3. the silo killed and started again, so every learner's state is only in PostgreSQL; the same learners
#      each send one report: the rate of those first reports is the cold activation rate.
# Settings: MEMORY_LEARNERS (default 100000), BENCH_CONNECTIONS (64); MEMORY_GCDUMP=FILE also writes a gcdump of
# the loaded silo to FILE and its full per-type report to FILE.txt (dotnet-gcdump, after the RSS is read: its
# collection would lower the figure), and the RSS after that full collection, which shows the GC's share;
# MEMORY_COLD=no skips step 3 (the memory figures alone, in less time); MEMORY_BUILD=no runs the Release build
# already there; MEMORY_CROWD_INTERVAL (00:00:00: off) the crowd sweep's interval; MEMORY_SETTLE=SECONDS reads the
# RSS again after that long idle (what the GC gives back by itself).
set -euo pipefail

learners=${MEMORY_LEARNERS:-100000}
connections=${BENCH_CONNECTIONS:-64}
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
sweep() { "${loadgen[@]}" --url "http://127.0.0.1:$front_port" --connections "$connections" --mode sweep "$@"; }

# The crowd sweep (every 5 minutes) reads the last 30 minutes of reports and groups those that coincide on one device
# id: LoadGen sends every report from the device "loadgen", so its learners are one crowd of them all, and a sweep
# during the run held 1.5 GB more (100,000 learners); it measures LoadGen's device id, not what a learner holds.
export Supervision__Crowds__Interval=${MEMORY_CROWD_INTERVAL:-00:00:00}

[ "${MEMORY_BUILD:-yes}" = no ] || build_release
start_supervision

echo "memory: warm-up sweep" >&2
sweep --learners 1000 --run "warm$$" >"$work/warm.txt"
sleep 5
baseline=$(rss_kb "$silo_pid")

half=$((learners / 2))
runs=("mem$$a" "mem$$b")
echo "memory: $learners learners in two halves, provisioned and one report each" >&2
sweep --learners "$half" --run "${runs[0]}" --class-size 2000 | tee "$work/hot.txt" >&2
sleep 5
halfway=$(rss_kb "$silo_pid")
sweep --learners "$half" --run "${runs[1]}" --class-size 2000 | tee -a "$work/hot.txt" >&2
sleep 5
loaded=$(rss_kb "$silo_pid")
# The GC's own account at its last collection (the runtime's instruments on /metrics): what it holds committed,
# what was live, and the free space inside the heap, beside the RSS.
curl -s "http://127.0.0.1:$front_port/metrics" | awk '
  /^dotnet_gc_last_collection_memory_committed_size_bytes/ { committed = $NF }
  /^dotnet_gc_last_collection_heap_size_bytes/ { heap += $NF }
  /^dotnet_gc_last_collection_heap_fragmentation_size_bytes/ { free += $NF }
  END { printf "GC at its last collection: %.0f MB committed, %.0f MB in its generations, of which %.0f MB free space\n", committed / 1048576, heap / 1048576, free / 1048576 }' >"$work/gc.txt"
if [ "${MEMORY_SETTLE:-0}" -gt 0 ]; then
  sleep "$MEMORY_SETTLE"
  settled=$(rss_kb "$silo_pid")
fi
if [ -n "${MEMORY_GCDUMP:-}" ]; then
  dotnet-gcdump collect -p "$silo_pid" -o "$MEMORY_GCDUMP" >&2
  dotnet-gcdump report "$MEMORY_GCDUMP" >"$MEMORY_GCDUMP.txt"
  head -n 40 "$MEMORY_GCDUMP.txt" >&2
  collected=$(rss_kb "$silo_pid")
fi

if [ "${MEMORY_COLD:-yes}" != no ]; then
  echo "memory: silo killed and started again; the same learners' first reports" >&2
  kill -9 "$silo_pid"
  start_silo
  wait_for "http://127.0.0.1:$front_port/health/ready" healthy
  for run in "${runs[@]}"; do
    sweep --learners "$half" --run "$run" --class-size 2000 --provision no | tee -a "$work/cold.txt" >&2
  done
fi

echo
awk -v b="$baseline" -v h="$halfway" -v l="$loaded" -v n="$((half * 2))" 'BEGIN {
  printf "silo RSS: %.0f MB after warm-up, %.0f MB with %d active learners, %.0f MB with %d: %.2f KB per learner; the second half alone: %.2f KB per learner\n",
    b / 1024, h / 1024, n / 2, l / 1024, n, (l - b) / n, (l - h) / (n / 2) }'
cat "$work/gc.txt"
if [ -n "${settled:-}" ]; then
  awk -v b="$baseline" -v s="$settled" -v n="$((half * 2))" -v t="$MEMORY_SETTLE" 'BEGIN {
    printf "silo RSS %d s later, idle: %.0f MB: %.2f KB per learner above the warm-up\n", t, s / 1024, (s - b) / n }'
fi
if [ -n "${collected:-}" ]; then
  awk -v b="$baseline" -v c="$collected" -v n="$((half * 2))" 'BEGIN {
    printf "silo RSS after the gcdump'"'"'s full collection: %.0f MB: %.2f KB per learner above the warm-up\n", c / 1024, (c - b) / n }'
fi
if [ -f "$work/cold.txt" ]; then grep "first reports/s" "$work/cold.txt" | sed 's/^/cold activations: /'; fi
