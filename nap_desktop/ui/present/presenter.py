"""Presenter mode: the pack full screen from the app, drawn from the same slides the PowerPoint export writes.

``start_presentation`` is the entry point; ``install_present_action`` gives the main window its
Present (F5) action in one line; ``render_present_slide`` is what ``screenshot --view present:N`` draws.
Slides are laid out on a fixed 1600×900 logical canvas and scaled (letterboxed) to any screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QRectF, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QScreen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.deck import Slide, compose_deck
from nap_desktop.core.deck import t as deck_t
from nap_desktop.core.catalog.model import STATUS_SHORT, Catalog
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.core.screens import ScreenInfo, choose_screens
from nap_desktop.ui import theme
from nap_desktop.ui.i18n import TranslationContext


class Presenter(TranslationContext):
    """The translation context of presenting a pack: slides, the presenter console, the present dialog."""


#: The logical canvas every slide is laid out on (16:9); it is scaled, never stretched.
CANVAS_W = 1600
CANVAS_H = 900
MARGIN = 80
#: small print (gaps, caveats): 18 logical px is 14 screen px on a 1280×720 projector
FOOTNOTE_PX = 18
#: the smallest source line (long lists of sources): 13 screen px at 1280×720
SOURCE_PX = 16

_WRAP = Qt.TextFlag.TextWordWrap
_LEFT = Qt.AlignmentFlag.AlignLeft
_TOP = Qt.AlignmentFlag.AlignTop
_VCENTER = Qt.AlignmentFlag.AlignVCenter
_HCENTER = Qt.AlignmentFlag.AlignHCenter
_RIGHT = Qt.AlignmentFlag.AlignRight

_MISSING_INK = "#8a4b00"
_MISSING_BG = "#fdf0dc"

FORWARD_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return,
                Qt.Key.Key_Enter)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace)


# ---- fonts ----------------------------------------------------------------------------------------

_FAMILY: str | None = None


def _family() -> str:
    """The bundled family (so slides look the same on every laptop), registered on first use."""
    global _FAMILY
    if _FAMILY is None:
        from nap_desktop.ui.fonts import FAMILY, register_bundled_fonts

        families = register_bundled_fonts(set_default=False)
        _FAMILY = FAMILY if FAMILY in families or FAMILY in QFontDatabase.families() else QApplication.font().family()
    return _FAMILY


# ---- one slide ------------------------------------------------------------------------------------

class SlideWidget(QWidget):
    """Draws one ``Slide`` on the 16:9 canvas, scaled to the widget and letterboxed; chart slides embed a
    live ``ChartView`` (hover values work while presenting)."""

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None, *,
                 letterbox: str = "#000000", interactive_chart: bool = True):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._slide: Slide | None = None
        self._number = 0
        self._total = 0
        self._letterbox = QColor(letterbox)
        self._interactive_chart = interactive_chart
        self._placeholder = ""
        self.chart_view: Any = None  # ChartView, created on the first chart slide
        self._chart_key: tuple[str, str, int, int] | None = None
        #: (slide kind, element) of text that did not fit at its smallest size (tests look at it)
        self.overflows: list[tuple[str, str]] = []
        #: (element, pixel size) of every text drawn in the last paint (tests look at it)
        self.drawn: list[tuple[str, int]] = []
        #: (element, text) of every text drawn in the last paint
        self.drawn_text: list[tuple[str, str]] = []
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 90)

    # -- public ----------------------------------------------------------------------------------
    @property
    def slide(self) -> Slide | None:
        return self._slide

    @property
    def number(self) -> int:
        return self._number

    def set_slide(self, slide: Slide | None, number: int = 0, total: int = 0, *, placeholder: str = "") -> None:
        self._slide, self._number, self._total = slide, number, total
        self._placeholder = placeholder
        self._sync_chart()
        self.update()

    def canvas_rect(self) -> QRectF:
        """Where the 16:9 canvas sits in the widget (device pixels): as large as fits, centred."""
        w, h = max(1, self.width()), max(1, self.height())
        s = min(w / CANVAS_W, h / CANVAS_H)
        cw, ch = CANVAS_W * s, CANVAS_H * s
        return QRectF((w - cw) / 2, (h - ch) / 2, cw, ch)

    def scale(self) -> float:
        return self.canvas_rect().width() / CANVAS_W

    def chart_rect(self) -> QRectF:
        """The chart's box on the canvas (logical units): what the title, takeaway and footnotes leave."""
        top, notes_top, _h = self._chart_layout()
        return QRectF(MARGIN, top, CANVAS_W - 2 * MARGIN, notes_top - 10 - top)

    def _chart_takeaway(self) -> str:
        slide = self._slide
        if slide is None or not slide.statement or slide.statement == slide.title:
            return ""
        return slide.statement

    def _chart_layout(self) -> tuple[float, float, float]:
        """(chart top, footnotes top, footnotes height) in logical units; gap notes get the room they need."""
        slide = self._slide
        top = 236.0 if self._chart_takeaway() else 180.0
        bottom = self._content_bottom()
        if slide is None or not slide.footnotes:
            return top, bottom, 0.0
        font = self._font(FOOTNOTE_PX)
        s = max(self.scale(), 1e-6)
        need = QFontMetricsF(font).boundingRect(QRectF(0, 0, (CANVAS_W - 2 * MARGIN) * s, 1e6), _WRAP,
                                                "\n".join(slide.footnotes)).height() / s + 4
        height = min(need, 150.0)
        return top, bottom - height, height

    # -- geometry helpers (logical canvas -> device pixels) --------------------------------------
    def _r(self, x: float, y: float, w: float, h: float) -> QRectF:
        c = self.canvas_rect()
        s = c.width() / CANVAS_W
        return QRectF(c.x() + x * s, c.y() + y * s, w * s, h * s)

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(_family())
        font.setPixelSize(max(1, round(px * self.scale())))
        font.setBold(bold)
        return font

    def _fit(self, text: str, rect: QRectF, max_px: float, min_px: float, *, bold: bool = False,
             flags: Any = _WRAP) -> tuple[QFont, bool]:
        """The largest font (max_px down to min_px, logical) at which ``text`` fits ``rect`` (device)."""
        px = max_px
        while True:
            font = self._font(px, bold)
            box = QFontMetricsF(font).boundingRect(QRectF(0, 0, rect.width(), 1e6), flags, text)
            if box.height() <= rect.height() + 0.5 and box.width() <= rect.width() + 0.5:
                return font, True
            if px <= min_px:
                return font, False
            px = max(min_px, px - 2)

    def _text(self, p: QPainter, text: str, rect: QRectF, *, max_px: float, min_px: float | None = None,
              color: str = theme.INK, bold: bool = False, align: Any = _LEFT | _TOP, what: str = "text",
              wrap_anywhere: bool = False) -> QRectF:
        """Draw ``text`` as large as fits in ``rect`` (device); returns the box it used."""
        if not text:
            return QRectF(rect.x(), rect.y(), 0, 0)
        flags = (Qt.TextFlag.TextWrapAnywhere if wrap_anywhere else _WRAP)
        font, fits = self._fit(text, rect, max_px, max_px if min_px is None else min_px, bold=bold, flags=flags)
        if not fits and self._slide is not None:
            self.overflows.append((self._slide.kind, what))
        self.drawn.append((what, font.pixelSize()))
        self.drawn_text.append((what, text))
        p.save()
        # clip to the box, with room above for the accents on capitals (Í, Ó in 'TECNOLOGÍA Y SEGURIDAD
        # ECONÓMICA' reach above the line's ascent and were cut to dots) and below for descenders
        px = font.pixelSize()
        p.setClipRect(rect.adjusted(0, -0.45 * px, 0, 0.25 * px))
        p.setFont(font)
        p.setPen(QColor(color))
        used = p.boundingRect(rect, int(flags | align), text)
        p.drawText(rect, int(flags | align), text)
        p.restore()
        return used

    def _badge(self, p: QPainter, status: str, right: float, top: float, px: float = 20) -> float:
        """A status pill ending at x=``right`` (logical); returns its left edge (logical)."""
        if status not in theme.STATUS_COLORS:
            return right
        ink, bg = theme.STATUS_COLORS[status]
        label = STATUS_SHORT.get(status, {}).get(self._lang, status)
        font = self._font(px, bold=True)
        s = self.scale()
        text_w = QFontMetricsF(font).horizontalAdvance(label) / max(s, 1e-6)
        w, h = text_w + 28, px * 1.7
        rect = self._r(right - w, top, w, h)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(bg))
        p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        p.setFont(font)
        p.setPen(QColor(ink))
        p.drawText(rect, int(_HCENTER | _VCENTER), label)
        p.restore()
        return right - w

    # -- painting ---------------------------------------------------------------------------------
    def paintEvent(self, event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.fillRect(self.rect(), self._letterbox)
        canvas = self.canvas_rect()
        slide = self._slide
        self.overflows = []
        self.drawn = []
        self.drawn_text = []
        if slide is None:
            p.fillRect(canvas, QColor(theme.SOFT))
            self._text(p, self._placeholder, self._r(MARGIN, 360, CANVAS_W - 2 * MARGIN, 180), max_px=40,
                       min_px=24, color=theme.MUTED, align=_HCENTER | _VCENTER, what="placeholder")
            p.end()
            return
        background = QColor(self._accent()) if slide.kind == "divider" else QColor("#ffffff")
        p.fillRect(canvas, background)
        getattr(self, f"_paint_{slide.kind}", self._paint_note)(p, slide)
        self._paint_number(p, slide)
        p.end()

    def _accent(self) -> str:
        accent = self._slide.accent if self._slide is not None else ""
        return accent or theme.ACCENT

    def _accent_bar(self, p: QPainter, color: str | None = None) -> None:
        p.fillRect(self._r(0, 0, 16, CANVAS_H), QColor(color or self._accent()))

    def _paint_number(self, p: QPainter, slide: Slide) -> None:
        if slide.kind == "title" or not self._total:
            return
        color = "#ffffff" if slide.kind == "divider" else theme.MUTED
        self._text(p, f"{self._number} / {self._total}", self._r(CANVAS_W - MARGIN - 160, 836, 160, 40),
                   max_px=20, color=color, align=_RIGHT | _VCENTER, what="number")

    def _kicker(self, p: QPainter, slide: Slide) -> None:
        if slide.kicker:
            self._text(p, slide.kicker.upper(), self._r(MARGIN, 44, CANVAS_W - 2 * MARGIN, 36), max_px=24,
                       min_px=18, color=self._accent(), bold=True, what="kicker")

    #: the source line's box: left of the status pill and the slide number
    _SOURCE_W = CANVAS_W - 2 * MARGIN - 400

    def _footer_layout(self) -> tuple[float, float]:
        """(y of the rule above the footer, height of the source line) in logical units.

        A chart built from many sources has a long source line; the footer grows for it (the
        content above shrinks) rather than cut the provenance off.
        """
        slide = self._slide
        if slide is None or not slide.source_line:
            return 812.0, 64.0
        font = self._font(SOURCE_PX)
        s = max(self.scale(), 1e-6)
        need = QFontMetricsF(font).boundingRect(QRectF(0, 0, self._SOURCE_W * s, 1e6), _WRAP,
                                                slide.source_line).height() / s + 4
        if need <= 64:
            return 812.0, 64.0
        height = min(need, 170.0)
        return 886.0 - height - 10, height

    def _content_bottom(self) -> float:
        return self._footer_layout()[0] - 6

    def _footer(self, p: QPainter, slide: Slide) -> None:
        """Source line bottom left, status pill next to the slide number."""
        rule, height = self._footer_layout()
        p.fillRect(self._r(MARGIN, rule, CANVAS_W - 2 * MARGIN, 1.5), QColor(theme.BORDER))
        if slide.status:
            self._badge(p, slide.status, CANVAS_W - MARGIN - 180, 838)
        if slide.source_line:
            self._text(p, slide.source_line, self._r(MARGIN, rule + 8, self._SOURCE_W, height), max_px=22,
                       min_px=SOURCE_PX, color=theme.MUTED, align=_LEFT | _VCENTER, what="source_line")

    def _footnotes(self, p: QPainter, slide: Slide, top: float, height: float) -> None:
        if not slide.footnotes:
            return
        text = "\n".join(slide.footnotes)
        color = _MISSING_INK if slide.status == "secondary" else theme.MUTED
        self._text(p, text, self._r(MARGIN, top, CANVAS_W - 2 * MARGIN, height), max_px=FOOTNOTE_PX,
                   min_px=14, color=color, what="footnotes")

    def _paint_title(self, p: QPainter, slide: Slide) -> None:
        p.fillRect(self._r(0, 0, 40, CANVAS_H), QColor(theme.ACCENT))
        self._text(p, Presenter.tr("NAP Briefing · The North American Project"), self._r(120, 120, 1360, 40),
                   max_px=26, min_px=18, color=theme.ACCENT, bold=True, what="brand")
        self._text(p, slide.title, self._r(120, 200, 1360, 330), max_px=84, min_px=40, bold=True,
                   align=_LEFT | Qt.AlignmentFlag.AlignBottom, what="title")
        p.fillRect(self._r(120, 560, 240, 6), QColor(theme.ACCENT))
        if slide.bullets:
            self._text(p, "\n".join(slide.bullets), self._r(120, 600, 1360, 220), max_px=32, min_px=20,
                       color=theme.MUTED, what="bullets")

    def _paint_agenda(self, p: QPainter, slide: Slide) -> None:
        self._accent_bar(p)
        self._text(p, slide.title, self._r(MARGIN, 56, CANVAS_W - 2 * MARGIN, 90), max_px=60, min_px=36,
                   bold=True, align=_LEFT | _VCENTER, what="title")
        top = 180.0
        # 80 px a row for up to eight entries; a page of more one-line entries shares the room left
        row = min(80.0, (CANVAS_H - 60.0 - top) / max(1, len(slide.bullets)))
        first = self._agenda_first_number(slide)
        entries = []
        for k, entry in enumerate(slide.bullets):
            # The deck numbers its entries ("3. Food security"); the number goes in the circle.
            match = re.match(r"(\d+)\.\s+(.*)", entry, re.S)
            entries.append((match.group(1), match.group(2)) if match else (str(first + k), entry))
        # one size for every entry (the longest decides), not a smaller first line
        entry_px = min(34.0, row * 0.5)
        box = self._r(MARGIN + 76, 0, CANVAS_W - 2 * MARGIN - 76, row - 4)
        for _number, text in entries:
            while entry_px > 20 and not self._fit(text, box, entry_px, entry_px)[1]:
                entry_px -= 2
        for k, (number, text) in enumerate(entries):
            y = top + k * row
            diameter = min(52.0, row - 12)
            circle = self._r(MARGIN, y + (row - diameter) / 2, diameter, diameter)
            p.save()
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(theme.ACCENT))
            p.drawEllipse(circle)
            p.restore()
            self._text(p, number, circle, max_px=24, min_px=16, color="#ffffff", bold=True,
                       align=_HCENTER | _VCENTER, what="agenda_number")
            self._text(p, text, self._r(MARGIN + 76, y, CANVAS_W - 2 * MARGIN - 76, row - 4), max_px=entry_px,
                       min_px=20, align=_LEFT | _VCENTER, what="agenda_entry")

    def _agenda_first_number(self, slide: Slide) -> int:
        match = re.search(r"\((\d+)/\d+\)$", slide.title)
        if not match:
            return 1
        from nap_desktop.core.deck import AGENDA_PER_SLIDE

        return (int(match.group(1)) - 1) * AGENDA_PER_SLIDE + 1

    def _paint_divider(self, p: QPainter, slide: Slide) -> None:
        p.fillRect(self._r(MARGIN, 560, 200, 8), QColor("#ffffff"))
        self._text(p, slide.title, self._r(MARGIN, 200, CANVAS_W - 2 * MARGIN, 340), max_px=88, min_px=44,
                   color="#ffffff", bold=True, align=_LEFT | Qt.AlignmentFlag.AlignBottom, what="title")

    def _paint_fact(self, p: QPainter, slide: Slide) -> None:
        self._accent_bar(p)
        # The deck titles a fact slide with its section (the kicker); show whichever the slide has.
        self._kicker(p, slide if slide.kicker else Slide(kind=slide.kind, title=slide.title, kicker=slide.title))
        y, figure_h, figure_px = 92.0, 180.0, 140
        if slide.kicker and slide.title and slide.title != slide.kicker:
            # the action title under the section, as on the deck's fact slide
            self._text(p, slide.title, self._r(MARGIN, 84, CANVAS_W - 2 * MARGIN, 84), max_px=44, min_px=26,
                       bold=True, align=_LEFT | _VCENTER, what="title")
            y, figure_h, figure_px = 176.0, 150.0, 116
        if slide.figure:
            self._text(p, slide.figure, self._r(MARGIN, y, CANVAS_W - 2 * MARGIN, figure_h), max_px=figure_px,
                       min_px=64, color=self._accent(), bold=True, align=_LEFT | _VCENTER, what="figure")
            y += figure_h
            if slide.figure_label:
                self._text(p, slide.figure_label, self._r(MARGIN, y, CANVAS_W - 2 * MARGIN, 48), max_px=34,
                           min_px=24, color=theme.MUTED, what="figure_label")
                y += 56
        else:
            y += 10
        bottom = self._content_bottom()
        meta_top = bottom - (98.0 if not slide.footnotes else 116.0)
        self._text(p, slide.statement, self._r(MARGIN, y + 16, CANVAS_W - 2 * MARGIN, meta_top - y - 32),
                   max_px=44, min_px=24, what="statement")
        if slide.period:
            self._text(p, f"{deck_t('period', self._lang)}: {slide.period}",
                       self._r(MARGIN, meta_top, CANVAS_W - 2 * MARGIN, 40), max_px=24, min_px=18,
                       color=theme.MUTED, align=_LEFT | _VCENTER, what="period")
        self._footnotes(p, slide, meta_top + 46, bottom - meta_top - 50)
        self._footer(p, slide)

    def _paint_chart(self, p: QPainter, slide: Slide) -> None:
        self._accent_bar(p)
        self._kicker(p, slide)
        self._text(p, slide.title, self._r(MARGIN, 84, CANVAS_W - 2 * MARGIN, 84), max_px=44, min_px=26,
                   bold=True, align=_LEFT | _VCENTER, what="title")
        takeaway = self._chart_takeaway()
        if takeaway:
            self._text(p, takeaway, self._r(MARGIN, 170, CANVAS_W - 2 * MARGIN, 60), max_px=26, min_px=17,
                       color=theme.MUTED, what="statement")
        _top, notes_top, notes_h = self._chart_layout()
        self._footnotes(p, slide, notes_top, notes_h)
        self._footer(p, slide)
        if self.chart_view is None and slide.chart is not None:
            # No chart widget yet: say what goes there rather than leave a hole.
            box = self._r(*_rect_tuple(self.chart_rect()))
            p.fillRect(box, QColor(theme.SOFT))
            self._text(p, slide.title, box, max_px=28, min_px=16, color=theme.MUTED,
                       align=_HCENTER | _VCENTER, what="chart_placeholder")

    def _paint_note(self, p: QPainter, slide: Slide) -> None:
        self._accent_bar(p)
        self._text(p, slide.title, self._r(MARGIN, 70, CANVAS_W - 2 * MARGIN, 130), max_px=60, min_px=32,
                   bold=True, align=_LEFT | _VCENTER, what="title")
        self._text(p, slide.statement, self._r(MARGIN, 230, CANVAS_W - 2 * MARGIN, 570), max_px=40, min_px=20,
                   what="statement")

    def _paint_missing(self, p: QPainter, slide: Slide) -> None:
        self._accent_bar(p, _MISSING_INK)
        self._text(p, "⚠ " + slide.title, self._r(MARGIN, 70, CANVAS_W - 2 * MARGIN, 110), max_px=52, min_px=28,
                   color=_MISSING_INK, bold=True, align=_LEFT | _VCENTER, what="title")
        inner = self._r(MARGIN + 40, 240, CANVAS_W - 2 * MARGIN - 80, 480)
        font, _fits = self._fit(slide.statement, inner, 38, 22)
        need = QFontMetricsF(font).boundingRect(QRectF(0, 0, inner.width(), 1e6), _WRAP, slide.statement).height()
        s = self.scale()
        box = QRectF(inner.x() - 40 * s, inner.y() - 36 * s, inner.width() + 80 * s,
                     min(inner.height(), need) + 72 * s)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(_MISSING_INK), max(1.0, 3 * s)))
        p.setBrush(QColor(_MISSING_BG))
        p.drawRoundedRect(box, 16 * s, 16 * s)
        p.restore()
        self._text(p, slide.statement, inner, max_px=38, min_px=22, color=theme.INK, what="statement")

    def _paint_sources(self, p: QPainter, slide: Slide) -> None:
        self._accent_bar(p)
        self._text(p, slide.title, self._r(MARGIN, 50, CANVAS_W - 2 * MARGIN, 90), max_px=60, min_px=36,
                   bold=True, align=_LEFT | _VCENTER, what="title")
        top, row = 160.0, 108.0
        for k, entry in enumerate(slide.sources):
            y = top + k * row
            if k:
                p.fillRect(self._r(MARGIN, y - 6, CANVAS_W - 2 * MARGIN, 1), QColor(theme.BORDER))
            left = self._badge(p, entry.status, CANVAS_W - MARGIN, y + 4, px=18)
            head = ". ".join(x.rstrip(".") for x in (entry.publisher, entry.title, entry.date) if x) + "."
            used = self._text(p, head, self._r(MARGIN, y, left - MARGIN - 24, 64), max_px=26, min_px=16,
                              what="source_entry")
            if entry.url:
                url_top = min(y + 66, y + 4 + used.height() / max(self.scale(), 1e-6))
                self._text(p, entry.url, self._r(MARGIN, url_top, CANVAS_W - 2 * MARGIN, 32), max_px=20,
                           min_px=14, color=theme.ACCENT, what="source_url", wrap_anywhere=True)

    # -- the live chart ---------------------------------------------------------------------------
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._sync_chart()

    def _sync_chart(self) -> None:
        slide = self._slide
        wants = slide is not None and slide.kind == "chart" and slide.chart is not None
        if not wants:
            if self.chart_view is not None:
                self.chart_view.hide()
            return
        if self.chart_view is None:
            from nap_desktop.ui.browse.chart_view import ChartView

            self.chart_view = ChartView(None, self._catalog, self._lang, self)
            self.chart_view.setAutoFillBackground(True)
            palette = self.chart_view.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
            self.chart_view.setPalette(palette)
            if not self._interactive_chart:
                self.chart_view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view = self.chart_view
        box = self._r(*_rect_tuple(self.chart_rect())).toAlignedRect()
        key = (slide.chart.id, self._lang, box.width(), box.height())  # type: ignore[union-attr]
        if key != self._chart_key:
            self._chart_key = key
            view.setGeometry(box)
            self._style_chart(view)
            if view.layout() is not None:
                view.layout().activate()
            view.set_spec(slide.chart)  # drawn again at this size: axis labels are laid out for it
            self._hide_chart_chrome(view)
            self._style_chart_items(view)
        view.show()
        view.raise_()

    def _style_chart(self, view: Any) -> None:
        s = self.scale()
        tick = QFont(_family())
        tick.setPixelSize(max(9, round(20 * s)))
        label = QFont(_family())
        label.setPixelSize(max(9, round(20 * s)))
        body = QFont(_family())
        body.setPixelSize(max(9, round(20 * s)))
        view.setFont(body)
        view.legend_label.setFont(body)
        plot = view.plot_widget.getPlotItem()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setStyle(tickFont=tick, tickTextOffset=max(4, round(8 * s)))
            axis.label.setFont(label)
        view.plot_widget.setMinimumHeight(0)
        for child in [view, *view.findChildren(QWidget)]:
            child.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _style_chart_items(self, view: Any) -> None:
        import pyqtgraph as pg

        font = QFont(_family())
        font.setPixelSize(max(9, round(18 * self.scale())))
        plot = view.plot_widget.getPlotItem()
        for name in ("left", "bottom"):
            plot.getAxis(name).label.setFont(QFont(font))
        for item in plot.items:
            if isinstance(item, pg.TextItem):
                item.setFont(font)
        self._unelide_ticks(view)
        # Table charts are read from the back of the room too: the slide's size, not the app's.
        table_font = QFont(_family())
        table_font.setPixelSize(max(9, round(22 * self.scale())))
        view.table.setFont(table_font)
        view.table.setStyleSheet(f"QHeaderView::section {{ font-size: {table_font.pixelSize()}px; "
                                 "font-weight: 600; }")
        view.table.resizeColumnsToContents()
        view.table.resizeRowsToContents()
        view.table.horizontalHeader().setStretchLastSection(True)

    def _unelide_ticks(self, view: Any) -> None:
        """Category names in full on a slide: the on-screen chart shortens long ones ("Information &
        commu…") for a small window; here the axis grows (up to 40% of the chart) and a name that still
        does not fit wraps at a word instead."""
        spec = view.spec
        if spec is None:
            return
        candidates = list(spec.category_labels(self._lang)) + [x.label(self._lang) for x in spec.series]
        plot = view.plot_widget.getPlotItem()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            levels = getattr(axis, "_tickLevels", None)
            if not levels or not levels[0] or not any(str(t).endswith("…") for _p, t in levels[0]):
                continue
            font = axis.style.get("tickFont") or view.font()
            metrics = QFontMetricsF(font)
            used: set[str] = set()
            full: list[tuple[float, str]] = []
            for pos, text in levels[0]:
                text = str(text)
                if text.endswith("…"):
                    stem = text[:-1].rstrip()
                    text = next((c for c in candidates if c.startswith(stem) and c not in used), text)
                used.add(text)
                full.append((pos, text))
            if name == "left":
                need = max(metrics.horizontalAdvance(t) for _p, t in full) + 16
                width = int(min(need, max(120.0, view.width() * 0.4)))
                axis.setWidth(width)
                room = width - 12
            else:
                shown = max(1, len(full))
                room = max(60.0, (view.plot_widget.width() or view.width()) / shown - 12)
            axis.setTicks([[(pos, _wrap_words(t, metrics, room)) for pos, t in full], []])

    @staticmethod
    def _hide_chart_chrome(view: Any) -> None:
        # The slide draws the title, takeaway, source line and gap notes itself, as the deck does.
        for name in ("title_label", "subtitle_label", "table_toggle", "copy_button", "source_label",
                     "notes_label", "gap_label"):
            widget = getattr(view, name, None)
            if widget is not None:
                widget.hide()


