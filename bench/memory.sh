#!/usr/bin/env bash
# Memory per active learner and the cold activation rate, on the stack of bench/run.sh:
#   1. a warm-up sweep of 1,000 learners, then the silo's resident memory (VmRSS) as the baseline;
#   2. MEMORY_LEARNERS learners provisioned (2.4), started (1.3) and sending one report each: every one is
#      an active student-class grain (the person's grain leaves memory once the start is recorded); the RSS
#      growth divided by the learners;
#   3. the silo killed and started again, so every learner's state is only in PostgreSQL; the same learners
#      each send one report: the rate of those first reports is the cold activation rate.
# Settings: MEMORY_LEARNERS (default 100000), BENCH_CONNECTIONS (64); MEMORY_GCDUMP=FILE also writes a gcdump of the
# loaded silo to FILE (dotnet-gcdump, after the RSS is read: its collection would lower the figure).
set -euo pipefail

learners=${MEMORY_LEARNERS:-100000}
connections=${BENCH_CONNECTIONS:-64}
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
sweep() { "${loadgen[@]}" --url "http://127.0.0.1:$front_port" --connections "$connections" --mode sweep "$@"; }

build_release
start_supervision

echo "memory: warm-up sweep" >&2
sweep --learners 1000 --run "warm$$" >"$work/warm.txt"
sleep 5
baseline=$(rss_kb "$silo_pid")

run="mem$$"
echo "memory: $learners learners, provisioned and one report each" >&2
sweep --learners "$learners" --run "$run" --class-size 2000 | tee "$work/hot.txt" >&2
sleep 5
loaded=$(rss_kb "$silo_pid")
if [ -n "${MEMORY_GCDUMP:-}" ]; then
  dotnet-gcdump collect -p "$silo_pid" -o "$MEMORY_GCDUMP" >&2
  dotnet-gcdump report "$MEMORY_GCDUMP" | head -n 40 >&2
fi

echo "memory: silo killed and started again; the same learners' first reports" >&2
kill -9 "$silo_pid"
start_silo
wait_for "http://127.0.0.1:$front_port/health/ready" healthy
sweep --learners "$learners" --run "$run" --class-size 2000 --provision no | tee "$work/cold.txt" >&2

echo
awk -v b="$baseline" -v l="$loaded" -v n="$learners" 'BEGIN {
  printf "silo RSS: %.0f MB after warm-up, %.0f MB with %d active learners: %.2f KB per learner\n", b / 1024, l / 1024, n, (l - b) / n }'
echo "cold activations: $(tail -n 1 "$work/cold.txt")"
