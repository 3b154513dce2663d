"""Action titles: every fact carries its message in both languages, written for it, unique, short,
and with no number its statement does not state; a fact without one is a FILE:LINE problem."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from nap_desktop.cli import main
from nap_desktop.core.catalog.loader import load_catalog, load_catalog_with_problems
from nap_desktop.paths import data_dir

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(data_dir(), dest)
    return dest


def test_every_bundled_fact_has_its_own_title_in_both_languages(catalog):
    assert len(catalog.facts) >= 166
    for fact in catalog.facts:
        assert fact.title_en.strip(), f"{fact.file}:{fact.line}: {fact.id} has no English title"
        assert fact.title_es.strip(), f"{fact.file}:{fact.line}: {fact.id} has no Spanish title"
        assert fact.title("en") == fact.title_en and fact.title("es") == fact.title_es


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_two_facts_share_a_title(catalog, lang):
    counts = Counter(f.title(lang).casefold() for f in catalog.facts)
    assert [t for t, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_title_is_a_section_name(catalog, lang):
    sections = {s.title(lang).casefold() for s in catalog.sections}
    assert [f.id for f in catalog.facts if f.title(lang).casefold() in sections] == []


def test_titles_are_short(catalog):
    for fact in catalog.facts:
        assert len(fact.title_en.split()) <= 14, fact.id
        assert len(fact.title_es.split()) <= 17, fact.id


def _numbers(text: str) -> set[str]:
    return {n.rstrip(".,") for n in NUMBER.findall(text)}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_title_states_no_number_its_statement_does_not(catalog, lang):
    """'Never add a number the statement doesn't make': every figure in a title is in the statement,
    its headline or its period (ordinals like '11th' count as their digits)."""
    wrong = []
    for fact in catalog.facts:
        said = _numbers(fact.text(lang)) | _numbers(fact.period)
        if fact.value is not None:
            said |= _numbers(f"{fact.value:g}")
        for n in _numbers(fact.title(lang)) - said:
            if n.replace(",", "") not in {m.replace(",", "") for m in said}:
                wrong.append((fact.id, n, fact.title(lang)))
    assert wrong == []


def test_spanish_titles_write_numbers_the_mexican_way(catalog):
    for fact in catalog.facts:
        es, en = fact.title_es, fact.title_en
        assert not re.search(r"\d\.\d{3}(?!\d)", es) or "," in es, (fact.id, es)  # 1,234.5 not 1.234,5
        assert not re.search(r"\d,\d{1,2}(?!\d)", es), (fact.id, es)
        assert "billion" not in es and "trillion" not in es
        if re.search(r"\bbillion\b", en):
            assert "mil millones" in es, (fact.id, es)
        if re.search(r"\btrillion\b", en):
            assert "billones" in es, (fact.id, es)
        assert "Census" not in es, (fact.id, es)


def test_the_exports_read_titles_from_the_fact(catalog, capsys):
    assert main(["catalog", "--json"]) == 0
    facts = {f["id"]: f for f in json.loads(capsys.readouterr().out)["facts"]}
    fact = catalog.fact("usmca-trade-border-daily")
    assert facts[fact.id]["title_en"] == fact.title_en
    assert facts[fact.id]["title_es"] == fact.title_es
    assert "2.39" in facts[fact.id]["title_en"]


def _drop_line(path: Path, startswith: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(startswith))
    del lines[index]
    path.write_text("\n".join(lines), encoding="utf-8")
    # the problem is reported at the fact's [[fact]] line
    return max(i for i, line in enumerate(lines[:index]) if line.strip() == "[[fact]]") + 1


@pytest.mark.parametrize(("key", "message"), [("title_es", "missing Spanish title"),
                                               ("title_en", "missing English title")])
def test_a_fact_without_its_title_is_a_data_check_problem(data_copy, capsys, key, message):
    line = _drop_line(data_copy / "facts" / "technology.toml", f"{key} = ")
    assert main(["data", "check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert f"facts/technology.toml:{line}: fact " in out and message in out


def test_an_overlong_title_is_reported_at_its_line(data_copy):
    path = data_copy / "facts" / "autos.toml"
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.split("\n") if line.startswith("title_en = "))
    long = 'title_en = "' + " ".join(["word"] * 20) + '"'
    path.write_text(text.replace(first, long, 1), encoding="utf-8")
    line = text.split("\n").index(first) + 1
    _, problems = load_catalog_with_problems(data_copy)
    assert any(p.file == "facts/autos.toml" and p.line == line and "20 words" in p.message for p in problems)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_fact_shares_its_title_with_a_chart(catalog, lang):
    """A whole-catalog deck has a slide per fact and per chart: no two may read alike."""
    charts = {s.title(lang).casefold() for s in catalog.charts.values()}
    assert len(charts) == len(catalog.charts)
    assert [f.id for f in catalog.facts if f.title(lang).casefold() in charts] == []
