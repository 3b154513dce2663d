"""The catalog's objects: sources, sections, facts, datasets, chart specs (plain data, no Qt)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("official", "report", "secondary")
LANGS = ("en", "es")

#: What each status means, shown in tooltips, exports and the sources appendix.
STATUS_LABELS = {
    "official": {
        "en": "Official: read from the statistical agency's own release",
        "es": "Oficial: tomado de la publicación del propio organismo estadístico",
    },
    "report": {
        "en": "As published in The North American Project report, which cites the agency named",
        "es": "Según lo publicado en el informe The North American Project, que cita al organismo indicado",
    },
    "secondary": {
        "en": "Secondary: an agency figure as reproduced by press or a third party; use with caution",
        "es": "Secundaria: cifra de un organismo reproducida por prensa o terceros; úsese con cautela",
    },
}

STATUS_SHORT = {
    "official": {"en": "Official", "es": "Oficial"},
    "report": {"en": "Report", "es": "Informe"},
    "secondary": {"en": "Secondary", "es": "Secundaria"},
}


_PUBLISHER_WORDS_ES = ((re.compile(r",\s+citing\s+"), ", citando a "), (re.compile(r"\s+via\s+"), " vía "),
                       (re.compile(r"\(Mexico\)"), "(México)"))


def publisher_in(publisher: str, lang: str) -> str:
    """A publisher string with our connecting words ("citing", "via") in ``lang``."""
    if lang != "es":
        return publisher
    for pattern, words in _PUBLISHER_WORDS_ES:
        publisher = pattern.sub(words, publisher)
    return publisher


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    status: str
    url: str = ""
    date: str = ""
    note: str = ""
    origin: str = "bundled"  # "bundled" (data/) or "user" (the user library)
    #: Spanish title where ours describes the publication (a title as published stays as it is: no title_es)
    title_es: str = ""
    #: Spanish note (bundled sources with a note must have one; a user's own note is in the user's words)
    note_es: str = ""
    #: the agency's name as Spanish outputs write it (the glossary's name), where it has one
    publisher_es: str = ""
    #: why there is no specific URL (a front page or none) / no date, in English and Spanish: what a reader
    #: is told beside the source wherever it is shown (data check requires one where the URL or date is missing)
    no_url_reason: str = ""
    no_url_reason_es: str = ""
    no_date_reason: str = ""
    no_date_reason_es: str = ""

    def url_reason(self, lang: str) -> str:
        return self.no_url_reason_es if lang == "es" and self.no_url_reason_es else self.no_url_reason

    def date_reason(self, lang: str) -> str:
        return self.no_date_reason_es if lang == "es" and self.no_date_reason_es else self.no_date_reason

    def reasons(self, lang: str) -> str:
        """The full reasons, as one text (notes, the Sources view, the workbook, the manifest)."""
        parts = [r.rstrip(".") + "." for r in (self.url_reason(lang), self.date_reason(lang)) if r.strip()]
        return " ".join(p[0].upper() + p[1:] for p in parts)

    def date_text(self, lang: str) -> str:
        """The date as a citation writes it: 'n.d.' / 's. f.' (sin fecha) where it has none, for a reason."""
        if self.date.strip():
            return self.date
        return ("s. f." if lang == "es" else "n.d.") if self.no_date_reason.strip() else ""

    def short_reason(self, lang: str) -> str:
        """The short form for a face: 'as cited in the report, which names no title' (a link-less source),
        'no release date' (a date-less one); empty when the source has its specific URL and date."""
        bits = []
        if self.no_url_reason.strip():
            bits.append("tal como lo cita el informe, que no da título ni enlace" if lang == "es"
                        else "as cited in the report, which names no title or link"
                        if "report cites" in self.no_url_reason else
                        ("sin enlace a la publicación" if lang == "es" else "no link to the publication"))
        if self.no_date_reason.strip():
            bits.append("sin fecha de publicación" if lang == "es" else "no release date")
        return "; ".join(bits)

    def title_in(self, lang: str) -> str:
        """The title as an output in ``lang`` writes it."""
        return self.title_es if lang == "es" and self.title_es else self.title

    def note_in(self, lang: str) -> str:
        """The note as an output in ``lang`` writes it."""
        return self.note_es if lang == "es" and self.note_es else self.note

    def publisher_in(self, lang: str) -> str:
        """The publisher as an output in ``lang`` writes it. Publishers are proper names, but the
        connecting words our data adds ("X, citing Y", "A via FRED") are ours, so a Spanish deck,
        workbook or card must not carry them in English. An agency with a Spanish name in the glossary
        (``publisher_es``) is written with it."""
        if lang == "es" and self.publisher_es:
            return self.publisher_es
        return publisher_in(self.publisher, lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "publisher": self.publisher,
            "title": self.title,
            "url": self.url,
            "date": self.date,
            "status": self.status,
            "note": self.note,
            "origin": self.origin,
            # only when set, so copies in packs saved before these fields existed still compare equal
            **({"title_es": self.title_es} if self.title_es else {}),
            **({"note_es": self.note_es} if self.note_es else {}),
            **({"publisher_es": self.publisher_es} if self.publisher_es else {}),
            **{k: getattr(self, k) for k in ("no_url_reason", "no_url_reason_es", "no_date_reason", "no_date_reason_es")
               if getattr(self, k)},
        }


@dataclass(frozen=True)
class Section:
    id: str
    title_en: str
    title_es: str
    order: int
    color: str

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" else self.title_en


@dataclass(frozen=True)
class Fact:
    id: str
    section: str
    topic: str
    countries: tuple[str, ...]
    value: float | None
    unit: str
    period: str
    text_en: str
    text_es: str
    sources: tuple[str, ...]
    qualifier: str = ""
    value_max: float | None = None
    #: the slide's action title: the fact's message in ~12 words (required for every catalog fact)
    title_en: str = ""
    title_es: str = ""
    decimals: int | None = None
    label_en: str = ""
    label_es: str = ""
    note_en: str = ""
    note_es: str = ""
    chart: str | None = None
    file: str = ""
    line: int = 0
    origin: str = "bundled"  # "bundled" (data/) or "user" (the user library)

    def text(self, lang: str) -> str:
        """The statement; a user fact not yet translated shows its English text (see ``untranslated``)."""
        if lang == "es" and self.text_es.strip():
            return self.text_es
        return self.text_en

    def untranslated(self, lang: str) -> bool:
        """True when ``lang`` is Spanish and the fact has no Spanish statement (a user fact may wait):
        outputs then show the English text, marked, and say which items are untranslated."""
        return lang == "es" and not self.text_es.strip() and bool(self.text_en.strip())

    def title(self, lang: str) -> str:
        """The fact's action title (its message, ~12 words); a fact made without one falls back
        to the start of its statement, cut at a word."""
        own = self.title_es if lang == "es" else self.title_en
        if lang == "es" and not own.strip() and self.untranslated(lang):
            own = self.title_en
        if own.strip():
            return own
        words = self.text(lang).split()
        return " ".join(words[:12]).rstrip(",;:") + ("…" if len(words) > 12 else "")

    def note(self, lang: str) -> str:
        return self.note_es if lang == "es" else self.note_en

    def period_text(self, lang: str) -> str:
        """The period as the language writes it ('as of March 2025' -> 'a marzo de 2025')."""
        from nap_desktop.core.formatting import format_period

        return format_period(self.period, lang)

    def label(self, lang: str) -> str:
        return self.label_es if lang == "es" else self.label_en


@dataclass(frozen=True)
class DatasetRow:
    category: str
    series: str
    period: str
    value: float | None
    source: str
    status: str
    note: str = ""
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "series": self.series,
            "period": self.period,
            "value": self.value,
            "source": self.source,
            "status": self.status,
            "note": self.note,
        }


@dataclass(frozen=True)
class Dataset:
    id: str
    title_en: str
    title_es: str
    unit: str
    frequency: str
    source: str
    status: str
    rows: tuple[DatasetRow, ...]
    notes_en: str = ""
    notes_es: str = ""
    category_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    series_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    file: str = ""
    origin: str = "bundled"  # "bundled" (data/) or "user" (the user library)
    #: how often the agency publishes newer figures and where ([dataset.release]; core/catalog/updates)
    release: dict[str, Any] = field(default_factory=dict)
    #: the agency files whose series map to its rows ([[dataset.update_from]]; core/catalog/updates)
    update_from: tuple[dict[str, Any], ...] = ()

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" and self.title_es.strip() else self.title_en

    def notes(self, lang: str) -> str:
        return self.notes_es if lang == "es" else self.notes_en

    def value(self, *, category: str, period: str, series: str = "") -> float | None:
        row = self.row_index().get((category, series, period))
        if row is None:
            raise KeyError(f"{self.id}: no row category={category!r} series={series!r} period={period!r}")
        return row.value

    def row_index(self) -> dict[tuple[str, str, str], DatasetRow]:
        """(category, series, period) -> the first row with that key, built once (lookups in O(1))."""
        index = self.__dict__.get("_row_index")
        if index is None:
            index = {}
            for row in self.rows:
                index.setdefault((row.category, row.series, row.period), row)
            object.__setattr__(self, "_row_index", index)
        return index


@dataclass(frozen=True)
class Catalog:
    version: str
    sections: tuple[Section, ...]
    sources: dict[str, Source]
    facts: tuple[Fact, ...]
    datasets: dict[str, Dataset] = field(default_factory=dict)
    charts: dict[str, Any] = field(default_factory=dict)  # id -> ChartSpec

    def fact(self, fact_id: str) -> Fact | None:
        return self._fact_index().get(fact_id)

    def _fact_index(self) -> dict[str, Fact]:
        index = self.__dict__.get("_index")
        if index is None:
            index = {f.id: f for f in self.facts}
            object.__setattr__(self, "_index", index)
        return index

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def facts_in(self, section_id: str) -> list[Fact]:
        return [f for f in self.facts if f.section == section_id]
