# Shared by the benches (sourced, not run): a work folder, a fresh PostgreSQL, and the Release build started as
# scripts/run.sh starts it: one process that is the silo and the front (BENCH_TOPOLOGY=single, the default), or a
# silo process and a front process, as a cluster deploys them (BENCH_TOPOLOGY=split).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/supervision-bench-XXXXXX)
chmod 755 "$work" # the PostgreSQL server user must reach its folder inside
pids=()
topology=${BENCH_TOPOLOGY:-single}
loadgen=(dotnet "$root/tools/LoadGen/bin/Release/net10.0/Supervision.LoadGen.dll")

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$root/scripts/local-postgres.sh" stop "$work/pg" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits for an answer from the URL; with "healthy", only a 200 will do.
wait_for() {
  local flags=-s
  [ "${2:-}" = healthy ] && flags=-sf
  for _ in $(seq 1 120); do curl $flags -o /dev/null "$1" && return 0; sleep 1; done
  echo "bench: $1 did not come up" >&2; tail -n 20 "$work"/*.log >&2; exit 1
}

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
}

build_release() {
  echo "bench: building Release" >&2
  dotnet build "$root/Supervision.sln" -c Release -nologo -v q >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; exit 1; }
}

# Starts a fresh PostgreSQL and exports what every silo and front of the run reads; sets pg_port. BENCH_PG_SETTINGS
# (space-separated name=value) are passed to the server, e.g. to load pg_stat_statements (bench/statements.sh).
start_database() {
  local db
  pg_port=$(free_port)
  # shellcheck disable=SC2086 # each setting is one word
  db=$("$root/scripts/local-postgres.sh" start "$work/pg" "$pg_port" ${BENCH_PG_SETTINGS:-})
  # A fresh operator key per run, as long as the front demands (24 characters at least): 32 hex digits.
  export SUPERVISION_DB="$db" SUPERVISION_ADMIN_KEY=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n') SUPERVISION_CLUSTER_ID=bench
  # The benchmarks provision with the key (LoadGen, intake.sh): kept on for a throwaway run, as automation may.
  export SUPERVISION_KEEP_ADMIN_KEY=true
  export SUPERVISION_SILO_PORT=$(free_port) SUPERVISION_GATEWAY_PORT=$(free_port)
  # The evidence seal key is generated at the first start: into the run's folder, not the working one.
  export SUPERVISION_SEAL_KEY="$work/evidence-seal-key.pem"
  # Every simulated learner comes from this one loopback address: the per-address flood limit (5,000 a second)
  # would answer part of the load 1107 and count the refusals as throughput.
  export Supervision__Front__RequestsPerSecondPerAddress=1000000
  # The benchmarks provision their learners through one business platform, in classes of up to 2,000, as fast as the
  # silo takes them: the intake bounds (1,000 a request, 2,000 a minute) would refuse most of them.
  export Supervision__Intake__MaxPeoplePerRequest=${BENCH_MAX_PEOPLE_PER_REQUEST:-20000}
  export Supervision__Intake__PeoplePerMinutePerPlatform=${BENCH_PEOPLE_PER_MINUTE:-100000000}
}

# Starts PostgreSQL, a silo and a front; sets front_port, silo_pid and front_pid.
start_supervision() {
  start_database
  front_port=$(free_port)
  export SUPERVISION_URLS="http://127.0.0.1:$front_port"
  start_silo
  [ "$topology" = split ] && start_front "$front_port"
  wait_for "http://127.0.0.1:$front_port/health" healthy
}

# Starts a silo on the exported SUPERVISION_SILO_PORT and SUPERVISION_GATEWAY_PORT (a cluster's further silos
# set their own before the call: SUPERVISION_SILO_PORT=… SUPERVISION_GATEWAY_PORT=… start_silo silo-2), logging
# to $work/NAME.log (silo.log by default, appended to, so a restarted silo keeps its first life's log); sets
# silo_pid. In the single topology the process is the front's too (front_pid = silo_pid, on SUPERVISION_URLS).
start_silo() {
  case $topology in
    single) dotnet "$root/src/Server/bin/Release/net10.0/Supervision.Server.dll" >>"$work/${1:-silo}.log" 2>&1 & silo_pid=$!; front_pid=$silo_pid ;;
    split) dotnet "$root/src/Silo/bin/Release/net10.0/Supervision.Silo.dll" >>"$work/${1:-silo}.log" 2>&1 & silo_pid=$! ;;
    *) echo "bench: BENCH_TOPOLOGY is single or split, not $topology" >&2; exit 1 ;;
  esac
  pids+=($silo_pid)
}

# Starts a front on 127.0.0.1:PORT, logging to $work/NAME.log (front.log by default); sets front_pid. It finds
# the silos' gateways in the membership table, so it serves only once a silo is up.
start_front() {
  SUPERVISION_URLS="http://127.0.0.1:$1" dotnet "$root/src/WebFront/bin/Release/net10.0/Supervision.WebFront.dll" >"$work/${2:-front}.log" 2>&1 & front_pid=$!; pids+=($!)
}

# The silos of this run's cluster that the membership table holds as Active (Orleans' status 3).
active_silos() {
  bench_sql "SELECT count(*) FROM orleans_membership_silo WHERE deployment_id = '$SUPERVISION_CLUSTER_ID' AND status = 3"
}

# Waits until the membership table holds COUNT silos as Active.
wait_for_silos() {
  for _ in $(seq 1 120); do
    [ "$(active_silos 2>/dev/null || echo 0)" -ge "$1" ] && return 0
    sleep 1
  done
  echo "bench: $1 silos did not become active" >&2; tail -n 20 "$work"/*.log >&2; exit 1
}

# psql against the bench's PostgreSQL (SUPERVISION_DB is an Npgsql connection string): one value per line.
bench_sql() {
  local port password
  port=$(sed -nE 's/.*Port=([0-9]+).*/\1/p' <<<"$SUPERVISION_DB")
  password=$(sed -nE 's/.*Password=([^;]+).*/\1/p' <<<"$SUPERVISION_DB")
  PGPASSWORD=$password "$(compgen -G '/usr/lib/postgresql/*/bin/psql' | tail -n 1)" -h 127.0.0.1 -p "$port" -U supervision -d supervision -XAtqc "$1"
}

