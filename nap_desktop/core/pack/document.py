"""The open briefing pack as an editable document: every user action is an undoable command (Qt-free)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from nap_desktop.core.pack.packfile import Pack, PackItem, _new_uid

META_FIELDS = ("title", "audience", "organisation", "meeting_date", "lang")


@dataclass(frozen=True)
class PackChange:
    """What changed, so a view can update precisely (a Qt adapter maps it to begin/end signals).

    kind:
      ``inserted``  an item now sits at ``row``
      ``removed``   the item that was at ``row`` is gone
      ``moved``     the item at ``row`` now sits at ``new_row``
      ``changed``   the item at ``row`` has new text or talking points (``fields`` says which)
      ``meta``      pack fields in ``fields`` changed (title, audience, organisation, meeting_date, lang)
      ``reset``     a different pack was loaded (Open, New, restore)
      ``saved``     nothing in the pack changed, but ``dirty``/``path`` may have (after a save)
      ``exists``    an add was ignored because the fact/chart is already at ``row`` (not undoable)
    """

    kind: str
    row: int = -1
    new_row: int = -1
    fields: tuple[str, ...] = ()


class Command:
    """One user action; ``do`` and ``undo`` return the change they made (glue-style)."""

    text = ""

    def do(self, doc: PackDocument) -> PackChange:
        raise NotImplementedError

    def undo(self, doc: PackDocument) -> PackChange:
        raise NotImplementedError

    def merge(self, other: Command) -> bool:
        """Absorb ``other`` (the next command) into this one; True if it did."""
        return False


def _items(doc: PackDocument) -> list[PackItem]:
    return list(doc.pack.items)


class InsertItem(Command):
    def __init__(self, item: PackItem, index: int, text: str):
        self.item, self.index, self.text = item, index, text

    def do(self, doc):
        items = _items(doc)
        items.insert(self.index, self.item)
        doc._set_pack(doc.pack.with_items(items))
        return PackChange("inserted", self.index)

    def undo(self, doc):
        row = doc.index_of(self.item.uid)
        items = _items(doc)
        del items[row]
        doc._set_pack(doc.pack.with_items(items))
        return PackChange("removed", row)


class RemoveItem(Command):
    text = "Remove item"

    def __init__(self, uid: str):
        self.uid = uid
        self.index = -1
        self.item: PackItem | None = None

    def do(self, doc):
        self.index = doc.index_of(self.uid)
        items = _items(doc)
        self.item = items.pop(self.index)
        doc._set_pack(doc.pack.with_items(items))
        return PackChange("removed", self.index)

    def undo(self, doc):
        items = _items(doc)
        items.insert(self.index, self.item)
        doc._set_pack(doc.pack.with_items(items))
        return PackChange("inserted", self.index)


class MoveItem(Command):
    text = "Move item"

    def __init__(self, uid: str, new_index: int):
        self.uid, self.new_index = uid, new_index
        self.old_index = -1

    @staticmethod
    def _move(doc: PackDocument, src: int, dst: int) -> PackChange:
        items = _items(doc)
        items.insert(dst, items.pop(src))
        doc._set_pack(doc.pack.with_items(items))
        return PackChange("moved", src, dst)

    def do(self, doc):
        self.old_index = doc.index_of(self.uid)
        return self._move(doc, self.old_index, self.new_index)

    def undo(self, doc):
        return self._move(doc, self.new_index, self.old_index)


class Macro(Command):
    """Several commands as one user action (one undo step): e.g. remove or duplicate a selection.

    Views update row by row, so every step but the last is reported while it runs; the last change is
    returned and reported by the document once the history is up to date."""

    def __init__(self, commands: list[Command], text: str):
        self.commands, self.text = list(commands), text

    def _run(self, doc: PackDocument, steps) -> PackChange:
        change = PackChange("saved")
        for position, step in enumerate(steps):
            if position:
                doc._emit(change)
            change = step(doc)
        return change

    def do(self, doc):
        return self._run(doc, [c.do for c in self.commands])

    def undo(self, doc):
        return self._run(doc, [c.undo for c in reversed(self.commands)])


class EditItem(Command):
    """Set one text field of an item (``talking_points`` or ``text``); typing merges into one step."""

    def __init__(self, uid: str, field: str, value: str, text: str):
        self.uid, self.field, self.value, self.text = uid, field, value, text
        self.old: str | None = None

    def _set(self, doc: PackDocument, value: str) -> PackChange:
        row = doc.index_of(self.uid)
        items = _items(doc)
        items[row] = replace(items[row], **{self.field: value})
        doc._set_pack(doc.pack.with_items(items))
        return PackChange("changed", row, fields=(self.field,))

    def do(self, doc):
        if self.old is None:
            self.old = getattr(doc.item(self.uid), self.field)
        return self._set(doc, self.value)

    def undo(self, doc):
        return self._set(doc, self.old)

    def merge(self, other):
        if isinstance(other, EditItem) and other.uid == self.uid and other.field == self.field:
            self.value = other.value
            return True
        return False


class SetMeta(Command):
    text = "Edit pack details"

    def __init__(self, values: dict[str, str]):
        self.values = dict(values)
        self.old: dict[str, str] = {}

    def do(self, doc):
        if not self.old:
            self.old = {k: getattr(doc.pack, k) for k in self.values}
        doc._set_pack(replace(doc.pack, **self.values))
        return PackChange("meta", fields=tuple(self.values))

    def undo(self, doc):
        doc._set_pack(replace(doc.pack, **self.old))
        return PackChange("meta", fields=tuple(self.old))

    def merge(self, other):
        # Typing a title letter by letter is one step; changing the language is not merged with it.
        if (isinstance(other, SetMeta) and set(other.values) == set(self.values)
                and "lang" not in self.values):
            self.values = dict(other.values)
            return True
        return False


_META_TEXT = {"title": "Edit title", "audience": "Edit audience", "organisation": "Edit presenter",
              "meeting_date": "Edit meeting date", "lang": "Change pack language"}


def _check_date(value: str) -> str:
    value = value.strip()
    if value:
        try:
            _dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"meeting date must be YYYY-MM-DD or empty, not {value!r}") from exc
    return value


class PackDocument:
    """The pack being edited, its file, whether it has unsaved changes, and its undo history.

    Adding a fact or chart that is already in the pack is ignored (a pack that says the same thing
    twice is a mistake in a briefing); subscribers get an ``exists`` change pointing at the item
    already there, so the interface can show it. Notes and dividers may repeat.
    """

    def __init__(self, pack: Pack | None = None, path: Path | None = None):
        self.pack: Pack = pack if pack is not None else Pack()
        self.path: Path | None = Path(path) if path is not None else None
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._saved: Command | None | bool = None  # top of the undo stack when saved; False = never clean
        self._merge_open = False
        self._subscribers: list[Callable[[PackChange], None]] = []

    # ---- state -------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        top = self._undo[-1] if self._undo else None
        return self._saved is False or top is not self._saved

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        return self._undo[-1].text if self._undo else ""

    @property
    def redo_text(self) -> str:
        return self._redo[-1].text if self._redo else ""

    def index_of(self, uid: str) -> int:
        for row, item in enumerate(self.pack.items):
            if item.uid == uid:
                return row
        raise KeyError(f"no item {uid!r} in the pack")

    def item(self, uid: str) -> PackItem:
        return self.pack.items[self.index_of(uid)]

    def find(self, kind: str, ref: str) -> PackItem | None:
        return next((i for i in self.pack.items if i.kind == kind and i.ref == ref), None)

    def subscribe(self, callback: Callable[[PackChange], None]) -> None:
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[PackChange], None]) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    # ---- commands ----------------------------------------------------------------------
    def add_fact(self, fact_id: str, index: int | None = None) -> str:
        """Add a fact; returns the item's uid (the existing one if the fact is already in the pack)."""
        return self._add_ref("fact", fact_id, index, "Add fact")

    def add_chart(self, chart_id: str, index: int | None = None) -> str:
        return self._add_ref("chart", chart_id, index, "Add chart")

    def add_note(self, text: str, index: int | None = None) -> str:
        return self._insert(PackItem(kind="note", text=text), index, "Add note")

    def add_divider(self, title: str, index: int | None = None) -> str:
        return self._insert(PackItem(kind="divider", text=title), index, "Add divider")

    def remove(self, uid: str) -> None:
        self.index_of(uid)
        self.push(RemoveItem(uid))

    def move(self, uid: str, new_index: int) -> None:
        """Move an item so that it ends up at ``new_index`` (clamped to the list)."""
        old = self.index_of(uid)
        new_index = max(0, min(new_index, len(self.pack.items) - 1))
        if new_index != old:
            self.push(MoveItem(uid, new_index))

    # ---- commands on a selection (each one undo step, whatever the number of items) -------------
    def add_refs(self, kind: str, refs: list[str], index: int | None = None) -> list[str]:
        """Add several facts or charts at ``index`` in their order, as one undo step. Refs already in the
        pack are skipped (an ``exists`` change points at the first of them when nothing was added);
        returns the uids of the items added."""
        if kind not in ("fact", "chart"):
            raise ValueError(f"only facts and charts are added by reference, not {kind!r}")
        count = len(self.pack.items)
        index = count if index is None else max(0, min(index, count))
        commands, uids, seen = [], [], set()
        for ref in refs:
            if ref in seen:
                continue
            seen.add(ref)
            if self.find(kind, ref) is not None:
                continue
            item = PackItem(kind=kind, ref=ref)
            commands.append(InsertItem(item, index + len(commands), ""))
            uids.append(item.uid)
        if not commands:
            existing = next((self.find(kind, r) for r in refs if self.find(kind, r) is not None), None)
            if existing is not None:
                self._emit(PackChange("exists", self.index_of(existing.uid)))
            return []
        single = {"fact": "Add fact", "chart": "Add chart"}[kind]
        several = {"fact": "Add facts", "chart": "Add charts"}[kind]
        if len(commands) == 1:
            commands[0].text = single
            self.push(commands[0])
        else:
            self.push(Macro(commands, several))
        return uids

    def _ordered(self, uids: list[str]) -> list[str]:
        """The given items that are in the pack, in pack order, each once."""
        wanted = set(uids)
        return [item.uid for item in self.pack.items if item.uid in wanted]

    def remove_many(self, uids: list[str]) -> None:
        """Remove several items as one undo step (undo puts each back where it was)."""
        uids = self._ordered(uids)
        if len(uids) == 1:
            self.remove(uids[0])
        elif uids:
            # from the bottom up, so each RemoveItem remembers its own row in the list as it was
            self.push(Macro([RemoveItem(uid) for uid in reversed(uids)], "Remove items"))

    def duplicate(self, uids: list[str]) -> list[str]:
        """Copy the items (talking points and saved copy included, new uids) right after the last of them,
        in pack order; one undo step. Returns the new uids."""
        uids = self._ordered(uids)
        if not uids:
            return []
        at = max(self.index_of(uid) for uid in uids) + 1
        copies = [replace(self.item(uid), uid=_new_uid()) for uid in uids]
        text = "Duplicate item" if len(copies) == 1 else "Duplicate items"
        commands = [InsertItem(copy, at + offset, text) for offset, copy in enumerate(copies)]
        self.push(commands[0] if len(commands) == 1 else Macro(commands, text))
        return [copy.uid for copy in copies]

    def move_to_edge(self, uids: list[str], edge: str) -> None:
        """Move the items, keeping their order, to the top (``edge="top"``) or the bottom of the pack."""
        if edge not in ("top", "bottom"):
            raise ValueError(f"edge must be 'top' or 'bottom', not {edge!r}")
        block = self._ordered(uids)
        rest = [item.uid for item in self.pack.items if item.uid not in set(block)]
        final = block + rest if edge == "top" else rest + block
        self._reorder(final, "Move to top" if edge == "top" else "Move to bottom")

    def move_block(self, uids: list[str], before_row: int) -> None:
        """Move the items, keeping their order, so they sit where row ``before_row`` of the list as it is
        now begins (a drop between rows); one undo step."""
        block = self._ordered(uids)
        chosen = set(block)
        current = [item.uid for item in self.pack.items]
        before_row = max(0, min(before_row, len(current)))
        rest = [uid for uid in current if uid not in chosen]
        start = sum(1 for uid in current[:before_row] if uid not in chosen)
        self._reorder(rest[:start] + block + rest[start:], "Move item" if len(block) == 1 else "Move items")

    def _reorder(self, final: list[str], text: str) -> None:
        """Reach the order ``final`` with the fewest single moves, pushed as one undo step."""
        order = [item.uid for item in self.pack.items]
        commands: list[Command] = []
        for target, uid in enumerate(final):
            if order[target] != uid:
                command = MoveItem(uid, target)
                command.text = text
                commands.append(command)
                order.insert(target, order.pop(order.index(uid)))
        if commands:
            self.push(commands[0] if len(commands) == 1 else Macro(commands, text))

    def set_talking_points(self, uid: str, text: str) -> None:
        if self.item(uid).talking_points != text:
            self.push(EditItem(uid, "talking_points", text, "Edit talking points"), merge=True)

    def set_note_text(self, uid: str, text: str) -> None:
        """The text of a note, or the title of a divider."""
        item = self.item(uid)
        if item.kind not in ("note", "divider"):
            raise ValueError(f"item {uid!r} is a {item.kind}; only notes and dividers have their own text")
        if item.text != text:
            label = "Edit note" if item.kind == "note" else "Edit divider"
            self.push(EditItem(uid, "text", text, label), merge=True)

    def set_meta(self, *, title: str | None = None, audience: str | None = None,
                 meeting_date: str | None = None, lang: str | None = None,
                 organisation: str | None = None) -> None:
        given = {"title": title, "audience": audience, "organisation": organisation,
                 "meeting_date": meeting_date, "lang": lang}
        values = {k: v for k, v in given.items() if v is not None}
        if "lang" in values and values["lang"] not in ("en", "es"):
            raise ValueError(f"pack language must be 'en' or 'es', not {values['lang']!r}")
        if "meeting_date" in values:
            values["meeting_date"] = _check_date(values["meeting_date"])
        values = {k: v for k, v in values.items() if getattr(self.pack, k) != v}
        if not values:
            return
        command = SetMeta(values)
        if len(values) == 1:
            command.text = _META_TEXT[next(iter(values))]
        self.push(command, merge=True)

    def end_merge(self) -> None:
        """The next edit starts a new undo step (call when the user moves to another field)."""
        self._merge_open = False

    # ---- history -----------------------------------------------------------------------
    def push(self, command: Command, *, merge: bool = False) -> None:
        change = command.do(self)
        top = self._undo[-1] if self._undo else None
        self._redo.clear()
        # Never merge into the saved state: undo must still be able to get back to it.
        if merge and self._merge_open and top is not None and top is not self._saved and top.merge(command):
            pass
        else:
            self._undo.append(command)
        self._merge_open = merge
        self._emit(change)

    def undo(self) -> None:
        if not self._undo:
            return
        command = self._undo.pop()
        change = command.undo(self)
        self._redo.append(command)
        self._merge_open = False
        self._emit(change)

    def redo(self) -> None:
        if not self._redo:
            return
        command = self._redo.pop()
        change = command.do(self)
        self._undo.append(command)
        self._merge_open = False
        self._emit(change)

    def mark_saved(self, path: Path | None = None) -> None:
        if path is not None:
            self.path = Path(path)
        self._saved = self._undo[-1] if self._undo else None
        self._merge_open = False
        self._emit(PackChange("saved"))

    def replace_pack(self, pack: Pack, path: Path | None = None, *, dirty: bool = False) -> None:
        """Load a different pack (Open, New, restore from autosave); clears the undo history."""
        self.pack = pack
        self.path = Path(path) if path is not None else None
        self._undo.clear()
        self._redo.clear()
        self._saved = False if dirty else None
        self._merge_open = False
        self._emit(PackChange("reset"))

    # ---- internals ---------------------------------------------------------------------
    def _set_pack(self, pack: Pack) -> None:
        self.pack = pack

    def _add_ref(self, kind: str, ref: str, index: int | None, text: str) -> str:
        existing = self.find(kind, ref)
        if existing is not None:
            self._emit(PackChange("exists", self.index_of(existing.uid)))
            return existing.uid
        return self._insert(PackItem(kind=kind, ref=ref), index, text)

    def _insert(self, item: PackItem, index: int | None, text: str) -> str:
        count = len(self.pack.items)
        index = count if index is None else max(0, min(index, count))
        self.push(InsertItem(item, index, text))
        return item.uid

    def _emit(self, change: PackChange) -> None:
        for callback in list(self._subscribers):
            callback(change)
