#!/usr/bin/env python3
"""The server killed with `kill -9` during uploads, and restarted.

usage: kill9_upload.py RIOPLAN_BIN REPO_ROOT OUT_DIR [ROUNDS]

Each round starts `rioplan serve`, sends needs sheets of ROWS rows each back to back (Bearer token,
the JSON API) from two clients, kills the server with SIGKILL at a seeded random moment, and
checks the workspace database: `PRAGMA integrity_check` is ok, and every sheet is either wholly
there (all its rows) or absent, and every sheet the server had acknowledged (201) is there. The
server is then restarted on the same database and must answer. Prints one line per round.
"""
import json
import os
import random
import signal
import sqlite3
import sys
import threading
import time

from platformkit import Workspace, fail, fetch

BIN, ROOT, OUT = sys.argv[1:4]
ROUNDS = int(sys.argv[4]) if len(sys.argv) > 4 else 6
ROWS = 1500
REGIONS = ["africa", "asia-pacific", "lac", "cee", "northern-med"]


def sheet(tag):
    lines = ["id,module,region,participants,languages,priority,earliest,latest"]
    for i in range(ROWS):
        lines.append(f"{tag}-{i:04d},rio-eba,{REGIONS[i % 5]},{10 + i % 20},en,{1 + i % 5},2027-02-01,2027-11-30")
    return ("\n".join(lines) + "\n").encode()


def uploader(base, token, prefix, acked, stop):
    n = 0
    while not stop.is_set():
        tag = f"{prefix}{n}"
        n += 1
        try:
            status, _, _ = fetch(f"{base}/api/v1/needs/jlg-2027?file={tag}.csv", data=sheet(tag), method="POST",
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"}, timeout=20)
        except OSError:
            return  # the server is gone
        if status == 201:
            acked.append(tag)
        elif status not in (500, 503):
            fail(f"upload {tag} answered {status}")


def stored_rows(db):
    con = sqlite3.connect(db, timeout=10)
    try:
        check = con.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            fail(f"integrity_check: {check}")
        ids = [r[0] for r in con.execute("SELECT needId FROM need")]
    finally:
        con.close()
    counts = {}
    for i in ids:
        tag = i.rsplit("-", 1)[0]
        counts[tag] = counts.get(tag, 0) + 1
    return counts


def round_(ws, token, r, rng):
    proc, base = ws.serve()
    acked, stop = [], threading.Event()
    threads = [threading.Thread(target=uploader, args=(base, token, f"k{r}{c}x", acked, stop)) for c in "ab"]
    for t in threads:
        t.start()
    time.sleep(rng.uniform(0.5, 3.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stop.set()
    for t in threads:
        t.join()
    counts = stored_rows(ws.db)
    partial = {t: n for t, n in counts.items() if n != ROWS}
    if partial:
        fail(f"round {r}: sheets partly stored: {partial}")
    missing = [t for t in acked if t not in counts]
    if missing:
        fail(f"round {r}: acknowledged sheets missing after kill -9: {missing}")
    mine = sorted(t for t in counts if t.startswith(f"k{r}"))
    proc, base = ws.serve()
    status, _, body = fetch(f"{base}/api/v1/needs/jlg-2027", headers={"Authorization": f"Bearer {token}"})
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=15)
    if status != 200:
        fail(f"round {r}: after restart the needs list answered {status}")
    print(f"round {r}: killed after {len(acked)} acknowledged uploads; {len(mine)} sheets stored whole "
          f"({len(mine) - len(acked)} unacknowledged), 0 partial; integrity ok; restart answered 200")


def main():
    ws = Workspace(BIN, ROOT, OUT)
    token, _ = ws.add_person("jlg-coordinator", "coordinator")
    rng = random.Random(12)
    for r in range(ROUNDS):
        round_(ws, token, r, rng)
    print("OK")


if __name__ == "__main__":
    main()
