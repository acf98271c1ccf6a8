# Writes weog.xlsx (run once; the file is committed): the weog office's needs with real date cells.
import datetime
import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Needs"
ws.append(["id", "module", "region", "participants", "languages", "priority", "earliest", "latest"])
ws.append([None, "online-1d", "weog", 20, "en", None, datetime.date(2027, 3, 8), datetime.date(2027, 3, 8)])
ws.append(["weog-gender", "pair-2d", "weog", 20, "en fr", 2, datetime.date(2027, 3, 1), datetime.date(2027, 3, 2)])
for row in ws.iter_rows(min_row=2, min_col=7, max_col=8):
    for cell in row:
        cell.number_format = "yyyy-mm-dd"
wb.save("weog.xlsx")
