#!/usr/bin/env bash
# Kills the real Kinerja server with SIGKILL in the middle of concurrent writes (worksheet cells from five people,
# comments from the coordinator), restarts it on the same data and checks that every write it acknowledged is there,
# the audit chain verifies (kinerja audit verify), SQLite's PRAGMA integrity_check says ok and /health answers.
# The test is tests/Kinerja.Tests/DurabilityTests.cs (CI runs it once per database); this runs it several times and
# prints its numbers. Usage: bench/durability/kill-under-load.sh [runs, default 5] [sqlite|postgres|both, default sqlite]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
case "${2:-sqlite}" in
  sqlite) FILTER=DurabilityTestsOnSqlite ;;
  postgres) FILTER=DurabilityTestsOnPostgres ;;
  both) FILTER=DurabilityTests ;;
  *) echo "usage: $0 [runs] [sqlite|postgres|both]" >&2; exit 2 ;;
esac

failed=0
for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS"
  log=$(mktemp)
  if ./test.sh --filter "FullyQualifiedName~$FILTER" --logger "console;verbosity=detailed" >"$log" 2>&1; then
    grep -E "^ +(Passed|Failed) Kinerja|first start|acknowledged|restart after" "$log" || true
  else
    failed=$((failed + 1))
    grep -E "^ +(Passed|Failed) Kinerja|first start|acknowledged|restart after|Error Message|should|but was" "$log" || tail -n 40 "$log"
  fi
  rm -f "$log"
done
echo "$((RUNS - failed)) of $RUNS runs kept every acknowledged write"
[ "$failed" -eq 0 ]
