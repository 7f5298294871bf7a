#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The routes of work that runs for minutes (issue 15, suite api-pg, under
# hc-pg-run.sh): over PostgreSQL a request's statement waits at most
# HNCREDIT_DB_TIMEOUT seconds (here 1; api-pg-hang tests the bound), but
# the routes flagged HcsRoute.unbounded — an import, a grading model's
# publication — wait without it (hcs-server.c lifts it around them). A
# session holds a table each of them writes or reads locked for 3 s: a
# department's write waiting so answers 503 storage_unavailable (the lock
# does outlast the bound), each flagged route answers once the lock is given
# back, and the department refused is not there. A batch match and its rerun
# are not flagged (their statements look the subjects given up by key,
# hcs-store-match-lookup.c): waiting for the lock on list_entries they answer
# 503 too, and record no run.
import subprocess
import sys

import hc_test_server as hts
from hc_pg_standby import one_worker_server, psql
from hc_test_server import wait_until

DATABASE = "hc_unbounded"
HOLD = 3   # seconds a lock is held: past the bound of 1 s


def hold_lock(table):
    """A session of its own holding @table locked (ACCESS EXCLUSIVE) for
    HOLD seconds, started in the background; returned once it holds it."""
    holder = subprocess.Popen(["psql", "-X", "-q", "-d", DATABASE, "-c",
                               "BEGIN; LOCK TABLE %s IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep (%d); COMMIT"
                               % (table, HOLD)], stdout=subprocess.DEVNULL)
    wait_until(lambda: psql("SELECT count (*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                            " WHERE c.relname = '%s' AND l.mode = 'AccessExclusiveLock' AND l.granted" % table,
                            database=DATABASE) == "1", "the lock on %s is held" % table)
    return holder


def check(server, tap):
    admin = server.token("admin")
    holder = hold_lock("departments")
    r = server.request("POST", "/departments", token=admin,
                       body={"code": "LOCKED", "name": "锁等待测试单位", "level": "provincial"})
    tap.ok(r.status == 503 and r.error_code == "storage_unavailable",
           "a department's write waiting for a lock held past the bound answers 503 storage_unavailable", r)
    holder.wait()

    server.execute(hts.CATALOG_SQL)   # no demo: the catalog item 11
    uscc = hts.make_uscc(9301)
    csv = ("统一社会信用代码,主体名称,决定文书号,处罚机关,处罚决定日期,处罚类别,罚款金额（元）\n"
           "%s,锁等待测试有限公司,琼市监罚〔2025〕9301号,海口市市场监督管理局,2025-03-01,罚款,500.00\n" % uscc)
    model = server.request("POST", "/grading/models", token=admin, body={"title": "锁等待测试模型"})
    assert model.status == 201, model
    calls = [
        ("imports", "an import", 201,
         lambda: server.request("POST", "/imports?item=11&kind=penalty", token=admin, body=csv,
                                content_type="text/csv")),
        ("grading_models", "a grading model's publication", 200,
         lambda: server.request("POST", "/grading/models/%d/publish" % model.json["id"], token=admin,
                                headers={"If-Match": model.etag})),
    ]
    answers = []
    for table, what, status, call in calls:
        holder = hold_lock(table)
        r = call()
        answers.append(r)
        tap.ok(r.status == status and holder.poll() is not None,
               "%s waiting for a lock on %s held past the bound answers %d once it is given back"
               % (what, table, status), (r, holder.poll()))
        holder.wait()

    run = server.request("POST", "/lists/match", token=admin, body={"subjects": [uscc]})
    assert run.status == 200, run
    runs = psql("SELECT count (*) FROM match_runs", database=DATABASE)
    for what, call in [("a batch match", lambda: server.request("POST", "/lists/match", token=admin,
                                                                  body={"subjects": [uscc]})),
                       ("a batch match's rerun", lambda: server.request(
                           "POST", "/lists/match-runs/%d/rerun" % run.json["run_id"], token=admin))]:
        holder = hold_lock("list_entries")
        r = call()
        tap.ok(r.status == 503 and r.error_code == "storage_unavailable",
               "%s waiting for a lock on list_entries held past the bound answers 503 storage_unavailable" % what, r)
        holder.wait()
    tap.ok(psql("SELECT count (*) FROM match_runs", database=DATABASE) == runs,
           "the match and the rerun answered 503 recorded no run")
    again = server.request("POST", "/lists/match-runs/%d/rerun" % run.json["run_id"], token=admin)
    tap.ok(again.status == 200 and again.json["previous_run_id"] == run.json["run_id"],
           "the rerun answers once the lock is given back", again)

    tap.ok(psql("SELECT count (*) FROM departments WHERE code = 'LOCKED'", database=DATABASE) == "0",
           "the department answered 503 is not there")
    tap.ok(psql("SELECT count (*) FROM penalties WHERE uscc = '%s'" % uscc, database=DATABASE) == "1",
           "the import's record is there")
    tap.ok(server.process.poll() is None, "the server is still running")


def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    server = one_worker_server(DATABASE, 1)
    try:
        check(server, tap)
    finally:
        server.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
