"""Fact cards: the list model of search results, one card widget per fact, and the reflowing grid."""

from __future__ import annotations

import html
import json
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.formatting import format_value
from nap_desktop.core.catalog.model import STATUS_LABELS, STATUS_SHORT, Catalog, Fact
from nap_desktop.core.catalog.search import Matches
from nap_desktop.ui import theme
from nap_desktop.ui.i18n import TranslationContext
from nap_desktop.ui.pack.pack_model import FACT_MIME


class FactCards(TranslationContext):
    """The translation context of the cards' menu and search notes."""


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


def citation(fact: Fact, catalog: Catalog, lang: str) -> tuple[str, str]:
    """(plain text, HTML) for pasting a fact into an email: statement, figure, period, source line."""
    import html

    source_word = "Fuente" if lang == "es" else "Source"
    sources = [catalog.sources[sid] for sid in fact.sources if sid in catalog.sources]
    lines = [fact.text(lang)]
    figure = headline(fact, lang)
    period = period_text(fact, lang)
    lines.append(" · ".join(p for p in (figure, period) if p))
    source_parts = []
    for src in sources:
        source_parts.append(", ".join(p for p in (src.publisher_in(lang), src.title_in(lang), src.date) if p)
                            + (f" ({src.url})" if src.url else ""))
    if source_parts:
        lines.append(f"{source_word}: " + "; ".join(source_parts))
    plain = "\n".join(line for line in lines if line)
    cells = [f"<p>{html.escape(fact.text(lang))}</p>"]
    if lines[1]:
        cells.append(f"<p><b>{html.escape(lines[1])}</b></p>")
    if sources:
        links = []
        for src in sources:
            label = html.escape(", ".join(p for p in (src.publisher_in(lang), src.title_in(lang), src.date) if p))
            links.append(f'<a href="{html.escape(src.url, quote=True)}">{label}</a>' if src.url.startswith(
                ("https://", "http://")) else label)
        cells.append(f"<p><small>{source_word}: " + "; ".join(links) + "</small></p>")
    return plain, "".join(cells)


def period_text(fact: Fact, lang: str) -> str:
    """The period in the reader's language (core.formatting.format_period via the model)."""
    return fact.period_text(lang)


#: How a matched word is marked in a card's rich text (the test of the highlight looks for it).
HIGHLIGHT_OPEN = f'<span style="background-color:{theme.HIGHLIGHT};">'
HIGHLIGHT_CLOSE = "</span>"


def highlighted(text: str, matches: Matches | None) -> str | None:
    """`text` as rich text with the query's matched words marked, every character escaped;
    None when nothing in it matches (the label then shows plain text)."""
    spans = matches.spans(text) if matches is not None else []
    if not spans:
        return None
    parts, pos = [], 0
    for start, end in spans:  # no_break keeps "T-MEC" on one line, one character for one: spans still hold
        parts += [html.escape(theme.no_break(text[pos:start]), quote=False), HIGHLIGHT_OPEN,
                  html.escape(theme.no_break(text[start:end]), quote=False), HIGHLIGHT_CLOSE]
        pos = end
    parts.append(html.escape(theme.no_break(text[pos:]), quote=False))
    return "".join(parts).replace("\n", "<br>")


def match_where(fact: Fact, lang: str, matches: Matches | None) -> tuple[str, ...]:
    """Where the query matched `fact` beyond its card's own text (see Matches.where)."""
    if matches is None:
        return ()
    found = matches.where_cached(fact, lang)
    return found if found is not None else matches.where(fact, lang, (fact.text(lang), headline(fact, lang)))


def match_note(where: tuple[str, ...]) -> str:
    """'Matched in the Spanish text' / 'Matched in: source, country' in the interface language."""
    if not where:
        return ""
    if where == ("text_es",):
        return FactCards.tr("Matched in the Spanish text")
    if where == ("text_en",):
        return FactCards.tr("Matched in the English text")
    names = {
        "text_en": FactCards.tr("the English text"), "text_es": FactCards.tr("the Spanish text"),
        "note": FactCards.tr("the note"), "source": FactCards.tr("source"),
        "country": FactCards.tr("country"), "section": FactCards.tr("section"),
        "topic": FactCards.tr("topic"), "period": FactCards.tr("period"),
        "id": FactCards.tr("fact id"),
    }
    return FactCards.tr("Matched in: %1").replace("%1", ", ".join(names.get(w, w) for w in where))


