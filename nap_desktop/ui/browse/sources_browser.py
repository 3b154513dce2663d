"""The Sources view: every source with its publisher, title, date, status and URL (copyable, never
opened), and the facts and charts that use it; from there a fact or chart opens or goes into the pack.

Built the first time the user opens it (nap_desktop/ui/browse/browse.py), never at start-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.catalog.model import STATUS_LABELS, STATUS_SHORT, Catalog, Source
from nap_desktop.core.catalog.search import normalise
from nap_desktop.core.charts.spec import month_label
from nap_desktop.core.formatting import format_date
from nap_desktop.ui import theme
from nap_desktop.ui.browse.charts_browser import (
    ID_ROLE,
    BrowseTree,
    FilterField,
    _Item,
    _label,
    count_text,
    fact_line,
    haystack,
    matches,
)
from nap_desktop.ui.browse.fact_cards import StatusBadge

KIND_ROLE = Qt.ItemDataRole.UserRole + 6
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
STATUS_ORDER = {"official": 0, "report": 1, "secondary": 2}


def short_date(iso: str, lang: str) -> str:
    """'2024-09-12' / '2024-09' -> 'Sep 2024' / 'sep 2024'; a year stays a year."""
    return month_label(iso[:7], lang) if len(iso) >= 7 else iso


def source_uses(catalog: Catalog) -> dict[str, tuple[list[str], list[str]]]:
    """source id -> (fact ids, chart ids) that use it (a chart uses the sources of its dataset rows)."""
    uses: dict[str, tuple[list[str], list[str]]] = {sid: ([], []) for sid in catalog.sources}
    for fact in catalog.facts:
        for sid in dict.fromkeys(fact.sources):
            if sid in uses:
                uses[sid][0].append(fact.id)
    for spec in catalog.charts.values():
        for sid in dict.fromkeys(spec.sources):
            if sid in uses:
                uses[sid][1].append(spec.id)
    return uses


class UsesTree(QTreeWidget):
    """The facts and charts of one source: Enter / double-click opens one."""

    open_requested = Signal(str, str)  # kind, id

    def __init__(self) -> None:
        super().__init__()
        self.setRootIsDecorated(False)
        self.setColumnCount(2)
        self.setWordWrap(True)
        self.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.itemDoubleClicked.connect(lambda item, _c: self._open(item))

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and item.data(0, ID_ROLE):
            self.open_requested.emit(item.data(0, KIND_ROLE), item.data(0, ID_ROLE))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._open(self.currentItem())
            return
        super().keyPressEvent(event)

    def refs(self, *, selected: bool) -> list[tuple[str, str]]:
        items = self.selectedItems() if selected else [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        if selected and not items and self.currentItem() is not None:
            items = [self.currentItem()]
        return [(i.data(0, KIND_ROLE), i.data(0, ID_ROLE)) for i in items if i is not None]


class SourcesBrowser(QWidget):
    """The Sources page. Emits open_fact / open_chart / add_fact / add_chart with an id."""

    open_fact = Signal(str)
    open_chart = Signal(str)
    add_fact = Signal(str)
    add_chart = Signal(str)
    message = Signal(str)

    COLUMNS = 5  # source (publisher — title), date, status, facts, charts

    def __init__(self, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("SourcesPage")
        self._catalog = catalog
        self._lang = lang
        self._items: dict[str, QTreeWidgetItem] = {}
        self._hay: dict[str, str] = {}
        self._uses: dict[str, tuple[list[str], list[str]]] = {}
        self._compact = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GAP * 2, theme.GAP, theme.GAP * 2, theme.GAP)
        outer.setSpacing(theme.GAP)
        top = QHBoxLayout()
        self.heading = _label("H2")
        top.addWidget(self.heading)
        self.tree = BrowseTree()
        self.tree.setObjectName("SourcesTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.filter_field = FilterField(self.tree)
        self.filter_field.setObjectName("SourcesFilter")
        self.filter_field.textChanged.connect(self.apply_filter)
        top.addStretch(1)
        self.count_label = _label("ResultCount")
        self.count_label.setWordWrap(False)
        top.addWidget(self.count_label)
        outer.addLayout(top)
        outer.addWidget(self.filter_field)
        from nap_desktop.ui.updates.staleness import StaleDatasetsPanel  # datasets with newer figures likely out

        self.stale_panel = StaleDatasetsPanel()
        outer.addWidget(self.stale_panel)

        self.tree.setColumnCount(self.COLUMNS)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.open_requested.connect(lambda _sid: self.uses_tree.setFocus())

        # the selected source in full, then what uses it
        self.details = QFrame()
        self.details.setObjectName("SourceDetails")
        box = QVBoxLayout(self.details)
        box.setContentsMargins(0, theme.GAP // 2, 0, 0)
        box.setSpacing(6)
        head = QHBoxLayout()
        self.publisher_label = _label("ChartTitle", selectable=True)
        head.addWidget(self.publisher_label, 1)
        self.badge = StatusBadge("report", lang)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(head)
        self.title_label = _label("Muted", selectable=True)
        box.addWidget(self.title_label)
        url_row = QHBoxLayout()
        self.url_field = QLineEdit()
        self.url_field.setObjectName("SourceUrl")
        self.url_field.setReadOnly(True)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self._copy_url)
        url_row.addWidget(self.url_field, 1)
        url_row.addWidget(self.copy_button)
        box.addLayout(url_row)
        self.no_url_label = _label("Muted")
        box.addWidget(self.no_url_label)
        self.note_label = _label("Muted", selectable=True)
        box.addWidget(self.note_label)
        self.uses_heading = _label("Muted")
        box.addWidget(self.uses_heading)
        self.uses_tree = UsesTree()
        self.uses_tree.setObjectName("SourceUses")
        self.uses_tree.open_requested.connect(self._open_ref)
        box.addWidget(self.uses_tree, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton()
        self.open_button.setObjectName("OpenUseButton")
        self.open_button.clicked.connect(lambda: self.uses_tree._open(self.uses_tree.currentItem()))
        self.add_button = QPushButton()
        self.add_button.setObjectName("PrimaryButton")
        self.add_button.clicked.connect(lambda: self.add_selected())
        self.add_all_button = QPushButton()
        self.add_all_button.setObjectName("AddAllButton")
        self.add_all_button.clicked.connect(self.add_all)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        more = QHBoxLayout()  # its own row: the three never make the page wider than a narrow window
        more.addWidget(self.add_all_button)
        more.addStretch(1)
        box.addLayout(more)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        # the details scroll rather than clip on a short window (1024x640)
        self.details_scroll = QScrollArea()
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_scroll.setWidget(self.details)
        splitter.addWidget(self.details_scroll)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 400])
        self.tree.setMinimumHeight(150)
        self.uses_tree.setMinimumHeight(70)
        outer.addWidget(splitter, 1)
        self.splitter = splitter
        self.set_catalog(catalog)

    # ---- content -----------------------------------------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._uses = source_uses(catalog)
        self.stale_panel.set_catalog(catalog, self._lang)
        self._hay = {sid: self._haystack(src) for sid, src in catalog.sources.items()}
        self._rebuild()

    def _haystack(self, src: Source) -> str:
        labels = [STATUS_SHORT.get(src.status, {}).get(l, "") for l in ("en", "es")]
        labels += [STATUS_LABELS.get(src.status, {}).get(l, "") for l in ("en", "es")]
        yours = "yours user suya usuario" if src.origin == "user" else ""
        return haystack(src.id, src.publisher, src.title, src.title_es, src.url, src.date, src.note, src.note_es, src.status, *labels,
                        format_date(src.date, "en") if src.date else "",
                        format_date(src.date, "es") if src.date else "", yours)

    def _rebuild(self) -> None:
        current = self.tree.current_id()
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        self._items = {}
        for sid, src in self._catalog.sources.items():
            item = _Item()
            item.setData(0, ID_ROLE, sid)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self._fill_item(item, src)
            self.tree.addTopLevelItem(item)
            self._items[sid] = item
        self.tree.setSortingEnabled(True)
        if current in self._items:
            self.tree.setCurrentItem(self._items[current])
        self._retranslate()
        self.apply_filter(self.filter_field.text())

    COMPACT_WIDTH = 640

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        compact = self.width() < self.COMPACT_WIDTH
        if compact != self._compact:
            self._compact = compact
            for col in range(1, self.COLUMNS):
                self.tree.setColumnHidden(col, compact)
            for sid, item in self._items.items():
                self._fill_item(item, self._catalog.sources[sid])

    def _fill_item(self, item: QTreeWidgetItem, src: Source) -> None:
        lang = self._lang
        facts, charts = self._uses.get(src.id, ([], []))
        mine = "  (" + SourcesBrowser.tr("yours") + ")" if src.origin == "user" else ""  # lupdate skips f-strings
        text = " — ".join(p for p in (src.publisher_in(lang) + mine, src.title_in(lang)) if p)
        if self._compact:
            meta = [short_date(src.date, lang) if src.date else "", STATUS_SHORT.get(src.status, {}).get(lang, ""),
                    count_text(len(facts), "fact"), count_text(len(charts), "chart")]
            text += "\n" + " · ".join(p for p in meta if p)
        item.setText(0, text)
        item.setData(0, SORT_ROLE, normalise(src.publisher + " " + src.title_in(lang)))
        item.setToolTip(0, "\n".join(p for p in (src.publisher_in(lang), src.title_in(lang)) if p))
        item.setText(1, short_date(src.date, lang) if src.date else "—")
        item.setData(1, SORT_ROLE, src.date or "")
        item.setToolTip(1, format_date(src.date, lang) if src.date else "")
        item.setText(2, STATUS_SHORT.get(src.status, {}).get(lang, src.status))
        item.setData(2, SORT_ROLE, STATUS_ORDER.get(src.status, 9))
        item.setToolTip(2, STATUS_LABELS.get(src.status, {}).get(lang, ""))
        fg, bg = theme.STATUS_COLORS.get(src.status, (theme.MUTED, theme.SOFT))
        item.setForeground(2, QBrush(QColor(fg)))
        item.setBackground(2, QBrush(QColor(bg)))
        item.setText(3, f"{len(facts):,}")
        item.setData(3, SORT_ROLE, len(facts))
        item.setText(4, f"{len(charts):,}")
        item.setData(4, SORT_ROLE, len(charts))
        for col in (3, 4):
            item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.badge.set_language(lang)
        self.stale_panel.set_catalog(self._catalog, lang)
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._items:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.heading.setText(SourcesBrowser.tr("Sources"))
        self.filter_field.setPlaceholderText(SourcesBrowser.tr("Filter sources: publisher, title, year, status — English or Spanish"))
        self.filter_field.setToolTip(SourcesBrowser.tr("Accents and capitals do not matter"))
        self.tree.setHeaderLabels([SourcesBrowser.tr("Source"), SourcesBrowser.tr("Date"), SourcesBrowser.tr("Status"), SourcesBrowser.tr("Facts"), SourcesBrowser.tr("Charts")])
        self.tree.headerItem().setToolTip(3, SourcesBrowser.tr("How many facts cite the source"))
        self.tree.headerItem().setToolTip(4, SourcesBrowser.tr("How many charts draw rows from the source"))
        self.copy_button.setText(SourcesBrowser.tr("Copy link"))
        self.copy_button.setToolTip(SourcesBrowser.tr("Copy the address to the clipboard (the app never opens links)"))
        self.url_field.setToolTip(SourcesBrowser.tr("Select and copy the address; the app never opens links"))
        self.no_url_label.setText(SourcesBrowser.tr("No address recorded for this source."))
        self.open_button.setText(SourcesBrowser.tr("Open"))
        self.open_button.setToolTip(SourcesBrowser.tr("Open the selected fact or chart (Enter or a double click)"))
        self.add_button.setText(SourcesBrowser.tr("+ Add to pack"))
        self.add_button.setToolTip(SourcesBrowser.tr("Add the selected facts and charts to the briefing pack (Ctrl+D)"))
        self.add_all_button.setText(SourcesBrowser.tr("+ Add all to pack"))
        self.add_all_button.setToolTip(SourcesBrowser.tr("Add every fact and chart that uses this source to the briefing pack"))
        self.uses_tree.setHeaderLabels([SourcesBrowser.tr("Kind"), SourcesBrowser.tr("Fact or chart")])
        self._update_count()
        self._show_current()

    # ---- filter --------------------------------------------------------------------------------------
    def apply_filter(self, text: str = "") -> None:
        for sid, item in self._items.items():
            item.setHidden(not matches(text, self._hay.get(sid, "")))
        self._update_count()
        current = self.tree.currentItem()
        if current is None or current.isHidden():
            first = next((self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())
                          if not self.tree.topLevelItem(i).isHidden()), None)
            self.tree.setCurrentItem(first)
            if first is None:
                self._show_current()

    def visible_ids(self) -> list[str]:
        return [self.tree.topLevelItem(i).data(0, ID_ROLE) for i in range(self.tree.topLevelItemCount())
                if not self.tree.topLevelItem(i).isHidden()]

    def _update_count(self) -> None:
        self.count_label.setText(SourcesBrowser.tr("%1 of %2 sources").replace("%1", f"{len(self.visible_ids()):,}")
                                 .replace("%2", f"{len(self._items):,}"))

    # ---- selection -----------------------------------------------------------------------------------
    def current_source(self) -> Source | None:
        sid = self.tree.current_id()
        return self._catalog.sources.get(sid) if sid else None

    def select_source(self, source_id: str) -> bool:
        item = self._items.get(source_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        return True

    def _show_current(self) -> None:
        src, lang = self.current_source(), self._lang
        self.details.setVisible(src is not None)
        if src is None:
            return
        self.publisher_label.setText(src.publisher_in(lang))
        self.badge.set_status(src.status)
        self.badge.set_language(lang)
        when = format_date(src.date, lang) if src.date else ""
        self.title_label.setText(" · ".join(p for p in (src.title_in(lang), when) if p))
        self.url_field.setText(src.url)
        self.url_field.setCursorPosition(0)
        self.url_field.setVisible(bool(src.url))
        self.copy_button.setVisible(bool(src.url))
        self.no_url_label.setVisible(not src.url)
        # the source's note, then why it has no specific link or date (the reasons data check requires)
        why = src.reasons(lang) if hasattr(src, "reasons") else ""
        note = "\n\n".join(p for p in (src.note_in(lang), why) if p)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        facts, charts = self._uses.get(src.id, ([], []))
        self.uses_tree.clear()
        for fid in facts:
            fact = self._catalog.fact(fid)
            if fact is None:
                continue
            item = QTreeWidgetItem([SourcesBrowser.tr("Fact"), fact_line(fact, lang)])
            item.setData(0, ID_ROLE, fid)
            item.setData(0, KIND_ROLE, "fact")
            item.setToolTip(1, fact.text(lang))
            self.uses_tree.addTopLevelItem(item)
        for cid in charts:
            spec = self._catalog.charts.get(cid)
            if spec is None:
                continue
            item = QTreeWidgetItem([SourcesBrowser.tr("Chart"), spec.title(lang)])
            item.setData(0, ID_ROLE, cid)
            item.setData(0, KIND_ROLE, "chart")
            item.setToolTip(1, spec.title(lang))
            self.uses_tree.addTopLevelItem(item)
        n = len(facts) + len(charts)
        self.uses_heading.setText(
            SourcesBrowser.tr("Used by %1 and %2 (double-click or Enter opens one; Ctrl+D adds it)")
            .replace("%1", count_text(len(facts), "fact")).replace("%2", count_text(len(charts), "chart")) if n else
            SourcesBrowser.tr("No fact or chart uses this source."))
        self.uses_tree.setVisible(bool(n))
        for button in (self.open_button, self.add_button, self.add_all_button):
            button.setEnabled(bool(n))
        if n:
            self.uses_tree.setCurrentItem(self.uses_tree.topLevelItem(0))

    def _copy_url(self) -> None:
        src = self.current_source()
        if src is not None and src.url:
            QGuiApplication.clipboard().setText(src.url)
            self.message.emit(SourcesBrowser.tr("Address copied."))

    def _open_ref(self, kind: str, ref: str) -> None:
        (self.open_chart if kind == "chart" else self.open_fact).emit(ref)

    def _add(self, refs: list[tuple[str, str]]) -> bool:
        for kind, ref in refs:
            (self.add_chart if kind == "chart" else self.add_fact).emit(ref)
        return bool(refs)

    def add_selected(self) -> bool:
        """Ctrl+D / "+ Add to pack": the selected facts and charts of the source."""
        refs = self.uses_tree.refs(selected=True)
        if not refs:
            self.message.emit(SourcesBrowser.tr("Select a fact or chart of this source first."))
            return True
        return self._add(refs)

    def add_all(self) -> bool:
        refs = self.uses_tree.refs(selected=False)
        if not refs:
            self.message.emit(SourcesBrowser.tr("No fact or chart uses this source."))
            return False
        return self._add(refs)

    def add_current(self) -> bool:
        return self.add_selected()

    def focus_filter(self) -> None:
        self.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
