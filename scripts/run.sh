#!/usr/bin/env bash
# Runs the supervision server in the foreground: a local PostgreSQL and the single-process server (src/Server: one
# silo with the front hosted in it; a cluster runs silos and fronts as processes of their own, docs/operations.md).
#
#   scripts/run.sh            Ctrl-C (or SIGTERM) stops both; the next start keeps all data.
#
# Environment (all optional):
#   SUPERVISION_DATA       data folder: database, logs, admin key (default: .data/ in the repository)
#   SUPERVISION_PG_PORT    port of the local PostgreSQL (default 55432)
#   SUPERVISION_DB         an Npgsql connection string: use that database and start no PostgreSQL
#   SUPERVISION_ADMIN_KEY  the operator key (X-Admin-Key), 24 characters at least; when unset one is
#                          generated once and kept in the data folder (admin-key, mode 600)
#   SUPERVISION_SEAL_KEY   the PEM file of the key that signs the daily evidence seals (docs/evidence-export.md);
#                          generated there when missing (default: evidence-seal-key.pem in the data folder)
#   SUPERVISION_URLS       where the front listens (default http://127.0.0.1:5080)
#   SUPERVISION_SILO_PORT, SUPERVISION_GATEWAY_PORT, SUPERVISION_CLUSTER_ID   the silo's, which listens
#                          on 127.0.0.1 (SUPERVISION_ADVERTISED_HOST) only
#   SUPERVISION_TLS_CERTIFICATE, SUPERVISION_TLS_CERTIFICATE_PASSWORD   mutual TLS between this silo and every
#                          silo, front or client that joins it (docs/operations.md). On by default: when unset, a
#                          self-signed certificate is generated once into the data folder (cluster-tls.pfx, its
#                          password in cluster-tls.password, both mode 600) and other processes of this cluster must
#                          be given the same file; set it to an empty value to turn TLS off
#   SUPERVISION_DASHBOARD_PORT  the Orleans Dashboard at /dashboard/ on 127.0.0.1 (default 8080; empty: none)
#   SUPERVISION_START_TIMEOUT  seconds to wait for GET /health to answer 200 (default 180)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
data=${SUPERVISION_DATA:-$root/.data}
mkdir -p "$data"
# The folder holds the operator key and the database: its owner's alone.
chmod 700 "$data"
data=$(cd "$data" && pwd)
pg_port=${SUPERVISION_PG_PORT:-55432}
export SUPERVISION_URLS=${SUPERVISION_URLS:-http://127.0.0.1:5080}
export SUPERVISION_SEAL_KEY=${SUPERVISION_SEAL_KEY:-$data/evidence-seal-key.pem}
export SUPERVISION_SILO_PORT=${SUPERVISION_SILO_PORT:-11111}
export SUPERVISION_GATEWAY_PORT=${SUPERVISION_GATEWAY_PORT:-30000}
export SUPERVISION_DASHBOARD_PORT=${SUPERVISION_DASHBOARD_PORT-8080}
start_timeout=${SUPERVISION_START_TIMEOUT:-180}

say() { echo "run.sh: $*" >&2; }
die() { say "$*"; exit 1; }

command -v dotnet >/dev/null || die "dotnet (the .NET 10 SDK) is not on PATH"
# The front refuses a shorter key; say so before building and starting anything.
[ -z "${SUPERVISION_ADMIN_KEY:-}" ] || [ "${#SUPERVISION_ADMIN_KEY}" -ge 24 ] \
  || die "SUPERVISION_ADMIN_KEY is shorter than 24 characters: the front refuses a key that short (unset it to have one generated)"
command -v curl >/dev/null || die "curl is needed to check GET /health"

# The URL to reach the front at: the first of SUPERVISION_URLS, with a wildcard host made local.
front_url=${SUPERVISION_URLS%%;*}
front_url=$(printf '%s' "${front_url%/}" | sed -E 's#://(\*|\+|0\.0\.0\.0|\[::\])(:|$)#://127.0.0.1\2#')
front_port=$(printf '%s' "$front_url" | sed -nE 's#^[a-z]+://[^/]*:([0-9]+)$#\1#p')
if [ -z "$front_port" ]; then
  case $front_url in https:*) front_port=443 ;; *) front_port=80 ;; esac
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$front_port" "$SUPERVISION_SILO_PORT" "$SUPERVISION_GATEWAY_PORT" $SUPERVISION_DASHBOARD_PORT; do
  port_in_use "$port" && die "port $port is already in use on this machine (another run still going?)"
done

# --- stop everything this script started, in reverse order, whatever way it ends ---
server_pid='' pg_started=''
stop_process() { # pid name
  local pid=$1 name=$2 waited=0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 300 ]; then
      say "$name did not stop in 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  trap '' INT TERM
  stop_process "$server_pid" server
  if [ -n "$pg_started" ]; then
    bash "$root/scripts/local-postgres.sh" stop "$data/postgres" || say "PostgreSQL did not stop cleanly"
  fi
}
trap cleanup EXIT
trap 'say "stopping"; exit 0' INT TERM

