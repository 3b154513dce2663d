"""The 50 U.S. states and DC: postal code, English and Spanish names, their square on the tile-grid map,
and finding one from what a user types. Qt-free.

The names and squares are data: ``data/layouts/us_tile_grid.csv`` (columns state, name, name_es, row,
col), the Spanish name as a Mexican economist writes it (Nuevo México, Carolina del Norte, Misuri,
Luisiana, Pensilvania, Hawái, Oregón, Michigan, Distrito de Columbia…).

    states()            -> tuple[State, ...]   the 51, in the tile map's reading order (row, then column)
    state_by_code(code) -> State | None        "TX" -> Texas (exact postal code, any case)
    resolve_state(text) -> State               a postal code or a name in either language, any case,
                                               accents and punctuation optional ("nuevo mexico", "D.C.")
                                               raises UnknownState(text, suggestions) otherwise
    suggest_states(text, n=3) -> list[State]   the closest states: names that start with or contain what
                                               was typed, then difflib's closest folded names
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class State:
    code: str
    name_en: str
    name_es: str
    row: int
    col: int

    def name(self, lang: str) -> str:
        return self.name_es if lang == "es" else self.name_en


class UnknownState(LookupError):
    """What the user typed is not one of the 50 states or DC; ``suggestions`` are the closest names
    (English names, then Spanish ones where they differ), ``closest`` the closest states."""

    def __init__(self, text: str, suggestions: list[str], closest: tuple[State, ...] = ()):
        super().__init__(text)
        self.text = text
        self.suggestions = suggestions
        self.closest = closest

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"not a U.S. state or DC: {self.text!r}{hint}"


#: other ways users write a state (folded like everything else)
ALIASES = {"DC": ("Washington DC", "Washington D.C.", "D.C.", "Washington, Distrito de Columbia")}


def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces: 'Nuevo México' -> 'nuevo mexico'."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")  # 'D. C.', 'DC' and 'd.c.' are one key


def _root() -> Path:
    from nap_desktop.paths import data_dir

    return data_dir()


@lru_cache(maxsize=4)
def _states(root: Path) -> tuple[State, ...]:
    from nap_desktop.core.charts.tilegrid import STATES, load_layout

    tiles = load_layout(root)  # raises ValueError("layouts/us_tile_grid.csv:LINE: …") on a bad layout
    missing = [code for code in STATES if not (tiles[code].name and tiles[code].name_es)]
    if missing:
        raise ValueError(f"layouts/us_tile_grid.csv: no name or name_es for {', '.join(missing)}")
    out = [State(code, tiles[code].name, tiles[code].name_es, tiles[code].row, tiles[code].col) for code in STATES]
    return tuple(sorted(out, key=lambda s: (s.row, s.col)))


def states(root: Path | None = None) -> tuple[State, ...]:
    """The 50 states and DC, in the tile map's reading order (row, then column)."""
    return _states(Path(root) if root is not None else _root())


@lru_cache(maxsize=4)
def _index(root: Path) -> dict[str, State]:
    index: dict[str, State] = {}
    for s in _states(root):
        for key in (s.code, s.name_en, s.name_es, *ALIASES.get(s.code, ())):
            index[_compact(key)] = s
    return index


def state_by_code(code: str, root: Path | None = None) -> State | None:
    code = str(code or "").strip().upper()
    return next((s for s in states(root) if s.code == code), None)


def suggest_states(text: str, n: int = 3, root: Path | None = None) -> list[State]:
    """The states whose names are closest to ``text`` (at most ``n``), best first."""
    everyone = states(root)
    names: dict[str, State] = {}
    for s in everyone:
        names.setdefault(fold(s.name_en), s)
        names.setdefault(fold(s.name_es), s)
    key = fold(text)
    picked: list[State] = []
    if key:
        for name in sorted(names):  # "carolina" -> North and South Carolina first; "dakota" -> both Dakotas
            if name.startswith(key) or (len(key) >= 4 and key in name):
                picked.append(names[name])
        for name in difflib.get_close_matches(key, list(names), n=n * 2, cutoff=0.6):  # typos: "Texsa"
            picked.append(names[name])
    return list(dict.fromkeys(picked))[:n]


def resolve_state(text: str, root: Path | None = None) -> State:
    """The state a user means: 'TX', 'tx', 'Texas', 'nuevo mexico', 'Nuevo México', 'Misuri', 'D.C.'.
    Raises UnknownState with the closest names when nothing matches."""
    path = Path(root) if root is not None else _root()
    found = _index(path).get(_compact(text))
    if found is not None:
        return found
    closest = tuple(suggest_states(text, root=path))
    names: list[str] = []
    for s in closest:
        names.append(s.name_en)
    for s in closest:
        if s.name_es != s.name_en:
            names.append(s.name_es)
    raise UnknownState(str(text), list(dict.fromkeys(names)), closest)
