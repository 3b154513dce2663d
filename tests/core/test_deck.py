"""Deck composition (Qt-free): slide order, figures, takeaways, notes with citations, placeholders, sources."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exporters"))
from fixture_catalog import LONGEST_ES, make_catalog, pack_basic, pack_hostile  # noqa: E402

from nap_desktop.core.deck import SOURCES_PER_SLIDE, compose_deck  # noqa: E402
from nap_desktop.core.textmetrics import LINE_EM, fit, role_min, role_size  # noqa: E402
from nap_desktop.core.pack.packfile import Pack, PackItem  # noqa: E402
from nap_desktop.core.pack.selection import SelectionError, pack_all, pack_ids, pack_section  # noqa: E402

NOW = datetime(2026, 5, 1, 12, 0)


@pytest.fixture(scope="module")
def cat():
    return make_catalog()


def test_slide_order_and_every_slide_has_a_title(cat):
    slides = compose_deck(pack_basic(), cat, lang="en", now=NOW)
    assert [s.kind for s in slides] == ["title", "agenda", "divider", "fact", "chart", "fact", "chart", "note",
                                        "fact", "sources"]
    assert all(s.title.strip() for s in slides)


def test_title_slide_and_agenda(cat):
    slides = compose_deck(pack_basic("es"), cat, lang="es", now=NOW)
    assert slides[0].title == "USMCA briefing for House Ways and Means staff"
    # the cover names audience and date (and the organisation when set), not the language
    assert slides[0].bullets == ("Audiencia: Trade subcommittee staff", "Fecha: 12 de mayo de 2026")
    # a short agenda lists every item in the pack's order, one line each (not just the section)
    items = [s for s in slides[2:] if s.kind not in ("divider", "sources")]
    assert slides[1].bullets == tuple(f"{n}. {s.agenda or s.title}" for n, s in enumerate(items, start=1))
    assert all(s.footer == "USMCA briefing for House Ways and Means staff · 12 de mayo de 2026" for s in slides[1:])


def test_fact_slide_has_figure_statement_period_and_source(cat):
    fact = compose_deck(pack_basic(), cat, lang="en", now=NOW)[3]
    assert fact.figure == "more than USD 1.6 trillion"
    assert fact.statement.startswith("In the last 20 years")
    assert fact.period == "2025"
    # the agency and how we know it; the report itself is implied by "as published in the report"
    assert fact.source_line == "Source: U.S. Census Bureau, as published in the report"
    es = compose_deck(pack_basic("es"), cat, lang="es", now=NOW)[3]
    assert es.figure == "más de 1.6 billones de dólares"
    dated = compose_deck(pack_basic("es"), cat, lang="es", now=NOW)[8]
    assert dated.period == "1 de julio de 2026"


def test_chart_message_is_the_charts_own_takeaway_else_its_subtitle(cat):
    slides = compose_deck(pack_basic(), cat, lang="en", now=NOW)
    assert slides[4].chart.id == "trade-line"
    spec = cat.charts["trade-line"]
    own = spec.message("en") if hasattr(spec, "message") else ""
    assert slides[4].statement == (own or spec.subtitle_en)  # never a neighbouring fact's sentence
    lone = compose_deck(Pack(items=(PackItem("chart", "gdp-column"),)), cat, lang="en")
    assert lone[-2].statement == "About 30% of world GDP"


def test_notes_hold_talking_points_full_citation_and_secondary_caveat(cat):
    slides = compose_deck(pack_basic(), cat, lang="en", now=NOW)
    trade, joint = slides[3], slides[8]
    assert trade.notes.startswith("Lead with the 1.6 trillion.")
    assert "https://www.census.gov/foreign-trade/" in trade.notes
    assert "Caveat:" not in trade.notes
    # the secondary-source warning is one caveat paragraph at the end of the notes, not on the face
    assert joint.notes.split("\n\n")[-1].startswith("Caveat: IELP blog is a secondary source")
    assert joint.status == "secondary" and not any("secondary" in f.lower() for f in joint.footnotes)


def test_gaps_are_explained_on_the_chart_slide(cat):
    chart = compose_deck(pack_basic(), cat, lang="en", now=NOW)[4]
    assert chart.footnotes == ("No value for 2015: the report does not state 2015",)
    assert "the report does not state 2015" in chart.notes


def test_missing_items_become_marked_placeholders(cat):
    slides = compose_deck(pack_hostile(), cat, lang="en", now=NOW)
    missing = [s for s in slides if s.kind == "missing"]
    assert [s.title for s in missing] == ["Missing fact: no-such-fact", "Missing chart: no-such-chart"]
    assert "not in the catalog" in missing[0].statement


def test_sources_appendix_lists_every_source_with_status_and_url(cat):
    slides = compose_deck(pack_all(cat), cat, lang="en", now=NOW)
    appendix = [e for s in slides if s.kind == "sources" for e in s.sources]
    assert {e.id for e in appendix} == set(cat.sources)
    assert all(len(s.sources) <= SOURCES_PER_SLIDE for s in slides if s.kind == "sources")
    ielp = next(e for e in appendix if e.id == "ielp")
    assert ielp.status_label == "Secondary" and ielp.url.startswith("https://")


def test_pack_all_has_every_fact_and_chart_once_in_catalog_order(cat):
    pack = pack_all(cat)
    facts = [i.ref for i in pack.items if i.kind == "fact"]
    charts = [i.ref for i in pack.items if i.kind == "chart"]
    assert facts == [f.id for f in sorted(cat.facts, key=lambda f: cat.section(f.section).order)]
    assert sorted(charts) == sorted(cat.charts) and len(charts) == len(set(charts))
    refs = [i.ref for i in pack.items]
    assert refs.index("trade-line") == refs.index("trade-trilateral") + 1  # a chart follows its fact


def test_pack_section_and_ids(cat):
    autos = [(i.kind, i.ref) for i in pack_section(cat, "autos").items]
    assert autos == [("fact", "auto-production"), ("chart", "auto-diverging"),
                     ("fact", "transport-share"), ("chart", "transport-share")]
    ids = [i.ref for i in pack_ids(cat, ["joint-review", "gdp-share"]).items]
    assert ids == ["joint-review", "usmca-timeline", "gdp-share", "gdp-column"]  # the order given
    # a chart named on its own sits where it was named, not behind its fact; a repeated id once
    ids = [i.ref for i in pack_ids(cat, ["gdp-column", "joint-review", "gdp-share", "joint-review"]).items]
    assert ids == ["gdp-column", "joint-review", "usmca-timeline", "gdp-share"]
    with pytest.raises(SelectionError, match="nope"):
        pack_ids(cat, ["gdp-share", "nope"])
    with pytest.raises(SelectionError, match="sections"):
        pack_section(cat, "space")


def test_the_longest_spanish_statement_fits_its_role_measured_with_the_bundled_font():
    width, height = 870.0, 200.0
    lines, size, cut = fit(LONGEST_ES, width, height, "message")
    assert role_min("message") <= size <= role_size("message") and not cut
    assert len(lines) * size * LINE_EM <= height
    assert fit("Corto.", width, height, "message")[1:] == (role_size("message"), False)
    # a box too small for it: shortened at the role's minimum, never shrunk below it
    lines, size, cut = fit(LONGEST_ES, width, 40.0, "message")
    assert cut and size == role_min("message") and lines[-1].endswith("…")


def test_a_ten_item_agenda_of_one_line_entries_takes_one_slide(cat):
    """Ten short entries on two half-empty agenda slides looked unfinished; long ones still take two."""
    from dataclasses import replace

    facts = [f.id for f in cat.facts]
    items = tuple(PackItem("fact", facts[i % len(facts)], uid=f"f{i}") for i in range(10))
    slides = compose_deck(Pack(title="t", lang="en", items=items), cat, lang="en", now=NOW)
    assert [len(s.bullets) for s in slides if s.kind == "agenda"] == [10]
    long_title = "A title long enough to need a second line on the agenda of the deck, " * 2
    wordy = replace(cat, facts=tuple(replace(f, title_en=long_title.strip() + f" ({f.id})") for f in cat.facts))
    slides = compose_deck(Pack(title="t", lang="en", items=items), wordy, lang="en", now=NOW)
    assert [len(s.bullets) for s in slides if s.kind == "agenda"] == [5, 5]


def test_agenda_and_sources_pages_are_filled_evenly(cat):
    from nap_desktop.core.deck import AGENDA_ONE_LINE_PER_SLIDE

    facts = [f.id for f in cat.facts]
    n = AGENDA_ONE_LINE_PER_SLIDE + 2
    items = tuple(PackItem("fact", facts[i % len(facts)], uid=f"f{i}") for i in range(n))
    slides = compose_deck(Pack(title="t", lang="en", items=items), cat, lang="en", now=NOW)
    pages = [len(s.bullets) for s in slides if s.kind == "agenda"]
    assert sum(pages) == n and len(pages) == 2 and max(pages) - min(pages) <= 1, pages
    # numbering runs on across pages, one entry per item
    numbers = [int(b.split(".")[0]) for s in slides if s.kind == "agenda" for b in s.bullets]
    assert numbers == list(range(1, n + 1))


@pytest.mark.parametrize("period, en, es", [
    ("last 20 years", "reported 2026", "publicado en 2026"),  # not a period: when the source published it
    ("vs pre-COVID levels", "reported 2026", "publicado en 2026"),
    ("Art. 34.7", "reported 2026", "publicado en 2026"),
    ("undated", "reported 2026", "publicado en 2026"),
    ("3Q2025 vs 3Q2019", "3Q2025 vs 3Q2019", "3T2025 vs. 3T2019"),
    ("since 2022", "since 2022", "desde 2022"),
])
def test_period_lines_say_a_period_or_when_the_figure_was_published(cat, period, en, es):
    """'Period: last 20 years', 'Period: Art. 34.7' on fact slides (issue 23): a period line names a time;
    a headline figure without one says when its source published it, on the slide, the presenter
    (the same Slide), the handout and the workbook (core/deck.fact_period)."""
    from dataclasses import replace

    from nap_desktop.core.deck import fact_period

    base = next(f for f in cat.facts if f.value is not None)
    fact = replace(base, id="period-test", period=period, sources=("census",))
    cat2 = replace(cat, facts=cat.facts + (fact,))
    slide = next(s for s in compose_deck(Pack(title="p", items=(PackItem("fact", "period-test"),)), cat2, lang="en",
                                         now=NOW) if s.kind == "fact")
    assert slide.period == en
    assert fact_period(fact, cat2, "es") == es
    # a fact without a figure and without a period has no period line at all
    assert fact_period(replace(fact, value=None, period="last 20 years"), cat2, "en") == ""


def test_text_only_facts_of_a_section_share_a_key_points_slide_with_every_note(cat):
    """48 text-only fact slides, some one sentence long (issue 23): consecutive facts of one section
    without a figure (or whose figure is only a date) share a 'Key points' slide, each a cell, and every
    fact's statement, talking points and citation stay in the notes, with one caveat paragraph last."""
    from dataclasses import replace

    base = [f for f in cat.facts if f.value is not None][:3]
    words = [replace(f, id=f"{f.id}-words", value=None) for f in base]
    cat2 = replace(cat, facts=cat.facts + tuple(words))
    items = tuple(PackItem("fact", f.id, talking_points=f"Say {n}.") for n, f in enumerate(words))
    slides = compose_deck(Pack(title="p", items=items), cat2, lang="en", now=NOW)
    body = [s for s in slides if s.kind not in ("title", "agenda", "sources", "divider")]
    sections = {f.section for f in words}
    assert len(body) == len(sections)  # one slide per section's run, not one per fact
    grouped = [s for s in body if s.kind == "figures"]
    assert grouped and grouped[0].title.startswith("Key points")
    cells = [c for s in grouped for c in s.cells]
    assert {c.ref for c in cells} == {f.id for f in words if sum(g.section == f.section for g in words) > 1}
    for s in grouped:
        for c in s.cells:
            fact = cat2.fact(c.ref)
            assert fact.text("en") in s.notes
        assert s.notes.count("Caveat:") <= 1
        assert all(f"Say {n}." in s.notes for n, f in enumerate(words) if f.id in {c.ref for c in s.cells})
    # Spanish: 'Puntos clave'
    es = [s for s in compose_deck(Pack(title="p", items=items), cat2, lang="es", now=NOW) if s.kind == "figures"]
    assert es and es[0].title.startswith("Puntos clave")


