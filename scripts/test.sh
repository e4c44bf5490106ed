#!/usr/bin/env bash
# Runs the whole test suite (Release) and ends with one plain line: "tests: N passed, N failed[, N skipped]".
# The exit code is the suite's (non-zero when the build fails). Extra arguments go to dotnet test.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

output=$(mktemp)

# The tests start their PostgreSQL servers in temporary folders. The test host is not always given the
# chance to stop them, so the run gets a temporary folder of its own, and whatever is left running in it
# is stopped and removed here.
run_tmp=$(mktemp -d)
chmod 755 "$run_tmp"
cleanup() {
  for server in "$run_tmp"/supervision-pg-*; do
    [ -d "$server" ] && "$root/scripts/local-postgres.sh" stop "$server" >/dev/null 2>&1
  done
  rm -rf "$run_tmp" "$output"
}
trap cleanup EXIT
export TMPDIR="$run_tmp"

dotnet test Supervision.sln -c Release "$@" 2>&1 | tee "$output"
status=${PIPESTATUS[0]}

# One line per test project, e.g. "Passed!  - Failed:     0, Passed:    53, Skipped:     0, Total: ..."
read -r passed failed skipped < <(
  sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g' "$output" |
    awk '/(Passed|Failed|Skipped)! +- +Failed: *[0-9]+, +Passed: *[0-9]+, +Skipped: *[0-9]+/ {
           for (i = 1; i <= NF; i++) {
             v = $(i + 1); gsub(/[^0-9]/, "", v)
             if ($i == "Failed:") f += v
             else if ($i == "Passed:") p += v
             else if ($i == "Skipped:") s += v
           }
         }
         END { printf "%d %d %d\n", p, f, s }')

if [ "$status" -ne 0 ] && [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test failed before running any test (exit code $status)" >&2
fi
summary="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary+=", $skipped skipped"
echo "$summary"
exit "$status"
