"""Checks the Sessions sheet as LibreOffice exported it (`soffice --headless --convert-to csv`):
the Total row's values, as LibreOffice computed or displayed them, equal the plan's figures.

usage: read_lo_csv.py PLAN.json SESSIONS.csv
"""
import argparse
import csv
import re

import planinputs

ap = argparse.ArgumentParser()
ap.add_argument("plan")
ap.add_argument("csv")
args = ap.parse_args()
plan, req, _ = planinputs.load(args.plan)
ck = planinputs.Checker()
rows = list(csv.reader(open(args.csv, encoding="utf-8-sig", newline="")))
source_ids = [f["id"] for f in req["funding"]]

def number(cell):
    digits = re.sub(r"[^0-9-]", "", cell)
    return int(digits) if digits not in ("", "-") else None

ck.check(rows[0][:8] == ["Session", "Module", "Region", "Start", "End", "Conventions", "Cash", "In-kind"], f"header {rows[0]}")
ck.check(len(rows) == len(plan["sessions"]) + 2, f"{len(rows)} rows")
ck.check(rows[1][3] == plan["sessions"][0]["start"], f"first Start shows as {rows[1][3]!r}")
total = rows[-1]
ck.check(total[0] == "Total", "last row is not Total")
ck.check(number(total[6]) == plan["score"]["cash"], f"LibreOffice cash total {total[6]!r}")
ck.check(number(total[7]) == plan["score"]["inKind"], f"LibreOffice in-kind total {total[7]!r}")
alloc = planinputs.allocations(plan)
for i, sid in enumerate(source_ids):
    ck.check(number(total[8 + i]) == alloc.get(sid, 0), f"LibreOffice total of {sid}: {total[8 + i]!r}")
ck.finish({"rows": len(rows), "cash": total[6]})
