"""core/catalog/states.py: the 51 (50 states and DC) from the tile-grid layout, and finding one from what a
user types: a postal code or a name in English or Spanish, any case, accents and punctuation optional."""

from __future__ import annotations

import shutil

import pytest

from nap_desktop.core.catalog.states import (UnknownState, fold, resolve_state, state_by_code, states,
                                             suggest_states)
from nap_desktop.core.charts.tilegrid import STATES, load_layout
from nap_desktop.paths import data_dir


def test_the_51_come_from_the_layout_in_reading_order():
    everyone = states()
    tiles = load_layout(data_dir())
    assert len(everyone) == 51 and {s.code for s in everyone} == set(STATES)
    assert [(s.row, s.col) for s in everyone] == sorted((s.row, s.col) for s in everyone)
    for s in everyone:
        assert (s.name_en, s.name_es, s.row, s.col) == (tiles[s.code].name, tiles[s.code].name_es,
                                                        tiles[s.code].row, tiles[s.code].col)
    assert everyone[0].code == "AK"


def test_spanish_names_follow_mexican_usage():
    es = {s.code: s.name_es for s in states()}
    assert {code: es[code] for code in ("NM", "NC", "SC", "ND", "SD", "MO", "LA", "PA", "WV", "NY", "NJ", "NH",
                                        "HI", "MS", "KS", "OR", "MI", "TN", "DC")} == {
        "NM": "Nuevo México", "NC": "Carolina del Norte", "SC": "Carolina del Sur", "ND": "Dakota del Norte",
        "SD": "Dakota del Sur", "MO": "Misuri", "LA": "Luisiana", "PA": "Pensilvania", "WV": "Virginia Occidental",
        "NY": "Nueva York", "NJ": "Nueva Jersey", "NH": "Nuevo Hampshire", "HI": "Hawái", "MS": "Misisipi",
        "KS": "Kansas", "OR": "Oregón", "MI": "Michigan", "TN": "Tennessee", "DC": "Distrito de Columbia"}
    assert state_by_code("nm").name("es") == "Nuevo México" and state_by_code("NM").name("en") == "New Mexico"
    assert state_by_code("DU") is None and state_by_code("") is None


@pytest.mark.parametrize("typed, code", [
    ("TX", "TX"), ("tx", "TX"), (" Tx ", "TX"), ("Texas", "TX"), ("TEXAS", "TX"),
    ("New Mexico", "NM"), ("nuevo mexico", "NM"), ("Nuevo México", "NM"), ("NUEVO MÉXICO", "NM"),
    ("misuri", "MO"), ("Missouri", "MO"), ("Carolina del Norte", "NC"), ("north carolina", "NC"),
    ("Hawaii", "HI"), ("hawai", "HI"), ("Hawái", "HI"), ("Oregon", "OR"), ("oregón", "OR"),
    ("Pensilvania", "PA"), ("Virginia Occidental", "WV"), ("virginia", "VA"), ("Washington", "WA"),
    ("DC", "DC"), ("d.c.", "DC"), ("D. C.", "DC"), ("Washington, D.C.", "DC"), ("washington dc", "DC"),
    ("District of Columbia", "DC"), ("distrito de columbia", "DC"), ("New  York", "NY"), ("nueva-york", "NY"),
])
def test_a_state_from_what_a_user_types(typed, code):
    assert resolve_state(typed).code == code


@pytest.mark.parametrize("typed, first", [("Texsa", "Texas"), ("Calfornia", "California"), ("Misouri", "Missouri"),
                                          ("Nuevo Mejico", "New Mexico"), ("carolina", "North Carolina")])
def test_an_unknown_state_raises_with_the_closest_names(typed, first):
    with pytest.raises(UnknownState) as err:
        resolve_state(typed)
    assert err.value.suggestions[0] == first
    assert err.value.closest and err.value.closest[0].name_en == first
    assert typed in str(err.value) and first in str(err.value)


def test_suggestions_name_both_carolinas_and_both_dakotas_and_nothing_for_gibberish():
    assert [s.code for s in suggest_states("carolina")][:2] == ["NC", "SC"]
    assert {s.code for s in suggest_states("dakota del")} == {"ND", "SD"}
    assert suggest_states("qqqq") == [] and suggest_states("") == []
    with pytest.raises(UnknownState) as err:
        resolve_state("qqqq")
    assert err.value.suggestions == [] and isinstance(err.value, LookupError)
    with pytest.raises(UnknownState):
        resolve_state("DU")  # the files' unknown state is not a state


def test_fold_drops_case_accents_and_punctuation():
    assert fold("  Nuevo  MÉXICO ") == "nuevo mexico"
    assert fold("Washington, D.C.") == "washington d c"


def test_states_read_another_data_folder_and_say_what_is_missing(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(data_dir() / "layouts", root / "layouts")
    path = root / "layouts" / "us_tile_grid.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("NM,New Mexico,Nuevo México,", "NM,New Mexico,Nuevo Méjico,"),
                    encoding="utf-8")
    assert state_by_code("NM", root).name_es == "Nuevo Méjico"
    assert resolve_state("nuevo mejico", root).code == "NM"
    path.write_text(path.read_text(encoding="utf-8").replace(",Nuevo Méjico,", ",,"), encoding="utf-8")
    other = tmp_path / "other"
    shutil.copytree(root, other)
    with pytest.raises(ValueError, match="name_es for NM"):
        states(other)
