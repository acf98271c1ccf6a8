"""Shared by the reader scripts: load a plan file with its request and catalog, and compute the
co-financing figures independently of rioplan (scheduling-model.md, Attribution)."""
import datetime
import glob
import json
import os

import yaml


def load(plan_path, request=None, catalog=None):
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    base = os.path.dirname(plan_path)
    req_path = request or os.path.join(base, plan["inputs"]["request"])
    cat_path = catalog or os.path.join(base, plan["inputs"]["catalog"])
    with open(req_path, encoding="utf-8") as f:
        req = yaml.safe_load(f)
    for key in ("staff", "funding"):
        if isinstance(req.get(key), str):  # a list given as a relative file path
            with open(os.path.join(os.path.dirname(req_path), req[key]), encoding="utf-8") as f:
                req[key] = yaml.safe_load(f)
    conventions = []
    files = sorted(glob.glob(os.path.join(cat_path, "**", "*.yaml"), recursive=True)
                   + glob.glob(os.path.join(cat_path, "**", "*.yml"), recursive=True))
    for path in sorted(files):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        for c in doc.get("conventions", []) or []:
            conventions.append(c["id"])
    return plan, req, conventions


def attribution(plan, req, conventions):
    """{convention: {"attributed": a, "contributed": c, "balance": c - a}} computed from scratch."""
    order = list(conventions)
    for s in plan["sessions"]:
        for c in s["conventions"]:
            if c not in order:
                order.append(c)
    out = {c: {"acash": 0, "akind": 0, "ccash": 0, "ckind": 0} for c in order}
    for s in plan["sessions"]:
        convs = [c for c in order if c in s["conventions"]]
        for amount, key in ((s["cost"]["cash"], "acash"), (s["cost"]["inKind"], "akind")):
            n = len(convs)
            base, rest = divmod(amount, n)
            for i, c in enumerate(convs):
                out[c][key] += base + (1 if i < rest else 0)
    owner = {f["id"]: f["owner"] for f in req["funding"]}
    for s in plan["sessions"]:
        for line in s["funding"]:
            o = owner.get(line["source"])
            if o in out:
                out[o]["ccash"] += line["amount"]
    staff = {t["id"]: t for t in req["staff"]}
    for s in plan["sessions"]:
        for t in s["trainers"]:
            org = staff[t]["org"]
            if org in out:
                out[org]["ckind"] += staff[t]["dayRate"] * s["days"]
    for c, v in out.items():
        v["balance"] = v["ccash"] + v["ckind"] - v["acash"] - v["akind"]
    return order, out


def allocations(plan):
    """{source id: total amount} over the plan's funding lines."""
    total = {}
    for s in plan["sessions"]:
        for line in s["funding"]:
            total[line["source"]] = total.get(line["source"], 0) + line["amount"]
    return total


def day(iso):
    return datetime.date.fromisoformat(iso)


class Checker:
    """Collects failed checks; `finish()` prints them and exits 1 if any failed."""

    def __init__(self):
        self.failures = []
        self.count = 0

    def check(self, ok, message):
        self.count += 1
        if not ok:
            self.failures.append(message)

    def finish(self, summary):
        import sys
        for f in self.failures[:50]:
            print("FAIL:", f)
        summary["checks"] = self.count
        summary["failures"] = len(self.failures)
        print(json.dumps(summary, sort_keys=True))
        sys.exit(1 if self.failures else 0)
