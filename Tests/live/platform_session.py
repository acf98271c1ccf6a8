#!/usr/bin/env python3
"""A live session on `rioplan serve` in a real browser (Playwright driving Debian's Chromium).

usage: platform_session.py RIOPLAN_BIN REPO_ROOT OUT_DIR

In a fresh workspace (a copy of Catalog/ and Plans/) it records two versions of jlg-2027 and
publishes the first from the command line, adds a region office (africa) and a coordinator, and
starts the server. Then, as a person would:

1. the region office signs in with its token, uploads a needs sheet with one bad row, reads the
   error on the page, fixes the sheet, submits it and sees its needs listed;
2. the coordinator signs in and publishes the latest version from the Publish page; the plan page
   is screenshotted (OUT_DIR/plan-page.png) for a person to look at;
3. the office's calendar feed is fetched before and after with Python `icalendar`: after the
   publish it holds the new version's events (moved ones with a higher SEQUENCE, dropped ones
   CANCELLED), answers 304 to its new ETag and 200 to the old one;
4. SIGTERM stops the server with exit 0.

Prints one line per step; exits 1 with the reason on the first failure.
"""
import json
import os
import shutil
import signal
import subprocess
import sys

import icalendar
from playwright.sync_api import sync_playwright

from platformkit import Workspace, fail, fetch

BIN, ROOT, OUT = (os.path.abspath(a) for a in sys.argv[1:4])
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WS = None


def region_events(plan_file, region):
    """UID -> start date of the plan's sessions in `region`, read from the plan file."""
    plan = json.load(open(os.path.join(WS, plan_file)))
    out = {}
    for s in plan["sessions"]:
        if s.get("region") == region:
            out[f'{plan["name"]}/{s["demand"]}@rioplan'] = s["start"]
    return out


def feed_events(data):
    cal = icalendar.Calendar.from_ical(data)
    out = {}
    for ev in cal.walk("VEVENT"):
        out[str(ev["UID"])] = (ev.decoded("DTSTART"), str(ev.get("STATUS", "")), int(ev.get("SEQUENCE", 0)))
    return out


def setup():
    ws = Workspace(BIN, ROOT, OUT)
    ws.plan(1, "Plans/v1.plan.json")
    ws.run("publish", "jlg-2027@1")
    ws.plan(5, "Plans/v2.plan.json")
    tokens = {"office": ws.add_person("africa-office", "region:africa"),
              "coord": ws.add_person("jlg-coordinator", "coordinator")}
    print("setup: 2 versions recorded, v1 published, 2 people added")
    return ws, tokens


def sign_in(page, base, token):
    page.goto(f"{base}/signin")
    page.fill("input[name=token]", token)
    page.click("form[action='/signin'] button")
    page.wait_for_load_state()
    if "/signin" in page.url:
        fail(f"sign-in refused: {page.inner_text('body')[:300]}")


def office_submits_needs(page, base):
    bad = os.path.join(OUT, "needs-africa.csv")
    header = "id,module,region,participants,languages,priority,earliest,latest\n"
    good_rows = "af-eba-2027,rio-eba,africa,25,en fr,4,2027-03-01,2027-06-30\n"
    with open(bad, "w") as f:
        f.write(header + good_rows + "af-gender-2027,rio-gender,africa,90,fr,3,2027-04-01,2027-09-30\n")
    page.goto(f"{base}/needs/jlg-2027")
    page.set_input_files("form[action$='/upload'] input[type=file]", bad)
    page.click("form[action$='/upload'] button")
    page.wait_for_load_state()
    errors = page.locator(".errors")
    if errors.count() == 0:
        fail(f"no error shown for the bad row: {page.inner_text('body')[:400]}")
    text = errors.first.inner_text()
    if "participants" not in text or "90" not in text or "row 3" not in text:
        fail(f"the error does not name row 3, participants and 90: {text}")
    if "af-eba-2027" in " ".join(page.locator("table").all_inner_texts()):
        fail("a sheet with a bad row was partly stored")
    print(f"office: bad row refused on the page: {text.splitlines()[-1][:120]}")
    with open(bad, "w") as f:
        f.write(header + good_rows + "af-gender-2027,rio-gender,africa,30,fr,3,2027-04-01,2027-09-30\n")
    page.set_input_files("form[action$='/upload'] input[type=file]", bad)
    page.click("form[action$='/upload'] button")
    page.wait_for_load_state()
    listed = " ".join(page.locator("table").all_inner_texts())
    if "af-eba-2027" not in listed or "af-gender-2027" not in listed:
        fail(f"the fixed sheet's needs are not listed: {page.inner_text('body')[:400]}")
    print("office: fixed sheet stored; both needs listed")


