"""No user text can make an export fail: XML-hostile characters, over-long fields, lone surrogates.

Each test builds the text a user could paste (Word's vertical tab and form feed, a cut emoji, U+FFFE),
exports it, reads the file back with python-pptx / openpyxl / an XML parser and checks what a reader sees.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from fixture_catalog import make_catalog
from hostile import XML_HOSTILE, hostile_case

from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.exporters.pptx_exporter import export_pptx
from nap_desktop.exporters.svg_chart import chart_svg
from nap_desktop.exporters.textsafe import capped, clean, sanitize_pack
from nap_desktop.exporters.xlsx_exporter import export_xlsx

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def cat():
    return make_catalog()


def _deck_text(path) -> str:
    from pptx import Presentation

    prs = Presentation(str(path))
    out = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
        if slide.has_notes_slide:
            out.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(out)


def _book_text(path) -> str:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value)


@pytest.mark.parametrize(("raw", "expected"), [
    ("line\vbreak", "line\nbreak"), ("page\fbreak", "page\nbreak"), ("crlf\r\nend", "crlf\nend"),
    ("cr\rend", "cr\nend"), ("nel\x85end", "nel\nend"), ("tab\tkept", "tab\tkept"),
    ("nul\x00bell\x07esc\x1bdel\x7fc1\x9f", "nulbellescdelc1"),
    ("bom-ish\ufffe\uffff\ufdd0", "bom-ish"), ("plane\U0001fffe\U0010ffff", "plane"),
    ("cut emoji x\ud83d", "cut emoji x\ufffd"), ("\ude00 low first", "\ufffd low first"),
    ("paired \ud83c\udf0e", "paired 🌎"), ("Québec 東京 🌎 ñ", "Québec 東京 🌎 ñ"),
])
def test_clean_repairs_exactly_what_xml_cannot_hold(raw, expected):
    assert clean(raw) == expected


def test_clean_never_raises_and_leaves_only_xml_characters():
    # Every code point of the BMP and the edges of every plane, in one string.
    every = "".join(chr(c) for c in range(0x10000)) + "".join(
        chr(p * 0x10000 + d) for p in range(1, 17) for d in (0, 1, 0xFFFD, 0xFFFE, 0xFFFF))
    out = clean(every)
    out.encode("utf-8")  # no surrogate left
    for ch in out:
        c = ord(ch)
        assert c in (9, 10) or 0x20 <= c < 0x7F or 0xA0 <= c, hex(c)
        assert not (0xFDD0 <= c <= 0xFDEF or (c & 0xFFFE) == 0xFFFE), hex(c)
    assert clean(None) == "" and clean(42) == "42"


def test_capped_cuts_at_a_word_with_an_ellipsis():
    title = "The North American trade relationship " * 10
    out = capped(title, 255)
    assert len(out) <= 255 and out.endswith("…")
    assert title.startswith(out[:-1]) and title[len(out) - 1] == " "  # cut between words
    assert capped("short", 255) == "short"


def test_sanitize_pack_cleans_every_field_and_keeps_the_words():
    pack = Pack(title="T\vi\ufffetle\ud83d", audience="A\x00ud", meeting_date="99999999999999999999-01-01",
                lang="xx", items=(PackItem("note", text="N\fote", talking_points="TP\x1b", uid="n1"),))
    out = sanitize_pack(pack)
    assert (out.title, out.audience, out.meeting_date, out.lang) == ("T\nitle\ufffd", "Aud", "", "en")
    assert (out.items[0].text, out.items[0].talking_points, out.items[0].uid) == ("N\note", "TP", "n1")
    assert pack.title == "T\vi\ufffetle\ud83d"  # the user's pack itself is not changed


def test_every_hostile_character_exports_to_pptx_and_xlsx_with_its_words(tmp_path, cat):
    """The audit's 88 XML-hostile inputs (here 96), each in a note, a talking point and the title."""
    items = tuple(PackItem("note", text=hostile_case(i, ch), talking_points=hostile_case(i, ch), uid=f"n{i}")
                  for i, ch in enumerate(XML_HOSTILE))
    title = "Briefing " + "".join(XML_HOSTILE[:40]) + " end"
    pack = Pack(title=title, audience="Staff\v\f\ufffe", meeting_date="2026-05-12", items=items)
    deck = export_pptx(pack, cat, tmp_path / "d.pptx", lang="en", now=NOW)
    book = export_xlsx(pack, cat, tmp_path / "b.xlsx", lang="en", now=NOW)
    deck_text, book_text = _deck_text(deck), _book_text(book)
    for i in range(len(XML_HOSTILE)):
        for where in (deck_text, book_text):
            assert f"Case {i} before" in where and "after" in where, i
    assert "Briefing" in deck_text and "Staff" in deck_text and "Staff" in book_text


@pytest.mark.parametrize("title", [
    "A" * 300, "word " * 80, "Title with a vertical\vtab and a form\ffeed", "Non-characters \ufffe\uffff",
    "Cut emoji \ud83d at the end", "é🌎" * 200])
