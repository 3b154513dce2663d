"""Normalised JSON summaries of exported decks and workbooks, for golden tests (never zip bytes)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

GOLDEN_DIR = Path(__file__).parent / "golden"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def _alt(shape: Any) -> str:
    found = shape._element.xpath("./*[1]/p:cNvPr")
    return found[0].get("descr", "") if found else ""


def _shape_summary(shape: Any) -> dict[str, Any]:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    out: dict[str, Any] = {"name": shape.name}
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        out["group"] = [_shape_summary(s) for s in shape.shapes]
        out["alt"] = _alt(shape)
    elif getattr(shape, "has_chart", False) and shape.has_chart:
        chart = shape.chart
        plot = chart.plots[0]
        series = []
        for s in plot.series:
            colors = [c.get("val") for c in s._element.xpath(".//c:spPr//a:srgbClr")]
            series.append({"name": s.name, "values": list(s.values), "colors": sorted(set(colors))})
        fmt = chart.value_axis.tick_labels.number_format
        out["chart"] = {"type": str(chart.chart_type), "categories": [str(c) for c in plot.categories],
                        "series": series, "number_format": fmt,
                        "value_axis_title": chart.value_axis.axis_title.text_frame.text
                        if chart.value_axis.has_title else "",
                        "data_labels": plot.has_data_labels}
        out["alt"] = _alt(shape)
    elif getattr(shape, "has_table", False) and shape.has_table:
        out["table"] = [[cell.text for cell in row.cells] for row in shape.table.rows]
        out["alt"] = _alt(shape)
    elif shape.has_text_frame:
        out["text"] = shape.text_frame.text
    return out


def pptx_summary(path: Path) -> dict[str, Any]:
    from pptx import Presentation

    prs = Presentation(str(path))
    props = prs.core_properties
    slides = []
    for slide in prs.slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        slides.append({
            "layout": slide.slide_layout.name,
            "title": title,
            "shapes": [_shape_summary(s) for s in slide.shapes if s != slide.shapes.title],
            "notes": slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "",
        })
    return {
        "size": [prs.slide_width, prs.slide_height],
        "properties": {"author": props.author, "title": props.title, "created": str(props.created),
                       "modified": str(props.modified), "last_modified_by": props.last_modified_by,
                       "revision": props.revision, "language": props.language},
        "slides": slides,
    }


def xlsx_summary(path: Path) -> dict[str, Any]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                value = c.value.isoformat() if hasattr(c.value, "isoformat") else c.value
                entry: dict[str, Any] = {"v": value, "t": c.data_type}
                if c.number_format != "General":
                    entry["fmt"] = c.number_format
                cells[c.coordinate] = entry
        charts = []
        for chart in ws._charts:
            series = []
            for s in chart.series:
                series.append({
                    "values": s.val.numRef.f if s.val is not None and s.val.numRef is not None else None,
                    "categories": (s.cat.strRef or s.cat.numRef).f if s.cat is not None else None,
                    "name": s.tx.strRef.f if s.tx is not None and s.tx.strRef is not None else None,
                    "color": _xl_color(s),
                    "points": len(s.dPt),
                })
            charts.append({"type": type(chart).__name__, "grouping": getattr(chart, "grouping", None),
                           "bar_dir": getattr(chart, "barDir", None), "series": series})
        sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                       "cells": cells, "charts": charts})
    props = wb.properties
    return {"properties": {"creator": props.creator, "title": props.title, "created": str(props.created),
                           "modified": str(props.modified), "last_modified_by": props.lastModifiedBy},
            "sheets": sheets}


def _xl_color(series: Any) -> str | None:
    gp = series.graphicalProperties
    if gp is None:
        return None
    for fill in (gp.solidFill, gp.line.solidFill if gp.line is not None else None):
        if fill is None:
            continue
        rgb = fill if isinstance(fill, str) else fill.srgbClr
        if rgb is not None:
            return rgb if isinstance(rgb, str) else rgb.val
    return None


def check_golden(name: str, summary: dict[str, Any]) -> None:
    """Compare with tests/exporters/golden/NAME.json; NAP_UPDATE_GOLDEN=1 rewrites it instead."""
    path = GOLDEN_DIR / f"{name}.json"
    text = json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if os.environ.get("NAP_UPDATE_GOLDEN") == "1":
        GOLDEN_DIR.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path.name}; run with NAP_UPDATE_GOLDEN=1 and review the diff"
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(text) == expected, (
        f"{name}: the export changed; if intended, rerun with NAP_UPDATE_GOLDEN=1 and review `git diff {path}`")
