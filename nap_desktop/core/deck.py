"""Deck composition: a pack + catalog + language -> renderer-neutral slides (PowerPoint, presenter).

Every output draws the same list of ``Slide`` objects, so the deck, the workbook and the presenter
agree on order, wording, figures and sources. Nothing here knows about python-pptx or Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from nap_desktop import __version__
from nap_desktop.core.charts.spec import source_line as _chart_source_line
from nap_desktop.core.charts.spec import weakest_status
from nap_desktop.core.formatting import format_date, format_value
from nap_desktop.core.formatting import format_period as _format_period
from nap_desktop.core.catalog.model import STATUS_SHORT

if TYPE_CHECKING:
    from nap_desktop.core.charts.spec import ChartSpec
    from nap_desktop.core.catalog.model import Catalog, Fact, Source
    from nap_desktop.core.pack.packfile import Pack, PackItem

SLIDE_KINDS = ("title", "agenda", "divider", "fact", "figures", "chart", "note", "missing", "sources")
#: How many facts one key-figures slide holds (a grid of three across, two down).
FIGURES_PER_SLIDE = 6

#: How many entries fit one agenda / sources slide (the renderers size text for these).
AGENDA_PER_SLIDE = 8
#: ... and how many agenda entries when every one of them takes a single line on our template
#: (a 10-item pack gets one agenda slide, not two half-empty ones)
AGENDA_ONE_LINE_PER_SLIDE = 12
#: The agenda's line width on our 13.33 x 7.5 in template (pt), indent left out, and its type size.
AGENDA_LINE_PT = 852.0
SOURCES_PER_SLIDE = 6

LANG_NAMES = {"en": {"en": "English", "es": "Spanish"}, "es": {"en": "Inglés", "es": "Español"}}

_T = {
    "agenda": {"en": "Agenda", "es": "Agenda"},
    "sources": {"en": "Sources", "es": "Fuentes"},
    "source": {"en": "Source", "es": "Fuente"},
    "note": {"en": "Note", "es": "Nota"},
    "period": {"en": "Period", "es": "Periodo"},
    "audience": {"en": "Audience", "es": "Audiencia"},
    "date": {"en": "Date", "es": "Fecha"},
    "language": {"en": "Language", "es": "Idioma"},
    "untitled": {"en": "Briefing", "es": "Presentación"},
    "missing_fact": {"en": "Missing fact", "es": "Dato no disponible"},
    "missing_chart": {"en": "Missing chart", "es": "Gráfica no disponible"},
    "missing_body": {
        "en": "This item refers to {what} “{ref}”, which is not in the catalog (data version {version}). "
              "Remove it from the pack or update NAP Briefing before presenting.",
        "es": "Este elemento remite {what} «{ref}», que no está en el catálogo (versión de datos {version}). "
              "Quítelo de la presentación o actualice NAP Briefing antes de presentar.",
    },
    "fact_word": {"en": "the fact", "es": "al dato"},
    "chart_word": {"en": "the chart", "es": "a la gráfica"},
    "caveat": {
        "en": "CAVEAT: {who} is a secondary source (an agency figure reproduced by press or a third party). "
              "Say so if you quote it, and check the agency's own release first.",
        "es": "ADVERTENCIA: {who} es una fuente secundaria (cifra de un organismo reproducida por prensa o "
              "terceros). Dígalo si la cita y verifique primero la publicación del propio organismo.",
    },
    "citation": {"en": "Full citation", "es": "Cita completa"},
    "talking": {"en": "Talking points", "es": "Puntos para la conversación"},
    "gap": {"en": "No value for {what}: {why}", "es": "Sin valor para {what}: {why}"},
    "made_with": {
        "en": "Prepared with NAP Briefing {app} (data version {data}). Figures from The North American Project, "
              "April 2026 update, and the agencies it cites.",
        "es": "Elaborado con NAP Briefing {app} (versión de datos {data}). Cifras de The North American Project, "
              "actualización de abril de 2026, y de los organismos que cita.",
    },
    "status": {"en": "Status", "es": "Estatus"},
    "secondary_flag": {"en": "secondary source, use with caution", "es": "fuente secundaria, úsese con cautela"},
    "organisation": {"en": "Presented by", "es": "Presenta"},
    "more_charts": {"en": "More charts from the report", "es": "Más gráficas del informe"},
    "n_slides": {"en": "{n} slides", "es": "{n} diapositivas"},
    "one_slide": {"en": "1 slide", "es": "1 diapositiva"},
    "caveat_head": {"en": "Caveat", "es": "Advertencia"},
    "key_figures": {"en": "Key figures", "es": "Cifras clave"},
    "key_points": {"en": "Key points", "es": "Puntos clave"},
}


def _fact_title(fact: Fact, lang: str) -> str:
    """The fact's own short message title (written for it in data/); the statement, cut, until it lands."""
    method = getattr(fact, "title", None)
    if callable(method):
        try:
            text = method(lang)
        except TypeError:
            text = ""
        if text:
            return text
    explicit = getattr(fact, f"title_{lang}", "")
    if explicit:
        return explicit
    from nap_desktop.core.textmetrics import role_size

    return clip(fact.text(lang), TITLE_BOX_PT[0], role_size("title"), lines=2, bold=True)


