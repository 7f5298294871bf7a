#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What "acknowledged = on disk" costs (issue 11): the same write load against
# the server with --sync full (the default: PRAGMA synchronous = FULL) and
# --sync normal, alternately in the same run, each on a new empty database:
# wrk POSTs /departments (one transaction with its audit entry a request).
# Prints writes/s and latency for each run and the NORMAL/FULL ratio of the
# means. Not a test: it asserts nothing about time.
#
# Usage: bench/sync.sh [BUILD_DIR]            (default _build/run; it builds nothing)
# Environment: DURATION=10 (seconds per run), CONNECTIONS=16, ROUNDS=2,
#              TMPDIR (where the databases go: the disk being measured)
set -euo pipefail

BUILD_DIR=${1:-_build/run}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
SERVER="$BUILD_DIR/src/server/hncredit-server"
HERE=$(cd "$(dirname "$0")" && pwd)
PASSWORD=hncredit-bench-password   # loopback only, a throwaway database

for tool in wrk python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (tools/setup.sh installs it)" >&2; exit 2; }
done
[ -x "$SERVER" ] || { echo "bench: no server at $SERVER; build first" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hc-sync.XXXXXX")
SERVER_PID=
cleanup() {
  local status=$?
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT
printf '%s' "$PASSWORD" > "$WORK/password"

echo "hncredit durability benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores; databases on $(df -PT "$WORK" | awk 'NR==2 {print $2 " (" $1 ")"}')"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk:     POST /departments, $CONNECTIONS connections, ${DURATION}s per run"
echo
printf '%-8s %10s %8s %8s %8s\n' "sync" "writes/s" "p50 ms" "p99 ms" "non-2xx"

declare -A sum
sum[full]=0; sum[normal]=0
run() {
  local mode=$1 db="$WORK/$1-$2.db" line url token
  "$SERVER" --db "$db" --listen 127.0.0.1:0 --admin-password-file "$WORK/password" --sync "$mode" \
    > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do grep -q '^listening on ' "$WORK/server.log" && break; sleep 0.2; done
  line=$(grep -m1 '^listening on ' "$WORK/server.log") || { cat "$WORK/server.log" >&2; exit 1; }
  url=${line#listening on }
  token=$(python3 - "$url" "$PASSWORD" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/api/v1/session",
                             data=json.dumps({"username": "admin", "password": sys.argv[2]}).encode(),
                             headers={"Content-Type": "application/json"})
print(json.load(urllib.request.urlopen(req))["token"])
PY
)
  HC_BENCH_TOKEN=$token HC_BENCH_TAG="$mode$2" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s \
    -s "$HERE/wrk-write.lua" "$url" > "$WORK/wrk.out" 2>&1 || true
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
  read -r rps p50 p99 err <<< "$(grep '^RESULT' "$WORK/wrk.out" | tail -1 | cut -d' ' -f2-)"
  printf '%-8s %10.0f %8.2f %8.2f %8s\n' "$mode" "$rps" "$p50" "$p99" "$err"
  sum[$mode]=$(awk -v a="${sum[$mode]}" -v b="$rps" 'BEGIN { print a + b }')
}
for round in $(seq 1 "$ROUNDS"); do
  run normal "$round"
  run full "$round"
done
echo
awk -v n="${sum[normal]}" -v f="${sum[full]}" -v r="$ROUNDS" 'BEGIN {
  printf "mean writes/s: normal %.0f, full %.0f; NORMAL/FULL = %.2f\n", n / r, f / r, (f > 0 ? n / f : 0) }'
