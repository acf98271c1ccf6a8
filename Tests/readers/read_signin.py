"""Reads a sign-in sheet template (`rioplan record template`) with openpyxl and prints what a
person opening it would meet, as JSON: sheet names and states, the details block, the header
row, frozen panes, column widths and every data-validation rule.

usage: read_signin.py FILE.xlsx
"""
import json
import sys
import zipfile

import openpyxl

path = sys.argv[1]
with zipfile.ZipFile(path) as z:
    assert z.testzip() is None
    sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
order = ["<dimension", "<sheetViews", "<sheetFormatPr", "<cols", "<sheetData", "<dataValidations", "<pageMargins", "<pageSetup"]
positions = [sheet1.index(t) for t in order]

wb = openpyxl.load_workbook(path)
ws = wb.worksheets[0]
header_row = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Participant")
details = []
for r in range(1, header_row):
    a, b = ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value
    if a is not None:
        details.append([a, b.isoformat()[:10] if hasattr(b, "isoformat") else b])
validations = [
    {"type": dv.type, "operator": dv.operator, "formula1": dv.formula1, "formula2": dv.formula2, "sqref": str(dv.sqref),
     "showDropDown": bool(dv.showDropDown), "showErrorMessage": bool(dv.showErrorMessage)}
    for dv in ws.data_validations.dataValidation
]
lists = wb.worksheets[1] if len(wb.worksheets) > 1 else None
print(json.dumps({
    "sheets": [[s.title, s.sheet_state] for s in wb.worksheets],
    "schemaOrder": positions == sorted(positions),
    "headerRow": header_row,
    "header": [c.value for c in ws[header_row]],
    "headerBold": all(c.font.b for c in ws[header_row]),
    "details": details,
    "freeze": ws.freeze_panes,
    "widths": [ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width for i in range(1, 10)],
    "validations": validations,
    "codes": [c.value for c in lists["A"]][1:] if lists else [],
}, ensure_ascii=False))
