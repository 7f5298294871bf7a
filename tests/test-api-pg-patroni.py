#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The Patroni example (deploy/patroni/pg1.yml, issue 15) run on this machine
# under a hncredit-server through a failover (suite api-pg-full; not under
# hc-pg-run.sh: it makes its own PostgreSQL). A one-node etcd on 127.0.0.1
# (free ports, its data in a temporary directory) and two Patroni members
# that run the example file itself — a verbatim copy readable by the
# postgres user — with only what must differ for two members on one machine
# given through Patroni's PATRONI_* variables (name, REST and PostgreSQL
# addresses, data directory, pgpass, bin_dir, etcd's address). The DCS
# section is the example's, written to etcd before the members start (as
# `patronictl edit-config` would) with a short ttl/loop_wait/retry_timeout
# and a small shared_buffers: synchronous_mode, slots and pg_rewind as the
# example has them. Run as root (CI), Patroni and its PostgreSQL run as the
# postgres user. Checked: a leader and a synchronous standby; a server on
# the multi-host URI of both (target_session_attrs=read-write, the
# example's) has its writes acknowledged; `patronictl -c pg1.yml list` and
# a switchover (the gentle way), after which the same server writes to the
# new leader and the old one is its synchronous standby; with the leader's WAL sender
# stopped, a write waits in its commit instead of being acknowledged
# (synchronous_mode's promise: an asynchronous example fails here and loses
# that write below), and answers 503 commit_unknown when the leader is
# killed hard (SIGKILL to its Patroni and every process of its postgres); Patroni
# promotes the other member; the same running server takes writes again
# (the time is printed, not asserted), meanwhile answering 503, never
# another error; every acknowledged write is on the new leader, with its
# audit entry, and none refused; a second server whose URI names only the
# old leader does not write again (what the multi-host URI is for); the old
# leader started again rejoins as a synchronous replica (pg_rewind) with
# every acknowledged write. Every process (etcd, Patroni, postgres) is
# killed at the end, whatever failed. SKIPs when patroni or etcd is not
# installed (`tools/test --suite api-pg-full` installs them).
import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

import hc_test_server as hts
from hc_pg_standby import departments, post_department, post_departments, reads_own_writes
from hc_test_server import free_port, wait_until

SOURCE = os.environ.get("HC_SOURCE_ROOT", os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
EXAMPLE = os.path.join(SOURCE, "deploy", "patroni", "pg1.yml")
LABEL = "帕特罗尼测试单位"  # the departments' names
PASSWORD = "hncredit-test-pw"  # the hncredit role's, in the server's pgpass file
# The DCS section's values the test changes: a leader that vanishes is
# replaced after about ttl seconds (production: 30/10/10, the example's);
# two members' shared_buffers on one test machine.
DCS_TEST = {"ttl": 10, "loop_wait": 2, "retry_timeout": 4}
PARAMETERS_TEST = {"shared_buffers": "128MB", "effective_cache_size": "512MB", "maintenance_work_mem": "64MB"}


def skip(reason):
    print("1..0 # SKIP %s" % reason)
    return 0


def http_json(url, body=None, timeout=5):
    """The JSON answer of a GET (or a POST of @body) to @url, or None when
    it does not answer 200."""
    data = json.dumps(body).encode() if body is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=timeout) as r:
            return json.loads(r.read().decode() or "null")
    except (OSError, ValueError, urllib.error.HTTPError):
        return None


def b64(text):
    return base64.b64encode(text.encode()).decode()


