#!/usr/bin/env python3
"""Writes seeded, made-up sign-in sheets (CSV) for the sessions of a plan file, and the list of
`SESSION FILE` pairs that `rioplan record attendance` takes.

Participants are invented from a fixed list of made-up syllables (no real person); countries come
from countries.yaml, preferring those whose UNCCD annex is the session's region. Only sessions
starting before --before are written (the delivered part of a plan).

usage: make-signin-sheets.py PLAN.json OUTDIR [--before YYYY-MM-DD] [--per-session N] [--seed N]
                             [--countries Catalog/countries.yaml]
Writes OUTDIR/<session id, "/" as "_">.csv and OUTDIR/pairs.txt (`SESSION FILE` lines, paths relative to it, for
`rioplan record attendance --list OUTDIR/pairs.txt`); prints a summary line.
"""
import argparse
import csv
import json
import os
import random
import re

SYLLABLES = ["ba", "ko", "ri", "mu", "ze", "lan", "dor", "vi", "sel", "tam", "qu", "ne", "xo", "pra", "lu", "fen",
             "gra", "mo", "ti", "vek", "sha", "rul", "oz", "bri", "nda", "kel", "py", "wu"]
SEX = [("female", 45), ("male", 45), ("other", 2), ("undisclosed", 8)]
ORGS = [("government", 40), ("ngo", 15), ("academia", 12), ("iplc", 8), ("private", 7), ("youth", 8),
        ("intergovernmental", 5), ("other", 5)]
CONVENTIONS = ["UNCCD", "CBD", "UNFCCC"]


def weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def name(rng):
    first = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{first} {last}"


def countries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r"code: ([A-Z]{3}).*annex: ([a-z-]+)", line)
            if m:
                out.append((m.group(1), m.group(2)))
    return out


def rows(rng, n, pool):
    seen, out = set(), []
    while len(out) < n:
        who = name(rng)
        if who in seen:
            continue
        seen.add(who)
        pre = rng.randint(20, 70) if rng.random() < 0.8 else None
        post = min(100, pre + rng.randint(-5, 35)) if pre is not None and rng.random() < 0.9 else None
        focal = rng.choice(CONVENTIONS) if rng.random() < 0.1 else ""
        out.append([who, rng.choice(pool), weighted(rng, SEX), weighted(rng, ORGS), focal,
                    "yes" if rng.random() < 0.85 else "no", "" if pre is None else pre, "" if post is None else post,
                    rng.randint(1, 5) if rng.random() < 0.7 else ""])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plan"), ap.add_argument("out")
    ap.add_argument("--before", default="9999-12-31")
    ap.add_argument("--per-session", type=int, default=0, help="participants per sheet (default: 60-100%% of planned)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--countries", default="Catalog/countries.yaml")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with open(a.plan, encoding="utf-8") as f:
        plan = json.load(f)
    every = countries(a.countries)
    os.makedirs(a.out, exist_ok=True)
    pairs, total = [], 0
    for s in plan["sessions"]:
        if s["start"] >= a.before:
            continue
        pool = [c for c, annex in every if annex == s["region"]] or [c for c, _ in every]
        n = a.per_session or max(1, round(s["participants"] * rng.uniform(0.6, 1.0)))
        path = os.path.join(a.out, s["id"].replace("/", "_") + ".csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(["Name", "Country", "Sex", "Organisation", "Focal point", "Completed", "Pre-test", "Post-test", "Reaction"])
            w.writerows(rows(rng, n, pool))
        pairs.append(f"{s['id']} {os.path.basename(path)}")
        total += n
    with open(os.path.join(a.out, "pairs.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(pairs) + "\n")
    print(f"{a.out}: {len(pairs)} sign-in sheets, {total} participants (seed {a.seed}, sessions before {a.before})")


if __name__ == "__main__":
    main()
