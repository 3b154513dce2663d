"""F5 starts the show at once, as PowerPoint does; the settings (language, screens) are a command of
their own, Shift+F5 / File > Present settings…, which remembers its screen choice (issue 26)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_main_window import _open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, sample_catalog, settings_dir):
    yield from _open_window(qtbot, sample_catalog, settings_dir)


def _end_all():
    from nap_desktop.ui.present import presenter

    for running in list(presenter._RUNNING):
        running.end()


def test_f5_presents_without_a_dialog_and_shift_f5_asks_first(window, qtbot, monkeypatch):
    from nap_desktop.ui.present import presenter

    asked = []
    monkeypatch.setattr(presenter, "_ask_present_options",
                        lambda parent, pack, cat, lang, screens: asked.append(lang) or ("es", True))
    window.add_fact_to_pack("food-mexico-share-ag-imports")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        qtbot.keyClick(window, Qt.Key.Key_F5)
        assert asked == [] and len(presenter._RUNNING) == 1
        shown = presenter._RUNNING[0]
        qtbot.addWidget(shown)
        assert shown.lang == window.document.pack.lang  # the pack's language
        _end_all()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
        assert asked == [window.document.pack.lang] and len(presenter._RUNNING) == 1
        qtbot.addWidget(presenter._RUNNING[0])
        assert presenter._RUNNING[0].lang == "es"
        assert str(window.settings.value("present/swap")) == "true"  # remembered for F5
    finally:
        _end_all()


def test_present_settings_is_in_the_file_menu_in_both_languages(window):
    from nap_desktop.ui.i18n import translations

    texts = [a.text() for a in window.file_menu.actions()]
    assert "Present se&ttings…" in texts
    assert window.present_settings_action.shortcut().toString() == "Shift+F5"
    window.set_language("es")
    try:
        assert window.present_settings_action.text() == "Con&figuración de la presentación…"
    finally:
        window.set_language("en")
        translations().set_language("en")
