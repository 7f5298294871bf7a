#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad input changes nothing (issue 11), generated from openapi.json: for
# every operation with a JSON body, every value its schema refuses (each
# member of a wrong JSON type or null where it may not be, each required
# member missing, text over its maxLength or over 10,000 characters, a value
# outside its enum, numbers outside minimum/maximum, dates that are not,
# lists too short or too long, an unknown member where additionalProperties
# is false), bodies that are not an object or not JSON; and for every
# operation, each documented path and query parameter given a value its
# schema refuses (not a number, negative, huge, not in the enum, not a date).
# Each request is sent as a role allowed to call the operation, on a real
# record that a valid request then changes (proving the refusals were the
# input's, not a missing record's), and must answer 4xx (never 5xx, never a
# dropped connection) with a JSON error holding `code`, and `field` naming the
# member or parameter; and no table of the database may change (the audit
# log's included). Over PostgreSQL too (api-pg-bad-input: hc-pg-run.sh,
# the tables compared through psql).
import http.client
import json
import sys
import time

import hc_bad_input as bad
import hc_openapi as oa
import hc_test_server as hts

SUBJECT = "91460100MA5T100082"
OTHER_SUBJECT = "91460200MA5T100162"
DEPT_CODE = "BADIN"
# Statuses that refuse input; 404/409/412 would mean the record or its state
# answered before the input was looked at.
INPUT_STATUSES = (400, 413, 414, 415, 422)


