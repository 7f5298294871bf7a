#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Server benchmark (issue 3): the demo data scaled ×10 (1,000,000 enterprises,
# 2,000,000 risk events), wrk at 64 connections on loopback against our
# server and, in the same run, against nginx (issue 12; python3 -m
# http.server when nginx is missing or REF=python) serving a static JSON
# file holding the very bytes of each answer. Prints req/s, the ratio,
# the server CPU time a request of each (and their ratio: steadier than
# req/s on a busy machine),
# p50/p99 latency, and the seconds of one POST /lists/match of 100,000
# subjects. Then the import rate: one POST /imports of a generated 行政处罚
# CSV (bench/hc-import-gen). Not a test: it asserts nothing about time.
#
# Both backends in one run (issue 15): the SQLite database seeded as above
# is copied by `hncredit-server migrate` into a throwaway PostgreSQL 15
# cluster (pg_virtualenv, fsync on), and the same requests run against a
# server on each, each beside the same nginx reference; a table puts the
# two side by side at the end.
#
# Usage: bench/server.sh [BUILD_DIR]          (default _build/run; it builds nothing)
# Environment:
#   BACKENDS="sqlite postgresql"   the backends to measure (postgresql needs
#                   pg_virtualenv: postgresql and postgresql-common)
#   IMPORT_ROWS=200000  rows of the imported file (0: no import)
#   SCALE=10        demo scale (--demo-scale)
#   DURATION=15     seconds per wrk run
#   CONNECTIONS=64  wrk connections
#   THREADS=        the server's --threads (its default when empty)
#   PARTS="lookup page first heatmap match import"   the parts to measure
#   BENCH_DB=PATH   reuse (or keep) the seeded database at PATH instead of a
#                   temporary one; seeding is skipped when it exists (its
#                   admin password must be BENCH_PASSWORD, default below)
set -euo pipefail

BACKENDS=${BACKENDS:-sqlite postgresql}
HERE=$(cd "$(dirname "$0")" && pwd)
# PostgreSQL: the whole run inside a throwaway cluster of its own, made and
# dropped by pg_virtualenv (as the api-pg tests do: tests/hc-pg-run.sh),
# with fsync on — pg_virtualenv turns it off for tests, which would compare
# a PostgreSQL that may lose commits with a SQLite that may not.
if [[ " $BACKENDS " == *" postgresql "* ]] && [ -z "${HC_BENCH_IN_PG:-}" ]; then
  if command -v pg_virtualenv >/dev/null 2>&1; then
    export HC_BENCH_IN_PG=1
    PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    export PGPORT
    # pg_virtualenv's own messages to standard error, the bench's to standard output
    exec 3>&1
    exec pg_virtualenv -t -o fsync=on -o shared_buffers=256MB \
      sh -c 'exec "$@" >&3 3>&-' sh "$HERE/server.sh" "$@" >&2
  fi
  echo "bench: pg_virtualenv is missing (tools/setup.sh installs postgresql-common): SQLite only" >&2
  BACKENDS=sqlite
fi

BUILD_DIR=${1:-_build/run}
SCALE=${SCALE:-10}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-}
SERVER="$BUILD_DIR/src/server/hncredit-server"
PASSWORD=${BENCH_PASSWORD:-hncredit-bench-password}   # loopback only
IMPORT_ROWS=${IMPORT_ROWS:-200000}
PARTS=${PARTS:-lookup page first heatmap match import}
want() { [[ " $PARTS " == *" $1 "* ]]; }
want import || IMPORT_ROWS=0

