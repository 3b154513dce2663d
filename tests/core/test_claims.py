"""Claims checked against their charts: a number in a chart's title, subtitle or message is one the
chart shows or computes from its rows; a title's qualitative claim is declared and true of the rows;
every mismatch is reported by `data check` at the FILE:LINE of the text that says it."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from nap_desktop.cli import main
from nap_desktop.core.catalog import claims
from nap_desktop.core.catalog.loader import load_catalog, load_catalog_with_problems
from nap_desktop.paths import data_dir


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def declarations():
    blocks = {}
    for path in sorted((data_dir() / "charts").glob("*.toml")):
        for block in tomllib.loads(path.read_text(encoding="utf-8")).get("chart", []):
            blocks[block["id"]] = block
    return blocks


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(data_dir(), dest)
    return dest


def _edit(path: Path, old: str, new: str) -> int:
    """Replace one line-contained text; return the (1-based) line it is on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return next(i + 1 for i, line in enumerate(text.split("\n")) if old in line)


def _check(folder: Path, capsys) -> str:
    assert main(["data", "check", str(folder)]) == 1
    return capsys.readouterr().out


# --- every bundled chart -----------------------------------------------------------------------
def test_every_chart_has_its_own_takeaway_in_both_languages(catalog):
    for spec in catalog.charts.values():
        for lang in ("en", "es"):
            assert spec.message(lang).strip(), spec.id
            assert spec.message(lang) != spec.subtitle(lang), spec.id
    for lang in ("en", "es"):
        messages = [s.message(lang) for s in catalog.charts.values()]
        assert len(set(messages)) == len(messages)


def test_every_chart_text_states_only_numbers_its_rows_give(catalog, declarations):
    """Walk every chart of data/: every figure and year in its titles, subtitles and messages."""
    wrong = []
    for spec in catalog.charts.values():
        block = declarations[spec.id]
        texts = {k: block[k] for k in claims.TEXT_KEYS if k in block}
        wrong += [(spec.id, msg) for _, msg in claims.number_problems(spec, block, texts,
                                                                     catalog.datasets.get(spec.dataset))]
    assert wrong == []


def test_every_claiming_title_declares_a_claim_that_holds(catalog, declarations):
    claimed = 0
    for spec in catalog.charts.values():
        block = declarations[spec.id]
        if claims.CLAIM_WORDS.search(block["title_en"]) or claims.CLAIM_WORDS.search(block["title_es"]):
            assert "claim" in block, f"{spec.id}: {block['title_en']!r} claims something undeclared"
        if "claim" in block:
            claimed += 1
            assert claims.claim_problem(spec, block, block["claim"]) is None, spec.id
    assert claimed >= 6  # fell in all, most, growing, largest, drives, nearly tied, kept falling


def test_the_messages_quote_the_rows(catalog):
    """Spot checks a reader can redo: a sum, a difference and a value, as written on the slide."""
    shares = catalog.charts["food-fresh-produce-supplier-shares"]
    veg = shares.categories.index("vegetables")
    together = sum(s.values[veg] for s in shares.series)
    assert f"{together:.0f}%" in shares.message("en")
    tied = catalog.charts["tech-naics3341-import-shares"]
    mx, tw = tied.series[0].values
    assert f"{mx - tw:.1f} points" in tied.message("en") and f"{mx - tw:.1f} puntos" in tied.message("es")
    jobs = catalog.charts["usmca-manufacturing-jobs-lost"]
    # three national surveys with different definitions (payroll, ENOE 4Q vs 4Q, LFS): the report gives
    # no total and the title adds none; the message quotes each country's figure as written
    total = f"{sum(jobs.series[0].values):,.0f}"
    assert total not in jobs.title("en") and total not in jobs.title("es")
    assert all(f"{v:,.0f}" in jobs.message("en") and f"{v:,.0f}" in jobs.message("es") for v in jobs.series[0].values)


# --- the rule recognises what is written -----------------------------------------------------
def test_figures_are_read_as_written(catalog):
    trade = catalog.charts["usmca-trilateral-trade"]
    block = {"x": "period", "series_from": "category", "where": {"series": "total"}}
    ok = {"message_en": "Trade grew to USD 1.6 trillion in 2025", "message_es": "1.6 billones de dólares en 2025"}
    assert claims.number_problems(trade, block, ok) == []
    bad = {"message_en": "Trade grew to USD 9.4 trillion in 2025"}
    assert [k for k, _ in claims.number_problems(trade, block, bad)] == ["message_en"]
    references = {"subtitle_en": "Article 34.7, Chapter 23, NAICS 3341 and each state's top-5"}
    assert claims.number_problems(trade, block, references) == []

    gdp = catalog.charts["usmca-gdp-shares"]  # 30, 18, 17 and 6% of world GDP
    assert claims.number_problems(gdp, {}, {"message_en": "North America's share is 5 times Latin America's"}) == []
    assert claims.number_problems(gdp, {}, {"message_es": "La participación es 5 veces la de América Latina"}) == []
    assert [k for k, _ in claims.number_problems(gdp, {}, {"message_en": "North America grew 5%"})] == ["message_en"]
    assert claims.number_problems(gdp, {}, {"message_en": "North America: 12 points above the EU"}) == []


