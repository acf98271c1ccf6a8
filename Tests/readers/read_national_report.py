"""Reads a national-report workbook written by `NationalReport.xlsxData()` with openpyxl and prints
what a person opening it would see, as JSON, for the Swift test to compare with hand-computed figures.

Checks on the way (exit 1 with a message on the first failure): the zip is sound, every sheet has a
bold header row frozen below it, and no part of the file contains any --forbid string.

usage: read_national_report.py FILE.xlsx [--forbid TEXT]...
output: {"sheets": [{"name", "rows": [[value, ...], ...], "quoted": ["B3", ...]}, ...]}
        values as openpyxl reads them (cached), dates as YYYY-MM-DD, empty cells as null.
"""
import argparse
import datetime
import json
import sys
import zipfile

import openpyxl

ap = argparse.ArgumentParser()
ap.add_argument("xlsx")
ap.add_argument("--forbid", action="append", default=[])
args = ap.parse_args()


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


z = zipfile.ZipFile(args.xlsx)
if z.testzip() is not None:
    fail("the zip has a corrupt member")
for name in z.namelist():
    text = z.read(name).decode("utf-8", errors="replace")
    for f in args.forbid:
        if f.lower() in text.lower():
            fail(f"part {name} contains the forbidden text {f!r}")

wb = openpyxl.load_workbook(args.xlsx, data_only=True)
out = {"sheets": []}
for ws in wb.worksheets:
    if ws.freeze_panes != "A2":
        fail(f"{ws.title}: freeze_panes is {ws.freeze_panes!r}, not A2")
    if not all(c.font.b for c in ws[1] if c.value is not None):
        fail(f"{ws.title}: the header row is not bold")
    rows, quoted = [], []
    for row in ws.iter_rows():
        values = []
        for c in row:
            v = c.value
            if isinstance(v, datetime.datetime):
                v = v.date().isoformat()
            values.append(v)
            if c.quotePrefix and c.value is not None:
                quoted.append(c.coordinate)
        while values and values[-1] is None:
            values.pop()
        rows.append(values)
    out["sheets"].append({"name": ws.title, "rows": rows, "quoted": quoted})
print(json.dumps(out, ensure_ascii=False))
