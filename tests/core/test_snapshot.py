"""Portable packs: a pack shows what it showed when made, with no library and with another data version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from nap_desktop.core.catalog import library as lib
from nap_desktop.core.catalog.loader import load_catalog_with_problems
from nap_desktop.core.catalog.tables import parse_csv
from nap_desktop.core.pack.packfile import SCHEMA_VERSION, Pack, PackItem, load_pack, save_pack
from nap_desktop.core.pack.selection import pack_ids
from nap_desktop.core.pack.snapshot import catalog_for_pack, diff_pack, take_update, with_copies

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "packs"
DATA = Path(__file__).resolve().parents[2] / "data"
SOURCE = {"publisher": "U.S. Bureau of Labor Statistics (CES), via FRED, Federal Reserve Bank of St. Louis",
          "title": "All Employees, Manufacturing (MANEMP), thousands, seasonally adjusted",
          "url": "https://fred.stlouisfed.org/series/MANEMP", "date": "2026-03-08", "status": "secondary"}
# MANEMP, thousands, seasonally adjusted (../shared/reference-data/employment_manufacturing.csv)
TABLE = "Month,Manufacturing employment\n2024-12,\"12,693\"\n2025-06,\"12,636\"\n2025-12,\"12,580\"\n"


@pytest.fixture(autouse=True)
def _no_env_library(monkeypatch):
    monkeypatch.delenv(lib.ENV_VAR, raising=False)


@pytest.fixture
def library(tmp_path) -> Path:
    folder = tmp_path / "library"
    lib.add_fact(folder, {
        "id": "manemp-dec-2025", "section": "usmca", "topic": "jobs", "countries": ["US"], "value": 12580,
        "unit": "count_th", "period": "2025-12", "title_en": "Factory jobs fell to 12,580 thousand",
        "text_en": "U.S. manufacturing employed 12,580 thousand people in December 2025, down from 12,693 thousand.",
        "text_es": "", "sources": [dict(SOURCE)]})
    lib.save_table(folder, parse_csv(TABLE), id="manemp", kind="line", title_en="U.S. factory jobs slipped in 2025",
                   unit="count_th", source=dict(SOURCE), status="secondary", decimals=0)
    return folder


def _slide_texts(path: Path) -> list[list[str]]:
    from pptx import Presentation

    slides = []
    for slide in Presentation(str(path)).slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        texts += [c.text_frame.text for shape in slide.shapes if shape.has_table
                  for row in shape.table.rows for c in row.cells]
        slides.append(texts)
    return slides


def test_a_pack_made_with_a_library_exports_identical_slides_without_it(library, tmp_path, monkeypatch):
    from nap_desktop.cli import main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    pack_file = tmp_path / "brief.napbrief"
    assert main(["pack", "new", str(pack_file), "--ids", "user.manemp-dec-2025,user.manemp,usmca-trade-trilateral-20y",
                 "--library", str(library), "--title", "Our figures"]) == 0
    saved = json.loads(pack_file.read_text(encoding="utf-8"))
    assert saved["version"] == SCHEMA_VERSION == 2
    assert all(item["copy"]["kind"] == item["kind"] for item in saved["items"])
    with_library = tmp_path / "with.pptx"
    assert main(["export", str(pack_file), "--pptx", str(with_library), "--library", str(library)]) == 0
    shutil.rmtree(library)  # a colleague's machine: a fresh profile, no library at all
    fresh = tmp_path / "fresh.pptx"
    fresh_xlsx = tmp_path / "fresh.xlsx"
    assert main(["export", str(pack_file), "--pptx", str(fresh), "--xlsx", str(fresh_xlsx)]) == 0
    before, after = _slide_texts(with_library), _slide_texts(fresh)
    assert before == after
    shown = "\n".join(t for slide in after for t in slide)
    assert "12,580 thousand" in shown and "U.S. factory jobs slipped in 2025" in shown
    assert "Federal Reserve Bank of St. Louis" in shown  # the user's source travels with the pack
    import openpyxl

    book = openpyxl.load_workbook(fresh_xlsx)
    values = [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert 12693 in values and 12580 in values


def test_a_changed_bundled_fact_shows_updated_and_keeps_the_copy_until_taken(catalog, tmp_path):
    pack = with_copies(pack_ids(catalog, ["usmca-trade-trilateral-20y"], lang="en"), catalog)
    fact_item = next(i for i in pack.items if i.kind == "fact")
    # the next data version says something else about the same fact
    newer = tmp_path / "data"
    shutil.copytree(DATA, newer)
    facts = newer / "facts" / "usmca.toml"
    text = facts.read_text(encoding="utf-8")
    start = text.index('id = "usmca-trade-trilateral-20y"')
    end = text.index("[[fact]]", start)
    block = text[start:end]
    assert "value = 1.6\n" in block
    facts.write_text(text[:start] + block.replace("value = 1.6\n", "value = 1.7\n") + text[end:], encoding="utf-8")
    new_catalog, _ = load_catalog_with_problems(newer)  # (its checks may complain; the figure is what matters)
    assert new_catalog.fact("usmca-trade-trilateral-20y").value == 1.7

    pack = Pack.from_json(json.loads(json.dumps(pack.to_json())))  # saved and reopened
    changes = diff_pack(pack, new_catalog)
    assert [(c.uid, c.status) for c in changes] == [(fact_item.uid, "updated")]
    change = changes[0]
    assert "1.6" in change.old_value and "1.7" in change.new_value
    assert change.old_sources and change.new_sources
    assert change.old_sources[0]["publisher"] and "url" in change.new_sources[0]
    # until the user takes the update, the pack keeps showing its copy
    assert catalog_for_pack(pack, new_catalog).fact("usmca-trade-trilateral-20y").value == 1.6
    taken = take_update(pack, fact_item.uid, new_catalog)
    assert catalog_for_pack(taken, new_catalog).fact("usmca-trade-trilateral-20y").value == 1.7
    assert diff_pack(taken, new_catalog) == []
    assert [i.uid for i in taken.items] == [i.uid for i in pack.items]  # nothing dropped or reordered


def test_an_item_the_catalog_lacks_is_reported_missing_and_still_shown(library, catalog, tmp_path):
    with_lib = lib.load_catalog_with_library(library)
    pack = with_copies(pack_ids(with_lib, ["user.manemp-dec-2025", "user.manemp"], lang="en"), with_lib)
    changes = diff_pack(pack, catalog)  # the bundled catalog alone: no library here
    assert {(c.ref, c.status) for c in changes} == {("user.manemp-dec-2025", "missing"), ("user.manemp", "missing")}
    shown = catalog_for_pack(pack, catalog)
    assert shown.fact("user.manemp-dec-2025").value == 12580
    assert shown.charts["user.manemp"].series[0].values == (12693.0, 12636.0, 12580.0)
    assert take_update(pack, None, catalog) == pack  # nothing to take: the copies stay
    path = tmp_path / "again.napbrief"
    save_pack(take_update(pack, None, catalog), path)
    assert [i.copy for i in load_pack(path).items] == [i.copy for i in pack.items]


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.napbrief")), ids=lambda p: p.name)
def test_every_pack_schema_version_ever_written_keeps_opening(fixture, catalog, tmp_path):
    """One fixture per schema version, kept forever: each opens, shows its items, and saves as the newest."""
    pack = load_pack(fixture)
    raw = json.loads(fixture.read_text(encoding="utf-8"))
    assert [i.uid for i in pack.items] == [i["uid"] for i in raw["items"]]
    assert [i.talking_points for i in pack.items] == [i["talking_points"] for i in raw["items"]]
    shown = catalog_for_pack(pack, catalog)
    for item, saved in zip(pack.items, raw["items"]):
        if "copy" in saved:  # a copied item shows with no library and whatever data is installed
            assert item.copy == saved["copy"]
            found = shown.fact(item.ref) if item.kind == "fact" else shown.charts.get(item.ref)
            assert found is not None
    migrated = tmp_path / "migrated.napbrief"
    save_pack(with_copies(pack, catalog), migrated)
    again = json.loads(migrated.read_text(encoding="utf-8"))
    assert again["version"] == SCHEMA_VERSION
    assert [i["uid"] for i in again["items"]] == [i["uid"] for i in raw["items"]]  # nothing dropped


def test_the_fixtures_cover_every_schema_version():
    versions = {json.loads(p.read_text(encoding="utf-8"))["version"] for p in FIXTURES.glob("*.napbrief")}
    assert versions == set(range(1, SCHEMA_VERSION + 1))


def test_a_version_2_fixture_exports_its_user_items_without_a_library(catalog, tmp_path):
    from datetime import datetime, timezone

    from nap_desktop.exporters.pptx_exporter import export_pptx

    pack = load_pack(FIXTURES / "v2_copies.napbrief")
    out = tmp_path / "v2.pptx"
    export_pptx(pack, catalog_for_pack(pack, catalog), out, lang="en",
                now=datetime(2026, 7, 1, tzinfo=timezone.utc))
    shown = "\n".join(t for slide in _slide_texts(out) for t in slide)
    assert "12,580 thousand" in shown and "U.S. factory jobs slipped through 2025" in shown
    assert PackItem("note", text="x").copy is None


def test_the_deck_the_presenter_shows_uses_the_copies_not_missing_slides(catalog):
    """What the window presents and prints (MainWindow.pack_catalog) for a pack from another machine."""
    from nap_desktop.core.deck import compose_deck

    pack = load_pack(FIXTURES / "v2_copies.napbrief")
    without = [s.kind for s in compose_deck(pack, catalog, lang="en")]
    assert "missing" in without  # the bundled catalog alone has no user items
    slides = compose_deck(pack, catalog_for_pack(pack, catalog), lang="en")
    assert "missing" not in [s.kind for s in slides]
    chart = next(s for s in slides if s.kind == "chart" and s.chart is not None and s.chart.id == "user.manemp-2025")
    assert chart.chart.series[0].values[0] == 12693.0
