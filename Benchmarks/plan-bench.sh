#!/usr/bin/env bash
# Planner benchmark: plans every instance under ../shared/benchmarks (or the folders given) with a
# release build and prints two tables.
#
# 1. Per instance and seed, at the instance's limit (10 s; pub-xl 60 s) on THREADS_MAIN threads:
#    funding sources, steps per second, value, CP-SAT's value and proven bound (ref.json
#    `score.value`, `solver.valueBound`), our bound (`solver.bound`), our gap, cash against
#    CP-SAT's (ours minus theirs; only meaningful at equal value), seconds, peak memory, and
#    whether both checkers accept the plan.
# 2. Value reached per time limit (LIMITS) and thread count (THREADS), seed 1.
#
#   Benchmarks/plan-bench.sh                      # pub-s, pub-m, pub-l at 10 s; pub-xl at 60 s
#   Benchmarks/plan-bench.sh DIR...               # other instances (each: request.yaml, catalog/, ref.json)
#   SEEDS="1 2 3" Benchmarks/plan-bench.sh        # several seeds per instance (one row each)
#   LIMITS="2 5 10" THREADS="1 2" Benchmarks/plan-bench.sh   # the second table's grid (LIMITS= skips it)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
swift build -c release --scratch-path "$SCRATCH" >/dev/null
BIN="$SCRATCH/release/rioplan"
SHARED=../shared
CHECK="$SHARED/tools/check-plan"
THREADS_MAIN=${THREADS_MAIN:-$(nproc)}
FAILED=${FAILED:-$SCRATCH/bench-failures}  # where a plan either checker rejects is kept, with both verdicts
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ $# -gt 0 ] && dirs=("$@") || dirs=("$SHARED"/benchmarks/pub-s "$SHARED"/benchmarks/pub-m "$SHARED"/benchmarks/pub-l "$SHARED"/benchmarks/pub-xl)

# plan DIR PLAN LIMIT SEED THREADS: plans DIR's request, leaves "seconds peak-KB" in $out/time and
# the planner's messages in $out/err; fails when the planner refuses (exit 70: it made a plan that
# breaks a rule, see `Workspace.solve`).
plan() {
  /usr/bin/time -f '%e %M' -o "$out/time" "$BIN" plan "$1/request.yaml" --catalog "$1/catalog" --out "$2" \
    --time-limit "$3" --seed "$4" --threads "$5" --quiet --no-history >/dev/null 2>"$out/err"
}

echo "threads: $THREADS_MAIN"
printf '%-9s %4s %7s %7s %7s %7s %7s %7s %6s %12s %12s %6s %8s %7s %s\n' \
  instance seed sources steps/s value cp-sat cp-bnd bound gap cash cash-vs-cpsat secs peak-MB rioplan check-plan
for d in "${dirs[@]}"; do
  name=$(basename "$d")
  limit=${LIMIT:-10}; [ "$name" = pub-xl ] && limit=${LIMIT_XL:-60}
  for seed in ${SEEDS:-1}; do
    p="$out/$name-$seed.json"
    if ! plan "$d" "$p" "$limit" "$seed" "$THREADS_MAIN"; then  # a refused plan is a row, not the end of the run
      mkdir -p "$FAILED" && cp "$out/err" "$FAILED/$name-$seed.refused.txt"
      printf '%-9s %4s  REFUSED (kept in %s): %s\n' "$name" "$seed" "$FAILED/$name-$seed.refused.txt" "$(head -c 300 "$out/err")"
      continue
    fi
    read -r secs kb < "$out/time"
    own=$("$BIN" check "$p" --request "$d/request.yaml" --catalog "$d/catalog" >/dev/null 2>&1 && echo ok || echo FAIL)
    oracle=$(python3 "$CHECK" "$p" "$d/request.yaml" "$d/catalog" >/dev/null 2>&1 && echo ok || echo FAIL)
    if [ "$own$oracle" != okok ]; then  # keep a rejected plan and both verdicts for the bug report
      mkdir -p "$FAILED" && cp "$p" "$FAILED/" && echo "kept in $FAILED/$(basename "$p")" >&2
      "$BIN" check "$p" --request "$d/request.yaml" --catalog "$d/catalog" >"$FAILED/$name-$seed.rioplan.txt" 2>&1 || true
      python3 "$CHECK" "$p" "$d/request.yaml" "$d/catalog" >"$FAILED/$name-$seed.check-plan.txt" 2>&1 || true
    fi
    python3 - "$p" "$d" "$name" "$seed" "$secs" "$kb" "$own" "$oracle" <<'PY'
import json, sys, yaml
plan, d, name, seed, secs, kb, own, oracle = sys.argv[1:]
doc = json.load(open(plan)); p, s = doc["score"], doc["solver"]
ref = json.load(open(f"{d}/ref.json")); r = ref["score"]; rb = ref.get("solver", {}).get("valueBound")
sources = len(yaml.safe_load(open(f"{d}/request.yaml")).get("funding") or [])
steps = s["iterations"] / s["seconds"] if s["seconds"] else 0
print(f'{name:9s} {seed:>4s} {sources:7d} {steps:7.0f} {p["value"]:7d} {r["value"]:7d} {rb if rb is not None else "-":>7} '
      f'{s.get("bound", 0):7d} {100 * s.get("gap", 0):5.2f}% {p["cash"]:12,d} {p["cash"] - r["cash"]:+12,d} '
      f'{float(secs):6.1f} {int(kb) / 1024:8.1f} {own:>7s} {oracle}')
PY
  done
done

[ -n "${LIMITS-2 5 10}" ] || exit 0
echo
printf '%-9s %7s' instance threads
for l in ${LIMITS:-2 5 10}; do printf ' %9s' "value@${l}s"; done
printf ' %8s\n' peak-MB
for d in "${dirs[@]}"; do
  name=$(basename "$d")
  for t in ${THREADS:-1 2}; do
    printf '%-9s %7s' "$name" "$t"
    peak=0
    for l in ${LIMITS:-2 5 10}; do
      p="$out/$name-t$t-l$l.json"
      if ! plan "$d" "$p" "$l" 1 "$t"; then printf ' %9s' REFUSED; continue; fi
      read -r _ kb < "$out/time"
      [ "$kb" -gt "$peak" ] && peak=$kb
      printf ' %9s' "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["score"]["value"])' "$p")"
    done
    printf ' %8.1f\n' "$(echo "$peak / 1024" | bc -l)"
  done
done
