"""PowerPoint export: goldens, native charts with alt text and explicit colours, templates, properties, atomic writes."""

from __future__ import annotations

import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fixture_catalog import LONGEST_ES, make_catalog, pack_basic, pack_every_kind, pack_hostile
from summaries import check_golden, pptx_summary

from nap_desktop.exporters import ExportError
from nap_desktop.exporters.pptx_exporter import export_pptx

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def cat():
    return make_catalog()


def _all_shapes(shapes):
    for sh in shapes:
        yield sh
        if sh.shape_type is not None and sh.shape_type == 6:  # group
            yield from _all_shapes(sh.shapes)


@pytest.mark.parametrize(("name", "make", "lang"), [
    ("pptx_basic_en", pack_basic, "en"), ("pptx_basic_es", pack_basic, "es"),
    ("pptx_every_kind_en", pack_every_kind, "en"), ("pptx_every_kind_es", pack_every_kind, "es"),
    ("pptx_unicode_long_notes", pack_hostile, "en"),
])
def test_golden_summary(tmp_path, cat, name, make, lang):
    dest = export_pptx(make(lang), cat, tmp_path / "deck.pptx", lang=lang, now=NOW)
    check_golden(name, pptx_summary(dest))


def test_same_pack_and_clock_give_the_same_content(tmp_path, cat):
    a = export_pptx(pack_basic(), cat, tmp_path / "a.pptx", lang="en", now=NOW)
    b = export_pptx(pack_basic(), cat, tmp_path / "b.pptx", lang="en", now=NOW)
    assert pptx_summary(a) == pptx_summary(b)


def test_every_chart_is_native_with_alt_text_and_explicit_colours(tmp_path, cat):
    from pptx import Presentation

    dest = export_pptx(pack_every_kind(), cat, tmp_path / "k.pptx", lang="en", now=NOW)
    prs = Presentation(str(dest))
    seen = {}
    for slide in prs.slides:
        for sh in slide.shapes:
            alt = sh._element.xpath("./*[1]/p:cNvPr")[0].get("descr", "")
            if getattr(sh, "has_chart", False) and sh.has_chart:
                seen[sh.name] = alt
                for series in sh.chart.plots[0].series:
                    # LibreOffice drops theme colours: each series carries an explicit RGB colour
                    assert series._element.xpath("./c:spPr//a:srgbClr"), (sh.name, series.name)
                # Edit Data works: the chart's workbook is embedded
                assert sh.chart.part.chart_workbook.xlsx_part is not None
            elif sh.shape_type == 6 or getattr(sh, "has_table", False) and sh.has_table:
                seen[sh.name] = alt
            assert sh.shape_type != 13, "no chart may be a picture"
    for cid, spec in cat.charts.items():
        name = next(n for n in seen if n.endswith(cid))
        assert seen[name].startswith(("Line", "Column", "Bar", "Grouped", "Stacked", "Diverging", "Share",
                                      "Timeline", "Tile", "Table")), name
        assert spec.title("en") in seen[name]
    assert any(n.startswith("Timeline") for n in seen) and any(n.startswith("Tile map") for n in seen)


def test_tilemap_has_one_square_per_state_coloured_by_class(tmp_path, cat):
    from pptx import Presentation

    dest = export_pptx(pack_every_kind(), cat, tmp_path / "k.pptx", lang="en", now=NOW)
    group = next(sh for s in Presentation(str(dest)).slides for sh in s.shapes if sh.name.startswith("Tile map"))
    tiles = {sh.name[5:]: sh for sh in group.shapes if sh.name.startswith("Tile ")}
    spec = cat.charts["corn-tilemap"]
    assert set(tiles) == set(spec.categories)
    colors = spec.extra["class_colors"]
    for state, tile in tiles.items():
        assert str(tile.fill.fore_color.rgb) == colors[spec.extra["classes"][state]].lstrip("#").upper()
        assert tile.text_frame.text == state
    assert {sh.name for sh in group.shapes if sh.name.startswith("Legend")} == {f"Legend {k}" for k in colors}


def test_gap_is_left_empty_and_explained(tmp_path, cat):
    from pptx import Presentation

    dest = export_pptx(pack_every_kind(), cat, tmp_path / "k.pptx", lang="en", now=NOW)
    slide = next(s for s in Presentation(str(dest)).slides if s.shapes.title.text_frame.text == "Trilateral goods trade")
    chart = next(sh.chart for sh in slide.shapes if getattr(sh, "has_chart", False) and sh.has_chart)
    assert list(chart.plots[0].series[0].values) == [803.0, None, 1600.0]
    footnote = next(sh.text_frame.text for sh in slide.shapes if sh.name == "Footnotes")
    assert "2015" in footnote and "the report does not state 2015" in footnote
    assert "the report does not state 2015" in slide.notes_slide.notes_text_frame.text