for tool in wrk sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (tools/setup.sh installs it)" >&2; exit 2; }
done
[ -x "$SERVER" ] || { echo "bench: no server at $SERVER; build first (meson setup _build/run -Dbuildtype=release -Dapp=false && ninja -C _build/run)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hc-bench.XXXXXX")
"$SERVER" --list-routes > "$WORK/routes.txt"
DB=${BENCH_DB:-$WORK/bench.db}
SERVER_PID=
REF_PID=
FLOOR_PID=
FLOOR="$BUILD_DIR/bench/soup-floor"
cleanup() {
  local status=$?
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$FLOOR_PID" ]; then kill "$FLOOR_PID" 2>/dev/null; wait "$FLOOR_PID" 2>/dev/null || true; fi
  if [ -n "$REF_PID" ]; then kill "$REF_PID" 2>/dev/null; wait "$REF_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT

# Waits for a line matching $2 in file $1 (at most $3 seconds) and prints it.
wait_line() {
  local file=$1 pattern=$2 limit=$3 pid=$4 i=0
  while ! grep -q "$pattern" "$file" 2>/dev/null; do
    sleep 0.2
    i=$((i + 1))
    if ! kill -0 "$pid" 2>/dev/null || [ $i -gt $((limit * 5)) ]; then
      echo "bench: gave up waiting for «$pattern»; log:" >&2
      cat "$file" >&2
      exit 1
    fi
  done
  grep -m1 "$pattern" "$file"
}

echo "hncredit server benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min averages before the run; other work on the machine skews the numbers)"
echo "server:  $SERVER $($SERVER --version 2>/dev/null | head -1)${THREADS:+, --threads $THREADS}"
echo "wrk:     $CONNECTIONS connections, 2 threads, ${DURATION}s per run, loopback"
echo

seeded=no
[ -e "$DB" ] || seeded=yes
printf '%s' "$PASSWORD" > "$WORK/password"

# Starts the server on $1 (a SQLite file or a postgresql:// URI; more
# arguments are passed on), sets URL and SERVER_PID, and signs in (TOKEN).
start_server() {
  local db=$1 line; shift
  local args=(--db "$db" --listen 127.0.0.1:0 --admin-password-file "$WORK/password" "$@")
  [ -n "$THREADS" ] && args+=(--threads "$THREADS")
  "$SERVER" "${args[@]}" > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  line=$(wait_line "$WORK/server.log" '^listening on ' 7200 "$SERVER_PID")
  URL=${line#listening on }
  TOKEN=$(python3 - "$URL" "$PASSWORD" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1] + "/api/v1/session",
                             data=json.dumps({"username": "admin", "password": sys.argv[2]}).encode(),
                             headers={"Content-Type": "application/json"})
print(json.load(urllib.request.urlopen(req))["token"])
PY
)
  export HC_BENCH_TOKEN=$TOKEN
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

start=$(date +%s.%N)
if [ "$seeded" = yes ]; then
  start_server "$DB" --seed-demo --demo-scale "$SCALE"
  printf 'seeding (--seed-demo --demo-scale %s) until listening: %.1f s\n' "$SCALE" \
    "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')"
  stop_server
else
  echo "database: reused $DB (not seeded in this run)"
fi
for table in subjects risk_events risk_rollup list_entries; do
  printf '  %-12s %s rows\n' "$table" "$(sqlite3 "$DB" "SELECT count(*) FROM $table" 2>/dev/null || echo '?')"
done

# The same data in PostgreSQL: `migrate` copies the SQLite database into a
# new database of the throwaway cluster (checked table by table).
PG_URI=
if [[ " $BACKENDS " == *" postgresql "* ]]; then
  createdb hcbench
  PG_URI="postgresql://$PGUSER@$PGHOST:$PGPORT/hcbench"
  start=$(date +%s.%N)
  if ! "$SERVER" migrate --from "$DB" --to "$PG_URI" > "$WORK/migrate.log" 2>&1; then
    echo "bench: migrate failed:" >&2
    cat "$WORK/migrate.log" >&2
    exit 1
  fi
  printf 'migrate into PostgreSQL %s (fsync on, shared_buffers 256MB): %.1f s\n' \
    "$(psql -X -A -t -d hcbench -c 'SHOW server_version' | cut -d' ' -f1)" \
    "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')"
  psql -X -q -d hcbench -c 'VACUUM ANALYZE' >/dev/null
fi

# The file of the import rate: hc-import-gen's 行政处罚 rows (0.1% bad),
# their decision numbers made unique to this run (a reused database has
# the last run's), into the first penalty item of the catalog; the same
# file on each backend, whose databases do not hold it yet.
IMPORT_CSV=
IMPORT_ITEM=
if [ "$IMPORT_ROWS" -gt 0 ] && grep -q 'POST .*/imports$' "$WORK/routes.txt"; then
  if [ -x "$BUILD_DIR/bench/hc-import-gen" ]; then
    "$BUILD_DIR/bench/hc-import-gen" "$IMPORT_ROWS" 0.001 "$WORK/import-gen.csv" >/dev/null
    run_id=$(date +%s)
    awk -F, -v OFS=, -v p="B$run_id-" 'NR > 1 { $3 = p $3 } { print }' "$WORK/import-gen.csv" > "$WORK/import.csv"
    IMPORT_CSV=$WORK/import.csv
    IMPORT_ITEM=$(sqlite3 "$DB" "SELECT id FROM catalog_items WHERE category = 'penalty' ORDER BY id LIMIT 1")
  else
    echo "import rate: not measured ($BUILD_DIR/bench/hc-import-gen is not built: ninja -C $BUILD_DIR bench/hc-import-gen)"
  fi
fi
echo

# The reference: nginx on loopback (as many workers as processors, no access
# log, keep-alive as wrk uses it), serving $WORK/static; python3 -m
# http.server (ten times slower: it flatters the ratio) only when nginx is
# missing or REF=python.
mkdir -p "$WORK/static"
REF=${REF:-nginx}
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || REF=python
if [ "$REF" = nginx ]; then
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  REF_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  types { application/json json; }
  server { listen 127.0.0.1:$REF_PORT; root $WORK/static; }
}
CONF
  "$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" > "$WORK/ref.log" 2>&1 &
  REF_PID=$!
  REF_URL="http://127.0.0.1:$REF_PORT"
  for _ in $(seq 50); do
    curl -s -o /dev/null "$REF_URL/" 2>/dev/null && break
    sleep 0.1
  done
  echo "reference: nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'), worker_processes auto ($(nproc))"
