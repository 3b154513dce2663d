"""`nap-desktop import TABLE …`: a CSV / XLSX sheet / pasted TSV (TABLE "-" = stdin) -> a dataset and a chart.

The first column holds the categories, the header row the series. Numbers as written in English
and Mexico (1,234.5); a table with decimal commas (1.234,5) is refused until confirmed with
``--decimal comma``. Blank cells are gaps. Exit 1 on bad cells, naming each one's row and column
(all at once); exit 2 when the command is incomplete.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _err(message: str) -> None:
    print(f"nap-desktop import: {message}", file=sys.stderr)


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


def read_table(name: str, sheet: str | None, decimal: str | None):
    """Parse TABLE by its suffix ('-' = pasted cells on stdin); raises TableError."""
    from nap_desktop.core.catalog.tables import TableError, parse_clipboard, parse_csv, parse_xlsx

    if name == "-":
        return parse_clipboard(sys.stdin.read(), decimal=decimal)
    path = Path(name)
    if not path.is_file():
        raise TableError(f"{name}: no such file")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return parse_xlsx(path, sheet, decimal=decimal)
    if sheet:
        raise TableError("--sheet applies to .xlsx files only")
    return parse_csv(path, decimal=decimal)


def run_import(args: argparse.Namespace) -> int:
    from nap_desktop.cli.library import library_folder
    from nap_desktop.core.catalog.library import LibraryError, save_table
    from nap_desktop.core.catalog.tables import TableError

    folder = library_folder(args, _err)
    if folder is None:
        return 2
    try:
        table = read_table(args.table, args.sheet, args.decimal)
    except TableError as exc:
        _err(str(exc))
        return 2
    if table.problems:
        for problem in table.problems:
            print(f"{args.table}: {problem}", file=sys.stderr)
        hint = " (if it uses decimal commas, add --decimal comma)" if table.needs_confirmation else ""
        _err(f"{len(table.problems)} problem(s) in the table; nothing was imported{hint}")
        return 1
    source = {"publisher": args.source_publisher, "title": args.source_title, "url": args.source_url,
              "date": args.source_date, "status": args.status}
    try:
        dataset_id, chart_id = save_table(
            folder, table, id=args.id, kind=args.kind, title_en=args.title_en, title_es=args.title_es,
            unit=args.unit, source=source, status=args.status, period=args.period, decimals=args.decimals,
            orientation="categories_in_columns" if args.transpose else "categories_in_rows")
    except LibraryError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        _err(f"{len(exc.problems)} problem(s); nothing was imported")
        return 1
    rows = len(table.categories) * len(table.series)
    print(f"imported {len(table.categories)} categories x {len(table.series)} series ({rows} rows) "
          f"as dataset {dataset_id} and chart {chart_id} in {folder}")
    return 0
