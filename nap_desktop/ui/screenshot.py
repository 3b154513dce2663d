"""`nap-desktop screenshot OUT.png [--view cards|detail:FACT_ID|charts|sources|chart:ID|states[:STATE]|pack] [--lang] [--size] [--pack]`.

Renders the real main window offscreen (no display needed) into a PNG and exits. Uses a throw-away
settings folder, so it never reads or changes the user's configuration or recovery file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(p) for p in text.lower().split("x"))
    except ValueError as exc:
        raise ValueError(f"--size must look like 1280x720, not {text!r}") from exc
    if w < 320 or h < 240:
        raise ValueError(f"--size {text} is too small (at least 320x240)")
    return w, h


def run_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out)
    try:
        width, height = _parse_size(getattr(args, "size", "1280x800") or "1280x800")
    except ValueError as exc:
        print(f"nap-desktop screenshot: {exc}", file=sys.stderr)
        return 2
    view = getattr(args, "view", "cards") or "cards"
    lang = getattr(args, "lang", "en") or "en"

    from nap_desktop.ui.app import create_application

    app = create_application()
    from nap_desktop.core.catalog.loader import CatalogError, load_catalog
    from nap_desktop.ui.main_window import MainWindow

    library = getattr(args, "library", None)
    try:
        if library is not None:  # the window as it shows this library's items
            from nap_desktop.core.catalog.library import load_catalog_with_library

            catalog = load_catalog_with_library(library)
        else:
            catalog = load_catalog()
    except CatalogError as exc:
        print(f"nap-desktop screenshot: the catalog {'or the library ' if library else ''}does not load.\n{exc}",
              file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="nap-shot-") as tmp:
        window = MainWindow(catalog, settings_dir=Path(tmp), lang=lang)
        window.set_language(lang)
        window.resize(width, height)
        pack = getattr(args, "pack", None)
        # Offscreen there is nobody to click a message box: report on stderr instead of blocking.
        def _report(title: str, text: str) -> None:
            print(f"nap-desktop screenshot: {title}: {text}", file=sys.stderr)

        window.file_controller.show_info = _report
        window.file_controller.show_error = _report

        def _open_locked(path: Path, info) -> bool:  # a picture reads the pack, never edits it: open, say so
            who = getattr(info, "user", "") or "?"
            _report("the pack is open in another window", f"{path} (by {who}); the picture shows the file as saved")
            return True

        window.file_controller.ask_open_locked = _open_locked
        if pack is not None and not window.open_pack(Path(pack)):
            print(f"nap-desktop screenshot: cannot open the pack {pack}", file=sys.stderr)
            return 1
        window.show()
        app.processEvents()
        if view == "cards":
            pass
        elif view.startswith("detail:"):
            fact_id = view.split(":", 1)[1]
            if catalog.fact(fact_id) is None:
                print(f"nap-desktop screenshot: no fact {fact_id!r} in the catalog", file=sys.stderr)
                return 2
            window.open_detail(fact_id)
        elif view == "pack":
            if pack is None and not window.document.pack.items:
                _example_pack(window, catalog)
            window.show_pack()
            window.pack_panel.select_row(0)
        elif view in ("charts", "sources") or view.startswith(("charts:", "sources:")):  # the browse views
            name, _, pick = view.partition(":")
            page = window.browse.show_charts() if name == "charts" else window.browse.show_sources()
            if pick:
                page.filter_field.setText(pick)
        elif view.startswith("chart:"):
            if window.open_chart(view.split(":", 1)[1]) is None:
                print(f"nap-desktop screenshot: no chart {view.split(':', 1)[1]!r} in the catalog", file=sys.stderr)
                return 2
        elif view == "states" or view.startswith("states:"):  # the States view, a state's brief shown
            page = window.states.show()
            code = view.partition(":")[2]
            if code:
                from nap_desktop.core.catalog.states import UnknownState, resolve_state

                try:
                    page.show_state(resolve_state(code).code)
                except UnknownState:
                    print(f"nap-desktop screenshot: no state {code!r}", file=sys.stderr)
                    return 2
        elif view == "present" or view.startswith("present:"):  # slide N (from 1) as the audience sees it
            if pack is None and not window.document.pack.items:
                _example_pack(window, catalog)
        else:
            print(f"nap-desktop screenshot: unknown --view {view!r} (cards, detail:FACT_ID, charts[:FILTER], sources[:FILTER], chart:CHART_ID, states[:STATE], pack or present[:N])",
                  file=sys.stderr)
            return 2
        for _ in range(3):  # let layouts with word-wrapped labels settle
            app.processEvents()
        if view.startswith("present"):
            from nap_desktop.ui.present.presenter import render_present_view

            try:
                from nap_desktop.core.pack.snapshot import catalog_for_pack

                pack = window.document.pack  # the pack's copies: it presents as saved, with no library
                image = render_present_view(view, pack, catalog_for_pack(pack, catalog), lang, (width, height))
            except (ValueError, IndexError) as exc:
                print(f"nap-desktop screenshot: {exc}", file=sys.stderr)
                return 2
        else:
            image = window.grab()
        if not out.parent.is_dir():  # never a folder the user did not ask for
            print(f"nap-desktop screenshot: the folder {out.parent} does not exist", file=sys.stderr)
            return 2
        if not image.save(str(out), "PNG"):
            print(f"nap-desktop screenshot: cannot write {out}", file=sys.stderr)
            return 1
        window.document.replace_pack(window.document.pack, None, dirty=False)  # nothing to ask on close
        window.file_controller._lock_pack(None)  # the lock this window took beside the pack goes with it
        window.close()
    print(f"wrote {out} ({image.width()}x{image.height()}, view {view}, {lang})")
    return 0


def _example_pack(window, catalog) -> None:
    """Fill the pack with the first facts of each section (and a chart) so the pack view shows something."""
    doc = window.document
    doc.set_meta(title="USMCA joint review briefing" if window.lang == "en" else "Revisión conjunta del T-MEC",
                 audience="Congressional staff" if window.lang == "en" else "Personal del Congreso")
    for section in catalog.sections[:3]:
        facts = catalog.facts_in(section.id)
        if facts:
            doc.add_divider(section.title(window.lang))
            doc.add_fact(facts[0].id)
    chart = next((f.chart for f in catalog.facts if f.chart), None)
    if chart:
        doc.add_chart(chart)
