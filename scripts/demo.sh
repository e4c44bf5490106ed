#!/usr/bin/env bash
# Starts the server (through scripts/run.sh) with a data folder and ports of its own, and a stand-in learning
# platform (tools/StandInPlatform) registered as the learning platform, so a newcomer sees classes pushed to a
# host that answers instead of retries filling the log.
#
#   scripts/demo.sh            Ctrl-C stops the server, PostgreSQL and the stand-in.
#
# Environment (all optional):
#   DEMO_DATA        data folder (default .data-demo/, never the .data/ of scripts/run.sh)
#   DEMO_PORT        the front's port (default 5180; run.sh uses 5080)
#   DEMO_PLATFORM_PORT  the stand-in's port (default 5190)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
say() { echo "demo.sh: $*" >&2; }
die() { say "$*"; exit 1; }

data=${DEMO_DATA:-$root/.data-demo}
front_port=${DEMO_PORT:-5180}
platform_port=${DEMO_PLATFORM_PORT:-5190}
front_url=http://127.0.0.1:$front_port
platform_url=http://127.0.0.1:$platform_port

# Ports beside run.sh's defaults, so a demo and a real run can go at the same time.
export SUPERVISION_DATA=$data SUPERVISION_URLS=$front_url SUPERVISION_PG_PORT=55532
export SUPERVISION_SILO_PORT=11211 SUPERVISION_GATEWAY_PORT=30100 SUPERVISION_DASHBOARD_PORT=
# The fetch rule (SPEC rule 12) refuses loopback addresses; the demo alone allows the stand-in's, the same setting
# the tests use to reach their fake platform.
export SUPERVISION_FETCH_ALLOW=127.0.0.1

run_pid='' platform_pid=''
cleanup() {
  trap '' INT TERM
  # run.sh stops its own server and PostgreSQL on TERM.
  [ -n "$run_pid" ] && kill -TERM "$run_pid" 2>/dev/null && wait "$run_pid" 2>/dev/null || true
  [ -n "$platform_pid" ] && kill -TERM "$platform_pid" 2>/dev/null && wait "$platform_pid" 2>/dev/null || true
}
trap cleanup EXIT
trap 'say "stopping"; exit 0' INT TERM

mkdir -p "$data"
bash "$root/scripts/run.sh" >"$data/run.out" 2>&1 &
run_pid=$!
say "starting the server through scripts/run.sh (output: $data/run.out; a first build takes a few minutes)"
until grep -q '^Supervision is running' "$data/run.out" 2>/dev/null; do
  kill -0 "$run_pid" 2>/dev/null || { tail -n 40 "$data/run.out" >&2; die "scripts/run.sh stopped"; }
  sleep 1
done

ASPNETCORE_URLS=$platform_url dotnet "$root/tools/StandInPlatform/bin/Release/net10.0/Supervision.StandInPlatform.dll" \
  >"$data/stand-in.log" 2>&1 </dev/null &
platform_pid=$!

key=$(cat "$data/admin-key")
register() { curl -s -o /dev/null -w '%{http_code}' "$front_url/admin/platforms" -H "X-Admin-Key: $key" \
  -H 'Content-Type: application/json' -d "$1"; }
register '{"code": "LP-DEMO", "name": "Demo Learning Platform", "role": "learning", "account": "demo-learning",
  "password": "demo-learning-secret", "apiBaseUrl": "'"$platform_url"'"}' >/dev/null
register '{"code": "BP-DEMO", "name": "Demo Training School", "role": "business", "account": "demo-business",
  "password": "demo-business-secret"}' >/dev/null

cat <<MSG

Supervisor console: $front_url/console/
Admin key (header X-Admin-Key): $key
Stand-in learning platform: $platform_url (log: $data/stand-in.log)
Pushes delivered: curl -s $front_url/admin/deliveries -H "X-Admin-Key: $key"
Press Ctrl-C to stop.
MSG
wait "$run_pid"
