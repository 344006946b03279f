#!/usr/bin/env bash
# Long form of the issue #6 crash test (tests/DurableLessons.CrashRecovery.Tests): SIGKILL the embedded host at random
# moments during many lesson runs, restart it each time, then check every run completed and saved exactly one version.
#
#   scripts/crash-soak.sh                                   # 100 runs, 30 kills, random seed (printed)
#   CRASH_SOAK_RUNS=30 CRASH_SOAK_KILLS=10 scripts/crash-soak.sh
#   CRASH_SOAK_SEED=123456 scripts/crash-soak.sh            # replay the kill timing of a failed run
#
# Extra arguments go to `dotnet test` (for example -c Release).
set -euo pipefail
cd "$(dirname "$0")/.."

export CRASH_SOAK_RUNS="${CRASH_SOAK_RUNS:-100}"
export CRASH_SOAK_KILLS="${CRASH_SOAK_KILLS:-30}"
if [[ -n "${CRASH_SOAK_SEED:-}" ]]; then
  export CRASH_SOAK_SEED
fi

echo "crash soak: ${CRASH_SOAK_RUNS} runs, ${CRASH_SOAK_KILLS} kills, seed ${CRASH_SOAK_SEED:-random}" >&2
start=$(date +%s)
status=0
dotnet test tests/DurableLessons.CrashRecovery.Tests --logger "console;verbosity=detailed" "$@" || status=$?
echo "crash soak: finished in $(( $(date +%s) - start )) s with exit code ${status}" >&2
exit "${status}"
