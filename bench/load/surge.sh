#!/usr/bin/env bash
# The deadline surge: every unit of a generated province fills its worksheet line by line and submits it, all at once,
# against the real server (bench/Kinerja.Surge). Prints the machine's ceiling in the same run (a bare GET and a raw
# one-row SQLite insert through the same client), the surge's duration, latencies, errors, and the server's peak memory.
# Usage: bench/load/surge.sh [agencies, default 40] [units per agency, default 25] [lines, default 30] [connections, default 256]
# PostgreSQL: KINERJA_DATABASE=postgres ConnectionStrings__Kinerja="Host=...;Database=<fresh database>" bench/load/surge.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/Kinerja.Surge -c Release -v q -nologo >/dev/null
exec dotnet bench/Kinerja.Surge/bin/Release/net10.0/Kinerja.Surge.dll --server src/Kinerja/bin/Release/net10.0/kinerja.dll \
  --agencies "${1:-40}" --units "${2:-25}" --lines "${3:-30}" --connections "${4:-256}"
