#!/usr/bin/env bash
# Platform benchmark: requests per second and p50/p99 latency of `rioplan serve` (release build) on
# loopback, with wrk (Debian's package) at 64 connections for DURATION seconds (default 10) each:
#
#   1. a cached feed: a region's calendar of the published plan (the server's feed cache hit);
#   2. an uncached filtered feed of a 1,000-demand plan (about 990 sessions): a server started with
#      --feed-cache 0, so every request renders the filtered calendar anew;
#   3. the plan page (the visual report with the platform's header), signed in with a Bearer token.
#
# The plan is pub-xl (../shared/benchmarks/pub-xl: 1,000 demands, 150 trainers) with funding caps x6
# and staff days x3, so that nearly every demand is scheduled; planned with --iterations (seed 1),
# recorded and published in a fresh workspace. wrk and the server share this machine's cores.
#
#   Benchmarks/serve-bench.sh            # DURATION=10 CONNECTIONS=64 THREADS=2
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "serve-bench needs wrk: apt-get install wrk" >&2; exit 69; }
DURATION=${DURATION:-10}; CONNECTIONS=${CONNECTIONS:-64}; THREADS=${THREADS:-2}
SCRATCH=${SCRATCH:-.build}
build_log=$(mktemp)
swift build -c release --scratch-path "$SCRATCH" >"$build_log" 2>&1 || { grep -E "error" "$build_log" >&2; exit 70; }
rm -f "$build_log"
BIN="$(pwd)/$SCRATCH/release/rioplan"
ws=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$ws"' EXIT
mkdir -p "$ws/Plans"
cp -r ../shared/benchmarks/pub-xl/catalog "$ws/Catalog"
python3 - ../shared/benchmarks/pub-xl/request.yaml "$ws/Plans/xl.yaml" <<'PY'
import sys, yaml
req = yaml.safe_load(open(sys.argv[1]))
req["name"] = "xl"
for f in req["funding"]: f["cap"] *= 6
for s in req["staff"]:
    if "maxDays" in s: s["maxDays"] *= 3
for s in req.get("staffing") or []: s["maxDays"] *= 3
yaml.safe_dump(req, open(sys.argv[2], "w"), sort_keys=False)
PY
cd "$ws"
"$BIN" plan Plans/xl.yaml --iterations 30000 --seed 1 --threads 1 --quiet >/dev/null
sessions=$(python3 -c 'import json; print(len(json.load(open("Plans/xl.plan.json"))["sessions"]))')
"$BIN" publish xl >/dev/null
out=$("$BIN" access add bench --role finance)
token=$(grep -o 'rps_[0-9a-f]*' <<<"$out" | head -1)
feed=$(grep -o 'rpf_[0-9a-f]*' <<<"$out" | head -1)
region=$(python3 -c 'import json; print(json.load(open("Plans/xl.plan.json"))["sessions"][0]["region"])')

# serve PORT [OPTIONS]: starts the server and waits until it answers.
serve() {
  "$BIN" serve --port "$1" "${@:2}" 2>/dev/null &
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$1/signin" && return 0; sleep 0.1; done
  echo "the server did not start" >&2; exit 70
}
# bench LABEL URL [wrk options]: one wrk run, one line of figures.
bench() {
  local label=$1 url=$2; shift 2
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
  [ "$status" = 200 ] || { echo "$label: $url answered $status" >&2; exit 70; }
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" > wrk.txt
  python3 - "$label" wrk.txt <<'PY'
import re, sys
label, text = sys.argv[1], open(sys.argv[2]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def lat(p):
    m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: (.*)", text)
print(f"{label:34s} {rps:10,.0f} {lat(50):9.2f} {lat(99):9.2f}   {errors.group(1) if errors else 0}{'  ' + sock.group(1) if sock else ''}")
PY
}

echo "plan xl: $sessions sessions published; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) cores"
printf '%-34s %10s %9s %9s   %s\n' target "req/s" "p50 ms" "p99 ms" "non-2xx"
serve 18431
bench "cached feed (region $region)" "http://127.0.0.1:18431/feeds/$feed/xl.ics?region=$region"
bench "plan page" "http://127.0.0.1:18431/plans/xl" -H "Authorization: Bearer $token"
kill %1; wait %1 2>/dev/null || true
serve 18432 --feed-cache 0
bench "uncached feed (convention UNCCD)" "http://127.0.0.1:18432/feeds/$feed/xl.ics?convention=UNCCD"
