#!/usr/bin/env bash
# Runs every test of Kinerja: domain tables, HTTP tests on SQLite and on a real PostgreSQL,
# and browser journeys in headless Chromium. Installs and starts what they need (as root:
# Debian's postgresql, chromium, fonts, LibreOffice for PDF, poppler for reading PDFs back, zbar for reading their QR codes, aiosmtpd as the SMTP sink of the mail tests) on a fresh machine. Usage: ./test.sh [dotnet test args]
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -i "Liberation Sans" >/dev/null || need+=(fonts-liberation) # no -q: an early exit would SIGPIPE fc-list and fail the pipe
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || need+=(python3-aiosmtpd)
command -v wrk >/dev/null 2>&1 || need+=(wrk) # the load scripts' short form below
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing system packages: ${need[*]}. Install them (sudo apt-get install ${need[*]}) and run again." >&2
    exit 1
  fi
  echo "Installing ${need[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# PostgreSQL: start the packaged cluster and make a role the tests use to create throw-away databases.
if [ -z "${KINERJA_TEST_POSTGRES:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$" || pg_createcluster "$version" main >/dev/null
  pg_lsclusters -h | grep "^$version main" | grep -q online || pg_ctlcluster "$version" main start
  port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "psql -p $port -qtAc \"$1\""; else sudo -u postgres psql -p "$port" -qtAc "$1"; fi; }
  run_pg "SELECT 1 FROM pg_roles WHERE rolname='kinerja_test'" | grep -q 1 \
    || run_pg "CREATE ROLE kinerja_test LOGIN CREATEDB PASSWORD 'kinerja_test'"
  export KINERJA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=kinerja_test;Password=kinerja_test;Database=postgres"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Kinerja.slnx -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
status=0
dotnet test Kinerja.slnx -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for people and CI: "Tests: N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"

# The load scripts in a short form (a whole run, with no arguments): they must complete with no error response.
# The figures they print are for reading, not asserted; full-size runs and their numbers: docs/performance.md.
if [ $# -eq 0 ]; then
  echo "== load scripts, short form"
  bench/load/save-cell.sh 3s 16 || status=1
  bench/load/sign-in.sh 3s 4 || status=1
  bench/load/surge.sh 4 5 30 64 || status=1
fi
exit $status
