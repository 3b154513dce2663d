"""One rule for an item's figures in the pack list, the presenter and the export: the copy the pack
saved (issue 26). A pack opened without the user's library shows its copies, marked, not red 'missing';
after a bundled value changes, all three show the pack's copy, the list marks it and the export says
which items differ; `export --strict` refuses items the catalog lacks."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nap_desktop.core.pack.packfile import Pack, PackItem, load_pack, save_pack

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]
USER_FACT = {
    "section": "usmca", "topic": "trade", "countries": ["US"], "value": 12, "unit": "pct", "period": "2025",
    "text_en": "Quuxtown firms sell 12% of their output to Mexico.", "text_es": "",
    "sources": [{"publisher": "Quuxtown Chamber of Commerce", "title": "Member survey 2025",
                 "url": "https://quuxtown.example.org/survey-2025.pdf", "date": "2025-11-01", "status": "report"}]}


def cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NAP_LIBRARY"}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CONFIG_HOME=str(home / ".config"))
    return subprocess.run([sys.executable, "-m", "nap_desktop", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=180)


def a_window(qtbot, catalog, settings_dir):
    from nap_desktop.ui.main_window import MainWindow
    from nap_desktop.ui.pack import file_controller

    win = MainWindow(catalog, settings_dir=settings_dir, lang="en")
    win.file_controller.confirm_discard = lambda: file_controller.DISCARD
    win.file_controller.show_info = lambda *a: None
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def pack_rows(win) -> list[tuple[str, object]]:
    model = win.pack_panel.list_view.model()
    return [(model.data(model.index(r, 0)), model.data(model.index(r, 0), Qt.ItemDataRole.ForegroundRole))
            for r in range(model.rowCount())]


def caption_notes(win) -> list[str]:
    """What the list's delegate writes on each item's caption line beside DATO/FACT."""
    from nap_desktop.ui.pack.pack_model import COPY_NOTE_ROLE

    model = win.pack_panel.list_view.model()
    return [model.data(model.index(r, 0), COPY_NOTE_ROLE) for r in range(model.rowCount())]


@pytest.fixture
def user_pack(tmp_path) -> tuple[Path, str]:
    """A pack saved from a window with the user's library (so it carries the user fact's copy)."""
    from nap_desktop.core.catalog.library import add_fact, init_library, load_catalog_with_library
    from nap_desktop.core.pack.snapshot import with_copies

    library = init_library(tmp_path / "library")
    fid = add_fact(library, USER_FACT)
    catalog = load_catalog_with_library(library)
    path = tmp_path / "colleague.napbrief"
    save_pack(with_copies(Pack(title="Quuxtown", items=(PackItem(kind="fact", ref=fid),)), catalog), path)
    return path, fid


def test_without_the_library_the_list_shows_the_copy_marked_not_missing(qtbot, catalog, settings_dir, user_pack):
    path, _fid = user_pack
    win = a_window(qtbot, catalog, settings_dir)
    assert win.file_controller.open_path(path)
    (text, colour), = pack_rows(win)
    assert "Quuxtown firms sell 12%" in text and "12%" in text
    assert "[copy saved in the pack]" in text and "missing" not in text
    assert colour is None  # not the red of a missing item
    assert caption_notes(win) == ["pack copy"]
    # the presenter's slide says the same
    from nap_desktop.core.deck import compose_deck

    slides = compose_deck(win.document.pack, win.pack_catalog(), lang="en")
    assert any("Quuxtown" in " ".join(str(v) for v in dataclasses.asdict(s).values()) for s in slides)


def test_strict_export_refuses_items_the_catalog_lacks(tmp_path, user_pack):
    path, fid = user_pack
    out = tmp_path / "deck.pptx"
    done = cli("export", str(path), "--pptx", str(out), "--strict", home=tmp_path / "home")
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert fid in done.stderr and "not in the catalog" in done.stderr and not out.exists()
    done = cli("export", str(path), "--pptx", str(out), home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert out.is_file() and "export from the pack's copy" in done.stderr and fid in done.stderr


def test_after_a_bundled_value_changes_list_presenter_and_export_agree_and_the_export_says_so(
        qtbot, catalog, settings_dir, tmp_path):
    from nap_desktop.core.deck import compose_deck
    from nap_desktop.core.pack.snapshot import copy_of

    fact = next(f for f in catalog.facts if f.value is not None and f.unit == "usd_bn" and f.value >= 10)
    item = PackItem(kind="fact", ref=fact.id)
    saved = dict(copy_of(item, catalog))
    saved["value"] = round(fact.value - 7.5, 1)  # the pack was saved before the data changed
    path = tmp_path / "older.napbrief"
    save_pack(Pack(title="Older", items=(PackItem(kind="fact", ref=fact.id, copy=saved),)), path)

    win = a_window(qtbot, catalog, settings_dir)
    win.library = None
    assert win.file_controller.open_path(path)
    (text, _colour), = pack_rows(win)
    from nap_desktop.core.formatting import format_value

    old = format_value(saved["value"], "usd_bn", "en", decimals=fact.decimals)
    new = format_value(fact.value, "usd_bn", "en", decimals=fact.decimals)
    assert text.startswith(old) and not text.startswith(new), text  # the headline figure (the text says its own)
    assert "[the catalog now has another version]" in text and caption_notes(win) == ["catalog differs"]
    fields = [v for s in compose_deck(win.document.pack, win.pack_catalog(), lang="en")
              for v in dataclasses.asdict(s).values() if isinstance(v, str)]
    assert old in fields and new not in fields  # the slide's headline figure is the pack's

    done = cli("export", str(path), "--xlsx", str(tmp_path / "older.xlsx"), home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert "1 item differs from the catalog" in done.stderr and fact.id in done.stderr
    assert f"pack {old}" in done.stderr and f"catalog {new}" in done.stderr
