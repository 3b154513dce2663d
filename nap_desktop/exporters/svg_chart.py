"""Any ChartSpec as a standalone SVG (title, chart, gap notes, source line) for email and Word. No Qt.

The PNG export renders this SVG with QtSvg (ui/chart_image.py), so both images show the same thing.
"""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from nap_desktop.core.charts.spec import NEGATIVE_COLOR, source_line
from nap_desktop.core.charts.style import axis_scale, data_labels_carry_numbers
from nap_desktop.core.deck import chart_title, drawn_spec, gap_footnotes, missing_mark
from nap_desktop.core.textmetrics import text_width, wrap
from nap_desktop.core.formatting import format_axis_unit, format_date, format_number
from nap_desktop.exporters.files import ExportError, write_atomically
from nap_desktop.exporters.textsafe import clean

if TYPE_CHECKING:
    from nap_desktop.core.charts.spec import ChartSpec
    from nap_desktop.core.catalog.model import Catalog

WIDTH, HEIGHT = 960, 540
FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
TEXT = "#262626"
MUTED = "#595959"
GRID = "#D9D9D9"


def _t(x: float, y: float, text: str, size: float, *, anchor: str = "start", weight: str = "normal",
       fill: str = TEXT, extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="{fill}"{extra}>{escape(text)}</text>')


def _lines(text: str, width_px: float, size: float, max_lines: int, *, bold: bool = False) -> list[str]:
    # measured with DejaVu Sans (the PNG renderer's font), wider than Arial: it fits in either
    lines = wrap(text, width_px, size, bold)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width(last.rstrip() + "…", size, bold) > width_px:
            last = last.rsplit(" ", 1)[0] if " " in last.strip() else last[:-1]
        lines[-1] = last.rstrip(" ,;:") + "…"
    return lines


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round axis ticks covering [lo, hi] (0 always included when in range)."""
    if hi == lo:
        hi = lo + 1
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks = []
    v = start
    while v <= hi + step * 0.999:
        ticks.append(round(v, 10))
        v += step
    return ticks


def _fmt(spec: ChartSpec, value: float, lang: str) -> str:
    text = format_number(value, lang, decimals=spec.decimals)
    return text + "%" if spec.unit == "pct" else text


def _axis_decimals(ticks: list[float]) -> int:
    return 0 if all(float(t).is_integer() for t in ticks) else 1


def _cartesian(spec: ChartSpec, lang: str, box: tuple[float, float, float, float]) -> list[str]:
    x0, y0, w, h = box
    spec = drawn_spec(spec)  # an incomplete stack is left out (the footnote says so), as in the deck
    na = missing_mark(lang)
    out: list[str] = []
    labels = spec.category_labels(lang)
    horizontal = spec.kind in ("bar", "diverging", "share")
    stacked = spec.kind == "stacked"
    n = len(spec.categories)
    values = [v for s in spec.series for v in s.values if v is not None]
    if stacked:
        pos = [sum(max(0, s.values[i] or 0) for s in spec.series) for i in range(n)]
        neg = [sum(min(0, s.values[i] or 0) for s in spec.series) for i in range(n)]
        lo, hi = min([0.0] + neg), max([0.0] + pos)
    else:
        lo, hi = min([0.0] + values), max([0.0] + values)
    ticks = nice_ticks(lo, hi)
    lo, hi = min(ticks), max(ticks)
    # the house style: ticks in thousands/millions with the unit named once; data labels or an axis,
    # never both (the deck's rule, core/charts/style)
    divisor, axis_title = axis_scale(spec, lang)
    shown_ticks = [t / divisor for t in ticks]
    dec = _axis_decimals(shown_ticks)
    if spec.kind == "line":
        labelled = n <= 8 and len(spec.series) == 1
    else:
        labelled = horizontal or data_labels_carry_numbers(spec)
    if labelled:
        axis_title = ""
    # the legend wraps onto as many rows as its entries need (never drawn past the chart's edge)
    legend_rows: list[list[tuple[float, object]]] = []
    legend_narrow = w < 560  # a handout's half width: two columns from the edge, a long label on two lines
    legend_x = x0 + (0 if legend_narrow else 64)
    legend_lines: dict[int, list[str]] = {}
    if len(spec.series) > 1 and legend_narrow:
        col_w = w / 2
        for k in range(0, len(spec.series), 2):
            legend_rows.append([(legend_x + col_w * j, s) for j, s in enumerate(spec.series[k:k + 2])])
        for s in spec.series:
            legend_lines[id(s)] = _lines(s.label(lang), col_w - 16 - 8, 12, 2)
    elif len(spec.series) > 1:
        lx, row = legend_x, []
        for s in spec.series:
            # swatch and gap, the label as drawn (12 px, measured), then the space before the next entry
            step = 16 + text_width(s.label(lang), 12) + 24
            if row and lx + step > x0 + w:
                legend_rows.append(row)
                lx, row = legend_x, []
            row.append((lx, s))
            lx += step
        legend_rows.append(row)
    # a row as tall as its longest label (14 px a line) and the gap under it
    row_heights = [10 + 14 * max(len(legend_lines.get(id(s), [""])) for _, s in row) for row in legend_rows]
    legend_h = sum(row_heights)
    if horizontal:
        label_w = min(w * 0.32, max(text_width(lab, 12) for lab in labels) + 10) if labels else 40
        # room left of the axis for the label of a negative bar that reaches the scale's end
        neg_pad = 44 if lo < 0 else 0
        px, pw = x0 + label_w + neg_pad, w - label_w - 40 - neg_pad
        py, ph = y0 + 18, h - 40 - legend_h
        if labelled and not stacked and len(spec.series) > 1 and ph / max(n, 1) * 0.7 / len(spec.series) < 12:
            # bars thinner than their labels' type: labels would overprint each other; the axis reads instead
            labelled = False
            axis_title = axis_scale(spec, lang)[1]
        scale = lambda v: px + (v - lo) / (hi - lo) * pw  # noqa: E731
        for tv in ([] if labelled else ticks):
            x = scale(tv)
            out.append(f'<line x1="{x:.1f}" y1="{py:.1f}" x2="{x:.1f}" y2="{py + ph:.1f}" stroke="{GRID}"/>')
            out.append(_t(x, py + ph + 16, format_number(tv / divisor, lang, decimals=dec), 11, anchor="middle",
                          fill=MUTED))
        if axis_title:
            out.append(_t(px + pw / 2, py + ph + 32, axis_title, 11, anchor="middle", fill=MUTED))
        band = ph / max(n, 1)
        k = len(spec.series)
        bar_h = band * 0.7 / (1 if stacked else k)
        for i in range(n):
            cy = py + band * i + band * 0.15
            out.append(_t(px - neg_pad - 6, py + band * (i + 0.5) + 4, labels[i], 12, anchor="end"))
            for j, s in enumerate(spec.series):
                v = s.values[i]
                if v is None:
                    if not stacked or j == 0:
                        out.append(_t(scale(0) + 4, cy + bar_h * (j + 0.5) + 4, na, 11, fill=MUTED))
                    continue
                color = spec.category_colors[i] if (k == 1 and i < len(spec.category_colors)
                                                    and spec.category_colors[i]) else s.color
                if k == 1 and v < 0:
                    color = NEGATIVE_COLOR  # a surplus in its own colour, as in every renderer
                a, b = sorted((scale(0), scale(v)))
                out.append(f'<rect x="{a:.1f}" y="{cy + bar_h * j:.1f}" width="{max(b - a, 0.5):.1f}" '
                           f'height="{bar_h * 0.92:.1f}" fill="{color}"/>')
                if labelled:
                    lx = b + 4 if v >= 0 else a - 4
                    out.append(_t(lx, cy + bar_h * (j + 0.5) + 4, _fmt(spec, v, lang), 11,
                                  anchor="start" if v >= 0 else "end"))
        out.append(f'<line x1="{scale(0):.1f}" y1="{py:.1f}" x2="{scale(0):.1f}" y2="{py + ph:.1f}" stroke="#7F7F7F"/>')
    else:
        px, pw = x0 + 64, w - 80
        py, ph = y0 + 10, h - 44 - legend_h
        scale = lambda v: py + ph - (v - lo) / (hi - lo) * ph  # noqa: E731
        for tv in ([] if labelled else ticks):
            y = scale(tv)
            out.append(f'<line x1="{px:.1f}" y1="{y:.1f}" x2="{px + pw:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
            out.append(_t(px - 6, y + 4, format_number(tv / divisor, lang, decimals=dec), 11, anchor="end",
                          fill=MUTED))
        if axis_title:
            out.append(f'<text x="{x0 + 12:.1f}" y="{py + ph / 2:.1f}" font-size="11" fill="{MUTED}" '
                       f'text-anchor="middle" transform="rotate(-90 {x0 + 12:.1f} {py + ph / 2:.1f})">'
                       f'{escape(axis_title)}</text>')
        band = pw / max(n, 1)
        step = max(1, math.ceil(n / 12))
        for i in range(0, n, step):
            # one line as wide as the labels' spacing (measured, cut at a word with …), never overlapping
            out.append(_t(px + band * (i + 0.5), py + ph + 16, _lines(labels[i], max(band * step - 4, 24), 11, 1)[0],
                          11, anchor="middle"))
        # no category-axis title: "Country" under country names says nothing
        k = len(spec.series)
        if spec.kind == "line":
            for s in spec.series:
                segment: list[str] = []
                for i, v in enumerate(s.values):
                    if v is None:  # a gap breaks the line
                        if len(segment) > 1:
                            out.append(f'<polyline points="{" ".join(segment)}" fill="none" stroke="{s.color}" '
                                       f'stroke-width="2.5"/>')
                        segment = []
                        continue
                    cx, cy = px + band * (i + 0.5), scale(v)
                    segment.append(f"{cx:.1f},{cy:.1f}")
                    out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{s.color}"/>')
                    if labelled:
                        out.append(_t(cx, cy - 8, _fmt(spec, v, lang), 11, anchor="middle"))
                if len(segment) > 1:
                    out.append(f'<polyline points="{" ".join(segment)}" fill="none" stroke="{s.color}" '
                               f'stroke-width="2.5"/>')
        else:
            bar_w = band * 0.7 / (1 if stacked else k)
            for i in range(n):
                bx = px + band * i + band * 0.15
                base_pos = base_neg = 0.0
                for j, s in enumerate(spec.series):
                    v = s.values[i]
                    if v is None:
                        # marked in its own slot on the zero line, never over a bar
                        if not stacked or j == 0:
                            x = bx if stacked else bx + bar_w * j
                            out.append(_t(x + bar_w * 0.46, scale(0) - 4, na, 11, anchor="middle", fill=MUTED))
                        continue
                    color = spec.category_colors[i] if (k == 1 and i < len(spec.category_colors)
                                                        and spec.category_colors[i]) else s.color
                    if stacked:
                        start = base_pos if v >= 0 else base_neg
                        end = start + v
                        if v >= 0:
                            base_pos = end
                        else:
                            base_neg = end
                        x = bx
                    else:
                        start, end, x = 0.0, v, bx + bar_w * j
                    top, bottom = sorted((scale(start), scale(end)))
                    out.append(f'<rect x="{x:.1f}" y="{top:.1f}" width="{bar_w * 0.92:.1f}" '
                               f'height="{max(bottom - top, 0.5):.1f}" fill="{color}"/>')
                    # a stack segment too thin for its label shows none (as in the deck)
                    if labelled and not (stacked and bottom - top < 12):
                        ly = (top + bottom) / 2 + 4 if stacked else (top - 4 if v >= 0 else bottom + 12)
                        out.append(_t(x + bar_w * 0.46, ly, _fmt(spec, v, lang), 11, anchor="middle"))
        out.append(f'<line x1="{px:.1f}" y1="{scale(0):.1f}" x2="{px + pw:.1f}" y2="{scale(0):.1f}" stroke="#7F7F7F"/>')
    ly = y0 + h - legend_h + 16  # the first row's baseline; the last row's is 8 px above the box's foot
    for row, row_h in zip(legend_rows, row_heights):
        for lx, s in row:
            out.append(f'<rect x="{lx:.1f}" y="{ly - 10:.1f}" width="12" height="12" fill="{s.color}"/>')
            for k, line in enumerate(legend_lines.get(id(s), [s.label(lang)])):
                out.append(_t(lx + 16, ly + 14 * k, line, 12))
        ly += row_h
    return out


def _timeline(spec: ChartSpec, lang: str, box: tuple[float, float, float, float]) -> list[str]:
    x0, y0, w, h = box
    dates = spec.extra.get("dates", {})
    labels = spec.category_labels(lang)
    color = spec.series[0].color if spec.series else "#0072B2"

    def ordinal(iso: str, i: int) -> float:
        try:
            return datetime.strptime(iso[:10], "%Y-%m-%d").toordinal()
        except ValueError:
            return float(i)

    pos = [ordinal(dates.get(c, ""), i) for i, c in enumerate(spec.categories)]
    lo, hi = min(pos), max(pos)
    span = (hi - lo) or 1
    pad = 90
    ay = y0 + h / 2
    out = [f'<line x1="{x0 + 20:.1f}" y1="{ay:.1f}" x2="{x0 + w - 20:.1f}" y2="{ay:.1f}" stroke="#7F7F7F" '
           f'stroke-width="2"/>']
    # labels in lanes (above/below, near/far) so that close dates never overlap
    lanes = [(True, 0), (False, 0), (True, 1), (False, 1)]
    lane_right = [float("-inf")] * len(lanes)
    label_w = 170
    for i in sorted(range(len(pos)), key=lambda k: pos[k]):
        cat, p = spec.categories[i], pos[i]
        cx = x0 + pad + (w - 2 * pad) * (p - lo) / span
        free = [k for k, right in enumerate(lane_right) if right + 6 < cx - label_w / 2]
        lane = free[0] if free else min(range(len(lanes)), key=lambda k: lane_right[k])
        lane_right[lane] = cx + label_w / 2
        above, level = lanes[lane]
        date = format_date(dates[cat], lang) if dates.get(cat) else ""
        lines = [date] + _lines(labels[i], label_w, 12, 2)
        block = 15 * len(lines)
        offset = 16 + level * 62
        base = ay - offset - block + 12 if above else ay + offset + 10
        end = ay - offset + 4 if above else ay + offset - 4
        out.append(f'<line x1="{cx:.1f}" y1="{ay:.1f}" x2="{cx:.1f}" y2="{end:.1f}" stroke="{color}"/>')
        out.append(f'<circle cx="{cx:.1f}" cy="{ay:.1f}" r="7" fill="{color}" stroke="#FFFFFF"/>')
        for k, line in enumerate(lines):
            out.append(_t(cx, base + 15 * k, line, 12, anchor="middle", weight="bold" if k == 0 else "normal"))
    return out


def _tilemap(spec: ChartSpec, lang: str, box: tuple[float, float, float, float]) -> list[str]:
    x0, y0, w, h = box
    extra = spec.extra
    positions = extra.get("positions", {})
    classes = extra.get("classes", {})
    class_labels = extra.get("class_labels", {})
    class_colors = extra.get("class_colors", {})
    keys = list(class_labels) or sorted(set(classes.values()))
    # a narrow box (a handout's half width) puts the legend under the map, two entries a row
    below = w < 600
    legend_w = 0 if below else 330
    longest = max((text_width(v.get(lang, k), 12) for k, v in class_labels.items()), default=0.0)
    # swatch, gap and label, measured; at least two a row, a label too long for its column on two lines
    per_row = max(2, min(3, int(w // (longest + 30)))) if below else 1
    label_lines = {key: (_lines(class_labels.get(key, {}).get(lang, key), w / per_row - 20 - 8, 12, 2) if below
                         else [class_labels.get(key, {}).get(lang, key)]) for key in keys}
    legend_rows = [keys[k:k + per_row] for k in range(0, len(keys), per_row)] if below else [[key] for key in keys]
    row_heights = [8 + 14 * max(len(label_lines[key]) for key in row) for row in legend_rows]
    legend_h = sum(row_heights) + 6 if below else 0
    rows = max((p[0] for p in positions.values()), default=0) + 1
    cols = max((p[1] for p in positions.values()), default=0) + 1
    tile = min((w - legend_w) / cols, (h - legend_h) / rows)
    ox = x0 + (w - legend_w - tile * cols) / 2
    oy = y0 + (h - legend_h - tile * rows) / 2
    out = []
    # a class of one tile (the state a brief is for) keeps its label on any size of map
    members: dict[str, int] = {}
    for cat in spec.categories:
        members[classes.get(cat, "")] = members.get(classes.get(cat, ""), 0) + 1
    alone = {cat for cat in spec.categories if classes.get(cat) and members[classes[cat]] == 1}
    for cat in spec.categories:
        if cat not in positions:
            continue
        r, c = positions[cat]
        color = class_colors.get(classes.get(cat, ""), "#FFFFFF")
        rgb = color.lstrip("#")
        lum = sum(wt * int(rgb[i:i + 2], 16) / 255 for wt, i in ((0.2126, 0), (0.7152, 2), (0.0722, 4)))
        out.append(f'<rect x="{ox + c * tile + 1:.1f}" y="{oy + r * tile + 1:.1f}" width="{tile - 2:.1f}" '
                   f'height="{tile - 2:.1f}" fill="{color}" stroke="#BFBFBF" stroke-width="0.5"/>')
        size = max(11, tile * 0.3)
        if text_width(cat, size, True) > tile - 3 and cat not in alone:
            continue  # a tile too small for its label (a handout's half width): the map reads by its colours
        out.append(_t(ox + (c + 0.5) * tile, oy + (r + 0.5) * tile + 4, cat, size, anchor="middle",
                      weight="bold", fill="#FFFFFF" if lum < 0.5 else TEXT))
    ly = y0 + 10 if not below else y0 + h - legend_h + 6
    for row, row_h in zip(legend_rows, row_heights):
        for n, key in enumerate(row):
            lx = x0 + w - legend_w + 10 if not below else x0 + n * w / per_row
            out.append(f'<rect x="{lx:.1f}" y="{ly:.1f}" width="14" height="14" '
                       f'fill="{class_colors.get(key, "#BDBDBD")}" stroke="#BFBFBF" stroke-width="0.5"/>')
            for k, line in enumerate(label_lines[key]):
                out.append(_t(lx + 20, ly + 12 + 14 * k, line, 12))
        ly += row_h if below else 22
    return out


def _table(spec: ChartSpec, lang: str, box: tuple[float, float, float, float]) -> list[str]:
    x0, y0, w, h = box
    header, rows = spec.table(lang)
    unit = format_axis_unit(spec.unit, lang)
    header = [header[0]] + [f"{c} ({unit})" if unit else c for c in header[1:]]
    row_h = min(26, h / (len(rows) + 1))
    first_w = w * 0.5
    col_w = (w - first_w) / max(1, len(header) - 1)
    out = [f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{w:.1f}" height="{row_h:.1f}" fill="#1F3B5C"/>']
    for j, text in enumerate(header):
        anchor = "start" if j == 0 else "end"
        x = x0 + 6 if j == 0 else x0 + first_w + col_w * j - 6
        out.append(_t(x, y0 + row_h * 0.68, text, 12, anchor=anchor, weight="bold", fill="#FFFFFF"))
    for i, row in enumerate(rows, start=1):
        y = y0 + row_h * i
        if i % 2 == 0:
            out.append(f'<rect x="{x0:.1f}" y="{y:.1f}" width="{w:.1f}" height="{row_h:.1f}" fill="#F2F2F2"/>')
        for j, value in enumerate(row):
            if j == 0:
                out.append(_t(x0 + 6, y + row_h * 0.68, str(value), 12))
            else:
                text = format_number(value, lang, decimals=spec.decimals) if value is not None else (
                    "n/a" if lang == "en" else "n.d.")
                out.append(_t(x0 + first_w + col_w * j - 6, y + row_h * 0.68, text, 12, anchor="end"))
    return out


def chart_svg(spec: ChartSpec, catalog: Catalog, lang: str, *, width: int = WIDTH, height: int = HEIGHT,
              titles: bool = True, source: bool = True) -> str:
    """The chart as SVG text: title (and subtitle), the drawing, gap notes, the source line. Without
    ``titles`` the drawing starts at the top (a handout sets the title and subtitle as its own text);
    without ``source`` no source line (a handout that numbers its sources gives the chart's numbers)."""
    from nap_desktop.exporters.textsafe import sanitize_chart, too_large_to_draw

    spec = sanitize_chart(spec)  # the text-safety boundary: clean text, real colours (never markup)
    why = too_large_to_draw(spec)
    if why:  # refused before drawing, with the limit named
        raise ExportError(f"{why}. The image was not written. The workbook (.xlsx) keeps every row of its table.")
    out: list[str] = []
    y = 34.0 if titles else 8.0
    narrow = width < 600  # a handout's half width: titles keep every word on more lines
    for line in (_lines(chart_title(spec, lang), width - 48, 22, 4 if narrow else 3, bold=True) if titles else []):
        out.append(_t(24, y, line, 22, weight="bold", fill="#1F3B5C"))
        y += 27
    if spec.subtitle(lang) and titles:
        for line in _lines(spec.subtitle(lang), width - 48, 14, 4 if narrow else 2):
            out.append(_t(24, y, line, 14, fill=MUTED))
            y += 18
    foot: list[tuple[str, float, str]] = []
    for note in gap_footnotes(spec, lang):
        foot += [(line, 11, MUTED) for line in _lines(note, width - 48, 11, 2)]
    if source:
        src = source_line(spec, catalog, lang)
        foot += [(line, 12, MUTED) for line in _lines(src, width - 48, 12, 3 if narrow else 2)]
    foot_h = sum(size * 1.35 for _, size, _ in foot)
    box = (24.0, y + 6, width - 48.0, height - y - 6 - foot_h - 14)
    if spec.kind == "timeline":
        out += _timeline(spec, lang, box)
    elif spec.kind == "tilemap":
        out += _tilemap(spec, lang, box)
    elif spec.kind == "table":
        out += _table(spec, lang, box)
    else:
        out += _cartesian(spec, lang, box)
    fy = height - foot_h - 4
    for line, size, color in foot:
        fy += size * 1.35
        out.append(_t(24, fy - 3, line, size, fill=color))
    title = escape(spec.title(lang), {'"': "&quot;"})
    return clean(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="{escape(FONT)}" role="img" aria-label="{title}">\n'
            f'<title>{title}</title>\n<rect width="100%" height="100%" fill="#FFFFFF"/>\n'
            + "\n".join(out) + "\n</svg>\n")  # clean: no user text can make the SVG invalid XML


def export_svg(spec: ChartSpec, catalog: Catalog, dest: Path | str, *, lang: str) -> Path:
    dest = Path(dest)
    write_atomically(dest, chart_svg(spec, catalog, lang).encode("utf-8"))
    return dest
