#!/usr/bin/env bash
# Planner benchmark: plans every instance under ../shared/benchmarks (or the folders given) with a
# release build and prints, per instance: value, reference value, ratio, cash, reference cash,
# seconds, peak memory, and whether both checkers accept the plan.
#
#   Benchmarks/plan-bench.sh                      # pub-s, pub-m, pub-l at 10 s; pub-xl at 60 s
#   Benchmarks/plan-bench.sh DIR...               # other instances (each: request.yaml, catalog/, ref.json)
#   SEEDS="1 2 3" Benchmarks/plan-bench.sh        # several seeds per instance (one row each)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
swift build -c release --scratch-path "$SCRATCH" >/dev/null
BIN="$SCRATCH/release/rioplan"
SHARED=../shared
CHECK="$SHARED/tools/check-plan"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ $# -gt 0 ] && dirs=("$@") || dirs=("$SHARED"/benchmarks/pub-s "$SHARED"/benchmarks/pub-m "$SHARED"/benchmarks/pub-l "$SHARED"/benchmarks/pub-xl)
printf '%-8s %4s %7s %7s %6s %12s %12s %6s %8s %9s %s\n' instance seed value ref ratio cash ref-cash secs peak-MB rioplan check-plan
for d in "${dirs[@]}"; do
  name=$(basename "$d")
  limit=${LIMIT:-10}; [ "$name" = pub-xl ] && limit=${LIMIT_XL:-60}
  for seed in ${SEEDS:-1}; do
    plan="$out/$name-$seed.json"
    /usr/bin/time -f '%e %M' -o "$out/time" "$BIN" plan "$d/request.yaml" --catalog "$d/catalog" --out "$plan" \
      --time-limit "$limit" --seed "$seed" --quiet --no-history >/dev/null
    read -r secs kb < "$out/time"
    own=$("$BIN" check "$plan" --request "$d/request.yaml" --catalog "$d/catalog" >/dev/null 2>&1 && echo ok || echo FAIL)
    oracle=$(python3 "$CHECK" "$plan" "$d/request.yaml" "$d/catalog" >/dev/null 2>&1 && echo ok || echo FAIL)
    python3 - "$plan" "$d/ref.json" "$name" "$seed" "$secs" "$kb" "$own" "$oracle" <<'PY'
import json, sys
plan, ref, name, seed, secs, kb, own, oracle = sys.argv[1:]
p = json.load(open(plan))["score"]; r = json.load(open(ref))["score"]
ratio = p["value"] / r["value"] if r["value"] else float("inf")
print(f'{name:8s} {seed:>4s} {p["value"]:7d} {r["value"]:7d} {ratio:6.3f} {p["cash"]:12,d} {r["cash"]:12,d} {float(secs):6.1f} {int(kb)/1024:8.1f} {own:>9s} {oracle}')
PY
  done
done
