"""Reading a user's table: the same grid from CSV, XLSX and pasted cells; every bad cell named at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from nap_desktop.core.catalog.tables import MESSAGES, TableError, parse_clipboard, parse_csv, parse_xlsx, sheet_names

# A small table as a user would have it: categories down the first column, series across, a blank (gap).
GRID = [
    ["Country", "2023", "2024"],
    ["United States", "1,234.5", "1,300"],
    ["Mexico", "", "87.25"],
    ["Canada", "-12", "0"],
]
EXPECTED = [[1234.5, 1300.0], [None, 87.25], [-12.0, 0.0]]


def _csv_text(grid) -> str:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(grid)
    return out.getvalue()


def _xlsx(path: Path, grid, *, sheet: str = "Data", numbers: bool = True) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["this sheet is not the table"])
    ws = book.create_sheet(sheet)
    for r, row in enumerate(grid):
        cells = []
        for c, cell in enumerate(row):
            if numbers and r > 0 and c > 0 and cell != "":
                cells.append(float(cell.replace(",", "")))  # what Excel stores for a typed 1,234.5
            else:
                cells.append(cell if cell != "" else None)
        ws.append(cells)
    book.save(path)
    return path


def test_csv_xlsx_and_pasted_cells_give_the_same_table(tmp_path):
    csv_file = tmp_path / "t.csv"
    csv_file.write_text(_csv_text(GRID), encoding="utf-8")
    from_csv = parse_csv(csv_file)
    from_xlsx = parse_xlsx(_xlsx(tmp_path / "t.xlsx", GRID), "Data")
    # Excel / LibreOffice put tab-separated lines with CRLF and a trailing newline on the clipboard
    pasted = "\r\n".join("\t".join(row) for row in GRID) + "\r\n"
    from_paste = parse_clipboard(pasted)
    for table in (from_csv, from_xlsx, from_paste):
        assert table.problems == []
        assert table.categories == ["United States", "Mexico", "Canada"]
        assert table.series == ["2023", "2024"]
        assert table.cells == EXPECTED
    assert from_csv.cells[1][0] is None  # a blank is a gap, never a zero
    assert sheet_names(tmp_path / "t.xlsx") == ["Notes", "Data"]


def test_xlsx_first_sheet_by_default_and_a_missing_sheet_is_named(tmp_path):
    path = _xlsx(tmp_path / "t.xlsx", GRID)
    with pytest.raises(TableError, match="no sheet 'Nope'.*Notes, Data"):
        parse_xlsx(path, "Nope")
    assert parse_xlsx(path).problems  # the first sheet holds a note, not a table


def test_every_bad_cell_is_reported_by_row_and_column_at_once():
    table = parse_csv(_csv_text([
        ["Country", "Exports", "Imports"],
        ["US", "12", "n/a"],
        ["MX", "abc", "3"],
        ["CA", "4", "5 million"],
    ]))
    shown = [str(p) for p in table.problems]
    assert shown == [
        "row 2, column 'Imports': " + MESSAGES["not_number"].format(text="n/a"),
        "row 3, column 'Exports': " + MESSAGES["not_number"].format(text="abc"),
        "row 4, column 'Imports': " + MESSAGES["not_number"].format(text="5 million"),
    ]
    assert "'abc' is not a number" in shown[1]


def test_empty_header_duplicate_category_and_duplicate_series_messages():
    table = parse_csv(_csv_text([
        ["Country", "2023", "", "2023"],
        ["US", "1", "2", "3"],
        ["US", "4", "5", "6"],
        ["", "7", "8", "9"],
    ]))
    shown = [str(p) for p in table.problems]
    assert "row 1, column 'column 3': the header row has an empty column name (column 3)" in shown
    assert "row 1, column '2023': column name '2023' appears twice in the header" in shown
    assert "row 3, column 'Country': category 'US' appears twice (first in row 2)" in shown
    assert "row 4, column 'Country': a row with numbers has no category in the first column" in shown


def test_decimal_commas_are_detected_and_must_be_confirmed():
    text = "País;2023;2024\nMéxico;1.234,5;3,5\nCanadá;12;\n"
    table = parse_csv(text)
    assert table.decimal_style == "comma" and table.needs_confirmation
    assert [(p.row, p.column) for p in table.problems] == [(2, "2023"), (2, "2024")]
    assert "decimal comma" in table.problems[0].message
    confirmed = parse_csv(text, decimal="comma")
    assert confirmed.problems == [] and not confirmed.needs_confirmation
    assert confirmed.cells == [[1234.5, 3.5], [12.0, None]]


def test_mixed_decimal_styles_are_refused_cell_by_cell():
    table = parse_csv(_csv_text([["Country", "A", "B"], ["US", "1,234.5", "2,5"], ["MX", "3.25", "4"]]))
    assert [str(p) for p in table.problems] == [
        "row 2, column 'B': " + MESSAGES["mixed"].format(text="2,5")]
    assert "mixed styles" in str(table.problems[0])


def test_mexican_and_english_writing_and_an_ambiguous_thousands_cell():
    table = parse_csv(_csv_text([["c", "v"], ["a", "1,234,567.89"], ["b", "1,234"], ["c", "−3.5"], ["d", "12%"]]))
    assert table.problems == []
    assert [row[0] for row in table.cells] == [1234567.89, 1234.0, -3.5, 12.0]
    only_ambiguous = parse_csv("c,v\na,\"1,234\"\n")
    assert only_ambiguous.decimal_style == "ambiguous"  # said, so the UI can ask; read as Mexico writes it
    assert only_ambiguous.cells == [[1234.0]]
    assert parse_csv("c,v\na,\"1,234\"\n", decimal="comma").cells == [[1.234]]


def test_header_only_and_single_column_tables():
    assert [p.message for p in parse_csv("Country,2024\n").problems] == [MESSAGES["no_rows"]]
    assert [p.message for p in parse_csv("Country\nUS\n").problems] == [MESSAGES["too_few_columns"]]


def test_a_100000_row_table_is_read_whole():
    lines = ["Month,Value"] + [f"m{i},\"{i * 1000:,}.5\"" for i in range(100_000)]
    table = parse_csv("\n".join(lines) + "\n")
    assert table.problems == []
    assert len(table.categories) == 100_000
    assert table.cells[-1] == [99_999_000.5]
    assert table.row_numbers[-1] == 100_001
