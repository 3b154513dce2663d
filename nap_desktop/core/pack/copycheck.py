"""What an item's copy in a pack file may hold, checked field by field before anything uses it.

A copy (core/pack/snapshot.py) is plain JSON written by this app; a hand-edited, damaged or hostile
file can put anything there. Two outcomes besides "fine":

- **damaged**: a field of the wrong type or shape (a unit that is a number, a section ``order`` that
  is text, ``category_labels_en`` shorter than ``categories``, a value out of any sane range). The
  pack is refused: :class:`CopyDamaged` names the field's path (``items[0].copy.unit``); the pack
  loader turns it into a PackFileError, so the command line exits 2 and the window says why, never a
  traceback.
- **unknown**: well-formed, but holding a value this version does not know: a unit, qualifier, chart
  kind or source status that a newer data version may add (``copy.unit = "furlongs"``), or a copy of a
  kind it has never heard of. The pack opens; the item is shown without its copy (as the catalog has
  it now, or as missing), the copy is kept unchanged in the file, and the reason is said
  (:func:`check_copy` returns it in English and Spanish).

    check_copy(value, kind, where) -> (copy | None, reason | None)   raises CopyDamaged
"""

from __future__ import annotations

import math
import re
from typing import Any

#: a headline figure or chart value: far above any real one (world GDP is ~1e14 USD), far below overflow
MAX_ABS_VALUE = 1e15
MAX_DECIMALS = 6
MAX_ORDER = 10_000
MAX_TILE = 100  # a tile map's rows and columns (the U.S. grid is 8 x 12)


class CopyDamaged(Exception):
    """A copy whose field ``where`` has the wrong type or shape; ``detail`` says what is wrong."""

    def __init__(self, where: str, detail: str):
        super().__init__(f"{where}: {detail}")
        self.where = where
        self.detail = detail


class _Unknown(Exception):
    def __init__(self, where: str, what: str, value: str, what_es: str):
        super().__init__(where)
        self.where, self.what, self.value, self.what_es = where, what, value, what_es


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, str):
        return "text"
    return "nothing" if value is None else type(value).__name__


def _count(n: int, word: str) -> str:
    plural = "categories" if word == "category" else word + "s"
    return f"{n:,} {word if n == 1 else plural}"


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:40] + "…")


# ---- field checks ------------------------------------------------------------------------------
def _text(d: dict, key: str, where: str, *, null: bool = True) -> None:
    value = d.get(key)
    if value is None and null:
        return
    if not isinstance(value, str):
        raise CopyDamaged(f"{where}.{key}", f"expected text, got {_type_name(value)}")


def _number(d: dict, key: str, where: str) -> None:
    value = d.get(key)
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CopyDamaged(f"{where}.{key}", f"expected a number, got {_type_name(value)}")
    _in_range(value, f"{where}.{key}")


def _in_range(value: float, where: str) -> None:
    if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
        raise CopyDamaged(where, f"{value:g} is out of range (at most ±{MAX_ABS_VALUE:g})")


def _whole(d: dict, key: str, where: str, low: int, high: int) -> None:
    value = d.get(key)
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise CopyDamaged(f"{where}.{key}", f"expected a whole number, got {_type_name(value)}")
    if not low <= value <= high:
        raise CopyDamaged(f"{where}.{key}", f"{value} is out of range ({low} to {high})")


def _list(d: dict, key: str, where: str) -> list:
    value = d.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise CopyDamaged(f"{where}.{key}", f"expected a list, got {_type_name(value)}")
    return value


def _group(d: dict, key: str, where: str) -> dict | None:
    value = d.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise CopyDamaged(f"{where}.{key}", f"expected a group of fields, got {_type_name(value)}")
    return value


def _texts(d: dict, key: str, where: str) -> list:
    items = _list(d, key, where)
    for n, value in enumerate(items):
        if not isinstance(value, str):
            raise CopyDamaged(f"{where}.{key}[{n}]", f"expected text, got {_type_name(value)}")
    return items


#: the unknown values found in the copy being checked (check_copy resets it; one check at a time per thread)
_FOUND = __import__("threading").local()


_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


def _color(value: Any, where: str, *, empty: bool = False) -> None:
    if value is None or (empty and value == ""):
        return
    if not isinstance(value, str):
        raise CopyDamaged(where, f"expected a colour (#RRGGBB), got {_type_name(value)}")
    if not _COLOR.fullmatch(value):
        raise CopyDamaged(where, f"{_shown(value)} is not a colour (#RRGGBB)")