class Run:
    def __init__(self, server, tap):
        self.server = server
        self.tap = tap
        self.doc = server.request("GET", "/openapi.json").json
        self.ops = {(m, p): op for m, p, op in hts.operations(self.doc)}
        self.ids = {}
        self.snapshot = None
        self.covered = set()
        self.current = None
        self.conn = None

    def token(self, who):
        return None if who is None else self.server.token(who)

    def ok(self, method, path, token, body=None, headers=None, content_type="application/json", expect=None):
        """A setup request that must succeed."""
        r = self.server.request(method, path, token=self.token(token), body=body, headers=headers,
                                content_type=content_type)
        if r.status >= 300 or (expect is not None and r.status != expect):
            raise AssertionError("setup: %s %s: %r" % (method, path, r))
        return r

    def etag(self, path):
        r = self.server.request("GET", path, token=self.token("admin"))
        assert r.status == 200 and r.etag, "%s: %r" % (path, r)
        return r.etag

    def request(self, method, path, token, body, headers):
        """One request on a kept-alive connection (a new one per request costs
        more than the request); a connection the server closed is opened
        again once, so that only a request the server drops fails."""
        hdrs = dict(headers or {})
        if token is not None:
            hdrs["Authorization"] = "Bearer " + token
        if body is not None:
            body = body.encode("utf-8")
            hdrs.setdefault("Content-Type", "application/json")
        for attempt in (1, 2):
            fresh = self.conn is None
            if fresh:
                self.conn = http.client.HTTPConnection(self.server.host, self.server.port, timeout=120)
            try:
                self.conn.request(method, "/api/v1" + path, body=body, headers=hdrs)
                r = self.conn.getresponse()
                data = r.read()
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if fresh:
                    raise
                continue
            if r.will_close:
                self.conn.close()
                self.conn = None
            return hts.Response(r.status, r.headers, data)

    def send(self, method, path, token, raw, headers):
        """@raw: ("json", value) or ("raw", text) or None (no body)."""
        body = None
        if raw is not None:
            kind, value = raw
            body = json.dumps(value, ensure_ascii=False) if kind == "json" else value
        try:
            return self.request(method, path, self.token(token), body, headers), None
        except Exception as e:   # a dropped connection, a reset
            return None, "no answer: %s: %s" % (type(e).__name__, e)

    def check(self, name, method, path, token, raw, headers, field, statuses=INPUT_STATUSES,
              field_optional=False):
        """One refused request: its answer, and nothing changed."""
        r, why = self.send(method, path, token, raw, headers)
        problems = [why] if why else []
        if r is not None:
            if r.status not in statuses:
                problems.append("answered %d (expected one of %s)" % (r.status, ", ".join(map(str, statuses))))
            why = oa.check_answer(self.doc, method, path, self.ops[self.current], r)
            if why is not None:
                problems.append(why)
            error = (r.json or {}).get("error") if isinstance(r.json, dict) else None
            if not error or not error.get("code"):
                problems.append("the answer is not a JSON error with a code")
            elif field is not None and r.status != 413 and not field_optional:
                got = error.get("field")
                if got != field and not (got or "").startswith(field + ".") and not (got or "").startswith(field + "["):
                    problems.append("field is %r, not %r" % (got, field))
        changed = self.snapshot.changes()
        if changed:
            problems.append("the database changed: " + ", ".join(changed))
        self.tap.ok(not problems, "%s %s: %s" % (method, path.split("?")[0], name),
                    "; ".join(problems) + (": %r" % r if r is not None else ""))

    def body_case(self, method, template, path, token, valid, headers=None, expect=None, after=None):
        """Every body the request schema of @method @template refuses, sent to
        @path; then @valid, which must succeed (@expect) and is allowed to
        change things."""
        op = self.ops[(method, template)]
        self.covered.add((method, template))
        self.current = (method, template)
        media = op["requestBody"]["content"]["application/json"]
        schema = oa.to_json_schema(self.doc, media["schema"])
        hdrs = headers() if callable(headers) else headers
        for what, raw, field in bad.body_mutations(schema, valid):
            self.check(what, method, path, token, raw, hdrs, field)
        hdrs = headers() if callable(headers) else headers
        r, why = self.send(method, path, token, ("json", valid), hdrs)
        passed = r is not None and 200 <= r.status < 300 and (expect is None or r.status == expect)
        self.tap.ok(passed, "%s %s: the valid body is accepted" % (method, template),
                    "so the refusals above were not the record's or the state's: %s" % (why or repr(r)))
        self.snapshot.changes()
        if after is not None and passed:
            after(r)
        return r

    def param_case(self, method, template, path, token, body=None, headers=None, content_type=None):
        """Each documented path and query parameter of @method @template given
        values its schema refuses; the rest of @path (real, valid) kept."""
        op = self.ops[(method, template)]
        self.current = (method, template)
        base, _, query = path.partition("?")
        pairs = [q.split("=", 1) for q in query.split("&") if q]
        for p in hts.path_parameters(self.doc, template, op):
            if p.get("in") not in ("path", "query"):
                continue
            schema = oa.to_json_schema(self.doc, p.get("schema", {}))
            for label, value in bad.param_values(schema):
                if p["in"] == "path":
                    url = template.replace("{%s}" % p["name"], value)
                    for name, v in self.path_values(template).items():
                        url = url.replace("{%s}" % name, str(v))
                    url += ("?" + query) if query else ""
                    statuses = (400, 404, 422)
                else:
                    q = [(k, v) for k, v in pairs if k != p["name"]] + [(p["name"], value)]
                    url = base + "?" + "&".join("%s=%s" % kv for kv in q)
                    statuses = (400, 422)
                raw = None
                if body is not None:
                    raw = ("raw", body)
                hdrs = dict(headers or {})
                if content_type:
                    hdrs["Content-Type"] = content_type
                self.check("%s parameter “%s” %s" % (p["in"], p["name"], label), method, url, token, raw,
                           hdrs or None, p["name"], statuses=statuses,
                           field_optional=(p["in"] == "path"))

    def path_values(self, template):
        ids = self.ids
        table = [
            ("/users/", {"id": ids.get("user")}),
            ("/catalog/versions/", {"year": 2025}),
            ("/catalog/items/", {"id": ids.get("catalog_item")}),
            ("/commitments/", {"id": ids.get("commitment")}),
            ("/imports/", {"id": ids.get("import")}),
            ("/indicators/{key}/values/{year}/records", {"key": "repair-overdue-rate", "year": 2024}),
            ("/indicators/", {"key": "credit-verification-coverage", "year": 2023}),
            ("/lists/match-runs/", {"id": ids.get("match_run"), "entry": ids.get("red_entry")}),
            ("/lists/match-clearances/", {"id": ids.get("clearance")}),
            ("/lists/", {"type": "black"}),
            ("/list-types/", {"type": "black"}),
            ("/list-entries/", {"id": ids.get("black_entry")}),
            ("/repairs/", {"id": ids.get("repair")}),
            ("/risk/events/", {"id": ids.get("event")}),
            ("/risk/rules/", {"id": ids.get("rule")}),
            ("/risk/alerts/", {"id": ids.get("alert")}),
            ("/subjects/", {"identifier": SUBJECT}),
            ("/reports/", {"number": ids.get("report")}),
            ("/grading/models/", {"id": ids.get("grading_model")}),
            ("/inspections/plans/", {"id": ids.get("plan")}),
            ("/inspections/draws/", {"id": ids.get("draw")}),
            ("/inspections/", {"id": ids.get("inspection")}),
        ]
        for prefix, values in table:
            if template.startswith(prefix) and (not prefix.endswith("}/records") or template == prefix):
                return values
        return {}

    def fill(self, template):
        path = template
        for name, value in self.path_values(template).items():
            path = path.replace("{%s}" % name, str(value))
        assert "{" not in path, "no value for a parameter of %s" % template
        return path


