"""The library from the command line, as scripts use it: import, library add-fact|list|remove, pack new, catalog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nap_desktop.cli import main

SOURCE_ARGS = ["--source-publisher", "U.S. Bureau of Labor Statistics (CES), via FRED, Federal Reserve Bank of St. Louis",
               "--source-title", "All Employees, Manufacturing (MANEMP), thousands, seasonally adjusted",
               "--source-url", "https://fred.stlouisfed.org/series/MANEMP", "--source-date", "2026-03-08",
               "--status", "secondary"]

FACT_TOML = '''
[[source]]
id = "fred-manemp"
publisher = "U.S. Bureau of Labor Statistics (CES), via FRED, Federal Reserve Bank of St. Louis"
title = "All Employees, Manufacturing (MANEMP), thousands, seasonally adjusted"
url = "https://fred.stlouisfed.org/series/MANEMP"
date = "2026-03-08"
status = "secondary"

[[fact]]
id = "manemp-dec-2025"
section = "usmca"
topic = "jobs"
countries = ["US"]
value = 12580
unit = "count_th"
period = "2025-12"
title_en = "Factory jobs fell to 12,580 thousand"
text_en = "U.S. manufacturing employed 12,580 thousand people in December 2025."
text_es = "La manufactura de EE. UU. empleaba a 12,580 mil personas en diciembre de 2025."
sources = ["fred-manemp"]
'''


@pytest.fixture(autouse=True)
def _no_env_library(monkeypatch):
    monkeypatch.delenv("NAP_LIBRARY", raising=False)


def _import(table: Path, library: Path, *extra: str) -> int:
    return main(["import", str(table), "--library", str(library), "--id", "manemp", "--kind", "line",
                 "--title-en", "U.S. factory jobs slipped in 2025", "--unit", "count_th", *SOURCE_ARGS, *extra])


def test_import_names_every_bad_cell_and_writes_nothing(tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_text("Month,Jobs\n2024-12,\"12,693\"\n2025-06,about 12.6k\n2025-12,?\n", encoding="utf-8")
    assert _import(table, tmp_path / "lib") == 1
    err = capsys.readouterr().err
    assert "row 3, column 'Jobs': 'about 12.6k' is not a number" in err
    assert "row 4, column 'Jobs': '?' is not a number" in err
    assert not list((tmp_path / "lib").glob("*/*.csv"))


def test_import_refuses_decimal_commas_until_confirmed(tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_text("Mes;Empleos\n2024-12;12.693,0\n2025-12;12.580,5\n", encoding="utf-8")
    assert _import(table, tmp_path / "lib") == 1
    assert "--decimal comma" in capsys.readouterr().err
    assert _import(table, tmp_path / "lib", "--decimal", "comma") == 0
    catalog = json.loads(_catalog_json(tmp_path / "lib", capsys))
    chart = next(c for c in catalog["charts"] if c["id"] == "user.manemp")
    assert chart["series"][0]["values"] == [12693.0, 12580.5]


def _catalog_json(library: Path, capsys) -> str:
    capsys.readouterr()
    assert main(["catalog", "--json", "--library", str(library)]) == 0
    return capsys.readouterr().out


def test_import_xlsx_sheet_and_pasted_cells_on_stdin(tmp_path, capsys, monkeypatch):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "MANEMP"
    for row in (["Month", "Jobs"], ["2024-12", 12693], ["2025-12", 12580]):
        ws.append(row)
    book.save(tmp_path / "t.xlsx")
    assert _import(tmp_path / "t.xlsx", tmp_path / "a", "--sheet", "MANEMP") == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("Month\tJobs\r\n2024-12\t12,693\r\n2025-12\t12,580\r\n"))
    assert _import(Path("-"), tmp_path / "b") == 0
    a = json.loads(_catalog_json(tmp_path / "a", capsys))
    b = json.loads(_catalog_json(tmp_path / "b", capsys))
    rows = lambda cat: [(r["category"], r["value"]) for d in cat["datasets"] if d["id"] == "user.manemp"  # noqa: E731
                        for r in d["rows"]]
    assert rows(a) == rows(b) == [("2024-12", 12693.0), ("2025-12", 12580.0)]


def test_library_add_fact_list_remove_and_catalog_origin(tmp_path, capsys):
    library = tmp_path / "lib"
    fact_file = tmp_path / "fact.toml"
    fact_file.write_text(FACT_TOML, encoding="utf-8")
    assert main(["library", "add-fact", str(fact_file), "--library", str(library)]) == 0
    assert "added user.manemp-dec-2025" in capsys.readouterr().out
    assert main(["library", "list", "--library", str(library)]) == 0
    listed = capsys.readouterr().out
    assert "fact\tuser.manemp-dec-2025\tFactory jobs fell to 12,580 thousand" in listed
    assert "source\tuser.fred-manemp" in listed
    catalog = json.loads(_catalog_json(library, capsys))
    mine = next(f for f in catalog["facts"] if f["id"] == "user.manemp-dec-2025")
    assert mine["origin"] == "user" and mine["sources"][0]["status"] == "secondary"
    assert mine["headline_en"] == "12,580 thousand"
    assert {f["origin"] for f in catalog["facts"] if f["id"] != mine["id"]} == {"bundled"}
    assert main(["data", "check", str(library)]) == 0
    assert main(["library", "remove", "user.manemp-dec-2025", "--library", str(library)]) == 0
    assert main(["library", "remove", "usmca-trade-trilateral-20y", "--library", str(library)]) == 1
    assert "only your own facts" in capsys.readouterr().err


def test_add_fact_without_a_source_is_refused(tmp_path, capsys):
    fact_file = tmp_path / "fact.toml"
    fact_file.write_text(FACT_TOML.split("[[fact]]")[1].join(["[[fact]]", ""]).replace(
        'sources = ["fred-manemp"]', "sources = []"), encoding="utf-8")
    assert main(["library", "add-fact", str(fact_file), "--library", str(tmp_path / "lib")]) == 1
    assert "needs at least one source" in capsys.readouterr().err


def test_pack_new_takes_fact_and_chart_ids_and_refuses_unknown_ones(tmp_path, capsys):
    out = tmp_path / "brief.napbrief"
    assert main(["pack", "new", str(out), "--ids", "usmca-trade-trilateral-20y,coprod-tdr-2025",
                 "--title", "Para la reunión", "--lang", "es"]) == 0
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["title"] == "Para la reunión" and saved["lang"] == "es"
    assert {(i["kind"], i["ref"]) for i in saved["items"]} >= {("fact", "usmca-trade-trilateral-20y"),
                                                               ("chart", "coprod-tdr-2025")}
    assert main(["pack", "new", str(tmp_path / "x.napbrief"), "--ids", "user.nope"]) == 2
    assert "user.nope" in capsys.readouterr().err
    assert not (tmp_path / "x.napbrief").exists()


def test_a_fact_without_spanish_exports_its_english_text_and_the_export_names_it(tmp_path, capsys, monkeypatch):
    from pptx import Presentation

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    library = tmp_path / "lib"
    fact_file = tmp_path / "fact.toml"
    fact_file.write_text(FACT_TOML.replace('text_es = "La manufactura de EE. UU. empleaba a 12,580 mil personas '
                                           'en diciembre de 2025."', 'text_es = ""'), encoding="utf-8")
    assert main(["library", "add-fact", str(fact_file), "--library", str(library)]) == 0
    out = tmp_path / "es.pptx"
    capsys.readouterr()
    assert main(["export", "--ids", "user.manemp-dec-2025", "--library", str(library), "--lang", "es",
                 "--pptx", str(out)]) == 0
    err = capsys.readouterr().err
    assert "no Spanish text" in err and "user.manemp-dec-2025" in err
    texts = [s.text_frame.text for slide in Presentation(str(out)).slides for s in slide.shapes if s.has_text_frame]
    assert any("U.S. manufacturing employed 12,580 thousand people" in t for t in texts)
