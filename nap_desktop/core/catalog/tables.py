"""Reads a table a user brings (CSV, an XLSX sheet, or cells pasted from Excel / LibreOffice).

Public API (stable; the Import dialog and ``nap-desktop import`` are built on it):

    parse_csv(path_or_text, *, decimal=None) -> ParsedTable            (a Path is a file, a str is CSV text)
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
import gc
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
    "empty": "the table is empty",
    "unreadable": "{what}",
}


class TableError(Exception):
    """A table that cannot be read at all (not a file, not UTF-8, not an XLSX, no such sheet).

    Raised with a core.catalog.messages.Message (``str()`` is English; ``message.text(lang)``).
    """

    @property
    def message(self) -> Any:
        return self.args[0] if self.args else ""

    def text(self, lang: str = "en") -> str:
        from nap_desktop.core.catalog.messages import render

        return render(self.message, lang)


@dataclass(frozen=True)
class TableProblem:
    row: int  # 1-based row in the source (the header is row 1); 0 = the whole table
    column: str  # the column's header name ("" for the whole row / table)
    message: str  # English; core.catalog.messages.render(problem, lang) gives it in the UI's language
    code: str = ""  # a key of MESSAGES
    params: tuple[tuple[str, Any], ...] = ()  # what fills the message, for the translated text

    def __str__(self) -> str:  # "row 1,501, column 'Exports': '12x' is not a number"
        from nap_desktop.core.catalog.messages import render_table_problem

        return render_table_problem(self, "en")


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


def _problem(row: int, column: str, code: str, **params: Any) -> TableProblem:
    return TableProblem(row, column, MESSAGES[code].format(**params), code, tuple(params.items()))


def _error(code: str, **params: Any) -> TableError:
    from nap_desktop.core.catalog.messages import msg

    return TableError(msg(f"tables.{code}", **params))


# --- numbers ---------------------------------------------------------------------------------
_POINT = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")   # 1,234.5  1234.5  12.5
_COMMA = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")   # 1.234,5  1234,5  3,5
_AMBIG = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")             # 1,234 / 1.234: depends on the style
_PLAIN = re.compile(r"^[+-]?\d+$")


def _clean(text: str) -> str:
    t = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if t.endswith("%"):
        t = t[:-1]
    if t.startswith("\u2212"):  # a typographic minus
        t = "-" + t[1:]
    return t


def _classify(t: str) -> str:
    """For a cleaned cell: 'blank', 'plain', 'ambiguous', 'point', 'comma' or 'bad'."""
    if t == "":
        return "blank"
    if _PLAIN.match(t):
        return "plain"
    if _AMBIG.match(t):
        return "ambiguous"
    if _POINT.match(t):
        return "point"
    if _COMMA.match(t):
        return "comma"
    return "bad"


def _to_float(t: str, comma: bool) -> float:
    if comma:
        return float(t.replace(".", "").replace(",", "."))
    return float(t.replace(",", ""))


def _cell_text(value: Any) -> str:
    """A cell as text (categories, header names): 2019.0 -> '2019', dates -> ISO, None -> ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    return str(value).strip()


# --- public parsers ----------------------------------------------------------------------------
def parse_rows(rows: Iterable[list[Any]], *, decimal: str | None = None, first_row: int = 1) -> ParsedTable:
    """Parse a grid of cells (strings, numbers or None); see the module docstring for the rules.

    ``first_row`` is the source row number of the first row given (for messages).
    """
    # Millions of small objects and no cycles: the cyclic collector would rescan the growing grid
    # again and again (superlinear); it is paused while parsing and restored as it was.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_rows(rows, decimal=decimal, first_row=first_row)
    finally:
        if enabled:
            gc.enable()


