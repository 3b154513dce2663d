"""Editing dialogs as users expect them: Enter saves (the default button, whatever button has focus),
and closing a dialog with changes (Esc, Cancel, the title bar's close) asks before throwing them away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

KEEP, DISCARD = "keep", "discard"


def enter_saves(dialog: QDialog, save: QPushButton) -> None:
    """``save`` is the dialog's default button: Enter clicks it, even when the focus is on Cancel or on
    another push button (which no longer becomes the default by taking focus)."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)
    save.setDefault(True)
    # QDialog then gives Enter to its default button: line edits, drop-downs, check boxes and buttons
    # that are not auto-default pass it on; a multi-line text keeps it as a new line.


def ask_discard(parent) -> str:
    """KEEP (go back to the dialog) or DISCARD. Keep editing is the default: Enter or Esc lose nothing."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("DialogGuard", "Discard your changes?"),
                      QCoreApplication.translate("DialogGuard", "What you typed in this dialog has not been saved."),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("DiscardChanges")
    box.setInformativeText(QCoreApplication.translate("DialogGuard", "Discard it, or go back and keep editing?"))
    discard = box.addButton(QCoreApplication.translate("DialogGuard", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QCoreApplication.translate("DialogGuard", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return DISCARD if box.clickedButton() is discard else KEEP


class ChangesGuard:
    """Mixin for a QDialog: ``reject()`` (Esc, Cancel, the close button: QDialog.closeEvent calls
    reject) asks first when ``state()`` differs from what it was when ``remember_state()`` was called.
    Tests may replace ``ask_discard`` on the instance."""

    _guard_state: Any = None

    def state(self) -> Any:
        return widget_state(self)  # type: ignore[arg-type]

    def remember_state(self) -> None:
        self._guard_state = self.state()

    def has_changes(self) -> bool:
        return self._guard_state is not None and self.state() != self._guard_state

    def ask_discard(self) -> str:
        return ask_discard(self)

    def reject(self) -> None:  # noqa: D401 - Qt's name
        if self.has_changes() and self.ask_discard() != DISCARD:
            return
        super().reject()  # type: ignore[misc]


def widget_state(dialog: QDialog) -> tuple:
    """What the user can have typed or chosen in ``dialog``: every line edit, text, drop-down, tick
    box, spin box and list, in widget order."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListWidget,
                                   QPlainTextEdit, QTextEdit)

    out: list[Any] = []
    for w in dialog.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            if isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
                continue
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QTextEdit):
            if not w.isReadOnly():
                out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out.append((w.currentIndex(), w.currentText() if w.isEditable() else None))
        elif isinstance(w, QAbstractSpinBox):
            out.append(w.text())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            out.append(w.isChecked())
        elif isinstance(w, QListWidget):
            out.append(tuple(w.item(i).text() for i in range(w.count())))
    return tuple(out)


def show_all_rows(widget: QWidget, limit: int = 30) -> None:
    """Every drop-down under ``widget`` opens with all its rows (Qt shows 10 and scrolls the rest: a
    unit list of 21 or a chart kind list of 11 looked complete and was not), up to ``limit`` rows."""
    from PySide6.QtWidgets import QComboBox

    for combo in widget.findChildren(QComboBox):
        combo.setMaxVisibleItems(max(10, min(limit, combo.count())))
        container = combo.view().window()  # Qt's popup frame around the list
        if not isinstance(getattr(container, "_all_rows", None), _AllRows):
            container._all_rows = _AllRows(combo, container)
            container.installEventFilter(container._all_rows)


class _AllRows(QObject):
    """Qt sizes a drop-down's popup one row short under the app's style sheet (its border and padding
    are not counted): when the popup shows, it grows to hold the rows it should, inside the screen."""

    def __init__(self, combo, container):
        super().__init__(container)
        self.combo = combo

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, lambda w=watched: self._grow(w))
        return False

    def _grow(self, container) -> None:
        combo = self.combo
        view = combo.view()
        rows = min(combo.count(), combo.maxVisibleItems())
        if rows <= 0 or not container.isVisible():
            return
        needed_view = sum(view.sizeHintForRow(r) for r in range(rows)) + 2 * view.frameWidth()
        missing = needed_view - view.viewport().height() - 2 * view.frameWidth()
        if missing <= 0:
            return
        geometry = container.geometry()
        geometry.setHeight(geometry.height() + missing)
        screen = container.screen().availableGeometry() if container.screen() is not None else None
        if screen is not None:
            if geometry.bottom() > screen.bottom():
                geometry.moveBottom(screen.bottom())
            if geometry.top() < screen.top():
                geometry.setTop(screen.top())
        container.setGeometry(geometry)
