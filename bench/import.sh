#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# 归集 benchmark: a 1,000,000-row 行政处罚 CSV (0.1% bad rows) imported by
# `hncredit-server import` (the same hcs_import_run as POST /imports: every
# row validated, one transaction), against sqlite3's unvalidated `.import` of
# the same file into a table with the same keys, in the same run.
#
#   bench/import.sh [BUILD-DIR] [ROWS] [RUNS]
#
# SUBJECTS=registered (the default: every subject of the file registered
# beforehand, as for penalties of known companies) or SUBJECTS=none.
#
# BUILD-DIR defaults to _build-bench, configured as a release build without
# sanitizers when missing (numbers from an ASan build mean little).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build-bench}
rows=${2:-1000000}
runs=${3:-3}
subjects=${SUBJECTS:-registered}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release -Dapp=false >/dev/null
fi
ninja -C "$build" src/server/hncredit-server bench/hc-import-gen >/dev/null

# IMPORT_CACHE=DIR keeps the generated file and the template database
# (with its registered subjects) there for later runs.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache=${IMPORT_CACHE:-$work}
mkdir -p "$cache"
csv=$cache/penalties-$rows.csv
[ -f "$csv" ] || "$build/bench/hc-import-gen" "$rows" 0.001 "$csv"

now() { date +%s.%N; }
# CPU seconds (user + system, all threads) of the last `timed` command:
# less at the mercy of other load than the wall clock, so printed too.
TIMEFORMAT='%U %S'
timed() { local out=$1; shift; { time "$@" > "$out" 2>/dev/null; } 2> "$work/cpu.txt"; }
cpu() { awk '{ print $1 + $2 }' "$work/cpu.txt"; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }

# Our import. The subcommand creates the schema of a new database; the
# catalog item is then added with sqlite3. Each side runs $runs times on a
# fresh copy of its database and the best time counts (the machine is shared).
# Both databases are in WAL mode; both programs checkpoint the WAL when they
# close, within the time. `hncredit-server import` writes with synchronous =
# FULL (the server's default, --sync full: the commit is on disk when it is
# answered), so .import runs twice a run: with FULL (the same durability, the
# ratio that counts) and with NORMAL (what this script used before
# 2026-12-07 22:50 UTC while saying both sides used NORMAL).
template=$cache/template-$rows-$subjects.db
if [ ! -f "$template" ]; then
"$build/src/server/hncredit-server" import --db "$template" --item 1 "$csv" >/dev/null 2>&1 || true
sqlite3 "$template" <<'SQL' >/dev/null
PRAGMA wal_checkpoint(TRUNCATE);
INSERT INTO departments (id, code, name, created_at) VALUES (1, 'SCJG', '海南省市场监督管理局', '2025-01-01T00:00:00Z');
INSERT INTO catalog_versions (year, state, created_at) VALUES (2025, 'published', '2025-01-01T00:00:00Z');
INSERT INTO catalog_items (id, year, lineage, category, name, subject_type, department_id, disclosure)
  VALUES (1, 2025, 'cf-scjg', 'penalty', '市场监管行政处罚信息', 'legal_person', 1, 'public');
SQL
# Every subject of the file registered (the normal case): the file's
# identifiers, with the name of their first row, as legal persons of the
# 市县 their USCC names. Done once, in the template (the bigram triggers run).
if [ "$subjects" = registered ]; then
  sqlite3 "$template" <<SQL >/dev/null
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
CREATE TEMP TABLE f (uscc TEXT, name TEXT, decision_no TEXT, authority TEXT, decided_on TEXT,
  category TEXT, amount TEXT, publicity_until TEXT);
.mode csv
.import --skip 1 $csv f
BEGIN;
INSERT OR IGNORE INTO subjects (identifier, name, type, region, created_at, updated_at)
  SELECT uscc, CASE WHEN name = '' THEN '海南未具名有限公司' ELSE name END, 'legal_person',
         substr (uscc, 3, 6), '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
  FROM f ORDER BY random ();   -- ids unrelated to identifiers or file order, as in life
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
fi
fi
echo "subjects registered: $(sqlite3 "$template" 'SELECT count(*) FROM subjects')"

