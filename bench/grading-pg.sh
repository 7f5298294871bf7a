#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The peak memory of a grading pass over PostgreSQL (issue 15): the demo
# seeded once into a throwaway cluster (pg_virtualenv), then for each run a
# new server on it does one pass — the preview of a new draft, or its
# publish — and its VmHWM (/proc/PID/status) is read before and after,
# its VmRSS sampled during the pass.
# Each pass runs for each of READS (default "one default"), alternately:
# one — one range (HCS_GRADING_SCAN_RANGE=2000000000, the statements as
# before the ranges: each table's whole result at once); default — the
# server's ranges; a number N — ranges of N subjects.
#
#   [READS="one default 50000"] bench/grading-pg.sh [BUILD-DIR] [SCALE] [ROUNDS]   # _build-bench 1 2
#
# BUILD-DIR is configured as a release build without sanitizers when
# missing; SCALE is --demo-scale. Nothing is asserted.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
source "$top/bench/lib-server.sh"
build=${1:-$top/_build-bench}
scale=${2:-1}
rounds=${3:-2}

if [ -z "${HC_BENCH_PG_CLUSTER:-}" ]; then
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" --buildtype=release -Dapp=false >/dev/null
  fi
  ninja -C "$build" src/server/hncredit-server >/dev/null
  PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  export PGPORT HC_BENCH_PG_CLUSTER=1
  exec pg_virtualenv -t "$0" "$build" "$scale" "$rounds"
fi

server=$build/src/server/hncredit-server
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
echo "bench-grading-password" > "$work/password"
db=postgresql:///hc_grading

# start [VAR=VALUE…]: a server on the database; sets pid and url.
start() {
  : > "$work/out"
  env "$@" "$server" --db "$db" --listen 127.0.0.1:0 --admin-password-file "$work/password" \
    "${extra[@]}" < /dev/null > "$work/out" 2> "$work/err" &
  pid=$!
  url=$(hc_bench_wait_listening "$work/out" "$work/err" "$pid") || exit 1
}

stop() {
  kill "$pid"
  wait "$pid" || true
  pid=
}

# sample: the highest VmRSS of the server every 10 ms into $work/rss (in
# MB) until killed — the pass's own peak, which VmHWM hides when it stays
# under the sign-in's (the password hash's memory, given back).
sample() {
  local max=0 rss
  while rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null); [ -n "$rss" ]; do
    [ "$rss" -gt "$max" ] && max=$rss && echo $((max / 1024)) > "$work/rss"
    sleep 0.01
  done
}

hwm() {
  awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"
}

# login: a token into $work/token (signing in hashes the password, which
# takes memory of its own: before the "before").
login() {
  python3 - "$url" "$(cat "$work/password")" > "$work/token" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/api/v1/session", headers={"Content-Type": "application/json"},
                             data=json.dumps({"username": "admin", "password": sys.argv[2]}).encode())
print(json.load(urllib.request.urlopen(req))["token"])
PY
}

# pass ACTION: a new draft previewed (and discarded) or published; prints
# the seconds of the pass.
pass() {
  python3 - "$url" "$(cat "$work/token")" "$1" <<'PY'
import json, sys, time, urllib.request
url, token, action = sys.argv[1] + "/api/v1", sys.argv[2], sys.argv[3]
def call(method, path, body=None, token=None, etag=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    if etag: headers["If-Match"] = etag
    req = urllib.request.Request(url + path, method=method, headers=headers,
                                 data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(req, timeout=3600) as r:
        data = r.read()
        return (json.loads(data) if data else None), r.headers.get("ETag")
model, etag = call("POST", "/grading/models", {}, token)
path = "/grading/models/%d" % model["id"]
start = time.monotonic()
if action == "preview":
    answer = call("GET", path + "/preview", token=token)[0]
else:
    answer = call("POST", path + "/publish", token=token, etag=etag)[0]["regrading"]
seconds = time.monotonic() - start
if action == "preview":
    call("DELETE", path, token=token, etag=etag)
print("%.1f %d" % (seconds, answer["subjects"]))
PY
}

extra=(--seed-demo --demo-scale "$scale")
psql -X -q -d postgres -c "CREATE DATABASE hc_grading"
start
stop
extra=()
echo "subjects: $(psql -X -At -d hc_grading -c 'SELECT count(*) FROM subjects'),"\
     "penalties: $(psql -X -At -d hc_grading -c 'SELECT count(*) FROM penalties'),"\
     "list entries: $(psql -X -At -d hc_grading -c 'SELECT count(*) FROM list_entries')"
printf '%-8s %-8s %10s %12s %12s %12s %8s  %s\n' pass read subjects "HWM before" "HWM after" "RSS in pass" seconds load
for ((r = 0; r < rounds; r++)); do
  for action in preview publish; do
    for read in ${READS:-one default}; do
      case $read in
        one) start HCS_GRADING_SCAN_RANGE=2000000000 ;;
        default) start ;;
        *) start HCS_GRADING_SCAN_RANGE="$read" ;;
      esac
      login
      before=$(hwm)
      sample &
      sampler=$!
      set -- $(pass "$action")
      kill "$sampler"
      wait "$sampler" 2>/dev/null || true
      printf '%-8s %-8s %10s %9s MB %9s MB %9s MB %8s  %s\n' "$action" "$read" "$2" "$before" "$(hwm)" \
        "$(cat "$work/rss")" "$1" "$(cut -d' ' -f1-3 /proc/loadavg)"
      stop
    done
  done
done