def least_role(op):
    roles = oa.roles_of(op)
    if roles is None:
        return "admin"
    return next(r for r in ("analyst", "supervisor", "admin") if r in roles)


def setup(run):
    """The records the routes act on, on an empty server, through the API."""
    pw = hts.PASSWORD
    r = run.ok("POST", "/departments", "admin", {"code": DEPT_CODE, "name": "坏输入测试局", "level": "provincial"})
    run.ids["dept"] = dept = r.json["id"]
    for name, role in [("analyst", "analyst"), ("supervisor", "supervisor"), ("supervisor2", "supervisor"),
                       ("inspector1", "analyst"), ("inspector2", "analyst")]:
        r = run.ok("POST", "/users", "admin", {"username": name, "password": pw, "role": role,
                                               "department_id": dept})
    run.ids["user"] = r.json["id"]
    for identifier, region in [(SUBJECT, "460100"), (OTHER_SUBJECT, "460200")]:
        run.ok("POST", "/subjects", "admin", {"identifier": identifier, "name": "坏输入测试%s有限公司" % region,
                                              "type": "legal_person", "region": region, "industry": "批发和零售业", "grade_reason": "测试",
                                              "grade": "A"})
    # The catalog: 2025 published (a commitment and a penalty item), 2026 a draft.
    run.ok("POST", "/catalog/versions", "admin", {"year": 2025})
    item = {"subject_type": "legal_person", "department_id": dept, "disclosure": "public",
            "update_frequency": "monthly", "legal_basis": "《海南自由贸易港社会信用条例》",
            "publicity_period": "三年"}
    r = run.ok("POST", "/catalog/versions/2025/items", "admin", dict(item, category="commitment", name="告知承诺信息"))
    commitment_item = r.json["id"]
    run.ok("POST", "/catalog/versions/2025/items", "admin", dict(item, category="penalty", name="行政处罚信息"))
    run.ok("POST", "/catalog/versions/2025/publish", "supervisor", headers={"If-Match": run.etag("/catalog/versions/2025")})
    run.ok("POST", "/catalog/versions", "admin", {"year": 2026, "copy_from": 2025})
    r = run.ok("GET", "/catalog/versions/2026/items", "admin")
    run.ids["catalog_item"] = r.json["items"][0]["id"]
    run.ids["item_template"] = dict(item, category="penalty")
    csv = ("uscc,name,commitment_no,matter,authority,committed_on,fulfilment\n"
           "%s,坏输入测试460100有限公司,CN-BAD-001,食品经营许可告知承诺,海口市市场监督管理局,2025-01-10,\n" % SUBJECT)
    r = run.ok("POST", "/imports?item=%d&kind=commitment" % commitment_item, "analyst", csv, content_type="text/csv")
    run.ids["import"] = r.json["import_id"]
    run.ids["commitment_item"] = commitment_item
    r = run.ok("GET", "/subjects/%s/records?kind=commitment" % SUBJECT, "admin")
    run.ids["commitment"] = r.json["items"][0]["id"]
    # Lists: a red entry published (a match hits it), a black one proposed.
    red = {"subject": SUBJECT, "department": dept, "basis": "坏输入测试依据", "measures": ["red.green_channel"]}
    r = run.ok("POST", "/lists/red/entries", "analyst", red)
    entry = "/list-entries/%d" % r.json["id"]
    run.ids["red_entry"] = r.json["id"]
    for action in ("notice", "publish"):
        run.ok("POST", entry + "/transitions", "supervisor2", {"action": action}, headers={"If-Match": run.etag(entry)})
    types = run.ok("GET", "/list-types", "admin").json["items"]
    black = next(t for t in types if t["key"] == "black")
    run.ids["black_measure"] = black["measures"][0]["code"]
    r = run.ok("POST", "/lists/black/entries", "analyst",
               {"subject": OTHER_SUBJECT, "department": dept, "basis": "坏输入测试依据",
                "measures": [run.ids["black_measure"]]})
    run.ids["black_entry"] = r.json["id"]
    r = run.ok("POST", "/lists/match", "analyst", {"subjects": [SUBJECT]})
    run.ids["match_run"] = r.json["run_id"]
    # Risk: an event, a rule any food_drug event in 海口 crosses, its alert.
    event = {"region": "460100", "occurred_on": "2025-01-01", "category": "finance", "severity": 3,
             "title": "坏输入测试事件"}
    r = run.ok("POST", "/risk/events", "analyst", event)
    run.ids["event"] = r.json["id"]
    rule = {"category": "food_drug", "region": "460100", "kind": "threshold", "window_months": 24,
            "threshold": 0.0001}
    r = run.ok("POST", "/risk/rules", "supervisor", rule)
    run.ids["rule"] = r.json["id"]
    run.ok("POST", "/risk/events", "analyst", dict(event, category="food_drug"))
    r = run.ok("GET", "/risk/alerts?state=open&region=460100", "admin")
    run.ids["alert"] = r.json["items"][0]["id"]
    r = run.ok("GET", "/subjects/%s/report.pdf" % SUBJECT, "analyst")
    run.ids["report"] = r.headers["X-Report-Number"]
    run.ids["report_sha256"] = r.headers["X-Report-SHA256"]


