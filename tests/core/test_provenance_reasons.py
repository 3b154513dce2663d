"""Why a source has no specific link or date reaches the reader (issue 24): every key a source block of
data/ may hold is carried into the model; the reasons are in both languages (data check requires the
Spanish twin); the workbook's Sources sheet, the slide notes, the bundle's manifest and the Sources view
show them."""

from __future__ import annotations

import dataclasses
import json
import tomllib
import zipfile
from datetime import datetime, timezone

import pytest

from nap_desktop.core.catalog.model import Source
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.paths import data_dir

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)
FACT = "usmca-labor-rrm-workers-2025"  # cites Brookings, which the report names without a title or date


def test_every_key_a_source_block_holds_is_carried_into_the_model():
    fields = {f.name for f in dataclasses.fields(Source)}
    keys = set()
    for path in (data_dir() / "sources").glob("*.toml"):
        for block in tomllib.loads(path.read_text(encoding="utf-8")).get("source", []):
            keys |= set(block)
    assert keys and keys <= fields, f"keys data/ uses that the model drops: {sorted(keys - fields)}"


def test_every_reason_has_its_spanish_and_is_loaded(catalog):
    with_reason = [s for s in catalog.sources.values() if s.no_url_reason or s.no_date_reason]
    assert len(with_reason) >= 15
    for s in with_reason:
        assert s.reasons("en") and s.reasons("es") and s.reasons("es") != s.reasons("en"), s.id
    brookings = catalog.sources["brookings"]
    assert brookings.reasons("es").startswith("El informe cita estos análisis de Brookings sin título ni cuadro")
    assert "naming a specific page would be a guess" in brookings.reasons("en")
    assert "giving a year would be a guess" in brookings.reasons("en") and not brookings.date  # n.d., not a guessed 2025


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_workbook_the_notes_and_the_manifest_say_why(catalog, tmp_path, lang):
    from openpyxl import load_workbook
    from pptx import Presentation

    from nap_desktop.exporters.bundle import MANIFEST, export_bundle, file_stem

    why = catalog.sources["brookings"].reasons(lang)
    pack = Pack(title="Labour", lang=lang, items=(PackItem("fact", FACT, uid="f1"),))
    out = export_bundle(pack, catalog, tmp_path / "b.zip", lang=lang, now=NOW, paper="letter")
    stem = file_stem(pack, lang)
    with zipfile.ZipFile(out) as zf:
        (tmp_path / "w.xlsx").write_bytes(zf.read(f"{stem}.xlsx"))
        (tmp_path / "d.pptx").write_bytes(zf.read(f"{stem}.pptx"))
        manifest = json.loads(zf.read(MANIFEST))
    sheet = load_workbook(tmp_path / "w.xlsx")["Sources" if lang == "en" else "Fuentes"]
    header = [c.value for c in sheet[1]]
    column = header.index("Why no specific link or date" if lang == "en" else "Por qué no hay enlace o fecha específicos")
    rows = {r[0].value: r[column].value for r in sheet.iter_rows(min_row=2)}
    assert rows["brookings"] == why
    date = 3  # the publication date column
    assert {r[0].value: r[date].value for r in sheet.iter_rows(min_row=2)}["brookings"] == ("n.d." if lang == "en" else "s. f.")
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(str(tmp_path / "d.pptx")).slides
             if s.has_notes_slide]
    assert any(why in n for n in notes)
    entry = next(s for s in manifest["sources"] if s["id"] == "brookings")
    assert entry["why_no_link_or_date"] == why


def test_the_sources_view_shows_why_on_a_click(qtbot, catalog, settings_dir):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from nap_desktop.ui.main_window import MainWindow

    win = MainWindow(catalog, settings_dir=settings_dir, lang="en")
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    button = win.browse.sources_button
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button.rect().center())
    page = win.browse.sources_page
    QTest.keyClicks(page.filter_field, "Brookings")
    item = page._items["brookings"]
    page.tree.scrollToItem(item)
    QTest.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     page.tree.visualItemRect(item).center())
    assert page.current_source().id == "brookings"
    assert catalog.sources["brookings"].reasons("en") in page.note_label.text() and page.note_label.isVisible()


# --- every key data check accepts is carried into the model --------------------------------------------
def test_every_key_data_check_accepts_for_a_source_is_a_model_field():
    """The loader refuses a source key it does not know, and every key it knows is a Source field; the keys
    rules.py reads from a source block are among them."""
    import re
    from pathlib import Path

    from nap_desktop.core.catalog import loader, rules

    fields = {f.name for f in dataclasses.fields(Source)}
    accepted = loader._Loader.SOURCE_KEYS
    assert accepted <= fields and {"no_url_reason", "no_url_reason_es", "no_date_reason", "no_date_reason_es"} <= accepted
    source = Path(rules.__file__).read_text(encoding="utf-8")
    start = source.index("def check_sources")
    body = source[start:source.index("\ndef ", start + 1)]  # the rule that reads source blocks
    loops = " ".join(re.findall(r"for key in \(([^)]*)\)", body))
    read = set(re.findall(r'block\.get\("([a-z_]+)"', body)) | set(re.findall(r'"([a-z_]+)"', loops))
    read |= {f"{k}_es" for k in read if k.endswith("_reason")}  # f"{key}_es": the Spanish twins
    assert read and read <= accepted, sorted(read - accepted)


