"""Native PowerPoint charts (Qt-free): a ChartSpec drawn as a real chart with its data embedded (Edit Data
works), explicit colours on every series and point, number formats, thinned category labels, labelled
points and gaps, and the series legend drawn as shapes. ``draw_chart`` sends the kinds PowerPoint has no
chart for to pptx_drawn (timeline, tile map, table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nap_desktop.core.charts.style import axis_scale
from nap_desktop.core.textmetrics import role_size, text_width
from nap_desktop.core.textmetrics import height as line_height
try:  # one negative colour in every renderer
    from nap_desktop.core.charts.spec import NEGATIVE_COLOR
except ImportError:  # pragma: no cover
    NEGATIVE_COLOR = "#E69F00"
from nap_desktop.exporters.pptx_common import (
    chart_alt_text, EMU_PER_IN, EMU_PER_PT, excel_number_format, GREY, LIGHT, _close_group, _group,
    _luminance, _no_effects, _plain_text, _rgb, _set_alt_text)
from nap_desktop.exporters.pptx_drawn import _table, _tilemap, _timeline

if TYPE_CHECKING:
    from nap_desktop.core.charts.spec import ChartSpec
    from nap_desktop.core.catalog.model import Catalog


# ---- charts ----------------------------------------------------------------------------------

_CHART_TYPES = {
    "line": "LINE_MARKERS", "column": "COLUMN_CLUSTERED", "grouped": "COLUMN_CLUSTERED",
    "stacked": "COLUMN_STACKED", "bar": "BAR_CLUSTERED", "diverging": "BAR_CLUSTERED", "share": "BAR_CLUSTERED",
}


def draw_chart(slide: Any, spec: ChartSpec, catalog: Catalog, lang: str, box: tuple[int, int, int, int]) -> Any:
    """Draw one ChartSpec into ``box`` (EMU) on a slide; returns the shape (chart frame, group or table)."""
    if spec.kind == "timeline":
        shape = _timeline(slide, spec, lang, box)
    elif spec.kind == "tilemap":
        shape = _tilemap(slide, spec, lang, box)
    elif spec.kind == "table":
        shape = _table(slide, spec, lang, box)
    else:
        shape = _native_chart(slide, spec, lang, box)
    _set_alt_text(shape, chart_alt_text(spec, catalog, lang))
    return shape


def _native_chart(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
    from pptx.util import Pt

    from nap_desktop.exporters.pptx_chartdata import LiteralChartData

    from nap_desktop.core.deck import drawn_spec, missing_mark

    kind = spec.kind if spec.kind in _CHART_TYPES else "column"
    # an incomplete stack is left out (its footnote says so): drawn, it would read as a collapse
    spec = drawn_spec(spec)
    fmt = excel_number_format(spec.unit, spec.decimals)
    # names in the embedded workbook are literal text (never formulas); categories placed in linear time
    data = LiteralChartData(number_format=fmt)
    categories = list(spec.category_labels(lang))
    horizontal = kind in ("bar", "diverging", "share")
    if horizontal and len(spec.series) > 1:
        # LibreOffice lists a horizontal bar chart's legend bottom-up (it ignores the reversed category
        # axis), PowerPoint in series order: a legend of our own, in series order, reads the same in both.
        legend_h = _legend_height(spec, lang, box[2])
        _series_legend(slide, spec, lang, (box[0], box[1], box[2], legend_h))
        box = (box[0], box[1] + legend_h, box[2], box[3] - legend_h)
    if kind == "stacked" and len(spec.series) > 1 and len(categories) <= 8:
        # the total of each stack, under its label (the segments carry their own values)
        # a stack with a missing segment has no known total: none is shown (its segment says "n/a")
        totals = [sum(col) if all(v is not None for v in col) else None
                  for col in zip(*(s.values for s in spec.series))]
        word = "Total" if lang == "en" else "Total"
        categories = [f"{c} ({word} {spec.format(t, lang)})" if t is not None else c
                      for c, t in zip(categories, totals)]
    if kind != "line":
        # a missing value is marked where the reader looks for it, in its category's label ("Canada
        # (n/a)", "Fresh fruit (Canada n/a)"); its cell stays empty in the chart's cache and embedded
        # workbook (PowerPoint's chart editor shows no figure) and the reason is a footnote on the slide
        na = missing_mark(lang)
        marked = []
        for i, label in enumerate(categories):
            lacking = [s.label(lang) for s in spec.series if i < len(s.values) and s.values[i] is None]
            if not lacking:
                marked.append(label)
            elif len(lacking) == len(spec.series):
                marked.append(f"{label} ({na})")
            else:
                marked.append(f"{label} ({', '.join(lacking)} {na})")
        categories = marked
    data.categories = categories
    for s in spec.series:
        data.add_series(s.label(lang), [None if v is None else float(v) for v in s.values])
    frame = slide.shapes.add_chart(getattr(XL_CHART_TYPE, _CHART_TYPES[kind]), *box, data)
    frame.name = f"Chart {spec.id}"
    chart = frame.chart
    chart.has_title = False
    chart.font.size = Pt(role_size("chart"))
    chart.font.color.rgb = _rgb("404040")
    n_points = len(spec.categories) * len(spec.series)
    single = len(spec.series) == 1

    plot = chart.plots[0]
    if kind in ("column", "grouped", "bar", "diverging", "share"):
        plot.gap_width = 60
        if kind == "grouped":
            plot.overlap = -10
    if kind == "stacked":
        plot.gap_width = 60
        plot.overlap = 100

    for i, (series, s) in enumerate(zip(plot.series, spec.series)):
        if kind == "line":
            series.format.line.color.rgb = _rgb(s.color)
            series.format.line.width = Pt(2.5)
            series.smooth = False
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 7
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(s.color)
            series.marker.format.line.color.rgb = _rgb(s.color)
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(s.color)
            series.invert_if_negative = False
            colors = list(spec.category_colors[:len(spec.categories)]) if single and spec.category_colors else []
            if single and any(v is not None and v < 0 for v in s.values):
                base = colors or [s.color] * len(spec.categories)
                colors = [NEGATIVE_COLOR if v is not None and v < 0 else base[j] for j, v in enumerate(s.values)]
            for j, color in enumerate(colors):
                if color:
                    point = series.points[j]
                    point.format.fill.solid()
                    point.format.fill.fore_color.rgb = _rgb(color)

    labels_help = (kind != "line" and (single and len(spec.categories) <= 15 or n_points <= 16)) or (
        kind == "line" and single and len(spec.categories) <= 8)
    if labels_help:
        plot.has_data_labels = True
        dl = plot.data_labels
        dl.number_format = fmt
        dl.number_format_is_linked = False
        dl.font.size = Pt(role_size("chart"))
        dl.show_value = True
        if kind == "stacked":
            dl.position = XL_LABEL_POSITION.CENTER
            # readable on every fill: white on dark segments, dark on light ones
            for series, s in zip(plot.series, spec.series):
                sdl = series.data_labels
                sdl.show_value = True
                sdl.number_format = fmt
                sdl.number_format_is_linked = False
                sdl.position = XL_LABEL_POSITION.CENTER
                sdl.font.size = Pt(role_size("chart"))
                sdl.font.color.rgb = _rgb("FFFFFF" if _luminance(s.color) < 0.5 else "262626")
            # a segment too thin for its label shows none (labels would pile onto each other); its
            # value stays in the chart's data, the stack's total and the workbook
            totals = [sum(v for v in col if v is not None) for col in zip(*(s.values for s in spec.series))]
            top = max(totals, default=0) or 1
            plot_pt = box[3] / EMU_PER_PT * 0.75  # the plot area's share of the chart's height
            for series, s in zip(plot.series, spec.series):
                for j, v in enumerate(s.values):
                    if v is not None and abs(v) / top * plot_pt < role_size("chart"):
                        _hide_point_label(series, j)
        elif kind == "line":
            dl.position = XL_LABEL_POSITION.ABOVE
        else:
            dl.position = XL_LABEL_POSITION.OUTSIDE_END

    va = chart.value_axis
    values = [v for s in spec.series for v in s.values if v is not None]
    if values and min(values) >= 0 and kind != "line":
        va.minimum_scale = 0  # bars start at zero (LibreOffice would otherwise zoom in on the tips)
    span = max((abs(v) for v in values), default=0)
    # ticks in thousands/millions with the unit named once in the axis title (never 0-14,000,000)
    divisor, scaled_title = axis_scale(spec, lang)
    va.tick_labels.number_format = _scaled_format(excel_number_format(spec.unit, 0 if span >= 10 else spec.decimals),
                                                  divisor)
    va.tick_labels.number_format_is_linked = False
    va.tick_labels.font.size = Pt(role_size("chart"))
    va.format.line.fill.background()
    if labels_help:
        # the data labels carry the numbers: no value axis or gridlines to read them against
        va.visible = False
        va.has_major_gridlines = False
    else:
        va.has_major_gridlines = True
        va.major_gridlines.format.line.color.rgb = _rgb(LIGHT)
        y_title = scaled_title  # the on-screen chart's rule: no "number" beside numbers; the scale named
        if y_title:
            va.has_title = True
            va.axis_title.text_frame.text = y_title
            va.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(role_size("chart"))
            va.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    ca = chart.category_axis
    ca.tick_labels.font.size = Pt(role_size("chart"))
    ca.format.line.color.rgb = _rgb("A6A6A6")
    ca.has_major_gridlines = False
    # no category-axis title: "Country" under country names says nothing
    if horizontal:
        ca.reverse_order = True  # first category on top, as the table reads
        from pptx.enum.chart import XL_TICK_LABEL_POSITION

        ca.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # labels stay left of negative bars
        from pptx.enum.chart import XL_AXIS_CROSSES

        ca.crosses = XL_AXIS_CROSSES.MAXIMUM  # keeps the value axis at the bottom once categories are reversed
    else:
        from pptx.enum.chart import XL_TICK_LABEL_POSITION

        # years and months stay under the plot when values go negative, never on the zero line
        ca.tick_label_position = XL_TICK_LABEL_POSITION.LOW
        _thin_category_labels(ca, len(spec.categories))

    if len(spec.series) > 1 and not horizontal:
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(role_size("chart"))
    else:
        chart.has_legend = False
    return frame


def _scaled_format(fmt: str, divisor: float) -> str:
    """An Excel number format showing values divided by 1,000 per trailing comma ('#,##0,,' = millions)."""
    commas = {1e3: ",", 1e6: ",,", 1e9: ",,,"}.get(divisor, "")
    if not commas:
        return fmt
    head, sep, tail = fmt.partition('"')
    return head + commas + (sep + tail if sep else "")


#: label every k-th category: the smallest round step that leaves at most this many labels
MAX_CATEGORY_LABELS = 13


def category_label_step(n: int) -> int:
    """1, 2, 3, 6, 12 (months) or 5, 10 (years): round steps, so 37 months read every quarter."""
    for step in (1, 2, 3, 5, 6, 10, 12, 20, 24):
        if -(-n // step) <= MAX_CATEGORY_LABELS:
            return step
    return -(-n // MAX_CATEGORY_LABELS)


def _thin_category_labels(axis: Any, n: int) -> None:
    """A long run of months or years: label every k-th one (c:tickLblSkip), never a pile of
    rotated labels that overprint each other."""
    from lxml import etree
    from pptx.oxml.ns import qn

    step = category_label_step(n)
    if step <= 1:
        return
    ax = axis._element
    for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
        old = ax.find(qn(tag))
        if old is not None:
            ax.remove(old)
    skip_lbl = etree.Element(qn("c:tickLblSkip"), val=str(step))
    skip_mark = etree.Element(qn("c:tickMarkSkip"), val=str(step))
    # schema order: ... lblOffset, tickLblSkip, tickMarkSkip, noMultiLvlLbl, extLst
    anchor = ax.find(qn("c:noMultiLvlLbl"))
    if anchor is None:
        anchor = ax.find(qn("c:extLst"))
    if anchor is not None:
        anchor.addprevious(skip_lbl)
        anchor.addprevious(skip_mark)
    else:
        ax.append(skip_lbl)
        ax.append(skip_mark)


def _hide_point_label(series: Any, idx: int) -> None:
    """No data label on one point (c:dLbl with c:delete), the series' other labels unchanged."""
    from lxml import etree
    from pptx.oxml.ns import qn

    dlbls = series._element.get_or_add_dLbls()
    existing = dlbls.findall(qn("c:dLbl"))
    label = etree.Element(qn("c:dLbl"))
    etree.SubElement(label, qn("c:idx")).set("val", str(idx))
    etree.SubElement(label, qn("c:delete")).set("val", "1")
    if existing:
        existing[-1].addnext(label)
    else:
        dlbls.insert(0, label)


