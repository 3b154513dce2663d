"""The deck's slide kinds on our template or the user's (Qt-free): cover, agenda, divider, fact, key figures,
chart, note, missing item and sources, each with its furniture (kicker, source line, footer, slide number)
and speaker notes; the template's layouts are found and its placeholders filled or removed here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from nap_desktop.core.deck import AGENDA_PER_SLIDE, Slide, source_head, source_need, source_sizes
from nap_desktop.core.textmetrics import fit, role_min, role_size, wrap
from nap_desktop.core.textmetrics import height as line_height
from nap_desktop.exporters.files import ExportError
from nap_desktop.exporters.textsafe import safe_url
from nap_desktop.exporters.pptx_common import (
    DEFAULT_ACCENT, EMU_PER_IN, EMU_PER_PT, GREY, NAVY, template_path, WARN, _fast_partnames,
    _fast_slide_relations, _Geometry, _no_effects, _rgb, _YEAR_RANGE)
from nap_desktop.exporters.pptx_charts import draw_chart

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog


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
            if safe_url(e.url) and not tail_cut:  # only http(s) links, from any origin (a pack's copies too)
                run.hyperlink.address = safe_url(e.url)
        self._remove_empty_placeholders(slide)
        self._furniture(slide, s)
        self._notes(slide, s.notes)


