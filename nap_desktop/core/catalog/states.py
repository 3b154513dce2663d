"""The 50 U.S. states and DC: postal code, English and Spanish names (as Mexican usage writes them),
their square on the tile-grid map (data/layouts/us_tile_grid.csv), and finding one from what a user
types (a postal code or a name in either language, any case, accents optional)."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: code -> (English name, Spanish name as a Mexican economist writes it)
NAMES: dict[str, tuple[str, str]] = {
    "AL": ("Alabama", "Alabama"), "AK": ("Alaska", "Alaska"), "AZ": ("Arizona", "Arizona"),
    "AR": ("Arkansas", "Arkansas"), "CA": ("California", "California"), "CO": ("Colorado", "Colorado"),
    "CT": ("Connecticut", "Connecticut"), "DE": ("Delaware", "Delaware"),
    "DC": ("District of Columbia", "Distrito de Columbia"), "FL": ("Florida", "Florida"),
    "GA": ("Georgia", "Georgia"), "HI": ("Hawaii", "Hawái"), "ID": ("Idaho", "Idaho"),
    "IL": ("Illinois", "Illinois"), "IN": ("Indiana", "Indiana"), "IA": ("Iowa", "Iowa"),
    "KS": ("Kansas", "Kansas"), "KY": ("Kentucky", "Kentucky"), "LA": ("Louisiana", "Luisiana"),
    "ME": ("Maine", "Maine"), "MD": ("Maryland", "Maryland"), "MA": ("Massachusetts", "Massachusetts"),
    "MI": ("Michigan", "Michigan"), "MN": ("Minnesota", "Minnesota"), "MS": ("Mississippi", "Misisipi"),
    "MO": ("Missouri", "Misuri"), "MT": ("Montana", "Montana"), "NE": ("Nebraska", "Nebraska"),
    "NV": ("Nevada", "Nevada"), "NH": ("New Hampshire", "Nuevo Hampshire"), "NJ": ("New Jersey", "Nueva Jersey"),
    "NM": ("New Mexico", "Nuevo México"), "NY": ("New York", "Nueva York"),
    "NC": ("North Carolina", "Carolina del Norte"), "ND": ("North Dakota", "Dakota del Norte"),
    "OH": ("Ohio", "Ohio"), "OK": ("Oklahoma", "Oklahoma"), "OR": ("Oregon", "Oregón"),
    "PA": ("Pennsylvania", "Pensilvania"), "RI": ("Rhode Island", "Rhode Island"),
    "SC": ("South Carolina", "Carolina del Sur"), "SD": ("South Dakota", "Dakota del Sur"),
    "TN": ("Tennessee", "Tennessee"), "TX": ("Texas", "Texas"), "UT": ("Utah", "Utah"),
    "VT": ("Vermont", "Vermont"), "VA": ("Virginia", "Virginia"), "WA": ("Washington", "Washington"),
    "WV": ("West Virginia", "Virginia Occidental"), "WI": ("Wisconsin", "Wisconsin"), "WY": ("Wyoming", "Wyoming"),
}


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
    """What the user typed is not one of the 50 states or DC; ``suggestions`` are the closest names."""

    def __init__(self, text: str, suggestions: list[str]):
        super().__init__(text)
        self.text = text
        self.suggestions = suggestions


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    for mark in ".,-":
        text = text.replace(mark, " ")
    words = text.casefold().split()
    # "D C" and "DC" are one word
    joined = " ".join(words).replace("d c", "dc") if "d c" in " ".join(words) else " ".join(words)
    return joined


@lru_cache(maxsize=1)
def states() -> tuple[State, ...]:
    """The 51, in the tile map's reading order (row, then column)."""
    from nap_desktop.core.charts.tilegrid import load_layout
    from nap_desktop.paths import data_dir

    tiles = load_layout(data_dir())
    out = [State(code, en, es, tiles[code].row, tiles[code].col) for code, (en, es) in NAMES.items()]
    return tuple(sorted(out, key=lambda s: (s.row, s.col)))


@lru_cache(maxsize=1)
def _index() -> dict[str, State]:
    index: dict[str, State] = {}
    for s in states():
        for key in (s.code, s.name_en, s.name_es):
            index[_fold(key)] = s
    index[_fold("Washington DC")] = index[_fold("DC")]
    index[_fold("Washington D C")] = index[_fold("DC")]
    index[_fold("Distrito de Columbia")] = index[_fold("DC")]
    return index


def resolve_state(text: str) -> State:
    """The state a user means: 'TX', 'tx', 'Texas', 'nuevo mexico', 'Nuevo México', 'Misuri'."""
    key = _fold(str(text or ""))
    found = _index().get(key)
    if found is not None:
        return found
    names = [s.name_en for s in states()] + [s.name_es for s in states() if s.name_es != s.name_en]
    folded = {_fold(n): n for n in names}
    close = difflib.get_close_matches(key, list(folded), n=3, cutoff=0.6)
    if not close:  # a prefix ("carolina") is a fair guess too
        close = [k for k in folded if k.startswith(key)][:3] if key else []
    raise UnknownState(str(text), list(dict.fromkeys(folded[c] for c in close)))
