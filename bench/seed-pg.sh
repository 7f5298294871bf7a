#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Seeding the demo over PostgreSQL (issue 15): `hncredit-server --seed-demo`
# on a new database of a throwaway cluster (pg_virtualenv), against the same
# seeding on a new SQLite file, in the same run. The big tables (subjects,
# risk events, a grading pass's grades) go through COPY over PostgreSQL
# (hcs-store-pg-bulk.c); the rest row by row on both.
#
#   bench/seed-pg.sh [BUILD-DIR] [SCALE]
#
# BUILD-DIR defaults to _build-bench, configured as a release build without
# sanitizers when missing; SCALE (1) is --demo-scale. Each side is timed from
# the server's start to its "listening on" line (migrations, seeding, one
# commit). Nothing is asserted: the figures are printed, with the ratio.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
source "$top/bench/lib-server.sh"
build=${1:-$top/_build-bench}
scale=${2:-1}

if [ -z "${HC_BENCH_PG_CLUSTER:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1; then
    echo "pg_virtualenv is missing: install postgresql and postgresql-common (tools/setup.sh does)" >&2
    exit 1
  fi
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" --buildtype=release -Dapp=false >/dev/null
  fi
  ninja -C "$build" src/server/hncredit-server >/dev/null
  # a throwaway cluster of its own, on a free port (as tests/hc-pg-run.sh)
  PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  export PGPORT HC_BENCH_PG_CLUSTER=1
  exec pg_virtualenv -t "$0" "$build" "$scale"
fi

server=$build/src/server/hncredit-server
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
echo "bench-seed-password" > "$work/password"

# seed DB: seconds from the start to "listening on"; the server is stopped.
seed() {
  local out=$work/out start end
  : > "$out"
  start=$(date +%s.%N)
  "$server" --db "$1" --listen 127.0.0.1:0 --admin-password-file "$work/password" \
    --seed-demo --demo-scale "$scale" < /dev/null > "$out" 2> "$work/err" &
  pid=$!
  hc_bench_wait_listening "$out" "$work/err" "$pid" > /dev/null || exit 1
  end=$(date +%s.%N)
  kill "$pid"
  wait "$pid" || true
  pid=
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}

psql -X -q -d postgres -c "CREATE DATABASE hc_seed"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
sqlite_s=$(seed "$work/demo.db")
pg_s=$(seed postgresql:///hc_seed)
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "subjects, risk events over PostgreSQL: $(psql -X -At -d hc_seed -c \
  'SELECT (SELECT count(*) FROM subjects) || '"', '"' || (SELECT count(*) FROM risk_events)')"
printf '%-28s %10s\n' "demo seeding (scale $scale)" "seconds"
printf '%-28s %10s\n' "SQLite (reference)" "$sqlite_s"
printf '%-28s %10s\n' "PostgreSQL" "$pg_s"
awk -v p="$pg_s" -v s="$sqlite_s" 'BEGIN { printf "%-28s %10.2f\n", "PostgreSQL / SQLite", p / s }'
