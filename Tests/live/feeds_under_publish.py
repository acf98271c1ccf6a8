#!/usr/bin/env python3
"""200 concurrent feed requests while `rioplan plan` and `rioplan publish` run beside the server.

usage: feeds_under_publish.py RIOPLAN_BIN REPO_ROOT OUT_DIR

200 clients (threads, released together) fetch a region's feed in a loop while another process
records a new plan version and publishes it. Every request must be answered 200; every request
sent after `publish` returned must carry the new version's ETag (none stale), and every request
answered before `publish` started the old one. Prints the counts.
"""
import sys
import threading
import time

from platformkit import Workspace, fail, fetch

BIN, ROOT, OUT = sys.argv[1:4]
CLIENTS = 200


def client(url, barrier, stop, results):
    barrier.wait()
    while not stop.is_set():
        sent = time.monotonic()
        try:
            status, headers, _ = fetch(url, timeout=60)
        except OSError as e:
            results.append((sent, time.monotonic(), f"error {e}", None))
            continue
        results.append((sent, time.monotonic(), status, headers.get("ETag")))


def main():
    ws = Workspace(BIN, ROOT, OUT)
    ws.plan(1, "Plans/v1.plan.json")
    ws.run("publish", "jlg-2027@1")
    _, feed = ws.add_person("africa-office", "region:africa")
    proc, base = ws.serve()
    url = f"{base}/feeds/{feed}/jlg-2027.ics?region=africa"
    _, h, _ = fetch(url)
    old = h.get("ETag")
    barrier, stop, results = threading.Barrier(CLIENTS + 1), threading.Event(), []
    threads = [threading.Thread(target=client, args=(url, barrier, stop, results)) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    barrier.wait()
    time.sleep(1)
    plan_started = time.monotonic()
    ws.plan(5, "Plans/v2.plan.json")
    publish_started = time.monotonic()
    ws.run("publish", "jlg-2027")
    published = time.monotonic()
    time.sleep(2)
    stop.set()
    for t in threads:
        t.join()
    _, h, _ = fetch(url)
    new = h.get("ETag")
    proc.terminate()
    proc.wait(timeout=15)
    if new == old:
        fail("the publish did not change the feed")
    bad = [r for r in results if r[2] != 200]
    if bad:
        fail(f"{len(bad)} of {len(results)} requests not answered 200, e.g. {bad[0][2]}")
    stale = [r for r in results if r[0] > published and r[3] != new]
    if stale:
        fail(f"{len(stale)} requests sent after the publish got a stale ETag")
    early = [r for r in results if r[1] < publish_started and r[3] != old]
    if early:
        fail(f"{len(early)} requests answered before the publish had a new ETag")
    during_plan = sum(1 for r in results if plan_started <= r[0] < publish_started)
    after = sum(1 for r in results if r[0] > published)
    print(f"{len(results)} feed requests from {CLIENTS} clients, all 200; {during_plan} sent while `rioplan plan` ran "
          f"({publish_started - plan_started:.1f} s), {after} after the publish, 0 with a stale ETag")
    print("OK")


if __name__ == "__main__":
    main()
