"""F1 help page: every shortcut filled in as the menus write it, and it describes the app as it is."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.test_main_window import _open_window


@pytest.mark.parametrize("lang", ["en", "es"])
def test_help_page_has_no_placeholder_left_and_describes_the_presenter_view(qapp, lang):
    from nap_desktop.ui.help import help_html
    from nap_desktop.ui.i18n import translations

    translations().set_language(lang)
    try:
        html = help_html(lang)
    finally:
        translations().set_language("en")
    assert not re.search(r"\{[a-z_]+\}", html)
    assert ("presenter view" if lang == "en" else "vista del presentador") in html
    assert "not available" not in html and "no disponible" not in html  # printing works
    if lang == "es":
        assert "Control+F" in html and "Ctrl+F" not in html


def test_f1_opens_the_help_in_the_interface_language(qtbot, sample_catalog, settings_dir):
    gen = _open_window(qtbot, sample_catalog, settings_dir)
    win = next(gen)
    win.set_language("es")
    win.activateWindow()
    win.search_field.setFocus()
    qtbot.waitUntil(win.search_field.hasFocus, timeout=1000)
    QTest.keyClick(win.search_field, Qt.Key.Key_F1)
    dialog = win._help_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=1000)
    assert dialog.windowTitle() == "Ayuda de NAP Briefing"
    assert "Cómo se trabaja" in dialog.browser.toPlainText()
    dialog.close()
    QApplication.processEvents()
    win.close()


def test_help_fits_a_small_screen(qtbot, sample_catalog, settings_dir):
    from nap_desktop.ui.help import HelpDialog

    gen = _open_window(qtbot, sample_catalog, settings_dir)
    win = next(gen)
    dialog = HelpDialog(win)
    qtbot.addWidget(dialog)
    room = win.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height() * 0.9
    win.close()
