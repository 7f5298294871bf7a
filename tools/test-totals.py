#!/usr/bin/env python3
"""Counts test cases from meson's testlog.json.

g_test programs speak TAP, so each test case counts once ("ok" / "not ok"
lines); a test that is not TAP (a validator) counts as one case. A program
that crashed or timed out after some passing cases still counts as a failure.
Prints the closing line "N passed, N failed[, N skipped]".
"""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        t = json.loads(line)
        result = t.get("result")
        out = t.get("stdout") or ""
        oks = nots = skips = 0
        for l in out.splitlines():
            if re.match(r"^ok \d+.*# SKIP", l):
                skips += 1
            elif re.match(r"^ok \d+", l):
                oks += 1
            elif re.match(r"^not ok \d+", l):
                nots += 1
        if oks + nots + skips == 0:
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
            continue
        passed += oks
        skipped += skips
        failed += nots
        if result not in ("OK", "EXPECTEDFAIL", "SKIP") and nots == 0:
            failed += 1  # crashed, timed out, or leaked under ASan
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
