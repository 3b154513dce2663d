"""In the Spanish window, what the user library refuses is said in Spanish: gestures (shortcut, typing,
clicks) on the New fact and Import dialogs, and the messages checked for English words from the
English templates of core/catalog/messages.py (ids, file names and URLs the user typed aside)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_fact_editor import focus, open_library_window, pick, type_fact
from tests.ui.test_import_dialog import open_import

pytestmark = pytest.mark.gui


def english_words() -> set[str]:
    """Words of the English templates (core messages, loader patterns, the dialogs' "missing" list)
    that Spanish never uses: one of them in a Spanish message means it was not translated."""
    from nap_desktop.core.catalog import messages

    english = " ".join(en for en, _es in messages.TEMPLATES.values())
    english += " " + " ".join(re.sub(r"\(\?P<\w+>|\\.|[()\[\]?*+|^$]", " ", rx)
                              for rx, _ in messages.LOADER_PATTERNS + messages.PACK_PATTERNS)
    english += " still needed at least one source publisher title date status statement english saved"
    spanish = " ".join(es for _en, es in messages.TEMPLATES.values())
    spanish += " " + " ".join(es for _rx, es in messages.LOADER_PATTERNS + messages.PACK_PATTERNS)
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", english)}
    allowed = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", spanish)}
    allowed |= {"url", "toml", "csv", "http", "https", "official", "report", "secondary", "text_en", "xlsx"}
    return words - allowed


def untranslated(text: str, *typed: str) -> set[str]:
    """English template words in ``text``, leaving out ids, paths, URLs and what the user typed."""
    for value in typed:
        text = text.replace(value, " ")
    text = re.sub(r"\S*[./_:-]\S*", " ", text)  # user.x-y ids, facts/x.toml, https://…
    return {w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in english_words()}


@pytest.fixture
def spanish():
    from nap_desktop.ui.i18n import translations

    yield "es"
    translations().set_language("en")


def error_box(qtbot, controller) -> QMessageBox:
    qtbot.waitUntil(lambda: controller.window.findChild(QMessageBox, "LibraryError") is not None
                    and controller.window.findChild(QMessageBox, "LibraryError").isVisible(), timeout=5000)
    return controller.window.findChild(QMessageBox, "LibraryError")


def test_a_fact_without_a_source_then_with_a_homepage_url_is_refused_in_spanish(qtbot, tmp_path, settings_dir,
                                                                               spanish):
    from nap_desktop.ui.library.fact_editor import FactEditor

    win, controller, library = open_library_window(qtbot, tmp_path, settings_dir, spanish)
    focus(qtbot, win.search_field)
    QTest.keyClick(win.search_field, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, FactEditor) and controller.dialog.isVisible())
    dialog = controller.dialog
    statement = "Zeppelinville shipped USD 1,234.5 million of goods to Mexico in 2025."
    type_fact(dialog, statement_en=statement)

    # no source: the click on Save does nothing, and the dialog says in Spanish what is missing
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert controller.dialog is dialog and dialog.isVisible()
    missing = dialog.missing_label.text()
    assert "al menos una fuente" in missing, missing
    assert not untranslated(missing), missing
    assert not list((library / "facts").glob("*.toml"))

    # a complete source whose URL is a site's front page: the library refuses it, in Spanish, naming
    # the file and line it would have written
    form = dialog.source_form
    QTest.keyClicks(form.publisher, "Iowa Economic Development Authority")
    QTest.keyClicks(form.title, "Iowa exports to Mexico by product")
    QTest.keyClicks(form.url, "https://www.iowaeda.com/")
    QTest.keyClicks(form.date, "2026-02-15")
    pick(form.status, "official")
    assert dialog.save_button.isEnabled(), dialog.missing_label.text()
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = error_box(qtbot, controller)
    text = box.text()
    assert box.windowTitle() == "Su dato no se guardó", box.windowTitle()
    assert "página de inicio" in text and "línea" in text, text
    assert not untranslated(text, "Iowa Economic Development Authority"), text
    assert not list((library / "facts").glob("*.toml")) and not list((library / "sources").glob("*.toml"))
    # nothing typed is lost: the dialog is still open on the fact, the user fixes the URL and saves
    assert controller.dialog is dialog and dialog.isVisible()
    assert dialog.text_en.toPlainText() == statement and dialog.source_form.publisher.text().startswith("Iowa")
    QTest.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    form.url.selectAll()
    QTest.keyClicks(form.url, "https://www.iowaeda.com/international/export-data/2025")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert len(list((library / "facts").glob("*.toml"))) == 1


def test_a_csv_with_a_bad_cell_and_a_taken_title_are_reported_in_spanish(qtbot, tmp_path, settings_dir, spanish):
    win, controller, library = open_library_window(qtbot, tmp_path, settings_dir, spanish)
    dialog = open_import(qtbot, win, controller)
    path: Path = tmp_path / "exports.csv"
    path.write_text("State,Exports 2023,Exports 2024\nTexas,\"1,234.5\",1300\nOhio,12x,\nIowa,300,310\n",
                    encoding="utf-8")
    dialog.ask_path = lambda *_a: path
    QTest.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    listed = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert listed == ["Fila 3, columna “Exports 2023”: “12x” no es un número"], listed
    assert not untranslated(dialog.problems_label.text() + " " + dialog.missing_label.text())

    # a file that is not a workbook: said in Spanish, with the reader's reason
    broken = tmp_path / "roto.xlsx"
    broken.write_bytes(b"not a zip")
    dialog.ask_path = lambda *_a: broken
    QTest.mouseClick(dialog.xlsx_button, Qt.MouseButton.LeftButton)
    assert "no es un libro de Excel" in dialog.empty_label.text(), dialog.empty_label.text()
    assert not untranslated(dialog.empty_label.text(), "roto.xlsx")

    # the good table, saved once; the same title again is refused by the library, in Spanish
    def import_good(dialog) -> None:
        good = tmp_path / "good.csv"
        good.write_text("State,Exports 2023\nTexas,\"1,234.5\"\nOhio,456\n", encoding="utf-8")
        dialog.ask_path = lambda *_a: good
        QTest.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
        QTest.keyClicks(dialog.title_en, "Exports to Mexico by state")
        pick(dialog.unit, "usd_mn")
        form = dialog.source_form
        QTest.keyClicks(form.publisher, "U.S. Census Bureau")
        QTest.keyClicks(form.title, "State Exports by NAICS Commodities")
        QTest.keyClicks(form.url, "https://www.census.gov/foreign-trade/statistics/state/data/index.html")
        QTest.keyClicks(form.date, "2026-02-05")
        pick(form.status, "official")
        assert dialog.save_button.isEnabled(), dialog.missing_label.text()
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    import_good(dialog)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert not controller.last_error
    import_good(open_import(qtbot, win, controller))
    box = error_box(qtbot, controller)
    assert "ya hay un conjunto de datos, una gráfica o un dato con este identificador" in box.text(), box.text()
    assert not untranslated(box.text()), box.text()
    assert len([c for c in win.catalog.charts.values() if c.origin == "user"]) == 1
    # the refused import keeps its dialog, with the table and everything chosen: another title saves it
    again = controller.dialog
    assert again is not None and again.isVisible() and again.table is not None
    QTest.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    QTest.keyClicks(again.title_en, ", 2025")
    QTest.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert len([c for c in win.catalog.charts.values() if c.origin == "user"]) == 2


@pytest.mark.parametrize("content, phrase", [
    ('{"format": "napbrief", "version": 1, "title": "Tru', "está dañado o incompleto (línea 1: texto sin cerrar)"),
    ('{"format": "napbrief", "version": 99, "items": []}', "una versión más reciente de NAP Briefing (formato 99"),
    ('{"hello": "world"}', "Este no es un archivo de paquete de NAP Briefing"),
    ('{"format": "napbrief", "version": 2, "items": [7]}', "el elemento 1 no es un dato, una gráfica, una nota ni un separador (hay un número)"),
])
def test_a_pack_that_does_not_open_says_why_in_spanish(qtbot, tmp_path, settings_dir, spanish, content, phrase):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, spanish)
    files = win.file_controller
    bad = tmp_path / "malo.napbrief"
    bad.write_text(content, encoding="utf-8")
    shown: list[tuple[str, str]] = []
    files.ask_open_path = lambda: bad
    files.show_error = lambda title, message: shown.append((title, message))  # instead of the modal box
    focus(qtbot, win.search_field)
    QTest.keySequence(win, QKeySequence.StandardKey.Open)
    qtbot.waitUntil(lambda: bool(shown))
    title, message = shown[-1]
    assert phrase in message, message
    assert not untranslated(title + " " + message, "malo.napbrief", "NAP Briefing"), message
