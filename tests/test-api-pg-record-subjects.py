#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The records' subject_id over PostgreSQL (issue 15, suite api-pg, under
# hc-pg-run.sh): checked once a statement by a trigger, not by a foreign key
# a row (migration 23, schema/pg/records-statement-checks.sql), with the
# foreign key's guarantee. Through SQL on the test's cluster and through an
# import: a record naming a subject that does not exist is refused (insert,
# update; penalties, licenses, commitments), a subject with records is not
# deleted nor renumbered, a subject without records is; record_numbers
# still gets every written number. And the two writers meeting: an import
# whose subject another transaction deletes meanwhile waits for it, then
# fails (busy) and leaves nothing; a delete of a subject whose records
# another transaction is writing waits for it, then fails. And `migrate`,
# which copies with the triggers off, refuses a copy with an orphan.
import os
import subprocess
import sys

import hc_test_server as hts

HEADER = "uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n"
# A record of each table naming the subject of id {sid} (NULL: none) under number {no}.
RECORD = {
    "penalties": "INSERT INTO penalties (uscc, subject_id, name, decision_no, authority, decided_on, category,"
                 " amount, item_id, import_id) VALUES ('{uscc}', {sid}, '海南测试贸易有限公司', '{no}',"
                 " '海口市市场监督管理局', '2025-03-02', '罚款', 100, 11, 0)",
    "licenses": "INSERT INTO licenses (uscc, subject_id, name, license_no, license_name, authority, decided_on,"
                " item_id, import_id) VALUES ('{uscc}', {sid}, '海南测试贸易有限公司', '{no}', '食品经营许可',"
                " '海口市市场监督管理局', '2025-03-02', 11, 0)",
    "commitments": "INSERT INTO commitments (uscc, subject_id, name, commitment_no, matter, authority,"
                   " committed_on, item_id, import_id) VALUES ('{uscc}', {sid}, '海南测试贸易有限公司', '{no}',"
                   " '食品经营许可告知承诺', '海口市市场监督管理局', '2025-03-02', 11, 0)",
}


def psql(server, sql, app="hc-test"):
    """Runs @sql in psql: (whether it succeeded, its standard error)."""
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server.pg_database, "-c", sql],
                       capture_output=True, text=True, encoding="utf-8", env=dict(os.environ, PGAPPNAME=app))
    return r.returncode == 0, r.stderr


def refused_as_foreign_key(result):
    ok, err = result
    return not ok and "foreign key" in err


class Session:
    """A psql session kept open, fed a line at a time (a transaction left
    open between the test's steps)."""

    def __init__(self, server, app):
        self.server, self.app = server, app
        self.process = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server.pg_database],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, encoding="utf-8", env=dict(os.environ, PGAPPNAME=app))

    def send(self, sql):
        self.process.stdin.write(sql + "\n")
        self.process.stdin.flush()

    def wait_idle_in_transaction(self):
        hts.wait_until(lambda: self.server.query("SELECT state FROM pg_stat_activity WHERE application_name = '%s'"
                                             % self.app) == ["idle in transaction"],
                   "%s's statement done" % self.app)

    def finish(self):
        """Ends the session: (whether every statement succeeded, its standard error)."""
        _, err = self.process.communicate(timeout=120)
        return self.process.returncode == 0, err


def waiting_for_lock(server):
    return server.query("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") != ["0"]


