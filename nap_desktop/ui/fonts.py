"""Registers the fonts shipped in resources/fonts with Qt, so windows, charts and screenshots look the same
on every machine, including one with no fonts installed (a fresh VM, a CI runner, the standalone build)."""

from __future__ import annotations

from pathlib import Path

#: The family the app draws with. DejaVu Sans (Bitstream Vera licence, redistributable; see
#: resources/fonts/LICENSE-DejaVu.txt) covers Latin-1 and the typographic marks the catalog uses
#: (¿ ¡ é ñ – — … × −).
FAMILY = "DejaVu Sans"


def fonts_dir() -> Path:
    from nap_desktop.paths import resources_dir

    return resources_dir() / "fonts"


def register_bundled_fonts(*, set_default: bool = True, point_size: float | None = None) -> list[str]:
    """Add every bundled .ttf/.otf to Qt's font database; make FAMILY the application font.

    Call once, right after the QApplication exists and before any widget is built. Returns the
    families registered (empty if the folder is missing, in which case Qt's own fallback is used).
    """
    from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

    folder = fonts_dir()
    families: set[str] = set()
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in (".ttf", ".otf"):
                continue
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.update(QFontDatabase.applicationFontFamilies(font_id))
    if set_default and FAMILY in families:
        font = QGuiApplication.font()
        font.setFamily(FAMILY)
        # Hint vertically only: glyph advances then follow the font's design metrics, so text wraps
        # the same whatever the machine's fontconfig hinting settings are (full, slight or none).
        font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
        if point_size is not None:
            font.setPointSizeF(point_size)
        QGuiApplication.setFont(font)
    return sorted(families)
