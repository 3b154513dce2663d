"""The U.S. tile-grid layout: all 50 states and DC, each once, no two on the same square."""

from __future__ import annotations

import shutil

import pytest

from nap_desktop.core.catalog.loader import load_catalog_with_problems
from nap_desktop.core.charts.tilegrid import STATES, load_layout
from nap_desktop.paths import data_dir


def test_layout_places_50_states_and_dc_once_without_overlap():
    tiles = load_layout(data_dir())
    assert len(STATES) == 51 and "DC" in STATES
    assert set(tiles) == set(STATES)
    cells = [(t.row, t.col) for t in tiles.values()]
    assert len(cells) == len(set(cells)) == 51
    assert all(t.name and t.name_es for t in tiles.values())
    # Spanish names as Mexican usage writes them (name_es), read by core/catalog/states.py and the tile map
    assert (tiles["NM"].name_es, tiles["MO"].name_es, tiles["DC"].name_es) == ("Nuevo México", "Misuri",
                                                                               "Distrito de Columbia")


def test_layout_is_roughly_geographic():
    tiles = load_layout(data_dir())
    assert tiles["WA"].col < tiles["ME"].col and tiles["CA"].col < tiles["NY"].col
    assert tiles["TX"].row > tiles["ND"].row and tiles["FL"].row > tiles["NY"].row


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("TX,Texas,Texas,7,4", "TX,Texas,Texas,2,1"), "overlaps WA at row 2, col 1"),
    (lambda t: t.replace("DC,District of Columbia,Distrito de Columbia,5,9\n", ""), "states missing from the layout: DC"),
    (lambda t: t + "TX,Texas,Texas,9,9\n", "state TX placed twice"),
    (lambda t: t.replace("AK,Alaska,Alaska,0,0", "XX,Nowhere,Ninguno,0,0"), "unknown state code 'XX'"),
])
def test_broken_layouts_are_reported_file_line(tmp_path, edit, message):
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    path = root / "layouts" / "us_tile_grid.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    problems = [str(p) for p in load_catalog_with_problems(root)[1]]
    assert any(p.startswith("layouts/us_tile_grid.csv:") and message in p for p in problems), problems
