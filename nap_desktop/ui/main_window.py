"""The main window: sections, search and filters, fact cards, the fact detail, and the pack panel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QFileDialog,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from nap_desktop import __version__
from nap_desktop.core.pack.document import PackDocument
from nap_desktop.core.catalog.model import Catalog
from nap_desktop.core.pack.packfile import Pack
from nap_desktop.core.catalog.search import SearchIndex, SearchResult, country_name
from nap_desktop.ui import theme
from nap_desktop.ui.browse.card_grid import CardGrid
from nap_desktop.ui.browse.facts import FactListModel
from nap_desktop.ui.pack.file_controller import FileController
from nap_desktop.ui.browse.section_nav import SectionNav
from nap_desktop.ui.help import add_first_run_hint
from nap_desktop.ui.i18n import shortcut_text, translations
from nap_desktop.ui.pack.pack_panel import PackPanel


SETTINGS_FILE = "nap-briefing.ini"


class SearchField(QLineEdit):
    """The search box: Esc clears it (before Esc means "back"), Down moves into the results."""

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self._window = window

    def event(self, event: Any) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape and self.text():
            event.accept()  # Esc belongs to the box while it has text
            return True
        return super().event(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text() and not event.modifiers():
            self.clear()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self._window.card_grid.focus_first()
            event.accept()
            return
        super().keyPressEvent(event)


def _countries_in(catalog: Catalog) -> list[str]:
    """Country codes that occur in the catalog, most frequent first (as SearchIndex.countries)."""
    tally: dict[str, int] = {}
    for fact in catalog.facts:
        for code in set(fact.countries):
            tally[code] = tally.get(code, 0) + 1
    return sorted(tally, key=lambda c: (-tally[c], c))


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog, *, settings_dir: Path, lang: str | None = None,
                 document: PackDocument | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.catalog = catalog
        self.settings_dir = Path(settings_dir)
        self.settings = QSettings(str(self.settings_dir / SETTINGS_FILE), QSettings.Format.IniFormat)
        saved = self.settings.value("language", "", type=str)
        self._saved_language = saved in ("en", "es")
        self._lang = lang or (saved if self._saved_language else "en")
        self._index: SearchIndex | None = None  # built after the first paint (or at the first query)
        self._index_scheduled = False
        self._section: str | None = None
        self.setMinimumSize(QSize(960, 600))
        self.setObjectName("MainWindow")

        # A new pack is written in the language the user works in; they can change it in the panel.
        self.document = document if document is not None else PackDocument(Pack(lang=self._lang))
        self.model = FactListModel(catalog, self._lang, self)

        # ---- search bar ---------------------------------------------------------------------
        self.search_field = SearchField(self)
        self.search_field.setObjectName("SearchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self._on_search_field_text_changed)
        self.search_field.returnPressed.connect(self._on_search_field_return_pressed)
        self.country_combo = QComboBox()
        self.country_combo.setObjectName("CountryFilter")
        self.country_combo.setMaximumWidth(220)
        self.country_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.country_combo.setMinimumContentsLength(9)
        self.country_combo.currentIndexChanged.connect(self._on_country_combo_changed)
        self.result_label = QLabel()
        self.result_label.setObjectName("ResultCount")
        top = QHBoxLayout()
        top.setContentsMargins(theme.GAP * 2, theme.GAP, theme.GAP * 2, 0)
        top.setSpacing(theme.GAP)
        top.addWidget(self.search_field, 3)
        top.addWidget(self.country_combo, 1)
        top.addWidget(self.result_label)

        # ---- navigation, cards, detail ------------------------------------------------------------
        self.section_nav = SectionNav()
        self.section_nav.setObjectName("SectionNav")
        self.section_nav.setWordWrap(True)
        self.section_nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.section_nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.section_nav.setMinimumWidth(190)
        self.section_nav.setMaximumWidth(300)
        # the section shown is the selected row: arrow keys move the ring, Enter/Space or a click switch
        self.section_nav.itemSelectionChanged.connect(
            lambda: self._on_section_nav_row_changed(self.section_nav.selected_row()))
        self.card_grid = CardGrid(self.model, catalog, self._lang)
        self.card_grid.open_requested.connect(self.open_detail)
        self.card_grid.add_requested.connect(self.add_fact_to_pack)
        self.card_grid.remove_requested.connect(self.remove_fact_from_pack)  # the card's context menu
        self.card_grid.copy_requested.connect(self.copy_card_citation)
        self.card_grid.chart_requested.connect(self.open_fact_chart)
        self._detail_view: Any = None  # built on first use (its module and pyqtgraph load then)
        self.pages = QStackedWidget()
        cards_page = QWidget()
        cards_page.setObjectName("CardsPage")
        cards_layout = QVBoxLayout(cards_page)
        cards_layout.setContentsMargins(0, 0, 0, 0)
        cards_layout.setSpacing(0)
        cards_layout.addLayout(top)
        # the very first start: one sentence on the workflow, until closed or the first item is added
        self.first_run_hint = add_first_run_hint(cards_layout, self.settings, self.document, theme.GAP * 2)
        cards_layout.addWidget(self.card_grid, 1)
        self.cards_page = cards_page
        self.pages.addWidget(cards_page)
        splitter = QSplitter()
        from nap_desktop.ui.browse.browse import BrowseController  # Charts and Sources views (built when opened)

        self.browse = BrowseController(self)
        from nap_desktop.ui.states.controller import StatesController  # the States view (built when opened)

        self.states = StatesController(self)
        self.browse.nav.layout().addWidget(self.states.button)
        splitter.addWidget(self.browse.nav_column(self.section_nav))
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([215, 900])
        self.setCentralWidget(splitter)

        # ---- the pack ---------------------------------------------------------------------------
        self.pack_panel = PackPanel(self.document, catalog)
        self.pack_panel.set_content_language(self._lang)
        self.pack_panel.open_requested.connect(self._open_pack_item)
        self.pack_panel.message.connect(lambda text: self.statusBar().showMessage(text, 3000))
        self.pack_dock = QDockWidget()
        self.pack_dock.setObjectName("PackDock")
        self.pack_dock.setWidget(self.pack_panel)
        self.pack_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                   | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.pack_dock.setMinimumWidth(320)
        self.pack_dock.setTitleBarWidget(QWidget())  # the panel has its own heading; View menu toggles it
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.pack_dock)
        self.file_controller = FileController(self, self.document, catalog, self.settings_dir)
        self.document.subscribe(self._on_document_changed)

        self._build_actions()
        self._build_menus()
        self._populate_countries()
        self.statusBar().setSizeGripEnabled(False)
        self._retranslate()
        self.refresh_results()
        self._on_document_changed(None)
        self._place_on_screen(self.settings.value("geometry"))
        # the pack panel's width for the window's size, before the first layout (sized after it, the cards
        # would be laid out and measured twice before the first paint)
        self.resizeDocks([self.pack_dock], [self._dock_width()], Qt.Orientation.Horizontal)

    def _place_on_screen(self, geometry: Any = None) -> None:
        """The size and place the window had (QSettings "geometry"), kept inside the screen it opens on
        now (a laptop after a large monitor); the first time, sized to that screen's free area (at most
        1440x900, 90% of a large screen, all of a small one) and centred."""
        from PySide6.QtGui import QGuiApplication

        screen = self.screen() or QGuiApplication.primaryScreen()
        if geometry is not None:
            self.restoreGeometry(geometry)
            if self.isMaximized() or self.isFullScreen():
                return
        if screen is None:
            if geometry is None:
                self.resize(1280, 800)
            return
        room = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # the title bar and borders
        room_w, room_h = room.width() - frame.width(), room.height() - frame.height()
        if geometry is None:
            small = room.width() <= 1366 or room.height() <= 800
            w = room_w if small else min(1440, int(room_w * 0.9))
            h = room_h if small else min(900, int(room_h * 0.9))
        else:
            w, h = min(self.width(), room_w), min(self.height(), room_h)
        self.resize(max(1, w), max(1, h))
        size = self.frameGeometry().size()
        x, y = self.frameGeometry().x(), self.frameGeometry().y()
        if geometry is None:
            x, y = room.x() + (room.width() - size.width()) // 2, room.y() + (room.height() - size.height()) // 2
        x = min(max(x, room.x()), room.x() + max(0, room.width() - size.width()))
        y = min(max(y, room.y()), room.y() + max(0, room.height() - size.height()))
        self.move(x, y)

    # ---- actions and menus ---------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.add_action = QAction(self)
        self.add_action.setShortcut(QKeySequence("Ctrl+D"))
        self.add_action.triggered.connect(self._on_add_action_triggered)
        self.back_action = QAction(self)
        self.back_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.back_action.triggered.connect(self.go_back)
        self.toggle_pack_action = self.pack_dock.toggleViewAction()
        # Ctrl+P is Print, as everywhere else: the pack's one-page handout, through the system print dialog.
        self.print_action = QAction(self)
        self.print_action.setObjectName("PrintAction")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_handout)
        self.help_action = QAction(self)
        self.help_action.setObjectName("HelpAction")
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.help_action.triggered.connect(self.show_help)
        self.copy_citation_action = QAction(self)
        self.copy_citation_action.setObjectName("CopyCitationAction")
        self.copy_citation_action.setShortcut(QKeySequence.StandardKey.Copy)
        # Only while a card or the detail has focus: text fields keep their own Ctrl+C.
        self.copy_citation_action.triggered.connect(self.copy_citation)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("en", "English"), ("es", "Español")):  # each in its own language, never translated
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self._lang)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action
        # Present (F5): the presenter module (and the deck composer) load when it is triggered, not at start.
        self.present_action = QAction(self)
        self.present_action.setObjectName("PresentAction")
        self.present_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.present_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.present_action.triggered.connect(lambda: self.present(ask=False))
        # the settings (language, which screen) on a command of their own, as PowerPoint's Set Up Show
        self.present_settings_action = QAction(self)
        self.present_settings_action.setObjectName("PresentSettingsAction")
        self.present_settings_action.setShortcut(QKeySequence("Shift+F5"))
        self.present_settings_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.present_settings_action.triggered.connect(lambda: self.present(ask=True))
        self.addAction(self.present_settings_action)
        self.export_action = QAction(self)
        self.export_action.setObjectName("ExportAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_pack)
        self.save_chart_action = QAction(self)
        self.save_chart_action.setObjectName("SaveChartImageAction")
        self.save_chart_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.save_chart_action.triggered.connect(self.save_chart_image)
        self.save_chart_action.setEnabled(False)
        for action in (self.find_action, self.add_action, self.back_action, self.present_action,
                       self.export_action, self.save_chart_action, self.print_action, self.help_action,
                       self.copy_citation_action):
            self.addAction(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        fc = self.file_controller.actions
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(fc["new"])
        self.file_menu.addAction(fc["open"])
        self.file_menu.addMenu(self.file_controller.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(fc["save"])
        self.file_menu.addAction(fc["save_as"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.present_action)
        self.file_menu.addAction(self.present_settings_action)
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        from nap_desktop.ui.updates.controller import UpdatesController  # agency files: review, apply, remove

        self.updates = UpdatesController(self)
        self.file_menu.addAction(self.updates.action)
        self.file_menu.addAction(self.updates.list_action)
        self.setAcceptDrops(True)  # an agency file dropped on the window opens its review
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(fc["undo"])
        self.edit_menu.addAction(fc["redo"])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.copy_citation_action)
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addAction(self.add_action)
        self.view_menu = bar.addMenu("")
        self.browse.add_to_menu(self.view_menu)  # Facts, Charts, Sources (Ctrl+1/2/3)
        self.view_menu.insertAction(self.view_menu.actions()[3] if len(self.view_menu.actions()) > 3 else None,
                                    self.states.action)  # States (Ctrl+4), after Sources
        self.view_menu.addAction(self.back_action)
        self.view_menu.addAction(self.toggle_pack_action)
        self.chart_menu = bar.addMenu("")
        self.chart_menu.addAction(self.save_chart_action)
        self.language_menu = bar.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("MainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.present_action, self.export_action, self.add_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(fc["undo"])
        self.toolbar.addAction(fc["redo"])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    # ---- language -------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self._lang

    def has_saved_language(self) -> bool:
        return self._saved_language

    def set_language(self, lang: str) -> None:
        """Switch the interface (Qt translator) and the content (statements, charts) without restarting."""
        self._lang = lang
        translations().set_language(lang)  # sends LanguageChange to every widget
        self.language_actions[lang].setChecked(True)
        self.model.set_language(lang)
        self.card_grid.set_language(lang)
        if self._detail_view is not None:
            self._detail_view.set_language(lang)
        self.browse.set_language(lang)
        self.states.set_language(lang)
        self.pack_panel.set_content_language(lang)
        self._populate_countries()
        self._retranslate()
        self.refresh_results()
        self.settings.setValue("language", lang)

    def tab_order(self) -> list[QWidget]:
        """Tab goes: sections, search, country, the cards (one stop; arrows move inside), the pack panel."""
        return [self.section_nav, self.search_field, self.country_combo, self.card_grid,
                *self.pack_panel.tab_widgets()]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        from PySide6.QtWidgets import QApplication

        order = self.tab_order()
        focus = QApplication.focusWidget()
        here = next_index = None
        for i, widget in enumerate(order):
            if focus is widget or (focus is not None and widget.isAncestorOf(focus) and widget is self.card_grid):
                here = i
                break
        if here is None or not self.cards_page.isVisible() and here <= 3:
            return super().focusNextPrevChild(next)
        step = 1 if next else -1
        for k in range(1, len(order) + 1):
            widget = order[(here + step * k) % len(order)]
            if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                next_index = widget
                break
        if next_index is None:
            return super().focusNextPrevChild(next)
        next_index.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_dock)

    def _dock_width(self) -> int:
        """340 px, or 30% of a window too narrow for that (never below the panel's minimum): as _fit_dock."""
        width = self.width()
        return 340 if 340 <= 0.34 * width else max(self.pack_dock.minimumWidth(), int(width * 0.3))

    def _fit_dock(self) -> None:
        """On a narrow window the pack panel gives the cards room (never below its minimum)."""
        width = self.width()
        # isVisibleTo: a window sized before it is first shown (a restored geometry) fits its dock too
        if self.pack_dock.isVisibleTo(self) and self.pack_dock.width() > 0.34 * width:
            self.resizeDocks([self.pack_dock], [max(self.pack_dock.minimumWidth(), int(width * 0.3))],
                             Qt.Orientation.Horizontal)

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._index_scheduled:
            # The first paint is on screen: what it did not need is done in the next idle moment, before
            # anyone can type or click (the search index: on data/ ~20 ms; on a 100x catalog ~2 s).
            self._index_scheduled = True
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        from nap_desktop.ui.dialog_guard import show_all_rows

        show_all_rows(self)  # drop-downs open with every row (their popups are built now, not at start)
        self._ensure_index()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        if not hasattr(self, "help_menu"):
            return
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.updates.retranslate()
        self.chart_menu.setTitle(QCoreApplication.translate("MainWindow", "&Chart"))
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Toolbar"))
        self.present_action.setText(QCoreApplication.translate("MainWindow", "&Present"))
        self.present_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "Present the briefing pack full screen (%1)").replace("%1", shortcut_text(self.present_action.shortcut())))
        self.present_settings_action.setText(QCoreApplication.translate("MainWindow", "Present se&ttings…"))
        self.present_settings_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "Choose the slides' language and the screens, then present (%1)").replace(
                "%1", shortcut_text(self.present_settings_action.shortcut())))
        self.export_action.setText(QCoreApplication.translate("MainWindow", "&Export…"))
        self.export_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "Export the briefing pack to PowerPoint, Excel and other formats (%1)").replace(
                "%1", shortcut_text(self.export_action.shortcut())))
        self.print_action.setText(QCoreApplication.translate("MainWindow", "&Print handout…"))
        self.print_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "Print the briefing pack's one-page handout (%1)").replace(
                "%1", shortcut_text(self.print_action.shortcut())))
        self.print_action.setStatusTip(self.print_action.toolTip())
        self.help_action.setText(QCoreApplication.translate("MainWindow", "NAP Briefing &help"))
        self.copy_citation_action.setText(QCoreApplication.translate("MainWindow", "&Copy fact with citation"))
        self.copy_citation_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "Copy the statement, figure, period and source of the selected fact (%1)").replace(
                "%1", shortcut_text(self.copy_citation_action.shortcut())))
        self.save_chart_action.setText(QCoreApplication.translate("MainWindow", "Save chart &image…"))
        self.save_chart_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "Save the chart shown as a PNG (2× resolution) or SVG image"))
        self.find_action.setText(QCoreApplication.translate("MainWindow", "&Find…"))
        self.add_action.setText(QCoreApplication.translate("MainWindow", "&Add fact to pack"))
        self.back_action.setText(QCoreApplication.translate("MainWindow", "&Back to the facts"))
        self.toggle_pack_action.setText(QCoreApplication.translate("MainWindow", "Briefing &pack panel"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.about_action.setText(QCoreApplication.translate("MainWindow", "&About NAP Briefing"))
        self.pack_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Briefing pack"))
        self.search_field.setPlaceholderText(
            QCoreApplication.translate("MainWindow", "Search facts, sources, countries, topics (%1) — English or Spanish")
            .replace("%1", shortcut_text(self.find_action.shortcut())))
        words = self.search_field.placeholderText().split()
        first = " ".join(words[:2]) if words else ""
        # never narrower than the placeholder's first words ("Search facts", "Buscar datos")
        self.search_field.setMinimumWidth(self.search_field.fontMetrics().horizontalAdvance(first + " ") + 48)
        self.search_field.setToolTip(QCoreApplication.translate("MainWindow", "Accents and capitals do not matter: “exportacion” finds “exportación”"))
        self.country_combo.setToolTip(QCoreApplication.translate("MainWindow", "Show only facts about one country"))
        self.section_nav.setToolTip(QCoreApplication.translate("MainWindow", "Sections of the report"))
        self._update_counts()

    # ---- search ---------------------------------------------------------------------------------
    def _populate_countries(self) -> None:
        current = self.country_combo.currentData()
        self.country_combo.blockSignals(True)
        self.country_combo.clear()
        self.country_combo.addItem(QCoreApplication.translate("MainWindow", "All countries"), None)
        codes = _countries_in(self.catalog)
        named = sorted(codes, key=lambda c: country_name(c, self._lang))
        for code in named:
            self.country_combo.addItem(country_name(code, self._lang), code)
        found = self.country_combo.findData(current) if current else 0
        self.country_combo.setCurrentIndex(max(0, found))
        self.country_combo.blockSignals(False)

    @property
    def index(self) -> SearchIndex:
        """The search index (built once per catalog, on first use)."""
        if self._index is None:
            self._index = SearchIndex(self.catalog)
        return self._index

    def _ensure_index(self) -> None:
        _ = self.index

    def _unfiltered(self) -> SearchResult:
        """What the index returns for an empty query and no country, without building it."""
        order = {s.id: s.order for s in self.catalog.sections}
        facts = sorted(self.catalog.facts, key=lambda f: order.get(f.section, len(order) + 1))
        counts: dict[str, int] = {}
        for fact in facts:
            counts[fact.section] = counts.get(fact.section, 0) + 1
        if self._section is not None:
            facts = [f for f in facts if f.section == self._section]
        return SearchResult(tuple(facts), counts)

    def set_country(self, code: str | None) -> None:
        self.country_combo.setCurrentIndex(max(0, self.country_combo.findData(code)) if code else 0)

    def set_section(self, section_id: str | None) -> None:
        ids = [None] + [s.id for s in self.catalog.sections]
        self.section_nav.setCurrentRow(ids.index(section_id) if section_id in ids else 0)

    def refresh_results(self) -> None:
        country = self.country_combo.currentData()
        if self._index is None and not country and not self.search_field.text().strip():
            result = self._unfiltered()
        else:
            result = self.index.search(self.search_field.text(), countries=[country] if country else (),
                                   section=self._section)
        self._last = result
        self.model.set_facts(result.facts, result.matches)  # matches: the cards mark why each matched
        self._update_counts()

    def set_catalog(self, catalog: Catalog) -> None:
        """Show another catalog (the user library changed): cards, search, filters, detail and pack follow."""
        self.catalog = catalog
        self._index = None
        self.model.set_catalog(catalog)
        self.card_grid.set_catalog(catalog)
        self.pack_panel.set_catalog(catalog)
        self.file_controller.catalog = catalog
        self.browse.set_catalog(catalog)
        self.states.set_catalog(catalog)
        if self._detail_view is not None:  # the detail page re-reads its fact from the new catalog
            self._detail_view._catalog = catalog
            if self._detail_view.chart_view is not None:
                self._detail_view.chart_view._catalog = catalog
            shown = self._detail_view.fact
            if shown is not None and catalog.fact(shown.id) is not None:
                self._detail_view.show_fact(shown.id)
            elif self._showing_detail():
                self.show_cards()
        self._populate_countries()
        self.refresh_results()

    def _update_counts(self) -> None:
        result = getattr(self, "_last", None)
        if result is None:
            return
        n = len(result.facts)
        self.result_label.setText(QCoreApplication.translate("MainWindow", "1 fact") if n == 1 else QCoreApplication.translate("MainWindow", "%n facts").replace("%n", f"{n:,}"))
        query = self.search_field.text().strip()
        if not self.catalog.facts:
            empty = QCoreApplication.translate("MainWindow", "The catalog has no facts yet.")
        elif query:
            empty = QCoreApplication.translate("MainWindow", "No fact matches “%1”. Try fewer or shorter words, the other language, "
                        "or clear the country and section filters.").replace("%1", query)
        else:
            empty = QCoreApplication.translate("MainWindow", "No fact matches these filters. Choose “All countries” or “All sections”.")
        self.card_grid.set_empty_text(empty)
        # navigation with counts of what the current search finds in each section
        total = sum(result.section_counts.values())
        texts = [QCoreApplication.translate("MainWindow", "All sections") + f"  ({total})"]
        texts += [f"{theme.no_break(s.title(self._lang))}  ({result.section_counts.get(s.id, 0)})"
                  for s in self.catalog.sections]
        ids = [None] + [s.id for s in self.catalog.sections]
        nav = self.section_nav
        if nav.count() == len(ids) and all(nav.item(i).data(Qt.ItemDataRole.UserRole) == sid
                                           for i, sid in enumerate(ids)):
            # the same sections: only the counts change (a keystroke), the rows are kept
            changed = False
            for i, text in enumerate(texts):
                if nav.item(i).text() != text:
                    nav.item(i).setText(text)
                    changed = True
            if changed:
                nav.fit_rows()
            return
        self.section_nav.blockSignals(True)
        row = self.section_nav.currentRow()
        self.section_nav.clear()
        all_item = QListWidgetItem(texts[0])
        all_item.setData(Qt.ItemDataRole.UserRole, None)
        self.section_nav.addItem(all_item)
        for section in self.catalog.sections:
            count = result.section_counts.get(section.id, 0)
            item = QListWidgetItem(f"{theme.no_break(section.title(self._lang))}  ({count})")
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            pix = QPixmap(12, 12)
            pix.fill(QColor(section.color))
            item.setIcon(QIcon(pix))
            self.section_nav.addItem(item)
        self.section_nav.setCurrentRow(max(0, row))
        self.section_nav.fit_rows()
        self.section_nav.blockSignals(False)

    def _on_search_field_text_changed(self, _text: str) -> None:
        self.refresh_results()
        if self.pages.currentWidget() is not self.cards_page:
            self.show_cards()

    def _on_search_field_return_pressed(self) -> None:
        self.card_grid.focus_first()

    def _on_country_combo_changed(self, _index: int) -> None:
        self.refresh_results()

    def _on_section_nav_row_changed(self, row: int) -> None:
        item = self.section_nav.item(row)
        self._section = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.refresh_results()
        self.show_cards()

    def focus_search(self) -> None:
        if self.browse.focus_filter():  # Ctrl+F in the Charts or Sources view: that view's filter
            return
        self.show_cards()
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # ---- pages ----------------------------------------------------------------------------------
    @property
    def detail_view(self) -> Any:  # DetailView
        """The fact detail page, built the first time it is needed (not before the first paint)."""
        if self._detail_view is None:
            from nap_desktop.ui.browse.detail_view import DetailView

            view = DetailView(self.catalog, self._lang)
            view.setObjectName("DetailPage")
            view.back_requested.connect(self.show_cards)
            view.add_requested.connect(self.add_fact_to_pack)
            view.add_chart_requested.connect(self.add_chart_to_pack)
            self.pages.addWidget(view)
            self._detail_view = view
        return self._detail_view

    def _showing_detail(self) -> bool:
        return self._detail_view is not None and self.pages.currentWidget() is self._detail_view

    def open_detail(self, fact_id: str) -> None:
        self.detail_view.show_fact(fact_id)
        self.pages.setCurrentWidget(self.detail_view)
        self._detail_fact = fact_id
        self.detail_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_chart_action()

    def _open_pack_item(self, kind: str, ref: str) -> None:
        """A pack item's "Open": a fact in the detail view; a chart on its own page when the window has one,
        else in the detail of the first fact it illustrates."""
        if kind == "fact":
            self.open_detail(ref)
            return
        open_chart = getattr(self, "open_chart", None)
        if callable(open_chart):
            open_chart(ref)
            return
        spec = self.catalog.charts.get(ref)
        fact_id = next((f for f in (spec.facts if spec is not None else ()) if self.catalog.fact(f) is not None), None)
        if fact_id is not None:
            self.open_detail(fact_id)

    def open_chart(self, chart_id: str) -> Any:
        """A chart alone on its own page (the Charts view's, nap_desktop/ui/browse/browse.py)."""
        return self.browse.open_chart(chart_id)

    def current_chart_id(self) -> str | None:
        """The chart of the fact shown in the detail page (None on the cards page or without a chart)."""
        if self.browse.current_chart_id() is not None:  # the chart page of the Charts view
            return self.browse.current_chart_id()
        if not self._showing_detail() or self._detail_view.fact is None:
            return None
        chart = self._detail_view.fact.chart
        return chart if chart and chart in self.catalog.charts else None

    def _update_chart_action(self) -> None:
        self.save_chart_action.setEnabled(self.current_chart_id() is not None)

    # ---- present, export, chart image ------------------------------------------------------------
    def present(self, ask: bool = False) -> Any:
        """F5: present the current pack full screen at once (nap_desktop.ui.present.presenter, loaded
        now); ``ask`` (Shift+F5, Present settings…): choose the language and screens first."""
        from nap_desktop.ui.present import presenter

        return presenter.present_from(self, lambda: self.document, self.pack_catalog(), ask=ask,
                                      settings=self.settings)

    def pack_catalog(self) -> Any:
        """The catalog with the open pack's copies laid over it: each item presents, exports and prints
        as the pack saved it, with no user library and any data version (core/pack/snapshot.py)."""
        from nap_desktop.core.pack.snapshot import catalog_for_pack

        return catalog_for_pack(self.document.pack, self.catalog)

    def export_pack(self) -> Any:
        """File > Export…: the export dialog for the current pack."""
        from nap_desktop.ui.export import export_dialog

        dialog = export_dialog.ExportDialog(self.document.pack, self.pack_catalog(), self, settings_dir=self.settings_dir)
        dialog.exec()
        return dialog

    def print_handout(self, *, printer: Any = None, ask: bool = True) -> bool:
        """File > Print… (Ctrl+P): the pack's handout, in the pack's language, on the system printer."""
        from nap_desktop.ui.export.print_handout import print_handout

        pack = self.document.pack
        return print_handout(self, pack, self.pack_catalog(), lang=pack.lang or self._lang, printer=printer, ask=ask)

    def ask_chart_image_path(self, suggested: str) -> tuple[str, str]:
        """(path, chosen filter) from a save dialog; ('', '') if cancelled. Replaced in tests."""
        png = QCoreApplication.translate("MainWindow", "PNG image, 2× resolution (*.png)")
        svg = QCoreApplication.translate("MainWindow", "SVG image (*.svg)")
        start = str(Path(self.settings.value("chart_image_dir", str(Path.home()), type=str)) / suggested)
        path, chosen = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("MainWindow", "Save chart image"), start, f"{png};;{svg}")
        return path, chosen

    def save_chart_image(self) -> Path | None:
        """Chart > Save chart image…: the chart of the fact shown, as PNG (2×) or SVG, in the content language."""
        chart_id = self.current_chart_id()
        if chart_id is None:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Open a fact with a chart first."), 4000)
            return None
        path, chosen = self.ask_chart_image_path(f"{chart_id}.png")
        if not path:
            return None
        dest = Path(path)
        as_svg = dest.suffix.lower() == ".svg" or (not dest.suffix and "svg" in chosen.lower())
        if dest.suffix.lower() not in (".png", ".svg"):
            dest = dest.with_name(dest.name + (".svg" if as_svg else ".png"))
        spec = self.catalog.charts[chart_id]
        from nap_desktop.exporters import ExportError

        try:
            if as_svg:
                from nap_desktop.exporters.svg_chart import export_svg

                export_svg(spec, self.catalog, dest, lang=self._lang)
            else:
                from nap_desktop.ui.export.chart_image import export_png

                export_png(spec, self.catalog, dest, lang=self._lang, scale=2.0)
        except (ExportError, OSError, ValueError) as exc:
            QMessageBox.warning(self, QCoreApplication.translate("MainWindow", "Save chart image"),
                                QCoreApplication.translate("MainWindow", "Could not save the chart image:\n%1")
                                .replace("%1", str(exc)))
            return None
        self.settings.setValue("chart_image_dir", str(dest.parent))
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Chart saved to %1.").replace("%1", str(dest)), 5000)
        return dest

    def go_back(self) -> None:
        """Esc: one step back, where the page's own Back button goes (a chart opened from the Charts or
        Sources view goes back there); on the cards, Esc clears the search (as Help says), the
        focus staying where it was."""
        current = self.pages.currentWidget()
        chart_page = getattr(self.browse, "chart_page", None)
        if chart_page is not None and current is chart_page:
            self.browse._back_from_chart()
            return
        if current is self.cards_page:
            if self.search_field.text():
                self.search_field.clear()
            return
        self.show_cards()

    def show_cards(self) -> None:
        came_from = self._detail_view.fact.id if self._showing_detail() and self._detail_view.fact else None
        self.pages.setCurrentWidget(self.cards_page)
        self._update_chart_action()
        if came_from:
            self.card_grid.focus_fact(came_from)

    def show_pack(self) -> None:
        self.pack_dock.show()
        self.pack_dock.raise_()

    # ---- the pack -------------------------------------------------------------------------------
    def add_fact_to_pack(self, fact_id: str) -> None:
        before = len(self.document.pack.items)
        self.document.add_fact(fact_id)
        self._report_add(len(self.document.pack.items) > before)

    def add_chart_to_pack(self, chart_id: str) -> None:
        before = len(self.document.pack.items)
        self.document.add_chart(chart_id)
        self._report_add(len(self.document.pack.items) > before)

    def remove_fact_from_pack(self, fact_id: str) -> None:
        """A card's "Remove from pack" (one undo step)."""
        item = self.document.find("fact", fact_id)
        if item is not None:
            self.document.remove(item.uid)
            self.statusBar().showMessage(QCoreApplication.translate("FactCards", "Removed from the briefing pack."), 3000)

    def copy_card_citation(self, fact_id: str) -> bool:
        """A card's "Copy with citation": as Ctrl+C on that card."""
        card = self.card_grid.card(fact_id)
        if card is not None:
            card.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.copy_citation()

    def open_fact_chart(self, fact_id: str) -> None:
        """A card's "Open chart": the chart's own page when the window has one, else the fact's detail at its chart."""
        fact = self.catalog.fact(fact_id)
        if fact is None or not fact.chart or fact.chart not in self.catalog.charts:
            return
        open_chart = getattr(self, "open_chart", None)
        if callable(open_chart):
            open_chart(fact.chart)
            return
        self.open_detail(fact_id)
        chart = self.detail_view.chart_view
        if chart is not None:
            self.detail_view.ensureWidgetVisible(chart)

    def _report_add(self, added: bool) -> None:
        if added:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Added to the briefing pack."), 3000)
        else:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Already in the briefing pack."), 3000)

    def _on_add_action_triggered(self) -> None:
        if self.browse.add_current():  # Ctrl+D in the Charts or Sources view
            return
        if self._showing_detail() and self.detail_view.fact is not None:
            self.add_fact_to_pack(self.detail_view.fact.id)
            return
        fact_id = self.card_grid.current_fact_id()
        selected = self.card_grid.selected_ids()
        if fact_id is not None and len(selected) > 1 and fact_id in selected:
            # several cards selected (Ctrl/Shift+click): all of them, one undo step
            before = len(self.document.pack.items)
            self.document.add_refs("fact", selected)
            self._report_add(len(self.document.pack.items) > before)
        elif fact_id is not None:
            self.add_fact_to_pack(fact_id)
        else:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Select a fact card first (arrow keys or a click)."), 4000)

    def _on_document_changed(self, change: Any) -> None:
        in_pack = {i.ref for i in self.document.pack.items if i.kind == "fact"}
        self.card_grid.set_in_pack(in_pack)

    def make_state_pack(self, code: str) -> bool:
        """A state's brief opened as an ordinary pack (unsaved, like one the user built), in the language
        of the interface; unsaved changes to the current pack are offered for saving first."""
        from nap_desktop.core.pack.state_brief import StateBriefError, brief_pack

        try:
            pack = brief_pack(self.catalog, code, self._lang)
        except StateBriefError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("MainWindow", "No brief for this state"), str(exc))
            return False
        if not self.file_controller.open_new(pack):
            return False
        self.pack_dock.show()
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "The brief is now the open pack: edit, save (Ctrl+S), export or present it."), 6000)
        return True

    def open_pack(self, path: Path) -> bool:
        return self.file_controller.open_path(Path(path), ask_unsaved=False)

    def offer_recovery(self) -> bool:
        return self.file_controller.offer_recovery()

    # ---- about / close ------------------------------------------------------------------------------
    def about_text(self) -> str:
        return (QCoreApplication.translate("MainWindow", "NAP Briefing %1").replace("%1", __version__) + "\n"
                + QCoreApplication.translate("MainWindow", "Data version %1").replace("%1", self.catalog.version or "?") + "\n\n"
                + QCoreApplication.translate("MainWindow", "The figures of The North American Project (México, ¿cómo vamos? and the "
                      "U.S.-Mexico Foundation, April 2026 update), each with its source. Works offline."))

    def copy_citation(self) -> bool:
        """Ctrl+C on a card or the detail: the fact with its citation, as plain text and HTML."""
        from PySide6.QtCore import QMimeData
        from PySide6.QtWidgets import QApplication

        from nap_desktop.ui.browse.facts import citation

        from nap_desktop.ui.browse.fact_cards import FactCardWidget

        focus = QApplication.focusWidget()
        fact_id = None
        if self._showing_detail() and self.detail_view.fact is not None and (
                focus is self.detail_view or (focus is not None and self.detail_view.isAncestorOf(focus))):
            fact_id = self.detail_view.fact.id
        elif isinstance(focus, FactCardWidget):
            fact_id = focus.fact.id
        fact = next((f for f in self.catalog.facts if f.id == fact_id), None) if fact_id else None
        if fact is None:
            self.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "Select a fact card first (arrow keys or a click)."), 4000)
            return False
        plain, html_text = citation(fact, self.catalog, self._lang)
        mime = QMimeData()
        mime.setText(plain)
        mime.setHtml(html_text)
        QApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Copied with its source."), 3000)
        return True

    def show_help(self) -> Any:
        """F1: the offline help page in the interface language."""
        from nap_desktop.ui.help import HelpDialog

        dialog = getattr(self, "_help_dialog", None)
        if dialog is None:
            dialog = HelpDialog(self)
            self._help_dialog = dialog
        dialog.show_page(self._lang)
        dialog.show()
        dialog.raise_()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, QCoreApplication.translate("MainWindow", "About NAP Briefing"), self.about_text())

    def dragEnterEvent(self, event: Any) -> None:
        if not self.updates.drag_enter(event):
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if self.updates.dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: Any) -> None:
        if not self.updates.drop(event):
            super().dropEvent(event)

    def closeEvent(self, event: Any) -> None:
        if not self.file_controller.maybe_close():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
