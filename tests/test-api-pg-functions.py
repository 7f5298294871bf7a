#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The per-version sets of the translation's functions (schema
# hcs_sqlite_HASH, which a hot standby's connections call; issue 15, suite
# api-pg, under hc-pg-run.sh), with servers reading from a real streaming
# standby (hc_pg_standby.py). A server of another version is one whose
# definitions differ (HCS_TEST_PG_FUNCTIONS_VARIANT, tests only: one that
# CREATE OR REPLACE cannot put over the other's). Checked: a server started
# again writes no function again; a newer version's server starting while
# the standby's replay is paused makes its set on the primary, and the
# older server goes on reading from the standby with its own set while the
# newer one reads from the primary until the standby has replayed its set;
# then both read from the standby, each with its own. `hncredit-server
# pg-functions --drop-unused` drops no set while a server of its version
# runs (a server reading from the standby holds its set through its
# connections to the primary), drops the set of a version no longer
# running (on the standby too, by replay) and keeps its own; the older
# server goes on reading from the standby, and a server of the dropped
# version started again makes its set again.
import os
import subprocess
import sys

import hc_test_server as hts
from hc_pg_standby import Standby, host

FUNCTIONS = ("SELECT string_agg (p.xmin::text, ',' ORDER BY p.oid) FROM pg_proc p"
             " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname LIKE 'hcs\\_sqlite\\_%'")
# Each set's sq_int (boolean): integer in this version's, bigint in the variant's.
SQ_INT = ("SELECT n.nspname || ' ' || format_type (p.prorettype, NULL) FROM pg_proc p"
          " JOIN pg_namespace n ON n.oid = p.pronamespace"
          " WHERE p.proname = 'sq_int' AND p.proargtypes[0] = 'boolean'::regtype"
          "  AND n.nspname LIKE 'hcs\\_sqlite\\_%' ORDER BY 1")


def variant(make):
    """@make() run as a server of the other version."""
    os.environ["HCS_TEST_PG_FUNCTIONS_VARIANT"] = "1"
    try:
        return make()
    finally:
        del os.environ["HCS_TEST_PG_FUNCTIONS_VARIANT"]


