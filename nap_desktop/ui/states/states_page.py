"""The States view: a tile map and a searchable list of the 50 states and DC; choosing one shows its
brief (key figures and its trade chart); "Make a pack for this state" opens the brief as a pack."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QSizePolicy, QSplitter, QVBoxLayout, QWidget)

from nap_desktop.core.catalog.search import normalise
from nap_desktop.core.catalog.states import states
from nap_desktop.ui.states.tile_map import States, TileMap

CODE_ROLE = Qt.ItemDataRole.UserRole + 1



class StatesPage(QWidget):
    make_pack = Signal(str)
    message = Signal(str)

    def __init__(self, catalog: Any, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StatesPage")
        self._catalog = catalog
        self._lang = lang
        self._states = sorted(states(), key=lambda s: s.name_en)
        self.code = ""
        self.brief_error = ""

        outer = QHBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split)

        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        self.filter_field = QLineEdit()
        self.filter_field.setObjectName("StatesFilter")
        self.filter_field.setClearButtonEnabled(True)
        self.filter_field.textChanged.connect(self._filter)
        self.filter_field.returnPressed.connect(self._choose_first)
        self.filter_field.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("StatesList")
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda item: self.make_pack.emit(item.data(CODE_ROLE)))
        lay.addWidget(self.filter_field)
        lay.addWidget(self.list, 1)
        left.setMinimumWidth(170)
        left.setMaximumWidth(210)
        split.addWidget(left)

        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(8, 0, 0, 0)
        self.tile_map = TileMap(lang)
        self.tile_map.setMinimumHeight(200)
        self.tile_map.state_clicked.connect(self.show_state)
        self.tile_map.make_pack_requested.connect(self.make_pack.emit)
        rlay.addWidget(self.tile_map, 2)
        self.title_label = QLabel()
        self.title_label.setObjectName("StateBriefTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setMinimumWidth(200)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.make_button = QPushButton()
        self.make_button.setObjectName("MakeStatePackButton")
        self.make_button.setDefault(True)
        self.make_button.setEnabled(False)
        self.make_button.clicked.connect(lambda: self.code and self.make_pack.emit(self.code))
        rlay.addWidget(self.title_label)
        head = QHBoxLayout()
        head.addWidget(self.make_button)
        head.addStretch(1)
        rlay.addLayout(head)
        self.figures = QFrame()
        self.figures.setObjectName("StateFigures")
        self.figures_grid = QGridLayout(self.figures)
        self.figures_grid.setContentsMargins(0, 0, 0, 0)
        self.figures_grid.setHorizontalSpacing(16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        hlay = QVBoxLayout(holder)
        hlay.setContentsMargins(0, 0, 0, 0)
        hlay.addWidget(self.figures)
        self.charts_label = QLabel()
        self.charts_label.setObjectName("Muted")
        self.charts_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setObjectName("Muted")
        self.note_label.setWordWrap(True)
        hlay.addWidget(self.charts_label)
        hlay.addWidget(self.note_label)
        hlay.addStretch(1)
        scroll.setWidget(holder)
        rlay.addWidget(scroll, 3)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 800])
        self._fill_list()
        self.retranslate()

    # ---- public ----------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.tile_map.set_language(lang)
        self._fill_list()
        self.retranslate()
        if self.code:
            self._show_brief(self.code)

    def set_catalog(self, catalog: Any) -> None:
        self._catalog = catalog
        if self.code:
            self._show_brief(self.code)

    def show_state(self, code: str) -> None:
        """Choose a state (a tile clicked, a name picked): its brief shows, the list and map follow."""
        if not code:
            return
        self.code = code
        self.tile_map.select(code)
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(CODE_ROLE) == code and self.list.currentItem() is not item:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
                break
        self._show_brief(code)

    def add_current(self) -> None:
        if self.code:
            self.make_pack.emit(self.code)

    # ---- list ---------------------------------------------------------------------------------------
    def _name(self, s: Any) -> str:
        return s.name_es if self._lang == "es" else s.name_en

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for s in sorted(self._states, key=lambda s: normalise(self._name(s))):
            item = QListWidgetItem(f"{self._name(s)}  ({s.code})")
            item.setData(CODE_ROLE, s.code)
            # searchable by the postal code and both names, accents optional
            item.setData(Qt.ItemDataRole.UserRole + 2, normalise(f"{s.code} {s.name_en} {s.name_es}"))
            self.list.addItem(item)
            if s.code == self.code:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._filter(self.filter_field.text())

    def _filter(self, text: str) -> None:
        words = normalise(text).split()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = item.data(Qt.ItemDataRole.UserRole + 2)
            code = item.data(CODE_ROLE).lower()
            shown = all(w in hay for w in words) or (len(words) == 1 and words[0] == code)
            item.setHidden(not shown)
            if shown and first is None:
                first = item
        if words and first is not None and (self.list.currentItem() is None or self.list.currentItem().isHidden()):
            self.list.setCurrentItem(first)

    def _visible(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count()) if not self.list.item(i).isHidden()]

    def _choose_first(self) -> None:
        """Enter in the search field: the exact code or name typed, else the first match."""
        typed = normalise(self.filter_field.text().strip())
        shown = self._visible()
        exact = next((i for i in shown if typed in (i.data(CODE_ROLE).lower(),) or
                      typed in [normalise(s.name_en) for s in self._states if s.code == i.data(CODE_ROLE)] or
                      typed in [normalise(s.name_es) for s in self._states if s.code == i.data(CODE_ROLE)]), None)
        target = exact or (shown[0] if shown else None)
        if target is None:
            self.message.emit(States.tr("No state matches “%1”.").replace("%1", self.filter_field.text()))
            return
        self.list.setCurrentItem(target)
        self.show_state(target.data(CODE_ROLE))
        self.make_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_current(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is not None:
            self.show_state(item.data(CODE_ROLE))

    def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802
        if obj is self.filter_field and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            shown = self._visible()
            if shown and (self.list.currentItem() is None or self.list.currentItem().isHidden()):
                self.list.setCurrentItem(shown[0])
            return True
        return super().eventFilter(obj, event)

    # ---- the brief ------------------------------------------------------------------------------
    def _show_brief(self, code: str) -> None:
        from nap_desktop.core.deck import fact_figure
        from nap_desktop.core.pack.state_brief import StateBriefError, brief_items, footnote

        while self.figures_grid.count():
            w = self.figures_grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        try:
            facts, charts, _section, fig = brief_items(self._catalog, code)
        except StateBriefError as exc:
            self.brief_error = str(exc)
            self.title_label.setText(str(exc))
            self.make_button.setEnabled(False)
            return
        self.brief_error = ""
        lang = self._lang
        self.title_label.setText(facts[0].title(lang) if facts else self._name(fig.state))
        self.make_button.setEnabled(True)
        for n, fact in enumerate(facts):
            cell = QLabel()
            cell.setObjectName("StateFigure")
            cell.setWordWrap(True)
            cell.setTextFormat(Qt.TextFormat.PlainText)
            figure = fact_figure(fact, lang)
            period = fact.period_text(lang)
            cell.setTextFormat(Qt.TextFormat.RichText)
            head = html.escape(f"{figure} {fact.label(lang)}".strip())
            cell.setText(f"<b style='font-size:large'>{head}</b><br>{html.escape(fact.title(lang))}"
                         f"<br><span style='color:#5c6670'>{html.escape(period)}</span>")
            cols = 3 if self.width() >= 900 else 2
            self.figures_grid.addWidget(cell, n // cols, n % cols)
        self.charts_label.setText(States.tr("Charts in the brief: %1").replace("%1", "; ".join(c.title(lang) for c in charts)))
        self.note_label.setText(footnote(fig, lang))

    def retranslate(self) -> None:
        self.filter_field.setPlaceholderText(States.tr("Find a state: name or postal code (Enter shows its brief)"))
        self.make_button.setText(States.tr("Make a pack for this state"))
        self.make_button.setToolTip(States.tr("Open this state's brief as a pack you can edit, save, export and present"))
        if not self.code:
            self.title_label.setText(States.tr("Choose a state on the map or in the list to see its brief."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