def test_an_unknown_source_key_is_refused_not_dropped(tmp_path):
    import shutil

    from nap_desktop.core.catalog.loader import load_catalog_with_problems

    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    path = data / "sources" / "agencies.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('id = "bbva"\n', 'id = "bbva"\nwhy_no_link = "x"\n', 1), encoding="utf-8")
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t.startswith("why_no_link"))
    problems = [str(p) for p in load_catalog_with_problems(data)[1]]
    assert f"sources/agencies.toml:{line}: source bbva: unknown field 'why_no_link'" in problems


def test_every_chart_key_data_check_accepts_is_carried_into_the_chart(catalog):
    """build.KNOWN lists the chart keys data check accepts; each text, note or link key reaches ChartSpec
    (a field of the same name, gaps for gap_reasons, extra for the per-kind and per-fact keys)."""
    from nap_desktop.core.charts import build
    from nap_desktop.core.charts.spec import ChartSpec

    fields = {f.name for f in dataclasses.fields(ChartSpec)}
    shaping = {"id", "kind", "dataset", "x", "categories", "category_labels", "series", "series_from", "where", "colors",
               "compute", "compute_args", "claim", "classes_max", "classes_pinned", "series_labels"}  # build the rows
    carried = {"gap_reasons": "gaps", "derived_dates": "extra", "period_notes": "extra"}
    for key in build.KNOWN - shaping:
        assert key in fields or key in carried, f"chart key {key!r} is accepted but not carried into ChartSpec"
    spec = catalog.charts["food-state-exports-mexico-map"]
    notes = spec.extra["period_notes"]["food-pork-texas-virginia-exports-mexico-2025"]
    assert notes["en"].startswith("The report cites calendar 2025") and notes["es"].startswith("El informe cita")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_charts_period_note_reaches_the_slide_notes(catalog, lang):
    from nap_desktop.core.deck import compose_deck

    fid = "food-pork-texas-virginia-exports-mexico-2025"
    pack = Pack(title="Pork", lang=lang, items=(PackItem("fact", fid, uid="f1"),
                                                 PackItem("chart", "food-state-exports-mexico-map", uid="c1")))
    chart = next(s for s in compose_deck(pack, catalog, lang=lang, now=NOW) if s.kind == "chart")
    why = catalog.charts["food-state-exports-mexico-map"].extra["period_notes"][fid][lang]
    assert why in chart.notes


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_face_says_the_report_names_no_title_and_the_citation_says_nd(catalog, lang):
    from nap_desktop.core.deck import compose_deck, fact_source_line

    fact = catalog.fact(FACT)
    face = fact_source_line(fact, catalog, lang)
    short = "as cited in the report, which names no title or link" if lang == "en" else \
        "tal como lo cita el informe, que no da título ni enlace"
    assert f"Brookings Institution, {short}" in face
    # a source with a title keeps "as published in the report"
    assert ("as published in the report" if lang == "en" else "según el informe") in fact_source_line(
        catalog.fact("usmca-jobs-mfg-lost-ca"), catalog, lang)
    slides = compose_deck(Pack(title="Labour", lang=lang, items=(PackItem("fact", FACT, uid="f1"),)), catalog, lang=lang, now=NOW)
    notes = next(s for s in slides if s.kind == "fact").notes
    nd = "n.d." if lang == "en" else "s. f."
    assert f"{nd} https://www.brookings.edu" in notes, notes
    assert catalog.sources["brookings"].date_text(lang) == nd and catalog.sources["census"].date_text(lang) == "2026-02-19"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_card_shows_the_short_reason_and_its_tooltip_the_full_one(qtbot, catalog, lang):
    from nap_desktop.ui.browse.fact_cards import FactCardWidget

    card = FactCardWidget(catalog.fact(FACT), catalog, lang)
    qtbot.addWidget(card)
    short = "as cited in the report, which names no title or link" if lang == "en" else \
        "tal como lo cita el informe, que no da título ni enlace"
    assert f"Brookings Institution, {short}" in card.meta_label.text()
    assert catalog.sources["brookings"].reasons(lang) in card.meta_label.toolTip()
    card.set_fact(catalog.fact("usmca-gdp-share-na-2025"))  # the IMF's specific table, dated: no reason to give
    assert "report" not in card.meta_label.text() and not card.meta_label.toolTip()
