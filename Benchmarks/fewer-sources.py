#!/usr/bin/env python3
"""fewer-sources.py SRC_DIR OUT_DIR K: SRC_DIR's instance with only its first K funding sources.

Keeps the catalog, the demands and everything else; the kept sources' caps are scaled so that
together they hold as much money as all the sources did, so the instance stays about as tight.
With K = 8 the kept sources are the core budgets, GEF and the themed and regional funds of the
public instances: the same size of request with few sources, to compare like with like.
"""
import os, shutil, sys
import yaml

src, out, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
req = yaml.safe_load(open(os.path.join(src, "request.yaml")))
total = sum(f["cap"] for f in req["funding"])
kept = req["funding"][:k]
scale = total / max(1, sum(f["cap"] for f in kept))
for f in kept:
    f["cap"] = int(f["cap"] * scale) // 10 * 10
req["funding"] = kept
req["name"] = f'{req["name"]}-{k}src'
os.makedirs(out, exist_ok=True)
if os.path.exists(os.path.join(out, "catalog")):
    shutil.rmtree(os.path.join(out, "catalog"))
shutil.copytree(os.path.join(src, "catalog"), os.path.join(out, "catalog"))
yaml.safe_dump(req, open(os.path.join(out, "request.yaml"), "w"), sort_keys=False)
print(os.path.join(out, "request.yaml"))
