#!/usr/bin/env python3
"""neighbourhood.py PLAN.json REQUEST.yaml CATALOG_DIR K [SECONDS]: how far a plan's cash is from a better one.

A diagnostic for the planner's cash polishes, with CP-SAT as the oracle (never the product's solver):
keeps the plan's scheduled demands, lets at most K sessions change (start, venue or trainers) and
minimises cash, then the sessions changed (../shared/tools/rioref's model of scheduling-model.md). Prints the cheapest such plan's
cash against the plan's, and each session that changes. "delta 0" with status OPTIMAL means no
change of K sessions lowers the cash; a negative delta is a move the polishes missed.

    python3 Benchmarks/neighbourhood.py v103.plan.json v103/request.yaml v103/catalog 6 90

Needs: pip install ortools pyyaml.
"""
import datetime as dt
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools"))
from rioref.model import load_catalog, load_request  # noqa: E402
from rioref.solve import build  # noqa: E402
from ortools.sat.python import cp_model  # noqa: E402

if len(sys.argv) < 5:
    sys.exit(__doc__)
plan = json.load(open(sys.argv[1]))
req_path, cat_dir, limit = sys.argv[2], sys.argv[3], int(sys.argv[4])
seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 60.0
cat = load_catalog(cat_dir)
req = load_request(req_path, cat)
m, R, value, cash, _ = build(cat, req)
ours = {s["demand"]: s for s in plan["sessions"]}
changed = {}
for did, r in R.items():
    if did not in ours:
        m.add(r["y"] == 0)
        continue
    s = ours[did]
    m.add(r["y"] == 1)
    c = m.new_bool_var(f"changed[{did}]")
    changed[did] = c
    start = dt.date.fromisoformat(s["start"])
    kept = [r["x"][start]] + [r["a"][t] for t in s["trainers"]] + ([r["b"][s["venue"]]] if s.get("venue") else [])
    for var in kept:
        m.add(var == 1).only_enforce_if(c.Not())
        m.add_hint(var, 1)
m.add(sum(changed.values()) <= limit)
# Of the cheapest plans, the one that changes fewest sessions: the move itself, without the
# changes that cost nothing and serve nothing.
m.minimize(cash * (limit + 1) + sum(changed.values()))
solver = cp_model.CpSolver()
solver.parameters.max_time_in_seconds = seconds
solver.parameters.num_workers = 2
status = solver.solve(m)
if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
    sys.exit(f"no plan within {seconds} s ({solver.status_name(status)})")
best = int(solver.objective_value) // (limit + 1)
print(f"status {solver.status_name(status)} cash {best:,} ours {plan['score']['cash']:,} delta {best - plan['score']['cash']:+,}")
for did, c in changed.items():
    if not solver.value(c):
        continue
    r, s = R[did], ours[did]
    start = next(d for d, v in r["x"].items() if solver.value(v))
    trainers = sorted(t for t, a in r["a"].items() if solver.value(a))
    venue = next((v for v, b in r["b"].items() if solver.value(b)), None)
    print(f"  {did} {r['mod']['id']} {r['d']['region']} {r['days']}d: start {s['start']} -> {start}, "
          f"trainers {','.join(s['trainers'])} -> {','.join(trainers)}, venue {s.get('venue')} -> {venue}")
