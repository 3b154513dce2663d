"""Reaching the States view: View > States (Ctrl+4) and an entry under the section list. The page is
built the first time it is opened, so start-up does not pay for it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from nap_desktop.ui.i18n import shortcut_text
from nap_desktop.ui.states import States




class StatesController(QObject):
    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.page: Any = None
        self.action = QAction(window)
        self.action.setObjectName("ShowStatesAction")
        self.action.setShortcut(QKeySequence("Ctrl+4"))
        self.action.triggered.connect(self.show)
        window.addAction(self.action)
        self.button = QPushButton()
        self.button.setObjectName("BrowseStatesButton")
        self.button.setCheckable(True)
        self.button.clicked.connect(self.show)
        window.pages.currentChanged.connect(self._on_page_changed)
        window.installEventFilter(self)
        self.retranslate()

    def page_widget(self) -> Any:
        if self.page is None:
            from nap_desktop.ui.states.states_page import StatesPage

            self.page = StatesPage(self.window.catalog, self.window.lang)
            self.page.make_pack.connect(self.window.make_state_pack)
            self.page.message.connect(lambda text: self.window.statusBar().showMessage(text, 6000))
            self.window.pages.addWidget(self.page)
        return self.page

    def show(self, code: str = "") -> Any:
        page = self.page_widget()
        self.window.pages.setCurrentWidget(page)
        if isinstance(code, str) and code:
            page.show_state(code)
        page.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        page.filter_field.selectAll()
        return page

    def is_current(self) -> bool:
        return self.page is not None and self.window.pages.currentWidget() is self.page

    def set_language(self, lang: str) -> None:
        if self.page is not None:
            self.page.set_language(lang)
        self.retranslate()

    def set_catalog(self, catalog: Any) -> None:
        if self.page is not None:
            self.page.set_catalog(catalog)

    def _on_page_changed(self, _index: int) -> None:
        self.button.setChecked(self.is_current())

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.action.setText(States.tr("S&tates"))
        self.button.setText(States.tr("States  (%1)").replace("%1", "51"))
        tip = States.tr("A brief for any U.S. state: its trade with Mexico and Canada (%1)").replace(
            "%1", shortcut_text(self.action.shortcut()))
        self.button.setToolTip(tip)
        self.action.setToolTip(tip)
