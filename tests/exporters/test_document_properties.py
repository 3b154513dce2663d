"""What a file's properties say (File > Info in PowerPoint and Excel, a PDF reader's document properties),
read back from each export: author and company are the pack's organisation (the app's name only when the
pack names none), subject and keywords in the export's language, the language tag."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from datetime import datetime, timezone

import pytest
from fixture_catalog import make_catalog, pack_basic

from nap_desktop.exporters.handout_pdf import export_pdf
from nap_desktop.exporters.pptx_exporter import export_pptx
from nap_desktop.exporters.xlsx_exporter import export_xlsx

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)
ORG = "Border Trade Alliance & Partners"


def _app_xml(path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("docProps/app.xml").decode("utf-8")


def _core_xml(path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("docProps/core.xml").decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("org", [ORG, ""])
def test_every_export_names_the_organisation_and_speaks_its_language(tmp_path, lang, org):
    from pptx import Presentation
    from pypdf import PdfReader

    catalog = make_catalog()
    pack = dataclasses.replace(pack_basic(lang), organisation=org)
    author = org or "NAP Briefing"
    english = ("USMCA", "North America", "Briefing")
    spanish = ("T-MEC", "América del Norte", "Reunión informativa")
    words_here, words_other = (english, spanish) if lang == "en" else (spanish, english)

    deck = export_pptx(pack, catalog, tmp_path / "d.pptx", lang=lang, now=NOW)
    props = Presentation(str(deck)).core_properties
    assert props.author == author and props.last_modified_by == author
    assert props.language == ("en-US" if lang == "en" else "es-MX")
    app = _app_xml(deck)
    company = re.search(r"<Company>([^<]*)</Company>", app)
    assert (company.group(1) if company else "") == org.replace("&", "&amp;")
    text = props.subject + " " + props.keywords
    assert all(w in text for w in words_here[:2]) and words_here[2] in props.subject
    assert not any(w in props.keywords for w in words_other)  # (the subject names the report's English title)

    book = export_xlsx(pack, catalog, tmp_path / "w.xlsx", lang=lang, now=NOW)
    core = _core_xml(book)
    assert f"<dc:creator>{author.replace('&', '&amp;')}</dc:creator>" in core
    assert (re.search(r"<Company>([^<]*)</Company>", _app_xml(book)) or [None, ""])[1] == org.replace("&", "&amp;")
    subject = re.search(r"<dc:subject>([^<]*)</dc:subject>", core).group(1)
    keywords = re.search(r"<cp:keywords>([^<]*)</cp:keywords>", core).group(1)
    assert words_here[2] in subject and all(w in keywords for w in words_here[:2])
    from openpyxl import load_workbook

    assert load_workbook(book).properties.language == ("en-US" if lang == "en" else "es-MX")

    handout = export_pdf(pack, catalog, tmp_path / "h.pdf", lang=lang, now=NOW, paper="letter")
    meta = PdfReader(str(handout)).metadata
    assert meta.author == author
    assert words_here[2] in meta.subject and all(w in meta.get("/Keywords", "") for w in words_here[:2])


def test_a_state_brief_says_its_state_in_the_subject(tmp_path):
    from pptx import Presentation

    catalog = make_catalog()
    pack = dataclasses.replace(pack_basic("es"), state="TX")
    deck = export_pptx(pack, catalog, tmp_path / "d.pptx", lang="es", now=NOW)
    props = Presentation(str(deck)).core_properties
    assert props.subject.startswith("Texas: comercio con México y Canadá")
    assert "TX" in props.keywords