def test_titles_the_audit_broke_export_and_the_full_title_is_kept(tmp_path, cat, title):
    from pptx import Presentation
    import openpyxl

    pack = Pack(title=title, items=(PackItem("fact", "trade-trilateral", uid="f1"),))
    deck = export_pptx(pack, cat, tmp_path / "t.pptx", lang="en", now=NOW)
    book = export_xlsx(pack, cat, tmp_path / "t.xlsx", lang="en", now=NOW)
    prs = Presentation(str(deck))
    shown = clean(title)
    assert len(prs.core_properties.title) <= 255
    assert shown.startswith(prs.core_properties.title.rstrip("…"))
    assert len(openpyxl.load_workbook(book).properties.title or "") <= 255
    # Nothing the user wrote is lost: the whole title is in the deck (on the cover or in its notes).
    assert " ".join(shown.split()) in " ".join(_deck_text(deck).split())


def test_a_talking_point_over_excels_cell_cap_is_kept_whole(tmp_path, cat):
    long_point = ("Point " * 7000).strip() + " END"  # 41,999 characters; a cell holds 32,767
    pack = Pack(title="Long", items=(PackItem("fact", "trade-trilateral", talking_points=long_point, uid="f1"),))
    book = export_xlsx(pack, cat, tmp_path / "l.xlsx", lang="en", now=NOW)
    import openpyxl

    wb = openpyxl.load_workbook(book)
    cut = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
           if isinstance(c.value, str) and c.value.startswith("Point Point") and len(c.value) > 30000]
    assert cut and all(len(c.value) <= 32767 for c in cut)
    assert any(c.value.endswith("…") for c in cut)  # the table cell says it was cut...
    full = wb["Full text"]  # ...and the last sheet holds it whole, across the row
    rows = ["".join(str(c.value) for c in row[1:] if c.value) for row in full.iter_rows()]
    assert long_point in rows
    assert wb.sheetnames[-1] == "Full text"


def test_chart_svg_with_hostile_title_is_valid_xml_and_quotes_stay_text(cat):
    spec = next(iter(cat.charts.values()))
    hostile = replace(spec, title_en='Say "hi" & <b>bold</b>\v\ufffe\ud83d', y_title_en="\x00units")
    svg = chart_svg(hostile, cat, "en")
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.get("aria-label").startswith('Say "hi" & <b>bold</b>')
    assert not root.findall(".//{http://www.w3.org/2000/svg}b")


def test_a_user_librarys_hostile_text_exports_too(tmp_path, cat):
    """A library fact or chart whose TOML held "\\u000b" / "\\ufffe" escapes (or a cut emoji) exports cleanly."""
    from fixture_catalog import pack_basic

    from nap_desktop.exporters import REGISTRY
    from nap_desktop.exporters.textsafe import sanitize_catalog

    bad = "\v\f\ufffe\ud83d\x00"
    facts = tuple(replace(f, text_en=f"{f.text_en} tail{bad}") for f in cat.facts)
    charts = {k: replace(c, title_en=f"{c.title_en} tail{bad}") for k, c in cat.charts.items()}
    hostile = replace(cat, facts=facts, charts=charts)
    assert sanitize_catalog(cat) is cat  # clean data is not copied
    for name in ("pptx", "xlsx"):
        dest = REGISTRY[name].function(pack_basic(), hostile, tmp_path / f"lib{REGISTRY[name].extension}",
                                       lang="en", now=NOW)
        text = _deck_text(dest) if name == "pptx" else _book_text(dest)
        assert "tail" in text and "\ufffe" not in text


def test_a_dataset_row_of_hostile_text_is_cleaned_in_a_long_dataset():
    """The rows of a long dataset are checked a column at a time (one pass over all rows, not a call per
    field): a bad character anywhere in any text field of any row still makes that row cleaned, and the
    clean rows are the very same objects."""
    from dataclasses import replace

    from nap_desktop.core.catalog.loader import load_catalog
    from nap_desktop.exporters.textsafe import sanitize_catalog

    cat = load_catalog()
    name, ds = max(cat.datasets.items(), key=lambda kv: len(kv[1].rows))
    assert len(ds.rows) > 1000
    for field in ("category", "series", "period", "source", "status", "note"):
        for bad in ("\x00", "\ufffe", "\ud83d", "\v"):
            k = len(ds.rows) // 2
            rows = list(ds.rows)
            rows[k] = replace(rows[k], **{field: getattr(rows[k], field) + bad})
            hostile = replace(cat, datasets={**cat.datasets, name: replace(ds, rows=tuple(rows))})
            cleaned = sanitize_catalog(hostile).datasets[name].rows
            assert bad not in getattr(cleaned[k], field), (field, repr(bad))
            assert cleaned[k - 1] is rows[k - 1] and cleaned[k + 1] is rows[k + 1]
