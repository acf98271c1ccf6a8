#!/usr/bin/env python3
"""vary-instance.py SRC_DIR OUT_DIR SEED: a new instance of the same kind as SRC_DIR (request.yaml + catalog/).

Keeps the catalog, re-draws demand priorities, participants (within the module's limit and the
region's largest venue), windows and funding caps (+-25%) with a seeded generator, so the planner can
be measured on instances nobody tuned it for. Pair with ../shared/tools/reference-solve for the yardstick.
"""
import os, random, shutil, sys
import yaml

src, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
req = yaml.safe_load(open(os.path.join(src, "request.yaml")))
cat_dir = os.path.join(src, "catalog")
modules, regions = {}, {}
for root, _, files in os.walk(cat_dir):
    for f in files:
        if f.endswith(".yaml"):
            doc = yaml.safe_load(open(os.path.join(root, f))) or {}
            for m in doc.get("modules", []) or []:
                modules[m["id"]] = m
            for r in doc.get("regions", []) or []:
                regions[r["id"]] = r
req["name"] = f'{req["name"]}-v{seed}'
import datetime as dt
hs = dt.date.fromisoformat(str(req["horizon"]["start"])); he = dt.date.fromisoformat(str(req["horizon"]["end"]))
pinned = {p["demand"] for p in req.get("pinned") or []}
for d in req["demand"]:
    if d["id"] in pinned:
        continue
    m = modules[d["module"]]
    cap = m["maxParticipants"]
    if m["delivery"] != "online":
        cap = min(cap, max(v["capacity"] for v in regions[d["region"]].get("venues") or [{"capacity": cap}]))
    d["participants"] = rng.randint(max(1, cap // 4), cap)
    d["priority"] = rng.randint(1, 5)
    d.pop("earliest", None); d.pop("latest", None)
    if rng.random() < 0.35:
        span = (he - hs).days
        a = hs + dt.timedelta(days=rng.randint(0, max(0, span - 42)))
        b = min(he, a + dt.timedelta(days=rng.randint(28, 120)))
        d["earliest"], d["latest"] = a.isoformat(), b.isoformat()
for f in req["funding"]:
    f["cap"] = int(f["cap"] * rng.uniform(0.75, 1.25)) // 10 * 10
os.makedirs(out, exist_ok=True)
if os.path.exists(os.path.join(out, "catalog")):
    shutil.rmtree(os.path.join(out, "catalog"))
shutil.copytree(cat_dir, os.path.join(out, "catalog"))
yaml.safe_dump(req, open(os.path.join(out, "request.yaml"), "w"), sort_keys=False)
print(os.path.join(out, "request.yaml"))
