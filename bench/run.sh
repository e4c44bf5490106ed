#!/usr/bin/env bash
# The benchmark, side by side in one run on this machine: builds Release, starts a fresh PostgreSQL, one
# silo and one front (as scripts/run.sh would), and measures with the same load tool and connections:
#   supervision   the real studyHour path, durable (closed loop: peak; then paced at 80 % of it: p99)
#   ceiling       a bare ASP.NET Core endpoint that parses the envelope and answers a constant
#   conventional  the same rules as one SQL transaction per request (read, update, insert, commit)
# The three alternate BENCH_ROUNDS times (3), ceiling, supervision, conventional, so that a slow minute of a shared
# machine falls on all three alike; the last line gives the median of each and of the ratios (each round's ratio).
# Settings: BENCH_SECONDS (default 20 per run), BENCH_WARMUP (30 s of load before each measured run: the silo
# JIT-compiles to its optimised tier for about 40 s under load), BENCH_CONNECTIONS (64), BENCH_LEARNERS (5000),
# BENCH_ROUNDS (3), BENCH_CONNECTIONS_HIGH (256: the same rounds again at this many connections, summed up on the line
# before the last; 0 skips them).
set -euo pipefail

seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-30}
connections=${BENCH_CONNECTIONS:-64}
connections_high=${BENCH_CONNECTIONS_HIGH:-256}
learners=${BENCH_LEARNERS:-5000}
rounds=${BENCH_ROUNDS:-3}
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
source "$root/bench/server-counters.sh"

# "studyHour R req/s p99 P ms" is LoadGen's last line.
rate_of() { tail -n 1 "$1" | awk '{print $2}'; }
p99_of() { tail -n 1 "$1" | awk '{print $5}'; }

# The machine's busy share (all cores) since a mark of /proc/stat's first line: "busy total" jiffies.
cpu_mark() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }
busy_since() { read -r b0 t0 <<<"$1"; read -r b1 t1 <<<"$(cpu_mark)"; awk -v b="$((b1 - b0))" -v t="$((t1 - t0))" 'BEGIN { printf "%.0f", 100 * b / t }'; }

# CPU time (user + system, in clock ticks) of each process given, one "pid ticks" line each; a process gone is left out.
cpu_of() { local pid; for pid in "$@"; do awk -v p="$pid" '{ print p, $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true; done; }
# The ticks the processes of two cpu_of lists spent in between (a process born in between counts from its start).
ticks_between() { awk 'NR == FNR { before[$1] = $2; next } { spent += $2 - ($1 in before ? before[$1] : 0) } END { print spent + 0 }' "$1" "$2"; }
# PostgreSQL's processes: the postmaster and its children (a backend per connection, the WAL writer, the checkpointer).
postgres_pids() { local postmaster; postmaster=$(head -n 1 "$work/pg/pgdata/postmaster.pid"); echo "$postmaster" $(ps -o pid= --ppid "$postmaster"); }
per_report_us() { awk -v t="$1" -v r="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (r <= 0) print "n/a"; else printf "%.1f", t * 1000000 / hz / r }'; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One raw run of LoadGen against a bench app (ceiling or conventional) built in bench/NAME; prints its req/s.
raw_run() { # name
  local port
  port=$(free_port)
  dotnet "$root/bench/$1/bin/Release/net10.0/Supervision.Bench.$1.dll" --urls "http://127.0.0.1:$port" >"$work/$1.log" 2>&1 & pids+=($!)
  wait_for "http://127.0.0.1:$port/"
  "${loadgen[@]}" --url "http://127.0.0.1:$port" --target raw --learners "$learners" --mode closed \
    --connections "$conns" --duration-s "$seconds" --warmup-s "$warmup" | tee "$work/$1.txt" >&2
  stop_all
  rate_of "$work/$1.txt"
}

# The real path, closed loop then paced at 80 % of its peak; sets peak, paced_rate, p99, durable, busy, alloc, items (thread-pool
# work items a report), and the
# CPU a report of each layer: cpu_server (the silo and front process, or both processes when split), cpu_postgres,
# cpu_loadgen, in µs.
supervision_run() {
  local mark end cpu counters0 counters1 reports cadence_ms loadgen_pid
  # A fresh database each round, in the same folder: the last round's (which conventional used too) goes first.
  "$root/scripts/local-postgres.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work/pg"
  start_supervision
  echo "bench: supervision, closed loop" >&2
  : >"$work/peak.txt"
  # LoadGen's own output goes to the file (its pid is what $! names, for its CPU), and to the terminal once it ends.
  "${loadgen[@]}" --url "http://127.0.0.1:$front_port" --learners "$learners" --mode closed \
    --connections "$conns" --duration-s "$seconds" --warmup-s "$warmup" >"$work/peak.txt" &
  loadgen_pid=$!
  # The bytes are measured from LoadGen's first progress line, once its learners are provisioned and started, so
  # that only reports are counted; the database is read while the load goes on. CPU and allocations likewise.
  until grep -q 'studyHour answered' "$work/peak.txt" || ! kill -0 $loadgen_pid 2>/dev/null; do sleep 1; done
  mark=$(durable_mark)
  cpu=$(cpu_mark)
  counters0=$(server_counters)
  cpu_of $(printf '%s\n' "$silo_pid" "$front_pid" | sort -u) >"$work/server.cpu0"
  cpu_of $(postgres_pids) >"$work/postgres.cpu0"
  cpu_of "$loadgen_pid" >"$work/loadgen.cpu0"
  # The end marks are read before LoadGen exits: it verifies 2.5 after its last report, which is not the load.
  while kill -0 $loadgen_pid 2>/dev/null && ! grep -q '^studyHour ' "$work/peak.txt"; do
    cpu_of $(printf '%s\n' "$silo_pid" "$front_pid" | sort -u) >"$work/server.cpu1"
    cpu_of $(postgres_pids) >"$work/postgres.cpu1"
    cpu_of "$loadgen_pid" >"$work/loadgen.cpu1"
    sleep 0.5
  done
  wait $loadgen_pid
  cat "$work/peak.txt" >&2
  busy=$(busy_since "$cpu")
  counters1=$(server_counters)
  end=$(durable_mark)
  durable=$(durable_bytes "$mark" "$end")
  echo "bench: $durable" >&2
  grep -q '^verified:' "$work/peak.txt" || { echo "bench: LoadGen's verification failed" >&2; exit 1; }
  peak=$(rate_of "$work/peak.txt")
  # Allocations and thread-pool work items a report: the process's (front and silo), over the same window as the bytes,
  # per report row written.
  reports=$(( $(awk '{ print $2 }' <<<"$end") - $(awk '{ print $2 }' <<<"$mark") ))
  alloc=$(per_report "$counters0" "$counters1" "$reports" | awk '{ print $2 }')
  items=$(per_report "$counters0" "$counters1" "$reports" | awk '{ print $7 }' | cut -d/ -f1)
  cpu_server=$(per_report_us "$(ticks_between "$work/server.cpu0" "$work/server.cpu1")" "$reports")
  cpu_postgres=$(per_report_us "$(ticks_between "$work/postgres.cpu0" "$work/postgres.cpu1")" "$reports")
  cpu_loadgen=$(per_report_us "$(ticks_between "$work/loadgen.cpu0" "$work/loadgen.cpu1")" "$reports")

  cadence_ms=$(awk -v l="$learners" -v r="$peak" 'BEGIN { printf "%d", l * 1000 / (0.8 * r) }')
  echo "bench: supervision, paced at 80 % ($cadence_ms ms cadence)" >&2
  "${loadgen[@]}" --url "http://127.0.0.1:$front_port" --learners "$learners" --mode paced --cadence-ms "$cadence_ms" \
    --connections "$conns" --duration-s "$seconds" --warmup-s "$warmup" | tee "$work/paced.txt" >&2
  paced_rate=$(rate_of "$work/paced.txt")
  p99=$(p99_of "$work/paced.txt")
  stop_all
}

# BENCH_ROUNDS rounds at CONNECTIONS; prints each round's line and the medians' summary, and sets summary to the
# medians' figure line.
rounds_at() { # connections
  local conns=$1 round ceiling conventional
  local ceilings=() peaks=() paceds=() p99s=() conventionals=() busys=() allocs=() itemss=() to_ceiling=() to_conventional=()
  local servers=() postgreses=() loadgens=()
  for round in $(seq 1 "$rounds"); do
    echo "bench: $conns connections, round $round of $rounds: ceiling" >&2
    ceiling=$(raw_run Ceiling)
    echo "bench: $conns connections, round $round of $rounds: supervision" >&2
    supervision_run
    echo "bench: $conns connections, round $round of $rounds: conventional" >&2
    conventional=$(raw_run Conventional)
    ceilings+=("$ceiling") peaks+=("$peak") paceds+=("$paced_rate") p99s+=("$p99") conventionals+=("$conventional")
    busys+=("$busy") allocs+=("$alloc") itemss+=("$items") servers+=("$cpu_server") postgreses+=("$cpu_postgres") loadgens+=("$cpu_loadgen")
    to_ceiling+=("$(awk -v r="$peak" -v c="$ceiling" 'BEGIN { printf "%.3f", r / c }')")
    to_conventional+=("$(awk -v r="$peak" -v v="$conventional" 'BEGIN { printf "%.3f", r / v }')")
    printf 'round %d at %d connections: studyHour %d req/s p99 %s ms | ceiling %d req/s | conventional %d req/s | ratio-to-ceiling %.2f | ratio-to-conventional %.2f | cpu busy %s %% | alloc %s KB/report | work items %s/report | cpu µs/report server %s postgres %s loadgen %s\n' \
      "$round" "$conns" "$peak" "$p99" "$ceiling" "$conventional" "${to_ceiling[-1]}" "${to_conventional[-1]}" "$busy" "$alloc" "$items" "$cpu_server" "$cpu_postgres" "$cpu_loadgen" >&2
  done

  printf '\n%-14s %10s   (each round, %s connections)\n' "path" "req/s (median)" "$conns"
  printf '%-14s %10s   %s\n' "ceiling" "$(median "${ceilings[@]}")" "${ceilings[*]}" "conventional" "$(median "${conventionals[@]}")" "${conventionals[*]}" \
    "supervision" "$(median "${peaks[@]}")" "${peaks[*]}" "supervision@80%" "$(median "${paceds[@]}")" "${paceds[*]}"
  echo "$durable (last round)"
  printf 'supervision p99 at 80 %% of peak: %s ms (each round: %s); %s cores, %s connections, %s learners, %s s per run, %s rounds\n' \
    "$(median "${p99s[@]}")" "${p99s[*]}" "$(nproc)" "$conns" "$learners" "$seconds" "$rounds"
  printf 'machine busy during the closed run: %s %% (each round: %s); allocated: %s KB a report (each round: %s); thread-pool work items: %s a report (each round: %s)\n' \
    "$(median "${busys[@]}")" "${busys[*]}" "$(median "${allocs[@]}")" "${allocs[*]}" "$(median "${itemss[@]}")" "${itemss[*]}"
  printf 'cpu a report during the closed run, µs (median; each round): server %s (%s) | postgres %s (%s) | loadgen %s (%s)\n\n' \
    "$(median "${servers[@]}")" "${servers[*]}" "$(median "${postgreses[@]}")" "${postgreses[*]}" "$(median "${loadgens[@]}")" "${loadgens[*]}"
  summary=$(awk -v r="$(median "${peaks[@]}")" -v p="$(median "${p99s[@]}")" -v c="$(median "${ceilings[@]}")" -v v="$(median "${conventionals[@]}")" \
    -v rc="$(median "${to_ceiling[@]}")" -v rv="$(median "${to_conventional[@]}")" -v b="$(median "${busys[@]}")" -v a="$(median "${allocs[@]}")" -v w="$(median "${itemss[@]}")" -v n="$rounds" \
    'BEGIN { printf "studyHour %d req/s p99 %s ms | ceiling %d req/s | conventional %d req/s | ratio-to-ceiling %.2f | ratio-to-conventional %.2f | cpu busy %s %% | alloc %s KB/report | work items %s/report | medians of %d rounds", r, p, c, v, rc, rv, b, a, w, n }')
}

build_release
high=""
if [ "$connections_high" -gt 0 ] 2>/dev/null; then
  rounds_at "$connections_high"
  high=$summary
fi
rounds_at "$connections"
# The high-connection figures on the line before the last, in the last line's format with the connections named; the
# last line stays the BENCH_CONNECTIONS one, which CI and the docs read.
[ -n "$high" ] && echo "at $connections_high connections: $high"
echo "$summary"
