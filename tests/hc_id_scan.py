# SPDX-License-Identifier: GPL-3.0-or-later
# For the Python API tests (issue 11): finds full 居民身份证号码 in an answer
# of any kind — JSON, CSV, plain text, an XLSX workbook (its sheets and
# shared strings), a PDF (its text, read with pdftotext) — so that a test can
# prove that no answer to a masked role holds one.
import html
import io
import json
import re
import subprocess
import tempfile
import zipfile

import hc_test_server as hts

# Full-width digits and X read as ASCII ones (the server masks both).
_WIDE = {0xFF10 + i: ord("0") + i for i in range(10)}
_WIDE.update({0xFF38: ord("X"), 0xFF58: ord("X")})
# str.translate looks up every character in Python (4 s of api-contract's
# answers): done only on a text that holds one of those.
_ANY_WIDE = re.compile("[\uFF10-\uFF19\uFF38\uFF58]")

# 6 digits of region (not starting with 0), a birth date of 1900-2099, 3 of
# sequence and the check character; not inside a longer run of digits.
_CANDIDATE = re.compile(r"(?<![0-9])([1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])"
                        r"(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])(?![0-9])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_ROWS = 2000


def check_character(first17):
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]


def full_ids(text):
    """The full, valid ID numbers (GB 11643 check character right) in @text."""
    found = set()
    if _ANY_WIDE.search(text):
        text = text.translate(_WIDE)
    for m in _CANDIDATE.finditer(text):
        number = m.group(1).upper()
        if check_character(number[:17]) == number[17]:
            found.add(number)
    return found


def text_of(content_type, body):
    """The readable text of an answer of @content_type, or raises
    ValueError when it cannot be read (a broken workbook or PDF)."""
    if content_type == XLSX_TYPE:
        parts = []
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            for name in z.namelist():
                if name.endswith(".xml"):
                    parts.append(html.unescape(z.read(name).decode("utf-8", "replace")))
        return "\n".join(parts)
    if content_type == "application/pdf":
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(body)
            f.flush()
            out = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", f.name, "-"], capture_output=True)
        if out.returncode != 0:
            raise ValueError("pdftotext could not read the PDF (exit %d)" % out.returncode)
        return out.stdout.decode("utf-8", "replace")
    return body.decode("utf-8", "replace")


def ids_in_answer(content_type, body):
    return full_ids(text_of(content_type, body))


# ---- every GET of openapi.json, as a masked role, on data holding IDs ----

def _first_full_id(server, token, path, accept=None):
    r = server.request("GET", path, token=token, headers={"Accept": accept} if accept else None)
    assert r.status == 200, "%s: %r" % (path, r)
    return sorted(ids_in_answer(r.content_type, r.body))


def seed_people(c, ids):
    """Puts the full ID numbers of natural persons where the contract's data
    has none (as the administrator, over the API): a risk event naming one,
    a blacklist entry for one with the number in its facts (audited, with
    before/after), a batch match of their numbers (one unreadable: its row
    echoes it), an import whose rejected rows give one as a credit code and
    as an amount (the rejection message echoes it). Returns the
    path values that lead the GET walk to these records."""
    server, admin = c.server, c.admin
    people = server.request("GET", "/subjects?type=natural_person&limit=20", token=admin).json["items"]
    people = [p["identifier"] for p in people if full_ids(p["identifier"])]
    assert len(people) >= 2, "the demo data holds no natural persons with full ID numbers"
    person, other = people[0], people[1]
    values = {"identifier": person}

    categories = hts.resolve(c.doc, "#/components/schemas/RiskCategory")["enum"]
    r = server.request("POST", "/risk/events", token=admin, body={
        "region": "460100", "occurred_on": "2025-02-01", "category": categories[0], "severity": 2,
        "title": "身份证号扫描 %s" % person, "subject": person,
        "description": "当事人 %s，同行人 %s" % (person, other)})
    assert r.status == 201, r
    values["event"] = r.json["id"]

    black = next(t for t in server.request("GET", "/list-types", token=admin).json["items"] if t["key"] == "black")
    r = server.request("POST", "/lists/black/entries", token=admin, body={
        "subject": person, "department": ids["department"], "basis": "《海南自由贸易港社会信用条例》",
        "facts": "失信事实，当事人 %s" % person, "measures": [black["measures"][0]["code"]]})
    assert r.status == 201, r
    values["entry"] = r.json["id"]
    server.request("POST", "/list-entries/%d/transitions" % values["entry"], token=admin,
                   body={"action": "notice"}, headers={"If-Match": r.etag})

    r = server.request("POST", "/lists/match", token=admin, body={"subjects": [person, other, person + "号"]})
    assert r.status == 200, r
    values["match_run"] = r.json["run_id"]

    items = server.request("GET", "/catalog/versions/%d/items?limit=1000" % ids["year"], token=admin).json["items"]
    item = next(i for i in items if i["category"] == "penalty")
    csv = ("统一社会信用代码,主体名称,决定文书号,处罚机关,处罚决定日期,处罚类别,罚款金额（元）\n"
           "%s,王某,琼市监罚〔2025〕9101号,海口市市场监督管理局,2025-03-01,罚款,500.00\n"
           "91460100MA5T100082,合同测试有限公司,琼市监罚〔2025〕9102号,海口市市场监督管理局,2025-03-02,罚款,%s元\n"
           % (person, person))
    r = server.request("POST", "/imports?item=%d&kind=penalty" % item["id"], token=admin, body=csv,
                       content_type="text/csv")
    assert r.status == 201, r
    values["import"] = r.json["import_id"]

    # A repair of a natural person's record, if the demo has one.
    for repair in server.request("GET", "/repairs?limit=200", token=admin).json["items"]:
        if full_ids(json.dumps(repair, ensure_ascii=False)):
            values["repair"] = repair["id"]
            break
    return values


