#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The month partitions kept ahead while the server runs (issue 15, suite
# api-pg, under hc-pg-run.sh). A server's start makes this month's
# partition and the next HCS_PG_PARTITIONS_AHEAD months' of every table
# partitioned by month; rows of a month after those land in the DEFAULT
# partition; two servers starting at once with more months ahead both make
# that month (neither's maintenance fails, on their standard error) and its
# rows move out of the DEFAULT partition into it, with the API's answers
# (the events, the heat map's roll-up) as before; a running server's
# periodic maintenance (HCS_PG_PARTITIONS_EVERY) makes again a partition
# that went missing and moves the rows written meanwhile into it. An import
# makes the partitions of its records' months first, moving the DEFAULT
# partition's rows of them.
import datetime
import os
import subprocess
import sys
import tempfile
import threading

import hc_test_server as hts

TABLES = ("audit", "commitments", "licenses", "penalties", "risk_events")


def hainan_month(offset):
    now = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)
    y, m = now.year, now.month - 1 + offset
    return "%04d-%02d" % (y + m // 12, m % 12 + 1)


def partitions(server):
    return set(server.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"))


def where_rows(server, table, condition):
    """The partitions that hold @table's rows of @condition."""
    return set(server.query("SELECT DISTINCT tableoid::regclass::text FROM %s WHERE %s" % (table, condition)))


# The advisory lock under which a partition is made (hcs-store-pg-parts.c,
# "hcparts!" in ASCII).
PARTITIONS_LOCK = "x'6863706172747321'::bigint"


def waiting(server):
    """How many of the server's database's sessions wait for a table's lock."""
    return int(server.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            " AND wait_event_type = 'Lock' AND wait_event = 'relation'")[0])


def psql(server, sql=None):
    """psql on the server's database: its argv, running @sql when given
    (else reading its standard input)."""
    return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server.pg_database] + (["-c", sql] if sql else [])


