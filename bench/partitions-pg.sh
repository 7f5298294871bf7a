#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The month partitions a server makes at its start (issue 15,
# hcs-store-pg-parts.c): HCS_PG_PARTITIONS_AHEAD=MONTHS months after this
# one for each of the five tables partitioned by month, on a fresh copy of
# a migrated database whose DEFAULT partitions hold no row of those months
# (the common case: the move is skipped). Times each server's start to its
# "listening on" line with MONTHS ahead, less its start with none ahead (on
# another copy, same run): what making the partitions took. Two builds in
# the same run, the reference (e.g. main's) and the one measured, so that
# the ratio is of the same load.
#
#   bench/partitions-pg.sh REF-BUILD-DIR BUILD-DIR [MONTHS] [RUNS]
#
# Nothing is asserted: the figures are printed, the best of RUNS (3).
set -euo pipefail

ref=$1
build=$2
months=${3:-60}
runs=${4:-3}

if [ -z "${HC_BENCH_PG_CLUSTER:-}" ]; then
  exec env HC_BENCH_PG_CLUSTER=1 pg_virtualenv -t "$0" "$@"
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "admin-password-42" > "$dir/pw"

# Seconds from the start of BUILD's server on a copy of the template,
# MONTHS ahead, to its "listening on".
start_time() {
  local server=$1/src/server/hncredit-server ahead=$2 db=hc_run_$RANDOM$RANDOM
  createdb -T hc_template "$db"
  local t0 t1
  t0=$(date +%s.%N)
  coproc SERVER { HCS_PG_PARTITIONS_AHEAD=$ahead exec "$server" --db "postgresql:///$db" --listen 127.0.0.1:0 \
                    --admin-password-file "$dir/pw" --exit-on-stdin-eof 2>/dev/null; }
  local line
  read -r line <&"${SERVER[0]}"
  t1=$(date +%s.%N)
  exec {SERVER[1]}>&-
  wait "$SERVER_PID" || true
  case $line in "listening on "*) ;; *) echo "the server did not start: $line" >&2; exit 1 ;; esac
  dropdb "$db"
  echo "$t1 - $t0" | bc -l
}

# The template: migrated by the reference, no partition ahead.
createdb hc_template
HCS_PG_PARTITIONS_AHEAD=0 "$ref/src/server/hncredit-server" --db postgresql:///hc_template --listen 127.0.0.1:0 \
  --admin-password-file "$dir/pw" --exit-on-stdin-eof </dev/null >/dev/null 2>&1 || true
echo "partitions of the template: $(psql -X -At -d hc_template -c "SELECT count (*) FROM pg_inherits")"

best() { sort -g | head -1; }
for name in ref build; do : > "$dir/$name.0"; : > "$dir/$name.n"; done
for run in $(seq "$runs"); do
  for name in ref build; do
    b=${!name}
    a=$(start_time "$b" 0)
    n=$(start_time "$b" "$months")
    echo "$a" >> "$dir/$name.0"
    echo "$n" >> "$dir/$name.n"
    printf 'run %d %-5s: start %.3f s, with %d months ahead %.3f s (load %s)\n' "$run" "$name" "$a" "$months" "$n" \
      "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
r0=$(best < "$dir/ref.0"); rn=$(best < "$dir/ref.n")
b0=$(best < "$dir/build.0"); bn=$(best < "$dir/build.n")
rp=$(echo "$rn - $r0" | bc -l); bp=$(echo "$bn - $b0" | bc -l)
printf 'partitions of %d months × 5 tables, best of %d: reference %.3f s, measured %.3f s\n' "$months" "$runs" "$rp" "$bp"
printf 'ratio measured / reference: %.2f\n' "$(echo "$bp / $rp" | bc -l)"
