#!/usr/bin/env bash
# The benchmark, side by side in one run on this machine: builds Release, starts a fresh PostgreSQL, one
# silo and one front (as scripts/run.sh would), and measures with the same load tool and connections:
#   supervision   the real studyHour path, durable (closed loop: peak; then paced at 80 % of it: p99)
#   ceiling       a bare ASP.NET Core endpoint that parses the envelope and answers a constant
#   conventional  the same rules as one SQL transaction per request (read, update, insert, commit)
# Settings: BENCH_SECONDS (default 20 per run), BENCH_WARMUP (30 s of load before each measured run: the silo
# JIT-compiles to its optimised tier for about 40 s under load), BENCH_CONNECTIONS (64), BENCH_LEARNERS (5000).
set -euo pipefail

seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-30}
connections=${BENCH_CONNECTIONS:-64}
learners=${BENCH_LEARNERS:-5000}
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

# "studyHour R req/s p99 P ms" is LoadGen's last line.
rate_of() { tail -n 1 "$1" | awk '{print $2}'; }
p99_of() { tail -n 1 "$1" | awk '{print $5}'; }

build_release
start_supervision

echo "bench: supervision, closed loop" >&2
touch "$work/peak.txt"
"${loadgen[@]}" --url "http://127.0.0.1:$front_port" --learners "$learners" --mode closed \
  --connections "$connections" --duration-s "$seconds" --warmup-s "$warmup" | tee "$work/peak.txt" >&2 &
# The bytes are measured from LoadGen's first progress line, once its learners are provisioned and started, so that
# only reports are counted; the database is read while the load goes on.
until grep -q 'studyHour answered' "$work/peak.txt" || ! kill -0 $! 2>/dev/null; do sleep 1; done
mark=$(durable_mark)
wait $!
durable=$(durable_bytes "$mark" "$(durable_mark)")
echo "bench: $durable" >&2
grep -q '^verified:' "$work/peak.txt" || { echo "bench: LoadGen's verification failed" >&2; exit 1; }
peak=$(rate_of "$work/peak.txt")

# Paced at 80 % of the peak: each of the learners reports once per cadence.
cadence_ms=$(awk -v l="$learners" -v r="$peak" 'BEGIN { printf "%d", l * 1000 / (0.8 * r) }')
echo "bench: supervision, paced at 80 % ($cadence_ms ms cadence)" >&2
"${loadgen[@]}" --url "http://127.0.0.1:$front_port" --learners "$learners" --mode paced --cadence-ms "$cadence_ms" \
  --connections "$connections" --duration-s "$seconds" --warmup-s "$warmup" | tee "$work/paced.txt" >&2
paced_rate=$(rate_of "$work/paced.txt")
p99=$(p99_of "$work/paced.txt")
stop_all

echo "bench: ceiling" >&2
ceiling_port=$(free_port)
dotnet "$root/bench/Ceiling/bin/Release/net10.0/Supervision.Bench.Ceiling.dll" --urls "http://127.0.0.1:$ceiling_port" >"$work/ceiling.log" 2>&1 & pids+=($!)
wait_for "http://127.0.0.1:$ceiling_port/"
"${loadgen[@]}" --url "http://127.0.0.1:$ceiling_port" --target raw --learners "$learners" --mode closed \
  --connections "$connections" --duration-s "$seconds" --warmup-s "$warmup" | tee "$work/ceiling.txt" >&2
ceiling=$(rate_of "$work/ceiling.txt")
stop_all

echo "bench: conventional" >&2
conventional_port=$(free_port)
dotnet "$root/bench/Conventional/bin/Release/net10.0/Supervision.Bench.Conventional.dll" --urls "http://127.0.0.1:$conventional_port" >"$work/conventional.log" 2>&1 & pids+=($!)
wait_for "http://127.0.0.1:$conventional_port/"
"${loadgen[@]}" --url "http://127.0.0.1:$conventional_port" --target raw --learners "$learners" --mode closed \
  --connections "$connections" --duration-s "$seconds" --warmup-s "$warmup" | tee "$work/conventional.txt" >&2
conventional=$(rate_of "$work/conventional.txt")
stop_all

printf '\n%-14s %10s\n' "path" "req/s"
printf '%-14s %10s\n' "ceiling" "$ceiling" "conventional" "$conventional" "supervision" "$peak" "supervision@80%" "$paced_rate"
echo "$durable"
printf 'supervision p99 at 80 %% of peak: %s ms; %s cores, %s connections, %s learners, %s s per run\n\n' "$p99" "$(nproc)" "$connections" "$learners" "$seconds"
awk -v r="$peak" -v p="$p99" -v c="$ceiling" -v v="$conventional" \
  'BEGIN { printf "studyHour %d req/s p99 %s ms | ceiling %d req/s | conventional %d req/s | ratio-to-ceiling %.2f | ratio-to-conventional %.2f\n", r, p, c, v, r / c, r / v }'
