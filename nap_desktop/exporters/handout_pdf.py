"""The leave-behind: a pack as a one-page handout PDF (US Letter or A4), Qt-free.

Layout, top to bottom: the pack's title; audience · meeting date · organisation; the pack's headline
facts as a grid of figure + one-line claim (three across); up to two of its charts as vector
graphics (the same SVG the chart images use, so the same ChartSpec and the same look as the deck);
the talking points when asked for; a numbered list of sources with their status; a footer with the
data version, the export date and the page number. Six facts and one chart fit on one page; a
longer pack flows onto more pages with the same grid, never shrinking type below ``MIN_PT``.

Drawn with reportlab (platypus): TrueType fonts are embedded and subset, text stays selectable and
searchable, links are clickable, and the document's title, author and language are set. Every user
text goes through ``textsafe`` and is escaped before it reaches reportlab's paragraph markup.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable
from xml.sax.saxutils import escape

from nap_desktop import __version__
from nap_desktop.core.catalog.model import STATUS_SHORT
from nap_desktop.core.deck import (chart_title, clip, fact_figure, fact_period, fact_statement, fact_title,
                                   publisher_name, used_sources)
from nap_desktop.core.charts.style import value_axis_title
from nap_desktop.core.formatting import format_date
from nap_desktop.core.pack.state_brief import in_language
from nap_desktop.core.textmetrics import keep_together, wrap
from nap_desktop.exporters.files import ExportError, write_atomically
from nap_desktop.exporters.textsafe import check_drawable, safe_url

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog, Fact
    from nap_desktop.core.pack.packfile import Pack

PAPERS = ("letter", "a4")
#: Countries that use US Letter (everyone else uses A4); Mexico and Canada included.
LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "SV", "DO", "PA", "NI", "BZ"}
#: The smallest type on the handout (source list, footer), in points.
MIN_PT = 8.0
FONT = "NAPSans"
FONT_BOLD = "NAPSans-Bold"
GRID_COLUMNS = 3
MAX_CHARTS = 2

_T = {
    "untitled": {"en": "Briefing", "es": "Presentación"},
    "audience": {"en": "For", "es": "Para"},
    "figures": {"en": "Key figures", "es": "Cifras clave"},
    "talking": {"en": "Talking points", "es": "Puntos para la conversación"},
    "sources": {"en": "Sources", "es": "Fuentes"},
    "source": {"en": "Source", "es": "Fuente"},
    "footer": {"en": "NAP Briefing {app} · data version {data} · exported {date} · page {page}",
               "es": "NAP Briefing {app} · versión de datos {data} · exportado el {date} · página {page}"},
    "subject": {"en": "Briefing handout: The North American Project's figures",
                "es": "Hoja informativa: cifras de The North American Project"},
    "period": {"en": "Period", "es": "Periodo"},
    "no_figure": {"en": "—", "es": "—"},
    "missing": {"en": "Not in this data version: {ref}", "es": "No está en esta versión de datos: {ref}"},
    "unlinked": {"en": "† No specific link: why, source by source, in the workbook's Sources sheet and the "
                       "speaker notes.",
                 "es": "† Sin enlace específico: el porqué de cada fuente, en la hoja Fuentes del libro de Excel y en "
                       "las notas del orador."},
    "full_sources": {"en": "full citations with links in the deck's appendix and the workbook",
                     "es": "citas completas con enlaces en el apéndice de la presentación y en el libro de Excel"},
}


def default_paper(locale_name: str | None) -> str:
    """'letter' for the locales that print on US Letter (en_US, es_MX, fr_CA…), else 'a4'."""
    if not locale_name:
        import locale
        import os

        locale_name = (os.environ.get("LC_PAPER") or os.environ.get("LC_ALL") or os.environ.get("LANG")
                       or (locale.getlocale()[0] or ""))
        if not locale_name:
            return "letter"
    code = locale_name.replace("-", "_").split(".")[0].split("@")[0]
    country = code.split("_")[1].upper() if "_" in code else ""
    if not country:
        return "letter" if code.lower() in ("en", "es", "c", "posix", "") else "a4"
    return "letter" if country in LETTER_COUNTRIES else "a4"


def _para_text(text: str) -> str:
    """Plain text as reportlab paragraph markup: escaped, line breaks kept (already made safe at the boundary)."""
    return escape(keep_together(text)).replace("\n", "<br/>")


_FONTS_READY = False


def _register_fonts() -> None:
    global _FONTS_READY
    if _FONTS_READY:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from nap_desktop.paths import resources_dir

    fonts = resources_dir() / "fonts"
    regular, bold = str(fonts / "DejaVuSans.ttf"), str(fonts / "DejaVuSans-Bold.ttf")
    pdfmetrics.registerFont(TTFont(FONT, regular))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, bold))
    # the charts come in through svglib: map their family (normal and bold) to the embedded fonts, with
    # their files, so that svglib finds them in its own map. Given names only, a later layout in the same
    # process (the one-page retry) set every bold text in regular type (test_handout_realistic).
    from svglib.fonts import register_font

    register_font(FONT, regular, rlgFontName=FONT)
    register_font(FONT, bold, weight="bold", rlgFontName=FONT_BOLD)
    register_font(FONT, regular, style="italic", rlgFontName=FONT)
    register_font(FONT, bold, weight="bold", style="italic", rlgFontName=FONT_BOLD)
    # the family mapping last: registering a TTFont resets its name's own entries
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    # a drawing starts in reportlab's default state (Helvetica) before its first string: start it in ours
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = FONT
    _FONTS_READY = True


def _styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    ink, muted, navy = HexColor("#1A1A1A"), HexColor("#555555"), HexColor("#1F3B5C")
    return {
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=20, leading=24, textColor=navy, spaceAfter=2),
        "title_compact": ParagraphStyle("title_compact", fontName=FONT_BOLD, fontSize=16, leading=19.5,
                                        textColor=navy, spaceAfter=2),
        "meta": ParagraphStyle("meta", fontName=FONT, fontSize=10.5, leading=14, textColor=muted, spaceAfter=8),
        "h2": ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=11, leading=14, textColor=navy,
                             spaceBefore=6, spaceAfter=4),
        "figure": ParagraphStyle("figure", fontName=FONT_BOLD, fontSize=15, leading=18, textColor=navy, spaceAfter=1),
        "figure_compact": ParagraphStyle("figure_compact", fontName=FONT_BOLD, fontSize=13, leading=15.5,
                                         textColor=navy, spaceAfter=1),
        "claim_compact": ParagraphStyle("claim_compact", fontName=FONT, fontSize=8.5, leading=10.5, textColor=ink),
        "claim": ParagraphStyle("claim", fontName=FONT, fontSize=9.5, leading=12, textColor=ink),
        "small": ParagraphStyle("small", fontName=FONT, fontSize=MIN_PT, leading=MIN_PT * 1.3, textColor=muted),
        "chart_title": ParagraphStyle("chart_title", fontName=FONT_BOLD, fontSize=10, leading=12.5, textColor=navy,
                                      spaceAfter=1),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13, textColor=ink),
        "source": ParagraphStyle("source", fontName=FONT, fontSize=MIN_PT + 0.5, leading=(MIN_PT + 0.5) * 1.3,
                                 textColor=ink, leftIndent=14, firstLineIndent=-14),
    }


#: How much of each text the handout's face shows: (type size, bold, lines, width) measured with the
#: bundled font (core/textmetrics through core/deck.clip; a cell or a chart cannot split across pages, so a
#: longer text is cut at a word with "…"; the deck's notes and the workbook keep it whole). Widths are A4's
#: frame (the narrower paper) and its grid cell.
_FRAME_PT = 595.3 - 2 * 43.2
_CELL_PT = _FRAME_PT / 3 - 12
FACE_FIT = {"title": (20.0, True, 4, _FRAME_PT), "meta": (10.5, False, 3, _FRAME_PT),
            "figure": (15.0, True, 3, _CELL_PT), "label": (10.0, False, 3, _CELL_PT),
            "claim": (9.5, False, 8, _CELL_PT), "period": (MIN_PT, False, 2, _CELL_PT),
            "chart_title": (10.0, True, 3, _FRAME_PT), "subtitle": (MIN_PT, False, 4, _FRAME_PT),
            "missing": (MIN_PT, False, 2, _FRAME_PT), "publisher": (MIN_PT + 0.5, False, 2, _FRAME_PT / 3 - 22)}


def _face(text: str, role: str) -> str:
    size, bold, lines, width = FACE_FIT[role]
    return clip(text, width, size, lines, bold)


def _fact_claim(fact: Fact, lang: str) -> str:
    """The one-line claim under a figure: the fact's action title, else its statement, shortened."""
    text = fact_title(fact, lang)  # a user fact without Spanish: its English title, marked
    return _face(text if text.strip() else fact_statement(fact, lang), "claim")


