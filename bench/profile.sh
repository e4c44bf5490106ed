#!/usr/bin/env bash
# Where the CPU goes on the studyHour path: the same stack as bench/run.sh under LoadGen's closed loop,
# sampled system-wide with perf (software cpu-clock, since this machine has no hardware counters) while the
# load runs. Prints the CPU share of each process (PostgreSQL, silo, front, LoadGen, kernel) and the hottest
# symbols of the silo and the front (JIT frames are named through DOTNET_PerfMapEnabled).
# Settings: PROFILE_SECONDS (default 15 sampled), PROFILE_WARMUP (30 s of load before sampling, so the JIT has
# settled), BENCH_CONNECTIONS (64), BENCH_LEARNERS (5000),
# PROFILE_OUT (default /tmp/supervision-profile: perf.data is kept there for `perf report -i`).
set -euo pipefail

seconds=${PROFILE_SECONDS:-15}
warmup=${PROFILE_WARMUP:-30}
out=${PROFILE_OUT:-/tmp/supervision-profile}
connections=${BENCH_CONNECTIONS:-64}
learners=${BENCH_LEARNERS:-5000}
command -v perf >/dev/null || { echo "profile: needs perf (apt-get install linux-perf)" >&2; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

# perf names JIT-compiled frames from /tmp/perf-PID.map, which needs code mapped without W^X double mapping.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
build_release
start_supervision

echo "profile: closed loop, sampling $seconds s after a $warmup s warm-up" >&2
"${loadgen[@]}" --url "http://127.0.0.1:$front_port" --learners "$learners" --mode closed \
  --connections "$connections" --duration-s $((warmup + seconds + 5)) --warmup-s 5 >"$work/load.txt" 2>&1 &
load_pid=$!
sleep "$warmup"
perf record -e cpu-clock -F 499 -a -g -o "$work/perf.data" -- sleep "$seconds" 2>/dev/null
wait "$load_pid" || true
mkdir -p "$out"
cp "$work/load.txt" "$out/load.txt"
tail -n 1 "$work/load.txt"
cp "$work/perf.data" "$out/perf.data"

# Samples per process: perf's own sort keys work per thread, so group the raw samples by process id.
echo; echo "CPU share by process (of all samples on the machine)"
perf script -i "$out/perf.data" -F pid 2>/dev/null | sort | uniq -c | sort -rn | awk -v silo="$silo_pid" -v front="$front_pid" -v load="$load_pid" '
  { total += $1; count[$2] = $1 }
  END {
    for (pid in count) {
      name = "other"
      if (pid == silo) name = "silo"; else if (pid == front) name = "front"; else if (pid == load) name = "loadgen"
      else { cmd = "cat /proc/" pid "/comm 2>/dev/null"; cmd | getline name; close(cmd); if (name == "") name = "exited" }
      share[name] += count[pid]
    }
    for (name in share) printf "  %6.1f%%  %s\n", 100 * share[name] / total, name
  }' | sort -rn

for part in silo front; do
  pid_var="${part}_pid"
  echo; echo "the $part by library (share of all samples)"
  perf report -i "$out/perf.data" --stdio --no-children --pid "${!pid_var}" --sort dso -g none 2>/dev/null | grep -E '^ +[0-9]' | head -8 || true
  echo; echo "hottest symbols in the $part (self time, share of all samples)"
  perf report -i "$out/perf.data" --stdio --no-children --pid "${!pid_var}" --sort sym -g none 2>/dev/null | grep -E '^ +[0-9]' | cut -c1-200 | head -30 || true
done