# --- breaking a copy of data/ ------------------------------------------------------------------
def test_a_wrong_number_in_a_chart_message_is_reported_at_its_line(data_copy, capsys):
    path = data_copy / "charts" / "technology.toml"
    line = _edit(path, "Mexico supplied 34.4% of U.S. computer equipment imports",
                 "Mexico supplied 36.1% of U.S. computer equipment imports")
    out = _check(data_copy, capsys)
    assert f"charts/technology.toml:{line}: chart tech-naics3341-import-shares: message_en says '36.1'" in out


def test_a_year_the_chart_does_not_show_is_reported(data_copy, capsys):
    """The issue's case: a 2025 figure under a chart of 2013 and 2017."""
    path = data_copy / "charts" / "food.toml"
    line = _edit(path, "China's share fell to 14.3%", "Mexico took 16.9% in 2025")
    out = _check(data_copy, capsys)
    assert (f"charts/food.toml:{line}: chart food-ag-exports-by-destination: message_en names 2025, "
            "a year the chart does not show (it shows 2013–2017)") in out


def test_a_false_leading_claim_is_reported_at_its_line(data_copy, capsys):
    """'Canada and Mexico: leading markets' over rows where China leads in 2013."""
    path = data_copy / "charts" / "food.toml"
    _edit(path, 'title_en = "China, Canada and Mexico: the three largest markets for U.S. farm exports"',
          'title_en = "Canada and Mexico: the leading markets for U.S. farm exports"')
    line = _edit(path, 'claim = { kind = "max", categories = ["CN", "CA", "MX"], series = "all" }',
                 'claim = { kind = "max", categories = ["CA", "MX"], series = "all" }')
    out = _check(data_copy, capsys)
    assert f"charts/food.toml:{line}: chart food-ag-exports-by-destination: claim 'max' is false in 2013: China" in out


def test_an_undeclared_claim_in_a_title_is_reported(data_copy, capsys):
    path = data_copy / "charts" / "usmca.toml"
    line = _edit(path, 'title_en = "U.S. goods trade with Canada and Mexico, 1994–2025"',
                 'title_en = "U.S. goods trade with Canada and Mexico keeps growing"')
    out = _check(data_copy, capsys)
    assert f"charts/usmca.toml:{line}: chart usmca-trilateral-trade: title_en claims 'growing'" in out


@pytest.mark.parametrize(("old", "new", "expect"), [
    ('claim = { kind = "falling", from = "2024-12", to = "2025-12" }',
     'claim = { kind = "falling", from = "2025-12", to = "2026-03" }', "claim 'falling' is false"),
    ('claim = { kind = "all_below", value = 0, series = "vs_3q2024" }',
     'claim = { kind = "all_below", value = -2.5, series = "vs_3q2024" }', "claim 'all_below' -2.5 is false: Mexico is -2"),
    ('claim = { kind = "majority", category = "vegetables", series = ["MX", "CA"] }',
     'claim = { kind = "majority", category = "fruit", series = ["CA"] }', "claim 'majority' is false"),
])
def test_each_claim_kind_fails_when_the_rows_disagree(data_copy, old, new, expect):
    hits = []
    for path in (data_copy / "charts").glob("*.toml"):
        if old in path.read_text(encoding="utf-8"):
            hits.append((path, _edit(path, old, new)))
    assert len(hits) == 1
    path, line = hits[0]
    _, problems = load_catalog_with_problems(data_copy)
    assert any(p.file == f"charts/{path.name}" and p.line == line and expect in p.message for p in problems), \
        [str(p) for p in problems]


def test_a_chart_without_its_message_is_reported(data_copy, capsys):
    path = data_copy / "charts" / "autos.toml"
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.split("\n") if line.startswith("message_es = "))
    path.write_text(text.replace(first + "\n", "", 1), encoding="utf-8")
    out = _check(data_copy, capsys)
    assert re.search(r"charts/autos\.toml:\d+: chart auto-production-change-3q2025: missing Spanish message", out)
