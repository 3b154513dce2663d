"""The importer on tables as agencies and Excel write them (issue 26): footnotes, title lines, percentage
cells, dates, FRED's '.', unquoted thousands, long tables. Files are written byte for byte as published, or
read from the reference data's raw downloads."""

from __future__ import annotations

from pathlib import Path

import pytest

from nap_desktop.core.catalog.messages import render
from nap_desktop.core.catalog.tables import (
    MAX_PROBLEMS,
    Columns,
    TableError,
    chart_problems,
    parse_csv,
    parse_xlsx,
)

RAW = Path(__file__).resolve().parents[3] / "shared" / "reference-data" / "raw"

# Statistics Canada's "Download as displayed (for display)" CSV: title lines above the table, then
# the symbol legend, the footnotes and "How to cite" under it (the shape of table 12-10-0011-01)
STATCAN = (
    '"International merchandise trade for all countries and by Principal Trading Partners, monthly (x 1,000,000)"\r\n'
    '"Frequency: Monthly"\r\n'
    '"Table: 12-10-0011-01 (formerly CANSIM 228-0069)"\r\n'
    '"Release date: 2026-04-02"\r\n'
    '"Geography: Canada"\r\n'
    '\r\n'
    '"Principal trading partners","January 2026","February 2026"\r\n'
    '"United States","53,081.6","51,977.2"\r\n'
    '"Mexico","1,003.9","977.0E"\r\n'
    '"China","2,071.3",".."\r\n'
    '\r\n'
    '"Symbol legend:"\r\n'
    '"..","not available for a specific reference period"\r\n'
    '"E","use with caution"\r\n'
    '\r\n'
    '"Footnotes:"\r\n'
    '"1","Customs-based data."\r\n'
    '"How to cite: Statistics Canada. Table 12-10-0011-01  International merchandise trade, monthly"\r\n'
    '"https://doi.org/10.25318/1210001101-eng"\r\n'
)


def test_statcan_table_as_displayed_loses_its_title_lines_and_notes(tmp_path):
    path = tmp_path / "1210001101-eng.csv"
    path.write_bytes(STATCAN.replace('"977.0E"', '"977.0"').replace('".."', '""').encode("utf-8-sig"))
    table = parse_csv(path)
    assert table.problems == []
    assert table.categories == ["United States", "Mexico", "China"]
    assert table.series == ["January 2026", "February 2026"]
    assert table.cells[0] == [53081.6, 51977.2]
    notes = [render(n, "en") for n in table.notes]
    assert any(n.startswith("5 title lines above the header were skipped") for n in notes), notes
    assert any("footnote rows from row 12 on were left out ('Symbol legend:'" in n for n in notes), notes
    assert not any(c.startswith(("Symbol", "Footnotes", "How to cite", "..", "E", "1")) for c in table.categories)
    assert any("notas" in render(n, "es") for n in table.notes)
    # as published: '..' (not available) is a gap; '977.0E' (use with caution) is named, not guessed
    path.write_bytes(STATCAN.encode("utf-8-sig"))
    published = parse_csv(path)
    assert [str(p) for p in published.problems] == ["row 9, column 'February 2026': '977.0E' is not a number"]
    assert published.cells[2] == [2071.3, None]


@pytest.mark.parametrize("notes", [
    [["Fuente: INEGI. Registro administrativo de la industria automotriz de vehículos ligeros.", None],
     ["Nota: cifras preliminares a partir de 2025.", None]],
    [["Source: U.S. Census Bureau, Economic Indicators Division.", None]],
    [["Footnotes:", None], ["(p) Preliminary", None]],
    [["Notes", None], ["Totals may not add due to rounding.", ""]],
    [["(1) Revised figures", None]],  # no marker word first: a trailing row with no value is still left out
])
def test_footnote_rows_under_an_excel_sheet_are_never_categories(tmp_path, notes):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Año", "Vehículos"])
    for year, value in ((2023, 3_468_000), (2024, 3_989_403), (2025, 3_950_145)):
        ws.append([year, value])
    ws.append([None, None])
    for row in notes:
        ws.append(row)
    path = tmp_path / "inegi.xlsx"
    wb.save(path)
    table = parse_xlsx(path)
    assert table.problems == []
    assert table.categories == ["2023", "2024", "2025"]
    assert any("left out" in render(n, "en") for n in table.notes), [render(n, "en") for n in table.notes]


