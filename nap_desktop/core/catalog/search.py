"""Search over the catalog's facts: accent- and case-insensitive, both languages, with filters (no Qt).

The text of every fact (statements in both languages, sources, countries, topic, section) is
normalised once when the index is built, into an inverted index: word -> the set of facts that
contain it, kept as a Python int used as a bitset (bit i = the i-th fact in catalog order). A query
word matches the words it starts, a contiguous run of the sorted vocabulary, so a keystroke is a few
ORs and ANDs of bitsets whatever the size of the catalog; short prefixes (the first letters typed,
which match the most words) are merged once at build time.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from nap_desktop.core.catalog.model import Catalog, Fact

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


#: ASCII bytes that are not word characters -> space; every other byte (UTF-8 sequences included) kept.
_ASCII_BREAKS = bytes(c if c >= 128 or chr(c).isalnum() or chr(c) in "_.,%" else 32 for c in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _index_words(text: str) -> list[str]:
    """``_words(text).split()``, several times faster on long text (the index build, not per keystroke).

    The few non-ASCII characters left after removing accents are turned into breaks one distinct
    character at a time unless they are alphanumeric (as \\w is); the ASCII breaks are one C-level
    bytes translation; whitespace splits the rest.
    """
    text = unicodedata.normalize("NFKD", text.casefold())
    if not text.isascii():
        text = _COMBINING.sub("", text)
        for char in set(_NON_ASCII.findall(text)):
            if not char.isalnum():
                text = text.replace(char, " ")
    return text.encode("utf-8").translate(_ASCII_BREAKS).decode("utf-8").split()


def country_name(code: str, lang: str) -> str:
    names = COUNTRY_NAMES.get(code)
    return names.get(lang, code) if names else code


#: Query words up to this long are looked up in a table merged at build time (they match the most
#: vocabulary words); longer ones OR the few vocabulary words they start.
_SHORT_PREFIX = 3
#: '0'/'1' digits of a bitset written in binary -> 0/1 bytes, the selectors of itertools.compress.
_DIGITS_TO_FLAGS = bytes.maketrans(b"01", b"\x00\x01")
#: 0/1 bytes (one per fact) -> '0'/'1' digits, read back as a bitset with int(..., 2).
_FLAGS_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


@dataclass(frozen=True)
class SearchResult:
    facts: tuple[Fact, ...]
    #: matching facts per section id (before the section filter), for the navigation counts
    section_counts: dict[str, int]
    #: what the query matched, for showing why (highlights, "matched in the Spanish text"); None: no query
    matches: Matches | None = field(default=None, compare=False)


#: Word runs of normalised text, as the index splits it (letters, digits, and . , % inside numbers).
_TOKEN = re.compile(r"[\w.,%]+")


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[tuple[str, int], ...], tuple[int, ...] | None]:
    """The normalised words of `text` with where each starts, and the map back to `text`.

    Returns ((word, start in the normalised text), ...) and, when normalising changed positions
    (accents, 'ß' -> 'ss'), the index in `text` of every normalised character (None: the same).
    Cached: a card shows the same statement keystroke after keystroke.
    """
    if text.isascii():
        norm, origin = text.lower(), None
    else:
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(text):
            if ch.isascii():
                chars.append(ch.lower())
                where.append(i)
                continue
            for c in _COMBINING.sub("", unicodedata.normalize("NFKD", ch.casefold())):
                chars.append(c if c.isascii() or c.isalnum() else " ")  # as _index_words: a break
                where.append(i)
        norm, origin = "".join(chars), tuple(where)
    return tuple((m.group(), m.start()) for m in _TOKEN.finditer(norm)), origin


def highlight_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) in `text` of every word a query term matches, the term being the start of the word,
    accents and capitals aside ('mexi' -> the span of 'México'); a comma or full stop after the word is
    left out unless typed. In order, never overlapping."""
    terms = tuple(t for t in terms if t)
    if not terms or not text:
        return []
    words, origin = _tokens(text)
    spans = []
    for word, start in words:
        typed = 0
        for term in terms:
            if len(term) > typed and word.startswith(term):
                typed = len(term)
        if not typed:
            continue
        length = max(typed, len(word.rstrip(".,")))  # the whole word: marks that do not move as one types on
        if origin is None:
            spans.append((start, start + length))
        else:
            a, end = origin[start], origin[start + length - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):  # a decomposed accent stays with its letter
                end += 1
            spans.append((a, end))
    return spans


#: Where a fact's words come from, for "matched in ...": its statement (with the figure's label) in each
#: language, its note, its sources, countries, section, topic, period and id.
MATCH_FIELDS = ("text_en", "text_es", "note", "source", "country", "section", "topic", "period", "id")


