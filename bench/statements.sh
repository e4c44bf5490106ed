#!/usr/bin/env bash
# What PostgreSQL spends a report, statement by statement: the stack of bench/run.sh with pg_stat_statements loaded,
# LoadGen's closed loop, the statistics reset once the warm-up is over, then read after STATEMENTS_SECONDS of load.
# Prints, per statement, its calls a group commit (a study_reports insert), the rows it wrote a report, the execution and planning time a
# report (µs), the shared buffers it touched and the WAL it wrote a report; then PostgreSQL's CPU a report (all its
# processes, /proc) against the execution time the statements account for: the difference is what a statement's
# protocol, its commit and the background processes cost.
# Settings: STATEMENTS_SECONDS (default 20), BENCH_WARMUP (30), BENCH_CONNECTIONS (64), BENCH_LEARNERS (5000).
set -euo pipefail

seconds=${STATEMENTS_SECONDS:-20}
warmup=${BENCH_WARMUP:-30}
connections=${BENCH_CONNECTIONS:-64}
learners=${BENCH_LEARNERS:-5000}
export BENCH_PG_SETTINGS="shared_preload_libraries=pg_stat_statements pg_stat_statements.track=all pg_stat_statements.track_planning=on"
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"

postgres_ticks() {
  local postmaster pid
  postmaster=$(head -n 1 "$work/pg/pgdata/postmaster.pid")
  for pid in "$postmaster" $(ps -o pid= --ppid "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true; done |
    awk '{ s += $1 } END { print s + 0 }'
}

build_release
start_supervision
bench_sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null

echo "statements: closed loop, $warmup s warm-up once its learners are provisioned, $seconds s measured" >&2
"${loadgen[@]}" --url "http://127.0.0.1:$front_port" --learners "$learners" --mode closed \
  --connections "$connections" --duration-s 86400 --warmup-s 0 >"$work/load.txt" 2>&1 &
load_pid=$!
pids+=($load_pid)
# LoadGen provisions its learners first; its progress lines start with the closed loop.
until grep -q "studyHour answered" "$work/load.txt"; do
  kill -0 "$load_pid" 2>/dev/null || { cat "$work/load.txt" >&2; exit 1; }
  sleep 1
done
sleep "$warmup"
bench_sql "SELECT pg_stat_statements_reset()" >/dev/null
ticks0=$(postgres_ticks)
sleep "$seconds"
bench_sql "CREATE TABLE statement_costs AS SELECT * FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'" >/dev/null
ticks1=$(postgres_ticks)
stop_all
reports=$(bench_sql "SELECT coalesce(sum(rows), 0) FROM statement_costs WHERE query LIKE 'INSERT INTO study_reports%'")
batches=$(bench_sql "SELECT coalesce(sum(calls), 0) FROM statement_costs WHERE query LIKE 'INSERT INTO study_reports%'")
[ "$reports" -gt 0 ] || { echo "statements: no report was written while measuring" >&2; exit 1; }
echo
echo "$reports reports ($((reports / seconds)) a second) in $batches group commits ($(awk -v r="$reports" -v b="$batches" 'BEGIN { printf "%.1f", r / b }') reports a commit)"
printf '%-10s %-8s %-9s %-9s %-8s %-7s  %s\n' "calls/gc" "rows/rep" "exec µs" "plan µs" "buffers" "WAL B" "statement (a report each)"
bench_sql "SELECT round(calls::numeric / $batches, 2), round(rows::numeric / $reports, 2),
                  round((total_exec_time * 1000 / $reports)::numeric, 1), round((total_plan_time * 1000 / $reports)::numeric, 1),
                  round(shared_blks_hit::numeric / $reports, 1), round(wal_bytes / $reports, 0),
                  left(regexp_replace(query, '\\s+', ' ', 'g'), 70)
             FROM statement_costs
            WHERE total_exec_time * 1000 / $reports >= 0.1
            ORDER BY total_exec_time DESC" |
  awk -F'|' '{ printf "%-10s %-8s %-9s %-9s %-8s %-7s  %s\n", $1, $2, $3, $4, $5, $6, $7 }'
exec_us=$(bench_sql "SELECT round(sum(total_exec_time + total_plan_time)::numeric * 1000 / $reports, 1) FROM statement_costs")
cpu_us=$(awk -v t="$((ticks1 - ticks0))" -v r="$reports" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t * 1000000 / hz / r }')
echo "postgres a report: cpu $cpu_us µs | statements (execution and planning) $exec_us µs"
