"""Excel export: cover, the pack's facts, one sheet per chart (formatted table + native chart), sources.

Written with XlsxWriter (python-pptx already depends on it): it writes this workbook in about half
openpyxl's time, its charts take explicit per-point colours, number formats and data labels, and
``strings_to_formulas=False`` guarantees that user text starting with = + - @ stays text.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from nap_desktop import __version__
from nap_desktop.core.charts.spec import source_line
from nap_desktop.core.charts.style import axis_scale

try:  # the shared look: one negative colour in every renderer
    from nap_desktop.core.charts.spec import NEGATIVE_COLOR
except ImportError:  # pragma: no cover
    NEGATIVE_COLOR = "#E69F00"
from nap_desktop.core.deck import (LANG_NAMES, chart_title, compose_deck, fact_figure, fact_source_line,
                                   fact_period, fact_statement, gap_footnotes, gap_notes, publisher_name)
from nap_desktop.core.formatting import format_axis_unit, format_date
from nap_desktop.core.catalog.model import STATUS_LABELS, STATUS_SHORT
from nap_desktop.core.pack.state_brief import in_language
from nap_desktop.exporters.files import ExportError, write_atomically
from nap_desktop.exporters.textsafe import (CORE_PROPERTY_MAX, HEADER_FOOTER_MAX, XLSX_CELL_MAX,
                                             XLSX_LITERAL_OPTIONS, capped, cell_chunks, cell_text, clean,
                                             header_footer, literal_chart, needs_cell_cap, safe_sheet_name,
                                             check_item_count, safe_url, sanitize_catalog, sanitize_pack, sheet_ref)
from nap_desktop.exporters.pptx_charts import _scaled_format
from nap_desktop.exporters.pptx_exporter import chart_alt_text, excel_number_format

if TYPE_CHECKING:
    from nap_desktop.core.charts.spec import ChartSpec
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.pack.packfile import Pack

INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
#: Excel refuses a sheet named "History" (any case)
RESERVED_SHEET_NAMES = {"history"}

T = {
    "cover": {"en": "Cover", "es": "Portada"},
    "facts": {"en": "Facts", "es": "Datos"},
    "sources": {"en": "Sources", "es": "Fuentes"},
    "why_no_link": {"en": "Why no specific link or date", "es": "Por qué no hay enlace o fecha específicos"},
    "pack_title": {"en": "Pack title", "es": "Título"},
    "audience": {"en": "Audience", "es": "Audiencia"},
    "date": {"en": "Meeting date", "es": "Fecha de la reunión"},
    "pub_date": {"en": "Publication date", "es": "Fecha de publicación"},
    "organisation": {"en": "Organisation", "es": "Organización"},
    "page": {"en": "Page &P of &N", "es": "Página &P de &N"},
    "see_sources": {"en": "Sources: see the Sources sheet", "es": "Fuentes: véase la hoja Fuentes"},
    "exported": {"en": "Exported", "es": "Exportado"},
    "language": {"en": "Language", "es": "Idioma"},
    "app_version": {"en": "NAP Briefing version", "es": "Versión de NAP Briefing"},
    "data_version": {"en": "Data version", "es": "Versión de los datos"},
    "report": {"en": "Report", "es": "Informe"},
    "report_name": {"en": "The North American Project, April 2026 update (México, ¿cómo vamos? and the U.S.-Mexico "
                          "Foundation)",
                    "es": "The North American Project, actualización de abril de 2026 (México, ¿cómo vamos? y "
                          "U.S.-Mexico Foundation)"},
    "contents": {"en": "Contents of the pack", "es": "Contenido de la presentación"},
    "no": {"en": "No.", "es": "Núm."},
    "type": {"en": "Type", "es": "Tipo"},
    "item": {"en": "Item", "es": "Elemento"},
    "text": {"en": "Text", "es": "Texto"},
    "talking": {"en": "Talking points", "es": "Puntos para la conversación"},
    "sheet": {"en": "Sheet", "es": "Hoja"},
    "id": {"en": "Id", "es": "Id"},
    "section": {"en": "Section", "es": "Sección"},
    "figure": {"en": "Figure", "es": "Cifra"},
    "value": {"en": "Value", "es": "Valor"},
    "unit": {"en": "Unit", "es": "Unidad"},
    "period": {"en": "Period", "es": "Periodo"},
    "statement": {"en": "Statement", "es": "Enunciado"},
    "source": {"en": "Source", "es": "Fuente"},
    "status": {"en": "Status", "es": "Estatus"},
    "note": {"en": "Note", "es": "Nota"},
    "publisher": {"en": "Publisher", "es": "Editor"},
    "title": {"en": "Title", "es": "Título"},
    "url": {"en": "URL", "es": "URL"},
    "meaning": {"en": "What the status means", "es": "Qué significa el estatus"},
    "gaps": {"en": "Missing values", "es": "Valores faltantes"},
    "see_notes": {"en": "Notes: see the sheet Notes on the data", "es": "Notas: véase la hoja Notas sobre los datos"},
    "notes_sheet": {"en": "Notes on the data", "es": "Notas sobre los datos"},
    "notes_intro": {"en": "How the figures were chosen and cleaned: why a value is missing, in full, and each "
                          "chart's notes (the chart sheets give the short reason).",
                    "es": "Cómo se eligieron y depuraron las cifras: por qué falta un valor, completo, y las "
                          "notas de cada gráfica (las hojas de gráficas dan la razón breve)."},
    "date_col": {"en": "Date", "es": "Fecha"},
    "class": {"en": "Class", "es": "Clase"},
    "code": {"en": "Code", "es": "Clave"},
    "no_chart": {"en": "A timeline has no Excel chart: the dates are in the table.",
                 "es": "Una línea de tiempo no tiene gráfica de Excel: las fechas están en la tabla."},
    "kinds": {"fact": {"en": "Fact", "es": "Dato"}, "chart": {"en": "Chart", "es": "Gráfica"},
              "note": {"en": "Note", "es": "Nota"}, "divider": {"en": "Section", "es": "Sección"}},
}


def _t(key: str, lang: str) -> str:
    return T[key][lang]


def xl_number_format(unit: str, decimals: int) -> str:
    """The workbook's number format: percentages are stored as fractions (0.327) and shown as 32.7%."""
    if unit == "pct":
        return "0" + ("." + "0" * decimals if decimals > 0 else "") + "%"
    return excel_number_format(unit, decimals)


