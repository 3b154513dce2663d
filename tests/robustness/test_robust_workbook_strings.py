"""Every string that reaches a workbook (the .xlsx, and the chart sheets inside the deck) is written as a literal
string: no formula, link or reference is ever made of user text, and no library warning reaches the user.

The payloads are what an imported table or a pasted title can hold: formulas (=, +, -, @, a tab or a line
break before "="), Excel's DDE trick (cmd|' /C calc'!A0), HYPERLINK, a reference-looking "Sheet!A1",
header codes (&P, &&), apostrophes in sheet names, over-long and emoji-wide names."""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from fixture_catalog import make_catalog
from workbook_checks import deck_problems, embedded_workbooks, sheet_strings, workbook_problems

from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.exporters.pptx_exporter import export_pptx
from nap_desktop.exporters.xlsx_exporter import export_xlsx

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)
PAYLOADS = [
    "=cmd|' /C calc'!A0", "cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/x","click")', "=1+1",
    "\t=3+3", "\n=4+4", "+5+5", "-6+6", "@SUM(A1:A2)", "=Sheet1!A1", "Sheet1!$A$1", "Growth!B2 region",
    "It's 'quoted'", "'", "&P of &N &&", "http://example.com/" + "a" * 300, "History", "[a]:b*c?d/e\\f",
    "🌎" * 40, "x" * 40_000,
]


def _hostile_catalog():
    cat = make_catalog()
    charts = {}
    for n, (cid, spec) in enumerate(cat.charts.items()):
        k = len(spec.categories)
        labels = tuple(PAYLOADS[(n + i) % len(PAYLOADS)] for i in range(k))
        series = tuple(replace(s, label_en=PAYLOADS[(n + 3 + j) % len(PAYLOADS)],
                               label_es=PAYLOADS[(n + 5 + j) % len(PAYLOADS)]) for j, s in enumerate(spec.series))
        charts[cid] = replace(spec, category_labels_en=labels, category_labels_es=labels, series=series,
                              title_en=PAYLOADS[n % len(PAYLOADS)], title_es=PAYLOADS[(n + 1) % len(PAYLOADS)],
                              y_title_en=PAYLOADS[(n + 2) % len(PAYLOADS)], subtitle_en=PAYLOADS[(n + 4) % len(PAYLOADS)],
                              notes_en=PAYLOADS[(n + 6) % len(PAYLOADS)])
    sources = {k: replace(v, publisher=PAYLOADS[i % len(PAYLOADS)], title=PAYLOADS[(i + 1) % len(PAYLOADS)])
               for i, (k, v) in enumerate(cat.sources.items())}
    return replace(cat, charts=charts, sources=sources)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    cat = _hostile_catalog()
    items = tuple(PackItem("chart", cid, uid=f"c{i}", talking_points=PAYLOADS[i % len(PAYLOADS)])
                  for i, cid in enumerate(cat.charts))
    items += tuple(PackItem("fact", f.id, uid=f"f{i}") for i, f in enumerate(cat.facts))
    pack = Pack(title="=cmd|' /C calc'!A0 &P", audience="@SUM(1)", organisation="+1", items=items)
    out = tmp_path_factory.mktemp("wb")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        deck = export_pptx(pack, cat, out / "d.pptx", lang="en", now=NOW)
        book = export_xlsx(pack, cat, out / "b.xlsx", lang="en", now=NOW)
    return cat, deck, book, [str(w.message) for w in caught]


def test_no_library_warning_reaches_the_user(exported):
    assert exported[3] == []


def test_the_decks_embedded_chart_workbooks_hold_no_formula_link_or_stray_reference(exported):
    _, deck, _, _ = exported
    assert embedded_workbooks(deck), "the fixture's native charts embed workbooks"
    assert deck_problems(deck) == []


def test_the_decks_chart_names_are_literal_strings_in_its_workbooks(exported):
    cat, deck, _, _ = exported
    strings = [s for data in embedded_workbooks(deck).values() for s in sheet_strings(data)]
    for payload in ("=cmd|' /C calc'!A0", "=1+1", '=HYPERLINK("http://evil.example/x","click")', "@SUM(A1:A2)"):
        assert payload in strings, payload  # kept, as text


