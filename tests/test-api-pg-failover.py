#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# A failover of PostgreSQL under a running server (issue 15, suite api-pg,
# under hc-pg-run.sh): the test's cluster is the primary of a streaming
# standby (hc_pg_standby.py) in synchronous replication, so that a commit
# is acknowledged once the standby has it (Patroni's synchronous_mode). The
# server names both in a multi-host URI and asks for the writable one
# (target_session_attrs=read-write, what the Patroni example gives the
# servers). First the standby is stopped, so that a write's synchronous
# commit waits for it, and the primary is stopped hard (immediate: every
# backend killed, no checkpoint) under that commit: the write answers 503
# commit_unknown, not "nothing was changed" — the primary, started again,
# has it. Then one write waits for a lock (another session holds the
# audit table), and the primary is stopped hard again. Checked: the waiting
# write answers 503 storage_unavailable and is not there, neither its
# department nor its audit entry; while no node takes writes, requests
# answer 503 storage_unavailable at once (no crash, no hang), sign-in too;
# once the standby is promoted, the server connects to it by itself (the
# grade refresh too, on its worker's connection, before any request): the
# token signed in before still works, writes are acknowledged and land on
# the new primary, every write acknowledged before is there, with its one
# audit entry, and a write answered 503 (refused or cut off) is not.
import subprocess
import sys
import threading

import hc_test_server as hts
from hc_pg_standby import Primary, Standby, post_department, post_departments, replicated_database, wait_until

DATABASE = "hc_failover"
LABEL = "切换测试单位"  # the departments' names



