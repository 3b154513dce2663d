"""The state datasets in data/ are what tools/build_state_datasets.py computes from the BTS files, and
they add up: for every year, partner and flow, the 50 states, DC and DU sum to the national total."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.core.catalog.states import UnknownState, resolve_state, states
from raw_bts import RAW, sums

REPO = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("build_state_datasets", REPO / "tools" / "build_state_datasets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_data_equals_the_scripts_output():
    if not (RAW / "dot1_0123.csv").is_file():
        pytest.skip(f"the BTS files are not here ({RAW})")
    for rel, text in _tool().build(RAW.parent).items():
        assert (REPO / "data" / rel).read_text(encoding="utf-8") == text, f"data/{rel} differs from the script's output"


def test_states_and_unknown_sum_to_the_national_total_every_year():
    ds = load_catalog().datasets["bts-state-trade"]
    codes = {s.code for s in states()} | {"DU"}
    totals, parts = {}, {}
    for row in ds.rows:
        key = (row.series, row.period)
        if row.category == "US":
            totals[key] = row.value
        elif row.category in codes:
            parts[key] = parts.get(key, 0) + row.value
    assert set(totals) == {(f"{f}-{p}", y) for f in ("exports", "imports") for p in ("mx", "ca")
                           for y in ("2022", "2023", "2024", "2025")}
    for key, total in totals.items():
        assert parts[key] == total, key


def test_national_totals_are_the_raw_files_and_the_census_figures():
    raw = sums("2023")["trade"]
    ds = load_catalog().datasets["bts-state-trade"]
    index = ds.row_index()
    for (flow, partner), billions in {("exports", "MX"): 323.23, ("imports", "MX"): 475.61,
                                      ("exports", "CA"): 352.84, ("imports", "CA"): 421.10}.items():
        total = sum(v for (f, p, s), v in raw.items() if f == flow and p == partner)
        assert index[("US", f"{flow}-{partner.lower()}", "2023")].value == total
        assert round(total / 1e9, 2) == billions
    tx = {y: index[("TX", "exports-mx", y)].value / 1e9 for y in ("2022", "2023", "2024", "2025")}
    assert [round(v, 2) for v in tx.values()] == [144.22, 129.51, 123.53, 125.15]
    assert {index[("TX", "exports-mx", y)].status for y in ("2022", "2023")} == {"official"}
    assert {index[("TX", "exports-mx", y)].status for y in ("2024", "2025")} == {"secondary"}


def test_ranks_in_data_share_places_on_ties():
    catalog = load_catalog()
    trade, ranks = catalog.datasets["bts-state-trade"].row_index(), catalog.datasets["bts-state-trade-ranks"]
    codes = [s.code for s in states()]
    for row in ranks.rows:
        values = {c: trade[(c, row.series, row.period)].value for c in codes}
        assert row.value == 1 + sum(1 for v in values.values() if v > values[row.category])
    assert ranks.row_index()[("TX", "exports-mx", "2023")].value == 1
    assert _tool().rank({"A": 5, "B": 9, "C": 5, "D": 1}) == {"A": 2, "B": 1, "C": 2, "D": 4}


@pytest.mark.parametrize("typed, code", [("TX", "TX"), ("tx", "TX"), ("Texas", "TX"), ("nuevo mexico", "NM"),
                                         ("Nuevo México", "NM"), ("misuri", "MO"), ("Carolina del Norte", "NC"),
                                         ("district of columbia", "DC"), ("Washington, D.C.", "DC"), ("hawai", "HI")])
def test_a_state_from_what_a_user_types(typed, code):
    assert resolve_state(typed).code == code


def test_an_unknown_state_suggests_the_closest():
    with pytest.raises(UnknownState) as err:
        resolve_state("Texsa")
    assert "Texas" in err.value.suggestions
    assert len(states()) == 51
