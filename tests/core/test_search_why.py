"""Search that shows why (core, no Qt): which words to mark in a card's text, and where a fact matched."""

from __future__ import annotations

from nap_desktop.core.catalog.search import SearchIndex, highlight_spans


def _marked(text, terms):
    return [text[a:b] for a, b in highlight_spans(text, terms)]


def test_spans_map_accent_and_case_free_matches_back_to_the_original_words():
    text = "La frontera México–Estados Unidos, con 2.39 mil millones; MEXICO."
    assert _marked(text, ["mexico"]) == ["México", "MEXICO"]
    assert _marked(text, ["est", "2.3"]) == ["Estados", "2.39"]
    assert _marked(text, ["front", "fronter"]) == ["frontera"]  # the whole word, once
    assert _marked(text, ["unidos"]) == ["Unidos"]  # the comma after it is not marked
    assert _marked(text, ["zzz"]) == [] and _marked("", ["a"]) == [] and _marked(text, []) == []


def test_spans_keep_decomposed_accents_and_expanded_letters_with_their_word():
    text = "Me\u0301xico y Straße"  # an accent typed as a combining mark; ß folds to "ss"
    assert _marked(text, ["mexico", "strass"]) == ["Me\u0301xico", "Straße"]


def test_matches_say_where_the_words_the_card_lacks_were_found(sample_catalog):
    index = SearchIndex(sample_catalog)
    border = sample_catalog.fact("usmca-border-daily-trade")
    result = index.search("frontera")
    assert result.facts == (border,)
    assert result.matches.where(border, "en", [border.text_en]) == ("text_es",)
    assert result.matches.where(border, "es", [border.text_es]) == ()
    result = index.search("border")
    assert result.matches.where(border, "es", [border.text_es]) == ("text_en",)
    autos = sample_catalog.fact("autos-mexico-production")
    result = index.search("inegi mexico")
    assert result.matches.where(autos, "en", [autos.text_en]) == ("source",)
    growth = sample_catalog.fact("usmca-trade-trilateral-growth")
    result = index.search("services")
    assert result.matches.where(growth, "en", [growth.text_en]) == ("note",)
    assert index.search("").matches is None  # no query, nothing to show