def xl_value(unit: str, value: float) -> float:
    """The number a cell stores: a percentage as a true fraction, so a user who recomputes gets sense."""
    return value / 100.0 if unit == "pct" else value


_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONTH = re.compile(r"^((?:19|20)\d\d)-(0[1-9]|1[0-2])$")


def _category_cell(ws: Any, book: _Book, row: int, col: int, label: str) -> None:
    """Years as numbers, months as dates ("Jan 2024"), everything else as text."""
    if _YEAR.match(label):
        ws.write_number(row, col, int(label), book.num("0"))
        return
    m = _MONTH.match(label)
    if m:
        ws.write_datetime(row, col, datetime(int(m.group(1)), int(m.group(2)), 1), book.num("mmm yyyy"))
        return
    book.text(ws, row, col, label, book.f_text)


def _lines(text: str, width: float) -> int:
    """How many lines wrapped ``text`` takes in a column ``width`` characters wide (Calibri 11)."""
    per_line = max(1.0, width * 1.05 - 1)
    return sum(max(1, -(-len(par) // int(per_line))) for par in (text or "").split("\n"))


def _fit_row(ws: Any, row: int, cells: list[tuple[str, float]], base: float = 15.0) -> None:
    """A row tall enough for its wrapped text (XlsxWriter cannot autofit, LibreOffice does not on open)."""
    lines = max((_lines(t, w) for t, w in cells if t), default=1)
    if lines > 1:
        ws.set_row(row, base * lines + 3)


_MORE_SOURCES = {"en": "and {n} more (Sources sheet)", "es": "y {n} más (hoja Fuentes)"}


def _footer_text(text: str, lang: str = "en") -> str:
    """Header/footer text: '&' is a control character there, 255 characters at most in all (the left
    section gets 180 of them; the codes and the page number take the rest). A source line too long for
    it keeps its whole sources and says how many more there are, never a name cut in the middle."""
    limit = min(180, HEADER_FOOTER_MAX - 75)
    line = " ".join(text.split())
    if len(line) + line.count("&") <= limit:
        return header_footer(line, limit)
    label, _, rest = line.partition(": ")
    parts = rest.split("; ") if rest else []
    if len(parts) > 1:
        for keep in range(len(parts) - 1, 0, -1):
            more = _MORE_SOURCES[lang if lang in _MORE_SOURCES else "en"].format(n=len(parts) - keep)
            candidate = f"{label}: " + "; ".join(parts[:keep]) + f" {more}"
            if len(candidate) + candidate.count("&") <= limit:
                return header_footer(candidate, limit)
        more = _MORE_SOURCES[lang if lang in _MORE_SOURCES else "en"].format(n=len(parts))
        return header_footer(f"{label}: {more}", limit)
    return header_footer(line, limit)


def _print_setup(ws: Any, lang: str, repeat_row: int | None, footer: str) -> None:
    """Landscape, one page wide, header row repeated, the source in the footer, page numbers."""
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
    if repeat_row is not None:
        ws.repeat_rows(repeat_row)
    ws.set_footer(f"&L&8{_footer_text(footer, lang)}&R&8{_t('page', lang)}")


_DANGLING_WORDS = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs",
                   "about", "across", "through", "into", "over", "than", "as", "its", "their", "is", "are",
                   "nearly", "most", "more", "less", "all", "each", "every",
                   "sobre", "entre", "casi", "más", "menos", "su", "sus", "que", "cerca", "todos", "todas", "cada",
                   "al", "con", "de", "del", "el", "en", "la", "las", "lo", "los", "o", "para", "por", "un",
                   "una", "y", "e"}


def _cut_at_word(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary where one is near ("Taiwán y México encabezan",
    not "Taiwán y México encabezan las i"); a tab label that ends mid-word looks like a mistake."""
    if len(text) <= limit:
        return text.strip("'")
    cut = text[:limit]
    space = limit if text[limit] in " ,;:" else cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
        words = cut.split(" ")
        # "Participación en las" reads as broken; drop dangling small words.
        while len(words) > 1 and words[-1].lower().strip(",.;:") in _DANGLING_WORDS:
            words.pop()
        cut = " ".join(words)
        if cut.endswith(" EE."):  # half of "EE. UU." reads as a typo: the pair goes, and what dangles before it
            words = cut[:-4].split(" ")
            while len(words) > 1 and words[-1].lower().strip(",.;:") in _DANGLING_WORDS:
                words.pop()
            cut = " ".join(words)
    return cut.rstrip(" ,;:-–").strip("'")


#: Standard short forms, applied only when a title is longer than a sheet tab (31 characters).
_SHORT_FORMS = (
    ("North America", "N.America"), ("United States", "U.S."), ("Information and communications", "ICT"),
    ("computer and electronic products", "electronics"), ("Motor vehicle production", "Vehicle production"),
    ("América del Norte", "Norteamérica"), ("alrededor del ", "~"), ("Estados Unidos", "EE. UU."),
    ("Tecnologías de la información y las comunicaciones", "TIC"),
    ("productos de computación y electrónicos", "electrónica"),
    ("La producción de vehículos", "Producción de vehículos"),
)
_YEARS = re.compile(r"\b(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?\b")


def _shorten(title: str) -> str:
    if len(title) <= 31:
        return title
    for long, short in _SHORT_FORMS:
        title = re.sub(re.escape(long), short, title, flags=re.IGNORECASE)
    return title


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name: at most 31 characters, none of []:*?/\\, no leading/trailing '.

    A long title is shortened with standard short forms, then cut at a word without a dangling small
    word; a name already taken is told apart by the years in its title, never by "(2)" if avoidable."""
    base = INVALID_SHEET_CHARS.sub(" ", title.replace(": ", " – "))
    base = " ".join(base.split()).strip("'") or "Sheet"
    if base.lower() in RESERVED_SHEET_NAMES:
        base += " 1"
    base = _shorten(base)
    name = _cut_at_word(base, 31)
    if name.lower() in taken:
        years = _YEARS.findall(base)
        if years:
            suffix = " " + years[-1].replace(" ", "")
            stem = _cut_at_word(_YEARS.sub("", base).replace(" ,", ",").strip(" ,"), 31 - len(suffix))
            name = stem.rstrip(" ,;:-–") + suffix
    n = 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = _cut_at_word(base, 31 - len(suffix)) + suffix
        n += 1
    name = safe_sheet_name(name)  # whatever the shortening did, a name Excel accepts as it is
    while name.lower() in taken:
        name = safe_sheet_name(name[:-3] + f"({n})")
        n += 1
    taken.add(name.lower())
    return name


_LEADING_ARTICLES = {"the", "a", "an", "el", "la", "los", "las", "un", "una"}


def sheet_names(titles: list[str], taken: set[str]) -> list[str]:
    """Sheet names for several titles at once, each one telling its title apart. Where two titles would
    be cut to the same name ("El principal producto" for the farm exports' and the farm imports' maps),
    each is named by its years when their years differ ("U.S. goods trade 2002–2025", "… 1994–2025"),
    else by its first words and the words where the titles part ("Principal producto – exporta",
    "Principal producto – importa"), decided together so that neither keeps the bare shared name."""
    def base(t: str) -> str:
        return _shorten(" ".join(INVALID_SHEET_CHARS.sub(" ", t.replace(": ", " – ")).split()))

    plain = [_cut_at_word(base(t), 31) for t in titles]
    groups: dict[str, list[int]] = {}
    for i, name in enumerate(plain):
        groups.setdefault(name.lower(), []).append(i)
    wanted = list(titles)
    for members in groups.values():
        if len(members) < 2:
            continue
        years = {i: _YEARS.findall(base(titles[i])) for i in members}
        if all(years[i] for i in members) and len({years[i][-1] for i in members}) == len(members):
            for i in members:
                suffix = " " + years[i][-1].replace(" ", "")
                stem = _cut_at_word(_YEARS.sub("", base(titles[i])).replace(" ,", ",").strip(" ,–"), 31 - len(suffix))
                wanted[i] = stem.rstrip(" ,;:-–") + suffix
            continue
        words = {i: base(titles[i]).replace(",", " ,").split() for i in members}
        for i in members:
            others = [words[j] for j in members if j != i]
            part = min(next((k for k, (a, b) in enumerate(zip(words[i], o)) if a.lower() != b.lower()),
                            min(len(words[i]), len(o))) for o in others)
            head: list[str] = []
            content = 0
            for w in words[i][:part]:
                if not head and w.lower() in _LEADING_ARTICLES:
                    continue
                head.append(w)
                content += w.lower() not in _DANGLING_WORDS
                if content == 2:
                    break
            tail = " ".join(words[i][part:]).replace(" ,", ",")
            if head and tail:
                stem = " ".join(head)
                wanted[i] = f"{stem[:1].upper()}{stem[1:]} – {tail}"
    return [sheet_name(t, taken) for t in wanted]


FULL_TEXT = {"en": "Full text", "es": "Texto completo"}
FULL_TEXT_NOTE = {"en": "Texts longer than an Excel cell holds, whole (continued across the row).",
                  "es": "Textos más largos de lo que cabe en una celda de Excel, completos (siguen en la fila)."}


class _Book:
    def __init__(self, lang: str, now: datetime, title: str, data_version: str, pack: Any = None):
        import xlsxwriter

        from nap_desktop.exporters import docprops

        self.buffer = io.BytesIO()
        # strings_to_formulas/numbers/urls off: text is written exactly as the user typed it.
        self.wb = xlsxwriter.Workbook(self.buffer, {
            "in_memory": True, **XLSX_LITERAL_OPTIONS, "default_date_format": "yyyy-mm-dd"})
        stamp = now.astimezone(timezone.utc).replace(tzinfo=None) if now.tzinfo else now
        self.wb.set_properties({
            "title": capped(title, CORE_PROPERTY_MAX), "subject": capped(docprops.subject(pack, lang), CORE_PROPERTY_MAX),
            "author": capped(docprops.author(pack), CORE_PROPERTY_MAX), "manager": "",
            "company": capped(docprops.company(pack), CORE_PROPERTY_MAX), "category": "",
            "keywords": docprops.keywords(pack, lang),
            "comments": f"NAP Briefing {__version__}; data version {data_version}; language {lang}",
            "status": "", "created": stamp.replace(microsecond=0)})
        self.lang = lang
        self.taken: set[str] = set()
        self.overflow: list[tuple[str, str]] = []  # (cell, full text) of texts over Excel's cell cap
        wb = self.wb
        self.f_title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#1F3B5C"})
        self.f_sub = wb.add_format({"italic": True, "font_color": "#595959"})
        self.f_sub_wrap = wb.add_format({"italic": True, "font_color": "#595959", "text_wrap": True,
                                         "valign": "top"})
        self.f_head = wb.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F3B5C",
                                     "text_wrap": True, "valign": "top", "border": 1, "border_color": "#BFBFBF"})
        self.f_text = wb.add_format({"text_wrap": True, "valign": "top"})
        self.f_label = wb.add_format({"bold": True, "valign": "top"})
        self.f_warn = wb.add_format({"font_color": "#B03A2E", "text_wrap": True, "valign": "top"})
        self.f_link = wb.add_format({"font_color": "#0072B2", "underline": 1, "valign": "top", "text_wrap": True})
        self.f_datetime = wb.add_format({"num_format": "yyyy-mm-dd hh:mm", "align": "left"})
        self.f_year = wb.add_format({"num_format": "0", "align": "left", "valign": "top"})
        self._numfmts: dict[str, Any] = {}

    def num(self, fmt: str) -> Any:
        if fmt not in self._numfmts:
            self._numfmts[fmt] = self.wb.add_format({"num_format": fmt, "valign": "top"})
        return self._numfmts[fmt]

    def sheet(self, title: str) -> tuple[Any, str]:
        name = sheet_name(title, self.taken)
        return self.wb.add_worksheet(name), name

    def text(self, ws: Any, row: int, col: int, value: str, fmt: Any = None) -> None:
        """User text: always a string cell, never a formula, number or link. Text over Excel's cell cap
        is cut there with "…" and kept whole on a last "Full text" sheet, so none of it is lost."""
        value = clean(value)
        if needs_cell_cap(value):
            from xlsxwriter.utility import xl_rowcol_to_cell

            self.overflow.append((f"{ws.name}!{xl_rowcol_to_cell(row, col)}", value))
            value = cell_text(value)
        ws.write_string(row, col, value, fmt)

    def _overflow_sheet(self) -> None:
        ws, _name = self.sheet(FULL_TEXT[self.lang])
        ws.write_string(0, 0, FULL_TEXT_NOTE[self.lang], self.f_sub)
        ws.set_column(0, 0, 16)
        for r, (where, value) in enumerate(self.overflow, start=2):
            ws.write_string(r, 0, cell_text(where), self.f_label)
            for n, piece in enumerate(cell_chunks(value), start=1):
                if n > 16000:  # the last column Excel has (16,384): a text of 500 million characters
                    break
                ws.write_string(r, n, piece, self.f_text)

    def close(self) -> bytes:
        if self.overflow:
            self._overflow_sheet()
        self.wb.close()
        return self.buffer.getvalue()


def _cover(book: _Book, pack: Pack, catalog: Catalog, slides: list, now: datetime, item_sheets: dict[str, str]) -> None:
    lang = book.lang
    ws, _ = book.sheet(_t("cover", lang))
    ws.set_column(0, 0, 26)
    ws.set_column(1, 1, 48)
    ws.set_column(2, 2, 60)
    ws.set_column(3, 3, 60)
    book.text(ws, 0, 0, slides[0].title, book.f_title)
    rows = [
        ("pack_title", slides[0].title), ("audience", pack.audience),
        ("date", format_date(pack.meeting_date, lang) if pack.meeting_date else ""),
        ("organisation", getattr(pack, "organisation", "") or ""),
        ("language", LANG_NAMES[lang][lang]), ("app_version", __version__),
        ("data_version", catalog.version), ("report", _t("report_name", lang)),
    ]
    r = 2
    for key, value in rows:
        book.text(ws, r, 0, _t(key, lang), book.f_label)
        book.text(ws, r, 1, value, book.f_text)
        _fit_row(ws, r, [(value, 48)])
        r += 1
    book.text(ws, r, 0, _t("exported", lang), book.f_label)
    stamp = now.astimezone(timezone.utc).replace(tzinfo=None) if now.tzinfo else now
    ws.write_datetime(r, 1, stamp.replace(microsecond=0), book.f_datetime)
    r += 2
    book.text(ws, r, 0, _t("contents", lang), book.f_title)
    r += 1
    header = [_t("no", lang), _t("type", lang), _t("item", lang), _t("talking", lang), _t("sheet", lang)]
    ws.set_column(4, 4, 32)
    for c, h in enumerate(header):
        book.text(ws, r, c, h, book.f_head)
    first = r
    by_uid = {s.item_uid: s for s in slides if s.item_uid}
    # a key-figures slide shows several facts: each keeps its own row, read as a fact slide would be
    from dataclasses import replace as _replace_slide

    for s in slides:
        for cell in s.cells:
            by_uid[cell.item_uid] = _replace_slide(s, kind="fact", title=cell.claim, figure=cell.figure,
                                                   statement=cell.claim)
    for n, item in enumerate(pack.items, start=1):
        r += 1
        slide = by_uid.get(item.uid)
        ws.write_number(r, 0, n, book.f_year)  # left, beside its type (not across the wide label column)
        book.text(ws, r, 1, T["kinds"][item.kind][lang], book.f_text)
        if item.kind in ("note", "divider"):
            label = item.text
        else:
            label = slide.title if slide is not None else item.ref
            if slide is not None and slide.kind == "fact":
                label = f"{slide.figure} — {slide.statement}" if slide.figure else slide.statement
        book.text(ws, r, 2, label, book.f_warn if slide is not None and slide.kind == "missing" else book.f_text)
        book.text(ws, r, 3, item.talking_points, book.f_text)
        _fit_row(ws, r, [(label, 60), (item.talking_points, 60)])
        target = item_sheets.get(item.ref) if item.kind == "chart" else (
            _t("facts", lang) if item.kind == "fact" and slide is not None and slide.kind == "fact" else "")
        if target:
            ws.write_url(r, 4, f"internal:{sheet_ref(target)}!A1", book.f_link, string=target)
    ws.freeze_panes(first + 1, 0)
    if r > first:
        ws.autofilter(first, 0, r, len(header) - 1)
    _print_setup(ws, lang, first, _t("report_name", lang))


def _facts(book: _Book, pack: Pack, catalog: Catalog) -> str:
    lang = book.lang
    ws, name = book.sheet(_t("facts", lang))
    header = [_t(k, lang) for k in ("id", "section", "figure", "value", "unit", "period", "statement", "source",
                                     "status")]
    # narrow enough that one page wide prints at a readable size (the text wraps; rows grow to fit); a
    # fact's note (definitions, how its figure was chosen) is on the notes sheet
    widths = [18, 16, 18, 11, 12, 11, 50, 34, 12]
    for c, (h, w) in enumerate(zip(header, widths)):
        book.text(ws, 0, c, h, book.f_head)
        ws.set_column(c, c, w)
    r = 0
    seen = set()
    for item in pack.items:
        fact = catalog.fact(item.ref) if item.kind == "fact" else None
        if fact is None or fact.id in seen:
            continue
        seen.add(fact.id)
        r += 1
        section = catalog.section(fact.section)
        statuses = [catalog.sources[s].status for s in fact.sources if s in catalog.sources]
        status = max(statuses, key=("official", "report", "secondary").index) if statuses else ""
        book.text(ws, r, 0, fact.id, book.f_text)
        book.text(ws, r, 1, section.title(lang) if section else fact.section, book.f_text)
        book.text(ws, r, 2, fact_figure(fact, lang), book.f_text)
        if fact.value is not None:
            ws.write_number(r, 3, xl_value(fact.unit, fact.value), book.num(xl_number_format(
                fact.unit, fact.decimals if fact.decimals is not None else _decimals(fact.value))))
        book.text(ws, r, 4, format_axis_unit(fact.unit, lang), book.f_text)
        period = fact_period(fact, catalog, lang)  # a period, or when its source published it, as on the faces
        if _YEAR.match(period):
            ws.write_number(r, 5, int(period), book.f_year)
        else:
            book.text(ws, r, 5, period, book.f_text)
        book.text(ws, r, 6, fact_statement(fact, lang), book.f_text)
        book.text(ws, r, 7, fact_source_line(fact, catalog, lang), book.f_text)
        book.text(ws, r, 8, STATUS_SHORT.get(status, {}).get(lang, status),
                  book.f_warn if status == "secondary" else book.f_text)
        _fit_row(ws, r, [(fact.id, 18), (fact_figure(fact, lang), 18), (period, 11),
                         (fact_statement(fact, lang), 50), (fact_source_line(fact, catalog, lang), 34),
                         (section.title(lang) if section else fact.section, 16),
                         (format_axis_unit(fact.unit, lang), 12)])
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(r, 1), len(header) - 1)
    _print_setup(ws, lang, 0, _t("see_sources", lang))
    return name


