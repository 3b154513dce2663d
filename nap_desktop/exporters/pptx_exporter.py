"""PowerPoint export: the composed deck drawn on our 16:9 template (or the user's), charts as native charts.

Charts are real PowerPoint charts with their data embedded (Edit Data works), explicit colours on
every series and point (LibreOffice ignores theme colours inside charts), number formats, axis
titles and alt text. The tile-grid map, the timeline and tables are native shapes.

    export_pptx(pack, catalog, dest, *, lang, now, template=None, progress=None) -> Path

This module writes the file (document properties, the atomic write); the deck's parts live beside it,
each importing only those below it:

    pptx_common   units, colours, template path, number formats, alt text, geometry, text boxes, tags
    pptx_drawn    the charts drawn as shapes: timeline, tile map, table
    pptx_charts   native charts, their labels and legends; draw_chart picks native or drawn
    pptx_slides   the slide kinds, the template's layouts and placeholders (_DeckWriter)

Every public name the deck's modules had here is still importable from here.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from nap_desktop import __version__
from nap_desktop.core.deck import compose_deck
from nap_desktop.core.pack.state_brief import in_language
from nap_desktop.exporters.files import ExportError, write_atomically  # noqa: F401 - ExportError as before
from nap_desktop.exporters.textsafe import CORE_PROPERTY_MAX, capped, check_drawable, sanitize_catalog, sanitize_pack
from nap_desktop.exporters.pptx_charts import (  # noqa: F401 - the public names, importable from here as before
    MAX_CATEGORY_LABELS, NEGATIVE_COLOR, category_label_step, draw_chart)
from nap_desktop.exporters.pptx_common import (  # noqa: F401
    DEFAULT_ACCENT, EMU_PER_IN, EMU_PER_PT, GREY, KIND_WORDS, LIGHT, NAVY, WARN, chart_alt_text,
    excel_number_format, tag_language, template_path)
from nap_desktop.exporters.pptx_slides import _DeckWriter

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.pack.packfile import Pack


# ---- document properties -------------------------------------------------------------------

def _naive_utc(now: datetime) -> datetime:
    if now.tzinfo is not None:
        now = now.astimezone(timezone.utc).replace(tzinfo=None)
    return now.replace(microsecond=0)


def set_properties(prs: Any, *, title: str, lang: str, now: datetime, data_version: str, pack: Any = None) -> None:
    """Every core property from our own values: nothing inherited from a template. Author and company are
    the pack's organisation (exporters/docprops.py); subject and keywords in the deck's language."""
    from nap_desktop.exporters import docprops

    props = prs.core_properties
    stamp = _naive_utc(now)
    props.author = capped(docprops.author(pack), CORE_PROPERTY_MAX)
    props.last_modified_by = props.author
    props.title = capped(title, CORE_PROPERTY_MAX)  # the full title is on the cover slide
    props.subject = capped(docprops.subject(pack, lang), CORE_PROPERTY_MAX)
    props.keywords = docprops.keywords(pack, lang)
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

        from xml.sax.saxutils import escape

        xml = app.blob.decode("utf-8")
        xml = re.sub(r"<(Company|Manager)>[^<]*</\1>", r"<\1></\1>", xml)
        company = escape(capped(docprops.company(pack), CORE_PROPERTY_MAX))
        if company:  # the pack's organisation is the document's company
            if "<Company></Company>" in xml:
                xml = xml.replace("<Company></Company>", f"<Company>{company}</Company>", 1)
            elif "<Company/>" in xml:
                xml = xml.replace("<Company/>", f"<Company>{company}</Company>", 1)
            else:
                xml = xml.replace("</Properties>", f"<Company>{company}</Company></Properties>", 1)
        app._blob = xml.encode("utf-8")
    except (KeyError, AttributeError):
        pass


def export_pptx(pack: Pack, catalog: Catalog, dest: Path | str, *, lang: str, now: datetime,
                template: Path | str | None = None,
                progress: Callable[[int, int], None] | None = None) -> Path:
    """Write the pack as a .pptx at ``dest`` (atomically); raises ExportError with a message for the user."""
    dest = Path(dest)
    pack = sanitize_pack(pack)  # the one place user text enters: nothing below can trip on it
    pack = in_language(pack, catalog, lang)  # a state brief's generated title and audience in the output's language
    catalog = sanitize_catalog(catalog)  # a user library's texts too (the same object when already clean)
    check_drawable(pack, catalog, "deck")  # a chart of 100,000 categories: refused up front, limit named
    slides = compose_deck(pack, catalog, lang=lang, now=now)
    writer = _DeckWriter(catalog, lang, Path(template) if template else None)
    total = len(slides) + 1
    for n, slide in enumerate(slides, start=1):
        writer.add(slide)
        if progress:
            progress(n, total)
    tag_language(writer.prs, lang)
    set_properties(writer.prs, title=slides[0].title, lang=lang, now=now, data_version=catalog.version, pack=pack)
    buffer = io.BytesIO()
    writer.prs.save(buffer)
    write_atomically(dest, buffer.getvalue())
    if progress:
        progress(total, total)
    return dest
