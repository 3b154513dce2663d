"""Inputs too large to draw are refused up front, with the limit named (issue 27, item 5): a chart of a
100,000-row imported table (python-pptx's table cells and reportlab's bars grow with it; the deck export of
one never finished) is refused by the deck, the handout and the image before anything is written; the
workbook writes every row. A chart at the limit is drawn."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest
import tally
from fixture_catalog import make_catalog

from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.exporters import REGISTRY, ExportError
from nap_desktop.exporters.svg_chart import export_svg
from nap_desktop.exporters.textsafe import MAX_DRAWN_CATEGORIES, MAX_TABLE_ROWS

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)
CATALOG = make_catalog()


def _big(kind: str, n: int):
    cid = next(k for k, c in CATALOG.charts.items() if c.kind == kind)
    base = CATALOG.charts[cid]
    cats = tuple(f"c{i:06d}" for i in range(n))
    series = tuple(replace(s, values=tuple(float(i % 997) for i in range(n))) for s in base.series[:1])
    spec = replace(base, categories=cats, category_labels_en=cats, category_labels_es=cats, series=series, gaps=(),
                   highlight=(), category_colors=())
    return cid, replace(CATALOG, charts={**CATALOG.charts, cid: spec})


@pytest.mark.parametrize(("kind", "limit"), [("bar", MAX_DRAWN_CATEGORIES), ("line", MAX_DRAWN_CATEGORIES),
                                             ("table", MAX_TABLE_ROWS)])
def test_a_chart_of_a_100000_row_table_is_refused_up_front_and_the_workbook_keeps_every_row(tmp_path, kind, limit):
    import openpyxl

    cid, catalog = _big(kind, 100_000)
    pack = Pack(title="Rows", items=(PackItem("chart", cid, uid="c"),))
    for name in ("pptx", "pdf", "bundle"):
        dest = tmp_path / f"big{REGISTRY[name].extension}"
        with pytest.raises(ExportError) as caught:
            REGISTRY[name].function(pack, catalog, dest, lang="en", now=NOW)
        assert "100,000" in str(caught.value) and f"{limit:,}" in str(caught.value) and cid in str(caught.value)
        assert not dest.exists() and not list(tmp_path.glob(".~nap-*"))
        tally.case("sizes", "clean refusals")
    with pytest.raises(ExportError):
        export_svg(catalog.charts[cid], catalog, tmp_path / "big.svg", lang="en")
    assert not (tmp_path / "big.svg").exists()
    tally.case("sizes", "clean refusals")
    if kind != "bar":
        return  # the workbook's rows are read back once (about 5 s for 100,000)
    book = REGISTRY["xlsx"].function(pack, catalog, tmp_path / "big.xlsx", lang="en", now=NOW)
    wb = openpyxl.load_workbook(book, read_only=True)
    assert max(ws.max_row for ws in wb.worksheets) >= 100_000
    tally.case("sizes", "opened or written")


def test_a_chart_at_the_limit_is_drawn(tmp_path):
    from pptx import Presentation

    cid, catalog = _big("bar", MAX_DRAWN_CATEGORIES)
    pack = Pack(title="Rows", items=(PackItem("chart", cid, uid="c"),))
    deck = REGISTRY["pptx"].function(pack, catalog, tmp_path / "ok.pptx", lang="en", now=NOW)
    charts = [sh for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_chart]
    assert charts and len(charts[0].chart.plots[0].categories) == MAX_DRAWN_CATEGORIES
    tally.case("sizes", "opened or written")


def test_a_pack_of_100000_notes_is_refused_up_front_by_every_format(tmp_path):
    from nap_desktop.exporters.textsafe import MAX_EXPORT_ITEMS

    pack = Pack(title="Notes", items=tuple(PackItem("note", text=f"Note {i}", uid=f"n{i}") for i in range(100_000)))
    for name, exporter in REGISTRY.items():
        dest = tmp_path / f"notes{exporter.extension}"
        with pytest.raises(ExportError) as caught:
            exporter.function(pack, CATALOG, dest, lang="en", now=NOW)
        assert "100,000 items" in str(caught.value) and f"{MAX_EXPORT_ITEMS:,}" in str(caught.value)
        assert not dest.exists()
        tally.case("sizes", "clean refusals")


def test_thousands_of_slides_with_one_title_get_unique_titles_in_linear_work():
    """The deck numbered repeated titles by trying (2), (3) ... from 2 for each slide: 10,000 notes with one
    title spent 12 s there (quadratic). Each slide's number is now found where the last one stopped."""
    from nap_desktop.core.deck import compose_deck

    pack = Pack(title="Notes", items=tuple(PackItem("note", text="The same note", uid=f"n{i}") for i in range(5_000)))
    slides = compose_deck(pack, CATALOG, lang="en", now=NOW)
    titles = [s.title for s in slides if s.kind == "note"]
    assert len(titles) == 5_000 and len({t.casefold() for t in titles}) == 5_000
    assert titles[-1] == "Note (5000)"
    tally.case("sizes", "opened or written")
