"""Writes the workbooks that XLSXSheetReaderTests reads back, into OUTDIR.

usage: make_sheets.py OUTDIR

- openpyxl.xlsx: written by openpyxl: inline strings (and a rich-text one), numbers, dates with
  built-in and custom formats, times and durations (numbers), booleans, gaps, two sheets.
- shared.xlsx: the same workbook with its strings moved to a shared-string table, as Excel and
  LibreOffice write them (openpyxl 3.1 writes every string inline).
- handmade.xlsx: parts written here as Excel and other writers do, with what openpyxl never
  writes: inline strings (plain and rich), formula string results (t="str"), an error value,
  `_xHHHH_` escapes, entities and CDATA, `x:` prefixes, phonetic runs, absolute relationship
  targets, the 1904 date system, a hidden first sheet, cells without references.
- hostile files: not-a-zip.xlsx, truncated.xlsx, huge-entry.xlsx (a 201 MB sheet, honestly
  declared), lying-entry.xlsx (declares 1 KB, unpacks to 201 MB), no-shared-strings.xlsx,
  old.xls (an OLE compound file), many-entries.xlsx, bad-xml.xlsx, endless-deflate.xlsx (a
  stream that never ends), encrypted-entry.xlsx; and stored.xlsx, written byte by byte without
  compression (readable).
"""
import datetime
import io
import os
import re
import struct
import sys
import zipfile
import zlib

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def path(name):
    return os.path.join(out, name)


# --- openpyxl -------------------------------------------------------------------------------
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "People"
ws.append(["participant", "country", "score", "joined", "ok"])
ws.append(["Amina Diallo", "SEN", 85, datetime.date(2027, 3, 1), True])
ws.append(["Côte & <Ivoire>", "CIV", 72.5, datetime.date(2027, 3, 2), False])
ws["D2"].number_format = "mm-dd-yy"          # built-in 14
ws["D3"].number_format = "d mmm yyyy"        # custom
# Row 4 left empty; row 5 has a gap at B and C.
ws["A5"] = "  spaced  "
ws["D5"] = datetime.date(1900, 2, 28)
ws["D5"].number_format = "dd/mm/yyyy"
ws["E5"] = 0
ws["A6"] = CellRichText(TextBlock(InlineFont(b=True), "Bold"), " and plain")
ws["B6"] = datetime.time(12, 0)              # h:mm, a time: stays a number
ws["B6"].number_format = "h:mm"
ws["C6"] = 1.5
ws["C6"].number_format = "[h]:mm:ss"         # elapsed time: a number
ws["D6"] = datetime.datetime(2027, 12, 31, 18, 30)
ws["D6"].number_format = "yyyy-mm-dd hh:mm"
ws["E6"] = "line one\nline two"
ws2 = wb.create_sheet("Second")
ws2["B2"] = "only cell"
ws2["C3"] = -3
wb.save(path("openpyxl.xlsx"))


def to_shared_strings(source, target):
    """openpyxl 3.1 writes every string inline; Excel and LibreOffice write a shared-string table.
    This rewrites each inline string cell of `source` as a `t="s"` cell of a new `xl/sharedStrings.xml`."""
    table = []

    def share(m):
        table.append(m.group(2))
        return f'<c{m.group(1)} t="s"><v>{len(table) - 1}</v></c>'

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename).decode()
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(r'<c([^>]*?) t="inlineStr"><is>(.*?)</is></c>', share, data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                                    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/'
                                    'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            z.writestr(item, data)
        sst = "".join(f"<si>{x}</si>" for x in table)
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                   f'spreadsheetml/2006/main" count="{len(table)}" uniqueCount="{len(table)}">{sst}</sst>')


to_shared_strings(path("openpyxl.xlsx"), path("shared.xlsx"))

# --- hand-made parts ------------------------------------------------------------------------
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<x:workbook xmlns:x="{MAIN}" xmlns:r="{REL}">'
    '<x:workbookPr date1904="1"/><!-- a comment --><x:sheets>'
    '<x:sheet name="Notes" sheetId="1" state="hidden" r:id="rId9"/>'
    '<x:sheet name="Data &amp; more" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId9" Type="{REL}/worksheet" Target="/xl/worksheets/notes.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/../worksheets/data.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="strings.xml"/>'
    f'<Relationship Id="rId4" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId5" Type="{REL}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>',
    "xl/strings.xml": f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="2" uniqueCount="2">'
    '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0"/></si>'
    '<si><r><rPr><b/></rPr><t xml:space="preserve">Run </t></r>\n  <r><t>two</t></r></si></sst>',
    "xl/styles.xml": f'<?xml version="1.0"?><styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="170" formatCode="[$-409]d\\-mmm\\-yy;@"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="170" applyNumberFormat="1"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    "xl/worksheets/notes.xml": f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData></worksheet>',
    "xl/worksheets/data.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c>'
    '<x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>'
    '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>In</x:t></x:r><x:r><x:t xml:space="preserve">line </x:t></x:r></x:is></x:c>'
    '<x:c r="B2" t="str"><x:f>A2&amp;"x"</x:f><x:v>Inline x</x:v></x:c><x:c r="C2" t="e"><x:v>#N/A</x:v></x:c>'
    '<x:c r="D2" s="1"><x:v>45000</x:v></x:c><x:c r="E2" s="2"><x:v>0</x:v></x:c></x:row>'
    '<x:row r="3"><x:c t="inlineStr"><x:is><x:t>a_x000D_b_x005F_x0041_</x:t></x:is></x:c>'
    '<x:c t="inlineStr"><x:is><x:t><![CDATA[<raw & cdata>]]></x:t></x:is></x:c>'
    '<x:c t="inlineStr"><x:is><x:t>&#x263A;&#65;&quot;&apos;</x:t></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>'
    '<x:row><x:c r="B4"><x:v>1E3</x:v></x:c><x:c r="C4" s="0"/><x:c r="D4" t="inlineStr"><x:is><x:t>   </x:t></x:is></x:c></x:row>'
    '<x:row r="6"><x:c r="C6" t="inlineStr"><x:is><x:t>after a gap</x:t></x:is></x:c></x:row>'
    '<x:row r="9" spans="1:3"><x:c r="A9" s="1"/></x:row>'
    '</x:sheetData></x:worksheet>',
}


