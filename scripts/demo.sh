#!/usr/bin/env bash
# Starts the server (through scripts/run.sh) with a data folder and ports of its own, a stand-in learning platform
# (tools/StandInPlatform) that answers 1.12 and 1.14, and a few hundred simulated learners (tools/LoadGen), a tenth
# of them cheating, whose classes are pushed to the stand-in: the console, its charts and anomalies have something
# to show, and no push retries against a host that does not exist.
#
#   scripts/demo.sh            Ctrl-C stops the server, PostgreSQL and the stand-in.
#
# Environment (all optional):
#   DEMO_DATA        data folder (default .data-demo/, never the .data/ of scripts/run.sh)
#   DEMO_PORT        the front's port (default 5180; run.sh uses 5080)
#   DEMO_PLATFORM_PORT  the stand-in's port (default 5190)
#   DEMO_LEARNERS    simulated learners (default 300), DEMO_SECONDS how long they study (default 600),
#   DEMO_CADENCE_MS  how often each reports (default 30000; a real player reports every 60 s)
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

run_pid='' platform_pid='' loadgen_pid=''
cleanup() {
  trap '' INT TERM
  # run.sh stops its own server and PostgreSQL on TERM.
  [ -n "$run_pid" ] && kill -TERM "$run_pid" 2>/dev/null && wait "$run_pid" 2>/dev/null || true
  [ -n "$loadgen_pid" ] && kill -TERM "$loadgen_pid" 2>/dev/null && wait "$loadgen_pid" 2>/dev/null || true
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

# The console's administrator, made once with the shared key (its one use: the first administrator), with a generated
# password kept beside the key (mode 600). The key and the password go to curl in files, never on a command line.
if [ ! -s "$data/console-password" ]; then
  (umask 077; head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20 >"$data/console-password")
  (umask 077; printf 'X-Admin-Key: %s\n' "$(cat "$data/admin-key")" >"$data/admin-key.header"
    printf '{"account":"demo","role":"administrator","password":"%s"}' "$(cat "$data/console-password")" >"$data/console-account.json")
  made=$(curl -s "$front_url/admin/operators" -H @"$data/admin-key.header" -H 'Content-Type: application/json' --data @"$data/console-account.json")
  rm -f "$data/admin-key.header" "$data/console-account.json"
  case $made in *'"returnCode":"0"'*) ;; *) die "could not make the console's administrator: $made" ;; esac
fi

ASPNETCORE_URLS=$platform_url dotnet "$root/tools/StandInPlatform/bin/Release/net10.0/Supervision.StandInPlatform.dll" \
  >"$data/stand-in.log" 2>&1 </dev/null &
platform_pid=$!

learners=${DEMO_LEARNERS:-300}
seconds=${DEMO_SECONDS:-600}
cat <<MSG

Supervisor console: $front_url/console/   (log in as demo, with the password in $data/console-password)
Stand-in learning platform: $platform_url (log: $data/stand-in.log)
$learners simulated learners study for $seconds s, one report each ${DEMO_CADENCE_MS:-30000} ms, 1 in 10 of them cheating:
  概览 Overview      activity, credit and anomalies as they grow
  班级 Classes       the classes pushed to the stand-in (1.12 delivered), each student's progress
  异常 Anomalies     why each cheater was flagged, in words
Press Ctrl-C to stop; the learners' log is $data/loadgen.log.
MSG

# The learners' classes are pushed to the stand-in; a tenth of them claim ten times the time that passed.
# LoadGen acts as the demo's administrator; the password reaches it in its environment, not on its command line,
# where every local user could read it.
SUPERVISION_OPERATOR=demo SUPERVISION_OPERATOR_PASSWORD=$(cat "$data/console-password") dotnet "$root/tools/LoadGen/bin/Release/net10.0/Supervision.LoadGen.dll" --url "$front_url" \
  --learners "$learners" --class-size 50 --cadence-ms "${DEMO_CADENCE_MS:-30000}" --duration-s "$seconds" --warmup-s 0 \
  --connections 16 --platform-url "$platform_url/api" --cheaters 0.1 >"$data/loadgen.log" 2>&1 </dev/null &
loadgen_pid=$!
wait "$loadgen_pid" || true
say "the learners are done ($(tail -n 2 "$data/loadgen.log" | head -n 1)); the server keeps running until Ctrl-C"
wait "$run_pid"
