"""Our PowerPoint template's master and layouts use the renderers' type scale by role.

A user who types into a placeholder of our template, or adds a slide on one of its layouts in
PowerPoint, gets the sizes the exported slides use (core/textmetrics.TYPE_SCALE, the one source).
"""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from nap_desktop.core.textmetrics import TYPE_SCALE
from nap_desktop.exporters.pptx_exporter import template_path

ROOT = Path(__file__).resolve().parents[2]
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

#: the role each placeholder plays; the cover's and the divider's titles are larger
ROLE = {"title": "title", "ctrTitle": "cover_title", "subTitle": "message", "body": "body", "obj": "body",
        "pic": "body", "dt": "footer", "ftr": "footer", "sldNum": "footer"}
LAYOUT_ROLE = {("Title Slide", "ctrTitle"): "cover_title", ("Title Slide", "subTitle"): "message",
               ("Section Header", "title"): "divider_title", ("Section Header", "body"): "message"}


def _ph_type(shape) -> str:
    ph = shape._element.find(f".//{P}ph")
    return ph.get("type", "body") if ph is not None else "body"


def _level_sizes(element, levels: int = 9) -> dict[int, float]:
    """{level: size in pt} from an element's lstStyle (or a txStyles child) where a size is set."""
    lst = element if element.tag.endswith(("Style", "lstStyle")) else element.find(f"{P}txBody/{A}lstStyle")
    found: dict[int, float] = {}
    if lst is None:
        return found
    for n in range(1, levels + 1):
        rpr = lst.find(f"{A}lvl{n}pPr/{A}defRPr")
        if rpr is not None and rpr.get("sz"):
            found[n] = int(rpr.get("sz")) / 100
    return found


def _effective(layout, shape, master) -> dict[int, float]:
    """The size each level of a layout placeholder shows: the layout's own, else the master
    placeholder's of the same type, else the master's title or body style."""
    kind = _ph_type(shape)
    styles = master._element.find(f"{P}txStyles")
    base = _level_sizes(styles.find(f"{P}titleStyle" if kind in ("title", "ctrTitle") else f"{P}bodyStyle"))
    master_ph = next((m for m in master.placeholders if _ph_type(m) == kind), None)
    sizes = dict(base)
    if master_ph is not None:
        sizes.update(_level_sizes(master_ph._element))
    sizes.update(_level_sizes(shape._element))
    return sizes


@pytest.fixture(scope="module")
def prs():
    return Presentation(str(template_path()))


def test_master_text_styles_use_the_role_scale(prs):
    styles = prs.slide_master._element.find(f"{P}txStyles")
    assert _level_sizes(styles.find(f"{P}titleStyle"), 1) == {1: TYPE_SCALE["title"][0]}
    body = _level_sizes(styles.find(f"{P}bodyStyle"))
    assert body == {n: TYPE_SCALE["body"][0] for n in range(1, 10)}
    other = _level_sizes(styles.find(f"{P}otherStyle"))  # a text box a user draws
    assert other == {n: TYPE_SCALE["body"][0] for n in range(1, 10)}
    for ph in prs.slide_master.placeholders:
        role = ROLE[_ph_type(ph)]
        assert _effective(prs.slide_master, ph, prs.slide_master)[1] == TYPE_SCALE[role][0], (ph.name, role)


def test_every_layout_placeholder_uses_its_role_size_and_never_goes_below_the_minimum(prs):
    seen = set()
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            kind = _ph_type(ph)
            role = LAYOUT_ROLE.get((layout.name, kind), ROLE[kind])
            sizes = _effective(layout, ph, prs.slide_master)
            assert sizes[1] == TYPE_SCALE[role][0], (layout.name, ph.name, role, sizes)
            assert min(sizes.values()) >= TYPE_SCALE[role][1], (layout.name, ph.name, sizes)
            seen.add(role)
    assert {"title", "cover_title", "divider_title", "message", "body", "footer"} <= seen
    # the floors the issue names: body text >= 12 pt, footers >= 10 pt
    assert TYPE_SCALE["body"][1] >= 12 and TYPE_SCALE["chart"][1] >= 12
    assert TYPE_SCALE["footer"][1] >= 10 and TYPE_SCALE["source"][1] >= 10


def test_the_committed_template_is_what_make_template_builds(tmp_path):
    """Changing the type scale without regenerating the template fails here (run tools/make_template.py)."""
    spec = importlib.util.spec_from_file_location("make_template", ROOT / "tools" / "make_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(tmp_path / "t.pptx")
    with zipfile.ZipFile(built) as new, zipfile.ZipFile(template_path()) as old:
        assert sorted(new.namelist()) == sorted(old.namelist())
        for name in new.namelist():
            assert new.read(name) == old.read(name), f"{name} differs: run tools/make_template.py"
