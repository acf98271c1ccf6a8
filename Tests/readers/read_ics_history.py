"""Reads a calendar written by `rioplan export ics` with python icalendar and prints, as JSON,
each event's UID with its STATUS, SEQUENCE and DTSTART, so tests can check how a calendar follows
the plan's history (a changed session's SEQUENCE goes up; a dropped one comes back CANCELLED).
Exits 1 if icalendar reports errors or two events share a UID.

usage: read_ics_history.py FILE.ics
"""
import json
import sys

import icalendar

cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = {}
problems = []
for e in cal.walk("VEVENT"):
    uid = str(e.get("UID"))
    if uid in events:
        problems.append(f"duplicate UID {uid}")
    if e.errors:
        problems.append(f"{uid}: {e.errors}")
    events[uid] = {
        "status": str(e.get("STATUS")),
        "sequence": int(e.get("SEQUENCE")) if e.get("SEQUENCE") is not None else None,
        "start": e.decoded("DTSTART").isoformat(),
    }
print(json.dumps({"events": events, "problems": problems}, sort_keys=True))
sys.exit(1 if problems else 0)