def test_spanish_numbers_and_words(tmp_path, cat):
    from pptx import Presentation

    dest = export_pptx(pack_basic("es"), cat, tmp_path / "es.pptx", lang="es", now=NOW)
    texts = [sh.text_frame.text for s in Presentation(str(dest)).slides for sh in s.shapes if sh.has_text_frame]
    assert "más de 1.6 billones de dólares" in texts
    assert any("Periodo: 2025" == t for t in texts)


def test_longest_spanish_statement_is_on_the_face_or_in_the_notes(tmp_path, cat):
    """The longest Spanish statement is shown (fact slide) and, if shortened, complete in the notes."""
    from pptx import Presentation

    dest = export_pptx(pack_basic("es"), cat, tmp_path / "es.pptx", lang="es", now=NOW)
    found = 0
    for slide in Presentation(str(dest)).slides:
        face = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh.name == "Statement")
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if LONGEST_ES[:40] in face:
            found += 1
            assert LONGEST_ES in face.replace("\v", " ") or LONGEST_ES in notes
    assert found >= 1


def test_properties_are_set_from_now_not_inherited(tmp_path, cat):
    from pptx import Presentation

    template = tmp_path / "theirs.pptx"
    prs = Presentation()
    prs.core_properties.author = "Steve Canny"
    prs.core_properties.last_modified_by = "Someone Else"
    prs.core_properties.revision = 42
    prs.save(str(template))
    dest = export_pptx(pack_basic(), cat, tmp_path / "d.pptx", lang="en", now=NOW, template=template)
    props = Presentation(str(dest)).core_properties
    assert props.author == "NAP Briefing" and props.last_modified_by == "NAP Briefing"  # the pack names no organisation
    assert props.revision == 1
    assert props.created == props.modified == datetime(2026, 5, 1, 12, 30)
    assert props.title == "USMCA briefing for House Ways and Means staff"


def test_user_template_layouts_and_theme_are_used(tmp_path, cat):
    from pptx import Presentation

    template = tmp_path / "corporate.pptx"
    prs = Presentation()  # 4:3, the Office theme
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Sample slide that must go"
    prs.save(str(template))
    dest = export_pptx(pack_basic(), cat, tmp_path / "d.pptx", lang="en", now=NOW, template=template)
    out = Presentation(str(dest))
    assert (out.slide_width, out.slide_height) == (prs.slide_width, prs.slide_height)
    titles = [s.shapes.title.text_frame.text if s.shapes.title else "" for s in out.slides]
    assert "Sample slide that must go" not in titles
    assert {s.slide_layout.name for s in out.slides} <= {lay.name for lay in prs.slide_layouts}
    with zipfile.ZipFile(dest) as z:
        theme = z.read("ppt/theme/theme1.xml").decode()
    assert 'name="Office Theme"' in theme
    # every shape stays on the (smaller) slide
    for slide in out.slides:
        for sh in slide.shapes:
            assert sh.left + sh.width <= out.slide_width and sh.top + sh.height <= out.slide_height, sh.name


def test_our_template_is_16_9_with_the_reports_palette():
    from pptx import Presentation

    from nap_desktop.exporters.pptx_exporter import template_path

    prs = Presentation(str(template_path()))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert len(prs.slides) == 0
    with zipfile.ZipFile(template_path()) as z:
        theme = z.read("ppt/theme/theme1.xml").decode()
    assert "1F5FA8" in theme and 'typeface="Arial"' in theme


def test_bad_template_gives_a_clear_error(tmp_path, cat):
    bad = tmp_path / "broken.pptx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ExportError, match="broken.pptx"):
        export_pptx(pack_basic(), cat, tmp_path / "d.pptx", lang="en", now=NOW, template=bad)


def test_locked_destination_keeps_the_existing_file(tmp_path, cat, monkeypatch):
    dest = tmp_path / "deck.pptx"
    dest.write_bytes(b"previous deck")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as err:
        export_pptx(pack_basic(), cat, dest, lang="en", now=NOW)
    assert str(dest) in str(err.value)
    assert dest.read_bytes() == b"previous deck"
    # the new deck is kept beside it (a file open in PowerPoint on Windows), and no temp file is left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck (2).pptx", "deck.pptx"]
    assert err.value.kept == tmp_path / "deck (2).pptx" and str(err.value.kept) in str(err.value)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_gives_a_clear_error(tmp_path, cat):
    folder = tmp_path / "ro"
    folder.mkdir()
    dest = folder / "deck.pptx"
    dest.write_bytes(b"previous deck")
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="deck.pptx"):
            export_pptx(pack_basic(), cat, dest, lang="en", now=NOW)
        assert dest.read_bytes() == b"previous deck"
    finally:
        folder.chmod(0o755)
