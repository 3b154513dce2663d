"""PowerPoint export: the composed deck drawn on our 16:9 template (or the user's), charts as native charts.

Charts are real PowerPoint charts with their data embedded (Edit Data works), explicit colours on
every series and point (LibreOffice ignores theme colours inside charts), number formats, axis
titles and alt text. The tile-grid map, the timeline and tables are native shapes.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from nap_desktop import __version__
from nap_desktop.core.deck import (AGENDA_PER_SLIDE, Slide, compose_deck, source_head, source_need,
                                   source_sizes)
from nap_desktop.core.charts.style import value_axis_title
from nap_desktop.core.textmetrics import fit, role_min, role_size, text_width, wrap
from nap_desktop.core.textmetrics import height as line_height
from nap_desktop.core.formatting import format_axis_unit, format_date, format_number
from nap_desktop.exporters.files import ExportError, write_atomically

try:  # one negative colour in every renderer
    from nap_desktop.core.charts.spec import NEGATIVE_COLOR
except ImportError:  # pragma: no cover
    NEGATIVE_COLOR = "#E69F00"
from nap_desktop.exporters.textsafe import CORE_PROPERTY_MAX, capped, sanitize_catalog, sanitize_pack

if TYPE_CHECKING:
    from nap_desktop.core.charts.spec import ChartSpec
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.pack.packfile import Pack

EMU_PER_PT = 12700
EMU_PER_IN = 914400
NAVY = "1F3B5C"
GREY = "595959"
LIGHT = "D9D9D9"
DEFAULT_ACCENT = "1F5FA8"
WARN = "B03A2E"

KIND_WORDS = {
    "line": {"en": "Line chart", "es": "Gráfica de líneas"},
    "column": {"en": "Column chart", "es": "Gráfica de columnas"},
    "bar": {"en": "Bar chart", "es": "Gráfica de barras"},
    "grouped": {"en": "Grouped column chart", "es": "Gráfica de columnas agrupadas"},
    "stacked": {"en": "Stacked column chart", "es": "Gráfica de columnas apiladas"},
    "diverging": {"en": "Diverging bar chart", "es": "Gráfica de barras divergentes"},
    "share": {"en": "Share bar chart", "es": "Gráfica de barras de participación"},
    "timeline": {"en": "Timeline", "es": "Línea de tiempo"},
    "tilemap": {"en": "Tile-grid map of U.S. states", "es": "Mapa de mosaicos de los estados de EE.UU."},
    "table": {"en": "Table", "es": "Tabla"},
}


def template_path() -> Path:
    from nap_desktop.paths import resources_dir

    return resources_dir() / "templates" / "nap_template.pptx"


def excel_number_format(unit: str, decimals: int) -> str:
    """The number format charts and tables use (the file stores it locale-neutral)."""
    if unit in ("year", "date"):
        return "0"
    body = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    if unit == "pct":
        return body + '"%"'
    return body


def _hex(color: str, default: str = DEFAULT_ACCENT) -> str:
    color = (color or "").lstrip("#")
    return color.upper() if len(color) == 6 else default


def _rgb(color: str, default: str = DEFAULT_ACCENT):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(_hex(color, default))


def _luminance(color: str) -> float:
    c = _hex(color)
    r, g, b = (int(c[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _set_alt_text(shape: Any, text: str) -> None:
    """descr on the shape's cNvPr: what a screen reader says for a chart, map or timeline."""
    el = shape._element
    c_nv_pr = el.xpath("./*[1]/p:cNvPr")
    if c_nv_pr:
        c_nv_pr[0].set("descr", text)


def chart_alt_text(spec: ChartSpec, catalog: Catalog, lang: str) -> str:
    """What a screen reader says: the kind of chart, what it shows and its takeaway, at most 250
    characters (the numbers stay in the chart's embedded workbook)."""
    from nap_desktop.core.deck import _chart_message

    kind = KIND_WORDS.get(spec.kind, {}).get(lang, spec.kind)
    parts = [f"{kind}: {spec.title(lang).rstrip('.')}."]
    message = _chart_message(spec, lang) or spec.subtitle(lang)
    if message and message.rstrip(".") != spec.title(lang).rstrip("."):
        parts.append(message.rstrip(".") + ".")
    text = " ".join(parts)
    if len(text) > 250:
        text = text[:249].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


class _Geometry:
    """Where things go on a slide of any size (our 16:9 template or a user's 4:3 one)."""

    def __init__(self, prs: Any, title_box: tuple[int, int, int, int] | None):
        self.w = prs.slide_width
        self.h = prs.slide_height
        self.margin = int(self.w * 0.045)
        if title_box is None:
            title_box = (self.margin, int(self.h * 0.05), self.w - 2 * self.margin, int(self.h * 0.13))
        self.title_box = title_box
        self.content_left = self.margin
        self.content_width = self.w - 2 * self.margin
        self.content_top = min(title_box[1] + title_box[3] + int(EMU_PER_IN * 0.1), int(self.h * 0.3))
        self.source_height = int(EMU_PER_IN * 0.42)
        self.source_top = self.h - self.source_height - int(EMU_PER_IN * 0.25)

    @property
    def content_bottom(self) -> int:
        return self.source_top - int(EMU_PER_IN * 0.08)


