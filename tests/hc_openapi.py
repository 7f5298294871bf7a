# SPDX-License-Identifier: GPL-3.0-or-later
# For the Python API tests: the OpenAPI 3.0 document as JSON Schemas that
# python3-jsonschema checks answers against, and the requests that exercise
# every operation on the demo data (real ids, valid bodies where practical).
import copy
import json

import jsonschema

import hc_test_server as hts

# OpenAPI keywords that JSON Schema does not know (or that say nothing about
# what is valid).
OPENAPI_ONLY = ("nullable", "example", "examples", "discriminator", "readOnly", "writeOnly",
                "xml", "externalDocs", "deprecated")


def to_json_schema(doc, node, seen=()):
    """@node (part of the OpenAPI document @doc) as a self-contained JSON
    Schema: references inlined, OpenAPI 3.0's `nullable: true` turned into
    a type union with null."""
    if isinstance(node, list):
        return [to_json_schema(doc, n, seen) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            raise AssertionError("recursive schema %s" % ref)
        return to_json_schema(doc, hts.resolve(doc, ref), seen + (ref,))
    out = {}
    for key, value in node.items():
        if key in OPENAPI_ONLY:
            continue
        if key in ("properties", "patternProperties", "definitions"):
            out[key] = {k: to_json_schema(doc, v, seen) for k, v in value.items()}
        elif key.startswith("x-"):
            continue
        else:
            out[key] = to_json_schema(doc, value, seen)
    if node.get("nullable"):
        if "type" in out:
            out["type"] = [out["type"], "null"] if isinstance(out["type"], str) else out["type"] + ["null"]
            if "enum" in out and None not in out["enum"]:
                out["enum"] = out["enum"] + [None]
        else:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


def response_spec(doc, op, status):
    """The response object that @op documents for @status, or None."""
    r = op.get("responses", {}).get(str(status))
    if r is None:
        return None
    if "$ref" in r:
        r = hts.resolve(doc, r["$ref"])
    return r


def check_answer(doc, method, path, op, resp):
    """None when @resp's status is documented for @op and its body matches
    the documented schema; otherwise what is wrong."""
    spec = response_spec(doc, op, resp.status)
    if spec is None:
        return "%s %s answered %d, which the document does not list (it lists %s): %r" % (
            method, path, resp.status, ", ".join(sorted(op.get("responses", {}))), resp)
    content = spec.get("content")
    if not resp.body:
        if content:
            return "%s %s answered %d with no body; the document describes one" % (method, path, resp.status)
        return None
    if not content:
        return "%s %s answered %d with a %s body the document does not describe" % (
            method, path, resp.status, resp.content_type)
    media = content.get(resp.content_type)
    if media is None:
        return "%s %s answered %d as %s; the document describes only %s" % (
            method, path, resp.status, resp.content_type, ", ".join(content))
    if "schema" not in media:
        return "%s %s: the %d answer (%s) has no schema" % (method, path, resp.status, resp.content_type)
    if resp.content_type != "application/json":
        return None
    schema = to_json_schema(doc, media["schema"])
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(resp.json), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        return "%s %s answered %d not as documented: at %s: %s (%d errors)" % (
            method, path, resp.status, "/".join(str(p) for p in e.path) or "(root)",
            e.message[:300], len(errors))
    return None


def documented_statuses(op):
    return sorted(int(s) for s in op.get("responses", {}) if s.isdigit())


def roles_of(op):
    """The roles that may call @op (its x-roles); None for a public one."""
    if op.get("security") == []:
        return None
    return op.get("x-roles")


def copy_json(value):
    return copy.deepcopy(value)


def dumps(value):
    return json.dumps(value, ensure_ascii=False)
