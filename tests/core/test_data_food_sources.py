"""Each food fact cites the agency the report names for its bullet, and no agency where it names none.

The expected agency of every fact in data/facts/food.toml was read from the report
(../shared/seeds/000_5dfb943955bc4a88.txt, "Food security in North America"), bullet by bullet:
"(U.S. Census Bureau)", "(USDA)", "(ERS-USDA)", "(BBVA)" after the bullet, or in the line that
introduces it. A chart's credit line ("with data from ... ERS") is not an attribution of the bullets
beside it: those facts cite the report only, and their notes name the chart's credit.
The 2023 fresh fruit/vegetable shares keep USDA: the report introduces the same figures with
"USDA shows that ..." in its section 6 (their usmca-food-* twins cite USDA too).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from nap_desktop.core.catalog.loader import load_catalog

FOOD = Path(__file__).resolve().parents[2] / "data" / "facts" / "food.toml"

# fact id -> the agency source the report names for that bullet (None: the report only)
AGENCY = {
    "food-ag-partners-mexico-canada-main": None,
    "food-ag-imports-mxca-vs-five-countries": None,
    "food-china-share-ag-exports-2025": None,
    "food-mexico-primary-ag-market-since-2010": None,
    "food-ag-imports-mexico-share-2025": "census",
    "food-ag-exports-mexico-share-2025": "census",
    "food-mexico-ag-exports-growth-2019-2024": "usda",
    "food-mexico-agroindustry-second-export": "bbva",
    "food-us-exports-to-mexico-and-canada": "usda",
    "food-mexico-exports-produce-and-spirits": "usda",
    "food-canada-exports-wheat-canola": "usda",
    "food-fresh-fruit-imports-mexico-share-2023": "usda",
    "food-fresh-fruit-imports-canada-share-2023": "usda",
    "food-fresh-veg-imports-mexico-share-2023": "usda",
    "food-fresh-veg-imports-canada-share-2023": "usda",
    "food-import-dependence-trade-milestones": "usda",
    "food-fresh-fruit-availability-imports-2023": "usda",
    "food-fresh-veg-availability-imports-2023": "usda",
    "food-top-ag-exports-to-mexico-2025": None,
    "food-jobs-soybean-corn-exports": "usda-2025",  # the report writes "(USDA, 2025)" for these two
    "food-jobs-beef-chicken-pork-exports": "usda-2025",
    "food-ca-tx-la-ag-exports-mexico-2025": None,
    "food-louisiana-corn-exports-mexico-2025": None,
    "food-pork-texas-virginia-exports-mexico-2025": None,
    "food-state-ag-export-specialties-mexico": None,
    "food-fresh-veg-import-states": None,
    "food-fresh-veg-availability-mexico-69": "usda",
    "food-tomato-supply-imports-2023": None,
    "food-tomato-imports-mexico-share-2023": None,
    "food-fresh-tomato-imports-2024": None,
    "food-california-berry-imports-mexico-2025": None,
    "food-raspberries-import-share-1994-2024": None,
    "food-avocados-import-share-2024": None,
    "food-distilled-spirits-imports-mexico-2025": None,
    "food-beer-binational-industry": None,
    "food-trade-war-farm-compensation": None,
    "food-trade-war-compensation-share-tariff-revenue": None,
    "food-fresh-produce-share-food-at-home-cpi": None,
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_every_food_fact_was_read_against_the_report():
    ids = [f["id"] for f in tomllib.loads(FOOD.read_text(encoding="utf-8"))["fact"]]
    assert sorted(ids) == sorted(AGENCY), "a food fact was added or removed: read its bullet and add it to AGENCY"


@pytest.mark.parametrize("fid", sorted(AGENCY))
def test_food_fact_cites_the_agency_the_report_names(catalog, fid):
    fact = catalog.fact(fid)
    agency = AGENCY[fid]
    expected = ("nap-2026",) if agency is None else (agency, "nap-2026")
    assert tuple(fact.sources) == expected, f"{fid}: the report names {agency or 'no agency'} for this bullet"
    if agency is None and ("credited to" in fact.note_en or "prepared with information" in fact.note_en):
        # a bullet beside a credited chart: the note says the bullet itself names no agency, in both languages
        assert "names no agency" in fact.note_en and "no cita un organismo" in fact.note_es, fid


def test_food_periods_only_as_the_report_states_them(catalog):
    # the report gives no year for these two bullets (their twins or neighbours do)
    assert catalog.fact("food-ag-imports-mxca-vs-five-countries").period == "undated"
    assert catalog.fact("usmca-food-mxca-vs-five-countries").period == "undated"
    assert catalog.fact("food-fresh-veg-availability-mexico-69").period == "undated"
    assert catalog.fact("food-fresh-produce-share-food-at-home-cpi").period == "undated"
    assert "April 2026" not in catalog.fact("food-fresh-produce-share-food-at-home-cpi").note_en
