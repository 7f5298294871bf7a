#!/bin/sh
# Every schema file of the SQLite migrations has its PostgreSQL twin of the
# same name in src/server/schema/pg/ (issue 15), and the GResource manifest
# lists both: the PostgreSQL backend applies the same migration numbers.
# Quick, so that a new migration without its twin fails in the data suite
# and not only in api-pg.
set -eu
top=$1
status=0
for f in "$top"/src/server/schema/*.sql; do
  name=$(basename "$f")
  if [ ! -f "$top/src/server/schema/pg/$name" ]; then
    echo "schema: $name has no PostgreSQL twin src/server/schema/pg/$name"
    status=1
  elif ! grep -q "<file>schema/pg/$name</file>" "$top/src/server/hncredit-server.gresource.xml"; then
    echo "schema: schema/pg/$name is not in src/server/hncredit-server.gresource.xml"
    status=1
  fi
done
exit $status
