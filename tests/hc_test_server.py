# SPDX-License-Identifier: GPL-3.0-or-later
# For the Python API tests (the OpenAPI contract and the route × role table):
# the real hncredit-server on 127.0.0.1 port 0 with a temporary database,
# started as hc-test-server.c starts it, and a plain HTTP client.
import datetime
import fcntl
import hashlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PASSWORD = "test-password-42"
ROLES = ("analyst", "supervisor", "admin")

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# A 行政处罚 catalog item of id 11, as hc_test_imports_seed_catalog
# (tests/hc-test-imports.c) makes it, for the SQL of a PostgreSQL test.
CATALOG_SQL = ("INSERT INTO departments (id, code, name, created_at) VALUES"
               " (901, 'SCJG-T', '海南省市场监督管理局（测试）', '2025-01-01T00:00:00Z');"
               "INSERT INTO catalog_versions (year, state, created_at) VALUES (2025, 'published', '2025-01-01T00:00:00Z');"
               "INSERT INTO catalog_items (id, year, lineage, category, name, subject_type, department_id, disclosure)"
               " VALUES (11, 2025, 'cf-scjg', 'penalty', '市场监管行政处罚信息', 'legal_person', 901, 'public')")


def make_uscc(n):
    """A valid 统一社会信用代码 of 海口市, the @n-th."""
    body = "%08d" % n
    org = 11 - sum(int(c) * w for c, w in zip(body, ORG_WEIGHTS)) % 11
    code = "91460100" + body + {10: "X", 11: "0"}.get(org, str(org))
    check = (31 - sum(USCC_CHARSET.index(c) * w for c, w in zip(code, USCC_WEIGHTS)) % 31) % 31
    return code + USCC_CHARSET[check]


def free_port():
    """A TCP port of 127.0.0.1 free when asked."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body
        self.content_type = (headers.get("Content-Type") or "").split(";")[0].strip()
        self.json = None
        if self.content_type == "application/json" and body:
            self.json = json.loads(body.decode("utf-8"))

    @property
    def etag(self):
        return self.headers.get("ETag")

    @property
    def error_code(self):
        """The answer's error code ("busy", "commit_unknown" …), or None."""
        return (self.json or {}).get("error", {}).get("code") if self.json else None

    def __repr__(self):
        return "%d %s" % (self.status, self.body[:300].decode("utf-8", "replace"))


def in_thread(what):
    """Runs what() in a thread of its own (a request that will wait):
    (the thread, a dict whose "r" is what() returned, once it has)."""
    box = {}
    thread = threading.Thread(target=lambda: box.update(r=what()), daemon=True)
    thread.start()
    return thread, box


def within(what, seconds):
    """what() in a thread of its own, waited for @seconds: what it
    returned, or None when it has not returned by then (a request that
    hangs)."""
    thread, box = in_thread(what)
    thread.join(seconds)
    return box.get("r")


def skip_without_pg():
    """True, once TAP's skip line is printed, when the test does not run
    under hc-pg-run.sh (no PostgreSQL cluster of its own)."""
    if os.environ.get("HC_TEST_PG"):
        return False
    print("1..0 # SKIP PostgreSQL only (hc-pg-run.sh)")
    return True


def wait_until(condition, what, seconds=120):
    """Until condition() is true (checked four times a second), or an
    AssertionError naming @what after @seconds."""
    for _ in range(seconds * 4):
        if condition():
            return True
        time.sleep(0.25)
    raise AssertionError("%s: not in %d s" % (what, seconds))


