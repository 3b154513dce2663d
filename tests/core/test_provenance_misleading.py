"""What misleads a reader who checks the catalog against the report (issue 24): a title stating the
report's error, a period its own note contradicts, a chart contradicting the fact it illustrates, the
report's date used as a period, a date the report does not give, a source with no link and no
identifiable publisher. Each case is read the way a user meets it (the fact's title, statement, period
and sources; the chart linked to it and what it draws)."""

from __future__ import annotations

import re

import pytest

from nap_desktop.core.catalog.rules import REPORT_SOURCE_ID, period_months


def _sources(catalog, fact_id):
    return [catalog.sources[s] for s in catalog.fact(fact_id).sources]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_69_percent_is_mexicos_share_of_imports_not_of_availability(catalog, lang):
    fact = catalog.fact("food-fresh-veg-availability-mexico-69")
    for text in (fact.title(lang), fact.text(lang)):
        assert "69%" in text and "35%" in text
        assert re.search(r"69% (of those imports|of the value of those imports|de esas importaciones|del valor de esas "
                         r"importaciones)", text), text
        assert not re.search(r"69% (of|de) (U\.S\. )?(fresh vegetable )?(availability|la disponibilidad)", text), text
    # the report's own wording is kept where a reader checking it will look: the note
    assert "explain 69% of fresh vegetable availability" in fact.note("en")
    assert "explican 69% de la disponibilidad" in fact.note("es")
    # and the chart beside it draws Mexico's share of imports, 69
    spec = catalog.charts["food-fresh-produce-supplier-shares"]
    assert fact.id in spec.facts and "imports" in spec.title("en")


def test_mexicos_manufacturing_jobs_period_is_the_one_the_number_measures(catalog):
    fact = catalog.fact("usmca-jobs-mfg-lost-mx")
    assert fact.period == "4Q2025 vs 4Q2024"
    assert "4Q2025" in fact.title("en") and "4T2025" in fact.title("es")
    assert "fourth quarter" in fact.text("en") and "cuarto trimestre" in fact.text("es")
    assert "December" not in fact.title("en") and "dic" not in fact.title("es")
    # the note says what the report wrote, and no longer contradicts the label
    assert "December 2024 to December 2025" in fact.note("en") and "so the period shown is 4Q2025 vs 4Q2024" in fact.note("en")
    # the chart of the three countries says each one's window instead of "December to December" for all three
    spec = catalog.charts["usmca-manufacturing-jobs-lost"]
    assert "fourth quarter to fourth quarter in Mexico" in spec.subtitle_en
    assert "del cuarto trimestre al cuarto trimestre en México" in spec.subtitle_es
    # jobs lost are drawn in the colour every renderer gives a fall, not as a gain's blue bars
    from nap_desktop.core.charts.spec import NEGATIVE_COLOR

    assert [s.color for s in spec.series] == [NEGATIVE_COLOR]


def test_the_farm_export_map_illustrates_only_facts_it_agrees_with(catalog):
    spec = catalog.charts["food-state-exports-mexico-map"]
    classes = spec.extra["classes"]
    # FY2023: soybeans, not corn, lead Nebraska and Missouri; so "all have corn as their main export" is not linked
    assert classes["NE"] == classes["MO"] == "soybeans"
    assert "food-louisiana-corn-exports-mexico-2025" not in spec.facts
    assert "food-louisiana-corn-exports-mexico-2025" not in (spec.extra.get("period_notes") or {})
    # nor the bullet that puts soybeans first in Minnesota and the Dakotas and dairy in Wisconsin
    assert classes["MN"] == "corn" and classes["WI"] == "soybeans"
    assert "food-state-ag-export-specialties-mexico" not in spec.facts
    # what stays linked agrees with it: Texas and Virginia lead with pork
    assert "food-pork-texas-virginia-exports-mexico-2025" in spec.facts
    assert classes["TX"] == classes["VA"] == "pork-and-pork-products"
    for fid in ("food-louisiana-corn-exports-mexico-2025", "food-state-ag-export-specialties-mexico"):
        assert catalog.fact(fid).chart != spec.id


def test_the_2013_2017_destination_shares_illustrate_no_statement_about_today(catalog):
    spec = catalog.charts["food-ag-exports-by-destination"]
    cn, mx = spec.categories.index("CN"), spec.categories.index("MX")
    assert spec.series[0].key == "2013" and spec.series[0].values[cn] > spec.series[0].values[mx]  # China led then
    assert spec.facts == ()
    assert catalog.fact("food-ag-partners-mexico-canada-main").chart != spec.id


def test_no_fact_takes_the_reports_date_as_its_period(catalog):
    month = catalog.sources[REPORT_SOURCE_ID].date[:7]
    assert month == "2026-04"
    offenders = [f.id for f in catalog.facts if month in period_months(f.period)]
    assert offenders == []
    for fid in ("usmca-exec-integration-40-years", "usmca-exec-30-years-openness", "usmca-exec-four-decades-platforms",
                "usmca-exec-three-assets", "usmca-exec-four-core-ideas", "usmca-exec-four-shared-goals"):
        assert catalog.fact(fid).period == "undated", fid