def _wrap_words(text: str, metrics: QFontMetricsF, width: float) -> str:
    """``text`` broken at spaces into lines no wider than ``width`` (a single word longer stays whole)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and metrics.horizontalAdvance(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return "\n".join(lines)


def _rect_tuple(r: QRectF) -> tuple[float, float, float, float]:
    return r.x(), r.y(), r.width(), r.height()


# ---- the presenter's own screen -------------------------------------------------------------------

class PresenterConsole(QWidget):
    """The laptop side of presenter view: current slide, next slide, talking points, elapsed time, clock."""

    def __init__(self, owner: PresenterWindow, *, embedded: bool = False):
        # embedded: one screen only, the console is a page of the slides window that N switches to
        super().__init__(owner if embedded else None)
        self._owner = owner
        self.embedded = embedded
        self.setWindowTitle(Presenter.tr("Presenter view — NAP Briefing"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setObjectName("PresenterConsole")
        # Child selectors only: the slides' own chart widgets keep their light theme.
        self.setStyleSheet("QWidget#PresenterConsole { background: #1d2329; } "
                           "QWidget#PresenterConsole > QLabel { color: #e8ecef; } "
                           "QWidget#PresenterConsole > QLabel#ConsoleHeading { color: #aab4bd; font-weight: 600; } "
                           "QWidget#PresenterConsole > QLabel#ConsoleClock { font-size: 20pt; font-weight: 600; } "
                           "QWidget#PresenterConsole > QLabel#ConsoleBlank { color: #1d2329; background: #f0e442; "
                           "padding: 4px 10px; border-radius: 4px; font-weight: 600; } "
                           "QWidget#PresenterConsole > QTextBrowser { background: #2a3139; color: #ffffff; "
                           "border: none; padding: 8px; } "
                           "QWidget#PresenterConsole > QPushButton { background: #2a3139; color: #ffffff; "
                           "border: 1px solid #56616b; border-radius: 6px; padding: 6px 12px; } "
                           "QWidget#PresenterConsole > QPushButton:hover { background: #3a434d; } "
                           "QWidget#PresenterConsole > QPushButton:disabled { color: #7a858f; } "
                           "QWidget#PresenterConsole QTextBrowser QScrollBar:vertical { background: #2a3139; "
                           "width: 12px; margin: 0; } "
                           "QWidget#PresenterConsole QTextBrowser QScrollBar::handle:vertical { background: #56616b; "
                           "border-radius: 5px; min-height: 24px; } "
                           "QWidget#PresenterConsole QTextBrowser QScrollBar::add-line:vertical, "
                           "QWidget#PresenterConsole QTextBrowser QScrollBar::sub-line:vertical { height: 0; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        catalog, lang = owner.catalog, owner.lang

        self.position_label = QLabel()
        self.position_label.setObjectName("ConsoleClock")
        self.elapsed_label = QLabel("00:00:00")
        self.elapsed_label.setObjectName("ConsoleClock")
        self.elapsed_label.setToolTip(Presenter.tr("Time since the presentation started"))
        self.clock_label = QLabel()
        self.clock_label.setObjectName("ConsoleClock")
        self.clock_label.setToolTip(Presenter.tr("Time of day"))
        self.blank_label = QLabel()
        self.blank_label.setObjectName("ConsoleBlank")
        self.blank_label.hide()

        def button(text: str, slot: Callable[[], Any], tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.prev_button = button(Presenter.tr("◀ Previous"), owner.previous_slide, Presenter.tr("Previous slide (Left, PageUp)"))
        self.next_button = button(Presenter.tr("Next ▶"), owner.next_slide, Presenter.tr("Next slide (Right, PageDown, Space)"))
        self.black_button = button(Presenter.tr("Black screen"), lambda: owner.toggle_blank("black"), Presenter.tr("Black out (B)"))
        self.reset_button = button(Presenter.tr("Reset timer"), self.reset_timer, Presenter.tr("Start the elapsed time from zero"))
        self.swap_button = button(Presenter.tr("Swap screens"), owner.swap_screens,
                                  Presenter.tr("Show the slides on the other screen and this view here"))
        self.end_button = button(Presenter.tr("End"), owner.end, Presenter.tr("End the presentation (Esc)"))
        self.slide_button = button(QCoreApplication.translate("PresenterView", "Slide only"), owner.toggle_notes,
                                   QCoreApplication.translate("PresenterView", "Show the slide alone (N)"))
        self.swap_button.setVisible(not embedded)
        self.slide_button.setVisible(embedded)

        info = QHBoxLayout()
        info.addWidget(self.position_label)
        info.addSpacing(24)
        info.addWidget(self.elapsed_label)
        info.addSpacing(24)
        info.addWidget(self.clock_label)
        info.addSpacing(16)
        info.addWidget(self.blank_label)
        info.addStretch(1)
        self._buttons_row = QHBoxLayout()
        self._buttons_row.setSpacing(8)
        for b in (self.prev_button, self.next_button, self.black_button, self.reset_button, self.swap_button,
                  self.slide_button, self.end_button):
            self._buttons_row.addWidget(b)
        # time and buttons on one row when the screen is wide enough, the buttons below otherwise
        # (a 1024-pixel laptop in Spanish): never a cut label
        self._info_row = info
        top = QGridLayout()
        top.setHorizontalSpacing(16)
        top.setVerticalSpacing(8)
        top.addLayout(info, 0, 0)
        top.addLayout(self._buttons_row, 0, 1)
        self._top = top
        self._buttons_below = False

        self.current_view = SlideWidget(catalog, lang, letterbox="#1d2329")
        self.next_view = SlideWidget(catalog, lang, letterbox="#1d2329", interactive_chart=False)
        self.notes_view = QTextBrowser()
        self.notes_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes_view.setOpenLinks(False)
        current_heading = QLabel(Presenter.tr("Current slide"))
        current_heading.setObjectName("ConsoleHeading")
        next_heading = QLabel(Presenter.tr("Next slide"))
        next_heading.setObjectName("ConsoleHeading")
        notes_heading = QLabel(Presenter.tr("Talking points"))
        notes_heading.setObjectName("ConsoleHeading")

        left = QVBoxLayout()
        left.addWidget(current_heading)
        left.addWidget(self.current_view, 1)
        right = QVBoxLayout()
        right.addWidget(next_heading)
        right.addWidget(self.next_view, 2)
        right.addWidget(notes_heading)
        right.addWidget(self.notes_view, 3)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 16)
        outer.addLayout(top)
        outer.addLayout(body, 1)

        self._elapsed = owner.clock  # shared: the time since the presentation started, whichever view shows it
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        self._on_timer_timeout()

    def reset_timer(self) -> None:
        self._elapsed.restart()
        self._on_timer_timeout()

    def elapsed_text(self) -> str:
        seconds = self._elapsed.elapsed() // 1000
        return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"

    def _on_timer_timeout(self) -> None:
        self.elapsed_label.setText(self.elapsed_text())
        self.clock_label.setText(QTime.currentTime().toString("HH:mm"))

    def refresh(self) -> None:
        owner = self._owner
        slides, i = owner.slides, owner.index
        total = len(slides)
        self.position_label.setText(Presenter.tr("Slide {n} of {total}").format(n=i + 1, total=total))
        self.current_view.set_slide(slides[i], i + 1, total)
        if i + 1 < total:
            self.next_view.set_slide(slides[i + 1], i + 2, total)
        else:
            self.next_view.set_slide(None, placeholder=Presenter.tr("End of the presentation"))
        notes = slides[i].notes.strip()
        self.notes_view.setPlainText(notes or Presenter.tr("(No talking points for this slide.)"))
        blank = owner.blank
        self.blank_label.setVisible(blank is not None)
        if blank == "black":
            self.blank_label.setText(Presenter.tr("The audience sees a black screen (B to return)"))
        elif blank == "white":
            self.blank_label.setText(Presenter.tr("The audience sees a white screen (W to return)"))
        self.black_button.setText(Presenter.tr("Show slide") if blank else Presenter.tr("Black screen"))
        self.prev_button.setEnabled(i > 0)
        self.next_button.setEnabled(i + 1 < total)
        self._arrange_top()

    def _arrange_top(self) -> None:
        margins = self.layout().contentsMargins() if self.layout() is not None else None
        room = self.width() - (margins.left() + margins.right() if margins is not None else 0)
        need = self._info_row.sizeHint().width() + self._top.horizontalSpacing() + self._buttons_row.sizeHint().width()
        below = need > room
        if below == self._buttons_below:
            return
        self._buttons_below = below
        self._top.removeItem(self._buttons_row)
        if below:
            self._top.addLayout(self._buttons_row, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        else:
            self._top.addLayout(self._buttons_row, 0, 1)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._arrange_top()
        # talking points readable at arm's length: larger on a large screen, never below 16 px
        font = self.notes_view.font()
        font.setPixelSize(max(16, min(30, round(self.width() / 64))))
        self.notes_view.setFont(font)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._owner.handle_key(event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A click on the presenter's own view (embedded in the slides window) is not "next slide".
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.accept()

    def closeEvent(self, event: Any) -> None:
        self._timer.stop()
        super().closeEvent(event)


# ---- the audience window --------------------------------------------------------------------------

class PresenterWindow(QWidget):
    """The slides, full screen, with PowerPoint's keys; with ``presenter_view`` also the laptop console.

    Keys: Right/Down/PageDown/Space/Enter next; Left/Up/PageUp/Backspace previous; Home/End; a number
    then Enter jumps to that slide; B (or .) black, W (or ,) white, again to return; N (one screen) switches
    to the presenter view and back; Esc ends.
    While the screen is blanked, a navigation key only brings the slide back (the audience sees the
    slide they left, as in PowerPoint).
    """

    slide_changed = Signal(int)
    ended = Signal()

    def __init__(self, slides: Sequence[Slide], catalog: Catalog, lang: str, *, presenter_view: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        if not slides:
            raise ValueError("nothing to present")
        self.slides: list[Slide] = list(slides)
        self.catalog = catalog
        self.lang = lang
        self.index = 0
        self.blank: str | None = None
        self.notes_visible = False
        self.pending_digits = ""
        self._wheel_accum = 0
        self._ended = False
        self._screens: list[QScreen] = []
        self._swap = False
        self.clock = QElapsedTimer()  # elapsed time of the presentation (the presenter views show it)
        self.clock.start()
        #: one screen: the presenter view (current, next, notes, timer) shown instead of the slide on N
        self.presenter_page: PresenterConsole | None = None
        self.setWindowTitle(Presenter.tr("Presentation — NAP Briefing"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor("#000000"))
        self.setPalette(pal)

        self.slide_view = SlideWidget(catalog, lang, self)
        self._cover = QWidget(self)
        self._cover.setAutoFillBackground(True)
        self._cover.hide()
        self.jump_label = QLabel(self)
        self.jump_label.setStyleSheet("QLabel { background: #1d2329; color: #ffffff; padding: 8px 16px; "
                                      "border-radius: 6px; }")
        self.jump_label.hide()
        self.console: PresenterConsole | None = PresenterConsole(self) if presenter_view else None
        self._show_current()

    # -- state ----------------------------------------------------------------------------------
    @property
    def current_slide(self) -> Slide:
        return self.slides[self.index]

    def shown_slide(self) -> Slide | None:
        """What the audience sees: the current slide, or None while the screen is blacked/whited out."""
        return None if self.blank else self.slide_view.slide

    @property
    def has_presenter_view(self) -> bool:
        return self.console is not None

    # -- navigation -------------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        index = max(0, min(len(self.slides) - 1, index))
        self.blank = None
        if index != self.index:
            self.index = index
            self._show_current()
            self.slide_changed.emit(index)
        else:
            self._show_current()

    def next_slide(self) -> None:
        if self.blank:
            self.set_blank(None)
            return
        self.go_to(self.index + 1)

    def previous_slide(self) -> None:
        if self.blank:
            self.set_blank(None)
            return
        self.go_to(self.index - 1)

    def first_slide(self) -> None:
        self.go_to(0)

    def last_slide(self) -> None:
        self.go_to(len(self.slides) - 1)

    def set_blank(self, color: str | None) -> None:
        self.blank = color
        self._show_current()

    def toggle_blank(self, color: str) -> None:
        self.set_blank(None if self.blank == color else color)

    def toggle_notes(self) -> None:
        """N: with one screen, switch between the slide alone and the presenter view (the notes are never
        painted over the slide); with two, the notes are already on the presenter's screen."""
        if self.console is not None:
            return
        self.notes_visible = not self.notes_visible
        if self.notes_visible and self.presenter_page is None:
            self.presenter_page = PresenterConsole(self, embedded=True)
        self._show_current()
        self.setFocus()

    def end(self) -> None:
        if self._ended:
            return
        self._ended = True
        if self.console is not None:
            self.console.close()
        self.close()
        self.ended.emit()

    def swap_screens(self) -> None:
        """Exchange the slides and the presenter view between the two screens."""
        self._swap = not self._swap
        if len(self._screens) > 1:
            self.place_on_screens(self._screens, swap=self._swap)

    # -- keys and mouse ---------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.MetaModifier):
            return False
        if len(text) == 1 and text in "0123456789":  # not isdigit(): '²' is a digit too
            self.pending_digits = (self.pending_digits + text)[-4:]
            self._show_jump()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.pending_digits:
            number = int(self.pending_digits)
            self.pending_digits = ""
            self._show_jump()
            if 1 <= number <= len(self.slides):
                self.go_to(number - 1)
            return True
        if key == Qt.Key.Key_Backspace and self.pending_digits:
            self.pending_digits = self.pending_digits[:-1]
            self._show_jump()
            return True
        if key == Qt.Key.Key_Escape:
            if self.pending_digits:  # a mistyped slide number: Esc cancels it first
                self.pending_digits = ""
                self._show_jump()
            else:
                self.end()
            return True
        if self.pending_digits:
            self.pending_digits = ""
            self._show_jump()
        if key in FORWARD_KEYS:
            self.next_slide()
        elif key in BACK_KEYS:
            self.previous_slide()
        elif key == Qt.Key.Key_Home:
            self.first_slide()
        elif key == Qt.Key.Key_End:
            self.last_slide()
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.toggle_blank("black")
        elif key in (Qt.Key.Key_W, Qt.Key.Key_Comma):
            self.toggle_blank("white")
        elif key == Qt.Key.Key_N:
            self.toggle_notes()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab would move focus away from the slide; a clicker never sends it, so swallow it here.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.next_slide()
        elif event.button() == Qt.MouseButton.RightButton:
            self.previous_slide()
        else:
            super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._wheel_accum += event.angleDelta().y()
        while self._wheel_accum <= -120:
            self._wheel_accum += 120
            self.next_slide()
        while self._wheel_accum >= 120:
            self._wheel_accum -= 120
            self.previous_slide()
        event.accept()

    def closeEvent(self, event: Any) -> None:
        if not self._ended:
            self._ended = True
            if self.console is not None:
                self.console.close()
            self.ended.emit()
        super().closeEvent(event)

    # -- drawing ----------------------------------------------------------------------------------
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._layout_children()

    def _layout_children(self) -> None:
        r = self.rect()
        self.slide_view.setGeometry(r)
        self._cover.setGeometry(r)
        if self.presenter_page is not None:
            self.presenter_page.setGeometry(r)
        font = QFont(_family())
        font.setPixelSize(max(14, round(self.slide_view.scale() * 26)))
        self.jump_label.setFont(font)
        self.jump_label.adjustSize()
        self.jump_label.move(r.width() - self.jump_label.width() - 24, 24)

    def _show_current(self) -> None:
        slide = self.slides[self.index]
        self.slide_view.set_slide(slide, self.index + 1, len(self.slides))
        if self.blank:
            pal = self._cover.palette()
            pal.setColor(QPalette.ColorRole.Window, QColor("#000000" if self.blank == "black" else "#ffffff"))
            self._cover.setPalette(pal)
            self._cover.show()
            self._cover.raise_()
        else:
            self._cover.hide()
        page = self.presenter_page
        if page is not None:
            if self.notes_visible:
                page.setGeometry(self.rect())
                page.refresh()
                page.show()
                page.raise_()
                self.slide_view.hide()
            else:
                page.hide()
        if not self.notes_visible:
            self.slide_view.show()
        if self.blank:
            self._cover.raise_()
        if self.jump_label.isVisible():
            self.jump_label.raise_()
        self._layout_children()
        if self.console is not None:
            self.console.refresh()

    def _show_jump(self) -> None:
        if self.pending_digits:
            self.jump_label.setText(Presenter.tr("Go to slide {n}").format(n=self.pending_digits))
            self.jump_label.show()
            self._layout_children()
            self.jump_label.raise_()
        else:
            self.jump_label.hide()

    # -- screens ----------------------------------------------------------------------------------
    def place_on_screens(self, screens: Sequence[QScreen], *, swap: bool = False) -> tuple[int, int | None]:
        """Slides full screen on the audience screen; the console (if any) on the presenter's screen."""
        self._screens, self._swap = list(screens), swap
        infos = [screen_info(s) for s in self._screens]
        primary = QGuiApplication.primaryScreen()
        primary_index = self._screens.index(primary) if primary in self._screens else 0
        audience, presenter = choose_screens(infos, primary_index=primary_index, swap=swap)
        _show_on(self, self._screens[audience])
        if self.console is not None:
            if presenter is None:
                self.console.hide()
            else:
                _show_on(self.console, self._screens[presenter])
        self.activateWindow()
        self.setFocus()
        return audience, presenter