#: what a Spanish output puts before a user's English text that has no Spanish yet
UNTRANSLATED_MARK = {"en": "", "es": "[sin traducir]"}


def mark_untranslated(text: str, lang: str) -> str:
    """``text`` (English, shown in a Spanish output) with the visible untranslated marker."""
    mark = UNTRANSLATED_MARK.get(lang, "")
    return f"{mark} {text}" if mark and text and not text.startswith(mark) else text


def fact_statement(fact: Fact, lang: str) -> str:
    """The statement every output shows: a user fact without Spanish shows its English, marked."""
    text = fact.text(lang)
    untranslated = getattr(fact, "untranslated", None)
    return mark_untranslated(text, lang) if callable(untranslated) and untranslated(lang) else text


def fact_title(fact: Fact, lang: str) -> str:
    """The fact's action title as every output shows it (marked when it is English in a Spanish output)."""
    title = _fact_title(fact, lang)
    untranslated = getattr(fact, "untranslated", None)
    if callable(untranslated) and untranslated(lang) and not getattr(fact, "title_es", "").strip():
        return mark_untranslated(title, lang)
    return title


def chart_title(spec: ChartSpec, lang: str) -> str:
    """A chart's title as every output shows it: a user chart without a Spanish title, marked."""
    title = spec.title(lang)
    if lang == "es" and not (spec.title_es or "").strip() and (spec.title_en or "").strip():
        return mark_untranslated(title, lang)
    return title


def untranslated_items(pack: Pack, catalog: Catalog, lang: str) -> list[str]:
    """Ids of the pack's facts and charts that a ``lang`` output shows in English, marked."""
    found = []
    for item in pack.items:
        if item.kind == "fact":
            fact = catalog.fact(item.ref)
            if fact is not None and fact.untranslated(lang):
                found.append(item.ref)
        elif item.kind == "chart":
            spec = catalog.charts.get(item.ref)
            if spec is not None and chart_title(spec, lang) != spec.title(lang):
                found.append(item.ref)
    return list(dict.fromkeys(found))


def _chart_message(spec: ChartSpec, lang: str) -> str:
    """The chart's own takeaway (written for the chart), or "" where none is written yet."""
    method = getattr(spec, "message", None)
    if callable(method):
        try:
            return method(lang) or ""
        except TypeError:
            return ""
    return getattr(spec, f"message_{lang}", "") or ""


def t(key: str, lang: str) -> str:
    return _T[key][lang]


@dataclass(frozen=True)
class SourceEntry:
    """One line of the sources appendix."""

    id: str
    publisher: str
    title: str
    url: str
    date: str
    status: str
    status_label: str

    def citation(self) -> str:
        parts = [self.publisher, self.title]
        if self.date:
            parts.append(self.date)
        text = ". ".join(p.rstrip(".") for p in parts if p) + "."
        return f"{text} {self.url}".strip()


@dataclass(frozen=True)
class FigureCell:
    """One fact on a key-figures slide: its figure, the noun after it, its claim and period."""

    figure: str
    label: str
    claim: str
    period: str
    source_line: str
    status: str
    item_uid: str = ""
    ref: str = ""


@dataclass(frozen=True)
class Slide:
    """One slide as data. Every renderer reads the fields it needs; ``title`` is always set."""

    kind: str
    title: str
    subtitle: str = ""
    #: fact slides: the headline figure as the card writes it, and the noun after it
    figure: str = ""
    figure_label: str = ""
    #: the sentence to read: a fact's statement, a chart's takeaway, a note's text
    statement: str = ""
    period: str = ""
    source_line: str = ""
    #: weakest status among the sources on the slide ("" where it does not apply)
    status: str = ""
    chart: ChartSpec | None = None
    #: agenda entries, title-slide lines
    bullets: tuple[str, ...] = ()
    sources: tuple[SourceEntry, ...] = ()
    #: small print under the content: gaps in the data, caveats
    footnotes: tuple[str, ...] = ()
    notes: str = ""
    #: the section colour ("#rrggbb") or ""
    accent: str = ""
    #: section title shown above fact/chart titles
    kicker: str = ""
    #: the pack item (uid) the slide comes from, "" for generated slides
    item_uid: str = ""
    ref: str = ""
    #: how the slide is listed on the agenda ("" = its title)
    agenda: str = ""
    #: agenda slides: 0 = an item, 1 = a section heading (one per bullet)
    bullet_levels: tuple[int, ...] = ()
    #: the line at the foot of every content slide: pack title · meeting date
    footer: str = ""
    #: key-figures slides: one cell per fact, in the pack's order
    cells: tuple[FigureCell, ...] = ()


def publisher_name(src: Source, lang: str) -> str:
    """The publisher as every output in ``lang`` names it: a Spanish output gives each agency the
    glossary's Spanish name ('Oficina del Censo de EE. UU.'), as the statements do."""
    from nap_desktop.core.charts.spec import spanish_names

    name = src.publisher_in(lang)
    return spanish_names(name) if lang == "es" else name


def _source_entry(src: Source, lang: str) -> SourceEntry:
    return SourceEntry(id=src.id, publisher=publisher_name(src, lang), title=src.title_in(lang), url=src.url,
                       date=src.date_text(lang) if hasattr(src, "date_text") else src.date,  # "n.d." with a reason
                       status=src.status, status_label=STATUS_SHORT.get(src.status, {}).get(lang, src.status))


