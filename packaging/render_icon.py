"""Renders the app icon (resources/icons/nap-briefing.svg) to packaging/nap-briefing.png (256 px) for the
Linux desktop entry, so the launcher shows the same icon as the window: python packaging/render_icon.py"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent


def main(size: int = 256) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it to paint
    renderer = QSvgRenderer(str(REPO / "resources" / "icons" / "nap-briefing.svg"))
    if not renderer.isValid():
        print("render_icon: resources/icons/nap-briefing.svg is not a valid SVG", file=sys.stderr)
        return 1
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    out = REPO / "packaging" / "nap-briefing.png"
    image.save(str(out))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