def _known(d: dict, key: str, where: str, known: Any, what: str, what_es: str, default: str | None = None) -> None:
    value = d.get(key, default)
    if value is None:
        return
    if value not in known:
        found = getattr(_FOUND, "items", None)
        unknown = _Unknown(f"{where}.{key}", what, str(value), what_es)
        if found is None:
            raise unknown
        found.append(unknown)


# ---- parts ---------------------------------------------------------------------------------------
_SOURCE_TEXT = ("id", "publisher", "title", "url", "date", "status", "note", "origin", "title_es", "note_es",
                "publisher_es", "no_url_reason", "no_url_reason_es", "no_date_reason", "no_date_reason_es")
_SECTION_TEXT = ("id", "title_en", "title_es", "color")
_FACT_TEXT = ("id", "section", "topic", "unit", "period", "qualifier", "text_en", "text_es", "title_en", "title_es",
              "label_en", "label_es", "note_en", "note_es", "chart", "origin", "file")
_SPEC_TEXT = ("id", "kind", "dataset", "title_en", "title_es", "subtitle_en", "subtitle_es", "message_en",
              "message_es", "x_title_en", "x_title_es", "y_title_en", "y_title_es", "unit", "status", "notes_en",
              "notes_es", "origin")


def _source(value: Any, where: str) -> None:
    if isinstance(value, str):
        return  # an id (an older copy's form)
    if not isinstance(value, dict):
        raise CopyDamaged(where, f"expected a source (a group of fields), got {_type_name(value)}")
    for key in _SOURCE_TEXT:
        _text(value, key, where)
    from nap_desktop.core.catalog.model import STATUSES

    _known(value, "status", where, STATUSES, "source status", "un estatus de fuente")


def _sources(d: dict, key: str, where: str) -> None:
    for n, entry in enumerate(_list(d, key, where)):
        _source(entry, f"{where}.{key}[{n}]")


def _section(value: Any, where: str) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise CopyDamaged(where, f"expected a group of fields, got {_type_name(value)}")
    for key in _SECTION_TEXT:
        _text(value, key, where)
    _color(value.get("color"), f"{where}.color")
    _whole(value, "order", where, -MAX_ORDER, MAX_ORDER)


def _fact(d: dict, where: str) -> None:
    from nap_desktop.core.formatting import QUALIFIERS, UNITS

    for key in _FACT_TEXT:
        _text(d, key, where)
    _number(d, "value", where)
    _number(d, "value_max", where)
    _whole(d, "decimals", where, 0, MAX_DECIMALS)
    _whole(d, "line", where, 0, 10 ** 9)
    _texts(d, "countries", where)
    _sources(d, "sources", where)
    _section(d.get("section_copy"), f"{where}.section_copy")
    _known(d, "unit", where, UNITS, "unit", "una unidad")
    _known(d, "qualifier", where, QUALIFIERS, "qualifier", "un calificador")


def _spec(spec: dict, where: str) -> None:
    from nap_desktop.core.charts.spec import KINDS
    from nap_desktop.core.catalog.model import STATUSES
    from nap_desktop.core.formatting import UNITS

    for key in _SPEC_TEXT:
        _text(spec, key, where)
    _whole(spec, "decimals", where, 0, MAX_DECIMALS)
    categories = _texts(spec, "categories", where)
    n = len(categories)
    for key in ("category_labels_en", "category_labels_es"):
        labels = _texts(spec, key, where)
        if key in spec and spec[key] is not None and len(labels) != n:
            raise CopyDamaged(f"{where}.{key}", f"has {_count(len(labels), 'label')} for {_count(n, 'category')}")
    for i, series in enumerate(_list(spec, "series", where)):
        at = f"{where}.series[{i}]"
        if not isinstance(series, dict):
            raise CopyDamaged(at, f"expected a series (a group of fields), got {_type_name(series)}")
        for key in ("key", "label_en", "label_es", "color"):
            _text(series, key, at)
        _color(series.get("color"), f"{at}.color")
        values = _list(series, "values", at)
        if len(values) != n:
            raise CopyDamaged(f"{at}.values", f"has {_count(len(values), 'value')} for {_count(n, 'category')}")
        for j, v in enumerate(values):
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise CopyDamaged(f"{at}.values[{j}]", f"expected a number or nothing, got {_type_name(v)}")
            _in_range(v, f"{at}.values[{j}]")
    for i, gap in enumerate(_list(spec, "gaps", where)):
        at = f"{where}.gaps[{i}]"
        if not isinstance(gap, dict):
            raise CopyDamaged(at, f"expected a gap (a group of fields), got {_type_name(gap)}")
        for key in ("category", "series", "reason_en", "reason_es"):
            _text(gap, key, at)
    for key in ("sources", "highlight", "category_colors", "facts"):
        _texts(spec, key, where)
    for n_color, color in enumerate(spec.get("category_colors") or []):
        _color(color, f"{where}.category_colors[{n_color}]", empty=True)
    if not categories:
        raise CopyDamaged(f"{where}.categories", "is empty: a chart's copy holds at least one category")
    if not spec.get("series"):
        raise CopyDamaged(f"{where}.series", "is empty: a chart's copy holds at least one series")
    extra = _group(spec, "extra", where) or {}
    _extra(extra, f"{where}.extra")
    _known(spec, "kind", where, KINDS, "chart kind", "un tipo de gráfica")
    _known(spec, "unit", where, UNITS, "unit", "una unidad")
    _known(spec, "status", where, STATUSES, "status", "un estatus")


