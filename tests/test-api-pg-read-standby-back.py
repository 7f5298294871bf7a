#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# --db-read over a URI of both nodes, target_session_attrs=prefer-standby
# (issue 15, suite api-pg, under hc-pg-run.sh), when its connection could
# find only the primary: the standby was down when the server started (as
# during a switchover, when the old primary restarts as the new standby).
# Once the standby is back, a server whose read connections look for a
# standby again every second (HCS_PG_STANDBY_LOOK_EVERY=1) reads from it,
# and its tokens still read their own writes at once; the control, which
# looks once a day, still reads from the primary after the same reads. The
# servers are told apart on the standby by their URIs' application_name.
import sys
import time

import hc_test_server as hts
from hc_pg_standby import Primary, Standby, departments, host, reads_own_writes, replicated_database

DATABASE = "hc_read_back"
LABEL = "备库回归测试单位"  # the departments' names


def on_standby(standby, name):
    """How many connections of the server named @name the standby serves."""
    return int(standby.query("SELECT count (*) FROM pg_stat_activity WHERE application_name = '%s'" % name))


def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    primary = Primary()
    standby = Standby()
    servers = []
    try:
        uri, _ = replicated_database(primary, standby, DATABASE)
        both = "postgresql://%s:%d,%s:%d/%s?target_session_attrs=prefer-standby&connect_timeout=2" % (
            host(), standby.port, host(), primary.port, DATABASE)
        standby.stop()
        for name, every in (("hc_seek", "1"), ("hc_stay", "86400")):
            servers.append(hts.Server(pg_database=DATABASE, pg_uri=uri, env={"HCS_PG_STANDBY_LOOK_EVERY": every},
                                      extra_args=("--db-read", "%s&application_name=%s" % (both, name),
                                                  "--threads", "2")))
        seek, stay = servers
        seek_token, stay_token = seek.token("admin"), stay.token("admin")
        tap.ok(isinstance(departments(seek, seek_token), set) and isinstance(departments(stay, stay_token), set),
               "with the standby down, both servers read (their read connections on the primary)")

        standby.start()
        hts.wait_for_database(standby.uri)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and on_standby(standby, "hc_seek") == 0:
            for server, token in ((seek, seek_token), (stay, stay_token)):
                departments(server, token)
            time.sleep(0.5)
        tap.ok(on_standby(standby, "hc_seek") > 0,
               "once the standby is back, the server that looks for it reads from it")
        tap.ok(on_standby(standby, "hc_stay") == 0,
               "the control, which looks once a day, still reads from the primary after the same reads")

        failures = reads_own_writes(seek, seek_token, "BACK", LABEL, count=4)
        tap.ok(failures == [], "its token reads each of its writes at once", failures)
        standby.catch_up()
        seen = departments(seek, seek.login("admin"))
        tap.ok(isinstance(seen, set) and {"BACK00", "BACK03"} <= seen, "a token signed in after them reads them",
               seen)
        tap.ok(on_standby(standby, "hc_seek") > 0, "its read connections stay on the standby")
        tap.ok(all(s.process.poll() is None for s in servers), "both servers are still running")
    finally:
        for s in servers:
            s.close()
        standby.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