def _decimals(value: float) -> int:
    from nap_desktop.core.formatting import decimals_of

    return min(decimals_of(value), 3)


_XL_TYPES = {
    "line": ("line", None), "column": ("column", None), "grouped": ("column", None),
    "stacked": ("column", "stacked"), "bar": ("bar", None), "diverging": ("bar", None), "share": ("bar", None),
    "table": ("bar", None), "tilemap": ("bar", None),
}


def _chart_sheet(book: _Book, spec: ChartSpec, catalog: Catalog, name: str) -> str:
    lang = book.lang
    ws = book.wb.add_worksheet(name)
    book.taken.add(name.lower())
    fmt = xl_number_format(spec.unit, spec.decimals)
    numf = book.num(fmt)
    book.text(ws, 0, 0, chart_title(spec, lang), book.f_title)
    line = source_line(spec, catalog, lang)
    header, rows = spec.table(lang)
    unit = format_axis_unit(spec.unit, lang)
    values_header = [f"{h} ({unit})" if unit else h for h in header[1:]]
    extra_cols: list[tuple[str, list[str]]] = []
    if spec.kind == "timeline":
        dates = spec.extra.get("dates", {})
        extra_cols.append((_t("date_col", lang), [format_date(dates.get(c, ""), lang) if dates.get(c) else ""
                                                   for c in spec.categories]))
    if spec.kind == "tilemap":
        classes = spec.extra.get("classes", {})
        labels = spec.extra.get("class_labels", {})
        extra_cols.append((_t("code", lang), list(spec.categories)))
        extra_cols.append((_t("class", lang), [labels.get(classes.get(c, ""), {}).get(lang, classes.get(c, ""))
                                               for c in spec.categories]))
    head_row = 3
    cols = [header[0]] + [h for h, _ in extra_cols] + values_header
    for c, h in enumerate(cols):
        book.text(ws, head_row, c, h, book.f_head)
    first_value_col = 1 + len(extra_cols)
    order = list(range(len(rows)))
    if spec.kind == "tilemap" and len(spec.series) == 1:
        # the 51 states largest first (the map shows where; the table and its chart rank them), a gap last
        order.sort(key=lambda i: (rows[i][1] is None, -(rows[i][1] or 0)))
    for pos, i in enumerate(order):
        row = rows[i]
        r = head_row + 1 + pos
        # years and months by their ids ("2024-01"), which the labels may spell out ("Jan 2024")
        cat_id = spec.categories[i]
        _category_cell(ws, book, r, 0, cat_id if (_YEAR.match(cat_id) or _MONTH.match(cat_id)) else str(row[0]))
        for k, (_, column) in enumerate(extra_cols):
            book.text(ws, r, 1 + k, column[i], book.f_text)
        for j, value in enumerate(row[1:]):
            if value is not None:  # a gap stays an empty cell; the reason is listed below the table
                ws.write_number(r, first_value_col + j, xl_value(spec.unit, value), numf)
    last = head_row + len(rows)
    widths = [max(14, min(48, max((len(str(r[0])) for r in rows), default=10) + 2))]
    widths += [max(12, min(40, max([len(h)] + [len(v) for v in column]) + 2)) for h, column in extra_cols]
    widths += [max(12, min(30, len(h) + 2)) for h in values_header]
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    # a header wider than its column wraps onto as many lines as it needs: never clipped ("Top export to
    # Mexico (USD")
    _fit_row(ws, head_row, list(zip(cols, widths)))
    ws.freeze_panes(head_row + 1, 0)
    ws.autofilter(head_row, 0, max(last, head_row + 1), len(cols) - 1)
    chart_col = len(cols) + 1
    chart_cols = 0 if spec.kind == "timeline" else 13  # 1.6 x 480 px over 64 px columns, and a margin
    table_width = sum(widths)
    page_width = table_width + 9 * (chart_cols + 1)
    last_col = chart_col + chart_cols - 1 if chart_cols else len(cols) - 1

    def block(row: int, text: str, fmt: Any, to_col: int, width: float) -> None:
        """Wrapped text across columns, the row as tall as the text: nothing spills past the page."""
        if to_col > 0:
            ws.merge_range(row, 0, row, to_col, "", fmt)
        book.text(ws, row, 0, text, fmt)
        _fit_row(ws, row, [(text, width)])

    block(1, spec.subtitle(lang), book.f_sub_wrap, last_col, page_width)
    block(2, line, book.f_sub_wrap, last_col, page_width)
    r = last + 2
    gaps = gap_footnotes(spec, lang)
    if gaps:
        book.text(ws, r, 0, _t("gaps", lang), book.f_label)
        for g in gaps:
            r += 1
            block(r, g, book.f_warn, len(cols) - 1, table_width)
        r += 1
    if spec.notes(lang) or spec.gaps:  # the notes and the reasons as written: on the notes sheet
        r += 1
        book.text(ws, r, 0, _t("see_notes", lang), book.f_sub)
    ws.print_area(0, 0, max(r, head_row + 23), max(last_col, len(cols) - 1))
    _print_setup(ws, lang, head_row, line)
    if spec.kind == "timeline":
        book.text(ws, head_row, chart_col, _t("no_chart", lang), book.f_sub)
        return name
    chart = _native_chart(book, spec, name, head_row, last, first_value_col, order)
    # a long list of bars (the 51 states) gets the height for every label (Excel drops every other one)
    y_scale = max(1.5, len(rows) * 16 / 288) if _XL_TYPES.get(spec.kind, ("column",))[0] == "bar" else 1.5
    ws.insert_chart(head_row, chart_col, chart, {
        "x_scale": 1.6, "y_scale": y_scale, "description": chart_alt_text(spec, catalog, lang),
        "object_position": 1})
    return name


