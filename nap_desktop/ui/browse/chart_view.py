"""ChartView: draws any core.charts.ChartSpec with pyqtgraph, with hover values, a table and the source line.

Reusable (detail view, presenter): ``ChartView(spec, catalog, lang)``; ``set_spec`` / ``set_language``.
Numbers on axes, labels and in the table go through core.formatting (via ``spec.format``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QFontMetrics, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.charts import style
from nap_desktop.core.charts.spec import KINDS, NORTH_AMERICA_COLOR, REST_COLOR, ChartSpec, source_line
from nap_desktop.core.formatting import format_axis_unit, format_date, format_value
from nap_desktop.core.catalog.model import Catalog
from nap_desktop.ui import theme

pg.setConfigOptions(antialias=True, background="w", foreground=theme.INK)

# The colours every renderer uses (core/charts/style.py): the deck, the images and the screen match.
_CYCLE = list(style.SERIES_CYCLE)
POSITIVE = style.POSITIVE_COLOR
NEGATIVE = style.NEGATIVE_COLOR
GAP_COLOR = "#9aa3ab"
NO_DATA_FILL = "#ffffff"
NO_DATA_SWATCH = "no-data"  # legend key drawn as a hatched grey square


class ValueAxis(pg.AxisItem):
    """A numeric axis whose tick labels are written by core.formatting in the chart's language."""

    def __init__(self, orientation: str, lang: str = "en", **kwargs: Any):
        super().__init__(orientation, **kwargs)
        self.lang = lang
        self.enableAutoSIPrefix(False)
        # labels on the major ticks only: "0 5 10 15", never a label on every minor step
        self.setStyle(maxTextLevel=0)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        # only the decimals the ticks need: 0, 20, 40 (never "20.0"); 0.5, 1.0, 1.5
        scaled = [v * scale for v in values]
        decimals = style.tick_decimals(scaled)
        return [style.format_tick(v, self.lang, decimals) for v in scaled]


class PagePlotWidget(pg.PlotWidget):
    """A plot that never zooms or pans: the mouse wheel over it scrolls the page it sits on.

    pyqtgraph takes every wheel event for its zoom; here the turn goes to the nearest scroll area
    around the chart (the detail page), as if the wheel had turned over the page itself."""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        area = self.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()  # nothing to scroll: let Qt offer it to whoever is around
            return
        target = area.viewport()
        where = target.mapFromGlobal(event.globalPosition().toPoint())
        forwarded = QWheelEvent(QPointF(where), event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                event.buttons(), event.modifiers(), event.phase(), event.inverted(), event.source())
        QApplication.sendEvent(target, forwarded)
        event.accept()

    def contextMenuEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        hook = getattr(self, "context_menu_hook", None)
        if callable(hook) and hook(event):
            return
        super().contextMenuEvent(event)


