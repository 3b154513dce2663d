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

Agencies' tables as published: one-cell title lines above the header (Statistics Canada's "Frequency:
Monthly", "Release date: ...") are skipped; from the first row without numbers that starts a note
("Symbol legend", "Footnotes:", "Source: ...", "How to cite", "Fuente:", "Nota:") every row is left out,
and so are rows at the end with a category but no value - each said in ``notes``, never a category.
Percentages read alike whichever way they were written: "12%" typed is 12 and an Excel cell showing 15.5%
(stored 0.155, number format "0.0%") is 15.5 (``percent_cells`` counts them). FRED's "." and Statistics
Canada's ".." are gaps. Categories that are all periods of one frequency (2019, 2025-01, 2025-01-01,
2025Q1, Q1 2025, 1Q2025) make a time axis (``time_axis``): put in time order, the periods missing
between the first and the last added as gaps. A row with more cells than the header names (an unquoted
"1,234" in a comma-separated file) is said as such. A long table (one observation per row: the first
column repeats, or whole columns are text) gets one problem saying the shape expected; ``Columns``
reads it by its category, series and value columns (and filters). At most MAX_PROBLEMS problems are
kept, then one "... and N more" (``problem_total`` is the count). ``chart_problems`` refuses what a chart
cannot show truthfully (a share over 100%, percentages in a unit that is not a percent).

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

from nap_desktop.core.catalog.files import TABLE_FILE_MAX, FileRefused, read_regular

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
    "extra_cells": "this row has {cells} cells but the header names {names} columns (a number such as "
                   "1,234 written without quotes splits in two in a comma-separated file: quote it or remove the comma)",
    "long_table": "this table has one observation per row ({rows} rows; {why}): the importer reads one row per "
                  "category and one column per series. Pick the columns that hold the category, the series "
                  "(if any) and the value (in the command line: --category, --series, --value; columns: {columns})",
    "more_problems": "... and {n} more problems (the first {shown} are listed)",
    "no_column": "there is no column {name!r} (columns: {columns})",
    "duplicate_observation": "{category!r} / {series!r} appears twice (first in row {first}); "
                             "keep one row each, e.g. with --filter COLUMN=VALUE",
    "bad_filter": "a filter must read COLUMN=VALUE, not {text!r}",
    "filter_matches_nothing": "no row has {column!r} = {value!r}",
    "no_openpyxl": "{name} cannot be read: this installation lacks openpyxl, which reads .xlsx files "
                   "(reinstall the app, or pip install openpyxl); save the sheet as CSV to import it now",
    "share_over_100": "{text} is more than 100%: a share is at most 100% of its whole (is the unit right?)",
    "share_negative": "{text} is a negative share: a share is between 0% and 100%",
    "percent_unit": "the cells are percentages (e.g. {text}): choose a percent unit (pct, pct_change or pp), "
                    "not {unit!r}",
    # notes: rows that were not data, dropped and said so (never categories)
    "note_title_rows": "{n} title lines above the header were skipped ({first!r})",
    "note_footnotes": "{n} footnote rows from row {start} on were left out ({first!r}: notes, sources, symbols)",
    "note_blank_rows": "{n} rows at the end with a category but no values were left out ({first!r})",
    "note_percent": "{n} cells are percentages (as 15.5% they read 15.5); use a percent unit (pct)",
    "note_time_axis_annual": "the categories are annual periods from {start} to {end}: a time axis",
    "note_time_axis_quarterly": "the categories are quarterly periods from {start} to {end}: a time axis",
    "note_time_axis_monthly": "the categories are monthly periods from {start} to {end}: a time axis",
    "note_time_axis_daily": "the categories are daily periods from {start} to {end}: a time axis",
    "note_gaps": "{n} missing periods between them were added as gaps (e.g. {first}), so a gap is not drawn as one step",
    "note_sorted": "the periods were put in time order (the file lists them from the latest)",
    "note_relabelled": "dates such as {first!r} are read as the period they mark ({written!r}): FRED dates a "
                       "month, quarter or year by its first day",
    "note_missing_dots": "{n} cells written '.' or '..' (how FRED and Statistics Canada mark a missing value) "
                         "are gaps",
}

