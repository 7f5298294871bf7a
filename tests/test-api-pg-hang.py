#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# A primary that hangs without closing its connections (issue 15, suite
# api-pg, under hc-pg-run.sh): the test's cluster, its postmaster and every
# backend stopped (SIGSTOP), as a machine frozen or cut off with its TCP
# connections left open. The server waits for a statement's answer at most
# HNCREDIT_DB_TIMEOUT seconds (here 2; the URI's connect_timeout 2 bounds
# its reconnection): a write and a read answer 503 storage_unavailable
# instead of waiting for ever, the server runs on, and once the cluster is
# continued (SIGCONT) it serves again on a connection made again. Then a
# COMMIT that does not come back (synchronous_standby_names names a standby
# that is not there: the commit waits for it for ever) answers 503
# commit_unknown, and once the wait is lifted the write is there. Checked
# at the end: every acknowledged write is there, the one answered
# storage_unavailable is not, and no write is there half (each department
# has its one audit entry).
import os
import signal
import subprocess
import sys

import hc_test_server as hts
from hc_pg_standby import apply_setting, as_owner, bindir, one_worker_server, post_department, post_departments, psql
from hc_test_server import wait_until

DATABASE = "hc_hang"
LABEL = "挂起测试单位"  # the departments' names



def postmaster_pid(data):
    """The postmaster of the cluster in @data, as pg_ctl status gives it."""
    out = subprocess.run(as_owner() + [os.path.join(bindir(), "pg_ctl"), "-D", data, "status"], check=True,
                         capture_output=True, text=True).stdout
    return int(out.split("PID: ")[1].split(")")[0])


def children(parent):
    """The processes whose parent is @parent (/proc)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                pids.append(int(entry))
    return pids


def cont(stopped):
    """Continues the stopped processes, the postmaster last (it was stopped
    first). A child may be gone by then: one that had exited before it was
    stopped (a zombie) is reaped by the postmaster once that runs."""
    for pid in reversed(stopped):
        try:
            os.kill(pid, signal.SIGCONT)
        except ProcessLookupError:
            pass
    stopped.clear()


def check(server, tap, stopped):
    admin = server.token("admin")
    acked, refused = set(), set()
    answers = post_departments(server, admin, "BEFORE", 5, LABEL, acked)
    assert answers == [201] * 5, answers

    # The cluster hangs: the postmaster first (no new backend), then
    # each of its processes.
    postmaster = postmaster_pid(psql("SHOW data_directory"))
    os.kill(postmaster, signal.SIGSTOP)
    stopped.append(postmaster)
    for pid in children(postmaster):
        os.kill(pid, signal.SIGSTOP)
        stopped.append(pid)
    r = hts.within(lambda: post_department(server, admin, "HUNG", LABEL), 120)
    tap.ok(r is not None and r.status == 503 and r.error_code == "storage_unavailable",
           "a write to a hung primary answers 503 storage_unavailable instead of waiting", r)
    refused.add("HUNG")
    r = hts.within(lambda: server.request("GET", "/departments", token=admin), 120)
    tap.ok(r is not None and r.status == 503 and r.error_code == "storage_unavailable",
           "a read while it hangs (its connection made again in vain) answers 503 storage_unavailable", r)
    tap.ok(server.process.poll() is None, "the server is still running")

    cont(stopped)
    r = server.request("GET", "/session", token=admin)
    tap.ok(r.status == 200, "continued, the primary serves the server again (the token still works)", r)
    r = post_department(server, admin, "AFTER00", LABEL)
    tap.ok(r.status == 201, "a write after it is acknowledged", r)
    if r.status == 201:
        acked.add("AFTER00")

    # A COMMIT that never comes back: it waits for a standby that is
    # not there. Past the bound its outcome is unknown (the primary
    # has it, waiting): 503 commit_unknown, not "nothing was changed".
    apply_setting("synchronous_standby_names", "hc_nobody")
    r = hts.within(lambda: post_department(server, admin, "UNKNOWN", LABEL), 120)
    tap.ok(r is not None and r.status == 503 and r.error_code == "commit_unknown",
           "a write whose COMMIT does not come back answers 503 commit_unknown", r)
    apply_setting("synchronous_standby_names")
    wait_until(lambda: psql("SELECT count(*) FROM departments WHERE code = 'UNKNOWN'", database=DATABASE)
               == "1", "the write whose commit waited is there once the wait is lifted")
    acked.add("UNKNOWN")
    r = post_department(server, admin, "AFTER01", LABEL)
    tap.ok(r.status == 201, "the server connects again and a write is acknowledged", r)
    if r.status == 201:
        acked.add("AFTER01")

    stored = set(psql("SELECT string_agg (code, ',') FROM departments", database=DATABASE).split(","))
    tap.ok(acked <= stored, "every acknowledged write is there (%d)" % len(acked), sorted(acked - stored))
    tap.ok(not (refused & stored), "the write answered storage_unavailable is not there",
           sorted(refused & stored))
    half = psql("SELECT string_agg (d.code, ',') FROM departments d"
                " LEFT JOIN audit a ON a.entity = 'department' AND a.entity_id = d.id::text"
                "  AND a.action = 'department.create'"
                " GROUP BY d.id HAVING count (a.id) <> 1", database=DATABASE)
    orphans = psql("SELECT count (*) FROM audit a WHERE a.action = 'department.create'"
                   " AND NOT EXISTS (SELECT 1 FROM departments d WHERE d.id::text = a.entity_id)",
                   database=DATABASE)
    tap.ok(half == "" and orphans == "0",
           "no write is there half: each department has its one audit entry, no entry lacks its department",
           (half, orphans))
    tap.ok(server.process.poll() is None, "the server is still running")


def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    stopped = []
    server = one_worker_server(DATABASE, 2)
    try:
        check(server, tap, stopped)
    finally:
        cont(stopped)   # before the server is stopped: a request of it may still wait
        server.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
