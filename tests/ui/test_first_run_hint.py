"""The first-run hint above the cards (issue 12): shown on the very first start, gone for good once closed
or once the user adds an item to the pack."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.test_main_window import _open_window


def _window(qtbot, catalog, settings_dir):
    gen = _open_window(qtbot, catalog, settings_dir)
    return next(gen), gen


def _close(win, gen):
    win.close()
    try:
        next(gen)
    except StopIteration:
        pass


def test_first_start_shows_the_hint_and_closing_it_is_remembered(qtbot, sample_catalog, settings_dir):
    win, gen = _window(qtbot, sample_catalog, settings_dir)
    hint = win.first_run_hint
    assert hint is not None and hint.isVisible()
    text = hint.label.text()
    for key in ("F5", "F1", "Ctrl+D", "Ctrl+E"):
        assert key in text, text
    # it sits above the cards, full text (word-wrapped, never cut)
    assert hint.mapTo(win, hint.rect().bottomLeft()).y() <= win.card_grid.mapTo(win, win.card_grid.rect().topLeft()).y()
    assert hint.label.wordWrap() and hint.label.height() >= hint.label.heightForWidth(hint.label.width())
    qtbot.mouseClick(hint.close_button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    _close(win, gen)

    again, gen = _window(qtbot, sample_catalog, settings_dir)
    assert again.first_run_hint is None or not again.first_run_hint.isVisible()
    _close(again, gen)


def test_adding_the_first_item_keeps_the_cards_still_and_the_hint_does_not_come_back(qtbot, sample_catalog, settings_dir):
    win, gen = _window(qtbot, sample_catalog, settings_dir)
    hint = win.first_run_hint
    assert hint.isVisible()
    win.activateWindow()
    win.search_field.setFocus()
    qtbot.waitUntil(win.search_field.hasFocus, timeout=1000)
    QTest.keyClicks(win.search_field, "laredo")
    QTest.keyClick(win.search_field, Qt.Key.Key_Down)
    card = QApplication.focusWidget()
    where = card.mapTo(win, card.rect().topLeft())
    QTest.keyClick(card, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(win.document.pack.items) == 1
    QApplication.processEvents()
    # issue 26: the hint stays for this session, so the cards do not jump under the pointer
    assert hint.isVisible() and card.mapTo(win, card.rect().topLeft()) == where
    _close(win, gen)
    again, gen = _window(qtbot, sample_catalog, settings_dir)
    assert again.first_run_hint is None
    _close(again, gen)


def test_the_hint_speaks_spanish(qtbot, sample_catalog, settings_dir):
    win, gen = _window(qtbot, sample_catalog, settings_dir)
    win.set_language("es")
    text = win.first_run_hint.label.text()
    assert "Busque" in text and "F1" in text and "Control+D" in text, text
    assert win.first_run_hint.close_button.toolTip() == QCoreApplication.translate(
        "FirstRunHint", "Close this hint (it does not come back)") != "Close this hint (it does not come back)"
    win.grab().save("/tmp/e/first_run_es.png")
    _close(win, gen)