#: the Spanish of the messages above (core/catalog/messages.py holds the others; these are registered there)
MESSAGES_ES = {
    "extra_cells": "esta fila tiene {cells} celdas pero el encabezado nombra {names} columnas (un número como "
                   "1,234 escrito sin comillas se parte en dos en un archivo separado por comas: póngalo entre "
                   "comillas o quite la coma)",
    "long_table": "esta tabla tiene una observación por fila ({rows} filas; {why}): el importador lee una fila "
                  "por categoría y una columna por serie. Elija las columnas de la categoría, de la serie (si la "
                  "hay) y del valor (en la línea de comandos: --category, --series, --value; columnas: {columns})",
    "more_problems": "... y {n} problemas más (se muestran los primeros {shown})",
    "no_column": "no hay una columna “{name}” (columnas: {columns})",
    "duplicate_observation": "“{category}” / “{series}” aparece dos veces (primero en la fila {first}); "
                             "deje una fila de cada una, p. ej. con --filter COLUMNA=VALOR",
    "bad_filter": "un filtro se escribe COLUMNA=VALOR, no “{text}”",
    "filter_matches_nothing": "ninguna fila tiene “{column}” = “{value}”",
    "no_openpyxl": "no se puede leer {name}: a esta instalación le falta openpyxl, que lee los archivos .xlsx "
                   "(reinstale la aplicación, o pip install openpyxl); guarde la hoja como CSV para importarla ya",
    "share_over_100": "{text} es más de 100%: una participación es a lo sumo el 100% del total (¿es correcta la "
                      "unidad?)",
    "share_negative": "{text} es una participación negativa: una participación está entre 0% y 100%",
    "percent_unit": "las celdas son porcentajes (p. ej. {text}): elija una unidad de porcentaje (pct, pct_change "
                    "o pp), no “{unit}”",
    "note_title_rows": "se omitieron {n} líneas de título sobre el encabezado (“{first}”)",
    "note_footnotes": "se dejaron fuera {n} filas de notas a partir de la fila {start} (“{first}”: notas, fuentes, "
                      "símbolos)",
    "note_blank_rows": "se dejaron fuera {n} filas al final con categoría pero sin valores (“{first}”)",
    "note_percent": "{n} celdas son porcentajes (15.5% se lee 15.5); use una unidad de porcentaje (pct)",
    "note_time_axis_annual": "las categorías son periodos anuales de {start} a {end}: un eje de tiempo",
    "note_time_axis_quarterly": "las categorías son periodos trimestrales de {start} a {end}: un eje de tiempo",
    "note_time_axis_monthly": "las categorías son periodos mensuales de {start} a {end}: un eje de tiempo",
    "note_time_axis_daily": "las categorías son periodos diarios de {start} a {end}: un eje de tiempo",
    "note_gaps": "se agregaron como huecos {n} periodos que faltaban (p. ej. {first}), para que un hueco no se "
                 "dibuje como un solo paso",
    "note_sorted": "los periodos se ordenaron en el tiempo (el archivo los lista del más reciente al más antiguo)",
    "note_relabelled": "fechas como “{first}” se leen como el periodo que marcan (“{written}”): FRED fecha un "
                       "mes, trimestre o año con su primer día",
    "note_missing_dots": "{n} celdas escritas '.' o '..' (como FRED y Statistics Canada marcan un valor "
                         "faltante) son huecos",
}

#: at most this many problems are kept (and listed): a long table gave tens of thousands of lines
MAX_PROBLEMS = 50


def _register_messages() -> None:
    from nap_desktop.core.catalog import messages

    for code, en in MESSAGES.items():
        if code in MESSAGES_ES:
            messages.TEMPLATES.setdefault(f"tables.{code}", (en, MESSAGES_ES[code]))


