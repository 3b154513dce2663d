"""The app's start-up load (bundled rules skipped) gives the same catalog, and still checks the user library."""

from __future__ import annotations

import pytest

from nap_desktop.core.catalog import toml_fast
from nap_desktop.core.catalog.library import init_library, load_catalog_with_library
from nap_desktop.core.catalog.loader import CatalogError, load_catalog, load_catalog_with_problems


def test_skipping_bundled_rules_gives_the_same_catalog_and_unavailable_charts():
    full = load_catalog()
    fast = load_catalog(rules=False)
    assert fast.facts == full.facts
    assert fast.sources == full.sources
    assert set(fast.charts) == set(full.charts)
    assert fast.__dict__.get("unavailable_charts") == full.__dict__.get("unavailable_charts")
    assert fast.__dict__.get("unavailable_charts"), "the bundled data declares unavailable charts"


def test_rules_still_run_when_asked(tmp_path):
    data = tmp_path / "data"
    import shutil

    from nap_desktop.paths import data_dir

    shutil.copytree(data_dir(), data)
    facts = sorted((data / "facts").glob("*.toml"))[0]
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace('text_en = "', 'text_en = "See usimportdata.com: ', 1), encoding="utf-8")
    _, problems = load_catalog_with_problems(data)
    assert any("usimportdata" in p.message for p in problems)
    _, fast_problems = load_catalog_with_problems(data, rules=False)
    assert not any("usimportdata" in p.message for p in fast_problems)


def test_library_gets_every_rule_even_when_bundled_rules_are_skipped(tmp_path):
    lib = init_library(tmp_path / "lib")
    (lib / "sources" / "user.s.toml").write_text(
        '[[source]]\nid = "user.s"\npublisher = "Blog"\ntitle = "A post"\n'
        'url = "https://www.usimportdata.com/statistics/1/x"\ndate = "2026-01-01"\nstatus = "secondary"\n',
        encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog_with_library(lib, bundled_rules=False)
    assert any("usimportdata" in str(p) for p in err.value.problems)


def test_fast_parser_keeps_the_stdlib_error():
    import tomllib

    with pytest.raises(tomllib.TOMLDecodeError, match="line 2"):
        toml_fast.loads('a = 1\nb = = 2\n')
    assert toml_fast.loads('x = "é"\n[t]\ny = [1, 2]\n') == {"x": "é", "t": {"y": [1, 2]}}


def test_checks_still_run_when_asked(tmp_path):
    import shutil

    from nap_desktop.paths import data_dir

    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    (data / "checks.toml").write_text((data / "checks.toml").read_text(encoding="utf-8")
                                      + '\n[[check]]\nfact = "no-such-fact"\n', encoding="utf-8")
    _, problems = load_catalog_with_problems(data)
    assert any("no-such-fact" in p.message for p in problems)
    _, fast_problems = load_catalog_with_problems(data, rules=False)
    assert not any("no-such-fact" in p.message for p in fast_problems)
