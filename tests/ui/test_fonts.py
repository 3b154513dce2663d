"""Bundled fonts: the app draws with DejaVu Sans from resources/fonts, whatever the machine has installed."""

from __future__ import annotations

from nap_desktop.ui.fonts import FAMILY, fonts_dir, register_bundled_fonts


def test_bundled_fonts_are_registered_and_become_the_application_font(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

    assert (fonts_dir() / "DejaVuSans.ttf").is_file()
    assert (fonts_dir() / "LICENSE-DejaVu.txt").is_file()  # the licence travels with the fonts
    before = QGuiApplication.font()
    try:
        families = register_bundled_fonts()
        assert FAMILY in families
        assert FAMILY in QFontDatabase.families()
        font = QGuiApplication.font()
        assert QFontInfo(font).family() == FAMILY
        # Horizontal metrics come from the font, not the machine's hinting settings: same wrapping everywhere.
        assert font.hintingPreference() == QFont.HintingPreference.PreferVerticalHinting
        bold = QFont(font)
        bold.setBold(True)
        assert QFontInfo(bold).bold()
    finally:
        QGuiApplication.setFont(before)
