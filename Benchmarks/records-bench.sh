#!/usr/bin/env bash
# Records benchmark (issue 11): a recorded plan of 10,000 sessions, one sign-in sheet of 30
# participants each (300,000 attendance rows) imported in one `rioplan record attendance --list` run,
# then `rioplan outcomes` (total and --by convention). Release build. Targets: import < 10 s,
# outcomes < 1 s.
#
# usage: Benchmarks/records-bench.sh [SESSIONS] [PER_SESSION]
# env:   SCRATCH (default .build-records) is the build folder; REF the plan replicated
#        (default ../shared/benchmarks/pub-xl/ref.json).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
PER=${2:-30}
SCRATCH=${SCRATCH:-.build-records}
REF=${REF:-../shared/benchmarks/pub-xl/ref.json}

swift build -c release --scratch-path "$SCRATCH" --product rioplan >&2
BIN="$PWD/$SCRATCH/release/rioplan"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export RIOPLAN_DB="$WORK/ws.sqlite"
python3 Benchmarks/make-big-plan.py "$REF" "$WORK/big.json" "$N" >&2
python3 Benchmarks/make-signin-sheets.py "$WORK/big.json" "$WORK/sheets" --per-session "$PER" --seed 1 >&2

# The database with its migrations (the command itself is refused: no plan yet), then the big
# plan recorded as a version, as `rioplan plan` records it (the trigger fills its sessions).
"$BIN" record delivery none/x --catalog Catalog >/dev/null 2>&1 || true
python3 - "$RIOPLAN_DB" "$WORK/big.json" <<'PY'
import json, sqlite3, sys
db, path = sqlite3.connect(sys.argv[1]), sys.argv[2]
text = open(path, encoding="utf-8").read()
p = json.loads(text)
s = p["score"]
db.execute("INSERT INTO planRun (name, version, createdAt, requestSha256, catalogSha256, value, cash, scheduled, demands, planJSON)"
           " VALUES (?, 1, '2027-01-01T00:00:00Z', '', '', ?, ?, ?, ?, ?)", (p["name"], s["value"], s["cash"], s["scheduled"], s["demands"], text))
db.commit()
print(p["name"], db.execute("SELECT count(*) FROM planSession").fetchone()[0], "sessions recorded", file=sys.stderr)
PY

# seconds COMMAND...: `wall W s (cpu C s)` of one run, stdout discarded. CPU (user + system)
# shows the work when other builders share the two cores; wall time is what a person waits.
seconds() {
  /usr/bin/time -o "$WORK/time" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{printf "wall %6.3f s (cpu %6.3f s)", $1, $2 + $3}' "$WORK/time"
}

ROWS=$((N * PER))
printf 'records: %d sessions x %d participants = %d attendance rows; release build\n' "$N" "$PER" "$ROWS"
printf 'import (one run, one transaction): %s\n' "$(seconds "$BIN" record attendance --list "$WORK/sheets/pairs.txt" --catalog Catalog)"
printf 're-import (nothing new):           %s\n' "$(seconds "$BIN" record attendance --list "$WORK/sheets/pairs.txt" --catalog Catalog)"
for by in "" convention country; do
  label="outcomes${by:+ --by $by}"
  if [ -n "$by" ]; then t=$(seconds "$BIN" outcomes --by "$by" --catalog Catalog); else t=$(seconds "$BIN" outcomes --catalog Catalog); fi
  printf '%-34s %s\n' "$label:" "$t"
done
"$BIN" outcomes --catalog Catalog | sed -n '3,4p'
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