def wait_for_database(uri, seconds=120):
    """Until @uri (a standby's) lets psql in: the standby has replayed the
    database's creation."""
    for _ in range(seconds * 4):
        if subprocess.run(["psql", "-X", "-q", "-d", uri, "-c", "SELECT 1"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            return
        time.sleep(0.25)
    raise RuntimeError("%s did not come up in %d s" % (uri, seconds))


def server_path():
    path = os.environ.get("HNCREDIT_SERVER_PATH")
    if path:
        return path
    return os.path.join(os.environ["HC_BUILD_ROOT"], "src", "server", "hncredit-server")


def demo_db_key():
    """The key of the demo database cache, as hc-test-demo-db.c computes it:
    the server binary (real path, mtime, size), the day in Hainan (the
    seeders date records from today), the demo users' password."""
    real = os.path.realpath(server_path())
    st = os.stat(real)
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).strftime("%Y-%m-%d")
    text = "%s\n%d\n%d\n%s\n%s\n" % (real, st.st_mtime_ns, st.st_size, today, PASSWORD)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def copy_demo_db(dest):
    """Copies the build's seeded demo database to @dest, seeding it first
    (once per build: a minute under ASan) when the cache has none for this
    server binary and day: the cache of hc-test-demo-db.c, in
    $HC_BUILD_ROOT/tests/demo-db, built and copied under an flock of its
    lock file so that tests run in parallel seed it once."""
    cache = os.path.join(os.environ["HC_BUILD_ROOT"], "tests", "demo-db")
    os.makedirs(cache, exist_ok=True)
    name = "demo-%s.db" % demo_db_key()
    path = os.path.join(cache, name)
    with open(os.path.join(cache, "lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(path):
            for other in os.listdir(cache):
                if other.startswith("demo-") and other != name:
                    os.remove(os.path.join(cache, other))
            # seeded as every test did, then stopped cleanly (its WAL
            # checkpointed into the file)
            server = Server(demo=True, fresh_seed=True, sqlite=True)
            server.process.terminate()
            status = server.process.wait(timeout=300)
            server.process = None
            if status != 0:
                raise RuntimeError("the demo server exited with status %d" % status)
            wal = server.db_path + "-wal"
            if os.path.exists(wal) and os.path.getsize(wal) > 0:
                raise RuntimeError("%s is left after the server stopped: the copy would lose it" % wal)
            os.rename(server.db_path, path + ".tmp")
            os.rename(path + ".tmp", path)
            server.close()
        subprocess.run(["cp", "--reflink=auto", path, dest], check=True)


class Server:
    """The real server with its own temporary database (demo data with
    demo=True); the admin and, with demo data, `analyst` and `supervisor`
    have the password PASSWORD."""

    def __init__(self, demo=True, extra_args=(), db=None, sqlite=False, standby_port=None, pg_database=None,
                 stderr=None, pg_uri=None, fresh_seed=False, env=None):
        """@db: an existing database (e.g. a copy of a seeded one) instead of
        a new one. Under hc-pg-run.sh (HC_TEST_PG set) the database is a new
        one of its PostgreSQL cluster (self.pg_database names it) unless @db
        is given or @sqlite asks for a SQLite file all the same (a test that
        reads the file itself, as api-pg-migrate's source). @standby_port:
        the port of a standby of that cluster (on PGHOST), which then serves
        the server's reads (--db-read), once it has the new database.
        @pg_database: an existing database of the cluster (another server's)
        instead of a new one, reached through @pg_uri when given (a
        multi-host URI). @stderr: a file for the server's standard error
        (else the test's). Demo data over SQLite is a copy of the build's
        seeded demo database (copy_demo_db) unless @fresh_seed; --seed-demo
        is given all the same (it does nothing on a database with data).
        @env: variables set for the server process alone (e.g.
        HNCREDIT_DB_TIMEOUT)."""
        self.dir = tempfile.mkdtemp(prefix="hncredit-test-")
        pw_file = os.path.join(self.dir, "admin-password")
        with open(pw_file, "w") as f:
            f.write(PASSWORD + "\n")
        self.db_path = os.path.join(self.dir, "test.db")
        self.pg_database = None
        if db is not None:
            shutil.copy(db, self.db_path)
            demo = False
        elif pg_database is not None:
            self.pg_database = pg_database
            self.db_path = pg_uri or "postgresql:///" + self.pg_database
            demo = False
        elif os.environ.get("HC_TEST_PG") and not sqlite:
            self.pg_database = "hc_test_py_%d_%s" % (os.getpid(), os.path.basename(self.dir).replace("-", "_").lower())
            subprocess.run(["createdb", self.pg_database], check=True)
            self.db_path = "postgresql:///" + self.pg_database
            if standby_port is not None:
                read_uri = "postgresql://%s:%d/%s" % (os.environ.get("PGHOST", "localhost"), standby_port,
                                                      self.pg_database)
                wait_for_database(read_uri)
                extra_args = ("--db-read", read_uri) + tuple(extra_args)
        elif demo and not fresh_seed:
            copy_demo_db(self.db_path)
        argv = [server_path(), "--db", self.db_path,
                "--listen", "127.0.0.1:0", "--admin-password-file", pw_file,
                "--exit-on-stdin-eof"]
        if demo:
            argv.append("--seed-demo")
        argv.extend(extra_args)
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                        env=dict(os.environ, **env) if env else None)
        line = self.process.stdout.readline().decode("utf-8").strip()
        if not line.startswith("listening on "):
            raise RuntimeError("hncredit-server did not start (first line: %r)" % line)
        url = urllib.parse.urlsplit(line[len("listening on "):])
        self.host, self.port = url.hostname, url.port
        self.tokens = {}

    def close(self):
        if self.process is not None:
            self.process.terminate()
            # a large database checkpoints its WAL on the way out: slow under load
            self.process.wait(timeout=300)
            self.process = None
        shutil.rmtree(self.dir, ignore_errors=True)

    def execute(self, sql):
        """Runs one SQL statement on the server's database behind its back
        (a state the API cannot make), through psql over PostgreSQL: @sql
        must mean the same in both dialects."""
        if self.pg_database is not None:
            subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.pg_database, "-c", sql],
                           check=True, stdout=subprocess.DEVNULL)
        else:
            import sqlite3
            db = sqlite3.connect(self.db_path, timeout=30)
            with db:
                db.execute(sql)
            db.close()

    def query(self, sql):
        """The rows of @sql on the server's PostgreSQL database, each a line
        of its columns joined by |."""
        r = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.pg_database,
                            "-c", sql], check=True, capture_output=True, text=True, encoding="utf-8")
        return r.stdout.splitlines()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def request(self, method, path, token=None, body=None, content_type="application/json",
                headers=None):
        """@path is under /api/v1; @body is bytes, a str, or an object sent as JSON."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=300)
        hdrs = dict(headers or {})
        if token is not None:
            hdrs["Authorization"] = "Bearer " + token
        if body is not None:
            if not isinstance(body, (bytes, str)):
                body = json.dumps(body)
            if isinstance(body, str):
                body = body.encode("utf-8")
            hdrs["Content-Type"] = content_type
        conn.request(method, "/api/v1" + path, body=body, headers=hdrs)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return Response(r.status, r.headers, data)

    def request_declaring(self, method, path, token, content_type, length):
        """Sends only the headers of a request whose body would be @length
        bytes long: what a server that checks the size up front refuses
        without reading the body."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        conn.putrequest(method, "/api/v1" + path)
        # Asks for the answer to the headers before the body is sent.
        conn.putheader("Expect", "100-continue")
        if token is not None:
            conn.putheader("Authorization", "Bearer " + token)
        conn.putheader("Content-Type", content_type)
        conn.putheader("Content-Length", str(length))
        conn.endheaders()
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return Response(r.status, r.headers, data)

    def login(self, username, password=PASSWORD):
        r = self.request("POST", "/session", body={"username": username, "password": password})
        if r.status != 200:
            raise AssertionError("sign-in of %s: %r" % (username, r))
        return r.json["token"]

    def token(self, username):
        """A cached token of @username."""
        if username not in self.tokens:
            self.tokens[username] = self.login(username)
        return self.tokens[username]


class Tap:
    """TAP output for meson (protocol: 'tap')."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, passed, name, why=None):
        self.n += 1
        if not passed:
            self.failed += 1
        print("%s %d - %s" % ("ok" if passed else "not ok", self.n, name))
        if why and not passed:
            for line in str(why).splitlines():
                print("# " + line)
        sys.stdout.flush()

    def finish(self):
        print("1..%d" % self.n)
        return 1 if self.failed else 0


def operations(doc):
    """Every (method, path, operation) of an OpenAPI document."""
    for path, item in sorted(doc["paths"].items()):
        for method, op in item.items():
            if method in ("get", "put", "post", "patch", "delete"):
                yield method.upper(), path, op


def path_parameters(doc, path, op):
    params = list(doc["paths"][path].get("parameters", [])) + list(op.get("parameters", []))
    out = []
    for p in params:
        if "$ref" in p:
            p = resolve(doc, p["$ref"])
        out.append(p)
    return out


def resolve(doc, ref):
    assert ref.startswith("#/"), ref
    node = doc
    for part in ref[2:].split("/"):
        node = node[part]
    return node
