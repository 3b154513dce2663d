"""`nap-desktop export`: a pack file or a selection of the catalog -> .pptx / .xlsx / chart images.

Exit codes: 0 written; 1 the export failed (message names the file; existing files untouched);
2 the command was incomplete or named something that does not exist.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from typing import Any


def _err(message: str) -> None:
    print(f"nap-desktop export: {message}", file=sys.stderr)


def export_clock() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds: same pack + clock = same content)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def _missing_items(pack: Any, catalog: Any, lang: str) -> list[str]:
    """The refs of the pack items the deck can only show as 'missing' (in pack order)."""
    from nap_desktop.core.deck import compose_deck

    return [s.ref for s in compose_deck(pack, catalog, lang=lang) if s.kind == "missing"]


def _report_copies(pack: Any, catalog: Any) -> list[str]:
    """Say which items export from the pack's copy rather than the catalog (the one rule the window,
    the presenter and the export follow: an item shows what the pack saved): those the catalog lacks,
    and those whose catalog version now differs (a bundled value changed), with both figures.
    Returns the refs not in the catalog."""
    from nap_desktop.core.pack.snapshot import diff_pack

    changes = diff_pack(pack, catalog)
    missing = [c.ref for c in changes if c.status == "missing"]
    updated = [c for c in changes if c.status == "updated"]
    if missing:
        print(f"note: {_items(len(missing), 'is', 'are')} not in the catalog and export from the pack's copy: "
              + ", ".join(missing), file=sys.stderr)
    if updated:
        print(f"note: {_items(len(updated), 'differs', 'differ')} from the catalog and export as the pack saved "
              + ("it" if len(updated) == 1 else "them") + " (opening the pack in the window offers the "
              "catalog's version): " + "; ".join(f"{c.ref}: pack {c.old_value}, catalog {c.new_value}" for c in updated),
              file=sys.stderr)
    return missing


def catalog_for_export(pack: Any, catalog: Any) -> tuple[Any, list[str]]:
    """The catalog a saved pack exports from, and the items exported from its copies because the catalog
    lacks them (said on stderr). A state brief's figures are made from the state datasets; every item then
    exports as the pack's copy shows it. The acceptance check (tests/acceptance) exports through this too."""
    from nap_desktop.core.pack.snapshot import catalog_for_pack

    if getattr(pack, "state", ""):
        from nap_desktop.core.pack.state_brief import state_catalog

        try:
            catalog = state_catalog(catalog, pack.state)
        except LookupError:  # a state these datasets lack (UnknownState): its items export from the copies
            pass
    not_in_catalog = _report_copies(pack, catalog)
    return catalog_for_pack(pack, catalog), not_in_catalog