# What the database holds and writes, as a point to measure from: WAL position, report rows, state tuples written,
# other evidence rows.
durable_mark() {
  bench_sql "SELECT pg_stat_force_next_flush()" >/dev/null
  sleep 2
  bench_sql "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn, (SELECT count(*) FROM study_reports),
    (SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname = 'grain_state'),
    (SELECT count(*) FROM evidence_events)" | tr '|' ' '
}

# The durable bytes per report between two marks: the report rows with their share of the indexes (whole tables:
# the bench's database holds nothing else of them), the snapshots that reports wrote, and the WAL. Every other
# change (a start, a pause: LoadGen pauses each learner at its end) writes one snapshot with one evidence_events
# row, so the snapshots of reports are the state tuples written less the evidence rows added.
durable_bytes() { # "mark before" "mark after"
  local wal0 reports0 states0 events0 wal1 reports1 states1 events1 rows_bytes tuple
  read -r wal0 reports0 states0 events0 <<<"$1"
  read -r wal1 reports1 states1 events1 <<<"$2"
  rows_bytes=$(bench_sql "SELECT sum(pg_total_relation_size(r)) FROM (SELECT relid AS r FROM pg_partition_tree('study_reports') UNION SELECT 'study_reports'::regclass) t")
  tuple=$(bench_sql "SELECT coalesce(avg(pg_column_size(g.*)), 0) + 28 FROM grain_state g WHERE kind = 'student_class'")
  awk -v r0="$reports0" -v r1="$reports1" -v w0="$wal0" -v w1="$wal1" -v s0="$states0" -v s1="$states1" -v e0="$events0" -v e1="$events1" \
    -v rb="$rows_bytes" -v t="$tuple" 'BEGIN {
    n = r1 - r0; if (n <= 0) { print "durable: no reports"; exit }
    snapshots = (s1 - s0) - (e1 - e0); if (snapshots < 0) snapshots = 0
    rows = rb / r1; state = snapshots * t / n
    printf "durable: %.0f B per report (report row and indexes %.0f B, snapshots %.0f B: %d of %.0f B for %d reports); WAL %.0f B per report, other changes included\n",
      rows + state, rows, state, snapshots, t, n, (w1 - w0) / n }'
}
