"""A missing value's face says "n/a" with a short reason; how the data was cleaned goes to the notes.

The bundled charts carry gap reasons such as "Removed: the only figure found was on a content-farm
page": true and needed by whoever checks the chart, but not words to put before an official. Read back
from every output: the deck's slide faces and the presenter's slides (core/deck), the handout's text,
the workbook's chart sheets say "no official figure"; the speaker notes and the workbook's sheet
"Notes on the data" keep the reason as written.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixture_catalog import make_catalog  # noqa: E402

from nap_desktop.core.charts.spec import Gap, Series  # noqa: E402
from nap_desktop.core.deck import PROCESS_WORDS, compose_deck, gap_face_reason  # noqa: E402
from nap_desktop.core.pack.packfile import Pack, PackItem  # noqa: E402
from nap_desktop.exporters.handout_pdf import export_pdf  # noqa: E402
from nap_desktop.exporters.pptx_exporter import export_pptx  # noqa: E402
from nap_desktop.exporters.xlsx_exporter import export_xlsx  # noqa: E402

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)
REMOVED = {"en": "Removed: the only figure found was on a content-farm page",
           "es": "Retirado: la única cifra encontrada estaba en un sitio de contenido de baja calidad"}
SHORT = {"en": "no official figure", "es": "sin cifra oficial"}


def _catalog():
    cat = make_catalog()
    base = cat.charts["produce-grouped"]
    mx, ca = base.series
    spec = replace(base, id="produce-removed", notes_en="Canada's fruit share was removed (content-farm copy).",
                   notes_es="La cifra de Canadá se retiró (copia de un sitio de contenido de baja calidad).",
                   series=(mx, Series(ca.key, ca.label_en, ca.label_es, ca.color, (None, 20.0))),
                   gaps=(Gap("fruit", ca.key, REMOVED["en"], REMOVED["es"]),))
    cat.charts[spec.id] = spec
    return cat, spec


def _pack(lang):
    return Pack(title="Gap reasons", lang=lang, items=(PackItem("chart", "produce-removed", uid="c1"),))


def test_face_reason_rule():
    assert gap_face_reason(REMOVED["en"], "en") == SHORT["en"]
    assert gap_face_reason(REMOVED["es"], "es") == SHORT["es"]
    # a reason a reader needs, short and about the data, stays as written (its first clause)
    assert gap_face_reason("Not in the report", "en") == "Not in the report"
    assert gap_face_reason("No exact 2023 figure was found (the OICA copy's rows are corrupt)", "en") == \
        "No exact 2023 figure was found"
    assert gap_face_reason("Canada's 2021 passenger-car figure is corrupt in the source", "en") == SHORT["en"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_slide_face_and_presenter_say_the_short_reason_and_the_notes_keep_it_whole(tmp_path, lang):
    from pptx import Presentation

    cat, spec = _catalog()
    slide = next(s for s in compose_deck(_pack(lang), cat, lang=lang) if s.kind == "chart")
    # the presenter draws these footnotes: no process words there
    assert slide.footnotes and all(SHORT[lang] in f for f in slide.footnotes)
    assert not any(PROCESS_WORDS.search(f) for f in slide.footnotes)
    assert REMOVED[lang] in slide.notes
    dest = export_pptx(_pack(lang), cat, tmp_path / "d.pptx", lang=lang, now=NOW)
    prs = Presentation(str(dest))
    faces = ["\n".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in prs.slides]
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    assert any(SHORT[lang] in f for f in faces)
    assert not any(PROCESS_WORDS.search(f) for f in faces), [f for f in faces if PROCESS_WORDS.search(f)]
    assert any(REMOVED[lang] in n for n in notes)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_handout_says_the_short_reason(tmp_path, lang):
    import pypdf

    cat, _ = _catalog()
    dest = export_pdf(_pack(lang), cat, tmp_path / "h.pdf", lang=lang, now=NOW, paper="letter")
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(dest)).pages).split())
    assert SHORT[lang] in text
    assert not PROCESS_WORDS.search(text), PROCESS_WORDS.search(text)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_workbook_chart_sheet_short_reason_and_notes_sheet_whole(tmp_path, lang):
    from openpyxl import load_workbook

    cat, spec = _catalog()
    dest = export_xlsx(_pack(lang), cat, tmp_path / "w.xlsx", lang=lang, now=NOW)
    wb = load_workbook(dest)
    notes_name = {"en": "Notes on the data", "es": "Notas sobre los datos"}[lang]
    assert notes_name in wb.sheetnames
    for ws in wb.worksheets:
        texts = [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
        if ws.title == notes_name:
            assert any(REMOVED[lang] in v for v in texts)
            assert any(spec.notes(lang) == v for v in texts)
        else:
            hits = [v for v in texts if PROCESS_WORDS.search(v)]
            assert not hits, (ws.title, hits)
    chart_sheet = next(ws for ws in wb.worksheets if ws.title not in (notes_name,) and
                       any(isinstance(v, str) and SHORT[lang] in v for row in ws.iter_rows(values_only=True)
                           for v in row))
    assert chart_sheet is not None
