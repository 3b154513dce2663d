"""Fact cards: the list model of search results, one card widget per fact, and the reflowing grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.formatting import format_value
from nap_desktop.core.model import STATUS_LABELS, STATUS_SHORT, Catalog, Fact
from nap_desktop.ui import theme

#: Narrowest a card may get before the grid drops a column (device-independent pixels).
MIN_CARD_WIDTH = 265

FactIdRole = Qt.ItemDataRole.UserRole + 1
SectionRole = Qt.ItemDataRole.UserRole + 2
HeadlineRole = Qt.ItemDataRole.UserRole + 3


def fact_status(fact: Fact, catalog: Catalog) -> str:
    """The status shown for a fact: that of its first source, the agency the figure comes from."""
    for sid in fact.sources:
        src = catalog.sources.get(sid)
        if src is not None:
            return src.status
    return "report"


def fact_publisher(fact: Fact, catalog: Catalog) -> str:
    src = catalog.sources.get(fact.sources[0]) if fact.sources else None
    return src.publisher if src is not None else ""


def period_text(fact: Fact, lang: str) -> str:
    """The period in the reader's language (core.formatting.format_period via the model)."""
    return fact.period_text(lang)


def headline(fact: Fact, lang: str) -> str:
    """The card's big figure, with its qualifier and noun: 'more than USD 1.6 trillion'."""
    if fact.value is None:
        return ""
    text = format_value(fact.value, fact.unit, lang, decimals=fact.decimals, qualifier=fact.qualifier,
                        value_max=fact.value_max)
    label = fact.label(lang)
    return f"{text} {label}" if label else text


class FactListModel(QAbstractListModel):
    """The facts currently shown (search results), in order; the card grid is its view."""

    def __init__(self, catalog: Catalog, lang: str = "en", parent: Any = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._facts: list[Fact] = []

    def set_facts(self, facts: list[Fact] | tuple[Fact, ...]) -> None:
        self.beginResetModel()
        self._facts = list(facts)
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._facts:
            self.dataChanged.emit(self.index(0), self.index(len(self._facts) - 1))

    def facts(self) -> list[Fact]:
        return list(self._facts)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._facts)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._facts):
            return None
        fact = self._facts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return fact.text(self._lang)
        if role == FactIdRole:
            return fact.id
        if role == SectionRole:
            return fact.section
        if role == HeadlineRole:
            return headline(fact, self._lang)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({FactIdRole: b"factId", SectionRole: b"section", HeadlineRole: b"headline"})
        return names


def _wrap_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if name:
        label.setObjectName(name)
    return label