def test_a_gap_row_inside_the_table_is_kept(tmp_path):
    table = parse_csv("Year,Output\n2022,5\n2023,\n2024,7\n")
    assert table.categories == ["2022", "2023", "2024"] and table.cells[1] == [None]


def test_excel_percentage_cells_and_percent_text_read_alike(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Partner", "Share"])
    ws.append(["Mexico", 0.155])
    ws.append(["Canada", 0.142])
    for row in ws.iter_rows(min_row=2, min_col=2):
        for cell in row:
            cell.number_format = "0.0%"
    path = tmp_path / "shares.xlsx"
    wb.save(path)
    excel = parse_xlsx(path)
    typed = parse_csv("Partner,Share\nMexico,15.5%\nCanada,14.2%\n")
    assert excel.cells == typed.cells == [[15.5], [14.2]]
    assert excel.percent_cells == typed.percent_cells == 2
    assert any("percentages" in render(n, "en") for n in excel.notes)
    # a percentage charted as USD is refused; in pct it is fine
    assert [p.code for p in chart_problems(excel, "column", "usd_bn")] == ["percent_unit"]
    assert chart_problems(excel, "column", "pct") == []


def test_a_share_chart_refuses_shares_over_100_percent():
    table = parse_csv("Partner,Share\nMexico,\"1,234\"\nCanada,2500\nChina,14.2\n")
    problems = chart_problems(table, "share", "pct")
    assert [str(p) for p in problems] == [
        "row 2, column 'Share': 1,234% is more than 100%: a share is at most 100% of its whole (is the unit right?)",
        "row 3, column 'Share': 2,500% is more than 100%: a share is at most 100% of its whole (is the unit right?)"]
    assert "más de 100%" in render(problems[0], "es")
    assert chart_problems(table, "column", "pct") == []


@pytest.mark.parametrize("labels, frequency, added", [
    (["2015", "2019", "2020"], "annual", ["2016", "2017", "2018"]),
    (["2025-01", "2025-02", "2025-05"], "monthly", ["2025-03", "2025-04"]),
    (["2025Q1", "2025Q2", "2026Q1"], "quarterly", ["2025Q3", "2025Q4"]),
    # FRED dates each period by its first day: read as the period, not as a day
    (["2024-01-01", "2024-04-01", "2025-01-01"], "quarterly", ["2024Q3", "2024Q4"]),
    (["2020-01-01", "2021-01-01", "2024-01-01"], "annual", ["2022", "2023"]),
    (["2024-11-01", "2024-12-01", "2025-02-01"], "monthly", ["2025-01"]),
])
def test_dates_make_a_time_axis_with_gaps_as_gaps(labels, frequency, added):
    text = "Period,Value\n" + "".join(f"{label},{k + 1}\n" for k, label in enumerate(labels))
    table = parse_csv(text)
    assert table.problems == []
    assert table.time_axis == frequency
    assert [c for c, r in zip(table.categories, table.row_numbers) if r == 0] == added
    for label in added:
        assert table.cells[table.categories.index(label)] == [None]  # a gap, never a value
    assert [v for row in table.cells for v in row if v is not None] == [1.0, 2.0, 3.0]
    assert len(table.categories) == len(labels) + len(added)
    assert any(f"{len(added)} missing periods" in render(n, "en") for n in table.notes)
    if labels[0].endswith("-01") and len(labels[0]) == 10:
        assert any("FRED dates" in render(n, "en") for n in table.notes)
        assert table.categories[0] == {"quarterly": "2024Q1", "annual": "2020", "monthly": "2024-11"}[frequency]
    else:
        assert table.categories[0] == labels[0] and table.categories[-1] == labels[-1]


def test_newest_first_periods_are_put_in_time_order():
    table = parse_csv("Year,Value\n2025,3\n2024,2\n2023,1\n")
    assert table.categories == ["2023", "2024", "2025"]
    assert table.cells == [[1.0], [2.0], [3.0]]
    assert any("time order" in render(n, "en") for n in table.notes)


def test_text_categories_are_no_time_axis():
    table = parse_csv("Partner,Value\nMexico,3\n2024,2\n")
    assert table.time_axis is None and table.categories == ["Mexico", "2024"]


def test_fred_download_reads_with_its_missing_dots(tmp_path):
    real = parse_csv(RAW / "FRED" / "IMPMX.csv")
    assert real.problems == []
    assert real.time_axis == "monthly"
    assert real.categories[-1] == "2026-07" and real.cells[-1] == [60549.615043]
    assert len(real.categories) == 499  # every month from 1985-01 on: no gap added
    path = tmp_path / "MANEMP.csv"
    path.write_text("observation_date,MANEMP\n2025-10-01,12650\n2025-11-01,.\n2025-12-01,12580\n", encoding="utf-8")
    table = parse_csv(path)
    assert table.problems == []
    assert table.cells == [[12650.0], [None], [12580.0]]
    assert any("'.'" in render(n, "en") for n in table.notes)


def test_an_unquoted_thousands_comma_is_said_as_such():
    table = parse_csv("Year,Exports\n2024,1,234\n2025,987\n")
    shown = [str(p) for p in table.problems]
    assert len(shown) == 1
    assert shown[0].startswith("row 2: this row has 3 cells but the header names 2 columns")
    assert "without quotes" in shown[0]
    assert "empty column name" not in " ".join(shown)


def test_an_agency_long_table_gets_one_message_and_reads_by_its_columns():
    path = RAW / "ERS_US_Food_Imports_1999-2024_cp1252.csv"
    table = parse_csv(path)
    assert len(table.problems) == 1
    assert table.long
    text = str(table.problems[0])
    assert "one observation per row" in text and "--category, --series, --value" in text
    assert "FoodValue" in text and "YearNum" in text
    assert "una observación por fila" in render(table.problems[0], "es")
    picked = parse_csv(path, columns=Columns("YearNum", "FoodValue", "Country",
                                             (("Commodity", "Total live animals"), ("UOM", "Million $"))))
    assert picked.problems == []
    assert picked.series == ["CANADA", "MEXICO", "REST OF WORLD", "WORLD"]
    assert picked.categories[:2] == ["1999", "2000"] and picked.time_axis == "annual"
    assert picked.cells[0] == [876.9, 292.2, 0.1, 1169.2]  # the file's 1999 rows
    with pytest.raises(TableError) as info:
        parse_csv(path, columns=Columns("Year", "FoodValue"))
    assert "no column 'Year'" in info.value.text("en")


def test_many_bad_cells_are_capped():
    rows = "".join(f"C{k},{'about 3' if k % 2 else k}\n" for k in range(500))
    table = parse_csv("Name,Value\n" + rows)
    assert not table.long
    assert table.problem_total == 250
    assert len(table.problems) == MAX_PROBLEMS + 1
    assert str(table.problems[-1]) == f"... and 200 more problems (the first {MAX_PROBLEMS} are listed)"


def test_without_openpyxl_a_workbook_is_not_called_broken(tmp_path, monkeypatch):
    import sys

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Year", "Value"])
    wb.active.append([2024, 5])
    path = tmp_path / "fine.xlsx"
    wb.save(path)
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as a plain install without it
    with pytest.raises(TableError) as info:
        parse_xlsx(path)
    text = info.value.text("en")
    assert "lacks openpyxl" in text and "not an Excel workbook" not in text
    assert "le falta openpyxl" in info.value.text("es")