class _DeckWriter:
    def __init__(self, catalog: Catalog, lang: str, template: Path | None):
        from pptx import Presentation

        path = Path(template) if template else template_path()
        try:
            if template:  # a user's file: macros, external links, bombs and its properties are dealt with first
                from nap_desktop.exporters.template import open_template

                self.prs = open_template(path)
            else:
                self.prs = Presentation(str(path))
        except ExportError:
            raise
        except FileNotFoundError as exc:
            raise ExportError(f"The template {path} does not exist.") from exc
        except Exception as exc:  # noqa: BLE001 - python-pptx raises many kinds on a damaged file
            raise ExportError(f"The template {path} cannot be opened as a PowerPoint file ({exc}).") from exc
        self._drop_existing_slides()
        _fast_partnames(self.prs.part.package)
        _fast_slide_relations(self.prs)
        self.catalog = catalog
        self.lang = lang
        self.layouts = self._pick_layouts()
        title_ph = self._placeholder(self.layouts["title_only"], ("title",))
        box = (title_ph.left, title_ph.top, title_ph.width, title_ph.height) if title_ph is not None else None
        self.geo = _Geometry(self.prs, box)

    # ---- template handling ----------------------------------------------------------------
    def _drop_existing_slides(self) -> None:
        """A user template may carry sample slides; the deck starts empty on its layouts."""
        sld_ids = self.prs.slides._sldIdLst
        for sld_id in list(sld_ids):
            self.prs.part.drop_rel(sld_id.rId)
            sld_ids.remove(sld_id)

    @staticmethod
    def _ph_types(layout: Any) -> list[str]:
        types = []
        for ph in layout.placeholders:
            el = ph._element.xpath(".//p:ph")
            types.append(el[0].get("type", "body") if el else "body")
        return types

    @staticmethod
    def _placeholder(layout_or_slide: Any, types: tuple[str, ...]) -> Any:
        for ph in layout_or_slide.placeholders:
            el = ph._element.xpath(".//p:ph")
            if (el[0].get("type", "body") if el else "body") in types:
                return ph
        return None

    def _pick_layouts(self) -> dict[str, Any]:
        layouts = list(self.prs.slide_layouts)
        by_name = {layout.name.strip().lower(): layout for layout in layouts}

        def find(names: tuple[str, ...], want: tuple[str, ...], avoid: tuple[str, ...] = ()) -> Any:
            for name in names:
                if name in by_name:
                    return by_name[name]
            candidates = [lay for lay in layouts if all(t in self._ph_types(lay) for t in want)]
            candidates = [lay for lay in candidates if not any(t in self._ph_types(lay) for t in avoid)] or candidates
            if candidates:
                return min(candidates, key=lambda lay: len(self._ph_types(lay)))
            return layouts[0]

        title_only = find(("title only", "solo el título", "solo título"), ("title",), ("body", "obj"))
        return {
            "title": find(("title slide", "diapositiva de título"), ("ctrTitle",)),
            "title_only": title_only,
            "section": find(("section header", "encabezado de sección"), ("title", "body")),
        }

    # ---- primitives ------------------------------------------------------------------------
    def _new_slide(self, layout_key: str) -> Any:
        # Slides.add_slide, without its two scans of every slide so far (quadratic in the deck):
        # the relationship is new by construction and the slide id is counted here.
        layout = self.layouts[layout_key]
        rId, slide = self.prs.part.add_slide(layout)
        slide.shapes.clone_layout_placeholders(layout)
        sld_ids = self.prs.slides._sldIdLst
        if not hasattr(self, "_next_slide_id"):
            self._next_slide_id = max([255] + [int(i) for i in sld_ids.xpath("./p:sldId/@id")]) + 1
        sld_ids._add_sldId(id=self._next_slide_id, rId=rId)
        self._next_slide_id += 1
        self._cut: list[str] = []  # full texts shortened on the face, for the speaker notes
        return slide

    @staticmethod
    def _remove_empty_placeholders(slide: Any) -> None:
        for ph in list(slide.placeholders):
            if not ph.has_text_frame or not ph.text_frame.text.strip():
                ph._element.getparent().remove(ph._element)

    def _in(self, value: float, axis: str = "x") -> int:
        """Inches on our 13.33 x 7.5 in design, scaled to this template's slide size."""
        scale = self.geo.w / (13.333 * EMU_PER_IN) if axis == "x" else self.geo.h / (7.5 * EMU_PER_IN)
        return int(value * EMU_PER_IN * scale)

    def _write_lines(self, tf: Any, lines: list[str], size: float, *, bold: bool = False, italic: bool = False,
                     color: str = "", align: str = "", anchor: str = "top") -> None:
        """One paragraph per hard line; soft lines joined with explicit breaks (never auto-fit)."""
        from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
        from pptx.util import Pt

        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE,
                              "bottom": MSO_ANCHOR.BOTTOM}[anchor]
        tf.clear()
        para = tf.paragraphs[0]
        # The renderer wraps (our measure is the wider DejaVu, so its lines are never more than ours);
        # a year range is joined so that "1994–2025" never breaks across lines.
        para.text = _YEAR_RANGE.sub("\\1\u2060–\u2060\\2", "\v".join(lines))
        if align:
            para.alignment = {"center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT, "left": PP_ALIGN.LEFT}[align]
        for run in para.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.italic = italic
            if color:
                run.font.color.rgb = _rgb(color)

    def _text(self, slide: Any, box: tuple[int, int, int, int], text: str, role: str, *, bold: bool = False,
              italic: bool = False, color: str = "262626", name: str = "", align: str = "", anchor: str = "top",
              shape: Any = None) -> tuple[Any, float, int]:
        """Text in its role's size (down to the role's minimum); shortened, never shrunk, when it does not
        fit, the full text then goes to the speaker notes. Returns (shape, size, height used in EMU)."""
        x, y, w, h = box
        lines, size, cut = fit(text, w / EMU_PER_PT, h / EMU_PER_PT, role, bold=bold)
        if cut:
            self._cut.append(text)
        lines = [" ".join(lines)] if cut else text.split("\n")
        if shape is None:
            shape = slide.shapes.add_textbox(x, y, w, h)
            tf = shape.text_frame
            tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        else:
            shape.left, shape.top, shape.width, shape.height = x, y, w, h
            tf = shape.text_frame
            tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        if name:
            shape.name = name
        self._write_lines(tf, lines, size, bold=bold, italic=italic, color=color, align=align, anchor=anchor)
        used = int(line_height(sum(len(wrap(ln, w / EMU_PER_PT, size, bold)) for ln in lines), size) * EMU_PER_PT)
        return shape, size, used

    def _kicker_and_title(self, slide: Any, s: Slide) -> None:
        """The section as a small kicker, the action title under it (in the title placeholder)."""
        left, width = self._in(0.6), self.geo.w - 2 * self._in(0.6)
        if s.kicker:
            self._text(slide, (left, self._in(0.3, "y"), width, self._in(0.3, "y")), s.kicker, "kicker",
                       bold=True, color=s.accent or DEFAULT_ACCENT, name="Kicker")
        box = (left, self._in(0.62, "y"), width, self._in(1.02, "y"))
        ph = slide.shapes.title
        self._text(slide, box, s.title, "title", bold=True, color=NAVY, name="Title", shape=ph, anchor="top")

    def _furniture(self, slide: Any, s: Slide) -> None:
        """Footer (pack title · meeting date) and the slide number on every content slide."""
        from lxml import etree
        from pptx.oxml.ns import qn

        y, h = self._in(7.1, "y"), self._in(0.25, "y")
        left = self._in(0.6)
        num_w = self._in(1.0)
        if s.footer:
            self._text(slide, (left, y, self.geo.w - 2 * left - num_w, h), s.footer, "footer", color=GREY,
                       name="Footer", anchor="bottom")
        box = slide.shapes.add_textbox(self.geo.w - left - num_w, y, num_w, h)
        box.name = "Slide number"
        tf = box.text_frame
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        self._write_lines(tf, [""], role_size("footer"), color=GREY, align="right", anchor="bottom")
        p = tf.paragraphs[0]._p
        for r in p.findall(qn("a:r")):
            p.remove(r)
        fld = etree.SubElement(p, qn("a:fld"))
        fld.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
        fld.set("type", "slidenum")
        r_pr = etree.SubElement(fld, qn("a:rPr"))
        r_pr.set("sz", str(int(role_size("footer") * 100)))
        fill = etree.SubElement(r_pr, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr")).set("val", GREY)
        etree.SubElement(fld, qn("a:t")).text = str(len(self.prs.slides))
        end = p.find(qn("a:endParaRPr"))
        if end is not None:
            p.remove(end)
            p.append(end)

    def _compact_sources(self, line: str, width_pt: float, height_pt: float) -> str:
        """A source line naming more sources than its two lines hold keeps whole names: the first
        ones, then "and N more (full list in the speaker notes)", never a name cut with "…"."""
        if not fit(line, width_pt, height_pt, "source")[2]:
            return line
        label, sep, rest = line.partition(": ")
        parts = rest.split("; ") if sep else []
        for keep in range(len(parts) - 1, 0, -1):
            n = len(parts) - keep
            more = ({"en": f"and {n} more (full list in the speaker notes)",
                     "es": f"y {n} más (lista completa en las notas del orador)"}[self.lang])
            candidate = f"{label}: " + "; ".join(parts[:keep]) + "; " + more
            if not fit(candidate, width_pt, height_pt, "source")[2]:
                return candidate
        return line

    def _source_footer(self, slide: Any, source_line: str, footnotes: tuple[str, ...] = ()) -> int:
        """Source line above the footer, short footnotes (gap reasons) above it; returns the top used.
        A footnote longer than a line goes to the speaker notes (the face says so in one line)."""
        left = self._in(0.6)
        width = self.geo.w - 2 * left
        bottom = self._in(7.02, "y")
        top = bottom
        if source_line:
            h = self._in(0.4, "y")
            source_line = self._compact_sources(source_line, width / EMU_PER_PT, h / EMU_PER_PT)
            _, _, used = self._text(slide, (left, bottom - h, width, h), source_line, "source", color=GREY,
                                    name="Source line", anchor="bottom")
            top = bottom - max(used, self._in(0.2, "y"))
        if footnotes:
            width_pt = width / EMU_PER_PT
            short = [f for f in footnotes if len(wrap(f, width_pt, role_min("source"))) == 1]
            if len(short) < len(footnotes) or len(short) > 2:
                more = {"en": "n/a: no value; the reasons are in the speaker notes.",
                        "es": "n.d.: sin valor; las razones están en las notas del orador."}[self.lang]
                short = short[:1] + [more] if len(short) <= 2 else [more]
                self._cut.extend(f for f in footnotes if f not in short)
            text = "\n".join(short)
            h = int(line_height(len(short), role_min("source")) * EMU_PER_PT) + 1
            top = top - h - self._in(0.04, "y")
            self._text(slide, (left, top, width, h), text, "source", italic=True, color=GREY, name="Footnotes",
                       anchor="bottom")
        return top

    def _notes(self, slide: Any, text: str) -> None:
        extra = list(dict.fromkeys(c for c in getattr(self, "_cut", []) if c and c not in text))
        blocks = [b for b in text.strip().split("\n\n") if b]
        # what the face shortened goes before the citation: talking points, full texts, citation, caveat
        heads = ("Full citation:", "Cita completa:", "Caveat:", "Advertencia:")
        at = next((i for i, b in enumerate(blocks) if b.startswith(heads)), len(blocks))
        full = "\n\n".join(blocks[:at] + extra + blocks[at:]).strip()
        if full:
            slide.notes_slide.notes_text_frame.text = full

    # ---- slides ----------------------------------------------------------------------------
    def add(self, s: Slide) -> None:
        handler = getattr(self, f"_slide_{s.kind}")
        handler(s)

    def _slide_title(self, s: Slide) -> None:
        slide = self._new_slide("title")
        title_ph = self._placeholder(slide, ("ctrTitle", "title"))
        left, width = self._in(0.8), self.geo.w - 2 * self._in(0.8)
        self._text(slide, (left, self._in(2.0, "y"), width, self._in(1.9, "y")), s.title, "cover_title",
                   bold=True, color=NAVY, name="Title", shape=title_ph, anchor="bottom")
        sub = self._placeholder(slide, ("subTitle", "body"))
        text = "\n".join(s.bullets)
        if text:
            self._text(slide, (left, self._in(4.2, "y"), width, self._in(2.0, "y")), text, "message",
                       color=GREY, name="Cover details", shape=sub)
        self._remove_empty_placeholders(slide)
        self._notes(slide, s.notes)

    def _slide_agenda(self, s: Slide) -> None:
        from pptx.util import Pt

        slide = self._new_slide("title_only")
        self._kicker_and_title(slide, s)
        left, width = self._in(0.6), self.geo.w - 2 * self._in(0.6)
        top, bottom = self._in(1.8, "y"), self._in(6.9, "y")
        box = slide.shapes.add_textbox(left, top, width, bottom - top)
        box.name = "Agenda"
        tf = box.text_frame
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        tf.word_wrap = True
        size = role_size("body")
        levels = s.bullet_levels or (0,) * len(s.bullets)
        # an entry takes the lines it needs, up to two (8 two-line entries fit the box); a page of more
        # entries (one line each on our template) gives each one line, and cuts beyond (a narrower template)
        max_lines = 2 if len(s.bullets) <= AGENDA_PER_SLIDE else 1
        first = True
        for entry, level in zip(s.bullets, levels):
            indent = 0 if level else 0.3
            lines, _, cut = fit(entry, width / EMU_PER_PT - indent * 72, line_height(max_lines, size), "body",
                                bold=bool(level), sizes=(size,))
            if cut:
                self._cut.append(entry)
            para = tf.paragraphs[0] if first else tf.add_paragraph()
            first = False
            para.text = "\v".join(lines)
            para.level = 0
            para.space_before = Pt(size * (0.7 if level else 0.35))
            if indent:
                para._p.get_or_add_pPr().set("marL", str(int(indent * EMU_PER_IN)))
            for run in para.runs:
                run.font.size = Pt(size)
                run.font.bold = bool(level)
                run.font.color.rgb = _rgb(NAVY if level else "262626")
        self._remove_empty_placeholders(slide)
        self._furniture(slide, s)
        self._notes(slide, s.notes)

    def _slide_divider(self, s: Slide) -> None:
        from pptx.enum.shapes import MSO_SHAPE

        slide = self._new_slide("section")
        left, width = self._in(0.8), self.geo.w - 2 * self._in(0.8)
        top = self._in(2.9, "y")
        self._text(slide, (left, top, width, self._in(1.6, "y")), s.title, "divider_title", bold=True,
                   color=NAVY, name="Title", shape=slide.shapes.title)
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top - self._in(0.2, "y"), self._in(1.2),
                                     self._in(0.08, "y"))
        bar.fill.solid()
        bar.fill.fore_color.rgb = _rgb(s.accent)
        bar.line.fill.background()
        bar.name = "Section accent"
        _no_effects(bar)
        self._remove_empty_placeholders(slide)
        self._furniture(slide, s)
        self._notes(slide, s.notes)

    def _slide_fact(self, s: Slide) -> None:
        slide = self._new_slide("title_only")
        self._kicker_and_title(slide, s)
        left, width = self._in(0.6), self.geo.w - 2 * self._in(0.6)
        footer_top = self._source_footer(slide, s.source_line, s.footnotes)
        top = self._in(1.85, "y")
        bottom = footer_top - self._in(0.1, "y")
        accent = s.accent or DEFAULT_ACCENT
        if s.figure:
            fig_h = self._in(1.0, "y")
            lines = wrap(s.figure, width / EMU_PER_PT, role_size("figure"), True)
            fig_h = max(fig_h, int(line_height(len(lines), role_size("figure")) * EMU_PER_PT))
            self._text(slide, (left, top, width, fig_h), s.figure, "figure", bold=True, color=accent,
                       name="Headline figure", anchor="bottom")
            top += fig_h + self._in(0.05, "y")
            if s.figure_label:
                _, _, used = self._text(slide, (left, top, width, self._in(0.4, "y")), s.figure_label, "message",
                                        bold=True, color=accent, name="Figure label")
                top += used + self._in(0.2, "y")
        period_h = self._in(0.3, "y") if s.period else 0
        self._text(slide, (left, top, width, bottom - top - period_h), s.statement, "message", color="262626",
                   name="Statement")
        if s.period:
            label = {"en": "Period", "es": "Periodo"}[self.lang]
            self._text(slide, (left, bottom - period_h, width, period_h), f"{label}: {s.period}", "body",
                       color=GREY, name="Period", anchor="bottom")
        self._remove_empty_placeholders(slide)
        self._furniture(slide, s)
        self._notes(slide, s.notes)

    def _slide_figures(self, s: Slide) -> None:
        """Key figures: up to six facts in a grid three across, each its figure, noun, claim and period."""
        slide = self._new_slide("title_only")
        self._kicker_and_title(slide, s)
        left, width = self._in(0.6), self.geo.w - 2 * self._in(0.6)
        footer_top = self._source_footer(slide, s.source_line, s.footnotes)
        top, bottom = self._in(1.85, "y"), footer_top - self._in(0.1, "y")
        cols = 3 if len(s.cells) > 4 or len(s.cells) == 3 else 2
        rows = -(-len(s.cells) // cols)
        gutter = self._in(0.3)
        cell_w = (width - gutter * (cols - 1)) // cols
        cell_h = (bottom - top - self._in(0.2, "y") * (rows - 1)) // max(rows, 1)
        accent = s.accent or DEFAULT_ACCENT
        for n, cell in enumerate(s.cells):
            r, c = divmod(n, cols)
            x, y = left + c * (cell_w + gutter), top + r * (cell_h + self._in(0.2, "y"))
            end = y + cell_h
            if cell.figure:
                _, _, used = self._text(slide, (x, y, cell_w, self._in(0.95, "y")), cell.figure, "cell_figure",
                                        bold=True, color=accent, name=f"Figure {n + 1}")
                y += used + self._in(0.06, "y")
            if cell.label:
                _, _, used = self._text(slide, (x, y, cell_w, self._in(0.3, "y")), cell.label, "body", bold=True,
                                        color=accent, name=f"Figure label {n + 1}")
                y += used + self._in(0.06, "y")
            period_h = self._in(0.28, "y") if cell.period else 0
            self._text(slide, (x, y, cell_w, max(end - y - period_h, self._in(0.3, "y"))), cell.claim, "body",
                       color="262626", name=f"Claim {n + 1}")
            if cell.period:
                label = {"en": "Period", "es": "Periodo"}[self.lang]
                self._text(slide, (x, end - period_h, cell_w, period_h), f"{label}: {cell.period}", "source",
                           color=GREY, name=f"Period {n + 1}", anchor="bottom")
        self._remove_empty_placeholders(slide)
        self._furniture(slide, s)
        self._notes(slide, s.notes)

    def _slide_chart(self, s: Slide) -> None:
        slide = self._new_slide("title_only")
        self._kicker_and_title(slide, s)
        left, width = self._in(0.6), self.geo.w - 2 * self._in(0.6)
        footer_top = self._source_footer(slide, s.source_line, s.footnotes)
        top = self._in(1.75, "y")
        if s.statement:
            h = int(line_height(2, role_size("message")) * EMU_PER_PT)
            _, _, used = self._text(slide, (left, top, width, h), s.statement, "message", color="262626",
                                    name="Message")
            top += used + self._in(0.08, "y")
        if s.subtitle:
            h = int(line_height(2, role_size("chart")) * EMU_PER_PT)
            _, _, used = self._text(slide, (left, top, width, h), s.subtitle, "chart", color=GREY, name="Subtitle")
            top += used + self._in(0.08, "y")
        box = (left, top, width, footer_top - top - self._in(0.08, "y"))
        if s.chart is not None:
            draw_chart(slide, s.chart, self.catalog, self.lang, box)
        self._remove_empty_placeholders(slide)
        self._furniture(slide, s)
        self._notes(slide, s.notes)

    def _slide_note(self, s: Slide) -> None:
        slide = self._new_slide("title_only")
        self._kicker_and_title(slide, s)
        left, width = self._in(0.6), self.geo.w - 2 * self._in(0.6)
        top, bottom = self._in(1.85, "y"), self._in(6.9, "y")
        self._text(slide, (left, top, width, bottom - top), s.statement, "message", color="262626", name="Note")
        self._remove_empty_placeholders(slide)
        self._furniture(slide, s)
        self._notes(slide, s.notes)

    def _slide_missing(self, s: Slide) -> None:
        from pptx.util import Pt

        slide = self._new_slide("title_only")
        self._kicker_and_title(slide, s)
        left, width = self._in(0.6), self.geo.w - 2 * self._in(0.6)
        box, _, _ = self._text(slide, (left, self._in(2.2, "y"), width, self._in(2.0, "y")), s.statement,
                               "message", color=WARN, name="Missing item", anchor="middle", align="center")
        box.line.color.rgb = _rgb(WARN)
        box.line.width = Pt(2)
        box.line.dash_style = 4  # MSO_LINE.DASH
        self._remove_empty_placeholders(slide)
        self._furniture(slide, s)
        self._notes(slide, s.notes)

    def _slide_sources(self, s: Slide) -> None:
        from pptx.util import Pt

        slide = self._new_slide("title_only")
        self._kicker_and_title(slide, s)
        left, width = self._in(0.6), self.geo.w - 2 * self._in(0.6)
        top, bottom = self._in(1.8, "y"), self._in(6.95, "y")
        box = slide.shapes.add_textbox(left, top, width, bottom - top)
        box.name = "Sources"
        tf = box.text_frame
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        tf.word_wrap = True
        width_pt = width / EMU_PER_PT
        box_pt = (bottom - top) / EMU_PER_PT
        head_size, line_size = source_sizes()
        heads = [source_head(e) for e in s.sources]
        # Each entry gets the lines it needs when they all fit the box (a long Spanish title takes three
        # lines beside shorter ones); only a page that cannot hold them all shares the box evenly and cuts.
        extra = head_size * 0.5 + line_height(1, line_size)
        needs = [source_need(e, width_pt) for e in s.sources]
        even = box_pt / max(1, len(s.sources))
        budgets = needs if sum(needs) <= box_pt else [even] * len(needs)
        first = True
        for e, head, budget in zip(s.sources, heads, budgets):
            tail = e.status_label + (f" · {e.url}" if e.url else "")
            room = budget - extra
            lines, _, cut = fit(head, width_pt, max(room, line_height(1, head_size)), "body", bold=True,
                                sizes=(head_size,))
            if cut:
                self._cut.append(head)
            tail_lines, _, tail_cut = fit(tail, width_pt, line_height(1, line_size), "body", sizes=(line_size,))
            if tail_cut:
                self._cut.append(tail)
            para = tf.paragraphs[0] if first else tf.add_paragraph()
            first = False
            para.space_before = Pt(head_size * 0.5)
            para.text = "\v".join(lines)
            for run in para.runs:
                run.font.size = Pt(head_size)
                run.font.bold = True
                run.font.color.rgb = _rgb(NAVY)
            para2 = tf.add_paragraph()
            run = para2.add_run()
            run.text = tail_lines[0]
            run.font.size = Pt(line_size)
            run.font.color.rgb = _rgb(WARN if e.status == "secondary" else GREY)
            if e.url and not tail_cut:
                run.hyperlink.address = e.url
        self._remove_empty_placeholders(slide)
        self._furniture(slide, s)
        self._notes(slide, s.notes)


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)–((?:19|20)?\d\d)\b")


def _fast_partnames(package: Any) -> None:
    """python-pptx finds a new part's name by listing every part of the package (walking all
    relationships) for each slide, notes page and chart it adds: quadratic in the deck's length
    (500 -> 2,000 items took 10x). Names are handed out from a set kept up to date instead."""
    from pptx.opc.packuri import PackURI

    known = {str(part.partname) for part in package.iter_parts()}
    counters: dict[str, int] = {}

    def next_partname(tmpl: str) -> PackURI:
        n = counters.get(tmpl, 1)
        while tmpl % n in known:
            n += 1
        name = tmpl % n
        known.add(name)
        counters[tmpl] = n + 1
        return PackURI(name)

    package.next_partname = next_partname


def _fast_slide_relations(prs: Any) -> None:
    """The presentation part relates each new slide without first scanning its every relationship."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.part
    original = part.relate_to

    def relate_to(target: Any, reltype: str, is_external: bool = False) -> str:
        if reltype == RT.SLIDE and not is_external and not isinstance(target, str):
            return part.rels._add_relationship(reltype, target)
        return original(target, reltype, is_external)

    part.relate_to = relate_to


def _no_effects(shape: Any) -> None:
    """No theme effects (shadows, bevels) on our shapes: drop the style reference python-pptx adds."""
    from pptx.oxml.ns import qn

    for style in shape._element.findall(qn("p:style")):
        shape._element.remove(style)


def tag_language(prs: Any, lang: str) -> None:
    """Every text run, field and paragraph end in the deck, its notes and its charts carries the language
    (PowerPoint then spell-checks a Spanish deck as Spanish)."""
    from pptx.oxml.ns import qn

    tag = "en-US" if lang == "en" else "es-MX"
    rpr, r, fld, end, defr, br = (qn("a:rPr"), qn("a:r"), qn("a:fld"), qn("a:endParaRPr"), qn("a:defRPr"),
                                  qn("a:br"))

    def walk(root: Any) -> None:
        for el in root.iter(r, fld, br):
            props = el.find(rpr)
            if props is None:
                props = el.makeelement(rpr, {})
                el.insert(0, props)
            props.set("lang", tag)
        for el in root.iter(end, defr):
            el.set("lang", tag)

    for slide in prs.slides:
        walk(slide._element)
        if slide.has_notes_slide:
            walk(slide.notes_slide._element)
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False) and shape.has_chart:
                walk(shape.chart._chartSpace)


# ---- charts ----------------------------------------------------------------------------------

_CHART_TYPES = {
    "line": "LINE_MARKERS", "column": "COLUMN_CLUSTERED", "grouped": "COLUMN_CLUSTERED",
    "stacked": "COLUMN_STACKED", "bar": "BAR_CLUSTERED", "diverging": "BAR_CLUSTERED", "share": "BAR_CLUSTERED",
}


def draw_chart(slide: Any, spec: ChartSpec, catalog: Catalog, lang: str, box: tuple[int, int, int, int]) -> Any:
    """Draw one ChartSpec into ``box`` (EMU) on a slide; returns the shape (chart frame, group or table)."""
    if spec.kind == "timeline":
        shape = _timeline(slide, spec, lang, box)
    elif spec.kind == "tilemap":
        shape = _tilemap(slide, spec, lang, box)
    elif spec.kind == "table":
        shape = _table(slide, spec, lang, box)
    else:
        shape = _native_chart(slide, spec, lang, box)
    _set_alt_text(shape, chart_alt_text(spec, catalog, lang))
    return shape


def _native_chart(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
    from pptx.util import Pt

    from nap_desktop.exporters.pptx_chartdata import LiteralChartData

    kind = spec.kind if spec.kind in _CHART_TYPES else "column"
    fmt = excel_number_format(spec.unit, spec.decimals)
    # names in the embedded workbook are literal text (never formulas); categories placed in linear time
    data = LiteralChartData(number_format=fmt)
    categories = list(spec.category_labels(lang))
    horizontal = kind in ("bar", "diverging", "share")
    if horizontal and len(spec.series) > 1:
        # LibreOffice lists a horizontal bar chart's legend bottom-up (it ignores the reversed category
        # axis), PowerPoint in series order: a legend of our own, in series order, reads the same in both.
        legend_h = _legend_height(spec, lang, box[2])
        _series_legend(slide, spec, lang, (box[0], box[1], box[2], legend_h))
        box = (box[0], box[1] + legend_h, box[2], box[3] - legend_h)
    if kind == "stacked" and len(spec.series) > 1 and len(categories) <= 8:
        # the total of each stack, under its label (the segments carry their own values)
        # a stack with a missing segment has no known total: none is shown (its segment says "n/a")
        totals = [sum(col) if all(v is not None for v in col) else None
                  for col in zip(*(s.values for s in spec.series))]
        word = "Total" if lang == "en" else "Total"
        categories = [f"{c} ({word} {spec.format(t, lang)})" if t is not None else c
                      for c, t in zip(categories, totals)]
    data.categories = categories
    for s in spec.series:
        data.add_series(s.label(lang), [None if v is None else float(v) for v in s.values])
    frame = slide.shapes.add_chart(getattr(XL_CHART_TYPE, _CHART_TYPES[kind]), *box, data)
    frame.name = f"Chart {spec.id}"
    chart = frame.chart
    chart.has_title = False
    chart.font.size = Pt(role_size("chart"))
    chart.font.color.rgb = _rgb("404040")
    n_points = len(spec.categories) * len(spec.series)
    single = len(spec.series) == 1

    plot = chart.plots[0]
    if kind in ("column", "grouped", "bar", "diverging", "share"):
        plot.gap_width = 60
        if kind == "grouped":
            plot.overlap = -10
    if kind == "stacked":
        plot.gap_width = 60
        plot.overlap = 100

    for i, (series, s) in enumerate(zip(plot.series, spec.series)):
        if kind == "line":
            series.format.line.color.rgb = _rgb(s.color)
            series.format.line.width = Pt(2.5)
            series.smooth = False
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 7
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(s.color)
            series.marker.format.line.color.rgb = _rgb(s.color)
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(s.color)
            series.invert_if_negative = False
            colors = list(spec.category_colors[:len(spec.categories)]) if single and spec.category_colors else []
            if single and any(v is not None and v < 0 for v in s.values):
                base = colors or [s.color] * len(spec.categories)
                colors = [NEGATIVE_COLOR if v is not None and v < 0 else base[j] for j, v in enumerate(s.values)]
            for j, color in enumerate(colors):
                if color:
                    point = series.points[j]
                    point.format.fill.solid()
                    point.format.fill.fore_color.rgb = _rgb(color)

    labels_help = (kind != "line" and (single and len(spec.categories) <= 15 or n_points <= 16)) or (
        kind == "line" and single and len(spec.categories) <= 8)
    if labels_help:
        plot.has_data_labels = True
        dl = plot.data_labels
        dl.number_format = fmt
        dl.number_format_is_linked = False
        dl.font.size = Pt(role_size("chart"))
        dl.show_value = True
        if kind == "stacked":
            dl.position = XL_LABEL_POSITION.CENTER
            # readable on every fill: white on dark segments, dark on light ones
            for series, s in zip(plot.series, spec.series):
                sdl = series.data_labels
                sdl.show_value = True
                sdl.number_format = fmt
                sdl.number_format_is_linked = False
                sdl.position = XL_LABEL_POSITION.CENTER
                sdl.font.size = Pt(role_size("chart"))
                sdl.font.color.rgb = _rgb("FFFFFF" if _luminance(s.color) < 0.5 else "262626")
            # a segment too thin for its label shows none (labels would pile onto each other); its
            # value stays in the chart's data, the stack's total and the workbook
            totals = [sum(v for v in col if v is not None) for col in zip(*(s.values for s in spec.series))]
            top = max(totals, default=0) or 1
            plot_pt = box[3] / EMU_PER_PT * 0.75  # the plot area's share of the chart's height
            for series, s in zip(plot.series, spec.series):
                for j, v in enumerate(s.values):
                    if v is not None and abs(v) / top * plot_pt < role_size("chart"):
                        _hide_point_label(series, j)
        elif kind == "line":
            dl.position = XL_LABEL_POSITION.ABOVE
        else:
            dl.position = XL_LABEL_POSITION.OUTSIDE_END

    if kind != "line":
        # a missing value is never an empty slot: that point's label says "n/a" (the category keeps its
        # name; the reason is a footnote on the slide). The cell stays empty: no figure is invented.
        na = "n/a" if lang == "en" else "n.d."
        for series, s in zip(plot.series, spec.series):
            if all(v is not None for v in s.values):
                continue
            # the series' own label settings replace the plot's: the same ones, here
            sdl = series.data_labels
            sdl.show_value = labels_help
            sdl.number_format = fmt
            sdl.number_format_is_linked = False
            sdl.font.size = Pt(role_size("chart"))
            if kind == "stacked":
                sdl.position = XL_LABEL_POSITION.CENTER
                sdl.font.color.rgb = _rgb("FFFFFF" if _luminance(s.color) < 0.5 else "262626")
            else:
                sdl.position = XL_LABEL_POSITION.OUTSIDE_END
            _anchor_missing_points(series, s.values)
            for j, v in enumerate(s.values):
                if v is None:
                    _custom_point_label(series.points[j], na, kind)

    va = chart.value_axis
    values = [v for s in spec.series for v in s.values if v is not None]
    if values and min(values) >= 0 and kind != "line":
        va.minimum_scale = 0  # bars start at zero (LibreOffice would otherwise zoom in on the tips)
    span = max((abs(v) for v in values), default=0)
    va.tick_labels.number_format = excel_number_format(spec.unit, 0 if span >= 10 else spec.decimals)
    va.tick_labels.number_format_is_linked = False
    va.tick_labels.font.size = Pt(role_size("chart"))
    va.format.line.fill.background()
    if labels_help:
        # the data labels carry the numbers: no value axis or gridlines to read them against
        va.visible = False
        va.has_major_gridlines = False
    else:
        va.has_major_gridlines = True
        va.major_gridlines.format.line.color.rgb = _rgb(LIGHT)
        y_title = value_axis_title(spec, lang)  # the on-screen chart's rule: no "number" beside numbers
        if y_title:
            va.has_title = True
            va.axis_title.text_frame.text = y_title
            va.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(role_size("chart"))
            va.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    ca = chart.category_axis
    ca.tick_labels.font.size = Pt(role_size("chart"))
    ca.format.line.color.rgb = _rgb("A6A6A6")
    ca.has_major_gridlines = False
    # no category-axis title: "Country" under country names says nothing
    if horizontal:
        ca.reverse_order = True  # first category on top, as the table reads
        from pptx.enum.chart import XL_TICK_LABEL_POSITION

        ca.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # labels stay left of negative bars
        from pptx.enum.chart import XL_AXIS_CROSSES

        ca.crosses = XL_AXIS_CROSSES.MAXIMUM  # keeps the value axis at the bottom once categories are reversed
    else:
        from pptx.enum.chart import XL_TICK_LABEL_POSITION

        # years and months stay under the plot when values go negative, never on the zero line
        ca.tick_label_position = XL_TICK_LABEL_POSITION.LOW
        _thin_category_labels(ca, len(spec.categories))

    if len(spec.series) > 1 and not horizontal:
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(role_size("chart"))
    else:
        chart.has_legend = False
    return frame


#: label every k-th category: the smallest round step that leaves at most this many labels
MAX_CATEGORY_LABELS = 13


def category_label_step(n: int) -> int:
    """1, 2, 3, 6, 12 (months) or 5, 10 (years): round steps, so 37 months read every quarter."""
    for step in (1, 2, 3, 5, 6, 10, 12, 20, 24):
        if -(-n // step) <= MAX_CATEGORY_LABELS:
            return step
    return -(-n // MAX_CATEGORY_LABELS)


def _thin_category_labels(axis: Any, n: int) -> None:
    """A long run of months or years: label every k-th one (c:tickLblSkip), never a pile of
    rotated labels that overprint each other."""
    from lxml import etree
    from pptx.oxml.ns import qn

    step = category_label_step(n)
    if step <= 1:
        return
    ax = axis._element
    for tag in ("c:tickLblSkip", "c:tickMarkSkip"):
        old = ax.find(qn(tag))
        if old is not None:
            ax.remove(old)
    skip_lbl = etree.Element(qn("c:tickLblSkip"), val=str(step))
    skip_mark = etree.Element(qn("c:tickMarkSkip"), val=str(step))
    # schema order: ... lblOffset, tickLblSkip, tickMarkSkip, noMultiLvlLbl, extLst
    anchor = ax.find(qn("c:noMultiLvlLbl"))
    if anchor is None:
        anchor = ax.find(qn("c:extLst"))
    if anchor is not None:
        anchor.addprevious(skip_lbl)
        anchor.addprevious(skip_mark)
    else:
        ax.append(skip_lbl)
        ax.append(skip_mark)


def _anchor_missing_points(series: Any, values: tuple[float | None, ...] | list[float | None]) -> None:
    """A label is drawn only where the chart has a point: a missing value gets a zero-length point in
    the chart's cached values, so its "n/a" label shows (PowerPoint and LibreOffice skip empty points).
    The cell in the chart's embedded workbook stays empty (Edit Data shows no figure), and so do the
    workbook and the other renderers."""
    from lxml import etree
    from pptx.oxml.ns import qn

    cache = series._element.find(qn("c:val") + "/" + qn("c:numRef") + "/" + qn("c:numCache"))
    if cache is None:
        return
    present = {int(pt.get("idx")): pt for pt in cache.findall(qn("c:pt"))}
    for pt in present.values():
        cache.remove(pt)
    for j, v in enumerate(values):
        pt = present.get(j)
        if pt is None and v is None:
            pt = etree.Element(qn("c:pt"), idx=str(j))
            etree.SubElement(pt, qn("c:v")).text = "0"
        if pt is not None:
            ext = cache.find(qn("c:extLst"))
            if ext is not None:
                ext.addprevious(pt)
            else:
                cache.append(pt)


def _hide_point_label(series: Any, idx: int) -> None:
    """No data label on one point (c:dLbl with c:delete), the series' other labels unchanged."""
    from lxml import etree
    from pptx.oxml.ns import qn

    dlbls = series._element.get_or_add_dLbls()
    existing = dlbls.findall(qn("c:dLbl"))
    label = etree.Element(qn("c:dLbl"))
    etree.SubElement(label, qn("c:idx")).set("val", str(idx))
    etree.SubElement(label, qn("c:delete")).set("val", "1")
    if existing:
        existing[-1].addnext(label)
    else:
        dlbls.insert(0, label)


def _custom_point_label(point: Any, text: str, kind: str) -> None:
    """A data label of our own text on one point (the point's value cell is empty)."""
    from pptx.enum.chart import XL_LABEL_POSITION
    from pptx.util import Pt

    label = point.data_label
    tf = label.text_frame
    tf.text = text
    run = tf.paragraphs[0].runs[0]
    run.font.size = Pt(role_size("chart"))
    run.font.italic = True
    run.font.color.rgb = _rgb(GREY)
    label.position = XL_LABEL_POSITION.INSIDE_BASE


_LEGEND_SWATCH_IN = 0.16
_LEGEND_GAP_IN = 0.3


def _legend_rows(spec: ChartSpec, lang: str, width: int) -> list[list[tuple[str, str, int]]]:
    """Legend entries (label, colour, width in EMU) in series order, wrapped into rows that fit ``width``."""
    size = role_size("chart")
    rows: list[list[tuple[str, str, int]]] = [[]]
    used = 0
    for s in spec.series:
        label = s.label(lang)
        w = int((_LEGEND_SWATCH_IN + 0.08) * EMU_PER_IN + (text_width(label, size) + 2) * EMU_PER_PT)
        w = min(w, width)
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0
        rows[-1].append((label, s.color, w))
        used += w + int(_LEGEND_GAP_IN * EMU_PER_IN)
    return rows


def _legend_height(spec: ChartSpec, lang: str, width: int) -> int:
    line = int(line_height(1, role_size("chart")) * EMU_PER_PT)
    return len(_legend_rows(spec, lang, width)) * (line + int(EMU_PER_IN * 0.06)) + int(EMU_PER_IN * 0.08)


def _series_legend(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    """A legend as shapes (swatch + label per series), left to right in series order."""
    from pptx.enum.shapes import MSO_SHAPE

    x, y, w, _ = box
    size = role_size("chart")
    line = int(line_height(1, size) * EMU_PER_PT)
    sw = int(_LEGEND_SWATCH_IN * EMU_PER_IN)
    group = _group(slide, f"Legend {spec.id}")
    for r, row in enumerate(_legend_rows(spec, lang, w)):
        cx = x
        top = y + r * (line + int(EMU_PER_IN * 0.06))
        for n, (label, color, ew) in enumerate(row):
            sq = group.shapes.add_shape(MSO_SHAPE.RECTANGLE, cx, top + (line - sw) // 2, sw, sw)
            sq.name = f"Legend swatch {n + 1}"
            sq.fill.solid()
            sq.fill.fore_color.rgb = _rgb(color)
            sq.line.fill.background()
            _no_effects(sq)
            tx = cx + sw + int(EMU_PER_IN * 0.08)
            tb = _plain_text(group.shapes, tx, top, ew - (tx - cx), line, label, size, color="404040",
                             align="left")
            tb.name = f"Legend label {n + 1}"
            cx += ew + int(_LEGEND_GAP_IN * EMU_PER_IN)
    return _close_group(group)


def _group(slide: Any, name: str) -> Any:
    group = slide.shapes.add_group_shape()
    group.name = name
    # python-pptx recomputes the group's box after every child added (quadratic for a 51-state map);
    # children are added first and the box is computed once by _close_group.
    group.shapes._recalculate_extents = lambda: None
    return group


def _close_group(group: Any) -> Any:
    group._element.recalculate_extents()
    return group


def _plain_text(shapes: Any, x: int, y: int, w: int, h: int, text: str, size: float, *, bold: bool = False,
                color: str = "262626", align: str = "center", anchor: str = "middle") -> Any:
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Pt

    tb = shapes.add_textbox(x, y, w, h)
    tf = tb.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
    tf.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}[anchor]
    for i, line in enumerate(text.split("\n")):
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        para.alignment = {"center": PP_ALIGN.CENTER, "left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT}[align]
        run = para.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(color)
    return tb


def _key_dates(spec: ChartSpec, lang: str) -> set[str]:
    """The date the title names (its year and a word of its label in the title) is the key date."""
    title = spec.title(lang).lower()
    dates = spec.extra.get("dates", {})
    found = set()
    for cat, label in zip(spec.categories, spec.category_labels(lang)):
        year = str(dates.get(cat, ""))[:4]
        words = [wd for wd in re.findall(r"\w+", label.lower()) if len(wd) >= 5]
        if year and year in title and any(wd in title for wd in words):
            found.add(cat)
    return found


def _timeline_places(xs: list[int], x: int, w: int, label_w: int, levels: int,
                     gap: int) -> tuple[dict[int, tuple[bool, int, int, int]], bool]:
    """Where each timeline label goes: (above, level, left, right) per point, and whether every label
    found a place where it overlaps no label at its level and side and no leader line crosses it (a
    far label's leader passes only where no nearer label on its side is). A label is centred on its
    dot or set to one side of it, away from a close neighbour."""
    placed: dict[int, tuple[bool, int, int, int]] = {}
    clear = int(EMU_PER_IN * 0.15)  # a leader line passes no closer than this to another label
    done: list[tuple[bool, int, int, int, int]] = []
    complete = True
    order = sorted(range(len(xs)), key=lambda k: xs[k])
    for rank, i in enumerate(order):
        cx = xs[i]
        near_next = rank + 1 < len(order) and xs[order[rank + 1]] - cx < label_w
        near_prev = rank > 0 and cx - xs[order[rank - 1]] < label_w
        aligns = ("left", "centre", "right") if near_next else ("right", "centre", "left") if near_prev else (
            "centre", "right", "left")
        best = None
        for level in range(levels):
            for above in (True, False):
                for align in aligns:
                    left = {"centre": cx - label_w // 2, "right": cx - int(EMU_PER_IN * 0.05),
                            "left": cx - label_w + int(EMU_PER_IN * 0.05)}[align]
                    left = max(x, min(left, x + w - label_w))
                    right = left + label_w
                    ok = True
                    for p_above, p_level, p_left, p_right, p_cx in done:
                        if p_above != above:
                            continue
                        if p_level == level and not (right + gap < p_left or left - gap > p_right):
                            ok = False
                        elif p_level < level and p_left - clear <= cx <= p_right + clear:
                            ok = False  # this leader would cross (or graze) a nearer label
                        elif p_level > level and left - clear <= p_cx <= right + clear:
                            ok = False  # a farther label's leader would cross this one
                        if not ok:
                            break
                    if ok:
                        best = (above, level, left, right)
                        break
                if best:
                    break
            if best:
                break
        if best is None:
            complete = False
            left = max(x, min(cx - label_w // 2, x + w - label_w))
            best = (rank % 2 == 0, levels - 1, left, left + label_w)
        placed[i] = best
        done.append((*best, cx))
    return placed, complete


def _timeline(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
    from pptx.util import Pt

    x, y, w, h = box
    group = _group(slide, f"Timeline {spec.id}")
    shapes = group.shapes
    dates = spec.extra.get("dates", {})
    labels = spec.category_labels(lang)
    color = spec.series[0].color if spec.series else "#0072B2"

    def ordinal(iso: str, fallback: float) -> float:
        try:
            return datetime.strptime(iso[:10], "%Y-%m-%d").toordinal()
        except ValueError:
            return fallback

    points = [ordinal(dates.get(c, ""), float(i)) for i, c in enumerate(spec.categories)]
    lo, hi = min(points), max(points)
    span = (hi - lo) or 1.0
    n = len(points)
    size = role_size("chart")
    texts = []
    for i, cat in enumerate(spec.categories):
        date_text = format_date(dates.get(cat, ""), lang) if dates.get(cat) else spec.format(
            spec.series[0].values[i] if spec.series else None, lang)
        texts.append((date_text, labels[i]))
    dot = int(EMU_PER_IN * 0.22)
    gap = int(EMU_PER_IN * 0.06)
    axis_y = y + h // 2
    widest = int(min(w / max(n, 1) * 1.8, EMU_PER_IN * 2.0))
    pad = widest // 2
    xs = [x + pad + int((w - 2 * pad) * (p - lo) / span) for p in points]
    # Narrower labels (more lines) until every label has a place where nothing collides.
    for label_w in (widest, int(EMU_PER_IN * 1.6), int(EMU_PER_IN * 1.3), int(EMU_PER_IN * 1.1)):
        label_w = min(label_w, widest)
        n_lines = max((len(wrap(d, label_w / EMU_PER_PT, size, True)) + len(wrap(lab, label_w / EMU_PER_PT, size))
                       for d, lab in texts), default=2)
        label_h = int(line_height(n_lines, size) * EMU_PER_PT) + int(EMU_PER_IN * 0.04)
        levels = max(1, min(3, int((h / 2 - dot) // (label_h + gap))))
        placed, complete = _timeline_places(xs, x, w, label_w, levels, gap)
        if complete:
            break
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, x + pad // 2, axis_y, x + w - pad // 2, axis_y)
    line.line.color.rgb = _rgb("7F7F7F")
    line.line.width = Pt(2)
    key = set(spec.highlight) or _key_dates(spec, lang)
    for i in range(n):
        cat, cx = spec.categories[i], xs[i]
        above, level, left, right = placed[i]
        big = cat in key
        d = int(dot * (1.4 if big else 1))
        marker = shapes.add_shape(MSO_SHAPE.OVAL, cx - d // 2, axis_y - d // 2, d, d)
        marker.fill.solid()
        marker.fill.fore_color.rgb = _rgb(color)
        marker.line.color.rgb = _rgb("FFFFFF")
        _no_effects(marker)
        date_text, label = texts[i]
        offset = dot + level * (label_h + gap)
        ly = axis_y - offset - label_h if above else axis_y + offset
        align = "center" if abs((left + right) // 2 - cx) < EMU_PER_IN * 0.1 else (
            "left" if left >= cx - EMU_PER_IN * 0.1 else "right")
        tb = _plain_text(shapes, left, ly, label_w, label_h, f"{date_text}\n{label}", size,
                         anchor="bottom" if above else "top", align=align)
        tb.name = f"Timeline label {cat}"
        tb.text_frame.paragraphs[0].runs[0].font.bold = True
        if big:
            for para in tb.text_frame.paragraphs:
                for run in para.runs:
                    run.font.bold = True
                    run.font.color.rgb = _rgb(color)
        end_y = axis_y - offset if above else axis_y + offset
        tick = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, cx, axis_y, cx, end_y)
        tick.line.color.rgb = _rgb(color)
    return _close_group(group)


def _tilemap(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

    x, y, w, h = box
    extra = spec.extra
    positions: dict[str, list[int]] = extra.get("positions", {})
    classes: dict[str, str] = extra.get("classes", {})
    class_labels: dict[str, dict[str, str]] = extra.get("class_labels", {})
    class_colors: dict[str, str] = extra.get("class_colors", {})
    group = _group(slide, f"Tile map {spec.id}")
    shapes = group.shapes
    legend_w = int(min(w * 0.3, EMU_PER_IN * 3.6))
    map_w = w - legend_w - int(EMU_PER_IN * 0.2)
    rows = max((p[0] for p in positions.values()), default=0) + 1
    cols = max((p[1] for p in positions.values()), default=0) + 1
    tile = int(min(map_w / cols, h / rows))
    gap = max(int(tile * 0.06), 1)
    ox = x + (map_w - tile * cols) // 2
    oy = y + (h - tile * rows) // 2
    values = spec.series[0].values if spec.series else ()
    size = role_size("chart")
    missing = "#FFFFFF"
    for i, cat in enumerate(spec.categories):
        if cat not in positions:
            continue
        r, c = positions[cat]
        key = classes.get(cat, "")
        color = class_colors.get(key, missing if (i >= len(values) or values[i] is None) else "#BDBDBD")
        sq = shapes.add_shape(MSO_SHAPE.RECTANGLE, ox + c * tile + gap // 2, oy + r * tile + gap // 2,
                              tile - gap, tile - gap)
        sq.name = f"Tile {cat}"
        sq.fill.solid()
        sq.fill.fore_color.rgb = _rgb(color)
        sq.line.color.rgb = _rgb("BFBFBF" if color == missing else "FFFFFF")
        sq.line.width = Pt(0.75)
        _no_effects(sq)
        tf = sq.text_frame
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        tf.word_wrap = False
        from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

        tf.vertical_anchor = MSO_ANCHOR.MIDDLE
        tf.text = cat
        tf.paragraphs[0].alignment = PP_ALIGN.CENTER
        run = tf.paragraphs[0].runs[0]
        run.font.size = Pt(size)
        run.font.bold = True
        run.font.color.rgb = _rgb("FFFFFF" if _luminance(color) < 0.5 else "262626")
    # legend: one swatch per class, in the order the classes were declared
    lx = x + w - legend_w
    sw = int(EMU_PER_IN * 0.28)
    ly = y + int(EMU_PER_IN * 0.1)
    keys = list(class_labels) or sorted(set(classes.values()))
    for key in keys:
        sq = shapes.add_shape(MSO_SHAPE.RECTANGLE, lx, ly, sw, sw)
        sq.name = f"Legend {key}"
        sq.fill.solid()
        sq.fill.fore_color.rgb = _rgb(class_colors.get(key, "#BDBDBD"))
        sq.line.color.rgb = _rgb("BFBFBF")  # a white class ("no data") still shows its swatch
        _no_effects(sq)
        label = class_labels.get(key, {}).get(lang, key)
        _plain_text(shapes, lx + sw + int(EMU_PER_IN * 0.1), ly, legend_w - sw - int(EMU_PER_IN * 0.1), sw,
                    label, role_size("chart"), align="left")
        ly += sw + int(EMU_PER_IN * 0.12)
    return _close_group(group)


def _table(slide: Any, spec: ChartSpec, lang: str, box: tuple[int, int, int, int]) -> Any:
    from pptx.util import Pt

    x, y, w, h = box
    header, rows = spec.table(lang)
    unit = format_axis_unit(spec.unit, lang)
    if unit:
        header = [header[0]] + [f"{hcell} ({unit})" for hcell in header[1:]]
    n_rows = len(rows) + 1
    size = role_size("chart")
    row_h = int(size * 2.1 * EMU_PER_PT)
    height = min(h, row_h * n_rows)
    frame = slide.shapes.add_table(n_rows, len(header), x, y, w, height)
    frame.name = f"Table {spec.id}"
    table = frame.table
    first_w = int(w * 0.45) if len(header) > 1 else w
    table.columns[0].width = first_w
    for j in range(1, len(header)):
        table.columns[j].width = int((w - first_w) / (len(header) - 1))
    for j, text in enumerate(header):
        cell = table.cell(0, j)
        cell.text = text
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(NAVY)
        run = cell.text_frame.paragraphs[0].runs[0]
        run.font.size = Pt(size)
        run.font.bold = True
        run.font.color.rgb = _rgb("FFFFFF")
    from pptx.enum.text import PP_ALIGN

    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            if j == 0:
                cell.text = str(value)
            else:
                cell.text = (format_number(value, lang, decimals=spec.decimals) if value is not None
                             else ("n/a" if lang == "en" else "n.d."))
                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb("F2F2F2" if i % 2 == 0 else "FFFFFF")
            run = cell.text_frame.paragraphs[0].runs[0]
            run.font.size = Pt(size)
            run.font.color.rgb = _rgb("262626")
    return frame


# ---- document properties -------------------------------------------------------------------

def _naive_utc(now: datetime) -> datetime:
    if now.tzinfo is not None:
        now = now.astimezone(timezone.utc).replace(tzinfo=None)
    return now.replace(microsecond=0)


def set_properties(prs: Any, *, title: str, lang: str, now: datetime, data_version: str) -> None:
    """Every core property from our own values: nothing inherited from a template."""
    props = prs.core_properties
    stamp = _naive_utc(now)
    props.author = "NAP Briefing"
    props.last_modified_by = "NAP Briefing"
    props.title = capped(title, CORE_PROPERTY_MAX)  # the full title is on the cover slide
    props.subject = "The North American Project" if lang == "en" else "The North American Project (español)"
    props.keywords = "USMCA; T-MEC; North America"
    props.comments = f"NAP Briefing {__version__}; data version {data_version}; language {lang}"
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.language = "en-US" if lang == "en" else "es-MX"
    props.version = __version__
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    for el in props._element.xpath("./cp:lastPrinted"):
        props._element.remove(el)
    # docProps/app.xml may name a company or manager from a user's template
    try:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        app = prs.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
        import re

        xml = app.blob.decode("utf-8")
        xml = re.sub(r"<(Company|Manager)>[^<]*</\1>", r"<\1></\1>", xml)
        app._blob = xml.encode("utf-8")
    except (KeyError, AttributeError):
        pass


def export_pptx(pack: Pack, catalog: Catalog, dest: Path | str, *, lang: str, now: datetime,
                template: Path | str | None = None,
                progress: Callable[[int, int], None] | None = None) -> Path:
    """Write the pack as a .pptx at ``dest`` (atomically); raises ExportError with a message for the user."""
    dest = Path(dest)
    pack = sanitize_pack(pack)  # the one place user text enters: nothing below can trip on it
    catalog = sanitize_catalog(catalog)  # a user library's texts too (the same object when already clean)
    slides = compose_deck(pack, catalog, lang=lang, now=now)
    writer = _DeckWriter(catalog, lang, Path(template) if template else None)
    total = len(slides) + 1
    for n, slide in enumerate(slides, start=1):
        writer.add(slide)
        if progress:
            progress(n, total)
    tag_language(writer.prs, lang)
    set_properties(writer.prs, title=slides[0].title, lang=lang, now=now, data_version=catalog.version)
    buffer = io.BytesIO()
    writer.prs.save(buffer)
    write_atomically(dest, buffer.getvalue())
    if progress:
        progress(total, total)
    return dest
