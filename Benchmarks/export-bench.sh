#!/usr/bin/env bash
# Export benchmark (issue 4): a plan of 10,000 sessions exported to ICS and XLSX (and CSV, HTML),
# release build, median wall time of several runs. Targets: ICS < 1 s, XLSX < 3 s.
#
# usage: Benchmarks/export-bench.sh [SESSIONS] [RUNS]
# env:   SCRATCH (default .build-export) is the build folder; REF the plan replicated
#        (default ../shared/benchmarks/pub-xl/ref.json).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-5}
SCRATCH=${SCRATCH:-.build-export}
REF=${REF:-../shared/benchmarks/pub-xl/ref.json}

swift build -c release --scratch-path "$SCRATCH" --product rioplan >&2
BIN="$SCRATCH/release/rioplan"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 Benchmarks/make-big-plan.py "$REF" "$WORK/big.json" "$N" >&2

# median_time LABEL COMMAND...: runs COMMAND $RUNS times and prints the median seconds.
median_time() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" 2>/dev/null
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  printf '%-22s median %6.3f s   runs: %s\n' "$label" "$median" "$(printf '%.3f ' "${times[@]}")"
}

echo "plan: $N sessions replicated from $REF; $RUNS runs each; release build"
median_time "export ics" "$BIN" export ics "$WORK/big.json" --out "$WORK/big.ics"
median_time "export xlsx" "$BIN" export cofinancing "$WORK/big.json" --out "$WORK/big.xlsx"
median_time "export csv" "$BIN" export cofinancing "$WORK/big.json" --out "$WORK/big.csv"
median_time "report html" "$BIN" report "$WORK/big.json" --out "$WORK/big.html"
printf 'sizes: ics %s, xlsx %s, csv %s, html %s bytes\n' \
  "$(stat -c %s "$WORK/big.ics")" "$(stat -c %s "$WORK/big.xlsx")" "$(stat -c %s "$WORK/big.csv")" "$(stat -c %s "$WORK/big.html")"
