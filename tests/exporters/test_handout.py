"""The handout PDF and the meeting bundle, read back as a reader (and an auditor) would."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from datetime import datetime, timezone

import pytest

pypdf = pytest.importorskip("pypdf")

from nap_desktop.core.catalog.loader import load_catalog  # noqa: E402
from nap_desktop.core.deck import fact_figure  # noqa: E402
from nap_desktop.core.pack.packfile import Pack, PackItem, load_pack  # noqa: E402
from nap_desktop.exporters import REGISTRY  # noqa: E402
from nap_desktop.exporters.bundle import MANIFEST, export_bundle, file_stem, verify_bundle  # noqa: E402
from nap_desktop.exporters.handout_pdf import _T, default_paper, export_pdf  # noqa: E402

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _pack(catalog, n_facts: int, n_charts: int, lang: str, **kw) -> Pack:
    facts = [f for f in catalog.facts if f.value is not None][:n_facts]
    charts = [c for c in catalog.charts.values() if c.kind != "table"][:n_charts]
    items = [PackItem("fact", f.id, talking_points=f"Open with {f.id}.") for f in facts]
    items += [PackItem("chart", c.id) for c in charts]
    return Pack(title=kw.get("title", "USMCA review: what is at stake"), audience="Ways and Means staff",
                meeting_date="2026-12-10", lang=lang, items=tuple(items))


def _text(path) -> str:
    reader = pypdf.PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_six_facts_and_a_chart_fit_one_page_with_every_figure_as_text(catalog, tmp_path, lang, paper):
    pack = _pack(catalog, 6, 1, lang)
    out = export_pdf(pack, catalog, tmp_path / "h.pdf", lang=lang, now=NOW, paper=paper)
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) == 1
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == ((612, 792) if paper == "letter" else (595, 842))
    text = _squash(_text(out))
    assert pack.title in text
    for item in pack.items:
        if item.kind == "fact":
            fact = catalog.fact(item.ref)
            assert _squash(fact_figure(fact, lang)) in text, fact.id
    meta = reader.metadata
    assert meta.title == pack.title
    assert meta.author
    lang_tag = reader.trailer["/Root"].get("/Lang")
    assert lang_tag == ("es-MX" if lang == "es" else "en-US")


def test_every_font_is_embedded_and_links_are_clickable(catalog, tmp_path):
    out = export_pdf(_pack(catalog, 6, 1, "en"), catalog, tmp_path / "h.pdf", lang="en", now=NOW, paper="letter")
    reader = pypdf.PdfReader(str(out))
    fonts = {}
    links = 0
    for page in reader.pages:
        for name, ref in page["/Resources"]["/Font"].items():
            fonts[name] = ref.get_object()
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and "/URI" in annot.get("/A", {}):
                links += 1
    assert fonts
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # a Type0 font keeps its descriptor on the descendant
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        descriptor = descriptor.get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} not embedded"
        assert "+" in str(font["/BaseFont"]), f"{name} not subset"
    assert links >= 1


def test_spanish_handout_has_no_app_written_english(catalog, tmp_path):
    out = export_pdf(_pack(catalog, 6, 1, "es"), catalog, tmp_path / "h.pdf", lang="es", now=NOW, paper="letter")
    text = _squash(_text(out))
    for key, words in _T.items():
        if key == "untitled":  # "Briefing" is in the product's name, "NAP Briefing"
            continue
        english = words["en"].split("{")[0].strip()
        if english and english != words["es"].split("{")[0].strip() and len(english) > 3:
            assert english not in text, (key, english)
    for phrase in ("Key figures", "Sources", "data version", "exported", "page 1", "as cited"):
        assert phrase not in text
    assert "Cifras clave" in text and "Fuentes" in text and "página 1" in text


def test_talking_points_only_when_asked(catalog, tmp_path):
    pack = _pack(catalog, 3, 0, "en")
    without = _squash(_text(export_pdf(pack, catalog, tmp_path / "a.pdf", lang="en", now=NOW, paper="letter")))
    with_tp = _squash(_text(export_pdf(pack, catalog, tmp_path / "b.pdf", lang="en", now=NOW, paper="letter",
                                       talking_points=True)))
    point = pack.items[0].talking_points
    assert point not in without
    assert point in with_tp


def _line_boxes(path):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer, LTTextLine

    pages = []
    for page in extract_pages(str(path)):
        boxes = []
        for element in page:
            if isinstance(element, LTTextContainer):
                for line in element:
                    if isinstance(line, LTTextLine) and line.get_text().strip():
                        boxes.append((line.x0, line.y0, line.x1, line.y1, line.get_text().strip()))
        pages.append((page.height, boxes))
    return pages


def test_forty_items_paginate_with_the_same_grid_and_no_overlap(catalog, tmp_path):
    pack = _pack(catalog, 40, 0, "en")
    assert len(pack.items) == 40
    out = export_pdf(pack, catalog, tmp_path / "long.pdf", lang="en", now=NOW, paper="letter")
    pages = _line_boxes(out)
    assert len(pages) >= 2
    for height, boxes in pages:
        for x0, y0, x1, y1, text in boxes:
            assert 0 <= y0 < y1 <= height, text
        # text lines of the grid and lists never overlap (chart labels are drawings, not checked here)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                assert not (overlap_x > 1 and overlap_y > 1.5), (a[4], b[4])
    text = _squash(_text(out))
    for item in pack.items:
        if item.kind == "fact":
            assert _squash(fact_figure(catalog.fact(item.ref), "en")) in text


def test_hostile_text_cannot_break_the_handout(catalog, tmp_path):
    pack = _pack(catalog, 2, 0, "en", title="<b>Q&A</b> \x0b\x0c\ufffe x\ud83d" + "T" * 400)
    out = export_pdf(pack, catalog, tmp_path / "h.pdf", lang="en", now=NOW, paper="a4")
    text = _text(out)
    assert "<b>Q&A</b>" in text.replace("\n", "")


def test_default_paper_follows_the_locale():
    assert default_paper("en_US.UTF-8") == "letter"
    assert default_paper("es_MX") == "letter"
    assert default_paper("fr_CA") == "letter"
    assert default_paper("es_ES.UTF-8") == "a4"
    assert default_paper("de_DE") == "a4"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_bundle_manifest_hashes_match_and_its_pack_reopens(catalog, tmp_path, lang):
    pack = _pack(catalog, 4, 1, lang)
    out = export_bundle(pack, catalog, tmp_path / "bundle.zip", lang=lang, now=NOW, paper="letter")
    assert verify_bundle(out) == []
    stem = file_stem(pack, lang)
    assert stem.endswith(f"-{lang}")
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert {f"{stem}.pptx", f"{stem}.xlsx", f"{stem}.pdf", MANIFEST, f"{stem}.napbrief"} <= names
        manifest = json.loads(zf.read(MANIFEST))
        (tmp_path / "re.napbrief").write_bytes(zf.read(f"{stem}.napbrief"))
        (tmp_path / "in.pptx").write_bytes(zf.read(f"{stem}.pptx"))
    assert manifest["data_version"] == catalog.version
    assert manifest["language"] == lang
    # every member but the manifest itself is hashed in it, the pack included
    with zipfile.ZipFile(out) as zf:
        hashed = {f["name"]: f["sha256"] for f in manifest["files"]}
        assert set(hashed) == names - {MANIFEST}
        assert hashed[f"{stem}.napbrief"] == hashlib.sha256(zf.read(f"{stem}.napbrief")).hexdigest()
    # the pack in the bundle carries a copy of each item: it opens the same without this catalog
    saved = json.loads((tmp_path / "re.napbrief").read_text(encoding="utf-8"))
    assert all(isinstance(i.get("copy"), dict) for i in saved["items"] if i["kind"] in ("fact", "chart"))
    assert {s["id"] for s in manifest["sources"]} >= {sid for i in pack.items if i.kind == "fact"
                                                     for sid in catalog.fact(i.ref).sources}
    for src in manifest["sources"]:
        assert src["status"] in ("official", "report", "secondary") and "url" in src and "date" in src
    reopened = load_pack(tmp_path / "re.napbrief")
    reopened = reopened[0] if isinstance(reopened, tuple) else reopened
    assert [i.ref for i in reopened.items] == [i.ref for i in pack.items]
    from pptx import Presentation

    assert len(Presentation(str(tmp_path / "in.pptx")).slides) > len(pack.items)
    # the manifest records the handout's exact bytes: same pack + clock = same handout
    again = export_bundle(pack, catalog, tmp_path / "again.zip", lang=lang, now=NOW, paper="letter")
    hashes = {f["name"]: f["sha256"] for f in manifest["files"]}
    with zipfile.ZipFile(again) as zf:
        again_hashes = {f["name"]: f["sha256"] for f in json.loads(zf.read(MANIFEST))["files"]}
    assert again_hashes[f"{stem}.pdf"] == hashes[f"{stem}.pdf"]


def test_registry_offers_the_handout_and_the_bundle():
    assert REGISTRY["pdf"].extension == ".pdf"
    assert REGISTRY["bundle"].extension == ".zip"
    assert "Hoja" in REGISTRY["pdf"].label["es"]


def test_command_line_writes_the_handout_and_the_bundle(tmp_path, capsys):
    from nap_desktop.cli import main

    pdf, bundle = tmp_path / "h.pdf", tmp_path / "b.zip"
    assert main(["export", "--section", "autos", "--lang", "es", "--pdf", str(pdf), "--paper", "a4",
                 "--bundle", str(bundle)]) == 0
    reader = pypdf.PdfReader(str(pdf))
    assert round(float(reader.pages[0].mediabox[3])) == 842
    assert "Fuentes" in _text(pdf)
    assert verify_bundle(bundle) == []
    with zipfile.ZipFile(bundle) as zf:
        assert any(n.endswith("-es.pdf") for n in zf.namelist())


def test_verify_bundle_names_a_member_the_manifest_does_not_hash(catalog, tmp_path):
    pack = _pack(catalog, 2, 0, "en")
    out = export_bundle(pack, catalog, tmp_path / "bundle.zip", lang="en", now=NOW, paper="letter")
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("extra.txt", "slipped in")
    assert verify_bundle(out) == ["extra.txt: in the bundle but not in the manifest"]
