"""The whole-catalog deck read back as an official would get it, in English and Spanish: every text box
measured with the bundled DejaVu metrics, type sizes by role, unique action titles, slide furniture,
language tags, no app-written English in Spanish, alt text length."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from nap_desktop.core.pack.selection import pack_all
from nap_desktop.core.textmetrics import LINE_EM, role_min, wrap
from nap_desktop.exporters.pptx_exporter import export_pptx
from nap_desktop.exporters.xlsx_exporter import export_xlsx

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)
EMU_PER_PT = 12700

#: shape name -> the role whose minimum its runs must respect
ROLE_OF = {"Title": "title", "Kicker": "kicker", "Headline figure": "figure", "Figure label": "message",
           "Statement": "message", "Message": "message", "Note": "message", "Missing item": "message",
           "Cover details": "message", "Subtitle": "chart", "Period": "body", "Agenda": "body",
           "Sources": "body", "Source line": "source", "Footnotes": "source", "Footer": "footer",
           "Slide number": "footer"}
#: a key-figures / key-points slide's cells ("Claim 3")
CELL_ROLE_OF = {"Figure": "cell_figure", "Figure label": "body", "Claim": "body", "Period": "source"}


@pytest.fixture(scope="module", params=["en", "es"])
def deck(request, tmp_path_factory, catalog):
    from pptx import Presentation

    lang = request.param
    dest = tmp_path_factory.mktemp(f"deck_{lang}") / "all.pptx"
    export_pptx(pack_all(catalog, lang=lang), catalog, dest, lang=lang, now=NOW)
    return lang, dest, Presentation(str(dest))


def _boxes(prs):
    for n, slide in enumerate(prs.slides, start=1):
        for sh in slide.shapes:
            if sh.has_text_frame and sh.text_frame.text.strip():
                yield n, slide, sh


def test_every_text_box_fits_with_the_bundled_font_and_respects_its_role_minimum(deck):
    lang, _, prs = deck
    measured = 0
    for n, _, sh in _boxes(prs):
        role = ROLE_OF.get(sh.name) or CELL_ROLE_OF.get(sh.name.rsplit(" ", 1)[0])
        assert role, f"slide {n}: a text box without a role: {sh.name!r}"
        tf = sh.text_frame
        width = sh.width / EMU_PER_PT - (tf.margin_left + tf.margin_right) / EMU_PER_PT
        height = sh.height / EMU_PER_PT - (tf.margin_top + tf.margin_bottom) / EMU_PER_PT
        used = 0.0
        for para in tf.paragraphs:
            runs = list(para.runs)
            sizes = [r.font.size.pt for r in runs if r.font.size] or [role_min(role)]
            size = max(sizes)
            assert min(sizes) >= role_min(role), (n, sh.name, min(sizes), para.text[:50])
            bold = any(r.font.bold for r in runs)
            text = para.text.replace("\v", "\n").replace("\u2060", "")
            used += len(wrap(text, width, size, bold)) * size * LINE_EM
            if para.space_before is not None:
                used += para.space_before.pt
        assert used <= height + 0.5, (n, sh.name, round(used, 1), round(height, 1), tf.text[:60])
        measured += 1
    assert measured > 500


def test_every_source_of_the_appendix_is_cited_whole(deck, catalog):
    """No appendix entry is cut with '…' (the Spanish titles are longer: a page takes fewer of them),
    and every source the deck uses is listed once."""
    lang, _, prs = deck
    heads = [p.text for s in prs.slides for sh in s.shapes if sh.name == "Sources"
             for p in sh.text_frame.paragraphs if p.runs and p.runs[0].font.bold]
    assert heads and not [h for h in heads if h.rstrip().endswith("…")]
    used = {sid for f in catalog.facts for sid in f.sources} | {sid for c in catalog.charts.values() for sid in c.sources}
    assert len(heads) == len(used & set(catalog.sources)), (len(heads), len(used))


def test_no_two_slides_share_a_title(deck):
    _, _, prs = deck
    titles = [s.shapes.title.text_frame.text.replace("\v", " ") for s in prs.slides
              if s.shapes.title is not None]
    assert len(titles) == len(prs.slides)
    dupes = {t for t in titles if titles.count(t) > 1}
    assert not dupes


def test_content_slides_have_a_footer_and_a_slide_number(deck, catalog):
    from pptx.oxml.ns import qn

    lang, _, prs = deck
    for n, slide in enumerate(prs.slides, start=1):
        names = {sh.name: sh for sh in slide.shapes}
        if n == 1:
            cover = names["Cover details"].text_frame.text
            assert "English" not in cover and "Español" not in cover  # not the language
            assert ("Date" if lang == "en" else "Fecha") in cover
            continue
        assert "Footer" in names and "·" in names["Footer"].text_frame.text, n
        fld = names["Slide number"]._element.findall(".//" + qn("a:fld"))
        assert fld and fld[0].get("type") == "slidenum", n


def test_every_run_carries_the_deck_language(deck):
    from pptx.oxml.ns import qn

    lang, _, prs = deck
    tag = "en-US" if lang == "en" else "es-MX"
    runs = 0
    for slide in prs.slides:
        roots = [slide._element]
        if slide.has_notes_slide:
            roots.append(slide.notes_slide._element)
        roots += [sh.chart._chartSpace for sh in slide.shapes if getattr(sh, "has_chart", False) and sh.has_chart]
        for root in roots:
            for r in root.iter(qn("a:r")):
                assert r.find(qn("a:rPr")) is not None and r.find(qn("a:rPr")).get("lang") == tag
                runs += 1
    assert runs > 1000


#: English phrases our own code writes; none may appear in a Spanish deck, its notes or its workbook
OUR_ENGLISH = ["citing", "as cited in the report", "read on third-party mirrors", "as published in the report",
               "Source:", "Sources:", "Period:", "Talking points", "Full citation", "Caveat", "secondary source",
               "use with caution", "speaker notes", "No value for", "data as reported by", "read from a copy",
               "Agenda (", "slides", "More charts", "Presented by", "Audience", "Meeting date", "Publication date",
               "Missing values", "What the status means", "Line chart", "Bar chart", "Column chart", "Timeline",
               "Tile-grid map", "n/a", "Total ", "Page ", "See the Sources", "via"]


def _english_hits(text: str) -> list[str]:
    return [p for p in OUR_ENGLISH if re.search(r"(?<![\w-])" + re.escape(p) + r"(?![\w])", text)]


def test_spanish_deck_and_workbook_have_no_app_written_english(tmp_path, catalog):
    from openpyxl import load_workbook
    from pptx import Presentation

    pack = pack_all(catalog, lang="es")
    deck = export_pptx(pack, catalog, tmp_path / "es.pptx", lang="es", now=NOW)
    book = export_xlsx(pack, catalog, tmp_path / "es.xlsx", lang="es", now=NOW)
    # publication titles and publishers' names stay as published (many are English): leave them out,
    # but not the words our data puts between names ("X, citing Y", "A via FRED"): those are ours
    names = {n.strip() for s in catalog.sources.values() for n in re.split(r",\s+citing\s+|\s+via\s+", s.publisher)}
    published = {s.title_in("es") for s in catalog.sources.values()} | names
    published |= {s.url for s in catalog.sources.values()}
    # what our data says of a source in English (a title we wrote, a note) never reaches a Spanish output
    def bare(text: str) -> str:  # without URLs and commit hashes, which a translation keeps
        return re.sub(r"\s+", " ", re.sub(r"https?://\S+|\b[0-9a-f]{7,40}\b", "", text))

    ours_en = [bare(e)[-40:] for e in [s.title for s in catalog.sources.values() if s.title_es]
               + [s.note for s in catalog.sources.values() if s.note]]

    def clean(text: str) -> str:
        for p in sorted(published, key=len, reverse=True):
            if p and len(p) > 3:
                text = text.replace(p, " ")
        return text

    problems = []
    prs = Presentation(str(deck))
    for n, slide in enumerate(prs.slides, start=1):
        texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
        for sh in slide.shapes:
            if getattr(sh, "has_chart", False) and sh.has_chart:
                texts += [str(c) for c in sh.chart.plots[0].categories]
                texts += [s.name for s in sh.chart.plots[0].series]
        for t in texts:
            flat = t.replace("\v", " ").replace("\n", " ")
            problems += [(n, "English source text", e) for e in ours_en if e in bare(flat)]
            hits = _english_hits(clean(t))
            if hits:
                problems.append((n, hits, t[:80]))
    wb = load_workbook(book)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    problems += [(ws.title, c.coordinate, "English source text", e) for e in ours_en
                                 if e in bare(c.value)]
                    hits = _english_hits(clean(c.value))
                    if hits:
                        problems.append((ws.title, c.coordinate, hits, c.value[:80]))
        footer = ws.oddFooter.left.text or ""
        if _english_hits(clean(footer.replace("&&", "&"))):
            problems.append((ws.title, "footer", footer[:80]))
    assert not problems, problems[:10]


def test_alt_text_is_short_and_says_what_the_chart_shows(deck, catalog):
    lang, _, prs = deck
    seen = 0
    for slide in prs.slides:
        for sh in slide.shapes:
            descr = sh._element.xpath("./*[1]/p:cNvPr/@descr")
            if descr and sh.name.split(" ")[-1] in catalog.charts:
                spec = catalog.charts[sh.name.split(" ")[-1]]
                assert len(descr[0]) <= 250, descr[0]
                assert spec.title(lang)[:30] in descr[0]
                seen += 1
    assert seen == len(catalog.charts)


def test_face_carries_no_caveats_and_notes_start_with_the_citation(deck):
    lang, _, prs = deck
    caution = "use with caution" if lang == "en" else "úsese con cautela"
    for n, slide in enumerate(prs.slides, start=1):
        face = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
        assert caution not in face.lower(), n
        assert "undated" not in face and "sin fecha" not in face, n
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame.text
            head = "Caveat:" if lang == "en" else "Advertencia:"
            paragraphs = notes.split("\n\n")
            assert sum(p.startswith(head) for p in paragraphs) <= 1, n  # at most one caveat paragraph
            if any(p.startswith(head) for p in paragraphs):
                assert paragraphs[-1].startswith(head), n  # ... and it comes last


def test_source_lines_name_whole_sources_and_send_the_rest_to_the_notes(deck):
    """A chart built from many sources says 'and N more (… speaker notes)' instead of cutting a name."""
    lang, _, prs = deck
    more = "more (full list in the speaker notes)" if lang == "en" else "más (lista completa en las notas del orador)"
    compacted = 0
    for n, slide, sh in _boxes(prs):
        if sh.name != "Source line":
            continue
        text = sh.text_frame.text
        assert not text.endswith("…"), (n, text)
        if more in text:
            compacted += 1
            notes = slide.notes_slide.notes_text_frame.text
            assert notes.count("•") >= 2, (n, notes[:200])
    assert compacted >= 1  # the 1994-2025 trade chart cites eight publications


def test_long_category_axes_label_round_steps_under_the_plot(deck):
    """Years and months sit under the plot (not on a zero line crossed by negative values) and a long
    run is labelled every k-th category, k a round step, at most 13 labels."""
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.oxml.ns import qn

    from nap_desktop.exporters.pptx_exporter import MAX_CATEGORY_LABELS

    _, _, prs = deck
    thinned = 0
    for slide in prs.slides:
        for sh in slide.shapes:
            if not (getattr(sh, "has_chart", False) and sh.has_chart):
                continue
            chart = sh.chart
            if chart.chart_type in (XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.BAR_STACKED):
                continue
            ax = chart.category_axis._element
            assert ax.find(qn("c:tickLblPos")).get("val") == "low"
            n = len(chart.plots[0].categories)
            skip = ax.find(qn("c:tickLblSkip"))
            step = int(skip.get("val")) if skip is not None else 1
            assert -(-n // step) <= MAX_CATEGORY_LABELS, (chart.chart_title.text_frame.text, n, step)
            assert step in (1, 2, 3, 5, 6, 10, 12, 20, 24)
            thinned += step > 1
    assert thinned >= 2  # the 1994-2025 trade line and the monthly employment line at least