class YearAxis(pg.AxisItem):
    """Timeline axis: whole years."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [format_value(round(v), "year") if abs(v - round(v)) < 1e-6 else "" for v in values]


@dataclass
class _Hit:
    rect: QRectF | None  # data coordinates; None for a point
    point: QPointF | None
    text: str
    category: str = ""  # a tile map's state code (its right-click menu)


def _elide(text: str, font: QFont, width: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


class ChartView(QWidget):
    """A ChartSpec on screen: chart or table, legend, gaps with their reasons, and the source line."""

    def __init__(self, spec: ChartSpec | None, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self._spec = spec
        self._catalog = catalog
        self._lang = lang
        self._hits: list[_Hit] = []
        self._horizontal = False
        self.last_hover_text = ""
        self.legend_entries: list[str] = []  # the legend's texts, in order (for tests and screen readers)
        self.key_events: list[str] = []  # a timeline's emphasised events

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title_label = QLabel()
        self.title_label.setObjectName("ChartTitle")
        self.title_label.setWordWrap(True)
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("Muted")
        self.subtitle_label.setWordWrap(True)
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        head.addLayout(titles, 1)
        layout.addLayout(head)
        tools = QHBoxLayout()  # under the titles, so a long title never competes with the buttons
        self.table_toggle = QPushButton()
        self.table_toggle.setCheckable(True)
        self.table_toggle.toggled.connect(self._on_table_toggle_toggled)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_table)
        tools.addWidget(self.table_toggle)
        tools.addWidget(self.copy_button)
        tools.addStretch(1)
        layout.addLayout(tools)

        self.stack = QStackedWidget()
        self.plot_widget = PagePlotWidget(axisItems={"left": ValueAxis("left", lang), "bottom": ValueAxis("bottom", lang)})
        self.plot_widget.setMinimumHeight(260)
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        plot = self.plot_widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getViewBox().setMouseEnabled(False, False)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.plot_widget.context_menu_hook = self._tile_context_menu
        self.last_menu: Any = None  # the right-click menu last shown (tests trigger its action)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.stack.addWidget(self.plot_widget)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)

        self.legend_label = QLabel()
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.gap_label = QLabel()
        self.gap_label.setObjectName("GapNote")
        self.gap_label.setWordWrap(True)
        self.source_label = QLabel()
        self.source_label.setObjectName("SourceLine")
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label = QLabel()
        self.notes_label.setObjectName("Muted")
        self.notes_label.setWordWrap(True)
        for label in (self.legend_label, self.gap_label, self.source_label, self.notes_label):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            layout.addWidget(label)
        self._retranslate()
        self._draw()

    # ---- public -----------------------------------------------------------------------------
    @property
    def spec(self) -> ChartSpec | None:
        return self._spec

    @property
    def lang(self) -> str:
        return self._lang

    def set_spec(self, spec: ChartSpec | None) -> None:
        if spec is not None and self._spec is not None and spec.id != self._spec.id \
                and self.table_toggle.isChecked():
            self.table_toggle.setChecked(False)  # another chart opens as a chart: the table was the last one's
        self._spec = spec
        self._draw()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._draw()

    def show_table(self, on: bool = True) -> None:
        self.table_toggle.setChecked(on)

    def table_text(self) -> str:
        """The chart's data as tab-separated text (header + one line per category) for Excel."""
        if self._spec is None:
            return ""
        header, rows = self._spec.table(self._lang)

        def cell(value: Any) -> str:
            if value is None:
                return ""
            if isinstance(value, float):
                # Full precision, no thousands separator: Excel reads it as a number in any locale
                # that uses a decimal point.
                return str(int(value)) if value.is_integer() else repr(value)
            return str(value).replace("\t", " ").replace("\n", " ")

        lines = ["\t".join(cell(h) for h in header)]
        lines += ["\t".join(cell(v) for v in row) for row in rows]
        return "\n".join(lines) + "\n"

    def _unit_line(self) -> str:
        spec = self._spec
        unit = spec.y_title(self._lang) if spec is not None else ""
        return QCoreApplication.translate("ChartView", "Unit: %1").replace("%1", unit) if unit else ""

    def clipboard_text(self) -> str:
        """What "Copy data" puts on the clipboard as text: the title, the unit, the table as
        tab-separated lines (pastes into Excel as cells), the missing values' reasons, the source line."""
        spec = self._spec
        if spec is None:
            return ""
        head = [spec.title(self._lang)] + [line for line in (self._unit_line(),) if line]
        tail = [line for line in (self._gap_text(), source_line(spec, self._catalog, self._lang)) if line]
        return "\n".join(head) + "\n" + self.table_text() + "".join(line + "\n" for line in tail)

    def clipboard_html(self) -> str:
        """The same as an HTML table, for email and Word (numbers as the chart writes them)."""
        spec = self._spec
        if spec is None:
            return ""
        header, rows = spec.table(self._lang)
        offset = len(header) - len(spec.series)
        cells = ["<tr>" + "".join(f"<th>{_html(str(h))}</th>" for h in header) + "</tr>"]
        for row in rows:
            cells.append("<tr>" + "".join(
                f"<td align='right'>{_html(spec.format(v, self._lang))}</td>" if c >= offset
                else f"<td>{_html(str(v))}</td>" for c, v in enumerate(row)) + "</tr>")
        unit = self._unit_line()
        parts = [f"<p><b>{_html(spec.title(self._lang))}</b>" + (f"<br>{_html(unit)}" if unit else "") + "</p>",
                 "<table border='1' cellspacing='0' cellpadding='4'>" + "".join(cells) + "</table>"]
        for line in (self._gap_text(), source_line(spec, self._catalog, self._lang)):
            if line:
                parts.append(f"<p>{_html(line)}</p>")
        return "<html><body>" + "".join(parts) + "</body></html>"

    def copy_table(self) -> None:
        mime = QMimeData()
        mime.setText(self.clipboard_text())
        mime.setHtml(self.clipboard_html())
        QGuiApplication.clipboard().setMimeData(mime)

    def hover_text_at(self, x: float, y: float) -> str:
        """What hovering at data coordinates (x, y) shows ('' when nothing is there)."""
        target = QPointF(x, y)
        for hit in self._hits:
            if hit.rect is not None and hit.rect.contains(target):
                return hit.text
        view = self.plot_widget.getPlotItem().getViewBox()
        best, best_d = "", 14.0  # pixels
        here = view.mapViewToScene(target)
        for hit in self._hits:
            if hit.point is None:
                continue
            there = view.mapViewToScene(hit.point)
            d = math.hypot(here.x() - there.x(), here.y() - there.y())
            if d < best_d:
                best, best_d = hit.text, d
        return best

    def tile_at(self, x: float, y: float) -> str:
        """The state whose tile is at data coordinates (x, y) on a tile map ('' when none)."""
        target = QPointF(x, y)
        return next((h.category for h in self._hits if h.category and h.rect is not None and h.rect.contains(target)), "")

    def _tile_context_menu(self, event: Any) -> bool:
        """Right-click on a state in a tile map: "Make a pack for <state>" (the window makes its brief)."""
        make = getattr(self.window(), "make_state_pack", None)
        if self._spec is None or self._spec.kind != "tilemap" or not callable(make):
            return False
        view = self.plot_widget.getPlotItem().getViewBox()
        where = view.mapSceneToView(self.plot_widget.mapToScene(event.pos()))
        code = self.tile_at(where.x(), where.y())
        if not code:
            return False
        from nap_desktop.core.catalog.states import resolve_state
        from nap_desktop.ui.states.tile_map import state_menu

        state = resolve_state(code)
        self.last_menu = state_menu(self, code, state.name_es if self._lang == "es" else state.name_en, make)
        self.last_menu.popup(event.globalPos())
        event.accept()
        return True

    def hit_points(self) -> list[tuple[float, float, str]]:
        """Where the hover targets are (data coordinates, centre) and what they show: for tests."""
        out = []
        for hit in self._hits:
            c = hit.rect.center() if hit.rect is not None else hit.point
            out.append((c.x(), c.y(), hit.text))
        return out

    # ---- language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.table_toggle.setText(QCoreApplication.translate("ChartView", "Show chart") if self.table_toggle.isChecked() else QCoreApplication.translate("ChartView", "Show table"))
        self.table_toggle.setToolTip(QCoreApplication.translate("ChartView", "Switch between the chart and the same data as a table"))
        self.copy_button.setText(QCoreApplication.translate("ChartView", "Copy data"))
        self.copy_button.setToolTip(QCoreApplication.translate("ChartView", "Copy the title, unit, data and source line (the table pastes into Excel as cells)"))

    def _on_table_toggle_toggled(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.table if on else self.plot_widget)
        self._retranslate()

    # ---- drawing --------------------------------------------------------------------------------
    def _draw(self) -> None:
        spec, lang = self._spec, self._lang
        plot = self.plot_widget.getPlotItem()
        plot.clear()
        self._hits = []
        self.gap_label.clear()
        plot.getViewBox().setAspectLocked(False)
        wants_years = spec is not None and spec.kind == "timeline"
        if wants_years != isinstance(plot.getAxis("bottom"), YearAxis):
            plot.setAxisItems({"bottom": YearAxis("bottom") if wants_years else ValueAxis("bottom", lang)})
        self.legend_label.clear()
        self.legend_entries = []
        self.key_events = []
        for axis in ("left", "bottom"):
            ax = plot.getAxis(axis)
            if isinstance(ax, ValueAxis):
                ax.lang = lang
            ax.setTicks(None)
            if axis == "left":
                ax.setWidth(None)
            plot.showAxis(axis)
            plot.setLabel(axis, "")
        if spec is None:
            for label in (self.title_label, self.subtitle_label, self.gap_label, self.source_label, self.notes_label):
                label.clear()
            self._fill_table()
            return
        self.title_label.setText(spec.title(lang))
        self.subtitle_label.setText(spec.subtitle(lang))
        self.subtitle_label.setVisible(bool(spec.subtitle(lang)))
        self.source_label.setText(source_line(spec, self._catalog, lang))
        from nap_desktop.ui.updates.staleness import with_chart_note  # "Newer figures: … likely newer since …"

        notes = with_chart_note(spec.notes(lang), spec, self._catalog, lang)
        self.notes_label.setText(notes)
        self.notes_label.setVisible(bool(notes))
        self._horizontal = False
        kind = spec.kind if spec.kind in KINDS else "table"
        drawer = getattr(self, f"_draw_{kind}")
        is_table = kind == "table"
        self.table_toggle.setVisible(not is_table)
        drawer(spec, plot)
        self._fill_table()
        if is_table:
            self.stack.setCurrentWidget(self.table)
        else:
            self.stack.setCurrentWidget(self.table if self.table_toggle.isChecked() else self.plot_widget)
        self._describe_gaps()

    def _value_label(self, spec: ChartSpec, value: float | None) -> str:
        return spec.format(value, self._lang)

    def _hover(self, spec: ChartSpec, i: int, series_index: int | None) -> str:
        labels = spec.category_labels(self._lang)
        cat = labels[i] if i < len(labels) else spec.categories[i]
        if series_index is None:
            return cat
        series = spec.series[series_index]
        value = series.values[i]
        name = series.label(self._lang)
        head = f"{cat} · {name}" if name and len(spec.series) > 1 or (name and spec.kind == "line") else cat
        if value is None:
            gap = spec.gap_for(spec.categories[i], series.key)
            reason = gap.reason(self._lang) if gap else ""
            return f"{head}: {spec.format(None, self._lang)}" + (f" — {reason}" if reason else "")
        return f"{head}: {style.hover_value(spec, value, self._lang)}"

    def _category_axis(self, plot: Any, axis: str, labels: tuple[str, ...], positions: list[float],
                       categories: tuple[str, ...] = ()) -> None:
        ax = plot.getAxis(axis)
        font = ax.style.get("tickFont") or self.font()
        if axis == "bottom":
            slot = max(40, (self.plot_widget.width() or 600) - 120) / max(1, len(labels))
            longest = max((QFontMetrics(font).horizontalAdvance(t) for t in labels), default=0)
            step = max(1, math.ceil((longest + 12) / slot)) if longest + 12 > slot else 1
            keep = [k % step == 0 for k in range(len(labels))]
            calendar = _calendar_steps(categories) if step > 1 and len(categories) == len(labels) else None
            if calendar is not None:
                # months and years thin out on round steps: every January (or quarter), every 5th year
                numbers, steps = calendar
                step = next((n for n in steps if n >= step), steps[-1])
                keep = [number % step == 0 for number in numbers]
            ticks = [(p, t) for k, (p, t) in enumerate(zip(positions, labels, strict=True)) if keep[k]]
            if step > 1 and any(len(t) > 12 for t in labels):  # long names: shorten rather than overlap
                width = int(slot * step) - 8
                ticks = [(p, _elide(t, font, max(30, width))) for p, t in ticks]
        else:
            width = min(260, max((QFontMetrics(font).horizontalAdvance(t) for t in labels), default=40) + 16)
            ax.setWidth(width)
            ticks = [(p, _elide(t, font, width - 12)) for p, t in zip(positions, labels, strict=True)]
        ax.setTicks([ticks, []])

    def _axis_titles(self, spec: ChartSpec, plot: Any, horizontal: bool, labelled: bool = False) -> None:
        """No category-axis title ("Country" under country names says nothing); the value axis keeps
        its title unless the subtitle already names the unit; with data labels it is not drawn at all."""
        value_axis, cat_axis = ("bottom", "left") if horizontal else ("left", "bottom")
        plot.setLabel(cat_axis, "")
        if labelled:
            plot.setLabel(value_axis, "")
            plot.hideAxis(value_axis)
        else:
            plot.setLabel(value_axis, style.value_axis_title(spec, self._lang))

    @staticmethod
    def _num(values: tuple[float | None, ...]) -> np.ndarray:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float)

    def _bar_color(self, spec: ChartSpec, i: int, series_color: str, value: float | None = None) -> str:
        if len(spec.series) == 1 and value is not None and value < 0:
            return NEGATIVE  # a surplus (or a fall) in its own colour, as in the deck and the images
        if spec.category_colors and i < len(spec.category_colors) and spec.category_colors[i]:
            return spec.category_colors[i]
        if spec.highlight and len(spec.series) == 1:
            return NORTH_AMERICA_COLOR if spec.categories[i] in spec.highlight else REST_COLOR
        return series_color or _CYCLE[0]

    def _add_text(self, plot: Any, x: float, y: float, text: str, anchor: tuple[float, float],
                  color: str = theme.INK, fill: str | None = None) -> None:
        item = pg.TextItem(text, color=color, anchor=anchor, fill=pg.mkBrush(fill) if fill else None)
        item.setPos(x, y)
        plot.addItem(item)

    def _mark_gap(self, plot: Any, spec: ChartSpec, x: float, y: float, i: int, s: int, horizontal: bool,
                  negative_side: bool = False) -> None:
        """'n/a *' at the zero line of a missing bar, on the side of the axis where the bars have room.

        ``negative_side``: every value of the chart is below zero, so there is no room past zero (the
        label would be cut off at the plot's right or top edge): write it towards the bars instead.
        """
        if horizontal:
            anchor = (1, 0.5) if negative_side else (0, 0.5)
        else:
            anchor = (0.5, 0) if negative_side else (0.5, 1)
        self._add_text(plot, x, y, spec.format(None, self._lang) + " *", anchor, GAP_COLOR)
        size = 0.6
        rect = QRectF(x - 0.05, y - size / 2, 1.0, size) if horizontal else QRectF(x - size / 2, y - 0.05, size, 1.0)
        self._hits.append(_Hit(rect, None, self._hover(spec, i, s)))

    def _legend(self, entries: list[tuple[str, str]]) -> None:
        def keep_together(text: str) -> str:
            # an entry wraps as a whole, never inside ("Carne | de aves"), unless it alone is a line long
            return _html(text).replace(" ", "&nbsp;") if len(text) <= 48 else _html(text)

        html = "&nbsp;&nbsp; ".join(
            (f"<span style='color:{GAP_COLOR}; font-size:14pt'>▨</span>" if c == NO_DATA_SWATCH else
             f"<span style='color:{c}; font-size:14pt'>■</span>") + f"&nbsp;{keep_together(t)}"
            for c, t in entries)
        self.legend_entries = [t for _, t in entries]
        self.legend_label.setText(html)

    def _series_legend(self, spec: ChartSpec) -> None:
        """One entry per series that has a value, in series order, in the colour it is drawn in."""
        colors = style.series_colors(spec)
        self._legend([(colors[k], spec.series[k].label(self._lang)) for k in style.legend_series(spec)])

    # -- kinds ------------------------------------------------------------------------------
    def _draw_line(self, spec: ChartSpec, plot: Any) -> None:
        n = len(spec.categories)
        xs = np.arange(n, dtype=float)
        colors = style.series_colors(spec)
        for s, series in enumerate(spec.series):
            ys = self._num(series.values)
            color = colors[s]
            plot.plot(xs, ys, pen=pg.mkPen(color, width=2.5), connect="finite",
                      symbol="o", symbolSize=6, symbolBrush=color, symbolPen=None)
            for i, v in enumerate(series.values):
                if v is None:
                    continue
                self._hits.append(_Hit(None, QPointF(float(i), float(v)), self._hover(spec, i, s)))
        finite = [v for se in spec.series for v in se.values if v is not None]
        low, high = min(finite, default=0.0), max(finite, default=1.0)
        span = (high - low) or abs(high) or 1.0
        band = span * 0.14  # room under the lines for the 'n/a *' marks
        marked: set[int] = set()
        for s, series in enumerate(spec.series):
            for i in _line_gaps(spec, series):
                self._hits.append(_Hit(QRectF(i - 0.3, -1e18, 0.6, 2e18), None, self._hover(spec, i, s)))
                if i in marked:
                    continue
                marked.add(i)
                plot.addItem(pg.InfiniteLine(pos=float(i), angle=90,
                                             pen=pg.mkPen(GAP_COLOR, width=1, style=Qt.PenStyle.DashLine)))
        # One 'n/a *' per run of consecutive missing categories (not one per year, which overlap), and
        # when two runs are closer than a label's width, the second sits one line higher.
        text = spec.format(None, self._lang) + " *"
        slot_px = max(1.0, ((self.plot_widget.width() or 600) - 90) / max(1, n))
        label_px = QFontMetrics(self.font()).horizontalAdvance(text) + 8
        previous, level = None, 0
        for run in _runs(sorted(marked)):
            centre = (run[0] + run[-1]) / 2
            level = 1 - level if previous is not None and (centre - previous) * slot_px < label_px else 0
            # in a band kept free below the lowest value (never over a line); a second line up
            self._add_text(plot, centre, low - band, text, (0.5, 1.0 + 1.1 * level), GAP_COLOR, "#ffffff")
            previous = centre
        self._category_axis(plot, "bottom", spec.category_labels(self._lang), list(xs), spec.categories)
        self._axis_titles(spec, plot, horizontal=False)
        if len(spec.series) > 1:
            self._series_legend(spec)
        plot.enableAutoRange()
        if marked:
            vb = plot.getViewBox()
            vb.setYRange(low - band, high + span * 0.04, padding=0.02)

    def _draw_column(self, spec: ChartSpec, plot: Any) -> None:
        self._draw_bars(spec, plot, horizontal=False)

    def _draw_bar(self, spec: ChartSpec, plot: Any) -> None:
        self._draw_bars(spec, plot, horizontal=True)

    def _draw_grouped(self, spec: ChartSpec, plot: Any) -> None:
        self._draw_bars(spec, plot, horizontal=False)

    def _draw_diverging(self, spec: ChartSpec, plot: Any) -> None:
        self._draw_bars(spec, plot, horizontal=True)

    def _draw_share(self, spec: ChartSpec, plot: Any) -> None:
        """Shares of a whole as the deck draws them: one labelled horizontal bar per category (North
        America in its highlight colour), so no two segments of one bar share a grey."""
        self._draw_bars(spec, plot, horizontal=True)

    def _draw_bars(self, spec: ChartSpec, plot: Any, *, horizontal: bool) -> None:
        """Column, bar, grouped, diverging and share bars: one slot per category, one bar per series."""
        n, m = len(spec.categories), max(1, len(spec.series))
        slot = 0.8 / m
        # Horizontal charts list the first category at the top, and within it the first series on top
        # (the legend's order, read top to bottom).
        if horizontal:
            def centre_of(i: int, s: int) -> float:
                return float(n - 1 - i) + 0.4 - slot * (s + 0.5)
        else:
            def centre_of(i: int, s: int) -> float:
                return float(i) - 0.4 + slot * (s + 0.5)
        finite = [v for se in spec.series for v in se.values if v is not None]
        span = (max(finite, default=1.0) - min(0.0, min(finite, default=0.0))) or 1.0
        labelled = style.data_labels_carry_numbers(spec)
        negative_side = bool(finite) and max(finite) <= 0 < -min(finite)
        colors = style.series_colors(spec)
        for s, series in enumerate(spec.series):
            color = colors[s]
            for i, v in enumerate(series.values):
                centre = centre_of(i, s)
                if v is None:
                    x, y = (0.0, centre) if horizontal else (centre, 0.0)
                    self._mark_gap(plot, spec, x, y, i, s, horizontal, negative_side)
                    continue
                fill = self._bar_color(spec, i, color, v) if m == 1 else color
                low, size = min(0.0, v), abs(v)
                if horizontal:
                    rect = QRectF(low, centre - slot * 0.45, size, slot * 0.9)
                else:
                    rect = QRectF(centre - slot * 0.45, low, slot * 0.9, size)
                item = pg.BarGraphItem(x0=[rect.x()], y0=[rect.y()], width=[rect.width()], height=[rect.height()],
                                       brush=pg.mkBrush(fill), pen=pg.mkPen(None))
                plot.addItem(item)
                self._hits.append(_Hit(rect, None, self._hover(spec, i, s)))
                if labelled:
                    text = style.data_label(spec, v, self._lang)
                    pad = span * 0.01
                    if horizontal:
                        self._add_text(plot, v + (pad if v >= 0 else -pad), centre, text,
                                       (0, 0.5) if v >= 0 else (1, 0.5))
                    else:
                        self._add_text(plot, centre, v, text, (0.5, 1) if v >= 0 else (0.5, 0))
        positions = [float(n - 1 - i) if horizontal else float(i) for i in range(n)]
        self._category_axis(plot, "left" if horizontal else "bottom", spec.category_labels(self._lang), positions)
        self._axis_titles(spec, plot, horizontal, labelled)
        zero = pg.InfiniteLine(pos=0.0, angle=90 if horizontal else 0, pen=pg.mkPen(theme.MUTED, width=1))
        plot.addItem(zero)
        signs = style.sign_legend(spec, self._lang)
        if m > 1:
            self._series_legend(spec)
        elif signs is not None:
            # what a bar below zero means here (a surplus where the chart shows a deficit)
            entries = [(NEGATIVE, signs[1])]
            if any(v is not None and v > 0 for v in spec.series[0].values):
                pos_color = NORTH_AMERICA_COLOR if spec.highlight else (spec.category_colors[0] if spec.category_colors else colors[0])
                entries.insert(0, (pos_color, signs[0]))
            self._legend(entries)
        elif spec.highlight and any(c not in spec.highlight for c in spec.categories):
            self._legend([(NORTH_AMERICA_COLOR, QCoreApplication.translate("ChartView", "North America")), (REST_COLOR, QCoreApplication.translate("ChartView", "Rest of the world"))])
        vb = plot.getViewBox()
        vb.enableAutoRange()
        # room for the value labels beyond the longest bar
        lo, hi = min(0.0, min(finite, default=0.0)), max(0.0, max(finite, default=1.0))
        extra = span * (0.28 if horizontal else 0.12) if labelled else span * 0.04
        # no padding below zero when nothing is negative: the bars grow from the axis line itself
        value_range = (lo - (extra if lo < 0 else 0), hi + (extra if hi > 0 else span * 0.02))
        if horizontal:
            vb.setXRange(*value_range, padding=0)
            vb.setYRange(-0.6, n - 0.4, padding=0)
        else:
            vb.setYRange(*value_range, padding=0)
            vb.setXRange(-0.6, n - 0.4, padding=0)

    def _draw_stacked(self, spec: ChartSpec, plot: Any) -> None:
        n = len(spec.categories)
        up, down = np.zeros(n), np.zeros(n)
        colors = style.series_colors(spec)
        labelled = style.data_labels_carry_numbers(spec)
        tallest = max((sum(abs(v) for v in col if v is not None) for col in zip(*(se.values for se in spec.series))),
                      default=1.0) or 1.0
        missing: dict[int, list[int]] = {}
        for s, series in enumerate(spec.series):
            color = colors[s]
            for i, v in enumerate(series.values):
                if v is None:
                    missing.setdefault(i, []).append(s)
                    continue
                base = up[i] if v >= 0 else down[i] + v
                rect = QRectF(i - 0.35, base, 0.7, abs(v))
                plot.addItem(pg.BarGraphItem(x0=[rect.x()], y0=[rect.y()], width=[0.7], height=[abs(v)],
                                             brush=pg.mkBrush(color), pen=pg.mkPen("#ffffff", width=1)))
                self._hits.append(_Hit(rect, None, self._hover(spec, i, s)))
                if labelled and abs(v) >= tallest * 0.06:  # a thin segment keeps its value for hover
                    # readable on every fill: white on dark segments, dark on light ones
                    self._add_text(plot, float(i), base + abs(v) / 2, style.data_label(spec, v, self._lang), (0.5, 0.5),
                                   "#ffffff" if _is_dark(color) else theme.INK)
                if v >= 0:
                    up[i] += v
                else:
                    down[i] += v
        # a missing part: one 'n/a *' on top of its incomplete stack; a category with no part at all:
        # one 'n/a *' per run of such categories (side by side they would overprint each other)
        empty = [i for i, parts in missing.items() if len(parts) == len(spec.series)]
        text = spec.format(None, self._lang) + " *"
        for i, parts in missing.items():
            for s in parts:
                self._hits.append(_Hit(QRectF(i - 0.35, float(up[i]), 0.7, tallest * 0.08), None, self._hover(spec, i, s)))
            if i not in empty:
                self._add_text(plot, float(i), float(up[i]), text, (0.5, 1), GAP_COLOR)
        for run in _runs(sorted(empty)):
            self._add_text(plot, (run[0] + run[-1]) / 2, 0.0, text, (0.5, 1), GAP_COLOR)
        if len(spec.series) > 1 and n <= 12:
            # the total of each complete stack above it, as the deck writes it (never of a partial one)
            for i in range(n):
                column = [se.values[i] for se in spec.series]
                if i not in missing:
                    total = sum(v for v in column if v is not None)
                    word = QCoreApplication.translate("ChartView", "Total")
                    self._add_text(plot, float(i), float(up[i]), f"{word} {style.data_label(spec, total, self._lang)}",
                                   (0.5, 1), theme.INK)
        self._category_axis(plot, "bottom", spec.category_labels(self._lang), [float(i) for i in range(n)],
                            spec.categories)
        self._axis_titles(spec, plot, horizontal=False)
        plot.addItem(pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen(theme.MUTED, width=1)))
        self._series_legend(spec)
        vb = plot.getViewBox()
        vb.enableAutoRange()
        vb.setXRange(-0.6, n - 0.4, padding=0)
        top = float(max(up.max(initial=0.0), 0.0))
        bottom = float(min(down.min(initial=0.0), 0.0))
        vb.setYRange(bottom, top + (top - bottom) * 0.1, padding=0.02)

    def _draw_timeline(self, spec: ChartSpec, plot: Any) -> None:
        dates: dict[str, str] = dict(spec.extra.get("dates", {}))
        labels = spec.category_labels(self._lang)
        plot.hideAxis("left")
        points = []
        for i, cat in enumerate(spec.categories):
            iso = dates.get(cat, "")
            x = _fractional_year(iso)
            if x is None:
                continue
            points.append((x, i, iso))
        points.sort()
        if points:
            xs = [p[0] for p in points]
            plot.plot([min(xs), max(xs)], [0, 0], pen=pg.mkPen(theme.MUTED, width=2))
        key = style.key_dates(spec, self._lang)
        color = spec.series[0].color if spec.series else POSITIVE
        self.key_events = [labels[i] for _, i, _ in points if spec.categories[i] in key]
        for k, (x, i, iso) in enumerate(points):
            level = (1 + (k % 3)) * (1 if k % 2 == 0 else -1)
            big = spec.categories[i] in key
            plot.plot([x, x], [0, level * 0.8], pen=pg.mkPen(color if big else theme.BORDER, width=1))
            plot.plot([x], [0], pen=None, symbol="o", symbolSize=16 if big else 11, symbolBrush=color, symbolPen="w")
            when = format_date(iso, self._lang)
            # the date in bold over the event; the key date (the one the title names) all bold, in colour
            ink = color if big else theme.INK
            html = (f"<div style='color:{ink}; white-space:pre'><b>{_html(when)}</b><br>"
                    + (f"<b>{_html(labels[i])}</b>" if big else _html(labels[i])) + "</div>")
            # labels near the ends grow inwards so they are never cut by the plot's edge
            where = (x - points[0][0]) / ((points[-1][0] - points[0][0]) or 1.0)
            ax = 0.0 if where < 0.25 else 1.0 if where > 0.75 else 0.5
            item = pg.TextItem(html=html, anchor=(ax, 1) if level > 0 else (ax, 0))
            item.setPos(x, level * 0.8)
            plot.addItem(item)
            self._hits.append(_Hit(None, QPointF(x, 0.0), f"{labels[i]}: {when}"))
        vb = plot.getViewBox()
        if points:
            lo, hi = points[0][0], points[-1][0]
            pad = max(0.8, (hi - lo) * 0.12)
            vb.setXRange(lo - pad, hi + pad, padding=0)
        vb.setYRange(-3.6, 3.6, padding=0)
        plot.setLabel("bottom", "")  # years under a time line need no "Year"

    def _draw_tilemap(self, spec: ChartSpec, plot: Any) -> None:
        positions: dict[str, list[int]] = spec.extra.get("positions", {})
        classes: dict[str, str] = spec.extra.get("classes", {})
        class_colors: dict[str, str] = spec.extra.get("class_colors", {})
        class_labels: dict[str, dict[str, str]] = spec.extra.get("class_labels", {})
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        labels = spec.category_labels(self._lang)
        series_index = 0 if spec.series else None
        rows = cols = 0
        for i, cat in enumerate(spec.categories):
            place = positions.get(cat)
            if not place:
                continue
            row, col = int(place[0]), int(place[1])
            rows, cols = max(rows, row + 1), max(cols, col + 1)
            cls = classes.get(cat)
            fill = class_colors.get(cls, GAP_COLOR) if cls is not None else NO_DATA_FILL
            rect = QRectF(col, -row - 1, 0.92, 0.92)
            if _no_data_tile(spec, i, fill):
                # Visible on white (and on a projector): a grey outline and a diagonal hatch.
                plot.addItem(pg.BarGraphItem(x0=[rect.x()], y0=[rect.y()], width=[0.92], height=[0.92],
                                             brush=pg.mkBrush(NO_DATA_FILL), pen=pg.mkPen(GAP_COLOR, width=1.5)))
                hatch = QBrush(QColor(GAP_COLOR), Qt.BrushStyle.BDiagPattern)
                plot.addItem(pg.BarGraphItem(x0=[rect.x()], y0=[rect.y()], width=[0.92], height=[0.92],
                                             brush=hatch, pen=pg.mkPen(None)))
                fill = NO_DATA_FILL
            else:
                plot.addItem(pg.BarGraphItem(x0=[rect.x()], y0=[rect.y()], width=[0.92], height=[0.92],
                                             brush=pg.mkBrush(fill), pen=pg.mkPen(None)))
            ink = "#ffffff" if _is_dark(fill) else theme.INK
            self._add_text(plot, col + 0.46, -row - 0.54, cat, (0.5, 0.5), ink)
            text = self._hover(spec, i, series_index)
            if cls is not None and cls in class_labels:
                text += f" ({class_labels[cls].get(self._lang, cls)})"
            self._hits.append(_Hit(rect, None, text, cat))
        # a class no tile is in has no legend entry
        used = {classes.get(c) for c in spec.categories if c in positions}
        entries = [(class_colors.get(k, GAP_COLOR), v.get(self._lang, k)) for k, v in class_labels.items() if k in used]
        if any(c not in classes for c in spec.categories if c in positions):
            entries.append((NO_DATA_FILL, QCoreApplication.translate("ChartView", "No data")))
        # a light class colour is drawn as a hatched tile: its legend swatch says so
        entries = [(NO_DATA_SWATCH if _is_light(c) else c, t) for c, t in entries]
        self._legend(entries)
        vb = plot.getViewBox()
        vb.setAspectLocked(True)
        vb.setXRange(-0.2, max(1, cols) + 0.1, padding=0)
        vb.setYRange(-max(1, rows) - 0.1, 0.2, padding=0)

    def _draw_table(self, spec: ChartSpec, plot: Any) -> None:
        pass

    # ---- table and gaps -------------------------------------------------------------------------
    def _fill_table(self) -> None:
        spec = self._spec
        self.table.clear()
        if spec is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        header, rows = spec.table(self._lang)
        if spec.kind == "timeline" and spec.extra.get("dates"):
            header = [header[0], QCoreApplication.translate("ChartView", "Date")] + header[1:]
            dates = spec.extra["dates"]
            rows = [[r[0], format_date(dates.get(spec.categories[k], ""), self._lang)] + r[1:]
                    for k, r in enumerate(rows)]
        self.table.setColumnCount(len(header))
        self.table.setRowCount(len(rows))
        # the unit under each value column's name, unless the subtitle already says it
        unit = "%" if spec.unit == "pct" else format_axis_unit(spec.unit, self._lang)
        if spec.unit in ("year", "date", "none", "count") or unit.lower() in spec.subtitle(self._lang).lower():
            unit = ""
        offset_h = len(header) - len(spec.series)
        header = [h if k < offset_h or not unit else f"{h}\n({unit})" for k, h in enumerate(header)]
        self.table.setHorizontalHeaderLabels(header)
        offset = len(header) - len(spec.series)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if c >= offset:
                    series = spec.series[c - offset]
                    # numbers as the data labels write them; the unit once, in the column header
                    text = spec.format(None, self._lang) if value is None else style.data_label(spec, value, self._lang)
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if value is None:
                        gap = spec.gap_for(spec.categories[r], series.key)
                        if gap is not None:
                            item.setToolTip(gap.reason(self._lang))
                            item.setText(f"{text} *")
                        item.setForeground(QColor(GAP_COLOR))
                else:
                    item = QTableWidgetItem("" if value is None else str(value))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(False)

    def _describe_gaps(self) -> None:
        text = self._gap_text()
        self.gap_label.setText(text)
        self.gap_label.setVisible(bool(text))

    def _gap_text(self) -> str:
        """Every missing value with its reason, as the line under the chart says it ('' when none)."""
        spec = self._spec
        if spec is None:
            return ""
        labels = spec.category_labels(self._lang)
        if spec.kind == "timeline":
            dates = spec.extra.get("dates", {})
            missing = [labels[i] for i, c in enumerate(spec.categories) if _fractional_year(dates.get(c, "")) is None]
            return (QCoreApplication.translate("ChartView", "No date for:") + " " + ", ".join(missing)) if missing else ""
        # reason -> series -> the categories it lacks; then series lacking the same ones share a line
        by_reason: dict[str, dict[str, list[int]]] = {}
        for s_index, series in enumerate(spec.series):
            for i, cat in enumerate(spec.categories):
                if series.values[i] is not None:
                    continue
                if spec.kind == "line" and i not in _line_gaps(spec, series):
                    continue  # before a series starts or after it ends: not a gap
                gap = spec.gap_for(cat, series.key)
                reason = gap.reason(self._lang) if gap else QCoreApplication.translate("ChartView", "no value published")
                by_reason.setdefault(reason, {}).setdefault(series.label(self._lang), []).append(i)
        lines = []
        for reason, per_series in by_reason.items():
            shared: dict[tuple[int, ...], list[str]] = {}
            for name, indices in per_series.items():
                shared.setdefault(tuple(indices), []).append(name)
            for indices, names in shared.items():
                where = _category_runs(spec, labels, list(indices))
                if len(spec.series) > 1:
                    where += f" ({', '.join(names)})"
                lines.append(f"{where}: {reason}")
        if not lines:
            return ""
        return "* " + QCoreApplication.translate("ChartView", "Missing values (never estimated):") + " " + "; ".join(lines)

    # ---- hover ---------------------------------------------------------------------------------
    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        vb = self.plot_widget.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            QToolTip.hideText()
            return
        point = vb.mapSceneToView(scene_pos)
        text = self.hover_text_at(point.x(), point.y())
        self.last_hover_text = text
        if text:
            QToolTip.showText(QCursor.pos(), text, self.plot_widget)
        else:
            QToolTip.hideText()