best_ours=
best_ref=
cpu_ours=
cpu_ref=
best_ref_normal=
cpu_ref_normal=
for run in $(seq "$runs"); do
  db=$work/hncredit-$run.db
  cp "$template" "$db"
  t0=$(now)
  timed "$work/ours.txt" "$build/src/server/hncredit-server" import --db "$db" --item 1 "$csv"
  t1=$(now)
  cpu_ours=$(min "$cpu_ours" "$(cpu)")
  accepted=$(sqlite3 "$db" "SELECT count(*) FROM penalties")
  rm -f "$db" "$db-wal" "$db-shm"
  best_ours=$(awk -v a="$best_ours" -v b="$(awk -v x="$t0" -v y="$t1" 'BEGIN { print y - x }')" \
              'BEGIN { print (a == "" || b < a) ? b : a }')

  # sqlite3 .import: no validation, the same keys (rowid, decision_no UNIQUE),
  # with synchronous = FULL as ours, then NORMAL.
  line="run $run: ours $(awk -v x="$t0" -v y="$t1" 'BEGIN { printf "%.2f", y - x }') s"
  for sync in FULL NORMAL; do
    ref=$work/reference-$run.db
    sqlite3 "$ref" <<'SQL' >/dev/null
PRAGMA journal_mode = WAL;
CREATE TABLE penalties (uscc TEXT, name TEXT, decision_no TEXT NOT NULL UNIQUE, authority TEXT,
  decided_on TEXT, category TEXT, amount REAL, publicity_until TEXT);
SQL
    t2=$(now)
    timed /dev/null sqlite3 "$ref" -cmd "PRAGMA synchronous = $sync" ".mode csv" ".import --skip 1 $csv penalties" || true
    t3=$(now)
    loaded=$(sqlite3 "$ref" "SELECT count(*) FROM penalties")
    rm -f "$ref" "$ref-wal" "$ref-shm"
    took=$(awk -v x="$t2" -v y="$t3" 'BEGIN { print y - x }')
    if [ "$sync" = FULL ]; then
      cpu_ref=$(min "$cpu_ref" "$(cpu)")
      best_ref=$(min "$best_ref" "$took")
    else
      cpu_ref_normal=$(min "$cpu_ref_normal" "$(cpu)")
      best_ref_normal=$(min "$best_ref_normal" "$took")
    fi
    line="$line, .import ($sync) $(awk -v t="$took" 'BEGIN { printf "%.2f", t }') s"
  done
  echo "$line (load $(cut -d' ' -f1-3 /proc/loadavg))"
done

echo "rows in file:        $rows ($(du -h "$csv" | cut -f1)), best of $runs runs"
echo "hncredit import:     $(head -1 "$work/ours.txt")"
awk -v n="$rows" -v a="$accepted" -v to="$best_ours" -v tr="$best_ref" -v l="$loaded" \
    -v co="$cpu_ours" -v cr="$cpu_ref" -v trn="$best_ref_normal" -v crn="$cpu_ref_normal" 'BEGIN {
  ours = n / to; ref = n / tr; refn = n / trn;
  printf "hncredit import:     %.2f s, %.0f rows/s (validated; %d stored; synchronous = FULL)\n", to, ours, a;
  printf "sqlite3 .import:     %.2f s, %.0f rows/s (unvalidated; %d stored; synchronous = FULL)\n", tr, ref, l;
  printf "ratio ours/.import:  %.2f\n", ours / ref;
  printf "CPU time (user+sys): ours %.2f s, .import %.2f s, ratio %.2f\n", co, cr, cr / co;
  printf "against .import with synchronous = NORMAL: %.2f s, %.0f rows/s, ratio %.2f (CPU %.2f s, ratio %.2f)\n",
         trn, refn, ours / refn, crn, crn / co;
}'
