"""`nap-desktop library add-fact FILE.toml | list | remove ID [--library DIR]`: the user library from scripts.

Exit codes: 0 done; 1 the library refused the change (every problem printed, nothing written);
2 the command was incomplete (no library folder, no such file or id). The library's messages are
English, or Spanish with ``--lang es`` (core/catalog/messages.py).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path


def _err(message: str) -> None:
    from nap_desktop.exporters.textsafe import for_terminal

    print(f"nap-desktop library: {for_terminal(message)}", file=sys.stderr)


def add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", type=Path, default=None,
                        help="the user library folder (default: $NAP_LIBRARY)")
    parser.add_argument("--lang", choices=("en", "es"), default=None, help="language of the messages (default: en)")


def add_parser(sub: argparse._SubParsersAction) -> None:
    lib = sub.add_parser("library", help="your own facts, sources, datasets and charts")
    lib_sub = lib.add_subparsers(dest="library_command", required=True)
    add = lib_sub.add_parser("add-fact", help="add the facts (and sources) of a TOML file written in data/'s format")
    add.add_argument("file", type=Path, help="a .toml file with [[fact]] blocks (and optional [[source]] blocks)")
    add_library_option(add)
    lst = lib_sub.add_parser("list", help="list the library's facts, sources, datasets and charts")
    add_library_option(lst)
    rm = lib_sub.add_parser("remove", help="remove one of your facts")
    rm.add_argument("id", help="the fact id (user.…)")
    add_library_option(rm)


def library_folder(args: argparse.Namespace, err=_err) -> Path | None:
    from nap_desktop.core.catalog.library import resolve_library

    folder = resolve_library(getattr(args, "library", None))
    if folder is None:
        err("give the library folder: --library DIR (or set NAP_LIBRARY)")
    return folder


def run_library(args: argparse.Namespace) -> int:
    from nap_desktop.core.catalog.library import LibraryError, add_fact, add_source, list_items, remove_fact, user_id
    from nap_desktop.exporters.textsafe import for_terminal

    folder = library_folder(args)
    if folder is None:
        return 2
    try:
        if args.library_command == "list":
            items = list_items(folder)
            for item in items:
                print(f"{item.kind}\t{for_terminal(item.id)}\t{for_terminal(item.title)}")
            if not items:
                print(f"(the library {folder} is empty)")
            return 0
        if args.library_command == "remove":
            remove_fact(folder, args.id)
            print(f"removed {for_terminal(args.id)}")
            return 0
        try:
            data = tomllib.loads(args.file.read_text(encoding="utf-8"))
        except OSError as exc:
            _err(f"cannot read {args.file}: {exc.strerror or exc}")
            return 2
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            _err(f"{args.file} is not a TOML file in data/'s format: {exc}")
            return 1
        facts = data.get("fact", [])
        sources = data.get("source", [])
        if not isinstance(facts, list) or not facts:
            _err(f"{args.file} has no [[fact]] block")
            return 1
        renamed: dict[str, str] = {}
        for block in sources if isinstance(sources, list) else []:
            old = str(block.get("id", ""))
            renamed[old] = add_source(folder, {**block, "id": user_id(old) if old else ""})
        for block in facts:
            block = dict(block)
            block["sources"] = [renamed.get(s, s) if isinstance(s, str) else s for s in block.get("sources", [])]
            fid = add_fact(folder, block)
            print(f"added {for_terminal(fid)}")
        return 0
    except LibraryError as exc:
        lang = getattr(args, "lang", None) or "en"
        for problem in exc.texts(lang):
            print(for_terminal(problem), file=sys.stderr)
        n = f"{len(exc.problems):,}"
        s = "" if len(exc.problems) == 1 else "s"
        _err(f"{n} problema{s}; el elemento que falló no cambió nada" if lang == "es"
             else f"{n} problem{s}; nothing was changed by the failing item")
        return 1
