"""Charts read back from the deck's XML: legends in series order, "n/a" in the missing value's category.

LibreOffice lists the legend of a horizontal bar chart bottom-up whatever the category axis's
direction, PowerPoint in series order; so a horizontal chart with several series carries a legend of
its own shapes, in series order, and the native chart none. A missing value in a bar or column chart
is marked "n/a" in its category's label and left blank in the chart's data; the reason is a footnote.
"""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixture_catalog import make_catalog  # noqa: E402

from nap_desktop.core.charts.spec import Gap, Series  # noqa: E402
from nap_desktop.core.pack.packfile import Pack, PackItem  # noqa: E402
from nap_desktop.exporters.pptx_exporter import export_pptx  # noqa: E402

NOW = datetime(2026, 5, 1, 12, 0)
NA = {"en": "n/a", "es": "n.d."}


def _catalog_with(kind: str):
    """The fixture's two-series produce chart as ``kind``, with Canada's fruit share missing."""
    cat = make_catalog()
    base = cat.charts["produce-grouped"]
    mx, ca = base.series
    spec = replace(base, id=f"produce-{kind}-gap", kind=kind,
                   series=(mx, Series(ca.key, ca.label_en, ca.label_es, ca.color, (None, 20.0))),
                   gaps=(Gap("fruit", ca.key, "Not in the report", "No está en el informe"),))
    cat.charts[spec.id] = spec
    return cat, spec


def _export(tmp_path, cat, spec, lang):
    pack = Pack(title="Legend test", lang=lang, items=(PackItem("chart", spec.id, uid="c1"),))
    dest = export_pptx(pack, cat, tmp_path / f"{spec.id}-{lang}.pptx", lang=lang, now=NOW)
    slide = next(s for s in Presentation(str(dest)).slides
                 if any(sh.name == f"Chart {spec.id}" for sh in s.shapes))
    frame = next(sh for sh in slide.shapes if sh.name == f"Chart {spec.id}")
    return slide, frame


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", ["bar", "share", "diverging"])
def test_horizontal_two_series_legend_is_ours_in_series_order(tmp_path, kind, lang):
    cat, spec = _catalog_with(kind)
    slide, frame = _export(tmp_path, cat, spec, lang)
    space = frame.chart._chartSpace
    # series written, ordered and indexed in the spec's order; first category on top (reversed axis)
    sers = space.findall(".//" + qn("c:ser"))
    names = [s.find(qn("c:tx") + "//" + qn("c:v")).text for s in sers]
    assert names == [s.label(lang) for s in spec.series]
    assert [int(s.find(qn("c:order")).get("val")) for s in sers] == [0, 1]
    assert [int(s.find(qn("c:idx")).get("val")) for s in sers] == [0, 1]
    cat_ax = space.find(".//" + qn("c:catAx"))
    assert cat_ax.find(qn("c:scaling") + "/" + qn("c:orientation")).get("val") == "maxMin"
    # no native legend (LibreOffice would reverse it); ours reads left to right in series order
    assert space.find(".//" + qn("c:legend")) is None
    legend = next(sh for sh in slide.shapes if sh.name == f"Legend {spec.id}")
    labels = sorted((sh for sh in legend.shapes if sh.name.startswith("Legend label")), key=lambda sh: sh.left)
    swatches = sorted((sh for sh in legend.shapes if sh.name.startswith("Legend swatch")), key=lambda sh: sh.left)
    assert [sh.text_frame.text for sh in labels] == [s.label(lang) for s in spec.series]
    assert [str(sh.fill.fore_color.rgb) for sh in swatches] == [s.color.lstrip("#").upper() for s in spec.series]
    # the legend sits above the chart, inside the space the chart had
    assert legend.top + legend.height <= frame.top
    assert all(sh.text_frame.paragraphs[0].runs[0].font.size.pt >= 12 for sh in labels)


def test_vertical_charts_keep_their_native_legend_in_series_order(tmp_path):
    cat, spec = _catalog_with("grouped")
    _, frame = _export(tmp_path, cat, spec, "en")
    space = frame.chart._chartSpace
    assert space.find(".//" + qn("c:legend")) is not None
    sers = space.findall(".//" + qn("c:ser"))
    assert [int(s.find(qn("c:order")).get("val")) for s in sers] == [0, 1]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", ["bar", "grouped", "stacked"])
