"""Writes the openpyxl-made XLSX fixtures for the XLSX reader and local-import tests.

Run from this folder with openpyxl 3.1.5 (see README.md):
    python make_fixtures.py
"""
import datetime

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

# Real figures for Warwickshire (E10000031, DfE 937): values from DfE LAIT
# (shared/data/lait/lait_kpi_subset_long.csv); PrevRegCPR numerators and denominators from the
# EES file shared/data/ees/d3_cpps_subsequent_plan_2013_to_2025.csv.
PREV_REG_CPR = [("2023", 17.1, 81, 475), ("2024", 20.1, 93, 463), ("2025", 23.0, 114, 496)]
TOT_ABS = [("2019", 4.68), ("2020", None), ("2021", 4.74)]
UNDER_18 = [("2021", 13.0), ("2022", 15.6)]


def warwickshire_workbook():
    wb = Workbook()
    obs = wb.active
    obs.title = "observations"
    obs.append(["Measure Code", "Area_Code", "period", "value", "numerator", "denominator",
                "status symbol", "published", "next_update_due", "Notes"])
    row = 2
    for period, value, numerator, denominator in PREV_REG_CPR:
        obs.cell(row, 1, "PrevRegCPR")
        obs.cell(row, 2, "E10000031")
        obs.cell(row, 3, period)
        cell = obs.cell(row, 4, round(value / 100, 3))
        cell.number_format = "0.0%"
        obs.cell(row, 5, numerator)
        obs.cell(row, 6, denominator)
        published = obs.cell(row, 8, datetime.date(int(period), 10, 31))
        published.number_format = "dd/mm/yyyy"
        row += 1
    # A blank row between measures, as people leave them.
    row += 1
    for period, value in TOT_ABS:
        obs.cell(row, 1, "TotAbs")
        obs.cell(row, 2, 937)  # the DfE number, typed as a number
        obs.cell(row, 3, int(period))  # a period typed as a number
        if value is None:
            obs.cell(row, 7, "-")
        else:
            obs.cell(row, 4, value)
        obs.cell(row, 9, "2026-03-19")
        row += 1
    for period, value in UNDER_18:
        obs.cell(row, 1, "Under18concep")
        obs.cell(row, 2, "e10000031")
        obs.cell(row, 3, period)
        obs.cell(row, 4, value)
        obs.cell(row, 10, "rate per 1,000 women aged 15-17")
        row += 1

    measures = wb.create_sheet("measures")
    measures.append(["code", "title", "unit", "polarity", "year_type", "decimal_places", "source", "committees"])
    measures.append(["PrevRegCPR",
                     "Percentage of children who became the subject of a plan for a second or subsequent time",
                     "percentage", "low", "financial", 1, "DfE LAIT", "Children and Young People OSC"])
    measures.append(["TotAbs", "Total School Absence", "number", "low", "academic", 2, "DfE LAIT", None])
    measures.append(["Under18concep", "Under 18 Conception rates", "rate:1000", "low", "calendar", None, "DfE LAIT",
                     "Health OSC; Children and Young People OSC"])

    types = wb.create_sheet("types")
    types["A1"] = "shared text"
    types["B1"] = 42
    types["C1"] = 0.612
    types["C1"].number_format = "0.0%"
    types["D1"] = datetime.date(2025, 3, 31)
    types["D1"].number_format = "yyyy-mm-dd"
    # Row 2 has a gap: A and C only.
    types["A2"] = "shared text"
    types["C2"] = True
    # Row 3 is missing altogether.
    types["A4"] = CellRichText(["plain ", TextBlock(InlineFont(b=True), "bold"), " tail"])
    types["B4"] = datetime.datetime(1900, 2, 28, 18, 30)
    types["B4"].number_format = "d mmm yyyy hh:mm"
    types["C4"] = "#N/A"
    types["D4"] = "=B1*2"
    types["E4"] = 1234.5
    types["E4"].number_format = '#,##0.0 "days"'
    types["A5"] = "  spaced  "
    types["B5"] = "line one\nline two"
    types["C5"] = "Ünïcödé & <markup>"
    types["D5"] = datetime.date(1900, 1, 1)
    types["D5"].number_format = "mm-dd-yy"
    types["F6"] = 0.05
    types["F6"].number_format = "0%"
    types["A6"] = '=CONCATENATE("to","tal")'
    wb.save("openpyxl_warwickshire.xlsx")


def mac_1904_workbook():
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "dates"
    ws["A1"] = datetime.date(2025, 3, 31)
    ws["A1"].number_format = "yyyy-mm-dd"
    ws["A2"] = datetime.date(1904, 1, 1)
    ws["A2"].number_format = "yyyy-mm-dd"
    wb.save("openpyxl_1904.xlsx")


if __name__ == "__main__":
    warwickshire_workbook()
    mac_1904_workbook()