else
  python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$WORK/static" > "$WORK/ref.log" 2>&1 &
  REF_PID=$!
  ref_line=$(wait_line "$WORK/ref.log" 'Serving HTTP' 30 "$REF_PID")
  REF_URL="http://127.0.0.1:$(echo "$ref_line" | sed -E 's/.* port ([0-9]+).*/\1/')"
  echo "reference: python3 -m http.server (nginx not found)"
fi

# CPU time (user + system, clock ticks) of the processes $@ (with their
# threads) so far.
cpu_ticks() {
  local t=0 p u s
  for p in "$@"; do
    read -r u s < <(awk '{ print $14, $15 }' "/proc/$p/stat" 2>/dev/null || echo "0 0")
    t=$((t + u + s))
  done
  echo "$t"
}

# The processes that serve: our server, the libsoup floor, or nginx's
# master and workers.
serving_pids() {
  case $1 in
    ours) echo "$SERVER_PID" ;;
    floor) echo "$FLOOR_PID" ;;
    *) echo "$REF_PID" $(ps -o pid= --ppid "$REF_PID") ;;
  esac
}

# Runs wrk against $3 (ours or ref); prints "req/s p50_ms p99_ms errors
# cpu_us" from the Lua done() hook, cpu_us being the server's CPU time a
# request (user + system): unlike requests a second, it hardly moves with
# the other work on the machine.
run_wrk() {
  local script=$1 url=$2 who=$3 pids t0 t1 n
  pids=$(serving_pids "$who")
  t0=$(cpu_ticks $pids)
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$script" "$url" > "$WORK/wrk.out" 2>&1 || true
  t1=$(cpu_ticks $pids)
  n=$(awk '/ requests in / { print $1 }' "$WORK/wrk.out")
  printf '%s %s\n' "$(grep '^RESULT' "$WORK/wrk.out" | tail -1 | cut -d' ' -f2- || echo "0 0 0 ?")" \
    "$(awk -v d=$((t1 - t0)) -v n="${n:-0}" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (n > 0 ? d * 1e6 / hz / n : 0) }')"
}

