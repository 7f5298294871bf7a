#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# --db-read on a real streaming standby (issue 15, suite api-pg, under
# hc-pg-run.sh): the test's cluster gets a standby (pg_basebackup -R, a
# postgres of its own on another port), the server reads from it. With the
# standby's replay paused, what a read sees says where it went: a write's
# own later reads see it, under the token that wrote and under a token the
# same client signs in with afterwards (sign-in keeps the primary's WAL
# position too); a token whose writes the standby has replayed reads from
# the standby (it does not see what another token wrote since the pause),
# also after the standby restarted (the server opens its connections again).
# The functions a standby's connections call (schema hcs_sqlite_HASH) are
# made once, not again by each server that starts; a server of another
# version, whose definitions differ (HCS_TEST_PG_FUNCTIONS_VARIANT, tests
# only: one that CREATE OR REPLACE cannot put over the other's), on the
# same database and standby gets its own set, and both servers read from
# the standby with their own.
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import hc_test_server as hts


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Standby:
    """A streaming standby of the cluster of PGHOST/PGPORT, started by its
    own postgres (as the cluster's owner, postgres, when run as root)."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="hncredit-standby-")
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        bindir = subprocess.run([os.environ.get("PG_CONFIG", "pg_config"), "--bindir"], check=True,
                                capture_output=True, text=True).stdout.strip()
        self.pg_ctl = os.path.join(bindir, "pg_ctl")
        # -R: standby.signal and primary_conninfo (with the password of PGPASSWORD)
        self.run([os.path.join(bindir, "pg_basebackup"), "-D", self.data, "-R", "-X", "stream",
                  "-c", "fast", "--no-sync"])
        # A Debian cluster keeps its configuration out of the data directory:
        # the standby gets its own.
        conf = {"postgresql.conf": "port = %d\nlisten_addresses = 'localhost'\n"
                                   "unix_socket_directories = '%s'\nhot_standby = on\nfsync = off\n"
                                   % (self.port, self.dir),
                "pg_hba.conf": "local all all peer\nhost all all 127.0.0.1/32 scram-sha-256\n"
                               "host all all ::1/128 scram-sha-256\n",
                "pg_ident.conf": ""}
        for name, text in conf.items():
            path = os.path.join(self.data, name)
            with open(path, "w") as f:
                f.write(text)
            if os.getuid() == 0:
                shutil.chown(path, "postgres", "postgres")
        self.run([self.pg_ctl, "-D", self.data, "-l", os.path.join(self.dir, "log"), "-w", "-t", "120", "start"])
        self.uri = "postgresql://%s:%d/postgres" % (os.environ.get("PGHOST", "localhost"), self.port)
        hts.wait_for_database(self.uri)

    def run(self, argv):
        subprocess.run(self.as_owner + argv, check=True, stdout=sys.stderr, cwd=self.dir)

    def query(self, sql, database="postgres"):
        uri = "postgresql://%s:%d/%s" % (os.environ.get("PGHOST", "localhost"), self.port, database)
        return subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", uri, "-c", sql],
                              check=True, capture_output=True, text=True).stdout.strip()

    def pause(self):
        self.query("SELECT pg_wal_replay_pause()")
        wait_until(lambda: self.query("SELECT pg_get_wal_replay_pause_state()") == "paused", "replay paused")

    def resume(self):
        self.query("SELECT pg_wal_replay_resume()")

    def catch_up(self):
        """Until the standby has replayed all the primary had written."""
        lsn = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-c", "SELECT pg_current_wal_lsn()"], check=True,
                             capture_output=True, text=True).stdout.strip()
        wait_until(lambda: self.query("SELECT pg_last_wal_replay_lsn() >= '%s'::pg_lsn" % lsn) == "t",
                   "the standby replays up to %s" % lsn)

    def restart(self):
        self.run([self.pg_ctl, "-D", self.data, "-l", os.path.join(self.dir, "log"), "-m", "fast", "-w", "-t", "120",
                  "restart"])

    def close(self):
        try:
            self.run([self.pg_ctl, "-D", self.data, "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def wait_until(condition, what, seconds=120):
    for _ in range(seconds * 4):
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError("%s: not in %d s" % (what, seconds))


def departments(server, token):
    r = server.request("GET", "/departments", token=token)
    assert r.status == 200, r
    return {d["code"] for d in r.json["items"]}


def main():
    tap = hts.Tap()
    if not os.environ.get("HC_TEST_PG"):
        print("1..0 # SKIP PostgreSQL only (hc-pg-run.sh)")
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

            # The functions are made once: another server of the same
            # version starting on the database writes none of them again.
            functions = "SELECT string_agg (p.xmin::text, ',' ORDER BY p.oid) FROM pg_proc p" \
                        " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname LIKE 'hcs\\_sqlite\\_%'"
            made = server.query(functions)
            with hts.Server(pg_database=server.pg_database) as second:
                second.token("admin")
                after = server.query(functions)
            tap.ok(made[0] != "" and made == after,
                   "a server started again leaves its hcs_sqlite_HASH functions as they are", (made, after))

            # Another version's server (its sq_int (boolean) answers a bigint)
            # on the same database, reading from the same standby.
            read_uri = "postgresql://%s:%d/%s" % (os.environ.get("PGHOST", "localhost"), standby.port,
                                                  server.pg_database)
            sq_int = "SELECT n.nspname || ' ' || format_type (p.prorettype, NULL) FROM pg_proc p" \
                     " JOIN pg_namespace n ON n.oid = p.pronamespace" \
                     " WHERE p.proname = 'sq_int' AND p.proargtypes[0] = 'boolean'::regtype" \
                     "  AND n.nspname LIKE 'hcs\\_sqlite\\_%' ORDER BY 1"
            os.environ["HCS_TEST_PG_FUNCTIONS_VARIANT"] = "1"
            try:
                other = hts.Server(pg_database=server.pg_database, extra_args=("--db-read", read_uri))
            finally:
                del os.environ["HCS_TEST_PG_FUNCTIONS_VARIANT"]
            with other:
                sets = server.query(sq_int)
                tap.ok(len(sets) == 2 and sorted(l.split()[1] for l in sets) == ["bigint", "integer"]
                       and server.query(functions) != made,
                       "a server whose functions differ makes its own set beside the other's", sets)
                theirs = other.token("admin")
                ours = server.login("admin")
                standby.catch_up()
                tap.ok(standby.query(sq_int, server.pg_database).splitlines() == sets,
                       "the standby has both sets")
                # Replay paused after both sign-ins: a department written on
                # the primary now is not seen by reads from the standby.
                standby.pause()
                server.execute("INSERT INTO departments (code, name, level, created_at)"
                               " VALUES ('UNSEEN', '暂停后写入的单位', 'provincial', '2026-01-01T00:00:00Z')")
                for name, s, token in (("this", server, ours), ("the other", other, theirs)):
                    seen = departments(s, token)
                    # GET /repairs calls the translation's julianday
                    r = s.request("GET", "/repairs", token=token)
                    tap.ok("LAST" in seen and "UNSEEN" not in seen and r.status == 200,
                           "%s version's server reads from the standby with its own functions" % name, (seen, r))
                standby.resume()
    finally:
        standby.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
