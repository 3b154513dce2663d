"""The catalog loader: a clean folder loads; every kind of break is reported as FILE:LINE, all at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nap_desktop.cli import main
from nap_desktop.core.catalog.loader import CatalogError, load_catalog, load_catalog_with_problems
from nap_desktop.paths import data_dir

GOOD_FACT = """
[[fact]]
id = "zz-test-fact"
section = "usmca"
topic = "trade"
countries = ["US", "MX"]
value = 2.39
unit = "usd_bn"
period = "2025"
title_en = "The border trades USD 2.39 billion a day"
title_es = "La frontera comercia 2.39 mil millones de USD cada jornada"
text_en = "The border trades USD 2.39 billion every day."
text_es = "La frontera comercia 2.39 mil millones de dólares al día."
sources = ["ustr", "nap-2026"]
"""


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(data_dir(), dest)
    return dest


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / "facts" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str) -> int:
    return next(i + 1 for i, line in enumerate(text.splitlines()) if needle in line)


def test_bundled_data_checks_clean(capsys):
    assert main(["data", "check", str(data_dir())]) == 0
    out = capsys.readouterr().out
    catalog = load_catalog()
    assert f"{len(catalog.facts)} facts" in out
    assert f"{len(catalog.sources)} sources" in out
    assert f"{len(catalog.sections)} sections" in out


def test_a_valid_new_fact_loads(data_copy):
    _write(data_copy, "zz.toml", GOOD_FACT)
    catalog = load_catalog(data_copy)
    fact = catalog.fact("zz-test-fact")
    assert fact is not None and fact.value == 2.39 and fact.unit == "usd_bn"
    assert fact.file == "facts/zz.toml" and fact.line == 2


@pytest.mark.parametrize(
    ("label", "old", "new", "needle", "message"),
    [
        ("unknown source", 'sources = ["ustr", "nap-2026"]', 'sources = ["ustr", "no-such-source"]',
         "sources =", "unknown source id 'no-such-source'"),
        ("missing spanish", 'text_es = "La frontera comercia 2.39 mil millones de dólares al día."\n', "",
         "[[fact]]", "missing Spanish text"),
        ("value not a number", "value = 2.39", 'value = "2.39 bn"', "value =", "is not a number"),
        ("unknown section", 'section = "usmca"', 'section = "usmcaa"', "section =", "unknown section 'usmcaa'"),
        ("unknown unit", 'unit = "usd_bn"', 'unit = "dollars"', "unit =", "unknown unit 'dollars'"),
        ("no sources", 'sources = ["ustr", "nap-2026"]', "sources = []", "sources =", "needs at least one source"),
    ],
)
def test_each_break_is_reported_with_file_and_line(data_copy, capsys, label, old, new, needle, message):
    broken = GOOD_FACT.replace(old, new)
    assert broken != GOOD_FACT, label
    _write(data_copy, "zz_broken.toml", broken)
    assert main(["data", "check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    line = _line_of(broken, needle)
    expected = f"facts/zz_broken.toml:{line}: "
    matching = [row for row in out.splitlines() if row.startswith(expected)]
    assert matching, f"{label}: expected a problem at {expected!r}, got:\n{out}"
    assert any(message in row for row in matching), out


def test_duplicate_id_names_both_places(data_copy, capsys):
    _write(data_copy, "zz_a.toml", GOOD_FACT)
    _write(data_copy, "zz_b.toml", "# a copy\n" + GOOD_FACT)
    assert main(["data", "check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "facts/zz_b.toml:4: duplicate fact id 'zz-test-fact' (first defined at facts/zz_a.toml:2)" in out


def test_duplicate_source_id(data_copy, capsys):
    (data_copy / "sources" / "zz.toml").write_text(
        '[[source]]\nid = "ustr"\npublisher = "x"\ntitle = "y"\nstatus = "report"\n', encoding="utf-8")
    assert main(["data", "check", str(data_copy)]) == 1
    assert "sources/zz.toml:2: duplicate source id 'ustr'" in capsys.readouterr().out


def test_malformed_toml_reports_its_line(data_copy, capsys):
    _write(data_copy, "zz_bad.toml", GOOD_FACT + '\n[[fact]]\nid = "oops\n')
    assert main(["data", "check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    row = next(r for r in out.splitlines() if r.startswith("facts/zz_bad.toml:"))
    assert "malformed TOML" in row
    assert row.startswith(f"facts/zz_bad.toml:{GOOD_FACT.count(chr(10)) + 3}:")


def test_unreadable_encoding_reports_its_line(data_copy, capsys):
    text = GOOD_FACT.replace("al día", "al d\xeda").encode("latin-1")
    _write(data_copy, "zz_latin1.toml", text)
    assert main(["data", "check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    line = _line_of(GOOD_FACT, "text_es")
    assert f"facts/zz_latin1.toml:{line}: unreadable encoding" in out


def test_every_problem_is_reported_not_just_the_first(data_copy, capsys):
    broken = GOOD_FACT.replace('section = "usmca"', 'section = "nope"').replace("value = 2.39", 'value = "x"')
    _write(data_copy, "zz_many.toml", broken)
    _write(data_copy, "zz_more.toml", GOOD_FACT.replace("zz-test-fact", "zz-other").replace('"ustr"', '"nobody"'))
    assert main(["data", "check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "unknown section 'nope'" in out
    assert "is not a number" in out
    assert "unknown source id 'nobody'" in out


def test_load_catalog_raises_with_all_problems(data_copy):
    _write(data_copy, "zz.toml", GOOD_FACT.replace('"ustr"', '"nobody"').replace('section = "usmca"', 'section = "x"'))
    with pytest.raises(CatalogError) as info:
        load_catalog(data_copy)
    assert len(info.value.problems) >= 2


def test_missing_folder_and_missing_catalog_file(tmp_path, capsys):
    assert main(["data", "check", str(tmp_path / "nowhere")]) == 1
    assert "not a folder" in capsys.readouterr().out
    (tmp_path / "empty").mkdir()
    _, problems = load_catalog_with_problems(tmp_path / "empty")
    assert any(p.file == "catalog.toml" for p in problems)


def test_source_status_must_be_known(data_copy, capsys):
    (data_copy / "sources" / "zz.toml").write_text(
        '[[source]]\nid = "zz-src"\npublisher = "x"\ntitle = "y"\nstatus = "rumour"\n', encoding="utf-8")
    assert main(["data", "check", str(data_copy)]) == 1
    assert "sources/zz.toml:5: source zz-src: status 'rumour' must be one of official, report, secondary" in capsys.readouterr().out
