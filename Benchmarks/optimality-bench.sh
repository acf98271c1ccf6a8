#!/usr/bin/env bash
# Optimality benchmark: plans the 40 seeded random requests of OptimalityTests (RandomRequest over
# Tests/Fixtures/planner/catalog) with the release `rioplan` binary and prints, per seed, the plan's
# value and cash against the proven CP-SAT optimum, whether `rioplan check` accepts the plan, and how
# many seeds reached the optimum. A figure, not a test: it never fails on a seed that stops short.
#
#   Benchmarks/optimality-bench.sh                 # 3,000 iterations (as OptimalityTests)
#   ITERATIONS=20000 Benchmarks/optimality-bench.sh
#
# The requests are generated in Swift (RandomRequest lives in the test target): the environment-gated
# test `OptimalityTests/writeBenchmarkRequests` writes them with the optimum table when
# RIOPLAN_BENCH_DIR is set; this script builds the tests to run it.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
ITERATIONS=${ITERATIONS:-3000}
CATALOG="$PWD/Tests/Fixtures/planner/catalog"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

swift build --build-tests --scratch-path "$SCRATCH" >/dev/null
RIOPLAN_BENCH_DIR="$out/requests" swift test --skip-build --scratch-path "$SCRATCH" \
  --filter 'OptimalityTests/writeBenchmarkRequests' >"$out/gen.log" 2>&1 || { cat "$out/gen.log" >&2; exit 1; }
[ -f "$out/requests/optimum.tsv" ] || { echo "the request generator wrote nothing; see:" >&2; cat "$out/gen.log" >&2; exit 1; }
swift build -c release --scratch-path "$SCRATCH" >/dev/null
BIN="$SCRATCH/release/rioplan"

printf '%4s %7s %9s %7s %9s %-8s %s\n' seed value cash opt opt-cash verdict check
while IFS=$'\t' read -r seed opt optcash; do
  plan="$out/rand-$seed.json"
  "$BIN" plan "$out/requests/rand-$seed.yaml" --catalog "$CATALOG" --out "$plan" \
    --iterations "$ITERATIONS" --seed "$seed" --quiet --no-history >/dev/null
  check=$("$BIN" check "$plan" --request "$out/requests/rand-$seed.yaml" --catalog "$CATALOG" >/dev/null 2>&1 && echo ok || echo FAIL)
  python3 - "$plan" "$seed" "$opt" "$optcash" "$check" <<'PY'
import json, sys
plan, seed, opt, optcash, check = sys.argv[1:]
s = json.load(open(plan))["score"]
opt, optcash = int(opt), int(optcash)
got = (s["value"], s["cash"])
if got == (opt, optcash):
    verdict = "optimum"
elif got[0] > opt or (got[0] == opt and got[1] < optcash):
    verdict = "BEATS"  # better than proven optimal: an invalid plan
else:
    verdict = "short"
print(f'{seed:>4s} {got[0]:7d} {got[1]:9,d} {opt:7d} {optcash:9,d} {verdict:8s} {check}')
PY
done <"$out/requests/optimum.tsv" | tee "$out/table"
reached=$(grep -c ' optimum ' "$out/table" || true)
total=$(wc -l <"$out/table")
echo "reached the proven optimum: $reached of $total seeds ($ITERATIONS iterations)"
