#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test in a throwaway PostgreSQL cluster of its own (suite api-pg,
# issue 15): Debian's pg_virtualenv (postgresql-common) creates it in a
# temporary directory (-t, also as root, which CI is), starts it, runs the
# command with PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE set, and
# drops the cluster afterwards. No running server is assumed. The port is
# picked free here: pg_virtualenv's own choice races when two clusters start
# at once.
set -eu
if ! command -v pg_virtualenv >/dev/null 2>&1; then
  echo "Bail out! pg_virtualenv is missing: install postgresql and postgresql-common (tools/setup.sh does)"
  exit 1
fi
# The C API tests (hc-test-server.c) start their servers on a database of
# this cluster, a new one per server, when HC_TEST_PG is set.
HC_TEST_PG=1
export HC_TEST_PG
PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export PGPORT
# pg_virtualenv's own messages (on its standard output) go to standard
# error, the test's output to standard output (the TAP stream).
exec 3>&1
exec pg_virtualenv -t sh -c 'exec "$@" >&3 3>&-' sh "$@" >&2
