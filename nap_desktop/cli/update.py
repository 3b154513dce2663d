"""`nap-desktop update FILE... [--library DIR] [--dry-run] [--json] [--strict] | --list | --remove ID`

Brings the catalog's figures up to date from the agencies' own download files (FRED, BTS
TransBorder, USDA ERS, Statistics Canada), recognised by their content. The review is printed
first; then the accepted rows are stored in the user library as a layer over the bundled data
(data/ is never written), each row sourced to its file.

    --dry-run        print the review, change nothing
    --json           the review (and what was applied) as JSON
    --strict         when any row is refused, apply nothing and exit 1
    --series KEY     accept only this series (repeatable; the keys are printed in the review)
    --pack FILE      also say which items of this saved pack would change (repeatable)
    --list           one applied update a line, its id first
    --remove ID      take one applied update out (the previous values come back exactly)

Exit codes: 0 applied, or nothing to do; 1 rows were refused under --strict, or a layer could not be
written or removed; 2 a file in a format the app does not know, a file that cannot be read, or an
incomplete command (nothing is changed in either case).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    up = sub.add_parser("update", help="update the figures from an agency's download file (FRED, BTS, ERS, StatCan)")
    up.add_argument("files", nargs="*", type=Path, help="the agency's download files (CSV or ZIP)")
    up.add_argument("--library", type=Path, default=None,
                    help="the user library folder (default: $NAP_LIBRARY, else the app's data folder)")
    up.add_argument("--dry-run", action="store_true", help="print the review and change nothing")
    up.add_argument("--json", action="store_true", help="print the review as JSON")
    up.add_argument("--strict", action="store_true", help="apply nothing and exit 1 when any row is refused")
    up.add_argument("--series", action="append", default=None, metavar="KEY",
                    help="accept only this series of the review (repeatable)")
    up.add_argument("--pack", action="append", type=Path, default=[], metavar="FILE",
                    help="a saved pack to check for items that would change (repeatable)")
    up.add_argument("--list", action="store_true", help="list the applied updates, one a line, id first")
    up.add_argument("--remove", metavar="ID", default=None, help="take an applied update out")
    up.add_argument("--lang", choices=("en", "es"), default=None, help="language of the review (default: en)")


def _err(message: str) -> None:
    print(f"nap-desktop update: {message}", file=sys.stderr)


def _library(args: argparse.Namespace) -> Path:
    from nap_desktop.core.catalog.library import resolve_library

    folder = resolve_library(args.library)
    if folder is not None:
        return folder
    from nap_desktop.ui.library.library_paths import (
        library_dir,  # the app's own folder (QStandardPaths)
    )

    return library_dir(None)


def run_update(args: argparse.Namespace) -> int:
    lang = args.lang or "en"
    modes = sum(bool(x) for x in (args.files, args.list, args.remove))
    if modes != 1:
        _err("give the agency files to read, or --list, or --remove ID (one of them)")
        return 2
    library = _library(args)
    from nap_desktop.core.catalog.updates.layer import (
        LayerError,
        list_layers,
        remove_layer,
    )

    if args.list:
        layers = list_layers(library)
        if args.json:
            print(json.dumps([layer.record() for layer in layers], ensure_ascii=False, indent=1))
        else:
            for layer in layers:
                print(layer.summary())
            if not layers:
                print(f"(no updates applied in {library})", file=sys.stderr)
        return 0
    if args.remove:
        try:
            removed = remove_layer(library, args.remove)
        except LayerError as exc:
            _err(exc.message)
            return 1
        except OSError as exc:
            _err(f"cannot remove {args.remove}: {exc.strerror or exc}")
            return 1
        print(f"removed {removed.id} ({len(removed.rows):,} rows): the previous values are back")
        return 0

    from nap_desktop.core.catalog.library import load_catalog_with_library
    from nap_desktop.core.catalog.loader import CatalogError
    from nap_desktop.core.catalog.updates import review as rv
    from nap_desktop.core.catalog.updates.report import review_text

    try:
        catalog = load_catalog_with_library(library if library.exists() else None)
    except CatalogError as exc:
        _err(f"the library {library} does not load; fix it first (nap-desktop data check {library}):\n{exc}")
        return 1
    review = rv.review_files(list(args.files), catalog)
    keys = set(args.series) if args.series else None
    if keys:
        unknown = keys - {s.key for s in review.series}
        if unknown:
            _err(f"no series {', '.join(sorted(unknown))} in the review (it has: "
                 f"{', '.join(s.key for s in review.series) or 'none'})")
            return 2
    cannot = bool(review.errors)
    refused = review.all_refused()
    blocked = cannot or (args.strict and bool(refused))
    impacts = None
    try:
        impacts = rv.impacts(review, catalog, keys, args.pack, library if library.exists() else None)
    except Exception as exc:  # noqa: BLE001 - the review itself is still printed
        _err(f"could not work out what the update would change: {type(exc).__name__}: {exc}")
    applied = None
    if not args.dry_run and not blocked:
        try:
            applied = rv.accept(review, catalog, library, keys)
        except (LayerError, OSError) as exc:
            _err(f"the update was not written: {getattr(exc, 'message', None) or getattr(exc, 'strerror', None) or exc}")
            return 1
    code = 2 if cannot else (1 if args.strict and refused else 0)
    if args.json:
        print(json.dumps({"review": review.to_json(), "impacts": impacts.to_json() if impacts else None,
                          "applied": applied.record() if applied else None, "dry_run": args.dry_run,
                          "library": str(library), "exit": code}, ensure_ascii=False, indent=1, default=str))
    else:
        print(review_text(review, impacts, lang, applied=applied, dry_run=args.dry_run or blocked), end="")
    if cannot:
        _err("no se cambió nada: un archivo no se pudo leer como descarga de una agencia (vea arriba)" if lang == "es"
             else "nothing was changed: a file could not be read as an agency download (see above)")
    elif args.strict and refused:
        n = len(refused)
        _err(f"no se cambió nada: {n:,} fila{'s' if n != 1 else ''} rechazada{'s' if n != 1 else ''} (--strict)"
             if lang == "es" else f"nothing was changed: {n:,} row{'s' if n != 1 else ''} refused (--strict)")
    return code
