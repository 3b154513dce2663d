"""Search as you type reuses the previous keystroke's matches: it must give exactly what a fresh search gives."""

from __future__ import annotations

from nap_desktop.core.catalog.search import SearchIndex


def _ids(result):
    return [f.id for f in result.facts]


def test_typing_backspacing_and_filter_changes_match_a_fresh_search(sample_catalog):
    typed = SearchIndex(sample_catalog)
    steps: list[tuple[str, tuple[str, ...], str | None]] = []
    for word in ("exportacion", "port laredo", "mexico canada", "produccion vehiculos"):
        steps += [(word[:i], (), None) for i in range(1, len(word) + 1)]  # typing
        steps += [(word[:i], (), None) for i in range(len(word) - 1, 0, -1)]  # backspacing
    steps += [("mex", ("MX",), None), ("mexi", ("MX",), None), ("mexi", (), None), ("mexic", ("CA",), None),
              ("trade", (), "usmca"), ("trade b", (), "usmca"), ("b trade", (), None), ("", (), None),
              ("por", (), None), ("port", ("US",), None), ("ports", ("US",), None), ("s", (), None),
              # several countries at once; words past the short-prefix table; a word replaced mid-query
              ("m", ("MX", "CA"), None), ("mexi", ("MX", "CA"), None), ("mexico 20", ("MX", "CA"), "usmca"),
              ("mexico 2025", ("CA", "MX"), None), ("mexico trade", ("CA", "MX"), None), ("mexico tr", (), None)]
    for query, countries, section in steps:
        fresh = SearchIndex(sample_catalog).search(query, countries=countries, section=section)
        got = typed.search(query, countries=countries, section=section)
        assert _ids(got) == _ids(fresh), (query, countries, section)
        assert got.section_counts == fresh.section_counts, (query, countries, section)


def test_a_longer_word_never_keeps_a_fact_the_shorter_one_did_not_match(sample_catalog):
    index = SearchIndex(sample_catalog)
    assert _ids(index.search("ex"))  # something matches "ex…"
    # "mex" is not an extension of the word "ex": facts with "mexico" but no word starting "ex" must appear.
    assert _ids(index.search("mex")) == _ids(SearchIndex(sample_catalog).search("mex"))
    assert _ids(index.search("mex"))