# Fetches $1 (a path) with the token into $2; prints the HTTP status.
fetch() {
  python3 - "$URL$1" "$2" <<'PY'
import os, sys, urllib.request, urllib.error
req = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + os.environ["HC_BENCH_TOKEN"]})
try:
    resp = urllib.request.urlopen(req)
    status, body = resp.status, resp.read()
except urllib.error.HTTPError as e:
    status, body = e.code, e.read()
open(sys.argv[2], "wb").write(body)
print(status)
PY
}

header() {
  printf '%-40s %10s %10s %6s %8s %8s %9s %8s\n' "endpoint" "ours r/s" "ref r/s" "ratio" "p50 ms" "p99 ms" "p99≤10ms" "non-2xx"
}
declare -A SUMMARY
# report NAME KEY "ours" "ref": one line of the table; KEY files it for the summary.
report() {
  local name=$1 key=$2 ours=$3 ref=$4
  read -r o_rps o_p50 o_p99 o_err o_cpu <<< "$ours"
  read -r r_rps _ _ _ r_cpu <<< "$ref"
  printf '%-40s %10.0f %10.0f %6.2f %8.2f %8.2f %9s %8s\n' "$name" "$o_rps" "$r_rps" \
    "$(awk -v a="$o_rps" -v b="$r_rps" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$o_p50" "$o_p99" \
    "$(awk -v p="$o_p99" 'BEGIN { print (p <= 10 ? "yes" : "NO") }')" "$o_err"
  printf '%-40s %10s %10s %6.2f   (server CPU µs a request; ratio ref/ours)\n' "" "$o_cpu" "$r_cpu" \
    "$(awk -v a="$o_cpu" -v b="$r_cpu" 'BEGIN { print (a > 0 ? b / a : 0) }')"
  SUMMARY[$key]="$o_rps $o_p99 $r_rps"
}

# The identifiers of the look-ups, and the static copies of the answers
# (from the first backend's server: the answers are the same on both).
sqlite3 "$DB" "SELECT identifier FROM subjects WHERE type <> 'natural_person' ORDER BY random() LIMIT 20000" > "$WORK/ids.txt"
export HC_BENCH_IDS="$WORK/ids.txt"

