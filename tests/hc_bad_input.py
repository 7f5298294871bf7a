# SPDX-License-Identifier: GPL-3.0-or-later
# For the bad-input test (issue 11): the values an OpenAPI schema refuses,
# generated from the schema itself, and the state of the database to prove
# that a refused request changed nothing.
import copy
import hashlib
import re
import sqlite3

LONG = 10001          # over any text the server takes when the schema sets no maxLength
TYPE_EXAMPLES = {"string": "text", "integer": 7, "number": 7.5, "boolean": True,
                 "array": ["text"], "object": {"a": 1}, "null": None}


def types_of(schema):
    t = schema.get("type")
    if t is None:
        if "anyOf" in schema or "oneOf" in schema:
            out = set()
            for s in schema.get("anyOf", []) + schema.get("oneOf", []):
                out |= types_of(s)
            return out
        return set()
    return {t} if isinstance(t, str) else set(t)


def accepts(schema, value):
    """Whether @value is of a JSON type that @schema allows (an integer is a
    number)."""
    types = types_of(schema)
    if not types:
        return True
    if value is None:
        return "null" in types
    if isinstance(value, bool):
        return "boolean" in types
    if isinstance(value, int):
        return "integer" in types or "number" in types
    if isinstance(value, float):
        return "number" in types
    if isinstance(value, str):
        return "string" in types
    if isinstance(value, list):
        return "array" in types
    if isinstance(value, dict):
        return "object" in types
    return False


def wrong_values(schema):
    """Values of a JSON type @schema refuses: (label, value)."""
    # Every reader checks a member's type the same way whatever the wrong
    # type is: the one nearest to passing (a number for text, text for a
    # number, a fraction for a whole number, an object for a list), and an
    # object for text (a route reading the member by hand would get NULL).
    types = types_of(schema)
    if "integer" in types and "number" not in types:
        candidates = [("a fraction", 1.5), ("a string", "12")]
    elif "number" in types:
        candidates = [("a string", "12")]
    elif "string" in types:
        candidates = [("a number", 12345), ("an object", {"x": 1})]
    elif "boolean" in types:
        candidates = [("a string", "true")]
    elif "array" in types:
        candidates = [("an object", {"x": 1})]
    elif "object" in types:
        candidates = [("a list", ["x"])]
    else:
        candidates = []
    return [(label, value) for label, value in candidates if not accepts(schema, value)]


def refused_values(schema):
    """Values of the right type that @schema still refuses: (label, value,
    whether the server may answer 413 instead of 4xx-with-field)."""
    out = []
    types = types_of(schema)
    if "string" in types:
        if "enum" in schema:
            out.append(("a value not in the enum", "no-such-value"))
        if "maxLength" in schema:
            out.append(("%d characters, over maxLength %d" % (schema["maxLength"] + 1, schema["maxLength"]),
                        "长" * (schema["maxLength"] + 1)))
        elif "enum" not in schema:
            out.append(("%d characters" % LONG, "长" * LONG))
        if schema.get("minLength", 0) > 0:
            out.append(("under minLength %d" % schema["minLength"], "x" * (schema["minLength"] - 1)))
        if schema.get("format") == "date":
            out.append(("not a date", "2025-02-30"))
        if "pattern" in schema and not re.search(schema["pattern"], "x"):
            out.append(("not matching %s" % schema["pattern"], "x"))
    if types & {"integer", "number"}:
        if "enum" in schema:
            out.append(("a number not in the enum", max(v for v in schema["enum"] if v is not None) + 1))
        if "minimum" in schema:
            if schema.get("exclusiveMinimum"):
                out.append(("the exclusive minimum %s" % schema["minimum"], schema["minimum"]))
            else:
                out.append(("under the minimum %s" % schema["minimum"], schema["minimum"] - 1))
        if "maximum" in schema:
            out.append(("over the maximum %s" % schema["maximum"], schema["maximum"] + 1))
    if "array" in types:
        if schema.get("minItems", 0) > 0:
            out.append(("fewer than minItems %d" % schema["minItems"], []))
        if "maxItems" in schema and schema["maxItems"] <= 1000:
            item = schema.get("items", {})
            sample = "x" if "string" in types_of(item) else 1
            out.append(("more than maxItems %d" % schema["maxItems"], [sample] * (schema["maxItems"] + 1)))
        items = schema.get("items")
        if items:
            for label, value in wrong_values(items)[:1]:
                out.append(("an item that is %s" % label, [value]))
    return out


