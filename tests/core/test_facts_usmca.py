"""The USMCA fast-facts section of the bundled catalog: the figures advocates quote are the report's.

Each expected value below is copied from the report text (seeds/000_5dfb943955bc4a88.txt,
"Executive Summary" to "USMCA fast facts" item 10), not from the catalog.
"""

from __future__ import annotations

import re

import pytest

from nap_desktop.core.formatting import format_number, date_from_value, format_date
from nap_desktop.core.catalog.loader import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def usmca_facts(catalog):
    return catalog.facts_in("usmca")


# id, value, unit, qualifier, period, agency source the report names
HEADLINES = [
    ("usmca-trade-trilateral-20y", 1.6, "usd_tn", "more_than", "last 20 years", None),
    ("usmca-trade-trilateral-20y-start", 803, "usd_bn", "", "20 years ago", None),
    ("usmca-trade-border-daily", 2.39, "usd_bn", "", "undated", "ustr"),
    ("usmca-ports-laredo-2025", 296.2, "usd_bn", "over", "2025", "bts"),
    ("usmca-ports-los-angeles-2025", 301, "usd_bn", "", "2025", None),
    ("usmca-ports-detroit-2025", 94.2, "usd_bn", "", "2025", "bts"),
    ("usmca-trade-trilateral-since-2022", 1.6, "usd_tn", "about", "since 2022", None),
    ("usmca-trade-above-precovid", 30, "pct", "", "vs pre-COVID levels", None),
    ("usmca-labor-rrm-workers-2025", 42000, "count", "", "by January 2025", "brookings"),
    ("usmca-labor-rrm-cases-2025", 32, "count", "", "by August 2025", "brookings"),
    ("usmca-jobs-mfg-lost-us", 113000, "count", "", "Dec 2024–Dec 2025", "bls-fred"),
    ("usmca-jobs-mfg-lost-mx", 48375, "count", "", "4Q2025 vs 4Q2024", "inegi"),  # ENOE Q4 vs Q4, as its note shows
    ("usmca-jobs-mfg-lost-ca", 40600, "count", "", "Dec 2024–Dec 2025", "statcan"),
    ("usmca-gdp-share-na-2025", 30, "pct", "about", "2025", "imf-weo"),
    ("usmca-gdp-share-eu-2025", 18, "pct", "about", "2025", "imf-weo"),
    ("usmca-gdp-share-cn-2025", 17, "pct", "about", "2025", "imf-weo"),
    ("usmca-gdp-share-lac-2025", 6, "pct", "about", "2025", "imf-weo"),
    ("usmca-food-mx-share-ag-imports-2025", 32.7, "pct", "", "2025", "census"),
    ("usmca-food-mx-share-ag-exports-2025", 16.9, "pct", "", "2025", "census"),
    ("usmca-food-mxca-vs-five-countries", 2.5, "times", "", "undated", None),
    ("usmca-food-fruit-mx-2023", 51, "pct", "", "2023", "usda"),
    ("usmca-food-fruit-ca-2023", 2, "pct", "", "2023", "usda"),
    ("usmca-food-veg-mx-2023", 69, "pct", "", "2023", "usda"),
    ("usmca-food-veg-ca-2023", 20, "pct", "", "2023", "usda"),
    ("usmca-autos-us-ip-dec-2025", -1.92, "pct", "", "Dec 2025 vs Dec 2024", "fred-ip"),
    ("usmca-autos-mx-production-2025", -0.9, "pct", "", "2025", "inegi"),
    ("usmca-energy-mx-gas-us-70", 70, "pct", "about", "undated", "csis"),
    ("usmca-minerals-ca-mines-2025", 56, "count", "", "as of March 2025", "gc-nrcan"),
    ("usmca-minerals-ca-processing-2025", 31, "count", "", "as of March 2025", "gc-nrcan"),
    ("usmca-minerals-ca-projects-2025", 171, "count", "", "as of March 2025", "gc-nrcan"),
    ("usmca-minerals-ca-sovereign-fund", 2, "cad_bn", "", "undated", "gc-nrcan"),
    ("usmca-review-joint-review-2026", 20260701, "date", "", "2026-07-01", "ustr"),  # shown "July 1, 2026"
    ("usmca-review-16-year-term", 16, "count", "", "Art. 34.7", "usmca-text"),
    ("usmca-review-termination-2036", 2036, "year", "", "2036", "usmca-text"),
    ("usmca-exec-nafta-1994", 1994, "year", "", "1994", None),
]


@pytest.mark.parametrize(("fid", "value", "unit", "qualifier", "period", "agency"), HEADLINES,
                         ids=[row[0] for row in HEADLINES])