_register_messages()


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
    #: the source row number of each category (for messages; 0 for a period added as a gap)
    row_numbers: list[int] = field(default_factory=list)
    #: what was read differently from a plain grid, said to the user (title lines, footnotes, gaps …)
    notes: list[TableProblem] = field(default_factory=list)
    #: the cells that were percentages (Excel's 0.155 shown as 15.5%, or "12%" written)
    percent_cells: int = 0
    #: "annual" | "quarterly" | "monthly" | "daily" when every category is a period of that frequency
    time_axis: str | None = None
    #: one observation per row (as agencies publish): pick the columns (Columns) to read it
    long: bool = False
    #: how many problems there were (``problems`` keeps the first MAX_PROBLEMS and a "more" line)
    problem_total: int = 0

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
    if t in (".", ".."):  # FRED writes a missing observation as ".", Statistics Canada as ".."
        return ""
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
@dataclass(frozen=True)
class Columns:
    """Which columns of a long table (one observation per row) hold what: each a header name (any case)
    or a 1-based column number. ``series`` may be None (one series, named after the value column);
    ``filters`` keep only the rows where COLUMN equals VALUE (e.g. ("Country", "MEXICO"))."""

    category: str
    value: str
    series: str | None = None
    filters: tuple[tuple[str, str], ...] = ()


def parse_filter(text: str) -> tuple[str, str]:
    """'Country=MEXICO' -> ('Country', 'MEXICO'); raises TableError."""
    column, sep, value = text.partition("=")
    if not sep or not column.strip():
        raise _error("bad_filter", text=text)
    return column.strip(), value.strip()


def parse_rows(rows: Iterable[list[Any]], *, decimal: str | None = None, first_row: int = 1,
               columns: Columns | None = None) -> ParsedTable:
    """Parse a grid of cells (strings, numbers or None); see the module docstring for the rules.

    ``first_row`` is the source row number of the first row given (for messages). ``columns`` reads a
    long table (one observation per row) by the columns named (raises TableError on an unknown name).
    """
    # Millions of small objects and no cycles: the cyclic collector would rescan the growing grid
    # again and again (superlinear); it is paused while parsing and restored as it was.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_rows(rows, decimal=decimal, first_row=first_row, columns=columns)
    finally:
        if enabled:
            gc.enable()


#: the first cell of a row that starts the notes under an agency's table (Statistics Canada, INEGI,
#: Census, BLS, Banxico ...): "Symbol legend:", "Footnotes:", "Source: ...", "How to cite: ...",
#: "Fuente: ...", "Nota: ...", "Notas", "Note 1", "Elaborado por ..."
_NOTES_START = re.compile(
    r"^\s*(symbol legend|legend|footnotes?|notes?|sources?|how to cite|fuentes?|notas?|leyenda|"
    r"s[ií]mbolos?|elaborad[oa] por|cifras preliminares|preliminary|corrected|revised|"
    r"\(?[a-z0-9]\)?\s*(preliminary|revised|estimated?)|terminated|release date|fecha de)\b\s*[:.\-]?",
    re.IGNORECASE)


def _filled(cells: list[Any]) -> int:
    return sum(1 for c in cells if _cell_text(c))


def _has_value(cells: list[Any]) -> bool:
    """A row with at least one number (or number-like text) after its first cell."""
    for c in cells[1:]:
        if isinstance(c, (int, float)) and not isinstance(c, bool):
            return True
        if isinstance(c, str) and _classify(_clean(c)) not in ("blank", "bad"):
            return True
    return False


def _note(code: str, **params: Any) -> TableProblem:
    return _problem(0, "", code, **params)


def _resolve_column(header: list[str], name: str) -> int:
    text = str(name).strip()
    if text.isdigit() and 1 <= int(text) <= len(header):
        return int(text) - 1
    folded = [h.casefold() for h in header]
    if text.casefold() in folded:
        return folded.index(text.casefold())
    raise _error("no_column", name=text, columns=", ".join(h for h in header if h))


def _pivot(header: list[str], body: list[tuple[int, list[Any]]], columns: Columns,
           problems: list[TableProblem]) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """A long table's rows -> (wide header, wide rows): one row per category, one column per series."""
    ci = _resolve_column(header, columns.category)
    vi = _resolve_column(header, columns.value)
    si = _resolve_column(header, columns.series) if columns.series else None
    filters = [(_resolve_column(header, c), c, v) for c, v in columns.filters]
    cats: dict[str, int] = {}
    series: dict[str, int] = {}
    grid: dict[tuple[str, str], tuple[int, Any]] = {}
    first: dict[str, int] = {}
    kept = 0
    for line, cells in body:
        cell = lambda k: _cell_text(cells[k]) if k < len(cells) else ""  # noqa: E731
        if any(cell(k) != v for k, _, v in filters):
            continue
        kept += 1
        cat = cell(ci)
        ser = cell(si) if si is not None else header[vi]
        if not cat:
            problems.append(_problem(line, header[ci], "empty_category"))
            continue
        cats.setdefault(cat, line)
        series.setdefault(ser, len(series))
        if (cat, ser) in grid:
            problems.append(_problem(line, header[vi], "duplicate_observation", category=cat, series=ser,
                                     first=grid[(cat, ser)][0]))
            continue
        grid[(cat, ser)] = (line, cells[vi] if vi < len(cells) else None)
    if not kept and filters:
        k, column, value = filters[0]
        problems.append(_problem(0, "", "filter_matches_nothing", column=column, value=value))
    names = list(series)
    wide_header = [header[ci], *names]
    wide = [(line, [cat, *[grid.get((cat, ser), (0, None))[1] for ser in names]]) for cat, line in cats.items()]
    return wide_header, wide


