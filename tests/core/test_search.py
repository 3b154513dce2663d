"""Search: accent/case-insensitive over both languages, sources, countries, topics; filters; speed structure."""

from __future__ import annotations

import dataclasses

from nap_desktop.core.search import SearchIndex, normalise


def ids(result):
    return [f.id for f in result.facts]


def test_normalise_strips_accents_and_case():
    assert normalise("  Exportación  MÉXICO ") == "exportacion mexico"
    assert normalise("Canadá") == "canada"


def test_unaccented_query_finds_accented_spanish_text(sample_catalog):
    index = SearchIndex(sample_catalog)
    # "exportación" only occurs in the Spanish statement of the food fact.
    assert ids(index.search("exportacion")) == ["food-mexico-share-ag-imports"]
    assert ids(index.search("EXPORTACIÓN")) == ["food-mexico-share-ag-imports"]


def test_every_word_must_match_in_any_order(sample_catalog):
    index = SearchIndex(sample_catalog)
    assert ids(index.search("laredo port")) == ["usmca-laredo-port"]
    assert ids(index.search("port laredo")) == ["usmca-laredo-port"]
    assert ids(index.search("laredo trilateral")) == []


def test_matches_sources_countries_and_topics(sample_catalog):
    index = SearchIndex(sample_catalog)
    # publisher of a source
    assert ids(index.search("transportation statistics")) == ["usmca-laredo-port"]
    # the Spanish name of a country the statement does not spell out
    assert ids(index.search("canada")) == ["usmca-trade-trilateral-growth"]
    # topic tag
    assert ids(index.search("ports")) == ["usmca-border-daily-trade", "usmca-laredo-port"]
    # Spanish statement word, matched without its accent
    assert "autos-mexico-production" in ids(index.search("produccion vehiculos"))


def test_filters_by_country_and_section_and_counts_per_section(sample_catalog):
    index = SearchIndex(sample_catalog)
    result = index.search("", countries=["CA"])
    assert ids(result) == ["usmca-trade-trilateral-growth"]
    result = index.search("2025", section="usmca")
    assert all(f.section == "usmca" for f in result.facts)
    assert len(result.facts) == 3
    # counts ignore the section filter, so the navigation can show them for every section
    assert result.section_counts == {"usmca": 3, "food": 1, "autos": 1}


def test_empty_query_returns_everything_in_catalog_order(sample_catalog):
    index = SearchIndex(sample_catalog)
    assert ids(index.search("   ")) == [f.id for f in sample_catalog.facts]


def test_haystacks_are_built_once_not_per_keystroke(sample_catalog, monkeypatch):
    index = SearchIndex(sample_catalog)
    calls = []
    monkeypatch.setattr("nap_desktop.core.search.normalise",
                        lambda text, _n=normalise: calls.append(text) or _n(text))
    for prefix in ("e", "ex", "exp", "expo"):
        index.search(prefix)
    # only the query itself is normalised per keystroke
    assert calls == ["e", "ex", "exp", "expo"]


def test_large_catalog_search_stays_correct(sample_catalog):
    facts = [dataclasses.replace(f, id=f"{f.id}-{n}") for n in range(100) for f in sample_catalog.facts]
    big = dataclasses.replace(sample_catalog, facts=tuple(facts))
    index = SearchIndex(big)
    assert len(index.search("exportacion").facts) == 100
    assert len(index.search("laredo", countries=["MX"]).facts) == 100
