#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# `hncredit-server migrate --from credit.db --to postgresql://…` (issue 15),
# in a throwaway PostgreSQL cluster (tests/hc-pg-run.sh): the demo database,
# made by the real server, copied into PostgreSQL; every table's rows
# counted again on both sides here (Python's sqlite3, psql), not only by
# migrate's own check; the month partitions; the triggers and identity
# sequences working after the copy (the bigram index of a new name equal to
# SQLite's); a second run refused with nothing changed; a bad URI, an
# unreachable server, an old source and a value PostgreSQL refuses each
# give a clear message and exit code, and leave the target as it was.
# Then `check` of the copy (schema version, counts, roll-ups), a roll-up
# made to disagree, and `backup`/`restore`, which over PostgreSQL refuse
# and name PostgreSQL's own tools.
import os
import shutil
import sqlite3
import subprocess
import tempfile

import hc_test_server as hts

SERVER = hts.server_path()


def pg_uri(dbname):
    return "postgresql://%s@%s:%s/%s" % (os.environ["PGUSER"], os.environ["PGHOST"],
                                         os.environ["PGPORT"], dbname)


def psql(dbname, sql):
    r = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname, "-c", sql],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError("psql %s: %s" % (sql, r.stderr))
    return r.stdout.strip()


def createdb(name):
    subprocess.run(["createdb", name], check=True)


def migrate(*args):
    return command("migrate", *args)


def command(name, *args):
    env = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
    return subprocess.run([SERVER, name] + list(args), capture_output=True, text=True, env=env,
                          timeout=600)


def sqlite_tables(conn):
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        " ORDER BY name")]


def pg_table_count(dbname):
    return int(psql(dbname, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))