def _citations(source_ids: tuple[str, ...] | list[str], catalog: Catalog, lang: str) -> tuple[list[str], list[str]]:
    """(full citation lines, caveat lines for secondary sources)."""
    lines, caveats = [], []
    for sid in source_ids:
        src = catalog.sources.get(sid)
        if src is None:
            continue
        entry = _source_entry(src, lang)
        why = src.reasons(lang) if hasattr(src, "reasons") else ""  # why no specific link or date
        lines.append(f"• {entry.citation()} [{entry.status_label}]" + (f" {why}" if why else ""))
        if src.status == "secondary":
            caveats.append(t("caveat", lang).format(who=publisher_name(src, lang)).split(": ", 1)[-1])
    return lines, caveats


def _notes(talking_points: str, *, body: list[str], citations: list[str], caveats: list[str], lang: str) -> str:
    """Speaker notes: the talking points first, then the citation, then at most one caveat paragraph
    (secondary-source warnings, definitions, long gap reasons and notes, joined)."""
    blocks = []
    if talking_points.strip():
        blocks.append(talking_points.strip())
    if citations:
        blocks.append(f"{t('citation', lang)}:\n" + "\n".join(citations))
    caveat = " ".join(dict.fromkeys(c.strip() for c in [*caveats, *body] if c.strip()))
    if caveat:
        blocks.append(f"{t('caveat_head', lang)}: {caveat}")
    return "\n\n".join(blocks)


def _weakest(statuses: list[str]) -> str:
    """The least trustworthy status on a slide ("" where the slide cites nothing)."""
    present = [s for s in statuses if s]
    return weakest_status(present) if present else ""


def fact_source_line(fact: Fact, catalog: Catalog, lang: str) -> str:
    """The same 'Source: Publisher (year, status)' line the charts carry, for a fact's sources."""
    # source_line only reads ``.sources``; one format for facts and charts keeps every output alike.
    return _chart_source_line(SimpleNamespace(sources=fact.sources), catalog, lang)  # type: ignore[arg-type]


def fact_figure(fact: Fact, lang: str) -> str:
    return format_value(fact.value, fact.unit, lang, decimals=fact.decimals, qualifier=fact.qualifier,
                        value_max=fact.value_max)


def format_period(period: str, lang: str) -> str:
    return _format_period(period, lang)


#: A period names a time: a year (2025, 1994–2024, "since 2022", "Dec 2024–Dec 2025"), a quarter
#: (3Q2025) or a fiscal year (FY2023). "last 20 years", "vs pre-COVID levels" or "Art. 34.7" do not.
_PERIOD = re.compile(r"(?<![\w.])(?:19|20)\d\d(?![\w.]\d)|\b[1-4][QT](?:19|20)\d\d\b|\bFY\s?(?:19|20)?\d\d\b")


def is_period(text: str) -> bool:
    """Whether ``text`` says a period (a year, quarter or fiscal year is named in it)."""
    return bool(_PERIOD.search(text or ""))


_REPORTED = {"en": "reported {date}", "es": "publicado en {date}"}


def fact_period(fact: Fact, catalog: Catalog, lang: str) -> str:
    """The period line of a fact's figure, as every face writes it: the fact's period where it names a
    time; a figure without one says when its source published it ("reported April 2026"); otherwise
    nothing (a "Period:" line that is not a period is left out)."""
    if is_period(fact.period):
        return format_period(fact.period, lang)
    if fact.value is None:
        return ""
    for sid in fact.sources:
        src = catalog.sources.get(sid)
        date = (getattr(src, "date", "") or "") if src is not None else ""
        if is_period(date):
            return _REPORTED[lang].format(date=format_date(date[:7], lang))
    return ""


#: The title box on our 13.33 x 7.5 in template (pt): its width, and two lines at the title's size.
TITLE_BOX_PT = (873.6, 73.4)


def clip(text: str, width: float, size: float, lines: int = 1, bold: bool = False) -> str:
    """``text`` in at most ``lines`` lines ``width`` pt wide at ``size`` pt, measured with the bundled
    font (core/textmetrics, the one wrapping module): the text itself when it fits, else cut at a word
    with "…". For titles built from sentences and for caps on a face's text."""
    from nap_desktop.core.textmetrics import text_width, wrap

    text = " ".join(text.split())
    wrapped = wrap(text, width, size, bold)
    if len(wrapped) <= lines:
        return text
    kept = wrapped[:max(1, lines)]
    last = kept[-1]
    while last and text_width(last.rstrip(",;: ") + "…", size, bold) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    kept[-1] = last.rstrip(",;: ") + "…"
    return " ".join(kept)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _section_info(catalog: Catalog, section_id: str, lang: str) -> tuple[str, str]:
    section = catalog.section(section_id)
    return (section.title(lang), section.color) if section else ("", "")