def _set_label_text(label: QLabel, text: str, rich: str | None) -> None:
    if rich is None:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)
    else:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(rich)


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
        self._matches: Matches | None = None

    def set_facts(self, facts: list[Fact] | tuple[Fact, ...], matches: Matches | None = None) -> None:
        """Show `facts`; `matches` (SearchResult.matches) says what the query matched, for the highlights."""
        self.beginResetModel()
        self._facts = list(facts)
        self._matches = matches
        self.endResetModel()

    def matches(self) -> Matches | None:
        return self._matches

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._facts:
            self.dataChanged.emit(self.index(0), self.index(len(self._facts) - 1))

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog

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


class _Stripe(QWidget):
    """The section's colour down the card's left edge, rounded with the card's corners."""

    def __init__(self) -> None:
        super().__init__()
        self._color = QColor(theme.ACCENT)

    def set_color(self, color: str) -> None:
        self._color = QColor(color)
        self.update()

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._color)
        path = QPainterPath()  # 10 px corners on the left (the card's radius), straight on the right
        path.addRoundedRect(QRectF(0.5, 0.5, self.width() + 12, self.height() - 1), 10, 10)
        painter.setClipRect(self.rect())
        painter.drawPath(path)
        painter.end()


class StatusBadge(QLabel):
    """'Official' / 'Report' / 'Secondary', with a tooltip saying what that means."""

    def __init__(self, status: str, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StatusBadge")
        self._status = ""
        self._lang = lang
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_status(status)

    @property
    def status(self) -> str:
        return self._status

    def set_status(self, status: str) -> None:
        if status != self._status:
            self._status = status
            fg, bg = theme.STATUS_COLORS.get(status, (theme.MUTED, theme.SOFT))
            self.setStyleSheet(f"QLabel#StatusBadge {{ color: {fg}; background: {bg}; border-radius: 9px;"
                               f" padding: 2px 9px; font-weight: 600; }}")
        self.set_language(self._lang)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.setText(STATUS_SHORT[self._status][lang])
        self.setToolTip(STATUS_LABELS[self._status][lang])


class FactCardWidget(QFrame):
    """One fact: headline figure, statement, period, publisher, status badge, 'add to pack'.

    The card grid keeps only a screenful of these and rebinds them to other facts as the user
    scrolls or searches (`set_fact`), so a card never assumes it shows the same fact for ever.
    """

    open_requested = Signal(str)
    add_requested = Signal(str)
    remove_requested = Signal(str)  # take the fact out of the pack (context menu)
    copy_requested = Signal(str)  # copy with citation (context menu)
    chart_requested = Signal(str)  # open the fact's chart (context menu; the fact id)
    navigate_requested = Signal(str, int)  # fact id, Qt.Key
    focused = Signal(str)

    def __init__(self, fact: Fact, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.fact = fact
        self._catalog = catalog
        self._lang = lang
        self._in_pack = False
        self._color = ""
        self._matches: Matches | None = None
        self._press: QPoint | None = None  # where the left button went down (a drag starts from it)
        self._dragged = False
        self.menu: QMenu | None = None  # the context menu while it is open
        self.menus_opened = 0  # how many times (tests check one gesture opens one menu)
        self.measuring = False  # the grid's hidden measuring card: only what sets the height matters
        self.setObjectName("FactCard")
        self.setProperty("focused", False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.stripe = _Stripe()
        self.stripe.setFixedWidth(5)
        outer.addWidget(self.stripe)
        body = QVBoxLayout()
        body.setContentsMargins(theme.GAP + 2, theme.GAP, theme.GAP + 2, theme.GAP)
        body.setSpacing(8)
        self.body_spacing = 8
        outer.addLayout(body, 1)

        top = QHBoxLayout()
        self.section_label = QLabel()
        self.section_label.setObjectName("SectionTag")
        self.section_label.setWordWrap(True)
        top.addWidget(self.section_label, 1)
        self.yours_label = QLabel()  # the user's own fact (from their library)
        self.yours_label.setObjectName("YoursTag")
        self.yours_label.setStyleSheet(f"color: {theme.ACCENT}; background: #E3ECF6; border-radius: 9px;"
                                       " padding: 2px 8px; font-weight: 600;")
        top.addWidget(self.yours_label, 0, Qt.AlignmentFlag.AlignTop)
        self.badge = StatusBadge(fact_status(fact, catalog), lang)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(top)

        self.value_label = _wrap_label(name="CardValue")
        body.addWidget(self.value_label)
        self.statement_label = _wrap_label()
        body.addWidget(self.statement_label)
        self.match_label = _wrap_label(name="MatchNote")  # "Matched in the Spanish text"
        self.match_label.setStyleSheet(f"color: {theme.MUTED}; font-style: italic;")
        self.match_label.hide()
        body.addWidget(self.match_label)
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
    def set_fact(self, fact: Fact, lang: str | None = None, in_pack: bool | None = None,
                 matches: Matches | None | bool = False) -> None:
        """Show another fact (the grid recycles its cards); `matches`: the search's (False: keep)."""
        self.fact = fact
        if lang is not None:
            self._lang = lang
        if in_pack is not None:
            self._in_pack = in_pack
        if matches is not False:
            self._matches = matches  # type: ignore[assignment]
        self.badge._lang = self._lang
        self.badge.set_status(fact_status(fact, self._catalog))
        self._refresh()

    def set_matches(self, matches: Matches | None) -> None:
        """Mark what the search matched (None: no search, no marks)."""
        if matches is self._matches:
            return
        self._matches = matches
        self._show_matches()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.badge.set_language(lang)
        self._refresh()

    def set_in_pack(self, in_pack: bool) -> None:
        if in_pack != self._in_pack:
            self._in_pack = in_pack
            self._retranslate()

    def _set_color(self, color: str) -> None:
        if color == self._color or self.measuring:  # colours never change a height
            return
        self._color = color
        # the stripe is painted: a style sheet costs a re-polish each time a recycled card shows a fact of
        # another section (several per keystroke). The labels need one (the app's style sheet wins over
        # a palette).
        self.stripe.set_color(color)
        self.section_label.setStyleSheet(f"color: {color};")
        self.value_label.setStyleSheet(f"color: {color};")

    def _refresh(self) -> None:
        lang, fact = self._lang, self.fact
        section = self._catalog.section(fact.section)
        self._set_color(section.color if section else theme.ACCENT)
        self.section_label.setText(theme.no_break(section.title(lang)) if section else fact.section)
        self.yours_label.setVisible(getattr(fact, "origin", "bundled") == "user")
        self.yours_label.setText(QCoreApplication.translate("FactCardWidget", "Yours · untranslated")
                                 if fact.untranslated(lang) else QCoreApplication.translate("FactCardWidget", "Yours"))
        self.yours_label.setToolTip(QCoreApplication.translate("FactCardWidget", "A fact from your own library"))
        publisher = fact_publisher(fact, self._catalog)
        self.meta_label.setText(" · ".join(p for p in (period_text(fact, lang), publisher) if p))
        self._show_matches()
        self._retranslate()

    def _show_matches(self) -> None:
        """Headline and statement, with the search's words marked; the "matched in" note."""
        lang, fact, matches = self._lang, self.fact, self._matches
        value = headline(fact, lang)
        _set_label_text(self.value_label, theme.no_break(value), highlighted(value, matches))
        self.value_label.setVisible(bool(value))
        statement = fact.text(lang)
        _set_label_text(self.statement_label, theme.no_break(statement), highlighted(statement, matches))
        note = match_note(match_where(fact, lang, matches))
        self.match_label.setText(note)
        self.match_label.setVisible(bool(note))

    def match_text(self) -> str:
        """The "matched in ..." note shown on the card ('' when the card's own text matched)."""
        return self.match_label.text() if not self.match_label.isHidden() else ""

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
            if self._matches is not None:
                self.match_label.setText(match_note(match_where(self.fact, self._lang, self._matches)))
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
        if self.property("focused") == focused:
            return
        self.setProperty("focused", focused)
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._dragged = False
        elif event.button() == Qt.MouseButton.RightButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)  # the menu (and Ctrl+C after it) is about this card
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if (self._press is not None and event.buttons() & Qt.MouseButton.LeftButton
                and (event.position().toPoint() - self._press).manhattanLength() >= QApplication.startDragDistance()):
            self._press = None
            self._dragged = True
            self.start_drag()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        dragged, self._dragged, self._press = self._dragged, False, None
        if (event.button() == Qt.MouseButton.LeftButton and not dragged
                and self.rect().contains(event.position().toPoint())):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.open_requested.emit(self.fact.id)
            return
        super().mouseReleaseEvent(event)

    def mime_data(self) -> QMimeData:
        """What a drag carries: the fact id for the pack list (FACT_MIME, a JSON list) and the statement."""
        mime = QMimeData()
        mime.setData(FACT_MIME, QByteArray(json.dumps([self.fact.id]).encode("utf-8")))
        return mime

    def start_drag(self) -> Qt.DropAction:
        """Drag this card (into the pack list, which adds it at the drop row)."""
        drag = QDrag(self)
        drag.setMimeData(self.mime_data())
        picture = self.grab()
        if not picture.isNull() and picture.width() > 0:
            picture = picture.scaledToWidth(max(1, min(picture.width(), 220)),
                                            Qt.TransformationMode.SmoothTransformation)
            drag.setPixmap(picture)
            drag.setHotSpot(QPoint(picture.width() // 2, min(picture.height() // 2, 24)))
        return drag.exec(Qt.DropAction.CopyAction)

    # ---- context menu ---------------------------------------------------------------------------
    def build_menu(self) -> QMenu:
        """Open, Add to pack / Remove from pack, Copy with citation, Open chart (when the fact has one)."""
        fact_id = self.fact.id
        menu = QMenu(self)
        menu.setObjectName("FactCardMenu")
        open_action = menu.addAction(FactCards.tr("&Open"))
        open_action.setObjectName("OpenFact")
        open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        open_action.triggered.connect(lambda: self.open_requested.emit(fact_id))
        menu.setDefaultAction(open_action)
        if self._in_pack:
            pack_action = menu.addAction(FactCards.tr("&Remove from pack"))
            pack_action.setObjectName("RemoveFromPack")
            pack_action.triggered.connect(lambda: self.remove_requested.emit(fact_id))
        else:
            pack_action = menu.addAction(FactCards.tr("&Add to pack"))
            pack_action.setObjectName("AddToPack")
            pack_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
            pack_action.triggered.connect(lambda: self.add_requested.emit(fact_id))
        copy_action = menu.addAction(FactCards.tr("&Copy with citation"))
        copy_action.setObjectName("CopyCitation")
        copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy_action.triggered.connect(lambda: self.copy_requested.emit(fact_id))
        if self.fact.chart and self.fact.chart in self._catalog.charts:
            chart_action = menu.addAction(FactCards.tr("Open c&hart"))
            chart_action.setObjectName("OpenChart")
            chart_action.triggered.connect(lambda: self.chart_requested.emit(fact_id))
        for action in menu.actions():  # the shortcuts are hints: the card and the window handle the keys
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            self.open_menu(event.globalPos())
        else:
            self._open_menu_from_keyboard()
        event.accept()

    def _open_menu_from_keyboard(self) -> None:
        """The Menu key or Shift+F10: the menu opens over the statement's start, not where the mouse is."""
        self.open_menu(self.mapToGlobal(QPoint(theme.GAP * 2, min(self.height() - 4, self.statement_label.y() + 8))))

    def open_menu(self, global_pos: QPoint) -> None:
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.menus_opened += 1
        menu = self.build_menu()
        self.menu = menu
        try:
            menu.exec(global_pos)
        finally:
            self.menu = None
            menu.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10
                                      and event.modifiers() == Qt.KeyboardModifier.ShiftModifier):
            event.accept()
            self._open_menu_from_keyboard()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(self.fact.id)
        elif key == Qt.Key.Key_Space and not event.modifiers():
            self.add_requested.emit(self.fact.id)
        elif key in _NAV_KEYS:
            self.navigate_requested.emit(self.fact.id, int(key))
        else:
            super().keyPressEvent(event)


def _invalidate(layout: Any) -> None:
    layout.invalidate()
    for i in range(layout.count()):
        child = layout.itemAt(i).layout()
        if child is not None:
            _invalidate(child)


_NAV_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
             Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


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
        return [card for _, card in sorted(self._bound.items(), key=lambda kv: self._index[kv[0]])]

    def card(self, fact_id: str) -> FactCardWidget | None:
        """The card showing `fact_id`, if it is on screen (see ensure_visible)."""
        return self._bound.get(fact_id)

    def columns(self) -> int:
        return self._columns

    def current_fact_id(self) -> str | None:
        """The card with keyboard focus, or the one that had it last (if still shown)."""
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

    def _relayout(self, force: bool = False) -> None:
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
        return card

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._relayout()

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