def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    primary = Primary()
    standby = Standby()
    holder = None
    try:
        primary.synchronous()
        uri, _ = replicated_database(primary, standby, DATABASE)
        # The grade refresh every 300 ms, saying so (a debug message, on the
        # server's standard output) when it found nothing to do.
        server = hts.Server(pg_database=DATABASE, pg_uri=uri, extra_args=("--threads", "3"),
                            env={"HCS_GRADE_REFRESH_EVERY_MS": "300", "G_MESSAGES_DEBUG": "hcs-grade-refresh"})
        output = []
        threading.Thread(target=lambda: output.extend(iter(server.process.stdout.readline, b"")),
                         daemon=True).start()
        with server:
            admin = server.token("admin")
            acked, refused = set(), set()
            answers = post_departments(server, admin, "BEFORE", 10, LABEL, acked)
            assert answers == [201] * 10, answers

            # A commit under way when the primary goes away. The standby
            # stopped, a synchronous commit waits for it after the primary
            # has it: the write's COMMIT is in flight when the primary is
            # stopped hard. Its outcome is unknown to the server, and the
            # answer says so (commit_unknown, not "nothing was changed"):
            # started again, the primary has it.
            standby.stop()
            writer, box = hts.in_thread(lambda: post_department(server, admin, "UNKNOWN", LABEL))
            wait_until(lambda: hts_query("SELECT count(*) FROM pg_stat_activity WHERE datname = '%s'"
                                         " AND wait_event = 'SyncRep'" % DATABASE) == "1",
                       "the write's commit waits for the standby")
            primary.stop_hard()
            writer.join(120)
            r = box.get("r")
            tap.ok(not writer.is_alive() and r is not None and r.status == 503 and r.error_code == "commit_unknown",
                   "a write whose commit is under way when the primary goes away answers 503 commit_unknown", r)
            primary.start()
            standby.start()
            wait_until(lambda: hts_query("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'") == "1",
                       "the standby streams again")
            tap.ok(hts_query("SELECT count(*) FROM departments WHERE code = 'UNKNOWN'") == "1",
                   "that write was committed: the primary started again has it")
            r = server.request("GET", "/session", token=admin)
            tap.ok(r.status == 200, "the server connects again to the primary started again", r)
            acked.add("UNKNOWN")

            # Another session holds the audit table: the next write inserts
            # its department, then waits for the lock to write its audit entry.
            holder = subprocess.Popen(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", DATABASE],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                      text=True)
            holder.stdin.write("BEGIN;\nLOCK TABLE audit IN EXCLUSIVE MODE;\nSELECT 'locked';\n")
            holder.stdin.flush()
            assert holder.stdout.readline().strip() == "locked"
            writer, box = hts.in_thread(lambda: post_department(server, admin, "INFLIGHT", LABEL))
            wait_until(lambda: hts_query("SELECT count(*) FROM pg_stat_activity WHERE datname = '%s'"
                                         " AND wait_event_type = 'Lock'" % DATABASE) == "1",
                       "the write waits for the audit's lock")
            primary.stop_hard()
            writer.join(120)
            r = box.get("r")
            tap.ok(not writer.is_alive() and r is not None and r.status == 503
                   and r.error_code == "storage_unavailable",
                   "a write in flight when the primary goes away answers 503 storage_unavailable", r)
            holder.stdin.close()   # psql notices its lost connection at its next line
            holder.wait(60)
            refused.add("INFLIGHT")

            # No node takes writes: the standby is still one.
            r = server.request("GET", "/departments", token=admin)
            tap.ok(r.status == 503 and r.error_code == "storage_unavailable",
                   "while no primary answers, a read answers 503 storage_unavailable", r)
            r = post_department(server, admin, "DURING", LABEL)
            refused.add("DURING")
            tap.ok(r.status == 503 and r.error_code == "storage_unavailable",
                   "while no primary answers, a write answers 503 storage_unavailable", r)
            r = server.request("POST", "/session", body={"username": "admin", "password": hts.PASSWORD})
            tap.ok(r.status == 503 and r.error_code == "storage_unavailable",
                   "while no primary answers, signing in answers 503 storage_unavailable", r)
            tap.ok(server.process.poll() is None, "the server is still running")

            standby.promote()
            tap.ok(standby.query("SELECT pg_is_in_recovery()") == "f", "the standby is promoted to primary")
            # Before any request: the grade refresh, on the first worker's
            # connection, opens it again by itself.
            promoted_at = len(output)

            def refreshed():
                return any(b"no grade as of an earlier day" in line for line in output[promoted_at:])

            try:
                wait_until(refreshed, "the grade refresh on the new primary")
            except AssertionError as e:
                print("# %s" % e)
            tap.ok(refreshed(), "the grade refresh runs again on the new primary without a request to its worker")

            # The first request of each worker opens its connection again,
            # to the new primary: none is refused.
            answers = []
            for i in range(6):
                r = server.request("GET", "/session", token=admin)
                answers.append(r.status)
            tap.ok(answers == [200] * 6,
                   "the token signed in before the failover still works (6 requests, each on a connection of its own)",
                   answers)
            answers = post_departments(server, admin, "AFTER", 6, LABEL, acked)
            tap.ok(answers == [201] * 6, "writes after the failover are acknowledged", answers)
            again = server.login("admin")
            r = server.request("GET", "/departments", token=again)
            seen = {d["code"] for d in r.json["items"]} if r.status == 200 else set()
            tap.ok(acked <= seen and not (refused & seen),
                   "a token signed in after the failover reads every acknowledged write and none refused",
                   (r, sorted(acked - seen), sorted(refused & seen)))

            stored = set(standby.query("SELECT string_agg (code, ',') FROM departments", DATABASE).split(","))
            tap.ok(acked <= stored, "every acknowledged write is on the new primary (%d)" % len(acked),
                   sorted(acked - stored))
            tap.ok(not (refused & stored), "no write answered 503 is there", sorted(refused & stored))
            half = standby.query("SELECT string_agg (d.code, ',') FROM departments d"
                                 " LEFT JOIN audit a ON a.entity = 'department' AND a.entity_id = d.id::text"
                                 "  AND a.action = 'department.create'"
                                 " GROUP BY d.id HAVING count (a.id) <> 1", DATABASE)
            orphans = standby.query("SELECT count (*) FROM audit a WHERE a.action = 'department.create'"
                                    " AND NOT EXISTS (SELECT 1 FROM departments d WHERE d.id::text = a.entity_id)",
                                    DATABASE)
            tap.ok(half == "" and orphans == "0",
                   "no write is there half: each department has its one audit entry, no entry lacks its department",
                   (half, orphans))
            tap.ok(server.process.poll() is None, "the server is still running")
    finally:
        if holder is not None and holder.poll() is None:
            holder.kill()
            holder.wait()
        standby.close()
    return tap.finish()


def hts_query(sql):
    """@sql on the test's cluster (the primary, while it runs)."""
    return subprocess.run(["psql", "-X", "-A", "-t", "-q", "-d", DATABASE, "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