def _fact_slide(item: PackItem, fact: Fact, catalog: Catalog, lang: str) -> Slide:
    figure = fact_figure(fact, lang)
    kicker, accent = _section_info(catalog, fact.section, lang)
    statement = fact_statement(fact, lang)
    # An action title: the fact's own message; the section is a small kicker above it.
    title = fact_title(fact, lang)
    if fact.unit in ("date", "year") and figure and figure.casefold() in title.casefold():
        figure = ""  # a date the title states is not set again as the headline ("March 2026" three times)
    citations, caveats = _citations(fact.sources, catalog, lang)
    statuses = [catalog.sources[s].status for s in fact.sources if s in catalog.sources]
    # The face carries the claim and the source line; caveats and notes live in the speaker notes.
    footnotes: list[str] = []
    note = fact.note(lang)
    body = [note] if note else []
    period = fact_period(fact, catalog, lang)
    if period and sum(period.casefold() in text.casefold() for text in (figure, title, statement)) >= 2:
        period = ""  # a third time on the slide says nothing more ("March 2026" in figure, title and sentence)
    return Slide(
        kind="fact", title=title, figure=figure, figure_label=fact.label(lang), statement=statement,
        period=period, source_line=fact_source_line(fact, catalog, lang),
        status=_weakest(statuses), footnotes=tuple(footnotes), accent=accent, kicker=kicker,
        notes=_notes(item.talking_points, body=body, citations=citations, caveats=caveats, lang=lang),
        item_uid=item.uid, ref=fact.id,
        agenda=title)


#: Words that describe how the data was cleaned (sources refused, rows removed): never on a face, in the
#: notes and the workbook's notes sheet only. A gap reason that uses one is shown as SHORT_GAP_REASON.
PROCESS_WORDS = re.compile(
    r"\b(?:removed|retirad[oa]s?|content[- ]farms?|contenido de baja calidad|republish\w*|republicad\w*|"
    r"contributor|colaborador\w*|scraped|mirror|espejo|vendor|corrupt\w*|dañad[oa]s?|not derived|"
    r"no se deriva\w*|acceptable source|fuente aceptable|refused|rechazad[oa]s?|deny-list|copy|copia)\b",
    re.IGNORECASE)
#: The short reason a reader needs when the written one says how the data was cleaned
SHORT_GAP_REASON = {"en": "no official figure", "es": "sin cifra oficial"}
#: A face reason longer than this (pt at the source line's size) is the short reason too
_FACE_REASON_PT = 330.0


def gap_face_reason(reason: str, lang: str) -> str:
    """What a face says about a missing value: the written reason's first clause when it is short and
    says nothing of how the data was cleaned; else "no official figure" (the whole reason goes to the
    notes and the workbook's notes sheet)."""
    from nap_desktop.core.textmetrics import role_min, text_width

    head = re.split(r"\s\(|;\s", reason.strip(), maxsplit=1)[0].strip().rstrip(".")
    if not head or PROCESS_WORDS.search(head) or text_width(head, role_min("source")) > _FACE_REASON_PT:
        return SHORT_GAP_REASON[lang]
    return head


def _gap_lines(spec: ChartSpec, lang: str, face: bool) -> list[str]:
    labels = dict(zip(spec.categories, spec.category_labels(lang)))
    series = {s.key: s.label(lang) for s in spec.series}
    groups: dict[tuple[str, str], list[str]] = {}
    for gap in spec.gaps:
        why = gap_face_reason(gap.reason(lang), lang) if face else gap.reason(lang)
        groups.setdefault((gap.series, why), []).append(labels.get(gap.category, gap.category))
    lines = []
    for (key, why), cats in groups.items():
        if len(cats) > 4:
            more = {"en": f"and {len(cats) - 3} more", "es": f"y {len(cats) - 3} más"}[lang]
            what = ", ".join(cats[:3]) + f" {more}"
        else:
            what = ", ".join(cats)
        if key and len(spec.series) > 1:
            what = f"{what} ({series.get(key, key)})"
        lines.append(t("gap", lang).format(what=what, why=why))
    return lines


def incomplete_stacks(spec: ChartSpec) -> list[int]:
    """Indices of a stacked chart's categories where some part has a value and another has none: drawn,
    such a stack would read as a collapse, so no renderer draws it (the table keeps the known parts)."""
    if spec.kind != "stacked" or len(spec.series) < 2:
        return []
    out = []
    for i in range(len(spec.categories)):
        present = [s.values[i] is not None for s in spec.series if i < len(s.values)]
        if any(present) and not all(present):
            out.append(i)
    return out


def drawn_spec(spec: ChartSpec) -> ChartSpec:
    """The spec as every renderer draws it: an incomplete stack left out (all its parts blank), and
    series colours a reader tells apart (core/charts/style.series_colors: never two oranges)."""
    from dataclasses import replace

    from nap_desktop.core.charts.style import series_colors

    left_out = set(incomplete_stacks(spec))
    colors = series_colors(spec) if len(spec.series) > 1 else [s.color for s in spec.series]
    if not left_out and all(c.upper() == (s.color or "").upper() for c, s in zip(colors, spec.series)):
        return spec
    series = tuple(replace(s, color=c if c.upper() != (s.color or "").upper() else s.color,
                           values=tuple(None if i in left_out else v for i, v in enumerate(s.values)))
                   for s, c in zip(spec.series, colors))
    return replace(spec, series=series)


def missing_mark(lang: str) -> str:
    """What a face prints where a value is missing."""
    return "n/a" if lang == "en" else "n.d."