def main():
    tap = hts.Tap()
    work = tempfile.mkdtemp(prefix="hncredit-pg-")
    demo = os.path.join(work, "demo.db")
    hts.copy_demo_db(demo)   # the build's seeded demo database, seeded once per build

    conn = sqlite3.connect(demo)
    tables = sqlite_tables(conn)
    version = conn.execute("PRAGMA user_version").fetchone()[0]

    # -- the copy
    createdb("hc1")
    r = migrate("--from", demo, "--to", pg_uri("hc1"))
    tap.ok(r.returncode == 0, "migrate of the demo database exits 0", r.stdout + r.stderr)
    lines = [l.split() for l in r.stdout.splitlines()]
    verdicts = {l[0]: l[-1] for l in lines if l and l[0] in tables}
    tap.ok(sorted(verdicts) == tables and all(v == "match" for v in verdicts.values()),
           "migrate prints a matching row for each of the %d tables" % len(tables), r.stdout)

    counts_differ = []
    for t in tables:
        (n,) = conn.execute('SELECT count(*) FROM "%s"' % t).fetchone()
        m = int(psql("hc1", 'SELECT count(*) FROM "%s"' % t))
        if n != m:
            counts_differ.append("%s: SQLite %d, PostgreSQL %d" % (t, n, m))
    tap.ok(not counts_differ, "every table has as many rows in PostgreSQL as in SQLite",
           "\n".join(counts_differ))
    (n_subjects,) = conn.execute("SELECT count(*) FROM subjects").fetchone()
    (n_audit,) = conn.execute("SELECT count(*) FROM audit").fetchone()
    (n_events,) = conn.execute("SELECT count(*) FROM risk_events").fetchone()
    tap.ok(n_subjects > 100 and n_audit > 0 and n_events > 100,
           "the demo database has subjects, audit rows and risk events to copy",
           (n_subjects, n_audit, n_events))

    # the same values, not only as many: a sample compared column by column
    sample = conn.execute("SELECT id, identifier, name, region, grade FROM subjects ORDER BY id LIMIT 50").fetchall()
    got = [tuple(l.split("|")) for l in psql(
        "hc1", "SELECT id, identifier, name, region, coalesce (grade, '') FROM subjects ORDER BY id LIMIT 50").splitlines()]
    want = [(str(a), b, c, d, e or "") for a, b, c, d, e in sample]
    tap.ok(got == want, "the first 50 subjects read the same from PostgreSQL", (got[:3], want[:3]))

    (amount_sum,) = conn.execute("SELECT total (amount) FROM penalties").fetchone()
    pg_amount_sum = float(psql("hc1", "SELECT coalesce (sum (amount), 0) FROM penalties"))
    tap.ok(abs(amount_sum - pg_amount_sum) < 1e-6 * max(1.0, abs(amount_sum)),
           "the penalties' amounts (REAL) add up alike", (amount_sum, pg_amount_sum))

    tap.ok(psql("hc1", "SELECT version FROM hc_schema_version") == str(version),
           "the PostgreSQL database has the SQLite database's schema version %d" % version)

    # the big tables are partitioned by month: a partition for each month
    # their rows have, and none left in the default partition
    for table, key in (("risk_events", "month"), ("audit", "at"), ("penalties", "decided_on"),
                       ("licenses", "decided_on"), ("commitments", "committed_on")):
        months = [r[0] for r in conn.execute("SELECT DISTINCT substr (%s, 1, 7) FROM %s" % (key, table))]
        partitions = psql("hc1", "SELECT count(*) FROM pg_inherits WHERE inhparent = '%s'::regclass" % table)
        in_default = psql("hc1", "SELECT count(*) FROM %s_default" % table)
        tap.ok(len(months) > 0 and int(partitions) == len(months) + 1 and in_default == "0",
               "%s has a partition for each of its %d months (and an empty default one)" % (table, len(months)),
               (partitions, in_default))

    # a 文书号 stays unique across the month partitions, and a repair's
    # penalty is checked as by a foreign key
    n_records = sum(conn.execute("SELECT count(*) FROM %s" % t).fetchone()[0]
                    for t in ("penalties", "licenses", "commitments"))
    tap.ok(psql("hc1", "SELECT count(*) FROM record_numbers") == str(n_records),
           "record_numbers holds the number of each of the %d copied records" % n_records)
    (decision_no, decided_on) = conn.execute("SELECT decision_no, decided_on FROM penalties LIMIT 1").fetchone()
    other_month = "2001-01-01" if not decided_on.startswith("2001-01") else "2002-01-01"
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "hc1", "-c",
                        "INSERT INTO penalties (uscc, name, decision_no, authority, decided_on, category,"
                        " item_id, import_id) SELECT uscc, name, decision_no, authority, '%s', category,"
                        " item_id, import_id FROM penalties WHERE decision_no = '%s'" % (other_month, decision_no)],
                       capture_output=True, text=True)
    tap.ok(r.returncode != 0 and "record_numbers_pkey" in r.stderr,
           "a penalty with a 文书号 already there is refused, whatever its month", r.stderr)
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "hc1", "-c",
                        "UPDATE repairs SET penalty_id = 999999999 WHERE id = (SELECT min(id) FROM repairs)"],
                       capture_output=True, text=True)
    tap.ok(r.returncode != 0 and "FOREIGN KEY" in r.stderr, "a repair cannot name a penalty that is not there",
           r.stderr)
    (repaired,) = conn.execute("SELECT min(penalty_id) FROM repairs").fetchone()
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "hc1", "-c",
                        "DELETE FROM penalties WHERE id = %d" % (repaired or 0)], capture_output=True, text=True)
    tap.ok(repaired is not None and r.returncode != 0 and "FOREIGN KEY" in r.stderr,
           "a penalty a repair names cannot be deleted", (repaired, r.stderr))

    # identities continue after the copied ids
    (max_dept,) = conn.execute("SELECT max(id) FROM departments").fetchone()
    new_id = psql("hc1", "BEGIN; INSERT INTO departments (code, name, created_at)"
                         " VALUES ('pg-test', 'PG 测试单位', '2026-01-01T00:00:00Z') RETURNING id; ROLLBACK")
    tap.ok(new_id == str(max_dept + 1), "a new department takes the id after the copied ones",
           (new_id, max_dept))

    # the triggers are on again after the copy, and keep the roll-up and the
    # bigram index as SQLite's do
    row = conn.execute("SELECT month, region, category, events, severity_sum FROM risk_rollup"
                       " ORDER BY month, region, category LIMIT 1").fetchone()
    month, region, category, events, severity_sum = row
    after = psql("hc1", "BEGIN;"
                 " INSERT INTO risk_events (region, month, occurred_on, category, severity, title, created_by, created_at)"
                 " VALUES ('%s', '%s', '%s-15', '%s', 3, 't', 'test', '2026-01-01T00:00:00Z');"
                 " SELECT events || ' ' || severity_sum FROM risk_rollup"
                 "  WHERE month = '%s' AND region = '%s' AND category = '%s';"
                 " ROLLBACK" % (region, month, month, category, month, region, category))
    tap.ok(after == "%d %d" % (events + 1, severity_sum + 3),
           "a new risk event counts in the roll-up of its month", (after, events, severity_sum))

    # the subjects' counts (migration 21, issue 12) came with the copy and
    # agree with the subjects; the triggers keep them from then on
    disagreeing = ("SELECT count(*) FROM subject_counts c FULL JOIN"
                   " (SELECT type, region, status, coalesce (grade, '') AS grade, count(*) AS n FROM subjects"
                   "  GROUP BY 1, 2, 3, 4) s USING (type, region, status, grade)"
                   " WHERE coalesce (c.n, 0) <> coalesce (s.n, 0)")
    counted = psql("hc1", "SELECT (%s) || ' ' || (SELECT sum (n) FROM subject_counts)" % disagreeing)
    tap.ok(counted == "0 %d" % n_subjects, "the subjects' counts agree with the %d subjects copied" % n_subjects,
           counted)
    after = psql("hc1", "BEGIN;"
                 " INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                 " VALUES ('91460000PGCOUNT001', '计数', 'legal_person', '460100', 't', 't');"
                 " UPDATE subjects SET status = 'revoked', grade = 'C' WHERE id = (SELECT min (id) FROM subjects);"
                 " SELECT (%s) || ' ' || (SELECT sum (n) FROM subject_counts);"
                 " ROLLBACK" % disagreeing)
    tap.ok(after == "0 %d" % (n_subjects + 1), "a new subject and an edited one are counted after the copy", after)

    name = "海南椰风ABCab 椰风海韵旅游服务有限公司"
    subject = ("91460000PGTEST0001", name, "legal_person", "460100", "2026-01-01T00:00:00Z")
    conn.execute("BEGIN")
    cur = conn.execute("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?5)", subject)
    sqlite_grams = sorted(r[0] for r in conn.execute(
        "SELECT gram FROM subject_name_grams WHERE subject_id = ?", (cur.lastrowid,)))
    conn.execute("ROLLBACK")
    pg_grams = psql("hc1", "BEGIN;"
                    " WITH s AS (INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                    "  VALUES ('%s', '%s', '%s', '%s', '%s', '%s') RETURNING id)"
                    " SELECT 1 FROM s;"
                    " SELECT gram FROM subject_name_grams"
                    "  WHERE subject_id = (SELECT id FROM subjects WHERE identifier = '%s') ORDER BY 1;"
                    " ROLLBACK" % (subject + (subject[4], subject[0])))
    pg_grams = sorted(int(g) for g in pg_grams.splitlines()[1:])
    tap.ok(pg_grams == sqlite_grams and len(sqlite_grams) > 10,
           "a new subject's name has the same bigrams in PostgreSQL as in SQLite",
           (pg_grams[:5], sqlite_grams[:5]))

    # -- a second run is refused and changes nothing
    r = migrate("--from", demo, "--to", pg_uri("hc1"))
    tap.ok(r.returncode == 1 and "already holds an hncredit database" in r.stderr,
           "a second migrate into the same database is refused (exit 1)", r.stdout + r.stderr)
    tap.ok(int(psql("hc1", "SELECT count(*) FROM subjects")) == n_subjects
           and int(psql("hc1", "SELECT count(*) FROM audit")) == n_audit,
           "the refused run left the copied rows as they were")

    # -- check, backup and restore over PostgreSQL
    r = command("check", "--db", pg_uri("hc1"))
    tap.ok(r.returncode == 0 and r.stdout.strip() == "ok"
           and ("schema version %d" % version) in r.stderr and ("%d subjects" % n_subjects) in r.stderr,
           "check of the copy: ok, with its schema version and counts", r.stdout + r.stderr)
    psql("hc1", "UPDATE risk_rollup SET events = events + 1 WHERE (month, region, category) ="
                " (SELECT month, region, category FROM risk_rollup ORDER BY 1, 2, 3 LIMIT 1)")
    r = command("check", "--db", pg_uri("hc1"))
    tap.ok(r.returncode == 1 and "risk_rollup" in r.stdout and "1 rows differ" in r.stdout
           and "record_numbers" not in r.stdout,
           "check names a roll-up that disagrees with its table (exit 1)", r.stdout + r.stderr)
    psql("hc1", "UPDATE risk_rollup SET events = events - 1 WHERE (month, region, category) ="
                " (SELECT month, region, category FROM risk_rollup ORDER BY 1, 2, 3 LIMIT 1)")
    createdb("hc_empty")
    r = command("check", "--db", pg_uri("hc_empty"))
    tap.ok(r.returncode == 1 and "no hncredit schema" in r.stdout, "check of an empty database says so (exit 1)",
           r.stdout + r.stderr)
    out = os.path.join(work, "backup.db")
    r = command("backup", "--db", pg_uri("hc1"), out)
    tap.ok(r.returncode == 1 and "pg_dump" in r.stderr and "pg_basebackup" in r.stderr
           and os.environ["PGHOST"] not in r.stderr and not os.path.exists(out),
           "backup of a PostgreSQL database names pg_dump and pg_basebackup, writes nothing (exit 1)", r.stderr)
    r = command("restore", "--db", pg_uri("hc1"), demo)
    tap.ok(r.returncode == 1 and "pg_restore" in r.stderr
           and int(psql("hc1", "SELECT count(*) FROM subjects")) == n_subjects,
           "restore into a PostgreSQL database names pg_restore, changes nothing (exit 1)", r.stderr)

    # -- wrong arguments and unreachable servers
    r = migrate("--from", demo, "--to", "mysql://root@localhost/hc")
    tap.ok(r.returncode == 2 and "postgresql://" in r.stderr and "mysql" not in r.stderr,
           "a URI that is not PostgreSQL's is refused (exit 2) without echoing it", r.stderr)
    r = migrate("--from", demo)
    tap.ok(r.returncode == 2 and "--to" in r.stderr, "migrate without --to says what to give (exit 2)", r.stderr)
    r = migrate("--from", os.path.join(work, "missing.db"), "--to", pg_uri("hc1"))
    tap.ok(r.returncode == 1 and "There is no database at" in r.stderr,
           "a missing SQLite file is refused (exit 1)", r.stderr)
    r = migrate("--from", demo, "--to", "postgresql://%s@127.0.0.1:1/hc9" % os.environ["PGUSER"])
    tap.ok(r.returncode == 1 and "cannot reach the PostgreSQL database" in r.stderr,
           "an unreachable server gives a clear message (exit 1)", r.stderr)
    r = migrate("--from", demo, "--to", pg_uri("no_such_database"))
    tap.ok(r.returncode == 1 and "no_such_database" in r.stderr and "cannot reach" in r.stderr,
           "a database that does not exist is named in the message (exit 1)", r.stderr)

    # -- an old source is refused, and neither side is touched
    old = os.path.join(work, "old.db")
    shutil.copy(demo, old)
    c = sqlite3.connect(old)
    c.execute("PRAGMA user_version = 7")
    c.close()
    createdb("hc2")
    r = migrate("--from", old, "--to", pg_uri("hc2"))
    c = sqlite3.connect(old)
    (old_version,) = c.execute("PRAGMA user_version").fetchone()
    c.close()
    tap.ok(r.returncode == 1 and "older than this server" in r.stderr and old_version == 7
           and pg_table_count("hc2") == 0,
           "a source of an older schema is refused, and neither database changes", r.stderr)

    # -- a value PostgreSQL refuses: the whole copy is rolled back
    bad = os.path.join(work, "bad.db")
    shutil.copy(demo, bad)
    c = sqlite3.connect(bad)
    c.execute("UPDATE subjects SET version = 'x' WHERE id = (SELECT max(id) FROM subjects)")
    c.commit()
    c.close()
    createdb("hc3")
    r = migrate("--from", bad, "--to", pg_uri("hc3"))
    tap.ok(r.returncode == 1 and "rolled back" in r.stderr and "subjects" in r.stderr,
           "a value PostgreSQL refuses stops the copy with the table named (exit 1)", r.stderr)
    tap.ok(pg_table_count("hc3") == 0, "the failed copy left the target without a table")

    conn.close()
    shutil.rmtree(work, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    raise SystemExit(main())
