#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# 归集 over PostgreSQL (issue 15): a 行政处罚 CSV (100,000 rows by default,
# 0.1 % bad rows, bench/import-gen.c) imported by `hncredit-server import
# --db postgresql://…` — the same hcs_import_run as POST /imports: every row
# validated, the good ones COPY'd into a staging table, then one INSERT …
# SELECT, one transaction — against, in the same run:
#   - the same import of the same file into SQLite (`--db FILE`), the
#     reference the issue names ("as fast as on SQLite or faster"), with the
#     same subjects registered beforehand;
#   - psql's unvalidated `\copy` of the same file into a table with a
#     primary key, in the same throwaway cluster (pg_virtualenv).
# ROW_BY_ROW=1 also times the import row by row (HCS_IMPORT_PG=rows, what the
# PostgreSQL backend did first) against the COPY import, on a file of the
# same size without bad rows (row by row over PostgreSQL, a repeated
# decision number ends the transaction); it takes minutes.
# ALSO="VAR=VALUE …" imports the file once more in each run with those
# variables set (e.g. ALSO=HCS_IMPORT_CHECKER=…), alternating with
# the import as it is, for an A/B measured under the same load.
# ROW_CHECKS=1 imports the file once more in each run into a copy of the
# template with penalties' checks as before migration 23 (the foreign key
# on subject_id checked a row, record_numbers kept by a row trigger), for
# an A/B of the statement checks measured under the same load.
# PARTITIONS=1 makes the month partitions of the file's records in the
# template, as a database has them once it holds records of those months:
# without, each import makes them first (about 60 here, 0.6 s).
# PROFILE=1 starts the cluster with pg_stat_statements (track = all: the
# statements of triggers too) and auto_explain (log_analyze, log_triggers),
# runs one more import of the file with `perf record` on the server process
# when perf is there, and prints where the time went: per statement in
# PostgreSQL, per function in the importing process.
#
#   bench/import-pg.sh [BUILD-DIR] [ROWS] [RUNS]
#
# Every subject of the file is registered beforehand (penalties of known
# companies, the normal case). BUILD-DIR defaults to _build-bench, configured
# as a release build without sanitizers when missing. Nothing is asserted:
# the figures are printed, the best of RUNS (2) for each side.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build-bench}
rows=${2:-100000}
runs=${3:-2}

if [ -z "${HC_BENCH_PG_CLUSTER:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1; then
    echo "pg_virtualenv is missing: install postgresql and postgresql-common (tools/setup.sh does)" >&2
    exit 1
  fi
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" --buildtype=release -Dapp=false >/dev/null
  fi
  ninja -C "$build" src/server/hncredit-server bench/hc-import-gen >/dev/null
  options=()
  if [ -n "${PROFILE:-}" ]; then
    options=(-o "shared_preload_libraries=pg_stat_statements,auto_explain"
             -o "pg_stat_statements.track=all" -o "auto_explain.log_min_duration=200"
             -o "auto_explain.log_analyze=on" -o "auto_explain.log_triggers=on"
             -o "auto_explain.log_timing=on")
  fi
  # a throwaway cluster of its own, on a free port (as tests/hc-pg-run.sh)
  PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  export PGPORT HC_BENCH_PG_CLUSTER=1
  exec pg_virtualenv -t "${options[@]}" "$0" "$build" "$rows" "$runs"
fi

server=$build/src/server/hncredit-server
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv=$work/penalties-$rows.csv
clean=$work/penalties-$rows-clean.csv
"$build/bench/hc-import-gen" "$rows" 0.001 "$csv"
[ -z "${ROW_BY_ROW:-}" ] || "$build/bench/hc-import-gen" "$rows" 0 "$clean"

echo "load before: $(uptime | sed 's/.*load average: //')"
now() { date +%s.%N; }
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# The template: the schema (the import subcommand migrates a new database,
# then stops at the missing catalog item), the catalog item, and every
# subject of the file, in an order unrelated to the file's. The subjects go
# in with the triggers off (session_replication_role): their names' bigram
# postings, which the import never reads, would take most of the setup.
q -d postgres -c "CREATE DATABASE hc_template"
"$server" import --db postgresql:///hc_template --item 1 "$csv" >/dev/null 2>&1 || true
q -d hc_template <<SQL >/dev/null
INSERT INTO departments (id, code, name, created_at) VALUES (1, 'SCJG', '海南省市场监督管理局', '2025-01-01T00:00:00Z');
INSERT INTO catalog_versions (year, state, created_at) VALUES (2025, 'published', '2025-01-01T00:00:00Z');
INSERT INTO catalog_items (id, year, lineage, category, name, subject_type, department_id, disclosure)
  VALUES (1, 2025, 'cf-scjg', 'penalty', '市场监管行政处罚信息', 'legal_person', 1, 'public');
CREATE TEMP TABLE f (uscc text, name text, decision_no text, authority text, decided_on text,
  category text, amount text, publicity_until text);
\copy f FROM '$csv' WITH (FORMAT csv, HEADER true)
$([ -z "${ROW_BY_ROW:-}" ] || echo "\\copy f FROM '$clean' WITH (FORMAT csv, HEADER true)")
SET session_replication_role = replica;
INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)
  SELECT uscc, CASE WHEN coalesce (name, '') = '' THEN '海南未具名有限公司' ELSE name END, 'legal_person',
         substr (uscc, 3, 6), '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
  FROM (SELECT DISTINCT ON (uscc) uscc, name FROM f WHERE uscc IS NOT NULL ORDER BY uscc) d
  ORDER BY random ()
  ON CONFLICT DO NOTHING;