def gap_footnotes(spec: ChartSpec, lang: str) -> list[str]:
    """The face's gap lines: one per short reason ("No value for 2022, 2024 (Mexico): no official
    figure"), categories sharing a series and reason grouped. What the faces show (deck, presenter,
    handout, images, the workbook's chart sheets)."""
    return _gap_lines(spec, lang, face=True) + _left_out_lines(spec, lang)


def _left_out_lines(spec: ChartSpec, lang: str) -> list[str]:
    left_out = incomplete_stacks(spec)
    if not left_out:
        return []
    labels = spec.category_labels(lang)
    what = ", ".join(labels[i] for i in left_out)
    return [{"en": f"Not drawn, a part is missing: {what} (the known parts are in the workbook)",
             "es": f"Sin dibujar por falta de una parte: {what} (las partes conocidas están en el libro de "
                   f"Excel)"}[lang]]


def gap_notes(spec: ChartSpec, lang: str) -> list[str]:
    """The gap lines with each reason as written (how the data was cleaned, too): for the speaker notes
    and the workbook's notes sheet."""
    return _gap_lines(spec, lang, face=False) + _left_out_lines(spec, lang)


def _chart_slide(item: PackItem, spec: ChartSpec, pack_fact_ids: list[str], catalog: Catalog, lang: str) -> Slide:
    illustrated = [fid for fid in pack_fact_ids if fid in spec.facts]
    section_id = ""
    # The message line is the chart's own takeaway; until one is written, the chart's description.
    takeaway = _chart_message(spec, lang)
    subtitle = spec.subtitle(lang)
    if not takeaway:
        takeaway, subtitle = subtitle, ""
    for fid in list(spec.facts) + illustrated:
        fact = catalog.fact(fid)
        if fact is not None:
            section_id = fact.section
            break
    kicker, accent = _section_info(catalog, section_id, lang)
    citations, caveats = _citations(spec.sources, catalog, lang)
    statuses = [catalog.sources[s].status for s in spec.sources if s in catalog.sources]
    gaps = gap_footnotes(spec, lang)
    footnotes = list(gaps)  # the renderer keeps the short ones on the face, the rest in the notes
    if ("secondary" in statuses or spec.status == "secondary") and not caveats:
        caveats.append(t("caveat", lang).format(who=t("source", lang)).split(": ", 1)[-1])
    body = []
    if spec.notes(lang):
        body.append(spec.notes(lang))
    body += [g if g.endswith(".") else g + "." for g in gap_notes(spec, lang)]
    period_notes = spec.extra.get("period_notes", {}) if isinstance(spec.extra, dict) else {}
    body += [period_notes[fid][lang].rstrip(".") + "." for fid in dict.fromkeys(illustrated)
             if period_notes.get(fid, {}).get(lang)]  # data check's period_notes reach the reader
    return Slide(
        kind="chart", title=chart_title(spec, lang), subtitle=subtitle, statement=takeaway,
        source_line=_chart_source_line(spec, catalog, lang), status=_weakest(statuses + [spec.status]),
        chart=spec, footnotes=tuple(footnotes), accent=accent, kicker=kicker,
        notes=_notes(item.talking_points, body=body, citations=citations, caveats=caveats, lang=lang),
        item_uid=item.uid, ref=spec.id)


def _missing_slide(item: PackItem, catalog: Catalog, lang: str) -> Slide:
    is_fact = item.kind == "fact"
    title = f"{t('missing_fact' if is_fact else 'missing_chart', lang)}: {item.ref}"
    body = t("missing_body", lang).format(what=t("fact_word" if is_fact else "chart_word", lang), ref=item.ref,
                                          version=catalog.version or "?")
    # a copy this version cannot show (saved with newer data): why, in the notes (the file keeps the copy)
    why = (getattr(item, "unreadable", None) or {}).get(lang, "")
    return Slide(kind="missing", title=title, statement=body, notes=_notes(item.talking_points, body=[why] if why else [],
                                                                           citations=[], caveats=[], lang=lang),
                 item_uid=item.uid, ref=item.ref)


def _note_slide(item: PackItem, lang: str) -> Slide:
    text = item.text.strip()
    first = text.splitlines()[0] if text else ""
    # A short first line reads as a title; otherwise the slide is simply "Note".
    if first and len(text.splitlines()) > 1 and _one_title_line(first):
        title, body = first, "\n".join(text.splitlines()[1:]).strip()
    else:
        title, body = t("note", lang), text
    return Slide(kind="note", title=title, statement=body,
                 notes=_notes(item.talking_points, body=[], citations=[], caveats=[], lang=lang),
                 item_uid=item.uid)


def _one_title_line(text: str) -> bool:
    """Whether ``text`` takes a single line of the title box at the title's size (measured)."""
    from nap_desktop.core.textmetrics import role_size, wrap

    return len(wrap(text, TITLE_BOX_PT[0], role_size("title"), True)) == 1


def _divider_slide(item: PackItem, catalog: Catalog, lang: str) -> Slide:
    title = item.text.strip() or t("agenda", lang)
    accent = next((s.color for s in catalog.sections if title in (s.title_en, s.title_es)), "")
    return Slide(kind="divider", title=title, accent=accent,
                 notes=_notes(item.talking_points, body=[], citations=[], caveats=[], lang=lang),
                 item_uid=item.uid)


