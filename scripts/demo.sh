#!/usr/bin/env bash
# A demo that looks real: starts the server (through scripts/run.sh) with a data folder and ports of its own, a stand-in
# for the learning platforms (tools/StandInPlatform: answers 1.12 and 1.14, serves the registered photos from
# tests/Faces), and the demo's population (tools/DemoPopulation), set up through the public API and /admin only:
#   * two learning platforms and two training organisations, with passwords drawn fresh on every run;
#   * safety-training classes (低压电工作业 2026年第3期, 高处作业 …) with course trees of 20–45 minute videos, their
#     policies (pop-up codes or face checks every few minutes) set and approved by the operator;
#   * learners with made-up Chinese names and well-formed, made-up ID numbers (county 99, which no county uses);
#   * honest learners who report every minute, answer every pop-up code as a person types and pass every face check
#     with a new webcam frame of the registered man; beside them one cheater of each pattern the server catches
#     (speeding the clock, dragging to the end, a second platform at once (1309), two classes at once, rapid restarts,
#     bot-fast code answers, a used bizCode again, a swapped photo, the registered photo itself, someone else's face),
#     about one in twenty speeding the clock on every report, and two poor-webcam photos waiting for face review.
# It prints where to look first in the console, then the learners study for DEMO_SECONDS so the charts move. A second
# run on the same data folder is the next intake (第4期 …): new classes of new people beside the first run's.
#
# A day of history: on a fresh data folder the server replays yesterday 08:00–18:00 China time at 60× its speed
# (Supervision:Clock, the ReplayClock: ten real minutes), and the learners study through it as above; the server then
# jumps to the real time and those with videos and webcam frames left go on today. The server credits by its own clock,
# never by a report's timestamp, so this is the only way to a past day; a silo refuses to replay a day that is not
# after everything its database holds (ReplayClockGuard), so no replay can slip history in among real records. A second
# run on the same data folder replays nothing.
#
#   scripts/demo.sh            Ctrl-C stops the server, PostgreSQL, the stand-in and the learners.
#
# Environment (all optional). Every SUPERVISION_* setting you pass is honoured (see scripts/run.sh); the demo only
# fills in what is unset, beside run.sh's defaults so a demo and a real run can go at the same time:
#   SUPERVISION_DATA     data folder (default DEMO_DATA, else .data-demo/, never the .data/ of scripts/run.sh)
#   SUPERVISION_URLS     where the front listens (default http://127.0.0.1:DEMO_PORT, DEMO_PORT default 5180)
#   SUPERVISION_PG_PORT (default 55532), SUPERVISION_SILO_PORT (11211), SUPERVISION_GATEWAY_PORT (30100),
#   SUPERVISION_DASHBOARD_PORT (none)
#   SUPERVISION_FETCH_ALLOW  127.0.0.1 is added: the server fetches the registered photos from the stand-in
#   SUPERVISION_ADMIN_KEY    the bootstrap key (run.sh generates one when unset), used once to make the demo's
#                        administrator, demo, whose password is kept in the data folder's console-password
#   DEMO_PLATFORM_PORT   the stand-in's port (default 5190)
#   DEMO_LEARNERS        learners (default 300, at least 24), DEMO_SECONDS how long they study (default 600),
#   DEMO_CADENCE_MS      how often each reports (default 60000, the real player's minute)
#   DEMO_REPLAY          0 for no replayed yesterday (default 1 on a fresh data folder); DEMO_REPLAY_SPEED (default 60;
#                        much faster, a check's few minutes pass before a slow machine answers it)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
say() { echo "demo.sh: $*" >&2; }
die() { say "$*"; exit 1; }

