#!/usr/bin/env bash
# Load test of the save-a-cell path (bearer auth, validation, EF Core, audit record, SQLite) next to the same server's
# bare GET (/health/live) and a raw one-row SQLite insert (/load-probe/raw-insert) measured in the same run, so the ratio
# means something on a noisy machine, and next to two of its parts alone: the same row written through EF Core, and an
# API request's sign-in. Usage: bench/load/save-cell.sh [duration, default 15s] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-15s}
CONNECTIONS=${2:-64}
PORT=${PORT:-5099}
THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
BASE=http://127.0.0.1:$PORT
PASSWORD=${KINERJA_DEMO_PASSWORD:-Kinerja#Demo2026}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

dotnet build src/Kinerja -c Release -v q -nologo >/dev/null
DATA=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
KINERJA_DATA_DIR=$DATA KINERJA_ADMIN_PASSWORD='Admin#Load2026' KINERJA_LOAD_PROBES=true Logging__LogLevel__Default=Warning \
  dotnet src/Kinerja/bin/Release/net10.0/kinerja.dll --urls "$BASE" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "$BASE/health/live" >/dev/null && break; sleep 0.5; done

json() { python3 -c "import sys, json; d = json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
token() { curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" | json 'd["token"]'; }

# Four rounds (Q3, Q4, S2, the year) in each demo agency; every line of every worksheet becomes a target, so
# connections mostly write different lines, as units do (two people on one line is the rare case).
TARGETS=""
for coordinator in pasrujambe.kasubbag-pk paringin.kasubbag tanjunganom.kasubag-pek dkp.kasubag-kp setwan.kasubbag-pep; do
  t=$(token "$coordinator")
  agency=$(curl -sf "$BASE/api/v1/me" -H "Authorization: Bearer $t" | json 'd["grants"][0]["agencyId"]')
  for period in 2026-Q3 2026-Q4 2026-S2 2026; do
  round=$(curl -sf -X POST "$BASE/api/v1/agencies/$agency/rounds" -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
    -d "{\"period\":\"$period\",\"disposition\":{\"text\":\"Uji beban\"}}" | json 'd["id"]')
  for sheet in $(curl -sf "$BASE/api/v1/rounds/$round/worksheets" -H "Authorization: Bearer $t" | json '" ".join(s["id"] for s in d)'); do
    for line in $(curl -sf "$BASE/api/v1/worksheets/$sheet" -H "Authorization: Bearer $t" | json '" ".join(l["lineId"] for l in d["lines"])'); do
      TARGETS="$TARGETS/api/v1/worksheets/$sheet/lines/$line $t;"
    done
  done
  done
done
export TARGETS
echo "lines under load: $(tr -cd ';' <<<"$TARGETS" | wc -c), connections: $CONNECTIONS, duration: $DURATION each, $(nproc) cores"

# The server's own CPU time per request (user + system, from /proc) does not depend on what else the machine runs,
# unlike requests per second: it is the number to compare between versions of the code.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
measure() { # label, then wrk arguments
  local label=$1 before out requests; shift
  echo "== $label"
  before=$(cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  grep -E "Requests/sec|50%|99%|p50|Non-2xx|Socket errors" <<<"$out" || true
  awk -v t="$(( $(cpu_ticks) - before ))" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "server CPU per request: %.0f us\n", (n > 0 ? t / hz / n * 1e6 : 0) }'
  # Every request of every phase must have succeeded: a refused or timed-out request is a failure, whatever the speed.
  if grep -qE "Non-2xx|Socket errors" <<<"$out"; then echo "save-cell: $label: some requests failed" >&2; exit 1; fi
}
measure "bare GET /health/live (the machine's ceiling)" "$BASE/health/live"
measure "POST a raw one-row SQLite insert (no EF Core, no auth, no audit: the database's ceiling)" -s bench/load/post.lua "$BASE/load-probe/raw-insert"
# What every save is made of, alone: EF Core writing the raw insert's row, and an API request's sign-in (the bearer
# token checked, the user's positions loaded). Their CPU per request added up is the floor of a save through them.
measure "POST the same row through EF Core (pooled context, no auth, no audit)" -s bench/load/post.lua "$BASE/load-probe/ef-insert"
measure "GET signed in: bearer token checked, the user's positions loaded, nothing else" \
  -H "Authorization: Bearer $(token pasrujambe.staf-pem)" "$BASE/load-probe/signed-in"
measure "PUT a worksheet cell" -s bench/load/save-cell.lua "$BASE"
echo "== server memory (VmHWM = peak resident)"
grep -E "VmHWM|VmRSS" "/proc/$SERVER/status"
