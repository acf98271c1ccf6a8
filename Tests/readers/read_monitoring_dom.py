"""Reads the DOM that headless Chromium dumped (`--dump-dom`) of a report with a monitoring
section and prints, as JSON, the text of every cell of the region table, the women's-share table
and the outcomes table (one list per row), and the items of the under-40% list.

usage: read_monitoring_dom.py DOM.html
output: {"regions": [[...], ...], "share": [[...], ...], "outcomes": [[...], ...], "under40": ["...", ...],
         "sections": ["Timeline", ...]}
"""
import json
import sys
from html.parser import HTMLParser

TABLES = {"monitoring-regions": "regions", "womens-share": "share", "monitoring-outcomes": "outcomes"}


class Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.out = {v: [] for v in TABLES.values()}
        self.out["under40"] = []
        self.out["sections"] = []
        self.table = None
        self.in_list = False
        self.cell = None
        self.item = None
        self.h2 = None
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("title", "style"):
            self.skip += 1
        if tag == "table" and a.get("id") in TABLES:
            self.table = TABLES[a["id"]]
        elif tag == "tr" and self.table:
            self.out[self.table].append([])
        elif tag in ("td", "th") and self.table:
            self.cell = []
        elif tag == "ul" and a.get("id") == "under-40":
            self.in_list = True
        elif tag == "li" and self.in_list:
            self.item = []
        elif tag == "h2":
            self.h2 = []

    def handle_endtag(self, tag):
        if tag in ("title", "style"):
            self.skip -= 1
        if tag == "table":
            self.table = None
        elif tag in ("td", "th") and self.cell is not None and self.table:
            self.out[self.table][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "ul":
            self.in_list = False
        elif tag == "li" and self.item is not None:
            self.out["under40"].append(" ".join("".join(self.item).split()))
            self.item = None
        elif tag == "h2" and self.h2 is not None:
            self.out["sections"].append(" ".join("".join(self.h2).split()))
            self.h2 = None

    def handle_data(self, data):
        if self.skip:
            return
        for part in (self.cell, self.item, self.h2):
            if part is not None:
                part.append(data)


r = Reader()
r.feed(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps(r.out, ensure_ascii=False))