def _fact_cell(fact: Fact, catalog: Catalog, source_numbers: list[int], lang: str, styles: dict[str, Any],
               width: float) -> list[Any]:
    from reportlab.platypus import Paragraph

    figure = _face(fact_figure(fact, lang), "figure") if fact.value is not None else ""
    cell: list[Any] = []
    if figure:
        label = _face(fact.label(lang), "label")
        markup = _para_text(figure) + (f' <font name="{FONT}" size="10" color="#1A1A1A">{_para_text(label)}</font>' if label else "")
        cell.append(Paragraph(markup, styles["figure"]))
    cell.append(Paragraph(_para_text(_fact_claim(fact, lang)), styles["claim"]))
    meta = []
    period = fact_period(fact, catalog, lang)
    if period:
        meta.append(_face(period, "period"))
    if source_numbers:
        meta.append("[" + ", ".join(str(n) for n in source_numbers) + "]")
    if meta:
        cell.append(Paragraph(_para_text(" · ".join(meta)), styles["small"]))
    return cell


#: The chart's drawing height in SVG pixels (at svg_width_for's width): the first that lets the page end on one sheet.
#: A shorter chart keeps its width and its type size (a shorter plot area), it is never scaled down.
CHART_SVG_HEIGHTS = (400, 340, 290)
#: A state brief's chart across the page: the shortest it is drawn (its lines and legend stay readable).
STATE_SVG_MIN_HEIGHT = 200


