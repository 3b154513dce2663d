"""The U.S. tile-grid map layout (data/layouts/us_tile_grid.csv): one square per state + DC, with the
state's English name and its Spanish name as Mexican usage writes it (``name_es``: Nuevo México, Misuri)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
          "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC").split()
LAYOUT_FILE = "layouts/us_tile_grid.csv"


@dataclass(frozen=True)
class Tile:
    state: str
    name: str
    row: int
    col: int
    line: int = 0
    name_es: str = ""  # the layout's name_es column ("" in a layout without it)


def load_layout(root: Path, loader: Any = None) -> dict[str, Tile]:
    """Read and validate the layout; problems go to loader.problem(FILE, LINE, message) if given."""

    def problem(line: int, message: str) -> None:
        if loader is not None:
            loader.problem(LAYOUT_FILE, line, message)
        else:
            raise ValueError(f"{LAYOUT_FILE}:{line}: {message}")

    path = Path(root) / LAYOUT_FILE
    if path.is_dir():
        problem(0, "a folder where a file belongs")
        return {}
    if not path.is_file():
        problem(0, "missing file: the U.S. tile-grid layout (state,name,row,col)")
        return {}
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem(raw[: exc.start].count(b"\n") + 1, f"unreadable encoding: not UTF-8 (byte 0x{raw[exc.start]:02x})")
        return {}
    try:
        return _parse_layout(text, problem)
    except csv.Error as exc:
        problem(1, f"malformed CSV: {exc}")
        return {}


def _parse_layout(text: str, problem: Any) -> dict[str, Tile]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or not {"state", "name", "row", "col"} <= set(reader.fieldnames):
        problem(1, "malformed CSV header: needs columns state,name,row,col")
        return {}
    tiles: dict[str, Tile] = {}
    cells: dict[tuple[int, int], str] = {}
    end = 1
    for record in reader:
        start, end = end + 1, reader.line_num
        line = end
        if end > start and any("\n" in v for v in record.values() if isinstance(v, str)):
            problem(start, f"unclosed quote: the quoted field that starts on line {start} runs on to line {end}")
            return {}
        state = (record.get("state") or "").strip()
        try:
            r, c = int(record["row"]), int(record["col"])
        except (TypeError, ValueError):
            problem(line, f"state {state}: row and col must be whole numbers")
            continue
        if state not in STATES:
            problem(line, f"unknown state code {state!r}")
            continue
        if state in tiles:
            problem(line, f"state {state} placed twice (first at line {tiles[state].line})")
            continue
        if r < 0 or c < 0:
            problem(line, f"state {state}: row and col must not be negative")
            continue
        if (r, c) in cells:
            problem(line, f"state {state} overlaps {cells[(r, c)]} at row {r}, col {c}")
            continue
        cells[(r, c)] = state
        tiles[state] = Tile(state, (record.get("name") or "").strip(), r, c, line,
                            (record.get("name_es") or "").strip())
    missing = [s for s in STATES if s not in tiles]
    if missing:
        problem(0, f"states missing from the layout: {', '.join(missing)}")
    return tiles
