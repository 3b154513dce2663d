"""F1: the offline help page (resources/help/help_<lang>.html), with the shortcuts as the menus show them;
the first-run hint above the cards that points at it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.paths import resources_dir
from nap_desktop.ui.i18n import shortcut_text

#: placeholder in the HTML -> the key sequence shown (translated by Qt: "Control+F" in Spanish)
SHORTCUTS = {
    "{find}": QKeySequence.StandardKey.Find,
    "{add}": "Ctrl+D",
    "{copy}": QKeySequence.StandardKey.Copy,
    "{export}": "Ctrl+E",
    "{chart_image}": "Ctrl+Shift+E",
    "{present}": "F5",
    "{present_settings}": "Shift+F5",
    "{print}": QKeySequence.StandardKey.Print,
    "{help}": QKeySequence.StandardKey.HelpContents,
    "{undo}": QKeySequence.StandardKey.Undo,
    "{redo}": QKeySequence.StandardKey.Redo,
    "{save}": QKeySequence.StandardKey.Save,
    "{open}": QKeySequence.StandardKey.Open,
    "{new}": QKeySequence.StandardKey.New,
    "{facts}": "Ctrl+1",
    "{charts}": "Ctrl+2",
    "{sources}": "Ctrl+3",
    "{move_up}": "Alt+Up",
    "{move_down}": "Alt+Down",
}


def help_html(lang: str) -> str:
    path = resources_dir() / "help" / f"help_{'es' if lang == 'es' else 'en'}.html"
    text = path.read_text(encoding="utf-8")
    for marker, key in SHORTCUTS.items():
        sequence = QKeySequence(key) if isinstance(key, str) else QKeySequence(key)
        text = text.replace(marker, shortcut_text(sequence))
    return text


def _fitting_size(parent: QWidget | None, wanted: QSize) -> QSize:
    """``wanted``, or less on a small screen (a 1024×640 laptop): the dialog and its title bar stay on it."""
    screen = parent.screen() if parent is not None else None
    if screen is None:
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry()
    return QSize(min(wanted.width(), int(room.width() * 0.9)), min(wanted.height(), int(room.height() * 0.85)))


class HelpDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("HelpDialog")
        self._lang = "en"
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # the app never opens a network connection
        self.browser.setOpenLinks(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.resize(_fitting_size(parent, QSize(720, 620)))
        self._retranslate()

    def show_page(self, lang: str) -> None:
        self._lang = lang
        self.browser.setHtml(help_html(lang))
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("HelpDialog", "NAP Briefing help"))

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class FirstRunHint(QFrame):
    """A one-line banner on the very first start: the workflow in a sentence, with a close button.

    Closing it, or adding the first item to the pack, stores ``KEY`` in the window's settings, and it never
    shows again. Plain widgets only: it costs nothing at start-up.
    """

    KEY = "hints/first_run_done"
    dismissed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("FirstRunHint")
        self.setStyleSheet("QFrame#FirstRunHint { background: #e4edf7; border: 1px solid #b8cde4; "
                           "border-radius: 6px; } QFrame#FirstRunHint QLabel { color: #1d2329; } "
                           "QFrame#FirstRunHint QToolButton { border: none; padding: 2px 6px; color: #1d2329; }")
        self.label = QLabel()
        self.label.setObjectName("FirstRunHintText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.close_button = QToolButton()
        self.close_button.setObjectName("FirstRunHintClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 6, 8)
        layout.setSpacing(8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._retranslate()

    @classmethod
    def wanted(cls, settings: QSettings) -> bool:
        return not settings.value(cls.KEY, False, type=bool)

    def watch(self, document: Any) -> None:
        """Once the user adds an item to ``document`` (a PackDocument) the hint is not shown again at the
        next start; it stays where it is now, so the cards under the pointer do not jump (they moved up
        by the hint's height as the first item went in, and the next click landed on another card)."""
        def on_change(change: Any) -> None:
            if getattr(change, "kind", "") == "inserted" and not self.isHidden():
                self._settings.setValue(self.KEY, True)
                self._settings.sync()
                document.unsubscribe(on_change)
                self._document = None
        self._document, self._on_change = document, on_change
        document.subscribe(on_change)

    def dismiss(self) -> None:
        self._settings.setValue(self.KEY, True)
        self._settings.sync()
        self.hide()
        document = getattr(self, "_document", None)
        if document is not None:
            document.unsubscribe(self._on_change)
            self._document = None
        self.dismissed.emit()

    def _retranslate(self) -> None:
        text = QCoreApplication.translate(
            "FirstRunHint", "Search or pick a section, add facts to the pack with {add}, then present ({present}) "
            "or export ({export}). {help} for help.")
        self.label.setText(text.format(add=shortcut_text("Ctrl+D"), present=shortcut_text("F5"),
                                       export=shortcut_text("Ctrl+E"),
                                       help=shortcut_text(QKeySequence(QKeySequence.StandardKey.HelpContents))))
        tip = QCoreApplication.translate("FirstRunHint", "Close this hint (it does not come back)")
        self.close_button.setToolTip(tip)
        self.close_button.setAccessibleName(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def add_first_run_hint(layout: Any, settings: QSettings, document: Any, margin: int = 24) -> FirstRunHint | None:
    """On the very first start, put the hint in ``layout`` (above the cards) and return it; else None."""
    if not FirstRunHint.wanted(settings):
        return None
    hint = FirstRunHint(settings)
    row = QHBoxLayout()
    row.setContentsMargins(margin, margin // 2, margin, 0)
    row.addWidget(hint)
    layout.addLayout(row)
    hint.watch(document)
    return hint