def test_missing_value_is_marked_in_its_category_and_blank_in_the_cache(tmp_path, kind, lang):
    """The category says "n/a" (which series), the chart's cache has no point there (never 0), the
    embedded workbook's cell is empty, no "n/a" label is printed over a bar; an incomplete stack is
    left out whole (its known part blank in the chart, kept in the workbook) and has no total."""
    from openpyxl import load_workbook

    cat, spec = _catalog_with(kind)
    slide, frame = _export(tmp_path, cat, spec, lang)
    chart = frame.chart
    names = list(spec.category_labels(lang))
    shown = list(chart.plots[0].categories)
    other = spec.series[1].label(lang)
    if kind == "stacked":
        assert shown[0] == f"{names[0]} ({NA[lang]})"  # left out: no total, no part drawn
        assert shown[1].startswith(names[1] + " (Total ")
    else:
        assert shown[0] == f"{names[0]} ({other} {NA[lang]})"
        assert shown[1] == names[1]
    space = chart._chartSpace
    for ser in space.findall(".//" + qn("c:ser")):
        cache = ser.find(qn("c:val") + "/" + qn("c:numRef") + "/" + qn("c:numCache"))
        idx = {int(pt.get("idx")) for pt in cache.findall(qn("c:pt"))}
        assert 0 not in idx or kind != "stacked"
        texts = ["".join(t.text or "" for t in d.iter(qn("a:t"))) for d in ser.findall(".//" + qn("c:dLbl"))]
        assert NA[lang] not in texts
    second = space.findall(".//" + qn("c:ser"))[1]
    cache = second.find(qn("c:val") + "/" + qn("c:numRef") + "/" + qn("c:numCache"))
    assert [int(pt.get("idx")) for pt in cache.findall(qn("c:pt"))] == [1]  # nothing at the missing point
    blob = chart.part.chart_workbook.xlsx_part.blob
    ws = load_workbook(io.BytesIO(blob)).active
    assert ws.cell(row=2, column=3).value is None and ws.cell(row=3, column=3).value == 20.0
    if kind == "stacked":
        assert ws.cell(row=2, column=2).value is None  # the known part of a left-out stack
    footnote = next(sh.text_frame.text for sh in slide.shapes if sh.name == "Footnotes")
    assert {"en": "Not in the report", "es": "No está en el informe"}[lang] in footnote
    if kind == "stacked":
        assert {"en": "Not drawn, a part is missing", "es": "Sin dibujar por falta de una parte"}[lang] in footnote


def test_line_charts_leave_the_gap_empty(tmp_path):
    cat, spec = _catalog_with("line")
    _, frame = _export(tmp_path, cat, spec, "en")
    ser = frame.chart._chartSpace.findall(".//" + qn("c:ser"))[1]
    assert not ser.findall(".//" + qn("c:dLbl"))
    assert list(frame.chart.plots[0].series[1].values) == [None, 20.0]


def test_a_stack_segment_too_thin_for_its_label_shows_none(tmp_path):
    cat = make_catalog()
    base = cat.charts["produce-stacked"]
    mx, ca = base.series
    spec = replace(base, id="produce-thin", series=(Series(mx.key, mx.label_en, mx.label_es, mx.color, (900.0, 800.0)),
                                                     Series(ca.key, ca.label_en, ca.label_es, ca.color, (5.0, 300.0))))
    cat.charts[spec.id] = spec
    _, frame = _export(tmp_path, cat, spec, "en")
    sers = frame.chart._chartSpace.findall(".//" + qn("c:ser"))
    hidden = {(k, int(d.find(qn("c:idx")).get("val"))) for k, ser in enumerate(sers)
              for d in ser.findall(qn("c:dLbls") + "/" + qn("c:dLbl")) if d.find(qn("c:delete")) is not None}
    assert hidden == {(1, 0)}  # only Canada's 5 on top of 900; its value stays in the data
    assert list(frame.chart.plots[0].series[1].values) == [5.0, 300.0]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_bare_number_axis_title(tmp_path, lang):
    cat = make_catalog()
    base = cat.charts["trade-line"]
    years = tuple(str(2010 + i) for i in range(10))  # too many points for labels: the value axis shows
    s0 = base.series[0]
    spec = replace(base, id="count-line", unit="count", y_title_en="", y_title_es="", categories=years,
                   category_labels_en=years, category_labels_es=years, gaps=(),
                   series=(Series(s0.key, s0.label_en, s0.label_es, s0.color, tuple(float(100 + i) for i in range(10))),))
    cat.charts[spec.id] = spec
    _, frame = _export(tmp_path, cat, spec, lang)
    val_ax = frame.chart._chartSpace.find(".//" + qn("c:valAx"))
    assert val_ax.find(qn("c:delete")).get("val") == "0"
    assert val_ax.find(qn("c:title")) is None  # "number" / "número" beside numbers says nothing


def test_svg_images_follow_the_same_two_rules():
    from nap_desktop.exporters.svg_chart import chart_svg

    cat = make_catalog()
    base = cat.charts["produce-stacked"]
    mx, ca = base.series
    thin = replace(base, id="produce-thin", unit="count", y_title_en="", y_title_es="",
                   series=(Series(mx.key, mx.label_en, mx.label_es, mx.color, (900.0, 800.0)),
                           Series(ca.key, ca.label_en, ca.label_es, ca.color, (5.0, 300.0))))
    cat.charts[thin.id] = thin
    svg = chart_svg(thin, cat, "es")
    assert ">número<" not in svg and ">number<" not in svg
    assert ">300<" in svg and ">5<" not in svg  # the thin segment's label is left out, the others stay
