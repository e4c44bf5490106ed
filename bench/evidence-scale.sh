#!/usr/bin/env bash
# Evidence at scale: loads EVIDENCE_ROWS synthetic 1.10 reports (study_reports) with their spans' session rows and
# some anomalies into a fresh PostgreSQL with the silo's schema, then runs each ledger reader under
# EXPLAIN (ANALYZE, BUFFERS) for EVIDENCE_PICKS random classes, students and spans, and fails if any plan reads a
# table sequentially. Prints the load's stages' times, the tables' and indexes' sizes and bytes per row.
# At the default 100 million rows it takes 8 to 20 minutes on 2 cores (as busy as they are) and about 15 GB of disk
# (EVIDENCE_DIR, default a temporary folder). The server runs under nice: other work on the machine comes first.
# Not run in CI.
set -euo pipefail

rows=${EVIDENCE_ROWS:-100000000}
learners=${EVIDENCE_LEARNERS:-100000}
class_size=${EVIDENCE_CLASS_SIZE:-50}
reports_per_span=${EVIDENCE_REPORTS_PER_SPAN:-60}
days=${EVIDENCE_DAYS:-60}
picks=${EVIDENCE_PICKS:-3}
first_month=2026-10-01

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sql="$root/bench/evidence-scale"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
work=${EVIDENCE_DIR:-$(mktemp -d /tmp/supervision-evidence-XXXXXX)}
mkdir -p "$work"
chmod 755 "$work" # the PostgreSQL server user must reach its folder inside
cleanup() {
  "$root/scripts/local-postgres.sh" stop "$work/pg" 2>/dev/null || true
  [ -n "${EVIDENCE_DIR:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
# A bulk load, not a production server: wal_level=minimal lets the loading transaction skip WAL, and the
# checkpoints are spaced out so they do not pace the load.
nice -n 10 "$root/scripts/local-postgres.sh" start "$work/pg" "$port" \
  wal_level=minimal max_wal_senders=0 shared_buffers=2GB maintenance_work_mem=1GB max_wal_size=16GB \
  checkpoint_timeout=30min max_parallel_maintenance_workers=1 >/dev/null
PGPASSWORD=$(cat "$work/pg/password")
export PGPASSWORD
psql() { nice -n 10 "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U supervision -d supervision "$@"; }

started=$SECONDS
stage_started=$SECONDS
stage() { echo "evidence-scale: $1 in $((SECONDS - stage_started)) s" >&2; stage_started=$SECONDS; }

# The silo's migrator runs the same files, in name order.
schema=()
for file in "$root"/src/Database/Sql/*.sql; do schema+=(-f "$file"); done
psql -1 "${schema[@]}" >/dev/null
psql -v first_month="$first_month" -v days="$days" -f "$sql/prepare.sql" >/dev/null
stage "schema"

psql -v rows="$rows" -v learners="$learners" -v class_size="$class_size" -v reports_per_span="$reports_per_span" \
  -v first_month="$first_month" -v days="$days" -f "$sql/load.sql" >/dev/null
psql -c "DROP TABLE bench_spans"
stage "load of $rows reports"
psql -f "$sql/index.sql" >/dev/null
stage "indexes"
psql -c "VACUUM (ANALYZE) study_reports, evidence_events, anomalies"
stage "vacuum and analyze"

psql -f "$sql/sizes.sql"

spans=$((rows / reports_per_span))
span_learners=$((spans < learners ? spans : learners))
plans="$work/plans.txt"
: >"$plans"
for pick in $(seq 1 "$picks"); do
  learner=$(( (RANDOM * 32768 + RANDOM) % span_learners ))
  span=$(( learner + learners * ((RANDOM * 32768 + RANDOM) % ((spans - 1 - learner) / learners + 1)) ))
  psql -v learner="$learner" -v span="$span" -v learners="$learners" -v class_size="$class_size" \
    -v reports_per_span="$reports_per_span" -f "$sql/readers.sql" >"$work/pick.txt"
  # The first pick's plans, and any later one's that scans a table sequentially.
  if [ "$pick" = 1 ] || grep -q 'Seq Scan' "$work/pick.txt"; then cat "$work/pick.txt"; fi
  echo "pick $pick: $(paste -sd ' ' <(grep -oE '^== [a-z_]+|Execution Time: [0-9.]+ ms' "$work/pick.txt" \
    | sed -E 's/^== //; s/Execution Time: //') | sed -E 's/ ([0-9.]+ ms)/ \1 |/g; s/ \|$//')"
  cat "$work/pick.txt" >>"$plans"
done

# WAL a live minute costs: one report from each of the latest spans, by COPY as the group commit writes them. Just
# after a checkpoint each page it touches is logged whole once (full_page_writes); the next minute shows the rows
# alone. Then the same pair with the page images compressed.
wal_minute() {
  local before after
  before=$(psql -tAc "SELECT pg_current_wal_insert_lsn()")
  psql -v spans="$spans" -v learners="$learners" -v reports_per_span="$reports_per_span" -v first_month="$first_month" \
    -v days="$days" -v minute="$1" -f "$sql/live-minute.sql" | psql -c "SET wal_compression = $2" -c "COPY study_reports FROM STDIN"
  after=$(psql -tAc "SELECT pg_current_wal_insert_lsn()")
  psql -tAc "SELECT pg_wal_lsn_diff('$after', '$before')::bigint"
}
live=$((spans < learners ? spans : learners))
minute=0
for compression in off lz4; do
  psql -c CHECKPOINT
  after_checkpoint=$(wal_minute $((minute += 1)) "$compression")
  next=$(wal_minute $((minute += 1)) "$compression")
  echo "WAL for a minute of $live reports, wal_compression=$compression: $after_checkpoint B just after a checkpoint" \
    "($((after_checkpoint / live)) B/report), $next B the minute after ($((next / live)) B/report)"
done

echo "evidence-scale: $rows reports, $((SECONDS - started)) s in all"
if grep -q 'Seq Scan' "$plans"; then
  echo "evidence-scale: a reader's plan scans a table sequentially" >&2
  exit 1
fi