#: The smallest type the SVG draws (axis labels, data labels, notes), in SVG pixels.
SVG_MIN_PX = 11


def svg_width_for(width: float) -> int:
    """The SVG width a chart is drawn at to be shown ``width`` points wide with its smallest type at MIN_PT or
    more: 760 px (its designed width) where that fits, else narrower, so the labels keep their size and the
    layout reflows (a US-letter frame holds 760 px at 0.71; an A4 frame or a half width does not)."""
    return min(760, int(width * SVG_MIN_PX / MIN_PT))


def _chart_drawing(spec: Any, catalog: Catalog, lang: str, width: float,
                   svg_height: int = CHART_SVG_HEIGHTS[0], svg_width: int = 760, titles: bool = True,
                   source: bool = True) -> Any:
    """The chart's SVG (svg_chart, the same renderer as the images) as a scaled reportlab Drawing."""
    from svglib.svglib import svg2rlg

    from nap_desktop.exporters.svg_chart import chart_svg

    # Drawn at svg_width (760 where it fits) and shown at width / svg_width: its 11 px labels at MIN_PT or more.
    svg = chart_svg(spec, catalog, lang, width=svg_width, height=svg_height, titles=titles, source=source)
    # svglib resolves font-family names through reportlab; point the SVG at our embedded font.
    svg = re.sub(r'font-family="[^"]*"', f'font-family="{FONT}"', svg)
    drawing = svg2rlg(io.BytesIO(svg.encode("utf-8")))
    if drawing is None:  # pragma: no cover - our SVG always parses
        raise ExportError(f"The chart {spec.id} could not be drawn in the handout.")
    # scaled to the width it is given; never by height (that would shrink its type below MIN_PT): the
    # caller draws it as tall as the room it has (svg_height = room / scale)
    scale = width / drawing.width
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.scale(scale, scale)
    drawing.hAlign = "CENTER"
    return drawing


