"""The handout is one page for six facts and one chart or fewer, on packs built as users build them.

Not one pack chosen to fit: for every section of the catalog, a pack of that section's first six facts
and its first chart (a divider, a note and talking points as users add them), and two mixed packs
with an organisation, an audience and a meeting date, in both languages and on both papers. Read
back with pypdf: one page, every figure on it, the sources condensed (each publisher and year once,
numbered) with the full list left to the deck and the workbook. A longer pack flows onto more pages.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

pypdf = pytest.importorskip("pypdf")

from nap_desktop.core.catalog.loader import load_catalog  # noqa: E402
from nap_desktop.core.deck import fact_figure, used_sources  # noqa: E402
from nap_desktop.core.pack.packfile import Pack, PackItem  # noqa: E402
from nap_desktop.exporters.handout_pdf import handout_bytes, short_publisher  # noqa: E402

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _section_pack(catalog, section: str, lang: str) -> Pack:
    facts = [f for f in catalog.facts if f.section == section][:6]
    chart = next(c for c in catalog.charts.values() if c.kind != "table" and
                 any(catalog.fact(fid) is not None and catalog.fact(fid).section == section for fid in c.facts))
    items = [PackItem("divider", text=section.title()), *(PackItem("fact", f.id, talking_points=f"Stress {f.id}.")
                                                        for f in facts),
             PackItem("chart", chart.id, talking_points="Walk through the chart."),
             PackItem("note", text="Ask\nWhat would a lapse cost the district?")]
    return Pack(title=f"{section.title()}: what is at stake in the joint review", audience="Trade staff",
                meeting_date="2026-06-15", organisation="U.S.-Mexico Foundation", lang=lang, items=tuple(items))


MIXED = {
    "border": ("usmca-ports-laredo-2025", "usmca-ports-detroit-2025", "usmca-jobs-mfg-lost-mx",
               "usmca-jobs-mfg-lost-ca", "usmca-minerals-ca-projects-2025", "usmca-exec-goal-2050",
               "usmca-manufacturing-jobs-lost"),
    "review": ("usmca-review-joint-review-2026", "usmca-review-art-34-7", "usmca-gdp-share-na-2025",
               "usmca-trade-border-daily", "usmca-labor-rrm-workers-2025", "usmca-energy-mx-gas-us-70",
               "usmca-gdp-shares"),
}


def _mixed_pack(catalog, name: str, lang: str) -> Pack:
    items = tuple(PackItem("chart" if ref in catalog.charts else "fact", ref, talking_points="Lead with it.")
                  for ref in MIXED[name])
    return Pack(title="Six numbers for the delegation", audience="Governor's trade office, Austin",
                meeting_date="2026-09-09", organisation="Texas Border Coalition", lang=lang, items=items)


def _packs(catalog, lang):
    sections = sorted({f.section for f in catalog.facts})
    out = {s: _section_pack(catalog, s, lang) for s in sections}
    out.update({n: _mixed_pack(catalog, n, lang) for n in MIXED})
    return out


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_six_facts_and_a_chart_are_one_page_on_realistic_packs(catalog, lang, paper):
    over = []
    for name, pack in _packs(catalog, lang).items():
        facts = [catalog.fact(i.ref) for i in pack.items if i.kind == "fact" and catalog.fact(i.ref)]
        assert len(facts) <= 6 and sum(i.kind == "chart" for i in pack.items) <= 1
        import io

        reader = pypdf.PdfReader(io.BytesIO(handout_bytes(pack, catalog, lang=lang, now=NOW, paper=paper)))
        if len(reader.pages) != 1:
            over.append((name, len(reader.pages)))
            continue
        text = " ".join(reader.pages[0].extract_text().split())
        for f in facts:
            if f.value is not None:
                assert " ".join(fact_figure(f, lang).split()) in text, (name, f.id)
        # condensed sources: each short name and year once, numbered
        shorts = {short_publisher(catalog.sources[s], lang) for s in used_sources(pack, catalog)}
        for short in shorts:
            assert " ".join(short.split())[:20] in text, (name, short)
        numbers = [int(n) for n in re.findall(r"(?:^| )(\d{1,2})\. ", text.split("Sources" if lang == "en" else "Fuentes")[-1])]
        # numbered 1..n, each once (read row by row across the columns)
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), (name, numbers)
    assert not over, over


def test_short_publisher_forms():
    from nap_desktop.core.catalog.model import Source

    def s(p):
        return Source("x", p, "t", "report")

    assert short_publisher(s("U.S. Census Bureau"), "en") == "Census Bureau"
    assert short_publisher(s("Bureau of Transportation Statistics (BTS)"), "en") == "BTS"
    assert short_publisher(s("Instituto Nacional de Estadística y Geografía (INEGI)"), "es") == "INEGI"
    assert short_publisher(s("CSIS Trade Guys, citing U.S. Census Bureau"), "en") == "CSIS Trade Guys"
    assert short_publisher(s("U.S. Bureau of Labor Statistics (CES) via FRED, Federal Reserve Bank of St. Louis"),
                           "en") == "Bureau of Labor Statistics"
    assert short_publisher(s("U.S. Census Bureau"), "es") == "Oficina del Censo de EE. UU."


def test_two_census_vintages_are_one_source_entry(catalog):
    import io

    vintages = [sid for sid in catalog.sources if sid.startswith("census-c5700-v2026")]
    assert len(vintages) >= 2
    facts = [f for f in catalog.facts if any(s in vintages for s in f.sources)]
    charts = [c for c in catalog.charts.values() if any(s in vintages for s in c.sources)]
    assert facts or charts
    pack = Pack(title="Two vintages", lang="en",
                items=tuple(PackItem("fact", f.id) for f in facts[:5]) + tuple(PackItem("chart", c.id) for c in charts[:1]))
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        handout_bytes(pack, catalog, lang="en", now=NOW, paper="letter"))).pages)
    tail = text.split("Sources")[-1]
    assert tail.count("Census Bureau, 2026") == 1, tail


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_source_without_a_specific_link_or_date_says_so_on_the_handout(catalog, lang):
    """The handout's condensed list marks a source cited with no specific link (†, explained under the list)
    and writes 'n.d.' / 's. f.' for one with no date for a reason, instead of a bare name."""
    import io

    from pypdf import PdfReader

    unlinked = catalog.sources["bbva"]  # cited by the report with neither title, link nor date
    assert unlinked.no_url_reason and unlinked.no_date_reason
    fact = next(f for f in catalog.facts if unlinked.id in f.sources)
    linked = next(f for f in catalog.facts if any(catalog.sources[s].url and not catalog.sources[s].no_url_reason
                                                  for s in f.sources))  # one of its sources has its own page
    pack = Pack(title="Reasons", lang=lang, items=(PackItem(kind="fact", ref=fact.id),
                                                   PackItem(kind="fact", ref=linked.id)))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(handout_bytes(pack, catalog, lang=lang, now=NOW,
                                                                                  paper="letter"))).pages)
    flat = " ".join(text.split())
    name = short_publisher(unlinked, lang)
    nd = "s. f." if lang == "es" else "n.d."
    assert re.search(re.escape(name.split()[0]) + r".{0,80}" + re.escape(nd) + r" †", flat), flat[-600:]
    legend = "Sin enlace específico" if lang == "es" else "No specific link"
    # the marks of the link-less sources (this one; the report itself names its page) and their explanation
    marked = {short_publisher(catalog.sources[s], lang) for f in (fact, linked) for s in f.sources
              if catalog.sources[s].no_url_reason}
    assert flat.count("†") == len(marked) + 1 and legend in flat


def test_every_layout_of_a_session_keeps_its_bold_type(catalog):
    """Titles and figures stay bold when the handout is laid out again in the same process (the one-page
    retry lays it out at shorter chart heights; the app exports many). With the chart renderer (svglib)
    left to find our font family by itself, a second layout of Maryland's brief set every bold text in
    regular type (the PDF embedded DejaVuSans only)."""
    import io

    from pypdf import PdfReader
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.units import inch
    from reportlab.platypus import SimpleDocTemplate

    from nap_desktop.core.pack.snapshot import catalog_for_pack
    from nap_desktop.core.pack.state_brief import brief_pack
    from nap_desktop.exporters import handout_pdf as h

    pack = brief_pack(catalog, "MD", "es")
    shown = catalog_for_pack(pack, catalog)
    h._register_fonts()
    margin = 0.6 * inch
    for svg_height in (400, 340, 400):
        story = h.handout_story(pack, shown, lang="es", frame_width=LETTER[0] - 2 * margin, chart_height=3.6 * inch,
                                chart_svg_height=svg_height, frame_height=LETTER[1] - margin - 0.7 * inch - 16)
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=LETTER, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=0.7 * inch, invariant=1, initialFontName=h.FONT).build(story)
        reader = PdfReader(io.BytesIO(buffer.getvalue()))
        fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1] for p in reader.pages
                 for f in p["/Resources"]["/Font"].values()}
        assert "DejaVuSans-Bold" in fonts, (svg_height, fonts)
