"""`nap-desktop brief STATE [--lang en|es] [--pptx F] [--xlsx F] [--pdf F [--paper letter|a4]] [--bundle F]`
and `nap-desktop brief --list`.

A state brief (core/pack/state_brief.py) exported in one command. STATE is a postal code or a name in
English or Spanish, any case, accents optional. Exit 0 written; 1 an output could not be written or the
library does not validate; 2 an unknown state (the closest names are suggested) or an incomplete command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _err(message: str) -> None:
    print(f"nap-desktop brief: {message}", file=sys.stderr)


def add_parser(sub: argparse._SubParsersAction) -> None:
    brief = sub.add_parser("brief", help="a state's brief: its trade with Mexico and Canada, as deck, workbook, handout")
    brief.add_argument("state", nargs="?", help="a postal code (TX) or a state's name in English or Spanish")
    brief.add_argument("--list", action="store_true", help="list the 50 states and DC, code and name, one a line")
    brief.add_argument("--lang", choices=("en", "es"), default=None, help="language of the brief (default en)")
    brief.add_argument("--pptx", type=Path, help="write the deck to this .pptx file")
    brief.add_argument("--xlsx", type=Path, help="write the workbook to this .xlsx file")
    brief.add_argument("--pdf", type=Path, help="write the one-page handout to this .pdf file")
    brief.add_argument("--paper", choices=("letter", "a4"), default=None, help="handout paper (with --pdf)")
    brief.add_argument("--bundle", type=Path, help="write a meeting bundle (.zip)")
    brief.add_argument("--national", default=None,
                       help="comma-separated national fact ids the brief carries (default: the USMCA joint review, "
                            "the main trading partners, twenty years of trilateral trade)")
    brief.add_argument("--audience", default="", help="who the brief is for (default: the state's delegation)")
    brief.add_argument("--organisation", default="", help="who presents it (cover, document author)")
    brief.add_argument("--date", default="", help="the meeting date, YYYY-MM-DD")
    brief.add_argument("--library", type=Path, default=None, help="the user library folder (default: $NAP_LIBRARY)")


def unknown_state_message(text: str, suggestions: list[str]) -> str:
    hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
    return f"{text!r} is not one of the 50 states or DC.{hint} `nap-desktop brief --list` lists them."


def run_brief(args: argparse.Namespace) -> int:
    from nap_desktop.core.catalog.states import UnknownState, resolve_state, states

    lang = args.lang or "en"
    if args.list:
        if args.state:
            _err("give either --list or a state, not both")
            return 2
        given = [f"--{o}" for o in ("pptx", "xlsx", "pdf", "bundle", "paper") if getattr(args, o, None)]
        if given:  # `brief --list --pptx b.pptx` wrote nothing and said nothing
            _err(f"--list only lists the states; {', '.join(given)} need a state: nap-desktop brief STATE ...")
            return 2
        try:
            for s in sorted(states(), key=lambda s: s.code):
                print(f"{s.code}\t{s.name_es if lang == 'es' else s.name_en}")
        except BrokenPipeError:
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if not args.state:
        _err("name a state (postal code or name), or give --list")
        return 2
    try:
        state = resolve_state(args.state)
    except UnknownState as exc:
        _err(unknown_state_message(args.state, exc.suggestions))
        return 2
    outputs = {"pptx": args.pptx, "xlsx": args.xlsx, "pdf": args.pdf, "bundle": args.bundle}
    for option, suffix in (("pptx", ".pptx"), ("xlsx", ".xlsx"), ("pdf", ".pdf"), ("bundle", ".zip")):
        target = outputs[option]
        if target is not None and target.suffix.lower() != suffix:
            _err(f"--{option} {target}: the file name must end with {suffix}")
            return 2
        if target is not None and not target.parent.is_dir():
            _err(f"--{option} {target}: the folder {target.parent} does not exist")
            return 2
    if args.paper and not args.pdf and not args.bundle:
        _err("--paper sets the handout's paper: give --pdf FILE (or --bundle FILE) too")
        return 2
    if not any(outputs.values()):
        _err("nothing to write: give --pptx, --xlsx, --pdf or --bundle FILE")
        return 2
    from nap_desktop.cli.export import export_clock, write_outputs
    from nap_desktop.core.catalog.library import load_catalog_with_library, resolve_library
    from nap_desktop.core.catalog.loader import CatalogError
    from nap_desktop.core.pack.snapshot import catalog_for_pack
    from nap_desktop.core.pack.state_brief import StateBriefError, brief_pack
    from nap_desktop.exporters import ExportError

    try:
        catalog = load_catalog_with_library(resolve_library(args.library))
    except CatalogError as exc:
        _err(f"the catalog or the library does not validate; nothing was written.\n{exc}")
        return 1
    national = None if args.national is None else [n.strip() for n in args.national.split(",") if n.strip()]
    try:
        pack = brief_pack(catalog, state.code, lang, national, audience=args.audience,
                          organisation=args.organisation, meeting_date=args.date)
    except StateBriefError as exc:
        _err(str(exc))
        return 2
    try:
        write_outputs(pack, catalog_for_pack(pack, catalog), lang=lang, now=export_clock(), **outputs,
                      paper=args.paper)
    except ExportError as exc:
        _err(str(exc))
        return 1
    return 0