def _parse_rows(rows: Iterable[list[Any]], *, decimal: str | None, first_row: int,
                columns: Columns | None = None) -> ParsedTable:
    if decimal not in (None, "point", "comma"):
        raise ValueError("decimal must be None, 'point' or 'comma'")
    problems: list[TableProblem] = []
    notes: list[TableProblem] = []
    percent_cells = 0
    numbered: list[tuple[int, list[Any]]] = []
    row_no = first_row - 1
    for raw in rows:
        row_no += 1
        numbered.append((row_no, list(raw)))
    # the header: the first row with two filled cells; one-cell lines above it are the agency's title,
    # "Frequency: Monthly", "Release date: ..." (Statistics Canada, INEGI): skipped and said so
    nonblank = [k for k, (_, cells) in enumerate(numbered) if _filled(cells)]
    if not nonblank:
        return ParsedTable([], [], [], [], [_problem(0, "", "empty")], problem_total=1)
    at = next((k for k in nonblank if _filled(numbered[k][1]) >= 2), nonblank[0])
    titles = [k for k in nonblank if k < at]
    if titles:
        notes.append(_note("note_title_rows", n=len(titles), first=_cell_text(next(
            c for c in numbered[titles[0]][1] if _cell_text(c)))[:60]))
    header_line, header_row = numbered[at]
    header = [_cell_text(c) for c in header_row]
    body: list[tuple[int, list[Any]]] = []
    for line, cells in numbered[at + 1:]:
        if not any((c is not None and (not isinstance(c, str) or c.strip())) for c in cells):
            continue  # a blank line between rows
        body.append((line, cells))
    # the notes under the table: from the first row without numbers whose first cell starts a note
    # ("Symbol legend", "Footnotes:", "Source: ...", "Fuente:", "Nota:"), every row is a note, not data
    for k, (line, cells) in enumerate(body):
        if k and not _has_value(cells) and _NOTES_START.match(_cell_text(cells[0]) if cells else ""):
            notes.append(_note("note_footnotes", n=len(body) - k, start=line, first=_cell_text(cells[0])[:60]))
            body = body[:k]
            break
    if columns is None:  # rows at the end with a category and no value at all: notes such as "(1) Preliminary"
        tail = len(body)
        while tail > 1 and not any(_cell_text(c) for c in body[tail - 1][1][1:]):
            tail -= 1
        if tail < len(body) and tail > 0:
            notes.append(_note("note_blank_rows", n=len(body) - tail, first=_cell_text(body[tail][1][0])[:60]))
            body = body[:tail]
    if columns is not None:
        header, body = _pivot(header, body, columns, problems)
    # trailing columns with neither a name nor any value (a spreadsheet's stray formatting) are dropped
    def last_used(cells: list[Any]) -> int:
        for k in range(len(cells), 0, -1):
            if _cell_text(cells[k - 1]):
                return k
        return 0

    named = last_used(header)
    used = max([named] + [last_used(cells) for _, cells in body])
    if named >= 2 and used > named:  # more cells than the header names: "2024,1,234" (an unquoted thousands comma)
        for line, cells in body:
            if last_used(cells) > named:
                problems.append(_problem(line, "", "extra_cells", cells=last_used(cells), names=named))
        used = named
    header = (header + [""] * used)[:used]
    if len(header) < 2:
        return ParsedTable(header, [], [], [], [_problem(header_line, "", "too_few_columns")], notes=notes,
                           problem_total=1)
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
    dots = duplicates = 0
    text_cells = [0] * ncols  # per series column: cells that are text, not numbers
    for line, cells in body:
        category = _cell_text(cells[0]) if cells else ""
        values = list(cells[1:ncols + 1]) + [None] * (ncols - len(cells[1:ncols + 1]))
        if not category:
            problems.append(_problem(line, names[0], "empty_category"))
            continue
        if category in first_seen:
            duplicates += 1
            problems.append(_problem(line, names[0], "duplicate_category", name=category,
                                     first=first_seen[category]))
            continue
        first_seen[category] = line
        prepared: list[Any] = []
        for j, v in enumerate(values):
            if isinstance(v, _Percent):
                percent_cells += 1
            if isinstance(v, str):
                stripped = v.strip()
                if stripped in (".", ".."):
                    dots += 1
                elif stripped.endswith("%"):
                    percent_cells += 1
                t = _clean(v)
                kind = _classify(t)
                if kind in counts:
                    counts[kind] += 1
                elif kind == "bad":
                    text_cells[j] += 1
                prepared.append((t, kind, stripped))
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
    long = False
    if columns is None and len(body) >= 10:
        # one observation per row: the first column repeats, or whole series columns are text (country
        # names, units, codes) - the shape agencies publish; one message instead of one per cell
        text_columns = [series[j] for j in range(ncols) if text_cells[j] >= 0.9 * len(texts)]
        if duplicates >= max(3, len(body) // 10) or text_columns:
            long = True
            why = []
            if duplicates:
                why.append(f"{names[0]!r} repeats {duplicates:,} times")
            if text_columns:
                why.append("text in " + ", ".join(repr(c) for c in text_columns[:4]))
            problems = [_problem(0, "", "long_table", rows=f"{len(body):,}", why="; ".join(why),
                                 columns=", ".join(h for h in names if h))]
    total = len(problems)
    if total > MAX_PROBLEMS:
        problems = problems[:MAX_PROBLEMS] + [_problem(0, "", "more_problems", n=f"{total - MAX_PROBLEMS:,}",
                                                        shown=MAX_PROBLEMS)]
    if dots:
        notes.append(_note("note_missing_dots", n=f"{dots:,}"))
    if percent_cells:
        notes.append(_note("note_percent", n=f"{percent_cells:,}"))
    table = ParsedTable(header=names, categories=categories, series=series, cells=cells_out, problems=problems,
                        decimal_style=style, needs_confirmation=needs_confirmation, row_numbers=row_numbers,
                        notes=notes, percent_cells=percent_cells, long=long, problem_total=total)
    if not problems:
        _time_axis(table)
    return table


class _Percent(float):
    """An Excel cell formatted as a percentage (0.155 shown as 15.5%): read as 15.5, as "15.5%" typed is."""

    def __new__(cls, stored: float) -> "_Percent":
        return super().__new__(cls, float(f"{stored * 100:.12g}"))  # 0.155*100 = 15.500000000000002: the 15.5 shown


# --- time axis ---------------------------------------------------------------------------------
_YEAR = re.compile(r"^(1[89]\d\d|2[01]\d\d)$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(-01)?$")  # 2025-01, 2025-01-01 (FRED's dates)
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$|^Q([1-4])\s*-?\s*(\d{4})$|^([1-4])Q(\d{4})$", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")