def body_cases(run):
    """Each operation with a JSON body, on a record it may act on, in an order
    where one case's valid request makes the record the next needs."""
    ids, dept = run.ids, run.ids["dept"]
    pw = hts.PASSWORD
    c = run.body_case
    c("POST", "/session", "/session", None, {"username": "analyst", "password": pw})
    c("POST", "/users", "/users", "admin", {"username": "bad.input.user", "password": pw, "role": "analyst",
                                            "display_name": "坏输入", "department_id": dept}, expect=201)
    user = "/users/%d" % ids["user"]
    c("PATCH", "/users/{id}", user, "admin", {"display_name": "坏输入二"},
      headers=lambda: {"If-Match": run.etag(user)})
    c("POST", "/departments", "/departments", "admin", {"code": "BADIN2", "name": "坏输入测试二局", "level": "county",
                                                        "region": "460100"}, expect=201)
    c("POST", "/subjects", "/subjects", "supervisor",
      {"identifier": "91460300MA5T100242", "name": "坏输入新建有限公司", "type": "legal_person", "region": "460300",
       "industry": "制造业", "grade": "B", "grade_reason": "测试", "registered_on": "2020-01-01"}, expect=201)
    subject = "/subjects/" + SUBJECT
    c("PATCH", "/subjects/{identifier}", subject, "supervisor",
      {"name": "坏输入测试更名有限公司", "grade": "B", "grade_reason": "人工调整"},
      headers=lambda: {"If-Match": run.etag(subject)})
    # The catalog: a version, a draft's item and its change.
    c("POST", "/catalog/versions", "/catalog/versions", "analyst", {"year": 2027, "copy_from": 2025}, expect=201)
    c("POST", "/catalog/versions/{year}/items", "/catalog/versions/2026/items", "analyst",
      dict(ids["item_template"], name="新目录项", scope="basic", expected_records=10, collected_records=5),
      expect=201)
    item = "/catalog/items/%d" % ids["catalog_item"]
    c("PATCH", "/catalog/items/{id}", item, "analyst", {"name": "改名目录项"},
      headers=lambda: {"If-Match": run.etag(item)})
    commitment = "/commitments/%d" % ids["commitment"]
    c("POST", "/commitments/{id}/fulfilment", commitment + "/fulfilment", "analyst",
      {"fulfilment": "fulfilled", "date": "2025-06-01", "note": "按期履约"},
      headers=lambda: {"If-Match": run.etag(commitment)})
    # Grading: a draft model, edited; an override.
    c("POST", "/grading/models", "/grading/models", "supervisor", {"title": "坏输入模型"}, expect=201,
      after=lambda r: ids.__setitem__("grading_model", r.json["id"]))
    model = "/grading/models/%d" % ids["grading_model"]
    c("PATCH", "/grading/models/{id}", model, "supervisor", {"bands": {"A": 81, "B": 66, "C": 50}},
      headers=lambda: {"If-Match": run.etag(model)})
    c("POST", "/subjects/{identifier}/grade/override", subject + "/grade/override", "supervisor",
      {"grade": "B", "reason": "坏输入测试"})
    # Indicators: a 市县's value, its review, the 市县 target.
    value = "/indicators/credit-verification-coverage/values/2023"
    c("PUT", "/indicators/{key}/values/{year}", value, "analyst",
      {"value": 75, "evidence": "坏输入佐证", "region": "460100"}, expect=201)
    c("POST", "/indicators/{key}/values/{year}/review", value + "/review", "supervisor",
      {"decision": "return", "comment": "请补充", "region": "460100"},
      headers=lambda: {"If-Match": run.etag(value + "?region=460100")})
    c("PUT", "/indicators/{key}/region-target", "/indicators/credit-verification-coverage/region-target",
      "supervisor", {"target": 75, "warning_gap": 5}, expect=201)
    # Lists.
    c("PATCH", "/list-types/{type}", "/list-types/declaration_watch", "admin", {"notice_days": 7, "objection_days": 10})
    c("POST", "/lists/{type}/entries", "/lists/black/entries", "analyst",
      {"subject": SUBJECT, "department": dept, "basis": "坏输入依据", "facts": "事实",
       "measures": [ids["black_measure"]], "published_until": "2030-01-01"}, expect=201)
    entry = "/list-entries/%d" % ids["black_entry"]
    c("POST", "/list-entries/{id}/transitions", entry + "/transitions", "supervisor", {"action": "notice"},
      headers=lambda: {"If-Match": run.etag(entry)})
    c("POST", "/lists/match", "/lists/match", "analyst", {"subjects": [SUBJECT, OTHER_SUBJECT], "purpose": "测试"})
    hit = "/lists/match-runs/%d/hits/%d" % (ids["match_run"], ids["red_entry"])
    c("POST", "/lists/match-runs/{id}/hits/{entry}/feedback", hit + "/feedback", "analyst",
      {"applied": True, "note": "已应用"})
    c("POST", "/lists/match-runs/{id}/hits/{entry}/clearance", hit + "/clearance", "analyst",
      {"reason": "同名不同人"}, expect=201, after=lambda r: ids.__setitem__("clearance", r.json["id"]))
    c("POST", "/lists/match-clearances/{id}/withdrawal", "/lists/match-clearances/%d/withdrawal" % ids["clearance"],
      "analyst", {"reason": "撤回"})
    # Repairs (信用修复) and their decision.
    c("POST", "/repairs", "/repairs", "analyst",
      {"subject": SUBJECT, "kind": "penalty", "reason": "坏输入修复", "commitment": True,
       "evidence": ["缴款凭证"], "applied_on": "2025-06-01", "department": dept}, expect=201,
      after=lambda r: ids.__setitem__("repair", r.json["id"]))
    repair = "/repairs/%d" % ids["repair"]
    c("POST", "/repairs/{id}/decision", repair + "/decision", "supervisor", {"decision": "reject", "comment": "材料不全"},
      headers=lambda: {"If-Match": run.etag(repair)})
    # Risk.
    c("POST", "/risk/events", "/risk/events", "analyst",
      {"region": "460100", "occurred_on": "2025-02-01", "category": "finance", "severity": 2, "title": "坏输入事件",
       "description": "描述", "subject": SUBJECT, "department_id": dept}, expect=201)
    c("POST", "/risk/rules", "/risk/rules", "supervisor",
      {"category": "finance", "region": None, "kind": "rise", "window_months": 6, "threshold": 1.5}, expect=201)
    rule = "/risk/rules/%d" % ids["rule"]
    c("PATCH", "/risk/rules/{id}", rule, "supervisor", {"threshold": 2},
      headers=lambda: {"If-Match": run.etag(rule)})
    alert = "/risk/alerts/%d" % ids["alert"]
    c("POST", "/risk/alerts/{id}/acknowledge", alert + "/acknowledge", "analyst", {"note": "已知悉"},
      headers=lambda: {"If-Match": run.etag(alert)})
    c("POST", "/risk/alerts/{id}/close", alert + "/close", "supervisor", {"note": "已处置"},
      headers=lambda: {"If-Match": run.etag(alert)})
    # 双随机、一公开: a plan, a conflict, the draw, a result.
    plan = {"title": "坏输入抽查计划", "department_id": dept, "region": "460100", "industry": None,
            "subject_type": "legal_person", "ratios": {"A": 100, "B": 100, "C": 100, "D": 100},
            "inspectors": ["inspector1", "inspector2"], "exclusion_days": 0}
    c("POST", "/inspections/plans", "/inspections/plans", "supervisor", plan, expect=201,
      after=lambda r: ids.__setitem__("plan", r.json["id"]))
    path = "/inspections/plans/%d" % ids["plan"]
    c("POST", "/inspections/plans/{id}/conflicts", path + "/conflicts", "supervisor",
      {"inspector": "inspector1", "subject": OTHER_SUBJECT, "reason": "亲属"}, expect=201)
    c("POST", "/inspections/plans/{id}/draw", path + "/draw", "supervisor", {"reason": "首次抽取"}, expect=201,
      after=lambda r: ids.__setitem__("draw", r.json["draw_id"]))
    items = run.ok("GET", path + "/inspections", "admin").json["items"]
    ids["inspection"] = items[0]["id"]
    c("POST", "/inspections/{id}/result", "/inspections/%d/result" % ids["inspection"], "supervisor",
      {"result": "pass", "note": "无问题"})


