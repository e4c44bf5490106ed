# Shared by the bench scripts (sourced, not run): a work folder, a fresh PostgreSQL, and silos and fronts of the
# Release build, started as scripts/run.sh would: one of each (start_supervision), or more (bench/cluster.sh).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/supervision-bench-XXXXXX)
chmod 755 "$work" # the PostgreSQL server user must reach its folder inside
pids=()
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

# Starts a fresh PostgreSQL and exports what every silo and front of the run reads; sets pg_port.
start_database() {
  local db
  pg_port=$(free_port)
  db=$("$root/scripts/local-postgres.sh" start "$work/pg" "$pg_port")
  # A fresh operator key per run, as long as the front demands (24 characters at least): 32 hex digits.
  export SUPERVISION_DB="$db" SUPERVISION_ADMIN_KEY=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n') SUPERVISION_CLUSTER_ID=bench
  export SUPERVISION_SILO_PORT=$(free_port) SUPERVISION_GATEWAY_PORT=$(free_port)
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
  start_silo
  start_front "$front_port"
  wait_for "http://127.0.0.1:$front_port/health" healthy
}

# Starts a silo on the exported SUPERVISION_SILO_PORT and SUPERVISION_GATEWAY_PORT (a cluster's further silos
# set their own before the call: SUPERVISION_SILO_PORT=… SUPERVISION_GATEWAY_PORT=… start_silo silo-2), logging
# to $work/NAME.log (silo.log by default, appended to, so a restarted silo keeps its first life's log); sets silo_pid.
start_silo() {
  dotnet "$root/src/Silo/bin/Release/net10.0/Supervision.Silo.dll" >>"$work/${1:-silo}.log" 2>&1 & silo_pid=$!; pids+=($!)
}

# Starts a front on 127.0.0.1:PORT, logging to $work/NAME.log (front.log by default); sets front_pid. It finds
# the silos' gateways in the membership table, so it serves only once a silo is up.
start_front() {
  SUPERVISION_URLS="http://127.0.0.1:$1" dotnet "$root/src/WebFront/bin/Release/net10.0/Supervision.WebFront.dll" >"$work/${2:-front}.log" 2>&1 & front_pid=$!; pids+=($!)
}

# The silos of this run's cluster that the membership table holds as Active (Orleans' status 3).
active_silos() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PGPASSWORD=$(cat "$work/pg/password") "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U supervision -d supervision -tAc \
    "SELECT count(*) FROM orleans_membership_silo WHERE deployment_id = '$SUPERVISION_CLUSTER_ID' AND status = 3"
}

# Waits until the membership table holds COUNT silos as Active.
wait_for_silos() {
  for _ in $(seq 1 120); do
    [ "$(active_silos 2>/dev/null || echo 0)" -ge "$1" ] && return 0
    sleep 1
  done
  echo "bench: $1 silos did not become active" >&2; tail -n 20 "$work"/*.log >&2; exit 1
}
