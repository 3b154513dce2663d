"""The data-check rules (core/catalog/rules.py) and the computed rows and status (derive.py).

Each rule is broken in a copy of data/ and the problem must name the exact FILE:LINE.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nap_desktop.core.catalog.loader import load_catalog, load_catalog_with_problems

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture()
def data(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def _problems(root: Path) -> list[str]:
    return [str(p) for p in load_catalog_with_problems(root)[1]]


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_bundled_data_passes_every_rule():
    assert _problems(DATA) == []


def test_a_homepage_url_is_reported_at_its_line(data):
    path = data / "sources" / "agencies.toml"
    _replace(path, 'url = "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1410035501"',
             'url = "https://www.statcan.gc.ca"')
    line = _line_of(path, 'url = "https://www.statcan.gc.ca"')
    assert any(p.startswith(f"sources/agencies.toml:{line}: source statcan: a homepage URL") for p in _problems(data))


def test_a_missing_url_needs_a_reason(data):
    path = data / "sources" / "agencies.toml"
    _replace(path, 'no_url_reason = "The report cites BBVA Research', 'note = "x"\nnote2 = "The report cites BBVA Research')
    _replace(path, 'no_url_reason_es = "El informe cita a BBVA Research', 'note_es = "x"\nnote2_es = "El informe cita a BBVA Research')
    line = _line_of(path, 'url = "https://www.bbvaresearch.com"')
    assert any(p.startswith(f"sources/agencies.toml:{line}: source bbva: a homepage URL") for p in _problems(data))


def test_a_bundled_source_with_no_url_at_all_is_refused_even_with_a_reason(data):
    # the report's "Data Driven" named no identifiable publisher and gave no link: never a source again
    path = data / "sources" / "agencies.toml"
    _replace(path, 'url = "https://www.bbvaresearch.com"', 'url = ""')
    start = _line_of(path, 'id = "bbva"') - 1
    problems = _problems(data)
    assert any(p.startswith(f"sources/agencies.toml:{start}: source bbva: no URL at all") for p in problems), problems


def test_a_date_the_reasons_say_was_not_given_is_a_guess(data):
    path = data / "sources" / "agencies.toml"
    _replace(path, 'no_url_reason = "The report cites BBVA Research without a title or table',
             'no_url_reason = "The report cites BBVA Research without a title, table or date')
    start = _line_of(path, 'id = "bbva"')
    text = path.read_text(encoding="utf-8").splitlines()
    date_line = next(i for i in range(start, len(text)) if text[i].startswith("date = ")) + 1
    _replace(path, 'url = "https://www.bbvaresearch.com"\ndate = ""', 'url = "https://www.bbvaresearch.com"\ndate = "2025"')
    problems = _problems(data)
    assert any(p.startswith(f"sources/agencies.toml:{date_line}: source bbva: date '2025' but no_url_reason says it is "
                            "cited without a date") for p in problems), problems


def test_a_date_and_a_no_date_reason_contradict_each_other(data):
    path = data / "sources" / "agencies.toml"
    _replace(path, 'url = "https://www.csis.org"\ndate = ""', 'url = "https://www.csis.org"\ndate = "2024"')
    line = _line_of(path, 'no_date_reason = "The report cites CSIS analyses without a date')
    problems = _problems(data)
    # the reason itself says "without a date": the guessed-date rule names it first
    assert any(p.startswith("sources/agencies.toml:") and "source csis: date '2024'" in p for p in problems), problems
    assert line


def test_the_report_date_is_not_a_period(data):
    path = data / "facts" / "usmca.toml"
    _replace(path, 'period = "undated"\ntext_en = "Three valuable assets', 'period = "April 2026"\ntext_en = "Three valuable assets')
    line = _line_of(path, 'period = "April 2026"')
    problems = _problems(data)
    assert any(p.startswith(f"facts/usmca.toml:{line}: fact usmca-exec-three-assets: period 'April 2026' is the "
                            "report's own date (2026-04)") for p in problems), problems
    for written in ("as of April 2026", "2026-04", "abril de 2026", "Apr. 2026"):
        from nap_desktop.core.catalog.rules import period_months
        assert period_months(written) == {"2026-04"}, written
    assert period_months("2026-03") == {"2026-03"} and period_months("3Q2025 vs 3Q2024") == set()


def test_a_denied_domain_is_reported_wherever_it_appears(data):
    path = data / "datasets" / "us-goods-trade-partners.csv"
    _replace(path, "CA,exports,2025,336.5,ref-unotv-2026,secondary,",
             "CA,exports,2025,336.5,ref-unotv-2026,secondary,see canuck.shop")
    line = _line_of(path, "canuck.shop")
    assert any(p.startswith(f"datasets/us-goods-trade-partners.csv:{line}: low-credibility source 'canuck.shop'")
               for p in _problems(data))


def test_a_typed_status_stronger_than_the_rows_is_an_error(data):
    path = data / "datasets" / "us-goods-trade-partners.toml"
    _replace(path, 'status = "secondary"', 'status = "official"')
    line = _line_of(path, 'status = "official"')
    assert any(p.startswith(f"datasets/us-goods-trade-partners.toml:{line}: dataset us-goods-trade-partners: "
                            "status 'official' is stronger than its rows ('secondary'") for p in _problems(data))


def test_dataset_status_is_its_weakest_row(data):
    catalog = load_catalog(DATA)
    ds = catalog.datasets["vehicle-production-oica"]
    assert ds.status == "secondary" and {r.status for r in ds.rows} >= {"secondary"}
    for d in catalog.datasets.values():
        ranks = ("official", "report", "secondary")
        assert ranks.index(d.status) == max(ranks.index(r.status) for r in d.rows), d.id


def test_a_chart_linked_to_a_fact_it_does_not_cover(data):
    path = data / "charts" / "food.toml"
    _replace(path, 'facts = []', 'facts = ["usmca-food-mx-share-ag-exports-2025"]')
    line = _line_of(path, 'facts = ["usmca-food-mx-share-ag-exports-2025"]')
    assert any(p.startswith(f"charts/food.toml:{line}: chart food-ag-exports-by-destination: fact "
                            "usmca-food-mx-share-ag-exports-2025 is for '2025' but the chart shows 2013–2017")
               for p in _problems(data))


def test_a_period_note_in_both_languages_explains_the_mismatch(data):
    path = data / "charts" / "food.toml"
    _replace(path, 'period_notes = { "food-pork-texas-virginia-exports-mexico-2025" = { en = "The report cites calendar 2025; the latest full year in the ERS state files is FY2023, shown here", es =',
             'period_notes = { "food-pork-texas-virginia-exports-mexico-2025" = { en = "The report cites calendar 2025; the latest full year in the ERS state files is FY2023, shown here", xx =')
    problems = _problems(data)
    assert any("fact food-pork-texas-virginia-exports-mexico-2025 is for '2025'" in p for p in problems)
    assert not any("food-ca-tx-la-ag-exports-mexico-2025 is for" in p for p in problems)


def test_a_spanish_word_the_glossary_replaces(data):
    path = data / "charts" / "food.toml"
    _replace(path, 'x_title_es = "Producto"', 'x_title_es = "Producto (Anexo 16a)"')
    glossary = data / "glossary.toml"
    if not glossary.exists():
        glossary.write_text('[[term]]\nen = "Exhibit 16a"\nes = "Cuadro 16a"\navoid_es = ["Anexo 16a"]\n', encoding="utf-8")
    line = _line_of(path, "Anexo 16a")
    assert any(p.startswith(f"charts/food.toml:{line}: Spanish text uses 'Anexo 16a'") for p in _problems(data))


def test_annual_totals_are_the_sum_of_one_vintage_of_twelve_months():
    ds = load_catalog(DATA).datasets["us-goods-trade-partners"]
    # the sums NOTES-official-copies.md checks by hand (March 2026 vintage, USD million)
    assert ds.value(category="CN", series="exports", period="2025") == pytest.approx(106.3084, abs=1e-9)
    # imports from China: the twelve months of FRED IMPCH (the verified copy), 308,379.7 against the page's 308,379.9
    assert ds.value(category="CN", series="imports", period="2025") == pytest.approx(308.379722, abs=1e-9)
    assert ds.value(category="TW", series="exports", period="2025") == pytest.approx(54.6663, abs=1e-9)
    assert ds.value(category="TW", series="imports", period="2025") == pytest.approx(201.4227, abs=1e-9)
    computed = [r for r in ds.rows if r.category == "CN"]
    assert all("sum of the twelve months" in r.note for r in computed)
    assert {r.series: r.source[:12] for r in computed} == {"exports": "census-c5700", "imports": "ref-fred-imp"}


def test_a_missing_month_is_a_problem_not_a_partial_sum(data):
    path = data / "datasets" / "census-country-trade-monthly.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(l for l in lines if not l.startswith("DE,exports,2025-07,")) + "\n", encoding="utf-8")
    line = _line_of(data / "datasets" / "us-goods-trade-partners.toml", "annual_sums")
    assert any(p.startswith(f"datasets/us-goods-trade-partners.toml:{line}: dataset us-goods-trade-partners: "
                            "cannot sum DE/exports/2025") and "2025-07" in p for p in _problems(data))


def test_the_state_map_gives_the_commodities_the_report_names_their_own_colour():
    spec = load_catalog(DATA).charts["food-state-exports-mexico-map"]
    classes = spec.extra["classes"]
    assert classes["CO"] == "beef-and-beef-products"  # "beef stands out in Colorado", not "Other"
    assert classes["AR"] == "poultry-meat-and-products-excluding-eggs"
    assert "beef-and-beef-products" in spec.extra["class_labels"]


def test_a_gap_row_cites_no_source_that_does_not_cover_its_year():
    ds = load_catalog(DATA).datasets["us-trilateral-goods-trade"]
    for row in ds.rows:
        if row.source == "ref-csis-tradeguys":  # CSIS covers 2002–2015 only
            assert 2002 <= int(row.period) <= 2015, row


def test_the_state_import_map_is_built_from_the_ers_file_and_agrees_with_the_report():
    spec = load_catalog(DATA).charts["food-state-imports-mexico-map"]
    classes = spec.extra["classes"]
    # the report: fresh vegetables in Arizona, Texas, Michigan and Ohio; berries in California;
    # distilled spirits in Florida, Kentucky, New York and Indiana; beer in Illinois
    assert {classes[s] for s in ("AZ", "TX", "MI", "OH")} == {"fresh-vegetables"}
    assert classes["CA"] == "fresh-fruit-berries" and classes["IL"] == "beer"
    assert {classes[s] for s in ("FL", "KY", "NY", "IN")} == {"distilled-spirits"}
    ds = load_catalog(DATA).datasets["ers-state-ag-imports-mexico"]
    assert ds.value(category="IL", series="beer", period="FY2023") == pytest.approx(5104.635429)


@pytest.mark.skipif(not (DATA.parents[1] / "shared" / "reference-data" / "raw").is_dir(),
                    reason="../shared/reference-data/raw not found")
def test_the_import_rows_equal_the_raw_ers_file():
    import csv
    raw = DATA.parents[1] / "shared" / "reference-data" / "raw" / "ERS_Top5_Agricultural_Imports_by_State_FY2019-FY2024Q3.csv"
    import re

    slug = lambda text: re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")  # noqa: E731
    with open(raw, encoding="utf-8", newline="") as fh:
        ref = {(r["State"], slug(r["Commodity name"])): float(r["Dollar value"]) for r in csv.DictReader(fh)
               if r["Country"] == "Mexico" and r["Fiscal year"] == "2023" and r["Fiscal quarter"] == "0"}
    ds = load_catalog(DATA).datasets["ers-state-ag-imports-mexico"]
    for row in ds.rows:
        assert row.value == pytest.approx(ref[(row.category, row.series)] / 1e6, abs=1e-9), row
    assert len(ds.rows) == len([k for k in ref if k[0] not in ("PR", "VI", "US")])


def test_report_charts_without_data_are_listed_with_their_reason(capsys):
    import json

    from nap_desktop.cli import main

    assert main(["catalog", "--json"]) == 0
    listed = {u["id"]: u for u in json.loads(capsys.readouterr().out)["unavailable_charts"]}
    assert set(listed) == {"tech-atp-balance-by-year", "tech-naics334-export-shares", "tech-naics3342-import-shares",
                           "food-veg-import-share-by-commodity-1994-2024",
                           "food-fruit-import-share-by-commodity-1994-2024"}
    for u in listed.values():
        assert u["reason_en"].startswith("Not available:") and u["reason_es"].startswith("No disponible:")
        assert u["available"] is False and u["facts"]


def test_an_unavailable_chart_without_a_spanish_reason_is_reported(data):
    path = data / "charts" / "unavailable.toml"
    _replace(path, 'unavailable_reason_es = "No disponible: las exportaciones', 'reason_es_draft = "No disponible: las exportaciones')
    line = _line_of(path, 'id = "tech-naics334-export-shares"') - 1
    problems = _problems(data)
    assert f"charts/unavailable.toml:{line}: unavailable chart tech-naics334-export-shares: missing 'unavailable_reason_es'" \
        in "\n".join(problems)


def test_row_sums_are_computed_and_a_missing_part_is_a_problem_not_a_partial_sum(data):
    path = data / "datasets" / "us-trilateral-goods-trade.csv"
    _replace(path, "MX,imports,2019,358.1,", "MX,imports,2019,,")
    _replace(path, "MX,imports,2019,,ref-usitc-shifts-2019-mexico,official,", "MX,imports,2019,,ref-usitc-shifts-2019-mexico,official,gap")
    toml = data / "datasets" / "us-trilateral-goods-trade.toml"
    line = _line_of(toml, "row_sums = [")
    problems = _problems(data)
    assert any(p.startswith(f"datasets/us-trilateral-goods-trade.toml:{line}: dataset us-trilateral-goods-trade: cannot "
                            "sum MX/total/2019 from us-trilateral-goods-trade: no value for MX/imports") for p in problems)
    catalog = load_catalog(DATA)
    row = next(r for r in catalog.datasets["us-trilateral-goods-trade"].rows if (r.category, r.series, r.period) == ("MX", "total", "2019"))
    assert row.value == pytest.approx(614.5) and row.line == 0 and "MX/exports + MX/imports 2019" in row.note


def test_a_row_sum_also_typed_is_a_problem(data):
    path = data / "datasets" / "us-trilateral-goods-trade.csv"
    path.write_text(path.read_text(encoding="utf-8") + "MX,total,2023,798.9,ref-crs-if11175-2024,secondary,\n", encoding="utf-8")
    assert any("computed row ('MX', 'total', '2023') is also typed in the CSV" in p for p in _problems(data))
