"""File > Applied data updates…: the agency files applied to the library, and removing one
(the previous figures come back exactly)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class AppliedUpdatesDialog(QDialog):
    remove_requested = Signal(str)

    def __init__(self, library: Path, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AppliedUpdatesDialog")
        self.library, self._lang = Path(library), lang
        self.setMinimumSize(760, 360)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(objectName="AppliedList")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(4)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.buttons = QDialogButtonBox()
        self.remove_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.setObjectName("RemoveUpdate")
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.remove_button.clicked.connect(self._remove)
        self.close_button.clicked.connect(self.reject)
        self.tree.currentItemChanged.connect(lambda *_: self.remove_button.setEnabled(self.tree.currentItem() is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.setWindowTitle(AppliedUpdatesDialog.tr("Applied data updates"))
        self.intro.setText(AppliedUpdatesDialog.tr("Each update holds rows read from an agency's file, over the bundled data (which is "
                              "never changed). Removing one brings back the figures it replaced, exactly."))
        self.tree.setHeaderLabels([AppliedUpdatesDialog.tr("Update"), AppliedUpdatesDialog.tr("Read on"), AppliedUpdatesDialog.tr("Files"), AppliedUpdatesDialog.tr("Rows and datasets")])
        self.remove_button.setText(AppliedUpdatesDialog.tr("&Remove update"))
        self.close_button.setText(AppliedUpdatesDialog.tr("Close"))
        self.refresh()

    def refresh(self) -> None:
        from nap_desktop.core.catalog.updates.layer import list_layers

        self.tree.clear()
        for layer in list_layers(self.library):
            files = ", ".join(f.get("name", "") for f in layer.files[:4]) + (" …" if len(layer.files) > 4 else "")
            datasets = ", ".join(sorted({r.dataset for r in layer.rows}))
            item = QTreeWidgetItem([layer.id, layer.read_on, files, f"{len(layer.rows):,} — {datasets}"])
            item.setData(0, Qt.ItemDataRole.UserRole, layer.id)
            self.tree.addTopLevelItem(item)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.remove_button.setEnabled(self.tree.currentItem() is not None)

    def _remove(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.remove_requested.emit(str(item.data(0, Qt.ItemDataRole.UserRole)))
