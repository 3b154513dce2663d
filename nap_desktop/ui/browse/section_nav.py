"""The section list at the left of the window: rows that grow to fit wrapped titles, a focus ring, and
the arrow keys moving the ring while Enter, Space or a click show a section."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QListWidget


class SectionNav(QListWidget):
    """Section list whose rows grow to fit wrapped titles (long Spanish names never elide)."""

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def selected_row(self) -> int:
        rows = [self.row(i) for i in self.selectedItems()]
        return rows[0] if rows else self.currentRow()

    def keyPressEvent(self, event: Any) -> None:
        """Up/Down/Home/End move the focus ring, not the section shown: Enter or Space shows the section
        under the ring (Shift+Tab into the list then Down switched sections silently)."""
        from PySide6.QtCore import QItemSelectionModel

        key, n = event.key(), self.count()
        if n and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            row = max(0, self.currentRow())
            target = {Qt.Key.Key_Up: row - 1, Qt.Key.Key_Down: row + 1, Qt.Key.Key_Home: 0, Qt.Key.Key_End: n - 1,
                      Qt.Key.Key_PageUp: 0, Qt.Key.Key_PageDown: n - 1}.get(Qt.Key(key))
            if target is not None:
                target = min(max(target, 0), n - 1)
                index = self.model().index(target, 0)
                self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollTo(index)
                self.viewport().update()
                event.accept()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.setCurrentRow(row, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                event.accept()
                return
        super().keyPressEvent(event)

    def paintEvent(self, event: Any) -> None:
        """A focus ring round the current section while the list has the keyboard (the style sheet's
        ``outline: none`` hid Qt's own, so Shift+Tab into the list left no trace of where Down would go)."""
        super().paintEvent(event)
        item = self.currentItem()
        if not self.hasFocus() or item is None:
            return
        from PySide6.QtGui import QColor, QPainter, QPen

        from nap_desktop.ui import theme

        painter = QPainter(self.viewport())
        painter.setPen(QPen(QColor(theme.FOCUS), 2))
        painter.drawRect(self.visualItemRect(item).adjusted(2, 1, -2, -2))
        painter.end()

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def fit_rows(self) -> None:
        width = max(80, self.viewport().width() - 48)
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        bold_metrics = QFontMetrics(bold)
        for row in range(self.count()):
            item = self.item(row)
            rect = bold_metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            hint = QSize(width, max(rect.height(), metrics.height()) + 22)
            if item.sizeHint() != hint:  # a keystroke changes counts, rarely heights: no relayout for nothing
                item.setSizeHint(hint)
