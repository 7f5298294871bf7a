#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# --db-read on a real streaming standby (issue 15, suite api-pg, under
# hc-pg-run.sh): the test's cluster gets a standby (hc_pg_standby.py:
# pg_basebackup -R, a postgres of its own on another port), the server
# reads from it. With the standby's replay paused, what a read sees says where it went: a write's
# own later reads see it, under the token that wrote and under a token the
# same client signs in with afterwards (sign-in keeps the primary's WAL
# position too); a token whose writes the standby has replayed reads from
# the standby (it does not see what another token wrote since the pause),
# also after the standby restarted (the server opens its connections again).
# The functions a standby's connections call (schema hcs_sqlite_HASH) of
# servers of several versions: test-api-pg-functions.py.
import sys

import hc_test_server as hts
from hc_pg_standby import Standby


def departments(server, token):
    r = server.request("GET", "/departments", token=token)
    assert r.status == 200, r
    return {d["code"] for d in r.json["items"]}


def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    standby = Standby()
    try:
        tap.ok(standby.query("SELECT pg_is_in_recovery()") == "t", "the standby is a streaming standby")
        with hts.Server(demo=False, standby_port=standby.port) as server:
            admin = server.token("admin")
            r = server.request("POST", "/departments", token=admin,
                               body={"code": "BEFORE", "name": "暂停前的单位", "level": "provincial"})
            assert r.status == 201, r
            standby.catch_up()
            standby.pause()

            # The writer's own reads: the standby has not replayed its write.
            r = server.request("POST", "/departments", token=admin,
                               body={"code": "WRITTEN", "name": "写入的单位", "level": "provincial"})
            assert r.status == 201, r
            tap.ok("WRITTEN" not in standby.query("SELECT string_agg(code, ',') FROM departments",
                                                  server.pg_database),
                   "the paused standby has not replayed the write")
            seen = departments(server, admin)
            tap.ok("WRITTEN" in seen, "the token that wrote reads its write", seen)

            # The same client signs in again: its new token reads its write too.
            again = server.login("admin")
            seen = departments(server, again)
            tap.ok("WRITTEN" in seen, "a token signed in after the write reads it", seen)
            r = server.request("GET", "/audit?entity=session&limit=500", token=again)
            signed_in = [e for e in r.json["items"] if e["action"] == "session.create"] if r.status == 200 else []
            tap.ok(len(signed_in) == 2, "the new token reads its own sign-in's audit entry", r)

            # Replayed up to the new token's sign-in, then paused again: its
            # reads go to the standby, which lacks what the first token
            # writes next; the first token reads that from the primary.
            standby.resume()
            standby.catch_up()
            standby.pause()
            r = server.request("POST", "/departments", token=admin,
                               body={"code": "LATER", "name": "之后写入的单位", "level": "provincial"})
            assert r.status == 201, r
            seen = departments(server, again)
            tap.ok("WRITTEN" in seen and "LATER" not in seen,
                   "a token whose writes the standby has replayed reads from the standby", seen)
            seen = departments(server, admin)
            tap.ok("LATER" in seen, "the token that wrote last reads from the primary", seen)

            # The standby restarts (its connections end): the server opens
            # them again, as a standby's, and reads from it go on.
            standby.resume()
            standby.restart()
            standby.catch_up()
            standby.pause()
            r = server.request("POST", "/departments", token=admin,
                               body={"code": "LAST", "name": "重启后写入的单位", "level": "provincial"})
            assert r.status == 201, r
            seen = departments(server, again)
            tap.ok("LATER" in seen and "LAST" not in seen, "after the standby's restart, reads go to it again", seen)
            standby.resume()
    finally:
        standby.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