class Matches:
    """What a query matched, for showing it on the cards: the words to highlight and where a fact matched.

    Computed only for the cards on screen, from the fact's fields normalised once (cached per fact),
    so the keystroke pays for a dozen cards whatever the number of results.
    """

    __slots__ = ("terms", "_index", "_spans", "_where")

    def __init__(self, index: SearchIndex, terms: tuple[str, ...]):
        self.terms = terms
        self._index = index
        self._spans: dict[str, list[tuple[int, int]]] = {}  # remembered: a card asks again as it is rebound
        self._where: dict[tuple[str, str], tuple[str, ...]] = {}

    def spans(self, text: str) -> list[tuple[int, int]]:
        found = self._spans.get(text)
        if found is None:
            found = self._spans[text] = highlight_spans(text, self.terms)
        return found

    def where_cached(self, fact: Fact, lang: str) -> tuple[str, ...] | None:
        """What ``where`` returned for this fact and language, if it was asked already."""
        return self._where.get((fact.id, lang))

    def where(self, fact: Fact, lang: str, shown: Iterable[str] = ()) -> tuple[str, ...]:
        """Where the query words that the card's own text (`shown`: its statement, its headline) lacks
        were found: for each such word the first of the other language's statement ('text_en' /
        'text_es'), the note in `lang`, then source, country, ... that has it; in MATCH_FIELDS order.
        () when the card's text has every word."""
        key = (fact.id, lang)
        found_before = self._where.get(key)
        if found_before is not None:
            return found_before
        result = self._where[key] = self._find_where(fact, lang, shown)
        return result

    def _find_where(self, fact: Fact, lang: str, shown: Iterable[str]) -> tuple[str, ...]:
        shown_words = [w for text in shown for w, _ in _tokens(text)[0]]
        missing = [t for t in self.terms if not any(w.startswith(t) for w in shown_words)]
        if not missing:
            return ()
        groups = self._index.fact_fields(fact)
        other = "text_en" if lang == "es" else "text_es"
        # the card's own statement was checked above; its note, then the rest, in MATCH_FIELDS order
        order = [(other, groups[other]), ("note", groups[f"note_{lang}"])]
        order += [(name, groups[name]) for name in MATCH_FIELDS[3:]]
        found: set[str] = set()
        for term in missing:  # the first place each missing word is found: the reason, not every place
            for name, words in order:
                if any(w.startswith(term) for w in words):
                    found.add(name)
                    break
        return tuple(name for name in MATCH_FIELDS if name in found)


def _bitset(positions: list[int], size: int) -> int:
    """The int with bit i set for every i in `positions` (all < size)."""
    flags = bytearray(size)
    for i in positions:
        flags[i] = 1
    return int(flags.translate(_FLAGS_TO_DIGITS)[::-1], 2)


