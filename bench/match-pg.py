#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# POST /lists/match over PostgreSQL, two servers in the same run: REF (the
# reference, e.g. a release build of main before a change) and NEW, each
# started on the same database in turn (alternated ROUNDS times), each
# request made three times. It prints every request's time, the best of
# each server per size, their ratio (REF / NEW: above 1, NEW is faster) and
# whether the answers (without run_id) are the same bytes. Nothing is
# asserted. Each request records a run (as the route does): the database
# gains match runs and hits.
#
#   bench/match-pg.py URI PASSWORD-FILE REF-SERVER NEW-SERVER [SIZES] [ROUNDS]
#
# URI: a database of the demo at scale 10 over PostgreSQL (`hncredit-server
# --seed-demo --demo-scale 10` into SQLite, then `hncredit-server migrate
# --from … --to URI`, then ANALYZE; bench/README.md says how long). The
# identifiers: every subject with an entry in force (a tenth of the size for
# 10,000), the rest subjects without one, in a fixed order. SIZES: comma
# separated, 10000,100000 unless given. PASSWORD-FILE: the admin's password.
import json
import subprocess
import sys
import time
import urllib.request


def psql(uri, sql):
    return subprocess.run(["psql", "-X", "-At", "-d", uri, "-c", sql], check=True, capture_output=True,
                          text=True).stdout.split()


def identifiers(uri, n):
    in_force = "SELECT subject_id FROM list_entries WHERE state IN ('published', 'objected')"
    hit = psql(uri, "SELECT identifier FROM subjects WHERE id IN (%s) ORDER BY id" % in_force)
    k = min(len(hit), n // 10 if n <= 10000 else len(hit))
    rest = psql(uri, "SELECT identifier FROM subjects WHERE id %% 7 = 3 AND id NOT IN (%s) ORDER BY id LIMIT %d"
                % (in_force, n - k))
    return sorted(hit[:k] + rest, key=lambda x: x[-3:] + x)


def post(url, path, token, body):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url + "/api/v1" + path, data=json.dumps(body).encode(), headers=headers)
    return json.load(urllib.request.urlopen(request, timeout=600))


def measure(server, uri, password, bodies, label):
    """Starts @server on @uri and makes each request of @bodies three
    times: {size: (best seconds, answer without run_id)}."""
    proc = subprocess.Popen([server, "--db", uri, "--listen", "127.0.0.1:0", "--threads", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = next(line.split()[-1] for line in proc.stdout if line.startswith("listening on "))
        token = post(url, "/session", None, {"username": "admin", "password": password})["token"]
        load = " ".join(open("/proc/loadavg").read().split()[:3])
        print("%s %s (load %s)" % (label, time.strftime("%H:%M:%S", time.gmtime()), load), flush=True)
        out = {}
        for n, body in bodies.items():
            times = []
            for _ in range(3):
                t = time.monotonic()
                answer = post(url, "/lists/match", token, body)
                times.append(time.monotonic() - t)
            answer.pop("run_id")
            print("  %6d identifiers: %s s, %d hits" % (n, ", ".join("%.3f" % t for t in times),
                                                          len(answer["hits"])), flush=True)
            out[n] = (min(times), json.dumps(answer, ensure_ascii=False, sort_keys=True))
        return out
    finally:
        proc.terminate()
        proc.wait()


def main():
    if len(sys.argv) < 5:
        sys.exit("usage: bench/match-pg.py URI PASSWORD-FILE REF-SERVER NEW-SERVER [SIZES] [ROUNDS]")
    uri, password = sys.argv[1], open(sys.argv[2]).read().strip()
    servers = {"ref": sys.argv[3], "new": sys.argv[4]}
    sizes = [int(x) for x in (sys.argv[5] if len(sys.argv) > 5 else "10000,100000").split(",")]
    rounds = int(sys.argv[6]) if len(sys.argv) > 6 else 2
    bodies = {n: {"purpose": "bench", "subjects": identifiers(uri, n)} for n in sizes}
    best, answers = {}, {}
    for r in range(rounds):
        for label, server in servers.items():
            for n, (seconds, answer) in measure(server, uri, password, bodies, "round %d: %s" % (r + 1, label)).items():
                best[label, n] = min(seconds, best.get((label, n), seconds))
                answers.setdefault(n, set()).add(answer)
    for n in sizes:
        print("%6d identifiers: best ref %.3f s, new %.3f s, ratio ref/new %.2f; answers %s"
              % (n, best["ref", n], best["new", n], best["ref", n] / best["new", n],
                 "the same bytes" if len(answers[n]) == 1 else "DIFFER"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