class Cluster:
    """etcd and the Patroni members in one temporary directory; close()
    kills every process whose command line names that directory, and the
    process group of each (a postmaster's backends are in its group)."""

    def __init__(self, example, pg_bindir):
        self.dir = tempfile.mkdtemp(prefix="hncredit-patroni-")
        self.as_postgres = os.getuid() == 0
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        # The example itself, byte for byte, where the postgres user reads it.
        self.config = os.path.join(self.dir, "pg1.yml")
        shutil.copyfile(example, self.config)
        os.chmod(self.config, 0o644)
        with open(example, "rb") as a, open(self.config, "rb") as b:
            assert a.read() == b.read()
        self.bindir = pg_bindir
        self.etcd = None
        self.members = {}
        self.log_files = []

    def spawn(self, argv, log, env=None, postgres=False):
        out = open(os.path.join(self.dir, log), "ab")
        self.log_files.append(out)
        kwargs = {}
        if postgres and self.as_postgres:
            kwargs = {"user": "postgres", "group": "postgres", "extra_groups": []}
        return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                env=env, cwd=self.dir, start_new_session=True, **kwargs)

    def start_etcd(self):
        client, peer = free_port(), free_port()
        self.etcd_url = "http://127.0.0.1:%d" % client
        data = os.path.join(self.dir, "etcd")
        self.etcd = self.spawn(["etcd", "--name", "hc-etcd", "--data-dir", data,
                                "--listen-client-urls", self.etcd_url, "--advertise-client-urls", self.etcd_url,
                                "--listen-peer-urls", "http://127.0.0.1:%d" % peer,
                                "--initial-advertise-peer-urls", "http://127.0.0.1:%d" % peer,
                                "--initial-cluster", "hc-etcd=http://127.0.0.1:%d" % peer,
                                "--initial-cluster-state", "new"], "etcd.log")
        self.etcd_port = client
        wait_until(lambda: (http_json(self.etcd_url + "/health") or {}).get("health") == "true", "etcd answers")

    def put_dcs(self, key, value):
        """@value under @key in etcd (its v3 JSON gateway)."""
        r = http_json(self.etcd_url + "/v3/kv/put", {"key": b64(key), "value": b64(value)})
        assert r is not None, "etcd refused the put of %s" % key

    def member_env(self, name):
        m = self.members[name]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "PATRONI_"))}
        env.update({
            "HOME": m["dir"],
            "PATRONI_NAME": name,
            "PATRONI_RESTAPI_LISTEN": "127.0.0.1:%d" % m["rest"],
            "PATRONI_RESTAPI_CONNECT_ADDRESS": "127.0.0.1:%d" % m["rest"],
            "PATRONI_POSTGRESQL_LISTEN": "127.0.0.1:%d" % m["port"],
            "PATRONI_POSTGRESQL_CONNECT_ADDRESS": "127.0.0.1:%d" % m["port"],
            "PATRONI_POSTGRESQL_DATA_DIR": m["data"],
            "PATRONI_POSTGRESQL_PGPASS": os.path.join(m["dir"], "pgpass"),
            "PATRONI_POSTGRESQL_BIN_DIR": self.bindir,
            "PATRONI_ETCD3_HOSTS": "127.0.0.1:%d" % self.etcd_port,
        })
        return env

    def ctl_env(self):
        """patronictl's environment: the example's file, etcd's address."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "PATRONI_"))}
        env["PATRONI_ETCD3_HOSTS"] = "127.0.0.1:%d" % self.etcd_port
        return env

    def add_member(self, name):
        d = os.path.join(self.dir, name)
        os.mkdir(d)
        if self.as_postgres:
            shutil.chown(d, "postgres", "postgres")
        self.members[name] = {"dir": d, "data": os.path.join(d, "data"), "rest": free_port(), "port": free_port(),
                              "patroni": None}

    def start_member(self, name):
        m = self.members[name]
        m["patroni"] = self.spawn(["patroni", self.config], name + ".log", env=self.member_env(name), postgres=True)

    def rest(self, name, path):
        return http_json("http://127.0.0.1:%d%s" % (self.members[name]["rest"], path))

    def roles(self, name):
        """{member: (role, state)} as @name's REST API sees the cluster."""
        c = self.rest(name, "/cluster") or {}
        return {m["name"]: (m.get("role"), m.get("state")) for m in c.get("members", [])}

    def postmaster(self, name):
        try:
            with open(os.path.join(self.members[name]["data"], "postmaster.pid")) as f:
                return int(f.readline())
        except (OSError, ValueError):
            return None

    def kill_hard(self, name):
        """SIGKILL to the member's Patroni and to every process of its
        postgres at once (the postmaster's children are each in a session
        of their own: a signal to its group misses them): a machine going
        away, except that the kernel closes its connections."""
        m = self.members[name]
        postmaster = self.postmaster(name)
        victims = [postmaster] + children([postmaster]) if postmaster is not None else []
        os.killpg(m["patroni"].pid, signal.SIGKILL)
        for pid in victims:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        m["patroni"].wait()
        wait_until(lambda: not any(alive(pid) for pid in victims), "the killed postgres is gone", 30)

    def processes(self):
        """The pids whose command line names the temporary directory, and
        their children (a postmaster's)."""
        found = []
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open("/proc/%s/cmdline" % pid, "rb") as f:
                    if self.dir.encode() in f.read():
                        found.append(int(pid))
            except OSError:
                pass
        return [pid for pid in found + children(found) if alive(pid)]

    def close(self):
        mine = os.getpgrp()
        for _ in range(5):
            for pid in self.processes():
                try:
                    group = os.getpgid(pid)
                    if group != mine:
                        os.killpg(group, signal.SIGKILL)
                    os.kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            for p in [self.etcd] + [m["patroni"] for m in self.members.values()]:
                if p is not None:
                    try:
                        p.wait(5)
                    except subprocess.TimeoutExpired:
                        pass
            if not self.processes():
                break
            time.sleep(1)
        left = self.processes()
        for f in self.log_files:
            f.close()
        if left or os.environ.get("HC_PATRONI_KEEP_LOGS"):
            print("# left running: %r; logs in %s" % (left, self.dir))
        else:
            shutil.rmtree(self.dir, ignore_errors=True)
        return left

    def dump_logs(self):
        for name in ["etcd"] + list(self.members):
            path = os.path.join(self.dir, name + ".log")
            if os.path.exists(path):
                with open(path, errors="replace") as f:
                    lines = f.read().splitlines()[-25:]
                for line in lines:
                    print("# %s: %s" % (name, line))