#: gaps are filled only up to this many periods in all (a daily table is left as it is)
MAX_PERIODS = 5000


def _period_index(label: str) -> tuple[str, int] | None:
    """('annual', year) | ('monthly', months) | ('quarterly', quarters) | ('daily', ordinal) for a label."""
    import datetime as _dt

    if _YEAR.match(label):
        return "annual", int(label)
    m = _MONTH.match(label)
    if m:
        return "monthly", int(m.group(1)) * 12 + int(m.group(2)) - 1
    m = _QUARTER.match(label)
    if m:
        year, q = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3)) if m.group(3) else \
            (m.group(6), m.group(5))
        return "quarterly", int(year) * 4 + int(q) - 1
    m = _DAY.match(label)
    if m:
        try:
            return "daily", _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).toordinal()
        except ValueError:
            return None
    return None


def _time_axis(table: ParsedTable) -> None:
    """Every category a period of one frequency: a time axis. Periods are put in time order, and the ones
    missing between the first and the last are added as gaps (a four-year gap is four empty years, not one
    step); monthly dates one step of 3 or 12 months apart are quarters or years (FRED's 2025-01-01)."""
    from math import gcd

    if len(table.categories) < 2:
        return
    found = [_period_index(c) for c in table.categories]
    if any(f is None for f in found) or len({f[0] for f in found}) != 1:
        return
    kind = found[0][0]
    index = [f[1] for f in found]
    if len(set(index)) != len(index):
        return
    order = sorted(range(len(index)), key=index.__getitem__)
    if order != list(range(len(index))):
        table.categories = [table.categories[k] for k in order]
        table.cells = [table.cells[k] for k in order]
        table.row_numbers = [table.row_numbers[k] for k in order]
        index = [index[k] for k in order]
        table.notes.append(_note("note_sorted"))
    step = 0
    for a, b in zip(index, index[1:]):
        step = gcd(step, b - a)
    frequency = kind
    if kind == "monthly" and step in (3, 12) and all(_MONTH.match(c) for c in table.categories):
        frequency = "quarterly" if step == 3 else "annual"
    table.time_axis = frequency
    if kind == "monthly" and all(len(c) == 10 for c in table.categories):
        # FRED dates a month, a quarter or a year by its first day (2024-04-01): the axis reads the period
        # (2024-04, 2024Q2, 2024), as the catalog writes periods, not a day that was never meant
        def label(k: int) -> str:
            if frequency == "annual":
                return str(k // 12)
            if frequency == "quarterly":
                return f"{k // 12}Q{k % 12 // 3 + 1}"
            return f"{k // 12:04d}-{k % 12 + 1:02d}"

        before = table.categories[0]
        table.categories = [label(k) for k in index]
        table.notes.append(_note("note_relabelled", first=before, written=table.categories[0]))
        if frequency != "monthly":  # 2024Q1 and 2024 step by one; the gaps are counted in their own periods
            kind = "quarterly" if frequency == "quarterly" else "annual"
            index = [k // 3 if kind == "quarterly" else k // 12 for k in index]
            step = 1
    table.notes.append(_note(f"note_time_axis_{frequency}", start=table.categories[0], end=table.categories[-1]))
    if kind == "daily" or step < 1:
        return
    periods = (index[-1] - index[0]) // step + 1
    if periods == len(index) or periods > MAX_PERIODS:
        return
    at = dict(zip(index, range(len(index))))
    cats, cells, rows = [], [], []
    empty = [None] * len(table.series)
    for k in range(index[0], index[-1] + 1, step):
        if k in at:
            cats.append(table.categories[at[k]])
            cells.append(table.cells[at[k]])
            rows.append(table.row_numbers[at[k]])
        else:
            cats.append(_period_label(kind, k, table.categories[0]))
            cells.append(list(empty))
            rows.append(0)
    added = periods - len(index)
    first_gap = next(c for c, r in zip(cats, rows) if r == 0)
    table.categories, table.cells, table.row_numbers = cats, cells, rows
    table.notes.append(_note("note_gaps", n=f"{added:,}", first=first_gap))


def _period_label(kind: str, k: int, like: str) -> str:
    """The label of period ``k`` written as ``like`` is (2021; 2021-03 or 2021-03-01; 2021Q1, Q1 2021, 1Q2021)."""
    if kind == "annual":
        return str(k)
    if kind == "monthly":
        text = f"{k // 12:04d}-{k % 12 + 1:02d}"
        return text + "-01" if len(like) == 10 else text
    year, q = divmod(k, 4)
    m = _QUARTER.match(like)
    if m.group(1):
        sep = like[4:-2]
        return f"{year}{sep}{like[-2]}{q + 1}"
    if m.group(3):
        return f"{like[0]}{q + 1}{like[2:-4]}{year}"
    return f"{q + 1}Q{year}"


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


def parse_csv(path_or_text: Path | str, *, decimal: str | None = None, columns: Columns | None = None) -> ParsedTable:
    """A CSV file (a Path) or CSV text (a str). Delimiter ',' ';' or tab, from the header line."""
    if isinstance(path_or_text, Path):
        try:
            raw = read_regular(path_or_text, TABLE_FILE_MAX)  # never a pipe, a device or a giant
        except OSError as exc:
            raise _error("cannot_read", name=path_or_text.name, reason=exc.strerror or str(exc)) from exc
        text = _decode(raw, path_or_text.name)
    else:
        text = path_or_text
    hinted, text = _separator_hint(text)
    # newline=None: CRLF (Windows), LF and a lone CR (old Mac exports; csv raised on it) all end a row
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=hinted or _delimiter(text))
    return parse_rows(reader, decimal=decimal, first_row=2 if hinted else 1,  # rows keep the file's numbers
                      columns=columns)


def parse_clipboard(text: str, *, decimal: str | None = None, columns: Columns | None = None) -> ParsedTable:
    """Cells pasted from Excel or LibreOffice: tab-separated lines (CRLF or LF, trailing newline).

    Excel quotes a cell that holds a tab, a newline or a quote; csv handles that quoting.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" not in text and text.strip():
        return parse_csv(text, decimal=decimal, columns=columns)  # one column or another separator: read as CSV
    reader = csv.reader(io.StringIO(text, newline=None), delimiter="\t")
    return parse_rows(reader, decimal=decimal, columns=columns)


def _open_xlsx(path: Path):
    try:
        import openpyxl
    except ImportError as exc:  # an install without it: the workbook is fine, the app is not
        raise _error("no_openpyxl", name=Path(path).name) from exc
    try:
        # read through the guarded reader first: openpyxl would block on a pipe or read a device forever
        return openpyxl.load_workbook(io.BytesIO(read_regular(Path(path), TABLE_FILE_MAX)), read_only=True,
                                      data_only=True)
    except FileRefused as exc:
        if exc.kind == "missing":
            raise _error("no_such_file", name=Path(path).name) from exc
        raise _error("cannot_read", name=Path(path).name, reason=exc.reason) from exc
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


def _xlsx_value(cell: Any) -> Any:
    """A cell's value; a number formatted as a percentage (number_format "0.0%") as the percentage shown."""
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and "%" in (getattr(cell, "number_format", None) or ""):
        return _Percent(value)
    return value


def parse_xlsx(path: Path, sheet: str | None = None, *, decimal: str | None = None,
               columns: Columns | None = None) -> ParsedTable:
    """One sheet of an .xlsx (the first when ``sheet`` is None), read-only; raises TableError."""
    book = _open_xlsx(path)
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise _error("no_sheet", name=Path(path).name, sheet=sheet, sheets=", ".join(book.sheetnames))
        # openpyxl's reader makes cyclic garbage: read with gc on; each cell's format says a percentage
        grid = [[_xlsx_value(c) for c in row] for row in ws.iter_rows()]
        return parse_rows(grid, decimal=decimal, columns=columns)
    finally:
        book.close()


#: the units a percentage may be charted in
PERCENT_UNITS = ("pct", "pct_change", "pp")


def chart_problems(table: ParsedTable, kind: str, unit: str) -> list[TableProblem]:
    """What the chart asked for cannot show truthfully from this table: a share chart in percent with a value
    over 100% or under 0 (1,234% is not a share), percentage cells charted in a unit that is not a percent.
    Each problem names its row and column, as the reader's do; at most MAX_PROBLEMS."""
    from nap_desktop.core.catalog.messages import number

    problems: list[TableProblem] = []
    if table.percent_cells and unit not in PERCENT_UNITS:
        sample = next((v for row in table.cells for v in row if v is not None), None)
        problems.append(_problem(0, "", "percent_unit", text=f"{number(sample)}%" if sample is not None else "%",
                                 unit=unit))
    if kind == "share" and unit == "pct":
        for i, row in enumerate(table.cells):
            for j, value in enumerate(row):
                if value is None:
                    continue
                if value > 100 or value < 0:
                    problems.append(_problem(table.row_numbers[i], table.series[j],
                                             "share_over_100" if value > 100 else "share_negative",
                                             text=f"{number(value)}%"))
    if len(problems) > MAX_PROBLEMS:
        problems = problems[:MAX_PROBLEMS] + [_problem(0, "", "more_problems", n=f"{len(problems) - MAX_PROBLEMS:,}",
                                                        shown=MAX_PROBLEMS)]
    return problems
