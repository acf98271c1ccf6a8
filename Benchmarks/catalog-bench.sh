#!/usr/bin/env bash
# Catalog benchmark (not a test): a generated catalog of 5,000 mandates and 2,000 modules.
#
#   Benchmarks/catalog-bench.sh            # release build in .build (or $SCRATCH), catalog in /tmp
#
# Prints: validate seconds, build seconds (each a whole `rioplan` process, wall clock; the bar is
# validate + build < 2 s), and the median in-process search latency over 50 queries (bar < 20 ms),
# plus the wall time of one whole `rioplan search` process for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH="${SCRATCH:-.build}"
swift build -c release --scratch-path "$SCRATCH" --product rioplan >&2
BIN="$SCRATCH/release/rioplan"
WORK="$(mktemp -d /tmp/rioplan-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 Benchmarks/gen-catalog.py "$WORK/catalog" --mandates 5000 --modules 2000 --seed 1
mv "$WORK/catalog/queries.txt" "$WORK/queries.txt"
DB="$WORK/bench.sqlite"

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | xargs printf '%.3f'; }

t0=$(now); "$BIN" catalog validate --catalog "$WORK/catalog" >/dev/null; t1=$(now)
"$BIN" catalog build --catalog "$WORK/catalog" --db "$DB" >/dev/null; t2=$(now)
v=$(secs "$t0" "$t1"); b=$(secs "$t1" "$t2")
echo "catalog: 5000 mandates, 2000 modules ($(du -sh "$WORK/catalog" | cut -f1) of YAML)"
echo "validate: ${v} s"
echo "build:    ${b} s   (validate + build: $(echo "$v + $b" | bc -l | xargs printf '%.3f') s; bar < 2 s)"
"$BIN" search --benchmark "$WORK/queries.txt" --catalog "$WORK/catalog" --db "$DB"
t3=$(now); "$BIN" search land restoration finance --catalog "$WORK/catalog" --db "$DB" >/dev/null; t4=$(now)
echo "one whole search process (startup, catalog hash check, query, print): $(secs "$t3" "$t4") s"