def _category_runs(spec: ChartSpec, labels: tuple[str, ...], indices: list[int]) -> str:
    """'2017–2019, 2021' for runs of three or more consecutive years or months; names otherwise."""
    calendar = _calendar_steps(spec.categories) is not None
    parts = []
    for run in _runs(indices):
        if calendar and len(run) >= 3:
            parts.append(f"{labels[run[0]]}–{labels[run[-1]]}")
        else:
            parts += [labels[i] for i in run]
    return ", ".join(parts)


def _calendar_steps(categories: tuple[str, ...]) -> tuple[list[int], tuple[int, ...]] | None:
    """Months ('2024-01'): (month - 1 for each, round steps in months); years ('1994'): (the years,
    round steps in years); anything else: None."""
    if categories and all(len(c) == 7 and c[4] == "-" and c[:4].isdigit() and c[5:].isdigit() for c in categories):
        return [int(c[:4]) * 12 + int(c[5:]) - 1 for c in categories], (1, 2, 3, 6, 12, 24, 60)
    if categories and all(len(c) == 4 and c.isdigit() for c in categories):
        return [int(c) for c in categories], (1, 2, 5, 10, 20, 50)
    return None


def _line_gaps(spec: ChartSpec, series: Any) -> list[int]:
    """Missing points inside a line (between its first and last value); before or after it, the series
    simply does not run, which the table still shows (with the reason) but the chart need not mark."""
    present = [i for i, v in enumerate(series.values) if v is not None]
    first, last = (present[0], present[-1]) if present else (0, -1)
    return [i for i, v in enumerate(series.values) if v is None and first < i < last]


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _is_dark(color: str) -> bool:
    c = QColor(color)
    return (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) < 150


def _fractional_year(iso: str) -> float | None:
    parts = iso.split("-") if iso else []
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
    except (ValueError, IndexError):
        return None
    return year + (month - 1) / 12 + (day - 1) / 365


def _runs(indices: list[int]) -> list[list[int]]:
    """Consecutive runs of sorted integers: [3, 4, 5, 7] -> [[3, 4, 5], [7]]."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _is_light(color: str) -> bool:
    """Nearly white: a tile in this colour would vanish on the white background."""
    c = QColor(color)
    return c.isValid() and c.lightnessF() > 0.93


def _no_data_tile(spec: ChartSpec, i: int, fill: str) -> bool:
    """A tile without a value (or in a class drawn near-white) is drawn hatched and outlined."""
    missing = bool(spec.series) and i < len(spec.series[0].values) and spec.series[0].values[i] is None
    return missing or _is_light(fill)
