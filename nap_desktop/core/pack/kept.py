"""Keeping a pack item's old figure after the catalog changed (an agency update, a new data version).

"Keep copy" in the pack-updates dialog marks the copy: its note says the figure is as of its source's
date and what the catalog shows now, so every output of the pack says it (card, slide notes,
workbook); and the mark remembers what the catalog showed when the user chose, so the pack does not
ask again until the catalog changes once more. "Take update" replaces the copy (snapshot.take_update)
and the mark goes with it.

    keep_copy(pack, uid, catalog, today) -> Pack
    kept_against_current(item, catalog) -> bool     the user already kept this copy against this catalog
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.pack.packfile import Pack, PackItem


def _digest(copy: dict[str, Any] | None) -> str:
    from nap_desktop.core.pack.snapshot import _comparable

    if copy is None:
        return ""
    return hashlib.sha256(json.dumps(_comparable(copy), sort_keys=True, ensure_ascii=False,
                                     default=str).encode("utf-8")).hexdigest()[:32]


def _as_of(copy: dict[str, Any]) -> str:
    """The latest date among the copy's sources (what "as of" means for a figure), else ""."""
    dates = [str(s.get("date", "")) for s in copy.get("sources", []) or [] if isinstance(s, dict) and s.get("date")]
    return max(dates) if dates else ""


def kept_against_current(item: PackItem, catalog: Catalog) -> bool:
    from nap_desktop.core.pack.snapshot import copy_of

    mark = (item.copy or {}).get("kept")
    return isinstance(mark, dict) and bool(mark.get("against")) and mark.get("against") == _digest(copy_of(item, catalog))


def keep_copy(pack: Pack, uid: str, catalog: Catalog, today: date | None = None) -> Pack:
    """The item ``uid`` keeps its copy, marked as of its date with the catalog's newer figure named."""
    from nap_desktop.core.pack.snapshot import _figure, copy_of

    today = today or date.today()
    items = []
    for item in pack.items:
        if item.uid == uid and item.copy and item.kind in ("fact", "chart"):
            item = _marked(item, copy_of(item, catalog), today, _figure)
        items.append(item)
    return pack.with_items(items)


def _marked(item: PackItem, current: dict[str, Any] | None, today: date, figure: Any) -> PackItem:
    copy = json.loads(json.dumps(item.copy))
    old_mark = copy.pop("kept", None)
    as_of = _as_of(copy)
    newer_en = figure(current, "en")[0] if current else ""
    newer_es = figure(current, "es")[0] if current else ""
    when = as_of or today.isoformat()
    line_en = (f"Figure as of {when}, kept in this pack on {today.isoformat()}"
               + (f"; the catalog now shows {newer_en}." if newer_en else "."))
    line_es = (f"Cifra al {when}, conservada en este paquete el {today.isoformat()}"
               + (f"; el catálogo muestra ahora {newer_es}." if newer_es else "."))
    target = copy if item.kind == "fact" else copy.setdefault("spec", {})
    keys = ("note_en", "note_es") if item.kind == "fact" else ("notes_en", "notes_es")
    for key, line in zip(keys, (line_en, line_es)):
        text = str(target.get(key) or "")
        if isinstance(old_mark, dict) and old_mark.get(key) and text.endswith(old_mark[key]):
            text = text[: -len(old_mark[key])].rstrip()  # one mark at a time: the latest choice
        target[key] = (text + " " + line).strip() if text else line
    copy["kept"] = {"on": today.isoformat(), "as_of": as_of, "newer": newer_en, "against": _digest(current),
                    keys[0]: line_en, keys[1]: line_es}
    return replace(item, copy=copy)
