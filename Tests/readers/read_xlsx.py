"""Reads a workbook written by `rioplan export cofinancing` with openpyxl (cached values) and
checks sheets, headers, formats and every figure against the plan, computed here from scratch.

usage: read_xlsx.py PLAN.json FILE.xlsx [--catalog DIR]
"""
import argparse
import datetime

import openpyxl

import planinputs

ap = argparse.ArgumentParser()
ap.add_argument("plan")
ap.add_argument("xlsx")
ap.add_argument("--catalog")
ap.add_argument("--hostile", help="a module title that must come back whole, neutralised with a leading quote")
args = ap.parse_args()
plan, req, conventions = planinputs.load(args.plan, catalog=args.catalog)
ck = planinputs.Checker()

values = openpyxl.load_workbook(args.xlsx, data_only=True)
formulas = openpyxl.load_workbook(args.xlsx, data_only=False)
ck.check(values.sheetnames == ["Sessions", "Sources", "Conventions", "In-kind"], f"sheet names {values.sheetnames}")
source_ids = [f["id"] for f in req["funding"]]
headers = {
    "Sessions": ["Session", "Module", "Region", "Start", "End", "Conventions", "Cash", "In-kind"] + source_ids,
    "Sources": ["Source", "Name", "Owner", "Type", "Cap", "Allocated", "Remaining"],
    "Conventions": ["Convention", "Attributed cash", "Attributed in-kind", "Contributed cash", "Contributed in-kind", "Balance"],
    "In-kind": ["Organisation", "Trainer days", "In-kind"],
}
for name, want in headers.items():
    ws = values[name]
    got = [c.value for c in ws[1]]
    ck.check(got == want, f"{name} header {got}")
    ck.check(all(c.font.b for c in ws[1]), f"{name} header is not bold")
    ck.check(ws.freeze_panes == "A2", f"{name} freeze_panes {ws.freeze_panes}")
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(want))]
    ck.check(all(w and w >= len(h) for w, h in zip(widths, want)), f"{name} column widths {widths}")

# Sessions: one row per session, then Total with SUM formulas and cached values.
ws = values["Sessions"]
wf = formulas["Sessions"]
rows = list(ws.iter_rows(min_row=2, values_only=True))
n = len(plan["sessions"])
ck.check(len(rows) == n + 1, f"{len(rows)} rows for {n} sessions + Total")
for s, row in zip(plan["sessions"], rows):
    ck.check(row[0] == s["id"], f"session id {row[0]} != {s['id']}")
    ck.check(isinstance(row[3], datetime.datetime) and row[3].date() == planinputs.day(s["start"]), f"{s['id']}: Start {row[3]!r}")
    ck.check(isinstance(row[4], datetime.datetime) and row[4].date() == planinputs.day(s["end"]), f"{s['id']}: End {row[4]!r}")
    ck.check(row[6] == s["cost"]["cash"] and row[7] == s["cost"]["inKind"], f"{s['id']}: cash/in-kind {row[6]}/{row[7]}")
    given = {l["source"]: 0 for l in s["funding"]}
    for l in s["funding"]:
        given[l["source"]] += l["amount"]
    for i, sid in enumerate(source_ids):
        ck.check(row[8 + i] == given.get(sid), f"{s['id']}: {sid} = {row[8 + i]!r}, plan {given.get(sid)}")
total = rows[-1]
ck.check(total[0] == "Total", "last row is not Total")
ck.check(total[6] == plan["score"]["cash"], f"cached cash total {total[6]} != score.cash {plan['score']['cash']}")
ck.check(total[7] == plan["score"]["inKind"], f"cached in-kind total {total[7]} != score.inKind {plan['score']['inKind']}")
alloc = planinputs.allocations(plan)
for i, sid in enumerate(source_ids):
    ck.check(total[8 + i] == alloc.get(sid, 0), f"cached total of {sid} {total[8 + i]} != {alloc.get(sid, 0)}")
last = n + 2
for col in range(7, 9 + len(source_ids)):
    cell = wf.cell(row=last, column=col)
    letter = openpyxl.utils.get_column_letter(col)
    ck.check(cell.value == f"=SUM({letter}2:{letter}{n + 1})", f"Total formula {cell.value!r} in {letter}")
money_fmt = ws.cell(row=2, column=7).number_format
ck.check("#,##0" in money_fmt and plan["currency"] in money_fmt, f"money format {money_fmt!r}")
ck.check(ws.cell(row=2, column=4).is_date, "Start is not a date cell")

# Sources.
ws = values["Sources"]
rows = list(ws.iter_rows(min_row=2, values_only=True))
ck.check(len(rows) == len(source_ids) + 1, f"Sources has {len(rows)} rows")
for f, row in zip(req["funding"], rows):
    a = alloc.get(f["id"], 0)
    ck.check(row[:7] == (f["id"], f["name"], f["owner"], f["type"], f["cap"], a, f["cap"] - a), f"Sources row {row}")
ck.check(rows[-1][0] == "Total" and rows[-1][5] == plan["score"]["cash"], f"Sources total {rows[-1]}")

# Conventions: attribution computed here independently.
order, att = planinputs.attribution(plan, req, conventions)
ws = values["Conventions"]
rows = list(ws.iter_rows(min_row=2, values_only=True))
ck.check([r[0] for r in rows] == order, f"conventions {[r[0] for r in rows]} != {order}")
for r in rows:
    v = att.get(r[0])
    if v is None:
        continue
    ck.check(r[1:6] == (v["acash"], v["akind"], v["ccash"], v["ckind"], v["balance"]),
             f"{r[0]}: {r[1:6]} != {(v['acash'], v['akind'], v['ccash'], v['ckind'], v['balance'])}")
ck.check(sum(r[1] for r in rows) == plan["score"]["cash"], "attributed cash does not add up to score.cash")
ck.check(sum(r[2] for r in rows) == plan["score"]["inKind"], "attributed in-kind does not add up to score.inKind")

# In-kind per organisation.
staff = {t["id"]: t for t in req["staff"]}
days, kind = {}, {}
for s in plan["sessions"]:
    for t in s["trainers"]:
        o = staff[t]["org"]
        days[o] = days.get(o, 0) + s["days"]
        kind[o] = kind.get(o, 0) + staff[t]["dayRate"] * s["days"]
rows = list(values["In-kind"].iter_rows(min_row=2, values_only=True))
ck.check([tuple(r) for r in rows] == [(o, days[o], kind[o]) for o in sorted(days)], f"In-kind rows {rows}")
ck.check(sum(r[2] for r in rows) == plan["score"]["inKind"], "In-kind sheet does not add up to score.inKind")
if args.hostile is not None:
    modules = [r[1] for r in values["Sessions"].iter_rows(min_row=2, values_only=True)]
    ck.check("'" + args.hostile in modules, "the hostile module title did not come back whole with a leading '")
    quoted = [c for c in values["Sessions"]["B"][1:] if c.value == "'" + args.hostile]
    ck.check(all(c.quotePrefix for c in quoted), "neutralised cells lack the quote-prefix style")
ck.finish({"sessions": n, "cash": total[6], "balances": {c: att[c]["balance"] for c in order}})