def _flowable_height(flowable: Any, width: float) -> float:
    """The height a flowable takes in a frame ``width`` wide, its spacing included."""
    inner = getattr(flowable, "_content", None)
    if isinstance(inner, list):  # KeepTogether: its parts (it needs a canvas to measure itself)
        return sum(_flowable_height(f, width) for f in inner)
    _, h = flowable.wrap(width, 100_000)
    return h + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def short_publisher(src: Any, lang: str) -> str:
    """A source's short name for the handout's condensed list: 'U.S. Census Bureau' -> 'Census Bureau',
    'Bureau of Transportation Statistics (BTS)' -> 'BTS', a cited agency by the outlet that cited it
    ('CSIS Trade Guys'), 'A via FRED' -> 'A'."""
    name = publisher_name(src, lang)
    name = re.split(r",\s+(?:citing|citando a)\s+|\s+(?:via|vía)\s+", name, maxsplit=1)[0].strip()
    m = re.match(r"^(?P<name>.+?)\s*\((?P<inner>[^()]*)\)(?P<rest>.*)$", name)
    if m:
        acronym = re.split(r"[:;,\s]", m.group("inner").strip(), maxsplit=1)[0]
        words = [w for w in re.findall(r"[A-ZÁÉÍÓÚÑ][\w.'’-]*", m.group("name"))][:3]
        initials = {w[0] for w in words}
        if re.fullmatch(r"[A-Z][A-Z&.]{1,7}", acronym) and acronym[0] in initials:
            return acronym
        name = (m.group("name") + m.group("rest")).strip()
    if lang == "en":
        name = re.sub(r"^U\.S\.\s+", "", name)
    return name


