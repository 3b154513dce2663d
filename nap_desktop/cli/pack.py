"""`nap-desktop pack new OUT.napbrief --ids A,B [--library DIR] [--title T] [--lang en|es]`.

Makes a pack without the window: the facts and charts named (fact and chart ids, bundled or
user), each with its copy (schema 2), so the pack opens the same on a machine without the library.
Exit 0 written; 1 the library does not validate or the file cannot be written; 2 unknown ids.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path


def _err(message: str) -> None:
    print(f"nap-desktop pack: {message}", file=sys.stderr)


def add_parser(sub: argparse._SubParsersAction) -> None:
    pack = sub.add_parser("pack", help="make a briefing pack without the window")
    pack_sub = pack.add_subparsers(dest="pack_command", required=True)
    new = pack_sub.add_parser("new", help="a new .napbrief with the facts and charts named")
    new.add_argument("out", type=Path, help="the .napbrief file to write")
    what = new.add_mutually_exclusive_group(required=True)
    what.add_argument("--ids", help="comma-separated fact and chart ids")
    what.add_argument("--state", help="a state's brief: a postal code (TX) or the state's name in English or Spanish")
    new.add_argument("--library", type=Path, default=None, help="the user library folder (default: $NAP_LIBRARY)")
    new.add_argument("--title", default="", help="the pack's title")
    new.add_argument("--lang", choices=("en", "es"), default="en", help="the pack's language")
    new.add_argument("--with-charts", action="store_true",
                     help="also add each named fact's chart(s) after it (they are listed); without it, only the "
                          "items named")


def run_pack(args: argparse.Namespace) -> int:
    from nap_desktop.core.catalog.library import load_catalog_with_library, resolve_library
    from nap_desktop.core.catalog.loader import CatalogError
    from nap_desktop.core.pack.packfile import save_pack
    from nap_desktop.core.pack.selection import SelectionError, pack_ids
    from nap_desktop.core.pack.snapshot import with_copies

    if args.out.suffix.lower() != ".napbrief":
        _err(f"{args.out}: the file name must end with .napbrief")
        return 2
    from nap_desktop.cli.outputs import output_path_problem

    problem = output_path_problem(args.out)  # its folder is never created; a link to /dev/null is refused
    if problem:
        _err(problem)
        return 2
    try:
        catalog = load_catalog_with_library(resolve_library(args.library))
    except CatalogError as exc:
        _err(f"the catalog or library does not validate; nothing was written.\n{exc}")
        return 1
    if args.state:
        from nap_desktop.cli.brief import unknown_state_message
        from nap_desktop.core.catalog.states import UnknownState, resolve_state
        from nap_desktop.core.pack.state_brief import StateBriefError, brief_pack

        try:
            pack = brief_pack(catalog, resolve_state(args.state).code, args.lang)
        except UnknownState as exc:
            _err(unknown_state_message(args.state, exc.suggestions))
            return 2
        except StateBriefError as exc:
            _err(str(exc))
            return 2
    else:
        ids = [i.strip() for i in args.ids.split(",") if i.strip()]
        try:
            pack = pack_ids(catalog, ids, lang=args.lang, with_charts=bool(getattr(args, "with_charts", False)))
        except SelectionError as exc:
            _err(str(exc))
            return 2
        named = set(ids)
        added = [i.ref for i in pack.items if i.kind == "chart" and i.ref not in named]
        if added:  # --with-charts: say which charts came with the facts
            print(f"added the chart{'s' if len(added) != 1 else ''} of the facts named: {', '.join(added)}")
        else:
            linked = [c for i in ids if catalog.fact(i) is not None for c in _charts_named_by(catalog, i)
                      if c not in named]
            if linked and not getattr(args, "with_charts", False):
                print(f"note: the facts named have {len(linked)} chart{'s' if len(linked) != 1 else ''} not added "
                      f"({', '.join(dict.fromkeys(linked))}); add --with-charts or name "
                      f"{'it' if len(set(linked)) == 1 else 'them'} in --ids")
    if args.title:
        pack = replace(pack, title=args.title)
    pack = with_copies(pack, catalog)
    try:
        from nap_desktop.core.pack.packfile import remove_stale_temps, write_target

        remove_stale_temps(write_target(args.out).parent)  # what a killed save left here
        save_pack(pack, args.out)
    except OSError as exc:
        _err(f"cannot write {args.out}: {exc.strerror or exc}")
        return 1
    n = len(pack.items)
    print(f"wrote {args.out} ({n} item{'s' if n != 1 else ''})")
    return 0


def _charts_named_by(catalog, fact_id: str) -> list[str]:
    """The charts a fact links to (what --with-charts would add after it)."""
    from nap_desktop.core.pack.selection import _charts_of

    fact = catalog.fact(fact_id)
    return list(_charts_of(catalog, fact)) if fact is not None else []
