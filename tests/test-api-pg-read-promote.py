#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# --db-read on a standby that is then promoted (issue 15, suite api-pg,
# under hc-pg-run.sh): the test's cluster is the primary of a streaming
# standby (hc_pg_standby.py) in synchronous replication; the server writes
# through a multi-host URI of both (target_session_attrs=read-write, as
# Patroni's example gives it) and reads from the standby (--db-read). The
# standby's replay is paused, a write is acknowledged (the standby has it on
# disk, not replayed), the primary is stopped hard and the standby promoted
# (which replays the rest first). Checked before, during and after: reads
# answer, or 503 storage_unavailable while no node takes writes, never a
# hang or a crash; a write's own later reads from the same client see it
# (the session's write position against the promoted node's replay
# position, hcs-store-pg-replica.c); writes after the promotion are
# acknowledged, land on the new primary, and are read by the token that
# wrote them at once, through the --db-read connection opened on a standby.
import sys

import hc_test_server as hts
from hc_pg_standby import Primary, Standby, departments, post_department, replicated_database

DATABASE = "hc_read_promote"
LABEL = "提升测试单位"  # the departments' names



def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    primary = Primary()
    standby = Standby()
    try:
        primary.synchronous()
        uri, read_uri = replicated_database(primary, standby, DATABASE)
        server = hts.Server(pg_database=DATABASE, pg_uri=uri,
                            extra_args=("--db-read", read_uri, "--threads", "2"))
        with server:
            writer = server.token("admin")
            r = post_department(server, writer, "BEFORE", LABEL)
            assert r.status == 201, r
            standby.catch_up()
            # signed in once the standby has BEFORE, writes nothing after
            reader = server.login("admin")
            standby.catch_up()
            seen = departments(server, reader)
            tap.ok(isinstance(seen, set) and "BEFORE" in seen, "before: a token that wrote nothing reads", seen)

            # A write the standby has on disk (the commit waited for it) but
            # has not replayed: its writer reads it from the primary.
            standby.pause()
            r = post_department(server, writer, "PAUSED", LABEL)
            tap.ok(r.status == 201, "before: a write is acknowledged while the standby's replay is paused", r)
            tap.ok("PAUSED" not in standby.query("SELECT string_agg (code, ',') FROM departments", DATABASE),
                   "the paused standby has not replayed it")
            seen = departments(server, writer)
            tap.ok(isinstance(seen, set) and "PAUSED" in seen, "before: the token that wrote reads its write", seen)
            seen = departments(server, reader)
            tap.ok(isinstance(seen, set) and "BEFORE" in seen and "PAUSED" not in seen,
                   "before: the other token reads from the standby", seen)

            # During: the primary gone, the standby not yet promoted.
            primary.stop_hard()
            for name, token in (("the token that wrote", writer), ("a token that wrote nothing", reader)):
                r = hts.within(lambda: server.request("GET", "/departments", token=token), 60)
                tap.ok(r is not None and (r.status == 200 or (r.status == 503 and r.error_code == "storage_unavailable")),
                       "during: a read of %s answers (200 or 503 storage_unavailable), no hang" % name, r)
            r = hts.within(lambda: post_department(server, writer, "DURING", LABEL), 60)
            tap.ok(r is not None and r.status == 503 and r.error_code == "storage_unavailable",
                   "during: a write answers 503 storage_unavailable", r)
            tap.ok(server.process.poll() is None, "during: the server is still running")

            # After: promoted (the paused replay ends, the rest is replayed first).
            standby.promote()
            tap.ok(standby.query("SELECT pg_is_in_recovery()") == "f", "the standby is promoted")
            for name, token in (("the token that wrote", writer), ("a token that wrote nothing", reader)):
                answers = [departments(server, token) for _ in range(4)]
                tap.ok(all(isinstance(s, set) and {"BEFORE", "PAUSED"} <= s and "DURING" not in s for s in answers),
                       "after: %s reads every acknowledged write and not the refused one (4 reads)" % name, answers)

            answers, stored, own = [], [], []
            for i in range(4):
                code = "AFTER%d" % i
                r = post_department(server, writer, code, LABEL)
                answers.append(r.status)
                stored.append(standby.query("SELECT count (*) FROM departments WHERE code = '%s'" % code, DATABASE))
                seen = departments(server, writer)
                own.append(isinstance(seen, set) and code in seen)
            tap.ok(answers == [201] * 4, "after: writes are acknowledged", answers)
            tap.ok(stored == ["1"] * 4, "after: each write is on the new primary", stored)
            tap.ok(all(own), "after: the token that wrote reads each write at once", own)
            seen = departments(server, reader)
            tap.ok(isinstance(seen, set) and {"AFTER0", "AFTER3"} <= seen,
                   "after: the other token reads them too", seen)
            again = server.login("admin")
            seen = departments(server, again)
            tap.ok(isinstance(seen, set) and {"BEFORE", "PAUSED", "AFTER3"} <= seen and "DURING" not in seen,
                   "after: a token signed in after the promotion reads them", seen)
            tap.ok(server.process.poll() is None, "after: the server is still running")
    finally:
        standby.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