def param_cases(run):
    """Every operation's documented path and query parameters."""
    queries = {"/publicity": "?kind=penalty",
               "/inspections/inspectors": "?department_id=%d" % run.ids["dept"],
               "/subjects/{identifier}/records": "?kind=penalty",
               "/catalog/diff": "?from=2025&to=2026", "/catalog/diff/rows": "?from=2025&to=2026",
               "/reports/{number}": "?sha256=" + run.ids["report_sha256"]}
    for (method, template), op in sorted(run.ops.items()):
        params = [p for p in hts.path_parameters(run.doc, template, op) if p.get("in") in ("path", "query")]
        if not params:
            continue
        token = least_role(op) if oa.roles_of(op) is not None else "admin"
        path = run.fill(template) + queries.get(template, "")
        body = None
        content_type = None
        headers = None
        if method == "POST" and template == "/imports":
            path = "/imports?item=%d&kind=commitment" % run.ids["commitment_item"]
            body = ("uscc,name,commitment_no,matter,authority,committed_on,fulfilment\n"
                    "%s,坏输入测试,CN-BAD-009,事项,海口市市场监督管理局,2025-01-10,\n" % SUBJECT)
            content_type = "text/csv"
        elif method == "DELETE" and template == "/inspections/plans/{id}/conflicts":
            path += "?inspector=inspector1&subject=" + OTHER_SUBJECT
        elif "requestBody" in op:
            body = "{}"
            content_type = "application/json"
        if any(p.get("name") == "If-Match" for p in hts.path_parameters(run.doc, template, op)):
            headers = {"If-Match": '"1"'}
        run.covered.add((method, template))
        run.param_case(method, template, path, token, body=body, headers=headers, content_type=content_type)


