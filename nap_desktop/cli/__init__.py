"""Command line: `nap-desktop` with no arguments opens the window; sub-commands as in DESIGN.md."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nap_desktop import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nap-desktop",
        description="NAP Briefing: The North American Project's figures, offline.",
    )
    parser.add_argument("--version", action="version", version=f"nap-desktop {__version__}")
    parser.add_argument("--smoke-test", action="store_true",
                        help="build the window, load the data, draw a chart, and exit 0")
    parser.add_argument("--lang", choices=("en", "es"), default=None, help="interface language")
    sub = parser.add_subparsers(dest="command")

    cat = sub.add_parser("catalog", help="print the catalog")
    cat.add_argument("--json", action="store_true", required=True, help="as JSON on stdout")
    cat.add_argument("--lang", choices=("en", "es"), default=None)
    cat.add_argument("--data", type=Path, default=None, help="a data folder other than the bundled one")

    data = sub.add_parser("data", help="data folder tools")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    check = data_sub.add_parser("check", help="validate a data folder")
    check.add_argument("dir", nargs="?", type=Path, default=None)

    exp = sub.add_parser("export", help="export a pack (or a selection of the catalog) to PPTX / XLSX")
    exp.add_argument("pack", nargs="?", type=Path, help="a .napbrief file")
    group = exp.add_mutually_exclusive_group()
    group.add_argument("--all", action="store_true", help="every fact and chart in the catalog")
    group.add_argument("--section", help="every fact of one section")
    group.add_argument("--ids", help="comma-separated fact ids")
    exp.add_argument("--lang", choices=("en", "es"), default=None)
    exp.add_argument("--pptx", type=Path)
    exp.add_argument("--xlsx", type=Path)
    exp.add_argument("--png", type=Path, help="a chart image (with --chart)")
    exp.add_argument("--svg", type=Path, help="a chart image (with --chart)")
    exp.add_argument("--chart", help="the chart id for --png / --svg")
    exp.add_argument("--template", type=Path, help="a .pptx template to use instead of ours")

    shot = sub.add_parser("screenshot", help="render the window offscreen to a PNG")
    shot.add_argument("out", type=Path)
    shot.add_argument("--view", default="cards", help="cards | detail:FACT_ID | pack | present[:N]")
    shot.add_argument("--lang", choices=("en", "es"), default="en")
    shot.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    shot.add_argument("--pack", type=Path, default=None, help="a .napbrief to show")
    return parser


def _cmd_catalog(args: argparse.Namespace) -> int:
    from nap_desktop.core.catalog.catalog_json import catalog_to_json
    from nap_desktop.core.catalog.loader import CatalogError, load_catalog

    try:
        catalog = load_catalog(args.data)
    except CatalogError as exc:
        print(f"nap-desktop: the catalog does not validate.\n{exc}", file=sys.stderr)
        return 1
    json.dump(catalog_to_json(catalog, lang=args.lang), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _cmd_data_check(args: argparse.Namespace) -> int:
    from nap_desktop.core.catalog.loader import load_catalog_with_problems
    from nap_desktop.paths import data_dir

    root = args.dir if args.dir is not None else data_dir()
    catalog, problems = load_catalog_with_problems(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found in {root}", file=sys.stderr)
        return 1
    rows = sum(len(d.rows) for d in catalog.datasets.values())
    print(f"OK: {len(catalog.facts)} facts, {len(catalog.sources)} sources, {len(catalog.sections)} sections, "
          f"{len(catalog.datasets)} datasets ({rows} rows), {len(catalog.charts)} charts checked in {root}")
    return 0


COMMANDS = ("catalog", "data", "export", "screenshot")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    pack: Path | None = None
    # `nap-desktop BRIEF.napbrief` opens the app on that pack (a file manager's "open with").
    positional = [a for a in argv if not a.startswith("-")]
    if positional and positional[0] not in COMMANDS:
        pack = Path(positional[0])
        argv.remove(positional[0])
    args = _parser().parse_args(argv)
    if args.command == "catalog":
        return _cmd_catalog(args)
    if args.command == "data":
        return _cmd_data_check(args)
    if args.command == "export":
        from nap_desktop.cli.export import run_export

        return run_export(args)
    if args.command == "screenshot":
        from nap_desktop.ui.screenshot import run_screenshot

        return run_screenshot(args)
    from nap_desktop.ui.app import run_app

    return run_app(pack=pack, lang=args.lang, smoke_test=args.smoke_test)


if __name__ == "__main__":
    raise SystemExit(main())
