"""ChartSpec: one Qt-free description per chart, drawn by pyqtgraph, PowerPoint and Excel alike.

A chart is declared in data/charts/*.toml and resolved here against its dataset into a
``ChartSpec``: ordered categories, series of values aligned with them (None = a gap, with the
reason in ``gaps``), colours, unit, number format, bilingual titles and the sources behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nap_desktop.core.formatting import format_axis_unit, format_value
from nap_desktop.core.catalog.model import STATUSES

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog

#: The chart kinds every front end must draw.
KINDS = ("line", "column", "bar", "grouped", "stacked", "diverging", "share", "timeline", "tilemap", "table")

#: Colour-blind-safe palette (Okabe–Ito); North America in the blues/greens, the rest in warm/grey.
PALETTE = {
    "blue": "#0072B2",
    "sky": "#56B4E9",
    "green": "#009E73",
    "orange": "#E69F00",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "grey": "#7F7F7F",
    "black": "#000000",
}
NORTH_AMERICA_COLOR = PALETTE["blue"]
REST_COLOR = PALETTE["grey"]
#: Negative values (a surplus where the chart shows deficits) in every renderer.
NEGATIVE_COLOR = PALETTE["orange"]


_MONTHS = {"en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
           "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")}
_YEAR_MONTH = re.compile(r"^((?:19|20)\d\d)-(0[1-9]|1[0-2])$")


def month_label(label: str, lang: str) -> str:
    """'2024-01' -> 'Jan 2024' (en) / 'ene 2024' (es); anything else unchanged."""
    m = _YEAR_MONTH.match(label)
    if not m:
        return label
    return f"{_MONTHS['es' if lang == 'es' else 'en'][int(m.group(2)) - 1]} {m.group(1)}"


@dataclass(frozen=True)
class Series:
    key: str
    label_en: str
    label_es: str
    color: str
    values: tuple[float | None, ...]

    def label(self, lang: str) -> str:
        return self.label_es if lang == "es" else self.label_en


@dataclass(frozen=True)
class Gap:
    """A value the chart cannot show, and why (shown on the chart and in its notes)."""

    category: str
    series: str
    reason_en: str
    reason_es: str

    def reason(self, lang: str) -> str:
        return self.reason_es if lang == "es" else self.reason_en


@dataclass(frozen=True)
class ChartSpec:
    id: str
    kind: str
    dataset: str
    title_en: str
    title_es: str
    categories: tuple[str, ...]
    category_labels_en: tuple[str, ...]
    category_labels_es: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str
    decimals: int = 1
    subtitle_en: str = ""
    subtitle_es: str = ""
    #: the chart's own takeaway (the slide's message line), written for this chart
    message_en: str = ""
    message_es: str = ""
    x_title_en: str = ""
    x_title_es: str = ""
    y_title_en: str = ""
    y_title_es: str = ""
    sources: tuple[str, ...] = ()
    status: str = "report"
    notes_en: str = ""
    notes_es: str = ""
    gaps: tuple[Gap, ...] = ()
    #: categories that are North American (drawn in the North America colour where a kind colours by category)
    highlight: tuple[str, ...] = ()
    #: per-category colour where the kind colours by category (share, diverging, tilemap classes)
    category_colors: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    #: kind-specific data: tilemap {"positions": {cat: [row, col]}, "classes": {cat: key},
    #: "class_labels": {key: {"en","es"}}, "class_colors": {key: colour}};
    #: timeline {"dates": {cat: "YYYY-MM-DD"}}
    extra: dict[str, Any] = field(default_factory=dict)
    origin: str = "bundled"  # "bundled" (data/) or "user" (the user library)

    # ---- language helpers ----------------------------------------------------------------
    def title(self, lang: str) -> str:
        """The title; a user chart not yet translated shows its English title."""
        return self.title_es if lang == "es" and self.title_es.strip() else self.title_en

    def subtitle(self, lang: str) -> str:
        return self.subtitle_es if lang == "es" else self.subtitle_en

    def notes(self, lang: str) -> str:
        return self.notes_es if lang == "es" else self.notes_en

    def message(self, lang: str) -> str:
        """The chart's takeaway line (falls back to its subtitle for a chart declared without one)."""
        own = self.message_es if lang == "es" else self.message_en
        return own if own.strip() else self.subtitle(lang)

    def category_labels(self, lang: str) -> tuple[str, ...]:
        """Category labels as every renderer writes them; months "2024-01" read "Jan 2024" / "ene 2024"."""
        labels = self.category_labels_es if lang == "es" else self.category_labels_en
        return tuple(month_label(c, lang) for c in labels)

    def x_title(self, lang: str) -> str:
        return self.x_title_es if lang == "es" else self.x_title_en

    def y_title(self, lang: str) -> str:
        explicit = self.y_title_es if lang == "es" else self.y_title_en
        return explicit or format_axis_unit(self.unit, lang)

    def format(self, value: float | None, lang: str) -> str:
        """A value as the chart labels it (hover, data labels, tables)."""
        if value is None:
            return "n/a" if lang == "en" else "n.d."
        return format_value(value, self.unit, lang, decimals=self.decimals)

    def gap_for(self, category: str, series: str) -> Gap | None:
        return next((g for g in self.gaps if g.category == category and g.series == series), None)

    def table(self, lang: str) -> tuple[list[str], list[list[Any]]]:
        """The chart as a table: header, then one row per category (raw numbers, None for gaps)."""
        header = [self.x_title(lang) or ("Category" if lang == "en" else "Categoría")]
        header += [s.label(lang) for s in self.series]
        labels = self.category_labels(lang)
        rows = [[labels[i]] + [s.values[i] for s in self.series] for i in range(len(self.categories))]
        return header, rows

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "dataset": self.dataset,
            "title_en": self.title_en,
            "title_es": self.title_es,
            "subtitle_en": self.subtitle_en,
            "subtitle_es": self.subtitle_es,
            "message_en": self.message_en,
            "message_es": self.message_es,
            "unit": self.unit,
            "decimals": self.decimals,
            "categories": list(self.categories),
            "category_labels_en": list(self.category_labels_en),
            "category_labels_es": list(self.category_labels_es),
            "series": [
                {"key": s.key, "label_en": s.label_en, "label_es": s.label_es, "color": s.color,
                 "values": list(s.values)}
                for s in self.series
            ],
            "gaps": [g.__dict__ for g in self.gaps],
            "sources": list(self.sources),
            "status": self.status,
            "notes_en": self.notes_en,
            "notes_es": self.notes_es,
            "facts": list(self.facts),
            "extra": self.extra,
            "origin": self.origin,
        }