def pg_functions(database, *args):
    """`hncredit-server pg-functions` on @database: {schema: state} and the
    whole output."""
    r = subprocess.run([hts.server_path(), "pg-functions", "--db", "postgresql:///" + database] + list(args),
                       capture_output=True, text=True, env=dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8"))
    if r.returncode != 0:
        raise AssertionError("pg-functions %s: %d %s" % (args, r.returncode, r.stderr))
    sets = {}
    for line in r.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            sets[parts[0]] = parts[2]
    return sets, r.stdout


def sets_of(rows):
    return {line.split()[0]: line.split()[1] for line in rows}


def reads(server, token):
    """The departments @server's reads of @token see, and whether GET
    /repairs (which calls the translation's julianday) answers."""
    r = server.request("GET", "/departments", token=token)
    assert r.status == 200, r
    repairs = server.request("GET", "/repairs", token=token)
    return {d["code"] for d in r.json["items"]}, repairs.status == 200


def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    standby = Standby()
    try:
        with hts.Server(demo=False, standby_port=standby.port) as server:
            db = server.pg_database
            read_uri = "postgresql://%s:%d/%s" % (host(), standby.port, db)
            ours = server.token("admin")
            made = server.query(FUNCTIONS)
            own = server.query(SQ_INT)
            tap.ok(len(own) == 1 and own[0].endswith(" integer"), "the server made its set of functions", own)
            own = own[0].split()[0]

            # The functions are made once: another server of the same
            # version starting on the database writes none of them again.
            with hts.Server(pg_database=db) as second:
                second.token("admin")
                after = server.query(FUNCTIONS)
            tap.ok(made[0] != "" and made == after,
                   "a server started again leaves its hcs_sqlite_HASH functions as they are", (made, after))

            # A newer version starts while the standby's replay is paused.
            standby.catch_up()
            standby.pause()
            other = variant(lambda: hts.Server(pg_database=db, extra_args=("--db-read", read_uri)))
            with other:
                sets = sets_of(server.query(SQ_INT))
                theirs = [name for name, kind in sets.items() if kind == "bigint"]
                tap.ok(len(sets) == 2 and len(theirs) == 1 and server.query(FUNCTIONS) != made,
                       "a server whose functions differ makes its own set beside the other's", sets)
                theirs = theirs[0] if theirs else None
                tap.ok(standby.query(SQ_INT, db).splitlines() == ["%s integer" % own],
                       "the paused standby has not replayed the newer set")
                server.execute("INSERT INTO departments (code, name, level, created_at)"
                               " VALUES ('UNSEEN', '暂停后写入的单位', 'provincial', '2026-01-01T00:00:00Z')")
                seen, repairs = reads(server, ours)
                tap.ok("UNSEEN" not in seen and repairs,
                       "the older server reads from the standby with its own set, the newer set not replayed",
                       (seen, repairs))
                seen, repairs = reads(other, ours)
                tap.ok("UNSEEN" in seen and repairs,
                       "the newer server reads from the primary until the standby has its set", (seen, repairs))

                # Replayed: both read from the standby, each with its own set.
                standby.resume()
                standby.catch_up()
                standby.pause()
                tap.ok(sets_of(standby.query(SQ_INT, db).splitlines()) == sets, "the standby has both sets")
                server.execute("INSERT INTO departments (code, name, level, created_at)"
                               " VALUES ('UNSEEN2', '再次暂停后写入的单位', 'provincial', '2026-01-01T00:00:00Z')")
                for name, s in (("the older", server), ("the newer", other)):
                    seen, repairs = reads(s, ours)
                    tap.ok("UNSEEN" in seen and "UNSEEN2" not in seen and repairs,
                           "%s server reads from the standby with its own set" % name, (seen, repairs))
                standby.resume()

                # Both versions run: neither's command drops anything.
                states, out = pg_functions(db, "--drop-unused")
                tap.ok(states.get(own, "").startswith("this version") and states.get(theirs, "").startswith("in use")
                       and "0 sets dropped" in out,
                       "pg-functions --drop-unused keeps a set whose server runs", out)
                states, out = variant(lambda: pg_functions(db, "--drop-unused"))
                tap.ok(states.get(own, "").startswith("in use") and states.get(theirs, "").startswith("this version")
                       and "0 sets dropped" in out,
                       "the other version's pg-functions keeps the set of a server that reads from the standby", out)

            # The newer server stopped: its set is used by no server.
            states, out = pg_functions(db)
            tap.ok(states.get(theirs, "").startswith("used by no running server") and len(server.query(SQ_INT)) == 2,
                   "pg-functions without --drop-unused names an unused set and drops nothing", out)
            states, out = pg_functions(db, "--drop-unused")
            tap.ok(states.get(theirs, "").endswith("dropped") and "1 set dropped" in out
                   and server.query(SQ_INT) == ["%s integer" % own],
                   "pg-functions --drop-unused drops the set of a version no longer running, keeps its own", out)
            standby.catch_up()
            tap.ok(standby.query(SQ_INT, db).splitlines() == ["%s integer" % own],
                   "the standby replays the drop")
            standby.pause()
            server.execute("INSERT INTO departments (code, name, level, created_at)"
                           " VALUES ('UNSEEN3', '第三次暂停后写入的单位', 'provincial', '2026-01-01T00:00:00Z')")
            seen, repairs = reads(server, ours)
            tap.ok("UNSEEN2" in seen and "UNSEEN3" not in seen and repairs,
                   "the running server goes on reading from the standby with its set", (seen, repairs))
            standby.resume()

            # A server of the dropped version started again makes its set again.
            with variant(lambda: hts.Server(pg_database=db)) as again:
                again.token("admin")
                tap.ok(sets_of(server.query(SQ_INT)).get(theirs) == "bigint",
                       "a server of the dropped version started again makes its set again", server.query(SQ_INT))
    finally:
        standby.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
