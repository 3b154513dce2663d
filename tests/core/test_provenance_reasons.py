"""Why a source has no specific link or date reaches the reader (issue 24): every key a source block of
data/ may hold is carried into the model; the reasons are in both languages (data check requires the
Spanish twin); the workbook's Sources sheet, the slide notes, the bundle's manifest and the Sources view
show them."""

from __future__ import annotations

import dataclasses
import json
import tomllib
import zipfile
from datetime import datetime, timezone

import pytest

from nap_desktop.core.catalog.model import Source
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.paths import data_dir

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)
FACT = "usmca-labor-rrm-workers-2025"  # cites Brookings, which the report names without a title or date


def test_every_key_a_source_block_holds_is_carried_into_the_model():
    fields = {f.name for f in dataclasses.fields(Source)}
    keys = set()
    for path in (data_dir() / "sources").glob("*.toml"):
        for block in tomllib.loads(path.read_text(encoding="utf-8")).get("source", []):
            keys |= set(block)
    assert keys and keys <= fields, f"keys data/ uses that the model drops: {sorted(keys - fields)}"


def test_every_reason_has_its_spanish_and_is_loaded(catalog):
    with_reason = [s for s in catalog.sources.values() if s.no_url_reason or s.no_date_reason]
    assert len(with_reason) >= 15
    for s in with_reason:
        assert s.reasons("en") and s.reasons("es") and s.reasons("es") != s.reasons("en"), s.id
    brookings = catalog.sources["brookings"]
    assert brookings.reasons("es").startswith("El informe cita estos análisis de Brookings sin título ni cuadro")
    assert "naming a specific page would be a guess" in brookings.reasons("en")
    assert "giving a year would be a guess" in brookings.reasons("en") and not brookings.date  # n.d., not a guessed 2025


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_workbook_the_notes_and_the_manifest_say_why(catalog, tmp_path, lang):
    from openpyxl import load_workbook
    from pptx import Presentation

    from nap_desktop.exporters.bundle import MANIFEST, export_bundle, file_stem

    why = catalog.sources["brookings"].reasons(lang)
    pack = Pack(title="Labour", lang=lang, items=(PackItem("fact", FACT, uid="f1"),))
    out = export_bundle(pack, catalog, tmp_path / "b.zip", lang=lang, now=NOW, paper="letter")
    stem = file_stem(pack, lang)
    with zipfile.ZipFile(out) as zf:
        (tmp_path / "w.xlsx").write_bytes(zf.read(f"{stem}.xlsx"))
        (tmp_path / "d.pptx").write_bytes(zf.read(f"{stem}.pptx"))
        manifest = json.loads(zf.read(MANIFEST))
    sheet = load_workbook(tmp_path / "w.xlsx")["Sources" if lang == "en" else "Fuentes"]
    header = [c.value for c in sheet[1]]
    column = header.index("Why no specific link or date" if lang == "en" else "Por qué no hay enlace o fecha específicos")
    rows = {r[0].value: r[column].value for r in sheet.iter_rows(min_row=2)}
    assert rows["brookings"] == why
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(str(tmp_path / "d.pptx")).slides
             if s.has_notes_slide]
    assert any(why in n for n in notes)
    entry = next(s for s in manifest["sources"] if s["id"] == "brookings")
    assert entry["why_no_link_or_date"] == why


def test_the_sources_view_shows_why_on_a_click(qtbot, catalog, settings_dir):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from nap_desktop.ui.main_window import MainWindow

    win = MainWindow(catalog, settings_dir=settings_dir, lang="en")
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    button = win.browse.sources_button
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button.rect().center())
    page = win.browse.sources_page
    QTest.keyClicks(page.filter_field, "Brookings")
    item = page._items["brookings"]
    page.tree.scrollToItem(item)
    QTest.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     page.tree.visualItemRect(item).center())
    assert page.current_source().id == "brookings"
    assert catalog.sources["brookings"].reasons("en") in page.note_label.text() and page.note_label.isVisible()