def test_the_brookings_dates_are_the_reports(catalog):
    # "(Brookings, 2024)" on the trade deficit; the labour mechanism and minerals analyses are undated
    (deficit,) = [s for s in _sources(catalog, "coprod-china-asymmetry-vs-usmca-integration") if s.id != REPORT_SOURCE_ID]
    assert deficit.publisher == "Brookings Institution" and deficit.date == "2024"
    for fid in ("usmca-labor-rrm-workers-2025", "usmca-labor-rrm-cases-2025", "usmca-minerals-us-mx-action-plan"):
        (src,) = [s for s in _sources(catalog, fid) if s.id != REPORT_SOURCE_ID]
        assert src.publisher == "Brookings Institution" and src.date == "" and src.date_reason("en"), fid


@pytest.mark.parametrize("sid", ["csis", "atlantic-council", "bbva", "oica", "unctad", "brookings", "crs-autos", "usda"])
def test_a_date_the_report_does_not_give_is_not_given(catalog, sid):
    src = catalog.sources[sid]
    assert src.date == ""
    assert "guess" in src.date_reason("en") or "not of the page" in src.date_reason("en")
    assert src.date_reason("es") and src.date_reason("es") != src.date_reason("en")


def test_the_years_the_report_does_give_are_kept(catalog):
    for sid, year in (("crs", "2018"), ("oec", "2024"), ("oecd", "2017"), ("amia", "2024"), ("usda-2025", "2025"),
                      ("sec-wilson-quarterly", "2023")):
        src = catalog.sources[sid]
        assert src.date == year and f"({year})" in src.url_reason("en") and "without a title or table" in src.url_reason("en"), sid


def test_every_source_has_a_link_and_a_named_publisher(catalog):
    assert all(s.url.startswith("https://") or s.url.startswith("http://") for s in catalog.sources.values())
    assert "data-driven" not in catalog.sources
    fact = catalog.fact("auto-us-one-in-20-jobs")
    assert fact.sources == (REPORT_SOURCE_ID,)
    assert '"Data Driven"' in fact.note("en") and "«Data Driven»" in fact.note("es")


# --- the trilateral trade chart -----------------------------------------------------------------
def test_the_combined_line_is_the_sum_of_the_country_lines_so_2005_is_no_collapse(catalog):
    spec = catalog.charts["usmca-trilateral-trade"]
    lines = {s.key: dict(zip(spec.categories, s.values)) for s in spec.series}
    both, ca, mx = lines["CA+MX"], lines["CA"], lines["MX"]
    assert both["2005"] == 790 and both["2006"] == pytest.approx(ca["2006"] + mx["2006"])  # no fall after 2005
    for year in spec.categories:
        if ca[year] is not None and mx[year] is not None and int(year) >= 2006:
            assert both[year] == pytest.approx(ca[year] + mx[year]), year
        if both[year] is not None and ca[year] is not None:
            assert both[year] > ca[year] and both[year] > mx[year], year
    # the message's figures are plotted: 343 in 1994, 1,585.6 in 2025
    assert both["1994"] == 343 and f"{both['2025']:,.1f}" == "1,585.6"
    assert "USD 343 billion in 1994 to USD 1,585.6 billion in 2025" in spec.message("en")
    assert "1,585.6 mil millones en 2025" in spec.message("es")


def test_the_official_figures_fill_what_a_gap_said_was_not_published(catalog):
    ds = catalog.datasets["us-trilateral-goods-trade"]
    rows = {(r.category, r.series, r.period): r for r in ds.rows}
    # 2019: USITC's exports and imports (official), summed; the gap said "no published total"
    assert rows[("CA", "total", "2019")].value == pytest.approx(292.4 + 319.7)
    assert rows[("CA", "total", "2019")].status == "official"
    assert rows[("CA+MX", "total", "2019")].value == pytest.approx(1226.6)  # what the fact's note quotes
    # 2022-2023: the BTS TransBorder files' national totals (official), summed from bts-state-trade
    bts = {(r.series, r.period): r.value for r in catalog.datasets["bts-state-trade"].rows if r.category == "US"}
    for year in ("2022", "2023"):
        for code, p in (("CA", "ca"), ("MX", "mx")):
            row = rows[(code, "total", year)]
            assert row.value == pytest.approx((bts[(f"exports-{p}", year)] + bts[(f"imports-{p}", year)]) / 1e9)
            assert row.status == "official" and row.source == "bts-transborder-" + year and row.line == 0
    assert rows[("MX", "total", "2023")].value == pytest.approx(798.9, abs=0.1)  # = CRS IF11175, once the row here
    # 2024-2025 from the processed copy (secondary), never typed
    assert rows[("MX", "total", "2024")].status == "secondary" and rows[("MX", "total", "2024")].line == 0
    spec = catalog.charts["usmca-trilateral-trade"]
    reasons = " ".join(g.reason_en for g in spec.gaps)
    assert "No published total" not in reasons and {g.category for g in spec.gaps if g.series == "CA+MX"} == {"2017", "2018", "2021"}


@pytest.mark.parametrize("cid", ["usmca-trilateral-trade", "coprod-trilateral-trade-by-partner", "coprod-tdr-2025",
                                 "coprod-trade-partners-table"])
def test_a_gap_row_credits_no_source_under_the_chart(catalog, cid):
    from nap_desktop.core.charts.spec import source_line

    spec = catalog.charts[cid]
    ds = catalog.datasets[spec.dataset]
    with_value = {r.source for r in ds.rows if r.value is not None}
    assert set(spec.sources) <= with_value, set(spec.sources) - with_value
    # the empty rows' "census" (the report's agency) no longer reads "as published in the report" under them
    assert "as published in the report" not in source_line(spec, catalog, "en")
    assert "según el informe" not in source_line(spec, catalog, "es")
