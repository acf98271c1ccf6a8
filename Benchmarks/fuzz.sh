#!/usr/bin/env bash
# Fuzzes the catalog and request loaders (libFuzzer, coverage-guided) for a given time, starting
# from the real Catalog/ and Plans/, and prints executions, crashes, hangs and the slowest input.
#
#   Benchmarks/fuzz.sh            # 600 s
#   Benchmarks/fuzz.sh 3600       # one hour
#   FORK=2 Benchmarks/fuzz.sh 600 # two worker processes (both cores); crashes do not stop the run
#
# A finding is an input that crashes (a trap, an unexpected error type, a diagnostic without
# file:line:col) or takes more than 2 s (-timeout=2). Findings are kept under
# Benchmarks/fuzz/findings/ (git-ignored); each one becomes a regression test in
# Tests/RioModelTests/LoaderFuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECS=${1:-600}
FORK=${FORK:-0}
FUZZ=Benchmarks/fuzz
(cd "$FUZZ" && swift build -c release -Xswiftc -sanitize=fuzzer >/dev/null)
BIN=$FUZZ/.build/release/rioplan-fuzz
CORPUS=$(mktemp -d)
trap 'rm -rf "$CORPUS"' EXIT
mkdir -p "$FUZZ/findings"
# Seeds: selector byte 2k + the k-th catalog file (the order CatalogLoader reads them), and
# selector 1 + each request-like file of Plans/.
k=0
while IFS= read -r f; do
  { printf "\\$(printf '%03o' $((2 * k)))"; cat "$f"; } > "$CORPUS/catalog-$k"
  k=$((k + 1))
done < <(cd Catalog && find . -name '*.yaml' -o -name '*.yml' | sed 's|^\./||' | LC_ALL=C sort | sed 's|^|Catalog/|')
for f in Plans/*.yaml; do { printf '\001'; cat "$f"; } > "$CORPUS/request-$(basename "$f")"; done
LOG=$(mktemp)
args=(-max_total_time="$SECS" -timeout=2 -report_slow_units=1 -rss_limit_mb=4096 -max_len=262144 -print_final_stats=1 -artifact_prefix="$FUZZ/findings/")
[ "$FORK" -gt 0 ] && args+=(-fork="$FORK" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
set +e
# SWIFT_BACKTRACE=enable=no: let libFuzzer's own crash handler save the input.
SWIFT_BACKTRACE=enable=no RIOPLAN_FUZZ_ROOT="$ROOT" "$BIN" "${args[@]}" "$CORPUS" > "$LOG" 2>&1
status=$?
set -e
execs=$( (grep -o 'stat::number_of_executed_units: [0-9]*' "$LOG" || true) | awk '{s+=$2} END {print s+0}')
if [ "$execs" = 0 ]; then execs=$( (grep -oE '^#[0-9]+' "$LOG" || true) | tail -1 | tr -d '#'); fi
rate=$(( ${execs:-0} / SECS ))
slow=$( (grep -oE 'Slowest unit: [0-9]+ s' "$LOG" || true) | awk '{print $3}' | sort -n | tail -1)
crashes=$(ls "$FUZZ/findings" | grep -c '^crash-' || true)
hangs=$(ls "$FUZZ/findings" | grep -c '^timeout-' || true)
echo "fuzz: ${SECS} s, ${execs:-0} executions (${rate:-?}/s), ${crashes} crash(es), ${hangs} hang(s) over 2 s, slowest input over 1 s: ${slow:-none}, libFuzzer exit ${status}"
if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
  echo "findings in $FUZZ/findings:"; ls "$FUZZ/findings"; grep -m3 -E 'Fatal error|ERROR: libFuzzer' "$LOG" || true
fi
rm -f "$LOG"
