"""Reads a calendar written by `rioplan export ics` with python icalendar and checks it
against the plan, plus what icalendar itself does not check (CRLF, line length, UTF-8 per line,
DTSTAMP/UID presence).

usage: read_ics.py PLAN.json FILE.ics [--region R]... [--trainer T]... [--convention C]...
                   [--hostile TEXT] [--organizer] [--catalog DIR]
"""
import argparse
import datetime

import icalendar

import planinputs

ap = argparse.ArgumentParser()
ap.add_argument("plan")
ap.add_argument("ics")
ap.add_argument("--region", action="append", default=[])
ap.add_argument("--trainer", action="append", default=[])
ap.add_argument("--convention", action="append", default=[])
ap.add_argument("--hostile", help="a module title expected verbatim in one SUMMARY")
ap.add_argument("--organizer", action="store_true", help="expect METHOD:PUBLISH and ORGANIZER on every event")
ap.add_argument("--catalog")
args = ap.parse_args()

plan, req, conventions = planinputs.load(args.plan, catalog=args.catalog)
raw = open(args.ics, "rb").read()
ck = planinputs.Checker()

# Physical lines: CRLF only, at most 75 octets, each valid UTF-8 on its own.
ck.check(raw.endswith(b"\r\n"), "file does not end in CRLF")
ck.check(b"\n" not in raw.replace(b"\r\n", b""), "a bare LF outside CRLF")
ck.check(b"\r" not in raw.replace(b"\r\n", b""), "a bare CR outside CRLF")
lines = raw.split(b"\r\n")[:-1]
for i, line in enumerate(lines):
    ck.check(len(line) <= 75, f"line {i + 1} has {len(line)} octets")
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        ck.check(False, f"line {i + 1} is not valid UTF-8 on its own (a character was split by a fold)")
    stripped = line.rstrip(b"\\")
    ck.check((len(line) - len(stripped)) % 2 == 0 or (i + 1 < len(lines) and not lines[i + 1].startswith(b" ")),
             f"line {i + 1} ends inside an escape")
unfolded = raw.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")[:-1]
begins = [l for l in unfolded if l == "BEGIN:VEVENT"]

def wanted(s):
    if args.region and s["region"] not in args.region:
        return False
    if args.trainer and not any(t in args.trainer for t in s["trainers"]):
        return False
    if args.convention and not any(c in args.convention for c in s["conventions"]):
        return False
    return True

sessions = [s for s in plan["sessions"] if wanted(s)]
cal = icalendar.Calendar.from_ical(raw)
events = list(cal.walk("VEVENT"))
ck.check(len(events) == len(sessions), f"{len(events)} events for {len(sessions)} sessions")
ck.check(len(begins) == len(sessions), f"{len(begins)} BEGIN:VEVENT lines for {len(sessions)} sessions")
ck.check(str(cal.get("VERSION")) == "2.0", "VERSION is not 2.0")
ck.check(cal.get("PRODID") is not None, "no PRODID")
ck.check(str(cal.get("CALSCALE")) == "GREGORIAN", "CALSCALE")
ck.check(plan["name"] in str(cal.get("X-WR-CALNAME")), "X-WR-CALNAME does not name the plan")
ck.check(str(cal.get("NAME")) == str(cal.get("X-WR-CALNAME")), "NAME differs from X-WR-CALNAME")
ck.check("REFRESH-INTERVAL;VALUE=DURATION:PT12H" in unfolded, "no REFRESH-INTERVAL;VALUE=DURATION:PT12H")
ck.check("X-PUBLISHED-TTL:PT12H" in unfolded, "no X-PUBLISHED-TTL")
has_method = any(l.startswith("METHOD:") for l in unfolded)
if args.organizer:
    ck.check("METHOD:PUBLISH" in unfolded, "METHOD:PUBLISH missing with an organizer")
    ck.check(all(e.get("ORGANIZER") is not None for e in events), "an event lacks ORGANIZER")
else:
    ck.check(not has_method, "METHOD without an organizer")
by_uid = {str(e.get("UID")): e for e in events}
ck.check(len(by_uid) == len(events), "duplicate UIDs")
for s in sessions:
    e = by_uid.get(s["id"] + "@rioplan")
    if e is None:
        ck.check(False, f"no event with UID {s['id']}@rioplan")
        continue
    ck.check(not e.errors, f"{s['id']}: icalendar errors {e.errors}")
    start = e.decoded("DTSTART")
    end = e.decoded("DTEND")
    ck.check(type(start) is datetime.date and start == planinputs.day(s["start"]), f"{s['id']}: DTSTART {start}")
    ck.check(type(end) is datetime.date and end == planinputs.day(s["end"]) + datetime.timedelta(days=1),
             f"{s['id']}: DTEND {end} is not the day after {s['end']}")
    stamp = e.decoded("DTSTAMP")
    ck.check(isinstance(stamp, datetime.datetime) and stamp.utcoffset() == datetime.timedelta(0), f"{s['id']}: DTSTAMP not UTC")
    ck.check(str(e.get("STATUS")) == "CONFIRMED", f"{s['id']}: STATUS")
    ck.check(int(e.get("SEQUENCE")) == 0, f"{s['id']}: SEQUENCE")
    ck.check(e.get("SUMMARY") is not None and e.get("LOCATION") is not None and e.get("DESCRIPTION") is not None,
             f"{s['id']}: SUMMARY, LOCATION or DESCRIPTION missing")
    desc = str(e.get("DESCRIPTION"))
    ck.check(f"Participants: {s['participants']}" in desc, f"{s['id']}: participants not in DESCRIPTION")
    cash = f"{s['cost']['cash']:,}"
    ck.check(f"Cash: {cash}" in desc, f"{s['id']}: cash {cash} not in DESCRIPTION")
    if s["venue"] is None:
        ck.check(str(e.get("LOCATION")) == "Online", f"{s['id']}: online LOCATION")
if args.hostile is not None:
    # CR, LF and CRLF all come back as one LF (`\\n` in the file).
    expected = args.hostile.replace("\r\n", "\n").replace("\r", "\n")
    hits = [e for e in events if expected in str(e.get("SUMMARY"))]
    ck.check(len(hits) > 0, "the hostile title is not found whole in any SUMMARY")
    ck.check(len(begins) == len(sessions), "the hostile title opened an extra event")
ck.finish({"events": len(events), "sessions": len(sessions)})
