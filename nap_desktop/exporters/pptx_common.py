"""The PowerPoint deck's shared pieces (Qt-free): units and colours, the template's path, number formats and
alt text the workbook uses too, where things go on a slide of any size, plain text boxes and groups, the
package speed-ups and the language tags. The bottom of the deck's modules: it imports none of them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from nap_desktop.core.charts.spec import ChartSpec
    from nap_desktop.core.catalog.model import Catalog


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


