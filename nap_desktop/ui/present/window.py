"""The audience window: the slides full screen with PowerPoint's keys, black and white screens,
go-to-slide by number; with the presenter view also the console on the other screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QScreen,
    QWheelEvent,
)
from PySide6.QtWidgets import QLabel, QWidget

from nap_desktop.core.catalog.model import Catalog
from nap_desktop.core.deck import Slide
from nap_desktop.core.screens import ScreenInfo, choose_screens
from nap_desktop.ui.present.console import PresenterConsole
from nap_desktop.ui.present.slides import Presenter, SlideWidget, _family

#: the keys that move the show on or back, as in PowerPoint
FORWARD_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return,
                Qt.Key.Key_Enter)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace)


# ---- the audience window --------------------------------------------------------------------------


class PresenterWindow(QWidget):
    """The slides, full screen, with PowerPoint's keys; with ``presenter_view`` also the laptop console.

    Keys: Right/Down/PageDown/Space/Enter next; Left/Up/PageUp/Backspace previous; Home/End; a number
    then Enter jumps to that slide; B (or .) black, W (or ,) white, again to return; N (one screen) switches
    to the presenter view and back; Esc ends.
    While the screen is blanked, a navigation key only brings the slide back (the audience sees the
    slide they left, as in PowerPoint).
    """

    slide_changed = Signal(int)
    ended = Signal()

    def __init__(self, slides: Sequence[Slide], catalog: Catalog, lang: str, *, presenter_view: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        if not slides:
            raise ValueError("nothing to present")
        self.slides: list[Slide] = list(slides)
        self.catalog = catalog
        self.lang = lang
        self.index = 0
        self.blank: str | None = None
        self.notes_visible = False
        self.pending_digits = ""
        self._wheel_accum = 0
        self._ended = False
        self._screens: list[QScreen] = []
        self._swap = False
        self.clock = QElapsedTimer()  # elapsed time of the presentation (the presenter views show it)
        self.clock.start()
        #: one screen: the presenter view (current, next, notes, timer) shown instead of the slide on N
        self.presenter_page: PresenterConsole | None = None
        self.setWindowTitle(Presenter.tr("Presentation — NAP Briefing"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor("#000000"))
        self.setPalette(pal)

        self.slide_view = SlideWidget(catalog, lang, self)
        self._cover = QWidget(self)
        self._cover.setAutoFillBackground(True)
        self._cover.hide()
        self.jump_label = QLabel(self)
        self.jump_label.setStyleSheet("QLabel { background: #1d2329; color: #ffffff; padding: 8px 16px; "
                                      "border-radius: 6px; }")
        self.jump_label.hide()
        self.console: PresenterConsole | None = PresenterConsole(self) if presenter_view else None
        self._show_current()

    # -- state ----------------------------------------------------------------------------------
    @property
    def current_slide(self) -> Slide:
        return self.slides[self.index]

    def shown_slide(self) -> Slide | None:
        """What the audience sees: the current slide, or None while the screen is blacked/whited out."""
        return None if self.blank else self.slide_view.slide

    @property
    def has_presenter_view(self) -> bool:
        return self.console is not None

    # -- navigation -------------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        index = max(0, min(len(self.slides) - 1, index))
        self.blank = None
        if index != self.index:
            self.index = index
            self._show_current()
            self.slide_changed.emit(index)
        else:
            self._show_current()

    def next_slide(self) -> None:
        if self.blank:
            self.set_blank(None)
            return
        self.go_to(self.index + 1)

    def previous_slide(self) -> None:
        if self.blank:
            self.set_blank(None)
            return
        self.go_to(self.index - 1)

    def first_slide(self) -> None:
        self.go_to(0)

    def last_slide(self) -> None:
        self.go_to(len(self.slides) - 1)

    def set_blank(self, color: str | None) -> None:
        self.blank = color
        self._show_current()

    def toggle_blank(self, color: str) -> None:
        self.set_blank(None if self.blank == color else color)

    def toggle_notes(self) -> None:
        """N: with one screen, switch between the slide alone and the presenter view (the notes are never
        painted over the slide); with two, the notes are already on the presenter's screen."""
        if self.console is not None:
            return
        self.notes_visible = not self.notes_visible
        if self.notes_visible and self.presenter_page is None:
            self.presenter_page = PresenterConsole(self, embedded=True)
        self._show_current()
        self.setFocus()

    def end(self) -> None:
        if self._ended:
            return
        self._ended = True
        if self.console is not None:
            self.console.close()
        self.close()
        self.ended.emit()

    def swap_screens(self) -> None:
        """Exchange the slides and the presenter view between the two screens."""
        self._swap = not self._swap
        if len(self._screens) > 1:
            self.place_on_screens(self._screens, swap=self._swap)

    # -- keys and mouse ---------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.MetaModifier):
            return False
        if len(text) == 1 and text in "0123456789":  # not isdigit(): '²' is a digit too
            self.pending_digits = (self.pending_digits + text)[-4:]
            self._show_jump()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.pending_digits:
            number = int(self.pending_digits)
            self.pending_digits = ""
            self._show_jump()
            if 1 <= number <= len(self.slides):
                self.go_to(number - 1)
            return True
        if key == Qt.Key.Key_Backspace and self.pending_digits:
            self.pending_digits = self.pending_digits[:-1]
            self._show_jump()
            return True
        if key == Qt.Key.Key_Escape:
            if self.pending_digits:  # a mistyped slide number: Esc cancels it first
                self.pending_digits = ""
                self._show_jump()
            else:
                self.end()
            return True
        if self.pending_digits:
            self.pending_digits = ""
            self._show_jump()
        if key in FORWARD_KEYS:
            self.next_slide()
        elif key in BACK_KEYS:
            self.previous_slide()
        elif key == Qt.Key.Key_Home:
            self.first_slide()
        elif key == Qt.Key.Key_End:
            self.last_slide()
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.toggle_blank("black")
        elif key in (Qt.Key.Key_W, Qt.Key.Key_Comma):
            self.toggle_blank("white")
        elif key == Qt.Key.Key_N:
            self.toggle_notes()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab would move focus away from the slide; a clicker never sends it, so swallow it here.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.next_slide()
        elif event.button() == Qt.MouseButton.RightButton:
            self.previous_slide()
        else:
            super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._wheel_accum += event.angleDelta().y()
        while self._wheel_accum <= -120:
            self._wheel_accum += 120
            self.next_slide()
        while self._wheel_accum >= 120:
            self._wheel_accum -= 120
            self.previous_slide()
        event.accept()

    def closeEvent(self, event: Any) -> None:
        if not self._ended:
            self._ended = True
            if self.console is not None:
                self.console.close()
            self.ended.emit()
        super().closeEvent(event)

    # -- drawing ----------------------------------------------------------------------------------
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._layout_children()

    def _layout_children(self) -> None:
        r = self.rect()
        self.slide_view.setGeometry(r)
        self._cover.setGeometry(r)
        if self.presenter_page is not None:
            self.presenter_page.setGeometry(r)
        font = QFont(_family())
        font.setPixelSize(max(14, round(self.slide_view.scale() * 26)))
        self.jump_label.setFont(font)
        self.jump_label.adjustSize()
        self.jump_label.move(r.width() - self.jump_label.width() - 24, 24)

    def _show_current(self) -> None:
        slide = self.slides[self.index]
        self.slide_view.set_slide(slide, self.index + 1, len(self.slides))
        if self.blank:
            pal = self._cover.palette()
            pal.setColor(QPalette.ColorRole.Window, QColor("#000000" if self.blank == "black" else "#ffffff"))
            self._cover.setPalette(pal)
            self._cover.show()
            self._cover.raise_()
        else:
            self._cover.hide()
        page = self.presenter_page
        if page is not None:
            if self.notes_visible:
                page.setGeometry(self.rect())
                page.refresh()
                page.show()
                page.raise_()
                self.slide_view.hide()
            else:
                page.hide()
        if not self.notes_visible:
            self.slide_view.show()
        if self.blank:
            self._cover.raise_()
        if self.jump_label.isVisible():
            self.jump_label.raise_()
        self._layout_children()
        if self.console is not None:
            self.console.refresh()

    def _show_jump(self) -> None:
        if self.pending_digits:
            self.jump_label.setText(Presenter.tr("Go to slide {n}").format(n=self.pending_digits))
            self.jump_label.show()
            self._layout_children()
            self.jump_label.raise_()
        else:
            self.jump_label.hide()

    # -- screens ----------------------------------------------------------------------------------
    def place_on_screens(self, screens: Sequence[QScreen], *, swap: bool = False) -> tuple[int, int | None]:
        """Slides full screen on the audience screen; the console (if any) on the presenter's screen."""
        self._screens, self._swap = list(screens), swap
        infos = [screen_info(s) for s in self._screens]
        primary = QGuiApplication.primaryScreen()
        primary_index = self._screens.index(primary) if primary in self._screens else 0
        audience, presenter = choose_screens(infos, primary_index=primary_index, swap=swap)
        _show_on(self, self._screens[audience])
        if self.console is not None:
            if presenter is None:
                self.console.hide()
            else:
                _show_on(self.console, self._screens[presenter])
        self.activateWindow()
        self.setFocus()
        return audience, presenter


def screen_info(screen: QScreen) -> ScreenInfo:
    g = screen.geometry()
    return ScreenInfo(screen.name(), g.x(), g.y(), g.width(), g.height())


def _show_on(window: QWidget, screen: QScreen) -> None:
    if window.isFullScreen():
        window.showNormal()
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
