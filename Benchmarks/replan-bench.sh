#!/usr/bin/env bash
# Re-plan benchmark (issue 5): pub-l with its ref.json as baseline and the largest funding source
# (gef-ccb) cut by 30%. Prints the baseline sessions kept unchanged, value, cash, whether both
# checkers accept the re-plan, and whether `rioplan diff` names every change; then what
# `rioplan whatif` says the cut costs.
#
#   Benchmarks/replan-bench.sh                       # pub-l, --time-limit 10, seed 1
#   LIMIT=20 SEED=3 Benchmarks/replan-bench.sh DIR   # another instance (request.yaml, catalog/, ref.json)
#   SOURCE=iki-eba CUT=-50% Benchmarks/replan-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
swift build -c release --scratch-path "$SCRATCH" >/dev/null
BIN="$SCRATCH/release/rioplan"
SHARED=../shared
CHECK="$SHARED/tools/check-plan"
DIR=${1:-$SHARED/benchmarks/pub-l}
SOURCE=${SOURCE:-gef-ccb}
CUT=${CUT:--30%}
LIMIT=${LIMIT:-10}
SEED=${SEED:-1}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export RIOPLAN_DB="$out/ws.sqlite"

# The cut request: the same request with the source's cap changed as `whatif --cap` changes it.
python3 - "$DIR/request.yaml" "$out/cut.yaml" "$SOURCE" "$CUT" <<'PY'
import re, sys, math
src, dst, source, cut = sys.argv[1:]
lines = open(src, encoding="utf-8").read().split("\n")
inside, done = False, False
for i, line in enumerate(lines):
    if re.match(r"^\s*- id: " + re.escape(source) + r"\s*$", line):
        inside = True
    elif inside and re.match(r"^\s*- ", line):
        break
    elif inside and re.match(r"^\s*cap:", line):
        cap = int(line.split(":")[1].strip().strip("'\""))
        new = math.floor(cap * (100 + float(cut[:-1])) / 100) if cut.endswith("%") else int(cut)
        lines[i] = re.sub(r"cap:.*", f"cap: {new}", line)
        print(f"{source} cap {cap:,} -> {new:,}", file=sys.stderr)
        done = True
        break
if not done:
    sys.exit(f"no cap for source {source} in {src}")
open(dst, "w", encoding="utf-8").write("\n".join(lines))
PY

plan="$out/cut.plan.json"
start=$(date +%s.%N)
"$BIN" plan "$out/cut.yaml" --catalog "$DIR/catalog" --baseline "$DIR/ref.json" --out "$plan" \
  --time-limit "$LIMIT" --seed "$SEED" --quiet --no-history > "$out/plan.txt"
secs=$(echo "$(date +%s.%N) - $start" | bc)
own=$("$BIN" check "$plan" --request "$out/cut.yaml" --catalog "$DIR/catalog" >/dev/null 2>&1 && echo ok || echo FAIL)
oracle=$(python3 "$CHECK" "$plan" "$out/cut.yaml" "$DIR/catalog" >/dev/null 2>&1 && echo ok || echo FAIL)
"$BIN" diff "$DIR/ref.json" "$plan" > "$out/diff.txt"
"$BIN" diff "$DIR/ref.json" "$plan" --format json > "$out/diff.json"

python3 - "$DIR/ref.json" "$plan" "$out/diff.json" "$own" "$oracle" "$secs" <<'PY'
import json, sys
ref_path, plan_path, diff_path, own, oracle, secs = sys.argv[1:]
ref, new, diff = (json.load(open(p)) for p in (ref_path, plan_path, diff_path))
key = lambda s: (s["start"], s["end"], s["venue"], sorted(s["trainers"]), s["language"])
a = {s["demand"]: s for s in ref["sessions"]}
b = {s["demand"]: s for s in new["sessions"]}
kept = sum(1 for d in a if d in b and key(a[d]) == key(b[d]))
changed = {d for d in a if d in b and key(a[d]) != key(b[d])}
named = {c["demand"] for c in diff["moved"] + diff["restaffed"]}
every = (named == changed and {c["demand"] for c in diff["added"]} == set(b) - set(a)
         and {c["demand"] for c in diff["cancelled"]} == set(a) - set(b) and diff["unchanged"] == kept)
r, p = ref["score"], new["score"]
print(f"kept unchanged   {kept} of {len(a)} baseline sessions ({100 * kept / len(a):.1f}%)")
print(f"value            {p['value']} (baseline {r['value']})")
print(f"cash             {p['cash']:,} (baseline {r['cash']:,})")
print(f"scheduled        {p['scheduled']} of {p['demands']} (baseline {r['scheduled']})")
print(f"changes          {len(diff['added'])} added, {len(diff['cancelled'])} cancelled, {len(diff['moved'])} moved, "
      f"{len(diff['restaffed'])} re-staffed")
print(f"rioplan check    {own}")
print(f"check-plan       {oracle}")
print(f"diff names every change: {'yes' if every else 'NO'}")
print(f"seconds          {float(secs):.1f}")
PY
echo
echo "--- rioplan diff (baseline -> re-plan)"
cat "$out/diff.txt"
echo "--- rioplan whatif $DIR/request.yaml --cap $SOURCE=$CUT --against ref.json"
"$BIN" whatif "$DIR/request.yaml" --catalog "$DIR/catalog" --cap "$SOURCE=$CUT" --against "$DIR/ref.json" \
  --time-limit "$LIMIT" --seed "$SEED" --quiet | sed -n '/^What the change costs/,$p'