show_logs() {
  [ -f "$data/server.log" ] || return 0
  echo "----- last lines of $data/server.log -----" >&2
  tail -n 40 "$data/server.log" >&2
}

# --- build ---
# One line per project as it is built, so a first build (a few minutes: packages are restored) shows it is moving.
projects=$(grep -c '\.csproj"' Supervision.sln)
say "building (Release, $projects projects; full output: $data/build.log)"
if ! dotnet build Supervision.sln -c Release -v minimal -nologo -tl:off 2>&1 | tee "$data/build.log" \
  | { built=0; while IFS= read -r line; do
        case $line in *' -> '*) built=$((built + 1)); name=${line%% -> *}; say "built $built/$projects ${name##* }" ;; esac
      done; }; then
  tail -n 40 "$data/build.log" >&2
  die "build failed (full output: $data/build.log)"
fi
server_dll=$root/src/Server/bin/Release/net10.0/Supervision.Server.dll
[ -f "$server_dll" ] || die "build produced no $server_dll"

# --- database ---
if [ -n "${SUPERVISION_DB:-}" ]; then
  say "using the database in SUPERVISION_DB (no local PostgreSQL started)"
else
  mkdir -p "$data/postgres"
  if [ "$(id -u)" = 0 ]; then
    # As root the server runs as the system user postgres, which must reach the folder.
    chmod o+x "$data"
    id postgres >/dev/null 2>&1 || die "no system user postgres (apt-get install postgresql)"
    runuser -u postgres -- test -x "$data/." \
      || die "the postgres system user cannot reach $data: set SUPERVISION_DATA to a folder it can reach (e.g. under /tmp)"
  fi
  say "starting PostgreSQL in $data/postgres on port $pg_port"
  pg_started=1
  SUPERVISION_DB=$(bash "$root/scripts/local-postgres.sh" start "$data/postgres" "$pg_port") \
    || die "PostgreSQL did not start (see $data/postgres/pgdata/server.log)"
  export SUPERVISION_DB
fi

# --- operator key ---
key_said="the one in SUPERVISION_ADMIN_KEY"
if [ -z "${SUPERVISION_ADMIN_KEY:-}" ]; then
  key_file=$data/admin-key
  key_said="in $key_file (mode 600: cat it; it is never printed)"
  if [ ! -s "$key_file" ]; then
    (umask 077; head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$key_file")
  fi
  chmod 600 "$key_file"
  SUPERVISION_ADMIN_KEY=$(cat "$key_file")
fi
export SUPERVISION_ADMIN_KEY

# --- cluster TLS: a process without the cluster's certificate cannot join it as a client and call grains ---
if [ -z "${SUPERVISION_TLS_CERTIFICATE+set}" ]; then
  [ -s "$data/cluster-tls.pfx" ] || say "generating the cluster's TLS certificate ($data/cluster-tls.pfx)"
  bash "$root/scripts/cluster-tls.sh" "$data" \
    || die "could not generate the cluster's TLS certificate (or set SUPERVISION_TLS_CERTIFICATE, empty to turn TLS off)"
  export SUPERVISION_TLS_CERTIFICATE=$data/cluster-tls.pfx
  SUPERVISION_TLS_CERTIFICATE_PASSWORD=$(cat "$data/cluster-tls.password")
  export SUPERVISION_TLS_CERTIFICATE_PASSWORD
fi
tls_said=off
[ -n "${SUPERVISION_TLS_CERTIFICATE:-}" ] && tls_said="mutual TLS with $SUPERVISION_TLS_CERTIFICATE"

# --- the server: silo and front in one process ---
[ -f "$data/server.log" ] && mv -f "$data/server.log" "$data/server.log.1"
say "starting the server (log: $data/server.log)"
dotnet "$server_dll" >"$data/server.log" 2>&1 </dev/null &
server_pid=$!

deadline=$((SECONDS + start_timeout))
until [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$front_url/health" || true)" = 200 ]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    show_logs
    die "the server stopped while starting"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    show_logs
    die "GET $front_url/health did not answer 200 within $start_timeout s"
  fi
  sleep 1
done

dashboard_url=off
[ -n "$SUPERVISION_DASHBOARD_PORT" ] && dashboard_url=http://127.0.0.1:$SUPERVISION_DASHBOARD_PORT/dashboard/
cat <<EOF

Supervision is running at $front_url
Health check: curl -s $front_url/health
Supervisor console: $front_url/console/  (log in with an operator account; the first administrator is made
  with the admin key or the command line: docs/operations.md "Operator accounts")
API reference: $front_url/scalar  (OpenAPI: $front_url/openapi/v1.json)
Metrics (study, checks, anomalies, deliveries, HTTP, Orleans): $front_url/metrics
Orleans Dashboard: $dashboard_url  (loopback only; it answers only Host localhost or 127.0.0.1)
Cluster ports: $tls_said
Admin key (header X-Admin-Key, a bootstrap: it only makes the first administrator): $key_said
Data and logs: $data
Press Ctrl-C to stop.
EOF

# Stay in the foreground until a signal arrives or the server ends by itself.
set +e
wait "$server_pid"
status=$?
set -e
say "the server stopped (exit code $status)"
show_logs
exit 1
