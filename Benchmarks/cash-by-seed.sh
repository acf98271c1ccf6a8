#!/usr/bin/env bash
# Value and cash per seed, one line per instance: for comparing two builds of the planner on the
# same runs (the sum and count of seeds at CP-SAT's optimum are worked out from these lines).
#
#   Benchmarks/cash-by-seed.sh BIN MODE "SEEDS" DIR...
#   Benchmarks/cash-by-seed.sh .build/release/rioplan t10 "1 2 3 4 5 6" ../shared/benchmarks/pub-src40
#   Benchmarks/cash-by-seed.sh /tmp/old/rioplan i200000 "1 2 3 4" /tmp/unseen/pub-src40-v101
#
# MODE is tN (--time-limit N) or iN (--iterations N); each run uses --threads 2. DIR holds
# request.yaml and catalog/ (a public instance, or a Benchmarks/vary-instance.py variant).
# Benchmarks/cash-by-seed-summary.py sums the lines up against CP-SAT's optima.
#
# KEEP=DIR keeps each run's plan as DIR/INSTANCE-sSEED.json, for looking into a run that missed
# the optimum (Benchmarks/neighbourhood.py shows how many sessions a cheaper plan changes).
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,14p' "$0"; exit 64; }
BIN=$1 MODE=$2 SEEDS=$3
shift 3
case $MODE in
  t*) budget=(--time-limit "${MODE#t}") ;;
  i*) budget=(--iterations "${MODE#i}") ;;
  *) echo "MODE is tN or iN, not $MODE" >&2; exit 64 ;;
esac
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for d in "$@"; do
  line="$(basename "$d"):"
  for s in $SEEDS; do
    if "$BIN" plan "$d/request.yaml" --catalog "$d/catalog" "${budget[@]}" --seed "$s" --threads 2 --no-history --quiet --out "$out/p.json" >/dev/null 2>"$out/err"; then
      line="$line $(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["score"]; print(s["value"], s["cash"])' "$out/p.json") |"
    else
      line="$line REFUSED |"
    fi
    if [ -n "${KEEP:-}" ] && [ -f "$out/p.json" ]; then
      mkdir -p "$KEEP"
      mv "$out/p.json" "$KEEP/$(basename "$d")-s$s.json"
    else
      rm -f "$out/p.json"
    fi
  done
  echo "$line"
done
