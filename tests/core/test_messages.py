"""core/catalog/messages.py: every message in English and Spanish, the same parameters in both, the
English text unchanged for the command line, and the loader's problems recognised in Spanish."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from nap_desktop.core.catalog import messages
from nap_desktop.core.catalog.library import LibraryError, add_fact, init_library, load_library_with_problems
from nap_desktop.core.catalog.tables import MESSAGES, TableError, parse_csv, parse_xlsx

FIELDS = re.compile(r"\{(\w+)(?:![rs])?\}")


@pytest.mark.parametrize("code", sorted(messages.TEMPLATES))
def test_every_template_has_both_languages_with_the_same_parameters(code):
    en, es = messages.TEMPLATES[code]
    assert en.strip() and es.strip()
    # Spanish fills in what English does (it may spell out a fixed list instead: the three statuses)
    assert set(FIELDS.findall(es)) <= set(FIELDS.findall(en)), code
    assert set(FIELDS.findall(en)) - set(FIELDS.findall(es)) <= {"choices"}, code


def test_the_table_reader_keeps_its_documented_english_messages():
    for key, text in MESSAGES.items():
        if key != "unreadable":
            assert messages.TEMPLATES[f"tables.{key}"][0] == text


def test_a_bad_cell_in_both_languages_with_mexican_numbers():
    rows = "State,Exports\n" + "".join(f"S{i},{i}\n" for i in range(1, 1500)) + "Ohio,12x\n"
    problem = parse_csv(rows).problems[0]
    assert str(problem) == "row 1,501, column 'Exports': '12x' is not a number"
    assert messages.render(problem, "es") == "fila 1,501, columna “Exports”: “12x” no es un número"


def test_library_refusals_are_english_for_scripts_and_spanish_for_the_window(tmp_path):
    library = init_library(tmp_path / "lib")
    with pytest.raises(LibraryError) as info:
        add_fact(library, {"section": "usmca", "text_en": "", "sources": [{"publisher": "X", "url": "ftp://x"}]})
    assert info.value.problems[0] == "fact user.fact: missing English statement (text_en)"
    spanish = info.value.texts("es")
    assert spanish[0] == "dato user.fact: falta el enunciado en inglés (text_en)"
    assert "dato user.fact, fuente 1: falta el título" in spanish
    assert all("missing" not in t and "source" not in t for t in spanish), spanish


def test_a_table_that_cannot_be_read_says_so_in_both_languages(tmp_path):
    with pytest.raises(TableError) as info:
        parse_xlsx(tmp_path / "none.xlsx")
    assert str(info.value) == "Cannot read none.xlsx: no such file."
    assert info.value.text("es") == "No se puede leer none.xlsx: el archivo no existe."


BROKEN = {
    "facts/a.toml": "[[fact]]\nid = 'user.a'\nsection = 'nope'\nvalue = 'x'\ntext_en = 'A'\nsources = ['zz']\ncolour = 3\n",
    "facts/b.toml": "[[fact]]\nid = 'user.b'\ntext_en 'no equals sign'\n",
    "facts/c.toml": "[[fact]]\nid = 'c-without-prefix'\nsection = 'usmca'\ntext_en = 'C'\nsources = []\nvalue = 3\n",
    "sources/s.toml": "[[source]]\nid = 'user.s'\npublisher = 'P'\ntitle = 'T'\nstatus = 'maybe'\nurl = 'https://example.org'\n",
    "datasets/user.d.toml": "[dataset]\ntitle_en = 'D'\nunit = 'zz'\nsource = 'user.s'\nstatus = 'official'\n",
    "datasets/user.d.csv": "category,series,period,value\nA,x,2025,\nA,x,2025,abc\n",
}


def test_the_loaders_problems_with_a_broken_library_are_all_given_in_spanish(tmp_path):
    library = init_library(tmp_path / "lib")
    for name, text in BROKEN.items():
        (library / name).write_text(text, encoding="utf-8")
    _catalog, problems = load_library_with_problems(library)
    assert len(problems) >= 10
    for problem in problems:
        spanish = messages.render(problem, "es")
        assert "sin traducir" not in spanish, (str(problem), spanish)
        assert spanish.startswith(f"{problem.file}, línea {problem.line}: " if problem.line else problem.file)
        assert messages.render(problem, "en") == str(problem)


def test_the_command_line_prints_english_or_spanish_with_lang(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("State,Exports\nOhio,12x\n", encoding="utf-8")
    args = ["import", str(table), "--library", str(tmp_path / "lib"), "--id", "x", "--kind", "column",
            "--title-en", "T", "--unit", "usd_mn", "--source-publisher", "P", "--source-title", "T",
            "--source-url", "https://example.org/t", "--source-date", "2026-01-01", "--status", "official"]
    run = lambda extra: subprocess.run([sys.executable, "-m", "nap_desktop", *args, *extra], text=True,
                                       capture_output=True, cwd=Path(__file__).resolve().parents[2])
    english, spanish = run([]), run(["--lang", "es"])
    assert english.returncode == spanish.returncode == 1
    assert "row 2, column 'Exports': '12x' is not a number" in english.stderr
    assert "fila 2, columna “Exports”: “12x” no es un número" in spanish.stderr
    assert "1 problema en la tabla; no se importó nada" in spanish.stderr, spanish.stderr


def test_every_breakage_of_the_data_check_suite_reads_in_spanish(tmp_path):
    """The 50-odd ways tests/core/test_data_check_robust.py breaks a copy of data/: each problem the
    loader reports has its Spanish (only checks.toml's consistency checks, which no library has, may not)."""
    import shutil

    from nap_desktop.core.catalog.loader import load_catalog_with_problems
    from nap_desktop.paths import data_dir
    from tests.core.test_data_check_robust import _mutations

    pristine = tmp_path / "pristine"
    shutil.copytree(data_dir(), pristine)
    _, known = load_catalog_with_problems(pristine)
    known_messages = {p.message for p in known}
    seen, untranslated = 0, []
    for name, mutate in _mutations():
        folder = tmp_path / re.sub(r"\W+", "-", name)
        shutil.copytree(pristine, folder)
        mutate(folder)
        _, problems = load_catalog_with_problems(folder)
        for problem in problems:
            if problem.message in known_messages or problem.message.startswith("check:"):
                continue
            seen += 1
            if "sin traducir" in messages.render(problem, "es"):
                untranslated.append(f"{name}: {problem}")
    assert seen > 40 and not untranslated, untranslated
