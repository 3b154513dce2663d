"""Generates resources/templates/nap_template.pptx: the 16:9 PowerPoint template the exporter builds on.

Run `python tools/make_template.py` after changing the design; the result is committed. The theme
uses the report's palette (section colours, Okabe–Ito for data) and Arial (metric-compatible
Liberation Sans on Linux/LibreOffice, so text measured for one fits on the other).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from nap_desktop.core.textmetrics import TYPE_SCALE  # noqa: E402  (the one type scale the renderers use)
OUT = ROOT / "resources" / "templates" / "nap_template.pptx"

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in, 16:9
NAVY = "1F3B5C"
BLUE = "1F5FA8"

#: theme colours: text, background, then accents in the report's palette (sections, Okabe–Ito)
COLORS = {
    "dk2": NAVY, "lt2": "EEF2F7",
    "accent1": BLUE, "accent2": "2E8B57", "accent3": "C8641E", "accent4": "8E3B8E",
    "accent5": "0072B2", "accent6": "E69F00", "hlink": "0072B2", "folHlink": "8E3B8E",
}

#: placeholder boxes (left, top, width, height in inches) for the layouts the exporter uses
BOXES = {
    "Title Slide": {"ctrTitle": (0.8, 2.2, 11.7, 1.7), "subTitle": (0.8, 4.1, 11.7, 2.0)},
    "Title Only": {"title": (0.6, 0.35, 12.1, 0.95)},
    "Title and Content": {"title": (0.6, 0.35, 12.1, 0.95), "body": (0.6, 1.5, 12.1, 5.3)},
    "Section Header": {"title": (0.8, 3.0, 11.7, 1.5), "body": (0.8, 4.6, 11.7, 1.0)},
}

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"


def _theme(prs: Presentation) -> None:
    part = prs.slide_master.part.part_related_by(RT.THEME)
    xml = part.blob.decode("utf-8")
    xml = xml.replace('name="Office Theme"', 'name="NAP Briefing"', 1)
    for slot, rgb in COLORS.items():
        xml = re.sub(rf"<a:{slot}>.*?</a:{slot}>", f'<a:{slot}><a:srgbClr val="{rgb}"/></a:{slot}>', xml, count=1)
    xml = xml.replace('<a:clrScheme name="Office">', '<a:clrScheme name="NAP Briefing">', 1)
    xml = xml.replace('<a:fontScheme name="Office">', '<a:fontScheme name="NAP Briefing">', 1)
    xml = re.sub(r'(<a:majorFont><a:latin typeface=")[^"]*"', r'\1Arial"', xml, count=1)
    xml = re.sub(r'(<a:minorFont><a:latin typeface=")[^"]*"', r'\1Arial"', xml, count=1)
    part._blob = xml.encode("utf-8")  # a generic Part keeps its bytes here


def _ph_type(ph) -> str:
    el = ph._element.find(f".//{{{P}}}ph")
    return el.get("type", "body") if el is not None else "body"


def _scale_placeholders(shapes, factor: float) -> None:
    for shape in shapes:
        if shape.left is not None and shape.width is not None:
            shape.left = Emu(int(shape.left * factor))
            shape.width = Emu(int(shape.width * factor))


def _left_align(ph) -> None:
    tx = ph._element.find(f"{{{P}}}txBody")
    if tx is None:
        return
    lst = tx.find(f"{{{A}}}lstStyle")
    if lst is None:
        lst = etree.SubElement(tx, f"{{{A}}}lstStyle")
        tx.insert(1, lst)
    for child in list(lst):
        lst.remove(child)
    lvl = etree.SubElement(lst, f"{{{A}}}lvl1pPr", algn="l", marL="0", indent="0")
    etree.SubElement(lvl, f"{{{A}}}buNone")


def _sz(role: str) -> str:
    """A role's size from the renderers' type scale, in OOXML hundredths of a point."""
    return str(int(round(TYPE_SCALE[role][0] * 100)))


#: the role of each placeholder type; per layout, the roles that differ (cover and divider titles)
PLACEHOLDER_ROLES = {"title": "title", "ctrTitle": "cover_title", "subTitle": "message", "body": "body",
                     "obj": "body", "pic": "body", "dt": "footer", "ftr": "footer", "sldNum": "footer"}
LAYOUT_ROLES = {"Title Slide": {"ctrTitle": "cover_title", "subTitle": "message"},
                "Section Header": {"title": "divider_title", "body": "message"}}


def _set_levels(lst, role: str, levels: int) -> None:
    """Every level of a list style (lvl1pPr..) gets the role's size; missing levels are added."""
    for n in range(1, levels + 1):
        tag = f"{{{A}}}lvl{n}pPr"
        lvl = lst.find(tag)
        if lvl is None:
            lvl = etree.Element(tag)
            # keep the lvlNpPr children in order, before any extLst
            before = [c for c in lst if c.tag.startswith(f"{{{A}}}lvl") and int(c.tag[-4]) < n]
            lst.insert(lst.index(before[-1]) + 1 if before else 0, lvl)
        rpr = lvl.find(f"{{{A}}}defRPr")
        if rpr is None:
            rpr = etree.SubElement(lvl, f"{{{A}}}defRPr")
        rpr.set("sz", _sz(role))


