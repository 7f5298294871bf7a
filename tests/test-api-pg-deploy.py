#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The provincial shape of deploy/ (issue 15), run on this machine: Debian's
# nginx with deploy/nginx/hncredit.conf — the file itself, only its
# addresses, ports and paths replaced by the test's — ending TLS in front of
# two hncredit-server processes on one throwaway PostgreSQL database
# (tests/hc-pg-run.sh). Checked: the plain port redirects to HTTPS; sign-in,
# reads and writes go through nginx and both servers answer (nginx's access
# log names the upstream of every request); a heat map cached by one server
# changes with the other's write; the client's address reaches
# the audit through X-Forwarded-For from a --trusted-proxy only; a body over a route's limit is
# refused by nginx in the API's own form, one at the limit passes; and,
# with a stream of writes from several clients, one server killed with
# SIGKILL in the middle: every write acknowledged (2xx) is in the database,
# none is there half (the department without its audit entry, or the
# reverse), every write sent after the kill is acknowledged (nginx sends it
# to the survivor), and the token issued before still works. Then every
# database connection is ended, as by a restart or failover of PostgreSQL:
# the survivor connects again and refuses nothing.
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import json

import hc_test_server as hts

SERVER = hts.server_path()
CONF = os.path.join(os.environ.get("HC_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..")),
                    "deploy", "nginx", "hncredit.conf")
WRITERS = 4
WRITES = 240          # in all, over the writers
KILL_AFTER = 60       # acknowledged writes before the kill


def psql(dbname, sql):
    r = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", dbname, "-c", sql],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError("psql %s: %s" % (sql, r.stderr))
    return [line.split("\t") for line in r.stdout.splitlines() if line]


def find_nginx():
    for path in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if path and os.access(path, os.X_OK):
            return path
    return None


def start_server(uri, work, name, extra=()):
    """One hncredit-server on @uri; returns the process."""
    log = open(os.path.join(work, name + ".log"), "wb")
    p = subprocess.Popen([SERVER, "--db", uri, "--listen", "127.0.0.1:0",
                          "--admin-password-file", os.path.join(work, "admin-password"),
                          "--threads", "2"] + list(extra),
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log)
    return p


def read_port(p, name):
    line = p.stdout.readline().decode("utf-8").strip()
    if not line.startswith("listening on "):
        raise AssertionError("%s did not start (first line: %r)" % (name, line))
    return int(line.rsplit(":", 1)[1])


def fill_in(text, replacements):
    """deploy/nginx/hncredit.conf with the test's addresses: each pattern
    must match exactly as often as said, so that a change of the file's
    shape fails here rather than testing something else."""
    for pattern, repl, count in replacements:
        text, n = re.subn(pattern, repl, text, flags=re.M)
        if n != count:
            raise AssertionError("deploy/nginx/hncredit.conf: %r matched %d times, %d expected "
                                 "(the test fills the file in by these lines)" % (pattern, n, count))
    return text


class Client:
    """HTTPS to nginx, one kept-alive connection."""

    def __init__(self, port, context):
        self.port = port
        self.context = context
        self.conn = None

    def request(self, method, path, token=None, body=None, headers=None, raw=None):
        hdrs = dict(headers or {})
        if token:
            hdrs["Authorization"] = "Bearer " + token
        data = raw
        if body is not None:
            data = json.dumps(body).encode("utf-8")
        if data is not None:
            hdrs["Content-Type"] = "application/json"
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=60)
            try:
                self.conn.request(method, path, body=data, headers=hdrs)
                r = self.conn.getresponse()
                payload = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return hts.Response(r.status, r.headers, payload)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # nginx closed the kept-alive connection between requests
                # (never during one of ours: it answers every request)
                self.close()
                if attempt == 1 or method != "GET":
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def upstreams(log_path, method, path_prefix):
    """The upstream ports of the requests of @method on paths starting with
    @path_prefix in nginx's access log (the one that answered: the last)."""
    ports = []
    with open(log_path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r'"(\S+) (\S+)" (\d+) \d+ upstream=(\S.*?) upstream_status=', line)
            if m and m.group(1) == method and m.group(2).startswith(path_prefix):
                last = m.group(4).split(",")[-1].strip()
                ports.append(last.rsplit(":", 1)[-1])
    return ports


