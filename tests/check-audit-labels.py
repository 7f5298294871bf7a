#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every audit action and object type the server records has its label in
the app (src/client/hc-audit-labels.c), so the audit pane never shows a raw
key such as inspection_plan.draw to a reader.

Actions: every dotted key literal of the server's sources (a write names its
action as such a literal, sometimes through a variable or a ternary), less
the lines that list measure keys. Object types: the entity argument of each
hcs_write_commit / hcs_store_audit_record call."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
server = root / "src" / "server"
labels_text = (root / "src" / "client" / "hc-audit-labels.c").read_text()


def table(name):
    body = re.search(r"static const Label %s\[\] = \{(.*?)\n\};" % name,
                     labels_text, re.S).group(1)
    return set(re.findall(r'\{\s*"([^"]+)"\s*,', body))


actions_known = table("actions")
entities_known = table("entities")

KEY = re.compile(r'"([a-z]{2,}(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*)"')
NOT_KEY = re.compile(r"\.(sql|json|pdf|csv|xlsx|db|ui|h|c|txt|gz|png)$")


def call_args(text, start):
    """The top-level arguments of the call whose '(' is at start."""
    depth, args, current, i = 0, [], "", start
    while i < len(text):
        ch = text[i]
        if ch == '"':
            end = text.index('"', i + 1)
            current += text[i:end + 1]
            i = end + 1
            continue
        if ch == "(":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif ch == ")":
            depth -= 1
            if depth == 0:
                args.append(current.strip())
                return args
        elif ch == "," and depth == 1:
            args.append(current.strip())
            current = ""
            i += 1
            continue
        current += ch
        i += 1
    return args


actions, entities = {}, {}
for path in sorted(server.glob("*.c")):
    if path.name.startswith(("hcs-demo", "hcs-store")):
        continue
    text = path.read_text()
    for number, line in enumerate(text.splitlines(), 1):
        if "measures[]" in line:
            continue
        for key in KEY.findall(line):
            if not NOT_KEY.search(key):
                actions.setdefault(key, "%s:%d" % (path.name, number))
    for call, entity_at in (("hcs_write_commit", 2), ("hcs_store_audit_record", 3)):
        for match in re.finditer(r"\b%s\s*\(" % call, text):
            args = call_args(text, match.end() - 1)
            if len(args) <= entity_at:
                continue
            literal = re.fullmatch(r'"([a-z_]+)"', args[entity_at])
            if literal:
                line = text.count("\n", 0, match.start()) + 1
                entities.setdefault(literal.group(1), "%s:%d" % (path.name, line))

missing = ["action %s (%s)" % (k, w) for k, w in sorted(actions.items())
           if k not in actions_known]
missing += ["object type %s (%s)" % (k, w) for k, w in sorted(entities.items())
            if k not in entities_known]
if not actions or not entities:
    print("found no audit actions or object types in %s: the scan is broken" % server)
    sys.exit(1)
for m in missing:
    print("no label in src/client/hc-audit-labels.c for the audit", m)
print("%d actions, %d object types checked" % (len(actions), len(entities)))
sys.exit(1 if missing else 0)