SET session_replication_role = DEFAULT;
$([ -z "${PARTITIONS:-}" ] || echo "SELECT hc_add_month_partition ('penalties', m) FROM (SELECT DISTINCT substr (decided_on, 1, 7) AS m FROM f) d WHERE m ~ '^[0-9]{4}-(0[1-9]|1[0-2])\$';")
VACUUM ANALYZE;
SQL
echo "subjects registered (PostgreSQL): $(q -d hc_template -At -c 'SELECT count(*) FROM subjects')"
[ -z "${PARTITIONS:-}" ] || echo "month partitions made beforehand: $(q -d hc_template -At -c \
  "SELECT count(*) FROM pg_inherits WHERE inhparent = 'penalties'::regclass")"
if [ -n "${ROW_CHECKS:-}" ]; then
  q -d postgres -c "CREATE DATABASE hc_template_rows TEMPLATE hc_template"
  q -d hc_template_rows <<SQL >/dev/null
DROP TRIGGER penalties_subjects_insert ON penalties;
DROP TRIGGER penalties_subjects_update ON penalties;
ALTER TABLE penalties ADD FOREIGN KEY (subject_id) REFERENCES subjects (id);
DROP TRIGGER penalties_numbers_insert ON penalties;
DROP TRIGGER penalties_numbers ON penalties;
CREATE TRIGGER penalties_numbers AFTER INSERT OR DELETE OR UPDATE OF id, decision_no ON penalties
  FOR EACH ROW EXECUTE FUNCTION record_numbers_keep ('penalties');
SQL
fi

# The SQLite template: the same schema, item and subjects (the same
# identifiers and names, read from the PostgreSQL template), in WAL mode as
# the server keeps it.
sqlite_template=$work/template.db
"$server" import --db "$sqlite_template" --item 1 "$csv" >/dev/null 2>&1 || true
q -d hc_template -At -F $'\t' -c "SELECT identifier, name FROM subjects ORDER BY id" > "$work/subjects.tsv"
sqlite3 "$sqlite_template" <<SQL >/dev/null
PRAGMA journal_mode = WAL;
INSERT INTO departments (id, code, name, created_at) VALUES (1, 'SCJG', '海南省市场监督管理局', '2025-01-01T00:00:00Z');
INSERT INTO catalog_versions (year, state, created_at) VALUES (2025, 'published', '2025-01-01T00:00:00Z');
INSERT INTO catalog_items (id, year, lineage, category, name, subject_type, department_id, disclosure)
  VALUES (1, 2025, 'cf-scjg', 'penalty', '市场监管行政处罚信息', 'legal_person', 1, 'public');
CREATE TEMP TABLE s (identifier TEXT, name TEXT);
.mode tabs
.import $work/subjects.tsv s
BEGIN;
INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)
  SELECT identifier, name, 'legal_person', substr (identifier, 3, 6), '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
  FROM s;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
echo "subjects registered (SQLite):     $(sqlite3 "$sqlite_template" 'SELECT count(*) FROM subjects')"

