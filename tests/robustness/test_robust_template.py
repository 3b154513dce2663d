"""Hostile PowerPoint templates: macros and bombs refused with a clear message; external links, oversized parts
and the template's identity (properties, comments, custom XML) never reach the deck we write."""

from __future__ import annotations

import re
import resource
import zipfile
from datetime import datetime, timezone

import pytest
import templates_hostile as th
from fixture_catalog import make_catalog, pack_basic

from nap_desktop.exporters import ExportError
from nap_desktop.exporters.pptx_exporter import export_pptx
from nap_desktop.exporters.template import MAX_PART_BYTES, open_template

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def cat():
    return make_catalog()


def _export(tmp_path, cat, template):
    return export_pptx(pack_basic(), cat, tmp_path / "out.pptx", lang="en", now=NOW, template=template)


def _all_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(i).decode("utf-8", "replace") for i in z.infolist())


def _refused(tmp_path, cat, template, phrase):
    dest = tmp_path / "out.pptx"
    dest.write_bytes(b"the user's previous deck")
    with pytest.raises(ExportError) as info:
        export_pptx(pack_basic(), cat, dest, lang="en", now=NOW, template=template)
    assert phrase in str(info.value) and template.name in str(info.value)
    assert dest.read_bytes() == b"the user's previous deck"  # nothing lost
    return str(info.value)


def test_a_renamed_pptm_is_refused_saying_it_has_macros(tmp_path, cat):
    msg = _refused(tmp_path, cat, th.macro_template(tmp_path / "macro.pptx"), "contains macros")
    assert "without macros" in msg


def test_a_vba_project_part_alone_is_refused(tmp_path, cat):
    _refused(tmp_path, cat, th.vba_only_template(tmp_path / "vba.pptx"), "contains macros")


def test_a_template_without_layouts_is_refused_clearly(tmp_path, cat):
    _refused(tmp_path, cat, th.no_layouts_template(tmp_path / "bare.pptx"), "no slide layouts")


def test_a_zip_directory_claiming_gigabytes_is_refused_before_unpacking(tmp_path, cat):
    bomb = th.lying_bomb_template(tmp_path / "bomb.pptx")
    assert bomb.stat().st_size < 200_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    msg = _refused(tmp_path, cat, bomb, "zip bomb")
    assert "GB" in msg and "nothing was unpacked" in msg
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100_000  # no GB allocated (peak RSS grew under 100 MB)


def test_a_highly_compressed_part_is_refused_as_a_bomb(tmp_path, cat):
    bomb = th.ratio_bomb_template(tmp_path / "zeros.pptx")
    assert bomb.stat().st_size < 1_000_000
    _refused(tmp_path, cat, bomb, "zip bomb")


def test_external_links_are_stripped_with_the_shapes_that_use_them(tmp_path, cat):
    deck = _export(tmp_path, cat, th.external_links_template(tmp_path / "links.pptx"))
    text = _all_text(deck)
    with zipfile.ZipFile(deck) as z:  # our own source links live on slides; the template's parts have none
        template_rels = [z.read(n) for n in z.namelist() if n.endswith(".rels") and "/slides/" not in n]
    assert template_rels and not [r for r in template_rels if b'TargetMode="External"' in r]
    for leak in ("evil-server", "cmd.exe", "tracker.example", "file://"):
        assert leak not in text
    from pptx import Presentation

    prs = Presentation(str(deck))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title Only")
    names = [s.name for s in layout.shapes]
    assert "Linked picture" not in names and "OLE link" not in names  # the shapes that only were a link
    assert "Linked text" in names and "Keep this text" in "".join(
        s.text_frame.text for s in layout.shapes if s.has_text_frame)  # a hyperlinked text keeps its text
    assert len(prs.slides) > 3


def test_the_templates_identity_never_reaches_our_deck(tmp_path, cat):
    deck = _export(tmp_path, cat, th.identity_template(tmp_path / "identity.pptx"))
    text = _all_text(deck)
    for secret in th.SECRETS:
        assert secret not in text, secret
    with zipfile.ZipFile(deck) as z:
        names = z.namelist()
    assert not [n for n in names if n.startswith("customXml/") or "comment" in n.lower() or n == "docProps/custom.xml"]
    assert "docProps/thumbnail.jpeg" not in names
    from pptx import Presentation

    props = Presentation(str(deck)).core_properties
    assert props.author == "NAP Briefing" and props.title == pack_basic().title


def test_an_oversized_part_is_dropped_and_the_deck_still_built(tmp_path, cat):
    template = th.oversized_media_template(tmp_path / "huge.pptx", MAX_PART_BYTES + 1024)
    deck = _export(tmp_path, cat, template)
    with zipfile.ZipFile(deck) as z:
        assert not [n for n in z.namelist() if "huge" in n]
        assert not any(re.search(rb'r:embed="rId95"', z.read(n)) for n in z.namelist() if n.endswith(".xml"))
    assert deck.stat().st_size < 5_000_000


@pytest.mark.parametrize(("content", "phrase"), [
    (b"not a zip at all", "not a PowerPoint file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "not a PowerPoint file"),  # an encrypted/OLE file
    (b"PK\x05\x06" + b"\x00" * 18, "not a PowerPoint file"),  # an empty zip
])
def test_files_that_are_not_templates_get_a_clear_message(tmp_path, cat, content, phrase):
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(content)
    _refused(tmp_path, cat, bad, phrase)


def test_a_folder_or_a_fifo_as_template_is_refused(tmp_path, cat):
    import os

    (tmp_path / "dir.pptx").mkdir()
    _refused(tmp_path, cat, tmp_path / "dir.pptx", "not a regular file")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.pptx")
        _refused(tmp_path, cat, tmp_path / "pipe.pptx", "not a regular file")


def test_a_potx_template_is_accepted(tmp_path):
    p = th.parts()
    p["[Content_Types].xml"] = p["[Content_Types].xml"].replace(
        b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
    prs = open_template(th.write(tmp_path / "t.potx", p))
    assert len(prs.slide_layouts) >= 1