export SUPERVISION_DATA=${SUPERVISION_DATA:-${DEMO_DATA:-$root/.data-demo}}
export SUPERVISION_URLS=${SUPERVISION_URLS:-http://127.0.0.1:${DEMO_PORT:-5180}}
export SUPERVISION_PG_PORT=${SUPERVISION_PG_PORT:-55532}
export SUPERVISION_SILO_PORT=${SUPERVISION_SILO_PORT:-11211}
export SUPERVISION_GATEWAY_PORT=${SUPERVISION_GATEWAY_PORT:-30100}
export SUPERVISION_DASHBOARD_PORT=${SUPERVISION_DASHBOARD_PORT-}
# The fetch rule (SPEC rule 12) refuses loopback addresses; the demo allows the stand-in's, the same setting the tests
# use to reach their fake platforms and photo hosts, beside whatever the operator allowed.
export SUPERVISION_FETCH_ALLOW=${SUPERVISION_FETCH_ALLOW:+$SUPERVISION_FETCH_ALLOW,}127.0.0.1
data=$SUPERVISION_DATA
platform_url=http://127.0.0.1:${DEMO_PLATFORM_PORT:-5190}
# The URL to reach the front at: the first of SUPERVISION_URLS, with a wildcard host made local (as run.sh does).
front_url=${SUPERVISION_URLS%%;*}
front_url=$(printf '%s' "${front_url%/}" | sed -E 's#://(\*|\+|0\.0\.0\.0|\[::\])(:|$)#://127.0.0.1\2#')

run_pid='' platform_pid='' demo_pid='' tail_pid=''
cleanup() {
  trap '' INT TERM
  [ -n "$tail_pid" ] && kill -TERM "$tail_pid" 2>/dev/null || true
  # The learners pause their study on TERM; run.sh stops its own server and PostgreSQL on TERM.
  [ -n "$demo_pid" ] && kill -TERM "$demo_pid" 2>/dev/null && wait "$demo_pid" 2>/dev/null || true
  [ -n "$run_pid" ] && kill -TERM "$run_pid" 2>/dev/null && wait "$run_pid" 2>/dev/null || true
  [ -n "$platform_pid" ] && kill -TERM "$platform_pid" 2>/dev/null && wait "$platform_pid" 2>/dev/null || true
}
trap cleanup EXIT
trap 'say "stopping"; exit 0' INT TERM

# Yesterday 08:00–18:00 in China (UTC+8) is 00:00–10:00 UTC of China's yesterday's date.
replay_args=()
if [ "${DEMO_REPLAY:-1}" = 1 ] && [ ! -s "$data/console-password" ]; then
  china_yesterday=$(date -u -d "$(date -u -d '+8 hours' +%F) -1 day" +%F)
  export Supervision__Clock__ReplayFrom=${china_yesterday}T00:00:00Z
  export Supervision__Clock__ReplayLength=10:00:00
  export Supervision__Clock__ReplaySpeed=${DEMO_REPLAY_SPEED:-60}
  replay_args=(--replay-until "${china_yesterday}T10:00:00Z" --replay-speed "$Supervision__Clock__ReplaySpeed")
  say "replaying yesterday ($china_yesterday) 08:00–18:00 China time at ${Supervision__Clock__ReplaySpeed}×"
fi

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
  (umask 077; printf 'X-Admin-Key: %s\n' "${SUPERVISION_ADMIN_KEY:-$(cat "$data/admin-key")}" >"$data/admin-key.header"
    printf '{"account":"demo","role":"administrator","password":"%s"}' "$(cat "$data/console-password")" >"$data/console-account.json")
  made=$(curl -s "$front_url/admin/operators" -H @"$data/admin-key.header" -H 'Content-Type: application/json' --data @"$data/console-account.json")
  rm -f "$data/admin-key.header" "$data/console-account.json"
  case $made in *'"returnCode":"0"'*) ;; *) die "could not make the console's administrator: $made" ;; esac
fi

ASPNETCORE_URLS=$platform_url dotnet "$root/tools/StandInPlatform/bin/Release/net10.0/Supervision.StandInPlatform.dll" \
  >"$data/stand-in.log" 2>&1 </dev/null &
platform_pid=$!
until curl -sf -o /dev/null "$platform_url/photos/webcam_registered.jpg"; do
  kill -0 "$platform_pid" 2>/dev/null || { tail -n 20 "$data/stand-in.log" >&2; die "the stand-in platform stopped"; }
  sleep 0.5
done

cat <<MSG

Supervisor console: $front_url/console/   (log in as demo, with the password in $data/console-password)
Stand-in learning platforms and photo host: $platform_url (log: $data/stand-in.log)
The demo's population is being set up (log: $data/demo.log); where to look first follows.
MSG

# The tool acts as the demo's administrator; the password reaches it in its environment, not on its command line,
# where every local user could read it.
: >"$data/demo.log"
SUPERVISION_OPERATOR=demo SUPERVISION_OPERATOR_PASSWORD=$(cat "$data/console-password") dotnet "$root/tools/DemoPopulation/bin/Release/net10.0/Supervision.DemoPopulation.dll" \
  --url "$front_url" --platforms-url "$platform_url" --learners "${DEMO_LEARNERS:-300}" --seconds "${DEMO_SECONDS:-600}" \
  --cadence-ms "${DEMO_CADENCE_MS:-60000}" "${replay_args[@]}" >"$data/demo.log" 2>&1 </dev/null &
demo_pid=$!
# The log is shown from the background: bash runs the Ctrl-C and TERM traps during a wait, not during a foreground command.
tail -n +1 -f --pid="$demo_pid" "$data/demo.log" &
tail_pid=$!
wait "$demo_pid" || say "the demo's learners stopped with an error (see $data/demo.log)"
demo_pid=''
wait "$tail_pid" 2>/dev/null || true
tail_pid=''
say "the learners are done; the server keeps running until Ctrl-C ($front_url/console/)"
wait "$run_pid"
