"""Reads a table a user brings (CSV, an XLSX sheet, or cells pasted from Excel / LibreOffice).

Public API (stable; the Import dialog and ``nap-desktop import`` are built on it):

    parse_csv(path_or_text, *, decimal=None) -> ParsedTable
    parse_xlsx(path, sheet=None, *, decimal=None) -> ParsedTable      (openpyxl, read-only)
    parse_clipboard(text, *, decimal=None) -> ParsedTable             (tab-separated, as Excel puts it)
    parse_rows(rows, *, decimal=None) -> ParsedTable                  (a grid of cells already read)
    sheet_names(path) -> list[str]

The shape: the first row is the header (its first cell names the category column, the others name
the series); the first column holds the categories; every other cell is a number or blank.

Numbers are read as English and Mexican writers write them: ``1,234.5`` (comma thousands, point
decimals); ``1234.5``, ``-3``, ``(12)`` is NOT negative (rejected), ``12%`` is read as 12 (the unit
says it is a percentage). A table whose numbers use decimal commas (``1.234,5`` or ``3,5``) is
detected: ``decimal_style`` becomes ``"comma"`` and, unless the caller passed ``decimal="comma"``
(the user confirmed it), every such cell is reported and ``needs_confirmation`` is true. A cell
such as ``1,234`` is "ambiguous" on its own (1234 in point style, 1.234 in comma style): it is
read in point style unless the table is confirmed as comma style. Nothing is guessed silently.

Blank cells (empty, spaces, ``-``/``—``/``n/a`` are NOT blanks: they are reported) become gaps
(None), never zeros. Every bad cell is reported at once, as ``TableProblem(row, column, message)``
where ``row`` is the 1-based row number in the file (the header is row 1) and ``column`` the
column's header name. Documented messages (``MESSAGES``):

    empty header            "the header row has an empty column name (column N)"
    duplicate series        "column name 'X' appears twice in the header"
    duplicate category      "category 'X' appears twice (first in row N)"
    empty category          "a row with numbers has no category in the first column"
    not a number            "'X' is not a number"
    mixed decimal styles    "'X' uses decimal commas but other cells use decimal points (mixed styles)"
    comma style unconfirmed "'X' uses a decimal comma: confirm the table uses decimal commas (decimal=\"comma\")"
    too few columns         "the table needs a category column and at least one series column"
    no rows                 "the table has a header but no rows"

Parsing is linear in the number of cells (a 100,000-row sheet is fine).
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

DECIMAL_STYLES = ("point", "comma", "ambiguous")

MESSAGES = {
    "empty_header": "the header row has an empty column name (column {n})",
    "duplicate_series": "column name {name!r} appears twice in the header",
    "duplicate_category": "category {name!r} appears twice (first in row {first})",
    "empty_category": "a row with numbers has no category in the first column",
    "not_number": "{text!r} is not a number",
    "mixed": "{text!r} uses decimal commas but other cells use decimal points (mixed styles)",
    "unconfirmed": "{text!r} uses a decimal comma: confirm the table uses decimal commas (decimal=\"comma\")",
    "too_few_columns": "the table needs a category column and at least one series column",
    "no_rows": "the table has a header but no rows",
    "unreadable": "{what}",
}


class TableError(Exception):
    """A table that cannot be read at all (not a file, not UTF-8, not an XLSX, no such sheet)."""


@dataclass(frozen=True)
class TableProblem:
    row: int  # 1-based row in the source (the header is row 1); 0 = the whole table
    column: str  # the column's header name ("" for the whole row / table)
    message: str

    def __str__(self) -> str:
        where = []
        if self.row:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class ParsedTable:
    """A parsed grid: ``cells[i][j]`` is the value of ``categories[i]`` in ``series[j]`` (None = gap)."""

    header: list[str]
    categories: list[str]
    series: list[str]
    cells: list[list[float | None]]
    problems: list[TableProblem] = field(default_factory=list)
    decimal_style: str = "point"  # "point", "comma" or "ambiguous" (see module docstring)
    needs_confirmation: bool = False  # comma style detected but not confirmed by the caller
    #: the source row number of each category (for messages)
    row_numbers: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def rows(self) -> list[tuple[str, str, float | None]]:
        """(category, series, value) in table order."""
        return [(c, s, self.cells[i][j]) for i, c in enumerate(self.categories) for j, s in enumerate(self.series)]


# --- numbers ---------------------------------------------------------------------------------
_POINT = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")   # 1,234.5  1234.5  12
_COMMA = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")   # 1.234,5  1234,5  12
_AMBIG = re.compile(r"^[+-]?\d{1,3},\d{3}$")                      # 1,234 (point: 1234; comma: 1.234)
_BLANKS = {""}


def _classify(text: str) -> str:
    """'blank', 'point', 'comma', 'ambiguous', 'plain' (no separators) or 'bad'."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if t.endswith("%"):
        t = t[:-1]
    if t in _BLANKS:
        return "blank"
    if re.fullmatch(r"[+-]?\d+", t):
        return "plain"
    if _AMBIG.match(t):
        return "ambiguous"
    if _POINT.match(t) and ("." in t or "," in t):
        if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", t):  # 1.234.567 is comma style thousands
            return "comma"
        return "point"
    if _COMMA.match(t):
        return "comma"
    return "bad"


def _to_float(text: str, style: str) -> float:
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if t.endswith("%"):
        t = t[:-1]
    if style == "comma":
        t = t.replace(".", "").replace(",", ".")
    else:
        t = t.replace(",", "")
    return float(t)


# --- public parsers ----------------------------------------------------------------------------
def parse_rows(rows: Iterable[list[Any]], *, decimal: str | None = None) -> ParsedTable:
    """Parse a grid of cells (strings, numbers or None); see the module docstring for the rules."""
    raise NotImplementedError


def parse_csv(path_or_text: Path | str, *, decimal: str | None = None) -> ParsedTable:
    """A CSV file (a Path) or CSV text (a str containing a newline). Delimiter: ',' or ';' (sniffed)."""
    raise NotImplementedError


def parse_clipboard(text: str, *, decimal: str | None = None) -> ParsedTable:
    """Cells pasted from Excel or LibreOffice: tab-separated lines (CRLF or LF, trailing newline)."""
    raise NotImplementedError


def parse_xlsx(path: Path, sheet: str | None = None, *, decimal: str | None = None) -> ParsedTable:
    """One sheet of an .xlsx (the first when ``sheet`` is None), read-only; raises TableError."""
    raise NotImplementedError


def sheet_names(path: Path) -> list[str]:
    """The sheet names of an .xlsx, in order; raises TableError."""
    raise NotImplementedError
