"""Excel export: goldens, text never a formula, valid unique sheet names, tables + native charts, atomic writes."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest
from fixture_catalog import make_catalog, pack_basic, pack_every_kind, pack_hostile
from summaries import check_golden, xlsx_summary

from nap_desktop import __version__
from nap_desktop.exporters import ExportError
from nap_desktop.exporters.xlsx_exporter import INVALID_SHEET_CHARS, export_xlsx, sheet_name
from nap_desktop.core.pack.packfile import Pack, PackItem

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def cat():
    return make_catalog()


@pytest.mark.parametrize(("name", "make", "lang"), [
    ("xlsx_basic_en", pack_basic, "en"), ("xlsx_basic_es", pack_basic, "es"),
    ("xlsx_every_kind_en", pack_every_kind, "en"), ("xlsx_unicode_long_notes", pack_hostile, "en"),
])
def test_golden_summary(tmp_path, cat, name, make, lang):
    dest = export_xlsx(make(lang), cat, tmp_path / "book.xlsx", lang=lang, now=NOW)
    check_golden(name, xlsx_summary(dest))


def test_same_pack_and_clock_give_the_same_content(tmp_path, cat):
    a = export_xlsx(pack_every_kind(), cat, tmp_path / "a.xlsx", lang="es", now=NOW)
    b = export_xlsx(pack_every_kind(), cat, tmp_path / "b.xlsx", lang="es", now=NOW)
    assert xlsx_summary(a) == xlsx_summary(b)


def test_user_text_is_never_a_formula(tmp_path, cat):
    from openpyxl import load_workbook

    dest = export_xlsx(pack_hostile(), cat, tmp_path / "h.xlsx", lang="en", now=NOW)
    wb = load_workbook(dest)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value[:1] in "=+-@":
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)
                    found[c.value] = c.data_type
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
    assert {'=HYPERLINK("http://evil.example","click")', "-5", "@SUM(A1:A2)", "=1+1", "+1 555 0100"} <= set(found)


def test_cover_names_pack_date_language_and_versions(tmp_path, cat):
    from openpyxl import load_workbook

    dest = export_xlsx(pack_basic("es"), cat, tmp_path / "es.xlsx", lang="es", now=NOW)
    ws = load_workbook(dest)["Portada"]
    pairs = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, 15)}
    assert pairs["Título"] == "USMCA briefing for House Ways and Means staff"
    assert pairs["Fecha de la reunión"] == "12 de mayo de 2026"
    assert pairs["Idioma"] == "Español"
    assert pairs["Versión de NAP Briefing"] == __version__
    assert pairs["Versión de los datos"] == "test.1"
    assert pairs["Exportado"] == datetime(2026, 5, 1, 12, 30)


def test_one_sheet_per_chart_with_table_filter_freeze_and_native_chart(tmp_path, cat):
    from openpyxl import load_workbook

    dest = export_xlsx(pack_every_kind(), cat, tmp_path / "k.xlsx", lang="en", now=NOW)
    wb = load_workbook(dest)
    chart_sheets = [n for n in wb.sheetnames[2:-1] if n != "Notes on the data"]
    assert wb.sheetnames[:2] == ["Cover", "Facts"] and wb.sheetnames[-1] == "Sources"
    assert len(chart_sheets) == len(cat.charts)
    for sheet, spec in zip(chart_sheets, cat.charts.values()):
        ws = wb[sheet]
        assert ws["A1"].value == spec.title("en")
        assert ws.freeze_panes == "A5" and ws.auto_filter.ref.startswith("A4")
        assert len(ws._charts) == (0 if spec.kind == "timeline" else 1), sheet
        value_cells = [c for row in ws.iter_rows(min_row=5, max_row=4 + len(spec.categories)) for c in row
                       if isinstance(c.value, (int, float)) and c.column > 1]
        assert value_cells and all(c.number_format != "General" for c in value_cells)
    line = wb[chart_sheets[0]]
    assert [line.cell(r, 2).value for r in (5, 6, 7)] == [803, None, 1600]  # the gap stays empty
    assert "the report does not state 2015" in line["A10"].value


def test_facts_and_sources_sheets(tmp_path, cat):
    from openpyxl import load_workbook

    dest = export_xlsx(pack_basic(), cat, tmp_path / "b.xlsx", lang="en", now=NOW)
    wb = load_workbook(dest)
    facts = [[c.value for c in row] for row in wb["Facts"].iter_rows(min_row=2)]
    assert [f[0] for f in facts] == ["trade-trilateral", "fresh-imports", "joint-review"]
    assert facts[0][2] == "more than USD 1.6 trillion" and facts[0][3] == 1.6
    assert facts[2][8] == "Secondary"
    sources = [[c.value for c in row] for row in wb["Sources"].iter_rows(min_row=2)]
    assert {s[0] for s in sources} == {"census", "nap-2026", "ielp"}
    ielp = next(s for s in sources if s[0] == "ielp")
    assert ielp[4] == "Secondary" and ielp[6].startswith("https://ielp.worldtradelaw.net/")


@pytest.mark.parametrize("title", [
    "Share of U.S. imports: NAICS 334/3341 [2025]", "a*b?c\\d", "'quoted'", "History", "x" * 80, "",
])
def test_sheet_names_are_valid_and_unique(title):
    taken: set[str] = set()
    names = [sheet_name(title, taken) for _ in range(12)]
    assert len({n.lower() for n in names}) == 12
    for n in names:
        assert 1 <= len(n) <= 31 and not INVALID_SHEET_CHARS.search(n) and not n.startswith("'")
        assert n.lower() != "history"


def test_locked_destination_keeps_the_existing_file(tmp_path, cat, monkeypatch):
    dest = tmp_path / "book.xlsx"
    dest.write_bytes(b"previous workbook")
    monkeypatch.setattr(os, "replace", lambda s, d: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    with pytest.raises(ExportError, match="book.xlsx"):
        export_xlsx(pack_basic(), cat, dest, lang="en", now=NOW)
    assert dest.read_bytes() == b"previous workbook"


def test_long_sheet_names_are_cut_at_a_word_not_mid_word():
    taken: set[str] = set()
    name = sheet_name("Taiwán y México encabezan las importaciones de EE. UU.", taken)
    assert name == "Taiwán y México encabezan"
    assert len(name) <= 31
    again = sheet_name("Taiwán y México encabezan las importaciones de EE. UU.", taken)
    assert again.endswith(" (2)") and len(again) <= 31 and again != name
    assert sheet_name("Supercalifragilisticexpialidocious-and-more-text", set()) == \
        "Supercalifragilisticexpialidoci"  # no space to cut at: the limit wins


def test_spanish_sheet_names_tell_apart_titles_that_share_their_start(tmp_path, cat):
    """Two maps titled 'El principal producto agropecuario que cada estado exporta a / importa de México'
    were 'El principal producto' and 'El principal producto 2023'; 'Estados Unidos' was shortened to
    'EE.UU.' beside the deck's 'EE. UU.'."""
    from dataclasses import replace

    from openpyxl import load_workbook

    base = next(iter(cat.charts.values()))
    titles = {"m-exp": "El principal producto agropecuario que cada estado exporta a México, año fiscal 2023",
              "m-imp": "El principal producto agropecuario que cada estado importa de México, año fiscal 2023",
              "t-us": "Comercio de bienes de Estados Unidos con Canadá y con México, 2002–2025",
              "t-us2": "Comercio de bienes de Estados Unidos con Canadá y México, 1994–2025"}
    for cid, title in titles.items():
        cat.charts[cid] = replace(base, id=cid, title_es=title)
    try:
        pack = Pack(title="Hojas", lang="es", items=tuple(PackItem("chart", cid) for cid in titles))
        dest = export_xlsx(pack, cat, tmp_path / "s.xlsx", lang="es", now=NOW)
        names = load_workbook(dest, read_only=True).sheetnames
    finally:
        for cid in titles:
            del cat.charts[cid]
    charts = [n for n in names if n not in ("Portada", "Datos", "Notas sobre los datos", "Fuentes")]
    assert charts == ["Principal producto – exporta", "Principal producto – importa",
                      "Comercio de bienes 2002–2025", "Comercio de bienes 1994–2025"]
    assert not any("EE.UU." in n for n in names)
