"""Search over the catalog's facts: accent- and case-insensitive, both languages, with filters (no Qt).

The haystack of every fact (statements in both languages, sources, countries, topic, section) is
normalised once when the index is built, so a keystroke is only a few substring tests per fact.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from nap_desktop.core.model import Catalog, Fact

#: Country codes used in the catalog and the names a user may type for them (both languages).
COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "US": {"en": "United States", "es": "Estados Unidos"},
    "MX": {"en": "Mexico", "es": "México"},
    "CA": {"en": "Canada", "es": "Canadá"},
    "CN": {"en": "China", "es": "China"},
    "TW": {"en": "Taiwan", "es": "Taiwán"},
    "DE": {"en": "Germany", "es": "Alemania"},
    "JP": {"en": "Japan", "es": "Japón"},
    "VN": {"en": "Vietnam", "es": "Vietnam"},
    "MY": {"en": "Malaysia", "es": "Malasia"},
    "IN": {"en": "India", "es": "India"},
    "TH": {"en": "Thailand", "es": "Tailandia"},
    "KR": {"en": "South Korea", "es": "Corea del Sur"},
    "IE": {"en": "Ireland", "es": "Irlanda"},
    "IT": {"en": "Italy", "es": "Italia"},
    "BR": {"en": "Brazil", "es": "Brasil"},
    "FR": {"en": "France", "es": "Francia"},
    "EU": {"en": "European Union", "es": "Unión Europea"},
    "NA": {"en": "North America", "es": "América del Norte"},
    "WORLD": {"en": "World", "es": "Mundo"},
    "ASIA": {"en": "Asia", "es": "Asia"},
    "LAC": {"en": "Latin America and the Caribbean", "es": "América Latina y el Caribe"},
}

#: Extra words people type for a country ("USA", "EE.UU.").
_COUNTRY_ALIASES = {
    "US": "usa u.s. us eeuu ee.uu. america estadounidense american",
    "MX": "mexican mexicano mexicana",
    "CA": "canadian canadiense",
    "CN": "chinese chino",
    "EU": "ue europe europa",
}

_COMBINING = re.compile(r"[\u0300-\u036f]")
_SPACES = re.compile(r"\s+")
# Word boundaries for matching: everything but letters, digits and the marks that sit inside
# numbers and abbreviations ("1.6", "1,234", "32.7%", "u.s.").
_BREAKS = re.compile(r"[^\w.,%]+")


def normalise(text: str) -> str:
    """Lower-case, accents removed, whitespace collapsed: 'Exportación' -> 'exportacion'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _SPACES.sub(" ", _COMBINING.sub("", decomposed)).strip()


def _words(text: str) -> str:
    return _BREAKS.sub(" ", normalise(text)).strip()


def country_name(code: str, lang: str) -> str:
    names = COUNTRY_NAMES.get(code)
    return names.get(lang, code) if names else code


@dataclass(frozen=True)
class SearchResult:
    facts: tuple[Fact, ...]
    #: matching facts per section id (before the section filter), for the navigation counts
    section_counts: dict[str, int]


class SearchIndex:
    """Built once per catalog; ``search`` is then cheap enough to run on every keystroke."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        order = {s.id: s.order for s in catalog.sections}
        # Sections in the report's order; within a section, the catalog's order.
        self._facts: list[Fact] = sorted(catalog.facts, key=lambda f: order.get(f.section, len(order) + 1))
        self._haystacks: list[str] = [self._haystack(f) for f in self._facts]
        self._countries: list[frozenset[str]] = [frozenset(f.countries) for f in self._facts]
        self._sections: list[str] = [f.section for f in self._facts]
        # query terms + country filter -> matching indices; the last one narrows the next keystroke
        self._cache: dict[tuple[tuple[str, ...], frozenset[str]], list[int]] = {}
        self._last: tuple[tuple[str, ...], frozenset[str]] | None = None

    def _haystack(self, fact: Fact) -> str:
        cat = self.catalog
        # Short fields that many queries hit (countries, section, topic) first: a matching term is
        # then found after a few characters instead of after both statements.
        parts: list[str] = []
        for code in fact.countries:
            parts.append(code)
            parts += COUNTRY_NAMES.get(code, {}).values()
            parts.append(_COUNTRY_ALIASES.get(code, ""))
        section = cat.section(fact.section)
        if section is not None:
            parts += [section.title_en, section.title_es]
        parts += [fact.topic, fact.id, fact.period, fact.text_en, fact.text_es,
                  fact.label_en, fact.label_es, fact.note_en, fact.note_es]
        for sid in fact.sources:
            src = cat.sources.get(sid)
            if src is not None:
                parts += [src.publisher, src.title]
        # Every word once, each after a space, so " term" in the haystack means "a word starting with
        # term" (query terms never contain a space, so they cannot match across two words or fields).
        # Repeated words are dropped: a third less text to scan per keystroke on a large catalog.
        words = " ".join(_words(p) for p in parts if p).split(" ")
        return " " + " ".join(dict.fromkeys(w for w in words if w))

    def search(self, query: str = "", *, countries: Iterable[str] = (), section: str | None = None) -> SearchResult:
        """Facts with a word starting with each word of ``query`` (any order), filtered, in catalog order."""
        terms = tuple(" " + t for t in _words(query).split(" ") if t)
        matched = self._matching(terms, frozenset(countries))
        facts, sections = self._facts, self._sections
        counts = dict(Counter(map(sections.__getitem__, matched)))
        if section is None:
            found = tuple(map(facts.__getitem__, matched))
        else:
            found = tuple(facts[i] for i in matched if sections[i] == section)
        return SearchResult(found, counts)

    def _matching(self, terms: tuple[str, ...], wanted: frozenset[str]) -> list[int]:
        """Indices of the facts matching every term and the country filter (before the section filter).

        Per keystroke (measured by tests/benchmarks/bench_search.py on a catalog 100x ours): typing
        only narrows, so a query that extends the previous one filters the previous matches, and
        backspace finds the shorter query in a small cache; a full scan checks one term at a time,
        the longest (most selective) first.
        """
        key = (terms, wanted)
        cached = self._cache.get(key)
        if cached is not None:
            self._last = key
            return cached
        todo = list(terms)
        candidates: Iterable[int] = range(len(self._facts))
        if self._last is not None and self._last[1] == wanted and self._last[0]:
            old = self._last[0]
            # Every old term is contained in the new term at its place: the new matches are a subset.
            if len(terms) >= len(old) and all(o in n for o, n in zip(old, terms)):
                candidates = self._cache[self._last]
                todo = [n for i, n in enumerate(terms) if i >= len(old) or n != old[i]]
        if wanted and candidates is not None and isinstance(candidates, range):
            fact_countries = self._countries
            candidates = [i for i in candidates if wanted & fact_countries[i]]
        haystacks = self._haystacks
        for term in sorted(todo, key=len, reverse=True):
            candidates = [i for i in candidates if term in haystacks[i]]
        result = list(candidates)
        if len(self._cache) >= 64:
            self._cache.clear()
        self._cache[key] = result
        self._last = key
        return result

    def countries(self) -> list[str]:
        """Country codes that occur in the catalog, most frequent first."""
        tally: dict[str, int] = {}
        for codes in self._countries:
            for code in codes:
                tally[code] = tally.get(code, 0) + 1
        return sorted(tally, key=lambda c: (-tally[c], c))
