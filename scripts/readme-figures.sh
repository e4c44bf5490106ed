#!/usr/bin/env bash
# Checks the figures README.md gives about the repository against the repository: the number of projects
# scripts/run.sh builds (the solution's) and the number of tests scripts/test.sh runs. CI calls it after the
# suite with the number of tests that ran, so a README that drifts fails the build and says what to write.
#   scripts/readme-figures.sh TESTS_RUN
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
tests_run=${1:?usage: scripts/readme-figures.sh TESTS_RUN}

projects=$(dotnet sln Supervision.sln list | grep -c '\.csproj$')
status=0
check() {
  local what=$1 pattern=$2 actual=$3
  local stated
  stated=$(grep -oE "$pattern" README.md | head -n1 | grep -oE '[0-9][0-9,]*' | head -n1 | tr -d ,)
  if [ -z "$stated" ]; then
    echo "readme-figures: README.md no longer states $what (looked for /$pattern/)" >&2
    status=1
  elif [ "$stated" != "$actual" ]; then
    echo "readme-figures: README.md says $stated $what, the repository has $actual: update README.md" >&2
    status=1
  fi
}
check "projects built by scripts/run.sh" 'builds [0-9]+ projects' "$projects"
check "tests run by scripts/test.sh" 'scripts/test.sh` \([0-9,]+ tests\)' "$tests_run"
[ "$status" -eq 0 ] && echo "readme-figures: README.md states $projects projects and $tests_run tests, as the repository has"
exit "$status"
