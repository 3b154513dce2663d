"""data/glossary.toml: one Spanish vocabulary for every name and term in data/.

Every Spanish text in data/ (``*_es`` keys and ``es = "…"`` labels in TOML files) is read against
the glossary; a word the glossary replaces is named with its FILE:LINE.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from nap_desktop.core.catalog import rules
from nap_desktop.core.charts.tilegrid import load_layout

DATA = Path(__file__).resolve().parents[2] / "data"


def _spanish_lines():
    for path in sorted(DATA.rglob("*.toml")):
        if path.name == "glossary.toml":
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for text in rules.spanish_texts(line):
                yield f"{path.relative_to(DATA).as_posix()}:{i}", text


def test_the_glossary_is_well_formed():
    terms = tomllib.loads((DATA / "glossary.toml").read_text(encoding="utf-8"))["term"]
    assert len(terms) >= 10
    for term in terms:
        assert term.get("en") and term.get("es"), term
        assert term.get("avoid_es") or term.get("avoid_es_regex"), term
        for expr in term.get("avoid_es_regex", []):
            re.compile(expr)
        # a preferred name is never one of the words it replaces
        assert not any(rules._fold(a) == rules._fold(term["es"]) for a in term.get("avoid_es", [])), term


def test_every_spanish_text_in_data_uses_the_glossary():
    patterns = rules._avoid_patterns(rules.load_glossary(DATA))
    offending = [f"{where}: {avoid!r} -> {use!r}" for where, text in _spanish_lines()
                 for pattern, avoid, use in patterns if pattern.search(text)]
    assert offending == []


def test_spanish_texts_are_found_on_every_kind_of_line():
    # a regression guard for the reader itself: it must see keys, inline labels and escaped quotes
    assert rules.spanish_texts('title_es = "Exportaciones \\"agrícolas\\""') == ['Exportaciones \\"agrícolas\\"']
    assert rules.spanish_texts('labels = { MX = { en = "Mexico", es = "México" } }') == ["México"]
    assert sum(1 for _ in _spanish_lines()) > 400


def test_the_census_bureau_has_one_spanish_name():
    names = set()
    for _, text in _spanish_lines():
        names |= set(re.findall(r"Oficina del Censo(?: de [A-Z][\w. ]*?UU\.)?", text))
        assert not re.search(r"(?<![Bb]ase )\bCensus\b", text), text  # "base Census" (a trade-statistics basis) only
    assert names == {"Oficina del Censo de EE. UU."}


def test_state_names_on_the_map_follow_the_glossary():
    # the Spanish state names live in data/layouts/us_tile_grid.csv (name_es), a CSV data check does not read
    names_es = {code: tile.name_es for code, tile in load_layout(DATA).items()}
    assert names_es["MN"] == "Minnesota" and names_es["MI"] == "Michigan" and names_es["NM"] == "Nuevo México"
    patterns = rules._avoid_patterns(rules.load_glossary(DATA))
    offending = [f"{code}: {name!r} uses {avoid!r} -> {use!r}" for code, name in names_es.items()
                 for pattern, avoid, use in patterns if pattern.search(name)]
    assert offending == []


# --- issue 24: the phrasings a careful Mexican reader stops at ------------------------------------------
def _avoided(text: str) -> list[str]:
    terms = rules.load_glossary(DATA)
    return [avoid for pattern, avoid, _ in rules._avoid_patterns(terms) if pattern.search(text)]



@pytest.mark.parametrize("text", [
    "El índice de déficit comercial (TDR) mide el déficit",   # a ratio: razón
    "En 2025 el TDR de México fue 0.58",                      # la TDR (la razón)
    "Un TDR de 0.50 significa",
    "Frutas, hortalizas y nueces frescas",                    # tree nuts: frutos secos
    "Sin fila de México entre los cinco principales",         # a reader sees no rows
    "archivos top-5 del ERS",
    "Comercio mensual (base Census, vía FRED)",               # base aduanal
    "Canadá es el 11.º mayor fabricante",                     # one ordinal form
    "Cuatro estados importaron destilados mexicanos",         # bebidas destiladas
    "La frontera México–EE. UU., la más activa del mundo",    # la más transitada
    "Importaciones como porcentaje de la disponibilidad, %",  # % once
    "datos del BLS vía FRED", "el cuadro del BTS", "según el USTR", "datos de la ERS del USDA",
    "Buró de Estadísticas Laborales", "Estadística Canadá",
])
def test_the_glossary_refuses_the_phrasing(text):
    assert _avoided(text), text


@pytest.mark.parametrize("text", [
    "La razón de déficit comercial (TDR) mide el déficit", "En 2025 la TDR de México fue 0.58",
    "Una TDR de 0.50 significa", "Frutas y hortalizas frescas y frutos secos", "archivos de los cinco principales productos",
    "Canadá es el undécimo fabricante", "bebidas destiladas mexicanas", "la más transitada del mundo",
    "datos de la BLS vía FRED", "el cuadro de la BTS", "según la USTR", "datos del ERS del USDA", "Statistics Canada (StatCan)",
    "base aduanal de la Oficina del Censo de EE. UU.",
])
def test_the_glossary_accepts_the_chosen_phrasing(text):
    assert _avoided(text) == [], text


def test_the_tdr_is_a_ratio_in_every_spanish_output(catalog):
    spec = catalog.charts["coprod-tdr-2025"]
    assert spec.title("es").endswith("Razón de déficit comercial (TDR) por socio")
    assert spec.y_title_es == "Razón de déficit comercial (TDR)" and spec.message("es").startswith("En 2025 la TDR de México")
    fact = catalog.fact("coprod-tdr-definition")
    assert fact.text("es").startswith("La razón de déficit comercial (TDR")
    for f in catalog.facts_in("coproduction"):
        assert not re.search(r"\b(?:[Uu]n|[Ee]l|[Ll]os) TDR\b", f.title("es") + " " + f.text("es") + " " + f.note("es")), f.id


def test_spanish_statements_spell_out_the_agencies_once(catalog):
    """BLS, BTS, USTR, ERS and StatCan: the full Spanish name at the first mention of a text, the short form after."""
    for fact in catalog.facts:
        for text in (fact.text_es, fact.note_es):
            assert rules.agency_first_mentions(text) == [], (fact.id, text)
    assert "Oficina del Representante Comercial de EE. UU., USTR" in catalog.fact("usmca-trade-border-daily").text("es")
    note = catalog.fact("usmca-ports-laredo-2025").note("es")
    assert note.count("Oficina de Estadísticas de Transporte") <= 1
    assert rules.agency_first_mentions("Según la BTS, el comercio creció") == ["BTS"]
    assert rules.agency_first_mentions("la Oficina de Estadísticas de Transporte (BTS) informa; la BTS añade") == []


def test_a_short_form_before_the_name_is_reported_at_its_line(tmp_path):
    import shutil

    from nap_desktop.core.catalog.loader import load_catalog_with_problems

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "facts" / "usmca.toml"
    text = path.read_text(encoding="utf-8")
    old = "(Oficina del Representante Comercial de EE. UU., USTR)"
    assert old in text
    path.write_text(text.replace(old, "(USTR)", 1), encoding="utf-8")
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "cada día (USTR)" in t)
    problems = [str(p) for p in load_catalog_with_problems(data)[1]]
    assert any(p.startswith(f"facts/usmca.toml:{line}: Spanish text names USTR before spelling it out") for p in problems), problems
