"""Pack updates: the items of an opened pack whose catalog version changed since they were added.

One row per item: the copy the pack carries (old figure, its sources) next to the catalog's current
version (new figure, its sources), with "Keep copy" / "Take update"; "Take all" takes every update.
The pack keeps its copy until the user takes an update; nothing is ever dropped.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.catalog.model import STATUS_SHORT


def _sources_html(sources: list[dict[str, Any]], lang: str) -> str:
    parts = []
    for src in sources:
        status = STATUS_SHORT.get(src.get("status", ""), {}).get(lang, src.get("status", ""))
        text = ", ".join(p for p in (src.get("publisher", ""), src.get("title", ""), src.get("date", "")) if p)
        parts.append(f"{html.escape(text)} <i>({html.escape(status)})</i>")
    return "<br>".join(parts) or "—"


class _ChangeRow(QFrame):
    def __init__(self, change: Any, lang: str, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.change = change
        self.setObjectName("PackUpdateRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        self.ref_label = QLabel(f"<b>{html.escape(title or change.ref)}</b>"
                                + (f" <small style='color:#666'>{html.escape(change.ref)}</small>" if title else ""))
        self.ref_label.setWordWrap(True)
        self.old_head = QLabel()
        self.new_head = QLabel()
        self.old_label = QLabel()
        self.new_label = QLabel()
        for label in (self.old_label, self.new_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.arrow = QLabel("→")
        self.state_label = QLabel(objectName="Muted")
        self.keep_button = QPushButton(objectName="KeepCopy")
        self.take_button = QPushButton(objectName="TakeUpdate")
        grid.addWidget(self.ref_label, 0, 0, 1, 3)
        grid.addWidget(self.old_head, 1, 0)
        grid.addWidget(self.new_head, 1, 2)
        grid.addWidget(self.old_label, 2, 0)
        grid.addWidget(self.arrow, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.new_label, 2, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        grid.addLayout(buttons, 3, 0, 1, 3)
        self.taken = False
        self.retranslate(lang)

    def retranslate(self, lang: str) -> None:
        c = self.change
        self.old_head.setText(PackUpdatesDialog.tr("In the pack (its copy)"))
        self.new_head.setText(PackUpdatesDialog.tr("In the catalog now"))
        self.old_label.setText(f"<b>{html.escape(c.old_value or '—')}</b><br>{html.escape(c.old_text)}"
                               f"<br><small>{_sources_html(c.old_sources, lang)}</small>")
        self.new_label.setText(f"<b>{html.escape(c.new_value or '—')}</b><br>{html.escape(c.new_text)}"
                               f"<br><small>{_sources_html(c.new_sources, lang)}</small>")
        self.keep_button.setText(PackUpdatesDialog.tr("Keep copy"))
        self.take_button.setText(PackUpdatesDialog.tr("Take update"))
        self.state_label.setText(PackUpdatesDialog.tr("Update taken") if self.taken else PackUpdatesDialog.tr("The pack keeps its copy"))

    def mark_taken(self, lang: str) -> None:
        self.taken = True
        self.take_button.setEnabled(False)
        self.keep_button.setEnabled(False)
        self.retranslate(lang)


class PackUpdatesDialog(QDialog):
    """``take_requested(uid)``: take one item's update; ``uid == ""``: take them all."""

    take_requested = Signal(str)
    #: keep one item's copy, marked as of its date (core/pack/kept.py)
    keep_requested = Signal(str)

    def __init__(self, changes: list[Any], lang: str = "en", parent: QWidget | None = None,
                 titles: dict[str, str] | None = None):
        super().__init__(parent)
        self.setObjectName("PackUpdatesDialog")
        self._lang = lang
        self.setMinimumSize(720, 420)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.rows: dict[str, _ChangeRow] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        for change in changes:
            row = _ChangeRow(change, lang, (titles or {}).get(change.uid, ""))
            row.take_button.clicked.connect(lambda _=False, uid=change.uid: self._take(uid))
            row.keep_button.clicked.connect(lambda _=False, uid=change.uid: self._keep(uid))
            self.rows[change.uid] = row
            column.addWidget(row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox()
        self.take_all_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.take_all_button.setObjectName("TakeAll")
        self.take_all_button.clicked.connect(self._take_all)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setObjectName("CloseUpdates")
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self._retranslate()

    def _take(self, uid: str) -> None:
        self.take_requested.emit(uid)
        self.rows[uid].mark_taken(self._lang)
        self._update_buttons()

    def _keep(self, uid: str) -> None:
        self.keep_requested.emit(uid)
        row = self.rows[uid]
        row.keep_button.setEnabled(False)
        row.take_button.setEnabled(True)
        self._update_buttons()
        if all(not r.keep_button.isEnabled() or r.taken for r in self.rows.values()):
            self.accept()

    def _take_all(self) -> None:
        self.take_requested.emit("")
        for row in self.rows.values():
            row.mark_taken(self._lang)
        self._update_buttons()
        self.accept()

    def _update_buttons(self) -> None:
        self.take_all_button.setEnabled(any(not r.taken for r in self.rows.values()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "rows"):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(PackUpdatesDialog.tr("Items in this pack have changed"))
        n = len(self.rows)
        self.intro.setText(
            (PackUpdatesDialog.tr("1 item in this pack has changed in the catalog since it was added.") if n == 1 else
             PackUpdatesDialog.tr("%n items in this pack have changed in the catalog since they were added.").replace("%n", str(n)))
            + " " + PackUpdatesDialog.tr("The pack keeps showing its copy until you take an update."))
        self.take_all_button.setText(PackUpdatesDialog.tr("Take all updates"))
        self.close_button.setText(PackUpdatesDialog.tr("Close"))
        for row in self.rows.values():
            row.retranslate(self._lang)