class Held:
    """A psql session that runs @sql (which leaves a transaction open with
    its locks) and holds them until commit(); killed on leaving a with
    block otherwise."""

    def __init__(self, server, sql):
        self.process = subprocess.Popen(psql(server), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.process.stdin.write(sql)
        self.process.stdin.flush()

    def commit(self):
        """Commits and ends the session: whether psql ended without error."""
        self.process.stdin.write("COMMIT;\n")
        self.process.stdin.close()
        return self.process.wait(timeout=60) == 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def write_while_made(server, part, month):
    """Drops @part (the audit's partition of @month), holds the running
    server's periodic maintenance in the middle of making it again, writes
    an audit row of @month meanwhile and lets the maintenance go on: TRUE
    when the write succeeded and its row is in the partition made again.
    The session that holds the maintenance takes the partitions' advisory
    lock before it drops the partition and lets it go once it holds its
    lock on the parent: no maintenance can make the month in between."""
    writer = None
    with Held(server, "SELECT pg_advisory_lock (%s);\n"
                      "ALTER TABLE audit DETACH PARTITION %s;\n"
                      "DROP TABLE %s;\n"
                      "BEGIN;\n"
                      "LOCK TABLE ONLY audit IN SHARE UPDATE EXCLUSIVE MODE;\n"
                      "SELECT pg_advisory_unlock (%s);\n" % (PARTITIONS_LOCK, part, part, PARTITIONS_LOCK)) as holder:
        try:
            hts.wait_until(lambda: waiting(server) == 1, "the maintenance waits for the session's lock")
            writer = subprocess.Popen(psql(server, "INSERT INTO audit (at, actor, role, action, entity) VALUES"
                                               " ('%s-04T00:00:00Z', 'test', 'admin', 'test.while-made', 'test')"
                                               % month))
            hts.wait_until(lambda: waiting(server) == 2, "the write waits too")
            written = holder.commit() and writer.wait(timeout=60) == 0
        finally:
            if writer is not None and writer.poll() is None:
                writer.kill()
                writer.wait()
    return written and where_rows(server, "audit", "action = 'test.while-made'") == {part}


def import_meanwhile(server, admin):
    """Imports records of 2019-06 (no partition yet) while a session holds
    record_numbers, and checks meanwhile that penalties_201906 exists and
    that a writer of penalties and a reader of its DEFAULT partition get
    their locks at once; then lets the import end. TRUE when all held and
    the import wrote its records into the new month."""
    row = "%s,海南六月贸易有限公司%d,琼市监罚〔2019〕J-%d号,海口市市场监督管理局,2019-06-%02d,罚款,%d.50,2022-06-01\n"
    csv = "uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n" + "".join(
        row % (hts.make_uscc(40 + i), i, i, 1 + i, 10 + i) for i in range(5))
    with Held(server, "BEGIN;\nLOCK TABLE record_numbers IN EXCLUSIVE MODE;\n") as holder:
        hts.wait_until(lambda: server.query("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                                            " WHERE c.relname = 'record_numbers' AND l.mode = 'ExclusiveLock'"
                                            " AND l.granted") == ["1"], "the session holds record_numbers")
        thread, box = hts.in_thread(lambda: server.request("POST", "/imports?kind=penalty&item=11", token=admin,
                                                           body=csv.encode("utf-8"), content_type="text/csv"))
        hts.wait_until(lambda: waiting(server) == 1, "the import waits at its write")
        made = "penalties_201906" in partitions(server)
        quick = "SET lock_timeout = '3s'; BEGIN; LOCK TABLE ONLY penalties IN ROW EXCLUSIVE MODE; COMMIT;" \
                " BEGIN; LOCK TABLE penalties_default IN ACCESS SHARE MODE; COMMIT;"
        unhindered = subprocess.run(psql(server, quick), capture_output=True, text=True).returncode == 0
        holder.commit()
        thread.join(120)
    r = box.get("r")
    written = r is not None and r.status == 201 and r.json["accepted"] == 5 and \
        where_rows(server, "penalties", "decided_on LIKE '2019-06%'") == {"penalties_201906"}
    if not (made and unhindered and written):
        print("# made %s, unhindered %s, written %s (%r)" % (made, unhindered, written, r))
    return made and unhindered and written


def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    os.environ["HCS_PG_PARTITIONS_AHEAD"] = "3"
    os.environ["HCS_PG_PARTITIONS_EVERY"] = "1"
    with hts.Server(demo=False) as server:
        admin = server.token("admin")
        made = partitions(server)
        want = {"%s_%s" % (t, hainan_month(k).replace("-", "")) for t in TABLES for k in range(4)}
        tap.ok(want <= made, "the start makes this month's partition and the next 3 months' of every table",
               sorted(want - made))
        beyond = hainan_month(4)
        tap.ok("risk_events_" + beyond.replace("-", "") not in made, "no partition after the months ahead")

        # Written now: this month's partition, not the DEFAULT one.
        # the API takes events up to today in UTC
        today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
        r = server.request("POST", "/risk/events", token=admin,
                           body={"region": "460100", "occurred_on": today, "category": "finance", "severity": 3,
                                 "title": "本月的风险事件"})
        assert r.status == 201, r
        here = "risk_events_" + today[:7].replace("-", "")
        tap.ok(where_rows(server, "risk_events", "id = %d" % r.json["id"]) == {here},
               "an event of this month is in this month's partition")
        tap.ok(where_rows(server, "audit", "action = 'risk_event.create'") == {"audit_" + here[12:]},
               "its audit entry is in this month's audit partition")

        # Rows of a month after the months ahead (written behind the API's
        # back: it takes no event of the future) land in the DEFAULT partition.
        values = ",".join("('46%04d', '%s', '%s-%02d', 'food_drug', %d, '以后的事件%d', 'test', '%sT00:00:00Z')"
                          % (100 + 100 * (i % 3), beyond, beyond, 1 + i, 1 + i % 5, i, today) for i in range(12))
        server.execute("INSERT INTO risk_events (region, month, occurred_on, category, severity, title, created_by,"
                       " created_at) VALUES " + values)
        server.execute("INSERT INTO audit (at, actor, role, action, entity) VALUES ('%s-02T03:04:05Z', 'test',"
                       " 'admin', 'test.later', 'test')" % beyond)
        where = "month = '%s'" % beyond
        tap.ok(where_rows(server, "risk_events", where) == {"risk_events_default"},
               "rows of a month without its partition land in the DEFAULT partition")
        events = server.request("GET", "/risk/events?from=%s&to=%s&limit=100" % (beyond, beyond), token=admin)
        heatmap = server.request("GET", "/risk/heatmap?from=%s&to=%s" % (beyond, beyond), token=admin)
        assert events.status == 200 and heatmap.status == 200, (events, heatmap)
        tap.ok(len(events.json["items"]) == 12, "the API reads them", events)

        # Two servers starting at once, with more months ahead (a year:
        # their runs overlap): both start, neither's maintenance fails (it
        # would say so on its standard error and start all the same), the
        # month is made once and its rows are moved into it.
        os.environ["HCS_PG_PARTITIONS_AHEAD"] = "12"
        os.environ["HCS_PG_PARTITIONS_EVERY"] = "86400"
        started, failed = [], []
        logs = [tempfile.TemporaryFile() for _ in range(2)]

        def start(log):
            try:
                started.append(hts.Server(pg_database=server.pg_database, stderr=log))
            except Exception as e:  # noqa: BLE001 — reported below
                failed.append(e)

        threads = [threading.Thread(target=start, args=(log,)) for log in logs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        try:
            tap.ok(not failed and len(started) == 2, "two servers making the partitions at once both start", failed)
            answers = [s.request("GET", "/risk/events?from=%s&to=%s&limit=100" % (beyond, beyond),
                                 token=s.token("admin")) for s in started]
            tap.ok(all(a.status == 200 and a.json["items"] == events.json["items"] for a in answers),
                   "both answer, the events as before", answers)
        finally:
            for s in started:
                s.close()
        said = []
        for log in logs:
            log.seek(0)
            said.append(log.read().decode("utf-8", "replace"))
            log.close()
        tap.ok(not any("not kept ahead" in text for text in said),
               "neither server's maintenance failed", "\n".join(said))
        last = hainan_month(12).replace("-", "")
        tap.ok(all("risk_events_%s" % hainan_month(k).replace("-", "") in partitions(server) for k in range(13)),
               "the months up to a year ahead are made (the last: %s)" % last)
        part = "risk_events_" + beyond.replace("-", "")
        tap.ok(part in partitions(server) and where_rows(server, "risk_events", where) == {part},
               "the month is made and its rows moved out of the DEFAULT partition",
               where_rows(server, "risk_events", where))
        tap.ok(where_rows(server, "audit", "action = 'test.later'") == {"audit_" + beyond.replace("-", "")},
               "so are the audit's")
        tap.ok(server.query("SELECT count(*) FROM risk_events_default") == ["0"], "the DEFAULT partition is empty")
        after = server.request("GET", "/risk/events?from=%s&to=%s&limit=100" % (beyond, beyond), token=admin)
        tap.ok(after.status == 200 and after.json["items"] == events.json["items"],
               "the first server reads the same events", after)
        heat_after = server.request("GET", "/risk/heatmap?from=%s&to=%s" % (beyond, beyond), token=admin)
        tap.ok(heat_after.status == 200 and heat_after.json == heatmap.json,
               "the heat map (kept by the events' triggers) is the same", (heatmap, heat_after))

        # A partition gone missing (detached and dropped behind the server's
        # back) is made again by the running server's periodic maintenance,
        # and the rows written meanwhile are moved into it.
        later = hainan_month(1)
        gone = "audit_" + later.replace("-", "")
        server.execute("ALTER TABLE audit DETACH PARTITION %s" % gone)
        server.execute("DROP TABLE %s" % gone)
        server.execute("INSERT INTO audit (at, actor, role, action, entity) VALUES ('%s-03T00:00:00Z', 'test',"
                       " 'admin', 'test.meanwhile', 'test')" % later)
        moved = lambda: where_rows(server, "audit", "action = 'test.meanwhile'") == {gone}  # noqa: E731
        tap.ok(hts.wait_until(moved, "the periodic maintenance makes %s again" % gone),
               "the periodic maintenance makes a missing month again and moves its rows")

        # A row of the month written while the maintenance makes it (the
        # CI once saw this fail: the row routed to the DEFAULT partition,
        # waited for its lock, then broke its new bound). The maintenance
        # is held in the middle by a lock a session keeps on the parent
        # (ATTACH needs it; writers do not), the write comes then, and the
        # session lets go.
        tap.ok(write_while_made(server, gone, later),
               "a row written while the maintenance makes its month waits, then goes into the new partition")

    # An import of records of a month without its partition makes it
    # first, and moves into it the rows of that month the DEFAULT partition
    # holds, as they are (record_numbers, kept by a trigger, unchanged).
    os.environ["HCS_PG_PARTITIONS_AHEAD"] = "3"
    with hts.Server(demo=False) as server:
        admin = server.token("admin")
        server.execute(hts.CATALOG_SQL)
        server.execute("INSERT INTO penalties (uscc, name, decision_no, authority, decided_on, category, amount,"
                       " item_id, import_id) VALUES ('%s', '海南先来贸易有限公司', '琼市监罚〔2019〕先-1号',"
                       " '海口市市场监督管理局', '2019-05-02', '罚款', 100, 11, 0)" % hts.make_uscc(1))
        tap.ok(where_rows(server, "penalties", "decided_on LIKE '2019-05%'") == {"penalties_default"},
               "a record of a month without its partition is in the DEFAULT partition")
        numbers = server.query("SELECT number, record_id FROM record_numbers ORDER BY 1")
        csv = "uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n" + "".join(
            "%s,海南测试贸易有限公司%d,琼市监罚〔2019〕T-%d号,海口市市场监督管理局,2019-05-%02d,罚款,%d.50,2022-05-01\n"
            % (hts.make_uscc(10 + i), i, i, 1 + i, 10 + i) for i in range(20))
        r = server.request("POST", "/imports?kind=penalty&item=11", token=admin, body=csv.encode("utf-8"),
                           content_type="text/csv")
        tap.ok(r.status == 201 and r.json["accepted"] == 20, "the import writes its 20 records", r)
        tap.ok(where_rows(server, "penalties", "decided_on LIKE '2019-05%'") == {"penalties_201905"}
               and server.query("SELECT count(*) FROM penalties_201905") == ["21"],
               "the import made the month's partition, with the DEFAULT partition's record of the month in it",
               where_rows(server, "penalties", "decided_on LIKE '2019-05%'"))
        after = server.query("SELECT number, record_id FROM record_numbers WHERE number NOT LIKE '%T-%' ORDER BY 1")
        tap.ok(after == numbers and len(server.query("SELECT 1 FROM record_numbers")) == 21,
               "record_numbers keeps the moved record as it was and gains the imported ones", (numbers, after))

        # The month an import makes is made and committed apart, before
        # its rows are written: while the import goes on (held at its
        # write by a session's lock on record_numbers, which its rows'
        # trigger writes), the partition is there for all to see, and the
        # table's writers and its DEFAULT partition's readers do not wait
        # for the import (they waited to its commit when it was made in
        # the import's transaction).
        tap.ok(import_meanwhile(server, admin), "an import's new month is committed before its rows, and writers and"
               " readers of the table do not wait for the import")
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