def _placeholder_sizes(shapes, roles: dict[str, str]) -> None:
    """Each placeholder's own list style carries its role's size (title 1 level, text 9)."""
    for ph in shapes.placeholders:
        kind = _ph_type(ph)
        role = roles.get(kind) or PLACEHOLDER_ROLES.get(kind)
        if role is None:
            continue
        tx = ph._element.find(f"{{{P}}}txBody")
        if tx is None:
            continue
        lst = tx.find(f"{{{A}}}lstStyle")
        if lst is None:
            lst = etree.Element(f"{{{A}}}lstStyle")
            tx.insert(1, lst)
        _set_levels(lst, role, 1 if kind in ("title", "ctrTitle", "dt", "ftr", "sldNum") else 9)


def _type_scale(prs: Presentation) -> None:
    """The master's text styles and every master and layout placeholder in the renderers' type scale
    by role (core/textmetrics.TYPE_SCALE): what a user types into a placeholder of our template, or a
    slide PowerPoint adds on it, gets the same sizes as the slides we write."""
    ns = {"p": P, "a": A}
    styles = prs.slide_master._element.find(".//p:txStyles", ns)
    _set_levels(styles.find("p:titleStyle", ns), "title", 1)
    _set_levels(styles.find("p:bodyStyle", ns), "body", 9)
    _set_levels(styles.find("p:otherStyle", ns), "body", 9)  # text boxes a user adds
    _placeholder_sizes(prs.slide_master, {})
    for layout in prs.slide_layouts:
        _placeholder_sizes(layout, LAYOUT_ROLES.get(layout.name, {}))


def _master_style(prs: Presentation) -> None:
    master = prs.slide_master
    # Titles: navy, bold, left-aligned (sizes: _type_scale).
    ns = {"p": P, "a": A}
    title = master._element.find(".//p:txStyles/p:titleStyle/a:lvl1pPr", ns)
    rpr = title.find("a:defRPr", ns)
    rpr.set("b", "1")
    for fill in rpr.findall("a:solidFill", ns):
        rpr.remove(fill)
    fill = etree.SubElement(rpr, f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val="tx2")
    rpr.insert(0, fill)
    title.set("algn", "l")


def _accent_bar(prs: Presentation) -> None:
    """A thin band in the report's blue across the top of every slide, drawn on the master."""
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    bar = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(0.12))
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string(BLUE)
    bar.line.fill.background()
    bar.name = "NAP accent bar"
    element = copy.deepcopy(bar._element)
    tree = prs.slide_master.shapes._spTree
    tree.insert(2, element)  # behind the placeholders
    # drop the scratch slide again
    sld_ids = prs.slides._sldIdLst
    rid = sld_ids[-1].rId
    prs.part.drop_rel(rid)
    sld_ids.remove(sld_ids[-1])


def build(out: Path = OUT) -> Path:
    prs = Presentation()
    factor = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    _theme(prs)
    _master_style(prs)
    # Layouts first: a placeholder that inherits its box from the master reads the master's
    # (still 4:3) box and gets its own scaled copy; then the master itself is scaled.
    for layout in prs.slide_layouts:
        _scale_placeholders(layout.placeholders, factor)
        boxes = BOXES.get(layout.name, {})
        for ph in layout.placeholders:
            box = boxes.get(_ph_type(ph))
            if box:
                ph.left, ph.top, ph.width, ph.height = (Inches(v) for v in box)
            if layout.name in ("Title Slide", "Section Header") and _ph_type(ph) in ("ctrTitle", "subTitle",
                                                                                       "title", "body"):
                _left_align(ph)
    _scale_placeholders(prs.slide_master.placeholders, factor)
    _type_scale(prs)  # after _left_align, which rewrites the cover's and divider's list styles
    _accent_bar(prs)
    props = prs.core_properties
    props.author = props.last_modified_by = "NAP Briefing"
    props.title = "NAP Briefing template"
    props.created = props.modified = dt.datetime(2026, 4, 1, 0, 0, 0)
    props.revision = 1
    out.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(out))
    return out


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"wrote {path}")
