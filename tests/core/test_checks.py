"""`data check` recomputes facts' headlines from datasets and names both numbers on a mismatch."""

from __future__ import annotations

import re
import shutil

import pytest

from nap_desktop.cli import main
from nap_desktop.core.catalog.checks import tolerance, written_decimals
from nap_desktop.core.catalog.loader import load_catalog_with_problems
from nap_desktop.paths import data_dir


@pytest.fixture
def data_copy(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    return root


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bundled_checks_pass_and_cover_the_key_figures():
    catalog, problems = load_catalog_with_problems(data_dir())
    assert problems == []
    text = (data_dir() / "checks.toml").read_text(encoding="utf-8")
    checked = set(re.findall(r'^fact = "([^"]+)"', text, re.M))
    assert len(checked) >= 35
    for fid in checked:
        assert catalog.fact(fid) is not None
    assert {f"tech-atp-group-{g}" for g in ("aerospace", "weapons", "information-communications")} <= checked
    assert "food-fresh-veg-availability-imports-2023" in checked  # the report's 35% vs ERS official 35


def test_data_check_fails_naming_both_numbers_when_a_dataset_row_changes(data_copy, capsys):
    # the report's aerospace figure is -27; break the dataset row
    _replace(data_copy / "datasets" / "atp-groups-2025.csv", "atp08-aerospace,contribution,2025,-27,",
             "atp08-aerospace,contribution,2025,-26,")
    assert main(["data", "check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    line = next(l for l in out.splitlines() if "tech-atp-group-aerospace" in l)
    assert "says -27" in line and "gives -26" in line
    assert re.match(r"^facts/technology\.toml:\d+: fact tech-atp-group-aerospace says -27 but dataset "
                    r"atp-groups-2025 gives -26 \(value; check at checks\.toml:\d+\)$", line)


def test_data_check_fails_when_a_fact_disagrees_with_its_dataset(data_copy, capsys):
    fact_file = data_copy / "facts" / "technology.toml"
    text = fact_file.read_text(encoding="utf-8")
    start = text.index('id = "tech-naics3344-imports-malaysia-share-2025"')
    end = text.index("[[fact]]", start) if "[[fact]]" in text[start:] else len(text)
    block = text[start:end]
    assert "value = 10.8" in block
    fact_file.write_text(text[:start] + block.replace("value = 10.8", "value = 11.8", 1) + text[end:], encoding="utf-8")
    assert main(["data", "check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "fact tech-naics3344-imports-malaysia-share-2025 says 11.8 but dataset naics-import-shares-2025 gives 10.8" in out


def test_the_fred_series_reproduces_the_113000_jobs_lost(data_copy, capsys):
    """MANEMP Dec 2025 − Dec 2024 = −113 thousand; change a month and the check names both numbers."""
    _replace(data_copy / "datasets" / "us-manufacturing-employment.csv", "US,manemp,2025-12,12580,",
             "US,manemp,2025-12,12585,")
    assert main(["data", "check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "fact usmca-jobs-mfg-lost-us says 113000 but dataset us-manufacturing-employment gives 108000" in out


def test_rounding_tolerance_is_half_a_unit_of_the_last_written_decimal():
    assert written_decimals(22.5, None) == 1 and tolerance(22.5, None) == pytest.approx(0.05)
    assert written_decimals(113000.0, None) == 0 and tolerance(113000.0, None) == 0.5
    assert written_decimals(-27.0, None) == 0
    assert tolerance(0.58, 2) == pytest.approx(0.005)


def test_bad_check_declarations_are_reported_file_line(data_copy):
    with open(data_copy / "checks.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[[check]]\nfact = "no-such-fact"\ndataset = "atp-groups-2025"\ncategory = "x"\n'
                 '\n[[check]]\nfact = "tech-atp-group-weapons"\ndataset = "atp-groups-2025"\ncategory = "atp99-none"\n'
                 'series = "contribution"\nperiod = "2025"\n')
    problems = [str(p) for p in load_catalog_with_problems(data_copy)[1]]
    assert any(re.match(r"^checks\.toml:\d+: check: unknown fact id 'no-such-fact'$", p) for p in problems)
    assert any(re.match(r"^checks\.toml:\d+: check: dataset atp-groups-2025 has no row category='atp99-none'", p)
               for p in problems)