class SearchIndex:
    """Built once per catalog; ``search`` is then cheap enough to run on every keystroke.

    Facts are numbered in catalog order (sections in the report's order, then the catalog's order
    within a section); every set of facts (a word's, a country's, a section's, a query's matches) is
    a bitset over those numbers, so intersecting, counting per section and listing the matches in
    order are a handful of C-level big-int operations.
    """

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        order = {s.id: s.order for s in catalog.sections}
        # Sections in the report's order; within a section, the catalog's order.
        self._facts: tuple[Fact, ...] = tuple(
            sorted(catalog.facts, key=lambda f: order.get(f.section, len(order) + 1)))
        size = len(self._facts)
        self._all = (1 << size) - 1
        postings: dict[str, list[int]] = {}
        countries: dict[str, list[int]] = {}
        sections: dict[str, list[int]] = {}
        for i, fact in enumerate(self._facts):
            for word in set(self._words_of(fact)):
                found = postings.get(word)
                if found is None:
                    postings[word] = [i]
                else:
                    found.append(i)
            for code in set(fact.countries):
                countries.setdefault(code, []).append(i)
            sections.setdefault(fact.section, []).append(i)
        #: every distinct word of the catalog, sorted: the words a query word starts are a contiguous run
        self._vocab: list[str] = sorted(postings)
        self._word_bits: list[int] = [_bitset(postings[w], size) for w in self._vocab]
        short: dict[str, int] = {}
        for word, bits in zip(self._vocab, self._word_bits):
            for k in range(1, min(len(word), _SHORT_PREFIX) + 1):
                prefix = word[:k]
                short[prefix] = short.get(prefix, 0) | bits
        self._short = short
        self._country_bits = {code: _bitset(ps, size) for code, ps in countries.items()}
        #: in the order sections first occur, so the counts come out in the report's order
        self._section_bits = {sid: _bitset(ps, size) for sid, ps in sections.items()}
        # query words + country filter -> matching bitset; the last one narrows the next keystroke
        self._cache: dict[tuple[tuple[str, ...], frozenset[str]], int] = {}
        self._last: tuple[tuple[str, ...], frozenset[str]] | None = None
        #: fact id -> (the fact, its words per field group), see fact_fields
        self._fields: dict[str, tuple[Fact, dict[str, tuple[str, ...]]]] = {}

    def fact_fields(self, fact: Fact) -> dict[str, tuple[str, ...]]:
        """A fact's normalised words by where they come from (for Matches.where), built on first use."""
        found = self._fields.get(fact.id)
        if found is not None and found[0] is fact:  # a library edit replaces the fact: then rebuilt
            return found[1]
        cat = self.catalog
        country_words = []
        for code in fact.countries:
            country_words += [code, *COUNTRY_NAMES.get(code, {}).values(), _COUNTRY_ALIASES.get(code, "")]
        section = cat.section(fact.section)
        source_words = []
        for sid in fact.sources:
            src = cat.sources.get(sid)
            if src is not None:
                source_words += [src.publisher, src.title, src.title_es]
        raw = {
            "text_en": [fact.text_en, fact.label_en, fact.note_en],
            "text_es": [fact.text_es, fact.label_es, fact.note_es],
            "note_en": [fact.note_en], "note_es": [fact.note_es],
            "source": source_words, "country": country_words,
            "section": [section.title_en, section.title_es] if section is not None else [],
            "topic": [fact.topic], "period": [fact.period], "id": [fact.id],
        }
        groups: dict[str, tuple[str, ...]] = {k: tuple(_index_words(" ".join(p for p in v if p)))
                                              for k, v in raw.items()}
        if len(self._fields) > 4096:
            self._fields.clear()
        self._fields[fact.id] = (fact, groups)
        return groups

    def _words_of(self, fact: Fact) -> list[str]:
        """The normalised words a query word can start, for one fact (with repeats)."""
        cat = self.catalog
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
                parts += [src.publisher, src.title, src.title_es]
        # One pass over all fields (a space between two fields is a word break, as between two words):
        # the same words as normalising each field on its own, at a fraction of the cost.
        return _index_words(" ".join(p for p in parts if p))

    def search(self, query: str = "", *, countries: Iterable[str] = (), section: str | None = None) -> SearchResult:
        """Facts with a word starting with each word of ``query`` (any order), filtered, in catalog order."""
        terms = tuple(t for t in _words(query).split(" ") if t)
        matched = self._matching(terms, frozenset(countries))
        counts: dict[str, int] = {}
        for sid, bits in self._section_bits.items():
            n = (matched & bits).bit_count()
            if n:
                counts[sid] = n
        if section is not None:
            matched &= self._section_bits.get(section, 0)
        return SearchResult(self._select(matched), counts, Matches(self, terms) if terms else None)

    def _select(self, bits: int) -> tuple[Fact, ...]:
        """The facts whose bits are set, in catalog order."""
        if bits == self._all:
            return self._facts
        if not bits:
            return ()
        # Bit i of the int is digit i from the right of its binary form: reversed, one 0/1 flag per fact.
        flags = format(bits, "b")[::-1].encode("ascii").translate(_DIGITS_TO_FLAGS)
        return tuple(compress(self._facts, flags))

    def _prefix_bits(self, term: str) -> int:
        """Facts with a word that starts with `term`."""
        if len(term) <= _SHORT_PREFIX:
            return self._short.get(term, 0)
        vocab, word_bits = self._vocab, self._word_bits
        bits = 0
        i = bisect_left(vocab, term)
        while i < len(vocab) and vocab[i].startswith(term):
            bits |= word_bits[i]
            i += 1
        return bits

    def _matching(self, terms: tuple[str, ...], wanted: frozenset[str]) -> int:
        """Bitset of the facts matching every term and the country filter (before the section filter).

        Per keystroke (measured by tests/benchmarks/bench_search.py on a catalog 100x ours): typing
        only narrows, so a query that extends the previous one ANDs the new or longer words into the
        previous matches, and backspace finds the shorter query in a small cache; otherwise the
        country filter and every word's bitset are ANDed, the longest (most selective) word first.
        """
        key = (terms, wanted)
        cached = self._cache.get(key)
        if cached is not None:
            self._last = key
            return cached
        todo = list(terms)
        bits: int | None = None
        if self._last is not None and self._last[1] == wanted and self._last[0]:
            old = self._last[0]
            # Every old word starts the new word at its place: the new matches are a subset.
            if len(terms) >= len(old) and all(n.startswith(o) for o, n in zip(old, terms)):
                bits = self._cache[self._last]
                todo = [n for i, n in enumerate(terms) if i >= len(old) or n != old[i]]
        if bits is None:
            if wanted:
                bits = 0
                for code in wanted:
                    bits |= self._country_bits.get(code, 0)
            else:
                bits = self._all
        for term in sorted(todo, key=len, reverse=True):
            if not bits:
                break
            bits &= self._prefix_bits(term)
        if len(self._cache) >= 64:
            self._cache.clear()
        self._cache[key] = bits
        self._last = key
        return bits

    def countries(self) -> list[str]:
        """Country codes that occur in the catalog, most frequent first."""
        tally = {code: bits.bit_count() for code, bits in self._country_bits.items()}
        return sorted(tally, key=lambda c: (-tally[c], c))
