#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package (issue 15), suite package (not run by default: the
# release build takes minutes): tools/package builds it from the tree;
# dpkg -x unpacks it into a scratch root; the app, the server, the data, the
# translations and the hardened systemd unit are there; the installed server
# runs from the scratch root — a new database, its first administrator
# signed in over HTTP — and speaks Chinese from the packaged catalog.
import http.client
import json
import os
import shutil
import subprocess
import tempfile
import urllib.parse

import hc_test_server as hts

TOP = os.environ["HC_SOURCE_ROOT"]
PASSWORD = "package-test-password"


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def main():
    tap = hts.Tap()
    work = tempfile.mkdtemp(prefix="hncredit-package-")
    if os.environ.get("HC_TEST_PACKAGE_DEB"):   # a package built before, to rerun faster
        r = subprocess.CompletedProcess([], 0, os.environ["HC_TEST_PACKAGE_DEB"] + "\n", "")
    else:
        r = run([os.path.join(TOP, "tools", "package"), os.path.join(work, "out")], timeout=3000)
    deb = r.stdout.strip().splitlines()[-1] if r.returncode == 0 and r.stdout.strip() else ""
    tap.ok(r.returncode == 0 and deb.endswith(".deb") and os.path.exists(deb),
           "tools/package builds the .deb", r.stderr[-3000:])
    if not deb:
        return tap.finish()

    info = run(["dpkg-deb", "--field", deb, "Package", "Version", "Depends"]).stdout
    tap.ok("Package: hncredit" in info and "libpq5" in info and "adduser" in info
           and "libgtk-4-1" in info, "the package is hncredit, depending on libpq5, GTK 4 and adduser", info)

    root = os.path.join(work, "root")
    r = run(["dpkg", "-x", deb, root])
    tap.ok(r.returncode == 0, "dpkg -x unpacks it into a scratch root", r.stderr)

    unit = None
    for d in ("lib/systemd/system", "usr/lib/systemd/system"):
        if os.path.exists(os.path.join(root, d, "hncredit-server.service")):
            unit = os.path.join(root, d, "hncredit-server.service")
    expected = ["usr/bin/hncredit", "usr/bin/hncredit-server", "usr/share/hncredit/holidays-cn.json",
                "usr/share/hncredit/indicators.json", "usr/share/locale/zh_CN/LC_MESSAGES/hncredit.mo",
                "usr/share/applications/org.hncredit.Console.desktop",
                "usr/share/glib-2.0/schemas/org.hncredit.Console.gschema.xml",
                "etc/default/hncredit-server", "usr/share/hncredit/systemd/tls.conf",
                "usr/share/doc/hncredit/README.md.gz"]
    missing = [f for f in expected if not os.path.exists(os.path.join(root, f))]
    tap.ok(not missing and unit is not None, "it holds the app, the server, the data, the catalog and the unit",
           "missing: %s; unit: %s" % (missing, unit))

    text = open(unit).read() if unit else ""
    settings = [l.strip() for l in text.splitlines()]
    hardening = ["User=hncredit", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                 "PrivateTmp=yes", "StateDirectory=hncredit", "StateDirectoryMode=0700", "CapabilityBoundingSet=",
                 "LoadCredential=admin-password:/etc/hncredit/admin-password", "UMask=0077"]
    lacking = [h for h in hardening if h not in settings]
    tap.ok(not lacking, "the unit runs as its own user, hardened, with its state in StateDirectory", lacking)
    # The provincial shape: the template unit of several instances, as
    # hardened, each on the port of its name, all on the database of one
    # settings file, the PostgreSQL password through its credentials.
    template = unit[:-len("hncredit-server.service")] + "hncredit-server@.service" if unit else ""
    ttext = open(template).read() if template and os.path.exists(template) else ""
    tsettings = [l.strip() for l in ttext.splitlines()]
    tlacking = [h for h in hardening + ["EnvironmentFile=/etc/default/hncredit-server-instances",
                                        "LoadCredential=pgpass:/etc/hncredit/pgpass",
                                        "Environment=PGPASSFILE=%d/pgpass"] if h not in tsettings]
    tap.ok(ttext and not tlacking and "--listen ${HNCREDIT_ADDRESS}:%i" in ttext
           and all(os.path.exists(os.path.join(root, f)) for f in
                   ("etc/default/hncredit-server-instances", "usr/share/hncredit/nginx/hncredit.conf")),
           "the instances' template unit (hardened alike, a port per instance), its settings and the nginx example",
           "unit: %s; lacking: %s" % (template, tlacking))
    tls = open(os.path.join(root, "usr/share/hncredit/systemd/tls.conf")).read()
    tap.ok("LoadCredential=tls.key:/etc/hncredit/tls.key" in tls and "--tls-key=%d/tls.key" in tls,
           "the TLS drop-in hands the key to the service through its credentials (readable by it alone)", tls)
    if shutil.which("systemd-analyze"):
        r = run(["systemd-analyze", "verify", unit])
        problems = [l for l in (r.stdout + r.stderr).splitlines()
                    if "hncredit-server.service" in l and "/usr/bin/hncredit-server" not in l
                    and "not found" not in l.lower()]
        tap.ok(not problems, "systemd-analyze verify finds nothing wrong in the unit's settings",
               r.stdout + r.stderr)

    control = os.path.join(work, "control")
    run(["dpkg-deb", "-e", deb, control])
    postinst = open(os.path.join(control, "postinst")).read() if os.path.exists(os.path.join(control, "postinst")) else ""
    conffiles = open(os.path.join(control, "conffiles")).read() if os.path.exists(os.path.join(control, "conffiles")) else ""
    tap.ok("/etc/default/hncredit-server\n" in conffiles + "\n"
           and "/etc/default/hncredit-server-instances" in conffiles,
           "the services' settings files are conffiles (kept on upgrades)", conffiles)
    tap.ok("adduser --system" in postinst and "/etc/hncredit/admin-password" in postinst
           and "chmod 0600" in postinst, "the postinst makes the service's user and a password only root reads",
           postinst[:2000])

    server = os.path.join(root, "usr/bin/hncredit-server")
    r = run([server, "--version"])
    tap.ok(r.returncode == 0 and r.stdout.startswith("hncredit-server "), "the installed server runs",
           r.stdout + r.stderr)

    env = dict(os.environ, HNCREDIT_ADMIN_PASSWORD=PASSWORD)
    p = subprocess.Popen([server, "--db", os.path.join(work, "credit.db"), "--listen", "127.0.0.1:0",
                          "--holidays", os.path.join(root, "usr/share/hncredit/holidays-cn.json"),
                          "--exit-on-stdin-eof"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    line = p.stdout.readline().decode("utf-8").strip()
    status = None
    try:
        url = urllib.parse.urlsplit(line[len("listening on "):])
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        conn.request("POST", "/api/v1/session", body=json.dumps({"username": "admin", "password": PASSWORD}),
                     headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        status = resp.status
        body = json.loads(resp.read().decode("utf-8"))
    except Exception as e:   # reported below
        body = str(e)
    p.stdin.close()
    p.wait(timeout=60)
    tap.ok(line.startswith("listening on ") and status == 200 and "token" in body,
           "the installed server serves a new database: its administrator signs in", (line, status, body))

    env = dict(os.environ, LANGUAGE="zh_CN", LC_ALL="zh_CN.UTF-8",
               HNCREDIT_LOCALEDIR=os.path.join(root, "usr/share/locale"))
    r = run([server, "migrate"], env=env)
    tap.ok(r.returncode == 2 and "请给出 --from" in r.stderr, "it speaks Chinese from the packaged catalog",
           r.stderr)

    shutil.rmtree(work, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    raise SystemExit(main())
