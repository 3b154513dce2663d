"""Editing dialogs lose nothing: Enter saves (whichever button has the focus), and Esc, Cancel or the
title bar's close ask before discarding what was typed (issue 26). Driven by keys and clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from tests.ui.test_fact_editor import focus, open_library_window, type_fact, type_source
from tests.ui.test_import_dialog import open_import

pytestmark = pytest.mark.gui


def open_new_fact(qtbot, win, controller):
    from nap_desktop.ui.library.fact_editor import FactEditor

    focus(qtbot, win.search_field)
    QTest.keyClick(win.search_field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, FactEditor) and controller.dialog.isVisible())
    return controller.dialog


def answer_discard_box(button_text: str, seen: list[str]) -> None:
    """When the 'Discard your changes?' box is up, click the button with ``button_text``."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "DiscardChanges":
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, click)


def user_fact_ids(win):
    return [f.id for f in win.catalog.facts if f.id.startswith("user.")]


def test_enter_after_add_this_source_saves_the_fact(qtbot, tmp_path, settings_dir):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    dialog = open_new_fact(qtbot, win, controller)
    type_fact(dialog, statement_en="Zeppelinville shipped USD 1,234.5 million of goods to Mexico in 2025.")
    type_source(dialog)
    QTest.mouseClick(dialog.add_source_button, Qt.MouseButton.LeftButton)
    assert dialog.source_list.count() == 1
    # the focus goes to Save (the "Add this source" button just pressed is disabled now)
    assert dialog.focusWidget() is dialog.save_button
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert len(user_fact_ids(win)) == 1


def test_enter_on_the_focused_cancel_button_saves_too(qtbot, tmp_path, settings_dir):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    dialog = open_new_fact(qtbot, win, controller)
    type_fact(dialog, statement_en="Zeppelinville shipped USD 1,234.5 million of goods to Mexico in 2025.")
    type_source(dialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    focus(qtbot, cancel)
    QTest.keyClick(cancel, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert len(user_fact_ids(win)) == 1  # the source still in the form counts, as the dialog says


def test_enter_in_an_incomplete_form_neither_saves_nor_closes(qtbot, tmp_path, settings_dir):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    dialog = open_new_fact(qtbot, win, controller)
    QTest.keyClicks(dialog.period, "2025")
    QTest.keyClick(dialog.period, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert dialog.isVisible() and dialog.period.text() == "2025" and not user_fact_ids(win)


@pytest.mark.parametrize("how", ["escape", "cancel", "close"])
def test_closing_a_new_fact_with_changes_asks_and_keep_editing_keeps_it(qtbot, tmp_path, settings_dir, how):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    dialog = open_new_fact(qtbot, win, controller)
    QTest.keyClicks(dialog.text_en, "A half-typed statement")

    def close() -> None:
        if how == "escape":
            QTest.keyClick(dialog.text_en, Qt.Key.Key_Escape)
        elif how == "cancel":
            QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
        else:
            dialog.close()  # what the title bar's close button does

    seen: list[str] = []
    answer_discard_box("Keep editing", seen)
    close()
    qtbot.waitUntil(lambda: bool(seen))
    assert "not been saved" in seen[0]
    assert controller.dialog is dialog and dialog.isVisible()
    assert dialog.text_en.toPlainText() == "A half-typed statement"

    answer_discard_box("Discard", seen)
    close()
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert len(seen) == 2 and not user_fact_ids(win)


def test_closing_an_untouched_dialog_does_not_ask(qtbot, tmp_path, settings_dir):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    dialog = open_new_fact(qtbot, win, controller)
    dialog.ask_discard = lambda: pytest.fail("asked although nothing was typed")
    QTest.keyClick(dialog.text_en, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: controller.dialog is None)


def test_spanish_window_asks_in_spanish(qtbot, tmp_path, settings_dir):
    from nap_desktop.ui.i18n import translations

    try:
        win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "es")
        dialog = open_new_fact(qtbot, win, controller)
        QTest.keyClicks(dialog.period, "2025")
        seen: list[str] = []
        answer_discard_box("Seguir editando", seen)
        QTest.keyClick(dialog.period, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: bool(seen))
        assert "no se ha guardado" in seen[0]
        assert dialog.isVisible()
        dialog.ask_discard = lambda: "discard"
        QTest.keyClick(dialog.period, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: controller.dialog is None)
    finally:
        translations().set_language("en")


def test_import_dialog_asks_before_dropping_a_typed_title(qtbot, tmp_path, settings_dir):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    dialog = open_import(qtbot, win, controller)
    QTest.keyClicks(dialog.title_en, "Exports to Mexico by state")
    seen: list[str] = []
    answer_discard_box("Keep editing", seen)
    QTest.keyClick(dialog.title_en, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(seen))
    assert controller.dialog is dialog and dialog.title_en.text() == "Exports to Mexico by state"
    answer_discard_box("Discard", seen)
    QTest.keyClick(dialog.title_en, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: controller.dialog is None)
