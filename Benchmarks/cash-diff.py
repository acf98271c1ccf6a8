#!/usr/bin/env python3
"""Where two plans of one request differ in cash: our plan against a reference (CP-SAT's ref.json).

    python3 Benchmarks/cash-diff.py OURS.plan.json REF.json

Prints the demands only one plan schedules, each session whose dates, venue or trainers differ
with a different cost (ours | the reference: start, venue, trainers, travel, venue cash), and the
totals of travel, venue, participant and all cash in both. Session order is by demand id.
"""
import json
import sys


def sessions(path):
    with open(path) as f:
        return {s["demand"]: s for s in json.load(f)["sessions"]}


def main(ours_path, ref_path):
    ours, ref = sessions(ours_path), sessions(ref_path)
    print("only ours:", sorted(set(ours) - set(ref)), "only the reference:", sorted(set(ref) - set(ours)))
    for d in sorted(set(ours) & set(ref)):
        x, y = ours[d], ref[d]
        if (x["trainers"], x["venue"], x["start"]) != (y["trainers"], y["venue"], y["start"]) and x["cost"] != y["cost"]:
            side = lambda s: f'{s["start"]} {s["venue"]} {",".join(s["trainers"])} travel {s["cost"]["travel"]} venue {s["cost"]["venue"]}'
            print(f'{d} {x["region"]} {x["days"]}d  ours {side(x)} | ref {side(y)}')
    for k in ["travel", "venue", "participants", "cash"]:
        a = sum(s["cost"][k] for s in ours.values())
        b = sum(s["cost"][k] for s in ref.values())
        print(f"{k:>12}: ours {a:,}  reference {b:,}  difference {a - b:+,}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: cash-diff.py OURS.plan.json REF.json")
    main(sys.argv[1], sys.argv[2])