def test_the_workbook_holds_no_formula_link_or_stray_reference(exported):
    _, _, book, _ = exported
    assert workbook_problems(book.read_bytes()) == []


def test_the_workbooks_chart_titles_are_text_not_references(exported):
    _, _, book, _ = exported
    with zipfile.ZipFile(book) as z:
        charts = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert charts
    assert any("cmd|' /C calc'!A0" in c.replace("&apos;", "'") for c in charts)  # the title, as rich text


def test_user_text_in_cells_is_kept_as_text(exported):
    _, _, book, _ = exported
    strings = sheet_strings(book.read_bytes())
    for payload in ("=cmd|' /C calc'!A0", "\t=3+3", "+5+5", "@SUM(A1:A2)"):
        assert any(payload in s for s in strings), payload


def test_the_workbook_opens_in_openpyxl_with_every_sheet(exported):
    import openpyxl

    _, _, book, _ = exported
    wb = openpyxl.load_workbook(io.BytesIO(book.read_bytes()))
    assert len(wb.sheetnames) == len(set(n.lower() for n in wb.sheetnames))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)


def test_sheet_names_and_internal_links_survive_apostrophes(tmp_path):
    import openpyxl

    cat = make_catalog()
    cid = next(iter(cat.charts))
    cat = replace(cat, charts={**cat.charts, cid: replace(cat.charts[cid], title_en="It's the 'region'")})
    book = export_xlsx(Pack(title="t", items=(PackItem("chart", cid, uid="c"),)), cat, tmp_path / "a.xlsx",
                       lang="en", now=NOW)
    wb = openpyxl.load_workbook(book)
    cover = wb.worksheets[0]
    links = [c.hyperlink.location for row in cover.iter_rows() for c in row if c.hyperlink is not None]
    assert links and all(link.split("!")[0].strip("'").replace("''", "'") in wb.sheetnames for link in links)


# ---- generated cases: any string, anywhere a workbook takes one --------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FRAGMENTS = st.one_of(st.sampled_from(PAYLOADS[:-1]), st.text(max_size=30),
                       st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "!", "$A$1", "&", "[", "]", "|"]))
_STRINGS = st.lists(_FRAGMENTS, min_size=1, max_size=4).map("".join)


@settings(max_examples=max(10, settings.default.max_examples // 10))
@given(texts=st.lists(_STRINGS, min_size=8, max_size=8), lang=st.sampled_from(["en", "es"]))
def test_any_string_in_any_workbook_field_stays_literal(tmp_path_factory, texts, lang):
    """Category and series names, chart and axis titles, sheet names (a chart's title names its sheet),
    sources, the pack's title (headers and footers): no formula, link or stray reference in the deck's embedded
    workbooks or the .xlsx, and no library warning."""
    import tally

    cat = make_catalog()
    cid, spec = next((k, c) for k, c in cat.charts.items() if c.kind == "grouped")
    labels = tuple(texts[i % 3] for i in range(len(spec.categories)))
    series = tuple(replace(s, label_en=texts[3 + j % 2], label_es=texts[3 + j % 2]) for j, s in enumerate(spec.series))
    spec = replace(spec, category_labels_en=labels, category_labels_es=labels, series=series, title_en=texts[5],
                   title_es=texts[5], y_title_en=texts[6], y_title_es=texts[6])
    sources = {k: replace(v, publisher=texts[7], title=texts[0]) for k, v in cat.sources.items()}
    cat = replace(cat, charts={**cat.charts, cid: spec}, sources=sources)
    pack = Pack(title=texts[7], audience=texts[1], items=(PackItem("chart", cid, uid="c", talking_points=texts[2]),))
    out = tmp_path_factory.mktemp("gen")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        deck = export_pptx(pack, cat, out / "d.pptx", lang=lang, now=NOW)
        book = export_xlsx(pack, cat, out / "b.xlsx", lang=lang, now=NOW)
    problems = deck_problems(deck) + workbook_problems(book.read_bytes()) + [str(w.message) for w in caught]
    tally.case("workbook strings", "hostile outputs" if problems else "opened or written")
    assert problems == []
