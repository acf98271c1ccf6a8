#!/usr/bin/env bash
# The planner on unseen instances: builds variants of the public instances with
# Benchmarks/vary-instance.py, gives each a CP-SAT reference (../shared/tools/reference-solve,
# kept once made), and runs Benchmarks/plan-bench.sh on them.
#
#   Benchmarks/unseen-bench.sh                     # the variants below, seeds 1 2 3
#   VARIANTS="pub-l:104 pub-src40:103" Benchmarks/unseen-bench.sh
#   OUT=/tmp/unseen REF_SECONDS=600 REF_WORKERS=2 SEEDS="1 2 3 4 5" Benchmarks/unseen-bench.sh
#
# A reference is CP-SAT's plan within REF_SECONDS on REF_WORKERS workers; its ref.json says
# whether value and cash were proven optimal (`solver.valueStatus`, `solver.cashStatus`). The
# references take minutes each on two cores and use both: make them before timing anything.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared
OUT=${OUT:-.build/unseen}
VARIANTS=${VARIANTS:-pub-m:101 pub-m:102 pub-l:101 pub-l:102 pub-l:103 pub-src24:101 pub-src24:102 pub-src40:101 pub-src40:102}
mkdir -p "$OUT"
dirs=()
for spec in $VARIANTS; do
  kind=${spec%%:*} seed=${spec##*:}
  dir="$OUT/$kind-v$seed"
  [ -f "$dir/request.yaml" ] || python3 Benchmarks/vary-instance.py "$SHARED/benchmarks/$kind" "$dir" "$seed" >/dev/null
  if [ ! -f "$dir/ref.json" ]; then
    echo "CP-SAT reference for $kind-v$seed (${REF_SECONDS:-420} s, ${REF_WORKERS:-2} workers)..." >&2
    "$SHARED/tools/reference-solve" "$dir/request.yaml" "$dir/catalog" "$dir/ref.json" "${REF_SECONDS:-420}" "${REF_WORKERS:-2}" >"$dir/ref.log"
  fi
  dirs+=("$dir")
done
SEEDS=${SEEDS:-1 2 3} LIMITS= Benchmarks/plan-bench.sh "${dirs[@]}"
