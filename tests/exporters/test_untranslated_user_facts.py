"""A user fact left without Spanish: Spanish outputs show its English text marked "[sin traducir]".

Added and exported the way a user's script does it (library add-fact, export --lang es), then the
deck, workbook and handout read back; the command also names the untranslated item on stderr.
"""

from __future__ import annotations

import pytest

from nap_desktop.cli import main
from nap_desktop.core.deck import UNTRANSLATED_MARK, compose_deck

MARK = UNTRANSLATED_MARK["es"]
TEXT_EN = "Our members added 1,200 manufacturing jobs in Ohio in 2025."
TITLE_EN = "Members added 1,200 Ohio factory jobs"

FACT_TOML = f'''
[[source]]
id = "member-survey"
publisher = "Ohio Manufacturers' Association"
title = "Member survey 2025"
url = "https://example.org/survey-2025"
date = "2026-01-15"
status = "secondary"

[[fact]]
id = "ohio-jobs-2025"
section = "usmca"
topic = "jobs"
countries = ["US"]
value = 1200
unit = "count"
period = "2025"
title_en = "{TITLE_EN}"
text_en = "{TEXT_EN}"
text_es = ""
sources = ["member-survey"]
'''


@pytest.fixture(autouse=True)
def _no_env_library(monkeypatch):
    monkeypatch.delenv("NAP_LIBRARY", raising=False)


@pytest.fixture()
def library(tmp_path, capsys):
    lib = tmp_path / "lib"
    fact = tmp_path / "fact.toml"
    fact.write_text(FACT_TOML, encoding="utf-8")
    assert main(["library", "add-fact", str(fact), "--library", str(lib)]) == 0
    capsys.readouterr()
    return lib


def _fact_id(library, capsys) -> str:
    import json

    assert main(["catalog", "--json", "--library", str(library)]) == 0
    facts = json.loads(capsys.readouterr().out)["facts"]
    return next(f["id"] for f in facts if f["origin"] == "user")


def test_spanish_deck_workbook_and_handout_mark_the_english_text(tmp_path, library, capsys):
    from openpyxl import load_workbook
    from pptx import Presentation

    fid = _fact_id(library, capsys)
    out = tmp_path / "out"
    out.mkdir()  # outputs go into an existing folder (a missing one is refused, never created)
    code = main(["export", "--ids", fid, "--lang", "es",
                 "--library", str(library), "--pptx", str(out / "d.pptx"), "--xlsx", str(out / "b.xlsx"),
                 "--pdf", str(out / "h.pdf")])
    assert code == 0
    err = capsys.readouterr().err
    assert fid in err  # the export says which items are untranslated

    prs = Presentation(str(out / "d.pptx"))
    slide = next(s for s in prs.slides if any(sh.name == "Statement" for sh in s.shapes))
    texts = {sh.name: sh.text_frame.text.replace("\v", " ").replace("\n", " ")
             for sh in slide.shapes if sh.has_text_frame}
    assert " ".join(texts["Statement"].split()).startswith(f"{MARK} {TEXT_EN[:20]}")
    assert " ".join(texts["Title"].split()).startswith(f"{MARK} {TITLE_EN[:15]}")
    # the statement's runs carry the Spanish tag like the rest of the deck (the marker is Spanish)
    agenda = " ".join(sh.text_frame.text for s in prs.slides for sh in s.shapes
                      if sh.has_text_frame and sh.name == "Agenda")
    assert MARK in agenda

    wb = load_workbook(out / "b.xlsx")
    facts_sheet = wb[wb.sheetnames[1]]
    header = [c.value for c in facts_sheet[1]]
    statement = facts_sheet.cell(row=2, column=header.index("Enunciado") + 1).value
    assert statement == f"{MARK} {TEXT_EN}"
    cover = " ".join(str(c.value) for row in wb[wb.sheetnames[0]].iter_rows() for c in row if c.value)
    assert MARK in cover

    from pypdf import PdfReader

    handout = " ".join(page.extract_text() for page in PdfReader(str(out / "h.pdf")).pages)
    assert MARK in " ".join(handout.split())


def test_english_outputs_and_translated_facts_carry_no_marker(tmp_path, library, capsys):
    fid = _fact_id(library, capsys)
    out = tmp_path / "en"
    out.mkdir()
    assert main(["export", "--ids", fid, "--lang", "en", "--library", str(library),
                 "--pptx", str(out / "d.pptx")]) == 0
    from pptx import Presentation

    texts = [sh.text_frame.text for s in Presentation(str(out / "d.pptx")).slides for sh in s.shapes
             if sh.has_text_frame]
    assert not any(MARK in t for t in texts)


def test_presenter_slides_come_marked_from_the_composer(catalog):
    from dataclasses import replace

    from nap_desktop.core.pack.packfile import Pack, PackItem

    fact = catalog.facts[0]
    user = replace(fact, id="user.test-untranslated", text_es="", title_es="", origin="user")
    cat = replace(catalog, facts=(*catalog.facts, user))
    slides = compose_deck(Pack(title="t", lang="es", items=(PackItem("fact", user.id, uid="u1"),)), cat, lang="es")
    fact_slide = next(s for s in slides if s.kind == "fact")
    assert fact_slide.statement == f"{MARK} {fact.text_en}"
    assert fact_slide.title.startswith(MARK)
    assert not compose_deck(Pack(title="t", lang="en", items=(PackItem("fact", user.id, uid="u1"),)), cat,
                            lang="en")[-2].statement.startswith(MARK)
