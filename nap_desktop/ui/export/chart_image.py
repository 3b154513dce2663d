"""Chart images as PNG: the Qt-free SVG of a ChartSpec rendered with QtSvg at 2x (or more) resolution."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nap_desktop.core.charts.spec import ChartSpec
    from nap_desktop.core.catalog.model import Catalog


def svg_to_png_bytes(svg: str, *, scale: float = 2.0) -> bytes:
    """Render SVG text to PNG bytes at ``scale`` times its nominal size (needs a Q(Gui)Application)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance()
    if app is None:  # the command line: a headless GUI application just for painting
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        # A QApplication (not just QGuiApplication): whoever runs later in this process may need widgets.
        app = QApplication([])
        from nap_desktop.ui.fonts import register_bundled_fonts

        register_bundled_fonts(set_default=False)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("the chart SVG could not be parsed")
    size = renderer.defaultSize()
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(int(3780 * scale))  # 96 dpi x scale, so Word places it at its nominal size
    image.setDotsPerMeterY(int(3780 * scale))
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def export_png(spec: ChartSpec, catalog: Catalog, dest: Path | str, *, lang: str, scale: float = 2.0) -> Path:
    """Write the chart (title, drawing, source line) as a PNG, atomically."""
    from nap_desktop.exporters import write_atomically
    from nap_desktop.exporters.svg_chart import chart_svg

    dest = Path(dest)
    write_atomically(dest, svg_to_png_bytes(chart_svg(spec, catalog, lang), scale=scale))
    return dest
