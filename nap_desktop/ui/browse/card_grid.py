"""The reflowing grid of fact cards: as many columns as the width allows, a card widget only for
the rows on screen (virtual scrolling), keyboard navigation between cards.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QLabel, QWidget

from nap_desktop.core.catalog.model import Catalog, Fact
from nap_desktop.core.catalog.search import Matches
from nap_desktop.ui import theme
from nap_desktop.ui.browse.fact_cards import _NAV_KEYS, FactCardWidget
from nap_desktop.ui.browse.facts import FactListModel, match_note, match_where


#: Narrowest a card may get before the grid drops a column (device-independent pixels).
MIN_CARD_WIDTH = 265


def _invalidate(layout: Any) -> None:
    layout.invalidate()
    for i in range(layout.count()):
        child = layout.itemAt(i).layout()
        if child is not None:
            _invalidate(child)


class CardGrid(QAbstractScrollArea):
    """Shows a FactListModel as cards in as many columns as the width allows — virtually.

    Only the rows on screen have card widgets: a small pool of FactCardWidgets is rebound to the
    facts in view as the user scrolls, searches or resizes, so a keystroke costs the same with 100
    facts or 100,000. A row is as tall as its tallest card (word-wrapped text measured by the card's
    own layout, so long Spanish statements never clip); heights are cached per card width and
    language, and rows not yet seen count with the average height until they scroll into view.
    Cards mark what the search matched (FactListModel.matches); a card with a "matched in" note
    is measured with it.
    """

    open_requested = Signal(str)
    selection_changed = Signal(list)  # the selected fact ids, in the grid's order
    add_requested = Signal(str)
    remove_requested = Signal(str)
    copy_requested = Signal(str)
    chart_requested = Signal(str)

    def __init__(self, model: FactListModel, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        self._catalog = catalog
        self._lang = lang
        self._order_cache: list[str] | None = None
        self._index_cache: dict[str, int] | None = None
        self._fact_list: list[Fact] = []
        self._columns = 0
        self._card_width = 0
        self._narrowest = MIN_CARD_WIDTH
        self._in_pack: set[str] = set()
        self._current: str | None = None
        #: card width -> {fact id: height without a "matched in" note} in self._lang; kept for a few
        #: widths, so the scroll bar coming and going between two keystrokes does not re-measure cards
        self._heights_by_width: dict[int, dict[str, int]] = {}
        self._heights: dict[str, int] = {}  # the current width's
        self._note_heights: dict[str, int] = {}  # "matched in" note -> what it adds, at this width
        self._matches: Matches | None = None
        self._row_heights: list[int | None] = []
        self._row_tops: list[int] = []
        self._estimated = 240
        self._bound: dict[str, FactCardWidget] = {}  # fact id -> the pooled card showing it
        self._spare: list[FactCardWidget] = []
        self._measurer: FactCardWidget | None = None
        #: no layout (no card built or measured) until the grid is first shown at its real size, or one
        #: of its cards is asked for: a layout at the size before show would be thrown away at the first
        #: resize (start-up paid twice for the cards on screen)
        self._deferred = True
        self._margins = (theme.GAP * 2, theme.GAP, theme.GAP * 2, theme.GAP * 2)  # left, top, right, bottom
        self._hspace = theme.GAP
        self._vspace = theme.GAP + 4
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: the cards keep their width while typing narrows the results to a screenful and
        # back (no reflow under the reader's eyes, no second layout and re-measure in that keystroke).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setObjectName("CardGridCanvas")
        self.verticalScrollBar().setSingleStep(48)
        self.empty_label = QLabel(self.viewport())
        self.empty_label.setObjectName("EmptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        model.modelReset.connect(self._on_model_reset)
        model.dataChanged.connect(self._on_model_data_changed)
        self._on_model_reset()

    # ---- public -----------------------------------------------------------------------------
    def fact_ids(self) -> list[str]:
        """Every fact the grid shows (the search results), in order, on screen or not."""
        return list(self._order)

    def cards(self) -> list[FactCardWidget]:
        """The card widgets on screen, in order (the grid builds cards only for what is in view)."""
        self._settle()
        return [card for _, card in sorted(self._bound.items(), key=lambda kv: self._index[kv[0]])]

    def card(self, fact_id: str) -> FactCardWidget | None:
        """The card showing `fact_id`, if it is on screen (see ensure_visible)."""
        self._settle()
        return self._bound.get(fact_id)

    def columns(self) -> int:
        self._settle()
        return self._columns

    def current_fact_id(self) -> str | None:
        """The card with keyboard focus, or the one that had it last (if still shown)."""
        self._settle()
        for fact_id, card in self._bound.items():
            if card.hasFocus():
                return fact_id
        return self._current if self._current in self._index else None

    def focus_first(self) -> None:
        if self._order:
            self.focus_fact(self._order[0])

    def focus_fact(self, fact_id: str) -> bool:
        """Scroll `fact_id`'s card into view and give it the keyboard focus."""
        if fact_id not in self._index:
            return False
        self._current = fact_id
        self.ensure_visible(fact_id)
        card = self._bound.get(fact_id)
        if card is not None:
            card.setFocus(Qt.FocusReason.TabFocusReason)
        return card is not None

    def ensure_visible(self, fact_id: str) -> None:
        self._settle()
        i = self._index.get(fact_id)
        if i is None or not self._columns:
            return
        row = i // self._columns
        bar = self.verticalScrollBar()
        view = self.viewport().height()
        margin = theme.GAP
        for _ in range(6):  # rows measured on the way in move the target: settle in a few passes
            self._measure_rows(row, row)
            top = self._row_tops[row]
            height = self._row_heights[row] or 0
            if top - margin < bar.value():
                bar.setValue(max(0, top - margin))
            elif top + height + margin > bar.value() + view:
                bar.setValue(min(top - margin, top + height + margin - view))
            else:
                break
            self._update_visible()
        self._update_visible()

    def set_language(self, lang: str) -> None:
        if lang == self._lang:
            return
        self._lang = lang
        self._clear_heights()
        for fact_id, card in self._bound.items():
            card.set_fact(card.fact, lang, fact_id in self._in_pack)
        for card in self._spare:  # parked out of view, still shown: never left in the other language
            card.set_fact(card.fact, lang)
        self._relayout(force=True)

    def set_catalog(self, catalog: Catalog) -> None:
        """The catalog changed (the user library): cards are rebuilt from the new facts."""
        self._catalog = catalog
        self._release_all()
        for card in self._spare + ([self._measurer] if self._measurer is not None else []):
            card.deleteLater()
        self._spare = []
        self._measurer = None
        self._clear_heights()

    def set_in_pack(self, fact_ids: set[str]) -> None:
        self._in_pack = set(fact_ids)
        for fact_id, card in self._bound.items():
            card.set_in_pack(fact_id in self._in_pack)

    def set_empty_text(self, text: str) -> None:
        self.empty_label.setText(text)

    # ---- model --------------------------------------------------------------------------------
    def _clear_heights(self) -> None:
        self._heights_by_width.clear()
        self._heights = self._heights_by_width.setdefault(self._card_width, {})
        self._note_heights = {}

    def _on_model_reset(self) -> None:
        self._fact_list = self._model.facts()
        self._matches = self._model.matches()  # the cards in view take it in _update_visible
        self._order_cache = None  # ids and positions are built when a lookup needs them, not per keystroke
        self._index_cache = None
        self.verticalScrollBar().setValue(0)
        self._relayout(force=True)

    def _on_model_data_changed(self, *args: Any) -> None:
        self._clear_heights()
        for fact_id, card in self._bound.items():
            i = self._index.get(fact_id)
            card.set_fact(self._fact_list[i] if i is not None else card.fact, self._lang, fact_id in self._in_pack)
        self._relayout(force=True)

    # ---- layout -----------------------------------------------------------------------------
    def _columns_for(self, width: int) -> int:
        left, _, right, _ = self._margins
        usable = width - left - right
        # Never narrower than a card can be (long Spanish words, the button): no clipped cards.
        return max(1, (usable + self._hspace) // (self._narrowest + self._hspace))

    def _settle(self) -> None:
        """The layout put off until the first show (_deferred), done now at the grid's current size."""
        if self._deferred:
            self._deferred = False
            self._relayout(force=True)

    def _relayout(self, force: bool = False) -> None:
        if self._deferred:
            return  # done at the first show (showEvent) or when a card is asked for (_settle)
        width = self.viewport().width()
        columns = self._columns_for(width)
        left, _, right, _ = self._margins
        card_width = max(1, (width - left - right - (columns - 1) * self._hspace) // columns)
        if card_width != self._card_width:
            if card_width not in self._heights_by_width and len(self._heights_by_width) >= 6:
                self._heights_by_width.clear()
            self._heights = self._heights_by_width.setdefault(card_width, {})
            self._note_heights = {}
        elif not force and columns == self._columns:
            self._update_visible()
            return
        self._columns = columns
        self._card_width = card_width
        self._rebuild_rows()
        self._update_visible()

    def _rebuild_rows(self) -> None:
        """Row heights from the cache (None where a card was never measured at this width)."""
        # Every row starts unknown (the average height); the rows on screen are then filled from the
        # height cache or measured. Cheap on every keystroke whatever the number of results.
        cols = max(1, self._columns)
        self._row_heights = [None] * -(-len(self._fact_list) // cols)
        self._recompute_tops()

    def _estimate(self) -> int:
        """Height assumed for a row not measured yet: the mean card height at this width."""
        heights = self._heights
        return sum(heights.values()) // len(heights) if heights else 240

    def _recompute_tops(self) -> None:
        estimate, space = self._estimate(), self._vspace
        self._estimated = estimate
        steps = [(h or estimate) + space for h in self._row_heights]
        tops = list(accumulate(steps, initial=self._margins[1]))
        top = tops.pop()
        self._row_tops = tops
        total = (top - space if tops else top) + self._margins[3]
        bar = self.verticalScrollBar()
        view = self.viewport().height()
        bar.setRange(0, max(0, total - view))
        bar.setPageStep(max(1, view))

    @property
    def _order(self) -> list[str]:
        """The ids of the results, in order."""
        if self._order_cache is None:
            self._order_cache = [fact.id for fact in self._fact_list]
        return self._order_cache

    @property
    def _index(self) -> dict[str, int]:
        """Fact id -> position in the results."""
        if self._index_cache is None:
            self._index_cache = dict(zip(self._order, range(len(self._order))))
        return self._index_cache

    def _measure(self, position: int) -> int:
        fact = self._fact_list[position]
        fact_id = fact.id
        height = self._heights.get(fact_id)
        if height is None:
            if self._measurer is None:
                self._measurer = FactCardWidget(fact, self._catalog, self._lang, self.viewport())
                self._measurer.measuring = True
                self._measurer.hide()
                self._measurer.ensurePolished()
            m = self._measurer
            m.set_fact(fact, self._lang, fact_id in self._in_pack, None)  # marks never change the height
            _invalidate(m.layout())  # a hidden widget's nested layouts keep the previous text's heights
            height = m.heightForWidth(self._card_width)
            widest = m.minimumSizeHint().width()
            if widest > self._narrowest:  # a word too long for the narrowest card: fewer columns
                self._narrowest = widest
            self._heights[fact_id] = height
        where = match_where(fact, self._lang, self._matches)
        return height + self._note_height(where) if where else height

    def _note_height(self, where: tuple[str, ...]) -> int:
        """What a "matched in" note adds to a card at this width: its wrapped lines and the spacing."""
        note = match_note(where)
        height = self._note_heights.get(note)
        if height is None:
            m = self._measurer
            assert m is not None  # _measure made it
            inner = self._card_width - m.stripe.width() - 2 * (theme.GAP + 2)
            m.match_label.setText(note)
            height = m.match_label.heightForWidth(max(1, inner)) + m.body_spacing
            self._note_heights[note] = height
        return height

    def _measure_rows(self, first: int, last: int) -> bool:
        """Measure rows first..last (inclusive); True if a height changed."""
        cols, changed = max(1, self._columns), False
        for row in range(max(0, first), min(last, len(self._row_heights) - 1) + 1):
            if self._row_heights[row] is None:
                end = min(len(self._fact_list), (row + 1) * cols)
                self._row_heights[row] = max(self._measure(p) for p in range(row * cols, end))
                changed = True
        if changed:
            narrowest = self._narrowest
            if self._columns_for(self.viewport().width()) != self._columns and narrowest > MIN_CARD_WIDTH:
                self._relayout(force=True)
            else:
                self._recompute_tops()
        return changed

    def _visible_rows(self) -> tuple[int, int]:
        tops = self._row_tops
        if not tops:
            return 0, -1
        y0 = self.verticalScrollBar().value()
        y1 = y0 + self.viewport().height()
        first = max(0, bisect_right(tops, y0) - 1)
        last = max(first, bisect_right(tops, y1) - 1)
        return first, last

    def _update_visible(self) -> None:
        if not self._fact_list:
            self._release_all()
            self.empty_label.setGeometry(self.viewport().rect())
            self.empty_label.show()
            return
        self.empty_label.hide()
        for _ in range(4):  # measuring rows moves the ones below; a few passes settle it
            first, last = self._visible_rows()
            if not self._measure_rows(first, last):
                break
        first, last = self._visible_rows()
        cols, facts = self._columns, self._fact_list
        wanted: list[tuple[str, int, int, int]] = []  # fact id, position, row, column
        for row in range(first, last + 1):
            for col, fact in enumerate(facts[row * cols:(row + 1) * cols]):
                wanted.append((fact.id, row * cols + col, row, col))
        wanted_ids = {w[0] for w in wanted}
        had_focus = any(card.hasFocus() for card in self._bound.values())
        free = []
        for fact_id in [f for f in self._bound if f not in wanted_ids]:
            card = self._bound.pop(fact_id)
            if card.hasFocus():
                self.setFocus(Qt.FocusReason.OtherFocusReason)  # keep the keyboard in the grid
            free.append(card)
        free += self._spare
        self._spare = []
        offset = self.verticalScrollBar().value()
        left = self._margins[0]
        for fact_id, position, row, col in wanted:
            card = self._bound.get(fact_id)
            if card is None:
                fact = self._fact_list[position]
                if free:
                    card = free.pop()
                    card.set_fact(fact, self._lang, fact_id in self._in_pack, self._matches)
                else:
                    card = self._new_card(fact)
                self._bound[fact_id] = card
            else:
                card.set_matches(self._matches)  # a card kept for the same fact: the new query's marks
            card.set_selected(fact_id in set(getattr(self, "_selected", ())))
            card.setGeometry(left + col * (self._card_width + self._hspace), self._row_tops[row] - offset,
                             self._card_width, self._row_heights[row] or self._estimated)
            if not card.isVisible():
                card.show()
        for card in free:
            self._park(card)
        self._spare = free
        if (had_focus or self.hasFocus()) and self._current in self._bound:
            card = self._bound[self._current]
            if not card.hasFocus():
                card.setFocus(Qt.FocusReason.OtherFocusReason)

    def _release_all(self) -> None:
        for card in self._bound.values():
            if card.hasFocus():
                self.setFocus(Qt.FocusReason.OtherFocusReason)
            self._park(card)
            self._spare.append(card)
        self._bound.clear()

    def _park(self, card: FactCardWidget) -> None:
        """A card no fact needs: moved out of the viewport, not hidden (showing a hidden card again costs
        more than the rest of a keystroke)."""
        card.move(-card.width() - 10_000, 0)

    def _new_card(self, fact: Fact) -> FactCardWidget:
        card = FactCardWidget(fact, self._catalog, self._lang, self.viewport())
        card.set_in_pack(fact.id in self._in_pack)
        card.set_matches(self._matches)
        card.open_requested.connect(self.open_requested)
        card.add_requested.connect(self.add_requested)
        card.remove_requested.connect(self.remove_requested)
        card.copy_requested.connect(self.copy_requested)
        card.chart_requested.connect(self.chart_requested)
        card.navigate_requested.connect(self._on_card_navigate)
        card.focused.connect(self._on_card_focused)
        card.clicked.connect(self._on_card_clicked)
        return card

    # ---- selection (click, Ctrl+click, Shift+click) ---------------------------------------------
    def selected_ids(self) -> list[str]:
        """The selected facts among the results, in the grid's order."""
        chosen = set(getattr(self, "_selected", ()))
        return [f for f in self._order if f in chosen]

    def _on_card_clicked(self, fact_id: str, modifiers: Any) -> None:
        selected: list[str] = list(getattr(self, "_selected", []))
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        anchor = getattr(self, "_anchor", None)
        if shift and anchor in self._index:
            a, b = sorted((self._index[anchor], self._index[fact_id]))
            run = self._order[a:b + 1]
            selected = list(dict.fromkeys((selected if ctrl else []) + run))
        elif ctrl:
            selected = [f for f in selected if f != fact_id] if fact_id in selected else selected + [fact_id]
            self._anchor = fact_id
        else:
            selected = [fact_id]
            self._anchor = fact_id
        self._selected = selected
        self._show_selection()
        self.selection_changed.emit(self.selected_ids())

    def _show_selection(self) -> None:
        chosen = set(getattr(self, "_selected", ()))
        for fact_id, card in self._bound.items():
            card.set_selected(fact_id in chosen)
        for card in self._spare:
            card.set_selected(False)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._relayout()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._settle()  # the first show: the cards in view, built and measured once at the real width

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._update_visible()

    # ---- keyboard -----------------------------------------------------------------------------
    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.MouseFocusReason):
            target = self._current if self._current in self._index else (self._order[0] if self._order else None)
            if target is not None:
                self.focus_fact(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys reach the grid itself when the focused card scrolled out of view."""
        current = self._current if self._current in self._index else None
        key = event.key()
        if current is not None and key in _NAV_KEYS:
            self._on_card_navigate(current, int(key))
        elif current is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(current)
        elif current is not None and key == Qt.Key.Key_Space and not event.modifiers():
            self.add_requested.emit(current)
        else:
            super().keyPressEvent(event)

    def _on_card_focused(self, fact_id: str) -> None:
        self._current = fact_id

    def _on_card_navigate(self, fact_id: str, key: int) -> None:
        i = self._index.get(fact_id)
        if i is None:
            return
        n, cols = len(self._order), max(1, self._columns)
        rows_per_page = max(1, self.viewport().height() // max(1, self._estimate() + self._vspace))
        target = {
            int(Qt.Key.Key_Left): i - 1, int(Qt.Key.Key_Right): i + 1,
            int(Qt.Key.Key_Up): i - cols, int(Qt.Key.Key_Down): i + cols,
            int(Qt.Key.Key_Home): 0, int(Qt.Key.Key_End): n - 1,
            int(Qt.Key.Key_PageUp): max(i % cols, i - cols * rows_per_page),
            int(Qt.Key.Key_PageDown): min(n - 1, i + cols * rows_per_page),
        }.get(key, i)
        if 0 <= target < n:
            self.focus_fact(self._order[target])
