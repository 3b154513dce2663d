"""F1: the offline help page (resources/help/help_<lang>.html), with the shortcuts as the menus show them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

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
    "{print}": QKeySequence.StandardKey.Print,
    "{help}": QKeySequence.StandardKey.HelpContents,
    "{undo}": QKeySequence.StandardKey.Undo,
    "{redo}": QKeySequence.StandardKey.Redo,
    "{save}": QKeySequence.StandardKey.Save,
    "{open}": QKeySequence.StandardKey.Open,
    "{new}": QKeySequence.StandardKey.New,
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
        self.resize(QSize(720, 620))
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
