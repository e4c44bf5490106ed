#!/usr/bin/env bash
# Verifies an evidence bundle (GET /admin/evidence/export) offline: no server, no database, only the file.
#
#   scripts/verify-evidence.sh BUNDLE [--key FINGERPRINT]
#
# Prints the fingerprint of the key that signed the seals (compare it with the one the regulator publishes, or pass
# it as --key to have any other refused), then VERIFIED (exit 0) or FAILED naming the first record changed, removed
# or inserted (exit 1); exit 2 on a usage error. The bundle's format: docs/evidence-export.md.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
project=$root/tools/EvidenceVerifier/Supervision.EvidenceVerifier.csproj
dll=$root/tools/EvidenceVerifier/bin/Release/net10.0/verify-evidence.dll

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v dotnet >/dev/null || { echo "verify-evidence.sh: dotnet (the .NET 10 SDK) is not on PATH" >&2; exit 2; }
if [ ! -f "$dll" ] || [ -n "$(find "$root/tools/EvidenceVerifier" "$root/src/EvidenceChain" -name '*.cs' -newer "$dll" -print -quit)" ]; then
  dotnet build "$project" -c Release -v quiet -nologo >&2 || { echo "verify-evidence.sh: the verifier did not build" >&2; exit 2; }
fi

exec dotnet "$dll" "$@"
