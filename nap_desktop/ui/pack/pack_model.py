"""PackListModel: a thin Qt list model over the Qt-free PackDocument (drag and drop maps to undoable moves)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from nap_desktop.core.pack.document import PackChange, PackDocument
from nap_desktop.core.formatting import format_value
from nap_desktop.core.catalog.model import Catalog

#: Items of this pack being dragged (their uids, JSON list).
ITEM_MIME = "application/x-napbrief-item-uids"
#: Facts dragged from elsewhere in the app (e.g. a fact card): JSON list of fact ids, inserted at the drop row.
FACT_MIME = "application/x-nap-fact-ids"
#: Charts dragged from elsewhere in the app (the Charts view): JSON list of chart ids, inserted at the drop row.
CHART_MIME = "application/x-nap-chart-ids"

UID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
MISSING_ROLE = Qt.ItemDataRole.UserRole + 3
TALKING_POINTS_ROLE = Qt.ItemDataRole.UserRole + 4
REF_ROLE = Qt.ItemDataRole.UserRole + 5
HEADLINE_ROLE = Qt.ItemDataRole.UserRole + 6
#: a short note on where the item's figures come from, shown on its caption line: the pack's copy of an
#: item this catalog lacks, or a copy the catalog now differs from ("" when neither)
COPY_NOTE_ROLE = Qt.ItemDataRole.UserRole + 7

MISSING_COLOR = QColor("#b3261e")
DIVIDER_BACKGROUND = QColor("#eef1f5")

ModelIndex = QModelIndex | QPersistentModelIndex


class PackListModel(QAbstractListModel):
    """One row per pack item. Rows are read from a snapshot of ``document.pack.items`` that is
    swapped between begin*/end* calls, so Qt always sees a consistent list."""

    def __init__(self, document: PackDocument, catalog: Catalog, parent=None):
        super().__init__(parent)
        self._doc = document
        self._catalog = catalog
        self._items = document.pack.items
        self._lang = document.pack.lang
        document.subscribe(self._on_document_changed)

    # ---- reading -------------------------------------------------------------------------
    @property
    def document(self) -> PackDocument:
        return self._doc

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def is_missing(self, row: int) -> bool:
        """Neither in the catalog nor carried as a copy by the pack (a copy shows what the item showed)."""
        item = self._items[row]
        if item.kind == "fact":
            return self._fact(item) is None
        if item.kind == "chart":
            return self._chart(item) is None
        return False

    def _state_item(self, item: Any) -> bool:
        """One of a state brief's own figures (state-tx-…), in the brief made for that state."""
        state = str(getattr(self._doc.pack, "state", "") or "")
        return bool(state) and item.ref.startswith(f"state-{state.lower()}-")

    def from_copy(self, row: int) -> bool:
        """The item is not in this catalog (a state brief's figures, a colleague's own figure): the pack's copy is shown."""
        item = self._items[row]
        if item.kind == "fact":
            return self._catalog.fact(item.ref) is None and self._fact(item) is not None
        if item.kind == "chart":
            return item.ref not in self._catalog.charts and self._chart(item) is not None
        return False

    # One rule for the pack list, the presenter and the export (core.pack.snapshot.catalog_for_pack):
    # an item that carries its copy shows the copy, what the pack saved; the catalog's version only
    # when there is no copy. A copy the catalog now differs from is marked (pack updates take it).
    def _fact(self, item: Any) -> Any:
        if isinstance(item.copy, dict) and item.copy.get("kind", "fact") == "fact":
            from nap_desktop.core.pack.snapshot import fact_from_copy

            try:
                return fact_from_copy(item.copy)
            except (TypeError, ValueError, KeyError):
                pass
        return self._catalog.fact(item.ref)

    def _chart(self, item: Any) -> Any:
        if isinstance(item.copy, dict) and item.copy.get("kind") == "chart":
            from nap_desktop.core.pack.snapshot import spec_from_copy

            try:
                return spec_from_copy(item.copy)
            except (TypeError, ValueError, KeyError):
                pass
        return self._catalog.charts.get(item.ref)

    def catalog_differs(self, row: int) -> bool:
        """The item's copy is not what the catalog has now (a bundled value changed since it was saved)."""
        item = self._items[row]
        if item.kind not in ("fact", "chart") or not isinstance(item.copy, dict) or self.from_copy(row):
            return False
        key = (item.uid, id(item.copy), id(self._catalog))
        cache = self.__dict__.setdefault("_differs", {})
        if key not in cache:
            from nap_desktop.core.pack.snapshot import _comparable, copy_of

            current = copy_of(item, self._catalog)
            cache[key] = current is not None and _comparable(current) != _comparable(item.copy)
        return cache[key]

    def headline(self, row: int) -> str:
        """The item as the pack will show it, in the pack's language."""
        item, lang = self._items[row], self._lang
        if item.kind == "fact":
            fact = self._fact(item)
            if fact is None:
                return self.tr("Fact “%1” — missing from the catalog").replace("%1", item.ref)
            figure = format_value(fact.value, fact.unit, lang, decimals=fact.decimals,
                                  qualifier=fact.qualifier, value_max=fact.value_max)
            label = fact.label(lang)
            head = f"{figure} {label}".strip() if figure else ""
            return f"{head} — {fact.text(lang)}" if head else fact.text(lang)
        if item.kind == "chart":
            spec = self._chart(item)
            if spec is None:
                return self.tr("Chart “%1” — missing from the catalog").replace("%1", item.ref)
            return spec.title(lang)
        if item.kind == "divider":
            return item.text or self.tr("(untitled section)")
        return item.text or self.tr("(empty note)")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row = index.row()
        item = self._items[row]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.headline(row)
            if item.kind == "note":
                text = self.tr("Note: %1").replace("%1", text)
            elif item.kind == "chart" and not self.is_missing(row):
                text = self.tr("Chart: %1").replace("%1", text)
            if self.from_copy(row):
                text = self.tr("%1 [copy saved in the pack]").replace("%1", text)
            elif self.catalog_differs(row):
                text = self.tr("%1 [the catalog now has another version]").replace("%1", text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.headline(row)
        if role == Qt.ItemDataRole.FontRole and item.kind == "divider":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self.is_missing(row):
            return QBrush(MISSING_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and item.kind == "divider":
            return QBrush(DIVIDER_BACKGROUND)
        if role == UID_ROLE:
            return item.uid
        if role == KIND_ROLE:
            return item.kind
        if role == REF_ROLE:
            return item.ref
        if role == HEADLINE_ROLE:
            return self.headline(row)
        if role == MISSING_ROLE:
            return self.is_missing(row)
        if role == TALKING_POINTS_ROLE:
            return item.talking_points
        if role == COPY_NOTE_ROLE:
            if self.from_copy(row) and self._state_item(item):
                return self.tr("state figures")  # made from the state datasets when the brief was made
            if self.from_copy(row):
                return self.tr("pack copy")
            return self.tr("catalog differs") if self.catalog_differs(row) else ""
        return None

    def _tooltip(self, row: int) -> str:
        item = self._items[row]
        if self.is_missing(row):
            return self.tr("This item refers to “%1”, which is no longer in the catalog. "
                           "It is kept in the pack so nothing is lost; remove it or replace it.").replace("%1", item.ref)
        lines = [self.headline(row)]
        if self.from_copy(row):
            lines.append(self.tr("Shown as the pack saved it: this data version does not have it."))
        elif self.catalog_differs(row):
            lines.append(self.tr("Shown, presented and exported as the pack saved it; the catalog now has "
                                 "another version (offered when the pack opens: keep the copy or take the update)."))
        if item.kind == "fact":
            fact = self._fact(item)
            copied = {s.get("id"): s.get("publisher", "") for s in (item.copy or {}).get("sources", [])
                      if isinstance(s, dict)}
            publishers = [self._catalog.sources[s].publisher if s in self._catalog.sources else copied.get(s, "")
                          for s in fact.sources]
            publishers = [p for p in publishers if p]
            lines.append(self.tr("Period: %1").replace("%1", fact.period_text(self._lang)))
            if publishers:
                lines.append(self.tr("Source: %1").replace("%1", "; ".join(publishers)))
        if item.talking_points:
            lines.append(self.tr("Talking points: %1").replace("%1", item.talking_points))
        return "\n".join(lines)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drop between rows, never onto (over) an item
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemNeverHasChildren)

    def set_language(self, lang: str) -> None:
        """Re-label every row (pack language changed, or the interface was retranslated)."""
        self._lang = lang
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def retranslate(self) -> None:
        self.set_language(self._lang)

    def set_catalog(self, catalog: Catalog) -> None:
        self.beginResetModel()
        self._catalog = catalog
        self.endResetModel()

    # ---- drag and drop -------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME, FACT_MIME, CHART_MIME]

    def mimeData(self, indexes) -> QMimeData:
        uids = []
        for index in sorted((i for i in indexes if i.isValid()), key=lambda i: i.row()):
            uid = self._items[index.row()].uid
            if uid not in uids:
                uids.append(uid)
        mime = QMimeData()
        mime.setData(ITEM_MIME, QByteArray(json.dumps(uids).encode("utf-8")))
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return bool(data) and any(data.hasFormat(m) for m in (ITEM_MIME, FACT_MIME, CHART_MIME))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: ModelIndex) -> bool:
        """Pack items dropped here are moved; facts and charts are added at the drop row (one undo step
        per drop, whatever the number of items)."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        if data.hasFormat(ITEM_MIME):
            present = {item.uid for item in self._doc.pack.items}
            uids = [uid for uid in _decode(data.data(ITEM_MIME)) if uid in present]
            before = [item.uid for item in self._doc.pack.items]
            if uids:
                self._doc.move_block(uids, row)  # the model has no removeRows: the view cannot delete the source
            return before != [item.uid for item in self._doc.pack.items]
        added = False
        for mime, kind in ((FACT_MIME, "fact"), (CHART_MIME, "chart")):
            if data.hasFormat(mime):
                uids = self._doc.add_refs(kind, _decode(data.data(mime)), row)
                row += len(uids)
                added = added or bool(uids)
        return added

    def moveRows(self, sourceParent: ModelIndex, sourceRow: int, count: int,
                 destinationParent: ModelIndex, destinationChild: int) -> bool:
        """QListView's internal move calls this; it becomes an undoable document move."""
        if sourceParent.isValid() or destinationParent.isValid() or count < 1:
            return False
        if not (0 <= sourceRow and sourceRow + count <= len(self._items)):
            return False
        if sourceRow <= destinationChild <= sourceRow + count:
            return False
        uids = [self._items[r].uid for r in range(sourceRow, sourceRow + count)]
        target = destinationChild if destinationChild < sourceRow else destinationChild - count
        for offset, uid in enumerate(uids):
            self._doc.move(uid, target + offset)
        return True

    # ---- document → Qt ---------------------------------------------------------------------
    def _on_document_changed(self, change: PackChange) -> None:
        new_items = self._doc.pack.items
        kind = change.kind
        if kind == "inserted":
            self.beginInsertRows(QModelIndex(), change.row, change.row)
            self._items = new_items
            self.endInsertRows()
        elif kind == "removed":
            self.beginRemoveRows(QModelIndex(), change.row, change.row)
            self._items = new_items
            self.endRemoveRows()
        elif kind == "moved":
            src, dst = change.row, change.new_row
            qt_dst = dst + 1 if dst > src else dst  # Qt wants "before this row" in the old list
            self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), qt_dst)
            self._items = new_items
            self.endMoveRows()
        elif kind == "changed":
            self._items = new_items
            index = self.index(change.row)
            self.dataChanged.emit(index, index)
        elif kind == "meta":
            self._items = new_items
            if "lang" in change.fields:
                self.set_language(self._doc.pack.lang)
        elif kind == "reset":
            self.beginResetModel()
            self._items = new_items
            self._lang = self._doc.pack.lang
            self.endResetModel()
        # "saved" and "exists" change no rows.


def _decode(raw: QByteArray) -> list[str]:
    try:
        value = json.loads(bytes(raw.data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []
