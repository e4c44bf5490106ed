#!/usr/bin/env bash
# The studyHour bench against a cluster on this one machine: builds Release, starts a fresh PostgreSQL, CLUSTER_SILOS
# silos (each its own silo and gateway port, one cluster id, Orleans' ADO.NET clustering in that PostgreSQL) and
# CLUSTER_FRONTS fronts, each a client of the whole cluster. One LoadGen drives all fronts (learner i through front
# i mod N): closed loop for the peak, then paced at 80 % of it for the p99. After each run LoadGen reads 2.5 back
# through the fronts in turn and checks that it holds exactly the seconds acknowledged; a mismatch fails the bench.
# Other work shares this machine: measure under its benchmark lock, `flock /tmp/bench.lock bench/cluster.sh`.
# While LoadGen measures, PostgreSQL's sessions are sampled every 0.2 s (pg_stat_activity, by one psql with \watch):
# how many wait on a lock, and on which table's statement, so that the last line says whether the silos' group
# commits queue on a shared aggregate row (issue 24), which migration 700 gave each ledger writer rows of its own.
# Settings: BENCH_SECONDS (default 20 per run), BENCH_WARMUP (30), BENCH_CONNECTIONS (64 in all), BENCH_LEARNERS (5000),
# CLUSTER_SILOS (2), CLUSTER_FRONTS (2).
set -euo pipefail

seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-30}
connections=${BENCH_CONNECTIONS:-64}
learners=${BENCH_LEARNERS:-5000}
silos=${CLUSTER_SILOS:-2}
fronts=${CLUSTER_FRONTS:-2}
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
# Silos and fronts as separate processes, as a cluster deploys them.
topology=split

# "studyHour R req/s p99 P ms" is LoadGen's last line.
rate_of() { tail -n 1 "$1" | awk '{print $2}'; }
p99_of() { tail -n 1 "$1" | awk '{print $5}'; }
refusals_of() { awk '/^returnCode .* on studyHour:/ { n += $NF } END { print n + 0 }' "$1"; }

# The tables whose rows every group commit adds to: a wait on one of them is a wait on a shared aggregate row.
aggregates='activity_by_minute|credit_by_day|anomalies_by_day'

# Samples the database's sessions into FILE until killed, one line a sample: "active waiting tables", where tables
# names, for each session waiting on a lock, the table its statement writes (other when none is named).
sample_locks() {
  local port password
  port=$(sed -nE 's/.*Port=([0-9]+).*/\1/p' <<<"$SUPERVISION_DB")
  password=$(sed -nE 's/.*Password=([^;]+).*/\1/p' <<<"$SUPERVISION_DB")
  PGPASSWORD=$password "$(compgen -G '/usr/lib/postgresql/*/bin/psql' | tail -n 1)" -h 127.0.0.1 -p "$port" -U supervision -d supervision -XAtq -F ' ' >"$1" 2>/dev/null <<'SQL' &
SELECT count(*) FILTER (WHERE state = 'active'), count(*) FILTER (WHERE wait_event_type = 'Lock'),
       coalesce(string_agg(coalesce(substring(query FROM '(?:INSERT INTO|UPDATE|DELETE FROM)\s+([a-z_]+)'), 'other'), ',')
                FILTER (WHERE wait_event_type = 'Lock'), '-')
  FROM pg_stat_activity
 WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
\watch 0.2
SQL
  sampler_pid=$!
  pids+=("$sampler_pid")
}

# "S samples, W with a lock wait; aggregate rows A (by table), other O" from a sample file.
lock_waits_of() {
  awk -v agg="^($aggregates)$" '{ n++; if ($2 > 0) w++; k = split($3, names, ","); for (i = 1; i <= k; i++) {
      if (names[i] == "-") continue; if (names[i] ~ agg) { a++; by[names[i]]++ } else o++ } }
    END { s = ""; for (t in by) s = s (s == "" ? "" : ", ") t " " by[t]
      printf "%d samples, %d with a lock wait; on aggregate rows %d%s, other %d", n, w, a + 0, (s == "" ? "" : " (" s ")"), o + 0 }' "$1"
}

measure() {
  local out=$1
  shift
  sample_locks "$out.locks"
  "${loadgen[@]}" --url "$urls" --learners "$learners" \
    --connections "$connections" --duration-s "$seconds" --warmup-s "$warmup" "$@" | tee "$out" >&2 || true
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  grep -q '^verified:' "$out" || { echo "bench: LoadGen's verification failed ($out)" >&2; exit 1; }
}

build_release
start_database
# All silos at once, as a deployment starts them: the schema migration takes an advisory lock.
for n in $(seq 1 "$silos"); do
  SUPERVISION_SILO_PORT=$(free_port) SUPERVISION_GATEWAY_PORT=$(free_port) start_silo "silo-$n"
done
# Fronts started once every silo is Active open a gateway connection to each from the start.
wait_for_silos "$silos"
front_urls=()
for n in $(seq 1 "$fronts"); do
  port=$(free_port)
  start_front "$port" "front-$n"
  front_urls+=("http://127.0.0.1:$port")
done
for url in "${front_urls[@]}"; do wait_for "$url/health/ready" healthy; done
urls=$(IFS=,; echo "${front_urls[*]}")

echo "bench: $silos silos, $fronts fronts, closed loop" >&2
measure "$work/peak.txt" --mode closed
peak=$(rate_of "$work/peak.txt")
peak_p99=$(p99_of "$work/peak.txt")

cadence_ms=$(awk -v l="$learners" -v r="$peak" 'BEGIN { printf "%d", l * 1000 / (0.8 * r) }')
echo "bench: $silos silos, $fronts fronts, paced at 80 % ($cadence_ms ms cadence)" >&2
measure "$work/paced.txt" --mode paced --cadence-ms "$cadence_ms"
paced_rate=$(rate_of "$work/paced.txt")
p99=$(p99_of "$work/paced.txt")

# Errors the silos and fronts logged while they served: a cluster that verifies but logs failures is not correct yet.
# The simple console format puts the message on the line after "fail: Category[event]". LoadGen's learning platform
# has an address under .test, which never resolves, so the silos' deliveries to it fail by design: those are
# counted apart. The work folder is removed on exit, so the others are shown here.
logged() {
  awk -v want="$1" '/^(fail|crit):/ { head = FILENAME ": " $0; getline
      bench = $0 ~ /\.loadgen\.test/; if (bench == (want == "bench")) { n++; if (want == "other") print head " " $0 > "/dev/stderr" } }
    END { print n + 0 }' "$work"/silo-*.log "$work"/front-*.log
}
logged_errors=$(logged other)
delivery_errors=$(logged bench)
[ "$(active_silos)" -eq "$silos" ] || { echo "bench: a silo left the cluster during the run" >&2; exit 1; }
stop_all

echo >&2
grep -h '^studyHour answered per front' "$work/peak.txt" "$work/paced.txt" >&2
printf 'cluster %s silos %s fronts | studyHour %s req/s p99 %s ms | at 80 %%: %s req/s p99 %s ms | lock waits closed loop: %s | at 80 %%: %s | refused %s + %s | verified both runs | logged errors %s (+ %s failed deliveries to the unresolvable LoadGen platform) | %s cores, %s connections, %s learners, %s s per run\n' \
  "$silos" "$fronts" "$peak" "$peak_p99" "$paced_rate" "$p99" "$(lock_waits_of "$work/peak.txt.locks")" "$(lock_waits_of "$work/paced.txt.locks")" "$(refusals_of "$work/peak.txt")" "$(refusals_of "$work/paced.txt")" \
  "$logged_errors" "$delivery_errors" "$(nproc)" "$connections" "$learners" "$seconds"
