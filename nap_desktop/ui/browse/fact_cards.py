"""One card per fact: headline figure, statement, period, publisher, status badge, "add to pack",
its menu and its drag into the pack (FactCardWidget); the status badge the other views reuse.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QMimeData, QPoint, QRectF, Qt, Signal
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

from nap_desktop.core.catalog.model import STATUS_LABELS, STATUS_SHORT, Catalog, Fact
from nap_desktop.core.catalog.search import Matches
from nap_desktop.ui import theme
from nap_desktop.ui.browse.facts import (
    FactCards,
    fact_publisher,
    fact_status,
    headline,
    highlighted,
    match_note,
    match_where,
    period_text,
)
from nap_desktop.ui.pack.pack_model import FACT_MIME


def _set_label_text(label: QLabel, text: str, rich: str | None) -> None:
    if rich is None:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)
    else:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(rich)


_NAV_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
             Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


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
    clicked = Signal(str, object)  # fact id, the keyboard modifiers (selection: plain, Ctrl, Shift)

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
        self.setProperty("selected", False)
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
        # why the source has no specific link or date: the short form on the face, the full text in the tooltip
        src = next((self._catalog.sources[s] for s in fact.sources if s in self._catalog.sources), None)
        short = src.short_reason(lang).split(";")[0] if src is not None and hasattr(src, "short_reason") else ""
        why = src.reasons(lang) if src is not None and hasattr(src, "reasons") else ""
        if publisher and short:
            publisher = f"{publisher}, {short}"
        from nap_desktop.ui.updates.staleness import card_line  # "Newer figures likely out since …" (offline)

        stale, stale_tip = card_line(fact, self._catalog, lang)
        meta = " · ".join(p for p in (period_text(fact, lang), publisher) if p)
        self.meta_label.setText(meta + (f"\n{stale}" if stale else ""))
        self.meta_label.setToolTip("\n".join(p for p in (stale_tip, why) if p))
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
            # a click selects (Ctrl adds or removes one, Shift a range), as Anki and Zotero do; a double
            # click or Enter opens
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.clicked.emit(self.fact.id, event.modifiers())
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit(self.fact.id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def set_selected(self, selected: bool) -> None:
        if self.property("selected") == selected:
            return
        self.setProperty("selected", selected)
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()

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
