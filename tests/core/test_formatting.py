"""One formatter for both languages: es-MX writes 1,234.5, 'mil millones' for billion, 'billón' for trillion."""

from __future__ import annotations

import re

import pytest

from nap_desktop.core.formatting import decimals_of, format_date, format_number, format_value


@pytest.mark.parametrize(
    ("value", "unit", "lang", "kwargs", "expected"),
    [
        (1.6, "usd_tn", "en", {"qualifier": "more_than"}, "more than USD 1.6 trillion"),
        (1.6, "usd_tn", "es", {"qualifier": "more_than"}, "más de 1.6 billones de dólares"),
        (1, "usd_tn", "es", {}, "1 billón de dólares"),
        (296.2, "usd_bn", "en", {"qualifier": "over"}, "over USD 296.2 billion"),
        (296.2, "usd_bn", "es", {"qualifier": "over"}, "más de 296.2 mil millones de dólares"),
        (2.39, "usd_bn", "es", {}, "2.39 mil millones de dólares"),
        (337960, "usd_mn", "en", {}, "USD 337,960 million"),
        (337960, "usd_mn", "es", {}, "337,960 millones de dólares"),
        (2, "cad_bn", "en", {}, "CAD 2 billion"),
        (2, "cad_bn", "es", {}, "2 mil millones de dólares canadienses"),
        (32.7, "pct", "en", {}, "32.7%"),
        (32.7, "pct", "es", {}, "32.7%"),
        (-27, "pct", "en", {}, "-27%"),
        (-1.92, "pct", "es", {}, "-1.92%"),
        (0, "pct", "en", {}, "0%"),
        (113000, "count", "en", {}, "113,000"),
        (48375, "count", "es", {}, "48,375"),
        (1234.5, "count", "es", {}, "1,234.5"),
        (11.9, "count_mn", "en", {"qualifier": "over"}, "over 11.9 million"),
        (11.9, "count_mn", "es", {"qualifier": "over"}, "más de 11.9 millones"),
        (35.2, "count_th", "es", {}, "35.2 mil"),
        (30, "pct", "en", {"qualifier": "about"}, "about 30%"),
        (30, "pct", "es", {"qualifier": "about"}, "alrededor de 30%"),
        (60, "pct", "es", {"qualifier": "nearly"}, "casi 60%"),
        (2.5, "times", "en", {}, "2.5×"),
        (2.5, "times", "es", {}, "2.5 veces"),
        (0.583, "ratio", "en", {"decimals": 2}, "0.58"),
        (7, "count", "en", {"value_max": 8}, "7–8"),
        (2036, "year", "en", {}, "2036"),
        (3, "pct", "en", {"signed": True}, "+3%"),
    ],
)
def test_format_value(value, unit, lang, kwargs, expected):
    assert format_value(value, unit, lang, **kwargs) == expected


def test_no_negative_zero():
    assert format_number(-0.001, "en", decimals=1) == "0.0"
    assert format_number(-0.0, "es") == "0"


def test_missing_value_reads_as_not_available():
    assert format_number(None, "en") == "n/a"
    assert format_number(float("nan"), "es") == "n.d."
    assert format_value(None, "usd_bn", "en") == ""


def test_decimals_follow_how_the_figure_was_written():
    assert decimals_of(1.6) == 1
    assert decimals_of(2.39) == 2
    assert decimals_of(113000) == 0
    assert format_number(296.2, "en") == "296.2"
    assert format_number(1.0, "en", decimals=1) == "1.0"


def test_large_numbers_use_comma_thousands_in_both_languages():
    assert format_number(1234567.25, "en", decimals=2) == "1,234,567.25"
    assert format_number(1234567.25, "es", decimals=2) == "1,234,567.25"


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("2026-07-01", "en", "July 1, 2026"),
        ("2026-07-01", "es", "1 de julio de 2026"),
        ("2025-03", "en", "March 2025"),
        ("2025-03", "es", "marzo de 2025"),
        ("2025", "es", "2025"),
        ("not a date", "en", "not a date"),
    ],
)
def test_format_date(iso, lang, expected):
    assert format_date(iso, lang) == expected


def test_unknown_language_unit_or_qualifier_is_an_error():
    with pytest.raises(ValueError):
        format_number(1, "fr")
    with pytest.raises(ValueError):
        format_value(1, "furlongs", "en")
    with pytest.raises(ValueError):
        format_value(1, "pct", "en", qualifier="roughly")


@pytest.mark.parametrize(
    ("period", "expected_es"),
    [
        ("2025", "2025"),
        ("2026-07-01", "1 de julio de 2026"),
        ("as of March 2025", "a marzo de 2025"),
        ("April 2026", "abril de 2026"),
        ("Dec 2024–Dec 2025", "dic 2024–dic 2025"),
        ("3Q2025 vs 3Q2024", "3T2025 vs. 3T2024"),
        ("undated", "sin fecha"),
        ("since 2022", "desde 2022"),
        ("last 20 years", "últimos 20 años"),
        ("20 years ago", "hace 20 años"),
        ("by January 2025", "a enero de 2025"),
        ("vs pre-COVID levels", "frente a niveles previos a la COVID-19"),
        ("1994–2024", "1994–2024"),
    ],
)
def test_periods_read_in_spanish(period, expected_es):
    from nap_desktop.core.formatting import format_period

    assert format_period(period, "es") == expected_es
    assert format_period(period, "en") == (format_date(period, "en") if period[:4].isdigit() and "-" in period[4:5] else period)


def test_every_catalog_period_has_no_english_left_in_spanish():
    from nap_desktop.core.formatting import format_period
    from nap_desktop.core.catalog.loader import load_catalog

    english = re.compile(r"\b(as of|since|undated|years|ago|by|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
                         r"January|February|March|April|June|July|August|September|October|November|December)\b")
    leftovers = {f.period: format_period(f.period, "es") for f in load_catalog().facts
                 if english.search(format_period(f.period, "es"))}
    assert leftovers == {}