def _parse_rows(rows: Iterable[list[Any]], *, decimal: str | None, first_row: int) -> ParsedTable:
    if decimal not in (None, "point", "comma"):
        raise ValueError("decimal must be None, 'point' or 'comma'")
    problems: list[TableProblem] = []
    iterator = iter(rows)
    header_row: list[Any] | None = None
    row_no = first_row - 1
    for raw in iterator:
        row_no += 1
        if any(_cell_text(c) for c in raw):
            header_row = list(raw)
            break
    if header_row is None:
        return ParsedTable([], [], [], [], [_problem(0, "", "empty")])
    header_line = row_no
    header = [_cell_text(c) for c in header_row]
    body: list[tuple[int, list[Any]]] = []
    for raw in iterator:
        row_no += 1
        cells = list(raw)
        if not any((c is not None and (not isinstance(c, str) or c.strip())) for c in cells):
            continue  # a blank line between rows
        body.append((row_no, cells))
    # trailing columns with neither a name nor any value (a spreadsheet's stray formatting) are dropped
    def last_used(cells: list[Any]) -> int:
        for k in range(len(cells), 0, -1):
            if _cell_text(cells[k - 1]):
                return k
        return 0

    used = max([last_used(header)] + [last_used(cells) for _, cells in body])
    header = (header + [""] * used)[:used]
    if len(header) < 2:
        return ParsedTable(header, [], [], [], [_problem(header_line, "", "too_few_columns")])
    names: list[str] = []
    seen_series: dict[str, int] = {}
    for j, name in enumerate(header):
        if j == 0:
            names.append(name or "Category")
            continue
        if not name:
            problems.append(_problem(header_line, f"column {j + 1}", "empty_header", n=j + 1))
            name = f"column {j + 1}"
        elif name in seen_series:
            problems.append(_problem(header_line, name, "duplicate_series", name=name))
        seen_series.setdefault(name, j)
        names.append(name)
    series = names[1:]
    ncols = len(series)

    # pass 1: categories and the class of every text cell
    categories: list[str] = []
    row_numbers: list[int] = []
    texts: list[list[Any]] = []
    first_seen: dict[str, int] = {}
    counts = {"point": 0, "comma": 0, "ambiguous": 0}
    for line, cells in body:
        category = _cell_text(cells[0]) if cells else ""
        values = list(cells[1:ncols + 1]) + [None] * (ncols - len(cells[1:ncols + 1]))
        if not category:
            problems.append(_problem(line, names[0], "empty_category"))
            continue
        if category in first_seen:
            problems.append(_problem(line, names[0], "duplicate_category", name=category,
                                     first=first_seen[category]))
            continue
        first_seen[category] = line
        prepared: list[Any] = []
        for v in values:
            if isinstance(v, str):
                t = _clean(v)
                kind = _classify(t)
                if kind in counts:
                    counts[kind] += 1
                prepared.append((t, kind, v.strip()))
            else:
                prepared.append(v)
        categories.append(category)
        row_numbers.append(line)
        texts.append(prepared)
    if not body:
        problems.append(_problem(header_line, "", "no_rows"))

    if counts["comma"] and not counts["point"]:
        style = "comma"
    elif counts["point"] or (not counts["ambiguous"]):
        style = "point"
    else:
        style = "ambiguous"
    mixed = bool(counts["comma"] and counts["point"])
    comma = decimal == "comma"
    needs_confirmation = style == "comma" and decimal is None

    # pass 2: numbers
    cells_out: list[list[float | None]] = []
    for i, prepared in enumerate(texts):
        line = row_numbers[i]
        out: list[float | None] = []
        for j, v in enumerate(prepared):
            if v is None:
                out.append(None)
                continue
            if isinstance(v, tuple):
                t, kind, shown = v
                if kind == "blank":
                    out.append(None)
                    continue
                if kind == "bad" or (comma and kind == "point") or (decimal == "point" and kind == "comma"):
                    key = "mixed" if comma and kind == "point" else "not_number"
                    problems.append(_problem(line, series[j], key, text=shown))
                    out.append(None)
                    continue
                if kind == "comma" and not comma:
                    key = "mixed" if mixed else "unconfirmed"
                    problems.append(_problem(line, series[j], key, text=shown))
                    out.append(None)
                    continue
                value = _to_float(t, comma)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                value = float(v)
            else:
                problems.append(_problem(line, series[j], "not_number", text=_cell_text(v)))
                out.append(None)
                continue
            if not math.isfinite(value):
                problems.append(_problem(line, series[j], "not_number",
                                         text=_cell_text(v) if not isinstance(v, tuple) else v[2]))
                out.append(None)
                continue
            out.append(value)
        cells_out.append(out)
    if comma:
        style = "comma"
    problems.sort(key=lambda p: p.row)
    return ParsedTable(header=names, categories=categories, series=series, cells=cells_out, problems=problems,
                       decimal_style=style, needs_confirmation=needs_confirmation, row_numbers=row_numbers)