# Templates whose answers, to the administrator, must hold a full number on
# this data: where the walk proves that masking happens (and not that there
# was nothing to mask).
MUST_HOLD = [
    ("/subjects", "text/csv"),
    ("/subjects/{identifier}", "application/json"),
    ("/subjects/{identifier}/file", "application/json"),
    ("/subjects/{identifier}/report.pdf", "application/pdf"),
    ("/risk/events", "text/csv"),
    ("/risk/events/{id}", "application/json"),
    ("/lists/{type}/entries", XLSX_TYPE),
    ("/list-entries/{id}", "application/json"),
    ("/audit", "application/json"),
    ("/imports/{id}/rejections.csv", "text/csv"),
    ("/lists/match-runs/{id}/invalid", "application/json"),
    ("/repairs", "text/csv"),
]


def media_types(op):
    ok = op.get("responses", {}).get("200", {})
    return list(ok.get("content", {"application/json": None}).keys())


def scan_query(c, template, op):
    """The query of the walk: ?limit= the largest page the operation allows,
    so that the page holds the seeded rows (exports ignore paging), and
    ?type=natural_person where a listing filters by subject type (the rows
    that hold ID numbers, without exporting every company)."""
    query = []
    for p in hts.path_parameters(c.doc, template, op):
        if p.get("in") != "query":
            continue
        schema = p.get("schema", {})
        if "$ref" in schema:
            schema = hts.resolve(c.doc, schema["$ref"])
        if p.get("name") == "limit" and schema.get("maximum"):
            query.append("limit=%d" % schema["maximum"])
        elif p.get("name") == "type" and "natural_person" in schema.get("enum", ()):
            query.append("type=natural_person")
    return "&".join(query)


def scan_every_get(c, path_of, tap):
    """Every GET operation of openapi.json, in every media type its 200
    answer documents (JSON, CSV, XLSX, PDF), as a masked role (an analyst,
    or a supervisor where the analyst may not call it): no answer holds a
    full, valid ID number. @path_of(template, op) gives the request's path
    (path values and query) or None to leave the operation out (a reason
    is logged). The administrator's answers of MUST_HOLD hold full numbers:
    the walk has something to find."""
    server = c.server
    held = {}
    for method, template, op in hts.operations(c.doc):
        if method != "GET":
            continue
        roles = op.get("x-roles")
        public = op.get("security") == []
        masked = "analyst" if public or "analyst" in (roles or ()) else (
            "supervisor" if "supervisor" in (roles or ()) else None)
        if masked is None:
            tap.ok(True, "GET %s: only the administrator reads it (x-roles %s); nothing to mask" % (
                template, ",".join(roles or ())))
            continue
        path = path_of(template, op)
        if path is None:
            tap.ok(False, "GET %s: no path values for the ID scan" % template, "add them to the test")
            continue
        query = scan_query(c, template, op)
        if query:
            path += ("&" if "?" in path else "?") + query
        token = None if public else server.token(masked)
        rows = None
        for accept in media_types(op):
            # An XLSX export is written from the same masked rows as the
            # CSV one (hcs_request_reply_page): read for listings of up to
            # XLSX_ROWS rows (a workbook of the whole demo takes minutes
            # under ASan), and always where MUST_HOLD names it.
            if accept == XLSX_TYPE and rows is not None and rows > XLSX_ROWS and (template, accept) not in MUST_HOLD:
                tap.ok(True, "GET %s as %s (%s): # SKIP %d rows; its CSV export was scanned" % (
                    path, masked, accept, rows))
                continue
            r = server.request("GET", path, token=token, headers={"Accept": accept})
            if accept == "text/csv" and r.headers.get("X-Export-Rows"):
                rows = int(r.headers["X-Export-Rows"])
            problems = []
            if r.status != 200:
                problems.append("answered %r" % r)
            else:
                try:
                    found = ids_in_answer(r.content_type, r.body)
                except (ValueError, zipfile.BadZipFile) as e:
                    found = set()
                    problems.append("could not read the %s answer: %s" % (r.content_type, e))
                if found:
                    problems.append("full ID numbers to the %s: %s" % (masked, ", ".join(sorted(found)[:5])))
            tap.ok(not problems, "GET %s as %s (%s): no full ID number" % (path, masked, accept),
                   "; ".join(problems))
            if (template, accept) in MUST_HOLD:
                a = server.request("GET", path, token=c.admin, headers={"Accept": accept})
                held[(template, accept)] = a.status == 200 and bool(ids_in_answer(a.content_type, a.body))
    for key in MUST_HOLD:
        tap.ok(held.get(key, False), "GET %s (%s) holds full ID numbers for the administrator" % key,
               "the data has none there (or the route was not walked): the scan of it proves nothing")
