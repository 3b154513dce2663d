"""A clickable tile map of the 50 states and DC: one square per state, the chosen one highlighted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from nap_desktop.core.catalog.states import states
from nap_desktop.core.charts.spec import PALETTE
from nap_desktop.ui.states import States  # noqa: F401 - the view's translation context (imported from here too)

TILE_FILL = "#dbe6f0"
TILE_HOVER = "#b9cde0"
SELECTED_FILL = PALETTE["orange"]
INK = "#1d2329"


class TileMap(QWidget):
    """Click a tile to choose its state; arrow keys move the choice, Enter asks for its pack;
    right-click offers "Make a pack for this state"."""

    state_clicked = Signal(str)
    make_pack_requested = Signal(str)

    def __init__(self, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StatesTileMap")
        self._lang = lang
        self._states = {s.code: s for s in states()}
        self._rows = max(s.row for s in self._states.values()) + 1
        self._cols = max(s.col for s in self._states.values()) + 1
        self._selected = ""
        self._hover = ""
        self.last_menu: QMenu | None = None  # the context menu last shown (tests trigger its action)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(self._cols * 16, self._rows * 16))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # ---- geometry -----------------------------------------------------------------------------
    def _tile(self) -> tuple[float, float, float]:
        size = min(self.width() / self._cols, self.height() / self._rows)
        ox = (self.width() - size * self._cols) / 2
        oy = (self.height() - size * self._rows) / 2
        return size, ox, oy

    def tile_rect(self, code: str) -> QRectF:
        size, ox, oy = self._tile()
        s = self._states[code]
        gap = max(size * 0.06, 1.0)
        return QRectF(ox + s.col * size + gap / 2, oy + s.row * size + gap / 2, size - gap, size - gap)

    def state_at(self, pos: QPoint) -> str:
        for code in self._states:
            if self.tile_rect(code).contains(pos.toPointF() if hasattr(pos, "toPointF") else pos):
                return code
        return ""

    # ---- state ----------------------------------------------------------------------------------
    @property
    def selected(self) -> str:
        return self._selected

    def select(self, code: str) -> None:
        if code in self._states and code != self._selected:
            self._selected = code
            self.update()
            self.setAccessibleDescription(self._name(code))

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.update()

    def _name(self, code: str) -> str:
        s = self._states[code]
        return s.name_es if self._lang == "es" else s.name_en

    # ---- painting -------------------------------------------------------------------------------
    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        size, _, _ = self._tile()
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(9, int(size * 0.32)))
        p.setFont(font)
        for code in self._states:
            rect = self.tile_rect(code)
            chosen = code == self._selected
            fill = SELECTED_FILL if chosen else (TILE_HOVER if code == self._hover else TILE_FILL)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(fill))
            p.drawRoundedRect(rect, 3, 3)
            if chosen and self.hasFocus():
                p.setPen(QPen(QColor(PALETTE["blue"]), 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 3, 3)
            p.setPen(QColor("#ffffff" if chosen else INK))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, code)
        p.end()

    # ---- gestures ------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: Any) -> None:  # noqa: N802
        code = self.state_at(event.position().toPoint())
        if code != self._hover:
            self._hover = code
            self.setToolTip(self._name(code) if code else "")
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: Any) -> None:  # noqa: N802
        self._hover = ""
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        code = self.state_at(event.position().toPoint())
        if code and event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.select(code)
            self.state_clicked.emit(code)
            event.accept()
            return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: Any) -> None:  # noqa: N802
        code = self.state_at(event.pos())
        if not code:
            return
        self.select(code)
        self.state_clicked.emit(code)
        self.last_menu = state_menu(self, code, self._name(code), self.make_pack_requested.emit)
        self.last_menu.popup(event.globalPos())

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        key = event.key()
        moves = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
        if key in moves:
            self._move(*moves[key])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.make_pack_requested.emit(self._selected)
            return
        super().keyPressEvent(event)

    def _move(self, dr: int, dc: int) -> None:
        """The nearest tile in the direction of the arrow (tiles have holes between them)."""
        if not self._selected:
            code = min(self._states, key=lambda c: (self._states[c].row, self._states[c].col))
        else:
            here = self._states[self._selected]
            candidates = []
            for c, s in self._states.items():
                along = (s.row - here.row) * dr + (s.col - here.col) * dc
                across = abs((s.row - here.row) * dc) + abs((s.col - here.col) * dr)
                if along > 0:
                    candidates.append((along + 2 * across, c))
            if not candidates:
                return
            code = min(candidates)[1]
        self.select(code)
        self.state_clicked.emit(code)


def state_menu(parent: QWidget, code: str, name: str, make_pack: Any) -> QMenu:
    """The right-click menu of a state on any tile map: make its brief into a pack."""
    menu = QMenu(parent)
    menu.setObjectName("StateMenu")
    action = QAction(States.tr("Make a pack for %1").replace("%1", name), menu)
    action.setObjectName("MakeStatePackAction")
    action.triggered.connect(lambda: make_pack(code))
    menu.addAction(action)
    return menu
