#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# --db-read on a standby left behind by a failover (issue 15, suite api-pg,
# under hc-pg-run.sh): three nodes, asynchronous replication. Standby A is
# stopped; the primary writes some 40 MB of WAL, which standby B replays;
# the primary is stopped hard and A, started again without it, promoted: its
# new timeline forks off before all that B replayed, so B can follow it no
# more, and B's replay position is past the new primary's first writes. A
# server writing to A and reading from B must not take B's position for
# "replayed" (positions of two timelines): a token's write is read at once
# (from A), though B never has it. Before the timeline was kept with the
# position, the read came from B and missed the write.
import sys

import hc_test_server as hts
from hc_pg_standby import Primary, Standby, host, psql, reads_own_writes, replicated_database

DATABASE = "hc_read_timeline"
LABEL = "时间线测试单位"  # the departments' names


def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    primary = Primary()
    a, b = Standby(), Standby()
    try:
        uri, _ = replicated_database(primary, a, DATABASE)
        b_uri = "postgresql://%s:%d/%s" % (host(), b.port, DATABASE)
        hts.wait_for_database(b_uri)
        # the schema, migrated on the primary, replayed by both
        with hts.Server(pg_database=DATABASE, pg_uri=uri):
            pass
        a.catch_up()
        b.catch_up()

        a.stop()
        psql("CREATE TABLE hc_filler AS SELECT g, repeat ('x', 200) AS pad FROM generate_series (1, 200000) g",
             database=DATABASE)
        b.catch_up()
        primary.stop_hard()
        a.start()
        a.promote()
        hts.wait_until(lambda: a.query("SELECT pg_is_in_recovery ()") == "f", "A promoted")

        a_uri = "postgresql://%s:%d/%s" % (host(), a.port, DATABASE)
        with hts.Server(pg_database=DATABASE, pg_uri=a_uri, extra_args=("--db-read", b_uri)) as server:
            token = server.token("admin")
            failures = reads_own_writes(server, token, "TL", LABEL)
            behind = a.query("SELECT pg_current_wal_lsn () < '%s'::pg_lsn"
                             % b.query("SELECT pg_last_wal_replay_lsn ()"))
            tap.ok(behind == "t", "the setup: B's replay position (timeline 1) is past the new primary's writes")
            tap.ok(b.query("SELECT count (*) FROM departments WHERE code LIKE 'TL%'", DATABASE) == "0",
                   "B, left on the old timeline, has none of the new primary's writes")
            tap.ok(failures == [], "a token reads each of its writes at once (from the new primary, not from B)",
                   failures)
            tap.ok(server.process.poll() is None, "the server is still running")
    finally:
        a.close()
        b.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