_LEGEND_SWATCH_IN = 0.16
_LEGEND_GAP_IN = 0.3


def _legend_rows(spec: ChartSpec, lang: str, width: int) -> list[list[tuple[str, str, int]]]:
    """Legend entries (label, colour, width in EMU) in series order, wrapped into rows that fit ``width``."""
    size = role_size("chart")
    rows: list[list[tuple[str, str, int]]] = [[]]
    used = 0
    for s in spec.series:
        label = s.label(lang)
        w = int((_LEGEND_SWATCH_IN + 0.08) * EMU_PER_IN + (text_width(label, size) + 2) * EMU_PER_PT)
        w = min(w, width)
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0
        rows[-1].append((label, s.color, w))
        used += w + int(_LEGEND_GAP_IN * EMU_PER_IN)
    return rows


def _legend_height(spec: ChartSpec, lang: str, width: int) -> int:
    line = int(line_height(1, role_size("chart")) * EMU_PER_PT)
    return len(_legend_rows(spec, lang, width)) * (line + int(EMU_PER_IN * 0.06)) + int(EMU_PER_IN * 0.08)


def _series_legend(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    """A legend as shapes (swatch + label per series), left to right in series order."""
    from pptx.enum.shapes import MSO_SHAPE

    x, y, w, _ = box
    size = role_size("chart")
    line = int(line_height(1, size) * EMU_PER_PT)
    sw = int(_LEGEND_SWATCH_IN * EMU_PER_IN)
    group = _group(slide, f"Legend {spec.id}")
    for r, row in enumerate(_legend_rows(spec, lang, w)):
        cx = x
        top = y + r * (line + int(EMU_PER_IN * 0.06))
        for n, (label, color, ew) in enumerate(row):
            sq = group.shapes.add_shape(MSO_SHAPE.RECTANGLE, cx, top + (line - sw) // 2, sw, sw)
            sq.name = f"Legend swatch {n + 1}"
            sq.fill.solid()
            sq.fill.fore_color.rgb = _rgb(color)
            sq.line.fill.background()
            _no_effects(sq)
            tx = cx + sw + int(EMU_PER_IN * 0.08)
            tb = _plain_text(group.shapes, tx, top, ew - (tx - cx), line, label, size, color="404040",
                             align="left")
            tb.name = f"Legend label {n + 1}"
            cx += ew + int(_LEGEND_GAP_IN * EMU_PER_IN)
    return _close_group(group)


