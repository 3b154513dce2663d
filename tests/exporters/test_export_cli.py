"""`nap-desktop export`: selections, pack files, chart images, clear errors and exit codes."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fixture_catalog import make_catalog, pack_basic

from nap_desktop.cli import main
from nap_desktop.core.pack.packfile import save_pack


@pytest.fixture
def fixture_catalog(monkeypatch):
    import nap_desktop.core.catalog.loader as loader

    cat = make_catalog()
    monkeypatch.setattr(loader, "load_catalog", lambda root=None, **_: cat)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1777636800")  # 2026-05-01T12:00Z
    return cat


def test_ids_to_pptx_and_xlsx(tmp_path, fixture_catalog, capsys):
    from openpyxl import load_workbook
    from pptx import Presentation

    code = main(["export", "--ids", "gdp-share,trade-trilateral", "--lang", "es",
                 "--pptx", str(tmp_path / "a.pptx"), "--xlsx", str(tmp_path / "a.xlsx")])
    assert code == 0, capsys.readouterr().err
    prs = Presentation(str(tmp_path / "a.pptx"))
    assert prs.core_properties.created.isoformat() == "2026-05-01T12:00:00"
    assert sum(1 for s in prs.slides for sh in s.shapes if getattr(sh, "has_chart", False) and sh.has_chart) == 2
    assert load_workbook(tmp_path / "a.xlsx").sheetnames[0] == "Portada"


def test_ids_export_keeps_the_order_given(tmp_path, fixture_catalog, capsys):
    """`--ids B,A`: B's slide (and its chart) come before A's, in the deck as in the agenda."""
    from pptx import Presentation

    def fact_titles(ids: str) -> list[str]:
        out = tmp_path / f"{ids}.pptx"
        assert main(["export", "--ids", ids, "--pptx", str(out)]) == 0, capsys.readouterr().err
        prs = Presentation(str(out))
        return [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]

    forward = fact_titles("gdp-share,trade-trilateral")
    backward = fact_titles("trade-trilateral,gdp-share")
    gdp = fixture_catalog.fact("gdp-share").title("en")
    trade = fixture_catalog.fact("trade-trilateral").title("en")
    assert forward.index(gdp) < forward.index(trade)
    assert backward.index(trade) < backward.index(gdp)


def test_pack_file_export(tmp_path, fixture_catalog):
    from pptx import Presentation

    path = tmp_path / "brief.napbrief"
    save_pack(pack_basic(), path)
    assert main(["export", str(path), "--pptx", str(tmp_path / "b.pptx")]) == 0
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(tmp_path / "b.pptx")).slides if s.shapes.title]
    assert titles[0] == "USMCA briefing for House Ways and Means staff"


@pytest.mark.parametrize("argv", [
    ["export", "--all"],  # nothing to write
    ["export", "--pptx", "x.pptx"],  # nothing to export
    ["export", "--ids", "nope", "--pptx", "x.pptx"],
    ["export", "--section", "space", "--xlsx", "x.xlsx"],
    ["export", "--svg", "x.svg"],  # no --chart
])
def test_incomplete_commands_exit_2_with_a_message(tmp_path, fixture_catalog, capsys, argv, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("nap-desktop export:")
    assert not list(tmp_path.iterdir())


def test_unwritable_destination_exits_1_naming_the_file(tmp_path, fixture_catalog, capsys, monkeypatch):
    dest = tmp_path / "deck.pptx"
    dest.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", lambda s, d: (_ for _ in ()).throw(PermissionError(13, "denied")))
    assert main(["export", "--all", "--pptx", str(dest)]) == 1
    err = capsys.readouterr().err
    assert str(dest) in err and "permission denied" in err
    assert dest.read_bytes() == b"old"


def test_a_missing_folder_is_refused_not_created_as_screenshot_does(tmp_path, fixture_catalog, capsys):
    out = tmp_path / "no" / "such" / "a.xlsx"
    with pytest.raises(SystemExit) as info:
        main(["export", "--all", "--xlsx", str(out)])
    assert info.value.code == 2 and "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_svg_has_title_chart_and_source_line(tmp_path, fixture_catalog):
    for cid, spec in fixture_catalog.charts.items():
        out = tmp_path / f"{cid}.svg"
        assert main(["export", "--chart", cid, "--svg", str(out), "--lang", "es"]) == 0
        root = ET.parse(out).getroot()
        texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
        assert any(spec.title_es.startswith(t.rstrip("…")) for t in texts if t), cid
        assert any(t.startswith("Fuente") for t in texts), cid


def test_png_is_rendered_at_twice_the_svg_size(tmp_path, fixture_catalog):
    pytest.importorskip("PySide6.QtSvg")
    out = tmp_path / "gdp.png"
    assert main(["export", "--chart", "gdp-column", "--png", str(out)]) == 0
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1920, 1080)


def _pack_with_missing_items(path):
    from dataclasses import replace

    from nap_desktop.core.pack.packfile import PackItem

    pack = pack_basic()
    pack = replace(pack, items=pack.items + (PackItem(kind="fact", ref="gone-fact"),
                                             PackItem(kind="chart", ref="gone-chart")))
    save_pack(pack, path)
    return path


def test_missing_items_are_listed_on_stderr_and_the_export_still_writes(tmp_path, fixture_catalog, capsys):
    path = _pack_with_missing_items(tmp_path / "brief.napbrief")
    assert main(["export", str(path), "--pptx", str(tmp_path / "m.pptx")]) == 0
    err = capsys.readouterr().err
    assert "2 items are" in err and "(s)" not in err and "gone-fact" in err and "gone-chart" in err
    assert (tmp_path / "m.pptx").exists()


def test_strict_exits_1_on_missing_items_and_writes_nothing(tmp_path, fixture_catalog, capsys):
    path = _pack_with_missing_items(tmp_path / "brief.napbrief")
    assert main(["export", str(path), "--strict", "--pptx", str(tmp_path / "m.pptx"),
                 "--xlsx", str(tmp_path / "m.xlsx")]) == 1
    assert "gone-fact" in capsys.readouterr().err
    assert not (tmp_path / "m.pptx").exists() and not (tmp_path / "m.xlsx").exists()
    save_pack(pack_basic(), tmp_path / "ok.napbrief")  # a complete pack passes --strict
    assert main(["export", str(tmp_path / "ok.napbrief"), "--strict", "--pptx", str(tmp_path / "ok.pptx")]) == 0


def test_organisation_is_saved_and_shown_on_the_cover(tmp_path, fixture_catalog):
    from dataclasses import replace

    from pptx import Presentation

    from nap_desktop.core.pack.packfile import load_pack

    path = tmp_path / "org.napbrief"
    save_pack(replace(pack_basic(), organisation="U.S.-Mexico Foundation"), path)
    assert load_pack(path).organisation == "U.S.-Mexico Foundation"
    assert main(["export", str(path), "--pptx", str(tmp_path / "o.pptx")]) == 0
    cover = Presentation(str(tmp_path / "o.pptx")).slides[0]
    text = " ".join(sh.text_frame.text for sh in cover.shapes if sh.has_text_frame)
    assert "U.S.-Mexico Foundation" in text and "English" not in text
