#!/usr/bin/env bash
# Load test of sign-in through the token API (POST /api/v1/auth/token: user lookup, PBKDF2 password check, lockout
# bookkeeping, token protection) next to the same server's bare GET (/health/live) measured in the same run, so the
# ratio means something on a noisy machine. The sign-in limits are raised for the run (KINERJA_SIGNIN_PER_*), since
# every request comes from one address. Usage: bench/load/sign-in.sh [duration, default 15s] [connections, default 4]
# Each sign-in hashes the password (PBKDF2, on purpose slow): on 2 cores more connections only queue.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-15s}
CONNECTIONS=${2:-4}
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
BASE=http://127.0.0.1:$PORT
export PASSWORD=${KINERJA_DEMO_PASSWORD:-Kinerja#Demo2026}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

dotnet build src/Kinerja -c Release -v q -nologo >/dev/null
DATA=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
KINERJA_DATA_DIR=$DATA KINERJA_ADMIN_PASSWORD='Admin#Load2026' Logging__LogLevel__Default=Warning \
  KINERJA_SIGNIN_PER_ADDRESS=100000000 KINERJA_SIGNIN_PER_USER=100000000 \
  dotnet src/Kinerja/bin/Release/net10.0/kinerja.dll --urls "$BASE" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "$BASE/health/live" >/dev/null && break; sleep 0.5; done
kill -0 "$SERVER" 2>/dev/null || { echo "the server did not start:" >&2; tail -5 "$DATA/server.log" >&2; exit 1; }

# Demo users of all five agencies take turns, as people arriving at work do.
export USERS="pasrujambe.camat pasrujambe.kasubbag-pk pasrujambe.staf-pk paringin.camat paringin.kasubbag tanjunganom.camat tanjunganom.staf dkp.kadis dkp.kasubag-kp dkp.staf-evaluasi setwan.sekwan setwan.kasubbag-pep setwan.analis"
for u in $USERS; do
  curl -sf -o /dev/null -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$u\",\"password\":\"$PASSWORD\"}" || { echo "sign-in of $u failed" >&2; exit 1; }
done
echo "users: $(wc -w <<<"$USERS"), connections: $CONNECTIONS, duration: $DURATION each, $(nproc) cores"

echo "== bare GET /health/live (the machine's ceiling)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/health/live" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
echo "== POST /api/v1/auth/token"
result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/load/sign-in.lua "$BASE")
grep -E "Requests/sec|p50|Non-2xx|Socket errors" <<<"$result" || true
echo "== server memory (VmHWM = peak resident)"
grep -E "VmHWM|VmRSS" "/proc/$SERVER/status" || { echo "the server stopped:" >&2; tail -20 "$DATA/server.log" >&2; }
# Every sign-in must have succeeded: a refused (429, 401) or timed-out one is a failure, whatever the speed.
grep -q "errors: connect 0 read 0 write 0 timeout 0, non-2xx 0" <<<"$result" || { echo "sign-in: some sign-ins failed" >&2; exit 1; }
