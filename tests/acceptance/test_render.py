"""The contact-sheet renderer draws a real PDF's pages, and a red tile for a file it cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.lib.pagesizes import landscape, letter
from reportlab.pdfgen import canvas

from tests.acceptance.render import have_renderer, render_contact_sheet

OK, WHY = have_renderer()


def _tiny_pdf(path: Path) -> Path:
    """Two pages: a portrait Letter page and a landscape one, each with a big black block."""
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFillColorRGB(0, 0, 0)
    c.rect(72, 300, 468, 400, fill=1, stroke=0)
    c.drawString(72, 72, "portrait page")
    c.showPage()
    c.setPageSize(landscape(letter))
    c.rect(72, 200, 648, 300, fill=1, stroke=0)
    c.drawString(72, 72, "landscape page")
    c.showPage()
    c.save()
    return path


@pytest.mark.skipif(not OK, reason=WHY or "no renderer")
def test_contact_sheet_of_a_small_pdf(tmp_path: Path) -> None:
    pdf = _tiny_pdf(tmp_path / "handout.pdf")
    missing = tmp_path / "deck-that-is-not-there.pptx"  # a red tile, no LibreOffice run, no exception

    out = render_contact_sheet([pdf, missing], tmp_path / "sheet.png", title="render test", dpi=50)

    assert out == tmp_path / "sheet.png" and out.is_file()
    with Image.open(out) as im:
        im = im.convert("RGB")
    # two thumbs at a common 375 px height (290 + 485 px wide) or the 520 px error tile, plus margins
    assert 500 <= im.width <= 1500, im.size
    assert 600 <= im.height <= 2000, im.size
    gray = im.convert("L")
    dark = sum(gray.histogram()[:40])
    assert dark > 0.05 * im.width * im.height, "the pages' black blocks are not on the sheet"
    r, g, b = im.split()
    red = ImageChops.multiply(
        ImageChops.multiply(r.point(lambda v: 255 if v > 150 else 0), g.point(lambda v: 255 if v < 60 else 0)),
        b.point(lambda v: 255 if v < 60 else 0),
    )
    reds = red.histogram()[255]
    assert reds > 500, "no red error tile for the missing file"
