"""State briefs: the figures are the verbatim BTS files' sums, ranks handle ties, the outputs are
meeting-grade (deck 5-8 slides, one-page handout, Spanish throughout)."""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone

import pytest

from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.core.catalog.states import states
from nap_desktop.core.pack.snapshot import catalog_for_pack
from nap_desktop.core.pack.state_brief import brief_items, brief_pack, rank_of
from raw_bts import sums

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)
CHECKED = ("TX", "MI", "IA", "VT", "DC")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _fact(facts, suffix):
    return next(f for f in facts if f.id.endswith(suffix))


@pytest.mark.parametrize("code", CHECKED)
def test_brief_figures_are_sums_of_the_verbatim_bts_files(catalog, code):
    facts, charts, _, fig = brief_items(catalog, code)
    raw23, raw22 = sums("2023")["trade"], sums("2022")["trade"]
    assert fig.official_year == "2023"
    for partner in ("MX", "CA"):
        exports = raw23[("exports", partner, code)]
        fact = _fact(facts, f"-exports-{partner.lower()}")
        scale = 1e9 if fact.unit == "usd_bn" else 1e6
        assert fact.value == pytest.approx(exports / scale, abs=1e-6)
    trade = next(c for c in charts if c.id.endswith("-trade"))
    for series in trade.series:
        flow, partner = series.key.split("-")
        for year, raw in (("2022", raw22), ("2023", raw23)):
            value = series.values[trade.categories.index(year)]
            assert value == pytest.approx(raw.get((flow, partner.upper(), code), 0) / 1e9, abs=1e-6), (series.key, year)
    # truck + rail share of 2023 exports to both partners
    modes = sums("2023")["modes"]
    total = sum(v for (p, s, m), v in modes.items() if s == code)
    truck_rail = sum(v for (p, s, m), v in modes.items() if s == code and m in ("truck", "rail"))
    assert _fact(facts, "-modes").value == pytest.approx(truck_rail / total * 100, abs=1e-6)
    # the largest destination in Mexico is the file's largest MEXSTATE for this state
    dest = {k[2]: v for k, v in sums("2023")["dest"].items()
            if k[0] == "MX" and k[1] == code and k[2] not in ("OT", "XX", "")}  # no place: left out
    chart = next((c for c in charts if c.id.endswith("-destinations")), None)
    if dest and chart is not None:
        top = max(dest, key=dest.get)
        first_mx = next(i for i, c in enumerate(chart.categories) if c.startswith("MX-"))
        assert chart.categories[first_mx] == f"MX-{top}"
        assert chart.series[0].values[first_mx] == pytest.approx(dest[top] / 1e9, abs=1e-6)


def test_ranks_follow_the_raw_files_and_share_places_on_ties(catalog):
    assert rank_of({"A": 5, "B": 9, "C": 5, "D": 1}, "A") == (2, True)
    assert rank_of({"A": 5, "B": 9, "C": 5, "D": 1}, "D") == (4, False)
    assert rank_of({"A": 5, "B": 9, "C": 5, "D": 1}, "B") == (1, False)
    raw = sums("2023")["trade"]
    codes = {s.code for s in states()}
    for partner in ("MX", "CA"):
        values = {s: raw.get(("exports", partner, s), 0) for s in codes}
        for code in CHECKED:
            _, _, _, fig = brief_items(catalog, code)
            expected = 1 + sum(1 for v in values.values() if v > values[code])
            assert fig.ranks[("exports", partner, "2023")][0] == expected, (code, partner)
    facts, *_ = brief_items(catalog, "TX")
    assert facts[0].title("en") == "Texas sent USD 129.5 billion of goods to Mexico in 2023, more than any other state"


def test_every_state_has_a_brief_with_titles_in_both_languages(catalog):
    for state in states():
        pack = brief_pack(catalog, state.code, "es")
        assert pack.state == state.code and pack.title and pack.items
        assert all(i.copy is not None for i in pack.items if i.kind in ("fact", "chart"))
        facts, charts, _, _ = brief_items(catalog, state.code)
        assert len(charts) >= 2
        for fact in facts:
            assert fact.title("en") and fact.title("es") and fact.text("es") != fact.text("en")


def test_the_brief_opens_from_its_copies_without_the_state_items_in_the_catalog(catalog, tmp_path):
    from nap_desktop.core.pack.packfile import load_pack, save_pack

    pack = brief_pack(catalog, "MI", "en")
    path = tmp_path / "mi.napbrief"
    save_pack(pack, path)
    again = load_pack(path)
    assert again.state == "MI" and [i.ref for i in again.items] == [i.ref for i in pack.items]
    shown = catalog_for_pack(again, catalog)
    assert all(shown.fact(i.ref) is not None for i in again.items if i.kind == "fact")
    assert all(i.ref in shown.charts for i in again.items if i.kind == "chart")


def _deck_texts(path):
    from pptx import Presentation

    prs = Presentation(str(path))
    slides = []
    for slide in prs.slides:
        texts = []
        for shape in slide.shapes:
            stack = [shape]
            while stack:
                s = stack.pop()
                if hasattr(s, "shapes"):
                    stack.extend(s.shapes)
                if getattr(s, "has_text_frame", False) and s.text_frame.text.strip():
                    texts.append(s.text_frame.text)
                if getattr(s, "has_chart", False):
                    chart = s.chart
                    if chart.has_title:
                        texts.append(chart.chart_title.text_frame.text)
                    for plot in chart.plots:
                        texts += [str(c) for c in plot.categories]
                        texts += [ser.name for ser in plot.series]
        slides.append(texts)
    return prs, slides