def screen_info(screen: QScreen) -> ScreenInfo:
    g = screen.geometry()
    return ScreenInfo(screen.name(), g.x(), g.y(), g.width(), g.height())


def _show_on(window: QWidget, screen: QScreen) -> None:
    if window.isFullScreen():
        window.showNormal()
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()


# ---- starting a presentation ----------------------------------------------------------------------

_RUNNING: list[PresenterWindow] = []


def _inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user why nothing happened (tests replace this)."""
    QMessageBox.information(parent, title, text)


def _pack_of(document_or_pack: Any) -> Pack:
    if callable(document_or_pack) and not isinstance(document_or_pack, Pack):
        document_or_pack = document_or_pack()
    return document_or_pack if isinstance(document_or_pack, Pack) else document_or_pack.pack


def missing_items(pack: Pack, catalog: Catalog) -> list[PackItem]:
    return [i for i in pack.items if (i.kind == "fact" and catalog.fact(i.ref) is None)
            or (i.kind == "chart" and i.ref not in catalog.charts)]


def refusal(pack: Pack, catalog: Catalog) -> str:
    """Why this pack cannot be presented ('' when it can)."""
    if not pack.items:
        return Presenter.tr("This briefing pack is empty, so there is nothing to present. "
                            "Add facts, charts or notes to it first.")
    missing = missing_items(pack, catalog)
    if len(missing) == len(pack.items):
        refs = ", ".join(i.ref for i in missing[:5]) + (" …" if len(missing) > 5 else "")
        return Presenter.tr("None of the items in this pack is in the catalog any more (data version {version}), "
                            "so there is nothing to present: {refs}. Replace them with current facts or charts, "
                            "then present.").format(version=catalog.version or "?", refs=refs)
    return ""


def start_presentation(document_or_pack: Any, catalog: Catalog, lang: str | None = None,
                       parent: QWidget | None = None, *, swap: bool = False,
                       screens: Sequence[QScreen] | None = None) -> PresenterWindow | None:
    """Present a pack (or a PackDocument's pack) full screen; None, with a message, if there is nothing to show.

    ``lang`` defaults to the pack's language. With two or more screens the presenter view opens on
    the laptop (see core.screens.choose_screens); ``swap`` puts it on the other screen.
    """
    pack = _pack_of(document_or_pack)
    reason = refusal(pack, catalog)
    if reason:
        _inform(parent, Presenter.tr("Nothing to present"), reason)
        return None
    lang = lang or pack.lang or "en"
    for old in list(_RUNNING):
        old.end()
    slides = compose_deck(pack, catalog, lang=lang)
    screen_list = list(screens) if screens is not None else list(QGuiApplication.screens())
    window = PresenterWindow(slides, catalog, lang, presenter_view=len(screen_list) > 1)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _RUNNING.append(window)
    window.ended.connect(lambda: _RUNNING.remove(window) if window in _RUNNING else None)
    if screen_list:
        window.place_on_screens(screen_list, swap=swap)
    else:
        window.showFullScreen()
    window.activateWindow()
    window.setFocus()
    return window


class PresentDialog(QDialog):
    """Before presenting: the language of the slides, which screen shows what, items that are missing."""

    def __init__(self, parent: QWidget | None, pack: Pack, catalog: Catalog, lang: str,
                 screens: Sequence[QScreen]):
        super().__init__(parent)
        self.setWindowTitle(Presenter.tr("Present"))
        self._screens = list(screens)
        form = QFormLayout()
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("English", "en")
        self.lang_combo.addItem("Español", "es")
        self.lang_combo.setCurrentIndex(1 if lang == "es" else 0)
        form.addRow(Presenter.tr("Language of the slides:"), self.lang_combo)
        self.swap_check = QCheckBox(Presenter.tr("Swap screens"))
        self.swap_check.setEnabled(len(self._screens) > 1)
        self.screens_label = QLabel()
        self.screens_label.setWordWrap(True)
        form.addRow(Presenter.tr("Screens:"), self.screens_label)
        form.addRow("", self.swap_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        missing = missing_items(pack, catalog)
        if missing:
            text = (Presenter.tr("{n} items of this pack are no longer in the catalog; their slides say so: {refs}. "
                                 "Remove them before presenting to avoid showing them.") if len(missing) > 1 else
                    QCoreApplication.translate("PresenterView", "One item of this pack is no longer in the catalog; "
                                               "its slide says so: {refs}. Remove it before presenting to avoid "
                                               "showing it."))
            warn = QLabel(text.format(n=len(missing), refs=", ".join(i.ref for i in missing[:5])))
            warn.setWordWrap(True)
            warn.setStyleSheet(f"color: {_MISSING_INK};")
            layout.addWidget(warn)
        keys = QLabel(Presenter.tr("Keys: → / Space next · ← previous · number + Enter go to slide · "
                                   "B black · W white · N presenter view · Esc end"))
        keys.setWordWrap(True)
        keys.setObjectName("Muted")
        layout.addWidget(keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(Presenter.tr("Present"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.swap_check.toggled.connect(self._describe_screens)
        self._describe_screens()

    def _describe_screens(self) -> None:
        if len(self._screens) < 2:
            self.screens_label.setText(QCoreApplication.translate(
                "PresenterView", "One screen: N switches between the slide and your presenter view "
                "(notes, next slide, timer)."))
            return
        infos = [screen_info(s) for s in self._screens]
        primary = QGuiApplication.primaryScreen()
        primary_index = self._screens.index(primary) if primary in self._screens else 0
        audience, presenter = choose_screens(infos, primary_index=primary_index, swap=self.swap_check.isChecked())
        self.screens_label.setText(Presenter.tr("Slides on {a}; presenter view on {p}.").format(
            a=infos[audience].name, p=infos[presenter].name if presenter is not None else "—"))

    def choice(self) -> tuple[str, bool]:
        return self.lang_combo.currentData(), self.swap_check.isChecked()


def _ask_present_options(parent: QWidget | None, pack: Pack, catalog: Catalog, lang: str,
                         screens: Sequence[QScreen]) -> tuple[str, bool] | None:
    """(language, swap) chosen before presenting, or None if cancelled (tests replace this)."""
    dialog = PresentDialog(parent, pack, catalog, lang, screens)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def present_from(window: QWidget | None, document: Any, catalog: Catalog,
                 lang_getter: Callable[[], str | None] | None = None) -> PresenterWindow | None:
    """What the Present action does: check the pack, ask for the language, start."""
    pack = _pack_of(document)
    cat = catalog() if callable(catalog) else catalog
    reason = refusal(pack, cat)
    if reason:
        _inform(window, Presenter.tr("Nothing to present"), reason)
        return None
    default = (lang_getter() if lang_getter is not None else None) or pack.lang or "en"
    screens = list(QGuiApplication.screens())
    options = _ask_present_options(window, pack, cat, default, screens)
    if options is None:
        return None
    lang, swap = options
    return start_presentation(pack, cat, lang, window, swap=swap, screens=screens)


def install_present_action(window: QWidget, document: Any, catalog: Catalog,
                           lang_getter: Callable[[], str | None] | None = None) -> QAction:
    """Add "Present" (F5) to ``window`` and return the action (put it on the toolbar / View menu).

    ``document`` is the PackDocument (or a callable returning it, or a Pack); ``lang_getter`` returns the
    language to preselect (None: the pack's own language).
    """
    action = QAction(Presenter.tr("Present"), window)
    action.setObjectName("PresentAction")
    action.setShortcut(QKeySequence(Qt.Key.Key_F5))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(Presenter.tr("Present the briefing pack full screen (F5)"))
    action.triggered.connect(lambda: present_from(window, document, catalog, lang_getter))
    window.addAction(action)
    return action


# ---- screenshots ----------------------------------------------------------------------------------

def render_present_slide(pack: Pack, catalog: Catalog, lang: str, index: int, size: QSize | tuple[int, int]
                         ) -> QImage:
    """Slide ``index`` (0-based) of the pack as the audience sees it, at ``size`` pixels."""
    slides = compose_deck(pack, catalog, lang=lang)
    if not 0 <= index < len(slides):
        raise IndexError(f"the deck has {len(slides)} slides; there is no slide {index + 1}")
    return render_slide_image(slides[index], catalog, lang, index + 1, len(slides), size)


def render_slide_image(slide: Slide, catalog: Catalog, lang: str, number: int, total: int,
                       size: QSize | tuple[int, int]) -> QImage:
    w, h = (size.width(), size.height()) if isinstance(size, QSize) else size
    widget = SlideWidget(catalog, lang)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(w, h)
    widget.set_slide(slide, number, total)
    widget.show()
    QApplication.processEvents()
    image = widget.grab().toImage()
    widget.close()
    widget.deleteLater()
    return image


def render_present_view(view: str, pack: Pack, catalog: Catalog, lang: str, size: QSize | tuple[int, int]
                        ) -> QImage:
    """For ``screenshot --view present[:N]``: N counts from 1 as the slide numbers do (default 1)."""
    match = re.fullmatch(r"present(?::(\d+))?", view.strip())
    if not match:
        raise ValueError(f"not a presenter view: {view!r} (use present or present:N)")
    number = int(match.group(1) or 1)
    return render_present_slide(pack, catalog, lang, number - 1, size)


def sample_pack(catalog: Catalog, lang: str = "en") -> Pack:
    """A small pack from the catalog (first facts, a chart, a note, a divider) for screenshots."""
    items: list[PackItem] = []
    first_section = catalog.sections[0] if catalog.sections else None
    if first_section is not None:
        items.append(PackItem("divider", text=first_section.title(lang)))
    items += [PackItem("fact", ref=f.id, talking_points="") for f in catalog.facts[:2]]
    chart_id = next((f.chart for f in catalog.facts if f.chart and f.chart in catalog.charts), None) \
        or next(iter(catalog.charts), None)
    if chart_id:
        items.append(PackItem("chart", ref=chart_id))
    return Pack(title="The North American Project", lang=lang, items=tuple(items))


__all__ = ["PresenterWindow", "SlideWidget", "PresenterConsole", "PresentDialog", "start_presentation",
           "install_present_action", "present_from", "render_present_slide", "render_present_view",
           "render_slide_image", "refusal", "CANVAS_W", "CANVAS_H"]