def main():
    tap = hts.Tap()
    with hts.Server(demo=False) as server:
        run = Run(server, tap)
        started = time.monotonic()
        setup(run)
        print("# setup: %.1f s" % (time.monotonic() - started))
        for role in ("analyst", "supervisor", "supervisor2", "admin"):
            run.token(role)   # signing in is audited: before the snapshot
        if server.pg_database is not None:
            run.snapshot = bad.PgSnapshot(server.pg_database)
        else:
            run.snapshot = bad.Snapshot(server.db_path)
        try:
            started = time.monotonic()
            body_cases(run)
            print("# bodies: %.1f s" % (time.monotonic() - started))
            started = time.monotonic()
            param_cases(run)
            print("# parameters: %.1f s" % (time.monotonic() - started))
        finally:
            run.snapshot.close()
        # A new operation with a JSON body or parameters cannot be missed.
        for (method, template), op in sorted(run.ops.items()):
            json_body = "application/json" in op.get("requestBody", {}).get("content", {})
            params = [p for p in hts.path_parameters(run.doc, template, op) if p.get("in") in ("path", "query")]
            if json_body or params:
                tap.ok((method, template) in run.covered, "%s %s is exercised" % (method, template),
                       "openapi.json documents a body or parameters this test does not send: add a case")
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
