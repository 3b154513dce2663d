"""The briefing pack: what an advocate takes into a meeting, and its versioned file format (.napbrief)."""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

FORMAT = "napbrief"
#: 1: items are references (ids) only.  2: each fact/chart item also carries ``copy``, what it showed
#: when added (see core/pack/snapshot.py); version-1 files open as packs without copies and are
#: written back as version 2.
SCHEMA_VERSION = 2
ITEM_KINDS = ("fact", "chart", "note", "divider")


class PackFileError(Exception):
    """A pack file that cannot be opened; the message is meant for the user."""


def _new_uid() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True)
class PackItem:
    """One entry in the pack. ``ref`` is a fact id (kind fact) or chart id (kind chart)."""

    kind: str
    ref: str = ""
    text: str = ""  # the note's text, or the divider's title
    talking_points: str = ""
    uid: str = field(default_factory=_new_uid)
    #: what a fact/chart item showed when added (plain JSON; see core/pack/snapshot.py); None = no copy yet
    copy: dict[str, Any] | None = field(default=None, hash=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "ref": self.ref, "text": self.text,
                                "talking_points": self.talking_points, "uid": self.uid}
        if self.copy is not None:
            data["copy"] = self.copy
        return data


@dataclass(frozen=True)
class Pack:
    title: str = ""
    audience: str = ""
    meeting_date: str = ""  # ISO date, may be empty
    lang: str = "en"
    items: tuple[PackItem, ...] = ()

    def with_items(self, items: list[PackItem] | tuple[PackItem, ...]) -> Pack:
        return replace(self, items=tuple(items))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": SCHEMA_VERSION,
            "title": self.title,
            "audience": self.audience,
            "meeting_date": self.meeting_date,
            "lang": self.lang,
            "items": [item.to_json() for item in self.items],
        }

    @classmethod
    def from_json(cls, data: Any) -> Pack:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise PackFileError("This is not a NAP Briefing pack (.napbrief) file.")
        version = data.get("version")
        if not isinstance(version, int) or version < 1:
            raise PackFileError("The pack file has no valid format version.")
        if version > SCHEMA_VERSION:
            raise PackFileError(
                f"This pack was saved by a newer version of NAP Briefing (file format {version}; "
                f"this version reads up to {SCHEMA_VERSION}). Update the app to open it.")
        items = []
        raw_items = data.get("items", [])
        if not isinstance(raw_items, list):
            raise PackFileError("The pack file is damaged: its item list is not a list.")
        for position, raw in enumerate(raw_items, start=1):
            if not isinstance(raw, dict) or raw.get("kind") not in ITEM_KINDS:
                raise PackFileError(f"The pack file is damaged: item {position} is not a fact, chart, note or divider.")
            items.append(PackItem(
                kind=raw["kind"], ref=_text(raw.get("ref")), text=_text(raw.get("text")),
                talking_points=_text(raw.get("talking_points")), uid=_unique_uid(raw.get("uid"), items),
                copy=_copy(raw.get("copy"), raw["kind"])))
        lang = data.get("lang", "en")
        return cls(title=_text(data.get("title")), audience=_text(data.get("audience")),
                   meeting_date=_text(data.get("meeting_date")),
                   lang=lang if lang in ("en", "es") else "en", items=tuple(items))


def _copy(value: Any, kind: str) -> dict[str, Any] | None:
    """An item's saved copy (schema 2); anything that is not a copy of a fact/chart is ignored, not fatal."""
    if kind in ("fact", "chart") and isinstance(value, dict) and value.get("kind") == kind:
        return value
    return None


def _unique_uid(value: Any, earlier: list[PackItem]) -> str:
    """Item ids identify rows while editing; a missing or repeated id (hand-edited file) gets a fresh one."""
    uid = str(value) if value else ""
    if not uid or any(item.uid == uid for item in earlier):
        return _new_uid()
    return uid


def _text(value: Any) -> str:
    """A text field as saved; a missing or null field is empty, never the word "None"."""
    return "" if value is None else str(value)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it: a failure leaves the old file intact."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save_pack(pack: Pack, path: Path) -> None:
    payload = json.dumps(pack.to_json(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    atomic_write_bytes(Path(path), payload)


def load_pack(path: Path) -> Pack:
    """Read a .napbrief; any problem raises PackFileError with a message for the user."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackFileError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise PackFileError(f"{path.name} is not a pack file (it is not UTF-8 text).") from exc
    except json.JSONDecodeError as exc:
        raise PackFileError(
            f"{path.name} is damaged or incomplete (line {exc.lineno}: {exc.msg}); nothing was changed.") from exc
    return Pack.from_json(data)


def missing_refs(pack: Pack, fact_ids: set[str], chart_ids: set[str]) -> list[PackItem]:
    """Items that point at a fact or chart the catalog no longer has (they open, marked)."""
    return [i for i in pack.items
            if (i.kind == "fact" and i.ref not in fact_ids) or (i.kind == "chart" and i.ref not in chart_ids)]