def main():
    tap = hts.Tap()
    nginx = find_nginx()
    if nginx is None:
        print("1..0 # SKIP nginx is missing (tools/setup.sh installs nginx-light)")
        return 0
    work = tempfile.mkdtemp(prefix="hncredit-deploy-")
    # nginx's workers run as nobody when the test runs as root (CI): they
    # need to reach their temporary directories here.
    os.chmod(work, 0o755)
    procs = []
    nginx_p = None
    try:
        with open(os.path.join(work, "admin-password"), "w") as f:
            f.write(hts.PASSWORD + "\n")
        subprocess.run(["createdb", "hc_deploy"], check=True)
        uri = "postgresql://%s@%s:%s/hc_deploy" % (os.environ["PGUSER"], os.environ["PGHOST"], os.environ["PGPORT"])

        # Both at once, as systemd starts hncredit-server@8081 and @8082:
        # one creates the schema, the other waits on its lock.
        # One believes nginx's X-Forwarded-For (as the instances' settings
        # say), two does not (the check that only a trusted proxy is).
        one = start_server(uri, work, "one", ["--trusted-proxy", "127.0.0.1"])
        two = start_server(uri, work, "two")
        procs += [one, two]
        port_one, port_two = read_port(one, "server one"), read_port(two, "server two")

        # TLS: a certificate for 127.0.0.1, its key readable by its owner alone.
        crt, key = os.path.join(work, "tls.crt"), os.path.join(work, "tls.key")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", crt], check=True, capture_output=True)
        os.chmod(key, 0o600)
        https_port, http_port = hts.free_port(), hts.free_port()
        with open(CONF, encoding="utf-8") as f:
            site = fill_in(f.read(), [
                (r"^(\s*server )127\.0\.0\.1:8081 ", r"\g<1>127.0.0.1:%d " % port_one, 1),
                (r"^(\s*server )127\.0\.0\.1:8082 ", r"\g<1>127.0.0.1:%d " % port_two, 1),
                (r"^(\s*)listen 443 ssl;", r"\g<1>listen 127.0.0.1:%d ssl;" % https_port, 1),
                (r"^(\s*)listen 80;", r"\g<1>listen 127.0.0.1:%d;" % http_port, 1),
                (r"^\s*listen \[::\]:(443 ssl|80);\n", "", 2),
                (r"/etc/hncredit/nginx/tls\.crt", crt, 1),
                (r"/etc/hncredit/nginx/tls\.key", key, 1),
                (r"/var/log/nginx/", work + "/", 2),
            ])
        with open(os.path.join(work, "hncredit.conf"), "w", encoding="utf-8") as f:
            f.write(site)
        # What /etc/nginx/nginx.conf gives a conf.d file, for a process of
        # the test's: its own pid file, logs and temporary directories.
        with open(os.path.join(work, "nginx.conf"), "w") as f:
            f.write("""daemon off;
worker_processes 2;
pid {w}/nginx.pid;
error_log {w}/error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  default_type application/octet-stream;
  client_body_temp_path {w}/client_body;
  proxy_temp_path {w}/proxy;
  fastcgi_temp_path {w}/fastcgi;
  uwsgi_temp_path {w}/uwsgi;
  scgi_temp_path {w}/scgi;
  include {w}/hncredit.conf;
}}
""".format(w=work))
        r = subprocess.run([nginx, "-t", "-c", os.path.join(work, "nginx.conf"), "-p", work],
                           capture_output=True, text=True)
        tap.ok(r.returncode == 0, "nginx -t accepts deploy/nginx/hncredit.conf", r.stderr)
        if r.returncode != 0:
            return 1
        nginx_p = subprocess.Popen([nginx, "-c", os.path.join(work, "nginx.conf"), "-p", work],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=open(os.path.join(work, "nginx.out"), "wb"))
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError:
                if nginx_p.poll() is not None:
                    raise AssertionError("nginx stopped: " + open(os.path.join(work, "error.log")).read())
                time.sleep(0.05)

        context = ssl.create_default_context(cafile=crt)
        client = Client(https_port, context)
        access_log = os.path.join(work, "hncredit.access.log")

        plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=30)
        plain.request("GET", "/api/v1/health")
        r = plain.getresponse()
        r.read()
        tap.ok(r.status == 301 and (r.getheader("Location") or "").startswith("https://"),
               "plain HTTP is redirected to HTTPS", "%d %s" % (r.status, r.getheader("Location")))
        plain.close()

        r = client.request("GET", "/health")
        tap.ok(r.status == 200 and r.json and r.json.get("status") == "ok",
               "/health answers through nginx over TLS", r)

        r = client.request("POST", "/api/v1/session", body={"username": "admin", "password": hts.PASSWORD})
        tap.ok(r.status == 200, "sign-in through nginx", r)
        token = r.json["token"] if r.status == 200 else ""

        # The client's address: from X-Forwarded-For when the peer is a
        # trusted proxy, never what a client wrote there itself.
        def signed_in_from(port, forwarded):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("POST", "/api/v1/session",
                         body=json.dumps({"username": "admin", "password": hts.PASSWORD}),
                         headers={"Content-Type": "application/json", "X-Forwarded-For": forwarded})
            status = conn.getresponse().status
            conn.close()
            return status, last_sign_in_address()

        def last_sign_in_address():
            rows = psql("hc_deploy", "SELECT after FROM audit WHERE action = 'session.create' ORDER BY id DESC LIMIT 1")
            return json.loads(rows[0][0]).get("address") if rows else None
        trusted = signed_in_from(port_one, "10.1.2.3, 198.51.100.7")
        untrusted = signed_in_from(port_two, "198.51.100.7")
        r = client.request("POST", "/api/v1/session", body={"username": "admin", "password": hts.PASSWORD},
                           headers={"X-Forwarded-For": "203.0.113.9"})
        through_nginx = (r.status, last_sign_in_address())
        tap.ok(trusted == (200, "198.51.100.7") and untrusted == (200, "127.0.0.1")
               and through_nginx == (200, "127.0.0.1"),
               "the audit of a sign-in names the client: X-Forwarded-For's last address from a --trusted-proxy, "
               "the peer otherwise; nginx replaces what a client sends",
               "trusted: %s; not trusted: %s; through nginx: %s" % (trusted, untrusted, through_nginx))

        # Reads and writes spread over both servers.
        ok_reads = all(client.request("GET", "/api/v1/session", token).status == 200 for _ in range(12))
        ok_writes = all(client.request("POST", "/api/v1/departments", token,
                                       {"code": "SPREAD%02d" % i, "name": "分流测试单位%02d" % i}).status == 201
                        for i in range(12))
        reads = upstreams(access_log, "GET", "/api/v1/session")
        writes = upstreams(access_log, "POST", "/api/v1/departments")
        both = {str(port_one), str(port_two)}
        tap.ok(ok_reads and set(reads) == both, "reads answered by both servers through nginx",
               "all 200: %s; upstreams: %s" % (ok_reads, reads))
        tap.ok(ok_writes and set(writes) == both, "writes answered by both servers through nginx",
               "all 201: %s; upstreams: %s" % (ok_writes, writes))
        rows = psql("hc_deploy", "SELECT count(*) FROM departments WHERE code LIKE 'SPREAD%'")
        tap.ok(rows == [["12"]], "the writes of both servers are in the one database", rows)

        # The heat map's answers are cached by each server until the data
        # change — by any server: one records an event, the other's next
        # answer has it (the same as the writer's).
        def direct(port, method, path, body=None):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            hdrs = {"Authorization": "Bearer " + token}
            if body is not None:
                hdrs["Content-Type"] = "application/json"
                body = json.dumps(body)
            conn.request(method, "/api/v1" + path, body=body, headers=hdrs)
            r = conn.getresponse()
            answer = (r.status, r.read())
            conn.close()
            return answer
        heatmap = "/risk/heatmap?by=region&from=2026-01&to=2026-12"
        before = [direct(port_one, "GET", heatmap) for _ in range(2)]
        event = direct(port_two, "POST", "/risk/events",
                       {"region": "460100", "occurred_on": "2026-11-15", "category": "finance",
                        "severity": 3, "title": "双服务器缓存测试"})
        after_one, after_two = direct(port_one, "GET", heatmap), direct(port_two, "GET", heatmap)
        tap.ok(before[0][0] == 200 and before[0] == before[1] and event[0] == 201
               and after_one[0] == 200 and after_one != before[0] and after_one == after_two,
               "a server's cached heat map changes with another server's write",
               "before: %s; event: %s; after on one: %s; on two: %s"
               % (before[0], event, after_one[1][:300], after_two[1][:300]))

        # The servers' limits, kept by nginx: a body of 1 MiB passes (the
        # server judges it: an empty code, 422), one byte more is refused
        # in the API's form.
        def body_of(size):
            head, tail = b'{"code":"","name":"BIG","padding":"', b'"}'
            return head + b"a" * (size - len(head) - len(tail)) + tail
        r_at = client.request("POST", "/api/v1/departments", token, raw=body_of(1024 * 1024))
        r_over = client.request("POST", "/api/v1/departments", token, raw=body_of(1024 * 1024 + 1))
        client.close()
        err = (r_over.json or {}).get("error", {}) if r_over.status == 413 else {}
        tap.ok(r_at.status == 422 and (r_at.json or {}).get("error", {}).get("field") == "code" and
               r_over.status == 413 and err.get("code") == "payload_too_large" and err.get("message"),
               "nginx keeps the servers' body limit (1 MiB passes to the server, 1 MiB + 1 is 413 payload_too_large)",
               "at the limit: %r; over: %r" % (r_at, r_over))
        rows = psql("hc_deploy", "SELECT count(*) FROM departments WHERE name = 'BIG'")
        tap.ok(rows == [["0"]], "neither big body wrote anything", rows)

        # A stream of writes from several clients; server two killed with
        # SIGKILL once KILL_AFTER of them are acknowledged.
        lock = threading.Condition()
        state = {"next": 0, "acked": 0, "killed": False}
        results = []   # (code, status, sent_after_kill)

        def writer():
            c = Client(https_port, context)
            while True:
                with lock:
                    i = state["next"]
                    if i >= WRITES:
                        break
                    state["next"] += 1
                    after = state["killed"]
                code = "KILL%04d" % i
                try:
                    r = c.request("POST", "/api/v1/departments", token,
                                  {"code": code, "name": "停机测试单位%04d" % i})
                    status = r.status
                except (OSError, http.client.HTTPException) as e:
                    # the server was killed while nginx relayed its answer:
                    # refused, reset, or cut off in the body (IncompleteRead)
                    status = "transport error: %r" % e
                    c.close()
                with lock:
                    results.append((code, status, after))
                    if status == 201:
                        state["acked"] += 1
                        lock.notify_all()
            c.close()

        threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
        for t in threads:
            t.start()
        with lock:
            while state["acked"] < KILL_AFTER and state["next"] < WRITES:
                lock.wait(60)
        two.send_signal(signal.SIGKILL)
        two.wait()
        with lock:
            state["killed"] = True
            killed_at = state["next"]
        for t in threads:
            t.join()

        acked = {code for code, status, _ in results if status == 201}
        failed = [(code, status) for code, status, after in results if status != 201]
        after_kill = [(code, status) for code, status, after in results if after]
        stored = {row[0] for row in psql("hc_deploy", "SELECT code FROM departments WHERE code LIKE 'KILL%'")}
        tap.ok(len(results) == WRITES and 0 < killed_at < WRITES,
               "server two killed in the middle of the stream (after %d of %d writes were sent)" % (killed_at, WRITES),
               "%d results" % len(results))
        tap.ok(acked <= stored, "every acknowledged write is in the database (%d acknowledged)" % len(acked),
               "missing: %s" % sorted(acked - stored))
        half = psql("hc_deploy",
                    "SELECT d.code, count(a.id) FROM departments d"
                    " LEFT JOIN audit a ON a.entity = 'department' AND a.entity_id = d.id::text"
                    " AND a.action = 'department.create'"
                    " WHERE d.code LIKE 'KILL%' GROUP BY d.code HAVING count(a.id) <> 1")
        orphans = psql("hc_deploy",
                       "SELECT a.entity_id FROM audit a WHERE a.action = 'department.create'"
                       " AND NOT EXISTS (SELECT 1 FROM departments d WHERE d.id::text = a.entity_id)")
        tap.ok(not half and not orphans,
               "no write is there half: each department has its one audit entry, no entry lacks its department",
               "departments without one entry: %s; entries without a department: %s" % (half, orphans))
        tap.ok(stored - acked <= {code for code, _ in failed},
               "nothing is stored that was not sent", sorted(stored - acked))
        tap.ok(after_kill and all(status == 201 for _, status in after_kill),
               "every write sent after the kill is acknowledged: nginx sends it to the survivor (%d writes; "
               "%d in flight at the kill were not acknowledged)" % (len(after_kill), len(failed)),
               "refused after the kill: %s" % [(c, s) for c, s in after_kill if s != 201])
        r = client.request("GET", "/api/v1/session", token)
        tap.ok(r.status == 200, "the token signed in before the kill still works (sessions are in the database)", r)

        # The database's side of every connection ended, as by a restart or
        # a failover of PostgreSQL; once those backends are gone, the
        # server connects again before its next request: none is refused.
        psql("hc_deploy", "SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity"
                          " WHERE datname = 'hc_deploy' AND pid <> pg_backend_pid ()")
        for _ in range(200):
            left = psql("hc_deploy", "SELECT count(*) FROM pg_stat_activity"
                                     " WHERE datname = 'hc_deploy' AND pid <> pg_backend_pid ()")
            if left == [["0"]]:
                break
            time.sleep(0.05)
        answers = [client.request("GET", "/api/v1/session", token).status for _ in range(6)]
        answers += [client.request("POST", "/api/v1/departments", token,
                                   {"code": "AGAIN%d" % i, "name": "重连测试单位%d" % i}).status for i in range(4)]
        tap.ok(left == [["0"]] and answers == [200] * 6 + [201] * 4,
               "after the database ended every connection (a restart, a failover) the server connects again: "
               "no request refused", "backends left: %s; answers: %s" % (left, answers))
        client.close()
        tap.ok(one.poll() is None, "server one is still running")
    finally:
        if nginx_p is not None:
            nginx_p.terminate()
            nginx_p.wait(timeout=30)
        for p in procs:
            if p.poll() is None:
                p.terminate()
                p.wait(timeout=60)
        if tap.failed or os.environ.get("HC_KEEP_WORK"):
            for name in ("one.log", "two.log", "error.log", "nginx.out"):
                path = os.path.join(work, name)
                if os.path.exists(path):
                    for line in open(path, errors="replace").read().splitlines()[-20:]:
                        print("# %s: %s" % (name, line))
        shutil.rmtree(work, ignore_errors=True)
    print("1..%d" % tap.n)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
