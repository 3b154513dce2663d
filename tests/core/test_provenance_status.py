"""Statuses by definition (issue 24, data/README.md "Statuses"): official = the agency's own numbers, from its
file or a copy verified to be it; secondary = restated or processed by a third party. The agency's own monthly
figures give the annual ones where they exist; data check refuses what contradicts the definition."""

from __future__ import annotations

import importlib.util
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from nap_desktop.core.catalog.loader import load_catalog_with_problems

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = ROOT.parent / "shared" / "reference-data" / "raw" / "FRED" / "IMPCH.csv"


def _tool():
    spec = importlib.util.spec_from_file_location("build_fred_datasets", ROOT / "tools" / "build_fred_datasets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def data(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def _problems(root: Path) -> list[str]:
    return [str(p) for p in load_catalog_with_problems(root)[1]]


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in t)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_readme_defines_each_status():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Statuses"):text.index("## A fact")]
    assert "| `official` | the agency's own numbers" in section and "**verified**" in section
    assert "| `secondary` | restated or processed by a third party" in section
    assert "scraped transcription" in section and "could not be verified" in section


@pytest.mark.skipif(not RAW.is_file(), reason=f"reference data not found at {RAW}")
def test_the_china_imports_are_the_verified_fred_file_as_the_script_writes_it():
    tool = _tool()
    files = tool.build()
    for name, text in files.items():
        assert (ROOT / name).read_text(encoding="utf-8") == text, f"{name}: run tools/build_fred_datasets.py"
    # the verification the official status rests on: each month equals the Census page to its USD 0.1 million
    values = tool.read_fred()
    import csv

    with open(DATA / "datasets" / "census-country-trade-monthly.csv", encoding="utf-8", newline="") as fh:
        page = {r["period"]: Decimal(r["value"]) for r in csv.DictReader(fh) if (r["category"], r["series"]) == ("CN", "imports")}
    assert len(values) == 24 and all(abs(Decimal(values[m]) - page[m]) <= Decimal("0.05") for m in values)


@pytest.mark.skipif(not RAW.is_file(), reason=f"reference data not found at {RAW}")
def test_a_copy_that_differs_from_the_agency_is_not_written_as_official(tmp_path):
    tool = _tool()
    raw = tmp_path / "IMPCH.csv"
    raw.write_text(RAW.read_text(encoding="utf-8").replace("2025-06-01,18948.674201", "2025-06-01,18958.674201"),
                   encoding="utf-8")
    with pytest.raises(tool.BuildError, match="IMPCH 2025-06 = 18958.674201 but the Census page gives 18948.7"):
        tool.build(raw)


def test_annual_imports_from_china_are_the_sum_of_the_agencys_months(catalog):
    partners = catalog.datasets["us-goods-trade-partners"]
    months = catalog.datasets["us-imports-china-monthly"]
    for year in ("2024", "2025"):
        row = next(r for r in partners.rows if (r.category, r.series, r.period) == ("CN", "imports", year))
        twelve = [r.value for r in months.rows if r.period.startswith(year + "-")]
        assert len(twelve) == 12 and row.value == pytest.approx(sum(twelve) / 1000)
        assert row.status == "official" and row.source == "ref-fred-impch-github" and row.line == 0
    # the figures the facts quote hold: China's 2025 TDR 1.90 (the report: 1.901)
    spec = catalog.charts["coprod-tdr-2025"]
    cn = spec.categories.index("CN")
    assert round(spec.series[-1].values[cn], 3) == 1.901
    source = catalog.sources["ref-fred-impch-github"]
    assert source.status == "official" and "Verified:" in source.note and "kwang101-cb/Timeseries-FinalProject" in source.note


