#!/usr/bin/env bash
# The crowd sweep against a script in lockstep: loads 30 minutes of ledger (bench/crowd-sweep/load.sql: CROWD_ACCOUNTS
# scripted accounts on one device id, CROWD_HONEST people on "127.0.0.1") into a fresh PostgreSQL with the silo's
# schema, then runs one sweep with the silo's reader, tally and default settings (bench/CrowdSweep) and prints what it
# read and found, its time, and PostgreSQL's share of it (pg_stat_statements). Not run in CI.
set -euo pipefail

crowd=${CROWD_ACCOUNTS:-2000}
honest=${CROWD_HONEST:-20000}
until=2026-12-08T02:00:00Z

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
work=$(mktemp -d /tmp/supervision-crowd-XXXXXX)
chmod 755 "$work" # the PostgreSQL server user must reach its folder inside
cleanup() { "$root/scripts/local-postgres.sh" stop "$work/pg" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$root/scripts/local-postgres.sh" start "$work/pg" "$port" shared_preload_libraries=pg_stat_statements work_mem=64MB >/dev/null
PGPASSWORD=$(cat "$work/pg/password")
export PGPASSWORD
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U supervision -d supervision "$@"; }

schema=()
for file in "$root"/src/Database/Sql/*.sql; do schema+=(-f "$file"); done
psql -1 "${schema[@]}" >/dev/null
psql -v crowd="$crowd" -v honest="$honest" -v until="$until" -f "$root/bench/crowd-sweep/load.sql" >/dev/null
psql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" >/dev/null

dotnet build "$root/bench/CrowdSweep" -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" | grep -v " 0 Error" || true
dotnet "$root/bench/CrowdSweep/bin/Release/net10.0/Supervision.Bench.CrowdSweep.dll" \
  "Host=127.0.0.1;Port=$port;Username=supervision;Password=$PGPASSWORD;Database=supervision;Command Timeout=0" "$until"
psql -At -c "SELECT format('crowd sweep: PostgreSQL %s ms executing, %s rows returned, %s MB of temporary files', round(total_exec_time), rows, round(temp_blks_written * 8 / 1024.0))
             FROM pg_stat_statements WHERE query LIKE '%neighbours%' OR query LIKE '%near_slot%'"
