"""Search: accent/case-insensitive over both languages, sources, countries, topics; filters; speed structure."""

from __future__ import annotations

import dataclasses

from nap_desktop.core.catalog.search import SearchIndex, normalise


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
    monkeypatch.setattr("nap_desktop.core.catalog.search.normalise",
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


def _reference_ids(catalog, query, countries=(), section=None):
    """What the search must find, by brute force: each query word starts a word of the fact's text."""
    from nap_desktop.core.catalog.search import _COUNTRY_ALIASES, COUNTRY_NAMES, _words

    order = {s.id: s.order for s in catalog.sections}
    facts = sorted(catalog.facts, key=lambda f: order.get(f.section, len(order) + 1))
    terms = _words(query).split()
    out = []
    for fact in facts:
        sec = catalog.section(fact.section)
        fields = [fact.topic, fact.id, fact.period, fact.text_en, fact.text_es, fact.label_en, fact.label_es,
                  fact.note_en, fact.note_es, sec.title_en if sec else "", sec.title_es if sec else ""]
        for code in fact.countries:
            fields += [code, *COUNTRY_NAMES.get(code, {}).values(), _COUNTRY_ALIASES.get(code, "")]
        for sid in fact.sources:
            src = catalog.sources.get(sid)
            if src is not None:
                fields += [src.publisher, src.title]
        words = " ".join(_words(f) for f in fields if f).split()
        if countries and not set(countries) & set(fact.countries):
            continue
        if section is not None and fact.section != section:
            continue
        if all(any(w.startswith(t) for w in words) for t in terms):
            out.append(fact.id)
    return out


def test_every_prefix_of_every_word_finds_what_a_full_scan_finds(sample_catalog):
    """Short prefixes come from a table merged at build time, longer ones from the vocabulary: both exact."""
    index = SearchIndex(sample_catalog)
    words = sorted(set(index._vocab))
    assert "exportacion" in words and "laredo" in words
    probes = sorted({w[:k] for w in words for k in (1, 2, 3, 4, 5, 8)}) + ["zzz", "zzzz", "1.", "u.s"]
    for probe in probes:
        assert ids(index.search(probe)) == _reference_ids(sample_catalog, probe), probe
    cases = [("mex", ("MX", "CA"), None), ("trade 20", ("US",), "usmca"), ("produc vehic", (), "autos"),
             ("", ("XX",), None), ("e", (), "nope")]
    for query, countries, section in cases:
        got = index.search(query, countries=countries, section=section)
        want = _reference_ids(sample_catalog, query, countries, section)
        assert ids(got) == want, (query, countries, section)


def test_fast_index_tokeniser_matches_the_query_tokeniser():
    """The build splits text with bytes tricks; it must cut exactly where a typed query is cut."""
    from nap_desktop.core.catalog.search import _index_words, _words

    for text in ["Exportación agrícola: 32.7% (¿cuánto?) — U.S.–Mexico, 1,234.5 bn", "ﬁne Straße İstanbul Ａｂｃ½",
                 "“quoted” a_b a-b a/b a\u00a0b a\u2003b a\u3000b 北京 日本語 ² ³ ❤ 😀x 𝐀𝐁", "a\tb\nc\x85d\u2028e",
                 "", "   ", "...", "−5.6 %"]:
        assert _index_words(text) == _words(text).split(), text


def test_empty_catalog_finds_nothing(sample_catalog):
    index = SearchIndex(dataclasses.replace(sample_catalog, facts=()))
    result = index.search("mexico")
    assert result.facts == () and result.section_counts == {}
    assert index.search("").facts == ()
