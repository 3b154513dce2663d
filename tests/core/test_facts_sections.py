"""The facts of the food, co-production, autos and technology sections say what the report says.

Figures an advocate quotes are pinned to the report's numbers, and every headline value must be
readable in its own English and Spanish sentence, so a transcription slip between the number and
the text is caught here rather than in front of an official.
"""

from __future__ import annotations

import re
import tomllib

import pytest

from nap_desktop.core.formatting import format_number, fraction_words, ordinal_en

ORDINALS = {"en": {7: "seventh", 11: "eleventh"}, "es": {7: "séptimo", 11: "undécimo"}}
from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.core.catalog.model import Catalog, Fact
from nap_desktop.paths import data_dir

SECTIONS = ("food", "coproduction", "autos", "technology")

# Small whole numbers the report writes as words ("as many as eight times").
WORDS = {
    "en": {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
           9: "nine", 10: "ten"},
    "es": {1: "uno", 2: "dos", 3: "tres", 4: "cuatro", 5: "cinco", 6: "seis", 7: "siete", 8: "ocho",
           9: "nueve", 10: "diez"},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _fact(catalog: Catalog, fact_id: str) -> Fact:
    fact = catalog.fact(fact_id)
    assert fact is not None, f"missing fact {fact_id}"
    return fact


def _section_facts(catalog: Catalog) -> list[Fact]:
    return [f for s in SECTIONS for f in catalog.facts_in(s)]


def _number_forms(fact: Fact, lang: str) -> set[str]:
    value = fact.value
    assert value is not None
    if fact.unit == "year":
        return {str(int(value))}
    if fact.unit == "fraction":  # written in words: "about half" / "la mitad"
        return {fraction_words(value, lang) or ""}
    if fact.unit == "rank":  # "seventh-largest" / "séptimo", "11th" / "11.º"
        n = int(value)
        return {ordinal_en(n), ORDINALS[lang].get(n, ""), f"{n}.º"} - {""}
    magnitude = abs(value)
    forms = {format_number(magnitude, lang, decimals=fact.decimals)}
    if float(magnitude).is_integer() and int(magnitude) in WORDS[lang]:
        forms.add(WORDS[lang][int(magnitude)])
    return forms


def test_each_section_has_its_facts(catalog: Catalog) -> None:
    counts = {s: len(catalog.facts_in(s)) for s in SECTIONS}
    assert counts["food"] >= 30
    assert counts["coproduction"] >= 5
    assert counts["autos"] >= 20
    assert counts["technology"] >= 25


def test_atp_deficit_2025(catalog: Catalog) -> None:
    deficit = _fact(catalog, "tech-atp-deficit-2025")
    assert (deficit.value, deficit.unit, deficit.period) == (414.6, "usd_bn", "2025")
    assert "census-atp" in deficit.sources and "nap-2026" in deficit.sources
    growth = _fact(catalog, "tech-atp-deficit-growth-2025")
    assert (growth.value, growth.unit) == (39.5, "pct_change")  # a change: shown "+39.5%", never read as a share


def test_atp_group_contributions_match_the_report_table(catalog: Catalog) -> None:
    expected = {
        "biotechnology": 24, "life-sciences": 9, "opto-electronics": 4,
        "information-communications": 87, "electronics": 3, "flexible-manufacturing": 0,
        "advanced-materials": 0, "aerospace": -27, "weapons": -1, "nuclear-technology": 1,
    }
    found = {}
    for slug in expected:
        fact = _fact(catalog, f"tech-atp-group-{slug}")
        assert fact.unit == "pct" and fact.period == "2025"
        found[slug] = fact.value
    assert found == expected
    # The table's contributions are shares of one deficit: they add up to 100%.
    assert sum(found.values()) == 100


def test_atp_shares_by_origin_and_2024_comparisons(catalog: Catalog) -> None:
    assert _fact(catalog, "tech-atp-deficit-taiwan-share-2025").value == 21
    assert _fact(catalog, "tech-atp-deficit-pacific-rim-share-2025").value == 42
    assert _fact(catalog, "tech-atp-deficit-north-america-share-2025").value == 14
    assert _fact(catalog, "tech-atp-ict-share-2024").value == 78
    assert _fact(catalog, "tech-atp-electronics-share-2024").value == 5


def test_naics_import_shares(catalog: Catalog) -> None:
    mexico_3341 = _fact(catalog, "tech-naics3341-imports-mexico-share-2025")
    taiwan_3341 = _fact(catalog, "tech-naics3341-imports-taiwan-share-2025")
    assert (mexico_3341.value, taiwan_3341.value) == (34.4, 32.6)
    assert "MX" in mexico_3341.countries and "TW" in taiwan_3341.countries
    assert _fact(catalog, "tech-naics334-imports-taiwan-share-2025").value == 22.5
    assert _fact(catalog, "tech-naics334-imports-mexico-share-2025").value == 19.8
    assert [_fact(catalog, f"tech-naics3344-imports-{c}-share-2025").value
            for c in ("taiwan", "malaysia", "vietnam")] == [35, 10.8, 9.8]


def test_auto_production_changes_3q2025(catalog: Catalog) -> None:
    changes = {
        "na": -3, "canada": -4, "us": -4, "mexico": -2,
    }
    for who, value in changes.items():
        fact = _fact(catalog, f"auto-production-{who}-3q2025-vs-3q2024")
        assert (fact.value, fact.unit, fact.period) == (value, "pct", "3Q2025 vs 3Q2024")
        assert "oica" in fact.sources
    level = _fact(catalog, "auto-production-na-3q2025")
    assert (level.value, level.unit, level.qualifier) == (11.9, "count_mn", "over")
    assert _fact(catalog, "auto-production-na-3q2025-vs-3q2019").value == -8
    jobs = _fact(catalog, "auto-us-motor-vehicle-parts-jobs-2025")
    assert (jobs.value, jobs.unit) == (-35.2, "count_th")


def test_food_figures(catalog: Catalog) -> None:
    avocados = _fact(catalog, "food-avocados-import-share-2024")
    assert (avocados.value, avocados.unit, avocados.period) == (88.4, "pct", "2024")
    assert _fact(catalog, "food-ag-imports-mexico-share-2025").value == 32.7
    assert _fact(catalog, "food-ag-exports-mexico-share-2025").value == 16.9
    jobs = _fact(catalog, "food-jobs-soybean-corn-exports")
    assert (jobs.value, jobs.qualifier, jobs.label_en) == (212516, "more_than", "jobs")
    assert _fact(catalog, "food-raspberries-import-share-1994-2024").period == "1994–2024"


def test_headline_number_appears_in_both_texts(catalog: Catalog) -> None:
    slips = []
    for fact in _section_facts(catalog):
        if fact.value is None:
            continue
        for lang in ("en", "es"):
            forms = _number_forms(fact, lang)
            # A whole number, not a piece of another one ("35" must not match "353" or "3.5").
            patterns = [re.compile(r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|[.,]\d)") for form in forms]
            if not any(p.search(fact.text(lang)) for p in patterns):
                slips.append(f"{fact.id} [{lang}]: none of {sorted(forms)} in {fact.text(lang)!r}")
    assert not slips, "\n".join(slips)


def test_spanish_numbers_use_mexican_style(catalog: Catalog) -> None:
    # es-MX writes 414.6 and 212,516: a comma followed by one or two digits is a European decimal.
    european = re.compile(r"\d,\d{1,2}(?!\d)")
    bad = [f"{f.id}: {m.group(0)!r}" for f in _section_facts(catalog)
           for text in (f.text_es, f.note_es) for m in european.finditer(text)]
    assert not bad, bad
    for fact in _section_facts(catalog):
        assert "billones de dólares" not in fact.text_es or fact.unit == "usd_tn", fact.id
        assert "USMCA" not in fact.text_es, f"{fact.id}: Spanish text should say T-MEC"


def test_sources_are_the_agencies_the_report_names(catalog: Catalog) -> None:
    allowed: set[str] = set()
    for name in ("agencies.toml", "report.toml", "sections_extra.toml"):
        with open(data_dir() / "sources" / name, "rb") as handle:
            allowed |= {block["id"] for block in tomllib.load(handle)["source"]}
    for fact in _section_facts(catalog):
        assert "nap-2026" in fact.sources, fact.id
        assert set(fact.sources) <= allowed, f"{fact.id}: {fact.sources}"
        assert all(catalog.sources[s].status == "report" for s in fact.sources), fact.id
        assert bool(fact.note_en) == bool(fact.note_es), f"{fact.id}: note in one language only"
