"""Reaching the Charts and Sources views: View menu entries (Ctrl+1 facts, Ctrl+2 charts, Ctrl+3 sources)
and two entries under the section list. The pages themselves are built the first time they are opened
(nap_desktop/ui/browse/charts_browser.py, sources_browser.py): nothing but two buttons and three actions exist
before that, so start-up does not pay for them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from nap_desktop.ui.i18n import TranslationContext, shortcut_text


class Browse(TranslationContext):
    """The translation context of the Browse bar (Charts, Sources)."""


NAV_STYLE = """
QFrame#BrowseNav { background: #f4f6f8; border-top: 1px solid #d9dee3; }
QPushButton#BrowseChartsButton, QPushButton#BrowseSourcesButton, QPushButton#BrowseStatesButton {
    text-align: left; border: none; border-left: 4px solid transparent; border-radius: 0;
    padding: 9px 14px; background: transparent; color: #1d2329; }
QPushButton#BrowseChartsButton:hover, QPushButton#BrowseSourcesButton:hover, QPushButton#BrowseStatesButton:hover { background: #ffffff; }
QPushButton#BrowseChartsButton:checked, QPushButton#BrowseSourcesButton:checked,
QPushButton#BrowseStatesButton:checked {
    background: #ffffff; font-weight: 600; border-left: 4px solid #0072B2; }