def _decode(raw: bytes, name: str) -> str:
    """What Excel writes: "CSV UTF-8" (with a BOM), "Unicode Text" (UTF-16 with its BOM, tab-separated),
    plain "CSV" (Windows-1252 on Windows: accents and the euro sign in one byte each)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")  # the BOM gives the byte order and is dropped
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # what Excel for Windows writes as "CSV"


#: Excel's separator hint: a first line "sep=;" (written by some exports, honoured by Excel on opening)
_SEP_LINE = re.compile(r"^\ufeff?\s*sep=(.)\s*$", re.IGNORECASE)


def _separator_hint(text: str) -> tuple[str | None, str]:
    """(the separator a first "sep=X" line names, the text without that line), or (None, text)."""
    first, newline, rest = text.partition("\n")
    match = _SEP_LINE.match(first.rstrip("\r"))
    if match:
        return match.group(1), rest
    return None, text


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if "\t" in first:
        return "\t"
    if ";" in first and first.count(";") >= first.count(","):
        return ";"
    return ","


def parse_csv(path_or_text: Path | str, *, decimal: str | None = None) -> ParsedTable:
    """A CSV file (a Path) or CSV text (a str). Delimiter ',' ';' or tab, from the header line."""
    if isinstance(path_or_text, Path):
        try:
            raw = path_or_text.read_bytes()
        except OSError as exc:
            raise _error("cannot_read", name=path_or_text.name, reason=exc.strerror or str(exc)) from exc
        text = _decode(raw, path_or_text.name)
    else:
        text = path_or_text
    hinted, text = _separator_hint(text)
    # newline=None: CRLF (Windows), LF and a lone CR (old Mac exports; csv raised on it) all end a row
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=hinted or _delimiter(text))
    return parse_rows(reader, decimal=decimal, first_row=2 if hinted else 1)  # rows keep the file's numbers


def parse_clipboard(text: str, *, decimal: str | None = None) -> ParsedTable:
    """Cells pasted from Excel or LibreOffice: tab-separated lines (CRLF or LF, trailing newline).

    Excel quotes a cell that holds a tab, a newline or a quote; csv handles that quoting.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" not in text and text.strip():
        return parse_csv(text, decimal=decimal)  # one column or another separator: read as CSV
    reader = csv.reader(io.StringIO(text, newline=None), delimiter="\t")
    return parse_rows(reader, decimal=decimal)


def _open_xlsx(path: Path):
    try:
        import openpyxl
        return openpyxl.load_workbook(Path(path), read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise _error("no_such_file", name=Path(path).name) from exc
    except OSError as exc:
        raise _error("cannot_read", name=Path(path).name, reason=exc.strerror or str(exc)) from exc
    except Exception as exc:  # zipfile.BadZipFile, InvalidFileException, KeyError …
        raise _error("not_xlsx", name=Path(path).name) from exc


def sheet_names(path: Path) -> list[str]:
    """The sheet names of an .xlsx, in order; raises TableError."""
    book = _open_xlsx(path)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def parse_xlsx(path: Path, sheet: str | None = None, *, decimal: str | None = None) -> ParsedTable:
    """One sheet of an .xlsx (the first when ``sheet`` is None), read-only; raises TableError."""
    book = _open_xlsx(path)
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise _error("no_sheet", name=Path(path).name, sheet=sheet, sheets=", ".join(book.sheetnames))
        grid = list(ws.iter_rows(values_only=True))  # openpyxl's reader makes cyclic garbage: read with gc on
        return parse_rows(grid, decimal=decimal)
    finally:
        book.close()
