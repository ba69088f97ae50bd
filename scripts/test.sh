#!/usr/bin/env bash
# The test command (README): installs what is missing, builds, runs every test project,
# and closes with one summary line "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-prerequisites.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build Khcn.sln -c Release -nologo -v q || exit 1
dotnet test Khcn.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly "Passed!/Failed! - Failed: F, Passed: P, Skipped: S, Total: T" lines.
summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
    sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' |
    awk '{f+=$1; p+=$2; s+=$3; n++} END {printf "%d %d %d %d", p, f, s, n}')
read -r passed failed skipped assemblies <<<"${summary:-0 0 0 0}"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$assemblies" -eq 0 ]; then
    echo "test.sh: no test assembly reported results" >&2
    exit 1
fi
exit "$status"