def _native_chart(book: _Book, spec: ChartSpec, sheet: str, head_row: int, last: int, first_value_col: int,
                  order: list[int] | None = None) -> Any:
    lang = book.lang
    kind = spec.kind
    xl_type, subtype = _XL_TYPES.get(kind, ("column", None))
    options = {"type": xl_type}
    if subtype:
        options["subtype"] = subtype
    chart = literal_chart(book.wb.add_chart(options))  # every name given as text stays text
    fmt = xl_number_format(spec.unit, spec.decimals)
    single = len(spec.series) == 1
    n = len(spec.categories)
    label_ok = (kind != "line" and (single and n <= 15 or n * len(spec.series) <= 16)) or (
        kind == "line" and single and n <= 8)
    point_colors: list[str] = []
    if single and spec.category_colors:
        point_colors = list(spec.category_colors)
    if kind == "tilemap":
        classes = spec.extra.get("classes", {})
        colors = spec.extra.get("class_colors", {})
        point_colors = [colors.get(classes.get(c, ""), spec.series[0].color) for c in spec.categories]
    from nap_desktop.core.deck import drawn_spec

    # series colours a reader tells apart, as the deck and the images draw them (never two oranges)
    spec = replace(spec, series=tuple(replace(s, color=d.color) for s, d in zip(spec.series, drawn_spec(spec).series)))
    for j, s in enumerate(spec.series):
        col = first_value_col + j
        series: dict[str, Any] = {
            "name": [sheet, head_row, col],
            "categories": [sheet, head_row + 1, 0, last, 0],
            "values": [sheet, head_row + 1, col, last, col],
        }
        if kind == "line":
            series["line"] = {"color": s.color, "width": 2.25}
            series["marker"] = {"type": "circle", "size": 6, "fill": {"color": s.color},
                                "border": {"color": s.color}}
        else:
            series["fill"] = {"color": s.color}
            series["border"] = {"none": True}
            series["invert_if_negative"] = False
            colors = point_colors[:n] if point_colors else []
            if single and any(v is not None and v < 0 for v in s.values):
                # negatives (surpluses) in their own colour, the same in every renderer
                base = colors or [s.color] * n
                colors = [NEGATIVE_COLOR if v is not None and v < 0 else base[i] for i, v in enumerate(s.values)]
            if colors and order is not None:
                colors = [colors[i] for i in order if i < len(colors)]  # the rows as the sheet sorts them
            if colors:
                series["points"] = [{"fill": {"color": c or s.color}, "border": {"none": True}} for c in colors]
            series["gap"] = 60
            if kind == "stacked":
                series["overlap"] = 100
        if label_ok:
            series["data_labels"] = {"value": True, "num_format": fmt,
                                     "position": "center" if kind == "stacked" else (
                                         "above" if kind == "line" else "outside_end")}
        chart.add_series(series)
    chart.set_title({"name": chart_title(spec, lang), "name_font": {"size": 12, "bold": True, "color": "#1F3B5C"}})
    values = [v for s in spec.series for v in s.values if v is not None]
    # Ticks carry only the decimals they need: "1,000", not "1,000.0", when the scale runs past 10.
    span = max((abs(v) for v in values), default=0)
    divisor, scaled_title = axis_scale(spec, lang)  # ticks in thousands/millions, the scale in the title
    axis_fmt = _scaled_format(xl_number_format(spec.unit, 0 if span >= 10 else spec.decimals), divisor)
    value_axis: dict[str, Any] = {"num_format": axis_fmt, "num_font": {"size": 10},
                                  "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}}
    if values and min(values) >= 0 and kind != "line":
        value_axis["min"] = 0
    if label_ok:
        # The data labels carry the numbers: no value axis, no gridlines to read them against.
        value_axis["visible"] = False
        value_axis["major_gridlines"] = {"visible": False}
    else:
        y_title = scaled_title  # the on-screen chart's rule: no "number" beside numbers; the scale named
        if y_title:
            value_axis["name"] = y_title
            value_axis["name_font"] = {"size": 10, "bold": False}
    # No category-axis title: "Country" or "Year" under country names or years says nothing.
    cat_axis: dict[str, Any] = {"num_font": {"size": 10}, "label_position": "low"}
    if any(_MONTH.match(c) for c in spec.categories):
        cat_axis["num_format"] = "mmm yyyy"
    if xl_type == "bar":
        cat_axis["interval_unit"] = 1  # every category named (the chart is tall enough for them)
        # XlsxWriter: on a bar chart, x is the (horizontal) value axis and y the category axis.
        # Categories read top to bottom in table order (reversed axis); the value axis then crosses at
        # the last category so it stays at the bottom, and the bars grow from zero.
        cat_axis["reverse"] = True
        cat_axis["crossing"] = "max"
        chart.set_x_axis(value_axis)
        chart.set_y_axis(cat_axis)
    else:
        chart.set_x_axis(cat_axis)
        chart.set_y_axis(value_axis)
    chart.set_legend({"position": "bottom"} if len(spec.series) > 1 else {"none": True})
    chart.show_blanks_as("gap")
    return chart


def _notes_sheet(book: _Book, pack: Pack, catalog: Catalog, chart_ids: list[str], item_sheets: dict[str, str],
                 facts_sheet: str) -> None:
    """Every chart's missing values with their reasons as written and its notes, one row each: how the
    data was cleaned lives here (and in the deck's notes), never on a chart sheet's face."""
    lang = book.lang
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for item in pack.items:
        fact = catalog.fact(item.ref) if item.kind == "fact" else None
        if fact is None or fact.id in seen:
            continue
        seen.add(fact.id)
        if fact.note(lang):
            rows.append((facts_sheet, fact.id, fact.note(lang)))
    for cid in chart_ids:
        spec = catalog.charts[cid]
        for line in gap_notes(spec, lang):
            rows.append((item_sheets[cid], cid, line))
        if spec.notes(lang):
            rows.append((item_sheets[cid], cid, spec.notes(lang)))
    if not rows:
        return
    ws, _ = book.sheet(_t("notes_sheet", lang))
    book.text(ws, 0, 0, _t("notes_intro", lang), book.f_sub)
    header = [_t("sheet", lang), _t("item", lang), _t("note", lang)]
    widths = (32, 18, 100)
    for c, (h, w) in enumerate(zip(header, widths)):
        book.text(ws, 2, c, h, book.f_head)
        ws.set_column(c, c, w)
    r = 2
    for sheet, kind, text in rows:
        r += 1
        ws.write_url(r, 0, f"internal:{sheet_ref(sheet)}!A1", book.f_link, string=sheet)
        book.text(ws, r, 1, kind, book.f_text)
        book.text(ws, r, 2, text, book.f_text)
        _fit_row(ws, r, [(sheet, 32), (kind, 18), (text, 100)])
    ws.freeze_panes(3, 0)
    _print_setup(ws, lang, 2, _t("report_name", lang))


def _sources(book: _Book, pack: Pack, catalog: Catalog) -> None:
    from nap_desktop.core.deck import used_sources

    lang = book.lang
    ws, _ = book.sheet(_t("sources", lang))
    header = [_t(k, lang) for k in ("id", "publisher", "title", "pub_date", "status", "meaning", "url", "note",
                                     "why_no_link")]
    widths = (18, 34, 50, 14, 12, 50, 60, 50, 50)
    for c, (h, w) in enumerate(zip(header, widths)):
        book.text(ws, 0, c, h, book.f_head)
        ws.set_column(c, c, w)
    r = 0
    for sid in used_sources(pack, catalog):
        src = catalog.sources[sid]
        r += 1
        book.text(ws, r, 0, src.id, book.f_text)
        book.text(ws, r, 1, publisher_name(src, lang), book.f_text)
        book.text(ws, r, 2, src.title_in(lang), book.f_text)
        book.text(ws, r, 3, src.date_text(lang) if hasattr(src, "date_text") else src.date, book.f_text)  # n.d. / s. f.
        book.text(ws, r, 4, STATUS_SHORT.get(src.status, {}).get(lang, src.status),
                  book.f_warn if src.status == "secondary" else book.f_text)
        book.text(ws, r, 5, STATUS_LABELS.get(src.status, {}).get(lang, ""), book.f_text)
        if safe_url(src.url) and len(src.url) < 255:  # only http(s) links (Excel's cap is 255)
            ws.write_url(r, 6, src.url, book.f_link, string=src.url)
        else:
            book.text(ws, r, 6, src.url, book.f_text)
        book.text(ws, r, 7, src.note_in(lang), book.f_text)
        book.text(ws, r, 8, src.reasons(lang), book.f_text)  # why no specific link or date (data check's reasons)
        _fit_row(ws, r, [(src.id, 18), (publisher_name(src, lang), 34), (src.title_in(lang), 50),
                         (STATUS_LABELS.get(src.status, {}).get(lang, ""), 50), (src.url, 60), (src.note_in(lang), 50),
                         (src.reasons(lang), 50)])
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(r, 1), len(header) - 1)
    _print_setup(ws, lang, 0, _t("report_name", lang))