def handout_story(pack: Pack, catalog: Catalog, *, lang: str, frame_width: float, chart_height: float,
                  talking_points: bool = False, chart_svg_height: int = CHART_SVG_HEIGHTS[0],
                  frame_height: float | None = None) -> list[Any]:
    """The handout's flowables (exposed for tests and the benchmark). With ``frame_height``, the charts
    take the room the page has left (one page for six facts and a chart)."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    styles = _styles()
    story: list[Any] = []
    title = _face(pack.title.strip(), "title") or _T["untitled"][lang]
    # a state brief's title is a sentence (what its numbers show): a size smaller, so it takes two lines
    story.append(Paragraph(_para_text(title), styles["title_compact" if getattr(pack, "state", "") else "title"]))
    meta = []
    if pack.audience.strip():
        meta.append(f"{_T['audience'][lang]}: {pack.audience.strip()}")
    if pack.meeting_date:
        meta.append(format_date(pack.meeting_date, lang))
    organisation = getattr(pack, "organisation", "") or ""
    if organisation.strip():
        meta.append(organisation.strip())
    if meta:
        story.append(Paragraph(_para_text(" · ".join(_face(m, "meta") for m in meta)), styles["meta"]))

    source_ids = used_sources(pack, catalog)
    number: dict[str, int] = {}
    # condensed: one numbered entry per short publisher, year and status ("Census Bureau, 2026"), the
    # same Census page of two vintages once (the full list with links is in the deck's appendix, the
    # workbook's Sources sheet and the bundle's manifest)
    condensed: list[tuple[str, str]] = []
    keys: list[tuple[str, str, str]] = []
    # a source with no specific link for a reason: marked † (handout_bytes explains the mark in the page's foot)
    for sid in source_ids:
        src = catalog.sources[sid]
        short = _face(short_publisher(src, lang), "publisher")
        year = src.date[:4] if src.date[:4].isdigit() else ""
        if not year:  # no date, for a reason the workbook gives: 'n.d.' / 's. f.', as the deck cites it
            year = src.date_text(lang)
        key = (short, year, src.status)
        if key not in keys:
            keys.append(key)
            text = _para_text(short)
            if safe_url(src.url):  # the first link of the entry stays clickable (only http(s) links)
                text = f'<a href="{escape(safe_url(src.url), {chr(34): "&quot;"})}" color="#0B5CAD">{text}</a>'
            mark = " †" if src.url_reason(lang) else ""
            condensed.append((text + (f", {year}" if year else "") + mark, src.status))
        number[sid] = keys.index(key) + 1

    facts = [catalog.fact(i.ref) for i in pack.items if i.kind == "fact"]
    missing = [i.ref for i in pack.items if i.kind in ("fact", "chart") and
               (catalog.fact(i.ref) is None if i.kind == "fact" else i.ref not in catalog.charts)]
    facts = [f for f in facts if f is not None]
    if facts:
        state_page = bool(getattr(pack, "state", ""))
        if not state_page:  # a state brief's title is its first figure: its grid needs no heading (nor room for one)
            story.append(Paragraph(_para_text(_T["figures"][lang]), styles["h2"]))
        else:
            story.append(Spacer(1, 4))
        col_w = frame_width / GRID_COLUMNS
        cell_styles = dict(styles, figure=styles["figure_compact"], claim=styles["claim_compact"]) \
            if state_page else styles
        cells = [_fact_cell(f, catalog, sorted({number[s] for s in f.sources if s in number}), lang, cell_styles,
                            col_w - 12)
                 for f in facts]
        rows = [cells[i:i + GRID_COLUMNS] for i in range(0, len(cells), GRID_COLUMNS)]
        rows[-1] += [""] * (GRID_COLUMNS - len(rows[-1]))
        table = Table(rows, colWidths=[col_w] * GRID_COLUMNS, repeatRows=0, splitByRow=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), FONT, 10),  # a table's own default is Helvetica, not embedded
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3 if state_page else 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 if state_page else 7),
            ("LINEABOVE", (0, 0), (-1, -1), 0.75, HexColor("#0072B2")),
        ]))
        story.append(table)

    charts = [catalog.charts[i.ref] for i in pack.items if i.kind == "chart" and i.ref in catalog.charts]
    compact = bool(getattr(pack, "state", "")) and len(charts) >= 2
    chart_at = len(story)  # the charts go here, once the rest is measured
    chart_cells: list[Any] = []
    state = getattr(pack, "state", "")
    if state:  # a state brief: how to read state trade figures, in one short line (the notes say it whole)
        from nap_desktop.core.pack.state_brief import brief_footnote

        line = brief_footnote(pack, catalog, lang)
        if line:
            story.append(Spacer(1, 3))
            story.append(Paragraph(_para_text(line), styles["small"]))

    if talking_points:
        points = [i.talking_points.strip() for i in pack.items if i.talking_points.strip()]
        if points:
            block = [Paragraph(_para_text(_T["talking"][lang]), styles["h2"])]
            block += [Paragraph("• " + _para_text(p), styles["body"]) for p in points]
            story.append(KeepTogether(block))

    if missing:
        story.append(Spacer(1, 4))
        for ref in missing:
            story.append(Paragraph(_para_text(_T["missing"][lang].format(ref=_face(ref, "missing"))), styles["small"]))

    if condensed:
        # the heading says where the full list is, on its own line (a state brief's page is full)
        heading = Paragraph(_para_text(_T["sources"][lang]) + f' <font name="{FONT}" size="{MIN_PT:g}" color="#555555">'
                            f'· {_para_text(_T["full_sources"][lang])}</font>', styles["h2"])
        entries = [Paragraph(f"{n}. {text} [{escape(STATUS_SHORT.get(status, {}).get(lang, status))}]", styles["source"])
                   for n, (text, status) in enumerate(condensed, start=1)]
        ncols = 3 if len(entries) > 4 else 2
        per = -(-len(entries) // ncols)  # down the first column, then the next
        rows = [[entries[c * per + r] if c * per + r < len(entries) else "" for c in range(ncols)] for r in range(per)]
        grid = Table(rows, colWidths=[frame_width / ncols] * ncols)
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), FONT, MIN_PT),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        story.append(KeepTogether([heading, grid]))  # the † mark's explanation is in the page's foot

    if compact:
        # a state brief: its trade over the years across the page, as tall as the page leaves once
        # everything else is laid out (the map and the destinations are in the deck and the workbook: at
        # half the width beside it, neither could be read at a handout's type size)
        spec = charts[0]
        svg_width = svg_width_for(frame_width)
        scale = frame_width / svg_width
        title = Paragraph(_para_text(_face(chart_title(spec, lang), "chart_title")), styles["chart_title"])
        # under the chart, its unit where its axis leaves it to the subtitle (which the handout omits), and
        # its sources' numbers in the list below (as a fact cell gives them)
        nums = sorted({number[s] for s in spec.sources if s in number})
        word = _T["sources"][lang] if len(nums) > 1 else _T["source"][lang]
        parts = []
        unit = spec.y_title(lang).strip()
        if spec.kind not in ("timeline", "tilemap", "table") and unit and not value_axis_title(spec, lang):
            parts.append(unit[:1].upper() + unit[1:])
        if nums:
            parts.append(f"{word}: [{', '.join(str(n) for n in nums)}]")
        refs = Paragraph(_para_text(" · ".join(parts)), styles["small"])
        svg_height = CHART_SVG_HEIGHTS[-1]
        if frame_height:
            used = sum(_flowable_height(f, frame_width) for f in story) + 6 + 14  # the spacer, a margin
            used += _flowable_height(title, frame_width) + _flowable_height(refs, frame_width)
            # (a build that still runs onto a second page asks for a shorter chart: chart_svg_height)
            svg_height = int((frame_height - used) / scale) - (CHART_SVG_HEIGHTS[0] - chart_svg_height)
        svg_height = max(STATE_SVG_MIN_HEIGHT, min(CHART_SVG_HEIGHTS[-1], svg_height))
        chart_cells = [Spacer(1, 6), title,
                       _chart_drawing(spec, catalog, lang, frame_width, svg_height, svg_width=svg_width, titles=False,
                                      source=False), refs]

    if not compact and charts:
        # each chart as tall as the page leaves once everything else is laid out (at most its full height,
        # never shorter than its shortest readable height: a longer pack flows onto more pages, same grid)
        shown = charts[:MAX_CHARTS]
        room = chart_height
        svg_width = svg_width_for(frame_width)
        scale = frame_width / svg_width  # the SVG's 11 px labels print at MIN_PT or more
        shortest = CHART_SVG_HEIGHTS[-1] * scale
        if frame_height and len(facts) <= 12:  # a longer pack is several pages anyway: charts at full height
            used = sum(_flowable_height(f, frame_width) for f in story) + 6 * len(shown)
            left = (frame_height - used) / len(shown)
            # the room left, when it holds a readable chart; else full height on the next page
            room = min(chart_height, left) if left >= shortest else chart_height
        svg_height = max(CHART_SVG_HEIGHTS[-1], min(chart_svg_height, int(room / scale)))
        for spec in shown:
            chart_cells.append(Spacer(1, 6))
            chart_cells.append(_chart_drawing(spec, catalog, lang, frame_width, svg_height,
                                              svg_width=svg_width))
    story[chart_at:chart_at] = chart_cells
    return story


def export_pdf(pack: Pack, catalog: Catalog, dest: Path | str, *, lang: str, now: datetime,
               paper: str | None = None, talking_points: bool = False,
               progress: Callable[[float], None] | None = None, **_: Any) -> Path:
    """Write the handout of ``pack`` to ``dest`` (temp file + rename); ExportError on failure."""
    dest = Path(dest)
    paper = paper or default_paper(None)
    if paper not in PAPERS:
        raise ExportError(f"Unknown paper size {paper!r}: choose letter or a4.")
    payload = handout_bytes(pack, catalog, lang=lang, now=now, paper=paper, talking_points=talking_points)
    if progress:
        progress(1.0)
    write_atomically(dest, payload)
    return dest


def handout_bytes(pack: Pack, catalog: Catalog, *, lang: str, now: datetime, paper: str = "letter",
                  talking_points: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import inch
    from reportlab.platypus import SimpleDocTemplate

    from nap_desktop.exporters.textsafe import sanitize_catalog, sanitize_pack

    # the one place user text enters the exporters, as in the deck and the workbook; the handout reads
    # no dataset rows (a chart carries its own), so they are not cleaned for it (a state brief's
    # footnote reads the state datasets: kept there)
    if not getattr(pack, "state", "") and getattr(catalog, "datasets", None):
        import dataclasses

        catalog = dataclasses.replace(catalog, datasets={})
    pack, catalog = sanitize_pack(pack), sanitize_catalog(catalog)
    pack = in_language(pack, catalog, lang)  # a state brief's generated title and audience in the output's language
    check_drawable(pack, catalog, "handout")  # a chart too large to draw: refused before any layout
    _register_fonts()
    size = LETTER if paper == "letter" else A4
    margin = 0.6 * inch
    frame_width = size[0] - 2 * margin
    frame_height = size[1] - margin - 0.7 * inch - 12 - 4  # the frame's own padding, and a little slack
    title = pack.title.strip() or _T["untitled"][lang]
    from nap_desktop.exporters import docprops

    author = docprops.author(pack)
    date_text = format_date(now.date().isoformat(), lang)
    footer = _T["footer"][lang]

    # what the sources list's † means, in the foot of the page above the footer (not in the frame: a state
    # brief's page has no line to spare), wrapped to the frame's width
    unlinked = any(catalog.sources[s].url_reason(lang) for s in used_sources(pack, catalog))
    legend = wrap(_T["unlinked"][lang], frame_width, MIN_PT) if unlinked else []

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, MIN_PT)
        canvas.setFillGray(0.35)
        for k, line in enumerate(reversed(legend), start=1):
            canvas.drawString(margin, 0.4 * inch + k * MIN_PT * 1.3, line)
        canvas.drawString(margin, 0.4 * inch, footer.format(app=__version__, data=catalog.version or "?",
                                                          date=date_text, page=doc.page))
        canvas.restoreState()

    def build(chart_svg_height: int) -> tuple[bytes, int]:
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin,
            bottomMargin=0.7 * inch, title=title, author=author, subject=docprops.subject(pack, lang),
            keywords=docprops.keywords(pack, lang),
            creator=f"NAP Briefing {__version__}", producer=f"NAP Briefing {__version__}",
            lang="es-MX" if lang == "es" else "en-US",
            invariant=1,  # same pack + clock = same bytes
            initialFontName=FONT, initialFontSize=10,
        )
        story = handout_story(pack, catalog, lang=lang, frame_width=frame_width, chart_height=3.6 * inch,
                              talking_points=talking_points, chart_svg_height=chart_svg_height,
                              frame_height=frame_height)
        try:
            doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
        except Exception as exc:  # reportlab raises plain exceptions for layout failures
            raise ExportError(f"The handout could not be laid out: {exc}") from exc
        return buffer.getvalue(), doc.page

    has_chart = any(i.kind == "chart" and i.ref in catalog.charts for i in pack.items)
    payload, pages = build(CHART_SVG_HEIGHTS[0])
    # A leave-behind is one sheet: when a few lines spill onto a second page, shorter charts take them
    # back (a longer pack keeps its charts at full height: it is several pages anyway).
    for svg_height in CHART_SVG_HEIGHTS[1:]:
        if pages != 2 or not has_chart:
            break
        shorter, shorter_pages = build(svg_height)
        if shorter_pages < pages:
            return shorter
    return payload
