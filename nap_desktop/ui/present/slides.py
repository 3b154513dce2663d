"""Drawing one slide: the deck's slides (core/deck.py) painted on a fixed 1600×900 logical canvas,
scaled (letterboxed) to any widget; the fonts they use; a slide as an image (screenshots).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

from nap_desktop.core.catalog.model import STATUS_SHORT, Catalog
from nap_desktop.core.deck import Slide, t as deck_t
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

    def _paint_figures(self, p: QPainter, slide: Slide) -> None:
        """Key figures: up to six facts in a grid, each its figure, noun, claim and period (as the deck)."""
        self._accent_bar(p)
        self._kicker(p, slide)
        self._text(p, slide.title, self._r(MARGIN, 84, CANVAS_W - 2 * MARGIN, 84), max_px=44, min_px=26,
                   bold=True, align=_LEFT | _VCENTER, what="title")
        cells = slide.cells
        cols = 3 if len(cells) > 4 or len(cells) == 3 else 2
        rows = max(1, -(-len(cells) // cols))
        top, bottom = 186.0, self._content_bottom() - 60.0
        gutter = 36.0
        cell_w = (CANVAS_W - 2 * MARGIN - gutter * (cols - 1)) / cols
        cell_h = (bottom - top - gutter * (rows - 1)) / rows
        for n, cell in enumerate(cells):
            r, c = divmod(n, cols)
            x, y = MARGIN + c * (cell_w + gutter), top + r * (cell_h + gutter)
            p.fillRect(self._r(x, y, cell_w, 4), QColor(self._accent()))
            y += 12
            if cell.figure:
                self._text(p, cell.figure, self._r(x, y, cell_w, 70), max_px=56, min_px=30, color=self._accent(),
                           bold=True, align=_LEFT | _VCENTER, what="figure")
                y += 72
            if cell.label:
                self._text(p, cell.label, self._r(x, y, cell_w, 34), max_px=26, min_px=18, color=theme.MUTED,
                           what="figure_label")
                y += 38
            period_h = 30.0 if cell.period else 0.0
            self._text(p, cell.claim, self._r(x, y, cell_w, max(30.0, top + (r + 1) * cell_h + r * gutter - y - period_h)),
                       max_px=26, min_px=17, what="statement")
            if cell.period:
                self._text(p, f"{deck_t('period', self._lang)}: {cell.period}",
                           self._r(x, top + (r + 1) * cell_h + r * gutter - period_h, cell_w, period_h),
                           max_px=20, min_px=16, color=theme.MUTED, align=_LEFT | _VCENTER, what="period")
        self._footnotes(p, slide, bottom + 6, self._content_bottom() - bottom - 8)
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
