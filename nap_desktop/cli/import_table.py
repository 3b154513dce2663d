"""`nap-desktop import TABLE …`: a CSV / XLSX sheet / pasted TSV (TABLE "-" = stdin) -> a dataset and a chart.

The first column holds the categories, the header row the series. Numbers as written in English
and Mexico (1,234.5); a table with decimal commas (1.234,5) is refused until confirmed with
``--decimal comma``. Blank cells are gaps. Exit 1 on bad cells, naming each one's row and column
(all at once); exit 2 when the command is incomplete. Messages are English, or Spanish with
``--lang es`` (core/catalog/messages.py has both).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def _err(message: str) -> None:
    print(f"nap-desktop import: {message}", file=sys.stderr)


#: the command's own sentences (the problems themselves come from core/catalog/messages.py)
SAY = {
    "table_problems": ("{n} problem{s} in the table; nothing was imported{hint}",
                       "{n} problema{s} en la tabla; no se importó nada{hint}"),
    "comma_hint": (" (if it uses decimal commas, add --decimal comma)",
                   " (si la tabla usa comas decimales, agregue --decimal comma)"),
    "problems": ("{n} problem{s}; nothing was imported", "{n} problema{s}; no se importó nada"),
    "note": ("note: {text}", "nota: {text}"),
    "bad_id": ("--id {id!r}: an id is lower-case letters, digits and '-' (e.g. --id {suggest}); nothing was imported",
               "--id «{id}»: un id lleva minúsculas, dígitos y '-' (p. ej. --id {suggest}); no se importó nada"),
    "bad_date": ("--source-date {date!r}: write the release date as YYYY-MM-DD (or YYYY-MM, YYYY); nothing was "
                 "imported",
                 "--source-date «{date}»: escriba la fecha de publicación como AAAA-MM-DD (o AAAA-MM, AAAA); no se "
                 "importó nada"),
    "future_date": ("--source-date {date}: the release date is after today ({today}); nothing was imported",
                    "--source-date {date}: la fecha de publicación es posterior a hoy ({today}); no se importó nada"),
    "columns_need_value": ("--category and --value go together (a long table: one observation per row)",
                           "--category y --value van juntas (una tabla larga: una observación por fila)"),
    "given_source": ("the source given (--source-*)", "la fuente indicada (--source-*)"),
    "given_table": ("the table's dataset and chart (not written)", "el conjunto de datos y la gráfica de la tabla (no se escribieron)"),

    "imported": ("imported {cats} categories x {series} series ({rows} rows) as dataset {dataset} and chart {chart} "
                 "in {folder}",
                 "se importaron {cats} categorías x {series} series ({rows} filas) como el conjunto de datos "
                 "{dataset} y la gráfica {chart} en {folder}"),
}


def say(key: str, lang: str | None, **params) -> str:
    from nap_desktop.core.catalog.messages import number

    en, es = SAY[key]
    return (es if lang == "es" else en).format(
        **{k: number(v) if isinstance(v, int) else v for k, v in params.items()})


def add_parser(sub: argparse._SubParsersAction) -> None:
    from nap_desktop.core.catalog.library import TABLE_KINDS
    from nap_desktop.core.catalog.model import STATUSES

    imp = sub.add_parser("import", help="import a table (CSV, XLSX, or TSV on stdin) into your library")
    imp.add_argument("table", help="a .csv/.tsv/.txt or .xlsx file, or - to read pasted cells from stdin")
    imp.add_argument("--sheet", default=None, help="the .xlsx sheet to read (default: the first)")
    imp.add_argument("--library", type=Path, default=None, help="the user library folder (default: $NAP_LIBRARY)")
    imp.add_argument("--id", required=True, help="the dataset and chart id (\"user.\" is added when missing)")
    imp.add_argument("--kind", required=True, choices=TABLE_KINDS, help="the chart kind")
    imp.add_argument("--title-en", required=True, help="the chart's title in English")
    imp.add_argument("--title-es", default="", help="the chart's title in Spanish (may be left out)")
    imp.add_argument("--unit", required=True, help="the unit of every value (e.g. usd_bn, pct, count_th)")
    imp.add_argument("--period", default="", help="the period all values refer to, if one")
    imp.add_argument("--decimals", type=int, default=None, help="decimals shown (0-6)")
    imp.add_argument("--decimal", choices=("point", "comma"), default=None,
                     help="confirm the table's decimal style (needed when it uses decimal commas)")
    imp.add_argument("--transpose", action="store_true",
                     help="the header row holds the categories and the first column the series")
    imp.add_argument("--source-publisher", required=True, help="who published the figures (the agency)")
    imp.add_argument("--source-title", required=True, help="the title of the table or release")
    imp.add_argument("--source-url", required=True, help="the URL of the table or release itself")
    imp.add_argument("--source-date", required=True, help="the date of the release (e.g. 2026-02-05)")
    imp.add_argument("--status", required=True, choices=STATUSES,
                     help="official (the agency's own release), report, or secondary (a third party's copy)")
    imp.add_argument("--category", default=None, metavar="COLUMN",
                     help="a long table (one observation per row): the column of the categories (name or number)")
    imp.add_argument("--series", default=None, metavar="COLUMN",
                     help="a long table: the column whose values name the series (default: one series)")
    imp.add_argument("--value", default=None, metavar="COLUMN", help="a long table: the column of the numbers")
    imp.add_argument("--filter", action="append", default=[], metavar="COLUMN=VALUE",
                     help="a long table: keep only the rows where COLUMN is VALUE (repeatable)")
    imp.add_argument("--lang", choices=("en", "es"), default=None, help="language of the messages (default: en)")


def read_table(name: str, sheet: str | None, decimal: str | None, columns=None):
    """Parse TABLE by its suffix ('-' = pasted cells on stdin); raises TableError."""
    from nap_desktop.core.catalog.messages import msg
    from nap_desktop.core.catalog.tables import TableError, parse_clipboard, parse_csv, parse_xlsx

    if name == "-":
        return parse_clipboard(sys.stdin.read(), decimal=decimal, columns=columns)
    path = Path(name)
    if not path.is_file():
        raise TableError(msg("tables.missing_file", name=name))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return parse_xlsx(path, sheet, decimal=decimal, columns=columns)
    if sheet:
        raise TableError(msg("tables.sheet_only_xlsx"))
    return parse_csv(path, decimal=decimal, columns=columns)


_ID = re.compile(r"^(user\.)?[a-z0-9][a-z0-9_-]*$")
_DATE = re.compile(r"^(\d{4})(-(\d{2})(-(\d{2}))?)?$")


def _argument_problem(args: argparse.Namespace, lang: str) -> str | None:
    """--id and --source-date as the library keeps them: "Bad Id!" was silently renamed user.bad-id, and a
    release dated in the future was accepted."""
    import datetime as dt

    from nap_desktop.core.catalog.library import user_id

    if not _ID.match(args.id.strip()):
        return say("bad_id", lang, id=args.id, suggest=user_id(args.id)[len("user."):])
    date = args.source_date.strip()
    m = _DATE.match(date)
    try:
        if not m:
            raise ValueError(date)
        year, month, day = int(m.group(1)), int(m.group(3) or 1), int(m.group(5) or 1)
        when = dt.date(year, month, day)
    except ValueError:
        return say("bad_date", lang, date=args.source_date)
    today = dt.date.today()
    if when > today:
        return say("future_date", lang, date=date, today=today.isoformat())
    return None


def _unwritten(items: list, folder: Path, lang: str) -> list:
    """A problem found in a file the import would have written names that file (sources/user.x.toml:7), which
    was never written: it names what the user gave instead."""
    import dataclasses

    out = []
    for item in items:
        file = getattr(item, "file", None)
        if dataclasses.is_dataclass(item) and isinstance(file, str) and file and not (folder / file).exists():
            label = say("given_source" if file.startswith("sources/") else "given_table", lang)
            item = dataclasses.replace(item, file=label, line=0, key="") if hasattr(item, "key") else \
                dataclasses.replace(item, file=label, line=0)
        out.append(item)
    return out


def run_import(args: argparse.Namespace) -> int:
    from nap_desktop.cli.library import library_folder
    from nap_desktop.core.catalog.library import LibraryError, save_table
    from nap_desktop.core.catalog.messages import render
    from nap_desktop.core.catalog.tables import Columns, TableError, chart_problems, parse_filter

    lang = getattr(args, "lang", None) or "en"
    folder = library_folder(args, _err)
    if folder is None:
        return 2
    problem = _argument_problem(args, lang)
    if problem:
        _err(problem)
        return 2
    columns = None
    if args.category or args.value or args.series or args.filter:
        if not (args.category and args.value):
            _err(say("columns_need_value", lang))
            return 2
        try:
            columns = Columns(args.category, args.value, args.series, tuple(parse_filter(f) for f in args.filter))
        except TableError as exc:
            _err(exc.text(lang))
            return 2
    try:
        table = read_table(args.table, args.sheet, args.decimal, columns)
    except TableError as exc:
        _err(exc.text(lang))
        return 2
    for note in table.notes:  # title lines, footnotes, gaps: read differently from a plain grid, and said
        print(f"{args.table}: {say('note', lang, text=render(note, lang))}", file=sys.stderr)
    problems = table.problems or chart_problems(table, args.kind, args.unit)
    if problems:
        for problem in problems:
            print(f"{args.table}: {render(problem, lang)}", file=sys.stderr)
        hint = say("comma_hint", lang) if table.needs_confirmation else ""
        n = max(table.problem_total, len(problems)) if table.problems else len(problems)
        _err(say("table_problems", lang, n=n, s="" if n == 1 else "s", hint=hint))
        return 1
    source = {"publisher": args.source_publisher, "title": args.source_title, "url": args.source_url,
              "date": args.source_date, "status": args.status}
    try:
        dataset_id, chart_id = save_table(
            folder, table, id=args.id, kind=args.kind, title_en=args.title_en, title_es=args.title_es,
            unit=args.unit, source=source, status=args.status, period=args.period, decimals=args.decimals,
            orientation="categories_in_columns" if args.transpose else "categories_in_rows")
    except LibraryError as exc:
        for problem in _unwritten(exc.items, folder, lang):
            print(render(problem, lang), file=sys.stderr)
        _err(say("problems", lang, n=len(exc.problems), s="" if len(exc.problems) == 1 else "s"))
        return 1
    rows = len(table.categories) * len(table.series)
    print(say("imported", lang, cats=len(table.categories), series=len(table.series), rows=rows,
              dataset=dataset_id, chart=chart_id, folder=folder))
    return 0
