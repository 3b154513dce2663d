"""Renders the app icon (resources/icons/nap-briefing.svg) for every platform's launcher, so each shows the
same icon as the window: python packaging/render_icon.py

    packaging/nap-briefing.png    256 px, the Linux desktop entry
    packaging/nap-briefing.ico    16-256 px, the Windows executable, installer and .napbrief files
    packaging/nap-briefing.icns   16-1024 px, the macOS app bundle and .napbrief documents
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent


def main(size: int = 256, big: int = 1024) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it to paint
    renderer = QSvgRenderer(str(REPO / "resources" / "icons" / "nap-briefing.svg"))
    if not renderer.isValid():
        print("render_icon: resources/icons/nap-briefing.svg is not a valid SVG", file=sys.stderr)
        return 1
    def render(px: int) -> QImage:
        image = QImage(px, px, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image

    out = REPO / "packaging" / "nap-briefing.png"
    render(size).save(str(out))
    print(out)
    # Windows .ico and macOS .icns through Pillow (already a dependency), from a 1,024 px rendering
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render(big).save(buffer, "PNG")
    large = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")
    ico = REPO / "packaging" / "nap-briefing.ico"
    large.save(ico, format="ICO", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    icns = REPO / "packaging" / "nap-briefing.icns"
    large.save(icns, format="ICNS")
    print(ico)
    print(icns)
    return 0


if __name__ == "__main__":
    sys.exit(main())