def _extra(extra: dict, where: str) -> None:
    positions = _group(extra, "positions", where) or {}
    for cat, pos in positions.items():
        at = f"{where}.positions.{cat}"
        if (not isinstance(pos, list) or len(pos) != 2
                or not all(isinstance(p, int) and not isinstance(p, bool) for p in pos)):
            raise CopyDamaged(at, f"expected [row, column], got {_type_name(pos)}")
        if not all(0 <= p < MAX_TILE for p in pos):
            raise CopyDamaged(at, f"{pos} is out of range (0 to {MAX_TILE - 1})")
    for key in ("classes", "class_colors", "dates"):
        for k, v in (_group(extra, key, where) or {}).items():
            if not isinstance(v, str):
                raise CopyDamaged(f"{where}.{key}.{k}", f"expected text, got {_type_name(v)}")
            if key == "class_colors":
                _color(v, f"{where}.{key}.{k}")
    for k, v in (_group(extra, "class_labels", where) or {}).items():
        at = f"{where}.class_labels.{k}"
        if not isinstance(v, dict):
            raise CopyDamaged(at, f"expected a group of fields, got {_type_name(v)}")
        for lang in ("en", "es"):
            _text(v, lang, at)


def _chart(copy: dict, where: str) -> None:
    spec = _group(copy, "spec", where)
    if spec is None:
        raise CopyDamaged(f"{where}.spec", "missing: a chart's copy holds its spec")
    _spec(spec, f"{where}.spec")
    _sources(copy, "sources", where)
    _section(copy.get("section"), f"{where}.section")
    for n, fact in enumerate(_list(copy, "facts", where)):
        at = f"{where}.facts[{n}]"
        if not isinstance(fact, dict):
            raise CopyDamaged(at, f"expected a fact's copy (a group of fields), got {_type_name(fact)}")
        _fact(fact, at)


def check_copy(value: Any, kind: str, where: str) -> tuple[dict | None, dict[str, str] | None]:
    """(copy, None) when ``value`` is a copy this version shows; (None, reason) when it is well-formed but
    holds what this version does not know (``reason`` = {"en": …, "es": …}: keep the copy, show the item
    without it); (None, None) when there is none. Raises :class:`CopyDamaged` naming the field."""
    if value is None or kind not in ("fact", "chart"):
        return None, None  # notes and dividers carry no copy (anything there was never read)
    if not isinstance(value, dict):
        raise CopyDamaged(where, f"expected a copy (a group of fields), got {_type_name(value)}")
    copy_kind = value.get("kind")
    if not isinstance(copy_kind, str):
        raise CopyDamaged(f"{where}.kind", f"expected text, got {_type_name(copy_kind)}")
    if copy_kind != kind:
        if copy_kind in ("fact", "chart", "note", "divider"):
            raise CopyDamaged(f"{where}.kind", f"a copy of a {copy_kind} on a {kind} item")
        unknowns = [_Unknown(f"{where}.kind", "kind of copy", copy_kind, "un tipo de copia")]
    else:
        _FOUND.items = []
        try:  # every field's type first (a damaged copy is refused even where a value is also unknown)
            (_fact if kind == "fact" else _chart)(value, where)
            unknowns = _FOUND.items
        finally:
            _FOUND.items = None
    if unknowns:
        unknown = unknowns[0]
        return None, {
            "en": f"{unknown.where}: {_shown(unknown.value)} is a {unknown.what} this version of NAP Briefing does "
                  "not know (the pack was probably saved with a newer version or newer data); the item is shown "
                  "without its copy and the copy is kept unchanged in the file",
            "es": f"{unknown.where}: {_shown(unknown.value)} es {unknown.what_es} que esta versión de NAP "
                  "Briefing no conoce (probablemente el paquete se guardó con una versión o datos más recientes); "
                  "el elemento se muestra sin su copia y la copia se conserva sin cambios en el archivo",
        }
    return value, None


__all__ = ["CopyDamaged", "check_copy", "MAX_ABS_VALUE"]
