#!/usr/bin/env python3
"""Sums up Benchmarks/cash-by-seed.sh's lines against each instance's optimum (CP-SAT's).

    python3 Benchmarks/cash-by-seed-summary.py OUT.txt NAME=VALUE:CASH ...
    python3 Benchmarks/cash-by-seed-summary.py s38.txt src40-v101=1109:5912880 src40-v103=1129:6338930

OUT.txt holds cash-by-seed.sh's lines ("name: value cash | value cash | ..."); NAME is the
instance folder's name. Prints per instance the seeds at the optimum (value and cash), the cash
above the optimum summed over the seeds of optimal value, and each seed's figure: the cash above
(0 at the optimum), "v-N" for a value N short, "R" for a refused run. Instances without an optimum
given are skipped. Exit 64 on a bad argument, 65 on a line it cannot read, 66 when OUT.txt
cannot be opened.
"""
import sys


def parse_optima(args):
    optima = {}
    for arg in args:
        name, _, figures = arg.partition("=")
        value, _, cash = figures.partition(":")
        if not (name and value.isdigit() and cash.isdigit()):
            print(f"{arg}: expected NAME=VALUE:CASH, e.g. src40-v101=1109:5912880", file=sys.stderr)
            sys.exit(64)
        optima[name] = (int(value), int(cash))
    return optima


def seed_figure(run, best_value, best_cash, where):
    if run == "REFUSED":
        return "R", None
    try:
        value, cash = map(int, run.split())
    except ValueError:
        print(f"{where}: expected 'value cash' or REFUSED, found {run!r}", file=sys.stderr)
        sys.exit(65)
    if value < best_value:
        return f"v{value - best_value}", None
    return str(cash - best_cash), cash - best_cash


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 64
    optima = parse_optima(argv[2:])
    total = runs = above = 0
    try:
        lines = open(argv[1]).read().splitlines()
    except OSError as e:
        print(f"{argv[1]}: cannot read it ({e.strerror})", file=sys.stderr)
        return 66
    for row, line in enumerate(lines, 1):
        name, sep, rest = line.partition(":")
        if not sep or name.strip() not in optima:
            continue
        best_value, best_cash = optima[name.strip()]
        figures = [seed_figure(r.strip(), best_value, best_cash, f"{argv[1]}:{row}") for r in rest.split("|") if r.strip()]
        optimal = sum(1 for _, d in figures if d == 0)
        cash_above = sum(d for _, d in figures if d is not None)
        print(f"{name.strip()}: optimal {optimal}/{len(figures)}, cash above {cash_above:,}")
        print("  " + " ".join(f"{k + 1}:{text}" for k, (text, _) in enumerate(figures)))
        total, runs, above = total + optimal, runs + len(figures), above + cash_above
    print(f"all: optimal {total}/{runs}, cash above {above:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