#: English an app-written Spanish face must not carry (agency names from the glossary are Spanish too)
ENGLISH = re.compile(r"\b(the|and|of|to|from|exports?|imports?|billion|million|Source|Sources|Period|Key figures|"
                     r"Bureau|Department|Transportation|secondary|official|n/a|state|states)\b")


@pytest.mark.parametrize("code", ("TX", "VT"))
def test_deck_is_five_to_eight_slides_and_spanish_has_no_app_english(catalog, code, tmp_path):
    from nap_desktop.exporters.pptx_exporter import export_pptx

    for lang in ("en", "es"):
        pack = brief_pack(catalog, code, lang)
        out = tmp_path / f"{code}-{lang}.pptx"
        export_pptx(pack, catalog_for_pack(pack, catalog), out, lang=lang, now=NOW)
        prs, slides = _deck_texts(out)
        assert 5 <= len(slides) <= 8, [s[:1] for s in slides]
        if lang == "es":
            for n, texts in enumerate(slides, start=1):
                for text in texts:
                    # publication titles as published (English) live only on the sources page
                    if text.startswith(("Fuente", "•")) or n == len(slides):
                        continue
                    hit = ENGLISH.search(text)
                    assert hit is None, f"slide {n}: {text!r} ({hit.group(0)!r})"


def test_workbook_holds_the_state_rows_and_their_sources(catalog, tmp_path):
    from openpyxl import load_workbook

    from nap_desktop.exporters.xlsx_exporter import export_xlsx

    pack = brief_pack(catalog, "TX", "en")
    out = tmp_path / "tx.xlsx"
    export_xlsx(pack, catalog_for_pack(pack, catalog), out, lang="en", now=NOW)
    book = load_workbook(out)
    text = "\n".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert "Transportation Statistics" in text
    assert "bts.gov/transborder" in text
    raw = sums("2023")["trade"]
    values = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row
              if isinstance(c.value, (int, float))]
    assert any(abs(v - raw[("exports", "MX", "TX")] / 1e9) < 1e-6 for v in values)


def _pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_every_states_handout_is_one_page_in_both_languages_and_papers(catalog):
    from nap_desktop.exporters.handout_pdf import handout_bytes

    over = []
    for state in states():
        for lang in ("en", "es"):
            pack = brief_pack(catalog, state.code, lang)
            shown = catalog_for_pack(pack, catalog)
            for paper in ("letter", "a4"):
                pages = _pages(handout_bytes(pack, shown, lang=lang, now=NOW, paper=paper))
                if pages != 1:
                    over.append((state.code, lang, paper, pages))
    assert over == []


def test_a_brief_made_in_english_exports_its_generated_title_in_spanish(catalog, tmp_path):
    """The app wrote the brief's title and audience: a Spanish deck, workbook and handout say them in
    Spanish (cover, footer, document title); a title the user wrote stays as written."""
    from dataclasses import replace

    from openpyxl import load_workbook
    from pptx import Presentation
    from pypdf import PdfReader

    from nap_desktop.exporters.handout_pdf import export_pdf
    from nap_desktop.exporters.pptx_exporter import export_pptx
    from nap_desktop.exporters.xlsx_exporter import export_xlsx

    pack = brief_pack(catalog, "TX", "en")
    shown = catalog_for_pack(pack, catalog)
    spanish = brief_pack(catalog, "TX", "es")
    assert pack.title != spanish.title and pack.audience != spanish.audience
    deck = Presentation(export_pptx(pack, shown, tmp_path / "d.pptx", lang="es", now=NOW))
    cover = " ".join(sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame)
    assert spanish.title in cover and spanish.audience in cover and pack.title not in cover
    assert deck.core_properties.title == spanish.title
    book = load_workbook(export_xlsx(pack, shown, tmp_path / "w.xlsx", lang="es", now=NOW))
    assert book.properties.title == spanish.title
    pdf = PdfReader(export_pdf(pack, shown, tmp_path / "h.pdf", lang="es", now=NOW, paper="letter"))
    assert pdf.metadata.title == spanish.title
    assert spanish.title.split(",")[0] in pdf.pages[0].extract_text().replace("\n", " ")
    # a title of the user's own is theirs, in any language
    own = replace(pack, title="Texas and the review: our asks")
    deck = Presentation(export_pptx(own, shown, tmp_path / "o.pptx", lang="es", now=NOW))
    assert deck.core_properties.title == "Texas and the review: our asks"


def test_every_spanish_brief_writes_as_the_glossary_says(catalog):
    """The app writes a brief's Spanish texts, so they follow the glossary as data/ must: 'el segundo mayor
    monto', 'el lugar 45' (never '45.º mayor', a calque of '45th-largest'), 'la BTS', 'EE. UU.'."""
    from nap_desktop.core.catalog import rules
    from nap_desktop.paths import data_dir

    patterns = rules._avoid_patterns(rules.load_glossary(data_dir()))
    found = []
    for state in states():
        facts, charts, _section, _fig = brief_items(catalog, state.code)
        texts = [t for f in facts for t in (f.title("es"), f.text("es"))]
        texts += [t for c in charts for t in (c.title("es"), c.subtitle("es"), c.message("es"))]
        found += [(state.code, avoid, text) for text in texts for pattern, avoid, _ in patterns if pattern.search(text)]
    assert found == []