# One import of FILE into a fresh copy of the template: seconds, and what it
# stored (in $stored). PERF=FILE records the importing process with perf.
import_once() {
  local db=$1 out=$2 file=$3 t0 t1
  local wrap=()
  [ -z "${PERF:-}" ] || wrap=(perf record -q -F 499 -g -o "$PERF" --)
  q -d postgres -c "CREATE DATABASE $db TEMPLATE ${TEMPLATE:-hc_template}"
  t0=$(now)
  # shellcheck disable=SC2086 # IMPORT_ENV: VAR=VALUE words
  env ${IMPORT_ENV:-} "${wrap[@]}" "$server" import --db "postgresql:///$db" --item 1 "$file" > "$out" 2>&1
  t1=$(now)
  stored=$(q -d "$db" -At -c "SELECT count(*) FROM penalties")
  q -d postgres -c "DROP DATABASE $db"
  awk -v x="$t0" -v y="$t1" 'BEGIN { print y - x }'
}

# The same over SQLite, on a copy of its template.
import_sqlite() {
  local db=$work/import-$1.db out=$2 t0 t1
  cp "$sqlite_template" "$db"
  t0=$(now)
  "$server" import --db "$db" --item 1 "$csv" > "$out" 2>&1
  t1=$(now)
  stored=$(sqlite3 "$db" "SELECT count(*) FROM penalties")
  rm -f "$db" "$db-wal" "$db-shm"
  awk -v x="$t0" -v y="$t1" 'BEGIN { print y - x }'
}

best_copy= best_clean= best_rows= best_ref= best_lite= best_also= best_rowchecks=
for run in $(seq "$runs"); do
  import_sqlite "$run" "$work/lite.txt" > "$work/t"; t_lite=$(cat "$work/t"); stored_lite=$stored
  import_once hc_copy_$run "$work/copy.txt" "$csv" > "$work/t"; t_copy=$(cat "$work/t"); stored_copy=$stored

  # psql \copy: no validation, a primary key (an identity: the file repeats
  # some decision numbers on purpose, which a key on them would refuse).
  q -d postgres -c "CREATE DATABASE hc_ref_$run"
  q -d "hc_ref_$run" -c "CREATE TABLE penalties (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uscc text, name text, decision_no text, authority text, decided_on text, category text,
    amount double precision, publicity_until text)"
  t0=$(now)
  q -d "hc_ref_$run" -c "\\copy penalties (uscc, name, decision_no, authority, decided_on, category, amount, publicity_until) FROM '$csv' WITH (FORMAT csv, HEADER true)"
  t1=$(now)
  stored_ref=$(q -d "hc_ref_$run" -At -c "SELECT count(*) FROM penalties")
  q -d postgres -c "DROP DATABASE hc_ref_$run"
  t_ref=$(awk -v x="$t0" -v y="$t1" 'BEGIN { print y - x }')

  printf 'run %s: SQLite import %.2f s, PostgreSQL import %.2f s, psql \\copy %.2f s (load %s)\n' \
    "$run" "$t_lite" "$t_copy" "$t_ref" "$(uptime | sed 's/.*load average: //')"
  if [ -n "${ALSO:-}" ]; then
    IMPORT_ENV=$ALSO import_once hc_also_$run "$work/also.txt" "$csv" > "$work/t"; t_also=$(cat "$work/t")
    printf 'run %s: PostgreSQL import with %s %.2f s (load %s)\n' "$run" "$ALSO" "$t_also" "$(uptime | sed 's/.*load average: //')"
    best_also=$(best "$best_also" "$t_also")
  fi
  if [ -n "${ROW_CHECKS:-}" ]; then
    TEMPLATE=hc_template_rows import_once hc_rowchecks_$run "$work/rowchecks.txt" "$csv" > "$work/t"
    t_rowchecks=$(cat "$work/t")
    printf 'run %s: PostgreSQL import with the checks row by row (before migration 23) %.2f s (load %s)\n' \
      "$run" "$t_rowchecks" "$(uptime | sed 's/.*load average: //')"
    best_rowchecks=$(best "$best_rowchecks" "$t_rowchecks")
  fi
  best_lite=$(best "$best_lite" "$t_lite")
  best_copy=$(best "$best_copy" "$t_copy")
  best_ref=$(best "$best_ref" "$t_ref")
  if [ -n "${ROW_BY_ROW:-}" ]; then
    import_once hc_clean_$run "$work/clean.txt" "$clean" > "$work/t"; t_clean=$(cat "$work/t"); stored_clean=$stored
    HCS_IMPORT_PG=rows import_once hc_rows_$run "$work/rows.txt" "$clean" > "$work/t"; t_rows=$(cat "$work/t")
    stored_rows=$stored
    printf 'run %s, clean file: COPY import %.2f s, row by row %.2f s\n' "$run" "$t_clean" "$t_rows"
    best_clean=$(best "$best_clean" "$t_clean")
    best_rows=$(best "$best_rows" "$t_rows")
  fi
