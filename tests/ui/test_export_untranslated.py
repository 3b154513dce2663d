"""Export dialog: choosing Spanish for a pack with a user fact left without Spanish says so before writing."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exporters"))
from fixture_catalog import make_catalog  # noqa: E402

from nap_desktop.core.pack.packfile import Pack, PackItem  # noqa: E402
from nap_desktop.ui.export.export_dialog import ExportDialog  # noqa: E402


@pytest.fixture
def dialog(qtbot, tmp_path, settings_dir):
    cat = make_catalog()
    fact = cat.facts[0]
    user = replace(fact, id="user.survey", text_es="", title_es="", title_en="Members added 1,200 jobs",
                   origin="user")
    cat = replace(cat, facts=(*cat.facts, user))
    pack = Pack(title="Survey", lang="en", items=(PackItem("fact", user.id, uid="u1"),
                                                   PackItem("fact", fact.id, uid="f1")))
    dlg = ExportDialog(pack, cat, None, settings_dir=settings_dir)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _click(button) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_spanish_export_names_the_untranslated_items_before_writing(dialog, qtbot):
    assert not dialog.untranslated_note.isVisible()  # English: nothing to say
    _click(dialog.lang_buttons["es"])
    assert dialog.lang == "es"
    assert dialog.untranslated_note.isVisible()
    text = dialog.untranslated_note.text()
    assert "Members added 1,200 jobs" in text and "[sin traducir]" in text and text.startswith("One item has")
    _click(dialog.lang_buttons["en"])
    assert not dialog.untranslated_note.isVisible()


def test_the_note_is_in_spanish_under_the_spanish_interface(qtbot, tmp_path, settings_dir, monkeypatch):
    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    try:
        cat = make_catalog()
        user = replace(cat.facts[0], id="user.survey", text_es="", title_es="", origin="user")
        cat = replace(cat, facts=(*cat.facts, user))
        dlg = ExportDialog(Pack(title="t", lang="en", items=(PackItem("fact", user.id, uid="u1"),)), cat, None,
                           settings_dir=settings_dir)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        _click(dlg.lang_buttons["es"])
        assert "no tiene texto en español" in dlg.untranslated_note.text()
    finally:
        translations().set_language("en")