def run_export(args: Any) -> int:
    from nap_desktop.core.catalog.loader import CatalogError
    from nap_desktop.core.pack.packfile import PackFileError, load_pack
    from nap_desktop.core.pack.selection import SelectionError, pack_all, pack_ids, pack_section
    from nap_desktop.exporters import ExportError

    outputs = {"pptx": args.pptx, "xlsx": args.xlsx, "pdf": getattr(args, "pdf", None),
               "bundle": getattr(args, "bundle", None)}
    images = {"png": getattr(args, "png", None), "svg": getattr(args, "svg", None)}
    if not any(outputs.values()) and not any(images.values()):
        _err("nothing to write: give --pptx, --xlsx, --pdf or --bundle FILE (or --png/--svg FILE with --chart ID)")
        return 2
    selection = args.all or args.section or args.ids
    if any(outputs.values()) and not (args.pack or selection):
        _err("give a pack file (.napbrief) or a selection: --all, --section S or --ids A,B")
        return 2
    if args.pack and selection:
        _err("give either a pack file or a selection (--all / --section / --ids), not both")
        return 2
    if any(images.values()) and not args.chart:
        _err("--png and --svg draw one chart: name it with --chart ID")
        return 2
    from nap_desktop.core.catalog.library import load_catalog_with_library, resolve_library

    try:
        catalog = load_catalog_with_library(resolve_library(getattr(args, "library", None)))
    except CatalogError as exc:
        _err(f"the catalog or the library does not validate; nothing was exported.\n{exc}")
        return 1
    pack = None
    not_in_catalog: list[str] = []
    try:
        if args.pack:
            pack = load_pack(args.pack)
            catalog, not_in_catalog = catalog_for_export(pack, catalog)
        lang = args.lang or (pack.lang if pack else "en")
        if pack is None and selection:
            if args.all:
                pack = pack_all(catalog, lang=lang)
            elif args.section:
                pack = pack_section(catalog, args.section, lang=lang)
            else:
                pack = pack_ids(catalog, args.ids.split(","), lang=lang)
    except PackFileError as exc:
        _err(f"{args.pack}: {exc}")
        return 2
    except SelectionError as exc:
        _err(str(exc))
        return 2

    untranslated = [i.ref for i in pack.items if i.kind == "fact" and catalog.fact(i.ref) is not None
                    and catalog.fact(i.ref).untranslated(lang)] if pack is not None else []
    if untranslated:  # a user fact without Spanish text: its English text is shown instead
        print(f"note: {_items(len(untranslated), 'has', 'have')} no Spanish text and show the English one: "
              + ", ".join(untranslated), file=sys.stderr)
    missing = _missing_items(pack, catalog, lang) if pack is not None else []
    if missing:  # the deck shows a "missing item" slide for each; the user hears it before the meeting
        _err(f"{_items(len(missing), 'is', 'are')} of the pack not in the catalog, exported as 'missing' placeholders: "
             + ", ".join(missing))
        if getattr(args, "strict", False):
            _err("--strict: nothing was written")
            return 1
    if not_in_catalog and getattr(args, "strict", False):  # exported from the pack's copies, but --strict
        _err(f"--strict: {_items(len(not_in_catalog), 'is', 'are')} not in the catalog: "
             + ", ".join(not_in_catalog) + "; nothing was written")
        return 1
    now = export_clock()
    status = 0
    try:
        write_outputs(pack, catalog, lang=lang, now=now, pptx=args.pptx, xlsx=args.xlsx, pdf=outputs["pdf"],
                      bundle=outputs["bundle"], paper=getattr(args, "paper", None), template=args.template,
                      talking_points=bool(getattr(args, "talking_points", False)))
        if any(images.values()):
            spec = catalog.charts.get(args.chart)
            if spec is None:
                _err(f"there is no chart {args.chart!r} in the catalog (list them with `nap-desktop catalog --json`)")
                return 2
            if images["svg"]:
                from nap_desktop.exporters.svg_chart import export_svg

                export_svg(spec, catalog, images["svg"], lang=lang)
                print(f"wrote {images['svg']}")
            if images["png"]:
                from nap_desktop.ui.export.chart_image import export_png  # Qt only when a PNG is asked for

                export_png(spec, catalog, images["png"], lang=lang)
                print(f"wrote {images['png']}")
    except ExportError as exc:
        _err(str(exc))
        status = 1
    return status


def write_outputs(pack: Any, catalog: Any, *, lang: str, now: datetime, pptx: Any = None, xlsx: Any = None,
                  pdf: Any = None, bundle: Any = None, paper: str | None = None, template: Any = None,
                  talking_points: bool = False) -> None:
    """Write the deck, workbook, handout and bundle asked for, in that order, saying each. On failure an
    ExportError whose message also says which files were written and which were not (each file is written
    whole or not at all: exporters/files.write_atomically)."""
    def deck(dest):
        from nap_desktop.exporters.pptx_exporter import export_pptx

        export_pptx(pack, catalog, dest, lang=lang, now=now, template=template)

    def book(dest):
        from nap_desktop.exporters.xlsx_exporter import export_xlsx

        export_xlsx(pack, catalog, dest, lang=lang, now=now)

    def handout(dest):
        from nap_desktop.exporters.handout_pdf import export_pdf

        export_pdf(pack, catalog, dest, lang=lang, now=now, paper=paper, talking_points=talking_points)

    def zipped(dest):
        from nap_desktop.exporters.bundle import export_bundle

        export_bundle(pack, catalog, dest, lang=lang, now=now, paper=paper, template=template)

    from nap_desktop.exporters import ExportError

    steps = [(dest, writer) for dest, writer in ((pptx, deck), (xlsx, book), (pdf, handout), (bundle, zipped)) if dest]
    written: list[str] = []
    for n, (dest, writer) in enumerate(steps):
        try:
            writer(dest)
        except ExportError as exc:
            left = [str(d) for d, _ in steps[n:]]
            said = (f" Written: {', '.join(written)}." if written else " Nothing was written.") + \
                   f" Not written: {', '.join(left)}."
            raise ExportError(str(exc).rstrip() + said, kept=exc.kept) from exc
        written.append(str(dest))
        print(f"wrote {dest}")


def _items(n: int, one_verb: str, many_verb: str) -> str:
    """'1 item has' / '3 items have': no 'item(s)' in what a user reads."""
    return f"1 item {one_verb}" if n == 1 else f"{n:,} items {many_verb}"
