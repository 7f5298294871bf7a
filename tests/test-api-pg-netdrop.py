#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# A network that drops every packet between the server and PostgreSQL
# (issue 15, suite api-pg): the machine of the database gone without
# closing its connections, as a cable pulled or a host powered off.
#
# The PostgreSQL of this test runs in a network namespace of its own,
# joined to the test's by a veth pair; setting the far end's link down
# makes the near end drop what it sends, silently (no RST, no ICMP). The
# server's statements then wait for an answer that never comes; what ends
# the wait is TCP, through the connection parameters hcs-store-pg.c gives
# libpq (src/server/DESIGN.md, "Failover"), not the statement bound
# (HNCREDIT_DB_TIMEOUT, set to ten minutes here so that it cannot be what
# answers):
# - tcp_user_timeout: data sent and never acknowledged ends the
#   connection. A write, an import (an `unbounded` route, which the
#   statement bound never ends) and a read answer 503 storage_unavailable.
# - keepalives: an idle connection of the pool is found dead by the
#   kernel's probes, not used blindly later.
# - the defaults a URI does not give: every connection of a server
#   started with a bare URI has keepalive probes on (at most 30 s idle).
# Once the link is up again, the same servers serve again. Checked at the
# end: every acknowledged write is there, the refused ones are not, no
# write is there half. Needs root (ip netns); skipped otherwise.
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import hc_test_server as hts
from hc_pg_standby import as_owner, bindir, post_department
from hc_test_server import wait_until

LABEL = "断网测试单位"  # the departments' names
PORT = 5432             # the namespace has its own ports
DB_TIMEOUT = "600"      # the statement bound, out of the way


