#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The route × role table, generated from openapi.json so that a new route
# cannot be missed: every operation is called without a token, with a bad
# token, and as each role. Without a (valid) token a protected operation
# answers 401; a role outside the operation's x-roles gets 403; a role in it
# gets past the door (neither 401 nor 403); whatever the caller, the status
# is one the document lists for the operation, and never a 5xx.
import sys

import hc_openapi as oa
import hc_test_server as hts

# Values of path parameters: the server starts empty, so they name nothing
# and a caller who gets past the door is told 404 (or why the request is
# bad); what is checked here is the door.
PATH_VALUES = {"id": "999999999", "year": "2099", "key": "no-such-indicator", "type": "no-such-type",
               "identifier": "91460000MA5TXXXXXX", "number": "HN20990101-0000000000",
               "entry": "999999999"}
CALLERS = ("no token", "bad token") + hts.ROLES


def fill(template):
    path = template
    for name, value in PATH_VALUES.items():
        path = path.replace("{%s}" % name, value)
    assert "{" not in path, "a path parameter of %s has no value here: add one" % template
    return path


def main():
    tap = hts.Tap()
    with hts.Server(demo=False) as server:
        admin = server.token("admin")
        for role in ("analyst", "supervisor"):
            r = server.request("POST", "/users", token=admin,
                               body={"username": role, "password": hts.PASSWORD, "role": role})
            assert r.status == 201, r
        if server.pg_database is not None:   # api-pg-roles: the server's database is PostgreSQL's
            users = server.query("SELECT string_agg(username, ',' ORDER BY username) FROM users")
            tap.ok(users == ["admin,analyst,supervisor"], "the users are in PostgreSQL's database", users)
        doc = server.request("GET", "/openapi.json").json
        for method, template, op in hts.operations(doc):
            public = op.get("security") == []
            roles = oa.roles_of(op)
            if not public and not roles:
                tap.ok(False, "%s %s documents its roles" % (method, template),
                       "a protected operation without x-roles")
                continue
            documented = set(oa.documented_statuses(op))
            body = {} if "requestBody" in op else None
            for caller in CALLERS:
                if caller == "no token":
                    token = None
                elif caller == "bad token":
                    token = "not-a-token"
                elif method == "DELETE" and template == "/session":
                    token = server.login(caller)   # signing out ends the session
                else:
                    token = server.token(caller)
                r = server.request(method, fill(template), token=token, body=body)
                problems = []
                if r.status >= 500:
                    problems.append("a server error")
                if r.status not in documented:
                    problems.append("%d is not documented (%s)" % (r.status, ", ".join(map(str, sorted(documented)))))
                if not public:
                    if caller in ("no token", "bad token") and r.status != 401:
                        problems.append("expected 401")
                    elif caller in hts.ROLES and caller not in roles and r.status != 403:
                        problems.append("expected 403: x-roles is %s" % ", ".join(roles))
                    elif caller in roles and r.status in (401, 403):
                        problems.append("the role is in x-roles (%s) but was refused" % ", ".join(roles))
                elif r.status in (401, 403):
                    problems.append("a public operation refused the caller")
                tap.ok(not problems, "%s %s, %s: %d" % (method, template, caller, r.status),
                       "; ".join(problems) + ": %r" % r if problems else None)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
