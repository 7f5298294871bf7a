# SPDX-License-Identifier: GPL-3.0-or-later
# For the Python tests of PostgreSQL's replication (issue 15, under
# hc-pg-run.sh): a streaming standby of the test's cluster (pg_basebackup
# -R, a postgres of its own on another port), which a test may pause,
# restart, or promote; and the test's cluster itself as a primary that a
# test may make wait for the standby (synchronous replication) or stop
# hard, as a machine going away.
import os
import shutil
import subprocess
import sys
import tempfile

import hc_test_server as hts
from hc_test_server import free_port, wait_until


def host():
    return os.environ.get("PGHOST", "localhost")


def post_department(server, token, code, label):
    """Creates the department @code, named @label followed by @code: the
    write these tests count (acknowledged or refused) across a failover."""
    return server.request("POST", "/departments", token=token,
                          body={"code": code, "name": label + code, "level": "provincial"})


def departments(server, token):
    """The departments' codes @token reads through @server, or the answer
    when not 200."""
    r = server.request("GET", "/departments", token=token)
    return {d["code"] for d in r.json["items"]} if r.status == 200 else r


def post_departments(server, token, prefix, count, label, acked):
    """Creates the departments @prefix00, @prefix01 … (@count of them) one
    after the other: their answers' statuses; the codes of those
    acknowledged (201) are added to @acked."""
    answers = []
    for i in range(count):
        code = "%s%02d" % (prefix, i)
        r = post_department(server, token, code, label)
        answers.append(r.status)
        if r.status == 201:
            acked.add(code)
    return answers


def reads_own_writes(server, token, prefix, label, acked=None, count=3):
    """Creates the departments @prefix00, @prefix01 … (@count of them)
    through @server, each read back at once with the same @token: the
    failures (each write not answered 201 or not in the read that
    followed it, with what was answered). The acknowledged codes are
    added to @acked when given."""
    failures = []
    for i in range(count):
        code = "%s%02d" % (prefix, i)
        r = post_department(server, token, code, label)
        if r.status == 201 and acked is not None:
            acked.add(code)
        seen = departments(server, token) if r.status == 201 else None
        if not isinstance(seen, set) or code not in seen:
            failures.append((code, r if seen is None else seen if not isinstance(seen, set) else "not read"))
    return failures


def one_worker_server(database, wait_seconds):
    """A server on @database, a new database of the test's cluster reached
    over TCP, with one worker (a dropped connection is the one that serves
    again; requests wait their turn, none beside another) whose statements
    wait at most @wait_seconds (HNCREDIT_DB_TIMEOUT)."""
    subprocess.run(["createdb", database], check=True)
    uri = "postgresql://%s:%s/%s?connect_timeout=2" % (host(), os.environ["PGPORT"], database)
    return hts.Server(pg_database=database, pg_uri=uri, extra_args=("--threads", "1"),
                      env={"HNCREDIT_DB_TIMEOUT": str(wait_seconds)})


def replicated_database(primary, standby, database):
    """@database made on @primary and waited for on @standby: the URI that
    names both and asks for the writable one (connect_timeout 10), and the
    standby's own."""
    subprocess.run(["createdb", database], check=True)
    read_uri = "postgresql://%s:%d/%s" % (host(), standby.port, database)
    hts.wait_for_database(read_uri)
    uri = "postgresql://%s:%d,%s:%d/%s?target_session_attrs=read-write&connect_timeout=10" % (
        host(), primary.port, host(), standby.port, database)
    return uri, read_uri


def bindir():
    return subprocess.run([os.environ.get("PG_CONFIG", "pg_config"), "--bindir"], check=True,
                          capture_output=True, text=True).stdout.strip()


def as_owner():
    """The prefix that runs a command as the clusters' owner (postgres)
    when the test runs as root."""
    return ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []


def psql(sql, port=None, database="postgres"):
    """@sql on the cluster of PGHOST/PGPORT, or on the postgres of @port;
    its rows, each a line of its columns joined by |."""
    uri = "postgresql://%s:%d/%s" % (host(), port if port is not None else int(os.environ["PGPORT"]), database)
    return subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", uri, "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def apply_setting(name, value=None):
    """ALTER SYSTEM SET @name to @value (RESET when None) on the test's
    cluster, and waits until every process has it: pg_reload_conf() only
    signals the postmaster. A new session showing the value tells that the
    postmaster has read the file again and signalled its processes; the
    CHECKPOINT that follows ends only after the checkpointer has taken its
    signal (it reads the file again before a checkpoint asked of it), and
    the checkpointer is what makes synchronous_standby_names hold for
    commits: with the reload alone a commit just after it may not wait
    (the CI once saw a write meant to wait acknowledged at once)."""
    if value is None:
        psql("ALTER SYSTEM RESET %s" % name)
    else:
        psql("ALTER SYSTEM SET %s = '%s'" % (name, value))
    psql("SELECT pg_reload_conf()")
    wait_until(lambda: psql("SELECT current_setting ('%s')" % name) == (value or ""), "%s in force" % name)
    psql("CHECKPOINT")


class Primary:
    """The test's cluster (PGHOST/PGPORT) seen as the primary of a
    standby."""

    def __init__(self):
        self.port = int(os.environ["PGPORT"])
        self.data = psql("SHOW data_directory")
        self.cluster = psql("SHOW cluster_name").split("/")   # Debian's: 15/regress

    def synchronous(self):
        """Every commit waits until a standby has it too (as Patroni's
        synchronous_mode): an acknowledged write survives the primary."""
        apply_setting("synchronous_standby_names", "*")
        wait_until(lambda: psql("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'") == "1",
                   "a synchronous standby")

    def stop_hard(self):
        """Stopped at once (immediate: no checkpoint, every backend killed,
        as a machine that goes away, except that its connections are
        closed rather than left to time out)."""
        subprocess.run(as_owner() + [os.path.join(bindir(), "pg_ctl"), "-D", self.data, "-m", "immediate",
                                     "-w", "stop"], check=True, stdout=sys.stderr)

    def start(self):
        """Started again after stop_hard(): crash recovery replays its WAL,
        the transactions it had committed are there."""
        subprocess.run(["pg_ctlcluster"] + self.cluster + ["start"], check=True, stdout=sys.stderr)


class Standby:
    """A streaming standby of the cluster of PGHOST/PGPORT, started by its
    own postgres (as the cluster's owner, postgres, when run as root)."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="hncredit-standby-")
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.pg_ctl = os.path.join(bindir(), "pg_ctl")
        # -R: standby.signal and primary_conninfo (with the password of PGPASSWORD)
        self.run([os.path.join(bindir(), "pg_basebackup"), "-D", self.data, "-R", "-X", "stream",
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
        # The primary's own settings (postgresql.auto.conf) are not the
        # standby's: once promoted it waits for no standby of its own.
        with open(os.path.join(self.data, "postgresql.auto.conf"), "a") as f:
            f.write("synchronous_standby_names = ''\n")
        self.run([self.pg_ctl, "-D", self.data, "-l", os.path.join(self.dir, "log"), "-w", "-t", "120", "start"])
        self.uri = "postgresql://%s:%d/postgres" % (host(), self.port)
        hts.wait_for_database(self.uri)

    def run(self, argv):
        subprocess.run(as_owner() + argv, check=True, stdout=sys.stderr, cwd=self.dir)

    def query(self, sql, database="postgres"):
        return psql(sql, self.port, database)

    def pause(self):
        self.query("SELECT pg_wal_replay_pause()")
        wait_until(lambda: self.query("SELECT pg_get_wal_replay_pause_state()") == "paused", "replay paused")

    def resume(self):
        self.query("SELECT pg_wal_replay_resume()")

    def catch_up(self):
        """Until the standby has replayed all the primary had written."""
        lsn = psql("SELECT pg_current_wal_lsn()")
        wait_until(lambda: self.query("SELECT pg_last_wal_replay_lsn() >= '%s'::pg_lsn" % lsn) == "t",
                   "the standby replays up to %s" % lsn)

    def stop(self):
        self.run([self.pg_ctl, "-D", self.data, "-m", "fast", "-w", "-t", "120", "stop"])

    def start(self):
        self.run([self.pg_ctl, "-D", self.data, "-l", os.path.join(self.dir, "log"), "-w", "-t", "120", "start"])

    def restart(self):
        self.run([self.pg_ctl, "-D", self.data, "-l", os.path.join(self.dir, "log"), "-m", "fast", "-w", "-t", "120",
                  "restart"])

    def promote(self):
        """The standby becomes the primary (what Patroni does on failover)."""
        self.run([self.pg_ctl, "-D", self.data, "-w", "-t", "120", "promote"])

    def close(self):
        try:
            self.run([self.pg_ctl, "-D", self.data, "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
