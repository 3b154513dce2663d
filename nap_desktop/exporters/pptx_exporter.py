"""PowerPoint export: the composed deck drawn on our 16:9 template (or the user's), charts as native charts.

Charts are real PowerPoint charts with their data embedded (Edit Data works), explicit colours on
every series and point (LibreOffice ignores theme colours inside charts), number formats, axis
titles and alt text. The tile-grid map, the timeline and tables are native shapes.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from nap_desktop import __version__
from nap_desktop.core.deck import AVG_CHAR_EM, Slide, compose_deck, fit_font_size, text_height_pt, wrap_text
from nap_desktop.core.formatting import format_axis_unit, format_date, format_number
from nap_desktop.exporters import ExportError, write_atomically
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
    from nap_desktop.core.charts.spec import source_line

    labels = spec.category_labels(lang)
    parts = []
    for s in spec.series:
        values = "; ".join(f"{labels[i]}: {spec.format(v, lang)}" for i, v in enumerate(s.values))
        parts.append(f"{s.label(lang)} — {values}" if len(spec.series) > 1 else values)
    if spec.kind == "timeline":
        dates = spec.extra.get("dates", {})
        parts = ["; ".join(f"{format_date(dates.get(c, ''), lang)}: {labels[i]}"
                           for i, c in enumerate(spec.categories))]
    text = f"{KIND_WORDS.get(spec.kind, {}).get(lang, spec.kind)}: {spec.title(lang)}. " + ". ".join(parts) + "."
    line = source_line(spec, catalog, lang)
    return f"{text} {line}".strip()


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
        return self.prs.slides.add_slide(self.layouts[layout_key])

    @staticmethod
    def _remove_empty_placeholders(slide: Any) -> None:
        for ph in list(slide.placeholders):
            if not ph.has_text_frame or not ph.text_frame.text.strip():
                ph._element.getparent().remove(ph._element)

    def _set_title(self, slide: Any, text: str, *, max_pt: float = 32, min_pt: float = 16) -> None:
        ph = slide.shapes.title
        if ph is None:
            g = self.geo
            self._textbox(slide, *g.title_box, text, max_pt=max_pt, min_pt=min_pt, bold=True, color=NAVY,
                          name="Title")
            return
        width_pt = ph.width / EMU_PER_PT - 14.4
        height_pt = ph.height / EMU_PER_PT - 7.2
        size = fit_font_size(text, width_pt, height_pt, max_pt=max_pt, min_pt=min_pt, char_em=0.6)
        ph.text_frame.word_wrap = True
        ph.text_frame.text = text
        from pptx.util import Pt

        for para in ph.text_frame.paragraphs:
            for run in para.runs:
                run.font.size = Pt(size)

    def _textbox(self, slide: Any, x: int, y: int, w: int, h: int, text: str, *, max_pt: float,
                 min_pt: float = 10, bold: bool = False, italic: bool = False, color: str = "",
                 name: str = "", align: str = "", char_em: float | None = None, anchor: str = "top") -> tuple[Any, float]:
        from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
        from pptx.util import Pt

        em = char_em or (0.6 if bold else AVG_CHAR_EM)
        size = fit_font_size(text, w / EMU_PER_PT, h / EMU_PER_PT, max_pt=max_pt, min_pt=min_pt, char_em=em)
        box = slide.shapes.add_textbox(x, y, w, h)
        if name:
            box.name = name
        tf = box.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        tf.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE,
                              "bottom": MSO_ANCHOR.BOTTOM}[anchor]
        for i, line in enumerate(text.split("\n")):
            para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            if align:
                para.alignment = {"center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT, "left": PP_ALIGN.LEFT}[align]
            run = para.add_run()
            run.text = line
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.italic = italic
            if color:
                run.font.color.rgb = _rgb(color)
        return box, size

    def _fitting_text(self, text: str, w: int, h: int, *, min_pt: float) -> tuple[str, bool]:
        """Text cut to what fits at ``min_pt`` (the full text then goes to the speaker notes)."""
        width_pt, height_pt = w / EMU_PER_PT, h / EMU_PER_PT
        if text_height_pt(text, width_pt, min_pt) <= height_pt:
            return text, False
        more = {"en": "… (full text in the speaker notes)", "es": "… (texto completo en las notas del orador)"}[self.lang]
        max_chars = max(1, int(width_pt / (min_pt * AVG_CHAR_EM)))
        max_lines = max(1, int(height_pt / (min_pt * 1.2)))
        lines = wrap_text(text, max_chars)[:max_lines]
        lines[-1] = lines[-1][: max(0, max_chars - len(more) - 1)].rstrip() + more
        return "\n".join(lines), True

    def _source_footer(self, slide: Any, source_line: str, footnotes: tuple[str, ...] = ()) -> int:
        """Source line at the bottom, footnotes above it; returns the top of what was drawn."""
        g = self.geo
        width_pt = g.content_width / EMU_PER_PT
        bottom = g.source_top + g.source_height
        top = bottom
        if source_line:
            size = next((pt for pt in (12, 11, 10, 9) if text_height_pt(source_line, width_pt, pt) <= 2 * pt * 1.2), 9)
            h = int(text_height_pt(source_line, width_pt, size, char_em=0.6) * EMU_PER_PT)
            top = bottom - h
            self._textbox(slide, g.content_left, top, g.content_width, h, source_line,
                          max_pt=size, min_pt=size, color=GREY, name="Source line", anchor="bottom")
        if footnotes:
            # At most four lines on the slide; every line is also in the speaker notes.
            lines = list(footnotes)
            if len(lines) > 4:
                more = {"en": f"… {len(lines) - 3} more in the speaker notes",
                        "es": f"… {len(lines) - 3} más en las notas del orador"}[self.lang]
                lines = lines[:3] + [more]
            text = "\n".join(lines)
            size = 10 if text_height_pt(text, width_pt, 11) > 4 * 11 * 1.2 else 11
            h = int(text_height_pt(text, width_pt, size, char_em=0.6) * EMU_PER_PT)
            top = top - h - int(EMU_PER_IN * 0.04)
            self._textbox(slide, g.content_left, top, g.content_width, h, text, max_pt=size, min_pt=size,
                          italic=True, color=GREY, name="Footnotes", anchor="bottom")
        return top

    @staticmethod
    def _notes(slide: Any, text: str) -> None:
        if text.strip():
            slide.notes_slide.notes_text_frame.text = text

    # ---- slides ----------------------------------------------------------------------------
    def add(self, s: Slide) -> None:
        handler = getattr(self, f"_slide_{s.kind}")
        handler(s)

    def _slide_title(self, s: Slide) -> None:
        slide = self._new_slide("title")
        title_ph = self._placeholder(slide, ("ctrTitle", "title"))
        if title_ph is not None:
            from pptx.util import Pt

            size = fit_font_size(s.title, title_ph.width / EMU_PER_PT - 14.4, title_ph.height / EMU_PER_PT - 7.2,
                                 max_pt=40, min_pt=20, char_em=0.6)
            title_ph.text_frame.word_wrap = True
            title_ph.text_frame.text = s.title
            for run in title_ph.text_frame.paragraphs[0].runs:
                run.font.size = Pt(size)
        else:
            self._set_title(slide, s.title)
        sub = self._placeholder(slide, ("subTitle", "body"))
        text = "\n".join(s.bullets)
        if sub is not None:
            from pptx.util import Pt

            size = fit_font_size(text, sub.width / EMU_PER_PT - 14.4, sub.height / EMU_PER_PT - 7.2,
                                 max_pt=20, min_pt=11)
            sub.text_frame.word_wrap = True
            sub.text_frame.text = text
            for para in sub.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(size)
        self._remove_empty_placeholders(slide)
        self._notes(slide, s.notes)

    def _slide_agenda(self, s: Slide) -> None:
        slide = self._new_slide("title_only")
        self._set_title(slide, s.title)
        g = self.geo
        text = "\n".join(s.bullets)
        self._textbox(slide, g.content_left, g.content_top, g.content_width, g.content_bottom - g.content_top,
                      text, max_pt=24, min_pt=12, color=NAVY, name="Agenda")
        self._remove_empty_placeholders(slide)
        self._notes(slide, s.notes)

    def _slide_divider(self, s: Slide) -> None:
        from pptx.enum.shapes import MSO_SHAPE

        slide = self._new_slide("section")
        self._set_title(slide, s.title, max_pt=40, min_pt=20)
        title = slide.shapes.title
        if title is not None:
            bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, title.left, title.top - int(EMU_PER_IN * 0.15),
                                         int(EMU_PER_IN * 1.2), int(EMU_PER_IN * 0.08))
            bar.fill.solid()
            bar.fill.fore_color.rgb = _rgb(s.accent)
            bar.line.fill.background()
            bar.name = "Section accent"
        self._remove_empty_placeholders(slide)
        self._notes(slide, s.notes)

    def _slide_fact(self, s: Slide) -> None:
        slide = self._new_slide("title_only")
        self._set_title(slide, s.title, max_pt=28)
        g = self.geo
        footer_top = self._source_footer(slide, s.source_line, s.footnotes)
        top = g.content_top + int(EMU_PER_IN * 0.1)
        bottom = footer_top - int(EMU_PER_IN * 0.1)
        if s.figure:
            figure_text = f"{s.figure} {s.figure_label}".strip()
            fig_h = int(EMU_PER_IN * 1.5)
            self._textbox(slide, g.content_left, top, g.content_width, fig_h, figure_text, max_pt=60, min_pt=28,
                          bold=True, color=s.accent or DEFAULT_ACCENT, name="Headline figure", anchor="bottom")
            top += fig_h + int(EMU_PER_IN * 0.2)
        period_h = int(EMU_PER_IN * 0.45)
        statement_h = bottom - top - period_h
        text, cut = self._fitting_text(s.statement, g.content_width, statement_h, min_pt=14)
        self._textbox(slide, g.content_left, top, g.content_width, statement_h, text, max_pt=28, min_pt=14,
                      color="262626", name="Statement")
        if s.period:
            label = {"en": "Period", "es": "Periodo"}[self.lang]
            self._textbox(slide, g.content_left, bottom - period_h, g.content_width, period_h,
                          f"{label}: {s.period}", max_pt=16, min_pt=10, color=GREY, name="Period", anchor="bottom")
        self._remove_empty_placeholders(slide)
        self._notes(slide, s.notes + (f"\n\n{s.statement}" if cut else ""))

    def _slide_chart(self, s: Slide) -> None:
        slide = self._new_slide("title_only")
        self._set_title(slide, s.title, max_pt=28)
        g = self.geo
        footer_top = self._source_footer(slide, s.source_line, s.footnotes)
        top = g.content_top
        if s.statement:
            # At most three lines: 18 pt if it fits, down to 12 pt for the longest Spanish statements.
            width_pt = g.content_width / EMU_PER_PT
            size = next((pt for pt in (18, 16, 14, 13, 12) if text_height_pt(s.statement, width_pt, pt)
                         <= 3 * pt * 1.2), 12)
            h = int(text_height_pt(s.statement, width_pt, size, char_em=0.6) * EMU_PER_PT)
            self._textbox(slide, g.content_left, top, g.content_width, h, s.statement, max_pt=size, min_pt=size,
                          color="262626", name="Takeaway")
            top += h + int(EMU_PER_IN * 0.12)
        box = (g.content_left, top, g.content_width, footer_top - top - int(EMU_PER_IN * 0.08))
        draw_chart(slide, s.chart, self.catalog, self.lang, box)
        self._remove_empty_placeholders(slide)
        self._notes(slide, s.notes)

    def _slide_note(self, s: Slide) -> None:
        slide = self._new_slide("title_only")
        self._set_title(slide, s.title)
        g = self.geo
        h = g.content_bottom - g.content_top
        text, cut = self._fitting_text(s.statement, g.content_width, h, min_pt=12)
        self._textbox(slide, g.content_left, g.content_top, g.content_width, h, text, max_pt=28, min_pt=12,
                      color="262626", name="Note")
        self._remove_empty_placeholders(slide)
        self._notes(slide, s.notes + (f"\n\n{s.statement}" if cut else ""))

    def _slide_missing(self, s: Slide) -> None:
        from pptx.util import Pt

        slide = self._new_slide("title_only")
        self._set_title(slide, s.title)
        g = self.geo
        box, _ = self._textbox(slide, g.content_left, g.content_top + int(EMU_PER_IN * 0.3), g.content_width,
                               int(EMU_PER_IN * 2.0), s.statement, max_pt=22, min_pt=12, color=WARN,
                               name="Missing item", anchor="middle", align="center")
        box.line.color.rgb = _rgb(WARN)
        box.line.width = Pt(2)
        box.line.dash_style = 4  # MSO_LINE.DASH
        self._remove_empty_placeholders(slide)
        self._notes(slide, s.notes)

    def _slide_sources(self, s: Slide) -> None:
        from pptx.enum.text import MSO_AUTO_SIZE
        from pptx.util import Pt

        slide = self._new_slide("title_only")
        self._set_title(slide, s.title)
        g = self.geo
        h = g.source_top + g.source_height - g.content_top
        lines = []
        for e in s.sources:
            lines.append(f"{e.publisher}. {e.title}" + (f" ({e.date})" if e.date else ""))
            lines.append(f"{e.status_label}" + (f" · {e.url}" if e.url else ""))
        size = fit_font_size("\n".join(lines), g.content_width / EMU_PER_PT, h / EMU_PER_PT * 0.85,
                             max_pt=16, min_pt=9)
        box = slide.shapes.add_textbox(g.content_left, g.content_top, g.content_width, h)
        box.name = "Sources"
        tf = box.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        first = True
        for e in s.sources:
            para = tf.paragraphs[0] if first else tf.add_paragraph()
            first = False
            para.space_before = Pt(size * 0.6)
            run = para.add_run()
            run.text = f"{e.publisher}. {e.title}" + (f" ({e.date})" if e.date else "")
            run.font.size = Pt(size)
            run.font.bold = True
            run.font.color.rgb = _rgb(NAVY)
            para2 = tf.add_paragraph()
            run = para2.add_run()
            run.text = e.status_label
            run.font.size = Pt(size * 0.85)
            run.font.color.rgb = _rgb(WARN if e.status == "secondary" else GREY)
            if e.url:
                run = para2.add_run()
                run.text = " · "
                run.font.size = Pt(size * 0.85)
                run = para2.add_run()
                run.text = e.url
                run.font.size = Pt(size * 0.85)
                run.hyperlink.address = e.url
        self._remove_empty_placeholders(slide)
        self._notes(slide, s.notes)


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
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
    from pptx.util import Pt

    kind = spec.kind if spec.kind in _CHART_TYPES else "column"
    fmt = excel_number_format(spec.unit, spec.decimals)
    data = CategoryChartData(number_format=fmt)
    data.categories = list(spec.category_labels(lang))
    for s in spec.series:
        data.add_series(s.label(lang), [None if v is None else float(v) for v in s.values])
    frame = slide.shapes.add_chart(getattr(XL_CHART_TYPE, _CHART_TYPES[kind]), *box, data)
    frame.name = f"Chart {spec.id}"
    chart = frame.chart
    chart.has_title = False
    chart.font.size = Pt(12)
    chart.font.color.rgb = _rgb("404040")
    horizontal = kind in ("bar", "diverging", "share")
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
            if single and spec.category_colors:
                for j, color in enumerate(spec.category_colors):
                    if j < len(spec.categories) and color:
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
        dl.font.size = Pt(11)
        dl.show_value = True
        if kind == "stacked":
            dl.position = XL_LABEL_POSITION.CENTER
        elif kind == "line":
            dl.position = XL_LABEL_POSITION.ABOVE
        else:
            dl.position = XL_LABEL_POSITION.OUTSIDE_END

    va = chart.value_axis
    values = [v for s in spec.series for v in s.values if v is not None]
    if values and min(values) >= 0 and kind != "line":
        va.minimum_scale = 0  # bars start at zero (LibreOffice would otherwise zoom in on the tips)
    va.tick_labels.number_format = fmt
    va.tick_labels.number_format_is_linked = False
    va.has_major_gridlines = True
    va.major_gridlines.format.line.color.rgb = _rgb(LIGHT)
    va.format.line.fill.background()
    y_title = spec.y_title(lang)
    if y_title:
        va.has_title = True
        va.axis_title.text_frame.text = y_title
        va.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
        va.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    ca = chart.category_axis
    ca.tick_labels.font.size = Pt(11)
    ca.format.line.color.rgb = _rgb("A6A6A6")
    ca.has_major_gridlines = False
    x_title = spec.x_title(lang)
    if x_title:
        ca.has_title = True
        ca.axis_title.text_frame.text = x_title
        ca.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
        ca.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    if horizontal:
        ca.reverse_order = True  # first category on top, as the table reads
        from pptx.enum.chart import XL_TICK_LABEL_POSITION

        ca.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # labels stay left of negative bars
        from pptx.enum.chart import XL_AXIS_CROSSES

        ca.crosses = XL_AXIS_CROSSES.MAXIMUM  # keeps the value axis at the bottom once categories are reversed

    if len(spec.series) > 1:
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(11)
    else:
        chart.has_legend = False
    return frame


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
    label_w = int(min(w / max(n, 1) * 1.8, EMU_PER_IN * 2.6))
    pad = label_w // 2
    axis_y = y + h // 2
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, x + pad // 2, axis_y, x + w - pad // 2, axis_y)
    line.line.color.rgb = _rgb("7F7F7F")
    line.line.width = Pt(2)
    dot = int(EMU_PER_IN * 0.22)
    label_h = int(h * 0.2)
    size = 12 if n <= 6 else 10
    # Labels go in lanes (above/below the axis, near/far) so close dates never overlap.
    lanes = [(True, 0), (False, 0), (True, 1), (False, 1)]
    lane_right = [float("-inf")] * len(lanes)
    order = sorted(range(n), key=lambda k: points[k])
    for i in order:
        cat, pos = spec.categories[i], points[i]
        cx = x + pad + int((w - 2 * pad) * (pos - lo) / span)
        left = cx - label_w // 2
        free = [k for k, right in enumerate(lane_right) if right + EMU_PER_IN * 0.05 < left]
        lane = free[0] if free else min(range(len(lanes)), key=lambda k: lane_right[k])
        lane_right[lane] = cx + label_w // 2
        above, level = lanes[lane]
        marker = shapes.add_shape(MSO_SHAPE.OVAL, cx - dot // 2, axis_y - dot // 2, dot, dot)
        marker.fill.solid()
        marker.fill.fore_color.rgb = _rgb(color)
        marker.line.color.rgb = _rgb("FFFFFF")
        date_text = format_date(dates.get(cat, ""), lang) if dates.get(cat) else spec.format(
            spec.series[0].values[i] if spec.series else None, lang)
        text = f"{date_text}\n{labels[i]}"
        offset = dot + level * label_h
        ly = axis_y - offset - label_h if above else axis_y + offset
        tb = _plain_text(shapes, cx - label_w // 2, ly, label_w, label_h, text, size,
                         anchor="bottom" if above else "top")
        tb.text_frame.paragraphs[0].runs[0].font.bold = True
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
    size = max(7.0, min(12.0, tile / EMU_PER_PT * 0.32))
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
        tf = sq.text_frame
        tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
        tf.text = cat
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
        label = class_labels.get(key, {}).get(lang, key)
        _plain_text(shapes, lx + sw + int(EMU_PER_IN * 0.1), ly, legend_w - sw - int(EMU_PER_IN * 0.1), sw,
                    label, 11, align="left")
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
    size = 12 if n_rows <= 12 else 10 if n_rows <= 18 else 8
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
    set_properties(writer.prs, title=slides[0].title, lang=lang, now=now, data_version=catalog.version)
    buffer = io.BytesIO()
    writer.prs.save(buffer)
    write_atomically(dest, buffer.getvalue())
    if progress:
        progress(total, total)
    return dest