# measure BACKEND: the requests against the server now running.
measure() {
  local backend=$1 status path ours ref n
  header
  # GET /subjects/{uscc} for random existing USCCs.
  if ! want lookup; then
    :
  elif ! grep -q 'GET .*/subjects/{' "$WORK/routes.txt"; then
    echo "GET /subjects/{uscc}: not measured (the route is not in this build)"
  elif [ ! -s "$WORK/ids.txt" ]; then
    echo "GET /subjects/{uscc}: not measured (no subjects in the database)"
  else
    status=$(fetch "/api/v1/subjects/$(head -1 "$WORK/ids.txt")" "$WORK/answer-subject.json")
    [ "$status" = 200 ] || echo "bench: GET /subjects/{uscc} answered $status" >&2
    [ -s "$WORK/static/subject.json" ] || cp "$WORK/answer-subject.json" "$WORK/static/subject.json"
    ours=$(run_wrk "$HERE/wrk-subjects.lua" "$URL" ours)
    ref=$(run_wrk "$HERE/wrk-report.lua" "$REF_URL/subject.json" ref)
    report "GET /subjects/{uscc} ($(stat -c %s "$WORK/answer-subject.json") B)" "${backend}_lookup" "$ours" "$ref"
    # The floor of the stack (bench/soup-floor.c): libsoup with as many
    # threads as our server, the same bytes, no work. Its ratio to nginx
    # bounds what any look-up built on libsoup could reach.
    if [ -x "$FLOOR" ]; then
      if [ -z "$FLOOR_PID" ]; then
        n=${THREADS:-$(nproc)}
        [ "$n" -ge 2 ] || n=2
        "$FLOOR" "$WORK/static/subject.json" "$n" > "$WORK/floor.log" 2>&1 &
        FLOOR_PID=$!
        FLOOR_URL=$(wait_line "$WORK/floor.log" '^listening on ' 30 "$FLOOR_PID" | sed 's/^listening on //')
      fi
      floor=$(run_wrk "$HERE/wrk-report.lua" "$FLOOR_URL/subject.json" floor)
      report "  libsoup floor: the same bytes, no work" "${backend}_floor" "$floor" "$ref"
    fi
  fi

  # GET /subjects pages of 200 (issue 12): "page" the first page alone (the
  # rows' JSON), "first" the subjects pane's first answer (total=estimate).
  for part in page first; do
    want $part || continue
    path="/api/v1/subjects?limit=200"
    [ $part = first ] && path="$path&total=estimate"
    status=$(fetch "$path" "$WORK/answer-$part.json")
    if [ "$status" = 200 ]; then
      [ -s "$WORK/static/$part.json" ] || cp "$WORK/answer-$part.json" "$WORK/static/$part.json"
      ours=$(run_wrk "$HERE/wrk-token.lua" "$URL$path" ours)
      ref=$(run_wrk "$HERE/wrk-report.lua" "$REF_URL/$part.json" ref)
      report "GET ${path#/api/v1} ($(stat -c %s "$WORK/answer-$part.json") B)" "${backend}_$part" "$ours" "$ref"
    else
      echo "GET $path: not measured (answered $status)"
    fi
  done

  # GET /risk/heatmap?by=region-month
  path="/api/v1/risk/heatmap?by=region-month"
  status=000
  want heatmap && status=$(fetch "$path" "$WORK/answer-heatmap.json")
  if ! want heatmap; then
    :
  elif [ "$status" = 200 ]; then
    [ -s "$WORK/static/heatmap.json" ] || cp "$WORK/answer-heatmap.json" "$WORK/static/heatmap.json"
    ours=$(run_wrk "$HERE/wrk-token.lua" "$URL$path" ours)
    ref=$(run_wrk "$HERE/wrk-report.lua" "$REF_URL/heatmap.json" ref)
    report "GET /risk/heatmap?by=region-month ($(stat -c %s "$WORK/answer-heatmap.json") B)" "${backend}_heatmap" "$ours" "$ref"
  else
    echo "GET /risk/heatmap: not measured (answered $status)"
  fi

  # POST /lists/match with 100,000 subjects: seconds for one request.
  if ! want match; then
    :
  elif grep -q 'POST .*/lists/match$' "$WORK/routes.txt"; then
    n=$(sqlite3 "$DB" "SELECT count(*) FROM subjects")
    if [ "$n" -ge 100000 ]; then
      [ -s "$WORK/match.txt" ] || sqlite3 "$DB" "SELECT identifier FROM subjects ORDER BY random() LIMIT 100000" > "$WORK/match.txt"
      python3 - "$URL" "$WORK/match.txt" <<'PY'
import json, os, sys, time, urllib.request
ids = [l.strip() for l in open(sys.argv[2]) if l.strip()]
body = json.dumps({"subjects": ids, "purpose": "benchmark"}).encode()
req = urllib.request.Request(sys.argv[1] + "/api/v1/lists/match", data=body,
                             headers={"Content-Type": "application/json",
                                      "Authorization": "Bearer " + os.environ["HC_BENCH_TOKEN"]})
t = time.monotonic()
resp = urllib.request.urlopen(req, timeout=600)
answer = resp.read()
dt = time.monotonic() - t
hits = json.loads(answer).get("hits", [])
print("POST /lists/match, %d subjects: %.2f s (status %d, %d hits, %d B answer)"
      % (len(ids), dt, resp.status, len(hits), len(answer)))
PY
    else
      echo "POST /lists/match: not measured (only $n subjects in the database; 100,000 needed)"
    fi
  else
    echo "POST /lists/match: not measured (the route is not in this build)"
  fi

  # POST /imports of the generated file: rows a second, the whole request.
  if [ -n "$IMPORT_CSV" ] && [ -n "$IMPORT_ITEM" ]; then
    local result
    result=$(python3 - "$URL" "$IMPORT_CSV" "$IMPORT_ITEM" <<'PY'
import json, os, sys, time, urllib.request, urllib.error
data = open(sys.argv[2], "rb").read()
req = urllib.request.Request(sys.argv[1] + "/api/v1/imports?kind=penalty&item=" + sys.argv[3] + "&file_name=bench.csv",
                             data=data, headers={"Content-Type": "text/csv; charset=utf-8",
                                                 "Authorization": "Bearer " + os.environ["HC_BENCH_TOKEN"]})
t = time.monotonic()
try:
    resp = urllib.request.urlopen(req, timeout=3600)
    answer = json.load(resp)
except urllib.error.HTTPError as e:
    print("0 0 0 0 %d" % e.code)
    sys.exit(0)
dt = time.monotonic() - t
print("%.0f %.2f %d %d %d" % (answer["rows_read"] / dt, dt, answer["accepted"], answer["rejected"], resp.status))
PY
)
    read -r i_rate i_secs i_acc i_rej i_status <<< "$result"
    if [ "$i_status" = 201 ]; then
      printf 'POST /imports, %d rows (%s): %.2f s, %.0f rows/s (%d accepted, %d rejected)\n' "$IMPORT_ROWS" \
        "$(du -h "$IMPORT_CSV" | cut -f1)" "$i_secs" "$i_rate" "$i_acc" "$i_rej"
      SUMMARY[${backend}_import]="$i_rate $i_secs"
    else
      echo "POST /imports: not measured (answered $i_status)"
    fi
  fi
}