def _with_language(payload: bytes, lang: str) -> bytes:
    """The workbook with its language in its document properties (dc:language, as the deck has it):
    XlsxWriter writes none, so a Spanish workbook read as English by Excel's proofing and by catalogues."""
    import zipfile

    from nap_desktop.exporters import docprops

    src = zipfile.ZipFile(io.BytesIO(payload))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml" and b"<dc:language>" not in data:
                tag = docprops.language_tag(lang).encode("ascii")
                data = data.replace(b"</cp:coreProperties>", b"<dc:language>" + tag + b"</dc:language></cp:coreProperties>")
            dst.writestr(info, data)
    return out.getvalue()


def export_xlsx(pack: Pack, catalog: Catalog, dest: Path | str, *, lang: str, now: datetime,
                progress: Callable[[int, int], None] | None = None) -> Path:
    """Write the pack's data as an .xlsx at ``dest`` (atomically); raises ExportError for the user."""
    dest = Path(dest)
    pack = sanitize_pack(pack)  # the one place user text enters: nothing below can trip on it
    pack = in_language(pack, catalog, lang)  # a state brief's generated title and audience in the output's language
    check_item_count(pack, "workbook")  # 100,000 notes: refused up front, the limit named
    catalog = sanitize_catalog(catalog)  # a user library's texts too (the same object when already clean)
    slides = compose_deck(pack, catalog, lang=lang, now=now)
    chart_ids: list[str] = []
    for item in pack.items:
        if item.kind == "chart" and item.ref in catalog.charts and item.ref not in chart_ids:
            chart_ids.append(item.ref)
    total = len(chart_ids) + 4
    book = _Book(lang, now, slides[0].title, catalog.version, pack=pack)
    # Sheet names are decided up front so the cover can link to them; sheets are added in order.
    cover_name = sheet_name(_t("cover", lang), set())
    facts_name = sheet_name(_t("facts", lang), {cover_name.lower()})
    planned = {cover_name.lower(), facts_name.lower()}
    item_sheets = dict(zip(chart_ids, sheet_names([catalog.charts[cid].title(lang) for cid in chart_ids], planned)))
    try:
        _cover(book, pack, catalog, slides, now, item_sheets)
        _facts(book, pack, catalog)
        if progress:
            progress(2, total)
        for n, cid in enumerate(chart_ids, start=3):
            made = _chart_sheet(book, catalog.charts[cid], catalog, item_sheets[cid])
            assert made == item_sheets[cid], (made, item_sheets[cid])
            if progress:
                progress(n, total)
        _notes_sheet(book, pack, catalog, chart_ids, item_sheets, facts_name)
        _sources(book, pack, catalog)
        payload = _with_language(book.close(), lang)
    except ExportError:
        raise
    except Exception as exc:  # noqa: BLE001 - XlsxWriter errors become a message naming the file
        raise ExportError(f"Cannot build the workbook {dest.name}: {exc}") from exc
    write_atomically(dest, payload)
    if progress:
        progress(total, total)
    return dest