def _balanced_pages(items: list[Any], size: int) -> list[list[Any]]:
    """As few pages as ``size`` allows, filled evenly (25 sources at 6 a page: 5, 5, 5, 5, 5 rather
    than 6, 6, 6, 6, 1: no appendix page with a lone entry)."""
    if not items:
        return [[]]
    pages = -(-len(items) // size)
    base, extra = divmod(len(items), pages)
    out, start = [], 0
    for n in range(pages):
        end = start + base + (1 if n < extra else 0)
        out.append(items[start:end])
        start = end
    return out


#: The sources appendix's text box on our 13.33 x 7.5 in template (pt): the renderer's width and height.
SOURCES_BOX_PT = (873.6, 370.8)


def source_head(entry: SourceEntry) -> str:
    """An appendix entry's bold first part: publisher, title, date."""
    return f"{entry.publisher.rstrip('.')}. {entry.title}" + (f" ({entry.date})" if entry.date else "")


def source_sizes() -> tuple[float, float]:
    """(head, status/URL line) type sizes of an appendix entry."""
    from nap_desktop.core.textmetrics import role_min

    return role_min("body") + 2, role_min("body")


def source_need(entry: SourceEntry, width: float = SOURCES_BOX_PT[0]) -> float:
    """The height (pt) an appendix entry takes at ``width``: its bold head wrapped, then one line."""
    from nap_desktop.core.textmetrics import height, wrap

    head_size, line_size = source_sizes()
    return (height(len(wrap(source_head(entry), width, head_size, True)), head_size)
            + head_size * 0.5 + height(1, line_size))


def _source_pages(entries: list[SourceEntry]) -> list[list[SourceEntry]]:
    """Sources appendix pages: at most SOURCES_PER_SLIDE entries each, and no more than the box holds
    at their measured heights (a page of long Spanish titles takes five, not six, so none is cut),
    as few pages as that allows, filled evenly (no page with a lone entry)."""
    if not entries:
        return [[]]
    needs = [source_need(e) for e in entries]
    fewest = -(-len(entries) // SOURCES_PER_SLIDE)
    for pages in range(fewest, len(entries) + 1):
        base, extra = divmod(len(entries), pages)
        out, start, fits = [], 0, True
        for n in range(pages):
            end = start + base + (1 if n < extra else 0)
            if sum(needs[start:end]) > SOURCES_BOX_PT[1] and end - start > 1:
                fits = False
                break
            out.append(entries[start:end])
            start = end
        if fits:
            return out
    return [[e] for e in entries]  # pragma: no cover - one entry a page always "fits"


def _page_title(base: str, page: int, pages: int) -> str:
    return f"{base} ({page}/{pages})" if pages > 1 else base


def used_sources(pack: Pack, catalog: Catalog) -> list[str]:
    """Source ids in order of first use across the pack's facts and charts."""
    seen: list[str] = []
    for item in pack.items:
        ids: tuple[str, ...] = ()
        if item.kind == "fact" and catalog.fact(item.ref) is not None:
            ids = catalog.fact(item.ref).sources  # type: ignore[union-attr]
        elif item.kind == "chart" and item.ref in catalog.charts:
            ids = tuple(catalog.charts[item.ref].sources)
        for sid in ids:
            if sid in catalog.sources and sid not in seen:
                seen.append(sid)
    return seen


def compose_deck(pack: Pack, catalog: Catalog, *, lang: str | None = None,
                 now: datetime | None = None) -> list[Slide]:
    """The slides of a pack, in order: title, agenda, items, sources appendix."""
    lang = lang or pack.lang or "en"
    if lang not in ("en", "es"):
        raise ValueError(f"unsupported language {lang!r}")
    from nap_desktop.core.pack.state_brief import in_language

    pack = in_language(pack, catalog, lang)  # a state brief's generated title in the deck's language
    pack_fact_ids = [i.ref for i in pack.items if i.kind == "fact"]

    body: list[Slide] = []
    for item in pack.items:
        if item.kind == "fact":
            fact = catalog.fact(item.ref)
            body.append(_fact_slide(item, fact, catalog, lang) if fact else _missing_slide(item, catalog, lang))
        elif item.kind == "chart":
            spec = catalog.charts.get(item.ref)
            body.append(_chart_slide(item, spec, pack_fact_ids, catalog, lang) if spec
                        else _missing_slide(item, catalog, lang))
        elif item.kind == "note":
            body.append(_note_slide(item, lang))
        elif item.kind == "divider":
            body.append(_divider_slide(item, catalog, lang))

    from nap_desktop.core.catalog.updates.staleness import slide_notes  # "likely newer since …", from the export date

    body = [slide_notes(slide, catalog, lang, now) for slide in body]
    if getattr(pack, "state", ""):
        body = _group_key_figures(body, catalog, lang)
    else:
        body = _group_key_points(body, catalog, lang)

    # Title slide
    date_text = format_date(pack.meeting_date, lang) if pack.meeting_date else (
        format_date(now.date().isoformat(), lang) if now else "")
    # Charts that illustrate no fact sit under their own divider, not after the last section.
    body = _orphan_charts_under_a_divider(body, catalog, lang)
    _make_titles_unique(body)

    lines = []
    if pack.audience.strip():
        lines.append(f"{t('audience', lang)}: {pack.audience.strip()}")
    if date_text:
        lines.append(f"{t('date', lang)}: {date_text}")
    organisation = (getattr(pack, "organisation", "") or "").strip()
    if organisation:
        lines.append(f"{t('organisation', lang)}: {organisation}")
    pack_title = pack.title.strip() or t("untitled", lang)
    title_slide = Slide(kind="title", title=pack_title, bullets=tuple(lines),
                        notes=t("made_with", lang).format(app=__version__, data=catalog.version or "?"))
    footer = " · ".join(p for p in (pack_title, date_text) if p)

    # A state brief is a short deck (5-8 slides) whose key figures open it: no agenda slide.
    agenda = [] if getattr(pack, "state", "") else [_replace(a, footer=footer) for a in _agenda(body, lang)]

    # Sources appendix
    source_ids = used_sources(pack, catalog)
    entries_src = [_source_entry(catalog.sources[sid], lang) for sid in source_ids]
    src_pages = _source_pages(entries_src)
    appendix = []
    if entries_src:
        for n, page in enumerate(src_pages, start=1):
            notes = "\n".join(f"• {e.citation()} [{e.status_label}]" for e in page)
            caveats = [t("caveat", lang).format(who=e.publisher) for e in page if e.status == "secondary"]
            appendix.append(Slide(kind="sources", title=_page_title(t("sources", lang), n, len(src_pages)),
                                  sources=tuple(page), notes="\n\n".join([notes] + caveats)))
    body = [_replace(b, footer=footer) for b in body]
    appendix = [_replace(a, footer=footer) for a in appendix]
    return [title_slide, *agenda, *body, *appendix]


def _group_key_figures(body: list[Slide], catalog: Catalog, lang: str) -> list[Slide]:
    """Runs of two or more fact slides of one section become key-figures slides (up to six facts
    each): the figures an official compares side by side, on one slide, each fact's notes kept."""
    out: list[Slide] = []
    run: list[Slide] = []

    def flush() -> None:
        if len(run) < 2:
            out.extend(run)
        else:
            for start in range(0, len(run), FIGURES_PER_SLIDE):
                out.append(_figures_slide(run[start:start + FIGURES_PER_SLIDE], catalog, lang))
        run.clear()

    for slide in body:
        if slide.kind == "fact" and (not run or run[-1].kicker == slide.kicker):
            run.append(slide)
            continue
        flush()
        if slide.kind == "fact":
            run.append(slide)
        else:
            out.append(slide)
    flush()
    return out


def _text_only(slide: Slide, catalog: Catalog) -> bool:
    """A fact slide whose face is a sentence: no figure, or a figure that is only a date or a year (the
    title says it already)."""
    if slide.kind != "fact":
        return False
    if not slide.figure:
        return True
    fact = catalog.fact(slide.ref)
    return fact is not None and fact.unit in ("date", "year")


def _group_key_points(body: list[Slide], catalog: Catalog, lang: str) -> list[Slide]:
    """Runs of two or more text-only fact slides of one section (see _text_only) become "Key points"
    slides of up to six, each fact a cell (its date as its figure, its claim), every fact's notes kept:
    one slide instead of a slide per sentence."""
    out: list[Slide] = []
    run: list[Slide] = []

    def flush() -> None:
        if len(run) < 2:
            out.extend(run)
        else:
            for start in range(0, len(run), FIGURES_PER_SLIDE):
                part = run[start:start + FIGURES_PER_SLIDE]
                if len(part) == 1:
                    out.extend(part)
                    continue
                grouped = _figures_slide(part, catalog, lang)
                title = t("key_points", lang)
                out.append(_replace(grouped, title=title, agenda=f"{title}: {part[0].kicker}" if part[0].kicker
                                    else title))
        run.clear()

    for slide in body:
        if _text_only(slide, catalog) and (not run or run[-1].kicker == slide.kicker):
            run.append(slide)
            continue
        flush()
        if _text_only(slide, catalog):
            run.append(slide)
        else:
            out.append(slide)
    flush()
    return out


def _figures_slide(facts: list[Slide], catalog: Catalog, lang: str) -> Slide:
    cells = tuple(FigureCell(figure=f.figure, label=f.figure_label, claim=f.title, period=f.period,
                             source_line=f.source_line, status=f.status, item_uid=f.item_uid, ref=f.ref)
                  for f in facts)
    first = facts[0]
    # every fact's notes, each under its own title, so nothing a fact slide carried is lost; their caveats
    # in one last paragraph, as on every slide
    head = f"{t('caveat_head', lang)}: "
    blocks, caveats = [], []
    for f in facts:
        parts = [p for p in f.notes.split("\n\n") if p.strip()] if f.notes else []
        caveats += [p[len(head):] for p in parts if p.startswith(head)]
        blocks.append("\n".join([f.title, f.statement] + [p for p in parts if not p.startswith(head)]))
    if caveats:
        blocks.append(head + " ".join(dict.fromkeys(caveats)))
    notes = "\n\n".join(blocks)
    lines = list(dict.fromkeys(f.source_line for f in facts if f.source_line))
    return Slide(kind="figures", title=first.title, statement="", kicker=first.kicker, accent=first.accent,
                 source_line=_merge_source_lines(lines, lang), status=_weakest([f.status for f in facts]),
                 notes=notes, item_uid=first.item_uid, ref=first.ref, agenda=first.title, cells=cells)


def _merge_source_lines(lines: list[str], lang: str) -> str:
    """'Source: A (2023, official)' + 'Source: B (2025, secondary)' -> 'Sources: A (…); B (…)'."""
    if len(lines) <= 1:
        return lines[0] if lines else ""
    heads = ("Sources: ", "Source: ", "Fuentes: ", "Fuente: ")
    parts = []
    for line in lines:
        body = next((line[len(h):] for h in heads if line.startswith(h)), line)
        for part in body.split("; "):
            if part not in parts:
                parts.append(part)
    return f"{t('sources', lang)}: " + "; ".join(parts)


def _replace(slide: Slide, **changes: Any) -> Slide:
    from dataclasses import replace

    return replace(slide, **changes)


def _agenda(body: list[Slide], lang: str) -> list[Slide]:
    """The agenda in the pack's order, one full line per item; grouped by section when long (more
    than one slide of items): then each section is a heading with its item count, and a very long
    pack lists its sections only."""
    items = [s for s in body if s.kind != "divider"]
    if not items:
        return []
    has_sections = any(s.kind == "divider" for s in body)
    entries: list[tuple[str, int]] = []
    if len(items) <= AGENDA_PER_SLIDE or not has_sections:
        entries = [(f"{n}. {s.agenda or s.title}", 0) for n, s in enumerate(items, start=1)]
    else:
        groups: list[tuple[str, list[Slide]]] = []
        for s in body:
            if s.kind == "divider":
                groups.append((s.title, []))
            else:
                if not groups:
                    groups.append(("", []))
                groups[-1][1].append(s)
        groups = [(g, members) for g, members in groups if members or g]
        if len(items) + len(groups) <= 2 * AGENDA_PER_SLIDE:
            n = 0
            for name, members in groups:
                if name:
                    entries.append((name, 1))
                for m in members:
                    n += 1
                    entries.append((f"{n}. {m.agenda or m.title}", 0))
        else:
            for n, (name, members) in enumerate(groups, start=1):
                count = t("one_slide", lang) if len(members) == 1 else t("n_slides", lang).format(n=len(members))
                entries.append((f"{n}. {name or t('agenda', lang)} — {count}", 1))
    if len(entries) <= AGENDA_ONE_LINE_PER_SLIDE and all(_agenda_one_line(e, lvl) for e, lvl in entries):
        pages = [entries]
    else:
        pages = _balanced_pages(entries, AGENDA_PER_SLIDE)  # 10 two-line items: 5 + 5, not 8 + 2
    return [Slide(kind="agenda", title=_page_title(t("agenda", lang), n, len(pages)),
                  bullets=tuple(e for e, _ in page), bullet_levels=tuple(lvl for _, lvl in page))
            for n, page in enumerate(pages, start=1)]


def _agenda_one_line(entry: str, level: int) -> bool:
    from nap_desktop.core.textmetrics import role_size, wrap

    return len(wrap(entry, AGENDA_LINE_PT, role_size("body"), bool(level))) == 1


def _orphan_charts_under_a_divider(body: list[Slide], catalog: Catalog, lang: str) -> list[Slide]:
    """A run of chart slides that illustrate no fact, after a section of facts, gets its own divider."""
    out: list[Slide] = []
    in_orphans = False
    has_dividers = any(s.kind == "divider" for s in body)
    for s in body:
        orphan = s.kind == "chart" and s.chart is not None and not s.chart.facts
        if orphan and has_dividers and not in_orphans and out and out[-1].kind != "divider":
            out.append(Slide(kind="divider", title=t("more_charts", lang)))
        in_orphans = orphan or (in_orphans and s.kind == "divider")
        out.append(s)
    return out


def _make_titles_unique(body: list[Slide]) -> None:
    """No two slides share a title: a repeated title gets its figure, then its period, then a number."""
    seen: dict[str, int] = {}
    next_number: dict[str, int] = {}  # per title, where the search for a free "(n)" resumes: linear, not k²
    for i, s in enumerate(body):
        key = s.title.casefold()
        if key not in seen:
            seen[key] = i
            continue
        for extra in (s.figure, s.period):
            candidate = f"{s.title} ({extra})" if extra else ""
            if candidate and candidate.casefold() not in seen:
                break
        else:
            n = next_number.get(key, 2)  # every number below it is taken already (seen only grows)
            while f"{s.title} ({n})".casefold() in seen:
                n += 1
            next_number[key] = n + 1
            candidate = f"{s.title} ({n})"
        body[i] = _replace(s, title=candidate, agenda=candidate if s.agenda == s.title else s.agenda)
        seen[candidate.casefold()] = i


__all__ = ["Slide", "SourceEntry", "FigureCell", "compose_deck", "gap_footnotes", "gap_notes", "drawn_spec", "incomplete_stacks", "fact_statement", "fact_title", "chart_title",
           "mark_untranslated", "untranslated_items",
           "fact_source_line", "fact_figure", "fact_period", "is_period", "used_sources", "SLIDE_KINDS"]
