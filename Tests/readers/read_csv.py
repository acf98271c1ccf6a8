"""Reads the CSV written by `rioplan export cofinancing --out F.csv` with the csv module and checks
RFC 4180 framing, the BOM, the header and the totals against the plan.

usage: read_csv.py PLAN.json FILE.csv [--hostile TEXT]
"""
import argparse
import csv
import io

import planinputs

ap = argparse.ArgumentParser()
ap.add_argument("plan")
ap.add_argument("csv")
ap.add_argument("--hostile", help="a module title that must come back neutralised with a leading quote")
ap.add_argument("--catalog")
args = ap.parse_args()
plan, req, _ = planinputs.load(args.plan, catalog=args.catalog)
ck = planinputs.Checker()
raw = open(args.csv, "rb").read()
ck.check(raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark")
ck.check(raw.endswith(b"\r\n"), "does not end in CRLF")
text = raw.decode("utf-8-sig")
rows = list(csv.reader(io.StringIO(text, newline="")))
source_ids = [f["id"] for f in req["funding"]]
ck.check(rows[0] == ["Session", "Module", "Region", "Start", "End", "Conventions", "Cash", "In-kind"] + source_ids, f"header {rows[0]}")
n = len(plan["sessions"])
ck.check(len(rows) == n + 2, f"{len(rows)} rows")
for s, r in zip(plan["sessions"], rows[1:]):
    ck.check(r[0] == s["id"] and r[3] == s["start"] and r[4] == s["end"], f"row {r[:5]}")
    ck.check(int(r[6]) == s["cost"]["cash"] and int(r[7]) == s["cost"]["inKind"], f"{s['id']} money")
    for f in s["funding"]:
        ck.check(int(r[8 + source_ids.index(f["source"])]) == f["amount"], f"{s['id']} {f['source']}")
total = rows[-1]
ck.check(total[0] == "Total", "last row is not Total")
ck.check(int(total[6]) == plan["score"]["cash"], f"cash total {total[6]}")
ck.check(int(total[7]) == plan["score"]["inKind"], f"in-kind total {total[7]}")
alloc = planinputs.allocations(plan)
for i, sid in enumerate(source_ids):
    ck.check(int(total[8 + i]) == alloc.get(sid, 0), f"total of {sid}")
if args.hostile is not None:
    ck.check(any(r[1] == "'" + args.hostile for r in rows[1:]), "the hostile module title was not neutralised with a leading '")
for r in rows[1:]:
    for cell in r[:6]:
        ck.check(not cell or cell[0] not in "=+-@\t\r\n", f"text cell {cell!r} could run as a formula")
ck.finish({"rows": len(rows), "cash": int(total[6])})
