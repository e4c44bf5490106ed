#!/usr/bin/env bash
# Runs docs/integrator-guide.md top-down against a fresh server, as an integrator would (the server from
# scripts/run.sh with a data folder of its own, the stand-in learning platform at the guide's 127.0.0.1:5190 and the
# test photos at 127.0.0.1:8000), and fails when a step answers other returnCodes than the guide shows after it.
# The Chinese guide runs the same commands (checked here too). CI runs it after the tests; it takes about 3 minutes,
# most of it the guide's own waits for a minute of play.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

python3 - docs/integrator-guide.md docs/integrator-guide.zh.md <<'PY'
import re, sys
def commands(path):
    blocks = re.findall(r"```sh\n(.*?)```", open(path, encoding="utf-8").read(), re.S)
    # Comments and the operator's password placeholder are each guide's own language.
    return [re.sub(r'"password":"[^"]*"', '"password":"…"', re.sub(r"\s+#.*", "", b)) for b in blocks]
en, zh = commands(sys.argv[1]), commands(sys.argv[2])
if en != zh:
    sys.exit("check-guide: the Chinese guide's commands differ from the English guide's (comments and the password placeholder aside)")
PY

export SUPERVISION_DATA=$work/data SUPERVISION_PG_PORT=${GUIDE_PG_PORT:-55632} SUPERVISION_URLS=http://127.0.0.1:${GUIDE_PORT:-5081}
export SUPERVISION_SILO_PORT=11311 SUPERVISION_GATEWAY_PORT=30300 SUPERVISION_DASHBOARD_PORT= SUPERVISION_FETCH_ALLOW=127.0.0.1
bash scripts/run.sh >"$work/run.out" 2>&1 &
pids+=($!)
until grep -q '^Supervision is running' "$work/run.out" 2>/dev/null; do
  kill -0 "${pids[0]}" 2>/dev/null || { tail -n 30 "$work/run.out" >&2; echo "check-guide: scripts/run.sh stopped" >&2; exit 1; }
  sleep 2
done
# run.sh built the solution, the stand-in with it.
ASPNETCORE_URLS=http://127.0.0.1:5190 dotnet tools/StandInPlatform/bin/Release/net10.0/Supervision.StandInPlatform.dll >"$work/stand-in.log" 2>&1 &
pids+=($!)
python3 -m http.server 8000 --bind 127.0.0.1 -d tests/Faces >"$work/photos.log" 2>&1 &
pids+=($!)

# The guide's operator is the installation's first administrator, made with the bootstrap key (docs/operations.md).
password=$(head -c 18 /dev/urandom | base64)
curl -sf "$SUPERVISION_URLS/admin/operators" -H "X-Admin-Key: $(cat "$work/data/admin-key")" -H 'Content-Type: application/json' \
  -d '{"account":"admin","role":"administrator","password":"'"$password"'"}' >/dev/null
# The guide's face step sends "another frame of the registered person" as capture.jpg.
cp tests/Faces/webcam_capture_01.jpg "$work/capture.jpg"
python3 tools/guide-check/guide_steps.py docs/integrator-guide.md "$SUPERVISION_URLS" "$password" "$work"