def children(parents):
    """The pids whose parent is one of @parents."""
    found = []
    for pid in os.listdir("/proc"):
        try:
            with open("/proc/%s/stat" % pid) as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) in parents:
                    found.append(int(pid))
        except (OSError, ValueError, IndexError):
            pass
    return found


def alive(pid):
    """Whether @pid runs (a zombie, killed and not reaped, does not)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def psql(port, sql, database="postgres", user="postgres", password=None):
    """@sql over TCP on the member of @port; its rows joined by |, or None
    when it cannot connect or the statement fails."""
    env = dict(os.environ, PGPASSWORD=password or "", PGCONNECT_TIMEOUT="3")
    r = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(port),
                        "-U", user, "-d", database, "-c", sql], capture_output=True, text=True, env=env)
    return r.stdout.strip() if r.returncode == 0 else None


def write_until_acknowledged(server, token, prefix, since, acked, refused, unknown):
    """Writes departments @prefix000, @prefix001, … four times a second
    until one is acknowledged (180 s at most), each code put in @acked
    (201), @refused (503 storage_unavailable: nothing was changed) or
    @unknown (any other answer). The seconds from @since (monotonic) to
    the acknowledged one (None if none was), and the count of each
    (status, error code)."""
    statuses = {}
    n = 0
    while time.monotonic() < since + 180:
        code = "%s%03d" % (prefix, n)
        n += 1
        r = post_department(server, token, code, LABEL)
        statuses[r.status, r.error_code] = statuses.get((r.status, r.error_code), 0) + 1
        if r.status == 201:
            acked.add(code)
            return time.monotonic() - since, statuses
        if r.status == 503 and r.error_code == "storage_unavailable":
            refused.add(code)
        else:
            unknown.add(code)
        time.sleep(0.25)
    return None, statuses


# The reader's connections (its --db-read URI's application_name) a member serves.
READERS = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hc_reader'"


def exercise(tap, cluster, servers, example):
    """The checks, on @cluster (not started yet); the servers started go
    in @servers, for main() to stop."""
    superuser = example["postgresql"]["authentication"]["superuser"]
    cluster.start_etcd()
    dcs = json.loads(json.dumps(example["bootstrap"]["dcs"]))
    dcs.update(DCS_TEST)
    dcs["postgresql"]["parameters"].update(PARAMETERS_TEST)
    key = "%s%s/config" % (example["namespace"], example["scope"])
    cluster.put_dcs(key, json.dumps(dcs))
    print("# the example's DCS section with %s and %s (in etcd as %s)" % (DCS_TEST, PARAMETERS_TEST, key))
    for name in ("pg1", "pg2"):
        cluster.add_member(name)
    started = time.monotonic()
    for name in ("pg1", "pg2"):
        cluster.start_member(name)

    def formed():
        roles = cluster.roles("pg1")
        return sorted(r for r in roles.values()) == [("leader", "running"), ("sync_standby", "streaming")] \
            or sorted(r for r in roles.values()) == [("leader", "running"), ("sync_standby", "running")]

    try:
        wait_until(formed, "a leader and a synchronous standby", 240)
    except AssertionError as e:
        print("# %s: %r" % (e, cluster.roles("pg1")))
    roles = cluster.roles("pg1")
    tap.ok(formed(), "Patroni bootstraps a leader and a synchronous standby from the example (%.1f s)"
           % (time.monotonic() - started), roles)
    if not formed():
        cluster.dump_logs()
        return
    leader = next(n for n, r in roles.items() if r[0] == "leader")
    other = next(n for n in roles if n != leader)
    lport, oport = cluster.members[leader]["port"], cluster.members[other]["port"]
    su = {"user": superuser["username"], "password": superuser["password"]}
    sync = psql(lport, "SELECT application_name || '|' || sync_state FROM pg_stat_replication", **su)
    tap.ok(sync == "%s|sync" % other, "the leader %s streams to %s synchronously (synchronous_mode)"
           % (leader, other), sync)

    # The README's steps on the primary, then the servers' pgpass.
    for sql in ("CREATE ROLE hncredit LOGIN PASSWORD '%s'" % PASSWORD, "CREATE DATABASE hncredit OWNER hncredit"):
        assert psql(lport, sql, **su) is not None, "refused on the leader: " + sql
    # The standby must have replayed the new database before a server
    # starts: a member that answers "no such database" ends libpq's walk
    # of the URI's hosts (it tries the next host only when one cannot be
    # reached or is read-only), synchronous commit waits for the
    # standby's flush, not its replay.
    wait_until(lambda: psql(oport, "SELECT 1", "hncredit", **su) is not None, "the standby has the database", 60)
    pgpass = os.path.join(cluster.dir, "server-pgpass")
    with open(pgpass, "w") as f:
        f.write("127.0.0.1:*:hncredit:hncredit:%s\n" % PASSWORD)
    os.chmod(pgpass, 0o600)
    ports = [cluster.members[n]["port"] for n in ("pg1", "pg2")]
    uri = "postgresql://hncredit@127.0.0.1:%d,127.0.0.1:%d/hncredit?target_session_attrs=read-write" \
          "&connect_timeout=2" % tuple(ports)
    server = hts.Server(pg_database="hncredit", pg_uri=uri, env={"PGPASSFILE": pgpass})
    servers.append(server)
    admin = server.token("admin")
    acked, refused, unknown = set(), set(), set()

    # A server that reads from a standby (--db-read over both members,
    # prefer-standby): the members turn around under it at the switchover.
    read_uri = "postgresql://hncredit@127.0.0.1:%d,127.0.0.1:%d/hncredit?target_session_attrs=prefer-standby" \
               "&connect_timeout=2&application_name=hc_reader" % tuple(ports)
    reader = hts.Server(pg_database="hncredit", pg_uri=uri, extra_args=("--db-read", read_uri),
                        env={"PGPASSFILE": pgpass, "HCS_PG_STANDBY_LOOK_EVERY": "2"})
    servers.append(reader)
    reader_token = reader.token("admin")
    own = reads_own_writes(reader, reader_token, "READ", LABEL, acked)
    on_standby = psql(oport, READERS, **su)
    tap.ok(own == [] and on_standby not in (None, "0"),
           "a server reading from the standby %s (--db-read) reads its own writes at once" % other,
           (own, on_standby))

    # The gentle way first, as before a machine's maintenance: patronictl
    # with the example's file (the README's command) hands the leadership
    # over; the server follows by itself.
    ctl = ["patronictl", "-c", cluster.config]
    r = subprocess.run(ctl + ["list"], env=cluster.ctl_env(), capture_output=True, text=True)
    tap.ok(r.returncode == 0 and leader in r.stdout and other in r.stdout,
           "patronictl -c <the example> list shows both members", r.stdout + r.stderr)
    answers = post_departments(server, admin, "FIRST", 5, LABEL, acked)
    switched = time.monotonic()
    r = subprocess.run(ctl + ["switchover", "--leader", leader, "--candidate", other, "--force"],
                       env=cluster.ctl_env(), capture_output=True, text=True)
    tap.ok(r.returncode == 0, "patronictl switchover from %s to %s" % (leader, other), r.stdout + r.stderr)
    # (a write cut off in its commit by the old leader's shutdown may answer
    # commit_unknown: neither counted as acknowledged nor as refused)
    first, statuses = write_until_acknowledged(server, admin, "SWITCH", switched, acked, refused, set())
    if first is not None:
        print("# the server took writes again %.1f s after the switchover began" % first)
    tap.ok(answers == [201] * 5 and first is not None and cluster.roles(other).get(other, (None,))[0] == "leader",
           "the same server writes before and after the switchover, to the new leader %s" % other,
           (answers, statuses, cluster.roles(other)))
    leader, other = other, leader
    lport, oport = oport, lport
    try:
        wait_until(formed, "the old leader a synchronous standby again", 120)
    except AssertionError as e:
        print("# %s: %r" % (e, cluster.roles("pg1")))
    sync = psql(lport, "SELECT application_name || '|' || sync_state FROM pg_stat_replication", **su)
    tap.ok(formed() and sync == "%s|sync" % other, "%s is the synchronous standby of %s after the switchover"
           % (other, leader), (cluster.roles("pg1"), sync))

    # The reader's standby was the leader a moment ago, and its leader
    # the standby: it reads its own writes at once all the same, and every
    # write acknowledged so far.
    own = None
    for attempt in range(3):
        own = reads_own_writes(reader, reader_token, "TURNED%d" % attempt, LABEL, acked)
        # tried again only for answers that were not 200/201 (its first
        # requests may find connections the switchover closed), never for
        # a write its read did not see
        if own == [] or any(what == "not read" for _, what in own):
            break
        time.sleep(2)
    seen = departments(reader, reader_token)
    tap.ok(own == [] and isinstance(seen, set) and acked <= seen,
           "after the switchover the reader reads its own writes at once, and every acknowledged write",
           (own, sorted(acked - seen) if isinstance(seen, set) else seen))
    # During the switchover its read connections found only the new leader
    # (the old one was restarting); they look for a standby every 2 s.
    back = time.monotonic() + 30
    while time.monotonic() < back and psql(oport, READERS, **su) in (None, "0"):
        departments(reader, reader_token)
        time.sleep(0.5)
    tap.ok(psql(oport, READERS, **su) not in (None, "0"),
           "the reader's read connections go to the new standby %s" % other,
           {n: psql(cluster.members[n]["port"], READERS, **su) for n in (leader, other)})

    # The control: a server whose URI names only the leader of now.
    only = hts.Server(pg_database="hncredit", env={"PGPASSFILE": pgpass},
                      pg_uri="postgresql://hncredit@127.0.0.1:%d/hncredit?connect_timeout=2" % lport)
    servers.append(only)
    only_admin = only.token("admin")
    answers = post_departments(server, admin, "BEFORE", 10, LABEL, acked)
    r = post_department(only, only_admin, "ONLY00", LABEL)
    answers.append(r.status)
    if r.status == 201:
        acked.add("ONLY00")
    tap.ok(answers == [201] * 11, "writes through both servers are acknowledged before the failover", answers)

    # What synchronous_mode promises: a commit the standby has not
    # confirmed is not acknowledged. The leader's WAL sender stopped
    # (SIGSTOP: the write's WAL does not leave the leader, as over a network
    # that holds it back), a write waits in its commit (SyncRep) instead of
    # answering 201 — asynchronous, it would be acknowledged here and lost
    # with the leader below. (Stopping the standby's WAL receiver instead
    # would not do: the WAL sent waits in its socket and is read after.)
    sender = int(psql(lport, "SELECT pid FROM pg_stat_replication", **su))
    os.kill(sender, signal.SIGSTOP)
    writer, box = hts.in_thread(lambda: post_department(server, admin, "UNCONFIRMED", LABEL))

    def syncrep():
        return psql(lport, "SELECT count(*) FROM pg_stat_activity WHERE datname = 'hncredit'"
                           " AND wait_event = 'SyncRep'", **su) == "1"

    try:
        wait_until(lambda: "r" in box or syncrep(), "the write waits for the standby", 60)
    except AssertionError as e:
        print("# %s" % e)
    tap.ok("r" not in box and syncrep(), "a write the synchronous standby has not confirmed is not acknowledged"
           " (it waits in its commit)", box.get("r"))

    # The leader goes away hard, that write's commit under way.
    cluster.kill_hard(leader)
    killed = time.monotonic()
    writer.join(120)
    r = box.get("r")
    if r is not None and r.status == 201:
        acked.add("UNCONFIRMED")  # then it must be there, below
    tap.ok(r is not None and r.status == 503 and r.error_code == "commit_unknown",
           "that write answers 503 commit_unknown when the leader goes away", r)
    tap.ok(psql(lport, "SELECT 1", **su) is None and cluster.rest(leader, "/health") is None,
           "the leader %s is killed (SIGKILL to its Patroni and its postgres)" % leader)
    first, statuses = write_until_acknowledged(server, admin, "DURING", killed, acked, refused, unknown)
    if first is not None:
        print("# the server took writes again %.1f s after the leader was killed (ttl %d, loop_wait %d;"
              " production 30/10: expect some 30-40 s)" % (first, DCS_TEST["ttl"], DCS_TEST["loop_wait"]))
    roles = cluster.roles(other)
    tap.ok(roles.get(other, (None,))[0] == "leader", "Patroni promotes %s" % other, roles)
    tap.ok(first is not None, "the same running server takes writes again (within 180 s)", statuses)
    tap.ok(all(s in (201, 503) for s, _ in statuses) and not unknown,
           "until then its writes answer 503 storage_unavailable, never another error", statuses)
    answers = post_departments(server, admin, "AFTER", 6, LABEL, acked)
    tap.ok(answers == [201] * 6, "writes after the failover are acknowledged", answers)
    r = post_department(only, only_admin, "ONLY01", LABEL)
    tap.ok(r.status == 503, "a server whose URI names only the old leader writes no more (503)", r)
    refused.add("ONLY01")

    stored = set((psql(oport, "SELECT string_agg (code, ',') FROM departments", "hncredit", **su)
                  or "").split(","))
    tap.ok(acked <= stored, "every acknowledged write is on the new leader %s (%d)" % (other, len(acked)),
           sorted(acked - stored))
    tap.ok(not (refused & stored), "no write answered 503 storage_unavailable is there",
           sorted(refused & stored))
    half = psql(oport, "SELECT string_agg (d.code, ',') FROM departments d"
                       " LEFT JOIN audit a ON a.entity = 'department' AND a.entity_id = d.id::text"
                       "  AND a.action = 'department.create'"
                       " GROUP BY d.id HAVING count (a.id) <> 1", "hncredit", **su)
    tap.ok(half == "", "each department there has its one audit entry", half)
    tap.ok(server.process.poll() is None, "the server is still running")

    # The old leader comes back: Patroni makes it a replica of the new
    # one (pg_rewind: its timeline had ended where the other's began).
    back = time.monotonic()
    cluster.start_member(leader)

    def rejoined():
        return cluster.roles(other).get(leader) in (("sync_standby", "streaming"), ("sync_standby", "running"))

    try:
        wait_until(rejoined, "the old leader rejoins as a synchronous standby", 180)
        print("# the old leader rejoined as a synchronous standby in %.1f s" % (time.monotonic() - back))
    except AssertionError as e:
        print("# %s: %r" % (e, cluster.roles(other)))
    tap.ok(rejoined(), "the old leader %s started again rejoins as a synchronous standby" % leader,
           cluster.roles(other))
    r = post_department(server, admin, "REJOINED", LABEL)
    if r.status == 201:
        acked.add("REJOINED")
    tap.ok(r.status == 201, "writes are acknowledged with the old leader back", r)
    lsn = psql(oport, "SELECT pg_current_wal_lsn()", **su)
    try:
        wait_until(lambda: psql(lport, "SELECT pg_last_wal_replay_lsn() >= '%s'::pg_lsn" % lsn, **su) == "t",
                   "the old leader replays up to %s" % lsn, 60)
    except AssertionError as e:
        print("# %s" % e)
    back_rows = set((psql(lport, "SELECT string_agg (code, ',') FROM departments", "hncredit", **su)
                     or "").split(","))
    new_rows = set((psql(oport, "SELECT string_agg (code, ',') FROM departments", "hncredit", **su)
                    or "").split(","))
    tap.ok(("UNCONFIRMED" in back_rows) == ("UNCONFIRMED" in new_rows),
           "the write answered commit_unknown is on both members or on neither (pg_rewind undid the old"
           " leader's WAL the other never had)", ("UNCONFIRMED" in back_rows, "UNCONFIRMED" in new_rows))
    tap.ok(acked <= back_rows and not (refused & back_rows),
           "the old leader, a replica now, has every acknowledged write and none refused",
           (sorted(acked - back_rows), sorted(refused & back_rows)))
    if tap.failed:
        cluster.dump_logs()


def main():
    tap = hts.Tap()
    for program in ("patroni", "patronictl", "etcd"):
        if shutil.which(program) is None:
            return skip("%s is not installed (tools/test --suite api-pg-full installs patroni and etcd-server)" % program)
    try:
        import yaml
    except ImportError:
        return skip("python3-yaml is not installed (patroni needs it)")
    if os.getuid() != 0:
        return skip("runs Patroni and its PostgreSQL as the postgres user: needs root")
    try:
        pg_bindir = subprocess.run(["pg_config", "--bindir"], check=True, capture_output=True,
                                   text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pg_bindir = "/usr/lib/postgresql/15/bin"
    if not os.path.exists(os.path.join(pg_bindir, "postgres")):
        pg_bindir = "/usr/lib/postgresql/15/bin"
    if not os.path.exists(os.path.join(pg_bindir, "postgres")):
        return skip("no PostgreSQL server binaries in %s" % pg_bindir)
    with open(EXAMPLE) as f:
        example = yaml.safe_load(f)
    # The example's socket directory (unix_socket_directories): made by the
    # postgresql package's tmpfiles on a booted machine.
    sockets = example["postgresql"]["parameters"]["unix_socket_directories"]
    if not os.path.isdir(sockets):
        os.makedirs(sockets, mode=0o2775)
        shutil.chown(sockets, "postgres", "postgres")

    # meson's timeout sends SIGTERM: the finally below still runs.
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(1))
    cluster = Cluster(EXAMPLE, pg_bindir)
    servers = []
    try:
        exercise(tap, cluster, servers, example)
    except Exception:  # reported, then everything stopped all the same
        tap.ok(False, "the test runs to its end", traceback.format_exc())
        cluster.dump_logs()
    finally:
        for s in servers:
            try:
                s.close()
            except Exception as e:  # the cluster is cleaned up all the same
                print("# closing a server: %s" % e)
        left = cluster.close()
    tap.ok(not left, "no etcd, Patroni or postgres of the test is left running", left)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