done

echo "rows in file:          $rows ($(du -h "$csv" | cut -f1)), best of $runs runs, PostgreSQL $(q -d postgres -At -c 'SHOW server_version')"
echo "SQLite:                $(head -1 "$work/lite.txt")"
echo "PostgreSQL:            $(head -1 "$work/copy.txt")"
awk -v n="$rows" -v tc="$best_copy" -v tl="$best_lite" -v tp="$best_ref" \
    -v sc="$stored_copy" -v sl="$stored_lite" -v sp="$stored_ref" 'BEGIN {
  printf "import, SQLite:        %.2f s, %.0f rows/s (validated; %d stored)\n", tl, n / tl, sl;
  printf "import, PostgreSQL:    %.2f s, %.0f rows/s (validated; %d stored)\n", tc, n / tc, sc;
  printf "psql \\copy:            %.2f s, %.0f rows/s (unvalidated; %d stored)\n", tp, n / tp, sp;
  printf "ratio PostgreSQL / SQLite (rows/s):     %.2f\n", tl / tc;
  printf "ratio PostgreSQL / psql \\copy (rows/s): %.2f\n", tp / tc;
}'
if [ -n "${ROW_BY_ROW:-}" ]; then
  awk -v n="$rows" -v tk="$best_clean" -v tr="$best_rows" -v sk="$stored_clean" -v sr="$stored_rows" 'BEGIN {
    printf "clean file, COPY:      %.2f s, %.0f rows/s (%d stored)\n", tk, n / tk, sk;
    printf "clean file, row by row: %.2f s, %.0f rows/s (%d stored)\n", tr, n / tr, sr;
    printf "ratio COPY import / row by row (rows/s): %.2f\n", tr / tk;
  }'
fi
[ -z "${ALSO:-}" ] || awk -v n="$rows" -v tc="$best_copy" -v ta="$best_also" -v a="$ALSO" 'BEGIN {
  printf "import, PostgreSQL with %s: %.2f s, %.0f rows/s; ratio without / with (rows/s): %.2f\n", a, ta, n / ta, ta / tc;
}'
[ -z "${ROW_CHECKS:-}" ] || awk -v n="$rows" -v tc="$best_copy" -v tr="$best_rowchecks" -v tl="$best_lite" 'BEGIN {
  printf "import, PostgreSQL, checks row by row (before migration 23): %.2f s, %.0f rows/s\n", tr, n / tr;
  printf "ratio statement checks / row checks (rows/s): %.2f; row checks / SQLite: %.2f\n", tr / tc, tl / tr;
}'
echo "load after: $(uptime | sed 's/.*load average: //')"

if [ -n "${PROFILE:-}" ]; then
  # One more import, alone in pg_stat_statements, the importing process
  # under perf when there is one.
  q -d postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  q -d postgres -At -c "SELECT pg_stat_statements_reset ()" >/dev/null
  PERF=
  if command -v perf >/dev/null 2>&1 && perf record -q -o /dev/null -- true 2>/dev/null; then
    PERF=$work/perf.data
  fi
  t_profile=$(PERF=$PERF import_once hc_profile "$work/profile.txt" "$csv")
  echo
  echo "profile: one import, $t_profile s ($(head -1 "$work/profile.txt")); load $(uptime | sed 's/.*load average: //')"
  echo "PostgreSQL, by statement (pg_stat_statements, track = all: a trigger's statements apart, and within its caller's time):"
  q -d postgres -P pager=off -c "SELECT round (total_exec_time::numeric / 1000, 2) AS seconds, calls,
      left (regexp_replace (query, '\s+', ' ', 'g'), 110) AS statement
    FROM pg_stat_statements WHERE dbid NOT IN (SELECT oid FROM pg_database)   -- hc_profile, dropped since
    ORDER BY total_exec_time DESC LIMIT 20"
  log=$(pg_lsclusters -h | awk '{ print $NF }' | head -1)
  if [ -f "$log" ]; then
    echo "auto_explain (the plans of statements over 200 ms, their triggers):"
    awk '/LOG:/ { show = /hc_profile LOG:  duration/ } show' "$log" | cut -c1-160
  fi
  if [ -n "$PERF" ]; then
    echo "importing process, by function (perf, self time, both threads):"
    perf report -q -i "$PERF" --no-children --sort comm,symbol --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -30 || true
  fi
fi