def member_mutations(schema, base, prefix=""):
    """The bodies that break one member of @base (a valid object for the
    object schema @schema): (what, body, the member the answer must name)."""
    out = []
    props = schema.get("properties", {})
    for name, sub in sorted(props.items()):
        field = prefix + name
        for label, value in wrong_values(sub):
            body = copy.deepcopy(base)
            body[name] = value
            out.append(("“%s” is %s" % (field, label), body, field))
        if "null" not in types_of(sub) and types_of(sub):
            body = copy.deepcopy(base)
            body[name] = None
            out.append(("“%s” is null" % field, body, field))
        for label, value in refused_values(sub):
            body = copy.deepcopy(base)
            body[name] = value
            out.append(("“%s” is %s" % (field, label), body, field))
        if "object" in types_of(sub) and sub.get("properties"):
            inner = base.get(name) if isinstance(base.get(name), dict) else {}
            for what, inner_body, inner_field in member_mutations(sub, inner, field + "."):
                body = copy.deepcopy(base)
                body[name] = inner_body
                out.append((what, body, inner_field))
    for name in schema.get("required", []):
        if name in base:
            body = copy.deepcopy(base)
            del body[name]
            out.append(("required “%s” missing" % (prefix + name), body, prefix + name))
    if schema.get("additionalProperties") is False:
        body = copy.deepcopy(base)
        body["no_such_member"] = 1
        out.append(("an unknown member", body, prefix + "no_such_member"))
    if schema.get("minProperties", 0) > 0 and not prefix:
        out.append(("no member (minProperties %d)" % schema["minProperties"], {}, None))
    return out


def body_mutations(schema, base):
    """Every body @schema refuses: (what, raw text or object, field or None)."""
    out = []
    whole = [("a body that is a list", [base]), ("a body that is a string", "text"),
             ("a body that is a number", 12), ("a body that is null", None)]
    for what, value in whole:
        if not accepts(schema, value):
            out.append((what, ("json", value), None))
    out.append(("malformed JSON", ("raw", '{"a": '), None))
    out.append(("JSON with trailing garbage", ("raw", "{} x"), None))
    out.append(("an empty body", ("raw", ""), None))
    # json-glib parses these to a document with no root at all
    out.append(("a body of white space only", ("raw", " \r\n\t"), None))
    out.append(("a body of a comment only", ("raw", "/* nothing */"), None))
    obj = schema
    if "oneOf" in schema:
        obj = next(s for s in schema["oneOf"] if "object" in types_of(s))
    for what, body, field in member_mutations(obj, base):
        out.append((what, ("json", body), field))
    return out


def param_values(schema):
    """Values of a query or path parameter that @schema refuses: (label, text)."""
    out = []
    types = types_of(schema)
    if "integer" in types or "number" in types:
        out.append(("not a number", "abc"))
        out.append(("a number too big for 64 bits", "99999999999999999999999"))
        if "enum" in schema:
            out.append(("a number not in the enum", str(max(schema["enum"]) + 1)))
        if "minimum" in schema:
            out.append(("under the minimum", str(schema["minimum"] - 1)))
        else:
            out.append(("negative", "-1"))
        if "maximum" in schema:
            out.append(("over the maximum", str(schema["maximum"] + 1)))
    elif "boolean" in types:
        out.append(("neither yes nor no", "maybe"))
    elif "string" in types:
        if "enum" in schema:
            out.append(("a value not in the enum", "no-such-value"))
        if "pattern" in schema and not re.search(schema["pattern"], "abc"):
            out.append(("not matching the pattern", "abc"))
        if schema.get("format") == "date":
            out.append(("not a date", "2025-13-45"))
    return out


class Snapshot:
    """The content of every table of a SQLite database: a digest per table,
    and PRAGMA data_version to notice cheaply that another connection
    committed."""

    def __init__(self, path):
        self.db = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=30, isolation_level=None)
        self.tables = [r[0] for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        self.state = self.take()
        self.version = self.data_version()

    def data_version(self):
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def take(self):
        state = {}
        for table in self.tables:
            rows = sorted(repr(row) for row in self.db.execute('SELECT * FROM "%s"' % table))
            state[table] = (len(rows), hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest())
        return state

    def changes(self):
        """The tables changed since the last call (their row counts), or []."""
        version = self.data_version()
        if version == self.version:
            return []
        self.version = version
        state = self.take()
        changed = ["%s (%d rows, was %d)" % (t, state[t][0], self.state[t][0])
                   for t in self.tables if state[t] != self.state[t]]
        self.state = state
        return changed

    def close(self):
        self.db.close()


class PgSnapshot:
    """Snapshot's twin over PostgreSQL, through one psql kept open: the
    WAL's insert position notices cheaply that something was written (a
    false alarm only costs the digests), every table's row count and
    digest say what."""

    END = "--hc-end--"

    def __init__(self, dbname):
        import subprocess
        self.psql = subprocess.Popen(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        self.tables = self.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        self.digest_sql = " UNION ALL ".join(
            "SELECT '%s', count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \"%s\" t"
            % (table, table) for table in self.tables) + ";"
        self.state = self.take()
        self.version = self.data_version()

    def query(self, sql):
        self.psql.stdin.write(sql.rstrip(";") + ";\n\\echo " + self.END + "\n")
        self.psql.stdin.flush()
        lines = []
        while True:
            line = self.psql.stdout.readline()
            if line == "":
                raise RuntimeError("psql ended: %s" % sql[:200])
            line = line.rstrip("\n")
            if line == self.END:
                return lines
            lines.append(line)

    def data_version(self):
        return self.query("SELECT pg_current_wal_insert_lsn()")[0]

    def take(self):
        state = {}
        for line in self.query(self.digest_sql):
            table, n, digest = line.split("|")
            state[table] = (int(n), digest)
        return state

    changes = Snapshot.changes

    def close(self):
        self.psql.stdin.close()
        self.psql.wait()