class Netns:
    """A network namespace joined to the test's by a veth pair: the near
    end (in the test's namespace) at .1, the far end at .2 of a /30 of
    10.213/16 chosen by the process id."""

    def __init__(self):
        n = os.getpid()
        self.name = "hcnd%d" % (n % 100000)
        self.near, self.far = "hcnd%da" % (n % 100000), "hcnd%db" % (n % 100000)
        net = "10.213.%d.%d" % ((n // 64) % 256, (n % 64) * 4)
        prefix = net.rsplit(".", 1)[0] + "."
        last = int(net.rsplit(".", 1)[1])
        self.net = net + "/30"
        self.near_addr, self.far_addr = prefix + str(last + 1), prefix + str(last + 2)
        self.made = False

    def make(self):
        """False when this test may not make namespaces and veth pairs
        here (not root, or a kernel or sandbox without them)."""
        if os.getuid() != 0 or shutil.which("ip") is None or shutil.which("ss") is None:
            return False
        if subprocess.run(["ip", "netns", "add", self.name], stderr=subprocess.DEVNULL).returncode != 0:
            return False
        self.made = True
        inside = ["ip", "netns", "exec", self.name]
        for argv in (["ip", "link", "add", self.near, "type", "veth", "peer", "name", self.far],
                     ["ip", "link", "set", self.far, "netns", self.name],
                     ["ip", "addr", "add", self.near_addr + "/30", "dev", self.near],
                     ["ip", "link", "set", self.near, "up"],
                     inside + ["ip", "addr", "add", self.far_addr + "/30", "dev", self.far],
                     inside + ["ip", "link", "set", self.far, "up"],
                     inside + ["ip", "link", "set", "lo", "up"]):
            r = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if r.returncode != 0:
                print("# %s: %s" % (" ".join(argv), r.stderr.strip()))
                return False
        return True

    def run(self, argv, **kwargs):
        return subprocess.run(["ip", "netns", "exec", self.name] + argv, check=True, **kwargs)

    def cut(self):
        """The far end down: what the near end sends is dropped."""
        self.run(["ip", "link", "set", self.far, "down"])

    def mend(self):
        self.run(["ip", "link", "set", self.far, "up"])

    def close(self):
        if self.made:
            subprocess.run(["ip", "netns", "del", self.name])
            subprocess.run(["ip", "link", "del", self.near], stderr=subprocess.DEVNULL)


class Cluster:
    """A PostgreSQL of its own, started inside @ns, listening on its far
    address (trusted from the /30) and on a Unix socket in its directory,
    which the test uses to look at the data whatever the link does."""

    def __init__(self, ns):
        self.ns = ns
        self.dir = tempfile.mkdtemp(prefix="hncredit-netdrop-")
        self.data = os.path.join(self.dir, "data")
        self.started = False
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.owner([os.path.join(bindir(), "initdb"), "-D", self.data, "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], stdout=subprocess.DEVNULL)
        with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
            f.write("listen_addresses = '%s'\nport = %d\nunix_socket_directories = '%s'\nfsync = off\n"
                    "log_statement = 'all'\nlog_line_prefix = '%%a '\n" % (ns.far_addr, PORT, self.dir))
        with open(os.path.join(self.data, "pg_hba.conf"), "w") as f:
            f.write("local all all trust\nhost all all %s trust\n" % ns.net)
        ns.run(as_owner() + [os.path.join(bindir(), "pg_ctl"), "-D", self.data, "-l",
                             os.path.join(self.dir, "log"), "-w", "-t", "120", "start"], stdout=sys.stderr)
        self.started = True
        self.owner([os.path.join(bindir(), "createdb"), "-h", self.dir, "-p", str(PORT), "hc"])

    def owner(self, argv, **kwargs):
        return subprocess.run(as_owner() + argv, check=True, cwd=self.dir, **kwargs)

    def uri(self, params):
        return "postgresql://postgres@%s:%d/hc?connect_timeout=2&%s" % (self.ns.far_addr, PORT, params)

    def psql(self, sql):
        """@sql over the Unix socket; its rows, each a line of its columns
        joined by |."""
        return self.owner(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.dir,
                           "-p", str(PORT), "-d", "hc", "-c", sql],
                          capture_output=True, text=True).stdout.strip()

    def log(self):
        with open(os.path.join(self.dir, "log"), encoding="utf-8", errors="replace") as f:
            return f.read()

    def close(self):
        try:
            if self.started:
                self.ns.run(as_owner() + [os.path.join(bindir(), "pg_ctl"), "-D", self.data, "-m",
                                          "immediate", "-w", "stop"], stdout=subprocess.DEVNULL)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def connections(server, ns):
    """The server's established connections to the far address: for each,
    the seconds to its keepalive timer's next probe, or None without one
    (`ss -o`: timer:(keepalive,29sec,0), 718ms, 1min29sec)."""
    out = subprocess.run(["ss", "-tnpoH", "state", "established", "dst", ns.far_addr], check=True,
                         capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        if "pid=%d," % server.process.pid not in line:
            continue
        m = re.search(r"timer:\(keepalive,(?:(\d+)min)?(?:(\d+)sec)?(?:(\d+)ms)?", line)
        if m is None:
            found.append(None)
        else:
            found.append(int(m.group(1) or 0) * 60 + int(m.group(2) or 0) + int(m.group(3) or 0) / 1000)
    return found


def answered(tap, what, call, status, code):
    """@call() in a thread, given 90 s (the statement bound is 600 s):
    whether it answered @status @code. The time it took is printed."""
    start = time.monotonic()
    r = hts.within(call, 90)
    passed = r is not None and r.status == status and r.error_code == code
    tap.ok(passed, "%s answers %d %s (in %.1f s)" % (what, status, code, time.monotonic() - start), r)
    return passed


def check(cluster, ns, tap):
    env = {"HNCREDIT_DB_TIMEOUT": DB_TIMEOUT}
    # sent: ends the connection once data goes 2 s unacknowledged; keepalives late
    sent = hts.Server(pg_database="hc", pg_uri=cluster.uri("tcp_user_timeout=2000&keepalives_idle=600"),
                      extra_args=("--threads", "1"), env=env)
    # idle: its idle connections probed after 1 s, given up after 2 probes
    # 1 s apart; no tcp_user_timeout (0: the system's), which would else
    # decide when probes give up (tcp(7)) and end data sent unacknowledged
    idle = hts.Server(pg_database="hc", pg_uri=cluster.uri("application_name=hc_idle&keepalives_idle=1"
                                                           "&keepalives_interval=1&keepalives_count=2"
                                                           "&tcp_user_timeout=0"),
                      extra_args=("--threads", "1"), env=env)
    servers = [sent, idle]
    try:
        # The idle server's one background statement, the grade refresh's
        # first round (a second after the start, then every ten minutes),
        # is over before the cut: nothing of it is left in flight, which
        # without tcp_user_timeout would wait for the system's fifteen
        # minutes of retransmissions.
        wait_until(lambda: re.search(r"^hc_idle .*subject_grades WHERE as_of(.*\n)+hc_idle .*COMMIT",
                                     cluster.log(), re.M) is not None,
                   "the idle server's grade refresh has run", 60)
        cluster.psql(hts.CATALOG_SQL)   # the catalog item 11, for the import
        acked, refused = set(), set()
        for n, server in enumerate(servers):
            r = post_department(server, server.token("admin"), "BEFORE%d" % n, LABEL)
            assert r.status == 201, r
            acked.add("BEFORE%d" % n)

        # The defaults, on a server given a bare URI.
        with hts.Server(pg_database="hc", pg_uri=cluster.uri("application_name=hc_defaults"), env=env) as plain:
            assert plain.request("GET", "/session", token=plain.token("admin")).status == 200
            timers = connections(plain, ns)
            tap.ok(timers and all(t is not None and t <= 30 for t in timers),
                   "a server given a bare URI has keepalive probes on every connection, 30 s idle at most"
                   " (%d connections)" % len(timers), timers)

        # Cut with the sent server's connection alive: what it sends next
        # goes unacknowledged. First an import, whose statements have no
        # bound: only TCP ends its wait.
        admin = sent.token("admin")
        uscc = hts.make_uscc(9401)
        csv = ("统一社会信用代码,主体名称,决定文书号,处罚机关,处罚决定日期,处罚类别,罚款金额（元）\n"
               "%s,断网测试有限公司,琼市监罚〔2025〕9401号,海口市市场监督管理局,2025-03-01,罚款,500.00\n" % uscc)
        ns.cut()
        answered(tap, "an import (a route with no statement bound) over the cut link",
                 lambda: sent.request("POST", "/imports?item=11&kind=penalty", token=admin, body=csv,
                                      content_type="text/csv"),
                 503, "storage_unavailable")
        ns.mend()
        # Both servers connected (the idle one's connection may have been
        # ended by its probes meanwhile), and then idle.
        idle_admin = idle.token("admin")
        for server, token in ((sent, admin), (idle, idle_admin)):
            wait_until(lambda: server.request("GET", "/session", token=token).status == 200,
                       "the link mended, the server serves again", 60)
        timers = connections(idle, ns)
        tap.ok(timers and all(t is not None and t <= 1 for t in timers),
               "the idle server is connected, with the URI's keepalives_idle=1", timers)
        # Then a write, on the connection made again.
        ns.cut()
        if answered(tap, "a write over the cut link", lambda: post_department(sent, admin, "CUT", LABEL),
                    503, "storage_unavailable"):
            refused.add("CUT")
        answered(tap, "a read over the cut link (its connection made again in vain)",
                 lambda: sent.request("GET", "/departments", token=admin), 503, "storage_unavailable")

        # The idle server made no request since the cut: its probes alone
        # find its connections dead.
        try:
            wait_until(lambda: connections(idle, ns) == [], "the idle connections found dead", 60)
            tap.ok(True, "an idle server's connections over the cut link are ended by keepalive probes")
        except AssertionError as e:
            tap.ok(False, "an idle server's connections over the cut link are ended by keepalive probes",
                   "%s: %r" % (e, connections(idle, ns)))
        if answered(tap, "then a write to the idle server",
                    lambda: post_department(idle, idle_admin, "CUTIDLE", LABEL), 503, "storage_unavailable"):
            refused.add("CUTIDLE")
        tap.ok(all(s.process.poll() is None for s in servers), "both servers are still running")

        ns.mend()
        for n, server in enumerate(servers):
            token = server.token("admin")
            wait_until(lambda: server.request("GET", "/session", token=token).status == 200,
                       "the link mended, the server serves again", 60)
            r = post_department(server, token, "AFTER%d" % n, LABEL)
            tap.ok(r.status == 201, "the link mended, a write to server %d is acknowledged" % n, r)
            if r.status == 201:
                acked.add("AFTER%d" % n)

        stored = set(cluster.psql("SELECT string_agg (code, ',') FROM departments").split(","))
        tap.ok(acked <= stored, "every acknowledged write is there (%d)" % len(acked), sorted(acked - stored))
        tap.ok(not (refused & stored), "the writes answered storage_unavailable are not there",
               sorted(refused & stored))
        tap.ok(cluster.psql("SELECT count (*) FROM penalties WHERE uscc = '%s'" % uscc) == "0",
               "the refused import stored no record")
        half = cluster.psql("SELECT string_agg (d.code, ',') FROM departments d"
                            " LEFT JOIN audit a ON a.entity = 'department' AND a.entity_id = d.id::text"
                            "  AND a.action = 'department.create'"
                            " WHERE d.name LIKE '%s%%'"
                            " GROUP BY d.id HAVING count (a.id) <> 1" % LABEL)
        tap.ok(half == "", "no write is there half: each department has its one audit entry", half)
    finally:
        ns.mend()   # before the servers stop: a request of theirs may still wait
        for server in servers:
            server.close()


def main():
    tap = hts.Tap()
    ns = Netns()
    if not ns.make():
        ns.close()
        print("1..0 # SKIP needs root, iproute2 (ip netns, ss) and veth pairs: a network namespace of its own")
        return 0
    cluster = None
    try:
        cluster = Cluster(ns)
        check(cluster, ns, tap)
    finally:
        if cluster is not None:
            cluster.close()
        ns.close()
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
