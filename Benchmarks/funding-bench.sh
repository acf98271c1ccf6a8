#!/usr/bin/env bash
# Funding benchmark: plans instances with few and with many funding sources and prints, per
# instance (sources, demands): search steps per second, the plan's value, CP-SAT's value and
# proven bound (ref.json `score.value`, `solver.valueBound`), and whether both checkers accept it.
# Steps per second come from the `N steps in X s` line `rioplan plan` prints on stderr.
#
#   Benchmarks/funding-bench.sh                 # pub-l, pub-src24, pub-src40 and two 8-source twins
#   LIMIT=5 SEED=2 Benchmarks/funding-bench.sh  # time limit (default 10 s) and seed (default 1)
#   BIN=/path/to/rioplan Benchmarks/funding-bench.sh   # another build (e.g. before a change)
#
# The twins are pub-src24 and pub-src40 cut to their first 8 sources (Benchmarks/fewer-sources.py,
# caps scaled to the same total): 300 and 200 demands with 8 sources, to compare like with like.
# They have no CP-SAT reference ("-").
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
SHARED=../shared
CHECK="$SHARED/tools/check-plan"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ -z "${BIN:-}" ]; then
  swift build -c release --scratch-path "$SCRATCH" >/dev/null 2>"$out/build.log" || { cat "$out/build.log" >&2; exit 1; }
  BIN="$SCRATCH/release/rioplan"
fi
python3 Benchmarks/fewer-sources.py "$SHARED/benchmarks/pub-src24" "$out/src24-8src" 8 >/dev/null
python3 Benchmarks/fewer-sources.py "$SHARED/benchmarks/pub-src40" "$out/src40-8src" 8 >/dev/null
dirs=("$SHARED/benchmarks/pub-l" "$out/src24-8src" "$SHARED/benchmarks/pub-src24" "$out/src40-8src" "$SHARED/benchmarks/pub-src40")
[ $# -gt 0 ] && dirs=("$@")
printf '%-10s %7s %7s %9s %6s %7s %7s %8s %s\n' instance sources demands steps/s value cp-sat bound rioplan check-plan
for d in "${dirs[@]}"; do
  name=$(basename "$d")
  plan="$out/$name.json"
  "$BIN" plan "$d/request.yaml" --catalog "$d/catalog" --out "$plan" --time-limit "${LIMIT:-10}" --seed "${SEED:-1}" --no-history \
    >/dev/null 2>"$out/stderr"
  own=$("$BIN" check "$plan" --request "$d/request.yaml" --catalog "$d/catalog" >/dev/null 2>&1 && echo ok || echo FAIL)
  oracle=$(python3 "$CHECK" "$plan" "$d/request.yaml" "$d/catalog" >/dev/null 2>&1 && echo ok || echo FAIL)
  python3 - "$d" "$plan" "$out/stderr" "$name" "$own" "$oracle" <<'PY'
import json, os, re, sys
import yaml
d, plan, err, name, own, oracle = sys.argv[1:]
req = yaml.safe_load(open(os.path.join(d, "request.yaml")))
m = re.findall(r"(\d+) steps in ([0-9.]+) s", open(err).read())
rate = int(m[-1][0]) / float(m[-1][1]) if m else float("nan")
value = json.load(open(plan))["score"]["value"]
ref, bound = "-", "-"
if os.path.exists(os.path.join(d, "ref.json")):
    r = json.load(open(os.path.join(d, "ref.json")))
    ref, bound = r["score"]["value"], r.get("solver", {}).get("valueBound", "-")
print(f'{name:10s} {len(req["funding"]):7d} {len(req["demand"]):7d} {rate:9.0f} {value:6d} {str(ref):>7s} {str(bound):>7s} {own:>8s} {oracle}')
PY
done
