"""Charts PowerPoint has no chart type for, drawn as native shapes (Qt-free): the timeline (its labels
placed on levels so none overlap), the tile-grid map with its legend, and tables.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from nap_desktop.core.textmetrics import role_size, text_width, wrap
from nap_desktop.core.textmetrics import height as line_height
from nap_desktop.core.formatting import format_axis_unit, format_date, format_number
from nap_desktop.exporters.pptx_common import (
    EMU_PER_IN, EMU_PER_PT, NAVY, _close_group, _group, _luminance, _no_effects, _plain_text, _rgb)

if TYPE_CHECKING:
    from nap_desktop.core.charts.spec import ChartSpec


def _key_dates(spec: ChartSpec, lang: str) -> set[str]:
    """The date the title names (its year and a word of its label in the title) is the key date."""
    title = spec.title(lang).lower()
    dates = spec.extra.get("dates", {})
    found = set()
    for cat, label in zip(spec.categories, spec.category_labels(lang)):
        year = str(dates.get(cat, ""))[:4]
        words = [wd for wd in re.findall(r"\w+", label.lower()) if len(wd) >= 5]
        if year and year in title and any(wd in title for wd in words):
            found.add(cat)
    return found


def _timeline_places(xs: list[int], x: int, w: int, label_w: int, levels: int,
                     gap: int) -> tuple[dict[int, tuple[bool, int, int, int]], bool]:
    """Where each timeline label goes: (above, level, left, right) per point, and whether every label
    found a place where it overlaps no label at its level and side and no leader line crosses it (a
    far label's leader passes only where no nearer label on its side is). A label is centred on its
    dot or set to one side of it, away from a close neighbour."""
    placed: dict[int, tuple[bool, int, int, int]] = {}
    clear = int(EMU_PER_IN * 0.15)  # a leader line passes no closer than this to another label
    done: list[tuple[bool, int, int, int, int]] = []
    complete = True
    order = sorted(range(len(xs)), key=lambda k: xs[k])
    for rank, i in enumerate(order):
        cx = xs[i]
        near_next = rank + 1 < len(order) and xs[order[rank + 1]] - cx < label_w
        near_prev = rank > 0 and cx - xs[order[rank - 1]] < label_w
        aligns = ("left", "centre", "right") if near_next else ("right", "centre", "left") if near_prev else (
            "centre", "right", "left")
        best = None
        for level in range(levels):
            for above in (True, False):
                for align in aligns:
                    left = {"centre": cx - label_w // 2, "right": cx - int(EMU_PER_IN * 0.05),
                            "left": cx - label_w + int(EMU_PER_IN * 0.05)}[align]
                    left = max(x, min(left, x + w - label_w))
                    right = left + label_w
                    ok = True
                    for p_above, p_level, p_left, p_right, p_cx in done:
                        if p_above != above:
                            continue
                        if p_level == level and not (right + gap < p_left or left - gap > p_right):
                            ok = False
                        elif p_level < level and p_left - clear <= cx <= p_right + clear:
                            ok = False  # this leader would cross (or graze) a nearer label
                        elif p_level > level and left - clear <= p_cx <= right + clear:
                            ok = False  # a farther label's leader would cross this one
                        if not ok:
                            break
                    if ok:
                        best = (above, level, left, right)
                        break
                if best:
                    break
            if best:
                break
        if best is None:
            complete = False
            left = max(x, min(cx - label_w // 2, x + w - label_w))
            best = (rank % 2 == 0, levels - 1, left, left + label_w)
        placed[i] = best
        done.append((*best, cx))
    return placed, complete


def _timeline(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
    from pptx.util import Pt

    x, y, w, h = box
    group = _group(slide, f"Timeline {spec.id}")
    shapes = group.shapes
    dates = spec.extra.get("dates", {})
    labels = spec.category_labels(lang)
    color = spec.series[0].color if spec.series else "#0072B2"

    def ordinal(iso: str, fallback: float) -> float:
        try:
            return datetime.strptime(iso[:10], "%Y-%m-%d").toordinal()
        except ValueError:
            return fallback

    points = [ordinal(dates.get(c, ""), float(i)) for i, c in enumerate(spec.categories)]
    lo, hi = min(points), max(points)
    span = (hi - lo) or 1.0
    n = len(points)
    size = role_size("chart")
    texts = []
    for i, cat in enumerate(spec.categories):
        date_text = format_date(dates.get(cat, ""), lang) if dates.get(cat) else spec.format(
            spec.series[0].values[i] if spec.series else None, lang)
        texts.append((date_text, labels[i]))
    dot = int(EMU_PER_IN * 0.22)
    gap = int(EMU_PER_IN * 0.06)
    axis_y = y + h // 2
    widest = int(min(w / max(n, 1) * 1.8, EMU_PER_IN * 2.0))
    pad = widest // 2
    xs = [x + pad + int((w - 2 * pad) * (p - lo) / span) for p in points]
    # Narrower labels (more lines) until every label has a place where nothing collides.
    for label_w in (widest, int(EMU_PER_IN * 1.6), int(EMU_PER_IN * 1.3), int(EMU_PER_IN * 1.1)):
        label_w = min(label_w, widest)
        n_lines = max((len(wrap(d, label_w / EMU_PER_PT, size, True)) + len(wrap(lab, label_w / EMU_PER_PT, size))
                       for d, lab in texts), default=2)
        label_h = int(line_height(n_lines, size) * EMU_PER_PT) + int(EMU_PER_IN * 0.04)
        levels = max(1, min(3, int((h / 2 - dot) // (label_h + gap))))
        placed, complete = _timeline_places(xs, x, w, label_w, levels, gap)
        if complete:
            break
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, x + pad // 2, axis_y, x + w - pad // 2, axis_y)
    line.line.color.rgb = _rgb("7F7F7F")
    line.line.width = Pt(2)
    key = set(spec.highlight) or _key_dates(spec, lang)
    for i in range(n):
        cat, cx = spec.categories[i], xs[i]
        above, level, left, right = placed[i]
        big = cat in key
        d = int(dot * (1.4 if big else 1))
        marker = shapes.add_shape(MSO_SHAPE.OVAL, cx - d // 2, axis_y - d // 2, d, d)
        marker.fill.solid()
        marker.fill.fore_color.rgb = _rgb(color)
        marker.line.color.rgb = _rgb("FFFFFF")
        _no_effects(marker)
        date_text, label = texts[i]
        offset = dot + level * (label_h + gap)
        ly = axis_y - offset - label_h if above else axis_y + offset
        align = "center" if abs((left + right) // 2 - cx) < EMU_PER_IN * 0.1 else (
            "left" if left >= cx - EMU_PER_IN * 0.1 else "right")
        tb = _plain_text(shapes, left, ly, label_w, label_h, f"{date_text}\n{label}", size,
                         anchor="bottom" if above else "top", align=align)
        tb.name = f"Timeline label {cat}"
        tb.text_frame.paragraphs[0].runs[0].font.bold = True
        if big:
            for para in tb.text_frame.paragraphs:
                for run in para.runs:
                    run.font.bold = True
                    run.font.color.rgb = _rgb(color)
        end_y = axis_y - offset if above else axis_y + offset
        tick = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, cx, axis_y, cx, end_y)
        tick.line.color.rgb = _rgb(color)
    return _close_group(group)


def _tilemap(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

    x, y, w, h = box
    extra = spec.extra
    positions: dict[str, list[int]] = extra.get("positions", {})
    classes: dict[str, str] = extra.get("classes", {})
    class_labels: dict[str, dict[str, str]] = extra.get("class_labels", {})
    class_colors: dict[str, str] = extra.get("class_colors", {})
    group = _group(slide, f"Tile map {spec.id}")
    shapes = group.shapes
    size = role_size("chart")
    keys = list(class_labels) or sorted(set(classes.values()))
    labels = [class_labels.get(key, {}).get(lang, key) for key in keys]
    sw = int(EMU_PER_IN * 0.28)
    pad = int(EMU_PER_IN * 0.1)
    # the legend as wide as its longest label (up to 0.4 of the box; a longer label wraps onto more lines)
    longest = max((text_width(label, size) for label in labels), default=0.0) * EMU_PER_PT
    legend_w = int(min(w * 0.4, max(w * 0.2, sw + pad + longest + 2 * EMU_PER_PT)))
    map_w = w - legend_w - int(EMU_PER_IN * 0.2)
    rows = max((p[0] for p in positions.values()), default=0) + 1
    cols = max((p[1] for p in positions.values()), default=0) + 1
    tile = int(min(map_w / cols, h / rows))
    gap = max(int(tile * 0.06), 1)
    ox = x + (map_w - tile * cols) // 2
    oy = y + (h - tile * rows) // 2
    values = spec.series[0].values if spec.series else ()
    missing = "#FFFFFF"
    for i, cat in enumerate(spec.categories):
        if cat not in positions:
            continue
        r, c = positions[cat]
        key = classes.get(cat, "")
        color = class_colors.get(key, missing if (i >= len(values) or values[i] is None) else "#BDBDBD")
        sq = shapes.add_shape(MSO_SHAPE.RECTANGLE, ox + c * tile + gap // 2, oy + r * tile + gap // 2,
                              tile - gap, tile - gap)
        sq.name = f"Tile {cat}"
        sq.fill.solid()
        sq.fill.fore_color.rgb = _rgb(color)
        sq.line.color.rgb = _rgb("BFBFBF" if color == missing else "FFFFFF")
        sq.line.width = Pt(0.75)
        _no_effects(sq)
        tf = sq.text_frame
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        tf.word_wrap = False
        from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

        tf.vertical_anchor = MSO_ANCHOR.MIDDLE
        tf.text = cat
        tf.paragraphs[0].alignment = PP_ALIGN.CENTER
        run = tf.paragraphs[0].runs[0]
        run.font.size = Pt(size)
        run.font.bold = True
        run.font.color.rgb = _rgb("FFFFFF" if _luminance(color) < 0.5 else "262626")
    # legend: one swatch per class, in the order the classes were declared
    lx = x + w - legend_w
    ly = y + int(EMU_PER_IN * 0.1)
    label_w = legend_w - sw - pad
    for key, label in zip(keys, labels):
        sq = shapes.add_shape(MSO_SHAPE.RECTANGLE, lx, ly, sw, sw)
        sq.name = f"Legend {key}"
        sq.fill.solid()
        sq.fill.fore_color.rgb = _rgb(class_colors.get(key, "#BDBDBD"))
        sq.line.color.rgb = _rgb("BFBFBF")  # a white class ("no data") still shows its swatch
        _no_effects(sq)
        # a label too long for one line takes the lines it needs (the next entry moves down)
        label_h = max(sw, int((line_height(len(wrap(label, label_w / EMU_PER_PT, size)), size) + 2) * EMU_PER_PT))
        _plain_text(shapes, lx + sw + pad, ly, label_w, label_h, label, size, align="left",
                    anchor="middle" if label_h == sw else "top")
        ly += label_h + int(EMU_PER_IN * 0.12)
    return _close_group(group)


def _table(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    from pptx.util import Pt

    x, y, w, h = box
    header, rows = spec.table(lang)
    unit = format_axis_unit(spec.unit, lang)
    if unit:
        header = [header[0]] + [f"{hcell} ({unit})" for hcell in header[1:]]
    n_rows = len(rows) + 1
    size = role_size("chart")
    row_h = int(size * 2.1 * EMU_PER_PT)
    height = min(h, row_h * n_rows)
    frame = slide.shapes.add_table(n_rows, len(header), x, y, w, height)
    frame.name = f"Table {spec.id}"
    table = frame.table
    first_w = int(w * 0.45) if len(header) > 1 else w
    table.columns[0].width = first_w
    for j in range(1, len(header)):
        table.columns[j].width = int((w - first_w) / (len(header) - 1))
    for j, text in enumerate(header):
        cell = table.cell(0, j)
        cell.text = text
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(NAVY)
        run = cell.text_frame.paragraphs[0].runs[0]
        run.font.size = Pt(size)
        run.font.bold = True
        run.font.color.rgb = _rgb("FFFFFF")
    from pptx.enum.text import PP_ALIGN

    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            if j == 0:
                cell.text = str(value)
            else:
                cell.text = (format_number(value, lang, decimals=spec.decimals) if value is not None
                             else ("n/a" if lang == "en" else "n.d."))
                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb("F2F2F2" if i % 2 == 0 else "FFFFFF")
            run = cell.text_frame.paragraphs[0].runs[0]
            run.font.size = Pt(size)
            run.font.color.rgb = _rgb("262626")
    return frame