if [[ " $BACKENDS " == *" sqlite "* ]]; then
  echo "== SQLite: $DB (--sync full)"
  start_server "$DB"
  measure sqlite
  stop_server
  echo
fi
if [ -n "$PG_URI" ]; then
  echo "== PostgreSQL: the same data, copied by migrate (a connection per worker: ${THREADS:-one per processor})"
  start_server "$PG_URI"
  measure postgresql
  stop_server
  echo
fi

# Both side by side.
if [ -n "$PG_URI" ] && [[ " $BACKENDS " == *" sqlite "* ]]; then
  echo "== side by side (requests/s and p99 ms; the nginx reference of each run in brackets)"
  printf '%-34s %24s %24s\n' "" "SQLite" "PostgreSQL"
  for key in lookup heatmap; do
    line=$(printf '%-34s' "$([ $key = lookup ] && echo 'GET /subjects/{uscc}' || echo 'GET /risk/heatmap?by=region-month')")
    for backend in sqlite postgresql; do
      read -r rps p99 ref <<< "${SUMMARY[${backend}_$key]:-0 0 0}"
      line+=$(printf ' %7.0f r/s %6.2f ms [%5.0f]' "$rps" "$p99" "$ref")
    done
    echo "$line"
  done
  line=$(printf '%-34s' "POST /imports ($IMPORT_ROWS rows)")
  for backend in sqlite postgresql; do
    read -r rate secs <<< "${SUMMARY[${backend}_import]:-0 0}"
    line+=$(printf ' %10.0f rows/s %6.1f s' "$rate" "$secs")
  done
  echo "$line"
fi
