"""One house style for the deck, the handout and the images, read back from each.

An axis runs in thousands/millions with the unit named once ('Millions': 0-14, never 0-14,000,000);
data labels or an axis, never both; two series are never two near-identical oranges (issue 23).
"""

from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixture_catalog import make_catalog  # noqa: E402

from nap_desktop.core.charts.spec import PALETTE, Series  # noqa: E402
from nap_desktop.core.charts.style import axis_scale, series_colors  # noqa: E402
from nap_desktop.core.pack.packfile import Pack, PackItem  # noqa: E402
from nap_desktop.exporters.pptx_exporter import export_pptx  # noqa: E402
from nap_desktop.exporters.svg_chart import chart_svg  # noqa: E402
from nap_desktop.exporters.xlsx_exporter import export_xlsx  # noqa: E402

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)


def _catalog():
    cat = make_catalog()
    base = cat.charts["trade-line"]
    years = tuple(str(y) for y in range(2015, 2025))
    vehicles = replace(base, id="vehicles", unit="count", decimals=0, categories=years, category_labels_en=years,
                       category_labels_es=years, title_en="Vehicle production", title_es="Producción de vehículos",
                       series=(Series("us", "United States", "Estados Unidos", PALETTE["blue"],
                                      tuple(float(v) for v in range(12_000_000, 14_000_000, 200_000))),
                               Series("mx", "Mexico", "México", PALETTE["green"],
                                      tuple(float(v) for v in range(3_000_000, 4_000_000, 100_000)))), gaps=())
    cat.charts[vehicles.id] = vehicles
    grouped = cat.charts["produce-grouped"]
    oranges = replace(grouped, id="oranges", series=(replace(grouped.series[0], color=PALETTE["vermillion"]),
                                                     replace(grouped.series[1], color=PALETTE["orange"])))
    cat.charts[oranges.id] = oranges
    return cat


def test_axis_scale_names_the_unit_once():
    cat = _catalog()
    assert axis_scale(cat.charts["vehicles"], "en") == (1e6, "Millions")
    assert axis_scale(cat.charts["vehicles"], "es") == (1e6, "Millones")
    assert axis_scale(cat.charts["trade-line"], "en")[0] == 1  # USD billion, under 10,000 as it is
    assert len({c for c in series_colors(cat.charts["oranges"])}) == 2
    assert not {PALETTE["orange"].upper(), PALETTE["vermillion"].upper()} <= set(series_colors(cat.charts["oranges"]))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_svg_axis_in_millions_and_labels_or_axis(lang):
    cat = _catalog()
    svg = chart_svg(cat.charts["vehicles"], cat, lang)
    texts = re.findall(r">([^<>]+)</text>", svg)
    assert not any(re.fullmatch(r"[\d,.]{8,}", t) for t in texts), texts  # no tick like 14,000,000
    assert {"en": "Millions", "es": "Millones"}[lang] in texts
    # a labelled bar chart has no value axis: no tick text, no gridline
    bars = chart_svg(cat.charts["produce-grouped"], cat, lang)
    assert 'stroke="#D9D9D9"' not in bars
    assert re.search(r">51(?:\.0)?%<", bars)  # its data labels carry the numbers
    two = chart_svg(cat.charts["oranges"], cat, lang)
    assert not (PALETTE["orange"] in two and PALETTE["vermillion"] in two)


def test_deck_and_workbook_axis_in_millions_and_distinct_colours(tmp_path):
    from pptx import Presentation

    cat = _catalog()
    pack = Pack(title="Style", lang="en", items=(PackItem("chart", "vehicles"), PackItem("chart", "oranges")))
    deck = export_pptx(pack, cat, tmp_path / "d.pptx", lang="en", now=NOW)
    frames = {sh.name: sh for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_chart}
    va = frames["Chart vehicles"].chart.value_axis
    assert va.tick_labels.number_format.endswith(",,")
    assert va.axis_title.text_frame.text == "Millions"
    xml = "".join(zipfile.ZipFile(deck).read(n).decode() for n in zipfile.ZipFile(deck).namelist()
                  if n.startswith("ppt/charts/chart"))
    assert not (PALETTE["orange"].lstrip("#").upper() in xml and PALETTE["vermillion"].lstrip("#").upper() in xml)
    book = export_xlsx(pack, cat, tmp_path / "w.xlsx", lang="en", now=NOW)
    charts = "".join(zipfile.ZipFile(book).read(n).decode() for n in zipfile.ZipFile(book).namelist()
                     if n.startswith("xl/charts/chart"))
    assert 'formatCode="#,##0,,"' in charts and ">Millions<" in charts
    assert not (PALETTE["orange"].lstrip("#").upper() in charts and PALETTE["vermillion"].lstrip("#").upper() in charts)
