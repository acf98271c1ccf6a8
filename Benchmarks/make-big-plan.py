#!/usr/bin/env python3
"""Writes a plan of N sessions (default 10,000) for the export benchmark by replicating the
sessions of a benchmark reference plan with new ids, shifted by whole weeks so dates stay on the
same weekdays. The request and catalog stay the reference's own (absolute paths).

usage: make-big-plan.py REF.json OUT.json [N]
"""
import copy
import datetime
import json
import os
import sys

ref_path, out_path = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
with open(ref_path, encoding="utf-8") as f:
    ref = json.load(f)
base = os.path.dirname(os.path.abspath(ref_path))
plan = copy.deepcopy(ref)
plan["inputs"] = {"request": os.path.join(base, ref["inputs"]["request"]),
                  "catalog": os.path.join(base, ref["inputs"]["catalog"])}
src = ref["sessions"]
sessions = []
for i in range(n):
    s = copy.deepcopy(src[i % len(src)])
    shift = datetime.timedelta(weeks=(i // len(src)) % 4)
    for key in ("start", "end"):
        s[key] = (datetime.date.fromisoformat(s[key]) + shift).isoformat()
    s["demand"] = f"b-{i:05d}"
    s["id"] = f"{plan['name']}/b-{i:05d}"
    sessions.append(s)
sessions.sort(key=lambda s: (s["start"], s["id"]))
plan["sessions"] = sessions
plan["horizon"]["end"] = max(plan["horizon"]["end"], max(s["end"] for s in sessions))
plan["score"]["cash"] = sum(s["cost"]["cash"] for s in sessions)
plan["score"]["inKind"] = sum(s["cost"]["inKind"] for s in sessions)
plan["score"]["scheduled"] = len(sessions)
with open(out_path, "w", encoding="utf-8") as f:
    json.dump(plan, f)
print(f"{out_path}: {len(sessions)} sessions")