def main():
    global WS
    ws, tokens = setup()
    WS = ws.dir
    server, base = ws.serve()
    feed_url = f"{base}/feeds/{tokens['office'][1]}/jlg-2027.ics?region=africa"
    status, headers, before = fetch(feed_url)
    if status != 200:
        fail(f"feed before publishing answered {status}")
    old_etag = headers.get("ETag")
    v1 = feed_events(before)
    print(f"feed before: {len(v1)} events for africa, ETag {old_etag[:12]}…")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        sign_in(page, base, tokens["office"][0])
        office_submits_needs(page, base)
        page.click("form[action='/signout'] button")
        page.wait_for_load_state()
        sign_in(page, base, tokens["coord"][0])
        page.goto(f"{base}/publish")
        page.fill("input[name=plan]", "jlg-2027")
        page.click("form[action='/publish'] button")
        page.wait_for_load_state()
        if not page.url.endswith("/plans/jlg-2027"):
            fail(f"publishing did not lead to the plan page: {page.url} {page.inner_text('body')[:300]}")
        page.screenshot(path=os.path.join(OUT, "plan-page.png"), full_page=True)
        print(f"coordinator: published; plan page at {page.url}, screenshot plan-page.png")
        browser.close()
    check_feed_after(feed_url, old_etag, v1)
    server.send_signal(signal.SIGTERM)
    try:
        code = server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        fail("the server did not stop within 15 s of SIGTERM")
    if code != 0:
        fail(f"the server exited {code} on SIGTERM")
    log = open(os.path.join(OUT, "server.log")).read()
    for who in tokens.values():
        for t in who:
            if t in log:
                fail("a token appears in the access log")
    print(f"server: SIGTERM -> exit 0; {log.count(chr(10))} log lines, no token in them")
    print("OK")


def check_feed_after(feed_url, old_etag, v1):
    status, headers, after = fetch(feed_url, {"If-None-Match": old_etag})
    if status != 200:
        fail(f"feed after publishing answered {status} to the old ETag")
    if headers.get("Content-Type") != "text/calendar; charset=utf-8":
        fail(f"feed Content-Type {headers.get('Content-Type')}")
    new_etag = headers.get("ETag")
    events = feed_events(after)
    expected = region_events("Plans/v2.plan.json", "africa")
    live = {uid for uid, (_, st, _) in events.items() if st != "CANCELLED"}
    if live != set(expected):
        fail(f"feed events {sorted(live)} are not v2's africa sessions {sorted(expected)}")
    for uid, start in expected.items():
        if str(events[uid][0]) != start:
            fail(f"{uid} starts {events[uid][0]} in the feed, {start} in the plan")
    changed = [u for u in expected if u not in v1 or str(v1[u][0]) != expected[u]]
    dropped = [u for u in v1 if u not in expected]
    for u in changed:
        if u in v1 and events[u][2] <= v1[u][2]:
            fail(f"{u} moved but its SEQUENCE stayed {events[u][2]}")
    for u in dropped:
        if events.get(u, (None, ""))[1] != "CANCELLED":
            fail(f"{u} was dropped but is not CANCELLED in the feed")
    if not changed and not dropped:
        fail("v2 changes nothing in africa; the test needs a version that does")
    status, _, _ = fetch(feed_url, {"If-None-Match": new_etag})
    if status != 304:
        fail(f"the new ETag got {status}, not 304")
    print(f"feed after: {len(live)} events ({len(changed)} new or moved, {len(dropped)} cancelled); 304 on the new ETag")


if __name__ == "__main__":
    main()
