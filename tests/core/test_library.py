"""The user library: the user's facts and tables, in data/'s format, following every rule bundled items do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nap_desktop.cli import main
from nap_desktop.core.catalog import library as lib
from nap_desktop.core.catalog.loader import load_catalog_with_problems
from nap_desktop.core.catalog.tables import parse_csv

SOURCE = {"publisher": "U.S. Bureau of Labor Statistics", "title": "Current Employment Statistics, table B-1",
          "url": "https://www.bls.gov/ces/data/", "date": "2026-01-09", "status": "official"}


def _fact(**over):
    fact = {"section": "usmca", "topic": "jobs", "countries": ["US"], "value": 12.7, "unit": "count_mn",
            "period": "2025-12", "title_en": "Factory jobs hold at 12.7 million",
            "text_en": "U.S. manufacturing employed 12.7 million people in December 2025.", "text_es": "",
            "sources": [dict(SOURCE)]}
    fact.update(over)
    return fact


@pytest.fixture(autouse=True)
def _no_env_library(monkeypatch):
    monkeypatch.delenv(lib.ENV_VAR, raising=False)


def test_a_user_fact_is_written_in_datas_format_and_passes_data_check(tmp_path, capsys):
    folder = tmp_path / "library"
    fid = lib.add_fact(folder, _fact())
    assert fid.startswith(lib.USER_PREFIX)
    text = (folder / "facts" / f"{fid}.toml").read_text(encoding="utf-8")
    assert "[[fact]]" in text and 'unit = "count_mn"' in text
    assert main(["data", "check", str(folder)]) == 0
    assert "OK: library with 1 fact, 1 source, " in capsys.readouterr().out
    catalog = lib.load_catalog_with_library(folder)
    fact = catalog.fact(fid)
    assert fact.origin == "user" and fact.value == 12.7 and fact.text_es == ""  # Spanish may wait
    source = catalog.sources[fact.sources[0]]
    assert (source.origin, source.status, source.url) == ("user", "official", SOURCE["url"])
    assert catalog.fact("usmca-trade-trilateral-20y").origin == "bundled"


def test_a_fact_without_a_complete_source_is_refused_with_every_reason_and_nothing_written(tmp_path):
    folder = tmp_path / "library"
    with pytest.raises(lib.LibraryError) as err:
        lib.add_fact(folder, _fact(sources=[]))
    assert "needs at least one source" in str(err.value)
    with pytest.raises(lib.LibraryError) as err:
        lib.add_fact(folder, _fact(sources=[{"publisher": "Me", "status": "guess"}]))
    assert err.value.problems == [
        f"fact {lib.user_id('Factory jobs hold at 12.7 million')}, source 1: missing title",
        f"fact {lib.user_id('Factory jobs hold at 12.7 million')}, source 1: missing URL",
        f"fact {lib.user_id('Factory jobs hold at 12.7 million')}, source 1: missing date",
        f"fact {lib.user_id('Factory jobs hold at 12.7 million')}, source 1: "
        "status 'guess' must be one of official, report, secondary",
    ]
    with pytest.raises(lib.LibraryError) as err:
        lib.add_fact(folder, _fact(section="nowhere", value="twelve"))
    messages = "\n".join(err.value.problems)
    assert "unknown section 'nowhere'" in messages and "value 'twelve' is not a number" in messages
    assert list((folder / "facts").glob("*.toml")) == []
    assert list((folder / "sources").glob("*.toml")) == []


def test_user_ids_live_in_their_own_namespace(tmp_path, capsys):
    folder = tmp_path / "library"
    fid = lib.add_fact(folder, _fact(id="jobs"))
    assert fid == "user.jobs"
    # a hand-written library file that forgets the prefix fails data check, naming file and line
    (folder / "facts" / "mine.toml").write_text((folder / "facts" / "user.jobs.toml").read_text(encoding="utf-8")
                                                .replace('id = "user.jobs"', 'id = "jobs-2"'), encoding="utf-8")
    assert main(["data", "check", str(folder)]) == 1
    assert "facts/mine.toml:4: fact id 'jobs-2' must start with 'user.'" in capsys.readouterr().out
    # and bundled data may never use the prefix (so a data update cannot collide with a user id)
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "data", data)
    facts = data / "facts" / "usmca.toml"
    facts.write_text(facts.read_text(encoding="utf-8").replace('id = "usmca-trade-trilateral-20y"',
                                                              'id = "user.trilateral"', 1), encoding="utf-8")
    _, problems = load_catalog_with_problems(data)
    assert any("'user.trilateral' must not start with 'user.'" in str(p) for p in problems)


def test_update_and_remove_only_touch_user_facts(tmp_path):
    folder = tmp_path / "library"
    fid = lib.add_fact(folder, _fact())
    # a value edited without its words is refused (core/catalog/fact_figures.py): the file is unchanged
    before = {p: p.read_bytes() for p in folder.rglob("*.toml")}
    with pytest.raises(lib.LibraryError, match="is not the figure its text writes"):
        lib.update_fact(folder, fid, _fact(value=12.8, text_es="La manufactura empleaba a 12.7 millones."))
    assert {p: p.read_bytes() for p in folder.rglob("*.toml")} == before
    lib.update_fact(folder, fid, _fact(value=12.8, title_en="Factory jobs hold at 12.8 million",
                                       text_en="U.S. manufacturing employed 12.8 million people in December 2025.",
                                       text_es="La manufactura empleaba a 12.8 millones."))
    catalog = lib.load_catalog_with_library(folder)
    assert catalog.fact(fid).value == 12.8 and catalog.fact(fid).text_es.startswith("La manufactura")
    assert len([s for s in catalog.sources.values() if s.origin == "user"]) == 1  # the same source, reused
    with pytest.raises(lib.LibraryError, match="bundled fact"):
        lib.remove_fact(folder, "usmca-trade-trilateral-20y")
    lib.remove_fact(folder, fid)
    assert lib.load_catalog_with_library(folder).fact(fid) is None
    assert [i.kind for i in lib.list_items(folder)] == ["source"]


def test_a_saved_table_becomes_a_dataset_and_a_chart_with_gaps_not_zeros(tmp_path, capsys):
    folder = tmp_path / "library"
    table = parse_csv('Country,2023,2024\nUnited States,"1,234.5",1300\nMexico,,87.25\n')
    dataset_id, chart_id = lib.save_table(folder, table, id="Members surveyed", kind="grouped",
                                          title_en="What members told us", unit="count", source=dict(SOURCE),
                                          status="official")
    assert dataset_id == chart_id == "user.members-surveyed"
    catalog = lib.load_catalog_with_library(folder)
    spec = catalog.charts[chart_id]
    assert spec.origin == "user" and spec.kind == "grouped"
    assert spec.categories == ("United States", "Mexico")
    assert [s.values for s in spec.series] == [(1234.5, None), (1300.0, 87.25)]
    assert [(g.category, g.series) for g in spec.gaps] == [("Mexico", "2023")]
    rows = catalog.datasets[dataset_id].rows
    assert all(r.status == "official" and r.source in catalog.sources for r in rows)
    assert main(["data", "check", str(folder)]) == 0
    assert "1 dataset (4 rows), 1 chart checked" in capsys.readouterr().out
    with pytest.raises(lib.LibraryError, match="already a dataset"):
        lib.save_table(folder, table, id="members-surveyed", kind="column", title_en="Again", unit="count",
                       source=dict(SOURCE), status="official")
    bad = parse_csv("Country,2024\nUS,abc\n")
    with pytest.raises(lib.LibraryError, match="row 2, column '2024'"):
        lib.save_table(folder, bad, id="bad", kind="column", title_en="Bad", unit="count", source=dict(SOURCE),
                       status="official")


def test_resolve_library_honours_the_argument_then_nap_library(tmp_path, monkeypatch):
    assert lib.resolve_library(None) is None
    monkeypatch.setenv(lib.ENV_VAR, str(tmp_path / "env"))
    assert lib.resolve_library(None) == tmp_path / "env"
    assert lib.resolve_library(tmp_path / "arg") == tmp_path / "arg"


def test_user_sources_follow_the_same_provenance_rules_as_bundled_ones(tmp_path):
    folder = tmp_path / "library"
    homepage = {**SOURCE, "url": "https://www.bls.gov"}
    with pytest.raises(lib.LibraryError, match="a homepage URL"):
        lib.add_fact(folder, _fact(sources=[homepage]))
    farm = {**SOURCE, "url": "https://newstodayheadlinez.com/us-jobs-2025"}
    with pytest.raises(lib.LibraryError, match="low-credibility source"):
        lib.add_fact(folder, _fact(sources=[farm]))
    assert list((folder / "facts").glob("*.toml")) == [] and list((folder / "sources").glob("*.toml")) == []


def test_library_list_and_data_check_never_send_control_characters_to_the_terminal(tmp_path, capsys):
    """A title holding ESC [ 2 J cleared the terminal of whoever ran `library list`; a right-to-left override
    reordered the line. They are printed as visible escapes."""
    folder = tmp_path / "library"
    fid = lib.add_fact(folder, _fact())
    path = folder / "facts" / f"{fid}.toml"
    text = path.read_text(encoding="utf-8").replace("Factory jobs hold at 12.7 million",
                                                    "Factory \\u001b[2J jobs \\u202e hold \\u009b at 12.7 million")
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["library", "list", "--library", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out
    assert "Factory \\x1b[2J jobs \\u202e hold \\x9b at 12.7 million" in out
    (folder / "facts" / "bad.toml").write_text('[[fact]]\nid = "user.x\\u001b[31m"\n', encoding="utf-8")
    main(["data", "check", str(folder)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[31m" in out


@pytest.mark.parametrize(("break_it", "said"), [
    ("version", "library.toml:4: version 99: this library was written by another version"),
    ("facts_file", "facts: a file where a folder belongs"),
    ("url_nul", "url holds a control character (U+0000)"),
    ("url_esc", "url holds a control character (U+001B)"),
    ("huge", "value 1e+308 is too large to be a figure"),
])
def test_a_library_broken_in_ways_the_loader_did_not_see_gets_a_clear_word(tmp_path, capsys, break_it, said):
    """Each of these was accepted without a word (issue 27, item 8); now data check names it (exit 1) and the
    window shows it in Spanish too."""
    from nap_desktop.core.catalog import messages

    folder = tmp_path / "library"
    fid = lib.add_fact(folder, _fact())
    fact_file = folder / "facts" / f"{fid}.toml"
    if break_it == "version":
        marker = folder / "library.toml"
        marker.write_text(marker.read_text(encoding="utf-8").replace("version = 1", "version = 99"), encoding="utf-8")
    elif break_it == "facts_file":
        shutil.rmtree(folder / "facts")
        (folder / "facts").write_text("not a folder", encoding="utf-8")
    elif break_it.startswith("url"):
        char = "\\u0000" if break_it == "url_nul" else "\\u001b[2J"
        for src in (folder / "sources").glob("*.toml"):
            src.write_text(src.read_text(encoding="utf-8").replace("https://www.bls.gov/", f"https://www.bls.gov/{char}"),
                           encoding="utf-8")
    else:
        fact_file.write_text(fact_file.read_text(encoding="utf-8").replace("value = 12.7", "value = 1e308"),
                             encoding="utf-8")
    capsys.readouterr()
    assert main(["data", "check", str(folder)]) == 1
    assert said in capsys.readouterr().out
    _catalog, problems = lib.load_library_with_problems(folder)
    ours = [p for p in problems if said.split(": ", 1)[-1][:30] in str(p)]
    assert ours and all("sin traducir" not in messages.render(p, "es") for p in ours)