QPushButton#BrowseChartsButton:focus, QPushButton#BrowseSourcesButton:focus,
QPushButton#BrowseStatesButton:focus { border: 2px solid #0072B2; }
"""


class BrowseController(QObject):
    """Owns the browse entries of a MainWindow and its lazily built Charts, Sources and chart pages."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.charts_page: Any = None
        self.sources_page: Any = None
        self.chart_page: Any = None
        self.facts_action = QAction(window)
        self.facts_action.setObjectName("ShowFactsAction")
        self.facts_action.setShortcut(QKeySequence("Ctrl+1"))
        self.facts_action.triggered.connect(window.show_cards)
        self.charts_action = QAction(window)
        self.charts_action.setObjectName("ShowChartsAction")
        self.charts_action.setShortcut(QKeySequence("Ctrl+2"))
        self.charts_action.triggered.connect(self.show_charts)
        self.sources_action = QAction(window)
        self.sources_action.setObjectName("ShowSourcesAction")
        self.sources_action.setShortcut(QKeySequence("Ctrl+3"))
        self.sources_action.triggered.connect(self.show_sources)
        for action in (self.facts_action, self.charts_action, self.sources_action):
            window.addAction(action)
        self.nav = QFrame()
        self.nav.setObjectName("BrowseNav")
        self.nav.setStyleSheet(NAV_STYLE)
        lay = QVBoxLayout(self.nav)
        lay.setContentsMargins(0, 4, 0, 4)
        lay.setSpacing(0)
        self.charts_button = QPushButton()
        self.charts_button.setObjectName("BrowseChartsButton")
        self.charts_button.setCheckable(True)
        self.charts_button.clicked.connect(self.show_charts)
        self.sources_button = QPushButton()
        self.sources_button.setObjectName("BrowseSourcesButton")
        self.sources_button.setCheckable(True)
        self.sources_button.clicked.connect(self.show_sources)
        lay.addWidget(self.charts_button)
        lay.addWidget(self.sources_button)
        window.pages.currentChanged.connect(self._on_page_changed)
        self.retranslate()
        window.installEventFilter(self)

    # ---- the window's hooks ------------------------------------------------------------------------
    def nav_column(self, section_nav: QWidget) -> QWidget:
        """The section list with the browse entries under it (what the window's splitter shows)."""
        column = QWidget()
        column.setObjectName("NavColumn")
        lay = QVBoxLayout(column)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(section_nav, 1)
        lay.addWidget(self.nav)
        column.setMinimumWidth(section_nav.minimumWidth())
        column.setMaximumWidth(section_nav.maximumWidth())
        return column

    def add_to_menu(self, menu: Any) -> None:
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [self.facts_action, self.charts_action, self.sources_action])
        if first is not None:
            menu.insertSeparator(first)

    def set_language(self, lang: str) -> None:
        for page in (self.charts_page, self.sources_page, self.chart_page):
            if page is not None:
                page.set_language(lang)
        self.retranslate()

    def set_catalog(self, catalog: Any) -> None:
        for page in (self.charts_page, self.sources_page, self.chart_page):
            if page is not None:
                page.set_catalog(catalog)
        if self.chart_page is not None and self.window.pages.currentWidget() is self.chart_page and \
                self.chart_page.chart_id not in catalog.charts:
            self.window.show_cards()
        self.retranslate()

    def add_current(self) -> bool:
        """Ctrl+D while a browse page is shown: add what is selected there (True when handled)."""
        page = self.window.pages.currentWidget()
        if page is not None and page in (self.charts_page, self.sources_page, self.chart_page):
            page.add_current()
            return True
        return False

    def focus_filter(self) -> bool:
        """Ctrl+F while the Charts or Sources list is shown: its own filter (True when handled)."""
        page = self.window.pages.currentWidget()
        if page is not None and page in (self.charts_page, self.sources_page):
            page.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            page.filter_field.selectAll()
            return True
        return False

    def current_chart_id(self) -> str | None:
        if self.chart_page is not None and self.window.pages.currentWidget() is self.chart_page:
            return self.chart_page.chart_id
        return None

    # ---- pages -------------------------------------------------------------------------------------------
    def _connect(self, page: Any) -> None:
        w = self.window
        page.open_fact.connect(w.open_detail)
        page.add_fact.connect(w.add_fact_to_pack)
        page.open_chart.connect(self.open_chart)
        page.add_chart.connect(w.add_chart_to_pack)
        page.message.connect(lambda text: w.statusBar().showMessage(text, 6000))

    def charts(self) -> Any:
        if self.charts_page is None:
            from nap_desktop.ui.browse.charts_browser import ChartsBrowser

            self.charts_page = ChartsBrowser(self.window.catalog, self.window.lang)
            self._connect(self.charts_page)
            self.window.pages.addWidget(self.charts_page)
        return self.charts_page

    def sources(self) -> Any:
        if self.sources_page is None:
            from nap_desktop.ui.browse.sources_browser import SourcesBrowser

            self.sources_page = SourcesBrowser(self.window.catalog, self.window.lang)
            self._connect(self.sources_page)
            self.window.pages.addWidget(self.sources_page)
        return self.sources_page

    def show_charts(self) -> Any:
        page = self.charts()
        self.window.pages.setCurrentWidget(page)
        page.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if page.tree.currentItem() is None:
            page.tree.select_first_visible()
        return page

    def show_sources(self) -> Any:
        page = self.sources()
        self.window.pages.setCurrentWidget(page)
        page.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return page

    def open_chart(self, chart_id: str) -> Any:
        """A chart alone, full size (from the Charts or Sources view, or a pack item)."""
        if chart_id not in self.window.catalog.charts:
            return None
        if self.chart_page is None:
            from nap_desktop.ui.browse.charts_browser import ChartPage

            page = ChartPage(self.window.catalog, self.window.lang)
            page.back_requested.connect(self._back_from_chart)
            page.add_chart_requested.connect(self.window.add_chart_to_pack)
            page.open_fact_requested.connect(self.window.open_detail)
            page.add_fact_requested.connect(self.window.add_fact_to_pack)
            self.window.pages.addWidget(page)
            self.chart_page = page
        self._came_from = self.window.pages.currentWidget()
        self.chart_page.show_chart(chart_id)
        self.window.pages.setCurrentWidget(self.chart_page)
        self.chart_page.setFocus(Qt.FocusReason.OtherFocusReason)
        update = getattr(self.window, "_update_chart_action", None)
        if update is not None:
            update()
        return self.chart_page

    def _back_from_chart(self) -> None:
        came_from = getattr(self, "_came_from", None)
        if came_from is self.sources_page and came_from is not None:
            self.show_sources()
        elif came_from is self.charts_page and came_from is not None:
            self.show_charts()
            self.charts_page.select_chart(self.chart_page.chart_id)
        else:
            self.window.show_cards()

    def _on_page_changed(self, _index: int) -> None:
        current = self.window.pages.currentWidget()
        self.charts_button.setChecked(current is not None and current in (self.charts_page, self.chart_page))
        self.sources_button.setChecked(current is not None and current is self.sources_page)

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        catalog = self.window.catalog
        # what core.catalog.unavailable.unavailable_charts(catalog) returns, without importing that module
        # (and the TOML parsers it brings, ~4 ms) before the first paint
        charts = len(catalog.charts) + len(catalog.__dict__.get("unavailable_charts", ()))
        self.facts_action.setText(Browse.tr("&Facts"))
        self.facts_action.setToolTip(Browse.tr("Show the fact cards (%1)").replace("%1", shortcut_text(self.facts_action.shortcut())))
        self.charts_action.setText(Browse.tr("&Charts"))
        self.sources_action.setText(Browse.tr("&Sources"))
        self.charts_button.setText(Browse.tr("Charts  (%1)").replace("%1", f"{charts:,}"))
        self.charts_button.setToolTip(Browse.tr("Every chart, including those no fact links to and the report charts "
                                                "that are not available (%1)").replace(
                                                    "%1", shortcut_text(self.charts_action.shortcut())))
        self.sources_button.setText(Browse.tr("Sources  (%1)").replace("%1", f"{len(catalog.sources):,}"))
        self.sources_button.setToolTip(Browse.tr("Every source with its status, and the facts and charts that use it (%1)")
                                       .replace("%1", shortcut_text(self.sources_action.shortcut())))
        self.charts_action.setToolTip(self.charts_button.toolTip())
        self.sources_action.setToolTip(self.sources_button.toolTip())