class StatusBadge(QLabel):
    """'Official' / 'Report' / 'Secondary', with a tooltip saying what that means."""

    def __init__(self, status: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StatusBadge")
        self._status = status
        self.set_language(lang)
        fg, bg = theme.STATUS_COLORS.get(status, (theme.MUTED, theme.SOFT))
        self.setStyleSheet(f"QLabel#StatusBadge {{ color: {fg}; background: {bg}; border-radius: 9px;"
                           f" padding: 2px 9px; font-weight: 600; }}")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    @property
    def status(self) -> str:
        return self._status

    def set_language(self, lang: str) -> None:
        self.setText(STATUS_SHORT[self._status][lang])
        self.setToolTip(STATUS_LABELS[self._status][lang])


class FactCardWidget(QFrame):
    """One fact: headline figure, statement, period, publisher, status badge, 'add to pack'."""

    open_requested = Signal(str)
    add_requested = Signal(str)
    navigate_requested = Signal(str, int)  # fact id, Qt.Key
    focused = Signal(str)

    def __init__(self, fact: Fact, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.fact = fact
        self._catalog = catalog
        self._lang = lang
        self._in_pack = False
        section = catalog.section(fact.section)
        self._color = section.color if section else theme.ACCENT
        self.setObjectName("FactCard")
        self.setProperty("focused", False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        stripe = QFrame()
        stripe.setFixedWidth(5)
        stripe.setStyleSheet(f"background: {self._color}; border-top-left-radius: 10px;"
                             " border-bottom-left-radius: 10px;")
        outer.addWidget(stripe)
        body = QVBoxLayout()
        body.setContentsMargins(theme.GAP + 2, theme.GAP, theme.GAP + 2, theme.GAP)
        body.setSpacing(8)
        outer.addLayout(body, 1)

        top = QHBoxLayout()
        self.section_label = QLabel()
        self.section_label.setObjectName("SectionTag")
        self.section_label.setStyleSheet(f"color: {self._color};")
        self.section_label.setWordWrap(True)
        top.addWidget(self.section_label, 1)
        self.badge = StatusBadge(fact_status(fact, catalog), lang)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(top)

        self.value_label = _wrap_label(name="CardValue")
        self.value_label.setStyleSheet(f"color: {self._color};")
        body.addWidget(self.value_label)
        self.statement_label = _wrap_label()
        body.addWidget(self.statement_label)
        body.addStretch(1)
        self.meta_label = _wrap_label(name="CardMeta")
        body.addWidget(self.meta_label)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.add_button = QPushButton()
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the card itself takes Space
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.fact.id))
        bottom.addWidget(self.add_button)
        body.addLayout(bottom)
        self._refresh()

    # ---- content ----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.badge.set_language(lang)
        self._refresh()

    def set_in_pack(self, in_pack: bool) -> None:
        self._in_pack = in_pack
        self._retranslate()

    def _refresh(self) -> None:
        lang, fact = self._lang, self.fact
        section = self._catalog.section(fact.section)
        self.section_label.setText(section.title(lang) if section else fact.section)
        value = headline(fact, lang)
        self.value_label.setText(value)
        self.value_label.setVisible(bool(value))
        self.statement_label.setText(fact.text(lang))
        publisher = fact_publisher(fact, self._catalog)
        self.meta_label.setText(" · ".join(p for p in (period_text(fact, lang), publisher) if p))
        self._retranslate()

    def _retranslate(self) -> None:
        if self._in_pack:
            self.add_button.setText(QCoreApplication.translate("FactCardWidget", "✓ In the pack"))
            self.add_button.setToolTip(QCoreApplication.translate(
                "FactCardWidget", "This fact is already in the briefing pack"))
        else:
            self.add_button.setText(QCoreApplication.translate("FactCardWidget", "+ Add to pack"))
            self.add_button.setToolTip(QCoreApplication.translate(
                "FactCardWidget", "Add this fact to the briefing pack (Space or Ctrl+D)"))
        self.setAccessibleName(self.fact.text(self._lang))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ---- interaction -----------------------------------------------------------------------
    def focusInEvent(self, event: Any) -> None:
        self._set_focused(True)
        self.focused.emit(self.fact.id)
        super().focusInEvent(event)

    def focusOutEvent(self, event: Any) -> None:
        self._set_focused(False)
        super().focusOutEvent(event)

    def _set_focused(self, focused: bool) -> None:
        self.setProperty("focused", focused)
        self.style().unpolish(self)
        self.style().polish(self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.open_requested.emit(self.fact.id)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(self.fact.id)
        elif key == Qt.Key.Key_Space and not event.modifiers():
            self.add_requested.emit(self.fact.id)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                     Qt.Key.Key_Home, Qt.Key.Key_End):
            self.navigate_requested.emit(self.fact.id, int(key))
        else:
            super().keyPressEvent(event)


class CardGrid(QScrollArea):
    """Shows a FactListModel as cards in as many columns as the width allows."""

    open_requested = Signal(str)
    add_requested = Signal(str)

    def __init__(self, model: FactListModel, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        self._catalog = catalog
        self._lang = lang
        self._cards: dict[str, FactCardWidget] = {}
        self._order: list[str] = []
        self._columns = 0
        self._in_pack: set[str] = set()
        self._current: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._canvas = QWidget()
        self._canvas.setObjectName("CardGridCanvas")
        self._grid = QGridLayout(self._canvas)
        self._grid.setContentsMargins(theme.GAP * 2, theme.GAP, theme.GAP * 2, theme.GAP * 2)
        self._grid.setHorizontalSpacing(theme.GAP)
        self._grid.setVerticalSpacing(theme.GAP + 4)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("EmptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self._canvas)
        model.modelReset.connect(self._on_model_reset)
        model.dataChanged.connect(self._on_model_data_changed)
        self._on_model_reset()

    # ---- public -----------------------------------------------------------------------------
    def cards(self) -> list[FactCardWidget]:
        """The visible cards, in order."""
        return [self._cards[i] for i in self._order]

    def card(self, fact_id: str) -> FactCardWidget | None:
        return self._cards.get(fact_id) if fact_id in self._order else None

    def columns(self) -> int:
        return self._columns

    def current_fact_id(self) -> str | None:
        """The card with keyboard focus, or the one that had it last (if still shown)."""
        for fact_id in self._order:
            if self._cards[fact_id].hasFocus():
                return fact_id
        return self._current if self._current in self._order else None

    def focus_first(self) -> None:
        if self._order:
            self._focus(self._order[0])

    def set_language(self, lang: str) -> None:
        self._lang = lang
        for card in self._cards.values():
            card.set_language(lang)

    def set_in_pack(self, fact_ids: set[str]) -> None:
        self._in_pack = set(fact_ids)
        for fact_id, card in self._cards.items():
            card.set_in_pack(fact_id in self._in_pack)

    def set_empty_text(self, text: str) -> None:
        self.empty_label.setText(text)

    # ---- layout -----------------------------------------------------------------------------
    def _on_model_reset(self) -> None:
        order = []
        for row in range(self._model.rowCount()):
            fact_id = self._model.data(self._model.index(row), FactIdRole)
            order.append(fact_id)
            if fact_id not in self._cards:
                fact = self._catalog.fact(fact_id) or self._model.facts()[row]
                card = FactCardWidget(fact, self._catalog, self._lang, self._canvas)
                card.set_in_pack(fact_id in self._in_pack)
                card.open_requested.connect(self.open_requested)
                card.add_requested.connect(self.add_requested)
                card.navigate_requested.connect(self._on_card_navigate)
                card.focused.connect(self._on_card_focused)
                self._cards[fact_id] = card
        self._order = order
        self._relayout(force=True)

    def _on_model_data_changed(self, *args: Any) -> None:
        for card in self._cards.values():
            card.set_language(self._lang)

    def _columns_for(self, width: int) -> int:
        margins = self._grid.contentsMargins()
        usable = width - margins.left() - margins.right()
        spacing = self._grid.horizontalSpacing()
        # Never narrower than a card can be (long Spanish words, the button): no clipped cards.
        narrowest = max([MIN_CARD_WIDTH] + [self._cards[i].minimumSizeHint().width() for i in self._order])
        return max(1, (usable + spacing) // (narrowest + spacing))

    def _relayout(self, force: bool = False) -> None:
        columns = self._columns_for(self.viewport().width())
        if not force and columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        while grid.count():
            grid.takeAt(0)
        for fact_id, card in self._cards.items():
            if fact_id not in self._order:
                card.hide()
        for c in range(grid.columnCount()):
            grid.setColumnStretch(c, 0)
        for r in range(grid.rowCount()):
            grid.setRowStretch(r, 0)
        if not self._order:
            grid.addWidget(self.empty_label, 0, 0)
            self.empty_label.show()
            grid.setColumnStretch(0, 1)
            grid.setRowStretch(1, 1)
            return
        self.empty_label.hide()
        for position, fact_id in enumerate(self._order):
            card = self._cards[fact_id]
            grid.addWidget(card, position // columns, position % columns)
            card.show()
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        grid.setRowStretch((len(self._order) - 1) // columns + 1, 1)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._relayout()

    # ---- keyboard -----------------------------------------------------------------------------
    def _focus(self, fact_id: str) -> None:
        card = self._cards[fact_id]
        card.setFocus(Qt.FocusReason.TabFocusReason)
        self.ensureWidgetVisible(card, 0, theme.GAP)

    def _on_card_focused(self, fact_id: str) -> None:
        self._current = fact_id

    def _on_card_navigate(self, fact_id: str, key: int) -> None:
        if fact_id not in self._order:
            return
        i, n, cols = self._order.index(fact_id), len(self._order), max(1, self._columns)
        target = {
            int(Qt.Key.Key_Left): i - 1, int(Qt.Key.Key_Right): i + 1,
            int(Qt.Key.Key_Up): i - cols, int(Qt.Key.Key_Down): i + cols,
            int(Qt.Key.Key_Home): 0, int(Qt.Key.Key_End): n - 1,
        }.get(key, i)
        if 0 <= target < n:
            self._focus(self._order[target])
