#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Whether a batch match run is stale (GET /lists/match-runs, …/{id}): a
# list changed after the run about one of its subjects. The worst case is a
# large run that is not stale, with many changes since: every change must
# be looked for among the run's identifiers.
#
# On a copy of DB (a seeded demo: `hncredit-server --seed-demo
# --demo-scale 10`, whose one run holds some 85,000 identifiers), the run is
# made not stale (each identifier prefixed with Z, so that none changed)
# and dated BACK history rows ago. Then, RUNS times each, in the same run:
# - the reference: the statement that decided staleness before (an instr()
#   of each change's identifier in the run's text), through sqlite3;
# - the server of BUILD-DIR (release build preferred): the whole request
#   GET /lists/match-runs, over HTTP.
# It prints the best of each, the ratio (reference / server) and both
# answers (stale or not), which must agree. Nothing is asserted.
#
#   bench/match-runs-stale.sh BUILD-DIR DB [BACK] [RUNS]
set -euo pipefail

build=$1
db=$2
back=${3:-10000}
runs=${4:-3}
server="$build/src/server/hncredit-server"

dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
echo "bench-admin-pass-1" > "$dir/pw"
cp --reflink=auto "$db" "$dir/bench.db"
sqlite3 "$dir/bench.db" "UPDATE match_runs SET identifiers = replace (identifiers, char (10), char (10) || 'Z'),
  history_mark = (SELECT max (id) FROM list_entry_history) - $back
  WHERE id = (SELECT max (id) FROM match_runs WHERE identifiers IS NOT NULL)"
read -r run ids changes < <(sqlite3 -separator ' ' "$dir/bench.db" "SELECT r.id,
  length (r.identifiers) - length (replace (r.identifiers, char (10), '')) - 1,
  (SELECT count (*) FROM list_entry_history h WHERE h.id > r.history_mark
    AND (h.from_state IN ('published', 'objected') OR h.to_state IN ('published', 'objected')))
  FROM match_runs r WHERE r.id = (SELECT max (id) FROM match_runs WHERE identifiers IS NOT NULL)")

best() { sort -n | head -1; }
now() { date +%s.%N; }

old_sql="SELECT (r.identifiers IS NOT NULL AND r.history_mark IS NOT NULL AND EXISTS (SELECT 1
  FROM list_entry_history h JOIN list_entries e ON e.id = h.entry_id JOIN subjects s ON s.id = e.subject_id
  WHERE h.id > r.history_mark AND (h.from_state IN ('published', 'objected') OR h.to_state IN ('published', 'objected'))
  AND instr (r.identifiers, char (10) || s.identifier || char (10)) > 0)) FROM match_runs r WHERE r.id = $run"
for i in $(seq "$runs"); do
  t0=$(now)
  old_answer=$(sqlite3 "$dir/bench.db" "$old_sql")
  t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }' >> "$dir/ref"
done

"$server" --db "$dir/bench.db" --listen 127.0.0.1:0 --admin-password-file "$dir/pw" --threads 1 \
  > "$dir/out" 2> "$dir/err" &
pid=$!
for i in $(seq 600); do grep -q "^listening on " "$dir/out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$dir/out" | head -1)
token=$(curl -s -X POST -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"bench-admin-pass-1"}' "$url/api/v1/session" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
for i in $(seq "$runs"); do
  curl -s -o "$dir/runs.json" -w '%{time_total}\n' -H "Authorization: Bearer $token" \
    "$url/api/v1/lists/match-runs" >> "$dir/server"
done
new_answer=$(python3 -c 'import json, sys; r = [x for x in json.load(open(sys.argv[1]))["items"] if x["id"] == int(sys.argv[2])]
print(int(r[0]["stale"]))' "$dir/runs.json" "$run")

ref=$(best < "$dir/ref")
srv=$(best < "$dir/server")
printf 'run %s: %s identifiers, %s changes since it, %s, load %s\n' "$run" "$ids" "$changes" \
  "$([ "$new_answer" = 1 ] && echo stale || echo 'not stale')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'staleness by the old statement (sqlite3):   %8.3f s  (stale: %s)\n' "$ref" "$old_answer"
printf 'GET /lists/match-runs (server, whole page): %8.3f s  (stale: %s)\n' "$srv" "$new_answer"
printf 'ratio old statement / server request:       %8.1f\n' "$(awk -v a="$ref" -v b="$srv" 'BEGIN { print a / b }')"
[ "$old_answer" = "$new_answer" ] || echo "THE ANSWERS DIFFER"
