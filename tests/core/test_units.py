"""Ranks, fractions, signed changes, from→to ranges and dates: shown as a reader expects (en, es-MX)."""

from __future__ import annotations

import pytest

from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.core.formatting import format_value


@pytest.mark.parametrize(("value", "unit", "qualifier", "value_max", "en", "es"), [
    (7, "rank", "", None, "7th", "7.º lugar"),
    (11, "rank", "", None, "11th", "11.º lugar"),
    (1, "rank", "", None, "1st", "1.º lugar"),
    (22, "rank", "", None, "22nd", "22.º lugar"),
    (20, "one_in", "", None, "1 in 20", "1 de cada 20"),
    (0.5, "fraction", "about", None, "about half", "alrededor de la mitad"),
    (0.333, "fraction", "more_than", None, "more than one-third", "más de un tercio"),
    (39.5, "pct_change", "", None, "+39.5%", "+39.5%"),
    (-3, "pct_change", "", None, "-3%", "-3%"),
    (17.3, "pct", "from_to", 82.3, "17.3% → 82.3%", "17.3% → 82.3%"),
    (20260701, "date", "", None, "July 1, 2026", "1 de julio de 2026"),
    (202603, "date", "", None, "March 2026", "marzo de 2026"),
])
def test_each_unit_reads_as_written(value, unit, qualifier, value_max, en, es):
    assert format_value(value, unit, "en", qualifier=qualifier, value_max=value_max) == en
    assert format_value(value, unit, "es", qualifier=qualifier, value_max=value_max) == es


def test_the_reports_ranks_and_fractions_have_headlines():
    catalog = load_catalog()
    shown = {f.id: format_value(f.value, f.unit, "es", decimals=f.decimals, qualifier=f.qualifier,
                                value_max=f.value_max) for f in catalog.facts}
    assert shown["auto-mexico-seventh-largest-manufacturer"] == "7.º lugar"
    assert shown["auto-canada-eleventh-largest-manufacturer"] == "11.º lugar"
    assert shown["auto-us-one-in-20-jobs"] == "1 de cada 20"
    assert shown["auto-canada-vehicle-value-us-origin"] == "alrededor de la mitad"
    assert shown["auto-mexico-vehicle-content-us-made"] == "más de un tercio"
    assert shown["tech-atp-deficit-growth-2025"] == "+39.5%"
    assert shown["food-raspberries-import-share-1994-2024"] == "17.3% → 82.3%"
    assert shown["usmca-review-joint-review-2026"] == "1 de julio de 2026"
    # a qualitative fact has no headline number (not "2010")
    assert shown["food-mexico-primary-ag-market-since-2010"] == ""


def test_no_fact_uses_the_reports_own_date_as_its_period():
    assert [f.id for f in load_catalog().facts if f.period == "2026-04"] == []