def test_headline_figures_are_the_reports(catalog, fid, value, unit, qualifier, period, agency):
    fact = catalog.fact(fid)
    assert fact is not None, f"{fid} missing from the catalog"
    assert fact.section == "usmca"
    assert fact.value == pytest.approx(value, abs=1e-9)
    assert (fact.unit, fact.qualifier, fact.period) == (unit, qualifier, period)
    assert "nap-2026" in fact.sources
    if agency is None:
        assert fact.sources == ("nap-2026",), f"{fid}: the report names no agency for this figure"
    else:
        assert agency in fact.sources


def test_parts_cross_borders_seven_or_eight_times(catalog):
    fact = catalog.fact("usmca-autos-parts-cross-borders")
    assert (fact.value, fact.value_max, fact.unit, fact.qualifier) == (7, 8, "times", "range")
    assert "seven or eight times" in fact.text_en and "crs-autos" in fact.sources  # the CRS, undated (not its 2018 report)


def test_job_losses_cover_all_three_countries(usmca_facts):
    jobs = {f.countries: f.value for f in usmca_facts if f.id.startswith("usmca-jobs-mfg-lost-")}
    assert jobs == {("US",): 113000, ("MX",): 48375, ("CA",): 40600}


def test_agreement_rules_are_stated_without_a_number(catalog):
    rules = ["usmca-rules-ch4-origin", "usmca-rules-auto-lvc", "usmca-rules-ch23-labor",
             "usmca-rules-rrm-annex31", "usmca-rules-ch11-tbt", "usmca-rules-ch28-grp",
             "usmca-rules-ch14-investment", "usmca-rules-annex14d-14f", "usmca-rules-ch29-publication",
             "usmca-rules-ch31-disputes", "usmca-review-art-34-7", "usmca-review-annual-reviews"]
    for fid in rules:
        fact = catalog.fact(fid)
        assert fact is not None, fid
        assert fact.value is None and fact.unit == "none", fid
        assert "usmca-text" in fact.sources, fid
    assert "forced labor" in catalog.fact("usmca-rules-ch23-labor").text_en
    screening = catalog.fact("usmca-proposal-investment-screening")
    assert screening.value is None and screening.sources == ("nap-2026",)
    assert "proposes" in screening.text_en and "proposal" in screening.note_en.lower()


_WORDS = {
    "en": {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 16: "sixteen"},
    "es": {2: "dos", 3: "tres", 4: "cuatro", 5: "cinco", 6: "seis", 7: "siete", 8: "ocho", 16: "dieciséis"},
}


def _written_forms(number: float, unit: str, lang: str) -> list[str]:
    if unit == "date" and date_from_value(number):
        return [format_date(date_from_value(number) or "", lang)]
    if unit in ("year", "date"):
        return [str(int(number))]
    forms = [format_number(abs(number), lang)]
    if float(number).is_integer() and int(number) in _WORDS[lang]:
        forms.append(_WORDS[lang][int(number)])
    return forms


def _states(text: str, form: str) -> bool:
    """`form` appears as a whole number or word: '2' is not found in '2023' nor in '32.7'."""
    if form.isalpha():
        return re.search(rf"\b{form}\b", text, flags=re.IGNORECASE) is not None
    return re.search(rf"(?<![\d.,]){re.escape(form)}(?!\d|[.,]\d)", text) is not None


def test_every_headline_is_written_in_both_texts(usmca_facts):
    """A transcription slip (value 296.2, text '269.2') is caught: each text states the headline."""
    with_value = [f for f in usmca_facts if f.value is not None]
    assert len(with_value) >= 40
    slips = []
    for fact in with_value:
        for lang in ("en", "es"):
            text = fact.text(lang)
            for number in (fact.value, fact.value_max):
                if number is None:
                    continue
                forms = _written_forms(number, fact.unit, lang)
                if not any(_states(text, form) for form in forms):
                    slips.append(f"{fact.id} [{lang}]: none of {forms} in {text!r}")
    assert not slips, "\n".join(slips)


def test_spanish_texts_follow_mexican_usage(usmca_facts):
    for fact in usmca_facts:
        assert "USMCA" not in fact.text_es, f"{fact.id}: Spanish text should say T-MEC"
        assert "billion" not in fact.text_es and "trillion" not in fact.text_es, fact.id
        if fact.unit == "usd_bn":
            assert "mil millones de dólares" in fact.text_es, fact.id
        if fact.unit == "usd_tn":
            assert "billones de dólares" in fact.text_es, fact.id
