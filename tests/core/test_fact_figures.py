"""A fact's value is the figure its own title and statement write (core/catalog/fact_figures.py), as
`data check` and `library add-fact` meet it: a value edited without its words is refused at FILE:LINE of
each text that disagrees, in English and Spanish; the bundled facts all agree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nap_desktop.cli import main
from nap_desktop.core.catalog.fact_figures import figure_problem
from nap_desktop.core.catalog.loader import CatalogError, load_catalog
from nap_desktop.core.catalog.messages import render
from nap_desktop.core.catalog.model import Fact
from nap_desktop.paths import data_dir

FACT_TOML = '''
[[source]]
id = "fred-manemp"
publisher = "U.S. Bureau of Labor Statistics (CES), via FRED, Federal Reserve Bank of St. Louis"
title = "All Employees, Manufacturing (MANEMP), thousands, seasonally adjusted"
url = "https://fred.stlouisfed.org/series/MANEMP"
date = "2026-03-08"
status = "secondary"

[[fact]]
id = "manemp-dec-2025"
section = "usmca"
topic = "jobs"
countries = ["US"]
value = {value}
unit = "count_th"
period = "2025-12"
title_en = "Factory jobs fell to 12,580 thousand"
text_en = "U.S. manufacturing employed 12,580 thousand people in December 2025."
text_es = "La manufactura de EE. UU. empleaba a 12,580 mil personas en diciembre de 2025."
sources = ["fred-manemp"]
'''


def _fact(value, unit, text, value_max=None):
    return Fact(id="f", section="usmca", topic="t", countries=("US",), value=value, value_max=value_max, unit=unit,
                period="2025", text_en=text, text_es="", sources=("s",))


@pytest.mark.parametrize("value, unit, text", [
    (11.9, "count_mn", "North America built over 11.9 million vehicles"),
    (11.9, "count_mn", "produjo más de 11.9 millones de vehículos al 3T2025"),
    (113, "count_th", "The sector added 113,000 jobs in 2025"),
    (1.9, "usd_tn", "Trade reached USD 1,900 billion in 2025"),
    (1.9, "usd_tn", "El comercio llegó a 1.9 billones de dólares"),
    (-20, "count_th", "Plants lost 20 thousand jobs since 2019"),
    (29.6, "pct", "Mexico supplies 30% of imports"),  # as rounded where it is written
    (20, "one_in", "1 in 20 U.S. jobs depends on trade"),
    (7, "rank", "seventh-largest producer"),  # a figure in words: not checked
    (840, "usd_bn", "Mexico is the top U.S. trading partner"),  # no figure written: not checked
])
def test_a_text_that_writes_the_value_or_no_figure_agrees(value, unit, text):
    assert figure_problem(_fact(value, unit, text), text) is None


@pytest.mark.parametrize("value, unit, text", [
    (12.4, "count_mn", "North America built over 11.9 million vehicles as of 3Q2025"),
    (113, "count_th", "The sector added 131,000 jobs in 2025"),
    (1.9, "usd_bn", "Trade reached USD 1.9 trillion in 2025"),  # right digits, wrong magnitude
    (31, "pct", "Mexico supplies 30% of imports in 2024"),
])
def test_a_text_that_writes_another_figure_is_a_problem(value, unit, text):
    why = figure_problem(_fact(value, unit, text), text)
    assert why and f"{value:g}" in why and unit in why


def test_a_range_agrees_with_either_end():
    fact = _fact(40, "pct", "between 40% and 50%", value_max=50)
    assert figure_problem(fact, "Between 40% and 50% of parts") is None
    assert figure_problem(fact, "Up to 50% of parts") is None


def test_every_bundled_fact_agrees_with_its_words(catalog):
    problems = [(f.id, key, figure_problem(f, getattr(f, key)))
                for f in catalog.facts for key in ("title_en", "text_en", "title_es", "text_es")]
    assert [p for p in problems if p[2]] == []


def test_data_check_refuses_a_value_edited_without_its_text(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    autos = data / "facts" / "autos.toml"
    text = autos.read_text(encoding="utf-8")
    assert "value = 11.9\n" in text
    autos.write_text(text.replace("value = 11.9\n", "value = 12.4\n", 1), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "nap_desktop", "data", "check", str(data)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    out = run.stdout + run.stderr
    lines = [line for line in out.splitlines() if "auto-production-na-3q2025" in line]
    # each of the four texts that write 11.9, at its own line of autos.toml
    assert len(lines) == 4, out
    phrase = "its value 12.4 (count_mn) is not the figure its text writes (11.9)"
    assert all(line.startswith("facts/autos.toml:") and phrase in line for line in lines), out
    source_lines = text.splitlines()
    keys = {source_lines[int(line.split(":")[1]) - 1].split(" =")[0] for line in lines}
    assert keys == {"title_en", "text_en", "title_es", "text_es"}
    # the window shows a library's problems in its language: the same problems in Spanish
    with pytest.raises(CatalogError) as error:
        load_catalog(data)
    spanish = [render(p, "es") for p in error.value.problems if "auto-production-na-3q2025" in str(p)]
    assert len(spanish) == 4
    assert all("su valor 12.4 (count_mn) no es la cifra que escribe su texto (11.9)" in s for s in spanish), spanish


def test_library_add_fact_refuses_a_value_that_disagrees_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NAP_LIBRARY", raising=False)
    library = tmp_path / "lib"
    bad = tmp_path / "bad.toml"
    bad.write_text(FACT_TOML.format(value=12693), encoding="utf-8")
    assert main(["library", "add-fact", str(bad), "--library", str(library)]) != 0
    err = capsys.readouterr().err
    assert "manemp-dec-2025" in err and "its value 12693 (count_th)" in err and "(12,580)" in err
    assert not any(p.read_text(encoding="utf-8").count("manemp-dec-2025") for p in library.rglob("*.toml"))
    good = tmp_path / "good.toml"
    good.write_text(FACT_TOML.format(value=12580), encoding="utf-8")
    assert main(["library", "add-fact", str(good), "--library", str(library)]) == 0