def test_unverified_copies_and_transcriptions_stay_secondary_and_say_why(catalog):
    for sid in ("ref-ers-state-top5-github", "ref-ers-state-imports-top5-github", "ref-fred-impmx-github",
                "ref-fred-manemp-github", "ref-fred-ces3133600101-github", "bts-transborder-unt-copy",
                "census-c5700-v2026-03"):
        src = catalog.sources[sid]
        assert src.status == "secondary", sid
        assert "official" not in src.note.lower() and "oficial" not in src.note_es.lower(), sid
    assert "Secondary: no ERS figure at hand verifies" in catalog.sources["ref-ers-state-top5-github"].note
    # and no fact note calls the ERS state files, read from that copy, "official" any more
    for fact in catalog.facts:
        assert "State Agricultural Trade Data (official" not in fact.note_en, fact.id
        assert "datos oficiales State Agricultural Trade Data" not in fact.note_es.lower(), fact.id


def test_every_official_row_is_from_an_official_source_with_its_specific_url(catalog):
    from nap_desktop.core.catalog.rules import is_specific_url

    official = [(ds.id, r) for ds in catalog.datasets.values() for r in ds.rows if r.status == "official"]
    assert official
    for did, row in official:
        src = catalog.sources[row.source]
        assert src.status == "official" and is_specific_url(src.url), (did, row.source)


# --- data check -----------------------------------------------------------------------------------------
def test_an_official_source_on_a_homepage_is_refused(data):
    path = data / "sources" / "reference.toml"
    _replace(path, 'url = "https://www.usitc.gov/research_and_analysis/trade_shifts_2019/canada.htm"',
             'url = "https://www.usitc.gov"')
    line = _line_of(path, 'url = "https://www.usitc.gov"')
    assert any(p.startswith(f"sources/reference.toml:{line}: source ref-usitc-shifts-2019-canada: official but no "
                            "specific URL") for p in _problems(data))


def test_an_official_copy_must_say_how_it_was_verified(data):
    path = data / "sources" / "fred.toml"
    _replace(path, "Verified: January 2024", "January 2024")
    _replace(path, "Verificado: de enero", "De enero")
    line = _line_of(path, "note = ")
    assert any(p.startswith(f"sources/fred.toml:{line}: source ref-fred-impch-github: official, read from a copy, but "
                            "the note does not say how the copy was verified") for p in _problems(data))


def test_a_transcription_is_never_official(data):
    path = data / "sources" / "copies.toml"
    start = _line_of(path, 'id = "census-c5700-v2026-03"')
    lines = path.read_text(encoding="utf-8").splitlines()
    status = next(i for i in range(start, len(lines)) if lines[i].startswith("status = ")) + 1
    text = path.read_text(encoding="utf-8").splitlines()
    text[status - 1] = 'status = "official"'
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    problems = _problems(data)
    assert any(p.startswith(f"sources/copies.toml:{status}: source census-c5700-v2026-03: official, but its note says "
                            "it was read from a transcription") for p in problems), problems


def test_a_secondary_source_whose_note_calls_it_official_is_refused(data):
    path = data / "sources" / "monthly.toml"
    _replace(path, "Secondary: its months could not be verified", "An official copy; its months could not be verified")
    line = _line_of(path, "An official copy; its months")
    assert any(p.startswith(f"sources/monthly.toml:{line}: source ref-fred-impmx-github: its status is 'secondary' but "
                            "its note or title calls it official") for p in _problems(data))


def test_a_row_stronger_than_its_source_is_refused(data):
    path = data / "datasets" / "us-trade-mexico-monthly.csv"
    _replace(path, "MX,imports,2023-01,36720.500433,ref-fred-impmx-github,secondary,",
             "MX,imports,2023-01,36720.500433,ref-fred-impmx-github,official,")
    line = _line_of(path, "MX,imports,2023-01,")
    problems = _problems(data)
    assert any(p.startswith(f"datasets/us-trade-mexico-monthly.csv:{line}: row MX/imports/2023-01: status 'official' is "
                            "stronger than its source ref-fred-impmx-github ('secondary')") for p in problems), problems
