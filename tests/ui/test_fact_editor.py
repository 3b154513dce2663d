"""New fact / Edit / Delete, driven as a user would (shortcut, typing, clicks), in English and Spanish."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from nap_desktop.paths import resources_dir

pytestmark = pytest.mark.gui

MISSING_SOURCE = {"en": "at least one source", "es": "al menos una fuente"}
MISSING_STATUS = {"en": "the source's status", "es": "el tipo de fuente"}


def open_library_window(qtbot, tmp_path: Path, settings_dir: Path, lang: str):
    from nap_desktop.core.catalog.library import init_library, load_catalog_with_library
    from nap_desktop.ui.pack import file_controller
    from nap_desktop.ui.library.library_controller import install_library
    from nap_desktop.ui.main_window import MainWindow

    library = init_library(tmp_path / "library")
    win = MainWindow(load_catalog_with_library(library), settings_dir=settings_dir, lang="en")
    win.file_controller.confirm_discard = lambda: file_controller.DISCARD
    controller = install_library(win, library)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.set_language(lang)
    return win, controller, library


def focus(qtbot, widget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=1000)


@pytest.fixture(params=["en", "es"])
def lang(request):
    from nap_desktop.ui.i18n import translations

    yield request.param
    translations().set_language("en")


def pick(combo, data) -> None:
    """Choose an item of a (non-editable) combo the keyboard way: focus it, arrow keys to the item."""
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    for _ in range(combo.count() + 1):
        if combo.currentIndex() == target:
            break
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    assert combo.currentData() == data, (combo.itemText(target), combo.currentText())


def type_fact(dialog, *, statement_en: str, statement_es: str = "") -> None:
    QTest.keyClicks(dialog.text_en, statement_en)
    if statement_es:
        QTest.keyClicks(dialog.text_es, statement_es)
    QTest.keyClicks(dialog.value, "1,234.5")
    pick(dialog.unit, "usd_mn")
    QTest.keyClicks(dialog.period, "2025")
    box = dialog.countries["MX"]
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # its tick box
    assert box.isChecked()
    pick(dialog.section, "usmca")


def type_source(dialog, status: bool = True) -> None:
    form = dialog.source_form
    QTest.keyClicks(form.publisher, "Iowa Economic Development Authority")
    QTest.keyClicks(form.title, "Iowa exports to Mexico by product, 2025 release")
    QTest.keyClicks(form.url, "https://www.iowaeda.com/international/export-data/2025")
    QTest.keyClicks(form.date, "2026-02-15")
    if status:
        pick(form.status, "official")


def test_new_fact_by_shortcut_typing_and_save(qtbot, tmp_path, settings_dir, lang):
    from nap_desktop.cli import main as cli_main
    from nap_desktop.ui.library.fact_editor import FactEditor

    win, controller, library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    focus(qtbot, win.search_field)
    QTest.keyClick(win.search_field, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, FactEditor) and controller.dialog.isVisible())
    dialog = controller.dialog
    assert dialog.windowTitle() == {"en": "New fact", "es": "Nuevo dato"}[lang]
    save = dialog.save_button
    assert not save.isEnabled()

    type_fact(dialog, statement_en="Zeppelinville shipped USD 1,234.5 million of goods to Mexico in 2025.")
    # everything but a source: still cannot save, and the dialog says why in its language
    assert not save.isEnabled()
    assert MISSING_SOURCE[lang] in dialog.missing_label.text()
    type_source(dialog, status=False)
    assert not save.isEnabled()
    assert MISSING_STATUS[lang] in dialog.missing_label.text()
    pick(dialog.source_form.status, "official")
    assert save.isEnabled() and not dialog.missing_label.isVisible()

    QTest.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert not controller.last_error

    # the card is there at once, marked as the user's, and search finds it
    user_ids = [i for i in win.card_grid.fact_ids() if i.startswith("user.")]
    assert len(user_ids) == 1
    fact = win.catalog.fact(user_ids[0])
    assert fact.value == 1234.5 and fact.unit == "usd_mn" and fact.countries == ("MX",)
    QTest.keyClicks(win.search_field, "zeppelinville")
    qtbot.waitUntil(lambda: win.card_grid.fact_ids() == user_ids)
    card = win.card_grid.card(user_ids[0])
    assert card is not None and card.yours_label.isVisible()
    # Spanish left empty: the Spanish window shows the English statement, marked as untranslated
    assert card.yours_label.text() == {"en": "Yours", "es": "Propio · sin traducir"}[lang]
    shown = re.sub(r"<[^>]+>", "", card.statement_label.text())  # the search match may be highlighted
    assert shown.startswith("Zeppelinville shipped")

    # the library folder holds a TOML that `nap-desktop data check DIR` accepts
    tomls = list((library / "facts").glob("*.toml"))
    assert len(tomls) == 1 and "Zeppelinville" in tomls[0].read_text(encoding="utf-8")
    assert cli_main(["data", "check", str(library)]) == 0


def test_edit_and_delete_a_user_fact_used_in_the_pack(qtbot, tmp_path, settings_dir, lang):
    from nap_desktop.core.catalog.library import add_fact
    from nap_desktop.ui.library.fact_editor import FactEditor

    win, controller, library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    fid = add_fact(library, {
        "section": "usmca", "topic": "trade", "countries": ["US"], "value": 12, "unit": "pct", "period": "2025",
        "text_en": "Quuxtown firms sell 12% of their output to Mexico.", "text_es": "",
        "sources": [{"publisher": "Quuxtown Chamber of Commerce", "title": "Member survey 2025",
                     "url": "https://quuxtown.example.org/survey-2025.pdf", "date": "2025-11-01", "status": "report"}]})
    controller.reload()
    win.add_fact_to_pack(fid)
    qtbot.waitUntil(lambda: win.card_grid.focus_fact(fid), timeout=2000)  # the grid binds the card on its next layout

    # Edit: the dialog opens on the fact; change the value, save; the card shows the new figure
    controller.edit_fact_action.trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, FactEditor))
    dialog = controller.dialog
    assert dialog.text_en.toPlainText().startswith("Quuxtown")
    assert dialog.source_list.count() == 1 and dialog.save_button.isEnabled()
    dialog.value.selectAll()
    QTest.keyClicks(dialog.value, "14")
    # the value alone no longer agrees with the statement ("12%"): not saved, said why, nothing typed lost
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.last_error is not None and "12" in controller.last_error)
    assert {"en": "is not the figure its text writes (12)",
            "es": "no es la cifra que escribe su texto (12)"}[lang] in controller.last_error
    error_box = dialog.findChild(QMessageBox, "LibraryError")
    assert error_box is not None
    error_box.close()
    assert controller.dialog is dialog and dialog.value.text() == "14"
    assert win.catalog.fact(fid).value == 12
    # the statement says the new figure too: saved; the card shows it
    dialog.text_en.selectAll()
    QTest.keyClicks(dialog.text_en, "Quuxtown firms sell 14% of their output to Mexico.")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert win.catalog.fact(fid).value == 14

    # Delete: the pack uses the fact, so the app asks first; "Keep" changes nothing
    qtbot.waitUntil(lambda: win.card_grid.focus_fact(fid), timeout=2000)  # the grid binds the card on its next layout
    controller.delete_fact_action.trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, QMessageBox))
    box = controller.dialog
    assert {"en": "The open pack uses this fact", "es": "El paquete abierto usa este dato"}[lang] in box.text()
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    QTest.mouseClick(keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert win.catalog.fact(fid) is not None
    controller.delete_fact_action.trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, QMessageBox) and controller.dialog is not box)
    box = controller.dialog
    delete = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    QTest.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.catalog.fact(fid) is None)
    assert fid not in win.card_grid.fact_ids()
    assert not list((library / "facts").glob("*.toml"))
    # the pack still holds the item, with its copy of what it showed
    item = next(i for i in win.document.pack.items if i.ref == fid)
    assert item.copy is not None and item.copy["text_en"].startswith("Quuxtown") and item.copy["value"] == 14


def test_bundled_facts_cannot_be_edited(qtbot, tmp_path, settings_dir):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    first = win.card_grid.fact_ids()[0]
    assert win.card_grid.focus_fact(first)
    controller.edit_fact_action.trigger()
    QApplication.processEvents()
    assert controller.dialog is None
    assert "Only your own facts" in win.statusBar().currentMessage()


def _tr_literals(module: Path, context: str) -> set[str]:
    """The strings the module translates in ``context``: ``Context.tr("...")``."""
    out = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                and isinstance(node.func.value, ast.Name) and node.func.value.id == context):
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out.add(arg.value)
    return out


@pytest.mark.parametrize("module, context", [
    ("library/fact_editor.py", "FactEditor"), ("library/import_dialog.py", "ImportDialog"),
    ("pack/pack_updates.py", "PackUpdatesDialog"), ("library/library_controller.py", "LibraryController")])
def test_every_string_of_the_library_dialogs_has_its_spanish(module, context):
    ui = Path(__file__).resolve().parents[2] / "nap_desktop" / "ui"
    translated = {}
    for ctx in ET.parse(resources_dir() / "i18n" / "nap_es.ts").getroot().iter("context"):
        if ctx.findtext("name") == context:
            for msg in ctx.iter("message"):
                translated[msg.findtext("source")] = msg.findtext("translation") or ""
    literals = _tr_literals(ui / module, context)
    assert literals, f"no {context}.tr() call found in {module}"
    missing = sorted(s for s in literals if not translated.get(s, "").strip())
    assert not missing, f"no Spanish for: {missing}"


def test_library_folder_option_beats_the_environment_which_beats_the_default(tmp_path):
    from nap_desktop.ui.library.library_paths import default_library_dir, library_dir

    assert library_dir(tmp_path / "opt", {"NAP_LIBRARY": str(tmp_path / "env")}) == tmp_path / "opt"
    assert library_dir(None, {"NAP_LIBRARY": str(tmp_path / "env")}) == tmp_path / "env"
    assert library_dir(None, {}) == default_library_dir()
    assert default_library_dir().name == "library"


def test_the_window_opens_on_the_library_and_survives_a_broken_one(tmp_path, monkeypatch):
    from nap_desktop.core.catalog.library import add_fact, init_library
    from nap_desktop.ui.app import load_catalog_for_window

    library = init_library(tmp_path / "library")
    fid = add_fact(library, {
        "section": "usmca", "countries": ["MX"], "value": 3, "unit": "count", "period": "2025",
        "text_en": "Three member firms opened plants in Nuevo León in 2025.", "text_es": "",
        "sources": [{"publisher": "Example Manufacturers Association", "title": "Member survey 2025",
                     "url": "https://example.org/survey-2025", "date": "2025-12-01", "status": "report"}]})
    monkeypatch.setenv("NAP_LIBRARY", str(library))
    catalog, folder, problems = load_catalog_for_window(None)
    assert folder == library and not problems and catalog.fact(fid).origin == "user"
    (library / "facts" / "broken.toml").write_text("[[fact]]\nid = 'user.broken'\n", encoding="utf-8")
    catalog, folder, problems = load_catalog_for_window(None)
    assert problems and catalog.fact(fid) is None and len(catalog.facts) > 100  # bundled catalog still shown
    assert (library / "facts" / "broken.toml").exists()  # nothing in the folder is touched