def main():
    tap = hts.Tap()
    if hts.skip_without_pg():
        return 0
    with hts.Server(demo=False) as server:
        admin = server.token("admin")
        server.execute(hts.CATALOG_SQL)
        server.execute("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at) SELECT"
                       " v, '海南测试贸易有限公司', 'legal_person', '460100', '2025-01-01T00:00:00Z',"
                       " '2025-01-01T00:00:00Z' FROM unnest (ARRAY['%s']) v" % "','".join(hts.make_uscc(n) for n in range(1, 9)))
        sid = {n: int(server.query("SELECT id FROM subjects WHERE identifier = '%s'" % hts.make_uscc(n))[0]) for n in range(1, 9)}
        missing = max(sid.values()) + 1000
        tap.ok(server.query("SELECT count(*) FROM pg_constraint WHERE conname LIKE '%subject_id_fkey'"
                            " AND conrelid IN ('penalties'::regclass, 'licenses'::regclass, 'commitments'::regclass)")
               == ["0"], "the records have no foreign key on subject_id: a trigger a statement checks it")

        # An import of records of subjects 1 and 2.
        csv = HEADER + "".join("%s,海南测试贸易有限公司,琼市监罚〔2025〕S-%d号,海口市市场监督管理局,2025-03-%02d,罚款,%d.50,"
                               "2028-03-01\n" % (hts.make_uscc(1 + i % 2), i, 1 + i, 10 + i) for i in range(6))
        r = server.request("POST", "/imports?kind=penalty&item=11", token=admin, body=csv.encode("utf-8"),
                           content_type="text/csv")
        tap.ok(r.status == 201 and r.json["accepted"] == 6, "the import writes its 6 records", r)
        tap.ok(server.query("SELECT count(*) FROM penalties WHERE subject_id IN (%d, %d)" % (sid[1], sid[2]))
               == ["6"], "with their subjects")
        tap.ok(server.query("SELECT count(*) FROM record_numbers n JOIN penalties p ON p.id = n.record_id"
                            " AND p.decision_no = n.number WHERE n.kind = 'penalties'") == ["6"],
               "and their numbers in record_numbers")
        tap.ok(refused_as_foreign_key(psql(server, "DELETE FROM subjects WHERE id = %d" % sid[1])),
               "a subject with imported records is not deleted")
        tap.ok(refused_as_foreign_key(psql(server, "UPDATE subjects SET id = %d WHERE id = %d" % (missing, sid[2]))),
               "nor renumbered")

        # Other writers: SQL.
        for table, sql in RECORD.items():
            tap.ok(refused_as_foreign_key(psql(server, sql.format(uscc=hts.make_uscc(99), sid=missing, no="X-" + table))),
                   "%s: an insert of a record of a subject that does not exist is refused" % table)
            ok, err = psql(server, sql.format(uscc=hts.make_uscc(3), sid=sid[3], no="Y-" + table))
            tap.ok(ok, "%s: an insert of a record of a subject that exists is not" % table, err)
            ok, err = psql(server, sql.format(uscc=hts.make_uscc(99), sid="NULL", no="Z-" + table))
            tap.ok(ok, "%s: nor one of no subject" % table, err)
            tap.ok(refused_as_foreign_key(psql(server, "UPDATE %s SET subject_id = %d WHERE subject_id = %d"
                                               % (table, missing, sid[3]))),
                   "%s: an update to a subject that does not exist is refused" % table)
            two = (sql.format(uscc=hts.make_uscc(3), sid=sid[3], no="W-" + table) + ", ("
                   + sql.format(uscc=hts.make_uscc(99), sid=missing, no="V-" + table).split(" VALUES (", 1)[1])
            tap.ok(refused_as_foreign_key(psql(server, two)),
                   "%s: a statement of two records, one of a subject that does not exist, is refused" % table)
            rr = "BEGIN ISOLATION LEVEL REPEATABLE READ; %s; COMMIT"
            tap.ok(refused_as_foreign_key(psql(server, rr % sql.format(uscc=hts.make_uscc(99), sid=missing, no="U-" + table))),
                   "%s: in REPEATABLE READ too (the subjects locked instead)" % table)
            ok, err = psql(server, rr % sql.format(uscc=hts.make_uscc(3), sid=sid[3], no="T-" + table))
            tap.ok(ok, "%s: where a record of a subject that exists is written" % table, err)
            tap.ok(server.query("SELECT count(*) FROM record_numbers WHERE kind = '%s' AND number LIKE '_-%s'"
                                % (table, table)) == ["3"],
                   "%s: record_numbers has the three written numbers, not the refused ones" % table)
        tap.ok(refused_as_foreign_key(psql(server, "DELETE FROM subjects WHERE id = %d" % sid[3])),
               "a subject with records written through SQL is not deleted")
        ok, err = psql(server, "UPDATE subjects SET grade = 'B' WHERE id = %d" % sid[3])
        tap.ok(ok, "a change of another column of it is not refused", err)
        ok, err = psql(server, "DELETE FROM subjects WHERE id = %d" % sid[4])
        tap.ok(ok and server.query("SELECT count(*) FROM subjects WHERE id = %d" % sid[4]) == ["0"],
               "a subject without records is deleted", err)
        ok, err = psql(server, "BEGIN ISOLATION LEVEL REPEATABLE READ; DELETE FROM subjects WHERE id = %d; COMMIT"
                       % sid[5])
        tap.ok(not ok and server.query("SELECT count(*) FROM subjects WHERE id = %d" % sid[5]) == ["1"],
               "but not in REPEATABLE READ, whose check could miss records committed meanwhile", err)

        # An import whose subject is deleted meanwhile: the delete, not yet
        # committed, leaves the subject visible to the import's check; the
        # import's write waits for it and then fails, leaving nothing.
        deleter = Session(server, "hc-deleter")
        deleter.send("BEGIN; DELETE FROM subjects WHERE id = %d;" % sid[6])
        deleter.wait_idle_in_transaction()
        csv = HEADER + "%s,海南测试贸易有限公司,琼市监罚〔2025〕D-1号,海口市市场监督管理局,2025-03-05,罚款,5.50,2028-03-01\n" % hts.make_uscc(6)
        importer, answer = hts.in_thread(lambda: server.request(
            "POST", "/imports?kind=penalty&item=11", token=admin, body=csv.encode("utf-8"), content_type="text/csv"))
        hts.wait_until(lambda: waiting_for_lock(server), "the import waiting for the delete")
        deleter.send("COMMIT;")
        ok, err = deleter.finish()
        importer.join(timeout=120)
        tap.ok(ok, "the delete of a subject without records, committed, succeeds", err)
        tap.ok(answer.get("r") is not None and answer["r"].status == 503 and answer["r"].json["error"]["code"] == "busy",
               "the import whose subject went meanwhile fails as busy (to be tried again)", answer.get("r"))
        tap.ok(server.query("SELECT count(*) FROM penalties WHERE decision_no LIKE '%D-1号'") == ["0"]
               and server.query("SELECT count(*) FROM record_numbers WHERE number LIKE '%D-1号'") == ["0"]
               and server.query("SELECT count(*) FROM penalties WHERE subject_id = %d" % sid[6]) == ["0"],
               "and writes nothing")

        # A delete of a subject whose record another transaction is
        # writing: it waits for that transaction, then sees the record.
        writer = Session(server, "hc-writer")
        writer.send("BEGIN; " + RECORD["penalties"].format(uscc=hts.make_uscc(7), sid=sid[7], no="R-1") + ";")
        writer.wait_idle_in_transaction()
        deleting, result = hts.in_thread(
            lambda: psql(server, "DELETE FROM subjects WHERE id = %d" % sid[7], app="hc-deleting"))
        hts.wait_until(lambda: waiting_for_lock(server), "the delete waiting for the writer")
        writer.send("COMMIT;")
        ok, err = writer.finish()
        deleting.join(timeout=120)
        tap.ok(ok, "the record's insert commits", err)
        tap.ok(refused_as_foreign_key(result.get("r", (True, ""))), "the delete waiting for it is refused",
               result.get("r"))
        tap.ok(server.query("SELECT count(*) FROM subjects WHERE id = %d" % sid[7]) == ["1"]
               and server.query("SELECT count(*) FROM penalties WHERE subject_id = %d" % sid[7]) == ["1"],
               "the subject and its record are there")

    # migrate copies with the user triggers off (the check of subject_id
    # among them) and then refuses a copy with a record of a subject that
    # is not there, as the foreign key did: a small SQLite database, once
    # as it is and once with an orphan (SQLite's foreign keys are off in a
    # connection unless turned on).
    with hts.Server(demo=False, sqlite=True) as source:
        source.token("admin")
        source.execute("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at) VALUES"
                       " ('%s', '海南测试贸易有限公司', 'legal_person', '460100', '2025-01-01T00:00:00Z',"
                       " '2025-01-01T00:00:00Z')" % hts.make_uscc(1))
        source.execute("INSERT INTO penalties (uscc, subject_id, name, decision_no, authority, decided_on, category,"
                       " amount, item_id, import_id) SELECT identifier, id, name, 'M-1', '海口市市场监督管理局',"
                       " '2025-03-02', '罚款', 100, 11, 0 FROM subjects")
        db = source.db_path
        results = []
        for name, sql in (("hc_migrate_ok", None),
                          ("hc_migrate_orphan", "UPDATE penalties SET subject_id = subject_id + 1000")):
            if sql is not None:
                source.execute(sql)
            subprocess.run(["createdb", name], check=True)
            r = subprocess.run([hts.server_path(), "migrate", "--from", db, "--to", "postgresql:///" + name],
                               capture_output=True, text=True, env=dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8"),
                               timeout=300)
            tables = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-d", name, "-c",
                                     "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"],
                                    capture_output=True, text=True).stdout.strip()
            results.append((r, tables))
        (ok_run, _), (orphan_run, orphan_tables) = results
        tap.ok(ok_run.returncode == 0, "migrate copies a record with its subject", ok_run.stdout + ok_run.stderr)
        tap.ok(orphan_run.returncode == 1 and "a subject that is not there" in orphan_run.stderr
               and orphan_tables == "0",
               "and refuses a copy with a record of a subject that is not there, leaving nothing",
               orphan_run.stdout + orphan_run.stderr)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
