"""Spanish outputs name agencies as their statements do: the glossary's Spanish name in every source
line, appendix entry, handout source and workbook cell ('Oficina del Censo de EE. UU.', never 'U.S.
Census Bureau' beside it), also where a third party is cited ('datos de la Oficina del Censo de EE. UU.
según …')."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.core.charts.spec import source_phrase
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.exporters.handout_pdf import export_pdf
from nap_desktop.exporters.pptx_exporter import export_pptx
from nap_desktop.exporters.xlsx_exporter import export_xlsx

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
CENSUS_ES = "Oficina del Censo de EE. UU."


def _src(publisher, status="report", date="2026"):
    from nap_desktop.core.catalog.model import Source

    return Source("x", publisher, "Title", status, url="https://www.census.gov/x", date=date)


def test_source_phrases_in_spanish_use_the_glossary_names():
    assert source_phrase(_src("U.S. Census Bureau"), "es") == f"{CENSUS_ES}, según el informe"
    assert source_phrase(_src("U.S. Census Bureau", "official"), "es") == f"{CENSUS_ES} (2026)"
    assert source_phrase(_src("CSIS Trade Guys, citing U.S. Census Bureau", "secondary"), "es") == \
        f"datos de la {CENSUS_ES} según CSIS Trade Guys"
    # English outputs keep the agency's own name
    assert source_phrase(_src("CSIS Trade Guys, citing U.S. Census Bureau", "secondary"), "en") == \
        "U.S. Census Bureau data as reported by CSIS Trade Guys"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    catalog = load_catalog()
    census = [f.id for f in catalog.facts if any(catalog.sources[s].publisher.endswith("U.S. Census Bureau")
                                                  for s in f.sources if s in catalog.sources)][:5]
    charts = [c.id for c in catalog.charts.values()
              if any("Census" in catalog.sources[s].publisher for s in c.sources if s in catalog.sources)][:1]
    assert census and charts
    pack = Pack(title="Comercio", audience="Senado", lang="es",
                items=tuple(PackItem("fact", f) for f in census) + tuple(PackItem("chart", c) for c in charts))
    out = tmp_path_factory.mktemp("es")
    return (export_pptx(pack, catalog, out / "d.pptx", lang="es", now=NOW),
            export_xlsx(pack, catalog, out / "w.xlsx", lang="es", now=NOW),
            export_pdf(pack, catalog, out / "h.pdf", lang="es", now=NOW, paper="letter"))


def test_deck_handout_and_workbook_faces_name_the_census_in_spanish(exported):
    import pypdf
    from openpyxl import load_workbook
    from pptx import Presentation

    deck, book, handout = exported
    faces = [sh.text_frame.text for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_text_frame]
    assert any(CENSUS_ES in f for f in faces)
    assert not [f for f in faces if "Census Bureau" in f]
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(handout)).pages).split())
    assert CENSUS_ES in text and "Census Bureau" not in text
    cells = [v for ws in load_workbook(book).worksheets for row in ws.iter_rows(values_only=True) for v in row
             if isinstance(v, str)]
    assert any(CENSUS_ES in v for v in cells)
    assert not [v for v in cells if "U.S. Census Bureau" in v and "census.gov" not in v]