def write_zip(name, members, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path(name), "w", compression) as z:
        for n, text in members.items():
            z.writestr(n, text)


write_zip("handmade.xlsx", parts)

# --- hostile --------------------------------------------------------------------------------
with open(path("not-a-zip.xlsx"), "w") as f:
    f.write("participant,country\nA,KEN\n")
good = open(path("openpyxl.xlsx"), "rb").read()
with open(path("truncated.xlsx"), "wb") as f:
    f.write(good[: len(good) // 2])
with open(path("old.xls"), "wb") as f:
    f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))

big = 201 * 1024 * 1024
with zipfile.ZipFile(path("huge-entry.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    for n in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]:
        z.writestr(n, parts[n].replace("rId9", "rId2").replace("/xl/worksheets/notes.xml", "worksheets/data.xml"))
    with z.open("xl/worksheets/data.xml", "w", force_zip64=True) as f:
        chunk = b" " * (1024 * 1024)
        for _ in range(201):
            f.write(chunk)

# A small entry whose sizes are then patched to say 1 KB although it unpacks to 201 MB.
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    for n in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]:
        z.writestr(n, parts[n].replace("rId9", "rId2").replace("/xl/worksheets/notes.xml", "worksheets/data.xml"))
    z.writestr("xl/worksheets/data.xml", b" " * big)
raw = bytearray(buf.getvalue())
name = b"xl/worksheets/data.xml"
i = 0
while True:
    i = raw.find(b"PK\x01\x02", i)
    if i < 0:
        break
    n = struct.unpack_from("<H", raw, i + 28)[0]
    if raw[i + 46 : i + 46 + n] == name:
        struct.pack_into("<I", raw, i + 24, 1024)
    i += 4
j = raw.find(b"PK\x03\x04")
while j >= 0:
    n = struct.unpack_from("<H", raw, j + 26)[0]
    if raw[j + 30 : j + 30 + n] == name:
        struct.pack_into("<I", raw, j + 22, 1024)
    j = raw.find(b"PK\x03\x04", j + 4)
with open(path("lying-entry.xlsx"), "wb") as f:
    f.write(raw)

write_zip("no-shared-strings.xlsx", {n: t for n, t in parts.items() if n != "xl/strings.xml"})

with zipfile.ZipFile(path("many-entries.xlsx"), "w", zipfile.ZIP_STORED) as z:
    for k in range(10_001):
        z.writestr(f"x/{k}", b"")



def raw_zip(name, members):
    """A zip written byte by byte: members are (name, method, flags, stored bytes, crc, size)."""
    body, central = b"", b""
    for n, method, flags, data, crc, size in members:
        nb = n.encode()
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, 0, 0x21, crc, len(data), size,
                               len(nb), 0, 0, 0, 0, 0, len(body)) + nb
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, crc, len(data), size, len(nb), 0) + nb + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(body), 0)
    with open(path(name), "wb") as f:
        f.write(body + central + end)


def plain(n):
    text = parts[n].replace("rId9", "rId2").replace("/xl/worksheets/notes.xml", "worksheets/data.xml").encode()
    return (n, 0, 0, text, zlib.crc32(text), len(text))


firsts = [plain(n) for n in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]]
# A deflate stream whose stored block claims 65535 bytes and has 3: it never ends.
raw_zip("endless-deflate.xlsx", firsts + [("xl/worksheets/data.xml", 8, 0, b"\x00\xff\xff\x00\x00abc", 0, 65535)])
sheet = parts["xl/worksheets/data.xml"].encode()
raw_zip("encrypted-entry.xlsx", firsts + [("xl/worksheets/data.xml", 0, 1, sheet, zlib.crc32(sheet), len(sheet))])
raw_zip("stored.xlsx", firsts + [plain("xl/strings.xml"), plain("xl/styles.xml"), ("xl/worksheets/data.xml", 0, 0, sheet, zlib.crc32(sheet), len(sheet))])

bad = dict(parts)
bad["xl/worksheets/data.xml"] = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>A &unknown; B</t></is></c></row></sheetData></worksheet>'
write_zip("bad-xml.xlsx", bad)
print("ok")