def weakest_status(statuses: list[str]) -> str:
    """The least trustworthy status among several (official > report > secondary)."""
    present = [s for s in statuses if s in STATUSES]
    if not present:
        return "report"
    return max(present, key=STATUSES.index)


#: The report's own source id: implied by "as published in the report" when an agency is named.
REPORT_SOURCE_ID = "nap-2026"
_CITING = re.compile(r"^(?P<who>.+?),\s+citing\s+(?P<agency>.+)$")
_CITING_ES = re.compile(r"^(?P<who>.+?),\s+citando a\s+(?:la\s+|el\s+)?(?P<agency>.+)$")
#: a glossary term that names an organisation (its Spanish name replaces the English one in Spanish outputs)
_ORGANISATION = re.compile(r"\b(?:Bureau|Service|Bank|Department|Office|Statistics|Agency|Commission|Reserve|"
                           r"Institute|Administration|Fund|Government|Organization|Observatory|Center)\b")


def _glossary_names() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern matching every English organisation name the glossary gives a Spanish name for, in
    its forms (as written, without its '(ACRONYM)', without 'U.S.', the agency after 'Department, ')."""
    global _GLOSSARY_NAMES
    if _GLOSSARY_NAMES is None:
        names: dict[str, str] = {}
        try:
            from nap_desktop.core.catalog.rules import load_glossary
            from nap_desktop.paths import data_dir

            terms = load_glossary(data_dir())
        except Exception:  # noqa: BLE001 - no glossary: names stay as the data gives them
            terms = []
        for term in terms:
            en, es = str(term.get("en", "")), str(term.get("es", ""))
            # "Oficina de Estadísticas Laborales (BLS) de EE. UU., la BLS": the full name, then the short form
            # (and "Statistics Canada (StatCan), StatCan"): the full name is what a source line gives
            es = re.sub(r",\s+(?:(?:la|el|los|las)\s+)?\S+$", "", es)
            if not (en and es and " / " not in es and _ORGANISATION.search(en)) or "short form" in en:
                continue
            forms = {en, en.split(", ")[-1]}
            forms |= {re.sub(r"\s*\([A-Z][A-Za-z&.]{1,9}\)$", "", f) for f in list(forms)}
            forms |= {re.sub(r"^U\.S\.\s+", "", f) for f in list(forms)}
            for form in forms:
                if _ORGANISATION.search(form) and len(form) > 12:
                    names.setdefault(form, es)
        pattern = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(names, key=len, reverse=True))
                              + r")(?!\w)") if names else None)
        _GLOSSARY_NAMES = (pattern, names)
    return _GLOSSARY_NAMES


_GLOSSARY_NAMES: tuple[re.Pattern[str] | None, dict[str, str]] | None = None
#: "datos de la Oficina del Censo", "datos del Banco de …"
_ARTICLE_ES = {"Oficina": "de la", "Secretaría": "de la", "Comisión": "de la", "Administración": "de la",
               "Reserva": "de la", "Junta": "de la", "Organización": "de la", "Banco": "del", "Fondo": "del",
               "Gobierno": "del", "Observatorio": "del", "Centro": "del", "Departamento": "del", "Servicio": "del", "Instituto": "del",
               "ERS": "del"}
_CITING_BARE = re.compile(r"\bcitando a (" + "|".join(k for k in _ARTICLE_ES if k != "ERS") + r")\b")


def spanish_names(text: str) -> str:
    """``text`` with every organisation the glossary names in its Spanish name ('U.S. Census Bureau' ->
    'Oficina del Censo de EE. UU.'): a Spanish source line names agencies as its statements do."""
    pattern, names = _glossary_names()
    if pattern is not None:
        text = pattern.sub(lambda m: names[m.group(0)], text)
    # "citando a Oficina del Censo" -> "citando a la Oficina ...", "citando al Departamento ..."
    return _CITING_BARE.sub(lambda m: ("citando al " if _ARTICLE_ES[m.group(1)] == "del" else "citando a la ")
                            + m.group(1), text)


def source_phrase(src: Any, lang: str) -> str:
    """The agency and how we know its figure, as the face of a slide or chart says it:
    'U.S. Census Bureau (2026)' (its own release), 'U.S. Census Bureau, as published in the report',
    'U.S. Census Bureau data as reported by Reuters' (a third party)."""
    year = src.date[:4] if src.date else ""
    publisher = src.publisher_in(lang) if hasattr(src, "publisher_in") else src.publisher
    if lang == "es":
        publisher = spanish_names(publisher)
    if src.status == "official":
        return f"{publisher} ({year})" if year else publisher
    if src.status == "report":
        short = src.short_reason(lang) if hasattr(src, "short_reason") else ""
        if short.startswith(("as cited in the report", "tal como lo cita el informe")):  # the report names no title
            return f"{publisher}, {short.split(';')[0]}"
        return f"{publisher}, {'as published in the report' if lang == 'en' else 'según el informe'}"
    m = _CITING.match(src.publisher) if lang == "en" else _CITING_ES.match(publisher)
    if m:
        who, agency = m.group("who"), m.group("agency")
        if lang == "en":
            return f"{agency} data as reported by {who}"
        article = _ARTICLE_ES.get(agency.split(" ", 1)[0], "")
        return f"datos {article or 'de'} {agency} según {who}"
    # An agency's own file read from a copy (where the copy was read is in the source's note).
    when = f" ({year})" if year else ""
    return f"{src.publisher}{when}, read from a copy" if lang == "en" else f"{publisher}{when}, leído de una copia"


def source_line(spec: Any, catalog: Catalog, lang: str) -> str:
    """'Source: U.S. Census Bureau, as published in the report' under every chart, in every output.

    The report itself is named only when it is the only source (an agency named "as published in the
    report" already says where the figure was read)."""
    present = [catalog.sources[sid] for sid in spec.sources if sid in catalog.sources]
    agencies = [src for src in present if src.id != REPORT_SOURCE_ID]
    shown = agencies or present
    parts = list(dict.fromkeys(source_phrase(src, lang) for src in shown))
    label = "Source" if lang == "en" else "Fuente"
    if len(parts) > 1:
        label = "Sources" if lang == "en" else "Fuentes"
    return f"{label}: " + "; ".join(parts) if parts else ""