def test_a_date_is_not_shown_three_times_on_a_fact_slide(cat):
    from dataclasses import replace

    base = next(f for f in cat.facts if f.value is not None)
    fact = replace(base, id="talks", value=202603.0, unit="date", period="2026-03", decimals=None, qualifier="",
                   title_en="Bilateral talks began in March 2026",
                   text_en="USTR announced in March 2026 that bilateral talks had begun.")
    cat2 = replace(cat, facts=cat.facts + (fact,))
    slide = next(s for s in compose_deck(Pack(title="p", items=(PackItem("fact", "talks"),)), cat2, lang="en",
                                         now=NOW) if s.kind == "fact")
    # the title states the date: it is not set again as the headline, nor as a period line
    assert slide.figure == "" and slide.period == ""
    assert slide.title == "Bilateral talks began in March 2026" and "March 2026" in slide.statement


def test_deck_measures_text_with_textmetrics_not_character_counts():
    """Issue 25: one wrapping implementation. core/deck.clip cuts by the bundled font's measured width
    (a line of 'W' holds far fewer characters than a line of 'i'), and a note's first line is its title
    when it takes one line of the title box, however many characters that is."""
    from nap_desktop.core.deck import TITLE_BOX_PT, clip
    from nap_desktop.core.textmetrics import role_size, text_width, wrap

    narrow, wide = "i " * 200, "W " * 200
    a, b = clip(narrow, 300, 12), clip(wide, 300, 12)
    assert a.endswith("…") and b.endswith("…")
    assert len(a) > 2 * len(b)  # the same width holds more narrow letters
    assert text_width(a, 12) <= 300 and text_width(b, 12) <= 300
    assert clip("Short enough", 300, 12) == "Short enough"
    two = clip("word " * 300, 200, 10, lines=2)
    assert len(wrap(two, 200, 10)) == 2
    # a 75-character first line of narrow letters fits one title line: it is the note's title
    first = ("ill " * 19).strip()
    assert len(first) > 70 and len(wrap(first, TITLE_BOX_PT[0], role_size("title"), True)) == 1
    slide = next(s for s in compose_deck(Pack(title="p", items=(PackItem("note", text=f"{first}\nBody text."),)),
                                         make_catalog(), lang="en", now=NOW) if s.kind == "note")
    assert slide.title == first and slide.statement == "Body text."


def test_a_line_never_ends_between_the_two_halves_of_ee_uu():
    """'EE.' at a line's end and 'UU.' on the next reads as two words; every wrapped text keeps it whole,
    at every width where the line breaks near it, and a no-break space is still a space to the reader."""
    from nap_desktop.core.textmetrics import text_width, wrap

    text = "Oficina de Estadísticas de Transporte (BTS) del Departamento de Transporte de EE. UU. y la BTS"
    widest = max(text_width(w, 10) for w in text.replace("EE. UU.", "EE.\u00a0UU.").split(" "))
    for width in range(int(widest) + 1, int(text_width(text, 10)) + 10, 3):
        lines = wrap(text, width, 10)
        assert not any(line.endswith("EE.") for line in lines), (width, lines)
        assert " ".join(lines).replace("\u00a0", " ") == text
